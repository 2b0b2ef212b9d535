"""Stored events out: ACLED CSV, GeoJSON, JSON Lines and Parquet.

    >>> from rasad.export import export
    >>> export(store.iter_events(EventFilter(admin1="Deir-ez-Zor")), "acled-csv", "dz.csv")
    12

``acled-csv`` has ACLED's standard columns, in ACLED's order; ``jsonl`` is docs/format.md §2
plus ``fatalities_low``, ``fatalities_high`` and a ``sources`` list; ``geojson`` is an RFC 7946
FeatureCollection of points with the ACLED columns as properties (it opens in QGIS);
``parquet`` has the ACLED columns, typed, plus the bounds of the death toll and the ids of the
source documents.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rasad.store import StoredEvent

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
# Country, ISO 3166 numeric code and ACLED region, by the two letters that open OCHA P-codes.
_COUNTRIES = {
    "SY": ("Syria", 760, "Middle East"),
    "IQ": ("Iraq", 368, "Middle East"),
    "LB": ("Lebanon", 422, "Middle East"),
    "JO": ("Jordan", 400, "Middle East"),
    "TR": ("Turkey", 792, "Middle East"),
}


def acled_row(stored: StoredEvent) -> dict[str, Any]:
    """The ACLED columns of a stored event.

    ``location`` is the English place name (ACLED's), ``source`` the outlets of its sources
    joined by "; ", ``civilian_targeting`` "Civilian targeting" or empty, ``timestamp`` the
    Unix time of the event's last change; ``source_scale`` and ``tags`` stay empty (rasad
    does not know them).
    """
    e = stored.event
    country, iso, region = _COUNTRIES.get((e.admin1_pcode or "")[:2].upper(), (None, None, None))
    outlets = sorted({link.outlet or link.doc_id for link in stored.sources})
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
        "inter1": e.inter1,
        "actor2": e.actor2,
        "assoc_actor_2": e.assoc_actor_2,
        "inter2": e.inter2,
        "interaction": e.interaction,
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
        "source": "; ".join(outlets),
        "source_scale": "",
        "notes": e.notes,
        "fatalities": e.fatalities or 0,
        "tags": "",
        "timestamp": int(stored.updated_at.timestamp()),
    }


def export(events: Iterable[StoredEvent], fmt: str, output: str = "-") -> int:
    """Writes ``events`` in format ``fmt`` to the file ``output`` ("-": stdout); how many."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if output == "-":
            raise ValueError("parquet is binary: give a file with -o")
        return write_parquet(events, output)
    with _text_output(output) as handle:
        writer = {"acled-csv": write_acled_csv, "geojson": write_geojson, "jsonl": write_jsonl}[fmt]
        return writer(events, handle)


def write_acled_csv(events: Iterable[StoredEvent], handle: IO[str]) -> int:
    """ACLED CSV of ``events`` to ``handle``; how many rows.

    A text cell that a spreadsheet would read as a formula (it starts with = + - @, a tab or a
    carriage return: a quoted report can start so) gets ' before it, as OWASP advises against
    CSV injection.
    """
    writer = csv.DictWriter(handle, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for stored in events:
        writer.writerow({key: _safe_cell(value) for key, value in acled_row(stored).items()})
        count += 1
    return count


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
    handle.write('{"type": "FeatureCollection", "features": [\n')
    count = 0
    for stored in events:
        row = acled_row(stored)
        row["fatalities_low"] = stored.fatalities_low
        row["fatalities_high"] = stored.fatalities_high
        row["historical"] = stored.event.historical
        row["n_sources"] = len(stored.sources)
        located = row["latitude"] is not None and row["longitude"] is not None
        feature = {
            "type": "Feature",
            "id": row["event_id_cnty"],
            "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]}
            if located
            else None,
            "properties": row,
        }
        handle.write(("" if count == 0 else ",\n") + json.dumps(feature, ensure_ascii=False))
        count += 1
    handle.write("\n]}\n")
    return count


def write_parquet(events: Iterable[StoredEvent], path: str) -> int:
    """A Parquet file of ``events`` (ACLED columns, bounds, source ids); how many rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {
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
        "timestamp": pa.int64(),
    }
    schema = pa.schema(
        [pa.field(name, types.get(name, pa.string())) for name in ACLED_COLUMNS]
        + [
            pa.field("fatalities_low", pa.int32()),
            pa.field("fatalities_high", pa.int32()),
            pa.field("historical", pa.bool_()),
            pa.field("source_ids", pa.list_(pa.string())),
        ]
    )
    rows = []
    for stored in events:
        row = acled_row(stored)
        row["fatalities_low"] = stored.fatalities_low
        row["fatalities_high"] = stored.fatalities_high
        row["historical"] = stored.event.historical
        row["source_ids"] = [link.doc_id for link in stored.sources]
        rows.append(row)
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)
    return len(rows)


@contextmanager
def _text_output(path: str) -> Iterator[IO[str]]:
    if path == "-":
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8", newline="") as handle:
        yield handle
