"""Quality gate: the pipeline scored on the evaluation sets (docs/format.md §4).

Each metric must stay at or above its floor: the floors of the evaluation sets (train, check,
the five samples coded blind) are in tests/eval_floors.json, those of the developers' own
dev set (tests/fixtures/dev-gold.jsonl, one event a line) in tests/eval_baseline.json. A
failure lists the gold events the pipeline missed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from rasad.evaluate import predictions_of, read_gold, score
from rasad.ingest import read_documents
from rasad.pipeline import Pipeline

TESTS = Path(__file__).parent
FIXTURES = TESTS / "fixtures"
SETS = FIXTURES / "eval"
ARTICLES_AND_GOLD = {
    "train": (SETS / "train-articles.jsonl", SETS / "train-gold.jsonl"),
    "check": (SETS / "check-articles.jsonl", SETS / "check-gold.jsonl"),
    "samples": (FIXTURES / "articles.jsonl", SETS / "samples-gold.jsonl"),
    "dev": (FIXTURES / "articles.jsonl", FIXTURES / "dev-gold.jsonl"),
}


def _floors(name: str) -> dict[str, Any]:
    return json.loads((TESTS / name).read_text(encoding="utf-8"))


FLOORS = {key: value for key, value in _floors("eval_floors.json").items() if key[0] != "_"}
FLOORS["dev"] = {
    key: value for key, value in _floors("eval_baseline.json").items() if key[0] != "_"
}
CASES = [(name, metric) for name, floors in FLOORS.items() for metric in floors]


@pytest.fixture(scope="module")
def results(pipeline: Pipeline) -> dict[str, dict[str, Any]]:
    """The metrics of each set, and how many events the pipeline gave each document."""
    out = {}
    for name, (articles, gold) in ARTICLES_AND_GOLD.items():
        documents = list(pipeline.pipe(read_documents([str(articles)])))
        events = [event for document in documents for event in document.events]
        out[name] = {
            "metrics": score(predictions_of(events), read_gold(gold)),
            "events_per_document": {document.id: len(document.events) for document in documents},
        }
    return out


def _missed(metrics: dict[str, Any]) -> str:
    return "\n".join(
        f"  {m['doc_id']}: {m['event_type']} / {m['sub_event_type']} @ {m['location']}, "
        f"{m['date']}, fatalities {m['fatalities']}: «{m['evidence']}»"
        for m in metrics["missed"]
    )


@pytest.mark.parametrize(("name", "metric"), CASES, ids=[f"{n}-{m}" for n, m in CASES])
def test_metric_stays_at_or_above_its_floor(results, name, metric):
    metrics = results[name]["metrics"]
    floor = FLOORS[name][metric]
    assert metrics[metric] is not None and metrics[metric] >= floor, (
        f"{name}: {metric} = {metrics[metric]} < floor {floor}; "
        f"missed {len(metrics['missed'])} of {metrics['n_core']} core gold events:\n"
        + _missed(metrics)
    )


def test_every_sample_document_yields_events(results):
    assert all(results["dev"]["events_per_document"].values())
