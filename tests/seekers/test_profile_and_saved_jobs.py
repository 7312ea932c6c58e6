"""A coder keeps a profile, bookmarks jobs and can erase the account."""

from pathlib import Path

from careercenter.accounts.models import User
from careercenter.applications.models import Application, ApplicationEvent, ApplicationNote
from careercenter.employers.models import CandidateInvitation
from careercenter.extensions import db
from careercenter.jobs.models import JobStatus
from careercenter.seekers.models import Resume, SavedJob, SeekerProfile
from tests.support.factories import PASSWORD, login, make_employer, make_job, make_user
from tests.support.seekers_factories import make_application, make_seeker

PROFILE = {
    "name": "Maya Lopez", "headline": "CPC, 6 years of E/M coding", "city": "Columbus", "state": "oh",
    "zip_code": "43215", "work_preference": "remote", "years_experience": "6", "desired_pay": "62000",
    "desired_pay_period": "year", "settings": ["professional-fee", "risk-adjustment"], "specialties": [],
    "credentials-0-code": "CPC", "credentials-0-year": "2019", "credentials-1-code": "CRC", "credentials-1-year": "2021",
}


def test_profile_saves_credentials_with_years_and_catalogue_choices(app, client):
    user = make_user("maya@example.com")
    login(client, user.email)
    response = client.post("/profile/edit", data=PROFILE, follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "Your profile is saved." in page
    assert "CPC · 2019" in page and "CRC · 2021" in page
    profile = db.session.scalar(db.select(SeekerProfile))
    assert profile.state == "OH" and profile.years_experience == 6
    assert profile.settings == ["professional-fee", "risk-adjustment"]
    # Dropping a credential and changing a year updates the rows in place.
    data = dict(PROFILE, **{"credentials-0-year": "2018", "credentials-1-code": ""})
    client.post("/profile/edit", data=data)
    db.session.refresh(profile)
    assert [(c.code, c.year_earned) for c in profile.credentials] == [("CPC", 2018)]


def test_bad_profile_input_is_reshown_with_messages(app, client):
    user = make_user("maya@example.com")
    login(client, user.email)
    data = dict(PROFILE, zip_code="ABCDE", state="ZZ", **{"credentials-1-code": "CPC", "credentials-2-code": "NOPE",
                                                           "credentials-3-code": "CCS", "credentials-3-year": "1800"})
    response = client.post("/profile/edit", data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    for message in ("Enter a 5-digit ZIP code", "Enter a two-letter US state", "Each credential only once",
                    "Choose a credential from the list", "Enter a year between 1950"):
        assert message in page
    assert 'value="Columbus"' in page
    assert db.session.scalar(db.select(SeekerProfile)) is None


def test_profile_zip_code_must_exist_and_lie_in_the_chosen_state(app, client):
    user = make_user("maya@example.com")
    login(client, user.email)
    wrong_state = client.post("/profile/edit", data=dict(PROFILE, city="Springfield", state="IL", zip_code="90210"))
    assert wrong_state.status_code == 422
    assert "ZIP code 90210 is in California, not Illinois" in wrong_state.get_data(as_text=True)
    unknown = client.post("/profile/edit", data=dict(PROFILE, zip_code="00000"))
    assert unknown.status_code == 422 and "00000 is not a US ZIP code we know" in unknown.get_data(as_text=True)
    assert db.session.scalar(db.select(SeekerProfile)) is None
    client.post("/profile/edit", data=PROFILE)
    assert db.session.scalar(db.select(SeekerProfile.zip_code)) == "43215"


def test_save_and_remove_a_job(app, client):
    user = make_user("maya@example.com")
    job = make_job(title="Remote HCC Coder")
    login(client, user.email)
    detail = client.get(f"/jobs/{job.id}-{job.slug}").get_data(as_text=True)
    assert "Save job" in detail and "Apply now" in detail
    client.post(f"/saved-jobs/{job.id}")
    client.post(f"/saved-jobs/{job.id}")  # twice is harmless
    assert "Remote HCC Coder" in client.get("/saved-jobs").get_data(as_text=True)
    assert "Saved ★" in client.get(f"/jobs/{job.id}-{job.slug}").get_data(as_text=True)
    client.post(f"/saved-jobs/{job.id}/remove")
    assert "No saved jobs yet" in client.get("/saved-jobs").get_data(as_text=True)


def test_a_closed_post_cannot_be_saved(app, client):
    user = make_user("maya@example.com")
    job = make_job(status=JobStatus.CLOSED)
    login(client, user.email)
    response = client.post(f"/saved-jobs/{job.id}", follow_redirects=True)
    assert "no longer open" in response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(SavedJob.id))) == 0


