from enum import StrEnum

from sqlalchemy import ForeignKey, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, utcnow
from ..extensions import db


class OrganisationType(StrEnum):
    HOSPITAL = "hospital"
    PHYSICIAN_GROUP = "physician-group"
    CODING_VENDOR = "coding-vendor"
    PAYER = "payer"
    FEDERAL = "federal"
    OTHER = "other"

    @property
    def label(self):
        return ORGANISATION_LABELS[self]


ORGANISATION_LABELS = {
    OrganisationType.HOSPITAL: "Hospital or health system",
    OrganisationType.PHYSICIAN_GROUP: "Physician group",
    OrganisationType.CODING_VENDOR: "Coding or revenue-cycle vendor",
    OrganisationType.PAYER: "Health plan or payer",
    OrganisationType.FEDERAL: "Government or federal",
    OrganisationType.OTHER: "Other",
}


class MemberRole(StrEnum):
    OWNER = "owner"
    MEMBER = "member"


class Company(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(db.String(160))
    slug: Mapped[str] = mapped_column(db.String(180), unique=True)
    website: Mapped[str | None] = mapped_column(db.String(300))
    about: Mapped[str | None] = mapped_column(db.Text)
    org_type: Mapped[str] = mapped_column(db.String(32), default=OrganisationType.OTHER)
    city: Mapped[str | None] = mapped_column(db.String(100))
    state: Mapped[str | None] = mapped_column(db.String(2))
    logo_path: Mapped[str | None] = mapped_column(db.String(255))
    created_at = mapped_column(UTCDateTime(), default=utcnow, server_default=func.now(), nullable=False)

    members = relationship("CompanyMember", back_populates="company", cascade="all, delete-orphan")

    @property
    def logo_version(self):
        """Part of the logo's URL that changes with every upload (the stored random name), so a
        browser's cached copy of the old logo is never shown for the new one."""
        if not self.logo_path:
            return None
        return self.logo_path.rsplit("/", 1)[-1].split(".", 1)[0].rsplit("-", 1)[-1]

    def has_member(self, user):
        return user.is_authenticated and any(m.user_id == user.id for m in self.members)


class CompanyMember(db.Model):
    __table_args__ = (UniqueConstraint("company_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("company.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(db.String(16), default=MemberRole.MEMBER)
    created_at = mapped_column(UTCDateTime(), default=utcnow, server_default=func.now(), nullable=False)

    company = relationship("Company", back_populates="members")
    user = relationship("User")


def company_of(user):
    """The company the employer user belongs to, or None."""
    if not user.is_authenticated:
        return None
    member = db.session.scalar(db.select(CompanyMember).filter_by(user_id=user.id).limit(1))
    return member.company if member else None


class CompanyInvitation(db.Model):
    """An emailed invitation to join a company; the link carries a token whose hash is kept here."""

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("company.id", ondelete="CASCADE"), index=True)
    email: Mapped[str] = mapped_column(db.String(254))
    role: Mapped[str] = mapped_column(db.String(16), default=MemberRole.MEMBER)
    token_hash: Mapped[str] = mapped_column(db.String(64), unique=True)
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at = mapped_column(UTCDateTime(), default=utcnow, server_default=func.now(), nullable=False)
    accepted_at = mapped_column(UTCDateTime())

    company = relationship("Company")
    invited_by = relationship("User")


def membership(user, company=None):
    """The user's CompanyMember row (for ``company`` if given), or None."""
    if not user.is_authenticated:
        return None
    query = db.select(CompanyMember).filter_by(user_id=user.id)
    if company is not None:
        query = query.filter_by(company_id=company.id)
    return db.session.scalar(query.order_by(CompanyMember.id).limit(1))


class CandidateInvitation(db.Model):
    """An invitation to apply, sent from the candidate search: at most one per coder and post."""

    __table_args__ = (UniqueConstraint("user_id", "job_id", name="uq_candidate_invitation_user_job"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    job_id: Mapped[int] = mapped_column(ForeignKey("job.id", ondelete="CASCADE"), index=True)
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at = mapped_column(UTCDateTime(), default=utcnow, server_default=func.now(), nullable=False)

    job = relationship("Job")
    invited_by = relationship("User", foreign_keys=[invited_by_id])
