"""ICD-10-CM spelling and validation.

Posts write ICD-10-CM codes with or without the dot (M17.11 / M1711). The linker always reports
the dotted form and checks codes against the full code list, either through a caller-supplied
lookup or, by default, the `simple_icd_10_cm` package (imported on first use only).
"""

from __future__ import annotations

import re
import warnings
from functools import lru_cache
from typing import Callable

from . import catalog

Lookup = Callable[[str], object]


def bare(code: str) -> str:
    """Return the code upper-cased without its dot (the form used for comparisons)."""
    return code.replace(".", "").strip().upper()


def dotted(code: str) -> str:
    """Return the code in its dotted spelling: M1711 -> M17.11, E11 -> E11."""
    plain = bare(code)
    return plain if len(plain) <= 3 else f"{plain[:3]}.{plain[3:]}"


def has_icd10cm_shape(code: str) -> bool:
    """Say whether the string has the ICD-10-CM format (3-7 characters, dot optional)."""
    return bool(catalog.format_regex("icd10cm").fullmatch(code.strip().upper()))


@lru_cache(maxsize=1)
def _package():
    try:
        with warnings.catch_warnings():
            # The package reads its data through a deprecated importlib API at import time.
            warnings.simplefilter("ignore", DeprecationWarning)
            import simple_icd_10_cm
    except ImportError:  # pragma: no cover - depends on the environment
        return None
    return simple_icd_10_cm


def default_lookup(code: str) -> str | bool:
    """Return the description of a valid ICD-10-CM code (any level), or False.

    Uses `simple_icd_10_cm`; when that package is missing, falls back to the format check alone
    (returns True for well-formed codes), so linking still works without validation.
    """
    package = _package()
    if package is None:
        return has_icd10cm_shape(code)
    key = dotted(code)
    if not package.is_valid_item(key):
        return False
    return package.get_description(key) or True


def make_validator(lookup: Lookup | None) -> Callable[[str], bool]:
    """Wrap a code -> bool/description lookup into a cached predicate on dotted codes."""
    source = lookup or default_lookup

    @lru_cache(maxsize=4096)
    def is_valid(code: str) -> bool:
        if not has_icd10cm_shape(code):
            return False
        try:
            return bool(source(dotted(code)))
        except (KeyError, ValueError):
            return False

    return is_valid


_TRUNCATED = re.compile(r"^([A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,3})?)\.?-$")


def truncated_stem(text: str) -> str | None:
    """Return the stem of a truncated code written with a trailing dash (E11.- -> E11), else None."""
    match = _TRUNCATED.match(text.strip().upper())
    return match.group(1) if match else None
