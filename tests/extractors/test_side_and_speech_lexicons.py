"""The lexicons added for incidents: act nouns, sides named by adjective, military sites and
verbs of saying. Each row is checked for what the code relies on."""

from __future__ import annotations

from datetime import date

import pytest

from rasad.extractors.actors import (
    actors_by_name,
    civilian_toll,
    find_actors,
    military_site_matcher,
    remote_means,
    strike_target,
)
from rasad.extractors.country import told_abroad
from rasad.extractors.fatalities import complementizers
from rasad.extractors.recaps import said_openers, speech_verb_matcher
from rasad.extractors.triggers import act_nouns, trigger_matcher
from rasad.geocode import Gazetteer, phrase_words
from rasad.lexicon import read_tsv
from rasad.model import Document
from rasad.normalise import normalise_key


def test_every_side_adjective_names_an_actor_of_the_lexicon():
    names = actors_by_name()
    for _, row in read_tsv("side_adjectives.tsv", ["masculine", "feminine", "actor"]):
        stem = row["actor"]
        assert any(n == stem or n.startswith(stem + " (") for n in names), stem
        # the feminine adjective is the masculine with its ta marbuta
        assert normalise_key(row["feminine"]) == normalise_key(row["masculine"]) + "ه"


def test_every_act_noun_is_a_trigger_or_a_weapon_or_a_means():
    # the adjective rule and the reference rule need nouns the trigger lexicon knows
    known = {key for key in (normalise_key(n) for n in act_nouns()) if key in trigger_matcher()}
    assert len(known) >= len(act_nouns()) * 0.6, sorted(act_nouns() - known)


@pytest.mark.parametrize(
    ("phrase", "actor"),
    [
        ("غارة تركية", "Military Forces of Turkey (2016-)"),
        ("القصف الإسرائيلي", "Military Forces of Israel (2009-2021)"),
        ("ضربات جوية روسية", "Military Forces of Russia (2000-)"),
        ("الطائرات الحربية الأميركية", "Military Forces of the United States (2017-2021)"),
    ],
)
def test_side_named_by_an_adjective_is_an_alias(phrase, actor):
    (mention,) = find_actors(Document.from_text(phrase))
    assert mention.start == 0  # the act noun opens the name
    assert actor in {a.name for a in mention.value}


def test_military_sites_and_speech_verbs_are_found_with_their_clitics():
    doc = Document.from_text("وقالت الوكالة إن الصواريخ استهدفت المطار العسكري وقاعدة جوية")
    assert [m.payload for m in doc.find(speech_verb_matcher())] == ["قالت"]
    assert len(list(doc.find(military_site_matcher()))) >= 2


def test_every_strike_target_row_names_sides_of_the_lexicon():
    names = actors_by_name()
    for line, row in read_tsv("strike_targets.tsv", ["side", "target"]):
        for stem in (row["side"], row["target"]):
            assert any(n == stem or n.startswith(stem + " (") for n in names), (line, stem)


@pytest.mark.parametrize(
    ("side", "on", "target"),
    [
        # the target is the state's forces of the strike's day, before and after the fall
        (
            "Military Forces of Israel (2009-2021)",
            "2018-04-09",
            "Military Forces of Syria (2000-2024)",
        ),
        ("Military Forces of Israel (2022-)", "2025-05-02", "Military Forces of Syria (2024-)"),
        ("Military Forces of Turkey (2016-)", "2018-03-14", None),
    ],
)
def test_strike_target_is_resolved_by_the_strikes_date(side, on, target):
    struck = strike_target(side, on)
    assert (struck.name if struck else None) == target


def test_every_remote_side_row_names_a_side_and_a_strike():
    names = actors_by_name()
    for line, row in read_tsv("remote_sides.tsv", ["side", "sub_event_type"]):
        assert any(n == row["side"] or n.startswith(row["side"] + " (") for n in names), line
        assert row["sub_event_type"] in ("Air/drone strike", "Shelling/artillery/missile attack")
        if row.get("until"):
            date.fromisoformat(row["until"])


@pytest.mark.parametrize(
    ("side", "on", "means"),
    [
        # before the fall Israel acted in Syria only from the air; after it also on the ground
        ("Military Forces of Israel (2009-2021)", "2018-04-09", "Air/drone strike"),
        ("Military Forces of Israel (2022-)", "2025-03-10", None),
        ("Global Coalition Against Daesh", "2018-07-14", "Air/drone strike"),
        ("Military Forces of Turkey (2016-)", "2018-03-14", None),
    ],
)
def test_a_side_that_fights_from_afar_strikes_by_the_acts_date(side, on, means):
    assert remote_means(side, on) == means


