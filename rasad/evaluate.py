"""Scoring predicted events against gold events (docs/format.md §4), and explaining the score.

The rule is that of the project's independent scorer (the evaluation set's ``score.py``), so
``rasad eval`` and that scorer give the same figures for the same files:

1. Within each document, a prediction and a gold event are *compatible* when the gold type is
   null or equal to the predicted type, and the place agrees: an Arabic name match (after
   :func:`normalise_name`) between the gold location or its variants and the prediction's
   location or location mention; or points within 20 km; or, for a gold event without a
   location, the same admin1 (:func:`admin1_key`).
2. Compatible pairs are taken greedily, best first, by :func:`pair_score` plus
   ``CORE_BONUS`` when the gold event is core, so core gold is always preferred.
3. A prediction paired with *optional* gold neither helps nor hurts:
   precision = paired core / (predictions - paired optional); recall = paired core / core gold.
4. Field accuracies are taken over the pairs with core gold.

Predictions of documents that are not in the gold are ignored.

Example:
    >>> gold = [GoldDocument("d", [ScoredEvent("d", "Battles", location="الميادين")])]
    >>> score([ScoredEvent("d", "Battles", location="مدينة الميادين")], gold)["f1"]
    1.0
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Any

from rasad.errors import InputError
from rasad.model import Event

PLACE_KM = 20.0  # points this close agree on the place
NEAR_KM = 10.0  # loc10km_acc
CORE_BONUS = 10.0  # added to the pair score of core gold, so that core gold pairs first
DIGITS = 3  # metrics are rounded to this many decimals

CAUSES = ("another telling", "wrong type", "wrong place", "nothing there")
NONE_LABEL = "(none)"  # the confusion matrix's row and column for what went unpaired
ANY_LABEL = "(any)"  # the confusion matrix's row for gold of no type (any type agrees)
EVIDENCE_CHARS = 100

DOC_ID_ALIASES = ("doc_id", "document_id", "article_id", "id")
PREDICTED_DATE_FIELDS = ("event_date", "date")
GOLD_DATE_FIELDS = ("date", "event_date")
PREDICTED_PLACE_FIELDS = ("location", "location_mention", "location_ar")
PREDICTED_ACTOR_FIELDS = ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2")
GOLD_ACTOR_FIELDS = ("actor1", "actor2")

# -- normalisation ------------------------------------------------------------------------

_DIACRITICS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_PUNCTUATION = re.compile(r"[\"'“”«»()\[\]،,.:;!?؟\-–—_/]+")
_LETTER_FORMS = str.maketrans("أإآٱىةؤئ", "اااايهوي")
# Clitic articles, longest first; a word keeps at least two letters after one is removed.
_ARTICLES = ("وبال", "وال", "بال", "لل", "فال", "كال", "ال")
_PERIOD_SUFFIX = re.compile(r"\(\s*\d{4}\s*-\s*(\d{4})?\s*\)")  # "(2000-2024)", "(2011-)"

# Spellings of one governorate, keyed and valued by latin_key().
ADMIN1_ALIASES = {
    "alhasakah": "alhasakeh",
    "hasakah": "alhasakeh",
    "hasakeh": "alhasakeh",
    "alhasaka": "alhasakeh",
    "raqqa": "arraqqa",
    "arraqqah": "arraqqa",
    "raqqah": "arraqqa",
    "dayrazzawr": "deirezzor",
    "deirezzour": "deirezzor",
    "daraa": "dara",
    "deraa": "dara",
    "latakia": "lattakia",
    "idlib": "idleb",
    "tartus": "tartous",
    "sweida": "assweida",
    "suwayda": "assweida",
    "assuwayda": "assweida",
    "rifdimashq": "ruraldamascus",
    "damascuscountryside": "ruraldamascus",
}

# Names of one actor (transliterations, acronym prefixes); the US-led coalition is coded as
# US forces in the gold and as "Global Coalition Against Daesh" by some coders.
ACTOR_ALIASES = {
    "jaishalfatah": "jayshalfateh",
    "jaishalislam": "jayshalislam",
    "snasyriannationalarmy": "syriannationalarmy",
    "globalcoalitionagainstdaesh": "militaryforcesoftheunitedstates",
    "irgcislamicrevolutionaryguardcorps": "militaryforcesofiran",
    "militaryforcesofiranislamicrevolutionaryguardcorps": "militaryforcesofiran",
}


def normalise_name(name: str | None) -> str:
    """An Arabic place name as names are compared: no diacritics or tatweel, one alef, ya
    and ha (for ta marbuta), punctuation as spaces, clitic articles off each word.

    >>> normalise_name("وبالمَيادين") == normalise_name("الميادين") == "ميادين"
    True
    """
    if not name:
        return ""
    text = _PUNCTUATION.sub(" ", _DIACRITICS.sub("", name).translate(_LETTER_FORMS))
    words = []
    for word in text.split():
        for article in _ARTICLES:
            if word.startswith(article) and len(word) - len(article) >= 2:
                word = word[len(article) :]
                break
        words.append(word)
    return " ".join(words)


def latin_key(text: str | None) -> str:
    """Lower-case letters and digits only: ``"Deir-ez-Zor"`` → ``"deirezzor"``."""
    return re.sub(r"[^a-z0-9]", "", (text or "").lower())


def admin1_key(name: str | None) -> str:
    """A governorate's name as governorates are compared (``"Dar'a"`` = ``"Daraa"``)."""
    key = latin_key(name)
    return ADMIN1_ALIASES.get(key, key)


