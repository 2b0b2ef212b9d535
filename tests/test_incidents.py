"""Incidents: a report that tells one act several times gives one event per place.

Each case is a short report written the way outlets tell their news (a lead, a quote that
restates it, a later paragraph), named for the discourse phenomenon it covers.
"""

from __future__ import annotations

from datetime import date

import pytest

from rasad.extractors.triggers import Trigger
from rasad.incidents import Account, Incident, events_of, group, name_sides
from rasad.model import Event, Place, PlaceMention

PUBLISHED = date(2018, 4, 9)
ISRAEL = "Military Forces of Israel (2009-2021)"
STATE = "Military Forces of Syria (2000-2024)"


def events(pipeline, text, published=PUBLISHED):
    return pipeline.extract(text, published=published)


def summary(found):
    return sorted((e.sub_event_type, e.location_en, e.actor1, e.fatalities) for e in found)


def test_restated_lead_and_quote_are_one_event(pipeline):
    found = events(
        pipeline,
        "قتل خمسة عناصر من قوات النظام بهجوم لتنظيم داعش على حاجز في مدينة الميادين اليوم.\n"
        "وقال المرصد السوري لحقوق الإنسان إن الهجوم الذي شنه التنظيم على الحاجز في الميادين "
        "أدى إلى مقتل خمسة عناصر.",
    )
    assert len(found) == 1, summary(found)
    assert found[0].fatalities == 5
    # every telling is kept as evidence
    assert len([s for s in found[0].evidence if s.label == "event"]) == 2


def test_countryside_then_village_is_one_event_at_the_village(pipeline):
    found = events(
        pipeline,
        "شنت طائرات روسية غارات على ريف إدلب الجنوبي اليوم.\n"
        "واستهدفت الغارات الروسية بلدة كفرنبل ما أدى لمقتل ثلاثة مدنيين.",
    )
    assert len(found) == 1, summary(found)
    assert found[0].location_en == "Kafr Nobol" or found[0].location == "كفرنبل"
    assert found[0].sub_event_type == "Air/drone strike"
    assert found[0].geo_precision == 1


def test_side_named_in_another_sentence_decides_the_strike(pipeline):
    # "استهدفت الصواريخ" alone is no side; the Israeli strike is named in the lead
    found = events(
        pipeline,
        "قصف الطيران الإسرائيلي مطار التيفور العسكري في ريف حمص فجر اليوم.\n"
        "وأفادت مصادر بأن الصواريخ استهدفت مطار التيفور وأوقعت أضراراً مادية.",
    )
    assert len(found) == 1, summary(found)
    assert found[0].sub_event_type == "Air/drone strike"
    assert found[0].actor1 == ISRAEL


def test_a_town_said_to_be_near_a_city_is_the_one_struck(pipeline):
    # "القطيفة القريبة من دمشق": Damascus says where al-Qutayfah is, like "قرب دمشق"
    text = "قصفت إسرائيل بالصواريخ مواقع تابعة للجيش السوري في القطيفة القريبة من دمشق."
    assert [e.location for e in events(pipeline, text)] == ["القطيفة"]


def test_a_place_the_news_is_likened_to_is_no_event(pipeline):
    # "تبدو دوما على خطى خان شيخون": Khan Shaykhun is named to compare; "فآخر" (and the last)
    # is no village "فاخر"; "القصف الكيماوي" is a chemical attack
    text = (
        "تبدو دوما على خطى خان شيخون، فآخر معاقل المعارضة في الغوطة الشرقية لا تزال تحترق "
        "بنار القصف الكيماوي."
    )
    found = events(pipeline, text, published=date(2018, 4, 8))
    assert [(e.location, e.sub_event_type) for e in found] == [("دوما", "Chemical weapon")]


def test_a_battle_brought_to_mind_is_no_event(pipeline):
    text = "ويعيد ما يحصل في الغوطة الشرقية إلى الأذهان معركة مدينة حلب."
    assert events(pipeline, text, published=date(2018, 3, 4)) == []


def test_an_attack_by_a_side_that_strikes_from_afar_is_a_strike(pipeline):
    # "إسرائيل هي التي شنت الهجوم" on an air base, before the fall: an air strike, not a clash
    text = (
        "وقالت دمشق وموسكو إن إسرائيل هي التي شنت الهجوم على مطار التيفور، الذي وقع قبل الفجر "
        "يوم الاثنين وأسفر عن مقتل 14 شخصا."
    )
    [event] = events(pipeline, text, published=date(2018, 4, 10))
    assert (event.sub_event_type, event.actor1) == ("Air/drone strike", ISRAEL)


def test_where_a_body_is_based_is_not_where_the_act_happened(pipeline):
    text = (
        'قال أحد رؤساء الهلال الأحمر الكردي ومقره في القامشلي: "تعرضت المدينة لقصف كثيف خلال '
        'النهار".'
    )
    assert [e.location for e in events(pipeline, text, published=date(2018, 3, 16))] == []


def test_where_the_aircraft_set_off_from_is_not_where_they_struck(pipeline):
    # "طائرات انطلقت من مطار الشعيرات، بلدة خان شيخون": the airbase is where they took off;
    # the comma closes that phrase, and the town after it is what they struck
    text = (
        "ردا على استهداف طائرات عسكرية سورية، انطلقت من مطار الشعيرات، بلدة خان شيخون بالغاز "
        "السام قبل أيام، مما أدى إلى مقتل 87 شخصا."
    )
    found = events(pipeline, text, published=date(2017, 4, 7))
    assert "مطار الشعيرات" not in {e.location for e in found}
    # "تقلع من مطار تيفور": taking off, the same
    jet = "اكتشفت الدفاعات الجوية طائرة سوخوي تابعة لسلاح الجو السوري تقلع من مطار تيفور."
    assert "مطار التيفور" not in {e.location for e in events(pipeline, jet)}
    assert "خان شيخون" in {e.location for e in found}


def test_a_governorate_seat_named_after_a_town_of_it_is_its_governorate(pipeline):
    # "بلدة خان شيخون في إدلب": Idlib locates the town, it is no second place struck; "سراقب
    # وإدلب" are two
    [event] = events(
        pipeline,
        "استهدفت الطائرات بلدة خان شيخون في إدلب بالغاز السام، مما أدى إلى مقتل 87 شخصا.",
        published=date(2017, 4, 5),
    )
    assert (event.location, event.fatalities) == ("خان شيخون", 87)
    both = events(pipeline, "قصفت الطائرات سراقب وإدلب.", published=date(2017, 4, 5))
    assert {e.location for e in both} == {"سراقب", "إدلب"}


def test_protests_in_solidarity_with_a_place_are_not_there(pipeline):
    text = "وحاولوا وقف قتل الأبرياء عن طريق جمع الأموال والمظاهرات تضامناً مع الغوطة الشرقية."
    assert events(pipeline, text, published=date(2018, 3, 1)) == []


def test_two_villages_named_as_targets_stay_two_events(pipeline):
    found = events(
        pipeline, "قصفت قوات النظام بالمدفعية بلدتي كفرنبل وحاس في ريف إدلب الجنوبي اليوم."
    )
    assert len(found) == 2, summary(found)


def test_air_defences_meeting_the_strike_are_not_a_clash(pipeline):
    # "تصدت الدفاعات الجوية": the interception of the strike, not a battle of its own
    found = events(
        pipeline,
        "قصف الطيران الإسرائيلي مطار التيفور العسكري في ريف حمص فجر اليوم.\n"
        "وقالت دمشق إن دفاعاتها الجوية تصدت للعدوان على مطار التيفور.",
    )
    assert "Armed clash" not in [e.sub_event_type for e in found]
    assert "Air/drone strike" in [e.sub_event_type for e in found]


def test_an_attack_only_talked_about_is_no_event(pipeline):
    # "دان الهجوم": a reaction to an act already known, told nowhere in the report
    assert (
        events(pipeline, "دان وزير الخارجية الفرنسي الهجوم على مدينة دوما ودعا إلى رد دولي.") == []
    )


def test_chemical_attack_named_with_the_article(pipeline):
    # "الهجوم الكيميائي": the definite form of the trigger phrase, in another spelling
    found = events(pipeline, "قتل 40 مدنيا في الهجوم الكيميائي على مدينة دوما أمس.")
    assert [e.sub_event_type for e in found] == ["Chemical weapon"]


def test_day_of_the_saying_is_not_the_day_of_the_act(pipeline):
    # "قال ... يوم الاثنين، إن": Monday is when it was said; the strike was on Saturday
    found = events(
        pipeline,
        "قصفت طائرات حربية مدينة دوما يوم السبت.\n"
        "وقال متحدث باسم الحكومة البريطانية، يوم الاثنين، إن القصف على دوما يستدعي رداً.",
    )
    assert [e.event_date for e in found] == ["2018-04-07"]


def test_a_date_in_the_acts_own_phrase_beats_the_day_of_the_meeting(pipeline):
    # "عقدت المنظمة في 16 من أبريل اجتماعا ... حول ما قيل بأنه هجوم ... على بلدة دوما في
    # السابع من أبريل": the 16th is the meeting's, the 7th the attack's
    found = events(
        pipeline,
        "عقدت منظمة حظر الأسلحة الكيمياوية في 16 من أبريل/نيسان 2018، اجتماعاً طارئاً في "
        "لاهاي، حول ما قيل بأنه هجوم بالأسلحة الكيمياوية على بلدة دوما في السابع من "
        "أبريل/نيسان 2018.",
        published=date(2018, 4, 16),
    )
    assert [(e.event_date, e.time_precision) for e in found] == [("2018-04-07", 1)]


def test_a_day_after_the_report_is_no_acts_day(pipeline):
    # "بحلول 15 أكتوبر": a deadline, not the day anything happened
    found = events(
        pipeline,
        "قصفت طائرات حربية مدينة دوما قبل أن يتعهد الطرفان بالتهدئة بحلول 10 أبريل.",
    )
    assert found and all(e.event_date <= "2018-04-09" for e in found)


def test_what_an_agreement_tasks_a_side_with_is_no_act(pipeline):
    text = (
        "ويكلف الاتفاق تركيا بأن تعمل على أن يسلم المقاتلون سلاحهم الثقيل في المنطقة "
        "العازلة، فضلا عن ضمان انسحاب المسلحين منها في إدلب"
    )
    assert events(pipeline, text) == []


def test_an_alleged_attack_is_the_attack_already_told(pipeline):
    # "هجوم كيميائي مزعوم": the act under discussion; Monday is the day of the warning
    found = events(
        pipeline,
        "قتل عشرات المدنيين في هجوم بالغازات السامة على مدينة دوما يوم السبت.\n"
        "وحذرت روسيا، اليوم الاثنين، من اتهام النظام السوري بتنفيذ هجوم كيميائي مزعوم على دوما.",
    )
    assert [(e.sub_event_type, e.event_date) for e in found] == [("Chemical weapon", "2018-04-07")]


def test_an_alleged_attack_told_with_no_day_or_dead_is_background(pipeline):
    # the report's news is the dispute; the attack it is about is known before it
    [event] = events(pipeline, "تواصل الجدل الدولي حول الهجوم الكيماوي المفترض على مدينة دوما.")
    assert (event.sub_event_type, event.historical) == ("Chemical weapon", True)


def test_an_attack_first_named_as_alleged_stays_background_when_told_again(pipeline):
    # "ما يشتبه في أنه هجوم": the first telling frames the act as the one talked about; a later
    # telling of it ("وكان الهجوم قد استهدف") does not make it the news
    [event] = events(
        pipeline,
        "أعلنت منظمة حظر الأسلحة الكيميائية أنها تجمع المعلومات حول ما يشتبه في أنه هجوم "
        "بأسلحة كيميائية على دوما.\nوقالت المنظمة إن الهجوم الكيميائي على دوما أصاب 500 شخص.",
    )
    assert (event.sub_event_type, event.historical) == ("Chemical weapon", True)


def test_what_an_attack_caused_is_another_act_with_its_own_side(pipeline):
    text = (
        "ونفى لافروف أي تلاعب بالأدلة في موقع الهجوم الكيمياوي المزعوم في دوما، والذي كان سببا "
        "في هجوم أمريكي بريطاني فرنسي مشترك على منشآت سورية."
    )
    chemical = [e for e in events(pipeline, text) if e.sub_event_type == "Chemical weapon"]
    assert [e.actor1 for e in chemical] == ["Unidentified Armed Group (Syria)"]


