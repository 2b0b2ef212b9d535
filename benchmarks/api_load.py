"""API under load: concurrent clients on ``GET /api/events`` over 100k events, during an ingest.

A SQLite store is filled with synthetic events (``api_latency.fill``: bulk inserts, a few
seconds for 100k), ``rasad serve`` is started on it in a subprocess on a free loopback port,
then ``--clients`` clients (asyncio, one keep-alive connection each) ask for pages of
``/api/events`` with varied filters for ``--seconds``, while ``rasad ingest`` adds real Arabic
articles (the bundled samples and reports of the ANT corpus in benchmarks/data) to the same
database in another subprocess. Every answer must be a 200 with a page of events; anything
else (a 5xx, a refused or dropped connection, a timeout) is an error. Figures: latency per
request (p50, p99, max, wall clock as a client sees it), requests per second, and the ingest's
duration and summary. Everything has a hard time limit; the subprocesses are killed at the end
whatever happens. tests/test_load.py runs this with its defaults and asserts zero errors.

Run: .venv/bin/python benchmarks/api_load.py [--events 100000] [--clients 50] [--seconds 30]
     [--articles 200]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gzip
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from api_latency import QUERIES, fill  # noqa: E402

SAMPLES = ROOT / "tests" / "fixtures" / "articles.jsonl"
CORPUS = ROOT / "benchmarks" / "data" / "ant-corpus.jsonl.gz"
# What the clients ask for, in turn: api_latency's analyst queries (the first page, a month,
# a governorate, a type, an actor, deadly events, a map box, a combination, another sort, a
# deep page), text searches in both languages, and pages of the events the ingest adds.
LOAD_QUERIES = [
    *QUERIES.values(),
    {"q": "Mayadin"},
    {"q": "الميادين"},
    {"admin1": ["Homs", "Hama"], "sort": "-n_sources"},
    {"since": "2023-01-01", "limit": 100},
    {"historical": "exclude", "min_fatalities": 1, "sort": "fatalities", "offset": 500},
]
CLI = "import sys; from rasad.cli import main; sys.exit(main())"


@dataclass
class LoadReport:
    """What a load run measured."""

    clients: int
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)  # ms, of successful requests
    errors: list[str] = field(default_factory=list)
    ingest_returncode: int | None = None
    ingest_output: str = ""
    ingest_started: float = 0.0  # seconds after the load started
    ingest_finished: float = 0.0
    store_events: int = 0  # events the server lists at the end
    build_seconds: float = 0.0

    @property
    def requests(self) -> int:
        return len(self.latencies) + len(self.errors)

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        lines = [
            f"{self.clients} clients for {self.seconds:.1f} s: {self.requests} requests, "
            f"{len(self.errors)} errors, {self.throughput:.0f} requests/s",
        ]
        if self.latencies:
            lines.append(
                f"latency ms: p50 {self.percentile(50):.0f}, p90 {self.percentile(90):.0f}, "
                f"p99 {self.percentile(99):.0f}, max {max(self.latencies):.0f}, "
                f"mean {statistics.fmean(self.latencies):.0f}"
            )
        lines.append(
            f"ingest: exit {self.ingest_returncode}, from {self.ingest_started:.1f} s to "
            f"{self.ingest_finished:.1f} s of the load; {self.ingest_output.strip()}"
        )
        lines.extend(f"error: {error}" for error in self.errors[:10])
        return "\n".join(lines)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def build_store(db: Path, events: int) -> None:
    """A SQLite store at ``db`` holding ``events`` synthetic events (api_latency's)."""
    from rasad.store import Store

    with Store(str(db)) as store:
        fill(store, events)


def write_articles(path: Path, count: int) -> int:
    """``count`` real Arabic articles as JSONL: the five samples, then the ANT corpus."""
    lines = SAMPLES.read_text(encoding="utf-8").splitlines()
    with gzip.open(CORPUS, "rt", encoding="utf-8") as corpus:
        for line in corpus:
            if len(lines) >= count:
                break
            lines.append(line.rstrip("\n"))
    path.write_text("\n".join(lines[:count]) + "\n", encoding="utf-8")
    return min(count, len(lines))


def _environment() -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for name in ("RASAD_DB", "RASAD_READ_TOKEN", "RASAD_WRITE_TOKEN", "RASAD_TILE_URL"):
        env.pop(name, None)
    return env


@contextlib.contextmanager
def serve(db: Path, log: Path, *, start_timeout: float = 20.0) -> Iterator[str]:
    """``rasad serve`` on ``db`` in a subprocess: its base URL while the block runs."""
    import httpx

    port = free_port()
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-c", CLI, "-q", "serve", "--db", str(db), "--port", str(port)],
            stdout=output,
            stderr=subprocess.STDOUT,
            env=_environment(),
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + start_timeout
            while True:
                if process.poll() is not None:
                    raise RuntimeError(f"rasad serve exited: {log.read_text(errors='replace')}")
                with contextlib.suppress(httpx.HTTPError):
                    if httpx.get(base + "/api/config", timeout=1).status_code == 200:
                        break
                if time.monotonic() > deadline:
                    raise RuntimeError("rasad serve did not answer in time")
                time.sleep(0.1)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5)


