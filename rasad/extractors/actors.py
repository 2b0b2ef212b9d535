"""actor1, actor2, inter1, inter2: who acted on whom.

Actor names come from ``data/lexicons/actor_aliases.tsv`` (units, branches and nicknames roll
up to canonical ACLED names in ``actors.tsv``, each valid before or after a date). Roles come
from the Arabic constructions around each name, listed in ``actor_cues.tsv``:

- an agent after "نفذته"، "شنّه"، "أعدته"، "على يد"، "من قبل"، "هجوم لـ"، or suspected
  attribution "يُرجح تبعيتهم لـ"، "يُعتقد أنها"؛
- a target after "على"، "ضد"، "استهدف"، "في صفوف"، or after the people and positions of a
  side ("عناصر من قوات النظام"، "نقطة عسكرية لقوات النظام")، or before "تعرضت لهجوم"؛
- "اشتباكات بين X و Y": X then Y, in the order of the text.

Example:
    >>> doc = Document.from_text("هجوم شنه مسلحون يرجح تبعيتهم لتنظيم داعش على نقطة لقوات النظام")
    >>> roles = assign_roles(doc, 0, len(doc.norm.text), trigger_start=0)
    >>> roles.actor1.name, roles.actor2.name
    ('Islamic State (Syria)', 'Military Forces of Syria (2000-2024)')
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date
from functools import cache
from itertools import compress

from rasad.extractors.fatalities import complementizers
from rasad.extractors.recaps import PRONOUNS, speech_verb_matcher
from rasad.extractors.triggers import (
    DETENTION_KINDS,
    REMOTE_VIOLENCE,
    act_adjectives,
    act_nouns,
    means_adjectives,
)
from rasad.lexicon import read_tsv
from rasad.matching import (
    ARTICLE,
    PhraseMatcher,
    Token,
    Variant,
    WordTable,
    clitics_before,
    token_variants,
    tokenize,
)
from rasad.model import Actor, Document, Mention
from rasad.normalise import normalise_key

UNIDENTIFIED = "Unidentified Armed Group (Syria)"
FEMININE_PLURAL = "ات"
TA_MARBUTA = "ة"
STATE_MILITARY = "Military Forces of Syria ("  # the stem of its period rows
CIVILIANS = "Civilians (Syria)"
PROTESTERS = "Protesters (Syria)"
RIOTERS = "Rioters (Syria)"
STATE_INTER = 1
CIVILIAN_INTER = 7
FOREIGN_INTER = 8  # external forces: a foreign state's army
UNARMED_INTERS = frozenset({6, CIVILIAN_INTER})  # protesters and civilians: victims, not killers
# Acts named by no verb: the noun after one is no subject ("استهدفت الصواريخ مواقع لقوات النظام")
NOT_VERBS = frozenset({"killing", "weapon", "means"})
OBJECT_PRONOUNS = ("ه", "ها", "هم")  # "شنه"، "شنتها"، "نفذتهم": the act's noun is the object
SPECIFYING_WORD = "من"  # "مسلحون من تنظيم داعش": of which group the gunmen are
CUE_WINDOW = 4  # tokens before a name searched for the construction that gives its role
# Words between accuser and accused after a verb of accusing: an adjective coordinated with
# the accuser's ("الجيشان الروسي والسوري طائرات إسرائيلية")
ACCUSED_GAP = 2
# Tokens after a unit noun within which its side is named: "دورية مشتركة لقوات الأسد".
UNIT_OWNER_WINDOW = 3
_SENTENCE_END = frozenset(".!?\n")


@dataclass(frozen=True, slots=True)
class Roles:
    """The actors of one event and how they were found."""

    actor1: Actor | None
    actor2: Actor | None
    suspected: bool = False
    actor1_mention: Mention | None = None
    actor2_mention: Mention | None = None
    # who holds the place struck ("جيب تسيطر عليه المعارضة"): the side acted upon only when
    # no other is named and the dead are not civilians, which assembly knows
    holder: Actor | None = None
    # a second name of the subject ("الجيش السوري وحزب الله"): acted with actor1 (assoc_actor_1)
    ally_mention: Mention | None = None


@cache
def actors_by_name() -> dict[str, Actor]:
    """Canonical actors of ``actors.tsv`` by name."""
    actors = {}
    for _, row in read_tsv("actors.tsv", ["actor", "inter"]):
        actors[row["actor"]] = Actor(
            row["actor"],
            int(row["inter"]),
            date.fromisoformat(row["valid_from"]) if row.get("valid_from") else None,
            date.fromisoformat(row["valid_until"]) if row.get("valid_until") else None,
        )
    return actors


@cache
def actor_matcher() -> PhraseMatcher[tuple[Actor, ...]]:
    """Aliases → the canonical actors they may name (several when validity differs)."""
    actors = actors_by_name()
    by_alias: dict[str, list[Actor]] = {}
    for _, row in read_tsv("actor_aliases.tsv", ["alias", "actor"]):
        alias = normalise_key(row["alias"])
        for form in (alias, *_nominative(alias)):
            candidates = by_alias.setdefault(form, [])
            if actors[row["actor"]] not in candidates:
                candidates.append(actors[row["actor"]])
    for alias, candidates in _sides_by_adjective(actors).items():
        by_alias.setdefault(alias, candidates)
    matcher: PhraseMatcher[tuple[Actor, ...]] = PhraseMatcher(suffixes=True)
    for alias, candidates in by_alias.items():
        matcher.add(alias, tuple(candidates))
    return matcher


def _nominative(alias: str) -> tuple[str, ...]:
    """ "مقاتلي المعارضة" → "مقاتلو المعارضة": a sound masculine plural in construct ends in "ي"
    after a preposition or as an object and in "و" as a subject; the lexicon lists the first."""
    head, _, rest = alias.partition(" ")
    if rest and len(head) >= CONSTRUCT_PLURAL_LETTERS and head.endswith("ي"):
        return (f"{head[:-1]}و {rest}",)
    return ()


CONSTRUCT_PLURAL_LETTERS = 4  # "مسلحي": a stem and its ending; shorter words are no such plural


def _sides_by_adjective(actors: dict[str, Actor]) -> dict[str, list[Actor]]:
    """ "غارة تركية"، "القصف الإسرائيلي": each act noun of ``act_nouns.tsv`` with each side's
    adjective of ``side_adjectives.tsv``, indefinite and with the article on every word; and
    with a suspicion between them ("غارات يرجح أنها روسية": suspected attribution)."""
    nouns = sorted(act_nouns())
    suspicions = _suspicions_of_the_act()
    aliases: dict[str, list[Actor]] = {}
    for _, row in read_tsv("side_adjectives.tsv", ["masculine", "feminine", "actor"]):
        candidates = list(_periods(actors, row["actor"]))
        for noun in nouns:
            definite = " ".join(ARTICLE + word for word in noun.split())
            for adjective in (normalise_key(row["masculine"]), normalise_key(row["feminine"])):
                aliases[f"{noun} {adjective}"] = candidates
                aliases[f"{definite} {ARTICLE}{adjective}"] = candidates
        for adjective in (normalise_key(row["masculine"]), normalise_key(row["feminine"])):
            for suspicion in suspicions:
                # right after the act ("غارات يرجح أنها روسية"): see ``_after_its_means``
                aliases[f"{suspicion} {adjective}"] = candidates
    return aliases


def _suspicions_of_the_act() -> list[str]:
    """``actor_cues.tsv``'s suspicions that end in "أن" with a pronoun for the act ("يرجح أنها"،
    "يشتبه بأنه"): only the side's adjective may follow them."""
    openers = {
        prefix + normalise_key(word) + pronoun
        for word in complementizers()
        for prefix in ("", "ب")
        for pronoun in PRONOUNS
    }
    return [
        normalise_key(row["cue"])
        for _, row in read_tsv("actor_cues.tsv", ["cue", "role"])
        if row["role"] == "suspected" and normalise_key(row["cue"]).split()[-1] in openers
    ]


