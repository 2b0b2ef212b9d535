"""historical, and which acts are not coded at all: discourse cues around a trigger.

``discourse_cues.tsv`` lists the framing that marks background ("وكان ... قد"، "سبق أن"،
"بعد أيام من"، "وكان آخرها"), aggregate tallies ("منذ بداية العام")، plans and fears
("بهدف"، "تحسباً") and references back to acts already told ("هذه الهجمات").

Example:
    >>> doc = Document.from_text("وكانت داهمت دورية منزل القيادي")
    >>> frame = frame_clause(doc, 0, len(doc.norm.text), sentence_start=0)
    >>> frame.historical
    True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rasad.lexicon import read_tsv
from rasad.matching import PhraseMatcher, tokenize
from rasad.model import Document, Mention


@dataclass(frozen=True, slots=True)
class ClauseFrame:
    """How the discourse frames the acts of one clause."""

    historical: bool
    historical_cue: Mention | None
    tally: bool
    plan_from: int | None  # normalised offset after which acts are only planned or feared
    anaphora: tuple[Mention, ...]


@cache
def cue_matcher() -> PhraseMatcher[str]:
    matcher: PhraseMatcher[str] = PhraseMatcher()
    for _, row in read_tsv("discourse_cues.tsv", ["cue", "kind"]):
        if row["cue"] not in matcher:
            matcher.add(row["cue"], row["kind"])
    return matcher


def find_cues(doc: Document, start: int, end: int) -> list[Mention]:
    """Discourse cue mentions in ``doc.norm.text[start:end]``; value: the cue's kind."""
    assert doc.norm is not None
    tokens = tokenize(doc.norm.text, start, end)
    return [Mention("cue", m.start, m.end, m.payload) for m in cue_matcher().find(tokens)]


def frame_clause(
    doc: Document, start: int, end: int, *, sentence_start: int, sentence_historical_from: int | None = None
) -> ClauseFrame:
    """The frame of clause ``[start, end)``; background began at ``sentence_historical_from``."""
    cues = find_cues(doc, start, end)
    recap = next((c for c in cues if c.value == "recap"), None)
    recap_start = next((c for c in cues if c.value == "recap_start" and c.start <= start + 1), None)
    historical_cue = recap_start or recap
    historical = historical_cue is not None or (
        sentence_historical_from is not None and start >= sentence_historical_from
    )
    plan = next((c for c in cues if c.value == "plan"), None)
    return ClauseFrame(
        historical=historical,
        historical_cue=historical_cue,
        tally=any(c.value == "tally" for c in cues),
        plan_from=plan.start if plan else None,
        anaphora=tuple(c for c in cues if c.value == "anaphora"),
    )
