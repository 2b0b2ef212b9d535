"""Whole sentences written the way Syrian outlets write them, each through the pipeline.

Each case names the Arabic phenomenon it covers; the expected values are the codebook's.
"""

from __future__ import annotations

from datetime import date

import pytest

STATE = "Military Forces of Syria (2000-2024)"
RUSSIA = "Military Forces of Russia (2000-)"
CIVILIANS = "Civilians (Syria)"

ISRAEL_2018 = "Military Forces of Israel (2009-2021)"
PUBLISHED = date(2021, 2, 14)


def only_event(pipeline, text, published=PUBLISHED):
    events = pipeline.extract(text, published=published)
    assert len(events) == 1, [(e.sub_event_type, e.location_en) for e in events]
    return events[0]


def test_other_side_after_ma_in_a_clash(pipeline):
    # "في اشتباكات مع قسد": the side after مع fought the victims
    event = only_event(
        pipeline, "قُتل عنصران من الجيش الوطني وأصيب آخرون في اشتباكات مع قسد على محور تل تمر."
    )
    assert (event.actor1, event.actor2) == ("SDF: Syrian Democratic Forces", "Syrian National Army")
    assert event.fatalities == 2


def test_neighbourhood_namesake_yields_to_the_named_town(pipeline):
    # "حي القصور بمدينة بانياس": the quarter of Banyas, not Damascus's namesake
    event = only_event(
        pipeline,
        "داهمت قوات الأمن العام منازل في حي القصور بمدينة بانياس واعتقلت عدداً من الشبان.",
        published=date(2025, 6, 14),
    )
    assert event.admin1 == "Tartous"
    assert event.sub_event_type == "Arrests"


def test_quarter_described_then_put_in_the_town_named_before(pipeline):
    # "حي الوسطى ذي الغالبية المسيحية بالمدينة": Qamishli's quarter, not Hasakah's namesake
    event = only_event(
        pipeline,
        "قتل 16 شخصاً في القامشلي في تفجيرات انتحارية استهدفت مطاعم في حي الوسطى ذي "
        "الغالبية المسيحية بالمدينة.",
    )
    assert (event.location, event.fatalities) == ("القامشلي", 16)


def test_claimed_with_an_object_pronoun_names_the_bomber(pipeline):
    # "تفجيرات انتحارية تبناها التنظيم": تبنى with the clitic ها, the claimant acted
    event = only_event(
        pipeline, "قتل 16 شخصاً في تفجيرات انتحارية تبناها تنظيم داعش في مدينة القامشلي."
    )
    assert (event.actor1, event.actor2) == ("Islamic State (Syria)", CIVILIANS)


def test_a_connective_with_a_demonstrative_opens_a_new_act(pipeline):
    # "إلى ذلك، اعتقل": ذلك after its preposition is no act pointed back to; the verb is news
    event = only_event(
        pipeline,
        "إلى ذلك، اعتقل فرع الأمن العسكري، أمس، ثلاثة شبان على حاجز عند مدخل مدينة إزرع.",
        published=date(2024, 3, 12),
    )
    assert (event.sub_event_type, event.location, event.event_date) == (
        "Arrests",
        "ازرع",
        "2024-03-11",
    )


def test_people_named_by_their_home_town_are_detained_where_the_checkpoint_is(pipeline):
    # "ثلاثة شبان من بلدة أبطع على حاجز عند مدخل مدينة إزرع": أبطع is where they are from
    event = only_event(
        pipeline,
        "اعتقلت قوات النظام أمس ثلاثة شبان من بلدة أبطع على حاجز عند مدخل مدينة إزرع.",
        published=date(2024, 3, 12),
    )
    assert event.location == "ازرع"


def test_the_men_of_a_checkpoint_right_after_the_verb_detained(pipeline):
    # "اعتقل عناصر حاجز لفرع المخابرات الجوية": the checkpoint's men are the subject
    event = only_event(
        pipeline,
        "اعتقل عناصر حاجز لفرع المخابرات الجوية عند مدخل مدينة الصنمين أربعة شبان من أبناء "
        "المدينة.",
        published=date(2020, 11, 9),
    )
    assert (event.sub_event_type, event.actor1, event.actor2) == ("Arrests", STATE, CIVILIANS)


@pytest.mark.parametrize(
    "road",
    [
        "وفي ريف درعا الأوسط، انفجرت عبوة ناسفة بسيارة عسكرية على الطريق الواصل بين داعل وأبطع.",
        "انفجرت عبوة ناسفة بسيارة عسكرية على الطريق الواصل بين بلدتي داعل وأبطع.",
        "انفجرت عبوة ناسفة بسيارة عسكرية على الطريق بين داعل ومدينة أبطع.",
    ],
)
def test_a_road_between_two_towns_is_coded_to_the_first(pipeline, road):
    # a region framing the road, or the dual "بلدتي" lending its cue, hides no end of it
    event = only_event(pipeline, road, published=date(2024, 3, 12))
    assert event.location == "داعل"


def test_a_detainee_named_by_initials_keeps_the_sentence_whole(pipeline):
    # "القيادي السابق (ف.ح) في حي الحميدية": the stop of an initial ends no sentence
    event = only_event(
        pipeline,
        "ألقت إدارة الأمن العام القبض على القيادي السابق (ف.ح) في مدينة حمص.",
        published=date(2025, 4, 10),
    )
    assert (event.sub_event_type, event.location) == ("Arrests", "حمص")


@pytest.mark.parametrize(
    "gathering",
    [
        "وفي مدينة السويداء، تجمع المئات مساء السبت في ساحة الكرامة.",
        "وتجمع عشرات من أهالي الضحايا في حي التضامن، مساء أمس، مطالبين بمحاكمة علنية.",
    ],
)
def test_a_crowd_gathering_is_a_protest(pipeline, gathering):
    # "تجمع المئات"، "تجمع عشرات من": a crowd that gathers protests
    event = only_event(pipeline, gathering, published=date(2025, 3, 2))
    assert event.sub_event_type == "Peaceful protest"


def test_the_displaced_gathering_at_a_border_are_no_protest(pipeline):
    # "تجمع عشرات الآلاف عند الحدود": the displaced, not a crowd protesting
    text = "نزح أكثر من 120 ألفا، حيث تجمع عشرات الآلاف عند الحدود مع الأردن."
    assert pipeline.extract(text, published=date(2018, 6, 29)) == []


def test_a_governorate_security_directorate_after_the_fall_is_the_police(pipeline):
    # "مديرية أمن إدلب": the security directorate of the post-Assad state arrests
    event = only_event(
        pipeline,
        "أعلنت مديرية أمن إدلب القبض على أفراد عصابة متخصصة بالخطف والسلب في بلدة معرشورين.",
        published=date(2025, 4, 19),
    )
    assert (event.sub_event_type, event.actor1, event.location) == (
        "Arrests",
        "Police Forces of Syria (2024-)",
        "معرشورين",
    )


def test_a_security_campaign_is_a_change_of_activity(pipeline):
    event = only_event(
        pipeline,
        "حملة أمنية واسعة بدأتها إدارة الأمن العام يوم الخميس في ريف جبلة.",
        published=date(2025, 1, 31),
    )
    assert (event.sub_event_type, event.event_date) == ("Change to group/activity", "2025-01-30")


@pytest.mark.parametrize(
    "drone",
    [
        "استهدفت مسيّرة جراراً زراعياً في قرية السحارة بريف حلب الغربي",  # subject after the verb
        "وكانت مسيّرة مماثلة قد استهدفت جراراً زراعياً في قرية السحارة بريف حلب الغربي",
    ],
)
def test_a_drone_named_bare_that_strikes_is_a_drone_strike(pipeline, drone):
    # "مسيّرة" alone is also a march; striking, or "like one told before", it is a drone
    event = only_event(
        pipeline, drone + "، ما أدى إلى مقتل مزارعين اثنين.", published=date(2023, 11, 21)
    )
    assert (event.sub_event_type, event.actor2, event.fatalities) == (
        "Air/drone strike",
        CIVILIANS,
        2,
    )


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("وفي مدينة الباب، أحرق محتجون شاحنات تركية.", "Violent demonstration"),
        ("كما أغلق محتجون صباح اليوم مقر شعبة حزب البعث في مدينة شهبا.", "Peaceful protest"),
    ],
)
def test_what_protesters_do_names_the_protest(pipeline, text, sub_event_type):
    # "أحرق محتجون": setting fire is a riot; "أغلق محتجون": closing a building is a protest
    assert only_event(pipeline, text, published=date(2024, 7, 2)).sub_event_type == sub_event_type


def test_the_deal_a_period_runs_from_is_no_act_of_the_clause(pipeline):
    # "منذ توقيع اتفاق التسوية": the assassinations since the 2018 deal; the killing is news
    event = only_event(
        pipeline,
        "قُتل شاب، مساء أمس الأربعاء، برصاص مسلحين مجهولين في بلدة الحارة بريف درعا الشمالي، في "
        "حادثة جديدة تضاف إلى سلسلة الاغتيالات التي تشهدها المحافظة منذ توقيع اتفاق التسوية.",
        published=date(2022, 3, 17),
    )
    assert (event.sub_event_type, event.event_date) == ("Attack", "2022-03-16")


@pytest.mark.parametrize(
    "text",
    [
        "وكانت الهيئة قد دخلت أمس الأربعاء مدينة جنديرس دون قتال.",
        "سيطرت قوات النظام على بلدة الحراك دون مقاومة.",
    ],
)
def test_ground_taken_without_a_fight_is_a_non_violent_transfer(pipeline, text):
    # "دون قتال"، "دون مقاومة": however the ground was entered or taken, no battle was fought
    event = only_event(pipeline, text, published=date(2022, 10, 13))
    assert event.sub_event_type == "Non-violent transfer of territory"


@pytest.mark.parametrize(
    "text",
    [
        "خرجت مظاهرات في مدينة الدانا، رفع المشاركون فيها شعارات، دون أن تسجل أي مواجهات.",
        "خرجت مظاهرات في مدينة الدانا دون وقوع مواجهات.",
    ],
)
def test_an_act_said_not_to_happen_after_without_is_none(pipeline, text):
    # "دون أن تسجل أي مواجهات": the protest is told, the clashes are not
    event = only_event(pipeline, text, published=date(2024, 5, 15))
    assert event.sub_event_type == "Peaceful protest"


def test_without_after_a_verb_of_preventing_negates_nothing(pipeline):
    # "لم يحل صدور القرار دون تواصل الاشتباكات": the resolution did not prevent the clashes
    event = only_event(
        pipeline,
        "لم يحل صدور القرار الدولي دون تواصل الاشتباكات بين القوات التركية ووحدات حماية الشعب في "
        "عفرين.",
        published=date(2018, 2, 25),
    )
    assert event.sub_event_type == "Armed clash"


def test_a_place_near_a_road_between_two_towns_is_the_acts(pipeline):
    # "على الطريق بين حمص ومصياف، قرب قرية عقرب": the road's ends give way to the village
    event = only_event(
        pipeline,
        "اختطف مجهولون سائق سيارة أجرة على الطريق بين حمص ومصياف، قرب قرية المختارية.",
        published=date(2025, 5, 26),
    )
    assert event.location == "المختارية"


def test_incursions_repelled_are_a_clash(pipeline):
    # "صدوا جميع محاولات التوغل": the plural past of صدّ, repelling, is a clash
    event = only_event(
        pipeline,
        "قال المتحدث باسم وحدات حماية الشعب إن مقاتليه صدوا جميع محاولات التوغل في قرية قورنة.",
        published=date(2018, 1, 22),
    )
    assert (event.sub_event_type, event.actor1) == ("Armed clash", "YPG: Peoples Protection Units")


def test_a_young_man_killed_by_unidentified_gunmen_is_a_civilian_attacked(pipeline):
    # "قتلوا ... شاباً": a young man, no side named for him, is a civilian
    event = only_event(
        pipeline,
        "وكان مسلحون مجهولون قد قتلوا، الشهر الماضي، شاباً من حي النزهة برصاصة في الرأس.",
        published=date(2025, 11, 20),
    )
    assert (event.sub_event_type, event.actor2, event.fatalities) == ("Attack", CIVILIANS, 1)


def test_strikes_after_the_clash_told_before_are_the_news_and_helicopters_take_their_side(pipeline):
    # "وعقب الاشتباك، شنت ... مروحيات إسرائيلية غارات": the fronted clash is background;
    # helicopters named by their side's adjective name who struck
    event = only_event(
        pipeline,
        "وعقب الاشتباك، شنت مروحيات إسرائيلية غارات على مزرعة بيت جن المجاورة.",
        published=date(2025, 11, 29),
    )
    assert (event.sub_event_type, event.actor1) == (
        "Air/drone strike",
        "Military Forces of Israel (2022-)",
    )


@pytest.mark.parametrize(
    ("text", "published", "sides"),
    [
        (
            "دخلت قوات تابعة لإدارة العمليات العسكرية إلى مدينة دير الزور، أمس الأربعاء، عقب "
            "انسحاب «قسد» منها.",
            date(2024, 12, 12),
            ("Military Forces of Syria (2024-)", "SDF: Syrian Democratic Forces"),
        ),
        (
            "دخلت قوات تابعة لإدارة العمليات العسكرية إلى مدينة دير الزور، أمس، بعد ساعات من "
            "انسحاب «قسد» من أحياء المدينة.",
            date(2024, 12, 12),
            ("Military Forces of Syria (2024-)", "SDF: Syrian Democratic Forces"),
        ),
        (
            "وتتقدم القوات الحكومية إلى بلدة النعيمة في درعا بعد انسحاب المعارضة منها.",
            date(2018, 7, 6),
            (STATE, "Opposition Rebels (Syria)"),
        ),
    ],
)
def test_ground_entered_after_the_other_side_left_is_a_non_violent_transfer(
    pipeline, text, published, sides
):
    # "عقب انسحاب قسد منها": the side that left is the one the town was taken from
    event = only_event(pipeline, text, published=published)
    assert event.sub_event_type == "Non-violent transfer of territory"
    assert (event.actor1, event.actor2) == sides


def test_a_crossing_named_after_a_village_is_at_the_village(pipeline):
    # "عبر معبر الغزاوية": an internal crossing the gazetteer lacks, named after its village
    event = only_event(
        pipeline,
        "أفاد ناشطون بدخول رتل عسكري لهيئة تحرير الشام، مساء أمس، عبر معبر الغزاوية.",
        published=date(2022, 6, 19),
    )
    assert (event.sub_event_type, event.admin1) == ("Change to group/activity", "Aleppo")
    assert round(event.latitude, 1) == 36.4


def test_a_village_named_with_its_crossings_longer_name_is_the_village(pipeline):
    # "قرية عون الدادات": the village OCHA names دادات, north of Manbij (curated.tsv alias)
    event = only_event(
        pipeline,
        "قصفت القوات التركية صباح اليوم بالمدفعية الثقيلة قرية عون الدادات شمال مدينة منبج.",
        published=date(2024, 4, 18),
    )
    assert (event.location, event.admin1) == ("دادات", "Aleppo")


def test_neighbourhood_in_its_city_is_one_place(pipeline):
    event = only_event(pipeline, "سقطت قذائف هاون على حي باب توما في دمشق صباح اليوم.")
    assert event.location_en == "Bab Touma"
    assert (event.event_date, event.time_precision) == ("2021-02-14", 1)


def test_a_strike_told_only_by_its_interception_is_the_strike(pipeline):
    # "تصدت الدفاعات الجوية لعدوان إسرائيلي": the strike met is the act; the air defences'
    # side is the one struck
    event = only_event(
        pipeline,
        "قالت دمشق إن دفاعاتها الجوية تصدت لعدوان إسرائيلي استهدف مطار التيفور العسكري.",
        published=date(2018, 7, 9),
    )
    assert (event.event_type, event.actor1, event.actor2) == (
        "Explosions/Remote violence",
        ISRAEL_2018,
        STATE,
    )


def test_air_defences_intercepting_a_drone_is_disrupted_weapons_use(pipeline):
    event = only_event(
        pipeline, "أسقطت الدفاعات الجوية طائرة مسيرة قرب قاعدة حميميم في ريف اللاذقية."
    )
    assert event.sub_event_type == "Disrupted weapons use"


def test_execution_counts_its_dead(pipeline):
    event = only_event(pipeline, "أعدم تنظيم داعش شابين بتهمة التعامل مع التحالف في بلدة هجين.")
    assert (event.actor1, event.actor2) == ("Islamic State (Syria)", "Civilians (Syria)")
    assert event.fatalities == 2


def test_protest_with_intervention_puts_protesters_first(pipeline):
    event = only_event(
        pipeline,
        "تظاهر المئات في مدينة إدلب ضد هيئة تحرير الشام، وقامت عناصر الهيئة بتفريق المتظاهرين.",
    )
    assert event.sub_event_type == "Protest with intervention"
    assert event.actor1 == "Protesters (Syria)"
    assert event.geo_precision == 1  # "مدينة إدلب" is the town, not its district


def test_last_weekday_resolves_before_publication(pipeline):
    # "الخميس الفائت" published on Sunday 14 February 2021 → Thursday 11 February
    event = only_event(pipeline, "قُتل عنصر من قوات النظام الخميس الفائت بانفجار لغم في بادية تدمر.")
    assert (event.event_date, event.time_precision) == ("2021-02-11", 1)
    assert event.sub_event_type == "Remote explosive/landmine/IED"


def test_syrian_and_gregorian_month_pair(pipeline):
    event = only_event(pipeline, "قصفت المدفعية التركية قرى في ريف تل تمر في 12 شباط/فبراير 2021.")
    assert (event.event_date, event.time_precision) == ("2021-02-12", 1)
    assert event.actor1 == "Military Forces of Turkey (2016-)"


def test_verb_first_subject_is_actor1(pipeline):
    # VSO: "استهدفت قوات النظام بقذائف المدفعية بلدة كفرنبل"
    event = only_event(
        pipeline,
        "استهدفت قوات النظام بقذائف المدفعية بلدة كفرنبل بريف إدلب، ما أدى لمقتل مدنيين اثنين.",
    )
    assert (event.actor1, event.actor2, event.fatalities) == (STATE, "Civilians (Syria)", 2)


@pytest.mark.parametrize(
    "text",
    [
        "انفجار في حي الكرادة ببغداد أدى إلى مقتل خمسة أشخاص، بحسب الشرطة العراقية في بغداد.",
        "تحطمت طائرة نقل عند الهبوط في قاعدة حميميم ما أدى إلى مقتل 39 شخصاً.",
    ],
)
def test_reports_that_are_not_syrian_political_violence_give_no_event(pipeline, text):
    # another country's conflict; an accident
    assert pipeline.extract(text, published=PUBLISHED) == []


def test_headline_only_report_is_coded(pipeline):
    # a title-only document (a headline with no body that repeats it) still gives its event
    from rasad.model import Document

    text = "مقتل ثلاثة عناصر من قوات النظام بهجوم لتنظيم داعش في بادية الميادين"
    doc = pipeline(Document(id="t", text=text, title=text, published=PUBLISHED))
    assert [(e.sub_event_type, e.fatalities, e.admin1) for e in doc.events] == [
        ("Armed clash", 3, "Deir-ez-Zor")
    ]


def test_assassinated_commander_counts_one(pipeline):
    # "اغتيل القيادي": a passive verb and a singular person noun: one death
    event = only_event(
        pipeline,
        "اغتيل القيادي السابق في فصائل المعارضة أبو محمد الحوراني برصاص مجهولين قرب مدينة نوى.",
    )
    assert event.fatalities == 1
    assert event.geo_precision == 2  # "قرب مدينة نوى": near the town


def test_death_noun_with_pronoun_counts_one(pipeline):
    # "ما أدى لمقتله": his death
    event = only_event(
        pipeline,
        "شنت طائرات التحالف الدولي غارة جوية استهدفت قيادياً في تنظيم حراس الدين بريف إدلب، ما أدى لمقتله.",
    )
    assert (event.sub_event_type, event.fatalities) == ("Air/drone strike", 1)


def test_road_between_two_towns_is_one_place(pipeline):
    event = only_event(
        pipeline, "انفجرت عبوة ناسفة بسيارة عسكرية على طريق دمشق درعا الدولي دون وقوع إصابات."
    )
    assert event.sub_event_type == "Remote explosive/landmine/IED"


def test_split_death_phrase_counts_the_victims_between(pipeline):
    # "لقي أكثر من 5 عناصر ... مصرعهم": the victims stand inside the phrase
    event = only_event(
        pipeline, "لقي أكثر من 5 عناصر من قوات النظام مصرعهم بهجوم في بادية الميادين."
    )
    assert (event.fatalities, event.actor2) == (5, STATE)


def test_gunmen_of_a_named_group_are_that_group(pipeline):
    # "مسلحون من تنظيم داعش": not unidentified
    event = only_event(pipeline, "هاجم مسلحون من تنظيم داعش حاجزاً لقوات النظام في بلدة ذيبان.")
    assert (event.actor1, event.actor2) == ("Islamic State (Syria)", STATE)


def test_accusative_tanwin_on_the_victim_after_an_active_verb(pipeline):
    # "شاباً" is "شاب" with the accusative tanwin written as alef: the one who was killed
    event = only_event(pipeline, "اغتال مسلحون مجهولون شاباً في بلدة ذيبان بريف دير الزور.")
    assert (event.actor1, event.actor2) == ("Unidentified Armed Group (Syria)", "Civilians (Syria)")
    assert event.sub_event_type == "Attack"
    assert event.fatalities == 1


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("قتل مسلحون مجهولون رجلاً وزوجته في بلدة الطيانة.", 2),  # subject, then the killed
        ("قتل مسلحون ملثمون طفلاً في مدينة الباب.", 1),
    ],
)
def test_a_bare_plural_subject_is_the_killers_and_the_object_the_killed(pipeline, text, count):
    event = only_event(pipeline, text)
    assert (event.actor1, event.actor2) == ("Unidentified Armed Group (Syria)", "Civilians (Syria)")
    assert event.sub_event_type == "Attack"
    assert event.fatalities == count


def test_a_bare_plural_with_no_object_after_it_are_the_dead(pipeline):
    # passive reading: "قُتل مسلحون في اشتباكات" (gunmen were killed)
    event = only_event(pipeline, "قتل مسلحون في اشتباكات مع قوات النظام في بلدة نوى.")
    assert event.sub_event_type == "Armed clash"
    assert event.fatalities == 2


