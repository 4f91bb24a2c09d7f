"""Ministries a release is from or about, normalised with the authority file `data/ministries.json`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from archive.authority import load_data
from archive.ministries_hindi import find_hindi_ministries, hindi_issuer
from archive.normalise import collapse_spaces, fold
from archive.places import country_name, demonyms

# Forms generated for every portfolio `p` of a ministry ("Defence" -> "Defence Minister", ...).
_PORTFOLIO_FORMS = (
    "Ministry of {p}", "Ministry for {p}", "{p} Ministry", "Minister of {p}", "Minister for {p}",
    "Minister of State for {p}", "Minister of State of {p}", "{p} Minister", "{p} Secretary",
    "Secretary of {p}", "Secretary, {p}", "Department of {p}",
)
_COUNTRY_WORDS = r"[A-Z][\w.'\u2019\-]*(?: [A-Z][\w.'\u2019\-]*){0,3}"
_BEFORE = re.compile(rf"(?:^|[^\w])(?:the )?(?P<name>{_COUNTRY_WORDS})(?:'s?|\u2019s?)? (?:the )?$")
_STATE_BEFORE = re.compile(r"\b[Ss]tate(?:'s)? (?:government's )?$")
_AFTER_COMMA = re.compile(rf"^(?:,| of) (?:the )?(?P<name>{_COUNTRY_WORDS})")
_AFTER_PERSON = re.compile(
    r"^ (?:(?:Dr|H\.E|Mr|Ms|Mrs|Shri|Smt|Prof)\.? )*(?:[A-Z][\w.'\-]+ ){1,4}of (?:the )?"
    rf"(?P<name>{_COUNTRY_WORDS})"
)


@dataclass(frozen=True)
class _Entry:
    name: str
    foreign_name: str
    # Titles such as "FM" are ambiguous at home (Finance Minister?) and count only abroad.
    foreign_only: bool = False


@dataclass(frozen=True)
class _Authority:
    # First token -> [(tokens of a phrase, entry)], longest phrase first. Phrases compare
    # lower-cased; acronyms (MoD, MEA) compare as written.
    phrases: dict[str, list[tuple[tuple[str, ...], _Entry]]]
    acronyms: dict[str, list[tuple[tuple[str, ...], _Entry]]]
    issuers: dict[str, str]
    states: frozenset[str]
    #: Folded portfolio (`foreign affairs`) -> the ministry's name abroad: a minister's header line.
    portfolios: dict[str, str]


_DEVANAGARI = re.compile("[\u0900-\u097f]")
# Words, and the punctuation that may sit inside a ministry's name or must break a phrase.
_TOKEN = re.compile(r"\w+(?:'(?!s\b)\w+)*|[&,.;:()]")


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(text.replace("\u2019", "'")))


def _variants(phrase: str) -> set[str]:
    phrase = collapse_spaces(phrase)
    return {phrase, phrase.replace(" & ", " and "), phrase.replace(" and ", " & ")}


def _add(table: dict, tokens: tuple[str, ...], entry: _Entry) -> None:
    candidates = table.setdefault(tokens[0], [])
    if all(existing != tokens for existing, _ in candidates):
        candidates.append((tokens, entry))
        candidates.sort(key=lambda candidate: -len(candidate[0]))


@lru_cache(maxsize=1)
def _authority() -> _Authority:
    data = load_data("ministries")
    phrases: dict = {}
    acronyms: dict = {}
    issuers: dict[str, str] = {}
    for item in data["ministries"]:
        entry = _Entry(item["name"], item.get("foreign_name") or item["name"])
        names = [item["name"], *item.get("aliases", ()), *item.get("titles", ()), *item.get("former_names", ())]
        names += [form.format(p=p) for p in item.get("portfolios", ()) for form in _PORTFOLIO_FORMS]
        for name in names:
            for variant in _variants(name):
                _add(phrases, _tokens(variant.lower()), entry)
        for acronym in item.get("acronyms", ()):
            _add(acronyms, _tokens(acronym), entry)
        for acronym in item.get("foreign_only", ()):
            _add(acronyms, _tokens(acronym), _Entry(entry.name, entry.foreign_name, foreign_only=True))
        for name in (item["name"], *item.get("former_names", ())):
            for variant in _variants(name):
                issuers.setdefault(fold(variant), item["name"])
    for body in data["issuing_bodies"]:
        issuers[fold(body)] = body
    for spelling, name in data["pib_spellings"].items():
        issuers[fold(spelling)] = name
    states = frozenset(fold(state) for state in data["indian_states"])
    portfolios = {fold(p): item.get("foreign_name") or item["name"] for item in data["ministries"]
                  for p in item.get("portfolios", ())}
    return _Authority(phrases, acronyms, issuers, states, portfolios)


def canonical_issuer(line: str) -> str:
    """Return the canonical name for a PIB issuing line (`Ministry of Electronics & IT`, `रक्षा मंत्रालय`),
    else as written."""
    line = collapse_spaces(line)
    if _DEVANAGARI.search(line):
        return hindi_issuer(line) or next(iter(find_hindi_ministries(line)), line)
    authority = _authority()
    known = authority.issuers.get(fold(line))
    if known:
        return known
    found = find_ministries(line)
    return found[0] if len(found) == 1 and "(" not in found[0] else line


# Lines worth looking up as a ministry: its words, or a portfolio alone (`Defence`, `Trade and Investment`).
_MINISTRY_WORD = re.compile(r"(?i:minist|department|secretar|office|affairs|defen[cs]e)"
                            r"|\A[A-Z][a-z]+(?: and [A-Z][a-z]+)?\Z")


def names_ministry(line: str) -> bool:
    """Whether a line is, as a whole, the name of an issuing body or ministry the authority file knows."""
    line = collapse_spaces(line)
    if _DEVANAGARI.search(line):
        return bool(hindi_issuer(line))
    return fold(line) in _authority().issuers or bool(_MINISTRY_WORD.search(line) and foreign_portfolio(line))


def names_indian_body(line: str) -> bool:
    """Whether a line is an Indian body's own name or spelling (`Ministry of Defence`, `MEA`, `PMO`),
    not a portfolio any government has (`Minister for Foreign Affairs`)."""
    return fold(collapse_spaces(line)) in _authority().issuers


def foreign_portfolio(line: str) -> str:
    """The portfolio a line that is one ministry's name stands for abroad (`Foreign Ministry` ->
    `Ministry of Foreign Affairs`), else ""."""
    flat = collapse_spaces(line).replace("\u2019", "'").strip(" .,:;")
    if fold(flat) in _authority().portfolios:
        return _authority().portfolios[fold(flat)]
    found = list(_mentions(flat, _authority()))
    return found[0][2].foreign_name if len(found) == 1 and found[0][:2] == (0, len(flat)) else ""


@lru_cache(maxsize=1)
def _own_names() -> dict[tuple[str, str], str]:
    """(country, the portfolio it stands for) -> the country's own body (`Department of State (United States)`)."""
    return {(item["country"], item["stands_for"]): f"{item['name']} ({item['country']})"
            for item in load_data("ministries")["foreign_bodies"] if item["stands_for"]}