def actor_key(name: str | None) -> str:
    """An actor's name as actors are compared: ACLED's period suffix off, aliases joined.

    >>> actor_key("Military Forces of Syria (2000-2024)") == actor_key("Military Forces of Syria")
    True
    """
    key = latin_key(_PERIOD_SUFFIX.sub("", name or ""))
    return ACTOR_ALIASES.get(key, key)


# -- events as scoring sees them ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ScoredEvent:
    """A predicted or gold event, reduced to what scoring reads.

    ``place_names`` are the names a place match is tried on (a gold event's location and its
    variants; a prediction's location and location mention); when empty, ``location`` is.
    ``evidence`` is the text that tells the event (a prediction's ``event`` span).
    """

    doc_id: str
    event_type: str | None = None
    sub_event_type: str | None = None
    date: str | None = None
    time_precision: int | None = None
    actor1: str | None = None
    assoc_actor_1: str | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    admin1: str | None = None
    location: str | None = None
    place_names: tuple[str, ...] = ()
    latitude: float | None = None
    longitude: float | None = None
    fatalities: int | None = None
    historical: bool = False
    optional: bool = False
    evidence: str = ""

    @property
    def point(self) -> tuple[float, float] | None:
        if self.latitude is None or self.longitude is None:
            return None
        return self.latitude, self.longitude

    def names(self) -> list[str]:
        """The normalised names of the place, blanks left out."""
        names = self.place_names or ((self.location,) if self.location else ())
        return [name for name in map(normalise_name, names) if name]

    def describe(self) -> dict[str, Any]:
        """The event's identity for a report: document, type, place, date, toll, evidence."""
        return {
            "doc_id": self.doc_id,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "location": self.location,
            "date": self.date,
            "fatalities": self.fatalities,
            "evidence": " ".join(self.evidence.split())[:EVIDENCE_CHARS],
        }


@dataclass(slots=True)
class GoldDocument:
    """One document's gold events (an empty list: the document holds nothing codable)."""

    doc_id: str
    events: list[ScoredEvent] = field(default_factory=list)


@dataclass(slots=True)
class DocumentMatch:
    """A gold document, the predictions for it and how they paired."""

    doc_id: str
    predictions: list[ScoredEvent]
    gold: list[ScoredEvent]
    pairs: dict[int, int]  # index of a prediction -> index of its gold event


