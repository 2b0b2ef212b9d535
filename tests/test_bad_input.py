"""Bad input through the real command (issue #8, part 1): each case a test.

Every case runs through ``rasad extract`` and ``rasad ingest --db sqlite:///...`` (in-process
with ``main``, as tests/test_cli.py does) next to a good document, and must give:

- one clear line on stderr naming the file and line (or the document id) and the field;
- the good document processed all the same (its events written, or stored);
- exit status 1 when anything failed, 0 when the odd input is valid after all;
- no crash: no exception out of ``main`` and no traceback logged.

``test_every_case_in_one_batch_as_real_processes`` runs all the cases at once through the
installed ``rasad`` script. How the reader words each error, field by field, is unit-tested
in tests/test_ingest.py; this file checks what a user of the command sees.
"""

from __future__ import annotations

import base64
import io
import itertools
import json
import logging
import random
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from rasad.cli import EXIT_FAILURES, EXIT_OK, main
from rasad.ingest import DEFAULT_MAX_CHARS, JSON_LINE_BYTES_PER_CHAR

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parent.parent

REPORT = "قتل عنصران من قوات النظام بهجوم في مدينة الميادين."
GOOD = {"id": "good", "text": REPORT, "published": "2023-12-09"}
# Other good documents of a batch: reports of their own, or the store would count them as
# duplicates of GOOD.
OTHER_REPORTS = {
    "good2": "اعتقلت قوات النظام ثلاثة شبان في مدينة درعا، في حين اختطف مسلحون طفلاً في الصنمين.",
    "after": "قصفت الفرقة الرابعة بلدة كنصفرة بريف إدلب يوم أمس، ما أدى إلى مقتل مدنيين.",
    "s2": "دارت اشتباكات بين قوات النظام و هيئة تحرير الشام في بلدة كنصفرة.",
}
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 32
# Binary data without a NUL byte in it (compressed data can look like this).
NO_NUL_BINARY = bytes(range(1, 256)) * 64
BODY = (
    "<p>قتل ثلاثة عناصر من قوات النظام السوري وأصيب آخرون بجروح، اليوم السبت، إثر هجوم شنه "
    "مسلحون مجهولون على نقطة عسكرية في بادية الميادين بريف دير الزور الشرقي، بحسب مصادر "
    "محلية.</p>"
)


@dataclass
class Run:
    status: int
    out: str
    err: str

    @property
    def error_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if not line.endswith("was processed")]


@pytest.fixture(autouse=True)
def no_logged_traceback(caplog):
    """A failure caught and logged with its traceback is a crash all the same."""
    caplog.set_level(logging.ERROR)
    yield
    crashes = [record.getMessage() for record in caplog.records if record.exc_info]
    assert not crashes, crashes


def line_of(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False) + "\n"


def other(doc_id: str) -> dict:
    return {"id": doc_id, "text": OTHER_REPORTS[doc_id], "published": "2023-12-09"}


def good_file(tmp_path: Path) -> Path:
    path = tmp_path / "good.jsonl"
    path.write_text(line_of(GOOD), encoding="utf-8")
    return path


def extract(capsys, *inputs: Path | str, options: tuple[str, ...] = ()) -> Run:
    status = main(["-q", "extract", *map(str, inputs), *options])
    captured = capsys.readouterr()
    return Run(status, captured.out, captured.err)


def ingest(capsys, tmp_path: Path, *inputs: Path | str, options: tuple[str, ...] = ()) -> Run:
    db = f"sqlite:///{tmp_path / 'rasad.db'}"
    status = main(["ingest", *map(str, inputs), "--db", db, *options])
    captured = capsys.readouterr()
    return Run(status, captured.out, captured.err)


def doc_ids(run: Run) -> set[str]:
    return {json.loads(line)["doc_id"] for line in run.out.splitlines()}


def check(run: Run, expected: list[str], *, processed: set[str] = frozenset({"good"})) -> None:
    """``run`` failed on ``expected`` (one stderr line each, in order) and processed the rest."""
    assert "Traceback" not in run.err, run.err
    assert all(line.startswith("rasad: ") for line in run.err.splitlines()), run.err
    assert len(run.error_lines) == len(expected), run.err
    for line, fragment in zip(run.error_lines, expected, strict=True):
        assert fragment in line, (fragment, line)
    assert run.status == (EXIT_FAILURES if expected else EXIT_OK)
    if run.out.startswith("documents:"):  # ingest: the summary
        assert run.out.startswith(f"documents: {len(processed)} new, "), run.out
        assert f", {len(expected)} failed; events: " in run.out, run.out
    else:
        assert doc_ids(run) == processed
        if expected:
            assert f"rasad: {len(expected)} input(s) failed; the rest was processed" in run.err


