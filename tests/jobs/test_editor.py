"""Writing, previewing, editing, duplicating and closing posts."""

import re

import pytest

from careercenter.extensions import db
from careercenter.jobs import tasks
from careercenter.jobs.models import Job, JobLink, JobStatus
from tests.support.billing_factories import job_form, make_draft
from tests.support.factories import login, make_employer, make_job

SEEN = []


def record_published(job_id):
    """A publish-pipeline step used by these tests to observe re-publishing."""
    SEEN.append(job_id)


@pytest.fixture
def pipeline(monkeypatch):
    SEEN.clear()
    monkeypatch.setattr(tasks, "PUBLISHED_PIPELINE", [f"{__name__}:record_published"])
    return SEEN


@pytest.fixture
def owner(client):
    user, company = make_employer("writer@clinic.example", company_name="Writer Clinic")
    login(client, user.email)
    return user, company


def only_job():
    db.session.expire_all()
    return db.session.scalar(db.select(Job).order_by(Job.id.desc()))


def test_write_a_draft_with_catalogue_choices_and_preview_it(client, owner):
    form = job_form(settings=["inpatient-facility"], specialties=["cardiology"],
                    credentials_required=["CCS"], credentials_preferred=["CPC"],
                    description_md="Code **DRG** cases.\n\n<script>alert(1)</script>")
    response = client.post("/employer/jobs/new", data=form, follow_redirects=True)
    text = response.get_data(as_text=True)
    assert "This is how your post will look" in text and "<strong>DRG</strong>" in text and "<script>alert" not in text
    assert "Publish — choose a product" in text
    job = only_job()
    assert job.status == JobStatus.DRAFT and job.title == "Inpatient Coder II" and job.state == "OH"
    links = {(lk.kind, lk.value, lk.required, lk.source) for lk in job.links}
    assert links == {("setting", "inpatient-facility", None, "employer"), ("specialty", "cardiology", None, "employer"),
                     ("credential", "CCS", True, "employer"), ("credential", "CPC", False, "employer")}
    assert job.title not in client.get("/jobs").get_data(as_text=True)


def test_invalid_post_is_reshown_with_what_was_typed(client, owner):
    form = job_form(title="Keep this title", city="", pay_min="90000", pay_max="50000", zip_code="4540",
                    apply_method="url", apply_url="", credentials_required=["CPC"], credentials_preferred=["CPC"],
                    apply_deadline="2001-01-01")
    page = client.post("/employer/jobs/new", data=form)
    text = page.get_data(as_text=True)
    assert page.status_code == 422
    for message in ("Enter the city", "top of the range is below", "5-digit ZIP", "Enter the address where people apply",
                    "cannot be both required and preferred", "deadline is in the past"):
        assert message in text
    assert 'value="Keep this title"' in text
    assert db.session.scalar(db.select(db.func.count(Job.id))) == 0


def test_remote_post_needs_no_city_and_keeps_states(client, owner):
    form = job_form(work_arrangement="remote", city="", state="", zip_code="", remote_states=["TX", "FL"])
    client.post("/employer/jobs/new", data=form)
    job = only_job()
    assert job.remote_states == ["FL", "TX"] and job.location_label() == "Remote (FL, TX)"


def test_editing_a_live_post_goes_live_and_reruns_the_pipeline(client, owner, pipeline, run_jobs):
    user, company = owner
    job_id = make_job(company, title="Old title").id
    draft_id = make_draft(company, user).id
    client.post(f"/employer/jobs/{job_id}/edit", data=job_form(title="New title", specialties=["cardiology"]))
    client.post(f"/employer/jobs/{draft_id}/edit", data=job_form(title="Draft edit"))
    assert "New title" in client.get("/jobs").get_data(as_text=True)
    run_jobs()
    # The live post went back through the pipeline; the draft did not.
    assert pipeline == [job_id]


def test_editing_keeps_linker_rows_and_adopts_a_chosen_one(client, owner):
    _, company = owner
    job = make_draft(company)
    job.links.append(JobLink(kind="specialty", value="cardiology", source="linker", score=0.9))
    job.links.append(JobLink(kind="code", value="0707T", source="linker"))
    db.session.commit()
    client.post(f"/employer/jobs/{job.id}/edit", data=job_form(specialties=["cardiology"]))
    db.session.expire_all()
    links = {(lk.kind, lk.value, lk.source) for lk in db.session.get(Job, job.id).links}
    assert links == {("specialty", "cardiology", "employer"), ("code", "0707T", "linker")}


