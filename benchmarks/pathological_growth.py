"""How extraction time grows with a pathological report: many short lines that each tell an act.

A real report has a few dozen clauses; a scraped page or a broken feed can hand rasad one
"article" of tens of thousands of lines. Each size below is one document of N lines like
"قتل 3 عناصر من قوات النظام بهجوم في مدينة الميادين." (an act, a count, actors and a place
in every line); the time per line should stay flat as N grows (linear growth).

Run: .venv/bin/python benchmarks/pathological_growth.py [--sizes 2500 5000 10000 20000]
"""

from __future__ import annotations

import argparse
import resource
import time
from datetime import date

TOWNS = ("الميادين", "البوكمال", "العشارة", "القورية", "الشحيل", "ذيبان", "هجين", "موحسن")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2500, 5000, 10000, 20000])
    args = parser.parse_args()

    from rasad.model import Document
    from rasad.pipeline import Pipeline

    pipeline = Pipeline()
    for size in args.sizes:
        text = "\n".join(
            f"قتل {i % 9 + 2} عناصر من قوات النظام بهجوم في مدينة {TOWNS[i % len(TOWNS)]}."
            for i in range(size)
        )
        began = time.perf_counter()
        doc = pipeline(Document(id=f"lines-{size}", text=text, published=date(2023, 12, 9)))
        took = time.perf_counter() - began
        print(
            f"{size:>7,} lines, {len(text.encode()) / 1e6:5.2f} MB: {took:6.2f} s, "
            f"{took / size * 1e6:6.0f} µs a line, {len(doc.events)} events"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (RSS): {peak:.0f} MB")


if __name__ == "__main__":
    main()
