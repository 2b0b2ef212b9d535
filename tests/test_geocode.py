"""The geocoder: place mentions in Arabic reports, their precision and their namesakes."""

from __future__ import annotations

import csv
import math
from datetime import date
from pathlib import Path

import pytest

import rasad
from rasad.geocode import Gazetteer, find_places, skeleton, within_one_edit
from rasad.model import Document, Mention
from rasad.normalise import normalise, normalise_key

FIXTURES = Path(__file__).parent / "fixtures"


def make_doc(text: str) -> Document:
    doc = Document(id="t", text=text)
    doc.body = text
    doc.norm = normalise(text)
    return doc


def mentions(text: str) -> list[tuple[str, Mention]]:
    doc = make_doc(text)
    assert doc.norm is not None
    return [(doc.norm.text[m.start : m.end], m) for m in find_places(doc)]


def only(text: str) -> Mention:
    found = mentions(text)
    assert len(found) == 1, found
    return found[0][1]


def place_ids(text: str) -> list[str]:
    return [m.value.place.id for _, m in mentions(text)]


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371 * math.hypot(x, math.radians(lat2 - lat1))


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


# ---- lookup ---------------------------------------------------------------------------------


@pytest.mark.parametrize("written", ["بالميادين", "للميادين", "والميادين", "فالميادين", "الميادين"])
def test_lookup_strips_clitics(gazetteer: Gazetteer, written: str) -> None:
    assert gazetteer.lookup(written)[0].id == "C5192"


@pytest.mark.parametrize("written", ["المياذين", "المياديين", "الميادبن"])
def test_lookup_forgives_misspellings(gazetteer: Gazetteer, written: str) -> None:
    assert gazetteer.lookup(written)[0].id == "C5192"


def test_lookup_does_not_guess_short_names(gazetteer: Gazetteer) -> None:
    # Under five letters a one-letter slip makes another real name: no guessing.
    assert gazetteer.lookup("زبق") == []
    assert gazetteer.lookup("حمصص") == []


def test_lookup_hamza_and_ta_marbuta(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("ادلب")[0].admin1_pcode == "SY07"
    assert gazetteer.lookup("حماه")[0].admin1_pcode == "SY05"


def test_lookup_english_names(gazetteer: Gazetteer) -> None:
    assert "C5192" in [p.id for p in gazetteer.lookup("Al Mayadin")]


def test_lookup_repeated_name_lists_every_namesake(gazetteer: Gazetteer) -> None:
    salhiyeh = gazetteer.lookup("الصالحية")
    assert len(salhiyeh) >= 12
    assert "C5181" in [p.id for p in salhiyeh]


def test_lookup_run_together_name(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("ديرالزور")[0].admin1_pcode == "SY09"


def test_skeleton_joins_spelling_variants() -> None:
    assert skeleton("المياذين") == skeleton("المياديين") == skeleton("الميادين")


def test_one_edit_is_one_edit() -> None:
    assert within_one_edit("الميادين", "الميادبن")
    assert not within_one_edit("الميادين", "الميدن")


def test_places_carry_ocha_admin_names(gazetteer: Gazetteer) -> None:
    mayadin = gazetteer.get("C5192")
    assert (mayadin.admin1, mayadin.admin1_pcode) == ("Deir-ez-Zor", "SY09")
    assert (mayadin.admin2, mayadin.admin2_pcode) == ("Al Mayadin", "SY0903")
    assert mayadin.admin3_pcode == "SY090300"


# ---- clitics and multi-word names in text --------------------------------------------------


def test_clitic_letter_left_out_of_the_span() -> None:
    found = mentions("وقع انفجار بالميادين صباح اليوم")
    assert [(text, m.value.place.id) for text, m in found] == [("الميادين", "C5192")]


def test_a_name_with_the_preposition_glued_on_is_no_item_of_a_list() -> None:
    # "بلدة الحراك بدرعا": "ب" says where the town lies; "درعا" takes no "بلدة" of the list
    found = mentions("قتل 5 مدنيين في غارات جوية على بلدة الحراك بدرعا.")
    assert [(text, m.value.cue) for text, m in found][-1] == ("درعا", "")


def test_a_village_in_the_town_glued_after_it_is_a_place() -> None:
    # "تل كروم جبا بالقنيطرة": a village named bare is a place in the town after "ب"
    found = mentions("صواريخ باتجاه نقاط الجيش في محيط بلدة حضر وتل كروم جبا بالقنيطرة")
    assert "جبا" in [text for text, _ in found]


def test_a_town_far_from_the_seat_glued_after_it_stays_itself() -> None:
    # "مدينة خان شيخون بإدلب": the governorate, not the city 60 km north, is where it lies
    found = mentions("استهدفت الضربة مدينة خان شيخون بإدلب.")
    assert found[0][1].value.place.name_ar == "خان شيخون"


def test_the_countryside_with_its_direction_before_the_town() -> None:
    # "الريف الغربي لدرعا": the cue and its adjective come first, the town takes "لـ"
    found = mentions("قصف على الريف الغربي لدرعا")
    assert [(m.value.place.kind, m.value.precision) for _, m in found] == [("admin1", 3)]


def test_the_definite_dual_points_back_to_the_two_places() -> None:
    # "قريتي الطيانة والشحيل ... داخل القريتين": the two villages, not the town Al-Qaryatayn
    found = mentions("سيطر المقاتلون على قريتي الطيانة والشحيل، وطردوا قسد من داخل القريتين.")
    assert [m.value.place.name_ar for _, m in found] == ["الطيانة", "الشحيل"]
    # with no dual before it, the name is the town
    found = mentions("سيطر تنظيم داعش على مدينة القريتين في ريف حمص.")
    assert found[0][1].value.place.name_ar == "القريتين"


def test_a_list_item_is_the_namesake_in_its_neighbours_governorate() -> None:
    # "قرى المتونة ... ودوما وتيما والشبكي": Sweida's Duma, not the prominent Rural Damascus one
    found = mentions("تصدت وحدات الجيش لهجوم على قرى المتونة ودوما وتيما والشبكي.")
    assert {m.value.place.admin1 for _, m in found} == {"As-Sweida"}
    # a governorate's own name keeps its own ("محافظتي درعا والقنيطرة")
    found = mentions("قصف على محافظتي درعا والقنيطرة")
    assert [m.value.place.admin1 for _, m in found] == ["Dar'a", "Quneitra"]


@pytest.mark.parametrize("dash", ["-", "–"])
def test_the_two_ends_of_a_road_joined_by_a_dash_support_each_other(dash: str) -> None:
    # "على طريق الكسرة – الرقة": a pair of names joined by a dash is a list; the weaker name
    # (also a common word) is a place because the other one is
    found = mentions(f"انفجرت عبوة بدورية على طريق الكسرة {dash} الرقة، دون إصابات.")
    assert [m.value.place.name_ar for _, m in found] == ["الكسرة", "الرقة"]
    assert found[0][1].value.place.admin1 == "Deir-ez-Zor"


def test_a_place_like_word_in_a_quoted_name_after_a_person_word_is_no_place() -> None:
    # 'المدعو "حسين العبد الله"': the family name in the quotes is no village
    found = mentions('بين القتلى قائد النقطة المدعو "حسين العبد الله" المنحدر من قرية الشولا.')
    assert [m.value.place.name_ar for _, m in found] == ["الشولا"]


def test_human_after_a_definite_noun_is_an_adjective_not_the_bishri_mountain() -> None:
    # "العقل البشري": "human"; "منطقة البشري" is Jabal Bishri
    assert mentions("وقالت إن العقل البشري لا يستوعب ذلك") == []
    assert [m.value.place.name_ar for _, m in mentions("وقصفت الطائرات منطقة البشري")] == [
        "جبل البشري"
    ]


def test_lam_of_the_article_merged_with_preposition() -> None:
    assert place_ids("وصلت تعزيزات للميادين") == ["C5192"]


def test_conjunction_and_preposition_on_multi_word_name() -> None:
    found = mentions("قصف في الميادين وبدير الزور")
    assert [text for text, _ in found] == ["الميادين", "دير الزور"]


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("سيطرت الفصائل على رأس العين", "SY08"),
        ("اشتباكات في تل أبيض", "SY11"),
        ("قصف على دير الزور", "SY09"),
        ("حاجز قرب بلدة أم المياذن", "SY12"),
    ],
)
def test_multi_word_names(text: str, admin1: str) -> None:
    assert only(text).value.place.admin1_pcode == admin1


