"""Trigger words → ACLED event_type and sub_event_type, for all 25 sub-types."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from rasad.assemble import _finish_type
from rasad.extractors.actors import actors_by_name
from rasad.extractors.triggers import (
    DISORDER_TYPES,
    LAND_TAKEN,
    Trigger,
    act_adjectives,
    find_triggers,
    means_adjectives,
    means_told,
    other_act_adjectives,
)
from rasad.lexicon import read_tsv
from rasad.model import Document
from rasad.normalise import normalise_key

PUBLISHED = date(2023, 12, 9)
EXCESSIVE = "Excessive force against protesters"
INTERVENTION = "Protest with intervention"

ACLED_SUB_TYPES = {
    "Battles": {
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    },
    "Explosions/Remote violence": {
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    },
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    },
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    },
}
ALL_SUB_TYPES = {(t, s) for t, subs in ACLED_SUB_TYPES.items() for s in subs}

STATE = "Military Forces of Syria (2000-2024)"
ISIS = "Islamic State (Syria)"
CIVILIANS = "Civilians (Syria)"


def actor(name: str | None):
    return actors_by_name()[name] if name else None


def strongest(text: str) -> tuple[str, Trigger]:
    """The trigger the assembler would choose in ``text``: highest priority, violent, first."""
    doc = Document.from_text(text)
    assert doc.norm is not None
    found = find_triggers(doc)
    assert found, f"no trigger in {text!r}"
    chosen = max(found, key=lambda t: (t.value.priority, t.value.violent, -t.start))
    return doc.norm.text[chosen.start : chosen.end], chosen.value


def coded(text: str, actor1: str | None = None, actor2: str | None = None) -> tuple[str, str]:
    _, trigger = strongest(text)
    return _finish_type(trigger, actor(actor1), actor(actor2))


# -- the lexicon covers ACLED ------------------------------------------------------------------


def test_all_25_acled_sub_types_are_reachable():
    reachable = set()
    kinds = set()
    for _, row in read_tsv("triggers.tsv", ["trigger", "kind", "event_type", "priority"]):
        trigger = Trigger(
            row["kind"], row["event_type"], row["sub_event_type"], int(row["priority"])
        )
        if trigger.kind == "expulsion":
            trigger = LAND_TAKEN  # as find_triggers reads it when land is named
        elif trigger.kind == "held":
            trigger = replace(trigger, kind="event")  # as find_triggers reads it indefinite
        kinds.add(row["kind"])
        for a1 in (None, STATE, ISIS):
            for a2 in (None, STATE, CIVILIANS):
                reachable.add(_finish_type(trigger, actor(a1), actor(a2)))
    assert len(ALL_SUB_TYPES) == 25
    assert reachable == ALL_SUB_TYPES
    assert kinds == {
        "event",
        "attack",
        "killing",
        "takeover",
        "detention",
        "weapon",
        "means",
        "bombardment",
        "interception",
        "seizure",
        "expulsion",
        "raid",
        "repel",
        "held",
        "dispersal",
        "downing",
        "confiscation",
        "blast",
        "withdrawal",
    }


def test_every_lexicon_row_names_a_real_type_and_sub_type():
    for line, row in read_tsv("triggers.tsv", ["trigger", "kind", "event_type", "priority"]):
        assert row["event_type"] in DISORDER_TYPES, line
        if row["kind"] in ("event", "withdrawal"):
            assert (row["event_type"], row["sub_event_type"]) in ALL_SUB_TYPES, line
        assert 1 <= int(row["priority"]) <= 9, line


# -- one real-looking phrase per sub-type ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "event_type", "sub_event_type"),
    [
        ("اشتباكات عنيفة بين الطرفين", "Battles", "Armed clash"),
        ("شنت طائرات التحالف غارة جوية على موقع", "Explosions/Remote violence", "Air/drone strike"),
        ("استهدفت طائرة مسيرة سيارة", "Explosions/Remote violence", "Air/drone strike"),
        (
            "انفجار عبوة ناسفة بسيارة عسكرية",
            "Explosions/Remote violence",
            "Remote explosive/landmine/IED",
        ),
        ("انفجار لغم أرضي بسيارة", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ("قصف مدفعي على البلدة", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ("ألقى مجهول قنبلة يدوية على منزل", "Explosions/Remote violence", "Grenade"),
        ("فجر انتحاري حزاماً ناسفاً", "Explosions/Remote violence", "Suicide bomb"),
        ("استخدام غاز الكلور في البلدة", "Explosions/Remote violence", "Chemical weapon"),
        ("اغتصاب امرأة على يد عناصر الحاجز", "Violence against civilians", "Sexual violence"),
        (
            "اختطاف شاب على يد مسلحين",
            "Violence against civilians",
            "Abduction/forced disappearance",
        ),
        ("خرجت مظاهرة في المدينة", "Protests", "Peaceful protest"),
        ("نظم الأهالي وقفة احتجاجية", "Protests", "Peaceful protest"),
        ("قامت قوات الأمن بتفريق المتظاهرين", "Protests", "Protest with intervention"),
        ("إطلاق النار على المتظاهرين", "Protests", "Excessive force against protesters"),
        ("اندلعت أعمال شغب في المدينة", "Riots", "Violent demonstration"),
        ("اندلعت مشاجرة بين عائلتين", "Riots", "Mob violence"),
        ("توصل الطرفان إلى اتفاق", "Strategic developments", "Agreement"),
        ("وصلت تعزيزات عسكرية إلى المدينة", "Strategic developments", "Change to group/activity"),
        (
            "تمكنت فرق الهندسة من تفكيك عبوة ناسفة",
            "Strategic developments",
            "Disrupted weapons use",
        ),
        (
            "نصب حاجز جديد عند مدخل البلدة",
            "Strategic developments",
            "Headquarters or base established",
        ),
        (
            "نهب عناصر الميليشيا منازل المدنيين",
            "Strategic developments",
            "Looting/property destruction",
        ),
        (
            "تسليم مواقع الفصائل للجيش",
            "Strategic developments",
            "Non-violent transfer of territory",
        ),
        ("فرضت السلطات حظر تجول في المدينة", "Strategic developments", "Other"),
    ],
)
def test_phrase_finds_its_sub_type(text, event_type, sub_event_type):
    assert coded(text) == (event_type, sub_event_type)


def test_arrest_by_state_forces_is_arrests():
    assert coded("اعتقال ثلاثة شبان", actor1=STATE) == ("Strategic developments", "Arrests")


def test_detention_by_an_armed_group_is_abduction():
    assert coded("اعتقال ثلاثة شبان", actor1=ISIS) == (
        "Violence against civilians",
        "Abduction/forced disappearance",
    )
    assert coded("اعتقال ثلاثة شبان") == (
        "Violence against civilians",
        "Abduction/forced disappearance",
    )


def test_regaining_control_by_state_forces_is_government_regains():
    assert coded("استعادت السيطرة على البلدة", actor1=STATE) == (
        "Battles",
        "Government regains territory",
    )


def test_taking_control_by_a_non_state_actor_is_overtakes():
    assert coded("استعادت السيطرة على البلدة", actor1=ISIS) == (
        "Battles",
        "Non-state actor overtakes territory",
    )
    assert coded("سيطرت على البلدة") == ("Battles", "Non-state actor overtakes territory")


def test_land_seized_is_a_takeover_and_property_seized_is_looting(pipeline):
    # "استيلاء قواته على عشرات القرى": the subject between the verbal noun and its "على"
    text = "أكد الجيش السوري استيلاء قواته على عشرات القرى والبلدات والمزارع في الغوطة الشرقية"
    [event] = pipeline.extract(text, published=PUBLISHED)
    assert (event.sub_event_type, event.actor1, event.actor2) == (
        "Government regains territory",
        STATE,
        None,  # "المزارع" are farms here; ground is never taken from civilians
    )
    text = "وأفاد المرصد بالاستيلاء على منازل المدنيين في بلدة حمورية"
    [event] = pipeline.extract(text, published=PUBLISHED)
    assert event.sub_event_type == "Looting/property destruction"


def test_attack_on_civilians_is_violence_against_civilians():
    assert coded("هجوم مسلح على منزل", actor1=ISIS, actor2=CIVILIANS) == (
        "Violence against civilians",
        "Attack",
    )


def test_attack_on_armed_men_is_an_armed_clash():
    assert coded("هجوم مسلح على حاجز", actor1=ISIS, actor2=STATE) == ("Battles", "Armed clash")
    assert coded("هجوم مسلح على حاجز") == ("Battles", "Armed clash")


def test_killing_word_takes_its_sub_type_from_the_victim():
    assert coded("مقتل ثلاثة مدنيين", actor2=CIVILIANS) == ("Violence against civilians", "Attack")
    assert coded("مقتل ثلاثة عناصر", actor2=STATE) == ("Battles", "Armed clash")


@pytest.mark.parametrize("text", ["بحث مجلس الأمن القضية السورية", "دعم لقوات النظام"])
def test_a_noun_read_as_a_verb_with_a_suffix_is_no_trigger(text):
    # normalised, "القضية" is "القضيه": no "قضى" (died) with a pronoun; "لقوات" holds no "لقوا"
    assert find_triggers(Document.from_text(text)) == []


def test_died_with_its_idiom_or_in_the_plural_is_a_killing():
    assert strongest("قضى نحبه في بلدة الصنمين")[1].kind == "killing"
    assert strongest("ثلاثة أطفال قضوا في بلدة الصنمين")[1].kind == "killing"


# -- priority ---------------------------------------------------------------------------------


def test_ambush_outranks_the_ied_inside_it():
    # codebook: an IED in an ambush is part of the battle
    matched, trigger = strongest("كمين بعبوة ناسفة لدورية عسكرية")
    assert matched == "كمين" and trigger.sub_event_type == "Armed clash"


def test_suicide_bomb_outranks_the_explosion():
    _, trigger = strongest("تفجير انتحاري بحزام ناسف")
    assert trigger.sub_event_type == "Suicide bomb"


def test_suffocation_makes_a_strike_a_chemical_attack(pipeline):
    # victims tell a chemical payload by its effect: "حالات اختناق إثر قصف جوي"
    text = "سجلت حالات اختناق بين المدنيين إثر قصف جوي شنته قوات النظام السبت على مدينة دوما."
    (event,) = pipeline.extract(text, published=date(2018, 4, 8))
    assert (event.sub_event_type, event.actor1) == ("Chemical weapon", STATE)
    text = "قضت عائلات كاملة اختناقاً في الأقبية بعد استهداف مدينة دوما."
    assert [e.sub_event_type for e in pipeline.extract(text, published=date(2018, 4, 8))] == [
        "Chemical weapon"
    ]


def test_shelling_outranks_the_weapon_named_alone():
    matched, trigger = strongest("سقوط قذائف هاون ثم قصف مدفعي")
    assert matched == "قصف مدفعي"
    assert trigger.priority == 5


def test_excessive_force_outranks_peaceful_protest():
    _, trigger = strongest("مظاهرة سلمية ثم إطلاق النار على المتظاهرين")
    assert trigger.sub_event_type == "Excessive force against protesters"


def test_strategic_development_is_not_violent_but_detention_is():
    assert not strongest("وصلت تعزيزات")[1].violent
    assert strongest("اعتقال شاب")[1].violent
    assert strongest("غارة جوية")[1].violent


# -- conjugation and clitics ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "matched", "sub_event_type"),
    [
        ("وقصفت قوات النظام البلدة", "قصفت", "Shelling/artillery/missile attack"),
        ("قُتل مدنيان بغاراتٍ جويةٍ", "غارات جويه", "Air/drone strike"),
        ("بغارات على البلدة", "غارات", "Air/drone strike"),
        ("واشتبكت الفصائل مع الجيش", "اشتبكت", "Armed clash"),
        ("فاعتقلت الدورية شابا", "اعتقلت", "Arrests"),
        ("وبالعبوات الناسفة", "عبوات الناسفه", "Remote explosive/landmine/IED"),
        ("للغارات", "غارات", "Air/drone strike"),
        ("إثر انفجار لغمٍ أرضيّ", "انفجار لغم", "Remote explosive/landmine/IED"),
        ("استهدافهم بالقصف", "قصف", "Shelling/artillery/missile attack"),
    ],
)
def test_conjugations_and_clitics(text, matched, sub_event_type):
    found, trigger = strongest(text)
    assert found == matched
    assert trigger.sub_event_type == sub_event_type or trigger.kind == "detention"


def test_ta_marbuta_adjective_still_completes_a_phrase():
    # "قصفت المدفعية" is read as "قصف مدفعي": the verb's ت and the adjective's ة drop off
    found, trigger = strongest("قصفت المدفعية البلدة")
    assert found == "قصفت المدفعي"
    assert trigger.sub_event_type == "Shelling/artillery/missile attack"


def test_trigger_offsets_exclude_the_conjunction():
    doc = Document.from_text("وقصفت قوات النظام البلدة")
    (mention,) = find_triggers(doc)
    assert (mention.start, mention.end) == (1, 5)


def test_find_triggers_respects_the_range():
    doc = Document.from_text("غارة جوية. وصلت تعزيزات.")
    assert doc.norm is not None
    inside = find_triggers(doc, 11, len(doc.norm.text))
    assert [m.value.sub_event_type for m in inside] == ["Change to group/activity"]


def test_plain_words_are_not_triggers():
    assert find_triggers(Document.from_text("زار وفد من الأهالي المدرسة")) == []
    # "بينهم" (among them) is not "بين" and "الحربيه" alone is not an air strike
    assert find_triggers(Document.from_text("بينهم أطفال")) == []


# -- through the pipeline ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        (
            "شنت طائرات التحالف غارة جوية على موقع لتنظيم داعش في بلدة الشعفة بريف دير الزور.",
            "Air/drone strike",
        ),
        ("انفجرت عبوة ناسفة بسيارة عسكرية في مدينة درعا.", "Remote explosive/landmine/IED"),
        ("قصف مدفعي لقوات النظام على بلدة كنصفرة بريف إدلب.", "Shelling/artillery/missile attack"),
        ("ألقى مجهول قنبلة يدوية على منزل في مدينة الميادين.", "Grenade"),
        ("فجر انتحاري حزاماً ناسفاً في مدينة منبج.", "Suicide bomb"),
        ("استخدمت قوات النظام غاز الكلور في بلدة اللطامنة.", "Chemical weapon"),
        ("أقدم عناصر من الميليشيات على اغتصاب امرأة في مدينة البوكمال.", "Sexual violence"),
        ("اختطاف شاب على يد مسلحين مجهولين في مدينة درعا.", "Abduction/forced disappearance"),
        ("اندلعت أعمال شغب في مدينة السويداء.", "Violent demonstration"),
        ("اندلعت مشاجرة بين عائلتين في مدينة الرقة.", "Mob violence"),
        ("توصلت الأطراف إلى اتفاق في مدينة درعا.", "Agreement"),
        ("اعتقلت قوات النظام ثلاثة شبان في مدينة درعا.", "Arrests"),
        ("استقدمت قوات النظام تعزيزات عسكرية إلى مدينة الميادين.", "Change to group/activity"),
        ("تمكنت فرق الهندسة من تفكيك عبوة ناسفة في مدينة الرقة.", "Disrupted weapons use"),
        ("نصب حاجز جديد لقوات النظام في مدينة الميادين.", "Headquarters or base established"),
        ("نهب عناصر الميليشيات منازل في مدينة البوكمال.", "Looting/property destruction"),
        ("تسليم مواقع لقوات النظام في مدينة درعا.", "Non-violent transfer of territory"),
        ("فرضت قوات النظام حظر تجول في مدينة الصنمين.", "Other"),
        ("قوات النظام استعادت السيطرة على بلدة كنصفرة.", "Government regains territory"),
        ("تنظيم داعش سيطر على بلدة الشعفة.", "Non-state actor overtakes territory"),
        ("دارت اشتباكات بين قوات النظام و هيئة تحرير الشام في بلدة كنصفرة.", "Armed clash"),
        ("تظاهر العشرات في مدينة السويداء.", "Peaceful protest"),
    ],
)
def test_pipeline_codes_the_sub_type(pipeline, text, sub_event_type):
    events = pipeline.extract(text, published=PUBLISHED)
    assert [e.sub_event_type for e in events] == [sub_event_type]


def test_takeover_by_state_forces_names_them_actor1(pipeline):
    (event,) = pipeline.extract("قوات النظام استعادت السيطرة على بلدة كنصفرة.", published=PUBLISHED)
    assert (event.actor1, event.inter1) == (STATE, 1)
    assert event.event_type == "Battles"


def test_takeover_by_isis_is_overtaking(pipeline):
    (event,) = pipeline.extract("تنظيم داعش سيطر على بلدة الشعفة.", published=PUBLISHED)
    assert (event.actor1, event.sub_event_type) == (ISIS, "Non-state actor overtakes territory")


def test_verb_first_regaining_of_control_by_the_regime(pipeline):
    (event,) = pipeline.extract("استعادت قوات النظام السيطرة على بلدة كنصفرة.", published=PUBLISHED)
    assert (event.sub_event_type, event.actor1) == ("Government regains territory", STATE)


def test_verb_first_takeover_by_hts(pipeline):
    events = pipeline.extract("سيطرت هيئة تحرير الشام على بلدة كنصفرة.", published=PUBLISHED)
    assert [(e.sub_event_type, e.actor1) for e in events] == [
        ("Non-state actor overtakes territory", "Hayat Tahrir al Sham"),
    ]


def test_pipeline_codes_a_demonstration(pipeline):
    events = pipeline.extract("خرجت مظاهرة في مدينة السويداء.", published=PUBLISHED)
    assert [e.sub_event_type for e in events] == ["Peaceful protest"]


def test_pipeline_codes_protest_with_intervention(pipeline):
    events = pipeline.extract(
        "قامت قوات الأمن بتفريق المتظاهرين في مدينة السويداء.", published=PUBLISHED
    )
    assert [e.sub_event_type for e in events] == ["Protest with intervention"]


def test_pipeline_codes_excessive_force(pipeline):
    events = pipeline.extract("إطلاق النار على المتظاهرين في مدينة السويداء.", published=PUBLISHED)
    assert [e.sub_event_type for e in events] == ["Excessive force against protesters"]


def test_peaceful_protest_is_not_by_an_armed_group(pipeline):
    (event,) = pipeline.extract("تظاهر العشرات في مدينة السويداء.", published=PUBLISHED)
    assert event.actor1 != "Unidentified Armed Group (Syria)"


def test_riot_without_a_named_side_is_by_rioters(pipeline):
    (event,) = pipeline.extract("اندلعت أعمال شغب في مدينة السويداء.", published=PUBLISHED)
    assert (event.actor1, event.inter1, event.interaction) == ("Rioters (Syria)", 5, 50)
    assert event.disorder_type == "Political violence"


def test_protest_without_a_named_side_is_by_protesters(pipeline):
    (event,) = pipeline.extract("تظاهر العشرات في مدينة السويداء.", published=PUBLISHED)
    assert (event.actor1, event.inter1, event.interaction) == ("Protesters (Syria)", 6, 60)
    assert (event.disorder_type, event.fatalities) == ("Demonstrations", 0)


# -- a trigger inside an actor's name ---------------------------------------------------------


def test_hts_name_is_not_a_takeover(pipeline):
    assert pipeline.extract("اجتمع قادة هيئة تحرير الشام في مدينة إدلب.", published=PUBLISHED) == []


def test_air_force_name_is_not_an_air_strike(pipeline):
    # warplanes are a means, not an act: "الطيران الحربي السوري" names an actor
    doc = Document.from_text("عقد ضباط من الطيران الحربي السوري اجتماعاً في مدينة حماة.")
    assert {t.value.kind for t in find_triggers(doc)} <= {"means"}
    text = "عقد ضباط من الطيران الحربي السوري اجتماعاً في مدينة حماة."
    assert pipeline.extract(text, published=PUBLISHED) == []


def test_strike_named_with_its_country_is_an_air_strike(pipeline):
    (event,) = pipeline.extract(
        "قتل مدنيان بغارة إسرائيلية على بلدة خان أرنبة بريف القنيطرة.", published=PUBLISHED
    )
    assert event.sub_event_type == "Air/drone strike"
    assert event.actor1 is not None and event.actor1.startswith("Military Forces of Israel")


def test_weapon_with_instrumental_ba_is_the_act(pipeline):
    # "بقذائف المدفعية": the preposition ب makes the shells the means of the attack
    events = pipeline.extract(
        "استهدفت قوات النظام بقذائف المدفعية بلدة كفرنبل بريف إدلب الجنوبي.", published=PUBLISHED
    )
    assert [e.sub_event_type for e in events] == ["Shelling/artillery/missile attack"]
    assert events[0].actor1 == "Military Forces of Syria (2000-2024)"


def test_weapon_carried_is_not_an_attack(pipeline):
    # "استقدمت ... راجمات صواريخ": rocket launchers brought in are a move, not a strike
    events = pipeline.extract(
        "استقدمت القوات الروسية مدافع ثقيلة وراجمات صواريخ إلى بلدة الفرقلس شرق حمص.",
        published=PUBLISHED,
    )
    assert [e.sub_event_type for e in events] == ["Change to group/activity"]


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        # dual nouns: a feminine act noun and its adjective in the dual
        ("شنت إسرائيل غارتين قرب دمشق", "Air/drone strike"),
        ("نفذت طائرات التحالف ضربتين جويتين", "Air/drone strike"),
        ("غارتان جويتان على ريف إدلب", "Air/drone strike"),
    ],
)
def test_dual_of_a_feminine_act_noun(text, sub_event_type):
    _, trigger = strongest(text)
    assert trigger.sub_event_type == sub_event_type


def test_the_victims_of_a_massacre_are_civilians_unless_named(pipeline):
    # "مجزرتين نفذهما طيران النظام": by aircraft an air strike, on the people there
    text = "شهدت بلدة كفرنبل مجزرة نفذها طيران النظام الحربي"
    [event] = pipeline.extract(text, published=PUBLISHED)
    assert (event.sub_event_type, event.actor2) == ("Air/drone strike", "Civilians (Syria)")


def test_only_massacres_executions_assassinations_and_arrests_name_their_victims():
    # a massacre's dead, the executed, the assassinated and the people arrested are civilians
    # unless the report names a side
    rows = read_tsv("triggers.tsv", ["trigger", "kind", "event_type", "priority"])
    victims = {row["trigger"]: row for _, row in rows if row.get("victims")}
    massacres = {t for t, row in victims.items() if row["kind"] != "detention"}
    assert massacres == {"مجزرة", "مجازر", "مجزرتين", "مجزرتان"} | {
        "اعدام",
        "اعدم",
        "اعدمت",
        "اعدام ميداني",
    } | {"اغتيال", "اغتيالات", "اغتال"}
    assert all(
        row["sub_event_type"] == "Arrests" for t, row in victims.items() if t not in massacres
    )
    assert {row["victims"] for row in victims.values()} <= set(actors_by_name())


def test_a_means_used_by_one_side_names_an_actor_of_the_lexicon():
    rows = read_tsv("triggers.tsv", ["trigger", "kind", "event_type", "priority"])
    for line, row in rows:
        if row.get("used_by"):
            assert row["used_by"] in actors_by_name(), line
            assert row["event_type"] == "Explosions/Remote violence", line


@pytest.mark.parametrize(
    "text",
    [
        # the masdar: the side driven out follows it
        "وتمكنت قوات النظام، الأربعاء، من طرد التنظيم من كافة قرى وبلدات حوض اليرموك",
        # the verb first: its subject follows it
        "طردت قوات النظام تنظيم داعش من قرى وبلدات حوض اليرموك",
    ],
)
def test_a_side_driven_out_of_towns_lost_them(pipeline, text):
    [event] = pipeline.extract(text, published=date(2018, 8, 3))
    assert (event.sub_event_type, event.actor1, event.actor2) == (
        "Government regains territory",
        "Military Forces of Syria (2000-2024)",
        "Islamic State (Syria)",
    )


@pytest.mark.parametrize(
    "text",
    [
        "طردت الحكومة السفير من دمشق",  # no ground taken
        "وتعد إدلب أحد آخر معاقل الفصائل بعد طردها تدريجيا من مناطق عدة في البلاد",  # vague
    ],
)
def test_an_expulsion_from_no_town_is_no_takeover(pipeline, text):
    assert pipeline.extract(text, published=date(2018, 8, 3)) == []


def test_a_raid_that_turns_into_a_firefight_is_part_of_the_clash(pipeline):
    # "داهمت دورية ... منزل القيادي ... تبادل إطلاق النار مع عناصر الدورية": one clash
    text = (
        "داهمت دورية مشتركة لقوات الأسد منزل أحد قادة ميليشيا الدفاع الوطني في مدينة الميادين، "
        "وقال مراسل إن القيادي تبادل إطلاق النار مع عناصر الدورية في مدينة الميادين، مما "
        "أجبرهم على الانسحاب"
    )
    assert [e.sub_event_type for e in pipeline.extract(text, published=PUBLISHED)] == [
        "Armed clash"
    ]
    # a raid alone is an arrest by state forces
    text = "داهمت دورية لقوات الأسد منزل أحد المدنيين في مدينة الميادين واعتقلته"
    assert [e.sub_event_type for e in pipeline.extract(text, published=PUBLISHED)] == ["Arrests"]


def test_repelling_missiles_is_an_interception_and_repelling_an_attack_a_clash(pipeline):
    # "تم التصدي لـ13 صاروخا": weapons met in flight are the strike they belong to, not a clash
    text = "ذكرت سانا أنه تم التصدي لـ13 صاروخا وإسقاطها بمنطقة الكسوة في ريف دمشق."
    [event] = pipeline.extract(text, published=PUBLISHED)
    assert event.event_type != "Battles"
    text = "وتصدت فصائل المعارضة لهجوم قوات النظام على بلدة كفرنبل."
    [event] = pipeline.extract(text, published=PUBLISHED)
    assert event.sub_event_type == "Armed clash"


def test_a_military_operation_named_is_a_campaign_not_an_act(pipeline):
    # "أطلقت تركيا في يناير عملية عسكرية في عفرين"، "الحملة العسكرية على الغوطة": the frame of
    # many acts, each coded on its own; the campaign itself is none
    for text in (
        "يذكر أن تركيا أطلقت في يناير عملية عسكرية في عفرين لإبعاد مقاتلي الوحدات الكردية.",
        "وأدت العملية العسكرية في الغوطة الشرقية إلى نزوح الآلاف.",
        "وذكر تقرير لناشطين بعد أسبوعين على بدء الحملة العسكرية في الزبداني أن الوضع صعب.",
    ):
        assert pipeline.extract(text, published=PUBLISHED) == [], text


def test_drones_named_in_the_plural_with_their_side_are_the_means(pipeline):
    # "قصفت المسيرات التركية": the Turkish drones; "مسيرات" alone may be marches
    text = "قصفت المسيرات التركية مواقع لقسد في محيط بلدة تل تمر بريف الحسكة."
    [event] = pipeline.extract(text, published=PUBLISHED)
    assert (event.sub_event_type, event.actor1) == (
        "Air/drone strike",
        "Military Forces of Turkey (2016-)",
    )


def test_people_abducted_are_an_abduction_only_when_counted(pipeline):
    # "40 مختطفا" tells an abduction by its victims; "إعادة المخطوفين"، "مخطوفي السويداء":
    # named by the article or their town, they are the people of an abduction already told
    text = "قال مصدر محلي إن الرقم قد يصل إلى 40 مختطفا في ريف السويداء."
    assert [e.sub_event_type for e in pipeline.extract(text, published=PUBLISHED)] == [
        "Abduction/forced disappearance"
    ]
    for text in (
        "وأعلن فصيل قوات شيخ الكرامة النفير العام في جبل العرب من أجل إعادة المخطوفين.",
        "وقال إن الحكومة وحدها القادرة على إرجاع المختطفين عبر عملية تبادل في السويداء.",
        "وتعثرت المفاوضات حول مصير مخطوفي السويداء.",
    ):
        assert pipeline.extract(text, published=PUBLISHED) == [], text


def test_act_adjectives_are_no_means_and_are_matched_in_every_form():
    # "غارات أخرى"، "قصفاً عنيفاً"، "الهجمات المضادة": the accusative, the article and the
    # feminine by rule; an adjective of means belongs in means_adjectives.tsv, with its sub-type
    means = means_adjectives()
    for line, row in read_tsv("act_adjectives.tsv", ["adjective"]):
        assert normalise_key(row["adjective"]) not in means, line
    for written in ("أخرى", "عنيفا", "المضادة", "ومكثف"):
        assert normalise_key(written) in act_adjectives(), written


def test_only_the_words_of_another_act_have_the_sense_other():
    # "في هجوم آخر"، "غارات أخرى"، "الغارة الأخرى": an act not told before; "عنيف" only describes
    for line, row in read_tsv("act_adjectives.tsv", ["adjective", "sense"]):
        assert row["sense"] in {"other", "manner"}, line
    for written in ("آخر", "أخرى", "الأخرى", "وآخر"):
        assert normalise_key(written) in other_act_adjectives(), written
    assert normalise_key("عنيفا") not in other_act_adjectives()


def test_every_means_adjective_names_a_remote_violence_sub_type():
    rows = read_tsv("means_adjectives.tsv", ["adjective", "sub_event_type"])
    for line, row in rows:
        assert ("Explosions/Remote violence", row["sub_event_type"]) in ALL_SUB_TYPES, line


@pytest.mark.parametrize(
    ("text", "told"),
    [
        # the accusative, the article, the feminine and the conjunction are matched by rule
        ("قصفا بريا وجويا", ["Shelling/artillery/missile attack", "Air/drone strike"]),
        ("القصف الجوي والمدفعي", ["Air/drone strike", "Shelling/artillery/missile attack"]),
        ("غارات جوية ومدفعية", ["Air/drone strike", "Shelling/artillery/missile attack"]),
        ("قصف جوي", []),  # one means: the trigger's own
        ("قصف جوي وقتلى", []),  # a word after "و" that is no means
    ],
)
def test_means_told_after_a_bombardment_noun(text, told):
    doc = Document.from_text(text)
    first = find_triggers(doc)[0]  # "غارات جوية" and "غارات" both match: the longest first
    assert means_told(doc, first) == told


@pytest.mark.parametrize(
    "text",
    ["استهدف المطار بعدة صواريخ", "استهدف المطار بـ 59 صاروخا", "قصفت البلدة بعشرات القذائف"],
)
def test_a_weapon_counted_after_its_preposition_is_used(text):
    # "بعدة صواريخ": a count between ب and the weapon keeps it the act's means
    doc = Document.from_text(text)
    assert any(
        m.value.kind == "event" and m.value.sub_event_type == "Shelling/artillery/missile attack"
        for m in find_triggers(doc)
        if m.value.priority == 5
    )


@pytest.mark.parametrize(
    "text",
    [
        "قال المصدر إن الطائرة الحربية كانت تقصف تجمعات للمسلحين في منطقة صيدا.",
        "قوات النظام لا تزال تقصف مناطق زراعية قرب اللطامنة في ريف حماة الشمالي.",
    ],
)
def test_the_imperfect_of_shelling_tells_an_act_under_way(pipeline, text):
    # "كانت تقصف": going on when the jet was downed; "لا تزال تقصف": still going on
    events = pipeline.extract(text, published=date(2018, 7, 24))
    assert [e.event_type for e in events] == ["Explosions/Remote violence"]


def test_strengthening_is_no_reinforcement(pipeline):
    # "تعزيز الحكومة المركزية في دمشق": the verbal noun strengthens anything; "تعزيزات" are
    # the reinforcements sent
    text = "واعتبر روحاني أنه لا وسيلة لتسوية الأزمة سوى تعزيز الحكومة المركزية في دمشق."
    assert pipeline.extract(text, published=date(2018, 3, 6)) == []


@pytest.mark.parametrize(
    "text",
    [
        "هاجمت المسيرات الانتحارية نقاطا للجيش السوري في ريف منبج",
        "استهدفت طائرات مسيرة انتحارية نقاطا للجيش السوري في ريف منبج",
    ],
)
def test_suicide_drones_strike_from_the_air_and_carry_no_bomber(pipeline, text):
    # "انتحارية" after drones names their kind, not a suicide bombing
    [event] = pipeline.extract(text, published=date(2025, 8, 3))
    assert event.sub_event_type == "Air/drone strike"


def test_drones_in_the_definite_plural_are_the_means_of_a_shelling(pipeline):
    # "قصفت ... بالمسيرات": aircraft are the means, so the bombardment is a drone strike
    text = "قصفت قوات سوريا الديمقراطية بالمسيرات نقاطا للجيش السوري في ريف منبج"
    [event] = pipeline.extract(text, published=date(2025, 8, 3))
    assert event.sub_event_type == "Air/drone strike"


def test_a_bomb_left_by_earlier_shelling_is_an_explosive_not_shelling(pipeline):
    # "قنبلة عنقودية من مخلفات القصف": what the shelling left went off now
    text = "أصيب طفل بجروح جراء انفجار قنبلة عنقودية من مخلفات القصف في قرية معرة مصرين"
    [event] = pipeline.extract(text, published=date(2024, 5, 14))
    assert event.sub_event_type == "Remote explosive/landmine/IED"


def test_a_cache_seized_is_weapons_kept_from_use_not_looting(pipeline):
    # codebook: seized weapons are Disrupted weapons use; "صادرت محتوياته" seizes the cache
    text = (
        "عثرت قوات الأمن العام على مستودع أسلحة وذخائر تابع لفلول النظام في ريف طرطوس "
        "وصادرت محتوياته."
    )
    [event] = pipeline.extract(text, published=date(2025, 1, 29))
    assert event.sub_event_type == "Disrupted weapons use"


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        # fire between the verb and the protest: excessive force
        ("فرقت عناصر هيئة تحرير الشام بالرصاص الحي مظاهرة في مدينة جسر الشغور", EXCESSIVE),
        ("فرقت الشرطة بالقنابل المسيلة للدموع مظاهرة في مدينة إدلب", INTERVENTION),
        ("قمعت قوات الأمن وقفة احتجاجية في مدينة السويداء", INTERVENTION),
    ],
)
def test_breaking_up_a_protest_named_after_the_verb(pipeline, text, sub_event_type):
    # the force is the protest's second actor, the protesters its first (ACLED)
    [event] = pipeline.extract(text, published=date(2024, 3, 8))
    assert event.sub_event_type == sub_event_type
    assert event.actor1 == "Protesters (Syria)" and event.actor2 is not None


def test_breaking_up_no_protest_is_no_act(pipeline):
    # "فرقت الشرطة التجمعات": no protest named after the verb
    assert pipeline.extract("فرقت الشرطة التجمعات في مدينة إدلب", published=date(2024, 3, 8)) == []


@pytest.mark.parametrize("protesters", ["محتجون", "المحتجون", "متظاهرون"])
def test_protesters_storming_a_building_are_rioters_and_no_side_they_hit(pipeline, protesters):
    # "اقتحم محتجون مقر فرع حزب البعث": a violent demonstration by rioters, indefinite or not
    text = f"اقتحم {protesters} مقر فرع حزب البعث في مدينة السويداء وطردوا الموظفين منه."
    [event] = pipeline.extract(text, published=date(2024, 3, 8))
    assert (event.sub_event_type, event.actor1, event.actor2) == (
        "Violent demonstration",
        "Rioters (Syria)",
        None,
    )


@pytest.mark.parametrize(
    "text",
    [
        "أعلنت إدارة العمليات العسكرية السيطرة على مستودعات أسلحة للنظام البائد في منطقة القطيفة",
        "سيطرت الفصائل على مستودع أسلحة في مدينة حلب",
    ],
)
def test_a_weapons_cache_taken_over_is_weapons_kept_from_use(pipeline, text):
    # what is taken right after "على" is a cache: seized weapons (codebook), not territory
    [event] = pipeline.extract(text, published=date(2025, 1, 20))
    assert event.sub_event_type == "Disrupted weapons use"


def test_a_town_taken_with_a_cache_in_it_is_territory(pipeline):
    text = "سيطرت الفصائل على مدينة حلب ومستودع أسلحة فيها"
    [event] = pipeline.extract(text, published=date(2024, 11, 30))
    assert event.sub_event_type == "Non-state actor overtakes territory"


def test_setting_fire_with_the_subject_between_destroys_property(pipeline):
    # "أضرم مجهولون النار في محاصيل القمح": the verb and its fire apart, crops burnt
    text = "أضرم مجهولون النار في محاصيل القمح في قرية الصبحة بريف دير الزور الشرقي."
    [event] = pipeline.extract(text, published=date(2024, 6, 1))
    assert event.sub_event_type == "Looting/property destruction"


def test_each_trigger_is_listed_once():
    # a phrase listed twice matches only as its first row: the second is never read
    phrases = [row["trigger"] for _, row in read_tsv("triggers.tsv", ["trigger", "kind"])]
    assert len(phrases) == len(set(phrases)), [p for p in phrases if phrases.count(p) > 1]
