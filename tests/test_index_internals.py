"""The indexer's own machinery: Whoosh's private reads and their fallbacks, the matcher's rules,
the least-recently-used store, the rebuild decision."""

import numpy as np
import pytest
from whoosh import query as wq
from whoosh.scoring import BM25F

import indexer.whoosh_reads as whoosh_reads
from indexer.lru import LeastRecentlyUsed
from indexer.matching import QueryEvaluator, UnsupportedQuery
from indexer.query import parse_user_query
from indexer.scoring import CachedLengthBM25F
from indexer.snapshot import snapshot_of
from indexer.store import (
    SCHEMA_FILE, current_generation, needs_full_rebuild, open_index, read_manifest, write_manifest,
)
from indexer.vocabulary import facet_names


@pytest.fixture
def opened(small_index):
    ix = open_index(small_index)
    searcher = ix.searcher(weighting=CachedLengthBM25F())
    yield ix, searcher
    searcher.close()
    ix.close()


def _reads(searcher):
    """Every facet column and the postings of a few terms, as the fast reads or fallbacks give them."""
    columns, postings = {}, {}
    for leaf, _ in searcher.reader().leaf_readers():
        for name in facet_names():
            if leaf.has_column(name):
                columns.setdefault(name, []).extend(whoosh_reads.column_strings(leaf, name))
        for word in (b"hospit", b"defenc", b"coal"):
            if ("text", word) in leaf:
                postings[word] = whoosh_reads.leaf_postings(leaf, "text", word)
    return columns, postings


def test_fallbacks_read_what_the_fast_reads_do(opened, monkeypatch):
    ix, searcher = opened
    fast = _reads(searcher)
    assert fast[0]["agency"][:2] and fast[1][b"hospit"][0]

    class Unknown:  # as if Whoosh's classes were not the ones the fast reads know
        pass

    monkeypatch.setattr(whoosh_reads, "VarBytesColumn", type("Other", (), {"Reader": Unknown}))
    monkeypatch.setattr(whoosh_reads, "W3LeafMatcher", Unknown)
    monkeypatch.setattr(whoosh_reads, "CompactLeafMatcher", Unknown)
    used = []
    monkeypatch.setattr(whoosh_reads, "_one_by_one", lambda matcher: used.append(1) or _one_by_one(matcher))
    assert _reads(searcher) == fast and used


_one_by_one = whoosh_reads._one_by_one


def test_last_commit_is_the_generation_whoosh_opens(small_index, tmp_path):
    ix = open_index(small_index)
    try:
        assert whoosh_reads.last_commit(current_generation(small_index), "MAIN") == ix.latest_generation() >= 0
    finally:
        ix.close()
    assert whoosh_reads.last_commit(tmp_path, "MAIN") == -1


def test_a_query_type_without_a_rule_is_an_error_not_a_silent_zero(opened):
    ix, searcher = opened
    evaluator = QueryEvaluator(searcher, snapshot_of(searcher, str(ix.storage.folder)))
    ordered = wq.Ordered([wq.Term("text", "hospit"), wq.Term("text", "armi")])
    with pytest.raises(UnsupportedQuery, match="Ordered"):
        evaluator.mask(ordered)
    with pytest.raises(UnsupportedQuery, match="DisjunctionMax"):
        evaluator.scores(wq.DisjunctionMax([wq.Term("text", "coal")]), np.array([0, 1]))


def test_each_node_is_matched_once_per_search(opened, monkeypatch):
    ix, searcher = opened
    evaluator = QueryEvaluator(searcher, snapshot_of(searcher, str(ix.storage.folder)))
    query = parse_user_query("(hospital AND civil) OR (hospital -army) OR coal", ix.schema).query
    looked_up = []
    term_mask = evaluator.term_mask
    monkeypatch.setattr(evaluator, "term_mask", lambda *args: looked_up.append(args) or term_mask(*args))
    docs = np.flatnonzero(evaluator.mask(query))
    evaluator.scores(query, docs)
    assert len(docs) == 4 and len(looked_up) == 5  # five term nodes, each matched once


def test_scores_use_the_weighting_the_index_is_searched_with(small_index):
    ix = open_index(small_index)
    try:
        query = parse_user_query("hospital OR defence", ix.schema).query
        for weighting in (BM25F(B=0.3, K1=2.0), BM25F(text_B=0.1, K1=0.9)):
            with ix.searcher(weighting=weighting) as searcher:
                theirs = {hit.docnum: hit.score for hit in searcher.search(query, limit=None)}
                evaluator = QueryEvaluator(searcher, snapshot_of(searcher, str(ix.storage.folder)))
                docs = np.array(sorted(theirs))
                assert evaluator.scores(query, docs).tolist() == pytest.approx([theirs[d] for d in docs], rel=1e-5)
    finally:
        ix.close()


