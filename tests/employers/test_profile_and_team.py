"""Company profile with a logo checked by content, the public company page, and team invitations."""

import io
import re

from careercenter.employers.models import Company, CompanyMember, MemberRole
from careercenter.extensions import db
from tests.support.billing_factories import make_member
from tests.support.factories import login, make_employer, make_job, make_user

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40


def profile_data(**extra):
    data = {"name": "Riverside Health", "website": "riverside.example.org", "org_type": "hospital",
            "city": "Toledo", "state": "OH", "about": "We run **three** hospitals. <script>alert(1)</script>"}
    data.update(extra)
    return data


def test_profile_with_logo_shows_on_the_public_page(client):
    owner, company = make_employer(company_name="Old Name")
    make_job(company, title="Coding Supervisor")
    login(client, owner.email)
    saved = client.post("/employer/company", data=profile_data(logo=(io.BytesIO(PNG), "logo.png")),
                        content_type="multipart/form-data", follow_redirects=True)
    assert "profile is saved" in saved.get_data(as_text=True)
    db.session.expire_all()
    company = db.session.get(Company, company.id)
    assert company.website == "https://riverside.example.org"
    page = client.get(f"/companies/{company.slug}").get_data(as_text=True)
    assert "Riverside Health" in page and "Coding Supervisor" in page and "<strong>three</strong>" in page
    assert "<script>" not in page
    with client.get(f"/companies/{company.slug}/logo") as logo:
        assert logo.status_code == 200 and logo.mimetype == "image/png" and logo.data == PNG
        assert logo.headers["X-Content-Type-Options"] == "nosniff"


def test_logo_is_checked_by_content_not_by_name(client):
    owner, company = make_employer()
    login(client, owner.email)
    fake = b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"
    page = client.post("/employer/company", data=profile_data(name="Typed Name", logo=(io.BytesIO(fake), "logo.png")),
                       content_type="multipart/form-data")
    assert page.status_code == 422
    text = page.get_data(as_text=True)
    assert "not a PNG, JPEG, GIF or WebP image" in text and 'value="Typed Name"' in text
    db.session.expire_all()
    assert db.session.get(Company, company.id).logo_path is None


def test_bad_profile_input_is_reshown_with_messages(client):
    owner, _ = make_employer()
    login(client, owner.email)
    page = client.post("/employer/company", data=profile_data(name="", website="not a url", org_type="spaceship"))
    text = page.get_data(as_text=True)
    assert page.status_code == 422
    assert "Enter the organisation" in text and "Enter a web address" in text and "Not a valid choice" in text


def test_public_page_lists_only_open_jobs_and_unknown_company_is_404(client):
    _, company = make_employer(company_name="Open Clinic")
    make_job(company, title="Open Role")
    make_job(company, title="Expired Role", days_left=-1)
    make_job(company, title="Draft Role", status="draft")
    page = client.get(f"/companies/{company.slug}").get_data(as_text=True)
    assert "Open Role" in page and "Expired Role" not in page and "Draft Role" not in page
    assert client.get("/companies/nobody-here").status_code == 404


def test_invitation_creates_a_member_account(client, outbox):
    owner, company = make_employer("owner@team.example", company_name="Team Clinic")
    company_id = company.id
    login(client, owner.email)
    client.post("/employer/team", data={"email": "New.Colleague@Team.example", "role": "member"})
    mail = outbox.last(to="new.colleague@team.example")
    assert "invited you to Team Clinic" in mail.subject
    link = mail.link("/employer/invitations/").replace("http://careercenter.test", "")
    client.post("/account/logout")
    short = client.post(link, data={"name": "Nia", "password": "short"})
    assert short.status_code == 422 and "Use 10 to 128 characters" in short.get_data(as_text=True)
    joined = client.post(link, data={"name": "Nia Park", "password": "long enough password"}, follow_redirects=True)
    assert "Welcome to Team Clinic" in joined.get_data(as_text=True)
    roles = dict(db.session.execute(db.select(CompanyMember.user_id, CompanyMember.role).filter_by(company_id=company_id)).all())
    assert sorted(roles.values()) == ["member", "owner"]
    # The link works once.
    client.post("/account/logout")
    assert client.get(link).status_code == 404


