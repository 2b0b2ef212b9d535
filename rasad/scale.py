"""Many cores, many machines: extraction and cross-source resolution on Dask distributed.

This is the only module that imports Dask; ``import rasad`` never loads it. Another engine
(Spark, Ray) would be one more module offering the same three calls:

* ``connect(workers=N)`` or ``connect(scheduler="tcp://host:8786")``: a ``distributed.Client``
  on a local cluster of N processes, or on a cluster that runs already;
* ``extract_documents(inputs, client)``: what ``Pipeline.pipe(read_documents(inputs))`` gives,
  in the same order with the same errors, extracted on the cluster. JSON lines are split into
  byte ranges at line boundaries (local paths or fsspec URIs such as ``s3://``; compressed
  files are read whole) and read line by line by ``rasad.ingest`` itself, with its limits
  (``max_chars``) and its errors; Parquet is split into row groups; each worker builds its
  Pipeline once;
* ``resolve_bag(events)``: ``dedup.resolve_all`` as a Dask bag, blocked by governorate and
  date window so that no task holds more than the events of one block.

``ParquetEventWriter`` writes events as Parquet partitioned by year and month.

Example:
    >>> with connect(workers=2) as client:
    ...     for item in extract_documents(["tests/fixtures/articles.jsonl"], client):
    ...         print(item.id, [e.sub_event_type for e in item.events])
    000_d9af357cd68cf0d4 ['Armed clash', ...]
"""

from __future__ import annotations

import io
import os
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from rasad.dedup import Resolved, Source, compatible, merge, resolve
from rasad.errors import InputError, RasadError
from rasad.ingest import (
    BINARY_SNIFF_BYTES,
    DEFAULT_MAX_CHARS,
    EMPTY_JSON_LINES,
    INPUT_SUFFIXES,
    JSONL_SUFFIXES,
    document_from_record,
    looks_binary,
    read_documents,
    read_jsonl_lines,
)
from rasad.model import EVENT_FIELDS, Document, Event

if TYPE_CHECKING:
    import dask.bag
    from distributed import Client

    from rasad.pipeline import Pipeline

__all__ = [
    "DEFAULT_BLOCKSIZE",
    "ParquetEventWriter",
    "connect",
    "extract_documents",
    "resolve_bag",
    "resolve_events",
]

# About 700 reports of 5-6 KB: some 5 s of work per task, long enough that scheduling costs
# little, short enough that a worker lost mid-run loses little and the cores stay busy.
DEFAULT_BLOCKSIZE = 4_000_000
PARQUET_SUFFIX = ".parquet"
COMPRESSED_SUFFIXES = frozenset({".gz", ".bz2", ".xz", ".zst"})
# Local text and web pages go through ``read_documents`` on a worker, this many per task.
FILES_PER_TASK = 64
# A date window lasts at most a month, so it touches at most two buckets of 32 days.
BUCKET_DAYS = 32
# The rest of a line a block starts inside is read past this many bytes at a time.
_SKIP_CHUNK_BYTES = 1 << 20


# --- the cluster ----------------------------------------------------------------------------


@contextmanager
def connect(workers: int | None = None, scheduler: str | None = None) -> Iterator[Client]:
    """A Dask client: on the cluster at ``scheduler``, else on ``workers`` local processes.

    Local workers run one thread each: extraction is pure Python, so processes, not threads,
    use the cores. The cluster is shut down when the block ends; a remote one is left running.
    """
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


_pipeline: Pipeline | None = None


def worker_pipeline() -> Pipeline:
    """The Pipeline of this process, built on first use: lexicons load once per worker."""
    global _pipeline
    if _pipeline is None:
        from rasad.pipeline import Pipeline

        _pipeline = Pipeline()
    return _pipeline


def _warm_up() -> None:
    worker_pipeline()


# --- planning: inputs cut into parts ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _JsonlBlock:
    """Lines of a JSON-lines file that start in bytes ``[start, end)``; end None: to the end."""

    url: str
    name: str
    start: int
    end: int | None
    file_index: int
    compression: str | None = None


