from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from werkzeug.security import check_password_hash

from ..accounts.access import seeker_required
from ..codes.choices import names
from ..extensions import db
from ..jobs.models import Job
from ..security import safe_next
from . import services
from .forms import MAX_CREDENTIALS, DeleteAccountForm, ProfileForm, ResumeForm
from .models import Resume, SavedJob
from .resumes import ResumeError, resume_response

bp = Blueprint("seekers", __name__)


@bp.app_template_global()
def is_saved(job):
    """True when the signed-in coder bookmarked ``job`` (no query for anyone else)."""
    if not (current_user.is_authenticated and current_user.is_seeker):
        return False
    return db.session.scalar(db.select(SavedJob.id).filter_by(user_id=current_user.id, job_id=job.id)) is not None


@bp.app_template_global()
def catalogue_name(kind, value):
    return names(kind).get(value, value)


@bp.route("/profile")
@seeker_required
def profile():
    return render_template("seekers/profile.html", profile=services.profile_of(current_user), resume_form=ResumeForm())


def _fill_form(form, profile):
    form.name.data = current_user.name
    if profile is None:
        return
    for key in ("headline", "city", "state", "zip_code", "work_preference", "years_experience", "desired_pay",
                "desired_pay_period", "settings", "specialties", "visible_to_employers"):
        getattr(form, key).data = getattr(profile, key)
    for entry, held in zip(form.credentials, profile.credentials[:MAX_CREDENTIALS]):
        entry.form.code.data, entry.form.year.data = held.code, held.year_earned


@bp.route("/profile/edit", methods=["GET", "POST"])
@seeker_required
def edit_profile():
    form = ProfileForm()
    if request.method == "GET":
        _fill_form(form, services.profile_of(current_user))
    if form.validate_on_submit():
        services.update_profile(
            current_user,
            name=form.name.data,
            credentials=form.credential_pairs(),
            headline=form.headline.data or None,
            city=form.city.data or None,
            state=form.state.data or None,
            zip_code=form.zip_code.data or None,
            work_preference=form.work_preference.data,
            years_experience=form.years_experience.data,
            desired_pay=form.desired_pay.data,
            desired_pay_period=form.desired_pay_period.data or None,
            settings=form.settings.data or [],
            specialties=form.specialties.data or [],
            visible_to_employers=form.visible_to_employers.data,
        )
        flash("Your profile is saved.", "success")
        return redirect(url_for("seekers.profile"))
    return render_template("seekers/edit_profile.html", form=form), 200 if request.method == "GET" else 422


@bp.route("/profile/resume", methods=["POST"])
@seeker_required
def upload_resume():
    form = ResumeForm()
    if form.validate_on_submit():
        try:
            resume = services.upload_profile_resume(current_user, form.resume.data)
        except ResumeError as exc:
            form.resume.errors = [str(exc)]
        else:
            flash(f"Your resume {resume.display_name} is uploaded.", "success")
            return redirect(url_for("seekers.profile"))
    return render_template("seekers/profile.html", profile=services.profile_of(current_user), resume_form=form), 422


@bp.route("/profile/resume/remove", methods=["POST"])
@seeker_required
def remove_resume():
    services.remove_profile_resume(current_user)
    flash("Your profile resume is removed.", "info")
    return redirect(url_for("seekers.profile"))


@bp.route("/profile/resumes/<int:resume_id>")
@login_required
def download_resume(resume_id):
    resume = db.session.get(Resume, resume_id)
    if resume is None or not services.resume_readable_by(resume, current_user):
        abort(404)
    return resume_response(resume)


@bp.route("/saved-jobs")
@seeker_required
def saved():
    return render_template("seekers/saved.html", saved=services.saved_jobs(current_user))


@bp.route("/saved-jobs/<int:job_id>", methods=["POST"])
@seeker_required
def save(job_id):
    job = db.session.get(Job, job_id)
    if job is None or not job.is_live:
        flash("That post is no longer open, so it cannot be saved.", "warning")
        return redirect(url_for("seekers.saved"))
    services.save_job(current_user, job)
    flash("Saved to your jobs list.", "success")
    return redirect(safe_next(url_for("jobs.detail", ref=f"{job.id}-{job.slug}")))


@bp.route("/saved-jobs/<int:job_id>/remove", methods=["POST"])
@seeker_required
def unsave(job_id):
    services.unsave_job(current_user, job_id)
    flash("Removed from your saved jobs.", "info")
    return redirect(safe_next(url_for("seekers.saved")))


@bp.route("/profile/delete", methods=["GET", "POST"])
@login_required
def delete_account():
    if not current_user.is_seeker or current_user.is_staff:
        abort(403)
    form = DeleteAccountForm()
    if form.validate_on_submit():
        if not check_password_hash(current_user.password_hash or "", form.password.data):
            form.password.errors.append("That password is not right.")
        else:
            services.delete_seeker_account(current_user)
            flash("Your account and personal data are deleted.", "info")
            return redirect(url_for("public.home"))
    return render_template("seekers/delete_account.html", form=form), 200 if request.method == "GET" else 422