def test_an_attack_under_investigation_is_the_attack_already_told(pipeline):
    # "للتحقيق في استخدام أسلحة كيميائية": the act investigated; Tuesday is the day of the request
    found = events(
        pipeline,
        "قتل عشرات المدنيين في هجوم بالغازات السامة على مدينة دوما يوم السبت.\n"
        "وطلبت واشنطن، اليوم الاثنين، تشكيل لجنة للتحقيق في استخدام أسلحة كيميائية في دوما.",
    )
    assert [(e.sub_event_type, e.event_date) for e in found] == [("Chemical weapon", "2018-04-07")]


def test_an_alleged_attack_told_with_its_dead_is_the_news(pipeline):
    found = events(
        pipeline,
        "قتل سبعون شخصا على الأقل إثر ما يشتبه في أنه هجوم كيميائي على مدينة دوما.\n"
        "وفي أغسطس/آب 2013، أطلق صاروخ محمل بغاز السارين على الغوطة الشرقية.",
    )
    news = [e for e in found if not e.historical]
    assert [(e.location, e.event_date) for e in news] == [("دوما", "2018-04-09")]


def test_capital_that_speaks_is_its_government_not_a_place(pipeline):
    found = events(pipeline, "قصف الطيران الإسرائيلي مطار التيفور في ريف حمص، وفق ما أعلنت دمشق.")
    assert [e.admin1 for e in found] == ["Homs"]


def test_side_named_by_an_adjective_after_the_act(pipeline):
    found = events(pipeline, "قتل 11 مدنياً، السبت، في غارة تركية استهدفت مدينة عفرين.")
    assert [e.actor1 for e in found] == ["Military Forces of Turkey (2016-)"]
    found = events(pipeline, "وأسفر القصف الإسرائيلي على مطار المزة عن أضرار مادية.")
    assert [e.actor1 for e in found] == [ISRAEL]


def test_foreign_strike_on_a_military_site_hits_the_state_forces(pipeline):
    found = events(pipeline, "قصف الطيران الإسرائيلي مطار التيفور العسكري في ريف حمص.")
    assert [e.actor2 for e in found] == [STATE]


def test_act_dated_weeks_before_the_report_is_background(pipeline):
    found = events(
        pipeline,
        "وتعرضت قاعدة التيفور لغارات، من بينها ضربات صاروخية في التاسع من شباط أسفرت عن "
        "مقتل 14 عسكريا.",
    )
    assert [e.historical for e in found] == [True]


def test_agreement_talked_about_is_no_event(pipeline):
    # the bare noun "اتفاق" is talked about; "توصلت ... إلى اتفاق" concludes one
    assert events(pipeline, "وتحدث الوزير عن الاتفاق النووي في مدينة درعا.") == []
    found = events(pipeline, "توصلت الفصائل وقوات النظام إلى اتفاق في مدينة درعا اليوم.")
    assert [e.sub_event_type for e in found] == ["Agreement"]


def test_losses_summed_up_are_a_tally_not_a_toll(pipeline):
    found = events(
        pipeline,
        "اندلعت اشتباكات بين هيئة تحرير الشام وقوات النظام في قرية كباني بريف اللاذقية اليوم.\n"
        "وقاربت الخسائر الـ50 قتيلاً في صفوف قوات النظام.",
        published=date(2019, 11, 17),
    )
    assert [e.fatalities for e in found] == [0]


@pytest.mark.parametrize(
    "text",
    [
        "وارتفع عدد القتلى منذ يوم الأحد ليصل إلى 403 قتلى في الغوطة الشرقية.",
        "قتل أكثر من 520 شخصا في الغوطة الشرقية منذ تجديد الجيش لعملياته في منتصف فبراير.",
    ],
)
def test_the_dead_since_a_day_or_a_renewed_campaign_are_a_tally(pipeline, text):
    assert events(pipeline, text, published=date(2018, 2, 23)) == []


def test_a_source_quoted_after_a_tally_tells_the_days_own_toll(pipeline):
    text = (
        "ما زالت الغوطة الشرقية تتعرض إلى قصف مكثف من قبل القوات الحكومية السورية. وارتفع عدد "
        "القتلى منذ يوم الأحد ليصل إلى 403 قتلى، وأكد المرصد السوري مقتل أكثر من 46 شخصا الخميس."
    )
    [event] = events(pipeline, text, published=date(2018, 2, 23))
    assert (event.fatalities, event.event_date) == (46, "2018-02-22")


def test_fighting_going_on_since_a_day_is_still_told(pipeline):
    found = events(pipeline, "تدور اشتباكات عنيفة منذ يوم الأحد في بلدة حرستا.")
    assert [e.location for e in found] == ["حرستا"]


def test_dead_of_a_counted_period_are_a_tally_not_a_toll(pipeline):
    # "في خمسة أيام من الغارات"، "خلال يومين"، "على مدى 11 يوما": the dead of days of acts
    for text in (
        "لقي أكثر من 400 مدني مصرعهم في خمسة أيام من الغارات على الغوطة الشرقية.",
        "قتل 20 مدنيا خلال يومين من القصف على مدينة دوما.",
        "قتل 90 شخصا على مدى 11 يوما من الغارات على مدينة دوما.",
        # "بعد أسبوعين على بدء الحملة": the dead since a campaign began
        "ذكر تقرير بعد أسبوعين على بدء الحملة في الزبداني أنه سجل مقتل 34 عنصرا من حزب الله.",
        # a modifier before the stretch: "خلال نحو شهرين"
        "قتل 2000 شخص خلال نحو شهرين من القتال في الغوطة الشرقية.",
        # "في الفترة ما بين 18-27 فبراير": the dead of a stretch between two days
        "تلقت المنظمة 770 قتيلا من الغوطة الشرقية في الفترة ما بين 18-27 فبراير.",
    ):
        assert events(pipeline, text, published=date(2018, 2, 22)) == [], text
    # a day told is one act's, and so is a day some time after another act
    found = events(pipeline, "قتل 20 مدنيا في قصف على مدينة دوما يوم الخميس.")
    assert [e.fatalities for e in found] == [20]
    found = events(pipeline, "قتل 5 مدنيين بعد يومين من الهجوم على البلدة في دوما.")
    assert [e.fatalities for e in found] == [5]


def test_acts_of_years_throughout_are_a_tally(pipeline):
    # "طوال سنوات": the shelling and bombings of years sum up no one act
    text = "وبقيت دمشق بمنأى نسبيا عن المعارك، إلا أنها تعرضت طوال سنوات لقصف من الفصائل أودى بحياة المئات."
    assert events(pipeline, text, published=date(2018, 3, 20)) == []
    # years a side worked with another sum up no act: the killing told before them stays
    found = events(
        pipeline,
        "وانتهت الأحداث بتصفية قائد الدفاع الوطني في الحسكة بعد تمرده على الجيش الذي عمل معه طوال سنوات.",
    )
    assert len(found) == 1, summary(found)


def test_a_capitals_outskirts_listed_with_a_town_are_two_targets(pipeline):
    # "على محيط مدينة إدلب وبلدة تفتناز": the city's outskirts are a target, not its province
    events = pipeline.extract(
        "شنت طائرات حربية روسية غارات جوية على محيط مدينة إدلب وبلدة تفتناز.",
        published=date(2023, 10, 6),
    )
    assert sorted(e.location for e in events) == ["إدلب", "تفتناز"]


def test_a_place_near_the_capital_is_located_by_it_not_a_second_target(pipeline):
    # "مركز البحوث العلمية في جمرايا قرب دمشق": Damascus says where Jamraya is
    events = pipeline.extract(
        "استهدفت غارات إسرائيلية مركز البحوث العلمية في جمرايا قرب دمشق.",
        published=date(2013, 5, 4),
    )
    assert len(events) == 1


def test_an_act_told_as_a_separate_incident_joins_no_act_before_it(pipeline):
    # "وفي حادثة منفصلة": the children killed by a bomblet are not the young man shot the day
    # after; each keeps its own place and type
    events = pipeline.extract(
        "قُتل شاب، مساء أمس الثلاثاء، برصاص مسلحين مجهولين في بلدة الكرك الشرقي بريف درعا "
        "الشرقي، في حادثة هي الثالثة من نوعها في البلدة منذ سقوط نظام الأسد.\n"
        "وفي حادثة منفصلة، قضى طفلان شقيقان مساء الإثنين، بانفجار قنبلة عنقودية من مخلفات "
        "القصف السابق على أطراف بلدة المسيفرة.",
        published=date(2025, 1, 8),
    )
    assert sorted((e.location, e.sub_event_type, e.fatalities) for e in events) == [
        ("الكرك", "Attack", 1),
        ("المسيفرة", "Remote explosive/landmine/IED", 2),
    ]


def test_a_car_bomb_told_after_shelling_is_another_act(pipeline):
    # a bomb named ("سيارة مفخخة"، "عبوة ناسفة") and shelling or an air strike are two acts
    found = events(
        pipeline,
        "قتل مدنيان في جسر الشغور بقصف مدفعي لقوات النظام. وفي سياق متصل انفجرت سيارة مفخخة "
        "أمام مسجد في مدينة جسر الشغور.",
    )
    assert sorted(e.sub_event_type for e in found) == [
        "Remote explosive/landmine/IED",
        "Shelling/artillery/missile attack",
    ], summary(found)
    # a bare explosion may be what the strike did: one act
    found = events(pipeline, "قصفت الطائرات بلدة سرمين. وهزت انفجارات بلدة سرمين.")
    assert [e.sub_event_type for e in found] == ["Air/drone strike"], summary(found)


def test_explosions_told_with_a_strike_told_nowhere_are_the_strike(pipeline):
    # "انفجارات" says nothing of what exploded; the air strike told in the lead at no place
    # names it, and its side
    found = events(
        pipeline,
        "قتل جندي سوري في غارة شنها التحالف الدولي على موقع عسكري وسط سوريا. وأشار المرصد إلى "
        "انفجارات قرب مدينة تدمر.",
        published=date(2018, 6, 22),
    )
    assert [(e.sub_event_type, e.location, e.actor1) for e in found] == [
        ("Air/drone strike", "تدمر", "Global Coalition Against Daesh")
    ], summary(found)


def test_who_vows_to_answer_strikes_attributed_to_another_is_no_side(pipeline):
    # "تعهدت إيران بالرد على الغارات ... التي نسبت إلى إسرائيل": the vower is no side, the
    # side the strikes are attributed to is their suspected author
    found = events(
        pipeline,
        "وقد تعهدت إيران بالرد على الغارات الجوية الأخيرة على منشآتها في الكسوة والتي نسبت إلى إسرائيل.",
        published=date(2018, 5, 9),
    )
    assert [e.actor1 for e in found] == ["Military Forces of Israel (2009-2021)"], summary(found)


def test_an_attack_a_year_before_the_threat_is_background_of_last_year(pipeline):
    # "بعد عام من الهجوم": the anniversary is news, the attack a recap dated a year back
    found = events(
        pipeline,
        "توعدت الولايات المتحدة وفرنسا، يوم الأربعاء، بمحاسبة المسؤولين بعد عام من الهجوم بغاز "
        "السارين في بلدة خان شيخون.",
        published=date(2018, 4, 4),
    )
    assert [(e.sub_event_type, e.event_date[:7], e.historical) for e in found] == [
        ("Chemical weapon", "2017-04", True)
    ], summary(found)


def test_a_stretch_after_another_act_does_not_date_the_clauses_own(pipeline):
    # "وبعد يومين من سيطرة القوات على عفرين، انتشر ... لوقف أعمال النهب": the takeover is two
    # days back, the looting of the report's day
    found = events(
        pipeline,
        "وبعد يومين من سيطرة القوات التركية وفصائل موالية لها على عفرين، انتشر عناصر من الشرطة "
        "العسكرية لوقف أعمال النهب في المدينة.",
        published=date(2018, 3, 20),
    )
    assert [(e.sub_event_type, e.event_date) for e in found] == [
        ("Looting/property destruction", "2018-03-20")
    ], summary(found)


def test_an_act_ranked_in_a_period_is_still_told(pipeline):
    # "في عملية هي الثانية من نوعها خلال نحو شهرين": the period ranks the act, sums none up
    found = events(
        pipeline,
        "قتل تنظيم داعش رهينة من المدنيين الذين خطفهم في محافظة السويداء، في عملية هي الثانية "
        "من نوعها خلال نحو شهرين.",
        published=date(2018, 10, 2),
    )
    assert len(found) == 1, summary(found)


def test_the_dead_of_an_attack_named_after_an_abduction_are_not_its_toll(pipeline):
    # "خطف 36 مدنيا أثناء هجومه ... والذي أسفر عن أكثر من 250 قتيلا": the attack's dead
    found = events(
        pipeline,
        "قال المرصد إن تنظيم الدولة الإسلامية خطف 36 مدنيا أثناء هجومه الأربعاء الماضي على "
        "محافظة السويداء، والذي أسفر عن أكثر من 250 قتيلا.",
        published=date(2018, 7, 31),
    )
    assert [(e.sub_event_type, e.fatalities) for e in found] == [
        ("Abduction/forced disappearance", 0)
    ], summary(found)