def test_every_camp_row_names_a_side_of_the_lexicon():
    names = actors_by_name()
    for line, row in read_tsv("camps.tsv", ["actor", "camp"]):
        assert any(n == row["actor"] or n.startswith(row["actor"] + " (") for n in names), line


def test_openers_of_what_was_said_take_their_clitics_and_pronouns():
    assert {"بان", "انها", "وانهم", "خبر"} <= said_openers()
    # "أن"/"إن" begin a clause of their own; "خبر مقتل" opens the news told, not a clause
    assert "ان" in complementizers() and "خبر" not in complementizers()


@pytest.mark.parametrize(
    ("toll", "civilian"),
    [("مقتل 30 شخصا", True), ("35 مدنياً", True), ("طفلين", True), ("مقتل 5 عناصر", False)],
)
def test_civilian_victims_are_found_in_a_tolls_words(toll, civilian):
    assert civilian_toll(toll) is civilian


def test_a_place_abroad_is_read_after_a_locative_not_after_whence():
    def abroad(text: str) -> bool:
        doc = Document.from_text(text)
        assert doc.norm is not None
        return told_abroad(doc, 0, len(doc.norm.text)) is not None

    assert abroad("سقطت قذائف في تركيا")
    assert abroad("غارات بجنوب لبنان")
    assert abroad("هجوم في جنوب شرق تركيا")
    assert abroad("القوات داخل الأراضي اللبنانية")
    assert not abroad("قصفت المدفعية من داخل تركيا قرية في ريف حلب")  # whence, not where
    assert not abroad("وصلت تعزيزات إلى تركيا")


def test_a_bank_of_the_euphrates_is_no_west_bank_abroad(pipeline):
    # "الضفة الغربية لنهر الفرات"، "في الضفة الغربية، لنهر الفرات": a river's bank, not Palestine
    [event] = pipeline.extract(
        "هاجم تنظيم داعش قرى في الضفة الغربية لنهر الفرات في ريف دير الزور.",
        published=date(2018, 6, 6),
    )
    assert event.admin1 == "Deir-ez-Zor"
    doc = Document.from_text("هاجم التنظيم قرى في الضفة الغربية، لنهر الفرات")
    assert doc.norm is not None
    assert told_abroad(doc, 0, len(doc.norm.text)) is None
    # the West Bank itself is abroad
    doc = Document.from_text("اقتحمت القوات الإسرائيلية بلدة في الضفة الغربية")
    assert doc.norm is not None
    assert told_abroad(doc, 0, len(doc.norm.text)) is not None


def test_an_act_launched_from_syria_hit_outside_it(pipeline):
    # "من داخل الأراضي السورية" right after the act: Syria is where it came from
    text = "قال الجيش الإسرائيلي إن هضبة الجولان تعرضت لهجوم بالقذائف الصاروخية من داخل الأراضي السورية"
    assert pipeline.extract(text, published=date(2018, 5, 9)) == []
    # named further on, after a comma, it says where another act came from
    text = "قصفت إسرائيل مواقع إيرانية في بلدة خان الشيح، ردا على ما قالت إنه إطلاق صواريخ من سوريا"
    [event] = pipeline.extract(text, published=date(2018, 5, 9))
    assert event.actor1 == "Military Forces of Israel (2009-2021)"


def test_every_abroad_row_is_a_place_with_its_country_or_a_word_that_reads_one():
    kinds = {
        "place",
        "town",
        "home",
        "home_site",
        "locative",
        "whence",
        "division",
        "direction",
        "border",
        "struck",
        "bank_of",
    }
    homes = ("home", "home_site")  # Syria itself, or sites its state owns there
    for _, row in read_tsv("abroad.tsv", ["word", "kind", "country"]):
        assert row["kind"] in kinds, row
        assert (row["kind"] in ("place", "town", *homes)) == (row["country"] != "-"), row
        assert (row["kind"] in homes) == (row["country"] == "SY"), row


def test_an_act_told_only_in_syria_is_coded_to_the_country_with_no_location(pipeline):
    # "الغارات الأميركية البريطانية الفرنسية على سوريا": no place more specific than Syria
    text = "وتأتي الغارات بعد 3 أيام على الغارات الأميركية البريطانية الفرنسية على سوريا"
    [event] = pipeline.extract(text, published=date(2018, 4, 17))
    assert (event.location, event.admin1, event.latitude) == (None, None, None)
    assert event.actor1 == "Military Forces of the United States (2017-2021)"
    # told at a place too, the country adds no second event
    text = (
        "قصفت طائرات إسرائيلية مطار التيفور في ريف حمص.\n"
        "وقالت مصادر إن الطائرات الإسرائيلية قصفت مواقع في سوريا"
    )
    assert [e.location for e in pipeline.extract(text, published=date(2018, 4, 9))] == [
        "مطار التيفور"
    ]


