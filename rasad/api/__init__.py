"""The REST API and the analysts' dashboard: one FastAPI app over an event store.

    >>> from rasad.api import create_app
    >>> app = create_app("rasad.db", write_token="s3cret")      # then: uvicorn, or TestClient

Reading is open unless a read token is set; writing (``POST /api/documents``) always needs the
write token, sent as ``Authorization: Bearer <token>`` and compared in constant time, and is
refused with 401 when no write token is configured, and with 403 when the server's database
connection cannot write (a read-only PostgreSQL role, a read-only file). Tokens not given to
``create_app`` come from ``RASAD_WRITE_TOKEN`` and ``RASAD_READ_TOKEN``; the store from
``RASAD_DB``; an optional tile server for the dashboard map from ``RASAD_TILE_URL`` (the
bundled governorate boundaries are drawn without one). CORS is off: the dashboard is served by
the same process. Limits (docs/api.md): bodies of ``max_body`` bytes (413 beyond), pages of
``MAX_PAGE`` events, ``MAX_FILTER_VALUES`` values a filter, ``MAX_TERMS`` words of free text,
``MAX_EXPORTS`` exports streamed at once (503 beyond);
a database that is down or busy is a 503, never a traceback.
"""

from __future__ import annotations

import hmac
import logging
import math
import os
import threading
from collections.abc import Callable, Generator, Iterator
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Connection, Engine, bindparam, create_engine, event, select, text
from sqlalchemy import exc as sa_exc

from rasad.api import queries
from rasad.api.guard import Guard, content_security_policy
from rasad.api.names import actor_names_ar
from rasad.api.queries import Filters
from rasad.errors import InputError, RasadError
from rasad.store import Store, StoredEvent, StoreUnavailable

if TYPE_CHECKING:
    from rasad.pipeline import Pipeline

__all__ = ["create_app"]

STATIC = Path(__file__).parent / "static"
MAX_PAGE = 1000  # events a page of /api/events: a larger limit is a 422
MAX_EXPORT = 100_000  # events an export (.csv, .geojson) holds: more is a 422
MAX_EXPORTS = 4  # exports streamed at once (each holds a database connection): more is a 503
EXPORT_CHUNK = 64 * 1024  # characters sent at a time by an export
MAX_OFFSET = 1_000_000_000
MAX_COUNT = 1_000_000_000  # largest min_fatalities
MAX_DOCUMENTS_PER_POST = 1000
MAX_BODY = 16 * 1024 * 1024  # bytes of a request body: a larger one is a 413
MAX_FILTER_VALUES = 50  # values of one list filter (admin1=...&admin1=...)
MAX_TEXT = 200  # characters of one filter value
MAX_TERMS = 16  # words of q
_MMAP_BYTES = 1 << 30  # how much of a SQLite store readers map into memory
_log = logging.getLogger("rasad.api")


