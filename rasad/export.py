"""Stored events out: ACLED CSV, GeoJSON, JSON Lines and Parquet.

    >>> from rasad.export import export
    >>> export(store.iter_events(EventFilter(admin1="Deir-ez-Zor")), "acled-csv", "dz.csv")
    Exported(written=12, undated_left_out=1)

``acled-csv`` has ACLED's standard columns, in ACLED's order, then the P-codes and the
sources' URLs (``EXTRA_COLUMNS``); like ACLED's own files it holds no undated event unless
asked to. ``jsonl`` is docs/format.md §2 plus ``fatalities_low``, ``fatalities_high`` and a
``sources`` list; ``geojson`` is an RFC 7946 FeatureCollection of points with the CSV's
columns as properties (it opens in QGIS); ``parquet`` has the CSV's columns, typed (the date a
date, the timestamp a timestamp), plus the bounds of the death toll and the ids of the source
documents. Every writer reads its events one at a time: memory does not grow with the export.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from itertools import islice
from typing import IO, TYPE_CHECKING, Any, NamedTuple
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from rasad.store import SourceLink, StoredEvent

FORMATS = ("acled-csv", "geojson", "jsonl", "parquet")
ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
# After ACLED's columns: what humanitarian users join on (OCHA P-codes) and where each
# source can be read.
EXTRA_COLUMNS = ("admin1_pcode", "admin2_pcode", "admin3_pcode", "source_urls")
CSV_COLUMNS = ACLED_COLUMNS + EXTRA_COLUMNS
# ACLED's source scales, in the order ACLED writes them when sources of several scales report
# one event ("New media-National", "National-Regional").
SOURCE_SCALES = ("Other", "New media", "Subnational", "National", "Regional", "International")
HISTORICAL_TAG = "historical mention"
VAGUE_TAG = "fatalities=vague"
# Country, ISO 3166 numeric code and ACLED region, by the two letters that open OCHA P-codes.
_COUNTRIES = {
    "SY": ("Syria", 760, "Middle East"),
    "IQ": ("Iraq", 368, "Middle East"),
    "LB": ("Lebanon", 422, "Middle East"),
    "JO": ("Jordan", 400, "Middle East"),
    "TR": ("Turkey", 792, "Middle East"),
}
_PARQUET_BATCH = 10_000  # rows a row group of a Parquet export


class Exported(NamedTuple):
    """What ``export`` wrote: how many events, and how many undated ones it left out."""

    written: int
    undated_left_out: int


@dataclass(frozen=True, slots=True)
class Outlet:
    """A news outlet of ``rasad/data/outlets.tsv``: the name ACLED would write, and its scale."""

    name: str
    scale: str


def export(
    events: Iterable[StoredEvent],
    fmt: str,
    output: str = "-",
    *,
    include_undated: bool = False,
    excel: bool = False,
) -> Exported:
    """Writes ``events`` in format ``fmt`` to the file ``output`` ("-": stdout).

    ``acled-csv`` leaves undated events out (ACLED has none; they would also turn ``year``
    and ``time_precision`` into floats in pandas) unless ``include_undated``; ``excel``
    starts it with a UTF-8 byte order mark, without which Excel reads the Arabic as
    Windows-1252.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}")
    if excel and fmt != "acled-csv":
        raise ValueError("--excel is for acled-csv: the other formats are not opened in Excel")
    undated = _Undated(events) if fmt == "acled-csv" and not include_undated else None
    chosen = events if undated is None else undated
    if fmt == "parquet":
        if output == "-":
            raise ValueError("parquet is binary: give a file with -o")
        written = write_parquet(chosen, output)
    else:
        with _text_output(output, bom=excel) as handle:
            writer = {
                "acled-csv": write_acled_csv,
                "geojson": write_geojson,
                "jsonl": write_jsonl,
            }[fmt]
            written = writer(chosen, handle)
    return Exported(written, undated.left_out if undated else 0)


class _Undated:
    """The dated events of ``events``, counting the undated ones held back."""

    def __init__(self, events: Iterable[StoredEvent]) -> None:
        self.events = events
        self.left_out = 0

    def __iter__(self) -> Iterator[StoredEvent]:
        for stored in self.events:
            if stored.event.event_date is None:
                self.left_out += 1
            else:
                yield stored


def dated(events: Iterable[StoredEvent]) -> Iterator[StoredEvent]:
    """The events of ``events`` that have a date: an ACLED CSV holds no others."""
    return iter(_Undated(events))


# --- rows -------------------------------------------------------------------------------------


