"""Discourse framing: background recaps, tallies, plans and references back."""

from __future__ import annotations

from datetime import date

import pytest

from rasad.extractors.recaps import find_cues, frame_clause, negation_words
from rasad.model import Document, Event

PUBLISHED = date(2023, 12, 9)
LEAD = "قتل عنصران من قوات النظام بهجوم في مدينة الميادين."


def frame(text: str):
    doc = Document.from_text(text)
    assert doc.norm is not None
    return frame_clause(doc, 0, len(doc.norm.text))


def by_place(events: list[Event]) -> dict[str, Event]:
    return {e.location: e for e in events}


# -- frame_clause -----------------------------------------------------------------------------


def test_docstring_example_wakanat_dahamat():
    assert frame("وكانت داهمت دورية منزل القيادي").historical is True


@pytest.mark.parametrize(
    "text",
    [
        "وكان تنظيم داعش قد هاجم حاجزا",
        "وكانت دورية قد داهمت منزلا",
        "سبق أن هاجم التنظيم حاجزا",
        "بعد أيام من قيام تنظيم داعش بقتل راع",
        "وكان آخرها قبل أيام في البوكمال",
        "في وقت سابق قتل عنصران",
    ],
)
def test_recap_cues_make_background(text):
    found = frame(text)
    assert found.historical is True
    assert found.historical_cue is not None
    assert found.tally is False and found.plan is None


def test_recap_start_cue_must_open_the_clause():
    # "كانت" in the middle of a clause ("التي كانت متمركزة") is not pluperfect framing
    assert frame("هاجم التنظيم القوات التي كانت متمركزة في البلدة").historical is False


def test_plain_report_is_not_background():
    found = frame("قتل عنصران من قوات النظام بهجوم في مدينة الميادين")
    assert (found.historical, found.tally, found.plan, found.anaphora is not None) == (
        False,
        False,
        None,
        False,
    )


@pytest.mark.parametrize(
    "text",
    ["منذ بداية العام قتل العشرات", "بلغت حصيلة القتلى", "تعرضت الحواجز لعدة هجمات"],
)
def test_tally_cues(text):
    assert frame(text).tally is True


def test_a_toll_said_not_to_be_known_is_no_tally(pipeline):
    # "دون أن تتضح حصيلة الخسائر": the strike's own toll is untold, not a count summed up
    events = pipeline.extract(
        "أغارت طائرات مسيّرة إسرائيلية، ليل الثلاثاء، على رتل عسكري قرب مدينة السويداء، دون أن "
        "تتضح حصيلة الخسائر.",
        published=date(2025, 7, 16),
    )
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Air/drone strike", 0)]


def test_a_rising_toll_is_no_tally():
    # "ارتفعت حصيلة ضحايا التفجير": the latest toll of one act (discourse_cues kind "toll")
    assert frame("ارتفعت حصيلة ضحايا التفجير").tally is False


def test_plan_span_reaches_to_the_comma():
    doc = Document.from_text("وصلت تعزيزات تحسباً لهجمات التنظيم، وقتل عنصر")
    assert doc.norm is not None
    found = frame_clause(doc, 0, len(doc.norm.text))
    assert found.plan is not None
    start, end = found.plan
    assert doc.norm.text[start:end] == "تحسبا لهجمات التنظيم"


def test_plan_span_reaches_to_the_end_without_a_comma():
    doc = Document.from_text("وصلت تعزيزات بهدف قصف البلدة")
    assert doc.norm is not None
    start, end = frame_clause(doc, 0, len(doc.norm.text)).plan
    assert doc.norm.text[start:end] == "بهدف قصف البلده"


def test_plan_span_goes_past_a_subject_in_apposition_and_a_day_between_commas():
    # "حذر الرئيس الأميركي، دونالد ترامب، الاثنين، الأسد من شن هجوم": the asides between
    # commas are inside the warning's phrase; it ends at the next comma after them
    doc = Document.from_text(
        "حذر الرئيس الأميركي، دونالد ترامب، الاثنين، الرئيس السوري من شن هجوم على إدلب، "
        "وقصفت الطائرات البلدة"
    )
    assert doc.norm is not None
    start, end = frame_clause(doc, 0, len(doc.norm.text)).plan
    assert doc.norm.text[start:end].endswith("من شن هجوم علي ادلب")


def test_plan_span_stops_at_a_comma_before_a_clause_of_its_own():
    # "على الأرجح، استهدفت ...": the words after the comma are no short aside
    doc = Document.from_text("قتل مدنيون في غارة روسية على الأرجح، استهدفت وفق المرصد قبو مدرسة")
    assert doc.norm is not None
    start, end = frame_clause(doc, 0, len(doc.norm.text)).plan
    assert "استهدفت" not in doc.norm.text[start:end]


def test_anaphora_refers_back():
    assert frame("وتبنى تنظيم داعش هذه الهجمات").anaphora is not None


def test_find_cues_kinds_in_order():
    doc = Document.from_text("وكان التنظيم قد هاجم البلدة بهدف السيطرة عليها")
    assert doc.norm is not None
    kinds = [m.value for m in find_cues(doc, 0, len(doc.norm.text))]
    assert kinds[0] == "recap_start"
    assert "plan" in kinds


# -- through the pipeline ---------------------------------------------------------------------


def test_wakan_qad_makes_a_historical_event(pipeline):
    events = by_place(
        pipeline.extract(
            LEAD + " وكان تنظيم داعش قد قتل ثلاثة عناصر من قوات النظام في مدينة البوكمال.",
            published=PUBLISHED,
        )
    )
    assert set(events) == {"الميادين", "البوكمال"}
    assert events["الميادين"].historical is False
    old = events["البوكمال"]
    assert old.historical is True
    assert (old.actor1, old.actor2, old.fatalities) == (
        "Islamic State (Syria)",
        "Military Forces of Syria (2000-2024)",
        3,
    )
    assert "Mentioned as background" in old.notes
    assert [s.label for s in old.evidence if s.label == "historical"] == ["historical"]


def test_wakanat_qad_makes_a_historical_event(pipeline):
    events = by_place(
        pipeline.extract(
            LEAD + " وكانت خلايا تنظيم داعش قد هاجمت حاجزاً في مدينة البوكمال.",
            published=PUBLISHED,
        )
    )
    assert events["البوكمال"].historical is True
    assert events["الميادين"].historical is False


def test_baada_ayyam_min_makes_a_historical_event(pipeline):
    events = by_place(
        pipeline.extract(
            "قتل عنصران من قوات النظام بهجوم في مدينة الميادين، بعد أيام من مقتل ثلاثة عناصر "
            "بهجوم في مدينة البوكمال.",
            published=PUBLISHED,
        )
    )
    assert (events["الميادين"].historical, events["الميادين"].fatalities) == (False, 2)
    assert (events["البوكمال"].historical, events["البوكمال"].fatalities) == (True, 3)


def test_sabaqa_an_makes_a_historical_event(pipeline):
    events = by_place(
        pipeline.extract(
            LEAD + " وسبق أن قتل ثلاثة عناصر بهجوم في مدينة البوكمال.", published=PUBLISHED
        )
    )
    assert events["البوكمال"].historical is True
    assert events["الميادين"].historical is False


def test_month_last_year_is_historical_dated_the_15th(pipeline):
    (event,) = pipeline.extract(
        "هاجم تنظيم داعش حاجزاً لقوات النظام في مدينة البوكمال في شهر أغسطس الماضي.",
        published=PUBLISHED,
    )
    assert (event.event_date, event.time_precision, event.historical) == ("2023-08-15", 3, True)


