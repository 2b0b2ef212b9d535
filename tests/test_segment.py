"""Sentences, clauses and headlines of a normalised document."""

from __future__ import annotations

import pytest

from rasad.model import Document
from rasad.segment import segment


def split(text: str, title: str | None = None) -> list[tuple[str, bool, list[str]]]:
    """(sentence, is_title, clauses) of ``text``, in normalised characters."""
    doc = segment(Document.from_text(text, title=title))
    assert doc.norm is not None
    norm = doc.norm.text
    return [
        (norm[s.start : s.end], s.is_title, [norm[a:b] for a, b in s.clauses])
        for s in doc.sentences
    ]


def sentences(text: str, title: str | None = None) -> list[str]:
    return [s for s, _, _ in split(text, title)]


def clauses(text: str) -> list[str]:
    return [c for _, _, cs in split(text) for c in cs]


# -- sentences --------------------------------------------------------------------------------


def test_docstring_example_full_stop_and_fima():
    assert clauses("قتل عنصران، فيما أصيب ثالث. وصلت تعزيزات.") == [
        "قتل عنصران",
        "فيما اصيب ثالث",
        "وصلت تعزيزات",
    ]


def test_sentences_end_at_full_stops():
    assert sentences("قتل عنصران. أصيب ثالث. وصلت تعزيزات.") == [
        "قتل عنصران",
        "اصيب ثالث",
        "وصلت تعزيزات",
    ]


def test_sentences_end_at_arabic_question_mark_and_exclamation():
    assert sentences("من قتل العنصرين؟ لا أحد يعرف! وصلت تعزيزات.") == [
        "من قتل العنصرين",
        "لا احد يعرف",
        "وصلت تعزيزات",
    ]


def test_sentences_end_at_line_breaks_and_paragraphs_count():
    doc = segment(Document.from_text("قتل عنصران من قوات النظام.\n\nوصلت تعزيزات إلى المدينة."))
    assert [s.paragraph for s in doc.sentences] == [0, 1]


def test_decimal_number_is_not_a_sentence_end():
    assert sentences("سقط 2.5 طن من المتفجرات على البلدة. وصلت تعزيزات.") == [
        "سقط 2.5 طن من المتفجرات علي البلده",
        "وصلت تعزيزات",
    ]


def test_eastern_decimal_separator_is_not_a_sentence_end():
    first = sentences("سقط ٢٫٥ طن من المتفجرات على البلدة. وصلت تعزيزات.")[0]
    assert first.startswith("سقط 2.5 طن")


def test_ellipsis_ends_a_sentence():
    # "قتلى بينهم ضابط في البادية.. النظام يعلق التمشيط": a headline in two parts
    assert sentences("قتلى بينهم ضابط في البادية.. النظام يعلق التمشيط.") == [
        "قتلي بينهم ضابط في الباديه",
        "النظام يعلق التمشيط",
    ]


def test_sentence_spans_trim_punctuation_and_spaces():
    doc = segment(Document.from_text("  «قتل عنصران».  "))
    assert doc.norm is not None
    (sentence,) = doc.sentences
    assert doc.norm.text[sentence.start : sentence.end] == "قتل عنصران"


def test_empty_text_has_no_sentences():
    assert segment(Document.from_text("")).sentences == []
    assert segment(Document.from_text(" .\n\n، ")).sentences == []


# -- clauses ----------------------------------------------------------------------------------


def test_clause_split_at_comma_fima():
    assert clauses("قتل عنصران في الميادين، فيما أصيب ثالث بجروح.") == [
        "قتل عنصران في الميادين",
        "فيما اصيب ثالث بجروح",
    ]


def test_clause_split_at_comma_fi_hin():
    assert clauses("قتل عنصران في الميادين، في حين أصيب ثالث بجروح.") == [
        "قتل عنصران في الميادين",
        "في حين اصيب ثالث بجروح",
    ]


def test_no_clause_split_at_fima_without_a_comma():
    assert clauses("قتل عنصران في الميادين فيما أصيب ثالث بجروح.") == [
        "قتل عنصران في الميادين فيما اصيب ثالث بجروح",
    ]


def test_clause_split_before_recap_cue_keeps_the_conjunction():
    # "، وكان آخرها": the recap begins at the و glued to the cue
    assert clauses("تتعرض حواجز النظام لهجمات متكررة، وكان آخرها قبل أيام في البوكمال.") == [
        "تتعرض حواجز النظام لهجمات متكرره",
        "وكان اخرها قبل ايام في البوكمال",
    ]


def test_clause_split_before_recap_start_after_a_comma():
    assert clauses("قتل عنصران في الميادين، وكانت دورية قد داهمت منزلا.") == [
        "قتل عنصران في الميادين",
        "وكانت دوريه قد داهمت منزلا",
    ]


def test_recap_start_word_mid_clause_does_not_cut():
    assert clauses("قتل عنصران في الميادين وكانت دورية قد داهمت منزلا.") == [
        "قتل عنصران في الميادين وكانت دوريه قد داهمت منزلا",
    ]