def test_a_town_on_the_border_with_syria_is_across_it(pipeline):
    # "في مدينة سوروتش على الحدود مع سوريا": the place is said from the other side
    text = "وذلك بعد يومين على هجوم انتحاري أوقع 32 قتيلا في مدينة سوروتش على الحدود مع سوريا"
    assert pipeline.extract(text, published=date(2015, 7, 23)) == []


def test_the_speakers_place_does_not_keep_an_act_abroad_in_syria(pipeline):
    # "عز الدين" names the governor who speaks (and a village in Homs), not where the attack was
    text = (
        'وقال حاكم محافظة شانلي أورفة عز الدين كجك في تصريحات "لا نعلم بعد"، وذلك بعد يومين '
        "على هجوم انتحاري أوقع 32 قتيلا في مدينة سوروتش على الحدود مع سوريا"
    )
    assert pipeline.extract(text, published=date(2015, 7, 23)) == []


def test_every_held_land_is_a_gazetteer_place_held_by_a_side_named_by_adjective():
    from rasad.lexicon import GAZETTEER_DATA_DIR

    ids = {row["id"] for _, row in read_tsv("places.tsv", ["id"], GAZETTEER_DATA_DIR)}
    stems = {row["actor"] for _, row in read_tsv("side_adjectives.tsv", ["actor"])}
    for line, row in read_tsv("held_lands.tsv", ["place", "holder"]):
        assert row["place"] in ids, f"held_lands.tsv line {line}"
        assert row["holder"] in stems, f"held_lands.tsv line {line}"


def test_towns_abroad_have_no_syrian_namesake():
    # "في بغداد"، "في جرود عرسال": a town of a neighbour, listed only when the gazetteer has no
    # Syrian place of that name (صيدا in Daraa, the Raqqa village الرمادي are Syria's); one
    # spelt a letter off is what the list is for ("طرابلس" is no misspelt "جرابلس")
    gazetteer = Gazetteer.default()
    for line, row in read_tsv("abroad.tsv", ["word", "kind", "country"]):
        if row["kind"] != "town":
            continue
        words = phrase_words(row["word"])
        assert all(phrase_words(p.name_ar) != words for p in gazetteer.lookup(row["word"])), line


@pytest.mark.parametrize(
    "text",
    [
        "وفي العراق، قتل 20 شخصا في تفجير سيارة مفخخة في سوق بمدينة الخالص.",
        "وقتل جندي لبناني في اشتباك مع مسلحين في جرود عرسال.",
        "وقتل شرطي في هجوم على مركز للشرطة في طرابلس.",
        "وقتل جندي تركي في اشتباك مع مسلحين على الحدود في ولاية كلس.",
        # the desert of a province abroad, its news announced there
        "وفي العراق المجاور، أعلنت خلية الإعلام الأمني مقتل ثلاثة من عناصر داعش بضربة جوية في "
        "صحراء الأنبار غربي البلاد.",
    ],
)
def test_news_from_abroad_in_a_roundup_gives_no_event(pipeline, text):
    # "وفي العراق، ...": a roundup turns to another country's news; its places are no Syrian
    # namesakes, and it takes no place of the Syrian news before it
    events = pipeline.extract(
        "قتل 15 مدنيا في غارات على مدينة دوما.\n" + text, published=date(2015, 8, 14)
    )
    assert [(e.location, e.fatalities) for e in events] == [("دوما", 15)]


def test_wire_agencies_are_no_places():
    # "دمشق - وكالات:": the agency after the dash is never read as where the news happened
    gazetteer = Gazetteer.default()
    for line, row in read_tsv("wire_agencies.tsv", ["agency"]):
        words = phrase_words(row["agency"])
        assert all(phrase_words(p.name_ar) != words for p in gazetteer.lookup(row["agency"])), line


def test_a_statement_made_abroad_may_tell_a_syrian_act(pipeline):
    # "وفي تركيا، قال مسؤول إن القوات التركية قصفت ... في عفرين": where it was said, not where
    # the act was; "وفي العراق، قتل ..." tells Iraq's news
    text = "وفي تركيا، قال مسؤول إن القوات التركية قصفت مواقع لوحدات حماية الشعب في عفرين."
    assert [e.location for e in pipeline.extract(text, published=date(2018, 2, 10))] == ["عفرين"]


def test_every_name_of_syria_itself_holds_the_stem_assembly_screens_for():
    # Syria named as a place is looked for only where "سوري" is written
    from rasad.extractors.country import HOME_STEM, abroad_words

    assert all(HOME_STEM in word for word in abroad_words("home"))
