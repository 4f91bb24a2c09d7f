"""`press-archive reindex`: bring the index up to date, reporting every file not indexed and why."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import click

from archive.records import MAX_RELEASE_BYTES
from indexer import IndexWriteFailed, ReindexRunning, default_index, default_source, reindex


def progress_printer():
    """A progress callback: a bar on a terminal, a line every 500 files otherwise."""
    if sys.stderr.isatty():
        state = {}

        def on_terminal(done: int, total: int, name: str) -> None:
            if "bar" not in state:
                state["bar"] = click.progressbar(length=total, label="Indexing", file=sys.stderr)
                state["bar"].__enter__()
            state["bar"].update(1)
            if done == total:
                state["bar"].__exit__(None, None, None)

        return on_terminal

    def plain(done: int, total: int, name: str) -> None:
        if done % 500 == 0 or done == total:
            click.echo(f"indexed {done}/{total} files", err=True)

    return plain


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP, handled as Ctrl-C is: stop cleanly, releasing the lock and writer processes."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _interrupt_on_termination() -> None:
    """Turn SIGTERM and SIGHUP into Terminated, so a stopped reindex cleans up after itself."""

    def interrupt(signum, _frame):
        raise Terminated(signum)

    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, interrupt)


@click.command("reindex")
@click.option("--source", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of release files [default: $PRESS_ARCHIVE_SOURCE or the bundled seeds/].")
@click.option("--index", "index_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Index folder [default: $PRESS_ARCHIVE_INDEX or a per-user data folder].")
@click.option("--full", is_flag=True, help="Rebuild from scratch; the old index serves until the new one is complete.")
@click.option("--strict", is_flag=True, help="Abort, keeping the old index, if any file has to be skipped.")
@click.option("--jobs", type=click.IntRange(0, 32), default=None,
              help="Writer processes of a full build (0: none) [default: 2 for over 5 MB of source, else 0].")
@click.option("--max-size", "max_mb", type=click.FloatRange(0.001, 1000), default=MAX_RELEASE_BYTES / 1e6,
              show_default=True, help="The most MB one release may have; larger files and records are skipped.")
@click.option("-v", "--verbose", is_flag=True, help="Also list the undated releases and the files passed over.")
def reindex_command(source: Path | None, index_dir: Path | None, full: bool, strict: bool, jobs: int | None,
                    max_mb: float, verbose: bool) -> None:
    """Bring the index up to date with the source folder (only what changed, unless --full)."""
    source = source or default_source()
    index_dir = index_dir or default_index()
    if not source.is_dir():
        raise click.ClickException(f"source folder not found: {source}")
    _interrupt_on_termination()
    try:
        report = reindex(source, index_dir, full=full, strict=strict, progress=progress_printer(), jobs=jobs,
                         limit=int(max_mb * 1e6))
    except (ReindexRunning, IndexWriteFailed) as exc:
        raise click.ClickException(str(exc)) from None
    except KeyboardInterrupt as exc:
        signum = exc.signum if isinstance(exc, Terminated) else signal.SIGINT
        click.echo(f"Interrupted ({signal.Signals(signum).name}): the index is whole, as before this run or with "
                   "what it had committed; run reindex again to bring it up to date.", err=True)
        sys.exit(128 + signum)
    print_report(report, source, index_dir, verbose)
    if report.aborted:
        click.echo("--strict: aborted because of the skipped input above; the index is unchanged.", err=True)
    sys.exit(1 if report.skipped else 0)


def print_report(report, source: Path, index_dir: Path, verbose: bool) -> None:
    """Every file or record not indexed with its reason (stderr), then the counts (stdout)."""
    for line in report.skipped:
        click.echo(f"skipped {line}", err=True)
    if verbose:
        for line in report.passed_over:
            click.echo(f"passed over {line}", err=True)
        for line in report.undated_releases:
            click.echo(f"undated {line}", err=True)
    kind = "full rebuild" if report.full else "incremental"
    if report.full_reason:
        kind += f" ({report.full_reason})"
    click.echo(f"{kind} of {source} into {index_dir}: {report.added} added, {report.updated} updated, "
               f"{report.removed} removed, {report.unchanged} unchanged, {report.undated} undated, "
               f"{len(report.skipped)} skipped, {len(report.passed_over)} passed over")
    if not verbose and (report.undated or report.passed_over):
        click.echo("(--verbose names the undated releases and the files passed over)")
