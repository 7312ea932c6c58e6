"""Email leaves through a real SMTP server when SMTP_URL is set."""

import pytest

from careercenter.alerts.services import is_suppressed
from careercenter.email import PermanentDeliveryError, _deliver_smtp, build_message, deliver_email, send_email
from careercenter.extensions import db
from tests.support.factories import make_user


def test_smtp_backend_delivers_text_and_html(app, smtp_server, run_jobs):
    app.config["SMTP_URL"] = smtp_server.url
    user = make_user("smtp@example.com", name="Rosa Diaz")
    send_email("verify-email", user.email, user=user, token="abc")
    db.session.commit()
    run_jobs()
    [sent] = smtp_server.messages
    assert sent["to"] == ["smtp@example.com"]
    msg = sent["message"]
    assert msg["Subject"] == "Verify your email address for CareerCenter"
    assert "Hello Rosa Diaz" in msg.get_body(("plain",)).get_content()
    assert "http://careercenter.test/account/verify/abc" in msg.get_body(("html",)).get_content()


def test_permanent_refusal_is_reported_as_permanent(app, smtp_server):
    app.config["SMTP_URL"] = smtp_server.url
    smtp_server.refuse("gone@example.com", "550 5.1.1 No such user")
    data = {"to": "gone@example.com", "from": "a@careercenter.example", "subject": "s", "text": "t", "html": "<p>t</p>"}
    with pytest.raises(PermanentDeliveryError):
        _deliver_smtp(smtp_server.url, build_message(data))
    # The task itself records the address instead of raising, so the queue does not retry it.
    deliver_email(data)
    assert is_suppressed("gone@example.com")
    assert smtp_server.messages == []



@pytest.mark.parametrize("title, company", [
    # 73 characters: too long for the "Subject: " line, short enough to fit a folded one.
    ("Inpatient DRG Validation Coder", "Riverside Health Ohio"),
    ("Senior Inpatient DRG Validation & CDI Coder — Remote (Ohio, Michigan, Indiana)",
     "Riverside Régional Health System of Northwest Ohio"),
])
def test_a_long_subject_never_starts_with_a_space(app, outbox, smtp_server, run_jobs, title, company):
    from tests.support.factories import make_employer, make_job
    from tests.support.seekers_factories import make_application, make_seeker

    _, firm = make_employer(company_name=company)
    job = make_job(firm, title=title)
    user = make_seeker("long@example.com", name="Rosa Diaz")
    application = make_application(job, user)
    expected = f"Application sent: {title} at {company}"
    send_email("application-received", user.email, user=user, job=job, application=application)
    db.session.commit()
    assert outbox.last(to="long@example.com").subject == expected
    app.config["SMTP_URL"] = smtp_server.url
    send_email("application-received", user.email, user=user, job=job, application=application)
    db.session.commit()
    run_jobs()
    assert smtp_server.messages[-1]["message"]["Subject"] == expected


def test_no_subject_template_starts_with_whitespace_or_spans_lines():
    from pathlib import Path

    for path in (Path(__file__).parent.parent / "templates" / "email").glob("*/subject.txt"):
        text = path.read_text(encoding="utf-8")
        assert not text[:1].isspace() and "\n" not in text.rstrip("\n"), path