def create_app(
    store_or_db: Store | str | None = None,
    *,
    write_token: str | None = None,
    read_token: str | None = None,
    tile_url: str | None = None,
    max_body: int = MAX_BODY,
    max_exports: int = MAX_EXPORTS,
) -> FastAPI:
    """The FastAPI app: the API under ``/api``, its docs at ``/docs``, the dashboard at ``/``.

    ``store_or_db`` is an open Store (left open) or what ``Store`` accepts (opened here and
    closed at shutdown; None means ``RASAD_DB``, else ``rasad.db``). A token given as ""
    means none, whatever the environment says. ``max_body`` is the largest request body, in
    bytes; ``max_exports`` how many exports stream at once (another is a 503).
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

    reader = _reader(store)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> Any:
        yield
        if reader is not store.engine:
            reader.dispose()
        if owned:
            store.close()

    app = FastAPI(
        title="rasad",
        summary="ACLED-style events from Arabic conflict news: query, map, ingest.",
        version="0.1.0",
        lifespan=lifespan,
        # FastAPI's own pages load Swagger UI and ReDoc from a CDN: blank without internet.
        # /docs is served below from the vendored Swagger UI; ReDoc is not vendored.
        docs_url=None,
        redoc_url=None,
    )
    writer = _Writer(store)
    export_slots = threading.BoundedSemaphore(max_exports)
    app.add_middleware(Guard, max_body=max_body, csp=content_security_policy(tile_url))

    @app.exception_handler(sa_exc.SQLAlchemyError)
    async def database_error(_request: Request, error: sa_exc.SQLAlchemyError) -> JSONResponse:
        # A database that is down, restarting, locked or out of connections: a clear 503 the
        # client can retry, not a traceback.
        if isinstance(
            error, (sa_exc.OperationalError, sa_exc.InterfaceError, sa_exc.TimeoutError)
        ) or getattr(error, "connection_invalidated", False):
            _log.warning("database unavailable: %s", error)
            return JSONResponse(
                {"detail": "the database is unavailable or busy: try again shortly"},
                503,
                headers={"Retry-After": "2"},
            )
        _log.error("database error", exc_info=error)
        return JSONResponse({"detail": "internal error in the database layer"}, 500)

    def require_read(request: Request) -> None:
        # The write token reads too: whoever may add documents may see what they made.
        if read_token is not None and not _authorised(request, read_token, write_token):
            raise _unauthorised("reading needs a token: Authorization: Bearer <token>")

    def require_write(request: Request) -> None:
        if write_token is None:
            raise _unauthorised("writing is disabled: the server has no RASAD_WRITE_TOKEN")
        if not _authorised(request, write_token):
            raise _unauthorised("writing needs the write token: Authorization: Bearer <token>")
        refusal = _read_only(store)
        if refusal:
            raise HTTPException(403, f"writing is disabled: {refusal}")

    api = APIRouter(prefix="/api", dependencies=[Depends(require_read)])

    @api.get("/events", summary="Events that pass the filters, a page at a time")
    def list_events(
        filters: FilterArgs,
        sort: Annotated[
            str,
            Query(description="a column, '-' first for descending: " + ", ".join(queries.SORTABLE)),
        ] = "-event_date",
        limit: Annotated[
            int, Query(ge=1, le=MAX_PAGE, description=f"events a page, at most {MAX_PAGE}")
        ] = 50,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> dict[str, Any]:
        """The total that pass the filters and one page of them (no evidence: see /events/{id})."""
        if sort.lstrip("-") not in queries.SORTABLE:
            raise HTTPException(
                422,
                f"cannot sort by {sort!r}: one of "
                f"{', '.join(queries.SORTABLE)}, '-' first for descending",
            )
        with reader.connect() as conn:
            total, page = queries.list_events(conn, filters, sort=sort, limit=limit, offset=offset)
        return {"total": total, "limit": limit, "offset": offset, "sort": sort, "events": page}

    @api.get("/events.geojson", summary="Events that pass the filters as GeoJSON")
    def events_geojson(filters: FilterArgs, sort: str = "-event_date") -> Response:
        """An RFC 7946 FeatureCollection with the CSV's columns (as `rasad export`), streamed."""
        from rasad.export import geojson_chunks

        return _export(
            store,
            reader,
            export_slots,
            filters,
            sort,
            geojson_chunks,
            "application/geo+json",
            "geojson",
        )

    @api.get("/events.csv", summary="Events that pass the filters as ACLED CSV")
    def events_csv(
        filters: FilterArgs,
        sort: str = "-event_date",
        include_undated: Annotated[
            bool, Query(description="keep undated events (ACLED has none: left out by default)")
        ] = False,
    ) -> Response:
        """ACLED's standard columns, then the P-codes and the sources' URLs, one row per dated
        event (as `rasad export`), streamed.

        A text cell that a spreadsheet would read as a formula (it starts with = + - @, a tab
        or a carriage return) is prefixed with ' (OWASP's advice against CSV injection).
        """
        from rasad.export import acled_csv_chunks, dated

        def chunks(events: Iterator[StoredEvent]) -> Iterator[str]:
            return acled_csv_chunks(events if include_undated else dated(events))

        return _export(
            store, reader, export_slots, filters, sort, chunks, "text/csv; charset=utf-8", "csv"
        )

    @api.get("/events/{event_id:path}", summary="One event, its sources, evidence and history")
    def get_event(event_id: str) -> dict[str, Any]:
        """The event (docs/format.md §2) with its sources and the history of its changes.

        Each source carries its own fatality figure and its evidence spans; each account its
        own coding (``account``) and why it joined the accounts before it
        (``joined_because``: ``dedup.why_joined``), a copy the document it copies
        (``copy_of``); ``kept_apart`` lists the splits (``rasad split``) of its accounts.
        """
        audit = store.audit(event_id)
        if audit is None:
            raise HTTPException(404, f"no event {event_id!r}")
        return audit.to_dict()

    @api.get("/stats", summary="Events and fatalities by period, type, governorate, actor")
    def get_stats(
        filters: FilterArgs,
        by: Literal["day", "week", "month"] = "month",
    ) -> dict[str, Any]:
        """Totals, a series by day, week or month, and breakdowns of the filtered events.

        Breakdowns: by type, sub-type, governorate and the most frequent actors.
        """
        with reader.connect() as conn:
            return queries.stats(conn, filters, by=by)

    @api.get("/map", summary="Events that pass the filters, clustered for a map")
    def get_map(
        filters: FilterArgs,
        zoom: Annotated[int, Query(ge=0, le=20)] = 7,
    ) -> dict[str, Any]:
        """Grid cells of located events sized for ``zoom``: the dashboard's map layer."""
        with reader.connect() as conn:
            return queries.map_cells(conn, filters, zoom=zoom)

    @api.get("/facets", summary="Values the filters can take, with counts")
    def get_facets(historical: queries.Historical = "exclude") -> dict[str, Any]:
        """Governorates, types, sub-types, the most frequent actors and the date range.

        Counted over the events ``historical`` lets through (as for the other filters);
        ``historical_events`` is how many background mentions the store holds.
        """
        with reader.connect() as conn:
            return queries.facets(conn, historical=historical)

    @api.get("/actors", summary="The canonical actors and their Arabic display names")
    def get_actors() -> dict[str, Any]:
        """Every actor events can name (ACLED's name) with the name the Arabic view shows."""
        return {
            "actors": [
                {"actor": actor, "name_ar": name_ar} for actor, name_ar in actor_names_ar().items()
            ]
        }

    @api.get("/documents/{doc_id:path}", summary="A document's cleaned text and its spans")
    def get_document(doc_id: str) -> dict[str, Any]:
        """The cleaned text (offsets of every span refer to it) and each account it gives."""
        with reader.connect() as conn:
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
        body: Annotated[
            Any,
            Body(
                description="a document (docs/format.md §1) or a list",
                openapi_examples=_DOCUMENT_EXAMPLES,
            ),
        ],
        request: Request,
    ) -> Any:
        """The outcome of each posted document, in order, and how many had each.

        Status: "new" or "near-duplicate" (stored; a near-duplicate as a copy of
        ``original``), "duplicate" (already stored: nothing changed) or "failed" with why
        (``error``, and the ``field`` at fault when one is). A single document (not a list)
        that fails is a 422 whose ``detail`` names the field, as FastAPI's own validation
        errors do. A body that is not sent as JSON is a 415.
        """
        if not _json_media_type(request.headers.get("content-type", "")):
            raise HTTPException(
                415, "the body must be JSON, sent with Content-Type: application/json"
            )
        single = not isinstance(body, list)
        records = [body] if single else body
        if not records:
            raise HTTPException(422, "no documents")
        if len(records) > MAX_DOCUMENTS_PER_POST:
            raise HTTPException(413, f"at most {MAX_DOCUMENTS_PER_POST} documents a request")
        results = writer.ingest(records)
        if single and results[0]["status"] == "failed":
            return _invalid_document(results[0])
        statuses = [result["status"] for result in results]
        return {
            "stored": statuses.count("new") + statuses.count("near-duplicate"),
            "duplicate": statuses.count("duplicate"),
            "failed": statuses.count("failed"),
            "results": results,
        }

    @api.get("/config", summary="What the dashboard needs to know about this server")
    def get_config() -> dict[str, Any]:
        """The optional tile server URL and whether reading needs a token."""
        return {"tile_url": tile_url, "read_token_required": read_token is not None}

    app.include_router(api)

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    @app.get("/docs", include_in_schema=False)
    def api_docs() -> FileResponse:
        return FileResponse(STATIC / "docs.html")

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
    min_fatalities: Annotated[int | None, Query(ge=0, le=MAX_COUNT)] = None,
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
        queries.Historical,
        Query(
            description="background mentions of earlier events (a report's recap of a past "
            "attack): left out of every answer unless included, or asked for alone"
        ),
    ] = "exclude",
) -> Filters:
    """The Filters of a request's query string.

    422 for a malformed bounding box, more than MAX_FILTER_VALUES values of a filter, a value
    longer than MAX_TEXT characters or a ``q`` of more than MAX_TERMS words: every value is a
    bound parameter of the SQL, these limits keep the statement small.
    """
    box = None
    if bbox:
        try:
            west, south, east, north = (float(part) for part in bbox.split(","))
        except ValueError:
            raise HTTPException(422, "bbox is west,south,east,north in degrees") from None
        if not all(math.isfinite(value) for value in (west, south, east, north)):
            raise HTTPException(422, "bbox is west,south,east,north in degrees, finite numbers")
        box = (west, south, east, north)
    lists = (
        ("admin1", admin1),
        ("admin2", admin2),
        ("event_type", event_type),
        ("sub_event_type", sub_event_type),
    )
    for name, values in lists:
        if values and len(values) > MAX_FILTER_VALUES:
            raise HTTPException(422, f"{name}: at most {MAX_FILTER_VALUES} values")
        for value in values or ():
            _check_text(name, value)
    _check_text("actor", actor)
    _check_text("q", q, limit=2 * MAX_TEXT)
    if q and len(q.split()) > MAX_TERMS:
        raise HTTPException(422, f"q: at most {MAX_TERMS} words")
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