def test_recap_phrase_cuts_without_a_comma():
    assert clauses("قتل عنصران في الميادين بعد أيام من مقتل ثالث.") == [
        "قتل عنصران في الميادين",
        "بعد ايام من مقتل ثالث",
    ]


def test_clause_split_at_reporting_verb_after_a_comma():
    assert clauses("قتل عنصران في الميادين، أضافت الشبكة أن التوتر يتصاعد.") == [
        "قتل عنصران في الميادين",
        "اضافت الشبكه ان التوتر يتصاعد",
    ]


def test_clause_split_at_comma_when_the_opener_carries_wa():
    assert clauses("قتل عنصران في الميادين، وأضافت الشبكة أن التوتر يتصاعد.") == [
        "قتل عنصران في الميادين",
        "واضافت الشبكه ان التوتر يتصاعد",
    ]


def test_clauses_lie_inside_their_sentence():
    doc = segment(Document.from_text("قتل عنصران، فيما أصيب ثالث، في حين وصلت تعزيزات. انتهى."))
    for sentence in doc.sentences:
        for start, end in sentence.clauses:
            assert sentence.start <= start < end <= sentence.end


# -- headlines --------------------------------------------------------------------------------


def test_short_standalone_first_line_is_a_headline():
    result = split(
        "مقتل عنصرين بهجوم في الميادين\nقتل عنصران من قوات النظام بهجوم في مدينة الميادين."
    )
    assert [(s, title) for s, title, _ in result] == [
        ("مقتل عنصرين بهجوم في الميادين", True),
        ("قتل عنصران من قوات النظام بهجوم في مدينه الميادين", False),
    ]


def test_short_sub_heading_between_paragraphs_is_marked():
    result = split(
        "قتل عنصران من قوات النظام بهجوم في مدينة الميادين.\n"
        "توتر في الميادين\n"
        "وصلت تعزيزات إلى المدينة. قتل عنصر آخر."
    )
    assert [title for _, title, _ in result] == [False, True, False, False]


def test_line_ending_with_full_stop_is_prose_not_a_heading():
    result = split("قتل عنصران في الميادين.\nوصلت تعزيزات إلى المدينة.")
    assert [title for _, title, _ in result] == [False, False]


def test_long_standalone_line_is_not_a_heading():
    long_line = " ".join(["كلمة"] * 20)
    result = split(f"{long_line}\nقتل عنصران في الميادين.")
    assert [title for _, title, _ in result] == [False, False]


def test_line_equal_to_doc_title_is_a_headline_even_when_long():
    title = (
        "مقتل عنصرين من قوات النظام بهجوم في مدينة الميادين وسط تصاعد التوتر بين الميليشيات "
        "في ريف دير الزور الشرقي اليوم"
    )
    text = f"{title}.\nقتل عنصران من قوات النظام بهجوم في مدينة الميادين."
    assert [t for _, t, _ in split(text)] == [False, False]
    assert [t for _, t, _ in split(text, title=title)] == [True, False]


def test_title_with_diacritics_matches_the_line_without():
    line = "من قوات النظام في الميادين وسط تصاعد التوتر بين الميليشيات في ريف دير الزور"
    text = f"مقتل عنصرين {line}.\nقتل عنصران."
    title = "مقتلُ عنصرين من قوّات النظام" + line.removeprefix("من قوات النظام")
    assert split(text, title=title)[0][1] is True


def test_segment_normalises_body_when_not_done():
    doc = Document(id="d", text="قُتل عنصران. وصلت تعزيزات.")
    segment(doc)
    assert doc.norm is not None and doc.norm.text.startswith("قتل")
    assert len(doc.sentences) == 2


def test_what_an_act_led_to_opens_a_clause_without_a_comma():
    doc = Document(id="d", text="الهجوم على دوما الذي دفع الولايات المتحدة إلى شن غارات.")
    clauses = [doc.norm.text[c[0] : c[1]] for s in segment(doc).sentences for c in s.clauses]
    assert clauses == ["الهجوم علي دوما", "الذي دفع الولايات المتحده الي شن غارات"]


def test_an_act_added_with_kama_after_a_comma_is_a_clause_of_its_own():
    # "، كما اختطف مسلحون": "كما" and an act's word after it tell another act; "كما أفاد"
    # or "كما أن" do not cut
    assert clauses("قتل شاب في بلدة المزيريب، كما اختطف مسلحون رجلا في مدينة جاسم.") == [
        "قتل شاب في بلده المزيريب",
        "كما اختطف مسلحون رجلا في مدينه جاسم",
    ]
    assert len(clauses("قتل شاب في بلدة المزيريب، كما أن الوضع متوتر.")) == 1


@pytest.mark.parametrize("initial", ["القيادي (ف.ح) في حمص", "قال د. أحمد إن"])
def test_the_stop_of_an_initial_ends_no_sentence(initial):
    # "(ف.ح)"، "د.": a letter standing alone before the stop is an initial or a title
    doc = segment(Document(id="d", text=f"اعتقلت دورية {initial} أمس."))
    assert len(doc.sentences) == 1
