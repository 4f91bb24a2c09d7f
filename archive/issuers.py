"""Issuing bodies of foreign governments, from the authority file's `foreign_bodies`:
`Office of the Spokesperson` -> `Department of State (United States)`, GOV.UK's `From: Ministry of
Defence` -> `Ministry of Defence (United Kingdom)`, `The President's Office` -> `President's Office
(Maldives)`. A release's issuer line is India's unless the release is placed abroad.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from archive.authority import load_data
from archive.ministries import canonical_issuer, foreign_portfolio, names_ministry, own_name
from archive.normalise import collapse_spaces, fold
from archive.places import country_name


@dataclass(frozen=True)
class _Body:
    name: str
    country: str

    @property
    def canonical(self) -> str:
        # International bodies (the European Commission, NATO, the UN) have no country.
        return f"{self.name} ({self.country})" if self.country else self.name


@lru_cache(maxsize=1)
def _spellings() -> dict[str, list[_Body]]:
    """Folded spelling -> the bodies written so, each country once."""
    found: dict[str, list[_Body]] = {}
    for item in load_data("ministries")["foreign_bodies"]:
        body = _Body(item["name"], item["country"])
        for spelling in (item["name"], *item["spellings"]):
            bodies = found.setdefault(_key(spelling), [])
            if body not in bodies:
                bodies.append(body)
    return found


def _key(written: str) -> str:
    # Without `the` and an acronym after the name (`Presidential Media Division (PMD)`).
    return re.sub(r"^the |\s*\([a-z.&]{2,8}\)$", "", fold(written).strip(" .,:;-"))


# What a government body's name looks like, for one the authority file does not know.
_BODY_WORDS = re.compile(r"\b(?:Ministry|Department|Office|Secretariat|Agency|Bureau|Directorate|Embassy|"
                         r"High Commission|Consulate|Cabinet|Presidency|Chancellery|Council|Commission)\b")


#: Characters of the longest issuing body's name worth looking up.
_LONGEST_NAME = 90


def known_issuer(written: str) -> bool:
    """Whether a header line names an issuing body the authority file knows, at home or abroad."""
    # An issuing body's name is short: a line of text is never looked up.
    return len(written) <= _LONGEST_NAME and (bool(_spellings().get(_key(written))) or names_ministry(written))


def issuer_country(written: str) -> str:
    """The country of a foreign body only one country has (`Office of the Spokesperson`), else ""."""
    bodies = _spellings().get(_key(written), [])
    return bodies[0].country if len(bodies) == 1 and not names_ministry(written) else ""


def canonical_body(written: str, country: str = "") -> str:
    """The canonical name of the body an issuer line names, given the country the release comes
    from ("" when unknown): a foreign body as `Name (Country)`, India's as its authority name."""
    written = collapse_spaces(written)
    bodies = _spellings().get(_key(written), [])
    international = [body for body in bodies if not body.country]
    if international:
        return international[0].canonical
    if country and country != "India":
        for body in bodies:
            if body.country == country:
                return body.canonical
        portfolio = foreign_portfolio(written)
        if portfolio:
            return own_name(portfolio, country)
        if _BODY_WORDS.search(written) and not _names_a_country(written):
            return f"{written} ({country})"
        return written
    own = issuer_country(written)
    if own and own != "India":
        return bodies[0].canonical
    return canonical_issuer(written)


def _names_a_country(written: str) -> bool:
    """Whether a body's name already names a country (`Embassy of India`)."""
    words = written.replace(",", " ").split()
    return any(country_name(" ".join(words[n:n + size])) for size in (3, 2, 1) for n in range(len(words) - size + 1))
