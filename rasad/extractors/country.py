"""Which country a report is about: rasad codes Syria, and says so when a report is not.

Counts the country names of ``data/lexicons/countries.tsv`` and the Syrian places the
geocoder found; a report that names another conflict country more often than Syria is out of
scope, and gives no events.

Example:
    >>> about_syria(Document.from_text("انفجار في حي الكرادة ببغداد، العاصمة العراقية"), places=[])
    False
"""

from __future__ import annotations

from collections import Counter
from functools import cache

from rasad.lexicon import read_tsv
from rasad.matching import PhraseMatcher
from rasad.model import Document, Mention

SYRIA = "SY"
MIN_FOREIGN_MENTIONS = 2  # one passing mention of Iraq does not make a report Iraqi


@cache
def country_matcher() -> PhraseMatcher[str]:
    matcher: PhraseMatcher[str] = PhraseMatcher()
    for _, row in read_tsv("countries.tsv", ["name", "country"]):
        matcher.add(row["name"], row["country"])
    return matcher


@cache
def abroad_matcher() -> PhraseMatcher[str]:
    matcher: PhraseMatcher[str] = PhraseMatcher()
    for _, row in read_tsv("abroad.tsv", ["name", "country"]):
        matcher.add(row["name"], row["country"])
    return matcher


LOCATIVES = ("في", "داخل")
DIRECTIONS = frozenset(
    {"جنوب", "شمال", "شرق", "غرب", "جنوبي", "شمالي", "شرقي", "غربي", "وسط", "اقصى"}
)


def told_abroad(doc: Document, start: int, end: int) -> int | None:
    """Where, in normalised ``[start, end)``, a clause first puts something abroad: "في
    تركيا"، "بجنوب تركيا"، "في جنوب شرق تركيا"، "داخل الأراضي اللبنانية"; None if nowhere."""
    assert doc.norm is not None
    text = doc.norm.text
    for match in doc.find(abroad_matcher(), start, end):
        words = text[max(start, match.start - 30) : match.start].split()
        if text[max(0, match.start - 1) : match.start] == "ب" or _locative(words):
            return match.start
        leading = words[-3:]
        while leading and leading[-1].lstrip("ب") in DIRECTIONS:
            if leading[-1].startswith("ب") or _locative(leading[:-1]):
                return match.start
            leading = leading[:-1]
    return None


def _locative(words: list[str]) -> bool:
    """Whether the last of ``words`` puts what follows at a place: "في"، "داخل" (not "من
    داخل", whence something came)."""
    if not words or words[-1] not in LOCATIVES:
        return False
    return not (words[-1] == "داخل" and len(words) > 1 and words[-2] == "من")


def about_syria(doc: Document, places: list[Mention]) -> bool:
    """False when the report is mostly about another country's conflict."""
    counts = Counter(match.payload for match in doc.find(country_matcher()))
    foreign = max((n for country, n in counts.items() if country != SYRIA), default=0)
    return foreign < MIN_FOREIGN_MENTIONS or foreign <= counts[SYRIA] + len(places)
