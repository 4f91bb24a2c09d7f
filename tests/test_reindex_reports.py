"""Honest reindex reports: every file of the source not in the index is named with its reason, every run."""

import json

import pytest
from click.testing import CliRunner

from indexer import get_release, reindex
from tests.corpus import write_corpus
from tests.test_reindex import touch_later
from web.cli import main


@pytest.fixture
def source(tmp_path):
    return write_corpus(tmp_path / "source")


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_unreadable_files_are_reported_by_every_run_not_only_the_first(tmp_path, source):
    for number in range(12):
        (source / f"bad{number:02d}.txt").write_bytes(b"")
    index = str(tmp_path / "index")
    for _ in range(2):
        result = run("reindex", "--source", str(source), "--index", index)
        assert result.exit_code == 1
        assert "12 skipped" in result.stdout and result.stderr.count("skipped bad") == 12
    strict = run("reindex", "--source", str(source), "--index", index, "--strict")
    assert strict.exit_code == 1 and "aborted" in strict.stderr
    for number in range(12):
        (source / f"bad{number:02d}.txt").unlink()
    assert run("reindex", "--source", str(source), "--index", index).exit_code == 0


def test_a_fixed_file_is_indexed_and_no_longer_reported(tmp_path, source):
    bad = source / "late.jsonl"
    bad.write_text('{"id": "late", "title": \n')
    index = tmp_path / "index"
    assert len(reindex(source, index).skipped) == 1
    bad.write_text(json.dumps({"id": "late", "title": "Late release", "body": "Roads."}) + "\n")
    touch_later(bad)
    report = reindex(source, index)
    assert report.skipped == [] and report.added == 1
    assert get_release(index, "late").title == "Late release"


def test_duplicate_is_reported_every_run_once_and_taken_when_its_owner_goes(tmp_path, source):
    (source / "copy.jsonl").write_text(json.dumps({"id": "coal", "title": "Second coal", "body": "x"}) + "\n")
    index = tmp_path / "index"
    first = reindex(source, index)
    again = reindex(source, index)
    for report in (first, again):
        assert [line for line in report.skipped if "duplicate id 'coal'" in line] == [
            "copy.jsonl:1: duplicate id 'coal' (already used by coal.jsonl); release skipped"]
    (source / "coal.jsonl").unlink()
    report = reindex(source, index)
    assert report.skipped == [] and get_release(index, "coal").title == "Second coal"


def test_file_over_the_size_limit_is_reported_with_its_size(tmp_path, source):
    (source / "huge.txt").write_text("Male, Oct 7 (IANS) " + "word " * 500_000)
    result = run("reindex", "--source", str(source), "--index", str(tmp_path / "index"), "--max-size", "1")
    assert result.exit_code == 1
    assert "skipped huge.txt: 2.5 MB, over the limit of 1.0 MB for one release: not read" in result.stderr
    bigger = run("reindex", "--source", str(source), "--index", str(tmp_path / "index"), "--max-size", "3")
    assert bigger.exit_code == 0 and "1 added" in bigger.stdout


def test_links_out_of_the_source_are_skipped_and_never_served(tmp_path, source):
    outside = tmp_path / "passwd.txt"
    outside.write_text("Male, Oct 7 (IANS) root:x:0:0:root:/root:/bin/bash\n")
    (source / "link.txt").symlink_to(outside)
    index = tmp_path / "index"
    report = reindex(source, index)
    assert report.skipped == [f"link.txt: symbolic link to {outside}, outside the source folder: not followed"]
    assert get_release(index, "link") is None

    from web import create_app

    client = create_app({"INDEX": str(index), "TESTING": True}).test_client()
    page = client.get("/release/link")
    assert page.status_code == 404 and b"root:x:0:0" not in page.data


def test_verbose_names_undated_releases_and_files_passed_over(tmp_path, source):
    (source / "README.md").write_text("# About these releases\n")
    (source / "alias.jsonl").symlink_to("coal.jsonl")
    index = str(tmp_path / "index")
    quiet = run("reindex", "--source", str(source), "--index", index)
    assert quiet.exit_code == 0
    assert "1 undated, 0 skipped, 2 passed over" in quiet.stdout and "--verbose names" in quiet.stdout
    assert "undated drones" not in quiet.stderr
    loud = run("reindex", "--source", str(source), "--index", index, "--verbose")
    assert "undated drones (drones.jsonl)" in loud.stderr
    assert "passed over README.md: README or licence: not a release" in loud.stderr
    assert "passed over alias.jsonl: symbolic link to coal.jsonl: read once, as that" in loud.stderr


def test_a_folder_that_cannot_be_read_keeps_its_releases(tmp_path, source, monkeypatch):
    import os as os_module

    sub = source / "sub"
    sub.mkdir()
    (sub / "inner.jsonl").write_text(json.dumps({"id": "inner", "title": "Inner", "body": "Roads."}) + "\n")
    index = tmp_path / "index"
    assert reindex(source, index).added == 11
    real_scandir = os_module.scandir

    def failing_scandir(path):
        if os_module.fspath(path) == str(sub):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr("archive.source_folder.os.scandir", failing_scandir)
    report = reindex(source, index)
    assert report.skipped == ["sub: cannot read folder: Permission denied"] and report.removed == 0
    assert get_release(index, "inner") is not None
    monkeypatch.undo()
    report = reindex(source, index)
    assert report.skipped == [] and report.removed == 0 and get_release(index, "inner") is not None


def test_an_index_newer_than_its_manifest_is_rebuilt(tmp_path, source):
    from indexer.store import current_generation

    index = tmp_path / "index"
    reindex(source, index)
    manifest = current_generation(index) / "manifest.json"
    data = json.loads(manifest.read_text())
    data["commit"] -= 1  # as when a run is killed after its commit, before its manifest
    manifest.write_text(json.dumps(data))
    report = reindex(source, index)
    assert report.full and report.full_reason == "the last reindex was stopped between its commit and its manifest"
    assert reindex(source, index).unchanged == 10


def test_parse_json_is_valid_whatever_the_line_separators(tmp_path):
    body = "First line\u2028second\u0085third\u2029fourth"
    (tmp_path / "sep.jsonl").write_text(json.dumps({"id": "sep", "title": "T", "body": body}) + "\n")
    result = run("parse", "--json", "--body", str(tmp_path))
    assert json.loads(result.stdout)[0]["body"] == body
