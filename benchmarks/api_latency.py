"""API latency: p50/p95 of ``GET /api/events`` (and the dashboard's other reads) over 100k events.

A fresh SQLite store is filled with synthetic events written straight into its tables with
SQLAlchemy Core (extraction is not what is measured): nine governorates, seven years of days,
ACLED types and sub-types, a dozen actors, fatalities mostly 0 with a long tail. Each query
then runs in-process through the ASGI app (httpx via Starlette's TestClient, no network),
after one warm-up call, ``--repeat`` times; the figures are wall-clock per request,
serialisation included.

Run: .venv/bin/python benchmarks/api_latency.py [--events 100000] [--repeat 40]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import sys
import tempfile
import time
import warnings
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GOVERNORATES = {  # name: (latitude, longitude) of a point inside it
    "Deir-ez-Zor": (35.33, 40.14),
    "Ar-Raqqa": (35.95, 39.01),
    "Aleppo": (36.2, 37.16),
    "Idleb": (35.93, 36.63),
    "Homs": (34.73, 36.71),
    "Dar'a": (32.62, 36.1),
    "Al-Hasakeh": (36.5, 40.75),
    "Hama": (35.13, 36.75),
    "Lattakia": (35.52, 35.79),
}
TYPES = {
    "Battles": ["Armed clash", "Non-state actor overtakes territory"],
    "Explosions/Remote violence": [
        "Shelling/artillery/missile attack",
        "Air/drone strike",
        "Remote explosive/landmine/IED",
    ],
    "Violence against civilians": ["Attack", "Abduction/forced disappearance"],
    "Strategic developments": ["Change to group/activity", "Arrests"],
    "Protests": ["Peaceful protest"],
}
ACTORS = [
    "Islamic State (Syria)",
    "Military Forces of Syria (2000-2024)",
    "Hayat Tahrir al Sham",
    "SDF: Syrian Democratic Forces",
    "NDF: National Defence Forces",
    "Liwa al Quds",
    "Military Forces of Russia (2000-)",
    "Military Forces of Turkey (2016-)",
    "Unidentified Armed Group (Syria)",
    "Civilians (Syria)",
    "Protesters (Syria)",
    "Military Forces of Iran (1989-)",
]
# What an analyst asks for: the first page, a month, a governorate, a type, an actor, a
# deadly-events view, the map's box, a combination, another sort, a deep page.
QUERIES = {
    "first page": {},
    "one month": {"since": "2022-03-01", "until": "2022-03-31"},
    "governorate": {"admin1": "Deir-ez-Zor"},
    "event type": {"event_type": "Battles"},
    "actor": {"actor": "islamic state"},
    "min fatalities": {"min_fatalities": 10},
    "bounding box": {"bbox": "39.5,34.5,41.5,36.0"},
    "combined": {
        "admin1": "Deir-ez-Zor",
        "event_type": "Battles",
        "since": "2021-01-01",
        "min_fatalities": 1,
    },
    "sort by deaths": {"sort": "-fatalities"},
    "page 40": {"offset": 2000},
}
OTHER_READS = {
    "text search (en)": ("/api/events", {"q": "Mayadin"}),
    "text search (ar)": ("/api/events", {"q": "الميادين"}),
    "map, zoom 7": ("/api/map", {"zoom": 7}),
    "map, Battles": ("/api/map", {"zoom": 7, "event_type": "Battles"}),
    "stats by week": ("/api/stats", {"by": "week"}),
    "facets": ("/api/facets", {}),
}


def fill(store: object, n: int, seed: int = 5) -> None:
    """Writes ``n`` synthetic events (and the one document they cite) into ``store``."""
    from sqlalchemy import insert

    from rasad.store.schema import actors, documents, events

    rng = random.Random(seed)
    now = datetime.now(UTC)
    start = date(2017, 1, 1)
    places = list(GOVERNORATES.items())
    with store.engine.begin() as conn:
        conn.execute(
            insert(documents).values(
                id="bench", content_hash="0" * 64, text="نص", minhash=b"", ingested_at=now
            )
        )
        # As the store does: every actor once in the actors table, events point to it.
        actor_ids = {name: hashlib.sha1(name.encode()).hexdigest()[:16] for name in ACTORS}
        conn.execute(
            insert(actors), [{"id": i, "name": name, "inter": 1} for name, i in actor_ids.items()]
        )
        batch = []
        for i in range(n):
            event_type = rng.choice(list(TYPES))
            governorate, (lat, lon) = rng.choice(places)
            actor1, actor2 = rng.sample(ACTORS, 2)
            fatalities = 0 if rng.random() < 0.55 else int(rng.paretovariate(1.3))
            town = f"Town {rng.randrange(400)}"
            batch.append(
                {
                    "id": f"bench-{i:07d}",
                    "event_type": event_type,
                    "sub_event_type": rng.choice(TYPES[event_type]),
                    "disorder_type": "Political violence",
                    "event_date": start + timedelta(days=rng.randrange(7 * 365)),
                    "time_precision": 1,
                    "actor1": actor1,
                    "actor2": actor2,
                    "actor1_id": actor_ids[actor1],
                    "actor2_id": actor_ids[actor2],
                    "inter1": 1,
                    "inter2": 2,
                    "interaction": 12,
                    "civilian_targeting": False,
                    "location": "الميادين" if i % 50 == 0 else "قرية",
                    "location_en": town,
                    "admin1": governorate,
                    "admin2": governorate,
                    "latitude": lat + rng.gauss(0, 0.3),
                    "longitude": lon + rng.gauss(0, 0.3),
                    "geo_precision": 1,
                    "fatalities": fatalities,
                    "fatalities_low": fatalities,
                    "fatalities_high": fatalities,
                    "historical": False,
                    "notes": f"{event_type}: {actor1} against {actor2} in {town} ({governorate}).",
                    "doc_id": "bench",
                    "n_sources": 1,
                    "updated_at": now,
                    "evidence": [{"start": 0, "end": 2, "text": "نص", "label": "event"}],
                }
            )
            if len(batch) == 5000:
                conn.execute(insert(events), batch)
                batch = []
        if batch:
            conn.execute(insert(events), batch)


def timings(client: object, path: str, params: dict, repeat: int) -> list[float]:
    """Milliseconds per request, after one warm-up."""
    client.get(path, params=params).raise_for_status()
    out = []
    for _ in range(repeat):
        started = time.perf_counter()
        client.get(path, params=params).raise_for_status()
        out.append((time.perf_counter() - started) * 1000)
    return out


def percentile(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=40)
    args = parser.parse_args()

    from rasad.api import create_app
    from rasad.store import Store

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Starlette's TestClient prefers httpx2 to httpx
        from fastapi.testclient import TestClient

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(Path(tmp) / "bench.db"))
        started = time.perf_counter()
        fill(store, args.events)
        print(f"{args.events:,} events written in {time.perf_counter() - started:.1f} s")
        with TestClient(create_app(store, write_token="", read_token="")) as client:
            print(f"\nGET /api/events (50 a page), {args.repeat} requests each, ms")
            print(f"{'query':<18} {'total':>7} {'p50':>7} {'p95':>7}")
            every: list[float] = []
            for name, params in QUERIES.items():
                total = client.get("/api/events", params=params).json()["total"]
                times = timings(client, "/api/events", params, args.repeat)
                every += times
                print(
                    f"{name:<18} {total:>7} {statistics.median(times):>7.1f} "
                    f"{percentile(times, 95):>7.1f}"
                )
            print(
                f"{'all of the above':<18} {'':>7} {statistics.median(every):>7.1f} "
                f"{percentile(every, 95):>7.1f}   (target: p95 < 50 ms)"
            )
            print("\nthe dashboard's other reads, ms")
            for name, (path, params) in OTHER_READS.items():
                times = timings(client, path, params, max(5, args.repeat // 4))
                print(
                    f"{name:<18} {'':>7} {statistics.median(times):>7.1f} "
                    f"{percentile(times, 95):>7.1f}"
                )
        store.close()


if __name__ == "__main__":
    main()
