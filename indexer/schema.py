"""The index schema: the one place where field names live."""

from __future__ import annotations

from whoosh import columns, fields, formats
from whoosh.analysis import BiWordFilter, LowercaseFilter, RegexTokenizer, StemmingAnalyzer

ID = "id"
#: What a plain query searches: the title (twice, for weight) and the body, in one field,
#: so that each word is one posting list to score rather than one per field.
TEXT = "text"
#: The text as pairs of neighbouring words ("border road"), for looking phrases up as terms.
PAIRS = "pairs"
PAIR_SEPARATOR = " "
TITLE = "title"
BODY = "body"
DATE = "date"
MINISTRY = "ministry"
LOCATION = "location"
COUNTRY = "country"
AGENCY = "agency"
YEAR = "year"
MONTH = "month"
#: Everything else about a release (date, place, ministries, source, url ...), as stored JSON.
META = "meta"

#: The facet columns, in the order they are shown.
FACETS = (MINISTRY, LOCATION, COUNTRY, AGENCY, YEAR, MONTH)
#: Facets with many values per release.
MULTI_VALUED = frozenset({MINISTRY})
#: The indexed text fields, the default first.
TEXT_FIELDS = (TEXT, TITLE)
#: Stand-ins for a missing date: the lowest sorts undated releases last when newest come first.
UNDATED_LOW, UNDATED_HIGH = "0000-00-00", "9999-99-99"
VALUE_SEPARATOR = "\n"
#: Changes whenever the schema does: an index of another version is rebuilt in full.
SCHEMA_VERSION = 2


def _facet_field(multi: bool = False) -> fields.FieldType:
    """A facet: indexed folded for filtering, its display value kept in a column for counting."""
    if multi:
        analyzer = RegexTokenizer(r"[^\n]+") | LowercaseFilter()
        return fields.KEYWORD(analyzer=analyzer, sortable=columns.VarBytesColumn())
    return fields.ID(sortable=columns.VarBytesColumn())


def build_schema() -> fields.Schema:
    """Return a new schema for the release index."""
    stemmed = StemmingAnalyzer()
    return fields.Schema(**{
        ID: fields.ID(unique=True, stored=True),
        TEXT: fields.TEXT(analyzer=stemmed, spelling=True),
        # Pairs of the same stems as the text, stop words left out as the text leaves them out;
        # only whether a release has a pair is kept (a fifth smaller than with frequencies).
        PAIRS: fields.FieldType(formats.Existence(), StemmingAnalyzer() | BiWordFilter(sep=PAIR_SEPARATOR), scorable=False),
        TITLE: fields.TEXT(analyzer=stemmed, stored=True),
        BODY: fields.STORED(),
        DATE: fields.ID(sortable=True),
        MINISTRY: _facet_field(multi=True),
        **{name: _facet_field() for name in (LOCATION, COUNTRY, AGENCY, YEAR, MONTH)},
        META: fields.STORED(),
    })
