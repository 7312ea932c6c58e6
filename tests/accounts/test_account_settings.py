"""The account page changes the name, the password (with the current one) and the email address
(confirmed by a link sent to the new address; the old one works until then)."""

import html
import re

from careercenter.accounts.models import User
from careercenter.extensions import db
from tests.support.factories import PASSWORD, login, make_user

NEW_PASSWORD = "a different passphrase"


def text(response):
    return html.unescape(response.get_data(as_text=True))


def fresh(email):
    db.session.expire_all()
    return db.session.scalar(db.select(User).filter_by(email=email))


def path(link):
    return link.replace("http://careercenter.test", "")


def test_account_page_offers_the_three_forms(client):
    make_user("ada@example.com", name="Ada Lovelace")
    login(client, "ada@example.com")
    page = text(client.get("/account/"))
    for heading in ("Change your name", "Change your password", "Change your email address"):
        assert heading in page
    assert 'value="Ada Lovelace"' in page


def test_change_name(client):
    make_user("ada@example.com", name="Ada Lovelace")
    login(client, "ada@example.com")
    page = text(client.post("/account/name", data={"name-name": "  Ada   King "}, follow_redirects=True))
    assert "Your name is changed." in page and fresh("ada@example.com").name == "Ada King"


def test_name_too_long_is_refused_with_a_friendly_message(client):
    make_user("ada@example.com", name="Ada Lovelace")
    login(client, "ada@example.com")
    response = client.post("/account/name", data={"name-name": "A" * 121})
    assert response.status_code == 422
    assert "Use at most 120 characters." in text(response)
    assert "Field cannot be longer" not in text(response)
    assert fresh("ada@example.com").name == "Ada Lovelace"


def test_change_password_needs_the_current_one(client):
    make_user("ada@example.com")
    login(client, "ada@example.com")
    response = client.post("/account/password", data={"password-current_password": "not my password",
                                                      "password-password": NEW_PASSWORD, "password-confirm": NEW_PASSWORD})
    assert response.status_code == 422 and "That is not your current password." in text(response)
    client.post("/account/logout")
    assert login(client, "ada@example.com", NEW_PASSWORD).status_code == 422
    assert login(client, "ada@example.com", PASSWORD).status_code == 302


def test_change_password(client):
    make_user("ada@example.com")
    login(client, "ada@example.com")
    page = text(client.post("/account/password", data={"password-current_password": PASSWORD,
                                                       "password-password": NEW_PASSWORD, "password-confirm": NEW_PASSWORD},
                            follow_redirects=True))
    assert "Your password is changed." in page
    client.post("/account/logout")
    assert login(client, "ada@example.com", PASSWORD).status_code == 422
    assert login(client, "ada@example.com", NEW_PASSWORD).status_code == 302


def test_new_password_must_be_long_enough_and_repeated(client):
    make_user("ada@example.com")
    login(client, "ada@example.com")
    page = text(client.post("/account/password", data={"password-current_password": PASSWORD,
                                                       "password-password": "short", "password-confirm": "other"}))
    assert "Use 10 to 128 characters." in page and "The passwords do not match." in page


def test_change_email_is_confirmed_from_the_new_address(client, outbox):
    make_user("ada@example.com", name="Ada")
    login(client, "ada@example.com")
    page = text(client.post("/account/email", data={"email-email": "Ada@New.example.org", "email-current_password": PASSWORD},
                            follow_redirects=True))
    assert "We sent a link to ada@new.example.org" in page
    # Until the link is opened the old address is the account's, and signs in.
    assert fresh("ada@example.com") is not None and fresh("ada@new.example.org") is None
    client.post("/account/logout")
    assert login(client, "ada@example.com").status_code == 302

    link = path(outbox.last(to="ada@new.example.org").link("/account/email/"))
    page = text(client.get(link, follow_redirects=True))
    assert "Your account now uses ada@new.example.org." in page
    user = fresh("ada@new.example.org")
    assert user is not None and user.is_verified and fresh("ada@example.com") is None
    assert "ada@new.example.org" in outbox.last(to="ada@example.com").text  # the old address is told
    client.post("/account/logout")
    assert login(client, "ada@example.com").status_code == 422
    assert login(client, "ada@new.example.org").status_code == 302
    # The link is spent once used.
    assert "This link is not valid" in text(client.get(link, follow_redirects=True))


def test_change_email_needs_the_current_password(client, outbox):
    make_user("ada@example.com")
    login(client, "ada@example.com")
    response = client.post("/account/email", data={"email-email": "ada@new.example.org", "email-current_password": "wrong one"})
    assert response.status_code == 422 and "That is not your current password." in text(response)
    assert 'value="ada@new.example.org"' in text(response)  # re-shown as typed
    assert outbox.messages(to="ada@new.example.org") == []


def test_change_email_to_a_taken_address_reads_the_same(client, outbox):
    make_user("ada@example.com", name="Ada")
    make_user("grace@example.com", name="Grace")
    login(client, "ada@example.com")
    taken = text(client.post("/account/email", data={"email-email": "grace@example.com", "email-current_password": PASSWORD},
                             follow_redirects=True))
    free = text(client.post("/account/email", data={"email-email": "ada2@example.com", "email-current_password": PASSWORD},
                            follow_redirects=True))
    def same(page, address):
        return re.sub(r'nonce="[^"]*"', "", page.replace(address, "X"))

    assert same(taken, "grace@example.com") == same(free, "ada2@example.com")
    # The owner of the taken address hears about it; no change link exists for it.
    notice = outbox.last(to="grace@example.com")
    assert "already belongs to a CareerCenter account" in notice.text and "/account/email/" not in notice.text
    assert fresh("ada@example.com") is not None and fresh("grace@example.com").name == "Grace"


def test_invalid_new_email_gets_the_friendly_message(client):
    make_user("ada@example.com")
    login(client, "ada@example.com")
    page = text(client.post("/account/email", data={"email-email": "ada@localhost", "email-current_password": PASSWORD}))
    assert "Enter a valid email address, like name@example.com." in page
    assert "special-use" not in page


def test_changing_the_password_signs_out_every_other_session_and_emails_the_owner(app, client, outbox):
    make_user("ada@example.com")
    other = app.test_client()
    login(other, "ada@example.com")
    remembered = app.test_client()
    remembered.post("/account/login", data={"email": "ada@example.com", "password": PASSWORD, "remember": "y"})
    assert other.get("/account/").status_code == 200
    login(client, "ada@example.com")
    page = text(client.post("/account/password", data={"password-current_password": PASSWORD,
                                                       "password-password": NEW_PASSWORD, "password-confirm": NEW_PASSWORD},
                            follow_redirects=True))
    assert "Your password is changed." in page
    # This session stays signed in; the other one is sent to the sign-in page.
    assert client.get("/account/").status_code == 200
    assert "/account/login" in other.get("/account/").headers["Location"]
    # A "keep me signed in" cookie made with the old password does not sign anyone back in.
    assert remembered.get_cookie("remember_token") is not None
    remembered.delete_cookie("session")
    assert "/account/login" in remembered.get("/account/").headers["Location"]
    mail = outbox.last(to="ada@example.com")
    assert mail.subject == "Your CareerCenter password was changed"
    assert "signed out" in mail.text and "/account/reset" in mail.text