def test_two_words_naming_one_side_in_a_row_are_one_name(pipeline):
    # "مسلحون ملثمون": masked gunmen, one side, not two
    event = only_event(pipeline, "اختطف مسلحون ملثمون ناشطاً في مدينة الباب.")
    assert (event.actor1, event.actor2) == ("Unidentified Armed Group (Syria)", "Civilians (Syria)")


@pytest.mark.parametrize(
    "text",
    [
        "نفت وزارة الدفاع الروسية وقوع أي غارات على مدينة إدلب يوم أمس.",  # "وقوع أي": denied
        "أكدت مصادر محلية عدم وجود أي اشتباكات في مدينة الميادين.",
        "قالت مصادر إنه لا صحة للأنباء عن اشتباكات في مدينة الميادين.",
    ],
)
def test_a_denied_act_is_not_coded(pipeline, text):
    assert pipeline.extract(text, published=PUBLISHED) == []


def test_a_denied_loss_leaves_the_act_told_before_it(pipeline):
    # the denial covers what follows it in its clause, not the shelling told first
    event = only_event(
        pipeline, "قصفت قوات النظام بلدة سرمين، فيما نفى مصدر عسكري وقوع أي خسائر في صفوف قواته."
    )
    assert event.sub_event_type == "Shelling/artillery/missile attack"


def test_what_a_strike_answers_is_background(pipeline):
    # "رداً على": the attack answered happened before; its dead are its own, not the shelling's
    events = pipeline.extract(
        "قصفت قوات النظام بلدة سرمين رداً على مقتل عنصرين من قواتها بهجوم للفصائل.",
        published=PUBLISHED,
    )
    news = [e for e in events if not e.historical]
    background = [e for e in events if e.historical]
    assert [(e.sub_event_type, e.fatalities) for e in news] == [
        ("Shelling/artillery/missile attack", 0)
    ]
    assert [(e.sub_event_type, e.fatalities) for e in background] == [("Armed clash", 2)]


def test_the_grievance_of_a_protest_is_background(pipeline):
    # "احتجاجاً على اعتقال ناشط": the arrest is told as the reason, not as news
    events = pipeline.extract(
        "خرج العشرات من أهالي مدينة السويداء في مظاهرة احتجاجاً على اعتقال ناشط.",
        published=PUBLISHED,
    )
    assert (events[0].sub_event_type, events[0].historical) == ("Peaceful protest", False)
    assert all(e.historical for e in events[1:])


def test_a_shared_subject_arrests_the_civilians_after_its_second_verb(pipeline):
    # "توغلت قوات ... واعتقلت شابين": the force named before both verbs made the arrest
    event = only_event(
        pipeline,
        "توغلت قوات الاحتلال الإسرائيلي في قرية جملة بريف درعا الغربي واعتقلت شابين.",
        published=date(2025, 3, 10),
    )
    assert event.actor1 == "Military Forces of Israel (2022-)"
    assert event.actor2 == "Civilians (Syria)"


def test_men_of_a_side_wounded_make_it_the_target(pipeline):
    # "أصيب عنصران من قسد": passive, the side named after it was hit
    event = only_event(
        pipeline, "أصيب عنصران من قسد بجروح جراء انفجار عبوة ناسفة بسيارتهما في بلدة الصور."
    )
    assert event.actor2 == "SDF: Syrian Democratic Forces"
    assert event.fatalities == 0


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        # VSO: the subject stands between the verb and its object, so the object names the act
        ("ألقت قوات الأمن العام القبض على ثلاثة أشخاص في مدينة حمص.", "Arrests"),
        ("أطلق عناصر حاجز للفرقة الرابعة النار على سيارة مدنية قرب بلدة المزيريب.", "Attack"),
    ],
)
def test_the_object_of_a_verb_first_sentence_names_the_act(pipeline, text, sub_event_type):
    event = only_event(pipeline, text, published=date(2025, 3, 10))
    assert event.sub_event_type == sub_event_type


def test_one_of_them_with_its_pronoun_counts_one(pipeline):
    # "مقتل أحدهم": one of the men in the car
    event = only_event(
        pipeline,
        "استهدف مجهولون بالرصاص سيارة تقل عناصر من قسد في بلدة الشحيل، ما أدى لمقتل أحدهم.",
    )
    assert event.fatalities == 1
    assert event.actor2 == "SDF: Syrian Democratic Forces"


def test_a_military_convoy_moving_in_is_a_change_to_group_activity(pipeline):
    event = only_event(pipeline, "دخل رتل عسكري تركي مؤلف من 30 آلية إلى بلدة تفتناز.")
    assert event.sub_event_type == "Change to group/activity"


def test_a_quarter_whose_namesake_lies_elsewhere_gives_way_to_its_town(pipeline):
    # "حي الأشرفية في مدينة حلب": the gazetteer's Ashrafiya is a village in Homs
    event = only_event(pipeline, "سقطت قذيفة صاروخية على حي الأشرفية في مدينة حلب.")
    assert event.admin1 == "Aleppo"


def test_a_quarter_put_in_the_town_named_before_is_that_towns(pipeline):
    # "مستشفى إدلب ... بمنطقة القصور وسط المدينة": "المدينة" is Idlib, so the quarter is not
    # Damascus's namesake; "القصر العدلي" is the courthouse, no village: one blast, all its dead
    event = only_event(
        pipeline,
        "لقي 7 أشخاص مصرعهم وأصيب 20 آخرون، السبت، من جراء انفجار استهدف مستشفى إدلب "
        "والقصر العدلي بمنطقة القصور وسط المدينة الواقعة شمالي سوريا.",
        published=date(2018, 5, 12),
    )
    assert (event.admin1, event.fatalities) == ("Idleb", 7)


def test_a_quarter_around_a_town_keeps_its_own_place(pipeline):
    # "حي الحجر الأسود جنوب دمشق": south of the city, not inside it
    event = only_event(pipeline, "سيطرت فصائل المعارضة على حي الحجر الأسود جنوب دمشق.")
    assert event.location_en == "Hajar Aswad"


def test_a_relative_clause_of_control_tells_no_takeover(pipeline):
    # "التي سيطرت عليها": who holds the town, not an act
    assert pipeline.extract("البلدة التي سيطرت عليها فصائل المعارضة في ريف حماة.") == []


def test_qada_with_its_victim_after_it_counts_one(pipeline):
    # "قضى شاب": the verb first, the one who died after it
    event = only_event(pipeline, "قضى شاب بانفجار عبوة ناسفة في مدينة درعا.")
    assert event.fatalities == 1


def test_a_rising_toll_of_one_act_is_that_act_not_a_tally(pipeline):
    # "ارتفعت حصيلة ضحايا التفجير ... إلى 12 قتيلاً": the bombing, with its latest toll
    event = only_event(
        pipeline, "ارتفعت حصيلة ضحايا التفجير الذي ضرب مدينة أعزاز أمس إلى 12 قتيلاً."
    )
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert event.fatalities == 12
    assert event.event_date == "2021-02-13"


def test_a_toll_since_the_start_of_the_year_is_still_a_tally(pipeline):
    assert pipeline.extract("بلغت حصيلة القتلى منذ بداية العام في درعا 300 شخص.") == []


def test_tribal_and_druze_fighters_in_a_clash_between_them(pipeline):
    event = only_event(
        pipeline,
        "اندلعت اشتباكات بين مسلحين من العشائر البدوية وفصائل محلية درزية في مدينة السويداء.",
        published=date(2025, 7, 20),
    )
    assert (event.actor1, event.actor2) == (
        "Bedouin Ethnic Militia (Syria)",
        "Druze Ethnic Militia (Syria)",
    )


def test_the_verb_of_an_explosion_names_it(pipeline):
    # "انفجر مستودع للذخيرة": the verb, not only the masdar "انفجار"
    event = only_event(pipeline, "انفجر مستودع للذخيرة في مدينة إدلب ما أدى إلى مقتل شخصين.")
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert event.fatalities == 2


@pytest.mark.parametrize(
    "text",
    [
        "قصفت الطائرات الروسية بلدة كفرنبل جنوب إدلب.",  # aircraft inside the side's name
        "استهدفت طائرات روسية مواقع في بادية المسرب غربي دير الزور.",
    ],
)
def test_a_bombardment_by_aircraft_is_an_air_strike(pipeline, text):
    event = only_event(pipeline, text)
    assert event.sub_event_type == "Air/drone strike"
    assert event.actor1 == "Military Forces of Russia (2000-)"


def test_a_bombardment_with_no_aircraft_is_shelling(pipeline):
    event = only_event(pipeline, "قصفت قوات النظام بلدة كفرنبل جنوب إدلب.")
    assert event.sub_event_type == "Shelling/artillery/missile attack"


REPORT_WITH_FOLLOW_UPS = """قُتل خمسة مدنيين جراء قصف صاروخي لقوات النظام استهدف مدينة سرمين شرقي إدلب، صباح اليوم.

وذكر "الدفاع المدني السوري" أن فرقه انتشلت جثث الضحايا من تحت الأنقاض.

كما طال القصف بلدتي آفس والنيرب المجاورتين، دون ورود أنباء عن إصابات.

ويشهد شمال غربي سوريا تصعيدًا عسكريًا منذ أيام، قُتل خلاله أكثر من 40 مدنيًا."""


def test_follow_ups_of_one_bombardment(pipeline):
    # the bodies of "the victims" are the dead already told; "القصف" (definite) is the same
    # shelling reaching two more villages; an escalation "منذ أيام" is a period, not an act
    events = pipeline.extract(REPORT_WITH_FOLLOW_UPS, published=date(2023, 10, 7))
    assert [(e.location_en, e.fatalities) for e in events] == [
        ("Sarmin", 5),
        ("Afs", 0),
        ("Nayrab", 0),
    ]
    assert {e.actor1 for e in events} == {STATE}
    assert {(e.event_date, e.time_precision) for e in events} == {("2023-10-07", 1)}


def test_a_death_under_torture_is_an_attack_not_the_arrest(pipeline):
    # "توفي معتقل تحت التعذيب ... بعد اعتقاله": the arrest is told only as its cause
    event = only_event(pipeline, "توفي معتقل تحت التعذيب في سجن صيدنايا بعد اعتقاله منذ عام 2013.")
    assert (event.sub_event_type, event.actor2, event.fatalities) == (
        "Attack",
        "Civilians (Syria)",
        1,
    )


def test_angry_young_men_setting_fire_are_rioters(pipeline):
    event = only_event(
        pipeline,
        "هاجمت مجموعة من الشبان الغاضبين مقر حزب البعث في مدينة السويداء وأضرموا النار فيه.",
    )
    assert (event.sub_event_type, event.actor1) == ("Violent demonstration", "Rioters (Syria)")


def test_a_direction_ending_a_longer_name_frames_the_next_place(pipeline):
    # "مدينة الباب شرقي حلب": al-Bab east of Aleppo, not Damascus's "باب شرقي"
    event = only_event(pipeline, "قصفت قوات النظام مدينة الباب شرقي حلب.")
    assert (event.location_en, event.admin1) == ("Al Bab", "Aleppo")


def test_a_drone_named_by_its_side_is_an_air_strike(pipeline):
    event = only_event(pipeline, "استهدفت مسيرة تركية سيارة في قرية خربة عمو بريف القامشلي.")
    assert (event.sub_event_type, event.actor1) == (
        "Air/drone strike",
        "Military Forces of Turkey (2016-)",
    )


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        # the indefinite accusative is written with an alef: "هجوماً", "قصفاً مدفعياً"
        ("شنت فرقة العمشات هجوماً على قرية في ريف عفرين.", "Armed clash"),
        ("شنت قوات النظام قصفاً مدفعياً على بلدة سرمين.", "Shelling/artillery/missile attack"),
    ],
)
def test_triggers_in_the_accusative(pipeline, text, sub_event_type):
    assert only_event(pipeline, text).sub_event_type == sub_event_type


def test_the_sides_of_a_clash_keep_the_order_of_the_text(pipeline):
    # "اشتبك عناصر من X مع Y": X's men fought, they are not the side acted upon
    event = only_event(
        pipeline,
        "اشتبك عناصر من إدارة العمليات العسكرية مع مجموعة مسلحة في ريف حماة الغربي.",
        published=date(2025, 5, 10),
    )
    assert (event.actor1, event.actor2) == (
        "Military Forces of Syria (2024-)",
        "Unidentified Armed Group (Syria)",
    )


@pytest.mark.parametrize(
    ("text", "sub_event_type", "location"),
    [
        # a channel post with no verb: a place and a means or damage noun make the event
        ("درعا غارية شرقية آثار القصف بالطيران الروسي", "Air/drone strike", "درعا"),
        ("انفجار في مدينة الباب", "Remote explosive/landmine/IED", "الباب"),
        ("دمار في حي الصاخور بحلب جراء القصف", "Shelling/artillery/missile attack", "حي الصاخور"),
        # a dateline ("إدلب:") labels the region; the village is the place
        ("إدلب: غارة جوية على بلدة سرمين", "Air/drone strike", "سرمين"),
        ("ريف حماة: قصف مدفعي على كفرزيتا", "Shelling/artillery/missile attack", "كفر زيتا"),
    ],
)
def test_telegraphic_title_without_a_verb(pipeline, text, sub_event_type, location):
    event = only_event(pipeline, text, published=date(2018, 4, 9))
    assert (event.sub_event_type, event.location) == (sub_event_type, location)


def test_massacre_by_aircraft_is_an_air_strike(pipeline):
    # "مجزرة نفذها طيران النظام": a massacre is an attack; aircraft of any side are its means
    event = only_event(pipeline, "شهدت مدينة إدلب مجزرة نفذها طيران النظام الحربي.")
    assert (event.sub_event_type, event.actor1) == ("Air/drone strike", STATE)


def test_dual_of_governorate_names_both(pipeline):
    # "محافظتا إدلب وحلب": the dual cue before two governorates
    events = pipeline.extract(
        "شهدت محافظتا إدلب وحلب مجزرتين نفذهما طيران النظام.", published=date(2015, 7, 18)
    )
    assert sorted(e.admin1 for e in events) == ["Aleppo", "Idleb"]


def test_withdrawing_from_an_agreement_is_no_move_of_forces(pipeline):
    # "انسحاب بلاده من الاتفاق النووي": diplomacy, not a redeployment
    assert (
        pipeline.extract(
            "أعلن ترامب انسحاب بلاده من الاتفاق النووي بالتزامن مع توتر في الجولان.",
            published=date(2018, 5, 9),
        )
        == []
    )


def test_move_as_the_purpose_of_another_is_not_made(pipeline):
    # "للضغط على جيش الإسلام للانسحاب من دوما": لـ with a verbal noun names a purpose
    events = pipeline.extract(
        "وسط ضغوط من دمشق على جيش الإسلام للانسحاب من مدينة دوما.", published=date(2018, 4, 7)
    )
    assert "Change to group/activity" not in [e.sub_event_type for e in events]


def test_date_written_like_a_quarter_name_is_a_date(pipeline):
    # "في السابع من نيسان": a day, not Latakia's quarter "حي السابع من نيسان"
    events = pipeline.extract(
        "قصفت قوات النظام مدينة دوما في السابع من نيسان.", published=date(2018, 4, 9)
    )
    assert [(e.location, e.event_date) for e in events] == [("دوما", "2018-04-07")]


def test_missile_strike_noun_is_a_strike(pipeline):
    # "ضربات صاروخية": a strike with no verb of its own; aircraft in the clause make it an air strike
    events = pipeline.extract(
        "استهدفت ضربات صاروخية مطار الشعيرات فجر اليوم.", published=date(2018, 4, 9)
    )
    assert [e.sub_event_type for e in events] == ["Shelling/artillery/missile attack"]
    events = pipeline.extract(
        "نفذت طائرات إسرائيلية ضربات على مطار الشعيرات فجر اليوم.", published=date(2018, 4, 9)
    )
    assert [e.sub_event_type for e in events] == ["Air/drone strike"]


def test_hospital_of_the_medical_source_is_not_the_place_of_the_strike(pipeline):
    # "قالت مصادر طبية في مشفى حمص": where the medics are, not where the strike was
    event = only_event(
        pipeline,
        "قالت مصادر طبية في مشفى حمص المركزي إن 21 عسكرياً قتلوا خلال القصف الجوي الإسرائيلي "
        "على مطار الضبعة العسكري في ريف حمص.",
        published=date(2018, 5, 26),
    )
    assert (event.location, event.fatalities) == ("مطار الضبعة", 21)


def test_a_namesake_framed_by_a_place_abroad_is_abroad(pipeline):
    # "في منطقة التل بمدينة طرابلس شمالي لبنان": Tripoli's quarter, not the Syrian town التل
    text = (
        "قتل عنصر من الجيش اللبناني متاثرا بجراحه، إثر اشتباكات مع مسلحين وقعت في منطقة التل "
        "بمدينة طرابلس شمالي لبنان، الثلاثاء"
    )
    assert pipeline.extract(text, published=date(2018, 5, 22)) == []
    text = "قتل عنصران من قوات النظام في اشتباكات في بلدة التل بريف دمشق قرب الحدود مع لبنان"
    assert [e.location for e in pipeline.extract(text, published=date(2018, 5, 22))] == ["التل"]


def test_governorates_a_border_runs_between_frame_the_place(pipeline):
    # "على الحدود الإدارية الفاصلة بين محافظات إدلب وحماة واللاذقية": where the district lies,
    # not three more places struck
    text = (
        "وذكر المرصد أن قصفا بالمدفعية استهدف مناطق عدة في منطقة جسر الشغور، على الحدود "
        "الإدارية الفاصلة بين محافظات إدلب وحماة (وسط) واللاذقية (غرب)"
    )
    found = pipeline.extract(text, published=date(2018, 8, 9))
    assert [e.admin1 for e in found] == ["Idleb"]


def test_the_ghab_plain_is_a_region_of_hama(pipeline):
    [event] = pipeline.extract(
        "قصفت قوات النظام قرى في سهل الغاب بريف حماة الغربي", published=date(2018, 8, 9)
    )
    assert (event.location, event.admin1) == ("سهل الغاب", "Hama")


def test_after_an_that_the_subject_comes_first_and_the_side_after_the_verb_is_hit(pipeline):
    # "أن الجيش استهدف تجمعات لجبهة النصرة": SVO after "أن"; Nusra's gatherings were struck
    [event] = pipeline.extract(
        "وقالت الصحيفة أن الجيش استهدف تجمعات لجبهة النصرة في ريف حماة الشمالي",
        published=date(2018, 8, 9),
    )
    assert event.actor2 == "Hayat Tahrir al Sham"


def test_deaths_in_an_accident_are_no_political_violence(pipeline):
    # "عندما انقلب قطار": a train overturned; the dead are no act of war
    text = "لقي 7 أشخاص مصرعهم وأصيب العشرات بجروح عندما انقلب قطار قرب مدينة القنيطرة"
    assert pipeline.extract(text, published=date(2018, 10, 16)) == []


def test_the_place_of_what_a_source_reports_is_the_acts(pipeline):
    # "أفادت تقارير بتعرض مدينة دوما": "بتعرض" opens what is reported, so the town after it is
    # where the act was, not where the source is
    event = only_event(
        pipeline, "وأفادت تقارير بتعرض مدينة دوما إلى قصف مدفعي.", published=date(2018, 4, 9)
    )
    assert event.location == "دوما"


@pytest.mark.parametrize(
    "text",
    [
        "قال مصدر إن مطار التيفور تعرض لقصف صاروخي.",
        "وذكرت سانا أن مطار التيفور استهدف بعدة صواريخ.",
        "قالت المصادر بأن مطار التيفور استهدف بعدة صواريخ.",
    ],
)
def test_the_place_right_after_a_sources_an_is_what_it_reports(pipeline, text):
    # "قال مصدر إن مطار التيفور": "إن" opens what the source said, and the place standing first
    # in it is where the act was, not where the source is
    event = only_event(pipeline, text, published=date(2018, 4, 9))
    assert event.location == "مطار التيفور"


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        # "اتهم X بتنفيذه": the accused of an act is coded as a suspected author (codebook)
        ("ردا على هجوم كيماوي مفترض اتهم النظام السوري بتنفيذه في دوما.", STATE),
        ("وتعرضت قاعدة التيفور لغارات اتهمت دمشق إسرائيل بتنفيذها.", ISRAEL_2018),
        # VSO: of two names after the verb of accusing the first accuses, the second is accused
        (
            "واتهم الجيشان الروسي والسوري طائرات حربية إسرائيلية بتنفيذ ضربات على قاعدة تيفور.",
            ISRAEL_2018,
        ),
        ("واتهم الجيش السوري إسرائيل بتنفيذ غارات على مطار الضبعة العسكري.", ISRAEL_2018),
    ],
)
def test_accused_of_an_act_is_its_suspected_author(pipeline, text, actor1):
    event = only_event(pipeline, text, published=date(2018, 4, 14))
    assert event.actor1 == actor1
    assert "(suspected)" in event.notes


@pytest.mark.parametrize(
    ("text", "actor1", "ally"),
    [
        # coordinated adjectives of one noun: "القوات السورية والروسية" are two armies
        ("قصفت القوات السورية والروسية بلدة حمورية، ما أسفر عن مقتل 12 مدنيا.", STATE, RUSSIA),
        ("قتل 4 مدنيين في قصف للطيران الحربي الروسي والسوري على بلدة كفربطنا.", RUSSIA, STATE),
        # two names of one camp joined by "و" before the object and the civilians killed
        (
            "قصفت القوات السورية والقوات الروسية بلدة حمورية، ما أسفر عن مقتل 12 مدنيا.",
            STATE,
            RUSSIA,
        ),
    ],
)
def test_sides_joined_by_wa_act_together(pipeline, text, actor1, ally):
    event = only_event(pipeline, text, published=date(2018, 3, 10))
    assert (event.actor1, event.assoc_actor_1, event.actor2) == (actor1, ally, CIVILIANS)


