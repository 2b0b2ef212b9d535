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
        "events: 0 new, 0 merged, 0 updated"
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
        "events: 3 new, 1 merged, 1 updated"
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
