"""Digest schedule and content under a frozen clock: windows tile time across zones and DST changes."""

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import time_machine

from careercenter.alerts import delivery
from careercenter.alerts.models import AlertMatch, SavedSearch
from careercenter.alerts.tasks import enqueue_due_digests, match_job
from careercenter.alerts.timing import next_run_after
from careercenter.extensions import db
from tests.conftest import count
from tests.support.alerts_factories import make_saved_search
from tests.support.factories import make_job, make_user

UTC = timezone.utc


def runs(frequency, hour, tz, start, n, weekday=None):
    out, at = [], start
    for _ in range(n):
        at = next_run_after(frequency, hour, tz, at, weekday)
        out.append(at)
    return out


def test_daily_runs_at_the_local_hour_every_day_across_dst():
    tz = ZoneInfo("America/New_York")
    # 2026-03-08 spring forward, 2026-11-01 fall back in New York.
    for start in (datetime(2026, 3, 5, tzinfo=UTC), datetime(2026, 10, 29, tzinfo=UTC)):
        times = runs("daily", 8, "America/New_York", start, 7)
        local = [t.astimezone(tz) for t in times]
        assert [t.hour for t in local] == [8] * 7
        days = [t.date() for t in local]
        assert days == [days[0] + timedelta(days=i) for i in range(7)]  # no day skipped or repeated
        gaps = {(b - a) for a, b in zip(times, times[1:])}
        assert gaps <= {timedelta(hours=23), timedelta(hours=24), timedelta(hours=25)}
        assert timedelta(hours=24) in gaps and len(gaps) == 2  # one short or long day at the change


def test_skipped_and_repeated_local_hours_send_once():
    # 02:00 does not exist on 2026-03-08 in New York; 01:00 happens twice on 2026-11-01.
    spring = runs("daily", 2, "America/New_York", datetime(2026, 3, 7, 12, tzinfo=UTC), 2)
    assert spring[1] - spring[0] == timedelta(hours=23)
    fall = runs("daily", 1, "America/New_York", datetime(2026, 10, 31, 12, tzinfo=UTC), 3)
    assert [t.astimezone(ZoneInfo("America/New_York")).day for t in fall] == [1, 2, 3]


def test_weekly_and_time_zones():
    times = runs("weekly", 9, "Asia/Kolkata", datetime(2026, 12, 1, tzinfo=UTC), 3, weekday=4)
    local = [t.astimezone(ZoneInfo("Asia/Kolkata")) for t in times]
    assert [(t.weekday(), t.hour, t.minute) for t in local] == [(4, 9, 0)] * 3
    assert times[0] == datetime(2026, 12, 4, 3, 30, tzinfo=UTC)
    la = next_run_after("daily", 7, "America/Los_Angeles", datetime(2026, 12, 3, 16, tzinfo=UTC))
    assert la == datetime(2026, 12, 4, 15, tzinfo=UTC)


def _digest_subject(outbox, to):
    return [m.subject for m in outbox.messages(to=to)]


def test_digest_windows_have_no_gap_and_no_overlap(app, outbox, run_jobs):
    """Posts matched at any moment go out in exactly one digest, including across the DST change."""
    with time_machine.travel(datetime(2026, 10, 30, 13, 0, tzinfo=UTC), tick=False) as clock:
        user = make_user("digest@example.com")
        saved = make_saved_search(user, q="coder", frequency="daily", hour=8, timezone="America/New_York")
        saved_id = saved.id
        sent_jobs = []
        published = []
        # One post every 5 hours for 4 days, digests run by the periodic job every 5 minutes in between.
        for step in range(4 * 24 * 12):
            if step % 60 == 0:
                job = make_job(title=f"Coder {step}", days_left=60)
                published.append(job.id)
                match_job(job.id)
            if enqueue_due_digests():
                run_jobs()
            clock.shift(timedelta(minutes=5))
        for msg in outbox.messages(to="digest@example.com"):
            sent_jobs += [int(u.split("/jobs/")[1].split("-")[0]) for u in msg.links("/jobs/") if "/jobs/" in u and "-coder" in u]
        matched = {m.job_id for m in db.session.scalars(db.select(AlertMatch).where(AlertMatch.saved_search_id == saved_id))}
        pending = {m.job_id for m in db.session.scalars(db.select(AlertMatch).where(AlertMatch.sent_at.is_(None)))}
        assert sorted(sent_jobs) == sorted(set(sent_jobs))  # nothing twice
        assert set(sent_jobs) | pending == matched == set(published)  # nothing lost
        local_hours = {datetime.strptime(m.header("Date").strip(), "%a, %d %b %Y %H:%M:%S %z").astimezone(
            ZoneInfo("America/New_York")).hour for m in outbox.messages(to="digest@example.com")}
        assert local_hours == {8}


