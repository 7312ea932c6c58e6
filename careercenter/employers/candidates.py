"""Candidate search: company members find coders who opened their profile to employers,
and invite one to apply to a live post. The coder's email address is never shown; the
invitation is sent by CareerCenter on the employer's behalf.
"""

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import String, cast, exists, select
from sqlalchemy.orm import selectinload

from ..accounts.models import AccountType, User
from ..email import send_email
from ..extensions import db, limiter
from ..jobs.models import Job
from ..pagination import page_number
from ..seekers.models import SeekerCredential, SeekerProfile
from .access import member_required
from .forms import CandidateSearchForm, InviteToApplyForm
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
        stmt = stmt.where(SeekerProfile.headline.ilike(f"%{form.q.data}%"))
    return stmt.order_by(SeekerProfile.updated_at.desc(), SeekerProfile.id.desc())


def _visible_profile(profile_id):
    profile = db.session.get(SeekerProfile, profile_id)
    user = profile.user if profile else None
    if (profile is None or not profile.visible_to_employers or user is None or not user.is_seeker
            or not user.is_active or user.is_staff or not user.is_verified):
        abort(404)
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


@bp.route("/employer/candidates/<int:profile_id>")
@member_required
def candidate(profile_id):
    profile = _visible_profile(profile_id)
    form = InviteToApplyForm()
    form.job_id.choices = [(j.id, j.title) for j in _live_jobs()]
    return render_template("employers/candidate.html", profile=profile, form=form, company=g.company)


@bp.route("/employer/candidates/<int:profile_id>/invite", methods=["POST"])
@member_required
@limiter.limit("30/hour", methods=["POST"])
def invite_candidate(profile_id):
    profile = _visible_profile(profile_id)
    form = InviteToApplyForm()
    jobs = {j.id: j for j in _live_jobs()}
    form.job_id.choices = [(j.id, j.title) for j in jobs.values()]
    if not form.validate_on_submit():
        return render_template("employers/candidate.html", profile=profile, form=form, company=g.company), 422
    job = jobs[form.job_id.data]
    send_email("candidate-invitation", profile.user.email, user=profile.user, job=job, company=g.company,
               sender_name=current_user.name, message=form.message.data)
    db.session.commit()
    flash(f"We emailed {profile.user.name} an invitation to apply to {job.title}. "
          "Their address stays private; they answer by applying.", "success")
    return redirect(url_for("employers.candidate", profile_id=profile.id))
