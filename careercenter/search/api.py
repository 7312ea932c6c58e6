"""The public JSON API: ``GET /api/v1/jobs`` (the search, paginated) and its OpenAPI description."""

from flask import Blueprint, jsonify, request, url_for

from ..jobs.models import LinkKind, LinkSource
from .criteria import MAX_PAGE, criteria_from_args
from .openapi import openapi_document
from .services import search_jobs

bp = Blueprint("api", __name__, url_prefix="/api/v1")
MAX_PER_PAGE = 100


def _bad_request(message, fields=None):
    body = {"error": {"code": 400, "name": "Bad Request", "message": message}}
    if fields:
        body["error"]["fields"] = fields
    return jsonify(body), 400


def _int_arg(name, default, lo, hi, errors):
    raw = request.args.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        errors[name] = f"{name} must be a whole number."
        return default
    if not lo <= value <= hi:
        errors[name] = f"{name} must be between {lo} and {hi}."
    return value


def job_json(job):
    links = {"setting": [], "specialty": [], "credential": []}
    for link in job.links:
        if link.source != LinkSource.REMOVED and link.kind in (LinkKind.SETTING, LinkKind.SPECIALTY, LinkKind.CREDENTIAL):
            links[link.kind].append(link.value)
    return {
        "id": job.id,
        "title": job.title,
        "company": job.company.name,
        "url": url_for("jobs.detail", ref=f"{job.id}-{job.slug}", _external=True),
        "city": job.city,
        "state": job.state,
        "zip": job.zip_code,
        "work_arrangement": job.work_arrangement,
        "remote_states": list(job.remote_states or []),
        "employment_type": job.employment_type,
        "experience_level": job.experience_level,
        "pay_min": float(job.pay_min) if job.pay_min is not None else None,
        "pay_max": float(job.pay_max) if job.pay_max is not None else None,
        "pay_period": job.pay_period,
        "featured": bool(job.is_featured),
        "published_at": job.published_at.isoformat() if job.published_at else None,
        "expires_at": job.expires_at.isoformat() if job.expires_at else None,
        "settings": sorted(links["setting"]),
        "specialties": sorted(links["specialty"]),
        "credentials": sorted(links["credential"]),
    }


@bp.get("/jobs")
def jobs():
    criteria = criteria_from_args(request.args)
    errors = dict(criteria.errors)
    page = _int_arg("page", 1, 1, MAX_PAGE, errors)
    per_page = _int_arg("per_page", 20, 1, MAX_PER_PAGE, errors)
    if errors:
        return _bad_request("Some parameters are not valid.", errors)
    result = search_jobs(criteria, page=page, per_page=per_page, with_facets=request.args.get("facets") != "0")
    args = criteria.to_args()

    def page_url(n):
        return url_for("api.jobs", _external=True, page=n, per_page=per_page, **args)

    return jsonify(
        jobs=[job_json(j) for j in result.jobs],
        page=result.page,
        per_page=result.per_page,
        total=result.total,
        pages=result.pages,
        facets={k: [{"value": v, "count": n} for v, n in values] for k, values in result.facets.items()},
        links={
            "self": page_url(result.page),
            "next": page_url(result.page + 1) if result.has_next else None,
            "prev": page_url(result.page - 1) if result.has_prev else None,
            "html": url_for("jobs.index", _external=True, **args),
        },
    )


@bp.get("/openapi.json")
def openapi():
    return jsonify(openapi_document())