def test_least_recently_used_store_keeps_to_its_budget():
    evicted = []
    store = LeastRecentlyUsed(10, size=len, on_evict=evicted.append)
    assert store.get("a", lambda: "aaaa") == "aaaa" and store.get("a", lambda: "other") == "aaaa"
    store.get("b", lambda: "bbbb")
    store.peek("a")  # now "b" is the least recently used
    store.get("c", lambda: "cccc")
    assert evicted == ["bbbb"] and store.values() == ["aaaa", "cccc"] and store.total == 8
    # The newest stays even when it alone is over budget.
    store.get("d", lambda: "d" * 20)
    assert store.values() == ["d" * 20] and evicted == ["bbbb", "aaaa", "cccc"]
    store.discard("d")
    assert len(store) == 0 and store.total == 0 and evicted[-1] == "d" * 20


def test_needs_full_rebuild_says_why(tmp_path, small_index):
    assert needs_full_rebuild(tmp_path / "none") == "there was no index yet"
    assert needs_full_rebuild(small_index) == ""
    folder = current_generation(small_index)
    signature, manifest = (folder / SCHEMA_FILE).read_text(), read_manifest(folder)
    try:
        (folder / SCHEMA_FILE).write_text("3\n")
        assert needs_full_rebuild(small_index) == "the index was built by an older version"
        (folder / SCHEMA_FILE).write_text(signature)
        # A run killed after its commit and before its manifest: the manifest describes an older commit.
        write_manifest(folder, {**manifest, "commit": manifest["commit"] - 1})
        assert needs_full_rebuild(small_index) == "the last reindex was stopped between its commit and its manifest"
    finally:
        (folder / SCHEMA_FILE).write_text(signature)
        write_manifest(folder, manifest)
    assert needs_full_rebuild(small_index) == ""


def _reference_analyzer():
    """The text fields' analysis as a chain of Whoosh's own parts, each text worked out on its own."""
    from whoosh.analysis import LowercaseFilter, RegexTokenizer, StemFilter, StopFilter

    from indexer.analysis import STOP_LIST, WORD, NormaliseFilter, stem_word
    return (RegexTokenizer(expression=WORD) | LowercaseFilter() | NormaliseFilter()
            | StopFilter(stoplist=STOP_LIST, minsize=2) | StemFilter(stemfn=stem_word))


@pytest.mark.parametrize("text", [
    "Defence Secretary reviews the border roads __ of the Ministry of Defence in Ladakh",
    "रक्षा मंत्रालय ने सीमा सड़क परियोजनाओं की समीक्षा की और कहा कि काम तेज़ होगा",
    "The 3.5 km road, the Minister's visit, and  x  y  it's",
])
def test_a_text_analysed_once_gives_every_field_what_its_own_analysis_would(text):
    """Stems with positions (the text), words unstemmed (spelling) and pairs are those of a separate
    analysis of the text, however the fields take turns and whatever was analysed in between."""
    from indexer.analysis import build_analyzer
    from indexer.schema import CommonPairsFilter
    reference = _reference_analyzer()
    analyzer = build_analyzer()
    pairs = build_analyzer() | CommonPairsFilter(frozenset(token.text for token in reference(text)))
    expected = [(token.text, token.pos) for token in reference(text, positions=True)]
    for _ in range(2):
        assert [(token.text, token.pos) for token in analyzer(text, positions=True)] == expected
        assert [token.text for token in analyzer(text, no_morph=True)] == \
            [token.text for token in reference(text, no_morph=True)]
        assert [token.text for token in pairs(text)] == \
            [f"{first} {second}" for (first, _), (second, _) in zip(expected, expected[1:])]
        # Another text in between (a headline) is analysed as itself, not as the one before.
        assert [token.text for token in analyzer("Border roads")] == ["border", "road"]
    # Characters asked for (highlighting) take the full analysis.
    assert [(token.startchar, token.endchar) for token in analyzer(text, chars=True)] == \
        [(token.startchar, token.endchar) for token in reference(text, chars=True)]


