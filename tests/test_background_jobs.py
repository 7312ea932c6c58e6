"""Work queued during a request leaves only after the commit, through Redis or inline."""

from careercenter.email import send_email
from careercenter.extensions import db
from tests.support.factories import make_user


def test_email_is_delivered_after_commit_by_the_configured_runner(app, outbox):
    user = make_user("queue@example.com")
    send_email("verify-email", user.email, user=user, token="t")
    assert outbox.messages() == []  # nothing committed yet
    db.session.commit()
    assert [m.to for m in outbox.messages()] == ["queue@example.com"]


def test_rollback_drops_queued_work(app, outbox):
    user = make_user("rollback@example.com")
    send_email("verify-email", user.email, user=user, token="t")
    db.session.rollback()
    db.session.commit()
    assert outbox.messages() == []
