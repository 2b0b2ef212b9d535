"""The REST API, in-process over a SQLite store seeded from the sample reports."""

from __future__ import annotations

import csv
import io
import json
import warnings
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from rasad.api import create_app
from rasad.ingest import read_documents
from rasad.pipeline import Pipeline
from rasad.store import Store

with warnings.catch_warnings():
    # Starlette asks for httpx2 in its TestClient; httpx is what is installed and works.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLES = FIXTURES / "articles.jsonl"
WRITE, READ = "write-token-for-tests", "read-token-for-tests"


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Iterator[Store]:
    """A store holding the events of the sample reports (read-only for the tests)."""
    store = Store(str(tmp_path_factory.mktemp("api") / "rasad.db"))
    outcomes = list(store.ingest(read_documents([str(SAMPLES)]), pipeline))
    assert all(outcome.status == "new" for outcome in outcomes)
    yield store
    store.close()


@pytest.fixture(scope="module")
def client(seeded: Store) -> Iterator[TestClient]:
    with TestClient(create_app(seeded, write_token=WRITE, read_token="")) as test_client:
        yield test_client


# Background mentions (events coded historical) are left out unless asked for: the tests of
# the other filters ask for them, to see each filter at work on every stored event.
ALL = {"historical": "include"}


@pytest.fixture(scope="module")
def every(client: TestClient) -> list[dict[str, Any]]:
    """Every stored event as the API lists it, background mentions included."""
    body = client.get("/api/events", params={"limit": 1000, **ALL}).json()
    assert body["total"] == len(body["events"])
    return body["events"]


def ids(client: TestClient, **params: Any) -> list[str]:
    response = client.get("/api/events", params={"limit": 1000, **ALL, **params})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["total"] == len(body["events"])
    return [event["id"] for event in body["events"]]


# --- listing ------------------------------------------------------------------------------


def test_lists_every_stored_event_newest_first_undated_last(
    client: TestClient, seeded: Store, every: list[dict[str, Any]]
) -> None:
    assert len(every) == seeded.counts()["events"] > 30
    dated = [event["event_date"] for event in every if event["event_date"]]
    assert dated == sorted(dated, reverse=True)
    first_undated = next(i for i, event in enumerate(every) if not event["event_date"])
    assert all(not event["event_date"] for event in every[first_undated:])
    assert "evidence" not in every[0]  # long: only in /api/events/{id}


def test_pages_partition_the_listing(client: TestClient, every: list[dict[str, Any]]) -> None:
    pages = [
        client.get("/api/events", params={"limit": 10, "offset": offset, **ALL}).json()
        for offset in range(0, len(every), 10)
    ]
    assert all(page["total"] == len(every) for page in pages)
    assert [len(page["events"]) for page in pages] == [
        min(10, len(every) - offset) for offset in range(0, len(every), 10)
    ]
    assert [e["id"] for page in pages for e in page["events"]] == [e["id"] for e in every]
    assert client.get("/api/events", params={"offset": 100}).json()["events"] == []
    assert client.get("/api/events", params={"limit": 0}).status_code == 422
    assert client.get("/api/events", params={"limit": 5000}).status_code == 422


@pytest.mark.parametrize("column", ["fatalities", "admin1", "sub_event_type", "event_date"])
def test_sorts_both_ways(client: TestClient, every: list[dict[str, Any]], column: str) -> None:
    name = {"location": "location_en"}.get(column, column)
    for sort, reverse in ((column, False), (f"-{column}", True)):
        body = client.get("/api/events", params={"limit": 1000, "sort": sort, **ALL}).json()
        values = [event[name] for event in body["events"] if event[name] is not None]
        assert values == sorted(values, reverse=reverse)
        # Missing values come last whichever the direction.
        missing = [event[name] is None for event in body["events"]]
        assert missing == sorted(missing)


def test_refuses_an_unknown_sort(client: TestClient) -> None:
    response = client.get("/api/events", params={"sort": "evidence"})
    assert response.status_code == 422
    assert "fatalities" in response.json()["detail"]


# --- filters ------------------------------------------------------------------------------


def expect(every: list[dict[str, Any]], keep: Any) -> list[str]:
    return [event["id"] for event in every if keep(event)]


