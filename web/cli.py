"""The `press-archive` command: parse, reindex, search and serve the archive."""

from __future__ import annotations

import errno
import html
import json
import re
import signal
import sys
from pathlib import Path

import click

from archive import ParseError, read_paths
from archive.records import MAX_RELEASE_BYTES
from indexer import (
    FACETS, MAX_LIMIT, MAX_PAGE, SORTS, IndexMissing, IndexWriteFailed, ReindexRunning, SearchRequest,
    default_index, default_source, needs_full_rebuild, reindex, search,
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="press-archive")
def main() -> None:
    """A searchable archive of government press releases and wire items."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array instead of a table.")
@click.option("--body", is_flag=True, help="With --json, include each release's body text.")
@click.option("--max-size", "max_mb", type=click.FloatRange(0.001, 1000), default=MAX_RELEASE_BYTES / 1e6,
              show_default=True, help="The most MB one release may have; larger files and records are skipped.")
def parse(paths: tuple[str, ...], as_json: bool, body: bool, max_mb: float) -> None:
    """Read release files and folders (recursively) and print each release's fields.

    Files that cannot be read are reported on stderr, one line each; the exit status
    is 1 when any input was skipped.
    """
    releases = errors = 0
    # Printed as read, so that memory stays flat however many releases there are.
    for result in read_paths(paths, int(max_mb * 1e6)):
        if isinstance(result, ParseError):
            errors += 1
            click.echo(f"skipped {result}", err=True)
            continue
        if as_json:
            data = json.dumps(result.to_dict(with_body=body), indent=2, ensure_ascii=False)
            click.echo(("[\n" if not releases else ",\n") + _indent(data), nl=False)
        else:
            click.echo(format_release(result))
        releases += 1
    if as_json:
        click.echo("\n]" if releases else "[]")
    else:
        click.echo(f"{releases} release(s) read, {errors} skipped.", err=True)
    sys.exit(1 if errors else 0)


def _indent(text: str) -> str:
    # split, not splitlines: JSON leaves U+2028 and friends inside strings as they are.
    return "\n".join("  " + line for line in text.split("\n"))


def format_release(release) -> str:
    """Return a release's fields as a short readable block."""
    place = ", ".join(part for part in (release.location, release.country) if part)
    lines = [
        click.style(release.title or "(untitled)", bold=True),
        f"  id:         {release.id}",
        f"  source:     {release.source}",
        f"  date:       {release.date or '(undated)'}",
        f"  place:      {place or '-'}",
        f"  agency:     {release.agency or '-'}",
        f"  ministries: {'; '.join(release.ministries) or '-'}",
        "",
    ]
    return "\n".join(lines)



def _progress_printer():
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


@main.command("reindex")
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
        report = reindex(source, index_dir, full=full, strict=strict, progress=_progress_printer(), jobs=jobs,
                         limit=int(max_mb * 1e6))
    except (ReindexRunning, IndexWriteFailed) as exc:
        raise click.ClickException(str(exc)) from None
    except KeyboardInterrupt as exc:
        signum = exc.signum if isinstance(exc, Terminated) else signal.SIGINT
        click.echo(f"Interrupted ({signal.Signals(signum).name}): the index is whole, as before this run or with "
                   "what it had committed; run reindex again to bring it up to date.", err=True)
        sys.exit(128 + signum)
    _print_report(report, source, index_dir, verbose)
    if report.aborted:
        click.echo("--strict: aborted because of the skipped input above; the index is unchanged.", err=True)
    sys.exit(1 if report.skipped else 0)


def _print_report(report, source: Path, index_dir: Path, verbose: bool) -> None:
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


def _facet_options(command):
    """One repeatable option per facet of the vocabulary (--ministry, --location ...)."""
    for facet in reversed(FACETS):
        command = click.option(f"--{facet.name}", facet.name, multiple=True,
                               help=f"{facet.help.rstrip('.')} (repeatable).")(command)
    return command


