"""The press-archive web application: `create_app()` builds it."""

from __future__ import annotations

from collections.abc import Mapping

from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException, ServiceUnavailable

from archive.languages import RIGHT_TO_LEFT
from indexer import MAX_QUERY_LENGTH, PAGE_SIZE, IndexMissing, default_index

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


def create_app(config: Mapping | None = None) -> Flask:
    """Build the app: defaults, then instance/press-archive.cfg, then PRESS_ARCHIVE_* variables, then `config`."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(INDEX=str(default_index()), PER_PAGE=PAGE_SIZE,
                           MAX_QUERY_LENGTH=MAX_QUERY_LENGTH)
    app.config.from_pyfile("press-archive.cfg", silent=True)
    app.config.from_prefixed_env("PRESS_ARCHIVE", loads=str)
    if config:
        app.config.from_mapping(config)

    from web import exports, views

    app.register_blueprint(views.blueprint)
    app.register_blueprint(exports.blueprint)
    app.jinja_env.globals["text_dir"] = text_direction
    app.jinja_env.filters["stamp"] = readable_stamp

    @app.after_request
    def security_headers(response):
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if wants_json():
            return jsonify(error=error.description, parameter=getattr(error, "parameter", None),
                           status=error.code), error.code
        return render_template("error.html", error=error), error.code

    @app.errorhandler(IndexMissing)
    def index_missing(error: IndexMissing):
        """No index, or one that cannot be opened: a 503 saying how to build it."""
        return http_error(ServiceUnavailable(description=f"{error}."))

    return app


def text_direction(language: str) -> str:
    """The `dir` of text in `language`: "rtl" for Urdu and other right-to-left languages, else "auto"."""
    return "rtl" if language in RIGHT_TO_LEFT else "auto"


def readable_stamp(stamp: str) -> str:
    """`2026-12-02T02:31:05Z` -> `2026-12-02 02:31 UTC`."""
    return f"{stamp[:10]} {stamp[11:16]} UTC" if len(stamp) >= 16 and stamp[10] == "T" else stamp


def wants_json() -> bool:
    """Whether the current request is for data (the API, exports, the feed): its errors are JSON too."""
    return request.path.startswith("/api/") or request.blueprint == "exports"