def test_recalled_month_in_a_recap_sentence(pipeline):
    events = by_place(
        pipeline.extract(
            LEAD + " وكان تنظيم داعش قد هاجم حاجزاً في مدينة البوكمال في شهر أغسطس الماضي.",
            published=PUBLISHED,
        )
    )
    old = events["البوكمال"]
    assert (old.event_date, old.time_precision, old.historical) == ("2023-08-15", 3, True)
    assert (events["الميادين"].event_date, events["الميادين"].time_precision) == ("2023-12-09", 2)


def test_tally_since_the_start_of_the_year_is_not_an_event(pipeline):
    assert (
        pipeline.extract(
            "منذ بداية العام، قتل العشرات من عناصر قوات النظام في مدينة الميادين.",
            published=PUBLISHED,
        )
        == []
    )


def test_tally_after_a_real_event_adds_nothing(pipeline):
    events = pipeline.extract(
        LEAD + " ومنذ بداية العام قتل العشرات من عناصر قوات النظام في مدينة البوكمال.",
        published=PUBLISHED,
    )
    assert [(e.location, e.fatalities) for e in events] == [("الميادين", 2)]


@pytest.mark.parametrize(
    "since",
    [
        "منذ إطلاق معركة منبج مطلع حزيران الماضي",  # since a battle was launched
        "منذ انهيار الهدنة الشهر الماضي",  # since a truce broke down
    ],
)
def test_dead_counted_since_a_battle_or_truce_began_are_a_tally(pipeline, since):
    events = pipeline.extract(
        f"ومنذ {since.removeprefix('منذ ')}، قتل أكثر من 100 مدني في مدينة منبج وريفها.",
        published=PUBLISHED,
    )
    assert events == []


def test_a_funeral_is_no_act_and_its_mourners_no_dead(pipeline):
    # "شيع الآلاف ضحايا التفجير": the crowd counts mourners; the bombing was told before
    events = pipeline.extract(
        "فككت قوات الأسايش أمس عبوة ناسفة كانت مزروعة على الطريق بين الحسكة والقامشلي. "
        "وأعلنت الإدارة الذاتية الحداد، فيما شيع الآلاف ضحايا التفجير وسط إجراءات أمنية مشددة.",
        published=PUBLISHED,
    )
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Disrupted weapons use", 0)]


def test_planned_strike_is_not_an_event(pipeline):
    events = pipeline.extract(
        "استقدمت قوات النظام تعزيزات إلى مدينة الميادين بهدف قصف بلدة الشعفة.",
        published=PUBLISHED,
    )
    assert "Shelling/artillery/missile attack" not in {e.sub_event_type for e in events}


@pytest.mark.parametrize(
    "intention",
    [
        "تريد قوات النظام شن هجوم على مدينة الميادين",  # wanting (يريد/تريد)
        "تنوي قوات النظام شن هجوم على مدينة الميادين",  # intending (ينوي/تنوي)
        "تستعد قوات النظام لشن هجوم على مدينة الميادين",  # preparing (يستعد/تستعد)
        "قوات النظام بصدد شن هجوم على مدينة الميادين",  # about to (بصدد)
        "كانت قوات النظام تلوح بهجوم واسع على مدينة الميادين",  # brandished (تلوح ب)
        "أبعد الاتفاق شبح هجوم واسع على مدينة الميادين",  # the spectre of an attack (شبح)
    ],
)
def test_wanted_or_prepared_attack_is_not_an_event(pipeline, intention):
    assert pipeline.extract(intention + ".", published=PUBLISHED) == []


def test_fi_waqt_sabiq_after_the_act_makes_one_background_event(pipeline):
    # "قد قصفت ... في وقت سابق، ما أدى لمقتل": one earlier act with its dead, not two events
    events = pipeline.extract(
        "وكانت قوات النظام قد قصفت بلدة كفرنبل في وقت سابق من الشهر الجاري، "
        "ما أدى لمقتل ثلاثة مدنيين.",
        published=date(2024, 6, 10),
    )
    assert [(e.sub_event_type, e.fatalities, e.historical) for e in events] == [
        ("Shelling/artillery/missile attack", 3, True)
    ]


def test_feared_attacks_are_not_an_event(pipeline):
    events = pipeline.extract(
        "استقدمت قوات النظام تعزيزات إلى مدينة الميادين تحسباً لهجمات تنظيم داعش.",
        published=PUBLISHED,
    )
    assert [e.sub_event_type for e in events] == ["Change to group/activity"]
    assert events[0].location == "الميادين"


def test_feared_attacker_is_not_the_reinforcing_side(pipeline):
    (event,) = pipeline.extract(
        "استقدمت قوات النظام تعزيزات إلى مدينة الميادين تحسباً لهجمات تنظيم داعش.",
        published=PUBLISHED,
    )
    assert event.actor1 == "Military Forces of Syria (2000-2024)"


def test_planned_target_is_not_a_place_of_the_reinforcements(pipeline):
    events = pipeline.extract(
        "استقدمت قوات النظام تعزيزات إلى مدينة الميادين بهدف قصف بلدة الشعفة.",
        published=PUBLISHED,
    )
    assert [e.location for e in events] == ["الميادين"]


def test_anaphoric_claim_does_not_make_a_second_event(pipeline):
    events = pipeline.extract(
        "هاجم مسلحون مجهولون حاجزاً لقوات النظام في مدينة الميادين، "
        "فيما أعلن تنظيم داعش عن مسؤوليته عن هذه العملية.",
        published=PUBLISHED,
    )
    assert len(events) == 1
    assert events[0].actor1 == "Islamic State (Syria)"


def test_recap_clause_date_does_not_date_the_news(pipeline):
    events = pipeline.extract(
        "قتل عنصران من قوات النظام بهجوم في مدينة الميادين، وكان آخرها قبل أيام في مدينة البوكمال.",
        published=PUBLISHED,
    )
    lead = by_place(events)["الميادين"]
    assert (lead.event_date, lead.historical) == ("2023-12-09", False)


def test_negation_then_any_is_a_denial_cue():
    # "لم يشن أي هجوم"، "لم تسجل بعد أي": up to two words between the negation and "أي"
    for text in ("لم يشن أي هجوم على البلدة", "لم تسجل بعد أي اشتباكات"):
        doc = Document.from_text(text)
        assert doc.norm is not None
        assert "denial" in [m.value for m in find_cues(doc, 0, len(doc.norm.text))]
    doc = Document.from_text("لم يتمكن الجيش من التقدم رغم القصف على أي حال")
    assert doc.norm is not None
    assert "denial" not in [m.value for m in find_cues(doc, 0, len(doc.norm.text))]


def test_a_negated_verb_of_happening_denies_the_act_after_it(pipeline):
    # "مؤكدا إنه لم يقع هجوم كيميائي في دوما": the attack is denied, not told
    text = (
        "دعا السفير الروسي الغربيين إلى التخلي عن خطاب الحرب، مؤكدا إنه لم يقع هجوم كيميائي في دوما"
    )
    assert pipeline.extract(text, published=PUBLISHED) == []
    # "ولم تقع إصابات": the casualties are denied, the strike before them is told
    [event] = pipeline.extract("قصفت قوات النظام بلدة كفرنبل ولم تقع إصابات", published=PUBLISHED)
    assert (event.location, event.fatalities) == ("كفر نبل", 0)


