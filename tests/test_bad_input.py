"""Bad files are reported with the file (and line) and what is wrong; nothing else is lost."""

import pytest

from archive import ParseError, read_paths


@pytest.fixture
def results(bad_dir):
    return list(read_paths([bad_dir]))


def errors_for(results, source):
    return [r for r in results if isinstance(r, ParseError) and r.source == source]


@pytest.mark.parametrize("source, words", [
    ("empty.txt", "empty file"),
    ("blank.txt", "empty file"),
    ("binary.txt", "binary"),
    ("undecodable.txt", "cannot decode"),
    ("truncated_pib.txt", "truncated"),
    ("bad_date.md", "bad date"),
    ("unclosed.md", "never closed"),
    ("truncated.sgm", "not closed"),
    ("data.csv", "unsupported file type"),
])
def test_each_bad_file_is_reported(results, source, words):
    (error,) = errors_for(results, source)
    assert words in error.reason
    assert str(error).startswith(source)


def test_bad_lines_of_jsonl_are_reported_and_good_ones_kept(results):
    errors = errors_for(results, "mixed.jsonl")
    assert [(e.line, e.reason.split(":")[0]) for e in errors] == [(2, "malformed JSON"), (4, "expected a JSON object, got list")]
    assert "mixed.jsonl:2:" in str(errors[0])
    kept = sorted(r.id for r in results if not isinstance(r, ParseError))
    assert kept == ["ok-1", "ok-2"]


def test_missing_path_is_reported(tmp_path):
    (error,) = list(read_paths([tmp_path / "nope"]))
    assert isinstance(error, ParseError) and "no such file" in error.reason


def test_bad_file_beside_good_ones(tmp_path, good_dir):
    (tmp_path / "good.txt").write_bytes((good_dir / "kolkata_pti.txt").read_bytes())
    (tmp_path / "bad.txt").write_bytes(b"")
    results = list(read_paths([tmp_path]))
    assert [type(r).__name__ for r in results] == ["ParseError", "Release"]


def test_impossible_front_matter_date(results):
    (error,) = errors_for(results, "impossible_date.md")
    assert "bad value" in error.reason and "day is out of range" in error.reason


def test_file_name_that_is_not_utf8(tmp_path):
    import os

    name = os.fsdecode(b"bad\xffname.txt")
    (tmp_path / name).write_text(" date 2025-01-01 KOCHI, Jan 1 (PTI) Text.")
    (error,) = list(read_paths([tmp_path]))
    assert isinstance(error, ParseError) and "not valid UTF-8" in error.reason
