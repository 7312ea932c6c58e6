"""The keyword language: stemmed words, "phrases", OR, -exclusion; malformed input degrades, never errors."""

import pytest
from hypothesis import given, strategies as st

from careercenter.search.query import parse
from careercenter.search.text import positions, tokens


def doc(text):
    return positions(tokens(text))


@pytest.mark.parametrize(
    "query, text, expected",
    [
        ("coder", "Certified coders wanted", True),  # stemmed: coders ~ coder
        ("coding", "We code outpatient charts", True),
        ('"risk adjustment"', "Risk adjustment coding (HCC)", True),
        ('"risk adjustment"', "adjustment of risk", False),
        ("CRC OR CPC", "Hold a CPC credential", True),
        ("CRC OR CPC", "Hold a CCS credential", False),
        ("remote -lead", "Remote coder", True),
        ("remote -lead", "Remote lead coder", False),
        ('coder -"team lead"', "coder and team lead", False),
        ('coder -"team lead"', "lead coder in a team", True),
        ("CPC-A", "Apprentice CPC-A welcome", True),
        ("inpatient coder in ohio", "Inpatient coder, Ohio", True),  # "in" is a stop word in free text
    ],
)
def test_query_semantics(query, text, expected):
    assert parse(query).matches(doc(text)) is expected


@pytest.mark.parametrize("raw", ['"unbalanced phrase', "OR", "- -- ---", 'a OR OR "b', "(((", "\"\"", "-\"\"", "NOT AND"])
def test_malformed_queries_degrade_to_plain_words(raw):
    parsed = parse(raw)
    parsed.to_tsquery()
    parsed.to_fts5_positive()


def test_unbalanced_quote_reads_plain_words():
    assert parse('"risk adjustment').groups == ((("risk",),), (("adjust",),))


def test_or_joins_neighbours_and_and_binds_the_rest():
    parsed = parse("remote CRC OR CPC")
    assert parsed.groups == ((("remot",),), (("crc",), ("cpc",)))


@given(st.text(max_size=80))
def test_any_text_parses(raw):
    parsed = parse(raw)
    parsed.matches(doc("anything at all"))
    assert isinstance(parsed.to_tsquery(), str)
