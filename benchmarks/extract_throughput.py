"""Throughput of the whole extraction: articles/s, MB/s, start-up and peak memory.

Corpus: the 1,407 real Arabic news articles of the ANT corpus bundled in
``benchmarks/data/ant-corpus.jsonl.gz`` (Sky News Arabia, BBC Arabic, France 24, CNN Arabic,
Al Arabiya, Jawhara FM; Apache-2.0; Chouigui, Ben Khiroun & Elayeb, "An Arabic multi-source
news corpus", AJSE 2021), plus the five sample reports. Articles are joined in pairs to make
~4-6 KB reports, the size the targets are set for.

Run: .venv/bin/python benchmarks/extract_throughput.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def load_corpus() -> list[dict]:
    with gzip.open(HERE / "data" / "ant-corpus.jsonl.gz", "rt", encoding="utf-8") as handle:
        articles = [json.loads(line) for line in handle]
    with open(ROOT / "tests" / "fixtures" / "articles.jsonl", encoding="utf-8") as handle:
        articles += [json.loads(line) for line in handle]
    paired = []
    for first, second in zip(articles[::2], articles[1::2], strict=False):
        paired.append(
            {
                **first,
                "id": f"{first['id']}+{second['id']}",
                "text": first["text"] + "\n\n" + second["text"],
            }
        )
    return paired


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="passes over the corpus")
    args = parser.parse_args()

    started = time.perf_counter()
    from rasad.ingest import document_from_record
    from rasad.pipeline import Pipeline

    pipeline = Pipeline()
    startup = time.perf_counter() - started
    records = load_corpus()
    size_mb = sum(len(r["text"].encode("utf-8")) for r in records) / 1e6
    events = 0
    best = float("inf")
    for _ in range(args.rounds):
        # documents are made and dropped one by one, as `rasad extract` streams them
        began = time.perf_counter()
        for record in records:
            events += len(pipeline(document_from_record(record, origin="bench")).events)
        best = min(best, time.perf_counter() - began)
    print(
        f"corpus: {len(records)} articles, {size_mb:.2f} MB, mean {size_mb * 1e3 / len(records):.1f} KB"
    )
    print(f"start-up (import + lexicons + gazetteer): {startup:.2f} s")
    print(
        f"extraction: {len(records) / best:.0f} articles/s, {size_mb / best:.2f} MB/s (best of {args.rounds})"
    )
    print(f"events: {events // args.rounds} per pass")
    print(f"peak memory (RSS): {peak_rss_mb():.0f} MB")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
