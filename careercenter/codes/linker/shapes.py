"""What a single, already isolated token could be, judged by its shape alone.

The answer is a list of readings, most likely first; choosing between them needs the surrounding
text, which is the job of `codes.py`. Formats come from the catalogue's code systems.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import catalog

# Letters HCPCS Level II does not use: a code starting with one of them can only be ICD-10-CM.
_NOT_HCPCS_LETTERS = set("FINOWXYZ")
_SUFFIX_CATEGORY = {"F": "cat2", "T": "cat3", "U": "pla", "M": "maaa"}
_SUFFIX_SYSTEM = {"F": "cpt-cat2", "T": "cpt-cat3", "U": "cpt-pla", "M": "cpt-maaa"}


@dataclass(frozen=True)
class Reading:
    """One possible meaning of a token: the public system slug, the code as reported, and details."""

    system: str  # cpt, hcpcs, cdt, icd10cm, icd10pcs, ms-drg
    code: str
    cpt_category: str | None = None  # cat1/cat2/cat3/pla/maaa for CPT
    kind: str | None = None  # range kind for ranges.py, None when codes have no ranges


def normalise(text: str) -> str:
    """Upper-case a user-typed code and drop spaces and stray punctuation around it."""
    return re.sub(r"\s+", "", text or "").strip(" ,;:()[]{}\"'").upper()


def readings(token: str) -> list[Reading]:
    """Return every reading of a normalised token, most likely first; [] when it is no code at all.

    Bare numbers are read as codes here; whether the text around them allows that is decided by
    the caller. ICD-10-CM readings are not validated here.
    """
    token = normalise(token)
    found: list[Reading] = []
    if catalog.format_regex("cpt-cat1").fullmatch(token):
        found.append(Reading("cpt", token, "cat1", "cpt"))
    elif re.fullmatch(r"\d{4}[FTUM]", token):
        found.append(Reading("cpt", token, _SUFFIX_CATEGORY[token[-1]], "suffixed"))
    elif re.fullmatch(r"\d{3}", token):
        found.append(Reading("ms-drg", token))
    if "." in token:
        if catalog.format_regex("icd10cm").fullmatch(token) and len(token.split(".")[0]) == 3:
            found.append(Reading("icd10cm", token, kind="icd10cm"))
        return found
    if catalog.format_regex("hcpcs").fullmatch(token):
        system = "cdt" if token[0] == "D" else "hcpcs"
        found.append(Reading(system, token, kind="hcpcs"))
    if catalog.format_regex("icd10cm").fullmatch(token) and not token.isdigit():
        found.append(Reading("icd10cm", _dot(token), kind="icd10cm"))
    if catalog.format_regex("icd10pcs").fullmatch(token):
        # All-digit PCS codes exist (0210093), so digits alone stay a reading; callers need context.
        found.append(Reading("icd10pcs", token))
    return found


def _dot(token: str) -> str:
    return token if len(token) <= 3 else f"{token[:3]}.{token[3:]}"


def only_icd_letter(token: str) -> bool:
    """Say whether a letter+digits token starts with a letter HCPCS never uses (F, I, N, O, W-Z)."""
    return bool(token) and token[0] in _NOT_HCPCS_LETTERS


def internal_system(reading: Reading) -> str:
    """Return the catalogue's own system slug (cpt-cat1, cpt-pla ...) for a reading."""
    if reading.system == "cpt":
        return "cpt-cat1" if reading.cpt_category == "cat1" else _SUFFIX_SYSTEM[reading.code[-1]]
    return reading.system
