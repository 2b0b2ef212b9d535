"""Incidents: the tellings of one act in a report become one event per place.

A report tells its news more than once: in the lead, in an observatory's quote, in a later
paragraph, each time naming the place differently (the town, then its countryside or its
district) and giving some fields and not others (the side in one sentence, the means or the
toll in another). Assembly makes an ``Account`` of each act at each place; this stage groups
the accounts into incidents and makes the events of each incident from all its accounts.

A later account joins an incident when they can be one act: a compatible type (a generic
"هجوم" fits any violent act; air and missile strikes are one family; a chemical attack joins
only another telling of one; a side's withdrawal joins the battle or takeover it ended),
compatible places (the same place, one inside the other — a
village and its district, countryside or governorate; a bare governorate town for its
province, "دمشق" with Rural Damascus; two places a few km apart, unless one telling is news
and the other background — or no place), overlapping day windows, and no
conflicting sides (named attackers of one camp, camps.tsv, do not conflict; nor do two
tellings of an interception; nor do the targets of two tellings of one strike from afar, which
reports name differently: "مقرات تابعة لفصائل معارضة" in the lead, "مقرات لهيئة تحرير الشام"
in the observatory's quote). An act named with the
article ("الهجوم الكيماوي على دوما") refers to one already known: the day in its clause is
often the day it was talked about ("أعلن الاثنين أن الهجوم"), so its day does not keep it
apart; nor does the report's date, a default for an account that tells none. Accounts of
one clause's act at two places are never joined: two villages named as targets stay two
events; nor are the acts of two means told in one phrase ("قصفا بريا وجويا": a shelling and
an air strike). A strike and its interception by the side struck are one act.

Once events are made, an act told only at its governorate ("في ريف حماة") folds into the
event of the same type, day and attacker told at a place inside it ("مقر اللواء 47 في ريف
حماة الجنوبي"), even when the tellings fell into two incidents (``fold_province_tellings``).

An account placed nowhere ("واتهمت واشنطن القوات الحكومية بشن الهجوم الكيميائي") gives no
event: when no telling of an incident names who did it, it names the side (and the day, if
none is told) of the incident it fits, the nearest told before it first. Assembly reads such
clauses only then (``unnamed``, ``name_sides``).

Each event takes, from all the accounts of its incident:
    event_type, sub_event_type  the most specific trigger (means over a generic attack); a
                                strike told only by its interception is the strike; a
                                generic attack by a side that fights only from afar is its
                                strike (remote_sides.tsv)
    actor1, actor2              a named side over the unidentified default (an account
                                placed nowhere may name the attacker); a target no
                                telling names is the people, for chemical weapons or a
                                strike or an attack whose dead are told as people
                                (civilian_victims.tsv), or the side a foreign state's
                                strikes hit (strike_targets.tsv);
                                in a strike, a second side of the striker's camp is its ally
                                (assoc_actor_1), not its target (camps.tsv)
    event_date, time_precision  the most precise date told, a telling's before a reference's
                                (whose own day is the week it falls in: precision 2)
    location and admin fields   the most specific place (one event per such place)
    fatalities                  the most conservative toll told for that place (codebook),
                                or the latest of a count that rose ("ارتفعت الحصيلة إلى");
                                a toll told for all of an act's places is divided among the
                                events the act ends in (``share_tolls``), not its places
    historical                  as the first telling frames it (news, or a recall)
    evidence                    every account's spans
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from rasad.extractors.actors import (
    CIVILIANS,
    STATE_INTER,
    UNIDENTIFIED,
    actors_by_name,
    civilian_toll,
    interaction_code,
    one_camp,
    remote_means,
    strike_target,
)
from rasad.extractors.places import direction_cues
from rasad.extractors.triggers import (
    AIR_DEFENCE,
    ARMED_CLASH,
    CHEMICAL,
    DISORDER_TYPES,
    FROM_AFAR,
    GENERIC_KINDS,
    RAID,
    REMOTE_VIOLENCE,
    WITHDRAWAL,
    Trigger,
    bare_explosion_priority,
)
from rasad.geocode import AROUND, place_distance_km
from rasad.model import Actor, Event, Place, PlaceMention, Span
from rasad.normalise import normalise_key

VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
ARMED_TYPES = ("Battles", REMOTE_VIOLENCE, VIOLENCE_AGAINST_CIVILIANS)
PROTESTS = "Protests"
# Sub-types that a report tells as a reaction to another act: an interception is the strike's
INTERCEPTION = "Disrupted weapons use"
AIR_STRIKE = "Air/drone strike"
# Means that strike whoever is there: with no target told, ACLED codes the people hit
DEFAULT_ACTOR2 = {CHEMICAL: CIVILIANS}
NEWS_DAYS = 7  # how far back a report's own news reaches: acts dated earlier are background
WINDOW_DAYS = {1: 0, 2: 7, 3: 15}  # half-width of the day window of a time_precision
BESIDE_KM = 5.0  # an airport and the town it is named after
OUTSKIRTS_KM = 10.0  # "محيط"، "قرب"، "أطراف" a town: what lies around it
REGION_KM = 60.0  # a desert, mountain, region or countryside and the places inside it
NAMESAKE_KM = 60.0  # a place this far from the town it is said to lie by is another place
CONTAINER_KINDS = {"admin1": "admin1_pcode", "admin2": "admin2_pcode", "admin3": "admin3_pcode"}
AREA_KINDS = frozenset({"desert", "mountain", "region", "zone"})


@dataclass(slots=True)
class Account:
    """One act of a report told at one place (or at none): an event before incidents.

    ``act`` numbers the clause's act, so that its places are never joined to each other;
    ``dated`` says the date was told, not taken from the publication; ``reference`` says the
    act is named with the article ("الهجوم"، "القصف"), as something already known;
    ``suspected`` that its side is only suspected ("يرجح أنها تتبع").
    """

    event: Event
    trigger: Trigger
    act: int
    place: PlaceMention | None
    dated: bool
    reference: bool
    suspected: bool = False
    alleged: bool = False  # named as an allegation with no dead of its own ("الهجوم المفترض")
    own_day: bool = False  # its date is told as the act's ("التي وقعت في 7 نيسان")
    place_at: int = -1  # where the place is named in the normalised text
    listed: bool = False  # its place joined by "و" to another ("سراقب وإدلب"): a target of its own
    in_syria: bool = False  # told in Syria at no place more specific ("غارات على سوريا")
    # its dead told only by a bare plural ("قتلى"، "ضحايا"): 2 is the cautious floor, not a count
    plural_toll: bool = False
    # its toll told as a count that rose ("ارتفعت حصيلة الضحايا إلى 12"): the latest figure
    risen_toll: bool = False
    before_report: bool = False  # its day, told, is some days before the report's
    # the act it is told as days before ("بعد أيام من هجوم"), which it can never be
    before_act: int | None = None
    # one toll told for all the act's places ("قتل 36 ... في جنوب دمشق ... في حي القدم"): the
    # count, and how many acts its words tell; shared among the events the act ends in
    shared_toll: int = 0
    toll_sharers: int = 1
    toll_places: int = 1  # the act's places, among which assembly divided the toll at first
    # another act told in the same words as act ``twin_of`` ("قصفا بريا وجويا": the shelling
    # and the air strike), never one incident with it
    twin_of: int | None = None
    # its noun says it is another act ("وقتل عنصر في هجوم آخر للتنظيم في 15 يونيو"): with a
    # day told that differs, it is no later telling of an act told before
    another: bool = False
    # told as a separate incident ("وفي حادثة منفصلة"): no later telling of an act told before
    separate: bool = False

    @property
    def generic(self) -> bool:
        return self.trigger.kind in GENERIC_KINDS


@dataclass(slots=True)
class Incident:
    """The accounts of one act in a report, in the order they are told."""

    accounts: list[Account] = field(default_factory=list)
    # tellings placed nowhere that name who did it ("اتهمت واشنطن النظام بشن الهجوم الكيميائي")
    namers: list[Account] = field(default_factory=list)


def group(accounts: list[Account]) -> list[Incident]:
    """Incidents of a report's accounts, in the order their first account is told.

    An incident told only by references to a generic attack ("دان الهجوم"، "منذ الهجوم")
    with no toll is an act talked about, not told, and is left out.
    """
    incidents: list[Incident] = []
    by_act: dict[int, Incident] = {}
    placed = [a for a in accounts if not a.in_syria]
    for account in placed + [a for a in accounts if a.in_syria]:
        if account.in_syria and account.act not in by_act:
            # told only "in Syria": a telling of an incident placed elsewhere names its side,
            # else it is an incident of its own, placed nowhere more specific
            fits = [i for i in incidents if i.accounts[0].place and _joins(account, i)]
            if fits:
                fits[-1].namers.append(account)
                continue
        home = by_act.get(account.act)
        if home is None:
            home = next((i for i in reversed(incidents) if _joins(account, i)), None)
        if home is None:
            home = Incident()
            incidents.append(home)
        home.accounts.append(account)
        by_act[account.act] = home
    return [i for i in incidents if not all(_talked_about(a) for a in i.accounts)]


def unnamed(incident: Incident) -> bool:
    """Whether no telling of the incident names who did it."""
    return not any(_named(a.event.actor1) for a in incident.accounts)


def name_sides(incidents: list[Incident], told_nowhere: list[Account]) -> None:
    """Each account of an act told nowhere names the side of the incident it fits, the
    nearest told before it first (accounts are numbered in the order they are told)."""
    for account in told_nowhere:
        fits = [i for i in incidents if _joins(account, i)]
        before = [i for i in fits if i.accounts[0].act < account.act]
        if fits:
            (before[-1] if before else fits[0]).namers.append(account)


def name_twins(incidents: list[Incident]) -> None:
    """The acts of two means told in one phrase ("قصفا بريا وجويا") name each other's side:
    a telling of one ("القصف التركي") that names who struck names it for the other, unless
    the other's own tellings name another."""
    by_act = {account.act: incident for incident in incidents for account in incident.accounts}
    for incident in incidents:
        for account in incident.accounts:
            twin = by_act.get(account.twin_of) if account.twin_of is not None else None
            if twin is not None and twin is not incident:
                incident.namers.extend(twin.accounts)
                twin.namers.extend(incident.accounts)