def test_the_means_of_part_of_the_dead_do_not_name_the_act(pipeline):
    # "بمقتل 160 مدنيا، بينهم 100 بغاز سام": 300 air raids killed them, some by gas
    found = events(
        pipeline,
        "سجلت أكثر من 300 غارة على دوما يوم الجمعة تسببت بمقتل 160 مدنيا، بينهم 100 بغاز سام.",
        published=date(2018, 4, 7),
    )
    assert [e.sub_event_type for e in found] == ["Air/drone strike"], summary(found)
    # the act told after the part ("بينهم 5 أطفال في ضربات جوية") still names it
    found = events(
        pipeline,
        "لقي 27 مدنيا مصرعهم، بينهم 5 أطفال في ضربات جوية شنتها قوات النظام على مدينة دوما.",
        published=date(2018, 4, 6),
    )
    assert [e.sub_event_type for e in found] == ["Air/drone strike"], summary(found)


def test_the_act_behind_the_clauses_own_is_an_earlier_one(pipeline):
    # "الضربات ... على خلفية الهجوم الكيماوي": the strikes are the act, the attack behind them
    # came before and is not theirs
    found = events(
        pipeline,
        "قال مسؤولون إن صواريخ كروز استخدمت في الضربات التي نفذتها الولايات المتحدة ضد أهداف "
        "في سوريا على خلفية الهجوم الكيماوي الذي شهدته دوما.",
        published=date(2018, 4, 14),
    )
    assert "Chemical weapon" not in {e.sub_event_type for e in found}, summary(found)


def test_the_act_reports_told_of_before_the_clauses_own_is_an_earlier_one(pipeline):
    # "أعلن ترامب عن شن ضربات على مواقع في سوريا، وذلك بعد تقارير عن هجوم كيماوي في دوما": the
    # strikes are the news; the attack the reports told of came before them
    found = events(
        pipeline,
        "أعلن الرئيس الأمريكي، دونالد ترامب، فجر السبت، عن شن بلاده إلى جانب كل من بريطانيا"
        " وفرنسا لضربات استهدفت مواقع ومنشآت كيماوية في سوريا، وذلك بعد تقارير عن هجوم كيماوي"
        " في دوما.",
        published=date(2018, 4, 14),
    )
    assert [(e.event_type, e.location, e.historical) for e in found] == [
        ("Explosions/Remote violence", None, False)
    ], summary(found)


def test_the_day_of_an_admission_is_not_the_day_of_the_strike_admitted(pipeline):
    # "اعترف الجيش الإسرائيلي الأربعاء بمسؤوليته عن غارة استهدفت في 2007": the strike is of
    # 2007, by Israel's forces of that period, and a later reference to it is the same act
    found = events(
        pipeline,
        "اعترف الجيش الإسرائيلي الأربعاء بمسؤوليته عن غارة جوية استهدفت في 2007 منشأة في موقع "
        "الكبر في دير الزور. وأثار إعلان الجيش الإسرائيلي مسؤوليته عن الغارة على موقع الكبر "
        "تساؤلات.",
        published=date(2018, 3, 21),
    )
    assert [(e.event_date[:4], e.actor1, e.historical) for e in found] == [
        ("2007", "Military Forces of Israel (2006-2009)", True)
    ], summary(found)


def test_prospect_of_a_clash_is_no_event(pipeline):
    assert (
        events(pipeline, "قد يؤدي التحذير إلى اشتباك محتمل بين القوات التركية والسورية في عفرين.")
        == []
    )


def test_future_denied_and_warnings_tell_no_act(pipeline):
    # "لن تسمح بتمركز": what will not be allowed was not done; "حذرت من هجوم": a prospect
    for text in (
        "وقال نتانياهو إن إسرائيل لن تسمح بتمركز عسكري إيراني في دمشق.",
        "وحذرت الأمم المتحدة من هجوم على مدينة إدلب.",
    ):
        assert events(pipeline, text) == []


def test_an_act_said_never_to_have_happened_is_no_event(pipeline):
    # "لم يحصل أي هجوم": "أي" after a verb of happening is said of what did not happen
    text = "حضر وفد سوري إلى لاهاي ليؤكد بأنه لم يحصل أي هجوم كيميائي على مدينة دوما."
    assert events(pipeline, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "نفى مصدر بالجيش السوري، مساء السبت، تعرض مطار المزة إلى هجوم إسرائيلي.",
        "نفى الجيش السوري، مساء السبت، الأنباء حول استهداف إسرائيل لمطار المزة العسكري.",
    ],
)
def test_a_verb_of_denying_with_what_happened_denies_the_act(pipeline, text):
    assert [e for e in events(pipeline, text) if e.actor1 and "Israel" in e.actor1] == []


def test_a_negated_verb_with_any_denies_the_act(pipeline):
    # "لم تنفذ أي غارات": negation and "أي" deny the act named
    text = "قالت وزارة الدفاع الروسية إنها لم تنفذ أي غارات في محافظة إدلب يوم الجمعة."
    assert events(pipeline, text) == []


def test_wide_areas_taken_over_a_campaign_are_no_takeover(pipeline):
    # "سيطرت على مساحات واسعة": the territory of a campaign summed up, not one takeover
    text = "وسيطرت القوات التركية على مساحات واسعة من المنطقة الحدودية قبل تطويق مدينة عفرين."
    assert events(pipeline, text) == []


def test_the_possibility_of_an_attack_is_no_event(pipeline):
    text = "وأثارت احتمالات شن هجوم كبير بدعم روسيا على إدلب مخاوف من حدوث مأساة إنسانية."
    assert events(pipeline, text, published=date(2018, 8, 31)) == []


def test_who_objects_to_an_offensive_is_no_side_of_it(pipeline):
    text = "اعترض الرئيس الإيراني على الهجوم التركي على عفرين."
    found = events(pipeline, text, published=date(2018, 2, 23))
    assert all("Iran" not in (e.actor2 or "") for e in found)


@pytest.mark.parametrize(
    "text",
    [
        "وصف نتنياهو اختراق الطائرة السورية للمجال الجوي فوق الجولان بالخرق لاتفاقية فك الاشتباك.",
        "ودخلت موسكو وواشنطن في معركة دبلوماسية في مجلس الأمن.",
    ],
)
def test_disengagement_and_a_battle_of_words_are_no_clash(pipeline, text):
    assert [e for e in events(pipeline, text) if e.event_type == "Battles"] == []


def test_a_threat_is_no_event_but_the_attack_it_follows_or_answers_is(pipeline):
    assert events(pipeline, "توعد الرئيس الأمريكي باستهداف سوريا بصواريخ جديدة وذكية.") == []
    for text in (
        "وتوعد الرئيس الأميركي النظام السوري بضربة عسكرية بعد اتهامه بشن هجوم كيماوي في بلدة "
        "دوما قتل فيه العشرات.",
        "هدد الرئيس الأمريكي بالرد على الهجوم الكيماوي على مدينة دوما.",
    ):
        [event] = events(pipeline, text)
        assert (event.sub_event_type, event.location) == ("Chemical weapon", "دوما")


@pytest.mark.parametrize(
    "text",
    [
        "وباتت قوات النظام تسيطر على 95 في المئة من الغوطة الشرقية إثر هجوم عنيف.",
        "بعد سيطرتها على الجزء الأكبر من محافظتي درعا والقنيطرة.",
    ],
)
def test_a_share_of_the_land_taken_sums_up_a_campaign(pipeline, text):
    assert events(pipeline, text, published=date(2018, 7, 26)) == []


def test_what_a_side_does_from_time_to_time_is_no_act(pipeline):
    text = (
        "ويتبنى تنظيم الدولة الإسلامية في بعض الأحيان عمليات اغتيال وتفجيرات في إدلب.\n"
        "وعادة ما يشن التحالف الدولي غارات ضد الجهاديين في دير الزور."
    )
    assert events(pipeline, text, published=date(2018, 8, 12)) == []


def test_a_habit_told_after_the_news_leaves_the_news_and_its_side(pipeline):
    # "أكدت تقارير وقوف إسرائيل وراء الهجوم، وهي غالبا ما تنفذ هجمات في سوريا": the habit is
    # after the attribution, which still names the side
    text = (
        "قتل 40 عنصرا في غارات استهدفت مواقع عسكرية في جبل البحوث جنوبي حماة، وأكدت تقارير "
        "وقوف إسرائيل وراء الهجوم، وهي غالبا ما تنفذ هجمات في سوريا."
    )
    [event] = events(pipeline, text, published=date(2018, 4, 30))
    assert event.actor1 == ISRAEL


@pytest.mark.parametrize(
    "text",
    [
        "تبادلت موسكو وواشنطن التهديدات على خلفية اعتزام الولايات المتحدة توجيه ضربات للنظام "
        "السوري في دمشق.",
        "وليس غريبا أن يرعى فبركات الإرهابيين في الغوطة لاستخدامها كذريعة لاستهداف سوريا.",
    ],
)
def test_an_intention_or_a_pretext_is_no_act(pipeline, text):
    assert events(pipeline, text, published=date(2018, 4, 11)) == []


def test_a_feared_attack_is_no_event(pipeline):
    # "مخاوف بأن يتسبب هجوم": what is feared has not happened
    text = "وهناك مخاوف بأن يتسبب هجوم حكومي على إدلب في نزوح مئات الآلاف."
    assert events(pipeline, text) == []


def test_a_report_about_the_west_banks_duma_is_not_about_syria(pipeline):
    # "قرية دوما" near Nablus shares its name with Duma near Damascus
    text = (
        "أحرق مستوطنون منزل عائلة فلسطينية في قرية دوما قرب نابلس في الضفة الغربية."
        " وتشهد الضفة الغربية توترا منذ أسابيع."
    )
    assert events(pipeline, text) == []


def test_a_report_about_ukraine_that_recalls_aleppo_is_not_about_syria(pipeline):
    # "أوكرانيا"، "كييف" (countries.tsv): the Russian shelling of Aleppo named in passing
    text = (
        "قتل الصحفي الروسي أركادي بابتشينكو في كييف عاصمة أوكرانيا. وندد سياسيون روس بتعليقاته"
        " حول القصف الروسي لمدينة حلب السورية. وقالت الشرطة في أوكرانيا إن التحقيق مستمر."
    )
    assert events(pipeline, text, published=date(2018, 5, 30)) == []


def test_quarters_of_mosul_do_not_make_an_iraqi_report_syrian(pipeline):
    # "حي الزهراء"، "حي القادسية": quarter names recur from town to town; named without their
    # town they weigh nothing for Syria against "الموصل"، "العراقي" (countries.tsv)
    text = (
        "تقدمت قوات جهاز مكافحة الإرهاب العراقي داخل أحياء الجانب الشرقي من مدينة الموصل. "
        "وقال قائد في الجهاز إن قواته سيطرت على حي الزهراء وتخوض اشتباكات في حي القادسية. "
        "وقتل جنديان بانفجار سيارة مفخخة قرب حي كوكجلي. "
        "وتخشى بغداد من فرار مقاتلي التنظيم من الموصل باتجاه الأراضي السورية، حيث يسيطر "
        "التنظيم على مدينة الرقة."
    )
    assert events(pipeline, text, published=date(2016, 11, 8)) == []


def test_where_a_side_withdrew_to_is_not_where_it_was_fought(pipeline):
    # "انسحبت الفصائل باتجاه بلدتي ناحتة والمليحة الغربية بعد قصف": the towns after "باتجاه"
    # are where the rebels went (discourse_cues.tsv, evacuation), not where the shelling fell
    found = events(
        pipeline,
        "سيطرت قوات النظام على مدينة الحراك في ريف درعا بعد معارك مع الفصائل. وقال المرصد إن "
        "المعارك في محيط الحراك أسفرت عن مقتل 11 مقاتلا، مشيرا إلى أن الفصائل انسحبت باتجاه "
        'بلدتي ناحتة والمليحة الغربية بعد "قصف جوي ومدفعي غير مسبوق".',
        published=date(2018, 6, 27),
    )
    assert {e.location for e in found} == {"الحراك"}, summary(found)


def test_where_soldiers_managed_to_withdraw_to_is_no_place_of_the_act(pipeline):
    # "تمكن عشرات الجنود من الانسحاب باتجاه ريف حماة": the verbal noun of withdrawing, like the
    # verb, makes what follows "باتجاه" where they went
    found = events(
        pipeline,
        "سيطرت فصائل جيش الفتح أمس على مطار أبو الظهور العسكري بريف إدلب الشرقي، فيما تمكن "
        "عشرات الجنود من الانسحاب باتجاه ريف حماة.",
        published=date(2015, 9, 10),
    )
    assert "حماة" not in {e.location for e in found}, summary(found)


