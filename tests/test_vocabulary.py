"""The search vocabulary is declared once: a new facet is one entry and its extraction, end to end."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

from indexer import FACETS, SORTS, facet_names
from indexer.query import parse_user_query
from indexer.schema import build_schema
from tests.corpus import RELEASES, write_corpus

ROOT = Path(__file__).resolve().parent.parent
#: The whole change that adds a facet: the declaration, with its extraction (the release's
#: first folder in the source, its "desk").
NEW_FACET = '''    Facet("desk", "Desk", lambda release: _one(release.source.split("/")[0] if "/" in release.source else ""),
          "Only releases filed by this desk."),
'''
#: Run in the changed copy: reindex, then the CLI, the API, a query prefix and the finder's page.
SCRIPT = '''
import json, sys
from click.testing import CliRunner
import indexer
from web import create_app
from web.cli import main
assert indexer.__file__.startswith(sys.argv[3]), indexer.__file__
source, index = sys.argv[1], sys.argv[2]
runner = CliRunner()
reindexed = runner.invoke(main, ["reindex", "--source", source, "--index", index])
cli = runner.invoke(main, ["search", "--index", index, "--desk", "south", "--json"])
client = create_app({"INDEX": index, "TESTING": True}).test_client()
print(json.dumps({
    "reindex": reindexed.output,
    "cli": json.loads(cli.output)["total"] if cli.exit_code == 0 else cli.output,
    "api": client.get("/api/search?desk=north").get_json(),
    "typed": client.get("/api/search?q=desk:south+hospital").get_json()["total"],
    "bad": client.get("/api/search?desk=north&desk=").status_code,
    "html": client.get("/?desk=south").get_data(as_text=True),
}))
'''


def test_adding_a_single_valued_facet_is_one_declaration(tmp_path):
    tree = tmp_path / "tree"
    for package in ("archive", "indexer", "web"):
        shutil.copytree(ROOT / package, tree / package, ignore=shutil.ignore_patterns("__pycache__"))
    vocabulary = tree / "indexer" / "vocabulary.py"
    text = vocabulary.read_text("utf-8")
    end_of_facets = text.index(")\n\n\n@dataclass(frozen=True)\nclass Sort")
    vocabulary.write_text(text[:end_of_facets] + NEW_FACET + text[end_of_facets:], "utf-8")

    south = {"chennai", "port", "colombo"}
    write_corpus(tmp_path / "source" / "south", [r for r in RELEASES if r["id"] in south])
    write_corpus(tmp_path / "source" / "north", [r for r in RELEASES if r["id"] not in south])
    run = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "source"), str(tmp_path / "index"), str(tree)],
                         cwd=tree, env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)

    assert "10 added" in out["reindex"]
    assert out["cli"] == 3  # --desk south
    api = out["api"]
    assert api["total"] == 7 and {hit["id"] for hit in api["hits"]} == {r["id"] for r in RELEASES} - south
    # Counted with its own filter left out, most first, the selected value marked.
    assert [(v["value"], v["count"], v["selected"]) for v in api["facets"]["desk"]] == [
        ("north", 7, True), ("south", 3, False)]
    assert out["typed"] == 1  # desk:south hospital: Chennai's hospital readiness
    assert out["bad"] == 200
    assert '<h3 id="facet-desk">Desk</h3>' in out["html"] and "Desk: south" in out["html"]


def test_every_facet_is_an_index_field_a_query_prefix_and_a_filter():
    schema = build_schema()
    for facet in FACETS:
        assert facet.name in schema and schema[facet.name].column_type is not None
        value = {"year": "2025", "month": "2025-10"}.get(facet.name, "Some Value")
        for prefix in (facet.name, *facet.aliases):
            parsed = parse_user_query(f'hospital {prefix.upper()}:"{value}"', schema)
            assert parsed.filters == {facet.name: [value]} and parsed.text == "hospital"
    assert facet_names() == ("ministry", "location", "country", "agency", "language", "year", "month")
    assert [sort.name for sort in SORTS] == ["relevance", "newest", "oldest"]


def test_facet_values_are_checked_against_their_form():
    year = next(facet for facet in FACETS if facet.name == "year")
    month = next(facet for facet in FACETS if facet.name == "month")
    assert year.well_formed("2025") and not year.well_formed("25") and not year.well_formed("2025-10")
    assert month.well_formed("2025-10") and not month.well_formed("2025-13") and not month.well_formed("2025")
    assert year.ordered([("2024", 5), ("2026", 1)]) == [("2026", 1), ("2024", 5)]
    assert month.ordered([("2025-11", 1), ("2025-09", 5)]) == [("2025-09", 5), ("2025-11", 1)]
