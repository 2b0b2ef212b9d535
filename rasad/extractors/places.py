"""Which places an act happened at: the clause's own, or the nearest ones told around it.

The geocoder finds and resolves every place a report names; this module picks, for one act,
the places that are its own and drops those that only frame, locate or accompany another:

- "القورية والمياذين بريف دير الزور الشرقي": two places, framed by a third;
- "بين بلدة أم المياذن ومدينة درعا", "طريق دمشق درعا": one place;
- "من قاعدة حميميم إلى بلدة الفرقلس": the destination;
- "مصادر إعلامية بالمنطقة الشرقية", "ينحدر من ريف مصياف": a source's or a person's place;
- "لبادية الرقة ودير الزور": the area word applies to each coordinated name.

Cue words come from ``discourse_cues.tsv`` and the gazetteer's ``context.tsv``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from functools import cache

from rasad.extractors.fatalities import person_nouns
from rasad.extractors.recaps import said_openers
from rasad.extractors.triggers import ON
from rasad.geocode import SETTLEMENT_KINDS, Gazetteer
from rasad.lexicon import GAZETTEER_DATA_DIR, read_tsv, word_set
from rasad.matching import ARTICLE, CONJUNCTIONS, phrase_after
from rasad.model import Document, Mention, MentionIndex, Place, PlaceMention, Sentence
from rasad.normalise import normalise_key

NEIGHBOURHOOD = "neighbourhood"  # gazetteer kind of a town's quarter ("حي")
NATURAL_AREAS = frozenset({"mountain", "desert", "region"})  # gazetteer kinds that hold villages
REGION_PRECISION = 3  # a governorate or region: dropped when the clause names a closer place
CONTEXT_GAP_TOKENS = 2  # "الصالحية بريف البوكمال": a place right after another may frame it
# a quarter described before its town ("حي الزهراء ذي الغالبية العلوية بمدينة حمص")
QUARTER_GAP_TOKENS = 4
REPORTED = "بت"  # "بتعرض"، "بتنفيذ": ب and a verbal noun of the fifth or second form
ASIDE_GAP_TOKENS = 2  # "مصادر إعلامية بالمنطقة الشرقية": a source's own place follows closely


def places_nearby(
    doc: Document,
    clause: tuple[int, int],
    sentence: Sentence,
    index: MentionIndex,
    paragraphs: dict[int, list[Sentence]],
) -> list[Mention]:
    """Where an act with no place of its own happened: the place told just before it in its
    sentence, else the next one in its sentence (unless another act is told there), else the
    last one told before it in its paragraph, else the last one of the paragraph before; none
    for what another act led to ("الذي دفع واشنطن إلى شن غارات").

    ``index`` holds the document's places and triggers; ``paragraphs`` its body sentences by
    paragraph number.
    """
    assert doc.norm is not None
    text = doc.norm.text
    if any(c.value == "result" for c in index.starting("cue", clause[0], clause[0] + 2)):
        # "الهجوم على دوما الذي دفع واشنطن إلى شن غارات": where the cause was is not where
        # what it led to was
        return []
    earlier_here = most_specific(doc, index.within("place", sentence.start, clause[0]))
    if earlier_here:
        return earlier_here[-1:]
    # a later clause that tells a violent act of its own keeps its place to itself; a cause or
    # a move ("بسبب إقدام الأمن العسكري على نصب حاجز ... في مدينة الميادين") lends it, and so
    # do the dead of the act ("... إصابات أو قتلى") and the act named again ("هذه الاشتباكات")
    later_clauses = [
        c
        for c in sentence.clauses
        if c[0] >= clause[1]
        and not any(
            t.value.violent and t.value.kind != "killing" and not _named_before(text, t)
            for t in index.within("trigger", *c)
        )
    ]
    later = most_specific(doc, [p for c in later_clauses for p in index.within("place", *c)])
    if later:
        return later[:1]
    paragraph = paragraphs.get(sentence.paragraph, [])
    paragraph_start = min((s.start for s in paragraph), default=sentence.start)
    earlier = most_specific(doc, index.within("place", paragraph_start, sentence.start))
    if earlier:
        return earlier[-1:]
    previous = paragraphs.get(sentence.paragraph - 1)
    if previous:
        before = index.within("place", previous[0].start, previous[-1].end)
        return most_specific(doc, before)[:1]
    return []


def _named_before(text: str, trigger: Mention) -> bool:
    """ "هذه الاشتباكات": an act named with the article, one already told."""
    return text[max(0, trigger.start - len(ARTICLE)) : trigger.start] == ARTICLE


def most_specific(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """The places an act happened at, without those that only frame or locate another.

    "القورية والمياذين بريف دير الزور": two places, framed by a third; "بين بلدة أم المياذن
    ومدينة درعا": one place; "من قاعدة حميميم إلى بلدة الفرقلس": the destination.
    """
    assert doc.norm is not None
    text = doc.norm.text
    mentions = _without_road_ends(text, mentions)
    kept: list[Mention] = []
    for mention in mentions:
        place: PlaceMention = mention.value
        if kept and _quarter_of_the_town_named(text, mention, kept):
            continue  # "مستشفى إدلب ... بمنطقة القصور وسط المدينة": a namesake elsewhere
        if kept:
            previous = kept[-1]
            gap = text[previous.end : mention.start].split()
            coordinated = any(word in (",", "و") or word.startswith("و") for word in gap)
            # "حي X في مدينة Y": a quarter inside the town named next (not "حي X جنوب دمشق", around it)
            quarter = previous.value.place.kind == NEIGHBOURHOOD or (
                previous.value.cue in quarter_cues()
                and place.cue not in framing_cues()
                and not any(normalise_key(word) in framing_cues() for word in gap)
            )
            framing = (
                len(gap) <= (QUARTER_GAP_TOKENS if quarter else CONTEXT_GAP_TOKENS)
                and not coordinated
                and (
                    place.precision > previous.value.precision
                    or place.cue in framing_cues()
                    or _contains(place.place, previous.value.place)  # "حي باب توما في دمشق"
                    or quarter
                    or _its_governorate_by_its_seat(place, previous.value.place)
                )
            ) or _connected(gap)
            coarser = any(
                k.value.precision < place.precision
                and (
                    k.value.place.admin1_pcode == place.place.admin1_pcode
                    or place.precision == REGION_PRECISION
                )
                for k in kept
            )
            if framing and quarter and not _in_area_of(previous.value.place, place.place):
                # "حي القصور بمدينة بانياس", "حي الأشرفية في مدينة حلب": a namesake elsewhere
                # (a quarter, or a village called so in the text); keep the town
                kept[-1] = mention
                continue
            if (
                framing
                or coarser
                or (
                    (coordinated or len(gap) <= 1)
                    and _word_before(text, previous.start) in between_words()
                )
            ):
                continue
            if (_heads_to(text, mention.start) or _falls_on(gap)) and _origin(text, previous):
                kept.pop()
            elif _heads_to(text, mention.start) and (first := _listed_from(text, kept)) is not None:
                del kept[first:]  # "وصلت تعزيزات من إدلب وحماة إلى مدينة اللاذقية": both origins
            elif _heads_to(text, previous.start) and _origin(text, mention):
                continue  # "وصلت تعزيزات إلى مدينة السويداء قادمة من دمشق": the destination
        kept.append(mention)
    seen: set[str] = set()
    unique = []
    for mention in kept:
        if mention.value.place.id not in seen:
            seen.add(mention.value.place.id)
            unique.append(mention)
    return unique


def _listed_from(text: str, kept: list[Mention]) -> int | None:
    """Where a list of places that "من" opens starts among the last of ``kept`` ("من إدلب
    وحماة"), or None when the last place is no item of such a list."""
    first = len(kept) - 1
    while first > 0 and text[kept[first - 1].end : kept[first].start].strip() in ("و", ","):
        first -= 1
    return first if first < len(kept) - 1 and _origin(text, kept[first]) else None


def _its_governorate_by_its_seat(place: PlaceMention, before: Place) -> bool:
    """ "بلدة خان شيخون في إدلب": a governorate's seat named bare after a town of that
    governorate names the governorate the town lies in, not a second place."""
    seat = place.place
    return (
        not place.cue
        and seat.kind != "admin1"
        and seat.name_en == seat.admin1  # the seat bears its governorate's name: "Idleb"
        and before.admin1_pcode == seat.admin1_pcode
        and before.id != seat.id
    )


def _quarter_of_the_town_named(text: str, quarter: Mention, kept: list[Mention]) -> bool:
    """Whether a quarter that the words right after it put in "the town" ("وسط المدينة"،
    "بالمدينة"), or those right before it among its places ("بينها محيط المشفى الوطني"), lies
    outside the town named before it: its namesake is elsewhere."""
    place: PlaceMention = quarter.value
    if place.place.kind != NEIGHBOURHOOD and place.cue not in quarter_cues():
        return False
    # "حي الوسطى ذي الغالبية المسيحية بالمدينة": the town word may follow the quarter's description
    following = phrase_after(text, quarter.end, QUARTER_REACH_CHARS)
    after = [w.lstrip("وب") for w in following[:QUARTER_GAP_TOKENS]]
    preceding = text[max(0, quarter.start - QUARTER_REACH_CHARS) : quarter.start].split()
    before = [w.lstrip("و") for w in preceding[-TOWN_BACK_WORDS:]]
    among = word_set("reference_words.tsv", kind="among")
    towns = [
        m.value.place
        for m in kept
        if m.value.precision == 1 and m.value.place.kind != NEIGHBOURHOOD
    ]
    return (
        bool(towns)
        and (
            any(normalise_key(w) in town_words() for w in after)
            or any(normalise_key(w) in among for w in before)
        )
        and not _in_area_of(place.place, towns[-1])
    )


TOWN_BACK_WORDS = 2  # "وسط المدينة"، "داخل المدينة"، "بالمدينة"
QUARTER_REACH_CHARS = 60  # characters beside a quarter that hold its description and town word


@cache
def town_words() -> frozenset[str]:
    """``reference_words.tsv``'s words for the town just named ("المدينة")."""
    return word_set("reference_words.tsv", kind="town")


def _connected(gap: list[str]) -> bool:
    """Whether the words between two places tie the second to the first as the area it lies
    in or beside ("أورم الكبرى في ريف حلب الغربي المجاور لإدلب"); with a pronoun instead
    ("والمناطق المتاخمة له في حماة") they name more land struck."""
    return any(
        normalise_key(word) in connector_cues()
        and not (index + 1 < len(gap) and gap[index + 1] in PRONOUN_OBJECTS)
        for index, word in enumerate(gap)
    )


PRONOUN_OBJECTS = frozenset({"له", "لها", "لهم", "لهما"})


def _without_road_ends(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "على طريق دمشق - درعا قرب بلدة خربة غزالة": the ends of a road give way to a place
    named near it; a road alone keeps them (the first stands for the road)."""
    ends: list[Mention] = []
    for previous, mention in zip([None, *mentions], mentions, strict=False):
        if _after_a_road(text, mention.start) or _road_leads_to(text, mention):
            ends.append(mention)
        elif previous is not None and previous in ends:
            gap = text[previous.end : mention.start].split()
            joined = len(gap) <= 1 and all(word in ("-", "و", "–") for word in gap)
            # the other end: "دمشق - درعا"، "بين بلدتي داعل وأبطع"، "بين البوكمال ومدينة دير
            # الزور" (a cue of its own only after "بين" and "و")
            if joined and (
                not _own_cue(text, mention) or (gap == ["و"] and _between_before(text, previous))
            ):
                ends.append(mention)
    others = [m for m in mentions if m not in ends]
    if not ends or not others:
        return mentions
    if all(m.value.precision >= REGION_PRECISION for m in others):
        # "وفي ريف درعا الأوسط، ... على الطريق الواصل بين داعل وأبطع": only a wider area
        # around the road; its first end stands for it
        return sorted([*others, ends[0]], key=lambda m: m.start)
    return others


def _between_before(text: str, mention: Mention) -> bool:
    """Whether "بين" stands right before a place (or the cue written with it)."""
    return _word_before(text, mention.start) == BETWEEN


def _own_cue(text: str, mention: Mention) -> bool:
    """Whether a place's cue is written with it ("بلدة أبطع"), not lent by a dual before it
    ("بلدتي داعل وأبطع")."""
    place: PlaceMention = mention.value
    words = text[mention.start : mention.end].split()
    return bool(place.cue) and bool(words) and normalise_key(words[0]) == normalise_key(place.cue)


def _after_a_road(text: str, start: int) -> bool:
    """ "طريق دمشق - درعا"، "الطريق الدولي دمشق – بيروت": a road's noun, or the noun and its
    adjective, right before the place."""
    words = [
        normalise_key(w).removeprefix(ARTICLE) for w in text[max(0, start - 40) : start].split()
    ]
    return bool(words) and (
        words[-1] in road_words()
        or (len(words) >= 2 and words[-2] in road_words() and words[-1] in road_adjectives())
    )


def _road_leads_to(text: str, mention: Mention) -> bool:
    """ "بالقرب من الطريق الواصل إلى بلدة نصيب"، "الطريق المؤدي إلى"، "الطريق بين حمص ومصياف"،
    "الطريق بينها وبين": where a road leads is one of its ends (discourse_cues kind road_link
    between the road and "إلى"/"بين", "بين" right after the road, or "بين" with a pronoun for
    the other end)."""
    words = [normalise_key(w) for w in text[max(0, mention.start - 40) : mention.start].split()]
    if len(words) >= 2 and words[-1] == BETWEEN and words[-2].removeprefix("ال") in road_words():
        return True  # "على الطريق بين حمص ومصياف": the road between two towns
    if len(words) < 3 or words[-3].removeprefix("ال") not in road_words():
        return False
    # "قطع الطريق بينها وبين مدينة دير الزور": the road between the places attacked and a town
    return (words[-1] in (TO, BETWEEN) and words[-2] in _place_words("road_link")) or (
        words[-1] == "و" + BETWEEN and words[-2].startswith(BETWEEN) and words[-2] != BETWEEN
    )


BETWEEN = normalise_key("بين")


def _contains(outer: Place, inner: Place) -> bool:
    """Whether ``outer`` is the bigger place around ``inner``: same district, more people; or a
    mountain, desert or region of the same governorate ("البارة في جبل الزاوية")."""
    if outer.kind in NATURAL_AREAS:
        return outer.admin1_pcode == inner.admin1_pcode and inner.kind not in NATURAL_AREAS
    # a town holds no region: "على الغوطة الشرقية أمس في دوما" is the town inside the region
    return (
        inner.kind not in NATURAL_AREAS
        and outer.admin2_pcode == inner.admin2_pcode
        and outer.population > inner.population
    )


def _in_area_of(inner: Place, outer: Place) -> bool:
    """Whether ``inner`` lies in ``outer``'s district, or its governorate when ``outer`` is one
    ("حي التضامن جنوب دمشق": the capital named as its governorate)."""
    if outer.admin2_pcode is None:
        return inner.admin1_pcode == outer.admin1_pcode
    return inner.admin2_pcode == outer.admin2_pcode


def _word_before(text: str, index: int) -> str:
    words = text[max(0, index - 30) : index].split()
    return normalise_key(words[-1]) if words else ""


def _heads_to(text: str, index: int) -> bool:
    """ "إلى نقاطها في بلدة الفرقلس": a destination word shortly before the place."""
    return any(
        normalise_key(w) in destination_words()
        for w in text[max(0, index - 40) : index].split()[-3:]
    )


def _falls_on(gap: list[str]) -> bool:
    """ "من دوما على العاصمة دمشق"، "من الغوطة على أحياء العاصمة": the words between two places
    open with "على" and only name the second's kind."""
    return 0 < len(gap) <= ONTO_WORDS and normalise_key(gap[0]) in _place_words("place_onto")


ONTO_WORDS = 3  # "على أحياء العاصمة"


def _origin(text: str, mention: Mention) -> bool:
    before = text[max(0, mention.start - 30) : mention.start].split()[-2:]
    return any(normalise_key(w) in origin_words() for w in before)


def _place_words(kind: str) -> frozenset[str]:
    return word_set("discourse_cues.tsv", "cue", kind=kind)


def between_words() -> frozenset[str]:
    """Words before two places that make them one: "بين X و Y", "طريق X - Y"."""
    return _place_words("place_between") | road_words()


def road_words() -> frozenset[str]:
    return _place_words("road")


def road_adjectives() -> frozenset[str]:
    return _place_words("road_adjective")


def destination_words() -> frozenset[str]:
    return _place_words("place_destination")


def origin_words() -> frozenset[str]:
    return _place_words("place_origin")


@cache
def framing_cues() -> frozenset[str]:
    """Cue words of the gazetteer's context.tsv that name an area ("ريف"، "غربي"، "محافظة")."""
    rows = read_tsv("context.tsv", ["word", "role"], GAZETTEER_DATA_DIR)
    return frozenset(
        normalise_key(row["word"])
        for _, row in rows
        if row["role"] in ("area", "direction", "admin1")
    )


@cache
def direction_cues() -> frozenset[str]:
    """Cue words of context.tsv that name one side of a place ("شرقي"، "جنوب غرب")."""
    rows = read_tsv("context.tsv", ["word", "role"], GAZETTEER_DATA_DIR)
    return frozenset(normalise_key(row["word"]) for _, row in rows if row["role"] == "direction")


@cache
def quarter_cues() -> frozenset[str]:
    """Cue words of context.tsv that name a town's quarter ("حي")."""
    rows = read_tsv("context.tsv", ["word", "role"], GAZETTEER_DATA_DIR)
    return frozenset(normalise_key(row["word"]) for _, row in rows if row.get("quarter") == "1")


@cache
def connector_cues() -> frozenset[str]:
    """Words that tie a place to the area it belongs to ("البوكمال التابعة لدير الزور")."""
    rows = read_tsv("context.tsv", ["word", "role"], GAZETTEER_DATA_DIR)
    roles: dict[str, set[str]] = {}
    for _, row in rows:
        roles.setdefault(normalise_key(row["word"]), set()).add(row["role"])
    # "في" connects ("X في ريف Y") but is also a plain preposition: only the unambiguous ones
    return frozenset(word for word, kinds in roles.items() if kinds == {"connector"})


def distribute_cues(doc: Document, places: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """ "لبادية الرقة ودير الزور": an area word before coordinated names applies to each."""
    assert doc.norm is not None
    result = list(places)
    for index in range(1, len(result)):
        first, second = result[index - 1], result[index]
        gap = doc.norm.text[first.end : second.start].strip()
        # the cue may be the first word of a curated name: "بادية الرقة ودير الزور"
        cue = first.value.cue or doc.norm.text[first.start : first.end].split()[0]
        if gap != "و" or second.value.cue or normalise_key(cue) not in framing_cues():
            continue
        name = doc.norm.text[second.start : second.end]
        wanted = normalise_key(f"{cue} {name}")
        exact = [p for p in gazetteer.lookup(wanted) if normalise_key(p.name_ar) == wanted]
        place = exact[0] if exact else second.value.place
        result[index] = Mention(
            "place",
            second.start,
            second.end,
            PlaceMention(place, first.value.precision, cue, first.value.widens),
        )
    return result


def places_of_acts(
    doc: Document, places: list[Mention], role_cues: list[Mention], cues: list[Mention]
) -> list[Mention]:
    """Drop places that only say where a source is or where a person comes from.

    "مصادر إعلامية بالمنطقة الشرقية"، "ينحدر من ريف مصياف": the place is not the act's.
    """
    assert doc.norm is not None
    text = doc.norm.text
    aside_ends = sorted(
        [m.end for m in role_cues if m.value in ("source", "outlet")]
        + [m.end for m in cues if m.value == "place_aside"]
    )
    evacuations = [m.end for m in cues if m.value == "evacuation"]
    stations = [m.end for m in cues if m.value == "stationed"]
    # a home town, or where a convoy was heading ("قرب بلدة المزرعة أثناء توجهه إلى مدينة
    # السويداء"): an aside beside another place of the clause, the act's place when alone
    homes = [m.end for m in cues if m.value in ("home", "heading")]
    besides = [m for m in cues if m.value == "beside"]
    distances = [m for m in cues if m.value == "distance"]
    kept = []
    aside: Mention | None = None  # the last place dropped as an aside
    for index, place in enumerate(places):
        if aside is not None and text[aside.end : place.start].strip() in CONJUNCTIONS:
            aside = place  # "قادمة من إدلب وحماة وحمص": the list an aside opens is all aside
            continue
        if _where_people_are_taken(text, place, evacuations):
            continue
        if index and (
            _a_landmark(text, places[index - 1], place, besides)
            or _measured_from(text, places[index - 1], place, distances)
        ):
            continue
        if _where_a_force_stands(text, place, places[index + 1 :], stations):
            continue
        home = next((end for end in homes if _right_after(text, end, place)), None)
        if home is None and _people_from(text, place):
            home = place.start
        if home is not None:
            # "اعتقلت دورية ثلاثة شبان من أبناء مدينة داعل": where they are from is the only
            # place told, and stands for the act's; beside another place it is an aside
            if not _another_place_in_clause(text, home, place, places):
                kept.append(place)
            continue
        nearest = bisect_right(aside_ends, place.start) - 1  # the closest aside before the place
        if nearest < 0:
            kept.append(place)
            continue
        between = text[aside_ends[nearest] : place.start]
        words = between.split()
        gap = len(words)
        if words and not between[-1].isspace():
            words.pop()  # the place's own clitics: "بريف"
        # a comma closes the aside: "طائرات انطلقت من مطار الشعيرات، بلدة خان شيخون"; so does
        # where a force went: "تعزيزات عسكرية من حماة إلى بلدة خان شيخون"
        if (
            gap > ASIDE_GAP_TOKENS
            or "," in between
            or any(_reported(word) or word in destination_words() for word in words)
        ):
            kept.append(place)
        else:
            aside = place
    return kept


def _people_from(text: str, place: Mention) -> bool:
    """ "اعتقلت دورية ثلاثة شبان من بلدة أبطع على حاجز": people named by where they are from,
    a noun for people right before the "من" of the place."""
    before = text[max(0, place.start - PEOPLE_FROM_CHARS) : place.start].split()[-2:]
    return (
        len(before) == 2
        and normalise_key(before[1]) == FROM
        and normalise_key(before[0]) in person_nouns()
    )


PEOPLE_FROM_CHARS = 40  # characters before a place that hold "شبان من"


def _right_after(text: str, end: int, place: Mention) -> bool:
    """Whether ``place`` follows a cue ending at ``end`` closely, in the same phrase."""
    between = text[end : place.start]
    return end <= place.start and "," not in between and len(between.split()) <= ASIDE_GAP_TOKENS


def _another_place_in_clause(
    text: str, cue_end: int, place: Mention, places: list[Mention]
) -> bool:
    """Whether the clause of a home town names another place, not in the home town's own
    phrase ("من أبناء مدينة داعل بريف درعا": the countryside is the town's); a place of
    another clause ("قتل شاب في بلدة المزيريب، كما اختطف مسلحون رجلا من أبناء مدينة جاسم")
    is another act's."""
    for other in places:
        if other is place:
            continue
        first, second = (other, place) if other.start < place.start else (place, other)
        between = text[first.end : second.start]
        if any(mark in between for mark in CLAUSE_ENDS):
            continue
        if other.start < cue_end or len(between.split()) > ASIDE_GAP_TOKENS:
            return True
    return False


def _where_people_are_taken(text: str, place: Mention, evacuations: list[int]) -> bool:
    """ "بتأجيل عملية إجلاء غير الراغبين بالتسوية من مقاتلين ومعارضين إلى محافظة إدلب"، "إصابة
    3 عناصر نُقلوا إلى المشفى الوطني في مدينة درعا": a place after "إلى" in the phrase of an
    evacuation or of taking the wounded away (no comma between) is where the people are taken,
    not where an act of the clause happened."""
    before = text[max(0, place.start - EVACUATION_REACH) : place.start]
    # "إلى إدلب"، "إلى المشفى الوطني في مدينة درعا": the place, or the town of the building
    # (not "نُقلوا إلى بادية السويداء من مناطق الحجر الأسود": where they were taken from)
    words = before.split()[-DESTINATION_WORDS:]
    # "انسحبت الفصائل باتجاه بلدتي ناحتة والمليحة": "نحو" and "باتجاه" head for it too
    to = next((at for at, word in enumerate(words) if word in destination_words()), None)
    if to is None or FROM in words[to:]:
        return False
    return any(
        place.start - EVACUATION_REACH <= end <= place.start and "," not in text[end : place.start]
        for end in evacuations
    )


def _a_landmark(text: str, before: Mention, place: Mention, besides: list[Mention]) -> bool:
    """ "حي القدم المجاور لمخيم اليرموك"، "بلدة كفرنبل القريبة من معرة النعمان": the place
    right after "المجاور لـ" or "القريبة من" only locates the place named right before it."""
    return any(
        0 <= place.start - cue.end <= BESIDE_GAP
        and before.end <= cue.start
        and len(text[before.end : cue.start].split()) <= BESIDE_WORDS
        and not any(mark in text[before.end : cue.start] for mark in CLAUSE_ENDS)
        for cue in besides
    )


BESIDE_GAP = 2  # characters from the cue to the landmark: a space, the clitic "ل"


def _measured_from(text: str, before: Mention, place: Mention, distances: list[Mention]) -> bool:
    """ "قرية الهبيط التي تبعد 10 كيلومترات عن خان شيخون"، "مدينة السويداء الواقعة على مسافة
    نحو 65 كيلومترا من درعا": the place a distance is measured from only locates the one
    named before it."""
    return any(
        before.end <= cue.start
        and cue.end <= place.start
        and len(text[before.end : cue.start].split()) <= BESIDE_WORDS
        and not any(mark in text[before.end : place.start] for mark in CLAUSE_ENDS)
        and _MEASURE.fullmatch(text[cue.end : place.start]) is not None
        for cue in distances
    )


# what lies between a cue of distance and the place measured from: "نحو 65 كيلومترا من"
_MEASURE = re.compile(r"(\s+\S+){1,4}?\s+(عن|من)\s+")
BESIDE_WORDS = 2  # words between the place and the cue: "حي القدم [الواقع] المجاور لـ"


def _where_a_force_stands(
    text: str, place: Mention, later: list[Mention], stations: list[int]
) -> bool:
    """ "استهدفت قوات النظام المتمركزة في الفوج 46 بقذائف المدفعية الأحياء السكنية في مدينة
    دارة عزة": the place right after "المتمركزة في" is where the force stands; when the
    sentence names another place after it, not in a list with it, that one is where the act
    landed. Alone ("استهدفت الفصائل قوات النظام المتمركزة في قرية الحويز") it is the act's."""
    if not any(0 <= place.start - end <= 2 for end in stations):
        return False
    following = next(iter(later), None)
    if following is None:
        return False
    between = text[place.end : following.start]
    # a word of its own between ("المتمركز جنوبي مدينة حلفايا استهدف مدينة اللطامنة"), not
    # only a preposition that locates the place ("في الفوج 46 في ريف حماة")
    words = [w for w in between.split() if w not in word_set("function_words.tsv") | LIST_JOINS]
    return not any(mark in between for mark in SENTENCE_ENDS) and len(words) > 0


SENTENCE_ENDS = ".!?\n"
LIST_JOINS = frozenset({"و", ",", "-", "–"})  # what joins the places of a list
CLAUSE_ENDS = SENTENCE_ENDS + ",;"
DESTINATION_WORDS = 4  # "إلى [المشفى الوطني في] مدينة درعا"
EVACUATION_REACH = 90  # characters from "إجلاء" to the place: "إجلاء غير الراغبين ... إلى إدلب"
TO = normalise_key("إلى")
FROM = normalise_key("من")


def _reported(word: str) -> bool:
    """ "أفادت تقارير بتعرض مدينة دوما": a verbal noun with "ب" opens what the source reports,
    and the place after it is the act's; so does "أن" ("قال مصدر إن مطار التيفور استهدف")."""
    return (word.startswith(REPORTED) and len(word) > len(REPORTED) + 2) or word in said_openers()


@cache
def site_nouns() -> dict[str, frozenset[str]]:
    """``reference_words.tsv``'s sites: a definite noun ("المطار") → the gazetteer kinds of
    the places it points back to."""
    return {
        normalise_key(row["word"]): frozenset(row["kinds"].split("|"))
        for _, row in read_tsv("reference_words.tsv", ["word", "kind"])
        if row["kind"] == "site"
    }


def with_site_references(doc: Document, places: list[Mention]) -> list[Mention]:
    """``places`` with the places named again by a definite noun of their kind alone:
    "وتعرضت قاعدة التيفور العسكرية مرارا لغارات ... واستهدف المطار أيضا في العاشر من شباط"
    (T4 both times). The noun points back to the last place of its kinds told before it, also
    where a place of another kind bears the noun as its name ("سد تشرين ... في محيط السد": the
    dam, not the quarter called al-Sad)."""
    assert doc.norm is not None
    text = doc.norm.text
    nouns = site_nouns()
    kept = list(places)
    # the nouns are few and most reports hold none: the text is searched, not every token
    for match in _site_noun_pattern().finditer(text):
        word = ARTICLE + match.group(1)
        covering = next((p for p in kept if p.start <= match.start() < p.end), None)
        if covering is not None and not (
            text[covering.start : covering.end].endswith(word)
            and covering.value.place.kind not in nouns[word]
        ):
            continue
        antecedent = next(
            (
                p
                for p in reversed(places)
                if p.end <= match.start() and p.value.place.kind in nouns[word]
            ),
            None,
        )
        if antecedent is None:
            continue
        if covering is None:
            kept.append(Mention("place", match.end() - len(word), match.end(), antecedent.value))
        else:
            kept.remove(covering)
            site = replace(
                antecedent.value, precision=covering.value.precision, cue=covering.value.cue
            )
            kept.append(Mention("place", covering.start, covering.end, site))
    kept.extend(_towns_acted_on(doc, kept))
    return sorted(kept, key=lambda m: m.start)


TOWN_KINDS = SETTLEMENT_KINDS - {NEIGHBOURHOOD}  # "the village" is never a quarter


def _towns_acted_on(doc: Document, places: list[Mention]) -> list[Mention]:
    """ "في قرية أم حوش ... وسيطر مسلحو التنظيم على القرية": "the village" an act is done on
    ("على") is the village last named before it."""
    assert doc.norm is not None
    found = []
    for match in _town_acted_on_pattern().finditer(doc.norm.text):
        start, end = match.span(1)
        antecedent = next(
            (
                p
                for p in reversed(places)
                if p.end <= match.start() and p.value.place.kind in TOWN_KINDS
            ),
            None,
        )
        if antecedent is not None:
            town = replace(antecedent.value, precision=1, cue="")
            found.append(Mention("place", start, end, town))
    return found


@cache
def _town_acted_on_pattern() -> re.Pattern[str]:
    """ "على القرية"، "على البلدة"، "على المدينة" (normalised)."""
    towns = "|".join(word_set("reference_words.tsv", kind="town_noun"))
    return re.compile(rf"(?<!\w){ON} ({towns})(?!\w)")


@cache
def _site_noun_pattern() -> re.Pattern[str]:
    """A word that is a site noun of ``site_nouns`` with its clitics: "والمطار"، "بالمخيم"،
    "للمعبر" (the article's alef dropped after "ل")."""
    stems = "|".join(
        sorted((noun.removeprefix(ARTICLE) for noun in site_nouns()), key=len, reverse=True)
    )
    return re.compile(rf"(?<!\w)[وف]?(?:لل|[بل]?{ARTICLE})({stems})(?!\w)")


def datelines(doc: Document, places: list[Mention]) -> list[Mention]:
    """ "إدلب: غارة جوية على بلدة سرمين"، "#درعا | مقتل شاب في مدينة طفس": a place (or its
    hashtag) that opens a line before a colon or a bar labels the region the line's news comes
    from; it holds the places the line names."""
    assert doc.norm is not None
    text = doc.norm.text
    labelled = []
    for mention in places:
        line_start = text.rfind("\n", 0, mention.start) + 1
        opens_line = not text[line_start : mention.start].strip(" |-–#")
        if opens_line and text[mention.end : mention.end + 2].lstrip().startswith((":", "|")):
            mention = Mention(
                mention.kind, mention.start, mention.end, replace(mention.value, widens=True)
            )
        labelled.append(mention)
    return labelled
