"""event_type and sub_event_type: trigger words from ``data/lexicons/triggers.tsv``.

Each trigger names an ACLED type and sub-type, or a rule to finish it: ``attack`` and
``killing`` take their sub-type from the target (civilians are attacked, armed men clash),
``takeover`` from actor1 (state forces regain, others overtake), ``detention`` from actor1
(state forces arrest, armed groups abduct). ``means`` (warplanes, helicopters) are no act
alone: a generic attack in their clause becomes an air strike. The highest ``priority`` in a clause wins, so that
an IED in an ambush is the ambush (codebook: "part of the battle").

Example:
    >>> [m.value.sub_event_type for m in find_triggers(Document.from_text("انفجار عبوة ناسفة"))]
    ['Remote explosive/landmine/IED']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from rasad.extractors.fatalities import parse_number
from rasad.lexicon import GAZETTEER_DATA_DIR, read_tsv, word_set
from rasad.matching import ARTICLE, PhraseMatch, PhraseMatcher, clitics_before, token_variants
from rasad.model import Document, Mention
from rasad.normalise import normalise_key

DISORDER_TYPES = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
GENERIC_KINDS = ("attack", "killing")  # "هجوم"، "مقتل": violence that names no means
# a detention: arrest by state forces, abduction otherwise; a raid may turn into a firefight
DETENTION_KINDS = ("detention", "raid")
RAID = "raid"
WITHDRAWAL = "withdrawal"  # a side pulling out: part of a battle told at its place
AIR_DEFENCE = "interception"  # air defences meeting a strike ("تصدت الدفاعات الجوية")
CHEMICAL = "Chemical weapon"  # the sub-type that joins no other act (incidents, resolution)
REMOTE_VIOLENCE = "Explosions/Remote violence"
ARMED_CLASH = "Armed clash"  # the sub-type of a battle fought, neither won nor lost
AGREEMENT = "Agreement"  # two sides agree: the name after "مع" is the other one
WEAPON = "weapon"  # a weapon named ("الصواريخ"، "قذائف"), an act only as its means
SEIZURE = "seizure"  # "استيلاء": looting, or a takeover when land is seized
EXPULSION = "expulsion"  # "طرد"، "دحر": a takeover when a side is driven out of land
REPEL = "repel"  # "تصدت"، "التصدي": a clash, or an interception when what is met is a weapon
HELD = "held"  # "مختطفين": people abducted, an act only when counted ("40 مختطفا")
# "فرقت": breaking up a protest named within a few words after it ("فرقت عناصر الهيئة
# بالرصاص الحي مظاهرة"), with live fire named there excessive force; no act otherwise
DOWNING = "downing"  # "أسقط": an act only with an aircraft named after it ("أسقطوا طائرة")
CONFISCATION = "confiscation"  # "ضبطت": an act only with a weapon named after it
# "انفجار": an IED, unless a weapon or aircraft in its clause is what exploded
BLAST = "blast"
# the strikes that may be joined to another of other means: "غارات وقصف"، "قصف وغارات"
JOINED_KINDS = ("event", "bombardment")
# strikes from afar: from the air, or by shells and missiles
FROM_AFAR = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})
OBJECT_REACH = 30  # characters from the verb to its object: "أسقط مقاتلو المعارضة طائرة"
DISPERSAL = "dispersal"
DISPERSAL_REACH = 40  # characters from the verb to the protest it broke up
EXCESSIVE_FORCE = "Excessive force against protesters"
PEACEFUL_PROTEST = "Peaceful protest"
REPEL_REACH = 4  # words after it that may name the weapon met ("التصدي لـ13 صاروخا")
SEIZED_REACH = 6  # words from the act's word to its preposition ("استيلاء قواته على")
SEIZED_WORDS = 2  # words after it that name the land ("على عشرات القرى"، "من كافة قرى")
ON = normalise_key("على")
FROM = normalise_key("من")
WEAPON_IN_USE_PRIORITY = 5  # as strong as "قصف": "استهدفت قوات النظام بقذائف المدفعية بلدة ..."
VIOLENT_TYPES = frozenset(t for t, d in DISORDER_TYPES.items() if d != "Strategic developments")


@dataclass(frozen=True, slots=True)
class Trigger:
    """What a trigger word says about the event; ``kind`` says how to finish the sub-type."""

    kind: str
    event_type: str
    sub_event_type: str
    priority: int
    victims: str | None = None  # who it is done to when no one is named: "مجزرة" → civilians
    used_by: str | None = None  # the one side that uses it: "البراميل المتفجرة" → the Assad army

    @property
    def violent(self) -> bool:
        return self.event_type in VIOLENT_TYPES or self.kind in DETENTION_KINDS

    @property
    def has_targets(self) -> bool:
        """Whether the act is done to someone: a protest or a move has no target by default;
        breaking up a protest is done to the protesters ("فرقت عناصر الهيئة مظاهرة")."""
        return self.violent and (
            self.event_type != "Protests" or self.sub_event_type != PEACEFUL_PROTEST
        )


# land seized is territory taken: the sub-type by actor1, like "سيطرت على"
LAND_TAKEN = Trigger("takeover", "Battles", "", 6)
MET_IN_FLIGHT = Trigger(AIR_DEFENCE, "Strategic developments", "Disrupted weapons use", 8)


# Words whose accusative takes no written alef: ة (normalised ه) carries the ending; a final
# alef, ى or hamza is irregular or already long.
_NO_ACCUSATIVE_ALEF = ("ه", "ا", "ى", "ء", "ئ")
_TA_MARBUTA = "ه"  # ة as normalised


@cache
def trigger_matcher() -> PhraseMatcher[Trigger]:
    """The trigger lexicon as a matcher (built once), with each entry's accusative, definite
    and dual forms.

    An indefinite noun in the accusative is written with an alef: "شنت هجوماً"، "قصفاً
    مدفعياً"; a noun and its adjective take the article together: "الهجوم الكيماوي". The
    lexicon lists the plain forms and the others are added by rule, unless the lexicon lists
    that form itself ("كميناً").
    """
    matcher: PhraseMatcher[Trigger] = PhraseMatcher(suffixes=True)
    entries = []
    for _, row in read_tsv("triggers.tsv", ["trigger", "kind", "event_type", "priority"]):
        trigger = Trigger(
            row["kind"],
            row["event_type"],
            row["sub_event_type"],
            int(row["priority"]),
            row.get("victims") or None,
            row.get("used_by") or None,
        )
        matcher.add(row["trigger"], trigger)
        entries.append((row["trigger"], trigger))
    for phrase, trigger in entries:
        for form in (_accusative(phrase), _definite(phrase), *_duals(phrase)):
            if form not in matcher:
                matcher.add(form, trigger)
    return matcher


@cache
def bare_explosion_priority() -> int:
    """The priority of "انفجار": an explosion that may be what a strike or a shell did. A
    bomb's trigger ranks above it ("عبوة ناسفة"، "سيارة مفخخة"، "انتحاري")."""
    return trigger_matcher().payload_of(BARE_EXPLOSION).priority


