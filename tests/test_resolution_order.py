"""Cross-source resolution does not depend on arrival order (issue 14, part 3): properties over
generated accounts of one governorate's week, resolved by the pure functions and by stores fed
the same documents in shuffled orders, with and without accounts an analyst split apart."""

from __future__ import annotations

import random
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rasad.dedup import (
    Resolved,
    Source,
    compatible,
    kept_apart,
    merge,
    resolve,
    resolve_all,
    why_joined,
)
from rasad.model import Document, Event
from rasad.store import Store

# Places close enough to join or not: Shula and a point 2.5 km away, Thiban and Shiheil 10 km
# apart, the governorate itself (geo_precision 3), and a town in another governorate.
PLACES = [
    {"location": "الشولا", "admin1": "Deir-ez-Zor", "latitude": 35.18588, "longitude": 39.84881},
    {"location": "قرب الشولا", "admin1": "Deir-ez-Zor", "latitude": 35.2, "longitude": 39.87},
    {"location": "ذيبان", "admin1": "Deir-ez-Zor", "latitude": 35.01147, "longitude": 40.5047},
    {"location": "الشحيل", "admin1": "Deir-ez-Zor", "latitude": 35.0921, "longitude": 40.45428},
    {
        "location": "دير الزور",
        "admin1": "Deir-ez-Zor",
        "latitude": 35.336,
        "longitude": 40.14,
        "geo_precision": 3,
    },
    {"location": "الرقة", "admin1": "Raqqa", "latitude": 35.95, "longitude": 39.01},
]
KINDS = [
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Violence against civilians", "Attack"),
]
ACTORS = [
    "Islamic State (Syria)",
    "Military Forces of Syria (2000-2024)",
    "Syrian Democratic Forces",
    "Unidentified Armed Group (Syria)",
    "Civilians (Syria)",
    None,
]
DAYS = [f"2023-12-{day:02d}" for day in range(5, 15)]
DOCUMENTS = 8  # accounts are drawn from this many documents, so some share one

TELLING = st.fixed_dictionaries(
    {
        "doc": st.integers(0, DOCUMENTS - 1),
        "kind": st.sampled_from(KINDS),
        "day": st.sampled_from(DAYS),
        "precision": st.sampled_from([1, 1, 1, 2, 3]),
        "place": st.sampled_from(PLACES),
        "geo_precision": st.sampled_from([1, 2, 2]),
        "actor1": st.sampled_from(ACTORS),
        "actor2": st.sampled_from(ACTORS),
        "killed": st.integers(0, 9),
        "historical": st.integers(0, 6).map(lambda n: n == 0),
    }
)
PURE = settings(max_examples=200, deadline=None)
STORES = settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def accounts_of(tellings: list[dict[str, Any]]) -> list[Source]:
    """One Source per telling; event ids unique, as extraction makes them."""
    accounts = []
    for number, told in enumerate(tellings):
        place = {"geo_precision": told["geo_precision"], **told["place"]}
        event = Event(
            f"d{told['doc']}",
            told["kind"][0],
            told["kind"][1],
            event_id=f"d{told['doc']}-{number:02d}",
            event_date=told["day"],
            time_precision=told["precision"],
            actor1=told["actor1"],
            actor2=told["actor2"],
            fatalities=told["killed"],
            historical=told["historical"],
            **place,
        )
        accounts.append(Source.of(event))
    return accounts


def outcome(resolved: list[Resolved]) -> list[tuple[Any, ...]]:
    """What must not depend on order: each event's id, accounts, coding and toll bounds."""
    return sorted(
        (
            r.event_id,
            tuple(sorted(s.source_id for s in r.sources)),
            tuple(sorted(r.event.to_dict().items(), key=lambda item: item[0])).__repr__(),
            r.fatalities_low,
            r.fatalities_high,
        )
        for r in resolved
    )


def shuffled(items: list[Any], order: random.Random) -> list[Any]:
    copy = list(items)
    order.shuffle(copy)
    return copy


@PURE
@given(tellings=st.lists(TELLING, min_size=1, max_size=24), order=st.randoms())
def test_shuffled_accounts_resolve_to_the_same_events(tellings, order):
    accounts = accounts_of(tellings)
    expected = outcome(resolve_all(accounts))
    assert outcome(resolve_all(shuffled(accounts, order))) == expected
    # Blocking by component loses nothing: one pass of resolve over everything agrees.
    assert outcome([merge(group) for group in resolve(shuffled(accounts, order))]) == expected


@PURE
@given(
    tellings=st.lists(TELLING, min_size=2, max_size=24),
    picks=st.lists(st.tuples(st.integers(0, 23), st.integers(0, 23)), max_size=6),
    order=st.randoms(),
)
def test_accounts_kept_apart_stay_apart_in_any_order(tellings, picks, order):
    accounts = accounts_of(tellings)
    ids = [a.source_id for a in accounts]
    pairs = [
        (ids[i % len(ids)], ids[j % len(ids)]) for i, j in picks if i % len(ids) != j % len(ids)
    ]
    apart = kept_apart(pairs)
    expected = outcome(resolve_all(accounts, apart=apart))
    assert outcome(resolve_all(shuffled(accounts, order), apart=apart)) == expected
    for _, members, *_ in expected:
        assert not any(a in members and b in members for a, b in pairs)


