import re
import unicodedata
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, utcnow
from ..extensions import db


class JobStatus(StrEnum):
    DRAFT = "draft"
    PENDING_PAYMENT = "pending_payment"
    PUBLISHED = "published"
    EXPIRED = "expired"
    CLOSED = "closed"
    REMOVED = "removed"


class WorkArrangement(StrEnum):
    ONSITE = "onsite"
    HYBRID = "hybrid"
    REMOTE = "remote"


class EmploymentType(StrEnum):
    FULL_TIME = "full-time"
    PART_TIME = "part-time"
    CONTRACT = "contract"
    PER_DIEM = "per-diem"
    TEMPORARY = "temporary"
    INTERNSHIP = "internship"


class PayPeriod(StrEnum):
    HOUR = "hour"
    YEAR = "year"


class ExperienceLevel(StrEnum):
    ENTRY = "entry"
    MID = "mid"
    SENIOR = "senior"
    LEAD = "lead"


class ApplyMethod(StrEnum):
    ONSITE = "onsite"  # on CareerCenter
    URL = "url"
    EMAIL = "email"


LABELS = {
    WorkArrangement.ONSITE: "On-site",
    WorkArrangement.HYBRID: "Hybrid",
    WorkArrangement.REMOTE: "Remote",
    EmploymentType.FULL_TIME: "Full-time",
    EmploymentType.PART_TIME: "Part-time",
    EmploymentType.CONTRACT: "Contract",
    EmploymentType.PER_DIEM: "Per diem",
    EmploymentType.TEMPORARY: "Temporary",
    EmploymentType.INTERNSHIP: "Internship",
    ExperienceLevel.ENTRY: "Entry level",
    ExperienceLevel.MID: "Mid level",
    ExperienceLevel.SENIOR: "Senior",
    ExperienceLevel.LEAD: "Lead / manager",
    PayPeriod.HOUR: "per hour",
    PayPeriod.YEAR: "per year",
}


def label(value):
    """Human label of an enum value; the value itself when unknown."""
    return LABELS.get(value, value or "")


# Letters NFKD does not split into a base letter and an accent, spelled the way they are
# usually written in ASCII (so "Ørsted" is "orsted", not "rsted").
_TRANSLITERATE = str.maketrans({
    "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss", "ẞ": "SS",
    "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH", "ł": "l", "Ł": "L",
    "ı": "i", "ħ": "h", "Ħ": "H", "ŧ": "t", "Ŧ": "T", "ŋ": "ng", "Ŋ": "NG", "ĸ": "k",
})


def slugify(text, max_length=80):
    """An ASCII URL slug: accents dropped, letters like ø/æ/ß transliterated, runs of anything
    else turned into one hyphen; "job" when nothing is left."""
    text = unicodedata.normalize("NFKD", (text or "").translate(_TRANSLITERATE)).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-zA-Z0-9]+", "-", text).strip("-").lower()
    return text[:max_length].rstrip("-") or "job"