def _json_media_type(content_type: str) -> bool:
    """Whether a Content-Type is JSON (application/json, or a +json type)."""
    media = content_type.partition(";")[0].strip().lower()
    return media == "application/json" or (
        media.startswith("application/") and media.endswith("+json")
    )


_EXAMPLE_DOCUMENT = {
    "id": "sy24-2023-12-09-mayadin",
    "text": "قتل سبعة عناصر من قوات النظام في هجوم لتنظيم داعش على حاجز قرب مدينة الميادين.",
    "title": "مقتل سبعة عناصر من قوات النظام قرب الميادين",
    "outlet": "SY24",
    "url": "https://example.org/mayadin",
    "published": "2023-12-09",
}
# Shown in /docs, so that "Try it out" starts from a document rasad accepts.
_DOCUMENT_EXAMPLES = {
    "one document": {"summary": "one document", "value": _EXAMPLE_DOCUMENT},
    "a list": {"summary": "a list of documents", "value": [_EXAMPLE_DOCUMENT]},
}


def _invalid_document(failure: dict[str, Any]) -> JSONResponse:
    """The 422 of a single posted document that failed, in FastAPI's validation-error shape."""
    where = ["body", failure["field"]] if failure.get("field") else ["body"]
    return JSONResponse(
        {"detail": [{"type": "invalid_document", "loc": where, "msg": failure["error"]}]}, 422
    )


