"""Code systems a post names in words ("ICD-10-CM/PCS", "CPT", "J-codes", "MS-DRG", "HCC").

Literal codes add their own systems in link.py; this module only reads the names. Ambiguous
names are checked against their other meanings: ICD next to device words is the implantable
defibrillator, HCC next to liver words is hepatocellular carcinoma.
"""

from __future__ import annotations

import re

_MENTIONS: list[tuple[str, re.Pattern]] = [
    ("icd10cm", re.compile(r"\bICD-?10(?:-?CM)?(?![-\w]*PCS)\b|\bICD-?10-?CM/PCS\b|\bdiagnosis codes?\b",
                           re.IGNORECASE)),
    ("icd10pcs", re.compile(r"\bICD-?10-?PCS\b|\bICD-?10-?CM\s*/\s*PCS\b|\bPCS\s+codes?\b|\bPCS\s+coding\b")),
    ("cpt", re.compile(r"(?<![A-Za-z0-9-])CPT(?![A-Za-z])|Current Procedural Terminology|\bE/M\b|"
                       r"evaluation and management", re.IGNORECASE)),
    ("hcpcs", re.compile(r"\bHCPCS\b|(?<![A-Za-z0-9-])[JQCGAELK]-codes?\b|\bLevel II codes?\b",
                         re.IGNORECASE)),
    ("cdt", re.compile(r"(?<![A-Za-z0-9-])CDT(?![A-Za-z0-9])|\bD-codes?\b|dental codes?", re.IGNORECASE)),
    ("apr-drg", re.compile(r"\bAPR[- ]?DRGs?\b", re.IGNORECASE)),
    ("ms-drg", re.compile(r"(?<!APR-)(?<!APR )(?<![A-Za-z])(?:MS-?)?DRGs?\b")),
    ("hcc", re.compile(r"(?<![A-Za-z])(?:CMS-|HHS-)?HCCs?\b|hierarchical condition categor", re.IGNORECASE)),
]
_OTHER_MEANING = {
    "icd10cm": re.compile(r"defibrillator|pacemaker", re.IGNORECASE),
    "hcc": re.compile(r"hepatocellular|liver|cirrhosis|carcinoma", re.IGNORECASE),
}
ORDER = ["icd10cm", "icd10pcs", "cpt", "hcpcs", "cdt", "ms-drg", "apr-drg", "hcc"]


def named_systems(text: str) -> dict[str, list[str]]:
    """Return {system slug: [phrases as written]} for every code system named in the text."""
    found: dict[str, list[str]] = {}
    for slug, pattern in _MENTIONS:
        for match in pattern.finditer(text):
            other = _OTHER_MEANING.get(slug)
            if other and other.search(text[max(0, match.start() - 80):match.end() + 80]) \
                    and not re.search(r"\d", match.group(0)):
                continue
            phrases = found.setdefault(slug, [])
            if match.group(0) not in phrases:
                phrases.append(match.group(0))
    return found
