"""Find the literal codes written in a post and decide which code set each one belongs to.

Shape alone is trusted only where it is unambiguous (dotted ICD-10-CM, nnnnF/T/U, letters HCPCS
never uses). Bare numbers, letter+4-digit strings and 7-character strings are settled by the
words around them, and every number next to pay, ZIP, phone, ID or count words is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from . import catalog, icd10, noise, placement, ranges
from .shapes import Reading, only_icd_letter, readings

# Upper-case tokens only: codes are written in capitals, and this keeps words like "id" out.
_TOKEN = re.compile(r"(?<![A-Za-z0-9])([A-Z0-9]{3,7}(?:\.(?:[A-Z0-9]{1,4}|-))?(?:-(?![A-Za-z0-9]))?)(?![A-Za-z0-9])")
_DRG = re.compile(r"\b(APR[- ]?)?(?:MS-?)?DRGs?\s*(?:#|no\.?|code|codes)?\s*(\d{3})\b((?:\s*(?:,|and|or)\s*\d{3}\b)*)",
                  re.IGNORECASE)

_ICD_WORDS = re.compile(r"ICD|diagnos|\bdx\b|\bPDX\b|\bSDX\b|condition|\bHCCs?\b|chapter", re.IGNORECASE)
_HCPCS_WORDS = re.compile(
    r"HCPCS|\b[JQCGAEKLSTV]-?codes?\b|\bdrugs?\b|suppl(?:y|ies)|\bDME\b|device|bracing|brace|"
    r"orthotic|prosthe|units\b|biosimilar|injectable|level II",
    re.IGNORECASE,
)
_DENTAL_WORDS = re.compile(r"\bCDT\b|dental|dentist|tooth|teeth|\bD-codes?\b|\bADA\b|oral surg|periodont",
                           re.IGNORECASE)
_PCS_WORDS = re.compile(r"ICD-?10-?PCS|\bPCS\b|procedure codes?|root operation|inpatient procedure",
                        re.IGNORECASE)
_CODE_WORDS = re.compile(r"\bCPT\b|\bcod(?:es?|ing|ers?)\b|E/M|HCPCS|modifier|ICD", re.IGNORECASE)
_HCC_MODEL = re.compile(r"HCC|\bmodel\b|version|RAF", re.IGNORECASE)
_CODE_WORD = re.compile(r"\bcodes?\b", re.IGNORECASE)
# Three-character strings that are valid categories but, in posts, usually something else:
# N95 masks, ANSI X12 837 transactions, vitamin B12, form names.
_NOT_A_DIAGNOSIS = re.compile(r"mask|respirator|\bEDI\b|ANSI|transaction|\b83[57][IP]?\b|vitamin|\bform\b",
                              re.IGNORECASE)
_MAAA_WORDS = re.compile(r"MAAA|multianalyte|CPT|\bPLA\b", re.IGNORECASE)


@dataclass
class Found:
    """A code located in the text, with its reading and where it was written."""

    reading: Reading
    start: int
    end: int
    truncated: bool = False


def _window(text: str, start: int, end: int, before: int = 90, after: int = 60) -> str:
    """Return the words around a token, cut at line breaks so list items do not leak."""
    left = text[max(0, start - before):start].rsplit("\n", 1)[-1]
    right = text[end:end + after].split("\n", 1)[0]
    return f"{left} {right}"


def _count(pattern: re.Pattern, text: str) -> int:
    return len(pattern.findall(text))


def _distance(pattern: re.Pattern, text: str, start: int, end: int) -> int | None:
    """Return how many characters separate the token from the nearest match of `pattern`
    within its line (90 characters back, 60 ahead), or None when there is none."""
    line_start = max(text.rfind("\n", 0, start) + 1, start - 90)
    line_end = text.find("\n", end)
    line_end = min(len(text) if line_end < 0 else line_end, end + 60)
    best = None
    for match in pattern.finditer(text, line_start, line_end):
        gap = start - match.end() if match.end() <= start else match.start() - end
        if gap >= 0 and (best is None or gap < best):
            best = gap
    return best


def _choose_letter_code(options: list[Reading], text: str, start: int, end: int, valid_icd) -> Reading | None:
    """Settle a letter+4-digit token (J9312): HCPCS/CDT or undotted ICD-10-CM, by the nearest
    diagnosis, HCPCS or dental words in its line."""
    icd = next((r for r in options if r.system == "icd10cm"), None)
    level2 = next((r for r in options if r.system in ("hcpcs", "cdt")), None)
    icd_ok = icd is not None and valid_icd(icd.code)
    if level2 is None:
        return icd if icd_ok else None
    icd_gap = _distance(_ICD_WORDS, text, start, end) if icd_ok else None
    other_words = _DENTAL_WORDS if level2.system == "cdt" else _HCPCS_WORDS
    other_gap = _distance(other_words, text, start, end)
    if icd_gap is not None and (other_gap is None or icd_gap < other_gap):
        return icd
    if other_gap is not None or not icd_ok or _in_section_range(level2.code):
        return level2
    return icd


def _in_section_range(code: str) -> bool:
    return any(ranges.contains("hcpcs", lo, hi, code)
               for section in catalog.hcpcs_sections() for lo, hi in section["ranges"])


def _choose(token: str, text: str, start: int, end: int, doc_has_code_words: bool,
            valid_icd: Callable[[str], bool]) -> Reading | None:
    options = readings(token)
    if not options:
        return None
    around = _window(text, start, end)
    first = options[0]
    if token.isdigit() and len(token) == 5:
        # A bare five-digit number is CPT only in a coding post and only if it lands in a section.
        if not doc_has_code_words or noise.is_noise_number(text, start, end):
            return None
        return first if placement.place(first)["section"] else None
    if re.fullmatch(r"\d{4}[FTUM]", token):
        if noise.is_noise_number(text, start, end):
            return None
        if token.endswith("M") and not (_MAAA_WORDS.search(around) or "0002" <= token[:4] <= "0018"):
            return None
        return first
    if token.isdigit():
        if len(token) == 7 and _PCS_WORDS.search(around) and not noise.is_noise_number(text, start, end):
            return next((r for r in options if r.system == "icd10pcs"), None)
        return None  # 3-digit DRGs are found by _DRG; other bare numbers are not codes
    if "." in token:
        return first if first.system == "icd10cm" and valid_icd(first.code) else None
    if len(token) == 5 and token[0].isalpha() and token[1:].isdigit():
        return _choose_letter_code(options, text, start, end, valid_icd)
    if len(token) == 7:
        pcs = next((r for r in options if r.system == "icd10pcs"), None)
        icd = next((r for r in options if r.system == "icd10cm"), None)
        if pcs and _PCS_WORDS.search(around) and any(c.isdigit() for c in token):
            if not (icd and valid_icd(icd.code) and _count(_ICD_WORDS, around) > _count(_PCS_WORDS, around)):
                return pcs
        return icd if icd and valid_icd(icd.code) else None
    icd = next((r for r in options if r.system == "icd10cm"), None)
    if icd is None or not valid_icd(icd.code):
        return None
    if len(token) == 3:
        # A bare category needs diagnosis or code words nearby; V24/V28 near HCC words are models.
        if token.startswith("V") and _HCC_MODEL.search(around):
            return None
        if _NOT_A_DIAGNOSIS.search(around):
            return None
        if not (_ICD_WORDS.search(around) or _CODE_WORD.search(around)):
            return None
        return icd
    # Undotted 4-6 characters (E119, N184): accept with diagnosis context or a non-HCPCS letter.
    if only_icd_letter(token) or _ICD_WORDS.search(around):
        return icd
    return None


def find_codes(text: str, icd10cm_lookup=None) -> list[Found]:
    """Return the codes written in `text`, in order of first appearance, one entry per code.

    `icd10cm_lookup` is a code -> bool/description callable used to validate ICD-10-CM codes
    (default: the simple_icd_10_cm package). Pure function: no I/O beyond that lookup.
    """
    valid_icd = icd10.make_validator(icd10cm_lookup)
    skip = noise.noise_spans(text)
    doc_has_code_words = bool(_CODE_WORDS.search(text))
    found: dict[tuple[str, str], Found] = {}

    for match in _TOKEN.finditer(text):
        raw = match.group(1)
        start, end = match.span(1)
        if noise.in_spans(skip, start, end):
            continue
        stem = icd10.truncated_stem(raw)
        if stem is not None:
            if valid_icd(stem):
                reading = Reading("icd10cm", icd10.dotted(stem), kind="icd10cm")
                found.setdefault((reading.system, reading.code), Found(reading, start, end, truncated=True))
            continue
        token = raw.rstrip("-")
        reading = _choose(token, text, start, start + len(token), doc_has_code_words, valid_icd)
        if reading is not None:
            found.setdefault((reading.system, reading.code), Found(reading, start, end))

    for match in _DRG.finditer(text):
        system = "apr-drg" if match.group(1) else "ms-drg"
        numbers = [match.group(2)] + re.findall(r"\d{3}", match.group(3) or "")
        for number in numbers:
            if number != "000":
                reading = Reading(system, number)
                found.setdefault((system, number), Found(reading, match.start(), match.end()))
    return sorted(found.values(), key=lambda f: f.start)


def describe_found(item: Found) -> dict:
    """Return the output dict of one found code: code, system, section, subsection, specialties."""
    reading = item.reading
    place = placement.place(reading)
    out = {
        "code": reading.code,
        "system": reading.system,
        "section": place["section"],
        "subsection": place["subsection"],
        "specialties": [slug for slug, _ in placement.ranked_specialties(reading)],
    }
    if reading.system == "cpt":
        out["cpt_category"] = reading.cpt_category
    if reading.system == "cdt":
        out["also"] = ["hcpcs"]  # CDT is the D section of HCPCS Level II
    if item.truncated:
        out["truncated"] = True
    return out
