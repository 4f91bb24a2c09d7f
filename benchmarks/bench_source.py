"""The benchmark corpus: the real collections of ../shared/corpora as source files of JSON Lines.

The PIB, DOJ (texts "None" skipped) and Reuters-21578 (items with a <BODY>) collections, and on
request a share of the Indian-language development set, are shuffled once (seeded) and repeated
with distinct ids up to the count asked for, PER_FILE releases a file.
"""

from __future__ import annotations

import gzip
import html
import json
import random
import re
import tarfile
from datetime import datetime
from pathlib import Path

DEFAULT_CORPORA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"
PER_FILE = 100
SEED = 20260218
_ITEM = re.compile(r"<REUTERS\b.*?</REUTERS>", re.DOTALL)


def _element(item: str, name: str) -> str:
    """Return the unescaped text of one SGML element of a Reuters item ("" when absent)."""
    match = re.search(rf"<{name}>(.*?)</{name}>", item, re.DOTALL)
    return html.unescape(match[1]).replace("\x03", "").strip() if match else ""


def load_records(corpora: Path) -> dict[str, list[dict]]:
    """Return the real records of each collection, as source-file JSON objects."""
    with gzip.open(corpora / "pib" / "pib_delhi_2026-02.jsonl.gz", "rt", encoding="utf-8") as lines:
        pib = [{k: r[k] for k in ("prid", "title", "text", "ministry", "timestamp", "url")}
               for r in map(json.loads, filter(str.strip, lines))]
    doj = []
    with gzip.open(corpora / "doj" / "doj_opa_2009-2018_sample1500.jsonl.gz", "rt", encoding="utf-8") as lines:
        for number, record in enumerate(map(json.loads, filter(str.strip, lines))):
            if record.get("text") and record["text"] != "None":
                doj.append({"id": f"doj-{number}", "title": record["title"], "date": record["date"],
                            "body": record["text"], "location": "Washington", "agency": "DOJ",
                            "ministries": record.get("components") or [], "url": record.get("url", "")})
    reuters = []
    with tarfile.open(corpora / "reuters21578" / "reut2-000-017.tar.gz") as archive:
        for member in archive:
            if not member.name.endswith(".sgm"):
                continue
            for item in _ITEM.findall(archive.extractfile(member).read().decode("latin-1")):
                body = _element(item, "BODY")
                if not body:
                    continue
                newid = re.search(r'NEWID="(\d+)"', item)[1]
                filed = datetime.strptime(_element(item, "DATE").split(" ")[0], "%d-%b-%Y").date()
                place = _element(item, "DATELINE").split(",")[0].strip(" *").title()
                reuters.append({"id": f"reuters-{newid}", "title": _element(item, "TITLE"),
                                "date": filed.isoformat(), "body": body, "location": place, "agency": "Reuters"})
    return {"PIB": pib, "DOJ": doj, "Reuters": reuters}


def load_indic(corpora: Path) -> list[dict]:
    """The releases of the Indian-language development set that are not in English: PIB's
    translations in 13 languages and All India Radio's Hindi items, in the generic form."""
    records = []
    with gzip.open(corpora / "indic" / "pib_multilingual_2020-01-05.jsonl.gz", "rt", encoding="utf-8") as lines:
        for record in map(json.loads, lines):
            if record["lang"] != "en":
                records.append({"id": f"pib-{record['lang']}-{record['en_prid']}", "title": record["title"],
                                "date": record["date"], "body": record["text"], "language": record["lang"],
                                "agency": "PIB", "ministries": [record["ministry_en"]]})
    with gzip.open(corpora / "indic" / "air_news_hi_en_2020-01-01_07.jsonl.gz", "rt", encoding="utf-8") as lines:
        for record in map(json.loads, lines):
            if record["lang"] == "hi":
                records.append({"id": f"air-{record['air_id']}", "title": record["title"], "date": record["date"],
                                "body": record["text"], "language": "hi", "agency": "AIR"})
    return records


def write_source(corpora: Path, count: int, source: Path, indic_share: float = 0.0, per_file: int = PER_FILE) -> str:
    """Write `count` releases to `source` as JSON Lines, `per_file` a file; return a description.

    With `indic_share`, that share of the releases are in India's languages (load_indic, repeated)."""
    collections = load_records(corpora)
    if indic_share:
        indic = load_indic(corpora)
        wanted = round(sum(map(len, collections.values())) * indic_share / (1 - indic_share))
        collections["Indian languages"] = [
            {**indic[n % len(indic)], "id": f"{indic[n % len(indic)]['id']}-r{n // len(indic)}"} for n in range(wanted)]
    base = [record for records in collections.values() for record in records]
    random.Random(SEED).shuffle(base)
    source.mkdir(parents=True)
    for start in range(0, count, per_file):
        lines = []
        for number in range(start, min(start + per_file, count)):
            record, copy = dict(base[number % len(base)]), number // len(base)
            key = "prid" if "prid" in record else "id"
            record[key] = f"{record[key]}-{copy}" if copy else record[key]
            lines.append(json.dumps(record, ensure_ascii=False))
        (source / f"part-{start // per_file:05d}.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    sizes = ", ".join(f"{name} {len(records):,}" for name, records in collections.items())
    return f"{count:,} releases in {-(-count // per_file):,} files, from {len(base):,} real ones ({sizes})"
