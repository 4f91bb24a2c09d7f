"""A search that meets a reindex at the worst moment still answers, from the old or the new index.

Each race is made to happen every time: a hook runs the reindex at the exact point where the
search has looked the index up and is opening it, or has opened it and is reading it.
"""

import json

import pytest

import indexer.searchers as searchers
from indexer import SearchRequest, get_release, matching_releases, reindex, search
from tests.corpus import write_corpus
from web import create_app


@pytest.fixture
def source(tmp_path):
    return write_corpus(tmp_path / "source")


@pytest.fixture
def index(tmp_path, source):
    reindex(source, tmp_path / "index")
    searchers.close_all()  # every search below opens the index afresh
    return tmp_path / "index"


def add_release(source, number: int) -> None:
    record = {"id": f"new-{number}", "title": f"Zebra crossing {number}", "date": "2025-12-01", "body": "Zebra."}
    (source / f"new-{number}.jsonl").write_text(json.dumps(record) + "\n")


def reindex_while_opening(monkeypatch, change) -> list:
    """Run `change` once, just after a search has opened the index and before it opens its searcher."""
    opened = []
    open_index = searchers.open_index

    def open_then_change(index_dir):
        ix = open_index(index_dir)
        opened.append(ix.storage.folder)
        if len(opened) == 1:
            change()
        return ix

    monkeypatch.setattr(searchers, "open_index", open_then_change)
    return opened


def test_generation_retired_while_opening_is_searched_again_on_the_new_one(index, source, monkeypatch):
    def two_full_rebuilds():
        # The first keeps the generation the search opened as the one before; the second deletes it.
        add_release(source, 1)
        reindex(source, index, full=True)
        reindex(source, index, full=True)

    opened = reindex_while_opening(monkeypatch, two_full_rebuilds)
    result = search(index, SearchRequest(q="zebra"))
    assert result.total == 1 and [hit.id for hit in result.hits] == ["new-1"]
    assert len(opened) == 2 and opened[0] != opened[1]  # failed on the retired one, then retried


def test_commit_while_opening_is_seen_by_the_search(index, source, monkeypatch):
    def incremental():
        add_release(source, 2)
        assert reindex(source, index).added == 1

    opened = reindex_while_opening(monkeypatch, incremental)
    assert search(index, SearchRequest()).total == 11
    assert len(opened) in (1, 2)


@pytest.mark.parametrize("path, check", [
    ("/api/search?q=zebra", lambda response: response.get_json()["total"] == 1),
    ("/release/new-3", lambda response: "Zebra crossing 3" in response.get_data(as_text=True)),
    ("/export.jsonl?q=zebra", lambda response: json.loads(response.get_data(as_text=True))["id"] == "new-3"),
])
def test_pages_and_exports_survive_a_swap_while_opening(index, source, monkeypatch, path, check):
    def two_full_rebuilds():
        add_release(source, 3)
        reindex(source, index, full=True)
        reindex(source, index, full=True)

    reindex_while_opening(monkeypatch, two_full_rebuilds)
    response = create_app({"INDEX": str(index), "TESTING": True}).test_client().get(path)
    assert response.status_code == 200 and check(response)


def test_an_open_searcher_reads_its_own_generation_to_the_end(index, source):
    # A searcher opened before a swap keeps answering from the generation it opened: an export in
    # progress reads every release it found, though the generation has since been deleted.
    releases = matching_releases(index, SearchRequest())
    first = next(releases)
    add_release(source, 4)
    reindex(source, index, full=True)
    reindex(source, index, full=True)
    rest = list(releases)
    assert len(rest) == 9 and first.id not in {release.id for release in rest}
    assert get_release(index, "new-4") is not None and search(index, SearchRequest()).total == 11


def test_a_searcher_opened_just_before_a_swap_is_not_kept_as_current(index, source, monkeypatch):
    def one_full_rebuild():
        add_release(source, 5)
        reindex(source, index, full=True)

    reindex_while_opening(monkeypatch, one_full_rebuild)
    search(index, SearchRequest())  # may answer from the generation it opened, before the swap
    # The next search of this thread sees the new generation, not the one that searcher holds.
    assert search(index, SearchRequest(q="zebra")).total == 1