def test_efforts_to_reach_a_truce_are_no_agreement(pipeline):
    # "يعمل وسطاء على التوصل إلى هدنة": what the efforts aim at is not reached ("أعلن التوصل
    # إلى اتفاق" is)
    text = (
        "ويعمل وسطاء منذ أيام على التوصل إلى هدنة تشمل الزبداني وبلدتي الفوعة وكفريا في ريف إدلب."
    )
    assert events(pipeline, text, published=date(2015, 8, 12)) == []


def test_where_evacuees_are_taken_is_not_where_the_act_happened(pipeline):
    # "إجلاء ... إلى محافظة إدلب"، "لإجلاء مقاتلي جيش الإسلام من دوما إلى جرابلس": the
    # destination of an evacuation is no place of the clause's act
    found = events(
        pipeline,
        "أعلن مصدر رسمي سوري التوصل إلى اتفاق لإجلاء مقاتلي جيش الإسلام من مدينة دوما إلى جرابلس.",
        published=date(2018, 4, 8),
    )
    assert [(e.sub_event_type, e.location) for e in found] == [("Agreement", "دوما")], summary(
        found
    )
    found = events(
        pipeline,
        "وتسبب القصف المتبادل بتأجيل عملية إجلاء المقاتلين من درعا إلى محافظة إدلب.",
        published=date(2018, 7, 8),
    )
    assert "إدلب" not in {e.location for e in found}, summary(found)


def test_an_act_put_abroad_is_no_event(pipeline):
    # "بمدينة شانلي أورفا في جنوب شرق تركيا": the place right after the act is abroad
    for text in (
        "أعلن مسؤول تركي عن مقتل ضابطي شرطة في هجوم استهدفهما بمدينة شانلي أورفا في جنوب شرق"
        " تركيا قرب الحدود مع عين العرب.",
        "وأضاف المصدر أن الرجل اعتقل في مدينة طرابلس بشمال لبنان.",
    ):
        assert events(pipeline, text) == []


def test_a_syrian_place_named_before_the_place_abroad_keeps_the_act(pipeline):
    text = "وقع تفجير في مدينة كوباني السورية حيث فجر انتحاري نفسه بعد دقائق على التفجير في تركيا."
    assert [e.location for e in events(pipeline, text)] == ["عين العرب"]


def test_day_before_the_news_told_is_the_day_it_was_confirmed(pipeline):
    # "أكدت التقارير اليوم الأحد خبر مقتل ...": the day of the confirming, not of the clash
    (event,) = events(
        pipeline,
        "أكدت تقارير إخبارية اليوم الأحد خبر مقتل قيادي في جبهة النصرة أثناء معارك مع القوات "
        "السورية في محيط بلدة الفوعة.",
        published=date(2015, 9, 20),
    )
    assert event.time_precision == 2


def test_two_towns_named_with_a_dual_share_its_outskirts(pipeline):
    # "في محيط بلدتي الفوعة وكفريا": two targets, Kafriya does not merely locate al-Fu'ah
    found = events(
        pipeline,
        "اندلعت اشتباكات بين قوات الدفاع الوطني وجبهة النصرة في محيط بلدتي الفوعة وكفريا.",
        published=date(2015, 9, 19),
    )
    assert sorted(e.location for e in found) == ["الفوعة", "كفريا"]


def test_an_act_named_after_baada_came_before_the_clauses_own(pipeline):
    # "الغارات التي تأتي بعد هجوم كيميائي": the strikes are the act told, the chemical attack
    # an earlier one, and not by the side that struck
    found = events(
        pipeline,
        'شنت الولايات المتحدة غارات على مطار الضمير التي تأتي بعد "هجوم كيميائي" مفترض.',
    )
    assert [e.sub_event_type for e in found] == ["Air/drone strike"]


def test_an_act_of_a_year_before_the_reports_is_background(pipeline):
    # "منذ انسحبت منها القوات الحكومية السورية عام 2012": a year alone, before the report's
    (event,) = events(
        pipeline,
        "ويسيطر الأكراد على عفرين منذ انسحبت منها القوات الحكومية السورية عام 2012.",
        published=date(2018, 3, 17),
    )
    assert event.historical


def test_a_year_before_beats_the_weekday_it_was_talked_about(pipeline):
    # "رفعت السلطات الأربعاء السرية عن الغارة التي استهدفت في 2007": the strike is of 2007
    (event,) = events(
        pipeline,
        "رفعت السلطات الإسرائيلية الأربعاء السرية عن الغارة الجوية التي استهدفت في 2007 منشأة "
        "في دير الزور.",
        published=date(2018, 3, 21),
    )
    assert event.historical


def test_short_and_medium_range_is_no_place(pipeline):
    text = "نشرت روسيا منظومات صواريخ مضادة للطائرات للمدى ما بين القصير والمتوسط."
    assert events(pipeline, text, published=date(2018, 3, 21)) == []


def test_launchers_delivered_and_a_city_spared_tell_no_act(pipeline):
    # "منصات لإطلاق الصواريخ": weapons handed over; "بمنأى عن المعارك": fighting that did not come
    for text in (
        "وأبلغ وزير الدفاع بوتين بأن روسيا سلمت 4 منصات لإطلاق الصواريخ إلى دمشق.",
        "وبقيت مدينة دمشق طوال سنوات النزاع بمنأى نسبيا عن المعارك العنيفة.",
    ):
        assert events(pipeline, text) == []


def test_purposes_awaited_battles_and_the_ceasefire_line_tell_no_act(pipeline):
    for text in (
        # two plans in one sentence: the second ("لشن") reaches past the first one's comma
        "واتهم جنبلاط الأسد بأنه يريد تجنيد الشبان في مدينة السويداء، لشن هجوم على المسلحين "
        "في إدلب.",
        "ونوهت إلى أن المعركة المنتظرة ستكون في محافظة إدلب.",
        # a decision still to be taken, a likely strike
        "بدأت واشنطن ولندن خطوات باتجاه اتخاذ قرار بتوجيه ضربة عسكرية للنظام في دمشق.",
        "وأي ضربة أميركية ستشارك فيها البحرية على الأرجح في طرطوس.",
        # a condition, the front lines as a place, the pace of acts
        "وأكدت فرنسا أنها سترد في حال تخطت دمشق الخط الأحمر بهجوم على مدينة دوما.",
        "وأصبحت مدينة دوما ملاذا لعشرات الآلاف من الأسر التي فرت من جبهات القتال.",
        "وتكثفت مؤخرا وتيرة إطلاق القذائف على مدينة دمشق وضواحيها.",
        "ورفضت إسرائيل إبقاء القوات الإيرانية على بعد 100 كيلومتر عن خط وقف إطلاق النار في "
        "الجولان.",
    ):
        assert events(pipeline, text) == [], text


def test_the_toll_of_the_day_befores_act_is_not_this_acts(pipeline):
    # "ويأتي القصف غداة مقتل 9 مدنيين في غارة": the 9 dead are the earlier strike's
    found = events(
        pipeline,
        "ويأتي القصف على بلدة خان شيخون غداة مقتل 9 مدنيين في غارة استهدفت مخيما في ريف إدلب.",
    )
    assert [e.fatalities for e in found] == [0]


def test_the_act_a_period_runs_from_is_not_the_clauses_act(pipeline):
    # "عمليات نهب تعاني منها مدينة عفرين منذ السيطرة عليها": the takeover is the earlier act;
    # what the clause tells is the looting
    [event] = events(
        pipeline,
        "وتؤكد تقارير أن عمليات نهب وسرقة تعاني منها مدينة عفرين منذ السيطرة عليها في 18 "
        "مارس، شاركت فيها معظم الفصائل.",
    )
    assert event.sub_event_type == "Looting/property destruction"


def test_the_day_of_the_act_a_clause_answers_is_not_its_own(pipeline):
    # "شنت ضربات ضد دمشق إثر اتهامها بقصف المدينة بسلاح كيميائي في 7 نيسان": the 7th dates
    # the chemical attack, not the strikes it answered
    [event] = events(
        pipeline,
        "وكانت الولايات المتحدة وفرنسا وبريطانيا قد شنت ضربات عسكرية ضد دمشق إثر اتهامها "
        "بقصف المدينة بسلاح كيميائي مفترض في 7 نيسان.",
        published=date(2018, 4, 28),
    )
    assert event.event_date != "2018-04-07"


def test_a_year_told_before_a_clause_in_its_sentence_dates_it(pipeline):
    # "أما هجوم خان شيخون في العام 2017 فتبعه هجوم أميركي": the strike that followed is of 2017
    found = events(
        pipeline,
        "أما هجوم خان شيخون وقتل المدنيين في العام 2017 فتبعه هجوم أميركي بـ 59 صاروخا على مطار "
        "الشعيرات.",
        published=date(2018, 4, 10),
    )
    assert {e.event_date for e in found} == {"2017-07-01"}
    assert all(e.historical for e in found)


def test_a_year_since_a_strike_is_background(pipeline):
    (event,) = events(
        pipeline, "وتأتي التطورات بعد مرور عام على ضربة أمريكية استهدفت قاعدة الشعيرات العسكرية."
    )
    assert event.historical


def test_two_airports_named_with_a_dual(pipeline):
    # "مطاري دمشق الدولي والضمير": the dual of مطار, not a village called مطاري
    found = events(pipeline, "وقال مصدر إن الضربات قصفت مطاري دمشق الدولي والضمير العسكري.")
    assert "مطاري" not in {e.location for e in found}


def test_years_of_raids_summed_up_are_no_act(pipeline):
    text = (
        "وشن الجيش الإسرائيلي عشرات الغارات استهدفت حزب الله وفصائل أخرى في سوريا خلال "
        "السنوات الخمس الماضية."
    )
    assert events(pipeline, text, published=date(2018, 3, 25)) == []


def test_throughout_is_no_village(pipeline):
    # "طوال سنوات النزاع": throughout the years, not the village of Tiwal
    text = "قصفت الفصائل حي جرمانا بقذائف الهاون، وبقيت دمشق طوال سنوات النزاع بمنأى عن المعارك."
    assert "طوال" not in {e.location for e in events(pipeline, text)}


def test_months_of_fighting_summed_up_are_no_act(pipeline):
    text = "شارك في المعارك التي خاضتها فصائل جيش الفتح في الأشهر الأخيرة في محافظة إدلب."
    assert events(pipeline, text, published=date(2015, 9, 20)) == []


def test_capital_named_with_foreign_capitals_is_its_government(pipeline):
    # "حملت كل من موسكو وطهران ودمشق إسرائيل المسؤولية": governments, not a place struck
    found = events(
        pipeline,
        "قصفت طائرات إسرائيلية مطار التيفور العسكري، وحملت كل من موسكو وطهران ودمشق إسرائيل "
        "مسؤولية الغارات.",
    )
    assert [e.location for e in found] == ["مطار التيفور"]


def test_interceptions_told_from_either_side_are_one(pipeline):
    # "دفاعاتها الجوية تصدت لعدوان إسرائيلي" and "تصدي الدفاعات الجوية للقصف على مطار
    # التيفور": one names the side met, the other the side that met it
    found = events(
        pipeline,
        "قالت دمشق إن دفاعاتها الجوية تصدت لعدوان إسرائيلي استهدف مطار التيفور العسكري.\n"
        "وقال مصدر إن الفيديو يبين تصدي الدفاعات الجوية للقصف على مطار التيفور.",
    )
    assert len(found) == 1


def test_the_opcw_is_an_organisation_not_a_chemical_attack(pipeline):
    text = "وندد ممثلون عن دول غربية في منظمة حظر الأسلحة الكيميائية بما جرى في مدينة دوما."
    assert events(pipeline, text) == []


# The incident rules on their own: accounts made by hand.


def _account(act, place, *, sub="Air/drone strike", kind="event", actor1=None, day="2018-04-09"):
    event = Event(
        doc_id="d",
        event_type="Explosions/Remote violence",
        sub_event_type=sub,
        event_date=day,
        time_precision=1,
        actor1=actor1,
        location=place.name_ar if place else None,
    )
    mention = PlaceMention(place, 1) if place else None
    trigger = Trigger(kind, event.event_type, sub, 6)
    return Account(event, trigger, act, mention, dated=True, reference=False)


def _place(pid, kind="community", admin2="SY0401", lat=34.5, lon=37.6):
    return Place(pid, pid, pid, kind, lat, lon, "Homs", "SY04", "Homs", admin2)


def test_district_then_village_join_and_the_village_is_kept():
    district = _place("SY0401", kind="admin2")
    village = _place("village")
    incidents = group([_account(0, district), _account(1, village)])
    assert len(incidents) == 1
    assert [e.location for e in events_of(incidents[0])] == ["village"]


