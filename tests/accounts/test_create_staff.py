"""`flask --app wsgi create-staff EMAIL` creates or promotes a staff account."""

from careercenter.accounts.models import User
from careercenter.extensions import db
from tests.conftest import count
from tests.support.factories import PASSWORD, login, make_user

STAFF_PASSWORD = "staff passphrase 2026"


def run(app, *args, input=None):
    return app.test_cli_runner().invoke(args=["create-staff", *args], input=input)


def user(email):
    db.session.expire_all()
    return db.session.scalar(db.select(User).filter_by(email=email))


def test_creates_a_staff_account_with_a_prompted_password(app, client, outbox):
    result = run(app, "Sam.Ortega@Example.com", "--name", "Sam Ortega", input=f"{STAFF_PASSWORD}\n{STAFF_PASSWORD}\n")
    assert result.exit_code == 0, result.output
    assert "Created staff account sam.ortega@example.com." in result.output
    assert STAFF_PASSWORD not in result.output  # the prompt hides what was typed
    staff = user("sam.ortega@example.com")
    assert staff.is_staff and staff.is_verified and staff.name == "Sam Ortega"
    assert STAFF_PASSWORD not in staff.password_hash
    assert outbox.messages() == []
    assert login(client, "sam.ortega@example.com", STAFF_PASSWORD).status_code == 302


def test_email_link_sends_a_set_password_email_that_works(app, client, outbox):
    result = run(app, "lead@example.com", "--email-link")
    assert result.exit_code == 0, result.output
    assert "Created staff account lead@example.com." in result.output and "set-password link was emailed" in result.output
    assert user("lead@example.com").password_hash is None

    link = outbox.last(to="lead@example.com").link("/account/reset/").replace("http://careercenter.test", "")
    assert client.get(link).status_code == 200
    response = client.post(link, data={"password": STAFF_PASSWORD, "confirm": STAFF_PASSWORD}, follow_redirects=True)
    assert "Your password is changed" in response.get_data(as_text=True)
    assert login(client, "lead@example.com", STAFF_PASSWORD).status_code == 302
    assert "staff" in client.get("/account/").get_data(as_text=True)


def test_empty_password_at_the_prompt_emails_a_link(app, outbox):
    result = run(app, "quiet@example.com", input="\n")
    assert result.exit_code == 0, result.output
    assert outbox.last(to="quiet@example.com").link("/account/reset/")


def test_promotes_an_existing_account_and_keeps_its_password(app, client, outbox):
    make_user("coder@example.com", name="Existing Coder")
    result = run(app, "CODER@example.com", "--email-link")
    assert result.exit_code == 0, result.output
    assert "Promoted staff account coder@example.com." in result.output
    assert count(User) == 1
    promoted = user("coder@example.com")
    assert promoted.is_staff and promoted.name == "Existing Coder"
    assert login(client, "coder@example.com", PASSWORD).status_code == 302


def test_promoting_with_a_new_password_replaces_the_old_one(app, client):
    make_user("coder@example.com")
    result = run(app, "coder@example.com", input=f"{STAFF_PASSWORD}\n{STAFF_PASSWORD}\n")
    assert result.exit_code == 0 and "Promoted" in result.output
    assert login(client, "coder@example.com", PASSWORD).status_code == 422
    assert login(client, "coder@example.com", STAFF_PASSWORD).status_code == 302


def test_invalid_email_is_refused(app):
    result = run(app, "not-an-email", "--email-link")
    assert result.exit_code == 2 and "Invalid value for EMAIL" in result.output
    assert count(User) == 0


def test_short_password_is_refused(app):
    result = run(app, "short@example.com", input="short\nshort\n")
    assert result.exit_code == 2 and "use 10 to 128 characters" in result.output
    assert count(User) == 0


def test_mismatched_confirmation_asks_again_and_creates_nothing(app):
    result = run(app, "typo@example.com", input=f"{STAFF_PASSWORD}\nsomething else\n")
    assert result.exit_code == 2 and "do not match" in result.output
    assert count(User) == 0
