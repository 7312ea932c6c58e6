"""Apply, withdraw and move applications through the pipeline. Functions that say so commit;
emails leave after the commit (send_email enqueues)."""

from sqlalchemy.exc import IntegrityError

from ..database import utcnow
from ..email import send_email
from ..employers.models import CompanyMember
from ..extensions import db
from ..jobs.models import ApplyMethod, Job, JobStatus
from ..seekers.models import Resume
from .models import (
    WITHDRAWABLE,
    ApplicantNotice,
    Application,
    ApplicationEvent,
    ApplicationNote,
    ApplicationStatus,
    NotifyMode,
    ScreeningAnswer,
    ScreeningQuestion,
    can_move,
)


class ApplyError(Exception):
    """Applying is refused; the message is for the coder."""


class TransitionError(Exception):
    """The pipeline move is not allowed; the message is for the employer."""


READ_ONLY = ("The applicant deleted their account, so this application is a read-only record: "
             "its status cannot change and notes cannot be added.")


def refusal_reason(job):
    """Why nobody can apply to ``job`` on CareerCenter right now, or None when they can."""
    if job.status == JobStatus.CLOSED:
        return "This post is closed — the employer has filled the position."
    if job.status == JobStatus.EXPIRED or (job.status == JobStatus.PUBLISHED and not job.is_live):
        return "This post has expired and no longer takes applications."
    if job.status != JobStatus.PUBLISHED:
        return "This post is not published, so it does not take applications."
    if job.apply_deadline is not None and job.apply_deadline < _site_today():
        return "The deadline to apply to this post has passed."
    if job.apply_method != ApplyMethod.ONSITE:
        return "This employer takes applications on its own site or by email — see How to apply on the post."
    return None


def _site_today():
    from zoneinfo import ZoneInfo

    from flask import current_app

    return utcnow().astimezone(ZoneInfo(current_app.config["TIMEZONE"])).date()


STAFF_REFUSAL = ("Staff accounts cannot apply to jobs: they can see every applicant, so an application "
                 "from one would not be fair. Use a personal coder account to apply.")


def user_refusal(user):
    """Why this account may not apply to any post, or None."""
    if user is not None and getattr(user, "is_staff", False):
        return STAFF_REFUSAL
    return None


def application_of(user, job):
    return db.session.scalar(db.select(Application).filter_by(user_id=user.id, job_id=job.id))


def questions_of(job):
    return db.session.scalars(
        db.select(ScreeningQuestion).filter_by(job_id=job.id).order_by(ScreeningQuestion.position, ScreeningQuestion.id)
    ).all()


def apply(user, job, *, resume, cover_note, answers):
    """Record an application (status new, with its first history row) and notify both sides.
    ``answers`` maps question id to text.

    Applying again after withdrawing reuses the coder's row (one application per post): it
    becomes new again with the new resume, note and answers, dated today, and its history keeps
    the earlier rows plus "withdrawn → new". Commits; raises ApplyError."""
    reason = user_refusal(user) or refusal_reason(job)
    if reason:
        raise ApplyError(reason)
    if resume is None or resume.user_id != user.id:
        raise ApplyError("Choose a resume to send with your application.")
    application = application_of(user, job)
    if application is not None and application.status != ApplicationStatus.WITHDRAWN:
        raise ApplyError("You have already applied to this post.")
    if application is None:
        application = Application(job=job, user_id=user.id, status=ApplicationStatus.NEW)
        application.events.append(ApplicationEvent(to_status=ApplicationStatus.NEW, actor_id=user.id))
        db.session.add(application)
    else:
        _record(application, ApplicationStatus.NEW, user, notified=False)
        application.created_at = utcnow()
        application.employer_notified_at = None
        application.answers.clear()
        db.session.flush()  # the old answers go before the new ones take their (application, question) slots
    application.resume = resume
    application.cover_note = cover_note or None
    for question_id, answer in answers.items():
        application.answers.append(ScreeningAnswer(question_id=question_id, answer=answer))
    try:
        db.session.flush()
    except IntegrityError:
        # Two submissions racing past the check above: the unique constraint decides.
        db.session.rollback()
        raise ApplyError("You have already applied to this post.") from None
    send_email("application-received", user.email, user=user, job=job, application=application)
    if notice_mode(job.company_id) == NotifyMode.INSTANT:
        for member_email in member_emails(job.company_id):
            send_email("new-application", member_email, job=job, application=application, applicant=user)
        application.employer_notified_at = utcnow()
    db.session.commit()
    return application


def withdraw(application, user):
    """The coder withdraws; the history records it. Commits; raises TransitionError."""
    if application.status not in WITHDRAWABLE:
        raise TransitionError(f"An application marked {application.status_label.lower()} can no longer be withdrawn.")
    _record(application, ApplicationStatus.WITHDRAWN, user, notified=False)
    db.session.commit()


def _record(application, status, actor, notified):
    application.events.append(ApplicationEvent(from_status=application.status, to_status=status,
                                               actor_id=actor.id, notified=notified))
    application.status = status


