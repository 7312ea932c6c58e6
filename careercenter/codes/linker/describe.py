"""Look up one code typed by a user (code pages, search boxes): which system, section,
subsection and specialties. Unlike the post linker, a lone code is taken at its word, since
the user said it is a code; ambiguous shapes list their other readings under `alternatives`.
"""

from __future__ import annotations

from . import icd10, placement
from .shapes import Reading, normalise, readings

SYSTEM_NAMES = {
    "cpt": "CPT", "hcpcs": "HCPCS Level II", "cdt": "CDT (HCPCS D section)", "icd10cm": "ICD-10-CM",
    "icd10pcs": "ICD-10-PCS", "ms-drg": "MS-DRG",
}


def _acceptable(reading: Reading, valid_icd) -> bool:
    if reading.system == "icd10cm":
        return valid_icd(reading.code)
    if reading.system == "cpt" and reading.cpt_category == "cat1":
        return True  # well formed; a deleted or unassigned number simply has no section
    if reading.system in ("hcpcs", "cdt"):
        return placement.hcpcs_section_for(reading.code) is not None
    if reading.system == "icd10pcs":
        return any(ch.isdigit() for ch in reading.code)
    return True


def _order(options: list[Reading], token: str, icd_validated: bool) -> list[Reading]:
    """Put the likeliest reading first: a dot or a non-HCPCS letter means ICD-10-CM; a valid
    7-character ICD-10-CM code beats PCS; a dotless code found in the ICD-10-CM list (E1122,
    M1711) is that code, since people drop the dot; otherwise HCPCS before undotted ICD.
    ``options`` are already validated, so with a checked list any ICD-10-CM reading is real."""
    def rank(reading: Reading) -> int:
        if reading.system == "icd10cm" and ("." in token or token[0] in "FINOWXYZ" or len(token) in (3, 7)
                                            or icd_validated):
            return 0
        return {"cpt": 1, "hcpcs": 2, "cdt": 2, "icd10cm": 3, "icd10pcs": 4, "ms-drg": 5}[reading.system]
    return sorted(options, key=rank)


def _as_dict(reading: Reading, description=None) -> dict:
    place = placement.place(reading)
    out = {
        "code": reading.code,
        "system": reading.system,
        "system_name": SYSTEM_NAMES[reading.system],
        "section": place["section"],
        "section_name": place["section_name"],
        "subsection": place["subsection"],
        "subsection_name": place["subsection_name"],
        "specialties": [{"slug": slug, "width": width} for slug, width in placement.ranked_specialties(reading)],
    }
    if reading.system == "cpt":
        out["cpt_category"] = reading.cpt_category
    if isinstance(description, str):
        out["description"] = description  # ICD-10-CM titles are public (CDC); CPT text never is
    return out


def describe_code(code: str, icd10cm_lookup=None, icd10cm_validated: bool | None = None,
                  system: str | None = None) -> dict | None:
    """Normalise a user-typed code and return what it is, or None if it is malformed/unknown.

    The dict has code (normalised, ICD-10-CM dotted), system, section/subsection (slug and name),
    specialties ranked narrowest first ([{slug, width}]), cpt_category for CPT, and
    `alternatives` (other systems the same string could be). ``icd10cm_validated`` says whether
    the lookup really checks the ICD-10-CM list (default: only when it is the package's own);
    only then does a dotless code found in the list win over its HCPCS reading. ``system`` asks
    for one reading of an ambiguous code (the "other reading" links of the code page). No side effects.
    """
    token = normalise(code)
    if not token:
        return None
    stem = icd10.truncated_stem(token)
    if stem:
        token = stem
    valid_icd = icd10.make_validator(icd10cm_lookup)
    validated = icd10cm_lookup is None if icd10cm_validated is None else icd10cm_validated
    options = _order([r for r in readings(token) if _acceptable(r, valid_icd)], token, validated)
    if system:
        options.sort(key=lambda r: r.system != system)
    if not options:
        return None
    lookup = icd10cm_lookup or icd10.default_lookup
    first = options[0]
    description = lookup(first.code) if first.system == "icd10cm" else None
    out = _as_dict(first, description)
    others = options[1:]
    if first.system == "icd10cm" and "." in token:
        # M17.11 is also typed M1711, which is an HCPCS shape: name that reading too.
        others += [r for r in readings(icd10.bare(token)) if r.system in ("hcpcs", "cdt") and _acceptable(r, valid_icd)]
    out["alternatives"] = [{"code": r.code, "system": r.system, "system_name": SYSTEM_NAMES[r.system]}
                           for r in others]
    return out


def specialties_for_code(code: str, icd10cm_lookup=None) -> list[dict]:
    """Return the specialties of a user-typed code, narrowest range first ([] if none/malformed)."""
    described = describe_code(code, icd10cm_lookup)
    return described["specialties"] if described else []
