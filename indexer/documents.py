"""Between releases and index documents: the fields written for a release, and back."""

from __future__ import annotations

import hashlib
import json

from pathlib import Path

from archive import Release
from archive.normalise import fold
from indexer.bodies import STORED_BODY_CHARS, long_body_key, read_long_body
from indexer.schema import BODY, DATE, ID, META, PAIRS, TEXT, TITLE, TRANSLATION, UNDATED, VALUE_SEPARATOR
from indexer.vocabulary import FACETS

_META_KEYS = ("date", "time", "location", "country", "agency", "ministries", "language", "source", "url", "body_format",
              "translation_key")


def content_hash(release: Release) -> str:
    """Return a digest of everything indexed about a release, to tell when it changed."""
    return hashlib.sha1(json.dumps(release.as_record(), sort_keys=True).encode("utf-8")).hexdigest()


def facet_values(release: Release) -> dict[str, list[str]]:
    """Return the display values of every facet of a release."""
    return {facet.name: facet.values(release) for facet in FACETS}


def document_fields(release: Release, long_body: str | None = None) -> dict:
    """Return the keyword arguments for writing `release` to the index.

    `long_body` is the key of the release's whole body when it is too long to store (bodies.py):
    the document then stores only its start.
    """
    meta = {key: getattr(release, key) for key in _META_KEYS}
    if long_body:
        meta.update(body_key=long_body, body_length=len(release.body))
    # "__" is a token no one searches for; it keeps phrases from running across the parts.
    text = f"{release.title} __ {release.title} __ {release.body}"
    fields = {
        ID: release.id,
        TEXT: text,
        # The same text (pairs are only there or not): its words are worked out once for both.
        PAIRS: text,
        TITLE: release.title,
        BODY: release.body[:STORED_BODY_CHARS] if long_body else release.body,
        DATE: release.date or UNDATED,
        META: meta,
    }
    if release.translation_key:
        fields[TRANSLATION] = release.translation_key
    for name, values in facet_values(release).items():
        if values:
            # Indexed folded so filters ignore case and accents; the column keeps the display form.
            fields[name] = VALUE_SEPARATOR.join(fold(value) for value in values)
            fields[f"_stored_{name}"] = VALUE_SEPARATOR.join(values)
    return fields


def stored_values(release: Release) -> dict:
    """The fields the index stores for a release, as its document's stored fields hold them."""
    fields = document_fields(release, long_body_key(release.body))
    return {name: fields[name] for name in (ID, TITLE, BODY, META)}


def release_from_stored(stored: dict, generation: Path | None = None) -> Release:
    """Return the Release a document's stored fields describe: whole when given its generation
    folder, else with only the start of a long body (enough for a hit)."""
    meta = stored.get(META) or {}
    body = stored.get(BODY, "")
    if generation is not None and meta.get("body_key"):
        body = read_long_body(generation, meta["body_key"]) or body
    return Release(id=stored[ID], title=stored.get(TITLE, ""), body=body,
                   **{key: meta.get(key, [] if key == "ministries" else "") for key in _META_KEYS})
