"""The linker: ties a job post's text to the code catalogue (settings, specialties, credentials,
code systems and literal codes). Pure Python: no Flask, no database, no network.

Public entry points:
    link_post(post, icd10cm_lookup=None) -> dict
    describe_code(code, icd10cm_lookup=None) -> dict | None
    specialties_for_code(code, icd10cm_lookup=None) -> list[dict]
"""

from .describe import describe_code, specialties_for_code
from .link import link_post

__all__ = ["describe_code", "link_post", "specialties_for_code"]