def test_attackers_of_one_camp_tell_one_act():
    # "القوات السورية" in the lead, "قوات الدفاع الوطني" in the observatory's quote
    town = _place("town")
    accounts = [
        _account(0, town, actor1=STATE),
        _account(1, town, actor1="NDF: National Defence Forces"),
    ]
    assert len(group(accounts)) == 1


def test_targets_of_one_camp_tell_one_act():
    # "غارات للطيران التركي استهدفت قوات موالية للحكومة" in the lead, "القصف استهدف القوات
    # الشعبية" in the observatory's next sentence: one strike on one camp, named loosely
    town = _place("town")
    lead = _account(0, town, actor1="Military Forces of Turkey (2016-)")
    lead.event.actor2 = STATE
    quote = _account(1, town)
    quote.event.actor2 = "NDF: National Defence Forces"
    assert len(group([lead, quote])) == 1


def test_targets_of_two_camps_tell_two_bombings_but_one_strike_from_afar():
    # a bomb on government forces and a bomb on rebels at one town are two acts; a strike from
    # afar is told hitting "قوات موالية للحكومة" in one sentence and "الفصائل" in another
    town = _place("town")
    for sub, incidents in (("Remote explosive/landmine/IED", 2), ("Air/drone strike", 1)):
        on_the_state = _account(0, town, sub=sub, actor1="Military Forces of Turkey (2016-)")
        on_the_state.event.actor2 = STATE
        on_rebels = _account(1, town, sub=sub)
        on_rebels.event.actor2 = "Opposition Rebels (Syria)"
        assert len(group([on_the_state, on_rebels])) == incidents, sub


def test_same_place_a_month_apart_stays_two_incidents():
    base = _place("base")
    incidents = group([_account(0, base), _account(1, base, day="2018-03-09")])
    assert len(incidents) == 2


def test_conflicting_named_attackers_stay_apart():
    town = _place("town")
    incidents = group(
        [
            _account(0, town, actor1=ISRAEL),
            _account(1, town, actor1="Military Forces of Russia (2000-)"),
        ]
    )
    assert len(incidents) == 2


def test_named_side_fills_the_unidentified_default():
    town = _place("town")
    accounts = [
        _account(0, town, actor1="Unidentified Armed Group (Syria)"),
        _account(1, town, actor1=ISRAEL),
    ]
    (incident,) = group(accounts)
    assert [e.actor1 for e in events_of(incident)] == [ISRAEL]


def test_generic_attack_takes_the_means_of_another_telling():
    town = _place("town")
    generic = _account(0, town, kind="attack", sub="Attack")
    generic.event.event_type = "Battles"
    strike = _account(1, town)
    (incident,) = group([generic, strike])
    assert [(e.event_type, e.sub_event_type) for e in events_of(incident)] == [
        ("Explosions/Remote violence", "Air/drone strike")
    ]


def test_incident_keeps_every_telling_in_order_and_one_told_nowhere_as_a_namer():
    town = _place("town")
    placed = [_account(0, town), _account(2, town)]
    nowhere = _account(1, None)
    (incident,) = group(placed)
    name_sides([incident], [nowhere])
    assert isinstance(incident, Incident)
    assert (incident.accounts, incident.namers) == (placed, [nowhere])


def test_a_telling_placed_nowhere_names_only_an_incident_it_fits():
    town = _place("town")
    (incident,) = group([_account(0, town, day="2018-03-20")])
    elsewhere_in_time = _account(1, None, day="2018-04-09")
    name_sides([incident], [elsewhere_in_time])
    assert incident.namers == []


def test_telling_with_no_day_of_its_own_joins_a_dated_one():
    # the report's date is only a default: it keeps no telling apart from a dated one
    town = _place("town")
    undated = _account(1, town, day="2018-04-09")
    undated.dated = False
    (incident,) = group([_account(0, town, day="2018-03-20"), undated])
    assert [e.event_date for e in events_of(incident)] == ["2018-03-20"]


def test_news_and_a_recall_of_the_same_place_stay_apart():
    town = _place("town")
    news = _account(1, town, day="2018-04-09")
    news.dated = False
    recall = _account(0, town, day="2018-03-20")
    recall.event.historical = True
    assert len(group([recall, news])) == 2


def test_day_of_a_reference_is_a_week_at_most():
    # "أعلن الاثنين أن الهجوم": the act was that day or before it
    reference = _account(0, _place("town"))
    reference.reference = True  # and dated in its own clause
    (incident,) = group([reference])
    assert [e.time_precision for e in events_of(incident)] == [2]


def test_governorate_named_alone_holds_the_village_told_later():
    # "هجوم على قرية بمحافظة حلب" then "في قرية أم حوش بريف حلب": one attack
    governorate = _account(0, _place("city", lat=36.2, lon=37.15))
    governorate.place = PlaceMention(governorate.place.place, 3)
    village = _account(1, _place("village", lat=36.5, lon=37.1))
    (incident,) = group([governorate, village])
    assert [e.location for e in events_of(incident)] == ["village"]


def test_bare_name_of_a_governorates_town_stands_for_the_province():
    # "قاعدة جوية قرب حمص" then "مطار التيفور": Homs names the province, 60 km from T4
    homs = _account(0, Place("C2528", "حمص", "Homs", "community", 34.73, 36.71, "Homs", "SY04"))
    homs.place = PlaceMention(homs.place.place, 2, cue="قرب")
    base = _account(1, _place("t4", lat=34.52, lon=37.63))
    (incident,) = group([homs, base])
    assert [e.location for e in events_of(incident)] == ["t4"]


def test_bare_damascus_holds_rural_damascus():
    # "غارات على دمشق" then "في مدينة دوما": the capital stands for the province around it
    damascus = Place("C1001", "دمشق", "Damascus", "community", 33.51, 36.29, "Damascus", "SY01")
    douma = Place("douma", "دوما", "Douma", "community", 33.57, 36.40, "Rural Damascus", "SY03")
    (incident,) = group([_account(0, damascus), _account(1, douma)])
    assert [e.location for e in events_of(incident)] == ["دوما"]


def test_chemical_attack_and_the_strikes_that_answer_it_stay_apart():
    town = _place("town")
    chemical = _account(0, town, sub="Chemical weapon")
    strike = _account(1, town, sub="Shelling/artillery/missile attack")
    assert len(group([chemical, strike])) == 2


def test_town_named_as_a_town_is_not_its_province():
    # "مدينة حمص": the city itself, not whatever else the governorate holds
    homs = _account(0, Place("C2528", "حمص", "Homs", "community", 34.73, 36.71, "Homs", "SY04"))
    homs.place = PlaceMention(homs.place.place, 1, cue="مدينة")
    base = _account(1, _place("t4", lat=34.52, lon=37.63))
    assert len(group([homs, base])) == 2


def test_undated_news_and_an_undated_recall_stay_apart():
    # a report with no date at all: "كان آخرهم ..." recalls another act, not the news
    news = _account(0, _place("town"), day=None)
    recall = _account(1, _place("town"), day=None)
    news.dated = recall.dated = False
    recall.event.historical = True
    assert len(group([news, recall])) == 2


def test_a_namesake_far_from_the_town_it_is_said_to_lie_by_is_not_the_place(pipeline):
    # the gazetteer's only "صباح الخير" is in Raqqa; "جنوب مدينة الحسكة" says where this one is
    found = events(
        pipeline,
        "وقصف الطيران المروحي بالبراميل المتفجرة أماكن في منطقة صوامع صباح الخير، جنوب مدينة "
        "الحسكة، ولم ترد أنباء عن إصابات",
    )
    assert [(e.location, e.admin1) for e in found] == [("الحسكة", "Al-Hasakeh")]


def test_a_village_by_a_near_town_is_told_at_the_village(pipeline):
    found = events(pipeline, "قصفت قوات النظام بلدة كفرنبل غرب مدينة معرة النعمان")
    assert [e.location for e in found] == ["كفر نبل"]


def test_a_strike_and_its_interception_by_the_side_struck_are_one_event(pipeline):
    found = events(
        pipeline,
        "ويوم الأحد، اتهمت وسائل إعلام سورية إسرائيل بإطلاق صواريخ على هدف بالقرب من العاصمة "
        "دمشق.\nوقالت وكالة الأنباء السورية الرسمية (سانا) إن الدفاعات الجوية السورية أسقطت "
        "صاروخين إسرائيليين.",
    )
    assert [(e.event_type, e.actor1, e.event_date) for e in found] == [
        ("Explosions/Remote violence", ISRAEL, "2018-04-08")
    ]


def test_an_act_of_last_week_is_background_and_not_todays_interception(pipeline):
    # "بقصفهم مطار التيفور الأسبوع الماضي": a week back is background; the interception told
    # with no day of its own is the report's news, not that strike
    found = events(
        pipeline,
        "وتحدثت الرواية السورية الرسمية عن تصدي الدفاعات الجوية السورية لصواريخ اخترقت أجواء "
        "ريف حمص، واستهدفت مطار الشعيرات.\nوهو ما هدد به مؤخرا حسن نصر الله، حين قال إن "
        "الإسرائيليين ارتكبوا خطأ تاريخيا بقصفهم مطار التيفور العسكري الأسبوع الماضي.",
        published=date(2018, 4, 17),
    )
    assert sorted((e.location_en, e.event_date, e.historical) for e in found) == [
        ("Shayrat Airbase", "2018-04-17", False),
        ("Tiyas Military Airbase (T4)", "2018-04-10", True),
    ]


def test_an_accusation_told_nowhere_names_the_side_of_the_act_told_before(pipeline):
    # the accusation names no place: it gives no event, only who did the attack
    found = events(
        pipeline,
        "قتل عشرات المدنيين في هجوم كيميائي على مدينة دوما.\n"
        "واتهمت واشنطن القوات الحكومية السورية بشن الهجوم الكيميائي.",
    )
    assert [(e.location, e.actor1, e.actor2) for e in found] == [
        ("دوما", STATE, "Civilians (Syria)")
    ]
    assert any("اتهمت واشنطن" in span.text for span in found[0].evidence)


def test_an_interception_told_nowhere_does_not_name_the_striker(pipeline):
    found = events(
        pipeline,
        "استهدفت صواريخ مطار التيفور العسكري في ريف حمص فجر الاثنين.\n"
        "وقالت وكالة سانا إن الدفاعات الجوية السورية تصدت للصواريخ.",
    )
    assert [e.actor1 for e in found] == ["Unidentified Armed Group (Syria)"]


def test_the_outskirts_of_a_town_are_not_a_vaguer_telling_of_the_town_beside_it(pipeline):
    # Harasta lies 4 km from Douma: "محيط مدينة دوما" is Douma's outskirts, another target
    found = events(
        pipeline,
        "قصفت قوات النظام صباح أمس مناطق في مدينة حرستا بالغوطة الشرقية.\n"
        "فيما تعرضت مناطق في محيط مدينة دوما بالغوطة الشرقية، لقصف من قبل قوات النظام دون "
        "أنباء عن إصابات.",
    )
    assert sorted(e.location for e in found) == ["حرستا", "دوما"]


def test_a_number_told_beats_the_floor_of_a_bare_plural(pipeline):
    # "ارتفاع أعداد قتلى الضربات" is a plural (2 at the most cautious); "15 على الأقل" a count
    found = events(
        pipeline,
        "قتل مدنيون في غارات جوية على مدينة زملكا في الغوطة الشرقية.\n"
        "وقال المرصد إن 15 مدنيا على الأقل قتلوا في الغارات على زملكا.",
    )
    assert [e.fatalities for e in found] == [15]


def test_the_smaller_of_two_counts_is_kept(pipeline):
    found = events(
        pipeline,
        "قتل 20 مدنيا في غارات جوية على مدينة زملكا في الغوطة الشرقية.\n"
        "وقال المرصد إن 15 مدنيا على الأقل قتلوا في الغارات على زملكا.",
    )
    assert [e.fatalities for e in found] == [15]


def test_an_act_only_named_as_known_days_before_the_report_is_background(pipeline):
    # a report of the 10th about talks; "الهجوم الكيميائي الذي استهدف في 7 نيسان" is what
    # the news answers
    found = events(
        pipeline,
        'وقال الإليزيه إن ماكرون وترامب ناقشا "التطورات التي حصلت منذ الهجوم الكيميائي الذي '
        'استهدف في 7 نيسان/أبريل سكان دوما في الغوطة الشرقية"',
        published=date(2018, 4, 10),
    )
    assert [(e.event_date, e.historical) for e in found] == [("2018-04-07", True)]


