"""rasad watch against a local HTTP server serving feeds and pages made of the sample reports.

The server (loopback only, a thread per request) records every request, so the tests can say
what was fetched and how often: every article once, nothing twice after a restart, nothing
robots.txt forbids, each alert POSTed once.
"""

from __future__ import annotations

import html
import json
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import func, select

from rasad.store import Store
from rasad.store.schema import documents
from rasad.watch import (
    AlertRule,
    ConfigError,
    Fetcher,
    FetchError,
    WatchConfig,
    Watcher,
    WatchSource,
    distance_km,
    load_config,
    parse_config,
    watch_alerts,
    watch_articles,
)

FIXTURES = Path(__file__).parent / "fixtures"
DOCS = Path(__file__).parent.parent / "docs" / "watch.md"
ARTICLES = [json.loads(line) for line in (FIXTURES / "articles.jsonl").open(encoding="utf-8")]
CLIENT_TIMEOUT = 0.5
SLOW_SECONDS = 1.5  # beyond the client's timeout
LAST_MODIFIED = formatdate(1702100000, usegmt=True)


def article_page(record: dict) -> bytes:
    """A news page around a sample report: navigation, the article, a footer."""
    title = html.escape(record["title"] or "")
    paragraphs = "\n".join(
        f"<p>{html.escape(line)}</p>" for line in record["text"].splitlines() if line.strip()
    )
    published = record.get("published") or ""
    return f"""<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{title}</title><meta property="article:published_time" content="{published}">
</head><body><nav><a href="/">الرئيسية</a> · <a href="/news/">أخبار</a></nav>
<article><h1>{title}</h1>
{paragraphs}
</article><footer>جميع الحقوق محفوظة © 2023</footer></body></html>""".encode()


ENGLISH_PAGE = b"""<!doctype html><html><head><title>Weather</title></head><body>
<article><h1>Sunny week ahead</h1><p>The weather service expects a dry and sunny week across
the region, with temperatures rising slowly towards the weekend and light winds from the
west. Farmers welcomed the forecast after a wet month.</p></article></body></html>"""


def rss(base: str, paths: list[str]) -> bytes:
    items = "".join(
        f"<item><title>t{i}</title><link>{base}{path}</link>"
        f"<pubDate>Sat, 09 Dec 2023 10:00:00 GMT</pubDate></item>"
        for i, path in enumerate(paths)
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>feed</title><link>{base}/</link>{items}</channel></rss>"
    ).encode()


def atom(base: str, paths: list[str]) -> bytes:
    entries = "".join(
        f'<entry><title>t{i}</title><id>{base}{path}</id><link href="{base}{path}"/>'
        f"<updated>2023-12-09T10:00:00Z</updated></entry>"
        for i, path in enumerate(paths)
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>feed</title><id>{base}/</id><updated>2023-12-09T10:00:00Z</updated>"
        f"{entries}</feed>"
    ).encode()


