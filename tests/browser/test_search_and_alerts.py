"""A coder searches with filters, saves the search, gets the alert for a new post and unsubscribes."""

from urllib.parse import urlparse

import pytest

from careercenter.alerts.models import SavedSearch
from careercenter.extensions import db
from careercenter.jobs.tasks import job_published
from careercenter.queue import enqueue
from tests.support.factories import PASSWORD, make_employer, make_job, make_user

pytestmark = pytest.mark.browser


def test_search_save_get_alert_and_unsubscribe(page, live_server, outbox, run_jobs):
    _, company = make_employer(company_name="Harbor Health")
    make_job(company, title="Remote Risk Adjustment Coder", work_arrangement="remote", remote_states=[])
    make_job(company, title="Onsite Risk Adjustment Auditor", work_arrangement="onsite")
    make_job(company, title="Inpatient Coder", work_arrangement="remote", remote_states=[])
    make_user("ana@example.com", name="Ana Ruiz")

    page.goto("/account/login")
    page.get_by_label("Email").fill("ana@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("button", name="Sign out").wait_for()

    page.get_by_role("link", name="Find jobs").click()
    page.get_by_label("Keywords").fill('"risk adjustment"')
    page.get_by_role("button", name="Search", exact=True).click()
    page.get_by_label("Remote", exact=True).check()
    page.get_by_role("button", name="Apply filters").click()
    page.get_by_text("1 job matches this search").wait_for()
    assert "arrangement=remote" in page.url and "risk+adjustment" in page.url
    assert page.get_by_role("link", name="Remote Risk Adjustment Coder").is_visible()
    assert page.get_by_role("link", name="Onsite Risk Adjustment Auditor").count() == 0

    page.get_by_role("link", name="Save this search & get alerts").click()
    page.get_by_label("Name").fill("Remote RA")
    page.get_by_label("Instantly").check()
    page.get_by_role("button", name="Save search").click()
    page.get_by_text("Saved “Remote RA”").wait_for()
    assert page.get_by_role("heading", name="Remote RA").is_visible()

    job = make_job(company, title="Risk Adjustment Coding Specialist", work_arrangement="remote", remote_states=[])
    job_id = job.id
    enqueue(job_published, job_id)
    db.session.commit()
    run_jobs()
    alert = outbox.last(to="ana@example.com")
    assert "Risk Adjustment Coding Specialist" in alert.subject
    assert f"/jobs/{job_id}-" in alert.text

    page.goto(urlparse(alert.link("/alerts/unsubscribe/")).path)
    page.get_by_role("heading", name="Unsubscribe from “Remote RA”?").wait_for()
    page.get_by_role("button", name="Unsubscribe").click()
    page.get_by_role("heading", name="You're unsubscribed").wait_for()
    db.session.expire_all()
    assert db.session.scalars(db.select(SavedSearch.status)).one() == "unsubscribed"
