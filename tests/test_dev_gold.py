"""Quality gate: the bundled samples scored against their gold events (docs/format.md §4).

The floors live in tests/eval_baseline.json; a change that drops a metric below its floor
fails here, as trafilatura's eval gate does.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasad.evaluate import read_events, score
from rasad.ingest import read_documents

FIXTURES = Path(__file__).parent / "fixtures"
FLOORS = json.loads((Path(__file__).parent / "eval_baseline.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def metrics(pipeline):
    documents = list(read_documents([str(FIXTURES / "articles.jsonl")]))
    predicted = [event for doc in pipeline.pipe(documents) for event in doc.events]
    return score(predicted, read_events(FIXTURES / "dev-gold.jsonl"))


@pytest.mark.parametrize("name", [name for name in FLOORS if not name.startswith("_")])
def test_dev_set_metric_stays_above_its_floor(metrics, name):
    assert metrics[name] >= FLOORS[name], (
        f"{name} = {metrics[name]} < floor {FLOORS[name]}; missed: {metrics['missed']}"
    )


def test_every_sample_document_yields_events(metrics):
    assert all(counts["predicted"] > 0 for counts in metrics["by_document"].values())