@cache
def military_site_matcher() -> PhraseMatcher[str]:
    """``military_sites.tsv``: sites whose side goes without saying when a foreign state
    strikes them."""
    matcher: PhraseMatcher[str] = PhraseMatcher(suffixes=True)
    for _, row in read_tsv("military_sites.tsv", ["site"]):
        matcher.add(row["site"], row["site"])
    return matcher


@cache
def state_forces() -> tuple[Actor, ...]:
    """Syria's state military of each period, resolved by date like an alias's candidates."""
    return tuple(a for name, a in actors_by_name().items() if name.startswith(STATE_MILITARY))


@cache
def _strike_targets() -> dict[str, tuple[Actor, ...]]:
    """``strike_targets.tsv``: each period row of a foreign side → the side its strikes hit."""
    actors = actors_by_name()
    targets: dict[str, tuple[Actor, ...]] = {}
    for _, row in read_tsv("strike_targets.tsv", ["side", "target"]):
        periods = _periods(actors, row["target"])
        for side in _periods(actors, row["side"]):
            targets[side.name] = periods
    return targets


def _periods(actors: dict[str, Actor], stem: str) -> tuple[Actor, ...]:
    """The actor named ``stem`` and its period rows ("Military Forces of Israel (2009-2021)")."""
    return tuple(a for name, a in actors.items() if name == stem or name.startswith(stem + " ("))


def force_of(name: str) -> str:
    """The force a period row names, without its years: "Military Forces of Israel
    (2006-2009)" and "(2009-2021)" are one force told at two dates. Syria's state military is
    two forces, the government before 8 December 2024 and the one after it, and keeps its
    years."""
    if name.startswith(STATE_MILITARY):
        return name
    return _PERIOD.sub("", name)


_PERIOD = re.compile(r" \(\d{4}-(?:\d{4})?\)$")  # ACLED's years of a state's force: " (2009-2021)"


@cache
def _civilian_victim_matcher() -> PhraseMatcher[str]:
    matcher: PhraseMatcher[str] = PhraseMatcher(suffixes=True)
    for _, row in read_tsv("civilian_victims.tsv", ["word"]):
        matcher.add(row["word"], row["word"])
    return matcher


def civilian_toll(toll_text: str) -> bool:
    """Whether a toll's words count unarmed people (``civilian_victims.tsv``): "30 شخصا"."""
    return any(True for _ in _civilian_victim_matcher().find(tokenize(normalise_key(toll_text))))


@cache
def camps() -> dict[str, str]:
    """``camps.tsv``: each period row of a listed side → its camp."""
    actors = actors_by_name()
    return {
        actor.name: row["camp"]
        for _, row in read_tsv("camps.tsv", ["actor", "camp"])
        for actor in _periods(actors, row["actor"])
    }


def one_camp(a: str | None, b: str | None) -> bool:
    """ "القوات السورية" and "قوات الدفاع الوطني": one side, or sides of one camp (camps.tsv);
    one force named for two periods ("Military Forces of Israel (2006-2009)" for the strike of
    2007, "(2009-2021)" for a later reference to it) is one side."""
    if a is None or b is None:
        return a == b
    return camps().get(a, a) == camps().get(b, b) or force_of(a) == force_of(b)


def strike_target(side: str, on: str | None) -> Actor | None:
    """The side that a strike by ``side`` hits when the report names none, on the day ``on``
    (an ISO date, or None)."""
    periods = _strike_targets().get(side)
    if periods is None:
        return None
    return resolve_actor(periods, date.fromisoformat(on[:10]) if on else None)


@cache
def _remote_sides() -> dict[str, tuple[str, date | None]]:
    """``remote_sides.tsv``: each period row of a side that strikes from afar → the sub-type
    of its acts told with no means, and the day that stops being so (or None)."""
    actors = actors_by_name()
    sides: dict[str, tuple[str, date | None]] = {}
    for _, row in read_tsv("remote_sides.tsv", ["side", "sub_event_type"]):
        until = date.fromisoformat(row["until"]) if row.get("until") else None
        for side in _periods(actors, row["side"]):
            sides[side.name] = (row["sub_event_type"], until)
    return sides


def remote_means(side: str | None, on: str | None) -> str | None:
    """The sub-type of an act with no means told by ``side`` on the day ``on`` (an ISO date,
    or None), if the side fights in Syria only from afar then: "Air/drone strike"."""
    known = _remote_sides().get(side or "")
    if known is None:
        return None
    sub_event_type, until = known
    if until is not None and on is not None and date.fromisoformat(on[:10]) >= until:
        return None
    return sub_event_type


@cache
def role_cue_matcher() -> PhraseMatcher[str]:
    # No suffix stripping: "بينهم" (among them) is not "بين" (between).
    matcher: PhraseMatcher[str] = PhraseMatcher()
    for _, row in read_tsv("actor_cues.tsv", ["cue", "role"]):
        matcher.add(row["cue"], row["role"])
    return matcher


def find_role_cues(doc: Document, start: int = 0, end: int | None = None) -> list[Mention]:
    """Role cue mentions ("نفذته"، "تعرضت لهجوم"، "بين") in ``doc.norm.text[start:end]``."""
    assert doc.norm is not None
    return [
        Mention("role_cue", m.start, m.end, m.payload)
        for m in doc.find(role_cue_matcher(), start, end)
    ]


STATE_FORCE_STEMS = ("Military Forces of ", "Police Forces of ")  # ACLED's names of state forces


def state_force(actor: Actor | None) -> bool:
    """Whether a state's forces, Syria's or a foreign army, or a side that governs a territory
    (authorities.tsv) are the actor: their detentions are arrests ("توغلت قوة إسرائيلية ...
    واعتقلت شابين"، "شنت قسد حملة دهم واعتقالات"), an armed group's are abductions."""
    return actor is not None and (
        actor.inter == STATE_INTER
        or actor.name.startswith(STATE_FORCE_STEMS)
        or actor.name in authorities()
    )


@cache
def authorities() -> frozenset[str]:
    """``authorities.tsv``: the sides besides the state's that govern and police a territory."""
    return frozenset(row["actor"] for _, row in read_tsv("authorities.tsv", ["actor"]))


def valid_on(actor: Actor, on: date) -> bool:
    """Whether ``on`` falls in the actor's window ``[valid_from, valid_until)``."""
    return (actor.valid_from is None or actor.valid_from <= on) and (
        actor.valid_until is None or on < actor.valid_until
    )


def resolve_actor(candidates: tuple[Actor, ...], on: date | None) -> Actor | None:
    """The candidate valid on ``on``, or None: words never name an actor outside its window.

    "فلول النظام" in a 2018 report names no one ("Assad Loyalist Militia" begins on
    2024-12-08), and "قوات الأسد" after the fall names no one either. With no date, the one
    valid longest ago wins.
    """
    if on is not None:
        return next((actor for actor in candidates if valid_on(actor, on)), None)
    return min(candidates, key=lambda actor: actor.valid_from or date.min)