def test_filters_by_date_range(client: TestClient, every: list[dict[str, Any]]) -> None:
    def between(low: str, high: str) -> Any:
        return lambda e: e["event_date"] is not None and low <= e["event_date"] <= high

    got = ids(client, since="2019-11-15", until="2019-11-17")
    assert got == expect(every, between("2019-11-15", "2019-11-17"))
    assert 0 < len(got) < len(every)
    assert ids(client, since="2023-01-01") == expect(every, between("2023-01-01", "9999"))
    assert client.get("/api/events", params={"since": "9 Dec"}).status_code == 422


def test_filters_by_governorate_and_district(
    client: TestClient, every: list[dict[str, Any]]
) -> None:
    assert ids(client, admin1="Homs") == expect(every, lambda e: e["admin1"] == "Homs")
    both = ids(client, admin1=["Homs", "Hama"])
    assert both == expect(every, lambda e: e["admin1"] in ("Homs", "Hama"))
    assert len(both) == 4
    assert ids(client, admin2="Al Mayadin") == expect(every, lambda e: e["admin2"] == "Al Mayadin")
    assert ids(client, admin1="Nowhere") == []


def test_filters_by_type_and_sub_type(client: TestClient, every: list[dict[str, Any]]) -> None:
    battles = ids(client, event_type="Battles")
    assert battles == expect(every, lambda e: e["event_type"] == "Battles")
    assert len(battles) == 22
    assert ids(client, sub_event_type="Armed clash") == expect(
        every, lambda e: e["sub_event_type"] == "Armed clash"
    )


def test_filters_by_actor_any_case_either_side(
    client: TestClient, every: list[dict[str, Any]]
) -> None:
    def involves(part: str) -> Any:
        return lambda e: any(
            part in (e[side] or "").lower()
            for side in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")
        )

    got = ids(client, actor="national DEFENCE")
    assert got == expect(every, involves("national defence"))
    assert len(got) >= 5
    # A LIKE wildcard in the input is a character, not a wildcard.
    assert ids(client, actor="%") == []


def test_filters_by_minimum_fatalities_and_bbox(
    client: TestClient, every: list[dict[str, Any]]
) -> None:
    assert ids(client, min_fatalities=5) == expect(every, lambda e: e["fatalities"] >= 5)
    # Deir-ez-Zor's east: the Euphrates valley below Deir ez-Zor city.
    west, south, east, north = 40.0, 34.0, 41.5, 35.5
    assert ids(client, bbox=f"{west},{south},{east},{north}") == expect(
        every,
        lambda e: (
            e["longitude"] is not None
            and west <= e["longitude"] <= east
            and south <= e["latitude"] <= north
        ),
    )
    assert client.get("/api/events", params={"bbox": "1,2,3"}).status_code == 422


def test_filters_combine(client: TestClient, every: list[dict[str, Any]]) -> None:
    got = ids(
        client, admin1="Deir-ez-Zor", event_type="Battles", min_fatalities=1, historical="exclude"
    )
    assert got == expect(
        every,
        lambda e: (
            e["admin1"] == "Deir-ez-Zor"
            and e["event_type"] == "Battles"
            and e["fatalities"] >= 1
            and not e["historical"]
        ),
    )
    assert got


def test_searches_text_in_english_and_arabic(
    client: TestClient, every: list[dict[str, Any]]
) -> None:
    english = ids(client, q="MAYADIN")
    assert english == expect(
        every,
        lambda e: (
            "mayadin"
            in " ".join(
                str(e[name] or "") for name in ("notes", "location_en", "admin2", "admin3")
            ).lower()
        ),
    )
    assert english
    for word in ("الميادين", "داعش"):  # a place as the gazetteer names it; ISIS as reports do
        found = ids(client, q=word)
        assert found
        for event_id in found:
            event = client.get(f"/api/events/{event_id}").json()
            assert any(
                word in (text or "")
                for text in (
                    event["location"],
                    event["location_mention"],
                    event["fatalities_text"],
                    *(span["text"] for span in event["evidence"]),
                )
            )
    isis = ids(client, q="داعش")
    # Every word must match.
    assert set(ids(client, q="داعش Raqqa")) == set(isis) & set(ids(client, q="raqqa"))
    assert ids(client, q="no-such-word") == []


# --- one event, one document ----------------------------------------------------------------