def test_the_negation_lexicon_reads_its_words_normalised():
    assert negation_words("negation") == {"لم", "لن"}
    assert negation_words("any") == {"اي"}  # "أي" as the matcher reads it


def test_an_act_about_to_happen_is_not_told(pipeline):
    # "على وشك استعادة"، "قرب سيطرتها على": near, not done
    for text in (
        "باتت القوات الحكومية السورية على وشك استعادة السيطرة على مدينة درعا",
        "أكدت الحكومة التركية قرب سيطرتها على مدينة عفرين",
    ):
        assert pipeline.extract(text, published=PUBLISHED) == [], text


def test_a_sentence_opening_with_kama_goes_on_with_the_tally_before_it(pipeline):
    # "كما لقي ... حتفهم": another count of the tally, not an act
    tally = (
        "ولفت المرصد إلى مقتل 2927 من تنظيم داعش جراء غارات التحالف في محافظات حماه وحلب "
        "وحمص منذ 23 سبتمبر 2014. "
    )
    more = (
        "كما لقي ما لا يقل عن 115 مسلحا من جبهة النصرة حتفهم جراء غارات التحالف الدولي على "
        "مقرات لجبهة النصرة في ريف حلب الغربي."
    )
    assert pipeline.extract(tally + more, published=date(2015, 7, 23)) == []
    # after news, "كما" adds another act
    news = "قتل 3 مدنيين بقصف لقوات النظام على بلدة كفرنبل. "
    assert len(pipeline.extract(news + more, published=date(2015, 7, 23))) == 2


@pytest.mark.parametrize(
    "text",
    [
        # an outcome said of the attack in the future: talked of, not told
        'قال ترامب إن هجوما "متهورا" من قبل بشار الأسد على إدلب سيكون خطأ إنسانيا جسيما',
        "أرسل بومبيو فريقا للتأكيد على أن هجوما على إدلب سيصعد الأزمة السورية",
        # what an attack might bring about
        "وتخشى تركيا، التي تدعم بعض الفصائل في إدلب، أن يؤدي هجوم شامل إلى موجة نزوح",
    ],
)
def test_an_attack_said_of_in_the_future_is_not_told(pipeline, text):
    assert pipeline.extract(text, published=date(2018, 9, 7)) == []


def test_what_did_not_come_near_a_place_did_nothing_there(pipeline):
    # "لم يقترب"، "لم تدخل": a negated verb of reaching denies the act at the place after it
    text = (
        "وأكدت وزارة الدفاع الروسية أن الهجوم لم يقترب من القاعدتين الروسيتين في حميميم "
        "وطرطوس، ولم تدخل الصواريخ الغربية منطقة الدفاعات الجوية الروسية"
    )
    assert pipeline.extract(text, published=date(2018, 4, 14)) == []


def test_the_places_of_a_purpose_are_not_the_places_of_the_act(pipeline):
    # "لتشكيل حزام أمني بمحيط بلدتي نبل والزهراء": why they deployed, not where
    text = (
        "وأوضح المرصد أن قوات الحرس الجمهوري تمركزت جنوب عفرين، لتشكيل حزام أمني بمحيط "
        "بلدتي نبل والزهراء"
    )
    assert [e.location for e in pipeline.extract(text, published=date(2018, 3, 14))] == ["عفرين"]


def test_a_campaign_summed_up_since_a_day_weeks_back_is_no_event(pipeline):
    # "ومنذ 18 فبراير الماضي، تشن القوات الحكومية هجمات": a period, not one act
    text = (
        "ومنذ 18 فبراير الماضي، تشن القوات الحكومية السورية هجمات عنيفة على مدينة دوما في "
        "الغوطة الشرقية"
    )
    assert pipeline.extract(text, published=date(2018, 3, 10)) == []
    # "منذ صباح اليوم": today's act, still news
    text = "تشن القوات الحكومية السورية منذ صباح اليوم هجمات عنيفة على مدينة دوما"
    assert len(pipeline.extract(text, published=date(2018, 3, 10))) == 1


def test_acts_told_as_a_habit_of_the_past_are_no_event(pipeline):
    # "الذي نفذ في الماضي ضربات جوية داخل سوريا": what one used to do, not an act
    text = (
        "وقال الجيش الإسرائيلي، الذي نفذ في الماضي ضربات جوية داخل سوريا لمواجهة الوجود "
        "الإيراني، إنه لا يعلق على مثل هذه التقارير"
    )
    assert pipeline.extract(text, published=date(2018, 4, 30)) == []


@pytest.mark.parametrize(
    "text",
    [
        "في وقت يترقب العالم ضربة غربية وشيكة في سوريا، تتضارب الأنباء بشأن موعد الهجوم",
        "حذر ترامب من هجوم حكومي وشيك على محافظة إدلب",
    ],
)
def test_an_awaited_or_imminent_strike_is_not_told(pipeline, text):
    assert pipeline.extract(text, published=date(2018, 4, 13)) == []


def test_chemical_weapons_held_or_banned_are_no_chemical_attack(pipeline):
    # "برنامج الأسلحة الكيميائية": the programme struck, not a gas attack
    text = "قصفت صواريخ أمريكية منشآت برنامج الأسلحة الكيميائية في حي برزة بدمشق"
    [event] = pipeline.extract(text, published=date(2018, 4, 14))
    assert event.sub_event_type != "Chemical weapon"


@pytest.mark.parametrize(
    "text",
    [
        "وتزامن ذلك مع توقف القتال بين قوات النظام ومسلحي داعش في منطقة تلول الصفا",
        'وغرد ترامب "يجب على الرئيس السوري بشار الأسد أن لا يهاجم بشكل متهور محافظة إدلب"',
        "ويبدو أنها مستعدة لإطلاق ما يمكن أن يكون آخر معركة رئيسية في محافظة إدلب",
    ],
)
def test_fighting_that_stops_or_must_not_or_may_happen_is_not_told(pipeline, text):
    assert pipeline.extract(text, published=date(2018, 9, 3)) == []


@pytest.mark.parametrize(
    "text",
    [
        'وقال إن "جثث قتلاه موجودة لدى القوات الحكومية في السويداء"',
        "ونقلت الفصائل بعض جثث قتلاها إلى مستشفى مدينة إدلب",
    ],
)
def test_the_bodies_of_a_sides_own_dead_are_no_killing_told(pipeline, text):
    # "جثث قتلاه": the possessive makes them the dead of acts told before, held or carried
    assert pipeline.extract(text, published=date(2018, 7, 27)) == []


@pytest.mark.parametrize(
    "text",
    [
        "وبات الطريق الوحيد إلى عفرين منذ الاثنين بمرمى النيران التركية",
        "وبات هذا الطريق تحت مرمى نيران الجيش التركي وحلفائه قرب مدينة عفرين",
    ],
)
def test_a_place_in_range_of_fire_tells_no_shooting(pipeline, text):
    # "بمرمى النيران": a threat to a road or a town, not a clash or an attack told
    assert pipeline.extract(text, published=date(2018, 3, 17)) == []


