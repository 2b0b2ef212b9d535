"""Fatality counts: the phrases of a clause that report people killed, and how many.

The codebook's rules (docs/codebook.md, Fatalities): code the most conservative reported
number; add up parts ("ضابط وثلاثة عناصر" → 4) but not what "بينهم" already includes; dual
nouns are numbers ("عنصرين" → 2); vague words get the lower bound that can be defended
("عشرات" → 10, a bare plural → 2) and are flagged vague; the injured are kept apart.

One event's toll is at most ``MAX_TOLL`` (1,000): a larger figure in Syrian war reporting is a
cumulative tally ("قتل أكثر من 500 ألف شخص منذ 2011"، "مقتل 2927 من التنظيم جراء غارات
التحالف"، "حملة أسفرت عن مقتل 1300 مدني") — the war's single acts with more dead are a
handful — not the deaths of one event, so it is
read as vague, with no count ("قتل 99999999 عنصراً" → ``Fatalities(None, None, None, True)``).
Its words are still taken as the victims of the death word, lest "عنصراً" alone be counted 1;
``parse_number`` itself reads numbers of any size.

The words are data (rasad/data/lexicons: number_words, vague_quantities, quantity_modifiers,
death_words, person_nouns); this module holds only the grammar that puts them together:

    victims  := part ([group] "و" part)* [inclusive victims]
    part     := [modifier] (number | vague) [noun | "من" word] [modifier]  |  noun
    report   := death-word victims  |  victims death-word  |  victims headed by a death noun

Example:
    >>> parse_number("ثلاثة وعشرين")
    23
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from rasad.extractors.keywords import keyword_pattern
from rasad.lexicon import read_tsv, word_set
from rasad.matching import Token, Variant, phrase_before, token_variants, tokenize
from rasad.model import Document, Mention
from rasad.normalise import normalise, normalise_key

# Years are written as bare numbers right where a count could stand ("قتل في 2019").
_YEARS = range(1900, 2101)
# A count never runs over a sentence stop; a comma also ends the gap between verb and victims.
_STOPS = frozenset(".;:!?")
_GAP_STOPS = frozenset(".;:!?,")
# How far back the victims of a death word that follows them ("... لقوا مصرعهم") may start.
_LOOKBACK = 8
# The most words a group may take between named people and the next part of a sum:
# "3 عناصر من قوات النظام السوري و5 مدنيين" ("من قوات النظام السوري", 4 words).
_GROUP_WORDS = 6
# Adjectives that may follow a plural subject before the verb's object ("مسلحون مجهولون").
_SUBJECT_ADJECTIVES = 2
_OF = "من"
_ASIDE_WORDS = 3  # "قتلوا، الشهر الماضي، شاباً": a time put between commas after the verb
_COMMAS = frozenset(",،")
_SPECIFIER_WORDS = 3  # "من فلول النظام"، "من تنظيم داعش": the group the killers are of
# The largest toll one event can have: above it a figure is a cumulative tally (module doc).
MAX_TOLL = 1_000
BETWEEN = "بين"  # "بين قتيل وجريح": the casualties split between the dead and the wounded
# A token of proclitics alone, split off the digits it was written on: "و5", "ب3".
_PROCLITICS = re.compile("[وف]?[بكل]?")


@dataclass(frozen=True, slots=True)
class Fatalities:
    """A fatality figure: ``count`` is coded, ``low``/``high`` bound it, ``vague`` if no number.

    Example: "مقتل أكثر من 20 فرداً" → ``Fatalities(count=20, low=20, high=None, vague=False)``.
    """

    count: int | None
    low: int | None
    high: int | None
    vague: bool
    risen: bool = False  # a count that rose, the figure reached: "ارتفعت الحصيلة إلى 12"


@dataclass(frozen=True, slots=True)
class _NumberWord:
    value: int
    role: str  # add / teen / times
    alone: bool


@dataclass(frozen=True, slots=True)
class _Noun:
    number: str  # singular / dual / plural
    state: str  # person / death / injury


@dataclass(frozen=True, slots=True)
class _Phrase:
    category: str  # trigger / vague / modifier
    kind: str  # trigger: death|injury; modifier: its effect
    role: str  # trigger: after|before|both; modifier: before|after
    gap: int
    low: int | None = None
    high: int | None = None
    named: bool = False  # trigger: a person's name after it is one dead ("مقتل أنس سعيد")


SINCE = normalise_key("منذ")
RISE_REACH = 30  # tokens from a count of the dead to the "إلى" of the figure it reached


@dataclass(frozen=True, slots=True)
class _Lexicon:
    numbers: dict[str, _NumberWord]
    nouns: dict[str, _Noun]
    phrases: dict[str, list[tuple[tuple[str, ...], _Phrase]]]  # by first word, longest first
    keys: re.Pattern[str]  # finds the death words in a whole document at once
    death_forms: frozenset[str]  # first words of death words and death nouns
    toll_rises: frozenset[str]  # "ارتفع"، "وصل" before a count of the dead (toll_words.tsv)
    toll_counts: frozenset[str]  # "عدد"، "حصيلة" before a noun of the dead
    toll_to: frozenset[str]  # "إلى" before the figure a count has reached
    days: frozenset[str]  # the words of a day told (dates.day_words): no room in a verb's gap


def _optional(value: str) -> int | None:
    return None if value == "-" else int(value)


@cache
def _lexicon() -> _Lexicon:
    """Every fatality lexicon, normalised and indexed once."""
    numbers = {
        normalise_key(row["word"]): _NumberWord(
            int(row["value"]), row["role"], row["alone"] == "yes"
        )
        for _, row in read_tsv("number_words.tsv", ["word", "value", "role", "alone"])
    }
    nouns: dict[str, _Noun] = {}
    for _, row in read_tsv("person_nouns.tsv", ["singular", "plurals"]):
        singular = normalise_key(row["singular"])
        plurals = {normalise_key(p) for p in row["plurals"].split("|") if p != "-"}
        for plural in plurals:
            nouns[plural] = _Noun("plural", "person")
        nouns.setdefault(singular, _Noun("singular", "person"))
        nouns.setdefault(singular + "ا", _Noun("singular", "person"))  # accusative: "ضابطاً"
        stem = singular[:-1] + "ت" if singular.endswith("ه") else singular
        for dual in (stem + "ين", stem + "ان"):
            # "عسكريين" is the dual and the sound plural alike: a plural, coded 2 either way.
            nouns.setdefault(dual, _Noun("dual", "person"))
    phrases: dict[str, list[tuple[tuple[str, ...], _Phrase]]] = {}

    def add(phrase: str, value: _Phrase) -> None:
        words = tuple(normalise_key(phrase).split())
        phrases.setdefault(words[0], []).append((words, value))

    trigger_forms: list[str] = []
    for _, row in read_tsv("death_words.tsv", ["phrase", "kind", "role", "gap", "number", "named"]):
        form = normalise_key(row["phrase"])
        if row["kind"] == "death":
            trigger_forms.append(form.split()[0])
        if row["role"] == "noun":
            nouns[form] = _Noun(row["number"], row["kind"])
        else:
            named = row["named"] == "yes"
            add(form, _Phrase("trigger", row["kind"], row["role"], int(row["gap"]), named=named))
    for _, row in read_tsv("vague_quantities.tsv", ["phrase", "low", "high", "vague"]):
        low, high = int(row["low"]), _optional(row["high"])
        add(row["phrase"], _Phrase("vague", "vague", "", 0, low, high))
    for _, row in read_tsv("quantity_modifiers.tsv", ["phrase", "effect", "position"]):
        add(row["phrase"], _Phrase("modifier", row["effect"], row["position"], 0))
    for entries in phrases.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    # Only the words around a death word are parsed: most clauses of a report hold none.
    forms = set(trigger_forms)
    keys = keyword_pattern(f for f in forms if not any(k != f and k in f for k in forms))
    by_role = {
        role: word_set("toll_words.tsv", kind=role, kind_column="role")
        for role in ("rise", "count", "to")
    }
    from rasad.extractors.dates import day_words  # dates reads numbers from this module

    return _Lexicon(
        numbers,
        nouns,
        phrases,
        keys,
        frozenset(forms),
        by_role["rise"],
        by_role["count"],
        by_role["to"],
        day_words(),
    )


@lru_cache(maxsize=1 << 16)
def _variants(token: str) -> tuple[Variant, ...]:
    """``token_variants`` of a token, remembered: the same words recur from clause to clause."""
    return tuple(token_variants(token))


_POSSESSIVE_PRONOUNS = ("ه", "ها", "هم", "هما", "هن")


@lru_cache(maxsize=1 << 16)
def _possessed(token: str) -> tuple[Variant, ...]:
    """The forms of a token without a possessive pronoun: "وزوجته" → "زوجه", "وأطفالها" → "اطفال"."""
    if not token.endswith(_POSSESSIVE_PRONOUNS):
        return ()
    found: list[Variant] = []
    for variant in token_variants(token, suffixes=True):
        # a noun with a pronoun has no article: "الشابه" is "الشابة", not "الشاب" + "ه"
        if variant.suffix and "ال" not in token[: variant.prefix]:
            found.append(variant)
            if variant.form.endswith("ت"):  # ta marbuta is written ت before a pronoun: "زوجته"
                found.append(Variant(variant.form[:-1] + "ه", variant.prefix, variant.suffix))
    return tuple(found)


@lru_cache(maxsize=1 << 16)
def _is_death_word(word: str) -> bool:
    """Whether ``word``, clitics off, is the first word of a death word: "ولمقتل" yes, "قضيه" no."""
    forms = _lexicon().death_forms
    return any(variant.form in forms for variant in _variants(word))


_last_scan: tuple[str, list[int]] = ("", [])
# The word around a key: letters up to a non-letter, starting at most this many letters before.
_MAX_CLITICS = 4
_WORD_AROUND = re.compile(r"[^\W\d_]*")


def _death_word_offsets(text: str) -> list[int]:
    """Sorted offsets of every death-word key in ``text``; remembers the last text scanned.

    The caller asks clause by clause; one scan of the whole document is far cheaper than
    tokenizing every clause. A key inside another word ("قضيه" holds "قضي") is dropped.
    """
    global _last_scan
    if _last_scan[0] is text:
        return _last_scan[1]
    offsets = []
    for key in _lexicon().keys.finditer(text):
        position = key.start()
        word = _WORD_AROUND.match(text, max(0, position - _MAX_CLITICS))
        while word is not None and word.end() <= position:
            word = _WORD_AROUND.match(text, word.end() + 1)
        if word is not None and word.start() <= position and _is_death_word(word.group()):
            offsets.append(word.start())
    _last_scan = (text, offsets)
    return offsets


@cache
def _weekdays() -> frozenset[str]:
    """Weekday names of ``weekdays.tsv``, with and without the article."""
    names = {normalise_key(row["name"]) for _, row in read_tsv("weekdays.tsv", ["name"])}
    return frozenset(names | {name.removeprefix("ال") for name in names})


def _names_a_day(word: str) -> bool:
    """Whether a token is a weekday, clitics aside: "الخميس", "والجمعة", "يوم" is not."""
    return any(variant.form in _weekdays() for variant in token_variants(word))


def _digits(text: str) -> int | None:
    """The integer written in digits, thousands grouped by commas; None for "2.5"."""
    if "." in text:
        return None
    groups = text.split(",")
    if len(groups) > 1 and not all(len(g) == 3 for g in groups[1:]):
        return None
    return int("".join(groups))


@dataclass(frozen=True, slots=True)
class _Part:
    """One counted group of victims: tokens ``[first, next)``, characters ``[start, end)``."""

    figure: Fatalities
    first: int
    next: int
    start: int
    end: int
    noun: _Noun | None
    noun_index: int
    bare: bool  # a number with no noun after it
    definite_plural: bool  # "والضباط": a bare plural that shares the quantity before it
    counted: bool  # a number, a vague quantity or a singular or dual noun states how many


@dataclass(frozen=True, slots=True)
class _Victims:
    figure: Fatalities
    first: int
    next: int
    start: int
    end: int
    head: _Part


_NOUN_FIGURES = {"singular": Fatalities(1, 1, 1, False), "dual": Fatalities(2, 2, 2, False)}
# A plural with no number: at least two, and nothing more can be said (codebook).
_PLURAL = Fatalities(2, 2, None, True)
# A figure above MAX_TOLL: deaths are reported, but no count of one event's dead.
_TALLY = Fatalities(None, None, None, True)


WITHOUT_REACH = 5  # words from "دون" to the death word: "بدون أن يسفر ذلك عن سقوط"


@cache
def death_phrases() -> frozenset[str]:
    """death_words.tsv's words of dying, normalised ("قتل"، "مقتل"، "لقي")."""
    return word_set("death_words.tsv", "phrase", kind="death")


