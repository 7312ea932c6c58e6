"""The post lifecycle: publish, renew, close, remove, expire, duplicate.

Services change the session and say whether they commit. Emails and the
publish pipeline are enqueued and leave only after the commit.
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import current_app

from ..database import utcnow
from ..email import send_email
from ..extensions import db
from ..queue import enqueue
from .lifecycle import DELETABLE, can_reopen, check_move
from .models import Job, JobLink, JobStatus, LinkSource
from .tasks import job_published

EXPIRING_NOTICE_DAYS = 5


def site_zone():
    return ZoneInfo(current_app.config["TIMEZONE"])


def end_of_local_day(day):
    """The instant the site's calendar ``day`` ends (midnight after it), as aware UTC."""
    zone = site_zone()
    return datetime.combine(day + timedelta(days=1), time.min, tzinfo=zone).astimezone(ZoneInfo("UTC"))


def local_today(now=None):
    return (now or utcnow()).astimezone(site_zone()).date()


def paid_period_end(days, *, start=None, now=None):
    """End of the site's day ``days`` days after ``start`` (or today)."""
    now = now or utcnow()
    first_day = local_today(now) if start is None or start <= now else start.astimezone(site_zone()).date()
    return end_of_local_day(first_day + timedelta(days=days))


def job_contacts(job):
    """Addresses that hear about a post: its author, or the company's owners."""
    if job.created_by_id:
        from ..accounts.models import User

        author = db.session.get(User, job.created_by_id)
        if author is not None and author.is_active:
            return [author.email]
    return [m.user.email for m in job.company.members if m.role == "owner"]


def publish_job(job, *, days, featured, product_id=None, now=None):
    """Make the post live for ``days`` (a draft, or a renewal of a live, expired or closed post).

    A live post is extended from its current end; anything else starts today.
    A Featured period features the post until its end; a Standard one keeps a
    running Featured period until that period ends, no longer.
    An application deadline after the last listed day is moved to that day.
    Resets the expiry reminders, enqueues the publish pipeline and the
    "post published" email. Does not commit. Returns the paid period as
    ``(start, end)``.
    """
    now = now or utcnow()
    renewing_live = job.status == JobStatus.PUBLISHED and job.expires_at and job.expires_at > now
    if job.status != JobStatus.PUBLISHED:
        job.status = check_move(job.status, JobStatus.PUBLISHED)
    start = job.expires_at if renewing_live else now
    job.expires_at = paid_period_end(days, start=job.expires_at if renewing_live else None, now=now)
    if job.apply_deadline is not None and job.apply_deadline > job.listed_until:
        # A deadline set on a draft may outrun the period just paid for; applications stop with the listing.
        job.apply_deadline = job.listed_until
    if job.published_at is None or not renewing_live:
        job.published_at = now
    job.closed_at = None
    if featured:
        job.featured_until = job.expires_at
    elif renewing_live and featured_running(job, now):
        job.featured_until = job.featured_until or start
    else:
        job.featured_until = None
    job.is_featured = job.featured_until is not None
    job.product_id = product_id or job.product_id
    job.expiring_notice_sent_at = None
    job.expired_notice_sent_at = None
    db.session.flush()
    enqueue(job_published, job.id)
    for address in job_contacts(job):
        send_email("post-published", address, job=job)
    return start, job.expires_at


def featured_running(job, now=None):
    """True while the post's paid Featured period lasts (no recorded end counts as running)."""
    now = now or utcnow()
    return bool(job.is_featured) and (job.featured_until is None or job.featured_until > now)


def job_edited(job):
    """After the employer saved a post: a live post goes back through the publish pipeline."""
    if job.is_live:
        enqueue(job_published, job.id)


def close_job(job, *, now=None):
    """Close a published post as filled; it leaves lists at once. Commits."""
    job.status = check_move(job.status, JobStatus.CLOSED)
    job.closed_at = now or utcnow()
    db.session.commit()
    return job


def reopen_job(job, *, now=None):
    """List a post closed as filled again until its paid period ends; it goes back through the
    publish pipeline. Commits. Raises TransitionError when the period has ended."""
    from .lifecycle import TransitionError

    now = now or utcnow()
    if not can_reopen(job.status, job.expires_at, now):
        raise TransitionError("Only a closed post whose paid period has not ended can be reopened.")
    job.status = check_move(job.status, JobStatus.PUBLISHED)
    job.closed_at = None
    db.session.flush()
    enqueue(job_published, job.id)
    db.session.commit()
    return job


