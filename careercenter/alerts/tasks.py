"""Background work of alerts: match a published post, send instant alerts and digests."""

from collections import defaultdict

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
        db.select(SavedSearch).where(SavedSearch.id.in_(ids), SavedSearch.frequency == Frequency.INSTANT)
    ).all() if ids else []
    # One email per person per post, however many of their saved searches it matched.
    by_recipient = defaultdict(list)
    for saved in instant:
        by_recipient[saved.recipient.lower()].append(saved.id)
    for ss_ids in by_recipient.values():
        enqueue(send_instant_alerts, sorted(ss_ids))
    db.session.commit()
    return len(ids)


@task(retries=3)
def send_instant_alerts(saved_search_ids):
    """Email one person the posts their instant saved searches matched and that were not sent yet."""
    return delivery.send_instant_group(saved_search_ids)


@task(retries=3)
def send_instant_alert(saved_search_id):
    """Email the instant subscriber the posts matched and not sent yet (jobs queued before grouping)."""
    return delivery.send_instant(saved_search_id)


DIGEST_BATCH = 200


@task(retries=3)
def send_alert_digests(batch):
    """Send the digests of a batch of [saved search id, due time] pairs (idempotent)."""
    return delivery.send_digests(batch)


@task()
def enqueue_due_digests():
    """Periodic: enqueue the digests whose local send time has come, in batches of subscribers. Commits.

    Batches keep 100,000 subscribers to a few hundred jobs with a few queries each; each
    digest is still one email to one subscriber, and a batch re-run sends nothing twice.
    """
    due = delivery.due_digests(utcnow())
    for i in range(0, len(due), DIGEST_BATCH):
        batch = due[i:i + DIGEST_BATCH]
        job_id = f"digests-{batch[0][0]}-{int(batch[0][1].timestamp())}"
        enqueue(send_alert_digests, [(ss_id, at.isoformat()) for ss_id, at in batch], job_id=job_id)
    db.session.commit()
    return len(due)


@task()
def expire_unconfirmed_searches():
    """Periodic: delete guest saved searches not confirmed within 7 days."""
    return expire_unconfirmed()
