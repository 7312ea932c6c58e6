"""One "last listed day" everywhere, deadlines within the paid listing, and plausible pay."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from careercenter.billing.models import Order
from careercenter.extensions import db
from careercenter.jobs.models import Job, JobStatus
from tests.support.billing_factories import job_form, make_draft, product
from tests.support.factories import login, make_employer, make_job, make_user

NY = ZoneInfo("America/New_York")


def reload(job_id):
    db.session.expire_all()
    return db.session.get(Job, job_id)


@pytest.fixture
def dec_3():
    with time_machine.travel(datetime(2026, 12, 3, 10, 0, tzinfo=NY), tick=True):
        yield


@pytest.fixture
def owner(client):
    user, company = make_employer("hr@valley.example", company_name="Valley Health")
    login(client, user.email)
    return user, company


def pay_offline(client, job_id, code="standard-30"):
    client.post(f"/billing/checkout/{job_id}", data={"product": str(product(code).id)})
    order_id = db.session.scalar(db.select(Order.id).filter_by(job_id=job_id).order_by(Order.id.desc()))
    return client.post(f"/billing/offline/{order_id}", data={"action": "pay"}, follow_redirects=True)


def test_every_page_and_email_gives_the_same_last_day(dec_3, client, owner, outbox):
    user, company = owner
    job_id = make_draft(company, user, title="Coding Auditor").id
    success = pay_offline(client, job_id).get_data(as_text=True)
    assert "listed until Jan 2, 2027" in success
    job = reload(job_id)
    assert job.listed_until.isoformat() == "2027-01-02"
    live_mail = [m for m in outbox.messages(to="hr@valley.example") if m.subject.startswith("Your post is live")]
    assert len(live_mail) == 1 and "listed until Jan 2, 2027" in live_mail[0].text
    assert "Jan 2, 2027" in client.get("/employer/").get_data(as_text=True)
    public = client.get(f"/jobs/{job.id}-{job.slug}").get_data(as_text=True)
    assert "open until Jan 2, 2027" in public
    for page in (success, live_mail[0].text, public):
        assert "Jan 3, 2027" not in page


def test_a_deadline_after_the_end_of_a_live_post_is_refused(dec_3, client, owner):
    user, company = owner
    job_id = make_draft(company, user).id
    pay_offline(client, job_id)
    late = client.post(f"/employer/jobs/{job_id}/edit", data=job_form(apply_deadline="2027-01-15"))
    assert late.status_code == 422
    assert "This post is listed until Jan 2, 2027: choose a deadline on or before that day" in late.get_data(as_text=True)
    assert reload(job_id).apply_deadline is None
    ok = client.post(f"/employer/jobs/{job_id}/edit", data=job_form(apply_deadline="2027-01-02"))
    assert ok.status_code == 302
    assert reload(job_id).apply_deadline.isoformat() == "2027-01-02"


def test_a_deadline_after_the_period_being_paid_for_is_refused(dec_3, client, owner):
    user, company = owner
    job_id = make_draft(company, user).id
    client.post(f"/billing/checkout/{job_id}", data={"product": str(product().id)})
    assert reload(job_id).status == JobStatus.PENDING_PAYMENT
    late = client.post(f"/employer/jobs/{job_id}/edit", data=job_form(apply_deadline="2027-01-15"))
    assert late.status_code == 422
    assert "The listing you are paying for runs until Jan 2, 2027" in late.get_data(as_text=True)


def test_a_drafts_later_deadline_is_moved_to_the_last_listed_day_when_paid(dec_3, client, owner):
    user, company = owner
    client.post("/employer/jobs/new", data=job_form(apply_deadline="2027-01-15"))
    job_id = db.session.scalar(db.select(Job.id))
    assert reload(job_id).apply_deadline.isoformat() == "2027-01-15"  # no end known yet
    pay_offline(client, job_id)
    assert reload(job_id).apply_deadline.isoformat() == "2027-01-02"


@pytest.mark.parametrize("low, high, period, message", [
    ("500", "900", "hour", "Enter hourly pay between $7.25 (the federal minimum wage) and $300.00 an hour."),
    ("5", "10", "year", "Enter yearly pay between $15,000 and $600,000 a year. If this is hourly pay, choose"),
    ("60000", "10000000", "year", "Enter yearly pay between $15,000 and $600,000 a year."),
    ("55000", "65000", "hour", "If this is a yearly salary, choose “per year”."),
])
def test_implausible_pay_is_refused_with_a_readable_message(client, owner, low, high, period, message):
    page = client.post("/employer/jobs/new", data=job_form(pay_min=low, pay_max=high, pay_period=period))
    text = page.get_data(as_text=True)
    assert page.status_code == 422
    assert message in text and "Number must be between" not in text
    assert db.session.scalar(db.select(db.func.count(Job.id))) == 0


def test_plausible_hourly_pay_is_kept_with_its_cents(client, owner):
    client.post("/employer/jobs/new", data=job_form(pay_min="24.50", pay_max="31.75", pay_period="hour"))
    job = db.session.scalar(db.select(Job))
    assert job.pay_label() == "$24.50 – $31.75 per hour"


def test_a_coders_desired_pay_is_checked_and_hourly_pay_shows_cents(client):
    coder = make_user("maya@example.com")
    login(client, coder.email)
    profile = {"name": "Maya Lopez", "headline": "CPC, 6 years", "work_preference": "remote", "desired_pay": "31.50", "desired_pay_period": "hour"}
    saved = client.post("/profile/edit", data=profile, follow_redirects=True)
    assert "Your profile is saved." in saved.get_data(as_text=True)
    assert "$31.50 per hour" in client.get("/profile").get_data(as_text=True)
    for pay, period, message in [("5", "year", "Enter yearly pay between $15,000 and $600,000 a year."),
                                 ("900", "hour", "Enter hourly pay between $7.25"),
                                 ("62000", "", "Choose whether this is pay per hour or per year.")]:
        bad = client.post("/profile/edit", data=dict(profile, desired_pay=pay, desired_pay_period=period))
        assert bad.status_code == 422 and message in bad.get_data(as_text=True), (pay, period)


def test_an_employer_sees_an_applicants_hourly_pay_with_cents(client):
    from tests.support.seekers_factories import make_application, make_seeker

    from careercenter.seekers.services import profile_of

    owner, company = make_employer("hr@valley.example")
    job = make_job(company)
    coder = make_seeker("maya@example.com")
    profile = profile_of(coder)
    profile.desired_pay, profile.desired_pay_period = 31.5, "hour"
    db.session.commit()
    application = make_application(job, coder)
    login(client, owner.email)
    page = client.get(f"/employer/jobs/{job.id}/applicants/{application.id}").get_data(as_text=True)
    assert "$31.50 per hour" in page
