"""Match setting and specialty keywords in a post and weigh each match.

Keywords come from the catalogue, plus a few linker phrases below. Phrases match without regard
to case on word boundaries (a plural "s" allowed); all-capital acronyms match only in capitals,
so "air", "tips" and "meat" in prose never count. Multi-word phrases weigh more than acronyms,
and a match in the title weighs three times a match in the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import catalog

TITLE_FACTOR = 3.0
PHRASE_WEIGHT = 1.0
WORD_WEIGHT = 0.5
CONTEXT_WEIGHT = 0.25

# Linker phrases added to the catalogue keywords: common ways posts name the same work.
EXTRA_SETTING_KEYWORDS = {
    "inpatient-facility": ["inpatient", "inpatient facility", "acute care", "DRG assignment"],
    "outpatient-facility": ["outpatient", "facility coding", "facility side", "facility-side",
                            "outpatient facility"],
    "professional-fee": ["professional services", "professional coding", "professional side",
                         "professional billing", "professional charges", "physician practice",
                         "physician billing"],
    "billing-revenue-cycle": ["RCM", "revenue cycle management", "billing", "claim submission",
                              "charge entry", "biller"],
    "auditing-compliance": ["audit", "auditor", "auditing"],
    "cancer-registry": ["registrar", "registry"],
    "payment-integrity": ["claims accuracy", "overpayment", "recovery"],
}
EXTRA_SPECIALTY_KEYWORDS = {
    "hematology-oncology": ["oncology", "chemotherapy"],
    "anesthesia-pain": ["anesthesia"],
    "orthopedics": ["orthopedic", "orthopaedics"],
    "cardiology": ["cardiology", "cardiac"],
    "interventional-radiology": ["IR"],
    "emergency-medicine": ["emergency department", "ED coder"],
}
# Words that describe the department or a colleague more often than the work itself.
CONTEXT_KEYWORDS = {
    "HIM", "health information management", "revenue cycle", "denials", "compliance",
    "health plan", "telehealth", "observation", "MRT", "medical records technician", "CDS",
    "recovery", "billing", "trauma", "echo", "MAC", "ROI", "AIR", "TIPS", "IR",
    "critical care", "CDI specialist", "NCCI edits", "oncology", "cardiac", "registry", "anesthesia",
}
# The bare words "inpatient"/"outpatient" count only before a noun naming coding work, so
# "inpatient, outpatient and professional claims" in a payer post does not make it a facility job.
_WORK_NOUN = re.compile(
    r"^(?:[\s/-]+(?:and\s+|or\s+)?(?:in|out)patient)?[\s/-]*(?:acute[\s-]care\s+)?"
    r"(?:stays?|records?|encounters?|coding|coder|cases?|admissions?|visits?|charts?|services?|"
    r"facility|hospital|experience|documentation|setting|side|surgery|procedures?)\b",
    re.IGNORECASE,
)
_SKIP_NEAR = {
    "HCC": re.compile(r"hepatocellular|liver|cirrhosis|carcinoma", re.IGNORECASE),
    "MAC": re.compile(r"contractor|jurisdiction|Noridian|Palmetto|Novitas|\bLCDs?\b|macOS|Apple", re.IGNORECASE),
    "ROI": re.compile(r"return on investment|investment|business case|financial", re.IGNORECASE),
    "CTR": re.compile(r"click|campaign|marketing|impressions", re.IGNORECASE),
    "ICD": re.compile(r"defibrillator|pacemaker|implant|device", re.IGNORECASE),
}


@dataclass(frozen=True)
class Hit:
    """One keyword match: the target slug, the phrase as written, where, and its weight."""

    target: str
    phrase: str
    start: int
    end: int
    in_title: bool
    weight: float
    written: str


def _is_acronym(phrase: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", phrase)
    return bool(letters) and letters.isupper() and " " not in phrase and len(phrase) <= 8


def compile_phrase(phrase: str) -> re.Pattern:
    """Compile a keyword: acronyms case-sensitive, phrases not; whole words, optional plural."""
    body = re.escape(phrase).replace(r"\ ", r"[\s-]+")
    plural = "(?:s|es)?" if phrase[-1].isalpha() else ""
    flags = 0 if _is_acronym(phrase) else re.IGNORECASE
    return re.compile(rf"(?<![A-Za-z0-9]){body}{plural}(?![A-Za-z0-9]|-[A-Za-z])", flags)


def base_weight(phrase: str) -> float:
    """Return the body weight of a keyword: context words least, then single words, then phrases."""
    if phrase in CONTEXT_KEYWORDS:
        return CONTEXT_WEIGHT
    if " " in phrase or (not _is_acronym(phrase) and len(phrase) > 12):
        return PHRASE_WEIGHT
    return WORD_WEIGHT


@lru_cache(maxsize=2)
def _table(kind: str) -> list[tuple[str, str, re.Pattern]]:
    """(slug, phrase, pattern) for every keyword of settings or specialties, longest first."""
    entries = catalog.settings() if kind == "settings" else catalog.specialties()
    extra = EXTRA_SETTING_KEYWORDS if kind == "settings" else EXTRA_SPECIALTY_KEYWORDS
    rows = []
    for entry in entries:
        for phrase in [*entry.get("keywords", []), *extra.get(entry["slug"], [])]:
            rows.append((entry["slug"], phrase, compile_phrase(phrase)))
    rows.sort(key=lambda row: -len(row[1]))
    return rows


def find_hits(kind: str, title: str, body: str) -> list[Hit]:
    """Return keyword hits for 'settings' or 'specialties' in the title and body.

    Overlapping matches keep the longest phrase, but a span may count for several slugs that
    share the same phrase. Pure function.
    """
    hits: list[Hit] = []
    for in_title, text in ((True, title or ""), (False, body or "")):
        claimed: list[tuple[int, int, str]] = []
        for slug, phrase, pattern in _table(kind):
            for match in pattern.finditer(text):
                start, end = match.span()
                if any(s < end and start < e and p != phrase for s, e, p in claimed):
                    continue
                if not _plausible(phrase, text, start, end, in_title):
                    continue
                claimed.append((start, end, phrase))
                weight = base_weight(phrase) * (TITLE_FACTOR if in_title else 1.0)
                hits.append(Hit(slug, phrase, start, end, in_title, weight, match.group(0)))
    return hits


def _plausible(phrase: str, text: str, start: int, end: int, in_title: bool) -> bool:
    checker = _SKIP_NEAR.get(phrase)
    if checker and checker.search(text[max(0, start - 80):end + 80]):
        return False
    if phrase.lower() in ("inpatient", "outpatient") and not in_title:
        return bool(_WORK_NOUN.match(text[end:end + 60]))
    return True


def score_hits(hits: list[Hit]) -> dict[str, dict]:
    """Sum hits per slug: each distinct phrase counts once, repeats add a little.

    Returns {slug: {"score": float, "title": bool, "evidence": [phrases]}}.
    """
    per_phrase: dict[tuple[str, str], list[Hit]] = {}
    for hit in hits:
        per_phrase.setdefault((hit.target, hit.phrase.lower()), []).append(hit)
    totals: dict[str, dict] = {}
    for (slug, _), group in per_phrase.items():
        best = max(h.weight for h in group)
        repeats = min(len(group), 3) - 1
        entry = totals.setdefault(slug, {"score": 0.0, "title": False, "evidence": []})
        entry["score"] += best * (1 + 0.25 * repeats)
        entry["title"] = entry["title"] or any(h.in_title for h in group)
        written = group[0].written
        if written not in entry["evidence"]:
            entry["evidence"].append(written)
    return totals