# -- the rule -----------------------------------------------------------------------------


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (latitude, longitude) points."""
    (lat1, lon1), (lat2, lon2) = a, b
    rad = math.pi / 180
    h = (
        math.sin((lat2 - lat1) * rad / 2) ** 2
        + math.cos(lat1 * rad) * math.cos(lat2 * rad) * math.sin((lon2 - lon1) * rad / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(h))


def _within(predicted: ScoredEvent, gold: ScoredEvent, km: float) -> bool:
    a, b = predicted.point, gold.point
    return a is not None and b is not None and distance_km(a, b) <= km


def names_agree(predicted: ScoredEvent, gold: ScoredEvent) -> bool:
    """A gold name equals a predicted name, or one holds the other as whole words."""
    for gold_name in gold.names():
        for predicted_name in predicted.names():
            if (
                f" {gold_name} " in f" {predicted_name} "
                or f" {predicted_name} " in f" {gold_name} "
            ):
                return True
    return False


def place_agrees(predicted: ScoredEvent, gold: ScoredEvent) -> bool:
    """Names agree or points lie within 20 km; gold without a location: the same admin1."""
    if not gold.location:
        return not gold.admin1 or admin1_key(predicted.admin1) == admin1_key(gold.admin1)
    return names_agree(predicted, gold) or _within(predicted, gold, PLACE_KM)


def type_agrees(predicted: ScoredEvent, gold: ScoredEvent) -> bool:
    """The gold type is null (ambiguous) or equal to the predicted type."""
    return not gold.event_type or latin_key(predicted.event_type) == latin_key(gold.event_type)


def compatible(predicted: ScoredEvent, gold: ScoredEvent) -> bool:
    return type_agrees(predicted, gold) and place_agrees(predicted, gold)


def actor_hits(predicted: ScoredEvent, gold: ScoredEvent) -> tuple[int, int]:
    """How many of the gold actor1/actor2 are among the prediction's four actor fields, of how
    many the gold names."""
    named = (getattr(predicted, name) for name in PREDICTED_ACTOR_FIELDS)
    have = {actor_key(actor) for actor in named if actor}
    want = [actor_key(getattr(gold, name)) for name in GOLD_ACTOR_FIELDS if getattr(gold, name)]
    return sum(actor in have for actor in want), len(want)


def date_agrees(predicted: ScoredEvent, gold: ScoredEvent) -> bool | None:
    """Within the gold's precision (1 the day, 2 within 7 days, 3 the month); None: no gold date."""
    if not gold.date:
        return None
    if not predicted.date:
        return False
    try:
        ours, theirs = date.fromisoformat(predicted.date[:10]), date.fromisoformat(gold.date)
    except ValueError:
        return False
    precision = gold.time_precision or 1
    if precision == 1:
        return ours == theirs
    if precision == 2:
        return abs((ours - theirs).days) <= 7
    return (ours.year, ours.month) == (theirs.year, theirs.month)


def fatalities_agree(predicted: ScoredEvent, gold: ScoredEvent) -> bool | None:
    """The same number; None where the gold gives none."""
    if gold.fatalities is None:
        return None
    return predicted.fatalities == gold.fatalities


def pair_score(predicted: ScoredEvent, gold: ScoredEvent) -> float:
    """How well a compatible pair agrees: 1, plus 0.5 a shared actor, 0.5 the same toll,
    0.25 the date, 0.5 the place's name."""
    hits, _ = actor_hits(predicted, gold)
    return (
        1.0
        + 0.5 * hits
        + 0.5 * bool(fatalities_agree(predicted, gold))
        + 0.25 * bool(date_agrees(predicted, gold))
        + 0.5 * names_agree(predicted, gold)
    )


