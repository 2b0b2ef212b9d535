"""One report, one event: near-duplicate documents and the resolution of events across sources.

Two problems, two tools:

* **Near-duplicate documents** (syndication, copies between outlets, light edits) are found by
  MinHash (datasketch) over word shingles of the normalised text, indexed by LSH bands:
  ``signature`` makes the MinHash, ``band_keys`` the keys a store indexes it under, and
  ``similarity`` checks a candidate. A near-duplicate adds a source, never new events.
* **Cross-source resolution**: events read from different documents that are one real event
  become one event. ``compatible`` says whether two accounts can be the same event (compatible
  type, a shared side where both name one, the same place or within a few km, dates within
  their precision windows); ``resolve`` groups accounts, ``merge`` codes the resolved event.

Everything here is a pure function of its input, so the result never depends on the order in
which documents arrived: ``resolve`` sorts before it groups, and a resolved event's id is the
smallest event id among its reports.

Example: the same ambush at Ash Shula on 2023-12-12 told by SY24 ("قتل سبعة عناصر") and by
Orient ("قتل أكثر من 5 عناصر"): ``resolve([Source.of(sy24), Source.of(orient)])`` gives one
group, and ``merge`` codes it with fatalities 5, ``fatalities_low`` 5, ``fatalities_high`` 7.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any

from rasad.extractors.triggers import CHEMICAL
from rasad.model import Document, Event

if TYPE_CHECKING:
    from datasketch import MinHash

# --- near-duplicate documents ---------------------------------------------------------------

NUM_PERM = 128
# Stored signatures are compared with new ones: the permutation scheme must never change.
MINHASH_SCHEME = "affine32"
# 32 bands of 4 rows: two texts whose shingles overlap by Jaccard 0.5 share a band with
# probability 0.88, at 0.7 with 0.9999; candidates are then checked against the threshold.
LSH_BANDS, LSH_ROWS = 32, 4
# Light edits of a 300-word report (a new headline, an outlet's tagline, a changed figure)
# keep Jaccard well above 0.6; two outlets' own reports of one event stay far below it.
NEAR_DUPLICATE_JACCARD = 0.6
SHINGLE_WORDS = 3
_WORD = re.compile(r"\w+")


def content_hash(text: str) -> str:
    """The SHA-256 of ``text`` with Unicode and whitespace differences ironed out.

    The same article saved twice (another id, another URL, other line breaks) hashes the same.
    """
    canonical = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def shingles(text: str) -> set[str]:
    """The word ``SHINGLE_WORDS``-grams of the normalised text (all its words if fewer)."""
    from rasad.normalise import normalise

    words = _WORD.findall(normalise(text).text)
    if len(words) <= SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def signature(text: str) -> MinHash:
    """The MinHash of the shingles of ``text``."""
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, seed=1, scheme=MINHASH_SCHEME)
    minhash.update_batch([s.encode("utf-8") for s in sorted(shingles(text))])
    return minhash


def signature_bytes(minhash: MinHash) -> bytes:
    """The hash values of ``minhash`` as bytes, for storage."""
    return minhash.hashvalues.astype("<u8").tobytes()


def signature_from_bytes(data: bytes) -> MinHash:
    """The MinHash stored as ``signature_bytes``."""
    import numpy as np
    from datasketch import MinHash

    values = np.frombuffer(data, dtype="<u8")
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=MINHASH_SCHEME, hashvalues=values)


def band_keys(minhash: MinHash) -> list[int]:
    """The LSH keys of ``minhash``: one signed 63-bit integer per band (band number mixed in)."""
    values = minhash.hashvalues.astype("<u8")
    keys = []
    for band in range(LSH_BANDS):
        chunk = values[band * LSH_ROWS : (band + 1) * LSH_ROWS].tobytes()
        digest = hashlib.blake2b(bytes([band]) + chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "big") >> 1)  # fits a signed BIGINT
    return keys


def similarity(a: MinHash, b: MinHash) -> float:
    """The estimated Jaccard similarity of two signatures."""
    return float(a.jaccard(b))


# --- cross-source resolution ----------------------------------------------------------------

# Places closer than this are one place for resolution: a village and the desert around it,
# or two gazetteer points for one town. Two villages of one district are usually farther.
NEAR_KM = 5.0
# A governorate capital named whole and a quarter of its own sub-district: Damascus and
# Barzeh lie 6 km apart.
CITY_KM = 10.0
# How far an event may lie from its coded date (days before, days after), by time_precision:
# 1 the day told, or the day before it: outlets date a night raid or a strike reported the
#   next morning a day apart ("فجر اليوم", "أمس"), so two reports of one day differ by one;
# 2 within the week before the date coded, or the day after it; 3 the month.
_WINDOW_DAYS = {1: (1, 0), 2: (7, 1)}
# A precision-2 date that no words of the report give is its publication day: the event was
# reported by then, so it happened within the week before, never after.
_PUBLICATION_WINDOW = (7, 0)
# A background mention ("وكان ... قد", "ردا على") is told after the event it recalls, and the
# date it carries is often the day it was recalled (a reaction, a statement): its window
# reaches this many days further back, to the event it recalls.
RECALL_DAYS = 7
# An IED or shelling inside a battle is part of the battle; reports differ on which they tell.
_COMPATIBLE_TYPES = {
    "Battles": frozenset({"Battles", "Explosions/Remote violence"}),
    "Explosions/Remote violence": frozenset({"Battles", "Explosions/Remote violence"}),
}
# Names that say who acted is unknown, or that name victims shared by unrelated events.
_UNSPECIFIC_ACTOR_PREFIXES = ("Unidentified", "Civilians")


def compatible_types(event_type: str) -> frozenset[str]:
    """The event types an event of ``event_type`` can be merged with (itself included)."""
    return _COMPATIBLE_TYPES.get(event_type, frozenset({event_type}))


@dataclass(frozen=True, slots=True)
class Figure:
    """One source's fatality figure: ``count`` coded, ``low``..``high`` (None: open), ``vague``."""

    count: int
    low: int
    high: int | None
    vague: bool


