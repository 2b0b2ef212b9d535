"""Exports of the store: ACLED CSV, JSON Lines, GeoJSON and Parquet."""

from __future__ import annotations

import csv
import io
import json

import pytest

from rasad.export import (
    ACLED_COLUMNS,
    CSV_COLUMNS,
    EXTRA_COLUMNS,
    SOURCE_SCALES,
    Exported,
    export,
    geojson_chunks,
    outlet_of,
    outlet_table,
    write_acled_csv,
    write_geojson,
    write_jsonl,
)
from rasad.model import EVENT_FIELDS
from rasad.store import EventFilter, Store, StoredEvent
from tests.store_reports import FIXTURES, report, sample_articles


@pytest.fixture(scope="module")
def store(pipeline, tmp_path_factory):
    """A SQLite store holding one ambush told by two outlets and two ambushes in villages."""
    opened = Store(str(tmp_path_factory.mktemp("export") / "rasad.db"))
    for doc_id in ("sy24-shula", "orient-shula", "dz24-thiban", "dz24-shiheil"):
        opened.add(report(pipeline, doc_id))
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def samples(pipeline, tmp_path_factory):
    """A SQLite store of the five bundled sample reports: recaps and undated events among them."""
    opened = Store(str(tmp_path_factory.mktemp("samples") / "rasad.db"))
    for doc in sample_articles(pipeline):
        opened.add(doc)
    yield opened
    opened.close()


def test_acled_csv_has_acleds_columns_and_the_merged_ambush(store):
    handle = io.StringIO()
    assert write_acled_csv(store.iter_events(), handle) == 3
    rows = list(csv.DictReader(io.StringIO(handle.getvalue())))
    assert tuple(rows[0]) == ACLED_COLUMNS + EXTRA_COLUMNS
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
    # The outlets by the names of the outlet table ("أورينت نت" is Orient News), as ACLED
    # writes them: joined by "; ", with their scale.
    assert shula["source"] == "Orient News; SY24"
    assert shula["source_scale"] == "National"
    assert shula["admin1"] == "Deir-ez-Zor"
    assert int(shula["timestamp"]) > 1_600_000_000
    assert shula["admin1_pcode"].startswith("SY") and shula["admin2_pcode"]
    assert shula["source_urls"].split() == [
        "https://example.org/orient/shula",
        "https://example.org/sy24/shula",
    ]
    thiban = next(row for row in rows if row["location"].startswith("Thiban"))
    assert (thiban["source"], thiban["source_scale"]) == ("Deir ez-Zor 24", "Subnational")
    assert thiban["source_urls"] == ""  # the report gives no URL


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
    assert set(CSV_COLUMNS) <= set(shiheil["properties"])
    assert shiheil["properties"]["admin2_pcode"].startswith("SY")


def test_parquet_is_written_with_typed_columns(store, tmp_path):
    import pyarrow.parquet as pq

    path = tmp_path / "events.parquet"
    assert export(store.iter_events(), "parquet", str(path)) == Exported(3, 0)
    table = pq.read_table(path)
    assert table.column_names[: len(CSV_COLUMNS)] == list(CSV_COLUMNS)
    assert str(table.schema.field("fatalities").type) == "int32"
    assert str(table.schema.field("event_date").type) == "date32[day]"
    assert str(table.schema.field("timestamp").type) == "timestamp[ms, tz=UTC]"
    rows = {row["location"]: row for row in table.to_pylist()}
    assert rows["Ash Shula"]["source_ids"] == ["orient-shula", "sy24-shula"]
    assert (rows["Ash Shula"]["fatalities_low"], rows["Ash Shula"]["fatalities_high"]) == (5, 7)
    assert rows["Ash Shula"]["source_urls"] == [
        "https://example.org/orient/shula",
        "https://example.org/sy24/shula",
    ]
    assert rows["Ash Shula"]["admin1_pcode"].startswith("SY")


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


# --- as analysts' tools read them -------------------------------------------------------------


