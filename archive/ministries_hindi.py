"""Ministries named in Hindi: PIB's Hindi ministry lines and mentions in Hindi text, mapped to the
canonical English names of the authority file (its `hindi_names`).

Names compare folded (archive.normalise.fold: zero-width joiners, nuktas and nasal spellings
made one), with `एवं`, `और`, `व` and `तथा` ("and") interchangeable and commas optional.
Mentions are the names themselves and, for each ministry, its portfolio with `मंत्री` (minister),
`राज्य मंत्री`, `सचिव` (secretary) or `विभाग` (department): `रक्षा मंत्री` is the Ministry of Defence.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from archive.authority import load_data
from archive.normalise import fold
from archive.scripts import LETTER

_AND = ("एवं", "और", "व", "तथा")
_MINISTRY = "मंत्रालय"
_PORTFOLIO_FORMS = ("{p} मंत्रालय", "{p} मंत्री", "{p} राज्य मंत्री", "{p} राज्यमंत्री", "{p} सचिव", "{p} विभाग")
# "<country> के विदेश मंत्री": a foreign government's minister, not India's.
_FOREIGN_BEFORE = regex.compile(r"(\S+) (?:के|की) $")
_OWN_GOVERNMENT = frozenset(fold(word) for word in ("भारत", "केंद्र", "केन्द्र", "सरकार", "केंद्रीय"))


def _variants(name: str) -> set[str]:
    """The name with each word for "and" in turn, with and without commas, folded."""
    names = {fold(name), fold(name.replace(",", ""))}
    for word in _AND:
        for other in _AND:
            names |= {spelling.replace(f" {fold(word)} ", f" {fold(other)} ") for spelling in list(names)}
    return names


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    """(whole names -> canonical, mention phrases -> canonical), all folded."""
    names: dict[str, str] = {}
    mentions: dict[str, str] = {}
    for canonical, hindi_names in load_data("ministries")["hindi_names"].items():
        for name in hindi_names:
            for variant in _variants(name):
                names.setdefault(variant, canonical)
                # One word (`आयुष`, `अन्य` for PIB's headquarters) names a body only as a ministry line.
                if " " in variant:
                    mentions.setdefault(variant, canonical)
            if name.endswith(_MINISTRY):
                portfolio = name[:-len(_MINISTRY)].strip()
                for form in _PORTFOLIO_FORMS:
                    for variant in _variants(form.format(p=portfolio)):
                        mentions.setdefault(variant, canonical)
    return names, mentions


@lru_cache(maxsize=1)
def _mention_pattern() -> regex.Pattern:
    phrases = sorted(_tables()[1], key=len, reverse=True)
    alternation = "|".join(regex.escape(phrase) for phrase in phrases)
    return regex.compile(rf"(?<!{LETTER})(?:{alternation})(?!{LETTER})")


def hindi_issuer(line: str) -> str:
    """The canonical name for a Hindi ministry line (`रक्षा मंत्रालय`), or "" when it is none known."""
    folded = fold(line).strip(" :-")
    return _tables()[0].get(folded, "")


def find_hindi_ministries(text: str) -> list[str]:
    """The ministries Hindi `text` names or mentions, canonical, in order of first mention."""
    folded = fold(text)
    found: list[str] = []
    for match in _mention_pattern().finditer(folded):
        before = _FOREIGN_BEFORE.search(folded[max(0, match.start() - 40):match.start()])
        if before and before[1] not in _OWN_GOVERNMENT:
            continue
        name = _tables()[1][match.group()]
        if name not in found:
            found.append(name)
    return found
