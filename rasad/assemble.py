"""Events from the mentions of one document: one per action × place × day × actors.

For each clause of the body (headlines repeat the body and are not coded), the strongest
trigger names the act; the clause's actors, places, dates and death counts fill it in; the
discourse frame says whether it is background (``historical``) or not an act at all (a
tally, a plan). Two places named for one act make two events, and a total given for both is
divided between them. Mentions of one event within the article are merged.

Where each field comes from:
    event_type, sub_event_type  rasad.extractors.triggers (finished here by target or actor1)
    actor1, actor2, inter*      rasad.extractors.actors
    fatalities, fatalities_text rasad.extractors.fatalities
    event_date, time_precision  rasad.extractors.dates
    location, admin*, lat/lon   rasad.geocode
    historical                  rasad.extractors.recaps
    notes, evidence, event_id   here
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, partial

from rasad.extractors.actors import (
    CIVILIAN_INTER,
    CIVILIANS,
    CONJUNCTION,
    FOREIGN_INTER,
    PROTESTERS,
    RIOTERS,
    STATE_INTER,
    UNARMED_INTERS,
    UNIDENTIFIED,
    Roles,
    actors_by_name,
    assign_roles,
    civilian_toll,
    find_actors,
    find_role_cues,
    interaction_code,
    military_site_matcher,
    remote_means,
    resolve_actor,
    state_force,
    state_forces,
)
from rasad.extractors.country import (
    about_syria,
    abroad_words,
    across_the_line,
    launched_from_syria,
    told_abroad,
    told_in_syria,
)
from rasad.extractors.dates import (
    date_words,
    day_words,
    find_dates,
    reference_date,
    years_named,
    years_told,
)
from rasad.extractors.fatalities import (
    WITHOUT_REACH,
    death_phrases,
    find_fatalities,
    parse_number,
    said_without,
)
from rasad.extractors.places import (
    datelines,
    distribute_cues,
    most_specific,
    places_nearby,
    places_of_acts,
    with_site_references,
)
from rasad.extractors.recaps import (
    SINCE,
    ClauseFrame,
    dead_since_a_weekday,
    deals_named_by_date,
    demonstratives,
    find_cues,
    frame_clause,
    happening_verbs,
    impersonal_verbs,
    modifier_words,
    said_between,
    said_openers,
)
from rasad.extractors.triggers import (
    AGREEMENT,
    AIR_DEFENCE,
    ARMED_CLASH,
    BLAST,
    DETENTION_KINDS,
    DISORDER_TYPES,
    FROM_AFAR,
    GENERIC_KINDS,
    REMOTE_VIOLENCE,
    WEAPON,
    Trigger,
    act_nouns,
    acts_joined,
    find_triggers,
    means_adjectives,
    means_told,
    named_another,
    names_an_aircraft,
)
from rasad.geocode import Gazetteer
from rasad.incidents import (
    AIR_STRIKE,
    DEFAULT_ACTOR2,
    NEWS_DAYS,
    PLANTED,
    Account,
    events_of,
    fold_province_tellings,
    group,
    merge_twin,
    name_sides,
    name_twins,
    share_tolls,
    unnamed,
)
from rasad.lexicon import GAZETTEER_DATA_DIR, read_tsv, word_set
from rasad.matching import ARTICLE, clitics_before, token_variants
from rasad.model import Actor, Document, Event, Mention, MentionIndex, PlaceMention, Sentence, Span
from rasad.normalise import normalise_key
from rasad.segment import ADDS_TO_IT

log = logging.getLogger(__name__)

PROTESTER_INTER = 6  # ACLED's inter code of protesters
DEFAULT_ACTOR1 = {"Protests": PROTESTERS, "Riots": RIOTERS}  # otherwise an unidentified armed group
CAPTURES = frozenset({"Abduction/forced disappearance", "Arrests"})  # taking people, no killing
# What aircraft in the clause make an air strike: a generic attack, or a bombardment ("قصف")
BY_AIR_KINDS = (*GENERIC_KINDS, "bombardment", BLAST)
# acts whose means a weapon named in their clause is: an attack, a killing, an explosion
WEAPON_NAMED_KINDS = (*GENERIC_KINDS, BLAST)
CARRY_WINDOW = 600  # characters back to look for the actor of a strategic move told without one
DATE_REACH = 40  # characters around a place that a date written over it may take
AGO = ("قبل", "منذ")  # "قبل أيام"، "منذ أسبوع": a time ago
FRONTING = "في"  # "وفي جنوب دمشق، ...": a place put first, before a comma, frames the report
CODED_FROM_YEAR = 1997  # ACLED's earliest data: an act before it is history, not an event
# an act only ever named as known and told this many days before its report ("الهجوم
# الكيميائي الذي استهدف في 7 نيسان" in a report of the 10th) is what the news answers; the
# day before is still news ("الغارات ... أمس")
DAYS_BEFORE_NEWS = 2
DURATION_REACH = 25  # characters from "بعد" to the act past a stretch of time ("سنوات من ")
# a wire dateline: a few words and the agency in brackets, then a dash ("بيروت (رويترز) -")
DATELINE = re.compile(r"[^\n.]{0,80}?\([^()\n]{1,30}\)\s*[-–—]+")
QUOTES = " \"“”«»'"  # what may stand between a word and the phrase it governs
ABROAD_REACH = 60  # characters after the act's word within which a place abroad is its place
# the role cues that attribute an act ("نفذه"، "على يد"، "اتهمت"، "يرجح أنها"): an act told
# nowhere names its side only with one
# cues that lay an act on a side: an accusation or a claim of responsibility
ATTRIBUTION_CUES = frozenset({"suspected", "suspected_before", "accusing", "agent_before"})
AGENT_CUES = frozenset(
    {"agent_after", "agent_by", "agent_before", "suspected", "suspected_before", "accusing"}
)
# words between an act pointed back to and a place that is its own: "هذه الغارات على مطار"; a
# verb between makes the place that verb's ("صواريخ تطايرت من تلك الانفجارات وسقطت في ضاحية")
ATTACHED_WORDS = 2
COUNTRY_REACH = 50  # characters after an act's word within which the country is its place
HAPPENED_REACH = 2  # words from a verb of happening to its date: "وقعت في 7 نيسان"
OWN_DATE_WORDS = 7  # words of means and place between an act and its own date after them
FRAME_WORDS = 3  # "منطقة التل [بمدينة طرابلس شمالي] لبنان": words of a frame after a place
HYPOTHETICAL_REACH = 80  # characters from an attack to the future said of it ("... سيكون")
ORIGIN_REACH = 40  # characters after the act's word within which Syria is named as its origin
MAX_NAME_CHARS = 120  # no actor's name is longer: how far back a name around a word may start


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
    alleged: bool  # named as an allegation: the act under discussion (``_alleged``)
    in_syria: bool = False  # told at no place but Syria itself ("الغارات على سوريا")
    own_day: bool = False  # its date told as the day it happened ("التي وقعت في 7 نيسان")
    acts_told: int = 1  # the acts its words tell ("قصفا بريا وجويا": 2), who share its toll
    year_only: int | None = None  # a past year named with no day of it ("استهدفت في 2007")
    # an earlier act the clause names after "بعد ... من" ("قصفت الطائرات الحي، بعد يومين من غارة
    # على الحي نفسه"): its span, told as background of its own
    earlier: tuple[int, int] | None = None
    # its clause opens by calling it a separate incident ("وفي حادثة منفصلة، قضى طفلان")
    separate: bool = False


def assemble(doc: Document, gazetteer: Gazetteer) -> list[Event]:
    """Fill and return ``doc.events`` from a segmented, normalised document."""
    assert doc.norm is not None
    reference = reference_date(doc)
    found = gazetteer.find_places(doc)
    # The places of acts are some of those found: a report that is not about Syria with all
    # of them is not about Syria with fewer, and is left before its actors are looked for.
    if not about_syria(doc, found):
        return _out_of_scope(doc, found)
    # "أتلانتا، الولايات المتحدة الأمريكية (CNN)--": the dateline names where the wire
    # filed from, not a side
    filed_from = _dateline_end(doc)
    actors = [a for a in find_actors(doc) if a.start >= filed_from]
    found = [p for p in found if p.start >= filed_from]
    role_cues = find_role_cues(doc)
    cues = find_cues(doc, 0, len(doc.norm.text))
    places = datelines(
        doc, distribute_cues(doc, places_of_acts(doc, found, role_cues, cues), gazetteer)
    )
    places = [
        _in_the_city_named_after(doc, p, gazetteer)
        for p in places
        if not _a_date(doc, p, reference) and not _restated_place(doc, p, gazetteer)
    ]
    places = with_site_references(doc, places)
    doc.mentions = places + actors
    if not about_syria(doc, places):
        return _out_of_scope(doc, places)
    outlets = [c for c in role_cues if c.value == "outlet"]
    context = _Context(
        doc,
        reference,
        MentionIndex(find_triggers(doc) + role_cues + cues + places + actors),
        outlets,
        _body_paragraphs(doc),
    )
    body = [s for s in doc.sentences if not s.is_title]
    accounts = _accounts_told(context, body)
    if not accounts:
        # A headline is coded when the body tells nothing it repeats: title-only reports.
        accounts = _accounts_told(context, [s for s in doc.sentences if s.is_title])
    incidents = group(accounts)
    name_twins(incidents)
    if any(unnamed(incident) for incident in incidents):
        name_sides(incidents, _accounts_told_nowhere(context))
    share_tolls(incidents)
    by_id: dict[str, Event] = {}
    for incident in incidents:
        for event in events_of(incident):
            suspected = any(
                a.suspected and a.event.actor1 == event.actor1 for a in incident.accounts
            )
            event.notes = _notes(event, suspected)
            event.assign_id()
            # two incidents that end alike (same act, place, day and sides) are one event
            twin = by_id.setdefault(event.event_id, event)
            if twin is not event:
                merge_twin(twin, event)
    doc.events = fold_province_tellings(list(by_id.values()))
    return doc.events


def _dateline_end(doc: Document) -> int:
    """Where a wire dateline that opens the report ends ("دبي، الإمارات العربية المتحدة
    (CNN)--"), or 0."""
    assert doc.norm is not None
    found = DATELINE.match(doc.norm.text) or _wire_dateline().match(doc.norm.text)
    return found.end() if found else 0


@cache
def _wire_dateline() -> re.Pattern[str]:
    """ "دمشق - وكالات:"، "بيروت - ا ف ب:"، "عمان ـ «الحياة»:": a place in a few words, a dash (a
    tatweel leaves two spaces once normalised), an agency of ``wire_agencies.tsv``, a colon."""
    agencies = sorted(word_set("wire_agencies.tsv", "agency"), key=len, reverse=True)
    names = "|".join(re.escape(a) for a in agencies)
    return re.compile(rf"(?:[^\s:.\-–—]+ ){{1,3}}(?:[-–—]+| ) *[«\"]?(?:{names})[»\"]? *:")


def _in_the_city_named_after(doc: Document, place: Mention, gazetteer: Gazetteer) -> Mention:
    """ "حي الميدان الدمشقي": a city's adjective right after a quarter (city_adjectives.tsv)
    names the city it is in; its namesake there is the place."""
    assert doc.norm is not None
    after = doc.norm.text[place.end : place.end + ADJECTIVE_REACH].split()[:1]
    city_name = _city_adjectives().get(after[0].strip(".,:;!?)")) if after else None
    if city_name is None:
        return place
    found: PlaceMention = place.value
    cities = gazetteer.lookup(city_name)
    if not cities or found.place.admin1_pcode == cities[0].admin1_pcode:
        return place
    named = doc.span(place.start, place.end).text
    there = [p for p in gazetteer.lookup(named) if p.admin1_pcode == cities[0].admin1_pcode]
    if not there:
        return place
    return Mention(place.kind, place.start, place.end, replace(found, place=there[0]))


ADJECTIVE_REACH = 20  # characters after a quarter that hold its city's adjective


@cache
def _city_adjectives() -> dict[str, str]:
    """``city_adjectives.tsv``: a city's normalised adjective → the city's name."""
    return {
        normalise_key(row["adjective"]): row["city"]
        for _, row in read_tsv("city_adjectives.tsv", ["adjective", "city"], GAZETTEER_DATA_DIR)
    }


def _restated_place(doc: Document, place: Mention, gazetteer: Gazetteer) -> bool:
    """ "مدينة عين العرب (كوباني)": a place named again in brackets right after its other name
    is that place, not a second one."""
    assert doc.norm is not None
    text = doc.norm.text
    opening = text.rfind("(", max(0, place.start - BRACKET_REACH), place.start)
    if (
        opening == -1
        or text[opening + 1 : place.start].strip()
        or not text[place.end :].lstrip(" ").startswith(")")
    ):
        return False
    before = text[max(0, opening - RESTATED_REACH) : opening].split()
    for size in (1, 2, 3):
        name = " ".join(before[-size:])
        if any(found.id == place.value.place.id for found in gazetteer.lookup(name)):
            return True
    return False


RESTATED_REACH = 40  # characters before the bracket that hold the place's other name
BRACKET_REACH = 3  # "( كوباني": the bracket opens right before the restated name


def _a_date(doc: Document, place: Mention, reference: date | None) -> bool:
    """ "في السابع من نيسان": a date that is also the name of a quarter is a date."""
    assert doc.norm is not None
    text = doc.norm.text
    if not date_words().intersection(text[place.start : place.end].split()):
        return False
    around = find_dates(doc, place.start - DATE_REACH, place.end + DATE_REACH, reference)
    return any(d.start < place.end and place.start < d.end for d in around)


def _out_of_scope(doc: Document, places: list[Mention]) -> list[Event]:
    log.info("document %s is about another country: no events coded", doc.id)
    doc.mentions = places
    doc.events = []
    return doc.events


def _accounts_told(context: _Context, sentences: list[Sentence]) -> list[Account]:
    """The acts of ``sentences`` at each of their places, clause by clause, before incidents."""
    doc = context.doc
    accounts: list[Account] = []
    previous_end = -CARRY_WINDOW  # where the last act's clause ended
    tally = False
    for sentence in sentences:
        # a tally goes on into a sentence that adds to it ("كما لقي 115 مسلحا حتفهم")
        tally = tally and _continues(context, sentence)
        historical = False
        for clause in sentence.clauses:
            frame = frame_clause(doc, *clause, cues=context.index.within("cue", *clause))
            told_before = historical or frame.historical
            cue = frame.historical_cue
            if cue is None or cue.value != "recap_phrase":
                # a recap frames the rest of its sentence; a phrase naming an earlier act ("ردا
                # على الهجوم") only itself
                historical = told_before
            # A tally runs on through its sentence until a specific act is recalled ("وكان آخرها")
            # or a source is quoted afresh ("، وأكد المرصد مقتل 46 شخصا الخميس").
            tally = frame.tally or (
                tally and not frame.historical and not _opens_with_saying(doc, clause)
            )
            claimed = _claimed_by(context, clause)
            if (
                claimed is not None
                and accounts
                and accounts[-1].event.actor1 == UNIDENTIFIED
                and accounts[-1].event.actor2 != claimed.name
            ):
                last = accounts[-1].event
                _set_actors(last, claimed, actors_by_name().get(last.actor2 or ""))
                continue
            if tally or (accounts and _refers_back(context, clause, frame.anaphora)):
                continue  # a reference back needs an act told before it to refer to
            act = _act_in_clause(context, clause, sentence, frame, told_before, len(accounts))
            if act is not None:
                act, *twins = _acts_by_means(doc, act)
                number = len(accounts)
                told = _accounts_of(doc, act, number, context.reference)
                if accounts and act.date_mention is not None and act.date_mention.value.on_act:
                    # "قتل عنصران بهجوم ... ويأتي ذلك بعد أيام من هجوم استهدف": the act counted
                    # back from is the one told last, and this one came before it
                    for account in told:
                        account.before_act = accounts[-1].act
                if (
                    accounts
                    and act.clause[0] - previous_end <= CARRY_WINDOW
                    and _names_the_act_told_before(doc, act)
                ):
                    _carry_from(accounts[-1].event, told, dated=act.date_mention is not None)
                accounts.extend(told)
                context.last_agent = act.roles.actor1_mention
                if act.earlier is not None:
                    recalled = _earlier_accounts(context, act.earlier, sentence, accounts)
                    # "قصفت ... مطار الشعيرات، بعد 3 أيام من هجوم كيماوي في خان شيخون": a place
                    # of the earlier act told is its own, not the later act's
                    theirs = [a for a in told if act.earlier[0] <= a.place_at < act.earlier[1]]
                    if recalled and len(theirs) < len(told):
                        accounts[:] = [a for a in accounts if all(a is not t for t in theirs)]
                    accounts.extend(recalled)
                for twin in twins:
                    accounts.extend(
                        replace(account, twin_of=number)
                        for account in _accounts_of(doc, twin, len(accounts), context.reference)
                    )
                previous_end = act.clause[1]
    return accounts


def _with_article(doc: Document, trigger: Mention) -> bool:
    assert doc.norm is not None
    return clitics_before(doc.norm.text, trigger.start).endswith(ARTICLE)


def _pointed_back(doc: Document, trigger: Mention) -> bool:
    """ "هذه الضربات"، "تلك الغارات": an act named with a demonstrative is one told before.
    A verb after one is a new act: "إلى ذلك، اعتقل"، "بعد ذلك قصفت" (the demonstrative is
    a pronoun after its preposition; one that points to an act stands before its noun with
    the article)."""
    _, at = doc.tokens_between(0, trigger.start)
    return at > 0 and doc.tokens()[at - 1].text in demonstratives() and _with_article(doc, trigger)


def _put_in_the_country(doc: Document, act: Mention, places: list[Mention], end: int) -> bool:
    """Whether Syria itself is named as where the act was, in its phrase right after its words
    ("ضربات على سوريا"، "الغارات الأميركية البريطانية الفرنسية على سوريا"), no place before it."""
    assert doc.norm is not None
    reach = min(end, act.end + COUNTRY_REACH)
    comma = doc.norm.text.find(",", act.end, reach)
    reach = reach if comma == -1 else comma
    return not any(act.end <= p.start < reach for p in places) and told_in_syria(
        doc, act.end, reach
    )


def _attached(doc: Document, trigger: Mention, place: Mention) -> bool:
    """Whether ``place`` follows the act's words within a few words: "الغارات على مطار التيفور"."""
    return (
        place.start >= trigger.end and _words_from(doc, trigger.end, place.start) <= ATTACHED_WORDS
    )


def _told_impersonally(doc: Document, trigger: Mention) -> bool:
    """Whether an act's word follows a verb that names no doer ("جرى اعتقال"، "وتم اعتقال")."""
    _, at = doc.tokens_between(0, trigger.start)
    return at > 0 and doc.tokens()[at - 1].text.removeprefix(CONJUNCTION) in impersonal_verbs()


def _names_a_deal(doc: Document, day: Mention) -> bool:
    """Whether a date of the month follows a noun of a deal that it names ("اتفاق العاشر من
    آذار"، "لهدنة 12 أيلول"); a weekday is the day the deal was made ("اتفاق الجمعة")."""
    assert doc.norm is not None
    told = doc.norm.text[day.start : day.end]
    _, before = doc.tokens_between(0, day.start)
    if before == 0 or not (" من " in told or any(c.isdigit() for c in told)):
        return False
    word = doc.tokens()[before - 1].text
    return word in deals_named_by_date() or _DEAL_CLITICS.sub("", word) in deals_named_by_date()


_DEAL_CLITICS = re.compile(r"^[وف]?[بلك]?(ال)?")


def _happened_on(doc: Document, day: Mention) -> bool:
    """ "الهجمات الكيميائية التي وقعت في 7 نيسان": a verb of happening right before the date
    makes it the act's own day, even for an act named as one already known."""
    _, before = doc.tokens_between(0, day.start)
    words = [t.text for t in doc.tokens()[max(0, before - HAPPENED_REACH) : before]]
    return any(word in happening_verbs() for word in words)


def _fought_with(
    doc: Document, acts: list[Mention], start: int, end: int, context: _Context
) -> bool:
    """ "سيطر الجيش على البلدة بعد اشتباكات مع قسد": in a takeover "مع" names the other side
    only after a word of fighting; "بعد بدئه هجوما مع روسيا" names an ally."""
    fights = [a for a in acts if a.value.sub_event_type == ARMED_CLASH]
    return any(
        c.value == "counterpart" and any(_words_from(doc, a.end, c.start) == 0 for a in fights)
        for c in context.index.within("role_cue", start, end)
    )


def _words_from(doc: Document, start: int, end: int) -> int:
    first, last = doc.tokens_between(start, end)
    return last - first


def _own_date(doc: Document, act: Mention, day: Mention) -> bool:
    """ "هجوم بالأسلحة الكيمياوية على بلدة دوما في السابع من أبريل": a date in the act's own
    phrase, after its means and place with no comma or verb between, is its day, over a day
    the clause told first (the day of a meeting about it)."""
    assert doc.norm is not None
    if day.start <= act.start < day.end:
        return True  # "بعد عام من الهجوم": the date counted back is put on the act's words
    if day.start <= act.end:
        return False
    between = doc.norm.text[act.end : day.start]
    first, last = doc.tokens_between(act.end, day.start)
    return (
        "،" not in between
        and "," not in between
        and last - first <= OWN_DATE_WORDS
        and not any(t.text in happening_verbs() for t in doc.tokens()[first:last])
    )


def _acts_by_means(doc: Document, act: _Act) -> list[_Act]:
    """One act for each sub-type the means after a bombardment's noun make: "قصفا بريا وجويا"
    is a shelling and an air strike (codebook: one event is one type of action). Named with
    the article ("منذ بدء تصعيد القصف الجوي والبري") the bombardment is one already known,
    and its tellings tell its acts, unless its own target follows it ("قتل 5 مدنيين في القصف
    الجوي والمدفعي على مدينة عفرين")."""
    trigger = act.trigger
    if trigger.value.event_type != REMOTE_VIOLENCE:
        return [act]
    if _with_article(doc, trigger) and not any(p.start > trigger.end for p in act.places):
        return [act]
    sub_types = list(dict.fromkeys(means_told(doc, trigger) or acts_joined(doc, trigger)))
    if len(sub_types) < 2:
        return [act]
    return [
        replace(
            act,
            trigger=replace(
                trigger, value=replace(trigger.value, kind="event", sub_event_type=sub_type)
            ),
            acts_told=len(sub_types),
        )
        for sub_type in sub_types
    ]


def _allegation_after_an_act(acts: list[Mention], index: MentionIndex, start: int) -> int | None:
    """Where an act named as an allegation begins, when the clause tells another violent act
    at a place before it; None otherwise."""
    cues = index.within("cue", start, acts[-1].end + ALLEGED_REACH) if acts else []
    alleged = next(
        (t for t in acts if t.value.kind not in GENERIC_KINDS and _alleged(t, cues)), None
    )
    if alleged is None:
        return None
    told_before = any(t.value.violent and t.start < alleged.start for t in acts)
    placed_before = bool(index.within("place", start, alleged.start))
    return alleged.start if told_before and placed_before else None


def _without_fronted_frame(
    doc: Document, places: list[Mention], start: int, act: Mention
) -> list[Mention]:
    """ "وفي جنوب دمشق، قتل 22 مقاتلا في هجمات ... ضد مواقع لهم في محافظة السويداء": a place
    fronted before a comma frames the report; where the act names a place of its own after
    it, the act is there."""
    assert doc.norm is not None
    text = doc.norm.text
    if len(places) < 2 or places[0].end > act.start:
        return places
    fronted = places[0]
    before = text[start : fronted.start].split()
    if not all(word.lstrip("و") in ("", FRONTING) for word in before):
        return places
    if not text[fronted.end :].lstrip().startswith(","):
        return places
    if not any(p.start > act.end for p in places[1:]):
        return places
    return places[1:]


def _charged_with(doc: Document, trigger: Mention, cues: list[Mention]) -> bool:
    """Whether the act is what someone is charged with, named right after the charge ("أحد
    المتهمين بارتكاب مجزرة حي التضامن"، "ضابط متهم بقصف مدينة داريا"): no act told there."""
    return _cue_beside(doc, trigger, cues, "charge", CHARGE_GAP, after=False)


def _cue_beside(
    doc: Document, trigger: Mention, cues: list[Mention], kind: str, gap: int, *, after: bool
) -> bool:
    """Whether a cue of ``kind`` stands at most ``gap`` words after (or before) the act's word."""
    assert doc.norm is not None
    text = doc.norm.text
    return any(
        c.value == kind
        and (
            trigger.end <= c.start and len(text[trigger.end : c.start].split()) <= gap
            if after
            else c.end <= trigger.start and len(text[c.end : trigger.start].split()) <= gap
        )
        for c in cues
    )


def _without(doc: Document, trigger: Mention) -> bool:
    """Whether "دون"/"بدون" stands a few words before the act's word in its phrase: "خرجت
    مظاهرات ... دون أن تسجل أي مواجهات" tells no clash."""
    assert doc.norm is not None
    return said_without(doc.norm.text, trigger.start, WITHOUT_REACH)


CHARGE_GAP = 1  # "المتهمين بارتكاب مجزرة": the verbal noun of committing before the act's noun


def _only_a_duration(words: str, *, conjoined: bool) -> bool:
    """Nothing, or a stretch of time ("سنوات من"، "أسبوعين على") and the nouns conjoined with
    the act ("الحصار و") between "بعد" and an act: "بعد سنوات من الحصار والقصف" names acts
    before the clause's own."""
    if not words:
        return True
    parts = words.split()
    while parts and parts[0] in modifier_words():
        parts = parts[1:]  # "بعد نحو شهرين من"
    if len(parts) > 2 and parse_number(parts[0]) is not None:
        parts = parts[1:]  # "بعد 3 أيام من هجوم كيماوي"، "بعد ثلاثة أسابيع على"
    units, links = word_set("durations.tsv", kind="unit"), word_set("durations.tsv", kind="link")
    if len(parts) < 2 or parts[0] not in units or parts[1] not in links:
        return False
    return len(parts) == 2 or (len(parts) == 3 and conjoined)


def _period_since(doc: Document, day: Mention, reference: date | None) -> bool:
    """ "منذ 18 فبراير الماضي"، "منذ مطلع كانون الثاني": a day a week or more back that a
    period runs from."""
    assert doc.norm is not None
    before = doc.norm.text[max(0, day.start - SINCE_REACH) : day.start].split()
    start = day.value.date
    if before and before[-1] in _period_outsets():
        before = before[:-1]  # "منذ مطلع/بداية/أول الشهر": from the month's first day
        if day.value.precision == MONTH_PRECISION:
            start = start.replace(day=1)
    return bool(
        before
        and before[-1].lstrip("و") == SINCE
        and reference is not None
        and (reference - start).days >= NEWS_DAYS
    )


MONTH_PRECISION = 3  # a date told by its month (codebook time precision)
SINCE_REACH = 16  # characters back from a date to "منذ" and the word of a start between


@cache
def _period_outsets() -> frozenset[str]:
    """The words of a start before a month after "منذ" (durations.tsv, start and outset)."""
    return word_set("durations.tsv", kind="start") | word_set("durations.tsv", kind="outset")


def _framed_by(doc: Document, place: Mention, at: int) -> bool:
    """Whether only a few words with no comma or "و" lie between ``place`` and ``at``: the
    place is located by what is named there."""
    assert doc.norm is not None
    gap = doc.norm.text[place.end : at]
    words = gap.split()
    return (
        len(words) <= FRAME_WORDS and "," not in gap and not any(w.startswith("و") for w in words)
    )


def _speakers_place(doc: Document, place: Mention, act: Mention, sentence_start: int) -> bool:
    """ "وقال حاكم محافظة شانلي أورفة عز الدين كجك ... "لا نعلم" ... بعد هجوم": a place named
    between a verb of saying and the quote or "أن" that opens what was said is the
    speaker's, not the act's."""
    return _in_the_saying(doc, place, act, sentence_start, quoted=True)


def _talked_of(doc: Document, trigger: Mention, hypothetical: list[Mention]) -> bool:
    """ "إن هجوما متهورا من قبل الأسد سيكون خطأ": a generic attack with an outcome said of it
    in the future just after it is talked of, not told; so is any act the adjective of a
    possibility qualifies, past its means ("ضربات جوية وصاروخية محتملة")."""
    assert doc.norm is not None
    text = doc.norm.text
    adjectives = means_adjectives()
    return any(
        0 <= cue.start - trigger.end <= HYPOTHETICAL_REACH
        and (
            trigger.value.kind in GENERIC_KINDS
            or all(word in adjectives for word in text[trigger.end : cue.start].split())
        )
        for cue in hypothetical
    )


def _told_as_repeated(doc: Document, trigger: Mention, cues: list[Mention]) -> bool:
    """ "ويشن داعش هجمات متكررة ضد مواقع النظام"، "ضربات جوية متكررة": an act whose noun a word
    of repetition qualifies (discourse_cues.tsv, repeated) is a habit, no one act."""
    return _cue_beside(doc, trigger, cues, "repeated", REPEATED_GAP, after=True)


REPEATED_GAP = 1  # an adjective between the act's noun and the word of repetition: "ضربات جوية"


def _opens_abroad(doc: Document, sentence: Sentence, act: Mention) -> bool:
    """Whether the sentence opens with a country abroad as the frame of what it tells ("وفي
    العراق، قتل ..."، "وفي لبنان، ..."): a roundup turning to another country's news, whose
    places may be namesakes of Syrian ones. A statement made there may tell a Syrian act."""
    assert doc.norm is not None
    opening = doc.norm.text[sentence.start : act.start].split()[:OPENING_WORDS]
    if not any(word.removeprefix("و") in abroad_words("locative") for word in opening):
        return False  # most sentences open with no locative: no frame abroad to look for
    abroad = told_abroad(doc, sentence.start, act.start)
    return (
        abroad is not None
        and len(doc.norm.text[sentence.start : abroad].split()) <= OPENING_WORDS
        # "وفي تركيا، قال مسؤول إن القوات التركية قصفت مواقع في عفرين": where it was said
        and not said_between(doc, abroad, act.start)
    )


OPENING_WORDS = 2  # "وفي العراق"، "أما في لبنان": the words before the country at the opening


def _dates_the_act(doc: Document, day: Mention, act: Mention) -> bool:
    """Whether a day counted back onto an act's words ("بعد يوم من اطلاق فصائل") is this act's:
    on its word, or right before it in one phrase ("اطلاق فصائل معارضة قذائف"). "بعد يومين
    من سيطرة القوات على عفرين، انتشر ..." dates the takeover, not what the comma opens."""
    assert doc.norm is not None
    if act.start < day.end and day.start < act.end:
        return True
    gap = doc.norm.text[day.end : act.start]
    return day.start <= act.start and "," not in gap and len(gap.split()) <= ON_ACT_WORDS


ON_ACT_WORDS = 2  # between the counted act's words and its noun: "اطلاق فصائل [معارضة] قذائف"


def _refers_back(context: _Context, clause: tuple[int, int], anaphora: Mention | None) -> bool:
    """Whether the clause's act is one told before, referred back to ("تجددت الاشتباكات بين
    الطرفين"، "الخلاف تطور لاشتباكات بين الطرفين"). Sides named as a pair before the
    reference, in the clause, are the ones it points to, and the act is told here: "دارت
    اشتباكات بين جيش الإسلام وقوات النظام، وسط قصف متبادل بين الطرفين"."""
    if anaphora is None:
        return False
    start = clause[0]
    return not any(
        any(a.start >= pair.end for a in context.index.within("actor", pair.end, anaphora.start))
        for pair in context.index.within("role_cue", start, anaphora.start)
        if pair.value == "between"
    )


def _opens_with_saying(doc: Document, clause: tuple[int, int]) -> bool:
    """Whether a clause's first word is a verb of saying ("وأكد المرصد ...")."""
    first, last = doc.tokens_between(*clause)
    if first == last:
        return False
    word = doc.tokens()[first]
    return said_between(doc, word.start, word.end)


def _continues(context: _Context, sentence: Sentence) -> bool:
    """Whether ``sentence`` opens with a word that adds it to the one before ("كما")."""
    return any(
        c.value == "continues" and c.start <= sentence.start + 1
        for c in context.index.starting("cue", sentence.start, sentence.start + 2)
    )


def _accounts_told_nowhere(context: _Context) -> list[Account]:
    """The accounts of the acts told nowhere that say who did them, numbered among the
    others by where they are told."""
    accounts: list[Account] = []
    for told, number in context.told_nowhere:
        act = told([])
        if act is not None:
            accounts.extend(_accounts_of(context.doc, act, number, context.reference))
    return accounts


def _attributes_an_act_told(context: _Context, trigger: Mention, start: int, end: int) -> bool:
    """ "وجهت الاتهامات للحكومة السورية بالمسؤولية عن الهجوم"، "أعلن التنظيم مسؤوليته عن
    الهجوم": an act named with the article, one the report has told, laid on a side by an
    accusation or a claim in the clause ``start..end``."""
    return _with_article(context.doc, trigger) and any(
        c.value in ATTRIBUTION_CUES for c in context.index.within("role_cue", start, end)
    )


def _names_the_act_told_before(doc: Document, act: _Act) -> bool:
    """ "كما طال القصف بلدتي آفس والنيرب": the act named with the article is the one just told."""
    return act.roles.actor1 is None and _with_article(doc, act.trigger)


def _carry_from(previous: Event, told: list[Account], *, dated: bool) -> None:
    """The act just told, reaching further places: its side, and its day unless one is given."""
    for event in (account.event for account in told):
        if (event.event_type, event.sub_event_type) != (
            previous.event_type,
            previous.sub_event_type,
        ):
            continue
        if event.actor1 == UNIDENTIFIED and previous.actor1 not in (
            None,
            UNIDENTIFIED,
            event.actor2,
        ):
            event.actor1, event.inter1 = previous.actor1, previous.inter1
            event.interaction = interaction_code(event.inter1, event.inter2)
        if not dated:
            event.event_date, event.time_precision = previous.event_date, previous.time_precision


@dataclass(slots=True)
class _Context:
    doc: Document
    reference: date | None
    index: MentionIndex  # triggers, role cues, recap cues, places and actors
    outlets: list[Mention]  # outlet names: "حلب اليوم" dates nothing
    paragraphs: dict[int, list[Sentence]]  # body sentences by paragraph
    # acts told nowhere but said who did them, finished only when an incident needs its
    # side, each with the number of the accounts told before it
    told_nowhere: list[tuple[Callable[[list[Mention]], _Act | None], int]] = field(
        default_factory=list
    )
    # who did the act told last: the subject an act added with "كما" shares
    last_agent: Mention | None = None


def _body_paragraphs(doc: Document) -> dict[int, list[Sentence]]:
    paragraphs: dict[int, list[Sentence]] = {}
    for sentence in doc.sentences:
        if not sentence.is_title:
            paragraphs.setdefault(sentence.paragraph, []).append(sentence)
    return paragraphs


def _earlier_accounts(
    context: _Context, span: tuple[int, int], sentence: Sentence, accounts: list[Account]
) -> list[Account]:
    """The accounts of the earlier act a clause names after its own, the time between told
    ("بعد يومين من غارة على الحي نفسه"): background, never the act it comes before. With no
    time told, "سيطرت على البلدة بعد معارك" names how the act was done, not another act."""
    doc = context.doc
    frame = frame_clause(doc, *span, cues=context.index.within("cue", *span))
    act = _act_in_clause(context, span, sentence, frame, True, len(accounts))
    if (
        act is None
        or not act.places  # placed nowhere, it would only lend its day to another incident
        or act.date_mention is None
        or not act.date_mention.value.on_act
    ):
        return []
    told = _accounts_of(doc, act, len(accounts), context.reference)
    later = accounts[-1].event
    for account in told:
        account.before_act = accounts[-1].act
        _count_back_from(account.event, later, context.reference)
    return told


def _count_back_from(earlier: Event, later: Event, reference: date | None) -> None:
    """The time told between two acts ("شنت ضربة في نيسان 2017، بعد 3 أيام من هجوم كيماوي")
    counts back from the later act's day, not the report's: the days by which the later act
    precedes the report move the earlier one as far, at the vaguer of their precisions."""
    if not (earlier.event_date and later.event_date and reference):
        return
    shift = date.fromisoformat(later.event_date) - reference
    earlier.event_date = (date.fromisoformat(earlier.event_date) + shift).isoformat()
    earlier.time_precision = max(earlier.time_precision or 1, later.time_precision or 1)


def _act_in_clause(
    context: _Context, clause, sentence, frame, historical: bool, number: int
) -> _Act | None:
    """The act a clause tells, at its places. An act told nowhere that says who did it is
    finished only when asked (``context.told_nowhere``, numbered ``number`` among the accounts
    by where it is told): it names the side of an incident told elsewhere."""
    doc = context.doc
    start, end = clause
    # the clause's cues, read once: every trigger is checked against them
    cues = context.index.within("cue", start, end)
    triggers = [
        t
        for t in context.index.within("trigger", start, end)
        # aircraft are the means even inside a side's name: "الطائرات الروسية"
        if (t.value.kind == "means" or not _inside_a_name(doc, t, context.index))
        and not any(c.value == "not_act" and c.start <= t.start < c.end for c in cues)
        and not _charged_with(doc, t, cues)
        and not _without(doc, t)
        and not _told_as_repeated(doc, t, cues)
        # "احتجاجاً على الهجوم التركي": the cue's own word of protest frames the act after it
        and not any(c.value == "recap_phrase" and c.start <= t.start < c.end for c in cues)
        and (frame.plan is None or not frame.plan[0] <= t.start < frame.plan[1])
    ]
    means = [t for t in triggers if t.value.kind == "means"]
    hypothetical = [c for c in cues if c.value in ("hypothetical", "outcome")]
    triggers = [
        t for t in triggers if t.value.kind != "means" and not _talked_of(doc, t, hypothetical)
    ]
    if not triggers:
        return None
    planned = frame.plan or (end, end)  # what is planned or denied did not happen here
    # "ويأتي القصف غداة مقتل 9 مدنيين في غارة": the earlier act's words, and its toll
    earlier = _earlier_act(doc, triggers, cues, end)
    recalled_act = earlier if earlier[0] < earlier[1] else None
    own = [t for t in triggers if not earlier[0] <= t.start < earlier[1]]
    # "استهدفت صواريخ مطار التيفور ... بعيد تعهد برد على هجوم كيميائي مفترض ... في دوما": the
    # allegation named after an act placed before it is the act talked about; its words, toll
    # and places are not the clause's
    alleged_from = _allegation_after_an_act(own, context.index, start)
    if alleged_from is not None:
        own = [t for t in own if t.start < alleged_from]
        if earlier[0] == earlier[1]:
            earlier = (alleged_from, end)
    deaths = _fatalities_of(doc, start, end, planned, earlier)
    if deaths is not None:
        # "تسببت بمقتل 160 مدنيا، بينهم 100 بغاز سام": the means of some of the dead, named in
        # the part of the toll, do not name the act
        part = _part_of_the_toll(doc, deaths.end, end)
        own = [t for t in own if not part[0] <= t.start < part[1]] or own
    chosen = _strongest(doc, own, deaths)
    others = [t for t in triggers if t.start > chosen.end and not _with_article(doc, t)]
    if _pointed_back(doc, chosen) and others:
        # "وتأتي هذه الغارات غداة مقتل 20 مدنيا في غارة على كفر بطيخ": the raids pointed back
        # to are told elsewhere; what the clause tells is the other act, the earlier one as
        # background
        historical = historical or earlier[0] < earlier[1]
        # its sides, places and toll are told after the pointing: "نفى البنتاغون أن تكون
        # الولايات المتحدة نفذت هذه الغارات التي تأتي بعد هجوم كيميائي في دوما"
        # ("وتأتي هذه الغارات بعد يوم من اطلاق فصائل معارضة قذائف": from the word that puts it
        # before, with the side that fired)
        prior = [c for c in cues if c.value == "prior" and chosen.end <= c.start < others[0].start]
        start = (
            earlier[0]
            if earlier[0] < earlier[1]
            else (prior[-1].start if prior else others[0].start)
        )
        clause = (start, end)
        own, earlier, recalled_act = others, (end, end), None
        deaths = _fatalities_of(doc, start, end, planned, earlier)
        chosen = _strongest(doc, own, deaths)
    if (
        deaths is not None
        and (chosen.value.kind in DETENTION_KINDS or chosen.value.sub_event_type in CAPTURES)
        and any(t.value.kind in GENERIC_KINDS and chosen.end <= t.start < deaths.start for t in own)
    ):
        # "خطف 36 مدنيا أثناء هجومه على السويداء، والذي أسفر عن أكثر من 250 قتيلا": the dead
        # are the attack's, named between; the abduction killed no one
        deaths = None
    weapons = [t for t in triggers if t.value.kind == WEAPON]
    if chosen.value.kind == AIR_DEFENCE and any(
        t.value.sub_event_type == AIR_STRIKE and names_an_aircraft(doc, t)
        for t in triggers + means
        if t is not chosen
    ):
        # "أسقطت الدفاعات الجوية طائرة مسيرة": an aircraft or drone downed is the disrupted
        # weapon itself, not a strike met on its way
        chosen = replace(chosen, value=replace(chosen.value, kind="event"))
    if means and chosen.value.kind in BY_AIR_KINDS:
        # "الطيران الإسرائيلي استهدف مواقع", "قصفت الطائرات الروسية": by aircraft, an air strike
        by_air = replace(
            means[0].value,
            kind="event",
            priority=chosen.value.priority,
            victims=chosen.value.victims,
        )
        chosen = replace(chosen, value=by_air)
    elif weapons and chosen.value.kind in WEAPON_NAMED_KINDS:
        # "استهدفت الصواريخ مواقع": a weapon that strikes is the means of the attack; "وأدى
        # انفجار أحدها": what exploded
        armed = replace(
            weapons[0].value,
            kind="event",
            priority=chosen.value.priority,
            victims=chosen.value.victims,
        )
        chosen = replace(chosen, value=armed)
    named_places = [
        p
        for p in context.index.within("place", start, end)
        if not planned[0] <= p.start < planned[1]
        and (alleged_from is None or p.start < alleged_from)
    ]
    syrian_side = [p for p in named_places if not across_the_line(doc, p, start)]
    if named_places and not syrian_side:
        return None  # "صواريخ على قواعد إسرائيلية في مرتفعات الجولان": across the line
    own_places = most_specific(doc, _without_fronted_frame(doc, syrian_side, start, chosen))
    # "هجوم استهدفهما بمدينة شانلي أورفا في جنوب شرق تركيا": the place the act is put at,
    # right after it, with no Syrian place named before it in the clause, is abroad; so is a
    # namesake of a Syrian place the abroad frames ("في منطقة التل بمدينة طرابلس شمالي لبنان")
    # a clause that names no Syrian place is abroad wherever it puts its act there ("قصف
    # الطيران التركي مواقع لحزب العمال الكردستاني في جبال قنديل شمال العراق")
    reach = min(end, chosen.end + ABROAD_REACH) if own_places else end
    abroad = told_abroad(doc, chosen.end, reach)
    if abroad is not None and not any(
        p.start < abroad
        and not _speakers_place(doc, p, chosen, sentence.start)
        and not _framed_by(doc, p, abroad)
        for p in own_places
    ):
        return None
    if abroad is not None:
        # "قتل ثلاثة في معارك الزبداني، وشيعوا في بلدة النبي شيت في البقاع اللبناني": a
        # namesake the abroad frames is no place of the act told at a Syrian one
        own_places = [p for p in own_places if p.start > abroad or not _framed_by(doc, p, abroad)]
    if _opens_abroad(doc, sentence, chosen):
        return None  # "وفي العراق، قتل 20 شخصا في تفجير": the sentence's news is from abroad
    origins = [
        c
        for c in context.index.within("cue", chosen.end, min(end, chosen.end + ORIGIN_REACH))
        if c.value == "origin"
    ]
    if origins and launched_from_syria(doc, origins, chosen.end):
        return None  # "تعرضت الجولان لهجوم ... من داخل الأراضي السورية": the target is abroad
    in_sentence = bool(context.index.within("place", sentence.start, sentence.end))
    generic = chosen.value.kind in GENERIC_KINDS
    # "وجهت الاتهامات للحكومة السورية بالمسؤولية عن الهجوم": the attack told before, named
    # with the article, and the side a claim or an accusation lays it on; it may name that
    # act's side
    recalled = generic and deaths is None and _attributes_an_act_told(context, chosen, start, end)
    if deaths is None and generic and not own_places and not recalled:
        return None  # "لهجمات نفذها مجهولون"، "سير المعارك": no act that can be told apart
    if chosen.value.kind == "killing" and deaths is None:
        return None
    pointed_back = _pointed_back(doc, chosen)
    if pointed_back:
        # "تزامن هذه الضربات مع بدء عمل فريق التحقيق في دوما": the strikes pointed back to
        # are where they were told; only a place attached to them ("هذه الغارات على مطار
        # التيفور") is theirs
        own_places = [p for p in own_places if _attached(doc, chosen, p)]
    # "الغارات الأميركية البريطانية الفرنسية على سوريا": the country named right after the act
    # is where it is put; a town later in the clause is another act's ("ردا على الهجوم
    # الكيميائي في دوما"، "وصل المفتشون إلى دوما")
    in_the_country = not generic and _put_in_the_country(doc, chosen, own_places, end)
    event_places = (
        []
        if (deaths is None and chosen.value.violent and not in_sentence)
        or (recalled and not own_places)  # it only names the side of the act it recalls
        or (pointed_back and not own_places)
        or in_the_country
        else own_places or places_nearby(doc, clause, sentence, context.index, context.paragraphs)
    )
    told = partial(
        _told_act,
        context,
        clause,
        sentence,
        frame,
        historical,
        chosen,
        triggers + means,
        deaths,
        recalled=recalled,
        earlier=earlier,
    )
    in_syria = not event_places and not generic and told_in_syria(doc, start, end, sites=True)
    if not event_places and (
        (generic and not recalled)
        or not any(c.value in AGENT_CUES for c in context.index.within("role_cue", start, end))
    ):
        # told nowhere, and no word attributes it: nothing to tell, unless a state that
        # fights in Syria only from afar struck the country on a day told ("ووجهت كل من
        # الولايات المتحدة وبريطانيا وفرنسا، فجر السبت الماضي، ضربة صاروخية لمواقع تابعة
        # للنظام السوري"); undated, it is a threat or a denial as often ("روسيا تتعهد
        # بإسقاط أي صاروخ يطلق على سوريا")
        if not in_syria:
            return None
        strike = told([], in_syria=True)
        if strike is None or strike.date_mention is None:
            return None
        if chosen.value.sub_event_type not in FROM_AFAR:
            # "قتل جندي بريطاني الخميس في انفجار قنبلة على جانب الطريق في سوريا": an act by
            # its means, with its dead and its day, happened in the country
            return strike if deaths is not None else None
        return strike if _struck_from_afar(strike, context.reference) else None
    if in_syria:
        return told([], in_syria=True)  # "ضربة صاروخية لمواقع النظام في سوريا": the country
    if not event_places:
        recalled_strike = (
            told([])
            if not generic
            and chosen.value.sub_event_type in FROM_AFAR
            and frame.historical_cue is not None
            and frame.historical_cue.value == "recap_start"
            else None
        )
        if recalled_strike is not None and _struck_from_afar(recalled_strike, context.reference):
            # "وكانت الولايات المتحدة وبريطانيا وفرنسا قد شنت ضربات جوية ضد مواقع تابعة لنظام
            # الأسد": a strike recalled by a foreign state that fights in Syria only from
            # afar, told at no place, was in the country
            return replace(recalled_strike, in_syria=True)
        context.told_nowhere.append((told, number))
        return None
    act = told(event_places)
    if act is not None:
        act.earlier = recalled_act
    return act


def _struck_from_afar(act: _Act, reference: date | None) -> bool:
    """Whether ``act`` is by a foreign state that fights in Syria only from afar
    (remote_sides.tsv) on its day."""
    actor1 = act.roles.actor1
    if actor1 is None:
        return False
    day = _act_day(act.date_mention, act.year_only, reference)
    return remote_means(actor1.name, day.isoformat() if day else None) is not None


def _told_act(
    context: _Context,
    clause: tuple[int, int],
    sentence: Sentence,
    frame: ClauseFrame,
    historical: bool,
    chosen: Mention,
    acts: list[Mention],
    deaths: Mention | None,
    event_places: list[Mention],
    *,
    recalled: bool = False,
    in_syria: bool = False,
    earlier: tuple[int, int] = (0, 0),
) -> _Act | None:
    """The act whose word is ``chosen``, at ``event_places`` (none: told nowhere, it names
    only who did it, or it is ``recalled``: an act told before that a claim or an accusation
    lays on a side): its day, its sides and whether it is news or background."""
    doc, reference = context.doc, context.reference
    start, end = clause
    planned = frame.plan or (end, end)
    generic = chosen.value.kind in GENERIC_KINDS
    # A clause with no date of its own takes one told before it in its sentence, never one of
    # a later clause ("، وكان آخرها قبل أيام" dates the recap, not the news).
    dates = (
        find_dates(doc, start, end, reference)
        or find_dates(doc, sentence.start, start, reference)[-1:]
    )
    dates = [
        d
        for d in dates
        if not any(o.start <= d.start < o.end for o in context.outlets)
        and not _day_it_was_said(doc, d, chosen, sentence.start)
        # "شنت ضربات إثر اتهامها بقصف المدينة بسلاح كيميائي في 7 نيسان": the earlier act's day
        and not earlier[0] <= d.start < earlier[1]
        # "متهماً قسد بخرق اتفاق العاشر من آذار": a date that names a deal is the deal's
        and not _names_a_deal(doc, d)
        # "بحلول 15 أكتوبر": a day after the report is a deadline or a plan, no act's day
        and not (reference is not None and d.value.date > reference)
        # "بعد يومين من سيطرة القوات على عفرين، انتشر ...": a day counted back onto another
        # act's words is that act's
        and not (d.value.on_act and not _dates_the_act(doc, d, chosen))
    ]
    # "عبر مساء الأحد عن إدانته للهجمات التي وقعت في 7 نيسان": the day it happened, told as
    # such, over the day of the talk
    happened = next((d for d in dates if _happened_on(doc, d) or _own_date(doc, chosen, d)), None)
    date_mention = happened or (dates[0] if dates else None)
    if date_mention is not None and _period_since(doc, date_mention, reference):
        return None  # "ومنذ 18 فبراير، تشن القوات هجمات": a campaign summed up, not one act
    # "وهو عنصر سابق ... وأجرى تسوية مع النظام عام 2018"، "من مواليد 1995": a year in what
    # describes a person after the act is theirs, not the act's
    described = next(
        (c.start for c in context.index.within("cue", chosen.end, end) if c.value == "description"),
        end,
    )
    told_years = years_told(doc, start, described)
    years = [year for year, _ in told_years]
    # "وضمتها العام 1981": history before any conflict data begins is no event of the dataset
    if any(year < CODED_FROM_YEAR for year in years) or (
        date_mention is not None and date_mention.value.date.year < CODED_FROM_YEAR
    ):
        return None
    # "منذ انسحبت منها القوات الحكومية عام 2012"، "الغارة التي استهدفت في 2007": an act of a
    # year before the report's (a weekday beside it is the day it was talked about)
    # like a day, a year told before the clause in its sentence is its own when it tells none:
    # "أما هجوم خان شيخون في العام 2017 فتبعه هجوم أميركي"
    own_years = [year for year, after_since in told_years if not after_since]
    year_only = next(
        (
            year
            for year in own_years or years_named(doc, sentence.start, start, since=False)[-1:]
            if reference and year < reference.year and date_mention is None
        ),
        None,
    )
    # names inside a plan are what is feared, not who acted
    clause_actors = [
        a
        for a in context.index.within("actor", start, end)
        if not planned[0] <= a.start < planned[1]
    ]
    roles = (
        assign_roles(  # the act begins at its first trigger word: "قتل عنصران من قوات النظام بهجوم"
            doc,
            start,
            end,
            trigger_start=min(t.start for t in acts if t.value.kind != "means"),
            on=_act_day(date_mention, year_only, reference),
            actors=clause_actors,
            violent=chosen.value.has_targets,
            cues=context.index.within("role_cue", start, end),
            acts=acts,  # "الطيران الإسرائيلي": aircraft name who struck
            two_sided=chosen.value.sub_event_type == AGREEMENT
            or (
                chosen.value.event_type == "Battles"
                and (
                    chosen.value.kind != "takeover" or _fought_with(doc, acts, start, end, context)
                )
            ),
        )
    )
    if roles.actor1 is None and _told_impersonally(doc, chosen):
        # "القوات الأمنية فرضت حظر تجوال، فيما جرى اعتقال 12 شخصاً": an act told with no doer
        # was done by the side named before it in its sentence
        before = [a for a in context.index.within("actor", sentence.start, start)]
        if before:
            on = _act_day(date_mention, year_only, reference)
            roles = replace(
                roles, actor1=resolve_actor(before[-1].value, on), actor1_mention=before[-1]
            )
    if roles.actor1 is None and not chosen.value.violent:
        roles = _with_carried_actor(roles, context.index, start, reference)
    elif (
        roles.actor1 is None
        and context.last_agent is not None
        and not _with_article(doc, chosen)
        and _adds_to_it(context, start)
    ):
        # "قصفت قوات النظام بلدة طفس، كما سيطرت على قرية الطيبة": an act added with "كما" and
        # no side of its own shares the subject of the act told before it ("كما طال القصف":
        # the act named with the article is that act, and takes its side and day)
        carried = context.last_agent
        on = _act_day(date_mention, year_only, reference)
        roles = replace(roles, actor1=resolve_actor(carried.value, on), actor1_mention=carried)
    if (
        not event_places
        and not in_syria
        and (
            (generic and not recalled) or roles.actor1 is None or roles.actor1.name == UNIDENTIFIED
        )
    ):
        return None  # told nowhere, the act can only name who did an act told elsewhere
    # "في آب الماضي"، "قبل أيام"، "الأسبوع الماضي": a month, a time or a week ago recalls an
    # act (codebook: background); so does a stretch before another act ("بعد أسبوع من هجوم")
    assert doc.norm is not None
    recalled = bool(
        date_mention
        and date_mention.value.past_reference
        and (
            date_mention.value.precision == 3
            or date_mention.value.on_act
            or doc.norm.text[date_mention.start : date_mention.end].startswith(AGO)
            or (reference and (reference - date_mention.value.date).days >= NEWS_DAYS)
        )
    )
    # "في التاسع من نيسان" in a report of July: news is of the last days, an act dated weeks
    # before the report is background to it
    long_before = bool(
        date_mention and reference and (reference - date_mention.value.date).days > NEWS_DAYS
    ) or bool(
        # a weekday beside a past year is the day it was talked about; a year "منذ" opens is
        # when a state began ("المحاصرة منذ عام 2013"), no day of the act
        reference
        and any(
            year < reference.year and (date_mention is None or date_mention.value.date.year != year)
            for year in own_years
        )
    )
    background = historical or recalled or long_before
    if background and _a_campaign_begun(doc, chosen, start):
        return None  # "وبدأت تركيا في 20 يناير هجوما على منطقة عفرين": no one act
    return _Act(
        trigger=chosen,
        clause=clause,
        roles=roles,
        places=event_places,
        fatalities=deaths,
        date_mention=date_mention,
        historical=background,
        historical_cue=frame.historical_cue,
        alleged=deaths is None and _alleged(chosen, context.index.within("cue", start, end)),
        in_syria=in_syria,
        own_day=happened is not None,
        year_only=year_only,
        separate=any(
            c.value == "separate" for c in context.index.within("cue", clause[0], chosen.start)
        ),
    )


def _act_day(day: Mention | None, year_only: int | None, reference: date | None) -> date | None:
    """The day an act's sides are named on: the year's middle when only a past year is told,
    else the day told, else the report's."""
    if year_only is not None:
        return date(year_only, 7, 1)
    return day.value.date if day is not None else reference


def _day_it_was_said(doc: Document, day: Mention, act: Mention, sentence_start: int) -> bool:
    """ "قال المتحدث، يوم الاثنين، إن ..."، "أعلنت الرئاسة ليل الاثنين أن ...": a day between a
    verb of saying and the "أن" that opens what was said is the day of the saying."""
    return _in_the_saying(doc, day, act, sentence_start, quoted=False)


def _in_the_saying(
    doc: Document, mention: Mention, act: Mention, sentence_start: int, *, quoted: bool
) -> bool:
    """Whether ``mention`` stands between a verb of saying and the "أن" (or, if ``quoted``,
    the quotation mark) that opens what was said, with the act after it."""
    assert doc.norm is not None
    if not mention.end <= act.start or not said_between(doc, sentence_start, mention.start):
        return False
    between = doc.norm.text[mention.end : act.start]
    return (quoted and any(q in between for q in QUOTES.strip())) or any(
        word in said_openers() for word in between.split()
    )


def _earlier_act(
    doc: Document, triggers: list[Mention], cues: list[Mention], end: int
) -> tuple[int, int]:
    """Where a clause tells an earlier act than its own: from an act named right after
    "بعد/عقب/غداة" ("الغارات التي تأتي بعد هجوم كيميائي") to the end of its phrase, when the
    clause names a specific act of its own before it; empty otherwise."""
    assert doc.norm is not None
    text = doc.norm.text
    for cue in cues:
        if cue.value != "prior":
            continue
        named = [
            t
            for t in triggers
            if 0 <= t.start - cue.end <= DURATION_REACH
            and _only_a_duration(
                text[cue.end : t.start - len(clitics_before(text, t.start))].strip(QUOTES),
                conjoined=clitics_before(text, t.start).startswith(CONJUNCTION),
            )
        ]
        before = [t for t in triggers if t.start < cue.start and t.value.kind not in GENERIC_KINDS]
        if named and before:
            comma = text.find(",", cue.end, end)
            return cue.start, comma if comma != -1 else end
    return end, end


def _strongest(doc: Document, triggers: list[Mention], deaths: Mention | None) -> Mention:
    """The trigger that names the act: the highest priority, violence first on a tie.

    A generic attack word with no one killed does not outweigh a named move told before it: in
    "أوقفت عملية تمشيط ... استهدفت محيط منطقة البشري" the sweep is the act, "استهدفت" only its
    object.
    """
    ranked = sorted(
        triggers, key=lambda t: (t.value.priority, t.value.violent, -t.start), reverse=True
    )
    # the move is told first; one told after the attack ("هجوما ... استهدف مقاتلين بينهم جماعة
    # قالت مصادر إنها تلقت تدريبات") describes who was attacked
    moves = [t for t in ranked if not t.value.violent and t.start < ranked[0].start]
    if ranked[0].value.kind in GENERIC_KINDS and deaths is None and moves:
        return moves[0]
    # "قُتل أحد مقاتلي العشائر برصاص قناص تمركز على سطح مبنى البلدية": a move's verb right
    # after an indefinite noun, told after a killing, describes the killer; the death is the act
    # (not "لقي مصرعه خلال عمليات التمشيط": the operation it was killed in)
    killings = [t for t in ranked if t.value.violent and t.start < ranked[0].start]
    if (
        deaths is not None
        and not ranked[0].value.violent
        and killings
        and _describes_the_noun_before(doc, ranked[0])
    ):
        return killings[0]
    # "عثرت على مستودع أسلحة ... وصادرت محتوياته": what is seized is weapons, kept from use;
    # so is what is taken over right after the word ("السيطرة على مستودعات أسلحة")
    caches = [t for t in ranked if t.value.sub_event_type == WEAPONS_DISRUPTED]
    assert doc.norm is not None
    # "القبض على خلية ... وضبط أسلحة وعبوات ناسفة": a weapon joined to what is seized is
    # seized too, not set off; the act is the rest's
    seized = [t for t in ranked if caches and _seized_with(doc, t, caches)]
    if seized and len(seized) < len(ranked):
        ranked = [t for t in ranked if t not in seized]
    if ranked[0].value.sub_event_type == LOOTING and caches:
        return caches[0]
    # "تجددت الاشتباكات ... حيث فجر انتحاري عربة مفخخة": a bomb set off in a battle told
    # before it is part of the battle (codebook)
    fought = [
        t
        for t in ranked
        if t.value.sub_event_type == ARMED_CLASH
        and t.value.kind == "event"
        and t.start < ranked[0].start
    ]
    if ranked[0].value.sub_event_type in PLANTED and fought:
        return fought[0]
    # "إحباط هجوم بطائرات دون طيار مفخخة": the weapon named right after a foiling is the one
    # kept from use, not an explosion
    foiled = [
        c
        for c in caches
        if ranked[0].value.event_type == REMOTE_VIOLENCE
        and 0 <= ranked[0].start - c.end <= TAKEN_REACH
        and "," not in doc.norm.text[c.end : ranked[0].start]
    ]
    if foiled:
        return foiled[0]
    if ranked[0].value.kind == "takeover":
        text = doc.norm.text
        taken = [
            c
            for c in caches
            if 0 <= c.start - ranked[0].end <= TAKEN_REACH
            and text[ranked[0].start : c.start].split()[-1:] == [ON_WORD]
        ]
        if taken:
            return taken[0]
    return ranked[0]


def _joined_by_wa(doc: Document, start: int) -> bool:
    """Whether the place starting at ``start`` is joined to what comes before by "و", glued on
    ("وإدلب") or on its preposition ("وفي محيط بلدة الطيرة")."""
    assert doc.norm is not None
    text = doc.norm.text
    if clitics_before(text, start).startswith(CONJUNCTION):
        return True
    before = text[max(0, start - JOINED_REACH) : start].split()
    return bool(before) and before[-1] in JOINED_PREPOSITIONS


JOINED_REACH = 8  # characters back to the word before a place: "وفي "
JOINED_PREPOSITIONS = frozenset(CONJUNCTION + p for p in ("في", "علي", "الي", "قرب"))


def _describes_the_noun_before(doc: Document, trigger: Mention) -> bool:
    """Whether the word before a trigger is an indefinite noun (no article, no particle) that
    the trigger's verb describes: "قناص تمركز"."""
    _, at = doc.tokens_between(0, trigger.start)
    if at == 0 or _with_article(doc, trigger):
        return False  # "خلال عمليات التمشيط": a noun, the operation told, no describing verb
    word = doc.tokens()[at - 1].text
    return not word.startswith(ARTICLE) and word not in word_set("function_words.tsv")


def _seized_with(doc: Document, weapon: Mention, caches: list[Mention]) -> bool:
    """Whether a weapon is joined by "و" to what a seizure names ("ضبط أسلحة وعبوات ناسفة")."""
    assert doc.norm is not None
    text = doc.norm.text
    return weapon.value.event_type == "Explosions/Remote violence" and any(
        0 <= weapon.start - c.end <= TAKEN_REACH
        and "," not in text[c.end : weapon.start]
        and clitics_before(text, weapon.start).startswith(CONJUNCTION)
        for c in caches
    )


LOOTING = "Looting/property destruction"
WEAPONS_DISRUPTED = "Disrupted weapons use"
TAKEN_REACH = 30  # characters to what is taken: "سيطرت قوات الأمن العام على مستودع"
ON_WORD = normalise_key("على")


def _adds_to_it(context: _Context, start: int) -> bool:
    """Whether the clause at ``start`` opens with "كما" (discourse_cues kind continues) and a
    verb that may share a subject: not a verb of dying, read passive ("كما قتل 36 شخصا")."""
    cue = next(
        (c for c in context.index.starting("cue", start, start + 2) if c.value == ADDS_TO_IT),
        None,
    )
    if cue is None:
        return False
    assert context.doc.norm is not None
    following = context.doc.norm.text[cue.end : cue.end + VERB_REACH].split()[:1]
    return not following or normalise_key(following[0]) not in death_phrases()


VERB_REACH = 20  # characters after "كما" that hold the verb


def _with_carried_actor(roles: Roles, index: MentionIndex, start: int, on: date | None) -> Roles:
    """A strategic move told without its actor keeps the actor named just before it."""
    earlier = index.within("actor", start - CARRY_WINDOW, start)
    if not earlier:
        return roles
    carried = earlier[-1]
    return Roles(
        resolve_actor(carried.value, on),
        roles.actor2,
        roles.suspected,
        carried,
        roles.actor2_mention,
    )


def _claimed_by(context: _Context, clause: tuple[int, int]) -> Actor | None:
    """ "فيما أعلن تنظيم داعش عن مسؤوليته عن هذه العملية": who claimed the act just told."""
    start, end = clause
    claims = [c for c in context.index.within("role_cue", start, end) if c.value == "agent_before"]
    if not claims:
        return None
    claimants = context.index.within("actor", start, claims[0].start)
    return resolve_actor(claimants[-1].value, context.reference) if claimants else None


def _inside_a_name(doc: Document, trigger: Mention, index: MentionIndex) -> bool:
    """ "تحرير" in "هيئة تحرير الشام" names a group, not a takeover; "غارة" in "غارة إسرائيلية"
    and "القصف" in "القصف الإسرائيلي" open the name (with their clitics) and are still the act."""
    assert doc.norm is not None
    word_start = trigger.start - len(clitics_before(doc.norm.text, trigger.start))
    return any(
        trigger.end <= a.end
        for a in index.starting("actor", trigger.start - MAX_NAME_CHARS, word_start)
    )


def _part_of_the_toll(doc: Document, toll_end: int, end: int) -> tuple[int, int]:
    """ "بينهم 100 بغاز سام": the part of a toll named right after it (quantity_modifiers.tsv,
    effect inclusive), its count and the few words after it up to a comma or a function word;
    empty when none is named. "بينهم 5 أطفال في ضربات جوية"، "بينهم طفلان في قصف" (the dual
    is its own count): the act is told after the part, from its preposition on."""
    assert doc.norm is not None
    first, last = doc.tokens_between(toll_end, end)
    tokens = doc.tokens()
    inclusive = word_set("quantity_modifiers.tsv", "phrase", kind="inclusive", kind_column="effect")
    opening = word_set("function_words.tsv")
    for at in range(first, min(last, first + PART_REACH)):
        if any(variant.form in inclusive for variant in token_variants(tokens[at].text)):
            words = range(at + 1, min(last, at + PART_WORDS + 1))
            stop = next((tokens[i].start for i in words if tokens[i].text in opening), None)
            if stop is None:
                stop = tokens[words[-1]].end if words else tokens[at].end
            comma = doc.norm.text.find(",", tokens[at].end, stop)
            return tokens[at].start, stop if comma == -1 else comma
    return end, end


PART_REACH = 3  # words between a toll and "بينهم": "مقتل 160 مدنيا، بينهم"
PART_WORDS = 3  # the part's words: "بينهم 100 بغاز سام"، not "بينهم 5 أطفال في ضربات"


def _fatalities_of(
    doc: Document, start: int, end: int, planned: tuple[int, int], earlier: tuple[int, int]
) -> Mention | None:
    """The figure of a clause: a precise count beats a vague one, the larger beats the smaller.

    Deaths told in the ``planned`` part of the clause (a plan or a denial: "نفى وقوع أي
    قتلى") or of an ``earlier`` act ("غداة مقتل 9 مدنيين") are not this act's.
    """
    found = [
        m
        for m in find_fatalities(doc, start, end)
        if m.value.count is not None
        and not planned[0] <= m.start < planned[1]
        and not earlier[0] <= m.start < earlier[1]
        and not dead_since_a_weekday(doc, m.start, m.end)
    ]
    if not found:
        return None
    return max(found, key=lambda m: (not m.value.vague, m.value.count))


def _civilian_dead(doc: Document, act: _Act) -> bool:
    """Whether the act's toll counts people or civilians ("مقتل 40 مدنيا")."""
    toll = act.fatalities
    return toll is not None and civilian_toll(doc.span(toll.start, toll.end).text)


def _accounts_of(doc: Document, act: _Act, number: int, reference: date | None) -> list[Account]:
    """The act at each of its places; ``number`` tells this act's accounts from the others."""
    assert doc.norm is not None
    trigger: Trigger = act.trigger.value
    actor1: Actor | None = act.roles.actor1
    actor2: Actor | None = act.roles.actor2
    if (
        actor1 is not None
        and actor1.inter == CIVILIAN_INTER
        and trigger.event_type not in ("Protests", "Riots")
    ):
        actor2 = actor2 or actor1  # civilians are never the armed side of an attack
        actor1 = None
    if trigger.event_type == "Riots" and actor2 is not None and actor2.inter == PROTESTER_INTER:
        # "اقتحم محتجون مقر الحزب": the protesters named are the rioters, no side they hit; a
        # force named beside them is the one they met (ACLED: rioters first)
        armed = actor1 is not None and actor1.inter not in UNARMED_INTERS
        actor1, actor2 = None, actor1 if armed else None
    if trigger.violent and actor1 is None and trigger.kind not in DETENTION_KINDS:
        # "قصف بالبراميل المتفجرة": a means only one side uses names it
        default = trigger.used_by or DEFAULT_ACTOR1.get(trigger.event_type, UNIDENTIFIED)
        actor1 = actors_by_name().get(default)
    if actor2 == actor1:
        actor2 = None  # one side named twice is not a fight with itself
    if (
        actor2 is None
        and actor1 is not None
        and actor1.inter == FOREIGN_INTER
        and trigger.event_type == "Explosions/Remote violence"
        and any(doc.find(military_site_matcher(), *act.clause))
    ):
        # a foreign state's strike on a military site in Syria hits the state's forces
        on = _act_day(act.date_mention, act.year_only, reference)
        actor2 = resolve_actor(state_forces(), on)
    if trigger.kind == "takeover" and actor2 is not None and actor2.inter == CIVILIAN_INTER:
        actor2 = None  # ground is taken from an armed side: "القرى والمزارع" are no victims
    if actor2 is None and trigger.violent and trigger.victims:
        # "مجزرة"، "أعدم": civilians unless others are named, and so an attack on them
        actor2 = actors_by_name().get(trigger.victims)
    event_type, sub_event_type = _finish_type(trigger, actor1, actor2)
    if event_type == "Protests":  # ACLED: the protesters first, a force that intervened second
        # "تظاهر العشرات من أهالي مدينة السويداء": the residents are the protesters themselves
        forces = [
            a for a in (actor1, actor2) if a and a.name != PROTESTERS and a.inter != CIVILIAN_INTER
        ]
        actor1, actor2 = actors_by_name().get(PROTESTERS), (forces[0] if forces else None)
    if event_type == "Violence against civilians" and actor2 is None:
        actor2 = actors_by_name().get(CIVILIANS)
    if (
        actor2 is None
        and act.roles.holder is not None
        and sub_event_type not in DEFAULT_ACTOR2
        and not _civilian_dead(doc, act)
    ):
        # "قصف على جيب تسيطر عليه المعارضة": the side holding it; gas and the dead civilians
        # ("دوما الخاضعة لسيطرة المعارضة") strike the people there
        actor2 = act.roles.holder
    places: list[Mention | None] = list(act.places) or [None]
    count = act.fatalities.value.count if act.fatalities and trigger.violent else 0
    share = count // (len(places) * act.acts_told) if count else 0
    own_tolls = _tolls_by_place(doc, act) if trigger.violent else {}
    date_value = act.date_mention.value if act.date_mention else None
    if act.year_only is not None:
        # only the year is told: its middle, at the coarsest precision (a month or more)
        event_date, precision = _act_day(None, act.year_only, reference), 3
    elif date_value is not None:
        event_date, precision = date_value.date, date_value.precision
    elif reference is not None:
        event_date, precision = reference, 2
    else:
        event_date, precision = None, None
    ally = (
        resolve_actor(act.roles.ally_mention.value, event_date)
        if act.roles.ally_mention is not None
        else None
    )
    accounts = []
    for place_mention in places:
        toll = own_tolls.get(place_mention.start) if place_mention is not None else None
        if own_tolls:
            told = toll
            fatalities = toll.value.count if toll is not None else 0
        else:
            told, fatalities = act.fatalities, share
        event = Event(
            doc_id=doc.id,
            event_type=event_type,
            sub_event_type=sub_event_type,
            disorder_type=DISORDER_TYPES[event_type],
            event_date=event_date.isoformat() if event_date else None,
            time_precision=precision,
            fatalities=fatalities,
            fatalities_text=doc.span(told.start, told.end).text if told else None,
            historical=act.historical,
            civilian_targeting=bool(actor2 and actor2.inter == CIVILIAN_INTER),
            assoc_actor_1=ally.name if ally is not None and ally != actor1 else None,
        )
        _set_actors(event, actor1, actor2)
        if place_mention is not None:
            _set_place(event, doc, place_mention)
        event.evidence = _evidence(doc, act, place_mention)
        accounts.append(
            Account(
                event,
                trigger,
                number,
                place_mention.value if place_mention is not None else None,
                dated=date_value is not None,
                own_day=act.own_day,
                reference=_definite(doc, act.trigger) or act.alleged,
                alleged=act.alleged,
                suspected=act.roles.suspected,
                place_at=place_mention.start if place_mention is not None else -1,
                listed=place_mention is not None and _joined_by_wa(doc, place_mention.start),
                another=named_another(doc, act.trigger),
                separate=act.separate,
                in_syria=act.in_syria,
                plural_toll=told is not None and told.value.vague and (told.value.count or 0) <= 2,
                risen_toll=told is not None and told.value.risen,
                before_report=bool(
                    date_value
                    and reference
                    and (reference - date_value.date).days >= DAYS_BEFORE_NEWS
                ),
                shared_toll=count if not own_tolls else 0,
                toll_sharers=act.acts_told,
                toll_places=len(places),
            )
        )
    return accounts


def _tolls_by_place(doc: Document, act: _Act) -> dict[int, Mention | None]:
    """ "سقط 20 قتيلا في بلدة معرة مصرين، كما سقط 6 قتلى في بلدة دارة عزة": each place of the
    act with the count told just before it, by where the place starts (None for a count of the
    days since a weekday); empty unless two places at least have their own (a single figure for
    several places is their total)."""
    if len(act.places) < 2:
        return {}
    counts = [
        m
        for m in find_fatalities(doc, *act.clause)
        if m.value.count is not None and not m.value.vague
    ]
    tolls: dict[int, Mention | None] = {}
    after = act.clause[0]
    for place in sorted(act.places, key=lambda p: p.start):
        before = [m for m in counts if after <= m.start and m.end <= place.start]
        if before:
            # "ومقتل 62 عنصرا ... منذ الاثنين ... حي القدم": the dead of days, none of one act
            summed = dead_since_a_weekday(doc, before[-1].start, before[-1].end)
            tolls[place.start] = None if summed else before[-1]
        after = place.end
    return tolls if len(tolls) >= 2 else {}


def _a_campaign_begun(doc: Document, trigger: Mention, clause_start: int) -> bool:
    """Whether an attack's noun is what a verb or noun of starting begins, a few words before it
    in its clause ("وبدأت تركيا في 20 يناير هجوما"، "وبدأت الحكومة هجومها على الغوطة قبل نحو
    شهر"): an offensive begun weeks before the report is a campaign, no act of one day."""
    if trigger.value.kind not in GENERIC_KINDS:
        return False
    assert doc.norm is not None
    # the words of its day ("في 20 كانون الثاني/يناير") and an aside between commas ("، بدعم
    # من فصائل سورية موالية لها،") take no room between the verb and the noun
    told = COMMA_ASIDE.sub(" ", doc.norm.text[clause_start : trigger.start]).replace("/", " ")
    dated = day_words()
    words = [w for w in told.split() if not (w.isdigit() or w in dated)][-CAMPAIGN_WORDS:]
    starts = word_set("durations.tsv", kind="start")
    return any(word.removeprefix("و") in starts for word in words)


CAMPAIGN_WORDS = 5  # "وبدأت تركيا في ... هجوما": the verb, its subject, a preposition of its day
COMMA_ASIDE = re.compile(r",[^,]*,")


def _definite(doc: Document, trigger: Mention) -> bool:
    """ "الهجوم"، "بالقصف"، "للغارات"، "الهجوم الكيماوي": an act noun with the article names an
    act already known."""
    assert doc.norm is not None
    text = doc.norm.text
    prefix = clitics_before(text, trigger.start)
    noun = text[trigger.start : trigger.end].split()[0]
    return (prefix.endswith(ARTICLE) or prefix.endswith("لل")) and noun in act_nouns()


def _alleged(trigger: Mention, cues: list[Mention]) -> bool:
    """ "هجوم كيميائي مزعوم"، "ما يشتبه في أنه هجوم"، "ما وصف بأنه هجوم": an act named as an
    allegation is the act under discussion, known already; its day may be the day of the talk.
    The cue (of the clause's ``cues``) stands right after the trigger or within a few words
    before it. An allegation told with its dead ("قتل سبعون إثر ما يشتبه في أنه هجوم
    كيميائي") is the news itself: the caller asks only of an act with no toll."""
    return any(
        cue.value == "alleged"
        and (
            0 <= cue.start - trigger.end <= ALLEGED_REACH
            or 0 <= trigger.start - cue.end <= ALLEGED_REACH
        )
        for cue in cues
    )


ALLEGED_REACH = 12  # characters: an adjective after the act noun, a phrase before it


def _finish_type(trigger: Trigger, actor1: Actor | None, actor2: Actor | None) -> tuple[str, str]:
    """ACLED type and sub-type once the actors are known."""
    protesters = actor2 is not None and actor2.inter == PROTESTER_INTER
    if trigger.kind in ("attack", "killing"):
        if protesters:  # "أطلقت قوات النظام الرصاص الحي على متظاهرين"
            return "Protests", "Excessive force against protesters"
        if actor2 is not None and actor2.inter == CIVILIAN_INTER:
            return "Violence against civilians", "Attack"
        return "Battles", ARMED_CLASH
    if trigger.kind == "takeover":
        state = actor1 is not None and actor1.inter == STATE_INTER
        return (
            "Battles",
            "Government regains territory" if state else "Non-state actor overtakes territory",
        )
    if trigger.kind in DETENTION_KINDS:
        if protesters:  # "اعتقلت قوات النظام عدداً من المتظاهرين"
            return "Protests", "Protest with intervention"
        if state_force(actor1):
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
        (act.roles.ally_mention, "assoc_actor_1"),
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