def test_acled_csv_in_pandas_has_integer_codes_and_no_undated_event(samples, tmp_path):
    """ACLED writes 0 for a missing inter code and has no undated event: pandas reads the
    codes, the year and the time precision as integers, as it does ACLED's own files."""
    pandas = pytest.importorskip("pandas")
    everything = samples.events()
    undated = [s for s in everything if s.event.event_date is None]
    assert undated and any(s.event.actor2 is None for s in everything), "samples changed"
    path = tmp_path / "events.csv"
    done = export(samples.iter_events(), "acled-csv", str(path))
    assert done == Exported(len(everything) - len(undated), len(undated))
    frame = pandas.read_csv(path)
    assert list(frame.columns) == list(CSV_COLUMNS)
    assert len(frame) == done.written
    for column in ("year", "time_precision", "inter1", "inter2", "interaction", "fatalities"):
        assert str(frame[column].dtype) == "int64", column
    assert (frame["inter2"] == 0).any()  # the events with no second actor
    assert frame["timestamp"].dtype == "int64"

    kept = export(samples.iter_events(), "acled-csv", str(path), include_undated=True)
    assert kept == Exported(len(everything), 0)
    assert len(pandas.read_csv(path)) == len(everything)


def test_acled_csv_tags_historical_mentions(samples):
    handle = io.StringIO()
    write_acled_csv(samples.iter_events(), handle)
    rows = {row["event_id_cnty"]: row for row in csv.DictReader(io.StringIO(handle.getvalue()))}
    recaps = {s.event.event_id for s in samples.iter_events() if s.event.historical}
    assert recaps, "the samples hold recaps of earlier attacks"
    for event_id, row in rows.items():
        assert ("historical mention" in row["tags"].split("; ")) == (event_id in recaps)


def _with_sources(stored: StoredEvent, **changes_by_outlet: dict) -> StoredEvent:
    """``stored`` with its sources changed: outlet name → fields of that source to set."""
    from dataclasses import replace

    links = [
        replace(stored.sources[0], doc_id=f"doc-{number}", outlet=outlet, **fields)
        for number, (outlet, fields) in enumerate(changes_by_outlet.items())
    ]
    return replace(stored, sources=links)


def test_source_scale_pairs_the_scales_of_the_outlets_that_report_an_event(store):
    stored = next(iter(store.iter_events()))
    both = _with_sources(stored, **{"SY24": {}, "Sky News Arabia": {}, "Unknown Blog": {}})
    row = acled_row_of(both)
    assert row["source"] == "SY24; Sky News Arabia; Unknown Blog"
    assert row["source_scale"] == "National-Regional"  # the unknown blog has no scale
    local = _with_sources(stored, **{"دير الزور 24": {}, "BBC Arabic": {}, "Telegram": {}})
    assert acled_row_of(local)["source_scale"] == "New media-Subnational-International"


def test_a_toll_told_only_in_vague_words_is_tagged(store):
    from dataclasses import replace

    stored = next(iter(store.iter_events()))
    stored = replace(stored, event=replace(stored.event, fatalities_text="قتل عشرات العناصر"))
    vague = {"fatalities_text": "قتل عشرات العناصر", "fatalities_vague": True, "role": "report"}
    precise = {"fatalities_text": "قتل 12 عنصرا", "fatalities_vague": False, "role": "report"}
    assert acled_row_of(_with_sources(stored, **{"SY24": vague}))["tags"] == (
        "fatalities=vague (قتل عشرات العناصر)"
    )
    # Another report gives a number: the toll coded is that number, not a vague one.
    assert acled_row_of(_with_sources(stored, **{"SY24": vague, "Orient": precise}))["tags"] == ""


def acled_row_of(stored: StoredEvent) -> dict:
    from rasad.export import acled_row

    return acled_row(stored)