def test_misspelt_town_in_text() -> None:
    found = mentions("هجوم على بادية مدينة المياديين")
    assert found[0][1].value.place.id == "C5192"


# ---- precision by cue --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "precision", "cue"),
    [
        ("اشتباكات في بلدة صبيخان", 1, "بلدة"),
        ("هجوم في محيط مدينة الميادين", 2, "محيط"),
        ("كمين في بادية الميادين", 2, ""),
        ("قصف على ريف البوكمال", 2, "ريف"),
        ("قصف على محافظة دير الزور", 3, ""),
        ("اشتباكات في ريف دير الزور الشرقي", 3, "ريف"),
        ("قصف جنوب الرقة", 3, "جنوب"),
    ],
)
def test_precision_by_cue(text: str, precision: int, cue: str) -> None:
    mention = only(text).value
    assert (mention.precision, mention.cue) == (precision, cue)


def test_countryside_of_a_governorate_capital_is_the_governorate() -> None:
    mention = only("اشتباكات في ريف دير الزور الشرقي").value
    assert (mention.place.id, mention.place.kind) == ("SY09", "admin1")


def test_direction_span_covers_the_cue() -> None:
    assert [text for text, _ in mentions("هجوم غربي الرقة")] == [normalise_key("غربي الرقة")]


def test_direction_adjective_is_part_of_the_mention() -> None:
    assert [text for text, _ in mentions("في ريف درعا الشرقي")] == [
        normalise_key("ريف درعا الشرقي")
    ]


def test_bare_governorate_capital_is_the_city() -> None:
    mention = only("انفجار في حمص اليوم").value
    assert (mention.place.kind, mention.precision) == ("community", 1)


def test_region_is_coded_to_the_governorate() -> None:
    mention = only("مصادر إعلامية بالمنطقة الشرقية").value
    assert (mention.place.admin1_pcode, mention.precision) == ("SY09", 3)


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        # the governorate, not the district "مركز ريف دمشق" that shares its name
        ("قصفت الطائرات مواقع في ريف دمشق", "SY03"),
        # the region, not the sub-district of Jaramana that OCHA names after it
        ("ارتفعت حصيلة الضحايا في الغوطة الشرقية", "cur-ghouta-east"),
        ("في ناحية الغوطة الشرقية", "SY030103"),
    ],
)
def test_a_name_shared_with_a_wider_area_is_the_wider_area(text: str, place_id: str) -> None:
    assert only(text).value.place.id == place_id


# ---- repeated names -----------------------------------------------------------------------------


