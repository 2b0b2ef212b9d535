"""Exports of the store: ACLED CSV, JSON Lines, GeoJSON and Parquet."""

from __future__ import annotations

import csv
import io
import json

import pytest

from rasad.export import ACLED_COLUMNS, export, write_acled_csv, write_geojson, write_jsonl
from rasad.model import EVENT_FIELDS
from rasad.store import EventFilter, Store
from tests.store_reports import report


@pytest.fixture(scope="module")
def store(pipeline, tmp_path_factory):
    """A SQLite store holding one ambush told by two outlets and two ambushes in villages."""
    opened = Store(str(tmp_path_factory.mktemp("export") / "rasad.db"))
    for doc_id in ("sy24-shula", "orient-shula", "dz24-thiban", "dz24-shiheil"):
        opened.add(report(pipeline, doc_id))
    yield opened
    opened.close()


def test_acled_csv_has_acleds_columns_and_the_merged_ambush(store):
    handle = io.StringIO()
    assert write_acled_csv(store.iter_events(), handle) == 3
    rows = list(csv.DictReader(io.StringIO(handle.getvalue())))
    assert tuple(rows[0]) == ACLED_COLUMNS
    shula = next(row for row in rows if row["location"] == "Ash Shula")
    assert shula["event_id_cnty"] == "orient-shula-3825fbff41"
    assert (shula["event_date"], shula["year"], shula["time_precision"]) == (
        "2023-12-12",
        "2023",
        "1",
    )
    assert (shula["country"], shula["iso"], shula["region"]) == ("Syria", "760", "Middle East")
    assert (shula["event_type"], shula["sub_event_type"]) == ("Battles", "Armed clash")
    assert shula["fatalities"] == "5"
    assert shula["source"] == "SY24; أورينت نت"
    assert shula["admin1"] == "Deir-ez-Zor"
    assert int(shula["timestamp"]) > 1_600_000_000


def test_jsonl_is_the_event_format_plus_bounds_and_sources(store):
    handle = io.StringIO()
    write_jsonl(store.iter_events(EventFilter(actor="islamic")), handle)
    records = [json.loads(line) for line in handle.getvalue().splitlines()]
    assert len(records) == 3
    shula = next(r for r in records if r["location_en"] == "Ash Shula")
    assert list(shula)[: len(EVENT_FIELDS)] == list(EVENT_FIELDS)
    assert list(shula)[len(EVENT_FIELDS) :] == ["fatalities_low", "fatalities_high", "sources"]
    assert (shula["fatalities"], shula["fatalities_low"], shula["fatalities_high"]) == (5, 5, 7)
    assert [(s["doc_id"], s["outlet"], s["fatalities"]) for s in shula["sources"]] == [
        ("orient-shula", "أورينت نت", 5),
        ("sy24-shula", "SY24", 7),
    ]
    for source in shula["sources"]:
        assert any(span["label"] == "fatalities" for span in source["evidence"])


def test_geojson_is_a_feature_collection_of_points(store):
    handle = io.StringIO()
    assert write_geojson(store.iter_events(), handle) == 3
    collection = json.loads(handle.getvalue())
    assert collection["type"] == "FeatureCollection"
    shiheil = next(f for f in collection["features"] if f["properties"]["location"] == "Shiheil")
    assert shiheil["geometry"]["type"] == "Point"
    longitude, latitude = shiheil["geometry"]["coordinates"]
    assert (round(latitude, 2), round(longitude, 2)) == (35.09, 40.45)
    assert shiheil["properties"]["fatalities"] == 4


def test_parquet_is_written_with_typed_columns(store, tmp_path):
    import pyarrow.parquet as pq

    path = tmp_path / "events.parquet"
    assert export(store.iter_events(), "parquet", str(path)) == 3
    table = pq.read_table(path)
    assert table.column_names[: len(ACLED_COLUMNS)] == list(ACLED_COLUMNS)
    assert str(table.schema.field("fatalities").type) == "int32"
    rows = {row["location"]: row for row in table.to_pylist()}
    assert rows["Ash Shula"]["source_ids"] == ["orient-shula", "sy24-shula"]
    assert (rows["Ash Shula"]["fatalities_low"], rows["Ash Shula"]["fatalities_high"]) == (5, 7)


def test_parquet_to_stdout_is_refused(store):
    with pytest.raises(ValueError, match="binary"):
        export(store.iter_events(), "parquet", "-")


def test_acled_csv_neutralises_cells_a_spreadsheet_would_run_as_formulas(store):
    """CSV injection (OWASP): a note or outlet starting with = + - @ gets ' before it."""
    from dataclasses import replace

    stored = next(iter(store.iter_events()))
    hostile = replace(
        stored, event=replace(stored.event, notes='=HYPERLINK("http://evil.example","x")')
    )
    handle = io.StringIO()
    write_acled_csv([hostile], handle)
    row = next(csv.DictReader(io.StringIO(handle.getvalue())))
    assert row["notes"] == '\'=HYPERLINK("http://evil.example","x")'
    assert row["fatalities"] == str(stored.event.fatalities)  # numbers are left alone
