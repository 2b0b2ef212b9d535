"""The event store on SQLite and on a real PostgreSQL server: idempotence, copies, resolution."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from rasad.errors import StoreError
from rasad.model import Document
from rasad.store import EventFilter, Store, database_url
from tests.store_reports import REPORTS, edited_copy, report, sample_articles


def snapshot(store: Store) -> list[dict[str, Any]]:
    """Every stored event as JSON (sources and evidence included), in id order."""
    return sorted((e.to_dict() for e in store.events()), key=lambda record: record["event_id"])


@pytest.fixture
def store(store_url: str):
    with Store(store_url) as opened:
        yield opened


def test_same_article_twice_changes_nothing(store, pipeline):
    articles = sample_articles(pipeline)
    first = [store.add(doc) for doc in articles]
    before, counts = snapshot(store), store.counts()
    again = [store.add(doc) for doc in articles]
    assert [r.status for r in first] == ["new"] * 5
    assert [r.status for r in again] == ["duplicate"] * 5
    assert snapshot(store) == before
    assert store.counts() == counts
    assert counts["events"] == sum(len(doc.events) for doc in articles)


def test_same_content_under_another_id_and_url_is_a_duplicate(store, pipeline):
    original = report(pipeline, "sy24-shula")
    store.add(original)
    moved = report(pipeline, "sy24-shula")
    moved.id, moved.url = "sy24-shula-mirror", "https://mirror.example.org/shula"
    assert store.contains(moved)
    assert store.add(moved).status == "duplicate"
    assert store.counts()["documents"] == 1


def test_id_reused_for_other_content_is_refused(store, pipeline):
    store.add(report(pipeline, "sy24-shula"))
    other = report(pipeline, "dz24-thiban")
    other.id = "sy24-shula"
    with pytest.raises(StoreError, match="other content"):
        store.add(other)


def test_edited_copy_from_another_outlet_adds_a_source_and_no_event(store, pipeline):
    original = sample_articles(pipeline)[1]
    store.add(original)
    before = store.counts()["events"]
    result = store.add(edited_copy(pipeline, original))
    assert (result.status, result.original) == ("near-duplicate", original.id)
    assert (result.events_new, result.events_merged) == (0, 0)
    assert store.counts()["events"] == before == len(original.events)
    for stored in store.events():
        assert [(s.doc_id, s.role) for s in stored.sources] == [
            (original.id, "report" if not stored.event.historical else "historical"),
            ("zz-copy", "copy"),
        ]


def test_edited_copy_arriving_first_gives_the_same_events(store_url, pipeline, tmp_path):
    original = sample_articles(pipeline)[1]
    copy = edited_copy(pipeline, original)
    with Store(store_url) as copy_first:
        assert copy_first.add(copy).status == "new"
        assert copy_first.add(original).status == "new"  # earlier id: it becomes the original
        reversed_order = snapshot(copy_first)
    with Store(str(tmp_path / "original-first.db")) as original_first:
        original_first.add(original)
        original_first.add(copy)
        assert reversed_order == snapshot(original_first)


def test_two_reports_of_one_ambush_become_one_event_with_the_conservative_toll(store, pipeline):
    store.add(report(pipeline, "sy24-shula"))
    result = store.add(report(pipeline, "orient-shula"))
    assert (result.events_new, result.events_merged, result.events_updated) == (0, 1, 1)
    [stored] = store.events()
    assert stored.event.location_en == "Ash Shula"
    assert stored.event.event_date == "2023-12-12"
    assert stored.event.fatalities == 5  # "أكثر من 5" is the most conservative figure
    assert (stored.fatalities_low, stored.fatalities_high) == (5, 7)
    assert [(s.doc_id, s.fatalities) for s in stored.sources] == [
        ("orient-shula", 5),
        ("sy24-shula", 7),
    ]
    assert stored.event.event_id == min(s.source_event_id for s in stored.sources)
    [change] = store.history(stored.event.event_id)
    assert change["doc_id"] == "orient-shula"
    assert change["changes"]["fatalities"] == [7, 5]
    sy24_account = next(s.source_event_id for s in stored.sources if s.doc_id == "sy24-shula")
    assert store.event(sy24_account).event.event_id == stored.event.event_id  # found by any source


def test_two_ambushes_on_one_day_in_two_villages_stay_two(store, pipeline):
    store.add(report(pipeline, "dz24-thiban"))
    store.add(report(pipeline, "dz24-shiheil"))
    stored = store.events()
    assert sorted((e.event.location_en, e.event.fatalities) for e in stored) == [
        ("Shiheil", 4),
        ("Thiban (Thiban)", 3),
    ]
    assert all(e.event.event_date == "2023-12-14" for e in stored)


def test_historical_mention_attaches_to_the_event_it_recalls(store, pipeline):
    store.add(report(pipeline, "sy24-shula"))
    result = store.add(report(pipeline, "baladi-mayadin"))
    assert (result.events_new, result.events_merged) == (1, 1)
    mayadin, shula = sorted(store.events(), key=lambda e: e.event.location_en)
    assert shula.event.location_en == "Ash Shula" and not shula.event.historical
    assert [(s.doc_id, s.role) for s in shula.sources] == [
        ("baladi-mayadin", "historical"),
        ("sy24-shula", "report"),
    ]
    assert shula.event.fatalities == 7
    assert mayadin.event.location_en == "Al Mayadin"


def test_a_then_b_equals_b_then_a(store_url, pipeline, tmp_path):
    documents = sample_articles(pipeline) + [report(pipeline, r["id"]) for r in REPORTS]
    with Store(store_url) as forward:
        for doc in documents:
            forward.add(doc)
        forward_events = snapshot(forward)
    with Store(str(tmp_path / "backward.db")) as backward:
        for doc in reversed(documents):
            backward.add(doc)
        assert snapshot(backward) == forward_events
    assert len(forward_events) < sum(len(doc.events) for doc in documents)  # some merged


def test_rerun_after_interrupted_ingest_stores_everything_once(
    store_url, pipeline, monkeypatch, tmp_path
):
    documents = sample_articles(pipeline)
    with Store(store_url) as store:
        resolve = Store._resolve
        calls = []

        def crash_on_third(self, *args, **kwargs):
            calls.append(1)
            if len(calls) == 3:
                raise KeyboardInterrupt  # the run is killed inside the third transaction
            return resolve(self, *args, **kwargs)

        monkeypatch.setattr(Store, "_resolve", crash_on_third)
        with pytest.raises(KeyboardInterrupt):
            for outcome in store.ingest(documents):
                assert outcome.status == "new"
        monkeypatch.setattr(Store, "_resolve", resolve)
        assert store.counts()["documents"] == 2
        statuses = [outcome.status for outcome in store.ingest(documents)]
        assert statuses == ["duplicate", "duplicate", "new", "new", "new"]
        assert store.counts()["events"] == sum(len(doc.events) for doc in documents)
        resumed = snapshot(store)
    with Store(str(tmp_path / "uninterrupted.db")) as clean:
        for doc in documents:
            clean.add(doc)
        assert snapshot(clean) == resumed


def test_filters_select_by_date_governorate_type_and_actor(store, pipeline):
    for doc in sample_articles(pipeline):
        store.add(doc)
    events = store.events()
    dz = store.events(EventFilter(admin1="deir-ez-zor"))
    assert dz and len(dz) < len(events)
    assert {e.event.admin1 for e in dz} == {"Deir-ez-Zor"}
    since = store.events(EventFilter(since=date(2023, 1, 1)))
    assert {e.event.event_date for e in since} == {"2023-12-09"}
    battles = store.events(EventFilter(type="battles"))
    assert battles and {e.event.event_type for e in battles} == {"Battles"}
    isis = store.events(EventFilter(actor="islamic state"))
    assert isis and all("Islamic State (Syria)" in (e.event.actor1, e.event.actor2) for e in isis)


def test_schema_is_the_migrations_head(store):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from rasad.store.schema import metadata

    with store.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0002"


def test_a_plain_path_means_sqlite_in_wal_mode(tmp_path, monkeypatch):
    path = tmp_path / "sub" / "events.db"
    assert database_url(str(path)) == f"sqlite:///{path}"
    monkeypatch.setenv("RASAD_DB", str(path))
    assert database_url(None) == f"sqlite:///{path}"
    assert database_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    Store().close()
    with create_engine(f"sqlite:///{path}").connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"


# --- auditing and splitting a join ------------------------------------------------------------


def shula_event(store: Store, pipeline) -> tuple[str, str, str]:
    """Stores the two reports of the Shula ambush: the event id, SY24's and Orient's accounts."""
    store.add(report(pipeline, "sy24-shula"))
    store.add(report(pipeline, "orient-shula"))
    [stored] = store.events()
    accounts = {s.doc_id: s.source_event_id for s in stored.sources}
    return stored.event.event_id, accounts["sy24-shula"], accounts["orient-shula"]


def test_audit_explains_why_each_account_joined_the_ones_before_it(store, pipeline):
    event_id, sy24, orient = shula_event(store, pipeline)
    audit = store.audit(sy24)  # found by any account's id, like Store.event
    assert audit.stored.event.event_id == event_id == orient  # the smallest id leads
    assert [account.source_id for _, account in audit.accounts] == [orient, sy24]
    assert audit.joins[orient] == []
    [why] = audit.joins[sy24]
    assert why["with"] == orient and why["compatible"]
    assert why["place"]["match"] == "same place" and why["dates"]["overlap"]
    record = audit.to_dict()
    by_doc = {source["doc_id"]: source for source in record["sources"]}
    assert by_doc["sy24-shula"]["joined_because"][0]["summary"] == why["summary"]
    assert by_doc["sy24-shula"]["account"]["fatalities"] == 7
    assert record["kept_apart"] == [] and record["n_sources"] == 2
    assert store.audit("no-such-event") is None


def test_split_takes_the_account_out_and_recodes_the_event_from_the_rest(store, pipeline):
    event_id, sy24, orient = shula_event(store, pipeline)
    done = store.split(event_id, sy24)
    assert (done.account_event, done.remaining, done.apart_from) == (sy24, [orient], [orient])
    rest, alone = store.event(orient), store.event(sy24)
    assert [s.doc_id for s in rest.sources] == ["orient-shula"]
    assert (rest.event.fatalities, rest.fatalities_low, rest.fatalities_high) == (5, 5, 5)
    assert [s.doc_id for s in alone.sources] == ["sy24-shula"]
    assert alone.event.fatalities == 7
    # Both histories say what happened; no document made the change.
    last = store.history(orient)[-1]
    assert last["doc_id"] is None
    assert last["changes"]["split"] == {"account": sy24, "to": sy24}
    assert last["changes"]["fatalities_high"] == [7, 5]
    [note] = store.history(sy24)
    assert note["changes"]["split"] == {"account": sy24, "from": orient}
    assert store.audit(orient).kept_apart == [
        {
            "account": sy24,
            "apart_from": orient,
            "event_id": orient,
            "split_at": store.audit(orient).kept_apart[0]["split_at"],
        }
    ]


def test_split_of_the_lead_account_gives_the_rest_the_next_id(store, pipeline):
    event_id, sy24, orient = shula_event(store, pipeline)
    store.add(report(pipeline, "baladi-mayadin"))  # recalls the ambush: a third account
    assert len(store.event(event_id).sources) == 3
    done = store.split(event_id, orient)
    assert done.account_event == orient
    assert done.remaining == [sy24]  # the smallest id among the remaining reports
    rest = store.event(done.remaining[0])
    assert sorted(s.doc_id for s in rest.sources) == ["baladi-mayadin", "sy24-shula"]
    # The id keeps its history (the merge); the rest records where it came from.
    assert store.history(orient)[0]["changes"]["merged"] == [sy24]
    assert store.history(rest.event.event_id)[-1]["changes"]["split"] == {
        "account": orient,
        "to": orient,
    }


def test_split_survives_reingest_and_new_reports_that_resolve_with_both(store, pipeline):
    event_id, sy24, _orient = shula_event(store, pipeline)
    store.split(event_id, sy24)
    before = snapshot(store)
    assert [store.add(report(pipeline, d)).status for d in ("sy24-shula", "orient-shula")] == [
        "duplicate",
        "duplicate",
    ]
    assert snapshot(store) == before
    third = Document(
        id="khabour-shula",
        text="قتل خمسة عناصر من قوات النظام بكمين لتنظيم داعش قرب قرية الشولا بدير الزور يوم الثلاثاء.",
        outlet="الخابور",
        published=date(2023, 12, 14),
    )
    assert store.add(pipeline(third)).status == "new"
    for stored in store.events():
        documents_of = {s.doc_id for s in stored.sources}
        assert not {"sy24-shula", "orient-shula"} <= documents_of
    assert any("khabour-shula" in {s.doc_id for s in e.sources} for e in store.events())


def test_split_passes_to_an_earlier_copy_of_the_split_report(store, pipeline):
    event_id, sy24, _orient = shula_event(store, pipeline)
    store.split(event_id, sy24)
    earlier = edited_copy(pipeline, report(pipeline, "sy24-shula"), doc_id="aa-sy24")
    assert store.add(earlier).status == "new"  # an earlier id: it becomes the original
    roles = {(s.doc_id, s.role) for e in store.events() for s in e.sources}
    assert {("aa-sy24", "report"), ("sy24-shula", "copy")} <= roles
    for stored in store.events():
        documents_of = {s.doc_id for s in stored.sources}
        if "orient-shula" in documents_of:
            assert documents_of == {"orient-shula"}


def test_split_refuses_an_unknown_event_and_an_account_not_in_it(store, pipeline):
    event_id, sy24, _orient = shula_event(store, pipeline)
    store.add(report(pipeline, "dz24-thiban"))
    thiban = next(e.event.event_id for e in store.events() if e.event.event_id != event_id)
    with pytest.raises(StoreError, match="no event 'nope'"):
        store.split("nope", sy24)
    with pytest.raises(StoreError, match=f"has no account '{thiban}'"):
        store.split(event_id, thiban)
    with pytest.raises(StoreError, match="no join to undo"):
        store.split(thiban, thiban)
    assert len(store.event(event_id).sources) == 2  # nothing changed


def test_one_report_telling_one_strike_twice_is_one_event_of_one_source(store, pipeline):
    # the lead says the civilians were struck, the next paragraph "مقرات لجيش الإسلام": two
    # accounts of one report, one event, one source (dedup.told_twice)
    doc = pipeline(
        Document.from_text(
            "قال المرصد إن حالات اختناق بين المدنيين سجلت إثر قصف جوي شنته قوات النظام السوري"
            " السبت على مدينة دوما.\n"
            "وأفاد المرصد بتسجيل 70 حالة اختناق إثر قصف جوي شنته قوات النظام السوري السبت على"
            " مقرات لجيش الإسلام في مدينة دوما.",
            id="duma-twice",
            published=date(2018, 4, 8),
        )
    )
    assert len(doc.events) == 2
    store.add(doc)
    [stored] = store.events()
    assert len(stored.sources) == 2
    assert stored.documents == ["duma-twice"]
    assert store.audit(stored.event.event_id).to_dict()["n_sources"] == 1
