"""Specialty and code pages, the specialty RSS feeds, and the post editor's "suggest" endpoint."""

import re
from email.utils import format_datetime

from flask import Blueprint, abort, jsonify, make_response, redirect, render_template, request, url_for

from flask_login import current_user

from ..accounts.access import employer_required
from ..employers.models import company_of
from ..extensions import db
from ..pagination import page_number
from .linker.shapes import normalise
from .models import Specialty
from .queries import code_jobs_query, specialties_with_counts, specialty_details, specialty_jobs_query, \
    specialty_names
from .services import icd10cm_source, lookup_code, search_icd10cm, suggest_links

bp = Blueprint("codes", __name__)


@bp.app_template_global()
def job_link_groups(job):
    from .chips import job_link_groups as groups

    return groups(job)

FEED_SIZE = 50
QUERY_MAX = 80
SUGGEST_TEXT_MAX = 20_000
SUGGEST_FIELDS = ("settings", "specialties", "credentials")


@bp.route("/specialties")
def specialties():
    return render_template("codes/specialties.html", rows=specialties_with_counts())


@bp.route("/specialties/<slug>")
def specialty(slug):
    details = specialty_details(slug)
    if details is None:
        abort(404)
    page = db.paginate(specialty_jobs_query(slug), page=page_number(), per_page=20, error_out=False)
    return render_template("codes/specialty.html", page=page, **details)


@bp.route("/specialties/<slug>/feed.xml")
def specialty_feed(slug):
    specialty = db.get_or_404(Specialty, slug)
    jobs = db.session.scalars(specialty_jobs_query(slug).limit(FEED_SIZE)).all()
    body = render_template("codes/feed.xml", specialty=specialty, jobs=jobs, rfc822=format_datetime)
    response = make_response(body)
    response.headers["Content-Type"] = "application/rss+xml; charset=utf-8"
    return response


# Words, not a code: a run of letters longer than any code has, or a space between words.
WORDS = re.compile(r"[A-Za-z]{4,}|[A-Za-z]{2,}\s+[A-Za-z]")


@bp.route("/codes")
def code_search():
    """The search box of the code pages: a typed code goes to its page; words search the
    ICD-10-CM descriptions and list the matching codes."""
    query = " ".join((request.args.get("q") or "").split())[:QUERY_MAX]
    if not query:
        return render_template("codes/search.html", query="")
    token = normalise(query).replace("/", "")
    if not token:
        return render_template("codes/search.html", query=query, message="Type a code such as 29881, M17.11 or J9271.")
    if WORDS.search(query) and lookup_code(token)[0] is None:
        return _description_search(query)
    return redirect(url_for("codes.code", code=token))


def _description_search(query):
    source = icd10cm_source()
    if not source.validated:
        return render_template("codes/search.html", query=query, searched=True, results=[], total=0,
                               note="The ICD-10-CM list is not loaded, so code descriptions cannot be searched yet.")
    results, total = search_icd10cm(query)
    return render_template("codes/search.html", query=query, searched=True, results=results, total=total)


def _not_found(code, message=None):
    message = message or f"“{code}” is not a CPT, HCPCS Level II, ICD-10-CM, ICD-10-PCS or MS-DRG code we know."
    return render_template("codes/search.html", query=code, message=message), 404


@bp.route("/codes/<code>")
def code(code):
    # ?reading=hcpcs opens the other reading of an ambiguous code (J9312 is ICD-10-CM J93.12 first).
    reading = request.args.get("reading") if request.args.get("reading") in ("hcpcs", "cdt") else None
    described, source = lookup_code(code[:40], system=reading)
    if described is None:
        return _not_found(code[:40])
    if described["system"] == "cpt" and described.get("cpt_category") == "cat1" and not described["section"]:
        # Well formed, but in no current CPT section: a deleted or never-assigned number.
        return _not_found(code[:40], f"“{described['code']}” has the shape of a CPT code but is not in any current "
                                     "CPT section: it may have been deleted or never assigned.")
    if described["code"] != code:
        return redirect(url_for("codes.code", code=described["code"],
                                reading=reading if described["system"] == reading else None), code=301)
    slugs = [item["slug"] for item in described["specialties"]]
    page = db.paginate(code_jobs_query(described["code"], slugs), page=page_number(), per_page=20,
                       error_out=False)
    # The job search's code filter takes a code's first reading; another reading is searched by its characters.
    other_reading = bool(reading and described["system"] == reading)
    return render_template("codes/code.html", code=described, names=specialty_names(slugs), page=page,
                           icd_note=source.note if described["system"] == "icd10cm" else None,
                           other_reading=other_reading)


def _bad_request(message):
    return jsonify(error={"code": 400, "message": message}), 400


@bp.route("/codes/suggest", methods=["POST"])
@employer_required
def suggest():
    """JSON in: {title, description, settings?, specialties?, credentials?, removed?}; JSON out:
    the linker's suggestions with names (see services.suggest_links). CSRF token in X-CSRFToken."""
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        return _bad_request("Send a JSON object with a title and a description.")
    title, description = data.get("title") or "", data.get("description") or ""
    if not isinstance(title, str) or not isinstance(description, str):
        return _bad_request("The title and the description must be text.")
    if not (title.strip() or description.strip()):
        return _bad_request("Write a title or a description first.")
    fields = {}
    for name in SUGGEST_FIELDS:
        values = data.get(name) or []
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            return _bad_request(f"{name} must be a list of text values.")
        fields[name] = values[:50]
    removed = data.get("removed") or {}
    if not isinstance(removed, dict):
        return _bad_request("removed must map settings/specialties/credentials to lists.")
    fields["removed"] = {name: [v for v in (removed.get(name) or []) if isinstance(v, str)][:50]
                         for name in SUGGEST_FIELDS if isinstance(removed.get(name) or [], list)}
    company = company_of(current_user)
    if company is not None:
        fields["employer_type"] = company.org_type
    return jsonify(suggest_links(title[:SUGGEST_TEXT_MAX], description[:SUGGEST_TEXT_MAX], fields))
