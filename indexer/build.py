"""Reindex: bring the index in line with the source folder, incrementally or from scratch."""

from __future__ import annotations

import itertools
import shutil
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from archive import ParseError, Release
from archive.reading import iter_release_files, read_file
from archive.records import MAX_RELEASE_BYTES
from archive.source_folder import NotRead, walk_source
from indexer import faults
from indexer.bodies import long_body_key, remove_unused_bodies
from indexer.documents import content_hash, stored_values
from indexer.release_writer import ReleaseWriter, default_jobs
from indexer.schema import TEXT, build_schema
from indexer.stories import refresh_stories
from indexer.stored_fields import train_dictionary
from indexer.stories_aside import StoriesAside
from indexer.store import (
    committed_generation, current_generation, needs_full_rebuild, new_generation, publish, read_manifest,
    record_check, reindex_lock, remove_leftovers, remove_stale_generations, write_manifest,
)

Progress = Callable[[int, int, str], None]
#: A full build pairs the stems found in COMMON_SHARE of about SAMPLE_RELEASES releases, read
#: from up to SAMPLE_FILES files spread over the source (a second or two at any size).
SAMPLE_RELEASES, SAMPLE_FILES, COMMON_SHARE = 2000, 200, 0.01


@dataclass
class ReindexReport:
    """What a reindex did."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    undated: int = 0
    #: Every file or record of the source that is not in the index because it could not be read, and why.
    skipped: list[str] = field(default_factory=list)
    #: Files of the source deliberately not read (hidden, READMEs, links to files read anyway), and why.
    passed_over: list[str] = field(default_factory=list)
    #: The releases without a date, as "id (file)".
    undated_releases: list[str] = field(default_factory=list)
    full: bool = False
    aborted: bool = False
    #: Why a full rebuild was made when none was asked for.
    full_reason: str = ""

    @property
    def changed(self) -> bool:
        """Whether the index was written to."""
        return bool(self.added or self.updated or self.removed)


def reindex(source: Path, index_dir: Path, full: bool = False, strict: bool = False,
            progress: Progress | None = None, jobs: int | None = None,
            limit: int = MAX_RELEASE_BYTES) -> ReindexReport:
    """Reindex `source` into `index_dir`; a full rebuild is swapped in only once complete.

    `limit` is the most bytes one release may have; `jobs` the writer processes of a full build.
    """
    source, index_dir = Path(source), Path(index_dir)
    if not source.is_dir():
        raise FileNotFoundError(f"source folder not found: {source}")
    with reindex_lock(index_dir):
        current = current_generation(index_dir)
        reason = "" if full else needs_full_rebuild(index_dir)
        full = full or bool(reason)
        remove_stale_generations(index_dir)
        if not full:
            remove_leftovers(current)
        entries = list(walk_source(source))
        paths = [entry for entry in entries if isinstance(entry, Path)]
        if full:
            sample = sample_releases(source, limit, paths)
            folder = new_generation(index_dir, stems_in_many(sample), train_dictionary(list(map(stored_values, sample))))
        else:
            folder = current
        try:
            report = _reindex_into(folder, source, entries, full, strict, progress, jobs, limit, current)
            report.full_reason = reason
        except BaseException:
            if full:  # Interrupted or failed: the previous generation keeps serving.
                shutil.rmtree(folder, ignore_errors=True)
            raise
        if full and not report.aborted:
            faults.checkpoint("publish")
            publish(index_dir, folder)
            faults.checkpoint("published")
        elif full:
            shutil.rmtree(folder, ignore_errors=True)
        if not report.aborted:
            record_check(index_dir)
        return report


def sample_releases(source: Path, limit: int = MAX_RELEASE_BYTES, paths: list[Path] | None = None) -> list[Release]:
    """About SAMPLE_RELEASES releases from files spread over the whole source, a few from each."""
    if paths is None:
        paths = list(iter_release_files(source))
    files = min(len(paths), SAMPLE_FILES)
    per_file = -(-SAMPLE_RELEASES // files) if files else 0
    sample: list[Release] = []
    for number in range(files):
        releases = (result for result in read_file(paths[number * len(paths) // files], source, limit)
                    if isinstance(result, Release))
        sample.extend(itertools.islice(releases, per_file))
    return sample


def stems_in_many(sample: list[Release]) -> frozenset[str]:
    """The stems in at least 1% of the sampled releases (and in two)."""
    analyzer = build_schema()[TEXT].analyzer
    counts: Counter[str] = Counter()
    for release in sample:
        counts.update({token.text for token in analyzer(f"{release.title} {release.body}")})
    least = max(2, COMMON_SHARE * len(sample))
    return frozenset(stem for stem, count in counts.items() if count >= least)


def _reindex_into(folder: Path, source: Path, entries: list[Path | NotRead], full: bool, strict: bool,
                  progress: Progress | None, jobs: int | None, limit: int, previous: Path | None) -> ReindexReport:
    old_files: dict[str, dict] = {} if full else read_manifest(folder)["files"]
    report, new_files = ReindexReport(full=full), {}
    files = []
    unreadable: list[str] = []
    for entry in entries:
        if isinstance(entry, NotRead):
            (report.skipped if entry.problem else report.passed_over).append(str(entry))
            if entry.unreadable:
                unreadable.append(entry.name)
        else:
            files.append((entry, entry.relative_to(source).as_posix(), _stamp(entry)))
    # A file that had problems is read again every time: its report stays true, and a release
    # skipped as a duplicate is taken once the file that had its id is gone.
    unchanged = {name for _, name, stamp in files
                 if name in old_files and old_files[name]["stamp"] == stamp and not old_files[name].get("problems")}
    # A folder or file that cannot be read just now keeps what was indexed from it, as a file
    # that cannot be parsed does, until it can be read again or is gone.
    kept = {name: {**entry, "stamp": None, "problems": 1} for name, entry in old_files.items()
            if any(name == gone or name.startswith(gone.rstrip("/") + "/") for gone in unreadable)}
    new_files.update(kept)
    report.unchanged += sum(len(entry["ids"]) for entry in kept.values())
    # Ids of files that will not be read again are taken; among the files read, the first claim wins.
    owners = {release_id: name for name in [*unchanged, *kept] for release_id in old_files[name]["ids"]}
    if jobs is None:
        jobs = default_jobs(sum(stamp[1] for _, _, stamp in files if stamp))
    writer = ReleaseWriter(folder, full, jobs)
    try:
        for number, (path, name, stamp) in enumerate(files, start=1):
            if progress:
                progress(number, len(files), name)
            faults.checkpoint("file")
            if name in unchanged:
                new_files[name] = old_files[name]
                report.unchanged += len(old_files[name]["ids"])
                continue
            new_files[name] = _reindex_file(path, source, name, stamp, old_files.get(name), owners, writer, report,
                                            limit)
        for name, entry in old_files.items():
            if name not in new_files:
                _remove_unclaimed(entry["ids"], name, owners, writer, report)
        report.undated_releases = [f"{release_id} ({name})" for name, entry in new_files.items()
                                   for release_id in entry.get("undated", ())]
        report.undated = len(report.undated_releases)
        if strict and report.skipped:
            report.aborted = True
            writer.cancel()
            return report
        aside = StoriesAside.start(folder, writer)
        try:
            writer.commit()
        except BaseException:
            if aside:
                aside.cancel()
            raise
    except BaseException:
        writer.cancel()
        raise
    faults.checkpoint("committed")
    if not (aside and aside.finish()):
        refresh_stories(folder, full, writer.sketches_now(), writer.removed, writer.at_hand,
                        previous=previous if full and previous != folder else None)
    faults.checkpoint("stories")
    if full or report.changed or new_files != old_files:
        write_manifest(folder, {"files": new_files, "commit": committed_generation(folder)})
        faults.checkpoint("manifest")
        # Only now that the manifest names every long body in use may the others go.
        remove_unused_bodies(folder, {key for entry in new_files.values() for key in entry.get("bodies", ())})
    return report


def _stamp(path: Path) -> list[int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return [stat.st_mtime_ns, stat.st_size]


def _remove_unclaimed(ids, name: str, owners: dict[str, str], writer: ReleaseWriter, report: ReindexReport) -> None:
    """Remove the releases `name` no longer has, unless another file has claimed them in this run."""
    for release_id in ids:
        if owners.get(release_id, name) == name:
            writer.remove(release_id)
            report.removed += 1


def _reindex_file(path: Path, source: Path, name: str, stamp: list[int] | None, previous: dict | None,
                  owners: dict[str, str], writer: ReleaseWriter, report: ReindexReport, limit: int) -> dict:
    """Read one new or changed file, write what changed, and return its manifest entry."""
    old_ids: dict[str, str] = previous["ids"] if previous else {}
    ids: dict[str, str] = {}
    undated: list[str] = []
    problems: list[str] = []
    bodies: list[str] = []
    for result in read_file(path, source, limit):
        if isinstance(result, Release) and (result.id in ids or owners.get(result.id, name) != name):
            other = name if result.id in ids else owners[result.id]
            result = ParseError(result.source, f"duplicate id '{result.id}' (already used by {other}); release skipped")
        if isinstance(result, ParseError):
            problems.append(str(result))
            continue
        digest = content_hash(result)
        ids[result.id] = digest
        owners[result.id] = name
        if not result.date:
            undated.append(result.id)
        long_body = long_body_key(result.body)
        if long_body:
            bodies.append(long_body)
        if old_ids.get(result.id) == digest:
            report.unchanged += 1
            continue
        writer.write(result, new=result.id not in old_ids, long_body=long_body)
        if result.id in old_ids:
            report.updated += 1
        else:
            report.added += 1
    if not ids and old_ids:
        # Nothing readable now: keep what was indexed from it until the file is fixed or removed.
        kept = len(old_ids)
        report.skipped += [f"{problem} (the {kept} release{'s' if kept > 1 else ''} indexed from it before "
                           f"{'are' if kept > 1 else 'is'} kept until the file is fixed or removed)"
                           for problem in problems]
        report.unchanged += kept
        owners.update(dict.fromkeys(old_ids, name))
        return {**previous, "stamp": None, "problems": len(problems)}
    report.skipped += problems
    _remove_unclaimed([i for i in old_ids if i not in ids], name, owners, writer, report)
    return {"stamp": stamp, "ids": ids, "undated": undated, **({"problems": len(problems)} if problems else {}),
            **({"bodies": bodies} if bodies else {})}