def test_repeated_name_resolved_by_the_admin_cue() -> None:
    found = mentions("هجوم في محيط بلدة الصالحية بريف البوكمال")
    salhiyeh = found[0][1].value.place
    assert (salhiyeh.id, salhiyeh.admin2) == ("C5181", "Abu Kamal")


def test_repeated_name_resolved_by_direction_and_governorate() -> None:
    place = mentions("مشادة في قرية الحسينية غربي محافظة ديرالزور")[0][1].value.place
    assert place.admin1_pcode == "SY09"


def test_repeated_name_resolved_by_the_other_places_of_the_article() -> None:
    text = "قصف على مدينة الرقة. وفي بلدة الصالحية قتل شخصان"
    assert mentions(text)[1][1].value.place.admin1_pcode == "SY11"


def test_unknown_village_falls_back_to_the_area_beside_it() -> None:
    found = mentions("اشتباكات في قرية زبقلانة بريف البوكمال")
    assert [(text, m.value.place.id, m.value.precision) for text, m in found] == [
        (normalise_key("قرية زبقلانة بريف البوكمال"), "C5167", 2)
    ]


def test_namesake_outside_the_named_area_is_not_taken() -> None:
    # No رأس العين lies in Deir ez-Zor: the area named beside it is all we know.
    place = mentions("قصف على بلدة رأس العين بريف البوكمال")[0][1].value.place
    assert place.id == "C5167"


@pytest.mark.parametrize("town", ["أورم الكبرى", "الأتارب", "دارة عزة"])
def test_a_town_by_the_border_of_the_governorate_named_after_it_is_kept(town: str) -> None:
    # "وسط مدينة أورم الكبرى بريف إدلب": Aleppo's towns by Idlib's border, named by the
    # province next door; the town is kept, in its own governorate
    place = mentions(f"غارات على مدينة {town} بريف إدلب")[0][1].value.place
    assert (place.name_ar, place.admin1_pcode) == (town, "SY02")


def test_namesakes_in_a_list_of_ghouta_towns_are_the_ghoutas() -> None:
    # "المعضمية" is what reports call Moadamiyat al-Sham; "جوبر" named with Zamalka and Ein
    # Tarma (Rural Damascus) is Damascus's Jobar: a city governorate and the one around it are
    # one theatre for the namesakes of a report
    found = mentions("قصفت بلدات المعضمية وزملكا وجوبر وعين ترما بغاز الأعصاب")
    assert [m.value.place.admin1_pcode for _, m in found] == ["SY03", "SY03", "SY01", "SY03"]


# ---- words that are not places ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'وقالت شبكة "عين الفرات" إن قوات النظام',
        'أكدت شبكة "نهر ميديا" مصرع عسكريين',
        "بحسب ما أورد موقع نداء سوريا",
        'وذكرت شبكات محلية منها "البادية 24" اليوم',
        "وقال مراسل فرات بوست إن الدورية",
        'كما أورد موقع "حلب اليوم"',
    ],
)
def test_outlets_are_not_places(text: str) -> None:
    assert mentions(text) == []


@pytest.mark.parametrize(
    "text",
    [
        'المدعو "الحاج موسوي الموسوي" والحاج عسكري',
        "ميليشيا لواء القدس الفلسطيني",
        "القيادي حميد النعيمي",
        "قتل المدعو الطيبة",
        "قوات الأسد",
    ],
)
def test_people_and_armed_groups_are_not_places(text: str) -> None:
    assert mentions(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "قتلى بينهم ضابط في البادية",
        "في عمق البادية",
        "يوم السبت الماضي",
        "في المنطقة",
        "نصب حاجز تفتيش",
        "تعرضت مدينة لهجوم",
        "كمين مسلح",
        "قتل في الحديدة اليمنية",
        # one letter from a village, or a word of another sense that reads like one
        "وتم إجلاء المقاتلين إلى أحياء مجاورة",
        "وذلك في قوله إن الهجوم فشل",
        "وبقيت المدينة طوال سنوات النزاع بمنأى",
        "فآخر معاقل المعارضة",
        "قتل أبو عثمان في الغارة",
        "في مدينة الصدر ببغداد",
    ],
)
def test_common_words_are_not_places(text: str) -> None:
    assert mentions(text) == []


@pytest.mark.parametrize(
    "text", ["أردت دعم الثورة والمشاركة في ثورة النساء", "قرب ميدان البلدية", "صور الأقمار"]
)
def test_a_common_noun_without_its_article_is_no_place_either(text: str) -> None:
    # not_places lists "الثورة"; the indefinite "ثورة" is the same common noun
    assert mentions(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # "قرية تحت سيطرة التنظيم": a village under its control, not the village "تحت"
        "بغارات استهدفت قرية تحت سيطرة تنظيم داعش",
        # a direction as a noun: the towns of the south
        "أبرمت اتفاقات في عدد من بلدات الجنوب",
        # an area word with a pronoun points back to a town already named (not "بريفا")
        "وبلدات بريفها",
    ],
)
def test_a_function_word_after_a_settlement_cue_is_no_place(text: str) -> None:
    assert mentions(text) == []


def test_common_word_village_after_a_settlement_cue_is_a_place() -> None:
    assert only("اشتباكات في بلدة الصور").value.place.admin1_pcode == "SY09"


def test_common_word_village_near_a_cue_keeps_its_settlement_cue() -> None:
    # "قرب قرية الصور": "near" widens the village, "قرية" still says it is one
    found = [
        (m.value.place.id, m.value.precision) for _, m in mentions("قرب قرية الصور شرقي دير الزور")
    ]
    assert found == [("C5157", 2), ("SY09", 3)]