def test_short_posting_lists_are_inlined_and_read_back(tmp_path):
    """A term in one to three releases keeps its postings in its entry (whoosh3 as shipped inlines
    none); phrases, facets and searches read them back, after incremental runs merge segments too."""
    import json

    from indexer import SearchRequest, reindex, search
    from indexer.codec import INLINE_BELOW
    from indexer.store import current_generation, open_folder
    source, index = tmp_path / "source", tmp_path / "index"
    source.mkdir()
    phrases = ["quantum harbour dredging", "saffron lighthouse survey", "cobalt bridge inspection"]
    for number in range(12):
        # The n-th phrase is in n + 1 releases, the facet value "Agartala" in two.
        words = [phrase for count, phrase in enumerate(phrases) if number <= count]
        record = {"id": f"r{number}", "title": f"Report {number}", "date": f"2025-10-{number + 1:02d}",
                  "location": "Agartala" if number < 2 else "Kochi", "agency": "PTI",
                  "body": f"The works went on. {' and '.join(words) or 'Nothing else'} was finished."}
        (source / f"r{number}.jsonl").write_text(json.dumps(record) + "\n", "utf-8")
        reindex(source, index)  # one run each: segments to merge
    ix = open_folder(current_generation(index))
    try:
        with ix.reader() as reader:
            inlined = [term for term in (b"quantum", b"saffron", b"cobalt")
                       if any(("text", term) in leaf and leaf.term_info("text", term).is_inlined()
                              for leaf, _ in reader.leaf_readers())]
    finally:
        ix.close()
    assert INLINE_BELOW > 1 and inlined
    for count, phrase in enumerate(phrases, start=1):
        found = search(index, SearchRequest(q=f'"{phrase}"', collapse=False))
        assert sorted(hit.id for hit in found.hits) == [f"r{number}" for number in range(count)]
    by_place = search(index, SearchRequest(q="works", filters={"location": ["Agartala"]}, collapse=False))
    assert sorted(hit.id for hit in by_place.hits) == ["r0", "r1"]


def test_the_spelling_field_counts_each_word_once_per_release_with_a_posting_per_segment(tmp_path):
    """Each word as written is in the spelling field with the number of releases that have it, as
    one posting per segment (not one per release), whether writer processes or this process wrote it,
    and an incremental run adds its releases' words."""
    import json
    from collections import Counter

    import regex

    from archive import Release
    from archive.reading import read_file
    from archive.scripts import LETTER
    from indexer import reindex
    from indexer.analysis import build_analyzer
    from indexer.schema import SPELLING
    from indexer.spelling import SpellingVocabulary
    from indexer.store import current_generation, open_folder
    from tests.corpus import write_corpus

    def words_of(release):
        text = f"{release.title} __ {release.title} __ {release.body}"
        return {token.text for token in build_analyzer()(text, no_morph=True)}

    def spelling(index):
        ix = open_folder(current_generation(index))
        try:
            with ix.reader() as reader:
                vocabulary = SpellingVocabulary.of(reader)
                counts = {word: int(vocabulary.frequencies[len(word)][vocabulary.words[len(word)].index(word)])
                          for words in vocabulary.words.values() for word in words}
                postings = max(sum(len(list(leaf.postings(SPELLING, word.encode()).all_ids()))
                                   for leaf, _ in reader.leaf_readers() if (SPELLING, word.encode()) in leaf)
                               for word in counts)
                return counts, postings, len(list(reader.leaf_readers()))
        finally:
            ix.close()

    source = write_corpus(tmp_path / "source")
    releases = [result for path in sorted(source.rglob("*")) if path.is_file()
                for result in read_file(path, source, 2_000_000) if isinstance(result, Release)]
    expected = Counter(word for release in releases for word in words_of(release))
    for jobs in (0, 2):
        index = tmp_path / f"index-{jobs}"
        reindex(source, index, full=True, jobs=jobs)
        counts, postings, segments = spelling(index)
        assert counts == {word: count for word, count in expected.items() if regex.fullmatch(rf"{LETTER}+", word)}
        assert postings <= segments < len(releases)
    record = {"id": "extra", "title": "Zanskar glaciers", "date": "2025-10-09", "body": "Zanskar glaciers retreat."}
    (source / "extra.jsonl").write_text(json.dumps(record) + "\n", "utf-8")
    reindex(source, tmp_path / "index-0")
    counts, _, _ = spelling(tmp_path / "index-0")
    assert counts["zanskar"] == 1 and counts["glaciers"] == expected["glaciers"] + 1
