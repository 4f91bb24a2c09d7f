"""The array matcher agrees with Whoosh's own matching and BM25F scoring, phrases included."""

import numpy as np
import pytest
from whoosh import query as wq

from indexer import SearchRequest, reindex, search
from indexer.matching import QueryEvaluator
from indexer.query import parse_user_query
from indexer.scoring import CachedLengthBM25F
from indexer.snapshot import snapshot_of
from indexer.store import open_index
from tests.corpus import RELEASES, write_corpus

QUERIES = [
    "hospital", "defence secretary", "hospital OR coal", "hospital NOT army", "-army hospital",
    "(coal OR drone) AND rules", "title:hospital", "maritime security dialogue", "nothingness",
    '"border roads"', '"defence secretary"', '"minister of coal"', '"civil hospitals"',
    '"army hospitals will share"', '"share records with civil hospitals"', '"hospitals army"',
    "body:readiness", "text:[coal TO drone]", "hospitl~",
]


@pytest.fixture
def open_small(small_index):
    ix = open_index(small_index)
    searcher = ix.searcher(weighting=CachedLengthBM25F())
    yield ix, searcher, QueryEvaluator(searcher, snapshot_of(searcher, str(ix.storage.folder)))
    searcher.close()
    ix.close()


@pytest.mark.parametrize("text", QUERIES)
def test_matches_what_whoosh_matches(open_small, text):
    ix, searcher, matcher = open_small
    query = parse_user_query(text, ix.schema).query
    mine = {int(docnum) for docnum in matcher.mask(query).nonzero()[0]}
    assert mine == set(searcher.docs_for_query(query))


@pytest.mark.parametrize("text", [
    "hospital", "defence secretary", "hospital OR coal", "title:hospital", "hospital NOT army",
    "(army AND coal) OR hospital", "(hospital OR coal)^3 defence", "hospital ANDMAYBE army",
    "hos*", "bord* OR coal", "text:[coal TO drone]", "id:coal OR coal", "(hospital -army) OR coal",
    "(defence ANDMAYBE hospital) OR chennai", "(defence -army)^2", "title:[hospit TO hospitz]",
    "title:[maldiv TO maldivz]^3 defence",
])
def test_scores_are_whoosh_bm25f(open_small, text):
    ix, searcher, matcher = open_small
    query = parse_user_query(text, ix.schema).query
    theirs = {hit.docnum: hit.score for hit in searcher.search(query, limit=None)}
    docs = sorted(theirs)

    mine = matcher.scores(query, np.array(docs))
    assert theirs and mine.tolist() == pytest.approx([theirs[d] for d in docs], rel=1e-5)


def test_phrase_words_must_be_adjacent_and_in_order(small_index):
    def found(q):
        return {hit.id for hit in search(small_index, SearchRequest(q=q)).hits}

    assert found('"army hospitals will share records"') == {"army-health"}
    assert found('"records share"') == set()
    # Stop words are left out of the phrase as they are left out of the index.
    assert found('"minister of coal"') == {"coal"}


def test_phrase_hits_are_scored_as_their_words(small_index):
    result = search(small_index, SearchRequest(q='"border roads" defence'))
    assert {hit.id for hit in result.hits} == {"maldives", "border-roads"}
    assert all(hit.score and hit.score > 0 for hit in result.hits)
    assert [hit.score for hit in result.hits] == sorted((hit.score for hit in result.hits), reverse=True)


@pytest.fixture
def prefix_index(tmp_path):
    releases = [
        {"id": "used", "title": "Funds used well", "date": "2025-01-01", "body": "The grant was used for roads."},
        {"id": "useful", "title": "A useful scheme", "date": "2025-01-02", "body": "Farmers found it useful."},
        {"id": "users", "title": "Users of the portal", "date": "2025-01-03", "body": "Portal users grew."},
        {"id": "usa", "title": "Talks with USA officials", "date": "2025-01-04", "body": "The USA delegation met."},
    ]
    source = write_corpus(tmp_path / "source", releases)
    reindex(source, tmp_path / "index")
    return tmp_path / "index"


def test_prefix_matches_the_words_typed_not_their_stem(prefix_index):
    def found(q):
        return {hit.id for hit in search(prefix_index, SearchRequest(q=q)).hits}

    # Whoosh would stem `used*` to `us*` and find all four; each word found matches as its
    # stem does (`useful` and `used` both stem to `use`), as a plain word search would.
    assert found("used*") == found("used") == {"used", "useful"}
    assert found("use*") == {"used", "useful", "users"}
    assert found("us*") == {"used", "useful", "users", "usa"}
    assert found("USE*") == {"used", "useful", "users"}
    assert found("us?d") == found("used")
    assert found("used* text:useful*") == {"used", "useful"}


def test_matcher_and_whoosh_agree_on_every_release_of_the_corpus(open_small):
    ix, searcher, matcher = open_small
    everything = matcher.mask(wq.Every())
    assert int(everything.sum()) == len(RELEASES) == searcher.doc_count()