def _talked_about(account: Account) -> bool:
    return account.reference and account.generic and not account.event.fatalities


def events_of(incident: Incident) -> list[Event]:
    """One event for each most specific place of the incident, its fields from all accounts."""
    accounts = incident.accounts
    typed = _best_typed(accounts)
    if _a_bare_explosion(typed):
        # "انفجارات قرب التنف" and "غارة شنها التحالف" told nowhere: what exploded was the strike
        typed = max(
            [
                n
                for n in incident.namers
                if n.event.event_type == REMOTE_VIOLENCE
                and n.trigger.priority > typed.trigger.priority
            ],
            key=lambda n: n.trigger.priority,
            default=typed,
        )
    event_type, sub_event_type = typed.event.event_type, typed.event.sub_event_type
    disorder_type = typed.event.disorder_type
    actor1, inter1, actor2, inter2 = _sides(accounts, typed)
    named = next(
        (
            n.event
            for n in incident.namers
            if _named(n.event.actor1)
            and n.event.actor1 != actor2
            and n.event.sub_event_type != INTERCEPTION  # who intercepts did not strike
        ),
        None,
    )
    if not _named(actor1) and named is not None:
        actor1, inter1 = named.actor1, named.inter1
    if typed.trigger.kind == AIR_DEFENCE:
        # told only as met by air defences, the strike is still the act (the interception is
        # a part of it): the side that struck, on the side that intercepted
        event_type, sub_event_type = REMOTE_VIOLENCE, AIR_STRIKE
        disorder_type = DISORDER_TYPES[REMOTE_VIOLENCE]
        actor1, inter1, actor2, inter2 = _strike_met(accounts)
    dated = min(accounts, key=_date_rank)
    if not dated.dated:  # the day told with who did it ("قصفت ... امس الجمعة"), if no other
        dated = min([*incident.namers, dated], key=_date_rank)
    struck = remote_means(actor1, dated.event.event_date) if typed.generic else None
    if struck is not None and event_type != REMOTE_VIOLENCE:
        # "هجوم إسرائيلي على مطار التيفور": a side that fights in Syria only from afar
        # struck (remote_sides.tsv); it did not clash on the ground
        event_type, sub_event_type = REMOTE_VIOLENCE, struck
        disorder_type = DISORDER_TYPES[REMOTE_VIOLENCE]
    # "ويحاصر الجيش السوري وحزب الله": a second name of the subject, told with the act
    associate = next((a.event.assoc_actor_1 for a in accounts if a.event.assoc_actor_1), None)
    if (
        event_type == REMOTE_VIOLENCE
        and _named(actor1)
        and _named(actor2)
        and one_camp(actor1, actor2)
    ):
        # "قوات النظام وروسيا استهدفت"، "الطيران الروسي والسوري": allies named together
        # struck together; one camp's strike never has its ally as target
        associate, actor2, inter2 = actor2, None, None
    if associate in (actor1, actor2):
        associate = None  # a side is no ally of itself, nor of the side it struck
    untold = _untold_target(event_type, sub_event_type, actor1, typed) if actor2 is None else None
    if untold is not None:
        actor2, inter2 = untold.name, untold.inter
    # the first telling frames the act: news in the lead, background when first recalled; an
    # act only ever named as known and told days before the report is what the news answers
    historical = (
        accounts[0].event.historical
        or (all(a.reference for a in accounts) and dated.before_report)
        # "الهجوم الكيماوي المفترض على دوما" with no day and no dead told: the act the report's
        # news reacts to, known before it, when first named so
        or (accounts[0].alleged and not accounts[0].dated)
    )
    leaves = _leaves(accounts)
    events = []
    for leaf in leaves:
        here = [a for a in accounts if a is leaf or _covered_by(a, leaf, leaves)]
        event = replace(
            leaf.event,
            event_type=event_type,
            sub_event_type=sub_event_type,
            disorder_type=disorder_type,
            actor1=actor1,
            inter1=inter1,
            assoc_actor_1=associate,
            actor2=actor2,
            inter2=inter2,
            interaction=interaction_code(inter1, inter2),
            civilian_targeting=typed.event.civilian_targeting
            or leaf.event.civilian_targeting
            or actor2 == CIVILIANS,
            event_date=dated.event.event_date,
            time_precision=_precision_of(dated),
            historical=historical,
            evidence=[],
        )
        # the most conservative toll; a number told beats the floor of a bare plural ("ارتفاع
        # أعداد قتلى الضربات" ... "إلى 15 على الأقل": 15)
        counted = [a for a in here if a.event.fatalities and not a.plural_toll] or here
        toll: Event | None = None
        for account in counted:
            if _more_conservative(account.event, toll):
                toll = account.event
        # a count that rose is the latest one of the act, no figure in conflict with the first
        # ("قتل خمسة مدنيين ... وارتفعت حصيلة ضحايا القصف إلى 12": 12)
        risen = [a.event for a in counted if a.risen_toll and a.event.fatalities]
        if risen:
            toll = max(risen, key=lambda e: e.fatalities or 0)
        told = toll or leaf.event
        event.fatalities, event.fatalities_text = told.fatalities, told.fatalities_text
        if event_type == PROTESTS:
            # "خرجت مظاهرات في حمص واللاذقية ... وفي حمص، أطلق عناصر الأمن النار لتفريق
            # المحتجين": a protest and its dispersal are one event, typed by its own town's
            # tellings; the town where no one intervened keeps a peaceful protest
            _type_as(event, _best_typed(here).event)
        killed_people = _people_killed(event, typed)
        if _civilians_struck(event) or killed_people:
            civilians = actors_by_name()[CIVILIANS]
            event.actor2, event.inter2 = civilians.name, civilians.inter
            event.interaction = interaction_code(event.inter1, event.inter2)
            event.civilian_targeting = True
        if killed_people:
            event.event_type, event.sub_event_type = VIOLENCE_AGAINST_CIVILIANS, "Attack"
            event.disorder_type = DISORDER_TYPES[VIOLENCE_AGAINST_CIVILIANS]
        # a set beside the list: accounts repeat spans, and comparing each with every span
        # kept already was quadratic
        kept: set[Span] = set()
        for account in accounts + incident.namers:
            allied = associate is not None and account.event.actor2 == associate
            for span in account.event.evidence:
                if allied and span.label == "actor2":
                    span = replace(span, label="assoc_actor_1")
                if span not in kept:
                    kept.add(span)
                    event.evidence.append(span)
        events.append(event)
    return events