def test_yesterdays_act_named_as_known_is_still_news(pipeline):
    found = events(
        pipeline,
        "وذكر المرصد أن الغارات الجوية قصفت أمس مواقع للجبهة قرب بلدة اعزاز شمالي حلب",
        published=date(2015, 8, 1),
    )
    assert [(e.event_date, e.historical) for e in found] == [("2015-07-31", False)]


def test_suspected_attribution_yields_to_the_side_another_telling_states(pipeline):
    # "يشتبه بأنه هجوم أميركي": an author named inside a suspicion is only suspected; the
    # lead states who struck, so the two tellings are one strike, by the side stated
    found = events(
        pipeline,
        "قال مسؤولان أميركيان إن إسرائيل نفذت ضربات استهدفت قاعدة جوية عسكرية قرب مدينة حمص.\n"
        'وقالت الوكالة عن الضربة الصاروخية على قاعدة تي فور بأنه "يشتبه بأنه هجوم أميركي".',
    )
    assert len(found) == 1, summary(found)
    assert (found[0].location, found[0].actor1) == ("مطار التيفور", ISRAEL)
    assert "(suspected)" not in found[0].notes


def test_author_inside_a_suspicion_alone_is_the_suspected_author(pipeline):
    found = events(pipeline, 'وقالت الوكالة عن الضربة على قاعدة تي فور "يشتبه بأنه هجوم أميركي".')
    assert len(found) == 1, summary(found)
    assert found[0].actor1 == "Military Forces of the United States (2017-2021)"
    assert "(suspected)" in found[0].notes


def test_whom_an_attack_means_to_pressure_is_not_its_target(pipeline):
    # "وسط تصعيد للضغط على جيش الإسلام للانسحاب": the purpose names who is pressed, not
    # the side struck, so the town's dead told later are the same attack's
    found = events(
        pipeline,
        "شهدت مدينة دوما قصفا بغاز الكلور السبت أدى إلى مقتل نحو 100 شخص.\n"
        'ويعتبر الهجوم الثالث بالكيماوي على المدينة، وسط تصعيد للضغط على "جيش الإسلام" للانسحاب.\n'
        "وقال ناشطون إن عائلات بأكملها قتلت في قصف النظام السوري على الغوطة الشرقية بغاز الكلور.",
        published=date(2018, 4, 7),
    )
    assert len(found) == 1, summary(found)
    assert (found[0].location, found[0].actor1, found[0].actor2) == (
        "دوما",
        STATE,
        "Civilians (Syria)",
    )
    assert found[0].fatalities == 100


def test_what_an_act_led_to_is_another_act_with_its_own_sides_day_and_place(pipeline):
    # "مما دفع"، "الذي دفع": the strikes an attack led to are not the attack's sides or day,
    # and are not put at the attacked town
    found = events(
        pipeline,
        "قصفت قوات النظام مدينة دوما بغاز الكلور السبت، مما دفع الولايات المتحدة إلى شن غارات "
        "على مواقع للنظام في 14 من نيسان.",
        published=date(2018, 4, 8),
    )
    assert len(found) == 1, summary(found)
    assert (found[0].sub_event_type, found[0].actor1, found[0].event_date) == (
        "Chemical weapon",
        STATE,
        "2018-04-07",
    )


def test_what_is_to_be_avoided_or_intended_tells_no_act(pipeline):
    # "لتجنب"، "تفادي"، "نواياها": an act to avoid or an intention has not happened
    for text in (
        "قال غوتيريش إن تركيا وروسيا اتفقت على بذل ما في وسعها لتجنب وقوع معركة في إدلب.",
        "وتسعى تركيا إلى تفادي الهجوم على إدلب.",
        "وكانت القوات الروسية حذرت القوات الأميركية من نواياها شن هجوم قرب معبر التنف.",
    ):
        assert events(pipeline, text, published=date(2018, 9, 11)) == [], text


def test_a_place_described_by_who_is_stationed_there_tells_no_move(pipeline):
    # "وهو موقع تتمركز فيه قوات": a state of the place, not a deployment
    text = "وقع انفجار قرب معبر التنف، وهو موقع تتمركز فيه قوات العمليات الخاصة الأميركية."
    found = events(pipeline, text, published=date(2018, 9, 11))
    assert all(e.sub_event_type != "Change to group/activity" for e in found), summary(found)


def test_a_place_fronted_before_a_comma_frames_the_act_named_elsewhere(pipeline):
    # "وفي جنوب دمشق، قتل 22 ... ضد مواقع لهم في محافظة السويداء": the act is at the place
    # it names itself; the fronted place frames the paragraph, and the toll is not halved
    found = events(
        pipeline,
        "وفي جنوب دمشق، قتل 22 مقاتلا مواليا للنظام، الخميس، في هجمات شنها تنظيم داعش ضد "
        "مواقع لهم في محافظة السويداء.",
        published=date(2018, 6, 8),
    )
    assert [(e.admin1, e.fatalities) for e in found] == [("As-Sweida", 22)]
    # with no place of its own, the act is at the fronted place
    found = events(
        pipeline, "وفي ريف إدلب، قتل ثلاثة مدنيين في غارة جوية.", published=date(2018, 6, 8)
    )
    assert [(e.admin1, e.fatalities) for e in found] == [("Idleb", 3)]


def test_who_condemns_an_act_is_no_side_of_it(pipeline):
    # "أدانت دولة إسرائيل الهجوم الكيميائي": the condemner speaks; it did not strike
    found = events(
        pipeline,
        "أدانت دولة إسرائيل الاثنين الهجوم الكيميائي الذي استهدف السبت مدينة دوما.",
        published=date(2018, 4, 10),
    )
    assert ISRAEL not in {e.actor1 for e in found} | {e.actor2 for e in found}, summary(found)


def test_the_held_side_of_the_golan_is_outside_the_syria_coded(pipeline):
    # "الجولان المحتل"، "هضبة الجولان السورية المحتلة"، "التي تحتلها إسرائيل", or Israel's own
    # forces named there ("قواعد عسكرية إسرائيلية في مرتفعات الجولان"): the held side
    for text in (
        "أطلقت إيران 20 صاروخا على قواعد عسكرية إسرائيلية في الجولان المحتل فجر الخميس.",
        "ردا على إطلاق القوات الإيرانية حوالي 20 صاروخا ضد مواقعه في هضبة الجولان السورية المحتلة.",
        "دوت صفارات الإنذار بسبب صواريخ في مرتفعات الجولان التي تحتلها إسرائيل اليوم الخميس.",
        "أطلقت إيران 20 صاروخا على قواعد عسكرية إسرائيلية في مرتفعات الجولان فجر الخميس.",
        "تم إطلاق 55 صاروخا على مواقع الاحتلال في الجولان ودوت انفجارات ضخمة.",
    ):
        assert events(pipeline, text, published=date(2018, 5, 10)) == [], text
    # the Syrian side keeps its events, and a place beside the held side keeps the act
    found = events(pipeline, "قصفت إسرائيل موقعا للجيش السوري في مرتفعات الجولان.")
    assert [e.location for e in found] == ["الجولان"]
    found = events(
        pipeline,
        "تصدت قوات تابعة لداعش متحصنة في حوض اليرموك على الحدود بين الأردن وهضبة الجولان التي "
        "تحتلها إسرائيل لهجوم بري شنه الجيش السوري.",
    )
    assert [e.location for e in found] == ["حوض اليرموك"]


def test_an_act_told_at_its_governorate_folds_into_the_place_inside_it(pipeline):
    # "استهداف المقر العسكري ... في ريف حماة"، "تعرض مواقع للنظام في ريفي حماة وحلب لقصف
    # صاروخي", then "مقر اللواء 47 في ريف حماة الجنوبي"، "مطار النيرب": the governorates told
    # first are the strikes told at their sites, one event each, not two more
    text = (
        "نشر ناشطون على موقع تويتر فيديو، ليل الأحد الاثنين، قالوا إنه يرصد استهداف المقر العسكري لقوات النظام السوري والميليشيات الإيرانية في ريف حماة.\n"
        'ولم يتسن لـ"سكاي نيوز عربية" التأكد من صحة الفيديو من مصدر مستقل، علما بأن التلفزيون السوري كان قد أكد تعرض مواقع للنظام في ريفي حماة وحلب لقصف صاروخي.\n'
        'وأظهرت اللقطات انفجارا ضخما يهز ما قال ناشطون إنه "مستودع ذخيرة في اللواء 47"، الذي تتمركز فيه، وفق المرصد السوري لحقوق الإنسان، قوات للنظام وميليشيات إيرانية.\n'
        "وقال ناشطون إن الضربات الصاروخية أسفرت عن سقوط قتلى وجرحى، بالإضافة إلى اندلاع حرائق ضخمة في المواقع العسكرية المستهدفة من الصواريخ المجهولة الهوية.\n"
        'وكان التلفزيون السوري نقل عن مصدر عسكري قوله إن "عدوانا جديدا تتعرض له في حوالي الساعة 10:30 مساء بالتوقيت المحلي بعض المواقع العسكرية في ريف حماة وحلب بصواريخ معادية".\n'
        'أما المرصد، فقد قال إن انفجارات عنيفة هزت مناطق في الريف الحموي ومحافظة حلب، "ناجمة عن استهداف صاروخي تعرض له مقر اللواء 47 في ريف حماة الجنوبي ومناطق ثانية بالقرب من بلدة سلحب.\n'
        "وأضاف المرصد أن صواريخ سقطت على مواقع لقوات النظام وحلفائها في منطقة مطار النيرب العسكري وبالقرب من مطار حلب الدولي."
    )
    found = events(pipeline, text, published=date(2018, 4, 29))
    assert {e.location for e in found} == {"مطار حلب الدولي", "جبل البحوث", "تل سلحب"}, summary(
        found
    )


def test_news_and_background_at_two_towns_beside_each_other_are_two_acts(pipeline):
    # "قُتل عنصر ... في بلدة ذيبان" and "وكانت خلايا قد قتلت الأسبوع الماضي عضوا ... لبلدة
    # الطيانة": a recap at a town a few km away is another act, with its own day, not a second
    # place of the news
    found = events(
        pipeline,
        'قُتل عنصر من "قسد" برصاص مسلحين مجهولين، ليل الأحد-الإثنين، أمام منزله في بلدة ذيبان.\n'
        "وكانت خلايا يُعتقد أنها تتبع لتنظيم داعش قد قتلت الأسبوع الماضي عضوا في المجلس المحلي "
        "لبلدة الطيانة.",
        published=date(2021, 6, 14),
    )
    assert sorted((e.location, e.event_date, e.historical) for e in found) == [
        ("الطيانة", "2021-06-07", True),
        ("ذيبان", "2021-06-13", False),
    ], summary(found)


def test_a_sub_district_holds_only_its_own_villages(pipeline):
    # "وعلى محور ناحية بلبل شمالاً، ... اشتباكات عنيفة" and "غارات جوية تركية استهدفت بلدة
    # جنديرس ... في حين تتواصل المعارك": a sub-district is no governorate; the clash there does
    # not fold into the fighting told at a village of another sub-district
    found = events(
        pipeline,
        "قتل 7 مدنيين، الجمعة، في غارات جوية تركية استهدفت بلدة جنديرس جنوب غربي مدينة عفرين، في "
        "حين تتواصل المعارك بين القوات التركية والفصائل السورية الموالية لها من جهة، ووحدات "
        "حماية الشعب الكردية من جهة أخرى، على عدة محاور في المنطقة.\n"
        "وعلى محور ناحية بلبل شمالاً، قال المرصد إن اشتباكات عنيفة دارت منذ صباح الجمعة، تمكنت "
        "خلالها القوات التركية والفصائل من السيطرة على قريتين.",
        published=date(2018, 2, 10),
    )
    assert "ناحية بلبل" in {e.location for e in found}, summary(found)


def test_fire_aimed_at_the_golan_lands_on_the_held_side(pipeline):
    # "أطلقت 20 صاروخا على مواقعه المتقدمة في مرتفعات الجولان"، "صواريخ نحو مرتفعات الجولان"،
    # "باتجاه خط المواقع الأمامي في"، "بقصف هضبة الجولان": fire aimed at the Golan, with no
    # Syrian site named on the way, is across the line (codebook: outside the Syria coded)
    for text in (
        "قال الجيش الإسرائيلي إن قوات فيلق القدس أطلقت 20 صاروخا صباح الخميس على مواقعه "
        "المتقدمة في مرتفعات الجولان.",
        "وقالت إسرائيل إن قوات إيرانية في سوريا أطلقت صواريخ نحو مرتفعات الجولان.",
        "رصد إطلاق نحو 20 صاروخا من قبل فيلق القدس الإيراني باتجاه خط المواقع الأمامي في هضبة "
        "الجولان.",
        "واتهمت إسرائيل إيران بقصف هضبة الجولان.",
    ):
        assert events(pipeline, text, published=date(2018, 5, 10)) == [], text
    # a Syrian site on the way keeps the strike on the Syrian side
    found = events(
        pipeline,
        "أعلن الجيش الإسرائيلي أنه استهدف موقعاً سورياً في مرتفعات الجولان الشمالية.",
        published=date(2018, 5, 10),
    )
    assert [e.location for e in found] == ["الجولان"], summary(found)


