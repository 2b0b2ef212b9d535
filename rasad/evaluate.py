"""Scoring predicted events against gold events (docs/format.md §4).

Example:
    >>> gold = [Event(doc_id="d", event_type="Battles", sub_event_type="Armed clash")]
    >>> score(gold, gold)["f1"]
    1.0
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rasad.errors import InputError
from rasad.model import Event

NEAR_KM = 10.0
FIELD_ALIASES = {
    "date": "event_date",
    "document_id": "doc_id",
    "article_id": "doc_id",
    "id": "doc_id",
    "lat": "latitude",
    "lon": "longitude",
    "lng": "longitude",
}


def distance_km(a: Event, b: Event) -> float | None:
    """Great-circle distance between two events' points, None when one has no point."""
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _near(a: Event, b: Event) -> bool:
    distance = distance_km(a, b)
    return distance is not None and distance <= NEAR_KM


def _distance_or_far(a: Event, b: Event) -> float:
    """Distance for breaking ties between equally similar pairs: the nearer pair first."""
    distance = distance_km(a, b)
    return float("inf") if distance is None else distance


def _similarity(predicted: Event, gold: Event) -> int:
    return (
        (predicted.sub_event_type == gold.sub_event_type)
        + (predicted.admin1 == gold.admin1)
        + _near(predicted, gold)
        + (predicted.event_date == gold.event_date)
        + (predicted.actor1 == gold.actor1)
    )


def pair_events(predicted: list[Event], gold: list[Event]) -> list[tuple[Event, Event]]:
    """One-to-one pairs of same-document, same-type events, most similar first."""
    candidates = [
        (-_similarity(p, g), _distance_or_far(p, g), i, j)
        for i, p in enumerate(predicted)
        for j, g in enumerate(gold)
        if p.doc_id == g.doc_id and p.event_type == g.event_type
    ]
    candidates.sort()
    used_predicted: set[int] = set()
    used_gold: set[int] = set()
    pairs = []
    for _, _, i, j in candidates:
        if i not in used_predicted and j not in used_gold:
            used_predicted.add(i)
            used_gold.add(j)
            pairs.append((predicted[i], gold[j]))
    return pairs


def score(predicted: list[Event], gold: list[Event]) -> dict[str, Any]:
    """The §4 metrics of ``predicted`` against ``gold`` as a JSON-ready dict."""
    pairs = pair_events(predicted, gold)
    matched = len(pairs)
    precision = matched / len(predicted) if predicted else 0.0
    recall = matched / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    def share(agree: Iterable[bool]) -> float | None:
        values = list(agree)
        return round(sum(values) / len(values), 4) if values else None

    paired_gold = {id(g) for _, g in pairs}
    return {
        "predicted": len(predicted),
        "gold": len(gold),
        "matched": matched,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "fatalities_acc": share((p.fatalities or 0) == (g.fatalities or 0) for p, g in pairs),
        "actor_acc": share(p.actor1 == g.actor1 and p.actor2 == g.actor2 for p, g in pairs),
        "date_acc": share(p.event_date == g.event_date for p, g in pairs),
        "admin1_acc": share(p.admin1 == g.admin1 for p, g in pairs),
        "loc10km_acc": share(_near(p, g) for p, g in pairs),
        "historical_acc": share(p.historical == g.historical for p, g in pairs),
        "by_document": _by_document(predicted, gold, pairs),
        "missed": [
            {
                "doc_id": g.doc_id,
                "event_type": g.event_type,
                "sub_event_type": g.sub_event_type,
                "location": g.location,
                "event_date": g.event_date,
            }
            for g in gold
            if id(g) not in paired_gold
        ],
    }


def _by_document(
    predicted: list[Event], gold: list[Event], pairs: list[tuple[Event, Event]]
) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = defaultdict(
        lambda: {"predicted": 0, "gold": 0, "matched": 0}
    )
    for event in predicted:
        counts[event.doc_id]["predicted"] += 1
    for event in gold:
        counts[event.doc_id]["gold"] += 1
    for _, event in pairs:
        counts[event.doc_id]["matched"] += 1
    return dict(sorted(counts.items()))


def read_events(path: str | Path) -> list[Event]:
    """Events of a JSONL file (predictions or gold); raises InputError naming the line."""
    events = []
    with open(path, encoding="utf-8") as handle:
        for line_number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(
                    f"not JSON: {error.msg}", file=str(path), line=line_number
                ) from error
            if not isinstance(record, dict):
                raise InputError("not a JSON object", file=str(path), line=line_number)
            for alias, name in FIELD_ALIASES.items():
                if alias in record and name not in record:
                    record[name] = record.pop(alias)
            for required in ("doc_id", "event_type"):
                if not record.get(required):
                    raise InputError("missing", file=str(path), line=line_number, field=required)
            try:
                events.append(Event.from_dict(record))
            except TypeError as error:
                raise InputError(str(error), file=str(path), line=line_number) from error
    return events
