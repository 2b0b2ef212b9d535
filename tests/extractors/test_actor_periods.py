"""Names after 8 December 2024: the same Arabic words name other actors after the fall of Assad.

In 2025 reports the former regime's armed remnants ("فلول النظام البائد") are the Assad Loyalist
Militia, the regime named bare ("قوات النظام") is the government of the day, and General
Security ("الأمن العام") is the new state's police. Reports of 2018 keep the old names, and no
name ever resolves to an actor outside its validity window.
"""

from __future__ import annotations

from datetime import date

import pytest

import rasad
from rasad.extractors.actors import (
    actor_matcher,
    find_actors,
    force_of,
    resolve_actor,
    valid_on,
)
from rasad.model import Document
from rasad.normalise import normalise_key

AFTER_THE_FALL = "2025-03-07"
BEFORE_THE_FALL = "2018-03-07"

LOYALISTS = "Assad Loyalist Militia (Syria)"
NEW_ARMY = "Military Forces of Syria (2024-)"
NEW_POLICE = "Police Forces of Syria (2024-)"
OLD_ARMY = "Military Forces of Syria (2000-2024)"
SDF = "SDF: Syrian Democratic Forces"
UNIDENTIFIED = "Unidentified Armed Group (Syria)"


def only_event(text: str, published: str = AFTER_THE_FALL) -> rasad.Event:
    events = rasad.extract(text, published=published)
    assert len(events) == 1, [(e.sub_event_type, e.actor1, e.actor2) for e in events]
    return events[0]


def names(text: str) -> list[str]:
    """The actor names found in ``text``, normalised."""
    doc = Document.from_text(text)
    assert doc.norm is not None
    return [doc.norm.text[m.start : m.end] for m in find_actors(doc)]


# -- the former regime after the fall ----------------------------------------------------------


def test_remnants_of_the_former_regime_are_loyalist_militia_after_the_fall():
    event = only_event(
        "هاجم فلول النظام البائد حاجزاً للأمن العام في ريف اللاذقية ما أدى لمقتل ثلاثة عناصر"
    )
    assert (event.actor1, event.actor2) == (LOYALISTS, NEW_POLICE)
    assert (event.inter1, event.inter2, event.interaction) == (3, 1, 13)
    assert event.fatalities == 3


@pytest.mark.parametrize(
    "text",
    [
        "هاجمت فلول النظام المخلوع دورية للأمن العام في ريف جبلة",
        "هاجم فلول النظام السابق حاجزاً للأمن العام في مدينة بانياس",
        "هاجمت فلول الأسد حاجزاً للأمن العام في ريف جبلة",
        "هاجمت بقايا النظام حاجزاً للأمن العام في ريف جبلة",
        "هاجم عناصر النظام السابق حاجزاً للأمن العام في ريف طرطوس",
        "هاجمت ميليشيات الأسد حاجزاً للأمن العام في ريف اللاذقية",
        "هاجمت خلايا النظام البائد حاجزاً للأمن العام في ريف جبلة",
    ],
)
def test_every_name_of_the_remnants_is_the_loyalist_militia_after_the_fall(text):
    event = only_event(text)
    assert (event.actor1, event.actor2) == (LOYALISTS, NEW_POLICE)


def test_officers_of_the_fallen_regime_arrested_are_the_loyalists():
    event = only_event("اعتقلت قوات الأمن الداخلي ثلاثة من ضباط النظام البائد في مدينة حمص")
    assert event.sub_event_type == "Arrests"
    assert (event.actor1, event.actor2) == (NEW_POLICE, LOYALISTS)


def test_the_longest_name_wins_over_the_regime_inside_it():
    # "فلول النظام" is one name, never "النظام" (the new state, after the fall) with a word before it
    assert names("هاجم فلول النظام البائد حاجزاً") == [normalise_key("فلول النظام البائد")]
    assert names("مجموعة من قوات النظام السابق") == [normalise_key("قوات النظام السابق")]
    event = only_event("اشتبكت قوات الأمن العام مع مجموعة من قوات النظام السابق في ريف بانياس")
    assert (event.actor1, event.actor2) == (NEW_POLICE, LOYALISTS)


