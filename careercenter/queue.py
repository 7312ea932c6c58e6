"""Background work: the only module besides ``jobs_worker.py`` that imports rq.

Code anywhere in the app calls ``enqueue(task, *args)``. Nothing leaves the
process until the database transaction commits:

* with ``REDIS_URL`` set, the commit pushes each task onto its RQ queue and
  ``python jobs_worker.py`` runs it, inside an app context given here;
* without it (the embedded default), the same function runs in this process
  right after the commit — at the end of the request, CLI command or job.

A rollback drops what was collected. Tasks take ids and plain data and re-read
the database, so running one twice is harmless.
"""

import logging
from dataclasses import dataclass, field
from importlib import import_module

from flask import current_app, has_request_context
from redis import Redis
from rq import Queue, Retry, SimpleWorker, Worker
from rq.cron import CronScheduler
from sqlalchemy import event
from sqlalchemy.orm import Session

from .extensions import db

log = logging.getLogger(__name__)

PENDING = "careercenter.pending_tasks"
READY = "careercenter.ready_tasks"


@dataclass(frozen=True)
class TaskOptions:
    queue: str = "default"
    retries: int = 0
    intervals: tuple = (30, 120, 600)
    timeout: int = 300


@dataclass
class Call:
    path: str
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)
    options: TaskOptions = TaskOptions()
    job_id: str | None = None


def task(queue="default", retries=0, intervals=(30, 120, 600), timeout=300):
    """Mark a function as a background task with its queue and retry policy."""

    def decorate(func):
        func.task_options = TaskOptions(queue, retries, tuple(intervals), timeout)
        return func

    return decorate


def enqueue(func, *args, job_id=None, **kwargs):
    """Run ``func(*args, **kwargs)`` in the background once the session commits."""
    call = Call(
        path=f"{func.__module__}:{func.__qualname__}",
        args=args,
        kwargs=kwargs,
        options=getattr(func, "task_options", TaskOptions()),
        job_id=job_id,
    )
    db.session().info.setdefault(PENDING, []).append(call)


def redis_connection(app=None):
    """A Redis client for ``REDIS_URL``, or None in the embedded default."""
    app = app or current_app
    url = app.config.get("REDIS_URL")
    if not url:
        return None
    conn = app.extensions.get("careercenter.redis")
    if conn is None:
        conn = app.extensions["careercenter.redis"] = Redis.from_url(url)
    return conn


def rq_queue(name, app=None):
    return Queue(name, connection=redis_connection(app))


def _push(call):
    opts = call.options
    retry = Retry(max=opts.retries, interval=list(opts.intervals)) if opts.retries else None
    rq_queue(opts.queue).enqueue(
        run_call,
        call.path,
        list(call.args),
        call.kwargs,
        job_id=call.job_id,
        retry=retry,
        job_timeout=opts.timeout,
        result_ttl=3600,
        failure_ttl=7 * 24 * 3600,
    )


def resolve(path):
    module, _, name = path.partition(":")
    target = import_module(module)
    for part in name.split("."):
        target = getattr(target, part)
    return target


def run_call(path, args, kwargs):
    """Entry point of every RQ job: look the task up and run it."""
    return resolve(path)(*args, **kwargs)


@event.listens_for(Session, "after_commit")
def _after_commit(session):
    calls = session.info.pop(PENDING, [])
    if not calls:
        return
    if redis_connection() is not None:
        for call in calls:
            _push(call)
    else:
        session.info.setdefault(READY, []).extend(calls)


@event.listens_for(Session, "after_rollback")
def _after_rollback(session):
    session.info.pop(PENDING, None)


def run_ready():
    """Run, in this process, the tasks whose transaction has committed (inline mode)."""
    info = db.session().info
    while info.get(READY):
        call = info[READY].pop(0)
        try:
            if has_request_context():
                resolve(call.path)(*call.args, **call.kwargs)
            else:
                with site_request_context(current_app):
                    resolve(call.path)(*call.args, **call.kwargs)
        except Exception:
            db.session.rollback()
            if current_app.config.get("INLINE_TASKS_RAISE"):
                raise
            log.exception("background task %s failed", call.path)


def site_request_context(app):
    """A request context whose URLs point at ``SITE_URL``, for work outside a request."""
    return app.test_request_context("/", base_url=app.config["SITE_URL"])


def configure_queue(app):
    """Run inline tasks when a request ends (embedded default)."""

    @app.after_request
    def _run_inline_tasks(response):
        if not app.config.get("REDIS_URL"):
            run_ready()
        return response


class _AppContextMixin:
    """Give every job an app and a request context pointing at the site URL."""

    app = None

    def perform_job(self, job, queue, *args, **kwargs):
        # A fresh app context, so the job's database session is its own even when the
        # worker runs inside another context (tests, CLI).
        with self.app.app_context(), site_request_context(self.app):
            try:
                return super().perform_job(job, queue, *args, **kwargs)
            finally:
                db.session.remove()


class AppWorker(_AppContextMixin, Worker):
    """The production worker: forks a work horse per job."""

    def main_work_horse(self, job, queue):
        with self.app.app_context():
            # The forked child must not share the parent's database sockets.
            db.engine.dispose(close=False)
        return super().main_work_horse(job, queue)


class AppSimpleWorker(_AppContextMixin, SimpleWorker):
    """Runs jobs in the worker's own process; used by tests and single-process setups."""


def make_worker(app, queues=None, simple=False):
    """A worker bound to ``app`` listening on its queues (default: all of them)."""
    cls = AppSimpleWorker if simple else AppWorker
    worker_cls = type(cls.__name__, (cls,), {"app": app})
    conn = redis_connection(app)
    names = queues or app.config["RQ_QUEUES"]
    return worker_cls([Queue(n, connection=conn) for n in names], connection=conn)


def make_cron_scheduler(app):
    """RQ's cron scheduler with every entry of ``schedule.PERIODIC_JOBS`` registered."""
    from .schedule import PERIODIC_JOBS

    scheduler = CronScheduler(connection=redis_connection(app), name="careercenter-cron")
    for job in PERIODIC_JOBS:
        scheduler.register(run_call, job.queue, args=(job.path, [], {}), cron=job.cron, name=job.name)
    return scheduler