def share_tolls(incidents: list[Incident]) -> None:
    """Divide each toll told for all of an act's places among the events the act ends in
    (codebook: a total spread over several events is divided, not repeated): a place that
    only frames another ("في جنوب دمشق ... في حي القدم") takes no share."""
    events_of_act: dict[int, int] = {}
    for incident in incidents:
        leaves = _leaves(incident.accounts)
        for leaf in leaves:
            acts = {a.act for a in incident.accounts if a is leaf or _covered_by(a, leaf, leaves)}
            for act in acts:
                events_of_act[act] = events_of_act.get(act, 0) + 1
    for incident in incidents:
        for account in incident.accounts:
            first_share = account.shared_toll // (account.toll_places * account.toll_sharers)
            if account.shared_toll and account.event.fatalities == first_share:
                parts = max(1, events_of_act.get(account.act, 1)) * account.toll_sharers
                account.event.fatalities = account.shared_toll // parts


def _strike_met(accounts: list[Account]) -> tuple[str | None, int | None, str | None, int | None]:
    """The sides of a strike told only by its interception: the state's forces intercept
    ("تصدت الدفاعات الجوية السورية")، the other side named struck ("لعدوان إسرائيلي")."""
    striker: tuple[str, int | None] | None = None
    defender: tuple[str, int | None] | None = None
    for account in accounts:
        event = account.event
        for name, inter in ((event.actor1, event.inter1), (event.actor2, event.inter2)):
            if name is None or not _named(name):
                continue
            if inter == STATE_INTER:
                defender = defender or (name, inter)
            else:
                striker = striker or (name, inter)
    unidentified = actors_by_name()[UNIDENTIFIED]
    actor1, inter1 = striker or (unidentified.name, unidentified.inter)
    actor2, inter2 = defender or (None, None)
    return actor1, inter1, actor2, inter2


