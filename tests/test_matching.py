"""Token matching: proclitics, the article, suffixes, multi-word phrases, longest match."""

from __future__ import annotations

import pytest

from rasad.matching import PhraseMatcher, token_variants, tokenize
from rasad.normalise import normalise_key


def forms(token: str, *, suffixes: bool = False) -> dict[str, tuple[int, int]]:
    return {v.form: (v.prefix, v.suffix) for v in token_variants(token, suffixes=suffixes)}


def matches(matcher: PhraseMatcher, text: str) -> list[tuple[str, str, object]]:
    """(matched text, lexicon entry, payload) of each match in normalised ``text``."""
    norm = normalise_key(text)
    return [(norm[m.start : m.end], m.entry, m.payload) for m in matcher.find(tokenize(norm))]


# -- tokens -----------------------------------------------------------------------------------


def test_tokenize_keeps_decimal_and_thousands_numbers_whole():
    tokens = tokenize("سقط 2.5 طن و3,500 صاروخ")
    assert [t.text for t in tokens] == ["سقط", "2.5", "طن", "و", "3,500", "صاروخ"]
    assert tokens[1].start == 4 and tokens[1].end == 7


def test_tokenize_respects_start_and_end():
    text = "قتل عنصران في الميادين"
    assert [t.text for t in tokenize(text, 4, 10)] == ["عنصران"]


def test_tokenize_empty_range_at_start_has_no_tokens():
    assert tokenize("قتل عنصران", 0, 0) == []


# -- proclitics -------------------------------------------------------------------------------


def test_docstring_example_conjunction_preposition_article():
    assert [v.form for v in token_variants("وبالميادين")] == [
        "وبالميادين",
        "بالميادين",
        "الميادين",
        "ميادين",
    ]


@pytest.mark.parametrize(
    ("token", "stem", "prefix"),
    [
        ("والميادين", "الميادين", 1),  # wa
        ("فالميادين", "الميادين", 1),  # fa
        ("بالميادين", "الميادين", 1),  # bi
        ("كالميادين", "الميادين", 1),  # ka
        ("الميادين", "ميادين", 2),  # the article alone
        ("وبالميادين", "ميادين", 4),  # wa + bi + al
        ("فبالميادين", "الميادين", 2),  # fa + bi
        ("ولقوات", "قوات", 2),  # wa + li
        ("بريف", "ريف", 1),
    ],
)
def test_proclitic_combinations_are_stripped(token, stem, prefix):
    assert forms(token)[stem] == (prefix, 0)


def test_lil_merges_preposition_with_the_article():
    # "للميادين" = "ل" + "الميادين" with one lam written: the article form is recovered
    variants = forms("للميادين")
    assert "الميادين" in variants
    assert variants["ميادين"] == (2, 0)


def test_wa_lil_merges_with_the_article():
    variants = forms("وللميادين")
    assert "الميادين" in variants
    assert variants["ميادين"] == (3, 0)


def test_token_itself_is_always_first():
    assert token_variants("وقصفت")[0].form == "وقصفت"


def test_stems_shorter_than_two_letters_are_not_variants():
    assert "ل" not in forms("ول")
    assert forms("و") == {}


def test_no_suffix_stripping_unless_asked():
    assert set(forms("مقتلهم")) == {"مقتلهم"}
    assert set(forms("مسلحين")) == {"مسلحين"}


@pytest.mark.parametrize(
    ("token", "stem", "suffix"),
    [
        ("مقتلهم", "مقتل", 2),  # pronoun هم
        ("استهدافه", "استهداف", 1),  # pronoun ه
        ("عناصرها", "عناصر", 2),  # pronoun ها
        ("مسلحين", "مسلح", 2),  # plural ين
        ("مسلحون", "مسلح", 2),  # plural ون
        ("انفجارات", "انفجار", 2),  # plural ات
        ("قواتهم", "قوات", 2),
    ],
)
def test_suffixes_stripped_when_asked(token, stem, suffix):
    assert forms(token, suffixes=True)[stem] == (0, suffix)


def test_ta_marbuta_written_ta_before_a_pronoun():
    # "مدينتهم" (their city) → "مدينه" (normalised مدينة); "قواتهم" → "قواه" as well
    assert forms("مدينتهم", suffixes=True)["مدينه"] == (0, 3)
    assert forms("قواتهم", suffixes=True)["قواه"] == (0, 3)
    # "مدفعيته" (its artillery) → "مدفعيه": the singular pronoun too
    assert forms("مدفعيته", suffixes=True)["مدفعيه"] == (0, 2)


def test_the_plurals_at_is_not_a_verbs_ta():
    # "لقوات" (for the forces) ends in the feminine plural ات: no verb "لقوا" (they met) in it;
    # a verb's ت still comes off ("قتلت" → "قتل")
    assert "لقوا" not in forms("لقوات", suffixes=True)
    assert "قتل" in forms("قتلت", suffixes=True)


