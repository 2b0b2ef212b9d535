"""Reads for the API: filtered, paginated, sorted SQL over the store's tables.

Everything here is SQLAlchemy Core against ``rasad.store.schema`` and is computed by the
database: a page of events, a count, a time series, a grid of map clusters. No function loads
all matching events into Python, so the API answers as fast with 100,000 events as with 40.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from sqlalchemy import (
    Connection,
    Date,
    Text,
    case,
    cast,
    func,
    or_,
    select,
    union_all,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import FunctionElement

from rasad.store.schema import actors, documents, events, sources

__all__ = [
    "HISTORICAL",
    "LIST_COLUMNS",
    "PERIODS",
    "SORTABLE",
    "Filters",
    "conditions",
    "document",
    "event_ids",
    "facets",
    "list_events",
    "map_cells",
    "stats",
]

# The columns of an event in a listing: all but the evidence spans, which are long, and the
# internal keys of the actor and place tables.
LIST_COLUMNS = tuple(
    column.name
    for column in events.c
    if column.name not in {"evidence", "actor1_id", "actor2_id", "place_id"}
)
SORTABLE = {
    "event_date": events.c.event_date,
    "fatalities": events.c.fatalities,
    "admin1": events.c.admin1,
    "admin2": events.c.admin2,
    "event_type": events.c.event_type,
    "sub_event_type": events.c.sub_event_type,
    "actor1": events.c.actor1,
    "actor2": events.c.actor2,
    "location": events.c.location_en,
    "n_sources": events.c.n_sources,
    "updated_at": events.c.updated_at,
}
PERIODS = ("day", "week", "month")
# Events coded historical are background mentions: a report recalling an earlier event. The
# API leaves them out unless asked ("include" them, or "only" them): they are not news of the
# day, and adding their tolls to the totals counts old deaths again.
Historical = Literal["include", "exclude", "only"]
HISTORICAL: tuple[Historical, ...] = ("include", "exclude", "only")
# Free text is matched against these columns (English names and notes, Arabic place names,
# mentions and death-toll phrases), and Arabic terms against the evidence spans too.
_TEXT_COLUMNS = (
    events.c.notes,
    events.c.location,
    events.c.location_en,
    events.c.location_mention,
    events.c.admin1,
    events.c.admin2,
    events.c.admin3,
    events.c.actor1,
    events.c.actor2,
    events.c.assoc_actor_1,
    events.c.assoc_actor_2,
    events.c.event_type,
    events.c.sub_event_type,
    events.c.fatalities_text,
)
_LIKE_ESCAPE = "!"


class _folded(FunctionElement[str]):
    """A text column as ``LIKE`` should see it to match a lower-case pattern in any case.

    ``lower(column)`` on PostgreSQL. On SQLite the column itself: SQLite's ``LIKE`` already
    ignores the case of ASCII letters, and its ``lower()`` changes nothing else, so the
    results are the same, and a text search over 100k events is twice as fast without it.
    """

    type = Text()
    name = "lower"
    inherit_cache = True


@compiles(_folded)
def _folded_default(element: _folded, compiler: Any, **kw: Any) -> str:
    return f"lower({compiler.process(element.clauses, **kw)})"


@compiles(_folded, "sqlite")
def _folded_sqlite(element: _folded, compiler: Any, **kw: Any) -> str:
    return compiler.process(element.clauses, **kw)


@dataclass(frozen=True, slots=True)
class Filters:
    """Which events a request is about; every field left empty lets all through.

    ``admin1``, ``admin2``, ``event_type`` and ``sub_event_type`` match any of their values
    exactly; ``actor`` is part of any actor's name, any case; ``bbox`` is (west, south, east,
    north) in degrees; ``q`` is free text, every word of which must match somewhere;
    ``historical`` says whether background mentions of earlier events are let through
    ("include"), left out ("exclude") or the only ones let through ("only").
    """

    since: date | None = None
    until: date | None = None
    admin1: tuple[str, ...] = ()
    admin2: tuple[str, ...] = ()
    event_type: tuple[str, ...] = ()
    sub_event_type: tuple[str, ...] = ()
    actor: str | None = None
    min_fatalities: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    q: str | None = None
    historical: Historical = "include"


def conditions(filters: Filters) -> list[ColumnElement[bool]]:
    """The WHERE conditions of ``filters`` on the events table (all must hold)."""
    c = events.c
    where: list[ColumnElement[bool]] = []
    if filters.since:
        where.append(c.event_date >= filters.since)
    if filters.until:
        where.append(c.event_date <= filters.until)
    for column, values in (
        (c.admin1, filters.admin1),
        (c.admin2, filters.admin2),
        (c.event_type, filters.event_type),
        (c.sub_event_type, filters.sub_event_type),
    ):
        if values:
            where.append(column.in_(values))
    if filters.actor:
        pattern = _contains(filters.actor.lower())
        # Actor names are matched once in the small actors table, not in every event row;
        # associated actors (not in that table, mostly empty) are matched in place.
        named = select(actors.c.id).where(_folded(actors.c.name).like(pattern, escape=_LIKE_ESCAPE))
        where.append(
            or_(
                c.actor1_id.in_(named),
                c.actor2_id.in_(named),
                *(
                    _folded(column).like(pattern, escape=_LIKE_ESCAPE)
                    for column in (c.assoc_actor_1, c.assoc_actor_2)
                ),
            )
        )
    if filters.min_fatalities is not None:
        where.append(c.fatalities >= filters.min_fatalities)
    if filters.bbox:
        west, south, east, north = filters.bbox
        where += [
            c.longitude >= west,
            c.longitude <= east,
            c.latitude >= south,
            c.latitude <= north,
        ]
    if filters.historical != "include":
        where.append(c.historical == (filters.historical == "only"))
    for term in (filters.q or "").split():
        where.append(_matches(term))
    return where


def _contains(text: str) -> str:
    escaped = (
        text.replace(_LIKE_ESCAPE, _LIKE_ESCAPE * 2)
        .replace("%", _LIKE_ESCAPE + "%")
        .replace("_", _LIKE_ESCAPE + "_")
    )
    return f"%{escaped}%"


def _matches(term: str) -> ColumnElement[bool]:
    pattern = _contains(term.lower())
    options = [_folded(column).like(pattern, escape=_LIKE_ESCAPE) for column in _TEXT_COLUMNS]
    if not term.isascii():
        # The evidence column is JSON, stored with non-ASCII characters escaped (\\u0642...):
        # the term is escaped the same way to be found in it.
        escaped = _contains(json.dumps(term)[1:-1])
        options.append(cast(events.c.evidence, Text).like(escaped, escape=_LIKE_ESCAPE))
    return or_(*options)


def _order(sort: str) -> list[Any]:
    """ORDER BY for ``sort`` (a SORTABLE name, "-" first for descending); undated last."""
    descending = sort.startswith("-")
    column = SORTABLE[sort.lstrip("-")]
    key = column.desc() if descending else column.asc()
    tie = events.c.id.desc() if descending else events.c.id.asc()
    return [key.nulls_last(), tie]


def list_events(
    conn: Connection,
    filters: Filters,
    *,
    sort: str = "-event_date",
    limit: int = 50,
    offset: int = 0,
) -> tuple[int, list[dict[str, Any]]]:
    """How many events pass ``filters``, and the page ``offset:offset+limit`` of them.

    A page that is not full tells the total by itself: the count, another pass over the
    matching rows, is only run when it does not (a full page, or one past the end).
    """
    where = conditions(filters)
    query = (
        select(*(events.c[name] for name in LIST_COLUMNS))
        .where(*where)
        .order_by(*_order(sort))
        .limit(limit)
        .offset(offset)
    )
    page = [_plain(row._asdict()) for row in conn.execute(query)]
    if 0 < len(page) < limit or (not page and offset == 0):
        return offset + len(page), page
    total = conn.execute(select(func.count()).select_from(events).where(*where)).scalar_one()
    return total, page


def event_ids(conn: Connection, filters: Filters, *, sort: str = "-event_date") -> list[str]:
    """The ids of the events that pass ``filters``, in ``sort`` order.

    Only ids: exports then read the events themselves a batch at a time.
    """
    query = select(events.c.id).where(*conditions(filters)).order_by(*_order(sort))
    return list(conn.execute(query).scalars())


def _plain(record: dict[str, Any]) -> dict[str, Any]:
    """``record`` with dates and times as ISO strings, for JSON."""
    return {
        key: value.isoformat() if hasattr(value, "isoformat") else value
        for key, value in record.items()
    }


def _period(conn: Connection, by: str) -> Any:
    """The first day of the ``by`` period an event falls in, as an SQL expression."""
    day = events.c.event_date
    if by == "day":
        return day
    if conn.dialect.name == "sqlite":
        if by == "month":
            return func.strftime("%Y-%m-01", day)
        # "weekday 0" moves to the coming Sunday (or stays on one): six days back is Monday.
        return func.date(day, "weekday 0", "-6 days")
    return cast(func.date_trunc(by, day), Date)


def stats(
    conn: Connection, filters: Filters, *, by: str = "month", top: int = 15
) -> dict[str, Any]:
    """Events and fatalities in total, by period, by type, by governorate and by actor.

    ``by`` is "day", "week" or "month" (periods are named by their first day, weeks start on
    Monday); undated events count in the totals, not in the series. Actors are the ``top``
    most frequent, counting an event once for each side it is on. ``historical`` tells how
    many of the events counted, and of their fatalities, are background mentions (none
    unless ``filters`` let them through).
    """
    where = conditions(filters)
    n_events, n_fatalities = (
        func.count().label("events"),
        func.coalesce(func.sum(events.c.fatalities), 0).label("fatalities"),
    )
    n_historical = func.coalesce(func.sum(case((events.c.historical, 1), else_=0)), 0)
    historical_fatalities = func.coalesce(
        func.sum(case((events.c.historical, events.c.fatalities), else_=0)), 0
    )

    def grouped(*keys: Any) -> list[dict[str, Any]]:
        query = (
            select(*keys, n_events, n_fatalities)
            .where(*where)
            .group_by(*keys)
            .order_by(n_events.desc(), *keys)
        )
        return [_plain(row._asdict()) for row in conn.execute(query)]

    period = _period(conn, by).label("period")
    series = conn.execute(
        select(period, n_events, n_fatalities)
        .where(*where, events.c.event_date.is_not(None))
        .group_by(period)
        .order_by(period)
    )
    totals = conn.execute(
        select(
            n_events,
            n_fatalities,
            n_historical.label("historical_events"),
            historical_fatalities.label("historical_fatalities"),
        ).where(*where)
    ).one()
    sides = union_all(
        *(
            select(column.label("actor"), events.c.fatalities).where(*where, column.is_not(None))
            for column in (events.c.actor1, events.c.actor2)
        )
    ).subquery()
    actor_count = func.count().label("events")
    by_actor = conn.execute(
        select(
            sides.c.actor,
            actor_count,
            func.coalesce(func.sum(sides.c.fatalities), 0).label("fatalities"),
        )
        .group_by(sides.c.actor)
        .order_by(actor_count.desc(), sides.c.actor)
        .limit(top)
    )
    return {
        "by": by,
        "events": totals.events,
        "fatalities": totals.fatalities,
        "historical": {
            "events": totals.historical_events,
            "fatalities": totals.historical_fatalities,
        },
        "timeline": [
            {"period": str(row.period), "events": row.events, "fatalities": row.fatalities}
            for row in series
        ],
        "by_type": grouped(events.c.event_type),
        "by_sub_event_type": grouped(events.c.event_type, events.c.sub_event_type),
        "by_admin1": grouped(events.c.admin1),
        "by_actor": [row._asdict() for row in by_actor],
    }


def map_cells(conn: Connection, filters: Filters, *, zoom: int) -> dict[str, Any]:
    """The located events that pass ``filters``, clustered on a grid fitted to ``zoom``.

    A cell is about 64 pixels wide at that zoom level (Web Mercator tiles are 256 pixels and
    360/2^zoom degrees). Each cell has its events' mean position, count, fatalities, count by
    event type, how many are background mentions (``historical``), bounds, and the event id
    when it holds exactly one.
    """
    c = events.c
    size = 90.0 / 2**zoom
    gx, gy = func.round(c.longitude / size).label("gx"), func.round(c.latitude / size).label("gy")
    query = (
        select(
            gx,
            gy,
            c.event_type,
            func.count().label("n"),
            func.coalesce(func.sum(c.fatalities), 0).label("fatalities"),
            func.sum(case((c.historical, 1), else_=0)).label("historical"),
            func.sum(c.latitude).label("sum_lat"),
            func.sum(c.longitude).label("sum_lon"),
            func.min(c.latitude).label("south"),
            func.max(c.latitude).label("north"),
            func.min(c.longitude).label("west"),
            func.max(c.longitude).label("east"),
            func.min(c.id).label("id"),
        )
        .where(*conditions(filters), c.latitude.is_not(None), c.longitude.is_not(None))
        .group_by(gx, gy, c.event_type)
    )
    cells: dict[tuple[float, float], dict[str, Any]] = {}
    for row in conn.execute(query):
        cell = cells.setdefault(
            (row.gx, row.gy),
            {
                "count": 0,
                "fatalities": 0,
                "historical": 0,
                "sum_lat": 0.0,
                "sum_lon": 0.0,
                "types": {},
                "bounds": [row.west, row.south, row.east, row.north],
                "id": row.id,
            },
        )
        cell["count"] += row.n
        cell["fatalities"] += row.fatalities
        cell["historical"] += row.historical
        cell["sum_lat"] += row.sum_lat
        cell["sum_lon"] += row.sum_lon
        cell["types"][row.event_type] = row.n
        west, south, east, north = cell["bounds"]
        cell["bounds"] = [
            min(west, row.west),
            min(south, row.south),
            max(east, row.east),
            max(north, row.north),
        ]
    out = []
    for cell in cells.values():
        count = cell.pop("count")
        out.append(
            {
                "lat": round(cell.pop("sum_lat") / count, 5),
                "lon": round(cell.pop("sum_lon") / count, 5),
                "count": count,
                **cell,
                "id": cell["id"] if count == 1 else None,
            }
        )
    out.sort(key=lambda cell: -cell["count"])
    return {"zoom": zoom, "located": sum(cell["count"] for cell in out), "cells": out}


def facets(
    conn: Connection, *, historical: Historical = "exclude", actors: int = 300
) -> dict[str, Any]:
    """The values the filters can take, with their event counts: for the dashboard's menus.

    Counts and the date range are of the events ``historical`` lets through;
    ``historical_events`` is how many background mentions the store holds in all.
    """
    c = events.c
    count = func.count().label("events")
    where = conditions(Filters(historical=historical))

    def values(*keys: Any) -> list[dict[str, Any]]:
        query = (
            select(*keys, count)
            .where(*where, keys[-1].is_not(None))
            .group_by(*keys)
            .order_by(*keys)
        )
        return [row._asdict() for row in conn.execute(query)]

    sides = union_all(
        *(
            select(column.label("actor")).where(*where, column.is_not(None))
            for column in (c.actor1, c.actor2)
        )
    ).subquery()
    top = conn.execute(
        select(sides.c.actor, count)
        .group_by(sides.c.actor)
        .order_by(count.desc(), sides.c.actor)
        .limit(actors)
    )
    first, last = conn.execute(
        select(func.min(c.event_date), func.max(c.event_date)).where(*where)
    ).one()
    in_all = conn.execute(select(func.count()).where(c.historical)).scalar_one()
    return {
        "admin1": values(c.admin1),
        "event_type": values(c.event_type),
        "sub_event_type": values(c.event_type, c.sub_event_type),
        "actor": [row._asdict() for row in top],
        "first_date": first.isoformat() if first else None,
        "last_date": last.isoformat() if last else None,
        "historical_events": in_all,
    }


def document(conn: Connection, doc_id: str) -> dict[str, Any] | None:
    """A stored document's cleaned text and metadata, with the spans that produced events.

    ``events`` lists each account the document gives (its event id, role and evidence
    spans, offsets into ``text``), so a reader can see which words made which event.
    """
    row = conn.execute(
        select(
            documents.c.id,
            documents.c.title,
            documents.c.outlet,
            documents.c.url,
            documents.c.published,
            documents.c.text,
            documents.c.duplicate_of,
            documents.c.similarity,
            documents.c.ingested_at,
        ).where(documents.c.id == doc_id)
    ).first()
    if row is None:
        return None
    accounts = conn.execute(
        select(
            sources.c.id,
            sources.c.event_id,
            sources.c.role,
            sources.c.event_type,
            sources.c.fatalities,
            sources.c.fatalities_text,
            sources.c.evidence,
            sources.c.record["sub_event_type"].as_string().label("sub_type"),
        )
        .where(sources.c.doc_id == doc_id)
        .order_by(sources.c.id)
    )
    return {
        **_plain(row._asdict()),
        "events": [
            {
                "source_event_id": a.id,
                "event_id": a.event_id,
                "role": a.role,
                "event_type": a.event_type,
                "sub_event_type": a.sub_type,
                "fatalities": a.fatalities,
                "fatalities_text": a.fatalities_text,
                "evidence": a.evidence,
            }
            for a in accounts
        ],
    }
