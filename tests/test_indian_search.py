"""End to end: releases in Hindi, Urdu and Marathi beside English ones, found, faceted and shown."""

import json

import pytest

from indexer import SearchRequest, reindex, search
from web import create_app

ENGLISH = """Ministry of Defence

Defence Secretary reviews border roads in Ladakh

Posted On: 07 OCT 2025 5:30PM by PIB Delhi

Defence Secretary Rajesh Kumar Singh today reviewed the progress of border roads projects in Ladakh.
"""
HINDI = """रक्षा मंत्रालय

रक्षा सचिव ने लद्दाख में सीमा सड़कों की समीक्षा की

प्रविष्टि तिथि: 07 OCT 2025 5:30PM by PIB Delhi

रक्षा सचिव श्री राजेश कुमार सिंह ने आज लद्दाख में सीमा सड़क परियोजनाओं की प्रगति की समीक्षा की। \
उन्‍होंने किसानों और राज्यों के प्रतिनिधियों से भी मुलाकात की।
"""
URDU = {"id": "ur-1", "lang": "ur", "date": "2025-10-07", "ministry": "Ministry of Defence",
        "title": "دفاعی سکریٹری نے لداخ میں سرحدی سڑکوں کا جائزہ لیا",
        "text": "نئی دہلی، 7 اکتوبر 2025 ۔دفاعی سکریٹری نے کسانوں اور ریاستوں کے نمائندوں سے ملاقات کی۔"}
MARATHI = "नवी दिल्ली, 4 एप्रिल 2020\nकोविड-19 च्या पार्श्वभूमीवर केंद्र सरकारने शेतकऱ्यांसाठी नवीन योजना जाहीर केली आहे.\n"


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    base = tmp_path_factory.mktemp("indic")
    source = base / "source"
    source.mkdir()
    (source / "pib_en.txt").write_text(ENGLISH, "utf-8")
    (source / "pib_hi.txt").write_text(HINDI, "utf-8")
    (source / "ur.jsonl").write_text(json.dumps(URDU, ensure_ascii=False) + "\n", "utf-8")
    (source / "mr.txt").write_text(MARATHI, "utf-8")
    (source / "broken_hi.txt").write_bytes("रक्षा मंत्रालय".encode("utf-8")[:-2] + b"\xff\xfe\n")
    (source / "numbers.txt").write_text("2025 — 12.5% — 3,400\n", "utf-8")
    report = reindex(source, base / "index")
    assert report.added == 5 and len(report.skipped) == 1 and "broken_hi.txt" in report.skipped[0]
    return base / "index"


def ids(result):
    return {hit.id for hit in result.hits}


@pytest.mark.parametrize("query, found", [
    ("रक्षा", {"pib_hi"}), ("किसान", {"pib_hi"}), ("किसानों", {"pib_hi"}), ("राज्य", {"pib_hi"}),
    ("उन्होंने", {"pib_hi"}),            # typed without the joiner PIB put in
    ("کسان", {"ur-1"}), ("ریاست", {"ur-1"}),
    ("शेतकऱ्यांसाठी", {"mr"}), ("योजना", {"mr"}),
    ("defence", {"pib_en"}),
])
def test_words_of_every_language_find_their_release(index, query, found):
    assert ids(search(index, SearchRequest(q=query))) == found


def test_hindi_release_is_read_as_pib_layout(index):
    (hit,) = search(index, SearchRequest(q="लद्दाख")).hits
    assert (hit.title, hit.date, hit.location, hit.agency, hit.language) == (
        "रक्षा सचिव ने लद्दाख में सीमा सड़कों की समीक्षा की", "2025-10-07", "New Delhi", "PIB", "hi")
    assert hit.ministries == ["Ministry of Defence"]
    assert "<mark>लद्दाख</mark>" in hit.snippet


def test_ministry_facet_joins_the_languages(index):
    result = search(index, SearchRequest(filters={"ministry": ["Ministry of Defence"]}))
    assert ids(result) == {"pib_en", "pib_hi", "ur-1"}
    languages = {value.value: (value.count, value.label) for value in result.facets["language"]}
    assert languages == {"en": (1, "English"), "hi": (1, "हिन्दी"), "ur": (1, "اردو")}


@pytest.mark.parametrize("written", ["hi", "Hindi", "हिन्दी"])
def test_language_filter_takes_codes_and_names(index, written):
    assert ids(search(index, SearchRequest(filters={"language": [written]}))) == {"pib_hi"}
    assert ids(search(index, SearchRequest(q=f"language:{written}"))) == {"pib_hi"}


def test_regional_dateline_gives_place_and_date(index):
    (hit,) = search(index, SearchRequest(filters={"language": ["mr"]})).hits
    assert (hit.location, hit.country, hit.date) == ("New Delhi", "India", "2020-04-04")


