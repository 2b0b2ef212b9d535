"""Dates in Arabic reports: both sets of month names, Eastern digits, relative phrases."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasad.extractors.dates import DateValue, find_dates, reference_date, years_named
from rasad.model import Document
from rasad.normalise import normalise

PUBLISHED = date(2019, 11, 17)  # a Sunday


def make_document(text: str, published: date | None = PUBLISHED) -> Document:
    """A Document over ``text`` with its body and normalised copy filled in."""
    doc = Document(id="t", text=text, published=published)
    doc.body = text
    doc.norm = normalise(text)
    return doc


def dates(text: str, reference: date | None = PUBLISHED) -> list[tuple[str, DateValue]]:
    doc = make_document(text)
    assert doc.norm is not None
    return [
        (doc.norm.text[m.start : m.end], m.value)
        for m in find_dates(doc, 0, len(doc.norm.text), reference)
    ]


def values(text: str, reference: date | None = PUBLISHED) -> list[DateValue]:
    return [value for _, value in dates(text, reference)]


# -- absolute dates ----------------------------------------------------------------------------


def test_eastern_digits_day_month_year():
    assert dates("● أخبار سورية ٩ ديسمبر ٢٠٢٣") == [
        ("9 ديسمبر 2023", DateValue(date(2023, 12, 9), 1, False))
    ]


def test_weekday_day_month_takes_the_reference_year():
    found = dates("اندلعت صباح اليوم الأحد 17 نوفمبر اشتباكات")
    assert found == [("صباح اليوم الاحد 17 نوفمبر", DateValue(date(2019, 11, 17), 1, False))]


def test_day_month_without_year_after_the_reference_is_last_year():
    assert values("في 20 ديسمبر") == [DateValue(date(2018, 12, 20), 1, False)]


def test_syrian_month_names():
    assert values("في 3 كانون الثاني 2020") == [DateValue(date(2020, 1, 3), 1, False)]
    assert values("في 29 تشرين الأول 2019") == [DateValue(date(2019, 10, 29), 1, False)]
    assert values("منذ 5 أيار 2018") == [DateValue(date(2018, 5, 5), 1, False)]


def test_other_month_names_and_variants():
    assert values("في 4 إبريل 2017") == [DateValue(date(2017, 4, 4), 1, False)]
    assert values("في 4 ابريل 2017") == [DateValue(date(2017, 4, 4), 1, False)]
    assert values("في 19 يونيه 2017") == [DateValue(date(2017, 6, 19), 1, False)]
    assert values("في 2 اكتوبر 2016") == [DateValue(date(2016, 10, 2), 1, False)]


def test_paired_month_names_with_slash():
    assert values("في 18 شباط/فبراير 2023 قتل") == [DateValue(date(2023, 2, 18), 1, False)]
    assert values("في 6 سبتمبر/ أيلول 2015") == [DateValue(date(2015, 9, 6), 1, False)]
    assert values("في شباط/فبراير 2023") == [DateValue(date(2023, 2, 15), 3, False)]


def test_ordinal_day_words_before_a_month():
    # "الثالث من آذار": the day written as an ordinal word, with "من" and "شهر" optional
    assert values("في الثالث من آذار 2019") == [DateValue(date(2019, 3, 3), 1, False)]
    assert values("في الحادي والعشرين من شهر أيلول") == [DateValue(date(2019, 9, 21), 1, False)]
    assert values("في الخامس عشر من كانون الثاني 2020") == [DateValue(date(2020, 1, 15), 1, False)]


def test_an_ordinal_without_a_month_is_no_day():
    # "الثاني" of "تشرين الثاني" is the month's own name; "الثالث من الهجوم" is no date
    assert values("في تشرين الثاني 2019") == [DateValue(date(2019, 11, 15), 3, False)]
    assert values("قتل في الثالث من الهجوم") == []


def test_a_day_of_a_month_named_by_its_distance():
    # "في 13 الشهر الجاري", "الخامس من الشهر الماضي": the day, in the month the phrase names
    assert values("في 13 الشهر الجاري") == [DateValue(date(2019, 11, 13), 1, False)]
    assert values("في الخامس من الشهر الماضي") == [DateValue(date(2019, 10, 5), 1, True)]
    assert values("في الـ 10 من الشهر الحالي") == [DateValue(date(2019, 11, 10), 1, False)]


def test_numeric_dates_iso_and_day_first():
    assert values("2023-03-12 و 12/3/2023") == [
        DateValue(date(2023, 3, 12), 1, False),
        DateValue(date(2023, 3, 12), 1, False),
    ]


def test_a_year_first_date_with_slashes_in_eastern_digits():
    # "بتاريخ ٢٠٢٥/٣/٧": local outlets write the year first with slashes, often in Eastern digits
    assert values("بتاريخ ٢٠٢٥/٣/٧") == [DateValue(date(2025, 3, 7), 1, False)]
    assert values("بتاريخ 2025.3.7") == [DateValue(date(2025, 3, 7), 1, False)]


def test_impossible_date_is_dropped():
    assert values("في 31 شباط 2023") == []


# -- months -----------------------------------------------------------------------------------


def test_year_outside_1900_2100_is_not_a_date():
    # "9999" or "1066" next to a month is a typo or a number, not when an act happened
    assert values("في 31 كانون الأول 9999") == []
    assert values("في 3 آذار 1066") == []
    assert values("في 31 كانون الأول 2023") == [DateValue(date(2023, 12, 31), 1, False)]


def test_the_current_month_is_not_dated_after_the_report():
    # "الشهر الجاري" in a report of 10 June: its 15th has not come yet
    assert values("في وقت سابق من الشهر الجاري", date(2024, 6, 10)) == [
        DateValue(date(2024, 6, 10), 3, False)
    ]
    assert values("في وقت سابق من الشهر الجاري", date(2024, 6, 20)) == [
        DateValue(date(2024, 6, 15), 3, False)
    ]


def test_month_named_with_al_madi_is_the_last_such_month():
    found = dates("وبحسب ما تناقلت مواقع في شهر أغسطس الماضي أن تنظيم داعش")
    assert found == [("شهر اغسطس الماضي", DateValue(date(2019, 8, 15), 3, True))]


def test_bare_month_name_is_month_precision():
    assert values("في أغسطس قتل") == [DateValue(date(2019, 8, 15), 3, False)]
    assert values("في تشرين الثاني/نوفمبر قتل") == [DateValue(date(2019, 11, 15), 3, False)]


def test_ambiguous_month_word_alone_is_not_a_date():
    assert values("قتل أب وابنه") == []
    assert values("مارس الضغط على الفصائل") == []
    assert values("في 15 آب 2019") == [DateValue(date(2019, 8, 15), 1, False)]


# -- relative dates ----------------------------------------------------------------------------


def test_alyawm_is_the_reference_day():
    assert values("قتل اليوم ثلاثة") == [DateValue(PUBLISHED, 1, False)]


def test_alyawm_with_weekday_is_the_reference_day():
    found = dates("لأورينت نت اليوم الثلاثاء، إن")
    assert found == [("اليوم الثلاثاء", DateValue(PUBLISHED, 1, False))]


def test_ams_is_the_day_before():
    assert values("قتل أمس ثلاثة") == [DateValue(date(2019, 11, 16), 1, False)]
    assert values("وقعت أمس الأول") == [DateValue(date(2019, 11, 15), 1, False)]
    assert values("ليلة أمس") == [DateValue(date(2019, 11, 16), 1, False)]


def test_weekday_al_madi_is_strictly_before():
    found = dates("فيما شهد يوم السبت الماضي أيضاً اشتباكات")
    assert found == [("يوم السبت الماضي", DateValue(date(2019, 11, 16), 1, True))]
    # The reference is a Sunday: "الأحد الماضي" is a week before it.
    assert values("يوم الأحد الماضي") == [DateValue(date(2019, 11, 10), 1, True)]


def test_within_the_last_two_days_is_precision_two():
    found = dates("خلال اليومين الماضيين.")
    assert found == [("خلال اليومين الماضيين", DateValue(date(2019, 11, 16), 2, True))]


def test_a_few_days_ago_is_precision_two():
    assert values("وكان أخرها قبل أيام حيث") == [DateValue(date(2019, 11, 14), 2, True)]


def test_last_week_and_last_month():
    assert values("الأسبوع الماضي")[0].precision == 2
    assert values("الشهر الماضي") == [DateValue(date(2019, 10, 15), 3, True)]


def test_last_year_is_the_year_before_the_report_at_its_middle():
    # "العام الماضي"، "السنة الماضية": only the year is told, coded as "عام 2018" alone is
    assert values("أمر ترامب العام الماضي بضربة صاروخية") == [DateValue(date(2018, 7, 1), 3, True)]
    assert values("في السنة الماضية") == [DateValue(date(2018, 7, 1), 3, True)]
    assert values("العام المنصرم") == [DateValue(date(2018, 7, 1), 3, True)]


def test_a_year_ago_counts_twelve_months_back():
    # "قبل عام": about this time last year, not the year's middle
    assert values("لما حدث قبل عام") == [DateValue(date(2018, 11, 15), 3, True)]
    assert values("قبل عامين") == [DateValue(date(2017, 11, 15), 3, True)]


def test_a_count_of_units_before_the_report_counts_back():
    # "قبل 11 عاما"، "قبل ثلاثة أشهر"، "قبل نحو أسبوعين"، "قبل 48 ساعة": elapsed_units.tsv, the
    # count read like a toll's, a modifier between
    assert values("نفذت الضربة قبل 11 عاما على موقع الكبر") == [
        DateValue(date(2008, 11, 15), 3, True)
    ]
    assert values("قبل ثلاثة أشهر") == [DateValue(date(2019, 8, 15), 3, True)]
    assert values("قبل نحو أسبوعين") == [DateValue(date(2019, 11, 3), 2, True)]
    assert values("قبل 48 ساعة") == [DateValue(date(2019, 11, 17), 1, True)]


def test_a_count_before_another_act_dates_nothing():
    # "قبل ثلاثة أيام من الانتخابات": counted back from the elections, not from the report
    assert values("وقعت الغارة قبل خمسة أيام من الانتخابات") == []


def test_a_stretch_after_an_act_dates_the_act_that_long_before_the_report():
    # "بعد عام من الهجوم"، "بعد نحو ثلاثة أشهر على اختطافهن": the act named after "من"/"على"
    # is that long before the report; the date is put on its words
    text = "توعدت الدول بمحاسبة المسؤولين بعد عام من الهجوم بغاز السارين"
    assert values(text) == [DateValue(date(2018, 11, 15), 3, True, on_act=True)]
    assert values("بعد نحو ثلاثة أشهر على اختطافهن") == [
        DateValue(date(2019, 8, 15), 3, True, on_act=True)
    ]


def test_a_stretch_of_ongoing_acts_dates_nothing():
    # "بعد أسبوع من القصف": a week of shelling, up to the report, not a week after it
    assert values("قتل 500 مدني بعد أسبوع من القصف الكثيف") == []
    assert values("وجاء القرار بعد عشرة أيام من الغارات") == []


def test_qabl_fatra_points_back():
    assert values("وشهدت مدينة الميادين قبل فترة، خلافات")[0].past_reference


def test_outlet_named_today_is_not_a_date():
    assert values("بحسب ما أورد موقع “حلب اليوم“، أن") == []


def test_until_today_is_not_a_date():
    assert values("منذ بداية العام الجاري وحتى اليوم") == []


def test_relative_dates_need_a_reference():
    assert values("قتل اليوم ثلاثة", None) == []
    assert values("يوم السبت الماضي", None) == []
    assert values("9 ديسمبر 2023", None) == [DateValue(date(2023, 12, 9), 1, False)]


# -- reference date ----------------------------------------------------------------------------


def test_reference_date_prefers_publication_date():
    assert reference_date(make_document("● أخبار سورية ٩ ديسمبر ٢٠٢٣")) == PUBLISHED


def test_reference_date_from_the_dateline():
    text = "قتلى بينهم ضابط في البادية\n● أخبار سورية ٩ ديسمبر ٢٠٢٣\n\nقُتل عدد من قوات الأسد"
    assert reference_date(make_document(text, None)) == date(2023, 12, 9)
    assert reference_date(Document(id="raw", text=text)) == date(2023, 12, 9)


def test_reference_date_none_without_any_date():
    assert reference_date(make_document("قتل اليوم ثلاثة", None)) is None


# -- robustness --------------------------------------------------------------------------------

PIECES = [
    *"0123456789٩٢/-. ،",
    "اليوم ",
    "أمس ",
    "يوم ",
    "السبت ",
    "الماضي ",
    "شباط",
    "/فبراير ",
    "آب ",
    "كانون الأول ",
    "قبل أيام ",
    "شهر ",
    "عام ",
    '"',
    "و",
]
TEXT = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(TEXT, st.text(max_size=60)),
    st.integers(-5, 90),
    st.integers(-5, 90),
    st.one_of(st.none(), st.dates()),
)
def test_find_dates_never_raises_and_stays_in_range(text, start, end, reference):
    doc = make_document(text)
    assert doc.norm is not None
    for mention in find_dates(doc, start, end, reference):
        assert max(0, start) <= mention.start < mention.end <= min(end, len(doc.norm.text))
        assert isinstance(mention.value, DateValue)


def test_first_day_of_eid_al_fitr_is_that_day():
    # "في أول أيام عيد الفطر" in a report of 21 July 2015: Eid al-Fitr began on the 17th
    (found,) = dates("مجزرتين في أول أيام عيد الفطر", date(2015, 7, 21))
    assert found[1] == DateValue(date(2015, 7, 17), 1, False)


def test_third_day_of_eid_al_adha_with_hamza_and_alef_maqsura():
    (found,) = dates("قصف في ثالث أيام عيد الأضحى", date(2018, 8, 30))
    assert found[1] == DateValue(date(2018, 8, 23), 1, False)


def test_a_feast_named_alone_is_its_days():
    (found,) = dates("خلال عيد الفطر", date(2015, 7, 21))
    assert found[1] == DateValue(date(2015, 7, 17), 2, False)


def test_a_feast_not_yet_come_is_last_years():
    (found,) = dates("في عيد الأضحى", date(2015, 7, 21))
    assert found[1].date == date(2014, 10, 4)


def test_a_year_named_alone_is_no_date_but_is_found():

    doc = make_document("منذ انسحبت منها القوات الحكومية السورية عام 2012، وفي 2013 عادت")
    assert years_named(doc, 0, len(doc.text)) == [2012, 2013]
    assert dates("منذ انسحبت منها القوات عام 2012") == []


def test_two_years_in_the_dual_name_the_first():
    # "عامي 2014 و2015": the dual of "عام" before two years
    doc = make_document("نفذت ثلاث هجمات باستخدام غاز الكلور عامي 2014 و2015")
    assert years_named(doc, 0, len(doc.text)) == [2014]


def test_yesterday_with_its_weekday_in_brackets_is_that_weekday():
    # a quote of Saturday read on Sunday: "اندلعت أمس (الجمعة)" is the Friday it names
    (found,) = dates("في الاشتباكات التي اندلعت أمس (الجمعة) بين", date(2015, 9, 20))
    assert found[1] == DateValue(date(2015, 9, 18), 1, False)
    (found,) = dates("قتل أمس السبت", date(2015, 9, 20))
    assert found[1].date == date(2015, 9, 19)


def test_a_later_day_of_the_current_month_at_a_months_turn_is_the_month_before():
    # "في 20 من الشهر الحالي" in a report of 1 August was written in July
    [(_, value)] = dates("تم إعلانه في 20 من الشهر الحالي", date(2018, 8, 1))
    assert value.date == date(2018, 7, 20)
    # later in the month, the day is this month's
    [(_, value)] = dates("في 20 من الشهر الجاري", date(2018, 8, 25))
    assert value.date == date(2018, 8, 20)


def test_a_day_and_month_without_a_year_after_the_report_is_last_years():
    # "3 و5 مايو: إسرائيل تشن غارتين" in a report of April: reports tell what happened
    [(_, value)] = dates("5 مايو: إسرائيل تشن غارتين قرب دمشق", date(2018, 4, 10))
    assert value.date == date(2017, 5, 5)
    # the day after the report's is still this year's (a night told by the morning's date)
    [(_, value)] = dates("في 11 نيسان", date(2018, 4, 10))
    assert value.date == date(2018, 4, 11)


def test_more_than_a_week_ago_is_background_of_the_week_before():
    [(_, value)] = dates("خطفهم قبل أكثر من أسبوع", date(2018, 8, 3))
    assert (value.date, value.precision, value.past_reference) == (date(2018, 7, 26), 2, True)


def test_the_day_an_act_happened_is_its_day_even_when_named_as_known(pipeline):
    # "للهجمات الكيميائية التي وقعت في 7 نيسان": the attack is named as known, but its day is
    # told as the day it happened, over the evening of the statement ("مساء الأحد")
    text = (
        'وقال الإليزيه إن ماكرون عبر لترامب مساء الأحد "عن إدانته الشديدة للهجمات الكيميائية '
        'التي وقعت في 7 نيسان/أبريل ضد سكان دوما في الغوطة الشرقية"'
    )
    [event] = pipeline.extract(text, published=date(2018, 4, 9))
    assert (event.event_date, event.time_precision) == ("2018-04-07", 1)


def test_past_midnight_of_a_weekday_is_the_next_day():
    # "بعد منتصف ليل الأحد": after Sunday's midnight, Monday; "ليل الأحد" alone stays Sunday
    monday = date(2015, 8, 10)
    assert values("تعرضت بعد منتصف ليل الاحد- الاثنين مناطق لقصف", date(2015, 8, 11))[0].date == (
        monday
    )
    assert values("تعرضت ليل الاحد مناطق لقصف", date(2015, 8, 11))[0].date == date(2015, 8, 9)


def test_past_midnight_never_reaches_past_the_report():
    # "بعد منتصف ليل الأحد" in a report of that Sunday cannot be Monday yet
    assert values("بعد منتصف ليل الأحد", PUBLISHED)[0].date == PUBLISHED


def test_two_days_of_one_month_are_dated_by_the_first():
    # "في 3 و5 مايو 2013": the two strikes are told from the first day
    (value,) = values("وفي 3 و5 مايو 2013، شنت إسرائيل غارتين قرب دمشق")
    assert (value.date, value.precision) == (date(2013, 5, 3), 1)


def test_a_day_and_month_with_al_aam_and_the_year():
    # "في الرابع من أبريل العام 2017": the year after "العام" belongs to the date
    (value,) = values("وفي الرابع من أبريل العام 2017، استهدفت غارة جوية خان شيخون")
    assert value.date == date(2017, 4, 4)


def test_years_a_period_runs_from_can_be_left_out():
    doc = make_document("المحاصرة منذ عام 2013، بعد أن انسحبت منها القوات عام 2012")
    assert years_named(doc, 0, len(doc.text)) == [2013, 2012]
    assert years_named(doc, 0, len(doc.text), since=False) == [2012]


def test_a_year_naming_the_deal_a_period_runs_from_dates_no_act(pipeline):
    # "منذ اتفاق «التسوية» عام 2018": the year names the deal "منذ" opens; the killing of
    # yesterday is news, not background of 2018
    text = (
        "قتل قيادي سابق في فصائل المعارضة، مساء أمس الاثنين، برصاص مسلحين مجهولين في مدينة "
        "جاسم، في حادثة جديدة ضمن مسلسل الاغتيالات الذي تشهده المحافظة منذ اتفاق «التسوية» عام "
        "٢٠١٨."
    )
    [event] = pipeline.extract(text, published=date(2024, 3, 12))
    assert (event.event_date, event.historical) == ("2024-03-11", False)


def test_a_year_in_what_describes_the_victim_is_not_the_acts(pipeline):
    # "وهو عنصر سابق ... وأجرى تسوية مع النظام عام 2018": 2018 is the settlement's year; the
    # killing is the report's news, not background of 2018
    text = (
        "قتل الشاب أحمد العلي برصاص مجهولين أمام منزله في بلدة الجيزة، وهو عنصر سابق في فصائل "
        "المعارضة وأجرى تسوية مع النظام عام 2018."
    )
    [event] = pipeline.extract(text, published=date(2024, 1, 15))
    assert (event.event_date, event.historical) == ("2024-01-15", False)


@pytest.mark.parametrize(
    ("text", "told", "month", "past"),
    [
        # a month of the year before the report's, named by its distance
        ("في هجوم وقع أبريل/نيسان العام الماضي", date(2017, 4, 15), 3, True),
        ("في شهر آب من العام الماضي", date(2017, 8, 15), 3, True),
        ("في 7 نيسان من السنة الماضية", date(2017, 4, 7), 1, True),
        # and of the report's own year
        ("في آذار من العام الجاري", date(2018, 3, 15), 3, False),
    ],
)
def test_a_month_of_last_or_this_year_takes_that_year(text, told, month, past):
    [(_, value)] = dates(text, date(2018, 9, 27))
    assert (value.date, value.precision, value.past_reference) == (told, month, past)