@dataclass(frozen=True, slots=True)
class _ParquetGroup:
    """One row group of a Parquet file of documents (the columns of a JSON line)."""

    url: str
    name: str
    row_group: int
    first_row: int


@dataclass(frozen=True, slots=True)
class _LocalFiles:
    """Local inputs read as ``read_documents`` reads them: text, HTML, or a bad path."""

    inputs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Failed:
    """An input found unreadable while planning: its error takes its place in the output."""

    error: InputError


_Part = _JsonlBlock | _ParquetGroup | _LocalFiles | _Failed


def _is_remote(given: str) -> bool:
    return "://" in given and not given.startswith("file://")


def _suffixes(name: str) -> tuple[str, str | None]:
    """The input suffix of ``name`` and its compression ("gzip"...), compression stripped."""
    from fsspec.utils import infer_compression

    path = PurePosixPath(name)
    compression = infer_compression(name) if path.suffix.lower() in COMPRESSED_SUFFIXES else None
    if compression:
        path = path.with_suffix("")
    return path.suffix.lower(), compression


def _plan(inputs: Iterable[str], blocksize: int) -> list[_Part]:
    """The parts of ``inputs``, in input order (directories sorted, as ``read_documents``)."""
    parts: list[_Part] = []
    file_index = 0
    for given in inputs:
        if given == "-":
            raise InputError("stdin cannot be split across workers: give files", file="-")
        for name in _files_of(given, parts):
            suffix, compression = _suffixes(name)
            if suffix == PARQUET_SUFFIX:
                parts.extend(_parquet_groups(name))
            elif suffix in JSONL_SUFFIXES:
                parts.extend(_jsonl_blocks(name, file_index, blocksize, compression))
                file_index += 1
            elif not _is_remote(name):
                _add_local(parts, name)
            else:
                parts.append(
                    _Failed(
                        InputError(
                            "only JSON lines and Parquet are read from object stores", file=name
                        )
                    )
                )
    return parts


def _files_of(given: str, parts: list[_Part]) -> list[str]:
    """The files ``given`` names; bad local paths go to ``parts`` for ``read_documents``."""
    import fsspec

    if not _is_remote(given):
        path = Path(given)
        if path.is_dir():
            files = [
                str(file)
                for file in sorted(path.rglob("*"))
                if file.is_file()
                and _suffixes(file.name)[0] in INPUT_SUFFIXES | {PARQUET_SUFFIX}
                and not any(part.startswith(".") for part in file.relative_to(path).parts)
            ]
            if not files:
                _add_local(parts, given)
            return files
        if path.is_file() and _suffixes(path.name)[0] in (JSONL_SUFFIXES | {PARQUET_SUFFIX}):
            return [given]
        _add_local(parts, given)  # text, HTML, missing or unknown: errors worded as usual
        return []
    fs, root = fsspec.core.url_to_fs(given)
    protocol = given.split("://", 1)[0]
    if fs.isdir(root):
        found = sorted(fs.find(root))
        files = [
            f"{protocol}://{name}"
            for name in found
            if _suffixes(name)[0] in JSONL_SUFFIXES | {PARQUET_SUFFIX}
            and not any(p.startswith(".") for p in PurePosixPath(name).relative_to(root).parts)
        ]
        if not files:
            parts.append(
                _Failed(InputError("directory holds no .jsonl or .parquet files", file=given))
            )
        return files
    if not fs.exists(root):
        parts.append(_Failed(InputError("no such file or directory", file=given)))
        return []
    return [given]


def _add_local(parts: list[_Part], name: str) -> None:
    """Adds a local input to the last batch of local files, or starts a batch."""
    if parts and isinstance(parts[-1], _LocalFiles) and len(parts[-1].inputs) < FILES_PER_TASK:
        parts[-1] = _LocalFiles((*parts[-1].inputs, name))
    else:
        parts.append(_LocalFiles((name,)))


