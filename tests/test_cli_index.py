"""`press-archive reindex` and `press-archive search` as a user runs them."""

import json

import pytest
from click.testing import CliRunner

from indexer.store import reindex_lock
from tests.corpus import write_corpus
from web.cli import main


@pytest.fixture
def env(tmp_path, monkeypatch):
    source = write_corpus(tmp_path / "source")
    monkeypatch.setenv("PRESS_ARCHIVE_SOURCE", str(source))
    monkeypatch.setenv("PRESS_ARCHIVE_INDEX", str(tmp_path / "index"))
    return source, tmp_path / "index"


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_reindex_uses_environment_and_reports(env):
    result = run("reindex")
    assert result.exit_code == 0, result.output
    assert "10 added, 0 updated, 0 removed, 0 unchanged, 1 undated, 0 skipped" in result.stdout
    assert "full rebuild (there was no index yet)" in result.stdout
    again = run("reindex")
    assert "0 added, 0 updated, 0 removed, 10 unchanged" in again.stdout and "incremental" in again.stdout


def test_reindex_reports_skipped_files_and_exits_1(env):
    source, _ = env
    (source / "bad.txt").write_bytes(b"")
    result = run("reindex")
    assert result.exit_code == 1
    assert "skipped bad.txt: empty file" in result.stderr
    assert "1 skipped" in result.stdout


def test_reindex_strict_keeps_old_index(env):
    source, _ = env
    run("reindex")
    (source / "bad.txt").write_bytes(b"")
    (source / "zebra.jsonl").write_text(json.dumps({"id": "z", "title": "Zebra", "body": "zebra"}) + "\n")
    result = run("reindex", "--strict")
    assert result.exit_code == 1 and "aborted" in result.stderr
    assert json.loads(run("search", "zebra", "--json").stdout)["total"] == 0


def test_reindex_while_another_runs(env):
    _, index = env
    with reindex_lock(index):
        result = run("reindex")
    assert result.exit_code == 1 and "reindex already running" in result.stderr


def test_reindex_missing_source(tmp_path):
    result = run("reindex", "--source", str(tmp_path / "nope"), "--index", str(tmp_path / "ix"))
    assert result.exit_code == 1 and "source folder not found" in result.stderr


def test_search_json_shape(env):
    run("reindex")
    result = run("search", "hospital", "--ministry", "Ministry of Health and Family Welfare", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) >= {"total", "page", "hits", "facets", "suggestion"}
    assert data["total"] == 2
    assert set(data["facets"]) == {"ministry", "location", "country", "agency", "language", "year", "month"}
    assert {"value", "count"} <= set(data["facets"]["ministry"][0])
    assert {"id", "title", "date", "location", "country", "agency", "ministries", "snippet", "score"} <= set(data["hits"][0])


def test_search_readable_output(env):
    run("reindex")
    result = run("search", "coal")
    assert result.exit_code == 0
    assert "Coal production rises eight per cent" in result.stdout
    assert "2026-01-03 | Kolkata, India | PTI" in result.stdout
    assert "<mark" not in result.stdout


def test_search_filters_sort_and_paging(env):
    run("reindex")
    data = json.loads(run("search", "--from", "2025-10-01", "--to", "2025-10-31", "--sort", "oldest",
                          "--limit", "2", "--page", "2", "--json").stdout)
    assert data["total"] == 4 and data["page"] == 2
    assert [hit["date"] for hit in data["hits"]] == ["2025-10-15", "2025-10-20"]


def test_search_suggestion_printed(env):
    run("reindex")
    assert "Did you mean: hospital?" in run("search", "hospitl").stdout


def test_search_json_has_the_date_histogram(env):
    run("reindex")
    data = json.loads(run("search", "hospital", "--interval", "month", "--json").stdout)
    assert data["histogram"]["interval"] == "month"
    assert sum(period["count"] for period in data["histogram"]["periods"]) == data["releases"]


@pytest.mark.parametrize("args, words", [
    (["--from", "yesterday"], "from"), (["--page", "0"], "page"), (["--sort", "random"], "sort"),
    (["--interval", "fortnight"], "interval"),
])
def test_search_bad_parameters_are_usage_errors(env, args, words):
    run("reindex")
    result = run("search", "x", *args)
    assert result.exit_code == 2 and words in result.stderr


def test_search_without_index(tmp_path):
    result = run("search", "x", "--index", str(tmp_path / "none"))
    assert result.exit_code == 1 and "press-archive reindex" in result.stderr


def test_serve_rebuilds_an_index_of_an_older_version_first(env, monkeypatch):
    import waitress

    from indexer.store import SCHEMA_FILE, current_generation

    source, index = env
    assert run("reindex").exit_code == 0
    old = current_generation(index)
    (old / SCHEMA_FILE).write_text("1\n")
    served = []

    class Server:
        effective_port = 5999

        def run(self):
            served.append(current_generation(index))

    monkeypatch.setattr(waitress, "create_server", lambda app, **kwargs: Server())
    result = run("serve", "--port", "5999")
    assert result.exit_code == 0, result.output
    assert "(the index was built by an older version)" in result.output and "Indexed 10 releases" in result.output
    assert current_generation(index) != old and served == [current_generation(index)]
    assert "Serving press-archive on http://127.0.0.1:5999/" in result.output


def test_serve_takes_index_and_source_like_the_other_commands(tmp_path, monkeypatch):
    import waitress

    source = write_corpus(tmp_path / "elsewhere")
    index = tmp_path / "own-index"
    seen = []

    class Server:
        effective_port = 5998

        def run(self):
            seen.append(True)

    monkeypatch.setattr(waitress, "create_server", lambda app, **kwargs: seen.append(app.config["INDEX"]) or Server())
    result = run("serve", "--port", "5998", "--index", str(index), "--source", str(source))
    assert result.exit_code == 0, result.output
    assert f"building it from {source}" in result.output and "Indexed 10 releases" in result.output
    assert seen == [str(index), True]