def find_actors(doc: Document, start: int = 0, end: int | None = None) -> list[Mention]:
    """Actor mentions in ``doc.norm.text[start:end]``; value: the candidate actors.

    Besides names, a unit named earlier with its side and then with the article stands for
    that side ("دورية لقوات الأسد" ... "الدورية"): see ``unit_nouns.tsv``.
    """
    assert doc.norm is not None
    stop = len(doc.norm.text) if end is None else end
    text = doc.norm.text
    names = [
        Mention("actor", m.start, m.end, m.payload)
        for m in doc.find(actor_matcher())
        # "التنظيم" is the Islamic State, "التنظيمات" any organisations; "التحالف" the coalition,
        # "التحالفات" alliances: a definite name's plural names no one
        if not (m.entry.startswith(ARTICLE) and text.startswith(FEMININE_PLURAL, m.end))
        and not _feminine_adjective(doc, m.entry, m.end)
    ]
    found = names + _coordinated_sides(text, names) + _unit_references(doc, names)
    return sorted((m for m in found if start <= m.start and m.end <= stop), key=lambda m: m.start)


def _coordinated_sides(text: str, names: list[Mention]) -> list[Mention]:
    """ "القوات السورية والروسية"، "الطائرات الحربية الروسية والسورية": a second side's
    adjective joined to the one that ends a name qualifies the same noun, and names that side."""
    sides = _sides_of_adjectives()
    found = []
    for name in names:
        last = text[name.start : name.end].rsplit(" ", 1)[-1]
        if not last.startswith(ARTICLE) or last.removeprefix(ARTICLE) not in sides:
            continue
        joined = _JOINED_SIDE.match(text, name.end)
        if joined is not None and joined.group(1) in sides:
            found.append(
                Mention(
                    "actor", joined.start(1) - len(ARTICLE), joined.end(1), sides[joined.group(1)]
                )
            )
    return found


_JOINED_SIDE = re.compile(r" و" + ARTICLE + r"(\w+)\b")


@cache
def _sides_of_adjectives() -> dict[str, tuple[Actor, ...]]:
    """``side_adjectives.tsv``: each adjective, masculine and feminine, normalised → its side."""
    actors = actors_by_name()
    sides = {}
    for _, row in read_tsv("side_adjectives.tsv", ["masculine", "feminine", "actor"]):
        for adjective in (row["masculine"], row["feminine"]):
            sides[normalise_key(adjective)] = _periods(actors, row["actor"])
    return sides


@cache
def unit_nouns() -> frozenset[str]:
    """``unit_nouns.tsv``: the normalised nouns of units that reports refer back to."""
    return frozenset(normalise_key(row["word"]) for _, row in read_tsv("unit_nouns.tsv", ["word"]))


def _unit_references(doc: Document, names: list[Mention]) -> list[Mention]:
    """Definite unit nouns without a side of their own, as the side of their last mention.

    "داهمت دورية مشتركة لقوات الأسد ... وقال مراسل إن الدورية داهمت": the second patrol is
    the regime's. The side must be named within ``UNIT_OWNER_WINDOW`` tokens of a mention, in
    its sentence; a definite noun followed by its own side is a new antecedent, not a reference.
    """
    assert doc.norm is not None
    text = doc.norm.text
    tokens = doc.tokens()
    starts = {m.start: m for m in names}
    name_starts = sorted(starts)
    sides: dict[
        str, tuple[Actor, ...]
    ] = {}  # noun -> the candidate actors of its last mention with a side
    references: list[Mention] = []
    units = _UNIT_FORMS.values(*doc.word_ids())
    for index in compress(range(len(units)), units):
        token, variant = tokens[index], units[index]
        if variant is None:  # compress() kept only the unit nouns: says so to the type checker
            continue
        # a name that begins with the noun ("قوات النظام"، "الجيش الإسرائيلي" with its
        # article) is its side, for "القوات"، "الجيش" later
        clitics = token.text[: variant.prefix]
        owner = (
            starts.get(token.start + variant.prefix)
            or (starts.get(token.start + variant.prefix - 2) if clitics.endswith("ال") else None)
            or _owner_after(text, tokens, index, starts, name_starts)
        )
        if owner is not None:
            sides[variant.form] = owner.value
            continue
        if (
            clitics.endswith(("ال", "لل"))
            and variant.form in sides
            and not _inside(token.start, names)
        ):
            # the mention starts at the article ("لل": the article's lam merged with the preposition)
            article = 2 if clitics.endswith("ال") else 1
            references.append(
                Mention(
                    "actor", token.start + len(clitics) - article, token.end, sides[variant.form]
                )
            )
    return references


def _unit_form(text: str) -> Variant | None:
    """The form of a token that is a unit noun, if one is."""
    nouns = unit_nouns()
    return next((v for v in token_variants(text) if v.form in nouns), None)


# Looked up at every token of every report: worked out once for each word.
_UNIT_FORMS: WordTable[Variant | None] = WordTable(_unit_form)


def _owner_after(
    text: str, tokens: list[Token], index: int, starts: dict[int, Mention], name_starts: list[int]
) -> Mention | None:
    """The side a unit noun belongs to, named just after it in its sentence.

    "دورية روسية", "رتل النظام" (next to it); "دورية مشتركة لقوات الأسد" (with لـ); "قوة من
    الأمن العسكري", "رتل تابع لـ X" (after a transparent word of ``role_nouns.tsv``: من,
    تابع). "إسقاط الطائرة بنيران الدفاعات الجوية" names who fired, not whose plane it was.
    """
    for offset, following in enumerate(tokens[index + 1 : index + 1 + UNIT_OWNER_WINDOW]):
        if _SENTENCE_END.intersection(text[tokens[index].end : following.start]):
            return None
        position = bisect_left(name_starts, following.start)
        if position == len(name_starts) or name_starts[position] >= following.end:
            continue
        clitics = text[following.start : name_starts[position]]
        word_before = tokens[index + offset].text
        possessive = (
            (not clitics and offset == 0)
            or clitics.lstrip("و") in ("ل", "لل")
            or role_words().get(word_before) == "transparent"
        )
        return starts[name_starts[position]] if possessive else None
    return None


def _inside(position: int, names: list[Mention]) -> bool:
    """Whether ``position`` lies inside a name ("قوة" in "قوة حماية المدنيين" is a name)."""
    return any(m.start <= position < m.end for m in names)