def figure_of(event: Event) -> Figure | None:
    """The fatality figure an event's source states; None when it states none.

    The pipeline codes one number; its words ("أكثر من 5", "عشرات", "قتلى") are read again
    here for the bounds and for vagueness, which the Event does not carry.
    """
    count = event.fatalities or 0
    if not event.fatalities_text:
        return Figure(count, count, count, False) if count else None
    parsed = _parse_figure(event.fatalities_text)
    if parsed is None or parsed.count != count:
        return Figure(count, count, count, False)
    return parsed


@cache
def _parse_figure(text: str) -> Figure | None:
    from rasad.extractors.fatalities import find_fatalities

    doc = Document.from_text(text)
    for mention in find_fatalities(doc, 0, len(doc.norm.text)):
        value = mention.value
        if value.count is None:
            continue
        low = value.low if value.low is not None else value.count
        return Figure(value.count, low, value.high, bool(value.vague))
    return None


@dataclass(frozen=True, slots=True)
class Source:
    """One document's account of one event: the Event as extracted and its fatality figure."""

    event: Event
    figure: Figure | None = None
    window: tuple[date, date] | None = None
    side: frozenset[str] = field(init=False, default=frozenset())  # ``sides``, worked out once

    def __post_init__(self) -> None:
        object.__setattr__(self, "side", sides(self.event))

    @classmethod
    def of(cls, event: Event) -> Source:
        """The Source of an extracted event, its figure and date window worked out."""
        return cls(event, figure_of(event), date_window(event))

    @property
    def source_id(self) -> str:
        return self.event.event_id

    @property
    def doc_id(self) -> str:
        return self.event.doc_id