def _jsonl_blocks(
    name: str, file_index: int, blocksize: int, compression: str | None
) -> list[_Part]:
    """Byte ranges of a JSON-lines file, or the error that it cannot be read as one."""
    import fsspec

    fs, path = fsspec.core.url_to_fs(name)
    try:
        with fs.open(path, "rb", compression=compression) as handle:
            head = handle.read(BINARY_SNIFF_BYTES)
        size = fs.size(path)
    except OSError as error:
        return [_Failed(InputError(f"cannot read: {error.strerror or error}", file=name))]
    # A binary file, as ``read_documents`` tells it: one error, not one per chunk of it.
    if looks_binary(head):
        return [_Failed(InputError("binary data or UTF-16, not UTF-8 JSON lines", file=name))]
    if compression or size <= blocksize:
        return [_JsonlBlock(name, name, 0, None, file_index, compression)]
    starts = range(0, size, blocksize)
    return [
        _JsonlBlock(name, name, start, min(start + blocksize, size), file_index) for start in starts
    ]


def _parquet_groups(name: str) -> list[_Part]:
    """The row groups of a Parquet file of documents."""
    import fsspec
    import pyarrow.parquet as pq

    fs, path = fsspec.core.url_to_fs(name)
    try:
        with fs.open(path, "rb") as handle:
            metadata = pq.ParquetFile(handle).metadata
    except (OSError, ValueError) as error:  # pyarrow raises ArrowInvalid (a ValueError)
        return [_Failed(InputError(f"cannot read as Parquet: {error}", file=name))]
    parts: list[_Part] = []
    first_row = 1
    for group in range(metadata.num_row_groups):
        parts.append(_ParquetGroup(name, name, group, first_row))
        first_row += metadata.row_group(group).num_rows
    return parts


def _count_newlines(url: str, start: int, end: int) -> int:
    """How many newlines the bytes ``[start, end)`` of a file hold."""
    import fsspec

    fs, path = fsspec.core.url_to_fs(url)
    count = 0
    with fs.open(path, "rb") as handle:
        handle.seek(start)
        remaining = end - start
        while remaining > 0:
            chunk = handle.read(min(remaining, 1 << 22))
            if not chunk:
                break
            count += chunk.count(b"\n")
            remaining -= len(chunk)
    return count


def _first_lines(parts: list[_Part], client: Client) -> dict[int, int]:
    """The 1-based line each JSON-lines block starts at, by position in ``parts``.

    Newlines are counted on the workers, in parallel: the bytes ``[start - 1, end - 1)``
    of each block, so that the lines before a block are one more than the newlines before
    the byte ahead of it.
    """
    counted: dict[int, Any] = {}
    for index, part in enumerate(parts):
        if isinstance(part, _JsonlBlock) and part.end is not None:
            counted[index] = client.submit(
                _count_newlines, part.url, max(part.start - 1, 0), part.end - 1, pure=False
            )
    counts = dict(zip(counted, client.gather(list(counted.values())), strict=True))
    first: dict[int, int] = {}
    newlines_before: dict[int, int] = defaultdict(int)
    for index, part in enumerate(parts):
        if not isinstance(part, _JsonlBlock):
            continue
        first[index] = 1 if part.start == 0 else 2 + newlines_before[part.file_index]
        newlines_before[part.file_index] += counts.get(index, 0)
    return first


# --- work done on the workers ----------------------------------------------------------------


@dataclass(slots=True)
class _PartResult:
    """What one part gave: documents (events attached) and packed errors, in input order."""

    items: list[Document | tuple]
    has_content: bool = True


def _pack(error: RasadError) -> tuple:
    """An error as plain data: rasad's errors take keyword arguments pickle cannot restore."""
    return type(error), dict(vars(error)), str(error)


def _unpack(packed: tuple) -> RasadError:
    kind, attributes, text = packed
    error = kind.__new__(kind)
    Exception.__init__(error, text)
    vars(error).update(attributes)
    return error


def _slim(doc: Document, keep_text: bool) -> Document:
    """The document with its events, without what the pipeline built to find them."""
    return Document(
        id=doc.id,
        text=doc.text if keep_text else "",
        title=doc.title,
        outlet=doc.outlet,
        url=doc.url,
        published=doc.published,
        origin=doc.origin,
        body=doc.body if keep_text else "",
        events=doc.events,
    )


def _run(items: Iterable[Document | RasadError], keep_text: bool) -> list[Document | tuple]:
    return [
        _pack(item) if isinstance(item, RasadError) else _slim(item, keep_text)
        for item in worker_pipeline().pipe(items)
    ]


