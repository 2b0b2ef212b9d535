"""historical, and which acts are not coded at all: discourse cues around a trigger.

``discourse_cues.tsv`` lists the framing that marks background ("وكان ... قد"، "سبق أن"،
"بعد أيام من"، "وكان آخرها"), aggregate tallies ("منذ بداية العام")، plans and fears
("بهدف"، "تحسباً"), denials ("عدم وجود أي") and references back to acts already told ("هذه الهجمات").

Example:
    >>> doc = Document.from_text("وكانت داهمت دورية منزل القيادي")
    >>> frame = frame_clause(doc, 0, len(doc.norm.text))
    >>> frame.historical
    True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from rasad.extractors.fatalities import death_phrases, parse_number, said_without
from rasad.extractors.triggers import PLURAL_VERB_ENDING, act_nouns
from rasad.lexicon import read_tsv, word_set
from rasad.matching import ARTICLE, PhraseMatcher, token_variants
from rasad.model import Document, Mention
from rasad.normalise import normalise_key

# Kinds of cue after which the acts of a clause are not coded: planned or feared, denied,
# likened to, done from time to time, fled from or mourned.
NOT_CODED_AFTER = frozenset({"plan", "denial", "outcome", "comparison", "habit", "fled", "funeral"})
# Kinds of cue that name the act a plan answers: it happened, and the plan stops there.
ANSWERED = frozenset({"answered"})


@dataclass(frozen=True, slots=True)
class ClauseFrame:
    """How the discourse frames the acts of one clause."""

    historical: bool
    historical_cue: Mention | None
    tally: bool
    plan: (
        tuple[int, int] | None
    )  # normalised span of the clause where acts are only planned, feared or denied
    anaphora: Mention | None  # what refers back to acts already told ("بين الطرفين")


@cache
def cue_matcher() -> PhraseMatcher[str]:
    matcher: PhraseMatcher[str] = PhraseMatcher()
    for _, row in read_tsv("discourse_cues.tsv", ["cue", "kind"]):
        if row["kind"] == ELATIVE:
            continue  # read only before a tally cue (``_compared``)
        if row["cue"] not in matcher:
            matcher.add(row["cue"], row["kind"])
    for future in future_forms():
        if future not in matcher:
            matcher.add(future, "plan")
    for held in weapons_held():
        if held not in matcher:
            matcher.add(held, "not_act")
    return matcher


@cache
def weapons_held() -> frozenset[str]:
    """``weapon_holders.tsv``: each holder before each weapon ("مخبأ الأسلحة الكيميائية"; the
    matcher reads "مخبأ للأسلحة الكيميائية" with its clitic too), normalised."""
    holders = word_set("weapon_holders.tsv", kind="holder")
    weapons = word_set("weapon_holders.tsv", kind="weapon")
    return frozenset(f"{holder} {weapon}" for holder in holders for weapon in weapons)


FUTURE_PERSONS = ("ي", "ت", "ن", "ا")  # he/they, she/you, we, I: "سيقصف"، "ستقصف"، "سنقصف"، "سأقصف"
FUTURE_ENDINGS = ("", "ون", "ان")  # "سيقصفون"، "ستقصفان"


@cache
def future_forms() -> frozenset[str]:
    """``future_verbs.tsv`` in the future of every person and number: "يواصل" → "سيواصل"،
    "ستواصل"، "سنواصل"، "سيواصلون" ... (normalised)."""
    return frozenset(
        "س" + person + stem + ending
        for stem in (normalise_key(verb)[1:] for verb in word_set("future_verbs.tsv", "verb"))
        for person in FUTURE_PERSONS
        for ending in FUTURE_ENDINGS
    )


@cache
def speech_verb_matcher() -> PhraseMatcher[str]:
    """``speech_verbs.tsv``: the verbs of saying."""
    matcher: PhraseMatcher[str] = PhraseMatcher()
    for _, row in read_tsv("speech_verbs.tsv", ["word", "kind"]):
        if row["kind"] == "verb":
            matcher.add(row["word"], row["word"])
    return matcher


OPENER_KINDS = frozenset({"opener", "complementizer"})
PRONOUNS = ("ه", "ها", "هم", "هما", "نا")  # attached pronouns: "إنها"، "قواتنا"


@cache
def said_openers() -> frozenset[str]:
    """``speech_verbs.tsv``'s openers of what was said, as written with "ب"/"و" before them and
    a pronoun after them: "ان" → "بان"، "انها"، "وانهم" ..."""
    return frozenset(
        prefix + normalise_key(row["word"]) + pronoun
        for _, row in read_tsv("speech_verbs.tsv", ["word", "kind"])
        if row["kind"] in OPENER_KINDS
        for prefix in ("", "ب", "و")
        for pronoun in ("", *PRONOUNS)
    )


@cache
def demonstratives() -> frozenset[str]:
    """``reference_words.tsv``'s demonstratives ("هذه"، "تلك"), bare: an act named after one is
    one told before."""
    return word_set("reference_words.tsv", kind="demonstrative")


@cache
def impersonal_verbs() -> frozenset[str]:
    """``reference_words.tsv``'s verbs that tell an act with no doer ("جرى اعتقال"), bare."""
    return word_set("reference_words.tsv", kind="impersonal")


