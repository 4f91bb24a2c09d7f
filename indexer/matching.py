"""Match and score a parsed query with the snapshot's arrays instead of Whoosh's matchers.

Sets are boolean masks over document numbers; scores are Whoosh's BM25F, computed for the
matching documents only. Phrases of common words are looked up as word pairs (the `pairs`
field), so they cost one posting list per pair instead of a position check per document; a
phrase with a rarer word checks positions in that word's few releases.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import reduce
from typing import NamedTuple

import numpy as np
from whoosh import query as wq

from indexer.schema import PAIR_SEPARATOR, PAIRS, SPELLING, TEXT, common_pairs_of
from indexer.snapshot import Snapshot
from indexer.whoosh_reads import as_text, bm25_parameters


class UnsupportedQuery(TypeError):
    """A query type with no rule to match and score it: a gap to fill here, never to pass over."""


class _Rule(NamedTuple):
    """How one query type is matched (a mask of documents) and scored (on given documents)."""

    mask: Callable[[QueryEvaluator, wq.Query], np.ndarray]
    scores: Callable[[QueryEvaluator, wq.Query, np.ndarray], np.ndarray]


class QueryEvaluator:
    """Matches and scores the queries of one search on its searcher and snapshot.

    Each node of a query is matched once per search, however often scoring asks for its mask.
    """

    def __init__(self, searcher, snapshot: Snapshot):
        self.searcher, self.snapshot = searcher, snapshot
        self.reader = searcher.reader()
        self.schema = searcher.schema
        self._masks: dict[int, tuple[wq.Query, np.ndarray]] = {}
        self._expansions: dict[int, tuple[wq.Query, list[tuple[str, object]]]] = {}
        self._norms_of: np.ndarray | None = None
        self._norms: dict[str, np.ndarray] = {}

    def mask(self, query: wq.Query) -> np.ndarray:
        """Return the mask of the live documents `query` matches (not to be changed in place)."""
        known = self._masks.get(id(query))
        if known is None:
            known = self._masks[id(query)] = (query, rule_for(query).mask(self, query))
        return known[1]

    def scores(self, query: wq.Query, docs: np.ndarray) -> np.ndarray:
        """Return the BM25F score of each document in `docs` (sorted document numbers), as Whoosh
        scores them: a compound query sums the scores of its parts where they match, times its boost."""
        return rule_for(query).scores(self, query, docs)

    def matched(self, query: wq.Query, docs: np.ndarray) -> np.ndarray:
        """Whether `query` matches each document of `docs`."""
        return self.mask(query)[docs]

    def nothing(self) -> np.ndarray:
        """A mask of no documents."""
        return np.zeros(self.snapshot.size, dtype=bool)

    def sum_of_scores(self, queries, docs: np.ndarray) -> np.ndarray:
        """The scores of several queries on `docs`, added up."""
        return sum((self.scores(query, docs) for query in queries), np.zeros(len(docs)))

    def _term_bytes(self, fieldname: str, text) -> bytes | None:
        if fieldname not in self.schema:
            return None
        if isinstance(text, bytes):
            return text
        try:
            return self.schema[fieldname].to_bytes(text)
        except ValueError:
            return None

    def term_mask(self, fieldname: str, text) -> np.ndarray:
        """The live documents holding one term."""
        return self.union([(fieldname, text)])

    def union(self, terms: list[tuple[str, object]]) -> np.ndarray:
        """The live documents holding any of `terms`, (field, text) pairs."""
        mask = np.zeros(self.snapshot.size, dtype=bool)
        for fieldname, text in terms:
            term = self._term_bytes(fieldname, text)
            if term is not None:
                mask[self.snapshot.postings(self.reader, fieldname, term)[0]] = True
        return mask

    def term_scores(self, fieldname: str, text, docs: np.ndarray) -> np.ndarray:
        """Whoosh's BM25F score of one term for each document of `docs`."""
        term = self._term_bytes(fieldname, text)
        if term is None or (fieldname, term) not in self.reader:
            return np.zeros(len(docs))
        holders, weights = self.snapshot.postings(self.reader, fieldname, term)
        where = np.searchsorted(holders, docs)
        found = where < len(holders)
        found[found] = holders[where[found]] == docs[found]
        tf = np.zeros(len(docs), dtype=np.float64)
        tf[found] = weights[where[found]]
        if not self.schema[fieldname].scorable:
            return tf  # Whoosh scores a field without lengths by the posting's weight
        b, k1 = bm25_parameters(self.searcher.weighting, fieldname)
        norm = self._norm(fieldname, docs, b)
        # Whoosh's BM25F, as its scorer computes it for one posting.
        return self.searcher.idf(fieldname, term) * (tf * (k1 + 1)) / (tf + k1 * norm)

    def _norm(self, fieldname: str, docs: np.ndarray, b: float) -> np.ndarray:
        """BM25's length normalisation of `docs`, computed once for all the terms scored on them."""
        if docs is not self._norms_of:
            self._norms_of, self._norms = docs, {}
        if fieldname not in self._norms:
            lengths = self.snapshot.lengths(self.reader, fieldname)[docs]
            self._norms[fieldname] = (1 - b) + b * lengths / (self.searcher.avg_field_length(fieldname) or 1)
        return self._norms[fieldname]

    def phrase_mask(self, query: wq.Phrase) -> np.ndarray:
        """The live documents where the phrase's words stand in a row."""
        words = list(query.words)
        if query.fieldname != TEXT or query.slop != 1 or PAIRS not in self.schema or not words:
            return self.whoosh_mask(query)
        if len(words) == 1:
            return self.term_mask(TEXT, words[0])
        common = common_pairs_of(self.schema)  # None: every pair is indexed
        masks, unpaired = [], False
        for a, b in zip(words, words[1:]):
            if common is None or (a in common and b in common):
                masks.append(self.term_mask(PAIRS, f"{a}{PAIR_SEPARATOR}{b}"))
            else:
                # A rarer word: its few releases are the candidates.
                masks += [self.term_mask(TEXT, a), self.term_mask(TEXT, b)]
                unpaired = True
        candidates = reduce(np.logical_and, masks)
        if len(words) == 2 and not unpaired:
            return candidates
        # Each pair or word is present, but perhaps not in a row: positions tell.
        return self.snapshot.remembered(repr(query), lambda: self._checked(query, candidates))

    def _checked(self, query: wq.Phrase, candidates: np.ndarray) -> np.ndarray:
        """The candidates where the phrase's words stand in a row, read from their positions."""
        mask = np.zeros(self.snapshot.size, dtype=bool)
        docs = np.flatnonzero(candidates)
        terms = [self._term_bytes(TEXT, word) for word in query.words]
        for leaf, offset in self.reader.leaf_readers():
            local = (docs[(docs >= offset) & (docs < offset + leaf.doc_count_all())] - offset).tolist()
            if not local or any((TEXT, term) not in leaf for term in terms):
                continue
            # One matcher per word, moved forward only: each skip jumps whole blocks.
            matchers = [leaf.postings(TEXT, term) for term in terms]
            for docnum in local:
                starts = None
                for place, matcher in enumerate(matchers):
                    if matcher.is_active():
                        matcher.skip_to(docnum)
                    if not matcher.is_active() or matcher.id() != docnum:
                        starts = set()
                        break
                    found = {position - place for position in matcher.value_as("positions")}
                    starts = found if starts is None else starts & found
                    if not starts:
                        break
                if starts:
                    mask[docnum + offset] = True
        return mask

    def whoosh_mask(self, query: wq.Query) -> np.ndarray:
        """The live documents Whoosh's own matchers find for `query` (phrases with a slop ...)."""
        return self.snapshot.remembered(repr(query), lambda: self.snapshot.mask_of(self.searcher.docs_for_query(query)))

    def expanded(self, query: wq.MultiTerm) -> list[tuple[str, object]]:
        """The terms a wildcard or range stands for, found once per search."""
        known = self._expansions.get(id(query))
        if known is None:
            known = self._expansions[id(query)] = (query, self._expand(query))
        return known[1]

    def _expand(self, query: wq.MultiTerm) -> list[tuple[str, object]]:
        """The terms a wildcard or range stands for; a wildcard of the text field matches words.

        The text field holds stems, so a wildcard as typed (`used*`, `hosp?tal`) is matched
        against the unstemmed words of the spelling field, and each word found stands for its
        stem; stems that match it themselves count too.
        """
        if type(query) in (wq.Prefix, wq.Wildcard) and query.fieldname == TEXT and SPELLING in self.schema:
            words = [as_text(word) for _, word in type(query)(SPELLING, query.text).expanded_terms(self.reader)]
            stems = {stem for word in words for stem in self.schema[TEXT].process_text(word, mode="query")}
            stems.update(as_text(term) for _, term in query.expanded_terms(self.reader))
            return [(TEXT, stem) for stem in sorted(stems)]
        return list(query.expanded_terms(self.reader))