def change_status(application, status, actor, *, notify, message=None):
    """Move an application along the pipeline, keep the history, and email the coder when
    ``notify`` (and the coder still exists), with the employer's optional ``message``.
    Commits; raises TransitionError."""
    status = ApplicationStatus(status)
    if application.is_read_only:
        raise TransitionError(READ_ONLY)
    if not can_move(application.status, status):
        raise TransitionError(
            f"An application marked {application.status_label.lower()} cannot be moved to {status.label.lower()}."
        )
    notify = bool(notify and application.user is not None)
    _record(application, status, actor, notified=notify)
    if notify:
        send_email("application-status", application.user.email, user=application.user, job=application.job,
                   application=application, message=message or None)
    db.session.commit()


def reject_many(job, application_ids, actor, *, notify):
    """Reject every listed applicant of ``job`` that can be rejected (deleted accounts' records
    cannot); returns how many. Commits."""
    rows = db.session.scalars(
        db.select(Application).where(Application.job_id == job.id, Application.id.in_(application_ids))
    ).all()
    done = 0
    for application in rows:
        if not application.is_read_only and can_move(application.status, ApplicationStatus.REJECTED):
            notified = bool(notify and application.user is not None)
            _record(application, ApplicationStatus.REJECTED, actor, notified=notified)
            if notified:
                send_email("application-status", application.user.email, user=application.user, job=job,
                           application=application)
            done += 1
    db.session.commit()
    return done


def add_note(application, author, body):
    """Add a private team note. Commits; raises TransitionError on a deleted account's record."""
    if application.is_read_only:
        raise TransitionError(READ_ONLY)
    db.session.add(ApplicationNote(application=application, author_id=author.id, body=body))
    db.session.commit()


def close_job_as_filled(job):
    """Close a published post as filled through the post lifecycle. Commits. Returns False
    when the post was not published (nothing changes)."""
    from ..jobs.lifecycle import can_move
    from ..jobs.services import close_job

    if not can_move(job.status, JobStatus.CLOSED):
        return False
    close_job(job)
    return True


def add_question(job, *, prompt, kind, required):
    """Append a screening question to the post. Commits."""
    last = db.session.scalar(db.select(db.func.max(ScreeningQuestion.position)).filter_by(job_id=job.id)) or 0
    question = ScreeningQuestion(job_id=job.id, prompt=prompt, kind=kind, required=required, position=last + 1)
    db.session.add(question)
    db.session.commit()
    return question


def delete_question(question):
    """Remove a screening question and the answers given to it. Commits."""
    db.session.execute(db.delete(ScreeningAnswer).where(ScreeningAnswer.question_id == question.id))
    db.session.delete(question)
    db.session.commit()


def notice_mode(company_id):
    mode = db.session.scalar(db.select(ApplicantNotice.mode).filter_by(company_id=company_id))
    return NotifyMode(mode or NotifyMode.INSTANT)


def set_notice_mode(company_id, mode):
    """Choose instant emails or one daily summary for new applications. Commits."""
    notice = db.session.scalar(db.select(ApplicantNotice).filter_by(company_id=company_id))
    if notice is None:
        notice = ApplicantNotice(company_id=company_id)
        db.session.add(notice)
    notice.mode = NotifyMode(mode)
    db.session.commit()


def member_emails(company_id):
    from ..accounts.models import User

    return db.session.scalars(
        db.select(User.email).join(CompanyMember, CompanyMember.user_id == User.id)
        .where(CompanyMember.company_id == company_id, User.is_active_account.is_(True)).order_by(User.id)
    ).all()


def anonymise_applications(user):
    """Strip the person from every application of ``user`` (no commit): the rows stay so the
    employer keeps a record that an application existed, with no name, resume, note or answers."""
    now = utcnow()
    for application in db.session.scalars(db.select(Application).filter_by(user_id=user.id)):
        application.user_id = None
        application.resume_id = None
        application.cover_note = None
        application.anonymised_at = now
        application.answers.clear()
        application.notes.clear()
    db.session.execute(db.update(ApplicationEvent).where(ApplicationEvent.actor_id == user.id).values(actor_id=None))


def search_condition(query):
    """A filter on applicants' name, headline, cover note and resume text (case-insensitive)."""
    from ..accounts.models import User
    from ..seekers.models import SeekerProfile

    needle = query.strip().lower()
    return db.or_(
        db.func.lower(User.name).contains(needle, autoescape=True),
        db.func.lower(db.func.coalesce(SeekerProfile.headline, "")).contains(needle, autoescape=True),
        db.func.lower(db.func.coalesce(Application.cover_note, "")).contains(needle, autoescape=True),
        db.func.lower(db.func.coalesce(Resume.text, "")).contains(needle, autoescape=True),
    )


def company_jobs_with_counts(company_id):
    """The company's posts with their application counts, newest first."""
    count = db.select(db.func.count(Application.id)).where(Application.job_id == Job.id).scalar_subquery()
    return db.session.execute(
        db.select(Job, count).where(Job.company_id == company_id).order_by(Job.created_at.desc())
    ).all()