def test_a_name_also_found_abroad_needs_a_syrian_area_around_it() -> None:
    # الجفرة: a village east of Deir ez-Zor, and Jufra in Libya; الخليل: Hebron
    assert place_ids("هجوم على قرية الجفرة بريف دير الزور") == ["C5080", "SY09"]
    assert mentions("هجوم على قرية الجفرة") == []
    assert mentions("بعد قتله للشاب الفلسطيني ببلدة الخليل") == []


def test_common_word_after_a_plural_cue_is_an_adjective() -> None:
    # "قرى جديدة": new villages; a broken plural takes a feminine singular adjective
    assert mentions("ودخلت القوات قرى جديدة في الريف") == []
    assert mentions("ودخلت القوات بلدة جديدة") != []  # "بلدة جديدة": the town of Jdeideh


# ---- bases, barracks, camps, crossings, dams and regions ----------------------------------------


def place_of(text: str, phrase: str) -> Mention:
    """The mention of ``text`` that covers ``phrase``."""
    key = normalise_key(phrase)
    found = [m for covered, m in mentions(text) if key in covered or covered in key]
    assert found, mentions(text)
    return found[0]


@pytest.mark.parametrize(
    "text",
    [
        "قصف الطيران الإسرائيلي مطار التيفور العسكري في محافظة حمص",
        "وتعرضت قاعدة تيفور الجوية لغارات اتهمت دمشق إسرائيل بتنفيذها",
        'استهدفت قاعدة "تي فور" العسكرية التابعة للجيش السوري في محافظة حمص',
        "الهجمات التي استهدفت قاعدة تياس الجوية، المعروفة باسم التيفور",
        "ضربة صاروخية على T4 في ريف حمص",
    ],
)
def test_t4_is_coded_at_tiyas(gazetteer: Gazetteer, text: str) -> None:
    # The codebook: T4 / التيفور at the gazetteer's Tiyas (OCHA C2662 الصفا_التياس).
    tiyas = gazetteer.get("C2662")
    for _, mention in mentions(text):
        if mention.value.place.admin1_pcode == "SY04" and mention.value.precision == 1:
            base = mention.value.place
            break
    else:
        raise AssertionError(mentions(text))
    assert base.id == "cur-airport-t4"
    assert km(base.latitude, base.longitude, tiyas.latitude, tiyas.longitude) < 1.5
    assert base.admin3_pcode == tiyas.admin3_pcode


def test_relative_pronoun_before_fawr_is_not_t4() -> None:
    # "التي فور" is T4 only after "قاعدة"/"مطار": "التي فور وصولها" is "which, on arrival".
    assert mentions("القوات التي فور وصولها بدأت بالانتشار") == []
    assert place_ids("قصف قاعدة التي فور") == ["cur-airport-t4"]


@pytest.mark.parametrize(
    ("text", "phrase", "base"),
    [
        ("هجوم لتنظيم الدولة على كويرس شرقي حلب", "كويرس", "cur-airport-kuweires"),
        ("غارات أمريكية على الشعيرات بريف حمص", "الشعيرات", "cur-airport-shayrat"),
        ("استهدفت الضربات قاعدة الضمير الجوية", "قاعدة الضمير", "cur-airport-dumayr"),
        ("وصول تعزيزات روسية إلى حميميم", "حميميم", "cur-hmeimim"),
        ("صواريخ على قاعدة حيميم الروسية", "قاعدة حيميم", "cur-hmeimim"),
        ("وقتل 21 عسكرياً بالقصف على مطار القصير العسكري", "مطار القصير", "cur-airport-dabaa"),
        ("غادرت السفن قاعدة طرطوس", "قاعدة طرطوس", "cur-tartus-naval"),
    ],
)
def test_air_base_named_without_its_airport_word(text: str, phrase: str, base: str) -> None:
    assert place_of(text, phrase).value.place.id == base


@pytest.mark.parametrize(
    ("text", "base", "village"),
    [
        (
            "قتلى بهجوم على مطار خلخلة العسكري بريف السويداء الشمالي",
            "cur-airport-khalkhalah",
            "C6253",
        ),
        ("قصف إسرائيلي على مطار الثعلة غربي السويداء", "cur-airport-thaala", "C6140"),
        ("غارات على مطار الضبعة العسكري في ريف حمص الغربي", "cur-airport-dabaa", "C2726"),
        ("استهداف مطار الناصرية في القلمون", "cur-airport-nasiriyah", "C2386"),
        ("انفجارات في مطار بلي العسكري", "cur-airport-bali", "C6075"),
    ],
)
def test_air_base_named_after_a_village_is_coded_beside_it(
    gazetteer: Gazetteer, text: str, base: str, village: str
) -> None:
    place = place_of(text, "مطار").value.place
    beside = gazetteer.get(village)
    assert (place.id, place.admin1_pcode) == (base, beside.admin1_pcode)
    assert km(place.latitude, place.longitude, beside.latitude, beside.longitude) < 3


