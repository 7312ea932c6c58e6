"""GET /api/v1/jobs: the same search as JSON, paginated, with JSON 400s and an OpenAPI description."""

from tests.support.alerts_factories import link
from tests.support.factories import make_job


def test_api_returns_the_search_paginated(client):
    for n in range(5):
        job = make_job(title=f"Coder {n}", state="OH")
    link(job, "specialty", "cardiology")
    make_job(title="Biller", state="TX")
    first = client.get("/api/v1/jobs?q=coder&state=OH&per_page=2").get_json()
    assert first["total"] == 5 and first["pages"] == 3 and len(first["jobs"]) == 2
    assert first["links"]["next"].endswith("/api/v1/jobs?page=2&per_page=2&q=coder&state=OH")
    assert first["links"]["prev"] is None
    last = client.get("/api/v1/jobs?q=coder&state=OH&per_page=2&page=3").get_json()
    assert len(last["jobs"]) == 1 and last["links"]["next"] is None
    titles = {j["title"] for j in first["jobs"] + last["jobs"]}
    assert "Biller" not in titles
    assert {"value": "OH", "count": 5} in first["facets"]["state"]
    one = client.get("/api/v1/jobs?specialty=cardiology").get_json()
    assert [j["specialties"] for j in one["jobs"]] == [["cardiology"]]


def test_api_rejects_bad_parameters_with_json_400(client):
    for query, field in [("page=0", "page"), ("per_page=500", "per_page"), ("zip=99999", "zip"),
                         ("arrangement=moon", "arrangement"), ("min_pay=-5", "min_pay"), ("specialty=nope", "specialty")]:
        response = client.get(f"/api/v1/jobs?{query}")
        assert response.status_code == 400, query
        body = response.get_json()
        assert body["error"]["code"] == 400 and field in body["error"]["fields"]


def test_malformed_query_is_not_an_error(client):
    make_job(title="Risk adjustment coder")
    response = client.get('/api/v1/jobs?q="risk OR -')
    assert response.status_code == 200
    assert response.get_json()["total"] == 1


def test_openapi_description(client):
    doc = client.get("/api/v1/openapi.json").get_json()
    assert doc["openapi"].startswith("3.")
    params = {p["name"] for p in doc["paths"]["/api/v1/jobs"]["get"]["parameters"]}
    assert {"q", "state", "zip", "radius", "min_pay", "pay_period", "remote_state", "setting", "page", "per_page"} <= params
