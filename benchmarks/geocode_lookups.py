"""Gazetteer load time and memory, lookups/s and find_places throughput.

Names looked up: every Arabic name of the packaged gazetteer once (exact), and the same names
with one letter dropped in the middle (misspelt). Documents: the bundled ANT corpus.

Run: .venv/bin/python benchmarks/geocode_lookups.py
"""

from __future__ import annotations

import gzip
import json
import time
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    from rasad.geocode import Gazetteer
    from rasad.model import Document

    began = time.perf_counter()
    gazetteer = Gazetteer()
    load_seconds = time.perf_counter() - began
    tracemalloc.start()  # a second load, traced: tracing slows it, so it is not the one timed
    Gazetteer()
    _, load_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"gazetteer: {len(gazetteer.places)} places, load {load_seconds:.2f} s, "
        f"{load_peak / 1e6:.0f} MB allocated at peak"
    )

    names = sorted({place.name_ar for place in gazetteer.places if len(place.name_ar) >= 5})
    misspelt = [name[: len(name) // 2] + name[len(name) // 2 + 1 :] for name in names]
    for label, batch in (("exact", names), ("misspelt", misspelt)):
        began = time.perf_counter()
        found = sum(1 for name in batch if gazetteer.lookup(name))
        elapsed = time.perf_counter() - began
        print(f"lookup {label}: {len(batch) / elapsed:,.0f}/s ({found}/{len(batch)} found)")

    with gzip.open(HERE / "data" / "ant-corpus.jsonl.gz", "rt", encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle]
    docs = [Document.from_text(text) for text in texts]
    began = time.perf_counter()
    mentions = sum(len(gazetteer.find_places(doc)) for doc in docs)
    elapsed = time.perf_counter() - began
    size_mb = sum(len(t.encode()) for t in texts) / 1e6
    print(
        f"find_places: {len(docs) / elapsed:,.0f} docs/s, {size_mb / elapsed:.2f} MB/s, {mentions} mentions"
    )


if __name__ == "__main__":
    main()
