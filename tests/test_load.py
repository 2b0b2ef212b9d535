"""Load (issue #8, part 4): 50 clients for 30 s on /api/events over 100k events, during an ingest.

Runs benchmarks/api_load.py (which prints the same figures): a SQLite store of 100k synthetic
events built by bulk inserts, `rasad serve` on it in a subprocess on a free loopback port,
and 50 concurrent clients asking for pages of `/api/events` with varied filters for 30 s while
`rasad ingest` adds 200 real Arabic articles to the same database in another subprocess.
Every request must succeed: no 5xx, no refused, dropped or timed-out connection, no "database
is locked". The run stops by itself: the load after 30 s (and a hard limit for requests in
flight), the ingest after 60 s at most, the server when the run ends, whatever happens.
About 45 s in all.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import time
from pathlib import Path
from types import ModuleType

BENCHMARK = Path(__file__).resolve().parent.parent / "benchmarks" / "api_load.py"
EVENTS, CLIENTS, SECONDS, ARTICLES = 100_000, 50, 30.0, 200


def _api_load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("api_load", BENCHMARK)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("api_load", module)
    spec.loader.exec_module(module)
    return module


def test_fifty_clients_for_thirty_seconds_while_an_ingest_runs(tmp_path: Path) -> None:
    started = time.monotonic()
    report = _api_load().run(
        tmp_path, events=EVENTS, clients=CLIENTS, seconds=SECONDS, articles=ARTICLES
    )
    print(f"\n{EVENTS:,} events built in {report.build_seconds:.1f} s\n{report.summary()}")

    assert report.errors == [], report.summary()
    # Every client was answered, again and again.
    assert report.requests >= 2 * CLIENTS
    assert SECONDS <= report.seconds < SECONDS + 35
    # The ingest ran during the load and finished well.
    assert report.ingest_returncode == 0, report.ingest_output
    counts = re.search(
        r"documents: (\d+) new, (\d+) duplicate .*, (\d+) failed", report.ingest_output
    )
    assert counts, report.ingest_output
    new, duplicate, failed = (int(n) for n in counts.groups())
    assert (new + duplicate, failed) == (ARTICLES, 0)
    assert report.ingest_started < 1 < report.ingest_finished
    # The server answers after it, and lists what the ingest added.
    assert report.store_events > EVENTS
    assert report.percentile(50) <= report.percentile(99)
    assert time.monotonic() - started < 150
