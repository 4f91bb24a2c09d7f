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