@cache
def deals_named_by_date() -> frozenset[str]:
    """``reference_words.tsv``'s nouns of deals that a date of the month names ("اتفاق
    العاشر من آذار"), bare."""
    return word_set("reference_words.tsv", kind="named_by_date")


@cache
def happening_verbs() -> frozenset[str]:
    """``reference_words.tsv``'s verbs of happening ("وقعت"), bare: a date right after one is
    the act's own day."""
    return word_set("reference_words.tsv", kind="happened")


def said_between(doc: Document, start: int, end: int) -> bool:
    """Whether a verb of saying stands in normalised ``[start, end)``."""
    return any(True for _ in doc.find(speech_verb_matcher(), start, end))


def find_cues(doc: Document, start: int, end: int) -> list[Mention]:
    """Discourse cue mentions in ``doc.norm.text[start:end]``; value: the cue's kind."""
    assert doc.norm is not None
    found = [Mention("cue", m.start, m.end, m.payload) for m in doc.find(cue_matcher(), start, end)]
    denials = _negated_any(doc, start, end) + _denied_happening(doc, start, end)
    return sorted(found + denials, key=lambda m: (m.start, m.end))


NEGATION_REACH = 2  # words between "لم" and "أي": "لم تنفذ أي"، "لم تسجل بعد أي"
DENIAL_REACH = 6  # words between "نفى" and what it denies: "نفى مصدر بالجيش، مساء السبت، تعرض"


def negation_words(kind: str) -> frozenset[str]:
    """``negations.tsv``'s normalised words of ``kind`` ("negation", "any")."""
    return word_set("negations.tsv", kind=kind)


def _negated_any(doc: Document, start: int, end: int) -> list[Mention]:
    """ "لم تنفذ أي غارات"، "لم يشن أي هجوم": a negated verb with "أي" denies the act it
    names (a denial cue from "لم" to "أي")."""
    assert doc.norm is not None
    anys = negation_words("any")
    clause = doc.norm.text[start:end]
    if not any(f" {word} " in clause for word in anys):
        return []
    return _denials(doc, start, end, negation_words("negation"), anys, NEGATION_REACH)


def _denied_happening(doc: Document, start: int, end: int) -> list[Mention]:
    """ "نفى مصدر بالجيش السوري، مساء السبت، تعرض مطار المزة إلى هجوم إسرائيلي": a verb of
    denying with a noun of happening after it ("تعرض"، "وقوع"، "حدوث") denies the act (a denial
    cue from the verb to the noun). Denying blame ("نفت مسؤوليتها عن الهجوم") denies no act."""
    assert doc.norm is not None
    denying = negation_words("denying")
    clause = doc.norm.text[start:end]
    if not any(word in clause for word in denying):
        return []
    return _denials(doc, start, end, denying, negation_words("happening"), DENIAL_REACH)


def _denials(
    doc: Document, start: int, end: int, heads: frozenset[str], tails: frozenset[str], reach: int
) -> list[Mention]:
    """Denial cues from a word of ``heads`` ("و" attached or not) to a word of ``tails`` at
    most ``reach`` words after it, in normalised ``[start, end)``."""
    first, last = doc.tokens_between(start, end)
    tokens = doc.tokens()[first:last]
    cues = []
    for position, token in enumerate(tokens):
        if token.text.lstrip("و") not in heads:
            continue
        following = tokens[position + 1 : position + 2 + reach]
        tail = next((t for t in following if t.text in tails), None)
        if tail is not None:
            cues.append(Mention("cue", token.start, tail.end, "denial"))
    return cues