def date_window(event: Event) -> tuple[date, date] | None:
    """The first and last day the event may have happened on, by its time_precision.

    A date of the day reaches back a day; one of the week the week before and the day after,
    or, when no words of the report give it (the publication day), only the week before; one
    of the month the month. A background mention dated to the day or the week reaches
    ``RECALL_DAYS`` further back (``_WINDOW_DAYS``, ``_PUBLICATION_WINDOW``).
    """
    if not event.event_date:
        return None
    day = date.fromisoformat(event.event_date)
    if event.time_precision == 3:
        first = day.replace(day=1)
        following = (first + timedelta(days=32)).replace(day=1)
        return first, following - timedelta(days=1)
    recall = timedelta(days=RECALL_DAYS if event.historical else 0)
    precision = event.time_precision or 2
    before, after = _WINDOW_DAYS.get(precision, _WINDOW_DAYS[2])
    if precision == 2 and not date_told(event):
        before, after = _PUBLICATION_WINDOW
    return day - timedelta(days=before) - recall, day + timedelta(days=after)


def date_told(event: Event) -> bool:
    """Whether words of the report give the event's date (an ``event_date`` evidence span);
    else its date is the publication day the pipeline falls back on."""
    return any(span.label == "event_date" for span in event.evidence)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance between two WGS84 points, in km."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlam = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlam / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def specific_actors(event: Event) -> frozenset[str]:
    """The actors of an event that identify it: neither unknown nor generic victims."""
    return _specific(event.actor1, event.actor2)


def _specific(*names: str | None) -> frozenset[str]:
    return frozenset(
        name for name in names if name and not name.startswith(_UNSPECIFIC_ACTOR_PREFIXES)
    )


def sides(event: Event) -> frozenset[str]:
    """The specific actors that tell one event from another: in a battle both sides, whichever
    a report names first; in one-sided violence the side that acted.

    Reports of one strike name its target differently (the town's civilians, the faction
    holding it, "the regime's positions"), so a shared target never makes two strikes one,
    and a differently named target never keeps one strike's reports apart.
    """
    if event.event_type == "Battles":
        return specific_actors(event)
    return _specific(event.actor1)


def same_place(a: Event, b: Event) -> bool:
    """Whether two events are at one place: same gazetteer place, or within ``NEAR_KM``.

    An event placed only by its region (geo_precision 3) matches any place of that
    governorate. Events of two governorates never match: that is what lets a store block
    candidates by governorate exactly.
    """
    if not a.admin1 or a.admin1 != b.admin1:
        return False
    if a.location and a.location == b.location:
        return True
    if 3 in (a.geo_precision, b.geo_precision):
        return True
    if not _has_point(a, b):
        return False
    km = distance_km(a.latitude, a.longitude, b.latitude, b.longitude)
    # "ضربات على دمشق" and "ضربة على مركز البحوث في برزة": a governorate's capital named
    # whole holds the quarters of its own sub-district
    capital = _capital_named(a) or _capital_named(b)
    return km <= NEAR_KM or (capital and a.admin3_pcode == b.admin3_pcode and km <= CITY_KM)


def _capital_named(event: Event) -> bool:
    """Whether the event is placed at its governorate's capital as a whole ("دمشق"، "حمص")."""
    return bool(event.admin3_pcode) and event.location_en == event.admin1


def types_agree(a: Event, b: Event) -> bool:
    """Compatible types, and a chemical attack only with another telling of one: the strikes
    that answered the Douma attack are another event, at the same place, days later."""
    if b.event_type not in compatible_types(a.event_type):
        return False
    chemical = CHEMICAL in (a.sub_event_type, b.sub_event_type)
    return not chemical or a.sub_event_type == b.sub_event_type


def compatible(a: Source, b: Source) -> bool:
    """Whether two accounts can tell one real event: from two documents, or one document's
    two tellings of one act (``told_twice``)."""
    # the cheapest checks first: a store compares every pair of a component
    if a.window is None or b.window is None:
        return False
    if a.window[0] > b.window[1] or b.window[0] > a.window[1]:
        return False
    if a.event.admin1 != b.event.admin1:
        return False
    if a.doc_id == b.doc_id and not told_twice(a.event, b.event):
        return False
    if not types_agree(a.event, b.event):
        return False
    if a.side and b.side and not a.side & b.side:
        return False
    return same_place(a.event, b.event)


