"""Find the credentials a post names and whether each is required or only preferred.

Credential codes are matched as whole, upper-case tokens that are not part of a longer token
(CPC inside CPC-A, CPCO or AAPC is not CPC); full names are matched without regard to case.
Acronyms with other meanings (CRC colorectal cancer, CPB bypass, CTR click-through rate) are
dropped when the words around them say so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import catalog

# Words that, near an acronym, show it is not the credential.
_OTHER_MEANINGS = {
    "CRC": re.compile(r"colorectal|\bcolon\b|colonoscopy|polyp|\bCRC\s+screening|screening\s+for\s+CRC|"
                      r"\bCRC\s+(?:patients?|cases?|surgery|stage)", re.IGNORECASE),
    "CPB": re.compile(r"bypass|cardiopulmonary|perfusion|pump|cardiac surg", re.IGNORECASE),
    "CTR": re.compile(r"click|ads?\b|advert|campaign|marketing|impressions|conversion", re.IGNORECASE),
    "RN": re.compile(r"\bRN\s*(?:to|->)\s*BSN", re.IGNORECASE),
}
_NOT_REQUIRED = r"not\s+(?:required|necessary|mandatory|needed)|optional"
_PREFERRED = (
    r"preferred|prefer|desired|desirable|nice[\s-]to[\s-]have|helpful|welcome|bonus|advantage|"
    r"advantageous|a\s+plus|is\s+a\s+plus|ideally|ideal|beneficial|encouraged|"
    + _NOT_REQUIRED
)
_REQUIRED = r"required|requires?|requirement|must|mandatory|needs?|needed|necessary|essential|minimum"
_POLARITY = re.compile(rf"\b(?:(?P<pref>{_PREFERRED})|(?P<req>{_REQUIRED}))\b", re.IGNORECASE)
_HEADING_PREFERRED = re.compile(r"prefer|nice to have|bonus|plus(?:es)?\b|desired|desirable", re.IGNORECASE)
_HEADING_REQUIRED = re.compile(
    r"require|qualifications|must[\s-]have|what we need|what you need|minimum|what you bring|"
    r"who you are|eligib",
    re.IGNORECASE,
)
# A dot ends a clause only before a space or the end: never inside E11.9, 3.5 or "e.g.x".
_CLAUSE_BREAK = re.compile(r"[;!?\n]|\.(?=\s|$)")


@dataclass(frozen=True)
class Mention:
    """One place where a credential is named."""

    code: str
    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern]]:
    """(credential code, compiled pattern) pairs, longest spelling first so CPC-A beats CPC."""
    spellings = []
    for entry in catalog.credentials():
        for spelling in [entry["code"], *entry.get("aliases", [])]:
            spellings.append((entry["code"], spelling))
    spellings.sort(key=lambda pair: -len(pair[1]))
    compiled = []
    for code, spelling in spellings:
        if " " in spelling:
            pattern = re.compile(rf"(?<![A-Za-z]){re.escape(spelling)}(?![A-Za-z])", re.IGNORECASE)
        else:
            # An acronym: capitals only, and not glued to letters, digits or "-X" on either side.
            pattern = re.compile(rf"(?<![A-Za-z0-9-]){re.escape(spelling)}(?![A-Za-z0-9]|-[A-Za-z])")
        compiled.append((code, pattern))
    return compiled


def find_mentions(text: str) -> list[Mention]:
    """Return every credential mention in order; overlapping spellings keep the longest."""
    taken: list[tuple[int, int]] = []
    mentions = []
    for code, pattern in _patterns():
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            checker = _OTHER_MEANINGS.get(code)
            if checker and checker.search(text[max(0, start - 60):end + 60]):
                continue
            taken.append((start, end))
            mentions.append(Mention(code, start, end, match.group(0)))
    return sorted(mentions, key=lambda m: m.start)


def _clause(text: str, start: int, end: int) -> tuple[str, int]:
    """Return the clause around a mention (cut at sentence ends, ; ! ? and line breaks) and its offset."""
    left = 0
    for match in _CLAUSE_BREAK.finditer(text, 0, start):
        left = match.end()
    found = _CLAUSE_BREAK.search(text, end)
    right = found.start() if found else len(text)
    return text[left:right], left


def _heading_polarity(text: str, start: int) -> bool | None:
    """Read the nearest heading line above the mention (a short line, not a bullet)."""
    lines = text[:start].split("\n")[:-1]
    for line in reversed(lines):
        stripped = line.strip()
        if not stripped or stripped.startswith(("-", "*", "•")):
            continue
        if len(stripped) > 70 or stripped.endswith("."):
            return None  # a paragraph, not a heading: the list has no heading we can read
        if _HEADING_PREFERRED.search(stripped):
            return False
        if _HEADING_REQUIRED.search(stripped):
            return True
        return None
    return None


def _paren_group(text: str, pos: int) -> int | None:
    """The offset of the innermost open parenthesis enclosing ``pos``, or None outside any."""
    stack = []
    for i, char in enumerate(text[:pos]):
        if char == "(":
            stack.append(i)
        elif char == ")" and stack:
            stack.pop()
    return stack[-1] if stack else None


def mention_requirement(text: str, mention: Mention) -> bool | None:
    """Say whether one mention is required (True), preferred (False) or unclear (None).

    The nearest required/preferred word after the mention in its clause wins, then the nearest
    before it, then the heading of the list the mention sits in.
    """
    clause, offset = _clause(text, mention.start, mention.end)
    rel_start, rel_end = mention.start - offset, mention.end - offset
    # Parentheses that name a credential scope their words to it: in "RHIT (RHIA welcome)" the
    # welcome is RHIA's alone, while "CPMA (mandatory)" still speaks for CPMA.
    group = _paren_group(clause, rel_start)
    named = {_paren_group(clause, m.start) for m in find_mentions(clause)}
    words = [m for m in _POLARITY.finditer(clause)
             if (g := _paren_group(clause, m.start())) == group or g not in named]
    after = [m for m in words if m.start() >= rel_end]
    before = [m for m in words if m.end() <= rel_start]
    chosen = after[0] if after else (before[-1] if before else None)
    if chosen is not None:
        return chosen.group("req") is not None
    return _heading_polarity(text, mention.start)


def find_credentials(text: str, title_length: int = 0) -> list[dict]:
    """Return [{code, required, evidence, share, in_title}] for the credentials named in `text`,
    first named first. `text` may start with the title; pass its length as `title_length`.

    A credential required anywhere is required; otherwise preferred if any mention says so.
    `share` is 1/n for the best mention, where n is how many credentials its clause offers as
    alternatives ("CPC, COC or CCS required" gives each 1/3); link.py weighs signals with it.
    """
    mentions = find_mentions(text)
    merged: dict[str, dict] = {}
    for mention in mentions:
        entry = merged.setdefault(mention.code, {"code": mention.code, "required": None, "evidence": [],
                                                 "share": 0.0, "in_title": False})
        snippet = _snippet(text, mention)
        if snippet not in entry["evidence"]:
            entry["evidence"].append(snippet)
        if mention.start < title_length:
            entry["in_title"] = True
            continue  # a title names the credential without saying required or preferred
        verdict = mention_requirement(text, mention)
        if verdict is True or (verdict is False and entry["required"] is None):
            entry["required"] = verdict
        clause, offset = _clause(text, mention.start, mention.end)
        rivals = {m.code for m in mentions if offset <= m.start < offset + len(clause)}
        entry["share"] = max(entry["share"], 1.0 / max(1, len(rivals)))
    return list(merged.values())


def _snippet(text: str, mention: Mention) -> str:
    clause, offset = _clause(text, mention.start, mention.end)
    return clause.strip(" -*•\t")[:160]
