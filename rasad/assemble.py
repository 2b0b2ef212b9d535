"""Events from the mentions of one document: one per action × place × day × actors.

For each clause of the body (headlines repeat the body and are not coded), the strongest
trigger names the act; the clause's actors, places, dates and death counts fill it in; the
discourse frame says whether it is background (``historical``) or not an act at all (a
tally, a plan). Two places named for one act make two events, and a total given for both is
divided between them. Mentions of one event within the article are merged.

Where each field comes from:
    event_type, sub_event_type  rasad.extract.triggers (finished here by target or actor1)
    actor1, actor2, inter*      rasad.extract.actors
    fatalities, fatalities_text rasad.extract.fatalities
    event_date, time_precision  rasad.extract.dates
    location, admin*, lat/lon   rasad.geocode
    historical                  rasad.extract.recaps
    notes, evidence, event_id   here
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rasad.extract.actors import (
    CIVILIAN_INTER,
    CIVILIANS,
    STATE_INTER,
    UNIDENTIFIED,
    Roles,
    actors_by_name,
    assign_roles,
    find_actors,
    interaction_code,
)
from rasad.extract.dates import find_dates, reference_date
from rasad.extract.fatalities import find_fatalities
from rasad.extract.recaps import frame_clause
from rasad.extract.triggers import DISORDER_TYPES, Trigger, find_triggers
from rasad.geocode import Gazetteer
from rasad.model import Actor, Document, Event, Mention, PlaceMention, Span

WEAK_PRIORITY = 2  # generic words ("هجوم"، "مقتل") that need a victim, a count or a named side
CONTEXT_GAP_TOKENS = 2  # "القورية والمياذين بريف دير الزور": a place right after another frames it


@dataclass(slots=True)
class _Act:
    """An act found in one clause, before it is split by place."""

    trigger: Mention
    clause: tuple[int, int]
    roles: Roles
    places: list[Mention]
    fatalities: Mention | None
    date_mention: Mention | None
    historical: bool
    historical_cue: Mention | None


def assemble(doc: Document, gazetteer: Gazetteer) -> list[Event]:
    """Fill and return ``doc.events`` from a segmented, normalised document."""
    assert doc.norm is not None
    reference = reference_date(doc)
    places = gazetteer.find_places(doc)
    actors = find_actors(doc)
    doc.mentions = places + actors
    events: list[Event] = []
    for sentence in doc.sentences:
        if sentence.is_title:
            continue
        historical_from: int | None = None
        for clause in sentence.clauses:
            frame = frame_clause(
                doc, *clause, sentence_start=sentence.start, sentence_historical_from=historical_from
            )
            if frame.historical and historical_from is None:
                historical_from = clause[0]
            if frame.tally:
                continue
            act = _act_in_clause(doc, clause, sentence, frame, places, actors, reference)
            if act is not None:
                events.extend(_events_of(doc, act, reference))
    doc.events = _merge(events)
    for event in doc.events:
        event.assign_id()
    return doc.events


def _act_in_clause(doc, clause, sentence, frame, places, actors, reference) -> _Act | None:
    start, end = clause
    triggers = [
        t for t in find_triggers(doc, start, end)
        if not _overlaps(t, actors) and not _overlaps(t, places) and not _overlaps(t, list(frame.anaphora))
        and (frame.plan_from is None or t.start < frame.plan_from)
    ]
    if not triggers:
        return None
    violent = [t for t in triggers if t.value.violent]
    chosen = max(violent or triggers, key=lambda t: (t.value.priority, -t.start))
    clause_actors = [a for a in actors if start <= a.start and a.end <= end]
    on = reference
    roles = assign_roles(doc, start, end, trigger_start=chosen.start, on=on, actors=clause_actors)
    deaths = _fatalities_of(doc, start, end)
    strongest = max(t.value.priority for t in triggers)
    if strongest <= WEAK_PRIORITY and deaths is None and roles.actor1 is None and roles.actor2 is None:
        return None
    if chosen.value.kind == "killing" and deaths is None:
        return None
    dates = find_dates(doc, start, end, reference) or find_dates(doc, sentence.start, sentence.end, reference)
    date_mention = dates[0] if dates else None
    historical = frame.historical or bool(
        date_mention and date_mention.value.past_reference and date_mention.value.precision == 3
    )
    return _Act(
        trigger=chosen,
        clause=clause,
        roles=roles,
        places=_event_places(doc, clause, sentence, places),
        fatalities=deaths,
        date_mention=date_mention,
        historical=historical,
        historical_cue=frame.historical_cue,
    )


def _overlaps(mention: Mention, others: list[Mention]) -> bool:
    return any(o.start < mention.end and mention.start < o.end for o in others)


def _fatalities_of(doc: Document, start: int, end: int) -> Mention | None:
    """The figure of a clause: a precise count beats a vague one, the larger beats the smaller."""
    found = [m for m in find_fatalities(doc, start, end) if m.value.count is not None]
    if not found:
        return None
    return max(found, key=lambda m: (not m.value.vague, m.value.count))


def _event_places(doc: Document, clause, sentence, places: list[Mention]) -> list[Mention]:
    """Places of the act: the clause's own, else the sentence's, else the paragraph's last."""
    for lo, hi in (clause, (sentence.start, sentence.end)):
        inside = [p for p in places if lo <= p.start and p.end <= hi]
        if inside:
            return _most_specific(doc, inside)
    paragraph_start = min(
        (s.start for s in doc.sentences if s.paragraph == sentence.paragraph), default=sentence.start
    )
    earlier = [p for p in places if paragraph_start <= p.start < sentence.start]
    return earlier[-1:]


