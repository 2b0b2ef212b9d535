"""Arabic normalisation: what is removed, what is unified, and the map back to the original."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasad.normalise import normalise, normalise_key

# -- diacritics -------------------------------------------------------------------------------


def test_harakat_fatha_damma_kasra_sukun_are_removed():
    assert normalise("قُتِلَ").text == "قتل"
    assert normalise("مَقْتَل").text == "مقتل"


def test_shadda_is_removed():
    assert normalise("شنّه").text == "شنه"
    assert normalise("قوّات").text == "قوات"


def test_tanwin_is_removed():
    # fathatan on alef ("حاجزاً"), dammatan and kasratan
    assert normalise("حاجزاً").text == "حاجزا"
    assert normalise("هجومٌ").text == "هجوم"
    assert normalise("بكمينٍ").text == "بكمين"


def test_superscript_alef_is_removed():
    assert normalise("هٰذا").text == "هذا"


def test_tatweel_is_removed():
    assert normalise("قـــتل").text == "قتل"
    assert normalise("لـ داعش").text == "ل داعش"


def test_direction_marks_and_joiners_are_removed():
    assert normalise("\u200fقتل\u200c عنصر\u200e").text == "قتل عنصر"


# -- letters ----------------------------------------------------------------------------------


def test_hamza_alef_forms_become_bare_alef():
    assert normalise("أ إ آ ٱ").text == "ا ا ا ا"
    assert normalise("إدلب").text == "ادلب"
    assert normalise("آليات").text == "اليات"
    assert normalise("ٱلله").text == "الله"


def test_alef_maqsura_becomes_ya():
    assert normalise("على").text == "علي"
    assert normalise("مستشفى").text == "مستشفي"


def test_ta_marbuta_becomes_ha():
    assert normalise("مدينة").text == "مدينه"
    assert normalise("غارة جوية").text == "غاره جويه"


def test_hamza_on_seats_is_unified():
    assert normalise("مسؤول").text == "مسوول"
    assert normalise("طائرة").text == "طايره"


def test_persian_letters_become_arabic():
    assert normalise("کی").text == "كي"


def test_latin_capitals_are_lowered():
    assert normalise("SY24").text == "sy24"


# -- digits and punctuation -------------------------------------------------------------------


def test_eastern_arabic_digits_become_ascii():
    assert normalise("٠١٢٣٤٥٦٧٨٩").text == "0123456789"
    assert normalise("٩ ديسمبر ٢٠٢٣").text == "9 ديسمبر 2023"


def test_persian_digits_become_ascii():
    assert normalise("۰۱۲۳۴۵۶۷۸۹").text == "0123456789"


def test_arabic_comma_semicolon_question_mark_become_ascii():
    normal = normalise("قتل عنصران، فيما أصيب ثالث؛ لماذا؟").text
    assert normal == "قتل عنصران, فيما اصيب ثالث; لماذا?"


def test_arabic_decimal_separator_and_percent():
    assert normalise("٢٫٥ ٪").text == "2.5 %"


def test_guillemets_become_ascii_quotes():
    assert normalise("«الرصافة»").text == '"الرصافه"'


def test_normalise_key_collapses_spaces_and_normalises():
    assert normalise_key("  تنظيمُ   داعش\n") == "تنظيم داعش"
    assert normalise_key("قوّات  الأسد") == "قوات الاسد"


# -- offsets ----------------------------------------------------------------------------------


def test_offsets_are_identity_when_nothing_is_deleted():
    n = normalise("قتل 3 عناصر بريف إدلب")
    assert n.run_starts == n.run_origins == ()
    assert n.original_span(6, 11) == (6, 11)


def test_docstring_example_span_maps_back_over_diacritics():
    original = "قُتِلَ ٣ عناصر بِريف إدلب"
    n = normalise(original)
    assert n.text == "قتل 3 عناصر بريف ادلب"
    start, end = n.original_span(6, 11)
    assert (start, end) == (9, 14)
    assert original[start:end] == "عناصر"


def test_span_with_diacritics_inside_covers_them():
    original = "هجوم شنّه مسلّحون"
    n = normalise(original)
    s = n.text.index("مسلحون")
    start, end = n.original_span(s, s + len("مسلحون"))
    assert original[start:end] == "مسلّحون"


def test_span_of_word_ending_in_tanwin_stops_before_the_mark():
    # The tanwin after the last letter is not part of the normalised match; the span ends at
    # the last kept character, so the original slice normalises back to the match.
    original = "هاجموا حاجزاً"
    n = normalise(original)
    s = n.text.index("حاجزا")
    start, end = n.original_span(s, s + 5)
    assert original[start:end] == "حاجزا"
    assert normalise(original[start:end]).text == "حاجزا"


def test_span_over_tatweel_and_eastern_digits():
    original = "قُتل ٣ عنـــاصر"
    n = normalise(original)
    assert n.text == "قتل 3 عناصر"
    s = n.text.index("3")
    assert original[slice(*n.original_span(s, s + 1))] == "٣"
    s = n.text.index("عناصر")
    assert original[slice(*n.original_span(s, s + 5))] == "عنـــاصر"


def test_empty_span_maps_to_an_empty_original_span():
    original = "قُتل عنصر"
    n = normalise(original)
    start, end = n.original_span(4, 4)
    assert start == end
    assert n.original_span(len(n.text), len(n.text)) == (len(original), len(original))


def test_every_match_maps_to_exact_original_characters():
    original = "قُتِلَ عنصرانِ منْ قوّاتِ النّظام بهجومٍ في مدينةِ المَيادين"
    n = normalise(original)
    for word in ("قتل", "عنصران", "قوات", "النظام", "بهجوم", "مدينه", "الميادين"):
        s = n.text.index(word)
        start, end = n.original_span(s, s + len(word))
        assert normalise(original[start:end]).text == word
        assert not original[start:end].startswith(" ") and not original[end - 1 : end].isspace()


def test_normalise_of_empty_text():
    n = normalise("")
    assert n.text == ""
    assert n.original_span(0, 0) == (0, 0)


# -- properties -------------------------------------------------------------------------------

ARABIC = st.sampled_from(
    list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآٱىةؤئ")
    + [chr(c) for c in range(0x064B, 0x0653)]  # tanwin, harakat, shadda, sukun
    + ["\u0640", "\u0670", "\u200f", "\u200c"]
    + list("٠١٢٣٤٥٦٧٨٩۰۱۲۳٫،؛؟«» .,\n")
)
TEXTS = st.one_of(st.text(max_size=60), st.lists(ARABIC, max_size=60).map("".join))


@settings(max_examples=100, deadline=None)
@given(TEXTS, st.data())
def test_any_span_maps_back_to_original_that_normalises_to_it(text, data):
    n = normalise(text)
    assert len(n.text) <= len(text)
    start = data.draw(st.integers(0, len(n.text)))
    end = data.draw(st.integers(start, len(n.text)))
    o_start, o_end = n.original_span(start, end)
    assert 0 <= o_start <= o_end <= len(text)
    piece = text[o_start:o_end]
    assert normalise(piece).text == n.text[start:end]
    assert normalise_key(piece) == normalise_key(n.text[start:end])


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_normalise_never_raises_and_is_idempotent(text):
    once = normalise(text).text
    assert normalise(once).text == once
    assert normalise_key(normalise_key(text)) == normalise_key(text)