BARE_EXPLOSION = "انفجار"


@cache
def act_nouns() -> frozenset[str]:
    """``act_nouns.tsv``: the normalised nouns that name an act or the weapon of one."""
    return frozenset(normalise_key(row["noun"]) for _, row in read_tsv("act_nouns.tsv", ["noun"]))


def _duals(phrase: str) -> tuple[str, ...]:
    """ "غارة" → "غارتين"، "غارتان"; "ضربة جوية" → "ضربتين جويتين": a feminine noun and its
    adjectives in the dual (the masculine dual's ين/ان is a suffix the matcher strips); a noun
    alone also in the construct dual, which drops its ن ("جثتي شابين": the bodies of two)."""
    words = normalise_key(phrase).split()
    if not words[0].endswith(_TA_MARBUTA):
        return ()
    endings = ("ين", "ان", "ي") if len(words) == 1 else ("ين", "ان")
    return tuple(
        " ".join(w[:-1] + "ت" + ending if w.endswith(_TA_MARBUTA) else w for w in words)
        for ending in endings
    )


def _definite(phrase: str) -> str:
    """ "هجوم كيماوي" → "هجوم الكيماوي": with the article on the noun, its adjectives take it
    too ("الهجوم الكيماوي"); the noun's own article is a clitic the matcher strips."""
    first, *rest = normalise_key(phrase).split()
    if not rest or any(word.startswith(ARTICLE) for word in rest):
        return " ".join([first, *rest])
    return " ".join([first, *(ARTICLE + word for word in rest)])


def _accusative(phrase: str) -> str:
    """ "قصف مدفعي" → "قصفا مدفعيا": every word with the alef of the indefinite accusative."""
    return " ".join(
        word if word.endswith(_NO_ACCUSATIVE_ALEF) else word + "ا"
        for word in normalise_key(phrase).split()
    )


CONTROL_REACH = 40  # characters past a takeover's word: its pronoun and the next word


