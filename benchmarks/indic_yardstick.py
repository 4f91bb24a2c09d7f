"""How well releases in India's languages are read and found, per language, on the development set.

    python benchmarks/indic_yardstick.py [--corpora ../shared/corpora]

On `indic/pib_multilingual_2020-01-05.jsonl.gz` (607 PIB releases, 14 languages):
- language: each record read as JSON Lines without its `lang`, so the language is detected;
- dateline: the releases whose text opens with New Delhi in any script: place and date read;
- Hindi in PIB's layout: each Hindi record rendered as PIB's Hindi text page (Hindi ministry line,
  title, `प्रविष्टि तिथि:` date line from the English page, text): ministry, date, place, title, language;
- title word: all 607 indexed; each release's rarest title word (of three letters or more) searched
  alone must bring it into the first ten hits;
- inflections: in Hindi, Urdu and Punjabi, every pair of words of the corpus made of a word and the
  same word with a plural/oblique ending (`किसान`/`किसानों`, `کسان`/`کسانوں`, `ਰਾਜ`/`ਰਾਜਾਂ`): a search
  for each finds a release holding the other.
Also the language of the 787 All India Radio items (Hindi and English).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archive.jsonl_reader import read_record  # noqa: E402
from archive.ministries import canonical_issuer  # noqa: E402
from archive.places import one_place  # noqa: E402
from archive.text_reader import read_text  # noqa: E402
from indexer import SearchRequest, reindex, search  # noqa: E402
from indexer.analysis import WORD, build_analyzer  # noqa: E402

DEFAULT_CORPORA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"
DELHI = ("दिल्ली", "دہلی", "দিল্লি", "দিল্লী", "ਦਿੱਲੀ", "દિલ્હી", "ଦିଲ୍ଲୀ", "தில்லி", "ఢిల్లీ", "ದೆಹಲಿ", "ഡൽഹി", "ഡല്")
ENDINGS = {"hi": ("ों", "ें", "ाएं", "ाओं"), "ur": ("وں", "یں", "ے"), "pa": ("ਾਂ", "ਿਆਂ", "ੀਆਂ")}


def _percent(good: int, total: int) -> str:
    return f"{good}/{total} ({100 * good / total:.1f}%)" if total else "-"


def indic_records(corpora: Path) -> list[dict]:
    with gzip.open(corpora / "indic" / "pib_multilingual_2020-01-05.jsonl.gz", "rt", encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def _as_read(record: dict, number: int):
    return read_record(json.dumps({"id": f"{record['lang']}-{record['release_key']}", "title": record["title"],
                                   "text": record["text"], "date": record["date"]}), "x", "pib.jsonl", number)


def extraction(records: list[dict]) -> None:
    """Language, New Delhi datelines and Hindi pages in PIB's layout, per language."""
    language, dateline, place = Counter(), Counter(), Counter()
    totals, dated = Counter(), Counter()
    for number, record in enumerate(records, start=1):
        lang = record["lang"]
        totals[lang] += 1
        release = read_record(json.dumps({"id": "r", "title": record["title"], "text": record["text"]}),
                              "x", "pib.jsonl", number)
        language[lang] += release.language == lang
        if lang != "en" and any(name in record["text"].strip()[:30] for name in DELHI):
            dated[lang] += 1
            place[lang] += release.location == "New Delhi"
            # A dateline without its year has no date of its own (the spec's year rules need one).
            dateline[lang] += release.location == "New Delhi" and release.date in (record["date"], "")
    print("language detected; New Delhi datelines: place read, and place and date (none when no year) read:")
    for lang in sorted(totals):
        print(f"  {lang:4} language {_percent(language[lang], totals[lang]):>18}   place {_percent(place[lang], dated[lang])}"
              f"   place and date {_percent(dateline[lang], dated[lang])}")
    print(f"  all  language {_percent(sum(language.values()), sum(totals.values()))}   "
          f"place {_percent(sum(place.values()), sum(dated.values()))}   "
          f"place and date {_percent(sum(dateline.values()), sum(dated.values()))}")
    hindi = [record for record in records if record["lang"] == "hi"]
    checks = Counter()
    for record in hindi:
        page = (f"{record['ministry_hi']}\n\n{record['title']}\n\nप्रविष्टि तिथि: {record['posted_on_raw_en']}\n\n"
                f"{record['text']}\n")
        release = read_text(page, "r", "r.txt")
        checks["ministry"] += release.ministries[:1] == [canonical_issuer(record["ministry_en"])]
        checks["date"] += release.date == record["date"]
        # PIB's office as one place names it (`PIB Delhi` is `New Delhi`, as agencies' datelines have it).
        checks["place"] += release.location == one_place(record["office"].replace("PIB ", ""), "India")
        checks["title"] += release.title == " ".join(record["title"].split())
        checks["language"] += release.language == "hi"
    print("Hindi releases in PIB's Hindi layout: " + ", ".join(
        f"{name} {_percent(count, len(hindi))}" for name, count in checks.items()))