@cache
def person_nouns() -> frozenset[str]:
    """The normalised forms of person_nouns.tsv's nouns for people ("شبان"، "مدنيين"،
    "شابا"), in every number."""
    return frozenset(form for form, noun in _lexicon().nouns.items() if noun.state == "person")


@cache
def _unknown_doers() -> frozenset[str]:
    return word_set("unknown_doers.tsv", "word")


def said_without(text: str, at: int, words: int) -> bool:
    """Whether "دون"/"بدون" stands among the last ``words`` words of the phrase before ``at``:
    "خرجت مظاهرات ... دون أن تسجل أي مواجهات" tells no clash, "دون أن تتضح حصيلة الخسائر" no
    toll. A word of kind unmanned after it names a thing ("طائرة بدون طيار"), and after a
    verb of preventing ("لم يحل القرار دون تواصل الاشتباكات") it is no "without"."""
    before = phrase_before(text, at, WITHOUT_CHARS)[-words - PREVENTER_WORDS :]
    preventing = word_set("negations.tsv", kind="prevents")
    return any(
        word.removeprefix("و") in without_words()
        and (before[k + 1] if k + 1 < len(before) else "") not in unmanned()
        and not any(
            w.removeprefix("و") in preventing for w in before[max(0, k - PREVENTER_WORDS) : k]
        )
        for k, word in enumerate(before)
        if k >= len(before) - words
    )


