"""The keyword query language: words (stemmed), "quoted phrases", OR and -exclusion.

``parse("remote \\"risk adjustment\\" CRC OR CPC -lead")`` gives groups that must
all match (each an OR of terms) and terms that must not appear. Nothing here ever
raises on user input: a stray quote, a dangling OR or a lone ``-`` degrade to
plain words or are ignored.
"""

import re
from dataclasses import dataclass

from .text import STOP_WORDS, tokens

_LEXER = re.compile(r'(-?)"([^"]*)"|(\S+)')


@dataclass(frozen=True)
class ParsedQuery:
    groups: tuple = ()  # tuple of groups; a group is a tuple of terms (OR); a term is a tuple of tokens (a phrase)
    excluded: tuple = ()  # terms none of which may appear

    @property
    def is_empty(self):
        return not self.groups and not self.excluded

    def matches(self, doc_positions):
        """True when a document with ``doc_positions`` (token -> positions) satisfies the query."""
        return all(any(_has_phrase(doc_positions, t) for t in group) for group in self.groups) and not any(
            _has_phrase(doc_positions, t) for t in self.excluded
        )

    def to_tsquery(self):
        """PostgreSQL ``tsquery`` input text (lexemes quoted, no parser involved)."""
        parts = ["(" + " | ".join(_ts_term(t) for t in group) + ")" for group in self.groups]
        parts += ["!" + _ts_term(t) for t in self.excluded]
        return " & ".join(parts)

    def to_fts5_positive(self):
        """FTS5 MATCH text for the groups, or None."""
        if not self.groups:
            return None
        return " AND ".join("(" + " OR ".join(_fts_term(t) for t in group) + ")" for group in self.groups)

    def to_fts5_excluded(self):
        """FTS5 MATCH text for any excluded term, or None."""
        if not self.excluded:
            return None
        return " OR ".join(_fts_term(t) for t in self.excluded)


def _ts_term(term):
    inner = " <-> ".join(f"'{tok}'" for tok in term)
    return f"({inner})" if len(term) > 1 else inner


def _fts_term(term):
    return '"' + " ".join(term) + '"'


def _has_phrase(doc_positions, term):
    first = doc_positions.get(term[0])
    if not first:
        return False
    if len(term) == 1:
        return True
    rest = [set(doc_positions.get(tok, ())) for tok in term[1:]]
    return any(all(p + i + 1 in rest[i] for i in range(len(rest))) for p in first)


def _lex(raw):
    """Yield (kind, negated, text): kind is "phrase", "word" or "or"."""
    text = raw or ""
    if text.count('"') % 2:
        # An unbalanced quote cannot be trusted to delimit anything: read plain words.
        text = text.replace('"', " ")
    for m in _LEXER.finditer(text):
        neg, phrase, word = m.group(1), m.group(2), m.group(3)
        if word is None:
            yield "phrase", bool(neg), phrase
        elif word == "OR" or word == "|":
            yield "or", False, word
        elif word.startswith("-") and len(word) > 1:
            yield "word", True, word[1:]
        else:
            yield "word", False, word


def parse(raw, max_terms=32):
    """Parse a keyword query; never raises. At most ``max_terms`` terms are kept."""
    groups, excluded = [], []
    pending_or = False
    count = 0
    for kind, negated, text in _lex(raw[:500] if raw else ""):
        if kind == "or":
            pending_or = bool(groups)
            continue
        term = tuple(tokens(text))
        if kind == "word" and not negated and len(term) == 1 and term[0] in STOP_WORDS:
            term = ()
        if not term or count >= max_terms:
            pending_or = False
            continue
        count += 1
        if negated:
            if term not in excluded:
                excluded.append(term)
            pending_or = False
        elif pending_or:
            if term not in groups[-1]:
                groups[-1] = groups[-1] + (term,)
            pending_or = False
        else:
            groups.append((term,))
    unique = []
    for group in groups:
        if group not in unique:
            unique.append(group)
    return ParsedQuery(tuple(unique), tuple(excluded))