@pytest.mark.parametrize(
    "text",
    [
        # fear of an act, and a move made to fight: neither is the act
        "بينما لا تزال مئات آلاف المدنيين في مدينة عفرين متخوفين من الاستهداف التركي لهم",
        "وقد انتقل عدد منهم إلى عفرين للقتال ضد الجيش التركي",
        "بدأت إيران بإرسال آلاف المقاتلين للقتال إلى جانب القوات الحكومية في بلدة القصير",
        # giving up the weapons for peaceful purposes is no chemical attack in Salamiyah
        "اتفقت كافة الدول على نزع السلاح الكيمياوي إلا ما تأكد استخدامها لأغراض سلمية",
    ],
)
def test_fears_purposes_and_disarmament_tell_no_act(pipeline, text):
    assert pipeline.extract(text, published=date(2018, 4, 16)) == []


def test_the_dead_since_a_start_some_weeks_ago_are_a_tally(pipeline):
    # "منذ بدء الحملة ... قبل ثلاثة أسابيع، قتل أكثر من 630": three weeks of acts summed up;
    # "منذ بدء الهجوم صباح اليوم" counts no stretch and the act is told
    text = (
        "ومنذ بدء قوات النظام حملتها على الغوطة الشرقية المحاصرة قبل ثلاثة أسابيع، قتل أكثر "
        "من 630 مدنيا بينهم 150 طفلا على الأقل"
    )
    assert pipeline.extract(text, published=date(2018, 3, 3)) == []
    # "منذ بدء المعركة في الثالث من يوليو": a start dated, and the barrels since summed up
    text = (
        "وبحسب التقرير، سقط على مدينة الزبداني، منذ بدء المعركة في الثالث من يوليو الحالي، "
        "470 برميلا متفجرا"
    )
    assert pipeline.extract(text, published=date(2015, 7, 20)) == []
    text = "قتل 5 مدنيين في قصف على مدينة دوما منذ بدء الهجوم صباح اليوم"
    assert [e.fatalities for e in pipeline.extract(text, published=date(2018, 3, 3))] == [5]


def test_the_dead_broken_down_by_place_are_a_tally(pipeline):
    # "القتلى توزعوا حسب المناطق على النحو التالي": a breakdown of a month's dead, not acts
    text = (
        "وأشارت المجموعة إلى أن القتلى توزعوا حسب المناطق في سوريا على النحو التالي: 35 شخصا "
        "قضوا في دمشق، و8 آخرين في ريف دمشق، ولاجئ في حلب، وشخص في درعا"
    )
    assert pipeline.extract(text, published=date(2018, 5, 7)) == []


@pytest.mark.parametrize(
    "text",
    [
        "قال مسؤولون إن واشنطن مستعدة لتوجيه ضربة عسكرية في سوريا",  # ready to act
        "وقال إن من غير الوارد شن هجوم واسع على إدلب",  # out of the question
        "وقال إن للجيش السوري الحق في استعادة إدلب بالقوة",  # a right claimed
    ],
)
def test_readiness_rights_and_what_is_ruled_out_tell_no_act(pipeline, text):
    assert pipeline.extract(text, published=date(2018, 9, 2)) == []


def test_a_staged_attack_prepared_is_no_attack(pipeline):
    # "التحضير لتصوير هجوم كيماوي مفبرك": what is prepared has not happened, and "مفبرك" calls
    # the act staged: talked about, not told
    text = "زعمت روسيا أن التحضير لتصوير هجوم كيماوي مفبرك على إدلب قد بدأ"
    assert pipeline.extract(text, published=date(2018, 9, 11)) == []


def test_a_chemical_weapons_store_struck_or_gas_made_is_no_chemical_attack(pipeline):
    # "استهداف مستودع أسلحة كيميائية"، "إنتاج غاز السارين": the weapons are held and made
    text = 'وفي حمص، تحدث دانفورد عن استهداف "مستودع أسلحة كيميائية" يتم فيه إنتاج غاز السارين'
    found = pipeline.extract(text, published=date(2018, 4, 14))
    assert "Chemical weapon" not in {e.sub_event_type for e in found}


def test_history_before_any_conflict_data_is_no_event(pipeline):
    # "عام 1967": history, not an event of the dataset; 2007 is still background
    text = "وكانت إسرائيل قد سيطرت على مساحات من مرتفعات الجولان في ريف القنيطرة عام 1967"
    assert pipeline.extract(text, published=date(2018, 7, 6)) == []
    text = "وكانت إسرائيل قد شنت غارة على موقع الكبر في دير الزور عام 2007"
    [event] = pipeline.extract(text, published=date(2018, 7, 6))
    assert event.historical


def test_each_discourse_cue_has_one_kind():
    # the matcher keeps a cue's first kind: a second row for it would never be read
    from collections import Counter

    from rasad.lexicon import read_tsv
    from rasad.normalise import normalise_key

    cues = Counter(normalise_key(row["cue"]) for _, row in read_tsv("discourse_cues.tsv", ["cue"]))
    assert [cue for cue, count in cues.items() if count > 1] == []


def test_no_discourse_cue_ends_in_a_preposition_written_apart():
    # "تنديداً بالغارات": ب and ل are written on the next word, so a cue row "تنديدا ب" would
    # never match; such a cue is listed without its preposition, or with its pronoun
    from rasad.lexicon import read_tsv

    lone = [
        row["cue"]
        for _, row in read_tsv("discourse_cues.tsv", ["cue"])
        if len(row["cue"].split()[-1]) == 1
    ]
    assert lone == []


@pytest.mark.parametrize(
    "protest",
    [
        "خرج المئات في بلدة الحراك في مظاهرة تنديداً بالغارات",  # denouncing (تنديداً بـ)
        "تجمع المئات في ساحة بلدة الحراك رفضاً للغارات",  # rejecting (رفضاً لـ)
    ],
)
def test_the_act_a_protest_denounces_is_background_and_the_protest_the_news(pipeline, protest):
    events = pipeline.extract(protest + ".", published=PUBLISHED)
    assert [(e.sub_event_type, e.historical) for e in events if not e.historical] == [
        ("Peaceful protest", False)
    ]


@pytest.mark.parametrize(
    "charged",
    [
        "أعلنت وزارة الداخلية القبض على أحد المتهمين بارتكاب مجزرة في حي التضامن",
        "أعلنت وزارة الداخلية القبض على ضابط سابق متهم بقصف مدينة داريا",
    ],
)
def test_what_a_detainee_is_charged_with_is_no_act_told(pipeline, charged):
    # "المتهمين بارتكاب مجزرة"، "متهم بقصف": the charge names an act, not told as done here
    events = pipeline.extract(charged + ".", published=date(2025, 5, 6))
    assert [e.sub_event_type for e in events] == ["Arrests"]


def test_a_charge_describing_a_victim_keeps_the_act_and_its_place(pipeline):
    # "منزل المتهم بتهريب المخدرات ... في قرية الشعاب": the strike on his house is told
    events = pipeline.extract(
        "استهدفت غارات في ٨ من أيار ٢٠٢٣ منزل المتهم بتهريب المخدرات مرعي الرمثان في قرية الشعاب "
        "بريف السويداء الشرقي، ما أدى إلى مقتله مع زوجته وأطفاله الستة.",
        published=date(2023, 5, 9),
    )
    assert [(e.sub_event_type, e.location) for e in events] == [("Air/drone strike", "الشعاب")]


def test_what_a_base_is_used_for_is_no_act(pipeline):
    # "المطار، الذي تستخدمه قوات النظام لقصف ريف درعا": a habit, no bombardment told
    text = "ويعد المطار، الذي تستخدمه قوات النظام لقصف ريف درعا الشرقي، آخر موقع عسكري كبير للنظام."
    assert pipeline.extract(text, published=date(2015, 6, 12)) == []