def assign_roles(
    doc: Document,
    start: int,
    end: int,
    *,
    trigger_start: int,
    on: date | None = None,
    actors: list[Mention] | None = None,
    violent: bool = True,
    cues: list[Mention] | None = None,
    acts: list[Mention] | None = None,
    two_sided: bool = False,
) -> Roles:
    """actor1 and actor2 of the act whose trigger starts at ``trigger_start`` in a clause.

    For a strategic development (``violent=False``) an actor named without a target cue is
    the one acting: reinforcements "لقوات الأسد" are the regime's own. ``acts`` are the
    clause's trigger words: a name right after one is its subject ("استعادت قوات النظام").
    In a ``two_sided`` act, a clash or an agreement, the name after "مع" is the other side
    ("اشتباكات مع قسد"، "اتفاق أبرمته روسيا مع الفصائل"); elsewhere "مع"
    only accompanies ("بتهمة التعامل مع التحالف").
    """
    assert doc.norm is not None
    text = doc.norm.text
    found = actors if actors is not None else find_actors(doc, start, end)
    # A name with no actor valid on the date is no name then: it takes no role (its words,
    # matched whole, are not read again as a shorter name: "فلول النظام" is never "النظام").
    named = [m for m in found if resolve_actor(m.value, on) is not None]
    mentions = _specified(doc, [m for m in named if not _a_former_tie(doc, m)])
    # "قُتل قيادي سابق في فصائل المعارضة برصاص مسلحين مجهولين": the man whose tie to a side is
    # past is a civilian now, the one the violence was done to when no other side is
    former = actors_by_name()[CIVILIANS] if violent and len(mentions) < len(named) else None
    if not mentions:
        return Roles(None, former)
    first, last = doc.tokens_between(start, end)
    tokens = doc.tokens()[first:last]
    if cues is None:
        cues = find_role_cues(doc, start, end)
    agent: Mention | None = None
    target: Mention | None = None
    suspected = False
    unassigned: list[Mention] = []
    holders: list[Mention] = []
    objects_next = _objects_next(
        text, [*(acts or []), *cues], mentions, acts or [], _with_object_pronoun(doc, acts or [])
    )
    roles = [
        _role_of(
            mention,
            mentions[i - 1].end if i else None,
            mentions[i - 1].end if i else start,
            tokens,
            cues,
            violent,
            trigger_start,
            acts or [],
            objects_next,
        )
        for i, mention in enumerate(mentions)
    ]
    for cue in cues:  # "X تعرضت لهجوم"، "X لقوا مصرعهم": the nearest name before the cue
        if cue.value in _ROLES_BEFORE_CUE:
            before = [
                i
                for i, m in enumerate(mentions)
                if m.end <= cue.start
                and roles[i] not in ("aside", "holder")
                and not _opener_between(tokens, m.end, cue.start)
            ]
            if before and roles[before[-1]] is None:
                # every name of a coordinated subject suffered it: "القوات السورية الحكومية
                # والقوات والميليشيات الإيرانية بين قتيل وجريح"
                first = _first_coordinated(before, mentions, text)
                for index in before[before.index(first) :]:
                    roles[index] = _ROLES_BEFORE_CUE[cue.value]
    for cue in cues:
        if cue.value == "accusing":
            _accuser_and_accused(cue, mentions, roles, text)
    for index in _speakers(doc, mentions, tokens, start, trigger_start):
        if roles[index] is None:
            roles[index] = "aside"
    pair_end = max(
        (m.end for m, r in zip(mentions, roles, strict=True) if r == "between"), default=-1
    )
    # a strike after the pair that names its own author right after its noun
    authored_after_pair = any(
        r == "agent"
        and m.start > pair_end >= 0
        and any(
            a.value.event_type == REMOTE_VIOLENCE
            and a.end <= m.start
            and _words_between(tokens, a.end, m.start) == 0
            for a in acts or []
        )
        for m, r in zip(mentions, roles, strict=True)
    )
    for index, (mention, role) in enumerate(zip(mentions, roles, strict=True)):
        if role == "between":
            # "بين قوات النظام وحزب الله من جهة، والفصائل": a second cue of the pair ("من جهة")
            # closes the first side; the other side is named after it ("وسط قصف متبادل بين
            # الطرفين" after the pair names no side after it, and closes nothing)
            apart = next(
                (
                    c.end
                    for c in cues
                    if c.value == "between"
                    and c.start >= mention.end
                    and any(m.start >= c.end for m in mentions[index + 1 :])
                ),
                0,
            )
            # "بين قوات سوريا الديمقراطية (قسد) ومقاتلين من العشائر": a name restated in
            # brackets (its abbreviation) is still the first side; the other is named next
            others = [
                m
                for m, r in zip(mentions[index + 1 :], roles[index + 1 :], strict=True)
                if r not in ("aside", "holder")
                and m.start >= apart
                and not _restated(text, mention, m, on)
            ]
            if others and not (_unarmed(mention) or _unarmed(others[0])):
                if authored_after_pair:
                    # "قصف متبادل بين الفصائل وقوات النظام ومقتل أربعة مدنيين في غارات للطيران
                    # السوري": the pair fought another act; this one names its own author
                    continue
                return _between(mention, others[0], on)
            unassigned.append(mention)  # "حالات اختناق بين المدنيين": among them, no fight
        if role == "suspected" and (agent is None or _unidentified(agent)):
            agent, suspected = mention, True
        elif role == "agent" and agent is None:
            agent = mention
        elif role == "target" and target is None:
            target = mention
        elif role == "holder":
            holders.append(mention)
        elif role is None:
            unassigned.append(mention)
    for index, role in enumerate(roles):  # "قتل عنصران من الجيش الوطني في اشتباكات مع قسد"
        if role == "counterpart" and two_sided:
            if (
                agent is None
                and target is not None
                and target.start < mentions[index].start
                and not any(a.value.kind == "killing" and a.end <= target.start for a in acts or [])
            ):
                # "اشتبك عناصر من X مع Y": in a clash the sides keep the order of the text (but
                # "قتل عنصران من X في اشتباكات مع Y": the dead are the side acted upon)
                agent, target = target, mentions[index]
            elif agent is None:
                # "أعلن الجيش السوري سيطرته على البلدة بعد اشتباكات مع قسد": the side named
                # before the act did it; the side after "مع" is the other one
                # "اتفاق أعلنت عنه حركة أحرار الشام بعد مفاوضات مع روسيا": in an agreement
                # the side named before the one after "مع" made it, wherever the act's word is
                subject = next(
                    (
                        m
                        for m in unassigned
                        if m.start < trigger_start
                        or (not violent and m.start < mentions[index].start)
                    ),
                    None,
                )
                if subject is not None:
                    unassigned.remove(subject)
                    agent, target = subject, mentions[index]
                else:
                    agent = mentions[index]
            elif target is None or resolve_actor(target.value, on) == resolve_actor(
                agent.value, on
            ):
                # "اشتبكت قوات الأمن العام مع فلول النظام ... مقتل 5 عناصر من الأمن العام": the
                # dead of the side that acted are its own; the other side is the one it fought
                target = mentions[index]
    if agent is not None and target is None and _unarmed(agent):
        # "توغلت قوات الاحتلال ... واعتقلت شابين": a second verb shares the subject named
        # before it, and the civilians right after it are its object, not its subject.
        subject = next((m for m in unassigned if m.start < trigger_start and not _unarmed(m)), None)
        if subject is not None:
            agent, target = subject, agent
            unassigned.remove(subject)
    for mention in unassigned:
        if (
            agent is None
            and (mention.start < trigger_start or not violent)
            and mention is not target
        ):
            agent = mention
        elif target is None and violent and mention is not agent:
            target = mention
    if two_sided and agent is None and target is not None:
        # "قتل 6 من عناصر حزب الله و9 من المعارضة في اشتباكات": the dead of two named sides of
        # two camps name the clash's two sides, in the text's order
        other = next(
            (
                m
                for m, r in zip(mentions, roles, strict=True)
                if r in ("target", None)
                and m.start > target.end
                and text[target.end : m.start].lstrip().startswith(CONJUNCTION)
                and _other_camp(resolve_actor(m.value, on), resolve_actor(target.value, on))
                # "القوات التركية والفصائل السورية الموالية لها": allies, one camp
                and not any(
                    c.value == "affiliation"
                    and c.start >= m.end
                    and _words_between(tokens, m.end, c.start) <= 1
                    for c in cues
                )
            ),
            None,
        )
        if other is not None:
            agent, target = target, other
    ally: Mention | None
    if (
        agent is not None
        and target is not None
        and not two_sided
        and target.start > agent.end
        and text[agent.end : target.start].strip() == "و"
    ):
        # "ويحاصر الجيش السوري وحزب الله مدينة الزبداني": two names of one subject, one side;
        # only a clash or a deal has its two sides joined so ("اشتبكت X وY")
        ally, target = target, None
    else:
        # "قصفت القوات السورية والقوات الروسية البلدة ... مقتل 12 مدنيا": a name of the subject's
        # camp joined to it is its ally when the act's object is named otherwise
        ally = next(
            (
                m
                for m in mentions
                if agent is not None
                and not two_sided
                and m is not target
                and m.start > agent.end
                and _joined(text, agent, m)
                and one_camp_named(resolve_actor(agent.value, on), resolve_actor(m.value, on))
            ),
            None,
        )
    actor1 = resolve_actor(agent.value, on) if agent else None
    actor2 = resolve_actor(target.value, on) if target else None
    if actor1 is not None and actor1 == actor2:
        actor2, target = None, None
    if actor2 is None:
        actor2 = former
    holder = resolve_actor(holders[0].value, on) if holders and violent else None
    return Roles(
        actor1, actor2, suspected, agent, target, holder if holder != actor1 else None, ally
    )