def test_text_without_a_language_is_indexed_without_one(index):
    (hit,) = search(index, SearchRequest(q="3,400")).hits
    assert hit.id == "numbers" and hit.language == ""


def test_pages_set_language_and_direction(index):
    client = create_app({"INDEX": str(index), "TESTING": True}).test_client()
    page = client.get("/release/ur-1").get_data(as_text=True)
    assert '<div class="release-body" lang="ur" dir="rtl">' in page
    results = client.get("/search?q=रक्षा").get_data(as_text=True)
    assert '<p class="snippet" lang="hi" dir="auto">' in results
    assert '<span class="label" lang="hi">हिन्दी</span>' in client.get("/").get_data(as_text=True)
    api = client.get("/api/search?language=ur").get_json()
    assert api["total"] == 1 and api["hits"][0]["language"] == "ur"


HTML_PAGE = """<html><head><title>PIB</title></head><body>
<div class="MinistryNameSubhead">रक्षा मंत्रालय</div><h2>रक्षा सचिव ने समीक्षा की</h2>
<div class="ReleaseDateSubHeaddateTime">प्रविष्टि तिथि: 07 OCT 2025 5:30PM by PIB Delhi</div>
<p>रक्षा सचिव ने आज सीमा सड़क परियोजनाओं की समीक्षा की।</p>
<p>(Release ID: 2175002)</p>
<div>Read this release in: <a href="/PressReleasePage.aspx?PRID=2175001">English</a> ,
<a href="/PressReleasePage.aspx?PRID=2175009">Urdu</a></div>
</body></html>"""


def test_translations_are_listed_side_by_side(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    records = [
        {"prid": "1600001", "lang": "en", "title": "PM greets the nation", "text": "The Prime Minister greeted."},
        {"prid": "1600050", "en_prid": "1600001", "lang": "hi", "title": "प्रधानमंत्री ने बधाई दी",
         "text": "प्रधानमंत्री ने देशवासियों को बधाई दी।"},
        {"prid": "1600077", "en_prid": "1600001", "lang": "ur", "title": "وزیر اعظم نے مبارکباد دی",
         "text": "وزیر اعظم نے مبارکباد دی۔"},
        {"prid": "1600099", "lang": "en", "title": "Unrelated", "text": "Another release."},
    ]
    (source / "pib.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    (source / "page.html").write_text(HTML_PAGE, "utf-8")
    (source / "en.jsonl").write_text(json.dumps({"prid": "2175001", "title": "Defence Secretary reviews roads",
                                                 "text": "The Defence Secretary reviewed border roads."}) + "\n")
    reindex(source, tmp_path / "index")
    client = create_app({"INDEX": str(tmp_path / "index"), "TESTING": True}).test_client()

    versions = client.get("/api/release/1600050").get_json()["translations"]
    assert [(v["id"], v["language"]) for v in versions] == [("1600001", "en"), ("1600077", "ur")]
    assert [v["id"] for v in client.get("/api/release/1600001").get_json()["translations"]] == ["1600050", "1600077"]
    assert client.get("/api/release/1600099").get_json()["translations"] == []
    page = client.get("/release/1600001").get_data(as_text=True)
    assert 'href="/release/1600050" lang="hi" hreflang="hi"' in page and ">हिन्दी</a>" in page
    # A PIB page's links to its other versions: the English one is in the archive, the Urdu one not.
    html_versions = client.get("/api/release/2175002").get_json()
    assert [v["id"] for v in html_versions["translations"]] == ["2175001"]
    assert "English" not in html_versions["body"] and "Urdu" not in html_versions["body"]


def test_a_language_filter_given_by_name_can_be_switched_off(index):
    client = create_app({"INDEX": str(index), "TESTING": True}).test_client()
    page = client.get("/search?language=Hindi").get_data(as_text=True)
    # The chip and the ticked value both link to the search without the filter.
    assert '<a class="chip" href="?" aria-label="Remove filter Language: हिन्दी">' in page
    assert '<li><a href="?" class="facet-value selected" aria-current="true">' in page
    assert "language=Hindi&amp;language=hi" not in page


@pytest.mark.parametrize("query", ["लद्दा*", "लद्*", "परियोजना*", "प्रगति"])
def test_hindi_wildcards_match_words_as_spelt(index, query):
    assert ids(search(index, SearchRequest(q=query))) == {"pib_hi"}


def test_a_wildcard_ending_in_a_nasal_with_virama_finds_the_anusvara_spelling(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    (source / "r.jsonl").write_text(json.dumps({"id": "r", "title": "हिंदी दिवस", "text": "हिंदी भाषा।"},
                                               ensure_ascii=False) + "\n", "utf-8")
    reindex(source, tmp_path / "index")
    for query in ("हिन्*", "हिं*", "हिन्दी", "हिंदी"):
        result = search(tmp_path / "index", SearchRequest(q=query))
        assert ids(result) == {"r"} and "<mark>" in result.hits[0].title_html, query