async def _client(
    base: str, number: int, stop_at: float, report: LoadReport, timeout: float
) -> None:
    import httpx

    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    async with httpx.AsyncClient(base_url=base, timeout=timeout, limits=limits) as client:
        turn = number  # each client starts at its own place in the list of queries
        while time.monotonic() < stop_at:
            params = LOAD_QUERIES[turn % len(LOAD_QUERIES)]
            turn += 1
            started = time.perf_counter()
            try:
                response = await client.get("/api/events", params=params)
                elapsed = (time.perf_counter() - started) * 1000
                if response.status_code != 200:
                    report.errors.append(f"{response.status_code} {params}: {response.text[:200]}")
                    continue
                body = response.json()
                if not isinstance(body.get("events"), list) or "total" not in body:
                    report.errors.append(f"malformed answer to {params}: {response.text[:200]}")
                    continue
                report.latencies.append(elapsed)
            except (httpx.HTTPError, ValueError) as error:
                report.errors.append(f"{type(error).__name__} {params}: {error}")


async def _watch(ingest: subprocess.Popen, started: float, report: LoadReport) -> None:
    """Notes when the ingest ends, to the fifth of a second."""
    while ingest.poll() is None:
        await asyncio.sleep(0.2)
    report.ingest_returncode = ingest.returncode
    report.ingest_finished = time.monotonic() - started


async def _load(
    base: str,
    clients: int,
    seconds: float,
    report: LoadReport,
    request_timeout: float,
    ingest: subprocess.Popen,
    started: float,
) -> None:
    watcher = asyncio.create_task(_watch(ingest, started, report))
    stop_at = started + seconds
    tasks = [
        asyncio.create_task(_client(base, number, stop_at, report, request_timeout))
        for number in range(clients)
    ]
    # A hard limit: a request still hanging after the last timeout is an error, not a hang.
    done, pending = await asyncio.wait(tasks, timeout=seconds + request_timeout + 5)
    report.seconds = time.monotonic() - started
    for task in pending:
        task.cancel()
        report.errors.append("a client did not finish in time")
    for task in done:
        if task.exception() is not None:
            report.errors.append(f"client crashed: {task.exception()!r}")
    watcher.cancel()


def run(
    workdir: Path,
    *,
    events: int = 100_000,
    clients: int = 50,
    seconds: float = 30.0,
    articles: int = 200,
    ingest_timeout: float = 60.0,
    request_timeout: float = 30.0,
) -> LoadReport:
    """Builds the store in ``workdir``, serves it, loads it during an ingest; the figures."""
    import httpx

    report = LoadReport(clients=clients)
    db = workdir / "load.db"
    started = time.perf_counter()
    build_store(db, events)
    report.build_seconds = time.perf_counter() - started
    feed = workdir / "articles.jsonl"
    write_articles(feed, articles)

    with serve(db, workdir / "serve.log") as base:
        ingest_log = workdir / "ingest.log"
        with ingest_log.open("wb") as output:
            load_started = time.monotonic()
            ingest = subprocess.Popen(
                [sys.executable, "-c", CLI, "ingest", str(feed), "--db", str(db)],
                stdout=output,
                stderr=subprocess.STDOUT,
                env=_environment(),
            )
            report.ingest_started = time.monotonic() - load_started
            try:
                asyncio.run(
                    _load(base, clients, seconds, report, request_timeout, ingest, load_started)
                )
                if report.ingest_returncode is None:  # still running when the load ended
                    left = max(1.0, ingest_timeout - (time.monotonic() - load_started))
                    try:
                        report.ingest_returncode = ingest.wait(left)
                    except subprocess.TimeoutExpired:
                        report.errors.append(f"the ingest did not finish in {ingest_timeout:.0f} s")
                    report.ingest_finished = time.monotonic() - load_started
            finally:
                if ingest.poll() is None:
                    ingest.kill()
                    ingest.wait(5)
        report.ingest_output = ingest_log.read_text(encoding="utf-8", errors="replace")
        # The server still answers, and sees what the ingest wrote.
        every = {"limit": 1, "historical": "include"}  # background mentions are events too
        body = httpx.get(base + "/api/events", params=every, timeout=10).json()
        report.store_events = body["total"]
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--articles", type=int, default=200, help="articles the ingest adds")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        report = run(
            Path(tmp),
            events=args.events,
            clients=args.clients,
            seconds=args.seconds,
            articles=args.articles,
        )
    print(f"{args.events:,} events written in {report.build_seconds:.1f} s")
    print(report.summary())
    print(f"events listed after the ingest: {report.store_events:,}")


if __name__ == "__main__":
    main()