def test_sides_joined_by_wa_accuse_together(pipeline):
    text = "واتهمت القوات السورية والروسية طائرات إسرائيلية بقصف مطار التيفور."
    event = only_event(pipeline, text, published=date(2018, 4, 9))
    assert (event.actor1, event.assoc_actor_1) == (ISRAEL_2018, None)


def test_sides_told_apart_by_min_jiha_in_a_clash(pipeline):
    # "بين X و Y من جهة، و Z من جهة أخرى": the allies of the first side are not the second
    event = only_event(
        pipeline,
        "تدور اشتباكات عنيفة بين قوات النظام وحزب الله اللبناني من جهة، والفصائل المقاتلة من "
        "جهة أخرى في أطراف حي جوبر.",
        published=date(2015, 7, 20),
    )
    assert (event.actor1, event.actor2) == (STATE, "Opposition Rebels (Syria)")


def test_each_place_keeps_the_toll_told_before_it(pipeline):
    # "سقط 20 قتيلا في X، كما سقط 6 قتلى في Y": tolls by place, not one total divided
    found = pipeline.extract(
        "قصف الطيران الحربي بلدات ريف إدلب، وسقط 20 قتيلا في بلدة معرة مصرين، كما سقط 6 قتلى "
        "بينهم 4 أطفال في بلدة دارة عزة.",
        published=date(2015, 7, 18),
    )
    assert sorted((e.location_en, e.fatalities) for e in found if e.fatalities) == [
        ("Daret Azza", 6),
        ("Ma'arrat Tamasrin", 20),
    ]


def test_fighting_that_goes_on_is_not_the_deaths_told_beside_it(pipeline):
    # "مع استمرار المعارك": a circumstance told alongside; the deaths keep the strike's type
    found = pipeline.extract(
        "شن طيران النظام غارات على محافظة إدلب. وسقط 20 قتيلا في بلدة معرة مصرين، مع استمرار "
        "المعارك في محيط بلدة الفوعة.",
        published=date(2015, 7, 18),
    )
    told = {e.location_en: e.sub_event_type for e in found}
    assert told["Ma'arrat Tamasrin"] == "Air/drone strike"


def test_rockets_at_the_occupied_golan_are_no_act_in_syria(pipeline):
    # "هضبة الجولان المحتلة": the land Israel holds; the strike in Syria is still told
    found = pipeline.extract(
        "قصفت إسرائيل مواقع في ريف القنيطرة ردا على إطلاق صواريخ ضد مواقع في هضبة الجولان المحتلة.",
        published=date(2018, 5, 10),
    )
    assert [e.admin1 for e in found] == ["Quneitra"]


@pytest.mark.parametrize(
    ("text", "actor2"),
    [
        # the dead of a strike told as people, with no target named: civilians (ACLED)
        ("قال المرصد إن ضربات جوية على مدينة زملكا قتلت 30 شخصا على الأقل.", "Civilians (Syria)"),
        ("أسفرت غارات جوية على بلدة عربين عن مقتل 8 مدنيين.", "Civilians (Syria)"),
        # a target named stays; fighters killed are not civilians
        ("قتلت غارات جوية 5 عناصر من تنظيم داعش في مدينة الميادين.", "Islamic State (Syria)"),
    ],
)
def test_people_killed_by_a_strike_with_no_target_are_civilians(pipeline, text, actor2):
    assert only_event(pipeline, text, published=date(2018, 3, 17)).actor2 == actor2


def test_chemical_weapons_with_no_target_told_hit_civilians(pipeline):
    event = only_event(pipeline, "ووقع هجوم كيماوي على مدينة دوما.", published=date(2018, 4, 8))
    assert event.actor2 == "Civilians (Syria)"
    assert event.civilian_targeting


@pytest.mark.parametrize(
    ("text", "actor2"),
    [
        # an Israeli strike whose target goes untold hits the state's forces of the day
        ("شنت طائرات إسرائيلية غارات على محيط مدينة الكسوة جنوب دمشق.", STATE),
        # a target told stays
        ("شنت طائرات إسرائيلية غارات على مواقع لحزب الله قرب القصير.", "Hezbollah"),
    ],
)
def test_untold_target_of_a_foreign_strike_is_the_side_it_strikes(pipeline, text, actor2):
    assert only_event(pipeline, text, published=date(2018, 5, 10)).actor2 == actor2


@pytest.mark.parametrize(
    ("text", "sub_event_type", "actor2"),
    [
        # a weapon that strikes is the means of a generic attack
        (
            "استهدفت الصواريخ مواقع لقوات النظام في ريف حماة.",
            "Shelling/artillery/missile attack",
            STATE,
        ),
        ("هجوم صاروخي على مطار الشعيرات.", "Shelling/artillery/missile attack", None),
        # aircraft as the subject: the positions after them are the target, not the side
        ("قصفت الطائرات مواقع لقوات النظام في ريف حماة.", "Air/drone strike", STATE),
    ],
)
def test_weapon_or_aircraft_as_subject_of_an_attack(pipeline, text, sub_event_type, actor2):
    event = only_event(pipeline, text, published=date(2018, 4, 14))
    assert (event.sub_event_type, event.actor2) == (sub_event_type, actor2)


def test_dual_of_countryside_frames_the_villages_before_it(pipeline):
    # "بريفي حلب الشرقي والشمالي": the two countrysides of Aleppo hold the villages named
    events = pipeline.extract(
        "قتل 7 مدنيين جراء قصف على مناطق في بلدة دير حافر وقرية عيشة بريفي حلب الشرقي والشمالي.",
        published=date(2015, 7, 24),
    )
    assert sorted(e.location for e in events) == ["دير حافر", "عيشة"]


def test_what_a_move_aims_at_is_not_done(pipeline):
    # "يرمي إلى التصدي": a purpose, not a clash
    assert (
        pipeline.extract(
            "وتقول الوكالة إن زيادة عدد القوات يرمي إلى التصدي للوجود الإيراني في القنيطرة.",
            published=date(2018, 3, 12),
        )
        == []
    )


def test_day_it_was_said_with_a_pronoun_on_that(pipeline):
    # "قالت رويترز، الجمعة، إنها ...": Friday is when it was said; the act was in April
    event = only_event(
        pipeline,
        'قالت وكالة "رويترز"، الجمعة، إنها حصلت على تقرير يظهر استخدام غاز الكلور في مدينة دوما '
        "بأبريل الماضي.",
        published=date(2018, 7, 6),
    )
    assert (event.event_date, event.time_precision, event.historical) == ("2018-04-15", 3, True)


def test_likewise_opens_another_act(pipeline):
    # "، كذلك تدور اشتباكات": the clash is another act, not the shelling's type
    events = pipeline.extract(
        "قصفت قوات النظام صباح أمس مناطق في مدينة حرستا، كذلك تدور منذ صباح أمس اشتباكات عنيفة "
        "بين تنظيم داعش والفصائل المقاتلة في القلمون الشرقي.",
        published=date(2015, 8, 11),
    )
    assert sorted((e.sub_event_type, e.location) for e in events) == [
        ("Armed clash", "القلمون الشرقي"),
        ("Shelling/artillery/missile attack", "حرستا"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # expectations and preparations name acts that have not happened
        "ويتوقع أن تبدأ العملية العسكرية على الغوطة الشرقية الأسبوع المقبل.",
        "ويضيف المراسل أن هذا تمهيد لعملية برية واسعة للقوات الحكومية على الغوطة الشرقية.",
    ],
)
def test_an_expected_or_prepared_act_is_not_coded(pipeline, text):
    assert pipeline.extract(text, published=date(2018, 2, 20)) == []


@pytest.mark.parametrize(
    "text",
    [
        # VSO: the men right after "أطلق" (or its verbal noun) fired; "النار باتجاه" is the act
        "أطلق عناصر من القاطرجي النار باتجاه سيارة تابعة لميليشيا الدفاع الوطني في بلدة صبيخان.",
        "توتر في بلدة صبيخان بعد إطلاق عناصر من القاطرجي النار باتجاه سيارة تابعة لميليشيا "
        "الدفاع الوطني.",
    ],
)
def test_men_right_after_the_verb_of_firing_are_its_subject(pipeline, text):
    event = only_event(pipeline, text, published=date(2019, 11, 17))
    assert (event.location, event.actor1, event.actor2) == (
        "صبيخان",
        "Qaterji Militia",
        "NDF: National Defence Forces",
    )


def test_what_followed_is_told_with_its_own_places(pipeline):
    # "لتشهد المنطقة ومدن العشارة والميادين استنفاراً": not more places of the shooting
    events = pipeline.extract(
        "أطلق عناصر من القاطرجي النار باتجاه سيارة في بلدة صبيخان، لتشهد المنطقة ومدن العشارة "
        "والميادين استنفاراً كبيراً.",
        published=date(2019, 11, 17),
    )
    assert [e.location for e in events if e.event_type == "Battles"] == ["صبيخان"]


def test_cause_told_after_the_clash_lends_it_its_place(pipeline):
    # the place of "بسبب إقدام ... على نصب حاجز ... في مدينة الميادين" is the clash's, though
    # the clause also counts the dead of "these clashes"; not the village of the sentence before
    events = pipeline.extract(
        "وقعت مشادة كلامية في قرية الحسينية بين عناصر من ميليشيات الأسد وعناصر من ميليشيا "
        "الباقر.\nفيما شهد يوم السبت الماضي اشتباكات بين فرع الأمن العسكري ومجموعة تابعة "
        "للحرس الثوري، بسبب إقدام الأمن العسكري على نصب حاجز في مدينة الميادين، ولم يعرف إن "
        "كان هناك قتلى إثر هذه الاشتباكات.",
        published=date(2019, 11, 17),
    )
    clash = [e for e in events if e.event_date == "2019-11-16"]
    assert [e.location for e in clash] == ["الميادين"]


@pytest.mark.parametrize(
    "text",
    [
        # epithets and the story of 2011 name protests that no report tells as news
        "وتسيطر الفصائل المعارضة على 70 بالمئة من محافظة درعا، مهد الاحتجاجات ضد القوات الحكومية.",
        "وتشهد سوريا منذ سبع سنوات نزاعا داميا بدأ باحتجاجات سلمية ضد النظام في درعا.",
    ],
)
def test_protests_named_as_an_epithet_or_as_history_are_not_events(pipeline, text):
    assert [
        e for e in pipeline.extract(text, published=date(2018, 7, 1)) if e.event_type == "Protests"
    ] == []


def test_reported_act_denied_is_not_coded(pipeline):
    # "ونفى الأنباء حول استهداف إسرائيل لمطار": the act is denied
    assert (
        pipeline.extract(
            "وخرج المتحدث ونفى الأنباء حول استهداف إسرائيل لمطار المزة العسكري.",
            published=date(2018, 9, 1),
        )
        == []
    )


def test_an_act_told_as_days_ago_is_background(pipeline):
    # "وقبل أيام قتل ...": a time ago recalls an act (codebook: "وكان آخرها قبل أيام")
    event = only_event(
        pipeline,
        "وقبل أيام قتل عسكريون إيرانيون في غارة على قاعدة التيفور الجوية في حمص.",
        published=date(2018, 4, 17),
    )
    assert event.historical


def test_fighters_loyal_to_the_president_are_the_state_forces(pipeline):
    # "مئات المقاتلين المؤيدين للرئيس السوري"، "مقاتلين موالين لدمشق": the state's side
    event = only_event(
        pipeline,
        "قال مسؤولون أمريكيون إن مئات المقاتلين المؤيدين للرئيس السوري بشار الأسد هاجموا مواقع "
        "لقوات سوريا الديمقراطية قرب بلدة في محافظة دير الزور.",
        published=date(2018, 2, 14),
    )
    assert (event.actor1, event.actor2) == (STATE, "SDF: Syrian Democratic Forces")


def test_allies_joined_with_bil_musharaka_are_no_target(pipeline):
    # "القوات السورية بالمشاركة مع الجنود الروس": fought alongside, not against
    event = only_event(
        pipeline,
        "تمكنت القوات السورية بالمشاركة مع الجنود الروس من قتل 43 مسلحا خلال معركة في ريف "
        "دير الزور.",
        published=date(2018, 5, 27),
    )
    assert event.actor2 != "Military Forces of Russia (2000-)"


def test_the_author_of_a_statement_is_no_target(pipeline):
    # "بحسب بيان صادر عن الجيش الإسرائيلي": the army issuing the statement speaks
    event = only_event(
        pipeline,
        "وبحسب بيان صادر عن الجيش الإسرائيلي، استهدفت الغارات عشرات الأهداف التابعة لفيلق "
        "القدس الإيراني في مطار دمشق الدولي.",
        published=date(2018, 5, 10),
    )
    assert event.actor2 != ISRAEL_2018


def test_targets_linked_to_a_side_do_not_make_it_the_attacker(pipeline):
    # "ضربات ضد أهداف إيرانية ومرتبطة بإيران": Iran is whom the targets belong to
    event = only_event(
        pipeline,
        "ونفذ الجيش الإسرائيلي ضربات ضد أهداف إيرانية ومرتبطة بإيران في مطار التيفور.",
        published=date(2018, 7, 13),
    )
    assert event.actor1 != "Military Forces of Iran (1989-)"


def test_a_sides_own_dead_in_a_clash_leave_the_other_side_named_with_ma(pipeline):
    # "اشتبكت قوات الأمن العام مع فلول النظام ... مقتل 5 عناصر من الأمن العام": the dead are
    # the acting side's own; the side it fought is the one after "مع"
    event = only_event(
        pipeline,
        "اشتبكت قوات الأمن العام مع فلول النظام البائد في ريف جبلة اليوم الخميس، ما أدى إلى "
        "مقتل 5 عناصر من الأمن العام.",
        published=date(2025, 3, 6),
    )
    assert (event.actor1, event.actor2, event.fatalities) == (
        "Police Forces of Syria (2024-)",
        "Assad Loyalist Militia (Syria)",
        5,
    )


def test_the_side_named_before_a_takeover_took_it_from_the_side_after_ma(pipeline):
    # "أعلن الجيش السوري سيطرته على البلدة بعد اشتباكات مع قسد": the army took the town
    event = only_event(
        pipeline,
        "أعلن الجيش السوري سيطرته على بلدة دير حافر في ريف حلب الشرقي بعد اشتباكات مع قسد.",
        published=date(2025, 3, 6),
    )
    assert (event.sub_event_type, event.actor1, event.actor2) == (
        "Government regains territory",
        "Military Forces of Syria (2024-)",
        "SDF: Syrian Democratic Forces",
    )


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        # "برصاص عناصر من قسد": by the bullets of its men, not at them
        (
            "قُتل شاب برصاص عناصر من قسد على حاجز في بلدة الشحيل بريف دير الزور الشرقي.",
            "SDF: Syrian Democratic Forces",
            "Civilians (Syria)",
        ),
        # "قتل عنصر من الجيش ... برصاص قناص من قسد": the fire after the dead is the other side's
        (
            "قتل عنصر من الجيش السوري الجديد برصاص قناص من قسد في دير حافر.",
            "SDF: Syrian Democratic Forces",
            "Military Forces of Syria (2024-)",
        ),
        # "هاجمت خلية من فلول النظام": a cell of a side, right after the verb, is the side acting
        (
            "هاجمت خلية من فلول النظام المخلوع حاجزا للجيش السوري في ريف طرطوس.",
            "Assad Loyalist Militia (Syria)",
            "Military Forces of Syria (2024-)",
        ),
        # "اشتباكات بين عشائر عربية وقسد": armed tribesmen, indefinite too
        (
            "شهدت مدينة الميادين اشتباكات بين عشائر عربية وقوات سوريا الديمقراطية.",
            "Arab Ethnic Militia (Syria)",
            "SDF: Syrian Democratic Forces",
        ),
        # "طائرة مسيرة تابعة للتحالف": whose drone struck
        (
            "استهدفت طائرة مسيرة تابعة للتحالف الدولي سيارة تقل قياديين في تنظيم حراس الدين "
            "بريف إدلب الغربي.",
            "Global Coalition Against Daesh",
            "Hurras al Din",
        ),
    ],
)
def test_the_side_whose_men_or_weapon_struck(pipeline, text, actor1, actor2):
    event = only_event(pipeline, text, published=date(2025, 3, 6))
    assert (event.actor1, event.actor2) == (actor1, actor2)


def test_people_arrested_are_civilians_unless_a_side_is_named(pipeline):
    event = only_event(
        pipeline, "اعتقلت قوات الأمن العام أربعة أشخاص في حي الوعر بمدينة حمص.", date(2025, 3, 6)
    )
    assert (event.sub_event_type, event.actor2) == ("Arrests", "Civilians (Syria)")
    event = only_event(
        pipeline,
        "ألقت قوات الأمن العام القبض على ثلاثة عناصر من داعش في مدينة دير الزور.",
        date(2025, 3, 6),
    )
    assert event.actor2 == "Islamic State (Syria)"


def test_an_incursion_by_a_force_named_by_its_adjective(pipeline):
    # "توغلت قوة إسرائيلية في قرية الحميدية": a move into a place, by the side of the adjective
    event = only_event(
        pipeline,
        "توغلت القوات الإسرائيلية في قرية الحميدية بريف القنيطرة.",
        published=date(2025, 7, 14),
    )
    assert (event.sub_event_type, event.actor1) == (
        "Change to group/activity",
        "Military Forces of Israel (2022-)",
    )
    event = only_event(
        pipeline,
        "أقامت قوة إسرائيلية نقطة عسكرية جديدة في قرية الحميدية بريف القنيطرة.",
        published=date(2025, 7, 14),
    )
    assert event.actor1 == "Military Forces of Israel (2022-)"


def test_the_so_called_islamic_state_after_min_qibal(pipeline):
    # "من قبل تنظيم ما يعرف بالدولة الإسلامية": the distancing words belong to the name
    event = only_event(
        pipeline,
        "بعد الهجمات على محافظة السويداء من قبل تنظيم ما يعرف بالدولة الإسلامية، بدأت تتوارد "
        "أنباء عن اختطاف 17 شخصا من نساء وأطفال المنطقة.",
        published=date(2018, 7, 27),
    )
    assert event.actor1 == "Islamic State (Syria)"


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        # "غارات يرجح أنها روسية": the side's adjective after a suspicion of the act
        (
            "قتل 16 طفلا في غارة جوية يرجح أنها روسية استهدفت مدرسة في مدينة عربين أمس",
            "Military Forces of Russia (2000-)",
        ),
        (
            "قال مدير المرصد إن طائرات حربية يرجح أنها روسية استهدفت قرية زردنا في ريف إدلب",
            "Military Forces of Russia (2000-)",
        ),
        (
            "قالت سانا إن مطار التيفور استهدف بعدة صواريخ يعتقد أنها أميركية",
            "Military Forces of the United States (2017-2021)",
        ),
        # "يرجح أنها تابعة للتحالف": the suspicion stands between the aircraft and whose they are
        (
            "قصفت طائرات حربية يرجح أنها تابعة للتحالف الدولي بلدة هجين اليوم",
            "Global Coalition Against Daesh",
        ),
    ],
)
def test_suspected_side_named_by_its_adjective_after_the_act(pipeline, text, actor1):
    # suspected attribution is coded as that actor (codebook), with the suspicion in the notes
    event = pipeline.extract(text, published=date(2018, 6, 8))[0]
    assert event.actor1 == actor1
    assert "(suspected)" in event.notes


def test_carried_out_by_names_the_author(pipeline):
    # "الغارات التي قام بها X": "قام بـ" (carried out) names who struck; "نظام بشار الأسد"
    # is the regime by its president's full name
    event = only_event(
        pipeline,
        "قتل أكثر من 100 مدني في الغوطة الشرقية بعد سلسلة من الغارات الجوية التي قام بها "
        "نظام بشار الأسد",
        published=date(2018, 2, 20),
    )
    assert event.actor1 == STATE
    assert event.fatalities == 100


@pytest.mark.parametrize(
    "text",
    [
        # "ما نخشاه": what the speaker fears has not happened
        "وقال إيغلاند ما نخشاه هو أنه بعد الغوطة الشرقية قد نرى معارك طاحنة داخل وحول إدلب",
        # "بالإعداد لـ": what a side is accused of preparing has not happened
        "وسبق أن اتهمت روسيا مسلحي المعارضة بالإعداد لاستخدام مواد سامة في الغوطة الشرقية",
    ],
)
def test_fears_and_preparations_tell_no_act(pipeline, text):
    assert pipeline.extract(text, published=date(2018, 3, 19)) == []


@pytest.mark.parametrize(
    "text",
    [
        "ردا على الهجوم، شنت قوات النظام، الأحد، غارات على بلدة بنش.",
        "وفيما بدا ردا على الهجوم، شنت قوات النظام، الأحد، غارات على بلدة بنش.",
    ],
)
def test_a_fronted_answer_phrase_frames_only_itself(pipeline, text):
    # "ردا على الهجوم، شنت ...": the phrase put first names the act answered (background); the
    # act after its comma is the news
    event = only_event(pipeline, text, published=date(2018, 6, 10))
    assert event.location == "بنش"
    assert not event.historical


def test_an_answer_phrase_after_the_act_is_background(pipeline):
    # "قصفت ... رداً على هجوم للفصائل على حاجز في سراقب": the attack answered came before
    found = pipeline.extract(
        "قصفت قوات النظام، الأحد، بلدة بنش، رداً على هجوم للفصائل على حاجز في سراقب.",
        published=date(2018, 6, 10),
    )
    assert {(e.location, e.historical) for e in found} == {("بنش", False), ("سراقب", True)}


def test_the_place_a_countryside_is_said_to_border_only_locates_it(pipeline):
    # "في ريف حلب الغربي المجاور لإدلب": Idlib says where the countryside lies; the strike and
    # all its dead are at the town
    event = only_event(
        pipeline,
        "غارات روسية وسورية تقتل 53 شخصا على الأقل في بلدة أورم الكبرى في ريف حلب الغربي "
        "المجاور لإدلب",
        published=date(2018, 9, 8),
    )
    assert (event.location, event.fatalities) == ("أورم الكبرى", 53)


def test_land_said_to_border_it_is_more_land_struck(pipeline):
    # "على جنوب إدلب والمناطق المتاخمة له في حماة": the pronoun names the land struck too
    found = pipeline.extract(
        "وكثفت الطائرات الروسية ضرباتها الجوية على جنوب إدلب والمناطق المتاخمة له في حماة.",
        published=date(2018, 9, 12),
    )
    assert {e.admin1 for e in found} == {"Idleb", "Hama"}


