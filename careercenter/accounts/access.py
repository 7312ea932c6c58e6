"""View guards for roles and verified email."""

from functools import wraps

from flask import abort, flash, redirect, request, url_for
from flask_login import current_user

from ..extensions import login_manager

FOR_EMPLOYERS = "This page is for employers. You're signed in with a coder account."
FOR_CODERS = "This page is for coders looking for work. You're signed in with an employer account."
FOR_STAFF = "This page is for CareerCenter staff."


def verified_required(view):
    """Signed-in users with a verified email only; others are sent to sign in or told to verify."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        if not current_user.is_authenticated:
            return login_manager.unauthorized()
        if not current_user.is_verified:
            flash("Please verify your email address first — we sent you a link. You can ask for a new one below.", "warning")
            return redirect(url_for("accounts.verify_pending", next=request.full_path.rstrip("?")))
        return view(*args, **kwargs)

    return wrapped


def employer_required(view):
    """Verified employer accounts (or staff)."""

    @wraps(view)
    @verified_required
    def wrapped(*args, **kwargs):
        if not (current_user.is_employer or current_user.is_staff):
            abort(403, FOR_EMPLOYERS)
        return view(*args, **kwargs)

    return wrapped


def seeker_required(view):
    """Verified job-seeker accounts."""

    @wraps(view)
    @verified_required
    def wrapped(*args, **kwargs):
        if not current_user.is_seeker:
            abort(403, FOR_CODERS)
        return view(*args, **kwargs)

    return wrapped


def staff_required(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        if not current_user.is_authenticated:
            return login_manager.unauthorized()
        if not current_user.is_staff:
            abort(403, FOR_STAFF)
        return view(*args, **kwargs)

    return wrapped
