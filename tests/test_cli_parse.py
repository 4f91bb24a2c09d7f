import json
from collections import Counter

from click.testing import CliRunner

from web.cli import main


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_parse_json_on_seed_prints_spec_fields(seeds_dir):
    result = run("parse", "--json", str(seeds_dir / "000_9fc2457ebedf823b.txt"))
    assert result.exit_code == 0, result.output
    (release,) = json.loads(result.stdout)
    assert list(release) == ["id", "source", "title", "date", "location", "country", "agency", "ministries",
                             "language"]
    assert release["language"] == "en"
    assert release["date"] == "2025-10-07" and release["agency"] == "IANS"
    assert release["country"] == "Maldives" and release["location"] == "Male"
    assert release["ministries"][1] == "Ministry of Foreign Affairs (Maldives)"


def test_parse_whole_seeds_folder(seeds_dir):
    result = run("parse", "--json", str(seeds_dir))
    assert result.exit_code == 0, result.stderr
    releases = json.loads(result.stdout)
    assert len(releases) == 363
    assert len({r["id"] for r in releases}) == 363
    assert all(r["date"] for r in releases)
    assert sum(r["agency"] == "PIB" for r in releases) == 362
    # English, Hindi and the 12 other languages of PIB's translations
    languages = Counter(r["language"] for r in releases)
    # ... and one release whose body is only a sign-off, in no language that can be told.
    assert languages.pop("") == 1
    assert len(languages) == 14 and languages["en"] == 323 and languages["hi"] == 3 and languages["ur"] == 3


def test_parse_body_flag(good_dir):
    result = run("parse", "--json", "--body", str(good_dir / "pib_layout.txt"))
    assert json.loads(result.stdout)[0]["body"].startswith("Defence Secretary today reviewed")


def test_parse_table_output(good_dir):
    result = run("parse", str(good_dir / "kolkata_pti.txt"))
    assert result.exit_code == 0
    assert "Kolkata, India" in result.stdout and "Ministry of Coal" in result.stdout


def test_parse_reports_bad_files_and_exits_1(bad_dir):
    result = run("parse", "--json", str(bad_dir))
    assert result.exit_code == 1
    assert "empty.txt: empty file" in result.stderr
    assert "mixed.jsonl:2: malformed JSON" in result.stderr
    assert sorted(r["id"] for r in json.loads(result.stdout)) == ["ok-1", "ok-2"]


def test_parse_usage_error_exits_2():
    assert run("parse").exit_code == 2
    assert run("parse", "--no-such-flag", "x").exit_code == 2