def _reported_before(doc: Document, start: int, end: int) -> bool:
    """ "وكان ناشطون أفادوا بتجدد الضربات صباح اليوم": "وكان" framing a verb of saying (its
    subject between) tells when it was said, not that the act said is background."""
    assert doc.norm is not None
    words = doc.norm.text[start : min(end, start + REPORTED_BEFORE_REACH)].split()
    verbs = word_set("speech_verbs.tsv", kind="verb")
    # "أفادوا"، "قالوا": the verb of a plural subject
    return any(w in verbs or w.removesuffix(PLURAL_VERB_ENDING) in verbs for w in words)


REPORTED_BEFORE_REACH = 24  # characters from "وكان" past its verb of saying: "وكان ناشطون أفادوا"


def frame_clause(
    doc: Document, start: int, end: int, cues: list[Mention] | None = None
) -> ClauseFrame:
    """How the cues inside clause ``[start, end)`` frame its acts (``cues``: found already)."""
    if cues is None:
        cues = find_cues(doc, start, end)
    recap = next((c for c in cues if c.value in ("recap", "recap_phrase")), None)
    recap_start = next(
        (
            c
            for c in cues
            if c.value == "recap_start"
            and c.start <= start + 1
            and not _reported_before(doc, c.end, end)
        ),
        None,
    )
    historical_cue = recap_start or recap
    # "للوقاية من أي ضربة كيماوية": any act, none told; "نفت ... أي هجوم كيماوي": the act denied
    denied_from = min((c.end for c in cues if c.value == "denying"), default=end)
    plans = [
        c
        for c in cues
        if c.value in NOT_CODED_AFTER or (c.value == "any" and c.start < denied_from)
    ]
    plan_span = None
    if plans:
        assert doc.norm is not None
        # a plan reaches to the end of its phrase; the last of several to the end of its own;
        # what it answers happened ("هدد بالرد على الهجوم الكيماوي")
        stop = _phrase_end(doc.norm.text, plans[-1].end, end)
        answered = [
            c.start
            for c in cues
            if plans[-1].end <= c.start < stop
            and (
                c.value in ANSWERED
                # "توعد النظام بضربة بعد اتهامه بشن هجوم كيماوي": the act a plan follows
                or (c.value == "prior" and _act_named_after(doc, c.end))
            )
        ]
        plan_span = (plans[0].start, min([stop, *answered]))
    return ClauseFrame(
        historical=historical_cue is not None,
        historical_cue=historical_cue,
        tally=any(
            c.value == "tally"
            and not _compared(doc, c, cues)
            and not _a_rising_toll(doc, c, start, end)
            and not _toll_untold(doc, c)
            for c in cues
        )
        or _counted_period(doc, start, end),
        plan=plan_span,
        anaphora=next((c for c in cues if c.value == "anaphora"), None),
    )


ASIDE_WORDS = 3  # "حذر الرئيس الأميركي، دونالد ترامب، الاثنين، الأسد من شن هجوم"
SUBJECT_WORDS = 5  # "توعد الرئيس الأمريكي دونالد ترامب، الأربعاء، باستهداف سوريا"


def _phrase_end(text: str, start: int, end: int) -> int:
    """Where the phrase from ``start`` ends: at its first comma, unless the words before that
    comma are few (the verb's subject) and short asides between commas follow it (a name in
    apposition, a day): then the phrase goes on after the asides to its next comma."""
    comma = text.find(",", start, end)
    if comma == -1 or len(text[start:comma].split()) > SUBJECT_WORDS:
        return end if comma == -1 else comma
    first = comma
    while True:
        closing = text.find(",", comma + 1, end)
        if closing == -1:
            closing = end
        if closing == end or len(text[comma + 1 : closing].split()) > ASIDE_WORDS:
            return first if comma == first else closing
        comma = closing


def _toll_untold(doc: Document, tally: Mention) -> bool:
    """Whether the tally cue is a toll said not to be known ("دون أن تتضح حصيلة الخسائر"): the
    act's own toll, untold, no tally."""
    assert doc.norm is not None
    if normalise_key(doc.norm.text[tally.start : tally.end]) not in _toll_words("count"):
        return False
    return said_without(doc.norm.text, tally.start, UNTOLD_WORDS)


