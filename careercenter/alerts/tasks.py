"""Background work of alerts: match a published post, send instant alerts and digests."""

from ..database import utcnow
from ..extensions import db
from ..queue import enqueue, task
from . import delivery
from .matching import matching_searches
from .models import Frequency, SavedSearch
from .services import expire_unconfirmed


@task(retries=3)
def match_job(job_id):
    """Record the saved searches the post matches (once each) and enqueue instant alerts. Commits."""
    now = utcnow()
    ids = matching_searches(job_id, now)
    delivery.record_matches(job_id, ids, now)
    instant = db.session.scalars(
        db.select(SavedSearch.id).where(SavedSearch.id.in_(ids), SavedSearch.frequency == Frequency.INSTANT)
    ).all() if ids else []
    for ss_id in instant:
        enqueue(send_instant_alert, ss_id)
    db.session.commit()
    return len(ids)


@task(retries=3)
def send_instant_alert(saved_search_id):
    """Email the instant subscriber the posts matched and not sent yet."""
    return delivery.send_instant(saved_search_id)


@task(retries=3)
def send_alert_digest(saved_search_id, due_iso):
    """Send one subscriber's digest due at ``due_iso`` (idempotent)."""
    return delivery.send_digest(saved_search_id, due_iso)


@task()
def enqueue_due_digests():
    """Periodic: enqueue a digest job for every subscription whose local send time has come. Commits."""
    due = delivery.due_digests(utcnow())
    for ss_id, at in due:
        iso = at.isoformat()
        enqueue(send_alert_digest, ss_id, iso, job_id=f"digest-{ss_id}-{int(at.timestamp())}")
    db.session.commit()
    return len(due)


@task()
def expire_unconfirmed_searches():
    """Periodic: delete guest saved searches not confirmed within 7 days."""
    return expire_unconfirmed()
