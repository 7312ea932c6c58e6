"""The job page's link chips: a post's settings, specialties, credentials and codes, each
pointing at its page or at the job search."""

from __future__ import annotations

from functools import lru_cache

from flask import url_for

from ..jobs.models import LinkKind, LinkSource
from .choices import names
from .linker import describe_code

MAX_CODES = 24


@lru_cache(maxsize=4096)
def code_title(code: str) -> str:
    """"CPT · Surgery › Musculoskeletal system" for a stored code: system and section names only
    (never CPT descriptors). Pure; trusts the code, which the linker validated when storing it."""
    described = describe_code(code, icd10cm_lookup=lambda _: True)
    if not described:
        return ""
    return " · ".join(part for part in (described["system_name"], described["section_name"],
                                        described["subsection_name"]) if part)


def _ordered(links, kind):
    chosen = [link for link in links if link.kind == kind and link.source != LinkSource.REMOVED]
    return sorted(chosen, key=lambda link: (link.source != LinkSource.EMPLOYER, -(link.score or 0)))


def job_link_groups(job) -> list[dict]:
    """Return [{label, chips: [{text, url, title, note, search_url}]}] for the job page, empty groups
    left out; code chips also carry ``search_url``, the job search for that code."""
    links = list(job.links)
    setting_names, specialty_names, credential_names = names("setting"), names("specialty"), names("credential")
    groups = [
        ("Setting", [{"text": setting_names.get(link.value, link.value),
                      "url": url_for("jobs.index", setting=link.value)} for link in _ordered(links, LinkKind.SETTING)]),
        ("Specialty", [{"text": specialty_names.get(link.value, link.value),
                        "url": url_for("codes.specialty", slug=link.value)}
                       for link in _ordered(links, LinkKind.SPECIALTY)]),
        ("Credentials", [{"text": link.value, "title": credential_names.get(link.value, ""),
                          "url": url_for("jobs.index", credential=link.value),
                          "note": {True: "required", False: "preferred"}.get(link.required)}
                         for link in _ordered(links, LinkKind.CREDENTIAL)]),
        ("Codes", [{"text": link.value, "title": code_title(link.value),
                    "url": url_for("codes.code", code=link.value),
                    "search_url": url_for("jobs.index", code=link.value)}
                   for link in _ordered(links, LinkKind.CODE)[:MAX_CODES]]),
    ]
    return [{"label": label, "chips": chips} for label, chips in groups if chips]