def _greedy(candidates: list[tuple[float, int, int]], taken: dict[int, int]) -> dict[int, int]:
    """Take (score, prediction, gold) candidates best first, each side once, into ``taken``.

    Ties go to the later prediction, then the later gold event, as the reference scorer's
    reverse sort of these tuples does: the figures then agree to the last pair.
    """
    used_gold = set(taken.values())
    for _, i, j in sorted(candidates, reverse=True):
        if i not in taken and j not in used_gold:
            taken[i] = j
            used_gold.add(j)
    return taken


def pair_document(
    predictions: Sequence[ScoredEvent], gold: Sequence[ScoredEvent]
) -> dict[int, int]:
    """One document's pairs (prediction index -> gold index) by the rule of the module."""
    candidates = [
        (pair_score(p, g) + (0.0 if g.optional else CORE_BONUS), i, j)
        for i, p in enumerate(predictions)
        for j, g in enumerate(gold)
        if compatible(p, g)
    ]
    return _greedy(candidates, {})


def match(predictions: Iterable[ScoredEvent], gold: Iterable[GoldDocument]) -> list[DocumentMatch]:
    """Each gold document with its predictions, paired; other documents' predictions dropped."""
    by_document: dict[str, list[ScoredEvent]] = {}
    for event in predictions:
        by_document.setdefault(event.doc_id, []).append(event)
    matches = []
    for document in gold:
        ours = by_document.get(document.doc_id, [])
        matches.append(
            DocumentMatch(
                document.doc_id, ours, document.events, pair_document(ours, document.events)
            )
        )
    return matches


# -- cross-source resolution ----------------------------------------------------------------

# How far apart two gold dates of one incident may be, by the wider time_precision
INCIDENT_WINDOW_DAYS = {1: 1, 2: 7, 3: 31}


def same_incident(a: ScoredEvent, b: ScoredEvent) -> bool:
    """Whether two gold events of different documents tell one incident (the rule of
    ``../shared/eval/resolution.py``): types agree, points within ``NEAR_KM``, dates within
    the wider of their precision windows."""
    if a.doc_id == b.doc_id:
        return False
    if a.event_type and b.event_type and a.event_type != b.event_type:
        return False
    if a.point is None or b.point is None or distance_km(a.point, b.point) > NEAR_KM:
        return False
    if not a.date or not b.date:
        return False
    window = max(
        INCIDENT_WINDOW_DAYS.get(a.time_precision or 1, 1),
        INCIDENT_WINDOW_DAYS.get(b.time_precision or 1, 1),
    )
    gap = abs((date.fromisoformat(a.date[:10]) - date.fromisoformat(b.date[:10])).days)
    return gap <= window


def resolution(
    extracted: Sequence[Event], stored: dict[str, str], gold: Iterable[GoldDocument]
) -> dict[str, Any]:
    """Merge recall and precision of a store against gold incidents.

    ``extracted`` are the events extraction made of the gold's documents; ``stored`` maps each
    one's ``event_id`` to the stored event that holds it. Merge recall: of the pairs of gold
    events of one incident in two documents, both extracted, the share that end in one stored
    event; merge precision: of the pairs of extracted events of two documents that share a
    stored event, the share that tell one incident.
    """
    gold = list(gold)
    predictions = predictions_of(extracted)
    by_document: dict[str, list[int]] = {}
    for index, event in enumerate(extracted):
        by_document.setdefault(event.doc_id, []).append(index)
    found: dict[tuple[str, int], str] = {}  # a gold event -> the extracted event paired to it
    for document in gold:
        indexes = by_document.get(document.doc_id, [])
        pairs = pair_document([predictions[i] for i in indexes], document.events)
        for i, j in pairs.items():
            found[(document.doc_id, j)] = extracted[indexes[i]].event_id
    events = {(d.doc_id, j): g for d in gold for j, g in enumerate(d.events)}
    incident_pairs = [
        (a, b) for a, b in combinations(events, 2) if same_incident(events[a], events[b])
    ]
    both = [(found[a], found[b]) for a, b in incident_pairs if a in found and b in found]
    merged = sum(1 for x, y in both if stored.get(x) is not None and stored.get(x) == stored.get(y))
    gold_of = {event_id: key for key, event_id in found.items()}
    members: dict[str, list[str]] = {}
    for event_id, stored_id in stored.items():
        if event_id in gold_of:
            members.setdefault(stored_id, []).append(event_id)
    joined = right = 0
    for accounts in members.values():
        for x, y in combinations(sorted(accounts), 2):
            a, b = gold_of[x], gold_of[y]
            if a[0] != b[0]:
                joined += 1
                right += same_incident(events[a], events[b])
    return {
        "gold_pairs": len(incident_pairs),
        "pairs_both_extracted": len(both),
        "merged": merged,
        "merge_recall": round(merged / len(both), 3) if both else None,
        "joined_pairs": joined,
        "merge_precision": round(right / joined, 3) if joined else None,
    }


