"""Events from mentions: one per act × place × day × actors, through the whole Pipeline."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from rasad.model import EVENT_FIELDS, Document, Event
from rasad.pipeline import Pipeline

PUBLISHED = date(2023, 12, 9)
ARTICLES = Path(__file__).parent / "fixtures" / "articles.jsonl"
NDF = "NDF: National Defence Forces"
UNIDENTIFIED = "Unidentified Armed Group (Syria)"
STATE = "Military Forces of Syria (2000-2024)"

QURIYA = (
    "هاجم مسلحون مجهولون مقرات لميليشيا الدفاع الوطني ببلدة القورية والمياذين بريف دير الزور، "
    "ما أدى إلى مقتل أربعة عناصر."
)


def sample_documents() -> list[Document]:
    docs = []
    for line in ARTICLES.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        docs.append(
            Document(
                id=record["id"],
                text=record["text"],
                title=record.get("title"),
                published=date.fromisoformat(record["published"])
                if record.get("published")
                else None,
            )
        )
    return docs


@pytest.fixture(scope="module")
def samples(pipeline) -> list[Document]:
    return [pipeline(doc) for doc in sample_documents()]


# -- one event per place ----------------------------------------------------------------------


def test_two_places_for_one_attack_make_two_events(pipeline):
    events = pipeline.extract(QURIYA, published=PUBLISHED)
    assert [e.location for e in events] == ["القورية", "الميادين"]
    for event in events:
        assert (event.actor1, event.actor2) == (UNIDENTIFIED, NDF)
        assert event.admin1 == "Deir-ez-Zor"
        assert event.geo_precision == 1


def test_village_in_a_mountain_range_is_one_event_at_the_village(pipeline):
    # "البارة في جبل الزاوية": the range only locates the village
    events = pipeline.extract(
        "شنت الطائرات الحربية الروسية غارات جوية على محيط بلدة البارة في جبل الزاوية.",
        published=PUBLISHED,
    )
    assert [(e.location, e.geo_precision) for e in events] == [("البارة", 2)]


def test_a_total_is_divided_between_the_places(pipeline):
    events = pipeline.extract(QURIYA, published=PUBLISHED)
    assert [e.fatalities for e in events] == [2, 2]
    assert sum(e.fatalities for e in events) == 4


def test_the_spelling_almayadhin_is_the_town_of_mayadin(pipeline):
    events = pipeline.extract(QURIYA, published=PUBLISHED)
    assert events[1].location_en == "Al Mayadin"
    assert "المياذين" in events[1].location_mention


def test_the_same_attack_told_twice_is_one_event(pipeline):
    events = pipeline.extract(
        "هاجم تنظيم داعش حاجزاً لقوات النظام في مدينة الميادين. "
        "وأسفر الهجوم على الحاجز في مدينة الميادين عن مقتل عنصرين.",
        published=PUBLISHED,
    )
    assert len(events) == 1
    (event,) = events
    assert (event.actor1, event.actor2, event.fatalities) == ("Islamic State (Syria)", STATE, 2)
    assert event.fatalities_text is not None and "عنصرين" in event.fatalities_text


def test_merged_event_keeps_evidence_of_both_mentions(pipeline):
    (event,) = pipeline.extract(
        "هاجم تنظيم داعش حاجزاً لقوات النظام في مدينة الميادين. "
        "وأسفر الهجوم على الحاجز في مدينة الميادين عن مقتل عنصرين.",
        published=PUBLISHED,
    )
    assert len([s for s in event.evidence if s.label == "event"]) == 2


def test_different_places_are_different_events(pipeline):
    events = pipeline.extract(
        "قتل عنصران من قوات النظام بهجوم في مدينة الميادين. "
        "وقتل ثلاثة عناصر من قوات النظام بهجوم في مدينة البوكمال.",
        published=PUBLISHED,
    )
    assert [(e.location, e.fatalities) for e in events] == [("الميادين", 2), ("البوكمال", 3)]


# -- headlines --------------------------------------------------------------------------------


def test_headline_repeating_the_body_is_not_coded_twice(pipeline):
    text = (
        "مقتل عنصرين من قوات النظام بهجوم في الميادين\n"
        "قتل عنصران من قوات النظام بهجوم نفذه مسلحون مجهولون في مدينة الميادين شرقي دير الزور."
    )
    for title in (None, "مقتل عنصرين من قوات النظام بهجوم في الميادين"):
        doc = pipeline(Document(id="h", text=text, title=title, published=PUBLISHED))
        assert len(doc.events) == 1
        assert all(span.start >= text.index("\n") for span in doc.events[0].evidence)


def test_single_sentence_without_full_stop_is_coded(pipeline):
    events = pipeline.extract(
        "قتل عنصران من قوات النظام بهجوم في مدينة الميادين", published=PUBLISHED
    )
    assert len(events) == 1


# -- fatalities -------------------------------------------------------------------------------


def test_injured_are_not_fatalities(pipeline):
    (event,) = pipeline.extract(
        "أصيب ثلاثة عناصر من قوات النظام بهجوم في مدينة الميادين.", published=PUBLISHED
    )
    assert event.fatalities == 0
    assert event.fatalities_text is None


def test_killed_and_injured_counts_only_the_killed(pipeline):
    (event,) = pipeline.extract(
        "قتل ثلاثة مدنيين وأصيب خمسة آخرون بقصف مدفعي على بلدة كنصفرة.", published=PUBLISHED
    )
    assert event.fatalities == 3
    assert event.civilian_targeting is True


def test_strategic_development_has_no_fatalities(pipeline):
    (event,) = pipeline.extract(
        "استقدمت قوات النظام تعزيزات عسكرية إلى مدينة الميادين.", published=PUBLISHED
    )
    assert (event.fatalities, event.disorder_type) == (0, "Strategic developments")


# -- dates ------------------------------------------------------------------------------------


def test_no_date_in_text_gives_publication_date_precision_2(pipeline):
    (event,) = pipeline.extract(
        "قتل عنصران من قوات النظام بهجوم في مدينة الميادين.", published=PUBLISHED
    )
    assert (event.event_date, event.time_precision) == ("2023-12-09", 2)


def test_no_publication_date_gives_null_date(pipeline):
    (event,) = pipeline.extract("قتل عنصران من قوات النظام بهجوم في مدينة الميادين.")
    assert (event.event_date, event.time_precision) == (None, None)
    assert " on " not in event.notes


def test_yesterday_is_the_day_before_precision_1(pipeline):
    (event,) = pipeline.extract(
        "قتل عنصران من قوات النظام بهجوم في مدينة الميادين يوم أمس.", published=PUBLISHED
    )
    assert (event.event_date, event.time_precision) == ("2023-12-08", 1)
    assert "on 2023-12-08" in event.notes
    assert [s.text for s in event.evidence if s.label == "event_date"] == ["يوم أمس"]


def test_outlet_named_today_does_not_date_the_event(pipeline):
    (event,) = pipeline.extract(
        "بحسب ما أورد موقع حلب اليوم، أن ميليشيات الأسد قصفت بلدة كنصفرة.", published=PUBLISHED
    )
    assert (event.event_date, event.time_precision) == ("2023-12-09", 2)


def test_verb_first_killing_names_the_killer_actor1(pipeline):
    events = pipeline.extract(
        "قتل عنصران من قوات النظام بهجوم في مدينة الميادين. "
        "وسبق أن قتل تنظيم داعش ثلاثة عناصر في مدينة البوكمال.",
        published=PUBLISHED,
    )
    old = next(e for e in events if e.location == "البوكمال")
    assert old.actor1 == "Islamic State (Syria)"


def test_full_date_with_eastern_digits_needs_no_publication_date(pipeline):
    (event,) = pipeline.extract(
        "قتل عنصران من قوات النظام بهجوم في مدينة الميادين في ٥ كانون الأول ٢٠٢٣."
    )
    assert (event.event_date, event.time_precision) == ("2023-12-05", 1)


# -- fields, evidence, ids --------------------------------------------------------------------


def test_event_fields_follow_the_format(pipeline):
    (event,) = pipeline.extract(
        "قتل عنصران من قوات النظام بهجوم في مدينة الميادين.", published=PUBLISHED
    )
    record = event.to_dict()
    assert tuple(record) == EVENT_FIELDS
    assert record["event_id"].startswith("text-")
    assert (record["admin1"], record["admin1_pcode"]) == ("Deir-ez-Zor", "SY09")
    assert record["disorder_type"] == "Political violence"
    assert Event.from_dict(record) == event


def test_evidence_spans_on_text_with_diacritics(pipeline):
    text = "قُتِلَ عنصرانِ من قوّاتِ النظام بهجومٍ في مدينةِ المَيادين."
    doc = pipeline(Document(id="d", text=text, published=PUBLISHED))
    (event,) = doc.events
    labels = {s.label: s.text for s in event.evidence}
    assert labels["actor2"] == "قوّاتِ النظام"
    assert labels["location"] == "مدينةِ المَيادين"
    for span in event.evidence:
        assert text[span.start : span.end] == span.text


def test_evidence_spans_index_the_original_text_of_every_sample(samples):
    assert sum(len(doc.events) for doc in samples) > 10
    for doc in samples:
        for event in doc.events:
            assert event.evidence, event
            for span in event.evidence:
                assert doc.text[span.start : span.end] == span.text
                assert span.label in {
                    "event",
                    "event_type",
                    "actor1",
                    "actor2",
                    "fatalities",
                    "event_date",
                    "location",
                    "historical",
                }


def test_event_ids_are_stable_across_runs(samples):
    again = [Pipeline()(doc) for doc in sample_documents()]
    assert [[e.event_id for e in d.events] for d in samples] == [
        [e.event_id for e in d.events] for d in again
    ]
    assert [[e.to_dict() for e in d.events] for d in samples] == [
        [e.to_dict() for e in d.events] for d in again
    ]


def test_event_ids_are_unique_within_a_document(samples):
    for doc in samples:
        ids = [e.event_id for e in doc.events]
        assert len(ids) == len(set(ids))
        assert all(i.startswith(doc.id + "-") for i in ids)


def test_sample_events_are_coherent(samples):
    for doc in samples:
        for e in doc.events:
            assert e.doc_id == doc.id
            if e.actor1 is None:
                assert e.inter1 is None
            if e.interaction is not None:
                assert e.inter1 is not None
            assert e.civilian_targeting == (e.inter2 == 7)
            if e.fatalities:
                assert e.fatalities_text


def test_no_sample_event_has_the_same_actor_on_both_sides(samples):
    same = [
        (e.doc_id, e.sub_event_type)
        for d in samples
        for e in d.events
        if e.actor1 and e.actor1 == e.actor2
    ]
    assert same == []


def test_residents_who_protest_are_the_protesters_not_a_second_side(pipeline):
    [event] = pipeline.extract(
        "تظاهر العشرات من أهالي مدينة السويداء في ساحة الكرامة للمطالبة بإسقاط النظام.",
        published=PUBLISHED,
    )
    assert (event.sub_event_type, event.actor1, event.actor2) == (
        "Peaceful protest",
        "Protesters (Syria)",
        None,
    )


@pytest.mark.parametrize(
    ("text", "sub_event_type", "killed"),
    [
        (
            "أطلقت قوات النظام الرصاص الحي على متظاهرين في مدينة السويداء.",
            "Excessive force against protesters",
            0,
        ),
        (
            "قتل متظاهران برصاص قوات النظام في مدينة درعا.",
            "Excessive force against protesters",
            2,
        ),  # dual
        (
            "اعتقلت قوات النظام عدداً من المتظاهرين في مدينة السويداء.",
            "Protest with intervention",
            0,
        ),
    ],
)
def test_force_used_on_protesters_is_a_protest_event(pipeline, text, sub_event_type, killed):
    [event] = pipeline.extract(text, published=date(2023, 3, 10))
    assert (event.event_type, event.sub_event_type, event.fatalities) == (
        "Protests",
        sub_event_type,
        killed,
    )
    assert (event.actor1, event.actor2) == (
        "Protesters (Syria)",
        "Military Forces of Syria (2000-2024)",
    )


def test_an_attack_by_aircraft_is_an_air_strike(pipeline):
    # "الطيران الإسرائيلي استهدف": a generic attack verb whose means are aircraft
    [event] = pipeline.extract(
        "استهدف الطيران الحربي الروسي أطراف مدينة معرة النعمان، ما أدى لمقتل مدنيين اثنين.",
        published=date(2019, 5, 12),
    )
    assert (event.sub_event_type, event.actor1, event.fatalities) == (
        "Air/drone strike",
        "Military Forces of Russia (2000-)",
        2,
    )


def test_aircraft_flying_over_is_no_event(pipeline):
    assert (
        pipeline.extract("حلق الطيران الحربي الروسي في سماء مدينة إدلب.", published=PUBLISHED) == []
    )


def test_the_ends_of_a_road_give_way_to_the_town_named_near_it(pipeline):
    # "على طريق دمشق - درعا قرب بلدة خربة غزالة": on the road, near the town
    [event] = pipeline.extract(
        "انفجرت عبوة ناسفة بسيارة عسكرية على طريق دمشق - درعا قرب بلدة خربة غزالة.",
        published=PUBLISHED,
    )
    assert (event.location, event.admin1, event.geo_precision) == ("خربة غزالة", "Dar'a", 2)


def test_a_road_alone_is_placed_at_its_first_end(pipeline):
    [event] = pipeline.extract(
        "انفجرت عبوة ناسفة بسيارة عسكرية على طريق دير الزور - الميادين.", published=PUBLISHED
    )
    assert event.location == "دير الزور"


def test_a_sweep_halted_outweighs_the_attack_word_told_after_it(pipeline):
    text = "أوقفت قوات النظام عملية تمشيط كانت قد أطلقتها، استهدفت محيط منطقة البشري"
    [event] = pipeline.extract(text, published=PUBLISHED)
    assert event.sub_event_type == "Change to group/activity"


def test_a_move_told_after_an_attack_describes_who_was_attacked(pipeline):
    # "... استهدف مقاتلين بينهم جماعة قالت مصادر إنها تلقت تدريبات": the training is theirs
    text = (
        "وشنت جبهة النصرة هجوما قرب بلدة اعزاز استهدف مقاتلين بينهم جماعة قالت مصادر في "
        "المعارضة إنها تلقت تدريبات ضمن برنامج تقوده الولايات المتحدة"
    )
    [event] = pipeline.extract(text, published=date(2015, 8, 1))
    assert (event.event_type, event.actor1) == ("Battles", "Jabhat al Nusra")


def test_an_allegation_named_after_an_act_told_at_its_place_is_not_the_act(pipeline):
    # the strike on T4 is told; the alleged gas attack on Douma is what it answers
    text = (
        "استهدفت صواريخ فجر الاثنين مطار التيفور العسكري في وسط سوريا موقعة العديد من القتلى، "
        'بعيد تعهد الرئيسين برد قوي على "هجوم كيميائي" مفترض أسفر عن مقتل العشرات في دوما'
    )
    found = pipeline.extract(text, published=date(2018, 4, 9))
    assert [(e.sub_event_type, e.location) for e in found] == [
        ("Shelling/artillery/missile attack", "مطار التيفور")  # missiles, no aircraft named
    ]


def test_an_allegation_told_alone_is_still_the_act_talked_about(pipeline):
    text = 'دعت المنظمة إلى التحقيق في "هجوم كيميائي" مفترض أسفر عن مقتل العشرات في دوما'
    found = pipeline.extract(text, published=date(2018, 4, 9))
    assert [(e.sub_event_type, e.location) for e in found] == [("Chemical weapon", "دوما")]


def test_fighters_leaving_under_an_evacuation_deal_hand_the_town_over(pipeline):
    # "بعد سنوات من الحصار والقصف": years of shelling came before; the act is the handover
    text = (
        'بدأ مسلحو حركة "أحرار الشام" الخروج من بلدة حرستا المحاصرة في الغوطة الشرقية، بموجب '
        "اتفاق إجلاء يسلم البلدة إلى الحكومة بعد سنوات من الحصار والقصف."
    )
    [event] = pipeline.extract(text, published=date(2018, 3, 22))
    assert (event.sub_event_type, event.location) == (
        "Non-violent transfer of territory",
        "حرستا",
    )


@pytest.mark.parametrize("stretch", ["3 أيام من", "ثلاثة أيام من"])
def test_a_counted_stretch_of_time_after_baad_names_an_earlier_act(pipeline, stretch):
    # "بعد 3 أيام من هجوم كيماوي": the chemical attack came before; the clause's act is the
    # missile strike, and the attack it followed is background of its own, in the strike's month
    text = (
        "وكانت الولايات المتحدة أطلقت 59 صاروخا على قاعدة الشعيرات الجوية في أبريل 2017 "
        f"بعد {stretch} هجوم كيماوي على مدينة خان شيخون."
    )
    events = pipeline.extract(text, published=date(2018, 4, 11))
    by_type = {e.sub_event_type: e for e in events}
    assert set(by_type) == {"Shelling/artillery/missile attack", "Chemical weapon"}
    assert by_type["Shelling/artillery/missile attack"].location == "مطار الشعيرات"
    chemical = by_type["Chemical weapon"]
    assert (chemical.location, chemical.event_date[:7], chemical.historical) == (
        "خان شيخون",
        "2017-04",
        True,
    )


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        (
            "هزت انفجارات مطار حماة العسكري جراء قصف صاروخي استهدف مستودعات الأسلحة.",
            "Shelling/artillery/missile attack",
        ),
        (
            "سمعت انفجارات كبيرة في تل الحارة بريف درعا جراء غارة إسرائيلية على مواقع للجيش.",
            "Air/drone strike",
        ),
    ],
)
def test_explosions_are_what_the_strike_named_with_them_did(pipeline, text, sub_event_type):
    # "انفجارات ... جراء قصف صاروخي": the explosions are the strike's, no bomb of their own
    events = pipeline.extract(text, published=date(2018, 4, 9))
    assert {e.sub_event_type for e in events} == {sub_event_type}
