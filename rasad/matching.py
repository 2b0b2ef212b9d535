"""Token matching for Arabic: clitics, the article and (optionally) suffixes.

Arabic glues conjunctions, prepositions and the article to the word that follows
("وبالميادين" = "و" + "ب" + "ال" + "ميادين"; "للميادين" = "ل" + "ال" with one lam written),
and pronouns and plural endings to its end ("مقتلهم", "مسلحين"). Lexicons list base forms;
``token_variants`` lists what a text token may be once those are taken off, and
``PhraseMatcher`` finds multi-word lexicon entries over tokens in one pass.

Example:
    >>> [v.form for v in token_variants("وبالميادين")]
    ['وبالميادين', 'بالميادين', 'الميادين', 'ميادين']
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate, repeat
from threading import Lock
from typing import Any, Generic, NamedTuple, TypeVar

from rasad.normalise import normalise_key

TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
# The same tokens as a split pattern: text between tokens, token, text between, ...
_TOKEN_SPLIT_RE = re.compile(f"({TOKEN_RE.pattern})")

CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
ARTICLE = "ال"
SUFFIXES = ("هما", "هم", "هن", "ها", "ه", "نا", "كم", "ون", "ين", "ان", "ات", "وا", "ت", "ي")
MIN_STEM = 2
# Distinct words whose per-word results a Memo keeps before it starts afresh.
MEMO_SIZE = 1 << 16
# The forms of a word, used by every matcher: two memos (with and without enclitics) of this
# size hold as many words as one lru_cache of 2**18 did.
VARIANTS_MEMO_SIZE = 1 << 17
# Distinct words a Vocabulary numbers before a new one starts (~40 MB with its tables).
VOCABULARY_SIZE = 1 << 18

Payload = TypeVar("Payload")
Key = TypeVar("Key")
Value = TypeVar("Value")


class Memo(dict[Key, Value]):
    """A dict that works out a missing value with ``compute`` and keeps it.

    For per-word results looked up at every token: a hit is a plain dict lookup, cheaper than
    an ``lru_cache`` call. News vocabulary repeats but never ends, so the memo empties itself
    when it reaches ``size`` entries rather than grow without bound.
    """

    def __init__(self, compute: Callable[[Key], Value], size: int = MEMO_SIZE) -> None:
        super().__init__()
        self._compute = compute
        self._size = size

    def __missing__(self, key: Key) -> Value:
        if len(self) >= self._size:
            self.clear()
        value = self[key] = self._compute(key)
        return value


class Vocabulary:
    """The distinct token texts seen so far, numbered in the order they were first seen.

    Per-word results (a word's forms, whether it may start a lexicon entry, what the
    gazetteer makes of it) live in ``WordTable`` lists indexed by these numbers: a document
    looks each of its words up by text once, then every table by index, which is several
    times cheaper than a dictionary lookup by text for each table. News vocabulary never
    ends, so past ``size`` words the numbering starts again in a new Vocabulary.
    """

    def __init__(self, size: int = VOCABULARY_SIZE) -> None:
        self.size = size
        self.ids: dict[str, int] = {}
        self.texts: list[str] = []
        self._lock = Lock()

    def ids_of(self, texts: list[str]) -> list[int]:
        """The number of each text; texts not seen before are numbered now."""
        ids = self.ids
        try:
            return [ids[text] for text in texts]
        except KeyError:
            with self._lock:
                known = self.texts
                for text in texts:
                    if text not in ids:
                        ids[text] = len(known)
                        known.append(text)
            return [ids[text] for text in texts]

    @property
    def full(self) -> bool:
        return len(self.texts) >= self.size


_vocabulary = Vocabulary()


def vocabulary() -> Vocabulary:
    """The current Vocabulary: a new one once the last is full."""
    global _vocabulary
    if _vocabulary.full:
        _vocabulary = Vocabulary(_vocabulary.size)
    return _vocabulary


class WordTable(Generic[Value]):
    """``compute(text)`` for every word of a Vocabulary, as a list indexed by word number.

    Values are worked out for the words numbered since the last call, once each; a table
    handed the words of a new Vocabulary starts afresh.
    """

    def __init__(self, compute: Callable[[str], Value]) -> None:
        self._compute = compute
        self._vocabulary: Vocabulary | None = None
        self._values: list[Value] = []
        self._lock = Lock()

    def values(self, words: Vocabulary, ids: list[int]) -> list[Value]:
        """The value of each word numbered ``ids`` in ``words``."""
        values = self.by_number(words)
        return [values[index] for index in ids]

    def by_number(self, words: Vocabulary) -> list[Value]:
        """The values of all the words of ``words``, indexed by word number (not to be changed):
        for a caller that reads only some of a document's words, without copying them all."""
        values = self._values
        if self._vocabulary is not words or len(values) < len(words.texts):
            values = self._extend(words)
        return values

    def clear(self) -> None:
        """Forget every value (what ``compute`` returns has changed)."""
        with self._lock:
            self._vocabulary, self._values = None, []

    def _extend(self, words: Vocabulary) -> list[Value]:
        with self._lock:  # documents read in several threads must not extend a table twice
            if self._vocabulary is not words:
                self._vocabulary, self._values = words, []
            values = self._values
            values.extend(map(self._compute, words.texts[len(values) :]))
            return values