# -- metrics ------------------------------------------------------------------------------


class _Share:
    """Hits over trials, for one field accuracy."""

    def __init__(self) -> None:
        self.hits = 0
        self.trials = 0

    def add(self, hit: bool | None) -> None:
        """One trial, unless ``hit`` is None (nothing to score)."""
        if hit is not None:
            self.hits += int(hit)
            self.trials += 1

    def value(self) -> float | None:
        return round(self.hits / self.trials, DIGITS) if self.trials else None


def score(predictions: Iterable[ScoredEvent], gold: Iterable[GoldDocument]) -> dict[str, Any]:
    """The metrics of docs/format.md §4 as a JSON-ready dict (``missed``: core gold unpaired)."""
    matches = match(predictions, gold)
    n_pred = sum(len(m.predictions) for m in matches)
    n_core = sum(not g.optional for m in matches for g in m.gold)
    tp_core = tp_opt = 0
    fatalities, actors, dates, admin1, near, historical = (_Share() for _ in range(6))
    for m in matches:
        for i, j in m.pairs.items():
            p, g = m.predictions[i], m.gold[j]
            if g.optional:
                tp_opt += 1
                continue
            tp_core += 1
            fatalities.add(fatalities_agree(p, g))
            hits, wanted = actor_hits(p, g)
            actors.hits, actors.trials = actors.hits + hits, actors.trials + wanted
            dates.add(date_agrees(p, g))
            if g.admin1:
                admin1.add(admin1_key(p.admin1) == admin1_key(g.admin1))
            if g.point is not None:
                near.add(_within(p, g, NEAR_KM))
            historical.add(p.historical == g.historical)
    counted = n_pred - tp_opt
    precision = tp_core / counted if counted else 0.0
    recall = tp_core / n_core if n_core else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, DIGITS),
        "recall": round(recall, DIGITS),
        "f1": round(f1, DIGITS),
        "fatalities_acc": fatalities.value(),
        "actor_acc": actors.value(),
        "date_acc": dates.value(),
        "admin1_acc": admin1.value(),
        "loc10km_acc": near.value(),
        "historical_acc": historical.value(),
        "n_pred": n_pred,
        "n_core": n_core,
        "tp_core": tp_core,
        "tp_opt": tp_opt,
        "missed": [g.describe() for g in _missed(matches)],
    }


def _missed(matches: Iterable[DocumentMatch]) -> Iterator[ScoredEvent]:
    for m in matches:
        paired = set(m.pairs.values())
        yield from (g for j, g in enumerate(m.gold) if j not in paired and not g.optional)


# -- explaining ---------------------------------------------------------------------------


def _type_label(event: ScoredEvent | None) -> str:
    if event is None:
        return NONE_LABEL
    return event.event_type or ANY_LABEL


def _place(event: ScoredEvent) -> str:
    return event.location or next(iter(event.place_names), None) or event.admin1 or "?"


def _brief(event: ScoredEvent) -> str:
    """``Battles @ الميادين`` for a report line."""
    return f"{event.event_type or ANY_LABEL} @ {_place(event)}"