def _dropped(aircraft: PhraseMatch[Trigger], matches: list[PhraseMatch[Trigger]]) -> bool:
    """Whether the aircraft after "أسقطت" dropped a munition named right after it ("أسقطت
    الطائرات المروحية براميل متفجرة"): the aircraft is the subject, and nothing is downed."""
    return any(
        m.payload.event_type == "Explosions/Remote violence"
        and m.payload.kind != "means"
        and 0 < m.start - aircraft.end <= OBJECT_REACH
        for m in matches
    )


def _control_held(text: str, end: int) -> bool:
    """Whether a takeover's word goes on past ``end`` with a pronoun and no "على" follows it:
    "سيطرته"، "لسيطرتها" (the normalised "سيطرة" reads as "سيطر" and a pronoun too) name whose
    control a place is under; "سيطروا على"، "أحكمت سيطرتها على" tell it taken."""
    if end >= len(text) or not text[end].isalpha():
        return False
    rest = text[end : end + CONTROL_REACH].split(maxsplit=2)
    if rest[0] == PLURAL_VERB_ENDING:
        return False  # "سيطروا منذ صباح أمس على": a verb's plural, no noun's pronoun
    return len(rest) < 2 or not rest[1].startswith(ON)


PLURAL_VERB_ENDING = "وا"  # "سيطروا": the verb of a plural subject


def find_triggers(doc: Document, start: int = 0, end: int | None = None) -> list[Mention]:
    """Trigger mentions in normalised ``doc.norm.text[start:end]``."""
    assert doc.norm is not None
    text = doc.norm.text
    found = []
    matches = list(doc.find(trigger_matcher(), start, end))
    protests = [m.start for m in matches if m.payload.sub_event_type == PEACEFUL_PROTEST]
    for match in matches:
        trigger = match.payload
        if trigger.kind == AIR_DEFENCE and _struck_as_a_target(text, match, matches):
            continue  # "استهدفت الصواريخ القاعدة ... وأنظمة الدفاع الجوي": what was hit
        if trigger.kind == WEAPON and _instrumental(text, match.start):
            trigger = replace(trigger, kind="event", priority=WEAPON_IN_USE_PRIORITY)
        elif trigger.kind == SEIZURE:
            trigger = (
                LAND_TAKEN if _land_after(doc, match.end, ON) else replace(trigger, kind="event")
            )
        elif trigger.kind == REPEL:
            # "تم التصدي لـ13 صاروخا"، "تصدت لطائرات مسيرة": weapons met in flight; "تصدت
            # لهجوم" a clash
            trigger = (
                MET_IN_FLIGHT if _weapon_after(doc, match.end) else replace(trigger, kind="event")
            )
        elif trigger.kind == HELD:
            if not _counted(doc, match.start):
                continue  # "إعادة المخطوفين"، "مخطوفي السويداء": of an abduction told before
            trigger = replace(trigger, kind="event")
        elif trigger.kind == DISPERSAL:
            broken_up = next((p for p in protests if 0 < p - match.end <= DISPERSAL_REACH), None)
            if broken_up is None:
                continue  # "فرقت الشرطة التجمعات": no protest named, no act told
            # "بالرصاص الحي": fire between the verb and the protest ("رصاص"، "إطلاق النار")
            fired = any(
                m.payload.kind == "attack" and match.end <= m.start < broken_up for m in matches
            )
            trigger = replace(
                trigger,
                kind="event",
                sub_event_type=EXCESSIVE_FORCE if fired else trigger.sub_event_type,
            )
        elif trigger.kind == LAND_TAKEN.kind and _control_held(text, match.end):
            continue  # "تحت سيطرته"، "خاضعة لسيطرتها": the noun of control, no land taken now
        elif trigger.kind in (DOWNING, CONFISCATION):
            # "أسقط مقاتلو المعارضة طائرة": an aircraft downed; "ضبطت قوى الأمن عبوات ناسفة":
            # weapons seized. "إسقاط النظام"، "ضبطت الأمن": no weapon, no act of war
            objects = [
                m
                for m in matches
                if 0 < m.start - match.end <= OBJECT_REACH
                and (
                    m.payload.sub_event_type == "Air/drone strike"
                    if trigger.kind == DOWNING
                    else m.payload.event_type == "Explosions/Remote violence"
                )
            ]
            if not objects or (trigger.kind == DOWNING and _dropped(objects[0], matches)):
                continue
            trigger = replace(trigger, kind="event")
        elif trigger.kind == EXPULSION:
            if not _land_after(doc, match.end, FROM):
                continue  # "طرد السفير": no ground taken, no act of war
            trigger = LAND_TAKEN
        found.append(Mention("trigger", match.start, match.end, trigger))
    return found


