"""link_post: a job post in, its links to the catalogue out (settings, specialties, credentials,
code systems, codes).

Signals are combined here. A structured field chosen by the employer outweighs everything; a
credential or a title keyword outweighs body keywords; a code mention counts least, because one
code says little about the job (a pro-fee orthopedic post still lists E/M codes).
"""

from __future__ import annotations

import re

from . import catalog, keywords, systems
from .codes import describe_found, find_codes
from .credentials import find_credentials
from .placement import ranked_specialties

STRUCTURED_WEIGHT = 5.0
SETTING_MIN_SCORE = 1.0
SETTING_MIN_SHARE = 0.3  # of the best setting's score, capped at SETTING_SHARE_CAP
SETTING_SHARE_CAP = 6.0
SETTING_FALLBACK_MIN = 0.4  # a preferred credential alone, when nothing else names a setting  # a post piling up words for one setting must not hide a second one
UMBRELLA_MIN_SHARE = 0.6
SPECIALTY_MIN_SCORE = 2.0
SPECIALTY_MIN_SHARE = 0.35
SPECIALTY_MIN_WORDS = 1.0  # specialties need some evidence besides codes ...
SPECIALTY_CODES_ALONE = 3.0  # ... unless the codes alone say it loudly

# Settings that name a department or a whole function many coding jobs sit in; they are kept
# only when the post is mainly about them.
UMBRELLA_SETTINGS = {"him", "billing-revenue-cycle"}
# A title naming coding work makes HIM words in it a job series or department, not the job.
_CODING_ROLE = re.compile(r"\b(?:coders?|coding|CDIS?|documentation|auditor|registrar|biller)\b", re.IGNORECASE)
HOSPITAL_EMPLOYERS = {"hospital", "health-system", "federal"}
EMPLOYER_SETTING = {"physician-group": "professional-fee", "asc": "ambulatory-surgery",
                    "ambulatory-surgery-center": "ambulatory-surgery"}


def _credential_weight(entry: dict, for_settings: bool) -> float:
    if entry["in_title"]:
        return 1.5 if for_settings else 3.0
    base = {True: 1.0, None: 0.6, False: 0.4}[entry["required"]]
    if not for_settings:
        base *= 2.0
    return base * (entry["share"] or 1.0)


def _add(scores: dict, slug: str, weight: float, evidence: str, kind: str = "words") -> None:
    entry = scores.setdefault(slug, {"score": 0.0, "words": 0.0, "codes": 0.0, "title": False,
                                     "evidence": []})
    entry["score"] += weight
    entry[kind] += weight
    if evidence not in entry["evidence"]:
        entry["evidence"].append(evidence)


def _add_keywords(scores: dict, kind: str, title: str, body: str) -> None:
    for slug, found in keywords.score_hits(keywords.find_hits(kind, title, body)).items():
        entry = scores.setdefault(slug, {"score": 0.0, "words": 0.0, "codes": 0.0, "title": False,
                                         "evidence": []})
        entry["score"] += found["score"]
        entry["words"] += found["score"]
        entry["title"] = entry["title"] or found["title"]
        entry["evidence"].extend(p for p in found["evidence"] if p not in entry["evidence"])


def _structured(post: dict, field: str) -> list[str]:
    value = post.get(field) or []
    return [value] if isinstance(value, str) else [str(v) for v in value]


def _score_settings(post: dict, title: str, body: str, creds: list[dict]) -> dict:
    scores: dict[str, dict] = {}
    _add_keywords(scores, "settings", title, body)
    for entry in creds:
        for slug in catalog.credential(entry["code"]).get("settings", []):
            _add(scores, slug, _credential_weight(entry, True), entry["code"])
    employer_slug = EMPLOYER_SETTING.get(str(post.get("employer_type") or "").lower())
    if employer_slug:
        _add(scores, employer_slug, 1.0, f"employer type {post['employer_type']}")
    if str(post.get("employer_type") or "").lower() in HOSPITAL_EMPLOYERS:
        # A hospital's own CPT/HCPCS coding is the outpatient facility claim.
        named = systems.named_systems(f"{title}\n{body}")
        if "cpt" in named or "hcpcs" in named:
            _add(scores, "outpatient-facility", 0.5, "hospital employer coding CPT/HCPCS")
    for slug in _structured(post, "settings"):
        if catalog.setting(slug):
            _add(scores, slug, STRUCTURED_WEIGHT, "chosen by employer")
    return scores


