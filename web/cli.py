"""The `press-archive` command: parse, reindex, search and serve the archive."""

from __future__ import annotations

import json
import sys

import click

from archive import ParseError, read_paths


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="press-archive")
def main() -> None:
    """A searchable archive of government press releases and wire items."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array instead of a table.")
@click.option("--body", is_flag=True, help="With --json, include each release's body text.")
def parse(paths: tuple[str, ...], as_json: bool, body: bool) -> None:
    """Read release files and folders (recursively) and print each release's fields.

    Files that cannot be read are reported on stderr, one line each; the exit status
    is 1 when any input was skipped.
    """
    releases, errors = [], 0
    for result in read_paths(paths):
        if isinstance(result, ParseError):
            errors += 1
            click.echo(f"skipped {result}", err=True)
        else:
            releases.append(result)
    if as_json:
        click.echo(json.dumps([r.to_dict(with_body=body) for r in releases], indent=2, ensure_ascii=False))
    else:
        for release in releases:
            click.echo(format_release(release))
        click.echo(f"{len(releases)} release(s) read, {errors} skipped.", err=True)
    sys.exit(1 if errors else 0)


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


@main.command()
def serve() -> None:
    """Serve the archive (the web front end is not built yet: reads the seeds instead)."""
    from pathlib import Path

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    count = sum(1 for r in read_paths([seeds]) if not isinstance(r, ParseError))
    click.echo(f"Read {count} releases from {seeds}. The search front end is not built yet.")
