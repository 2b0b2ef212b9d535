"""The event store: documents in, resolved events out, on SQLite or PostgreSQL.

    >>> from rasad.store import Store
    >>> store = Store("sqlite:///rasad.db")          # or a path, or postgresql+psycopg://...
    >>> for outcome in store.ingest(read_documents(["articles.jsonl"]), Pipeline()):
    ...     print(outcome)                          # AddResult or the RasadError of that input
    >>> [e.event.event_id for e in store.events(EventFilter(admin1="Deir-ez-Zor"))]

Adding a document is idempotent and atomic: the document, its accounts of events and the
events they resolve to are written in one transaction, and a document whose content is
already stored (under any id or URL) changes nothing. So an interrupted ingest is simply run
again. A near-duplicate (same story, lightly edited or syndicated) is stored as a copy of its
original: it adds a source, never an event. Everything else is resolved against the events
already stored (``rasad.dedup``): accounts of one real event from several outlets become one
event, recomputed from all its sources, whatever order they came in.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Connection,
    Text,
    bindparam,
    cast,
    create_engine,
    delete,
    event,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import (
    DataError,
    DBAPIError,
    IntegrityError,
    InterfaceError,
    OperationalError,
    SQLAlchemyError,
)

from rasad.dedup import (
    NEAR_DUPLICATE_JACCARD,
    Figure,
    Resolved,
    Source,
    band_keys,
    compatible,
    content_hash,
    kept_apart,
    merge,
    resolve,
    signature,
    signature_bytes,
    signature_from_bytes,
    similarity,
    why_joined,
)
from rasad.errors import RasadError, StoreError
from rasad.model import EVENT_FIELDS, Document, Event, Span
from rasad.store.schema import (
    actors,
    document_bands,
    documents,
    event_history,
    events,
    places,
    resolution_splits,
    sources,
)

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from rasad.pipeline import Pipeline

__all__ = [
    "AddResult",
    "EventAudit",
    "EventFilter",
    "SplitResult",
    "Store",
    "StoreUnavailable",
    "StoredEvent",
    "database_url",
]

log = logging.getLogger(__name__)

DEFAULT_DB = "rasad.db"
# Seconds a SQLite writer waits for another process's lock before it gives up; a URL's own
# ``?timeout=SECONDS`` wins.
BUSY_TIMEOUT = 30.0
# Seconds a store keeps retrying a transaction whose PostgreSQL connection was lost (a server
# restart, a failover) before it gives up.
RECONNECT_TIMEOUT = 60.0
# SQLSTATEs worth a retry: the connection or the server went away, or the transaction lost
# a race (serialization failure, deadlock) and is simply run again.
_TRANSIENT_STATES = ("08", "57P01", "57P02", "57P03", "40001", "40P01")
# Fields of an event whose change is written to its history.
_TRACKED = (
    "event_type",
    "sub_event_type",
    "event_date",
    "time_precision",
    "actor1",
    "actor2",
    "location",
    "admin1",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "fatalities_low",
    "fatalities_high",
    "historical",
)


# What resolution reads of an account: the stored event as JSON text (parsed through a cache,
# ``Store._account``), its figures and window; never the evidence spans.
_ACCOUNTS = select(
    sources.c.id,
    sources.c.event_id,
    cast(sources.c.record, Text).label("raw"),
    sources.c.fatalities,
    sources.c.fatalities_low,
    sources.c.fatalities_high,
    sources.c.fatalities_vague,
    sources.c.window_start,
    sources.c.window_end,
)
_ACCOUNT_CACHE = 50_000  # parsed accounts kept per store (some 200 MB at most)


def database_url(db: str | None = None) -> str:
    """The SQLAlchemy URL of ``db``: a URL as given, a file path as SQLite, else ``RASAD_DB``.

    Without either, ``rasad.db`` in the working directory.
    """
    value = db or os.environ.get("RASAD_DB") or DEFAULT_DB
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to list or export; every field left None lets all through.

    ``type`` matches the disorder type, event type or sub-event type; ``actor`` is a
    case-insensitive part of any actor's name; ``admin1`` a governorate, any case;
    ``historical`` True keeps only recaps of earlier events, False leaves them out.
    """

    since: date | None = None
    until: date | None = None
    admin1: str | None = None
    type: str | None = None
    actor: str | None = None
    historical: bool | None = None


@dataclass(slots=True)
class AddResult:
    """What adding one document did: its status and the events it created or changed.

    ``status`` is "new", "duplicate" (content already stored: nothing changed) or
    "near-duplicate" (stored as a copy of ``original``: a source added, no event).

    The event counts are what the store did: ``events_new`` events it did not have (one
    split off an event counts too), ``events_merged`` events it had that the document's
    accounts joined, ``events_updated`` events it had whose coding changed (merged ones
    among them), ``events_removed`` events it had that are gone, their accounts now in
    another event. So the store holds ``events_new - events_removed`` events more after.
    """

    doc_id: str
    status: str
    original: str | None = None
    events_new: int = 0
    events_merged: int = 0
    events_updated: int = 0
    events_removed: int = 0


@dataclass(slots=True)
class SourceLink:
    """One document behind a stored event: where it came from and what it said."""

    doc_id: str
    source_event_id: str | None
    role: str  # report / historical / copy
    outlet: str | None
    url: str | None
    published: date | None
    fatalities: int | None
    fatalities_text: str | None
    evidence: list[Span] = field(default_factory=list)
    fatalities_vague: bool = False  # the figure is a word such as "عشرات", not a number

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "source_event_id": self.source_event_id,
            "role": self.role,
            "outlet": self.outlet,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "fatalities": self.fatalities,
            "fatalities_text": self.fatalities_text,
            "evidence": [span.to_dict() for span in self.evidence],
        }


@dataclass(slots=True)
class StoredEvent:
    """A resolved event as stored: the coded Event, its death-toll bounds and its sources."""

    event: Event
    fatalities_low: int | None
    fatalities_high: int | None
    sources: list[SourceLink]
    updated_at: datetime

    @property
    def documents(self) -> list[str]:
        """The ids of the documents that tell the event, each once, in the order of
        ``sources``: one document may give two accounts (``dedup.told_twice``)."""
        return list(dict.fromkeys(link.doc_id for link in self.sources))

    def to_dict(self) -> dict[str, Any]:
        """docs/format.md §2, then ``fatalities_low``, ``fatalities_high`` and ``sources``."""
        return {
            **self.event.to_dict(),
            "fatalities_low": self.fatalities_low,
            "fatalities_high": self.fatalities_high,
            "sources": [link.to_dict() for link in self.sources],
        }


