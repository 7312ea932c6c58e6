"""Signed, expiring links for email verification, address changes and password reset."""

import hashlib

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

VERIFY_MAX_AGE = 3 * 24 * 3600
RESET_MAX_AGE = 3600


class TokenError(Exception):
    """The link is malformed, tampered with, expired or already used."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason  # "expired" or "invalid"


def _serializer(salt):
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=salt)


def _fingerprint(user):
    # Changes when the password changes, so a reset link works once.
    return hashlib.sha256((user.password_hash or "").encode()).hexdigest()[:16]


def make_verify_token(user):
    return _serializer("verify-email").dumps({"u": user.id, "e": user.email})


def make_email_change_token(user, new_email):
    # The current address rides along: once the change is made (or another one is), the link is spent.
    return _serializer("change-email").dumps({"u": user.id, "o": user.email, "n": new_email})


def make_reset_token(user):
    return _serializer("reset-password").dumps({"u": user.id, "f": _fingerprint(user)})


def _load(salt, token, max_age):
    try:
        return _serializer(salt).loads(token, max_age=max_age)
    except SignatureExpired as exc:
        raise TokenError("expired") from exc
    except BadSignature as exc:
        raise TokenError("invalid") from exc


def read_verify_token(token, load_user):
    """The user a verification link is for; raises TokenError."""
    data = _load("verify-email", token, VERIFY_MAX_AGE)
    user = load_user(data.get("u")) if isinstance(data, dict) else None
    if user is None or user.email != data.get("e"):
        raise TokenError("invalid")
    return user


def read_reset_token(token, load_user):
    """The user a reset link is for, if the password has not changed since; raises TokenError."""
    data = _load("reset-password", token, RESET_MAX_AGE)
    user = load_user(data.get("u")) if isinstance(data, dict) else None
    if user is None or data.get("f") != _fingerprint(user):
        raise TokenError("invalid")
    return user


def read_email_change_token(token, load_user):
    """(user, new address) for a change-of-address link; raises TokenError."""
    data = _load("change-email", token, VERIFY_MAX_AGE)
    user = load_user(data.get("u")) if isinstance(data, dict) else None
    if user is None or not data.get("n") or user.email != data.get("o"):
        raise TokenError("invalid")
    return user, data["n"]
