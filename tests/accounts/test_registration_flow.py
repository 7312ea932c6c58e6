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
