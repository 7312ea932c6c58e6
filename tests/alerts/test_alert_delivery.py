"""Publishing a post emails instant subscribers once; one-click unsubscribe; suppression; SMTP retries."""

import smtplib
from urllib.parse import urlparse

import pytest

from careercenter.alerts.models import AlertMatch, SavedSearch
from careercenter.alerts.services import is_suppressed
from careercenter.email import deliver_email
from careercenter.extensions import db
from careercenter.jobs.models import Job
from careercenter.jobs.tasks import job_published
from careercenter.queue import enqueue
from tests.conftest import count
from tests.support.alerts_factories import make_saved_search
from tests.support.factories import make_job, make_user


def publish(job, run_jobs):
    enqueue(job_published, job.id)
    db.session.commit()
    run_jobs()


def test_publish_match_and_instant_email_end_to_end(app, outbox, run_jobs):
    user = make_user("coder@example.com")
    saved = make_saved_search(user, q='"risk adjustment"', arrangement="remote", name="Remote RA")
    make_saved_search(make_user("other@example.com"), q="inpatient")
    job = make_job(title="Risk Adjustment Coder", work_arrangement="remote", remote_states=[])
    job_id, saved_id = job.id, saved.id
    publish(job, run_jobs)
    [msg] = outbox.messages()
    assert msg.to == "coder@example.com"
    assert msg.subject.startswith("New job: Risk Adjustment Coder")
    assert msg.header("From") == app.config["ALERTS_FROM"]
    assert f"/jobs/{job_id}-risk-adjustment-coder" in msg.text
    assert "Manage alerts: http://careercenter.test/alerts/manage/" in msg.text
    assert msg.header("List-Unsubscribe-Post") == "List-Unsubscribe=One-Click"
    assert msg.header("List-Unsubscribe").strip().startswith("<http://careercenter.test/alerts/unsubscribe/")
    # Publishing again (a retry, an edit) sends nothing twice.
    publish(db.session.get(Job, job_id), run_jobs)
    assert len(outbox.messages()) == 1
    assert count(AlertMatch, saved_search_id=saved_id, job_id=job_id) == 1


def test_paused_and_non_matching_searches_get_nothing(app, outbox, run_jobs):
    paused = make_saved_search(make_user("p@example.com"), q="coder")
    db.session.get(SavedSearch, paused.id).status = "paused"
    db.session.commit()
    make_saved_search(make_user("ca@example.com"), q="coder", state="CA")
    publish(make_job(title="Coder", state="OH"), run_jobs)
    assert outbox.messages() == []


def test_expired_post_is_not_sent(app, outbox, run_jobs):
    make_saved_search(make_user("x@example.com"), q="coder")
    job = make_job(title="Coder")
    job.status = "expired"
    db.session.commit()
    publish(job, run_jobs)
    assert outbox.messages() == []


