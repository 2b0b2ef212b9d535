"""Blanking out page furniture: share buttons, related links, bylines, counters, repeats.

Texts scraped from news sites carry lines that are not the report: share buttons, "اقرأ
أيضاً:" and the headlines listed after it, comment counters, bylines, separators, and the
headline repeated two or three times. ``clean`` replaces those characters with spaces in
``Document.body`` and keeps every newline, so that ``body`` has the same length and offsets as
``Document.text`` and every later stage can read ``body`` yet report spans of ``text``.

The words that mark furniture live in ``rasad/data/lexicons/furniture.tsv``; this module holds
only the rules that say how a line is compared with them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rasad.errors import LexiconError
from rasad.lexicon import lexicon_path, read_tsv
from rasad.model import Document
from rasad.normalise import NormalisedText, normalise, normalise_key

FURNITURE_LEXICON = "furniture.tsv"
FURNITURE_KINDS = ("line", "prefix", "block")

# A list line after a related-links heading is a headline; the block ends at the first line
# that reads like report prose. Headlines of the sample sites run to 16 words and do not end
# in a full stop; body paragraphs run longer or end in one. Both thresholds err towards
# keeping text: a dropped paragraph loses events, a kept headline is only noise.
BODY_PARAGRAPH_MIN_WORDS = 25
BODY_SENTENCE_MIN_WORDS = 6

# What may follow an outlet's name on its byline line ("SY24 -خاص", "أوطان بوست – فريق
# التحرير"): a few words. A longer remainder is a sentence that begins with the outlet's name.
OUTLET_BYLINE_MAX_WORDS = 3

# Counters under share and comment buttons ("0", "12") stand alone on their line.
_COUNTER = re.compile(r"\d{1,6}")
_TITLE_TAIL = re.compile(r"\s[-–—|]\s")
_ARABIC_LETTER = re.compile(r"[\u0620-\u064a\u0671-\u06d3\u06fa-\u06ff]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")


@dataclass(frozen=True, slots=True)
class Furniture:
    """The furniture lexicon, normalised: whole lines, line prefixes and block headings."""

    lines: frozenset[str]
    prefixes: tuple[str, ...]
    blocks: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Line:
    """One line of the text: ``text[start:end]`` without its newline or carriage return."""

    start: int
    end: int
    full: str  # normalised, symbols at the start dropped, punctuation at the end kept
    core: str  # normalised, symbols at both ends dropped: what whole-line patterns compare
    is_empty: bool  # only whitespace


def _core(text: str) -> str:
    """The normalised form of ``text`` without symbols at either end: what lines compare."""
    key = normalise_key(text)
    start, end = _word_bounds(key)
    return key[start:end]


def _word_bounds(key: str) -> tuple[int, int]:
    """Where ``key`` starts and ends once symbols (all but letters and digits) are cut off both
    ends: a loop over the few symbols, where a regex tested every character of the line."""
    start, end = 0, len(key)
    while start < end and not key[start].isalnum():
        start += 1
    while end > start and not key[end - 1].isalnum():
        end -= 1
    return start, end


@cache
def load_furniture() -> Furniture:
    """The furniture lexicon; raises ``LexiconError`` naming the line of a bad row."""
    lines: set[str] = set()
    prefixes: list[str] = []
    blocks: set[str] = set()
    path = str(lexicon_path(FURNITURE_LEXICON))
    for line_number, row in read_tsv(FURNITURE_LEXICON, ["pattern", "kind"]):
        kind = row["kind"]
        if kind not in FURNITURE_KINDS:
            raise LexiconError(
                f"kind {kind!r} is not one of {', '.join(FURNITURE_KINDS)}",
                file=path,
                line=line_number,
            )
        # Prefixes keep their closing punctuation: "الكاتب:" must not match "الكاتبة قالت".
        pattern = normalise_key(row["pattern"])
        key = pattern[_word_bounds(pattern)[0] :] if kind == "prefix" else _core(row["pattern"])
        if not key:
            raise LexiconError("pattern has no letters or digits", file=path, line=line_number)
        if kind == "line":
            lines.add(key)
        elif kind == "prefix":
            prefixes.append(key)
        else:
            blocks.add(key)
    return Furniture(frozenset(lines), tuple(prefixes), frozenset(blocks))


def _split_lines(text: str, normal: str) -> list[_Line]:
    """The lines of ``text`` split at newlines only, so that offsets stay those of ``text``.

    ``normal`` is ``normalise(text).text``, which keeps every newline: its lines are the
    lines of ``text`` normalised.
    """
    lines = []
    start = 0
    keys = (" ".join(line.split()) for line in normal.split("\n"))
    for raw, key in zip(text.split("\n"), keys, strict=True):
        end = start + len(raw)
        content_end = end - 1 if raw.endswith("\r") else end
        start_of_words, end_of_words = _word_bounds(key)
        full = key[start_of_words:]
        core = key[start_of_words:end_of_words]
        lines.append(_Line(start, content_end, full, core, not raw.strip()))
        start = end + 1
    return lines


def _starts_with_word(text: str, prefix: str) -> bool:
    """Whether ``text`` starts with ``prefix`` and, if it ends in a letter, a word ends there."""
    if not text.startswith(prefix):
        return False
    if len(text) == len(prefix) or not prefix[-1].isalnum():
        return True
    return not text[len(prefix)].isalnum()


def _is_inline_related_link(line: _Line, furniture: Furniture) -> bool:
    """Whether a line is a related-links heading with its one link: "اقرأ أيضاً: عنوان"."""
    if not line.full.startswith(_headings(furniture)):
        return False  # what most lines are: one C call instead of a test for each heading
    return any(
        line.full.startswith(heading) and line.full[len(heading) :].lstrip().startswith(":")
        for heading in furniture.blocks
    )


@cache
def _headings(furniture: Furniture) -> tuple[str, ...]:
    """The block headings as a tuple, for ``str.startswith``."""
    return tuple(furniture.blocks)


def _reads_like_body(line: _Line, text: str) -> bool:
    """Whether a line after a related-links heading is report prose rather than a headline."""
    raw = text[line.start : line.end].strip()
    if raw.startswith(("-", "•", "*", "–", "●", "■", "▪")):
        return False
    words = len(raw.split())
    if words >= BODY_PARAGRAPH_MIN_WORDS:
        return True
    ends_a_sentence = raw.endswith(".") and not raw.endswith("..")
    return ends_a_sentence and words >= BODY_SENTENCE_MIN_WORDS


def _is_furniture(line: _Line, furniture: Furniture, outlet: str | None) -> bool:
    """Whether a whole line is furniture on its own: a button, byline, counter or rule."""
    if not any(char.isalnum() for char in line.core):
        return True  # separators: tatweel runs, rules of dashes or stars, lone emoji
    if line.core in furniture.lines or _COUNTER.fullmatch(line.core):
        return True
    if line.full.startswith(furniture.prefixes) and any(
        _starts_with_word(line.full, prefix) for prefix in furniture.prefixes
    ):
        return True
    return outlet is not None and _is_outlet_byline(line, outlet)


def _is_outlet_byline(line: _Line, outlet: str) -> bool:
    """Whether a line is the outlet's name, maybe with a word or two ("SY24 -خاص")."""
    if not _starts_with_word(line.full, outlet):
        return False
    remainder = line.full[len(outlet) :].strip(" -:|/")
    return len(remainder.split()) <= OUTLET_BYLINE_MAX_WORDS and "." not in remainder


