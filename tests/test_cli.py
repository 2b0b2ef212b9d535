"""The ``rasad`` command, in-process with ``main([...])`` and once as a real subprocess."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from rasad.cli import EXIT_FAILURES, EXIT_OK, EXIT_USAGE, main
from rasad.model import EVENT_FIELDS

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLES = FIXTURES / "articles.jsonl"
GOLD = FIXTURES / "dev-gold.jsonl"
REPO = Path(__file__).resolve().parent.parent

# docs/format.md §2, in order
FORMAT_FIELDS = (
    "event_id",
    "doc_id",
    "event_type",
    "sub_event_type",
    "disorder_type",
    "event_date",
    "time_precision",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "location",
    "location_mention",
    "location_en",
    "admin1",
    "admin1_pcode",
    "admin2",
    "admin2_pcode",
    "admin3",
    "admin3_pcode",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "fatalities_text",
    "historical",
    "notes",
    "evidence",
)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> list[dict]:
    out = tmp_path_factory.mktemp("cli") / "events.jsonl"
    assert main(["-q", "extract", str(ARTICLES), "-o", str(out)]) == EXIT_OK
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def help_of(capsys, *args: str) -> str:
    with pytest.raises(SystemExit) as raised:
        main([*args, "--help"])
    assert raised.value.code == 0
    return capsys.readouterr().out


# -- help and usage ---------------------------------------------------------------------------


def test_help_of_rasad_names_commands_and_exit_status(capsys):
    text = help_of(capsys)
    assert "extract" in text and "eval" in text
    assert "Exit status" in text


def test_help_of_extract_names_input_and_exit_status(capsys):
    text = help_of(capsys, "extract")
    assert "INPUT" in text
    assert "Exit status" in text
    assert "--table" in text and "--output" in text


def test_help_of_eval_names_its_inputs(capsys):
    text = help_of(capsys, "eval")
    assert "PRED" in text and "GOLD" in text


def test_help_of_eval_names_exit_status(capsys):
    assert "Exit status" in help_of(capsys, "eval")


def test_help_of_rasad_mentions_input(capsys):
    assert "INPUT" in help_of(capsys)


def test_no_command_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as raised:
        main([])
    assert raised.value.code == EXIT_USAGE
    assert "COMMAND" in capsys.readouterr().err


# -- extract ----------------------------------------------------------------------------------


def test_extract_writes_valid_jsonl_with_every_format_field(extracted):
    assert len(extracted) > 10
    assert EVENT_FIELDS == FORMAT_FIELDS
    for record in extracted:
        assert tuple(record) == FORMAT_FIELDS
        assert record["event_id"].startswith(record["doc_id"] + "-")
        for span in record["evidence"]:
            assert set(span) == {"start", "end", "text", "label"}


def test_extract_covers_every_sample_document(extracted):
    ids = {json.loads(line)["id"] for line in ARTICLES.read_text(encoding="utf-8").splitlines()}
    assert {r["doc_id"] for r in extracted} == ids


def test_extract_to_stdout_equals_extract_to_file(capsys, extracted):
    assert main(["-q", "extract", str(ARTICLES)]) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line) for line in lines] == extracted


def test_same_input_twice_gives_identical_output(capsys):
    assert main(["-q", "extract", str(ARTICLES)]) == EXIT_OK
    first = capsys.readouterr().out
    assert main(["-q", "extract", str(ARTICLES)]) == EXIT_OK
    second = capsys.readouterr().out
    assert first == second
    ids = [json.loads(line)["event_id"] for line in first.splitlines()]
    assert len(ids) == len(set(ids))


def test_table_prints_a_header_and_rows(capsys, extracted, monkeypatch):
    monkeypatch.setenv("COLUMNS", "10000")  # wide enough for every row on one line
    assert main(["-q", "extract", str(ARTICLES), "--table"]) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    header = lines[0].split()
    assert header[:3] == ["event_date", "type", "actor1"]
    assert header[-1] == "location_mention"
    assert len(lines) == len(extracted) + 1
    assert lines[1].startswith(extracted[0]["event_date"])
    assert lines[1].rstrip().endswith(extracted[0]["location_mention"])


def test_broken_line_in_the_middle(tmp_path, capsys):
    lines = ARTICLES.read_text(encoding="utf-8").splitlines()
    broken = tmp_path / "broken.jsonl"
    broken.write_text(
        "\n".join([*lines[:2], '{"id": "broken", "text": ', *lines[2:]]) + "\n", encoding="utf-8"
    )
    status = main(["-q", "extract", str(broken)])
    captured = capsys.readouterr()
    assert status == EXIT_FAILURES
    assert f"{broken}:3" in captured.err
    assert "1 input(s) failed" in captured.err
    written = {json.loads(line)["doc_id"] for line in captured.out.splitlines()}
    expected = {json.loads(line)["id"] for line in lines}
    assert written == expected


def test_missing_file_is_named_and_fails(tmp_path, capsys):
    missing = tmp_path / "nope.jsonl"
    assert main(["-q", "extract", str(missing)]) == EXIT_FAILURES
    assert "nope.jsonl" in capsys.readouterr().err


def test_stdin_with_dash(monkeypatch, capsys, extracted):
    monkeypatch.setattr(
        sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLES.read_bytes()), encoding="utf-8")
    )
    assert main(["-q", "extract", "-"]) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line) for line in lines] == extracted


def test_text_file_input(tmp_path, capsys):
    path = tmp_path / "report_1.txt"
    path.write_text(
        "مقتل عنصرين بهجوم في الميادين\nقتل عنصران من قوات النظام بهجوم في مدينة الميادين.\n",
        encoding="utf-8",
    )
    assert main(["-q", "extract", str(path)]) == EXIT_OK
    (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert record["doc_id"] == "report_1"
    assert record["location"] == "الميادين"


# -- eval -------------------------------------------------------------------------------------


def test_eval_prints_metrics_as_json(tmp_path, capsys):
    predicted = tmp_path / "pred.jsonl"
    assert main(["-q", "extract", str(ARTICLES), "-o", str(predicted)]) == EXIT_OK
    capsys.readouterr()
    assert main(["eval", str(predicted), str(GOLD)]) == EXIT_OK
    metrics = json.loads(capsys.readouterr().out)
    for name in (
        "precision",
        "recall",
        "f1",
        "fatalities_acc",
        "actor_acc",
        "date_acc",
        "admin1_acc",
        "loc10km_acc",
        "historical_acc",
    ):
        assert 0.0 <= metrics[name] <= 1.0, name
    assert metrics["n_core"] == len(GOLD.read_text(encoding="utf-8").splitlines())
    assert metrics["n_pred"] == len(predicted.read_text(encoding="utf-8").splitlines())


def test_eval_reads_gold_of_one_document_a_line(capsys):
    gold = FIXTURES / "eval" / "check-gold.jsonl"
    assert main(["eval", str(FIXTURES / "eval" / "check-predictions.jsonl"), str(gold)]) == 0
    metrics = json.loads(capsys.readouterr().out)
    assert (metrics["n_core"], metrics["n_pred"]) == (26, 52)


def test_eval_explain_reports_causes_confusion_and_misses(tmp_path, capsys):
    predicted = tmp_path / "pred.jsonl"
    assert main(["-q", "extract", str(ARTICLES), "-o", str(predicted)]) == EXIT_OK
    capsys.readouterr()
    gold = FIXTURES / "eval" / "samples-gold.jsonl"
    assert main(["eval", str(predicted), str(gold), "--explain"]) == EXIT_OK
    text = capsys.readouterr().out
    assert text.startswith("precision ")
    for heading in ("False predictions:", "Event types of pairs", "Missed core gold events:"):
        assert heading in text
    assert main(["eval", str(predicted), str(gold), "--explain", "--json"]) == EXIT_OK
    report = json.loads(capsys.readouterr().out)
    assert set(report) == {"metrics", "false_predictions", "causes", "confusion", "missed"}
    false_count = report["metrics"]["n_pred"] - report["metrics"]["tp_core"]
    assert sum(report["causes"].values()) == false_count - report["metrics"]["tp_opt"]
    assert f"False predictions: {sum(report['causes'].values())}" in text
    for entry in report["false_predictions"]:
        assert entry["doc_id"] in text and len(entry["evidence"]) <= 100


def test_eval_of_gold_against_itself_is_perfect(capsys):
    assert main(["eval", str(GOLD), str(GOLD)]) == EXIT_OK
    metrics = json.loads(capsys.readouterr().out)
    assert (metrics["precision"], metrics["recall"], metrics["f1"]) == (1.0, 1.0, 1.0)


def test_eval_of_malformed_file_fails_naming_the_line(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{nope\n", encoding="utf-8")
    assert main(["eval", str(bad), str(GOLD)]) == EXIT_FAILURES
    captured = capsys.readouterr()
    assert f"{bad}:1" in captured.err
    assert captured.out == ""


# -- as a real process ------------------------------------------------------------------------


def rasad_command() -> list[str]:
    script = Path(sys.executable).with_name("rasad")
    return [str(script)] if script.exists() else [sys.executable, "-m", "rasad.cli"]


def test_subprocess_extract_from_stdin_and_help(extracted):
    result = subprocess.run(
        [*rasad_command(), "-q", "extract", "-"],
        input=ARTICLES.read_bytes(),
        capture_output=True,
        cwd=REPO,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()
    lines = result.stdout.decode("utf-8").splitlines()
    assert [json.loads(line) for line in lines] == extracted

    usage = subprocess.run(
        [*rasad_command(), "extract"], capture_output=True, timeout=60, check=False
    )
    assert usage.returncode == 2
    assert b"INPUT" in usage.stderr


def test_subprocess_module_entry_point():
    result = subprocess.run(
        [sys.executable, "-m", "rasad.cli", "--help"],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    assert b"extract" in result.stdout