def _pick_settings(scores: dict, title: str) -> list[dict]:
    if not scores:
        return []
    best = min(SETTING_SHARE_CAP, max(entry["score"] for entry in scores.values()))
    coding_title = bool(_CODING_ROLE.search(title))
    picked = []
    for slug, entry in scores.items():
        if entry["score"] < SETTING_MIN_SCORE or entry["score"] < SETTING_MIN_SHARE * best:
            continue
        chosen = "chosen by employer" in entry["evidence"]
        if slug in UMBRELLA_SETTINGS and not chosen:
            if slug == "him" and coding_title:
                continue
            if not entry["title"] and entry["score"] < UMBRELLA_MIN_SHARE * best:
                continue
        picked.append({"slug": slug, "score": round(entry["score"], 2), "evidence": entry["evidence"]})
    if not picked:
        # Every coding job happens somewhere: with only weak signals, keep the strongest one.
        slug, entry = max(scores.items(), key=lambda pair: pair[1]["score"])
        if entry["score"] >= SETTING_FALLBACK_MIN and not (slug == "him" and coding_title):
            picked.append({"slug": slug, "score": round(entry["score"], 2), "evidence": entry["evidence"]})
    return sorted(picked, key=lambda item: -item["score"])


def _score_specialties(post: dict, title: str, body: str, creds: list[dict], found_codes: list) -> dict:
    scores: dict[str, dict] = {}
    _add_keywords(scores, "specialties", title, body)
    for entry in creds:
        for slug in catalog.credential(entry["code"]).get("specialties", []):
            _add(scores, slug, _credential_weight(entry, False), entry["code"])
    for item in found_codes:
        ranked = ranked_specialties(item.reading)
        if not ranked:
            continue
        narrowest = ranked[0][1]
        # Procedures and supplies say more about a specialty than diagnoses, which many share.
        top, rest = (0.5, 0.1) if item.reading.system == "icd10cm" else (1.0, 0.25)
        for slug, width in ranked:
            _add(scores, slug, top if width == narrowest else rest, item.reading.code, "codes")
    for slug in _structured(post, "specialties"):
        if catalog.specialty(slug):
            _add(scores, slug, STRUCTURED_WEIGHT, "chosen by employer")
    return scores


def _pick_specialties(scores: dict) -> list[dict]:
    if not scores:
        return []
    best = max(entry["score"] for entry in scores.values())
    picked = []
    for slug, entry in scores.items():
        if entry["score"] < SPECIALTY_MIN_SCORE or entry["score"] < SPECIALTY_MIN_SHARE * best:
            continue
        if entry["words"] < SPECIALTY_MIN_WORDS and entry["codes"] < SPECIALTY_CODES_ALONE:
            continue
        picked.append({"slug": slug, "score": round(entry["score"], 2), "evidence": entry["evidence"]})
    return sorted(picked, key=lambda item: -item["score"])


def _code_systems(text: str, codes_out: list[dict]) -> list[str]:
    named = set(systems.named_systems(text))
    for item in codes_out:
        named.add(item["system"])
    return [slug for slug in systems.ORDER if slug in named]


def link_post(post: dict, icd10cm_lookup=None) -> dict:
    """Link one post to the catalogue and return a JSON-serialisable dict.

    `post` needs `title` and `description`; optional structured fields (`settings`,
    `specialties`, `credentials`, `employer_type` ...) are taken into account. `icd10cm_lookup`
    is a code -> bool/description callable used to validate ICD-10-CM codes (default: the
    simple_icd_10_cm package). Pure: reads the catalogue, writes nothing.
    """
    title = str(post.get("title") or "")
    body = str(post.get("description") or "")
    text = f"{title}\n{body}"

    creds = find_credentials(text, title_length=len(title))
    known = {entry["code"] for entry in creds}
    for code in _structured(post, "credentials"):
        if catalog.credential(code) and code not in known:
            creds.append({"code": code, "required": None, "evidence": ["chosen by employer"],
                          "share": 1.0, "in_title": False})

    found = find_codes(text, icd10cm_lookup)
    codes_out = [describe_found(item) for item in found]

    return {
        "settings": _pick_settings(_score_settings(post, title, body, creds), title),
        "specialties": _pick_specialties(_score_specialties(post, title, body, creds, found)),
        "credentials": [{"code": c["code"], "required": c["required"], "evidence": c["evidence"]}
                        for c in creds],
        "code_systems": _code_systems(text, codes_out),
        "codes": codes_out,
    }
