"""rasad watch: follows outlets' feeds, sitemaps and listing pages into the event store.

    >>> config = load_config("watch.toml")
    >>> with Store("rasad.db") as store, Watcher(config, store, Pipeline()) as watcher:
    ...     report = watcher.run_pass()          # one pass over every source (cron)
    ...     watcher.run()                        # or: until watcher.stop is set

Each source (an RSS/Atom feed, a sitemap or a listing page) is fetched with a conditional GET;
each article it lists that was never seen is fetched, cleaned by trafilatura
(``rasad.ingest.document_from_html``) and ingested through ``Store.ingest``, the path of
``rasad ingest``. What was seen lives in the store, in tables of this module
(``watch_sources``, ``watch_articles``, ``watch_alerts``), so a restart fetches nothing twice
and skips nothing:

- an article URL is recorded only once its outcome is final (stored, duplicate, rejected);
  one that failed for a passing reason (timeout, 5xx after retries) is tried again next pass;
- a source's ETag and Last-Modified are saved only after every article it listed reached a
  final outcome, so an interrupted pass re-reads the whole listing next time.

Every request goes through ``Fetcher``: a timeout per network wait and a deadline for the
whole request (connect, redirects, headers and body), a cap on the bytes of a body (counted
unpacked, read as a stream and given up at the cap), retries with exponential backoff on
transport errors, 429 and 5xx, a minimum interval between two requests to one host (or the
host's robots.txt Crawl-delay, if longer) and robots.txt rules. Alert rules are checked on
the events of each stored article; a match is logged and POSTed as JSON to a webhook once.

Sources are isolated: whatever goes wrong while one source or one article is fetched or read
(a redirect loop, a body that is not the gzip it claims, a link that is no URL, a bug) is
logged with the source, the URL and the cause, counted, and tried again later; the other
sources and articles go on. Setting ``Watcher.stop`` cuts short the request in flight.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import re
import ssl
import threading
import time
import tomllib
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpcore
import httpx
from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    insert,
    inspect,
    select,
    update,
)

from rasad.errors import InputError, RasadError
from rasad.ingest import document_from_html
from rasad.store.schema import documents, sources

if TYPE_CHECKING:
    from rasad.pipeline import Pipeline
    from rasad.store import Store, StoredEvent

__all__ = [
    "AlertRule",
    "ConfigError",
    "FetchError",
    "Fetcher",
    "PassReport",
    "Stopped",
    "WatchConfig",
    "WatchSource",
    "Watcher",
    "article_id",
    "load_config",
    "parse_config",
]

log = logging.getLogger(__name__)

USER_AGENT = "rasad-watch/0.1 (+https://github.com/rasad)"
SOURCE_KINDS = ("feed", "sitemap", "listing")
DEFAULT_INTERVAL = 900.0
EARTH_RADIUS_KM = 6371.0088
# A sitemap index can name thousands of sitemaps; one pass reads this many at most.
MAX_NESTED_SITEMAPS = 50
# The longest Retry-After honoured: a server asking for an hour is retried next pass instead.
MAX_RETRY_AFTER = 60.0
DEFAULT_DEADLINE = 60.0  # seconds for a whole request: connect, redirects, headers, body
DEFAULT_MAX_BYTES = 10_000_000  # bytes of one body, unpacked: a feed or page is far smaller
# The longest URL kept: the width of the URL columns of watch_sources and watch_articles.
MAX_URL_LENGTH = 2048
# How long a network wait lasts at most before it looks whether the watcher is stopping.
STOP_POLL = 0.2
# Bytes unpacked at a time: a gzip bomb never gets further than the cap plus this.
UNPACK_CHUNK = 64 * 1024


class ConfigError(RasadError):
    """A watch configuration that cannot be used: names the file and the problem."""


class FetchError(RasadError):
    """A request that failed after retries (timeout, connection, 5xx), or that cannot succeed
    as sent (a redirect loop, a body over the cap or not encoded as it says), or was stopped.
    """

    def __init__(self, url: str, reason: str) -> None:
        self.url = url
        self.reason = reason
        super().__init__(f"{url}: {reason}")


class Stopped(FetchError):
    """A request given up because the watcher is stopping: not a failure of the source."""

    def __init__(self, url: str) -> None:
        super().__init__(url, "stopped")


# --- configuration -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WatchSource:
    """One source to poll: where, what kind, whose, how often (seconds).

    ``links`` (listing pages only) is a regular expression an article URL must contain;
    without it, a listing's article links are the same-host links below the listing's path.
    """

    url: str
    kind: str = "feed"
    outlet: str | None = None
    language: str = "ar"
    interval: float = DEFAULT_INTERVAL
    links: str | None = None


@dataclass(frozen=True, slots=True)
class AlertRule:
    """An alert: every condition given must hold (fatalities, governorate, actor, distance).

    ``near`` is (latitude, longitude) and needs ``radius_km``. Historical mentions (recaps
    of past events) never match.
    """

    name: str
    min_fatalities: int | None = None
    admin1: str | None = None
    actor: str | None = None
    near: tuple[float, float] | None = None
    radius_km: float | None = None
    webhook: str | None = None

    def matches(self, stored: StoredEvent) -> bool:
        """Whether the stored event meets every condition of this rule."""
        e = stored.event
        if e.historical:
            return False
        if self.min_fatalities is not None and (e.fatalities or 0) < self.min_fatalities:
            return False
        if self.admin1 is not None and (e.admin1 or "").casefold() != self.admin1.casefold():
            return False
        if self.actor is not None:
            wanted = self.actor.casefold()
            if not any(wanted in (name or "").casefold() for name in (e.actor1, e.actor2)):
                return False
        if self.near is not None and self.radius_km is not None:
            if e.latitude is None or e.longitude is None:
                return False
            if distance_km(self.near, (e.latitude, e.longitude)) > self.radius_km:
                return False
        return True


@dataclass(frozen=True, slots=True)
class WatchConfig:
    """Sources, alert rules and how politely to fetch (seconds, counts)."""

    sources: tuple[WatchSource, ...]
    alerts: tuple[AlertRule, ...] = ()
    webhook: str | None = None
    user_agent: str = USER_AGENT
    timeout: float = 10.0
    deadline: float = DEFAULT_DEADLINE
    max_bytes: int = DEFAULT_MAX_BYTES
    retries: int = 3
    backoff: float = 1.0
    host_interval: float = 1.0
    robots: bool = True


def load_config(path: str | Path | None, feeds: Iterable[str] = ()) -> WatchConfig:
    """The WatchConfig of a TOML file (none: defaults) plus ``feeds``; raises ConfigError."""
    if path is None:
        return parse_config({}, feeds)
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    try:
        return parse_config(data, feeds)
    except ConfigError as error:
        raise ConfigError(f"{path}: {error}") from None


_SOURCE_KEYS = {"url", "type", "outlet", "language", "interval", "links"}
_RULE_KEYS = {"name", "min_fatalities", "admin1", "actor", "near", "radius_km", "webhook"}
_WATCH_KEYS = {
    "user_agent",
    "timeout",
    "deadline",
    "max_bytes",
    "retries",
    "backoff",
    "host_interval",
    "robots",
    "webhook",
}


def parse_config(data: dict[str, Any], extra_feeds: Iterable[str] = ()) -> WatchConfig:
    """The WatchConfig of parsed TOML (``[watch]``, ``[[source]]``, ``[[alert]]``) plus feeds.

    Raises ConfigError on an unknown key, a missing URL, a bad type or value.
    """
    settings = data.get("watch", {})
    _known(settings, _WATCH_KEYS, "[watch]")
    unknown = set(data) - {"watch", "source", "alert"}
    if unknown:
        raise ConfigError(f"unknown section(s): {', '.join(sorted(unknown))}")
    found = [_source(entry, i) for i, entry in enumerate(data.get("source", []), start=1)]
    found += [WatchSource(url=_http_url(url, "--feed")) for url in extra_feeds]
    rules = [_rule(entry, i) for i, entry in enumerate(data.get("alert", []), start=1)]
    names = Counter(rule.name for rule in rules)
    if clash := [name for name, n in names.items() if n > 1]:
        raise ConfigError(f"alert names must be unique: {', '.join(clash)}")
    try:
        config = WatchConfig(
            sources=tuple(found),
            alerts=tuple(rules),
            webhook=_http_url(settings["webhook"], "webhook") if "webhook" in settings else None,
            user_agent=str(settings.get("user_agent", USER_AGENT)),
            timeout=float(settings.get("timeout", 10.0)),
            deadline=float(settings.get("deadline", DEFAULT_DEADLINE)),
            max_bytes=_whole(settings.get("max_bytes", DEFAULT_MAX_BYTES), "max_bytes"),
            retries=int(settings.get("retries", 3)),
            backoff=float(settings.get("backoff", 1.0)),
            host_interval=float(settings.get("host_interval", 1.0)),
            robots=bool(settings.get("robots", True)),
        )
    except (TypeError, ValueError) as error:
        raise ConfigError(f"[watch]: {error}") from None
    if (
        config.timeout <= 0
        or config.deadline <= 0
        or config.max_bytes <= 0
        or config.retries < 0
        or config.backoff < 0
        or config.host_interval < 0
    ):
        raise ConfigError(
            "[watch]: timeout, deadline and max_bytes must be > 0; "
            "retries, backoff, host_interval >= 0"
        )
    return config


def _whole(value: Any, name: str) -> int:
    """A count of bytes from TOML: an integer (a float would hide a typo like 1e7.5)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name} must be a whole number")
    return value


