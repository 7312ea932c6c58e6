"""Background linking of posts to the catalogue."""

import logging

from ..extensions import db
from ..jobs.models import Job
from ..queue import task
from .services import link_job_now

log = logging.getLogger(__name__)


@task(retries=2)
def link_job(job_id):
    """Link the post to settings, specialties, credentials, code systems and codes; replaces
    earlier linker rows, keeps the employer's choices and removals. Commits. A missing post
    (deleted since) is skipped."""
    job = db.session.get(Job, job_id)
    if job is None:
        log.info("link_job: post %s no longer exists", job_id)
        return None
    counts = link_job_now(job)
    db.session.commit()
    log.info("link_job: post %s linked %s", job_id, counts)
    return counts