class Token(NamedTuple):
    """A word or number of a text and its offsets (a tuple: made by the hundred per report)."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Variant:
    """A form a token may have as a lexicon entry; ``prefix`` chars were clitics."""

    form: str
    prefix: int
    suffix: int = 0


PHRASE_STOPS = re.compile(r"[.,،؛:]")  # what ends a phrase: a stop, a comma, a colon


def phrase_before(text: str, at: int, reach: int) -> list[str]:
    """The words of the phrase that ends at ``at``, within ``reach`` characters before it."""
    return PHRASE_STOPS.split(text[max(0, at - reach) : at])[-1].split()


def phrase_after(text: str, at: int, reach: int) -> list[str]:
    """The words of the phrase that opens at ``at``, within ``reach`` characters after it."""
    return PHRASE_STOPS.split(text[at : at + reach])[0].split()


def clitics_before(text: str, start: int) -> str:
    """The letters written on the word before ``start``, a match's first character: the
    clitics a matcher took off it ("وبال" of "وبالصواريخ")."""
    word_start = start
    while word_start > 0 and text[word_start - 1].isalpha():
        word_start -= 1
    return text[word_start:start]


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word and number tokens of ``text[start:end]``, with offsets into ``text``."""
    if start or end is not None:
        stop = len(text) if end is None else end
        return [Token(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text, start, stop)]
    # A whole text is cut by one split, its offsets summed in C: every report is tokenised
    # once, and building Tokens one match at a time was a tenth of the extraction.
    pieces = _TOKEN_SPLIT_RE.split(text)
    ends = list(accumulate(map(len, pieces)))
    words = pieces[1::2]
    return list(
        map(
            tuple.__new__,
            repeat(Token, len(words)),
            zip(words, ends[:-1:2], ends[1::2], strict=True),
        )
    )


def token_variants(token: str, *, suffixes: bool = False) -> tuple[Variant, ...]:
    """Forms of ``token`` with proclitics (and, if asked, enclitics) removed, longest first."""
    return (_SUFFIXED if suffixes else _UNSUFFIXED)[token]


def variants_of(
    words: Vocabulary, ids: list[int], *, suffixes: bool = False
) -> list[tuple[Variant, ...]]:
    """``token_variants`` of the words numbered ``ids``: the forms a document keeps."""
    return (_SUFFIXED_TABLE if suffixes else _UNSUFFIXED_TABLE).values(words, ids)


