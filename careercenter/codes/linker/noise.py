"""Numbers in a post that look like codes but are not: pay, ZIP codes, phone numbers, street
numbers, requisition/job IDs and counts.

`noise_spans` marks whole stretches of text to skip (formatted amounts, phone numbers), and
`is_noise_number` judges one bare number from the words right around it.
"""

from __future__ import annotations

import re

US_STATES = {
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
    "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
    "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
    "WI", "WY", "DC", "PR", "VI", "GU",
}
_STATE_NAMES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|"
    "Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|"
    "Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|"
    "New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|"
    "Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|"
    "West Virginia|Wisconsin|Wyoming|Puerto Rico"
)

# Formatted amounts and phone numbers are skipped as a whole, so their digit groups never reach
# the code finder one by one ("$60,000" must not yield "000", "555-867-5309" not "5309").
_SPANS = [
    re.compile(r"(?:[$€£₹]|\b(?:USD|INR|EUR|GBP|Rs\.?)\s?)\s?\d[\d,]*(?:\.\d+)?\s*(?:[kKmM]\b)?"),
    re.compile(r"\b\d{1,3}(?:,\d{3})+(?:\.\d+)?\b"),  # 62,000 visits; 40,298
    re.compile(r"\b\d+\.\d+\b"),  # 54.72, 4.8
    re.compile(r"(?:\+?1[\s.-]?)?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b"),  # (555) 123-4567
    re.compile(r"\b\d{3}[.-]\d{4}\b"),  # 867-5309
    re.compile(r"\b\d{5}-\d{4}\b"),  # ZIP+4
    re.compile(r"\b\d+\s*(?:k|K)\b"),  # 60k
    re.compile(r"\b\d+\s*%"),
]

_BEFORE_MONEY = re.compile(
    r"(?:salary|salaries|pay|paid|compensation|bonus|wage|wages|stipend|income|earn(?:ing)?s?|"
    r"rate|budget|allowance|USD|INR|dollars)\s*(?:range|of|is|:|from|up to|between|starts? at|-|–)?\s*$",
    re.IGNORECASE,
)
_AFTER_MONEY = re.compile(
    r"^\s*(?:/\s*(?:hr|hour|h|yr|year|annum|mo|month|wk|week)\b|per\s+(?:hour|year|annum|month|week)\b|"
    r"an?\s+(?:hour|year|month)\b|annually\b|yearly\b|hourly\b|USD\b|dollars\b|salary\b|base\b|"
    r"to\s+\$)",
    re.IGNORECASE,
)
# A state abbreviation counts only after "City," or a capitalised word, so "27447 OR 27446" stays.
_BEFORE_ZIP = re.compile(
    rf"(?:(?:,\s*|\b[A-Z][a-z]+\.?\s+)(?:{'|'.join(sorted(US_STATES))})|\b(?:{_STATE_NAMES}))\s*,?\s*$",
)
_BEFORE_ZIP_WORD = re.compile(r"(?:zip(?:\s*code)?|postal\s*code)\s*[,:#]?\s*$", re.IGNORECASE)
_BEFORE_ID = re.compile(
    r"(?:\breq(?:uisition)?|\bjob\s*(?:id|code|number|no\.?|#)|\bposting\s*(?:id|number|#)?|"
    r"\breference|\bref\.?|\bid|\bsuite|\bste\.?|\bunit|\broom|\bbox|\bbuilding|\bbldg\.?|"
    r"\bext\.?|\bextension|\bphone|\bcall|\btel\.?|\bfax|\btext|\bemployee|\bgrade|\bstep|\bseries)"
    r"\s*(?:number|no\.?|#|:|-)?\s*#?\s*$",
    re.IGNORECASE,
)
_AFTER_STREET = re.compile(
    r"^\s+(?:[NSEW]\.?\s+)?(?:[A-Z][\w'.]*\s+){1,3}(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Dr|"
    r"Drive|Ln|Lane|Way|Pkwy|Parkway|Ct|Court|Pl|Place|Hwy|Highway|Cir|Circle|Ter|Terrace|Trail|Pike)\b",
)
_AFTER_COUNT = re.compile(
    r"^\s+(?:visits|patients|members|employees|staff|beds|lives|charts|encounters|claims|providers|"
    r"physicians|clinicians|people|users|hours|miles|square|sq\.?|students|records|discharges|"
    r"cases|admissions|ft)\b",
    re.IGNORECASE,
)


def noise_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of formatted amounts, percentages, phone numbers and ZIP+4 codes."""
    spans: list[tuple[int, int]] = []
    for pattern in _SPANS:
        spans.extend(match.span() for match in pattern.finditer(text))
    return sorted(spans)


def in_spans(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Say whether [start, end) overlaps any of the spans."""
    return any(s < end and start < e for s, e in spans)


def is_noise_number(text: str, start: int, end: int) -> bool:
    """Judge a bare number at text[start:end] from its neighbours: pay, ZIP, ID, street, count.

    Reads the 40 characters before and after; has no side effects.
    """
    before = text[max(0, start - 40):start]
    after = text[end:end + 40]
    if before.rstrip().endswith(("$", "#", "€", "£", "₹")):
        return True
    if after[:1] in ("k", "K") and not after[1:2].isalnum():
        return True
    if _BEFORE_MONEY.search(before) or _AFTER_MONEY.search(after):
        return True
    if _BEFORE_ZIP.search(before) or _BEFORE_ZIP_WORD.search(before):
        return True
    if _BEFORE_ID.search(before):
        return True
    if _AFTER_STREET.search(after) or _AFTER_COUNT.search(after):
        return True
    return False