def _known(table: Any, keys: set[str], where: str) -> None:
    if not isinstance(table, dict):
        raise ConfigError(f"{where} must be a table")
    if unknown := set(table) - keys:
        raise ConfigError(f"{where}: unknown key(s): {', '.join(sorted(unknown))}")


def _http_url(value: Any, where: str) -> str:
    if not isinstance(value, str) or urlsplit(value).scheme not in ("http", "https"):
        raise ConfigError(f"{where}: {value!r} is not an http(s) URL")
    return value


def _source(entry: Any, number: int) -> WatchSource:
    where = f"[[source]] #{number}"
    _known(entry, _SOURCE_KEYS, where)
    if "url" not in entry:
        raise ConfigError(f"{where}: url missing")
    kind = entry.get("type", "feed")
    if kind not in SOURCE_KINDS:
        raise ConfigError(f"{where}: type must be one of {', '.join(SOURCE_KINDS)}")
    links = entry.get("links")
    if links is not None:
        try:
            re.compile(links)
        except (re.error, TypeError) as error:
            raise ConfigError(f"{where}: links is not a regular expression: {error}") from None
    try:
        interval = float(entry.get("interval", DEFAULT_INTERVAL))
    except (TypeError, ValueError):
        raise ConfigError(f"{where}: interval must be a number of seconds") from None
    if interval <= 0:
        raise ConfigError(f"{where}: interval must be > 0")
    return WatchSource(
        url=_http_url(entry["url"], where),
        kind=kind,
        outlet=entry.get("outlet"),
        language=str(entry.get("language", "ar")),
        interval=interval,
        links=links,
    )