def _extract_jsonl(
    block: _JsonlBlock, first_line: int, keep_text: bool, max_chars: int | None
) -> _PartResult:
    """The documents of one block of JSON lines, read by ``rasad.ingest`` as it reads a file:
    the same limits, the same error for each bad line."""
    import fsspec
    from fsspec.spec import AbstractBufferedFile

    fs, path = fsspec.core.url_to_fs(block.url)
    with fs.open(path, "rb", compression=block.compression) as opened:
        # fsspec's buffered files (s3fs, gcsfs...) lack readline(size), which the limits need.
        handle = io.BufferedReader(opened) if isinstance(opened, AbstractBufferedFile) else opened
        if block.start > 0:
            handle.seek(block.start - 1)
            _skip_line(handle)  # the end of the line the previous block owns
        read = read_jsonl_lines(handle, block.name, max_chars, first_line=first_line, end=block.end)
        items = _run(read, keep_text)
    # One item for each line that is not blank: a file of blank lines has none in any block.
    return _PartResult(items, has_content=bool(items))


def _skip_line(handle: io.IOBase) -> None:
    """Reads past the rest of the current line, never holding more than a chunk of it."""
    while chunk := handle.readline(_SKIP_CHUNK_BYTES):
        if chunk.endswith(b"\n"):
            return


def _extract_parquet(group: _ParquetGroup, keep_text: bool, max_chars: int | None) -> _PartResult:
    """The documents of one row group; a row is a record, ``origin`` its 1-based row number."""
    import fsspec
    import pyarrow.parquet as pq

    fs, path = fsspec.core.url_to_fs(group.url)
    with fs.open(path, "rb") as handle:
        table = pq.ParquetFile(handle).read_row_group(group.row_group)
    items: list[Document | InputError] = []
    for offset, record in enumerate(table.to_pylist()):
        if isinstance(record.get("published"), date):
            record["published"] = record["published"].isoformat()
        try:
            origin = f"{group.name}:{group.first_row + offset}"
            items.append(document_from_record(record, origin=origin, max_chars=max_chars))
        except InputError as error:
            items.append(error)
    return _PartResult(_run(items, keep_text))


def _extract_local(files: _LocalFiles, keep_text: bool, max_chars: int | None) -> _PartResult:
    return _PartResult(_run(read_documents(files.inputs, max_chars=max_chars), keep_text))


# --- extraction, driven from here ------------------------------------------------------------


def extract_documents(
    inputs: Iterable[str],
    client: Client,
    *,
    blocksize: int = DEFAULT_BLOCKSIZE,
    keep_text: bool = False,
    max_chars: int | None = DEFAULT_MAX_CHARS,
) -> Iterator[Document | RasadError]:
    """Documents with their events, or errors, exactly as ``Pipeline.pipe(read_documents())``.

    Inputs are those of ``read_documents`` (but not stdin), fsspec URIs of JSON lines, and
    Parquet files of documents. Parts are extracted on the cluster a few at a time beyond
    the number of workers and yielded in input order, so memory stays bounded. Documents
    come without their text unless ``keep_text`` (a store needs it). ``max_chars`` bounds
    documents and lines as it does for ``read_documents`` (None or 0: no limit).
    """
    parts = _plan(inputs, blocksize)
    first_lines = _first_lines(parts, client)
    client.run(_warm_up)
    in_flight = max(2, 2 * len(client.scheduler_info()["workers"]))
    pending: deque[tuple[_Part, Any]] = deque()
    first_origin: dict[str, str] = {}
    content: dict[int, bool] = {}

    def submit(index: int) -> None:
        part = parts[index]
        if isinstance(part, _JsonlBlock):
            future = client.submit(
                _extract_jsonl, part, first_lines[index], keep_text, max_chars, pure=False
            )
        elif isinstance(part, _ParquetGroup):
            future = client.submit(_extract_parquet, part, keep_text, max_chars, pure=False)
        elif isinstance(part, _LocalFiles):
            future = client.submit(_extract_local, part, keep_text, max_chars, pure=False)
        else:
            future = None
        pending.append((part, future))

    upcoming = iter(range(len(parts)))
    for index in upcoming:
        submit(index)
        if len(pending) >= in_flight:
            break
    while pending:
        part, future = pending.popleft()
        next_index = next(upcoming, None)
        if next_index is not None:
            submit(next_index)
        if isinstance(part, _Failed):
            yield part.error
            continue
        result: _PartResult = future.result()
        future.release()
        for item in result.items:
            if isinstance(item, tuple):
                yield _unpack(item)
            elif item.id in first_origin:
                file, line = _where(item.origin or "")
                yield InputError(
                    f"duplicate document id, first read at {first_origin[item.id]}",
                    file=file,
                    line=line,
                    doc_id=item.id,
                    field="id",
                )
            else:
                first_origin[item.id] = item.origin or ""
                yield item
        if isinstance(part, _JsonlBlock):
            content[part.file_index] = content.get(part.file_index, False) or result.has_content
            if _last_block(part, pending, parts) and not content[part.file_index]:
                yield InputError(EMPTY_JSON_LINES, file=part.name)


