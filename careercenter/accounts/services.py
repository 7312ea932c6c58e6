"""Account workflows. Each function commits; emails leave after the commit."""

import hmac

from flask import current_app
from werkzeug.security import check_password_hash, generate_password_hash

from ..database import utcnow
from ..email import send_email
from ..employers.services import create_company
from ..extensions import db
from .models import AccountType, User
from .tokens import (  # noqa: F401 (read_reset_token used by views)
    TokenError,
    make_email_change_token,
    make_reset_token,
    make_verify_token,
    read_email_change_token,
    read_reset_token,
    read_verify_token,
)

# Checked against when the email is unknown, so a login takes as long either way.
_DUMMY_HASH = None


def hash_password(password):
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


def find_user(email):
    return db.session.scalar(db.select(User).filter_by(email=(email or "").strip().lower()))


def load_user(user_id):
    try:
        return db.session.get(User, int(user_id))
    except (TypeError, ValueError):
        return None


def load_session_user(session_id):
    """The user a session or remember cookie names (``"<id>:<token>"``), or None when the
    password changed since that session signed in."""
    user_id, _, token = str(session_id or "").partition(":")
    user = load_user(user_id)
    if user is None or not token or not hmac.compare_digest(token, user.session_token):
        return None
    return user


def register_user(*, email, password, name, account_type, company_name=None):
    """Create an account and send the verification email; when the address is taken,
    email its owner instead, so the page says the same thing either way. Commits."""
    existing = find_user(email)
    if existing is not None:
        # Spend the time a fresh sign-up spends hashing, so the answer's timing does not tell either.
        hash_password(password)
        send_email("account-exists", existing.email, user=existing)
        db.session.commit()
        return None
    user = User(email=email.lower(), password_hash=hash_password(password), name=name, account_type=account_type)
    db.session.add(user)
    if account_type == AccountType.EMPLOYER:
        create_company(owner=user, name=company_name)
    db.session.flush()
    send_verification(user)
    db.session.commit()
    return user


def send_verification(user):
    """Queue the verification email (sent after the caller commits)."""
    send_email("verify-email", user.email, user=user, token=make_verify_token(user))


def resend_verification(user):
    """Send a fresh verification link. Commits."""
    send_verification(user)
    db.session.commit()


def resend_verification_to(email):
    """Send a fresh verification link to ``email`` if it belongs to an active, unverified
    account; silent otherwise, so the answer does not tell whether the address exists. Commits."""
    user = find_user(email)
    if user is not None and user.is_active and not user.is_verified:
        resend_verification(user)


def verify_email(token):
    """Mark the address in a verification link as verified. Commits; raises TokenError."""
    user = read_verify_token(token, load_user)
    if user.email_verified_at is None:
        user.email_verified_at = utcnow()
        db.session.commit()
    return user


def authenticate(email, password):
    """The user for these credentials, or None. Records the login time (commits)."""
    global _DUMMY_HASH
    user = find_user(email)
    if user is None or not user.password_hash:
        _DUMMY_HASH = _DUMMY_HASH or hash_password("not-a-real-password")
        check_password_hash(_DUMMY_HASH, password or "")
        return None
    if not check_password_hash(user.password_hash, password or ""):
        return None
    user.last_login_at = utcnow()
    db.session.commit()
    return user


def check_password(user, password):
    """Whether ``password`` is the user's current password."""
    return bool(user.password_hash) and check_password_hash(user.password_hash, password or "")


def rename_user(user, name):
    """Change the display name. Commits."""
    user.name = name
    db.session.commit()


def change_password(user, current_password, new_password):
    """Set a new password if ``current_password`` is right; False (nothing changed) otherwise.
    Earlier reset links and every session signed in with the old password stop working; the
    owner is emailed. Commits."""
    if not check_password(user, current_password):
        return False
    user.password_hash = hash_password(new_password)
    send_email("password-changed", user.email, user=user, by_reset=False)
    db.session.commit()
    return True


def request_email_change(user, new_email):
    """Email a confirmation link to ``new_email``; the account keeps its current address until
    the link is opened. When another account already uses ``new_email``, its owner is told
    instead, so the requester's page reads the same either way. Commits."""
    if new_email == user.email:
        return
    if find_user(new_email) is not None:
        send_email("email-taken", new_email, requester_name=user.name)
    else:
        send_email("change-email", new_email, user=user, new_email=new_email,
                   token=make_email_change_token(user, new_email))
    db.session.commit()


def confirm_email_change(token):
    """Move the account to the address in a change-of-address link and mark it verified;
    the old address is told. Commits; raises TokenError ("invalid", "expired" or "taken")."""
    user, new_email = read_email_change_token(token, load_user)
    if find_user(new_email) is not None:
        raise TokenError("taken")
    old_email = user.email
    user.email = new_email
    user.email_verified_at = utcnow()
    db.session.flush()
    send_email("email-changed", old_email, user=user, old_email=old_email)
    db.session.commit()
    return user


def request_password_reset(email):
    """Email a reset link if the address has an account; silent otherwise. Commits."""
    user = find_user(email)
    if user is not None and user.is_active:
        send_email("reset-password", user.email, user=user, token=make_reset_token(user))
        db.session.commit()


def reset_password(token, password):
    """Set a new password from a reset link; the link and every signed-in session stop working;
    the owner is emailed. Commits; raises TokenError."""
    user = read_reset_token(token, load_user)
    user.password_hash = hash_password(password)
    # Whoever can read the inbox has proven the address.
    user.email_verified_at = user.email_verified_at or utcnow()
    send_email("password-changed", user.email, user=user, by_reset=True)
    db.session.commit()
    return user


def create_or_promote_staff(email, password=None, name=None):
    """Make ``email`` a staff account, creating it if needed. With no password, a
    set-password link is emailed. Commits. Returns (user, created)."""
    user = find_user(email)
    created = user is None
    if created:
        user = User(email=email.lower(), name=name or email.split("@")[0], account_type=AccountType.SEEKER)
        db.session.add(user)
    user.is_staff = True
    user.email_verified_at = user.email_verified_at or utcnow()
    if password:
        user.password_hash = hash_password(password)
    db.session.flush()
    if not password:
        # An existing account keeps its password: the email says so and offers the link as optional.
        send_email("set-password", user.email, user=user, token=make_reset_token(user), existing=not created)
    db.session.commit()
    return user, created