def _rule(entry: Any, number: int) -> AlertRule:
    where = f"[[alert]] #{number}"
    _known(entry, _RULE_KEYS, where)
    near = entry.get("near")
    if near is not None:
        if (
            not isinstance(near, list)
            or len(near) != 2
            or not all(isinstance(v, int | float) for v in near)
        ):
            raise ConfigError(f"{where}: near must be [latitude, longitude]")
        if not isinstance(entry.get("radius_km"), int | float):
            raise ConfigError(f"{where}: near needs radius_km")
        near = (float(near[0]), float(near[1]))
    conditions = ("min_fatalities", "admin1", "actor", "near")
    if not any(entry.get(key) is not None for key in conditions):
        raise ConfigError(f"{where}: needs at least one of {', '.join(conditions)}")
    fatalities = entry.get("min_fatalities")
    if fatalities is not None and (not isinstance(fatalities, int) or fatalities < 0):
        raise ConfigError(f"{where}: min_fatalities must be a whole number >= 0")
    return AlertRule(
        name=str(entry.get("name", f"alert-{number}")),
        min_fatalities=fatalities,
        admin1=entry.get("admin1"),
        actor=entry.get("actor"),
        near=near,
        radius_km=float(entry["radius_km"]) if near is not None else None,
        webhook=_http_url(entry["webhook"], where) if "webhook" in entry else None,
    )


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """The great-circle distance in km between two (latitude, longitude) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


# --- fetching ------------------------------------------------------------------------------


class Fetcher:
    """The HTTP responses of polite, bounded requests: retries, per-host pace, robots.txt.

    A request has ``deadline`` seconds in all (connecting, redirects, headers and body),
    ``timeout`` seconds for each wait on the network, and a body of at most ``max_bytes``
    bytes once unpacked (gzip and deflate are unpacked here, a piece at a time, so a gzip
    bomb is given up at the cap). Setting ``stop`` cuts short the request in flight and any
    pause between requests. ``sleep`` and ``clock`` are injectable so tests need not wait
    for real; a ``transport`` given (a test's) is bounded between the body's chunks only.
    """

    def __init__(
        self,
        *,
        user_agent: str = USER_AGENT,
        timeout: float = 10.0,
        deadline: float = DEFAULT_DEADLINE,
        max_bytes: int = DEFAULT_MAX_BYTES,
        retries: int = 3,
        backoff: float = 1.0,
        host_interval: float = 1.0,
        robots: bool = True,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
        stop: threading.Event | None = None,
    ) -> None:
        self.user_agent = user_agent
        self.deadline = deadline
        self.max_bytes = max_bytes
        self.retries = retries
        self.backoff = backoff
        self.host_interval = host_interval
        self.robots = robots
        self.stop = stop if stop is not None else threading.Event()
        self._budget = _Budget(self.stop)
        self.client = httpx.Client(
            timeout=timeout,
            follow_redirects=True,
            transport=transport,
            # Only what _Unpacker unpacks with a bound: no brotli or zstd from httpx.
            headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
        )
        if transport is None:
            _bound(self.client, self._budget)
        self._sleep = sleep if sleep is not None else self._pause
        self._clock = clock
        self._last: dict[str, float] = {}
        self._rules: dict[str, RobotFileParser] = {}

    @classmethod
    def of(cls, config: WatchConfig, **kwargs: Any) -> Fetcher:
        """The Fetcher configured by ``config`` (``kwargs`` override, e.g. a transport)."""
        return cls(
            **{
                "user_agent": config.user_agent,
                "timeout": config.timeout,
                "deadline": config.deadline,
                "max_bytes": config.max_bytes,
                "retries": config.retries,
                "backoff": config.backoff,
                "host_interval": config.host_interval,
                "robots": config.robots,
                **kwargs,
            }
        )

    def close(self) -> None:
        self.client.close()

    def allowed(self, url: str) -> bool:
        """Whether robots.txt of the URL's host lets us fetch it (always, with robots off).

        A robots.txt that cannot be fetched for a passing reason forbids the host for now
        and is asked again at the next request.
        """
        if not self.robots:
            return True
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        rules = self._rules.get(host)
        if rules is None:
            rules = RobotFileParser(f"{host}/robots.txt")
            try:
                response = self._request("GET", f"{host}/robots.txt")
            except Stopped:
                raise
            except FetchError as error:
                log.warning("robots %s", _kv(host=host, error=error.reason, allowed=False))
                return False
            if response.status_code in (401, 403):
                rules.disallow_all = True
            elif response.status_code >= 400:
                rules.allow_all = True
            else:
                rules.parse(response.text.splitlines())
            self._rules[host] = rules
        return rules.can_fetch(self.user_agent, url)

    def get(self, url: str, headers: dict[str, str] | None = None) -> httpx.Response:
        """The final response to a GET (any status but 429/5xx), body read; raises FetchError."""
        return self._request("GET", url, headers=headers)

    def post_json(self, url: str, payload: Any) -> httpx.Response:
        """The final response to POSTing ``payload`` as JSON; raises FetchError."""
        body = json.dumps(payload, ensure_ascii=False, default=str).encode("utf-8")
        return self._request(
            "POST",
            url,
            content=body,
            headers={"Content-Type": "application/json; charset=utf-8"},
        )

    def _request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        reason = ""
        retry_after: float | None = None
        for attempt in range(self.retries + 1):
            if attempt:
                # Doubling waits, or longer if the server asked for it.
                self._sleep(max(self.backoff * 2 ** (attempt - 1), retry_after or 0.0))
            self._wait_turn(url)
            if self.stop.is_set():
                raise Stopped(url)
            try:
                response = self._send(method, url, **kwargs)
            except httpx.TransportError as error:  # timeouts and the deadline among them
                if self.stop.is_set():
                    raise Stopped(url) from None
                reason = _cause(error)
                retry_after = None
                log.info("retry %s", _kv(url=url, attempt=attempt + 1, error=reason))
                continue
            except (
                httpx.TooManyRedirects,
                httpx.DecodingError,
                httpx.InvalidURL,
                UnicodeError,  # a host name IDNA refuses (a label over 63 characters)
                _BodyError,
            ) as error:
                # Asking again now would end the same way: the next pass asks again.
                raise FetchError(url, _cause(error)) from None
            if response.status_code != 429 and response.status_code < 500:
                return response
            reason = f"HTTP {response.status_code}"
            retry_after = _retry_after(response)
            log.info("retry %s", _kv(url=url, attempt=attempt + 1, error=reason))
        raise FetchError(url, f"{reason} after {self.retries + 1} attempt(s)")

    def _send(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        """The response with its body read and unpacked, within the deadline and the cap."""
        request = self.client.build_request(method, url, **kwargs)
        with self._budget.running(self.deadline):
            response = self.client.send(request, stream=True)
            try:
                body = self._body(response)
            finally:
                response.close()  # a body given up midway closes its connection
        # The body is unpacked already: a Response told it is gzip would unpack it again.
        headers = [
            (name, value)
            for name, value in response.headers.multi_items()
            if name.lower() not in ("content-encoding", "content-length", "transfer-encoding")
        ]
        return httpx.Response(
            response.status_code, headers=headers, content=body, request=response.request
        )

    def _body(self, response: httpx.Response) -> bytes:
        """The unpacked body, read as it comes; raises _BodyError past ``max_bytes``."""
        unpacker = _Unpacker(response.headers.get("Content-Encoding", ""))
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self.max_bytes and unpacker.coding is None:
            raise _BodyError(f"body of {int(declared):,} bytes, over max_bytes {self.max_bytes:,}")
        body = bytearray()
        received = 0
        for chunk in response.iter_raw():
            # Packed bytes count too: data after a gzip stream's end is never unpacked.
            received += len(chunk)
            for piece in unpacker.feed(chunk):
                body += piece
                if len(body) > self.max_bytes or received > self.max_bytes:
                    unpacked = " unpacked" if unpacker.coding else ""
                    raise _BodyError(
                        f"body over max_bytes ({self.max_bytes:,} bytes{unpacked}): given up there"
                    )
            self._budget.check()
        return bytes(body)

    def _pause(self, seconds: float) -> None:
        self.stop.wait(seconds)

    def _wait_turn(self, url: str) -> None:
        """Sleeps until the URL's host may be asked again, then books the turn."""
        parts = urlsplit(url)
        host = parts.netloc
        pause = self.host_interval
        rules = self._rules.get(f"{parts.scheme}://{host}")
        delay = rules.crawl_delay(self.user_agent) if rules is not None else None
        if delay:
            pause = max(pause, float(delay))
        last = self._last.get(host)
        if last is not None:
            wait = last + pause - self._clock()
            if wait > 0:
                self._sleep(wait)
        self._last[host] = self._clock()


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After", "")
    return min(float(value), MAX_RETRY_AFTER) if value.strip().isdigit() else None


def _cause(error: BaseException) -> str:
    """An exception as a log reads it: its class, and its message when it has one."""
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


class _BodyError(ValueError):
    """A body that cannot be taken: over the cap, or not encoded as its headers say."""


class _Unpacker:
    """Unpacks a body as its Content-Encoding says, ``UNPACK_CHUNK`` bytes at most at a time.

    gzip (several members too) and deflate (zlib-wrapped or, as some servers send it, raw);
    bytes after the last gzip member are ignored, as browsers do. Raises _BodyError on any
    other coding, and on data that is not what the coding says.
    """

    def __init__(self, encoding: str) -> None:
        codings = [c.strip().lower() for c in encoding.split(",")]
        codings = [c for c in codings if c not in ("", "identity")]
        if len(codings) > 1 or (codings and codings[0] not in ("gzip", "x-gzip", "deflate")):
            raise _BodyError(f"Content-Encoding {encoding!r}: not gzip or deflate, as asked")
        self.coding = codings[0] if codings else None
        self._inflater = self._new() if self.coding else None
        self._begun = False
        self._ended = False

    def _new(self) -> Any:
        return zlib.decompressobj(
            zlib.MAX_WBITS if self.coding == "deflate" else 16 + zlib.MAX_WBITS
        )

    def feed(self, data: bytes) -> Iterator[bytes]:
        """The unpacked pieces of the next chunk of the body."""
        if self._inflater is None:
            yield data
            return
        while not self._ended:
            try:
                piece = self._inflater.decompress(data, UNPACK_CHUNK)
            except zlib.error as error:
                if self.coding == "deflate" and not self._begun:
                    self._inflater = zlib.decompressobj(-zlib.MAX_WBITS)
                    self._begun = True
                    continue
                raise _BodyError(
                    f"body is not the {self.coding} its Content-Encoding says: {error}"
                ) from None
            self._begun = True
            if piece:
                yield piece
            if self._inflater.eof:
                data = self._inflater.unused_data
                if self.coding == "deflate" or not data.startswith(b"\x1f\x8b"):
                    self._ended = True
                else:
                    self._inflater = self._new()  # the next gzip member
            elif self._inflater.unconsumed_tail or len(piece) == UNPACK_CHUNK:
                data = self._inflater.unconsumed_tail  # more output is waiting
            else:
                return


def _unpacked(content: bytes, coding: str, limit: int) -> bytes:
    """``content`` unpacked (a .gz sitemap); raises _BodyError past ``limit`` bytes."""
    body = bytearray()
    for piece in _Unpacker(coding).feed(content):
        body += piece
        if len(body) > limit:
            raise _BodyError(f"over max_bytes ({limit:,} bytes) unpacked: given up there")
    return bytes(body)


class _Budget:
    """The deadline of the request in flight, and the stop that cuts it short.

    The sockets of a Fetcher's client ask it how long each wait may last (``_BudgetStream``):
    the per-wait timeout, cut to what is left of the deadline, in slices of ``STOP_POLL``
    seconds so that a stop is seen at once.
    """

    def __init__(self, stop: threading.Event) -> None:
        self.stop = stop
        self.seconds = math.inf
        self.ends = math.inf

    @contextmanager
    def running(self, seconds: float) -> Iterator[None]:
        self.seconds = seconds
        self.ends = time.monotonic() + seconds
        try:
            yield
        finally:
            self.ends = math.inf

    def until(self, timeout: float | None) -> float:
        """When a wait of ``timeout`` seconds (None: no limit) begun now must end."""
        return self.ends if timeout is None else min(self.ends, time.monotonic() + timeout)

    def left(self, until: float, timeout: type[Exception]) -> float:
        """Seconds left before ``until``; raises ``timeout`` when none are, ReadError if stopped."""
        if self.stop.is_set():
            raise httpcore.ReadError("stopped")
        now = time.monotonic()
        if now >= self.ends:
            raise timeout(f"over the deadline of {self.seconds:g} s for the whole request")
        if now >= until:
            raise timeout("timed out")
        return until - now

    def check(self) -> None:
        """Raises httpx.ReadTimeout past the deadline, httpx.ReadError once stopped."""
        try:
            self.left(math.inf, httpcore.ReadTimeout)
        except httpcore.ReadTimeout as error:
            raise httpx.ReadTimeout(str(error)) from None
        except httpcore.ReadError as error:
            raise httpx.ReadError(str(error)) from None


class _BudgetBackend(httpcore.NetworkBackend):
    """httpcore's sockets, each wait bounded by a _Budget."""

    def __init__(self, budget: _Budget) -> None:
        self.budget = budget
        self.backend = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        wait = self.budget.left(self.budget.until(timeout), httpcore.ConnectTimeout)
        stream = self.backend.connect_tcp(host, port, wait, local_address, socket_options)
        return _BudgetStream(stream, self.budget)

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        wait = self.budget.left(self.budget.until(timeout), httpcore.ConnectTimeout)
        return _BudgetStream(
            self.backend.connect_unix_socket(path, wait, socket_options), self.budget
        )

    def sleep(self, seconds: float) -> None:
        self.backend.sleep(seconds)


class _BudgetStream(httpcore.NetworkStream):
    """A connection whose reads end at the deadline, or within STOP_POLL of a stop."""

    def __init__(self, stream: httpcore.NetworkStream, budget: _Budget) -> None:
        self.stream = stream
        self.budget = budget

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        until = self.budget.until(timeout)
        while True:
            wait = min(self.budget.left(until, httpcore.ReadTimeout), STOP_POLL)
            try:
                return self.stream.read(max_bytes, wait)
            except httpcore.ReadTimeout:
                continue  # a slice ran out, not the wait: look at the budget again

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        wait = self.budget.left(self.budget.until(timeout), httpcore.WriteTimeout)
        self.stream.write(buffer, wait)

    def close(self) -> None:
        self.stream.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        wait = self.budget.left(self.budget.until(timeout), httpcore.ConnectTimeout)
        return _BudgetStream(self.stream.start_tls(ssl_context, server_hostname, wait), self.budget)

    def get_extra_info(self, info: str) -> Any:
        return self.stream.get_extra_info(info)


def _bound(client: httpx.Client, budget: _Budget) -> None:
    """Opens every connection of ``client`` through ``budget``.

    httpx takes no network backend: each of its transports (direct, and one per proxy from
    the environment) keeps an httpcore connection pool, which does. Without one, the deadline
    is still checked between the chunks of a body, but not while headers trickle in.
    """
    transports = [client._transport, *client._mounts.values()]
    for transport in transports:
        if transport is None:
            continue
        pool = getattr(transport, "_pool", None)
        if isinstance(pool, httpcore.ConnectionPool) and hasattr(pool, "_network_backend"):
            pool._network_backend = _BudgetBackend(budget)
        else:
            log.warning("fetcher %s", _kv(problem="cannot bound the sockets of this httpx"))


# --- what was seen: tables of this module on the store's engine --------------------------

watch_metadata = MetaData()

watch_sources = Table(
    "watch_sources",
    watch_metadata,
    Column("url", String(2048), primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("checked_at", DateTime(timezone=True)),
    Column("status", Text),  # ok, not modified, incomplete: ..., error: <the cause>
    Column("errors", Integer),  # how many errors its last poll met, its articles' included
)

watch_articles = Table(
    "watch_articles",
    watch_metadata,
    Column("url", String(2048), primary_key=True),
    Column("source_url", String(2048)),
    # new / duplicate / near-duplicate (ingested), rejected (no Arabic text, 4xx), failed
    Column("status", String(20), nullable=False),
    Column("doc_id", String(200)),  # the document stored, when this article made one
    Column("detail", Text),
    Column("alerts_checked", Boolean, nullable=False),
    Column("seen_at", DateTime(timezone=True), nullable=False),
)

watch_alerts = Table(
    "watch_alerts",
    watch_metadata,
    Column("rule", String(200), primary_key=True),
    Column("event_id", String(200), primary_key=True),
    Column("webhook", Text),
    Column("payload", JSON, nullable=False),
    Column("matched_at", DateTime(timezone=True), nullable=False),
    Column("posted_at", DateTime(timezone=True)),
)


def article_id(url: str) -> str:
    """The document id of an article URL: its host and a hash of the URL, stable across runs."""
    return f"{urlsplit(url).netloc}-{hashlib.sha1(url.encode('utf-8')).hexdigest()[:16]}"


# --- the watcher ---------------------------------------------------------------------------


@dataclass(slots=True)
class PassReport:
    """What one pass did: counts by outcome, and the sources or articles that failed."""

    counts: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        c = self.counts
        return (
            f"sources: {c['polled']} polled, {c['not-modified']} not modified; "
            f"articles: {c['new']} new, {c['duplicate'] + c['near-duplicate']} duplicate, "
            f"{c['rejected']} rejected, {c['failed']} failed; alerts: {c['alerts']}; "
            f"errors: {len(self.errors)}"
        )


_INGESTED = ("new", "duplicate", "near-duplicate")


class Watcher:
    """Polls the configured sources into a store; ``stop`` (an Event) ends ``run`` cleanly.

    Setting ``stop`` (from a signal handler, another thread) ends the pass after the article
    in hand: a request in flight is cut short (the article is tried again next time), an
    article being stored is stored whole. ``on_article(url, status)`` is called after each
    article's outcome is recorded.
    """

    def __init__(
        self,
        config: WatchConfig,
        store: Store,
        pipeline: Pipeline,
        *,
        fetcher: Fetcher | None = None,
        on_article: Callable[[str, str], None] | None = None,
        stop: threading.Event | None = None,
    ) -> None:
        self.config = config
        self.store = store
        self.pipeline = pipeline
        self.fetcher = fetcher or Fetcher.of(config, stop=stop)
        self.on_article = on_article
        # One event for the watcher and its fetcher: a stop cuts short the request in flight.
        self.stop = self.fetcher.stop
        if stop is not None and stop is not self.stop:
            raise ValueError("a Watcher given a fetcher shares the fetcher's stop event")
        self.totals: Counter[str] = Counter()
        self.passes = 0
        self.report = PassReport()  # of the pass under way, or of the last one
        watch_metadata.create_all(store.engine, checkfirst=True)
        _add_missing_columns(store)

    def close(self) -> None:
        self.fetcher.close()

    def __enter__(self) -> Watcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- loops ---

    def run(self, *, status: TextIO | None = None, max_passes: int | None = None) -> None:
        """Returns once ``stop`` is set (or after ``max_passes`` passes that polled something).

        Each source is polled when its interval has passed since it was last checked, as
        recorded in the store, so a restart does not poll early. ``status`` gets a one-line
        summary, rewritten in place.
        """
        while not self.stop.is_set():
            now = datetime.now(UTC)
            due = [s for s in self.config.sources if self._next_due(s) <= now]
            if due:
                self.run_pass(due)
                if max_passes is not None and self.passes >= max_passes:
                    break
            wake = min((self._next_due(s) for s in self.config.sources), default=now)
            wait = max((wake - datetime.now(UTC)).total_seconds(), 0.5)
            if status is not None:
                status.write(f"\r{self.status_line()} · next poll in {wait:.0f}s\x1b[K")
                status.flush()
            self.stop.wait(wait)
        if status is not None:
            status.write("\n")

    def status_line(self) -> str:
        """A one-line summary of everything done since this watcher started."""
        t = self.totals
        return (
            f"{len(self.config.sources)} sources · pass {self.passes} · "
            f"{t['new']} new, {t['duplicate'] + t['near-duplicate']} duplicate, "
            f"{t['rejected']} rejected articles · {t['alerts']} alerts · "
            f"{t['errors']} errors"
        )

    def run_pass(self, selected: Iterable[WatchSource] | None = None) -> PassReport:
        """What one pass over the sources (all of them by default) did, alerts included."""
        report = self.report = PassReport()
        for source in self.config.sources if selected is None else selected:
            if self.stop.is_set():
                break
            before = len(report.errors)
            try:
                self._poll(source, report)
            except Stopped:
                break  # the source is left as a crash would leave it: read again next time
            except Exception as error:  # one source's failure, whatever it is, is its own
                log.debug("source %s", _kv(url=source.url), exc_info=True)
                self._fail(report, source, source.url, _cause(error), whole_source=True)
            if len(report.errors) > before:
                self._count_errors(source, len(report.errors) - before)
        self._check_alerts(report)
        self.passes += 1
        self.totals.update(report.counts)
        self.totals["errors"] += len(report.errors)
        log.info("pass %s", _kv(number=self.passes, **report.counts, errors=len(report.errors)))
        return report

    def _next_due(self, source: WatchSource) -> datetime:
        with self.store.engine.connect() as conn:
            checked = conn.execute(
                select(watch_sources.c.checked_at).where(watch_sources.c.url == source.url)
            ).scalar()
        if checked is None:
            return datetime.min.replace(tzinfo=UTC)
        if checked.tzinfo is None:  # SQLite keeps no time zone; we write UTC
            checked = checked.replace(tzinfo=UTC)
        return checked + timedelta(seconds=source.interval)

    # --- one source ---

    def _poll(self, source: WatchSource, report: PassReport) -> None:
        with self.store.engine.connect() as conn:
            state = conn.execute(
                select(watch_sources).where(watch_sources.c.url == source.url)
            ).first()
        if not self.fetcher.allowed(source.url):
            self._fail(report, source, source.url, "disallowed by robots.txt", whole_source=True)
            return
        headers = {}
        if state is not None and state.etag:
            headers["If-None-Match"] = state.etag
        if state is not None and state.last_modified:
            headers["If-Modified-Since"] = state.last_modified
        try:
            response = self.fetcher.get(source.url, headers)
        except FetchError as error:
            self._fail(report, source, source.url, error.reason, whole_source=True)
            return
        report.counts["polled"] += 1
        if response.status_code == 304:
            report.counts["not-modified"] += 1
            self._save_source(source, response, complete=False, status="not modified")
            log.info("source %s", _kv(url=source.url, status=304))
            return
        if response.status_code >= 400:
            self._fail(
                report, source, source.url, f"HTTP {response.status_code}", whole_source=True
            )
            return
        try:
            links = self._links(source, response)
        except ValueError as error:
            self._fail(report, source, source.url, str(error), whole_source=True)
            return
        log.info("source %s", _kv(url=source.url, status=response.status_code, links=len(links)))
        if state is not None and (state.etag or state.last_modified):
            # The listing changed: until its articles are all done, a restart must read it whole.
            self._save_source(source, None, complete=False, status="reading", forget=True)
        failed = 0
        for url, published in links:
            if self.stop.is_set():
                break
            try:
                self._article(source, url, published, report)
            except Stopped:
                break
            except FetchError as error:
                failed += 1
                self._fail(report, source, url, error.reason)
            except Exception as error:  # one article's failure, whatever it is, is its own
                failed += 1
                log.debug("article %s", _kv(source=source.url, url=url), exc_info=True)
                self._fail(report, source, url, _cause(error))
        if failed:
            status = f"incomplete: {failed} of {len(links)} article(s) failed"
        elif self.stop.is_set():
            status = "incomplete: stopped"
        else:
            status = "ok"
        self._save_source(source, response, complete=status == "ok", status=status)

    def _fail(
        self,
        report: PassReport,
        source: WatchSource,
        url: str,
        reason: str,
        *,
        whole_source: bool = False,
    ) -> None:
        """Logs and counts a failure; ``whole_source``: the source itself failed (its status)."""
        report.errors.append(f"{url}: {reason}")
        what = "source" if whole_source else "article"
        origin = None if whole_source else source.url
        log.warning("%s %s", what, _kv(source=origin, url=url, error=reason))
        if whole_source:
            self._save_source(source, None, complete=False, status=f"error: {reason}")

    def _webhook_failed(self, report: PassReport, url: str, reason: str) -> None:
        report.errors.append(f"{url}: webhook: {reason}")
        log.warning("webhook %s", _kv(url=url, error=reason))

    def _count_errors(self, source: WatchSource, errors: int) -> None:
        """Records how many errors the source's last poll met (its articles' included)."""
        with self.store.engine.begin() as conn:
            conn.execute(
                update(watch_sources).where(watch_sources.c.url == source.url).values(errors=errors)
            )

    def _save_source(
        self,
        source: WatchSource,
        response: httpx.Response | None,
        *,
        complete: bool,
        status: str,
        forget: bool = False,
    ) -> None:
        """Records when the source was checked, and its validators once its articles are done.

        ``forget`` drops the validators saved before.
        """
        values: dict[str, Any] = {"checked_at": datetime.now(UTC), "status": status, "errors": 0}
        if forget:
            values["etag"] = values["last_modified"] = None
        if complete and response is not None:
            values["etag"] = response.headers.get("ETag")
            values["last_modified"] = response.headers.get("Last-Modified")
        with self.store.engine.begin() as conn:
            exists = conn.execute(
                select(watch_sources.c.url).where(watch_sources.c.url == source.url)
            ).first()
            if exists:
                conn.execute(
                    update(watch_sources).where(watch_sources.c.url == source.url).values(**values)
                )
            else:
                conn.execute(insert(watch_sources).values(url=source.url, **values))

    def _links(
        self, source: WatchSource, response: httpx.Response
    ) -> list[tuple[str, date | None]]:
        """The article URLs a source lists, each once, with their dates when given.

        Raises ValueError when the source cannot be read as its kind.
        """
        base = str(response.url)
        if source.kind == "feed":
            found = _feed_links(response.content, base)
        elif source.kind == "sitemap":
            found = self._sitemap_links(response.content, base)
        else:
            found = _listing_links(response.content, base, source.links)
        seen: set[str] = set()
        links = []
        for url, published in found:
            try:
                url = urldefrag(url).url
                scheme = urlsplit(url).scheme
            except ValueError:
                # Not a URL at all (``http://[::1/``): kept, to be rejected with the reason.
                scheme = url.partition(":")[0].lower()
            if url not in seen and scheme in ("http", "https"):
                seen.add(url)
                links.append((url, published))
        return links

    def _sitemap_links(self, content: bytes, base: str) -> list[tuple[str, date | None]]:
        limit = self.fetcher.max_bytes
        urls, nested = _sitemap_entries(content, base, limit)
        for url in nested[:MAX_NESTED_SITEMAPS]:
            if _unusable_url(url) or not self.fetcher.allowed(url):
                continue
            # A nested sitemap that fails raises FetchError out of the poll: the source stays
            # incomplete, and the whole index is read again next pass.
            response = self.fetcher.get(url)
            if response.status_code < 400:
                urls += _sitemap_entries(response.content, str(response.url), limit)[0]
        return urls

    # --- one article ---

    def _article(
        self, source: WatchSource, url: str, published: date | None, report: PassReport
    ) -> None:
        problem = _unusable_url(url)
        if problem is not None:
            # It can never be fetched: final, and recorded when it fits the table.
            if len(url) > MAX_URL_LENGTH:
                report.counts["rejected"] += 1
                log.warning(
                    "article %s", _kv(url=url[:200] + "...", status="rejected", detail=problem)
                )
            else:
                self._record(source, url, "rejected", None, f"invalid URL: {problem}", report)
            return
        doc_id = article_id(url)
        with self.store.engine.connect() as conn:
            if conn.execute(
                select(watch_articles.c.url).where(watch_articles.c.url == url)
            ).first():
                return
            # Stored by a run that stopped before recording the URL: no need to fetch again.
            if conn.execute(select(documents.c.id).where(documents.c.id == doc_id)).first():
                self._record(source, url, "new", doc_id, None, report)
                return
        if not self.fetcher.allowed(url):
            report.counts["disallowed"] += 1
            log.info("article %s", _kv(url=url, status="disallowed by robots.txt"))
            return
        response = self.fetcher.get(url)
        if response.status_code >= 400:
            self._record(source, url, "rejected", None, f"HTTP {response.status_code}", report)
            return
        try:
            doc = document_from_html(response.text, doc_id=doc_id, origin=url, url=url)
        except InputError as error:
            self._record(source, url, "rejected", None, error.message, report)
            return
        doc.outlet = source.outlet or doc.outlet
        doc.published = doc.published or published
        outcome = next(self.store.ingest([doc], self.pipeline))
        if isinstance(outcome, RasadError):
            self._record(source, url, "failed", None, str(outcome), report)
            return
        stored = doc_id if outcome.status != "duplicate" else None
        detail = f"events: {outcome.events_new} new, {outcome.events_merged} merged"
        self._record(source, url, outcome.status, stored, detail, report)

    def _record(
        self,
        source: WatchSource,
        url: str,
        status: str,
        doc_id: str | None,
        detail: str | None,
        report: PassReport,
    ) -> None:
        with self.store.engine.begin() as conn:
            conn.execute(
                insert(watch_articles).values(
                    url=url,
                    source_url=source.url,
                    status=status,
                    doc_id=doc_id,
                    detail=detail,
                    alerts_checked=doc_id is None,
                    seen_at=datetime.now(UTC),
                )
            )
        report.counts[status] += 1
        level = logging.WARNING if status in ("rejected", "failed") else logging.INFO
        log.log(level, "article %s", _kv(url=url, status=status, doc_id=doc_id, detail=detail))
        if self.on_article is not None:
            self.on_article(url, status)

    # --- alerts ---

    def _check_alerts(self, report: PassReport) -> None:
        """Matches the events of articles not yet checked, then POSTs what is still unsent."""
        with self.store.engine.connect() as conn:
            pending = conn.execute(
                select(watch_articles.c.url, watch_articles.c.doc_id).where(
                    watch_articles.c.alerts_checked.is_(False)
                )
            ).all()
        for row in pending:
            if self.config.alerts:
                self._match(row.doc_id, report)
            with self.store.engine.begin() as conn:
                conn.execute(
                    update(watch_articles)
                    .where(watch_articles.c.url == row.url)
                    .values(alerts_checked=True)
                )
        self._post_alerts(report)

    def _match(self, doc_id: str, report: PassReport) -> None:
        with self.store.engine.connect() as conn:
            event_ids = sorted(
                set(
                    conn.execute(
                        select(sources.c.event_id).where(sources.c.doc_id == doc_id)
                    ).scalars()
                )
                - {None}
            )
        for event_id in event_ids:
            stored = self.store.event(event_id)
            if stored is None:
                continue
            for rule in self.config.alerts:
                if rule.matches(stored):
                    self._matched(rule, stored, report)

    def _matched(self, rule: AlertRule, stored: StoredEvent, report: PassReport) -> None:
        event_id = stored.event.event_id
        now = datetime.now(UTC)
        with self.store.engine.begin() as conn:
            if conn.execute(
                select(watch_alerts.c.rule).where(
                    watch_alerts.c.rule == rule.name, watch_alerts.c.event_id == event_id
                )
            ).first():
                return
            payload = {"rule": rule.name, "matched_at": now.isoformat(), "event": stored.to_dict()}
            conn.execute(
                insert(watch_alerts).values(
                    rule=rule.name,
                    event_id=event_id,
                    webhook=rule.webhook or self.config.webhook,
                    payload=json.loads(json.dumps(payload, ensure_ascii=False, default=str)),
                    matched_at=now,
                )
            )
        report.counts["alerts"] += 1
        e = stored.event
        log.warning(
            "alert %s",
            _kv(
                rule=rule.name,
                event_id=event_id,
                event_date=e.event_date,
                type=e.sub_event_type,
                admin1=e.admin1,
                fatalities=e.fatalities,
            ),
        )

    def _post_alerts(self, report: PassReport) -> None:
        """POSTs each matched alert not yet accepted by its webhook; a failure waits a pass."""
        with self.store.engine.connect() as conn:
            unsent = conn.execute(
                select(watch_alerts).where(
                    watch_alerts.c.posted_at.is_(None), watch_alerts.c.webhook.is_not(None)
                )
            ).all()
        for row in unsent:
            if self.stop.is_set():
                break  # unsent alerts wait for the next start
            try:
                response = self.fetcher.post_json(row.webhook, row.payload)
            except Stopped:
                break
            except FetchError as error:
                self._webhook_failed(report, row.webhook, error.reason)
                continue
            except Exception as error:  # a webhook's failure never stops the watcher
                self._webhook_failed(report, row.webhook, _cause(error))
                continue
            if not response.is_success:
                self._webhook_failed(report, row.webhook, f"HTTP {response.status_code}")
                continue
            with self.store.engine.begin() as conn:
                conn.execute(
                    update(watch_alerts)
                    .where(watch_alerts.c.rule == row.rule, watch_alerts.c.event_id == row.event_id)
                    .values(posted_at=datetime.now(UTC))
                )
            report.counts["posted"] += 1


# --- parsing sources -----------------------------------------------------------------------


def _feed_links(content: bytes, base: str) -> list[tuple[str, date | None]]:
    """The entry links of an RSS or Atom feed; raises ValueError if it has none and is broken."""
    import feedparser

    parsed = feedparser.parse(content)
    if parsed.bozo and not parsed.entries:
        raise ValueError(f"malformed feed: {parsed.get('bozo_exception')}")
    links = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        links.append((_join(base, link), date(*when[:3]) if when else None))
    return links


def _sitemap_entries(
    content: bytes, base: str, limit: int = DEFAULT_MAX_BYTES
) -> tuple[list[tuple[str, date | None]], list[str]]:
    """The page URLs (with lastmod) and nested sitemap URLs of a sitemap; raises ValueError.

    A gzip sitemap is unpacked up to ``limit`` bytes (a bomb is given up there).
    """
    from lxml import etree

    if content[:2] == b"\x1f\x8b":
        try:
            content = _unpacked(content, "gzip", limit)
        except _BodyError as error:
            raise ValueError(f"gzip sitemap: {error}") from None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(content, parser=parser)
    except etree.XMLSyntaxError as error:
        raise ValueError(f"malformed sitemap: {error}") from None
    pages: list[tuple[str, date | None]] = []
    nested: list[str] = []
    for element in root:
        name = _local(element)
        loc = next((c.text for c in element if _local(c) == "loc" and c.text), None)
        if loc is None:
            continue
        if name == "sitemap":
            nested.append(_join(base, loc.strip()))
        elif name == "url":
            lastmod = next((c.text for c in element if _local(c) == "lastmod" and c.text), None)
            pages.append((_join(base, loc.strip()), _iso_day(lastmod)))
    return pages, nested


def _local(element: Any) -> str:
    from lxml import etree

    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _iso_day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value.strip()[:10]) if value else None
    except ValueError:
        return None


def _listing_links(content: bytes, base: str, pattern: str | None) -> list[tuple[str, None]]:
    """The article links of a listing page: matching ``pattern``, else same-host and deeper."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        page = lxml.html.fromstring(content, base_url=base)
    except (ParserError, ValueError) as error:
        raise ValueError(f"unreadable listing page: {error}") from None
    # A link that is no URL stays as written, to be rejected with the reason.
    page.make_links_absolute(base, handle_failures="ignore")
    where = urlsplit(base)
    links = []
    for element, attribute, link, _ in page.iterlinks():
        if element.tag != "a" or attribute != "href":
            continue
        try:
            parts = urlsplit(link)
        except ValueError:
            if pattern is not None and re.search(pattern, link):
                links.append((link, None))
            continue
        if pattern is not None:
            if re.search(pattern, link):
                links.append((link, None))
        elif (
            parts.netloc == where.netloc
            and parts.path.startswith(where.path)
            and parts.path.rstrip("/") != where.path.rstrip("/")
        ):
            links.append((link, None))
    return links


def _join(base: str, link: str) -> str:
    """``link`` made absolute against ``base``; as written when it is no URL at all."""
    try:
        return urljoin(base, link)
    except ValueError:
        return link


def _unusable_url(url: str) -> str | None:
    """Why ``url`` can never be fetched (not a URL, a host name DNS refuses), or None."""
    try:
        host = httpx.URL(url).raw_host.decode("ascii")
    except (httpx.InvalidURL, ValueError) as error:
        return str(error) or type(error).__name__
    if not host:
        return "no host"
    try:
        host.encode("idna")  # the rules the resolver applies: labels of 1 to 63 characters
    except UnicodeError as error:
        return f"host name refused by IDNA ({error})"
    if len(url) > MAX_URL_LENGTH:
        return f"{len(url):,} characters, over {MAX_URL_LENGTH:,}"
    return None


def _add_missing_columns(store: Store) -> None:
    """Adds the columns of watch_sources that a store made by an older rasad lacks."""
    present = {column["name"] for column in inspect(store.engine).get_columns("watch_sources")}
    with store.engine.begin() as conn:
        for column in watch_sources.columns:
            if column.name not in present:
                kind = column.type.compile(dialect=store.engine.dialect)
                conn.exec_driver_sql(f"ALTER TABLE watch_sources ADD COLUMN {column.name} {kind}")


def _kv(**fields: Any) -> str:
    """``key=value`` pairs (logfmt) of the fields given, values quoted when they need it."""
    parts = []
    for key, value in fields.items():
        if value is None:
            continue
        text = str(value)
        if not text or any(c in text for c in ' "=') or not text.isprintable():
            text = json.dumps(text, ensure_ascii=False)
        parts.append(f"{key}={text}")
    return " ".join(parts)
