"""The code filter: "jobs in the specialties this code belongs to, or naming it", in the search,
the API, the search page, saved-search alerts and the links that lead to it."""

import re

import pytest

from careercenter.alerts.matching import index_keys, matching_searches
from careercenter.jobs.models import LinkKind, LinkSource
from careercenter.search.services import search_ids
from tests.support.alerts_factories import criteria, link, make_saved_search
from tests.support.codes_factories import add_icd10cm
from tests.support.factories import make_job


@pytest.fixture
def posts(app):
    """One post per case the filter must tell apart, for the ICD-10-CM code M17.11 (orthopedics,
    radiology, rehab-therapy) and the CPT code 29881 (orthopedics)."""
    add_icd10cm()
    jobs = {
        "names_it": make_job(title="Knee arthroscopy coder"),
        "in_specialty": make_job(title="Orthopedic surgery coder"),
        "other_specialty": make_job(title="Radiology coder"),
        "neither": make_job(title="Cardiology coder"),
        "removed": make_job(title="Turned-down orthopedics coder"),
        "removed_code": make_job(title="Turned-down code coder"),
    }
    link(jobs["names_it"], LinkKind.CODE, "M17.11", LinkSource.LINKER)
    link(jobs["names_it"], LinkKind.CODE, "29881", LinkSource.LINKER)
    link(jobs["in_specialty"], LinkKind.SPECIALTY, "orthopedics", LinkSource.EMPLOYER)
    link(jobs["other_specialty"], LinkKind.SPECIALTY, "radiology", LinkSource.LINKER)
    link(jobs["neither"], LinkKind.SPECIALTY, "cardiology", LinkSource.EMPLOYER)
    link(jobs["neither"], LinkKind.CODE, "93458", LinkSource.LINKER)
    link(jobs["removed"], LinkKind.SPECIALTY, "orthopedics", LinkSource.REMOVED)
    link(jobs["removed_code"], LinkKind.CODE, "29881", LinkSource.REMOVED)
    return jobs


def ids_of(posts, *names):
    return {posts[n].id for n in names}


def test_search_by_code_finds_posts_naming_it_or_in_its_specialties(posts):
    assert set(search_ids(criteria(code="29881"))) == ids_of(posts, "names_it", "in_specialty")
    assert set(search_ids(criteria(code="m17.11"))) == ids_of(posts, "names_it", "in_specialty", "other_specialty")
    assert set(search_ids(criteria(code="93458"))) == ids_of(posts, "neither")
    assert search_ids(criteria(code="0707T")) == []  # a code with no specialty: only posts naming it
    # Combined with the other filters like any filter.
    assert set(search_ids(criteria(code="M17.11", specialty="radiology"))) == ids_of(posts, "other_specialty")
    assert set(search_ids(criteria(code="29881", q="arthroscopy"))) == ids_of(posts, "names_it")


def test_code_is_normalised_and_bad_codes_are_field_errors(app):
    add_icd10cm()
    c = criteria(code=" m17.11 ")
    assert c.code == "M17.11" and c.to_args() == {"code": "M17.11"}
    assert "orthopedics" in c.code_specialties
    assert c.without("code").to_args() == {} and not c.without("code").code_specialties
    from werkzeug.datastructures import MultiDict

    from careercenter.search.criteria import criteria_from_args

    for bad in ("CPC", "hello", "E11.12345", "Z99.999", "2" * 41):
        bad_criteria = criteria_from_args(MultiDict([("code", bad)]))
        assert bad_criteria.code is None and "code" in bad_criteria.errors, bad


def test_api_filters_by_code_and_rejects_bad_codes(client, posts):
    body = client.get("/api/v1/jobs?code=m17.11").get_json()
    assert {j["id"] for j in body["jobs"]} == ids_of(posts, "names_it", "in_specialty", "other_specialty")
    assert "code=M17.11" in body["links"]["self"] and body["links"]["html"].endswith("/jobs?code=M17.11")
    for bad in ("XYZ", "E11.12345"):
        response = client.get(f"/api/v1/jobs?code={bad}")
        assert response.status_code == 400
        assert "CPT, HCPCS or ICD-10-CM" in response.get_json()["error"]["fields"]["code"]
    spec = client.get("/api/v1/openapi.json").get_json()
    params = {p["name"]: p for p in spec["paths"]["/api/v1/jobs"]["get"]["parameters"]}
    assert "specialties" in params["code"]["description"]


