"""The `press-archive` command: parse, reindex, search and serve the archive."""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

import click

from archive import ParseError, read_paths
from archive.records import MAX_RELEASE_BYTES
from indexer import FACETS, INTERVALS, MAX_LIMIT, MAX_PAGE, SORTS, IndexMissing, SearchRequest, default_index, search


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
        f"  language:   {release.language or '-'}",
        "",
    ]
    return "\n".join(lines)



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
@click.option("--sort", type=click.Choice([sort.name for sort in SORTS]), default=SORTS[0].name, show_default=True,
              help="Order of the results (by relevance with no words to rank by: newest first).")
@click.option("--page", type=click.IntRange(1, MAX_PAGE), default=1, show_default=True, help="Page of results.")
@click.option("--limit", type=click.IntRange(1, MAX_LIMIT), default=10, show_default=True, help="Results a page.")
@click.option("--index", "index_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Index folder [default: $PRESS_ARCHIVE_INDEX or a per-user data folder].")
@click.option("--all-versions", is_flag=True,
              help="List every release; by default each story (copies and versions of one text) is listed once.")
@click.option("--story", default="", help="Only the releases of this story (the id of its first release).")
@click.option("--interval", type=click.Choice(INTERVALS), default=None,
              help="Periods of the JSON's date histogram [default: chosen from the span of the results].")
@click.option("--json", "as_json", is_flag=True, help="Print the results, facets, histogram and suggestion as JSON.")
def search_command(query: tuple[str, ...], date_from: str, date_to: str, sort: str, page: int, limit: int,
                   index_dir: Path | None, all_versions: bool, story: str, interval: str | None, as_json: bool,
                   **facets: tuple[str, ...]) -> None:
    """Search the archive. QUERY takes words, "phrases", AND/OR/NOT, field:value and wildcards."""
    try:
        request = SearchRequest(q=" ".join(query), filters={k: list(v) for k, v in facets.items() if v},
                                date_from=date_from, date_to=date_to, sort=sort, page=page, limit=limit,
                                collapse=not all_versions, story=story.strip(), interval=interval or "")
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


def format_results(result) -> str:
    """Return search results as readable text, matches emphasised."""
    lines = []
    if result.note:
        lines.append(click.style(result.note, fg="yellow"))
    if result.suggestion:
        lines.append(f"Did you mean: {click.style(result.suggestion, bold=True)}?")
    first = (result.page - 1) * result.limit + 1
    shown = f"{first}-{first + len(result.hits) - 1} of " if result.hits else ""
    counted = (f"{result.total} stories ({result.releases} release(s))" if result.collapsed
               else f"{result.total} release(s)")
    lines.append(f"{shown}{counted}, sorted by {result.sort}, page {result.page} of {result.pages}")
    for hit in result.hits:
        place = ", ".join(p for p in (hit.location, hit.country) if p)
        lines += ["", click.style(hit.title or "(untitled)", bold=True),
                  "  " + " | ".join(p for p in (hit.date or "undated", place, hit.agency, hit.id) if p),
                  "  " + _emphasise(hit.snippet)]
        if result.collapsed and hit.versions:
            lines.append(f"  + {hit.versions} other version(s): --story {hit.story} --all-versions lists them")
    return "\n".join(lines)


def _emphasise(snippet: str) -> str:
    """Turn a snippet's <mark> tags into terminal bold and unescape the rest."""
    parts = re.split(r"<mark[^>]*>(.*?)</mark>", snippet)
    return "".join(html.unescape(p) if i % 2 == 0 else click.style(html.unescape(p), bold=True, underline=True)
                   for i, p in enumerate(parts))


def _register_commands() -> None:
    # The index's commands live in their own modules; they are part of this one group.
    from web.cli_pull import pull_command, watch_command
    from web.cli_reindex import reindex_command
    from web.cli_serve import serve_command

    main.add_command(reindex_command)
    main.add_command(serve_command)
    main.add_command(pull_command)
    main.add_command(watch_command)


_register_commands()