def _last_block(part: _JsonlBlock, pending: deque, parts: list[_Part]) -> bool:
    """Whether no later block of the same file remains (blocks of a file are consecutive)."""
    following = pending[0][0] if pending else None
    return not (isinstance(following, _JsonlBlock) and following.file_index == part.file_index)


def _where(origin: str) -> tuple[str, int | None]:
    """The file and line of an origin ``"path:line"``; the whole origin if it has no line."""
    file, _, line = origin.rpartition(":")
    if file and line.isdigit():
        return file, int(line)
    return origin, None


# --- writing Parquet -------------------------------------------------------------------------


def _event_schema() -> Any:
    import pyarrow as pa

    types = {
        "time_precision": pa.int8(),
        "inter1": pa.int16(),
        "inter2": pa.int16(),
        "interaction": pa.int16(),
        "civilian_targeting": pa.bool_(),
        "latitude": pa.float64(),
        "longitude": pa.float64(),
        "geo_precision": pa.int8(),
        "fatalities": pa.int32(),
        "historical": pa.bool_(),
        "evidence": pa.list_(
            pa.struct(
                [
                    ("start", pa.int32()),
                    ("end", pa.int32()),
                    ("text", pa.string()),
                    ("label", pa.string()),
                ]
            )
        ),
    }
    return pa.schema(
        [pa.field(name, types.get(name, pa.string())) for name in EVENT_FIELDS]
        + [pa.field("year", pa.int16()), pa.field("month", pa.int8())]
    )


class ParquetEventWriter:
    """Writes events as a Parquet dataset partitioned ``year=YYYY/month=M`` (Hive style).

    Events without a date go under ``year=__HIVE_DEFAULT_PARTITION__``. ``root`` is a local
    path or an fsspec URI; rows are buffered and written ``rows_per_file`` at a time.
    """

    def __init__(self, root: str, *, rows_per_file: int = 100_000) -> None:
        import fsspec

        self.filesystem, self.root = fsspec.core.url_to_fs(root)
        self.rows_per_file = rows_per_file
        self.count = 0
        self._rows: list[dict[str, Any]] = []
        self._files = 0

    def write(self, event: Event) -> None:
        row = event.to_dict()
        day = date.fromisoformat(event.event_date) if event.event_date else None
        row["year"], row["month"] = (day.year, day.month) if day else (None, None)
        self._rows.append(row)
        self.count += 1
        if len(self._rows) >= self.rows_per_file:
            self._flush()

    def close(self) -> None:
        self._flush()

    def __enter__(self) -> ParquetEventWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _flush(self) -> None:
        if not self._rows and self._files:
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pylist(self._rows, schema=_event_schema())
        pq.write_to_dataset(
            table,
            self.root,
            partition_cols=["year", "month"],
            filesystem=self.filesystem,
            basename_template=f"part-{self._files:05d}-{{i}}.parquet",
            existing_data_behavior="overwrite_or_ignore",
        )
        self._files += 1
        self._rows = []


# --- cross-source resolution -----------------------------------------------------------------