def _variants(token: str) -> tuple[Variant, ...]:
    # Candidate (form, prefix) pairs, in the order that decides which prefix a form keeps:
    # the token, then for the token and for the token without "و"/"ف": it, it without the
    # article, it without a preposition, and that without the article.
    candidates = [(token, 0)]
    stems = [(token, 0)]
    if token.startswith(CONJUNCTIONS):
        stems.append((token[1:], 1))
    for after_conjunction, conjunction in stems:
        candidates.append((after_conjunction, conjunction))
        if after_conjunction.startswith(ARTICLE):
            candidates.append((after_conjunction[2:], conjunction + 2))
        if after_conjunction.startswith(PREPOSITIONS):
            stem, prefix = after_conjunction[1:], conjunction + 1
            candidates.append((stem, prefix))
            if stem.startswith(ARTICLE):
                candidates.append((stem[2:], prefix + 2))
            elif after_conjunction[0] == "ل" and stem.startswith("ل"):
                # "للميادين": the lam of the article merges with the preposition.
                candidates.append((ARTICLE + stem[1:], prefix - 1))
                candidates.append((stem[1:], prefix + 1))
    seen: dict[str, Variant] = {}
    for form, prefix in candidates:
        if len(form) >= MIN_STEM and form not in seen:
            seen[form] = Variant(form, prefix)
    return tuple(seen.values())


def _suffixed_variants(token: str) -> tuple[Variant, ...]:
    # The enclitic forms add to the proclitic ones, which are remembered on their own.
    return _with_suffixes(_UNSUFFIXED[token])


# News vocabulary repeats: most tokens are seen many times.
_UNSUFFIXED: Memo[str, tuple[Variant, ...]] = Memo(_variants, VARIANTS_MEMO_SIZE)
_SUFFIXED: Memo[str, tuple[Variant, ...]] = Memo(_suffixed_variants, VARIANTS_MEMO_SIZE)
_UNSUFFIXED_TABLE: WordTable[tuple[Variant, ...]] = WordTable(_UNSUFFIXED.__getitem__)
_SUFFIXED_TABLE: WordTable[tuple[Variant, ...]] = WordTable(_SUFFIXED.__getitem__)


# Suffixes by their last letter: a form is tried only with those it can end in.
_SUFFIXES_BY_LAST = {
    letter: tuple(s for s in SUFFIXES if s[-1] == letter) for letter in {s[-1] for s in SUFFIXES}
}
_PRONOUNS = frozenset({"ه", "ها", "هم", "هما", "هن"})


def _with_suffixes(variants: tuple[Variant, ...]) -> tuple[Variant, ...]:
    seen = {variant.form: variant for variant in variants}
    for variant in variants:
        form = variant.form
        for suffix in _SUFFIXES_BY_LAST.get(form[-1], ()):
            if not form.endswith(suffix) or len(form) - len(suffix) < 3:
                continue
            base = form[: -len(suffix)]
            if suffix == "ت" and base.endswith("ا"):
                continue  # "قوات" ends in the plural's ات, not a verb's ت: "لقوات" is no "لقوا"
            if base not in seen:  # at least 3 letters long: more than MIN_STEM
                seen[base] = Variant(base, variant.prefix, len(suffix))
            if suffix in _PRONOUNS and base.endswith("ت"):
                # ta marbuta is written ت before a pronoun: "عناصرها", "قواتهم"
                marbuta = base[:-1] + "ه"
                if marbuta not in seen:
                    seen[marbuta] = Variant(marbuta, variant.prefix, len(suffix) + 1)
    return tuple(seen.values()) if len(seen) > len(variants) else variants


class PhraseMatch(NamedTuple, Generic[Payload]):
    """Tokens ``[first, last]`` matched an entry; ``start``/``end`` are char offsets.

    A tuple: made for every candidate at every start token, where a frozen dataclass's
    ``__init__`` cost more than the matching.
    """

    first: int
    last: int
    start: int
    end: int
    entry: str
    payload: Payload


