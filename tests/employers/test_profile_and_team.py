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
    # The same rules as every new password: repeated, and not easy to guess.
    common = client.post(link, data={"name": "Nia", "password": "password123", "confirm": "password123"})
    assert common.status_code == 422 and "one of the most common" in common.get_data(as_text=True)
    mismatch = client.post(link, data={"name": "Nia", "password": "long enough password", "confirm": "other"})
    assert mismatch.status_code == 422 and "The passwords do not match." in mismatch.get_data(as_text=True)
    joined = client.post(link, data={"name": "Nia Park", "password": "long enough password",
                                     "confirm": "long enough password"}, follow_redirects=True)
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
    # The team page's Remove asks first, naming the person; nothing changes until the POST.
    team = client.get("/employer/team").get_data(as_text=True)
    assert f'href="/employer/team/{their_row}/remove"' in team
    ask = client.get(f"/employer/team/{their_row}/remove").get_data(as_text=True)
    assert f"Remove {colleague.name} from" in ask
    assert db.session.get(CompanyMember, their_row) is not None
    removed = client.post(f"/employer/team/{their_row}/remove", follow_redirects=True).get_data(as_text=True)
    assert f"{colleague.name} is no longer on your team." in removed
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


def _invite(client, outbox, email):
    client.post("/employer/team", data={"email": email, "role": "member"})
    return outbox.last(to=email).link("/employer/invitations/").replace("http://careercenter.test", "")


def test_a_removed_member_cannot_rejoin_with_an_older_invitation(client, outbox):
    owner, company = make_employer("boss@a.example", company_name="A Clinic")
    lee = make_user("lee@a.example", account_type="employer")
    lee_id = lee.id
    login(client, owner.email)
    older = _invite(client, outbox, "lee@a.example")
    newer = _invite(client, outbox, "lee@a.example")
    # Inviting again replaces the waiting invitation: one line, and the older link is dead already.
    team = client.get("/employer/team").get_data(as_text=True)
    assert team.count("lee@a.example (member)") == 1
    client.post("/account/logout")
    login(client, "lee@a.example")
    client.post(newer)
    client.post("/account/logout")
    login(client, owner.email)
    team = client.get("/employer/team").get_data(as_text=True)
    assert "Invitations waiting" not in team  # joined: the other invitation is no longer waiting
    row = db.session.scalar(db.select(CompanyMember.id).filter_by(user_id=lee_id))
    client.post(f"/employer/team/{row}/remove")
    client.post("/account/logout")
    login(client, "lee@a.example")
    assert client.get(older).status_code == 404
    assert client.post(older).status_code == 404
    assert db.session.scalar(db.select(CompanyMember.id).filter_by(user_id=lee_id)) is None
    # The 403 page offers no employer links that would only lead back to it.
    page = client.get("/employer/")
    body = page.get_data(as_text=True)
    assert page.status_code == 403
    assert 'href="/employer/"' not in body and 'href="/employer/jobs/new"' not in body
    assert 'href="/jobs"' in body


def test_owner_revokes_a_pending_invitation(client, outbox):
    from careercenter.employers.models import CompanyInvitation

    owner, _ = make_employer("boss@a.example", company_name="A Clinic")
    login(client, owner.email)
    link = _invite(client, outbox, "sam@a.example")
    team = client.get("/employer/team").get_data(as_text=True)
    assert "sam@a.example" in team and "Revoke" in team
    invitation_id = db.session.scalar(db.select(CompanyInvitation.id))
    page = client.post(f"/employer/team/invitations/{invitation_id}/revoke", follow_redirects=True).get_data(as_text=True)
    assert "The invitation to sam@a.example is revoked" in page and "Invitations waiting" not in page
    client.post("/account/logout")
    assert client.get(link).status_code == 404


def test_revoking_needs_an_owner(client, outbox):
    from careercenter.employers.models import CompanyInvitation

    owner, company = make_employer("boss@a.example", company_name="A Clinic")
    colleague = make_member(company)
    login(client, owner.email)
    _invite(client, outbox, "sam@a.example")
    invitation_id = db.session.scalar(db.select(CompanyInvitation.id))
    client.post("/account/logout")
    login(client, colleague.email)
    assert client.post(f"/employer/team/invitations/{invitation_id}/revoke").status_code == 403
    assert db.session.get(CompanyInvitation, invitation_id) is not None


def test_inviting_a_coder_or_another_companys_member_is_refused_at_once(client, outbox):
    owner, _ = make_employer("boss@a.example", company_name="A Clinic")
    make_user("coder@b.example")
    other_owner, _ = make_employer("owner@c.example", company_name="C Clinic")
    login(client, owner.email)
    coder = client.post("/employer/team", data={"email": "coder@b.example", "role": "member"})
    assert coder.status_code == 422 and "is a job-seeker account" in coder.get_data(as_text=True)
    taken = client.post("/employer/team", data={"email": "owner@c.example", "role": "member"})
    assert taken.status_code == 422 and "already belongs to another employer" in taken.get_data(as_text=True)
    assert outbox.messages(to="coder@b.example") == [] and outbox.messages(to="owner@c.example") == []