@pytest.mark.parametrize(
    ("text", "phrase", "site", "admin1"),
    [
        ("قصف مدفعي على الفوج 46 غربي حلب", "الفوج 46", "cur-base-46", "SY02"),
        (
            "انفجارات ضخمة في جبل البحوث 47 جنوبي مدينة حماة",
            "جبل البحوث 47",
            "cur-buhuth-47",
            "SY05",
        ),
        ("استهداف مقر اللواء 47 في ريف حماة الجنوبي", "مقر اللواء 47", "cur-buhuth-47", "SY05"),
        ("هجوم لداعش على اللواء 137 في دير الزور", "اللواء 137", "cur-base-137", "SY09"),
        (
            "هجوم بطائرات مسيرة على الكلية الحربية في حمص",
            "الكلية الحربية",
            "cur-military-academy",
            "SY04",
        ),
        (
            "أصابت الصواريخ مركز البحوث العلمية في حي برزة الدمشقي",
            "البحوث العلمية",
            "cur-ssrc-barzeh",
            "SY01",
        ),
        ("غارتان استهدفتا مركزا للأبحاث العلمية في جمرايا", "جمرايا", "cur-ssrc-jamraya", "SY03"),
        ("انفجار في مستودعات مهين بريف حمص", "مستودعات مهين", "C2667", "SY04"),
        ("الغارة التي استهدفت موقع الكبر في محافظة دير الزور", "موقع الكبر", "C6837", "SY09"),
    ],
)
def test_barracks_and_military_sites_are_places(
    text: str, phrase: str, site: str, admin1: str
) -> None:
    place = place_of(text, phrase).value.place
    assert (place.id, place.admin1_pcode) == (site, admin1)


def test_a_foreign_military_academy_is_not_a_place() -> None:
    assert mentions("تخرج من الكلية الحربية المصرية عام 2000") == []


def test_region_of_a_basin_is_a_place() -> None:
    found = place_of("قتل 13 مدنياً بغارات على بلدات حوض اليرموك بريف درعا الغربي", "حوض")
    assert (found.value.place.id, found.value.place.admin1_pcode) == ("cur-yarmouk-basin", "SY12")
    assert found.value.precision == 2


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("اشتباكات عنيفة بين داعش والفصائل في القلمون الشرقي", "cur-qalamoun-east"),
        ("القصف على منطقة الغوطة الشرقية", "cur-ghouta-east"),
        ("الوضع في غوطة دمشق", "cur-ghouta-east"),
        ("سقطت قذيفة في مرتفعات الجولان", "cur-golan"),
        # the Marj of Eastern Ghouta, named as an area: the bare "المرج" stays a village name
        ("مواجهات عند خطوط التماس في منطقة المرج", "cur-ghouta-marj"),
    ],
)
def test_regions_reports_use_are_places(text: str, region: str) -> None:
    assert place_ids(text) == [region]


@pytest.mark.parametrize(
    ("text", "phrase", "place"),
    [
        ("دخلت قافلة المساعدات من معبر الوافدين", "معبر الوافدين", "C2330"),
        ("خرج المدنيون عبر مخيم الوافدين", "مخيم الوافدين", "C2330"),
        ("عودة نازحين إلى مخيم الركبان قرب الحدود الأردنية", "مخيم الركبان", "cur-rukban"),
        ("السيطرة على معبر النصيب مع الأردن", "معبر النصيب", "cur-crossing-nasib"),
        ("رفع العلم فوق معبر القنيطرة", "معبر القنيطرة", "C6268"),
    ],
)
def test_camp_is_a_place(text: str, phrase: str, place: str) -> None:
    assert place_of(text, phrase).value.place.id == place


@pytest.mark.parametrize(
    ("text", "dam", "admin1"),
    [
        ("سيطرت قوات سوريا الديمقراطية على سد تشرين", "cur-dam-tishrin", "SY02"),
        ("تقدمت القوات نحو سد الفرات", "cur-dam-euphrates", "SY11"),
        ("اشتباكات قرب سد الطبقة", "cur-dam-euphrates", "SY11"),
    ],
)
def test_dam_is_a_place(text: str, dam: str, admin1: str) -> None:
    place = place_of(text, "سد").value.place
    assert (place.id, place.admin1_pcode) == (dam, admin1)


@pytest.mark.parametrize(
    ("text", "phrase", "quarter"),
    [
        ("اشتباكات في أطراف حي جوبر", "حي جوبر", "N0025"),
        ("قصف على حي برزة", "حي برزة", "N0002"),
        ("انفجار في حي المزة", "حي المزة", "N0056"),
    ],
)
def test_damascus_quarter_named_without_its_half_is_in_damascus(
    text: str, phrase: str, quarter: str
) -> None:
    # OCHA splits جوبر into east and west, المزة into several quarters; reports name the whole.
    place = place_of(text, phrase).value.place
    assert (place.id, place.admin1_pcode) == (quarter, "SY01")


@pytest.mark.parametrize(
    ("text", "phrase", "town"),
    [
        ("قصف الطيران مدينة كوباني", "كوباني", "C1946"),
        ("فجر انتحاري نفسه في قرية أم حوش بريف حلب الشمالي", "أم حوش", "C1641"),
    ],
)
def test_town_known_by_another_name_is_the_town(text: str, phrase: str, town: str) -> None:
    # كوباني is the town عين العرب, not its sub-district; أم حوش is OCHA's معراتة أم حوش.
    assert place_of(text, phrase).value.place.id == town


def test_air_strike_on_t4_is_an_event_at_tiyas() -> None:
    (event,) = rasad.extract(
        "قصف الطيران الإسرائيلي مطار التيفور العسكري في ريف حمص الشرقي، ما أدى إلى مقتل 14 "
        "عسكرياً بينهم 7 إيرانيين.",
        published="2018-04-09",
    )
    assert (event.location, event.admin1, event.geo_precision) == ("مطار التيفور", "Homs", 1)
    assert (event.latitude, event.longitude) == (34.55, 37.67)


# ---- the five seed reports ------------------------------------------------------------------


