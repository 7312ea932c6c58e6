"""The code catalogue (careercenter/codes/data/catalog.json), loaded once.

Everything else in the linker reads catalogue facts through these functions, so the JSON file is
parsed a single time per process and never written.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

CATALOG_PATH = Path(__file__).resolve().parent.parent / "data" / "catalog.json"


@lru_cache(maxsize=1)
def load_catalog() -> dict:
    """Read and return the catalogue dict; cached, so later calls share one object (do not mutate it)."""
    with CATALOG_PATH.open(encoding="utf-8") as handle:
        return json.load(handle)


@lru_cache(maxsize=1)
def _index() -> dict:
    catalog = load_catalog()
    return {
        "systems": {s["slug"]: s for s in catalog["code_systems"]},
        "credentials": {c["code"]: c for c in catalog["credentials"]},
        "settings": {s["slug"]: s for s in catalog["settings"]},
        "specialties": {s["slug"]: s for s in catalog["specialties"]},
        "hcpcs_sections": {s["slug"]: s for s in catalog["hcpcs_sections"]},
        "cpt_sections": {s["slug"]: s for s in catalog["cpt_sections"]},
    }


def code_system(slug: str) -> dict | None:
    """Return the code-system entry (format regex, notes ...) for a slug such as 'cpt-cat1'."""
    return _index()["systems"].get(slug)


@lru_cache(maxsize=None)
def format_regex(slug: str) -> re.Pattern | None:
    """Return the compiled, anchored format regex of a code system, or None when it has none (HCC)."""
    system = code_system(slug)
    if not system or not system.get("format_regex"):
        return None
    return re.compile(system["format_regex"])


def credential(code: str) -> dict | None:
    """Return the credential entry for an exact code such as 'CPC-A'."""
    return _index()["credentials"].get(code)


def credentials() -> list[dict]:
    """Return every credential entry, in catalogue order."""
    return load_catalog()["credentials"]


def setting(slug: str) -> dict | None:
    """Return one setting entry by slug."""
    return _index()["settings"].get(slug)


def settings() -> list[dict]:
    """Return every setting entry, in catalogue order."""
    return load_catalog()["settings"]


def specialty(slug: str) -> dict | None:
    """Return one specialty entry by slug."""
    return _index()["specialties"].get(slug)


def specialties() -> list[dict]:
    """Return every specialty entry, in catalogue order."""
    return load_catalog()["specialties"]


def cpt_sections() -> list[dict]:
    """Return the CPT Category I sections with their subsections."""
    return load_catalog()["cpt_sections"]


def cpt_section(slug: str) -> dict | None:
    """Return one CPT section by slug ('surgery', 'medicine' ...)."""
    return _index()["cpt_sections"].get(slug)


def icd10cm_chapters() -> list[dict]:
    """Return the ICD-10-CM chapters with their category ranges."""
    return load_catalog()["icd10cm_chapters"]


def hcpcs_sections() -> list[dict]:
    """Return the HCPCS Level II sections (letters A, J, L and V are split into several)."""
    return load_catalog()["hcpcs_sections"]


def hcpcs_section(slug: str) -> dict | None:
    """Return one HCPCS section by slug ('j-chemotherapy' ...)."""
    return _index()["hcpcs_sections"].get(slug)


def pcs_section_name(first_char: str) -> str | None:
    """Return the ICD-10-PCS section name for a code's first character, or None."""
    for section in code_system("icd10pcs").get("sections", []):
        if section["char"] == first_char:
            return section["name"]
    return None