def _cause(m: DocumentMatch, i: int) -> tuple[str, str]:
    """Why prediction ``i`` of a document paired with nothing: (cause, detail)."""
    predicted = m.predictions[i]
    if not m.gold:
        return "nothing there", "the gold holds no event in this document"
    owner = {j: k for k, j in m.pairs.items()}
    for j, g in enumerate(m.gold):
        if compatible(predicted, g) and j in owner:
            other = m.predictions[owner[j]]
            told = " ".join(other.evidence.split())[:40]
            return "another telling", f"gold {_brief(g)} is paired with «{told}…»"
    placed = [g for g in m.gold if place_agrees(predicted, g)]
    if placed:
        types = sorted({g.event_type or ANY_LABEL for g in placed})
        return "wrong type", "gold says " + ", ".join(types)
    typed = [g for g in m.gold if type_agrees(predicted, g)]
    if typed:
        places = sorted({_place(g) for g in typed})
        return "wrong place", "gold places: " + ", ".join(places)
    return "nothing there", f"none of the {len(m.gold)} gold events agrees by type or place"


def _place_pairs(m: DocumentMatch) -> dict[int, int]:
    """The scorer's pairs, then what is left paired by place alone (type ignored)."""
    paired_gold = set(m.pairs.values())
    candidates = [
        (pair_score(p, g) + (0.0 if g.optional else CORE_BONUS), i, j)
        for i, p in enumerate(m.predictions)
        if i not in m.pairs
        for j, g in enumerate(m.gold)
        if j not in paired_gold and place_agrees(p, g)
    ]
    return _greedy(candidates, dict(m.pairs))


def _reported(event: ScoredEvent) -> dict[str, Any]:
    """An event for the explanation: as described, with the names its place was matched on."""
    return {**event.describe(), "place_names": list(event.place_names)}


def _ordered_labels(labels: Iterable[str]) -> list[str]:
    special = (ANY_LABEL, NONE_LABEL)
    present = set(labels)
    return sorted(present - set(special)) + [label for label in special if label in present]


def explain(predictions: Iterable[ScoredEvent], gold: Iterable[GoldDocument]) -> dict[str, Any]:
    """Why the score is what it is, as a JSON-ready dict.

    - ``false_predictions``: each prediction that paired with nothing, with its ``cause``:
      *another telling* (a gold event it agrees with by type and place is paired with
      another prediction), *wrong type* (a gold event agrees by place only; ``detail`` says
      its type), *wrong place* (a gold event of the type is elsewhere), *nothing there*.
    - ``causes``: how many false predictions each cause has.
    - ``confusion``: event types over pairs that agree by place (the scorer's pairs, then
      the rest paired by place alone): ``counts[r][c]`` pairs of gold type ``rows[r]`` and
      predicted type ``columns[c]``; ``(none)`` counts unpaired predictions (row) and
      unpaired core gold (column); ``(any)`` is gold of no type.
    - ``missed``: the core gold events left unpaired; ``predicted_as`` is the type of the
      prediction that agrees by place only, if one does.
    """
    matches = match(predictions, gold)
    false_predictions = []
    cells: Counter[tuple[str, str]] = Counter()
    missed = []
    for m in matches:
        for i, predicted in enumerate(m.predictions):
            if i not in m.pairs:
                cause, detail = _cause(m, i)
                false_predictions.append({**_reported(predicted), "cause": cause, "detail": detail})
        by_place = _place_pairs(m)
        paired_gold = {j: i for i, j in by_place.items()}
        for i, predicted in enumerate(m.predictions):
            g = m.gold[by_place[i]] if i in by_place else None
            cells[_type_label(g), _type_label(predicted)] += 1
        for j, g in enumerate(m.gold):
            if j in paired_gold or g.optional:
                continue
            cells[_type_label(g), NONE_LABEL] += 1
        for j, g in enumerate(m.gold):
            if g.optional or j in m.pairs.values():
                continue
            near = m.predictions[paired_gold[j]] if j in paired_gold else None
            missed.append({**_reported(g), "predicted_as": near.event_type if near else None})
    rows = _ordered_labels(row for row, _ in cells)
    columns = _ordered_labels(column for _, column in cells)
    causes = Counter(entry["cause"] for entry in false_predictions)
    return {
        "false_predictions": sorted(
            false_predictions, key=lambda entry: CAUSES.index(entry["cause"])
        ),
        "causes": {cause: causes[cause] for cause in CAUSES},
        "confusion": {
            "rows": rows,
            "columns": columns,
            "counts": [[cells[row, column] for column in columns] for row in rows],
        },
        "missed": missed,
    }


