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


def about_syria(doc: Document, places: list[Mention]) -> bool:
    """False when the report is mostly about another country's conflict."""
    counts = Counter(match.payload for match in doc.find(country_matcher()))
    foreign = max((n for country, n in counts.items() if country != SYRIA), default=0)
    return foreign < MIN_FOREIGN_MENTIONS or foreign <= counts[SYRIA] + len(places)
