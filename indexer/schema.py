"""The index schema: the one place where field names live."""

from __future__ import annotations

from whoosh import columns, fields
from whoosh.analysis import LowercaseFilter, RegexTokenizer, StemmingAnalyzer

ID = "id"
TITLE = "title"
BODY = "body"
DATE = "date"
#: The date again, with undated releases sorting last in ascending order too.
DATE_ASC = "date_asc"
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
TEXT_FIELDS = (TITLE, BODY)
UNDATED_LOW, UNDATED_HIGH = "0000-00-00", "9999-99-99"
VALUE_SEPARATOR = "\n"


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
        TITLE: fields.TEXT(analyzer=stemmed, stored=True, spelling=True, field_boost=2.0),
        BODY: fields.TEXT(analyzer=stemmed, stored=True, spelling=True),
        DATE: fields.ID(sortable=True),
        DATE_ASC: fields.ID(sortable=True),
        MINISTRY: _facet_field(multi=True),
        **{name: _facet_field() for name in (LOCATION, COUNTRY, AGENCY, YEAR, MONTH)},
        META: fields.STORED(),
    })
