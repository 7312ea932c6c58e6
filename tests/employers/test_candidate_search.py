"""Employers find coders who opened their profile, and invite one to apply without seeing their address."""

from careercenter.extensions import db
from careercenter.seekers.models import SeekerCredential
from careercenter.seekers.services import get_or_create_profile
from tests.support.factories import login, make_employer, make_job, make_user
from tests.support.seekers_factories import make_application, make_seeker


def open_profile(user, *, visible=True, credentials=(), **fields):
    profile = get_or_create_profile(user)
    profile.visible_to_employers = visible
    for name, value in fields.items():
        setattr(profile, name, value)
    for code in credentials:
        profile.credentials.append(SeekerCredential(code=code, year_earned=2019))
    db.session.commit()
    return profile


def test_only_coders_who_opened_their_profile_are_listed(client):
    owner, _ = make_employer()
    open_profile(make_user("open@example.org", name="Olive Open"), headline="Remote CPC, 6 years of E/M",
                 credentials=["CPC"], state="OH", work_preference="remote", years_experience=6)
    open_profile(make_user("closed@example.org", name="Carl Closed"), visible=False, headline="Inpatient CCS")
    open_profile(make_user("unverified@example.org", name="Una Verified", verified=False), headline="CRC")
    login(client, owner.email)
    page = client.get("/employer/candidates").get_data(as_text=True)
    assert "Olive Open" in page and "Remote CPC, 6 years of E/M" in page
    assert "Carl Closed" not in page and "Una Verified" not in page
    assert "open@example.org" not in page
    # Headline words are matched as typed, in any case: "%" is a character, not a wildcard.
    assert "Olive Open" in client.get("/employer/candidates?q=remote+cpc").get_data(as_text=True)
    assert "Olive Open" not in client.get("/employer/candidates?q=%25").get_data(as_text=True)


def test_filters_narrow_the_list_and_bad_values_are_reported(client):
    owner, _ = make_employer()
    open_profile(make_user(name="Rita Remote"), credentials=["CRC"], settings=["risk-adjustment"],
                 specialties=["cardiology"], state="TX", work_preference="remote", years_experience=8)
    open_profile(make_user(name="Otto Onsite"), credentials=["CCS"], settings=["inpatient-facility"],
                 state="OH", work_preference="onsite", years_experience=2)
    login(client, owner.email)
    for query in ("credential=CRC", "setting=risk-adjustment", "specialty=cardiology", "state=TX",
                  "work_preference=remote", "min_years=5"):
        page = client.get(f"/employer/candidates?{query}").get_data(as_text=True)
        assert "Rita Remote" in page and "Otto Onsite" not in page, query
    page = client.get("/employer/candidates?credential=CRC&state=OH").get_data(as_text=True)
    assert "No coders match these filters" in page
    bad = client.get("/employer/candidates?min_years=-4&credential=NOPE")
    text = bad.get_data(as_text=True)
    assert bad.status_code == 422 and "Enter 0 to 60 years." in text and "Not a valid choice" in text


def test_candidate_search_is_for_company_members_only(client):
    coder = make_user("coder@example.org")
    profile = open_profile(make_user(name="Olive Open"))
    login(client, coder.email)
    assert client.get("/employer/candidates").status_code == 403
    assert client.get(f"/employer/candidates/{profile.id}").status_code == 403
    client.post("/account/logout")
    assert client.get("/employer/candidates").status_code == 302


def test_a_hidden_profile_is_not_found_even_by_id(client):
    owner, _ = make_employer()
    hidden = open_profile(make_user(name="Carl Closed"), visible=False)
    login(client, owner.email)
    assert client.get(f"/employer/candidates/{hidden.id}").status_code == 404
    # A coder who hides the profile while an employer has it open: the employer is told, nothing is sent.
    refused = client.post(f"/employer/candidates/{hidden.id}/invite", data={"job_id": "1"}, follow_redirects=True)
    assert "no longer lets employers find their profile" in refused.get_data(as_text=True)


