"""A huge release costs what a normal one does: snippets, leads and release pages work on a bounded window."""

import json

import pytest

from indexer import SearchRequest, reindex, related, search
from indexer.highlight import SNIPPET_WINDOW, Marker, lead
from web import create_app
from web.render import PAGE_CHARS, page_text


def test_snippet_looks_for_words_only_in_the_window():
    filler = "roads " * (SNIPPET_WINDOW // 6 + 10)
    far = Marker("zebra").snippet(filler + "zebra crossing")
    assert "<mark>" not in far and far.endswith("\u2026") and len(far) < 400
    near = Marker("zebra").snippet("A zebra crossing. " + filler)
    assert "<mark>zebra</mark>" in near and near.endswith("\u2026")


def test_lead_reads_only_the_start():
    text = "word " * 1_000_000
    start = lead(text, 240)
    assert len(start) < 260 and start.endswith("\u2026")
    assert lead("short text", 240) == "short text"
    # Whitespace that fills the window still leaves a mark that there is more.
    assert lead(" " * 2000 + "late", 240) == " \u2026"


def test_page_text_cuts_at_a_paragraph():
    body = ("A paragraph of text.\n\n" * 10_000)
    shown = page_text(body)
    assert len(shown) <= PAGE_CHARS and shown.endswith("A paragraph of text.")
    assert page_text("short") == "short"


@pytest.fixture(scope="module")
def huge_index(tmp_path_factory):
    base = tmp_path_factory.mktemp("huge")
    source = base / "source"
    source.mkdir()
    body = "\n\n".join(f"Paragraph {n} on border roads and maritime security." for n in range(6000))
    records = [{"id": "huge", "title": "Border roads annual report", "date": "2025-10-01", "body": body},
               {"id": "small", "title": "Border roads in Ladakh", "date": "2025-10-02",
                "body": "Border roads projects were reviewed in Ladakh."}]
    (source / "r.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    assert reindex(source, base / "index").added == 2
    return base / "index"


def test_release_page_of_a_huge_release_shows_its_start_and_says_so(huge_index):
    client = create_app({"INDEX": str(huge_index), "TESTING": True}).test_client()
    page = client.get("/release/huge?q=roads")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "the first" in text and "characters long" in text and "/api/release/huge" in text
    assert "Paragraph 10 " in text and "Paragraph 5999 " not in text
    assert len(page.data) < 3 * PAGE_CHARS
    whole = client.get("/api/release/huge").get_json()
    assert "Paragraph 5999 " in whole["body"]


def test_search_and_related_with_a_huge_release(huge_index):
    result = search(huge_index, SearchRequest(q="roads"))
    assert {hit.id for hit in result.hits} == {"huge", "small"}
    assert all(len(hit.snippet) < 600 for hit in result.hits)
    assert [hit.id for hit in related(huge_index, "small")] == ["huge"]


def test_long_bodies_are_kept_whole_beside_the_index_and_follow_its_changes(tmp_path):
    from indexer.bodies import FOLDER, STORED_BODY_CHARS
    from indexer.store import current_generation
    from tests.test_reindex import touch_later

    source = tmp_path / "source"
    source.mkdir()
    long_file = source / "long.jsonl"

    def write(body):
        long_file.write_text(json.dumps({"id": "long", "title": "Long", "date": "2025-10-01", "body": body}) + "\n")
        touch_later(long_file)

    first = "First version. " + "roads " * STORED_BODY_CHARS + "end."
    write(first)
    index = tmp_path / "index"
    reindex(source, index)
    bodies = current_generation(index) / FOLDER
    assert len(list(bodies.iterdir())) == 1
    from indexer import get_release

    assert get_release(index, "long").body == first
    (hit,) = search(index, SearchRequest(q="first")).hits
    assert "<mark>First</mark>" in hit.snippet
    client = create_app({"INDEX": str(index), "TESTING": True}).test_client()
    assert json.loads(client.get("/export.jsonl").get_data(as_text=True))["body"] == first

    second = "Second version. " + "bridges " * STORED_BODY_CHARS + "end."
    write(second)
    assert reindex(source, index).updated == 1
    assert get_release(index, "long").body == second and len(list(bodies.iterdir())) == 1
    long_file.unlink()
    assert reindex(source, index).removed == 1
    assert list(bodies.iterdir()) == []
