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
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Generic, TypeVar

from rasad.normalise import normalise_key

TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")

CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
ARTICLE = "ال"
SUFFIXES = ("هما", "هم", "هن", "ها", "ه", "نا", "كم", "ون", "ين", "ان", "ات", "وا", "ت", "ي")
MIN_STEM = 2
# Distinct words a matcher remembers whether they may start one of its entries.
MAX_CACHED_WORDS = 1 << 16

Payload = TypeVar("Payload")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Variant:
    """A form a token may have as a lexicon entry; ``prefix`` chars were clitics."""

    form: str
    prefix: int
    suffix: int = 0


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word and number tokens of ``text[start:end]``, with offsets into ``text``."""
    return [Token(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text, start, len(text) if end is None else end)]


def token_variants(token: str, *, suffixes: bool = False) -> tuple[Variant, ...]:
    """Forms of ``token`` with proclitics (and, if asked, enclitics) removed, longest first."""
    return _variants(token, suffixes)


@lru_cache(maxsize=1 << 18)  # news vocabulary repeats: most tokens are seen many times
def _variants(token: str, suffixes: bool) -> tuple[Variant, ...]:
    if suffixes:
        # The enclitic forms add to the proclitic ones, which are cached on their own.
        return _with_suffixes(_variants(token, False))
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


# Suffixes by their last letter: a form is tried only with those it can end in.
_SUFFIXES_BY_LAST = {
    letter: tuple(s for s in SUFFIXES if s[-1] == letter) for letter in {s[-1] for s in SUFFIXES}
}
_PRONOUNS = frozenset({"ها", "هم", "هما", "هن"})


def _with_suffixes(variants: tuple[Variant, ...]) -> tuple[Variant, ...]:
    seen = {variant.form: variant for variant in variants}
    for variant in variants:
        form = variant.form
        for suffix in _SUFFIXES_BY_LAST.get(form[-1], ()):
            if not form.endswith(suffix) or len(form) - len(suffix) < 3:
                continue
            base = form[: -len(suffix)]
            if base not in seen:  # at least 3 letters long: more than MIN_STEM
                seen[base] = Variant(base, variant.prefix, len(suffix))
            if suffix in _PRONOUNS and base.endswith("ت"):
                # ta marbuta is written ت before a pronoun: "عناصرها", "قواتهم"
                marbuta = base[:-1] + "ه"
                if marbuta not in seen:
                    seen[marbuta] = Variant(marbuta, variant.prefix, len(suffix) + 1)
    return tuple(seen.values()) if len(seen) > len(variants) else variants


@dataclass(frozen=True, slots=True)
class PhraseMatch(Generic[Payload]):
    """Tokens ``[first, last]`` matched an entry; ``start``/``end`` are char offsets."""

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
        self.size = 0
        self._starts = _StartCache(self._by_first, suffixes)

    def add(self, phrase: str, payload: Payload) -> None:
        words = tuple(normalise_key(phrase).split())
        if not words:
            raise ValueError("empty phrase")
        entries = self._by_first.setdefault(words[0], [])
        entries.append((words, payload))
        entries.sort(key=lambda entry: -len(entry[0]))
        self.size += 1
        self._starts.clear()  # a word may start an entry now

    def add_all(self, items: Iterable[tuple[str, Payload]]) -> None:
        for phrase, payload in items:
            self.add(phrase, payload)

    def __contains__(self, phrase: str) -> bool:
        words = tuple(normalise_key(phrase).split())
        return any(w == words for w, _ in self._by_first.get(words[0], [])) if words else False

    def find(
        self, tokens: list[Token], forms: list[tuple[Variant, ...]] | None = None
    ) -> Iterator[PhraseMatch[Payload]]:
        """Leftmost-longest, non-overlapping matches; ``forms`` are the tokens' variants if known."""
        if forms is None:
            forms = [token_variants(t.text, suffixes=self.suffixes) for t in tokens]
        by_first = self._by_first
        starts = [
            index
            for index, variants in enumerate(forms)
            if any(variant.form in by_first for variant in variants)
        ]
        return self._find(tokens, forms, 0, len(tokens), starts)

    def find_in(
        self, tokens: Sequence[Token], forms: Sequence[tuple[Variant, ...]], first: int, last: int
    ) -> Iterator[PhraseMatch[Payload]]:
        """The matches of ``find(tokens[first:last], forms[first:last])``, without the copies.

        ``forms`` must be ``token_variants(t.text, suffixes=self.suffixes)`` of each token, as
        ``Document.find`` keeps them: which words may start an entry is remembered by text.
        """
        may_start = self._starts
        starts = [index for index in range(first, last) if may_start[tokens[index].text]]
        return self._find(tokens, forms, first, last, starts)

    def find_all(self, tokens: list[Token]) -> Iterator[PhraseMatch[Payload]]:
        """Every match starting at every token, overlapping ones included."""
        forms = [token_variants(t.text, suffixes=self.suffixes) for t in tokens]
        for index in range(len(tokens)):
            match = self._longest_at(tokens, forms, index, len(tokens), 0)
            if match is not None:
                yield match

    def _find(
        self,
        tokens: Sequence[Token],
        forms: Sequence[tuple[Variant, ...]],
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
        tokens: Sequence[Token],
        forms: Sequence[tuple[Variant, ...]],
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
        for variant in forms[index]:
            entries = self._by_first.get(variant.form)
            if entries is None:
                continue
            for words, payload in entries:  # longest first
                last = index + len(words) - 1
                if last >= stop:
                    continue
                if last <= best_last:
                    break  # this entry and all after it are no longer than the best
                if not all(
                    _has_form(forms[index + offset], word)
                    for offset, word in enumerate(words[1:], start=1)
                ):
                    continue
                end_trim = (
                    next((v.suffix for v in forms[last] if v.form == words[-1]), 0)
                    if len(words) > 1
                    else variant.suffix
                )
                best_last = last
                best = PhraseMatch(
                    index - base, last - base, tokens[index].start + variant.prefix,
                    tokens[last].end - end_trim, " ".join(words), payload,
                )
        return best


def _has_form(variants: tuple[Variant, ...], word: str) -> bool:
    for variant in variants:
        if variant.form == word:
            return True
    return False


class _StartCache(dict[str, bool]):
    """Whether a token of a given text may start an entry of a matcher: a form of it is a
    first word. Looked up for every token a matcher scans, so it is kept by text, and emptied
    when it grows past ``MAX_CACHED_WORDS`` (news vocabulary repeats, but it never ends).
    """

    def __init__(self, by_first: dict[str, list[Any]], suffixes: bool) -> None:
        super().__init__()
        self._by_first = by_first
        self._suffixes = suffixes

    def __missing__(self, text: str) -> bool:
        if len(self) >= MAX_CACHED_WORDS:
            self.clear()
        may_start = any(
            variant.form in self._by_first
            for variant in token_variants(text, suffixes=self._suffixes)
        )
        self[text] = may_start
        return may_start
