from careercenter.accounts.models import User
from careercenter.employers.models import CompanyMember
from careercenter.extensions import db
from tests.support.factories import PASSWORD, login


def register(client, **overrides):
    data = {"account_type": "seeker", "name": "Ada Coder", "email": "ada@example.com",
            "password": PASSWORD, "confirm": PASSWORD, "company_name": ""}
    data.update(overrides)
    return client.post("/account/register", data=data)


def test_register_verify_and_sign_in(client, outbox):
    response = register(client)
    assert response.status_code == 302 and "/account/check-email" in response.location

    message = outbox.last(to="ada@example.com")
    assert "Verify your email" in message.subject
    verify_link = message.link("/account/verify/")
    assert verify_link.startswith("http://careercenter.test/")

    response = client.get(verify_link.replace("http://careercenter.test", ""), follow_redirects=True)
    assert "your email address is verified" in response.get_data(as_text=True)

    response = login(client, "ADA@example.com", follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "Sign out" in page and "Verify your email address" not in page


def test_employer_registration_creates_the_company(client, outbox):
    register(client, account_type="employer", email="hr@clinic.example", company_name="Lakeside Clinic")
    user = db.session.scalar(db.select(User).filter_by(email="hr@clinic.example"))
    member = db.session.scalar(db.select(CompanyMember).filter_by(user_id=user.id))
    assert member.company.name == "Lakeside Clinic" and member.role == "owner"


def test_unverified_user_can_sign_in_and_is_told_to_verify(client, outbox):
    register(client)
    page = login(client, "ada@example.com", follow_redirects=True).get_data(as_text=True)
    assert "Verify your email address" in page


def _verify_link(outbox, email):
    return outbox.last(to=email).link("/account/verify/").replace("http://careercenter.test", "")


def test_after_verifying_an_employer_lands_on_the_dashboard_and_a_coder_on_the_profile(client, outbox):
    register(client, account_type="employer", email="hr@clinic.example", company_name="Lakeside Clinic")
    login(client, "hr@clinic.example")
    assert client.get(_verify_link(outbox, "hr@clinic.example")).location == "/employer/"
    client.post("/account/logout")
    register(client, email="ada@example.com")
    login(client, "ada@example.com")
    assert client.get(_verify_link(outbox, "ada@example.com")).location == "/profile"


def test_verifying_while_signed_out_signs_in_to_the_right_place(client, outbox):
    register(client, account_type="employer", email="hr@clinic.example", company_name="Lakeside Clinic")
    to_login = client.get(_verify_link(outbox, "hr@clinic.example")).location
    page = client.get(to_login).get_data(as_text=True)
    assert 'name="next" type="hidden" value="/employer/"' in page or 'value="/employer/"' in page
    signed_in = client.post("/account/login", data={"email": "hr@clinic.example", "password": PASSWORD, "next": "/employer/"})
    assert signed_in.location == "/employer/"


def test_signing_in_unverified_shows_one_message_worded_for_the_account(client, outbox):
    register(client, account_type="employer", email="hr@clinic.example", company_name="Lakeside Clinic")
    page = login(client, "hr@clinic.example", follow_redirects=True).get_data(as_text=True)
    assert page.count("Verify your email address") == 1 and page.count("verify your email address") == 0
    assert "Posting jobs needs a verified address" in page and "applying" not in page.lower()
    client.post("/account/logout")
    register(client)
    page = login(client, "ada@example.com", follow_redirects=True).get_data(as_text=True)
    assert page.count("Verify your email address") == 1 and "before you apply to jobs" in page
    assert "post jobs" not in page.split("Verify your email address")[1][:80]