def test_what_an_act_may_bring_about_and_a_demand_are_plans(pipeline):
    # "قد يسفر عن مقتل مئات الآلاف": a feared toll; "يطالب ... بوقف حملة": a demand
    for text in (
        "وقال ترامب إن هجوما على إدلب قد يسفر عن مقتل مئات الآلاف من الأشخاص.",
        "ووصف ترامب الهجوم على إدلب بأنه قد يكون خطأ فادحا ينتج عنه مقتل المئات من المدنيين.",
        "ويطالب التنظيم قوات النظام بوقف حملة القصف على حوض اليرموك.",
        # "لمنع"، "بانتظار"، "محذرا": to prevent, awaiting, warning of
        "كرر دي ميستورا دعوته لوقف عاجل لإطلاق النار لمنع القصف المروع للغوطة الشرقية.",
        "وقال عبد الرحمن إن الهجوم على الغوطة الشرقية بانتظار إشارة البدء.",
        "وغرد ترامب محذرا إيران وروسيا من تبعات الهجوم على محافظة إدلب.",
        # "ضرورة"، "تحضيرات"، "محتملة": a necessity argued, preparations, a possible strike
        "تردد المسؤولون الأميركيون بشأن ضرورة توجيه ضربة للمنشأة في دمشق.",
        "وتجري تحضيرات لهجوم واسع على بادية دير الزور.",
        "حذرت يوروكونترول شركات الطيران من ضربات جوية وصاروخية محتملة على مطار دمشق.",
        # "تمثل": what an act would mean
        "وتمثل السيطرة على الغوطة الشرقية للرئيس السوري انتصارا كبيرا.",
        # "لتتمكن من": so as to be able to, a purpose
        "إن واشنطن تحتاج قوة على الأرض السورية لتتمكن من التمركز في محافظة الحسكة.",
        # "طلبه من": a request
        "بعد أيام من زيارة جنرال روسي للسويداء وطلبه من الشبان الانخراط في القتال ضد التنظيم.",
        # "إمكانية"، "استعدادها": a possibility, a readiness with its pronoun
        "اهتمت الصحف بتطورات الوضع وإمكانية استبعاد إيران من معارك درعا.",
        "أعلنت قوات سوريا الديمقراطية عن استعدادها لتبادل أسرى من عناصر التنظيم في السويداء.",
        # "إذا لم"، "الحق ب": a condition, a right to act
        "وقال الجعفري إذا لم تعد إدلب بالمصالحات فللجيش السوري الحق باستعادتها بالقوة.",
        # "الرغبة ب": a wish to act
        "نحن أمام مشهد جديد حيث يتهم ويقرر الاتهام والرغبة بالقصف على دمشق.",
        # "أطراف القتال": the parties to a fight, no act
        "ودعا جميع أطراف القتال إلى وقف جميع الأعمال الحربية في الغوطة الشرقية.",
        # "وشيك"، "المرتقب": an act named imminent or awaited, after it
        "ويفر مئات المدنيين من إدلب خوفا من هجوم وشيك على المحافظة.",
        "وتستعد الفصائل للهجوم المرتقب على ريف درعا.",
        # the adjective alone, past the act's means, and no verb of warning
        "بعد تحذير أطلقته المنظمة الأوروبية للسلامة الجوية لشركات الطيران حول ضربات جوية "
        "وصاروخية محتملة على سوريا خلال 72 ساعة، إليكم أبرز ردود الأفعال.",
        # "للتوصل"، "لإبرام"، "فشلوا في التوصل": an agreement sought or missed
        "وتجري مفاوضات ماراثونية للتوصل إلى تسوية في الغوطة الشرقية.",
        "وقال مسؤول إن بعض البلدات تحاول التفاوض لإبرام اتفاقات خاصة بها في درعا.",
        "واجتمع الرؤساء في طهران لبحث الوضع في إدلب لكنهم فشلوا في التوصل إلى اتفاق.",
        # "إن لم"، "ما لم": if not, unless; what is conditioned has not happened
        "وهددت تركيا بضرورة سحب القوات الأميركية من منبج إن لم ترغب واشنطن في وقوع اشتباك.",
        "وهددت القوات بقصف مدينة دوما ما لم يوافق جيش الإسلام على تسليمها.",
        # "داعيا إلى": a call for what has not happened
        "وصف الأمين العام الأوضاع في الغوطة الشرقية بجهنم على الأرض، داعيا إلى وقف فوري للقتال في المنطقة.",
    ):
        assert pipeline.extract(text, published=date(2018, 9, 7)) == [], text


def test_reference_words_have_known_kinds():
    from rasad.lexicon import read_tsv

    rows = [row for _, row in read_tsv("reference_words.tsv", ["word", "kind"])]
    assert {row["kind"] for row in rows} == {
        "demonstrative",
        "happened",
        "town",
        "among",
        "site",
        "named_by_date",
        "impersonal",
        "town_noun",
    }


@pytest.mark.parametrize(
    "text",
    [
        "وحذر ترامب بأنه سيقصف مواقع هامة في مدينة دمشق.",  # he will
        "وقال إن مقاتلي جيش الإسلام سيقصفون دمشق بالمدفعية.",  # they will
        "وقالت روسيا إنها ستستهدف السفن التي تطلق الصواريخ على مدينة طرطوس.",  # she will
        "وقال القائد: سنهاجم مواقع الجيش التركي في مدينة عفرين.",  # we will
        "وقالت وزارة الدفاع إن الجيش السوري سيعلق الضربات الجوية على الغوطة الشرقية.",
    ],
)
def test_an_act_in_the_future_tense_is_a_plan(pipeline, text):
    # "سـ" on the imperfect of an act's verb: the act is announced, not told
    assert pipeline.extract(text, published=PUBLISHED) == []


@pytest.mark.parametrize(
    "text",
    [
        "وتحاول تركيا تجنب هجوم كبير تشنه القوات الحكومية على محافظة إدلب.",
        "وتوصلت الدول الثلاث إلى اتفاق لتجنيب مدينة إدلب هجوما واسعا.",
        "ودعا روسيا إلى المساعدة على منع وقوع هجوم كيماوي آخر على مدينة دوما.",
    ],
)
def test_an_act_to_be_averted_has_not_happened(pipeline, text):
    # "تجنب"، "تجنيب"، "منع وقوع": what is to be averted is a plan, no act told
    assert pipeline.extract(text, published=PUBLISHED) == []


def test_future_forms_cover_every_person_and_number():
    from rasad.extractors.recaps import future_forms

    forms = future_forms()
    assert {"سيقصف", "ستقصف", "سنقصف", "ساقصف", "سيقصفون", "ستقصفان"} <= forms
    # nouns that begin like a future are never made
    assert not {"سيطره", "سياره", "سنوات", "سيطرت"} & forms


def test_future_verbs_are_imperfects():
    from rasad.lexicon import read_tsv

    verbs = [row["verb"] for _, row in read_tsv("future_verbs.tsv", ["verb"])]
    assert verbs and all(verb.startswith("ي") for verb in verbs)
    assert len(verbs) == len(set(verbs))


def test_a_future_of_going_on_keeps_the_campaign_told(pipeline):
    # "ستواصل" is no act's own verb: what the sentence tells as done is still coded
    events = pipeline.extract(
        "وقالت المتحدثة إن المعارضة أيضا واصلت قصف مدينة دمشق، وإن الحكومة ستواصل عملياتها.",
        published=PUBLISHED,
    )
    assert [e.location for e in events] == ["دمشق"]