def test_edit_form_is_prefilled(client, owner):
    _, company = owner
    job = make_draft(company, title="Prefilled Title")
    job.links.append(JobLink(kind="credential", value="CCS", source="employer", required=True))
    db.session.commit()
    text = client.get(f"/employer/jobs/{job.id}/edit").get_data(as_text=True)
    assert 'value="Prefilled Title"' in text
    assert re.search(r'<input[^>]*name="credentials_required" value="CCS"[^>]*checked>', text)


def test_duplicate_and_close(client, owner):
    _, company = owner
    job = make_job(company, title="Billing Specialist")
    job.links.append(JobLink(kind="setting", value="professional-fee", source="employer"))
    job.links.append(JobLink(kind="code", value="99213", source="linker"))
    db.session.commit()
    client.post(f"/employer/jobs/{job.id}/duplicate")
    copy = only_job()
    assert copy.id != job.id and copy.status == JobStatus.DRAFT and copy.title == "Billing Specialist (copy)"
    assert {(lk.kind, lk.value) for lk in copy.links} == {("setting", "professional-fee")}
    # One click is not enough: the close page asks to tick a confirmation first.
    asked = client.get(f"/employer/jobs/{job.id}/preview").get_data(as_text=True)
    assert f'href="/employer/jobs/{job.id}/close"' in asked
    unticked = client.post(f"/employer/jobs/{job.id}/close")
    assert unticked.status_code == 422 and "Tick the box to confirm" in unticked.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Job, job.id).status == JobStatus.PUBLISHED
    closed = client.post(f"/employer/jobs/{job.id}/close", data={"confirm": "y"}, follow_redirects=True)
    assert "closed as filled" in closed.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Job, job.id).status == JobStatus.CLOSED
    assert "Billing Specialist" not in client.get("/jobs").get_data(as_text=True)
    again = client.post(f"/employer/jobs/{job.id}/close", follow_redirects=True)
    assert "Only a published post can be closed" in again.get_data(as_text=True)


def test_dashboard_shows_status_expiry_and_views(client, owner):
    _, company = owner
    make_job(company, title="Live One", view_count=17)
    make_draft(company, title="Draft One")
    page = client.get("/employer/").get_data(as_text=True)
    assert "Live One" in page and "Draft One" in page and ">17<" in page and "published" in page and "draft" in page


def test_dashboard_counts_applications_and_links_to_the_applicants(client, owner):
    from tests.support.seekers_factories import make_application

    _, company = owner
    job = make_job(company, title="Busy Post")
    make_application(job)
    make_application(job)
    page = client.get("/employer/").get_data(as_text=True)
    assert f'href="/employer/jobs/{job.id}/applicants" aria-label="2 applications for Busy Post">2<' in page


def test_suggestions_the_employer_unticks_are_never_added_back(client, owner):
    from careercenter.codes.services import suggest_links
    from careercenter.codes.tasks import link_job

    _, company = owner
    text = "Remote **risk adjustment** coder: HCC capture and RAF review for Medicare Advantage charts. CRC required."
    # The linker would add the setting on its own ...
    assert "risk-adjustment" in [s["slug"] for s in suggest_links("Risk Adjustment Coder", text)["settings"]]
    client.post("/employer/jobs/new", data=job_form(
        description_md=text, settings=[], credentials_required=["CRC"],
        suggested_settings=["risk-adjustment"], suggested_credentials=["CRC"]))
    job = only_job()
    # ... but the employer unticked it, so background linking leaves it out.
    link_job(job.id)
    db.session.expire_all()
    links = {(lk.kind, lk.value): lk.source for lk in db.session.get(Job, job.id).links}
    assert links[("setting", "risk-adjustment")] == "removed"
    assert links[("credential", "CRC")] == "employer"
    page = client.get(f"/employer/jobs/{job.id}/preview").get_data(as_text=True)
    assert "/jobs?setting=risk-adjustment" not in page


def test_editor_offers_the_suggest_button(client, owner):
    page = client.get("/employer/jobs/new").get_data(as_text=True)
    assert "Suggest from my post" in page and 'data-suggest-url="/codes/suggest"' in page


