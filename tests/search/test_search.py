"""Searching published posts: keywords, every filter, sorting, facets, on the configured database."""

from datetime import timedelta

from careercenter.database import utcnow
from careercenter.jobs.models import JobStatus
from careercenter.search.services import search_ids, search_jobs
from tests.support.alerts_factories import criteria, link
from tests.support.factories import make_employer, make_job


def ids(**args):
    return search_ids(criteria(**args))


def test_keywords_phrases_or_and_exclusion(app):
    _, company = make_employer(company_name="Summit Health")
    ra = make_job(company, title="Risk Adjustment Coder", description_md="HCC coding for Medicare Advantage. CRC required.")
    lead = make_job(company, title="Risk Adjustment Coding Lead", description_md="Lead a team. CPC required.")
    ip = make_job(company, title="Inpatient Coder", description_md="DRG assignment, adjustment of risk scores.")
    make_job(company, title="Hidden draft", status=JobStatus.DRAFT, description_md="risk adjustment")
    make_job(company, title="Old risk adjustment", days_left=-1)
    assert set(ids(q='"risk adjustment"')) == {ra.id, lead.id}
    assert set(ids(q="coders")) == {ra.id, ip.id}  # stemmed; "Coding" → code, not coder
    assert set(ids(q="CRC OR CPC")) == {ra.id, lead.id}
    assert set(ids(q='"risk adjustment" -lead')) == {ra.id}
    assert set(ids(q="-inpatient")) == {ra.id, lead.id}
    assert set(ids(q="summit")) == {ra.id, lead.id, ip.id}  # company name is searchable
    assert set(ids(q='"risk adjustment')) == {ra.id, lead.id, ip.id}  # unbalanced quote → plain words


def test_location_filters(app):
    columbus = make_job(city="Columbus", state="OH", zip_code="43215")
    dublin = make_job(city="Dublin", state="OH", zip_code="43017")  # ~12 miles from downtown Columbus
    cincinnati = make_job(city="Cincinnati", state="OH", zip_code="45202")  # ~100 miles
    sf = make_job(city="San Francisco", state="CA", zip_code="94105")
    assert set(ids(state="OH")) == {columbus.id, dublin.id, cincinnati.id}
    assert ids(city="columbus") == [columbus.id]
    assert set(ids(zip="43215", radius=25)) == {columbus.id, dublin.id}
    assert set(ids(zip="43215", radius=120)) == {columbus.id, dublin.id, cincinnati.id}
    assert sf.id not in ids(zip="43215", radius=500)


def test_remote_state_arrangement_and_type(app):
    anywhere = make_job(work_arrangement="remote", remote_states=[], state=None, city=None, zip_code=None)
    ca_only = make_job(work_arrangement="remote", remote_states=["CA", "OR"], employment_type="contract")
    onsite = make_job(work_arrangement="onsite", state="CA")
    assert set(ids(remote_state="CA")) == {anywhere.id, ca_only.id}
    assert ids(remote_state="TX") == [anywhere.id]
    assert set(ids(arrangement="remote")) == {anywhere.id, ca_only.id}
    assert set(ids(arrangement=["remote", "onsite"])) == {anywhere.id, ca_only.id, onsite.id}
    assert ids(type="contract") == [ca_only.id]


def test_minimum_pay_compares_hourly_and_yearly_at_2080_hours(app):
    hourly = make_job(pay_min=28, pay_max=32, pay_period="hour")  # up to 66,560 a year
    yearly = make_job(pay_min=50000, pay_max=60000, pay_period="year")
    make_job(pay_min=None, pay_max=None, pay_period=None)
    assert set(ids(min_pay=60000)) == {hourly.id, yearly.id}
    assert ids(min_pay=65000) == [hourly.id]
    assert ids(min_pay=30, pay_period="hour") == [hourly.id]  # 62,400 a year
    assert set(ids(min_pay=28, pay_period="hour")) == {hourly.id, yearly.id}  # 58,240 a year


def test_catalogue_links_and_posted_within(app):
    ortho = make_job(title="Ortho coder")
    link(ortho, "specialty", "orthopedics")
    link(ortho, "credential", "CPC")
    removed = make_job(title="Other")
    link(removed, "specialty", "orthopedics", source="removed")
    old = make_job(title="Old post", published_at=utcnow() - timedelta(days=20))
    link(old, "setting", "risk-adjustment")
    assert ids(specialty="orthopedics") == [ortho.id]
    assert ids(credential="CPC") == [ortho.id]
    assert ids(setting="risk-adjustment") == [old.id]
    assert old.id not in ids(posted_within=14)
    assert old.id in ids(posted_within=30)


def test_sorting_relevance_date_and_featured_first(app):
    now = utcnow()
    newest = make_job(title="Coder", description_md="coder", published_at=now - timedelta(hours=1))
    featured = make_job(title="Coder", description_md="coder", is_featured=True, published_at=now - timedelta(days=3))
    strong = make_job(title="Coder coder coder", description_md="coder coder coder coder", published_at=now - timedelta(days=5))
    assert ids() [:2] == [featured.id, newest.id]  # no keywords: featured first, then newest
    assert ids(sort="date") == [newest.id, featured.id, strong.id]
    assert ids(q="coder")[0] == strong.id  # most relevant first


