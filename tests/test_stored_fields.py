"""Stored fields compressed with a dictionary trained at each full build (indexer/stored_fields.py)."""

import json
import pickle
import shutil

from whoosh.columns import CompressedBytesColumn, PickleColumn
from whoosh.filedb.filestore import RamStorage

from archive import Release
from archive.reading import iter_release_files, read_file
from indexer import SearchRequest, reindex, search
from indexer.build import sample_releases
from indexer.documents import stored_values
from indexer.stored_fields import DICTIONARY_FILE, StoredColumn, train_dictionary
from indexer.store import current_generation, open_folder


def _seed_releases(seeds_dir):
    return [result for path in iter_release_files(seeds_dir)
            for result in read_file(path, seeds_dir, 2_000_000) if isinstance(result, Release)]


def _column_bytes(column, values) -> tuple[int, list]:
    storage = RamStorage()
    with storage.create_file("column") as file:
        writer = column.writer(file)
        for number, value in enumerate(values):
            writer.add(number, value)
        writer.finish(len(values))
        length = file.tell()
    reader = column.reader(storage.open_file("column"), 0, length, len(values))
    return length, [reader[number] for number in range(len(values))]


def test_a_trained_dictionary_stores_releases_in_fewer_bytes_and_reads_them_back(seeds_dir):
    releases = _seed_releases(seeds_dir)
    training, stored = releases[::2], [stored_values(release) for release in releases[1::2]]
    dictionary = train_dictionary([stored_values(release) for release in training])
    assert dictionary
    compact, read_back = _column_bytes(StoredColumn(dictionary), stored)
    assert read_back == stored
    plain, _ = _column_bytes(StoredColumn(None), stored)
    whoosh3, _ = _column_bytes(PickleColumn(CompressedBytesColumn()), stored)
    # Releases the dictionary was not trained on, each compressed on its own.
    assert compact < 0.8 * whoosh3 and compact < plain


def test_too_little_to_train_on_gives_no_dictionary():
    assert train_dictionary([{"title": "Short", "body": "A release."}] * 3) is None


def test_the_index_reads_its_releases_back_through_the_dictionary_after_merges(seeds_dir, tmp_path):
    source, index = tmp_path / "source", tmp_path / "index"
    shutil.copytree(seeds_dir, source)
    reindex(source, index, full=True)
    generation = current_generation(index)
    assert (generation / DICTIONARY_FILE).stat().st_size > 1000
    sample = sample_releases(source)
    assert len(sample) > 100
    for number in range(12):  # incremental runs: new segments, then Whoosh merges them
        record = {"id": f"extra{number}", "title": f"Lighthouse survey {number}", "date": "2025-10-09",
                  "location": "Kochi", "body": f"The survey of lighthouse {number} was finished."}
        (source / f"extra{number}.jsonl").write_text(json.dumps(record) + "\n", "utf-8")
        reindex(source, index)
    assert current_generation(index) == generation
    found = search(index, SearchRequest(q="lighthouse survey", collapse=False, limit=50))
    assert sorted(hit.id for hit in found.hits if hit.id.startswith("extra")) == sorted(f"extra{n}" for n in range(12))
    ix = open_folder(generation)
    try:
        with ix.searcher() as searcher:
            stored = {fields["id"]: fields for fields in searcher.all_stored_fields()}
            segments = len(list(searcher.reader().leaf_readers()))
    finally:
        ix.close()
    assert segments < 12
    releases = {release.id: release for release in _seed_releases(source)}
    assert set(stored) == set(releases)
    for release_id, release in releases.items():
        assert stored[release_id] == pickle.loads(pickle.dumps(stored_values(release)))
