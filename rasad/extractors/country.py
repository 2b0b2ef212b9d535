"""Which country a report is about: rasad codes Syria, and says so when a report is not.

Counts the country names of ``data/lexicons/countries.tsv`` and the Syrian places the
geocoder found; a report that names another conflict country more often than Syria is out of
scope, and gives no events.

Example:
    >>> about_syria(Document.from_text("انفجار في حي الكرادة ببغداد، العاصمة العراقية"), places=[])
    False
"""

from __future__ import annotations

from collections import Counter
from functools import cache

from rasad.extractors.places import NEIGHBOURHOOD, destination_words
from rasad.extractors.triggers import ON, act_nouns
from rasad.lexicon import GAZETTEER_DATA_DIR, read_tsv, word_set
from rasad.matching import PhraseMatcher
from rasad.model import Document, Mention
from rasad.normalise import normalise_key

SYRIA = "SY"
MIN_FOREIGN_MENTIONS = 2  # one passing mention of Iraq does not make a report Iraqi
HOME_STEM = "سوري"  # in every way abroad.tsv names Syria itself ("سوريا"، "الأراضي السورية")
LEAD_WORDS = 8  # a report's lead is its first sentence this long: a dateline is shorter
HELD_REACH = 3  # words before a held land that may name the holder's side at it


@cache
def country_matcher() -> PhraseMatcher[str]:
    return _matcher("countries.tsv", ["name", "country"])


@cache
def abroad_matcher() -> PhraseMatcher[str]:
    """The places abroad of ``abroad.tsv``: countries and their lands, and towns."""
    return _matcher("abroad.tsv", ["word", "kind", "country"], kinds=("place", "town"))


def _matcher(
    name: str, columns: list[str], kinds: tuple[str, ...] | None = None
) -> PhraseMatcher[str]:
    """The names of a lexicon's first column (its rows of ``kinds``), each with its country."""
    matcher: PhraseMatcher[str] = PhraseMatcher()
    for _, row in read_tsv(name, columns):
        if kinds is None or row["kind"] in kinds:
            matcher.add(row[columns[0]], row["country"])
    return matcher


@cache
def abroad_words(kind: str) -> frozenset[str]:
    """The normalised words of ``abroad.tsv`` of ``kind``; the directions with those of the
    gazetteer's ``context.tsv``."""
    words = word_set("abroad.tsv", kind=kind)
    if kind == "direction":
        words |= word_set(
            "context.tsv", kind="direction", kind_column="role", directory=GAZETTEER_DATA_DIR
        )
    return words


@cache
def border_matcher() -> PhraseMatcher[str]:
    """The phrases of ``abroad.tsv`` that put the place before them across Syria's border."""
    return _matcher("abroad.tsv", ["word", "kind", "country"], kinds=("border",))


def told_abroad(doc: Document, start: int, end: int) -> int | None:
    """Where, in normalised ``[start, end)``, a clause first puts something abroad: "في
    تركيا"، "بجنوب تركيا"، "في جنوب شرق تركيا"، "داخل الأراضي اللبنانية"، "في مدينة سوروتش
    على الحدود مع سوريا"; None if nowhere."""
    assert doc.norm is not None
    text = doc.norm.text
    border = next(iter(doc.find(border_matcher(), start, end)), None)
    if border is not None:
        return border.start
    for match in doc.find(abroad_matcher(), start, end):
        if _a_bank_of(text, match.end, end):
            continue
        if _put_at(text, start, match.start) or _put_at_its_side(text, start, match.start):
            return match.start
    return None


def _put_at_its_side(text: str, start: int, at: int) -> bool:
    """ "بجنوب تركيا"، "في جنوب شرق تركيا"، "بمدينة طرابلس شمالي لبنان": a direction of a
    country after a preposition or a place name locates it there."""
    directions = abroad_words("direction")
    leading = _words_before(text, start, at)[-3:]
    while leading and leading[-1].lstrip("ب") in directions:
        if leading[-1].startswith("ب") or _locative(leading[:-1]) or _named(leading[:-1]):
            return True
        leading = leading[:-1]
    return False


@cache
def home_matcher() -> PhraseMatcher[str]:
    """The names of ``abroad.tsv`` for Syria itself as a place."""
    return _matcher("abroad.tsv", ["word", "kind", "country"], kinds=("home",))


@cache
def home_site_matcher() -> PhraseMatcher[str]:
    """The targets of ``abroad.tsv`` named by their Syrian owner ("مواقع تابعة للنظام السوري")."""
    return _matcher("abroad.tsv", ["word", "kind", "country"], kinds=("home_site",))