# -- reading ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Where:
    """A line of an input file, for errors."""

    file: str
    line: int
    doc_id: str | None = None

    def error(self, message: str, field: str | None = None) -> InputError:
        return InputError(message, file=self.file, line=self.line, doc_id=self.doc_id, field=field)


def _records(path: str | Path) -> Iterator[tuple[_Where, dict[str, Any]]]:
    """The JSON objects of a JSONL file with where each was read; blank lines skipped."""
    try:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                where = _Where(str(path), number)
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as error:
                    raise where.error(f"not JSON: {error.msg}") from error
                if not isinstance(record, dict):
                    raise where.error("not a JSON object")
                yield where, record
    except UnicodeDecodeError as error:
        raise InputError(f"not UTF-8 text: {error.reason}", file=str(path)) from error
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", file=str(path)) from error


def _doc_id(record: dict[str, Any], where: _Where) -> str:
    for name in DOC_ID_ALIASES:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
    raise where.error("missing", field="doc_id")


def _text(record: dict[str, Any], name: str, where: _Where) -> str | None:
    value = record.get(name)
    if value is None or isinstance(value, str):
        return value or None
    raise where.error(f"expected a string, got {type(value).__name__}", field=name)


def _first_text(record: dict[str, Any], names: Sequence[str], where: _Where) -> str | None:
    values = [_text(record, name, where) for name in names]
    return next((value for value in values if value), None)


def _number(record: dict[str, Any], names: Sequence[str], where: _Where) -> float | None:
    for name in names:
        value = record.get(name)
        if value is None:
            continue
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            raise where.error(f"expected a number, got {value!r}", field=name)
        return float(value)
    return None


def _whole(record: dict[str, Any], name: str, where: _Where) -> int | None:
    value = record.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise where.error(f"expected a whole number, got {value!r}", field=name)
    return value


def _flag(record: dict[str, Any], name: str, where: _Where) -> bool:
    value = record.get(name)
    if value is None or isinstance(value, bool):
        return bool(value)
    raise where.error(f"expected true or false, got {value!r}", field=name)


def _date(record: dict[str, Any], names: Sequence[str], where: _Where) -> str | None:
    value = _first_text(record, names, where)
    if value is None:
        return None
    try:
        date.fromisoformat(value[:10])
    except ValueError as error:
        raise where.error(f"not an ISO date: {value!r}", field=names[0]) from error
    return value


def _evidence(record: dict[str, Any], where: _Where) -> str:
    """The words that tell the event: gold's string, or the text of a prediction's first
    ``event`` span (docs/format.md §2)."""
    value = record.get("evidence")
    if value is None or isinstance(value, str):
        return value or ""
    if not isinstance(value, list):
        raise where.error("expected a string or a list of spans", field="evidence")
    for span in value:
        if not (
            isinstance(span, dict)
            and isinstance(span.get("label"), str)
            and isinstance(span.get("text"), str)
        ):
            raise where.error(f"a span needs a label and a text: {span!r}", field="evidence")
    return next((span["text"] for span in value if span["label"] == "event"), "")