UNTOLD_WORDS = 3  # "دون أن تتضح حصيلة"


def _a_rising_toll(doc: Document, tally: Mention, start: int, end: int) -> bool:
    """Whether the tally cue is a toll that a verb of rising has taken to a figure named before
    it: "ارتفعت إلى 100 قتيل حصيلة التفجيرات" (toll_words.tsv: rise, then to), the fronted
    order of "ارتفعت حصيلة التفجيرات إلى 100 قتيل" (discourse_cues.tsv, toll)."""
    assert doc.norm is not None
    if normalise_key(doc.norm.text[tally.start : tally.end]) not in _toll_words("count"):
        return False
    first, at = doc.tokens_between(start, tally.start)
    words = [normalise_key(t.text) for t in doc.tokens()[max(first, at - FRONTED_WORDS) : at]]
    rises, to = _toll_words("rise"), _toll_words("to")
    return any(
        (word in rises or word.removeprefix("و") in rises) and following in to
        for word, following in pairwise(words)
    )


FRONTED_WORDS = 5  # "ارتفعت إلى 100 قتيل" / "إلى نحو 100 قتيل مدني": the verb, "إلى" and the figure


def _toll_words(role: str) -> frozenset[str]:
    """``toll_words.tsv``'s normalised words of ``role`` (rise, count, to)."""
    return word_set("toll_words.tsv", kind=role, kind_column="role")


def _compared(doc: Document, tally: Mention, cues: list[Mention]) -> bool:
    """Whether a superlative stands just before a tally cue: "الأوسع منذ عقود"، "من أكثر
    الغارات دموية منذ بدء النزاع" compare. "أكثر من 200 منذ بداية العام" counts."""
    assert doc.norm is not None
    text = doc.norm.text
    if any(
        c.value == "superlative"
        and c.end <= tally.start
        and len(text[c.end : tally.start].split()) <= SUPERLATIVE_GAP
        for c in cues
    ):
        return True
    before = text[max(0, tally.start - ELATIVE_REACH) : tally.start].split()[-SUPERLATIVE_GAP - 1 :]
    elatives = word_set("discourse_cues.tsv", "cue", kind=ELATIVE)
    return any(
        word.removeprefix("و") in elatives and before[at + 1 : at + 2] != [FROM_WORD]
        for at, word in enumerate(before)
    )


SUPERLATIVE_GAP = 3  # words between "الأعنف" and "منذ": "أول عملية من نوعها منذ"
FROM_WORD = "من"  # "أكثر من": a count's lower bound, not an elative
ELATIVE = "elative"  # "أكثر"، "أول": read before a tally cue, never matched as cues
ELATIVE_REACH = 60  # characters before a tally cue that hold its words


def _act_named_after(doc: Document, at: int) -> bool:
    """Whether an act's noun (act_nouns.tsv) is one of the few words after ``at``: "بعد
    هجوم"، "بعد اتهامه بشن هجوم"."""
    _, first = doc.tokens_between(0, at)
    nouns = act_nouns()
    return any(
        variant.form in nouns
        for token in doc.tokens()[first : first + PRIOR_WORDS + 1]
        for variant in token_variants(token.text)
    )


COUNT_REACH = 3  # words between a count and "منذ": "1500 مقاتل كردي منذ بدء الهجوم"
YEAR = re.compile(r"(19|20)\d\d")  # a year's digits, normalised to Western ones
PRIOR_WORDS = 2  # words between "بعد" and the act a plan follows: "بعد اتهامه بشن هجوم"
COUNT_WORDS = 2  # words a count of a period may take: "خمسة"، "ثلاثة عشر"
DUAL = "ين"  # a unit's dual ending: "يومين"، "أسبوعين"


