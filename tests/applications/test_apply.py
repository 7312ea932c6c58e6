"""A coder applies to a post, once, only while it is open, and hears back by email."""

import io
from datetime import date, timedelta

import pytest
from sqlalchemy.exc import IntegrityError

from careercenter.applications.models import Application, ApplicationStatus, ScreeningQuestion
from careercenter.extensions import db
from careercenter.jobs.models import JobStatus
from tests.support.factories import login, make_employer, make_job, make_user
from tests.support.seekers_factories import make_application, make_seeker, pdf_bytes


@pytest.fixture
def post(app):
    _, company = make_employer("hr@harbor.example", company_name="Harbor Health")
    return make_job(company, title="Inpatient DRG Coder")


def count_applications():
    return db.session.scalar(db.select(db.func.count(Application.id)))


def test_apply_with_the_profile_resume_and_answers(app, client, post, outbox):
    db.session.add_all([
        ScreeningQuestion(job_id=post.id, prompt="Do you hold a CCS?", kind="yes_no", required=True, position=1),
        ScreeningQuestion(job_id=post.id, prompt="Which encoder do you use?", kind="text", required=False, position=2),
    ])
    db.session.commit()
    questions = db.session.scalars(db.select(ScreeningQuestion).order_by(ScreeningQuestion.position)).all()
    coder = make_seeker("maya@example.com", name="Maya Lopez")
    login(client, coder.email)
    form = client.get(f"/jobs/{post.id}/apply").get_data(as_text=True)
    assert "Do you hold a CCS?" in form and "My profile resume" in form
    missing = client.post(f"/jobs/{post.id}/apply", data={"resume_choice": "profile", "cover_note": "Hello there"})
    assert missing.status_code == 422
    assert "Answer this question." in missing.get_data(as_text=True)
    assert "Hello there" in missing.get_data(as_text=True)
    assert count_applications() == 0
    response = client.post(f"/jobs/{post.id}/apply", data={
        "resume_choice": "profile", "cover_note": "Ten years of DRG validation.",
        f"q_{questions[0].id}": "yes", f"q_{questions[1].id}": "3M 360",
    }, follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "is sent" in page and "Status: <span class=\"current-status\">New</span>" in page
    application = db.session.scalar(db.select(Application))
    assert {a.answer for a in application.answers} == {"yes", "3M 360"}
    received = outbox.last(to="maya@example.com")
    assert "Application sent: Inpatient DRG Coder" in received.subject
    assert received.link(f"/applications/{application.id}")
    employer_mail = outbox.last(to="hr@harbor.example")
    assert employer_mail.subject == "New applicant for Inpatient DRG Coder: Maya Lopez"
    assert employer_mail.link(f"/employer/jobs/{post.id}/applicants/{application.id}")


def test_apply_with_a_new_upload(app, client, post):
    coder = make_user("sam@example.com")
    login(client, coder.email)
    response = client.post(f"/jobs/{post.id}/apply", data={
        "resume_choice": "upload", "resume_file": (io.BytesIO(pdf_bytes("Sam Reed CRC")), "sam.pdf"),
        "save_to_profile": "y",
    }, content_type="multipart/form-data")
    assert response.status_code == 302
    application = db.session.scalar(db.select(Application))
    assert application.resume.display_name == "sam.pdf" and "Sam Reed CRC" in application.resume.text


def test_a_bad_upload_when_applying_is_reshown(app, client, post):
    coder = make_user("sam@example.com")
    login(client, coder.email)
    response = client.post(f"/jobs/{post.id}/apply", data={
        "resume_choice": "upload", "resume_file": (io.BytesIO(b"GIF89a not a resume"), "me.pdf"),
        "cover_note": "Keep this text",
    }, content_type="multipart/form-data")
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "This file is neither" in page and "Keep this text" in page
    assert count_applications() == 0


@pytest.mark.parametrize(("status", "fields", "message"), [
    (JobStatus.DRAFT, {}, "not published"),
    (JobStatus.PENDING_PAYMENT, {}, "not published"),
    (JobStatus.CLOSED, {}, "closed"),
    (JobStatus.EXPIRED, {}, "expired"),
    (JobStatus.PUBLISHED, {"expires_at_past": True}, "expired"),
    (JobStatus.PUBLISHED, {"apply_deadline": date.today() - timedelta(days=3)}, "deadline"),
    (JobStatus.PUBLISHED, {"apply_method": "url", "apply_url": "https://careers.example/1"}, "on its own site"),
])
def test_applying_to_a_post_that_is_not_open_is_refused(app, client, status, fields, message):
    from careercenter.database import utcnow

    _, company = make_employer()
    extra = dict(fields)
    if extra.pop("expires_at_past", False):
        extra.update(published_at=utcnow() - timedelta(days=40), expires_at=utcnow() - timedelta(days=10))
    job = make_job(company, status=status, **extra)
    coder = make_seeker()
    login(client, coder.email)
    response = client.post(f"/jobs/{job.id}/apply", data={"resume_choice": "profile"})
    assert response.status_code == 409
    assert message in response.get_data(as_text=True)
    assert count_applications() == 0


def test_one_application_per_post(app, client, post):
    coder = make_seeker()
    make_application(post, coder)
    login(client, coder.email)
    response = client.post(f"/jobs/{post.id}/apply", data={"resume_choice": "profile"}, follow_redirects=True)
    assert "already applied" in response.get_data(as_text=True)
    assert count_applications() == 1
    # The database holds the line even if two requests race past the check.
    db.session.add(Application(job_id=post.id, user_id=coder.id, status="new"))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_unverified_coders_are_told_to_verify(app, client, post):
    coder = make_user("new@example.com", verified=False)
    login(client, coder.email)
    response = client.get(f"/jobs/{post.id}/apply", follow_redirects=True)
    assert "Please verify your email address first" in response.get_data(as_text=True)


def test_external_posts_show_the_employers_instructions(app, client):
    _, company = make_employer()
    by_url = make_job(company, title="URL post", apply_method="url", apply_url="https://careers.example/42")
    by_mail = make_job(company, title="Mail post", apply_method="email", apply_email="jobs@clinic.example")
    login(client, make_seeker().email)
    url_page = client.get(f"/jobs/{by_url.id}-{by_url.slug}").get_data(as_text=True)
    assert 'href="https://careers.example/42"' in url_page and "Apply now" not in url_page
    mail_page = client.get(f"/jobs/{by_mail.id}-{by_mail.slug}").get_data(as_text=True)
    assert "mailto:jobs@clinic.example" in mail_page and "Apply now" not in mail_page


def test_withdraw_then_cannot_withdraw_twice(app, client, post):
    coder = make_seeker()
    application = make_application(post, coder)
    login(client, coder.email)
    client.post(f"/applications/{application.id}/withdraw", data={"confirm_step": "1", "confirm": "y"})
    db.session.refresh(application)
    assert application.status == ApplicationStatus.WITHDRAWN
    page = client.get("/applications").get_data(as_text=True)
    assert "Withdrawn" in page
    again = client.post(f"/applications/{application.id}/withdraw", follow_redirects=True)
    assert "can no longer be withdrawn" in again.get_data(as_text=True)
    assert [e.to_status for e in application.events] == ["new", "withdrawn"]


def test_applying_is_rate_limited(app, client, post):
    app.config["RATELIMIT_ENABLED"] = True
    from careercenter.extensions import limiter

    limiter.enabled = True
    limiter.reset()
    try:
        coder = make_user()
        login(client, coder.email)
        codes = [client.post(f"/jobs/{post.id}/apply", data={"resume_choice": "upload"}).status_code for _ in range(21)]
        assert codes[:20] == [422] * 20
        assert codes[20] == 429
    finally:
        limiter.enabled = False


def test_an_upload_just_for_one_application_leaves_the_profile_resume_alone(app, client, post):
    coder = make_seeker("lee@example.com", resume_text="profile version")
    login(client, coder.email)
    client.post(f"/jobs/{post.id}/apply", data={
        "resume_choice": "upload", "resume_file": (io.BytesIO(pdf_bytes("tailored version")), "tailored.pdf"),
    }, content_type="multipart/form-data")
    application = db.session.scalar(db.select(Application))
    assert "tailored version" in application.resume.text
    from careercenter.seekers.services import profile_of

    assert "profile version" in profile_of(coder).resume.text


def test_a_cover_note_over_the_limit_is_refused_and_kept(app, client, post):
    coder = make_seeker("maya@example.com")
    login(client, coder.email)
    form = client.get(f"/jobs/{post.id}/apply").get_data(as_text=True)
    assert 'maxlength="3000"' in form and "Up to 3,000 characters." in form
    note = "Ten years of DRG validation. " * 120  # about 3,500 characters
    response = client.post(f"/jobs/{post.id}/apply", data={"resume_choice": "profile", "cover_note": note})
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "Use at most 3,000 characters." in page
    assert note.strip() in page
    assert count_applications() == 0
    # Line breaks count once, as the browser counts them against maxlength.
    fits = "\r\n".join(["x" * 99] * 30)  # 2,970 characters plus 29 line breaks
    assert client.post(f"/jobs/{post.id}/apply", data={"resume_choice": "profile", "cover_note": fits}).status_code == 302
    assert len(db.session.scalar(db.select(Application.cover_note))) == 2970 + 29


def test_save_to_profile_counts_only_for_a_new_upload(app, client, post):
    from careercenter.seekers.services import profile_of

    coder = make_seeker("lee@example.com", resume_text="profile version")
    login(client, coder.email)
    form = client.get(f"/jobs/{post.id}/apply").get_data(as_text=True)
    # The box sits in the block shown only while "Upload a different file" is chosen.
    assert '<div class="save-to-profile">' in form
    css_response = client.get("/static/css/app.css")
    css = css_response.get_data(as_text=True)
    css_response.close()
    assert ".save-to-profile { display: none; }" in css and 'value="upload"]:checked) .save-to-profile' in css
    # Ticked (as a browser without CSS would send it) but with the profile resume chosen: ignored.
    client.post(f"/jobs/{post.id}/apply", data={
        "resume_choice": "profile", "save_to_profile": "y",
        "resume_file": (io.BytesIO(pdf_bytes("stray file")), "stray.pdf"),
    }, content_type="multipart/form-data")
    assert "profile version" in profile_of(coder).resume.text
    assert "profile version" in db.session.scalar(db.select(Application)).resume.text


@pytest.mark.parametrize("state, shown", [("OH", True), ("TX", False), (None, False)])
def test_a_remote_post_limited_to_states_notes_a_profile_state_outside_them(app, client, state, shown):
    from careercenter.seekers.services import profile_of

    _, company = make_employer(company_name="Harbor Health")
    job = make_job(company, title="Remote Coder", work_arrangement="remote", remote_states=["TX", "FL"])
    coder = make_seeker("lee@example.com")
    profile_of(coder).state = state
    db.session.commit()
    login(client, coder.email)
    response = client.get(f"/jobs/{job.id}/apply")
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "Send application" in page
    assert ("open only to people living in TX, FL" in page and "you live in OH" in page) is shown