def told_in_syria(doc: Document, start: int, end: int, *, sites: bool = False) -> bool:
    """Whether normalised ``[start, end)`` puts something in Syria itself, named as the place:
    "الغارات الأميركية على سوريا"، "مواقع لداعش على الأراضي السورية"، "أهدافا في العمق السوري";
    with ``sites``, for an act told at no town, also targets named by their Syrian owner:
    "ضربة صاروخية لمواقع تابعة للنظام السوري" (but "مواقع عسكرية سورية قرب الحارة" is there)."""
    assert doc.norm is not None
    text = doc.norm.text
    if HOME_STEM not in text[start:end]:
        return False  # most stretches name no country: no matching to do
    return any(
        _put_at(text, start, match.start, on=True) for match in doc.find(home_matcher(), start, end)
    ) or (sites and any(True for _ in doc.find(home_site_matcher(), start, end)))


def _a_bank_of(text: str, at: int, end: int) -> bool:
    """ "في الضفة الغربية، لنهر الفرات"، "الضفة الغربية للفرات": the name abroad is a river's
    bank (abroad.tsv, bank_of, right after it, a comma between or not), no land abroad."""
    following = text[at : min(end, at + BANK_REACH)].replace(",", " ").split()
    banks = abroad_words("bank_of")
    return bool(following) and (following[0] in banks or " ".join(following[:2]) in banks)


BANK_REACH = 20  # characters after the name that hold "لنهر"، "من نهر"


def _words_before(text: str, start: int, at: int) -> list[str]:
    return text[max(start, at - 30) : at].split()


def _put_at(text: str, start: int, at: int, *, on: bool = False) -> bool:
    """Whether the place named at ``at`` is where something is put: "ب" written on it, or a
    locative before it ("في"، "داخل"; with ``on``, "على" too: "غارات على سوريا")."""
    if text[max(0, at - 1) : at] == "ب":
        return True
    words = _words_before(text, start, at)
    if words and words[-1].removeprefix("ب") in abroad_words("division"):
        # "في ولاية كلس"، "بمدينة الخالص": the kind of place between
        if words[-1].startswith("ب") and words[-1] not in abroad_words("division"):
            return True
        words = words[:-1]
    # "غارات على سوريا"، "الهجمات التي استهدفت سوريا": with ``on``, the object of a strike too
    return _locative(words) or (
        on and bool(words) and (words[-1] == ON or words[-1] in abroad_words("struck"))
    )


def launched_from_syria(doc: Document, origins: list[Mention], start: int) -> bool:
    """Whether one of ``origins`` (the discourse cues of kind "origin" within reach after an
    act's word at normalised ``start``) says the act came from Syria, within its phrase (no comma
    before): "لهجوم بالقذائف الصاروخية من داخل الأراضي السورية". Then what it hit lies
    outside Syria."""
    assert doc.norm is not None
    text = doc.norm.text
    return any("," not in text[start : origin.start] for origin in origins)


def _named(words: list[str]) -> bool:
    """Whether the last of ``words`` ends a name a direction locates ("طرابلس شمالي لبنان"):
    no function word, no direction, no comma."""
    return bool(words) and words[-1].isalpha() and words[-1] not in _unnameable()


@cache
def _unnameable() -> frozenset[str]:
    return word_set("function_words.tsv") | abroad_words("direction") | abroad_words("locative")


def _locative(words: list[str]) -> bool:
    """Whether the last of ``words`` puts what follows at a place ("في"، "داخل"; "وفي" with
    the conjunction), not after a word of whence ("من داخل تركيا")."""
    locatives = abroad_words("locative")
    if not words or (words[-1] not in locatives and words[-1].removeprefix("و") not in locatives):
        return False
    return len(words) < 2 or words[-2] not in abroad_words("whence")


def about_syria(doc: Document, places: list[Mention]) -> bool:
    """False when the report is mostly about another country's conflict. A report whose lead
    tells its news at a Syrian place and names no other country is about Syria, whatever its
    roundup turns to after it ("قتل ثمانية مدنيين ... في مدينة درعا ... وفي العراق، ...")."""
    counts = Counter(match.payload for match in doc.find(country_matcher()))
    foreign = max((n for country, n in counts.items() if country != SYRIA), default=0)
    # "حي الزهراء"، "حي القادسية": quarter names recur from town to town, in Syria and abroad;
    # a quarter weighs nothing for Syria
    towns = [p for p in places if p.value.place.kind != NEIGHBOURHOOD]
    if foreign < MIN_FOREIGN_MENTIONS or foreign <= counts[SYRIA] + len(towns):
        return True
    return _led_in_syria(doc, places)


