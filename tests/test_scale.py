"""rasad.scale on a real local Dask cluster of two worker processes: the same output as one
process, for extraction (JSONL and Parquet, errors included, bad input of issue #8 among
them) and for cross-source resolution."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

from rasad import scale  # noqa: E402
from rasad.cli import main  # noqa: E402
from rasad.dedup import Source, resolve_all  # noqa: E402
from rasad.errors import RasadError  # noqa: E402
from rasad.ingest import read_documents  # noqa: E402
from rasad.model import Event  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "fixtures" / "articles.jsonl"
ANT = ROOT / "benchmarks" / "data" / "ant-corpus.jsonl.gz"
# Enough articles for many blocks and some events resolved across outlets, few enough for CI.
CORPUS_ARTICLES = 300
# A limit low enough that over-long lines and texts cost little to write: lines over 16 times
# this many bytes are skipped unread, the nested line (200 KB) is parsed.
MAX_CHARS = 20_000
REPORT = "قتل عنصران من قوات النظام بهجوم في مدينة الميادين."


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    """A client of a real local cluster: two worker processes of one thread each."""
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A JSONL file of ANT articles, the samples, and a few bad lines among them."""
    with gzip.open(ANT, "rt", encoding="utf-8") as handle:
        lines = [next(handle) for _ in range(CORPUS_ARTICLES)]
    lines[10:10] = SAMPLES.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[40:40] = ["{not json\n", "\n", '{"id": "no-text"}\n', lines[3]]  # lines[3]: a repeat
    lines[120:120] = ['{"id": "latin", "text": "An English report, not Arabic."}\n']
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def bad_lines(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A JSONL file of the samples with the bad lines of tests/test_bad_input.py among them."""
    samples = SAMPLES.read_text(encoding="utf-8").splitlines(keepends=True)
    bad = [
        '{"id": ' + "9" * 5000 + "}\n",  # over Python's limit on digits in an int
        "[" * 100_000 + "]" * 100_000 + "\n",  # deeper than the parser's recursion limit
        json.dumps({"id": "sur", "text": REPORT[:10] + "\ud800" + REPORT[10:]}) + "\n",
        json.dumps({"id": "sur\udfff", "text": REPORT}) + "\n",
        json.dumps({"id": "huge", "text": REPORT * 4_000}, ensure_ascii=False) + "\n",
        json.dumps({"id": "long", "text": REPORT * 500}, ensure_ascii=False) + "\n",
        "\n",
        '{"id": "broken", "text": \n',
        '["an", "array"]\n',
    ]
    data = "".join([samples[0], *bad[:5], samples[1], *bad[5:], *samples[2:]]).encode()
    data += b'{"id": "bad-utf8", "text": "\xd9\x82\xff\xfe"}\n' + samples[0].encode()
    path = tmp_path_factory.mktemp("bad") / "bad-lines.jsonl"
    path.write_bytes(data)
    return path


def _single_process(pipeline, inputs: list[str], max_chars: int | None = None) -> list[str]:
    """Events as JSON lines and errors as text, as `rasad extract` in one process gives them."""
    limit = {} if max_chars is None else {"max_chars": max_chars}
    return [
        str(item)
        if isinstance(item, RasadError)
        else json.dumps([e.to_dict() for e in item.events], ensure_ascii=False)
        for item in pipeline.pipe(read_documents(inputs, **limit))
    ]


def _distributed(
    client, inputs: list[str], blocksize: int, max_chars: int | None = None
) -> list[str]:
    limit = {} if max_chars is None else {"max_chars": max_chars}
    return [
        str(item)
        if isinstance(item, RasadError)
        else json.dumps([e.to_dict() for e in item.events], ensure_ascii=False)
        for item in scale.extract_documents(inputs, client, blocksize=blocksize, **limit)
    ]


def test_samples_give_the_single_process_events(client, pipeline):
    inputs = [str(SAMPLES)]
    assert _distributed(client, inputs, blocksize=2_000) == _single_process(pipeline, inputs)


def test_corpus_split_in_many_blocks_gives_the_single_process_output(client, pipeline, corpus):
    inputs = [str(corpus)]
    expected = _single_process(pipeline, inputs)
    assert sum("malformed JSON" in line for line in expected) == 1
    assert sum("duplicate document id" in line for line in expected) == 1
    assert _distributed(client, inputs, blocksize=50_000) == expected


def test_bad_lines_give_the_single_process_errors_and_events(client, pipeline, bad_lines):
    inputs = [str(bad_lines)]
    expected = _single_process(pipeline, inputs, MAX_CHARS)
    errors = [line for line in expected if line.startswith(str(bad_lines))]
    where = f"{bad_lines}:"
    huge = len(bad_lines.read_bytes().splitlines()[5])
    assert errors == [
        f"{where}2: malformed JSON: Exceeds the limit (4300 digits) for integer string conversion: "
        "value has 5000 digits",
        f"{where}3: malformed JSON: nested too deeply",
        f"{where}4, document 'sur', field 'text': text holds a lone UTF-16 surrogate U+D800 "
        "at character 11 (a broken \\u escape), not Unicode text",
        f"{where}5, field 'id': the id holds a lone UTF-16 surrogate U+DFFF at character 4 "
        "(a broken \\u escape), not Unicode text",
        f"{where}6, document 'huge': line is {huge:,} bytes, over the limit of {16 * MAX_CHARS:,} for one document (16 bytes per character "
        "of --max-chars); skipped unread",
        f"{where}8, document 'long', field 'text': text is 25,000 characters, over the limit "
        "of 20,000 (--max-chars)",
        f"{where}10: malformed JSON: Expecting value (column 1)",
        f"{where}11: expected a JSON object, got list",
        f"{where}15: invalid UTF-8 at column 31",
        f"{where}16, document '000_d9af357cd68cf0d4', field 'id': duplicate document id, "
        f"first read at {where}1",
    ]
    assert len(expected) - len(errors) == 5  # the samples, with their events
    # Blocks of 3 KB start inside the long lines, the nested one and the one skipped unread.
    for blocksize in (3_000, 1_000_000):
        assert _distributed(client, inputs, blocksize, MAX_CHARS) == expected


def test_directories_text_files_and_bad_paths_read_as_in_one_process(client, pipeline, tmp_path):
    (tmp_path / "b.txt").write_text("قتل عنصران من قوات النظام بهجوم في مدينة الميادين.")
    (tmp_path / "a.jsonl").write_bytes(SAMPLES.read_bytes())
    (tmp_path / "empty.jsonl").write_text("\n\n")
    (tmp_path / "binary.jsonl").write_bytes(b"\0\1\2")
    (tmp_path / "noise.jsonl").write_bytes(bytes(range(1, 256)) * 64)  # binary without a NUL
    inputs = [str(tmp_path), str(tmp_path / "missing.jsonl"), str(SAMPLES)]
    assert _distributed(client, inputs, blocksize=1_000) == _single_process(pipeline, inputs)


def test_parquet_documents_give_the_events_of_their_json_lines(client, pipeline, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    records = [json.loads(line) for line in SAMPLES.read_text(encoding="utf-8").splitlines()]
    path = tmp_path / "articles.parquet"
    pq.write_table(pa.Table.from_pylist(records), path, row_group_size=2)
    got = [item.events for item in scale.extract_documents([str(path)], client)]
    want = [item.events for item in pipeline.pipe(read_documents([str(SAMPLES)]))]
    assert got == want


def test_cli_workers_writes_the_single_process_jsonl(tmp_path, capsys, bad_lines):
    single, parallel = tmp_path / "single.jsonl", tmp_path / "parallel.jsonl"
    limit = ["--max-chars", str(MAX_CHARS)]
    assert main(["extract", str(bad_lines), "-o", str(single), *limit]) == 1
    one = capsys.readouterr().err
    assert main(["extract", str(bad_lines), "-o", str(parallel), *limit, "--workers", "2"]) == 1
    assert capsys.readouterr().err == one
    assert parallel.read_text(encoding="utf-8") == single.read_text(encoding="utf-8")
    assert single.stat().st_size > 0
    assert f"rasad: {bad_lines}:8, document 'long', field 'text': text is 25,000" in one
    assert "rasad: 10 input(s) failed; the rest was processed" in one


def test_cli_on_an_existing_scheduler_writes_parquet_by_year_and_month(client, tmp_path):
    import pyarrow.dataset as ds

    out = tmp_path / "events.parquet"
    address = client.scheduler.address
    assert main(["extract", str(SAMPLES), "-o", str(out), "--scheduler", address]) == 0
    months = sorted(p.relative_to(out).as_posix() for p in out.glob("year=*/month=*"))
    assert "year=2023/month=12" in months  # recalled events add earlier months
    table = ds.dataset(out, partitioning="hive").to_table()
    for row in table.select(["event_date", "year", "month"]).to_pylist():
        if row["event_date"]:
            assert row["event_date"][:7] == f"{row['year']}-{row['month']:02d}"
    single = tmp_path / "single.jsonl"
    assert main(["extract", str(SAMPLES), "-o", str(single)]) == 0
    expected = [json.loads(line) for line in single.read_text(encoding="utf-8").splitlines()]
    assert sorted(table.column("event_id").to_pylist()) == sorted(e["event_id"] for e in expected)
    assert table.num_rows == len(expected) > 0


def test_cli_ingest_with_workers_stores_what_one_process_stores(client, tmp_path):
    from rasad.store import Store

    address = client.scheduler.address
    single, parallel = tmp_path / "single.db", tmp_path / "parallel.db"
    assert main(["-q", "ingest", str(SAMPLES), "--db", str(single)]) == 0
    assert main(["-q", "ingest", str(SAMPLES), "--db", str(parallel), "--scheduler", address]) == 0
    with Store(str(single)) as one, Store(str(parallel)) as many:
        assert [e.to_dict() for e in many.events()] == [e.to_dict() for e in one.events()]
        assert many.counts() == one.counts()


def test_distributed_resolution_equals_single_process(client, pipeline, corpus):
    events: list[Event] = [
        event
        for item in pipeline.pipe(read_documents([str(corpus), str(SAMPLES)]))
        if not isinstance(item, RasadError)
        for event in item.events
    ]
    expected = resolve_all(Source.of(e) for e in events)
    assert len(expected) < len(events)  # some accounts were merged: the test has teeth
    assert scale.resolve_events(events, client, npartitions=7) == expected


def test_resolution_across_buckets_links_windows_that_straddle_them(client):
    # 2023-12-09 lies near a 32-day bucket edge for some accounts; a month-wide and a
    # week-wide window meet only across it.
    base = {
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "admin1": "Deir-ez-Zor",
        "location": "Al Mayadin",
        "actor1": "Military Forces of Syria",
    }
    events = []
    for n, (day, precision) in enumerate(
        [("2023-12-09", 1), ("2023-12-15", 3), ("2024-01-02", 2), ("2023-11-30", 2)]
    ):
        event = Event(doc_id=f"d{n}", event_date=day, time_precision=precision, **base)
        event.assign_id()
        events.append(event)
    expected = resolve_all(Source.of(e) for e in events)
    assert scale.resolve_events(events, client, npartitions=3) == expected


def test_import_rasad_scale_is_the_only_place_dask_is_imported():
    for module in (ROOT / "rasad").rglob("*.py"):
        if module.name != "scale.py":
            source = module.read_text(encoding="utf-8")
            assert "import dask" not in source and "from dask" not in source, module
            assert "import distributed" not in source and "from distributed" not in source
