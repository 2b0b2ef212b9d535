"""The ``rasad`` command: a thin shell over the Python API.

Exit status: 0 when every input was read and processed; 1 when any document or line failed
(each failure is named on stderr, and everything else is still processed); 2 for a usage error.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from datetime import date
from typing import TYPE_CHECKING, TextIO

from rasad.errors import RasadError

if TYPE_CHECKING:
    import threading

    from rasad.model import Event
    from rasad.store import EventFilter, Store

EXIT_OK, EXIT_FAILURES, EXIT_USAGE = 0, 1, 2
# The columns of `extract --table` and `rasad events` (which adds the event id first and the
# number of sources; `extract` adds the words that name the place). type: "event type:
# sub-event type"; place: "location, admin1"; recap: marks a historical mention.
TABLE_COLUMNS = ("event_date", "type", "actor1", "actor2", "place", "fatalities", "recap")
# Columns wrapped onto more lines rather than cut when the table is wider than the terminal:
# a cut ACLED actor name loses the period that tells it apart ("... of Syria (2000-2024)").
WRAPPED_COLUMNS = frozenset(("type", "actor1", "actor2", "place", "location_mention"))
NARROWEST_WRAPPED = 10  # characters a wrapped column keeps however narrow the terminal
HISTORICAL_MARK = "yes"


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
    _add_limits(extract)
    _add_scale(extract)
    extract.set_defaults(handler=run_extract)

    evaluate = commands.add_parser(
        "eval",
        help="score predicted events against gold events",
        description="Score PRED (JSONL of events, docs/format.md §2) against GOLD (JSONL: one "
        "document a line with its events, or one event a line) by docs/format.md §4 and print "
        "the metrics as JSON. --explain adds why: each false prediction with its cause, the "
        "missed gold events and a confusion matrix of event types.",
        epilog="Example: rasad eval events.jsonl tests/fixtures/eval/train-gold.jsonl --explain\n"
        "Exit status: 0 when scored; 1 when a file cannot be read (the file and line are named).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    evaluate.add_argument("predicted", metavar="PRED")
    evaluate.add_argument("gold", metavar="GOLD")
    evaluate.add_argument(
        "--explain",
        action="store_true",
        help="after the metrics, a report: false predictions and their causes, missed gold, "
        "types confused",
    )
    evaluate.add_argument(
        "--json", action="store_true", help="with --explain: the report as one JSON object"
    )
    evaluate.set_defaults(handler=run_eval)

    ingest = commands.add_parser(
        "ingest",
        help="extract documents into the event store, resolving events across sources",
        description="Read documents (the inputs of `extract`), extract their events and add "
        "them to the store. Idempotent: a document whose content is stored already changes "
        "nothing, so an interrupted run is simply run again. Near-duplicates add a source; "
        "reports of one event from several outlets become one event.",
        epilog="Example: rasad ingest tests/fixtures/articles.jsonl --db rasad.db\n"
        "Exit status: 0 all documents stored or known; 1 some failed (each named on stderr).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ingest.add_argument("inputs", nargs="+", metavar="INPUT")
    _add_db(ingest, creates=True)
    _add_limits(ingest)
    _add_scale(ingest)
    ingest.set_defaults(handler=run_ingest)

    export = commands.add_parser(
        "export",
        help="write stored events as ACLED CSV, GeoJSON, JSONL or Parquet",
        description="Write the stored events that pass the filters. acled-csv: ACLED's "
        "standard columns, then the P-codes and the sources' URLs, dated events only; jsonl: "
        "docs/format.md §2 plus a sources list; geojson: points for QGIS; parquet: typed "
        "columns (needs -o). The columns: docs/format.md §5.",
        epilog="Example: rasad export --format acled-csv --admin1 Deir-ez-Zor --excel -o dz.csv\n"
        "Exit status: 0 written; 2 usage error, or no database at --db.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    export.add_argument("--format", required=True, choices=_export_formats(), dest="fmt")
    export.add_argument("-o", "--output", default="-", help="where to write (default: stdout)")
    export.add_argument(
        "--include-undated",
        action="store_true",
        help="acled-csv: keep the undated events (ACLED has none, so they are left out and "
        "counted on stderr)",
    )
    export.add_argument(
        "--excel",
        action="store_true",
        help="acled-csv: start with a UTF-8 byte order mark, so that Excel reads the Arabic",
    )
    _add_db(export)
    _add_filters(export)
    export.set_defaults(handler=run_export)

    listing = commands.add_parser(
        "events",
        help="list stored events as a table, or lay one event open",
        description="Print the stored events that pass the filters as a readable table "
        "fitted to the terminal (names wrapped, never cut; in a pipe, one line an event): "
        "fatalities as coded, with the lowest and highest figures reported when they differ. "
        "Historical mentions (recaps of earlier events) are left out and counted on stderr; "
        "--historical lists them too, marked. --event ID prints one event, then each of its accounts (document, outlet, date, "
        "place, actors, fatalities, its own id) and why it was joined to the accounts before "
        "it, check by check; an account wrongly joined is taken out with `rasad split`.",
        epilog="Example: rasad events --since 2023-12-01 --type Battles\n"
        "         rasad events --event orient-shula-3825fbff41 --json\n"
        "Exit status: 0; 1 when --event names no stored event; 2 no database at --db.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_db(listing)
    _add_filters(listing)
    listing.add_argument("--limit", type=int, default=None, help="at most this many events")
    listing.add_argument(
        "--historical",
        action="store_true",
        help="list the historical mentions (recaps of earlier events) too, marked "
        f"{HISTORICAL_MARK!r}",
    )
    listing.add_argument(
        "--event",
        metavar="ID",
        help="one event (its id or any of its accounts' ids): its accounts and why they were "
        "joined",
    )
    listing.add_argument(
        "--json",
        action="store_true",
        help="JSON instead of a table: with --event one object (as GET /api/events/{id}), "
        "else one event a line",
    )
    listing.set_defaults(handler=run_events)

    splitting = commands.add_parser(
        "split",
        help="take an account out of an event it was wrongly joined to, for good",
        description="Undo a wrong join: ACCOUNT_ID (a source_event_id shown by `rasad events "
        "--event EVENT_ID`) leaves EVENT_ID and becomes an event of its own (or joins another "
        "event it fits); EVENT_ID is re-coded from its remaining accounts. The split is "
        "stored: ingesting the same documents again, or new ones that resolve with them, "
        "never puts the account back with the accounts it was split from. Both events' "
        "histories record it. Note that an event's id is its smallest account id: splitting "
        "that account gives the remaining accounts a new id (printed).",
        epilog="Example: rasad split orient-shula-3825fbff41 sy24-shula-ea373239a5\n"
        "Exit status: 0 split; 1 unknown event, or an account not in it (one line on stderr); "
        "2 no database at --db.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    splitting.add_argument("event_id", metavar="EVENT_ID")
    splitting.add_argument("account_id", metavar="ACCOUNT_ID")
    _add_db(splitting)
    splitting.set_defaults(handler=run_split)

    serve = commands.add_parser(
        "serve",
        help="serve the REST API and the dashboard",
        description="Serve the store over HTTP: the dashboard at /, the API under /api, its "
        "documentation at /docs. POST /api/documents needs RASAD_WRITE_TOKEN (sent as "
        "'Authorization: Bearer <token>'); when RASAD_READ_TOKEN is set, reading needs a "
        "token too. RASAD_TILE_URL adds a tile server to the map (never needed).",
        epilog="Example: RASAD_WRITE_TOKEN=s3cret rasad serve --db rasad.db --port 8000\n"
        "Exit status: 2 when there is no database at --db and --create is not given.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_db(serve)
    serve.add_argument(
        "--create",
        action="store_true",
        help="create the database when there is none at --db (else: exit 2, a mistyped path "
        "would serve an empty store)",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=int, default=8000, help="port to listen on")
    serve.set_defaults(handler=run_serve)

    watch = commands.add_parser(
        "watch",
        help="poll outlets' feeds, sitemaps and listing pages into the store",
        description="Poll the sources of a TOML config (docs/watch.md) and any --feed URLs; "
        "fetch each article never seen, clean it and ingest it as `ingest` does; fire the "
        "config's alert rules. What was seen is kept in the store: a restart fetches "
        "nothing twice and skips nothing. Without --once, runs until stopped (Ctrl-C, "
        "SIGTERM), polling each source at its interval. A source or article that fails, "
        "whatever the cause, is logged and tried again later; the others go on. Ctrl-C or "
        "SIGTERM ends the article in hand and prints the summary; a second one stops at once.",
        epilog="Example: rasad watch --config watch.toml --once --db rasad.db\n"
        "Exit status (--once): 0 the pass went well; 1 a source or article failed (logged; "
        "it is tried again next pass), or the pass was stopped. Without --once: 0 when "
        "stopped by a signal.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    watch.add_argument("--config", help="TOML file of sources and alert rules")
    watch.add_argument(
        "--feed",
        action="append",
        default=[],
        metavar="URL",
        help="an RSS/Atom feed to poll as well (repeatable)",
    )
    watch.add_argument("--once", action="store_true", help="one pass over every source, then exit")
    watch.add_argument(
        "--deadline",
        type=_positive,
        metavar="SECONDS",
        help="the longest a request may take in all: connect, redirects, headers and body "
        "(default: [watch] deadline, else 60)",
    )
    watch.add_argument(
        "--max-bytes",
        type=_count,
        metavar="N",
        help="the largest body taken, counted unpacked; a longer one is given up at N bytes "
        "(default: [watch] max_bytes, else 10000000)",
    )
    _add_db(watch, creates=True)
    watch.set_defaults(handler=run_watch)
    return parser


def _export_formats() -> tuple[str, ...]:
    from rasad.export import FORMATS

    return FORMATS


def _add_db(parser: argparse.ArgumentParser, *, creates: bool = False) -> None:
    parser.add_argument(
        "--db",
        default=None,
        help="the store: a SQLAlchemy URL (postgresql+psycopg://...) or a file path (SQLite); "
        "default $RASAD_DB, else rasad.db"
        + ("; created when missing" if creates else "; it must exist"),
    )


def _add_scale(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("many cores, many machines (pip install 'rasad[dask]')")
    group.add_argument(
        "--workers", type=int, metavar="N", help="extract on a local Dask cluster of N processes"
    )
    group.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="extract on a running Dask cluster, e.g. tcp://10.0.0.5:8786",
    )


def _add_limits(parser: argparse.ArgumentParser) -> None:
    from rasad.ingest import DEFAULT_MAX_CHARS, HTML_BYTES_PER_CHAR, JSON_LINE_BYTES_PER_CHAR

    parser.add_argument(
        "--max-chars",
        type=_count,
        default=None,
        metavar="N",
        help=f"refuse a document whose text is longer than N characters (named on stderr with "
        f"its size; the rest is processed); JSON lines over {JSON_LINE_BYTES_PER_CHAR}×N "
        f"bytes, .txt files over 4×N and web pages over {HTML_BYTES_PER_CHAR}×N are skipped "
        f"unread. Default {DEFAULT_MAX_CHARS:,} (about 2 MB of Arabic, twenty times a long "
        f"report); 0: no limit",
    )


def _positive(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = 0.0
    if not number > 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds above 0")
    return number


def _count(value: str) -> int:
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number")
    return int(value)


def _max_chars(args: argparse.Namespace) -> int:
    from rasad.ingest import DEFAULT_MAX_CHARS

    return DEFAULT_MAX_CHARS if args.max_chars is None else args.max_chars


def _distributed(args: argparse.Namespace) -> bool:
    return bool(args.workers or args.scheduler)


def _extracted(args: argparse.Namespace, stack: ExitStack, *, keep_text: bool) -> Iterator:
    """Documents with their events (or errors) extracted on the Dask cluster ``args`` asks for."""
    from rasad import scale

    client = stack.enter_context(scale.connect(args.workers, args.scheduler))
    return scale.extract_documents(
        args.inputs, client, keep_text=keep_text, max_chars=_max_chars(args)
    )


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _add_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", type=_iso_date, help="events on or after this date")
    parser.add_argument("--until", type=_iso_date, help="events on or before this date")
    parser.add_argument("--admin1", help="governorate (OCHA English name), e.g. Deir-ez-Zor")
    parser.add_argument("--type", help="disorder type, event type or sub-event type")
    parser.add_argument("--actor", help="part of an actor's name, any case")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    level = (
        logging.ERROR
        if args.quiet
        else (logging.WARNING, logging.INFO, logging.DEBUG)[min(args.verbose, 2)]
    )
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    if args.verbose < 2:
        # rasad names each page it cannot read; trafilatura's own complaints are noise
        for name in ("trafilatura", "htmldate"):
            logging.getLogger(name).setLevel(logging.CRITICAL)
    try:
        return args.handler(args)
    except RasadError as error:
        print(f"rasad: {error}", file=sys.stderr)
        return EXIT_FAILURES
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        # A command that reports what it did first (ingest, watch) catches it itself.
        print("rasad: interrupted", file=sys.stderr)
        return EXIT_FAILURES


def run_extract(args: argparse.Namespace) -> int:
    from rasad.ingest import read_documents
    from rasad.pipeline import Pipeline

    failures = 0
    with ExitStack() as stack:
        if _distributed(args):
            items = _extracted(args, stack, keep_text=False)
        else:
            items = Pipeline().pipe(
                read_documents(args.inputs, stdin=sys.stdin, max_chars=_max_chars(args))
            )
        parquet = None
        if args.output.endswith(".parquet") and not args.table:
            from rasad.scale import ParquetEventWriter  # pyarrow only: Dask is not imported

            parquet = stack.enter_context(ParquetEventWriter(args.output))
        else:
            out = stack.enter_context(_output(args.output))
        rows = []  # the table's, laid out once every width is known
        for item in items:
            if isinstance(item, RasadError):
                failures += 1
                print(f"rasad: {item}", file=sys.stderr)
                continue
            for event in item.events:
                if parquet is not None:
                    parquet.write(event)
                elif args.table:
                    rows.append(_table_cells(event, str(event.fatalities or 0)))
                    rows[-1]["location_mention"] = event.location_mention or ""
                else:
                    out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
        if args.table:
            columns = (*TABLE_COLUMNS, "location_mention")
            out.writelines(_table(rows, columns, _terminal_width(args.output)))
    if failures:
        print(f"rasad: {failures} input(s) failed; the rest was processed", file=sys.stderr)
    return EXIT_FAILURES if failures else EXIT_OK


def run_eval(args: argparse.Namespace) -> int:
    from rasad.evaluate import explain, read_gold, read_predictions, score

    predicted, gold = read_predictions(args.predicted), read_gold(args.gold)
    metrics = score(predicted, gold)
    if not args.explain:
        print(json.dumps(metrics, ensure_ascii=False, indent=2))
        return EXIT_OK
    report = explain(predicted, gold)
    if args.json:
        print(json.dumps({"metrics": metrics, **report}, ensure_ascii=False, indent=2))
    else:
        _print_explanation(metrics, report)
    return EXIT_OK


def _print_explanation(metrics: dict, report: dict) -> None:
    """``rasad eval --explain`` for a reader: metrics, false predictions by cause, confusion
    of event types, missed gold."""

    def figure(name: str) -> str:
        value = metrics[name]
        return "-" if value is None else f"{value:.3f}"

    print(
        f"precision {figure('precision')}  recall {figure('recall')}  f1 {figure('f1')}  "
        f"({metrics['n_pred']} predicted, {metrics['n_core']} core gold, "
        f"{metrics['tp_core']} paired with core gold, {metrics['tp_opt']} with optional gold)"
    )
    print(
        f"fatalities {figure('fatalities_acc')}  actors {figure('actor_acc')}  "
        f"dates {figure('date_acc')}  admin1 {figure('admin1_acc')}  "
        f"within 10 km {figure('loc10km_acc')}  historical {figure('historical_acc')}"
    )
    false = report["false_predictions"]
    print(f"\nFalse predictions: {len(false)}")
    for cause, count in report["causes"].items():
        print(f"  {cause:<16} {count:>4}")
    for cause in report["causes"]:
        entries = [entry for entry in false if entry["cause"] == cause]
        if entries:
            print(f"\n{cause} ({len(entries)})")
        for entry in entries:
            print(f"  {_event_line(entry)}: {entry['detail']}")
            print(f"      «{entry['evidence']}»")
    confusion = report["confusion"]
    print("\nEvent types of pairs that agree by place (rows: gold, columns: predicted)")
    codes = [_type_code(label) for label in confusion["columns"]]
    width = max([len(label) for label in confusion["rows"]] + [6])
    print(" " * width + "".join(f"{code:>7}" for code in codes))
    for row, counts in zip(confusion["rows"], confusion["counts"], strict=True):
        print(f"{row:<{width}}" + "".join(f"{count or '.':>7}" for count in counts))
    legend = [f"{code} {label}" for code, label in zip(codes, confusion["columns"], strict=True)]
    print("  " + "; ".join(code for code in legend if not code.startswith("(")))
    missed = report["missed"]
    print(f"\nMissed core gold events: {len(missed)}")
    for entry in missed:
        told = f" (predicted there as {entry['predicted_as']})" if entry["predicted_as"] else ""
        print(f"  {_event_line(entry)}, {entry['date']}, fatalities {entry['fatalities']}{told}")
        print(f"      «{entry['evidence']}»")


def _event_line(entry: dict) -> str:
    kind = f"{entry['event_type'] or '(any)'} / {entry['sub_event_type'] or '-'}"
    place = entry["location"] or "/".join(entry["place_names"]) or "?"
    return f"{entry['doc_id']}  {kind} @ {place}"


def _type_code(label: str) -> str:
    """A column heading: the initials of an event type ("Explosions/Remote violence": ERV)."""
    if label.startswith("("):
        return label
    return "".join(word[0].upper() for word in label.replace("/", " ").split())


def run_ingest(args: argparse.Namespace) -> int:
    import signal

    # SIGTERM stops as Ctrl-C does, from the first moment: the document in hand is rolled
    # back, what was stored stays, and the summary is printed.
    signals: list[str] = []

    def interrupt(number: int, _frame: object) -> None:
        signals.append(signal.Signals(number).name)
        raise KeyboardInterrupt

    handled = (signal.SIGINT, signal.SIGTERM)
    previous = {number: signal.signal(number, interrupt) for number in handled}
    try:
        return _ingest(args, signals)
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _ingest(args: argparse.Namespace, signals: list[str]) -> int:
    """``rasad ingest`` once the signals are handled (``signals``: those received)."""
    stack = ExitStack()
    store = None
    documents = {"new": 0, "duplicate": 0, "near-duplicate": 0, "failed": 0}
    events = {"new": 0, "merged": 0, "updated": 0, "removed": 0}
    stopped = None  # why the run ended early: the database failed, or a signal
    try:
        from rasad.ingest import read_documents
        from rasad.pipeline import Pipeline
        from rasad.store import Store, StoreUnavailable

        store = Store(args.db)
        if _distributed(args):
            # Documents come back with their events; the store only resolves and writes.
            outcomes = store.ingest(_extracted(args, stack, keep_text=True))
        else:
            documents_read = read_documents(
                args.inputs, stdin=sys.stdin, max_chars=_max_chars(args)
            )
            outcomes = store.ingest(documents_read, Pipeline())
        for outcome in _progress(outcomes, show=sys.stderr.isatty() and not args.quiet):
            if isinstance(outcome, StoreUnavailable):
                # Each document is one transaction: what was stored stays, a re-run resumes.
                stopped = str(outcome)
                break
            if isinstance(outcome, RasadError):
                documents["failed"] += 1
                print(f"rasad: {outcome}", file=sys.stderr)
                continue
            documents[outcome.status] += 1
            events["new"] += outcome.events_new
            events["merged"] += outcome.events_merged
            events["updated"] += outcome.events_updated
            events["removed"] += outcome.events_removed
    except KeyboardInterrupt:
        stopped = "interrupted" if signals in ([], ["SIGINT"]) else f"stopped by {signals[0]}"
    held = None
    try:
        stack.close()
        if store is not None:
            held = store.counts()["events"] if stopped is None else None
            store.close()
    except KeyboardInterrupt:
        stopped = stopped or "interrupted"
    if stopped:
        stored = documents["new"] + documents["near-duplicate"]
        print(
            f"rasad: {stopped}; stopped after storing {stored} document(s): run the "
            "same command again to resume",
            file=sys.stderr,
        )
    if not args.quiet:
        # new - removed is how many events the store gained: the counts are the store's own.
        in_store = f"; {held} in the store" if held is not None else ""
        print(
            f"documents: {documents['new']} new, "
            f"{documents['duplicate'] + documents['near-duplicate']} duplicate "
            f"({documents['near-duplicate']} near-duplicate), {documents['failed']} failed; "
            f"events: {events['new']} new, {events['merged']} merged, "
            f"{events['updated']} updated, {events['removed']} absorbed into others{in_store}"
        )
    return EXIT_FAILURES if documents["failed"] or stopped else EXIT_OK


def _progress(items: Iterable, *, show: bool) -> Iterator:
    """The items, counted on stderr as they pass when ``show`` (a terminal is watching)."""
    count = 0
    for item in items:
        count += 1
        if show:
            sys.stderr.write(f"\r{count} documents")
            sys.stderr.flush()
        yield item
    if show and count:
        sys.stderr.write("\n")


def _filters(args: argparse.Namespace) -> EventFilter:
    from rasad.store import EventFilter

    return EventFilter(
        since=args.since, until=args.until, admin1=args.admin1, type=args.type, actor=args.actor
    )


def _existing_store(db: str | None) -> Store | None:
    """The store at ``db`` when it exists; else None, the path named on stderr.

    Opening a store creates it: a mistyped ``--db`` would give an empty one, listed as an
    empty table with exit 0. Only ``ingest``, ``watch`` and ``serve --create`` create one.
    """
    from rasad.store import Store, sqlite_file

    path = sqlite_file(db)
    if path is not None and not path.exists():
        print(
            f"rasad: no database at {path}: give an existing store with --db (or $RASAD_DB); "
            "`rasad ingest` creates one",
            file=sys.stderr,
        )
        return None
    return Store(db)


def run_export(args: argparse.Namespace) -> int:
    from rasad.export import export

    store = _existing_store(args.db)
    if store is None:
        return EXIT_USAGE
    with store:
        try:
            done = export(
                store.iter_events(_filters(args)),
                args.fmt,
                args.output,
                include_undated=args.include_undated,
                excel=args.excel,
            )
        except ValueError as error:
            print(f"rasad: {error}", file=sys.stderr)
            return EXIT_USAGE
    if not args.quiet:
        if done.undated_left_out:
            print(
                f"rasad: {done.undated_left_out} undated event(s) left out (ACLED has none): "
                "--include-undated keeps them",
                file=sys.stderr,
            )
        if args.output != "-":
            print(f"{done.written} events written to {args.output}", file=sys.stderr)
    return EXIT_OK


def run_events(args: argparse.Namespace) -> int:
    from dataclasses import replace
    from itertools import islice

    store = _existing_store(args.db)
    if store is None:
        return EXIT_USAGE
    with store:
        if args.event is not None:
            return _print_audit(store, args.event, as_json=args.json)
        filters = _filters(args)
        hidden = 0
        if not args.historical:
            hidden = store.count_events(replace(filters, historical=True))
            filters = replace(filters, historical=False)
        listed = islice(store.iter_events(filters), args.limit)
        if args.json:
            for stored in listed:
                print(json.dumps(stored.to_dict(), ensure_ascii=False))
        else:
            rows = []
            for stored in listed:
                e = stored.event
                deaths = str(e.fatalities)
                if stored.fatalities_low is not None and (
                    stored.fatalities_low,
                    stored.fatalities_high,
                ) != (e.fatalities, e.fatalities):
                    deaths += f" [{stored.fatalities_low}-{stored.fatalities_high}]"
                rows.append(
                    {"event_id": e.event_id}
                    | _table_cells(e, deaths)
                    | {"sources": str(len(stored.documents))}
                )
            columns = ("event_id", *TABLE_COLUMNS, "sources")
            sys.stdout.writelines(_table(rows, columns, _terminal_width("-")))
    if hidden and not args.quiet:
        print(
            f"rasad: {hidden} historical mention(s) (recaps of earlier events) left out: "
            "--historical lists them",
            file=sys.stderr,
        )
    return EXIT_OK


def _table_cells(e: Event, deaths: str) -> dict[str, str]:
    """The cells of ``TABLE_COLUMNS`` for one event."""
    place = e.location_en or e.location
    return {
        "event_date": e.event_date or "",
        "type": f"{e.event_type}: {e.sub_event_type}",
        "actor1": e.actor1 or "",
        "actor2": e.actor2 or "",
        "place": ", ".join(dict.fromkeys(name for name in (place, e.admin1) if name)),
        "fatalities": deaths,
        "recap": HISTORICAL_MARK if e.historical else "",
    }


def _terminal_width(output: str) -> int:
    """The width a table is fitted to: the terminal's (or $COLUMNS); 0, no limit, when the
    table goes to a file or a pipe, where one line an event is easier to grep."""
    import shutil

    return shutil.get_terminal_size((0, 0)).columns if output == "-" else 0


def _table(rows: list[dict[str, str]], columns: Sequence[str], width: int) -> Iterator[str]:
    """The lines of a table of ``rows``: a header, then each row.

    Each column is as wide as its widest cell. When the table is wider than ``width`` (0: no
    limit), the widest of the ``WRAPPED_COLUMNS`` give up a character at a time, down to
    their longest word (at least ``NARROWEST_WRAPPED``), and their cells wrap onto more lines
    at spaces: a row may take several lines, but no word is cut.
    """
    import textwrap
    from itertools import zip_longest

    widths = {name: max([len(name)] + [len(row[name]) for row in rows]) for name in columns}
    wrapped = [name for name in columns if name in WRAPPED_COLUMNS]
    narrowest = {
        name: max([NARROWEST_WRAPPED] + [len(word) for row in rows for word in row[name].split()])
        for name in wrapped
    }
    room = width - 2 * (len(columns) - 1)  # two spaces between columns
    while width and sum(widths.values()) > room:
        shrinkable = [name for name in wrapped if widths[name] > narrowest[name]]
        if not shrinkable:
            break  # a terminal too narrow for this table: its lines run over
        widths[max(shrinkable, key=lambda name: widths[name])] -= 1
    for row in [{name: name for name in columns}, *rows]:
        cells = [
            textwrap.wrap(row[name], widths[name], break_on_hyphens=False) or [""]
            if name in wrapped
            else [row[name]]
            for name in columns
        ]
        for parts in zip_longest(*cells, fillvalue=""):
            line = "  ".join(
                part.ljust(widths[name]) for name, part in zip(columns, parts, strict=True)
            )
            yield line.rstrip() + "\n"


def _print_audit(store: Store, event_id: str, *, as_json: bool) -> int:
    """``rasad events --event ID``: the event, each account, and why each was joined."""
    audit = store.audit(event_id)
    if audit is None:
        print(f"rasad: no event or account {event_id!r} in the store", file=sys.stderr)
        return EXIT_FAILURES
    if as_json:
        print(json.dumps(audit.to_dict(), ensure_ascii=False, indent=2))
        return EXIT_OK
    stored = audit.stored
    e = stored.event
    print(f"event {e.event_id}")
    print(f"  {e.event_type} / {e.sub_event_type}, {_when(e.event_date, e.time_precision)}")
    print(f"  place       {_where(e)}")
    print(f"  actors      {_who(e)}")
    print(f"  fatalities  {_toll(e, stored.fatalities_low, stored.fatalities_high)}")
    print(f"  sources     {len(stored.documents)} ({len(audit.accounts)} accounts)")
    for number, (link, account) in enumerate(audit.accounts, 1):
        a = account.event
        role = f"{link.role}; the event bears its id" if number == 1 else link.role
        print(f"\naccount {number}: {link.source_event_id} ({role})")
        published = link.published.isoformat() if link.published else "undated"
        outlet = f"{link.outlet}, " if link.outlet else ""
        print(f"  document    {link.doc_id} ({outlet}published {published})")
        if link.url:
            print(f"  url         {link.url}")
        window = account.window
        span = f", window {window[0]}..{window[1]}" if window else ""
        print(f"  type        {a.event_type} / {a.sub_event_type}")
        print(f"  date        {_when(a.event_date, a.time_precision)}{span}")
        print(f"  place       {_where(a)}")
        print(f"  actors      {_who(a)}")
        print(
            f"  fatalities  {a.fatalities or 0}"
            + (f" «{a.fatalities_text}»" if a.fatalities_text else "")
        )
        for why in audit.joins[account.source_id]:
            verdict = "joins" if why["compatible"] else "would NOT join"
            print(f"  {verdict} {why['with']}: {why['summary']}")
    copies = [link for link in stored.sources if link.role == "copy"]
    if copies:
        print("\ncopies (near-duplicate documents)")
        for link in copies:
            original = audit.copies.get(link.doc_id)
            print(f"  {link.doc_id}" + (f" copies {original}" if original else ""))
    if audit.kept_apart:
        print("\nkept apart (rasad split)")
        for split in audit.kept_apart:
            print(
                f"  {split['account']} from {split['apart_from']} "
                f"(split out of {split['event_id']} at {split['split_at']})"
            )
    if audit.history:
        print("\nhistory")
        for change in audit.history:
            by = change["doc_id"] or "analyst"
            print(
                f"  {change['changed_at'].isoformat(timespec='seconds')}  {by}: "
                + json.dumps(change["changes"], ensure_ascii=False)
            )
    if len(audit.accounts) > 1:
        print(f"\nto take an account out: rasad split {e.event_id} ACCOUNT_ID")
    return EXIT_OK


def _when(day: str | None, precision: int | None) -> str:
    return f"{day or 'undated'} (time precision {precision})" if precision else day or "undated"


def _where(e: Event) -> str:
    names = " / ".join(name for name in (e.location_en, e.location) if name) or "no place"
    admin = ", ".join(dict.fromkeys(name for name in (e.admin2, e.admin1) if name))
    point = (
        f" [{e.latitude:.5f}, {e.longitude:.5f}]"
        if e.latitude is not None and e.longitude is not None
        else ""
    )
    precision = f" geo precision {e.geo_precision}" if e.geo_precision else ""
    return f"{names}" + (f", {admin}" if admin else "") + point + precision


def _who(e: Event) -> str:
    return " vs ".join(name for name in (e.actor1, e.actor2) if name) or "none named"


def _toll(e: Event, low: int | None, high: int | None) -> str:
    deaths = str(e.fatalities)
    if low is not None and (low, high) != (e.fatalities, e.fatalities):
        deaths += f" [{low}-{high}]"
    return deaths + (f" «{e.fatalities_text}»" if e.fatalities_text else "")


def run_split(args: argparse.Namespace) -> int:
    store = _existing_store(args.db)
    if store is None:
        return EXIT_USAGE
    with store:
        done = store.split(args.event_id, args.account_id)
    others = ", ".join(done.remaining)
    print(
        f"split {done.account} out of {done.event_id}: it is now event {done.account_event}; "
        f"the {len(done.apart_from)} account(s) it was joined to are now {others}"
    )
    if not args.quiet:
        print(
            f"kept apart from {', '.join(done.apart_from)} for good "
            "(stored in resolution_splits; re-ingesting will not join them again)"
        )
    return EXIT_OK


def run_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from rasad.api import create_app

    if not args.create:
        existing = _existing_store(args.db)
        if existing is None:
            print("rasad: `rasad serve --create` serves a new, empty store", file=sys.stderr)
            return EXIT_USAGE
        existing.close()
    uvicorn.run(
        create_app(args.db),
        host=args.host,
        port=args.port,
        log_level="warning" if args.quiet else "info",
    )
    return EXIT_OK


def run_watch(args: argparse.Namespace) -> int:
    import signal
    import threading

    if args.config is None and not args.feed:
        print("rasad: watch needs --config FILE or --feed URL", file=sys.stderr)
        return EXIT_USAGE
    if args.max_bytes == 0:
        print("rasad: --max-bytes must be above 0", file=sys.stderr)
        return EXIT_USAGE
    # From here on, Ctrl-C and SIGTERM ask for a stop: the article in hand is finished (a
    # request in flight is cut short) and the summary printed. A second one stops at once.
    stop = threading.Event()
    signals: list[str] = []

    def request_stop(number: int, _frame: object) -> None:
        signals.append(signal.Signals(number).name)
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()

    handled = (signal.SIGINT, signal.SIGTERM)
    previous = {number: signal.signal(number, request_stop) for number in handled}
    try:
        return _watch(args, stop, signals)
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _watch(args: argparse.Namespace, stop: threading.Event, signals: list[str]) -> int:
    """``rasad watch`` once the signals are handled: ``stop`` is set by the first one."""
    import dataclasses

    from rasad.pipeline import Pipeline
    from rasad.store import Store
    from rasad.watch import Watcher, load_config

    config = load_config(args.config, feeds=args.feed)
    overrides = {"deadline": args.deadline, "max_bytes": args.max_bytes}
    config = dataclasses.replace(
        config, **{name: value for name, value in overrides.items() if value is not None}
    )
    if not args.quiet:
        # The watcher logs each source, article and alert as key=value lines.
        logging.getLogger("rasad.watch").setLevel(min(logging.INFO, logging.root.level))
    watcher = None
    try:
        with Store(args.db) as store, Watcher(config, store, Pipeline(), stop=stop) as watcher:
            if args.once:
                report = watcher.run_pass()
            else:
                watcher.run(status=sys.stderr if sys.stderr.isatty() and not args.quiet else None)
    except KeyboardInterrupt:
        # A second signal: stopped where it was; an article being stored is rolled back.
        print(f"rasad: stopped at once ({' then '.join(signals)})", file=sys.stderr)
        if watcher is not None and not args.quiet:
            print(watcher.report if args.once else watcher.status_line())
        return EXIT_FAILURES
    if signals:
        cut = "the pass was cut short: " if args.once else ""
        print(
            f"rasad: stopped by {signals[0]}; {cut}the next run resumes where this one stopped",
            file=sys.stderr,
        )
    if not args.quiet:
        print(report if args.once else watcher.status_line())
    if args.once:
        return EXIT_FAILURES if report.errors or signals else EXIT_OK
    return EXIT_OK


@contextmanager
def _output(path: str) -> Iterator[TextIO]:
    if path == "-":
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8") as handle:
        yield handle


if __name__ == "__main__":
    sys.exit(main())