def test_deleting_the_account_erases_personal_data_and_keeps_an_anonymous_application(app, client):
    employer, company = make_employer(company_name="Harbor Health")
    job = make_job(company, title="Inpatient DRG Coder")
    coder = make_seeker("maya@example.com", name="Maya Lopez")
    application = make_application(job, coder, cover_note="Please consider me")
    db.session.add(ApplicationNote(application=application, author_id=employer.id, body="Call Maya on Monday"))
    db.session.add(SavedJob(user_id=coder.id, job_id=job.id))
    db.session.add(CandidateInvitation(user_id=coder.id, job_id=job.id, invited_by_id=employer.id))
    db.session.commit()
    files = list((Path(app.config["UPLOAD_DIR"]) / "resumes").iterdir())
    assert files
    login(client, coder.email)
    wrong = client.post("/profile/delete", data={"password": "not it", "confirm": "y"})
    assert wrong.status_code == 422 and "That password is not right" in wrong.get_data(as_text=True)
    response = client.post("/profile/delete", data={"password": PASSWORD, "confirm": "y"}, follow_redirects=True)
    assert "Your account and personal data are deleted" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.scalar(db.select(User).filter_by(email="maya@example.com")) is None
    for model in (SeekerProfile, Resume, SavedJob, ApplicationNote, CandidateInvitation):
        assert db.session.scalar(db.select(db.func.count()).select_from(model)) == 0
    assert not any(f.exists() for f in files)
    kept = db.session.scalar(db.select(Application))
    assert kept.user_id is None and kept.cover_note is None and kept.anonymised_at is not None
    assert db.session.scalar(db.select(ApplicationEvent.actor_id)) is None
    # The employer still sees that an application existed, without the person.
    client.post("/account/logout")
    login(client, employer.email)
    page = client.get(f"/employer/jobs/{job.id}/applicants").get_data(as_text=True)
    assert "Deleted account" in page and "Maya" not in page


def test_deleting_the_account_stops_its_job_alerts_and_their_manage_link(app, client, outbox, run_jobs):
    from careercenter.alerts.models import AlertMatch, SavedSearch, SavedSearchKey
    from careercenter.jobs.tasks import job_published
    from careercenter.queue import enqueue
    from tests.support.alerts_factories import make_saved_search

    coder = make_seeker("maya@example.com", name="Maya Lopez")
    make_saved_search(coder, q="coder", name="Any coder")
    make_saved_search(None, "maya@example.com", q="auditor", name="Guest auditor")
    first = make_job(title="Outpatient Coder")
    enqueue(job_published, first.id)
    db.session.commit()
    [alert] = [m for m in outbox.messages(to="maya@example.com") if m.subject.startswith("New job")]
    manage = alert.link("/alerts/manage/")
    assert "Any coder" in client.get(manage).get_data(as_text=True)

    login(client, coder.email)
    client.post("/profile/delete", data={"password": PASSWORD, "confirm": "y"})
    db.session.expire_all()
    for model in (SavedSearch, SavedSearchKey, AlertMatch):
        assert db.session.scalar(db.select(db.func.count()).select_from(model)) == 0
    # A new matching post sends nothing to the deleted address, and the old link lists nothing.
    second = make_job(title="Auditor and Coder")
    enqueue(job_published, second.id)
    db.session.commit()
    assert [m.subject for m in outbox.messages(to="maya@example.com") if m.subject.startswith("New job")] == [alert.subject]
    page = client.get(manage).get_data(as_text=True)
    assert "Any coder" not in page and "Guest auditor" not in page
