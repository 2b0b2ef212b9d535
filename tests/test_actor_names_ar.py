"""The Arabic display names of the canonical actors (actor_names_ar.tsv), shown by the
dashboard's Arabic view through /api/actors."""

from __future__ import annotations

import re

from rasad.api.names import actor_names_ar
from rasad.extractors.actors import actors_by_name
from rasad.lexicon import read_tsv

ARABIC_LETTER = re.compile("[\u0621-\u064a]")
YEAR = re.compile(r"\d{4}")


def test_every_canonical_actor_has_one_arabic_display_name() -> None:
    rows = [row["actor"] for _, row in read_tsv("actor_names_ar.tsv", ["actor", "name_ar"])]
    assert len(rows) == len(set(rows)), "an actor named twice"
    assert set(rows) == set(actors_by_name())
    assert list(actor_names_ar()) == rows


def test_display_names_are_arabic_and_tell_apart_the_actors_they_name() -> None:
    names = actor_names_ar()
    for actor, name_ar in names.items():
        assert ARABIC_LETTER.search(name_ar), actor
        assert not re.search("[A-Za-z]", name_ar), actor
        # The period that tells apart actors of one name is kept, in words: a hyphen between
        # numbers in Arabic text is laid out right to left, and reads as the wrong range.
        assert YEAR.findall(name_ar) == YEAR.findall(actor), actor
        assert "-" not in name_ar, actor
    assert len(set(names.values())) == len(names), "two actors would look the same"
