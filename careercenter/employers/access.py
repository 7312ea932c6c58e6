"""Guards for employer pages: every object must belong to the signed-in member's company."""

from functools import wraps

from flask import abort, g
from flask_login import current_user

from ..accounts.access import FOR_EMPLOYERS, verified_required
from .models import MemberRole, membership


def member_required(view):
    """Verified users who belong to a company; ``g.company`` and ``g.member`` are set.

    Seekers and staff without a company get 403; guests are sent to sign in.
    """

    @wraps(view)
    @verified_required
    def wrapped(*args, **kwargs):
        member = membership(current_user)
        if member is None:
            abort(403, FOR_EMPLOYERS if not current_user.is_employer else
                  "Your account isn't part of an employer's team. Ask a colleague who owns the company page to invite you.")
        g.member, g.company = member, member.company
        return view(*args, **kwargs)

    return wrapped


def owner_required(view):
    """Like ``member_required``, for the company's owners only."""

    @wraps(view)
    @member_required
    def wrapped(*args, **kwargs):
        if g.member.role != MemberRole.OWNER:
            abort(403, "Only the company's owners can do this. Ask an owner on your team.")
        return view(*args, **kwargs)

    return wrapped


def own_or_404(obj):
    """``obj`` if it belongs to the current company; 404 otherwise (its existence is not revealed)."""
    if obj is None or obj.company_id != g.company.id:
        abort(404)
    return obj
