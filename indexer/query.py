"""User query strings: facet and date terms taken out as filters, the rest parsed by Whoosh.

    defence "border roads" ministry:"Ministry of Defence" from:2025-10 to:2025-12 -army
"""

from __future__ import annotations

import re
from datetime import date
from dataclasses import dataclass, field

import regex
from whoosh import query as wq
from whoosh.qparser import FieldAliasPlugin, OrGroup, QueryParser

from archive.normalise import plain_punctuation
from archive.scripts import LETTER, normalise_prefix
from indexer.errors import BadSearch
from indexer.schema import BODY, PAIRS, TEXT
from indexer.vocabulary import DATE_FILTERS, FACETS, MAX_QUERY_LENGTH, facet_named

#: What each filter prefix a query may use stands for: a facet's name or alias, or a date filter.
_PREFIXES = {**{name: facet.name for facet in FACETS for name in (facet.name, *facet.aliases)},
             **{name: name for name in DATE_FILTERS}}
_FILTER_TERM = re.compile(
    rf'(?<![^\s(])(?P<field>{"|".join(map(re.escape, sorted(_PREFIXES, key=len, reverse=True)))})'
    r':(?:"(?P<quoted>[^"]*)"|(?P<bare>[^\s()"]+))',
    re.IGNORECASE,
)
_PARTIAL_DATE = re.compile(r"^[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?$")
_WORD = regex.compile(rf"{LETTER}+")
_INTERNAL_FIELD = re.compile(rf"(?<![\w])({PAIRS}|spell_{TEXT}):", re.IGNORECASE)
# `-army` excludes, as in web search engines; Whoosh spells it `NOT army`.
_MINUS = re.compile(r"(?<![^\s(])-(?=[\w\"(])")
# Wildcards that would expand to a large part of the vocabulary: a leading `*` or `?`, or fewer
# than two letters before one.
_COSTLY_WILDCARD = regex.compile(rf"(?<!{LETTER}|[*?])(?:[*?]+(?={LETTER})|{LETTER}?[*?]+(?!{LETTER}))")


class BadDate(BadSearch):
    """A from/to/date value that is not YYYY, YYYY-MM or YYYY-MM-DD."""


@dataclass
class ParsedQuery:
    """A user query taken apart."""

    query: wq.Query
    text: str
    filters: dict[str, list[str]] = field(default_factory=dict)
    date_from: str = ""
    date_to: str = ""
    note: str = ""

    @property
    def has_words(self) -> bool:
        """Whether any free text is searched for (not just browsing with filters)."""
        return not isinstance(self.query, wq.Every)


def check_partial_date(value: str, name: str) -> str:
    """Return `value` if it is YYYY, YYYY-MM or YYYY-MM-DD; raise BadDate naming `name` if not."""
    value = value.strip()
    if value and not (_PARTIAL_DATE.match(value) and _real_date(value)):
        raise BadDate(name, f"{name}: {value!r} is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)")
    return value


def _real_date(value: str) -> bool:
    parts = [int(part) for part in value.split("-")]
    try:
        date(parts[0], *(parts[1:] + [1] * (3 - len(parts))))
    except ValueError:
        return False
    return parts[0] >= 1


def parse_user_query(text: str, schema) -> ParsedQuery:
    """Return the query for `text`; a text that does not parse falls back to its words, with a note."""
    notes: list[str] = []
    text = plain_punctuation(text or "")
    if len(text) > MAX_QUERY_LENGTH:
        text = text[:MAX_QUERY_LENGTH]
        notes.append(f"The query was cut to its first {MAX_QUERY_LENGTH} characters.")
    parsed = ParsedQuery(query=wq.Every(), text="")
    remaining = _FILTER_TERM.sub(lambda m: _take_filter(m, parsed, notes), text).strip()
    parsed.text = remaining
    if remaining:
        parsed.query, note = _parse_text(remaining, schema)
        if note:
            notes.append(note)
    parsed.note = " ".join(notes)
    return parsed