def test_the_strikers_adjective_before_the_golan_marks_no_held_side(pipeline):
    # "غارة إسرائيلية على هضبة الجولان": the adjective on the act's noun names who struck the
    # Syrian side; "أطلقتهما طائرات إسرائيلية من جهة الجولان" says where the fire came from
    for text in (
        "قتل ستة عناصر من حزب الله في غارة إسرائيلية على هضبة الجولان السورية.",
        "استهدفت غارة إسرائيلية جديدة على الجولان موقعا لقوات النظام.",
    ):
        found = events(pipeline, text, published=date(2015, 1, 19))
        assert [(e.location, e.actor1) for e in found] == [("الجولان", ISRAEL)], text
    found = events(
        pipeline,
        "سقط صاروخان قرب مطار دمشق الدولي أطلقتهما طائرات إسرائيلية من جهة هضبة الجولان.",
        published=date(2018, 6, 26),
    )
    assert [e.location for e in found] == ["مطار دمشق الدولي"], summary(found)


def test_one_side_of_a_town_holds_only_what_lies_on_that_side(pipeline):
    # "في حي المقوس شرقي مدينة السويداء وفي محيط بلدة الطيرة بالريف الغربي": east of the
    # city holds nothing to its west; two places joined by "وفي" are two targets
    found = events(
        pipeline,
        "ارتفع عدد القتلى جراء الاشتباكات المستمرة منذ أمس بين فصائل محلية ومسلحين من العشائر، "
        "في حي المقوس شرقي مدينة السويداء وفي محيط بلدة الطيرة بالريف الغربي، إلى 30 قتيلا.",
        published=date(2025, 7, 14),
    )
    assert sorted(e.location for e in found) == ["السويداء", "الطيرة"], summary(found)


def test_where_a_force_stands_beside_a_town_is_not_where_it_struck(pipeline):
    # "المعسكر الروسي المتمركز جنوبي مدينة حلفايا استهدف مدينة اللطامنة": the camp's place
    found = events(
        pipeline,
        "وقال شهود إن المعسكر الروسي المتمركز جنوبي مدينة حلفايا استهدف مدينة اللطامنة بصواريخ، "
        "ما أدى لمقتل مدنيين اثنين.",
        published=date(2018, 6, 12),
    )
    assert [(e.location, e.fatalities) for e in found] == [("اللطامنة", 2)], summary(found)


def test_a_protest_and_its_dispersal_are_one_event_in_their_own_town(pipeline):
    # "خرجت مظاهرات في حمص واللاذقية ... وفي حمص، أطلق عناصر الأمن النار لتفريق المحتجين": the
    # Homs protest, broken up, is one event; Latakia's stays a peaceful protest
    found = events(
        pipeline,
        "خرجت مظاهرات، اليوم الأربعاء، في مدن حمص واللاذقية. وفي حمص، أطلق عناصر من إدارة الأمن "
        "العام النار في الهواء لتفريق المحتجين قرب دوار المواصلات، ما أدى إلى مقتل متظاهر.",
        published=date(2024, 12, 25),
    )
    assert sorted((e.location, e.sub_event_type, e.fatalities) for e in found) == [
        ("اللاذقية", "Peaceful protest", 0),
        ("حمص", "Excessive force against protesters", 1),
    ], summary(found)


def test_a_ceasefire_is_no_shooting(pipeline):
    # "لوقف إطلاق النار": the shooting named is to stop; an agreement on it is still one
    found = events(
        pipeline, "وفيلق الرحمن يتفاوض مع وفد من الأمم المتحدة لوقف إطلاق النار في الغوطة الشرقية."
    )
    assert all(e.event_type != "Battles" for e in found), summary(found)
    found = events(pipeline, "وأعلن الطرفان اتفاق وقف إطلاق النار في الغوطة الشرقية.")
    assert [e.sub_event_type for e in found] == ["Agreement"]


def test_who_still_holds_an_area_took_nothing(pipeline):
    # "لا تزال تسيطر"، "يحكمون سيطرتهم على المحافظة": a state of control, no takeover
    for text in (
        "ويقدر عدد المقاتلين في إدلب بعشرة آلاف مقاتل يحكمون سيطرتهم على المحافظة.",
        "وقالت مصادر إن هيئة تحرير الشام لا تزال تسيطر على مدينة إدلب.",
    ):
        found = events(pipeline, text, published=date(2018, 9, 5))
        assert all("territory" not in (e.sub_event_type or "") for e in found), summary(found)


def test_a_convoys_origin_named_after_its_destination_is_no_place_of_the_move(pipeline):
    # "وصلت تعزيزات إلى مدينة السويداء قادمة من دمشق": the move is at its destination
    found = events(
        pipeline,
        "وصلت تعزيزات عسكرية لقوات الحكومة السورية إلى مدينة السويداء قادمة من دمشق.",
        published=date(2025, 5, 6),
    )
    assert [e.location for e in found] == ["السويداء"]


def test_a_bombardment_by_ground_and_air_is_two_acts(pipeline):
    # "قصفا بريا وجويا": two types of action, so two events (codebook); the side named in a
    # later telling ("القصف التركي") is the side of both, and their toll is divided
    text = (
        "وأفاد المرصد أن قصفا بريا وجويا يستهدف مدينة عفرين منذ منتصف ليل الجمعة. "
        "ولا تزال جثث بعض القتلى تحت أنقاض الدمار الناجم عن القصف التركي على عفرين."
    )
    found = pipeline.extract(text, published=date(2018, 3, 16))
    assert sorted((e.sub_event_type, e.actor1) for e in found) == [
        ("Air/drone strike", "Military Forces of Turkey (2016-)"),
        ("Shelling/artillery/missile attack", "Military Forces of Turkey (2016-)"),
    ]
    found = pipeline.extract(
        "قتل 6 مدنيين في قصف جوي ومدفعي على مدينة دوما", published=date(2018, 3, 16)
    )
    assert sorted((e.sub_event_type, e.fatalities) for e in found) == [
        ("Air/drone strike", 3),
        ("Shelling/artillery/missile attack", 3),
    ]


def test_a_sides_adjective_after_the_means_names_who_struck(pipeline):
    # "قصفا جويا ومدفعيا تركيا": "تركيا" is the accusative adjective Turkish, after both means
    text = "وقالت السلطات إن قصفا جويا ومدفعيا تركيا انهمر على قرية في ريف عفرين"
    found = pipeline.extract(text, published=date(2018, 3, 16))
    assert [e.actor1 for e in found] == ["Military Forces of Turkey (2016-)"] * 2


def test_means_of_one_type_or_a_bombardment_already_known_is_one_act(pipeline):
    # "قصف مدفعي وصاروخي": artillery and rockets are one sub-type; "منذ بدء تصعيد القصف الجوي
    # والبري": the bombardment named with the article is the campaign known, told elsewhere
    found = pipeline.extract("قصف مدفعي وصاروخي على مدينة حرستا", published=date(2018, 3, 16))
    assert [e.sub_event_type for e in found] == ["Shelling/artillery/missile attack"]
    found = pipeline.extract(
        "وقصفت قوات النظام مدينة حرستا أمس، ما يرفع عدد القتلى منذ بدء تصعيد القصف الجوي"
        " والمدفعي إلى 15.",
        published=date(2018, 3, 16),
    )
    assert len(found) == 1


@pytest.mark.parametrize(
    "text",
    [
        "قتل 5 مدنيين في القصف الجوي والمدفعي على مدينة عفرين اليوم.",
        "واستهدف القصف الجوي والمدفعي مدينة حرستا أمس",
    ],
)
def test_a_bombardment_with_the_article_and_its_own_target_is_told_anew(pipeline, text):
    # "القصف الجوي والمدفعي على مدينة عفرين": with the article but with its target after it,
    # the bombardment is told, not referred to: an air strike and a shelling
    found = pipeline.extract(text, published=date(2018, 3, 16))
    assert sorted(e.sub_event_type for e in found) == [
        "Air/drone strike",
        "Shelling/artillery/missile attack",
    ], summary(found)


def test_an_act_pointed_back_to_keeps_its_place_and_the_earlier_act_is_told(pipeline):
    # "تزامن هذه الضربات مع بدء عمل فريق التحقيق ... في دوما": the strikes pointed back to
    # are where they were told (Damascus, Homs), not where the inspectors work
    text = (
        "وشنت الولايات المتحدة وبريطانيا وفرنسا فجر اليوم، ضربات عسكرية على أهداف للنظام "
        "السوري في دمشق وحمص. وعبرت موسكو عن قلقها من تزامن هذه الضربات مع بدء عمل فريق "
        "التحقيق التابع لمنظمة حظر الأسلحة الكيماوية عمله في دوما"
    )
    found = pipeline.extract(text, published=date(2018, 4, 14))
    assert sorted(e.location for e in found) == ["حمص", "دمشق"]
    # "وتأتي هذه الغارات غداة مقتل 20 مدنيا في غارة على قرية كفر بطيخ": what the clause tells is
    # the earlier raid, as background, with its place and its dead
    text = (
        "وتأتي هذه الغارات غداة مقتل 20 مدنيا، بينهم 16 طفلا، في غارة نفذتها طائرات قرب "
        "مدرسة في قرية كفر بطيخ في ريف إدلب الشرقي"
    )
    [event] = pipeline.extract(text, published=date(2018, 3, 22))
    assert (event.location, event.fatalities, event.historical) == ("كفر بطيخ", 20, True)


@pytest.mark.parametrize(
    "text",
    [
        "شنت روسيا والنظام السوري ضربات جوية على بلدة كفرنبل اليوم.",
        "وقال مركز الدفاع المدني إن قوات النظام وروسيا استهدفت بلدة كفرنبل بعشرات الغارات اليوم.",
    ],
)
def test_allies_named_together_struck_together(pipeline, text):
    # "قوات النظام وروسيا استهدفت": a strike's second name coordinated with the first is its
    # ally (assoc_actor_1), never its target: one camp's strike does not hit its own
    (event,) = events(pipeline, text, published=date(2018, 6, 10))
    assert {event.actor1, event.assoc_actor_1} == {STATE, "Military Forces of Russia (2000-)"}
    assert event.actor2 not in (STATE, "Military Forces of Russia (2000-)")
    assert any(span.label == "assoc_actor_1" for span in event.evidence)


def test_a_clash_between_allies_keeps_both_sides(pipeline):
    # fighting inside one camp is a clash between its members ("اشتبكت قوات النظام مع ميليشيا
    # الدفاع الوطني"): both stay sides
    (event,) = events(
        pipeline, "اشتبكت قوات النظام مع ميليشيا الدفاع الوطني في بلدة كفرنبل اليوم.", PUBLISHED
    )
    assert (event.actor1, event.actor2) == (STATE, "NDF: National Defence Forces")
    assert event.assoc_actor_1 is None


def test_a_toll_told_for_a_frame_and_a_place_inside_it_is_the_places_whole_toll(pipeline):
    # "في جنوب دمشق ... مقتل 36 ... في حي القدم": the area only frames the quarter, so the
    # one event there keeps all 36 dead, not half of them
    (event,) = events(
        pipeline,
        "وعلى جبهة أخرى في جنوب دمشق، أفاد المرصد عن مقتل 36 عنصرا على الأقل من قوات النظام "
        "خلال اشتباكات عنيفة ليل الاثنين في حي القدم، إثر هجوم مفاجئ شنه تنظيم الدولة الإسلامية.",
        published=date(2018, 3, 20),
    )
    assert (event.location, event.fatalities) == ("حي القدم", 36)


def test_a_toll_told_for_two_villages_is_divided_between_them(pipeline):
    # codebook: a total spread over several events is divided among them, not repeated
    found = events(
        pipeline, "قتل 12 مدنيا في غارات على بلدتي حمورية وسقبا اليوم.", published=date(2018, 3, 20)
    )
    assert sorted(e.fatalities for e in found) == [6, 6]


def test_a_region_named_with_its_villages_in_one_telling_only_frames_them(pipeline):
    # "غارات على الغوطة الشرقية ... في بلدتي حمورية وكفر بطنا": the region is where the villages
    # lie, no third event at the region's centre
    found = events(
        pipeline,
        "قتل 40 مدنيا في قصف مدفعي لقوات النظام على الغوطة الشرقية، طال بلدتي حمورية وكفربطنا.",
        published=date(2018, 2, 22),
    )
    assert sorted(e.location for e in found) == ["حمورة", "كفر بطنا"], summary(found)
    assert sorted(e.fatalities for e in found) == [20, 20]