def delete_draft(job):
    """Delete a draft that was never paid for. Open checkouts for it are cancelled first (and
    expired at the gateway, best effort). Commits. Raises TransitionError otherwise."""
    from ..billing.services import withdraw_checkouts_of
    from .lifecycle import TransitionError

    if job.status not in DELETABLE or has_paid_order(job):
        raise TransitionError("Only a draft that was never paid for can be deleted.")
    withdraw_checkouts_of(job, delete=lambda: _delete_rows_of(job))


def _delete_rows_of(job):
    # SQLite does not enforce ON DELETE CASCADE here, so the post's own rows go explicitly.
    from ..alerts.models import AlertMatch
    from ..applications.models import ScreeningQuestion
    from ..search.models import JobSearchDoc
    from ..seekers.models import SavedJob

    for model in (JobSearchDoc, ScreeningQuestion, SavedJob, AlertMatch):
        db.session.execute(db.delete(model).where(model.job_id == job.id).execution_options(synchronize_session=False))
    db.session.delete(job)


def has_paid_order(job):
    from ..billing.models import Order

    return db.session.scalar(
        db.select(Order.id).where(Order.job_id == job.id, Order.paid_at.is_not(None)).limit(1)
    ) is not None


def remove_job(job, *, now=None):
    """Take a post down for good (refund or staff). Does not commit."""
    if job.status != JobStatus.REMOVED:
        job.status = check_move(job.status, JobStatus.REMOVED)
        job.closed_at = now or utcnow()
    return job


def return_to_draft(job):
    """An unpaid checkout ended: the post waits as a draft with "resume payment". Does not commit."""
    if job.status == JobStatus.PENDING_PAYMENT:
        job.status = check_move(job.status, JobStatus.DRAFT)
    return job


COPIED_FIELDS = (
    "description_md", "city", "state", "zip_code", "work_arrangement", "remote_states", "employment_type",
    "experience_level", "pay_min", "pay_max", "pay_period", "apply_method", "apply_url", "apply_email",
)


def duplicate_job(job, *, user):
    """A new draft with the same content and the employer's chosen links. Commits."""
    copy = Job(company_id=job.company_id, created_by_id=user.id, title=f"{job.title} (copy)"[:160],
               status=JobStatus.DRAFT, **{f: getattr(job, f) for f in COPIED_FIELDS})
    copy.remote_states = list(job.remote_states or [])
    db.session.add(copy)
    for link in job.links:
        if link.source == LinkSource.EMPLOYER:
            copy.links.append(JobLink(kind=link.kind, value=link.value, source=LinkSource.EMPLOYER, required=link.required))
    db.session.commit()
    return copy


def expire_jobs(now=None):
    """Expire published posts whose end has passed (one UPDATE), then send each
    post's "expiring in 5 days" and "expired" emails once. Idempotent. Commits.

    Returns ``(expired, expiring_notices, expired_notices)`` counts.
    """
    now = now or utcnow()
    expired = db.session.execute(
        db.update(Job)
        .where(Job.status == JobStatus.PUBLISHED, Job.expires_at <= now)
        .values(status=JobStatus.EXPIRED, updated_at=now)
        .execution_options(synchronize_session=False)
    ).rowcount
    # Featuring ends with the Featured period paid for, even when a Standard renewal runs on.
    db.session.execute(
        db.update(Job)
        .where(Job.is_featured.is_(True), Job.featured_until <= now)
        .values(is_featured=False, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    soon = now + timedelta(days=EXPIRING_NOTICE_DAYS)
    expiring_notices = _notify_once(
        Job.expiring_notice_sent_at,
        (Job.status == JobStatus.PUBLISHED) & (Job.expires_at > now) & (Job.expires_at <= soon),
        "post-expiring",
        now,
    )
    expired_notices = _notify_once(
        Job.expired_notice_sent_at,
        (Job.status == JobStatus.EXPIRED) & (Job.expires_at <= now),
        "post-expired",
        now,
    )
    return expired, expiring_notices, expired_notices


def _notify_once(marker, condition, template, now):
    """Send ``template`` for each post matching ``condition`` whose ``marker`` is empty.

    Each post is claimed with a conditional UPDATE before its email is queued,
    so two runs at once cannot both send it. Commits per post.
    """
    ids = db.session.scalars(db.select(Job.id).where(condition, marker.is_(None)).order_by(Job.id)).all()
    sent = 0
    for job_id in ids:
        claimed = db.session.execute(
            db.update(Job).where(Job.id == job_id, marker.is_(None)).values({marker.key: now})
            .execution_options(synchronize_session=False)
        ).rowcount
        if claimed:
            job = db.session.get(Job, job_id)
            db.session.refresh(job)
            for address in job_contacts(job):
                send_email(template, address, job=job)
            sent += 1
        db.session.commit()
    return sent
