"""Incremental runs keep the index's segments few: emptied ones dropped, small ones merged."""

from __future__ import annotations

import json

from indexer import SearchRequest, get_release, reindex, search
from indexer.store import current_generation, open_folder
from tests.corpus import write_corpus


def _segments(index) -> list[tuple[int, int]]:
    """(live, all) documents of each segment of the current generation."""
    ix = open_folder(current_generation(index))
    try:
        return [(segment.doc_count(), segment.doc_count_all()) for segment in ix._segments()]
    finally:
        ix.close()


def _add(source, number: int, body: str = "") -> None:
    record = {"id": f"extra-{number}", "title": f"Harbour works report {number}",
              "date": "2025-10-0%d" % (1 + number % 9), "location": "Kochi", "agency": "PTI", "body": body or f"Dredging at the harbour reached stage {number}."}
    (source / f"extra-{number}.jsonl").write_text(json.dumps(record) + "\n", "utf-8")


def test_incremental_runs_leave_few_segments_and_every_release_once(tmp_path):
    source, index = write_corpus(tmp_path / "source"), tmp_path / "index"
    reindex(source, index)
    for number in range(12):
        _add(source, number)
        reindex(source, index)
        # Small segments are merged as they pile up (Whoosh's rule), not kept one a run.
        assert len(_segments(index)) <= 5
    assert all(live for live, _ in _segments(index))
    result = search(index, SearchRequest(q="harbour", collapse=False, limit=50))
    assert sorted(hit.id for hit in result.hits) == sorted(f"extra-{n}" for n in range(12))
    assert search(index, SearchRequest(collapse=False)).total == 10 + 12
    # A merged release is the release it was: facets, stored text and all.
    release = get_release(index, "extra-0")
    assert (release.title, release.location, release.agency, release.date) == (
        "Harbour works report 0", "Kochi", "PTI", "2025-10-01")
    assert {value.value: value.count for value in result.facets["location"]}["Kochi"] == 12


def test_a_segment_whose_releases_were_all_replaced_is_dropped(tmp_path):
    source, index = write_corpus(tmp_path / "source"), tmp_path / "index"
    reindex(source, index)
    _add(source, 1)
    reindex(source, index)
    assert len(_segments(index)) == 2
    _add(source, 1, body="Dredging at the harbour was finished.")
    reindex(source, index)
    # The run's segment replaced the last one's only release: that segment is gone, not kept empty.
    assert len(_segments(index)) == 2 and all(live for live, _ in _segments(index))
    assert "finished" in get_release(index, "extra-1").body


def test_a_merged_long_release_keeps_its_whole_body(tmp_path):
    source, index = write_corpus(tmp_path / "source"), tmp_path / "index"
    reindex(source, index)
    long_body = "The harbour dredging report. " + "Sediment was moved from the channel. " * 800 + "Final word zanzibar."
    _add(source, 0, body=long_body)
    reindex(source, index)
    for number in range(1, 8):
        _add(source, number)
        reindex(source, index)
    assert len(_segments(index)) < 8
    assert get_release(index, "extra-0").body == long_body
    assert [hit.id for hit in search(index, SearchRequest(q="zanzibar")).hits] == ["extra-0"]


def test_a_merged_segment_keeps_its_spelling_counts_when_its_first_release_was_replaced(tmp_path):
    """A segment's spelling counts ride on its first document; when that release was replaced before
    the segment is merged, its other releases' words stay in "did you mean"."""
    from indexer.spelling import SpellingVocabulary

    def count(word):
        ix = open_folder(current_generation(index))
        try:
            with ix.reader() as reader:
                vocabulary = SpellingVocabulary.of(reader)
        finally:
            ix.close()
        words = vocabulary.words.get(len(word), [])
        return int(vocabulary.frequencies[len(word)][words.index(word)]) if word in words else 0

    source, index = write_corpus(tmp_path / "source"), tmp_path / "index"
    reindex(source, index)
    first = {"id": "pair-0", "title": "Harbour report", "date": "2025-10-01", "body": "Dredging went on."}
    second = {"id": "pair-1", "title": "Glacier report", "date": "2025-10-01", "body": "Zanskarite deposits found."}
    pair = source / "pair.jsonl"
    pair.write_text(json.dumps(first) + "\n" + json.dumps(second) + "\n", "utf-8")
    reindex(source, index)
    # The segment's first release is replaced (its copy in that segment deleted), then runs merge it.
    pair.write_text(json.dumps({**first, "body": "Dredging ended."}) + "\n" + json.dumps(second) + "\n", "utf-8")
    reindex(source, index)
    for number in range(12):
        _add(source, number)
        reindex(source, index)
    assert len(_segments(index)) < 8  # merges happened
    assert count("zanskarite") == 1
