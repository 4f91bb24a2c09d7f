"""The source folder as reindex and parse see it: containment, links, special files, size limits, streaming."""

import io
import json
import os

import pytest

from archive import ParseError, read_paths
from archive.reading import read_file
from archive.records import split_records
from archive.source_folder import NotRead, walk_source

RELEASE = "Male, Oct 7 (IANS) Defence Secretary Rajesh Kumar Singh called on the Maldives Foreign Minister.\n"


def entries(folder):
    return {(entry.name if isinstance(entry, NotRead) else entry.relative_to(folder).as_posix()): entry
            for entry in walk_source(folder)}


def test_symlink_out_of_the_source_folder_is_not_followed(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    (tmp_path / "secret.txt").write_text("Male, Oct 7 (IANS) root:x:0:0:secret\n")
    (source / "link.txt").symlink_to(tmp_path / "secret.txt")
    (source / "etc").symlink_to("/etc")
    found = entries(source)
    assert found["link.txt"].problem and "outside the source folder: not followed" in found["link.txt"].reason
    assert found["etc"].problem and "outside the source folder" in found["etc"].reason
    assert [r.id for r in read_paths([source]) if not isinstance(r, ParseError)] == []


def test_link_to_a_file_inside_is_read_once(tmp_path):
    (tmp_path / "a.txt").write_text(RELEASE)
    (tmp_path / "b.txt").symlink_to("a.txt")
    os.link(tmp_path / "a.txt", tmp_path / "c.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "loop").symlink_to("sub")
    found = entries(tmp_path)
    assert set(found) == {"a.txt", "b.txt", "c.txt", "loop"}
    assert not isinstance(found["a.txt"], NotRead)
    assert found["b.txt"].reason == "symbolic link to a.txt: read once, as that" and not found["b.txt"].problem
    assert "same file as a.txt (a hard link)" in found["c.txt"].reason
    assert "folder sub: not followed" in found["loop"].reason
    assert [r.id for r in read_paths([tmp_path])] == ["a"]


def test_link_to_a_file_not_read_otherwise_is_read_under_its_own_name(tmp_path):
    (tmp_path / ".staging").mkdir()
    (tmp_path / ".staging" / "x.txt").write_text(RELEASE)
    (tmp_path / "today.txt").symlink_to(".staging/x.txt")
    assert [r.id for r in read_paths([tmp_path])] == ["today"]


def test_broken_link_fifo_hidden_and_readme(tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref")
    (tmp_path / "README.md").write_text("# about")
    found = entries(tmp_path)
    assert found["gone.txt"].problem and found["gone.txt"].reason == "broken symbolic link"
    assert found["pipe.txt"].problem and "not a regular file (a FIFO)" in found["pipe.txt"].reason
    assert not found[".git"].problem and found[".git"].reason == "hidden folder: not read"
    assert not found["README.md"].problem
    # A FIFO named on the command line is refused, not waited on.
    (error,) = read_file(tmp_path / "pipe.txt", tmp_path)
    assert isinstance(error, ParseError) and "not a regular file" in error.reason


def test_release_file_over_the_limit_is_not_read(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(RELEASE + "word " * 3000)
    (error,) = read_file(big, tmp_path, limit=10_000)
    assert isinstance(error, ParseError)
    assert error.reason.startswith("15 KB, over the limit of 10 KB for one release: not read")
    (release,) = read_file(big, tmp_path, limit=20_000)
    assert release.id == "big"


def test_record_over_the_limit_is_skipped_and_the_others_read(tmp_path):
    lines = [json.dumps({"id": "a", "title": "A", "body": "small"}),
             json.dumps({"id": "huge", "title": "H", "body": "x" * 50_000}),
             json.dumps({"id": "b", "title": "B", "body": "small"})]
    (tmp_path / "many.jsonl").write_text("\n".join(lines) + "\n")
    results = list(read_file(tmp_path / "many.jsonl", tmp_path, limit=10_000))
    assert [r.id for r in results if not isinstance(r, ParseError)] == ["a", "b"]
    (error,) = [r for r in results if isinstance(r, ParseError)]
    assert error.line == 2 and error.reason.startswith("record of 50 KB, over the limit of 10 KB")


def test_sgml_items_are_read_one_at_a_time(tmp_path, good_dir):
    whole = list(read_file(good_dir / "reuters.sgm", good_dir))
    assert len(whole) >= 2 and not any(isinstance(r, ParseError) for r in whole)
    text = (good_dir / "reuters.sgm").read_bytes()
    (tmp_path / "reuters.sgm").write_bytes(text.replace(b"</REUTERS>", b"</REUTERS>" + b" " * 100, 1))
    again = list(read_file(tmp_path / "reuters.sgm", tmp_path))
    assert [(r.id, r.title, r.source) for r in again] == [(r.id, r.title, r.source) for r in whole]


@pytest.mark.parametrize("block", [1, 3, 7, 1 << 16])
def test_split_records_finds_the_same_records_whatever_the_block(monkeypatch, block):
    import archive.records as records

    monkeypatch.setattr(records, "_BLOCK", block)
    data = b"a\nbb\n" + b"x" * 300 + b"\n\nccc\nlast"
    assert list(split_records(io.BytesIO(data), b"\n", 100)) == [
        (1, b"a\n"), (2, b"bb\n"), (3, 301), (4, b"\n"), (5, b"ccc\n"), (6, b"last")]
    sgml = b"<R>1</R>\n<R>2" + b"y" * 40 + b"\n</R>\n<R>3</R> "
    assert list(split_records(io.BytesIO(sgml), b"</R>", 20)) == [
        (1, b"<R>1</R>"), (1, 50), (3, b"\n<R>3</R>"), (4, b" ")]


def test_json_error_message_reads_well(tmp_path):
    (tmp_path / "bad.jsonl").write_text('{"id": "x", "title": "unterminated}\n')
    (error,) = read_file(tmp_path / "bad.jsonl", tmp_path)
    assert "at at" not in error.reason and error.reason == "malformed JSON: Unterminated string starting at column 22"