def one_camp_named(first: Actor | None, second: Actor | None) -> bool:
    """Whether two armed sides are named, of one camp (camps.tsv)."""
    if first is None or second is None or _unnamed(first) or _unnamed(second):
        return False
    return one_camp(first.name, second.name)


def _other_camp(first: Actor | None, second: Actor | None) -> bool:
    """Whether two armed sides are named, of different camps (camps.tsv; a side it does not
    list is its own): "قوات النظام والميليشيات الموالية" are one camp, never a clash's two
    sides, and "المسلحين الموالين لها" name no side."""
    if first is None or second is None or _unnamed(first) or _unnamed(second):
        return False
    return not one_camp(first.name, second.name)


def _unnamed(actor: Actor) -> bool:
    """Whether an actor names no armed side: the unidentified group, civilians, protesters."""
    return actor.name == UNIDENTIFIED or actor.inter in UNARMED_INTERS


def _restated(text: str, name: Mention, after: Mention, on: date | None) -> bool:
    """ "قوات سوريا الديمقراطية (قسد)": the same side named again in brackets right after."""
    return text[name.end : after.start].strip() == "(" and resolve_actor(
        after.value, on
    ) == resolve_actor(name.value, on)


def _with_object_pronoun(doc: Document, acts: list[Mention]) -> frozenset[int]:
    """Starts of the acts whose word ends in an object pronoun ("شنه"، "شنتها"), read in the
    original text, where the feminine ending ("عبوة"، "غارة") is not "ه"."""
    assert doc.norm is not None
    text = doc.norm.text
    found = []
    for act in acts:
        end = text.find(" ", act.end)
        word = doc.span(act.start, end if end != -1 else len(text)).text.rstrip(".,،;:!?")
        if word.endswith(OBJECT_PRONOUNS):
            found.append(act.start)
    return frozenset(found)


def _objects_next(
    text: str,
    words: list[Mention],
    names: list[Mention],
    acts: list[Mention],
    pronoun_objects: frozenset[int] = frozenset(),
) -> frozenset[int]:
    """Starts of the acts and cue words whose next word is no subject of theirs: a definite
    noun has no genitive after it ("استهدف القصف قوات الدفاع": the forces are what was hit),
    and a verb whose subject, an act's own noun (definite or not) or a side's name, stands right
    before it has its object next ("القصف استهدف القوات الشعبية"، "قوات النظام التركي استهدفت
    القوات الشعبية")."""
    definite = [w for w in words if clitics_before(text, w.start).endswith(ARTICLE)]
    objects = {w.start for w in definite}
    subjects = [*definite, *names]
    objects.update(
        w.start for w in words if any(0 < w.start - s.end <= 1 for s in subjects if s is not w)
    )
    # "بعد أيام من هجوم استهدف نقطة لقسد": a verb right after an act's noun describes it, the
    # noun its subject, and what follows is what it struck; with the noun as its object
    # pronoun ("بهجوم شنه مسلحون"), the subject follows
    objects.update(
        w.start
        for w in acts
        if w.start not in pronoun_objects
        and any(0 < w.start - a.end <= 1 and a.start != w.start for a in acts)
    )
    # "قالت تركيا إنها استهدفت وحدات حماية الشعب": the pronoun on "إن" is the verb's subject
    subject_pronoun = _pronoun_subject()
    objects.update(
        w.start for w in words if subject_pronoun.search(text, max(0, w.start - 8), w.start)
    )
    return frozenset(objects)


@cache
def _pronoun_subject() -> re.Pattern[str]:
    """An opener ("أن"، "إن": speech_verbs.tsv) written with the pronoun that is the subject of
    the verb after it, at the end of a text: "إنها "، "بأنهم "."""
    openers = "|".join(sorted(complementizers()))
    pronouns = "|".join(sorted(PRONOUNS, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])[وب]?(?:{openers})(?:{pronouns}) $")


def _feminine_adjective(doc: Document, entry: str, end: int) -> bool:
    """ "مصادر إعلامية"، "تصريحات صحفية"، "المناطق المدنية": a one-word name of a person in
    "ي" ("إعلامي"، "صحفي"، "مدني") written with the feminine ة is the adjective of the noun
    before it, no person (normalised, the ة reads as a pronoun the matcher takes off)."""
    assert doc.norm is not None
    if " " in entry or not entry.endswith("ي") or not doc.norm.text.startswith("ه", end):
        return False
    return doc.span(end, end + 1).text == TA_MARBUTA


def _with_lam(mention: Mention, tokens: list[Token]) -> bool:
    """Whether the preposition "لـ" is written on a name ("لتنظيم"، "للقوات"); on a name with
    the article it takes the article's alif, and the name is matched from the word's start."""
    word = next((t for t in tokens if t.start <= mention.start < t.end), None)
    return word is not None and (
        "ل" in word.text[: mention.start - word.start]
        or (word.start == mention.start and word.text.startswith(LAM + LAM))
    )


def _opener_between(tokens: list[Token], start: int, end: int) -> bool:
    """Whether an "أن"/"إن" opening a clause of its own stands in ``[start, end)``."""
    return any(
        start <= t.start and t.end <= end and t.text.lstrip("بو") in complementizers()
        for t in tokens
    )


def _speakers(
    doc: Document, mentions: list[Mention], tokens: list[Token], start: int, trigger_start: int
) -> list[int]:
    """The names of who speaks: between a verb of saying and the "أن"/"إن" that opens what is
    said, before the act ("قال المسؤول في جيش الإسلام إن الغازات السامة استهدفت دوما").

    A speaker is a witness, not a side, unless a pronoun brings the speaker back as the
    subject of the act, on the opener or on the word after it: "أعلن الجيش التركي أنه قصف"،
    "قال الجيش الإسرائيلي إن طائراته أغارت".
    """
    openers = [
        t
        for position, t in enumerate(tokens)
        if t.end <= trigger_start
        and t.text.lstrip("بو") in complementizers()
        and not (position + 1 < len(tokens) and tokens[position + 1].text.endswith(PRONOUNS))
    ]
    if not openers:
        return []
    verbs = list(doc.find(speech_verb_matcher(), start, openers[-1].start))
    speakers = []
    for verb in verbs:
        opener = next((t for t in openers if t.start >= verb.end), None)
        if opener is None:
            continue
        speakers += [
            i for i, m in enumerate(mentions) if verb.end <= m.start and m.end <= opener.start
        ]
    return speakers


_SUSPICIONS = frozenset({"suspected", "accusing"})
SUSPICION_GAP = 4  # characters between a suspicion and its "أن": "يشتبه في أن"


