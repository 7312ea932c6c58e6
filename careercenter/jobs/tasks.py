"""Background work that follows a post's lifecycle."""

from ..queue import resolve, task

# Steps run, in order, when a post is published or materially edited. Each is a
# "module:function" taking the job id; each re-reads the post, so a retry is harmless.
# Linking comes first because alert matching uses the links it writes.
PUBLISHED_PIPELINE = [
    "careercenter.codes.tasks:link_job",
    "careercenter.alerts.tasks:match_job",
]


@task()
def job_published(job_id):
    """Run every step of PUBLISHED_PIPELINE for the post."""
    for path in PUBLISHED_PIPELINE:
        resolve(path)(job_id)


@task()
def expire_jobs():
    """Hourly: expire posts past their end and send the expiring/expired emails once each."""
    from .services import expire_jobs as run_expiry

    return run_expiry()