@dataclass(frozen=True, slots=True)
class _PeriodWords:
    units: frozenset[str]  # "ايام"، "يومين": a stretch of time
    singles: frozenset[str]  # "اسبوع": one unit, a stretch before acts that go on
    counted: frozenset[str]  # the units, and their singulars after a count ("يوما")
    overs: tuple[tuple[str, ...], ...]  # "خلال"، "على مدى": the preposition of a period
    links: frozenset[str]  # "على"، "من" in "بعد أسبوعين على بدء"
    starts: frozenset[str]  # "بدء"، "بداية": what a period runs from
    outsets: frozenset[str]  # the starts and "مطلع"، "أوائل": what a year so far runs from
    throughouts: frozenset[str]  # "طوال"، "طيلة": a period, counted or not ("طوال سنوات")
    compared: frozenset[str]  # "من نوعها": a period an act is ranked in ("الثانية من نوعها خلال")
    named: re.Pattern[str]  # any of the counted units, found in a clause at one pass
    # one unit before "من" ("أسبوع من"): the singles, looked for only so ("يوم" is common)
    single_of: re.Pattern[str]
    since_start: re.Pattern[str]  # "منذ بدء"، "منذ بداية": a start a period may run from


@cache
def _period_words() -> _PeriodWords:
    units = word_set("durations.tsv", kind="unit")
    counted = units | word_set("durations.tsv", kind="counted")
    starts = word_set("durations.tsv", kind="start")
    singles = word_set("durations.tsv", kind="single")
    return _PeriodWords(
        units,
        singles,
        counted,
        tuple(tuple(phrase.split()) for phrase in word_set("durations.tsv", kind="over")),
        word_set("durations.tsv", kind="link"),
        starts,
        starts | word_set("durations.tsv", kind="outset"),
        word_set("durations.tsv", kind="throughout"),
        word_set("durations.tsv", kind="compared"),
        re.compile("|".join(sorted(map(re.escape, counted), key=len, reverse=True))),
        re.compile("(?:" + "|".join(map(re.escape, sorted(singles))) + ") " + FROM_WORD),
        re.compile(SINCE + " (?:" + "|".join(map(re.escape, sorted(starts))) + ")"),
    )


def _counted_period(doc: Document, start: int, end: int) -> bool:
    """ "في خمسة أيام من الغارات"، "خلال يومين"، "على مدى 11 يوما": a period counted, whose
    toll sums up its acts (durations.tsv)."""
    assert doc.norm is not None
    period = _period_words()
    tolls = word_set("toll_words.tsv", kind="count", kind_column="role")
    rises = _toll_words("rise")
    deaths = death_phrases()
    if (
        period.named.search(doc.norm.text, start, end) is None
        and period.single_of.search(doc.norm.text, start, end) is None
        and period.since_start.search(doc.norm.text, start, end) is None
        and SINCE not in doc.norm.text[start:end]
        and _overs_but_in().search(doc.norm.text, start, end) is None
    ):
        return False  # most clauses count no stretch of time and date no start
    first, last = doc.tokens_between(start, end)
    words = [normalise_key(t.text) for t in doc.tokens()[first:last]]
    for position in range(len(words)):
        # "وخلال"، "على مدى": the preposition of the period, a conjunction glued to it
        here = (words[position].removeprefix("و"), *words[position + 1 : position + 3])
        if here[0] == AFTER:
            if _since_a_start(words, position + 1, period):
                return True  # "بعد أسبوعين على بدء الحملة"
            if deaths & set(words) and _days_of_fighting(words, position + 1, period):
                return True  # "بعد أيام من المواجهات التي خلفت أكثر من 1000 قتيل"
            continue
        if here[0] == SINCE and _a_weekday_at(words, position + 1) and tolls & set(words):
            return True  # "ارتفع عدد القتلى منذ يوم الأحد ليصل إلى 403": the days since summed up
        if (
            here[0] == SINCE
            and len(here) > 2
            and here[1] in period.outsets
            and YEAR.fullmatch(here[2])
        ):
            return True  # "وثقت الشبكة 17 جريمة قتل داخل المخيم منذ مطلع 2024": a year so far
        if here[0] == SINCE and len(here) > 1 and here[1] in period.starts:
            counted = any(
                word.isdigit() for word in words[max(0, position - COUNT_REACH) : position]
            )
            if counted and deaths & set(words):
                # "في حين قتل أكثر من 280 مدنيا منذ بدء العملية": the dead counted right before
                # the start, summed up since it
                return True
            if position == 0 or (words[0].removeprefix("و") in rises and tolls & set(words)):
                # "ومنذ بدء هجوم القوات الحكومية قتل في الغوطة اكثر من 1435 مدنيا"، "ويرتفع
                # بذلك عدد القتلى لأكثر من 1560 منذ بدء تصعيد القصف": a clause put in the
                # period since a start, or one that tells its count rising, sums it up ("قتل
                # خمسة مدنيين ... ليرتفع عدد القتلى منذ بدء التصعيد إلى 105" tells an act)
                return True
            if any(
                (word == BEFORE and _a_stretch_at(words, k + 1, period)) or word in month_words()
                for k, word in enumerate(words[position + 2 :], start=position + 2)
            ):
                # "منذ بدء الحملة على الغوطة قبل ثلاثة أسابيع"، "منذ بدء المعركة في الثالث من
                # يوليو": a start dated back, and what followed it summed up
                return True
            continue
        if (
            here[0] in period.throughouts
            and len(here) > 1
            and here[1] in period.units
            and _act_named_after(doc, doc.tokens()[first + position].end)
        ):
            # "تعرضت طوال سنوات لقصف أودى بحياة المئات": the acts of years; "كان يعمل إلى
            # جانبه طوال سنوات" sums up no act
            return True
        over = next((o for o in period.overs if here[: len(o)] == o), None)
        if over and " ".join(words[max(0, position - 2) : position]) in period.compared:
            continue  # "عملية هي الثانية من نوعها خلال شهرين": the act ranked, not summed up
        if over and _a_stretch_at(words, position + len(over), period):
            return True  # "خلال يومين"، "على مدى 11 يوما"
        if over and _days_of_fighting(words, position + len(over), period):
            return True  # "خلال أسبوع من القصف": the acts of a week
        if over and _the_first_stretch_at(words, position + len(over), period):
            return True  # "خلال الأسبوعين الأولين من هجوم النظام": the offensive's first weeks
        if (
            over
            and over != IN
            and _a_whole_month_or_year_at(words, position + len(over))
            and deaths & set(words)
        ):
            # "وثق مقتل 45 شخصا خلال شهر تموز الماضي": a month's dead summed up ("استعادة
            # المدينتين خلال ديسمبر" dates an act)
            return True
    return False