@pytest.mark.parametrize(
    "text",
    [
        # "بعد رفضها اتفاقات المصالحة": what is refused did not happen
        "وغادرت الفصائل المسلحة مدينة إدلب بعد رفضها اتفاقات المصالحة مع النظام.",
        # "غير المشمول في اتفاق": what an agreement leaves out is no agreement
        "ونزح الآلاف من الجيب الذي يسيطر عليه مسلحو داعش في حوض اليرموك، غير المشمول في اتفاق "
        "وقف إطلاق النار.",
        # "خلال الأسبوعين الماضيين": two weeks summed up, no one act
        "وشهدت محافظة إدلب خلال الأسبوعين الماضيين عمليات اغتيال وتصفيات بين الفصائل المسلحة.",
    ],
)
def test_refusals_exclusions_and_fortnights_tell_no_act(pipeline, text):
    assert pipeline.extract(text, published=date(2018, 5, 12)) == []


def test_a_post_that_is_there_is_no_base_established(pipeline):
    # "نقاط تمركز": positions a side holds, named as what is kept or struck, not set up
    text = "وقد تزيد التوترات مع تركيا التي تحتفظ بنقاط تمركز للمراقبة حول إدلب."
    assert pipeline.extract(text, published=date(2018, 9, 4)) == []


def test_a_weapons_depot_struck_is_the_strikes_target(pipeline):
    # "استهدفت طائرات ... مستودع أسلحة": the strike is the act; a depot is only the act when
    # it is found or seized ("ضبطت ... مستودع أسلحة")
    event = only_event(
        pipeline,
        "استهدفت طائرات حربية إسرائيلية منطقة تضم مستودعات أسلحة تابعة لقوات النظام قرب دمشق.",
        published=date(2017, 12, 6),
    )
    assert (event.sub_event_type, event.actor1) == ("Air/drone strike", ISRAEL_2018)
    seized = only_event(
        pipeline, "ضبطت قوات الأمن مستودع أسلحة في بلدة الصنمين.", published=date(2017, 12, 6)
    )
    assert seized.sub_event_type == "Disrupted weapons use"


def test_whose_depot_it_is_suspected_to_be_is_not_who_struck(pipeline):
    # "مستودع أسلحة يرجح أنه عائد لحزب الله": the suspicion is of the owner, not the attacker
    event = only_event(
        pipeline,
        "قال المرصد إن صواريخ إسرائيلية استهدفت مستودع أسلحة يرجح أنه عائد لحزب الله في "
        "منطقة الكسوة.",
        published=date(2018, 5, 8),
    )
    assert event.actor1 == ISRAEL_2018


def test_the_fighting_people_flee_is_their_plights_setting(pipeline):
    # "النازحين الفارين من المعارك"، "هربا من الغارات": what people flee, no act told
    for text in (
        "ويعيش في مدينة نوى عشرات الآلاف من السكان والنازحين الفارين من المعارك.",
        "وقالت الأمم المتحدة إن 320 ألف مدني نزحوا هربا من الغارات والبراميل المتفجرة في درعا.",
        # the verb of fleeing: "فرّوا من القتال"
        "وأكدت الأمم المتحدة أن 45 ألف شخص فروا من القتال في محافظة درعا باتجاه الحدود.",
    ):
        assert pipeline.extract(text, published=date(2018, 7, 18)) == [], text


def test_then_recalls_an_act_before_the_news(pipeline):
    # "وقيل حينها إن ...": "then" puts the act at a time before the report's news
    (event,) = pipeline.extract(
        "وقيل حينها إن المنشأة ساهمت في هجوم كيميائي على بلدة خان شيخون في ريف إدلب.",
        published=date(2018, 4, 14),
    )
    assert event.historical


def test_making_chemical_weapons_is_no_chemical_attack(pipeline):
    # "منشأة سرية لإنتاج السلاح الكيماوي": production, not use
    text = "وتقول حكومات غربية إن مركز البحوث في مصياف منشأة سرية لإنتاج السلاح الكيماوي."
    assert pipeline.extract(text, published=date(2018, 8, 5)) == []


def test_a_capitals_announcement_is_its_governments_not_a_place(pipeline):
    # "بعيد ساعات على إعلان دمشق أن التحالف استهدف ... في بلدة الهري": Damascus speaks
    event = only_event(
        pipeline,
        "وجاءت هذه التطورات بعيد ساعات على إعلان دمشق أن التحالف الدولي استهدف ليل الأحد أحد "
        "مواقعها العسكرية في بلدة الهري في محافظة دير الزور.",
        published=date(2018, 6, 19),
    )
    assert event.admin1 == "Deir-ez-Zor"


@pytest.mark.parametrize(
    ("line", "location"),
    [
        # telegraphic lines: the area a line opens with, before its colon, qualifies the
        # village it names bare ("على اللطامنة" alone is no place: a village needs support)
        ("ريف حماة الشمالي: قصف صاروخي على اللطامنة", "اللطامنة"),
        ("حماة: قصف صاروخي على اللطامنة", "اللطامنة"),
        # an area that does not hold the village qualifies nothing
        ("ريف إدلب: غارات روسية على اللطامنة", "إدلب"),
    ],
)
def test_a_lines_opening_area_qualifies_the_village_it_names(pipeline, line, location):
    event = only_event(pipeline, line, published=date(2018, 6, 10))
    assert event.location == location


def test_an_act_told_only_with_a_past_year_is_dated_to_that_year(pipeline):
    # "غارة جوية استهدفت في 2007" with no day told: not the report's day but the year's
    # middle, at the coarsest precision, with the side of that time
    event = only_event(
        pipeline,
        "واعترف الجيش الإسرائيلي بمسؤوليته عن غارة جوية استهدفت في 2007 منشأة في دير الزور.",
        published=date(2018, 3, 21),
    )
    assert (event.event_date, event.time_precision) == ("2007-07-01", 3)
    assert event.actor1 == "Military Forces of Israel (2006-2009)"
    assert event.historical


def test_the_year_a_period_runs_from_dates_no_act(pipeline):
    # "المحاصرة منذ عام 2013": the siege's start, not the day of the strikes told
    event = only_event(
        pipeline,
        "واصلت قوات النظام السوري ليل الأحد غاراتها على دوما المحاصرة منذ عام 2013، ما أسفر "
        "عن سقوط 14 قتيلا.",
        published=date(2018, 3, 5),
    )
    assert event.event_date == "2018-03-04"


def test_a_site_named_again_by_its_kind_is_the_site_named_before(pipeline):
    # "قاعدة التيفور ... واستهدف المطار أيضا في العاشر من شباط": "المطار" alone is T4 again
    found = pipeline.extract(
        "وتعرضت قاعدة التيفور العسكرية مرارا لغارات اتهمت دمشق إسرائيل بتنفيذها.\n"
        "واستهدف المطار أيضا في العاشر من شباط/فبراير الماضي.",
        published=date(2018, 7, 9),
    )
    recalled = [e for e in found if e.event_date == "2018-02-10"]
    assert [e.location for e in recalled] == ["مطار التيفور"]


def test_the_dead_since_the_war_began_are_a_tally(pipeline):
    # "المئات منهم قتلوا منذ اندلاع الحرب في عام 2011": the war summed up, no toll of one act
    text = "وتقول إيران إن عسكرييها في سوريا مستشارون، لكن المئات منهم قتلوا منذ اندلاع الحرب."
    assert pipeline.extract(text, published=date(2018, 7, 8)) == []


def test_when_after_a_comma_tells_an_act_of_its_own(pipeline):
    # "منذ هجوم أغسطس 2013، عندما قصفت بلدات المعضمية وزملكا": the 2013 attack has its own
    # towns, not only the Douma of the attack the sentence opens with
    found = pipeline.extract(
        "ويعد الهجوم الكيماوي المشتبه في دوما الأحدث ضمن سلسلة هجمات مشابهة منذ هجوم أغسطس "
        "2013، عندما قصفت بلدات المعضمية وزملكا بغاز الأعصاب سارين.",
        published=date(2018, 4, 14),
    )
    past = {e.location for e in found if e.event_date.startswith("2013")}
    assert {"زملكا", "معضمية الشام"} <= past  # "المعضمية" is Moadamiyat al-Sham


def test_decades_of_war_are_a_tally_but_the_largest_in_decades_is_news(pipeline):
    # "يخوض نزاعا مسلحا منذ عقود ... أسفر عن سقوط آلاف القتلى": decades summed up; "تعد
    # الأوسع منذ عقود": a superlative compares the strikes with the years before
    tally = (
        "وتعتبر تركيا الوحدات امتدادا لحزب العمال الكردستاني، الذي يخوض نزاعا مسلحا منذ عقود مع "
        "أنقرة في عفرين، أسفر عن سقوط آلاف القتلى."
    )
    assert pipeline.extract(tally, published=date(2018, 3, 19)) == []
    news = "شنت إسرائيل غارات جوية على مواقع في ريف دمشق تعد هي الأوسع منذ عقود."
    assert pipeline.extract(news, published=date(2018, 2, 11))


def test_a_foreign_armys_detentions_are_arrests(pipeline):
    # a state's forces arrest, whichever state: an incursion that detains two young men
    event = only_event(
        pipeline,
        "توغلت قوة إسرائيلية مؤلفة من عدة آليات في قرية جباتا الخشب بريف القنيطرة الشمالي، "
        "واعتقلت شابين من أبناء القرية.",
        published=date(2025, 6, 11),
    )
    assert (event.actor1, event.sub_event_type) == ("Military Forces of Israel (2022-)", "Arrests")


def test_where_the_shelling_force_stands_is_not_where_its_shells_fell(pipeline):
    # "قوات النظام المتمركزة في الفوج 46": the base fired from; the town hit is the place
    event = only_event(
        pipeline,
        "استهدفت قوات النظام المتمركزة في الفوج 46 بقذائف المدفعية الأحياء السكنية في مدينة "
        "دارة عزة غربي حلب، ما أدى إلى مقتل امرأة وطفلها.",
        published=date(2023, 11, 2),
    )
    assert (event.location, event.fatalities) == ("دارة عزة", 2)


def test_a_force_stationed_at_the_only_place_named_was_struck_there(pipeline):
    # with no other place, the place of the force stationed is where it was hit
    event = only_event(
        pipeline,
        "استهدفت الفصائل بصواريخ الغراد قوات النظام المتمركزة في بلدة كفرنبودة.",
        published=date(2023, 11, 2),
    )
    assert event.location == "كفر نبودة"


def test_the_home_town_of_the_arrested_is_the_place_when_no_other_is_told(pipeline):
    # "شبان من أبناء مدينة داعل": the only place told stands for where they were taken
    event = only_event(
        pipeline,
        "اعتقلت دورية تابعة لفرع المخابرات الجوية ثلاثة شبان من أبناء مدينة داعل بريف درعا، "
        "واقتادتهم إلى جهة مجهولة.",
        published=date(2023, 7, 19),
    )
    assert (event.location, event.sub_event_type) == ("داعل", "Arrests")


def test_the_home_town_beside_the_place_of_the_act_is_an_aside(pipeline):
    # "شاب ينحدر من بلدة داعل ... في بلدة طفس": killed in Tafas, from Daael
    event = only_event(
        pipeline,
        "قتل شاب ينحدر من بلدة داعل برصاص مجهولين في بلدة طفس غربي درعا.",
        published=date(2023, 7, 19),
    )
    assert event.location == "طفس"


def test_where_a_road_leads_is_no_place_of_a_body_found_beside_it(pipeline):
    # "بالقرب من الطريق الواصل إلى بلدة نصيب": Nasib is the road's end; one body, one event
    event = only_event(
        pipeline,
        "عثر أهالي قرية المتاعية على جثة شاب مجهول الهوية وعليها آثار تعذيب، بالقرب من "
        "الطريق الواصل إلى بلدة نصيب.",
        published=date(2024, 2, 11),
    )
    assert (event.location, event.fatalities) == ("المتاعية", 1)


def test_incidents_listed_with_kama_are_each_told(pipeline):
    # a roundup: a killing, then "، كما اختطف مسلحون ..." another act at another town
    events = pipeline.extract(
        "قتل شاب برصاص مجهولين في بلدة المزيريب، كما اختطف مسلحون رجلاً في مدينة جاسم.",
        published=date(2024, 1, 15),
    )
    assert {(e.location, e.sub_event_type, e.fatalities) for e in events} == {
        ("مزيريب", "Attack", 1),
        ("جاسم", "Abduction/forced disappearance", 0),
    }


def test_an_act_added_with_kama_shares_the_subject_of_the_act_before(pipeline):
    # "قصفت قوات النظام ...، كما سيطرت على قرية الطيبة": the forces took the village; a verb of
    # dying after "كما" is read passive ("كما قتل 36 شخصا") and shares no subject
    events = pipeline.extract(
        "قصفت قوات النظام مواقع لداعش في بلدة طفس، كما سيطرت على قرية الطيبة.",
        published=date(2018, 6, 29),
    )
    taken = next(e for e in events if e.location == "الطيبة")
    assert (taken.actor1, taken.sub_event_type) == (
        "Military Forces of Syria (2000-2024)",
        "Government regains territory",
    )
    events = pipeline.extract(
        "قصفت القوات التركية قرية في ريف عفرين، كما قتل 36 شخصا في غارات جوية على بلدة زملكا.",
        published=date(2018, 3, 17),
    )
    struck = next(e for e in events if e.location == "زملكا")
    assert struck.actor1 != "Military Forces of Turkey (2016-)"


def test_where_the_dead_came_from_is_never_where_he_died(pipeline):
    # a biography's "وينحدر من ريف مصياف": an aside even when no other place is told
    events = pipeline.extract(
        "لقي العقيد مصرعه في البادية خلال عمليات التمشيط، وينحدر من ريف مصياف.",
        published=date(2023, 12, 9),
    )
    assert "مصياف" not in {e.location for e in events}


def test_the_dual_of_a_part_of_the_toll_does_not_hide_the_act_after_it(pipeline):
    # "بينهم طفلان في قصف": the dual is its own count, and the act is told from "في" on
    event = only_event(
        pipeline,
        "قتل ستة أشخاص بينهم طفلان في قصف لقوات النظام السوري على مدينة دوما.",
        published=date(2015, 8, 14),
    )
    assert (event.sub_event_type, event.actor1, event.fatalities) == (
        "Shelling/artillery/missile attack",
        "Military Forces of Syria (2000-2024)",
        6,
    )


def test_a_name_after_the_acts_adjective_is_what_it_struck(pipeline):
    # "استهدفت غارات أخرى التنظيم": a noun's owner follows the noun itself; after its adjective
    # a name is the verb's object ("قصف مدفعي لقوات النظام"، "قصف مكثف من القوات": who did it)
    events = pipeline.extract(
        "قصفت طائرات التحالف الدولي مواقع تنظيم داعش في مدينة الرقة، كما استهدفت غارات أخرى"
        " التنظيم في محيط مدينة الحسكة.",
        published=date(2015, 8, 14),
    )
    struck = next(e for e in events if e.location == "الحسكة")
    assert (struck.actor1, struck.actor2) == (
        "Global Coalition Against Daesh",
        "Islamic State (Syria)",
    )
    event = only_event(
        pipeline,
        "استهدفت غارات جوية التنظيم في محيط مدينة الحسكة.",
        published=date(2015, 8, 14),
    )
    assert event.actor2 == "Islamic State (Syria)"
    event = only_event(
        pipeline,
        "تعرضت مدينة دوما لقصف مكثف من القوات الحكومية.",
        published=date(2018, 2, 21),
    )
    assert event.actor1 == "Military Forces of Syria (2000-2024)"


def test_a_toll_risen_to_a_figure_named_before_it_is_the_acts(pipeline):
    # "ارتفعت إلى 100 قتيل حصيلة التفجيرات": the fronted order of "ارتفعت حصيلة ... إلى";
    # "حصيلة" is no tally here
    event = only_event(
        pipeline,
        "ارتفعت إلى 100 قتيل حصيلة التفجيرات الانتحارية التي شنها داعش في محافظة السويداء.",
        published=date(2018, 7, 25),
    )
    assert (event.sub_event_type, event.actor1, event.fatalities) == (
        "Suicide bomb",
        "Islamic State (Syria)",
        100,
    )


def test_a_takeover_verb_in_the_masculine_with_its_subject_between(pipeline):
    # "سيطر تنظيم داعش على": verb first, the side between it and "على"
    event = only_event(
        pipeline,
        "سيطر تنظيم داعش، الجمعة، على أجزاء من مدينة البوكمال.",
        published=date(2018, 6, 9),
    )
    assert (event.sub_event_type, event.actor1, event.location) == (
        "Non-state actor overtakes territory",
        "Islamic State (Syria)",
        "البوكمال",
    )


@pytest.mark.parametrize(
    "text",
    [
        "قتل 3 مدنيين في قصف على بلدة خاضعة لسيطرتها في ريف إدلب.",
        "قصفت قوات النظام المناطق الواقعة تحت سيطرته في ريف حلب.",
    ],
)
def test_the_noun_of_control_with_a_pronoun_takes_no_land(pipeline, text):
    # "لسيطرتها"، "تحت سيطرته": whose control a place is under; "أحكمت سيطرتها على" takes it
    event = only_event(pipeline, text, published=date(2015, 8, 12))
    assert event.sub_event_type == "Shelling/artillery/missile attack"


def test_control_tightened_over_a_town_is_a_takeover(pipeline):
    event = only_event(
        pipeline, "أحكمت قوات النظام سيطرتها على مدينة تدمر.", published=date(2016, 3, 27)
    )
    assert event.sub_event_type == "Government regains territory"


def test_the_two_sides_after_a_pair_named_in_the_clause_are_that_pair(pipeline):
    # "بين جيش الإسلام وقوات النظام ...، وسط قصف متبادل بين الطرفين": the reference points to
    # the pair just named, the clash is told here, and its sides stay the pair
    event = only_event(
        pipeline,
        "دارت اشتباكات عنيفة بين جيش الإسلام وقوات النظام على أطراف مدينة حرستا، وسط قصف"
        " متبادل بين الطرفين.",
        published=date(2015, 8, 12),
    )
    assert (event.sub_event_type, event.actor1, event.actor2) == (
        "Armed clash",
        "Jaysh al Islam",
        "Military Forces of Syria (2000-2024)",
    )


def test_the_two_sides_with_no_pair_named_point_back_to_a_clash_told(pipeline):
    # "تطور الخلاف لاشتباكات بين الطرفين": the clash of the quarrel told before, not another
    events = pipeline.extract(
        "داهمت دورية لقوات النظام منزل قيادي في ميليشيا الدفاع الوطني في مدينة الميادين، وتبادل"
        " القيادي إطلاق النار مع عناصر الدورية.\nوأشارت المصادر إلى أن الخلاف تطور لاشتباكات"
        " وإطلاق نار متبادل بين الطرفين.",
        published=date(2021, 2, 14),
    )
    assert len([e for e in events if e.sub_event_type == "Armed clash"]) <= 1


def test_men_executed_with_no_arms_named_are_civilians(pipeline):
    # "أعدم التنظيم 4 رجال": the broken plural of "رجل"; "رجال الأمن" are the police
    event = only_event(
        pipeline,
        "أعدم تنظيم داعش 4 رجال رمياً بالرصاص في ساحة عامة بمدينة الميادين.",
        published=date(2015, 8, 6),
    )
    assert (event.sub_event_type, event.actor2, event.fatalities) == (
        "Attack",
        "Civilians (Syria)",
        4,
    )
    event = only_event(
        pipeline, "قتل 3 من رجال الأمن في هجوم على حاجز في مدينة درعا.", published=date(2015, 8, 6)
    )
    assert event.actor2 == "Police Forces of Syria (2000-2024)"
    # "3 رجال من قوات النظام": men that "من" says are of an armed side are that side's
    event = only_event(
        pipeline,
        "قتل 3 رجال من قوات النظام في هجوم لداعش في بادية حمص.",
        published=date(2015, 8, 6),
    )
    assert (event.sub_event_type, event.actor2) == (
        "Armed clash",
        "Military Forces of Syria (2000-2024)",
    )


def test_a_namesake_framed_by_a_place_abroad_is_no_place_of_the_act(pipeline):
    # "وشيعوا في بلدة النبي شيت في البقاع اللبناني": the funeral's Lebanese town, not a
    # second place of the fighting in Zabadani (and not al-Nabk, a letter off)
    event = only_event(
        pipeline,
        "وقتل ثلاثة من عناصر حزب الله في معارك الزبداني، وشيعوا في بلدة النبي شيت في البقاع"
        " اللبناني.",
        published=date(2015, 8, 14),
    )
    assert (event.location, event.fatalities) == ("الزبداني", 3)


def test_an_execution_with_no_victims_named_armed_is_an_attack_on_civilians(pipeline):
    # "أعدم التنظيم عالم الآثار": a defenceless captive killed; men of a force named stay a clash
    event = only_event(
        pipeline,
        "أعدم تنظيم داعش عالم الآثار السوري خالد الأسعد في مدينة تدمر.",
        published=date(2015, 8, 19),
    )
    assert (event.sub_event_type, event.actor2) == ("Attack", "Civilians (Syria)")


def test_one_of_the_bloodiest_since_the_war_began_compares_and_sums_nothing_up(pipeline):
    # "في واحدة من أكثر الغارات دموية منذ بدء النزاع": the elative in construct before "منذ";
    # "أكثر من 200 منذ بداية العام" is a count of the year, a tally
    event = only_event(
        pipeline,
        "قتل 82 شخصا على الأقل في غارات جوية شنتها طائرات النظام السوري على سوق شعبي في مدينة"
        " دوما، في واحدة من أكثر الغارات دموية منذ بدء النزاع.",
        published=date(2015, 8, 17),
    )
    assert (event.location, event.fatalities) == ("دوما", 82)
    tally = "قتل أكثر من 200 منذ بداية العام في غارات على مدينة دوما."
    assert pipeline.extract(tally, published=date(2015, 8, 17)) == []


