"""Facet values as arrays: (document, value code) pairs to count and filter with numpy."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from archive.normalise import fold
from indexer.schema import VALUE_SEPARATOR


@dataclass(frozen=True)
class FacetColumn:
    """One facet's values as (document, value code) pairs; a document may have several."""

    values: list[str]
    docs: np.ndarray
    codes: np.ndarray
    #: The codes of each folded value, as filters compare them.
    by_folded: dict[str, list[int]]

    def count(self, mask: np.ndarray) -> list[tuple[str, int]]:
        """Return (value, count) for every value present in the documents of `mask`."""
        counts = np.bincount(self.codes[mask[self.docs]], minlength=len(self.values))
        return [(self.values[code], int(counts[code])) for code in np.flatnonzero(counts)]

    def mask(self, wanted: list[str], size: int) -> np.ndarray:
        """Return the documents having any of the `wanted` values (compared folded)."""
        codes = [code for value in wanted for code in self.by_folded.get(fold(value), ())]
        result = np.zeros(size, dtype=bool)
        result[self.docs[np.isin(self.codes, codes)]] = True
        return result


def facet_column(joined_values: list[str], live: np.ndarray) -> FacetColumn:
    """The column of one facet from each document's stored values (joined by VALUE_SEPARATOR)."""
    codes: dict[str, int] = {}
    docs, pair_codes = [], []
    for docnum, joined in enumerate(joined_values):
        if joined and live[docnum]:
            for value in joined.split(VALUE_SEPARATOR):
                docs.append(docnum)
                pair_codes.append(codes.setdefault(value, len(codes)))
    values = list(codes)
    by_folded: dict[str, list[int]] = {}
    for code, value in enumerate(values):
        by_folded.setdefault(fold(value), []).append(code)
    return FacetColumn(values, np.array(docs, dtype=np.int64), np.array(pair_codes, dtype=np.int64), by_folded)
