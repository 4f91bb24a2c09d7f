"""Polite HTTP for `pull`: conditional GETs, a pause between requests to one host, retries with backoff,
robots.txt, a clear User-Agent and a bound on the size of a response."""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urlsplit
import httpx
from protego import Protego

try:
    _VERSION = version("press-archive")
except PackageNotFoundError:  # run from a checkout that was never installed
    _VERSION = "dev"
USER_AGENT = f"press-archive/{_VERSION} (self-hosted press release archive; feed reader)"
#: The product token robots.txt rules are matched against.
ROBOTS_TOKEN = "press-archive"
#: RFC 9309 asks crawlers to read at least 500 KiB of a robots.txt; more is not read.
ROBOTS_BYTES = 512 * 1024
#: How long a robots.txt read is trusted (RFC 9309 asks for no longer than a day).
ROBOTS_KEPT_SECONDS = 24 * 3600
MOST_REDIRECTS = 10
#: Statuses worth another try: the server is busy or failing, not refusing.
RETRIED = {429, 500, 502, 503, 504}


class FetchFailed(Exception):
    """A URL could not be fetched; the message says why in a few words."""


@dataclass
class Politeness:
    """How `pull` treats the servers it reads."""

    #: Seconds between two requests to one host.
    delay: float = 1.0
    #: Seconds to wait for a connection or for the next bytes of a response.
    timeout: float = 20.0
    #: Tries of one request when the server fails (5xx, 429) or times out.
    attempts: int = 3
    #: Seconds before the first retry, doubled before each next one (a Retry-After up to a minute wins).
    backoff: float = 2.0
    #: The most bytes one response may have.
    max_bytes: int = 10_000_000
    #: The most seconds one response may take to arrive, however steadily it trickles in.
    most_seconds: float = 120.0
    user_agent: str = USER_AGENT
    robots: bool = True


@dataclass
class Fetched:
    """A response: 200 with its body, or 304 (not modified) with none."""

    url: str
    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def content_type(self) -> str:
        """The media type without parameters (`text/html`), lower case."""
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str:
        """The charset the Content-Type header names, or ""."""
        for parameter in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = parameter.partition("=")
            if key.strip().lower() == "charset":
                return value.strip().strip('"').lower()
        return ""