def _accuser_and_accused(
    cue: Mention, mentions: list[Mention], roles: list[str | None], text: str
) -> None:
    """ "اتهم الجيش السوري طائرات إسرائيلية بتنفيذ ضربات": of two names after a verb of
    accusing, the first accuses and the second is accused; "موسكو تتهم": a name right before
    the verb accuses. The accuser is no side of the act."""
    after = [i for i, m in enumerate(mentions) if m.start >= cue.end and roles[i] != "aside"]
    # "اتهم الجيشان الروسي والسوري طائرات إسرائيلية": sides joined by "و" accuse together
    accusers = after[:1]
    while len(accusers) < len(after) and _joined(
        text, mentions[accusers[-1]], mentions[after[len(accusers)]]
    ):
        accusers.append(after[len(accusers)])
    if len(after) > len(accusers):
        accused = after[len(accusers)]
        gap = text[mentions[accusers[-1]].end : mentions[accused].start].split()
        if not gap or (len(gap) <= ACCUSED_GAP and gap != ["و"]):
            for index in accusers:
                roles[index] = "aside"
            roles[accused] = "suspected"
    before = [i for i, m in enumerate(mentions) if m.end <= cue.start]
    if before and not text[mentions[before[-1]].end : cue.start].strip():
        roles[before[-1]] = "aside"


def _joined(text: str, first: Mention, second: Mention) -> bool:
    """Whether two names are joined by "و" alone ("القوات السورية والروسية")."""
    return text[first.end : second.start].strip() == "و"


def _a_former_tie(doc: Document, mention: Mention) -> bool:
    """Whether a side is named as one a man belonged to ("القيادي السابق في فصائل المعارضة"،
    "عنصراً سابقاً في فصائل المعارضة"): a word of kind "former" (role_nouns.tsv) right before
    it, its preposition between."""
    _, at = doc.tokens_between(0, mention.start)
    before = [normalise_key(t.text) for t in doc.tokens()[max(0, at - 2) : at]]
    if before and role_words().get(before[-1]) == TRANSPARENT:
        before.pop()  # "السابق في فصائل المعارضة"
    return bool(before) and role_words().get(before[-1]) == FORMER


FORMER = "former"  # role_nouns.tsv: a man's past tie to the side named after it
TRANSPARENT = "transparent"  # role_nouns.tsv: a word skipped looking back ("في"، "من")


