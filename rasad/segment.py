"""Sentences and clauses of a normalised document.

A sentence ends at a full stop, question or exclamation mark, or a line break; a clause
ends at a comma or semicolon that a clause opener follows ("، فيما ..."، "، في حين ..."),
before a recap cue ("، وكان آخرها ...") and before what an act led to ("الذي دفع ..."). Headlines and sub-headings are marked, since the
codebook does not code a headline that repeats the body.

Example:
    >>> doc = Document(id="d", text="قتل عنصران، فيما أصيب ثالث. وصلت تعزيزات.")
    >>> [doc.norm.text[c[0]:c[1]] for s in segment(doc).sentences for c in s.clauses]
    ['قتل عنصران', 'فيما اصيب ثالث', 'وصلت تعزيزات']
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from itertools import pairwise

from rasad.extractors.triggers import trigger_matcher
from rasad.lexicon import read_tsv
from rasad.matching import PhraseMatch, PhraseMatcher
from rasad.model import Document, Sentence
from rasad.normalise import normalise, normalise_key

# The lookahead adds nothing to what matches, but at most positions it fails at once where
# the alternatives were each tried in turn: the search runs three times as fast. A stop after
# a letter standing alone is an initial ("القيادي (ف.ح)"، "د. أحمد"), no sentence's end.
_SENTENCE_END = re.compile(r"(?=[\n.!?])(?:\n+|(?<!\d)(?<![\s(.]\w)[.!?]+(?!\d)|\.{2,})")
_CLAUSE_BREAK = re.compile(r"[,;:]")
ADDS_TO_IT = "continues"  # "كما": a sentence or a clause that adds to the one before
ALONGSIDE = "alongside"  # "تزامنا مع": another act told alongside the clause's own
ACT_REACH = 20  # characters after "كما" within which an act's word starts
FRONTED_WORDS = 2  # words before a phrase still put first: "وفيما بدا ردا على الهجوم"
HEADING_MAX_TOKENS = 16  # sub-headings in Syrian outlets run to about a dozen words


@cache
def _clause_openers() -> PhraseMatcher[str]:
    matcher: PhraseMatcher[str] = PhraseMatcher()
    for _, row in read_tsv("discourse_cues.tsv", ["cue", "kind"]):
        if row["kind"] in (
            "clause",
            ALONGSIDE,
            "result",
            "recap",
            "recap_phrase",
            "recap_start",
            ADDS_TO_IT,
        ):
            matcher.add(row["cue"], row["kind"])
    return matcher


def segment(doc: Document) -> Document:
    """Fill ``doc.sentences`` (normalising ``doc.body`` first if that was not done)."""
    if doc.norm is None:
        doc.norm = normalise(doc.body or doc.text)
    text = doc.norm.text
    title_key = normalise_key(doc.title) if doc.title else None
    sentences: list[Sentence] = []
    paragraph = 0
    position = 0
    for match in _SENTENCE_END.finditer(text + "\n"):
        start, end = _strip(text, position, match.start())
        if end > start:
            sentences.append(Sentence(start, end, paragraph))
        if "\n" in match.group():
            paragraph += 1
        position = match.end()
    _mark_headings(sentences, text, title_key)
    # The openers are found in the whole text at once; a sentence's clauses use its own.
    openers = [
        match
        for match in doc.find(_clause_openers())
        if match.payload != ADDS_TO_IT or _an_act_follows(doc, match.end)
    ]
    opener_starts = [match.start for match in openers]
    for sentence in sentences:
        first = bisect_left(opener_starts, sentence.start)
        last = bisect_left(opener_starts, sentence.end)
        inside = [m for m in openers[first:last] if m.end <= sentence.end]
        sentence.clauses = _clauses(text, sentence.start, sentence.end, inside)
    doc.sentences = sentences
    return doc


def _an_act_follows(doc: Document, at: int) -> bool:
    """ "قتل شاب في بلدة المزيريب، كما اختطف مسلحون رجلا": what adds to a sentence opens a
    clause of its own when an act's word comes right after it."""
    return any(match.start - at <= 1 for match in doc.find(trigger_matcher(), at, at + ACT_REACH))


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


def _mark_headings(sentences: list[Sentence], text: str, title_key: str | None) -> None:
    """A headline is the title, or a short line standing alone as its own paragraph."""
    by_paragraph: dict[int, list[Sentence]] = {}
    for sentence in sentences:
        by_paragraph.setdefault(sentence.paragraph, []).append(sentence)
    groups = list(by_paragraph.values())
    for group in groups:
        first = group[0]
        line = text[first.start : group[-1].end]
        # maxsplit: a paragraph's words are counted only as far as the limit.
        standalone = (
            len(group) <= 2 and len(line.split(maxsplit=HEADING_MAX_TOKENS)) <= HEADING_MAX_TOKENS
        )
        ends_like_prose = text[group[-1].end : group[-1].end + 1] in (".", "!")
        is_last = group is groups[-1]  # a heading heads something: the last paragraph is body
        if (title_key and _key_starts_with(line, title_key)) or (
            standalone and not ends_like_prose and not is_last
        ):
            for sentence in group:
                sentence.is_title = True


def _key_starts_with(line: str, key: str) -> bool:
    """``normalise_key(line).startswith(key)``, normalising no more of a long line than needed.

    The key of a prefix of a line is a prefix of the line's key, so a prefix whose key is as
    long as ``key``, or already differs from it, decides.
    """
    size = 16
    while True:
        head = normalise_key(line[:size])
        if len(head) >= len(key) or size >= len(line):
            return head.startswith(key)
        if not key.startswith(head):
            return False
        size *= 2


def _clauses(
    text: str, start: int, end: int, openers: list[PhraseMatch[str]]
) -> list[tuple[int, int]]:
    cuts = {start}
    for match in openers:
        cut = _clause_start(text, match.start)
        before = text[start:cut].rstrip()
        # "، فيما ..."، "، وكان ...": after a comma; a recap ("بعد أيام من") or what an act
        # led to ("الذي دفع") cuts anywhere.
        if before and (
            _CLAUSE_BREAK.match(before[-1]) or match.payload in ("recap", "recap_phrase", "result")
        ):
            cuts.add(cut)
        if match.payload in ("recap_phrase", ALONGSIDE) and len(before.split()) <= FRONTED_WORDS:
            # "ردا على الهجوم، شنت قوات النظام غارات"، "وفيما بدا ردا على الهجوم، شنت": put
            # first, the phrase ends at its comma
            comma = _CLAUSE_BREAK.search(text, match.end, end)
            if comma is not None:
                cuts.add(comma.end())
    bounds = [*sorted(cuts), end]
    clauses = []
    for clause_start, clause_end in pairwise(bounds):
        s, e = _strip(text, clause_start, clause_end)
        if e > s:
            clauses.append((s, e))
    return clauses


def _clause_start(text: str, index: int) -> int:
    """Back up over a conjunction glued to the cue ("وكان")."""
    return index - 1 if index > 0 and text[index - 1] in "وف" else index
