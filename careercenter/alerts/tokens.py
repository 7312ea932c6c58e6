"""Signed links in alert emails: unsubscribe (never expires), manage alerts, confirm a guest's search."""

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeSerializer, URLSafeTimedSerializer

CONFIRM_MAX_AGE = 7 * 24 * 3600


def _plain(salt):
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=salt)


def make_unsubscribe_token(saved_search):
    return _plain("alerts-unsubscribe").dumps(saved_search.id)


def make_unsubscribe_token_for(saved_searches):
    """One token for the saved searches of one email (a single id when there is one)."""
    ids = sorted(s.id for s in saved_searches)
    return _plain("alerts-unsubscribe").dumps(ids[0] if len(ids) == 1 else ids)


def read_unsubscribe_token(token):
    """The saved search ids the token names ([] when the token is not ours)."""
    try:
        value = _plain("alerts-unsubscribe").loads(token)
    except BadSignature:
        return []
    if isinstance(value, int) and not isinstance(value, bool):
        return [value]
    if isinstance(value, list) and value and all(isinstance(v, int) and not isinstance(v, bool) for v in value):
        return value
    return []


def make_manage_token(email):
    return _plain("alerts-manage").dumps(email.lower())


def read_manage_token(token):
    try:
        value = _plain("alerts-manage").loads(token)
    except BadSignature:
        return None
    return value if isinstance(value, str) else None


def make_confirm_token(saved_search):
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="alerts-confirm").dumps(saved_search.id)


def read_confirm_token(token):
    """(saved search id or None, reason) — reason is "expired" or "invalid" on failure."""
    try:
        value = URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="alerts-confirm").loads(
            token, max_age=CONFIRM_MAX_AGE
        )
    except SignatureExpired:
        return None, "expired"
    except BadSignature:
        return None, "invalid"
    return (value, "") if isinstance(value, int) else (None, "invalid")
