"""Store throughput: articles/s into SQLite and PostgreSQL, and resolution cost as the store grows.

1. Ingest: the ANT corpus (``benchmarks/data/ant-corpus.jsonl.gz``, 1,407 real Arabic
   articles) plus the five sample reports, extracted once, then timed through
   ``Store.add`` into a fresh SQLite file and, when ``--postgres URL`` is given (or a Debian
   PostgreSQL is found and started), a fresh PostgreSQL database.
2. Resolution: ``rasad.dedup.resolve_all`` over 10k and 100k synthetic accounts of events
   (Syrian governorates, about three a day, half of them retold by a second outlet);
   time per account must stay flat as the number grows: near-linear, never quadratic. Then
   the same with one joined event in a hundred split by an analyst (``apart=``), as
   ``rasad split`` leaves them: the split accounts must stay apart at no extra cost.
   ``--store-sizes`` also times ``Store.add`` of synthetic documents as a SQLite store
   grows (per document, at each size), then ``Store.split`` of 20 of its joined events.

Run: .venv/bin/python benchmarks/ingest_throughput.py [--postgres URL] [--sizes 10000 100000]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from api_latency import GOVERNORATES  # noqa: E402  (the same points for both stores)


def load_documents() -> list:
    from rasad.ingest import document_from_record
    from rasad.pipeline import Pipeline

    with gzip.open(HERE / "data" / "ant-corpus.jsonl.gz", "rt", encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    with open(ROOT / "tests" / "fixtures" / "articles.jsonl", encoding="utf-8") as handle:
        records += [json.loads(line) for line in handle]
    pipeline = Pipeline()
    docs = []
    for record in records:
        try:
            docs.append(pipeline(document_from_record(record, origin="bench")))
        except Exception:  # a record the reader refuses is not what this measures
            continue
    return docs


def time_ingest(url: str, docs: list) -> tuple[float, int]:
    """Seconds to add ``docs`` to a fresh store at ``url``, and the events stored."""
    from rasad.store import Store

    with Store(url) as store:
        began = time.perf_counter()
        for doc in docs:
            store.add(doc)
        elapsed = time.perf_counter() - began
        return elapsed, store.counts()["events"]


def synthetic_sources(count: int, seed: int = 7) -> list:
    """``count`` accounts: events, half of them told again by another outlet.

    The days spanned grow with ``count`` (about three accounts a day over nine
    governorates), as a store grows over time: density stays that of a real feed.
    """
    from rasad.dedup import Source
    from rasad.model import Event

    rng = random.Random(seed)
    start = date(2021, 1, 1)
    accounts = []
    names = list(GOVERNORATES)
    while len(accounts) < count:
        n = len(accounts)
        admin1 = rng.choice(names)
        lat, lon = GOVERNORATES[admin1]
        lat, lon = lat + rng.uniform(-0.4, 0.4), lon + rng.uniform(-0.4, 0.4)
        day = (start + timedelta(days=rng.randrange(max(30, count // 3)))).isoformat()
        killed = rng.randrange(0, 9)
        for outlet in range(1 + (rng.random() < 0.5)):
            event = Event(
                f"doc{n}-{outlet}",
                "Battles",
                "Armed clash",
                event_id=f"doc{n}-{outlet}-e",
                event_date=day,
                time_precision=1,
                actor1="Islamic State (Syria)",
                actor2="Military Forces of Syria (2000-2024)",
                location=f"place{n}",
                admin1=admin1,
                latitude=lat,
                longitude=lon,
                geo_precision=1,
                fatalities=max(0, killed - outlet),
            )
            accounts.append(Source.of(event))
    return accounts[:count]


def time_resolution(sizes: list[int]) -> None:
    from rasad.dedup import kept_apart, resolve_all

    for size in sizes:
        accounts = synthetic_sources(size)
        began = time.perf_counter()
        events = resolve_all(accounts)
        elapsed = time.perf_counter() - began
        print(
            f"resolution of {size:>7,} accounts: {elapsed:6.2f} s, "
            f"{elapsed / size * 1e6:6.1f} µs per account, {len(events):,} events"
        )
        # One joined event in a hundred split by an analyst: its last account kept apart.
        joined = [e for e in events if len(e.sources) > 1][::100]
        pairs = [(e.sources[-1].source_id, e.sources[0].source_id) for e in joined]
        began = time.perf_counter()
        apart_events = resolve_all(accounts, apart=kept_apart(pairs))
        elapsed = time.perf_counter() - began
        assert len(apart_events) == len(events) + len(pairs)
        print(
            f"  with {len(pairs):>5,} splits kept apart: {elapsed:6.2f} s, "
            f"{elapsed / size * 1e6:6.1f} µs per account, {len(apart_events):,} events"
        )


def time_store_growth(sizes: list[int]) -> None:
    """Per-document add time into SQLite as the store grows to each of ``sizes``."""
    from rasad.model import Document
    from rasad.store import Store

    accounts = synthetic_sources(max(sizes))
    by_doc: dict[str, list] = {}
    for account in accounts:
        by_doc.setdefault(account.doc_id, []).append(account.event)
    with tempfile.TemporaryDirectory() as folder, Store(f"{folder}/growth.db") as store:
        added = 0
        for size in sorted(sizes):
            began, batch = time.perf_counter(), 0
            for doc_id, events in list(by_doc.items())[added:size]:
                doc = Document(id=doc_id, text=f"تقرير {doc_id} " * 40, events=events)
                store.add(doc)
                batch += 1
            added = size
            elapsed = time.perf_counter() - began
            print(
                f"store grown to {size:>7,} documents: "
                f"{elapsed / max(batch, 1) * 1e3:6.2f} ms per document added"
            )
        joined = [e for e in store.events() if len(e.sources) > 1][:20]
        began = time.perf_counter()
        for stored in joined:
            store.split(stored.event.event_id, stored.sources[-1].source_event_id)
        elapsed = time.perf_counter() - began
        print(
            f"split of {len(joined)} joined events in that store: "
            f"{elapsed / max(len(joined), 1) * 1e3:6.2f} ms per split"
        )


def start_postgres(folder: str) -> tuple[str, object] | None:
    """A throwaway Debian PostgreSQL (as in tests/conftest.py): its URL and a stop function."""
    import glob
    import os
    import shutil
    import socket
    import subprocess

    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        return None
    bin_dir = Path(found[-1]).parent
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_user:
        shutil.chown(folder, "postgres")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    data = f"{folder}/data"
    subprocess.run(
        [*as_user, str(bin_dir / "initdb"), "-D", data, "-U", "rasad", "--auth=trust", "--no-sync"],
        check=True,
        capture_output=True,
        cwd=folder,
    )
    subprocess.run(
        [
            *as_user,
            str(bin_dir / "pg_ctl"),
            "-D",
            data,
            "-l",
            f"{folder}/log",
            "-w",
            "-o",
            f"-p {port} -k {folder} -c listen_addresses=127.0.0.1",
            "start",
        ],
        check=True,
        capture_output=True,
        cwd=folder,
    )

    def stop() -> None:
        subprocess.run(
            [*as_user, str(bin_dir / "pg_ctl"), "-D", data, "-w", "stop"],
            capture_output=True,
            cwd=folder,
        )

    return f"postgresql+psycopg://rasad@127.0.0.1:{port}/postgres", stop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", help="a PostgreSQL URL to an empty database")
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=[10_000, 100_000],
        help="numbers of synthetic accounts to resolve",
    )
    parser.add_argument(
        "--store-sizes",
        type=int,
        nargs="*",
        default=[],
        help="also time Store.add as a SQLite store grows to these sizes",
    )
    args = parser.parse_args()

    docs = load_documents()
    print(f"corpus: {len(docs)} articles, {sum(len(d.events) for d in docs)} extracted events")
    with tempfile.TemporaryDirectory() as folder:
        elapsed, stored = time_ingest(f"{folder}/bench.db", docs)
        print(f"ingest into SQLite: {len(docs) / elapsed:.0f} articles/s ({stored} events)")
    stop = None
    url = args.postgres
    folder = tempfile.mkdtemp(prefix="rasad-bench-pg-")
    if url is None:
        started = start_postgres(folder)
        if started is not None:
            url, stop = started
    if url:
        try:
            elapsed, stored = time_ingest(url, docs)
            print(f"ingest into PostgreSQL: {len(docs) / elapsed:.0f} articles/s ({stored} events)")
        finally:
            if stop is not None:
                stop()
    else:
        print("ingest into PostgreSQL: skipped (no --postgres and no Debian PostgreSQL)")
    time_resolution(args.sizes)
    if args.store_sizes:
        time_store_growth(args.store_sizes)


if __name__ == "__main__":
    main()
