"""The index schema: the one place where field names live (the facets' come from the vocabulary)."""

from __future__ import annotations

from whoosh import columns, fields, formats
from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer

from archive import EXTRACTION_VERSION
from indexer import word_counts
from indexer.codec import CompactPositions
from indexer.analysis import build_analyzer
from indexer.vocabulary import FACETS

ID = "id"
#: What a plain query searches: the title (twice, for weight) and the body, in one field,
#: so that each word is one posting list to score rather than one per field.
TEXT = "text"
#: The text's words as written (lower-cased), with how many releases have each, for "did you mean"
#: and wildcards: one posting a word a segment (word_counts.py), as Whoosh names its spelling fields.
SPELLING = f"spell_{TEXT}"
#: The text as pairs of neighbouring words ("border road"), for looking phrases up as terms.
PAIRS = "pairs"
PAIR_SEPARATOR = " "
TITLE = "title"
BODY = "body"
DATE = "date"
#: The key shared by the versions of one release in different languages.
TRANSLATION = "translation_key"
#: Everything else about a release (date, place, ministries, source, url ...), as stored JSON.
META = "meta"

#: The indexed text fields, the default first.
TEXT_FIELDS = (TEXT, TITLE)
#: Stands in for a missing date: it sorts undated releases last when newest come first.
UNDATED = "0000-00-00"
VALUE_SEPARATOR = "\n"
#: Changes whenever the schema does: an index of another version is rebuilt in full.
SCHEMA_VERSION = 8


def schema_signature() -> str:
    """The schema's version, extraction's and the facets: an index whose signature differs is rebuilt in full."""
    return " ".join([str(SCHEMA_VERSION), f"x{EXTRACTION_VERSION}",
                     *(facet.name + ("*" if facet.multi else "") for facet in FACETS)])


def _facet_field(multi: bool = False) -> fields.FieldType:
    """A facet: indexed folded for filtering, its display value kept in a column for counting."""
    if multi:
        analyzer = RegexTokenizer(r"[^\n]+") | LowercaseFilter()
        return fields.KEYWORD(analyzer=analyzer, sortable=columns.VarBytesColumn())
    return fields.ID(sortable=columns.VarBytesColumn())


class CommonPairsFilter(Filter):
    """Joins neighbouring stems into pairs ("border road"), only where both stems are common.

    Most pairs occur in one release or a few; indexing them all made the index almost three times
    as large. A phrase with a rarer word is found from that word's few releases instead, checked
    against positions (as in Lucene's CommonGrams). The words are chosen per index generation.
    """

    def __init__(self, common: frozenset[str] = frozenset()):
        self.common = frozenset(common)

    def __eq__(self, other) -> bool:
        return type(other) is type(self) and other.common == self.common

    def __call__(self, tokens):
        previous = None
        for token in tokens:
            text = token.text
            if previous in self.common and text in self.common:
                token.text = f"{previous}{PAIR_SEPARATOR}{text}"
                yield token
            previous = text


def common_pairs_of(schema) -> frozenset[str] | None:
    """The stems a schema's pairs field pairs up; None when it pairs every stem (or has no pairs)."""
    analyzer = schema[PAIRS].analyzer if PAIRS in schema else None
    for item in getattr(analyzer, "items", ()):
        if isinstance(item, CommonPairsFilter):
            return item.common
    return None


class Text(fields.TEXT):
    """A stemmed text field whose positions are kept compactly (indexer/codec.py)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.format = CompactPositions(field_boost=self.format.field_boost)


class CountedText(Text):
    """A stemmed text field whose words as written are counted for the spelling field
    (indexer/word_counts.py) instead of each getting a posting of its own."""

    def index(self, value, **kwargs):
        yield from super().index(value, **kwargs)
        # The words were worked out for the stems just now: this reads them again, not the text.
        word_counts.note(token.text for token in self.analyzer(value, no_morph=True))


def build_schema(common_words: frozenset[str] = frozenset()) -> fields.Schema:
    """Return a new schema for the release index; `common_words` are the stems paired for phrases."""
    stemmed = build_analyzer()
    return fields.Schema(**{
        # A column too: stories are kept by release id, and a snapshot reads every id at once.
        ID: fields.ID(unique=True, stored=True, sortable=columns.VarBytesColumn()),
        TEXT: CountedText(analyzer=stemmed),
        SPELLING: fields.SpellField(stemmed),
        # Pairs of the same stems as the text, stop words left out as the text leaves them out;
        # only whether a release has a pair is kept (a fifth smaller than with frequencies).
        PAIRS: fields.FieldType(formats.Existence(), build_analyzer() | CommonPairsFilter(common_words),
                                scorable=False),
        TITLE: Text(analyzer=stemmed, stored=True),
        BODY: fields.STORED(),
        DATE: fields.ID(sortable=True),
        TRANSLATION: fields.ID(),
        **{facet.name: _facet_field(facet.multi) for facet in FACETS},
        META: fields.STORED(),
    })