def acled_row(stored: StoredEvent) -> dict[str, Any]:
    """The CSV columns of a stored event: ACLED's, then ``EXTRA_COLUMNS``.

    ``location`` is the English place name (ACLED's); ``inter1``, ``inter2`` and
    ``interaction`` are 0 where there is no such actor (as in ACLED's files); ``source`` the
    outlets of the sources by the names of ``outlets.tsv`` (else as the document gives it,
    else the host of its URL), joined by "; "; ``source_scale`` their ACLED scales, joined by
    "-" ("National-Regional"), empty when no outlet is in the table; ``tags`` "historical
    mention" for a recap of an earlier event and "fatalities=vague (words)" when the toll
    comes from a word such as "عشرات" rather than a number, joined by "; ";
    ``civilian_targeting`` "Civilian targeting" or empty; ``timestamp`` the Unix time of the
    event's last change; ``source_urls`` the sources' URLs, separated by spaces (a URL holds
    none).
    """
    e = stored.event
    country, iso, region = _COUNTRIES.get((e.admin1_pcode or "")[:2].upper(), (None, None, None))
    names, scales = _sources(stored.sources)
    return {
        "event_id_cnty": e.event_id,
        "event_date": e.event_date,
        "year": int(e.event_date[:4]) if e.event_date else None,
        "time_precision": e.time_precision,
        "disorder_type": e.disorder_type,
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "actor1": e.actor1,
        "assoc_actor_1": e.assoc_actor_1,
        "inter1": e.inter1 or 0,
        "actor2": e.actor2,
        "assoc_actor_2": e.assoc_actor_2,
        "inter2": e.inter2 or 0,
        "interaction": e.interaction or 0,
        "civilian_targeting": "Civilian targeting" if e.civilian_targeting else "",
        "iso": iso,
        "region": region,
        "country": country,
        "admin1": e.admin1,
        "admin2": e.admin2,
        "admin3": e.admin3,
        "location": e.location_en or e.location,
        "latitude": e.latitude,
        "longitude": e.longitude,
        "geo_precision": e.geo_precision,
        "source": "; ".join(names),
        "source_scale": "-".join(scale for scale in SOURCE_SCALES if scale in scales),
        "notes": e.notes,
        "fatalities": e.fatalities or 0,
        "tags": "; ".join(tags(stored)),
        "timestamp": int(_utc(stored.updated_at).timestamp()),
        "admin1_pcode": e.admin1_pcode,
        "admin2_pcode": e.admin2_pcode,
        "admin3_pcode": e.admin3_pcode,
        "source_urls": " ".join(dict.fromkeys(link.url for link in stored.sources if link.url)),
    }


def tags(stored: StoredEvent) -> list[str]:
    """ACLED-style tags of a stored event: a historical mention, a vague death toll."""
    found = []
    e = stored.event
    if e.historical:
        found.append(HISTORICAL_TAG)
    tolls = [link for link in stored.sources if link.role != "copy" and link.fatalities_text]
    # The store codes a vague figure only when no account gives a number (codebook).
    if tolls and all(link.fatalities_vague for link in tolls):
        found.append(f"{VAGUE_TAG} ({e.fatalities_text})" if e.fatalities_text else VAGUE_TAG)
    return found


def _sources(links: Iterable[SourceLink]) -> tuple[list[str], set[str]]:
    """The sorted source names of an event's documents, and the ACLED scales of those known."""
    names: set[str] = set()
    scales: set[str] = set()
    for link in links:
        outlet = outlet_of(link.outlet, link.url)
        if outlet is not None:
            names.add(outlet.name)
            scales.add(outlet.scale)
        elif link.outlet:
            names.add(link.outlet)
        elif link.url and (host := _host(link.url)):
            names.add(host)
    return sorted(names), scales


def outlet_of(name: str | None, url: str | None = None) -> Outlet | None:
    """The outlet ``outlets.tsv`` knows by this name, else by the host of ``url`` (or the
    domains above it: "m.alarabiya.net" is Al Arabiya); None when neither is listed."""
    table = outlet_table()
    if name and (found := table.get(_outlet_key(name))):
        return found
    if not url:
        return None
    labels = _host(url).split(".")
    for start in range(len(labels) - 1):
        if found := table.get(_outlet_key(".".join(labels[start:]))):
            return found
    return None


@cache
def outlet_table() -> dict[str, Outlet]:
    """``rasad/data/outlets.tsv`` by the key of each spelling; a scale that is not ACLED's is
    an error naming the line."""
    from rasad.errors import LexiconError
    from rasad.lexicon import DATA_DIR, read_tsv

    table = {}
    for line, row in read_tsv("outlets.tsv", ["spelling", "outlet", "scale"], DATA_DIR):
        if row["scale"] not in SOURCE_SCALES:
            raise LexiconError(
                f"scale {row['scale']!r} is not one of ACLED's: {', '.join(SOURCE_SCALES)}",
                file=str(DATA_DIR / "outlets.tsv"),
                line=line,
            )
        table[_outlet_key(row["spelling"])] = Outlet(row["outlet"], row["scale"])
    return table


def _outlet_key(name: str) -> str:
    """A name as the outlet table compares it: Arabic normalised; only letters and digits,
    lower case ("Deir ezZor 24", "Deir ez-Zor 24": "deirezzor24")."""
    from rasad.normalise import normalise_key

    return "".join(ch for ch in normalise_key(name).casefold() if ch.isalnum())


def _host(url: str) -> str:
    """The host of ``url`` without "www.", "" when it has none (or is malformed)."""
    try:
        host = urlsplit(url).hostname
    except ValueError:  # "http://[::1/": an unclosed IPv6 bracket
        return ""
    return (host or "").removeprefix("www.")