def _compound_mask(evaluator: QueryEvaluator, query: wq.CompoundQuery) -> np.ndarray:
    masks = [evaluator.mask(sub) for sub in query.subqueries]
    if not masks:
        return evaluator.nothing()
    return reduce(np.logical_and if isinstance(query, wq.And) else np.logical_or, masks)


def _multi_term_scores(evaluator: QueryEvaluator, query: wq.MultiTerm, docs: np.ndarray) -> np.ndarray:
    terms = evaluator.expanded(query)
    if isinstance(query, wq.TermRange) and query.constantscore and len(terms) > 1:
        return query.boost * evaluator.matched(query, docs)  # a range is a filter, as in Whoosh
    # The words a wildcard stands for are ranked as an OR of them (Whoosh gives a wildcard of
    # several words a constant score, which leaves its hits unranked).
    expanded = (evaluator.term_scores(fieldname, text, docs) for fieldname, text in terms)
    return query.boost * sum(expanded, np.zeros(len(docs)))


def _phrase_scores(evaluator: QueryEvaluator, query: wq.Phrase, docs: np.ndarray) -> np.ndarray:
    # A phrase is scored as its words: checking positions again while scoring was the slowest
    # part of a phrase search.
    words = sum((evaluator.term_scores(query.fieldname, word, docs) for word in query.words), np.zeros(len(docs)))
    return query.boost * words * evaluator.matched(query, docs)


