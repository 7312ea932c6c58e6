"""The employer's applicant pipeline, per post: list, search, filter, detail, status, notes,
bulk reject, screening questions, notification choice, close as filled.

Company members may read and act; staff may read everything but not act for the company;
a post of another company answers 404 (its existence is not confirmed).
"""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy.orm import selectinload

from ..accounts.access import employer_required
from ..accounts.models import User
from ..employers.models import company_of
from ..extensions import db
from ..forms import choices
from ..jobs.models import Job
from ..pagination import page_number
from ..seekers.models import Resume, SeekerCredential, SeekerProfile
from . import services
from .forms import (
    MAX_QUESTIONS,
    BulkRejectForm,
    CloseForm,
    NoteForm,
    NoticeForm,
    QuestionForm,
    StatusForm,
    credential_filter_choices,
    status_filter_choices,
)
from .models import Application, ApplicationStatus, ScreeningQuestion
from .views import bp

PER_PAGE = 50


def _job_for(job_id, write=False):
    """The post if the current user may see its applicants (and act on them when ``write``)."""
    job = db.session.get(Job, job_id)
    if job is None:
        abort(404)
    member = job.company.has_member(current_user)
    if not member and not current_user.is_staff:
        abort(404)
    if write and not member:
        abort(403)
    return job


def _application_for(job, application_id):
    application = db.session.get(Application, application_id)
    if application is None or application.job_id != job.id:
        abort(404)
    return application


def _back_to(job, application=None):
    if application is not None:
        return redirect(url_for("applications.applicant", job_id=job.id, application_id=application.id))
    kept = {k: request.args[k][:100] for k in ("status", "credential", "q", "sort", "page") if request.args.get(k)}
    return redirect(url_for("applications.pipeline", job_id=job.id, **kept))


@bp.route("/employer/applicants")
@employer_required
def overview():
    company = company_of(current_user)
    if company is None:
        abort(404)
    rows = services.company_jobs_with_counts(company.id)
    return render_template("applications/overview.html", company=company, rows=rows,
                           notice_form=NoticeForm(mode=services.notice_mode(company.id)))


@bp.route("/employer/applicants/notifications", methods=["POST"])
@employer_required
def notifications():
    company = company_of(current_user)
    if company is None:
        abort(404)
    form = NoticeForm()
    if form.validate_on_submit():
        services.set_notice_mode(company.id, form.mode.data)
        flash("Saved: " + ("one email per new application." if form.mode.data == "instant" else "one daily summary of new applications."), "success")
    else:
        flash("Choose how to be told about new applications.", "danger")
    return redirect(url_for("applications.overview"))


@bp.route("/employer/jobs/<int:job_id>/applicants")
@employer_required
def pipeline(job_id):
    job = _job_for(job_id)
    status = request.args.get("status", "")
    credential = request.args.get("credential", "")
    q = request.args.get("q", "")[:100]
    order = request.args.get("sort", "newest")
    query = (
        db.select(Application)
        .outerjoin(User, Application.user_id == User.id)
        .outerjoin(SeekerProfile, SeekerProfile.user_id == User.id)
        .outerjoin(Resume, Application.resume_id == Resume.id)
        .where(Application.job_id == job.id)
    )
    if status in set(ApplicationStatus):
        query = query.where(Application.status == status)
    if credential:
        held = db.select(SeekerCredential.profile_id).where(SeekerCredential.code == credential)
        query = query.where(SeekerProfile.id.in_(held))
    if q.strip():
        query = query.where(services.search_condition(q))
    created = Application.created_at.asc() if order == "oldest" else Application.created_at.desc()
    query = query.options(selectinload(Application.user)).order_by(created, Application.id.desc())
    page = db.paginate(query, page=page_number(), per_page=PER_PAGE, error_out=False)
    rows = page.items
    counts = dict(db.session.execute(
        db.select(Application.status, db.func.count()).where(Application.job_id == job.id).group_by(Application.status)
    ).all())
    profiles = {p.user_id: p for p in db.session.scalars(
        db.select(SeekerProfile).options(selectinload(SeekerProfile.credentials)).where(SeekerProfile.user_id.in_([a.user_id for a in rows if a.user_id]))
    )}
    return render_template(
        "applications/pipeline.html", job=job, applications=rows, page=page, profiles=profiles, counts=counts,
        filters={"status": status, "credential": credential, "q": q, "sort": order},
        status_choices=status_filter_choices(), credential_choices=credential_filter_choices(),
        reject_form=BulkRejectForm(), can_act=job.company.has_member(current_user),
    )


