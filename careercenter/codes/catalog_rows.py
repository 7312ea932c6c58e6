"""Turn catalog.json into rows for the catalogue tables: {table name: [row dict, ...]}.

Pure (no Flask, no database), so migration 0003 and ``flask codes load`` build exactly the same
rows. ``alt_ranges`` and WHO ranges are left out: the catalogue says never to tag with them.
"""

from __future__ import annotations

import json
from pathlib import Path

CATALOG_PATH = Path(__file__).resolve().parent / "data" / "catalog.json"


def read_catalog(path=CATALOG_PATH) -> dict:
    """Parse the catalogue file (no caching: the loader wants what is on disk now)."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


# The natural primary key of every table; the loader upserts by it.
KEYS = {
    "catalog_code_system": ("slug",),
    "catalog_cpt_section": ("slug",),
    "catalog_cpt_subsection": ("section_slug", "slug"),
    "catalog_icd10cm_chapter": ("number",),
    "catalog_hcpcs_section": ("slug",),
    "catalog_credential": ("code",),
    "catalog_setting": ("slug",),
    "catalog_specialty": ("slug",),
    "catalog_cms_specialty_code": ("owner_kind", "owner_slug", "code"),
    "catalog_taxonomy_code": ("owner_kind", "owner_slug", "code"),
    "catalog_credential_link": ("owner_kind", "owner_slug", "credential_code"),
    "catalog_code_range": ("owner_kind", "owner_slug", "system", "lo", "hi"),
    "catalog_keyword": ("owner_kind", "owner_slug", "phrase"),
}


def row_key(table: str, row: dict) -> tuple:
    """Return the row's primary-key tuple."""
    return tuple(row[column] for column in KEYS[table])


def _ranges(rows, owner_kind, owner_slug, system, pairs):
    for position, (lo, hi) in enumerate(pairs or []):
        rows.append({"owner_kind": owner_kind, "owner_slug": owner_slug, "system": system, "lo": lo, "hi": hi,
                     "position": position})


def _owner_extras(out, owner_kind, entry):
    slug = entry["slug"]
    for item in entry.get("cms_specialty_codes", []):
        out["catalog_cms_specialty_code"].append({
            "owner_kind": owner_kind, "owner_slug": slug, "code": item["code"], "name": item["name"],
            "verify": bool(item.get("verify")), "note": item.get("note")})
    for code in dict.fromkeys(entry.get("nucc_taxonomy", [])):
        out["catalog_taxonomy_code"].append({"owner_kind": owner_kind, "owner_slug": slug, "code": code})
    seen = set()
    for code, related in [(c, False) for c in entry.get("credentials", [])] + \
                         [(c, True) for c in entry.get("related_credentials", [])]:
        if code not in seen:
            seen.add(code)
            out["catalog_credential_link"].append({"owner_kind": owner_kind, "owner_slug": slug,
                                                   "credential_code": code, "related": related})
    for phrase in dict.fromkeys(entry.get("keywords", [])):
        out["catalog_keyword"].append({"owner_kind": owner_kind, "owner_slug": slug, "phrase": phrase})
    ranges = out["catalog_code_range"]
    _ranges(ranges, owner_kind, slug, "cpt", entry.get("cpt_ranges"))
    _ranges(ranges, owner_kind, slug, "icd10cm", entry.get("icd10cm_ranges"))
    _ranges(ranges, owner_kind, slug, "hcpcs", entry.get("hcpcs_ranges"))


def catalog_rows(catalog: dict) -> dict[str, list[dict]]:
    """Return every catalogue table's rows, keyed by table name, in insertion order."""
    out: dict[str, list[dict]] = {name: [] for name in KEYS}
    for position, system in enumerate(catalog["code_systems"]):
        out["catalog_code_system"].append({
            "slug": system["slug"], "name": system["name"], "steward": system.get("steward"),
            "format_regex": system.get("format_regex"), "parent": system.get("parent"),
            "examples": system.get("example_formats", []), "notes": system.get("notes"), "position": position})
    for position, section in enumerate(catalog["cpt_sections"]):
        out["catalog_cpt_section"].append({"slug": section["slug"], "name": section["name"],
                                           "notes": section.get("notes"), "position": position})
        _ranges(out["catalog_code_range"], "cpt_section", section["slug"], "cpt", section["ranges"])
        for sub_position, sub in enumerate(section.get("subsections", [])):
            out["catalog_cpt_subsection"].append({
                "section_slug": section["slug"], "slug": sub["slug"], "name": sub["name"],
                "code_system": sub.get("code_system"), "position": sub_position})
            _ranges(out["catalog_code_range"], "cpt_subsection", f'{section["slug"]}/{sub["slug"]}', "cpt",
                    sub.get("ranges"))
    for chapter in catalog["icd10cm_chapters"]:
        lo, hi = chapter["range"]
        out["catalog_icd10cm_chapter"].append({"number": chapter["number"], "name": chapter["name"],
                                               "range_lo": lo, "range_hi": hi})
    for position, section in enumerate(catalog["hcpcs_sections"]):
        out["catalog_hcpcs_section"].append({"slug": section["slug"], "letter": section["letter"],
                                             "name": section["name"], "notes": section.get("notes"),
                                             "position": position})
        _ranges(out["catalog_code_range"], "hcpcs_section", section["slug"], "hcpcs", section["ranges"])
    for position, cred in enumerate(catalog["credentials"]):
        out["catalog_credential"].append({
            "code": cred["code"], "name": cred["name"], "body": cred["body"], "issuer": cred.get("issuer"),
            "kind": cred["kind"], "aliases": cred.get("aliases", []), "notes": cred.get("notes"),
            "position": position})
    for position, setting in enumerate(catalog["settings"]):
        out["catalog_setting"].append({"slug": setting["slug"], "name": setting["name"],
                                       "description": setting.get("description"),
                                       "code_systems": setting.get("code_systems", []), "position": position})
        _owner_extras(out, "setting", setting)
    for position, specialty in enumerate(catalog["specialties"]):
        out["catalog_specialty"].append({
            "slug": specialty["slug"], "name": specialty["name"], "notes": specialty.get("notes"),
            "code_systems": specialty.get("code_systems", []), "hcpcs_sections": specialty.get("hcpcs_sections", []),
            "position": position})
        _owner_extras(out, "specialty", specialty)
    # The catalogue repeats a few entries (the same range twice in one list): keep the first.
    return {table: list({row_key(table, row): row for row in reversed(rows)}.values())[::-1]
            for table, rows in out.items()}
