"""Blanking page furniture out of the sample articles, keeping offsets and body text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasad.clean import clean, clean_text, load_furniture
from rasad.model import Document

ARTICLES = Path(__file__).parent / "fixtures" / "articles.jsonl"


def load_samples() -> dict[str, Document]:
    samples = {}
    with ARTICLES.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            samples[record["id"]] = Document(
                id=record["id"],
                text=record["text"],
                title=record["title"],
                outlet=record["outlet"],
            )
    return samples


SAMPLES = load_samples()
SAMPLE_IDS = sorted(SAMPLES)


def cleaned(doc_id: str) -> tuple[Document, str]:
    doc = SAMPLES[doc_id]
    clean(doc)
    return doc, clean_text(doc)


def lines_of(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


@pytest.mark.parametrize("doc_id", SAMPLE_IDS)
def test_body_has_exactly_the_length_and_newlines_of_text(doc_id):
    doc, _ = cleaned(doc_id)
    assert len(doc.body) == len(doc.text)
    assert [i for i, c in enumerate(doc.body) if c == "\n"] == [
        i for i, c in enumerate(doc.text) if c == "\n"
    ]
    kept = [(b, t) for b, t in zip(doc.body, doc.text, strict=True) if b != " "]
    assert all(b == t for b, t in kept)


@pytest.mark.parametrize("doc_id", SAMPLE_IDS)
def test_share_lines_are_gone(doc_id):
    _, text = cleaned(doc_id)
    for button in ("Facebook", "Twitter", "WhatsApp", "Telegram", "مشاركة:"):
        assert button not in text


@pytest.mark.parametrize("doc_id", SAMPLE_IDS)
def test_comment_counters_bylines_and_sidebars_are_gone(doc_id):
    _, text = cleaned(doc_id)
    for furniture in (
        "التعليقات",
        "الأكثر قراءة",
        "أهم المواضيع",
        "أهم التصنيفات",
        "الكاتب:",
        "ـــ",
        "It's Over 9000",
    ):
        assert furniture not in text
    assert "0" not in lines_of(text)


@pytest.mark.parametrize("doc_id", SAMPLE_IDS)
def test_headline_appears_once(doc_id):
    doc, text = cleaned(doc_id)
    assert lines_of(text).count(doc.title) == 1
    assert lines_of(text)[0] == doc.title


def test_read_also_heading_and_its_list_to_the_end_are_gone():
    _, text = cleaned("002_d87c1a564238ec45")
    assert "إقرأ أيضاً" not in text
    assert "غسان عبود" not in text
    assert "عاطف نجيب" not in text
    assert text.endswith("في عدد من المناطق بالمحافظة.")


def test_empty_read_also_heading_is_gone():
    _, text = cleaned("000_d9af357cd68cf0d4")
    assert "اقرأ أيضاً" not in text
    assert text.endswith("أو إجبارهم على التطوع بصفوفها.")


def test_related_articles_heading_and_its_list_are_gone():
    _, text = cleaned("003_42dbeaa18aa37cdc")
    assert "مقالات ذات صلة" not in text
    assert "دبلوماسي غربي" not in text
    assert "الشبيبة الثورية" not in text
    assert text.endswith("مما أجبرهم على الانسحاب")


def test_dateline_is_kept():
    _, text = cleaned("000_d9af357cd68cf0d4")
    assert "● أخبار سورية ٩ ديسمبر ٢٠٢٣" in lines_of(text)


def test_outlet_bylines_are_gone():
    assert "SY24 -خاص" not in cleaned("001_b9e175c1fa34ede7")[1]
    assert "فريق التحرير" not in cleaned("002_d87c1a564238ec45")[1]
    assert "بلدي نيوز" not in lines_of(cleaned("003_42dbeaa18aa37cdc")[1])


@pytest.mark.parametrize("doc_id", SAMPLE_IDS)
def test_every_body_paragraph_is_kept(doc_id):
    doc, text = cleaned(doc_id)
    kept = set(lines_of(text))
    # Related-article headlines run to 16 words; report paragraphs are longer.
    paragraphs = [line for line in lines_of(doc.text) if len(line.split()) >= 20]
    assert paragraphs
    assert [line for line in paragraphs if line not in kept] == []


def test_subheadings_inside_the_body_are_kept():
    _, text = cleaned("002_d87c1a564238ec45")
    assert "محاولات اقتحام متكررة وخيبة أمل" in lines_of(text)
    assert "ميليشيات الأسد تعزز نقاطها في محافظة درعا" in lines_of(text)


def test_related_block_ends_at_a_body_paragraph():
    paragraph = (
        "وقالت مصادر محلية إن عنصرين من قوات النظام قتلا بانفجار عبوة ناسفة "
        "استهدفت سيارتهما على الطريق بين الميادين والبوكمال بريف دير الزور الشرقي."
    )
    doc = Document(id="d", text=f"عنوان الخبر\n\nاقرأ أيضاً:\nعنوان مقال آخر\n\n{paragraph}\n")
    assert clean_text(doc) == f"عنوان الخبر\n\n{paragraph}"


def test_read_also_with_link_on_the_same_line_is_gone_and_the_next_line_kept():
    doc = Document(id="d", text="خبر عن درعا\nاقرأ أيضا: عنوان مقال آخر\nقتل عنصران")
    assert clean_text(doc) == "خبر عن درعا\nقتل عنصران"


def test_arabic_site_name_tail_on_title_is_kept_unless_it_is_the_outlet():
    doc = Document(id="d", text="هجوم على حاجز - درعا البلد\nنص الخبر.")
    assert clean_text(doc).startswith("هجوم على حاجز - درعا البلد")
    doc = Document(id="d", text="هجوم على حاجز - عنب بلدي\nنص الخبر.", outlet="عنب بلدي")
    assert clean_text(doc).startswith("هجوم على حاجز\n")


def test_furniture_lexicon_loads_all_three_kinds():
    furniture = load_furniture()
    assert "facebook" in furniture.lines
    assert "الكاتب:" in furniture.prefixes
    assert "اقرا ايضا" in furniture.blocks


FURNITURE_PIECES = [
    "Facebook",
    "مشاركة: ",
    "اقرأ أيضاً:",
    "- عنوان",
    "التعليقات (3)",
    "0",
    "ـــــ ــ",
    "💡 أهم المواضيع",
    "الكاتب: فلان",
    "عنوان - Site",
    "\r",
    "\n",
    "\n\n",
    " ",
    "قتل ثلاثة.",
]


@settings(max_examples=300, deadline=None)
@given(
    text=st.one_of(
        st.text(),
        st.lists(st.sampled_from(FURNITURE_PIECES) | st.text(max_size=5)).map("".join),
    ),
    outlet=st.none() | st.text(max_size=8),
)
def test_clean_never_changes_length_and_never_raises(text, outlet):
    doc = clean(Document(id="d", text=text, outlet=outlet))
    assert len(doc.body) == len(doc.text)
    assert doc.body.count("\n") == text.count("\n")
    assert isinstance(clean_text(doc), str)
