"""Verification and reset links: expired, tampered and reused links get a clear message."""

import html
from datetime import timedelta

import time_machine

from careercenter.accounts.models import User
from careercenter.database import utcnow
from careercenter.extensions import db
from tests.support.factories import PASSWORD, login, make_user

NEW_PASSWORD = "a brand new passphrase"


def path(link):
    return link.replace("http://careercenter.test", "")


def text(response):
    return html.unescape(response.get_data(as_text=True))


def tamper(link):
    """Change one character of the token's payload, keeping it well formed."""
    head, token = link.rsplit("/", 1)
    i = len(token) // 3
    return f"{head}/{token[:i]}{'A' if token[i] != 'A' else 'B'}{token[i + 1:]}"


def verification_link(client, outbox, email="ada@example.com"):
    client.post("/account/register", data={"account_type": "seeker", "name": "Ada", "email": email,
                                           "password": PASSWORD, "confirm": PASSWORD})
    return path(outbox.last(to=email).link("/account/verify/"))


def reset_link(client, outbox, email="ada@example.com"):
    client.post("/account/reset", data={"email": email})
    return path(outbox.last(to=email).link("/account/reset/"))


def is_verified(email="ada@example.com"):
    db.session.expire_all()
    return db.session.scalar(db.select(User).filter_by(email=email)).is_verified


def test_expired_verification_link_says_so(client, outbox):
    link = verification_link(client, outbox)
    with time_machine.travel(utcnow() + timedelta(days=4)):
        page = text(client.get(link, follow_redirects=True))
    assert "This link has expired. Ask for a new one below." in page
    assert not is_verified()


def test_verification_link_still_works_on_day_two(client, outbox):
    link = verification_link(client, outbox)
    with time_machine.travel(utcnow() + timedelta(days=2)):
        page = text(client.get(link, follow_redirects=True))
    assert "your email address is verified" in page and is_verified()


def test_tampered_verification_link_is_refused(client, outbox):
    link = verification_link(client, outbox)
    for bad in (tamper(link), link + "x", "/account/verify/not-a-token", "/account/verify/%00%E2%80%AE"):
        page = text(client.get(bad, follow_redirects=True))
        assert "This link is not valid" in page, bad
    assert not is_verified()


def test_signed_in_user_can_ask_for_a_new_verification_link(client, outbox):
    first = verification_link(client, outbox)
    login(client, "ada@example.com")
    page = text(client.post("/account/verify", follow_redirects=True))
    assert "We sent a new verification link to ada@example.com." in page
    second = path(outbox.last(to="ada@example.com").link("/account/verify/"))
    assert first != second or len(outbox.messages(to="ada@example.com")) == 2
    assert "verified" in text(client.get(second, follow_redirects=True)) and is_verified()


def test_reset_link_sets_a_new_password_once(client, outbox):
    make_user("ada@example.com")
    link = reset_link(client, outbox)
    response = client.post(link, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD}, follow_redirects=True)
    assert "Your password is changed" in text(response)
    assert login(client, "ada@example.com", PASSWORD).status_code == 422
    assert login(client, "ada@example.com", NEW_PASSWORD).status_code == 302
    client.post("/account/logout")

    # The same link again: already used.
    again = client.get(link, follow_redirects=True)
    assert "This link is not valid — it may have been mistyped, changed or already used." in text(again)
    posted = client.post(link, data={"password": "yet another passphrase", "confirm": "yet another passphrase"},
                         follow_redirects=True)
    assert "already used" in text(posted)
    assert login(client, "ada@example.com", NEW_PASSWORD).status_code == 302


def test_expired_reset_link_says_so(client, outbox):
    make_user("ada@example.com")
    link = reset_link(client, outbox)
    with time_machine.travel(utcnow() + timedelta(minutes=61)):
        response = client.post(link, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD}, follow_redirects=True)
    assert "This link has expired. Ask for a new one below." in text(response)
    assert "Reset your password" in text(response)  # the page to ask for a new one
    assert login(client, "ada@example.com", PASSWORD).status_code == 302


def test_tampered_reset_link_is_refused(client, outbox):
    make_user("ada@example.com")
    link = reset_link(client, outbox)
    response = client.post(tamper(link), data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD}, follow_redirects=True)
    assert "This link is not valid" in text(response)
    assert login(client, "ada@example.com", PASSWORD).status_code == 302


def test_verification_token_cannot_reset_a_password(client, outbox):
    link = verification_link(client, outbox)
    token = link.rsplit("/", 1)[1]
    response = client.get(f"/account/reset/{token}", follow_redirects=True)
    assert "This link is not valid" in text(response)


def test_bad_new_password_keeps_the_link_usable(client, outbox):
    make_user("ada@example.com")
    link = reset_link(client, outbox)
    response = client.post(link, data={"password": "short", "confirm": "short"})
    assert response.status_code == 422 and "Use 10 to 128 characters." in text(response)
    response = client.post(link, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD}, follow_redirects=True)
    assert "Your password is changed" in text(response)


def test_a_password_reset_signs_out_every_signed_in_session_and_emails_the_owner(app, client, outbox):
    make_user("ada@example.com")
    elsewhere = app.test_client()
    login(elsewhere, "ada@example.com")
    assert elsewhere.get("/account/").status_code == 200
    link = reset_link(client, outbox)
    client.post(link, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert "/account/login" in elsewhere.get("/account/").headers["Location"]
    mail = outbox.last(to="ada@example.com")
    assert mail.subject == "Your CareerCenter password was changed" and "reset with a link" in mail.text
