"""End-to-end throughput of `rasad extract`: one process against a local Dask cluster.

Corpus: the 1,407 real Arabic articles of the bundled ANT corpus
(``benchmarks/data/ant-corpus.jsonl.gz``), repeated with distinct ids until ``--articles``
(20,000 by default), written once as a JSONL file. Each run is the real command in a child
process (`rasad extract CORPUS -o OUT [--workers N]`), timed from start to exit, start-up
and cluster start included; peak memory is the largest sum of the RSS of the command and
all its descendants (scheduler, nanny and worker processes), sampled every 0.1 s by psutil.

Run: .venv/bin/python benchmarks/scale_throughput.py [--articles 20000] [--workers 2]
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def write_corpus(path: Path, articles: int) -> float:
    """Writes ``articles`` ANT articles (repeated, ids made distinct) to ``path``; its MB."""
    with gzip.open(HERE / "data" / "ant-corpus.jsonl.gz", "rt", encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    with path.open("w", encoding="utf-8") as out:
        for n in range(articles):
            record = records[n % len(records)]
            out.write(json.dumps({**record, "id": f"{record['id']}~{n}"}, ensure_ascii=False))
            out.write("\n")
    return path.stat().st_size / 1e6


def tree_rss(process: psutil.Process) -> int:
    """The resident memory of a process and all its descendants, in bytes."""
    total = 0
    for member in [process, *process.children(recursive=True)]:
        # A child may exit between the listing and the reading.
        with contextlib.suppress(psutil.Error):
            total += member.memory_info().rss
    return total


def run(command: list[str]) -> tuple[float, float]:
    """Seconds the command took and the peak RSS of its process tree, in MB."""
    began = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    process = psutil.Process(child.pid)
    peak = 0
    while child.poll() is None:
        with contextlib.suppress(psutil.Error):
            peak = max(peak, tree_rss(process))
        time.sleep(0.1)
    elapsed = time.perf_counter() - began
    if child.returncode not in (0, 1):  # 1: some articles are not Arabic or empty, named
        raise SystemExit(f"{' '.join(command)} failed with status {child.returncode}")
    return elapsed, peak / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    rasad = [str(Path(sys.executable).parent / "rasad")]  # the installed command, as users run it
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        size_mb = write_corpus(corpus, args.articles)
        print(f"corpus: {args.articles} articles, {size_mb:.1f} MB")
        outputs = {}
        for label, extra in (
            ("1 process", []),
            (f"{args.workers} workers", ["--workers", str(args.workers)]),
        ):
            out = Path(tmp) / f"events-{len(outputs)}.jsonl"
            elapsed, peak = run([*rasad, "-q", "extract", str(corpus), "-o", str(out), *extra])
            outputs[label] = out.read_bytes()
            print(
                f"{label:>10}: {elapsed:6.1f} s, {args.articles / elapsed:6.1f} articles/s, "
                f"{size_mb / elapsed:5.2f} MB/s, peak RSS (process tree) {peak:5.0f} MB"
            )
        same = len(set(outputs.values())) == 1
        print(f"outputs identical: {same}")


if __name__ == "__main__":
    main()
