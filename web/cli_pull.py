"""`press-archive pull` and `press-archive watch`: keep the archive current from feeds and from its folder."""

from __future__ import annotations

import re
import sys
import threading
import time
from pathlib import Path

import click

from indexer import BUNDLED_SEEDS, IndexWriteFailed, ReindexRunning, default_index, default_source, reindex
from web.cli_reindex import print_report
from web.feeds import ConfigError, Feed, feed_for_url, load_feeds
from web.fetch import Fetcher, Politeness
from web.pull import MAX_ITEMS, PullReport, PullRunning, pull
from web.watch import Schedule, watch_source

_DURATION = re.compile(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?")
#: The shortest schedule `--pull-every` takes: each pull costs every feed's server a request.
SHORTEST_SCHEDULE = 10


def parse_duration(text: str) -> int:
    """`30m`, `1h`, `1h30m`, `90s` -> seconds; ValueError naming the text otherwise."""
    match = _DURATION.fullmatch(text.strip().lower())
    if not text.strip() or not match or not any(match.groups()):
        raise ValueError(f"{text!r} is not a duration like 30m, 1h, 1h30m or 90s")
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    total = hours * 3600 + minutes * 60 + seconds
    if total < SHORTEST_SCHEDULE:
        raise ValueError(f"{text!r} is too often: pull at most every {SHORTEST_SCHEDULE}s")
    return total


class Duration(click.ParamType):
    """A click parameter for parse_duration."""

    name = "duration"

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            return value
        try:
            return parse_duration(value)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


def pull_options(command):
    """The options saying how feeds are fetched, shared by `pull`, `watch` and `serve`."""
    options = [
        click.option("--max-items", type=click.IntRange(1, 10_000), default=MAX_ITEMS, show_default=True,
                     help="Most new items saved from one feed in one pull; the rest wait for the next."),
        click.option("--delay", type=click.FloatRange(0, 600), default=Politeness.delay, show_default=True,
                     help="Seconds between two requests to one host."),
        click.option("--timeout", type=click.FloatRange(0.1, 600), default=Politeness.timeout, show_default=True,
                     help="Seconds to wait for a server to answer."),
        click.option("--max-response", "max_response_mb", type=click.FloatRange(0.001, 1000),
                     default=Politeness.max_bytes / 1e6, show_default=True,
                     help="The most MB one feed or page may have; larger ones are refused."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def politeness(delay: float, timeout: float, max_response_mb: float) -> Politeness:
    """The Politeness of the options."""
    return Politeness(delay=delay, timeout=timeout, max_bytes=int(max_response_mb * 1e6))


def feeds_to_pull(source: Path, urls: tuple[str, ...]) -> list[Feed]:
    """The feeds given with --feed, else those of the source's feeds.toml; ClickException when none."""
    if source.resolve() == BUNDLED_SEEDS.resolve():
        raise click.ClickException(f"pull saves releases into the source folder, and {source} holds the bundled "
                                   "seeds: give --source DIR (or set PRESS_ARCHIVE_SOURCE) for your releases")
    try:
        feeds = [feed_for_url(url) for url in urls] if urls else load_feeds(source)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from None
    if not feeds:
        raise click.ClickException(f"no feeds to pull: list them in {source / 'feeds.toml'} "
                                   "(see the README) or give --feed URL")
    return feeds


@click.command("pull")
@click.option("--source", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder the releases are saved in, with its feeds.toml [default: $PRESS_ARCHIVE_SOURCE or seeds/].")
@click.option("--index", "index_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Index folder [default: $PRESS_ARCHIVE_INDEX or a per-user data folder].")
@click.option("--feed", "urls", multiple=True, metavar="URL",
              help="Pull this RSS or Atom feed instead of those in feeds.toml (repeatable).")
@click.option("--no-reindex", is_flag=True, help="Only save the new releases; do not reindex them.")
@pull_options
def pull_command(source: Path | None, index_dir: Path | None, urls: tuple[str, ...], no_reindex: bool,
                 max_items: int, delay: float, timeout: float, max_response_mb: float) -> None:
    """Save the new items of the configured feeds into the source folder, then reindex.

    Each item is saved once: the page it links to (as .html) or else its own text (as .md with front
    matter). Exit status 1 when any feed or item failed.
    """
    source = source or default_source()
    feeds = feeds_to_pull(source, urls)
    source.mkdir(parents=True, exist_ok=True)
    try:
        with Fetcher(politeness(delay, timeout, max_response_mb)) as fetcher:
            report = pull(source, feeds, fetcher, max_items, progress=print_feed_report)
    except PullRunning as exc:
        raise click.ClickException(str(exc)) from None
    print_pull_summary(report)
    if report.saved and not no_reindex:
        index_dir = index_dir or default_index()
        try:
            print_report(_reindex_when_free(source, index_dir), source, index_dir, False)
        except (ReindexRunning, IndexWriteFailed) as exc:
            raise click.ClickException(f"saved {len(report.saved)} file(s), but the reindex failed: {exc}") from None
    sys.exit(1 if report.failed else 0)


def _reindex_when_free(source: Path, index_dir: Path, patience: float = 120):
    """Reindex, waiting while another reindex (a watcher's, say) holds the index, up to `patience` seconds."""
    deadline = time.monotonic() + patience
    while True:
        try:
            return reindex(source, index_dir)
        except ReindexRunning:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def print_feed_report(feed_report) -> None:
    """One feed's line (stdout) and its failures and warnings (stderr)."""
    feed = feed_report.feed
    if feed_report.error:
        click.echo(f"{feed.name} {feed.url}: FAILED: {feed_report.error}")
        return
    if feed_report.not_modified:
        click.echo(f"{feed.name} {feed.url}: unchanged (304 Not Modified)")
        return
    parts = [f"{len(feed_report.saved)} new", f"{feed_report.already} saved before"]
    if feed_report.failed:
        parts.append(f"{len(feed_report.failed)} failed")
    if feed_report.deferred:
        parts.append(f"{feed_report.deferred} left for the next pull (--max-items)")
    click.echo(f"{feed.name} {feed.url}: {', '.join(parts)}")
    if feed_report.warning:
        click.echo(f"  warning: {feed_report.warning}", err=True)
    for title, reason in feed_report.failed:
        click.echo(f"  failed {title}: {reason}", err=True)
    for name, reason in feed_report.from_content:
        click.echo(f"  saved {name} from the feed's own text: {reason}", err=True)


def print_pull_summary(report: PullReport) -> None:
    """The totals of a pull."""
    failed_feeds = sum(1 for feed in report.feeds if feed.error)
    failed_items = sum(len(feed.failed) for feed in report.feeds)
    click.echo(f"Pulled {len(report.feeds)} feed(s): {len(report.saved)} new release file(s), "
               f"{failed_feeds} feed(s) failed, {failed_items} item(s) failed.")


def scheduled_pull(source: Path, every: int | None, manners: Politeness, max_items: int = MAX_ITEMS) -> Schedule | None:
    """The Schedule of `--pull-every`: the feeds of feeds.toml (read afresh each time), saved without a reindex."""
    if every is None:
        return None
    feeds_to_pull(source, ())  # fail at the start, not half an hour later, when there are no feeds

    def pull_now() -> None:
        with Fetcher(manners) as fetcher:
            report = pull(source, feeds_to_pull(source, ()), fetcher, max_items, progress=print_feed_report)
        print_pull_summary(report)

    return Schedule(every, pull_now)


def log_line(text: str) -> None:
    """A line of the watcher's log, on stderr with the time."""
    click.echo(f"[{time.strftime('%H:%M:%S')}] {text}", err=True)


@click.command("watch")
@click.option("--source", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of release files to watch [default: $PRESS_ARCHIVE_SOURCE or seeds/].")
@click.option("--index", "index_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Index folder [default: $PRESS_ARCHIVE_INDEX or a per-user data folder].")
@click.option("--pull-every", type=Duration(), default=None,
              help="Also pull the feeds of feeds.toml this often (30m, 1h, 1h30m, 90s), starting now.")
@pull_options
def watch_command(source: Path | None, index_dir: Path | None, pull_every: int | None, max_items: int, delay: float,
                  timeout: float, max_response_mb: float) -> None:
    """Reindex whenever release files appear, change or disappear in the source folder (Ctrl-C stops)."""
    source = source or default_source()
    if not source.is_dir():
        raise click.ClickException(f"source folder not found: {source}")
    schedule = scheduled_pull(source, pull_every, politeness(delay, timeout, max_response_mb), max_items)
    index_dir = index_dir or default_index()
    log_line(f"watching {source} (index {index_dir}); Ctrl-C stops")
    watch_source(source, index_dir, threading.Event(), log_line, schedule)
    log_line("stopped watching")