def _specified(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """ "مسلحون من تنظيم داعش": unidentified gunmen said to be of a group are that group;
    "مسلحون ملثمون": two words that name the same side, one after the other, are one name."""
    assert doc.norm is not None
    result: list[Mention] = []
    for mention in mentions:
        previous = result[-1] if result else None
        if (
            previous is not None
            and previous.value == mention.value
            and not doc.norm.text[previous.end : mention.start].strip()
        ):
            result[-1] = Mention("actor", previous.start, mention.end, previous.value)
            continue
        if (
            previous is not None
            and (_unidentified(previous) or _men_in_general(doc, previous, mention))
            and doc.norm.text[previous.end : mention.start].split() == [SPECIFYING_WORD]
        ):
            result[-1] = Mention("actor", previous.start, mention.end, mention.value)
            continue
        if previous is not None and _owned_by(doc.norm.text, previous, mention):
            result[-1] = Mention("actor", previous.start, mention.end, mention.value)
            continue
        result.append(mention)
    return result


def _men_in_general(doc: Document, men: Mention, side: Mention) -> bool:
    """ "3 رجال من قوات النظام"، "شاب من عناصر الفصائل": men, unarmed when named alone, that
    "من" says are of an armed side are that side's."""
    assert doc.norm is not None
    return _role_word(doc.norm.text[men.start : men.end]) == IN_GENERAL and not _unarmed(side)


def _owned_by(text: str, generic: Mention, owner: Mention) -> bool:
    """ "الشرطة التابعة لقوات سوريا الديمقراطية": a word that names a side only in a fitting
    context ("context:" in actor_aliases.tsv) is the force of the side it is said to belong to."""
    gap = text[generic.end : owner.start].split()
    return (
        len(gap) == 2
        and gap[1] == "ل"
        and normalise_key(gap[0]) in affiliation_words()
        and normalise_key(text[generic.start : generic.end]) in contextual_aliases()
    )


@cache
def contextual_aliases() -> frozenset[str]:
    """Aliases whose note starts "context:": words that name a side only in context."""
    return frozenset(
        normalise_key(row["alias"])
        for _, row in read_tsv("actor_aliases.tsv", ["alias", "actor"])
        if (row.get("note") or "").startswith("context:")
    )


@cache
def affiliation_words() -> frozenset[str]:
    """ "التابعة"، "التابع": the words saying whose a force is (actor_cues.tsv)."""
    return frozenset(
        normalise_key(row["cue"])
        for _, row in read_tsv("actor_cues.tsv", ["cue", "role"])
        if row["role"] == "affiliation"
    )


def _first_coordinated(indexes: list[int], mentions: list[Mention], text: str) -> int:
    """ "ميليشيات أسد و لواء القدس فقدت": the first of names joined by و; the first name's
    adjectives and nouns sharing the next one's adjective may stand between ("القوات السورية
    الحكومية والقوات والميليشيات الإيرانية")."""
    first = indexes[-1]
    for index in reversed(indexes[:-1]):
        gap = text[mentions[index].end : mentions[first].start].strip(' "“”,')
        words = gap.split()
        if gap != "و" and not (
            all(w.startswith(("و", ARTICLE)) for w in words)
            and (not words or words[-1].startswith("و"))
        ):
            break
        first = index
    return first


def _unarmed(mention: Mention) -> bool:
    return all(actor.inter in UNARMED_INTERS for actor in mention.value)


def _unidentified(mention: Mention) -> bool:
    return any(actor.name == UNIDENTIFIED for actor in mention.value)


def _between(first: Mention, second: Mention, on: date | None) -> Roles:
    return Roles(
        resolve_actor(first.value, on), resolve_actor(second.value, on), False, first, second
    )


def _subject_before(tokens: list[Token], act: Mention) -> bool:
    """ "أن الجيش استهدف تجمعات لجبهة النصرة": after "أن" the subject comes before the verb
    (SVO), so the side after it is the object, even when the subject is no known name."""
    at = next((i for i, t in enumerate(tokens) if t.start <= act.start < t.end), None)
    return (
        at is not None
        and at >= 2
        and tokens[at - 1].text.isalpha()
        and tokens[at - 2].text.lstrip("بو") in complementizers()
    )


def _after_its_means(
    act: Mention, mention: Mention, tokens: list[Token], *, suspected: bool = False
) -> bool:
    """Whether only means adjectives stand between an act and a side's adjective: "قصفا جويا
    ومدفعيا تركيا" (means_adjectives.tsv); or, for an adjective named with a suspicion
    (``suspected``), nothing at all: "غارات يرجح أنها روسية"."""
    if not 0 < mention.start - act.end <= MEANS_REACH:
        return False
    between = [t.text for t in tokens if act.end <= t.start and t.end <= mention.start]
    adjectives = means_adjectives()
    return (bool(between) or suspected) and all(word in adjectives for word in between)


def _role_of(
    mention: Mention,
    previous_end: int | None,
    window_start: int,
    tokens: list[Token],
    cues: list[Mention],
    violent: bool,
    trigger_start: int,
    acts: list[Mention],
    objects_next: frozenset[int],
) -> str | None:
    """The role that the words just before (or just after) a name give it, if any.

    Returns "agent", "suspected", "target", "between", "aside" (an ally named in passing or a
    cited source: not a side of the act), "holder" (who holds the place) or None.
    """
    before = [t for t in tokens if window_start <= t.start and t.end <= mention.start][-CUE_WINDOW:]
    # "أن"/"إن" opens a clause of its own: a cue before it governs no name after it
    # ("دلائل على أن القوات الحكومية استخدمت": not a target of "على"), unless the cue is a
    # suspicion whose clause it opens ("يشتبه في أن النظام شنه")
    opens = [
        i
        for i, t in enumerate(before)
        if t.text.lstrip("بو") in complementizers()
        and not any(c.value in _SUSPICIONS and 0 <= t.start - c.end <= SUSPICION_GAP for c in cues)
    ]
    if opens:
        before = before[opens[-1] + 1 :]
    lo = before[0].start if before else mention.start
    transparent_from = mention.start
    in_window = [c for c in cues if lo <= c.start and c.end <= mention.start]
    # "يشتبه بأنه هجوم أميركي": an author named inside a suspicion is only suspected; so is
    # one named with it ("غارات يرجح أنها روسية")
    suspicion = any(c.value in _SUSPICIONS and lo <= c.start and c.end <= mention.end for c in cues)
    named_suspected = any(c.value in _SUSPICIONS and c.start == mention.start for c in cues)
    if any(c.value == "between" for c in in_window):
        return "between"  # "بين عناصر من ميليشيات الأسد و...": the pair, whatever else is near
    if (
        len(before) >= 2
        and _role_word(before[-1].text) == CHECKPOINT
        and before[-2].text in AT_A_CHECKPOINT
        and any(act.value.kind in DETENTION_KINDS for act in acts)
    ):
        # "اعتقال 5 شبان على حاجز للأمن العسكري": its men detained them ("داهمت حاجزا لداعش
        # واعتقلت عنصرين": the checkpoint raided is the side hit)
        return "agent"
    if (
        len(before) >= 2
        and _role_word(before[-1].text) == CHECKPOINT
        and _role_word(before[-2].text) == "target"
        and any(
            act.value.kind in DETENTION_KINDS
            and act.end <= before[-2].start
            and _words_between(tokens, act.end, before[-2].start) == 0
            for act in acts
        )
    ):
        # "اعتقل عناصر حاجز لفرع المخابرات الجوية أربعة شبان": the checkpoint's men, right
        # after the verb, are who detained
        return "agent"
    if any(
        c.value == "aside" and _words_between(tokens, c.end, mention.start) == 0 for c in in_window
    ):
        return "aside"  # "بدعم من المقاتلات الروسية": the aircraft of the ally, not who acted
    if any(
        (mention.start <= act.start and act.end <= mention.end)
        or _after_its_means(act, mention, tokens, suspected=named_suspected)
        for act in acts
    ):
        # the act names its author, whatever governs it: "غارة إسرائيلية"، "على الغارات الأميركية"،
        # "قصفا جويا ومدفعيا تركيا"
        return "suspected" if suspicion else "agent"
    for cue in reversed(cues):
        if not (lo <= cue.start and cue.end <= mention.start) or cue.value in _ROLES_BEFORE_CUE:
            continue
        if cue.value == "affiliation":
            if previous_end is not None and any(
                c.value in _SUSPICIONS
                and _words_between(tokens, c.end, cue.start) == 0
                and _words_between(tokens, previous_end, c.start) == 0
                for c in cues
            ):
                # "مسلحون يعتقد أنهم يتبعون لتنظيم داعش": the men just named are suspected to
                # be the side's, a suspected attribution (codebook)
                return "suspected"
            between = [
                t.text
                for t in tokens
                if previous_end is not None and previous_end <= t.start and t.end <= cue.start
            ]
            adjectives_only = len(between) <= AFFILIATION_GAP and not any(
                w.startswith("و") for w in between
            )
            if any(
                # "طائرة مسيرة": a weapon named as the act
                (act.value.kind in ARMS_KINDS or act.value.event_type == REMOTE_VIOLENCE)
                and act.end <= cue.start
                and _words_between(tokens, act.end, cue.start)
                - _suspicion_words(tokens, cues, act.end, cue.start)
                <= 1
                # "استهدف القصف مقرات تابعة لفصائل معارضة": the positions struck are the side's
                and not any(
                    act.end <= t.start and t.end <= cue.start and _role_word(t.text) in STRUCK_KINDS
                    for t in tokens
                )
                and _striking(act, acts, cues, tokens)
                for act in acts
            ):
                # "استهدفت طائرة مسيرة تابعة للتحالف الدولي": whose aircraft struck; "غارات يرجح
                # أنها تابعة للتحالف": whose they are suspected to be
                return "suspected" if suspicion else "agent"
            if previous_end is not None and adjectives_only:
                return "aside"  # "لواء القدس الفلسطيني التابعة لروسيا": Russia is named, not acting
            transparent_from = cue.start  # "أفراد تابعين لـ X": look further back
            break
        if cue.value == "agent_by" and _struck_after_its_arms(cue, mention, tokens, acts or []):
            continue  # "بنيران المدفعية تجمعات لجبهة النصرة": fire of the artillery, at the side
        if cue.value in ("source", "outlet") and _words_between(tokens, cue.end, mention.start) > 0:
            continue  # "بحسب ما أورد موقع حلب اليوم، أن ميليشيات الأسد": the source is not the actor
        if (
            cue.value == "target_after"
            and any(
                _role_word(t.text) == "target"
                for t in tokens
                if cue.start <= t.start and t.end <= cue.end
            )
            and all(act.start >= mention.end for act in acts)
            and any(
                c.value == "agent_next" and _words_between(tokens, mention.end, c.start) == 0
                for c in cues
            )
        ):
            # "عناصر من الأمن العام اعتدوا على شاب": the men named before the act's verb, right
            # before it, are its subject ("مقتل عناصر من X": after the act, its victims)
            return "suspected" if suspicion else "agent"
        if cue.value == "target_after" and any(
            c.value in ("agent_next", "agent_by")
            and c.end <= cue.start
            and _words_between(tokens, c.end, cue.start) == 0
            for c in cues
        ):
            # "أطلق عناصر من القاطرجي النار": the men right after the verb fired; "برصاص عناصر
            # من قسد": by the bullets of its men
            return "agent"
        if cue.value in ("agent_next", "agent_after") and not _with_lam(mention, tokens):
            # "القصف استهدف القوات الشعبية": what the act's noun struck, by the verb whose
            # subject it is ("الهجوم لداعش": whose act)
            if cue.start in objects_next and _words_between(tokens, cue.end, mention.start) == 0:
                continue
            if any(cue.end <= at < mention.start for at in objects_next):
                continue
        if cue.value == "agent_after" and (
            _struck_between(cue, mention, tokens) or _after_the_acts_adjective(cue, mention, tokens)
        ):
            continue  # "غارات تستهدف مواقع ودفاعات داعش": whose positions were struck
        if (
            cue.value in ("agent_next", "counterpart")
            and _words_between(tokens, cue.end, mention.start) > 0
        ):
            continue  # "هاجمت حاجزاً لقوات النظام"، "مع أنباء عن فقد ميليشيا أسد": not next to the word
        role = _ROLES_AFTER_CUE[cue.value]
        return "suspected" if role == "agent" and suspicion else role
    losses = [c for c in cues if c.value in _ROLES_BEFORE_CUE.keys() | {"target_after"}]
    for act in acts:
        passive_reading = any(c.start <= act.start < c.end for c in losses)  # "فقد ميليشيا أسد"
        civilians = _unarmed(mention)  # "قتل مدنيان"، "قتل متظاهر": victims
        subject_next = act.start not in objects_next
        if (
            0 <= mention.start - act.end <= 1
            and subject_next
            and not (passive_reading or civilians)
        ):
            return "agent"  # verb first, subject next: "استعادت قوات النظام"، "قتل تنظيم داعش"
    if not violent or mention.start < trigger_start:
        # "تعزيزات عسكرية لقوات الأسد": a side's own men and means; "عناصر هيئة تحرير الشام
        # تمكنوا من": the subject before the act. Only after the act do "عناصر من X" name victims.
        return None
    for token in reversed([t for t in before if t.end <= transparent_from]):
        if len(token.text) == 1:  # a clitic cut off by tatweel: "لـ داعش"
            continue
        kind = _role_word(token.text)
        if kind in STRUCK_KINDS:
            # VSO: the noun right after the verb is its subject ("داهمت دورية لقوات الأسد")
            # ... unless a name stands before the verb: "تنظيم داعش هاجم نقاط لميليشيات الأسد"
            subject = any(
                0 <= token.start - act.end <= 1
                and act.value.kind not in NOT_VERBS
                # "استهدف القصف مقرات": a definite noun has no subject after it
                and act.start not in objects_next
                and (previous_end is None or previous_end > act.start)
                and not _subject_before(tokens, act)
                for act in acts
            )
            return "agent" if subject else "target"
        if kind != "transparent":
            break
    return None


def _struck_between(cue: Mention, mention: Mention, tokens: list[Token]) -> bool:
    """Whether what an act struck (a position or men: role_nouns.tsv) stands between the act's
    noun and ``mention``: "غارات تستهدف مواقع داعش"، "القصف مقرات تابعة لفصائل معارضة". Right
    after it with "لـ" ("هجوم لعناصر داعش") the noun's own complement still names who acted."""
    between = [t for t in tokens if cue.end <= t.start and t.end <= mention.start]
    return any(
        _role_word(t.text) in STRUCK_KINDS
        for index, t in enumerate(between)
        if index or not t.text.startswith(LAM)  # "هجوم لعناصر داعش": the act's own complement
    )


def _after_the_acts_adjective(cue: Mention, mention: Mention, tokens: list[Token]) -> bool:
    """Whether an act's noun and its adjectives (means_adjectives.tsv, act_adjectives.tsv)
    stand before ``mention``, which has no "لـ": "استهدفت غارات جوية التنظيم"، "غارات أخرى
    التنظيم". A noun's owner follows the noun itself, so a name after its adjective is what the
    act struck, not who did it ("قصف مدفعي لقوات النظام"، "قصف مكثف من القوات": who did it)."""
    between = [t for t in tokens if cue.end <= t.start and t.end <= mention.start]
    noun = next((t for t in tokens if t.start <= cue.start < t.end), None)
    adjectives = _acts_adjectives()
    return (
        bool(between)
        and noun is not None
        and noun.text[cue.start - noun.start :] in _act_heads()
        and all(t.text in adjectives for t in between)
        and not _with_lam(mention, tokens)
    )


@cache
def _acts_adjectives() -> frozenset[str]:
    """Every form of an adjective an act's noun may take: of its means or of its manner."""
    return act_adjectives() | frozenset(means_adjectives())


@cache
def _act_heads() -> frozenset[str]:
    """The first words of ``act_nouns.tsv``'s nouns: "غارات"، "قصف"، "هجوم" (the article, if
    any, is the noun's clitic)."""
    return frozenset(noun.split()[0] for noun in act_nouns())


def _struck_after_its_arms(
    cue: Mention, mention: Mention, tokens: list[Token], acts: list[Mention]
) -> bool:
    """Whether a weapon fills the place of who fired after "بنيران"/"برصاص", and what it
    struck (a position or men: role_nouns.tsv) stands before ``mention``: "بنيران المدفعية
    الثقيلة تجمعات لجبهة النصرة" names the side hit. "بنيران مدفعية قوات النظام" still
    names who fired."""
    arms = [
        a
        for a in acts
        if a.value.kind in ARMS_KINDS and cue.end <= a.start and a.end <= mention.start
    ]
    return bool(arms) and any(
        arms[0].end <= t.start and t.end <= mention.start and _role_word(t.text) in STRUCK_KINDS
        for t in tokens
    )


_ROLES_AFTER_CUE = {
    "agent_after": "agent",
    "agent_by": "agent",
    "agent_next": "agent",
    "target_after": "target",
    "suspected": "suspected",
    "between": "between",
    "source": "aside",
    "outlet": "aside",
    "aside": "aside",
    "counterpart": "counterpart",
    "accusing": "suspected",
    "holder": "holder",
}
_ROLES_BEFORE_CUE = {
    "agent_before": "agent",
    "target_before": "target",
    "suspected_before": "suspected",
}
CUE_ROLES = frozenset(_ROLES_AFTER_CUE) | frozenset(_ROLES_BEFORE_CUE) | {"affiliation"}
LAM = "ل"  # the preposition written on a noun: "لعناصر"
CONJUNCTION = "و"
ARMS_KINDS = ("means", "weapon")  # "الطيران"، "صواريخ": what a side strikes with
MEANS_REACH = 40  # characters of means adjectives between an act and a side's adjective
AFFILIATION_GAP = 1  # words between a name and "التابعة" when the affiliation is the name's


def _striking(
    weapon: Mention, acts: list[Mention], cues: list[Mention], tokens: list[Token]
) -> bool:
    """Whether a weapon is named as what struck: right after the act's verb or a word of
    doing ("استهدفت طائرة مسيرة"، "نفذتها الطائرات الحربية"), not as what was struck ("قائد
    قوات الطائرات المسيرة")."""
    doers = [a for a in acts if a.value.kind not in ARMS_KINDS and a is not weapon]
    doers += [c for c in cues if c.value in ("agent_after", "agent_next")]
    return any(
        d.end <= weapon.start and _words_between(tokens, d.end, weapon.start) <= 1 for d in doers
    )


def _suspicion_words(tokens: list[Token], cues: list[Mention], start: int, end: int) -> int:
    """Words of suspicion cues ("يرجح أنها") in ``[start, end)``."""
    return sum(
        _words_between(tokens, c.start, c.end)
        for c in cues
        if c.value in _SUSPICIONS and start <= c.start and c.end <= end
    )


def _words_between(tokens: list[Token], start: int, end: int) -> int:
    return sum(1 for t in tokens if start <= t.start and t.end <= end)


def _role_word(word: str) -> str | None:
    kinds = role_words()
    for variant in token_variants(word, suffixes=True):
        if variant.form in kinds:
            return kinds[variant.form]
    if word.endswith(TANWEEN_ALEF) and len(word) > len(TANWEEN_ALEF) + 1:
        # the accusative's alef: "هاجم مسلحون حاجزا لقوات النظام"، "استهدفت غارات أرتالا"
        return _role_word(word.removesuffix(TANWEEN_ALEF))
    return None


TANWEEN_ALEF = "ا"
CHECKPOINT = "checkpoint"  # role_nouns.tsv: a checkpoint, struck, or where its men detain
STRUCK_KINDS = frozenset({"target", CHECKPOINT})
IN_GENERAL = "general"  # role_nouns.tsv: men named in general, of a side only with "من"
AT_A_CHECKPOINT = frozenset({normalise_key("على"), normalise_key("عند")})  # detained there


@cache
def role_words() -> dict[str, str]:
    """``role_nouns.tsv``: normalised word → "target", "checkpoint" or "transparent"."""
    return {
        normalise_key(row["word"]): row["kind"]
        for _, row in read_tsv("role_nouns.tsv", ["word", "kind"])
    }


def interaction_code(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction: the two inter codes, smaller first (10 × inter1 alone)."""
    if inter1 is None:
        return None
    if inter2 is None:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high
