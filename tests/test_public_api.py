"""The public surface: a light import, and a library that keeps quiet on stdout."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import rasad
from rasad.model import Document

ARTICLES = Path(__file__).parent / "fixtures" / "articles.jsonl"
HEAVY = ("fastapi", "sqlalchemy", "dask", "trafilatura")


def modules_after(code: str) -> list[str]:
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    return json.loads(result.stdout.splitlines()[-1])


def test_import_rasad_loads_no_heavy_modules():
    loaded = modules_after("import rasad")
    assert [m for m in loaded if m.split(".")[0] in HEAVY] == []
    assert "rasad.pipeline" not in loaded  # the pipeline loads on first use


def test_building_the_pipeline_loads_no_heavy_modules():
    loaded = modules_after("from rasad.pipeline import Pipeline\nPipeline()")
    assert [m for m in loaded if m.split(".")[0] in HEAVY] == []


def test_public_names():
    for name in rasad.__all__:
        assert getattr(rasad, name) is not None
    with pytest.raises(AttributeError):
        rasad.no_such_name  # noqa: B018


EXTRACT_ONCE = """
import rasad
(event,) = rasad.extract("قتل عنصران من قوات النظام بهجوم في مدينة الميادين.",
                         published="2023-12-09")
print(event.sub_event_type, event.fatalities, event.event_date)
"""


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )


def test_extract_function_accepts_an_iso_date_string():
    result = run_python(EXTRACT_ONCE)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["Armed", "clash", "2", "2023-12-09"]


def test_extract_function_can_be_called_twice():
    result = run_python(EXTRACT_ONCE + EXTRACT_ONCE)
    assert result.returncode == 0, result.stderr


def test_pipeline_prints_nothing_on_stdout(pipeline, capsys):
    for line in ARTICLES.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        pipeline(
            Document(
                id=record["id"],
                text=record["text"],
                title=record.get("title"),
                published=date.fromisoformat(record["published"])
                if record.get("published")
                else None,
            )
        )
    pipeline.extract(
        "قتل عنصران من قوات النظام بهجوم في مدينة الميادين.", published=date(2023, 12, 9)
    )
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == ""


def test_pipe_turns_a_failing_document_into_an_error(pipeline, monkeypatch):
    import rasad.pipeline
    from rasad.errors import ExtractionError, InputError

    def assemble_failing_on_bad(doc, gazetteer):
        if doc.id == "bad":  # a bug met on one text
            raise ValueError("no such thing")
        return rasad.assemble.assemble(doc, gazetteer)

    # The stage is replaced where the pipeline calls it: a document made with the wrong
    # types would be refused earlier, when it is made, by the compiled build.
    monkeypatch.setattr(rasad.pipeline, "assemble", assemble_failing_on_bad)
    good = Document(
        id="ok",
        text="قتل عنصران من قوات النظام بهجوم في مدينة الميادين.",
        published=date(2023, 12, 9),
    )
    bad = Document(id="bad", text="قتل عنصران.")
    error = InputError("x", file="f.jsonl", line=3)
    out = list(pipeline.pipe([good, bad, error]))
    assert out[0] is good and len(good.events) == 1
    assert isinstance(out[1], ExtractionError) and "'bad'" in str(out[1])
    assert out[2] is error


def test_documents_and_their_events_survive_pickling(pipeline):
    # Dask sends them between processes; compiled frozen classes need their own __reduce__.
    import pickle

    from rasad.model import Actor, Mention, Place, PlaceMention, Span

    doc = pipeline(
        Document(
            id="p",
            text="قتل عنصران من قوات النظام بهجوم في مدينة الميادين.",
            published=date(2023, 12, 9),
        )
    )
    place = Place("C1", "الميادين", "Al Mayadin", "city", 35.0, 40.4, admin1="Deir-ez-Zor")
    values = [
        doc.events,
        Span(3, 9, "عنصران", "fatalities"),
        Actor("Military Forces of Syria (2000-2024)", 1),
        Mention("place", 0, 8, PlaceMention(place, 1, "مدينة")),
    ]
    for value in values:
        assert pickle.loads(pickle.dumps(value)) == value
