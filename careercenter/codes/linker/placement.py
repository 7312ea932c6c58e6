"""Place a code in the catalogue: its section and subsection, and the specialties that use it.

Ranges overlap on purpose, so the narrowest matching range wins for sections and subsections,
and specialties are ranked by the width of their narrowest matching range. `alt_ranges` and
`who_range` are never used for tagging.
"""

from __future__ import annotations

import re

from . import catalog, ranges
from .shapes import Reading, internal_system

_SUFFIX_SECTIONS = {
    "cat2": ("category-ii", "CPT Category II (performance measurement)", None, None),
    "cat3": ("category-iii", "CPT Category III (emerging technology)", None, None),
    "pla": ("pathology-laboratory", "Pathology and Laboratory", "pla", "Proprietary laboratory analyses"),
}
# Specialty links through a whole code system (PLA, MAAA, CDT) count as this wide.
_WHOLE_SYSTEM_WIDTH = 10_000


def _slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _narrowest_entry(kind: str, code: str, entries: list[dict]) -> dict | None:
    best, best_width = None, None
    for entry in entries:
        found = ranges.narrowest(kind, code, entry.get("ranges") or [])
        if found is not None and (best_width is None or found < best_width):
            best, best_width = entry, found
    return best


def _place_cpt(reading: Reading) -> dict:
    if reading.cpt_category in _SUFFIX_SECTIONS:
        slug, name, sub, sub_name = _SUFFIX_SECTIONS[reading.cpt_category]
        return {"section": slug, "section_name": name, "subsection": sub, "subsection_name": sub_name}
    if reading.cpt_category == "maaa":
        lab = catalog.cpt_section("pathology-laboratory")
        sub = next(s for s in lab["subsections"] if s["slug"] == "maaa-administrative")
        return {"section": lab["slug"], "section_name": lab["name"],
                "subsection": sub["slug"], "subsection_name": sub["name"]}
    section = _narrowest_entry("cpt", reading.code, catalog.cpt_sections())
    if section is None:
        return {"section": None, "section_name": None, "subsection": None, "subsection_name": None}
    ranged = [s for s in section.get("subsections", []) if not s.get("code_system")]
    sub = _narrowest_entry("cpt", reading.code, ranged)
    return {"section": section["slug"], "section_name": section["name"],
            "subsection": sub["slug"] if sub else None, "subsection_name": sub["name"] if sub else None}


def hcpcs_section_for(code: str) -> dict | None:
    """Return the HCPCS section of a letter+4-digit code; by letter when no range holds it."""
    found = _narrowest_entry("hcpcs", code, catalog.hcpcs_sections())
    if found:
        return found
    # Bounds are approximate at the edges; the letter matters more, so take the closest section.
    same_letter = [s for s in catalog.hcpcs_sections() if s["letter"] == code[0]]
    if not same_letter:
        return None
    number = int(code[1:])
    return min(same_letter, key=lambda s: min(abs(number - int(b[1:])) for r in s["ranges"] for b in r))


def _place_icd(code: str) -> dict:
    for chapter in catalog.icd10cm_chapters():
        lo, hi = chapter["range"]
        if ranges.contains("icd10cm", lo, hi, code):
            return {"section": f"chapter-{chapter['number']}", "section_name": chapter["name"],
                    "subsection": None, "subsection_name": None, "category": code.replace(".", "")[:3]}
    return {"section": None, "section_name": None, "subsection": None, "subsection_name": None}


def place(reading: Reading) -> dict:
    """Return {section, section_name, subsection, subsection_name} for a reading (values may be None)."""
    if reading.system == "cpt":
        return _place_cpt(reading)
    if reading.system in ("hcpcs", "cdt"):
        section = hcpcs_section_for(reading.code)
        return {"section": section["slug"] if section else None,
                "section_name": section["name"] if section else None,
                "subsection": None, "subsection_name": None}
    if reading.system == "icd10cm":
        return _place_icd(reading.code)
    if reading.system == "icd10pcs":
        name = catalog.pcs_section_name(reading.code[0])
        return {"section": _slugify(name) if name else None, "section_name": name,
                "subsection": None, "subsection_name": None}
    return {"section": None, "section_name": None, "subsection": None, "subsection_name": None}


def ranked_specialties(reading: Reading) -> list[tuple[str, int]]:
    """Return (specialty slug, width of its narrowest matching range), narrowest first.

    Empty for Category II/III, PCS and DRG codes, which have no specialty ranges.
    """
    system = internal_system(reading)
    section = hcpcs_section_for(reading.code) if reading.kind == "hcpcs" else None
    ranked = []
    for order, spec in enumerate(catalog.specialties()):
        widths = []
        if system == "cpt-cat1":
            widths.append(ranges.narrowest("cpt", reading.code, spec.get("cpt_ranges", [])))
        elif system == "icd10cm":
            widths.append(ranges.narrowest("icd10cm", reading.code, spec.get("icd10cm_ranges", [])))
        elif reading.kind == "hcpcs":
            widths.append(ranges.narrowest("hcpcs", reading.code, spec.get("hcpcs_ranges", [])))
            if section and section["slug"] in spec.get("hcpcs_sections", []):
                widths.append(min(ranges.width("hcpcs", lo, hi) for lo, hi in section["ranges"]))
            if system == "cdt" and "cdt" in spec.get("code_systems", []):
                widths.append(_WHOLE_SYSTEM_WIDTH)
        if system in spec.get("code_systems", []) and system in ("cpt-pla", "cpt-maaa"):
            widths.append(_WHOLE_SYSTEM_WIDTH)
        widths = [w for w in widths if w is not None]
        if widths:
            ranked.append((min(widths), order, spec["slug"]))
    return [(slug, found) for found, _, slug in sorted(ranked)]
