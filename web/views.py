"""The HTML pages and their JSON twin: search, a release, the search API."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from flask import Blueprint, abort, current_app, jsonify, render_template, request, url_for
from werkzeug.datastructures import MultiDict

from archive.stories import word_diff
from indexer import (
    FACETS, MAX_PAGE, SORTS, SearchRequest, archive_status, default_source, facet_named, facet_values, get_release,
    related, search, story_versions, translations,
)
from web.facets import query_string, toggle, with_params, without_filters
from web.timeline import timeline_view
from web.params import BadParameter, search_request
from web.pull import last_pull
from web.render import body_html, page_text

blueprint = Blueprint("views", __name__)

FACET_LABELS = {facet.name: facet.label for facet in FACETS}
FILTER_NAMES = tuple(FACET_LABELS)
FACETS_SHOWN = 8
FACET_PLURALS = {facet.name: facet.plural or facet.label.lower() + "s" for facet in FACETS}


def index_dir() -> str:
    """The index folder this app serves."""
    return current_app.config["INDEX"]


def freshness() -> dict:
    """How current the archive is: releases, newest release, when the index changed, when a reindex and a
    pull last ran."""
    status = archive_status(index_dir()).to_dict()
    status["pulled_at"] = last_pull(Path(current_app.config.get("SOURCE") or default_source()))
    return status


def run_search(search_req: SearchRequest):
    """Search; a missing index becomes the app's 503 page (`index_missing` in web/__init__.py)."""
    return search(index_dir(), search_req)


def parsed_request() -> SearchRequest:
    """The SearchRequest of the current query string (400 on a bad parameter)."""
    config = current_app.config
    return search_request(request.args, config["PER_PAGE"], config["MAX_QUERY_LENGTH"])


@blueprint.route("/")
@blueprint.route("/search")
def search_page():
    """The search page: box, results, facets, timeline, paging."""
    search_req = parsed_request()
    result = run_search(search_req)
    args = _as_indexed(request.args)
    facets = {
        name: [{"value": v.value, "label": v.label, "count": v.count, "selected": v.selected,
                "lang": v.value if name == "language" else "", "url": "?" + toggle(args, name, v.value)}
               for v in values]
        for name, values in result.facets.items()
    }
    chips = [{"label": f"{FACET_LABELS[name]}: {facet_named(name).label_of(value)}",
              "url": "?" + toggle(args, name, value)}
             for name in FILTER_NAMES for value in search_req.filters.get(name, ())]
    for name, label in (("from", "From"), ("to", "To"), ("story", "Versions of story")):
        if args.get(name):
            chips.append({"label": f"{label}: {args[name]}",
                          "url": "?" + with_params(args, **{name: None, "page": None})})
    feed_args = with_params(args, page=None, sort=None, limit=None, interval=None)
    # Browsing without words has nothing to rank by: no relevance sort is offered.
    sorts = [sort for sort in SORTS if result.has_words or sort.name != "relevance"]
    facet_args = with_params(args, page=None)
    return render_template(
        "search.html", result=result, req=search_req, q=search_req.q, facets=facets, chips=chips,
        labels=FACET_LABELS, plural=FACET_PLURALS, facet_order=[facet.name for facet in FACETS if facet.listed],
        shown=FACETS_SHOWN, timeline=timeline_view(result.histogram, args),
        clear_url="?" + without_filters(args, FILTER_NAMES),
        sort_links=[(sort.name, sort.label, "?" + with_params(args, sort=sort.name, page=None)) for sort in sorts],
        page_url=lambda page: "?" + with_params(args, page=str(page)),
        feed_url=url_for("exports.feed") + ("?" + feed_args if feed_args else ""),
        export_query=feed_args, hidden=_hidden_fields(args),
        suggestion_args=with_params(args, q=result.suggestion, page=None),
        release_args=query_string({"q": search_req.q, "back": query_string(args)}),
        versions_url=lambda story: "?" + with_params(args, story=story, collapse="0", page=None),
        collapse_url="?" + with_params(args, collapse=None if search_req.collapse else "0", page=None),
        facet_url=lambda name: url_for("views.facet_page", name=name) + ("?" + facet_args if facet_args else ""),
        placeholder=_placeholder(result) if not search_req.q else "", max_page=MAX_PAGE, freshness=freshness(),
    )


def _as_indexed(args: MultiDict) -> MultiDict:
    """The query string with facet values as the index holds them (`language=Hindi` -> `hi`), so
    that the links toggling a value find it."""
    return MultiDict([(key, facet_named(key).as_indexed(value) if key in FACET_LABELS else value)
                      for key, value in args.items(multi=True)])


@lru_cache(maxsize=32)
def _finds(index: str, word: str, releases: int) -> bool:
    """Whether searching `word` finds releases (asked once per index and size, not per page view)."""
    return search(index, SearchRequest(q=word, limit=1)).total > 0


def _placeholder(result) -> str:
    """An example for the search box that finds something in this archive: its commonest place as a
    filter, and a word of its commonest ministry's name that finds releases."""
    examples = []
    ministries = result.facets.get("ministry") or []
    if ministries:
        word = ministries[0].value.replace("(", " ").split()[-1].strip(").,").lower()
        if len(word) > 3 and _finds(index_dir(), word, result.releases):
            examples.append(word)
    places = result.facets.get("location") or []
    if places:
        examples.append(f'place:"{places[0].value}"')
    return "e.g. " + ", ".join(examples) if examples else ""


