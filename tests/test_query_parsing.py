"""The query language, as a table: what each kind of input is parsed to, with its filters and note."""

import pytest

from indexer.query import parse_user_query
from indexer.schema import build_schema

SCHEMA = build_schema()
UNBALANCED = "Unbalanced quotes or parentheses: searched for the words instead."
WILDCARD = "Wildcards need two letters before them and cannot start a word; they were left out."
EVERYTHING = "Every(None, boost=1.0)"


@pytest.mark.parametrize("text, query, filters, dates, note", [
    # Words are stemmed and all required.
    ("defence", "Term('text', 'defenc')", {}, ("", ""), ""),
    ("border roads", "And([Term('text', 'border'), Term('text', 'road')])", {}, ("", ""), ""),
    ("coal OR (drone AND rules)",
     "Or([Term('text', 'coal'), And([Term('text', 'drone'), Term('text', 'rule')])])", {}, ("", ""), ""),
    # Phrases, with straight or curly quotes.
    ('"border roads"', "Phrase('text', ['border', 'road'], slop=1, boost=1.000000)", {}, ("", ""), ""),
    ("\u201cborder roads\u201d", "Phrase('text', ['border', 'road'], slop=1, boost=1.000000)", {}, ("", ""), ""),
    # Exclusion, written as web search engines do or as Whoosh does.
    ("-army hospital", "And([Not(Term('text', 'armi')), Term('text', 'hospit')])", {}, ("", ""), ""),
    ("hospital NOT army", "And([Term('text', 'hospit'), Not(Term('text', 'armi'))])", {}, ("", ""), ""),
    ('hospital -"civil hospitals"',
     "And([Term('text', 'hospit'), Not(Phrase('text', ['civil', 'hospit'], slop=1, boost=1.000000))])",
     {}, ("", ""), ""),
    # Wildcards keep the word as typed (matched against unstemmed words); costly ones are dropped.
    ("defen*", "Prefix('text', 'defen')", {}, ("", ""), ""),
    ("hosp?tal", "Wildcard('text', 'hosp?tal')", {}, ("", ""), ""),
    ("*ence", "Term('text', 'enc')", {}, ("", ""), WILDCARD),
    ("d* coal", "Term('text', 'coal')", {}, ("", ""), WILDCARD),
    # Unbalanced quotes or brackets: any of the words.
    ('"border roads', "Or([Term('text', 'border'), Term('text', 'road')])", {}, ("", ""), UNBALANCED),
    ("(coal OR drone", "Or([Term('text', 'coal'), Term('text', 'drone')])", {}, ("", ""), UNBALANCED),
    # Facet filters, by name or alias, any case, quoted or bare; the rest are words.
    ('ministry:"Ministry of Defence" coal', "Term('text', 'coal')", {"ministry": ["Ministry of Defence"]},
     ("", ""), ""),
    ("place:Delhi", EVERYTHING, {"location": ["Delhi"]}, ("", ""), ""),
    ("MINISTRIES:Defence", EVERYTHING, {"ministry": ["Defence"]}, ("", ""), ""),
    ("month:2025-10 agency:PTI", EVERYTHING, {"month": ["2025-10"], "agency": ["PTI"]}, ("", ""), ""),
    ("year:25 coal", "Term('text', 'coal')", {}, ("", ""), "Ignored year:25 (year is written YYYY)."),
    # A prefix with nothing after it is a word.
    ("ministry: coal", "And([Term('text', 'ministri'), Term('text', 'coal')])", {}, ("", ""), ""),
    # Dates.
    ("from:2025-10 to:2025-12", EVERYTHING, {}, ("2025-10", "2025-12"), ""),
    ("date:2025-10-07", EVERYTHING, {}, ("2025-10-07", "2025-10-07"), ""),
    ("from:2025-13 coal", "Term('text', 'coal')", {}, ("", ""),
     "Ignored from: '2025-13' is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)."),
    # The index's own helper fields are words; `body:` searches the text.
    ('pairs:"border road"',
     "And([Term('text', 'pair'), Phrase('text', ['border', 'road'], slop=1, boost=1.000000)])", {}, ("", ""), ""),
    ("body:readiness", "Term('text', 'readi')", {}, ("", ""), ""),
    # Nothing to search for: everything, said so.
    ("***", EVERYTHING, {}, ("", ""), WILDCARD + " The query has no words to search for, so everything is shown."),
])
def test_query_parses_to(text, query, filters, dates, note):
    parsed = parse_user_query(text, SCHEMA)
    assert repr(parsed.query) == query
    assert parsed.filters == filters
    assert (parsed.date_from, parsed.date_to) == dates
    assert parsed.note == note


def test_a_long_query_is_cut_with_a_note():
    parsed = parse_user_query("coal " * 300, SCHEMA)
    assert len(parsed.text) <= 1000 and parsed.note == "The query was cut to its first 1000 characters."