def _led_in_syria(doc: Document, places: list[Mention]) -> bool:
    """Whether the report's lead (its first sentence of some length, not a headline) names a
    Syrian place and no other country, nor a place abroad."""
    assert doc.norm is not None
    text = doc.norm.text
    lead = next(
        (
            s
            for s in doc.sentences
            if not s.is_title and len(text[s.start : s.end].split()) >= LEAD_WORDS
        ),
        None,
    )
    if lead is None or not any(lead.start <= p.start < lead.end for p in places):
        return False
    first, last = doc.tokens_between(lead.start, lead.end)
    words = {normalise_key(t.text).removeprefix("ال") for t in doc.tokens()[first:last]}
    return (
        not words & _foreign_adjectives()
        and told_abroad(doc, lead.start, lead.end) is None
        and not any(
            match.payload != SYRIA for match in doc.find(country_matcher(), lead.start, lead.end)
        )
    )


@cache
def _foreign_adjectives() -> frozenset[str]:
    """The adjectives of the foreign states' forces (side_adjectives.tsv: "إسرائيلي"، "تركية"):
    a lead that names one may tell another country's news."""
    return frozenset(
        normalise_key(row[form])
        for _, row in read_tsv("side_adjectives.tsv", ["masculine", "feminine", "actor"])
        if "Syria" not in row["actor"]
        for form in ("masculine", "feminine")
    )


@cache
def _holders() -> dict[str, frozenset[str]]:
    """Each held land's gazetteer id, and the words that mark its holder's side there: the
    holder's adjectives ("اسرائيلي"، "اسرائيلية") and the land's own ("احتلال")."""
    adjectives: dict[str, set[str]] = {}
    for _, row in read_tsv("side_adjectives.tsv", ["masculine", "feminine", "actor"]):
        adjectives.setdefault(row["actor"], set()).update(
            normalise_key(row[form]) for form in ("masculine", "feminine")
        )
    return {
        row["place"]: frozenset(adjectives.get(row["holder"], ()))
        | frozenset(normalise_key(word) for word in row.get("also", "").split("|") if word)
        for _, row in read_tsv("held_lands.tsv", ["place", "holder"])
    }


def across_the_line(doc: Document, place: Mention, start: int) -> bool:
    """Whether a place of a land another state holds in part is told on the holder's side:
    its forces named there ("قواعد عسكرية إسرائيلية في مرتفعات الجولان"), within the words
    just before it (from ``start``, the clause's)."""
    assert doc.norm is not None
    marks = _holders().get(place.value.place.id)
    if not marks:
        return False
    words = doc.norm.text[start : place.start].split()
    reach = max(0, len(words) - HELD_REACH - 1)
    return any(
        _bare(word) in marks
        and not _names_the_attacker(words[max(0, i - ACT_REACH) : i], words[i + 1 :])
        for i, word in enumerate(words[reach:], reach)
    ) or _fired_across(words, marks)


def _fired_across(words: list[str], marks: frozenset[str]) -> bool:
    """ "أطلقت 20 صاروخا على مواقعه المتقدمة في مرتفعات الجولان"، "صواريخ نحو مرتفعات الجولان":
    fire aimed at the held land (``words``: those before it) lands on the holder's side, unless
    a Syrian site is named on the way ("استهدف موقعا سوريا في مرتفعات الجولان") or the holder
    is the one firing ("غارة إسرائيلية على هضبة الجولان")."""
    aims = destination_words() | {ON}
    heads = {noun.split()[0] for noun in act_nouns()}
    reach = max(0, len(words) - AIM_REACH)
    for i, word in enumerate(words[reach:], reach):
        # "باتجاه خط المواقع الأمامي في"، "واتهام إيران بقصف هضبة الجولان"
        if normalise_key(word) in aims or (
            i == len(words) - 1 and _bare(word.lstrip("وب")) in heads
        ):
            return not any(HOME_STEM in w for w in words[i + 1 :]) and not any(
                _bare(w) in marks for w in words[max(0, i - ACT_REACH) : i]
            )
    return False


def _bare(word: str) -> str:
    return normalise_key(word).removeprefix("ال")


def _names_the_attacker(words_before: list[str], words_after: list[str]) -> bool:
    """ "غارة إسرائيلية (جديدة) على الجولان": the holder's adjective after an act's noun, with
    "على" before the land, names who struck it, not a place on the holder's side (but "صاروخين
    أطلقتهما طائرات إسرائيلية من جهة الجولان": where they came from)."""
    heads = {noun.split()[0] for noun in act_nouns()}
    return ON in [normalise_key(word) for word in words_after] and any(
        _bare(word) in heads for word in words_before
    )


AIM_REACH = 5  # words from the aim to the held land: "باتجاه خط المواقع الأمامي في هضبة الجولان"
ACT_REACH = 2  # "غارة جوية إسرائيلية": an act's noun and its own adjective before the side's