def _struck_as_a_target(
    text: str, defence: PhraseMatch[Trigger], matches: list[PhraseMatch[Trigger]]
) -> bool:
    """Whether air defences are named among what a strike told before them in the sentence hit
    ("واستهدفت الصواريخ قاعدة الشعيرات ... وأنظمة الدفاع الجوي"، "دمرت منظومات الدفاع الجوي"),
    with no verb of meeting or downing near them: a target, not an interception."""
    start = max(text.rfind(".", 0, defence.start), text.rfind("\n", 0, defence.start)) + 1
    struck = any(
        start <= m.start < defence.start and m.payload.event_type == REMOTE_VIOLENCE
        for m in matches
    )
    met = any(
        m.payload.kind in (REPEL, DOWNING) and abs(m.start - defence.start) <= MEETING_REACH
        for m in matches
    )
    return struck and not met


MEETING_REACH = 60  # characters between air defences and the verb of their meeting a strike


@cache
def aircraft_words() -> frozenset[str]:
    """The first words of the aircraft that triggers.tsv names as means ("طائرة"، "مقاتلات"،
    "مروحيات"): a strike word that opens with one names the aircraft ("طائرة مسيرة"), the
    others the act ("غارات")."""
    return frozenset(
        normalise_key(row["trigger"]).split()[0]
        for _, row in read_tsv("triggers.tsv", ["trigger", "kind"])
        if row["kind"] == "means"
    )


def names_an_aircraft(doc: Document, trigger: Mention) -> bool:
    """Whether a trigger's words open with an aircraft's ("طائرة مسيرة"، "الطائرات")."""
    assert doc.norm is not None
    first = doc.norm.text[trigger.start : trigger.end].split()[0]
    return any(variant.form in aircraft_words() for variant in token_variants(first))


@cache
def means_adjectives() -> dict[str, str]:
    """``means_adjectives.tsv``: every written form of a means adjective ("جويا"، "والمدفعية"،
    "الجوي") → the sub-type it makes."""
    return {
        form: row["sub_event_type"]
        for _, row in read_tsv("means_adjectives.tsv", ["adjective", "sub_event_type"])
        for form in _adjective_forms(row["adjective"])
    }


@cache
def act_adjectives() -> frozenset[str]:
    """``act_adjectives.tsv``: every written form of an adjective that describes an act without
    naming its means or side ("أخرى"، "عنيفا"، "المكثف")."""
    return frozenset(
        form
        for _, row in read_tsv("act_adjectives.tsv", ["adjective"])
        for form in _adjective_forms(row["adjective"])
    )


@cache
def other_act_adjectives() -> frozenset[str]:
    """The forms of the act adjectives of sense "other" ("آخر"، "أخرى"، "الأخرى"): an act so
    named is not one told before."""
    return frozenset(
        form
        for _, row in read_tsv("act_adjectives.tsv", ["adjective", "sense"])
        if row["sense"] == "other"
        for form in _adjective_forms(row["adjective"])
    )


def named_another(doc: Document, trigger: Mention) -> bool:
    """Whether the word right after an act's noun says it is another act ("في هجوم آخر")."""
    _, at = doc.tokens_between(0, trigger.end)
    tokens = doc.tokens()
    return at < len(tokens) and normalise_key(tokens[at].text) in other_act_adjectives()


def _adjective_forms(adjective: str) -> list[str]:
    """An adjective with and without the article, the conjunction, the accusative alef and the
    feminine ending: "جوي"، "جويا"، "جوية" (ة normalised)، "والجوية"."""
    stem = normalise_key(adjective)
    return [
        conjunction + article + stem + ending
        for article in ("", ARTICLE)
        for ending in ("", "ا", "ه")
        for conjunction in ("", "و")
    ]


def means_told(doc: Document, trigger: Mention) -> list[str]:
    """The sub-types of the means adjectives coordinated after a bombardment's noun, in the
    order told: "قصفا بريا وجويا" → shelling, air strike; "قصف مدفعي وصاروخي" → shelling
    twice. Empty when fewer than two adjectives follow it."""
    adjectives = means_adjectives()
    _, noun = doc.tokens_between(0, trigger.start)  # the token the trigger starts in
    told: list[str] = []
    for position, token in enumerate(doc.tokens()[noun + 1 : noun + 4]):
        sub_event_type = adjectives.get(token.text)
        if sub_event_type is None or (position and not token.text.startswith("و")):
            break
        told.append(sub_event_type)
    return told if len(told) > 1 else []