@dataclass(slots=True)
class EventAudit:
    """A stored event laid open for an analyst: each account and why it joined the others.

    ``accounts``: the reports and historical mentions resolved into the event, the lead (the
    account whose id the event bears) first, then by id; ``joins[id]``: ``dedup.why_joined``
    of that account with each account listed before it (key ``with``: the other's id), so
    every pair is explained once; ``copies``: each near-duplicate document among the sources
    and the document it copies; ``kept_apart``: the splits (``Store.split``) involving these
    accounts.
    """

    stored: StoredEvent
    accounts: list[tuple[SourceLink, Source]]
    joins: dict[str, list[dict[str, Any]]]
    copies: dict[str, str]
    kept_apart: list[dict[str, Any]]
    history: list[dict[str, Any]]

    def account_dict(self, account: Source) -> dict[str, Any]:
        """The account's own coding: what it told before resolution."""
        e = account.event
        return {
            "event_type": e.event_type,
            "sub_event_type": e.sub_event_type,
            "event_date": e.event_date,
            "time_precision": e.time_precision,
            "window": [day.isoformat() for day in account.window] if account.window else None,
            "actor1": e.actor1,
            "actor2": e.actor2,
            "location": e.location,
            "location_en": e.location_en,
            "admin1": e.admin1,
            "admin2": e.admin2,
            "latitude": e.latitude,
            "longitude": e.longitude,
            "geo_precision": e.geo_precision,
            "fatalities": e.fatalities,
            "historical": e.historical,
        }

    def to_dict(self) -> dict[str, Any]:
        """``GET /api/events/{id}``: the event, its sources (each with its own coding, as
        ``account``, and ``joined_because``), ``n_sources``, ``updated_at``, ``history``
        and ``kept_apart``."""
        own = {link.source_event_id: account for link, account in self.accounts}
        sources = []
        for link in self.stored.sources:
            entry = link.to_dict()
            account = own.get(link.source_event_id) if link.role != "copy" else None
            if account is not None:
                entry["account"] = self.account_dict(account)
                entry["joined_because"] = self.joins.get(account.source_id, [])
            elif link.doc_id in self.copies:
                entry["copy_of"] = self.copies[link.doc_id]
            sources.append(entry)
        return {
            **self.stored.to_dict(),
            "sources": sources,
            "n_sources": len(self.stored.documents),
            "updated_at": self.stored.updated_at.isoformat(),
            "history": [
                {**change, "changed_at": change["changed_at"].isoformat()}
                for change in self.history
            ],
            "kept_apart": self.kept_apart,
        }


@dataclass(frozen=True, slots=True)
class SplitResult:
    """What ``Store.split`` did: ``account`` left ``event_id`` and is now in ``account_event``
    (its own event, or one it fits that none of ``apart_from`` is in); the accounts it was
    split from are now ``remaining`` (usually one event, re-coded without it)."""

    event_id: str
    account: str
    account_event: str
    remaining: list[str]
    apart_from: list[str]


class StoreUnavailable(StoreError):
    """The database itself failed, not a document: locked by another writer past the busy
    timeout, disk full, or the server out of reach past the reconnect timeout.

    Nothing more can be stored until the cause is fixed, so ``Store.ingest`` tries no
    document after it (each gets this error); every document committed before it stays
    stored, and running the same ingest again resumes.
    """


