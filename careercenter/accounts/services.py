"""Account workflows. Each function commits; emails leave after the commit."""

from flask import current_app
from werkzeug.security import check_password_hash, generate_password_hash

from ..database import utcnow
from ..email import send_email
from ..employers.services import create_company
from ..extensions import db
from .models import AccountType, User
from .tokens import make_reset_token, make_verify_token, read_reset_token, read_verify_token  # noqa: F401 (read_reset_token used by views)

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


def request_password_reset(email):
    """Email a reset link if the address has an account; silent otherwise. Commits."""
    user = find_user(email)
    if user is not None and user.is_active:
        send_email("reset-password", user.email, user=user, token=make_reset_token(user))
        db.session.commit()


def reset_password(token, password):
    """Set a new password from a reset link; the link stops working. Commits; raises TokenError."""
    user = read_reset_token(token, load_user)
    user.password_hash = hash_password(password)
    # Whoever can read the inbox has proven the address.
    user.email_verified_at = user.email_verified_at or utcnow()
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
        send_email("set-password", user.email, user=user, token=make_reset_token(user))
    db.session.commit()
    return user, created