def told_twice(a: Event, b: Event) -> bool:
    """Whether one document's two events are one act it tells twice: the same type and
    sub-type, place and day, news both or background both. The document named the side
    struck differently each time ("المدنيين"، "آخر جيب للفصائل"), which kept them apart; the
    side that acted is compared like any two accounts'."""
    return (
        a.doc_id == b.doc_id
        and a.event_id != b.event_id
        and a.location is not None
        and (a.event_type, a.sub_event_type, a.location, a.event_date, a.historical)
        == (b.event_type, b.sub_event_type, b.location, b.event_date, b.historical)
    )


def why_joined(a: Source, b: Source) -> dict[str, Any]:
    """Why two accounts can tell one event, check by check: what ``compatible`` looks at.

    ``documents``, ``type``, ``dates``, ``actors`` and ``place`` each say whether their check
    passes (``ok``), how (``match``) and what was compared; ``compatible`` is
    ``compatible(a, b)`` itself, true exactly when every check passes, and ``summary`` says
    it in one line. JSON-ready (dates as ISO strings). For an analyst auditing a join
    (``rasad events --event``, ``/api/events/{id}``).
    """
    ea, eb = a.event, b.event
    documents = {
        "ok": a.doc_id != b.doc_id or told_twice(ea, eb),
        "match": "two documents" if a.doc_id != b.doc_id else "one document, told twice",
        "a": a.doc_id,
        "b": b.doc_id,
    }

    type_ok = types_agree(ea, eb)
    kind = {
        "ok": type_ok,
        "match": ("same type" if ea.event_type == eb.event_type else "compatible types")
        if type_ok
        else "different types",
        "a": [ea.event_type, ea.sub_event_type],
        "b": [eb.event_type, eb.sub_event_type],
        "same_sub_event_type": ea.sub_event_type == eb.sub_event_type,
    }

    overlap = None
    if a.window is not None and b.window is not None:
        first, last = max(a.window[0], b.window[0]), min(a.window[1], b.window[1])
        overlap = (first, last) if first <= last else None
    dates = {
        "ok": overlap is not None,
        "match": "undated"
        if a.window is None or b.window is None
        else ("windows overlap" if overlap else "windows apart"),
        "a": _days_of(a.window),
        "b": _days_of(b.window),
        "overlap": _days_of(overlap),
    }

    actors_a, actors_b = a.side, b.side
    shared = sorted(actors_a & actors_b)
    actors = {
        "ok": bool(shared) or not actors_a or not actors_b,
        "match": "shared side"
        if shared
        else ("no side named on one" if not actors_a or not actors_b else "sides differ"),
        "shared": shared,
        "a": sorted(actors_a),
        "b": sorted(actors_b),
    }

    km = None
    if _has_point(ea, eb):
        km = round(distance_km(ea.latitude, ea.longitude, eb.latitude, eb.longitude), 2)
    place = {
        "ok": same_place(ea, eb),
        "match": _place_match(ea, eb, km),
        "km": km,
        "a": _place_of(ea),
        "b": _place_of(eb),
    }
    why: dict[str, Any] = {
        "compatible": compatible(a, b),
        "documents": documents,
        "type": kind,
        "dates": dates,
        "actors": actors,
        "place": place,
    }
    why["summary"] = _summary(why)
    return why


def _days_of(window: tuple[date, date] | None) -> list[str] | None:
    return [window[0].isoformat(), window[1].isoformat()] if window else None


def _place_of(event: Event) -> dict[str, Any]:
    return {
        "location": event.location,
        "admin1": event.admin1,
        "geo_precision": event.geo_precision,
    }


