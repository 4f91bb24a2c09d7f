"""Ministries a release is from or about, normalised with the authority file `data/ministries.json`."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

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
    pattern: re.Pattern[str]
    by_phrase: dict[str, _Entry]
    by_acronym: dict[str, _Entry]
    issuers: dict[str, str]
    states: frozenset[str]


def _variants(phrase: str) -> set[str]:
    phrase = collapse_spaces(phrase)
    return {phrase, phrase.replace(" & ", " and "), phrase.replace(" and ", " & ")}


@lru_cache(maxsize=1)
def _authority() -> _Authority:
    data = json.loads(resources.files("archive").joinpath("data/ministries.json").read_text("utf-8"))
    by_phrase: dict[str, _Entry] = {}
    by_acronym: dict[str, _Entry] = {}
    issuers: dict[str, str] = {}
    for item in data["ministries"]:
        entry = _Entry(item["name"], item.get("foreign_name") or item["name"])
        phrases = [item["name"], *item.get("aliases", ()), *item.get("titles", ()), *item.get("former_names", ())]
        phrases += [form.format(p=p) for p in item.get("portfolios", ()) for form in _PORTFOLIO_FORMS]
        for phrase in phrases:
            for variant in _variants(phrase):
                by_phrase.setdefault(fold(variant), entry)
        for acronym in item.get("acronyms", ()):
            by_acronym.setdefault(acronym, entry)
        for acronym in item.get("foreign_only", ()):
            by_acronym.setdefault(acronym, _Entry(entry.name, entry.foreign_name, foreign_only=True))
        for name in (item["name"], *item.get("former_names", ())):
            for variant in _variants(name):
                issuers.setdefault(fold(variant), item["name"])
    for body in data["issuing_bodies"]:
        issuers[fold(body)] = body
    for spelling, name in data["pib_spellings"].items():
        issuers[fold(spelling)] = name
    phrases = sorted(by_phrase, key=len, reverse=True)
    acronyms = sorted(by_acronym, key=len, reverse=True)
    # Phrases ignore case; acronyms (MoD, MEA) must match as written.
    alternation = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
    pattern = re.compile(
        rf"(?<![\w&])(?:(?P<phrase>(?i:{alternation}))|(?P<acronym>{'|'.join(map(re.escape, acronyms))}))(?![\w&])"
    )
    states = frozenset(fold(state) for state in data["indian_states"])
    return _Authority(pattern, by_phrase, by_acronym, issuers, states)


def canonical_issuer(line: str) -> str:
    """Return the canonical name for a PIB issuing line (`Ministry of Electronics & IT`), else as written."""
    line = collapse_spaces(line)
    authority = _authority()
    known = authority.issuers.get(fold(line))
    if known:
        return known
    found = find_ministries(line)
    return found[0] if len(found) == 1 and "(" not in found[0] else line


def find_ministries(text: str) -> list[str]:
    """Return the ministries `text` mentions, canonical, in order of first mention, no duplicates."""
    authority = _authority()
    found: list[str] = []
    flat = text.replace("\u2019", "'")
    for match in authority.pattern.finditer(flat):
        if match["phrase"]:
            entry = authority.by_phrase[fold(match["phrase"])]
        else:
            entry = authority.by_acronym[match["acronym"]]
        country = _country_context(flat, match.start(), match.end(), authority.states)
        if country is None or (entry.foreign_only and country in ("", "India")):
            continue
        name = entry.name if country in ("", "India") else f"{entry.foreign_name} ({country})"
        if name not in found:
            found.append(name)
    return found


def _country_context(text: str, start: int, end: int, states: frozenset[str]) -> str | None:
    """The country a mention is tied to: "" for none, None when it is a state government's."""
    before = collapse_spaces(text[max(0, start - 60):start].replace("\n", " ")) + " "
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
    after = text[end:end + 80].replace("\n", " ")
    for pattern in (_AFTER_COMMA, _AFTER_PERSON):
        match = pattern.match(after)
        if match:
            words = match["name"].split(" ")
            for last in range(len(words), 0, -1):
                country = country_name(" ".join(words[:last]).rstrip(".'"))
                if country:
                    return country
    return ""