@cache
def _overs_but_in() -> re.Pattern[str]:
    """The prepositions of a period other than "في" ("خلال"، "على مدى"), which may sum up a
    month or a year named whole."""
    overs = [" ".join(o) for o in _period_words().overs if o != IN]
    return re.compile("|".join(map(re.escape, sorted(overs, key=len, reverse=True))))


def _the_first_stretch_at(words: list[str], at: int, period: _PeriodWords) -> bool:
    """ "الأسبوعين الأولين"، "الأيام الأولى": the first stretch of something, a period summed up
    ("خلال اليومين الماضيين" is a date: the last two days)."""
    return (
        at + 1 < len(words)
        and words[at].startswith(ARTICLE)
        and words[at].removeprefix(ARTICLE) in period.units
        and words[at + 1] in word_set("durations.tsv", kind="first")
    )


def _a_whole_month_or_year_at(words: list[str], at: int) -> bool:
    """ "شهر تموز"، "تموز"، "الشهر الماضي"، "العام الجاري": a month or a year named whole."""
    if words[at : at + 1] == [MONTH]:
        at += 1
    if at < len(words) and words[at] in month_words():
        return True
    return (
        words[at : at + 1] in ([THE_MONTH], [THE_YEAR])
        and at + 1 < len(words)
        and words[at + 1] in recent_words()
    )


def dead_since_a_weekday(doc: Document, start: int, end: int) -> bool:
    """Whether the dead counted in ``[start, end)`` are those of the days since a weekday named
    right after the count or right before it, in its sentence and with no source quoted
    between: "أوقع أكثر من 400 قتيل منذ الأحد"، "مقتل 62 عنصرا ... منذ الاثنين"، "المتواصل منذ
    الاثنين الماضي، عن مقتل 300 شخص". A toll that sums days up ("وارتفع عدد القتلى منذ يوم
    الأحد ...، وأكد المرصد مقتل 46 شخصا الخميس": the 46 are the day's)."""
    assert doc.norm is not None
    text = doc.norm.text
    reach = max(0, start - WEEKDAY_REACH)
    left = max(text.rfind(".", reach, start) + 1, reach)  # within the count's sentence
    right = text.find(".", end, end + WEEKDAY_REACH)
    first, last = doc.tokens_between(left, right if right != -1 else end + WEEKDAY_REACH)
    tokens = doc.tokens()[first:last]
    words = [normalise_key(t.text).removeprefix("و") for t in tokens]
    count = next((k for k, t in enumerate(tokens) if t.end > start), 0)
    saying = word_set("speech_verbs.tsv", kind="verb")
    return any(
        word == SINCE
        and _a_weekday_at(words, position + 1)
        and not saying.intersection(words[min(position, count) : max(position, count)])
        for position, word in enumerate(words)
    )


