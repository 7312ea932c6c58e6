"""Whatever people type into the account forms, they get a clear message and their input back."""

import html
import re

import pytest

from careercenter.accounts.models import User
from careercenter.extensions import db
from tests.conftest import count
from tests.support.factories import PASSWORD, login, make_user


def register(client, **overrides):
    data = {"account_type": "seeker", "name": "Ada Coder", "email": "ada@example.com",
            "password": PASSWORD, "confirm": PASSWORD, "company_name": ""}
    data.update(overrides)
    return client.post("/account/register", data=data)


def text(response):
    return html.unescape(response.get_data(as_text=True))


def main(response):
    """The page's main content (the layout around it carries a per-request nonce)."""
    page = text(response)
    return page[page.index("<main"):page.index("</main>")]


def test_empty_registration_names_every_missing_field(client):
    response = register(client, name="", email="", password="", confirm="")
    page = text(response)
    assert response.status_code == 422
    for message in ("Enter your name.", "Enter your email address.", "Choose a password.", "Repeat the password."):
        assert message in page
    assert "Please correct the fields marked below." in page
    assert count(User) == 0


def test_whitespace_only_name_counts_as_empty(client):
    page = text(register(client, name=" \t  "))
    assert "Enter your name." in page


def test_employer_without_organisation_is_asked_for_it(client):
    response = register(client, account_type="employer", company_name="")
    assert response.status_code == 422
    assert "Enter the name of the organisation you hire for." in text(response)


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("name", "A" * 121, "Use at most 120 characters."),
        ("company_name", "C" * 161, "Use at most 160 characters."),
        ("email", "a" * 250 + "@example.com", "Use at most 254 characters."),
        ("password", "p" * 129, "Use 10 to 128 characters."),
        ("password", "short", "Use 10 to 128 characters."),
    ],
)
def test_overlong_and_short_fields_are_refused_with_the_limit(client, field, value, message):
    data = {field: value}
    if field == "password":
        data["confirm"] = value
    if field == "company_name":
        data["account_type"] = "employer"
    response = register(client, **data)
    assert response.status_code == 422
    assert message in text(response)
    assert count(User) == 0


@pytest.mark.parametrize(
    "name",
    [
        "Ada\u200bCoder",  # zero-width space
        "Ada \u202eredoC",  # right-to-left override
        "Ada\x00Coder",  # NUL
        "Ada\u2066Coder\u2069",  # directional isolates
        "Ada\ufeffCoder",  # byte-order mark
    ],
)
def test_invisible_and_control_characters_in_names_are_refused(client, name):
    response = register(client, name=name, email="odd@example.com")
    page = text(response)
    assert response.status_code == 422
    assert "Remove invisible or control characters." in page
    assert 'value="odd@example.com"' in page  # the rest of the form comes back as typed
    assert count(User) == 0


def test_emoji_and_accents_in_names_are_welcome(client, outbox):
    response = register(client, name="Zoë Núñez 🩺", email="zoe@example.com")
    assert response.status_code == 302
    user = db.session.scalar(db.select(User).filter_by(email="zoe@example.com"))
    assert user.name == "Zoë Núñez 🩺"
    assert "Zoë Núñez 🩺" in outbox.last(to="zoe@example.com").text


def test_decomposed_unicode_is_stored_composed(client, outbox):
    register(client, name="Zoe\u0308 Smith")
    assert db.session.scalar(db.select(User.name)) == "Zoë Smith"


@pytest.mark.parametrize("email", ["not-an-email", "ada@", "ada\u200b@example.com", "ada@exam ple.com", "ada\x00@example.com"])
def test_bad_email_addresses_are_explained_and_the_form_kept(client, email):
    response = register(client, email=email, name="Ada Typed")
    page = text(response)
    assert response.status_code == 422
    assert "Enter a valid email address" in page
    assert 'value="Ada Typed"' in page
    assert count(User) == 0


def test_mismatched_passwords_are_explained(client):
    response = register(client, confirm="something else entirely")
    assert "The passwords do not match." in text(response)


def test_typed_values_come_back_but_passwords_do_not(client):
    response = register(client, account_type="employer", name="Lee Hiring", company_name="Lakeside Clinic",
                        email="lee@lakeside.example", confirm="different password")
    page = text(response)
    assert 'value="Lee Hiring"' in page and 'value="Lakeside Clinic"' in page and 'value="lee@lakeside.example"' in page
    assert PASSWORD not in page
    employer_radio = re.search(r'<input[^>]*value="employer"[^>]*>', page).group(0)
    assert "checked" in employer_radio


def test_duplicate_email_in_another_case_looks_like_a_fresh_sign_up(client, outbox):
    make_user("ada@example.com", name="Ada Original")
    fresh = register(client, email="new.person@example.com")
    duplicate = register(client, email="ADA@Example.COM", name="Someone Else")
    assert fresh.status_code == duplicate.status_code == 302
    assert fresh.location.split("?")[0] == duplicate.location.split("?")[0]
    assert main(client.get(fresh.location)).replace("new.person@example.com", "X") == \
        main(client.get(duplicate.location)).replace("ada@example.com", "X")

    assert count(User) == 2  # the original and the fresh sign-up; no second Ada
    message = outbox.last(to="ada@example.com")
    assert "tried to create a CareerCenter account" in message.subject
    assert "/account/reset" in message.text
    assert db.session.scalar(db.select(User.name).filter_by(email="ada@example.com")) == "Ada Original"