def test_invitation_for_an_existing_account_and_wrong_account(client, outbox):
    owner, company = make_employer("boss@a.example", company_name="A Clinic")
    invitee = make_user("lee@b.example", account_type="employer")
    someone = make_user("someone@c.example", account_type="employer")
    company_id, invitee_id, invitee_email, someone_email = company.id, invitee.id, invitee.email, someone.email
    login(client, owner.email)
    client.post("/employer/team", data={"email": "lee@b.example", "role": "owner"})
    link = outbox.last(to="lee@b.example").link("/employer/invitations/").replace("http://careercenter.test", "")
    client.post("/account/logout")
    assert "Sign in to accept" in client.get(link).get_data(as_text=True)
    login(client, someone_email)
    wrong = client.post(link)
    assert "This invitation was sent to lee@b.example" in wrong.get_data(as_text=True)
    client.post("/account/logout")
    login(client, invitee_email)
    client.post(link)
    member = db.session.scalar(db.select(CompanyMember).filter_by(user_id=invitee_id))
    assert member.company_id == company_id and member.role == MemberRole.OWNER


def test_owner_removes_a_member_but_not_the_last_owner(client):
    owner, company = make_employer()
    colleague = make_member(company)
    login(client, owner.email)
    own_row = db.session.scalar(db.select(CompanyMember.id).filter_by(user_id=owner.id))
    their_row = db.session.scalar(db.select(CompanyMember.id).filter_by(user_id=colleague.id))
    client.post(f"/employer/team/{their_row}/remove")
    page = client.post(f"/employer/team/{own_row}/remove", follow_redirects=True)
    assert "at least one owner" in page.get_data(as_text=True)
    assert db.session.get(CompanyMember, own_row) is not None
    db.session.expire_all()
    assert db.session.get(CompanyMember, their_row) is None


def test_a_bad_website_and_a_bad_logo_are_both_reported_at_once(client, app):
    from pathlib import Path

    owner, company = make_employer()
    login(client, owner.email)
    page = client.post("/employer/company",
                       data=profile_data(website="not a web address", logo=(io.BytesIO(b"%PDF-1.4 nope"), "logo.png")),
                       content_type="multipart/form-data")
    assert page.status_code == 422
    text = page.get_data(as_text=True)
    assert "Enter a web address such as https://www.example.org." in text
    assert "not a PNG, JPEG, GIF or WebP image" in text
    # A good logo with a bad website is not saved either: nothing is half-written.
    again = client.post("/employer/company", data=profile_data(website="not a web address", logo=(io.BytesIO(PNG), "logo.png")),
                        content_type="multipart/form-data")
    assert again.status_code == 422
    db.session.expire_all()
    assert db.session.get(Company, company.id).logo_path is None
    logos = Path(app.config["UPLOAD_DIR"]) / "logos"
    assert not logos.exists() or not any(logos.iterdir())


def test_each_logo_upload_gets_a_new_url_shown_on_the_job_page_and_cards(client):
    owner, company = make_employer(company_name="Riverside Health")
    job = make_job(company, title="Coding Supervisor")
    login(client, owner.email)
    detail = client.get(f"/jobs/{job.id}-{job.slug}").get_data(as_text=True)
    assert "company-logo" not in detail and ">RH<" in detail  # initials until a logo is uploaded
    urls = []
    for data in (PNG, PNG + b"\x00"):
        client.post("/employer/company", data=profile_data(logo=(io.BytesIO(data), "logo.png")),
                    content_type="multipart/form-data")
        page = client.get(f"/jobs/{job.id}-{job.slug}").get_data(as_text=True)
        found = re.findall(r'<img src="(/companies/[^"]+/logo\?v=[^"]+)" alt="" class="company-logo', page)
        assert len(found) == 2 and len(set(found)) == 1  # the job header and the employer box
        assert ' style="' not in page
        urls.append(found[0])
        with client.get(found[0]) as logo:
            assert logo.data == data and "immutable" in logo.headers["Cache-Control"]
    assert urls[0] != urls[1]
    cards = client.get("/jobs").get_data(as_text=True)
    assert urls[1].replace("&", "&amp;") in cards or urls[1] in cards
    # The employer's name on the job page leads to the company page.
    db.session.expire_all()
    assert f'href="/companies/{db.session.get(Company, company.id).slug}"' in page
