"""`rasad ingest`, `rasad export` and `rasad events` end to end."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rasad.cli import main
from rasad.store import Store
from tests.store_reports import FIXTURES, REPORTS

ARTICLES = str(FIXTURES / "articles.jsonl")


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch):
    """Tables printed in-process are not wrapped, whatever terminal runs the tests."""
    monkeypatch.setenv("COLUMNS", "10000")


@pytest.fixture
def reports_file(tmp_path):
    path = tmp_path / "reports.jsonl"
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in REPORTS[:4]), encoding="utf-8"
    )
    return str(path)


def test_ingest_twice_reports_new_then_duplicates(tmp_path, capsys):
    db = str(tmp_path / "rasad.db")
    assert main(["ingest", ARTICLES, "--db", db]) == 0
    first = capsys.readouterr()
    assert first.out.startswith("documents: 5 new, 0 duplicate (0 near-duplicate), 0 failed; ")
    assert main(["ingest", ARTICLES, "--db", db]) == 0
    second = capsys.readouterr()
    assert second.out.strip() == (
        "documents: 0 new, 5 duplicate (0 near-duplicate), 0 failed; "
        "events: 0 new, 0 merged, 0 updated, 0 absorbed into others; 38 in the store"
    )
    assert "documents\r" not in second.err and "\r" not in second.err  # no bar in a pipe


def test_ingest_names_bad_inputs_and_exits_1(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\nnot json\n', encoding="utf-8")
    assert main(["ingest", str(bad), "--db", str(tmp_path / "rasad.db")]) == 1
    captured = capsys.readouterr()
    assert "bad.jsonl:1" in captured.err and "bad.jsonl:2" in captured.err
    assert "0 new, 0 duplicate (0 near-duplicate), 2 failed" in captured.out


def test_ingest_merges_reports_of_one_ambush(tmp_path, capsys, reports_file):
    assert main(["ingest", reports_file, "--db", str(tmp_path / "rasad.db")]) == 0
    assert capsys.readouterr().out.strip() == (
        "documents: 4 new, 0 duplicate (0 near-duplicate), 0 failed; "
        "events: 3 new, 1 merged, 1 updated, 0 absorbed into others; 3 in the store"
    )


def test_events_table_shows_the_toll_and_its_bounds(tmp_path, capsys, reports_file, monkeypatch):
    monkeypatch.setenv("RASAD_DB", str(tmp_path / "env.db"))
    main(["ingest", reports_file])
    capsys.readouterr()
    assert main(["events", "--type", "Armed clash", "--since", "2023-12-13"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:4] == ["event_id", "event_date", "type", "actor1"]
    assert len(lines) == 3  # Thiban and Shiheil, on the 14th
    assert all("Battles: Armed clash" in line for line in lines[1:])
    assert main(["events", "--until", "2023-12-12"]) == 0
    [_header, shula] = capsys.readouterr().out.splitlines()
    assert "Ash Shula" in shula and "5 [5-7]" in shula and shula.rstrip().endswith("2")


def test_export_acled_csv_to_stdout_and_parquet_to_a_file(tmp_path, capsys, reports_file):
    db = str(tmp_path / "rasad.db")
    main(["ingest", reports_file, "--db", db])
    capsys.readouterr()
    assert (
        main(
            [
                "export",
                "--format",
                "acled-csv",
                "--db",
                db,
                "--admin1",
                "Deir-ez-Zor",
                "--actor",
                "islamic state",
            ]
        )
        == 0
    )
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert sorted(row["location"] for row in rows) == ["Ash Shula", "Shiheil", "Thiban (Thiban)"]
    out = tmp_path / "events.parquet"
    assert main(["export", "--format", "parquet", "-o", str(out), "--db", db]) == 0
    assert "3 events written" in capsys.readouterr().err
    assert out.stat().st_size > 0
    assert main(["export", "--format", "parquet", "--db", db]) == 2


def test_bad_date_filter_is_a_usage_error(tmp_path):
    with pytest.raises(SystemExit) as exit_info:
        main(["events", "--since", "yesterday", "--db", str(tmp_path / "rasad.db")])
    assert exit_info.value.code == 2


def test_import_rasad_loads_no_store_dependencies():
    code = (
        "import sys, rasad, rasad.cli; "
        "print(sorted(m for m in ('sqlalchemy', 'pyarrow', 'datasketch', 'alembic') "
        "if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def shula_ids(db: str) -> tuple[str, dict[str, str]]:
    """The Shula event's id and its accounts' ids by document, read through --json."""
    with Store(db) as store:
        [shula] = [e for e in store.events() if len(e.sources) == 2]
        return shula.event.event_id, {s.doc_id: s.source_event_id for s in shula.sources}


def test_events_event_shows_each_account_and_why_it_joined(tmp_path, capsys, reports_file):
    db = str(tmp_path / "rasad.db")
    main(["ingest", reports_file, "--db", db])
    event_id, accounts = shula_ids(db)
    capsys.readouterr()
    assert main(["events", "--event", accounts["sy24-shula"], "--db", db]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"event {event_id}\n")
    assert f"account 1: {event_id} (report; the event bears its id)" in out
    assert f"account 2: {accounts['sy24-shula']} (report)" in out
    assert "document    sy24-shula (SY24, published 2023-12-14)" in out
    assert "fatalities  7 «قتل سبعة عناصر»" in out
    assert (
        f"joins {event_id}: same type: Battles / Armed clash; place: same place (الشولا); "
        "dates: windows overlap 2023-12-11..2023-12-12; actors: shared Islamic State (Syria)"
    ) in out
    assert f"rasad split {event_id} ACCOUNT_ID" in out
    assert main(["events", "--event", event_id, "--json", "--db", db]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["event_id"] == event_id and record["fatalities"] == 5
    joined = {s["source_event_id"]: s["joined_because"] for s in record["sources"]}
    assert joined[event_id] == []
    [why] = joined[accounts["sy24-shula"]]
    assert why["with"] == event_id and why["compatible"]
    assert why["place"]["match"] == "same place"


def test_events_event_unknown_exits_1_with_one_line(tmp_path, capsys):
    Store(str(tmp_path / "rasad.db")).close()
    assert main(["events", "--event", "nope", "--db", str(tmp_path / "rasad.db")]) == 1
    assert capsys.readouterr().err == "rasad: no event or account 'nope' in the store\n"


def test_events_json_lists_one_event_a_line(tmp_path, capsys, reports_file):
    db = str(tmp_path / "rasad.db")
    main(["ingest", reports_file, "--db", db])
    capsys.readouterr()
    assert main(["events", "--json", "--since", "2023-12-13", "--db", db]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert sorted(json.loads(line)["location_en"] for line in lines) == [
        "Shiheil",
        "Thiban (Thiban)",
    ]


def test_split_command_takes_an_account_out_for_good(tmp_path, capsys, reports_file):
    db = str(tmp_path / "rasad.db")
    main(["ingest", reports_file, "--db", db])
    event_id, accounts = shula_ids(db)
    sy24 = accounts["sy24-shula"]
    capsys.readouterr()
    assert main(["split", event_id, sy24, "--db", db]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        f"split {sy24} out of {event_id}: it is now event {sy24}; "
        f"the 1 account(s) it was joined to are now {event_id}\n"
    )
    main(["ingest", reports_file, "--db", db])  # all duplicates: the split stays
    assert "0 new, 4 duplicate" in capsys.readouterr().out
    assert main(["events", "--until", "2023-12-12", "--db", db]) == 0
    rows = capsys.readouterr().out.splitlines()[1:]
    assert sorted(row.split()[0] for row in rows) == sorted([event_id, sy24])
    assert main(["events", "--event", sy24, "--db", db]) == 0
    assert f"{sy24} from {event_id} (split out of {event_id}" in capsys.readouterr().out


def test_split_errors_exit_1_with_one_line(tmp_path, capsys, reports_file):
    db = str(tmp_path / "rasad.db")
    main(["ingest", reports_file, "--db", db])
    event_id, accounts = shula_ids(db)
    capsys.readouterr()
    assert main(["split", "nope", accounts["sy24-shula"], "--db", db]) == 1
    assert capsys.readouterr().err == "rasad: no event 'nope' in the store\n"
    assert main(["split", event_id, "nope", "--db", db]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"rasad: event '{event_id}' has no account 'nope'")
    assert err.count("\n") == 1


# -- as a real process: the table, recaps, exports, a mistyped --db ----------------------------


def rasad(*words: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    script = Path(sys.executable).with_name("rasad")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "rasad.cli"]
    environment = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "RASAD_DB")}
    return subprocess.run(
        [*command, *words],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment | (env or {}),
        check=False,
    )


@pytest.fixture(scope="module")
def samples_db(tmp_path_factory) -> str:
    """The five sample reports ingested by `rasad ingest`: recaps and undated events among them."""
    db = str(tmp_path_factory.mktemp("samples") / "rasad.db")
    done = rasad("-q", "ingest", ARTICLES, "--db", db)
    assert done.returncode == 0, done.stderr
    return db


def table_rows(out: str) -> list[dict[str, str]]:
    """The rows of a `rasad events` table, each cell whole again: the lines of a wrapped row
    are cut at the header's column starts and their pieces joined."""
    header, *lines = out.splitlines()
    names = header.split()
    starts = [header.index(name) for name in names]
    rows: list[dict[str, list[str]]] = []
    for line in lines:
        cells = [line[a:b].strip() for a, b in zip(starts, [*starts[1:], None], strict=True)]
        if cells[0]:  # the event id opens a row
            rows.append({name: [] for name in names})
        for name, cell in zip(names, cells, strict=True):
            if cell:
                rows[-1][name].append(cell)
    return [{name: " ".join(parts) for name, parts in row.items()} for row in rows]