WEEKDAY_REACH = 80  # characters around a count that hold "منذ الأحد"، "منذ يوم الاثنين الماضي"


def _a_weekday_at(words: list[str], at: int) -> bool:
    """ "الأحد"، "يوم الأحد": a weekday named at ``at``."""
    days = word_set("weekdays.tsv", "name")
    named = words[at + 1 : at + 2] if words[at : at + 1] == [DAY] else words[at : at + 1]
    return bool(named) and named[0] in days


IN = (normalise_key("في"),)  # "في نيسان الماضي" dates an act, "خلال نيسان" sums a month up
MONTH = normalise_key("شهر")
THE_MONTH = normalise_key("الشهر")
THE_YEAR = normalise_key("العام")


@cache
def recent_words() -> frozenset[str]:
    """What makes a month or year the last or this one: "الماضي"، "الجاري" (durations.tsv)."""
    return word_set("durations.tsv", kind="recent")


AFTER = normalise_key("بعد")
DAY = normalise_key("يوم")
SINCE = normalise_key("منذ")
BEFORE = normalise_key("قبل")


@cache
def month_words() -> frozenset[str]:
    """The words of ``months.tsv``'s names ("يوليو"، "تموز"، "كانون"), bare."""
    return frozenset(word for name in word_set("months.tsv", "name") for word in name.split())


def _days_of_fighting(words: list[str], at: int, period: _PeriodWords) -> bool:
    """ "أيام من المواجهات"، "أسبوعين من القصف": a stretch of acts that go on after "بعد": its
    toll sums them up."""
    return any(
        words[unit] in period.units | period.singles
        and words[unit + 1] == FROM_WORD
        and ongoing(words[unit + 2])
        for unit in range(at, min(at + COUNT_WORDS + 1, len(words) - 2))
    )


def ongoing(word: str) -> bool:
    """Whether ``word`` names acts that go on ("القصف"، "المعارك"، "المواجهات"; durations.tsv
    kind ongoing): after "بعد أسبوع من" they lasted that stretch."""
    acts = word_set("durations.tsv", kind="ongoing")
    return any(variant.form in acts for variant in token_variants(word))


def _a_stretch_at(words: list[str], at: int, period: _PeriodWords) -> bool:
    """ "أسبوعين"، "ثلاثة أسابيع"، "11 يوما": a stretch of time counted, at ``at``, a modifier
    before it ("خلال نحو شهرين"، "على مدى أكثر من أسبوعين")."""
    while at < len(words) and words[at] in modifier_words():
        at += 1
    if at < len(words) and words[at] in period.units and words[at].endswith(DUAL):
        return True
    return any(
        at + size < len(words)
        and words[at + size] in period.counted
        and parse_number(" ".join(words[at : at + size])) is not None
        for size in range(1, COUNT_WORDS + 1)
    )


@cache
def modifier_words() -> frozenset[str]:
    """The words of the modifiers that may stand before a count (quantity_modifiers.tsv):
    "نحو"، "أكثر من"، "حوالي"."""
    return frozenset(
        word
        for _, row in read_tsv("quantity_modifiers.tsv", ["phrase", "position"])
        if row["position"] == "before"
        for word in normalise_key(row["phrase"]).split()
    )


def _since_a_start(words: list[str], at: int, period: _PeriodWords) -> bool:
    """ "أسبوعين على بدء"، "ثلاثة أيام من انطلاق": a stretch of time since a start, at ``at``."""
    for size in range(COUNT_WORDS + 1):
        unit = at + size
        if unit + 2 < len(words) and words[unit] in period.counted:
            counted = size == 0 or parse_number(" ".join(words[at:unit])) is not None
            return counted and words[unit + 1] in period.links and words[unit + 2] in period.starts
    return False
