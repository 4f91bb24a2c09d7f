"""Cached document lengths must not change a single score."""

from whoosh.scoring import BM25F

from indexer.query import parse_user_query
from indexer.scoring import CachedLengthBM25F
from indexer.store import open_index


def test_cached_length_bm25f_scores_like_bm25f(small_index):
    ix = open_index(small_index)
    try:
        query = parse_user_query("hospital OR defence OR maritime", ix.schema).query
        scores = []
        for weighting in (BM25F(), CachedLengthBM25F()):
            with ix.searcher(weighting=weighting) as searcher:
                scores.append([(hit.docnum, round(hit.score, 9)) for hit in searcher.search(query, limit=None)])
        assert scores[0] == scores[1] and len(scores[0]) >= 5
    finally:
        ix.close()