def test_facets_count_the_matches(app):
    a = make_job(work_arrangement="remote", employment_type="contract", state="OH")
    make_job(work_arrangement="onsite", employment_type="full-time", state="OH")
    make_job(work_arrangement="onsite", employment_type="full-time", state="TX")
    link(a, "credential", "CRC")
    result = search_jobs(criteria(state="OH"))
    assert result.total == 2
    assert dict(result.facets["arrangement"]) == {"remote": 1, "onsite": 1}
    assert dict(result.facets["credential"]) == {"CRC": 1}
    assert dict(result.facets["state"]) == {"OH": 2}


def test_facets_with_keywords_and_repeated_filters_count_exactly(app):
    """Facets of a search mixing keywords, list filters and pay (every kind of parameter the SQL binds)."""
    a = make_job(title="Remote Coder", work_arrangement="remote", employment_type="contract", state="OH")
    b = make_job(title="Hybrid Coder", work_arrangement="hybrid", employment_type="full-time", state="TX")
    make_job(title="Onsite Coder", work_arrangement="onsite", employment_type="full-time", state="TX")
    make_job(title="Remote Auditor", work_arrangement="remote", employment_type="contract", state="OH")
    link(a, "credential", "CRC")
    link(b, "credential", "CRC")
    link(b, "specialty", "cardiology")
    result = search_jobs(criteria(q="coder -onsite", arrangement=["remote", "hybrid"], type=["contract", "full-time"],
                                  min_pay="40000"))
    assert result.total == 2 and {j.id for j in result.jobs} == {a.id, b.id}
    assert dict(result.facets["arrangement"]) == {"remote": 1, "hybrid": 1}
    assert dict(result.facets["type"]) == {"contract": 1, "full-time": 1}
    assert dict(result.facets["credential"]) == {"CRC": 2}
    assert dict(result.facets["specialty"]) == {"cardiology": 1}


def test_search_page_shows_filters_results_and_a_shareable_url(client):
    make_job(title="Remote Risk Adjustment Coder", work_arrangement="remote", remote_states=[])
    make_job(title="Onsite Inpatient Coder")
    page = client.get('/jobs?q="risk+adjustment"&arrangement=remote')
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Remote Risk Adjustment Coder" in html and "Onsite Inpatient Coder" not in html
    assert 'value="remote" id="arrangement-remote" checked' in html
    assert "1 job matches this search" in html
    assert "/alerts/new?q=%22risk+adjustment%22&amp;arrangement=remote" in html


def test_bad_filter_values_show_messages_not_errors(client):
    make_job(title="Coder")
    page = client.get("/jobs?zip=00000&min_pay=lots&state=XX&posted_within=-3&sort=weird")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "We don&#39;t know that ZIP code." in html
    assert "Enter an amount such as 55000 or 28.50." in html
    assert "Use a two-letter US state code." in html
    assert "Coder" in html


def test_a_keyword_longer_than_40_characters_is_still_a_term(client):
    plain = make_job(title="Inpatient Coder", description_md="DRG assignment.")
    long_word = "chemoradiotherapyauthorizationspecialistcoders"  # 46 letters
    naming = make_job(title="Specialist", description_md=f"We need a {long_word}.")
    assert ids(q="q" * 41) == []
    assert ids(q=long_word) == [naming.id]
    assert ids(q=f"-{long_word}") == [plain.id]
    assert ids(q="-" + "q" * 41) != [] and set(ids(q="-" + "q" * 41)) == {plain.id, naming.id}
    body = client.get("/api/v1/jobs?q=" + "q" * 41).get_json()
    assert body["total"] == 0


def test_every_state_with_jobs_can_be_reached_from_the_facet(client):
    _, company = make_employer()
    states = ["AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA"]
    for state in states:
        make_job(company, title=f"Coder in {state}", state=state, city=None, zip_code=None)
    html = client.get("/jobs").get_data(as_text=True)
    for state in states:
        assert f'href="/jobs?state={state}"' in html, state
    assert "Show all 15" in html
    facets = client.get("/api/v1/jobs").get_json()["facets"]
    assert {f["value"] for f in facets["state"]} == set(states)


def test_parameters_accept_any_case_and_bad_ones_say_why(client):
    job = make_job(title="Coder")
    link(job, "credential", "CPC")
    link(job, "setting", "risk-adjustment")
    assert ids(credential="cpc") == [job.id] and ids(setting="Risk-Adjustment") == [job.id]
    assert ids(arrangement="ONSITE") == [job.id]
    assert client.get("/api/v1/jobs?credential=cpc").status_code == 200
    html = client.get("/jobs?min_pay=20&pay_period=week").get_data(as_text=True)
    assert "Pay period is hour or year." in html
    body = client.get("/api/v1/jobs?posted_within=400").get_json()
    assert body["error"]["fields"]["posted_within"] == "Posted within is a number of days from 1 to 365."
    spec = client.get("/api/v1/openapi.json").get_json()
    params = {p["name"]: p for p in spec["paths"]["/api/v1/jobs"]["get"]["parameters"]}
    assert params["page"]["schema"]["maximum"] == 10_000