def _event(record: dict[str, Any], doc_id: str, where: _Where, *, gold: bool) -> ScoredEvent:
    """A ScoredEvent of one JSON event; ``gold`` picks the gold fields where they differ."""
    where = _Where(where.file, where.line, doc_id)
    if gold:
        variants = record.get("location_variants") or []
        if not isinstance(variants, list) or not all(isinstance(v, str) for v in variants):
            raise where.error("expected a list of strings", field="location_variants")
        names = (_text(record, "location", where), *variants)
    else:
        names = tuple(_text(record, name, where) for name in PREDICTED_PLACE_FIELDS)
    event_type = _text(record, "event_type", where)
    if not event_type and not gold:  # gold of no type is ambiguous: any type agrees
        raise where.error("missing", field="event_type")
    time_precision = _whole(record, "time_precision", where)
    if time_precision not in (None, 1, 2, 3):
        raise where.error(f"expected 1, 2 or 3, got {time_precision}", field="time_precision")
    return ScoredEvent(
        doc_id=doc_id,
        event_type=event_type,
        sub_event_type=_text(record, "sub_event_type", where),
        date=_date(record, GOLD_DATE_FIELDS if gold else PREDICTED_DATE_FIELDS, where),
        time_precision=time_precision,
        actor1=_text(record, "actor1", where),
        assoc_actor_1=_text(record, "assoc_actor_1", where),
        actor2=_text(record, "actor2", where),
        assoc_actor_2=_text(record, "assoc_actor_2", where),
        admin1=_text(record, "admin1", where),
        location=_text(record, "location", where),
        place_names=tuple(name for name in names if name),
        latitude=_number(record, ("latitude", "lat"), where),
        longitude=_number(record, ("longitude", "lon", "lng"), where),
        fatalities=_whole(record, "fatalities", where),
        historical=_flag(record, "historical", where),
        optional=gold and _flag(record, "optional", where),
        evidence=_evidence(record, where),
    )


def prediction_from_record(record: dict[str, Any]) -> ScoredEvent:
    """A prediction of one JSON event (docs/format.md §2); raises InputError."""
    return _prediction(record, _Where("<predictions>", 0))


def _prediction(record: dict[str, Any], where: _Where) -> ScoredEvent:
    return _event(record, _doc_id(record, where), where, gold=False)


def predictions_of(events: Iterable[Event]) -> list[ScoredEvent]:
    """Predictions of events the pipeline made, read as ``rasad eval`` reads their JSONL."""
    return [prediction_from_record(event.to_dict()) for event in events]


def read_predictions(path: str | Path) -> list[ScoredEvent]:
    """Predicted events of a JSONL file, one event a line; raises InputError naming the line."""
    return [_prediction(record, where) for where, record in _records(path)]


def read_gold(path: str | Path) -> list[GoldDocument]:
    """Gold documents of a JSONL file; raises InputError naming the line.

    Either one document a line, ``{"doc_id": ..., "events": [...]}`` (the evaluation sets),
    or one event a line with its ``doc_id`` (the older flat form of
    ``tests/fixtures/dev-gold.jsonl``): a document then holds the events of its lines.
    """
    documents: dict[str, GoldDocument] = {}
    first_line: dict[str, int] = {}
    flat: bool | None = None
    for where, record in _records(path):
        doc_id = _doc_id(record, where)
        is_document = "events" in record
        if flat is None:
            flat = not is_document
        elif flat == is_document:
            kind = "a document" if is_document else "an event"
            raise where.error(f"{kind} line among lines of the other form")
        if flat:
            document = documents.setdefault(doc_id, GoldDocument(doc_id))
            document.events.append(_event(record, doc_id, where, gold=True))
            continue
        if doc_id in documents:
            message = f"document {doc_id!r} met before, on line {first_line[doc_id]}"
            raise where.error(message, field="doc_id")
        events = record["events"]
        if not isinstance(events, list) or not all(isinstance(e, dict) for e in events):
            raise where.error("expected a list of event objects", field="events")
        first_line[doc_id] = where.line
        documents[doc_id] = GoldDocument(
            doc_id, [_event(event, doc_id, where, gold=True) for event in events]
        )
    return list(documents.values())