def seed(number: str) -> list[tuple[str, Mention]]:
    path = next((FIXTURES / "seeds").glob(f"{number}_*.txt"))
    return mentions(path.read_text(encoding="utf-8"))


def found_in(seed_mentions: list[tuple[str, Mention]], phrase: str) -> Mention:
    key = normalise_key(phrase)
    return next(m for text, m in seed_mentions if key in text)


def test_seed_000_rusafa_desert_in_raqqa() -> None:
    found = seed("000")
    rusafa = found_in(found, "الرصافة").value
    assert (rusafa.place.admin1_pcode, rusafa.precision) == ("SY11", 2)
    assert found_in(found, "ريف الطبقة").value.place.admin1_pcode == "SY11"
    assert found_in(found, "غربي الرقة").value.place.admin1_pcode == "SY11"


def test_seed_000_quriyah_and_mayadin_in_eastern_deir_ez_zor() -> None:
    found = seed("000")
    assert found_in(found, "بلدة القورية").value.place.id == "C5207"
    assert found_in(found, "المياذين").value.place.id == "C5192"
    east = found_in(found, "ريف دير الزور الشرقي").value
    assert (east.place.id, east.precision) == ("SY09", 3)


def test_seed_000_outskirts_of_bishri_and_the_55_km_zone() -> None:
    found = seed("000")
    assert found_in(found, "منطقة البشري").value.place.id == "cur-bishri"
    assert found_in(found, "منطقة ال 55كم").value.place.id == "cur-55km"
    assert found_in(found, "بادية السخنة").value.place.admin1_pcode == "SY04"


def test_seed_000_no_place_from_outlets_or_militias() -> None:
    texts = [text for text, _ in seed("000")]
    assert not any("عين الفرات" in t or "نهر ميديا" in t or "القدس" in t for t in texts)


def test_seed_001_bishri_shujayri_and_deir_ez_zor_desert() -> None:
    found = seed("001")
    bishri = found_in(found, "محيط جبل البشري").value
    assert (bishri.place.id, bishri.precision, bishri.cue) == ("cur-bishri", 2, "محيط")
    shujayri = found_in(found, "منطقة الشجيري").value.place
    assert shujayri.admin1_pcode == "SY09"
    assert found_in(found, "بادية دير الزور الجنوبية").value.place.admin1_pcode == "SY09"


def test_seed_002_mayadin_desert_husseiniyah_and_latakia() -> None:
    found = seed("002")
    desert = found_in(found, "بادية مدينة المياديين").value
    assert (desert.place.id, desert.precision) == ("C5192", 2)
    assert found_in(found, 'قرية "الحسينية').value.place.admin1_pcode == "SY09"
    assert found_in(found, "تلة الكبينة").value.place.admin1_pcode == "SY06"
    assert found_in(found, "جبل الاكراد").value.place.id == "cur-akrad"


def test_seed_002_daraa_towns() -> None:
    found = seed("002")
    assert found_in(found, "ام المياذن").value.place.id == "C5996"
    for town in ("النعيمه", "السهوه", "الطيبه"):
        assert found_in(found, town).value.place.admin1_pcode == "SY12"
    assert found_in(found, "مدينه درعا").value.place.id == "C5993"


def test_seed_002_ras_al_ain_is_the_hasakah_town() -> None:
    assert found_in(seed("002"), "راس العين").value.place.id == "C4988"


def test_seed_003_ashara_and_subaykhan() -> None:
    found = seed("003")
    assert found_in(found, "مدينه العشاره").value.place.id == "C5210"
    assert found_in(found, "بلده صبيخان").value.place.id == "C5211"


def test_seed_004_salhiyeh_farqalas_safyan() -> None:
    found = seed("004")
    assert found_in(found, "بلده الصالحيه").value.place.id == "C5181"
    assert found_in(found, "بلده الفرقلس").value.place.id == "C2633"
    assert found_in(found, "منطقه صفيان").value.place.admin1_pcode == "SY11"
    assert found_in(found, "قاعده حميميم").value.place.id == "cur-hmeimim"


def test_seed_004_outlets_not_places() -> None:
    texts = [text for text, _ in seed("004")]
    assert not any("عين الفرات" in t or "24" in t for t in texts)


# ---- the table of real mentions -----------------------------------------------------------


def read_place_mentions() -> list[dict[str, str]]:
    with (FIXTURES / "place_mentions.tsv").open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def placed_right(row: dict[str, str]) -> bool:
    doc = make_doc(row["excerpt"])
    assert doc.norm is not None
    start = doc.norm.text.find(normalise_key(row["mention"]))
    end = start + len(normalise_key(row["mention"]))
    found = [m for m in find_places(doc) if m.start < end and m.end > start]
    if not found:
        return False
    place = found[-1].value.place
    if place.admin1_pcode != row["admin1_pcode"]:
        return False
    if not row["latitude"]:
        return True
    return (
        km(place.latitude, place.longitude, float(row["latitude"]), float(row["longitude"])) <= 10
    )


def test_real_mentions_table_is_big_enough() -> None:
    assert len(read_place_mentions()) >= 60


def test_real_mentions_placed_within_10_km_or_right_governorate() -> None:
    rows = read_place_mentions()
    wrong = [row["mention"] for row in rows if not placed_right(row)]
    assert 1 - len(wrong) / len(rows) >= 0.9, wrong