def _hidden_fields(args) -> list[tuple[str, str]]:
    """The filters to carry through the search and date forms as hidden inputs."""
    carried = ("sort", "limit", "collapse", "story", "interval")
    return [(k, v) for k, v in args.items(multi=True) if k in FILTER_NAMES or k in carried]


@blueprint.route("/api/search")
def api_search():
    """The search as JSON, the shape of `press-archive search --json`."""
    result = run_search(parsed_request())
    if result.past_end:
        raise BadParameter("page", f"page {result.page} is past the last page of results ({result.pages}).")
    return jsonify({**result.to_dict(), "freshness": freshness()})


@blueprint.route("/api/status")
def api_status():
    """How current the archive is (the `freshness` of every /api/search answer)."""
    return jsonify(freshness())


def _listed_facet(name: str) -> str:
    """The facet `name` (404 naming the facets there are when there is none)."""
    if name not in FACET_LABELS:
        abort(404, description=f"There is no facet {name!r}; the facets are {', '.join(FACET_LABELS)}.")
    return name


def _facet_listing(name: str):
    """The values of one facet over the current search, filtered by `contains`, with what was asked."""
    contains = request.args.get("contains", "")[:100]
    search_req = parsed_request()
    return search_req, contains, facet_values(index_dir(), search_req, _listed_facet(name), contains)


@blueprint.route("/facet/<name>")
def facet_page(name: str):
    """Every value of one facet for the current search, with counts and a box to find one (no script needed)."""
    search_req, contains, values = _facet_listing(name)
    args = _as_indexed(request.args)
    search_args = MultiDict([(key, value) for key, value in args.items(multi=True) if key != "contains"])
    return render_template(
        "facet.html", name=name, label=FACET_LABELS[name], values=values, contains=contains, q=search_req.q,
        value_url=lambda value: url_for("views.search_page") + "?" + toggle(search_args, name, value),
        back_url=url_for("views.search_page") + ("?" + query_string(search_args) if search_args else ""),
        hidden=[(key, value) for key, value in search_args.items(multi=True)],
    )


@blueprint.route("/api/facet/<name>")
def api_facet(name: str):
    """Every value of one facet for the search the query string describes, with release counts;
    `contains` keeps the values containing it (accents and case aside)."""
    _search_req, contains, values = _facet_listing(name)
    return jsonify({"facet": name, "label": FACET_LABELS[name], "contains": contains, "counts": "releases",
                    "values": [value.__dict__ for value in values]})


@blueprint.route("/release/<path:release_id>")
def release_page(release_id: str):
    """One release in full, its metadata linking to filtered searches, and related releases."""
    q = request.args.get("q", "")[: current_app.config["MAX_QUERY_LENGTH"]]
    release, similar = _release_and_related(release_id)
    if release is None:
        abort(404, description=_unknown(release_id))
    languages = facet_named("language")
    versions = [(hit, languages.label_of(hit.language))
                for hit in translations(index_dir(), release_id)]
    story = story_versions(index_dir(), release_id)
    compared, diff = _compared(release, story)
    back = request.args.get("back", "")
    # Only web addresses become links; anything else a file claims as its URL is shown as text.
    link = release.url if release.url.lower().startswith(("http://", "https://")) else ""
    shown = page_text(release.body)
    return render_template(
        "release.html", release=release, related=similar, q=q, body=body_html(shown, release.body_format, q),
        link=link, cut=(len(shown), len(release.body)) if len(shown) < len(release.body) else None,
        language_name=languages.label_of(release.language), versions=versions, story=story,
        compared=compared, diff=diff,
        filter_url=lambda name, value: url_for("views.search_page") + "?" + query_string({name: value}),
        back_url=url_for("views.search_page") + "?" + back if back else "",
    )


@blueprint.route("/api/release/<path:release_id>")
def api_release(release_id: str):
    """One release as JSON, with its related releases: the twin of the release page."""
    release, similar = _release_and_related(release_id)
    if release is None:
        abort(404, description=_unknown(release_id))
    story = story_versions(index_dir(), release_id)
    versions = [{key: getattr(version, key) for key in ("id", "title", "agency", "date", "time", "kind", "similarity",
                                                          "first", "first_by")}
                for version in story if version.id != release_id]
    return jsonify({**release.as_record(), "related": [hit.__dict__ for hit in similar],
                    "translations": [hit.__dict__ for hit in translations(index_dir(), release_id)],
                    "story": _story_id(story, release_id), "versions": versions})


def _story_id(story: list, release_id: str) -> str:
    """The id of a release's story: its first report's id (its own when it has no other version)."""
    return story[0].id if story else release_id


def _compared(release, story: list):
    """The version the page compares the release with (`?compare=<id>`), and their word diff."""
    other_id = request.args.get("compare", "")
    if not other_id or other_id == release.id:
        return None, []
    if other_id not in {version.id for version in story}:
        abort(404, description=f"{other_id!r} is not a version of this release's story.")
    other = get_release(index_dir(), other_id)
    if other is None:
        abort(404, description=_unknown(other_id))
    return other, word_diff(page_text(other.body), page_text(release.body))


def _release_and_related(release_id: str):
    release = get_release(index_dir(), release_id)
    return release, (related(index_dir(), release_id) if release else [])


def _unknown(release_id: str) -> str:
    return f"There is no release with the id {release_id!r}."