@PURE
@given(a=TELLING, b=TELLING)
def test_why_joined_agrees_with_compatible_check_by_check(a, b):
    first, second = accounts_of([a, b])
    why = why_joined(first, second)
    checks = [why[name]["ok"] for name in ("documents", "type", "dates", "actors", "place")]
    assert why["compatible"] == compatible(first, second) == all(checks)
    assert ("✗" in why["summary"]) == (not all(checks))


def documents_of(accounts: list[Source]) -> list[Document]:
    """The documents the accounts come from, each with its accounts as its events."""
    by_doc: dict[str, list[Event]] = defaultdict(list)
    for account in accounts:
        by_doc[account.doc_id].append(account.event)
    return [
        Document(id=doc_id, text=f"تقرير {doc_id} " * 40, events=events)
        for doc_id, events in sorted(by_doc.items())
    ]


def stored(store: Store) -> list[tuple[Any, ...]]:
    """Each stored event's id, accounts and coding, as ``outcome`` gives them."""
    return sorted(
        (
            e.event.event_id,
            tuple(sorted(s.source_event_id for s in e.sources if s.role != "copy")),
            e.event.to_dict().__repr__(),
            e.fatalities_low,
            e.fatalities_high,
        )
        for e in store.events()
    )


def ingested(folder: str, name: str, documents: list[Document]) -> Store:
    store = Store(str(Path(folder) / f"{name}.db"))
    for doc in documents:
        assert store.add(doc).status == "new"
    return store


@STORES
@given(tellings=st.lists(TELLING, min_size=1, max_size=16), order=st.randoms())
def test_stores_fed_in_shuffled_orders_hold_the_same_events(tellings, order):
    accounts = accounts_of(tellings)
    documents = documents_of(accounts)
    expected = {
        (r.event_id, tuple(sorted(s.source_id for s in r.sources))) for r in resolve_all(accounts)
    }
    with (
        tempfile.TemporaryDirectory() as folder,
        ingested(folder, "forward", documents) as forward,
        ingested(folder, "shuffled", shuffled(documents, order)) as other,
    ):
        assert stored(other) == stored(forward)
        assert {event[:2] for event in stored(forward)} == expected


@STORES
@given(
    first=st.lists(TELLING, min_size=2, max_size=12),
    then=st.lists(TELLING, min_size=1, max_size=8),
    order=st.randoms(),
)
def test_a_split_holds_whatever_order_later_documents_arrive_in(first, then, order):
    accounts = accounts_of(first + then)
    batch = accounts[: len(first)]
    # The later documents are new ones: their ids differ from the first batch's.
    later = [
        Source.of(
            Event.from_dict(
                {**a.event.to_dict(), "doc_id": f"n{a.doc_id}", "event_id": f"n{a.source_id}"}
            )
        )
        for a in accounts[len(first) :]
    ]
    with tempfile.TemporaryDirectory() as folder:
        stores = [ingested(folder, name, documents_of(batch)) for name in ("one", "two")]
        joined = [e for e in stores[0].events() if len(e.sources) > 1]
        pairs: list[tuple[str, str]] = []
        if joined:
            event = joined[0]
            account = max(s.source_event_id for s in event.sources)
            for store in stores:
                done = store.split(event.event.event_id, account)
            pairs = [(account, other) for other in done.apart_from]
        later_documents = documents_of(later)
        for store, documents in zip(
            stores, (later_documents, shuffled(later_documents, order)), strict=True
        ):
            for doc in documents:
                assert store.add(doc).status == "new"
        assert stored(stores[0]) == stored(stores[1])
        expected = {
            (r.event_id, tuple(sorted(s.source_id for s in r.sources)))
            for r in resolve_all(batch + later, apart=kept_apart(pairs))
        }
        assert {event[:2] for event in stored(stores[0])} == expected
        for store in stores:
            store.close()


@pytest.mark.parametrize("seed", [3, 14])
def test_a_store_fed_in_a_shuffled_order_matches_the_pure_resolution(store_url, seed):
    rng = random.Random(seed)
    tellings = [
        {
            "doc": rng.randrange(DOCUMENTS),
            "kind": rng.choice(KINDS),
            "day": rng.choice(DAYS[:4]),
            "precision": rng.choice([1, 1, 2]),
            "place": rng.choice(PLACES[:2] + PLACES[4:5]),
            "geo_precision": 2,
            "actor1": rng.choice(ACTORS[:4]),
            "actor2": ACTORS[1],
            "killed": rng.randrange(9),
            "historical": rng.random() < 0.15,
        }
        for _ in range(30)
    ]
    accounts = accounts_of(tellings)
    expected = outcome(resolve_all(accounts))
    with Store(store_url) as store:
        for doc in shuffled(documents_of(accounts), rng):
            store.add(doc)
        assert {event[:2] for event in stored(store)} == {event[:2] for event in expected}
        assert [(e[0], e[3], e[4]) for e in stored(store)] == [(e[0], e[3], e[4]) for e in expected]
