"""Exports from the API stream in constant memory, and only so many run at once (issue #16, 8).

Six concurrent GeoJSON exports of 100k events once took the server to 1.4 GB, and it kept
1.2 GB after: each export was built whole in memory before it was sent. Here `rasad serve`
runs in a subprocess on a store of synthetic events (benchmarks/api_latency.py's), as many
clients as it streams at once (`MAX_EXPORTS`) download the whole store as GeoJSON together,
and the server's resident memory is sampled all along: it must grow by a small fraction of
what the exports send. One more export while they run is a 503 with Retry-After; a client
that hangs up gives its slot back.
"""

from __future__ import annotations

import importlib.util
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import psutil

from rasad.api import MAX_EXPORTS

ROOT = Path(__file__).resolve().parent.parent
EVENTS = 20_000
MB = 1024 * 1024


def fill_store(db: Path, events: int) -> None:
    spec = importlib.util.spec_from_file_location(
        "api_latency", ROOT / "benchmarks" / "api_latency.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    from rasad.store import Store

    with Store(str(db)) as store:
        module.fill(store, events)


@contextmanager
def serve(db: Path) -> Iterator[tuple[str, psutil.Process]]:
    """`rasad serve` on ``db``: its URL and its process, while the block runs."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code = "import sys; from rasad.cli import main; sys.exit(main())"
    server = subprocess.Popen(
        [sys.executable, "-c", code, "-q", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            assert server.poll() is None, "rasad serve exited"
            try:
                httpx.get(base + "/api/config", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "rasad serve did not start"
                time.sleep(0.2)
        yield base, psutil.Process(server.pid)
    finally:
        server.terminate()
        server.wait(10)


def heap(process: psutil.Process) -> int:
    """The process's resident memory that is not a file's pages: the readers map the SQLite
    file into memory (shared with the OS's cache, and bounded by the file), which RSS counts."""
    memory = process.memory_info()
    return memory.rss - memory.shared


def test_exports_stream_in_constant_memory_a_bounded_number_at_once(tmp_path: Path) -> None:
    db = tmp_path / "big.db"
    fill_store(db, EVENTS)
    with serve(db) as (base, server):
        url = base + "/api/events.geojson"
        # Warm up: the export code and a first batch read, so that what follows is the
        # exports themselves.
        assert httpx.get(url, params={"admin1": "Homs", "since": "2023-06-01"}).status_code == 200
        baseline = heap(server)

        started = threading.Barrier(MAX_EXPORTS + 1)
        sizes: list[int] = []
        features: list[int] = []

        def download() -> None:
            with httpx.stream("GET", url, timeout=120) as answer:
                assert answer.status_code == 200
                chunks = answer.iter_bytes()
                first = next(chunks)
                started.wait(60)  # every export is under way before the one too many
                body = [first, *chunks]
            sizes.append(sum(map(len, body)))
            features.append(b"".join(body).count(b'"type": "Feature"'))

        clients = [threading.Thread(target=download) for _ in range(MAX_EXPORTS)]
        for client in clients:
            client.start()
        started.wait(60)
        refused = httpx.get(url, params={"admin1": "Homs"})
        assert refused.status_code == 503, refused.text
        assert refused.headers["retry-after"]
        peak = baseline
        while any(client.is_alive() for client in clients):
            peak = max(peak, heap(server))
            time.sleep(0.05)
        for client in clients:
            client.join()

        assert features == [EVENTS] * MAX_EXPORTS
        sent = sum(sizes)
        growth = peak - baseline
        print(
            f"\n{MAX_EXPORTS} exports of {EVENTS:,} events, {sent / MB:.0f} MB sent: server "
            f"{baseline / MB:.0f} MB before, {peak / MB:.0f} MB at most "
            f"(+{growth / MB:.0f} MB), {heap(server) / MB:.0f} MB after"
        )
        # Built in memory, each export held its whole text, a copy and its encoding: several
        # times what it sends. Streamed, it holds the ids of its events (some 70 bytes each)
        # and one batch of 500 events (+19 MB here, +29 MB for 60k events each).
        assert growth < sent / 2, f"+{growth / MB:.0f} MB for {sent / MB:.0f} MB sent"

        # Clients that hang up after the first chunk give their slots back.
        for _ in range(MAX_EXPORTS):
            with httpx.stream("GET", url, timeout=60) as answer:
                assert answer.status_code == 200
                next(answer.iter_bytes())
        deadline = time.monotonic() + 20
        while httpx.get(url, params={"admin1": "Homs"}).status_code == 503:
            assert time.monotonic() < deadline, "the slots of clients that hung up stay taken"
            time.sleep(0.2)
