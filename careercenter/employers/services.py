"""Company records, profile, team membership and invitations."""

import hashlib
import secrets
from datetime import timedelta

from ..database import utcnow
from ..email import send_email
from ..extensions import db
from ..jobs.models import slugify
from .models import Company, CompanyInvitation, CompanyMember, MemberRole


def unique_company_slug(name):
    base = slugify(name, max_length=60) or "employer"
    slug, n = base, 1
    while db.session.scalar(db.select(Company.id).filter_by(slug=slug)) is not None:
        n += 1
        slug = f"{base}-{n}"
    return slug


def create_company(*, owner, name, **fields):
    """Add a company with ``owner`` as its owner to the session (no commit)."""
    company = Company(name=name, slug=unique_company_slug(name), **fields)
    db.session.add(company)
    db.session.add(CompanyMember(company=company, user=owner, role=MemberRole.OWNER))
    return company

INVITATION_DAYS = 14


def update_company(company, form, logo_name=None):
    """Save the profile form onto ``company``. Commits."""
    company.name = form.name.data
    company.website = form.website.data or None
    company.org_type = form.org_type.data
    company.city = form.city.data or None
    company.state = form.state.data or None
    company.about = form.about.data or None
    if logo_name:
        company.logo_path = logo_name
    db.session.commit()
    return company


def _hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def invite_problem(company, email):
    """Why an invitation to ``email`` could not be accepted (a message for the owner), or None."""
    from ..accounts.services import find_user

    user = find_user(email)
    if user is None:
        return None
    if any(m.user_id == user.id for m in company.members):
        return "This person is already on your team."
    if not user.is_employer:
        return (f"{user.email} is a job-seeker account, which cannot join an employer's team. "
                "Ask your colleague for another address to invite.")
    if db.session.scalar(db.select(CompanyMember.id).filter_by(user_id=user.id).limit(1)) is not None:
        return f"{user.email} already belongs to another employer's team, so it cannot join yours."
    return None


def pending_invitations(company):
    """Invitations still waiting: not accepted, revoked or expired, newest first."""
    cutoff = utcnow() - timedelta(days=INVITATION_DAYS)
    return db.session.scalars(
        db.select(CompanyInvitation)
        .filter(CompanyInvitation.company_id == company.id, CompanyInvitation.accepted_at.is_(None),
                CompanyInvitation.created_at >= cutoff)
        .order_by(CompanyInvitation.id.desc())
    ).all()


def _drop_pending(company_id, email, keep=None):
    """Delete the open invitations for ``email`` at a company, so their links stop working."""
    query = db.delete(CompanyInvitation).where(CompanyInvitation.company_id == company_id,
                                               CompanyInvitation.email == email.lower(),
                                               CompanyInvitation.accepted_at.is_(None))
    if keep is not None:
        query = query.where(CompanyInvitation.id != keep.id)
    db.session.execute(query)


def revoke_invitation(invitation):
    """Cancel a pending invitation; its link stops working. Commits."""
    db.session.delete(invitation)
    db.session.commit()


def invite_member(company, *, email, role, invited_by):
    """Record an invitation and email its link; an earlier open invitation to the same address
    at the company is replaced (its link stops working). Commits; returns the invitation."""
    _drop_pending(company.id, email.lower())
    token = secrets.token_urlsafe(32)
    invitation = CompanyInvitation(company=company, email=email.lower(), role=role,
                                   token_hash=_hash(token), invited_by_id=invited_by.id)
    db.session.add(invitation)
    send_email("team-invitation", invitation.email, invitation=invitation, company=company,
               inviter=invited_by, token=token)
    db.session.commit()
    return invitation


def find_invitation(token):
    """The open invitation for ``token``, or None when unknown, used or older than 14 days."""
    invitation = db.session.scalar(db.select(CompanyInvitation).filter_by(token_hash=_hash(token or "")))
    if invitation is None or invitation.accepted_at is not None:
        return None
    if invitation.created_at < utcnow() - timedelta(days=INVITATION_DAYS):
        return None
    return invitation


def accept_invitation(invitation, user):
    """Add ``user`` to the invitation's company with its role; other open invitations for the
    address at that company stop working. Commits."""
    existing = db.session.scalar(db.select(CompanyMember).filter_by(company_id=invitation.company_id, user_id=user.id))
    if existing is None:
        db.session.add(CompanyMember(company_id=invitation.company_id, user_id=user.id, role=invitation.role))
    invitation.accepted_at = utcnow()
    _drop_pending(invitation.company_id, invitation.email, keep=invitation)
    db.session.commit()


def remove_member(member):
    """Take a colleague off the team; open invitations for their address at the company stop
    working, so an older email cannot bring them back. Commits."""
    _drop_pending(member.company_id, member.user.email)
    db.session.delete(member)
    db.session.commit()


def owners_count(company):
    return sum(1 for m in company.members if m.role == MemberRole.OWNER)


def application_counts(job_ids):
    """``{job_id: number of applications}`` for the dashboard."""
    from ..applications.models import Application

    if not job_ids:
        return {}
    rows = db.session.execute(
        db.select(Application.job_id, db.func.count(Application.id))
        .where(Application.job_id.in_(job_ids)).group_by(Application.job_id)
    )
    return dict(rows.all())
