"""Reading inputs into Documents: JSON lines, plain text, HTML, directories and stdin.

Every problem with an input becomes an ``InputError`` that names the file, the 1-based line,
the document id and the field, whichever are known, and is yielded in place of the document:
one bad line never stops a file and one bad file never stops a run. JSON lines are streamed
one line at a time, so a file of any size is read in constant memory.

A JSON line holds one document::

    {"id": "a1", "text": "...", "title": "...", "outlet": "...", "url": "...",
     "published": "2023-12-09"}

``id`` and ``text`` are required; the rest may be missing or null.

Size is bounded: a document whose text is longer than ``max_chars`` characters (default
``DEFAULT_MAX_CHARS``; ``rasad extract --max-chars``) is refused with its size, and a JSON
line, text file or web page too large to hold such a text (``JSON_LINE_BYTES_PER_CHAR``,
``UTF8_MAX_BYTES_PER_CHAR``, ``HTML_BYTES_PER_CHAR`` bytes per character of the limit) is
skipped without being parsed or held in memory whole, so that one runaway input costs
neither minutes nor gigabytes.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any, TextIO

from rasad.errors import InputError
from rasad.model import Document

JSONL_SUFFIXES = frozenset({".jsonl", ".json", ".ndjson"})
TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
INPUT_SUFFIXES = JSONL_SUFFIXES | TEXT_SUFFIXES | HTML_SUFFIXES
STDIN_NAME = "<stdin>"
# The error of a JSON-lines file or stream without a single non-blank line.
EMPTY_JSON_LINES = "empty file: no documents"
BINARY_SNIFF_BYTES = 8192

# The longest text a document may have, in characters. The longest news reports run to some
# 50,000 characters; a million (about 2 MB of Arabic in UTF-8) is twenty times that and takes
# some 10 s to extract, while a runaway input (a whole archive in one "text", a log file)
# would take minutes and gigabytes. 0 or None: no limit.
DEFAULT_MAX_CHARS = 1_000_000
# A JSON line of more than this many bytes per character of the limit is skipped unparsed:
# a JSON escape takes 6 bytes a character ("\u0642"), and there are other fields besides.
JSON_LINE_BYTES_PER_CHAR = 16
# A web page carries markup, scripts and inline images besides its text: a page saved whole
# (SingleFile) runs to tens of MB.
HTML_BYTES_PER_CHAR = 64
# UTF-8 takes at most 4 bytes a character: a text file of more bytes than 4 per character of
# the limit holds too many characters.
UTF8_MAX_BYTES_PER_CHAR = 4
# lxml (libxml2) gives up on a text node or attribute value over 10 MB and drops the rest of
# the page with it. Inline data that long (a base64 image, a bundled script) is never the
# report: script and style contents, comments and attribute values over this many characters
# are emptied before the page is parsed.
INLINE_DATA_MAX_CHARS = 100_000
# Publication dates outside these years are typing or conversion errors ("0001-01-01").
PUBLISHED_YEARS = (1900, 2100)
# How much of a line too long to parse is kept to name its document, and read at a time.
_HEAD_BYTES = 65_536
_SKIP_CHUNK_BYTES = 1 << 20
# Control characters never found in UTF-8 text or JSON (tab, newlines and form feed are).
_CONTROL_BYTES = bytes(c for c in range(32) if c not in b"\t\n\r\f") + b"\x7f"

# Share of Arabic among all letters below which a document is not Arabic. Arabic reports
# carry Latin share buttons, outlet names ("SY24"), URLs and quoted English names, which
# rarely reach a tenth of the letters; an English or French page with an Arabic headline
# or caption stays far below a third. Between the two, a third keeps every Arabic report.
MIN_ARABIC_LETTER_SHARE = 0.3

_OPTIONAL_STRING_FIELDS = ("title", "outlet", "url")
_TATWEEL = "\u0640"


def _where(origin: str) -> tuple[str, int | None]:
    """The file and line of an origin ``"path:line"``; the whole origin if it has no line."""
    file, _, line = origin.rpartition(":")
    if file and line.isdigit():
        return file, int(line)
    return origin, None


def count_letters(text: str) -> tuple[int, int]:
    """How many letters ``text`` has, and how many of them are Arabic.

    Diacritics are marks and tatweel only stretches a word, so neither counts as a letter.
    """
    # The Arabic letters are cut out by runs (a few hundred matches, listed ranges), then the
    # other letters are counted in the little that is left: the general letter class, tested
    # on every character of a whole report, cost twice as much.
    rest = _ARABIC_LETTER_RUN_RE.sub("", text)
    arabic = len(text) - len(rest)
    return arabic + sum(map(len, _LETTER_RUN_RE.findall(rest))), arabic


_ARABIC_BLOCKS = (
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x08A0, 0x08FF),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
)
_LETTER_RE = re.compile(r"[^\W\d_\u0640]")
_LETTER_RUN_RE = re.compile(r"[^\W\d_\u0640]+")


def _letters_class(blocks: tuple[tuple[int, int], ...]) -> str:
    """A regex class of the letters (as ``_LETTER_RE`` reads them) inside ``blocks``.

    A letter of the Arabic script's blocks (Arabic, Supplement, Extended-A and the
    presentation forms, as unicodedata names "ARABIC ..."), listed as ranges so that a run of
    them is one match.
    """
    ranges: list[list[int]] = []
    for first, last in blocks:
        for code in range(first, last + 1):
            if _LETTER_RE.match(chr(code)):
                if ranges and ranges[-1][1] == code - 1:
                    ranges[-1][1] = code
                else:
                    ranges.append([code, code])
    return "".join(f"\\u{a:04x}-\\u{b:04x}" if a < b else f"\\u{a:04x}" for a, b in ranges)


_ARABIC_LETTER_RUN_RE = re.compile(f"[{_letters_class(_ARABIC_BLOCKS)}]+")
# Half of a UTF-16 surrogate pair: a JSON escape "\\ud800" puts one in a Python string, and
# it cannot be written out as UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _byte_limit(max_chars: int | None, per_char: int) -> int | None:
    """The bytes ``max_chars`` characters may take at ``per_char`` each; None: no limit."""
    return max_chars * per_char if max_chars else None


def _check_unicode(value: str, what: str) -> None:
    """Raises ValueError if ``value`` holds a lone surrogate, naming where."""
    if value.isascii():
        return
    found = _SURROGATE.search(value)
    if found is not None:
        raise ValueError(
            f"{what} holds a lone UTF-16 surrogate U+{ord(found.group()):04X} at character "
            f"{found.start() + 1} (a broken \\u escape), not Unicode text"
        )


def looks_binary(head: bytes) -> bool:
    """Whether the first bytes of a file are binary data (or UTF-16), not UTF-8 text.

    A NUL never occurs in UTF-8 text; other control characters are rare in text and absent
    from JSON, but one in ten bytes of compressed or image data.
    """
    if b"\0" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls > max(8, len(head) // 100)


def _parse_published(value: Any) -> date | None:
    """The publication date of an ISO ``YYYY-MM-DD`` string or timestamp; raises ValueError."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"must be an ISO date string (YYYY-MM-DD), not {type(value).__name__}")
    text = value.strip()
    try:
        day = date.fromisoformat(text)
    except ValueError:
        try:
            day = datetime.fromisoformat(text).date()
        except ValueError:
            raise ValueError(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None
    first, last = PUBLISHED_YEARS
    if not first <= day.year <= last:
        raise ValueError(f"{value!r} is not a plausible publication date (years {first}-{last})")
    return day


def document_from_record(
    record: dict[str, Any], *, origin: str, max_chars: int | None = DEFAULT_MAX_CHARS
) -> Document:
    """The Document a JSON record describes; raises ``InputError`` naming the bad field.

    ``origin`` ("path:line") says where the record came from, for the error and for
    ``Document.origin``. A text longer than ``max_chars`` characters is refused (None or 0:
    no limit).
    """
    file, line = _where(origin)
    if not isinstance(record, dict):
        raise InputError(
            f"expected a JSON object, got {type(record).__name__}", file=file, line=line
        )

    raw_id = record.get("id")
    if isinstance(raw_id, int) and not isinstance(raw_id, bool):
        raw_id = str(raw_id)  # numeric ids from databases are ids all the same
    if not isinstance(raw_id, str) or not raw_id.strip():
        problem = "missing" if raw_id is None else "must be a non-empty string"
        raise InputError(f"document id {problem}", file=file, line=line, field="id")
    try:
        _check_unicode(raw_id, "the id")
    except ValueError as error:
        raise InputError(str(error), file=file, line=line, field="id") from None
    if "\0" in raw_id:
        # SQLite and the API's paths end a string at NUL: such a document could be stored
        # but never read back.
        raise InputError(
            f"the id holds a NUL character U+0000 at character {raw_id.index(chr(0)) + 1}",
            file=file,
            line=line,
            field="id",
        )
    doc_id = raw_id.strip()

    def fail(message: str, field: str) -> InputError:
        return InputError(message, file=file, line=line, doc_id=doc_id, field=field)

    text = record.get("text")
    if text is None:
        raise fail("text missing", "text")
    if not isinstance(text, str):
        raise fail(f"text must be a string, not {type(text).__name__}", "text")
    if max_chars and len(text) > max_chars:
        raise fail(
            f"text is {len(text):,} characters, over the limit of {max_chars:,} (--max-chars)",
            "text",
        )
    if not text.strip():
        raise fail("text is empty", "text")
    try:
        _check_unicode(text, "text")
    except ValueError as error:
        raise fail(str(error), "text") from None
    letters, arabic = count_letters(text)
    if not letters:
        raise fail("text has no letters", "text")
    if arabic / letters < MIN_ARABIC_LETTER_SHARE:
        raise fail(
            f"text is not Arabic: {arabic / letters:.0%} of its letters are Arabic, "
            f"below {MIN_ARABIC_LETTER_SHARE:.0%}",
            "text",
        )

    strings: dict[str, str | None] = {}
    for name in _OPTIONAL_STRING_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise fail(f"{name} must be a string or null, not {type(value).__name__}", name)
        if isinstance(value, str):
            try:
                _check_unicode(value, name)
            except ValueError as error:
                raise fail(str(error), name) from None
        strings[name] = (value.strip() or None) if isinstance(value, str) else None

    try:
        published = _parse_published(record.get("published"))
    except ValueError as error:
        raise fail(str(error), "published") from None

    return Document(
        id=doc_id,
        text=text,
        title=strings["title"],
        outlet=strings["outlet"],
        url=strings["url"],
        published=published,
        origin=origin,
    )


def document_from_html(
    html: str,
    *,
    doc_id: str,
    origin: str,
    url: str | None = None,
    max_chars: int | None = DEFAULT_MAX_CHARS,
) -> Document:
    """The Document of a web page's main text; raises ``InputError`` if it has none.

    Navigation, footers, scripts and comments are left out (trafilatura, favouring
    precision). Title and date come from the page's metadata only: htmldate's extensive
    search reads dates from the text and footers ("© 2019") and would invent them. Inline
    data too long for the parser (``INLINE_DATA_MAX_CHARS``) is emptied first; a main text
    longer than ``max_chars`` characters is refused.
    """
    file, line = _where(origin)
    date_params = {
        "original_date": True,
        "extensive_search": False,
        "max_date": date.today().isoformat(),
    }
    html = without_inline_data(html)
    try:
        import trafilatura  # only HTML needs it, and it is slow to import

        extracted = trafilatura.bare_extraction(
            html,
            url=url,
            fast=True,
            favor_precision=True,
            include_comments=False,
            include_tables=True,
            with_metadata=True,
            date_extraction_params=date_params,
        )
    except Exception as error:  # trafilatura and lxml raise many types on broken markup
        raise InputError(
            f"cannot parse HTML: {error}", file=file, line=line, doc_id=doc_id, field="text"
        ) from error
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or not text.strip():
        raise InputError(
            "no main text found in the HTML", file=file, line=line, doc_id=doc_id, field="text"
        )
    published = getattr(extracted, "date", None)
    record = {
        "id": doc_id,
        "text": text,
        "title": getattr(extracted, "title", None),
        "url": url or getattr(extracted, "url", None),
        "outlet": getattr(extracted, "sitename", None),
        "published": published,
    }
    return document_from_record(record, origin=origin, max_chars=max_chars)


# Where an element whose content the parser takes raw opens ("<script ...>", a comment), and
# where it closes; an attribute value too long to be anything but inline data.
_RAW_OPEN = re.compile(r"<(script|style)\b[^>]*>|<!--", re.IGNORECASE)
_RAW_CLOSE = {
    "script": re.compile(r"</script\s*>", re.IGNORECASE),
    "style": re.compile(r"</style\s*>", re.IGNORECASE),
    "": re.compile(r"-->"),
}
_LONG_ATTRIBUTE = re.compile(
    rf"""(=\s*)(?:"[^"<>]{{{INLINE_DATA_MAX_CHARS},}}"|'[^'<>]{{{INLINE_DATA_MAX_CHARS},}}')"""
)


def without_inline_data(html: str) -> str:
    """``html`` with script and style contents, comments and quoted attribute values (a
    base64 ``data:`` image, a ``srcdoc``) longer than ``INLINE_DATA_MAX_CHARS`` emptied.

    lxml drops the rest of a page after a text node or attribute over 10 MB, and such data is
    never the report. Linear in the page: each element is searched for once.
    """
    if len(html) <= INLINE_DATA_MAX_CHARS:
        return html
    pieces: list[str] = []
    kept_to = 0
    search_from = 0
    while (opened := _RAW_OPEN.search(html, search_from)) is not None:
        closed = _RAW_CLOSE[(opened.group(1) or "").lower()].search(html, opened.end())
        content_end = closed.start() if closed is not None else len(html)
        if content_end - opened.end() > INLINE_DATA_MAX_CHARS:
            pieces.append(html[kept_to : opened.end()])
            kept_to = content_end
        if closed is None:
            break
        search_from = closed.end()
    if pieces:
        pieces.append(html[kept_to:])
        html = "".join(pieces)
    return _LONG_ATTRIBUTE.sub(r'\1""', html)


def _decode_line(raw: bytes, *, name: str, line: int) -> str:
    """A line of bytes as text; raises ``InputError`` naming the line and the column."""
    try:
        return raw.decode("utf-8-sig" if line == 1 else "utf-8")
    except UnicodeDecodeError as error:
        raise InputError(
            f"invalid UTF-8 at column {error.start + 1}", file=name, line=line
        ) from None


def _read_line(stream: IO[bytes] | TextIO, limit: int | None) -> tuple[bytes | str, int | None]:
    """The next line of ``stream`` (empty at the end) and None; for a line longer than
    ``limit``, its first ``_HEAD_BYTES`` and its size, the rest read past and dropped.
    """
    raw = stream.readline(limit + 1) if limit else stream.readline()
    newline = b"\n" if isinstance(raw, bytes) else "\n"
    if not limit or len(raw) <= limit or raw.endswith(newline):
        return raw, None
    size = len(raw)
    head = raw[:_HEAD_BYTES]
    del raw
    while chunk := stream.readline(_SKIP_CHUNK_BYTES):
        size += len(chunk)
        if chunk.endswith(newline):
            size -= 1
            break
    return head, size


# The document id near the start of a JSON object: a key "id" where a key may stand (a quote
# inside a JSON string is escaped, so '{"id":' or ', "id":' only occur as keys).
_ID_KEY = re.compile(r'[{,]\s*"id"\s*:\s*(?:"((?:[^"\\]|\\.){1,200})"|(-?\d{1,30})\b)')


def _id_in_head(head: bytes | str) -> str | None:
    """The document id a JSON line too long to parse seems to start with, if it names one."""
    text = head.decode("utf-8", "replace") if isinstance(head, bytes) else head
    found = _ID_KEY.search(text)
    if found is None:
        return None
    if found.group(2) is not None:
        return found.group(2)
    try:
        return json.loads(f'"{found.group(1)}"').strip() or None
    except ValueError:
        return None


def _too_long(head: bytes | str, size: int, limit: int, *, name: str, line: int) -> InputError:
    return InputError(
        f"line is {size:,} bytes, over the limit of {limit:,} for one document "
        f"({JSON_LINE_BYTES_PER_CHAR} bytes per character of --max-chars); skipped unread",
        file=name,
        line=line,
        doc_id=_id_in_head(head),
    )


def _read_jsonl(
    stream: IO[bytes] | TextIO, name: str, max_chars: int | None = DEFAULT_MAX_CHARS
) -> Iterator[Document | InputError]:
    """Documents of a JSON-lines stream, one line at a time, with an error per bad line, and
    ``EMPTY_JSON_LINES`` if it has only blank lines.
    """
    has_content = False
    for item in read_jsonl_lines(stream, name, max_chars):
        has_content = True
        yield item
    if not has_content:
        yield InputError(EMPTY_JSON_LINES, file=name)


def read_jsonl_lines(
    stream: IO[bytes] | TextIO,
    name: str,
    max_chars: int | None = DEFAULT_MAX_CHARS,
    *,
    first_line: int = 1,
    end: int | None = None,
) -> Iterator[Document | InputError]:
    """Documents of the JSON lines of ``stream`` from where it stands, with an error per bad
    line; a blank line gives nothing.

    Lines are numbered from ``first_line`` (the first one may start with a UTF-8 BOM). With
    ``end``, a line that starts at byte ``end`` or later is left unread: a reader of one block
    of a file (``rasad.scale``) reads the lines that start in it. A line is held once as bytes,
    then as text, then parsed, each dropped when the next is made; a line over the byte limit
    is never held whole.
    """
    limit = _byte_limit(max_chars, JSON_LINE_BYTES_PER_CHAR)
    line_number = first_line - 1
    while end is None or stream.tell() < end:
        raw, oversize = _read_line(stream, limit)
        if not raw:
            break
        line_number += 1
        origin = f"{name}:{line_number}"
        try:
            if oversize is not None:
                assert limit is not None
                raise _too_long(raw, oversize, limit, name=name, line=line_number)
            line = _decode_line(raw, name=name, line=line_number) if isinstance(raw, bytes) else raw
            raw = b""  # the bytes are not needed once decoded
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(
                    f"malformed JSON: {error.msg} (column {error.colno})",
                    file=name,
                    line=line_number,
                ) from None
            except ValueError as error:  # an integer of more than 4,300 digits
                raise InputError(
                    f"malformed JSON: {str(error).split(';')[0]}", file=name, line=line_number
                ) from None
            except RecursionError:
                raise InputError(
                    "malformed JSON: nested too deeply", file=name, line=line_number
                ) from None
            line = ""  # nor the text once parsed
            yield document_from_record(record, origin=origin, max_chars=max_chars)
        except InputError as error:
            yield error


def _file_size(path: Path) -> int:
    """The size of a file in bytes; raises ``InputError`` naming it if it cannot be read."""
    try:
        return path.stat().st_size
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", file=str(path)) from None


def _read_bytes(path: Path) -> bytes:
    """The bytes of a file; raises ``InputError`` naming it if it cannot be read."""
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", file=str(path)) from None


def _decode_text_file(data: bytes, name: str) -> str:
    """A whole text file as a string; raises ``InputError`` naming the line of a bad byte."""
    if b"\0" in data or looks_binary(data[:BINARY_SNIFF_BYTES]):
        raise InputError("binary data or UTF-16, not UTF-8 text", file=name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError("invalid UTF-8", file=name, line=line) from None


def _check_file_size(path: Path, limit: int | None, max_chars: int | None, what: str) -> None:
    """Raises ``InputError`` naming the file and its size if it is over ``limit`` bytes."""
    size = _file_size(path)
    if limit is not None and size > limit:
        raise InputError(
            f"file is {size:,} bytes, over the limit of {limit:,} for {what} "
            f"of at most {max_chars:,} characters (--max-chars); skipped unread",
            file=str(path),
            doc_id=path.stem,
            field="text",
        )


# The first line with something on it, split where ``str.splitlines`` splits.
_FIRST_LINE = re.compile(r"\S[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]*")


def _read_text_file(path: Path, max_chars: int | None = DEFAULT_MAX_CHARS) -> Document:
    """The Document of a plain-text file: id its stem, title its first non-empty line."""
    name = str(path)
    _check_file_size(
        path, _byte_limit(max_chars, UTF8_MAX_BYTES_PER_CHAR), max_chars, "a text file"
    )
    text = _decode_text_file(_read_bytes(path), name)
    first = _FIRST_LINE.search(text)
    title = first.group().strip() if first is not None else None
    return document_from_record(
        {"id": path.stem, "text": text, "title": title}, origin=f"{name}:1", max_chars=max_chars
    )


def _read_html_file(path: Path, max_chars: int | None = DEFAULT_MAX_CHARS) -> Document:
    """The Document of a saved web page, id its stem."""
    _check_file_size(path, _byte_limit(max_chars, HTML_BYTES_PER_CHAR), max_chars, "a web page")
    data = _read_bytes(path)
    if not data.strip():
        raise InputError("empty file: no HTML", file=str(path), doc_id=path.stem, field="text")
    if looks_binary(data[:BINARY_SNIFF_BYTES]):
        raise InputError(
            "binary data or UTF-16, not an HTML page",
            file=str(path),
            doc_id=path.stem,
            field="text",
        )
    from trafilatura.utils import decode_file

    # Older Arabic sites still serve windows-1256; decode_file honours the declared charset.
    html = decode_file(data)
    del data
    return document_from_html(html, doc_id=path.stem, origin=f"{path}:1", max_chars=max_chars)


def _read_stdin(
    stdin: TextIO | None, max_chars: int | None = DEFAULT_MAX_CHARS
) -> Iterator[Document | InputError]:
    stream = stdin if stdin is not None else sys.stdin
    # Reading bytes lets an invalid UTF-8 line be reported and skipped instead of ending
    # the whole stream with a decode error.
    binary = getattr(stream, "buffer", None)
    peek = getattr(binary, "peek", None)
    if peek is not None and looks_binary(peek(BINARY_SNIFF_BYTES)[:BINARY_SNIFF_BYTES]):
        yield InputError("binary data or UTF-16, not UTF-8 JSON lines", file=STDIN_NAME)
        return
    yield from _read_jsonl(binary if binary is not None else stream, STDIN_NAME, max_chars)


def _files_under(directory: Path) -> list[Path]:
    """Input files below ``directory``, sorted; hidden files and folders are skipped."""
    return sorted(
        path
        for path in directory.rglob("*")
        if path.is_file()
        and path.suffix.lower() in INPUT_SUFFIXES
        and not any(part.startswith(".") for part in path.relative_to(directory).parts)
    )


def _read_path(
    path: Path, max_chars: int | None = DEFAULT_MAX_CHARS
) -> Iterator[Document | InputError]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        try:
            handle = path.open("rb")
        except OSError as error:
            yield InputError(f"cannot read: {error.strerror}", file=str(path))
            return
        with handle:
            # A binary file: reading on would report every chunk of it as a bad line.
            if looks_binary(handle.peek(BINARY_SNIFF_BYTES)[:BINARY_SNIFF_BYTES]):
                yield InputError("binary data or UTF-16, not UTF-8 JSON lines", file=str(path))
                return
            try:
                yield from _read_jsonl(handle, str(path), max_chars)
            except OSError as error:
                yield InputError(f"read failed: {error.strerror}", file=str(path))
        return
    reader = _read_text_file if suffix in TEXT_SUFFIXES else _read_html_file
    try:
        yield reader(path, max_chars)
    except InputError as error:
        yield error


def read_documents(
    inputs: Iterable[str],
    *,
    stdin: TextIO | None = None,
    max_chars: int | None = DEFAULT_MAX_CHARS,
) -> Iterator[Document | InputError]:
    """Documents read from ``inputs``, in order, with an ``InputError`` for each problem.

    Each input is a JSON-lines file (``.jsonl``, ``.json``, ``.ndjson``), a text file
    (``.txt``: one document), a web page (``.html``, ``.htm``), a directory (its input files,
    sorted, recursively) or ``-`` for JSON lines on ``stdin`` (default ``sys.stdin``).
    Never raises for a bad input. A document id met a second time is an error: event ids
    are derived from document ids and would collide. A document whose text is longer than
    ``max_chars`` characters is an error (None or 0: no limit), and so is a JSON line, text
    file or web page too large to hold such a text (16, 4 and 64 bytes per character of the
    limit), refused before it is parsed.
    """
    first_origin: dict[str, str] = {}
    for item in _read_inputs(inputs, stdin, max_chars):
        if isinstance(item, Document):
            origin = item.origin or ""
            if item.id in first_origin:
                file, line = _where(origin)
                yield InputError(
                    f"duplicate document id, first read at {first_origin[item.id]}",
                    file=file,
                    line=line,
                    doc_id=item.id,
                    field="id",
                )
                continue
            first_origin[item.id] = origin
        yield item


def _read_inputs(
    inputs: Iterable[str], stdin: TextIO | None, max_chars: int | None
) -> Iterator[Document | InputError]:
    for given in inputs:
        if given == "-":
            yield from _read_stdin(stdin, max_chars)
            continue
        path = Path(given)
        if path.is_dir():
            files = _files_under(path)
            if not files:
                yield InputError("directory holds no .jsonl, .txt or .html files", file=given)
            for file in files:
                yield from _read_path(file, max_chars)
        elif not path.exists():
            yield InputError("no such file or directory", file=given)
        elif path.suffix.lower() not in INPUT_SUFFIXES:
            yield InputError(
                "unknown input type: expected .jsonl, .json, .ndjson, .txt, .html or .htm",
                file=given,
            )
        else:
            yield from _read_path(path, max_chars)