def _zeros(evaluator: QueryEvaluator, query: wq.Query, docs: np.ndarray) -> np.ndarray:
    return np.zeros(len(docs))


#: Every query type a search can hold, with how it is matched and scored. Types are looked up
#: exactly (an `Ordered` is an `And` that also checks order), except that every MultiTerm (wildcard,
#: prefix, range, fuzzy term) stands for the terms it expands to; any other type raises UnsupportedQuery.
RULES: dict[type, _Rule] = {
    wq.Term: _Rule(lambda e, q: e.term_mask(q.fieldname, q.text),
                   lambda e, q, docs: q.boost * e.term_scores(q.fieldname, q.text, docs)),
    wq.Every: _Rule(lambda e, q: e.snapshot.live.copy(), _zeros),
    type(wq.NullQuery): _Rule(lambda e, q: e.nothing(), _zeros),
    # Whoosh scores a NOT 1, boosted or not.
    wq.Not: _Rule(lambda e, q: e.snapshot.live & ~e.mask(q.query),
                  lambda e, q, docs: e.matched(q, docs).astype(np.float64)),
    wq.And: _Rule(_compound_mask,
                  lambda e, q, docs: q.boost * e.sum_of_scores(q.subqueries, docs) * e.matched(q, docs)),
    wq.Or: _Rule(_compound_mask, lambda e, q, docs: q.boost * e.sum_of_scores(q.subqueries, docs)),
    wq.AndNot: _Rule(lambda e, q: e.mask(q.a) & ~e.mask(q.b),
                     lambda e, q, docs: q.boost * e.scores(q.a, docs) * e.matched(q, docs)),
    wq.AndMaybe: _Rule(lambda e, q: e.mask(q.a),
                       lambda e, q, docs: q.boost * e.sum_of_scores((q.a, q.b), docs) * e.matched(q, docs)),
    wq.Require: _Rule(lambda e, q: e.mask(q.a) & e.mask(q.b),
                      lambda e, q, docs: q.boost * e.scores(q.a, docs) * e.matched(q, docs)),
    wq.Phrase: _Rule(lambda e, q: e.phrase_mask(q), _phrase_scores),
    wq.MultiTerm: _Rule(lambda e, q: e.union(e.expanded(q)), _multi_term_scores),
}


def rule_for(query: wq.Query) -> _Rule:
    """How `query` is matched and scored; UnsupportedQuery when no rule covers its type."""
    rule = RULES.get(type(query)) or (RULES[wq.MultiTerm] if isinstance(query, wq.MultiTerm) else None)
    if rule is not None:
        return rule
    raise UnsupportedQuery(f"no rule to match and score a {type(query).__name__} query: add one to matching.RULES")
