"""Fatality counts in Arabic reports: numbers, duals, sums, vague words, the injured."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasad.extractors.fatalities import MAX_TOLL, Fatalities, find_fatalities, parse_number
from rasad.model import Document
from rasad.normalise import normalise


def make_document(text: str) -> Document:
    """A Document over ``text`` with its body and normalised copy filled in."""
    doc = Document(id="t", text=text, published=date(2019, 11, 17))
    doc.body = text
    doc.norm = normalise(text)
    return doc


def fatalities(text: str) -> list[tuple[str, Fatalities]]:
    doc = make_document(text)
    assert doc.norm is not None
    return [
        (doc.norm.text[m.start : m.end], m.value)
        for m in find_fatalities(doc, 0, len(doc.norm.text))
    ]


def counts(text: str) -> list[int | None]:
    return [value.count for _, value in fatalities(text)]


# -- parse_number -------------------------------------------------------------------------------


def test_parse_number_western_and_eastern_digits():
    assert parse_number("23") == 23
    assert parse_number("٢٣") == 23
    assert parse_number("1,200") == 1200


def test_parse_number_gender_and_case_forms():
    assert parse_number("ثلاث") == 3
    assert parse_number("ثلاثة") == 3
    assert parse_number("اثنتين") == 2
    assert parse_number("اثنان") == 2
    assert parse_number("إحدى") == 1
    assert parse_number("ثمانيةُ") == 8


def test_parse_number_compounds_with_waw():
    assert parse_number("ثلاثة وعشرين") == 23
    assert parse_number("مئة وخمسون") == 150
    assert parse_number("ثلاثمائة وخمسة") == 305
    assert parse_number("ألف ومئتان") == 1200


def test_parse_number_teens_without_waw():
    assert parse_number("اثنتا عشرة") == 12
    assert parse_number("إحدى عشرة") == 11
    assert parse_number("خمسة عشر") == 15


def test_parse_number_hundreds_and_thousands_multiply():
    assert parse_number("مائتين") == 200
    assert parse_number("ثلاث مئة") == 300
    assert parse_number("ثلاثة آلاف") == 3000


def test_parse_number_dual_nouns_are_two():
    assert parse_number("عنصرين") == 2
    assert parse_number("قتيلين") == 2
    assert parse_number("جنديين") == 2


def test_parse_number_clitics():
    assert parse_number("بثلاثة") == 3
    assert parse_number("والعشرات") == 10


def test_parse_number_not_a_number():
    assert parse_number("2.5") is None
    assert parse_number("قوات") is None
    assert parse_number("") is None


# Number words as a masculine (ثلاثة رجال) and a feminine (ثلاث نساء) noun takes them.
UNITS = {
    False: ["", "واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة"],
    True: ["", "واحدة", "اثنتان", "ثلاث", "أربع", "خمس", "ست", "سبع", "ثماني", "تسع"],
}
HUNDREDS = ["", "مئة", "", "ثلاثمئة", "أربعمئة", "خمسمئة", "ستمئة", "سبعمئة", "ثمانمئة"]
HUNDREDS.append("تسعمئة")


def spelled(number: int, feminine: bool, oblique: bool, old_spelling: bool) -> str:
    """``number`` (1-999) in words, for a noun of that gender, in the nominative or the
    accusative/genitive (``oblique``), with "مئة" spelled "مائة" if ``old_spelling``."""
    hundreds, rest = divmod(number, 100)
    parts = []
    if hundreds == 2:
        parts.append("مئتين" if oblique else "مئتان")
    elif hundreds:
        parts.append(HUNDREDS[hundreds])
    tens, ones = divmod(rest, 10)
    if rest == 10:
        parts.append("عشر" if feminine else "عشرة")
    elif tens == 1:  # 11-19: "أحد عشر"، "إحدى عشرة"، "اثنا عشر"، "اثنتي عشرة"، "ثلاث عشرة"
        if ones == 1:
            unit = "إحدى" if feminine else "أحد"
        elif ones == 2:
            unit = (
                ("اثنتي" if oblique else "اثنتا") if feminine else ("اثني" if oblique else "اثنا")
            )
        else:
            unit = UNITS[feminine][ones]
        parts.append(f"{unit} {'عشرة' if feminine else 'عشر'}")
    elif rest:  # "خمسة وعشرون"، "اثنتين وأربعين"، "إحدى وثلاثون"
        unit = UNITS[feminine][ones]
        if ones == 2 and oblique:
            unit = "اثنتين" if feminine else "اثنين"
        elif ones == 1 and tens and feminine:
            unit = "إحدى"
        words = [unit] if ones else []
        if tens:  # عشرون، ثلاثون ... ثمانون، تسعون
            stem = UNITS[False][tens].removesuffix("ة").replace("ثماني", "ثمان")
            words.append(("عشر" if tens == 2 else stem) + ("ين" if oblique else "ون"))
        parts.append(" و".join(words))
    words = " و".join(parts)
    return words.replace("مئ", "مائ") if old_spelling else words


FORMS = [
    (feminine, oblique, old)
    for feminine in (False, True)
    for oblique in (False, True)
    for old in (False, True)
]


@pytest.mark.parametrize(("feminine", "oblique", "old_spelling"), FORMS)
def test_parse_number_every_number_to_999_in_every_gender_and_case(feminine, oblique, old_spelling):
    wrong = {}
    for number in range(1, 1000):
        words = spelled(number, feminine, oblique, old_spelling)
        if parse_number(words) != number:
            wrong[words] = parse_number(words)
    assert not wrong


@pytest.mark.parametrize(
    ("words", "number"),
    [
        ("مئة وأحد عشر", 111),
        ("مائة وإحدى عشرة", 111),
        ("مئتان وأحد عشر", 211),
        ("مئتين واثني عشر", 212),
        ("تسعمائة واثنا عشر", 912),
        ("ثلاث مئة وأحد عشر", 311),
        ("خمسمئة وإحدى عشرة", 511),
        ("مئة وأحد", 101),
        ("ألف وتسعمئة وأحد عشر", 1911),
    ],
)
def test_parse_number_wa_ahad_after_hundreds_is_and_one_not_wahid(words, number):
    # "وأحد" is spelled "واحد" once hamza is normalised: after "مئة" it is "و" + "أحد" ...
    assert parse_number(words) == number


def test_wahid_is_still_one_on_its_own_and_after_its_noun():
    # ... and on its own, or as the adjective of its noun, "واحد" is one.
    assert parse_number("واحد") == 1
    assert counts("وقتل شخص واحد على الأقل") == [1]


@pytest.mark.parametrize(
    ("words", "number"),
    [
        ("مئة وخمسة وعشرون", 125),
        ("مئة وخمسة وعشرين", 125),
        ("ثلاثمئة وأربعون", 340),
        ("ثلاثمائة وأربعين", 340),
        ("مئتان وثلاث", 203),
        ("ألف", 1000),
        ("ألفان ومئتان واثنا عشر", 2212),
        ("ثلاثة آلاف ومئتان وأحد عشر", 3211),
    ],
)
def test_parse_number_hundreds_with_tens_and_units(words, number):
    assert parse_number(words) == number


def test_parse_number_thousands_in_the_accusative_after_eleven_to_ninety_nine():
    # "خمسة عشر ألفاً": the tamyiz of 11-99 is singular accusative, "ألفاً"
    assert parse_number("أحد عشر ألفاً") == 11_000
    assert parse_number("خمسة عشر ألفاً وخمسمائة") == 15_500
    assert parse_number("ألفي") == 2000  # the dual in construct, genitive
    assert parse_number("ألفاً") is None  # alone it is "ألفا" the dual construct: not read


def test_parse_number_waw_written_apart_from_its_word():
    assert parse_number("ثلاثة و عشرين") == 23
    assert parse_number("مئة و خمسون") == 150


def test_parse_number_clitics_split_off_digits():
    # the tokenizer splits "و5" into "و" and "5"
    assert parse_number("و5") == 5
    assert parse_number("بـ12") == 12
    assert parse_number("و") is None


def test_parse_number_reads_numbers_of_any_size():
    assert parse_number("99999999999999999999999") == 99999999999999999999999
    assert parse_number("500 ألف") == 500_000


# -- find_fatalities: figures ----------------------------------------------------------------


def test_death_noun_then_number_word():
    assert fatalities("مقتل سبعة أفراد") == [("مقتل سبعه افراد", Fatalities(7, 7, 7, False))]


def test_eastern_digits_after_death_verb():
    assert counts("قُتل ١٢ شخصاً في غارة") == [12]


def test_number_word_gender_forms_in_context():
    assert counts("قتل أربعة أفراد تابعين لميليشيا الدفاع الوطني") == [4]
    assert counts("مقتل ثلاث نساء") == [3]


def test_compound_number_in_context():
    assert counts("مقتل ثلاثة وعشرين مدنيا") == [23]
    assert counts("قتل اثنا عشر عنصرا") == [12]


def test_dual_noun_with_at_least_after():
    found = fatalities("قتل عنصرين على الأقل نتيجة هجوم شنّه مسلحين")
    assert found == [("قتل عنصرين علي الاقل", Fatalities(2, 2, None, False))]


def test_dual_or_plural_nisba_noun_codes_two():
    assert counts('فيما أكدت شبكة "نهر ميديا" مصرع عسكريين للنظام') == [2]


def test_sum_of_parts_with_death_verb_after():
    found = fatalities("أن ضابطاً وثلاثة عناصر من نظام الأسد لقوا مصرعهم إثر استهداف السيارة")
    assert [value.count for _, value in found] == [4]
    assert found[0][0].startswith("ضابطا وثلاثه عناصر")


def test_sum_of_dual_and_singular():
    assert counts("مقتل طفلين وامرأة") == [3]


def test_binahum_is_inside_the_total():
    assert counts("وأدى الهجوم إلى مقتل سبعة عناصر بينهم ضابط برتبة عقيد") == [7]
    assert counts("فقد مجموعة مؤلفة من خمسة عناصر بينهم القيادي حميد النعيمي") == [5]


def test_binahum_floor_for_a_vague_total():
    assert fatalities("قتلى بينهم ثلاثة أطفال") == [("قتلي", Fatalities(3, 3, None, True))]


def test_clitic_on_death_noun_and_digits():
    assert counts("تعرض الحاجز لهجوماً أدى لمقتل 4 عناصر، بالتزامن") == [4]


def test_approximation_more_than():
    found = fatalities("مما أسفر عن مقتل أكثر من 20 فردًا وإصابة آخرين.")
    assert found == [("مقتل اكثر من 20 فردا", Fatalities(20, 20, None, False))]


def test_approximation_at_least_and_about():
    assert fatalities("مقتل ما لا يقل عن 25 مدنيا")[0][1] == Fatalities(25, 25, None, False)
    assert fatalities("مقتل نحو 40 شخصا")[0][1] == Fatalities(40, None, None, False)


def test_partitive_min_counts_the_group():
    assert counts("مقتل ثمانية من عناصر الجيش") == [8]


def test_loss_verbs_count_men_lost():
    assert counts("بالتزامن مع أنباء عن فقد ميليشيا أسد لثلاثة عناصر في منطقة صفيان") == [3]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("قتل 3 عناصر من قوات النظام و5 مدنيين", 8),
        ("مقتل 3 عناصر و5 مدنيين", 8),
        ("مقتل 3 عناصر و 5 مدنيين", 8),
        ("وقتل فيها 20 شخصاً و4 أطفال.", 24),
        ("3 عناصر من قوات النظام و5 مدنيين لقوا مصرعهم", 8),
    ],
)
def test_sum_with_waw_split_off_digits(text, count):
    # "و5": the tokenizer makes "و" a token of its own; the parts add up all the same
    assert counts(text) == [count]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("الطيران الإسرائيلي يقتل عنصرين من حزب الله وثلاثة مقاتلين موالين للنظام", 5),
        ("أدى إلى مقتل نحو 250 شخصا من السكان و63 مسلحا من التنظيم.", 313),
        ("أسفرت عن تسعة قتلى في صفوف القوات الموالية للنظام وستة قتلى في صفوف قسد", 15),
        ("قتل 3 عناصر من قوات النظام والميليشيات الإيرانية و5 مدنيين", 8),
    ],
)
def test_sum_over_the_group_the_first_part_belongs_to(text, count):
    # "N من <group> و M": the group of the first part stands between the parts of the sum
    assert counts(text) == [count]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("مقتل 23 عنصرا على الأقل، هم خمسة من قوات النظام السوري و18 عنصرا", 23),
        ("مقتل 433 مدنيا، من بينهم 91 طفلا و23 سيدة", 433),
        ("قتل 35 مدنيا، بينهم نساء وأطفال", 35),
        ("مقتل شخصين هما رجل وامرأة", 2),
        ("28 قتيلا هم خمسة مدنيين وعشرة مقاتلين في هيئة تحرير الشام", 28),
    ],
)
def test_parts_after_binahum_or_hum_are_inside_the_total(text, count):
    # what "بينهم" or the pronoun "هم" introduces breaks down the total: it is not added
    assert counts(text) == [count]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("قتل 3 عناصر من قوات النظام وجرح 5 آخرين", 3),
        ("قتل 3 عناصر من قوات النظام و5 جرحى", 3),
        ("مقتل 3 عناصر من قوات النظام واعتقال 5 مدنيين", 3),
        ("قتل 3 عناصر من قوات النظام، و5 مدنيين", 3),
        ("قتل 3 عناصر يوم 5 و6 آذار", 3),
        ("قتل في الاشتباكات 30 من أفراد القوات الحكومية ومسلحين", 30),
        ("قتل جنود من النظام السوري وعسكريين", 2),
    ],
)
def test_after_a_group_only_a_counted_part_of_the_dead_is_added(text, count):
    # the wounded, another verb, a comma, a date, or a plural with no number end the sum
    assert counts(text) == [count]


# -- tolls too large for one event -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "قتل 99999999999999999999999 عنصراً",
        "قتل 100001 شخص",
        "مقتل 2927 عنصراً من التنظيم",
        "قتل أكثر من 500 ألف شخص منذ عام 2011",
        "وصلت الحصيلة إلى 99999999999 قتيل",
        "قتل أقل من 999999999 شخص",
        "مقتل 60000 مدني و50000 عنصر",
    ],
)
def test_toll_above_max_toll_is_a_cumulative_tally_with_no_count(text):
    # above MAX_TOLL a figure is the war's tally, not one event's dead: vague, no count, and
    # its noun is not counted on its own ("عنصراً" is no 1)
    assert [value for _, value in fatalities(text)] == [Fatalities(None, None, None, True)]


def test_toll_at_max_toll_is_still_counted():
    assert MAX_TOLL == 1_000
    assert counts("قتل 1000 شخص") == [1_000]
    assert counts("قتل ألف شخص") == [1_000]


def test_event_with_an_absurd_toll_is_coded_with_no_fatalities(pipeline):
    events = pipeline.extract(
        "قتل 99999999999999999999999 عنصراً من قوات النظام بهجوم في مدينة الميادين.",
        published=date(2023, 12, 9),
    )
    assert events and all(event.fatalities == 0 for event in events)


# -- vague words -------------------------------------------------------------------------------


def test_vague_adad_min():
    assert fatalities("قُتل عدد من قوات الأسد في البادية")[0][1] == Fatalities(2, 2, None, True)
    assert fatalities("فقدت عددا من عناصرها خلال وقوعهم بكمائن")[0][1].vague


def test_vague_plural_death_noun_with_no_number():
    found = fatalities("وتسببت المواجهات بسقوط قتلى وجرحى بينهم مدنيين")
    assert found == [("سقوط قتلي", Fatalities(2, 2, None, True))]


def test_vague_tens_and_hundreds():
    assert fatalities("سقط عشرات القتلى")[0][1] == Fatalities(10, 10, 99, True)
    assert counts("مقتل المئات من المدنيين") == [100]


def test_killed_and_injured_together_is_unknown():
    found = fatalities("ما أدى إلى تدميرها بالكامل ومقتل وإصابة الأفراد الذين كانوا فيها.")
    assert found == [("مقتل واصابه الافراد", Fatalities(None, None, None, True))]


def test_title_plural_with_binahum_officer():
    assert counts("قتلى بينهم ضابط في البادية") == [2]


# -- the injured are kept apart ----------------------------------------------------------------


def test_injured_after_killed_not_added():
    assert counts("ما أدى إلى مقتل ثلاثة عناصر وإصابة آخرون.") == [3]
    assert counts("مقتل 4 سياح أجانب وإصابة 13 في انفجار حافلة") == [4]


def test_injured_only_is_no_fatality():
    assert fatalities("أسفرت عن إصابة عدد من ميليشيات الأسد في مناطق الاشتباك.") == []


def test_injured_count_beside_death_count():
    assert counts("وقاربت الخسائر الــ 50 قتيلاً وعشرات الجرحى حسب ما تم تداوله") == [50]


def test_hypothetical_deaths_with_aw():
    assert fatalities("ولم يستطع الموقع التحقق ما إذا كان هناك من إصابات أو قتلى إثر ذلك.") == []


# -- numbers that are not fatalities -------------------------------------------------------------


def test_money_and_distances_are_not_fatalities():
    assert fatalities("وفرضت دفع إتاوات تتراوح بين 500 وتصل إلى مليون ليرة عن كل شاحنة.") == []
    assert fatalities("إلى امتلاك 2.5 مليار دولار") == []
    assert fatalities("وشمال منطقة الـ 55كم، بالتزامن مع الاشتباكات") == []


def test_unit_numbers_and_years_are_not_fatalities():
    assert counts("بقتل عدة أفراد تابعين للفرقة 17 في قوات النظام") == [2]
    assert all(value.count != 2019 for _, value in fatalities("قتل في عام 2019"))


# -- offsets and robustness --------------------------------------------------------------------


def test_mentions_respect_the_clause_range():
    text = "مقتل سبعة أفراد. قتل أربعة أفراد."
    doc = make_document(text)
    assert doc.norm is not None
    second = doc.norm.text.index("قتل اربعه")
    found = find_fatalities(doc, second, len(doc.norm.text))
    assert [m.value.count for m in found] == [4]
    assert all(m.start >= second for m in found)


PIECES = [
    *"قتلمصرعاثنيعشرونةهوبفد ٣4.,،",
    "مقتل ",
    "قتلى ",
    "عنصرين ",
    "بينهم ",
    "وإصابة ",
    "ثلاثة ",
    "عشر ",
    "أكثر من ",
    "لقوا مصرعهم ",
    "عدد من ",
    "الـ ",
    "و",
    " ",
    "،",
]
ARABIC = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(ARABIC, st.text(max_size=60)))
def test_parse_number_never_raises(text):
    value = parse_number(text)
    assert value is None or value >= 0


@settings(max_examples=300, deadline=None)
@given(ARABIC, st.integers(-5, 90), st.integers(-5, 90))
def test_find_fatalities_never_raises_and_stays_in_range(text, start, end):
    doc = make_document(text)
    for mention in find_fatalities(doc, start, end):
        assert max(0, start) <= mention.start < mention.end <= min(end, len(normalise(text).text))
        assert isinstance(mention.value, Fatalities)


def test_one_number_for_dead_and_wounded_is_unknown():
    assert fatalities("فقالت ان هناك 88 قتيلا وجريحا بينهم نساء")[0][1] == Fatalities(
        None, None, 88, True
    )


def test_death_verb_after_victims_then_injured():
    assert counts("ان 16 شخصا قد لقوا مصرعهم وجرح عشرات اخرون في تفجير") == [16]


def test_number_word_after_its_noun():
    assert counts("ما ادى الى مقتل مقاتلين اثنين من الفصائل") == [2]
    assert counts("وقتل شخص واحد على الأقل في أحداث عنف") == [1]


@pytest.mark.parametrize(
    "text",
    ["مقتل أنس سعيد بريف السلمية الشرقي", "انتهت بتصفية عبد القادر حمو قائد الدفاع الوطني"],
)
def test_named_victim_counts_one(text):
    # a person named after the death word is one death, though no number is written
    assert counts(text) == [1]


@pytest.mark.parametrize("text", ["تصفية حسابات بين الفصائل المسلحة", "مقتل في قصف على البلدة"])
def test_words_after_a_death_word_that_are_no_name_count_nothing(text):
    assert counts(text) == []


def test_sum_stops_at_a_weekday_two_days_are_two_tolls():
    # "24 on Thursday and four others on Friday": not one figure of 28
    assert counts("قتل 24 من القوات الموالية للحكومة الخميس وأربعة آخرون الجمعة") == [24]
    assert counts("قتل 3 عناصر من قوات النظام و5 مدنيين") == [8]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("ما أدى لمقتل رجل وزوجته", 2),  # a noun with a possessive pronoun: his wife
        ("مقتل سيدة وابنتها", 2),  # ta marbuta written ت before the pronoun
        ("مقتل رجل وزوجته وأطفاله الثلاثة", 5),  # a definite number after a possessed plural
        ("مقتل أب وأبنائه الثلاثة", 4),  # أبنائه: the hamza of أبناء seated on ئ
        ("مقتل الأطفال الثلاثة", 3),  # the article on a number that follows a definite noun
        ("قتل 3 عناصر من قوات النظام والميليشيات الإيرانية", 3),  # still naming the group
    ],
)
def test_family_members_with_possessive_pronouns_are_counted(text, count):
    assert counts(text) == [count]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("لقي طفل حتفه وأصيب آخران", 1),  # VSO: the victim between the verb and حتفه
        ("لقي عنصران من قوات النظام حتفهما", 2),  # dual pronoun
        ("لقي 4 مدنيين حتفهم بقصف", 4),
    ],
)
def test_laqiya_hatfahu_with_the_victims_inside_the_phrase(text, count):
    assert counts(text) == [count]


def test_an_ordinal_is_one_more_person():
    # "وأصيب ثالث": a third one was wounded; "فيما قتل ثالث": a third one was killed
    assert counts("قتل عنصران وأصيب ثالث") == [2]
    assert counts("فيما قتل ثالث في بلدة القورية") == [1]
    assert counts("مقتل عنصرين وثالث") == [3]


def test_deaths_told_as_dying_and_as_a_death():
    # "توفوا" (they died), "وفاة" (the death of): the dead, as "قتلوا" and "مقتل" tell them
    assert counts("11 شخصا بينهم أربعة أطفال توفوا في هذه الظروف") == [11]
    assert counts("وأعلن المرصد وفاة 21 شخصا جراء الاختناق") == [21]


def test_those_an_act_claimed_as_its_victims_are_its_dead():
    # "راح ضحيتها 108 أشخاص" (literally "went as its victims"): the dead of the act before it
    assert counts("وهي المجزرة التي راح ضحيتها 108 أشخاص") == [108]
    assert counts("هجوم وقع العام الماضي، راح ضحيته أكثر من 80 شخصا") == [80]


def test_unidentified_men_before_a_verb_of_killing_did_the_killing():
    # "مسلحون مجهولون قتلوا شاباً": قتلوا read as "they killed"; the young man is the dead,
    # also past a time put between commas
    assert counts("مسلحون مجهولون قتلوا شابا في حي النزهة") == [1]
    assert counts("وكان مسلحون مجهولون قد قتلوا، الشهر الماضي، شاباً من حي النزهة") == [1]
    # men of a side before the same verb were killed
    assert counts("عناصر من قوات النظام قتلوا في الهجوم") == [2]


def test_casualties_split_between_a_dead_and_a_wounded_singular_are_uncounted():
    # "بين قتيل وجريح": the dead among them are not counted; "قتيل وجريح" is one of each
    assert counts("وسقط العشرات من القوات السورية بين قتيل وجريح في غارات") == [None]
    assert counts("سقط قتيل وجريح في قصف على البلدة") == [1]


def test_a_death_verb_in_a_relative_clause_counts_no_one_of_its_own():
    # "العائلات التي توفيت خنقاً": the feminine singular agrees with a plural of groups; the
    # dead are the families, uncounted, and "خنقا بالغازات" is no victim's name
    assert counts("تم العثور على مزيد من العائلات التي توفيت خنقا بالغازات السامة") == []
    # with no relative, an untold subject of a singular verb is one person, as before
    assert counts("توفي متأثرا بجراحه") == [1]


def test_relative_pronouns_lexicon_holds_every_number_and_gender():
    from rasad.lexicon import word_set

    words = word_set("relative_pronouns.tsv")
    assert {"الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي"} <= words


def test_at_least_between_a_count_and_its_group():
    # "21 على الأقل من المقاتلين": the modifier stands between the count and "من"
    assert counts("إن 21 على الأقل من المقاتلين الموالين للحكومة قتلوا في كمين") == [21]
    assert counts("قتل 21 على الأقل من المقاتلين في كمين") == [21]


def test_an_assassinated_village_head_is_one_dead():
    # "اغتيال المختار": a person's title is a person noun
    assert counts("أقدم مجهولون على اغتيال المختار في بلدة الطيانة") == [1]


def test_a_driver_is_a_person_counted():
    # "أدى إلى مقتله وسائقه": him and his driver
    assert counts("بتفجير استهدف سيارته وأدى إلى مقتله وسائقه") == [2]


def test_a_shell_falling_is_no_one_killed():
    # "سقوط قذيفة هاون": the words of a weapon are no person's name after "سقوط"
    assert counts("أصيب ثلاثة مدنيين بجروح إثر سقوط قذيفة هاون على حي الحمدانية") == []
    assert counts("مقتل أنس سعيد") == [1]


def test_losses_and_falls_count_numbers_and_people_not_names():
    # "فقد أعلن الرئيس": "so the president announced"; "سقوط صاروخين": two missiles falling
    assert counts("فقد أعلن الرئيس التركي أن العملية مستمرة") == []
    assert counts("سقوط صاروخين إسرائيليين في محيط المطار") == []
    assert counts("فقدت قوات النظام ثلاثة عناصر") == [3]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count of the dead that rose, and the figure after "إلى", however far
        ("ارتفعت حصيلة القتلى في القصف على الكسوة إلى 15", [15]),
        (
            "أعلن المرصد عن ارتفاع أعداد قتلى الضربات الصاروخية، التي استهدفت منطقة الكسوة "
            "في ريف دمشق، إلى 15 على الأقل",
            [15],
        ),
        ("وارتفع عدد القتلى في المدينة إلى نحو عشرين", [20]),
    ],
)
def test_a_toll_that_rose_to_a_figure(text, expected):
    assert counts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "قد يصل عدد القتلى الروس في سوريا إلى مئات",  # what it may reach, no rise told
        "ارتفع عدد القتلى منذ بدء الحملة على الغوطة إلى 770",  # the tally of a period
    ],
)
def test_a_count_that_may_reach_or_sums_a_period_is_no_toll(text):
    assert all(count in (None, 2) for count in counts(text))


def test_a_rise_after_the_acts_own_dead_is_the_total_so_far(pipeline):
    # "قتل 5 مدنيين ... ليرتفع عدد القتلى إلى 105": the act killed 5
    [event] = pipeline.extract(
        "قتل 5 مدنيين في قصف على مدينة دوما ليرتفع عدد القتلى منذ بدء التصعيد إلى 105",
        published=date(2018, 2, 26),
    )
    assert event.fatalities == 5


def test_toll_words_have_known_roles():
    from rasad.lexicon import read_tsv

    rows = list(read_tsv("toll_words.tsv", ["word", "role"]))
    assert {row["role"] for _, row in rows} == {"rise", "count", "to"}


def test_large_numbers_of_dead_are_a_vague_plural():
    # "مقتل أعداد كبيرة": no figure, the cautious floor of a plural (codebook: 2)
    ((_, found),) = fatalities("بسبب مقتل أعداد كبيرة منهم في الغوطة الشرقية")
    assert (found.count, found.vague) == (2, True)


def test_a_group_joined_by_wa_after_the_death_verb_is_not_its_victims():
    # "أن طفلا توفي و13 شخصا واجهوا صعوبات في التنفس": the child died; the 13 are another
    # group with a verb of their own
    ((_, found),) = fatalities(
        "أعلن المرصد أن طفلا توفي و13 شخصا على الأقل واجهوا صعوبات في التنفس في بلدة الشيفونية"
    )
    assert found.count == 1


def test_a_range_of_dead_is_read_at_its_lower_bound():
    # "ما بين مئة ومئتي قتيل"، "بين 12 و16 شخصا": the most conservative number, vague
    for text, low, high in (
        ("خلفت ما بين مئة ومئتي قتيل", 100, 200),
        ("خلفت ما بين 100 و200 قتيل", 100, 200),
        ("قتل ما بين 12 و16 شخصا", 12, 16),
    ):
        ((_, found),) = fatalities(text)
        assert (found.count, found.high, found.vague) == (low, high, True), text


def test_a_compound_number_joins_words_of_different_orders():
    # "مئة وعشرون" is 120 and "ثلاثة وعشرون" 23; "مئة ومئتي" is two numbers
    assert counts("قتل مئة وعشرون شخصا") == [120]
    assert counts("قتل ثلاثة وعشرون شخصا") == [23]


def test_without_deaths_is_no_toll():
    # "دون سقوط ضحايا"، "بدون أن يسفر ذلك عن سقوط ضحايا": no one died; a drone is still
    # "طائرة بدون طيار"
    assert fatalities("قصفت الطائرات البلدة دون سقوط ضحايا") == []
    assert fatalities("هاجمت طائرات القاعدة، بدون أن يسفر ذلك عن سقوط ضحايا أو أضرار") == []
    assert counts("طائرة بدون طيار قتلت شخصين") == [2]


@pytest.mark.parametrize(
    "text",
    [
        "أعدم مسلحون من فلول النظام ستة عناصر من الأمن العام في قرية المختارية",
        "قتل مسلحون من تنظيم داعش ستة رعاة في بادية السخنة",
    ],
)
def test_the_killers_group_between_verb_and_victims_is_no_toll(text):
    # VSO: "مسلحون من فلول النظام" is the subject, the six after it are the dead
    assert 6 in counts(text) and 2 not in counts(text)


def test_what_is_said_after_inna_holds_the_dead_not_the_speaker():
    # "وقال الدفاع المدني إن 3 أشخاص قتلوا": "المدني" of the Civil Defence names no one dead
    assert counts("وقال الدفاع المدني إن 3 أشخاص قتلوا في القصف") == [3]


def test_fell_dead_counts_the_people_before_it():
    # "44 شخصا على الأقل سقطوا قتلى": the number and its noun come first, a hedge between
    [(_, found)] = fatalities("أعلن المرصد أن 44 شخصا على الأقل سقطوا قتلى في ضربات جوية")
    assert found.count == 44


def test_claimed_the_lives_of_counts_what_follows():
    # "أودى بحياة أكثر من 560 مدنياً"، "أودت بالعشرات": the toll after the verb
    [(_, found)] = fatalities("القصف العنيف الذي أودى بحياة أكثر من 560 مدنياً")
    assert found.count == 560
    [(_, found)] = fatalities("الغارات على بلدة سراقب أودت بالعشرات")
    assert found.count == 10


def test_a_day_told_between_the_verb_and_its_victims_takes_no_room():
    # "أعدم تنظيم داعش أمس الأول الخميس أكثر من 20 شخصاً": the subject and the day stand
    # between the verb and whom it killed
    assert counts("أعدم تنظيم داعش أمس الأول الخميس أكثر من 20 شخصاً رمياً بالرصاص") == [20]
