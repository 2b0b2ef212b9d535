"""`rasad ingest`, `rasad export` and `rasad events` end to end."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from rasad.cli import main
from tests.store_reports import FIXTURES, REPORTS

ARTICLES = str(FIXTURES / "articles.jsonl")


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
        "events: 0 new, 0 merged, 0 updated, 0 absorbed into others; 41 in the store"
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
    assert lines[0].split()[:3] == ["event_id", "event_date", "sub_event_type"]
    assert len(lines) == 3  # Thiban and Shiheil, on the 14th
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
    from rasad.store import Store

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
        "dates: windows overlap 2023-12-12; actors: shared Islamic State (Syria)"
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
