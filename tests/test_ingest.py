"""Reading JSON lines, text, HTML, directories and stdin into Documents, and every bad input."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from rasad.errors import InputError
from rasad.ingest import (
    MIN_ARABIC_LETTER_SHARE,
    count_letters,
    document_from_html,
    document_from_record,
    read_documents,
)
from rasad.model import Document

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLES = FIXTURES / "articles.jsonl"
ARABIC = "قتل ثلاثة عناصر من قوات النظام بهجوم على نقطة عسكرية في بادية دير الزور."

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>مقتل ثلاثة عناصر بهجوم في بادية دير الزور</title>
<meta property="article:published_time" content="2023-12-09T10:00:00+03:00">
<script>var tracking = "SCRIPT-TEXT";</script></head>
<body>
<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/sport">رياضة وملاعب</a></li></ul></nav>
<article><h1>مقتل ثلاثة عناصر بهجوم في بادية دير الزور</h1>
<p>قتل ثلاثة عناصر من قوات النظام السوري وأصيب آخرون بجروح، اليوم السبت، إثر هجوم شنه
مسلحون مجهولون على نقطة عسكرية في بادية الميادين بريف دير الزور الشرقي، بحسب مصادر محلية.</p>
<p>وأضافت المصادر أن المهاجمين استخدموا الأسلحة الرشاشة والقذائف الصاروخية، وانسحبوا باتجاه
عمق البادية، فيما استقدمت قوات النظام تعزيزات عسكرية إلى المنطقة وبدأت عملية تمشيط واسعة.</p>
</article>
<footer><p>جميع الحقوق محفوظة © 2019 موقع الأخبار</p><a href="/privacy">سياسة الخصوصية</a>
</footer></body></html>
"""


def line_of(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False) + "\n"


def read(*inputs: str | Path, stdin: io.TextIOBase | None = None) -> list[Document | InputError]:
    return list(read_documents([str(item) for item in inputs], stdin=stdin))


def documents(items: list[Document | InputError]) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def errors(items: list[Document | InputError]) -> list[InputError]:
    return [item for item in items if isinstance(item, InputError)]


def write_jsonl(path: Path, lines: list[str | bytes]) -> Path:
    path.write_bytes(b"".join(line if isinstance(line, bytes) else line.encode() for line in lines))
    return path


# Reading good input


def test_jsonl_fixture_gives_one_document_per_line_with_fields_and_origin():
    items = read(ARTICLES)
    assert errors(items) == []
    docs = documents(items)
    assert [doc.id for doc in docs] == [
        "000_d9af357cd68cf0d4",
        "001_b9e175c1fa34ede7",
        "002_d87c1a564238ec45",
        "003_42dbeaa18aa37cdc",
        "004_e0d21f5c204a8027",
    ]
    assert docs[0].published == date(2023, 12, 9)
    assert docs[1].published is None
    assert docs[1].outlet == "SY24"
    assert docs[2].title.startswith("الموت يلاحق ميليشيات الأسد في الساحل وديرالزور؛")
    assert docs[3].origin == f"{ARTICLES}:4"
    assert docs[4].text.startswith("خسائر جديدة لميليشيات أسد")


def test_txt_file_is_one_document_with_stem_id_and_first_line_title(tmp_path):
    path = tmp_path / "report-7.txt"
    path.write_text("\n  عنوان الخبر عن دير الزور  \n\n" + ARABIC + "\n", encoding="utf-8")
    [doc] = read(path)
    assert doc.id == "report-7"
    assert doc.title == "عنوان الخبر عن دير الزور"
    assert doc.text == path.read_text(encoding="utf-8")
    assert doc.origin == f"{path}:1"


