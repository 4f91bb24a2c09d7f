"""'Did you mean': corrections for query words that no text field of the index knows."""

from __future__ import annotations

from whoosh.spelling import Corrector

from indexer.query import ParsedQuery
from indexer.schema import TEXT, TEXT_FIELDS


class _NearestWordCorrector(Corrector):
    """Suggests the closest words first, then the most frequent: `hospitl` -> `hospital`.

    Whoosh's own ReaderCorrector ranks every word within the distance by frequency alone.
    It reads the unstemmed spelling field, so that suggestions are words, not stems.
    """

    def __init__(self, reader, fieldname: str):
        self.reader, self.fieldname = reader, fieldname

    def _suggestions(self, text, maxdist, prefix):
        seen = set()
        for distance in range(1, maxdist + 1):
            for word in self.reader.terms_within(self.fieldname, text, distance, prefix=prefix):
                if word not in seen:
                    seen.add(word)
                    frequency = self.reader.frequency(self.fieldname, word) or 1
                    yield -(distance + 0.5 / frequency), word


def suggest_query(searcher, parsed: ParsedQuery, original: str) -> str:
    """Return a corrected query when some word of it is unknown to every text field, else ""."""
    if not parsed.has_words:
        return ""
    reader = searcher.reader()
    words = {text for field, text in parsed.query.iter_all_terms() if field in TEXT_FIELDS}
    if not any(all((field, word) not in reader for field in TEXT_FIELDS) for word in words):
        return ""
    text = _NearestWordCorrector(searcher.reader(), searcher.schema[TEXT].spelling_fieldname(TEXT))
    try:
        corrected = searcher.correct_query(parsed.query, parsed.text, correctors={name: text for name in TEXT_FIELDS})
    except Exception:  # A suggestion is a nicety; never let it break a search.
        return ""
    if corrected.query == parsed.query or corrected.string.strip() == parsed.text.strip():
        return ""
    # Keep the filter terms the user typed (ministry:..., from:...) around the corrected words.
    return original.replace(parsed.text, corrected.string) if parsed.text in original else corrected.string
