"""The tables of the event store (SQLAlchemy Core), the same on SQLite and PostgreSQL.

    documents ──< document_bands        each document and the LSH keys of its MinHash
    documents ──< sources >── events    one row per account of an event in a document
    events >── actors, places           canonical actors and places, by id
    events ──< event_history            what changed in an event, and which document did it
    resolution_splits                   pairs of accounts an analyst split: never one event

A ``sources`` row is the link event ↔ document: the account as the document gives it (its
evidence spans, its own fatality figure, the whole extracted event) and the resolved event it
belongs to. Changing a table means a new Alembic revision in ``rasad/store/migrations``.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("outlet", String(200)),
    Column("url", Text),
    Column("title", Text),
    Column("published", Date),
    Column("text", Text, nullable=False),  # cleaned: page furniture blanked, offsets kept
    # The original this document copies (near-duplicate), and how alike they are.
    Column("duplicate_of", String(200), ForeignKey("documents.id"), index=True),
    Column("similarity", Float),
    Column("minhash", LargeBinary, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

document_bands = Table(
    "document_bands",
    metadata,
    Column("band", BigInteger, primary_key=True),
    Column("doc_id", String(200), ForeignKey("documents.id"), primary_key=True),
)

actors = Table(
    "actors",
    metadata,
    Column("id", String(16), primary_key=True),
    Column("name", String(300), nullable=False, unique=True),
    Column("inter", Integer),
)

places = Table(
    "places",
    metadata,
    Column("id", String(16), primary_key=True),
    Column("name", String(300)),
    Column("name_en", String(300)),
    Column("admin1", String(200)),
    Column("admin1_pcode", String(20)),
    Column("admin2", String(200)),
    Column("admin2_pcode", String(20)),
    Column("admin3", String(200)),
    Column("admin3_pcode", String(20)),
    Column("latitude", Float),
    Column("longitude", Float),
)

events = Table(
    "events",
    metadata,
    Column("id", String(250), primary_key=True),
    Column("event_type", String(60), nullable=False),
    Column("sub_event_type", String(80), nullable=False),
    Column("disorder_type", String(60)),
    Column("event_date", Date, index=True),
    Column("time_precision", Integer),
    Column("actor1", String(300)),
    Column("actor1_id", String(16), ForeignKey("actors.id")),
    Column("assoc_actor_1", String(300)),
    Column("inter1", Integer),
    Column("actor2", String(300)),
    Column("actor2_id", String(16), ForeignKey("actors.id")),
    Column("assoc_actor_2", String(300)),
    Column("inter2", Integer),
    Column("interaction", Integer),
    Column("civilian_targeting", Boolean, nullable=False),
    Column("place_id", String(16), ForeignKey("places.id")),
    Column("location", String(300)),
    Column("location_mention", Text),
    Column("location_en", String(300)),
    Column("admin1", String(200), index=True),
    Column("admin1_pcode", String(20)),
    Column("admin2", String(200)),
    Column("admin2_pcode", String(20)),
    Column("admin3", String(200)),
    Column("admin3_pcode", String(20)),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geo_precision", Integer),
    Column("fatalities", Integer, nullable=False),
    Column("fatalities_low", Integer),
    Column("fatalities_high", Integer),
    Column("fatalities_text", Text),
    Column("historical", Boolean, nullable=False),
    Column("notes", Text),
    Column("doc_id", String(200), ForeignKey("documents.id"), nullable=False),
    Column("evidence", JSON, nullable=False),
    Column("n_sources", Integer, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

sources = Table(
    "sources",
    metadata,
    Column("id", String(250), primary_key=True),  # the extracted event's id
    Column("doc_id", String(200), ForeignKey("documents.id"), nullable=False, index=True),
    # No foreign key: resolution replaces events inside the transaction that relinks these.
    Column("event_id", String(250), index=True),
    Column("role", String(12), nullable=False),  # report / historical / copy
    Column("event_type", String(60), nullable=False),
    Column("admin1", String(200)),
    Column("window_start", Date),
    Column("window_end", Date),
    Column("fatalities", Integer, nullable=False),
    Column("fatalities_low", Integer),
    Column("fatalities_high", Integer),
    Column("fatalities_vague", Boolean),
    Column("fatalities_text", Text),
    Column("evidence", JSON, nullable=False),
    Column("record", JSON, nullable=False),  # the whole event as extracted (docs/format.md §2)
    Index("ix_sources_block", "admin1", "window_start", "window_end"),
)

event_history = Table(
    "event_history",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(250), nullable=False, index=True),
    Column("doc_id", String(200)),  # the document whose arrival made the change
    Column("changed_at", DateTime(timezone=True), nullable=False),
    Column("changes", JSON, nullable=False),  # {field: [old, new]}, "merged": [ids absorbed]
)

resolution_splits = Table(
    "resolution_splits",
    metadata,
    # Two accounts (``sources.id``; ``account_a`` < ``account_b``) that resolution must never
    # put in one event again. No foreign keys: an account's row outlives any event.
    Column("account_a", String(250), primary_key=True),
    Column("account_b", String(250), primary_key=True, index=True),
    Column("split_account", String(250), nullable=False),  # the account taken out
    Column("event_id", String(250), nullable=False),  # the event it was taken out of
    Column("split_at", DateTime(timezone=True), nullable=False),
)
