"""Small Arabic reports for the store tests: one ambush told twice, two ambushes on one day."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from rasad.ingest import document_from_record
from rasad.model import Document
from rasad.pipeline import Pipeline

FIXTURES = Path(__file__).parent / "fixtures"

REPORTS = [
    {
        "id": "sy24-shula",
        "outlet": "SY24",
        "url": "https://example.org/sy24/shula",
        "published": "2023-12-14",
        "text": "قتل سبعة عناصر من قوات النظام يوم الثلاثاء بكمين نصبه مسلحون من تنظيم داعش "
        "قرب قرية الشولا في بادية دير الزور.",
    },
    {
        "id": "orient-shula",
        "outlet": "أورينت نت",
        "url": "https://example.org/orient/shula",
        "published": "2023-12-14",
        "text": "قتل أكثر من 5 عناصر من قوات النظام في كمين نفذه تنظيم داعش قرب قرية الشولا "
        "جنوب دير الزور يوم الثلاثاء.",
    },
    {
        "id": "dz24-thiban",
        "outlet": "دير الزور 24",
        "published": "2023-12-14",
        "text": "قتل ثلاثة عناصر من قوات النظام بكمين نصبه تنظيم داعش قرب بلدة ذيبان بريف دير "
        "الزور الشرقي اليوم.",
    },
    {
        "id": "dz24-shiheil",
        "outlet": "دير الزور 24",
        "published": "2023-12-14",
        "text": "قتل أربعة عناصر من قوات النظام بكمين نصبه تنظيم داعش قرب بلدة الشحيل بريف دير "
        "الزور الشرقي اليوم.",
    },
    {
        "id": "baladi-mayadin",
        "outlet": "بلدي نيوز",
        "published": "2023-12-16",
        "text": "وقتل اليوم عنصران من قوات النظام بهجوم في مدينة الميادين. وكان سبعة عناصر من قوات "
        "النظام قد قتلوا بكمين نصبه تنظيم داعش قرب قرية الشولا يوم الثلاثاء الماضي.",
    },
]


def report(pipeline: Pipeline, doc_id: str) -> Document:
    """The report ``doc_id`` of REPORTS, through the pipeline."""
    record = next(r for r in REPORTS if r["id"] == doc_id)
    return pipeline(document_from_record(record, origin="store_reports"))


def sample_articles(pipeline: Pipeline) -> list[Document]:
    """The five bundled sample articles, through the pipeline."""
    with open(FIXTURES / "articles.jsonl", encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    return [pipeline(document_from_record(r, origin="articles")) for r in records]


def edited_copy(pipeline: Pipeline, original: Document, doc_id: str = "zz-copy") -> Document:
    """Another outlet's lightly edited copy of ``original``: new headline, tagline, one word."""
    text = (
        "خاص - شبكة الخابور\n"
        + original.text.replace("قوات الأسد", "قوات النظام", 1)
        + "\nتابعونا على تلغرام"
    )
    copy = Document(
        id=doc_id,
        text=text,
        outlet="الخابور",
        url="https://example.org/copy",
        published=original.published,
    )
    return pipeline(replace(copy))