WITHOUT_CHARS = 90  # characters before a word that hold the "دون" of its phrase
PREVENTER_WORDS = 4  # "لم يحل صدور القرار الدولي دون": the verb of preventing and its subject


@cache
def complementizers() -> frozenset[str]:
    """``speech_verbs.tsv``'s openers that begin a clause of their own ("أن"، "إن"), bare."""
    return word_set("speech_verbs.tsv", kind="complementizer")


@cache
def without_words() -> frozenset[str]:
    """``negations.tsv``'s words of "without"."""
    return word_set("negations.tsv", kind="without")


@cache
def unmanned() -> frozenset[str]:
    """``negations.tsv``'s words after "without" that name a thing, not a lack ("بدون طيار")."""
    return word_set("negations.tsv", kind="unmanned")


def _order(value: int) -> int:
    """0 for units and teens, 1 for tens, 2 for hundreds, 3 for thousands and above: a
    compound number joins words of different orders ("ثلاثة وعشرون"، "مئة وعشرون")."""
    return 0 if value < 20 else 1 if value < 100 else 2 if value < 1000 else 3


def _sane(figure: Fatalities) -> Fatalities:
    """``figure``, or ``_TALLY`` if any of its numbers is above ``MAX_TOLL`` (module doc)."""
    if any(n is not None and n > MAX_TOLL for n in (figure.count, figure.low, figure.high)):
        return _TALLY
    return figure


def _add(a: Fatalities, b: Fatalities) -> Fatalities:
    def plus(x: int | None, y: int | None) -> int | None:
        return None if x is None or y is None else x + y

    return Fatalities(
        plus(a.count, b.count), plus(a.low, b.low), plus(a.high, b.high), a.vague or b.vague
    )


def _bounded(value: int, effect: str | None) -> Fatalities:
    """A stated figure as the modifier before or after it bounds it."""
    if effect == "at_least":
        return Fatalities(value, value, None, False)
    if effect == "at_most":
        return Fatalities(value, None, value, False)
    if effect == "about":
        return Fatalities(value, None, None, False)
    if effect == "less_than":
        return Fatalities(None, None, value, True)
    return Fatalities(value, value, value, False)


