"""Saved searches, the index the matcher reads, the sent-log and the suppression list."""

from enum import StrEnum

from sqlalchemy import BigInteger, ForeignKey, Index, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, utcnow
from ..extensions import db


class Frequency(StrEnum):
    INSTANT = "instant"
    DAILY = "daily"
    WEEKLY = "weekly"


class SearchStatus(StrEnum):
    PENDING = "pending"  # a guest has not clicked the confirmation link yet
    ACTIVE = "active"
    PAUSED = "paused"
    UNSUBSCRIBED = "unsubscribed"


class PauseReason(StrEnum):
    USER = "user"
    BOUNCED = "bounced"


class SavedSearch(db.Model):
    __tablename__ = "saved_search"
    __table_args__ = (Index("ix_saved_search_due", "status", "frequency", "next_run_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    email: Mapped[str] = mapped_column(db.String(254), index=True)  # lower-cased
    name: Mapped[str] = mapped_column(db.String(120))
    params: Mapped[dict] = mapped_column(db.JSON, default=dict)  # canonical search arguments
    frequency: Mapped[str] = mapped_column(db.String(10), default=Frequency.DAILY)
    weekday: Mapped[int | None] = mapped_column()  # 0 = Monday, weekly only
    hour: Mapped[int] = mapped_column(default=8)  # local hour of digests
    timezone: Mapped[str] = mapped_column(db.String(64), default="America/New_York")
    status: Mapped[str] = mapped_column(db.String(16), default=SearchStatus.ACTIVE)
    pause_reason: Mapped[str | None] = mapped_column(db.String(16))
    # Copied from the criteria so the matcher can narrow candidates in SQL.
    state: Mapped[str | None] = mapped_column(db.String(2))
    min_pay_cents: Mapped[int | None] = mapped_column(BigInteger)
    next_run_at = mapped_column(UTCDateTime())  # next digest, UTC
    last_sent_at = mapped_column(UTCDateTime())
    confirmed_at = mapped_column(UTCDateTime())
    created_at = mapped_column(UTCDateTime(), default=utcnow, server_default=func.now(), nullable=False)

    user = relationship("User")
    keys = relationship("SavedSearchKey", cascade="all, delete-orphan")

    @property
    def recipient(self):
        return self.user.email if self.user is not None else self.email

    @property
    def is_guest(self):
        return self.user_id is None


class SavedSearchKey(db.Model):
    """One entry of the matcher's index: "primary|secondary" criteria a post must have to be a candidate."""

    __tablename__ = "saved_search_key"
    __table_args__ = (Index("ix_saved_search_key_key", "key", "saved_search_id"),)

    saved_search_id: Mapped[int] = mapped_column(ForeignKey("saved_search.id", ondelete="CASCADE"), primary_key=True)
    key: Mapped[str] = mapped_column(db.String(120), primary_key=True)


class AlertMatch(db.Model):
    """The sent-log: a post matched a saved search once; ``sent_at`` when it went out in an email."""

    __tablename__ = "alert_match"
    __table_args__ = (
        db.UniqueConstraint("saved_search_id", "job_id", name="uq_alert_match_search_job"),
        Index("ix_alert_match_unsent", "saved_search_id", "sent_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    saved_search_id: Mapped[int] = mapped_column(ForeignKey("saved_search.id", ondelete="CASCADE"))
    job_id: Mapped[int] = mapped_column(ForeignKey("job.id", ondelete="CASCADE"), index=True)
    matched_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
    sent_at = mapped_column(UTCDateTime())


class EmailSuppression(db.Model):
    """An address the relay refused for good; nothing more is sent to it."""

    __tablename__ = "email_suppression"

    email: Mapped[str] = mapped_column(db.String(254), primary_key=True)
    reason: Mapped[str] = mapped_column(db.String(500), default="")
    created_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