def test_html_file_keeps_article_text_and_drops_nav_footer_script(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(ARTICLE_HTML, encoding="utf-8")
    [doc] = read(path)
    assert doc.id == "page"
    assert "بادية الميادين بريف دير الزور الشرقي" in doc.text
    assert "تعزيزات عسكرية" in doc.text
    assert "SCRIPT-TEXT" not in doc.text
    assert "رياضة وملاعب" not in doc.text
    assert "سياسة الخصوصية" not in doc.text
    assert doc.title == "مقتل ثلاثة عناصر بهجوم في بادية دير الزور"
    assert doc.published == date(2023, 12, 9)


def test_html_date_is_not_invented_from_copyright_footer():
    page = ARTICLE_HTML.replace(
        '<meta property="article:published_time" content="2023-12-09T10:00:00+03:00">', ""
    )
    doc = document_from_html(page, doc_id="page", origin="page.html:1", url=None)
    assert doc.published is None


def test_html_without_main_text_is_an_error_naming_the_document():
    with pytest.raises(InputError) as caught:
        document_from_html("<html><body><nav>x</nav></body></html>", doc_id="p", origin="p.html:1")
    assert caught.value.doc_id == "p"
    assert caught.value.field == "text"


def test_directory_reads_its_files_sorted_and_recursively(tmp_path):
    (tmp_path / "b.txt").write_text("عنوان\n" + ARABIC, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    write_jsonl(tmp_path / "sub" / "a.jsonl", [line_of({"id": "j1", "text": ARABIC})])
    (tmp_path / "sub" / "page.htm").write_text(ARTICLE_HTML, encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(ARABIC, encoding="utf-8")
    items = read(tmp_path)
    assert errors(items) == []
    assert [doc.id for doc in documents(items)] == ["b", "j1", "page"]


def test_stdin_dash_reads_json_lines():
    stdin = io.StringIO(
        line_of({"id": "s1", "text": ARABIC}) + line_of({"id": "s2", "text": ARABIC})
    )
    items = read("-", stdin=stdin)
    assert [doc.id for doc in documents(items)] == ["s1", "s2"]
    assert documents(items)[1].origin == "<stdin>:2"


def test_stdin_with_invalid_utf8_line_reports_it_and_reads_the_rest():
    raw = (
        line_of({"id": "s1", "text": ARABIC}).encode()
        + b'{"id": "\xff"}\n'
        + line_of({"id": "s3", "text": ARABIC}).encode()
    )
    stdin = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8")
    items = read("-", stdin=stdin)
    assert [doc.id for doc in documents(items)] == ["s1", "s3"]
    assert [(error.file, error.line) for error in errors(items)] == [("<stdin>", 2)]


def test_record_with_iso_timestamp_gives_its_date_and_numeric_id_becomes_string():
    doc = document_from_record(
        {"id": 42, "text": ARABIC, "published": "2023-12-09T08:30:00Z"}, origin="x.jsonl:1"
    )
    assert doc.id == "42"
    assert doc.published == date(2023, 12, 9)


# Bad input


def test_empty_file_is_an_error_naming_the_file(tmp_path):
    path = write_jsonl(tmp_path / "empty.jsonl", [])
    [error] = read(path)
    assert isinstance(error, InputError)
    assert error.file == str(path)
    assert "empty" in str(error)


def test_empty_txt_file_is_an_error_on_field_text(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text("  \n\n", encoding="utf-8")
    [error] = read(path)
    assert isinstance(error, InputError)
    assert (error.doc_id, error.field) == ("blank", "text")


def test_binary_file_gives_one_error_not_one_per_chunk(tmp_path):
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    path = write_jsonl(tmp_path / "image.jsonl", [data])
    txt = tmp_path / "image.txt"
    txt.write_bytes(data)
    items = read(path, txt)
    assert len(items) == 2
    assert all(isinstance(item, InputError) and "binary" in str(item) for item in items)
    assert [item.file for item in items] == [str(path), str(txt)]


def test_invalid_utf8_on_line_3_names_line_3_and_other_lines_are_read(tmp_path):
    path = write_jsonl(
        tmp_path / "docs.jsonl",
        [
            line_of({"id": "d1", "text": ARABIC}),
            line_of({"id": "d2", "text": ARABIC}),
            b'{"id": "d3", "text": "\xd9\x82\xff\xfe"}\n',
            line_of({"id": "d4", "text": ARABIC}),
        ],
    )
    items = read(path)
    assert [doc.id for doc in documents(items)] == ["d1", "d2", "d4"]
    [error] = errors(items)
    assert (error.file, error.line) == (str(path), 3)
    assert f"{path}:3" in str(error)
    assert "UTF-8" in str(error)


def test_invalid_utf8_in_txt_file_names_its_line(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(("عنوان\n" + ARABIC + "\n").encode() + b"\xff\xfe\n")
    [error] = read(path)
    assert isinstance(error, InputError)
    assert error.line == 3


def test_malformed_json_line_in_the_middle_is_reported_and_skipped(tmp_path):
    path = write_jsonl(
        tmp_path / "docs.jsonl",
        [
            line_of({"id": "d1", "text": ARABIC}),
            '{"id": "d2", "text": \n',
            line_of({"id": "d3", "text": ARABIC}),
        ],
    )
    items = read(path)
    assert [doc.id for doc in documents(items)] == ["d1", "d3"]
    [error] = errors(items)
    assert error.line == 2
    assert "malformed JSON" in str(error)


def test_line_that_is_not_an_object_is_an_error(tmp_path):
    path = write_jsonl(tmp_path / "docs.jsonl", ['["d1", "text"]\n'])
    [error] = read(path)
    assert isinstance(error, InputError)
    assert error.line == 1
    assert "JSON object" in str(error)


def test_missing_id_names_the_line_and_field_id(tmp_path):
    path = write_jsonl(
        tmp_path / "docs.jsonl",
        [
            line_of({"id": "d1", "text": ARABIC}),
            line_of({"text": ARABIC}),
        ],
    )
    [error] = errors(read(path))
    assert (error.file, error.line, error.field) == (str(path), 2, "id")
    assert f"{path}:2" in str(error)


def test_blank_id_is_an_error_on_field_id():
    with pytest.raises(InputError) as caught:
        document_from_record({"id": "  ", "text": ARABIC}, origin="docs.jsonl:5")
    assert (caught.value.line, caught.value.field) == (5, "id")


def test_text_not_a_string_names_document_and_field(tmp_path):
    path = write_jsonl(tmp_path / "docs.jsonl", [line_of({"id": "d1", "text": ["قتل", "جرح"]})])
    [error] = read(path)
    assert isinstance(error, InputError)
    assert (error.line, error.doc_id, error.field) == (1, "d1", "text")
    assert "string" in str(error)


def test_missing_text_is_an_error_on_field_text():
    with pytest.raises(InputError) as caught:
        document_from_record({"id": "d1"}, origin="docs.jsonl:1")
    assert caught.value.field == "text"


def test_published_yesterday_is_an_error_on_field_published(tmp_path):
    path = write_jsonl(
        tmp_path / "docs.jsonl", [line_of({"id": "d1", "text": ARABIC, "published": "yesterday"})]
    )
    [error] = read(path)
    assert isinstance(error, InputError)
    assert (error.line, error.doc_id, error.field) == (1, "d1", "published")
    assert "'published'" in str(error)
    assert "yesterday" in str(error)


def test_title_not_a_string_is_an_error_on_field_title():
    with pytest.raises(InputError) as caught:
        document_from_record({"id": "d1", "text": ARABIC, "title": 7}, origin="docs.jsonl:1")
    assert caught.value.field == "title"


def test_non_arabic_document_is_an_error_naming_the_document(tmp_path):
    english = "Three soldiers were killed in an attack on a checkpoint near Deir ez-Zor."
    path = write_jsonl(
        tmp_path / "docs.jsonl",
        [
            line_of({"id": "en1", "text": english + " دير الزور"}),
            line_of({"id": "ar1", "text": ARABIC}),
        ],
    )
    items = read(path)
    assert [doc.id for doc in documents(items)] == ["ar1"]
    [error] = errors(items)
    assert (error.doc_id, error.field, error.line) == ("en1", "text", 1)
    assert "not Arabic" in str(error)


def test_arabic_with_latin_share_buttons_is_still_arabic():
    text = "Facebook\nTwitter\nWhatsApp\nTelegram\nSY24 -خاص\n" + ARABIC
    letters, arabic = count_letters(text)
    assert arabic / letters > MIN_ARABIC_LETTER_SHARE
    assert document_from_record({"id": "d1", "text": text}, origin="x:1").id == "d1"


@pytest.mark.parametrize(
    "text", ["ـــــــ ــ ـــ", "\u064e\u064f\u0650\u0651 \u0652\u064b", "ـًٌٍـ 123 !!"]
)
def test_arabic_made_only_of_diacritics_or_tatweel_has_no_letters(text):
    with pytest.raises(InputError) as caught:
        document_from_record({"id": "d1", "text": text}, origin="docs.jsonl:9")
    assert (caught.value.line, caught.value.doc_id, caught.value.field) == (9, "d1", "text")
    assert "no letters" in str(caught.value)


def test_missing_file_is_an_error_and_later_inputs_are_still_read(tmp_path):
    missing = tmp_path / "nope.jsonl"
    items = read(missing, ARTICLES)
    assert isinstance(items[0], InputError)
    assert items[0].file == str(missing)
    assert len(documents(items)) == 5


def test_duplicate_document_id_is_an_error_naming_the_first_origin(tmp_path):
    path = write_jsonl(
        tmp_path / "docs.jsonl",
        [
            line_of({"id": "d1", "text": ARABIC}),
            line_of({"id": "d1", "text": ARABIC}),
        ],
    )
    items = read(path)
    assert len(documents(items)) == 1
    [error] = errors(items)
    assert (error.line, error.field) == (2, "id")
    assert f"{path}:1" in str(error)