def _utc(moment: datetime) -> datetime:
    # SQLite gives back the stored UTC time without its zone.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


# --- writers ----------------------------------------------------------------------------------


def write_acled_csv(events: Iterable[StoredEvent], handle: IO[str]) -> int:
    """The CSV (``CSV_COLUMNS``) of ``events`` to ``handle``, undated ones included; how many."""
    counted = _Counted(events)
    handle.writelines(acled_csv_chunks(counted))
    return counted.count


def acled_csv_chunks(events: Iterable[StoredEvent]) -> Iterator[str]:
    """The CSV of ``events``: the header, then one row at a time.

    A text cell that a spreadsheet would read as a formula (it starts with = + - @, a tab or a
    carriage return: a quoted report can start so) gets ' before it, as OWASP advises against
    CSV injection.
    """
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    yield buffer.getvalue()
    for stored in events:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow({key: _safe_cell(value) for key, value in acled_row(stored).items()})
        yield buffer.getvalue()


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _safe_cell(value: object) -> object:
    """``value``, with ' before it if it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def write_jsonl(events: Iterable[StoredEvent], handle: IO[str]) -> int:
    """One JSON object per event (format §2 plus bounds and sources); how many."""
    count = 0
    for stored in events:
        handle.write(json.dumps(stored.to_dict(), ensure_ascii=False) + "\n")
        count += 1
    return count


def write_geojson(events: Iterable[StoredEvent], handle: IO[str]) -> int:
    """A GeoJSON FeatureCollection of ``events`` (null geometry when unplaced); how many."""
    counted = _Counted(events)
    handle.writelines(geojson_chunks(counted))
    return counted.count


def geojson_chunks(events: Iterable[StoredEvent]) -> Iterator[str]:
    """A GeoJSON FeatureCollection of ``events``: its opening, one feature at a time, its end.

    Properties: the CSV's columns, ``fatalities_low``, ``fatalities_high``, ``historical`` and
    ``n_sources``.
    """
    yield '{"type": "FeatureCollection", "features": [\n'
    first = True
    for stored in events:
        row = acled_row(stored)
        row["fatalities_low"] = stored.fatalities_low
        row["fatalities_high"] = stored.fatalities_high
        row["historical"] = stored.event.historical
        row["n_sources"] = len(stored.documents)
        located = row["latitude"] is not None and row["longitude"] is not None
        feature = {
            "type": "Feature",
            "id": row["event_id_cnty"],
            "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]}
            if located
            else None,
            "properties": row,
        }
        yield ("" if first else ",\n") + json.dumps(feature, ensure_ascii=False)
        first = False
    yield "\n]}\n"


def write_parquet(events: Iterable[StoredEvent], path: str) -> int:
    """A Parquet file of ``events`` (the CSV's columns typed, bounds, source ids); how many
    rows. Written a row group of ``_PARQUET_BATCH`` events at a time."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {
        "event_date": pa.date32(),
        "year": pa.int32(),
        "time_precision": pa.int8(),
        "inter1": pa.int16(),
        "inter2": pa.int16(),
        "interaction": pa.int16(),
        "iso": pa.int16(),
        "latitude": pa.float64(),
        "longitude": pa.float64(),
        "geo_precision": pa.int8(),
        "fatalities": pa.int32(),
        # Parquet has no unit of seconds: milliseconds, holding whole seconds as ACLED's do.
        "timestamp": pa.timestamp("ms", tz="UTC"),
        "source_urls": pa.list_(pa.string()),
    }
    schema = pa.schema(
        [pa.field(name, types.get(name, pa.string())) for name in CSV_COLUMNS]
        + [
            pa.field("fatalities_low", pa.int32()),
            pa.field("fatalities_high", pa.int32()),
            pa.field("historical", pa.bool_()),
            pa.field("source_ids", pa.list_(pa.string())),
        ]
    )
    rows = (_parquet_row(stored) for stored in events)
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        while batch := list(islice(rows, _PARQUET_BATCH)):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count


def _parquet_row(stored: StoredEvent) -> dict[str, Any]:
    row = acled_row(stored)
    e = stored.event
    row["event_date"] = date.fromisoformat(e.event_date) if e.event_date else None
    row["timestamp"] = _utc(stored.updated_at).replace(microsecond=0)
    row["source_urls"] = list(dict.fromkeys(link.url for link in stored.sources if link.url))
    row["fatalities_low"] = stored.fatalities_low
    row["fatalities_high"] = stored.fatalities_high
    row["historical"] = e.historical
    row["source_ids"] = stored.documents
    return row


class _Counted:
    """The events of ``events``, counted as they pass."""

    def __init__(self, events: Iterable[StoredEvent]) -> None:
        self.events = events
        self.count = 0

    def __iter__(self) -> Iterator[StoredEvent]:
        for stored in self.events:
            self.count += 1
            yield stored


@contextmanager
def _text_output(path: str, *, bom: bool = False) -> Iterator[IO[str]]:
    if path == "-":
        if bom:
            sys.stdout.write("\ufeff")
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
        yield handle