def test_what_a_threat_follows_with_ithr_happened(pipeline):
    # "على إثر": the attack a threat follows is told as done, the threatened strike is not
    events = pipeline.extract(
        "وهدد ترامب بتوجيه ضربة عسكرية على إثر الهجوم بالكيماوي في مدينة دوما.",
        published=PUBLISHED,
    )
    assert [(e.sub_event_type, e.location) for e in events] == [("Chemical weapon", "دوما")]


@pytest.mark.parametrize(
    "text",
    [
        # the subject's name in apposition and the day between commas
        "حذر الرئيس الأميركي، دونالد ترامب، الاثنين، الرئيس السوري من شن هجوم متهور على محافظة إدلب.",
        # a subject of four words before the day
        "توعد الرئيس الأمريكي دونالد ترامب، الأربعاء، باستهداف سوريا بصواريخ جديدة في دوما.",
        # what would be foolish, wrong or possible ("سيكون من الحمق أن")
        "قال ماتيس إنه سيكون من الحمق أن تستخدم قوات الحكومة الغاز في الغوطة الشرقية.",
        # what a side tries to do ("تحاول قوات النظام اقتحامها")
        "وتحاول قوات النظام اقتحام بلدة صيدا في ريف درعا.",
        "ويحاول مقاتلو التنظيم السيطرة على منطقة حوض اليرموك.",
        # an expectation in the plural subjunctive ("ألا يتوقعوا")
        "وأبلغت الولايات المتحدة مسلحي المعارضة في درعا بأن عليهم ألا يتوقعوا دعما لصد الهجوم.",
    ],
)
def test_a_warning_threat_or_expectation_with_asides_tells_no_act(pipeline, text):
    assert pipeline.extract(text, published=PUBLISHED) == []


@pytest.mark.parametrize(
    "text",
    [
        # an accusation made, or a price threatened for an act: the act happened
        "وحذرت روسيا، الاثنين، من اتهام الحكومة السورية بتنفيذ هجوم كيميائي على دوما.",
        "وتوعد ترامب، الأحد، بأنه سيكون هناك ثمن باهظ للهجوم بأسلحة كيماوية في دوما.",
    ],
)
def test_what_a_warning_or_a_threat_answers_happened(pipeline, text):
    events = pipeline.extract(text, published=PUBLISHED)
    assert [(e.sub_event_type, e.location) for e in events] == [("Chemical weapon", "دوما")]


def test_the_year_a_siege_began_does_not_make_the_news_background(pipeline):
    # "الغوطة الشرقية، القريبة من دمشق والمحاصرة منذ عام 2013": the year "منذ" opens is when a
    # state began; the raids of the night before the report are its news
    [event] = pipeline.extract(
        "واصلت قوات النظام السوري ليل الأحد الاثنين غاراتها على الغوطة الشرقية، القريبة من "
        "دمشق والمحاصرة منذ عام 2013.",
        published=date(2018, 3, 5),
    )
    assert (event.historical, event.event_date) == (False, "2018-03-04")
    # a year an act is dated by after "منذ" and its verb stays the act's
    [event] = pipeline.extract(
        "وكانت القوات الحكومية انسحبت من مدينة عفرين عام 2012.", published=date(2018, 3, 5)
    )
    assert event.historical


def test_what_a_reaction_answers_is_background(pipeline):
    # "لمناقشة رد فعل لندن على الهجوم الكيميائي": the news is the reaction; the attack it
    # answers happened before it (codebook: background, historical)
    [event] = pipeline.extract(
        "ودعت رئيسة الوزراء البريطانية حكومتها لاجتماع طارئ لمناقشة رد فعل لندن على الهجوم "
        "الكيميائي في مدينة دوما.",
        published=PUBLISHED,
    )
    assert (event.sub_event_type, event.historical) == ("Chemical weapon", True)


def test_what_a_protest_condemns_was_told_before(pipeline):
    # "خرج المئات في مظاهرة ... وندد المحتجون بالغارات": the protest is the news; the strikes
    # it condemns (ندد، نددت، يندد: recap) are background
    found = pipeline.extract(
        "خرج المئات من أبناء محافظة السويداء اليوم في مظاهرة بساحة الكرامة وسط مدينة السويداء، "
        "وندد المحتجون بالغارات التي طالت المدنيين.",
        published=date(2024, 1, 19),
    )
    assert ("Peaceful protest", False) in {(e.sub_event_type, e.historical) for e in found}
    assert all(e.historical for e in found if e.event_type != "Protests")


def test_a_planned_accusation_names_no_act(pipeline):
    # "تخطط لاتهام": the accusation is itself planned, so is the act it would name
    text = "وقال إن الولايات المتحدة تخطط لاتهام القوات الحكومية باستخدام السلاح الكيماوي في دوما."
    assert pipeline.extract(text, published=PUBLISHED) == []


def test_an_enclave_left_out_of_an_agreement_is_no_agreement(pipeline):
    # "غير مشمول": indefinite, as a predicate, like "غير المشمول"
    text = (
        "يذكر أن الجيب الذي يسيطر عليه تنظيم داعش في محافظة درعا غير مشمول في اتفاق وقف "
        "إطلاق النار الذي أبرمته روسيا مع الفصائل المعارضة."
    )
    assert pipeline.extract(text, published=PUBLISHED) == []


@pytest.mark.parametrize(
    "text",
    [
        "يظهر مقاتلين من الجيش الحر وهم يناقشون خططا لنهب المنازل في مدينة عفرين.",
        "وقال إن موسكو ستضغط لإقرار خطط هدنة يومية مماثلة في القتال في الغوطة الشرقية.",
    ],
)
def test_a_plan_named_by_its_noun_tells_no_act(pipeline, text):
    # "خطط/خطة": the act after the noun of a plan is planned, not done
    assert pipeline.extract(text, published=PUBLISHED) == []


def test_a_conspiracy_to_act_tells_no_act(pipeline):
    # "تهمة التآمر لقتل": what was conspired is not done
    text = "ووجه القضاء إلى المتهم الرئيسي تهمة التآمر لقتل عائلة في بلدة دوما."
    assert pipeline.extract(text, published=PUBLISHED) == []


def test_acts_told_as_repeated_are_no_one_act(pipeline):
    # "تعرضت عدة مرات لهجمات": a habit over time, like "غالبا ما"
    text = "وأوضح أن المنطقة جنوب مدينة البوكمال تعرضت عدة مرات لهجمات من قبل تنظيم داعش."
    assert pipeline.extract(text, published=PUBLISHED) == []


@pytest.mark.parametrize(
    "text",
    [
        "نفت روسيا لجوء النظام السوري إلى الأسلحة الكيماوية في قصف بلدة دوما.",
        "وفي المقابل تنفي الحكومة السورية استخدام الكيماوي في قصف دوما.",
    ],
)
def test_a_use_denied_is_no_act_and_the_denier_no_side(pipeline, text):
    # "نفت ... لجوء/استخدام": the use is denied, like "نفى ... وقوع"
    events = pipeline.extract(text, published=PUBLISHED)
    assert "Military Forces of Russia (2000-)" not in {e.actor1 for e in events}
    assert "Chemical weapon" not in {e.sub_event_type for e in events}


