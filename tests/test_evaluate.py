"""Scoring predicted events against gold (docs/format.md §4): the rule, reading, explaining."""

from __future__ import annotations

import doctest
import json
from pathlib import Path

import pytest

import rasad.evaluate
from rasad.errors import InputError
from rasad.evaluate import (
    GoldDocument,
    ScoredEvent,
    actor_key,
    admin1_key,
    explain,
    normalise_name,
    read_gold,
    read_predictions,
    score,
)

FIXTURES = Path(__file__).parent / "fixtures"
SETS = FIXTURES / "eval"
DEV_GOLD = FIXTURES / "dev-gold.jsonl"
MAYADIN = (35.0249, 40.4281)
BUKAMAL = (34.45, 40.92)  # some 80 km from al-Mayadin
METRICS = (
    "precision",
    "recall",
    "f1",
    "fatalities_acc",
    "actor_acc",
    "date_acc",
    "admin1_acc",
    "loc10km_acc",
    "historical_acc",
    "n_pred",
    "n_core",
    "tp_core",
    "tp_opt",
)


def event(**fields) -> ScoredEvent:
    base = {
        "doc_id": "d1",
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "date": "2023-12-09",
        "time_precision": 1,
        "actor1": "Islamic State (Syria)",
        "actor2": "Military Forces of Syria",
        "admin1": "Deir-ez-Zor",
        "location": "الميادين",
        "latitude": MAYADIN[0],
        "longitude": MAYADIN[1],
        "fatalities": 2,
    }
    return ScoredEvent(**{**base, **fields})


def gold(*events: ScoredEvent, doc_id: str = "d1") -> list[GoldDocument]:
    return [GoldDocument(doc_id, list(events))]


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


def test_docstring_examples():
    assert doctest.testmod(rasad.evaluate).failed == 0


# -- the same figures as the reference scorer -----------------------------------------------


@pytest.mark.parametrize(
    "predictions",
    ["train-predictions.jsonl", "check-predictions.jsonl", "perturbed-predictions.jsonl"],
)
def test_figures_equal_those_of_the_reference_scorer(predictions):
    # score-py.json: what the evaluation set's score.py printed for these files
    expected = json.loads((SETS / "score-py.json").read_text(encoding="utf-8"))[predictions]
    result = score(read_predictions(SETS / predictions), read_gold(SETS / expected["gold"]))
    assert {name: result[name] for name in METRICS} == {name: expected[name] for name in METRICS}
    missed = [
        f"{m['doc_id']}: {m['event_type']} @ {m['location']} fat={m['fatalities']}"
        for m in result["missed"]
    ]
    assert missed == expected["missed"]


# -- pairing --------------------------------------------------------------------------------


def test_identical_events_score_perfectly():
    result = score([event()], gold(event()))
    assert (result["precision"], result["recall"], result["f1"]) == (1.0, 1.0, 1.0)
    for name in METRICS[3:9]:
        assert result[name] == 1.0, name
    assert result["missed"] == []