def test_digest_lists_live_posts_featured_and_newest_first_at_most_20(app, outbox, run_jobs):
    with time_machine.travel(datetime(2026, 12, 2, 20, 0, tzinfo=UTC), tick=False) as clock:
        saved = make_saved_search(make_user("many@example.com"), q="coder", frequency="daily", hour=8,
                                  timezone="America/New_York")
        saved_id = saved.id
        jobs = []
        for n in range(23):
            clock.shift(timedelta(minutes=1))
            job = make_job(title=f"Coder {n}", is_featured=(n == 3), published_at=datetime.now(UTC))
            jobs.append(job.id)
            match_job(job.id)
        expired = db.session.get(type(job), jobs[-1])
        expired.status = "closed"
        db.session.commit()
        clock.move_to(datetime(2026, 12, 3, 13, 1, tzinfo=UTC))  # 08:01 in New York
        enqueue_due_digests()
        run_jobs()
        [msg] = outbox.messages(to="many@example.com")
        assert msg.subject == '22 new jobs for "coder"'
        titles = [line.strip()[2:].split(" — ")[0] for line in msg.text.splitlines() if line.strip().startswith("* ")]
        assert len(titles) == 20
        assert titles[0] == "Coder 3" and titles[1] == "Coder 21" and titles[2] == "Coder 20"
        assert "Coder 22" not in titles  # closed since it matched
        assert "…and 2 more" in msg.text and "posted_within=1" in msg.link("posted_within")
        # Running the periodic job again, or the same digest job, sends nothing more.
        enqueue_due_digests()
        due = db.session.get(SavedSearch, saved_id).next_run_at
        delivery.send_digest(saved_id, datetime(2026, 12, 3, 13, 0, tzinfo=UTC).isoformat())
        run_jobs()
        assert len(outbox.messages(to="many@example.com")) == 1
        assert due == datetime(2026, 12, 4, 13, 0, tzinfo=UTC)
        # Next day with nothing new: no email.
        clock.move_to(datetime(2026, 12, 4, 13, 2, tzinfo=UTC))
        enqueue_due_digests()
        run_jobs()
        assert len(outbox.messages(to="many@example.com")) == 1
        assert count(AlertMatch, sent_at=None) == 1  # only the closed post, never sent


def test_a_batch_of_digests_gives_each_subscriber_its_own_posts_with_links_and_labels(app, outbox, run_jobs):
    """Digests built together share posts between emails; each email still lists exactly its own."""
    with time_machine.travel(datetime(2026, 12, 2, 20, 0, tzinfo=UTC), tick=False) as clock:
        texas = make_saved_search(make_user("tx@example.com"), q="auditor", state="TX", frequency="daily", hour=8,
                                  timezone="America/New_York")
        anywhere = make_saved_search(make_user("all@example.com"), q="auditor", frequency="daily", hour=8,
                                     timezone="America/New_York")
        other = make_saved_search(make_user("none@example.com"), q="educator", frequency="daily", hour=8,
                                  timezone="America/New_York")
        ids = (texas.id, anywhere.id, other.id)
        shared = make_job(title="Coding Auditor", city="Austin", state="TX", zip_code="78701", pay_min=30,
                          pay_max=40, pay_period="hour", published_at=datetime.now(UTC))
        clock.shift(timedelta(minutes=1))
        ohio = make_job(title="Senior Auditor", published_at=datetime.now(UTC))
        for job in (shared, ohio):
            match_job(job.id)
        clock.move_to(datetime(2026, 12, 3, 13, 1, tzinfo=UTC))
        due = datetime(2026, 12, 3, 13, 0, tzinfo=UTC).isoformat()
        assert delivery.send_digests([(i, due) for i in ids]) == 2
        run_jobs()
        [tx] = outbox.messages(to="tx@example.com")
        [everyone] = outbox.messages(to="all@example.com")
        assert outbox.messages(to="none@example.com") == []
        assert tx.subject == '1 new job for "auditor · TX"'
        assert "Coding Auditor" in tx.text and "Senior Auditor" not in tx.text
        assert "Austin, TX · $30.00 – $40.00" in tx.text and f"/jobs/{shared.id}-coding-auditor" in tx.html
        assert everyone.subject == '2 new jobs for "auditor"'
        assert everyone.text.index("Senior Auditor") < everyone.text.index("Coding Auditor")  # newest first
        assert f"/jobs/{ohio.id}-senior-auditor" in everyone.text and f"/jobs/{shared.id}-coding-auditor" in everyone.html
        assert count(AlertMatch, sent_at=None) == 0