def test_barrel_bombs_name_the_assad_army_when_no_side_is_named(pipeline):
    # "قصف بالبراميل المتفجرة": a means only one side used (triggers.tsv, used_by)
    event = only_event(
        pipeline,
        "قال ناشطون إن 9 مدنيين قتلوا أمس في قصف بالبراميل المتفجرة على حي الشعار في مدينة حلب.",
        published=date(2015, 8, 15),
    )
    assert (event.actor1, event.actor2, event.fatalities) == (
        "Military Forces of Syria (2000-2024)",
        "Civilians (Syria)",
        9,
    )


def test_shells_a_side_fired_name_it_in_the_relative_clause(pipeline):
    # "قذائف صاروخية أطلقتها فصائل المعارضة": the verb with the shells' pronoun, its subject after
    event = only_event(
        pipeline,
        "قتل طفلان جراء سقوط قذائف صاروخية أطلقتها فصائل المعارضة على حي الميدان في مدينة حلب.",
        published=date(2015, 8, 5),
    )
    assert (event.actor1, event.actor2) == ("Opposition Rebels (Syria)", "Civilians (Syria)")


def test_two_names_of_one_subject_are_one_side(pipeline):
    # "ويحاصر الجيش السوري وحزب الله مدينة الزبداني": not a fight between the two, the second
    # acted with the first (assoc_actor_1); a clash's sides may be joined so ("اشتبكت قوات
    # النظام وفصائل المعارضة")
    event = only_event(
        pipeline, "هاجم الجيش السوري وحزب الله مدينة الزبداني.", published=date(2015, 8, 4)
    )
    assert (event.actor1, event.assoc_actor_1, event.actor2) == (
        "Military Forces of Syria (2000-2024)",
        "Hezbollah",
        None,
    )
    assert any(span.label == "assoc_actor_1" for span in event.evidence)
    event = only_event(
        pipeline, "اشتبكت قوات النظام وفصائل المعارضة في حي جوبر.", published=date(2015, 8, 4)
    )
    assert event.actor2 == "Opposition Rebels (Syria)"


def test_the_first_of_its_kind_since_the_war_began_is_news(pipeline):
    # "في أول عملية من نوعها منذ بدء النزاع": compared with the years since, nothing summed up
    event = only_event(
        pipeline,
        "شنت المقاتلات التركية فجر الجمعة غارات على مواقع لتنظيم داعش في ريف حلب، في أول عملية"
        " من نوعها منذ بدء النزاع.",
        published=date(2015, 7, 25),
    )
    assert event.sub_event_type == "Air/drone strike"


def test_state_media_eliminating_terrorists_is_a_clash_with_its_count(pipeline):
    # "قضت على عشرات الإرهابيين" (SANA): killed, "عشرات" → 10; "القضاء على الإرهاب" with no count
    # is a pledge, no act
    event = only_event(
        pipeline,
        "ذكرت سانا أن وحدات من الجيش العربي السوري قضت على عشرات الإرهابيين في ريف درعا.",
        published=date(2015, 8, 7),
    )
    assert (event.sub_event_type, event.actor1, event.fatalities) == (
        "Armed clash",
        "Military Forces of Syria (2000-2024)",
        10,
    )
    pledge = "وتعهد الرئيس بالقضاء على الإرهاب في ريف درعا."
    assert pipeline.extract(pledge, published=date(2015, 8, 7)) == []


def test_the_act_the_news_came_a_day_after_is_dated_and_keeps_its_side(pipeline):
    # "وتأتي هذه الغارات بعد يوم من اطلاق فصائل معارضة قذائف": the firing, a day before the
    # report, with the side named between "اطلاق" and the shells; background
    event = only_event(
        pipeline,
        "وتأتي هذه الغارات بعد يوم من اطلاق فصائل معارضة قذائف على أحياء في دمشق أدت إلى مقتل"
        " شخصين.",
        published=date(2015, 8, 10),
    )
    assert (event.actor1, event.event_date, event.time_precision, event.historical) == (
        "Opposition Rebels (Syria)",
        "2015-08-09",
        1,
        True,
    )


@pytest.mark.parametrize(
    "opening",
    ["دمشق - وكالات:", "بيروت - ا ف ب:", "عمان ـ «الحياة»:", "دمشق ـ رويترز:", "دمشق (رويترز) -"],
)
def test_a_wire_dateline_is_where_the_bureau_is_not_a_place_of_the_news(pipeline, opening):
    # the agency's bureau city opens the copy; the strike was in Douma, with its whole toll
    event = only_event(
        pipeline, f"{opening} قتل 25 شخصا في غارات على مدينة دوما.", published=date(2015, 8, 10)
    )
    assert (event.location, event.fatalities) == ("دوما", 25)


def test_a_local_dateline_still_labels_the_region_of_its_news(pipeline):
    event = only_event(
        pipeline, "دير الزور - خاص: قتل شاب برصاص مجهولين.", published=date(2015, 8, 10)
    )
    assert event.location == "دير الزور"


@pytest.mark.parametrize(
    "text",
    [
        "قال المرصد إن مقاتلي المعارضة أسقطوا طائرة حربية للنظام في ريف إدلب.",
        "أسقط مقاتلو المعارضة طائرة حربية للنظام في ريف إدلب.",
        "أسقطت فصائل المعارضة طائرة مسيرة في ريف إدلب.",
    ],
)
def test_an_aircraft_downed_is_disrupted_not_a_strike(pipeline, text):
    # "أسقط مقاتلو المعارضة طائرة": the verb with the subject between it and the aircraft
    event = only_event(pipeline, text, published=date(2015, 8, 10))
    assert (event.sub_event_type, event.actor1) == (
        "Disrupted weapons use",
        "Opposition Rebels (Syria)",
    )


def test_barrels_dropped_by_helicopters_down_none(pipeline):
    # "أسقطت الطائرات المروحية براميل متفجرة": the aircraft drops the munition named after it
    event = only_event(
        pipeline,
        "أسقطت الطائرات المروحية براميل متفجرة على بلدة داعل.",
        published=date(2018, 2, 10),
    )
    assert event.sub_event_type == "Air/drone strike"


def test_toppling_the_regime_downs_no_aircraft(pipeline):
    event = only_event(
        pipeline, "خرج المتظاهرون في درعا مطالبين بإسقاط النظام.", published=date(2015, 8, 10)
    )
    assert event.sub_event_type == "Peaceful protest"


def test_explosives_seized_with_a_cell_are_no_explosion(pipeline):
    # "القبض على خلية ... وضبط أسلحة وعبوات ناسفة بحوزتها": the arrest; the devices are seized
    event = only_event(
        pipeline,
        "أعلنت قيادة الأمن الداخلي القبض على خلية تابعة لتنظيم داعش في بلدة ذيبان، وضبط أسلحة"
        " وعبوات ناسفة بحوزتها.",
        published=date(2025, 8, 3),
    )
    assert (event.sub_event_type, event.actor2) == ("Arrests", "Islamic State (Syria)")
    # "ضبطت قوى الأمن عبوات ناسفة": the verb with its subject between, and the weapons after
    event = only_event(
        pipeline, "ضبطت قوى الأمن عبوات ناسفة في بلدة ذيبان.", published=date(2025, 8, 3)
    )
    assert event.sub_event_type == "Disrupted weapons use"


def test_men_of_a_force_named_before_its_verb_did_it(pipeline):
    # "عناصر من الأمن العام اعتدوا بالضرب على شاب ... ما أدى إلى وفاته": the men before the
    # verb are its subject ("مقتل عناصر من X": after the act, its victims); "وفاته" is one dead
    event = only_event(
        pipeline,
        "قالت مصادر محلية إن عناصر من الأمن العام اعتدوا بالضرب على شاب في حي الخالدية بمدينة"
        " حمص، ما أدى إلى وفاته.",
        published=date(2025, 10, 6),
    )
    assert (event.sub_event_type, event.actor1, event.actor2, event.fatalities) == (
        "Attack",
        "Police Forces of Syria (2024-)",
        "Civilians (Syria)",
        1,
    )


def test_the_dead_of_two_camps_name_the_sides_of_their_clash(pipeline):
    # "قتل 6 من عناصر حزب الله و9 من المعارضة في اشتباكات": both sides counted, text order;
    # allies counted together ("قوات النظام والميليشيات الموالية") are one side
    event = only_event(
        pipeline,
        "قتل 6 من عناصر حزب الله و9 من المعارضة في اشتباكات عنيفة في الزبداني.",
        published=date(2015, 7, 29),
    )
    assert (event.actor1, event.actor2, event.fatalities) == (
        "Hezbollah",
        "Opposition Rebels (Syria)",
        15,
    )
    event = only_event(
        pipeline,
        "قتل عناصر من قوات النظام والميليشيات الموالية في اشتباكات في ريف حماة.",
        published=date(2015, 7, 29),
    )
    assert event.actor1 != "Military Forces of Syria (2000-2024)"


def test_a_place_named_again_in_brackets_is_one_place(pipeline):
    # "غربي مدينة عين العرب (كوباني)": the city's other name restated, no second place
    event = only_event(
        pipeline,
        "قصف الجيش التركي قرية زور مغار غربي مدينة عين العرب (كوباني).",
        published=date(2015, 7, 27),
    )
    assert event.location == "زور مغار"


def test_a_ceasefire_with_its_adjective_fires_no_shot(pipeline):
    # "وقفا فوريا لإطلاق النار"، "وقف إطلاق نار": the shooting stopped; "تعرض لإطلاق النار" is shot
    assert (
        pipeline.extract(
            "أعلنت الرئاسة السورية وقفا فوريا لإطلاق النار في محافظة السويداء.",
            published=date(2025, 7, 19),
        )
        == []
    )
    event = only_event(
        pipeline, "تعرض شاب لإطلاق النار في مدينة السويداء.", published=date(2025, 7, 19)
    )
    assert event.sub_event_type == "Attack"


def test_the_count_executed_is_the_toll(pipeline):
    # "أعدموا 12 مدنيا"، "إعدام 5 أشخاص": the executed are the dead
    event = only_event(
        pipeline,
        "قالت مصادر محلية إن مسلحين أعدموا 12 مدنيا في بلدة المزرعة غربي السويداء.",
        published=date(2025, 7, 17),
    )
    assert event.fatalities == 12


def test_the_toll_of_days_of_fighting_is_a_tally(pipeline):
    # "بعد أيام من المواجهات التي خلفت أكثر من 1000 قتيل": a stretch of acts summed up; the
    # ceasefire and "وقف القتال" stop the fighting, they tell none
    for text in (
        "أعلنت الرئاسة السورية وقفا فوريا لإطلاق النار في محافظة السويداء، بعد أيام من المواجهات"
        " الدامية التي خلفت أكثر من 1000 قتيل.",
        "أعلنت الرئاسة وقف القتال في السويداء بعد أيام من الاشتباكات التي خلفت أكثر من 1000 قتيل.",
    ):
        assert pipeline.extract(text, published=date(2025, 7, 19)) == [], text


def test_a_refugee_shot_is_a_civilian_and_a_motorway_is_a_road(pipeline):
    # "قتل لاجئ عراقي في مخيم الهول": the singular refugee; "على أوتوستراد درعا دمشق قرب بلدة
    # غباغب": the motorway between two towns is one place, the town near it
    event = only_event(
        pipeline,
        "قتل لاجئ عراقي في مخيم الهول بريف الحسكة برصاص مجهولين.",
        published=date(2019, 5, 10),
    )
    assert (event.sub_event_type, event.actor2) == ("Attack", "Civilians (Syria)")
    event = only_event(
        pipeline,
        "قتل شاب برصاص مجهولين على أوتوستراد درعا دمشق قرب بلدة غباغب.",
        published=date(2019, 5, 10),
    )
    assert event.location == "غباغب"


def test_the_russian_side_is_a_party_to_a_deal(pipeline):
    # "اتفاق مع الجانب الروسي": the state as a party, as "روسيا"
    event = only_event(
        pipeline,
        "أعلنت فصائل المعارضة في ريف درعا الغربي التوصل إلى اتفاق مع الجانب الروسي يقضي بتسليم"
        " السلاح الثقيل.",
        published=date(2018, 7, 31),
    )
    assert (event.sub_event_type, event.actor2) == (
        "Agreement",
        "Military Forces of Russia (2000-)",
    )


def test_shelling_that_stops_is_none_told(pipeline):
    # "أشار المرصد إلى توقف القصف عن محافظة درعا": the bombardment stopped; a negotiation named
    # with it lends no sides
    text = (
        "وأشار المرصد إلى توقف القصف عن محافظة درعا، بالتزامن مع انطلاق جولة جديدة من المفاوضات"
        " بين الجانب الروسي وممثلي محافظة درعا."
    )
    assert pipeline.extract(text, published=date(2018, 7, 6)) == []


def test_a_kinsman_killed_is_a_civilian(pipeline):
    # "أقدم عنصر في ميليشيا حزب الله السوري على قتل شقيقه": the brother, no fighter
    event = only_event(
        pipeline,
        "أقدم عنصر في ميليشيا حزب الله السوري على قتل شقيقه بسبب خلاف عائلي في بلدة حطلة.",
        published=date(2024, 10, 12),
    )
    assert (event.sub_event_type, event.actor2) == ("Attack", "Civilians (Syria)")


def test_land_to_be_retaken_is_a_purpose_not_a_takeover(pipeline):
    # "لاستعادة السيطرة": لـ with its verbal noun says what an operation is for, not what it did
    events = pipeline.extract(
        "أطلقت قوات النظام عملية عسكرية واسعة لاستعادة السيطرة على الغوطة الشرقية.",
        published=date(2018, 3, 10),
    )
    assert events == []


def test_in_an_attempt_to_names_no_target(pipeline):
    # "في محاولة لإخضاع الفصائل": the shelling is told, the factions it is meant to subdue are
    # not what it struck
    event = only_event(
        pipeline,
        "صعدت قوات النظام قصفها على بلدة كفربطنا في محاولة لإخضاع الفصائل.",
        published=date(2018, 3, 10),
    )
    assert (event.sub_event_type, event.actor1) == ("Shelling/artillery/missile attack", STATE)
    assert event.actor2 is None


def test_where_a_shell_was_fired_from_is_not_where_it_fell(pipeline):
    # "قذيفة ... أطلقت من الغوطة الشرقية": the place after "أطلقت من" is the launch site
    event = only_event(
        pipeline,
        "سقطت قذيفة صاروخية على حي باب توما في دمشق، الثلاثاء، أطلقت من الغوطة الشرقية.",
        published=date(2018, 4, 10),
    )
    assert event.location == "حي باب توما"


@pytest.mark.parametrize(
    "text",
    [
        "قتل 3 مدنيين جراء سقوط قذائف صاروخية أطلقتها فصائل المعارضة من دوما على العاصمة دمشق.",
        "قتل 3 مدنيين في قصف صاروخي للفصائل من الغوطة الشرقية على أحياء العاصمة دمشق.",
    ],
)
def test_fire_from_one_place_onto_another_falls_on_the_second(pipeline, text):
    # "من X على Y": X is where the fire came from, Y where it fell: one event, at Y
    event = only_event(pipeline, text, published=date(2018, 3, 10))
    assert (event.location, event.fatalities) == ("دمشق", 3)


def test_governorate_glued_after_a_town_is_where_it_lies(pipeline):
    # "بلدة الحراك بدرعا": clitic "ب" on the governorate's name: one event, in the town
    event = only_event(
        pipeline, "قتل 5 مدنيين في غارات جوية على بلدة الحراك بدرعا.", published=date(2018, 6, 20)
    )
    assert (event.location, event.fatalities) == ("الحراك", 5)


@pytest.mark.parametrize(
    "text",
    [
        "قصفت قوات النظام قرية الهبيط التي تبعد 10 كيلومترات عن خان شيخون.",
        "قصفت قوات النظام قرية الهبيط الواقعة على مسافة نحو 10 كيلومترات من خان شيخون.",
        "قصفت قوات النظام قرية الهبيط على بعد 10 كيلومترات من خان شيخون.",
    ],
)
def test_the_place_a_distance_is_measured_from_only_locates(pipeline, text):
    # "تبعد/على بعد/على مسافة N كيلومترات عن/من X": X locates the village, no second target
    event = only_event(pipeline, text, published=date(2018, 7, 26))
    assert event.location == "الهبيط"


def test_where_the_wounded_were_taken_is_no_place_of_the_act(pipeline):
    # "إصابة 3 عناصر نُقلوا إلى المشفى الوطني في مدينة درعا": the hospital's town is where
    # the wounded went, not a second blast
    event = only_event(
        pipeline,
        "انفجرت عبوة ناسفة بسيارة عسكرية قرب بلدة المزيريب، ما أسفر عن إصابة ٣ عناصر نُقلوا "
        "إلى المشفى الوطني في مدينة درعا.",
        published=date(2024, 4, 16),
    )
    assert event.location == "مزيريب"


def test_the_countryside_named_before_its_town_frames_a_village(pipeline):
    # "في الريف الشمالي للقنيطرة": the direction adjective before the town, which takes "لـ"
    event = only_event(
        pipeline,
        "توغلت قوة إسرائيلية في بلدة جباتا الخشب في الريف الشمالي للقنيطرة، واعتقلت شابين.",
        published=date(2025, 2, 4),
    )
    assert (event.location, event.sub_event_type) == ("جباتا الخشب", "Arrests")


def test_two_bodies_found_in_the_construct_dual_are_a_killing(pipeline):
    # "جثتي شابين": the construct dual drops its ن; the two found killed are the toll
    event = only_event(
        pipeline,
        "عثر أهالٍ على جثتي شابين مقتولين بطلقات نارية في حي الزهراء بمدينة حمص.",
        published=date(2025, 10, 14),
    )
    assert (event.sub_event_type, event.fatalities, event.location) == ("Attack", 2, "حي الزهراء")


def test_an_assassinated_man_of_no_side_is_a_civilian(pipeline):
    # "اغتال مسلحون مجهولون عضواً في المجلس المحلي": no armed side named as the victim
    event = only_event(
        pipeline,
        "اغتال مسلحون مجهولون عضواً في المجلس المحلي لبلدة الشحيل بريف دير الزور الشرقي.",
        published=date(2025, 5, 21),
    )
    assert (event.sub_event_type, event.actor2) == ("Attack", CIVILIANS)
    # an armed side named as the victim makes it a clash, as before
    event = only_event(
        pipeline,
        "اغتال مسلحون مجهولون عنصراً من قوات النظام في بلدة الشحيل.",
        published=date(2023, 5, 21),
    )
    assert (event.sub_event_type, event.actor2) == ("Armed clash", STATE)


def test_a_move_told_after_a_killing_describes_the_killer(pipeline):
    # "برصاص قناص تمركز على سطح مبنى": the indefinite noun's verb describes the sniper; the
    # death is the act, no base set up
    event = only_event(
        pipeline,
        "قُتل أحد مقاتلي العشائر برصاص قناص تمركز على سطح مبنى البلدية في بلدة ذيبان.",
        published=date(2023, 8, 30),
    )
    assert (event.event_type, event.fatalities) == ("Battles", 1)


@pytest.mark.parametrize(
    "text",
    [
        "ويتكرر سقوط ضحايا في صفوف جامعي الكمأة في البادية السورية خلال موسم جمعها، إذ قُتل "
        "أكثر من 50 شخصاً منذ بداية الموسم الحالي.",
        "وتشهد مدينة حمص وريفها بين الحين والآخر حوادث قتل وخطف، تتهم فيها جهات مختلفة.",
        "وتشن القوات العراقية بين الحين والآخر ضربات جوية ضد تنظيم الدولة في محافظة دير الزور.",
    ],
)
def test_what_recurs_now_and_then_or_over_a_season_is_no_act(pipeline, text):
    # "يتكرر"، "بين الحين والآخر"، "منذ بداية الموسم": a habit or a season's dead, a tally
    assert pipeline.extract(text, published=date(2024, 3, 9)) == []


@pytest.mark.parametrize(
    "text",
    [
        "وتشهد مناطق سيطرة الجيش الوطني في ريفي حلب والحسكة اقتتالاً متكرراً بين الفصائل.",
        "ويشن داعش هجمات متكررة ضد مواقع النظام في ريفي حمص ودير الزور.",
        "ونفذت إسرائيل ضربات جوية متكررة ضد أهداف إيرانية في سوريا.",
    ],
)
def test_acts_told_as_repeated_are_no_one_act(pipeline, text):
    # the adjective "متكرر/متكررة" after the act's noun: a habit summed up, like "يتكرر"
    assert pipeline.extract(text, published=date(2024, 6, 5)) == []


def test_a_strike_told_beside_repeated_attacks_stands(pipeline):
    # "نفذ غارات على بادية الرصافة عقب هجمات متكررة للتنظيم": only the attacks the adjective
    # qualifies are a habit; the strikes are one act, background by "وكان ... قد"
    event = only_event(
        pipeline,
        "وكان الطيران الروسي قد نفذ غارات على بادية الرصافة جنوبي الرقة، عقب هجمات متكررة "
        "للتنظيم على نقاط الفرقة 17 في المنطقة.",
        published=date(2023, 12, 14),
    )
    assert (event.sub_event_type, event.historical) == ("Air/drone strike", True)


def test_a_land_shared_between_sides_is_no_takeover(pipeline):
    # "ويتشارك فصيلان إسلاميان السيطرة على الغوطة الشرقية": who holds a land, a state
    text = "ويتشارك فصيلان إسلاميان السيطرة على الغوطة الشرقية مع تنظيم كان مواليا للقاعدة."
    assert pipeline.extract(text, published=date(2018, 2, 24)) == []


def test_what_is_spread_over_a_land_is_no_act(pipeline):
    # "وتنتشر مخلفات الحرب والألغام في أرياف الرقة": a state, no explosion told; the
    # explosion told before it in the report stands
    found = pipeline.extract(
        "قُتل طفلان بانفجار جسم من مخلفات الحرب في مدينة معدان بريف الرقة الشرقي. "
        "وتنتشر مخلفات الحرب والألغام بكثافة في أرياف الرقة ودير الزور.",
        published=date(2024, 4, 14),
    )
    assert [(e.location, e.fatalities) for e in found] == [("معدان", 2)]
    # put after the act, the verb of spreading takes nothing from it
    event = only_event(
        pipeline,
        "وقصفت تركيا منطقة عفرين قبل ثمانية أسابيع، وهددت بتوسيع نطاق هجومها ليشمل مناطق "
        "تنتشر فيها قوات أميركية.",
        published=date(2018, 3, 19),
    )
    assert event.location == "منطقة عفرين"