class Store:
    """An event store at a SQLAlchemy URL or a file path (SQLite); migrates itself on open.

    ``reconnect_timeout``: seconds a transaction whose PostgreSQL connection was lost is
    retried (on a new connection) before ``StoreUnavailable`` is raised.
    """

    def __init__(
        self, db: str | None = None, *, reconnect_timeout: float = RECONNECT_TIMEOUT
    ) -> None:
        self.url = database_url(db)
        self.reconnect_timeout = reconnect_timeout
        self._sqlite = self.url.startswith("sqlite")
        self._accounts: dict[tuple, Source] = {}
        self._known: set[tuple[str, str]] = set()  # actors and places known committed
        where = _shown(self.url)
        try:
            self.engine: Engine = _engine(self.url)
            _upgrade(self.engine)
        except ImportError as error:
            raise StoreError(
                f"cannot open the store at {where}: {error} "
                "(for PostgreSQL: pip install 'rasad[postgres]')"
            ) from error
        except (SQLAlchemyError, OSError) as error:
            raise StoreError(f"cannot open the store at {where}: {_reason(error)}") from error

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing ------------------------------------------------------------------------

    def ingest(
        self, items: Iterable[Document | RasadError], pipeline: Pipeline | None = None
    ) -> Iterator[AddResult | RasadError]:
        """The outcome of each input: an AddResult, or the RasadError that input raised.

        A document already stored is recognised before extraction, so resuming an
        interrupted run costs little. Without ``pipeline``, documents must carry events.
        Once the database itself fails (``StoreUnavailable``: locked too long, disk full,
        server gone), the documents after it are not tried: each gets that same error.
        """
        unavailable: StoreUnavailable | None = None
        for item in items:
            if isinstance(item, RasadError):
                yield item
                continue
            if unavailable is not None:
                yield unavailable
                continue
            try:
                if self.contains(item):
                    yield AddResult(item.id, "duplicate")
                    continue
                if pipeline is not None:
                    extracted = next(pipeline.pipe([item]))
                    if isinstance(extracted, RasadError):
                        yield extracted
                        continue
                yield self.add(item)
            except StoreUnavailable as error:
                unavailable = error
                yield error
            except StoreError as error:
                yield error

    def contains(self, doc: Document) -> bool:
        """Whether this content is already stored; raises StoreError if the id holds other text."""
        digest = content_hash(doc.text)

        def look() -> bool:
            with self.engine.connect() as conn:
                return self._stored(conn, doc, digest)

        return self._retrying(look, doc.id)

    def add(self, doc: Document) -> AddResult:
        """Stores a document with the events the pipeline found in it; what that did.

        One transaction: an interruption leaves the store as it was before this document.
        """
        digest = content_hash(doc.text)
        minhash = signature(doc.body or doc.text)

        def write() -> AddResult:
            with self.engine.begin() as conn:
                if self._sqlite:
                    # Take the write lock first (waiting up to the busy timeout), so that
                    # what this transaction reads is still current when it writes.
                    conn.exec_driver_sql("BEGIN IMMEDIATE")
                seen = conn.info["rasad_references"] = set()
                if self._stored(conn, doc, digest):
                    return AddResult(doc.id, "duplicate")
                result = self._add(conn, doc, digest, minhash)
            if len(self._known) > _ACCOUNT_CACHE:
                self._known.clear()
            self._known |= seen
            return result

        return self._retrying(write, doc.id)

    def split(self, event_id: str, account_id: str) -> SplitResult:
        """Takes the account ``account_id`` out of the event ``event_id``, for good.

        The pairs (this account, each other account of the event) are stored in
        ``resolution_splits``, and the event's accounts are resolved again, which never puts
        a stored pair in one event: the account becomes an event of its own (or joins
        another it fits), the others are re-coded without it (``dedup.merge``). Every later
        resolution honours the pairs, so ingesting the same documents again, or new ones
        that resolve with them, never rejoins them. Both events' histories record the split.
        One transaction. Raises StoreError (one line) for an unknown event, an account not
        in it, a copy's account, or an event with no other account.
        """

        def write() -> SplitResult:
            with self.engine.begin() as conn:
                if self._sqlite:
                    conn.exec_driver_sql("BEGIN IMMEDIATE")
                return self._split(conn, event_id, account_id)

        return self._retrying(write, None)

    def _split(self, conn: Connection, event_id: str, account_id: str) -> SplitResult:
        if conn.execute(select(events.c.id).where(events.c.id == event_id)).first() is None:
            raise StoreError(f"no event {event_id!r} in the store")
        account = conn.execute(
            select(sources.c.event_id, sources.c.role).where(sources.c.id == account_id)
        ).first()
        if account is None or account.event_id != event_id:
            where = (
                f" (it is in event {account.event_id!r})" if account and account.event_id else ""
            )
            raise StoreError(
                f"event {event_id!r} has no account {account_id!r}{where}: its accounts are "
                f"the source_event_id values of `rasad events --event {event_id}`"
            )
        if account.role == "copy":
            raise StoreError(
                f"account {account_id!r} is a near-duplicate copy's: it follows the account "
                "of the document it copies, which is the one to split"
            )
        others = sorted(
            conn.execute(
                select(sources.c.id).where(
                    sources.c.event_id == event_id,
                    sources.c.role != "copy",
                    sources.c.id != account_id,
                )
            ).scalars()
        )
        if not others:
            raise StoreError(
                f"event {event_id!r} has no account but {account_id!r}: no join to undo"
            )
        known = {(row.account_a, row.account_b) for row in self._split_rows(conn, [account_id])}
        now = datetime.now(UTC)
        rows = [
            {
                "account_a": min(account_id, other),
                "account_b": max(account_id, other),
                "split_account": account_id,
                "event_id": event_id,
                "split_at": now,
            }
            for other in others
        ]
        fresh = [row for row in rows if (row["account_a"], row["account_b"]) not in known]
        if fresh:
            conn.execute(insert(resolution_splits), fresh)
        self._resolve(conn, [account_id, *others], [], None, split=(event_id, account_id))
        placed = {
            row.id: row.event_id
            for row in conn.execute(
                select(sources.c.id, sources.c.event_id).where(
                    sources.c.id.in_([account_id, *others])
                )
            )
        }
        return SplitResult(
            event_id,
            account_id,
            placed[account_id],
            sorted({placed[other] for other in others}),
            others,
        )

    def _split_rows(self, conn: Connection, account_ids: list[str]) -> list[Any]:
        """The ``resolution_splits`` rows naming any of ``account_ids``."""
        if not account_ids:
            return []
        rows: list[Any] = []
        for start in range(0, len(account_ids), 5000):
            chunk = account_ids[start : start + 5000]
            rows += conn.execute(
                select(resolution_splits).where(
                    or_(
                        resolution_splits.c.account_a.in_(chunk),
                        resolution_splits.c.account_b.in_(chunk),
                    )
                )
            ).all()
        return rows

    def _apart(self, conn: Connection, account_ids: list[str]) -> dict[str, frozenset[str]]:
        """The splits among ``account_ids``, as ``dedup.resolve`` takes them."""
        wanted = set(account_ids)
        return kept_apart(
            (row.account_a, row.account_b)
            for row in self._split_rows(conn, account_ids)
            if row.account_a in wanted and row.account_b in wanted
        )

    def _carry_splits(self, conn: Connection, released: list[str], heirs: list[Source]) -> None:
        """Splits of accounts that just became a copy's pass to the new original's accounts.

        A document demoted to a near-duplicate gives up its accounts to the document that
        now precedes it; the account that tells the same (``_same_account``) inherits its
        splits, so a split survives the arrival of an earlier copy of the same report.
        """
        rows = self._split_rows(conn, released)
        if not rows:
            return
        former = {
            row.id: _source_of(row)
            for row in conn.execute(select(sources).where(sources.c.id.in_(released)))
        }

        def heir(account_id: str) -> str | None:
            if account_id not in former:
                return account_id
            return next((h.source_id for h in heirs if _same_account(former[account_id], h)), None)

        known = {(row.account_a, row.account_b) for row in rows}
        for row in rows:
            a, b = heir(row.account_a), heir(row.account_b)
            if a is None or b is None or a == b:
                continue
            pair = (min(a, b), max(a, b))
            if pair in known:
                continue
            known.add(pair)
            exists = conn.execute(
                select(resolution_splits.c.account_a).where(
                    resolution_splits.c.account_a == pair[0],
                    resolution_splits.c.account_b == pair[1],
                )
            ).first()
            if exists is None:
                conn.execute(
                    insert(resolution_splits).values(
                        account_a=pair[0],
                        account_b=pair[1],
                        split_account=a if row.split_account == row.account_a else b,
                        event_id=row.event_id,
                        split_at=row.split_at,
                    )
                )

    def _retrying(self, action: Any, doc_id: str | None) -> Any:
        """``action()``, run again on a new connection while the failure is transient.

        A failure of the database (locked, disk full, server gone, schema not as expected)
        is raised as StoreUnavailable once retrying cannot help; a value the database
        refuses (IntegrityError, DataError) concerns this document only and is a StoreError
        naming it. Each message is one line.
        """
        deadline = None
        delay = 0.2
        while True:
            try:
                return action()
            except (IntegrityError, DataError) as error:
                raise StoreError(f"cannot store: {_reason(error)}", doc_id=doc_id) from error
            except DBAPIError as error:
                now = time.monotonic()
                deadline = deadline or now + self.reconnect_timeout
                if not self._transient(error) or now >= deadline:
                    raise StoreUnavailable(self._unavailable(error, now >= deadline)) from error
                log.warning("store: %s; retrying in %.1f s", _reason(error), delay)
                time.sleep(delay)
                delay = min(delay * 2, 5.0)
            except SQLAlchemyError as error:
                raise StoreError(f"cannot store: {_reason(error)}", doc_id=doc_id) from error

    def _transient(self, error: DBAPIError) -> bool:
        """Whether a new connection may well succeed: never on SQLite (a lock has been waited
        for already; a full disk stays full), on PostgreSQL when the connection was lost or
        the transaction lost a race."""
        if self._sqlite:
            return False
        if error.connection_invalidated:
            return True
        state = getattr(error.orig, "sqlstate", None)
        if state:
            return state.startswith(_TRANSIENT_STATES)
        # No SQLSTATE: the server could not be reached at all (or the driver misbehaved).
        return isinstance(error, (OperationalError, InterfaceError))

    def _unavailable(self, error: DBAPIError, waited: bool) -> str:
        reason = _reason(error)
        where = _shown(self.url)
        lowered = reason.lower()
        if "locked" in lowered or "busy" in lowered:
            timeout = _busy_timeout(self.url)
            hint = (
                f"another process held its write lock for over {timeout:g} s "
                "(wait longer with ?timeout=SECONDS in the URL)"
            )
        elif "full" in lowered or "no space" in lowered or "disk quota" in lowered:
            hint = "no space left on the disk"
        elif "i/o error" in lowered:
            hint = "the file system refused a write (full, size-limited, read-only or failing)"
        elif waited:
            hint = f"the database was out of reach for {self.reconnect_timeout:g} s"
        else:
            hint = None
        return f"the store at {where} failed: {reason}" + (f"; {hint}" if hint else "")

    def _stored(self, conn: Connection, doc: Document, digest: str) -> bool:
        rows = conn.execute(
            select(documents.c.id, documents.c.content_hash).where(
                or_(documents.c.id == doc.id, documents.c.content_hash == digest)
            )
        ).all()
        for row in rows:
            if row.id == doc.id and row.content_hash != digest:
                raise StoreError("id already stored with other content", doc_id=doc.id)
        return bool(rows)

    def _add(self, conn: Connection, doc: Document, digest: str, minhash: Any) -> AddResult:
        keys = band_keys(minhash)
        original, score = self._near_duplicate(conn, keys, minhash)
        now = datetime.now(UTC)
        conn.execute(
            insert(documents).values(
                id=doc.id,
                content_hash=digest,
                outlet=doc.outlet,
                url=doc.url,
                title=doc.title,
                published=doc.published,
                text=doc.body or doc.text,
                duplicate_of=None,
                similarity=None,
                minhash=signature_bytes(minhash),
                ingested_at=now,
            )
        )
        conn.execute(insert(document_bands), [{"band": k, "doc_id": doc.id} for k in set(keys)])
        accounts = [Source.of(e) for e in doc.events]
        if accounts:
            conn.execute(insert(sources), [_source_row(a) for a in accounts])

        seeds = [a.source_id for a in accounts]
        released: list[str] = []
        result = AddResult(doc.id, "new")
        if original is not None:
            # The original of a group of copies is its earliest report (then smallest id), so
            # the group codes the same events whichever copy arrived first.
            first = conn.execute(
                select(documents.c.id, documents.c.published).where(documents.c.id == original)
            ).one()
            if _precedence(first.id, first.published) < _precedence(doc.id, doc.published):
                self._make_copy(conn, doc.id, original, score)
                self._attach_copies(conn, [original])
                return AddResult(doc.id, "near-duplicate", original=original)
            # This document predates the stored original: it becomes the original.
            released = self._make_copy(conn, original, doc.id, score)
            self._carry_splits(conn, released, accounts)
        counts = self._resolve(conn, seeds, released, doc.id)
        (result.events_new, result.events_merged, result.events_updated, result.events_removed) = (
            counts
        )
        return result

    def _near_duplicate(
        self, conn: Connection, keys: list[int], minhash: Any
    ) -> tuple[str | None, float]:
        """The original of the group a new document copies, and the best similarity found."""
        candidates = conn.execute(
            select(documents.c.id, documents.c.duplicate_of, documents.c.minhash).where(
                documents.c.id.in_(
                    select(document_bands.c.doc_id).where(document_bands.c.band.in_(keys))
                )
            )
        ).all()
        best: tuple[float, str] | None = None
        for row in candidates:
            score = similarity(minhash, signature_from_bytes(row.minhash))
            if score >= NEAR_DUPLICATE_JACCARD:
                original = row.duplicate_of or row.id
                if best is None or (-score, original) < (-best[0], best[1]):
                    best = (score, original)
        return (best[1], best[0]) if best else (None, 0.0)

    def _make_copy(self, conn: Connection, copy: str, original: str, score: float) -> list[str]:
        """Makes ``copy`` (and any copies of it) copies of ``original``; their former reports."""
        group = [
            copy,
            *conn.execute(select(documents.c.id).where(documents.c.duplicate_of == copy)).scalars(),
        ]
        conn.execute(
            update(documents).where(documents.c.id.in_(group)).values(duplicate_of=original)
        )
        conn.execute(update(documents).where(documents.c.id == copy).values(similarity=score))
        former = list(
            conn.execute(
                select(sources.c.id).where(sources.c.doc_id.in_(group), sources.c.role != "copy")
            ).scalars()
        )
        conn.execute(update(sources).where(sources.c.doc_id.in_(group)).values(role="copy"))
        return former

    # --- resolution ---------------------------------------------------------------------

    def _resolve(
        self,
        conn: Connection,
        seeds: list[str],
        released: list[str],
        doc_id: str | None,
        *,
        split: tuple[str, str] | None = None,
    ) -> tuple[int, int, int, int]:
        """Re-resolves every event the new accounts can touch; counts as AddResult's.

        (new, merged, updated, removed): an event whose id is new carries on an event that
        is gone when it took over that event's accounts (its id changed), else it is new.

        The component of accounts linked to the seeds by ``compatible`` is found through the
        block index (governorate × date window), then grouped afresh by ``resolve``, never
        putting together two accounts an analyst split: the result depends only on what is
        stored, never on the order it arrived in. ``split``: (event id, account id) when
        ``Store.split`` took that account out of that event (recorded in the history).
        """
        old_events: set[str] = set()
        if released:
            # Accounts that just became copies leave their events: re-resolve what is left.
            old_events |= set(
                conn.execute(select(sources.c.event_id).where(sources.c.id.in_(released))).scalars()
            )
            seeds = seeds + list(
                conn.execute(
                    select(sources.c.id).where(
                        sources.c.event_id.in_(old_events), sources.c.role != "copy"
                    )
                ).scalars()
            )
        component = self._component(conn, seeds)
        old_events |= {event_id for _, event_id in component.values() if event_id}
        old_rows = (
            {
                row.id: row._asdict()
                for row in conn.execute(select(events).where(events.c.id.in_(old_events)))
            }
            if old_events
            else {}
        )

        # A lone account has nothing to be kept apart from: no look-up.
        apart = self._apart(conn, sorted(component)) if len(component) > 1 else {}
        groups = [
            merge(group) for group in resolve((s for s, _ in component.values()), apart=apart)
        ]
        current = {resolved.event_id for resolved in groups}
        gone = old_events - current
        carried_on: set[str] = set()  # gone events whose accounts an event of a new id took
        now = datetime.now(UTC)
        new = merged = updated = 0
        rewritten: set[str] = set()  # documents whose accounts changed event
        # The events rewritten and their accounts' new event ids, written together at the
        # end (each event id and each account belongs to one group only); the history is
        # written as it comes, since a later group may take over an earlier one's history.
        written: list[dict[str, Any]] = []
        links: list[dict[str, str]] = []
        for resolved in groups:
            row = self._event_row(conn, resolved, now)
            absorbed = sorted(
                {component[s.source_id][1] for s in resolved.sources} - {None, resolved.event_id}
            )
            # An event that takes over another's id is compared with what it took over.
            before = old_rows.get(resolved.event_id) or (
                old_rows.get(absorbed[0]) if absorbed else None
            )
            changes = _changes(before, row) if before else {}
            members = [s.source_id for s in resolved.sources]
            if split is not None:
                note = _split_note(split, members, component, groups)
                if note:
                    changes["split"] = note
            recoded = bool(changes)
            if before and not changes:
                row["updated_at"] = before["updated_at"]
            unchanged = row == old_rows.get(resolved.event_id) and all(
                component[key][1] == resolved.event_id for key in members
            )
            if unchanged:
                continue
            rewritten |= {s.doc_id for s in resolved.sources}
            self._references(conn, resolved.event)
            written.append(row)
            links.extend({"b_account": key, "b_event": resolved.event_id} for key in members)
            # An event whose id is gone was merged into this one: its history continues here.
            # One whose id lives on (some of its accounts are still an event of that id) was
            # split: it keeps its history, and this event records where it came from.
            merged_ids = [key for key in absorbed if key not in current]
            parted = [key for key in absorbed if key in current]
            if merged_ids:
                conn.execute(
                    update(event_history)
                    .where(event_history.c.event_id.in_(merged_ids))
                    .values(event_id=resolved.event_id)
                )
                changes["merged"] = merged_ids
            if parted and "split" not in changes:
                changes["split_from"] = parted
            documents_of = {s.doc_id for s in resolved.sources}
            if resolved.event_id in old_rows:
                existing = True
            else:
                heir_of = next((key for key in merged_ids if key not in carried_on), None)
                existing = heir_of is not None
                if existing:
                    carried_on.add(heir_of)
            new += not existing
            merged += existing and doc_id in documents_of
            updated += existing and recoded
            if doc_id in documents_of and documents_of != {doc_id}:
                changes["source_added"] = doc_id
            if changes and before:
                conn.execute(
                    insert(event_history).values(
                        event_id=resolved.event_id,
                        doc_id=doc_id,
                        changed_at=now,
                        changes=changes,
                    )
                )
        if written:
            conn.execute(delete(events).where(events.c.id.in_([row["id"] for row in written])))
            conn.execute(insert(events), written)
            conn.execute(
                update(sources)
                .where(sources.c.id == bindparam("b_account"))
                .values(event_id=bindparam("b_event")),
                links,
            )
        if gone:
            conn.execute(delete(events).where(events.c.id.in_(sorted(gone))))
        if rewritten:
            self._attach_copies(conn, sorted(rewritten))
        return new, merged, updated, len(gone - carried_on)

    def _component(self, conn: Connection, seeds: list[str]) -> dict[str, tuple[Source, str]]:
        """The reports and mentions linked to ``seeds``, each with its current event id.

        Breadth first, one query per governorate and step: the accounts whose windows meet
        the frontier's, then pairs checked only within a governorate and day.
        """
        found: dict[str, tuple[Source, str]] = {}
        for row in conn.execute(_ACCOUNTS.where(sources.c.id.in_(seeds), sources.c.role != "copy")):
            found[row.id] = (self._account(row), row.event_id)
        read: dict[str, tuple[Source, str]] = dict(found)
        frontier = [found[key][0] for key in sorted(found)]
        while frontier:
            spans: dict[str, tuple[date, date]] = {}
            for account in frontier:
                if account.window is None or not account.event.admin1:
                    continue
                start, end = spans.get(account.event.admin1, account.window)
                spans[account.event.admin1] = (
                    min(start, account.window[0]),
                    max(end, account.window[1]),
                )
            for admin1, (start, end) in sorted(spans.items()):
                query = _ACCOUNTS.where(
                    sources.c.admin1 == admin1,
                    sources.c.role != "copy",
                    sources.c.window_start <= end,
                    sources.c.window_end >= start,
                )
                for row in conn.execute(query):
                    if row.id not in read:
                        read[row.id] = (self._account(row), row.event_id)
            unlinked = _day_index(s for key, (s, _) in read.items() if key not in found)
            reached = []
            for account in frontier:
                for candidate in _same_days(unlinked, account):
                    if candidate.source_id not in found and compatible(account, candidate):
                        found[candidate.source_id] = read[candidate.source_id]
                        reached.append(candidate)
            frontier = reached
        return found

    def _account(self, row: Any) -> Source:
        """The account of a ``_ACCOUNTS`` row, parsed once per store.

        A stored account never changes (only its ``event_id`` and ``role`` do), and a busy
        governorate's accounts are read again by every document that reaches them: the
        parsed Source is kept, keyed by the stored JSON text itself, so a cached entry can
        never stand for other content.
        """
        key = (
            row.raw,
            row.fatalities,
            row.fatalities_low,
            row.fatalities_high,
            row.fatalities_vague,
            row.window_start,
            row.window_end,
        )
        account = self._accounts.get(key)
        if account is None:
            if len(self._accounts) >= _ACCOUNT_CACHE:
                self._accounts.clear()
            figure = None
            if row.fatalities_low is not None:
                figure = Figure(
                    row.fatalities,
                    row.fatalities_low,
                    row.fatalities_high,
                    bool(row.fatalities_vague),
                )
            window = (row.window_start, row.window_end) if row.window_start else None
            account = Source(Event.from_dict(json.loads(row.raw)), figure, window)
            self._accounts[key] = account
        return account

    def _attach_copies(self, conn: Connection, originals: list[str]) -> None:
        """Links each account of the copies of ``originals`` to the event it matches, if any."""
        copies = list(
            conn.execute(
                select(sources, documents.c.duplicate_of.label("b_original"))
                .join(documents, documents.c.id == sources.c.doc_id)
                .where(sources.c.role == "copy", documents.c.duplicate_of.in_(originals))
            )
        )
        for original in sorted({row.b_original for row in copies}):
            reports = sorted(
                (
                    (_source_of(row), row.event_id)
                    for row in conn.execute(
                        select(sources).where(
                            sources.c.doc_id == original, sources.c.role != "copy"
                        )
                    )
                ),
                key=lambda pair: pair[0].source_id,
            )
            for row in copies:
                if row.b_original != original:
                    continue
                account = _source_of(row)
                match = next(
                    (event_id for report, event_id in reports if _same_account(account, report)),
                    None,
                )
                conn.execute(update(sources).where(sources.c.id == row.id).values(event_id=match))

    def _event_row(self, conn: Connection, resolved: Resolved, now: datetime) -> dict[str, Any]:
        """The events row of a resolved event (``_references`` stores its actors and place)."""
        e = resolved.event
        row = {name: getattr(e, name) for name in _COPIED_FIELDS}
        row.update(
            id=e.event_id,
            event_date=date.fromisoformat(e.event_date) if e.event_date else None,
            actor1_id=_short_id(e.actor1) if e.actor1 else None,
            actor2_id=_short_id(e.actor2) if e.actor2 else None,
            place_id=_place_id(e),
            fatalities_low=resolved.fatalities_low,
            fatalities_high=resolved.fatalities_high,
            evidence=[span.to_dict() for span in e.evidence],
            n_sources=len({s.doc_id for s in resolved.sources}),
            updated_at=now,
        )
        return row

    def _references(self, conn: Connection, e: Event) -> None:
        """Stores the actors and the place an event row about to be written refers to.

        Actors and places are never deleted: those known to be committed (``_known``) or
        stored by this transaction (kept in ``conn.info`` until it commits) are not looked
        up again.
        """
        seen = conn.info.setdefault("rasad_references", set())
        for name, inter in ((e.actor1, e.inter1), (e.actor2, e.inter2)):
            if not name:
                continue
            key = ("actor", _short_id(name))
            if key in self._known or key in seen:
                continue
            if conn.execute(select(actors.c.id).where(actors.c.id == key[1])).first() is None:
                conn.execute(insert(actors).values(id=key[1], name=name, inter=inter))
            seen.add(key)
        place_id = _place_id(e)
        if place_id is None or ("place", place_id) in self._known or ("place", place_id) in seen:
            return
        seen.add(("place", place_id))
        if conn.execute(select(places.c.id).where(places.c.id == place_id)).first() is None:
            conn.execute(
                insert(places).values(
                    id=place_id,
                    name=e.location,
                    name_en=e.location_en,
                    admin1=e.admin1,
                    admin1_pcode=e.admin1_pcode,
                    admin2=e.admin2,
                    admin2_pcode=e.admin2_pcode,
                    admin3=e.admin3,
                    admin3_pcode=e.admin3_pcode,
                    latitude=e.latitude,
                    longitude=e.longitude,
                )
            )

    # --- reading ------------------------------------------------------------------------

    def events(self, filters: EventFilter | None = None) -> list[StoredEvent]:
        """The stored events that pass ``filters``, by date then id (undated last)."""
        return list(self.iter_events(filters))

    def iter_events(self, filters: EventFilter | None = None) -> Iterator[StoredEvent]:
        """The stored events that pass ``filters``, one at a time, by date then id.

        Only the ids are read whole; the events and their sources are read 500 at a time, so
        an export of any size holds one batch in memory.
        """
        query = _filtered(select(events.c.id), filters or EventFilter()).order_by(
            events.c.event_date.is_(None), events.c.event_date, events.c.id
        )
        with self.engine.connect() as conn:
            ids = list(conn.execute(query).scalars())
            for start in range(0, len(ids), 500):
                batch = ids[start : start + 500]
                rows = {
                    row.id: row
                    for row in conn.execute(select(events).where(events.c.id.in_(batch)))
                }
                links = self._links(conn, batch)
                for event_id in batch:
                    yield _stored_event(rows[event_id], links.get(event_id, []))

    def count_events(self, filters: EventFilter | None = None) -> int:
        """How many stored events pass ``filters``."""
        query = _filtered(select(func.count()).select_from(events), filters or EventFilter())
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar() or 0)

    def event(self, event_id: str) -> StoredEvent | None:
        """The stored event with this id (or that an account with this id belongs to)."""
        with self.engine.connect() as conn:
            row = conn.execute(select(events).where(events.c.id == event_id)).first()
            if row is None:
                owner = conn.execute(
                    select(sources.c.event_id).where(sources.c.id == event_id)
                ).scalar()
                row = owner and conn.execute(select(events).where(events.c.id == owner)).first()
            if not row:
                return None
            return _stored_event(row, self._links(conn, [row.id]).get(row.id, []))

    def audit(self, event_id: str) -> EventAudit | None:
        """The event with this id (or an account's id) laid open: why its accounts were joined.

        See ``EventAudit``; ``rasad events --event`` prints it, ``/api/events/{id}`` serves it.
        """
        stored = self.event(event_id)
        if stored is None:
            return None
        key = stored.event.event_id
        with self.engine.connect() as conn:
            rows = conn.execute(
                _ACCOUNTS.where(sources.c.event_id == key, sources.c.role != "copy")
            ).all()
            accounts = {row.id: self._account(row) for row in rows}
            copied = [link.doc_id for link in stored.sources if link.role == "copy"]
            copies = {
                row.id: row.duplicate_of
                for row in conn.execute(
                    select(documents.c.id, documents.c.duplicate_of).where(
                        documents.c.id.in_(copied)
                    )
                )
            }
            splits = self._split_rows(conn, sorted(accounts))
        order = sorted(
            accounts,
            key=lambda account_id: (
                account_id != key,
                accounts[account_id].event.historical,
                account_id,
            ),
        )
        links = {link.source_event_id: link for link in stored.sources if link.role != "copy"}
        listed = [(links[i], accounts[i]) for i in order if i in links]
        joins = {
            account.source_id: [
                {"with": earlier.source_id, **why_joined(account, earlier)}
                for _, earlier in listed[:position]
            ]
            for position, (_, account) in enumerate(listed)
        }
        kept = [
            {
                "account": row.split_account,
                "apart_from": row.account_b
                if row.split_account == row.account_a
                else row.account_a,
                "event_id": row.event_id,
                "split_at": row.split_at.isoformat(),
            }
            for row in sorted(splits, key=lambda r: (r.split_at, r.account_a, r.account_b))
        ]
        return EventAudit(
            stored,
            listed,
            joins,
            {doc: original for doc, original in copies.items() if original},
            kept,
            self.history(key),
        )

    def history(self, event_id: str) -> list[dict[str, Any]]:
        """The changes recorded for an event, oldest first: doc_id, changed_at, changes."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(event_history)
                .where(event_history.c.event_id == event_id)
                .order_by(event_history.c.id)
            )
            return [
                {"doc_id": r.doc_id, "changed_at": r.changed_at, "changes": r.changes} for r in rows
            ]

    def counts(self) -> dict[str, int]:
        """How many documents (and of them copies), accounts and events are stored."""
        with self.engine.connect() as conn:

            def count(query: Any) -> int:
                return int(conn.execute(query).scalar() or 0)

            return {
                "documents": count(select(func.count()).select_from(documents)),
                "copies": count(
                    select(func.count())
                    .select_from(documents)
                    .where(documents.c.duplicate_of.is_not(None))
                ),
                "sources": count(select(func.count()).select_from(sources)),
                "events": count(select(func.count()).select_from(events)),
            }

    def _links(self, conn: Connection, event_ids: list[str]) -> dict[str, list[SourceLink]]:
        """The sources of each event: its accounts, then the copies of their documents."""
        query = (
            select(
                sources.c.id,
                sources.c.event_id,
                sources.c.role,
                sources.c.doc_id,
                sources.c.fatalities,
                sources.c.fatalities_text,
                sources.c.fatalities_vague,
                sources.c.evidence,
                documents.c.outlet,
                documents.c.url,
                documents.c.published,
            )
            .join(documents, documents.c.id == sources.c.doc_id)
            .where(sources.c.event_id.in_(event_ids))
        )
        links: dict[str, list[SourceLink]] = {}
        seen: dict[str, set[str]] = {}
        for row in conn.execute(query):
            links.setdefault(row.event_id, []).append(
                SourceLink(
                    row.doc_id,
                    row.id,
                    row.role,
                    row.outlet,
                    row.url,
                    row.published,
                    row.fatalities,
                    row.fatalities_text,
                    [Span(**s) for s in row.evidence],
                    bool(row.fatalities_vague),
                )
            )
            seen.setdefault(row.event_id, set()).add(row.doc_id)
        # A copy is a source of every event of its original, whether or not its own
        # extraction found that event.
        originals = {
            link.doc_id: event_id
            for event_id, items in links.items()
            for link in items
            if link.role != "copy"
        }
        if originals:
            copies = conn.execute(
                select(
                    documents.c.id,
                    documents.c.duplicate_of,
                    documents.c.outlet,
                    documents.c.url,
                    documents.c.published,
                ).where(documents.c.duplicate_of.in_(sorted(originals)))
            ).all()
            for event_id, items in links.items():
                for original in sorted({i.doc_id for i in items if i.role != "copy"}):
                    for copy in copies:
                        if copy.duplicate_of == original and copy.id not in seen[event_id]:
                            seen[event_id].add(copy.id)
                            items.append(
                                SourceLink(
                                    copy.id,
                                    None,
                                    "copy",
                                    copy.outlet,
                                    copy.url,
                                    copy.published,
                                    None,
                                    None,
                                )
                            )
        for items in links.values():
            # one document may give an event two accounts (dedup.told_twice): its id orders them
            items.sort(
                key=lambda link: (link.role == "copy", link.doc_id, link.source_event_id or "")
            )
        return links


# --- helpers --------------------------------------------------------------------------------


def _day_index(accounts: Iterable[Source]) -> dict[tuple[str, date], list[Source]]:
    """Accounts by governorate and by each day of their date window."""
    index: dict[tuple[str, date], list[Source]] = {}
    for account in accounts:
        if account.window is None or not account.event.admin1:
            continue
        for day in _days(account.window):
            index.setdefault((account.event.admin1, day), []).append(account)
    return index


def _same_days(index: dict[tuple[str, date], list[Source]], account: Source) -> list[Source]:
    """The indexed accounts of ``account``'s governorate whose windows meet its own."""
    if account.window is None or not account.event.admin1:
        return []
    seen: dict[str, Source] = {}
    for day in _days(account.window):
        for other in index.get((account.event.admin1, day), ()):
            seen.setdefault(other.source_id, other)
    return [seen[key] for key in sorted(seen)]