@pytest.mark.parametrize(
    "text",
    [
        "اتهمت دمشق إسرائيل بتنفيذ الغارات",
        "تحدثت مصادر عن إرسال دمشق تعزيزات عسكرية إلى درعا",
        "أرسلت دمشق تعزيزات عسكرية إلى درعا",
    ],
)
def test_a_capital_that_speaks_or_sends_is_its_government_not_a_place(text: str) -> None:
    assert [covered for covered, _ in mentions(text)] == ["درعا"] * ("درعا" in text)


def test_the_fence_is_a_common_noun_not_the_village_of_that_name() -> None:
    # "السياج الفاصل في مرتفعات الجولان": the fence; "بلدة السياج" is still the village
    assert not any("السياج" in covered for covered, _ in mentions("سقطت القذيفة شرق السياج الفاصل"))
    assert any("السياج" in covered for covered, _ in mentions("قصفت قوات النظام بلدة السياج"))


def test_peaceful_after_a_protest_noun_is_no_town() -> None:
    # "احتجاجات سلمية": peaceful protests, not Salamiyah; the town named as such stays a place
    assert not any("سلمي" in covered for covered, _ in mentions("موجة احتجاجات سلمية فلسطينية"))
    assert any("سلمي" in covered for covered, _ in mentions("خرجت مظاهرة في مدينة السلمية"))


def test_a_misspelt_name_needs_its_governorate_named_rightly_in_the_report() -> None:
    # "مدينة الصدر" (Baghdad) is one edit from a Syrian village; nothing else is Syrian here
    assert mentions("انفجار عنيف في مدينة الصدر يخلف قتلى وجرحى") == []
    # "المياذين" (misspelt) in a report that names Deir ez-Zor rightly is al-Mayadin
    found = mentions("قصف على مدينة المياذين بريف دير الزور الشرقي")
    assert any("المياذين" in covered for covered, _ in found)


def test_the_capital_a_side_is_loyal_to_is_its_government_not_a_place(pipeline):
    # "مقاتلين مؤيدين لدمشق"، "القوات الموالية لدمشق": allegiance, not where the act was
    found = pipeline.extract(
        "أعلنت الولايات المتحدة أن غاراتها الجوية على منطقة دير الزور أوقعت مئة قتيل بين "
        "مقاتلين مؤيدين لدمشق.",
        published=date(2018, 2, 8),
    )
    assert [(e.admin1, e.fatalities) for e in found] == [("Deir-ez-Zor", 100)]


def test_peaceful_after_a_noun_is_not_salamiyah(pipeline):
    # "مقاومة سلمية"، "بطرق سلمية": the adjective "peaceful", not the town of Salamiyah
    text = "واستهدفت حركة المقاطعة شركات إسرائيلية عبر ما تقول إنها مقاومة سلمية."
    assert [e.location for e in pipeline.extract(text, published=date(2018, 10, 9))] == []


def test_peaceful_agreeing_with_a_definite_word_is_not_salamiyah(pipeline):
    # "الصناعات الكيميائية السلمية": an adjective after the definite word it describes; after a
    # place cue ("مدينة السلمية") or a preposition ("على السلمية") it is the town
    assert not any(
        "سلمي" in covered
        for covered, _ in mentions("كانوا يعملون في مجال الصناعات الكيميائية السلمية")
    )
    for text in ("قتل شخصان في قصف على مدينة السلمية", "قتل شخصان في قصف على السلمية"):
        [event] = pipeline.extract(text, published=date(2018, 4, 14))
        assert event.location == "السلمية", text


def test_a_common_word_is_no_misspelt_village_after_a_settlement_cue() -> None:
    # "إحياء العملية السياسية": "أحياء" reads as "quarters", and "العملية" is one letter from
    # the villages العلية and عمية; the operation is no place
    assert mentions("عبرت فرنسا عن ترحيبها بمساعي إحياء العملية السياسية") == []


def test_a_capital_that_denies_with_an_object_pronoun_is_its_government() -> None:
    # "وهو ما نفته دمشق": the verb of speech carries its object; Damascus speaks
    found = mentions("في هجوم كيماوي على الغوطة، وهو ما نفته دمشق ووصفته بالمسرحية")
    assert not any("دمشق" in covered for covered, _ in found)


def test_the_capital_a_deal_is_made_with_is_its_government() -> None:
    # "وافقت بلدات في محافظة درعا على اتفاق للمصالحة مع دمشق": the deal is in Daraa
    found = mentions("وافقت ثماني بلدات في محافظة درعا على اتفاق للمصالحة مع دمشق")
    assert [place.value.place.admin1_pcode for _, place in found] == ["SY12"]


def test_a_governorate_named_as_such_is_the_governorate() -> None:
    # Who's On First names Latakia's point "مُحافظة اللاذقية"; in a report it is the governorate
    mention = only("في محافظة اللاذقية الساحلية").value
    assert mention.place.kind == "admin1"


@pytest.mark.parametrize(
    "text",
    [
        "الضحية استهدف من قبل مجموعة من حماة الأبقار",  # "protectors", the plural of حامي
        "وأشاد بتضحيات حماة الديار",
        "ثم أظهرت الفيديوهات الجندي يطلق النار عن قرب على رأسه",  # "at close range on"
        "انقلب قطار يربط بين مدينتي الدار البيضاء والرباط",  # Casablanca
    ],
)
def test_words_that_spell_a_syrian_place_and_mean_something_else(text: str) -> None:
    assert mentions(text) == []


def test_the_ally_of_a_capital_names_its_government_not_a_place() -> None:
    # "روسيا، الحليف القوي لدمشق"، "الطائرات الروسية الداعمة لدمشق"
    assert mentions("وسط رهان على أن ذلك يصب في صالح روسيا، الحليف القوي لدمشق") == []
    assert mentions("وقالت إيران الداعمة لدمشق إن الضربات غير قانونية") == []