class Site:
    """What the test server serves, and the log of what it was asked."""

    def __init__(self) -> None:
        self.base = ""
        self.requests: list[tuple[str, str]] = []  # (method, path)
        self.posts: list[dict] = []
        self.hook_failures = 0  # how many POSTs to /hook still get a 500
        self.flaky_failures = 1  # how many GETs of /flaky/3.html still get a 500
        self.lock = threading.Lock()

    def count(self, path: str) -> int:
        return sum(1 for method, p in self.requests if p == path and method == "GET")

    def route(self, handler: BaseHTTPRequestHandler) -> tuple[int, dict[str, str], bytes]:
        path = handler.path
        if path == "/robots.txt":
            return 200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n"
        if path.startswith("/a/"):
            index = int(path.removeprefix("/a/").removesuffix(".html"))
            return 200, {"Content-Type": "text/html; charset=utf-8"}, article_page(ARTICLES[index])
        if path == "/private/secret.html":
            return 200, {"Content-Type": "text/html; charset=utf-8"}, article_page(ARTICLES[0])
        if path == "/flaky/3.html":
            with self.lock:
                failing = self.flaky_failures > 0
                self.flaky_failures -= failing
            if failing:
                return 500, {}, b"oops"
            return 200, {"Content-Type": "text/html; charset=utf-8"}, article_page(ARTICLES[3])
        if path == "/english.html":
            return 200, {"Content-Type": "text/html"}, ENGLISH_PAGE
        if path == "/slow.html":
            time.sleep(SLOW_SECONDS)
            return 200, {"Content-Type": "text/html; charset=utf-8"}, article_page(ARTICLES[4])
        if path == "/always500":
            return 500, {}, b"down"
        if path == "/rss.xml":
            paths = ["/a/0.html", "/a/1.html", "/a/2.html", "/a/0.html", "/flaky/3.html"]
            return self.conditional(handler, rss(self.base, paths), "application/rss+xml")
        if path == "/atom.xml":
            body = atom(self.base, ["/a/4.html", "/english.html", "/private/secret.html"])
            if handler.headers.get("If-Modified-Since") == LAST_MODIFIED:
                return 304, {}, b""
            return (
                200,
                {"Content-Type": "application/atom+xml", "Last-Modified": LAST_MODIFIED},
                body,
            )
        if path == "/slow-feed.xml":
            return 200, {"Content-Type": "application/rss+xml"}, rss(self.base, ["/slow.html"])
        if path == "/broken.xml":
            return 200, {"Content-Type": "application/rss+xml"}, b"<<<not a feed at all & ]]>"
        if path == "/sitemap.xml":
            body = (
                '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/'
                f'sitemap/0.9"><url><loc>{self.base}/a/1.html</loc><lastmod>2023-12-09'
                f"</lastmod></url><url><loc>{self.base}/a/2.html</loc></url></urlset>"
            )
            return 200, {"Content-Type": "application/xml"}, body.encode()
        if path == "/news/":
            body = (
                '<html><body><a href="/news/">أخبار</a><a href="/about">من نحن</a>'
                '<a href="/a/0.html">خبر</a><a href="/a/4.html#top">خبر</a></body></html>'
            )
            return 200, {"Content-Type": "text/html; charset=utf-8"}, body.encode()
        return 404, {}, b"not found"

    def conditional(
        self, handler: BaseHTTPRequestHandler, body: bytes, kind: str
    ) -> tuple[int, dict[str, str], bytes]:
        etag = f'"{hash(body) & 0xFFFFFFFF:x}"'
        if handler.headers.get("If-None-Match") == etag:
            return 304, {"ETag": etag}, b""
        return 200, {"Content-Type": kind, "ETag": etag}, body


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        site: Site = self.server.site  # type: ignore[attr-defined]
        with site.lock:
            site.requests.append(("GET", self.path))
        status, headers, body = site.route(self)
        self.reply(status, headers, body)

    def do_POST(self) -> None:
        site: Site = self.server.site  # type: ignore[attr-defined]
        length = int(self.headers.get("Content-Length", 0))
        payload = self.rfile.read(length)
        with site.lock:
            site.requests.append(("POST", self.path))
            failing = site.hook_failures > 0
            site.hook_failures -= failing
            if not failing:
                site.posts.append(json.loads(payload))
        self.reply(500 if failing else 200, {}, b"{}")

    def reply(self, status: int, headers: dict[str, str], body: bytes) -> None:
        try:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (its timeout): nothing to answer

    def log_message(self, *args: object) -> None:
        pass  # keep test output quiet


