"""Match and score a parsed query with the snapshot's arrays instead of Whoosh's matchers.

Sets are boolean masks over document numbers; scores are Whoosh's BM25F, computed for the
matching documents only. Phrases of common words are looked up as word pairs (the `pairs`
field), so they cost one posting list per pair instead of a position check per document; a
phrase with a rarer word checks positions in that word's few releases.
"""

from __future__ import annotations

from functools import reduce

import numpy as np
from whoosh import query as wq

from indexer.schema import PAIR_SEPARATOR, PAIRS, TEXT, common_pairs_of
from indexer.snapshot import Snapshot, as_text

B, K1 = 0.75, 1.2


class Matcher:
    """Matches and scores queries on one searcher and its snapshot."""

    def __init__(self, searcher, snapshot: Snapshot):
        self.searcher, self.snapshot = searcher, snapshot
        self.reader = searcher.reader()
        self.schema = searcher.schema
        self._norms_of: np.ndarray | None = None
        self._norms: dict[str, np.ndarray] = {}

    def docs(self, query: wq.Query) -> np.ndarray:
        """Return the mask of the live documents `query` matches."""
        kind = type(query)
        if kind is wq.Term:
            return self._term_mask(query.fieldname, query.text)
        if kind is wq.Every:
            return self.snapshot.live.copy()
        if kind is wq.Not:
            return self.snapshot.live & ~self.docs(query.query)
        if kind in (wq.And, wq.Or):
            masks = [self.docs(q) for q in query.subqueries]
            if not masks:
                return np.zeros(self.snapshot.size, dtype=bool)
            return reduce(np.logical_and if kind is wq.And else np.logical_or, masks)
        if kind is wq.AndNot:
            return self.docs(query.a) & ~self.docs(query.b)
        if kind is wq.AndMaybe:
            return self.docs(query.a)
        if kind is wq.Require:
            return self.docs(query.a) & self.docs(query.b)
        if kind is wq.Phrase:
            return self._phrase_mask(query)
        if isinstance(query, wq.MultiTerm):
            return self._union(self._expanded(query))
        if query is wq.NullQuery or isinstance(query, type(wq.NullQuery)):
            return np.zeros(self.snapshot.size, dtype=bool)
        # Anything else Whoosh knows how to match; it is rare enough to let Whoosh do it.
        return self._whoosh_mask(query)

    def scores(self, query: wq.Query, docs: np.ndarray) -> np.ndarray:
        """Return the BM25F score of each document in `docs` (sorted document numbers), as Whoosh
        scores them: a compound query sums the scores of its parts where they match, times its boost."""
        kind = type(query)
        if kind is wq.Term:
            return query.boost * self._term_scores(query.fieldname, query.text, docs)
        if kind is wq.Or:
            parts = sum((self.scores(sub, docs) for sub in query.subqueries), np.zeros(len(docs)))
            return query.boost * parts
        if kind is wq.And:
            parts = sum((self.scores(sub, docs) for sub in query.subqueries), np.zeros(len(docs)))
            return query.boost * parts * self._where(query, docs)
        if kind in (wq.AndNot, wq.Require):
            return query.boost * self.scores(query.a, docs) * self._where(query, docs)
        if kind is wq.AndMaybe:
            return query.boost * (self.scores(query.a, docs) + self.scores(query.b, docs)) * self._where(query, docs)
        if kind is wq.Not:
            return self._where(query, docs).astype(np.float64)  # Whoosh scores a NOT 1, boosted or not
        if kind is wq.Phrase:
            # A phrase is scored as its words: checking positions again while scoring was the
            # slowest part of a phrase search.
            words = sum((self._term_scores(query.fieldname, word, docs) for word in query.words), np.zeros(len(docs)))
            return query.boost * words * self._where(query, docs)
        if isinstance(query, wq.MultiTerm):
            terms = self._expanded(query)
            if isinstance(query, wq.TermRange) and query.constantscore and len(terms) > 1:
                return query.boost * self._where(query, docs)  # a range is a filter, as in Whoosh
            # The words a wildcard stands for are ranked as an OR of them (Whoosh gives a
            # wildcard of several words a constant score, which leaves its hits unranked).
            expanded = (self._term_scores(fieldname, text, docs) for fieldname, text in terms)
            return query.boost * sum(expanded, np.zeros(len(docs)))
        return np.zeros(len(docs))

    def _where(self, query: wq.Query, docs: np.ndarray) -> np.ndarray:
        return self.docs(query)[docs]

    def _term_bytes(self, fieldname: str, text) -> bytes | None:
        if fieldname not in self.schema:
            return None
        if isinstance(text, bytes):
            return text
        try:
            return self.schema[fieldname].to_bytes(text)
        except ValueError:
            return None

    def _term_mask(self, fieldname: str, text) -> np.ndarray:
        return self._union([(fieldname, text)])

    def _union(self, terms: list[tuple[str, object]]) -> np.ndarray:
        mask = np.zeros(self.snapshot.size, dtype=bool)
        for fieldname, text in terms:
            term = self._term_bytes(fieldname, text)
            if term is not None:
                mask[self.snapshot.postings(self.reader, fieldname, term)[0]] = True
        return mask

    def _term_scores(self, fieldname: str, text, docs: np.ndarray) -> np.ndarray:
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
        norm = self._norm(fieldname, docs)
        # Whoosh's BM25F, as its scorer computes it for one posting.
        return self.searcher.idf(fieldname, term) * (tf * (K1 + 1)) / (tf + K1 * norm)

    def _norm(self, fieldname: str, docs: np.ndarray) -> np.ndarray:
        """BM25's length normalisation of `docs`, computed once for all the terms scored on them."""
        if docs is not self._norms_of:
            self._norms_of, self._norms = docs, {}
        if fieldname not in self._norms:
            lengths = self.snapshot.lengths(self.reader, fieldname)[docs]
            self._norms[fieldname] = (1 - B) + B * lengths / (self.searcher.avg_field_length(fieldname) or 1)
        return self._norms[fieldname]

    def _phrase_mask(self, query: wq.Phrase) -> np.ndarray:
        words = list(query.words)
        if query.fieldname != TEXT or query.slop != 1 or PAIRS not in self.schema or not words:
            return self._whoosh_mask(query)
        if len(words) == 1:
            return self._term_mask(TEXT, words[0])
        common = common_pairs_of(self.schema)  # None: every pair is indexed
        masks, unpaired = [], False
        for a, b in zip(words, words[1:]):
            if common is None or (a in common and b in common):
                masks.append(self._term_mask(PAIRS, f"{a}{PAIR_SEPARATOR}{b}"))
            else:
                # A rarer word: its few releases are the candidates.
                masks += [self._term_mask(TEXT, a), self._term_mask(TEXT, b)]
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

    def _whoosh_mask(self, query: wq.Query) -> np.ndarray:
        return self.snapshot.remembered(repr(query), lambda: self.snapshot.mask_of(self.searcher.docs_for_query(query)))

    def _expanded(self, query: wq.MultiTerm) -> list[tuple[str, object]]:
        """The terms a wildcard or range stands for; a wildcard of the text field matches words.

        The text field holds stems, so a wildcard as typed (`used*`, `hosp?tal`) is matched
        against the unstemmed words of the spelling field, and each word found stands for its
        stem; stems that match it themselves count too.
        """
        spelling = self.schema[TEXT].spelling_fieldname(TEXT) if TEXT in self.schema else None
        if type(query) in (wq.Prefix, wq.Wildcard) and query.fieldname == TEXT and spelling in self.schema:
            words = [as_text(word) for _, word in type(query)(spelling, query.text).expanded_terms(self.reader)]
            stems = {stem for word in words for stem in self.schema[TEXT].process_text(word, mode="query")}
            stems.update(as_text(term) for _, term in query.expanded_terms(self.reader))
            return [(TEXT, stem) for stem in sorted(stems)]
        return list(query.expanded_terms(self.reader))