def test_the_ministry_of_defence_fights_the_remnants():
    event = only_event("اشتبكت قوات وزارة الدفاع مع مجموعات من فلول النظام في ريف جبلة")
    assert event.sub_event_type == "Armed clash"
    assert (event.actor1, event.actor2) == (NEW_ARMY, LOYALISTS)


# -- the state of the day after the fall -------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["النظام", "قوات النظام", "النظام السوري", "الجيش السوري", "الجيش العربي السوري"]
)
def test_bare_regime_in_2025_names_the_government_of_the_day(name):
    event = only_event(f"قصفت {name} بالمدفعية قرية في ريف السويداء الغربي")
    assert event.actor1 == NEW_ARMY


@pytest.mark.parametrize(
    "name",
    [
        "وزارة الدفاع",
        "الجيش السوري الجديد",
        "إدارة العمليات العسكرية",
        "قوات الحكومة السورية",
        "القوات الحكومية",
    ],
)
def test_the_post_assad_army_by_its_new_names(name):
    event = only_event(f"هاجم مسلحون مجهولون حاجزاً لـ{name} في ريف درعا الشرقي")
    assert (event.actor1, event.actor2) == (UNIDENTIFIED, NEW_ARMY)


def test_general_security_is_the_post_assad_police():
    event = only_event("قُتل عنصران من الأمن العام برصاص مجهولين في بلدة الصنمين")
    assert (event.actor1, event.actor2) == (UNIDENTIFIED, NEW_POLICE)
    assert event.fatalities == 2


@pytest.mark.parametrize(
    "name",
    ["الأمن العام", "عناصر الأمن العام", "الأمن الداخلي", "وزارة الداخلية", "قوى الأمن الداخلي"],
)
def test_every_name_of_the_post_assad_police(name):
    event = only_event(f"اعتقلت {name} شاباً في مدينة حمص")
    assert event.sub_event_type == "Arrests"
    assert event.actor1 == NEW_POLICE


@pytest.mark.parametrize(
    "text",
    [
        "قُتل عنصران من قوى الأمن الداخلي (الأسايش) بهجوم لمسلحين مجهولين في مدينة القامشلي",
        "قُتل عنصران من قوى الأمن الداخلي في شمال وشرق سوريا بهجوم لمسلحين في مدينة الحسكة",
    ],
)
def test_internal_security_named_as_the_asayish_stays_the_sdf(text):
    # the Kurdish Asayish call themselves "قوى الأمن الداخلي" too; with their name they are the SDF's
    assert only_event(text).actor2 == SDF


# -- before the fall ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        ("قصفت قوات النظام بالمدفعية قرية في ريف السويداء الغربي", OLD_ARMY, None),
        ("قصف النظام السوري بالمدفعية قرية في ريف السويداء الغربي", OLD_ARMY, None),
        (
            "هاجمت ميليشيات الأسد حاجزاً للمعارضة في ريف اللاذقية",
            OLD_ARMY,
            "Opposition Rebels (Syria)",
        ),
        ("هاجم مسلحون مجهولون حاجزاً للجيش العربي السوري في ريف درعا", UNIDENTIFIED, OLD_ARMY),
    ],
)
def test_the_same_words_in_2018_keep_the_old_names(text, actor1, actor2):
    event = only_event(text, published=BEFORE_THE_FALL)
    assert (event.actor1, event.actor2) == (actor1, actor2)


def test_names_of_the_fall_name_no_one_in_2018():
    # "فلول النظام" does not occur before the fall: read there, it names no one (the attacker is
    # then unidentified), and it is not read as "النظام" either.
    event = only_event(
        "هاجم فلول النظام البائد حاجزاً لقوات الأسد في ريف اللاذقية", published=BEFORE_THE_FALL
    )
    assert (event.actor1, event.actor2) == (UNIDENTIFIED, OLD_ARMY)


def test_an_alias_never_resolves_outside_its_window():
    doc = Document.from_text("فلول النظام")
    (mention,) = find_actors(doc)
    assert resolve_actor(mention.value, date(2018, 3, 7)) is None
    resolved = resolve_actor(mention.value, date(2025, 3, 7))
    assert resolved is not None and resolved.name == LOYALISTS


