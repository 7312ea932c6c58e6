"""Linking posts to the catalogue, with the database as the linker's ICD-10-CM source.

The web app and the worker never import ``simple_icd_10_cm``: they validate ICD-10-CM codes
against the ``icd10cm_code`` table. When that table is empty (``flask codes load-icd10cm`` not
run yet), codes are checked by format only and callers are told so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import sqlalchemy as sa

from ..extensions import db
from ..jobs.models import Job, JobLink, LinkKind, LinkSource
from .linker import describe_code, link_post
from .linker.icd10 import dotted, has_icd10cm_shape
from .linker.systems import named_systems
from .models import Icd10cmCode

FORMAT_ONLY_NOTE = ("The ICD-10-CM code list is not loaded yet, so ICD-10-CM codes are checked by "
                    "their format only (run `flask --app wsgi codes load-icd10cm`).")
STRUCTURED_KINDS = {"settings": LinkKind.SETTING, "specialties": LinkKind.SPECIALTY,
                    "credentials": LinkKind.CREDENTIAL}


@dataclass(frozen=True)
class Icd10cmSource:
    """The ICD-10-CM lookup handed to the linker, and whether it really validates codes."""

    lookup: Callable[[str], object]
    validated: bool

    @property
    def note(self):
        return None if self.validated else FORMAT_ONLY_NOTE


def _table_lookup(code: str) -> str | bool:
    description = db.session.scalar(sa.select(Icd10cmCode.description).where(Icd10cmCode.code == dotted(code)))
    return description or False


def _format_lookup(code: str) -> bool:
    return has_icd10cm_shape(code)


def icd10cm_source() -> Icd10cmSource:
    """Return a lookup on the ``icd10cm_code`` table, or a format-only check when it is empty.
    Reads the database (one row)."""
    loaded = db.session.scalar(sa.select(Icd10cmCode.code).limit(1)) is not None
    return Icd10cmSource(_table_lookup, True) if loaded else Icd10cmSource(_format_lookup, False)


def link_text(post: dict) -> dict:
    """Run the linker over a post dict (title, description, optional structured fields) with the
    table-backed ICD-10-CM lookup; returns the linker's result. Reads the database only."""
    return link_post(post, icd10cm_lookup=icd10cm_source().lookup)


def lookup_code(code: str, system: str | None = None) -> tuple[dict | None, Icd10cmSource]:
    """Describe a user-typed code (system, section, specialties, ICD-10-CM description) using the
    table — the one place a typed code is resolved (code pages, the search filter, saved
    searches): a dotless code in the ICD-10-CM table is read as ICD-10-CM (E1122 -> E11.22); returns (description dict or None when malformed/unknown, the source used)."""
    source = icd10cm_source()
    return describe_code(code, icd10cm_lookup=source.lookup, icd10cm_validated=source.validated,
                         system=system), source


DESCRIPTION_SEARCH_LIMIT = 50
DESCRIPTION_SEARCH_WORDS = 8


