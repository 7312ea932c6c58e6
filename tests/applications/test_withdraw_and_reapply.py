"""Withdrawing asks first; a coder who withdrew can apply again; staff accounts cannot apply."""

import pytest

from careercenter.applications.models import Application, ApplicationStatus, ScreeningQuestion
from careercenter.extensions import db
from tests.support.factories import login, make_employer, make_job, make_user
from tests.support.seekers_factories import make_application, make_seeker


@pytest.fixture
def post(app):
    _, company = make_employer("hr@harbor.example", company_name="Harbor Health")
    return make_job(company, title="Inpatient DRG Coder")


def fresh(application_id):
    db.session.expire_all()
    return db.session.get(Application, application_id)


def test_withdrawing_asks_for_confirmation_first(client, post):
    coder = make_seeker()
    application = make_application(post, coder)
    login(client, coder.email)
    # The application page's button (a bare POST) and a plain GET only ask the question.
    for response in (client.post(f"/applications/{application.id}/withdraw"),
                     client.get(f"/applications/{application.id}/withdraw")):
        page = response.get_data(as_text=True)
        assert response.status_code == 200
        assert "Withdraw your application?" in page and "Yes, withdraw my application" in page
        assert "Keep my application" in page
    assert fresh(application.id).status == ApplicationStatus.NEW
    unticked = client.post(f"/applications/{application.id}/withdraw", data={"confirm_step": "1"})
    assert unticked.status_code == 422
    assert "Tick the box to confirm you want to withdraw." in unticked.get_data(as_text=True)
    assert fresh(application.id).status == ApplicationStatus.NEW
    done = client.post(f"/applications/{application.id}/withdraw", data={"confirm_step": "1", "confirm": "y"},
                       follow_redirects=True)
    assert "is withdrawn. You can apply again" in done.get_data(as_text=True)
    assert fresh(application.id).status == ApplicationStatus.WITHDRAWN


def test_after_withdrawing_the_coder_can_apply_again_on_the_same_row(client, post, outbox):
    question = ScreeningQuestion(job_id=post.id, prompt="Do you hold a CCS?", kind="yes_no", required=True)
    db.session.add(question)
    db.session.commit()
    coder = make_seeker("maya@example.com", name="Maya Lopez")
    login(client, coder.email)
    client.post(f"/jobs/{post.id}/apply", data={"resume_choice": "profile", "cover_note": "First try",
                                                f"q_{question.id}": "no"})
    application_id = db.session.scalar(db.select(Application.id))
    first_date = fresh(application_id).created_at
    client.post(f"/applications/{application_id}/withdraw", data={"confirm_step": "1", "confirm": "y"})
    job_page = client.get(f"/jobs/{post.id}-{post.slug}").get_data(as_text=True)
    assert "Apply now" in job_page
    form = client.get(f"/jobs/{post.id}/apply")
    text = form.get_data(as_text=True)
    assert form.status_code == 200 and "You withdrew your application to this post" in text
    assert "already applied" not in text
    again = client.post(f"/jobs/{post.id}/apply", data={"resume_choice": "profile", "cover_note": "Second try",
                                                        f"q_{question.id}": "yes"}, follow_redirects=True)
    assert "is sent" in again.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(Application.id))) == 1
    application = fresh(application_id)
    assert application.status == ApplicationStatus.NEW and application.cover_note == "Second try"
    assert [a.answer for a in application.answers] == ["yes"]
    assert application.created_at >= first_date
    assert [(e.from_status, e.to_status) for e in application.events] == [
        (None, "new"), ("new", "withdrawn"), ("withdrawn", "new")]
    pipeline = client.get(f"/applications/{application_id}").get_data(as_text=True)
    assert "Withdrawn" in pipeline  # the history still shows the withdrawal
    employer_mail = [m for m in outbox.messages(to="hr@harbor.example") if "New applicant" in m.subject]
    assert len(employer_mail) == 2
    # Applying a third time without withdrawing is still refused.
    third = client.get(f"/jobs/{post.id}/apply", follow_redirects=True)
    assert "You have already applied to this post" in third.get_data(as_text=True)


def test_staff_accounts_are_not_offered_the_apply_form(client, post):
    staff = make_user("staff@careercenter.example", is_staff=True)
    login(client, staff.email)
    job_page = client.get(f"/jobs/{post.id}-{post.slug}").get_data(as_text=True)
    assert "Staff accounts cannot apply to jobs" in job_page and "Apply now" not in job_page
    form = client.get(f"/jobs/{post.id}/apply")
    assert "Staff accounts cannot apply to jobs" in form.get_data(as_text=True)
    sent = client.post(f"/jobs/{post.id}/apply", data={"resume_choice": "upload"})
    assert sent.status_code == 409 and "Staff accounts cannot apply to jobs" in sent.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(Application.id))) == 0
