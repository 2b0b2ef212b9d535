"""The ``rasad`` command: a thin shell over the Python API.

Exit status: 0 when every input was read and processed; 1 when any document or line failed
(each failure is named on stderr, and everything else is still processed); 2 for a usage error.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from rasad.errors import RasadError

EXIT_OK, EXIT_FAILURES, EXIT_USAGE = 0, 1, 2
TABLE_COLUMNS = (
    ("event_date", 10), ("sub_event_type", 24), ("actor1", 30), ("actor2", 30),
    ("location_en", 18), ("admin1", 12), ("fatalities", 3), ("historical", 5),
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rasad",
        description="Arabic conflict news in, ACLED-style events out. "
        "`rasad extract INPUT...` reads documents (a JSONL file, .txt or .html files, a directory, "
        "or - for stdin) and writes their events; `rasad eval PRED GOLD` scores events.",
        epilog="Exit status: 0 all went well; 1 some input failed (named on stderr, the rest "
        "was processed); 2 usage error.",
    )
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output")
    parser.add_argument("-q", "--quiet", action="store_true", help="errors only")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser(
        "extract",
        help="extract events from documents",
        description="Read documents and write their events. INPUT: a JSONL file of documents "
        "(docs/format.md §1), a .txt or .html file, a directory of them, or - for JSONL on stdin.",
        epilog="Example: rasad extract tests/fixtures/articles.jsonl --table\n"
        "Exit status: 0 all documents processed; 1 some failed (each named on stderr with its "
        "file and line or document id; the others are still written).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    extract.add_argument("inputs", nargs="+", metavar="INPUT")
    extract.add_argument("-o", "--output", default="-", help="where events go (default: stdout)")
    extract.add_argument(
        "--table", action="store_true", help="print a readable table instead of JSONL"
    )
    extract.set_defaults(handler=run_extract)

    evaluate = commands.add_parser(
        "eval",
        help="score predicted events against gold events",
        description="Score PRED against GOLD (both JSONL of events) by docs/format.md §4 and "
        "print the metrics as JSON.",
        epilog="Example: rasad eval events.jsonl tests/fixtures/dev-gold.jsonl\n"
        "Exit status: 0 when scored; 1 when a file cannot be read (the file and line are named).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    evaluate.add_argument("predicted", metavar="PRED")
    evaluate.add_argument("gold", metavar="GOLD")
    evaluate.set_defaults(handler=run_eval)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    level = logging.ERROR if args.quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(args.verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    try:
        return args.handler(args)
    except RasadError as error:
        print(f"rasad: {error}", file=sys.stderr)
        return EXIT_FAILURES
    except BrokenPipeError:
        return EXIT_OK


def run_extract(args: argparse.Namespace) -> int:
    from rasad.ingest import read_documents
    from rasad.pipeline import Pipeline

    pipeline = Pipeline()
    failures = 0
    with _output(args.output) as out:
        if args.table:
            out.write(_table_row({name: name for name, _ in TABLE_COLUMNS} | {"location_mention": "location_mention"}) + "\n")
        for item in pipeline.pipe(read_documents(args.inputs, stdin=sys.stdin)):
            if isinstance(item, RasadError):
                failures += 1
                print(f"rasad: {item}", file=sys.stderr)
                continue
            for event in item.events:
                if args.table:
                    out.write(_table_row(event.to_dict()) + "\n")
                else:
                    out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
    if failures:
        print(f"rasad: {failures} input(s) failed; the rest was processed", file=sys.stderr)
    return EXIT_FAILURES if failures else EXIT_OK


def run_eval(args: argparse.Namespace) -> int:
    from rasad.evaluate import read_events, score

    metrics = score(read_events(args.predicted), read_events(args.gold))
    print(json.dumps(metrics, ensure_ascii=False, indent=2))
    return EXIT_OK


@contextmanager
def _output(path: str) -> Iterator[TextIO]:
    if path == "-":
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8") as handle:
        yield handle


def _table_row(record: dict) -> str:
    cells = []
    for name, width in TABLE_COLUMNS:
        value = record.get(name)
        text = "" if value is None else str(value)
        cells.append(text[:width].ljust(width))
    return "  ".join(cells) + "  " + (record.get("location_mention") or "")


if __name__ == "__main__":
    sys.exit(main())