def own_name(portfolio: str, country: str) -> str:
    """A foreign country's own body for a portfolio (`Ministry of Foreign Affairs`, `United States`
    -> `Department of State (United States)`), else `Portfolio (Country)`."""
    return _own_names().get((country, portfolio), f"{portfolio} ({country})")


def _mentions(text: str, authority: _Authority):
    """Yield (start, end, entry) for each longest phrase or acronym found, left to right."""
    matches = list(_TOKEN.finditer(text))
    words = [m.group() for m in matches]
    lowered = [w.lower() for w in words]
    phrases, acronyms = authority.phrases, authority.acronyms
    # Only a word that begins some name can begin a mention: most words of a release begin none.
    starts = [place for place, word in enumerate(lowered) if word in phrases or words[place] in acronyms]
    after = 0
    for position in starts:
        if position < after:
            continue
        found = None
        for table, tokens in ((phrases, lowered), (acronyms, words)):
            for phrase, entry in table.get(tokens[position], ()):
                if tuple(tokens[position:position + len(phrase)]) == phrase:
                    if found is None or len(phrase) > len(found[0]):
                        found = (phrase, entry)
                    break
        if found is None:
            continue
        last = position + len(found[0]) - 1
        yield matches[position].start(), matches[last].end(), found[1]
        after = last + 1


def find_ministries(text: str, home: str = "India") -> list[str]:
    """Return the ministries `text` mentions, canonical, in order of first mention, no duplicates
    (English mentions first, then Hindi ones); a mention tied to no country is `home`'s (a
    foreign government's release speaks of its own ministers)."""
    authority = _authority()
    found: list[str] = []
    if _DEVANAGARI.search(text):
        found = find_hindi_ministries(text)
    flat = text.replace("\u2019", "'")
    for start, end, entry in _mentions(flat, authority):
        country = _country_context(flat, start, end, authority.states)
        if country is None:
            continue
        country = country or home
        if entry.foreign_only and country == "India":
            continue
        name = entry.name if country == "India" else own_name(entry.foreign_name, country)
        if name not in found:
            found.append(name)
    return found


def _country_context(text: str, start: int, end: int, states: frozenset[str]) -> str | None:
    """The country a mention is tied to: "" for none, None when it is a state government's."""
    # A country in another paragraph (or the headline) is no context.
    before = text[max(0, start - 60):start]
    before = collapse_spaces(before[before.rfind("\n\n") + 1:].replace("\n", " ")) + " "
    if _STATE_BEFORE.search(before):
        return None
    match = _BEFORE.search(before)
    if match:
        words = match["name"].split(" ")
        # Try the longest run of words that ends right before the mention ("Sri Lanka", not "Lanka").
        for first in range(len(words)):
            candidate = re.sub(r"'s?$", "", " ".join(words[first:]))
            if fold(candidate) in states or fold(candidate) == "state":
                return None
            country = country_name(candidate) or demonyms().get(fold(candidate), "")
            if country:
                return country
    after = text[end:end + 80].split("\n\n", 1)[0].replace("\n", " ")
    for pattern in (_AFTER_COMMA, _AFTER_PERSON):
        match = pattern.match(after)
        if match:
            words = match["name"].split(" ")
            for last in range(len(words), 0, -1):
                country = country_name(" ".join(words[:last]).rstrip(".'"))
                if country:
                    return country
    return ""