def test_an_event_comes_with_its_sources_evidence_and_figures(
    client: TestClient, every: list[dict[str, Any]]
) -> None:
    event_id = next(e["id"] for e in every if e["fatalities"] == 7)
    event = client.get(f"/api/events/{event_id}").json()
    assert event["event_id"] == event_id
    assert event["fatalities"] == 7 and event["fatalities_low"] == 7
    assert event["n_sources"] == len(event["sources"]) >= 1
    source = event["sources"][0]
    assert {
        "doc_id",
        "outlet",
        "published",
        "fatalities",
        "fatalities_text",
        "evidence",
        "role",
    } <= set(source)
    assert source["fatalities"] == 7
    labels = {span["label"] for span in source["evidence"]}
    assert {"event", "fatalities"} <= labels
    assert isinstance(event["history"], list)
    assert client.get("/api/events/nope").status_code == 404


def test_a_document_has_its_cleaned_text_and_the_spans_that_made_events(
    client: TestClient,
) -> None:
    doc = client.get("/api/documents/000_d9af357cd68cf0d4").json()
    assert doc["published"] == "2023-12-09"
    assert doc["events"]
    for account in doc["events"]:
        for span in account["evidence"]:
            assert doc["text"][span["start"] : span["end"]] == span["text"]
    assert client.get("/api/documents/missing").status_code == 404


def test_an_event_explains_why_its_sources_were_joined_and_what_was_split(
    tmp_path: Path, pipeline: Pipeline
) -> None:
    from tests.store_reports import report

    store = Store(str(tmp_path / "reports.db"))
    for doc_id in ("sy24-shula", "orient-shula", "baladi-mayadin"):
        store.add(report(pipeline, doc_id))
    [shula] = [e for e in store.events() if len(e.sources) == 3]
    event_id = shula.event.event_id
    with TestClient(create_app(store, read_token="")) as test_client:
        event = test_client.get(f"/api/events/{event_id}").json()
        assert {"n_sources", "updated_at", "history", "kept_apart"} <= set(event)
        assert event["n_sources"] == 3 and event["kept_apart"] == []
        by_doc = {source["doc_id"]: source for source in event["sources"]}
        assert by_doc["orient-shula"]["joined_because"] == []  # the lead: the first account
        sy24 = by_doc["sy24-shula"]
        assert sy24["account"]["event_date"] == "2023-12-12"
        assert sy24["account"]["fatalities"] == 7
        assert [why["with"] for why in sy24["joined_because"]] == [event_id]
        recap = by_doc["baladi-mayadin"]  # a historical mention comes after the reports
        assert [why["with"] for why in recap["joined_because"]] == [
            event_id,
            sy24["source_event_id"],
        ]
        why = sy24["joined_because"][0]
        assert why["compatible"] and why["place"]["match"] == "same place"
        assert why["dates"]["overlap"] == ["2023-12-11", "2023-12-12"]
        assert "Islamic State (Syria)" in why["actors"]["shared"]

        store.split(event_id, sy24["source_event_id"])
        after = test_client.get(f"/api/events/{event_id}").json()
        assert sorted(s["doc_id"] for s in after["sources"]) == ["baladi-mayadin", "orient-shula"]
        assert after["kept_apart"][0]["account"] == sy24["source_event_id"]
        assert after["history"][-1]["changes"]["split"]["account"] == sy24["source_event_id"]
    store.close()


# --- exports, statistics, map ---------------------------------------------------------------


def test_geojson_and_csv_export_the_current_filter(
    client: TestClient, every: list[dict[str, Any]]
) -> None:
    homs = ids(client, admin1="Homs")
    geojson = client.get("/api/events.geojson", params={"admin1": "Homs"})
    assert geojson.status_code == 200
    assert geojson.headers["content-type"].startswith("application/geo+json")
    collection = json.loads(geojson.text)
    assert collection["type"] == "FeatureCollection"
    assert [f["id"] for f in collection["features"]] == homs
    assert all(f["geometry"]["type"] == "Point" for f in collection["features"])

    def csv_ids(**params: Any) -> list[str]:
        answer = client.get("/api/events.csv", params={**ALL, **params})
        rows = list(csv.DictReader(io.StringIO(answer.text)))
        assert all(row["country"] == "Syria" for row in rows if row["admin1"])
        return [row["event_id_cnty"] for row in rows]

    assert csv_ids(admin1="Homs", include_undated="true") == homs
    # As ACLED's files: no undated event, unless asked for.
    undated = {event["id"] for event in every if event["event_date"] is None}
    assert undated, "the samples hold undated events"
    listed = [event["id"] for event in every]
    assert csv_ids() == [event_id for event_id in listed if event_id not in undated]
    assert csv_ids(include_undated="true") == listed


