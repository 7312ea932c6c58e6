"""Every periodic job, in one list, each with a stable name.

``python jobs_worker.py cron`` registers them with RQ's cron scheduler (run
exactly one such process); each entry enqueues an ordinary task on its queue.
In the embedded default there is no scheduler: the same work is run by the
CLI commands named beside each entry.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Periodic:
    name: str
    path: str  # "module:function" of a task taking no arguments
    cron: str  # crontab in UTC
    queue: str = "default"


PERIODIC_JOBS = [
    # Filled by the domains: e.g. Periodic("expire-jobs", "careercenter.jobs.tasks:expire_jobs", "5 * * * *")
    # CLI: flask --app wsgi jobs expire
    Periodic("expire-jobs", "careercenter.jobs.tasks:expire_jobs", "5 * * * *"),
    # Embedded default: `flask applications send-summaries`.
    Periodic("applicant-daily-summary", "careercenter.applications.tasks:send_applicant_summaries", "0 12 * * *"),
    # Every 5 minutes so digests leave close to each subscriber's local hour, whatever the time zone's offset
    # (CLI: flask alerts send-digests).
    Periodic("alert-digests", "careercenter.alerts.tasks:enqueue_due_digests", "*/5 * * * *"),
    # CLI: flask alerts expire-unconfirmed
    Periodic("expire-unconfirmed-alerts", "careercenter.alerts.tasks:expire_unconfirmed_searches", "17 3 * * *"),
]