def test_outlet_table_uses_acleds_scales_and_knows_the_sample_outlets():
    from rasad.lexicon import DATA_DIR, read_tsv

    table = outlet_table()
    assert {outlet.scale for outlet in table.values()} <= set(SOURCE_SCALES)
    named: dict[str, str] = {}
    for _, row in read_tsv("outlets.tsv", ["spelling", "outlet", "scale"], DATA_DIR):
        # one spelling, one outlet: a spelling listed twice would silently win or lose
        assert named.setdefault(row["spelling"], row["outlet"]) == row["outlet"], row
    for name in (
        "Deir ezZor 24",
        "Nahr Media",
        "SY24",
        "Orient",
        "Baladi News",
        "Enab Baladi",
        "Awtan Post",
        "SOHR",
    ):
        assert outlet_of(name) is not None, name
    articles = (FIXTURES / "articles.jsonl", FIXTURES / "eval" / "train-articles.jsonl")
    outlets = {
        record["outlet"]
        for path in (*articles, FIXTURES / "eval" / "check-articles.jsonl")
        for record in map(json.loads, path.read_text(encoding="utf-8").splitlines())
        if record.get("outlet")
    }
    assert outlets and all(outlet_of(name) is not None for name in outlets), outlets
    assert outlet_of("Deir ez-Zor 24") == outlet_of("ديرالزور 24") == outlet_of("deirezzor24")
    assert outlet_of(None, "https://m.alarabiya.net/news/1").name == "Al Arabiya"
    assert outlet_of("Unknown Blog", "http://[::1/") is None  # a malformed URL is no host


def test_excel_option_writes_a_byte_order_mark(samples, tmp_path):
    pandas = pytest.importorskip("pandas")
    path = tmp_path / "excel.csv"
    export(samples.iter_events(), "acled-csv", str(path), excel=True)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfevent_id_cnty,")
    frame = pandas.read_csv(path, encoding="utf-8-sig")
    assert frame.columns[0] == "event_id_cnty"
    with pytest.raises(ValueError, match="acled-csv"):
        export(samples.iter_events(), "geojson", str(tmp_path / "x.geojson"), excel=True)


def test_parquet_dates_and_times_sort_and_filter_in_duckdb_and_pandas(samples, tmp_path):
    duckdb = pytest.importorskip("duckdb")
    pandas = pytest.importorskip("pandas")
    from datetime import date

    path = tmp_path / "events.parquet"
    export(samples.iter_events(), "parquet", str(path))
    dated = sorted(s.event.event_date for s in samples.iter_events() if s.event.event_date)
    middle = dated[len(dated) // 2]

    def one(query: str) -> tuple:
        [row] = duckdb.sql(query).fetchall()
        return row

    types = one(f"SELECT typeof(event_date), typeof(timestamp) FROM '{path}' LIMIT 1")
    assert types == ("DATE", "TIMESTAMP WITH TIME ZONE")
    later = one(f"SELECT count(*) FROM '{path}' WHERE event_date >= DATE '{middle}'")
    assert later == (sum(day >= middle for day in dated),)
    first = one(f"SELECT min(event_date), max(timestamp) FROM '{path}'")
    assert first[0] == date.fromisoformat(dated[0]) and first[1].tzinfo is not None

    frame = pandas.read_parquet(path)
    assert str(frame["timestamp"].dtype).startswith("datetime64[") and "UTC" in str(
        frame["timestamp"].dtype
    )
    known = frame.dropna(subset=["event_date"])
    assert list(known.sort_values("event_date")["event_date"].map(str)) == dated
    assert len(known[known["event_date"] >= date.fromisoformat(middle)]) == later[0]
    typed = pandas.read_parquet(path, dtype_backend="pyarrow")
    assert str(typed["event_date"].dtype).startswith("date32")


def test_geojson_opens_in_gdal(samples, tmp_path):
    """GDAL (QGIS's reader) counts every event, as points, with the P-codes as fields."""
    import shutil
    import subprocess

    ogrinfo = shutil.which("ogrinfo")
    if ogrinfo is None:
        pytest.skip("GDAL's ogrinfo is not installed (Debian: apt-get install gdal-bin)")
    path = tmp_path / "events.geojson"
    written = export(samples.iter_events(), "geojson", str(path)).written
    done = subprocess.run(
        [ogrinfo, "-ro", "-so", "-al", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert f"Feature Count: {written}" in done.stdout
    assert "Geometry: Point" in done.stdout
    for field in ("admin1_pcode: String", "tags: String", "fatalities: Integer"):
        assert field in done.stdout, field


def test_geojson_is_written_one_feature_at_a_time(store):
    """The writers read their events as they go: an export never holds them all."""
    events = iter(store.events())
    chunks = geojson_chunks(events)
    assert next(chunks).startswith('{"type": "FeatureCollection"')
    assert json.loads(next(chunks))["type"] == "Feature"
    assert len(list(events)) == len(store.events()) - 1  # only the first was read
