"""Turn text into the stemmed tokens both databases index and the alert matcher reads.

Both engines index the *same* pre-stemmed tokens, produced here in Python, so the
query language means exactly the same thing on PostgreSQL, on SQLite and in the
matcher: PostgreSQL stores them as a ``tsvector`` literal (no parser or dictionary
of its own is involved) and SQLite's FTS5 table sees plain ``[a-z0-9]`` words
separated by spaces, which its ``unicode61`` tokenizer splits the same way.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

# A post's searchable text is cut after this many tokens: PostgreSQL keeps at most
# 256 positions per lexeme, and a cap keeps both engines' phrase matching identical.
MAX_DOC_TOKENS = 1500
MAX_TOKEN_LENGTH = 40
_TOKEN = re.compile(r"[a-z0-9]+")
_stemmer = snowballstemmer.stemmer("english")

# Dropped from free words in a query (never from phrases or documents), so "coder in ohio"
# does not require the word "in".
STOP_WORDS = frozenset(
    "a an and are as at be by for from in into is it of on or the to with".split()
)


def fold(text):
    """Lower-case ASCII form of ``text`` (accents removed)."""
    return unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()


@lru_cache(maxsize=50_000)
def stem(word):
    return _stemmer.stemWord(word)


def tokens(text, limit=None):
    """The stemmed tokens of ``text`` in order; words longer than MAX_TOKEN_LENGTH are cut to it."""
    out = []
    for match in _TOKEN.finditer(fold(text)):
        # A long word is cut, never dropped: dropped from a query it would match every post.
        # Posts and queries are cut alike, so the cut word still finds exactly itself.
        out.append(stem(match.group()[:MAX_TOKEN_LENGTH]))
        if limit and len(out) >= limit:
            break
    return out


def positions(doc_tokens):
    """token -> list of 1-based positions."""
    found = {}
    for i, tok in enumerate(doc_tokens, start=1):
        found.setdefault(tok, []).append(i)
    return found


def tsvector_literal(doc_tokens):
    """The PostgreSQL ``tsvector`` input text for the tokens, positions included."""
    return " ".join(f"'{tok}':{','.join(map(str, pos))}" for tok, pos in positions(doc_tokens).items())


def document_tokens(title, company, description):
    """The tokens of a post: title, company name, then the description."""
    return tokens(" \n ".join([title or "", company or "", description or ""]), limit=MAX_DOC_TOKENS)