def test_invite_to_apply_emails_the_coder_a_link_to_the_post(client, outbox):
    owner, company = make_employer(company_name="Lakeside Health")
    job = make_job(company, title="Remote Risk Adjustment Coder")
    make_job(company, title="Old draft", status="draft")
    coder = make_seeker("rita@example.org", name="Rita Remote")
    profile = open_profile(coder, credentials=["CRC"])
    login(client, owner.email)
    page = client.get(f"/employer/candidates/{profile.id}").get_data(as_text=True)
    assert "Remote Risk Adjustment Coder" in page and "Old draft" not in page
    assert "Download resume" not in page and "rita@example.org" not in page
    sent = client.post(f"/employer/candidates/{profile.id}/invite",
                       data={"job_id": str(job.id), "message": "Your HCC experience fits our team."},
                       follow_redirects=True)
    assert "invitation to apply" in sent.get_data(as_text=True)
    [mail] = outbox.messages(to="rita@example.org")
    assert mail.subject == "Lakeside Health invites you to apply: Remote Risk Adjustment Coder"
    assert "Your HCC experience fits our team." in mail.text
    assert client.get(mail.link(f"/jobs/{job.id}")).status_code in (200, 308)


def test_invite_without_a_live_post_is_refused_and_sends_nothing(client, outbox):
    owner, company = make_employer()
    other_owner, other_company = make_employer()
    foreign = make_job(other_company, title="Someone else's post")
    profile = open_profile(make_seeker("rita@example.org"))
    login(client, owner.email)
    page = client.get(f"/employer/candidates/{profile.id}").get_data(as_text=True)
    assert "has no live post to invite to" in page
    refused = client.post(f"/employer/candidates/{profile.id}/invite", data={"job_id": str(foreign.id)})
    assert refused.status_code == 422
    assert outbox.messages(to="rita@example.org") == []


def test_a_coder_is_invited_once_per_post_and_never_to_a_post_they_applied_to(client, outbox):
    owner, company = make_employer(company_name="Lakeside Health")
    first = make_job(company, title="Remote Risk Adjustment Coder")
    second = make_job(company, title="HCC Auditor")
    applied = make_job(company, title="Outpatient Coder")
    coder = make_seeker("rita@example.org", name="Rita Remote")
    make_application(applied, coder)
    profile = open_profile(coder)
    login(client, owner.email)
    page = client.get(f"/employer/candidates/{profile.id}").get_data(as_text=True)
    assert "Applied to:" in page and f'<option value="{applied.id}"' not in page
    client.post(f"/employer/candidates/{profile.id}/invite", data={"job_id": str(first.id)})
    again = client.post(f"/employer/candidates/{profile.id}/invite", data={"job_id": str(first.id)})
    assert again.status_code == 422 and "Rita Remote was already invited to this post." in again.get_data(as_text=True)
    to_applied = client.post(f"/employer/candidates/{profile.id}/invite", data={"job_id": str(applied.id)})
    assert to_applied.status_code == 422 and "has already applied to this post" in to_applied.get_data(as_text=True)
    page = client.get(f"/employer/candidates/{profile.id}").get_data(as_text=True)
    assert "Invited to Remote Risk Adjustment Coder on" in page
    assert f'<option value="{second.id}"' in page and f'<option value="{first.id}"' not in page
    client.post(f"/employer/candidates/{profile.id}/invite", data={"job_id": str(second.id)})
    page = client.get(f"/employer/candidates/{profile.id}").get_data(as_text=True)
    assert "has been invited to, or has applied to, every live post of Lakeside Health" in page
    assert [m.subject for m in outbox.messages(to="rita@example.org") if "invites you" in m.subject] == [
        "Lakeside Health invites you to apply: Remote Risk Adjustment Coder",
        "Lakeside Health invites you to apply: HCC Auditor"]