class _Clause:
    """The tokens of one clause and the grammar of victims over them."""

    def __init__(self, lexicon: _Lexicon, text: str, tokens: list[Token]) -> None:
        self.lex = lexicon
        self.text = text
        self.tokens = tokens

    def forms(self, index: int) -> tuple[Variant, ...]:
        """The clitic-free forms of token ``index``."""
        return _variants(self.tokens[index].text)

    def indices_at(self, offsets: list[int]) -> list[int]:
        """Indices of the tokens that hold the character ``offsets`` (sorted), in order."""
        found: list[int] = []
        position = 0
        for index, token in enumerate(self.tokens):
            while position < len(offsets) and offsets[position] < token.start:
                position += 1
            if position < len(offsets) and offsets[position] < token.end:
                found.append(index)
        return found

    # -- words -------------------------------------------------------------------------------

    def stop_before(self, index: int, stops: frozenset[str] = _STOPS) -> bool:
        """Whether punctuation in ``stops`` separates token ``index`` from the one before."""
        if index == 0:
            return False
        between = self.text[self.tokens[index - 1].end : self.tokens[index].start]
        return any(char in stops for char in between)

    def phrase(self, index: int, category: str) -> tuple[int, _Phrase, int] | None:
        """The longest ``category`` phrase at token ``index``: (length, phrase, clitic chars)."""
        tokens = self.tokens
        for variant in self.forms(index):
            for words, value in self.lex.phrases.get(variant.form, ()):
                if value.category != category or index + len(words) > len(tokens):
                    continue
                if all(
                    any(v.form == word for v in self.forms(index + offset))
                    and not self.stop_before(index + offset)
                    for offset, word in enumerate(words[1:], start=1)
                ):
                    return len(words), value, variant.prefix
        return None

    def noun(self, index: int) -> tuple[_Noun, int, bool] | None:
        """The person noun at ``index``: (noun, clitic chars, whether it has the article).

        A noun with a possessive pronoun counts as itself: "رجل وزوجته" (his wife), "أطفالها".
        """
        token = self.tokens[index].text
        for variant in self.forms(index):
            noun = self.lex.nouns.get(variant.form)
            if noun is not None:
                clitics = token[: variant.prefix]
                return noun, variant.prefix, "ال" in clitics or "لل" in clitics
        for variant in _possessed(token):
            noun = self.lex.nouns.get(variant.form)
            if noun is not None:
                return noun, variant.prefix, True  # a possessed noun is definite
        return None

    def conjunction(self, index: int) -> bool:
        """Whether token ``index`` is "و" on its own: split off digits ("و5") or spaced."""
        return self.tokens[index].text == "و"

    def number_word(
        self, index: int, joined: bool = False, article: bool = False
    ) -> tuple[_NumberWord, int] | None:
        """The number word at ``index`` with its clitics; the article does not go on numbers,
        but for one that follows a definite noun as its adjective (``article``): "الأطفال
        الثلاثة".

        ``joined``: inside a compound a leading "و" is read as the conjunction first. "وأحد"
        is spelled "واحد" once normalised, and after "مئة" it is "و" + "أحد" ("مئة وأحد عشر").
        """
        token = self.tokens[index].text
        variants = self.forms(index)
        if joined and token.startswith("و"):
            variants = tuple(sorted(variants, key=lambda variant: variant.prefix == 0))
        for variant in variants:
            word = self.lex.numbers.get(variant.form)
            if word is not None and ("ا" not in token[: variant.prefix] or article):
                return word, variant.prefix
        return None

    def number(self, index: int, article: bool = False) -> tuple[int, int, int] | None:
        """A number phrase at ``index``: (value, next token, clitic chars of the first);
        ``article``: it may carry the article (after a definite noun, see ``number_word``)."""
        tokens = self.tokens
        token = tokens[index]
        prefix = 0
        if token.text[0].isdigit():
            value = _digits(token.text)
            after = token.end
            if value is None or (after < len(self.text) and self.text[after].isalpha()):
                return None  # "2.5 مليار", "55كم": not a head count
        else:
            found = self.number_word(index, article=article)
            if found is None or not found[0].alone:
                return None
            value, prefix = found[0].value, found[1]
        total, group, last = 0, value, value
        index += 1
        while index < len(tokens) and not self.stop_before(index):
            # "ثلاثة و عشرين": the "و" may stand apart from the word it joins.
            at = index + 1 if self.conjunction(index) else index
            if at >= len(tokens) or self.stop_before(at):
                break
            found = self.number_word(at, joined=True)
            if found is None:
                break
            word, clitics = found
            joined = at > index or (clitics > 0 and tokens[at].text.startswith("و"))
            if joined and word.alone and _order(word.value) == _order(last) > 0:
                break  # "مئة ومئتي قتيل": a second number, not a part of the first ("مئة وعشرون")
            if joined and word.alone:
                group, last = group + word.value, word.value
            elif at > index:
                break
            elif not clitics and word.role == "teen" and 1 <= last <= 9:
                group, last = group + word.value, last + word.value
            elif not clitics and word.role == "times" and word.value == 1000:
                total, group, last = total + max(group, 1) * 1000, 0, 0
            elif not clitics and word.role == "times" and 1 <= last <= 9:
                group, last = group - last + last * word.value, last * word.value
            else:
                break
            index = at + 1
        return total + group, index, prefix

    # -- grammar -----------------------------------------------------------------------------

    def modifier(self, index: int, position: str) -> tuple[int, str] | None:
        if index >= len(self.tokens):
            return None
        found = self.phrase(index, "modifier")
        if found is None or found[1].role != position:
            return None
        return found[0], found[1].kind

    def part(self, index: int) -> _Part | None:
        """One group of victims at token ``index``: "أكثر من 20 فرداً", "عنصرين", "ضابطاً"."""
        tokens = self.tokens
        first, effect = index, None
        before = self.modifier(index, "before")
        if before is not None and before[1] != "alternative":
            effect = before[1]
            index += before[0]
        if index < len(tokens) and tokens[index].text == "ال":  # "الـ 50" once tatweel is gone
            index += 1
        if index >= len(tokens) or (index > first and self.stop_before(index)):
            return None
        body = index
        noun: _Noun | None = None
        noun_index = -1
        definite = False
        vague = self.phrase(index, "vague")
        number = None if vague is not None else self.number(index)
        if vague is not None:
            length, value, clitics = vague
            figure = Fatalities(value.low, value.low, value.high, True)
            index += length
        elif number is not None:
            value_, index, clitics = number
            figure = _sane(_bounded(value_, effect))
        else:
            found = self.noun(index)
            if found is None:
                return None
            noun, clitics, definite = found
            noun_index = index
            figure = _NOUN_FIGURES.get(noun.number, _PLURAL)
            index += 1
            # "مقاتلين اثنين", "شخص واحد": a number word may follow its noun as an adjective,
            # with the article after a definite one: "الأطفال الثلاثة", "أطفاله الثلاثة".
            number = self.number(index, article=definite) if index < len(tokens) else None
            article = definite and tokens[index].text.startswith("ال") if number else False
            if (
                number is not None
                and (number[2] == 0 or (article and number[2] == 2))
                and not tokens[index].text[0].isdigit()
            ):
                figure = _sane(_bounded(number[0], None))
                index = number[1]
            else:
                number = None
        start = tokens[first].start if before is not None else tokens[body].start + clitics
        least = self.modifier(index, "after") if noun is None else None
        if least is not None and least[1] == "at_least":
            # "21 على الأقل من المقاتلين": "at least" between the count and its group
            partitive = self.modifier(index + least[0], "after")
            if partitive is not None and partitive[1] == "partitive":
                figure = Fatalities(figure.count, figure.count, None, figure.vague)
                index += least[0]
        if noun is None and index < len(tokens) and not self.stop_before(index):
            found = self.noun(index)
            partitive = self.modifier(index, "after")
            if found is not None:
                noun, noun_index = found[0], index
                index += 1
            elif vague is not None or (partitive is not None and partitive[1] == "partitive"):
                if vague is None and partitive is not None:
                    index += partitive[0]
                # "ثمانية من عناصر ...", "عدد من قوات ...": the word after "من" is the group.
                if (
                    index < len(tokens)
                    and not tokens[index].text[0].isdigit()
                    and not self.stop_before(index)
                    and (vague is None or self._ends_with_min(body))
                ):
                    noun_index = index
                    index += 1
        after = self.modifier(index, "after")
        if after is not None and after[1] == "at_least" and not self.stop_before(index):
            figure = Fatalities(figure.count, figure.count, None, figure.vague)
            index += after[0]
        bare = number is not None and noun_index < 0
        # "والميليشيات الإيرانية" goes on naming a group; "وأطفاله الثلاثة" counts its own
        definite_plural = (
            definite and noun is not None and noun.number == "plural" and number is None
        )
        counted = (
            number is not None
            or vague is not None
            or (noun is not None and noun.number != "plural")
        )
        return _Part(
            figure,
            first,
            index,
            start,
            tokens[index - 1].end,
            noun,
            noun_index,
            bare,
            definite_plural,
            counted,
        )

    def conjoined(self, index: int, grouped: bool) -> _Part | None:
        """The next part of a sum, joined by "و" at token ``index``: "وثلاثة عناصر".

        The "و" may be a token of its own: "و5 مدنيين" is tokenized "و", "5". With ``grouped``
        (the part before counts people), the group they belong to may come first, up to
        ``_GROUP_WORDS`` words, if a counted part follows it: "3 عناصر من قوات النظام و5
        مدنيين" → 8, but not "عمال إنقاذ ومسعفون". The group ends at a comma, a death word or
        what "بينهم" introduces; its words with "و" ("والميليشيات") are skipped, and any other
        word with "و" that is no counted part ends the search.
        """
        tokens = self.tokens
        limit = min(index + 1 + (_GROUP_WORDS if grouped else 0), len(tokens))
        for position in range(index, limit):
            word = tokens[position].text
            direct = position == index and word.startswith("و")
            if self.stop_before(position, _STOPS if direct else _GAP_STOPS):
                return None
            if not direct and (
                self.is_trigger(position) or self.includes(position) or _names_a_day(word)
            ):
                return None  # "24 ... الخميس وأربعة آخرون الجمعة": two days, two tolls
            if not word.startswith("و"):
                if not grouped:
                    return None
                continue
            at = position + 1 if self.conjunction(position) else position
            if at >= len(tokens) or self.stop_before(at):
                return None
            part = self.part(at)
            if direct:
                return None if part is None or part.bare else part
            if word.startswith("وال") or (part is not None and part.definite_plural):
                continue  # "من قوات النظام والميليشيات الإيرانية": still the group
            return part if part is not None and part.counted and not part.bare else None
        return None

    def includes(self, index: int) -> bool:
        """Whether an inclusive word ("بينهم", "هم") at ``index`` opens a part of the total."""
        found = self.phrase(index, "modifier")
        return found is not None and found[1].kind == "inclusive"

    def _ends_with_min(self, index: int) -> bool:
        """Whether the vague quantity at ``index`` ends in "من" ("عدد من"): a group follows."""
        found = self.phrase(index, "vague")
        return found is not None and self.tokens[index + found[0] - 1].text.endswith("من")

    def victims(self, index: int) -> _Victims | None:
        """The victims at ``index``: parts joined by "و", with what "بينهم" includes."""
        head = self.part(index)
        if head is None or (head.noun is not None and head.noun.state == "injury"):
            return None
        ranged = self.range_from(index, head)
        if ranged is not None:
            return ranged
        figure, end, next_ = head.figure, head.end, head.next
        last = head
        while next_ < len(self.tokens):
            part = self.conjoined(next_, grouped=last.counted and last.noun_index >= 0)
            if part is None:
                break
            if part.noun is not None and part.noun.state == "injury":
                if head.noun_index != head.first and part.noun_index == part.first:
                    # "88 قتيلاً وجريحاً": one number for the dead and the wounded together.
                    high = figure.high if figure.high is not None else figure.count
                    figure = Fatalities(None, None, high, True)
                    end, next_ = part.end, part.next
                elif (
                    head.noun_index == head.first
                    and part.noun_index == part.first
                    and index > 0
                    and self.tokens[index - 1].text == BETWEEN
                ):
                    # "سقط العشرات بين قتيل وجريح": a singular for each, how many died untold
                    figure = Fatalities(None, None, None, True)
                    end, next_ = part.end, part.next
                break
            if not part.definite_plural:
                figure = _add(figure, part.figure)
            end, next_, last = part.end, part.next, part
        figure = _sane(figure)
        inclusive = self.modifier(next_, "after")
        if inclusive is not None and inclusive[1] == "inclusive" and not self.stop_before(next_):
            inner = self.victims(next_ + inclusive[0])
            # "قتلى بينهم ثلاثة أطفال": the named part is a floor for a vague total.
            if (
                inner is not None
                and figure.vague
                and figure.count is not None
                and (inner.figure.low or 0) > (figure.low or 0)
            ):
                low = inner.figure.low
                figure = Fatalities(low, low, figure.high, True)
        return _Victims(figure, index, next_, head.start, end, head)

    def without_before(self, index: int) -> bool:
        """Whether "دون"/"بدون" stands a few words before a death word, in its clause: "دون
        سقوط ضحايا"، "بدون أن يسفر ذلك عن سقوط ضحايا" say no one died."""
        for position in range(index - 1, max(-1, index - 1 - WITHOUT_REACH), -1):
            if self.stop_before(position + 1, _GAP_STOPS):
                return False
            following = self.tokens[position + 1].text if position + 1 < len(self.tokens) else ""
            if self.tokens[position].text in without_words() and following not in unmanned():
                return True  # but "طائرة بدون طيار" is a drone
        return False

    def range_from(self, index: int, head: _Part) -> _Victims | None:
        """ "ما بين مئة ومئتي قتيل"، "بين 12 و16 شخصا": a range of counts after "بين", read as
        its lower bound (the codebook's most conservative number), vague."""
        if index == 0 or self.tokens[index - 1].text != BETWEEN or not head.bare:
            return None
        low = head.figure.count
        upper = self.conjoined(head.next, grouped=False)
        if low is None or upper is None or upper.noun is None or upper.figure.count is None:
            return None
        if upper.figure.count <= low:
            return None
        figure = Fatalities(low, low, upper.figure.count, True)
        part = replace(upper, figure=figure, first=head.first, start=head.start, bare=False)
        return _Victims(figure, index, upper.next, head.start, upper.end, part)

    def death_word(self, index: int) -> tuple[int, _Phrase, int] | None:
        found = self.phrase(index, "trigger")
        return found if found is not None and found[1].kind == "death" else None

    def is_trigger(self, index: int) -> bool:
        return self.phrase(index, "trigger") is not None

    def acceptable(self, found: _Victims, adjacent: bool) -> bool:
        """Whether parsed victims are a head count: a bare number only right after the verb."""
        head = found.head
        if not head.bare:
            return True
        return adjacent and head.figure.count is not None and head.figure.count not in _YEARS

    def after(self, index: int, gap: int, *, past_aside: bool = False) -> _Victims | None:
        """The victims that follow a death word, at most ``gap`` words later; none after "و"
        right after it ("أن طفلا توفي و13 شخصا واجهوا صعوبات في التنفس": the verb's victim
        stands before it, the 13 are another group). ``past_aside``: ``index`` follows the
        comma that closes an aside after the word ("قتلوا، الشهر الماضي، شاباً")."""
        if index < len(self.tokens) and self.conjunction(index):
            return None
        # "أعدم تنظيم داعش أمس الأول الخميس أكثر من 20 شخصاً": the words of a day told between
        # the verb and its victims take no room of the gap
        limit = index + gap + 1
        for position in range(index, len(self.tokens)):
            if position >= limit:
                break
            if position > index and self.tokens[position].text in self.lex.days:
                limit += 1
            if (
                self.stop_before(position, _GAP_STOPS) and not (past_aside and position == index)
            ) or (position > index and self.is_trigger(position)):
                return None
            if position > index and self.is_trigger(position - 1):
                return None
            found = self.victims(position)
            if found is not None and self.acceptable(found, position == index):
                return self.object_after(found) or found
            if position == index and self.is_trigger(position):
                return None
        return None

    def object_after(self, subject: _Victims) -> _Victims | None:
        """The victims named after a bare plural that is the verb's subject, not its object.

        "قتل مسلحون مجهولون رجلاً وزوجته": an indefinite plural with no number right after
        the verb, then (past an adjective or two) more people: the first are the killers, the
        second the killed. "قتل مسلحون في اشتباكات" has no second group: the gunmen died.
        """
        head = subject.head
        if (
            head.noun is None
            or head.noun.number != "plural"
            or head.counted
            or head.definite_plural
            or subject.head.next != subject.next  # a sum or a group: "مدنيون وعسكريون"
        ):
            return None
        reach = _SUBJECT_ADJECTIVES
        if subject.next < len(self.tokens) and self.tokens[subject.next].text == _OF:
            reach += _SPECIFIER_WORDS  # "أعدم مسلحون من فلول النظام ستة عناصر": whose men
        for position in range(subject.next, min(subject.next + reach + 1, len(self.tokens))):
            if self.stop_before(position, _GAP_STOPS) or self.is_trigger(position):
                return None
            if self.conjunction(position) or self.tokens[position].text.startswith("و"):
                return None  # "مسلحون ونساء": the list goes on
            found = self.victims(position)
            if found is not None and not found.head.bare:
                return found
        return None

    def before(self, index: int, gap: int, floor: int) -> _Victims | None:
        """The victims that precede a death word ("ضابطاً وثلاثة عناصر ... لقوا مصرعهم")."""
        for position in range(max(floor, index - gap - _LOOKBACK), index):
            found = self.victims(position)
            if (
                found is not None
                and not found.head.bare
                and not self.unknown_doers(found.first, found.next + 1)
                and found.next <= index
                and index - found.next <= gap
                and not any(self.stop_before(k, _GAP_STOPS) for k in range(found.next, index + 1))
                # "وقال الدفاع المدني إن 3 قتلوا": what is said opens after "إن"; no one named
                # before it died
                and not any(self.opener(k) for k in range(found.next, index))
            ):
                return found
        return None

    def past_an_aside(self, index: int) -> int:
        """The token after a short stretch put between commas that opens at ``index``
        ("، الشهر الماضي،"), else ``index``."""
        if index >= len(self.tokens) or not self.stop_before(index, _COMMAS):
            return index
        for end in range(index + 1, min(index + 1 + _ASIDE_WORDS, len(self.tokens))):
            if self.stop_before(end, _COMMAS):
                return end
        return index

    def unknown_doers(self, first: int, stop: int) -> bool:
        """Whether tokens ``[first, stop)`` name men unidentified ("مسلحون مجهولون قد قتلوا
        شاباً"): before a verb of killing they did it (unknown_doers.tsv)."""
        return any(
            self.tokens[k].text.lstrip("و") in _unknown_doers()
            for k in range(max(0, first), min(stop, len(self.tokens)))
        )

    def opener(self, index: int) -> bool:
        """Whether token ``index`` is "أن"/"إن" opening a clause (speech_verbs.tsv)."""
        return self.tokens[index].text.lstrip("بو") in complementizers()

    def reports(self, candidates: list[int]) -> list[tuple[int, int, Fatalities]]:
        """(start, end, figure) of every report of deaths in the clause, in text order.

        ``candidates`` are the indices of the tokens that may be death words or death nouns.
        """
        tokens = self.tokens
        found: list[tuple[int, int, Fatalities]] = []
        used = [False] * len(tokens)
        floor = 0
        for index in candidates:
            trigger = self.death_word(index) if index >= floor else None
            if trigger is None or self.without_before(index):
                continue
            length, value, clitics = trigger
            start = tokens[index].start + clitics
            end = tokens[index + length - 1].end
            after = index + length
            victims: _Victims | None = None
            figure: Fatalities | None = None
            injury = self.phrase(after, "trigger") if after < len(tokens) else None
            if (
                injury is not None
                and injury[1].kind == "injury"
                and value.role != "before"
                and tokens[after].text.startswith("و")
            ):
                # "مقتل وإصابة العشرات": how many of them died is not said.
                victims = self.after(after + injury[0], injury[1].gap)
                high = victims.figure.high if victims else None
                figure = Fatalities(None, None, high, True)
                end = victims.end if victims else tokens[after + injury[0] - 1].end
                last = victims.next if victims else after + injury[0]
            else:
                if value.role in ("after", "both"):
                    victims = self.after(after, value.gap)
                if victims is None and value.role in ("before", "both"):
                    victims = self.before(index, value.gap, floor)
                if (
                    victims is None
                    and value.role == "before"
                    and self.unknown_doers(index - _LOOKBACK, index)
                ):
                    # "مسلحون مجهولون قتلوا شاباً": they killed, and the dead follow, maybe past
                    # a time put between commas ("قد قتلوا، الشهر الماضي، شاباً")
                    past = self.past_an_aside(after)
                    victims = self.after(past, value.gap, past_aside=past != after)
                if victims is not None:
                    figure = victims.figure
                    start, end = min(start, victims.start), max(end, victims.end)
                last = max(after, victims.next if victims else after)
                if (
                    victims is None
                    and value.role in ("after", "both")
                    and value.named
                    and not self.relative_before(index)
                    and self.named_person(after)
                ):
                    # "مقتل أنس سعيد"، "تصفية عبد القادر حمو": one person, named
                    figure = Fatalities(1, 1, 1, False)
                    end = tokens[after + 1].end
                    last = after + 2
            if figure is not None:
                found.append((start, end, figure))
                first = min(index, victims.first) if victims else index
                for k in range(first, last):
                    used[k] = True
                floor = last
        if not found:  # "قتل 5 مدنيين ... ليرتفع عدد القتلى إلى 105": the total so far
            found.extend(self.risen_to(candidates, used))
        found.extend(self.headed_by_death_nouns(candidates, used))
        return sorted(found, key=lambda item: item[0])

    def risen_to(
        self, candidates: list[int], used: list[bool]
    ) -> list[tuple[int, int, Fatalities]]:
        """A count of the dead that rose and the figure it reached, after "إلى" (toll_words.tsv):
        "ارتفع عدد القتلى إلى 15"، "ارتفاع أعداد قتلى الضربات، التي استهدفت الكسوة، إلى 15"."""
        found = []
        tokens = self.tokens
        for index in candidates:
            noun = self.noun(index) if index and not used[index] else None
            if noun is None or noun[0].state != "death":
                continue
            if index < 2 or not any(v.form in self.lex.toll_counts for v in self.forms(index - 1)):
                continue
            if not any(v.form in self.lex.toll_rises for v in self.forms(index - 2)):
                continue  # "قد يصل عدد القتلى إلى مئات": what it may reach
            for position in range(index + 1, min(index + RISE_REACH, len(tokens) - 1)):
                if tokens[position].text == SINCE:
                    break  # "ارتفع عدد القتلى منذ بدء الحملة إلى 770": a tally of a period
                if tokens[position].text not in self.lex.toll_to:
                    continue
                victims = self.victims(position + 1)
                if victims is not None and victims.figure.count not in _YEARS:
                    figure = replace(victims.figure, risen=True)
                    found.append((tokens[index - 1].start, victims.end, figure))
                    for k in range(index - 1, victims.next):
                        used[k] = True
                break
        return found

    def relative_before(self, index: int) -> bool:
        """Whether token ``index`` opens a relative clause: its subject is the noun before."""
        return index > 0 and normalise_key(self.tokens[index - 1].text) in _relative_pronouns()

    def named_person(self, index: int) -> bool:
        """Whether tokens ``index`` and ``index + 1`` read as a person's name.

        Two words that are no number, no noun of the lexicons, no function word, no word of an
        act or weapon ("سقوط قذيفة هاون" is a shell falling), and the first without the
        article: Arabic names ("أنس سعيد"، "عبد القادر").
        """
        if index + 1 >= len(self.tokens) or self.stop_before(index + 1, _GAP_STOPS):
            return False
        first, second = self.tokens[index].text, self.tokens[index + 1].text
        if (
            first.startswith(("ال", "و", "ف"))
            or len(first) < 3
            or first.isdigit()
            or second.isdigit()
        ):
            return False
        for position in (index, index + 1):
            word = self.tokens[position].text
            if normalise_key(word) in _not_name_words() or any(
                found is not None
                for found in (
                    self.number(position),
                    self.noun(position),
                    self.phrase(position, "vague"),
                    self.phrase(position, "trigger"),
                    self.modifier(position, "after"),
                )
            ):
                return False
        return True

    def headed_by_death_nouns(
        self, candidates: list[int], used: list[bool]
    ) -> list[tuple[int, int, Fatalities]]:
        """Counts whose noun itself says killed, with no verb: "50 قتيلاً", "قتلى بينهم ضابط"."""
        found = []
        for index in candidates:
            if used[index]:
                continue
            noun = self.noun(index)
            if noun is None or noun[0].state != "death" or self.without_before(index):
                continue
            for position in range(max(0, index - _LOOKBACK), index + 1):
                if any(used[position : index + 1]):
                    continue
                victims = self.victims(position)
                if victims is None or victims.head.noun_index != index:
                    continue
                head = victims.head
                if head.first == index and (noun[2] or self.hedged(index)):
                    break  # "بعض القتلى", "إصابات أو قتلى": no report of deaths
                found.append((victims.start, victims.end, victims.figure))
                for k in range(victims.first, victims.next):
                    used[k] = True
                break
        return found

    def hedged(self, index: int) -> bool:
        """Whether "أو" stands next to the word: a hypothesis ("إصابات أو قتلى")."""
        for neighbour in (index - 1, index + 1):
            if 0 <= neighbour < len(self.tokens):
                found = self.modifier(neighbour, "after")
                if found is not None and found[1] == "alternative":
                    return True
        return False