def test_passwords_are_stored_hashed(client, outbox):
    register(client)
    user = db.session.scalar(db.select(User))
    assert PASSWORD not in user.password_hash
    assert user.password_hash.startswith(("pbkdf2:", "scrypt:"))


def test_wrong_password_and_unknown_email_get_the_same_answer(client):
    make_user("ada@example.com")
    wrong = login(client, "ada@example.com", "not the password")
    unknown = login(client, "nobody@example.com", "not the password")
    assert wrong.status_code == unknown.status_code == 422
    assert "The email or password is not right." in text(wrong)
    assert "The email or password is not right." in text(unknown)
    assert 'value="ada@example.com"' in text(wrong)
    assert "Sign out" not in text(wrong)


def test_login_accepts_the_email_in_any_case_and_spacing(client):
    make_user("ada@example.com")
    assert login(client, "  ADA@example.com ").status_code == 302


@pytest.mark.parametrize("email", ["", "ada\x00@example.com", "a" * 300 + "@example.com"])
def test_odd_login_emails_get_a_message_not_an_error(client, email):
    response = login(client, email, "whatever password")
    assert response.status_code == 422
    page = text(response)
    assert any(m in page for m in ("Enter your email address.", "Remove invisible or control characters.",
                                   "Use at most 254 characters."))


def test_login_with_empty_password_is_explained(client):
    make_user("ada@example.com")
    assert "Enter your password." in text(login(client, "ada@example.com", ""))


def test_deactivated_account_cannot_sign_in(client):
    make_user("gone@example.com", is_active_account=False)
    response = login(client, "gone@example.com")
    assert response.status_code == 422 and "The email or password is not right." in text(response)


def test_reset_request_says_the_same_for_known_and_unknown_addresses(client, outbox):
    make_user("ada@example.com")
    known = client.post("/account/reset", data={"email": "ada@example.com"}, follow_redirects=True)
    unknown = client.post("/account/reset", data={"email": "nobody@example.com"}, follow_redirects=True)
    strip = lambda r, e: main(r).replace(e, "X")  # noqa: E731
    assert strip(known, "ada@example.com") == strip(unknown, "nobody@example.com")
    assert "a reset link is on its way" in text(known)
    assert [m.to for m in outbox.messages()] == ["ada@example.com"]


def test_reset_request_with_a_bad_address_keeps_what_was_typed(client):
    response = client.post("/account/reset", data={"email": "ada at example"})
    assert response.status_code == 422
    assert "Enter a valid email address" in text(response) and 'value="ada at example"' in text(response)


@pytest.mark.parametrize("password, message", [
    ("aaaaaaaaaa", "one character repeated"),
    ("password123", "one of the most common"),
    ("Qwertyuiop!", "one of the most common"),
    ("nia.parker-2024", "Don't use your email address"),
])
def test_easily_guessed_passwords_are_refused_with_a_reason(client, password, message):
    response = client.post("/account/register", data={
        "account_type": "seeker", "name": "Nia Parker", "email": "nia.parker@example.com",
        "password": password, "confirm": password})
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 422 and message in page
    assert "Nia Parker" in page  # what was typed stays


def test_a_weak_new_password_is_refused_on_the_account_page_and_the_reset_page(client, outbox):
    make_user("nia.parker@example.com")
    login(client, "nia.parker@example.com")
    changed = client.post("/account/password", data={"password-current_password": PASSWORD,
                                                      "password-password": "nia.parker!!", "password-confirm": "nia.parker!!"})
    assert changed.status_code == 422 and "Don't use your email address" in html.unescape(changed.get_data(as_text=True))
    client.post("/account/logout")
    client.post("/account/reset", data={"email": "nia.parker@example.com"})
    link = outbox.last(to="nia.parker@example.com").link("/account/reset/").replace("http://careercenter.test", "")
    reset = client.post(link, data={"password": "password123", "confirm": "password123"})
    assert reset.status_code == 422 and "one of the most common" in reset.get_data(as_text=True)
    assert login(client, "nia.parker@example.com").status_code == 302


@pytest.mark.parametrize("name", [
    "Ana \U0001F469\u200d\u2695\ufe0f",  # woman health worker: ZWJ + variation selector
    "Sam \U0001F468\U0001F3FD\u200d\U0001F4BB",  # man technologist, medium skin tone
    "Lee \U0001F3F3\ufe0f\u200d\U0001F308",  # rainbow flag
    "Kim \u2764\ufe0f",  # heart with emoji presentation
])
def test_names_with_emoji_sequences_are_accepted(client, outbox, name):
    response = register(client, name=name, email="ana@example.com")
    assert response.status_code == 302
    assert db.session.scalar(db.select(User.name).filter_by(email="ana@example.com")) == name


@pytest.mark.parametrize("name", [
    "Ana\u200dCoder",  # a joiner between letters hides nothing useful
    "Ana \u200d\U0001F469",  # a joiner that joins nothing before it
    "Ana \U0001F469\u200d",  # a joiner at the end
])
def test_a_joiner_outside_an_emoji_sequence_is_still_refused(client, name):
    response = register(client, name=name, email="ana@example.com")
    assert response.status_code == 422 and "Remove invisible or control characters." in text(response)