@pytest.mark.parametrize("by", ["day", "week", "month"])
def test_stats_by_period_type_governorate_actor(
    client: TestClient, every: list[dict[str, Any]], by: str
) -> None:
    stats = client.get("/api/stats", params={"by": by, **ALL}).json()
    assert stats["events"] == len(every)
    assert stats["fatalities"] == sum(e["fatalities"] for e in every)
    dated = [e for e in every if e["event_date"]]
    assert sum(p["events"] for p in stats["timeline"]) == len(dated)
    periods = [date.fromisoformat(p["period"]) for p in stats["timeline"]]
    assert periods == sorted(periods)
    if by == "week":
        assert all(day.weekday() == 0 for day in periods)
    if by == "month":
        assert all(day.day == 1 for day in periods)
    assert sum(row["events"] for row in stats["by_type"]) == len(every)
    assert sum(row["events"] for row in stats["by_admin1"]) == len(every)
    assert {row["admin1"] for row in stats["by_admin1"]} == {e["admin1"] for e in every}
    top = stats["by_actor"][0]
    assert top["events"] == sum(top["actor"] in (e["actor1"], e["actor2"]) for e in every)
    assert client.get("/api/stats", params={"by": "year"}).status_code == 422


def test_stats_follow_the_filters(client: TestClient) -> None:
    stats = client.get("/api/stats", params={"admin1": "Homs"}).json()
    assert stats["events"] == 3
    assert [row["admin1"] for row in stats["by_admin1"]] == ["Homs"]


def test_map_clusters_hold_every_located_event(
    client: TestClient, every: list[dict[str, Any]]
) -> None:
    located = [e for e in every if e["latitude"] is not None]
    wide = client.get("/api/map", params={"zoom": 5, **ALL}).json()
    assert wide["located"] == sum(c["count"] for c in wide["cells"]) == len(located)
    close = client.get("/api/map", params={"zoom": 16, **ALL}).json()
    assert close["located"] == len(located)
    assert len(close["cells"]) > len(wide["cells"])
    singles = [cell for cell in close["cells"] if cell["count"] == 1]
    assert singles and all(cell["id"] in {e["id"] for e in located} for cell in singles)
    filtered = client.get("/api/map", params={"zoom": 5, "event_type": "Battles", **ALL}).json()
    assert filtered["located"] == sum(e["event_type"] == "Battles" for e in located)


def test_facets_list_the_filter_values(client: TestClient, every: list[dict[str, Any]]) -> None:
    facets = client.get("/api/facets", params=ALL).json()
    assert {"Homs", "Deir-ez-Zor"} <= {row["admin1"] for row in facets["admin1"]}
    assert sum(row["events"] for row in facets["event_type"]) == len(every)
    assert facets["first_date"] == "2019-08-15" and facets["last_date"] == "2023-12-09"
    assert "Islamic State (Syria)" in {row["actor"] for row in facets["actor"]}


def test_background_mentions_are_left_out_unless_asked_for(
    client: TestClient, every: list[dict[str, Any]]
) -> None:
    news = [e for e in every if not e["historical"]]
    recaps = [e for e in every if e["historical"]]
    assert news and recaps, "the samples must hold both for this test to mean anything"

    def listed(**params: Any) -> list[str]:
        body = client.get("/api/events", params={"limit": 1000, **params}).json()
        return [e["id"] for e in body["events"]]

    assert listed() == listed(historical="exclude") == [e["id"] for e in news]
    assert listed(historical="only") == [e["id"] for e in recaps]
    assert listed(historical="include") == [e["id"] for e in every]
    assert client.get("/api/events", params={"historical": "true"}).status_code == 422

    # The totals: the recaps' tolls are not counted again unless included, and then told apart.
    stats = client.get("/api/stats").json()
    assert (stats["events"], stats["fatalities"]) == (
        len(news),
        sum(e["fatalities"] for e in news),
    )
    assert stats["historical"] == {"events": 0, "fatalities": 0}
    everything = client.get("/api/stats", params=ALL).json()
    assert everything["fatalities"] == sum(e["fatalities"] for e in every)
    assert everything["historical"] == {
        "events": len(recaps),
        "fatalities": sum(e["fatalities"] for e in recaps),
    }

    # The map, the menus and the exports follow the same switch.
    located = [e for e in every if e["latitude"] is not None]
    on_map = client.get("/api/map", params={"zoom": 5}).json()
    assert on_map["located"] == sum(not e["historical"] for e in located)
    assert not any(cell["historical"] for cell in on_map["cells"])
    cells = client.get("/api/map", params={"zoom": 16, **ALL}).json()["cells"]
    assert sum(cell["historical"] for cell in cells) == sum(e["historical"] for e in located)
    facets = client.get("/api/facets").json()
    assert sum(row["events"] for row in facets["event_type"]) == len(news)
    assert facets["historical_events"] == len(recaps)
    exported = client.get("/api/events.csv", params={"include_undated": "true"}).text
    rows = list(csv.DictReader(io.StringIO(exported)))
    assert [row["event_id_cnty"] for row in rows] == [e["id"] for e in news]
    features = json.loads(client.get("/api/events.geojson", params=ALL).text)["features"]
    assert [f["id"] for f in features] == [e["id"] for e in every]


