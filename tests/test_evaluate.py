"""Scoring predicted events against gold (docs/format.md §4)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasad.errors import InputError
from rasad.evaluate import distance_km, pair_events, read_events, score
from rasad.model import Event

GOLD = Path(__file__).parent / "fixtures" / "dev-gold.jsonl"


def event(**fields) -> Event:
    base = {
        "doc_id": "d1",
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "event_date": "2023-12-09",
        "actor1": "Islamic State (Syria)",
        "actor2": "Military Forces of Syria (2000-2024)",
        "admin1": "Deir-ez-Zor",
        "latitude": 35.0249,
        "longitude": 40.4281,
        "fatalities": 2,
    }
    return Event(**{**base, **fields})


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


def test_docstring_example():
    gold = [Event(doc_id="d", event_type="Battles", sub_event_type="Armed clash")]
    assert score(gold, gold)["f1"] == 1.0


def test_perfect_score_on_identical_files():
    gold = read_events(GOLD)
    result = score(read_events(GOLD), gold)
    assert (result["precision"], result["recall"], result["f1"]) == (1.0, 1.0, 1.0)
    assert result["matched"] == result["gold"] == result["predicted"] == len(gold)
    for name in ("fatalities_acc", "actor_acc", "date_acc", "admin1_acc", "historical_acc"):
        assert result[name] == 1.0, name
    assert result["missed"] == []


def test_missed_event_lowers_recall():
    gold = [event(), event(admin1="Homs", latitude=34.7, longitude=36.7)]
    result = score([event()], gold)
    assert (result["precision"], result["recall"]) == (1.0, 0.5)
    assert result["f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert result["missed"] == [
        {
            "doc_id": "d1",
            "event_type": "Battles",
            "sub_event_type": "Armed clash",
            "location": None,
            "event_date": "2023-12-09",
        }
    ]


def test_spurious_event_lowers_precision():
    predicted = [event(), event(event_type="Strategic developments", sub_event_type="Other")]
    result = score(predicted, [event()])
    assert (result["precision"], result["recall"]) == (0.5, 1.0)
    assert result["by_document"] == {"d1": {"predicted": 2, "gold": 1, "matched": 1}}


def test_type_must_agree_to_pair():
    predicted = [event(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike")]
    result = score(predicted, [event()])
    assert result["matched"] == 0
    assert (result["precision"], result["recall"], result["f1"]) == (0.0, 0.0, 0.0)
    assert result["fatalities_acc"] is None


def test_sub_type_may_differ_when_type_agrees():
    result = score([event(sub_event_type="Government regains territory")], [event()])
    assert result["matched"] == 1


def test_documents_must_agree_to_pair():
    assert score([event(doc_id="other")], [event()])["matched"] == 0


def test_most_similar_pairs_first():
    gold = [event(admin1="Homs", latitude=34.7, longitude=36.7, fatalities=5), event()]
    predicted = [event()]
    ((_, g),) = pair_events(predicted, gold)
    assert g is gold[1]
    assert score(predicted, gold)["fatalities_acc"] == 1.0


def test_field_accuracies_over_pairs():
    predicted = [event(fatalities=3, actor2=None, event_date="2023-12-08", historical=True)]
    result = score(predicted, [event()])
    assert result["matched"] == 1
    assert result["fatalities_acc"] == 0.0
    assert result["actor_acc"] == 0.0
    assert result["date_acc"] == 0.0
    assert result["historical_acc"] == 0.0
    assert result["admin1_acc"] == 1.0
    assert result["loc10km_acc"] == 1.0


def test_points_more_than_10_km_apart_are_not_near():
    far = event(latitude=34.45, longitude=40.92)  # al-Bukamal, ~80 km from al-Mayadin
    assert distance_km(far, event()) > 10
    assert score([far], [event()])["loc10km_acc"] == 0.0
    assert distance_km(event(latitude=None), event()) is None


def test_empty_inputs():
    result = score([], [])
    assert (result["precision"], result["recall"], result["f1"], result["matched"]) == (0, 0, 0, 0)


def test_aliases_are_accepted(tmp_path):
    path = write_jsonl(
        tmp_path / "gold.jsonl",
        [
            {
                "document_id": "d1",
                "event_type": "Battles",
                "sub_event_type": "Armed clash",
                "date": "2023-12-09",
                "lat": 35.0249,
                "lon": 40.4281,
            },
            {
                "article_id": "d2",
                "event_type": "Battles",
                "sub_event_type": "Armed clash",
                "lng": 40.0,
            },
        ],
    )
    first, second = read_events(path)
    assert (first.doc_id, first.event_date, first.latitude, first.longitude) == (
        "d1",
        "2023-12-09",
        35.0249,
        40.4281,
    )
    assert (second.doc_id, second.longitude) == ("d2", 40.0)


def test_id_alias_of_doc_id(tmp_path):
    path = write_jsonl(
        tmp_path / "gold.jsonl",
        [{"id": "d1", "event_type": "Battles", "sub_event_type": "Armed clash"}],
    )
    (only,) = read_events(path)
    assert only.doc_id == "d1"


def test_unknown_fields_are_ignored_and_blank_lines_skipped(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(
        '{"doc_id": "d1", "event_type": "Battles", "sub_event_type": "Other", "coder": "x"}'
        "\n\n   \n",
        encoding="utf-8",
    )
    (only,) = read_events(path)
    assert (only.doc_id, only.event_type) == ("d1", "Battles")


def test_malformed_line_names_the_line(tmp_path):
    path = tmp_path / "pred.jsonl"
    path.write_text(
        '{"doc_id": "d1", "event_type": "Battles", "sub_event_type": "Armed clash"}\n'
        '{"doc_id": "d2", "event_type": \n',
        encoding="utf-8",
    )
    with pytest.raises(InputError) as raised:
        read_events(path)
    assert raised.value.line == 2
    assert f"{path}:2" in str(raised.value)


def test_line_that_is_not_an_object_names_the_line(tmp_path):
    path = tmp_path / "pred.jsonl"
    path.write_text(
        '{"doc_id": "d1", "event_type": "Battles", "sub_event_type": "Armed clash"}\n[1, 2]\n',
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r":2: not a JSON object"):
        read_events(path)


def test_missing_required_field_names_line_and_field(tmp_path):
    path = write_jsonl(tmp_path / "pred.jsonl", [{"doc_id": "d1"}])
    with pytest.raises(InputError) as raised:
        read_events(path)
    assert (raised.value.line, raised.value.field) == (1, "event_type")


def test_missing_sub_type_names_the_line(tmp_path):
    path = write_jsonl(tmp_path / "pred.jsonl", [{"doc_id": "d1", "event_type": "Battles"}])
    with pytest.raises(InputError) as raised:
        read_events(path)
    assert raised.value.line == 1
    assert "sub_event_type" in str(raised.value)


def test_bad_evidence_names_the_line(tmp_path):
    path = write_jsonl(
        tmp_path / "pred.jsonl",
        [
            {
                "doc_id": "d1",
                "event_type": "Battles",
                "sub_event_type": "Armed clash",
                "evidence": [{"begin": 1}],
            }
        ],
    )
    with pytest.raises(InputError) as raised:
        read_events(path)
    assert raised.value.line == 1
