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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from rasad.normalise import normalise_key

TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")

CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
ARTICLE = "ال"
SUFFIXES = ("هما", "هم", "هن", "ها", "ه", "نا", "كم", "ون", "ين", "ان", "ات", "وا", "ت", "ي")
MIN_STEM = 2

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
    return [Token(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text, start, end or len(text))]


def token_variants(token: str, *, suffixes: bool = False) -> tuple[Variant, ...]:
    """Forms of ``token`` with proclitics (and, if asked, enclitics) removed, longest first."""
    return _variants(token, suffixes)


@lru_cache(maxsize=1 << 18)  # news vocabulary repeats: most tokens are seen many times
def _variants(token: str, suffixes: bool) -> tuple[Variant, ...]:
    seen: dict[str, Variant] = {}

    def add(form: str, prefix: int, suffix: int = 0) -> None:
        if len(form) >= MIN_STEM and form not in seen:
            seen[form] = Variant(form, prefix, suffix)

    add(token, 0)
    for conjunction in ("", *CONJUNCTIONS):
        if not token.startswith(conjunction):
            continue
        after_conjunction = token[len(conjunction):]
        add(after_conjunction, len(conjunction))
        for preposition in ("", *PREPOSITIONS):
            if not after_conjunction.startswith(preposition):
                continue
            stem = after_conjunction[len(preposition):]
            prefix = len(conjunction) + len(preposition)
            add(stem, prefix)
            if stem.startswith(ARTICLE):
                add(stem[2:], prefix + 2)
            elif preposition == "ل" and stem.startswith("ل"):
                # "للميادين": the lam of the article merges with the preposition.
                add(ARTICLE + stem[1:], prefix - 1)
                add(stem[1:], prefix + 1)
    if suffixes:
        for variant in list(seen.values()):
            for suffix in SUFFIXES:
                if variant.form.endswith(suffix) and len(variant.form) - len(suffix) >= 3:
                    add(variant.form[: -len(suffix)], variant.prefix, len(suffix))
                    base = variant.form[: -len(suffix)]
                    if suffix in ("ها", "هم", "هما", "هن") and base.endswith("ت"):
                        # ta marbuta is written ت before a pronoun: "عناصرها", "قواتهم"
                        add(base[:-1] + "ه", variant.prefix, len(suffix) + 1)
    return tuple(seen.values())


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

    def add(self, phrase: str, payload: Payload) -> None:
        words = tuple(normalise_key(phrase).split())
        if not words:
            raise ValueError("empty phrase")
        entries = self._by_first.setdefault(words[0], [])
        entries.append((words, payload))
        entries.sort(key=lambda entry: -len(entry[0]))
        self.size += 1

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
        index = 0
        while index < len(tokens):
            match = self._longest_at(tokens, forms, index)
            if match is None:
                index += 1
                continue
            yield match
            index = match.last + 1

    def find_all(self, tokens: list[Token]) -> Iterator[PhraseMatch[Payload]]:
        """Every match starting at every token, overlapping ones included."""
        forms = [token_variants(t.text, suffixes=self.suffixes) for t in tokens]
        for index in range(len(tokens)):
            match = self._longest_at(tokens, forms, index)
            if match is not None:
                yield match

    def _longest_at(
        self, tokens: list[Token], forms: list[tuple[Variant, ...]], index: int
    ) -> PhraseMatch[Payload] | None:
        best: PhraseMatch[Payload] | None = None
        for variant in forms[index]:
            for words, payload in self._by_first.get(variant.form, ()):
                last = index + len(words) - 1
                if last >= len(tokens) or (best is not None and last <= best.last):
                    continue
                if all(
                    any(v.form == word for v in forms[index + offset])
                    for offset, word in enumerate(words[1:], start=1)
                ):
                    end_token = tokens[last]
                    end_trim = next(
                        (v.suffix for v in forms[last] if v.form == words[-1]), 0
                    ) if len(words) > 1 else variant.suffix
                    best = PhraseMatch(
                        index, last, tokens[index].start + variant.prefix,
                        end_token.end - end_trim, " ".join(words), payload,
                    )
        return best
