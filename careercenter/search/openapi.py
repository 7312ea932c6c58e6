"""The OpenAPI 3.1 description of the public API, served at ``/api/v1/openapi.json``."""

from flask import current_app

from ..jobs.models import EmploymentType, PayPeriod, WorkArrangement
from .criteria import MAX_PAGE, US_STATES


def _param(name, description, schema, explode=None):
    p = {"name": name, "in": "query", "required": False, "description": description, "schema": schema}
    if explode is not None:
        p["style"], p["explode"] = "form", explode
    return p


def openapi_document():
    string = {"type": "string"}
    params = [
        _param("q", 'Keywords: words (stemmed), "quoted phrases", OR between alternatives, -word to exclude. '
                    "Malformed queries are read as plain words, never rejected.", string),
        _param("state", "Two-letter state of the job's location.", {"type": "string", "enum": US_STATES}),
        _param("city", "City of the job's location (case and accents ignored).", string),
        _param("zip", "Five-digit US ZIP code; with radius, jobs within that many miles of its centroid.", string),
        _param("radius", "Miles around zip (1–500, default 25).", {"type": "integer", "minimum": 1, "maximum": 500}),
        _param("arrangement", "Work arrangement; repeat for several.",
               {"type": "array", "items": {"type": "string", "enum": [e.value for e in WorkArrangement]}}, True),
        _param("type", "Employment type; repeat for several.",
               {"type": "array", "items": {"type": "string", "enum": [e.value for e in EmploymentType]}}, True),
        _param("remote_state", "Remote jobs a person living in this state may take (posts open to the whole US "
                               "included).", {"type": "string", "enum": US_STATES}),
        _param("min_pay", "Minimum pay. Compared with the top of each post's range; hourly and yearly pay are "
                          "compared at 2080 hours a year.", {"type": "number", "minimum": 0}),
        _param("pay_period", "Unit of min_pay.", {"type": "string", "enum": [e.value for e in PayPeriod],
                                                   "default": "year"}),
        _param("setting", "Catalogue setting slug, e.g. risk-adjustment.", string),
        _param("specialty", "Catalogue specialty slug, e.g. orthopedics.", string),
        _param("credential", "Credential code, e.g. CPC.", string),
        _param("code", "A CPT, HCPCS or ICD-10-CM code, e.g. 29881 or M17.11: jobs naming "
                       "the code or linked to one of the specialties it belongs to. An unknown or "
                       "malformed code is a 400.", {"type": "string", "maxLength": 40, "examples": ["29881", "M17.11"]}),
        _param("posted_within", "Only posts published within this many days.", {"type": "integer", "minimum": 1,
                                                                                  "maximum": 365}),
        _param("sort", "relevance (featured posts first among equals) or date.",
               {"type": "string", "enum": ["relevance", "date"], "default": "relevance"}),
        _param("page", "Page number.", {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1}),
        _param("per_page", "Results per page.", {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}),
        _param("facets", "0 to leave out facet counts.", {"type": "string", "enum": ["0", "1"]}),
    ]
    facet_list = {"type": "array", "items": {"type": "object", "properties": {
        "value": {"type": "string"}, "count": {"type": "integer"}}}}
    job = {
        "type": "object",
        "properties": {
            "id": {"type": "integer"}, "title": string, "company": string, "url": {"type": "string", "format": "uri"},
            "city": {"type": ["string", "null"]}, "state": {"type": ["string", "null"]},
            "zip": {"type": ["string", "null"]}, "work_arrangement": string,
            "remote_states": {"type": "array", "items": string}, "employment_type": string,
            "experience_level": {"type": ["string", "null"]},
            "pay_min": {"type": ["number", "null"]}, "pay_max": {"type": ["number", "null"]},
            "pay_period": {"type": ["string", "null"]}, "featured": {"type": "boolean"},
            "published_at": {"type": ["string", "null"], "format": "date-time"},
            "expires_at": {"type": ["string", "null"], "format": "date-time"},
            "settings": {"type": "array", "items": string}, "specialties": {"type": "array", "items": string},
            "credentials": {"type": "array", "items": string},
        },
    }
    error = {"type": "object", "properties": {"error": {"type": "object", "properties": {
        "code": {"type": "integer"}, "name": string, "message": string,
        "fields": {"type": "object", "additionalProperties": string}}}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "CareerCenter jobs API", "version": "1.0.0",
                 "description": "Search published medical-coding jobs with the same query language and filters "
                                "as the /jobs page."},
        "servers": [{"url": current_app.config["SITE_URL"]}],
        "paths": {
            "/api/v1/jobs": {"get": {
                "summary": "Search published jobs",
                "operationId": "searchJobs",
                "parameters": params,
                "responses": {
                    "200": {"description": "One page of results", "content": {"application/json": {"schema": {
                        "type": "object",
                        "properties": {
                            "jobs": {"type": "array", "items": {"$ref": "#/components/schemas/Job"}},
                            "page": {"type": "integer"}, "per_page": {"type": "integer"},
                            "total": {"type": "integer"}, "pages": {"type": "integer"},
                            "facets": {"type": "object", "additionalProperties": facet_list},
                            "links": {"type": "object", "properties": {
                                "self": string, "next": {"type": ["string", "null"]},
                                "prev": {"type": ["string", "null"]}, "html": string}},
                        }}}}},
                    "400": {"description": "A parameter is not valid; fields names each one",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                },
            }},
        },
        "components": {"schemas": {"Job": job, "Error": error}},
    }