def _civilians_struck(event: Event) -> bool:
    """A strike that names no target and whose dead are told as people or civilians ("قتلت
    الغارات 30 شخصا") struck civilians."""
    return (
        event.actor2 is None
        and event.event_type == REMOTE_VIOLENCE
        and bool(event.fatalities_text)
        and civilian_toll(event.fatalities_text or "")
    )


def _people_killed(event: Event, typed: Account) -> bool:
    """An attack or a killing that names no means, done on the people ("اقتحام عناصر التنظيم
    قرى الشبكي ... حيث قتلوا عشرات السكان") or on no side named, its dead told as people ("قتل
    ثلاثة أشخاص برصاص مسلحين مجهولين"): the people were attacked, no clash."""
    if not (typed.generic and event.sub_event_type == ARMED_CLASH):
        return False
    if event.actor2 == CIVILIANS:
        return True
    return (
        event.actor2 is None
        and bool(event.fatalities_text)
        and civilian_toll(event.fatalities_text or "")
    )


def _untold_target(
    event_type: str, sub_event_type: str, actor1: str | None, typed: Account
) -> Actor | None:
    """The side acted upon when no telling names one: the people where the means strike
    whoever is there, or the side that a foreign state's strikes in Syria hit."""
    by_means = DEFAULT_ACTOR2.get(sub_event_type)
    if by_means is not None:
        return actors_by_name()[by_means]
    if event_type == REMOTE_VIOLENCE and actor1 is not None:
        return strike_target(actor1, typed.event.event_date)
    return None


def merge_twin(twin: Event, event: Event) -> None:
    """Fold ``event`` into ``twin``, the same act at the same place, day and sides told by
    another incident: its evidence, and its toll when more conservative."""
    twin.evidence.extend(s for s in event.evidence if s not in twin.evidence)
    if _more_conservative(event, twin):
        twin.fatalities, twin.fatalities_text = event.fatalities, event.fatalities_text


def fold_province_tellings(events: list[Event]) -> list[Event]:
    """ "استهداف المقر العسكري لقوات النظام في ريف حماة" ... "استهداف صاروخي تعرض له مقر اللواء
    47 في ريف حماة الجنوبي": an act told only at its governorate (precision 3) is the act of
    the same type, day and attacker told at a place inside it, however the tellings fell into
    incidents; it folds into that event."""
    kept = []
    for event in events:
        finer = next(
            (
                other
                for other in events
                if event.geo_precision == PROVINCE_PRECISION
                and other is not event
                and (other.geo_precision or PROVINCE_PRECISION) < PROVINCE_PRECISION
                and _holds(event, other)
                and other.sub_event_type == event.sub_event_type
                and other.event_date == event.event_date
                and other.historical == event.historical
                and (event.actor1 == other.actor1 or UNIDENTIFIED in (event.actor1, other.actor1))
            ),
            None,
        )
        if finer is None:
            kept.append(event)
        else:
            merge_twin(finer, event)
    return kept


