"""Range arithmetic for catalogue ranges: is a code inside [lo, hi], and how wide is the range.

Each code family orders differently (see the catalogue's range conventions), so every function
takes a `kind`: 'cpt' (5-digit Category I), 'suffixed' (nnnnF/T/U/M), 'hcpcs' (letter + 4 digits,
CDT included) or 'icd10cm'. Width is only compared within one kind, to find the narrowest match.
"""

from __future__ import annotations

_BASE36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ICD_LENGTH = 7


def _icd_key(code: str, pad: str) -> int:
    # Pad to the full 7 positions so a category bound ("E11") spans all codes below it.
    text = code.replace(".", "").upper().ljust(_ICD_LENGTH, pad)[:_ICD_LENGTH]
    value = 0
    for char in text:
        value = value * 36 + _BASE36.index(char)
    return value


def contains(kind: str, lo: str, hi: str, code: str) -> bool:
    """Say whether `code` falls inside the inclusive range [lo, hi] of the given kind."""
    if kind == "cpt":
        return lo <= code <= hi  # equal-length digit strings order like numbers
    if kind in ("suffixed", "hcpcs"):
        if kind == "suffixed" and not (lo[-1] == hi[-1] == code[-1]):
            return False
        if kind == "hcpcs" and not (lo[0] <= code[0] <= hi[0]):
            return False
        return lo <= code <= hi
    if kind == "icd10cm":
        bare = code.replace(".", "").upper()
        low, high = lo.replace(".", ""), hi.replace(".", "")
        # Cut the code to each bound's length: E11.9 is inside [E11, E11].
        return low <= bare[: len(low)] and bare[: len(high)] <= high
    raise ValueError(f"unknown range kind {kind!r}")


def width(kind: str, lo: str, hi: str) -> int:
    """Return how many positions the range covers; smaller means narrower (more specific)."""
    if kind == "cpt":
        return int(hi) - int(lo) + 1
    if kind == "suffixed":
        return int(hi[:4]) - int(lo[:4]) + 1
    if kind == "hcpcs":
        letters = ord(hi[0]) - ord(lo[0])
        return letters * 10000 + int(hi[1:]) - int(lo[1:]) + 1
    if kind == "icd10cm":
        return _icd_key(hi, "Z") - _icd_key(lo, "0") + 1
    raise ValueError(f"unknown range kind {kind!r}")


def narrowest(kind: str, code: str, ranges: list[list[str]]) -> int | None:
    """Return the width of the narrowest range in `ranges` holding `code`, or None if none does."""
    widths = [width(kind, lo, hi) for lo, hi in ranges if contains(kind, lo, hi, code)]
    return min(widths) if widths else None