def test_suffix_stripping_keeps_three_letter_stems():
    assert "قت" not in forms("قتين", suffixes=True)


def test_clitics_and_suffixes_together():
    assert forms("وبمسلحين", suffixes=True)["مسلح"] == (2, 2)


# -- phrase matcher ---------------------------------------------------------------------------


@pytest.fixture()
def places() -> PhraseMatcher[str]:
    m: PhraseMatcher[str] = PhraseMatcher()
    m.add("دير الزور", "city")
    m.add("ريف دير الزور", "countryside")
    m.add("الزور", "fragment")
    m.add("الميادين", "mayadin")
    return m


def test_multiword_phrase_with_clitic_on_first_word(places):
    assert matches(places, "قصف بريف دير الزور") == [
        ("ريف دير الزور", "ريف دير الزور", "countryside"),
    ]


def test_match_offsets_exclude_the_clitic(places):
    text = normalise_key("وبالميادين")
    (match,) = list(places.find(tokenize(text)))
    assert text[match.start : match.end] == "الميادين"
    assert match.start == 2 and match.end == len(text)


def test_lil_match_starts_at_the_merged_lam(places):
    text = normalise_key("وصلت تعزيزات للميادين")
    (match,) = list(places.find(tokenize(text)))
    assert match.entry == "الميادين"
    assert text[match.start : match.end] == "للميادين"


def test_longest_match_wins(places):
    assert [entry for _, entry, _ in matches(places, "في ريف دير الزور")] == ["ريف دير الزور"]


def test_matches_do_not_overlap(places):
    found = matches(places, "بريف دير الزور ودير الزور والميادين")
    assert [payload for _, _, payload in found] == ["countryside", "city", "mayadin"]


def test_find_all_includes_overlapping_matches(places):
    text = normalise_key("بريف دير الزور")
    entries = [m.entry for m in places.find_all(tokenize(text))]
    assert entries == ["ريف دير الزور", "دير الزور", "الزور"]


def test_phrase_words_must_be_consecutive(places):
    assert matches(places, "دير في الزور") == [("الزور", "الزور", "fragment")]


def test_entries_are_normalised_when_added():
    m: PhraseMatcher[int] = PhraseMatcher()
    m.add("قوّات الأسد", 1)
    assert "قوات الاسد" in m
    assert matches(m, "هاجمت قواتُ الأسد") == [("قوات الاسد", "قوات الاسد", 1)]


def test_suffix_on_last_word_is_trimmed_from_match():
    m: PhraseMatcher[str] = PhraseMatcher(suffixes=True)
    m.add("هجوم مسلح", "attack")
    m.add("مقتل", "death")
    text = normalise_key("هجوم مسلحين ومقتلهم")
    found = [(text[x.start : x.end], x.payload) for x in m.find(tokenize(text))]
    assert found == [("هجوم مسلح", "attack"), ("مقتل", "death")]


def test_without_suffixes_a_suffixed_word_does_not_match():
    m: PhraseMatcher[str] = PhraseMatcher()
    m.add("بين", "between")
    assert matches(m, "بينهم مدنيون") == []
    assert matches(m, "بين الطرفين") == [("بين", "بين", "between")]


def test_empty_phrase_is_rejected():
    m: PhraseMatcher[str] = PhraseMatcher()
    with pytest.raises(ValueError):
        m.add("   ", "x")


def test_size_counts_entries():
    m: PhraseMatcher[str] = PhraseMatcher()
    m.add_all([("هجوم", "a"), ("هجوم مسلح", "b")])
    assert m.size == 2
    assert matches(m, "وقع هجوم مسلح") == [("هجوم مسلح", "هجوم مسلح", "b")]


def test_payload_of_an_entry_is_what_it_was_added_with():
    matcher: PhraseMatcher[int] = PhraseMatcher()
    matcher.add("سيارة مفخخة", 6)
    matcher.add("انفجار", 4)
    assert matcher.payload_of("انفجار") == 4
    assert matcher.payload_of("سيارة مفخخة") == 6
    with pytest.raises(KeyError):
        matcher.payload_of("سيارة")


def test_a_phrase_is_read_up_to_its_stop_or_comma():
    # "حي الوسطى ذي الغالبية المسيحية بالمدينة، فيما": the words of the phrase, not the next
    from rasad.matching import phrase_after, phrase_before

    text = "قتل 16 شخصا في حي الوسطى ذي الغالبية بالمدينة، فيما أصيب آخرون."
    at = text.index("ذي")
    assert phrase_after(text, at, 60) == ["ذي", "الغالبية", "بالمدينة"]
    assert phrase_before(text, text.index("أصيب"), 60) == ["فيما"]