@pytest.mark.parametrize(
    "day",
    [date(2013, 5, 1), date(2018, 3, 7), date(2024, 12, 7), date(2024, 12, 8), date(2025, 3, 7)],
)
def test_every_alias_resolves_to_an_actor_valid_on_the_day_or_to_none(day):
    for entries in actor_matcher()._by_first.values():
        for words, candidates in entries:
            resolved = resolve_actor(candidates, day)
            assert resolved is None or valid_on(resolved, day), (" ".join(words), day)


@pytest.mark.parametrize(
    ("text", "published", "actor1"),
    [
        # background of older strikes takes the name of its own period, not the report's
        (
            'وفي سبتمبر 2007 شنت إسرائيل غارة على "مفاعل نووي سري" في منطقة الكبر بدير الزور',
            date(2018, 7, 12),
            "Military Forces of Israel (2006-2009)",
        ),
        (
            "وكانت القوات الأمريكية قد نفذت غارة على قرية السكرية قرب البوكمال في أكتوبر 2008",
            date(2018, 7, 12),
            "Military Forces of the United States (2001-2009)",
        ),
    ],
)
def test_background_of_older_years_is_named_by_its_own_period(text, published, actor1):
    [event] = rasad.extract(text, published=published)
    assert event.actor1 == actor1


def test_a_foreign_force_named_for_two_periods_is_one_force_but_syrias_are_two():
    # Israel's forces of 2007 and of 2018 are one force told at two dates
    assert force_of("Military Forces of Israel (2006-2009)") == force_of(
        "Military Forces of Israel (2009-2021)"
    )
    # the government before 8 December 2024 and the one after it are two
    assert force_of("Military Forces of Syria (2000-2024)") != force_of(
        "Military Forces of Syria (2024-)"
    )


def test_the_fateh_mubin_operations_room_is_hts(pipeline):
    # the HTS-led operations room of Idlib's front lines (2019-2024)
    text = "استهدفت فصائل غرفة عمليات الفتح المبين بالصواريخ مواقع قوات النظام في محيط بلدة سراقب."
    [event] = pipeline.extract(text, published=date(2023, 9, 20))
    assert event.actor1 == "Hayat Tahrir al Sham"


@pytest.mark.parametrize("name", ["عناصر الأمن العام", "قوات الأمن العام"])
def test_general_security_with_its_men_is_htss_before_the_fall(pipeline, name):
    # "عناصر الأمن العام" in Idlib of 2023 is HTS's security service, as "الأمن العام" is;
    # the longer name, with no actor of its period, took no role
    text = f"اعتقلت {name} شابين في مدينة سرمدا."
    [event] = pipeline.extract(text, published=date(2023, 6, 1))
    assert event.actor1 == "Hayat Tahrir al Sham"


def test_the_forces_of_the_operations_command_before_the_fall_are_hts(pipeline):
    # "قوات إدارة العمليات العسكرية" on 1 December 2024: HTS's offensive, as the shorter name
    [event] = pipeline.extract(
        "سيطرت قوات إدارة العمليات العسكرية على مدينة حماة.", published=date(2024, 12, 1)
    )
    assert (event.actor1, event.sub_event_type) == (
        "Hayat Tahrir al Sham",
        "Non-state actor overtakes territory",
    )


@pytest.mark.parametrize("groups", ["مجموعات تابعة للشيخ حكمت الهجري", "ميليشيات الهجري"])
def test_the_groups_of_hikmat_al_hijri_are_the_druze_militia(pipeline, groups):
    text = f"هاجمت {groups} حاجزا للأمن العام في بلدة ولغا."
    [event] = pipeline.extract(text, published=date(2025, 8, 20))
    assert (event.actor1, event.actor2) == (
        "Druze Ethnic Militia (Syria)",
        "Police Forces of Syria (2024-)",
    )


def test_syrias_border_guard_is_the_army_of_its_period(pipeline):
    text = "اشتبكت قوات حرس الحدود السورية مع مهربين قرب بلدة القصير."
    [before] = pipeline.extract(text, published=date(2023, 6, 1))
    [after] = pipeline.extract(text, published=date(2025, 6, 1))
    assert (before.actor1, after.actor1) == (
        "Military Forces of Syria (2000-2024)",
        "Military Forces of Syria (2024-)",
    )