def _check_text(name: str, value: str | None, *, limit: int = MAX_TEXT) -> None:
    if value is not None and len(value) > limit:
        raise HTTPException(422, f"{name}: at most {limit} characters")


FilterArgs = Annotated[Filters, Depends(_filters)]


def _reader(store: Store) -> Engine:
    """The engine the API reads through: its own pool of connections that cannot write.

    SQLite: ``query_only``, a busy timeout (a reader waits for a checkpoint rather than fail
    with "database is locked"), the file memory-mapped (concurrent readers share the OS's
    pages instead of copying them each into its own cache), and as many connections as the
    server has threads. PostgreSQL: every transaction READ ONLY. Whatever a request could
    smuggle into a query, the connection it runs on cannot change the store.
    """
    url = store.engine.url
    if url.get_backend_name() == "sqlite":
        if not url.database or url.database == ":memory:":
            return store.engine  # a memory database is only reachable through its engine
        engine = create_engine(
            url, pool_size=8, max_overflow=40, pool_timeout=60, connect_args={"timeout": 15}
        )

        @event.listens_for(engine, "connect")
        def _sqlite_reader(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA query_only = ON")
            cursor.execute("PRAGMA busy_timeout = 15000")
            cursor.execute(f"PRAGMA mmap_size = {_MMAP_BYTES}")
            cursor.close()

        return engine
    if url.get_backend_name() != "postgresql":
        return store.engine
    engine = create_engine(url, pool_pre_ping=True)

    @event.listens_for(engine, "connect")
    def _postgres_reader(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
        cursor.close()
        dbapi_connection.commit()

    return engine


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


def _stored_events(store: Store, conn: Connection, ids: list[str]) -> Iterator[StoredEvent]:
    """The events ``ids`` with their sources, read 500 at a time."""
    # The store reads events with their sources only through its own helpers; exports use
    # them so that an API export is the same as `rasad export`.
    from rasad.store import _stored_event
    from rasad.store.schema import events

    for start in range(0, len(ids), 500):
        batch = ids[start : start + 500]
        rows = {row.id: row for row in conn.execute(select(events).where(events.c.id.in_(batch)))}
        links = store._links(conn, batch)
        for event_id in batch:
            yield _stored_event(rows[event_id], links.get(event_id, []))


def _export(
    store: Store,
    reader: Engine,
    slots: threading.BoundedSemaphore,
    filters: Filters,
    sort: str,
    chunks: Callable[[Iterator[StoredEvent]], Iterator[str]],
    media_type: str,
    suffix: str,
) -> Response:
    """The events that pass ``filters``, as the text ``chunks`` makes of them, streamed.

    Nothing is built in memory: the ids are read first, then the events 500 at a time, and
    the text is sent about EXPORT_CHUNK characters at a time, so an export of 100,000 events
    holds its ids and one batch. Each export holds a slot (and a database connection) until
    its response ends, however it ends: when every slot is taken the request is a 503 with
    Retry-After, never a queue that grows. At most MAX_EXPORT events (422 beyond): that bounds how long a
    connection is held; `rasad export` writes any number to a file.
    """
    if sort.lstrip("-") not in queries.SORTABLE:
        raise HTTPException(422, f"cannot sort by {sort!r}")
    if not slots.acquire(blocking=False):
        raise HTTPException(
            503,
            "as many exports as this server streams at once are running: try again shortly",
            headers={"Retry-After": "5"},
        )
    try:
        with reader.connect() as conn:
            ids = queries.event_ids(conn, filters, sort=sort)
        if len(ids) > MAX_EXPORT:
            raise HTTPException(
                422,
                f"{len(ids):,} events pass these filters, more than the {MAX_EXPORT:,} an "
                "export from the API holds: narrow the filters, or use `rasad export`",
            )
    except BaseException:
        slots.release()
        raise

    def text() -> Iterator[str]:
        with reader.connect() as conn:
            pending: list[str] = []
            size = 0
            for chunk in chunks(_stored_events(store, conn, ids)):
                pending.append(chunk)
                size += len(chunk)
                if size >= EXPORT_CHUNK:
                    yield "".join(pending)
                    pending, size = [], 0
            yield "".join(pending)

    return _Streamed(
        text(),
        slots,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="rasad-events.{suffix}"'},
    )


class _Streamed(StreamingResponse):
    """A streamed export that closes its text (and so its database connection) and gives its
    slot back however the response ends: sent whole, failed, or the client gone."""

    def __init__(
        self,
        text: Generator[str, None, None],
        slot: threading.BoundedSemaphore,
        *,
        media_type: str,
        headers: dict[str, str],
    ) -> None:
        super().__init__(text, media_type=media_type, headers=headers)
        self._text = text
        self._slot = slot

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            # The worker thread that read the last chunk has returned (a cancelled read is
            # waited for), so the generator is idle and can be closed here.
            self._text.close()
            self._slot.release()


# The tables an ingest writes, and how.
_WRITES = {
    "documents": ("INSERT", "UPDATE"),
    "document_bands": ("INSERT",),
    "sources": ("INSERT", "UPDATE", "DELETE"),
    "events": ("INSERT", "UPDATE", "DELETE"),
    "actors": ("INSERT",),
    "places": ("INSERT",),
    "event_history": ("INSERT", "UPDATE"),
}


def _read_only(store: Store) -> str | None:
    """Why this server's database connection cannot ingest, or None when it can."""
    if store.engine.dialect.name == "sqlite":
        path = store.engine.url.database
        if path and path != ":memory:" and Path(path).exists() and not os.access(path, os.W_OK):
            return f"the database file {path} is read-only"
        return None
    if store.engine.dialect.name != "postgresql":
        return None
    with store.engine.connect() as conn:
        return _postgres_read_only(conn)


def _postgres_read_only(conn: Connection) -> str | None:
    if conn.execute(text("SELECT current_setting('transaction_read_only')")).scalar() == "on":
        return "the database connection is read-only (transaction_read_only is on)"
    checks = [(table, privilege) for table, needed in _WRITES.items() for privilege in needed]
    query = text(
        "SELECT current_user, "
        + ", ".join(f"has_table_privilege(:t{i}, :p{i})" for i in range(len(checks)))
    ).bindparams(
        *(bindparam(f"t{i}", table) for i, (table, _) in enumerate(checks)),
        *(bindparam(f"p{i}", privilege) for i, (_, privilege) in enumerate(checks)),
    )
    row = conn.execute(query).one()
    missing = [
        f"{privilege} on {table}"
        for (table, privilege), ok in zip(checks, row[1:], strict=True)
        if not ok
    ]
    if missing:
        return (
            f"the database role {row[0]!r} is read-only here (it lacks {', '.join(missing[:3])}"
            + (", ..." if len(missing) > 3 else "")
            + "): run the server with the ingesting role to accept documents"
        )
    return None


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
        unavailable = next((o for o in outcomes if isinstance(o, StoreUnavailable)), None)
        if unavailable is not None:
            # The database failed, not the documents: what was stored before stays, and
            # posting the same documents again stores nothing twice.
            _log.warning("database unavailable during a POST: %s", unavailable)
            raise HTTPException(
                503,
                "the database is unavailable or busy: try again shortly (documents already "
                "stored are recognised, so posting them again is safe)",
                headers={"Retry-After": "2"},
            )
        results = []
        for record, outcome in zip(records, outcomes, strict=True):
            if isinstance(outcome, RasadError):
                doc_id = getattr(outcome, "doc_id", None) or (
                    record.get("id") if isinstance(record, dict) else None
                )
                results.append(
                    {
                        "id": doc_id,
                        "status": "failed",
                        "error": str(outcome),
                        "field": getattr(outcome, "field", None),
                    }
                )
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