@bp.route("/employer/jobs/<int:job_id>/applicants/reject", methods=["POST"])
@employer_required
def bulk_reject(job_id):
    job = _job_for(job_id, write=True)
    form = BulkRejectForm()
    ids = [int(v) for v in request.form.getlist("application_ids") if v.isdigit()][:500]
    if not form.validate_on_submit() or not ids:
        flash("Tick the applicants to reject first.", "warning")
        return _back_to(job)
    done = services.reject_many(job, ids, current_user, notify=form.notify.data)
    skipped = len(ids) - done
    message = f"Rejected {done} applicant{'s' if done != 1 else ''}."
    if skipped:
        message += f" {skipped} could not be rejected (already hired, rejected or withdrawn)."
    flash(message, "success" if done else "warning")
    return _back_to(job)


@bp.route("/employer/jobs/<int:job_id>/applicants/<int:application_id>")
@employer_required
def applicant(job_id, application_id):
    job = _job_for(job_id)
    application = _application_for(job, application_id)
    return _render_applicant(job, application)


def _render_applicant(job, application, status_form=None, note_form=None, code=200):
    profile = db.session.scalar(db.select(SeekerProfile).filter_by(user_id=application.user_id)) if application.user_id else None
    status_form = status_form or StatusForm()
    status_form.status.choices = choices([(s, s.label) for s in application.next_statuses()])
    return render_template(
        "applications/applicant.html", job=job, application=application, profile=profile,
        status_form=status_form, note_form=note_form or NoteForm(), close_form=CloseForm(),
        can_act=job.company.has_member(current_user),
    ), code


def _refuse_read_only(job, application):
    flash(services.READ_ONLY, "warning")
    return _render_applicant(job, application, code=409)


@bp.route("/employer/jobs/<int:job_id>/applicants/<int:application_id>/status", methods=["POST"])
@employer_required
def move(job_id, application_id):
    job = _job_for(job_id, write=True)
    application = _application_for(job, application_id)
    if application.is_read_only:
        return _refuse_read_only(job, application)
    form = StatusForm()
    form.status.choices = choices([(s, s.label) for s in application.next_statuses()])
    if not form.validate_on_submit():
        if not application.next_statuses():
            form.status.errors = [f"An application marked {application.status_label.lower()} cannot be moved."]
        return _render_applicant(job, application, status_form=form, code=422)
    try:
        services.change_status(application, form.status.data, current_user, notify=form.notify.data,
                               message=form.message.data)
    except services.TransitionError as exc:
        form.status.errors = [str(exc)]
        return _render_applicant(job, application, status_form=form, code=422)
    flash(f"Moved to {application.status_label.lower()}" + (" — the applicant was emailed." if form.notify.data and application.user else "."), "success")
    return _back_to(job, application)


@bp.route("/employer/jobs/<int:job_id>/applicants/<int:application_id>/notes", methods=["POST"])
@employer_required
def add_note(job_id, application_id):
    job = _job_for(job_id, write=True)
    application = _application_for(job, application_id)
    if application.is_read_only:
        return _refuse_read_only(job, application)
    form = NoteForm()
    if not form.validate_on_submit():
        return _render_applicant(job, application, note_form=form, code=422)
    services.add_note(application, current_user, form.body.data)
    flash("Note added.", "success")
    return _back_to(job, application)


@bp.route("/employer/jobs/<int:job_id>/applicants/close", methods=["POST"])
@employer_required
def close_filled(job_id):
    from ..jobs.forms import ConfirmCloseForm

    job = _job_for(job_id, write=True)
    if not ConfirmCloseForm().validate_on_submit():
        # Closing needs the ticked confirmation of the close page.
        return redirect(url_for("posts.close", job_id=job.id))
    if services.close_job_as_filled(job):
        flash(f"{job.title} is closed as filled and no longer takes applications.", "success")
    else:
        flash("Only a published post can be closed as filled.", "warning")
    return redirect(url_for("applications.pipeline", job_id=job.id))


@bp.route("/employer/jobs/<int:job_id>/questions", methods=["GET", "POST"])
@employer_required
def questions(job_id):
    job = _job_for(job_id, write=request.method == "POST")
    existing = services.questions_of(job)
    form = QuestionForm()
    if form.validate_on_submit():
        if len(existing) >= MAX_QUESTIONS:
            form.prompt.errors = [f"A post can have at most {MAX_QUESTIONS} questions."]
        else:
            services.add_question(job, prompt=form.prompt.data, kind=form.kind.data, required=form.required.data)
            flash("Question added. Applicants will see it on the apply form.", "success")
            return redirect(url_for("applications.questions", job_id=job.id))
    code = 200 if request.method == "GET" else 422
    return render_template("applications/questions.html", job=job, questions=existing, form=form,
                           can_act=job.company.has_member(current_user)), code


@bp.route("/employer/jobs/<int:job_id>/questions/<int:question_id>/delete", methods=["POST"])
@employer_required
def delete_question(job_id, question_id):
    job = _job_for(job_id, write=True)
    question = db.session.get(ScreeningQuestion, question_id)
    if question is None or question.job_id != job.id or not CloseForm().validate_on_submit():
        abort(404)
    services.delete_question(question)
    flash("Question removed.", "info")
    return redirect(url_for("applications.questions", job_id=job.id))