PROVINCE_PRECISION = 3  # codebook geo_precision of an act told at its governorate or region


def _holds(area: Event, place: Event) -> bool:
    """Whether the place of ``place`` lies in the area ``area`` is told at: its sub-district or
    district when the area is one ("ناحية بلبل" holds no village of Jandairis's), else its
    governorate (a region is placed by its centre's units, not bounded by them)."""
    if area.admin3 is not None and area.location_en == area.admin3:
        return place.admin3_pcode == area.admin3_pcode
    if area.admin2 is not None and area.location_en == area.admin2:
        return place.admin2_pcode == area.admin2_pcode
    return area.admin1_pcode is not None and place.admin1_pcode == area.admin1_pcode


def _type_as(event: Event, told: Event) -> None:
    """Give ``event`` the type and sides of ``told``."""
    event.event_type, event.sub_event_type = told.event_type, told.sub_event_type
    event.disorder_type = told.disorder_type
    event.actor1, event.inter1, event.actor2, event.inter2 = (
        told.actor1,
        told.inter1,
        told.actor2,
        told.inter2,
    )
    event.interaction = interaction_code(event.inter1, event.inter2)


def _more_conservative(other: Event, than: Event | None) -> bool:
    """The codebook's most conservative toll: whether ``other`` tells one and ``than`` tells
    none or a larger one."""
    if not other.fatalities:
        return False
    return than is None or not 0 < (than.fatalities or 0) <= other.fatalities


def _joins(account: Account, incident: Incident) -> bool:
    """Whether ``account`` can be a later telling of the act of ``incident``."""
    if any(
        account.before_act == other.act or other.before_act == account.act
        for other in incident.accounts
    ):
        return False  # "ويأتي ذلك بعد أيام من هجوم": an earlier act than the one it follows
    if account.separate and all(other.act != account.act for other in incident.accounts):
        return False  # "وفي حادثة منفصلة، قضى طفلان": not the act told before
    if (
        account.another
        and account.dated
        and any(
            other.dated and other.event.event_date != account.event.event_date
            for other in incident.accounts
        )
    ):
        return False  # "وقتل عنصر في هجوم آخر للتنظيم في 15 يونيو": not the act told before
    return all(
        account.twin_of != other.act
        and other.twin_of != account.act
        and _types_agree(account, other)
        and _days_agree(account, other)
        and (
            _intercepts(account, other)
            or _meets(account.event, other.event)
            or _sides_agree(account.event, other.event)
            or _only_suspected(account, other)
        )
        for other in incident.accounts
    ) and any(
        # news and background told at two towns beside each other are two acts ("قُتل عنصر في
        # بلدة ذيبان" and "وكانت خلايا قد قتلت الأسبوع الماضي عضوا ... لبلدة الطيانة")
        _places_agree(
            account.place,
            other.place,
            beside=account.event.historical == other.event.historical,
        )
        for other in incident.accounts
    )


def _only_suspected(a: Account, b: Account) -> bool:
    """Whether one account only suspects who acted ("يشتبه بأنه هجوم أميركي") and the other,
    a telling of the act rather than a mention of it as known, states it ("إسرائيل نفذت
    ضربات"): a suspicion does not keep a telling apart, it yields."""
    if a.suspected == b.suspected:
        return False
    stated = b if a.suspected else a
    targets = None in (a.event.actor2, b.event.actor2) or a.event.actor2 == b.event.actor2
    return not stated.reference and targets


def _intercepts(a: Account, b: Account) -> bool:
    """Whether both accounts tell an interception: one names the side that intercepts
    ("تصدت الدفاعات الجوية")، the other the side it met ("تصدت لعدوان إسرائيلي"); neither
    keeps them apart."""
    return a.event.sub_event_type == b.event.sub_event_type == INTERCEPTION


def _meets(a: Event, b: Event) -> bool:
    """Whether one account tells a strike and the other its interception, by the side struck
    ("اتهمت وسائل إعلام سورية إسرائيل بإطلاق صواريخ" ... "أسقطت الدفاعات الجوية السورية
    صاروخين"): the side that intercepts is not the striker's, and what it met is the striker."""
    if (a.sub_event_type == INTERCEPTION) == (b.sub_event_type == INTERCEPTION):
        return False
    interception, strike = (a, b) if a.sub_event_type == INTERCEPTION else (b, a)
    defender, met = interception.actor1, interception.actor2
    if _named(defender) and one_camp(defender, strike.actor1):
        return False
    struck = strike.actor2 is None or not _named(defender) or one_camp(defender, strike.actor2)
    striker = not (_named(met) and _named(strike.actor1)) or one_camp(met, strike.actor1)
    return struck and striker


