"""The employer's post editor: create, edit, preview, duplicate, close."""

from flask import Blueprint, flash, g, redirect, render_template, request, url_for
from flask_login import current_user

from ..employers.access import member_required, own_or_404
from ..extensions import db
from ..rendering import render_markdown
from . import services
from .editing import deadline_limit, form_data_for, save_job
from .forms import CloseForm, JobForm
from .lifecycle import EDITABLE, can_move
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
                           action_form=CloseForm(), JobStatus=JobStatus, has_orders=has_orders)


@bp.route("/<int:job_id>/duplicate", methods=["POST"])
@member_required
def duplicate(job_id):
    job = _job(job_id)
    if CloseForm().validate_on_submit():
        copy = services.duplicate_job(job, user=current_user)
        flash("A copy was saved as a new draft.", "success")
        return redirect(url_for("posts.edit", job_id=copy.id))
    return redirect(url_for("posts.preview", job_id=job.id))


@bp.route("/<int:job_id>/close", methods=["POST"])
@member_required
def close(job_id):
    job = _job(job_id)
    if not CloseForm().validate_on_submit():
        return redirect(url_for("posts.preview", job_id=job.id))
    if not can_move(job.status, JobStatus.CLOSED):
        flash("Only a published post can be closed.", "warning")
    else:
        services.close_job(job)
        flash(f"“{job.title}” is closed as filled and no longer listed.", "success")
    return redirect(url_for("employers.dashboard"))
