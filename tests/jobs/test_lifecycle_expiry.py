"""Expiry with a frozen clock: end of day in the site's time zone, one UPDATE, emails once."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from careercenter.database import utcnow
from careercenter.extensions import db
from careercenter.jobs.models import Job, JobStatus
from careercenter.jobs.services import expire_jobs, publish_job
from careercenter.schedule import PERIODIC_JOBS
from tests.support.factories import login, make_employer, make_job

NY = ZoneInfo("America/New_York")


def at(*args):
    return datetime(*args, tzinfo=NY)


@pytest.fixture
def owner_company():
    return make_employer("owner@hospital.example", company_name="Hospital")


def reload(job):
    """The post read afresh (the Redis worker may have closed the test's session)."""
    db.session.expire_all()
    return db.session.get(Job, job if isinstance(job, int) else job.id)


def test_a_post_published_today_runs_to_the_end_of_the_local_day_thirty_days_on(app, owner_company):
    user, company = owner_company
    job = make_job(company, status=JobStatus.DRAFT, created_by_id=user.id)
    # 11 pm in New York is already the next day in UTC; the paid period still counts from the New York date.
    with time_machine.travel(at(2026, 3, 2, 23, 0), tick=False):
        publish_job(job, days=30, featured=False)
        db.session.commit()
    assert reload(job).expires_at == at(2026, 4, 2, 0, 0).astimezone(ZoneInfo("UTC"))
    assert reload(job).listed_until.isoformat() == "2026-04-01"


def test_expiry_job_expires_once_and_sends_each_email_once(app, owner_company, outbox):
    user, company = owner_company
    with time_machine.travel(at(2026, 3, 1, 9, 0), tick=False):
        job = make_job(company, status=JobStatus.DRAFT, created_by_id=user.id, title="Risk Adjustment Coder")
        publish_job(job, days=10, featured=False)
        db.session.commit()
        later = make_job(company, status=JobStatus.DRAFT, created_by_id=user.id, title="CDI Specialist")
        publish_job(later, days=30, featured=False)
        db.session.commit()
        job, later = job.id, later.id
    email = user.email
    # March 11 is the last day. Six days before its end nothing is due.
    with time_machine.travel(at(2026, 3, 5, 23, 0), tick=False):
        assert expire_jobs() == (0, 0, 0)
    with time_machine.travel(at(2026, 3, 7, 8, 0), tick=False):
        assert expire_jobs() == (0, 1, 0)
        assert expire_jobs() == (0, 0, 0)
    expiring = [m for m in outbox.messages(to=email) if m.subject.startswith("Your post ends on")]
    assert len(expiring) == 1 and "Risk Adjustment Coder" in expiring[0].subject
    assert "Mar 11, 2026" in expiring[0].subject
    assert f"/billing/checkout/{job}" in expiring[0].link("/billing/checkout/")

    # Late on its last day the post is still listed, with or without the job.
    with time_machine.travel(at(2026, 3, 11, 23, 59), tick=False):
        assert expire_jobs()[0] == 0
        assert db.session.scalars(Job.published()).all().count(reload(job)) == 1
    # One minute past midnight it has left the lists even before the job runs...
    with time_machine.travel(at(2026, 3, 12, 0, 1), tick=False):
        assert reload(job) not in db.session.scalars(Job.published()).all()
        assert reload(later) in db.session.scalars(Job.published()).all()
        # ...and the job marks it expired and emails once.
        assert expire_jobs() == (1, 0, 1)
        assert expire_jobs() == (0, 0, 0)
    assert reload(job).status == JobStatus.EXPIRED
    assert reload(later).status == JobStatus.PUBLISHED
    expired = [m for m in outbox.messages(to=email) if m.subject.startswith("Your post has ended")]
    assert len(expired) == 1


def test_renewing_an_expired_post_resets_the_reminders(app, owner_company, outbox):
    user, company = owner_company
    with time_machine.travel(at(2026, 5, 1, 12, 0), tick=False):
        job = make_job(company, status=JobStatus.DRAFT, created_by_id=user.id)
        publish_job(job, days=3, featured=False)
        db.session.commit()
    with time_machine.travel(at(2026, 5, 6, 12, 0), tick=False):
        expire_jobs()
        publish_job(reload(job), days=3, featured=False)
        db.session.commit()
        assert reload(job).status == JobStatus.PUBLISHED
    with time_machine.travel(at(2026, 5, 10, 12, 0), tick=False):
        assert expire_jobs() == (1, 0, 1)
    ended = [m for m in outbox.messages(to=user.email) if m.subject.startswith("Your post has ended")]
    assert len(ended) == 2


def test_expiry_uses_one_update_statement(app, owner_company):
    _, company = owner_company
    for _ in range(5):
        make_job(company, days_left=-1)
    statements = []
    from sqlalchemy import event

    def record(conn, cursor, statement, *args):
        if statement.lstrip().upper().startswith("UPDATE JOB SET STATUS"):
            statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        expired, _, _ = expire_jobs()
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    assert expired == 5 and len(statements) == 1


def test_cli_command_and_schedule_entry(app, owner_company):
    _, company = owner_company
    job = make_job(company, days_left=-2)
    result = app.test_cli_runner().invoke(args=["jobs", "expire"])
    assert result.exit_code == 0, result.output
    assert "Expired 1 posts" in result.output
    assert reload(job).status == JobStatus.EXPIRED
    entry = next(p for p in PERIODIC_JOBS if p.name == "expire-jobs")
    assert entry.path == "careercenter.jobs.tasks:expire_jobs" and entry.cron.split()[1] == "*"


def test_expired_post_gives_410_before_the_job_runs(client, owner_company):
    _, company = owner_company
    job = make_job(company, days_left=30, title="Night Shift Abstractor")
    job.expires_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    assert client.get(f"/jobs/{job.id}-{job.slug}").status_code == 410
    assert job.title not in client.get("/jobs").get_data(as_text=True)


def _featured_badge_on_search(client, job_id):
    """Whether the post's own card on /jobs carries the Featured badge."""
    page = client.get("/jobs").get_data(as_text=True)
    for card in page.split("<article")[1:]:
        if f"/jobs/{job_id}-" in card:
            return "badge-featured" in card.split("</article>")[0]
    raise AssertionError("the post is not listed")


def test_a_standard_renewal_keeps_featuring_only_until_the_featured_period_ends(client, owner_company, outbox):
    user, company = owner_company
    with time_machine.travel(at(2026, 3, 1, 9, 0), tick=False):
        job = make_job(company, status=JobStatus.DRAFT, created_by_id=user.id, title="Featured Coder")
        publish_job(job, days=30, featured=True)
        db.session.commit()
        job = job.id
    featured_end = reload(job).expires_at
    # Renewed with Standard while the Featured period still runs.
    with time_machine.travel(at(2026, 3, 20, 9, 0), tick=False):
        publish_job(reload(job), days=30, featured=False)
        db.session.commit()
        assert reload(job).featured_until == featured_end
        # The "live" email and the dashboard say when featuring stops (the last featured day).
        live = outbox.last(to=user.email)
        assert "is live on CareerCenter and featured until Mar 31, 2026" in live.text
        assert "listed until May 1, 2026" in live.text
        login(client, user.email)
        assert "Featured until Mar 31, 2026" in client.get("/employer/").get_data(as_text=True)
        expire_jobs()
        assert reload(job).is_featured
        assert _featured_badge_on_search(client, job)
    # The Featured period has ended: still listed (Standard runs on), no longer featured.
    with time_machine.travel(at(2026, 4, 1, 0, 30), tick=False):
        expire_jobs()
        assert reload(job).status == JobStatus.PUBLISHED and reload(job) in db.session.scalars(Job.published()).all()
        assert not reload(job).is_featured
        assert not _featured_badge_on_search(client, job)
        # Another Standard renewal does not bring featuring back.
        publish_job(reload(job), days=30, featured=False)
        db.session.commit()
        assert not reload(job).is_featured and reload(job).featured_until is None


def test_a_featured_renewal_features_the_whole_new_period(app, owner_company):
    user, company = owner_company
    with time_machine.travel(at(2026, 3, 1, 9, 0), tick=False):
        job = make_job(company, status=JobStatus.DRAFT, created_by_id=user.id)
        publish_job(job, days=30, featured=False)
        db.session.commit()
        publish_job(reload(job), days=30, featured=True)
        db.session.commit()
        assert reload(job).is_featured and reload(job).featured_until == reload(job).expires_at