def _types_agree(a: Account, b: Account) -> bool:
    ea, eb = a.event, b.event
    if (ea.event_type, ea.sub_event_type) == (eb.event_type, eb.sub_event_type):
        return True
    if RAID in (a.trigger.kind, b.trigger.kind) and "Battles" in (ea.event_type, eb.event_type):
        return True  # "داهمت دورية منزل القيادي ... تبادل إطلاق النار مع عناصر الدورية"
    if (
        WITHDRAWAL in (a.trigger.kind, b.trigger.kind)
        and "Battles" in (ea.event_type, eb.event_type)
        and ea.historical == eb.historical
    ):
        # "سيطرت الفصائل على المطار ... فيما تمكن عشرات الجنود من الانسحاب": how it ended, both
        # news or both background ("منذ انسحاب القوات الحكومية من عفرين عام 2012" is no end of
        # the attack on Afrin the report tells)
        return True
    if ea.event_type == eb.event_type == PROTESTS:
        return True  # "خرجت مظاهرات في حمص ... أطلق عناصر الأمن النار لتفريق المحتجين": one protest
    if ea.event_type not in ARMED_TYPES and ea.sub_event_type != INTERCEPTION:
        return False
    if eb.event_type not in ARMED_TYPES and eb.sub_event_type != INTERCEPTION:
        return False
    if a.generic or b.generic:
        return True
    if CHEMICAL in (ea.sub_event_type, eb.sub_event_type):
        return False  # a chemical attack and the strikes that answer it are two acts
    if _a_bomb_and_a_strike(a, b) or _a_bomb_and_a_strike(b, a):
        return False  # "قصف مدفعي ... وفي سياق متصل انفجرت سيارة مفخخة": two acts
    # an air strike and a missile strike, a strike and its interception: one family
    families = {ea.event_type, eb.event_type} - {"Strategic developments"}
    return families == {"Explosions/Remote violence"}


PLANTED = frozenset({"Remote explosive/landmine/IED", "Suicide bomb"})


def _a_bare_explosion(account: Account) -> bool:
    """ "انفجار"، "انفجارات": what exploded is not said; a bomb or a strike may have."""
    return (
        account.event.sub_event_type in PLANTED
        and account.trigger.priority <= bare_explosion_priority()
    )


def _a_bomb_and_a_strike(bomb: Account, strike: Account) -> bool:
    """Whether ``bomb`` names a bomb (planted, driven or worn; more than a bare "انفجار",
    which may be what a strike did) and ``strike`` an air strike or shelling."""
    return (
        bomb.event.sub_event_type in PLANTED
        and not _a_bare_explosion(bomb)
        and strike.event.sub_event_type in FROM_AFAR
    )


def _days_agree(a: Account, b: Account) -> bool:
    """Overlapping day windows. A reference's day may be the day it was talked about, and an
    account with no day told has only the report's as a default, which keeps nothing apart;
    but news and background are one act only when they have days and those meet."""
    if a.reference or b.reference:
        return True
    if a.event.historical != b.event.historical:
        # news and background ("كان آخرهم ...") are one act only when their days meet; the
        # report's day, taken by untold news, meets no day told a week or more before it
        news, past = (a, b) if b.event.historical else (b, a)
        # ... nor does a day told of the news ("صباح اليوم الثلاثاء" and "وكانت عبوة مماثلة قد
        # انفجرت الأسبوع الماضي")
        told_day = not news.dated or news.event.time_precision == 1
        if past.dated and told_day and _days_apart(news.event, past.event) >= NEWS_DAYS:
            return False
        return None not in (a.event.event_date, b.event.event_date) and _days_overlap(
            a.event, b.event
        )
    return not (a.dated and b.dated) or _days_overlap(a.event, b.event)


def _days_apart(later: Event, earlier: Event) -> int:
    if not (later.event_date and earlier.event_date):
        return 0
    return (date.fromisoformat(later.event_date) - date.fromisoformat(earlier.event_date)).days


def _window(event: Event) -> tuple[date, date] | None:
    if not event.event_date:
        return None
    day = date.fromisoformat(event.event_date)
    half = timedelta(days=WINDOW_DAYS.get(event.time_precision or 1, 0))
    # at the ends of the calendar the window stops there
    early = day - half if day - date.min >= half else date.min
    late = day + half if date.max - day >= half else date.max
    return early, late


def _days_overlap(a: Event, b: Event) -> bool:
    wa, wb = _window(a), _window(b)
    if wa is None or wb is None:
        return True
    return wa[0] <= wb[1] and wb[0] <= wa[1]


def _named(actor: str | None) -> bool:
    return actor is not None and actor != UNIDENTIFIED


def _sides_agree(a: Event, b: Event) -> bool:
    """No conflicting sides: two named attackers, or two named targets, differ only when the
    accounts tell the same fight from either side, or name one camp loosely ("قوات موالية
    للحكومة" struck in the lead, "القوات الشعبية" in the next sentence)."""
    if (_named(a.actor1) and a.actor1 == b.actor2 and _struck_back(b.actor1, a.actor2)) or (
        _named(b.actor1) and b.actor1 == a.actor2 and _struck_back(a.actor1, b.actor2)
    ):
        return True
    attackers = not (_named(a.actor1) and _named(b.actor1)) or one_camp(a.actor1, b.actor1)
    # reports of one strike from afar name what it hit differently (the town's people, the
    # faction holding it, "مقرات تابعة لفصائل معارضة" then "مقرات لهيئة تحرير الشام")
    from_afar = a.sub_event_type == b.sub_event_type and a.sub_event_type in FROM_AFAR
    targets = from_afar or a.actor2 is None or b.actor2 is None or one_camp(a.actor2, b.actor2)
    return attackers and targets