def ordered_range(date_from: str, date_to: str) -> tuple[str, str, str]:
    """The range from-to the right way round, with a note when it had to be turned round."""
    # "2025-10" ends after "2025-10-31" though it sorts before it: compare ends padded high.
    if date_from and date_to and date_from > date_to + "\uffff":
        return date_to, date_from, (f"From {date_from} to {date_to} runs backwards: "
                                    f"showing {date_to} to {date_from}.")
    return date_from, date_to, ""


def _take_filter(match: re.Match[str], parsed: ParsedQuery, notes: list[str]) -> str:
    name = _PREFIXES[match["field"].lower()]
    value = (match["quoted"] if match["quoted"] is not None else match["bare"]).strip()
    if not value:
        return " "
    if name in DATE_FILTERS:
        try:
            value = check_partial_date(value, name)
        except BadDate as exc:
            notes.append(f"Ignored {exc}.")
            return " "
        if name in ("from", "date"):
            parsed.date_from = value
        if name in ("to", "date"):
            parsed.date_to = value
    elif not facet_named(name).well_formed(value):
        notes.append(f"Ignored {name}:{value} ({name} is written {facet_named(name).form_hint}).")
    else:
        parsed.filters.setdefault(name, []).append(facet_named(name).as_indexed(value))
    return " "


def _parse_text(text: str, schema) -> tuple[wq.Query, str]:
    text = _MINUS.sub("NOT ", text)
    # The index's own helper fields are not for searching: `pairs:x` is two words.
    text = _INTERNAL_FIELD.sub(lambda match: match.group(1) + " ", text)
    cheaper = text
    while True:
        stripped = _COSTLY_WILDCARD.sub(lambda match: match.group().strip("*?"), cheaper)
        if stripped == cheaper:
            break
        cheaper = stripped
    wildcard_note = ""
    if cheaper != text:
        text = cheaper
        wildcard_note = "Wildcards need two letters before them and cannot start a word; they were left out."
    query, note = _parse_words(text, schema)
    return query, " ".join(filter(None, (wildcard_note, note)))


def _parse_words(text: str, schema) -> tuple[wq.Query, str]:
    words = _WORD.findall(text)
    if not words:
        return wq.Every(), "The query has no words to search for, so everything is shown."
    if text.count('"') % 2 or _unbalanced(text):
        return _words_query(words, schema), "Unbalanced quotes or parentheses: searched for the words instead."
    parser = _parser(schema)
    try:
        parsed = parser.parse(text)
    except Exception:  # Whoosh's parser raises assorted types on odd input; the words still count.
        return _words_query(words, schema), "The query could not be understood: searched for its words instead."
    if parsed is wq.NullQuery or isinstance(parsed, type(wq.NullQuery)):
        return _words_query(words, schema), "The query could not be understood: searched for its words instead."
    return parsed, ""


class _Parser(QueryParser):
    """Whoosh's parser, except that wildcards of the text field are kept as typed.

    Whoosh runs a wildcard through the field's analyzer, and the stemmer turns `used*` into
    `us*`. Kept as typed, the wildcard is matched against the unstemmed words of the spelling
    field, and each word found against its stem (see indexer.matching).
    """

    def term_query(self, fieldname, text, termclass, boost=1.0, tokenize=True, removestops=True):
        if fieldname == TEXT and termclass in (wq.Wildcard, wq.Prefix):
            return termclass(fieldname, normalise_prefix(text.lower()), boost=boost)
        return super().term_query(fieldname, text, termclass, boost, tokenize, removestops)


def _parser(schema, group=None) -> QueryParser:
    parser = _Parser(TEXT, schema, **({"group": group} if group else {}))
    # `body:word` searches the text, which holds the body.
    parser.add_plugin(FieldAliasPlugin({TEXT: [BODY, "content"]}))
    return parser


def _words_query(words: list[str], schema) -> wq.Query:
    try:
        return _parser(schema, OrGroup).parse(" ".join(words))
    except Exception:  # words that are operators (`ANDMAYBE`) can still trip the parser
        stems = [stem for word in words for stem in schema[TEXT].process_text(word, mode="query")]
        return wq.Or([wq.Term(TEXT, stem) for stem in stems])


def _unbalanced(text: str) -> bool:
    depth = 0
    for char in re.sub(r'"[^"]*"', "", text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return True
    return depth != 0