def test_a_quarter_south_of_the_capital_is_kept_over_the_capital(pipeline):
    # "حي التضامن جنوب دمشق": the capital named as its governorate locates the quarter
    text = "اشتباكات عنيفة بين قوات النظام وتنظيم داعش في حي التضامن جنوب دمشق"
    [event] = pipeline.extract(text, published=date(2018, 3, 13))
    assert event.location == "حي التضامن"


def test_kurdish_is_an_adjective_not_a_village(pipeline):
    text = "قصفت القوات التركية مواقع القوات الكردية في بلدة كردية قرب عفرين."
    found = pipeline.extract(text, published=date(2018, 3, 19))
    assert "كردية" not in {e.location for e in found}


def test_a_place_located_by_a_place_abroad_is_its_namesake_there() -> None:
    # "قرية دوما قرب نابلس": the West Bank's Duma, not Syria's; "دمشق وإيران" is a list
    gazetteer = Gazetteer.default()
    doc = Document.from_text("أضرموا النار في منزل عائلة في قرية دوما قرب نابلس.")
    assert gazetteer.find_places(doc) == []
    doc = Document.from_text("قصفت الطائرات مدينة دوما قرب دمشق.")
    assert [m.value.place.name_ar for m in gazetteer.find_places(doc)][:1] == ["دوما"]


@pytest.mark.parametrize("direction", ["جنوب", "جنوبي"])
def test_a_town_south_of_the_capital_lies_in_its_countryside(pipeline, direction):
    # "مدينة الكسوة جنوب دمشق": Kisweh is in Rural Damascus, 16 km from the centre; the
    # capital locates it and does not take its place
    text = f"غارات إسرائيلية تستهدف محيط مدينة الكسوة {direction} دمشق"
    [event] = pipeline.extract(text, published=date(2025, 2, 25))
    assert (event.location, event.admin1) == ("الكسوة", "Rural Damascus")


@pytest.mark.parametrize("label", ["#درعا |", "درعا |", "درعا:"])
def test_a_governorate_labelling_a_post_is_no_place_of_its_own(pipeline, label):
    # a hashtag or a name before a bar or a colon labels the line; its one act is at Tafas
    text = f"{label} مقتل شاب برصاص مجهولين في مدينة طفس غربي درعا"
    [event] = pipeline.extract(text, published=date(2024, 5, 6))
    assert (event.location, event.fatalities) == ("طفس", 1)


def test_two_quarters_named_with_the_dual_are_both_quarters_of_the_city(pipeline):
    # "في حيي الشيخ مقصود والأشرفية": the dual of "حي"; Aleppo's Ashrafiyeh, not Homs's village
    text = (
        "أعلنت وزارة الدفاع التوصل إلى اتفاق لوقف إطلاق النار مع قسد في حيي الشيخ مقصود والأشرفية"
    )
    events = pipeline.extract(text, published=date(2025, 10, 6))
    assert {(e.location, e.admin1) for e in events} == {
        ("حي الشيخ مقصود", "Aleppo"),
        ("حي الأشرفية", "Aleppo"),
    }


def test_a_district_is_placed_at_its_seat_not_its_desert_centre(pipeline):
    # "منطقة دوما": Duma district, coded to its main town (codebook), not the centre of its
    # polygon 110 km east in the desert
    [event] = pipeline.extract(
        "قصفت الطائرات منطقة دوما في الغوطة الشرقية.", published=date(2018, 4, 10)
    )
    assert event.geo_precision == 3
    assert abs(event.latitude - 33.571) < 0.05 and abs(event.longitude - 36.405) < 0.05


def test_a_quarter_cue_takes_the_quarter_over_a_region_of_its_name(pipeline):
    # "في حيي الغوطة والمحطة" after "مدينة حمص": Homs's al-Ghouta quarter, not Eastern Ghouta
    text = (
        "وكانت مدينة حمص قد شهدت هجوما نفذه انتحاريون على مقرين للأمن العسكري في حيي الغوطة "
        "والمحطة."
    )
    events = pipeline.extract(text, published=date(2017, 3, 12))
    assert ("حي الغوطة", "Homs") in {(e.location, e.admin1) for e in events}
    assert {e.admin1 for e in events} == {"Homs"}


def test_residential_quarters_are_no_village(pipeline):
    # "أحياء سكنية": residential, not Sukkariyah read one letter off; the one dead stays whole
    text = "قصفت قسد بقذائف الهاون أحياء سكنية في مدينة حلب، ما أسفر عن مقتل امرأة."
    [event] = pipeline.extract(text, published=date(2025, 10, 6))
    assert (event.location, event.fatalities) == ("حلب", 1)


@pytest.mark.parametrize("text", ["قصفت الطائرات في سرمين أمس", "قصفت الطائرات بسرمين أمس"])
def test_a_sub_district_seat_named_bare_after_in_is_a_place(text) -> None:
    # Sarmin seats its sub-district: a town, named bare after "في" or with "ب" glued on
    doc = Document.from_text(text)
    assert [m.value.place.name_ar for m in Gazetteer.default().find_places(doc)] == ["سرمين"]


def test_a_seat_named_with_the_article_is_no_place_without_a_cue() -> None:
    # "مكثت في القبو": the basement, though al-Qabu seats its sub-district
    doc = Document.from_text("مكثت في القبو لمدة ست ساعات بدأت بعدها أشعر بالاختناق")
    assert Gazetteer.default().find_places(doc) == []