def _struck_back(striker: str | None, struck: str | None) -> bool:
    """Whether the side that struck the attacker is the side the attacker struck (or is not
    named): one fight told from either side. "هجوم مضاد شنه تنظيم داعش على مواقع قسد" and
    "غارات التحالف على مواقع التنظيم" are two acts of two sides against it."""
    return not (_named(striker) and _named(struck)) or one_camp(striker, struck)


def _places_agree(a: PlaceMention | None, b: PlaceMention | None, *, beside: bool = True) -> bool:
    """The same place, one inside the other, or (with ``beside``) two within a few km."""
    if a is None or b is None or a.place.id == b.place.id:
        return True
    return (
        _contains(a, b.place)
        or _contains(b, a.place)
        or (beside and place_distance_km(a.place, b.place) <= BESIDE_KM)
    )


def _contains(area: PlaceMention, place: Place) -> bool:
    """Whether the mention ``area`` names a region that holds ``place``: a governorate or
    district, a desert or mountain around it, a town's countryside ("ريف حلب")."""
    code = CONTAINER_KINDS.get(area.place.kind)
    if code is not None:
        return getattr(area.place, code) is not None and getattr(area.place, code) == getattr(
            place, code
        )
    if area.precision >= 3 or _names_its_governorate(area):
        # only the governorate is told ("قرية بمحافظة حلب"), or a bare name that is also its
        # governorate's, which reports use for the province ("قاعدة جوية قرب حمص" is T4)
        province = area.place.admin1_pcode
        return province is not None and place.admin1_pcode in (province, AROUND.get(province))
    if not _on_its_side(area, place):
        return False  # "شرقي مدينة السويداء" holds nothing to the town's west
    if area.place.kind in AREA_KINDS or area.widens:
        reach = REGION_KM
    elif place.kind in AREA_KINDS:
        return False  # "ضواحي دوما" holds no region ("الغوطة الشرقية"), however near its point
    elif area.precision >= 2:
        reach = OUTSKIRTS_KM
    else:
        return False
    return (
        area.place.admin1_pcode == place.admin1_pcode
        and place_distance_km(area.place, place) <= reach
    )


def _on_its_side(area: PlaceMention, place: Place) -> bool:
    """Whether ``place`` lies on the side of the town that a direction cue names ("شرقي"،
    "جنوب غرب"); any place does for other cues."""
    if normalise_key(area.cue) not in direction_cues():
        return True
    north = place.latitude - area.place.latitude
    east = place.longitude - area.place.longitude
    sides = {"شمال": north > 0, "جنوب": north < 0, "شرق": east > 0, "غرب": east < 0}
    return all(lies for stem, lies in sides.items() if stem in area.cue)


def _names_its_governorate(mention: PlaceMention) -> bool:
    """ "حمص"، "قرب حمص": a governorate's main town named bare or by its outskirts, whose
    name is the governorate's too (not one side of the town: "حي المقوس شرقي مدينة السويداء")."""
    place = mention.place
    bare_or_near = not mention.cue or (
        mention.precision == 2
        and not mention.widens
        and normalise_key(mention.cue) not in direction_cues()
    )
    return bare_or_near and place.kind != "admin1" and place.name_en == place.admin1


def _best_typed(accounts: list[Account]) -> Account:
    """The account whose trigger names the act best: a specific act over a generic attack or
    a reference to it, an act over its interception, then the strongest trigger, then the first
    told; a withdrawal only when nothing else is told (it ends the battle it joined)."""
    return min(
        enumerate(accounts),
        key=lambda pair: (
            pair[1].trigger.kind == WITHDRAWAL,
            pair[1].generic,
            pair[1].event.sub_event_type == INTERCEPTION,
            -pair[1].trigger.priority,
            pair[0],
        ),
    )[1]


def _sides(
    accounts: list[Account], typed: Account
) -> tuple[str | None, int | None, str | None, int | None]:
    """actor1 and actor2: the typed account's, with a named side of any account filling the
    unidentified default or a missing target."""
    actor1, inter1 = typed.event.actor1, typed.event.inter1
    actor2, inter2 = typed.event.actor2, typed.event.inter2
    if typed.suspected:
        # a side stated by a telling of the act beats the one suspected
        stated = next(
            (
                a.event
                for a in accounts
                if not (a.suspected or a.reference)
                and _named(a.event.actor1)
                and a.event.actor1 != actor2
                and a.event.sub_event_type != INTERCEPTION  # who intercepts did not strike
            ),
            None,
        )
        if stated is not None:
            actor1, inter1 = stated.actor1, stated.inter1
    for account in accounts:
        event = account.event
        if event.sub_event_type == INTERCEPTION and account is not typed:
            continue  # the side that intercepts is not the side that struck
        if not _named(actor1) and _named(event.actor1) and event.actor1 != actor2:
            actor1, inter1 = event.actor1, event.inter1
        if actor2 is None and event.actor2 is not None and event.actor2 != actor1:
            actor2, inter2 = event.actor2, event.inter2
    return actor1, inter1, actor2, inter2


