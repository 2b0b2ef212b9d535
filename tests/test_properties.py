"""Properties of the whole pipeline over generated text: it never crashes, and every event it
makes is valid against the §2 schema (tests/event_schema.json) with spans that map to the text.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rasad.model import Document

SCHEMA = json.loads((Path(__file__).parent / "event_schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
SETTINGS = settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

SENTENCES = [
    "قتل عنصران من قوات النظام بهجوم في مدينة الميادين.",
    "هاجم مسلحون مجهولون مقرات لميليشيا الدفاع الوطني ببلدة القورية والمياذين بريف دير الزور.",
    "وكان تنظيم داعش قد قتل ثلاثة عناصر من قوات النظام في مدينة البوكمال.",
    "مقتل ثلاثة من قوات النظام بكمين لتنظيم داعش في بادية الرصافة، يُرجح تبعيتهم لتنظيم داعش.",
    "استقدمت قوات النظام تعزيزات إلى مدينة الميادين تحسباً لهجمات تنظيم داعش.",
    "منذ بداية العام، قتل العشرات من عناصر قوات النظام في مدينة الميادين.",
    "قصفت الفرقة الرابعة بلدة كنصفرة بريف إدلب يوم أمس، ما أدى إلى مقتل مدنيين.",
    "دارت اشتباكات بين قوات النظام و هيئة تحرير الشام في بلدة كنصفرة في ٥ كانون الأول ٢٠٢٣.",
    "اعتقلت قوات النظام ثلاثة شبان في مدينة درعا، في حين اختطف مسلحون طفلاً في الصنمين.",
    "قُتِلَ مدنيّانِ بغاراتٍ للطيران الروسي على بلدة كنصفرة في شهر أغسطس الماضي.",
]
ARABIC_PIECES = (
    list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآٱىةؤئ")
    + [chr(c) for c in range(0x064B, 0x0653)]  # tanwin, harakat, shadda, sukun
    + ["\u0640", "\u0670", "\u200f", "\u200c"]  # tatweel, superscript alef, RLM, ZWNJ
    + list("٠١٢٣٤٥٦٧٨٩۰۱۲0123456789")
    + list("،؛؟.,:!«»\"'()-")
    + [" ", " ", " ", "\n", "\n\n", ".."]
    + [
        "و",
        "ب",
        "ل",
        "لل",
        "ال",
        "وبال",
        "قتل",
        "مقتل",
        "هجوم",
        "غارة",
        "عبوة ناسفة",
        "قوات النظام",
        "تنظيم داعش",
        "مدينة الميادين",
        "بريف دير الزور",
        "وكان",
        "قد",
        "فيما",
        "بين",
        "عنصرين",
        "أمس",
        "يوم السبت",
        "منذ بداية العام",
        "بهدف",
        "التابعة",
        "لـ",
        "نفذته",
    ]
)
RANDOM_UNICODE = st.text(max_size=300)
RANDOM_ARABIC = st.lists(st.sampled_from(ARABIC_PIECES), max_size=120).map("".join)
MIXTURES = st.lists(
    st.one_of(st.sampled_from(SENTENCES), RANDOM_ARABIC, st.text(max_size=20)), max_size=6
).map(lambda parts: " ".join(parts))
PUBLISHED = st.one_of(st.none(), st.dates(min_value=date(2011, 1, 1), max_value=date(2026, 12, 31)))


def check(pipeline, text: str, published: date | None) -> None:
    doc = pipeline(Document(id="p", text=text, published=published))
    for event in doc.events:
        record = event.to_dict()
        errors = sorted(VALIDATOR.iter_errors(record), key=str)
        assert not errors, (text, [e.message for e in errors])
        for span in event.evidence:
            assert 0 <= span.start <= span.end <= len(text)
            assert text[span.start : span.end] == span.text
        if event.event_date is None:
            assert event.time_precision is None


def test_schema_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert len(SCHEMA["properties"]["sub_event_type"]["enum"]) == 25


def test_schema_rejects_a_broken_event(pipeline):
    (event,) = pipeline.extract(
        "قتل عنصران من قوات النظام بهجوم في مدينة الميادين.", published=date(2023, 12, 9)
    )
    record = event.to_dict()
    assert VALIDATOR.is_valid(record)
    assert not VALIDATOR.is_valid({**record, "sub_event_type": "Peaceful protest"})
    assert not VALIDATOR.is_valid({**record, "time_precision": 4})
    assert not VALIDATOR.is_valid({k: v for k, v in record.items() if k != "notes"})


@pytest.mark.parametrize("sentence", SENTENCES)
def test_every_sample_sentence_gives_valid_events(pipeline, sentence):
    check(pipeline, sentence, date(2023, 12, 9))


@SETTINGS
@given(text=RANDOM_UNICODE, published=PUBLISHED)
def test_random_unicode_never_crashes(pipeline, text, published):
    check(pipeline, text, published)


@SETTINGS
@given(text=RANDOM_ARABIC, published=PUBLISHED)
def test_random_arabic_with_marks_digits_and_punctuation_never_crashes(pipeline, text, published):
    check(pipeline, text, published)


@SETTINGS
@given(text=MIXTURES, published=PUBLISHED)
def test_sample_sentences_mixed_with_noise_give_valid_events(pipeline, text, published):
    check(pipeline, text, published)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(parts=st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=5))
def test_sample_sentences_alone_give_events_and_stable_ids(pipeline, parts):
    text = " ".join(parts)
    first = pipeline.extract(text, published=date(2023, 12, 9))
    second = pipeline.extract(text, published=date(2023, 12, 9))
    assert [e.to_dict() for e in first] == [e.to_dict() for e in second]
    check(pipeline, text, date(2023, 12, 9))