def test_the_side_that_denies_launching_a_strike_did_not_launch_it(pipeline):
    # "نفت الولايات المتحدة وفرنسا شن الضربة": the strike told before has no side from it
    text = "قصفت طائرات حربية مطار التيفور في ريف حمص. ونفت الولايات المتحدة وفرنسا شن الضربة."
    [event] = pipeline.extract(text, published=date(2018, 4, 9))
    assert event.actor1 == "Unidentified Armed Group (Syria)"


def test_a_capital_that_denies_claims_is_its_government_not_a_place(pipeline):
    # "وتنفي دمشق مزاعم غربية بأن قواتها استخدمت": Damascus speaks; it is no place of an act
    text = "وتنفي دمشق مزاعم غربية بأن قواتها استخدمت أسلحة كيماوية."
    assert pipeline.extract(text, published=PUBLISHED) == []


def test_a_part_denied_leaves_the_act_without_the_denier(pipeline):
    # "نفى الكرملين ضلوع روسيا في القصف على الغوطة": the shelling stands, Russia is no side
    # of it by this (denying one's part is no denial of the act)
    text = "ونفى الكرملين ضلوع روسيا في القصف على الغوطة الشرقية الذي أوقع 250 قتيلا."
    found = pipeline.extract(text, published=PUBLISHED)
    assert found and "Military Forces of Russia (2000-)" not in {e.actor1 for e in found}


def test_strikes_counted_since_a_campaign_began_are_a_tally(pipeline):
    # "أكثر من 1600 غارة ... منذ بدأت عملياتها في سبتمبر 2014": a campaign summed up
    text = (
        "وتحوم الشكوك حول نجاح الوزارة في شن أكثر من 1600 غارة جوية في سوريا، منذ بدأت "
        "عملياتها في سبتمبر 2014."
    )
    assert pipeline.extract(text, published=PUBLISHED) == []


def test_an_attack_called_a_staged_play_is_the_act_talked_about(pipeline):
    # "مسرحية الهجوم الكيماوي": named as a play, like "مفبرك": known already, not news
    [event] = pipeline.extract(
        "ووصف الوزير ما جرى في دوما بأنه مسرحية الهجوم الكيماوي.", published=PUBLISHED
    )
    assert (event.sub_event_type, event.historical) == ("Chemical weapon", True)


@pytest.mark.parametrize(
    "text",
    [
        "وتم إطلاق 7 صواريخ على الهدف الثالث وهو مخبأ للأسلحة الكيميائية في مدينة حمص.",
        "قصفت الطائرات مخازن الأسلحة الكيماوية في مدينة حمص.",
    ],
)
def test_chemical_weapons_held_are_what_was_struck(pipeline, text):
    # "مخبأ للأسلحة الكيميائية": a holder before the weapon makes it the target, no chemical attack
    events = pipeline.extract(text, published=PUBLISHED)
    assert events and "Chemical weapon" not in {e.sub_event_type for e in events}


def test_weapons_held_pair_every_holder_with_every_weapon():
    from rasad.extractors.recaps import weapons_held

    assert {"مخبا الاسلحه الكيمياييه", "مستودعات السلاح الكيماوي"} <= weapons_held()


def test_weapons_made_or_given_up_are_no_use_of_them(pipeline):
    # "ورشة لتصنيع الأسلحة الكيمياوية"، "نزع السلاح الكيماوي": holders with every spelling
    for text in (
        "وقال إن القوات الحكومية عثرت على ورشة لتصنيع الأسلحة الكيمياوية في بلدة حمورية.",
        "واتفق الطرفان على نزع السلاح الكيماوي في مدينة دمشق.",
    ):
        events = pipeline.extract(text, published=PUBLISHED)
        assert "Chemical weapon" not in {e.sub_event_type for e in events}


@pytest.mark.parametrize(
    "text",
    [
        "وأبدى بومبيو قلقه بشأن تقارير عن قيام إيران بنقل صواريخ باليستية إلى دمشق.",
        "ويقوم المركز في مصياف بتطوير صواريخ أرض أرض قصيرة المدى.",
        "ونشرت روسيا منظومة صواريخ في قاعدة حميميم.",
    ],
)
def test_missiles_moved_made_or_deployed_are_no_missile_attack(pipeline, text):
    # "نقل صواريخ"، "تطوير صواريخ"، "منظومة صواريخ": the missiles are things held, not fired
    assert pipeline.extract(text, published=PUBLISHED) == []


@pytest.mark.parametrize("opener", ["ويأتي ذلك", "وجاء الهجوم"])
def test_an_act_a_few_days_before_the_news_is_background_and_another_act(pipeline, opener):
    # "بعد أيام من هجوم": a few days (three, as "قبل أيام") before the act it follows, which
    # it never joins even with the same sides and type
    text = (
        "قتل عنصران من قسد بهجوم لخلايا داعش في بلدة الطيانة. "
        f"{opener} بعد أيام من هجوم استهدف نقطة لقسد في بلدة ذيبان، أسفر عن مقتل عنصر."
    )
    events = by_place(pipeline.extract(text, published=date(2024, 9, 14)))
    news, earlier = events["الطيانة"], events["ذيبان"]
    assert (news.historical, news.event_date, news.fatalities) == (False, "2024-09-14", 2)
    assert (earlier.historical, earlier.event_date, earlier.time_precision) == (
        True,
        "2024-09-11",
        2,
    )
    assert (earlier.actor2, earlier.fatalities) == ("SDF: Syrian Democratic Forces", 1)


@pytest.mark.parametrize("month", ["شهر تموز الماضي", "الشهر الماضي", "تموز"])
def test_the_dead_of_a_whole_month_are_a_tally(pipeline, month):
    # "وثق مقتل 45 شخصاً خلال شهر تموز الماضي": a month's dead summed up, no event
    text = f"ويشهد ريف درعا فلتانا أمنيا، إذ وثق مكتب توثيق الشهداء مقتل 45 شخصاً خلال {month}."
    assert pipeline.extract(text, published=date(2023, 8, 20)) == []


def test_a_month_an_act_took_place_in_is_no_tally_without_dead():
    # "استعادة المدينتين خلال ديسمبر من العام الماضي": an act dated, nothing summed up
    assert frame("منذ استعادة مدينتي البوكمال والميادين خلال ديسمبر من العام الماضي").tally is False


def test_an_outbreak_a_stretch_before_dates_the_act_it_names(pipeline):
    # "بعد يومين من اندلاع اشتباكات": the clashes broke out two days before, background
    text = (
        "شن الطيران الإسرائيلي اليوم الأربعاء غارات على دمشق. وتأتي الغارات بعد يومين من "
        "اندلاع اشتباكات دامية بين مسلحين دروز ومقاتلين من عشائر البدو في مدينة السويداء."
    )
    events = by_place(pipeline.extract(text, published=date(2025, 7, 16)))
    clash = events["السويداء"]
    assert (clash.event_date, clash.historical) == ("2025-07-14", True)


def test_a_truce_after_about_ten_days_of_shelling_is_the_act_told(pipeline):
    # "بعد نحو عشرة أيام من القصف": a stretch with its modifier names the earlier shelling;
    # the truce entering into force is the clause's own act
    text = (
        "دخلت الهدنة التي أعلنت عنها روسيا حيز التنفيذ في الغوطة الشرقية، بعد نحو عشرة أيام "
        "من القصف العنيف."
    )
    [event] = pipeline.extract(text, published=date(2018, 2, 27))
    assert (event.sub_event_type, event.actor1) == (
        "Agreement",
        "Military Forces of Russia (2000-)",
    )


