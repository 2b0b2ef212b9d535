"""Throughput of the whole extraction: articles/s, MB/s, start-up and peak memory.

Corpus: the 1,407 real Arabic news articles of the ANT corpus bundled in
``benchmarks/data/ant-corpus.jsonl.gz`` (Sky News Arabia, BBC Arabic, France 24, CNN Arabic,
Al Arabiya, Jawhara FM; Apache-2.0; Chouigui, Ben Khiroun & Elayeb, "An Arabic multi-source
news corpus", AJSE 2021), plus the five sample reports. Consecutive articles are joined into
reports of at most ``--join-up-to`` KB (default 4.6, which makes reports of 4 KB on average:
the size the target of 500 articles/s is set for; ANT's own articles average 2.8 KB).

Run: .venv/bin/python benchmarks/extract_throughput.py [--rounds 3] [--join-up-to 4.6]

It measures the rasad it imports: the sources with an editable install (``pip install -e .``),
the mypyc-compiled stages with a wheel (``pip install .``); the first line says which.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.machinery
import json
import resource
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def load_corpus(join_up_to_kb: float = 4.6) -> list[dict]:
    """The articles joined, in order, into reports of at most ``join_up_to_kb`` KB of UTF-8."""
    with gzip.open(HERE / "data" / "ant-corpus.jsonl.gz", "rt", encoding="utf-8") as handle:
        articles = [json.loads(line) for line in handle]
    with open(ROOT / "tests" / "fixtures" / "articles.jsonl", encoding="utf-8") as handle:
        articles += [json.loads(line) for line in handle]
    limit = join_up_to_kb * 1000
    reports: list[list[dict]] = []
    size = 0.0
    for article in articles:
        length = len(article["text"].encode("utf-8"))
        if reports and size + length <= limit:
            reports[-1].append(article)
            size += length
        else:
            reports.append([article])
            size = length
    return [
        {
            **group[0],
            "id": "+".join(a["id"] for a in group),
            "text": "\n\n".join(a["text"] for a in group),
        }
        for group in reports
    ]


def build_of_rasad() -> str:
    """Whether the extraction stages imported are compiled or the sources, and from where."""
    import rasad.matching

    path = Path(rasad.matching.__file__)
    compiled = path.name.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))
    return f"{'compiled (mypyc)' if compiled else 'sources (pure Python)'} in {path.parent}"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="passes over the corpus")
    parser.add_argument(
        "--join-up-to", type=float, default=4.6, help="largest report made by joining, in KB"
    )
    args = parser.parse_args()

    started = time.perf_counter()
    from rasad.ingest import document_from_record
    from rasad.pipeline import Pipeline

    pipeline = Pipeline()
    startup = time.perf_counter() - started
    print(f"rasad: {build_of_rasad()}")
    records = load_corpus(args.join_up_to)
    size_mb = sum(len(r["text"].encode("utf-8")) for r in records) / 1e6
    events = 0
    passes = []
    for _ in range(args.rounds):
        # documents are made and dropped one by one, as `rasad extract` streams them
        began = time.perf_counter()
        for record in records:
            events += len(pipeline(document_from_record(record, origin="bench")).events)
        passes.append(time.perf_counter() - began)
    best = min(passes)
    print(
        f"corpus: {len(records)} articles, {size_mb:.2f} MB, mean {size_mb * 1e3 / len(records):.1f} KB"
    )
    print(f"start-up (import + lexicons + gazetteer): {startup:.2f} s")
    print(
        f"extraction: {len(records) / best:.0f} articles/s, {size_mb / best:.2f} MB/s (best of {args.rounds})"
    )
    # The first pass meets every word for the first time (per-word memos are empty): the cost of
    # a new vocabulary, which a long archive pays only for its rarer words.
    print(f"first pass: {len(records) / passes[0]:.0f} articles/s")
    print(f"events: {events // args.rounds} per pass")
    print(f"peak memory (RSS): {peak_rss_mb():.0f} MB")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
