from enum import StrEnum

from sqlalchemy import ForeignKey, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, utcnow
from ..extensions import db


class WorkPreference(StrEnum):
    ANY = "any"
    ONSITE = "onsite"
    HYBRID = "hybrid"
    REMOTE = "remote"

    @property
    def label(self):
        return {"any": "No preference", "onsite": "On-site", "hybrid": "Hybrid", "remote": "Remote"}[self.value]


class ResumeKind(StrEnum):
    PDF = "pdf"
    DOCX = "docx"

    @property
    def content_type(self):
        return CONTENT_TYPES[self]


CONTENT_TYPES = {
    ResumeKind.PDF: "application/pdf",
    ResumeKind.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


class SeekerProfile(db.Model):
    """What a coder tells employers about themselves; one per seeker account."""

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), unique=True)
    headline: Mapped[str | None] = mapped_column(db.String(160))
    city: Mapped[str | None] = mapped_column(db.String(100))
    state: Mapped[str | None] = mapped_column(db.String(2))
    zip_code: Mapped[str | None] = mapped_column(db.String(10))
    work_preference: Mapped[str] = mapped_column(db.String(16), default=WorkPreference.ANY)
    years_experience: Mapped[int | None] = mapped_column()
    desired_pay = mapped_column(db.Numeric(10, 2))
    desired_pay_period: Mapped[str | None] = mapped_column(db.String(8))
    # Catalogue slugs (codes/choices.py); small lists read with the profile, never queried alone.
    settings: Mapped[list] = mapped_column(db.JSON, default=list)
    specialties: Mapped[list] = mapped_column(db.JSON, default=list)
    # Employers the coder applied to always see the profile; this opens it to others (candidate search).
    visible_to_employers: Mapped[bool] = mapped_column(default=False)
    resume_id: Mapped[int | None] = mapped_column(ForeignKey("resume.id", ondelete="SET NULL"))
    created_at = mapped_column(UTCDateTime(), default=utcnow, server_default=func.now(), nullable=False)
    updated_at = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow, nullable=False)

    user = relationship("User")
    resume = relationship("Resume", foreign_keys=[resume_id])
    credentials = relationship(
        "SeekerCredential", back_populates="profile", cascade="all, delete-orphan", order_by="SeekerCredential.code"
    )

    def location_label(self):
        return ", ".join(p for p in (self.city, self.state) if p)

    def desired_pay_label(self):
        """"$31.50 per hour", "$62,000 per year", or "" when no pay is given."""
        if not self.desired_pay:
            return ""
        from ..jobs.models import label
        from ..jobs.pay import format_pay

        return f"{format_pay(self.desired_pay, self.desired_pay_period)} {label(self.desired_pay_period)}".strip()

    @property
    def work_preference_label(self):
        return WorkPreference(self.work_preference).label

    @property
    def is_filled(self):
        return bool(self.headline or self.credentials or self.settings)


class SeekerCredential(db.Model):
    """A credential the coder holds (catalogue code such as CPC) with the year it was earned."""

    __table_args__ = (UniqueConstraint("profile_id", "code", name="uq_seeker_credential_profile_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("seeker_profile.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(db.String(20), index=True)
    year_earned: Mapped[int | None] = mapped_column()

    profile = relationship("SeekerProfile", back_populates="credentials")


class Resume(db.Model):
    """An uploaded resume file; the bytes live under UPLOAD_DIR with a random name."""

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(db.String(8))
    storage_name: Mapped[str] = mapped_column(db.String(80), unique=True)
    # Shown to people only; never used to build a path or a download header unescaped.
    display_name: Mapped[str] = mapped_column(db.String(120))
    size: Mapped[int] = mapped_column()
    text: Mapped[str] = mapped_column(db.Text, default="")
    created_at = mapped_column(UTCDateTime(), default=utcnow, server_default=func.now(), nullable=False)

    user = relationship("User")

    @property
    def content_type(self):
        return ResumeKind(self.kind).content_type


class SavedJob(db.Model):
    """A bookmark of a post on the coder's "Saved jobs" list."""

    __table_args__ = (UniqueConstraint("user_id", "job_id", name="uq_saved_job_user_job"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("job.id", ondelete="CASCADE"), index=True)
    created_at = mapped_column(UTCDateTime(), default=utcnow, server_default=func.now(), nullable=False)

    job = relationship("Job")