@main.command("search")
@click.argument("query", nargs=-1)
@_facet_options
@click.option("--from", "date_from", default="", help="Earliest date, YYYY-MM-DD (or YYYY-MM, YYYY).")
@click.option("--to", "date_to", default="", help="Latest date, YYYY-MM-DD (or YYYY-MM, YYYY).")
@click.option("--sort", type=click.Choice([sort.name for sort in SORTS]), default=SORTS[0].name, show_default=True)
@click.option("--page", type=click.IntRange(1, MAX_PAGE), default=1, show_default=True)
@click.option("--limit", type=click.IntRange(1, MAX_LIMIT), default=10, show_default=True)
@click.option("--index", "index_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Index folder [default: $PRESS_ARCHIVE_INDEX or a per-user data folder].")
@click.option("--json", "as_json", is_flag=True, help="Print the results, facets and suggestion as JSON.")
def search_command(query: tuple[str, ...], date_from: str, date_to: str, sort: str, page: int, limit: int,
                   index_dir: Path | None, as_json: bool, **facets: tuple[str, ...]) -> None:
    """Search the archive. QUERY takes words, "phrases", AND/OR/NOT, field:value and wildcards."""
    try:
        request = SearchRequest(q=" ".join(query), filters={k: list(v) for k, v in facets.items() if v},
                                date_from=date_from, date_to=date_to, sort=sort, page=page, limit=limit)
        result = search(index_dir or default_index(), request)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    except IndexMissing as exc:
        raise click.ClickException(str(exc)) from None
    if result.past_end:
        raise click.BadParameter(f"page {page} is past the last page of results ({result.pages}).",
                                 param_hint="'--page'")
    if as_json:
        click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
        return
    click.echo(format_results(result))


@main.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=5000, show_default=True, help="Port to listen on.")
@click.option("--threads", type=click.IntRange(1, 64), default=4, show_default=True, help="Worker threads.")
@click.option("--index", "index_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Index folder [default: $PRESS_ARCHIVE_INDEX or a per-user data folder].")
@click.option("--source", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder to build a missing index from [default: $PRESS_ARCHIVE_SOURCE or seeds/].")
def serve_command(host: str, port: int, threads: int, index_dir: Path | None, source: Path | None) -> None:
    """Serve the archive in the browser (waitress); builds the index from the source first if there is none."""
    from web import create_app

    app = create_app({key: str(value) for key, value in (("INDEX", index_dir), ("SOURCE", source)) if value})
    index_dir = Path(app.config["INDEX"])
    server = _listen(app, host, port, threads)
    reason = needs_full_rebuild(index_dir)
    if reason:
        source = Path(app.config.get("SOURCE") or default_source())
        click.echo(f"Rebuilding the index at {index_dir} ({reason}): building it from {source} ...", err=True)
        try:
            report = reindex(source, index_dir, progress=_progress_printer())
        except (ReindexRunning, FileNotFoundError, IndexWriteFailed) as exc:
            raise click.ClickException(str(exc)) from None
        click.echo(f"Indexed {report.added} releases ({len(report.skipped)} files skipped).", err=True)
        for line in report.skipped:
            click.echo(f"skipped {line}", err=True)
    click.echo(f"Serving press-archive on http://{host}:{getattr(server, 'effective_port', port)}/ (Ctrl-C to stop)",
               err=True)
    server.run()  # returns on Ctrl-C
    click.echo("Stopped.", err=True)


def _listen(app, host: str, port: int, threads: int):
    """A waitress server bound to host:port, or one clear line and exit status 1 when it cannot be."""
    import waitress

    try:
        return waitress.create_server(app, host=host, port=port, threads=threads, ident="press-archive")
    except ValueError:  # waitress's word for a host name it cannot resolve
        raise click.ClickException(f"cannot listen on {host}:{port}: unknown host {host!r}") from None
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            message = f"port {port} is in use; try --port {_free_port(host, port)}"
        else:
            message = f"cannot listen on {host}:{port}: {exc.strerror or exc}"
        raise click.ClickException(message) from None


def _free_port(host: str, port: int) -> int:
    """The first port after `port` that nothing listens on (any free one if none near)."""
    import socket

    for candidate in range(port + 1, min(port + 50, 65536)):
        with socket.socket() as probe:
            try:
                probe.bind((host, candidate))
                return candidate
            except OSError:
                continue
    return 0


def format_results(result) -> str:
    """Return search results as readable text, matches emphasised."""
    lines = []
    if result.note:
        lines.append(click.style(result.note, fg="yellow"))
    if result.suggestion:
        lines.append(f"Did you mean: {click.style(result.suggestion, bold=True)}?")
    first = (result.page - 1) * result.limit + 1
    shown = f"{first}-{first + len(result.hits) - 1} of " if result.hits else ""
    lines.append(f"{shown}{result.total} release(s), sorted by {result.sort}, page {result.page} of {result.pages}")
    for hit in result.hits:
        place = ", ".join(p for p in (hit.location, hit.country) if p)
        lines += ["", click.style(hit.title or "(untitled)", bold=True),
                  "  " + " | ".join(p for p in (hit.date or "undated", place, hit.agency, hit.id) if p),
                  "  " + _emphasise(hit.snippet)]
    return "\n".join(lines)


def _emphasise(snippet: str) -> str:
    """Turn a snippet's <mark> tags into terminal bold and unescape the rest."""
    parts = re.split(r"<mark[^>]*>(.*?)</mark>", snippet)
    return "".join(html.unescape(p) if i % 2 == 0 else click.style(html.unescape(p), bold=True, underline=True)
                   for i, p in enumerate(parts))