class PhraseMatcher(Generic[Payload]):
    """Finds lexicon phrases (one or more words) in a token sequence.

    Each word of a phrase may carry clitics in the text; the leftmost, longest match wins and
    matches do not overlap.
    """

    def __init__(self, *, suffixes: bool = False) -> None:
        self.suffixes = suffixes
        self._by_first: dict[str, list[tuple[tuple[str, ...], Payload]]] = {}
        self._groups: dict[str, _Group] = {}
        self.size = 0
        # Whether a word may start an entry (see ``_start_of``).
        self._starts: WordTable[bool | frozenset[str]] = WordTable(self._start_of)

    def add(self, phrase: str, payload: Payload) -> None:
        words = tuple(normalise_key(phrase).split())
        if not words:
            raise ValueError("empty phrase")
        entries = self._by_first.setdefault(words[0], [])
        entries.append((words, payload))
        entries.sort(key=lambda entry: -len(entry[0]))
        self._groups[words[0]] = _Group.of(entries)
        self.size += 1
        self._starts.clear()  # a word may start an entry now

    def add_all(self, items: Iterable[tuple[str, Payload]]) -> None:
        for phrase, payload in items:
            self.add(phrase, payload)

    def __contains__(self, phrase: str) -> bool:
        words = tuple(normalise_key(phrase).split())
        return any(w == words for w, _ in self._by_first.get(words[0], [])) if words else False

    def payload_of(self, phrase: str) -> Payload:
        """What the entry ``phrase`` itself was added with (KeyError if it is no entry)."""
        words = tuple(normalise_key(phrase).split())
        for entry, payload in self._by_first.get(words[0] if words else "", []):
            if entry == words:
                return payload
        raise KeyError(phrase)

    def find(
        self, tokens: list[Token], forms: list[tuple[Variant, ...]] | None = None
    ) -> Iterator[PhraseMatch[Payload]]:
        """Leftmost-longest, non-overlapping matches; ``forms``: the tokens' variants, if known."""
        if forms is None:
            forms = [token_variants(t.text, suffixes=self.suffixes) for t in tokens]
        by_first = self._by_first
        starts = [
            index
            for index, variants in enumerate(forms)
            if any(variant.form in by_first for variant in variants)
        ]
        return self._find(tokens, forms, 0, len(tokens), starts)

    def start_indexes(
        self, words: Vocabulary, ids: list[int], forms: list[tuple[Variant, ...]]
    ) -> list[int]:
        """Indexes of the tokens that may begin an entry: where ``find_at`` needs to look.

        ``ids`` number the tokens' texts in ``words``; ``forms`` are their variants, as for
        ``find_at``.
        """
        # Most tokens start nothing, and a common word such as "في" starts only phrases of
        # several words ("في حين"): it is kept only when the next token may be their second.
        # A plain loop over the table: every matcher reads every word of every document.
        kinds = self._starts.by_number(words)
        last = len(ids) - 1
        starts: list[int] = []
        for index, word in enumerate(ids):
            seconds = kinds[word]
            if seconds is True or (
                isinstance(seconds, frozenset)
                and index < last
                and _has_any_form(forms[index + 1], seconds)
            ):
                starts.append(index)
        return starts

    def find_at(
        self,
        tokens: list[Token],
        forms: list[tuple[Variant, ...]],
        first: int,
        last: int,
        starts: list[int],
    ) -> Iterator[PhraseMatch[Payload]]:
        """Matches in tokens ``[first, last)``, trying only the ``starts`` (``start_indexes`` of
        all the tokens, made once): a document searched clause by clause scans its words once.

        ``forms`` must be ``token_variants(t.text, suffixes=self.suffixes)`` of each token.
        """
        return self._find(
            tokens,
            forms,
            first,
            last,
            starts[bisect_left(starts, first) : bisect_left(starts, last)],
        )

    def find_all(self, tokens: list[Token]) -> Iterator[PhraseMatch[Payload]]:
        """Every match starting at every token, overlapping ones included."""
        forms = [token_variants(t.text, suffixes=self.suffixes) for t in tokens]
        for index in range(len(tokens)):
            match = self._longest_at(tokens, forms, index, len(tokens), 0)
            if match is not None:
                yield match

    def _start_of(self, text: str) -> bool | frozenset[str]:
        """True if a form of ``text`` is a one-word entry; else the second words of the
        entries its forms begin, or False when they begin none."""
        seconds: set[str] = set()
        for variant in token_variants(text, suffixes=self.suffixes):
            group = self._groups.get(variant.form)
            if group is not None:
                if group.single is not None:
                    return True
                seconds.update(group.by_second)
        # Most words start nothing: one shared False, not an empty set of their own for each,
        # which a report's scan would fetch from all over memory.
        return frozenset(seconds) if seconds else False

    def _find(
        self,
        tokens: list[Token],
        forms: list[tuple[Variant, ...]],
        first: int,
        last: int,
        starts: list[int],
    ) -> Iterator[PhraseMatch[Payload]]:
        """Leftmost-longest matches in tokens ``[first, last)``, trying only at ``starts``.

        Token indexes of the matches count from ``first``.
        """
        position = first
        for index in starts:
            if index < position:
                continue  # inside the previous match
            match = self._longest_at(tokens, forms, index, last, first)
            if match is not None:
                yield match
                position = match.last + first + 1

    def _longest_at(
        self,
        tokens: list[Token],
        forms: list[tuple[Variant, ...]],
        index: int,
        stop: int,
        base: int,
    ) -> PhraseMatch[Payload] | None:
        """The longest entry starting at token ``index`` and ending before token ``stop``.

        Of entries of the same length, the first form of the token, then the first entry
        added, wins. ``base`` is the token that the match's token indexes count from.
        """
        best: PhraseMatch[Payload] | None = None
        best_last = -1
        following = forms[index + 1] if index + 1 < stop else ()
        for variant in forms[index]:
            group = self._groups.get(variant.form)
            if group is None:
                continue
            # The first entry, in the order longest first, that matches and beats the best of
            # the token's earlier forms; entries of several words are reached by their second.
            found: tuple[tuple[str, ...], Payload] | None = None
            found_rank = len(group.ranked)
            for second in following if group.by_second else ():
                for rank in group.by_second.get(second.form, ()):
                    if rank >= found_rank:
                        break
                    words, payload = group.ranked[rank]
                    last = index + len(words) - 1
                    if last <= best_last:
                        break  # this entry and all after it are no longer than the best
                    if last >= stop:
                        continue
                    if _has_words(forms, index + 2, words, 2):
                        found, found_rank = group.ranked[rank], rank
                        break
            if found is None and best is None and group.single is not None:
                found = group.ranked[group.single]
            if found is None:
                continue
            words, payload = found
            last = index + len(words) - 1
            end_trim = _suffix_of(forms[last], words[-1]) if len(words) > 1 else variant.suffix
            best_last = last
            # tuple.__new__: calling the class runs the interpreted __new__ of a named tuple.
            best = tuple.__new__(
                PhraseMatch,
                (
                    index - base,
                    last - base,
                    tokens[index].start + variant.prefix,
                    tokens[last].end - end_trim,
                    " ".join(words),
                    payload,
                ),
            )
        return best


