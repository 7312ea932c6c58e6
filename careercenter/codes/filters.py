"""The code filter for job search and saved searches.

A code filter means "jobs in the specialties this code belongs to, or naming it":

    found = parse_code_filter("m17.11")   # -> ("M17.11", ["orthopedics", "radiology", "rehab-therapy"])
    if found:
        query = query.where(code_filter_condition(*found))
"""

from __future__ import annotations

from ..jobs.models import Job, LinkKind
from .queries import linked_job_ids
from .services import lookup_code


def parse_code_filter(text: str) -> tuple[str, list[str]] | None:
    """Normalise a user-typed code and return (code as posts store it, [specialty slugs, narrowest
    first]), or None when the text is no code. ICD-10-CM codes come back dotted (M1711 ->
    M17.11 when M17.11 is in the ICD-10-CM list). A CPT number in no current section is no code
either. Reads the ICD-10-CM table."""
    described, _ = lookup_code(text or "")
    if described is None:
        return None
    if described["system"] == "cpt" and described.get("cpt_category") == "cat1" and not described["section"]:
        return None  # well formed but in no CPT section (99999): unknown, as its code page says
    return described["code"], [item["slug"] for item in described["specialties"]]


def code_filter_condition(code: str, specialty_slugs=()):
    """A WHERE clause on Job: the post names ``code`` or is linked to one of the specialties."""
    condition = Job.id.in_(linked_job_ids(LinkKind.CODE, [code]))
    if specialty_slugs:
        condition = condition | Job.id.in_(linked_job_ids(LinkKind.SPECIALTY, list(specialty_slugs)))
    return condition
