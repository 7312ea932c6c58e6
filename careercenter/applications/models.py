from enum import StrEnum

from sqlalchemy import ForeignKey, Index, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, utcnow
from ..extensions import db


class ApplicationStatus(StrEnum):
    NEW = "new"
    REVIEWING = "reviewing"
    INTERVIEW = "interview"
    OFFER = "offer"
    HIRED = "hired"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"

    @property
    def label(self):
        return self.value.capitalize() if self != ApplicationStatus.REVIEWING else "In review"


S = ApplicationStatus

# Moves an employer may make. Forward moves may skip steps (a strong applicant can go
# straight to interview). Backward moves are allowed only where real hiring goes back:
# an interview turns out premature (interview → reviewing), an offer is retracted for
# more interviews (offer → interview), a rejection was a mistake (rejected → reviewing).
# Hired is final (the post may be closed as filled); withdrawn is the coder's own choice
# and employers cannot undo it.
EMPLOYER_TRANSITIONS = {
    S.NEW: {S.REVIEWING, S.INTERVIEW, S.REJECTED},
    S.REVIEWING: {S.INTERVIEW, S.OFFER, S.REJECTED},
    S.INTERVIEW: {S.REVIEWING, S.OFFER, S.REJECTED},
    S.OFFER: {S.INTERVIEW, S.HIRED, S.REJECTED},
    S.HIRED: set(),
    S.REJECTED: {S.REVIEWING},
    S.WITHDRAWN: set(),
}

# The coder may withdraw until a decision is made.
WITHDRAWABLE = {S.NEW, S.REVIEWING, S.INTERVIEW, S.OFFER}


def can_move(current, target):
    """True when an employer may move an application from ``current`` to ``target``."""
    return S(target) in EMPLOYER_TRANSITIONS.get(S(current), set())


class NotifyMode(StrEnum):
    INSTANT = "instant"
    DAILY = "daily"


class QuestionKind(StrEnum):
    YES_NO = "yes_no"
    TEXT = "text"

    @property
    def label(self):
        return "Yes / no" if self == QuestionKind.YES_NO else "Short text"


class Application(db.Model):
    """A coder's application to one post. After the coder deletes the account the row stays,
    anonymised (user, resume, cover note and answers gone), so the employer's counts hold."""

    __table_args__ = (
        UniqueConstraint("job_id", "user_id", name="uq_application_job_user"),
        Index("ix_application_job_status", "job_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("job.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"), index=True)
    resume_id: Mapped[int | None] = mapped_column(ForeignKey("resume.id", ondelete="SET NULL"), index=True)
    cover_note: Mapped[str | None] = mapped_column(db.Text)
    status: Mapped[str] = mapped_column(db.String(16), default=ApplicationStatus.NEW)
    created_at = mapped_column(UTCDateTime(), default=utcnow, server_default=func.now(), nullable=False)
    updated_at = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow, nullable=False)
    # Set when the employer was told (instant email or daily summary); null means "not yet".
    employer_notified_at = mapped_column(UTCDateTime(), index=True)
    anonymised_at = mapped_column(UTCDateTime())

    job = relationship("Job")
    user = relationship("User")
    resume = relationship("Resume")
    events = relationship(
        "ApplicationEvent", back_populates="application", cascade="all, delete-orphan",
        order_by="ApplicationEvent.id",
    )
    notes = relationship(
        "ApplicationNote", back_populates="application", cascade="all, delete-orphan", order_by="ApplicationNote.id"
    )
    answers = relationship("ScreeningAnswer", back_populates="application", cascade="all, delete-orphan")

    @property
    def status_label(self):
        return ApplicationStatus(self.status).label

    @property
    def is_read_only(self):
        """The applicant deleted their account: the record stays, but nobody acts on it."""
        return self.anonymised_at is not None

    @property
    def can_withdraw(self):
        return self.status in WITHDRAWABLE

    def next_statuses(self):
        return sorted(EMPLOYER_TRANSITIONS[ApplicationStatus(self.status)], key=list(ApplicationStatus).index)


class ApplicationEvent(db.Model):
    """One change of an application's status (the first row records its arrival)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[str | None] = mapped_column(db.String(16))
    to_status: Mapped[str] = mapped_column(db.String(16))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    notified: Mapped[bool] = mapped_column(default=False)
    created_at = mapped_column(UTCDateTime(), default=utcnow, server_default=func.now(), nullable=False)

    application = relationship("Application", back_populates="events")

    @property
    def to_label(self):
        return ApplicationStatus(self.to_status).label


class ApplicationNote(db.Model):
    """A private note by the employer's team on an application; never shown to the coder."""

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    body: Mapped[str] = mapped_column(db.Text)
    created_at = mapped_column(UTCDateTime(), default=utcnow, server_default=func.now(), nullable=False)

    application = relationship("Application", back_populates="notes")
    author = relationship("User")


class ScreeningQuestion(db.Model):
    """A question the employer asks everyone who applies to one post."""

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("job.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    prompt: Mapped[str] = mapped_column(db.String(300))
    kind: Mapped[str] = mapped_column(db.String(8), default=QuestionKind.YES_NO)
    required: Mapped[bool] = mapped_column(default=True)


class ScreeningAnswer(db.Model):
    __table_args__ = (UniqueConstraint("application_id", "question_id", name="uq_screening_answer_app_question"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("screening_question.id", ondelete="CASCADE"), index=True)
    answer: Mapped[str] = mapped_column(db.String(500), default="")

    application = relationship("Application", back_populates="answers")
    question = relationship("ScreeningQuestion")


class ApplicantNotice(db.Model):
    """How a company wants to hear about new applications: each at once, or one daily summary."""

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("company.id", ondelete="CASCADE"), unique=True)
    mode: Mapped[str] = mapped_column(db.String(8), default=NotifyMode.INSTANT)
