"""Run the parser over real collections and print how often it agrees with their own metadata.

    python benchmarks/extraction_yardstick.py [--corpora ../shared/corpora]

Reuters-21578: each item with a <DATELINE> is fed as agency copy (` date <DATE>` header, then
DATELINE + BODY); the parsed place must match the dateline's place and the parsed date the
item's <DATE>. PIB, February 2026: each record is rendered in PIB's text layout and read by the
text reader, then read again as JSON Lines; ministry, date and title must match the record's.
DOJ 2009-2018: each text is read alone; the place it opens with (`WASHINGTON - `) must be read,
in the United States, and a text that opens with none must get no place.
Then the figures of benchmarks/indic_yardstick.py for India's languages, per language.
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import re
import sys
import tarfile
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archive import ParseError  # noqa: E402
from archive.jsonl_reader import read_record  # noqa: E402
from archive.ministries import canonical_issuer  # noqa: E402
from archive.normalise import collapse_spaces, fold  # noqa: E402
from archive.places import conventional_place, one_place, region_country  # noqa: E402
from archive.text_reader import read_text  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import indic_yardstick  # noqa: E402

DEFAULT_CORPORA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"
_ITEM = re.compile(r"<REUTERS\b.*?</REUTERS>", re.DOTALL)
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_MONTH_DAY = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})\b", re.IGNORECASE)


def _element(item: str, name: str) -> str:
    match = re.search(rf"<{name}>(.*?)</{name}>", item, re.DOTALL)
    return html.unescape(match[1]).replace("\x03", "") if match else ""


def _dateline_day(dateline: str, filed: date) -> date:
    """The day a dateline names, in the year of filing (independent of the parser); else the filing day."""
    match = _MONTH_DAY.search(dateline)
    if not match:
        return filed
    month = _MONTHS.index(match[1][:3].lower()) + 1
    year = filed.year + (1 if (month, filed.month) == (1, 12) else -1 if (month, filed.month) == (12, 1) else 0)
    try:
        return date(year, month, int(match[2]))
    except ValueError:
        return filed


def _same_place(found: str, written: str, country: str) -> bool:
    """Whether the place read is the one written, or the one name its city goes by (`Bombay` is
    read as `Mumbai`, PIB's `Delhi` as `New Delhi`)."""
    return fold(found) in (fold(written), fold(one_place(conventional_place(written), country)))


def reuters(corpora: Path) -> None:
    total = place_ok = date_ok = near_filed = 0
    misses: list[str] = []
    with tarfile.open(corpora / "reuters21578" / "reut2-000-017.tar.gz") as archive:
        for member in archive:
            if not member.name.endswith(".sgm"):
                continue
            text = archive.extractfile(member).read().decode("latin-1")
            for item in _ITEM.findall(text):
                dateline = _element(item, "DATELINE").strip()
                if not dateline:
                    continue
                total += 1
                true_place = dateline.split(",")[0].strip(" *")
                filed = datetime.strptime(_element(item, "DATE").strip().split(" ")[0], "%d-%b-%Y").date()
                true_date = _dateline_day(dateline, filed)
                copy = f" date {filed.isoformat()} {dateline} {_element(item, 'BODY')}"
                release = read_text(copy, "item", "reuters")
                if _same_place(release.location, true_place, release.country):
                    place_ok += 1
                elif len(misses) < 8:
                    misses.append(f"    place {release.location!r} for dateline {dateline!r}")
                if release.date == true_date.isoformat():
                    date_ok += 1
                elif len(misses) < 16:
                    misses.append(f"    date {release.date!r} for {dateline!r} filed {filed}")
                near_filed += bool(release.date) and abs((date.fromisoformat(release.date) - filed).days) <= 1
    print(f"Reuters-21578: {total} items with a dateline")
    print(f"  dateline place  {place_ok / total:7.2%}  ({place_ok}/{total})")
    print(f"  dateline date   {date_ok / total:7.2%}  ({date_ok}/{total})")
    print(f"  within a day of <DATE> {near_filed / total:7.2%}  ({near_filed}/{total})")
    print("\n".join(misses))


def pib(corpora: Path) -> None:
    with gzip.open(corpora / "pib" / "pib_delhi_2026-02.jsonl.gz", "rt", encoding="utf-8") as lines:
        records = [line for line in lines if line.strip()]
    for shape in ("text layout", "JSON Lines"):
        ministry_ok = date_ok = title_ok = 0
        misses: list[str] = []
        for number, line in enumerate(records, start=1):
            record = json.loads(line)
            want_ministry = canonical_issuer(record["ministry"])
            want_date = datetime.strptime(record["timestamp"], "%d %b %Y %I:%M%p").date().isoformat()
            want_title = collapse_spaces(record["title"])
            try:
                if shape == "text layout":
                    page = (f"{collapse_spaces(record['ministry'])}\n\n{record['title']}\n\n"
                            f"Posted On: {record['timestamp']} by PIB Delhi\n\n{record['text']}")
                    release = read_text(page, record["prid"], "pib")
                else:
                    release = read_record(line, "x", "pib.jsonl", number)
            except ParseError as error:
                misses.append(f"    {error}")
                continue
            ministry_ok += bool(release.ministries) and release.ministries[0] == want_ministry
            date_ok += release.date == want_date
            title_ok += release.title == want_title
            if release.title != want_title and len(misses) < 6:
                misses.append(f"    title {release.title!r} != {want_title!r}")
        total = len(records)
        print(f"PIB February 2026 as {shape}: {total} releases")
        print(f"  issuing ministry {ministry_ok / total:7.2%}  ({ministry_ok}/{total})")
        print(f"  date             {date_ok / total:7.2%}  ({date_ok}/{total})")
        print(f"  title            {title_ok / total:7.2%}  ({title_ok}/{total})")
        print("\n".join(misses))


# `WASHINGTON - `, `PORTLAND, Ore., `, `WASHINGTON and PENSACOLA, Fla. ` (the first is the place).
_DOJ_DATELINE = re.compile(r"(?:None)*\s*([A-Z][A-Z.'\- ]{2,30}?)(?: and [A-Z][A-Z.'\- ]+?)?"
                           r"(?:,\s*([A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?))?,?(?:\s*[-\u2013\u2014]|\s{2})")


def doj(corpora: Path) -> None:
    """US Department of Justice releases: the place their text opens with (`WASHINGTON - `, with the
    dash often lost in scraping), read from the text alone; none where the text opens without one."""
    with gzip.open(corpora / "doj" / "doj_opa_2009-2018_sample1500.jsonl.gz", "rt", encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    with_place = place_ok = country_ok = without = false_place = 0
    misses: list[str] = []
    for record in records:
        text = record["text"]
        if text.strip() in ("", "None"):
            continue
        truth = _DOJ_DATELINE.match(text)
        release = read_text(text, "doj", "doj.txt")
        if truth:
            with_place += 1
            place_ok += _same_place(release.location, truth[1].strip(), release.country)
            # Places in the United States unless a country follows (`BANGKOK, THAILAND`).
            country_ok += release.country == ((truth[2] and region_country(truth[2])) or "United States")
            if not _same_place(release.location, truth[1].strip(), release.country) and len(misses) < 6:
                misses.append(f"    place {release.location!r} for {text.strip()[:50]!r}")
        else:
            without += 1
            false_place += bool(release.location)
            if release.location and len(misses) < 10:
                misses.append(f"    place {release.location!r} for a text without a dateline: {text.strip()[:50]!r}")
    print(f"DOJ 2009-2018: {with_place} releases opening with a place, {without} without")
    print(f"  dateline place  {place_ok / with_place:7.2%}  ({place_ok}/{with_place})")
    print(f"  country         {country_ok / with_place:7.2%}  ({country_ok}/{with_place})")
    print(f"  a place where the text gives none {false_place / without:7.2%}  ({false_place}/{without})")
    print("\n".join(misses))


WORLD_RELEASES = Path(__file__).resolve().parent.parent / "tests" / "data" / "world_releases.jsonl"


def world(path: Path = WORLD_RELEASES) -> None:
    """Releases in the house styles of militaries, governments, the UN, the EU and the wires, written
    for the project with invented contents and labelled by hand: date, place, country, agency."""
    cases = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    right = dict.fromkeys(("date", "place", "country", "agency"), 0)
    misses: list[str] = []
    for case in cases:
        release = read_text(case["text"], case["id"], case["id"] + ".txt")
        got = {"date": release.date, "place": release.location, "country": release.country, "agency": release.agency}
        for field, found in got.items():
            if fold(found) == fold(case[field]) or field == "place" and _same_place(found, case[field], release.country):
                right[field] += 1
            elif len(misses) < 12:
                misses.append(f"    {case['id']}: {field} {found!r} for {case[field]!r}")
    print(f"House styles abroad: {len(cases)} releases ({path.name})")
    for field, count in right.items():
        print(f"  {field:<8} {count / len(cases):7.2%}  ({count}/{len(cases)})")
    print("\n".join(misses))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA, help="folder of the real collections")
    parser.add_argument("--no-indic", action="store_true", help="leave out the Indian-language figures")
    args = parser.parse_args()
    reuters(args.corpora)
    pib(args.corpora)
    doj(args.corpora)
    world()
    if not args.no_indic:
        # India's languages, per language (benchmarks/indic_yardstick.py runs them alone).
        records = indic_yardstick.indic_records(args.corpora)
        indic_yardstick.extraction(records)
        indic_yardstick.findability(records)
        indic_yardstick.radio(args.corpora)


if __name__ == "__main__":
    main()