def resolve_events(
    events: Iterable[Event], client: Client, *, npartitions: int | None = None
) -> list[Resolved]:
    """``dedup.resolve_all`` of the events' accounts, computed on the cluster; in id order."""
    import dask.bag as db

    records = list(events)
    npartitions = npartitions or max(1, 2 * len(client.scheduler_info()["workers"]))
    bag = db.from_sequence(records, npartitions=min(npartitions, max(1, len(records))))
    return sorted(client.compute(resolve_bag(bag)).result(), key=lambda r: r.event_id)


def resolve_bag(events: dask.bag.Bag) -> dask.bag.Bag:
    """A bag of the real events (``Resolved``) a bag of extracted Events tells.

    Equal to ``dedup.resolve_all`` on the same events, without any task holding them all:

    1. each account goes to the blocks (governorate × 32-day bucket) its date window
       touches; a block links its compatible pairs, each pair in the one block holding the
       first day their windows share (accounts of two governorates are never compatible);
    2. the links of a governorate (ids only) are joined into components, labelled by their
       smallest id; an account with no link is a component of its own;
    3. accounts are grouped by component, and each component is grouped and merged by
       ``dedup.resolve`` and ``dedup.merge``.
    """
    import dask.bag as db

    sources = events.map(Source.of)
    blocks = sources.map(_blocks_of).flatten().groupby(_first)
    links = blocks.map(_links_in_block).flatten()
    labels = links.groupby(_first).map(_component_labels).flatten()
    keyed = sources.map(lambda source: (source.source_id, source))
    labelled = db.concat([keyed, labels]).groupby(_first).map(_labelled).flatten()
    return labelled.groupby(_first).map(_resolve_component).flatten()


def _first(pair: tuple) -> Any:
    return pair[0]


def _blocks_of(source: Source) -> list[tuple[tuple[str, int], Source]]:
    """(governorate, bucket) for each bucket the account's window touches, with the account."""
    if source.window is None or not source.event.admin1:
        return []
    first, last = (day.toordinal() // BUCKET_DAYS for day in source.window)
    return [((source.event.admin1, bucket), source) for bucket in range(first, last + 1)]


def _links_in_block(block: tuple[tuple[str, int], list]) -> list[tuple[str, str, str]]:
    """(governorate, id, id) for each compatible pair whose shared days begin in this block."""
    (admin1, bucket), keyed = block
    accounts = sorted((source for _, source in keyed), key=lambda s: s.source_id)
    first_day = date.fromordinal(bucket * BUCKET_DAYS)
    last_day = first_day + timedelta(days=BUCKET_DAYS - 1)
    covering: dict[date, list[Source]] = defaultdict(list)
    for source in accounts:
        day, end = max(source.window[0], first_day), min(source.window[1], last_day)
        while day <= end:
            covering[day].append(source)
            day += timedelta(days=1)
    found = []
    # A pair is met once, on the later of its first days, if that day lies in this block.
    for day, members in covering.items():
        starting = [s for s in members if max(s.window[0], first_day) == day]
        earlier = [s for s in members if max(s.window[0], first_day) < day]
        for position, a in enumerate(starting):
            for b in (*starting[position + 1 :], *earlier):
                if max(a.window[0], b.window[0]) >= first_day and compatible(a, b):
                    found.append((admin1, a.source_id, b.source_id))
    return found


def _component_labels(group: tuple[str, list[tuple[str, str, str]]]) -> list[tuple[str, str]]:
    """(id, label) for each linked account of a governorate, the label its component's least id."""
    _, links = group
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for _, a, b in links:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)  # the least id stays the root: a stable label
    return [(node, root(node)) for node in list(parent)]


def _labelled(group: tuple[str, list[tuple[str, Any]]]) -> list[tuple[str, Source]]:
    """(label, account) for the accounts of one id: the component's label, else the id."""
    source_id, items = group
    label = next((value for _, value in items if isinstance(value, str)), source_id)
    return [(label, value) for _, value in items if isinstance(value, Source)]


def _resolve_component(group: tuple[str, list[tuple[str, Source]]]) -> list[Resolved]:
    return [merge(part) for part in resolve([source for _, source in group[1]])]