@pytest.fixture()
def site() -> Iterator[Site]:
    """A fresh test site on a free loopback port, stopped after the test."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.site = Site()  # type: ignore[attr-defined]
    server.site.base = f"http://127.0.0.1:{server.server_address[1]}"  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.site  # type: ignore[attr-defined]
    finally:
        server.shutdown()
        server.server_close()


def config_for(site: Site, *paths: str, **settings) -> WatchConfig:
    sources = tuple(
        WatchSource(
            url=site.base + path,
            kind="sitemap" if "sitemap" in path else "listing" if path.endswith("/") else "feed",
            outlet="test outlet",
        )
        for path in paths
    )
    values = {"timeout": CLIENT_TIMEOUT, "retries": 1, "backoff": 0.01, "host_interval": 0.0}
    return WatchConfig(sources=sources, **(values | settings))


def config_fields(config: WatchConfig) -> dict:
    return {name: getattr(config, name) for name in WatchConfig.__dataclass_fields__}


@pytest.fixture()
def make_store(tmp_path: Path) -> Iterator[Callable[[str], Store]]:
    opened: list[Store] = []

    def make(name: str = "watch.db") -> Store:
        store = Store(str(tmp_path / name))
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


def snapshot(store: Store) -> tuple:
    """What a store holds, independent of when and in which order it was filled."""
    with store.engine.connect() as conn:
        docs = sorted(
            conn.execute(select(documents.c.id, documents.c.url, documents.c.duplicate_of)).all()
        )
    events = sorted((e.event.event_id, e.event.fatalities, len(e.sources)) for e in store.events())
    return docs, events


def article_gets(site: Site) -> Counter:
    return Counter(p for m, p in site.requests if m == "GET" and p.endswith(".html"))


def test_one_pass_ingests_each_article_once(site, make_store, pipeline):
    store = make_store()
    with Watcher(config_for(site, "/rss.xml", "/atom.xml"), store, pipeline) as watcher:
        report = watcher.run_pass()
    assert report.counts["new"] + report.counts["near-duplicate"] == 5, report
    assert report.counts["rejected"] == 1  # the English page
    assert report.counts["disallowed"] == 1
    assert report.errors == []
    gets = article_gets(site)
    assert gets.pop("/flaky/3.html") == 2  # a 500, then a retry that worked
    assert set(gets.values()) == {1}  # the item listed twice was fetched once
    assert "/private/secret.html" not in gets  # robots.txt
    assert site.count("/robots.txt") == 1
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(documents)).scalar() == 5
        rows = {r.url.removeprefix(site.base): r for r in conn.execute(select(watch_articles))}
    assert rows["/english.html"].status == "rejected"
    assert "not Arabic" in rows["/english.html"].detail
    stored = store.event  # the events are those of the sample reports
    assert store.events() and all(stored(e.event.event_id) for e in store.events())
    outlets = {e.sources[0].outlet for e in store.events()}
    assert outlets == {"test outlet"}


def test_second_pass_fetches_nothing(site, make_store, pipeline):
    store = make_store()
    with Watcher(config_for(site, "/rss.xml", "/atom.xml"), store, pipeline) as watcher:
        watcher.run_pass()
        before = snapshot(store)
        site.requests.clear()
        report = watcher.run_pass()
    assert report.counts["not-modified"] == 2  # ETag for the RSS, Last-Modified for the Atom
    assert article_gets(site) == Counter()
    assert snapshot(store) == before
    # A new process (fresh robots cache) sends the saved validators too.
    site.requests.clear()
    with Watcher(config_for(site, "/rss.xml", "/atom.xml"), store, pipeline) as watcher:
        assert watcher.run_pass().counts["not-modified"] == 2
    assert article_gets(site) == Counter()


def test_restart_in_the_middle_of_a_pass(site, make_store, pipeline):
    clean = make_store("clean.db")
    with Watcher(config_for(site, "/rss.xml", "/atom.xml"), clean, pipeline) as watcher:
        watcher.run_pass()
    site.requests.clear()
    site.flaky_failures = 1

    store = make_store("interrupted.db")
    done: list[str] = []

    def crash_after_two(url: str, status: str) -> None:
        done.append(url)
        if len(done) == 2:
            raise KeyboardInterrupt  # as if the process were stopped here

    config = config_for(site, "/rss.xml", "/atom.xml")
    with (
        pytest.raises(KeyboardInterrupt),
        Watcher(config, store, pipeline, on_article=crash_after_two) as watcher,
    ):
        watcher.run_pass()
    assert len(done) == 2
    with Watcher(config, store, pipeline) as watcher:
        report = watcher.run_pass()
    assert snapshot(store) == snapshot(clean)
    assert report.counts["new"] + report.counts["near-duplicate"] == 3
    gets = article_gets(site)
    assert gets.pop("/flaky/3.html") == 2
    assert set(gets.values()) == {1}, gets  # nothing fetched twice across the restart


def test_failures_are_contained_and_retried_next_pass(site, make_store, pipeline):
    store = make_store()
    config = config_for(site, "/slow-feed.xml", "/broken.xml", "/missing.xml", "/atom.xml")
    with Watcher(config, store, pipeline) as watcher:
        started = time.monotonic()
        report = watcher.run_pass()
        elapsed = time.monotonic() - started
        errors = "\n".join(report.errors)
        assert "/slow.html: ReadTimeout" in errors
        assert "/broken.xml: malformed feed" in errors
        assert "/missing.xml: HTTP 404" in errors
        assert report.counts["new"] == 1  # the Atom feed's Arabic article still came in
        assert elapsed < 2 * SLOW_SECONDS + 2  # two timed-out tries, not a hang
        # The slow article was not recorded: the next pass tries it again.
        assert site.count("/slow.html") == 2
        with store.engine.connect() as conn:
            urls = set(conn.execute(select(watch_articles.c.url)).scalars())
        assert site.base + "/slow.html" not in urls
        watcher.run_pass()
        assert site.count("/slow.html") == 4
        assert site.count("/slow-feed.xml") == 2  # no validators saved while incomplete


def test_sitemap_and_listing_sources(site, make_store, pipeline):
    store = make_store()
    config = config_for(site, "/sitemap.xml", "/news/")
    listing = WatchSource(url=site.base + "/news/", kind="listing", links=r"/a/\d+\.html")
    config = WatchConfig(**{**config_fields(config), "sources": (config.sources[0], listing)})
    with Watcher(config, store, pipeline) as watcher:
        report = watcher.run_pass()
    assert report.errors == []
    assert set(article_gets(site)) == {"/a/0.html", "/a/1.html", "/a/2.html", "/a/4.html"}
    assert report.counts["new"] + report.counts["near-duplicate"] == 4


def test_alerts_are_posted_once(site, make_store, pipeline):
    store = make_store()
    rules = (
        AlertRule(name="deadly-deir-ez-zor", admin1="deir-ez-zor", min_fatalities=4),
        AlertRule(name="islamic-state", actor="Islamic State"),
        AlertRule(name="near-mayadin", near=(35.0206, 40.4519), radius_km=15),
    )
    config = config_for(site, "/rss.xml", "/atom.xml", alerts=rules, webhook=site.base + "/hook")
    site.hook_failures = 2  # the first alert's POST fails twice (both tries): next pass
    with Watcher(config, store, pipeline) as watcher:
        first = watcher.run_pass()
        assert any("webhook: HTTP 500" in error for error in first.errors)
        second = watcher.run_pass()
        third = watcher.run_pass()
    assert first.counts["alerts"] > 0
    assert second.counts["alerts"] == third.counts["alerts"] == 0
    keys = [(post["rule"], post["event"]["event_id"]) for post in site.posts]
    assert len(keys) == len(set(keys)) == first.counts["alerts"]
    assert {rule for rule, _ in keys} == {rule.name for rule in rules}
    for post in site.posts:
        event = post["event"]
        assert not event["historical"]
        if post["rule"] == "deadly-deir-ez-zor":
            assert event["admin1"] == "Deir-ez-Zor" and event["fatalities"] >= 4
        if post["rule"] == "islamic-state":
            assert "Islamic State" in (event["actor1"] or "") + (event["actor2"] or "")
        if post["rule"] == "near-mayadin":
            assert distance_km((35.0206, 40.4519), (event["latitude"], event["longitude"])) <= 15
    with store.engine.connect() as conn:
        assert (
            conn.execute(
                select(func.count())
                .select_from(watch_alerts)
                .where(watch_alerts.c.posted_at.is_(None))
            ).scalar()
            == 0
        )


def test_fetcher_backs_off_and_paces_each_host(site):
    waits: list[float] = []
    fetcher = Fetcher(
        retries=2, backoff=0.5, host_interval=0.0, sleep=waits.append, timeout=CLIENT_TIMEOUT
    )
    with pytest.raises(FetchError, match="HTTP 500 after 3 attempt"):
        fetcher.get(site.base + "/always500")
    assert waits == [0.5, 1.0]
    fetcher.close()

    waits.clear()
    paced = Fetcher(
        host_interval=2.0, sleep=waits.append, clock=lambda: 100.0, timeout=CLIENT_TIMEOUT
    )
    paced.get(site.base + "/robots.txt")
    paced.get(site.base + "/robots.txt")
    assert waits == [2.0]
    assert paced.allowed(site.base + "/a/1.html")
    assert not paced.allowed(site.base + "/private/secret.html")
    paced.close()


def test_config_from_the_docs_example_loads(tmp_path):
    text = DOCS.read_text(encoding="utf-8")
    example = text.split("```toml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "watch.toml"
    path.write_text(example, encoding="utf-8")
    config = load_config(path)
    assert {s.kind for s in config.sources} == {"feed", "sitemap", "listing"}
    assert len(config.alerts) == 3 and config.webhook


@pytest.mark.parametrize(
    "data, message",
    [
        ({"source": [{"type": "feed"}]}, "url missing"),
        ({"source": [{"url": "ftp://x/feed"}]}, "not an http"),
        ({"source": [{"url": "http://x/feed", "type": "podcast"}]}, "type must be"),
        ({"source": [{"url": "http://x/feed", "colour": "red"}]}, "unknown key"),
        ({"alert": [{"name": "a"}]}, "at least one"),
        ({"alert": [{"near": [35, 40]}]}, "radius_km"),
        ({"watch": {"timeout": 0}}, "timeout"),
    ],
)
def test_bad_configs_are_named(data, message):
    with pytest.raises(ConfigError, match=message):
        parse_config(data)


def test_cli_watch_once(site, tmp_path, capsys):
    from rasad.cli import main

    config = tmp_path / "watch.toml"
    config.write_text(
        f"[watch]\ntimeout = {CLIENT_TIMEOUT}\nretries = 1\nbackoff = 0.01\n"
        f'host_interval = 0\n\n[[source]]\nurl = "{site.base}/atom.xml"\n'
        f'outlet = "Atom outlet"\n',
        encoding="utf-8",
    )
    db = tmp_path / "cli.db"
    argv = [
        "watch",
        "--config",
        str(config),
        "--feed",
        site.base + "/sitemap.xml",
        "--once",
        "--db",
        str(db),
    ]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "articles: 1 new" in out  # a --feed URL is read as a feed: the sitemap is not one
    assert main(argv) == 0
    assert "1 not modified" in capsys.readouterr().out


def test_run_polls_due_sources_and_stops(site, make_store, pipeline):
    import io

    store = make_store()
    status = io.StringIO()
    with Watcher(config_for(site, "/atom.xml"), store, pipeline) as watcher:
        watcher.run(status=status, max_passes=1)
        assert watcher.passes == 1
        assert "pass 1" in watcher.status_line() and "1 new" in watcher.status_line()
    # Just checked: a new watcher does not poll it again before its interval.
    with Watcher(config_for(site, "/atom.xml"), store, pipeline) as restarted:
        timer = threading.Timer(0.3, restarted.stop.set)
        timer.start()
        restarted.run(status=status)
        timer.join()
        assert restarted.passes == 0  # the source's interval (900 s) has not passed
    assert site.count("/atom.xml") == 1