def _days(window: tuple[date, date]) -> Iterator[date]:
    day = window[0]
    while day <= window[1]:
        yield day
        day += timedelta(days=1)


def _reason(error: BaseException) -> str:
    """The driver's own message on one line, without SQLAlchemy's echo of the SQL."""
    cause = getattr(error, "orig", None) or error
    return " ".join(str(cause).split()) or type(cause).__name__


def _shown(url: str) -> str:
    """The URL as it may be printed: without its password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # not a URL SQLAlchemy can parse: it has no password to hide either
        return url


def sqlite_file(db: str | None = None) -> Path | None:
    """The file of the SQLite store ``db`` names (as ``Store`` reads it); None for a database
    server or an in-memory SQLite database."""
    url = make_url(database_url(db))
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def _busy_timeout(url: str) -> float:
    timeout = make_url(url).query.get("timeout")
    return float(timeout) if isinstance(timeout, str) else BUSY_TIMEOUT


def _engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        if url.startswith("sqlite:///") and ":memory:" not in url and url != "sqlite://":
            path = url.removeprefix("sqlite:///").split("?", 1)[0]
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": _busy_timeout(url)})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            # WAL lets readers (exports) run while an ingest writes.
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def _upgrade(engine: Engine) -> None:
    """Brings the schema to the newest Alembic revision."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