class Job(db.Model):
    __table_args__ = (Index("ix_job_status_expires", "status", "expires_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("company.id", ondelete="CASCADE"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(db.String(160))
    description_md: Mapped[str] = mapped_column(db.Text, default="")
    city: Mapped[str | None] = mapped_column(db.String(100))
    state: Mapped[str | None] = mapped_column(db.String(2), index=True)
    zip_code: Mapped[str | None] = mapped_column(db.String(10))
    work_arrangement: Mapped[str] = mapped_column(db.String(16), default=WorkArrangement.ONSITE)
    # Two-letter states a remote hire may live in; empty means anywhere in the US.
    remote_states: Mapped[list] = mapped_column(db.JSON, default=list)
    employment_type: Mapped[str] = mapped_column(db.String(16), default=EmploymentType.FULL_TIME)
    experience_level: Mapped[str | None] = mapped_column(db.String(16))
    pay_min = mapped_column(db.Numeric(10, 2))
    pay_max = mapped_column(db.Numeric(10, 2))
    pay_period: Mapped[str | None] = mapped_column(db.String(8))
    apply_method: Mapped[str] = mapped_column(db.String(8), default=ApplyMethod.ONSITE)
    apply_url: Mapped[str | None] = mapped_column(db.String(500))
    apply_email: Mapped[str | None] = mapped_column(db.String(254))
    apply_deadline = mapped_column(db.Date)
    status: Mapped[str] = mapped_column(db.String(20), default=JobStatus.DRAFT, index=True)
    # Featured only until the end of the last Featured period paid for; expire_jobs clears
    # is_featured once that moment passes, so every list reads the one flag.
    is_featured: Mapped[bool] = mapped_column(default=False)
    featured_until = mapped_column(UTCDateTime())
    view_count: Mapped[int] = mapped_column(default=0)
    published_at = mapped_column(UTCDateTime(), index=True)
    expires_at = mapped_column(UTCDateTime())
    closed_at = mapped_column(UTCDateTime())
    # The product last paid for (duration, featured); set at fulfilment.
    product_id: Mapped[int | None] = mapped_column(ForeignKey("product.id", ondelete="SET NULL"))
    # Each reminder goes out once per paid period; renewal clears both.
    expiring_notice_sent_at = mapped_column(UTCDateTime())
    expired_notice_sent_at = mapped_column(UTCDateTime())
    created_at = mapped_column(UTCDateTime(), default=utcnow, server_default=func.now(), nullable=False)
    updated_at = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow, nullable=False)

    company = relationship("Company", lazy="joined")
    links = relationship("JobLink", back_populates="job", cascade="all, delete-orphan")

    @property
    def slug(self):
        return slugify(self.title)

    @property
    def listed_until(self):
        """The last day (a date in the site's time zone) the post is listed, or None before payment.

        The one definition every page and email shows ("listed until", "open until"): expiry is
        the midnight after the last paid day, so that midnight itself is not a listed day.
        """
        if self.expires_at is None:
            return None
        from datetime import timedelta
        from zoneinfo import ZoneInfo

        from flask import current_app

        zone = ZoneInfo(current_app.config["TIMEZONE"])
        return (self.expires_at - timedelta(microseconds=1)).astimezone(zone).date()

    @property
    def featured_ends_first(self):
        """The last day of featuring when it ends before the listing (a Standard renewal of a
        Featured post), else None: then the post is featured for as long as it is listed."""
        if not (self.is_featured and self.featured_until and self.expires_at and self.featured_until < self.expires_at):
            return None
        from datetime import timedelta

        from ..templating import site_zone

        return (self.featured_until - timedelta(microseconds=1)).astimezone(site_zone()).date()

    @property
    def is_live(self):
        return self.status == JobStatus.PUBLISHED and self.expires_at is not None and self.expires_at > utcnow()

    @classmethod
    def published(cls, now=None):
        """Select posts a visitor may see: published and not yet past their end."""
        now = now or utcnow()
        return db.select(cls).where(cls.status == JobStatus.PUBLISHED, cls.expires_at > now)

    @classmethod
    def live_condition(cls, now=None):
        now = now or utcnow()
        return (cls.status == JobStatus.PUBLISHED) & (cls.expires_at > now)

    def location_label(self):
        place = ", ".join(p for p in (self.city, self.state) if p)
        if self.work_arrangement == WorkArrangement.REMOTE:
            where = ", ".join(self.remote_states or []) or "US"
            return f"Remote ({where})"
        if self.work_arrangement == WorkArrangement.HYBRID:
            return f"Hybrid · {place}" if place else "Hybrid"
        return place or "On-site"

    def pay_label(self):
        if self.pay_min is None and self.pay_max is None:
            return ""
        hourly = self.pay_period == PayPeriod.HOUR

        def money(v):
            return f"${v:,.2f}" if hourly else f"${v:,.0f}"

        lo, hi = self.pay_min, self.pay_max
        amount = f"{money(lo)} – {money(hi)}" if lo is not None and hi is not None and lo != hi else money(lo if lo is not None else hi)
        return f"{amount} {label(self.pay_period)}".strip()


class LinkKind(StrEnum):
    SETTING = "setting"
    SPECIALTY = "specialty"
    CREDENTIAL = "credential"
    CODE_SYSTEM = "code_system"
    CODE = "code"


class LinkSource(StrEnum):
    EMPLOYER = "employer"  # chosen in the post editor; wins over suggestions
    LINKER = "linker"  # found in the text by the code linker
    REMOVED = "removed"  # a suggestion the employer turned down


class JobLink(db.Model):
    """A post's tie to a catalogue entry (setting, specialty, credential, code system or code)."""

    __table_args__ = (
        db.UniqueConstraint("job_id", "kind", "value", name="uq_job_link_job_kind_value"),
        Index("ix_job_link_kind_value", "kind", "value", "job_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("job.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(db.String(16))
    value: Mapped[str] = mapped_column(db.String(40))
    source: Mapped[str] = mapped_column(db.String(10), default=LinkSource.EMPLOYER)
    required: Mapped[bool | None] = mapped_column()
    score: Mapped[float | None] = mapped_column()
    evidence: Mapped[list] = mapped_column(db.JSON, default=list)

    job = relationship("Job", back_populates="links")
