"""The /jobs search page (served by ``jobs.index``): filters, facets and results."""

from flask import current_app, redirect, render_template, request, url_for

from ..codes.choices import credential_choices, names, setting_choices, specialty_choices
from ..jobs.models import EmploymentType, WorkArrangement, label
from . import geo
from .criteria import FIELD_LABELS, POSTED_WITHIN_DAYS, US_STATES, criteria_from_args
from .services import search_jobs

RADII = (5, 10, 25, 50, 100, 200)


def filter_options():
    return {
        "states": US_STATES,
        "arrangements": [(e.value, label(e)) for e in WorkArrangement],
        "types": [(e.value, label(e)) for e in EmploymentType],
        "settings": setting_choices(),
        "specialties": specialty_choices(),
        "credentials": credential_choices(),
        "posted_within": POSTED_WITHIN_DAYS,
        "radii": RADII,
        "max_radius": geo.MAX_RADIUS,
    }


def facet_label(facet, value):
    if facet in ("setting", "specialty", "credential"):
        return names(facet).get(value, value).split(" — ")[0] if facet == "credential" else names(facet).get(value, value)
    return label(value)


def search_url(criteria, **overrides):
    args = criteria.to_args()
    args.update({k: v for k, v in overrides.items() if v is not None})
    return url_for("jobs.index", **args)


def toggle_url(criteria, facet, value):
    """The URL with ``value`` of ``facet`` added, or removed if it is already chosen."""
    current = getattr(criteria, facet)
    args = criteria.to_args()
    if isinstance(current, tuple):
        values = [v for v in current if v != value] if value in current else [*current, value]
        if values:
            args[facet] = values
        else:
            args.pop(facet, None)
    elif current == value:
        args.pop(facet, None)
    else:
        args[facet] = value
    return url_for("jobs.index", **args)


def render_search_page(page_number):
    criteria = criteria_from_args(request.args)
    result = search_jobs(criteria, page=page_number, per_page=current_app.config["JOBS_PER_PAGE"])
    if result.pages and page_number > result.pages:
        # A stale link past the end: show the last page rather than an empty one.
        return redirect(search_url(criteria, page=result.pages))
    status = 200
    return render_template(
        "jobs/index.html",
        result=result,
        criteria=criteria,
        args=criteria.to_args(),
        options=filter_options(),
        facet_label=facet_label,
        toggle_url=toggle_url,
        search_url=search_url,
        field_labels=FIELD_LABELS,
    ), status