def _precision_of(account: Account) -> int | None:
    """A reference's day is the day it was talked about: the act was that day or before it,
    within the week (precision 2), unless only a month is told."""
    precision = account.event.time_precision
    if account.reference and account.dated and precision == 1 and not account.own_day:
        return 2
    return precision


def _date_rank(account: Account) -> tuple[bool, bool, int]:
    """A date told beats the publication's, a telling's beats a reference's (which may be the
    day it was talked about); a day beats a week beats a month."""
    return (
        not account.dated,
        account.reference and not account.own_day,
        account.event.time_precision or 9,
    )


def _leaves(accounts: list[Account]) -> list[Account]:
    """The first account at each most specific place: a place no other account's place lies
    inside. With no place at all, the first account."""
    leaves: list[Account] = []
    for account in accounts:
        if account.place is None:
            continue
        if any(
            _same_or_inside(
                other.place,
                account.place,
                same_act=other.act == account.act,
                outer_listed=account.listed,
                inner_listed=other.listed,
            )
            or (other.act == account.act and _locates(other, account))
            for other in accounts
            if other.place
        ) or any(other.act == account.act and _namesake(account, other) for other in accounts):
            continue
        if any(leaf.place and leaf.place.place.id == account.place.place.id for leaf in leaves):
            continue
        leaves.append(account)
    return leaves or accounts[:1]


def _same_or_inside(
    inner: PlaceMention,
    outer: PlaceMention,
    *,
    same_act: bool = False,
    outer_listed: bool = False,
    inner_listed: bool = False,
) -> bool:
    """Whether ``inner`` is a more specific place within ``outer``.

    Within one act's telling only an area that holds the other counts: "قريتي الحلوة والروضة
    في ناحية ربيعة" is two villages, but "محيط بلدة حضر وتل كروم جبا" two targets side by side;
    so does a governorate's main town named bare, which stands for its province.
    """
    if inner.place.id == outer.place.id:
        return inner.precision < outer.precision
    if (
        same_act
        and outer.place.kind not in CONTAINER_KINDS
        and outer.place.kind not in AREA_KINDS
        and not outer.widens
        # "قاعدة التيفور العسكرية وسط حمص"، "في دوما قرب العاصمة دمشق": a governorate's main
        # town named bare beside a place of its province stands for the province; its outskirts
        # with a target listed after them ("محيط مدينة إدلب وبلدة تفتناز") are a target too
        and not (
            _names_its_governorate(outer)
            and not outer_listed
            and not (inner_listed and _outskirts_told(outer))
        )
    ):
        return False
    if _outskirts(outer):
        return False  # "محيط مدينة دوما" is not a vaguer telling of the strike on Harasta beside it
    # "في محافظة إدلب ... إدلب" in one telling: the governorate and its capital named bare hold
    # each other; the town is the place
    return _contains(outer, inner.place) and (
        not _contains(inner, outer.place)
        or (same_act and outer.place.kind == "admin1" and inner.precision < outer.precision)
    )


def _outskirts_told(area: PlaceMention) -> bool:
    """ "محيط مدينة إدلب"، "قرب إدلب": a town's outskirts, not a wide area around it."""
    return area.precision == 2 and not area.widens


def _outskirts(area: PlaceMention) -> bool:
    """ "محيط مدينة دوما"، "قرب بلدة X": around one town, not a region or a province."""
    return (
        _outskirts_told(area)
        and area.place.kind not in CONTAINER_KINDS
        and area.place.kind not in AREA_KINDS
        and not _names_its_governorate(area)
    )


def _locates(inner: Account, outer: Account) -> bool:
    """ "مدينة دوما ... قرب دمشق": an area named after a place of the same act, around it,
    says where that place is; "محيط بلدة حضر وتل كروم جبا"، "محيط بلدتي الفوعة وكفريا" name
    two targets (the second shares the first's "محيط", it has none of its own)."""
    return (
        inner.place is not None
        and outer.place is not None
        and not outer.listed  # "في حي المقوس شرقي مدينة السويداء وفي محيط بلدة الطيرة": two
        and outer.place_at > inner.place_at
        and outer.place.precision >= 2
        and normalise_key(outer.place.cue) in normalise_key(outer.event.location_mention or "")
        and _contains(outer.place, inner.place.place)
    )


def _namesake(named: Account, locator: Account) -> bool:
    """ "صوامع صباح الخير، جنوب مدينة الحسكة": a place said to lie by another that the
    gazetteer puts far from it is a namesake of the place meant; the locator tells where."""
    return (
        named.place is not None
        and locator.place is not None
        and named.place.place.kind not in AREA_KINDS
        and locator.place_at > named.place_at
        and locator.place.precision == 2
        and normalise_key(locator.place.cue) in normalise_key(locator.event.location_mention or "")
        and place_distance_km(named.place.place, locator.place.place) > NAMESAKE_KM
    )


def _covered_by(account: Account, leaf: Account, leaves: list[Account]) -> bool:
    """Whether the toll of ``account`` belongs to ``leaf``: told at the leaf's place, at no
    place, or at a place holding only this leaf."""
    if account.place is None or leaf.place is None:
        return len(leaves) == 1
    if account.place.place.id == leaf.place.place.id:
        return True
    holds = [
        other for other in leaves if other.place and _same_or_inside(other.place, account.place)
    ]
    return holds == [leaf]
