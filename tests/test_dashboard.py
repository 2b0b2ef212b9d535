"""The dashboard in a real browser: Debian's chromium, headless, driven by Playwright.

No browser is downloaded: Playwright is given chromium's executable. Without chromium these
tests fail (they do not skip): install it with `apt-get install -y chromium` (.ci/run does).
The browser has no network but the loopback: every other address goes to a proxy that is not
there and every host name fails to resolve, as on an analyst's machine without internet.
The page runs under the server's Content-Security-Policy, which forbids evaluating strings:
conditions to wait for are given as functions ("() => ..."), which Playwright does not eval.
"""

from __future__ import annotations

import json
import re
import shutil
import socket
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from rasad.api import create_app
from rasad.ingest import read_documents
from rasad.pipeline import Pipeline
from rasad.store import Store

SAMPLES = Path(__file__).parent / "fixtures" / "articles.jsonl"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    # No internet: requests go to a closed port (Chromium bypasses proxies for loopback
    # addresses, where the app is served) and no name resolves.
    "--proxy-server=127.0.0.1:9",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Iterator[str]:
    """The URL of the app, served by uvicorn in a thread over a store of the samples."""
    store = Store(str(tmp_path_factory.mktemp("dashboard") / "rasad.db"))
    for _ in store.ingest(read_documents([str(SAMPLES)]), pipeline):
        pass
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = create_app(store, write_token="", read_token="")
    uvicorn_server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=uvicorn_server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not uvicorn_server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    uvicorn_server.should_exit = True
    thread.join(5)
    store.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(executable).exists():
        pytest.fail(
            "chromium not found: the browser tests need Debian's chromium "
            "(apt-get install -y chromium); .ci/run installs it"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def watch(page: object, server: str) -> tuple[list[str], list[str]]:
    """The page's script errors and CSP violations, and the requests it sent elsewhere."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    # Whatever the Content-Security-Policy blocks is reported on the console: none may be.
    page.on(
        "console",
        lambda message: (
            errors.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    # Nothing may leave the machine: every request must go to the app itself.
    outside: list[str] = []
    page.on(
        "request",
        lambda request: (
            None
            if request.url.startswith(server) or request.url.startswith(("data:", "blob:"))
            else outside.append(request.url)
        ),
    )
    return errors, outside


@pytest.fixture
def page(browser: object, server: str) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    errors, outside = watch(page, server)
    page.goto(server + "/")
    page.wait_for_selector("body[data-ready=true]", timeout=15000)
    yield page
    assert not errors, errors
    assert not outside, outside
    context.close()


@pytest.fixture(scope="module")
def total(server: str) -> int:
    """How many events the samples gave: what the page must show with no filter."""
    with urllib.request.urlopen(server + "/api/events?limit=1") as response:
        return json.load(response)["total"]


@pytest.fixture(scope="module")
def battles(server: str) -> int:
    with urllib.request.urlopen(server + "/api/events?limit=1&event_type=Battles") as response:
        return json.load(response)["total"]


def shown_on_map(page: object) -> int:
    """How many events the map shows: single points plus the counts of clusters."""
    return page.evaluate("""() => document.querySelectorAll('#map path.event-point').length
        + [...document.querySelectorAll('#map .cluster')]
            .reduce((sum, node) => sum + Number(node.dataset.count), 0)""")


def api(server: str, path: str, **params: object) -> dict:
    query = urllib.parse.urlencode(params, doseq=True)
    with urllib.request.urlopen(f"{server}{path}?{query}") as response:
        return json.load(response)


def test_the_map_shows_the_sample_events(page: object, server: str, total: int) -> None:
    assert page.locator("#count").inner_text() == str(total)
    assert shown_on_map(page) == total
    assert page.locator("#map path").count() > 14  # the governorates are drawn, and points
    assert page.locator("#table tbody tr").count() == min(25, total)
    # A bar for each period that has events, at the length of period the page chose.
    timeline = api(server, "/api/stats", by=page.evaluate("() => state.period"))["timeline"]
    assert page.locator("#timeline rect.bar").count() == sum(p["events"] > 0 for p in timeline)


def test_a_filter_changes_the_count(page: object, total: int, battles: int) -> None:
    assert 0 < battles < total
    page.select_option("#f-type", "Battles")
    page.wait_for_function(f"() => document.querySelector('#count').textContent === '{battles}'")
    page.wait_for_function(f"() => document.querySelector('#map').dataset.located === '{battles}'")
    assert shown_on_map(page) == battles
    page.select_option("#f-admin1", "Homs")
    page.wait_for_function(f"() => document.querySelector('#count').textContent !== '{battles}'")
    assert int(page.locator("#count").inner_text()) < battles
    page.click("#reset")
    page.wait_for_function(f"() => document.querySelector('#count').textContent === '{total}'")


def test_brushing_the_timeline_filters_by_date(page: object, server: str, total: int) -> None:
    box = page.locator("#timeline").bounding_box()
    # The right fifth of the timeline: the latest reports only.
    page.mouse.move(box["x"] + box["width"] * 0.8, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] - 2, box["y"] + box["height"] / 2, steps=5)
    page.mouse.up()
    since, until = page.input_value("#f-since"), page.input_value("#f-until")
    assert since >= "2023-01-01" and until >= since
    expected = api(server, "/api/events", since=since, until=until, limit=1)["total"]
    assert 0 < expected < total
    page.wait_for_function(f"() => document.querySelector('#count').textContent === '{expected}'")
    # the map is drawn after the count: wait for it as the filter test does
    page.wait_for_function(f"() => document.querySelector('#map').dataset.located === '{expected}'")
    assert shown_on_map(page) == expected


def test_the_panel_shows_highlighted_arabic_evidence(page: object) -> None:
    page.locator("#table tbody tr").first.click()
    evidence = page.locator("#panel .evidence[dir=rtl]").first
    evidence.wait_for()
    assert evidence.locator("mark").count() >= 1
    text = evidence.inner_text()
    assert any("\u0600" <= ch <= "\u06ff" for ch in text)
    assert evidence.evaluate("node => getComputedStyle(node).direction") == "rtl"
    assert page.locator("#panel .source").count() >= 1


def test_clicking_a_point_on_the_map_opens_its_event(page: object) -> None:
    # Dispatched: a governorate label may lie over the point on a small map.
    page.locator("#map path.event-point").first.dispatch_event("click")
    page.locator("#panel .evidence mark").first.wait_for()
    assert page.locator("#panel h3").inner_text()


def test_the_interface_speaks_arabic(page: object) -> None:
    page.click("#lang")
    page.wait_for_function("() => document.documentElement.dir === 'rtl'")
    assert page.locator("[data-i18n=filters]").inner_text() == "التصفية"
    assert "معارك" in page.locator("#f-type").inner_text()


def test_the_browser_has_no_internet(browser: object) -> None:
    # What the offline tests rest on: an address beyond the loopback cannot be reached.
    context = browser.new_context()
    with pytest.raises(Exception, match="ERR_"):
        context.new_page().goto("http://example.com/", timeout=5000)
    context.close()


def test_the_api_docs_list_every_operation_offline(browser: object, server: str) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    errors, outside = watch(page, server)
    page.goto(server + "/docs")
    page.locator(".opblock").first.wait_for(timeout=15000)
    shown = {
        (
            block.locator(".opblock-summary-method").inner_text().lower(),
            block.locator(".opblock-summary-path").get_attribute("data-path"),
        )
        for block in page.locator(".opblock").all()
    }
    with urllib.request.urlopen(server + "/openapi.json") as response:
        described = json.load(response)
    assert shown == {
        (method, path) for path, operations in described["paths"].items() for method in operations
    }
    assert page.locator(".info .title").inner_text().startswith("rasad")
    assert not errors, errors
    assert not outside, outside
    context.close()


def test_head_requests_through_the_real_server(server: str) -> None:
    for path in ("/", "/docs", "/api/events?limit=2", "/api/stats"):
        with urllib.request.urlopen(urllib.request.Request(server + path, method="HEAD")) as head:
            assert head.status == 200 and head.read() == b"", path
            with urllib.request.urlopen(server + path) as got:
                assert head.headers["content-length"] == str(len(got.read())), path


# --- background mentions ------------------------------------------------------------------


def test_background_mentions_are_hidden_until_the_switch_shows_them_marked(
    page: object, server: str, total: int
) -> None:
    everything = api(server, "/api/stats", historical="include")
    recalled = everything["historical"]
    assert recalled["events"] > 0, "the samples must hold background mentions"
    news = api(server, "/api/stats")
    # By default: news only, in the totals, on the map and in the table.
    assert page.locator("#deaths").inner_text() == str(news["fatalities"])
    assert shown_on_map(page) == total
    assert page.locator("#table tbody tr.historical").count() == 0
    assert page.locator("#historical-count").inner_text() == f"({recalled['events']})"

    page.check("#f-historical")
    page.wait_for_function(
        f"() => document.querySelector('#count').textContent === '{everything['events']}'"
    )
    assert page.locator("#deaths").inner_text() == str(everything["fatalities"])
    note = page.locator("#historical-note").inner_text()
    assert str(recalled["events"]) in note and str(recalled["fatalities"]) in note
    located = api(server, "/api/map", zoom=16, historical="only")["located"]
    page.wait_for_function(
        f"() => document.querySelector('#map').dataset.located === "
        f"'{api(server, '/api/map', zoom=7, historical='include')['located']}'"
    )
    hollow = page.locator("#map path.event-point.historical").count()
    in_clusters = page.evaluate(
        "() => [...document.querySelectorAll('#map .cluster')]"
        ".reduce((sum, node) => sum + Number(node.dataset.historical), 0)"
    )
    assert hollow + in_clusters == located
    # The table marks each background mention it lists, and only those.
    page.click("#table th[data-sort=event_date]")  # oldest first: the recaps of 2019
    listed = api(server, "/api/events", historical="include", sort="event_date", limit=25)
    first = listed["events"][0]["id"]
    page.wait_for_function(
        f"() => document.querySelector('#table tbody tr').dataset.id === {json.dumps(first)}"
    )
    rows = page.locator("#table tbody tr")
    for i in range(rows.count()):
        row = rows.nth(i)
        marked = "historical" in (row.get_attribute("class") or "")
        assert marked == (row.locator(".historical-tag").count() == 1)
    assert [r.get_attribute("data-id") for r in rows.all()] == [e["id"] for e in listed["events"]]
    assert sum("historical" in (r.get_attribute("class") or "") for r in rows.all()) == sum(
        e["historical"] for e in listed["events"]
    )
    # Its panel says what it is.
    page.locator("#table tbody tr.historical").first.click()
    page.locator("#panel .historical-banner").wait_for()

    page.uncheck("#f-historical")
    page.wait_for_function(f"() => document.querySelector('#count').textContent === '{total}'")
    assert page.locator("#historical-note").inner_text() == ""


# --- the Arabic view --------------------------------------------------------------------------

LATIN = re.compile("[A-Za-z]")
ARABIC = re.compile("[\u0621-\u064a]")


def arabic(page: object) -> None:
    page.click("#lang")
    page.wait_for_function("() => document.documentElement.dir === 'rtl'")
    page.wait_for_function(
        "() => /[\u0621-\u064a]/.test(document.querySelector('#table td.actor').textContent)"
    )


def test_the_arabic_view_names_actors_in_arabic_and_writes_arabic_notes(
    page: object, server: str
) -> None:
    arabic(page)
    names = {row["actor"]: row["name_ar"] for row in api(server, "/api/actors")["actors"]}
    cells = page.locator("#table td.actor")
    shown = [cells.nth(i).inner_text() for i in range(cells.count())]
    assert any(shown)
    for text in filter(None, shown):
        assert ARABIC.search(text) and not LATIN.search(text), text
    # Each is the display name of the ACLED actor its cell stands for (in its title).
    for i in range(cells.count()):
        actor = cells.nth(i).get_attribute("title")
        if actor:
            assert " ".join(shown[i].split()) == names[actor]
    # The panel: actors in Arabic (ACLED's name beside), the notes an Arabic sentence.
    page.locator("#table tbody tr").first.click()
    notes = page.locator("#panel .notes")
    notes.wait_for()
    assert notes.get_attribute("dir") == "rtl"
    assert ARABIC.search(notes.inner_text()) and not LATIN.search(notes.inner_text())
    actors = page.locator("#panel dd .latin")
    assert actors.count() >= 1 and actors.first.inner_text() in names
    # The summary's actors too.
    page.click("#reset")
    page.locator("#panel .bars").last.wait_for()
    for label in page.locator("#panel .bars").last.locator("li > span:first-child").all():
        assert not LATIN.search(label.inner_text()), label.inner_text()


def test_the_date_fields_follow_the_interface_language(page: object, server: str) -> None:
    since = page.locator("#f-since")
    assert since.get_attribute("placeholder").startswith("e.g.")
    arabic(page)
    assert ARABIC.search(since.get_attribute("placeholder"))
    assert since.evaluate("node => getComputedStyle(node).direction") == "rtl"
    since.fill("٢٠٢٣-١٢-٠١")  # Arabic-Indic digits, as an Arabic keyboard types them
    since.dispatch_event("change")
    expected = api(server, "/api/events", since="2023-12-01", limit=1)["total"]
    page.wait_for_function(f"() => document.querySelector('#count').textContent === '{expected}'")
    assert since.input_value() == "2023-12-01"
    assert page.locator("#f-since-words").inner_text() == "1 كانون الأول 2023"
    page.click("#lang")  # back to English: the words follow
    page.wait_for_function("() => document.documentElement.dir === 'ltr'")
    assert page.locator("#f-since-words").inner_text() == "1 December 2023"
    since.fill("31/02/2023")
    since.dispatch_event("change")
    assert since.get_attribute("aria-invalid") == "true"
    assert page.locator("#f-since-words").inner_text().startswith("Not a date")


def visible_labels(page: object) -> dict[str, dict[str, float]]:
    return page.evaluate("""() => Object.fromEntries(
        [...document.querySelectorAll('#map .gov-label')]
            .filter((node) => node.style.visibility !== 'hidden')
            .map((node) => {
                const box = node.getBoundingClientRect();
                return [node.textContent,
                        {left: box.left, right: box.right, top: box.top, bottom: box.bottom}];
            }))""")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_governorate_names_do_not_overlap(page: object, language: str) -> None:
    if language == "ar":
        arabic(page)
    labels = visible_labels(page)
    damascus, rural = ("Damascus", "Rural Damascus") if language == "en" else ("دمشق", "ريف دمشق")
    assert {damascus, rural} <= set(labels), labels
    boxes = list(labels.items())
    for i, (name, a) in enumerate(boxes):
        for other, b in boxes[i + 1 :]:
            apart = (
                a["right"] <= b["left"]
                or b["right"] <= a["left"]
                or a["bottom"] <= b["top"]
                or b["bottom"] <= a["top"]
            )
            assert apart, (name, other)