def _site_name_tail(line: _Line, text: str, outlet: str | None) -> int | None:
    """Where a " - Site Name" appended to the headline starts, or None if it has none."""
    raw = text[line.start : line.end]
    separators = list(_TITLE_TAIL.finditer(raw))
    if not separators:
        return None
    separator = separators[-1]
    head, tail = raw[: separator.start()], raw[separator.end() :]
    if not _ARABIC_LETTER.search(head):
        return None
    latin_name = _LATIN_LETTER.search(tail) and not _ARABIC_LETTER.search(tail)
    if latin_name or (outlet and _core(tail) == outlet):
        return line.start + separator.start()
    return None


def _furniture_spans(doc: Document, normal: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` character ranges of ``doc.text`` that are page furniture."""
    furniture = load_furniture()
    outlet = _core(doc.outlet or "") or None
    spans: list[tuple[int, int]] = []
    seen: set[str] = set()
    in_block = False
    for line in _split_lines(doc.text, normal):
        if line.is_empty:
            continue  # an empty line: nothing to blank, and it does not end a block
        if in_block:
            if not _reads_like_body(line, doc.text):
                spans.append((line.start, line.end))
                continue
            in_block = False
        if line.core in furniture.blocks:
            in_block = True
            spans.append((line.start, line.end))
            continue
        if _is_furniture(line, furniture, outlet) or _is_inline_related_link(line, furniture):
            spans.append((line.start, line.end))
            continue
        key = line.core
        if not seen:
            tail = _site_name_tail(line, doc.text, outlet)
            if tail is not None:
                spans.append((tail, line.end))
                key = _core(doc.text[line.start : tail])
        if key in seen:
            spans.append((line.start, line.end))  # the headline again, or a line said twice
        seen.add(key)
    return spans


def clean(doc: Document, normalised: NormalisedText | None = None) -> Document:
    """The same document with ``body`` set: ``text`` with furniture blanked to spaces.

    ``body`` keeps every newline and has exactly the length of ``text``, so offsets into one
    are offsets into the other. ``normalised`` is ``normalise(doc.text)`` if the caller has
    it: lines are compared with the furniture lexicon normalised.
    """
    normal = (normalised or normalise(doc.text)).text
    pieces = []
    position = 0
    for start, end in _furniture_spans(doc, normal):
        pieces.append(doc.text[position:start])
        pieces.append(" " * (end - start))
        position = end
    pieces.append(doc.text[position:])
    doc.body = "".join(pieces)
    return doc


def clean_text(doc: Document) -> str:
    """What a person would read: the body with blanked lines and blank runs collapsed.

    Cleans the document first if its ``body`` is not set.
    """
    body = doc.body if len(doc.body) == len(doc.text) and doc.text else clean(doc).body
    lines: list[str] = []
    for original, kept in zip(doc.text.split("\n"), body.split("\n"), strict=True):
        line = kept.strip()
        if line:
            lines.append(line)
        elif not original.strip() and lines and lines[-1]:
            lines.append("")  # a paragraph break of the original, once
        # a line that only furniture filled goes without a trace
    return "\n".join(lines).strip()