def test_a_town_on_alert_beside_the_act_is_no_place_of_it(pipeline):
    # "وسط حالة استنفار في بلدة البصيرة": where a state of alert is, not where the fight was
    found = pipeline.extract(
        "سيطر مقاتلو العشائر صباح اليوم على قريتي الطيانة والشحيل إثر اشتباكات مع عناصر قسد، "
        "وطردوهم من نقاطهم داخل القريتين، وسط حالة استنفار في بلدة البصيرة.",
        published=date(2023, 8, 30),
    )
    assert sorted(e.location for e in found) == ["الشحيل", "الطيانة"]


def test_where_a_convoy_was_heading_gives_way_to_where_it_was_hit(pipeline):
    # "قرب بلدة المزرعة أثناء توجهه إلى مدينة السويداء": the town it was going to is an aside
    event = only_event(
        pipeline,
        "تعرض رتل لقوات وزارة الدفاع لهجوم من مسلحين قرب بلدة المزرعة أثناء توجهه إلى مدينة "
        "السويداء، ما أدى إلى مقتل ٦ عناصر.",
        published=date(2025, 7, 14),
    )
    assert (event.location, event.fatalities) == ("المزرعة", 6)
    # alone, where it was heading is all the report says of the place
    event = only_event(
        pipeline,
        "تعرض رتل لقوات وزارة الدفاع لهجوم أثناء توجهه إلى مدينة السويداء.",
        published=date(2025, 7, 14),
    )
    assert event.location == "السويداء"


def test_a_bombing_planned_is_not_told_as_done_and_the_arrest_stands(pipeline):
    # "مسؤولة عن التخطيط لتفجير كنيسة": the planned bombing is no act; the arrest is
    event = only_event(
        pipeline,
        "أعلنت وزارة الداخلية، مساء أمس الاثنين، القبض على أفراد خلية تابعة لتنظيم داعش يُعتقد "
        "أنها مسؤولة عن التخطيط لتفجير كنيسة في دمشق، خلال عملية أمنية في مدينة حرستا.",
        published=date(2025, 6, 24),
    )
    assert (event.sub_event_type, event.location) == ("Arrests", "حرستا")


def test_a_date_that_names_a_deal_is_not_the_acts_day(pipeline):
    # "متهماً الأخيرة بخرق اتفاق العاشر من آذار": the agreement's name, not the shelling's day
    event = only_event(
        pipeline,
        "ردت وحدات الجيش بقصف مدفعي استهدف مواقع لقسد في محيط مدينة دير حافر، متهماً الأخيرة "
        "بخرق اتفاق العاشر من آذار.",
        published=date(2025, 8, 19),
    )
    assert (event.event_date, event.historical) == ("2025-08-19", False)


def test_an_arrest_told_with_no_doer_was_made_by_the_side_named_before(pipeline):
    # "القوات الأمنية فرضت حظر تجوال، فيما جرى اعتقال ١٢ شخصاً": "جرى"/"تم" tell the act with
    # no doer; the security forces named before it in the sentence arrested them
    event = only_event(
        pipeline,
        "وقالت مصادر محلية إن القوات الأمنية فرضت حظر تجوال في الحيين، فيما جرى اعتقال ١٢ شخصاً "
        "في حي وادي الذهب.",
        published=date(2025, 1, 4),
    )
    assert (event.sub_event_type, event.actor1) == ("Arrests", "Police Forces of Syria (2024-)")


def test_the_ends_of_a_road_with_its_adjective_give_way_to_the_place_near_it(pipeline):
    # "على الطريق الدولي دمشق – بيروت قرب منطقة جديدة يابوس": Damascus is a road's end
    event = only_event(
        pipeline,
        "استهدفت طائرة مسيّرة إسرائيلية سيارة على الطريق الدولي دمشق – بيروت قرب منطقة جديدة "
        "يابوس الحدودية بريف دمشق الغربي، ما أدى إلى مقتل شخصين.",
        published=date(2024, 7, 23),
    )
    assert (event.location, event.fatalities) == ("جديدة يابوس", 2)


def test_what_a_convoy_went_to_protest_is_background_to_the_strike_on_it(pipeline):
    # "للاحتجاج على المعارك الدائرة في محيط السد": the fighting protested is background, no
    # means of the strike; "السد" is the dam just named, not the quarter called al-Sad
    found = pipeline.extract(
        "قُتل 5 مدنيين جراء استهداف طائرة مسيّرة تركية قافلة مدنية كانت متجهة إلى سد تشرين "
        "جنوب شرقي منبج، للاحتجاج على المعارك الدائرة في محيط السد.",
        published=date(2025, 1, 8),
    )
    assert sorted((e.sub_event_type, e.location, e.fatalities, e.historical) for e in found) == [
        ("Air/drone strike", "سد تشرين", 5, False),
        ("Armed clash", "سد تشرين", 0, True),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # what a place may see has not happened
        "وقال محللون إن إدلب قد تشهد معارك طاحنة في الأشهر المقبلة.",
        # the front lines a force is sent to are a place, no fighting
        "وأمرت القيادة القسم الأكبر من هذه القوة بالتحرك نحو خطوط القتال الأمامية في إدلب.",
        # earlier battles named to compare the coming one with
        "ستكون معركة إدلب الأحدث في حلقة معارك النهاية بعد القتال في حمص وحلب والرقة ودير الزور.",
    ],
)
def test_battles_foreseen_compared_or_fronts_named_are_no_acts(pipeline, text):
    assert pipeline.extract(text, published=date(2018, 3, 20)) == []


def test_the_capital_that_accuses_or_retracts_is_its_government(pipeline):
    # "وكانت دمشق اتهمت إسرائيل"، "وسحبت دمشق تقارير": the capital speaking is no place of the
    # strike; a verb after a full stop says nothing of the place before it
    found = pipeline.extract(
        "وكانت دمشق اتهمت إسرائيل بشن غارة جوية استهدفت مطار التيفور العسكري في ريف حمص.",
        published=date(2018, 4, 17),
    )
    assert [e.location for e in found] == ["مطار التيفور"]
    event = only_event(
        pipeline,
        "قصفت قوات النظام مناطق في درعا البلد. وأكدت الأمم المتحدة أن آلاف الأشخاص فروا.",
        published=date(2018, 6, 27),
    )
    assert event.location == "درعا البلد"


def test_the_town_people_come_from_gives_way_to_where_they_were_taken(pipeline):
    # "شابين من أهالي مدينة داعل على حاجز في مدينة درعا": their town, beside the act's place
    event = only_event(
        pipeline,
        "اعتقلت دورية للأمن العسكري شابين من أهالي مدينة داعل على حاجز في مدينة درعا.",
        published=date(2018, 7, 10),
    )
    assert event.location == "درعا"
    # alone, it is the only place told, and stands for the act's
    event = only_event(
        pipeline,
        "اعتقلت دورية للأمن العسكري شابين من سكان مدينة داعل.",
        published=date(2018, 7, 10),
    )
    assert event.location == "داعل"


def test_lists_of_names_of_the_dead_are_a_tally(pipeline):
    # "قوائم بأسماء وصور لمعتقلين قتلوا داخل السجون": the dead of years, no one act's toll
    found = pipeline.extract(
        "وسلمت السلطات قوائم بأسماء لمعتقلين قتلوا داخل السجون من أبناء مدينة داريا.",
        published=date(2018, 8, 1),
    )
    assert all(not e.fatalities for e in found)


@pytest.mark.parametrize(
    "text",
    [
        # the verb's plural ending, with the time before "على": "سيطروا منذ صباح أمس على"
        "وقالت إدارة العمليات العسكرية إن مقاتليها سيطروا منذ صباح أمس الأربعاء على بلدة عنجارة.",
        # an adjective of the whole between the noun of control and "على"
        "أعلنت إدارة العمليات العسكرية السيطرة الكاملة على بلدة عنجارة.",
    ],
)
def test_a_takeover_told_with_a_plural_verb_or_full_control_is_told(pipeline, text):
    event = only_event(pipeline, text, published=date(2024, 11, 28))
    assert (event.sub_event_type, event.location) == (
        "Non-state actor overtakes territory",
        "عنجارة",
    )


@pytest.mark.parametrize("unit", ["قوة عسكرية", "دورية عسكرية", "آليات عسكرية"])
def test_a_unit_with_its_own_adjective_then_the_sides_is_that_side(pipeline, unit):
    # "توغلت قوة عسكرية إسرائيلية": the side's adjective after the unit and its own adjective
    event = only_event(
        pipeline, f"توغلت {unit} إسرائيلية في قرية الرفيد.", published=date(2025, 5, 13)
    )
    assert event.actor1 == "Military Forces of Israel (2022-)"


def test_aircraft_backing_a_sweep_strike_nothing(pipeline):
    # "وشنت عملية تمشيط في المنطقة بمساندة الطيران المروحي": the helicopters back the sweep
    event = only_event(
        pipeline,
        "دفعت قوات النظام بتعزيزات عسكرية إلى محيط التبني، وشنت عملية تمشيط في المنطقة بمساندة "
        "الطيران المروحي.",
        published=date(2023, 6, 13),
    )
    assert event.sub_event_type == "Change to group/activity"


def test_schools_suspended_are_no_move_of_a_force(pipeline):
    # "علّقت مديريات التربية الدوام": "علّق" alone (suspended, or commented) tells no act
    event = only_event(
        pipeline,
        "وتعرضت أطراف مدينة إدلب لقصف، في حين علّقت مديريات التربية الدوام في مدارس المنطقة.",
        published=date(2023, 10, 6),
    )
    assert event.sub_event_type == "Shelling/artillery/missile attack"


@pytest.mark.parametrize(
    "text",
    [
        # the acts since a campaign began, summed up
        "ووثق المكتب أكثر من 6 مجازر بحق المدنيين في محافظة درعا منذ بداية الحملة العسكرية.",
        # incursions since the fall, summed up
        "وتواصل إسرائيل توغلاتها في محافظتي القنيطرة ودرعا منذ سقوط نظام الأسد.",
        # places described by the battles they saw
        "وعاد الأهالي إلى المناطق التي شهدت معارك ضد تنظيم داعش في ريف الرقة.",
    ],
)
def test_acts_summed_up_since_a_start_or_describing_places_are_no_act(pipeline, text):
    assert pipeline.extract(text, published=date(2025, 5, 13)) == []


def test_the_dead_since_the_start_of_a_month_are_a_tally(pipeline):
    # "منذ مطلع كانون الثاني الجاري": from the month's first day, weeks of blasts summed up
    text = (
        "وبحسب الدفاع المدني، قُتل عدد من المدنيين منذ مطلع كانون الثاني الجاري بانفجار مخلفات "
        "الحرب في أرياف إدلب وحماة وحلب."
    )
    assert pipeline.extract(text, published=date(2025, 1, 20)) == []


def test_strikes_directed_by_a_side_at_sites_in_syria_are_told(pipeline):
    # "الضربات التي وجهتها إسرائيل في سوريا": "وجهتها" names who directed them, and the
    # country named as where they were makes them told, at no town
    found = pipeline.extract(
        "أعلن البيت الأبيض تأييده للضربات التي وجهتها إسرائيل في سوريا فجر الخميس.",
        published=date(2018, 5, 11),
    )
    assert [(e.actor1, e.location) for e in found] == [
        ("Military Forces of Israel (2009-2021)", None)
    ]
    # "ووجهت سوريا وروسيا وإيران الاتهامات لإسرائيل": a bare "وجهت" names no striker
    found = pipeline.extract(
        "وقتل عسكريون إيرانيون في غارة على قاعدة التيفور الجوية، ووجهت سوريا وروسيا وإيران "
        "الاتهامات لإسرائيل بالوقوف وراء هذه الغارة.",
        published=date(2018, 4, 17),
    )
    assert "Military Forces of Russia (2000-)" not in {e.actor1 for e in found}


def test_a_strike_on_sites_named_by_their_syrian_owner_is_in_syria(pipeline):
    # "ضربة صاروخية لمواقع تابعة للنظام السوري": told at no town, the regime's sites are in
    # Syria, and the strike is told there (abroad.tsv home_site)
    event = only_event(
        pipeline,
        "شنت الولايات المتحدة ضربة صاروخية لمواقع تابعة للنظام السوري فجر السبت.",
        published=date(2018, 4, 17),
    )
    assert (event.actor1, event.location) == (
        "Military Forces of the United States (2017-2021)",
        None,
    )
    # a town named for the sites keeps the strike there
    event = only_event(
        pipeline,
        "قصفت الطائرات الإسرائيلية مواقع عسكرية سورية قرب بلدة الحارة فجر السبت.",
        published=date(2018, 4, 17),
    )
    assert event.location == "الحارة"


@pytest.mark.parametrize(
    "text",
    [
        # strikes threatened, not carried out
        "وفشلت الولايات المتحدة في المضي في تنفيذ تهديداتها بشن غارات على مواقع النظام في دمشق.",
        # a habit of a side
        "ودأبت إسرائيل خلال الأسابيع الأخيرة على شن غارات على مواقع إيرانية قرب دمشق.",
        # a protest abroad, and the grievance it names
        "وتظاهر المئات في برلين احتجاجا على الهجوم التركي على عفرين.",
    ],
)
def test_threats_habits_states_and_protests_abroad_are_no_acts(pipeline, text):
    found = pipeline.extract(text, published=date(2018, 4, 20))
    assert [e for e in found if not e.historical] == []


def test_the_town_a_speaker_is_in_gives_way_to_the_town_struck(pipeline):
    # "الناشط الموجود في بلدة بصر الحرير": where the speaker is, beside the act's town
    event = only_event(
        pipeline,
        "وقال الناشط الإعلامي محمد إبراهيم الموجود في بلدة بصر الحرير إن الطائرات قصفت بلدة "
        "الحراك.",
        published=date(2018, 6, 26),
    )
    assert event.location == "الحراك"


def test_a_pluperfect_verb_of_saying_does_not_make_the_act_background(pipeline):
    # "وكان ناشطون أفادوا بتجدد الضربات ... صباح اليوم": when it was said, not an old act
    event = only_event(
        pipeline,
        "وكان ناشطون أفادوا بتجدد الضربات الجوية على بلدة حمورية صباح اليوم.",
        published=date(2018, 2, 25),
    )
    assert event.historical is False


def test_a_place_said_to_be_far_from_the_strikes_is_not_theirs(pipeline):
    # "بعيدة كل البعد عن الجولان": the place named as far from the act
    assert (
        pipeline.extract(
            "وكانت معظم غاراتها الجوية بعيدة كل البعد عن الجولان.", published=date(2018, 6, 2)
        )
        == []
    )


@pytest.mark.parametrize(
    "text",
    [
        # Syria as the object of a verb of striking
        "وقال الكرملين إن الهجمات الصاروخية التي استهدفت سوريا فجر السبت انتهاك للقانون الدولي.",
        # sites said to belong to the Syrian state
        "وقصفت مدمرات أميركية وطائرات حربية بريطانية مواقع يشتبه بأنها تحتوي منشآت كيماوية "
        "تابعة للنظام السوري.",
    ],
)
def test_a_strike_on_syria_or_on_the_states_sites_is_told_at_no_town(pipeline, text):
    event = only_event(pipeline, text, published=date(2018, 4, 17))
    assert (event.event_type, event.location) == ("Explosions/Remote violence", None)


def test_what_goes_on_meanwhile_is_another_act_at_its_own_place(pipeline):
    # "قصفت الطائرات بلدة حرستا، في وقت تدور فيه اشتباكات على أطراف مديرا": two acts
    found = pipeline.extract(
        "وقصفت الطائرات بلدة حرستا، في وقت تدور فيه اشتباكات عنيفة على أطراف بلدة مديرا.",
        published=date(2018, 4, 7),
    )
    assert sorted((e.sub_event_type, e.location) for e in found) == [
        ("Air/drone strike", "حرستا"),
        ("Armed clash", "مديرا"),
    ]
    # "في وقت متأخر من ليل الأحد" is a time, and cuts nothing
    event = only_event(
        pipeline,
        "قصفت الطائرات، في وقت متأخر من ليل الأحد، بلدة حرستا.",
        published=date(2018, 4, 9),
    )
    assert event.location == "حرستا"


def test_air_defences_named_among_what_a_strike_hit_are_a_target(pipeline):
    # "واستهدفت الصواريخ قاعدة الشعيرات ... وأنظمة الدفاع الجوي": what was hit, no interception
    event = only_event(
        pipeline,
        "واستهدفت الصواريخ قاعدة الشعيرات الجوية ومخازن الذخيرة فيها وأنظمة الدفاع الجوي.",
        published=date(2017, 4, 7),
    )
    assert event.event_type == "Explosions/Remote violence"
    # meeting the strike ("وتصدت الدفاعات الجوية لها") is still their act's part
    found = pipeline.extract(
        "استهدفت صواريخ إسرائيلية مطار المزة العسكري، وتصدت الدفاعات الجوية السورية لها.",
        published=date(2018, 5, 10),
    )
    assert {e.location for e in found} == {"مطار المزة"}


def test_from_after_a_verb_is_no_origin_of_fire(pipeline):
    # "تمكنت من عزل دوما بعد السيطرة على مسرابا": "من" opens the verb's object, not an origin
    events = pipeline.extract(
        "وتمكنت قوات النظام السبت من عزل دوما بعد السيطرة على بلدة مسرابا.",
        published=date(2018, 3, 11),
    )
    assert "مسرابا" in {e.location for e in events}


def test_fortifications_struck_are_no_base_established(pipeline):
    # "تحصينات" (plural noun) is what the strike hit; "حصّنت"/"قامت بتحصين" is fortifying
    assert not [
        e
        for e in pipeline.extract(
            "وقال الجيش إن طائراته تمكنت من ضرب تحصينات وأوكار الإرهابيين في ريف إدلب.",
            published=date(2018, 3, 10),
        )
        if e.sub_event_type == "Headquarters or base established"
    ]
    event = only_event(
        pipeline,
        "وحصّنت قوات النظام المباني التي تمركزت فيها في بلدة الطيبة بريف درعا.",
        published=date(2019, 11, 17),
    )
    assert event.sub_event_type == "Headquarters or base established"


def test_the_explosion_of_a_missile_is_the_missile_strike(pipeline):
    # "وأدى انفجار أحدها": what exploded is the missile named in the clause, no roadside bomb
    event = only_event(
        pipeline,
        "استهدفت ثلاثة صواريخ موقعا عسكريا بالقرب من حمص، وأدى انفجار أحدها إلى إصابة 3 مدنيين.",
        published=date(2018, 4, 14),
    )
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    event = only_event(
        pipeline,
        "تم إطلاق 55 صاروخا على مواقع في ريف دمشق ودوت انفجارات ضخمة في أنحاء المنطقة.",
        published=date(2018, 5, 10),
    )
    assert event.sub_event_type == "Shelling/artillery/missile attack"


def test_an_explosion_alone_is_a_remote_explosive(pipeline):
    # "انفجرت عبوة ناسفة"، "انفجار في سوق": no weapon named, the explosion is the act
    event = only_event(
        pipeline,
        "قتل ثلاثة مدنيين في انفجار هز سوق مدينة إعزاز بريف حلب الشمالي.",
        published=date(2018, 5, 10),
    )
    assert event.sub_event_type == "Remote explosive/landmine/IED"


def test_damascus_accused_is_the_government_not_a_place(pipeline):
    # "اتهمت الدول الغربية دمشق بشن الهجوم"، "وكانت دمشق قد اتهمت إسرائيل": the capital
    # accused, or accusing, stands for its government; the act is where the text puts it
    for text in (
        "واتهمت الدول الغربية الثلاثة دمشق بشن الهجوم الكيميائي على مدينة دوما في السابع من نيسان.",
        "وكانت دمشق قد اتهمت إسرائيل بشن غارة على مطار التيفور العسكري في ريف حمص.",
        "وجاءت الضربات بعد اتهامات وجهت إلى دمشق بتنفيذ هجوم كيميائي في دوما.",
    ):
        event = only_event(pipeline, text, published=date(2018, 4, 15))
        assert event.location != "دمشق", text


def test_an_act_told_alongside_is_another_act(pipeline):
    # "تزامنا مع": put first, the phrase ends at its comma and the takeover is the clause's act;
    # after a comma, it opens another act with its own place
    for text in (
        "وتزامنا مع الضربات الجوية، تمكنت قوات النظام من السيطرة على بلدة المسيفرة في ريف درعا.",
        "وبالتزامن مع الغارات، سيطرت قوات النظام على بلدة المسيفرة في ريف درعا.",
    ):
        event = only_event(pipeline, text, published=date(2018, 7, 5))
        assert (event.sub_event_type, event.location) == (
            "Government regains territory",
            "المسيفرة",
        ), text
    events = pipeline.extract(
        "شنت طائرات حربية غارات على بلدة الحراك، تزامنا مع اشتباكات عنيفة في بلدة المسيفرة في "
        "ريف درعا.",
        published=date(2018, 7, 5),
    )
    assert sorted((e.sub_event_type, e.location) for e in events) == [
        ("Air/drone strike", "الحراك"),
        ("Armed clash", "المسيفرة"),
    ]


def test_a_lead_naming_the_attacks_is_no_reference_back(pipeline):
    # "الهجمات التي شنها داعش" refers back only to acts already told; in the lead it tells them
    event = only_event(
        pipeline,
        "ارتفعت إلى 100 قتيل حصيلة التفجيرات الانتحارية والهجمات التي شنها داعش، الأربعاء، في "
        "محافظة السويداء جنوب غربي سوريا.",
        published=date(2018, 7, 26),
    )
    assert (event.sub_event_type, event.actor1, event.fatalities) == (
        "Suicide bomb",
        "Islamic State (Syria)",
        100,
    )