def _like(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_icd10cm(text: str, limit: int = DESCRIPTION_SEARCH_LIMIT) -> tuple[list[Icd10cmCode], int]:
    """ICD-10-CM codes whose description contains every word of ``text`` (any case), in code
    order, at most ``limit``; returns (codes, how many match in all). Reads the database."""
    words = [w for w in text.split() if w][:DESCRIPTION_SEARCH_WORDS]
    if not words:
        return [], 0
    conditions = [Icd10cmCode.description.ilike(_like(w), escape="\\") for w in words]
    rows = db.session.scalars(sa.select(Icd10cmCode).where(*conditions).order_by(Icd10cmCode.code).limit(limit)).all()
    total = len(rows) if len(rows) < limit else db.session.scalar(
        sa.select(sa.func.count()).select_from(Icd10cmCode).where(*conditions))
    return rows, total


def post_of(job: Job) -> dict:
    """The linker's view of a post: title, description, the employer's chosen settings,
    specialties and credentials, and the company's organisation type."""
    post = {"title": job.title, "description": job.description_md or "",
            "employer_type": job.company.org_type if job.company else None}
    for field, kind in STRUCTURED_KINDS.items():
        post[field] = [link.value for link in job.links if link.kind == kind and link.source == LinkSource.EMPLOYER]
    return post


def suggest_links(title: str, description: str, fields: dict | None = None) -> dict:
    """Return the linker's suggestions for a draft post, shaped for the post editor.

    ``fields`` may hold ``settings``/``specialties``/``credentials`` (already chosen by the
    employer), ``removed`` ({field: [values]}, suggestions turned down, left out of the answer)
    and ``employer_type``. Each suggestion carries its display name, score/required and evidence.
    Reads the database; writes nothing.
    """
    from .choices import names

    fields = dict(fields or {})
    removed = fields.pop("removed", None) or {}
    post = {"title": title or "", "description": description or "", **fields}
    source = icd10cm_source()
    result = link_post(post, icd10cm_lookup=source.lookup)
    setting_names, specialty_names, credential_names = names("setting"), names("specialty"), names("credential")

    def kept(field, value):
        return value not in set(removed.get(field) or [])

    return {
        "settings": [{**item, "name": setting_names.get(item["slug"], item["slug"])}
                     for item in result["settings"] if kept("settings", item["slug"])],
        "specialties": [{**item, "name": specialty_names.get(item["slug"], item["slug"])}
                        for item in result["specialties"] if kept("specialties", item["slug"])],
        "credentials": [{**item, "name": credential_names.get(item["code"], item["code"])}
                        for item in result["credentials"] if kept("credentials", item["code"])],
        "code_systems": result["code_systems"],
        "codes": [{"code": item["code"], "system": item["system"], "section": item["section"],
                   "subsection": item["subsection"]} for item in result["codes"]],
        "note": source.note,
    }


def _wanted_links(result: dict, text: str) -> dict[tuple[str, str], dict]:
    wanted: dict[tuple[str, str], dict] = {}
    for item in result["settings"]:
        wanted[(LinkKind.SETTING, item["slug"])] = {"score": item["score"], "evidence": item["evidence"]}
    for item in result["specialties"]:
        wanted[(LinkKind.SPECIALTY, item["slug"])] = {"score": item["score"], "evidence": item["evidence"]}
    for item in result["credentials"]:
        wanted[(LinkKind.CREDENTIAL, item["code"])] = {"required": item["required"], "evidence": item["evidence"]}
    phrases = named_systems(text)
    for slug in result["code_systems"]:
        found = [c["code"] for c in result["codes"] if c["system"] == slug][:5]
        wanted[(LinkKind.CODE_SYSTEM, slug)] = {"evidence": phrases.get(slug) or found}
    for item in result["codes"]:
        where = " / ".join(str(part) for part in (item["section"], item["subsection"]) if part)
        evidence = [f"{item['system']} code in the post" + (f" ({where})" if where else "")]
        wanted[(LinkKind.CODE, item["code"])] = {"evidence": evidence}
    return wanted


def store_links(job: Job, result: dict) -> dict[str, int]:
    """Replace the post's linker rows with ``result``: rows the employer chose (source
    "employer") or turned down (source "removed") are never touched nor re-added. Flushes,
    does not commit. Returns {"added", "updated", "deleted"} counts."""
    text = f"{job.title}\n{job.description_md or ''}"
    wanted = _wanted_links(result, text)
    counts = {"added": 0, "updated": 0, "deleted": 0}
    by_key = {(link.kind, link.value): link for link in job.links}
    for key, values in wanted.items():
        link = by_key.get(key)
        if link is None:
            job.links.append(JobLink(kind=key[0], value=key[1][:40], source=LinkSource.LINKER,
                                     required=values.get("required"), score=values.get("score"),
                                     evidence=values.get("evidence") or []))
            counts["added"] += 1
        elif link.source == LinkSource.LINKER:
            # Updated in place: a delete and re-insert of the same key would trip the unique index.
            link.required, link.score = values.get("required"), values.get("score")
            link.evidence = values.get("evidence") or []
            counts["updated"] += 1
    for key, link in by_key.items():
        if link.source == LinkSource.LINKER and key not in wanted:
            job.links.remove(link)
            counts["deleted"] += 1
    db.session.flush()
    return counts


def link_job_now(job: Job) -> dict[str, int]:
    """Link one post and store the result (see store_links). Flushes, does not commit."""
    return store_links(job, link_text(post_of(job)))


def record_employer_choices(job: Job, chosen: dict, suggested: dict) -> None:
    """Store the editor's outcome for ``settings``/``specialties``/``credentials``: each value in
    ``chosen[field]`` becomes an employer row (replacing a linker row); each value that was in
    ``suggested[field]`` but not chosen becomes a "removed" row, so the linker never re-adds it;
    earlier employer rows no longer chosen are dropped. Flushes, does not commit."""
    by_key = {(link.kind, link.value): link for link in job.links}
    for field, kind in STRUCTURED_KINDS.items():
        picked = list(dict.fromkeys(chosen.get(field) or []))
        turned_down = [v for v in dict.fromkeys(suggested.get(field) or []) if v not in picked]
        for value in picked:
            _set_source(job, by_key, kind, value, LinkSource.EMPLOYER)
        for value in turned_down:
            _set_source(job, by_key, kind, value, LinkSource.REMOVED)
        for (link_kind, value), link in by_key.items():
            if link_kind == kind and link.source == LinkSource.EMPLOYER and value not in picked \
                    and value not in turned_down:
                job.links.remove(link)
    db.session.flush()


def _set_source(job, by_key, kind, value, source):
    link = by_key.get((kind, value))
    if link is None:
        link = JobLink(kind=kind, value=value, evidence=[])
        job.links.append(link)
        by_key[(kind, value)] = link
    link.source = source
    if source == LinkSource.EMPLOYER:
        link.evidence = ["chosen by employer"]
