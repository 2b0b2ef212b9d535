"""Writes docs/dashboard.png: the dashboard over the sample reports, one event open.

Headless Debian chromium driven by Playwright for Python (no browser download):

    python scripts/screenshot_dashboard.py [--out docs/dashboard.png] [--lang en|ar]

The README shows both: `--lang ar --out docs/dashboard-ar.png` for the Arabic view.
"""

from __future__ import annotations

import argparse
import json
import shutil
import socket
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from rasad.api import create_app
from rasad.ingest import read_documents
from rasad.pipeline import Pipeline
from rasad.store import Store

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "dashboard.png")
    parser.add_argument("--lang", choices=["en", "ar"], default="en")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(Path(tmp) / "rasad.db"))
        for _ in store.ingest(
            read_documents([str(ROOT / "tests/fixtures/articles.jsonl")]), Pipeline()
        ):
            pass
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        server = uvicorn.Server(
            uvicorn.Config(
                create_app(store, write_token="", read_token=""),
                host="127.0.0.1",
                port=port,
                log_level="warning",
            )
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                    args=CHROMIUM_ARGS,
                )
                page = browser.new_page(
                    viewport={"width": 1600, "height": 1000}, device_scale_factor=1
                )
                page.add_init_script(f"localStorage.setItem('rasad.lang', '{args.lang}')")
                page.goto(f"http://127.0.0.1:{port}/")
                page.wait_for_selector("body[data-ready=true]")
                page.evaluate(f"openEvent({json.dumps(shown_event(port))})")
                page.wait_for_selector("#panel mark")
                page.wait_for_timeout(300)
                args.out.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(args.out))
                browser.close()
        finally:
            server.should_exit = True
            thread.join()
            store.close()
    print(f"{args.out}")


def shown_event(port: int) -> str:
    """The event opened in the panel: the deadliest report (not a background mention) that
    names both sides, so that actors, place and toll are all shown."""
    url = f"http://127.0.0.1:{port}/api/events?sort=-fatalities&limit=100"
    with urllib.request.urlopen(url) as response:
        events = json.load(response)["events"]
    return next((e["id"] for e in events if e["actor1"] and e["actor2"]), events[0]["id"])


if __name__ == "__main__":
    main()