@pytest.mark.parametrize(
    "text",
    [
        "وقال بولتون إن أي استخدام لأسلحة كيماوية أخرى من جانب دمشق سيؤدي إلى تصعيد كبير.",
        "ويعكف أهالي إدلب على عمل كمامات للوقاية من أي ضربة كيماوية في مدينة إدلب.",
        "وأشارت لاحقا إلى أنها تواصل التحقق من مقتل القيادي في مدينة الرقة.",
    ],
)
def test_any_act_and_a_death_being_verified_are_not_told(pipeline, text):
    # "أي استخدام"، "أي ضربة": any act, none in particular; "التحقق من مقتله": not yet told
    assert pipeline.extract(text, published=date(2018, 9, 13)) == []


def test_any_act_denied_stands_with_the_side_it_is_laid_on(pipeline):
    # "نفت سوريا شن القوات الحكومية أي هجوم كيماوي": the attack is the one talked of
    text = "ونفت سوريا شن القوات الحكومية أي هجوم كيماوي على مدينة دوما."
    [event] = pipeline.extract(text, published=date(2018, 4, 9))
    assert (event.sub_event_type, event.actor1) == (
        "Chemical weapon",
        "Military Forces of Syria (2000-2024)",
    )


def test_the_dead_of_the_first_weeks_of_an_offensive_are_a_tally(pipeline):
    # "خلال الأسبوعين الأولين من هجوم النظام": the first weeks summed up ("خلال اليومين
    # الماضيين" stays a date: the last two days)
    text = "وقالت المنظمة إن ألف شخص قتلوا في الغوطة الشرقية خلال الأسبوعين الأولين من هجوم النظام."
    assert pipeline.extract(text, published=date(2018, 3, 11)) == []
    [event] = pipeline.extract(
        "قتل 5 أشخاص بقصف على مدينة دوما خلال اليومين الماضيين.", published=date(2018, 3, 11)
    )
    assert (event.fatalities, event.time_precision) == (5, 2)


@pytest.mark.parametrize(
    "text",
    [
        # a relative clause on the campaign: "the shelling ... that killed 400 since Sunday"
        "نددت واشنطن بالقصف الذي يشنه النظام وأوقع أكثر من 400 قتيل منذ الأحد في الغوطة الشرقية.",
        # the weekday told before the count, a comma between
        "وأدت المعارك المستمرة منذ الأربعاء، بحسب المرصد، إلى مقتل 37 عنصرا في بلدة هجين.",
    ],
)
def test_the_dead_since_a_weekday_are_days_summed_up_not_the_acts_toll(pipeline, text):
    events = pipeline.extract(text, published=date(2018, 2, 23))
    assert events  # the act is told
    assert all(not e.fatalities for e in events)


def test_a_count_since_a_weekday_leaves_the_other_places_count_alone(pipeline):
    # "غداة مقتل 9 مدنيين في غارة ... ومقتل 62 عنصرا ... منذ الاثنين ... حي القدم": the nine of
    # one strike are its toll, the 62 of days are none
    events = pipeline.extract(
        "قتل 16 طفلا الأربعاء في غارة على قرية كفر بطيخ. ويأتي القصف غداة مقتل 9 مدنيين في غارة"
        " استهدفت مخيما للنازحين في ريف إدلب الجنوبي، ومقتل 62 عنصرا من قوات النظام السوري"
        " والمسلحين الموالين لها، منذ الاثنين، من جراء هجوم لتنظيم داعش مكنه من السيطرة على حي"
        " القدم في جنوب دمشق.",
        published=date(2018, 3, 21),
    )
    tolls = {e.location: e.fatalities for e in events}
    assert tolls.get("حي القدم") == 0
    assert 62 not in tolls.values()


def test_people_displaced_since_the_fighting_began_are_no_clash(pipeline):
    # "نزح نحو 120 ألف شخص من الحسكة منذ بدء المعارك": the days of a battle summed up
    text = "وبحسب الأمم المتحدة، نزح نحو 120 ألف شخص من الحسكة منذ بدء المعارك."
    assert pipeline.extract(text, published=date(2015, 7, 28)) == []


def test_what_a_side_deliberately_keeps_doing_is_no_one_act(pipeline):
    # "تتعمد استهداف أي تحرك للمدنيين": a habit told in the imperfect, no act of one day
    text = (
        "وأكد الأهالي أن القوات التركية تتعمد استهداف أي تحرك للمدنيين من مدينة عفرين نحو بلدتي"
        " نبل والزهراء."
    )
    assert pipeline.extract(text, published=date(2018, 3, 16)) == []


def test_an_attack_a_statement_condemns_is_background(pipeline):
    # "أدان وزير الخارجية الفرنسي، يوم الأحد، هجمات النظام على دوما ليلة السبت": the report's
    # news is the condemnation; the attack it condemns was told before (أدان، أدانت: recap)
    events = pipeline.extract(
        "أدان وزير الخارجية الفرنسي، يوم الأحد، الهجوم الكيماوي الذي شنه النظام السوري على"
        " مدينة دوما ليلة السبت وأودى بحياة العشرات.",
        published=date(2018, 4, 8),
    )
    assert [(e.location, e.historical) for e in events] == [("دوما", True)]


def test_an_attack_that_evidence_points_to_is_background(pipeline):
    # "أشار بيان الاتحاد الأوروبي إلى وجود دلائل على أن القوات الحكومية استخدمت أسلحة
    # كيماوية في قصفها على مدينة دوما": what evidence points to was told before the statement
    events = pipeline.extract(
        "أشار بيان صادر عن الاتحاد الأوروبي الأحد، إلى وجود دلائل على أن القوات الحكومية السورية"
        " استخدمت أسلحة كيماوية في قصفها على مدينة دوما.",
        published=date(2018, 4, 8),
    )
    assert [(e.location, e.historical) for e in events] == [("دوما", True)]


def test_what_a_takeover_paved_the_way_for_is_no_place_of_it(pipeline):
    # "سيطرت على مدينة جسر الشغور ...، ما مهد لتقدمها نحو سهل الغاب": a later move, told apart
    events = pipeline.extract(
        "وكانت فصائل جيش الفتح قد سيطرت في نيسان الماضي على مدينة جسر الشغور بعد معارك عنيفة مع"
        " قوات النظام، ما مهد لتقدمها نحو سهل الغاب.",
        published=date(2015, 10, 8),
    )
    assert [e.location for e in events] == ["جسر الشغور"]


def test_most_of_a_province_regained_is_a_campaign_summed_up(pipeline):
    # "بعد أن استعادت معظم محافظة درعا المجاورة": no one takeover
    text = "وتعزز القوات الحكومية مواقعها في القنيطرة بعد أن استعادت معظم محافظة درعا المجاورة."
    assert pipeline.extract(text, published=date(2018, 7, 23)) == []


def test_an_attack_named_by_the_allegations_of_it_is_background(pipeline):
    # "للتحقيق في ادعاءات بهجوم كيمياوي في بلدة دوما": the talk of an act is the news; the act,
    # named by the allegations (ادعاءات، مزاعم: recap), was told before
    events = pipeline.extract(
        "دعت الحكومة السورية منظمة حظر الأسلحة الكيمياوية إلى إرسال فريق للتحقيق في ادعاءات"
        " بهجوم كيمياوي في بلدة دوما بالغوطة الشرقية.",
        published=date(2018, 4, 10),
    )
    assert [(e.location, e.historical) for e in events] == [("دوما", True)]
