"""Background work that follows a post's lifecycle."""

from ..queue import resolve, task

# Steps run, in order, when a post is published or materially edited. Each is a
# "module:function" taking the job id; each re-reads the post, so a retry is harmless.
# Linking comes first because alert matching uses the links it writes.
PUBLISHED_PIPELINE = [
    "careercenter.alerts.tasks:match_job",
]


@task()
def job_published(job_id):
    """Run every step of PUBLISHED_PIPELINE for the post."""
    for path in PUBLISHED_PIPELINE:
        resolve(path)(job_id)