def acts_joined(doc: Document, trigger: Mention) -> list[str]:
    """The sub-types of a strike's noun and of another joined to it by "و" with other means,
    in the order told: "بغارات وقصف النظام" → air strike, shelling; "قصف وغارات" → shelling,
    air strike. Empty when no such noun is joined to it."""
    _, noun = doc.tokens_between(0, trigger.start)  # the token the trigger starts in
    tokens = doc.tokens()
    after = noun + 1 < len(tokens) and tokens[noun + 1].text.startswith("و")
    before = noun > 0 and tokens[noun].text.startswith("و")
    if not (after or before):
        return []
    joined = tokens[noun + 1] if after else tokens[noun - 1]
    other = next(
        (
            m.payload
            for m in doc.find(trigger_matcher(), joined.start, joined.end)
            if m.payload.event_type == REMOTE_VIOLENCE and m.payload.kind in JOINED_KINDS
        ),
        None,
    )
    if other is None:
        return []
    # "غارات وقصف جوي": the means adjective after the joined noun says what it is
    described = (
        means_adjectives().get(tokens[noun + 2].text) if after and noun + 2 < len(tokens) else None
    )
    pair = [trigger.value.sub_event_type, described or other.sub_event_type]
    if pair[0] == pair[1] or not set(pair) <= FROM_AFAR:
        return []
    return pair if after else pair[::-1]


def _counted(doc: Document, start: int) -> bool:
    """Whether a number stands right before the word at ``start``: "40 مختطفا"، "عشرات
    المخطوفين"."""
    _, before = doc.tokens_between(0, start)
    return before > 0 and parse_number(doc.tokens()[before - 1].text) is not None


def _weapon_after(doc: Document, end: int) -> bool:
    """Whether a weapon or an aircraft (a trigger of kind weapon or means) is named among the
    first words after ``end``."""
    first, last = doc.tokens_between(end)
    following = doc.tokens()[first : min(last, first + REPEL_REACH)]
    if not following:
        return False
    return any(
        m.payload.kind in (WEAPON, "means")
        for m in doc.find(trigger_matcher(), following[0].start, following[-1].end)
    )


def _land_after(doc: Document, end: int, preposition: str) -> bool:
    """ "استيلاء قواته على عشرات القرى"، "طرده من كافة قرى وبلدات حوض اليرموك": a settlement
    word of the gazetteer's ``context.tsv`` among the first words after the act's preposition
    makes it land taken; "استولت على منازل المدنيين في بلدة" seized houses."""
    assert doc.norm is not None
    first, last = doc.tokens_between(end)
    following = doc.tokens()[first : min(last, first + SEIZED_REACH)]
    words = land_words()
    ends_with_preposition = doc.norm.text[:end].endswith(preposition)
    for position, token in enumerate(following):
        if token.text == preposition:
            ends_with_preposition = True
            following = following[position + 1 :]
            break
    return ends_with_preposition and any(
        v.form in words for token in following[:SEIZED_WORDS] for v in token_variants(token.text)
    )


def land_words() -> frozenset[str]:
    """The gazetteer's settlement nouns ("قرى"، "بلدة"، "مدينة"); "مناطق عدة"، "المنطقة" are
    too vague to be ground taken in one act."""
    return word_set(
        "context.tsv", kind="settlement", kind_column="role", directory=GAZETTEER_DATA_DIR
    )


def _instrumental(text: str, start: int) -> bool:
    """ "بقذائف"، "وبالصواريخ": the preposition ب makes a weapon the means of an act, also when
    a count stands between them ("بعدة صواريخ"، "بـ 59 صاروخا"، "بعشرات القذائف")."""
    return "ب" in clitics_before(text, start) or bool(
        _counted_instrument().search(text, max(0, start - COUNT_REACH), start)
    )


COUNT_REACH = 30  # characters from "ب" to a weapon past a count: "بأكثر من 100 "


@cache
def _counted_instrument() -> re.Pattern[str]:
    """ "ب" then a count ending right before a weapon: a vague quantity ("عدة"، "عشرات":
    vague_quantities.tsv) or a bound before a figure ("أكثر من"، "نحو": quantity_modifiers.tsv),
    a figure, or both."""
    counts = {
        normalise_key(row["phrase"]) for _, row in read_tsv("vague_quantities.tsv", ["phrase"])
    } | {
        normalise_key(row["phrase"])
        for _, row in read_tsv("quantity_modifiers.tsv", ["phrase", "position"])
        if row["position"] == "before"
    }
    words = "|".join(sorted(map(re.escape, counts), key=len, reverse=True))
    return re.compile(rf"(?:^|\s)و?ب\s*(?:(?:{words})\s+)?(?:[0-9]+\s+)?(?:{ARTICLE})?$")