def check_both(capsys, tmp_path, inputs, expected, *, processed=frozenset({"good"}), options=()):
    """The same failures and the same documents processed by ``extract`` and by ``ingest``."""
    check(extract(capsys, *inputs, options=options), expected, processed=processed)
    check(ingest(capsys, tmp_path, *inputs, options=options), expected, processed=processed)


def stdin_of(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data))))


# -- an empty file ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.jsonl", "empty.jsonl: empty file: no documents"),
        ("empty.txt", "empty.txt:1, document 'empty', field 'text': text is empty"),
        ("empty.html", "empty.html, document 'empty', field 'text': empty file: no HTML"),
        ("blank.jsonl", "blank.jsonl: empty file: no documents"),
    ],
)
def test_empty_file(capsys, tmp_path, name, message):
    path = tmp_path / name
    path.write_bytes(b"\n \n\n" if name.startswith("blank") else b"")
    check_both(capsys, tmp_path, [path, good_file(tmp_path)], [f"{tmp_path}/{message}"])


def test_empty_stdin(capsys, tmp_path, monkeypatch):
    stdin_of(monkeypatch, b"")
    check(extract(capsys, "-", good_file(tmp_path)), ["rasad: <stdin>: empty file: no documents"])


# -- a binary file ----------------------------------------------------------------------------


@pytest.mark.parametrize("data", [PNG, NO_NUL_BINARY], ids=["png", "no-nul"])
@pytest.mark.parametrize("suffix", [".jsonl", ".txt", ".html"])
def test_binary_file(capsys, tmp_path, suffix, data):
    path = tmp_path / f"image{suffix}"
    path.write_bytes(data)
    # one error for the file, not one for each newline byte in it
    check_both(capsys, tmp_path, [path, good_file(tmp_path)], [f"rasad: {path}"])
    assert "binary data" in extract(capsys, path).err


def test_binary_stdin(capsys, tmp_path, monkeypatch):
    stdin_of(monkeypatch, PNG)
    run = extract(capsys, "-", good_file(tmp_path))
    check(run, ["rasad: <stdin>: binary data or UTF-16, not UTF-8 JSON lines"])


# -- invalid UTF-8 ----------------------------------------------------------------------------