def _precedence(doc_id: str, published: date | None) -> tuple[date, str]:
    return (published or date.max, doc_id)


def _place_id(e: Event) -> str | None:
    if not e.location:
        return None
    return _short_id(f"{e.location}|{e.admin3_pcode}|{e.latitude}|{e.longitude}")


def _short_id(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _source_row(account: Source) -> dict[str, Any]:
    e, figure = account.event, account.figure
    return {
        "id": e.event_id,
        "doc_id": e.doc_id,
        "event_id": None,
        "role": "historical" if e.historical else "report",
        "event_type": e.event_type,
        "admin1": e.admin1,
        "window_start": account.window[0] if account.window else None,
        "window_end": account.window[1] if account.window else None,
        "fatalities": e.fatalities or 0,
        "fatalities_low": figure.low if figure else None,
        "fatalities_high": figure.high if figure else None,
        "fatalities_vague": figure.vague if figure else None,
        "fatalities_text": e.fatalities_text,
        "evidence": [span.to_dict() for span in e.evidence],
        "record": e.to_dict(),
    }


def _source_of(row: Any) -> Source:
    figure = None
    if row.fatalities_low is not None:
        figure = Figure(
            row.fatalities, row.fatalities_low, row.fatalities_high, bool(row.fatalities_vague)
        )
    window = (row.window_start, row.window_end) if row.window_start else None
    return Source(Event.from_dict(row.record), figure, window)


def _same_account(copy: Source, report: Source) -> bool:
    a, b = copy.event, report.event
    return (a.event_type, a.sub_event_type, a.event_date, a.location) == (
        b.event_type,
        b.sub_event_type,
        b.event_date,
        b.location,
    )


def _split_note(
    split: tuple[str, str],
    members: list[str],
    component: dict[str, tuple[Source, str]],
    groups: list[Resolved],
) -> dict[str, str] | None:
    """What a split did to the event of ``members``, for its history (None: not touched)."""
    event_id, account = split
    if account in members:
        return {"account": account, "from": event_id}
    if any(component[key][1] == event_id for key in members):
        moved = next(r.event_id for r in groups if any(s.source_id == account for s in r.sources))
        return {"account": account, "to": moved}
    return None


def _changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    return {
        name: [_plain(before.get(name)), _plain(after.get(name))]
        for name in _TRACKED
        if _plain(before.get(name)) != _plain(after.get(name))
    }


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _filtered(query: Any, filters: EventFilter) -> Any:
    if filters.historical is not None:
        query = query.where(events.c.historical.is_(filters.historical))
    if filters.since:
        query = query.where(events.c.event_date >= filters.since)
    if filters.until:
        query = query.where(events.c.event_date <= filters.until)
    if filters.admin1:
        query = query.where(func.lower(events.c.admin1) == filters.admin1.lower())
    if filters.type:
        wanted = filters.type.lower()
        query = query.where(
            or_(
                func.lower(events.c.event_type) == wanted,
                func.lower(events.c.sub_event_type) == wanted,
                func.lower(events.c.disorder_type) == wanted,
            )
        )
    if filters.actor:
        pattern = f"%{filters.actor.lower()}%"
        query = query.where(
            or_(
                *(
                    func.lower(column).like(pattern)
                    for column in (
                        events.c.actor1,
                        events.c.actor2,
                        events.c.assoc_actor_1,
                        events.c.assoc_actor_2,
                    )
                )
            )
        )
    return query


# Event fields stored in columns of their own name; the id, the date (a DATE column) and the
# evidence (JSON) are converted on the way.
_COPIED_FIELDS = tuple(f for f in EVENT_FIELDS if f not in ("event_id", "event_date", "evidence"))


def _stored_event(row: Any, links: list[SourceLink]) -> StoredEvent:
    values = row._asdict()
    record = {name: values.get(name) for name in (*_COPIED_FIELDS, "evidence")}
    record["event_id"] = row.id
    record["event_date"] = row.event_date.isoformat() if row.event_date else None
    return StoredEvent(
        Event.from_dict(record), row.fatalities_low, row.fatalities_high, links, row.updated_at
    )