class Fetcher:
    """Fetches URLs politely; one per pull, closed at its end."""

    def __init__(self, politeness: Politeness | None = None, transport: httpx.BaseTransport | None = None,
                 robots_kept: dict | None = None):
        """`robots_kept` holds the robots.txt files read by earlier runs ({origin: {"at", "text" or "refusal"}}),
        and gets those this one reads: a pull keeps it in its state."""
        self.politeness = politeness or Politeness()
        self.robots_kept = robots_kept if robots_kept is not None else {}
        self._client = httpx.Client(
            headers={"User-Agent": self.politeness.user_agent}, follow_redirects=False,
            timeout=httpx.Timeout(self.politeness.timeout), transport=transport)
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, Protego | str] = {}
        #: Every request made, as (method, url, status): what a run cost the servers.
        self.requests: list[tuple[str, str, int]] = []

    def close(self) -> None:
        """Close the connections."""
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def get(self, url: str, etag: str = "", modified: str = "", private: bool = False) -> Fetched:
        """GET `url` (conditionally, given a validator); FetchFailed says why it could not be had.

        Unless `private`, no address of a private network, this machine or a link-local service is
        asked, at any hop of a redirect: a feed's items cannot lead `pull` into the local network."""
        headers = {key: value for key, value in (("If-None-Match", etag), ("If-Modified-Since", modified)) if value}
        return self._with_retries(url, headers, self.politeness.max_bytes, private=private)

    def _with_retries(self, url: str, headers: dict[str, str], limit: int, private: bool = False,
                      robots: bool = True) -> Fetched:
        wait = self.politeness.backoff
        for attempt in range(1, self.politeness.attempts + 1):
            last = attempt == self.politeness.attempts
            try:
                fetched = self._following(url, headers, limit, private, robots)
            except (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError) as exc:
                if last:
                    raise FetchFailed(_transport_reason(exc, self.politeness.timeout)) from None
                time.sleep(wait)
            except (httpx.HTTPError, httpx.InvalidURL, ValueError) as exc:  # not worth another try
                raise FetchFailed(_transport_reason(exc, self.politeness.timeout)) from None
            else:
                if fetched.status in RETRIED and not last:
                    time.sleep(_retry_after(fetched.headers.get("retry-after", ""), wait))
                elif 200 <= fetched.status < 300 or fetched.status == 304:
                    return fetched
                else:
                    raise FetchFailed(f"HTTP {fetched.status} {httpx.codes.get_reason_phrase(fetched.status)}".strip())
            wait *= 2
        raise AssertionError("unreachable")  # pragma: no cover

    def _following(self, url: str, headers: dict[str, str], limit: int, private: bool, robots: bool) -> Fetched:
        """The response at the end of `url`'s redirects, each hop checked for its address and robots.txt."""
        for _hop in range(MOST_REDIRECTS + 1):
            if urlsplit(url).scheme not in ("http", "https"):
                raise FetchFailed(f"not an http(s) URL: {url}")
            if not private:
                _refuse_private(url)
            if robots and self.politeness.robots:
                refusal = self._robots_refusal(url)
                if refusal:
                    raise FetchFailed(refusal)
            fetched = self._once(url, headers, limit)
            location = fetched.headers.get("location", "")
            if fetched.status not in (301, 302, 303, 307, 308) or not location:
                return fetched
            url = str(httpx.URL(url).join(location))
        raise FetchFailed(f"more than {MOST_REDIRECTS} redirects")

    def _once(self, url: str, headers: dict[str, str], limit: int) -> Fetched:
        self._pause(url)
        deadline = time.monotonic() + self.politeness.most_seconds
        with self._client.stream("GET", url, headers=headers) as response:
            self.requests.append(("GET", url, response.status_code))
            found = {key.lower(): value for key, value in response.headers.items()}
            if not 200 <= response.status_code < 300:
                return Fetched(str(response.url), response.status_code, b"", found)
            declared = found.get("content-length", "")
            if declared.isdigit() and int(declared) > limit:
                raise FetchFailed(f"response of {int(declared) / 1e6:.1f} MB is over the limit of {limit / 1e6:g} MB")
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > limit:
                    raise FetchFailed(f"response is over the limit of {limit / 1e6:g} MB: not read further")
                if time.monotonic() > deadline:
                    raise FetchFailed(f"response still coming after {self.politeness.most_seconds:g} s: given up")
                chunks.append(chunk)
            return Fetched(str(response.url), response.status_code, b"".join(chunks), found)

    def _pause(self, url: str) -> None:
        """Wait until the host's last request is `delay` seconds old."""
        host = urlsplit(url).netloc.lower()
        since = time.monotonic() - self._last_request.get(host, float("-inf"))
        if since < self.politeness.delay:
            time.sleep(self.politeness.delay - since)
        self._last_request[host] = time.monotonic()

    def _robots_refusal(self, url: str) -> str:
        """Why robots.txt forbids `url`, or "" when it allows it (RFC 9309: a missing file allows all)."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._read_robots(origin)
        rules = self._robots[origin]
        if isinstance(rules, str):
            return rules
        if rules.can_fetch(url, ROBOTS_TOKEN):
            return ""
        return f"robots.txt of {parts.netloc} does not allow {ROBOTS_TOKEN} to fetch {parts.path or '/'}"

    def _read_robots(self, origin: str) -> Protego | str:
        kept = self.robots_kept.get(origin)
        if not (isinstance(kept, dict) and isinstance(kept.get("at"), (int, float))
                and 0 <= time.time() - kept["at"] < ROBOTS_KEPT_SECONDS and isinstance(kept.get("text"), str)):
            try:
                kept = {"at": time.time(), "text": self._fetch_robots(origin)}
            except FetchFailed as exc:  # asked for again by the next run
                if not str(exc).startswith("HTTP "):
                    return str(exc)  # the host cannot be reached at all: say so
                return f"robots.txt of {origin} could not be read ({exc}): nothing fetched from there"
            self.robots_kept[origin] = kept
        return Protego.parse(kept["text"])

    def _fetch_robots(self, origin: str) -> str:
        """The text of the origin's robots.txt ("" when it has none); FetchFailed when it cannot be read."""
        try:
            fetched = self._with_retries(f"{origin}/robots.txt", {}, ROBOTS_BYTES, private=True, robots=False)
        except FetchFailed as exc:
            # None, or none of a sensible size: RFC 9309 allows everything. A server error or no answer: nothing.
            if str(exc).startswith("HTTP 4") or "over the limit" in str(exc):
                return ""
            raise
        return fetched.body[:ROBOTS_BYTES].decode("utf-8", "replace")


def _retry_after(value: str, default: float) -> float:
    """Seconds a Retry-After header asks for (up to a minute), else `default`."""
    return min(float(value), 60.0) if value.strip().isdigit() else default


def private_address(url: str) -> str:
    """The address of this machine or of a private network that `url`'s host is or resolves to, else ""."""
    host = urlsplit(url).hostname or ""
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except (OSError, UnicodeError):
        return ""  # the request itself will say the host cannot be found
    for address in sorted(addresses):
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if not ip.is_global or ip.is_multicast:
            return str(ip)
    return ""


def _refuse_private(url: str) -> None:
    address = private_address(url)
    if address:
        raise FetchFailed(f"{urlsplit(url).hostname} is a private or local address ({address}): "
                          "not fetched for a feed on the internet")


def _transport_reason(exc: Exception, timeout: float) -> str:
    if isinstance(exc, httpx.TimeoutException):
        return f"timed out (no answer within {timeout:g} s)"
    if isinstance(exc, httpx.UnsupportedProtocol):
        return "not an http(s) URL"
    if isinstance(exc, httpx.DecodingError):
        return f"the response could not be decoded ({exc})"
    if isinstance(exc, (httpx.InvalidURL, ValueError)) and not isinstance(exc, httpx.HTTPError):
        return f"not a valid URL ({exc})"
    detail = str(exc) or type(exc).__name__
    if "Name or service not known" in detail or "nodename nor servname" in detail or "getaddrinfo" in detail:
        return f"host not found (DNS): {detail}"
    return f"cannot connect: {detail}"