def test_search_page_has_a_code_field_a_removable_chip_and_field_errors(client, posts):
    html = client.get("/jobs?code=29881&state=OH").get_data(as_text=True)
    assert "2 jobs match this search" in html
    assert "Knee arthroscopy coder" in html and "Orthopedic surgery coder" in html
    assert "Cardiology coder" not in html and "Turned-down" not in html
    assert re.search(r'<input[^>]*id="code" name="code"[^>]*value="29881"', html)
    assert "CPT, HCPCS or ICD-10-CM, e.g. 29881 or M17.11" in html
    chip = html[html.index('data-filter="code"'):]
    chip = chip[:chip.index("</span>")]
    assert 'href="/jobs?state=OH"' in chip and 'aria-label="Remove the code filter 29881"' in chip
    assert "/alerts/new?state=OH&amp;code=29881" in html  # saving keeps the code

    bad = client.get("/jobs?code=nonsense")
    html = bad.get_data(as_text=True)
    assert bad.status_code == 200
    assert "Enter a CPT, HCPCS or ICD-10-CM code we know" in html
    assert re.search(r'<input[^>]*is-invalid[^>]*id="code"[^>]*value="nonsense"[^>]*aria-invalid="true"', html)
    assert 'data-filter="code"' not in html


def test_code_page_and_job_page_link_to_the_code_search(client, posts):
    html = client.get("/codes/M17.11").get_data(as_text=True)
    assert re.search(r'href="/jobs\?code=M17.11"[^>]*>Search jobs for this code<', html)
    job = posts["names_it"]
    html = client.get(f"/jobs/{job.id}-{job.slug}").get_data(as_text=True)
    chips = html[html.index('class="job-links'):html.index('class="job-description')]
    assert 'href="/jobs?code=29881" title="Search jobs for this code"' in chips
    assert 'href="/jobs?code=M17.11"' in chips


def test_saved_search_with_a_code_is_filed_by_code_and_specialties_and_matches_like_the_search(posts):
    saved = make_saved_search(email="knees@example.com", code="M17.11", name="Knees")
    assert saved.params == {"code": "M17.11"}
    assert index_keys(criteria(code="M17.11")) == ["code:M17.11|", "spec:orthopedics|", "spec:radiology|",
                                                    "spec:rehab-therapy|"]
    assert index_keys(criteria(code="0707T", state="OH")) == ["code:0707T|st:OH"]
    cardiology = make_saved_search(email="heart@example.com", code="93458")
    for name, job in posts.items():
        expected = set(search_ids(criteria(code="M17.11"))) & {job.id}
        assert (saved.id in matching_searches(job.id)) == bool(expected), name
    assert matching_searches(posts["removed"].id) == []
    assert matching_searches(posts["removed_code"].id) == []
    assert matching_searches(posts["neither"].id) == [cardiology.id]
    assert matching_searches(posts["other_specialty"].id) == [saved.id]


def test_dotless_icd10cm_code_filters_like_the_dotted_one(client, posts):
    add_icd10cm({"E11.22": "Type 2 diabetes mellitus with diabetic chronic kidney disease"})
    diabetes = make_job(title="Diabetes HCC coder")
    link(diabetes, LinkKind.CODE, "E11.22", LinkSource.LINKER)
    dotless = client.get("/api/v1/jobs?code=E1122").get_json()
    assert [j["id"] for j in dotless["jobs"]] == [diabetes.id]
    assert dotless["links"]["html"].endswith("/jobs?code=E11.22")
    assert criteria(code="m1711").code == "M17.11"
    saved = make_saved_search(None, code="E1122", email="guest@example.com")
    assert saved.params == {"code": "E11.22"}
    assert saved.id in matching_searches(diabetes.id)


def test_well_formed_but_unknown_code_is_a_field_error_not_an_empty_search(client, posts):
    response = client.get("/api/v1/jobs?code=99999")
    assert response.status_code == 400
    assert "CPT, HCPCS or ICD-10-CM" in response.get_json()["error"]["fields"]["code"]
    html = client.get("/jobs?code=99999").get_data(as_text=True)
    assert "Enter a CPT, HCPCS or ICD-10-CM code we know" in html
    assert "Save it and we" not in html and "Save this search" not in html


def test_an_invalid_filter_shows_its_error_not_the_save_prompt(client):
    html = client.get("/jobs?q=nothingmatchesthis&radius=9999&zip=10001").get_data(as_text=True)
    assert "Choose a radius from 1 to" in html and "Some filters are not valid" in html
    assert "Save it and we" not in html and "Save this search" not in html
