"""The coder's side: apply, withdraw, "My applications". The employer's pipeline is in pipeline.py."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from ..accounts.access import seeker_required
from ..extensions import db, limiter
from ..jobs.models import ApplyMethod, Job
from ..seekers import services as seekers
from ..seekers.resumes import ResumeError, delete_file, resume_response
from . import services
from .forms import WithdrawForm, apply_form_for
from .models import Application, ApplicationStatus

bp = Blueprint("applications", __name__)


def _user_key():
    """Rate-limit applying per account (falls back to the address for guests)."""
    return f"user:{current_user.id}" if current_user.is_authenticated else (request.remote_addr or "unknown")


@bp.app_template_global()
def application_for(job):
    """The signed-in coder's application to ``job``, or None (no query for anyone else)."""
    if not (current_user.is_authenticated and current_user.is_seeker):
        return None
    application = services.application_of(current_user, job)
    # A withdrawn application is no bar: the post offers "Apply now" again (see apply()).
    if application is not None and application.status == ApplicationStatus.WITHDRAWN:
        return None
    return application


@bp.app_template_global()
def apply_refusal(job):
    if job.apply_method != ApplyMethod.ONSITE:
        return None
    return services.user_refusal(current_user) or services.refusal_reason(job)


def _job_or_404(job_id):
    job = db.session.get(Job, job_id)
    if job is None:
        abort(404)
    return job


def _job_url(job):
    return url_for("jobs.detail", ref=f"{job.id}-{job.slug}")


@bp.route("/jobs/<int:job_id>/apply", methods=["GET", "POST"])
@seeker_required
@limiter.limit("20/hour;60/day", methods=["POST"], key_func=_user_key)
def apply(job_id):
    job = _job_or_404(job_id)
    existing = services.application_of(current_user, job)
    if existing is not None and existing.status != ApplicationStatus.WITHDRAWN:
        flash("You have already applied to this post. Its status is below.", "info")
        return redirect(url_for("applications.detail", application_id=existing.id))
    reason = services.user_refusal(current_user) or services.refusal_reason(job)
    if reason:
        flash(reason, "warning")
        return render_template("applications/refused.html", job=job, reason=reason), 409 if request.method == "POST" else 200
    profile = seekers.profile_of(current_user)
    profile_resume = profile.resume if profile else None
    questions = services.questions_of(job)
    form = apply_form_for(questions, profile_resume)
    if form.validate_on_submit():
        # A first resume uploaded while applying becomes the profile resume too; otherwise the
        # "also make this my profile resume" box counts only for an upload (it may be ticked
        # but unseen when the profile resume was chosen).
        keep_upload = profile_resume is None or (form.resume_choice.data == "upload" and form.save_to_profile.data)
        try:
            if form.resume_choice.data == "profile" and profile_resume is not None:
                resume = profile_resume
            elif keep_upload:
                resume = seekers.upload_profile_resume(current_user, form.resume_file.data)
            else:
                resume = seekers.accept_resume(current_user, form.resume_file.data)
        except ResumeError as exc:
            form.resume_file.errors = [str(exc)]
        else:
            answers = {q.id: (form[f"q_{q.id}"].data or "") for q in questions}
            try:
                application = services.apply(current_user, job, resume=resume, cover_note=form.cover_note.data,
                                             answers=answers)
            except services.ApplyError as exc:
                db.session.rollback()
                if resume is not profile_resume and not keep_upload:
                    # An upload only for this application: nothing refers to the file now.
                    delete_file(resume.storage_name)
                flash(str(exc), "warning")
                return redirect(_job_url(job))
            flash(f"Your application to {job.title} at {job.company.name} is sent. We emailed you a copy.", "success")
            return redirect(url_for("applications.detail", application_id=application.id))
    if existing is not None and request.method == "GET":
        flash(f"You withdrew your application to this post. Applying again sends {job.company.name} "
              "a new application; your earlier one stays in its history.", "info")
    status = 200 if request.method == "GET" else 422
    return render_template("applications/apply.html", job=job, form=form, profile=profile,
                           outside_states=_outside_remote_states(job, profile)), status


def _outside_remote_states(job, profile):
    """True when a remote post limited to some states does not include the coder's profile state."""
    from ..jobs.models import WorkArrangement

    return bool(job.work_arrangement == WorkArrangement.REMOTE and job.remote_states and profile is not None
                and profile.state and profile.state not in job.remote_states)


@bp.route("/applications")
@seeker_required
def mine():
    rows = db.session.scalars(
        db.select(Application).filter_by(user_id=current_user.id).order_by(Application.created_at.desc(), Application.id.desc())
    ).all()
    return render_template("applications/mine.html", applications=rows)


def _own_application_or_404(application_id):
    """The coder's own application (staff may look at any); 404 for everybody else."""
    application = db.session.get(Application, application_id)
    if application is None or not (current_user.is_staff or application.user_id == current_user.id):
        abort(404)
    return application


@bp.route("/applications/<int:application_id>")
@login_required
def detail(application_id):
    application = _own_application_or_404(application_id)
    return render_template("applications/detail.html", application=application)


@bp.route("/applications/<int:application_id>/withdraw", methods=["GET", "POST"])
@login_required
def withdraw(application_id):
    """Ask first, then withdraw: only a POST with the confirm box ticked withdraws. A POST
    without it (the old one-click button) only shows the question."""
    application = db.session.get(Application, application_id)
    if application is None or application.user_id != current_user.id:
        abort(404)
    if not application.can_withdraw:
        flash(f"An application marked {application.status_label.lower()} can no longer be withdrawn.", "warning")
        return redirect(url_for("applications.detail", application_id=application.id))
    asked = request.method == "POST" and "confirm_step" in request.form
    form = WithdrawForm() if asked else WithdrawForm(formdata=None)
    if asked and form.validate_on_submit():
        try:
            services.withdraw(application, current_user)
        except services.TransitionError as exc:
            flash(str(exc), "warning")
        else:
            flash(f"Your application to {application.job.title} is withdrawn. You can apply again while "
                  "the post is open.", "info")
        return redirect(url_for("applications.detail", application_id=application.id))
    return render_template("applications/withdraw.html", application=application, form=form), 422 if asked else 200


@bp.route("/applications/<int:application_id>/resume")
@login_required
def resume(application_id):
    """The resume sent with one application: for its coder, the posting company's members and staff."""
    application = db.session.get(Application, application_id)
    if application is None or not _may_read_application(application):
        abort(404)
    if application.resume is None:
        abort(404)
    return resume_response(application.resume)


def _may_read_application(application):
    user = current_user
    return user.is_staff or application.user_id == user.id or application.job.company.has_member(user)


@bp.app_template_global()
def status_label(value):
    return ApplicationStatus(value).label if value else ""


from . import pipeline  # noqa: F401  (the employer's routes live on the same blueprint)


def _register_cli():
    import click

    from ..cli import site_command

    @site_command(bp.cli, "send-summaries")
    def send_summaries():
        """Send the daily summary of new applications to companies that chose it."""
        from .tasks import send_applicant_summaries

        click.echo(f"Sent summaries to {send_applicant_summaries()} companies.")


_register_cli()
