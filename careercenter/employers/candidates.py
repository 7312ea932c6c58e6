"""Candidate search: company members find coders who opened their profile to employers,
and invite one to apply to a live post. The coder's email address is never shown; the
invitation is sent by CareerCenter on the employer's behalf.
"""

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import String, cast, exists, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from ..accounts.models import AccountType, User
from ..applications.models import Application
from ..email import send_email
from ..extensions import db, limiter
from ..jobs.models import Job
from ..pagination import page_number
from ..seekers.models import SeekerCredential, SeekerProfile
from .access import member_required
from .forms import CandidateSearchForm, InviteToApplyForm
from .models import CandidateInvitation
from .views import bp

PER_PAGE = 25


def _json_list_has(column, value):
    # Settings and specialties are short JSON lists of catalogue slugs; the quotes delimit one slug.
    return cast(column, String).like(f'%"{value}"%')


def candidates_query(form):
    """Profiles open to employers, of verified and active coders, filtered by the search form."""
    stmt = (
        select(SeekerProfile)
        .join(User, User.id == SeekerProfile.user_id)
        .where(SeekerProfile.visible_to_employers.is_(True), User.account_type == AccountType.SEEKER,
               User.is_active_account.is_(True), User.is_staff.is_(False), User.email_verified_at.is_not(None))
        .options(selectinload(SeekerProfile.credentials), selectinload(SeekerProfile.user))
    )
    if form.credential.data:
        stmt = stmt.where(exists().where(SeekerCredential.profile_id == SeekerProfile.id,
                                         SeekerCredential.code == form.credential.data))
    if form.setting.data:
        stmt = stmt.where(_json_list_has(SeekerProfile.settings, form.setting.data))
    if form.specialty.data:
        stmt = stmt.where(_json_list_has(SeekerProfile.specialties, form.specialty.data))
    if form.state.data:
        stmt = stmt.where(SeekerProfile.state == form.state.data)
    if form.work_preference.data:
        stmt = stmt.where(SeekerProfile.work_preference.in_([form.work_preference.data, "any"]))
    if form.min_years.data is not None:
        stmt = stmt.where(SeekerProfile.years_experience >= form.min_years.data)
    if form.q.data:
        stmt = stmt.where(SeekerProfile.headline.icontains(form.q.data, autoescape=True))
    return stmt.order_by(SeekerProfile.updated_at.desc(), SeekerProfile.id.desc())


def _visible_profile(profile_id):
    """The profile if its coder lets employers find it, else None."""
    profile = db.session.get(SeekerProfile, profile_id)
    user = profile.user if profile else None
    if (profile is None or not profile.visible_to_employers or user is None or not user.is_seeker
            or not user.is_active or user.is_staff or not user.is_verified):
        return None
    return profile


def _live_jobs():
    return db.session.scalars(Job.published().where(Job.company_id == g.company.id).order_by(Job.title)).all()


@bp.route("/employer/candidates")
@member_required
def candidates():
    form = CandidateSearchForm(request.args, meta={"csrf": False})
    valid = form.validate()
    stmt = candidates_query(form) if valid else candidates_query(CandidateSearchForm(formdata=None, meta={"csrf": False}))
    page = db.paginate(stmt, page=page_number(), per_page=PER_PAGE, error_out=False)
    args = {k: v for k, v in form.data.items() if v not in (None, "")}
    return render_template("employers/candidates.html", form=form, page=page, company=g.company, searched=bool(args),
                           page_url=lambda n: url_for("employers.candidates", **args, page=n)), 200 if valid else 422


def _invite_form(profile):
    """The invitation form offering the company's live posts this coder was not yet invited to nor applied to,
    with what was already sent or received (shown on the page)."""
    jobs = _live_jobs()
    job_ids = [j.id for j in jobs]
    invited = db.session.scalars(
        select(CandidateInvitation).where(CandidateInvitation.user_id == profile.user_id,
                                          CandidateInvitation.job_id.in_(job_ids))
        .order_by(CandidateInvitation.created_at)
    ).all() if job_ids else []
    applied = set(db.session.scalars(
        select(Application.job_id).where(Application.user_id == profile.user_id, Application.job_id.in_(job_ids))
    )) if job_ids else set()
    taken = applied | {i.job_id for i in invited}
    form = InviteToApplyForm()
    form.job_id.choices = [(j.id, j.title) for j in jobs if j.id not in taken]
    return form, {"jobs": {j.id: j for j in jobs}, "invited": invited, "applied": [j for j in jobs if j.id in applied]}


def _render_candidate(profile, form, sent, status=200):
    return render_template("employers/candidate.html", profile=profile, form=form, company=g.company, **sent), status


@bp.route("/employer/candidates/<int:profile_id>")
@member_required
def candidate(profile_id):
    profile = _visible_profile(profile_id)
    if profile is None:
        abort(404)
    form, sent = _invite_form(profile)
    return _render_candidate(profile, form, sent)


@bp.route("/employer/candidates/<int:profile_id>/invite", methods=["POST"])
@member_required
@limiter.limit("30/hour", methods=["POST"])
def invite_candidate(profile_id):
    profile = _visible_profile(profile_id)
    if profile is None:
        flash("This coder no longer lets employers find their profile, so no invitation was sent.", "warning")
        return redirect(url_for("employers.candidates"))
    form, sent = _invite_form(profile)
    chosen = request.form.get("job_id", type=int)
    if chosen in {i.job_id for i in sent["invited"]}:
        form.job_id.errors = [f"{profile.user.name} was already invited to this post."]
        return _render_candidate(profile, form, sent, 422)
    if chosen in {j.id for j in sent["applied"]}:
        form.job_id.errors = [f"{profile.user.name} has already applied to this post."]
        return _render_candidate(profile, form, sent, 422)
    if not form.validate_on_submit():
        if chosen is not None and form.job_id.errors and chosen not in sent["jobs"]:
            form.job_id.errors = ["Choose one of your company's live posts."]
        return _render_candidate(profile, form, sent, 422)
    job = sent["jobs"][form.job_id.data]
    db.session.add(CandidateInvitation(user_id=profile.user_id, job_id=job.id, invited_by_id=current_user.id))
    try:
        db.session.flush()
    except IntegrityError:  # a colleague sent the same invitation a moment ago
        db.session.rollback()
        flash(f"{profile.user.name} was already invited to {job.title}.", "info")
        return redirect(url_for("employers.candidate", profile_id=profile.id))
    send_email("candidate-invitation", profile.user.email, user=profile.user, job=job, company=g.company,
               sender_name=current_user.name, message=form.message.data)
    db.session.commit()
    flash(f"We emailed {profile.user.name} an invitation to apply to {job.title}. "
          "Their address stays private; they answer by applying.", "success")
    return redirect(url_for("employers.candidate", profile_id=profile.id))