def findability(records: list[dict]) -> None:
    """Each release's rarest title word finds it; inflected pairs find each other."""
    analyzer = build_analyzer()
    with tempfile.TemporaryDirectory() as work:
        source, index = Path(work) / "source", Path(work) / "index"
        source.mkdir()
        releases = [_as_read(record, number) for number, record in enumerate(records, start=1)]
        (source / "pib.jsonl").write_text("".join(json.dumps({
            "id": release.id, "title": release.title, "text": release.body, "date": release.date}, ensure_ascii=False)
            + "\n" for release in releases), "utf-8")
        reindex(source, index)
        frequency = Counter(term for release in releases
                            for term in {t.text for t in analyzer(f"{release.title} {release.body}")})
        found, totals = Counter(), Counter()
        for record, release in zip(records, releases):
            words = [word for word in WORD.findall(release.title) if len(word) >= 3 and not word.isdigit()
                     and list(analyzer(word))]
            if not words:
                continue
            rarest = min(words, key=lambda word: min(frequency[t.text] for t in analyzer(word)))
            totals[record["lang"]] += 1
            hits = search(index, SearchRequest(q=rarest, limit=10)).hits
            found[record["lang"]] += release.id in {hit.id for hit in hits}
        print("rarest title word, searched alone, finds its release in the first ten hits:")
        print("  " + ", ".join(f"{lang} {_percent(found[lang], totals[lang])}" for lang in sorted(totals)))
        print(f"  all {_percent(sum(found.values()), sum(totals.values()))}")
        _inflections(records, releases, index)


def _inflections(records, releases, index: Path) -> None:
    holders: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for record, release in zip(records, releases):
        if record["lang"] in ENDINGS:
            for word in WORD.findall(f"{release.title} {release.body}"):
                holders[record["lang"]][word].add(release.id)
    print("a word and its plural/oblique form, each searched, find a release holding the other:")
    for lang, endings in ENDINGS.items():
        vocabulary = holders[lang]
        pairs = {(word[:-len(ending)], word) for word in vocabulary for ending in endings
                 if word.endswith(ending) and len(word) - len(ending) >= 2 and word[:-len(ending)] in vocabulary}
        good = 0
        for base, inflected in sorted(pairs):
            base_hits = {hit.id for hit in search(index, SearchRequest(q=base, limit=200)).hits}
            inflected_hits = {hit.id for hit in search(index, SearchRequest(q=inflected, limit=200)).hits}
            good += bool(base_hits & vocabulary[inflected]) and bool(inflected_hits & vocabulary[base])
        print(f"  {lang} {_percent(good, len(pairs))}")


def radio(corpora: Path) -> None:
    """The language of All India Radio's items."""
    with gzip.open(corpora / "indic" / "air_news_hi_en_2020-01-01_07.jsonl.gz", "rt", encoding="utf-8") as lines:
        items = [json.loads(line) for line in lines]
    right = sum(_as_read({**item, "release_key": item["air_id"], "date": item["date"]}, number).language == item["lang"]
                for number, item in enumerate(items, start=1))
    print(f"All India Radio items, language detected: {_percent(right, len(items))}")


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA, help="folder of the real collections")
    corpora = parser.parse_args().corpora
    records = indic_records(corpora)
    extraction(records)
    findability(records)
    radio(corpora)


if __name__ == "__main__":
    main()