def _place_match(a: Event, b: Event, km: float | None) -> str:
    """How ``same_place`` decides for two events, in words (its branches, in its order)."""
    if not a.admin1 or a.admin1 != b.admin1:
        return "different governorates" if a.admin1 and b.admin1 else "no governorate"
    if a.location and a.location == b.location:
        return "same place"
    if 3 in (a.geo_precision, b.geo_precision):
        return "one placed only by its governorate"
    if km is None:
        return "no point to compare"
    if km <= NEAR_KM:
        return f"within {NEAR_KM:g} km"
    if same_place(a, b):
        return f"a governorate capital named whole and a place of its sub-district within {CITY_KM:g} km"
    return f"farther than {NEAR_KM:g} km"


def _summary(why: dict[str, Any]) -> str:
    """``why_joined`` in one line: each check, with a ✗ before those that fail."""
    kind, dates, actors, place = why["type"], why["dates"], why["actors"], why["place"]

    def mark(check: dict[str, Any]) -> str:
        return "" if check["ok"] else "✗ "

    types = " / ".join(kind["a"])
    if kind["a"] != kind["b"]:
        types += " ~ " + " / ".join(kind["b"])
    days = dates["overlap"] or dates["a"] or dates["b"]
    when = dates["match"]
    if dates["overlap"]:
        when += " " + (days[0] if days[0] == days[1] else f"{days[0]}..{days[1]}")
    elif dates["a"] and dates["b"]:
        when += f" {dates['a'][0]}..{dates['a'][1]} / {dates['b'][0]}..{dates['b'][1]}"
    who = "shared " + ", ".join(actors["shared"]) if actors["shared"] else actors["match"]
    where = place["match"]
    names = {place["a"]["location"], place["b"]["location"]} - {None}
    if names:
        where += " (" + " / ".join(sorted(names)) + ")"
    if place["km"] is not None and place["match"] != "same place":
        where += f", {place['km']:g} km apart"
    parts = [
        f"{mark(kind)}{kind['match']}: {types}",
        f"{mark(place)}place: {where}",
        f"{mark(dates)}dates: {when}",
        f"{mark(actors)}actors: {who}",
    ]
    if not why["documents"]["ok"]:
        parts.append("✗ same document")
    return "; ".join(parts)


def _rank(source: Source) -> tuple:
    """Most precise accounts first, so they seed the groups: placed most precisely, then dated
    most precisely; the id breaks ties. An account placed only by its governorate ("محافظة
    السويداء") fits every place there, so it joins a group rather than seed one that pulls
    in the next village's clash."""
    event = source.event
    return (event.geo_precision or 9, event.time_precision or 9, source.source_id)


# Which accounts an analyst has split apart (``rasad split``): account id -> the ids of the
# accounts it must never be grouped with. Symmetric: ``kept_apart`` builds it from pairs.
Apart = Mapping[str, Set[str]]


def kept_apart(pairs: Iterable[tuple[str, str]]) -> dict[str, frozenset[str]]:
    """The ``Apart`` map of pairs of account ids that must never be one event."""
    apart: dict[str, set[str]] = defaultdict(set)
    for a, b in pairs:
        apart[a].add(b)
        apart[b].add(a)
    return {key: frozenset(values) for key, values in apart.items()}


def resolve(sources: Iterable[Source], *, apart: Apart | None = None) -> list[list[Source]]:
    """The accounts grouped into real events; the same set in any order gives the same groups.

    Most precise first, a report joins the best group all of whose reports it is compatible
    with (complete linkage: a vague report near two ambushes cannot chain them into one;
    best: ``_Groups.place``); a historical mention then joins the best group of reports it
    is compatible with, else the best group of historical mentions, else starts its own.
    ``apart`` (``kept_apart``): pairs of accounts an analyst split, never put in one group.
    """
    ordered = sorted(sources, key=_rank)
    reports = _Groups(apart)
    for source in (s for s in ordered if not s.event.historical):
        reports.place(source, create=True)
    mentions_only = _Groups(apart)
    for source in (s for s in ordered if s.event.historical):
        if not reports.place(source, create=False):
            mentions_only.place(source, create=True)
    return reports.groups + mentions_only.groups