def test_every_actor_of_the_events_has_an_arabic_display_name(
    client: TestClient, every: list[dict[str, Any]]
) -> None:
    names = {row["actor"]: row["name_ar"] for row in client.get("/api/actors").json()["actors"]}
    named = {e[side] for e in every for side in ("actor1", "actor2") if e[side]}
    assert named and named <= set(names)
    assert names["Islamic State (Syria)"] == "تنظيم الدولة الإسلامية (سوريا)"


# --- writing and tokens -----------------------------------------------------------------------


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[Store]:
    store = Store(str(tmp_path / "rasad.db"))
    yield store
    store.close()


def sample_records() -> list[dict[str, Any]]:
    return [json.loads(line) for line in SAMPLES.read_text(encoding="utf-8").splitlines()]


def test_posting_documents_needs_the_write_token(empty: Store) -> None:
    record = sample_records()[0]
    with TestClient(create_app(empty, write_token=WRITE)) as client:
        assert client.post("/api/documents", json=record).status_code == 401
        wrong = client.post("/api/documents", json=record, headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401
        assert wrong.headers["www-authenticate"] == "Bearer"
        assert empty.counts()["documents"] == 0
        auth = {"Authorization": f"Bearer {WRITE}"}
        done = client.post("/api/documents", json=record, headers=auth).json()
        assert done["stored"] == 1 and done["results"][0]["status"] == "new"
        assert done["results"][0]["events_new"] > 0
        listed = client.get("/api/events", params=ALL).json()["total"]
        assert listed == done["results"][0]["events_new"]
        again = client.post("/api/documents", json=record, headers=auth).json()
        assert again["results"][0]["status"] == "duplicate"
        assert (again["stored"], again["duplicate"], again["failed"]) == (0, 1, 0)


def test_posting_many_documents_reports_each_stored_duplicate_and_failed_apart(
    empty: Store,
) -> None:
    first, second, third = sample_records()[1:4]
    auth = {"Authorization": f"Bearer {WRITE}"}
    with TestClient(create_app(empty, write_token=WRITE)) as client:
        assert client.post("/api/documents", json=first, headers=auth).json()["stored"] == 1
        records = [first, second, {"id": "bad", "text": "not Arabic at all"}, third]
        response = client.post("/api/documents", json=records, headers=auth)
    assert response.status_code == 200
    body = response.json()
    assert [r["status"] for r in body["results"]] == ["duplicate", "new", "failed", "new"]
    failed = body["results"][2]
    assert failed["id"] == "bad" and failed["field"] == "text" and "Arabic" in failed["error"]
    assert (body["stored"], body["duplicate"], body["failed"]) == (2, 1, 1)
    assert empty.counts()["documents"] == 3


@pytest.mark.parametrize(
    ("change", "field", "reason"),
    [
        ({"text": None}, "text", "text missing"),
        ({"text": "   "}, "text", "text is empty"),
        ({"text": "Shelling was reported near the city today."}, "text", "not Arabic"),
        ({"published": "09/12/2023 at noon"}, "published", "published"),
        ({"id": None}, "id", "id missing"),
    ],
)
def test_a_single_document_that_fails_is_a_422_naming_the_field(
    empty: Store, change: dict[str, Any], field: str, reason: str
) -> None:
    record = {**sample_records()[0], **change}
    with TestClient(create_app(empty, write_token=WRITE)) as client:
        response = client.post(
            "/api/documents", json=record, headers={"Authorization": f"Bearer {WRITE}"}
        )
    assert response.status_code == 422, response.text
    [problem] = response.json()["detail"]
    assert problem["loc"] == ["body", field]
    assert reason in problem["msg"]
    assert empty.counts()["documents"] == 0


def test_the_docs_example_documents_are_accepted(empty: Store) -> None:
    with TestClient(create_app(empty, write_token=WRITE)) as client:
        body = client.get("/openapi.json").json()["paths"]["/api/documents"]["post"]
        examples = body["requestBody"]["content"]["application/json"]["examples"]
        auth = {"Authorization": f"Bearer {WRITE}"}
        single = client.post("/api/documents", json=examples["one document"]["value"], headers=auth)
        assert single.status_code == 200 and single.json()["stored"] == 1
        listed = client.post("/api/documents", json=examples["a list"]["value"], headers=auth)
        assert listed.json()["duplicate"] == 1


def test_head_answers_wherever_get_does(client: TestClient, every: list[dict[str, Any]]) -> None:
    event_id = every[0]["id"]
    for path in (
        "/",
        "/docs",
        "/openapi.json",
        "/static/app.js",
        "/api/events?limit=3",
        f"/api/events/{event_id}",
        "/api/stats",
        "/api/map",
        "/api/facets",
        "/api/config",
        "/api/documents/000_d9af357cd68cf0d4",
        "/api/events.csv?admin1=Homs",
    ):
        got, head = client.get(path), client.head(path)
        assert head.status_code == got.status_code == 200, path
        assert head.content == b"", path
        assert head.headers["content-type"] == got.headers["content-type"], path
        # a streamed export sends no length, in either answer
        assert head.headers.get("content-length") == got.headers.get("content-length"), path
        assert head.headers["content-security-policy"], path
    assert client.head("/api/events/missing").status_code == 404
    assert client.head("/api/documents").status_code == 405  # POST only


def test_writing_is_refused_when_no_write_token_is_configured(
    empty: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RASAD_WRITE_TOKEN", raising=False)
    with TestClient(create_app(empty)) as client:
        response = client.post(
            "/api/documents", json=sample_records()[0], headers={"Authorization": "Bearer anything"}
        )
    assert response.status_code == 401


def test_a_read_token_closes_reading(seeded: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RASAD_READ_TOKEN", READ)
    monkeypatch.setenv("RASAD_WRITE_TOKEN", WRITE)
    with TestClient(create_app(seeded)) as client:
        for path in (
            "/api/events",
            "/api/events/x",
            "/api/stats",
            "/api/map",
            "/api/events.geojson",
            "/api/documents/x",
        ):
            assert client.get(path).status_code == 401, path
        assert (
            client.get(
                "/api/events", params=ALL, headers={"Authorization": f"Bearer {READ}"}
            ).json()["total"]
            == seeded.counts()["events"]
        )
        assert (
            client.get("/api/stats", headers={"Authorization": f"Bearer {WRITE}"}).status_code
            == 200
        )
        # The dashboard's page itself holds no data; it asks for the token.
        assert client.get("/").status_code == 200


# --- docs and dashboard -------------------------------------------------------------------------


def test_openapi_docs_are_served_from_the_package(client: TestClient) -> None:
    docs = client.get("/docs")
    assert docs.status_code == 200 and "text/html" in docs.headers["content-type"]
    assert "//cdn" not in docs.text and 'src="http' not in docs.text
    for asset in (
        "/static/docs.js",
        "/static/vendor/swagger-ui/swagger-ui-bundle.js",
        "/static/vendor/swagger-ui/swagger-ui.css",
    ):
        assert f'"{asset}"' in docs.text, asset
        assert client.get(asset).status_code == 200, asset
    assert client.get("/redoc").status_code == 404  # ReDoc would need a CDN: not offered
    paths = client.get("/openapi.json").json()["paths"]
    assert {
        "/api/events",
        "/api/events/{event_id}",
        "/api/events.geojson",
        "/api/stats",
        "/api/documents",
        "/api/documents/{doc_id}",
    } <= set(paths)


def test_the_dashboard_needs_no_internet(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    for asset in (
        "/static/app.js",
        "/static/app.css",
        "/static/syria.geojson",
        "/static/vendor/leaflet/leaflet.js",
        "/static/vendor/leaflet/leaflet.css",
    ):
        assert client.get(asset).status_code == 200, asset
    for text in (page.text, client.get("/static/app.js").text):
        assert "//cdn" not in text and "unpkg" not in text and 'src="http' not in text


def test_rasad_serve_takes_db_host_and_port() -> None:
    from rasad.cli import build_parser

    args = build_parser().parse_args(["serve", "--db", "x.db", "--port", "9001"])
    assert (args.db, args.host, args.port) == ("x.db", "127.0.0.1", 9001)
    assert args.handler.__name__ == "run_serve"