def test_the_toll_of_a_week_of_shelling_is_a_tally(pipeline):
    # "خلال أسبوع من القصف"، "بعد أسبوع من القصف": one unit of time before acts that go on is
    # a stretch, its dead a tally; "في شهر آب" still dates an act
    for text in (
        "وقتل أكثر من 500 مدني خلال أسبوع من القصف على الغوطة الشرقية.",
        "ويعتقد أن أكثر من 500 مدني قتلوا بعد أسبوع من القصف الكثيف على الغوطة الشرقية.",
    ):
        assert pipeline.extract(text, published=date(2018, 2, 27)) == [], text
    event = only_event(
        pipeline,
        "قتل خمسة مدنيين في غارة جوية على بلدة سراقب في شهر آب الماضي.",
        published=date(2018, 9, 27),
    )
    assert (event.fatalities, event.time_precision) == (5, 3)


def test_shelling_told_with_combat_operations_is_part_of_the_battle(pipeline):
    # codebook: shelling inside an ongoing battle is the battle ("عمليات قتالية وقصفا مدفعيا")
    event = only_event(
        pipeline,
        "وتشهد المنطقة عمليات قتالية وقصفا مدفعيا وصاروخيا متبادلا بين قوات النظام السوري "
        "ومسلحي داعش في حي الحجر الأسود.",
        published=date(2018, 4, 25),
    )
    assert (event.sub_event_type, event.actor1, event.actor2) == (
        "Armed clash",
        STATE,
        "Islamic State (Syria)",
    )


def test_raids_and_shelling_joined_are_two_acts(pipeline):
    # "بغارات وقصف النظام"، "لقصف وغارات": two means joined by و are two events (codebook: one
    # type of action), the toll divided between them; "غارات وقصف جوي" is one means
    events = pipeline.extract(
        "قتل 20 مدنيا بغارات وقصف النظام السوري لبلدة حمورية في الغوطة الشرقية.",
        published=date(2018, 2, 25),
    )
    assert sorted((e.sub_event_type, e.fatalities) for e in events) == [
        ("Air/drone strike", 10),
        ("Shelling/artillery/missile attack", 10),
    ]
    events = pipeline.extract(
        "قتل 17 مدنيا من جراء غارات وقصف جوي لقوات النظام على مخيم اليرموك.",
        published=date(2018, 4, 27),
    )
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Air/drone strike", 17)]


def test_a_foiled_drone_attack_is_weapons_kept_from_use(pipeline):
    # "إحباط هجوم بطائرات دون طيار مفخخة": the booby-trapped drones named after the foiling
    # are the weapons it kept from use, no explosion
    event = only_event(
        pipeline,
        "أعلنت وزارة الدفاع الروسية إحباط هجوم بطائرات دون طيار مفخخة استهدف قاعدة حميميم.",
        published=date(2018, 3, 11),
    )
    assert (event.sub_event_type, event.actor1) == (
        "Disrupted weapons use",
        "Military Forces of Russia (2000-)",
    )


def test_strikes_met_by_air_defences_are_the_strike(pipeline):
    # "تصدت لغارات إسرائيلية استهدفت قاعدة التيفور": the raids met are the act; only an
    # aircraft named ("أسقطت الدفاعات الجوية طائرة مسيرة") is a weapon kept from use
    event = only_event(
        pipeline,
        "وقالت وكالة الأنباء السورية إن الدفاعات الجوية السورية تصدت لغارات إسرائيلية استهدفت "
        "قاعدة التيفور الجوية في ريف حمص.",
        published=date(2018, 7, 9),
    )
    assert (event.event_type, event.location) == ("Explosions/Remote violence", "مطار التيفور")
    event = only_event(
        pipeline,
        "أسقطت الدفاعات الجوية السورية طائرة مسيرة فوق مطار التيفور في ريف حمص.",
        published=date(2018, 7, 9),
    )
    assert event.sub_event_type == "Disrupted weapons use"


def test_the_dual_of_area_names_its_places(pipeline):
    # "في منطقتي المزة والزبلطاني": the dual of "منطقة" is a place cue as "منطقة" is
    events = pipeline.extract(
        "وأفادت وسائل إعلام بوقوع انفجارين كبيرين في منطقتي المزة والزبلطاني في دمشق.",
        published=date(2018, 5, 10),
    )
    assert "حي المزة القديمة" in {e.location for e in events}


def test_a_recalled_foreign_strike_told_at_no_place_is_in_the_country(pipeline):
    # "وكان قصف إسرائيلي قد استهدف في كانون الأول الماضي مواقع عسكرية": a strike recalled by
    # a state that fights in Syria only from afar is coded, placed nowhere more specific (as
    # the gold places "في سوريا")
    events = pipeline.extract(
        "قتل ثلاثة عناصر من قوات النظام في غارة على مطار التيفور في ريف حمص. وكان قصف إسرائيلي "
        "قد استهدف في كانون الأول/ديسمبر الماضي مواقع عسكرية في المنطقة، بينها مستودع أسلحة.",
        published=date(2018, 5, 8),
    )
    recalled = [e for e in events if e.historical]
    assert [(e.actor1, e.location, e.event_date) for e in recalled] == [
        ("Military Forces of Israel (2009-2021)", None, "2017-12-15")
    ]


def test_the_dead_of_the_war_as_a_whole_are_a_tally(pipeline):
    # "جراء الصراع والقصف الجوي": children killed by the conflict at large, no one act
    assert (
        pipeline.extract(
            "وجاء في بيان المنظمة الأممية أن العشرات من الأطفال قتلوا في مدينة منبج أو المناطق "
            "المجاورة لها، جراء الصراع والقصف الجوي.",
            published=date(2016, 7, 21),
        )
        == []
    )


def test_a_call_to_join_a_deal_is_no_deal(pipeline):
    # "مناشير تدعو للانضمام إلى اتفاقات المصالحة": لـ with its verbal noun, what is asked for
    events = pipeline.extract(
        "وألقت طائرات النظام مناشير على بلدات ريف إدلب تدعو للانضمام إلى اتفاقات المصالحة.",
        published=date(2018, 8, 9),
    )
    assert not [e for e in events if e.sub_event_type == "Agreement"]


def test_strikes_on_syria_are_not_at_the_town_of_the_attack_they_answer(pipeline):
    # "ضربات على سوريا ردا على الهجوم الكيميائي في دوما": the country named right after the
    # strikes is where they are put; Douma is the attack they answer
    events = pipeline.extract(
        "وشنت الولايات المتحدة وبريطانيا وفرنسا ضربات على سوريا ردا على الهجوم الكيميائي في دوما.",
        published=date(2018, 4, 17),
    )
    strikes = [e for e in events if e.sub_event_type != "Chemical weapon"]
    assert [(e.actor1, e.location) for e in strikes] == [
        ("Military Forces of the United States (2017-2021)", None)
    ]


def test_a_roundup_led_by_syrian_news_keeps_it_when_it_turns_to_iraq(pipeline):
    # the Saudi dailies' wire roundups: the lead tells a Syrian act, then "وفي العراق، ...";
    # the Iraqi paragraph, longer, does not make the report Iraq's, and its acts ("وفي قضاء
    # حديثة، ...") are abroad
    text = (
        "بيروت، بغداد - وكالات:\n"
        "قتل ثمانية مدنيين بينهم ثلاثة أطفال أمس جراء إلقاء الطيران المروحي براميل متفجرة على "
        "حي طريق السد في مدينة درعا، بحسب المرصد السوري لحقوق الإنسان.\n"
        "وفي العراق، أعلنت قيادة العمليات المشتركة أن القوات العراقية ومقاتلي الحشد الشعبي "
        "تقدموا في الأحياء الجنوبية لمدينة الرمادي، وقتلوا أكثر من أربعين عنصراً من داعش. وفي "
        "قضاء حديثة، صدت القوات العراقية وأبناء العشائر هجوماً للتنظيم على ناحية البغدادي، ما "
        "أسفر عن مقتل سبعة من عناصر الأمن."
    )
    event = only_event(pipeline, text, published=date(2015, 7, 30))
    assert (event.location, event.fatalities) == ("درعا", 8)


def test_a_toll_named_before_its_act_is_the_acts(pipeline):
    # "مئة وعشرة قتلى ... هي حصيلة الغارات على سوق شعبي في مدينة دوما": the toll of one act,
    # told first; "وهي أعلى حصيلة منذ بداية العام" ranks it, no tally
    for text, dead in (
        (
            "مئة وعشرة قتلى وأكثر من ثلاثمئة جريح هي حصيلة الغارات التي شنها الطيران الحربي "
            "أمس على سوق شعبي في مدينة دوما بريف دمشق.",
            110,
        ),
        ("قتل 110 أشخاص في الغارات على مدينة دوما، وهي أعلى حصيلة منذ بداية العام.", 110),
        (
            "قتيلان وعشرة جرحى حصيلة سقوط صواريخ غراد أطلقها مسلحون على حي الزراعة في مدينة "
            "اللاذقية.",
            2,
        ),
    ):
        event = only_event(pipeline, text, published=date(2015, 8, 17))
        assert event.fatalities == dead, text


def test_the_syriac_quarter_of_aleppo_is_named_once(pipeline):
    # OCHA's neighbourhoods table names it "حي السريان": the gazetteer keeps one "حي", so
    # "حيي السريان" (the dual of the quarter noun) finds it, not Homs's al-Rayyan
    events = pipeline.extract(
        "قتل خمسة مدنيين جراء سقوط قذائف أطلقتها فصائل المعارضة على حيي السريان والجميلية في "
        "مدينة حلب.",
        published=date(2015, 8, 10),
    )
    assert "حي السريان" in {e.location for e in events}
    assert {e.admin1 for e in events} == {"Aleppo"}


def test_damascus_authorities_are_the_government_not_a_place(pipeline):
    # "قوات موالية لسلطات دمشق"، "حكومة دمشق": the capital's authorities, no place
    event = only_event(
        pipeline,
        "وشنت طائرات التحالف غارات على قوات موالية لسلطات دمشق هاجمت مقرا لقوات سوريا "
        "الديمقراطية في ريف دير الزور.",
        published=date(2018, 2, 8),
    )
    assert event.admin1 == "Deir-ez-Zor"


def test_the_ancient_city_is_no_second_place(pipeline):
    # "مدينة تدمر الأثرية": archaeological (not_places.tsv, common), not Aleppo's Atharia
    event = only_event(
        pipeline,
        "استعاد تنظيم الدولة الإسلامية الأحد السيطرة على مدينة تدمر الأثرية في وسط سوريا.",
        published=date(2016, 12, 11),
    )
    assert event.location == "تدمر"


def test_a_force_of_a_side_right_after_the_verb_is_its_subject(pipeline):
    # "اعتقلت قوة من جيش الاحتلال الإسرائيلي شابين": "قوة من" (role_nouns.tsv) before the side,
    # right after the verb, is who arrested, not who was taken; so is it before a second verb
    event = only_event(
        pipeline,
        "سيطرت وحدات من وزارة الدفاع على بلدة المزرعة في ريف السويداء الغربي بعد مواجهات مع "
        "فصائل درزية.",
        published=date(2025, 7, 15),
    )
    assert (event.sub_event_type, event.actor1) == (
        "Government regains territory",
        "Military Forces of Syria (2024-)",
    )
    for text in (
        "اعتقلت قوة من جيش الاحتلال الإسرائيلي شابين في بلدة جباتا الخشب بريف القنيطرة.",
        "توغلت قوة من جيش الاحتلال الإسرائيلي في بلدة جباتا الخشب بريف القنيطرة، وداهمت عددا من "
        "المنازل، واعتقلت شابين من أبناء البلدة.",
    ):
        event = only_event(pipeline, text, published=date(2025, 5, 13))
        assert (event.sub_event_type, event.actor1) == (
            "Arrests",
            "Military Forces of Israel (2022-)",
        ), text


def test_members_of_the_security_are_the_police_of_the_day(pipeline):
    # "اعتقلت عناصر الأمن سبعة شبان": the security services, an arrest by the state, no
    # abduction by no one; after the fall, the police of the new state
    event = only_event(
        pipeline,
        "وفي بلدة قدسيا، اعتقلت عناصر الأمن سبعة شبان عند حاجز على مدخل البلدة.",
        published=date(2017, 3, 16),
    )
    assert (event.sub_event_type, event.actor1) == ("Arrests", "Police Forces of Syria (2000-2024)")
    event = only_event(
        pipeline,
        "وفي بلدة قدسيا، اعتقلت عناصر الأمن سبعة شبان عند حاجز على مدخل البلدة.",
        published=date(2025, 3, 16),
    )
    assert event.actor1 == "Police Forces of Syria (2024-)"


def test_what_a_participle_of_saying_adds_is_a_clause_of_its_own(pipeline):
    # "تتصدى للهجوم البري الذي شمل محاور ... حرستا، مضيفة أن الطيران الروسي يشارك في العملية":
    # مضيفاً/مضيفة opens what is said next; the fronts of the ground offensive are battles
    found = pipeline.extract(
        "شنت القوات الحكومية السورية هجوما واسعا من خمسة محاور على منطقة الغوطة الشرقية.\n"
        "وتقول المعارضة المسلحة إنها تتصدى للهجوم البري الذي شمل محاور حزرما والنشابية وحرستا، "
        "مضيفة أن الطيران الروسي يشارك في العملية العسكرية.",
        published=date(2018, 2, 25),
    )
    assert {e.sub_event_type for e in found} == {"Armed clash"}, [
        (e.sub_event_type, e.location) for e in found
    ]


def test_what_followed_an_act_is_another_act(pipeline):
    # "فجرها عند الحاجز، تبعه هجوم لمسلحين على نقاط في قرية صبورة": "تبعه" opens a clause
    # (discourse_cues.tsv); the attack at Sabboura is a clash of its own, no second bombing
    found = pipeline.extract(
        "قتل 6 عناصر من الدفاع الوطني في تفجير انتحاري استهدف حاجزا عند مدخل مدينة السلمية. "
        "وأوضح المرصد أن انتحاريا يقود سيارة مفخخة فجرها عند الحاجز، تبعه هجوم لمسلحين على "
        "نقاط قريبة في قرية صبورة تصدت له قوات النظام، ما أدى لمقتل 4 من المهاجمين.",
        published=date(2016, 8, 17),
    )
    assert sorted((e.sub_event_type, e.location) for e in found) == [
        ("Armed clash", "صبورة"),
        ("Suicide bomb", "السلمية"),
    ]


def test_a_quarter_among_a_towns_places_is_that_towns(pipeline):
    # "على مناطق في الميادين، بينها محيط المشفى الوطني": the national hospital of al-Mayadin,
    # not Hasakah's quarter of that name
    event = only_event(
        pipeline,
        "نفذت طائرات حربية ٣ غارات على مناطق في الميادين، بينها محيط المشفى الوطني.",
        published=date(2015, 9, 22),
    )
    assert event.location == "الميادين"


def test_quarters_said_to_be_under_a_sides_control_lie_in_the_town_named_after(pipeline):
    # "على حيي الجورة والقصور الخاضعين لسيطرة قوات النظام في مدينة دير الزور": the words of
    # control (context.tsv, connector) tie the quarters to their town, which is no third target
    found = pipeline.extract(
        "قتل 5 مدنيين جراء سقوط قذائف هاون أطلقها تنظيم داعش على حيي الجورة والقصور الخاضعين "
        "لسيطرة قوات النظام في مدينة دير الزور.",
        published=date(2015, 9, 22),
    )
    assert sorted(e.location for e in found) == ["حي الجورة", "حي القصور"]
    event = only_event(
        pipeline,
        "استهدفت غارات جوية روسية كتيبة الدرعية غرب بلدة المعلقة الخاضعة لسيطرة داعش والمتاخمة "
        "للحدود مع الجولان.",
        published=date(2018, 7, 21),
    )
    assert event.location == "المعلقة"


def test_a_landmark_after_beside_locates_the_place_before_it(pipeline):
    # "حي القدم المجاور لمخيم اليرموك": the camp locates the quarter, the fighting is in it;
    # with no place before it ("القرى المجاورة لمدينة إدلب") the landmark is the act's
    for text, place in (
        ("وتدور اشتباكات عنيفة في حي القدم المجاور لمخيم اليرموك جنوب دمشق.", "حي القدم"),
        ("قصفت الطائرات بلدة كفرنبل القريبة من معرة النعمان بريف إدلب.", "كفر نبل"),
        ("قصفت الطائرات القرى المجاورة لمدينة إدلب.", "إدلب"),
    ):
        assert only_event(pipeline, text, published=date(2018, 4, 25)).location == place, text


def test_a_suicide_bomb_set_off_in_a_battle_is_part_of_it(pipeline):
    # codebook: a bomb inside an ongoing battle is the battle ("تجددت الاشتباكات ... حيث فجر
    # انتحاري عربة مفخخة")
    event = only_event(
        pipeline,
        "تجددت الاشتباكات بين قوات النظام وتنظيم داعش في محيط مطار دير الزور العسكري، حيث فجر "
        "انتحاري عربة مفخخة عند أحد الحواجز.",
        published=date(2015, 8, 20),
    )
    assert (event.sub_event_type, event.location) == ("Armed clash", "مطار دير الزور العسكري")


def test_the_town_whose_outskirts_hold_a_base_only_locates_it(pipeline):
    # "مقر اللواء 137 على الأطراف الغربية لمدينة دير الزور": one takeover, at the base
    event = only_event(
        pipeline,
        "سيطرت قوات النظام السوري الثلاثاء على مقر اللواء 137 على الأطراف الغربية لمدينة دير"
        " الزور.",
        published=date(2017, 9, 6),
    )
    assert event.location == "اللواء 137"


def test_a_monument_demolished_is_property_destroyed(pipeline):
    # "هدم تنظيم داعش بالجرافات دير مار اليان": the perfect with its subject after it
    event = only_event(
        pipeline,
        "هدم تنظيم داعش بالجرافات يوم الخميس دير مار اليان الأثري في بلدة القريتين بريف حمص.",
        published=date(2015, 8, 22),
    )
    assert (event.sub_event_type, event.actor1, event.location) == (
        "Looting/property destruction",
        "Islamic State (Syria)",
        "القريتين",
    )


def test_reinforcements_from_two_towns_arrive_at_the_third(pipeline):
    # "وصلت تعزيزات عسكرية من إدلب وحماة إلى مدينة اللاذقية": every town of the list "من" opens
    # is an origin; the destination after "إلى" is the place
    event = only_event(
        pipeline,
        "ووصلت تعزيزات عسكرية كبيرة من إدلب وحماة إلى مدينة اللاذقية عبر الطريق الدولي.",
        published=date(2025, 3, 8),
    )
    assert event.location == "اللاذقية"


def test_most_of_the_land_of_a_campaign_regained_is_no_one_takeover(pipeline):
    # "استعادت السيطرة على معظم المناطق التي شهدت هجمات": a campaign summed up
    text = "وأعلنت وزارة الدفاع أن قواتها استعادت السيطرة على معظم المناطق التي شهدت هجمات في ريف اللاذقية."
    assert pipeline.extract(text, published=date(2025, 3, 8)) == []


@pytest.mark.parametrize(
    "text",
    [
        # since a side was driven out: its attacks since then summed up
        "وشن تنظيم داعش، منذ طرده من الرقة هجمات محدودة ضد قوات سوريا الديمقراطية، في محيط المدينة.",
        "وضاعف تنظيم داعش من هجماته ضد قوات النظام منذ طرده من أحياء في جنوب دمشق الشهر الماضي.",
        # since a truce was declared: the shelling of the days since summed up
        "واتهمت المندوبة الأمريكية القوات الروسية بمواصلة قصف أهداف في الغوطة الشرقية منذ إعلان"
        " وقف إطلاق النار.",
    ],
)
def test_acts_since_a_turning_point_are_a_tally(pipeline, text):
    assert pipeline.extract(text, published=date(2018, 6, 24)) == []


@pytest.mark.parametrize(
    "text",
    [
        # a clause put in the period since a start ("ومنذ بدء ...") sums it up
        "ومنذ بدء هجوم القوات الحكومية قتل في الغوطة الشرقية اكثر من 1435 مدنيا، بحسب المرصد.",
        # so does one that tells its count rising since the start
        "ويرتفع بذلك عدد القتلى لأكثر من 1560 شخصا منذ بدء تصعيد القصف الجوي والبري على الغوطة"
        " الشرقية.",
    ],
)
def test_the_dead_since_a_campaign_began_are_a_tally(pipeline, text):
    assert pipeline.extract(text, published=date(2018, 3, 22)) == []


def test_an_act_whose_toll_raises_the_count_since_a_campaign_began_is_told(pipeline):
    # "قتل خمسة مدنيين ... ليرتفع عدد القتلى منذ بدء التصعيد إلى 105": the act, then the tally
    found = pipeline.extract(
        "وقتل خمسة مدنيين على الأقل السبت في بلدة غضم جنوب شرق درعا جراء القصف ليرتفع عدد"
        " القتلى المدنيين منذ بدء التصعيد إلى 105 مدنيين، وفق المرصد.",
        published=date(2018, 6, 30),
    )
    assert [e.fatalities for e in found] == [5], found


def test_an_offensive_begun_weeks_ago_is_a_campaign_not_an_act(pipeline):
    # "وبدأت تركيا في 20 يناير هجوما على منطقة عفرين": the start of a campaign, recalled
    # the words of its day (both month names) and an aside between commas take no room
    # between the verb and the noun
    for text in (
        "وبدأت تركيا في 20 يناير هجوما على منطقة عفرين.",
        "وبدأت تركيا هجومها على منطقة عفرين قبل ثمانية أسابيع.",
        "وبدأت تركيا في 20 كانون الثاني/يناير، بدعم من فصائل سورية موالية لها، هجوماً على"
        " منطقة عفرين.",
    ):
        assert pipeline.extract(text, published=date(2018, 3, 20)) == [], text
    # begun today on a village, the assault is the news
    found = pipeline.extract(
        "وبدأت القوات التركية صباح اليوم هجوما على قرية جلمة في ريف عفرين.",
        published=date(2018, 3, 20),
    )
    assert [(e.sub_event_type, e.location) for e in found] == [("Armed clash", "جلمة")], found


