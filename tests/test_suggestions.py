"""'Did you mean': corrections from the archive's own words, weighed by distance and how common."""

from __future__ import annotations

import pytest

from indexer import SearchRequest, search
from tests.conftest import DATA


def _table() -> list[tuple[str, str]]:
    lines = [line for line in (DATA / "misspellings.tsv").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    return [tuple(line.split("\t")) for line in lines[1:]]


def _right_first(index, typed: str, meant: str) -> bool:
    """Whether the first thing a user sees leads to the word meant: it is suggested, or nothing is
    suggested because the typo already finds what the word does (its stem is the word's)."""
    result = search(index, SearchRequest(q=typed))
    if result.suggestion:
        return result.suggestion.lower() == meant.lower()
    return result.total > 0 and result.total == search(index, SearchRequest(q=meant)).total


def test_the_misspelling_table_is_mostly_corrected_first(seed_index):
    table = _table()
    assert len(table) >= 50
    wrong = [(typed, meant) for typed, meant in table if not _right_first(seed_index, typed, meant)]
    assert len(wrong) <= 0.2 * len(table), wrong
    suggested = sum(search(seed_index, SearchRequest(q=meant)).suggestion == "" for _, meant in table)
    assert suggested == len(table), "a word of the archive spelt right got a suggestion"


@pytest.mark.parametrize("typed, meant", [
    ("Maldeves", "Maldives"), ("defnce", "defence"), ("budjet", "budget"), ("DEFNCE", "DEFENCE"),
    ("borader roads", "border roads"), ("Maldeves AND defnce", "Maldives AND defence"),
])
def test_named_corrections_keep_capitals_and_operators(seed_index, typed, meant):
    assert search(seed_index, SearchRequest(q=typed)).suggestion == meant


def test_a_suggestion_is_offered_only_when_it_finds_more(seed_index):
    typed = search(seed_index, SearchRequest(q="Maldeves"))
    assert typed.total == 0
    assert search(seed_index, SearchRequest(q=typed.suggestion)).total > 0
    # The correction of the typo finds nothing together with this word: nothing is offered.
    assert search(seed_index, SearchRequest(q='Maldeves "zzyzx"')).suggestion == ""
    # Known words, filter values and wildcards are never corrected.
    assert search(seed_index, SearchRequest(q="defence")).suggestion == ""
    assert search(seed_index, SearchRequest(q="place:Maldeves")).suggestion == ""
    assert search(seed_index, SearchRequest(q="Maldeve*")).suggestion == ""
