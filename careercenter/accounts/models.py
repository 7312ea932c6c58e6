import hashlib
import hmac
from enum import StrEnum

from flask import current_app
from flask_login import UserMixin
from sqlalchemy import func
from sqlalchemy.orm import Mapped, mapped_column

from ..database import UTCDateTime, utcnow
from ..extensions import db


class AccountType(StrEnum):
    SEEKER = "seeker"
    EMPLOYER = "employer"


class User(UserMixin, db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    # Stored lower-cased so uniqueness is case-insensitive on every database.
    email: Mapped[str] = mapped_column(db.String(254), unique=True)
    password_hash: Mapped[str | None] = mapped_column(db.String(255))
    name: Mapped[str] = mapped_column(db.String(120))
    account_type: Mapped[str] = mapped_column(db.String(16), default=AccountType.SEEKER)
    is_staff: Mapped[bool] = mapped_column(default=False)
    is_active_account: Mapped[bool] = mapped_column(default=True)
    email_verified_at = mapped_column(UTCDateTime())
    last_login_at = mapped_column(UTCDateTime())
    created_at = mapped_column(UTCDateTime(), default=utcnow, server_default=func.now(), nullable=False)

    @property
    def session_token(self):
        """A short value derived from the password hash: it changes with the password, so
        sessions and "keep me signed in" cookies made before a change stop working."""
        key = current_app.config["SECRET_KEY"].encode()
        return hmac.new(key, (self.password_hash or "").encode(), hashlib.sha256).hexdigest()[:20]

    def get_id(self):
        # Flask-Login's alternative id: the session names the password it was signed in with.
        return f"{self.id}:{self.session_token}"

    @property
    def is_active(self):
        return self.is_active_account

    @property
    def is_verified(self):
        return self.email_verified_at is not None

    @property
    def is_employer(self):
        return self.account_type == AccountType.EMPLOYER

    @property
    def is_seeker(self):
        return self.account_type == AccountType.SEEKER

    def __repr__(self):
        return f"<User {self.id} {self.email}>"