def test_invalid_utf8_line_in_jsonl(capsys, tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_bytes(
        line_of(GOOD).encode()
        + b'{"id": "bad", "text": "\xd9\x82\xff\xfe"}\n'
        + line_of(other("good2")).encode()
    )
    check_both(
        capsys,
        tmp_path,
        [path],
        [f"rasad: {path}:2: invalid UTF-8 at column 26"],
        processed={"good", "good2"},
    )


def test_invalid_utf8_in_text_file(capsys, tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(("عنوان\n" + REPORT + "\n").encode() + b"\xff\xfe\n")
    check_both(capsys, tmp_path, [path, good_file(tmp_path)], [f"rasad: {path}:3: invalid UTF-8"])


def test_invalid_utf8_line_on_stdin(capsys, tmp_path, monkeypatch):
    stdin_of(monkeypatch, b'{"id": "x\xc3"}\n' + line_of(other("s2")).encode())
    check(
        extract(capsys, "-", good_file(tmp_path)),
        ["rasad: <stdin>:1: invalid UTF-8 at column 10"],
        processed={"s2", "good"},
    )


def test_utf16_file_is_named_as_such(capsys, tmp_path):
    path = tmp_path / "windows.jsonl"
    path.write_bytes(line_of(GOOD).encode("utf-16"))
    check(extract(capsys, path, good_file(tmp_path)), [f"rasad: {path}: binary data or UTF-16"])


# -- a 50 MB article --------------------------------------------------------------------------

FIFTY_MB = 50_000_000


def fifty_mb_text() -> str:
    return (REPORT + " ") * (FIFTY_MB // len((REPORT + " ").encode()))


def test_50_mb_article_in_jsonl_is_refused_unread_naming_line_id_and_size(capsys, tmp_path):
    path = tmp_path / "docs.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(line_of(GOOD))
        handle.write(line_of({"id": "huge", "text": fifty_mb_text()}))
        handle.write(line_of(other("after")))
    size = len(path.read_bytes().splitlines()[1])
    limit = JSON_LINE_BYTES_PER_CHAR * DEFAULT_MAX_CHARS
    started = time.perf_counter()
    check_both(
        capsys,
        tmp_path,
        [path],
        [
            f"rasad: {path}:2, document 'huge': line is {size:,} bytes, over the limit of "
            f"{limit:,} for one document"
        ],
        processed={"good", "after"},
    )
    assert time.perf_counter() - started < 20


def test_50_mb_text_file_is_refused_unread_naming_file_and_size(capsys, tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text(fifty_mb_text(), encoding="utf-8")
    size = path.stat().st_size
    check_both(
        capsys,
        tmp_path,
        [path, good_file(tmp_path)],
        [
            f"rasad: {path}, document 'huge', field 'text': file is {size:,} bytes, over the "
            f"limit of 4,000,000 for a text file of at most 1,000,000 characters (--max-chars)"
        ],
    )


def test_50_mb_article_on_stdin_is_refused(capsys, tmp_path, monkeypatch):
    stdin_of(monkeypatch, line_of({"id": "huge", "text": fifty_mb_text()}).encode())
    run = extract(capsys, "-", good_file(tmp_path))
    check(run, ["rasad: <stdin>:1, document 'huge': line is "])


def test_50_mb_article_keeps_memory_bounded_in_a_real_process(tmp_path):
    """The line is skipped in chunks, never held whole: the process peaks near 90 MB, where
    reading, decoding and parsing the line would take it past 160 MB."""
    if not Path("/proc/self/status").exists():
        pytest.skip("needs Linux /proc for the peak memory of a process")
    path = tmp_path / "docs.jsonl"
    path.write_text(line_of({"id": "huge", "text": fifty_mb_text()}) + line_of(GOOD), "utf-8")
    code = (
        "import sys\n"
        "from rasad.cli import main\n"
        "status = main(sys.argv[1:])\n"
        # VmHWM, not ru_maxrss: a child inherits its parent's ru_maxrss across exec
        "peak = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0]\n"
        "print(f'peak {int(peak.split()[1]) // 1024}', file=sys.stderr)\n"
        "sys.exit(status)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, "-q", "extract", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=REPO,
    )
    assert done.returncode == EXIT_FAILURES, done.stderr
    assert "Traceback" not in done.stderr
    assert f"{path}:1, document 'huge': line is " in done.stderr
    assert {json.loads(line)["doc_id"] for line in done.stdout.splitlines()} == {"good"}
    peak = int(done.stderr.rsplit("peak ", 1)[1])
    assert peak < 130, f"peak RSS {peak} MB"


def test_document_over_max_chars_names_document_field_and_size(capsys, tmp_path):
    path = tmp_path / "docs.jsonl"
    long_text = REPORT * 40
    path.write_text(line_of({"id": "long", "text": long_text}) + line_of(GOOD), "utf-8")
    check_both(
        capsys,
        tmp_path,
        [path],
        [
            f"rasad: {path}:1, document 'long', field 'text': text is {len(long_text):,} "
            f"characters, over the limit of 1,000 (--max-chars)"
        ],
        options=("--max-chars", "1000"),
    )
    # 0 lifts the limit
    check(extract(capsys, path, options=("--max-chars", "0")), [], processed={"long", "good"})


def test_max_chars_applies_to_web_pages_and_text_files(capsys, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(f"<html><body><article>{BODY * 5}</article></body></html>", "utf-8")
    text = tmp_path / "report.txt"
    text.write_text(REPORT * 40, "utf-8")
    run = extract(capsys, page, text, good_file(tmp_path), options=("--max-chars", "150"))
    check(
        run,
        [
            f"rasad: {page}:1, document 'page', field 'text': text is ",
            f"rasad: {text}, document 'report', field 'text': file is ",
        ],
    )


def test_max_chars_is_documented_in_help(capsys):
    for command in ("extract", "ingest"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        text = " ".join(capsys.readouterr().out.split())
        assert "--max-chars N" in text
        assert f"Default {DEFAULT_MAX_CHARS:,}" in text
        assert "0: no limit" in text


@pytest.mark.parametrize("value", ["-5", "many", "1e6"])
def test_max_chars_must_be_a_whole_number(capsys, value):
    with pytest.raises(SystemExit) as raised:
        main(["extract", "x.jsonl", "--max-chars", value])
    assert raised.value.code == 2
    assert "--max-chars" in capsys.readouterr().err


# -- an article of 100k tiny lines ------------------------------------------------------------


def tiny_lines_article(count: int = 100_000) -> str:
    """A report, then 100k tiny lines: the words of a sample report, one a line, over and
    over (a page scraped word by word)."""
    first = FIXTURES.joinpath("articles.jsonl").read_text(encoding="utf-8").splitlines()[0]
    words = itertools.cycle(json.loads(first)["text"].split())
    return REPORT + "\n" + "\n".join(itertools.islice(words, count))


@pytest.mark.parametrize("suffix", [".txt", ".jsonl"])
def test_article_of_100k_tiny_lines_is_processed_in_seconds(capsys, tmp_path, suffix):
    text = tiny_lines_article()
    assert text.count("\n") == 100_000
    path = tmp_path / f"lines{suffix}"
    if suffix == ".txt":
        path.write_text(text, encoding="utf-8")
    else:
        path.write_text(line_of({"id": "lines", "text": text}), encoding="utf-8")
    started = time.perf_counter()
    run = extract(capsys, path, good_file(tmp_path))
    assert time.perf_counter() - started < 15
    check(run, [], processed={"lines", "good"})
    record = next(r for r in map(json.loads, run.out.splitlines()) if r["doc_id"] == "lines")
    assert record["location"] == "الميادين" and record["fatalities"] == 2
    check(ingest(capsys, tmp_path, path, good_file(tmp_path)), [], processed={"lines", "good"})


# -- JSONL with a broken line in the middle ---------------------------------------------------


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        ('{"id": "broken", "text": ', "malformed JSON: Expecting value"),
        ("not json at all", "malformed JSON: Expecting value (column 1)"),
        ('["an", "array"]', "expected a JSON object, got list"),
        ('{"id": ' + "9" * 5000 + "}", "malformed JSON: Exceeds the limit (4300 digits)"),
        ("[" * 100_000 + "]" * 100_000, "malformed JSON: nested too deeply"),
    ],
    ids=["cut-short", "not-json", "array", "5000-digit-number", "nested-100k-deep"],
)
def test_jsonl_with_a_broken_line_in_the_middle(capsys, tmp_path, broken, message):
    path = tmp_path / "docs.jsonl"
    path.write_text(line_of(GOOD) + broken + "\n" + line_of(other("after")), encoding="utf-8")
    check_both(
        capsys, tmp_path, [path], [f"rasad: {path}:2: {message}"], processed={"good", "after"}
    )


# -- missing or wrong fields ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("record", "message"),
    [
        (
            {"id": "d", "text": REPORT, "published": "yesterday"},
            "document 'd', field 'published': 'yesterday' is not an ISO date (YYYY-MM-DD)",
        ),
        (
            {"id": "d", "text": REPORT, "published": "0001-01-01"},
            "document 'd', field 'published': '0001-01-01' is not a plausible publication date",
        ),
        (
            {"id": "d", "text": REPORT, "published": 20231209},
            "document 'd', field 'published': must be an ISO date string (YYYY-MM-DD), not int",
        ),
        ({"text": REPORT}, "field 'id': document id missing"),
        ({"id": "  ", "text": REPORT}, "field 'id': document id must be a non-empty string"),
        ({"id": ["d"], "text": REPORT}, "field 'id': document id must be a non-empty string"),
        ({"id": "d"}, "document 'd', field 'text': text missing"),
        (
            {"id": "d", "text": ["قتل", "جرح"]},
            "document 'd', field 'text': text must be a string, not list",
        ),
        (
            {"id": "d", "text": {"ar": REPORT}},
            "document 'd', field 'text': text must be a string, not dict",
        ),
        (
            {"id": "d", "text": REPORT, "title": 7},
            "document 'd', field 'title': title must be a string or null, not int",
        ),
        (
            {"id": "d", "text": REPORT, "url": False},
            "document 'd', field 'url': url must be a string or null, not bool",
        ),
        (
            {"id": "d", "text": REPORT[:10] + "\ud800" + REPORT[10:]},
            "document 'd', field 'text': text holds a lone UTF-16 surrogate U+D800 at character 11",
        ),
        (
            {"id": "d\udfff", "text": REPORT},
            "field 'id': the id holds a lone UTF-16 surrogate U+DFFF",
        ),
        (
            {"id": "d\x00x", "text": REPORT},
            "field 'id': the id holds a NUL character U+0000 at character 2",
        ),
    ],
    ids=[
        "published-yesterday",
        "published-year-1",
        "published-a-number",
        "no-id",
        "blank-id",
        "id-a-list",
        "no-text",
        "text-a-list",
        "text-an-object",
        "title-a-number",
        "url-a-bool",
        "text-lone-surrogate",
        "id-lone-surrogate",
        "id-with-nul",
    ],
)
def test_missing_or_wrong_field(capsys, tmp_path, record, message):
    path = tmp_path / "docs.jsonl"
    # ensure_ascii: a lone surrogate can only be written as a \u escape
    path.write_text(json.dumps(record) + "\n" + line_of(GOOD), encoding="utf-8")
    check_both(capsys, tmp_path, [path], [f"rasad: {path}:1, {message}"])


def test_duplicate_id_names_where_it_was_first_read(capsys, tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text(line_of(GOOD) + line_of(GOOD), encoding="utf-8")
    run = extract(capsys, path)
    check(run, [f"rasad: {path}:2, document 'good', field 'id': duplicate document id"])
    assert f"first read at {path}:1" in run.err


# -- HTML with scripts, iframes and huge inline data ------------------------------------------


def huge_page() -> str:
    """A 15 MB page: a 3 MB inline script, an 11 MB base64 image between the report's two
    paragraphs, a 2 MB comment, iframes with their own text, and a script at the end."""
    data = base64.b64encode(random.Random(8).randbytes(8_000_000)).decode()
    second = BODY.replace("قتل", "أصيب").replace("الميادين", "البوكمال")
    return (
        '<html lang="ar"><head><meta charset="utf-8"><title>هجوم في بادية الميادين</title>'
        f'<script>var bundle = "{data[:3_000_000]}"; document.write("SCRIPT-TEXT");</script>'
        '</head><body><iframe src="https://ads.example/frame"></iframe>'
        '<iframe srcdoc="<p>IFRAME-TEXT</p>"></iframe>'
        f"<article><h1>هجوم في بادية الميادين</h1>{BODY}"
        f'<img alt="" src="data:image/png;base64,{data}">{second}</article>'
        f"<!-- {data[:2_000_000]} -->"
        '<script>alert("SCRIPT-TEXT")</script><noscript>NOSCRIPT-TEXT</noscript></body></html>'
    )


def test_html_with_scripts_iframes_and_huge_inline_data(capsys, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(huge_page(), encoding="utf-8")
    assert page.stat().st_size > 15_000_000
    run = extract(capsys, page, good_file(tmp_path))
    check(run, [], processed={"page", "good"})
    events = [r for r in map(json.loads, run.out.splitlines()) if r["doc_id"] == "page"]
    # both paragraphs: the one after the 11 MB image is read too
    assert sorted(e["location_mention"] for e in events) == ["بادية البوكمال", "بادية الميادين"]
    for hidden in ("SCRIPT-TEXT", "IFRAME-TEXT", "NOSCRIPT-TEXT", "base64"):
        assert hidden not in run.out
    check(ingest(capsys, tmp_path, page, good_file(tmp_path)), [], processed={"page", "good"})


def test_html_of_only_scripts_and_iframes_has_no_main_text(capsys, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><script>document.write('قتل عنصران')</script></head><body>"
        '<iframe src="https://x.example/"></iframe><script>alert(1)</script></body></html>',
        encoding="utf-8",
    )
    check_both(
        capsys,
        tmp_path,
        [page, good_file(tmp_path)],
        [f"rasad: {page}:1, document 'page', field 'text': no main text found in the HTML"],
    )


# -- non-Arabic and mixed-language documents --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Three soldiers were killed in an attack on a checkpoint near Deir ez-Zor on Saturday.",
        "Trois soldats ont été tués dans une attaque près de Deir ez-Zor samedi.",
        "周六，代尔祖尔附近的一个检查站遭到袭击，三名士兵丧生。",
        "В субботу трое военных погибли при нападении на блокпост у Дейр-эз-Зора.",
        "Three soldiers were killed near Deir ez-Zor, the agency said. دير الزور",
    ],
    ids=["english", "french", "chinese", "russian", "english-with-arabic-name"],
)
def test_non_arabic_document(capsys, tmp_path, text):
    path = tmp_path / "docs.jsonl"
    path.write_text(line_of({"id": "foreign", "text": text}) + line_of(GOOD), encoding="utf-8")
    check_both(
        capsys,
        tmp_path,
        [path],
        [f"rasad: {path}:1, document 'foreign', field 'text': text is not Arabic: "],
    )


def test_mixed_language_document_mostly_arabic_is_processed(capsys, tmp_path):
    text = (
        "Share on Facebook | Twitter | WhatsApp\nSY24 - Exclusive\n"
        + REPORT
        + ' وقال المرصد لوكالة Reuters: "the attack killed two soldiers".'
    )
    path = tmp_path / "docs.jsonl"
    path.write_text(line_of({"id": "mixed", "text": text}) + line_of(GOOD), encoding="utf-8")
    run = extract(capsys, path)
    check(run, [], processed={"mixed", "good"})


# -- Arabic made only of diacritics or tatweel ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["ـــــــ ــ ـــ", "\u064e\u064f\u0650\u0651 \u0652\u064b", "ـًٌٍـ ١٢٣ !! ـــ\n\u0670"],
    ids=["tatweel", "diacritics", "both-with-digits"],
)
@pytest.mark.parametrize("suffix", [".jsonl", ".txt"])
def test_arabic_made_only_of_diacritics_or_tatweel(capsys, tmp_path, text, suffix):
    path = tmp_path / f"marks{suffix}"
    if suffix == ".txt":
        path.write_text(text, encoding="utf-8")
    else:
        path.write_text(line_of({"id": "marks", "text": text}), encoding="utf-8")
    check_both(
        capsys,
        tmp_path,
        [path, good_file(tmp_path)],
        [f"rasad: {path}:1, document 'marks', field 'text': text has no letters"],
    )


# -- all at once, as real processes -----------------------------------------------------------


def test_every_case_in_one_batch_as_real_processes(tmp_path):
    """One `rasad extract` and one `rasad ingest` over every case above: one line for each
    bad input, the good ones processed, exit status 1, and no traceback."""
    cases = tmp_path / "cases"
    cases.mkdir()
    (cases / "a-empty.jsonl").write_bytes(b"")
    (cases / "b-image.jsonl").write_bytes(PNG)
    (cases / "c-image.html").write_bytes(NO_NUL_BINARY)
    (cases / "d-invalid.txt").write_bytes(REPORT.encode() + b"\n\xff\n")
    (cases / "e-huge.txt").write_text(fifty_mb_text(), encoding="utf-8")
    (cases / "f-lines.txt").write_text(tiny_lines_article(), encoding="utf-8")
    (cases / "g-page.html").write_text(huge_page(), encoding="utf-8")
    (cases / "h-marks.txt").write_text("ـــــ \u064e\u064f", encoding="utf-8")
    (cases / "i-docs.jsonl").write_text(
        "".join(
            [
                line_of(GOOD),
                '{"id": "broken", "text": \n',
                line_of({"id": "p", "text": REPORT, "published": "yesterday"}),
                line_of({"text": REPORT}),
                line_of({"id": "t", "text": 5}),
                line_of({"id": "en", "text": "Three soldiers were killed near Deir ez-Zor."}),
                json.dumps({"id": "s", "text": REPORT + "\ud83d"}) + "\n",
                "[" * 50_000 + "\n",
            ]
        ),
        encoding="utf-8",
    )
    script = Path(sys.executable).with_name("rasad")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "rasad.cli"]
    expected_errors = 13
    for run in (
        [*command, "-q", "extract", str(cases)],
        [*command, "ingest", str(cases), "--db", f"sqlite:///{tmp_path / 'rasad.db'}"],
    ):
        done = subprocess.run(
            run, capture_output=True, text=True, timeout=180, check=False, cwd=REPO
        )
        assert done.returncode == EXIT_FAILURES, done.stderr
        assert "Traceback" not in done.stderr, done.stderr
        errors = [line for line in done.stderr.splitlines() if "was processed" not in line]
        assert all(line.startswith(f"rasad: {cases}/") for line in errors), done.stderr
        assert len(errors) == expected_errors, done.stderr
        if "extract" in run:
            assert {json.loads(line)["doc_id"] for line in done.stdout.splitlines()} == {
                "f-lines",
                "g-page",
                "good",
            }
        else:
            assert done.stdout.startswith(
                f"documents: 3 new, 0 duplicate (0 near-duplicate), {expected_errors} failed;"
            ), done.stdout