def test_long_phrases_across_segments_and_updates(tmp_path):
    source = write_corpus(tmp_path / "source")
    index = tmp_path / "index"
    reindex(source, index)
    write_corpus(source, [{"id": "navy-health", "title": "Navy hospitals", "date": "2025-11-01",
                           "body": "Navy and army hospitals will share staff, the Defence Secretary said."}])
    assert reindex(source, index).added == 1  # in a second segment
    # An updated release: its old text (in the first segment, now deleted) must not match.
    changed = dict(RELEASES[7], body="Records of civil hospitals are to be shared.")
    write_corpus(source, [changed])
    assert reindex(source, index).updated == 1

    def found(q):
        return {hit.id for hit in search(index, SearchRequest(q=q)).hits}

    assert RELEASES[7]["id"] == "army-health"
    assert found('"defence secretary said"') == {"navy-health"}
    assert found('"records of civil hospitals"') == {"army-health"}
    assert found('"hospitals will share staff"') == {"navy-health"}


def test_prefixes_whoosh_stems_alike_keep_both_meanings(small_index):
    def found(q):
        return {hit.id for hit in search(small_index, SearchRequest(q=q)).hits}

    assert found("hospitals* OR hospital*") == found("hospital* OR hospitals*") == found("hospital*")
    assert found("hosp?tal") == found("hospital") == {"script", "chennai", "army-health"}


@pytest.mark.parametrize("text, total, note", [
    ("meta:ANDMAYBE {ANDMAYBE coal { ]", 1, "The query could not be understood: searched for its words instead."),
    ("ANDMAYBE", 0, ""),  # an operator alone is a word
    ("(( NOT", 0, "Unbalanced quotes or parentheses: searched for the words instead."),
    ("*", 10, "Wildcards need two letters before them and cannot start a word; they were left out. "
              "The query has no words to search for, so everything is shown."),
    ("title:coal", 1, ""),
    ("title: coal", 0, ""),  # a field name with nothing after it is a word: "title" and "coal"
    ("a:b:c", 0, "The query could not be understood: searched for its words instead."),
])
def test_odd_queries_answer_with_a_result_and_say_what_was_searched(small_index, text, total, note):
    result = search(small_index, SearchRequest(q=text))
    assert (result.total, result.note) == (total, note)


def test_snapshots_of_replaced_generations_are_let_go(tmp_path):
    from indexer import snapshot

    source = write_corpus(tmp_path / "source")
    index = tmp_path / "index"
    for _ in range(4):
        reindex(source, index, full=True)
        assert search(index, SearchRequest(q="hospital")).total == 3
    kept = snapshot.kept_snapshots(index)
    assert len(kept) == snapshot.KEPT_PER_INDEX
    # Only the newest holds postings; the one before serves searchers that have not moved yet.
    assert len(kept[-1].posting_cache) > 0
    assert all(len(older.posting_cache) == 0 for older in kept[:-1])


def test_cached_postings_are_counted_by_what_is_kept(open_small):
    ix, searcher, matcher = open_small
    snap = matcher.snapshot
    snap.posting_cache.clear()
    for text in ["hospital", "defence", "hospital"]:
        matcher.mask(parse_user_query(text, ix.schema).query)
    kept = snap.posting_cache.values()
    held = sum(docs.nbytes + weights.nbytes for docs, weights in kept)
    assert len(kept) == 2 and snap.posting_cache.total == held > 0


def test_internal_fields_are_searched_as_words(small_index):
    # `pairs` holds neighbouring stems for phrases; typed as a field it is just a word.
    assert search(small_index, SearchRequest(q='pairs:"border road"')).total == 0
    assert search(small_index, SearchRequest(q="spell_text:hospital")).total == 0


def test_only_common_stems_are_paired_and_rarer_phrases_still_match(open_small, small_index):
    from indexer.schema import PAIRS, common_pairs_of

    ix, searcher, matcher = open_small
    common = common_pairs_of(ix.schema)
    # Chosen at the full build: stems in two or more of the ten releases.
    assert {"border", "road", "hospit"} <= common and "civil" not in common
    reader = searcher.reader()
    assert (PAIRS, b"border road") in reader and (PAIRS, b"civil hospit") not in reader

    def found(q):
        return {hit.id for hit in search(small_index, SearchRequest(q=q)).hits}

    assert found('"civil hospitals"') == {"army-health"}
    assert found('"hospitals civil"') == set()


def test_common_stems_come_from_a_sample_spread_over_the_source(tmp_path, monkeypatch):
    import indexer.build as build

    releases = [{"id": f"r{n:03d}", "title": f"Release {n}", "date": "2025-01-01",
                 "body": ("Zebra crossing " if n % 12 < 6 else "") + ("Okapi sighted" if n == 6 else "")}
                for n in range(300)]
    source = write_corpus(tmp_path / "source", releases)
    monkeypatch.setattr(build, "SAMPLE_FILES", 50)
    monkeypatch.setattr(build, "SAMPLE_RELEASES", 50)
    stems = build.stems_in_many(build.sample_releases(source))
    # Every sixth file of 300 is read (one release each): half hold "zebra crossing", one "okapi".
    assert {"zebra", "cross", "releas"} <= stems and "okapi" not in stems
