"""The data files of fatality counts and dates: well formed, no duplicate keys, no empty entries."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest

from rasad.lexicon import read_tsv, word_set
from rasad.normalise import normalise_key

# file → (key column, every column that must be filled)
LEXICONS = {
    "number_words.tsv": ("word", ["word", "value", "role", "alone"]),
    "vague_quantities.tsv": ("phrase", ["phrase", "low", "high", "vague"]),
    "quantity_modifiers.tsv": ("phrase", ["phrase", "effect", "position"]),
    "death_words.tsv": ("phrase", ["phrase", "kind", "role", "gap", "number"]),
    "person_nouns.tsv": ("singular", ["singular", "plurals"]),
    "months.tsv": ("name", ["name", "month", "ambiguous"]),
    "weekdays.tsv": ("name", ["name", "weekday"]),
    "day_ordinals.tsv": ("name", ["name", "day"]),
    "relative_dates.tsv": ("phrase", ["phrase", "unit", "offset", "precision", "past", "key"]),
    "durations.tsv": ("word", ["word", "kind"]),
}


@pytest.mark.parametrize("name", sorted(LEXICONS))
def test_lexicon_has_no_duplicate_or_empty_keys(name):
    key, columns = LEXICONS[name]
    seen: dict[str, int] = {}
    rows = list(read_tsv(name, columns))
    assert rows, f"{name} is empty"
    for line, row in rows:
        normal = normalise_key(row[key])
        assert normal, f"{name}:{line}: empty {key}"
        assert normal not in seen, f"{name}:{line}: {row[key]!r} repeats line {seen[normal]}"
        seen[normal] = line


def test_number_words_cover_one_to_ten_hundreds_and_thousand():
    values = {int(row["value"]) for _, row in read_tsv("number_words.tsv", ["value"])}
    assert set(range(1, 11)) | {20, 90, 100, 200, 900, 1000, 2000} <= values


def test_number_word_roles_are_known_and_only_multipliers_need_a_number_before_them():
    for line, row in read_tsv("number_words.tsv", ["word", "role", "alone"]):
        assert row["role"] in {"add", "teen", "times"}, line
        assert row["alone"] in {"yes", "no"}, line
        # "آلاف", "ألفاً": a multiplier that says nothing alone
        assert row["alone"] == "yes" or row["role"] == "times", line


def test_number_words_spell_every_hundred_with_mia_and_maa():
    # "ثلاثمئة" and the older "ثلاثمائة" are both current
    rows = list(read_tsv("number_words.tsv", ["word", "value"]))
    for hundreds in range(100, 1000, 100):
        spellings = [row["word"] for _, row in rows if int(row["value"]) == hundreds]
        assert any("مئ" in w for w in spellings), hundreds
        assert any("مائ" in w for w in spellings), hundreds


def test_months_cover_both_sets_for_every_month():
    rows = read_tsv("months.tsv", ["name", "month"])
    names = [(row["name"], int(row["month"])) for _, row in rows]
    assert {month for _, month in names} == set(range(1, 13))
    assert ("شباط", 2) in names and ("فبراير", 2) in names
    assert ("كانون الأول", 12) in names and ("ديسمبر", 12) in names


def test_weekdays_cover_the_week():
    days = {int(row["weekday"]) for _, row in read_tsv("weekdays.tsv", ["weekday"])}
    assert days == set(range(7))


def test_relative_dates_use_known_units_and_precisions():
    for line, row in read_tsv("relative_dates.tsv", ["unit", "precision"]):
        assert row["unit"] in {"day", "month", "year", "part", "past", "ignore"}, line
        assert int(row["precision"]) in {0, 1, 2, 3}, line


def test_modifier_effects_and_death_roles_are_known():
    for line, row in read_tsv("quantity_modifiers.tsv", ["effect", "position"]):
        assert row["effect"] in {
            "at_least",
            "at_most",
            "about",
            "less_than",
            "inclusive",
            "partitive",
            "alternative",
        }, line
        assert row["position"] in {"before", "after"}, line
    for line, row in read_tsv("death_words.tsv", ["kind", "role", "number"]):
        assert row["kind"] in {"death", "injury"}, line
        assert row["role"] in {"after", "before", "both", "noun"}, line
        assert (row["role"] == "noun") == (row["number"] != "-"), line


def test_each_feast_has_one_first_day_a_year_in_order():
    by_feast: dict[str, list[date]] = {}
    for _, row in read_tsv("feasts.tsv", ["name", "first_day"]):
        by_feast.setdefault(row["name"], []).append(date.fromisoformat(row["first_day"]))
    assert set(by_feast) == {"عيد الفطر", "عيد الأضحى"}
    for name, days in by_feast.items():
        years = [d.year for d in days]
        assert years == sorted(set(years)), name
        # a lunar year is 354 or 355 days: each feast comes 10 to 12 days earlier each year
        assert all(10 <= (a.replace(year=b.year) - b).days <= 12 for a, b in pairwise(days)), name


def test_durations_are_stretches_of_time_and_the_words_that_join_them():
    # "بعد سنوات من الحصار"، "بعد أسبوعين على بدء الحملة"، "في خمسة أيام"، "خلال 11 يوما"
    kinds = {row["kind"] for _, row in read_tsv("durations.tsv", ["word", "kind"])}
    assert kinds == {
        "unit",
        "link",
        "counted",
        "over",
        "start",
        "throughout",
        "ongoing",
        "compared",
        "recent",
        "onset",
        "first",
        "single",
        "outset",
    }
    assert {"سنوات", "اسبوعين"} <= word_set("durations.tsv", kind="unit")
    assert {"اسبوع", "شهر"} <= word_set("durations.tsv", kind="single")
    assert word_set("durations.tsv", kind="link") == {"من", "علي"}  # "على" as normalised
    assert {"يوما", "شهرا"} <= word_set("durations.tsv", kind="counted")
    assert {"في", "خلال", "علي مدي"} <= word_set("durations.tsv", kind="over")
    assert word_set("durations.tsv", kind="throughout") == {"طوال", "طيله"}  # "طيلة" normalised
    assert {"الماضي", "الجاري"} <= word_set("durations.tsv", kind="recent")
    assert {"اندلاع", "شن"} <= word_set("durations.tsv", kind="onset")


def test_elapsed_units_are_days_or_months_with_a_precision():
    for line, row in read_tsv("elapsed_units.tsv", ["unit", "size", "dual", "precision"]):
        assert row["unit"] in {"day", "month"}, line
        assert int(row["size"]) >= 0 and row["dual"] in {"yes", "no"}, line
        assert int(row["precision"]) in {1, 2, 3}, line
    # "بعد أيام من": a bare plural stands for a few, only where the unit is such a plural
    few = {r["word"]: r["few"] for _, r in read_tsv("elapsed_units.tsv", ["word", "few"])}
    assert few["ايام"] == "3" and few["يوم"] == "-" and few["يومين"] == "-"
