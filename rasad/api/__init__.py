"""The REST API and the analysts' dashboard: one FastAPI app over an event store.

    >>> from rasad.api import create_app
    >>> app = create_app("rasad.db", write_token="s3cret")      # then: uvicorn, or TestClient

Reading is open unless a read token is set; writing (``POST /api/documents``) always needs the
write token, sent as ``Authorization: Bearer <token>``, and is refused with 401 when no write
token is configured. Tokens not given to ``create_app`` come from ``RASAD_WRITE_TOKEN`` and
``RASAD_READ_TOKEN``; the store from ``RASAD_DB``; an optional tile server for the dashboard
map from ``RASAD_TILE_URL`` (the bundled governorate boundaries are drawn without one). CORS
is off: the dashboard is served by the same process.
"""

from __future__ import annotations

import hmac
import io
import os
import threading
from collections.abc import Iterator
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import select

from rasad.api import queries
from rasad.api.queries import Filters
from rasad.errors import InputError, RasadError
from rasad.store import Store, StoredEvent

if TYPE_CHECKING:
    from rasad.pipeline import Pipeline

__all__ = ["create_app"]

STATIC = Path(__file__).parent / "static"
MAX_PAGE = 1000
MAX_DOCUMENTS_PER_POST = 1000


def create_app(
    store_or_db: Store | str | None = None,
    *,
    write_token: str | None = None,
    read_token: str | None = None,
    tile_url: str | None = None,
) -> FastAPI:
    """The FastAPI app: the API under ``/api``, its docs at ``/docs``, the dashboard at ``/``.

    ``store_or_db`` is an open Store (left open) or what ``Store`` accepts (opened here and
    closed at shutdown; None means ``RASAD_DB``, else ``rasad.db``). A token given as ""
    means none, whatever the environment says.
    """
    owned = not isinstance(store_or_db, Store)
    store = Store(store_or_db) if owned else store_or_db
    # An empty token is no token: "" given here also overrides the environment.
    write_token = (
        write_token if write_token is not None else os.environ.get("RASAD_WRITE_TOKEN")
    ) or None
    read_token = (
        read_token if read_token is not None else os.environ.get("RASAD_READ_TOKEN")
    ) or None
    tile_url = tile_url if tile_url is not None else os.environ.get("RASAD_TILE_URL")

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> Any:
        yield
        if owned:
            store.close()

    app = FastAPI(
        title="rasad",
        summary="ACLED-style events from Arabic conflict news: query, map, ingest.",
        version="0.1.0",
        lifespan=lifespan,
    )
    writer = _Writer(store)

    def require_read(request: Request) -> None:
        # The write token reads too: whoever may add documents may see what they made.
        if read_token is not None and not _authorised(request, read_token, write_token):
            raise _unauthorised("reading needs a token: Authorization: Bearer <token>")

    def require_write(request: Request) -> None:
        if write_token is None:
            raise _unauthorised("writing is disabled: the server has no RASAD_WRITE_TOKEN")
        if not _authorised(request, write_token):
            raise _unauthorised("writing needs the write token: Authorization: Bearer <token>")

    api = APIRouter(prefix="/api", dependencies=[Depends(require_read)])

    @api.get("/events", summary="Events that pass the filters, a page at a time")
    def list_events(
        filters: FilterArgs,
        sort: Annotated[
            str,
            Query(description="a column, '-' first for descending: " + ", ".join(queries.SORTABLE)),
        ] = "-event_date",
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> dict[str, Any]:
        """The total that pass the filters and one page of them (no evidence: see /events/{id})."""
        if sort.lstrip("-") not in queries.SORTABLE:
            raise HTTPException(
                422,
                f"cannot sort by {sort!r}: one of "
                f"{', '.join(queries.SORTABLE)}, '-' first for descending",
            )
        with store.engine.connect() as conn:
            total, page = queries.list_events(conn, filters, sort=sort, limit=limit, offset=offset)
        return {"total": total, "limit": limit, "offset": offset, "sort": sort, "events": page}

    @api.get("/events.geojson", summary="Events that pass the filters as GeoJSON")
    def events_geojson(filters: FilterArgs, sort: str = "-event_date") -> Response:
        """An RFC 7946 FeatureCollection with the ACLED columns (as `rasad export`)."""
        from rasad.export import write_geojson

        return _export(store, filters, sort, write_geojson, "application/geo+json", "geojson")

    @api.get("/events.csv", summary="Events that pass the filters as ACLED CSV")
    def events_csv(filters: FilterArgs, sort: str = "-event_date") -> Response:
        """ACLED's standard columns, one row per event (as `rasad export`)."""
        from rasad.export import write_acled_csv

        return _export(store, filters, sort, write_acled_csv, "text/csv; charset=utf-8", "csv")

    @api.get("/events/{event_id}", summary="One event, its sources, evidence and history")
    def get_event(event_id: str) -> dict[str, Any]:
        """The event (docs/format.md §2) with its sources and the history of its changes.

        Each source carries its own fatality figure and its evidence spans.
        """
        stored = store.event(event_id)
        if stored is None:
            raise HTTPException(404, f"no event {event_id!r}")
        return {
            **stored.to_dict(),
            "n_sources": len(stored.sources),
            "updated_at": stored.updated_at.isoformat(),
            "history": [
                {**change, "changed_at": change["changed_at"].isoformat()}
                for change in store.history(stored.event.event_id)
            ],
        }

    @api.get("/stats", summary="Events and fatalities by period, type, governorate, actor")
    def get_stats(
        filters: FilterArgs,
        by: Literal["day", "week", "month"] = "month",
    ) -> dict[str, Any]:
        """Totals, a series by day, week or month, and breakdowns of the filtered events.

        Breakdowns: by type, sub-type, governorate and the most frequent actors.
        """
        with store.engine.connect() as conn:
            return queries.stats(conn, filters, by=by)

    @api.get("/map", summary="Events that pass the filters, clustered for a map")
    def get_map(
        filters: FilterArgs,
        zoom: Annotated[int, Query(ge=0, le=20)] = 7,
    ) -> dict[str, Any]:
        """Grid cells of located events sized for ``zoom``: the dashboard's map layer."""
        with store.engine.connect() as conn:
            return queries.map_cells(conn, filters, zoom=zoom)

    @api.get("/facets", summary="Values the filters can take, with counts")
    def get_facets() -> dict[str, Any]:
        """Governorates, types, sub-types, the most frequent actors and the date range."""
        with store.engine.connect() as conn:
            return queries.facets(conn)

    @api.get("/documents/{doc_id:path}", summary="A document's cleaned text and its spans")
    def get_document(doc_id: str) -> dict[str, Any]:
        """The cleaned text (offsets of every span refer to it) and each account it gives."""
        with store.engine.connect() as conn:
            found = queries.document(conn, doc_id)
        if found is None:
            raise HTTPException(404, f"no document {doc_id!r}")
        return found

    @app.post(
        "/api/documents",
        summary="Ingest one or many documents (needs the write token)",
        dependencies=[Depends(require_write)],
    )
    def post_documents(
        body: Annotated[Any, Body(description="a document (docs/format.md §1) or a list")],
    ) -> dict[str, Any]:
        """The outcome of each posted document, in order, with how many were stored.

        Status: "new", already known ("duplicate", "near-duplicate") or "failed" with why.
        """
        records = body if isinstance(body, list) else [body]
        if not records:
            raise HTTPException(422, "no documents")
        if len(records) > MAX_DOCUMENTS_PER_POST:
            raise HTTPException(413, f"at most {MAX_DOCUMENTS_PER_POST} documents a request")
        results = writer.ingest(records)
        failed = sum(result["status"] == "failed" for result in results)
        return {"stored": len(results) - failed, "failed": failed, "results": results}

    @api.get("/config", summary="What the dashboard needs to know about this server")
    def get_config() -> dict[str, Any]:
        """The optional tile server URL and whether reading needs a token."""
        return {"tile_url": tile_url, "read_token_required": read_token is not None}

    app.include_router(api)

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def _filters(
    since: Annotated[date | None, Query(description="events on or after this day")] = None,
    until: Annotated[date | None, Query(description="events on or before this day")] = None,
    admin1: Annotated[list[str] | None, Query(description="governorate(s), OCHA names")] = None,
    admin2: Annotated[list[str] | None, Query(description="district(s), OCHA names")] = None,
    event_type: Annotated[list[str] | None, Query(description="ACLED event type(s)")] = None,
    sub_event_type: Annotated[list[str] | None, Query(description="ACLED sub-type(s)")] = None,
    actor: Annotated[str | None, Query(description="part of an actor's name, any case")] = None,
    min_fatalities: Annotated[int | None, Query(ge=0)] = None,
    bbox: Annotated[
        str | None,
        Query(description="west,south,east,north in degrees", examples=["35.5,32.3,42.4,37.4"]),
    ] = None,
    q: Annotated[
        str | None,
        Query(
            description="words in Arabic or English; all must match "
            "(notes, places, actors, evidence)"
        ),
    ] = None,
    historical: Annotated[
        bool | None, Query(description="only (or no) background mentions of past events")
    ] = None,
) -> Filters:
    """The Filters of a request's query string; 422 for a malformed bounding box."""
    box = None
    if bbox:
        try:
            west, south, east, north = (float(part) for part in bbox.split(","))
        except ValueError:
            raise HTTPException(422, "bbox is west,south,east,north in degrees") from None
        box = (west, south, east, north)
    return Filters(
        since=since,
        until=until,
        admin1=tuple(admin1 or ()),
        admin2=tuple(admin2 or ()),
        event_type=tuple(event_type or ()),
        sub_event_type=tuple(sub_event_type or ()),
        actor=actor or None,
        min_fatalities=min_fatalities,
        bbox=box,
        q=q or None,
        historical=historical,
    )


FilterArgs = Annotated[Filters, Depends(_filters)]


def _authorised(request: Request, *tokens: str | None) -> bool:
    """Whether the request's bearer token is one of ``tokens`` (constant-time comparison)."""
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        return False
    offered = given.strip().encode()
    # Every token is compared, so the time taken does not tell which one nearly matched.
    matches = [hmac.compare_digest(offered, token.encode()) for token in tokens if token]
    return any(matches)


def _unauthorised(message: str) -> HTTPException:
    return HTTPException(401, message, headers={"WWW-Authenticate": "Bearer"})


def _stored_events(store: Store, filters: Filters, sort: str) -> Iterator[StoredEvent]:
    """The events that pass ``filters`` with their sources, read 500 at a time."""
    # The store reads events with their sources only through its own helpers; exports use
    # them so that an API export is the same as `rasad export`.
    from rasad.store import _stored_event
    from rasad.store.schema import events

    with store.engine.connect() as conn:
        ids = queries.event_ids(conn, filters, sort=sort)
        for start in range(0, len(ids), 500):
            batch = ids[start : start + 500]
            rows = {
                row.id: row for row in conn.execute(select(events).where(events.c.id.in_(batch)))
            }
            links = store._links(conn, batch)
            for event_id in batch:
                yield _stored_event(rows[event_id], links.get(event_id, []))


def _export(
    store: Store, filters: Filters, sort: str, write: Any, media_type: str, suffix: str
) -> Response:
    """The events that pass ``filters`` written by ``write`` (a rasad.export writer)."""
    if sort.lstrip("-") not in queries.SORTABLE:
        raise HTTPException(422, f"cannot sort by {sort!r}")
    buffer = io.StringIO()
    write(_stored_events(store, filters, sort), buffer)
    return Response(
        buffer.getvalue(),
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="rasad-events.{suffix}"'},
    )


class _Writer:
    """Ingests posted documents one request at a time, with one Pipeline built on first use."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.lock = threading.Lock()
        self.pipeline: Pipeline | None = None

    def ingest(self, records: list[Any]) -> list[dict[str, Any]]:
        """The outcome of each record, in order, as JSON-ready dicts."""
        from rasad.ingest import document_from_record
        from rasad.pipeline import Pipeline

        items: list[Any] = []
        for number, record in enumerate(records, 1):
            try:
                items.append(document_from_record(record, origin=f"request:{number}"))
            except InputError as error:
                items.append(error)
        # SQLite has one writer at a time, and the pipeline is built once: both under the lock.
        with self.lock:
            if self.pipeline is None:
                self.pipeline = Pipeline()
            outcomes = list(self.store.ingest(items, self.pipeline))
        results = []
        for record, outcome in zip(records, outcomes, strict=True):
            if isinstance(outcome, RasadError):
                doc_id = getattr(outcome, "doc_id", None) or (
                    record.get("id") if isinstance(record, dict) else None
                )
                results.append({"id": doc_id, "status": "failed", "error": str(outcome)})
            else:
                results.append(
                    {
                        "id": outcome.doc_id,
                        "status": outcome.status,
                        "original": outcome.original,
                        "events_new": outcome.events_new,
                        "events_merged": outcome.events_merged,
                        "events_updated": outcome.events_updated,
                    }
                )
        return results