def test_a_closed_post_shows_its_closing_date_and_can_be_reopened_while_paid(client, owner):
    from datetime import timedelta

    from careercenter.database import utcnow
    from careercenter.templating import local_date

    _, company = owner
    job = make_job(company, title="Denials Analyst", days_left=10)
    client.post(f"/employer/jobs/{job.id}/close", data={"confirm": "y"})
    db.session.expire_all()
    closed = db.session.get(Job, job.id)
    closed_on = local_date(closed.closed_at)
    page = client.get("/employer/").get_data(as_text=True)
    row = page[page.index(f'data-job-id="{job.id}"'):]
    row = row[:row.index("</tr>")]
    assert "Closed (filled) on " + closed_on in row and "Reopen" in row
    assert f"/employer/jobs/{job.id}/reopen" in row
    reopened = client.post(f"/employer/jobs/{job.id}/reopen", follow_redirects=True).get_data(as_text=True)
    assert "is listed again until" in reopened
    db.session.expire_all()
    assert db.session.get(Job, job.id).status == JobStatus.PUBLISHED
    assert "Denials Analyst" in client.get("/jobs").get_data(as_text=True)
    # Once the paid period is over, a closed post cannot be reopened (only renewed).
    client.post(f"/employer/jobs/{job.id}/close", data={"confirm": "y"})
    ended = db.session.get(Job, job.id)
    ended.expires_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    assert "Reopen" not in client.get(f"/employer/jobs/{job.id}/preview").get_data(as_text=True)
    refused = client.post(f"/employer/jobs/{job.id}/reopen", follow_redirects=True).get_data(as_text=True)
    assert "Renew it to list it again" in refused
    db.session.expire_all()
    assert db.session.get(Job, job.id).status == JobStatus.CLOSED


def test_a_draft_with_no_paid_order_can_be_deleted_after_confirming(client, owner):
    from careercenter.billing.models import Order, OrderStatus
    from tests.support.billing_factories import product

    user, company = owner
    draft = make_draft(company, user, title="Throwaway Draft")
    client.post(f"/billing/checkout/{draft.id}", data={"product": str(product().id)})
    client.get(f"/billing/orders/{db.session.scalar(db.select(Order.id))}/cancel")
    preview = client.get(f"/employer/jobs/{draft.id}/preview").get_data(as_text=True)
    assert f'href="/employer/jobs/{draft.id}/delete"' in preview
    unticked = client.post(f"/employer/jobs/{draft.id}/delete")
    assert unticked.status_code == 422 and "Tick the box" in unticked.get_data(as_text=True)
    done = client.post(f"/employer/jobs/{draft.id}/delete", data={"confirm": "y"}, follow_redirects=True)
    assert "was deleted" in done.get_data(as_text=True)
    assert "Throwaway Draft" not in client.get("/employer/").get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Job, draft.id) is None
    # Billing still lists the cancelled order under the draft's title.
    order = db.session.scalar(db.select(Order))
    assert order.status == OrderStatus.CANCELLED and order.job_id is None
    assert "Throwaway Draft" in client.get("/billing/").get_data(as_text=True)


def test_a_published_or_paid_post_cannot_be_deleted(client, owner):
    user, company = owner
    live = make_job(company, title="Live Post")
    assert f"/employer/jobs/{live.id}/delete" not in client.get(f"/employer/jobs/{live.id}/preview").get_data(as_text=True)
    refused = client.post(f"/employer/jobs/{live.id}/delete", data={"confirm": "y"}, follow_redirects=True)
    assert "Only a draft that was never paid for can be deleted" in refused.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Job, live.id) is not None


@pytest.mark.parametrize(("city", "state", "zip_code", "message"), [
    ("Springfield", "IL", "90210", "ZIP code 90210 is in California, not Illinois"),
    ("Springfield", "IL", "00000", "00000 is not a US ZIP code we know"),
])
def test_a_zip_code_must_exist_and_lie_in_the_chosen_state(client, owner, city, state, zip_code, message):
    page = client.post("/employer/jobs/new", data=job_form(city=city, state=state, zip_code=zip_code))
    text = page.get_data(as_text=True)
    assert page.status_code == 422
    assert message in text[text.index('id="zip_code-error"'):][:300]  # inline, under the ZIP field
    assert db.session.scalar(db.select(db.func.count(Job.id))) == 0
    ok = client.post("/employer/jobs/new", data=job_form(city="Springfield", state="IL", zip_code="62701"))
    assert ok.status_code == 302 and only_job().zip_code == "62701"


def test_hourly_pay_with_a_third_decimal_is_refused_not_rounded(client, owner):
    page = client.post("/employer/jobs/new", data=job_form(pay_min="25.555", pay_max="30", pay_period="hour"))
    assert page.status_code == 422 and "at most 2 decimals" in page.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(Job.id))) == 0
    ok = client.post("/employer/jobs/new", data=job_form(pay_min="25.55", pay_max="30", pay_period="hour"))
    assert ok.status_code == 302
    assert "$25.55 – $30.00 per hour" in client.get(f"/employer/jobs/{only_job().id}/preview").get_data(as_text=True)