def test_one_click_post_unsubscribes_and_get_does_not(app, client, outbox, run_jobs):
    saved_id = make_saved_search(make_user("u@example.com"), q="coder").id
    publish(make_job(title="Coder"), run_jobs)
    url = outbox.last().header("List-Unsubscribe").strip().strip("<>")
    path = urlparse(url).path
    page = client.get(path)
    assert page.status_code == 200 and "Unsubscribe" in page.get_data(as_text=True)
    assert db.session.get(SavedSearch, saved_id).status == "active"  # a link scanner's GET changes nothing
    response = client.post(path, data={"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert db.session.get(SavedSearch, saved_id).status == "unsubscribed"
    publish(make_job(title="Coder two"), run_jobs)
    assert len(outbox.messages()) == 1
    assert client.post(path).status_code == 200  # idempotent
    assert client.post("/alerts/unsubscribe/forged").status_code == 404


@pytest.fixture
def smtp_app(app, smtp_server):
    app.config["SMTP_URL"] = smtp_server.url
    return app


def test_real_smtp_alert_headers_and_one_click(smtp_app, smtp_server, client, run_jobs):
    saved_id = make_saved_search(make_user("smtp@example.com"), q="auditor").id
    publish(make_job(title="Coding Auditor"), run_jobs)
    [sent] = smtp_server.messages
    msg = sent["message"]
    assert sent["to"] == ["smtp@example.com"]
    assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = msg["List-Unsubscribe"].strip().strip("<>")
    assert url.startswith("http://careercenter.test/alerts/unsubscribe/")
    body = msg.get_body(("html",)).get_content()
    assert "Unsubscribe from this alert" in body and "Manage alerts" in body
    assert client.post(urlparse(url).path).status_code == 200
    assert db.session.get(SavedSearch, saved_id).status == "unsubscribed"


def test_permanent_failure_suppresses_and_pauses(smtp_app, smtp_server, run_jobs, outbox):
    user = make_user("bounce@example.com")
    first = make_saved_search(user, q="coder").id
    second = make_saved_search(user, q="biller", frequency="daily").id
    smtp_server.refuse("bounce@example.com", "550 5.1.1 No such user")
    publish(make_job(title="Coder"), run_jobs)
    assert smtp_server.messages == []
    assert is_suppressed("bounce@example.com")
    assert {s.status for s in db.session.scalars(db.select(SavedSearch).where(SavedSearch.id.in_([first, second])))} == {"paused"}
    assert db.session.get(SavedSearch, first).pause_reason == "bounced"
    # Nothing more is attempted for that address.
    db.session.get(SavedSearch, first).status = "active"
    db.session.commit()
    publish(make_job(title="Coder again"), run_jobs)
    assert smtp_server.messages == []


def test_temporary_failure_raises_for_retry_then_delivers(smtp_app, smtp_server):
    smtp_server.refuse("busy@example.com", "451 4.3.0 Try again later")
    data = {"to": "busy@example.com", "from": "a@careercenter.example", "subject": "s", "text": "t", "html": "<p>t</p>"}
    assert deliver_email.task_options.retries >= 3 and deliver_email.task_options.queue == "emails"
    with pytest.raises(smtplib.SMTPRecipientsRefused):
        deliver_email(data)  # the queue retries the job with backoff
    assert not is_suppressed("busy@example.com")
    smtp_server.handler.refuse.clear()
    deliver_email(data)  # the retry goes through
    assert [m["to"] for m in smtp_server.messages] == [["busy@example.com"]]


def test_one_post_matching_many_searches_is_one_email_naming_them(app, client, outbox, run_jobs):
    user = make_user("six@example.com")
    names = ["Coders", "Remote coders", "RA coders", "Ohio coders", "CRC", "Risk"]
    queries = ["coder", "coder", '"risk adjustment"', "coder", "crc", "risk"]
    extra = [{}, {"arrangement": "remote"}, {}, {"state": "OH"}, {}, {"arrangement": "remote"}]
    ids = [make_saved_search(user, q=q, name=n, **e).id for n, q, e in zip(names, queries, extra)]
    guest = make_saved_search(None, email="guest@example.com", q="coder", name="Guest coders").id
    job = make_job(title="Risk Adjustment Coder", description_md="CRC required.", work_arrangement="remote",
                   remote_states=[], state="OH")
    job_id = job.id
    publish(job, run_jobs)
    mine = outbox.messages(to="six@example.com")
    assert len(mine) == 1
    assert [m.subject.startswith("New job") for m in outbox.messages(to="guest@example.com")].count(True) == 1
    msg = mine[0]
    assert msg.subject.startswith("New job: Risk Adjustment Coder")
    assert msg.text.count(f"/jobs/{job_id}-risk-adjustment-coder") == 1
    for name in names:
        assert f'"{name}": all results' in msg.text and name in msg.html
    assert count(AlertMatch, job_id=job_id) == 7
    assert count(AlertMatch, job_id=job_id, sent_at=None) == 0
    before = len(outbox.messages())
    publish(db.session.get(Job, job_id), run_jobs)  # never resent
    assert len(outbox.messages()) == before
    # The one-click unsubscribe leaves every search in that email, and only those.
    path = urlparse(msg.header("List-Unsubscribe").strip().strip("<>")).path
    assert "Coders" in client.get(path).get_data(as_text=True)
    assert client.post(path, data={"List-Unsubscribe": "One-Click"}).status_code == 200
    assert {db.session.get(SavedSearch, i).status for i in ids} == {"unsubscribed"}
    assert db.session.get(SavedSearch, guest).status == "active"