def test_type_must_agree_unless_the_gold_has_none():
    strike = event(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike")
    assert score([strike], gold(event()))["tp_core"] == 0
    assert score([strike], gold(event(event_type=None, sub_event_type=None)))["tp_core"] == 1


def test_sub_type_may_differ():
    assert score([event(sub_event_type="Government regains territory")], gold(event()))["f1"] == 1


@pytest.mark.parametrize(
    ("predicted", "gold_place"),
    [
        ({"location": "مدينة المَيادين"}, {}),  # diacritics; the gold name a whole word in it
        ({"location": None, "place_names": ("بالميادين",)}, {}),  # a clitic article
        ({"location": "دير الزور"}, {"place_names": ("الميادين", "ريف دير الزور")}),  # a variant
        ({"location": "الرقة"}, {"location": "الرقه"}),  # ta marbuta
    ],
)
def test_place_names_agree_after_normalisation(predicted, gold_place):
    far = event(latitude=BUKAMAL[0], longitude=BUKAMAL[1], **predicted)
    assert score([far], gold(event(**gold_place)))["tp_core"] == 1


def test_names_agree_on_whole_words_only():
    assert normalise_name("وبالمَيادين") == "ميادين"
    far = event(location="الميادينة", latitude=BUKAMAL[0], longitude=BUKAMAL[1])
    assert score([far], gold(event()))["tp_core"] == 0


def test_points_within_20_km_agree_on_the_place():
    near = event(location="قرية", latitude=MAYADIN[0] + 0.15, longitude=MAYADIN[1])  # ~17 km
    result = score([near], gold(event()))
    assert result["tp_core"] == 1
    assert result["loc10km_acc"] == 0.0
    far = event(location="قرية", latitude=BUKAMAL[0], longitude=BUKAMAL[1])
    assert score([far], gold(event()))["tp_core"] == 0


def test_gold_without_a_place_agrees_on_the_governorate():
    placeless = event(location=None, latitude=None, longitude=None, admin1="Dar'a")
    assert score([event(admin1="Daraa")], gold(placeless))["tp_core"] == 1
    assert score([event(admin1="Homs")], gold(placeless))["tp_core"] == 0
    anywhere = event(location=None, latitude=None, longitude=None, admin1=None)
    assert score([event(admin1="Homs")], gold(anywhere))["tp_core"] == 1


def test_documents_must_agree_and_other_documents_are_ignored():
    result = score([event(doc_id="other"), event()], gold(event()))
    assert (result["n_pred"], result["precision"]) == (1, 1.0)
    assert score([event(doc_id="other")], gold(event()))["tp_core"] == 0


def test_core_gold_pairs_before_optional_gold():
    optional = event(optional=True, fatalities=5)
    result = score([event(fatalities=5)], gold(optional, event(actor1=None, actor2=None)))
    assert (result["tp_core"], result["tp_opt"], result["recall"]) == (1, 0, 1.0)


def test_optional_gold_neither_helps_nor_hurts():
    optional = event(optional=True, location="البوكمال", latitude=BUKAMAL[0], longitude=BUKAMAL[1])
    extra = event(location="البوكمال", latitude=BUKAMAL[0], longitude=BUKAMAL[1])
    result = score([event(), extra], gold(event(), optional))
    assert (result["precision"], result["recall"], result["tp_opt"]) == (1.0, 1.0, 1)
    assert score([event()], gold(event(), optional))["recall"] == 1.0  # unpaired: not missed


def test_best_agreeing_pair_first():
    gold_events = gold(event(fatalities=5, actor1="Kurdish"), event())
    result = score([event()], gold_events)
    assert (result["fatalities_acc"], result["actor_acc"]) == (1.0, 1.0)
    assert result["missed"][0]["fatalities"] == 5


def test_precision_and_recall_count_core_pairs():
    far = event(location="البوكمال", latitude=BUKAMAL[0], longitude=BUKAMAL[1])
    result = score([event(), event(event_type="Riots")], gold(event(), far))
    assert (result["precision"], result["recall"], result["f1"]) == (0.5, 0.5, 0.5)
    assert result["missed"] == [
        {
            "doc_id": "d1",
            "event_type": "Battles",
            "sub_event_type": "Armed clash",
            "location": "البوكمال",
            "date": "2023-12-09",
            "fatalities": 2,
            "evidence": "",
        }
    ]


def test_empty_inputs():
    result = score([], [])
    assert (result["precision"], result["recall"], result["f1"], result["n_pred"]) == (0, 0, 0, 0)
    assert result["fatalities_acc"] is None
    assert score([], [GoldDocument("d1")])["n_core"] == 0


# -- field accuracies -----------------------------------------------------------------------


def test_actors_are_found_among_four_fields_suffixes_and_aliases_aside():
    assert actor_key("Military Forces of Syria (2000-2024)") == actor_key(
        "Military Forces of Syria"
    )
    assert actor_key("Global Coalition Against Daesh") == actor_key(
        "Military Forces of the United States"
    )
    predicted = event(
        actor1="Military Forces of Syria (2000-2024)",
        actor2=None,
        assoc_actor_2="Islamic State (Syria)",
    )
    assert score([predicted], gold(event()))["actor_acc"] == 1.0
    assert score([event(actor2=None)], gold(event()))["actor_acc"] == 0.5


@pytest.mark.parametrize(
    ("precision", "predicted", "agrees"),
    [
        (1, "2023-12-09", True),
        (1, "2023-12-08", False),
        (2, "2023-12-15", True),
        (2, "2023-12-17", False),
        (3, "2023-12-30", True),
        (3, "2024-01-09", False),
        (1, None, False),
    ],
)
def test_dates_agree_within_the_gold_precision(precision, predicted, agrees):
    result = score([event(date=predicted)], gold(event(time_precision=precision)))
    assert result["date_acc"] == float(agrees)


def test_fields_the_gold_leaves_open_are_not_scored():
    open_gold = event(fatalities=None, date=None, admin1=None, latitude=None, longitude=None)
    result = score([event(fatalities=9)], gold(open_gold))
    assert result["tp_core"] == 1
    for name in ("fatalities_acc", "date_acc", "admin1_acc", "loc10km_acc"):
        assert result[name] is None, name


def test_admin1_spellings_agree():
    assert admin1_key("Idlib") == admin1_key("Idleb")
    result = score([event(admin1="Dayr az Zawr", historical=True)], gold(event()))
    assert (result["admin1_acc"], result["historical_acc"]) == (1.0, 0.0)


# -- explaining -----------------------------------------------------------------------------


def test_each_false_prediction_has_its_cause():
    told_twice = event(fatalities=3, evidence="قتل عنصران في الميادين")
    wrong_type = event(event_type="Protests", sub_event_type="Peaceful protest")
    wrong_place = event(location="البوكمال", latitude=BUKAMAL[0], longitude=BUKAMAL[1])
    elsewhere = event(doc_id="d2")
    predictions = [event(), told_twice, wrong_type, wrong_place, elsewhere]
    gold_documents = [*gold(event()), GoldDocument("d2")]
    report = explain(predictions, gold_documents)
    causes = [(entry["cause"], entry["evidence"]) for entry in report["false_predictions"]]
    assert causes == [
        ("another telling", "قتل عنصران في الميادين"),
        ("wrong type", ""),
        ("wrong place", ""),
        ("nothing there", ""),
    ]
    assert report["false_predictions"][1]["detail"] == "gold says Battles"
    assert report["causes"] == dict.fromkeys(
        ("another telling", "wrong type", "wrong place", "nothing there"), 1
    )


def test_confusion_of_types_over_pairs_that_agree_by_place():
    shelling = event(event_type="Explosions/Remote violence", fatalities=0)
    far = event(location="البوكمال", latitude=BUKAMAL[0], longitude=BUKAMAL[1])
    report = explain([shelling, event(doc_id="d1", location="x", latitude=0.0)], gold(event(), far))
    confusion = report["confusion"]
    assert confusion["rows"] == ["Battles", "(none)"]
    assert confusion["columns"] == ["Battles", "Explosions/Remote violence", "(none)"]
    assert confusion["counts"] == [[0, 1, 1], [1, 0, 0]]
    (missed_here, missed_far) = report["missed"]
    assert missed_here["predicted_as"] == "Explosions/Remote violence"
    assert missed_far["predicted_as"] is None


def test_evidence_is_cut_to_100_characters():
    long = event(doc_id="d2", evidence="كلمة " * 50)
    (entry,) = explain([long], [GoldDocument("d2")])["false_predictions"]
    assert len(entry["evidence"]) == 100


# -- reading --------------------------------------------------------------------------------


def test_gold_of_one_document_a_line(tmp_path):
    path = write_jsonl(
        tmp_path / "gold.jsonl",
        [
            {"doc_id": "a", "events": []},
            {
                "doc_id": "b",
                "events": [
                    {
                        "event_type": None,
                        "date": "2018-04-07",
                        "location": "دوما",
                        "location_variants": ["مدينة دوما"],
                        "optional": True,
                        "evidence": "قصف على دوما",
                    }
                ],
            },
        ],
    )
    first, second = read_gold(path)
    assert (first.doc_id, first.events) == ("a", [])
    (only,) = second.events
    assert (only.event_type, only.date, only.optional, only.evidence) == (
        None,
        "2018-04-07",
        True,
        "قصف على دوما",
    )
    assert only.place_names == ("دوما", "مدينة دوما")


def test_flat_gold_groups_its_lines_by_document():
    documents = read_gold(DEV_GOLD)
    assert len(documents) == 5
    assert sum(len(d.events) for d in documents) == len(DEV_GOLD.read_text("utf-8").splitlines())
    first = documents[0].events[0]
    assert (first.date, first.time_precision) == ("2023-12-09", 2)  # `event_date` is the date


def test_gold_against_itself_is_perfect_in_both_forms():
    for path in (DEV_GOLD, SETS / "train-gold.jsonl"):
        documents = read_gold(path)
        as_predictions = [e for d in documents for e in d.events if e.event_type]
        result = score(as_predictions, documents)
        assert result["precision"] == 1.0, path


def test_predictions_read_the_event_span_and_aliases(tmp_path):
    path = write_jsonl(
        tmp_path / "pred.jsonl",
        [
            {
                "document_id": "d1",
                "event_type": "Battles",
                "date": "2023-12-09",
                "lat": 35.0,
                "lon": 40.0,
                "location_mention": "بالميادين",
                "evidence": [
                    {"start": 0, "end": 3, "text": "قتل", "label": "fatalities"},
                    {"start": 0, "end": 9, "text": "قتل عنصر", "label": "event"},
                ],
            },
            {"id": "d2", "event_type": "Riots", "event_date": "2023-12-09T10:00:00", "lng": 4},
        ],
    )
    first, second = read_predictions(path)
    assert (first.doc_id, first.date, first.point, first.evidence) == (
        "d1",
        "2023-12-09",
        (35.0, 40.0),
        "قتل عنصر",
    )
    assert first.place_names == ("بالميادين",)
    assert (second.doc_id, second.longitude, second.date) == ("d2", 4.0, "2023-12-09T10:00:00")


def test_unknown_fields_are_ignored_and_blank_lines_skipped(tmp_path):
    path = tmp_path / "pred.jsonl"
    path.write_text('{"doc_id": "d1", "event_type": "Battles", "coder": "x"}\n\n  \n', "utf-8")
    (only,) = read_predictions(path)
    assert (only.doc_id, only.event_type) == ("d1", "Battles")


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ('{"doc_id": "d1", "event_type": ', None),
        ("[1, 2]", None),
        ('{"doc_id": "d1"}', "event_type"),
        ('{"event_type": "Battles"}', "doc_id"),
        ('{"doc_id": "d1", "event_type": "Battles", "latitude": "35"}', "latitude"),
        ('{"doc_id": "d1", "event_type": "Battles", "fatalities": 2.5}', "fatalities"),
        ('{"doc_id": "d1", "event_type": "Battles", "event_date": "yesterday"}', "event_date"),
        ('{"doc_id": "d1", "event_type": "Battles", "historical": "no"}', "historical"),
        ('{"doc_id": "d1", "event_type": "Battles", "time_precision": 5}', "time_precision"),
        ('{"doc_id": "d1", "event_type": "Battles", "evidence": [{"begin": 1}]}', "evidence"),
    ],
)
def test_bad_prediction_names_its_line_and_field(tmp_path, line, field):
    path = tmp_path / "pred.jsonl"
    path.write_text('{"doc_id": "d0", "event_type": "Battles"}\n' + line + "\n", "utf-8")
    with pytest.raises(InputError) as raised:
        read_predictions(path)
    assert (raised.value.line, raised.value.field) == (2, field)
    assert f"{path}:2" in str(raised.value)


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (['{"doc_id": "a", "events": []}', '{"doc_id": "a", "events": []}'], "met before"),
        (['{"doc_id": "a", "events": {}}'] * 2, "list of event objects"),
        (['{"doc_id": "a", "events": []}', '{"doc_id": "b", "event_type": "Riots"}'], "other form"),
        (['{"doc_id": "a", "events": [{"location_variants": "دوما"}]}'] * 2, "list of strings"),
    ],
)
def test_bad_gold_names_its_line(tmp_path, lines, message):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    with pytest.raises(InputError, match=message) as raised:
        read_gold(path)
    assert raised.value.line in (1, 2)
    assert raised.value.file == str(path)


def test_unreadable_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        read_gold(tmp_path / "missing.jsonl")
    binary = tmp_path / "binary.jsonl"
    binary.write_bytes(b"\xff\xfe{}\n")
    with pytest.raises(InputError, match="UTF-8"):
        read_predictions(binary)
