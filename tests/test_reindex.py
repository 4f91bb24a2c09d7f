"""Reindexing: incremental updates, full rebuilds that never leave a broken index, the lock."""

import json
import os

import pytest

from indexer import IndexWriteFailed, ReindexRunning, SearchRequest, get_release, reindex, search
from indexer.documents import document_fields
from indexer.store import SCHEMA_FILE, current_generation, reindex_lock
from tests.corpus import write_corpus


def total(index, q=""):
    return search(index, SearchRequest(q=q)).total


def touch_later(path):
    """Make sure a rewritten file's mtime differs even on coarse clocks."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000))


@pytest.fixture
def source(tmp_path):
    return write_corpus(tmp_path / "source")


@pytest.fixture
def index(tmp_path, source):
    index = tmp_path / "index"
    reindex(source, index)
    return index


def test_first_run_is_a_full_build(tmp_path, source):
    report = reindex(source, tmp_path / "ix")
    assert report.full and report.added == 10 and report.undated == 1 and report.skipped == []


def test_unchanged_reindex_touches_nothing(index, source):
    folder = current_generation(index)
    before = sorted(p.name for p in folder.iterdir())
    report = reindex(source, index)
    assert (report.added, report.updated, report.removed, report.unchanged) == (0, 0, 0, 10)
    assert not report.full and sorted(p.name for p in folder.iterdir()) == before


def test_add_change_and_delete(index, source):
    (source / "new.jsonl").write_text(json.dumps({"id": "new", "title": "Zebra crossing rules", "body": "Zebra."}) + "\n")
    changed = source / "coal.jsonl"
    record = json.loads(changed.read_text())
    record["title"] = "Coal output at a record high"
    changed.write_text(json.dumps(record) + "\n")
    touch_later(changed)
    (source / "drones.jsonl").unlink()
    report = reindex(source, index)
    assert (report.added, report.updated, report.removed, report.unchanged) == (1, 1, 1, 8)
    assert total(index) == 10
    assert total(index, "zebra") == 1
    assert get_release(index, "coal").title == "Coal output at a record high"
    assert get_release(index, "drones") is None
    assert report.undated == 1   # "new" has no date; "drones" is gone


def test_file_touched_but_unchanged_counts_as_unchanged(index, source):
    touch_later(source / "coal.jsonl")
    report = reindex(source, index)
    assert (report.added, report.updated, report.unchanged) == (0, 0, 10)


def test_bad_file_is_reported_and_skipped(index, source):
    (source / "broken.jsonl").write_text('{"id": "x", "title": \n')
    (source / "empty.txt").write_text("")
    report = reindex(source, index)
    assert len(report.skipped) == 2
    assert any("broken.jsonl:1: malformed JSON" in line for line in report.skipped)
    assert any("empty.txt: empty file" in line for line in report.skipped)
    assert total(index) == 10


def test_file_that_breaks_keeps_its_indexed_release(index, source):
    (source / "coal.jsonl").write_text("")
    report = reindex(source, index)
    assert report.removed == 0 and len(report.skipped) == 1
    assert get_release(index, "coal") is not None


def test_duplicate_id_in_another_file_is_skipped(index, source):
    (source / "copy.jsonl").write_text(json.dumps({"id": "coal", "title": "Impostor", "body": "x"}) + "\n")
    report = reindex(source, index)
    assert any("duplicate id 'coal'" in line for line in report.skipped)
    assert get_release(index, "coal").title.startswith("Coal production")


def test_strict_aborts_and_keeps_the_index(index, source):
    (source / "new.jsonl").write_text(json.dumps({"id": "new", "title": "Zebra", "body": "Zebra."}) + "\n")
    (source / "empty.txt").write_text("")
    report = reindex(source, index, strict=True)
    assert report.aborted and report.skipped
    assert total(index, "zebra") == 0


def test_full_rebuild_swaps_in_a_new_generation(index, source):
    old = current_generation(index)
    report = reindex(source, index, full=True)
    assert report.full and report.added == 10
    new = current_generation(index)
    # The previous generation stays for searches that had just looked it up, until the next run.
    assert new != old and old.exists()
    assert total(index) == 10
    reindex(source, index)
    assert not old.exists() and new.exists()


def test_index_of_an_older_schema_is_rebuilt_in_full(index, source):
    old = current_generation(index)
    (old / SCHEMA_FILE).write_text("1\n")  # as an index built before the schema changed
    report = reindex(source, index)
    assert report.full and report.full_reason == "the index was built by an older version"
    assert report.added == 10 and current_generation(index) != old
    again = reindex(source, index)
    assert not again.full and again.unchanged == 10 and again.full_reason == ""
    assert total(index, '"border roads"') == 2


def test_failed_writer_process_keeps_the_old_index(index, source, monkeypatch):
    import indexer.release_writer as release_writer

    old = current_generation(index)
    written = []

    def fields_one_process_cannot_write(release, *rest):
        fields = document_fields(release, *rest)
        written.append(release.id)
        if len(written) == 3:
            fields["no_such_field"] = "x"  # the writer process handed this one raises
        return fields

    monkeypatch.setattr(release_writer, "document_fields", fields_one_process_cannot_write)
    with pytest.raises(IndexWriteFailed, match="writer process failed"):
        reindex(source, index, full=True, jobs=2)  # two writer processes, as at scale
    assert len(written) == 10
    assert current_generation(index) == old
    assert [p.name for p in index.glob("gen-*")] == [old.name]
    assert total(index) == 10


def test_both_writer_processes_failing_stops_the_build_instead_of_hanging(tmp_path, monkeypatch):
    import threading

    import indexer.release_writer as release_writer

    source = tmp_path / "source"
    source.mkdir()
    lines = [json.dumps({"id": f"r{n}", "title": f"Release {n}", "body": "Roads."}) for n in range(1500)]
    (source / "many.jsonl").write_text("\n".join(lines) + "\n")

    def fields_no_process_can_write(release, *rest):
        return {**document_fields(release, *rest), "no_such_field": "x"}

    monkeypatch.setattr(release_writer, "document_fields", fields_no_process_can_write)
    outcome = []
    worker = threading.Thread(target=lambda: outcome.append(_raised(reindex, source, tmp_path / "index", full=True,
                                                                    jobs=2)),
                              daemon=True)
    worker.start()
    worker.join(timeout=120)  # Whoosh's queue for its writer processes once blocked here for ever
    assert outcome and isinstance(outcome[0], IndexWriteFailed)
    assert current_generation(tmp_path / "index") is None and not list((tmp_path / "index").glob("gen-*"))


def _raised(function, *args, **kwargs):
    try:
        function(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 - the test looks at which
        return exc
    return None


def test_interrupted_full_rebuild_leaves_old_index_serving(index, source):
    old = current_generation(index)
    (source / "extra.jsonl").write_text(json.dumps({"id": "extra", "title": "Zebra", "body": "Zebra."}) + "\n")
    seen_mid_way = []

    def interrupt(done, count, name):
        if done == 5:
            # A search during the rebuild still sees the complete old index.
            seen_mid_way.append(total(index))
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        reindex(source, index, full=True, progress=interrupt)
    assert seen_mid_way == [10]
    assert current_generation(index) == old
    assert [p.name for p in index.glob("gen-*")] == [old.name]
    assert total(index) == 10 and total(index, "zebra") == 0


def test_second_reindex_while_one_runs_is_refused(index, source):
    folder = current_generation(index)
    with reindex_lock(index):
        with pytest.raises(ReindexRunning, match="reindex already running"):
            reindex(source, index, full=True)
    assert current_generation(index) == folder and total(index) == 10


def test_missing_source_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="source folder not found"):
        reindex(tmp_path / "nowhere", tmp_path / "ix")


def test_search_sees_new_segments_and_counts_their_facets(index, source):
    assert total(index, "zebra") == 0
    (source / "new.jsonl").write_text(json.dumps({"id": "new", "title": "Zebra", "body": "Zebra."}) + "\n")
    (source / "pune.jsonl").write_text(json.dumps(
        {"id": "pune", "title": "Pune metro", "date": "2025-10-09", "location": "Pune", "body": "Metro."}) + "\n")
    reindex(source, index)
    result = search(index, SearchRequest())
    assert result.total == 12 and total(index, "zebra") == 1
    assert {v.value: v.count for v in result.facets["location"]}["Pune"] == 1
    assert {v.value: v.count for v in result.facets["month"]}["2025-10"] == 5


def test_release_moved_to_another_file_stays_indexed(index, source):
    moving = (source / "coal.jsonl").read_text()
    (source / "coal.jsonl").unlink()
    (source / "zz-bundle.jsonl").write_text((source / "port.jsonl").read_text() + moving)
    (source / "port.jsonl").unlink()
    report = reindex(source, index)
    assert report.skipped == []
    assert get_release(index, "coal") is not None and get_release(index, "port") is not None
    assert total(index) == 10
    again = reindex(source, index)
    assert (again.added, again.removed, again.unchanged) == (0, 0, 10)
    assert get_release(index, "coal") is not None


def test_id_moving_within_changed_files_is_not_a_duplicate(tmp_path):
    source = tmp_path / "src"
    source.mkdir()
    a, b = source / "a.jsonl", source / "b.jsonl"
    x, y, z = ({"id": i, "title": f"Release {i}", "body": i} for i in "XYZ")
    a.write_text(json.dumps(x) + "\n" + json.dumps(y) + "\n")
    b.write_text(json.dumps(z) + "\n")
    reindex(source, tmp_path / "ix")
    a.write_text(json.dumps(y) + "\n")
    b.write_text(json.dumps(z) + "\n" + json.dumps(x) + "\n")
    touch_later(a)
    touch_later(b)
    report = reindex(source, tmp_path / "ix")
    assert report.skipped == [] and total(tmp_path / "ix") == 3
    assert get_release(tmp_path / "ix", "X").source == "b.jsonl:2"


def test_crash_after_commit_before_manifest_leaves_no_duplicates(index, source, monkeypatch):
    import indexer.build

    (source / "new.jsonl").write_text(json.dumps({"id": "new", "title": "Zebra", "body": "zebra"}) + "\n")

    def die(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(indexer.build, "write_manifest", die)
    with pytest.raises(KeyboardInterrupt):
        reindex(source, index)
    monkeypatch.undo()
    reindex(source, index)
    assert total(index, "zebra") == 1 and total(index) == 11


def test_index_deleted_and_rebuilt_under_a_running_search(index, source, tmp_path):
    import shutil

    assert total(index, "hospital") == 3
    shutil.rmtree(index)
    (source / "chennai.jsonl").unlink()
    reindex(source, index)
    # The same thread, with its searcher and caches from before, sees the rebuilt index.
    assert total(index, "hospital") == 2 and total(index) == 9