def test_a_governorate_and_its_capital_named_bare_in_one_telling_are_one_place(pipeline):
    # "في محافظة إدلب ... على إدلب": within one telling the bare name is the capital the
    # governorate holds, not a second place
    found = events(
        pipeline,
        "قال رئيس الدفاع المدني في محافظة إدلب إن رجلا قتل في سلسلة من الغارات الجوية على "
        "إدلب اليوم.",
        published=date(2018, 9, 6),
    )
    assert [(e.location, e.geo_precision) for e in found] == [("إدلب", 1)], summary(found)


def test_a_toll_that_rose_is_the_acts_latest(pipeline):
    # "قتل خمسة ... وارتفعت حصيلة ضحايا القصف إلى 12": a later count, not a conflicting one
    [event] = pipeline.extract(
        "قتل خمسة مدنيين بقصف روسي على مدينة إدلب صباح اليوم. وارتفعت حصيلة ضحايا القصف إلى "
        "12 قتيلاً.",
        published=date(2024, 10, 16),
    )
    assert event.fatalities == 12


def test_a_strike_told_by_its_province_then_by_its_town_is_one_event(pipeline):
    # the lead names the province and "the opposition's headquarters", the observatory the
    # town and the faction: reports of one strike from afar name what it hit differently
    text = (
        "شنت طائرات روسية، الجمعة، غارات جوية على مقرات تابعة لفصائل معارضة في محافظة إدلب "
        "شمال غربي سوريا، مما أسفر عن قتيلين على الأقل.\n"
        "وأعلن المرصد السوري لحقوق الإنسان أن طائرات روسية نفذت غارات على مقرات لهيئة تحرير "
        "الشام في محيط بلدة الهبيط الواقعة في ريف إدلب الجنوبي الغربي."
    )
    events = pipeline.extract(text, published=date(2018, 9, 7))
    assert [(e.sub_event_type, e.location) for e in events] == [("Air/drone strike", "الهبيط")]
    assert events[0].fatalities == 2


def test_a_strike_and_a_shelling_of_other_targets_stay_two(pipeline):
    # two means are two acts, whatever each hit
    text = (
        "قصفت قوات النظام بالمدفعية مواقع الفصائل في بلدة كفرنبل بريف إدلب.\n"
        "وشنت طائرات حربية غارات على الأحياء السكنية في بلدة كفرنبل مما أدى إلى مقتل 3 مدنيين."
    )
    events = pipeline.extract(text, published=date(2018, 9, 7))
    assert sorted(e.sub_event_type for e in events) == [
        "Air/drone strike",
        "Shelling/artillery/missile attack",
    ]


def test_a_governorate_town_named_bare_beside_a_place_of_its_province_is_the_province(pipeline):
    # "قاعدة التيفور العسكرية وسط حمص": Homs named bare says where T4 is, no second strike on
    # the city; "مدينة حمص" named as a town of its own stays a place
    events = pipeline.extract(
        "استهدفت غارات إسرائيلية قاعدة التيفور العسكرية وسط حمص.", published=date(2018, 4, 9)
    )
    assert [e.location for e in events] == ["مطار التيفور"]
    events = pipeline.extract(
        "قتل ثلاثة مدنيين في قصف على مدينة دوما ومدينة دمشق.", published=date(2018, 4, 7)
    )
    assert sorted(e.location for e in events) == ["دمشق", "دوما"]


def test_an_attack_and_a_third_sides_strikes_on_the_attacker_are_two_acts(pipeline):
    # "هجوم مضاد شنه تنظيم داعش على مواقع قسد" and "غارات التحالف على مواقع التنظيم": the
    # coalition struck the attacker, but it is not the side the attacker struck; not one fight
    # told from either side, and the attack is no air strike
    found = events(
        pipeline,
        "قتل 41 عنصرا على الأقل من قوات سوريا الديمقراطية في هجوم مضاد شنه تنظيم داعش على "
        "مواقعها في محيط بلدة هجين بريف دير الزور الشرقي. وشنت طائرات التحالف الدولي بقيادة "
        "واشنطن غارات مكثفة على مواقع التنظيم في محيط هجين لوقف تقدمه.",
        published=date(2018, 10, 14),
    )
    by_type = {e.sub_event_type: e for e in found}
    assert by_type["Armed clash"].actor1 == "Islamic State (Syria)", summary(found)
    assert by_type["Air/drone strike"].actor1 == "Global Coalition Against Daesh", summary(found)


def test_a_fight_told_from_either_side_stays_one_act(pipeline):
    # "هاجم تنظيم داعش مواقع قسد" and "تصدت قسد لهجوم التنظيم": the sides swap, one fight
    found = events(
        pipeline,
        "هاجم عناصر تنظيم داعش مواقع قوات سوريا الديمقراطية في بلدة هجين. وقالت قسد إن "
        "مقاتليها اشتبكوا مع عناصر التنظيم في هجين وقتلوا عشرة منهم.",
        published=date(2018, 10, 14),
    )
    assert len(found) == 1, summary(found)


def test_a_similar_bomb_last_week_is_not_todays_bomb(pipeline):
    # "قتل عنصران ... صباح اليوم الثلاثاء، إثر انفجار عبوة ناسفة قرب بلدة الكسرة" and "وكانت
    # عبوة مماثلة قد انفجرت الأسبوع الماضي بدورية على طريق الكسرة": a day told of the news
    # meets no background act told a week or more before it
    found = events(
        pipeline,
        "قتل عنصران من قوات سوريا الديمقراطية، صباح اليوم الثلاثاء، إثر انفجار عبوة ناسفة بسيارة"
        " عسكرية قرب بلدة الكسرة بريف دير الزور الغربي. وكانت عبوة مماثلة قد انفجرت الأسبوع"
        " الماضي بدورية لقسد على طريق الكسرة – الرقة، واقتصرت أضرارها على الماديات.",
        published=date(2023, 11, 14),
    )
    assert sorted((e.historical, e.fatalities) for e in found) == [(False, 2), (True, 0)], summary(
        found
    )


def test_a_region_told_in_the_lead_gives_way_to_a_town_s_outskirts_inside_it(pipeline):
    # "تجددت غارات النظام، الأحد، على الغوطة الشرقية" then "الغارات الجوية استهدفت منطقة
    # الشيفونية في ضواحي دوما": the outskirts of a town hold no region (the Ghouta's point is
    # 2 km from Douma's), so the region is the vaguer telling and the town's strike the event
    found = events(
        pipeline,
        "تجددت غارات النظام السوري، الأحد، على الغوطة الشرقية. وأوضح المرصد السوري أن الغارات"
        " الجوية استهدفت منطقة الشيفونية في ضواحي دوما بالغوطة الشرقية.",
        published=date(2018, 2, 25),
    )
    assert [e.location for e in found] == ["دوما"], summary(found)


def test_another_attack_with_a_day_of_its_own_is_not_the_act_told_before(pipeline):
    # "وقد تبنى قبل أيام تفجير عبوة ناسفة" and "وقتل عنصر ... في هجوم آخر للتنظيم في 15 يونيو":
    # "another" and a day that differs keep two background acts apart, though the vague "days
    # ago" would reach the 15th
    text = (
        "وتبنى التنظيم قبل أيام تفجير عبوة ناسفة في آليتين جنوبي مدينة الرقة. وقتل عنصر في قوات"
        " سوريا الديمقراطية في هجوم {}للتنظيم في 15 يونيو، عند حاجز شمال مدينة الرقة."
    )
    another = events(pipeline, text.format("آخر "), published=date(2018, 6, 24))
    assert sorted(e.event_date for e in another) == ["2018-06-15", "2018-06-21"], summary(another)
    # without "another" the vague day may be the 15th: one act told twice
    assert len(events(pipeline, text.format(""), published=date(2018, 6, 24))) == 1


def test_an_earlier_act_counted_back_from_the_news_is_told_as_background(pipeline):
    # "قصفت طائرات النظام أمس بلدة كفرنبل، بعد يومين من غارة على البلدة نفسها قتل فيها 3
    # مدنيين": the act named after "بعد يومين من" is an event of its own, background, two days
    # before the news (not before the report), with its own dead
    found = events(
        pipeline,
        "قصفت طائرات النظام أمس بلدة كفرنبل في ريف إدلب، بعد يومين من غارة على البلدة نفسها قتل"
        " فيها 3 مدنيين.",
        published=date(2018, 4, 11),
    )
    assert sorted((e.event_date, e.historical, e.fatalities) for e in found) == [
        ("2018-04-08", True, 3),
        ("2018-04-10", False, 0),
    ], summary(found)


def test_a_battle_after_which_a_town_was_taken_is_no_act_of_its_own(pipeline):
    # "سيطرت قوات النظام على بلدة صيدا بعد معارك مع الفصائل": with no time told between, the
    # battle after "بعد" is how the town was taken
    found = events(
        pipeline,
        "سيطرت قوات النظام أمس على بلدة صيدا في ريف درعا الشرقي بعد معارك مع الفصائل.",
        published=date(2018, 7, 6),
    )
    assert [e.sub_event_type for e in found] == ["Government regains territory"], summary(found)


def test_a_withdrawal_told_at_the_place_of_a_takeover_is_how_it_ended(pipeline):
    # "سيطرت فصائل جيش الفتح على مطار أبو الظهور ... عشرات الجنود انسحبوا من مطار أبو الظهور":
    # the soldiers' withdrawal ends the battle in which the base was taken: one event, the
    # takeover; alone, a withdrawal is a move of its own
    found = events(
        pipeline,
        "سيطرت فصائل جيش الفتح أمس على مطار أبو الظهور العسكري بريف إدلب الشرقي. وقال المرصد إن"
        " عشرات الجنود انسحبوا من مطار أبو الظهور.",
        published=date(2015, 9, 10),
    )
    assert [e.sub_event_type for e in found] == ["Non-state actor overtakes territory"], summary(
        found
    )
    found = events(
        pipeline, "انسحبت القوات الروسية من قاعدة حميميم اليوم.", published=date(2015, 9, 10)
    )
    assert [e.sub_event_type for e in found] == ["Change to group/activity"]


def test_a_withdrawal_years_ago_is_no_end_of_the_attack_told_now(pipeline):
    # "منذ انسحاب القوات الحكومية السورية منها عام 2012" and "الهجوم التركي على عفرين": the
    # withdrawal is background, the attack is the news talked about; the withdrawal is not made
    # a clash of 2012 by the attack it does not end
    found = events(
        pipeline,
        "وقد أدار الأكراد عفرين بشكل ذاتي منذ انسحاب القوات الحكومية السورية منها عام 2012."
        " ووصفت الحكومة السورية الهجوم التركي على عفرين بأنه اعتداء سافر.",
        published=date(2018, 2, 20),
    )
    assert [(e.sub_event_type, e.event_date[:4], e.historical) for e in found] == [
        ("Change to group/activity", "2012", True)
    ], summary(found)


def test_people_killed_by_gunmen_with_no_side_named_were_attacked(pipeline):
    # "قتل ثلاثة أشخاص برصاص مسلحين مجهولين": the dead are told as people and no side is named
    # as hit, so it is an attack on civilians, no clash; "ثلاثة عناصر من قوات النظام" stays one
    found = events(
        pipeline,
        "قتل ثلاثة أشخاص برصاص مسلحين مجهولين في مدينة حمص.",
        published=date(2025, 1, 25),
    )
    assert [(e.sub_event_type, e.actor2) for e in found] == [("Attack", "Civilians (Syria)")]
    found = events(
        pipeline,
        "قتل ثلاثة عناصر من قوات النظام برصاص مسلحين مجهولين في مدينة حمص.",
        published=date(2025, 1, 25),
    )
    assert [e.sub_event_type for e in found] == ["Armed clash"]


def test_an_attack_whose_tellings_name_the_people_hit_is_on_civilians(pipeline):
    # "شن عناصر التنظيم هجوما على قرية المتونة ... وقتل المهاجمون مدنيين اثنين": the attack
    # names no means; a later telling names its victims as civilians, so it was an attack on
    # them, not a clash with civilians
    found = events(
        pipeline,
        "شن عناصر التنظيم هجوما على قرية المتونة شمال السويداء فجر اليوم. وقتل المهاجمون مدنيين"
        " اثنين في قرية المتونة.",
        published=date(2018, 7, 26),
    )
    assert [(e.sub_event_type, e.actor2) for e in found] == [("Attack", "Civilians (Syria)")]
