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
    assert employer_mail.subject.strip() == "New applicant for Inpatient DRG Coder: Maya Lopez"
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