@cache
def _relative_pronouns() -> frozenset[str]:
    return word_set("relative_pronouns.tsv")


@cache
def _not_name_words() -> frozenset[str]:
    """Words no person's name is made of: function words, and the words of the acts and
    weapons of ``triggers.tsv`` and ``act_nouns.tsv``."""
    acts = {
        normalise_key(word)
        for name, column in (("triggers.tsv", "trigger"), ("act_nouns.tsv", "noun"))
        for _, row in read_tsv(name, [column])
        for word in row[column].split()
    }
    return word_set("function_words.tsv") | frozenset(acts)


def parse_number(text: str) -> int | None:
    """The number a number phrase states, or None: "ثلاثة وعشرين" → 23, "عنصرين" → 2.

    Digits, number words in every gender and case form and their compounds ("مئة وخمسون"
    150, "مئة وأحد عشر" 111, "اثنتا عشرة" 12), dual nouns of people, with clitics ("بثلاثة",
    "و5"); a vague quantity gives the lower bound the codebook codes ("والعشرات" → 10).
    Numbers of any size are read: ``MAX_TOLL`` bounds fatality figures, not numbers.
    """
    try:
        norm = normalise(text).text
        clause = _Clause(_lexicon(), norm, tokenize(norm))
        tokens = clause.tokens
        if not tokens:
            return None
        # "و5": the tokenizer splits the clitics off digits, into a token of their own.
        first = 1 if len(tokens) > 1 and _PROCLITICS.fullmatch(tokens[0].text) else 0
        number = clause.number(first)
        if number is not None:
            return number[0]
        vague = clause.phrase(first, "vague")
        if vague is not None:
            return vague[1].low
        noun = clause.noun(first)
        if noun is not None and noun[0].number == "dual":
            return 2
        return None
    except (ValueError, IndexError, RecursionError):
        return None


def find_fatalities(doc: Document, start: int, end: int) -> list[Mention]:
    """Mentions of people killed in ``doc.norm.text[start:end]``, valued ``Fatalities``.

    Example: "مقتل سبعة أفراد وإصابة آخرين" → one mention over "مقتل سبعة أفراد", count 7.
    """
    if doc.norm is None:
        return []
    text = doc.norm.text
    start, end = max(0, start), min(len(text), end)
    offsets = _death_word_offsets(text)
    hits = offsets[bisect_left(offsets, start) : bisect_left(offsets, end)]
    if not hits:
        return []
    try:
        first, last = doc.tokens_between(start, end)  # the document's tokens, made once
        clause = _Clause(_lexicon(), text, doc.tokens()[first:last])
        reports = clause.reports(clause.indices_at(hits))
    except (ValueError, IndexError, RecursionError):
        return []
    return [
        Mention("fatalities", s, e, figure) for s, e, figure in reports if start <= s < e <= end
    ]
