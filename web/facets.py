"""Query-string editing for links: toggling facet values, changing sort or page, keeping the rest."""

from __future__ import annotations

from urllib.parse import urlencode

from werkzeug.datastructures import MultiDict

# Parameters that a change of filters makes meaningless.
_RESET_ON_FILTER = ("page",)


def query_string(args) -> str:
    """Return `args` (a MultiDict or a plain mapping) as a query string, empty values dropped, order kept."""
    items = args.items(multi=True) if isinstance(args, MultiDict) else args.items()
    return urlencode([(k, v) for k, v in items if v != ""])


def with_params(args: MultiDict, **changes: str | None) -> str:
    """Return the query string with single-valued parameters set (or removed when None), order kept."""
    items, done = [], set()
    for name, value in args.items(multi=True):
        if name not in changes:
            items.append((name, value))
        elif name not in done and changes[name] is not None:
            items.append((name, changes[name]))
        done.add(name)
    items += [(name, value) for name, value in changes.items() if name not in done and value is not None]
    return query_string(MultiDict(items))


def toggle(args: MultiDict, name: str, value: str) -> str:
    """Return the query string with one facet value added, or removed when it is already selected."""
    new = MultiDict(args)
    values = new.poplist(name)
    if value in values:
        values.remove(value)
    else:
        values.append(value)
    for kept in values:
        new.add(name, kept)
    for reset in _RESET_ON_FILTER:
        new.poplist(reset)
    return query_string(new)


def without_filters(args: MultiDict, names) -> str:
    """Return the query string with every filter of `names` removed (for "clear all")."""
    new = MultiDict(args)
    for name in (*names, "from", "to", *_RESET_ON_FILTER):
        new.poplist(name)
    return query_string(new)