def test_the_toll_of_the_explosions_named_after_it_is_theirs(pipeline):
    # "أكثر من 40 قتيلا ... حصيلة القتلى والجرحى جراء الانفجارات ... في جبل البحوث": the dead
    # of one act, no tally; the rockets that flew from "تلك الانفجارات" and fell on a quarter
    # of the town are what the explosions did, no second place of them
    found = pipeline.extract(
        "قال ناشطون إن أكثر من 40 قتيلا وحوالي 60 جريحا من عناصر قوات النظام، حصيلة القتلى"
        " والجرحى جراء الانفجارات والحرائق الضخمة التي اندلعت في جبل البحوث جنوبي مدينة حماة."
        " وأكدوا أن صواريخ تطايرت من تلك الانفجارات وسقطت في ضاحية أبي الفداء في مدينة حماة.",
        published=date(2018, 4, 29),
    )
    assert [(e.location, e.fatalities) for e in found] == [("جبل البحوث", 40)], found


def test_a_strike_from_afar_on_a_day_told_is_in_the_country_though_no_town_is_named(pipeline):
    # "ووجهت كل من الولايات المتحدة وبريطانيا وفرنسا، فجر السبت الماضي، ضربة صاروخية لمواقع
    # تابعة للنظام السوري": a state that strikes Syria only from afar, on a day told, at targets
    # named by their Syrian owner: an event in the country, no town
    lead = "قالت وزارة الدفاع الروسية إن الدفاعات الجوية السورية أسقطت معظم الصواريخ. "
    text = (
        lead + "ووجهت كل من الولايات المتحدة وبريطانيا وفرنسا{} ضربة صاروخية لمواقع تابعة للنظام"
        " السوري، ردا على هجوم كيماوي مزعوم في مدينة دوما."
    )
    found = pipeline.extract(text.format("، فجر السبت الماضي،"), published=date(2018, 4, 21))
    strikes = [e for e in found if e.sub_event_type != "Chemical weapon"]
    assert [(e.actor1, e.location, e.event_date) for e in strikes] == [
        ("Military Forces of the United States (2017-2021)", None, "2018-04-14")
    ], found
    # with no day told, it may be a threat or a denial: nothing at no town
    undated = pipeline.extract(text.format(""), published=date(2018, 4, 21))
    assert [e.sub_event_type for e in undated] == ["Chemical weapon"], undated


def test_a_pledge_tells_nothing_done_but_the_act_it_answers(pipeline):
    # "روسيا تتعهد بإسقاط أي صاروخ يطلق على سوريا": a pledge, like a threat
    found = pipeline.extract(
        "قال ترامب في تغريدة إن روسيا تتعهد بإسقاط أي صاروخ يطلق على سوريا، بعد الهجوم الكيماوي"
        " في مدينة دوما.",
        published=date(2018, 4, 11),
    )
    assert all(e.sub_event_type == "Chemical weapon" for e in found), found
    # "تعهد الرئيسان بردّ قوي مشترك على هجوم كيماوي ...": the attack the answer is pledged to
    found = pipeline.extract(
        'وتأتي الضربة بعد أن تعهد الرئيس الفرنسي ونظيره الأميركي، الأحد، "بردّ قوي مشترك" على'
        " هجوم كيماوي مفترض أسفر عن مقتل العشرات في مدينة دوما.",
        published=date(2018, 4, 9),
    )
    assert [(e.sub_event_type, e.location) for e in found] == [("Chemical weapon", "دوما")], found


def test_where_the_blasts_were_heard_is_no_place_of_the_strike(pipeline):
    # "تسببت بانفجارات قوية سمع صداها في عموم ريفي إدلب وحلب": where they were heard
    found = pipeline.extract(
        "قتل أكثر من 20 مدنيا بغارات جوية مكثفة على الأحياء السكنية وسط مدينة أورم الكبرى بريف"
        " إدلب. وشنت مقاتلات حربية 6 غارات جوية مكثفة على البلدة تسببت بانفجارات قوية سمع صداها"
        " في عموم ريفي إدلب وحلب.",
        published=date(2018, 8, 10),
    )
    assert [(e.location, e.fatalities) for e in found] == [("أورم الكبرى", 20)], found


@pytest.mark.parametrize(
    "text",
    [
        # talks that ended without reaching a deal
        "قال مصدر مطلع إن جولة المفاوضات الأخيرة بين وفد من قوات سوريا الديمقراطية والحكومة السورية"
        " في دمشق انتهت دون التوصل إلى اتفاق بشأن مستقبل المؤسسات في محافظة دير الزور.",
        # the killings of a year so far, Eastern digits
        "ولا يزال المخيم يؤوي أكثر من ٣٨ ألف شخص في مخيم الهول، في حين وثقت الشبكة ١٧ جريمة قتل"
        " داخل المخيم منذ مطلع ٢٠٢٤.",
    ],
)
def test_no_deal_reached_and_a_years_killings_are_no_events(pipeline, text):
    assert pipeline.extract(text, published=date(2025, 2, 11)) == []


def test_the_tribes_of_a_province_are_no_village(pipeline):
    # "عشائر" (tribes) is also OCHA's village Ashayer in Deir ez-Zor
    found = pipeline.extract(
        "اندلعت اشتباكات بين مسلحين من عشائر دير الزور وقوات قسد في بلدة ذيبان.",
        published=date(2025, 2, 11),
    )
    assert [e.location for e in found] == ["ذيبان"], found


def test_the_fiercest_of_months_compares_and_sums_nothing_up(pipeline):
    # "في أحد أشرس هجماته بالمنطقة منذ أشهر": a superlative before "منذ أشهر", no tally
    found = pipeline.extract(
        "وأعاد التنظيم المتطرف مطلع حزيران/يونيو السيطرة على أجزاء من مدينة البوكمال شرق سوريا، في"
        " أحد أشرس هجماته بالمنطقة منذ أشهر.",
        published=date(2018, 6, 18),
    )
    assert [(e.sub_event_type, e.location) for e in found] == [
        ("Non-state actor overtakes territory", "البوكمال")
    ], found


def test_a_negated_verb_of_carrying_out_denies_the_strike(pipeline):
    # "إن التحالف لم يشن غارات قرب البوكمال": not done, whatever the "أي"
    found = pipeline.extract(
        "وقال المتحدث باسم التحالف إن التحالف لم يشن غارات قرب البوكمال يوم الخميس.",
        published=date(2018, 5, 25),
    )
    assert found == []


@pytest.mark.parametrize(
    "text",
    [
        # "ضد دمشق وحلفائها": a capital named with its allies is its government
        "وقتل 52 عنصرا من القوات الموالية للنظام في ضربة على بلدة الهري قرب البوكمال، في تصعيد جديد"
        " ضد دمشق وحلفائها.",
        # "الاتهامات التي تسوقها دمشق": the capital that makes a case
        "وقتل 52 عنصرا من القوات الموالية للنظام في ضربة على بلدة الهري قرب البوكمال، ونفت واشنطن"
        " الاتهامات التي تسوقها دمشق.",
    ],
)
def test_damascus_with_its_allies_or_making_a_case_is_the_government(pipeline, text):
    found = pipeline.extract(text, published=date(2018, 6, 18))
    assert [e.admin1 for e in found] == ["Deir-ez-Zor"], found


def test_a_battle_named_to_compare_is_not_told(pipeline):
    # "ويذكر ما يحصل في الغوطة الشرقية بمعركة مدينة حلب": the battle recalled by likeness
    found = pipeline.extract(
        "ويذكر ما يحصل في الغوطة الشرقية بمعركة مدينة حلب التي انتهت بسيطرة قوات النظام على"
        " المدينة.",
        published=date(2018, 3, 11),
    )
    assert found == []


def test_where_the_wounded_were_rushed_is_no_place_of_the_shelling(pipeline):
    # "وأسعفت الأم إلى أحد مشافي مدينة إدلب": where she was taken for first aid
    found = pipeline.extract(
        "قتل طفلان جراء قصف مدفعي على بلدة قميناس. وقال الدفاع المدني إن فرقه انتشلت جثتي الطفلين"
        " من تحت أنقاض منزل تعرض لإصابة مباشرة، وأسعفت الأم إلى أحد مشافي مدينة إدلب.",
        published=date(2024, 8, 20),
    )
    assert [e.location for e in found] == ["قميناس"], found


@pytest.mark.parametrize(
    "text",
    [
        "وتقول الأمم المتحدة إن أكثر من 137 ألف شخص نزحوا من منطقة عفرين خلال الأيام الأخيرة، في"
        " حين قتل أكثر من 280 مدنيا منذ بدء العملية، وفق المرصد السوري.",
        "وقتل أكثر من 1500 مقاتل كردي منذ بدء الهجوم التركي على منطقة عفرين، وفق المرصد.",
    ],
)
def test_the_dead_counted_right_before_since_a_start_are_a_tally(pipeline, text):
    assert pipeline.extract(text, published=date(2018, 3, 20)) == []


def test_the_town_the_displaced_come_from_is_no_place_of_the_shelling(pipeline):
    # "محيط بلدة تل رفعت التي لجأ إليها آلاف النازحين من عفرين": Afrin is where they fled from
    found = pipeline.extract(
        "وفي ريف حلب الشمالي، قصفت المدفعية التركية، اليوم الثلاثاء، محيط بلدة تل رفعت التي لجأ"
        " إليها آلاف النازحين من عفرين، دون ورود أنباء عن إصابات.",
        published=date(2018, 3, 20),
    )
    assert [e.location for e in found] == ["تل رفعت"], found


def test_the_basin_named_again_is_no_village(pipeline):
    # "في بلدة الشجرة، كبرى بلدات الحوض": the Yarmouk basin named before, not al-Hawz
    found = pipeline.extract(
        "وقال المرصد إن المعارك ترافقت مع غارات مكثفة نفذتها طائرات روسية على مناطق سيطرة الفصيل"
        " في حوض اليرموك، ما أسفر عن مقتل ستة مدنيين، بينهم امرأتان، في بلدة الشجرة، كبرى بلدات"
        " الحوض.",
        published=date(2018, 7, 23),
    )
    assert [e.location for e in found] == ["الشجرة"], found


def test_a_toll_expected_to_rise_is_the_acts_own(pipeline):
    # "وفق المرصد الذي رجح أن ترتفع حصيلة القتلى": the toll of the strikes told, no tally
    found = pipeline.extract(
        "وطال القصف بلدات وقرى عدة بينها تسيل وحيط وسحم الجولان والشجرة، وفق المرصد الذي رجح أن"
        ' ترتفع حصيلة القتلى بسبب وجود "عشرات الجرحى بعضهم في حالات خطرة".',
        published=date(2018, 7, 21),
    )
    assert sorted(e.location for e in found) == ["الشجرة", "تسيل", "حيط", "سحم الجولان"], found


def test_advance_attempts_met_are_a_battle(pipeline):
    # "صد محاولات تقدم لقوات النظام على محاور تل السمن": the attempted advance, repelled
    event = only_event(
        pipeline,
        "وأوضحت المصادر أن الفصائل صد محاولات تقدم لقوات النظام على محاور تل السمن ومحور التابلين"
        " في محيط مدينة طفس وكبدتهم خسائر في العتاد والأرواح.",
        published=date(2018, 7, 4),
    )
    assert (event.sub_event_type, event.location) == ("Armed clash", "طفس")


def test_an_expected_offensive_has_not_happened(pipeline):
    # "بالتزامن مع هجوم متوقع للحكومة السورية على آخر جيب": expected, named before "متوقع"
    found = pipeline.extract(
        "ويأتي هذا الحشد العسكري بالتزامن مع هجوم متوقع للحكومة السورية على آخر جيب كبير يسيطر"
        " عليه المتمردون، في إدلب شمالي البلاد.",
        published=date(2018, 9, 3),
    )
    assert found == []


@pytest.mark.parametrize("comes", ["ويأتي هذا التطور بعد أن", "ويأتي ذلك بعدما"])
def test_what_the_news_comes_after_is_background(pipeline, comes):
    # "ويأتي هذا التطور بعد أن قتل جنديان تركيان الخميس": told as what the news follows
    found = pipeline.extract(
        "قصفت الطائرات التركية قرية جلمة في ريف عفرين اليوم. "
        f"{comes} قتل جنديان تركيان الخميس في اشتباكات مع الوحدات الكردية في قرية راجو.",
        published=date(2018, 3, 2),
    )
    assert sorted((e.location, e.historical) for e in found) == [
        ("جلمة", False),
        ("راجو", True),
    ], found


def test_general_security_administration_arrests_are_the_police_of_the_day(pipeline):
    # "اعتقلت إدارة الأمن العام ٧ أشخاص": the post-Assad police, not a group abducting them
    event = only_event(
        pipeline,
        "وفي مدينة حمص، اعتقلت إدارة الأمن العام، أمس السبت، ٧ أشخاص في حي عكرمة.",
        published=date(2025, 2, 9),
    )
    assert (event.sub_event_type, event.actor1) == ("Arrests", "Police Forces of Syria (2024-)")


def test_shells_that_came_from_syria_fell_outside_it(pipeline):
    # "قذائف مصدرها الأراضي السورية سقطت على بلدة القصر في قضاء الهرمل": Lebanon's Qasr
    found = pipeline.extract(
        "ذكرت وسائل إعلام لبنانية أن قذائف مصدرها الأراضي السورية سقطت على بلدة القصر في قضاء"
        " الهرمل، ما أدى إلى مقتل شخص.",
        published=date(2025, 2, 9),
    )
    assert found == []


def test_every_town_reinforcements_came_from_is_an_origin(pipeline):
    # "تعزيزات عسكرية كبيرة إلى الساحل قادمة من إدلب وحماة وحمص": the whole list
    found = pipeline.extract(
        "فيما أرسلت وزارة الدفاع تعزيزات عسكرية كبيرة إلى الساحل قادمة من إدلب وحماة وحمص.",
        published=date(2025, 3, 7),
    )
    assert found == []


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("فيما أرسلت وزارة الدفاع تعزيزات عسكرية من إدلب وحماة باتجاه الساحل.", []),
        ("أرسلت قوات النظام تعزيزات عسكرية من حماة إلى بلدة خان شيخون.", ["خان شيخون"]),
        (
            "قال مراسل دير الزور 24 إن قسد استقدمت رتلاً ضخماً يضم عشرات العربات العسكرية من"
            " الحسكة والرقة، وشرعت بقصف بلدة ذيبان.",
            ["ذيبان"],
        ),
    ],
)
def test_the_towns_reinforcements_were_sent_from_are_origins(pipeline, text, places):
    # "تعزيزات عسكرية من إدلب وحماة باتجاه الساحل": where a force set off from is no place of
    # the act; where it went ("إلى بلدة خان شيخون") is
    found = pipeline.extract(text, published=date(2025, 3, 7))
    assert [e.location for e in found] == places


@pytest.mark.parametrize(
    "text",
    [
        "اغتال مسلحون مجهولون، مساء أمس الأحد، القيادي السابق في فصائل المعارضة أبو عمر الحشيش،"
        " بإطلاق النار عليه وسط مدينة طفس بريف درعا الغربي.",
        "وكان مجهولون قد اغتالوا، الخميس الماضي، عنصراً سابقاً في فصائل المعارضة يعمل في الزراعة"
        " ببلدة اليادودة.",
    ],
)
def test_a_former_member_of_a_side_is_a_civilian(pipeline, text):
    # "القيادي السابق في فصائل المعارضة": his tie to the rebels is past; killing him is an
    # attack on a civilian, no clash with the rebels
    event = only_event(pipeline, text, published=date(2023, 11, 27))
    assert (event.sub_event_type, event.actor2) == ("Attack", "Civilians (Syria)")


def test_a_quarter_described_before_its_town_is_one_place(pipeline):
    # "في حي الزهراء ذي الغالبية العلوية بمدينة حمص": the town only locates the quarter
    event = only_event(
        pipeline,
        "قتل 16 شخصاً، السبت، في تفجير سيارة مفخخة عند حاجز قرب مستشفى في حي الزهراء ذي الغالبية"
        " العلوية بمدينة حمص وسط سوريا.",
        published=date(2015, 12, 14),
    )
    assert (event.location, event.fatalities) == ("حي الزهراء", 16)


def test_a_town_named_after_its_region_is_no_frame_of_the_region(pipeline):
    # "قصف جوي على الغوطة الشرقية أمس في مناطق دوما وحمورية": Douma, the region's biggest town,
    # lies inside the region and holds none of it; both towns are struck
    found = pipeline.extract(
        "قتل 10 مدنيين في قصف جوي على الغوطة الشرقية أمس في مناطق دوما وحمورية.",
        published=date(2018, 3, 17),
    )
    assert sorted(e.location for e in found) == ["حمورة", "دوما"]


def test_an_act_by_its_means_with_its_dead_and_day_in_syria_is_placed_in_the_country(pipeline):
    # "قتل جندي بريطاني وآخر أمريكي في انفجار قنبلة على جانب الطريق في سوريا الخميس": no town
    # is named, but the bomb, its dead and its day are: an event with no location
    found = pipeline.extract(
        "قتل جندي بريطاني وآخر أمريكي في انفجار قنبلة على جانب الطريق في سوريا الخميس.",
        published=date(2018, 3, 31),
    )
    assert [(e.sub_event_type, e.location, e.event_date, e.fatalities) for e in found] == [
        ("Remote explosive/landmine/IED", None, "2018-03-29", 2)
    ]
    # a toll told for the whole country is no act
    assert pipeline.extract("قتل 20 مدنيا في سوريا اليوم.", published=date(2018, 3, 31)) == []


def test_iraq_strikes_in_syria_only_from_the_air(pipeline):
    # "وجهت القوات العراقية، الأحد، ضربة جوية استهدفت موقع لقيادات داعش في سوريا": Iraq's forces
    # struck across the border from the air (remote_sides.tsv), so the strike told only in the
    # country is kept, as for the coalition's
    found = pipeline.extract(
        "وجهت القوات العراقية، الأحد، ضربة جوية استهدفت موقع لقيادات داعش في سوريا، وفقا لما ذكر"
        " التلفزيون الرسمي.",
        published=date(2018, 5, 6),
    )
    assert [(e.sub_event_type, e.actor1, e.location) for e in found] == [
        ("Air/drone strike", "Military Forces of Iraq (2014-2018)", None)
    ]


@pytest.mark.parametrize(
    ("text", "published", "sub_event_type"),
    [
        (
            "شنت قسد صباح اليوم حملة دهم واعتقالات في بلدة المنصورة غربي الرقة، اعتقلت خلالها"
            " ستة شبان.",
            date(2024, 7, 8),
            "Arrests",
        ),
        (
            "أعلنت هيئة تحرير الشام أنها اعتقلت شخصين في مدينة سرمدا أمس.",
            date(2019, 5, 8),
            "Arrests",
        ),
        (
            "خطف مسلحون مجهولون طبيبا في مدينة سرمدا أمس.",
            date(2019, 5, 8),
            "Abduction/forced disappearance",
        ),
    ],
)
def test_a_de_facto_authority_arrests_an_armed_group_abducts(
    pipeline, text, published, sub_event_type
):
    # "شنت قسد حملة دهم واعتقالات": the SDF governs the north-east and polices it, so its
    # detentions are arrests (authorities.tsv), as ACLED codes them; unknown gunmen abduct
    found = pipeline.extract(text, published=published)
    assert [e.sub_event_type for e in found] == [sub_event_type]


def test_a_former_member_killed_with_no_other_side_named_is_a_civilian(pipeline):
    # "قُتل قيادي سابق في فصائل المعارضة ... برصاص مسلحين مجهولين": his tie to the rebels is
    # past; the killing named by no victim's side is an attack on a civilian, no clash
    event = only_event(
        pipeline,
        "قُتل قيادي سابق في فصائل المعارضة، مساء أمس الثلاثاء، إثر استهدافه بالرصاص المباشر من"
        " قبل مسلحين مجهولين في مدينة أنخل بريف درعا الشمالي.",
        published=date(2023, 5, 17),
    )
    assert (event.sub_event_type, event.actor2) == ("Attack", "Civilians (Syria)")


def test_a_camp_named_after_a_village_is_at_the_village(pipeline):
    # "بوصول تعزيزات عسكرية من اللاذقية إلى معسكر جورين": "معسكر" (a military camp) names the
    # village the camp is at, as "بلدة" does (context.tsv), so a small village's bare name is a
    # place; Latakia, where the reinforcements came from, is not
    event = only_event(
        pipeline,
        "وأفادت مصادر موالية بوصول تعزيزات عسكرية من اللاذقية إلى معسكر جورين خلال الساعات الماضية.",
        published=date(2015, 8, 3),
    )
    assert (event.sub_event_type, event.location) == ("Change to group/activity", "جورين")


def test_the_village_an_act_is_done_on_is_the_village_last_named(pipeline):
    # "في قرية أم حوش ... وسيطر مسلحو التنظيم على القرية": "the village" after "على" is the one
    # named in the sentence before (reference_words.tsv, town_noun)
    found = pipeline.extract(
        "وقال رئيس المرصد إن انتحاريا من التنظيم فجر نفسه في موقع عسكري تابع لجماعة منافسة في"
        " قرية أم حوش بريف حلب الشمالي. وسيطر مسلحو التنظيم على القرية بعد اشتباكات عنيفة مع"
        " مقاتلي الجماعات المنافسة.",
        published=date(2015, 8, 9),
    )
    takeovers = [e for e in found if e.sub_event_type == "Non-state actor overtakes territory"]
    assert [e.location for e in takeovers] == ["معراتة أم حوش"]


def test_the_far_end_of_a_road_cut_is_no_place_of_the_attack(pipeline):
    # "هجمات ... في قرى شمال غرب البوكمال، وتمكن من قطع الطريق بينها وبين مدينة دير الزور":
    # Deir ez-Zor is where the road cut leads, not where the villages were attacked
    found = pipeline.extract(
        "وقتل قبل أيام 45 مسلحا مواليا للنظام جراء هجمات متتالية للتنظيم ضد قوات النظام في قرى"
        " شمال غرب البوكمال، وتمكن من قطع الطريق بينها وبين مدينة دير الزور، مركز المحافظة.",
        published=date(2018, 6, 8),
    )
    assert [e.location for e in found] == ["البوكمال"]


def test_any_incursion_is_none_told(pipeline):
    # "ويعتبر أي توغل فيها بمثابة تهديد": "أي" before the act's noun, any act, none happened
    found = pipeline.extract(
        "وتقع المنطقة العازلة في محافظة القنيطرة، ويعتبر أي توغل فيها بمثابة تهديد للأمن.",
        published=date(2025, 1, 10),
    )
    assert found == []
