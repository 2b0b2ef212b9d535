"""Arabic normalisation for matching, with a map back to the original characters.

Matching runs on a normalised copy of the text: diacritics and tatweel removed, alef and
hamza seats unified, ى→ي, ة→ه, Eastern Arabic digits → ASCII, Arabic punctuation → ASCII.
Every character of the copy remembers the index of the character it came from, so that any
match can be reported as a span of the text the user gave us.

Example:
    >>> n = normalise("قُتِلَ ٣ عناصر بِريف إدلب")
    >>> n.text
    'قتل 3 عناصر بريف ادلب'
    >>> n.original_span(6, 11)  # "عناصر"
    (9, 14)
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

# Removed: harakat, tanwin, shadda, sukun, superscript alef, Quranic marks, tatweel and the
# invisible direction and joiner marks that copy-pasted Arabic web text is full of.
_DELETED = (
    [chr(c) for c in range(0x064B, 0x0660)]
    + [chr(c) for c in range(0x0610, 0x061B)]
    + ["\u0670", "\u0640", "\u061c", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\ufeff"]
    + ["\u06d6", "\u06d7", "\u06d8", "\u06d9", "\u06da", "\u06db", "\u06dc"]
)

_REPLACED = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ى": "ي",
    "ئ": "ي",
    "ی": "ي",
    "ې": "ي",
    "ؤ": "و",
    "ة": "ه",
    "ۀ": "ه",
    "ە": "ه",
    "ک": "ك",
    "ڪ": "ك",
    "،": ",",
    "؛": ";",
    "؟": "?",
    "٪": "%",
    "٫": ".",
    "٬": ",",
    "۔": ".",
    "“": '"',
    "”": '"',
    "«": '"',
    "»": '"',
    "„": '"',
    "‘": "'",
    "’": "'",
    "–": "-",
    "—": "-",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
}
_REPLACED.update({chr(0x0660 + d): str(d) for d in range(10)})  # Arabic-Indic digits
_REPLACED.update({chr(0x06F0 + d): str(d) for d in range(10)})  # Persian digits
_REPLACED.update({chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)})

# Characters that stay as they are are listed too, for the blocks news text is written in:
# ``str.translate`` handles a character missing from its table by raising and catching a
# LookupError, which made the translation of a report twice as slow.
_UNCHANGED_BLOCKS = ((0x0000, 0x07FF), (0x2000, 0x206F))
_TRANSLATED: dict[str, int | str | None] = {**dict.fromkeys(_DELETED), **_REPLACED}
_BY_CODE = {
    **{code: code for first, last in _UNCHANGED_BLOCKS for code in range(first, last + 1)},
    **str.maketrans(_TRANSLATED),
}
# The table as a list indexed by code point: ``str.translate`` reads a list item where it
# hashed each character into a dict (a sixth faster). A character past the list's end is
# missing, as from the dict.
_TABLE: list[int | str | None] = [_BY_CODE.get(code, code) for code in range(max(_BY_CODE) + 1)]
# Runs of characters that ``normalise`` keeps: their offsets are the map back to the original.
_KEPT_RUN = re.compile("[^" + "".join(map(re.escape, _DELETED)) + "]+")


@dataclass(frozen=True, slots=True)
class NormalisedText:
    """A normalised copy of a text and the map of its characters back to the original.

    The copy is the original with some characters deleted and others replaced one for one, so
    the map is the runs of kept characters: where each starts in ``text`` (``run_starts``) and
    in ``original`` (``run_origins``). Both are empty when nothing was deleted.
    """

    text: str
    original: str
    run_starts: tuple[int, ...] = ()
    run_origins: tuple[int, ...] = ()

    def original_index(self, index: int) -> int:
        """Index in the original text of the normalised character at ``index``."""
        if index >= len(self.text):
            return len(self.original)
        if not self.run_starts:
            return index
        run = bisect_right(self.run_starts, index) - 1
        return self.run_origins[run] + index - self.run_starts[run]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original ``(start, end)`` covering normalised ``text[start:end]``."""
        if end <= start:
            position = self.original_index(start)
            return position, position
        return self.original_index(start), self.original_index(end - 1) + 1


def normalise(text: str) -> NormalisedText:
    """Normalise ``text`` for matching, keeping offsets back to ``text``."""
    normal = text.translate(_TABLE)
    if len(normal) == len(text):
        return NormalisedText(normal, text)
    # A few deleted marks in a long text: the runs kept between them, not an offset per
    # character (a tuple of thousands of offsets cost more than the translation).
    spans = [run.span() for run in _KEPT_RUN.finditer(text)]
    if not spans:  # nothing kept
        return NormalisedText(normal, text)
    starts = tuple(accumulate((end - start for start, end in spans[:-1]), initial=0))
    return NormalisedText(normal, text, starts, tuple(start for start, _ in spans))


def normalise_key(text: str) -> str:
    """The normalised form of a lexicon entry or a name: for dictionary keys."""
    return " ".join(text.translate(_TABLE).split())
