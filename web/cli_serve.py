"""`press-archive serve`: the archive in the browser, its index built first when it needs to be."""

from __future__ import annotations

import errno
import threading
from pathlib import Path

import click

from indexer import IndexWriteFailed, ReindexRunning, default_source, needs_full_rebuild, reindex
from web.cli_pull import Duration, log_line, scheduled_pull
from web.cli_reindex import progress_printer
from web.fetch import Politeness


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=5000, show_default=True, help="Port to listen on.")
@click.option("--threads", type=click.IntRange(1, 64), default=4, show_default=True, help="Worker threads.")
@click.option("--index", "index_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Index folder [default: $PRESS_ARCHIVE_INDEX or a per-user data folder].")
@click.option("--source", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder to build a missing index from [default: $PRESS_ARCHIVE_SOURCE or seeds/].")
@click.option("--watch", is_flag=True,
              help="Reindex while serving whenever release files in the source folder appear, change or disappear.")
@click.option("--pull-every", type=Duration(), default=None,
              help="Pull the feeds of the source's feeds.toml this often (30m, 1h, 90s); implies --watch.")
def serve_command(host: str, port: int, threads: int, index_dir: Path | None, source: Path | None, watch: bool,
                  pull_every: int | None) -> None:
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
            report = reindex(source, index_dir, progress=progress_printer())
        except (ReindexRunning, FileNotFoundError, IndexWriteFailed) as exc:
            raise click.ClickException(str(exc)) from None
        click.echo(f"Indexed {report.added} releases ({len(report.skipped)} files skipped).", err=True)
        for line in report.skipped:
            click.echo(f"skipped {line}", err=True)
    stop = threading.Event()
    if watch or pull_every:
        _start_watching(Path(app.config.get("SOURCE") or default_source()), index_dir, stop, pull_every)
    click.echo(f"Serving press-archive on http://{host}:{getattr(server, 'effective_port', port)}/ (Ctrl-C to stop)",
               err=True)
    try:
        server.run()  # returns on Ctrl-C
    finally:
        stop.set()
    click.echo("Stopped.", err=True)


def _start_watching(source: Path, index_dir: Path, stop: threading.Event, pull_every: int | None) -> None:
    """Watch (and pull into) the source folder in a thread of the server's process."""
    from web.watch import watch_source

    if not source.is_dir():
        raise click.ClickException(f"--watch: source folder not found: {source}")
    schedule = scheduled_pull(source, pull_every, Politeness())
    log_line(f"watching {source} for new, changed and removed releases"
             + (f"; pulling its feeds every {pull_every} s" if pull_every else ""))
    threading.Thread(target=watch_source, args=(source, index_dir, stop, log_line, schedule),
                     name="press-archive-watch", daemon=True).start()


def _listen(app, host: str, port: int, threads: int):
    """A waitress server bound to host:port, or one clear line and exit status 1 when it cannot be."""
    import logging

    import waitress

    # "Task queue depth is 1" says a request waited for a thread a moment: noise on a busy laptop.
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
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