def _most_specific(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """Drop the places that only frame another ("بريف دير الزور" after "القورية")."""
    assert doc.norm is not None
    kept: list[Mention] = []
    for mention in mentions:
        place: PlaceMention = mention.value
        if kept:
            previous = kept[-1]
            gap = doc.norm.text[previous.end:mention.start].split()
            framing = len(gap) <= CONTEXT_GAP_TOKENS and (place.cue or place.precision >= 2)
            coarser = any(
                k.value.place.admin1_pcode == place.place.admin1_pcode and k.value.precision < place.precision
                for k in kept
            )
            if framing or coarser:
                continue
        kept.append(mention)
    return [m for m in kept if m.value.place.id not in {k.value.place.id for k in kept if k is not m}] or kept


def _events_of(doc: Document, act: _Act, reference: date | None) -> list[Event]:
    trigger: Trigger = act.trigger.value
    actor1, actor2 = act.roles.actor1, act.roles.actor2
    if trigger.violent and actor1 is None and trigger.kind != "detention":
        actor1 = actors_by_name().get(UNIDENTIFIED)
    event_type, sub_event_type = _finish_type(trigger, actor1, actor2)
    if event_type == "Violence against civilians" and actor2 is None:
        actor2 = actors_by_name().get(CIVILIANS)
    places = act.places or [None]
    count = act.fatalities.value.count if act.fatalities else 0
    share = count // len(places) if count else 0
    date_value = act.date_mention.value if act.date_mention else None
    if date_value is not None:
        event_date, precision = date_value.date, date_value.precision
    elif reference is not None:
        event_date, precision = reference, 2
    else:
        event_date, precision = None, None
    events = []
    for place_mention in places:
        event = Event(
            doc_id=doc.id,
            event_type=event_type,
            sub_event_type=sub_event_type,
            disorder_type=DISORDER_TYPES[event_type],
            event_date=event_date.isoformat() if event_date else None,
            time_precision=precision,
            fatalities=share,
            fatalities_text=doc.span(act.fatalities.start, act.fatalities.end).text if act.fatalities else None,
            historical=act.historical,
            civilian_targeting=bool(actor2 and actor2.inter == CIVILIAN_INTER),
        )
        _set_actors(event, actor1, actor2)
        if place_mention is not None:
            _set_place(event, doc, place_mention)
        event.evidence = _evidence(doc, act, place_mention)
        event.notes = _notes(event, act.roles.suspected)
        events.append(event)
    return events


def _finish_type(trigger: Trigger, actor1: Actor | None, actor2: Actor | None) -> tuple[str, str]:
    """ACLED type and sub-type once the actors are known."""
    if trigger.kind in ("attack", "killing"):
        if actor2 is not None and actor2.inter == CIVILIAN_INTER:
            return "Violence against civilians", "Attack"
        return "Battles", "Armed clash"
    if trigger.kind == "takeover":
        state = actor1 is not None and actor1.inter == STATE_INTER
        return "Battles", "Government regains territory" if state else "Non-state actor overtakes territory"
    if trigger.kind == "detention":
        if actor1 is not None and actor1.inter == STATE_INTER:
            return "Strategic developments", "Arrests"
        return "Violence against civilians", "Abduction/forced disappearance"
    return trigger.event_type, trigger.sub_event_type


def _set_actors(event: Event, actor1: Actor | None, actor2: Actor | None) -> None:
    event.actor1 = actor1.name if actor1 else None
    event.inter1 = actor1.inter if actor1 else None
    event.actor2 = actor2.name if actor2 else None
    event.inter2 = actor2.inter if actor2 else None
    event.interaction = interaction_code(event.inter1, event.inter2)


def _set_place(event: Event, doc: Document, mention: Mention) -> None:
    found: PlaceMention = mention.value
    place = found.place
    event.location = place.name_ar
    event.location_en = place.name_en
    event.location_mention = doc.span(mention.start, mention.end).text
    event.admin1, event.admin1_pcode = place.admin1, place.admin1_pcode
    event.admin2, event.admin2_pcode = place.admin2, place.admin2_pcode
    event.admin3, event.admin3_pcode = place.admin3, place.admin3_pcode
    event.latitude, event.longitude = place.latitude, place.longitude
    event.geo_precision = found.precision


def _evidence(doc: Document, act: _Act, place: Mention | None) -> list[Span]:
    labelled: list[tuple[Mention | None, str]] = [
        (act.trigger, "event_type"),
        (act.roles.actor1_mention, "actor1"),
        (act.roles.actor2_mention, "actor2"),
        (act.fatalities, "fatalities"),
        (act.date_mention, "event_date"),
        (place, "location"),
        (act.historical_cue, "historical"),
    ]
    spans = [doc.span(*act.clause, label="event")]
    spans += [doc.span(m.start, m.end, label) for m, label in labelled if m is not None]
    return spans


def _notes(event: Event, suspected: bool) -> str:
    """One English sentence an analyst can read without Arabic."""
    who = event.actor1 or "An unidentified side"
    if suspected:
        who += " (suspected)"
    whom = f" against {event.actor2}" if event.actor2 else ""
    where = f" in {event.location_en or event.location}" if event.location else ""
    if event.admin1 and event.location_en != event.admin1:
        where += f" ({event.admin1})"
    when = f" on {event.event_date}" if event.event_date and event.time_precision == 1 else ""
    toll = f"; {event.fatalities} killed" if event.fatalities else ""
    background = " Mentioned as background to the report." if event.historical else ""
    return f"{event.sub_event_type}: {who}{whom}{where}{when}{toll}.{background}"


def _merge(events: list[Event]) -> list[Event]:
    """One event for each action × place × day × actors: repeated mentions merge."""
    merged: list[Event] = []
    for event in events:
        twin = next((m for m in merged if _same_event(m, event)), None)
        if twin is None:
            merged.append(event)
            continue
        if twin.actor1 in (None, UNIDENTIFIED) and event.actor1 not in (None, UNIDENTIFIED):
            twin.actor1, twin.inter1 = event.actor1, event.inter1
        if twin.actor2 is None and event.actor2 is not None:
            twin.actor2, twin.inter2 = event.actor2, event.inter2
        twin.interaction = interaction_code(twin.inter1, twin.inter2)
        if (event.fatalities or 0) > (twin.fatalities or 0):
            twin.fatalities, twin.fatalities_text = event.fatalities, event.fatalities_text
        twin.evidence.extend(span for span in event.evidence if span not in twin.evidence)
    return merged


def _same_event(a: Event, b: Event) -> bool:
    def compatible(x: str | None, y: str | None) -> bool:
        return x == y or x in (None, UNIDENTIFIED) or y in (None, UNIDENTIFIED)

    return (
        a.event_type == b.event_type
        and a.sub_event_type == b.sub_event_type
        and a.location == b.location
        and a.event_date == b.event_date
        and a.historical == b.historical
        and compatible(a.actor1, b.actor1)
        and compatible(a.actor2, b.actor2)
    )