class _Groups:
    """Groups being formed, indexed by governorate and day so a newcomer meets only neighbours."""

    def __init__(self, apart: Apart | None = None) -> None:
        self.groups: list[list[Source]] = []
        self._by_day: dict[tuple[str, date], set[int]] = defaultdict(set)
        self._apart: Apart = apart or {}

    def place(self, source: Source, *, create: bool) -> bool:
        """Puts ``source`` in the best group it fits (or a new one if ``create``); placed?

        Best: one at the account's own place (within ``NEAR_KM``) before one elsewhere in its
        governorate; then the one told by most accounts; then the closest (the smallest gap
        in days to a member, then in km). An account that fits several groups at its place
        tells the incident most outlets tell, not a stray account of it dated a day off ("the
        alleged attack" of a reaction); a vague account ("within the week", "in the
        governorate") joins the report nearest to it, not the first.
        """
        keys = _block_keys(source)
        neighbours = sorted(set().union(*(self._by_day.get(key, ()) for key in keys)))
        apart = self._apart.get(source.source_id, ())
        fitting = [
            (*_fit(source, self.groups[index]), index)
            for index in neighbours
            if all(
                compatible(source, member) and member.source_id not in apart
                for member in self.groups[index]
            )
        ]
        if fitting:
            chosen = min(fitting)[-1]
        elif create:
            chosen = len(self.groups)
            self.groups.append([])
        else:
            return False
        self.groups[chosen].append(source)
        for key in keys:
            self._by_day[key].add(chosen)
        return True


def _block_keys(source: Source) -> list[tuple[str, date]]:
    """(governorate, day) for each day of the account's window: where it can meet others."""
    if source.window is None or not source.event.admin1:
        return []
    first, last = source.window
    return [
        (source.event.admin1, first + timedelta(days=n)) for n in range((last - first).days + 1)
    ]


def _fit(source: Source, group: list[Source]) -> tuple[bool, int, tuple[int, float]]:
    """How well ``source`` fits a group it is compatible with, smallest best: elsewhere than
    its place (no member at the same name or within ``NEAR_KM``), minus the group's size,
    and the closeness to its nearest member."""
    near = False
    closest = (0, 0.0)
    for position, member in enumerate(group):
        closeness = _closeness(source, member)
        if position == 0 or closeness < closest:
            closest = closeness
        if not near:
            near = bool(source.event.location and source.event.location == member.event.location)
            near = near or (_has_point(source.event, member.event) and closeness[1] <= NEAR_KM)
    return not near, -len(group), closest


def _has_point(a: Event, b: Event) -> bool:
    """Whether both events have a point, so the km between them mean something."""
    return None not in (a.latitude, a.longitude, b.latitude, b.longitude)


def _closeness(a: Source, b: Source) -> tuple[int, float]:
    """How far apart two compatible accounts are: days between their dates, then km."""
    days = abs(
        (date.fromisoformat(a.event.event_date) - date.fromisoformat(b.event.event_date)).days
    )
    ea, eb = a.event, b.event
    if not _has_point(ea, eb):
        return days, 0.0
    return days, distance_km(ea.latitude, ea.longitude, eb.latitude, eb.longitude)


@dataclass(slots=True)
class Resolved:
    """One real event: its coded Event, the bounds of its death toll, and every account."""

    event: Event
    fatalities_low: int | None
    fatalities_high: int | None
    sources: list[Source] = field(default_factory=list)

    @property
    def event_id(self) -> str:
        return self.event.event_id


