"""Any search as data: an Atom feed (newest first) and full exports as CSV or JSON Lines, streamed."""

from __future__ import annotations

import csv
import io
import json
import re
from xml.sax import saxutils

from flask import Blueprint, Response, request, stream_with_context, url_for

from indexer import last_updated, matching_releases
from web.facets import query_string
from web.views import index_dir, parsed_request, run_search

blueprint = Blueprint("exports", __name__)
# Characters XML 1.0 does not allow at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def escape(text: str) -> str:
    """Escape text for XML, dropping characters XML cannot carry."""
    return saxutils.escape(_NOT_XML.sub("", text))


def quoteattr(text: str) -> str:
    """Quote an XML attribute value, dropping characters XML cannot carry."""
    return saxutils.quoteattr(_NOT_XML.sub("", text))


FEED_ENTRIES = 50
CSV_COLUMNS = ("id", "title", "date", "location", "country", "agency", "ministries", "language", "url", "source",
               "story", "body")
#: The Atom category scheme of a release's story (the id of the story's earliest release).
STORY_SCHEME = "urn:press-archive:story"
# A spreadsheet runs a cell that starts with one of these as a formula (OWASP, "CSV Injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: str) -> str:
    """A CSV cell a spreadsheet shows as text: one that would start a formula gets a leading quote."""
    return "'" + value if value.startswith(_FORMULA_START) else value


@blueprint.route("/feed.atom")
def feed():
    """An Atom feed of the search given by the query string, newest first, every filter kept."""
    search_req = parsed_request().newest(FEED_ENTRIES)
    result = run_search(search_req)
    query = query_string(request.args)
    search_url = url_for("views.search_page", _external=True) + ("?" + query if query else "")
    self_url = url_for("exports.feed", _external=True) + ("?" + query if query else "")
    # An empty feed was last updated when its index was.
    updated = (max((hit.date for hit in result.hits if hit.date), default="")
               or last_updated(index_dir()))
    title = f"press-archive: {search_req.q}" if search_req.q else "press-archive: newest releases"
    entries = "".join(_entry(hit, updated) for hit in result.hits)
    body = (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'
        f"<title>{escape(title)}</title>\n<id>{escape(search_url)}</id>\n"
        f"<link rel=\"alternate\" type=\"text/html\" href={quoteattr(search_url)}/>\n"
        f"<link rel=\"self\" href={quoteattr(self_url)}/>\n"
        f"<updated>{updated}T00:00:00Z</updated>\n<author><name>press-archive</name></author>\n{entries}</feed>\n"
    )
    return Response(body, mimetype="application/atom+xml")


def _entry(hit, fallback_date: str) -> str:
    link = url_for("views.release_page", release_id=hit.id, _external=True)
    categories = "".join(f"<category term={quoteattr(name)}/>" for name in hit.ministries)
    # The story the release belongs to: entries of one story share it.
    categories += f"<category scheme=\"{STORY_SCHEME}\" term={quoteattr(hit.story)}/>" if hit.story else ""
    author = f"<author><name>{escape(hit.agency)}</name></author>" if hit.agency else ""
    # Snippets arrive as escaped HTML; the feed declares them as such.
    return (
        f"<entry><title>{escape(hit.title or hit.id)}</title><id>{escape(link)}</id>"
        f"<link rel=\"alternate\" type=\"text/html\" href={quoteattr(link)}/>"
        f"<updated>{hit.date or fallback_date}T00:00:00Z</updated>{author}{categories}"
        f"<summary type=\"html\">{escape(hit.snippet)}</summary></entry>\n"
    )


@blueprint.route("/export.jsonl")
def export_jsonl():
    """Every release matching the search, one JSON object a line, streamed."""
    # The matches are found here, so that a missing index is a 503 before streaming starts.
    releases = matching_releases(index_dir(), parsed_request())

    def lines():
        for release in releases:
            yield json.dumps({**release.as_record(), "story": releases.story}, ensure_ascii=False) + "\n"

    return _download(stream_with_context(lines()), "application/x-ndjson", "press-archive.jsonl", releases.close)


@blueprint.route("/export.csv")
def export_csv():
    """Every release matching the search as CSV, streamed."""
    releases = matching_releases(index_dir(), parsed_request())

    def rows():
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(CSV_COLUMNS)
        for release in releases:
            record = {**release.as_record(), "story": releases.story}
            record["ministries"] = "; ".join(release.ministries)
            writer.writerow([csv_cell(str(record[column])) for column in CSV_COLUMNS])
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
        yield buffer.getvalue()

    return _download(stream_with_context(rows()), "text/csv", "press-archive.csv", releases.close)


def _download(body, mimetype: str, filename: str, on_close) -> Response:
    response = Response(body, mimetype=mimetype)
    # However the download ends, even before its first row, the export's searcher is closed.
    response.call_on_close(on_close)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
