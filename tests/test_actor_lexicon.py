"""The actor lexicon: actors.tsv, actor_aliases.tsv and actor_cues.tsv.

Checks that the three files are well formed and consistent with each other, and that a
PhraseMatcher built from the aliases finds the right canonical actor in phrases taken from
the bundled sample reports.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from itertools import combinations
from pathlib import Path

import pytest

from rasad.extractors import actors as actors_module
from rasad.lexicon import read_tsv
from rasad.matching import PhraseMatcher, tokenize
from rasad.normalise import normalise, normalise_key

ACTOR_COLUMNS = ("actor", "inter", "valid_from", "valid_until", "source", "note")
ALIAS_COLUMNS = ("alias", "actor", "note")
CUE_COLUMNS = ("cue", "role", "note")
# The roles rasad.extractors.actors understands; a name whose nearest cue has another role is dropped.
CUE_ROLES = actors_module.CUE_ROLES
FALL_OF_ASSAD = date(2024, 12, 8)
SEEDS = Path(__file__).parent / "fixtures" / "seeds"

OLD_ARMY = "Military Forces of Syria (2000-2024)"
NEW_ARMY = "Military Forces of Syria (2024-)"
ISLAMIC_STATE = "Islamic State (Syria)"
UNIDENTIFIED = "Unidentified Armed Group (Syria)"
IRGC = "Military Forces of Iran (1989-) Islamic Revolutionary Guard Corps"
US_2017 = "Military Forces of the United States (2017-2021)"
LOYALISTS = "Assad Loyalist Militia (Syria)"


def _optional_date(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


@pytest.fixture(scope="module")
def actors() -> dict[str, dict[str, str]]:
    rows: dict[str, dict[str, str]] = {}
    for line, row in read_tsv("actors.tsv", ["actor", "inter"]):
        assert row["actor"] not in rows, f"actors.tsv line {line}: duplicate {row['actor']!r}"
        rows[row["actor"]] = row
    return rows


@pytest.fixture(scope="module")
def aliases() -> list[tuple[int, dict[str, str]]]:
    return list(read_tsv("actor_aliases.tsv", ["alias", "actor"]))


@pytest.fixture(scope="module")
def cues() -> list[tuple[int, dict[str, str]]]:
    return list(read_tsv("actor_cues.tsv", ["cue", "role"]))


@pytest.fixture(scope="module")
def windows(actors) -> dict[str, tuple[date | None, date | None]]:
    return {
        name: (_optional_date(row["valid_from"]), _optional_date(row["valid_until"]))
        for name, row in actors.items()
    }


@pytest.fixture(scope="module")
def actors_by_key(aliases) -> dict[str, set[str]]:
    by_key: dict[str, set[str]] = defaultdict(set)
    for _, row in aliases:
        by_key[normalise_key(row["alias"])].add(row["actor"])
    return by_key


@pytest.fixture(scope="module")
def matcher(actors_by_key) -> PhraseMatcher[frozenset[str]]:
    built: PhraseMatcher[frozenset[str]] = PhraseMatcher(suffixes=True)
    for key, names in actors_by_key.items():
        built.add(key, frozenset(names))
    return built


def _actors_in(matcher: PhraseMatcher[frozenset[str]], text: str) -> set[str]:
    norm = normalise(text).text
    return {name for match in matcher.find(tokenize(norm)) for name in match.payload}


def _valid_on(windows, names, day: date) -> set[str]:
    valid = set()
    for name in names:
        start, until = windows[name]
        if (start is None or start <= day) and (until is None or day < until):
            valid.add(name)
    return valid


# ------------------------------------------------------------------ file shape


def test_files_have_the_documented_columns():
    for name, columns in (
        ("actors.tsv", ACTOR_COLUMNS),
        ("actor_aliases.tsv", ALIAS_COLUMNS),
        ("actor_cues.tsv", CUE_COLUMNS),
    ):
        _, first = next(read_tsv(name, columns[:1]))
        assert tuple(first) == columns, name


def test_lexicon_is_broad(actors, aliases, cues):
    assert len(actors) >= 60
    assert len(aliases) >= 800
    assert len(cues) >= 150


def test_no_empty_entries(actors, aliases, cues):
    for name, row in actors.items():
        assert name.strip() and row["inter"] and row["source"], name
    for line, row in aliases:
        assert row["alias"].strip() and row["actor"].strip(), f"aliases line {line}"
        assert normalise_key(row["alias"]), f"aliases line {line}: nothing left after normalising"
    for line, row in cues:
        assert normalise_key(row["cue"]) and row["role"], f"cues line {line}"


def test_inter_codes_are_acled_codes_1_to_8(actors):
    codes = {name: int(row["inter"]) for name, row in actors.items()}
    assert all(1 <= code <= 8 for code in codes.values()), codes
    assert codes[OLD_ARMY] == codes[NEW_ARMY] == 1
    assert codes[ISLAMIC_STATE] == 2
    assert codes["Civilians (Syria)"] == 7
    assert codes["Protesters (Syria)"] == 6
    assert codes["Military Forces of Russia (2000-)"] == 8


def test_validity_dates_parse_and_run_forwards(windows):
    for name, (start, until) in windows.items():
        if start and until:
            assert start < until, name


def test_syrian_state_actors_change_name_on_the_fall_of_assad(windows):
    assert windows[OLD_ARMY] == (None, FALL_OF_ASSAD)
    assert windows[NEW_ARMY] == (FALL_OF_ASSAD, None)
    assert windows["Police Forces of Syria (2000-2024)"] == (None, FALL_OF_ASSAD)
    assert windows["Police Forces of Syria (2024-)"] == (FALL_OF_ASSAD, None)


# ------------------------------------------------------------------ aliases


def test_every_authority_is_a_canonical_non_state_actor(actors):
    # authorities.tsv: the sides besides the state's whose detentions are arrests
    authorities = [row["actor"] for _, row in read_tsv("authorities.tsv", ["actor"])]
    assert authorities
    for name in authorities:
        assert name in actors, name
        assert int(actors[name]["inter"]) != 1, f"{name} is a state force already"


def test_every_alias_names_an_actor_in_actors_tsv(actors, aliases):
    unknown = [(line, row["actor"]) for line, row in aliases if row["actor"] not in actors]
    assert unknown == []


def test_every_actor_has_an_alias(actors, aliases):
    named = {row["actor"] for _, row in aliases}
    assert set(actors) - named == set()


def test_no_duplicate_alias_actor_pairs_after_normalisation(aliases):
    seen: dict[tuple[str, str], int] = {}
    duplicates = []
    for line, row in aliases:
        key = (normalise_key(row["alias"]), row["actor"])
        if key in seen:
            duplicates.append((seen[key], line, row["alias"]))
        seen[key] = line
    assert duplicates == []


def test_aliases_are_stable_under_normalisation(aliases):
    for line, row in aliases:
        key = normalise_key(row["alias"])
        assert normalise_key(key) == key, f"aliases line {line}"
        assert key == " ".join(token.text for token in tokenize(key)), f"aliases line {line}"


def test_every_alias_tokenises_to_at_least_one_token(aliases):
    for line, row in aliases:
        assert tokenize(normalise_key(row["alias"])), f"aliases line {line}: {row['alias']!r}"


def test_validity_windows_do_not_overlap_for_the_same_alias(actors_by_key, windows):
    def overlap(a, b) -> bool:
        (a_start, a_until), (b_start, b_until) = a, b
        starts_before_b_ends = b_until is None or a_start is None or a_start < b_until
        ends_after_b_starts = a_until is None or b_start is None or b_start < a_until
        return starts_before_b_ends and ends_after_b_starts

    clashes = [
        (key, first, second)
        for key, names in actors_by_key.items()
        for first, second in combinations(sorted(names), 2)
        if overlap(windows[first], windows[second])
    ]
    assert clashes == []


def test_context_notes_are_marked_with_the_context_prefix(aliases):
    for line, row in aliases:
        note = row.get("note", "")
        if "context" in note.lower():
            assert note.startswith("context:"), f"aliases line {line}: {note!r}"


def test_each_alias_matches_itself_as_a_whole(matcher, aliases):
    missing = []
    for _, row in aliases:
        text = normalise_key(row["alias"])
        tokens = tokenize(text)
        matches = list(matcher.find(tokens))
        whole = [m for m in matches if m.first == 0 and m.last == len(tokens) - 1]
        if not whole or row["actor"] not in whole[0].payload:
            missing.append(row["alias"])
    assert missing == []


# ------------------------------------------------------------------ phrases from the samples


@pytest.mark.parametrize(
    ("phrase", "actor"),
    [
        ("ميليشيا لواء القدس الفلسطيني التابعة لروسيا", "Liwa al Quds"),
        ("على نقطة عسكرية لقوات النظام", OLD_ARMY),
        ("وقالت مصادر إعلامية إن مقرات للدفاع الوطني", "NDF: National Defence Forces"),
        ("أفراد تابعين لميليشيا الدفاع الوطني", "NDF: National Defence Forces"),
        ("يُرجح تبعيتهم لتنظيم داعش", ISLAMIC_STATE),
        ("لهجمات من قبل خلايا التنظيم", ISLAMIC_STATE),
        ("مع عناصر تنظيم الدولة", ISLAMIC_STATE),
        ("ونوهت إلى وجود توتر ما بين مكتب أمن الفرقة الرابعة", OLD_ARMY),
        ("أفراد تابعين للفرقة 17 في قوات النظام", OLD_ARMY),
        ('عناصر من ميليشيا "الحرس الثوري" الإيراني', IRGC),
        ("الحرس الثوري الإيراني", IRGC),
        ("وعناصر يتبعون إلى ميليشيات الباقر التابعة لإيران", "Liwa al Baqir"),
        ("اشتباكات بين هيئة تحرير الشام وميليشيات الأسد", "Hayat Tahrir al Sham"),
        ("اشتباكات بين هيئة تحرير الشام وميليشيات الأسد", OLD_ARMY),
        ("في محاولة لميليشات الأسد بالتقدم", OLD_ARMY),
        ("نقاط لمليليشيات الأسد بالقرب من مدينة المياديين", OLD_ARMY),
        ("خسائر جديدة لميليشيات أسد والقوات الرديفة", OLD_ARMY),
        ("هجوم شنّه مسلحين", UNIDENTIFIED),
        ("بعد تعرض قواتها لهجمات نفذها مجهولون", UNIDENTIFIED),
        ("جراء عدة هجمات منفصلة نفذتها مجموعات مسلحة", UNIDENTIFIED),
        ("بسبب قلة الدعم المقدم من الطيران الحربي الروسي", "Military Forces of Russia (2000-)"),
        ("برعاية الاحتلال الروسي", "Military Forces of Russia (2000-)"),
        ('مليشيا "القاطرجي"', "Qaterji Militia"),
        ('وميليشيا "قاطرجي" والميليشيات الإيرانية', "Qaterji Militia"),
        ("وأوعزت الميليشيات الإيرانية بالتعاون مع قوات الأسد", "Militia (Pro-Iran)"),
        ("وطرد ميليشيات قسد إلى مناطق شرق الفرات", "SDF: Syrian Democratic Forces"),
        ("بالتعاون مع الجيش الوطني السوري", "Syrian National Army"),
        ("بسقوط قتلى وجرحى بينهم مدنيين", "Civilians (Syria)"),
        ("تمركز الجيش الروسي في نقاط", "Military Forces of Russia (2000-)"),
    ],
)
def test_matcher_finds_the_canonical_actor_in_sample_phrases(matcher, phrase, actor):
    assert actor in _actors_in(matcher, phrase)


@pytest.mark.parametrize(
    ("word", "actor"),
    [
        ("لقوات النظام", OLD_ARMY),
        ("بالدفاع الوطني", "NDF: National Defence Forces"),
        ("لتنظيم داعش", ISLAMIC_STATE),
        ("خلايا التنظيم", ISLAMIC_STATE),
        ("الفرقة الرابعة", OLD_ARMY),
        ("ميليشيات الباقر", "Liwa al Baqir"),
        ("هيئة تحرير الشام", "Hayat Tahrir al Sham"),
        ("مسلحين", UNIDENTIFIED),
        ("مجهولون", UNIDENTIFIED),
        ("والمدنيين", "Civilians (Syria)"),
        ("ولقسد", "SDF: Syrian Democratic Forces"),
        ("للتحالف الدولي", "Global Coalition Against Daesh"),
    ],
)
def test_matcher_resolves_clitic_forms(matcher, word, actor):
    assert actor in _actors_in(matcher, word)


def test_outlet_names_in_the_samples_are_not_actors(matcher):
    for outlet in ("نهر ميديا", "عين الفرات", "فرات بوست", "شبكة إباء", "نداء سوريا", "أورينت نت"):
        assert _actors_in(matcher, outlet) == set(), outlet


def test_each_seed_report_names_its_main_actors(matcher):
    expected = {
        "000": {
            OLD_ARMY,
            ISLAMIC_STATE,
            "NDF: National Defence Forces",
            "Liwa al Quds",
            "Qaterji Militia",
            "Military Forces of Russia (2000-)",
        },
        "001": {
            OLD_ARMY,
            ISLAMIC_STATE,
            "Liwa al Quds",
            "NDF: National Defence Forces",
            UNIDENTIFIED,
            "Militia (Pro-Iran)",
        },
        "002": {
            OLD_ARMY,
            ISLAMIC_STATE,
            "Hayat Tahrir al Sham",
            "Liwa al Baqir",
            "Syrian National Army",
            "SDF: Syrian Democratic Forces",
        },
        "003": {
            OLD_ARMY,
            "NDF: National Defence Forces",
            "Qaterji Militia",
            "SDF: Syrian Democratic Forces",
            "Civilians (Syria)",
        },
        "004": {OLD_ARMY, ISLAMIC_STATE, "Liwa al Quds", "Military Forces of Russia (2000-)"},
    }
    for path in sorted(SEEDS.glob("*.txt")):
        found = _actors_in(matcher, path.read_text(encoding="utf-8"))
        assert expected[path.name[:3]] <= found, (path.name, expected[path.name[:3]] - found)


# ------------------------------------------------------------------ resolution by date


@pytest.mark.parametrize(
    ("alias", "day", "actor"),
    [
        ("الجيش السوري", date(2019, 11, 17), OLD_ARMY),
        ("الجيش العربي السوري", date(2024, 12, 7), OLD_ARMY),
        ("الجيش السوري", date(2024, 12, 8), NEW_ARMY),
        ("الجيش السوري", date(2025, 3, 7), NEW_ARMY),
        ("القوات الحكومية", date(2016, 5, 1), OLD_ARMY),
        ("القوات الحكومية", date(2025, 7, 15), NEW_ARMY),
        ("الأمن العام", date(2022, 6, 1), "Hayat Tahrir al Sham"),
        ("الأمن العام", date(2025, 2, 1), "Police Forces of Syria (2024-)"),
        ("إدارة العمليات العسكرية", date(2024, 12, 1), "Hayat Tahrir al Sham"),
        ("إدارة العمليات العسكرية", date(2024, 12, 20), NEW_ARMY),
        ("جبهة النصرة", date(2014, 3, 1), "Jabhat al Nusra"),
        ("جبهة النصرة", date(2016, 10, 1), "Jabhat Fateh al Sham"),
        ("جبهة النصرة", date(2019, 1, 1), "Hayat Tahrir al Sham"),
        ("الجيش الإسرائيلي", date(2018, 5, 10), "Military Forces of Israel (2009-2021)"),
        ("الجيش الإسرائيلي", date(2024, 12, 9), "Military Forces of Israel (2022-)"),
        ("القوات الأمريكية", date(2019, 10, 20), US_2017),
        ("فلول النظام", date(2025, 3, 6), LOYALISTS),
        ("النظام", date(2018, 3, 7), OLD_ARMY),
        ("النظام", date(2025, 3, 7), NEW_ARMY),
        ("قوات النظام", date(2018, 3, 7), OLD_ARMY),
        ("قوات النظام", date(2025, 3, 7), NEW_ARMY),
        ("النظام السوري", date(2025, 3, 7), NEW_ARMY),
        ("ميليشيات الأسد", date(2018, 3, 7), OLD_ARMY),
        ("ميليشيات الأسد", date(2025, 3, 7), LOYALISTS),
        ("النظام المخلوع", date(2025, 3, 7), LOYALISTS),
        ("عناصر النظام السابق", date(2025, 3, 7), LOYALISTS),
        ("قوى الأمن الداخلي", date(2025, 3, 7), "Police Forces of Syria (2024-)"),
        ("قوى الأمن الداخلي الأسايش", date(2025, 3, 7), "SDF: Syrian Democratic Forces"),
    ],
)
def test_aliases_resolve_to_one_actor_by_date(actors_by_key, windows, alias, day, actor):
    assert _valid_on(windows, actors_by_key[normalise_key(alias)], day) == {actor}


def test_assad_era_names_are_not_valid_after_the_fall(actors_by_key, windows):
    # "قوات النظام" named bare is the government of the day after the fall: see below
    for alias in ("قوات الأسد", "الفرقة الرابعة", "الدفاع الوطني"):
        assert _valid_on(windows, actors_by_key[normalise_key(alias)], date(2025, 1, 15)) == set()


def test_names_of_the_fall_are_not_valid_before_it(actors_by_key, windows):
    for alias in (
        "فلول النظام",
        "النظام البائد",
        "النظام المخلوع",
        "النظام السابق",
        "الجيش السوري الجديد",
    ):
        assert _valid_on(windows, actors_by_key[normalise_key(alias)], date(2018, 3, 7)) == set()


def test_the_regime_with_a_word_of_the_past_is_never_the_new_state(actors_by_key, windows):
    """Each name of the regime that is the new state after the fall has a longer alias for
    each word that makes it the former regime ("قوات النظام البائد"): the longest match wins,
    so without it the adjective would be left over and the name read as the new state."""
    after = date(2025, 3, 7)
    regime = [
        key
        for key, names in actors_by_key.items()
        if "النظام" in key.split() and _valid_on(windows, names, after) == {NEW_ARMY}
    ]
    assert {"النظام", "قوات النظام", "النظام السوري"} <= set(regime)
    for key in regime:
        for adjective in ("البائد", "السابق", "المخلوع"):
            former = f"{key} {normalise_key(adjective)}"
            assert _valid_on(windows, actors_by_key.get(former, set()), after) == {LOYALISTS}, (
                former
            )


# ------------------------------------------------------------------ cues


def test_cue_roles_are_known(cues):
    assert {row["role"] for _, row in cues} <= CUE_ROLES


def test_each_cue_has_one_role(cues):
    roles: dict[str, set[str]] = defaultdict(set)
    for _, row in cues:
        roles[normalise_key(row["cue"])].add(row["role"])
    assert {cue: r for cue, r in roles.items() if len(r) > 1} == {}


def test_every_cue_word_can_be_matched(cues):
    for line, row in cues:
        tokens = tokenize(normalise_key(row["cue"]))
        assert tokens and all(len(t.text) >= 2 for t in tokens), f"cues line {line}"


def test_cues_named_by_the_codebook_have_their_roles(cues):
    role = {normalise_key(row["cue"]): row["role"] for _, row in cues}
    assert role[normalise_key("نفذته")] == "agent_after"
    assert role[normalise_key("من قبل")] == "agent_by"
    assert role[normalise_key("على يد")] == "agent_by"
    assert role[normalise_key("ضد")] == "target_after"
    assert role[normalise_key("في صفوف")] == "target_after"
    assert role[normalise_key("يرجح")] == "suspected"
    assert role[normalise_key("يعتقد أنها")] == "suspected"
    assert role[normalise_key("اشتباكات بين")] == "between"
    assert role[normalise_key("وفقا")] == "source"
    assert role[normalise_key("بحسب")] == "source"
    # a purpose names whom an act presses, not the side struck
    assert role[normalise_key("للضغط على")] == "aside"
    # who condemns an act speaks of it
    assert role[normalise_key("أدانت")] == "aside"


def test_unit_nouns_are_single_indefinite_words():
    """unit_nouns.tsv: the units reports refer back to with the article ("الدورية")."""
    units = [normalise_key(row["word"]) for _, row in read_tsv("unit_nouns.tsv", ["word"])]
    assert units, "unit_nouns.tsv is empty"
    assert len(set(units)) == len(units)
    for word in units:
        assert len(word.split()) == 1, word
        assert not word.startswith("ال"), f"{word}: list the noun without the article"
    assert actors_module.unit_nouns() == frozenset(units)