def test_events_leaves_recaps_out_and_says_how_many(samples_db):
    with Store(samples_db) as store:
        every = store.events()
    recaps = {s.event.event_id for s in every if s.event.historical}
    assert recaps, "the samples hold recaps of earlier attacks"
    listed = rasad("events", "--db", samples_db)
    assert listed.returncode == 0, listed.stderr
    rows = table_rows(listed.stdout)
    assert {row["event_id"] for row in rows} == {s.event.event_id for s in every} - recaps
    assert listed.stderr == (
        f"rasad: {len(recaps)} historical mention(s) (recaps of earlier events) left out: "
        "--historical lists them\n"
    )
    shown = rasad("events", "--historical", "--db", samples_db)
    assert shown.stderr == ""
    marked = {row["event_id"]: row["recap"] for row in table_rows(shown.stdout)}
    assert marked == {s.event.event_id: "yes" if s.event.historical else "" for s in every}
    as_json = rasad("events", "--json", "--db", samples_db)
    assert not any(json.loads(line)["historical"] for line in as_json.stdout.splitlines())


def test_events_table_fits_the_terminal_and_keeps_names_whole(samples_db):
    with Store(samples_db) as store:
        every = {s.event.event_id: s.event for s in store.events()}
    for width in (150, 220):
        done = rasad("events", "--historical", "--db", samples_db, env={"COLUMNS": str(width)})
        assert done.returncode == 0, done.stderr
        assert max(len(line) for line in done.stdout.splitlines()) <= width
        rows = table_rows(done.stdout)
        assert len(rows) == len(every)
        for row in rows:
            e = every[row["event_id"]]
            assert row["type"] == f"{e.event_type}: {e.sub_event_type}"
            assert (row["actor1"], row["actor2"]) == (e.actor1 or "", e.actor2 or "")
            assert row["place"].startswith(e.location_en or e.location or e.admin1 or "")
    wrapped = rasad("events", "--db", samples_db, env={"COLUMNS": "150"}).stdout.splitlines()
    assert len(wrapped) > len(table_rows("\n".join(wrapped))) + 1  # some rows took two lines
    # In a pipe the table is not fitted to anything: one line an event, for grep.
    piped = rasad("events", "--db", samples_db).stdout.splitlines()
    assert len(piped) == len(table_rows("\n".join(piped))) + 1


