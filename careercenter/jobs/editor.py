"""The employer's post editor: create, edit, preview, duplicate, close, reopen, delete a draft."""

from flask import Blueprint, flash, g, redirect, render_template, request, url_for
from flask_login import current_user

from ..employers.access import member_required, own_or_404
from ..database import utcnow
from ..extensions import db
from ..rendering import render_markdown
from . import services
from .editing import deadline_limit, form_data_for, save_job
from .forms import CloseForm, ConfirmCloseForm, ConfirmDeleteForm, JobForm
from .lifecycle import DELETABLE, EDITABLE, TransitionError, can_move, can_reopen
from .models import Job, JobStatus, LinkKind

bp = Blueprint("posts", __name__, url_prefix="/employer/jobs")


def _job(job_id):
    return own_or_404(db.session.get(Job, job_id))


def _suggested():
    """The linker suggestions the editor showed (see templates/codes/_suggestions.html)."""
    fields = {LinkKind.SETTING: "settings", LinkKind.SPECIALTY: "specialties", LinkKind.CREDENTIAL: "credentials"}
    return {kind: request.form.getlist(f"suggested_{name}")[:100] for kind, name in fields.items()}


def _form(job=None, **kwargs):
    return JobForm(today=services.local_today(), deadline_limit=deadline_limit(job), **kwargs)


@bp.route("/new", methods=["GET", "POST"])
@member_required
def new():
    form = _form()
    if form.validate_on_submit():
        job = save_job(None, form, company=g.company, user=current_user, suggested=_suggested())
        flash("Draft saved. This is how your post will look.", "success")
        return redirect(url_for("posts.preview", job_id=job.id))
    return render_template("jobs/editor.html", form=form, job=None), 200 if request.method == "GET" else 422


@bp.route("/<int:job_id>/edit", methods=["GET", "POST"])
@member_required
def edit(job_id):
    job = _job(job_id)
    if job.status not in EDITABLE:
        flash("This post was removed and can no longer be changed.", "warning")
        return redirect(url_for("employers.dashboard"))
    form = _form(job, data=form_data_for(job)) if request.method == "GET" else _form(job)
    if form.validate_on_submit():
        live = job.is_live
        save_job(job, form, company=g.company, user=current_user, suggested=_suggested())
        flash("Your changes are live." if live else "Draft saved.", "success")
        return redirect(url_for("posts.preview", job_id=job.id))
    return render_template("jobs/editor.html", form=form, job=job), 200 if request.method == "GET" else 422


@bp.route("/<int:job_id>/preview")
@member_required
def preview(job_id):
    job = _job(job_id)
    from ..billing.models import Order

    has_orders = db.session.scalar(db.select(Order.id).filter_by(job_id=job.id).limit(1)) is not None
    return render_template("jobs/preview.html", job=job, description=render_markdown(job.description_md),
                           action_form=CloseForm(), JobStatus=JobStatus, has_orders=has_orders,
                           can_reopen=can_reopen(job.status, job.expires_at, utcnow()),
                           can_delete=job.status in DELETABLE and not services.has_paid_order(job))


@bp.route("/<int:job_id>/duplicate", methods=["POST"])
@member_required
def duplicate(job_id):
    job = _job(job_id)
    if CloseForm().validate_on_submit():
        copy = services.duplicate_job(job, user=current_user)
        flash("A copy was saved as a new draft.", "success")
        return redirect(url_for("posts.edit", job_id=copy.id))
    return redirect(url_for("posts.preview", job_id=job.id))


@bp.route("/<int:job_id>/close", methods=["GET", "POST"])
@member_required
def close(job_id):
    """Close as filled, after a ticked confirmation (works without JavaScript)."""
    job = _job(job_id)
    if not can_move(job.status, JobStatus.CLOSED):
        flash("Only a published post can be closed.", "warning")
        return redirect(url_for("employers.dashboard"))
    form = ConfirmCloseForm()
    if form.validate_on_submit():
        services.close_job(job)
        flash(f"“{job.title}” is closed as filled and no longer listed.", "success")
        return redirect(url_for("employers.dashboard"))
    return render_template("jobs/close.html", job=job, form=form), 200 if request.method == "GET" else 422


@bp.route("/<int:job_id>/reopen", methods=["POST"])
@member_required
def reopen(job_id):
    job = _job(job_id)
    if CloseForm().validate_on_submit():
        try:
            services.reopen_job(job)
        except TransitionError as exc:
            flash(str(exc) + " Renew it to list it again.", "warning")
        else:
            flash(f"“{job.title}” is listed again until {job.listed_until:%b} {job.listed_until.day}, "
                  f"{job.listed_until.year}.", "success")
    return redirect(url_for("employers.dashboard"))


@bp.route("/<int:job_id>/delete", methods=["GET", "POST"])
@member_required
def delete(job_id):
    """Delete a draft that was never paid for, after a ticked confirmation."""
    job = _job(job_id)
    if job.status not in DELETABLE or services.has_paid_order(job):
        flash("Only a draft that was never paid for can be deleted. Close a published post instead.", "warning")
        return redirect(url_for("posts.preview", job_id=job.id))
    form = ConfirmDeleteForm()
    if form.validate_on_submit():
        title = job.title
        services.delete_draft(job)
        flash(f"The draft “{title}” was deleted.", "success")
        return redirect(url_for("employers.dashboard"))
    return render_template("jobs/delete.html", job=job, form=form), 200 if request.method == "GET" else 422
