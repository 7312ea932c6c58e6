"""The periodic-job list and RQ's cron scheduler that runs it (`python jobs_worker.py cron`)."""

from datetime import timedelta

import pytest
from croniter import croniter
from rq.registry import FailedJobRegistry

from careercenter.database import utcnow
from careercenter.extensions import db
from careercenter.jobs.models import Job, JobStatus
from careercenter.queue import make_cron_scheduler, make_worker, redis_connection, resolve
from careercenter.schedule import PERIODIC_JOBS
from tests.conftest import TEST_REDIS_URL
from tests.support.factories import make_job


def test_every_periodic_job_names_a_task_and_a_valid_schedule():
    assert len({job.name for job in PERIODIC_JOBS}) == len(PERIODIC_JOBS)
    for job in PERIODIC_JOBS:
        assert callable(resolve(job.path)), job.path
        assert croniter.is_valid(job.cron), job.cron


@pytest.fixture
def redis_app(app):
    # The cron scheduler always needs Redis, also when the rest of this run is the embedded default.
    app.config["REDIS_URL"] = TEST_REDIS_URL or "redis://127.0.0.1:6379/14"
    app.extensions.pop("careercenter.redis", None)
    redis_connection(app).flushdb()
    yield app
    redis_connection(app).flushdb()
    app.extensions.pop("careercenter.redis", None)


def test_cron_scheduler_enqueues_every_periodic_job_and_a_worker_runs_them(redis_app):
    ended = make_job(title="Ended Yesterday")
    ended.expires_at = utcnow() - timedelta(hours=2)
    db.session.commit()
    scheduler = make_cron_scheduler(redis_app)
    assert sorted(j.name for j in scheduler.get_jobs()) == sorted(j.name for j in PERIODIC_JOBS)
    for cron_job in scheduler.get_jobs():
        cron_job.next_enqueue_time = utcnow() - timedelta(seconds=1)  # all due now
    assert len(scheduler.enqueue_jobs()) == len(PERIODIC_JOBS)

    worker = make_worker(redis_app, simple=True)
    worker.work(burst=True)
    for queue in worker.queues:
        assert FailedJobRegistry(queue=queue).count == 0
    db.session.expire_all()
    assert db.session.get(Job, ended.id).status == JobStatus.EXPIRED