def test_extract_table_has_the_columns_of_events(samples_db, capsys):
    assert main(["-q", "extract", ARTICLES, "--table"]) == 0
    extracted = capsys.readouterr().out.splitlines()[0].split()
    stored = rasad("events", "--db", samples_db).stdout.splitlines()[0].split()
    assert stored == ["event_id", *extracted[:-1], "sources"]
    assert extracted[-1] == "location_mention"
    assert {"type", "actor1", "actor2", "place", "fatalities", "recap"} <= set(extracted)


def test_export_leaves_undated_events_out_of_acled_csv_and_says_so(samples_db, tmp_path):
    with Store(samples_db) as store:
        undated = sum(s.event.event_date is None for s in store.events())
    assert undated, "the samples hold undated events"
    out = tmp_path / "events.csv"
    done = rasad("export", "--format", "acled-csv", "--excel", "-o", str(out), "--db", samples_db)
    assert done.returncode == 0, done.stderr
    assert (
        f"rasad: {undated} undated event(s) left out (ACLED has none): --include-undated keeps "
        "them\n"
    ) in done.stderr
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only after a BOM
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows and all(row["event_date"] for row in rows)
    kept = rasad("export", "--format", "acled-csv", "--include-undated", "--db", samples_db)
    assert "undated" not in kept.stderr
    assert len(list(csv.DictReader(io.StringIO(kept.stdout)))) == len(rows) + undated
    refused = rasad("export", "--format", "jsonl", "--excel", "--db", samples_db)
    assert refused.returncode == 2 and "--excel is for acled-csv" in refused.stderr


@pytest.mark.parametrize(
    "words",
    [
        ("events",),
        ("events", "--event", "x"),
        ("export", "--format", "jsonl"),
        ("split", "a", "b"),
        ("serve", "--port", "9"),
    ],
    ids=["events", "events --event", "export", "split", "serve"],
)
def test_commands_that_read_refuse_a_database_that_does_not_exist(tmp_path, words):
    missing = tmp_path / "none.db"
    done = rasad(*words, "--db", str(missing))
    assert done.returncode == 2
    assert f"no database at {missing}" in done.stderr
    assert done.stdout == ""
    assert not missing.exists()
    # RASAD_DB is checked the same way.
    assert rasad(*words, env={"RASAD_DB": str(missing)}).returncode == 2
    assert not missing.exists()


def test_serve_create_makes_the_database_it_serves(tmp_path):
    import socket
    import time

    import httpx

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    db = tmp_path / "new.db"
    script = Path(sys.executable).with_name("rasad")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "rasad.cli"]
    server = subprocess.Popen(
        [*command, "-q", "serve", "--create", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            assert server.poll() is None, server.stderr.read() if server.stderr else ""
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/api/events", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "rasad serve did not start"
                time.sleep(0.2)
        assert answer.status_code == 200 and answer.json()["total"] == 0
        assert db.exists()
    finally:
        server.terminate()
        server.wait(10)