@dataclass(frozen=True, slots=True)
class _Group:
    """The entries that share a first word, indexed for ``PhraseMatcher._longest_at``.

    Its payloads are typed ``Any``: mypyc cannot build a generic dataclass.
    """

    ranked: list[tuple[tuple[str, ...], Any]]  # longest first, then in the order added
    single: int | None  # rank of the first one-word entry
    by_second: dict[str, list[int]]  # ranks of the longer entries, by their second word

    @classmethod
    def of(cls, entries: list[tuple[tuple[str, ...], Any]]) -> _Group:
        single = next((rank for rank, (words, _) in enumerate(entries) if len(words) == 1), None)
        by_second: dict[str, list[int]] = {}
        for rank, (words, _) in enumerate(entries):
            if len(words) > 1:
                by_second.setdefault(words[1], []).append(rank)
        return cls(list(entries), single, by_second)


def _has_any_form(variants: tuple[Variant, ...], words: frozenset[str]) -> bool:
    for variant in variants:  # noqa: SIM110 (a plain loop, as in _has_form)
        if variant.form in words:
            return True
    return False


def _has_form(variants: tuple[Variant, ...], word: str) -> bool:
    # A plain loop: called for every later word of every candidate entry, and a generator
    # under any() costs more than the comparisons.
    for variant in variants:  # noqa: SIM110
        if variant.form == word:
            return True
    return False


def _has_words(
    forms: list[tuple[Variant, ...]], index: int, words: tuple[str, ...], first: int
) -> bool:
    """Whether the tokens from ``index`` on have ``words[first:]`` among their forms."""
    for offset in range(len(words) - first):
        if not _has_form(forms[index + offset], words[first + offset]):
            return False
    return True


def _suffix_of(variants: tuple[Variant, ...], word: str) -> int:
    """The enclitic letters of the first of ``variants`` that is ``word`` (0 if none is)."""
    for variant in variants:
        if variant.form == word:
            return variant.suffix
    return 0
