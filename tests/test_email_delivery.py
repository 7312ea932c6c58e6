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