def merge(group: list[Source]) -> Resolved:
    """The one event a group of accounts tells, coded from all of them.

    Its id is the smallest event id among the reports; the date comes from the most precise
    report, the place likewise, the actors from the report that names the most; type and
    sub-type are the ones most reports give. Fatalities follow the codebook: the most
    conservative (smallest) precise figure among the reports, a vague figure only when no
    report gives a number; the lowest and highest figures any report gives are kept. A
    historical mention counts only when the event is known from nothing else.
    """
    reports = [s for s in group if not s.event.historical] or list(group)
    lead = min(reports, key=lambda s: s.source_id)
    when = min(
        reports,
        key=lambda s: (
            s.event.time_precision or 9,
            s.event.event_date is None,
            s.event.event_date or "",
            s.source_id,
        ),
    )
    where = min(
        reports,
        key=lambda s: (
            s.event.geo_precision or 9,
            s.event.latitude is None,
            s.source_id,
        ),
    )
    who = min(
        reports,
        key=lambda s: (
            -len(specific_actors(s.event)),
            s.event.actor1 is None,
            s.source_id,
        ),
    )
    kinds = Counter((s.event.event_type, s.event.sub_event_type) for s in reports)
    kind_votes = max(kinds.values())
    what = min(
        (s for s in reports if kinds[(s.event.event_type, s.event.sub_event_type)] == kind_votes),
        key=lambda s: s.source_id,
    )

    stated = [s for s in reports if s.figure is not None]
    precise = [s for s in stated if not s.figure.vague]
    told = min(precise or stated, key=lambda s: (s.figure.count, s.source_id), default=None)
    low = min((s.figure.low for s in stated), default=None)
    high = max((max(s.figure.count, s.figure.high or 0) for s in stated), default=None)

    w, p, a, k = when.event, where.event, who.event, what.event
    event = replace(
        lead.event,
        event_type=k.event_type,
        sub_event_type=k.sub_event_type,
        disorder_type=k.disorder_type,
        event_date=w.event_date,
        time_precision=w.time_precision,
        actor1=a.actor1,
        assoc_actor_1=a.assoc_actor_1,
        inter1=a.inter1,
        actor2=a.actor2,
        assoc_actor_2=a.assoc_actor_2,
        inter2=a.inter2,
        interaction=a.interaction,
        civilian_targeting=any(s.event.civilian_targeting for s in reports),
        location=p.location,
        location_mention=p.location_mention,
        location_en=p.location_en,
        admin1=p.admin1,
        admin1_pcode=p.admin1_pcode,
        admin2=p.admin2,
        admin2_pcode=p.admin2_pcode,
        admin3=p.admin3,
        admin3_pcode=p.admin3_pcode,
        latitude=p.latitude,
        longitude=p.longitude,
        geo_precision=p.geo_precision,
        fatalities=told.figure.count if told else 0,
        fatalities_text=told.event.fatalities_text if told else None,
        historical=all(s.event.historical for s in group),
        evidence=list(lead.event.evidence),
    )
    ordered = sorted(group, key=lambda s: s.source_id)
    return Resolved(event, low, high, ordered)


def resolve_all(sources: Iterable[Source], *, apart: Apart | None = None) -> list[Resolved]:
    """Every real event among ``sources``, in id order; near-linear in their number.

    Accounts are compared only within a block (governorate × day of their date window), so
    the work grows with the events per governorate and day, not with the store. Linked
    accounts form components, and each component is resolved alone. ``apart`` as in
    ``resolve``.
    """
    items = list(sources)
    blocks: dict[tuple[str, date], list[int]] = defaultdict(list)
    for index, source in enumerate(items):
        for key in _block_keys(source):
            blocks[key].append(index)
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for members in blocks.values():
        for position, i in enumerate(members):
            for j in members[position + 1 :]:
                if root(i) != root(j) and compatible(items[i], items[j]):
                    parent[root(i)] = root(j)
    components: dict[int, list[Source]] = defaultdict(list)
    for index, source in enumerate(items):
        components[root(index)].append(source)
    merged = [merge(group) for part in components.values() for group in resolve(part, apart=apart)]
    return sorted(merged, key=lambda r: r.event_id)
