"""Places in Arabic reports: the packaged Syria gazetteer and the geocoder.

``Gazetteer.default()`` loads ``rasad/data/gazetteer/`` (built by ``scripts/build_gazetteer.py``
from OCHA, Who's On First, GeoNames and OpenSyria, plus ``curated.tsv``); ``lookup`` gives the
candidates for a name and ``find_places`` the place mentions of a document.

How a mention is read, in order:
1. Names are matched over tokens, clitics off ("وبالميادين" → "الميادين"), longest first;
   a phrase of ``not_places.tsv`` ("عين الفرات", "لواء القدس") of the same length or longer wins.
   A name that no spelling matches may still match by its skeleton ("المياديين" → "الميادين").
2. The words before it (``context.tsv``) decide whether it is a place ("المدعو X", "شبكة X" are
   not) and how precise it is ("بلدة X" 1, "ريف X" 2, "محافظة X" 3).
3. A single-word village name stands alone only with some support: a cue, a preposition, an
   admin area after it, a list it belongs to, or being a town of some size. False places are
   worse than missed ones.
4. Namesakes are told apart by the admin area named after them ("الصالحية بريف البوكمال"), then
   by the other places of the article, then by size.

Example:
    >>> from rasad.normalise import normalise
    >>> from rasad.model import Document
    >>> doc = Document(id="t", text="هجوم في محيط بلدة الصالحية بريف البوكمال")
    >>> doc.norm = normalise(doc.text)
    >>> [(m.value.place.admin2, m.value.precision) for m in Gazetteer.default().find_places(doc)]
    [('Abu Kamal', 2), ('Abu Kamal', 2)]
"""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import Generic, NamedTuple, TypeVar

from rasad.matching import ARTICLE, TOKEN_RE, Memo, Token, Variant, WordTable, token_variants
from rasad.model import Document, Mention, Place, PlaceMention
from rasad.normalise import normalise_key

GAZETTEER_DIR = Path(str(resources.files("rasad") / "data" / "gazetteer"))

# A name needs this many letters before a misspelling of it is tried.
MIN_FUZZY_LETTERS = 5
# A town this big is a place even when named bare, without cue or preposition.
BARE_NAME_POPULATION = 10_000
# Admin seats down to district seats (1 governorate, 2 district) are places even when named bare.
BARE_NAME_RANK = 2
# A sub-district seat is a town: named bare right after "في" it is a place.
SEAT_RANK = 3
IN_WORD, IN_CLITIC = "في", "ب"
# A district seat or a city this big is what a bare name means, whatever else the article names
# ("رأس العين" is the Hasakah town, not the Latakia village, in a report about Latakia).
PROMINENT_RANK = 2
PROMINENT_POPULATION = 50_000
# Words between a place and the admin area that qualifies it ("X التابعة لريف Y").
MAX_QUALIFIER_GAP = 2
# A namesake this close to the qualifying place counts as inside it when admin codes differ.
QUALIFIER_RADIUS_KM = 40.0
# A namesake this close to a governorate's centre counts as inside it ("جنوب دمشق").
NEAR_CENTRE_KM = 15.0
# A town this close to a village of the governorate named after it lies by its border, and
# outlets name the province next door ("مدينة أورم الكبرى بريف إدلب": Aleppo's, 13 km from the
# nearest village of Idlib's; "الأتارب"، "دارة عزة" too)
BORDER_KM = 15.0
AREA_ROLES = frozenset({"area", "direction", "admin1"})
LOCATIVE_CLITIC = "ب"  # "بنابلس": in Nablus
PREPOSITION_CLITICS = (LOCATIVE_CLITIC, "ل")
QUOTED_NAME_REACH = 24  # characters back to the quote that opens a person's name
QUOTED_NAME_WORDS = 3  # words of the name before the place-like one: "حسين العبد الله"
DUAL_CONSTRUCT = "ي"  # "قريتي"، "بلدتي": a dual cue, its ن dropped before the two names  # "بدرعا"، "لدرعا": a preposition, not "و"
# context.tsv roles of the words that may stand between a place and the place that locates it
LOCATING_ROLES = frozenset({"area", "direction", "connector", "locative"})
PLACE_CUE_ROLES = frozenset({"settlement", "area", "direction", "admin1", "zone"})
NOT_A_PLACE_ROLES = frozenset({"person", "outlet", "actor", "speaker", "capital", "allegiance"})
NOT_A_PLACE_AFTER = frozenset(
    {"outlet_after", "occupied_after", "accused_after", "government_after"}
)
# When a word has several roles, the one that places most coarsely decides.
CUE_PRIORITY = ("admin1", "area", "direction", "settlement", "zone")
PUNCTUATION = re.compile(r"[.,;:!?()\[\]\n-]")
# A name that is also an adjective ("السلمية", peaceful) is one right after a definite word
# it agrees with ("الصناعات الكيميائية السلمية"), unless that word is a place cue ("مدينة").
ADJECTIVE = "adjective"
# A governorate that is one city, and the governorate around it that reports name with it:
# "دمشق" in "غارات على دمشق" is often Rural Damascus ("ريف دمشق"): Douma, Jamraya, al-Kiswah;
# a report's places in one of them set the scene for namesakes in the other.
AROUND = {"SY01": "SY03"}
# not_places kinds that only stop a bare name: "بلدة الصور" is still a place.
SOFT_BLOCKS = frozenset({"common", "person", "foreign"})
WEAK, MEDIUM, STRONG = 0, 1, 2
SETTLEMENT_KINDS = frozenset({"community", "neighbourhood", "locality"})

Payload = TypeVar("Payload")


def phrase_words(phrase: str) -> tuple[str, ...]:
    """The tokens of a phrase as the text tokenizer would cut it: "منطقة الـ55 كم" → 4 words."""
    return tuple(TOKEN_RE.findall(normalise_key(phrase)))


_REPEATED = re.compile(r"(.)\1+")


def skeleton(word: str) -> str:
    """The letters of a word that survive common misspellings: "المياديين" → "الميادين"."""
    word = word.replace("ذ", "د").replace("ظ", "ض")
    # Few words have a doubled letter: searching is much cheaper than substituting.
    return word if _REPEATED.search(word) is None else _REPEATED.sub(r"\1", word)


def within_one_edit(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with at most one letter inserted, deleted or replaced."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)) :] == b[i + 1 :]


@dataclass(frozen=True, slots=True)
class Cue:
    """A context word of ``context.tsv`` and what it says about the name next to it."""

    word: str
    role: str
    precision: int
    widens: bool
    plural: bool = False  # "قرى", "بلدات": a common word after it is an adjective
    quarter: bool = False  # "حي", "حيي": the name is a town's quarter where one is so named


class PhraseHit(NamedTuple, Generic[Payload]):
    """Tokens ``first..last`` matched a phrase; ``prefix`` clitic letters precede it.

    A tuple, like ``PhraseMatch``: made at every candidate token.
    """

    first: int
    last: int
    prefix: int
    payloads: tuple[Payload, ...]


class PhraseTable(Generic[Payload]):
    """Phrases over tokens, clitics allowed on each word; several payloads per phrase."""

    def __init__(self) -> None:
        # A plain dict, not a defaultdict: compiled code reads a dict of the exact type
        # directly and a subclass through a method call, at every token.
        self._by_first: dict[str, dict[tuple[str, ...], tuple[Payload, ...]]] = {}
        self._longest: dict[str, int] = {}
        # The lengths of the phrases each first word starts, longest first: "تل" starts names of
        # two and three words, and a lookup is tried for those lengths only.
        self._lengths: dict[str, tuple[int, ...]] = {}
        # The second words of the longer phrases each first word starts: most tokens after a
        # first word are none of them, and no key of several words needs building then.
        self._seconds: dict[str, set[str]] = {}
        # Last words of all phrases: no phrase can end on a token without one of them.
        self._last_words: set[str] = set()
        self._max_length = 0

    def add(self, words: tuple[str, ...], payload: Payload) -> None:
        if not words:
            return
        entries = self._by_first.setdefault(words[0], {})
        payloads = entries.get(words, ())
        if payload not in payloads:
            entries[words] = (*payloads, payload)
        self._longest[words[0]] = max(self._longest.get(words[0], 0), len(words))
        lengths = set(self._lengths.get(words[0], ())) | {len(words)}
        self._lengths[words[0]] = tuple(sorted(lengths, reverse=True))
        if len(words) > 1:
            self._seconds.setdefault(words[0], set()).add(words[1])
        self._last_words.add(words[-1])
        self._max_length = max(self._max_length, len(words))

    def starts_with(self, forms: Iterable[Variant]) -> bool:
        """Whether some phrase may start on a token of these forms."""
        return any(variant.form in self._by_first for variant in forms)

    def ends_with(self, forms: Iterable[Variant]) -> bool:
        """Whether some phrase may end on a token of these forms."""
        return any(variant.form in self._last_words for variant in forms)

    def longest_at(
        self, forms: list[tuple[Variant, ...]], index: int, stop: int | None = None
    ) -> PhraseHit[Payload] | None:
        """The longest phrase starting at token ``index`` and ending before token ``stop``."""
        limit = len(forms) if stop is None else stop
        best: PhraseHit[Payload] | None = None
        best_length = 0
        rest: list[str] | None = None  # the words after the first, once a phrase needs them
        for variant in forms[index]:
            form = variant.form
            entries = self._by_first.get(form)
            if not entries:
                continue
            longest = min(self._longest[form], limit - index)
            if longest <= best_length:
                continue
            if longest > 1:
                if rest is None:
                    # Only the first word carries clitics ("وبدير الزور"; "حمص وحماة" is not
                    # "حمص حماة"): the later words of a phrase are the tokens' first forms, so
                    # a phrase of each length is one key to look up.
                    rest = _first_forms(forms, index + 1, min(limit, index + self._max_length))
                if not rest or rest[0] not in self._seconds[form]:
                    longest = 1  # no phrase of several words goes on with the next token
            for length in self._lengths[form]:
                if length <= best_length:
                    break
                if length > longest or length > len(rest or ()) + 1:
                    continue
                payloads = entries.get((form, *rest[: length - 1]) if rest else (form,))
                if payloads is not None:
                    best = tuple.__new__(
                        PhraseHit, (index, index + length - 1, variant.prefix, payloads)
                    )
                    best_length = length
                    break
        return best

    def ending_at(
        self, forms: list[tuple[Variant, ...]], last: int, longest: int = 3
    ) -> PhraseHit[Payload] | None:
        """The longest phrase whose last token is ``last``."""
        if not self.ends_with(forms[last]):
            return None
        for length in range(min(longest, last + 1), 0, -1):
            hit = self.longest_at(forms, last - length + 1, last + 1)
            if hit is not None and hit.last == last:
                return hit
        return None


def _first_forms(forms: list[tuple[Variant, ...]], start: int, stop: int) -> list[str]:
    """The first form of each token from ``start`` to ``stop``, up to a token with none."""
    words = []
    for index in range(start, stop):
        if not forms[index]:
            break
        words.append(forms[index][0].form)
    return words


@dataclass(frozen=True, slots=True)
class _Word:
    """What the geocoder needs of one token's text; worked out once for each distinct word."""

    forms: tuple[Variant, ...]  # clitics off: what names match
    context_forms: tuple[Variant, ...]  # the article kept: what context words match
    may_name: bool  # some form starts a gazetteer name
    may_block: bool  # some form starts a not_places phrase
    may_end_settlement: bool  # some form ends a "settlement" cue ("بلدة", "مدينة")
    long: bool  # long enough to be read as a misspelt name
    misspelt: tuple[int, ...]  # places whose name this is by skeleton, if long enough


@dataclass(slots=True)
class _Hit:
    """A candidate place mention while a document is being read."""

    first: int  # first token of the name
    last: int  # last token of the name (and of trailing direction adjectives)
    start: int  # normalised offset of the mention, cue included, clitic letters left out
    end: int
    candidates: list[int]
    cue: Cue | None = None
    cue_first: int = -1  # first token of the cue, or of the name when there is none
    supported: bool = False
    rejected: bool = False  # "المدعو X", "شبكة X", "X بوست": a name, but not of a place here
    weak: bool = False  # misspelt, a common word, or matched only through an added article
    misspelt: bool = False  # found by its skeleton or one edit, not as written
    town_named: bool = False  # "مدينة" stands between the cue and the name
    inner_cue: Cue | None = None  # that settlement cue: "قرية" of "قرب قرية الصور"
    common: bool = (
        False  # also a common word or a place abroad (not_places.tsv common, person, foreign)
    )
    foreign: bool = False  # also a place abroad (not_places.tsv "foreign")
    person_name: bool = False  # starts like a person's name: "أبو", "الشيخ"
    own_cue: bool = False  # the cue is its own, not one shared along a list
    qualifier: _Hit | None = None
    chosen: int | None = None
    precision: int = 1
    widened: bool = False
    fallback: bool = False
    absorbed: bool = False
    conjoined: bool = False  # its cue starts with "و": a new item, not a qualifier
    listed_after: _Hit | None = field(default=None, repr=False)


class Gazetteer:
    """The packaged Syria gazetteer: places by name, and the geocoder over documents."""

    def __init__(self, directory: Path = GAZETTEER_DIR) -> None:
        self.places: list[Place] = []
        self._rank: list[int] = []
        self._precision: list[int] = []
        self._by_id: dict[str, int] = {}
        self._names: PhraseTable[int] = PhraseTable()
        self._english: dict[str, list[int]] = defaultdict(list)
        self._skeletons: dict[str, list[int]] = defaultdict(list)
        self._deletions: dict[str, str] | None = None
        self._settlements: dict[str, list[Place]] | None = None
        self._load_places(directory / "places.tsv")
        self._cues: PhraseTable[Cue] = PhraseTable()
        for row in _read_rows(directory / "context.tsv"):
            cue = Cue(
                row["word"],
                row["role"],
                int(row["precision"]),
                row["widens"] == "1",
                row.get("plural") == "1",
                row.get("quarter") == "1",
            )
            self._cues.add(phrase_words(row["word"]), cue)
        self._blocked: PhraseTable[str] = PhraseTable()
        for row in _read_rows(directory / "not_places.tsv"):
            self._blocked.add(phrase_words(row["phrase"]), row["kind"])
            # The article makes no common noun a name: "الثورة" listed, "ثورة النساء" too.
            if row["kind"] == "common" and " " not in row["phrase"]:
                self._blocked.add(phrase_words(row["phrase"].removeprefix("ال")), "common")
        self._settlement_ends = {
            words[-1]
            for entries in self._cues._by_first.values()
            for words, cues in entries.items()
            if any(c.role == "settlement" for c in cues)
        }
        # Per-word work, remembered across documents (the tables above never change).
        self._words: WordTable[_Word] = WordTable(self._read_word)
        self._misspelt: Memo[str, tuple[int, ...]] = Memo(self._by_skeleton)
        self._one_edit: Memo[str, tuple[int, ...]] = Memo(self._by_one_edit)
        self._person_cues: Memo[str, list[Cue]] = Memo(lambda word: self._cues_for(word, "person"))

    @classmethod
    def default(cls) -> Gazetteer:
        """The packaged gazetteer, loaded once: ``Gazetteer.default().lookup("حلب")``."""
        return _default_gazetteer()

    # ---- loading ------------------------------------------------------------------------

    def _load_places(self, path: Path) -> None:
        rows = _read_rows(path)
        admin_names = {row["id"]: row["name_en"] for row in rows if row["kind"].startswith("admin")}
        for index, row in enumerate(rows):
            place = Place(
                id=row["id"],
                name_ar=row["name_ar"],
                name_en=row["name_en"],
                kind=row["kind"],
                latitude=float(row["latitude"]),
                longitude=float(row["longitude"]),
                admin1=admin_names.get(row["admin1_pcode"]),
                admin1_pcode=row["admin1_pcode"] or None,
                admin2=admin_names.get(row["admin2_pcode"]),
                admin2_pcode=row["admin2_pcode"] or None,
                admin3=admin_names.get(row["admin3_pcode"]),
                admin3_pcode=row["admin3_pcode"] or None,
                population=int(row["population"]),
                source=row["source"],
            )
            self.places.append(place)
            self._rank.append(int(row["rank"]))
            self._precision.append(int(row["precision"]))
            self._by_id[place.id] = index
            arabic = [row["name_ar"], *filter(None, row["aliases_ar"].split("|"))]
            for name in arabic:
                for words in _spellings(phrase_words(name)):
                    self._names.add(words, index)
                    if len(words) == 1 and len(words[0]) >= MIN_FUZZY_LETTERS:
                        self._skeletons[skeleton(words[0])].append(index)
            for name in [row["name_en"], *filter(None, row["aliases_en"].split("|"))]:
                self._english[" ".join(phrase_words(name))].append(index)

    # ---- lookup -------------------------------------------------------------------------

    def get(self, place_id: str) -> Place:
        """The place with P-code or id ``place_id``: ``get("C5192")`` is الميادين."""
        return self.places[self._by_id[place_id]]

    def lookup(self, name: str) -> list[Place]:
        """Places a name may mean, biggest first: ``lookup("بالمياذين")`` → [الميادين (C5192)].

        Clitics, the article, hamza and alef forms, ya and ta marbuta are ignored; a name of five
        letters or more that matches nothing is tried as a misspelling (skeleton, then one edit).
        English names work too (``lookup("Mayadin")``).
        """
        words = phrase_words(name)
        if not words:
            return []
        found = self._exact(words) or self._english.get(" ".join(words), [])
        if not found and len(words) == 1:
            found = self._fuzzy(words[0])
        return [self.places[i] for i in self._by_size(found)]

    def _exact(self, words: tuple[str, ...]) -> list[int]:
        hit = self._names.longest_at([_forms(word) for word in words], 0)
        return list(hit.payloads) if hit is not None and hit.last == len(words) - 1 else []

    def _fuzzy(self, word: str, *, edits: bool = True) -> list[int]:
        """Places whose one-word name is ``word`` misspelt (any clitic form)."""
        return list(self._misspelt[word] or (self._one_edit[word] if edits else ()))

    def _by_skeleton(self, word: str) -> tuple[int, ...]:
        """Places whose name has the skeleton of a form of ``word``: the first form that has one."""
        for variant in token_variants(word):
            if len(variant.form) < MIN_FUZZY_LETTERS:
                continue
            found = self._skeletons.get(skeleton(variant.form))
            if found:
                return tuple(dict.fromkeys(found))
        return ()

    def _by_one_edit(self, word: str) -> tuple[int, ...]:
        """Places whose skeleton is one edit from that of a form of ``word``."""
        for variant in token_variants(word):
            if len(variant.form) < MIN_FUZZY_LETTERS:
                continue
            keys = self._near_keys(skeleton(variant.form))
            if keys:
                return tuple(dict.fromkeys(i for key in sorted(keys) for i in self._skeletons[key]))
        return ()

    def _read_word(self, text: str) -> _Word:
        forms = _forms(text)
        context_forms = _without_article(text, forms)
        return _Word(
            forms,
            context_forms,
            may_name=self._names.starts_with(forms),
            may_block=self._blocked.starts_with(forms),
            may_end_settlement=any(v.form in self._settlement_ends for v in context_forms),
            long=len(text) >= MIN_FUZZY_LETTERS,
            misspelt=self._misspelt[text] if len(text) >= MIN_FUZZY_LETTERS else (),
        )

    def _near_keys(self, key: str) -> set[str]:
        if self._deletions is None:
            # Built on first use only: most runs never need it. The skeletons a deletion comes
            # from are kept as one space-separated string (skeletons are single words): a dict
            # of strings is left alone by the garbage collector, unlike 70,000 sets.
            deletions: dict[str, str] = {}
            for known in self._skeletons:
                for deleted in {known[:i] + known[i + 1 :] for i in range(len(known))} | {known}:
                    deletions[deleted] = (
                        f"{deletions[deleted]} {known}" if deleted in deletions else known
                    )
            self._deletions = deletions
        near: set[str] = set(self._deletions.get(key, "").split())
        for position in range(len(key)):
            near.update(self._deletions.get(key[:position] + key[position + 1 :], "").split())
        return {k for k in near if within_one_edit(k, key)}

    def _by_size(self, indices: Iterable[int]) -> list[int]:
        unique = dict.fromkeys(indices)
        return sorted(
            unique, key=lambda i: (self._rank[i], -self.places[i].population, self.places[i].id)
        )

    # ---- geocoding documents ------------------------------------------------------------

    def find_places(self, doc: Document) -> list[Mention]:
        """Place mentions of ``doc.norm.text`` in text order.

        "هجوم على بلدة القورية بريف دير الزور الشرقي" → "بلدة القورية" (C5207, precision 1) and
        "ريف دير الزور الشرقي" (governorate SY09, precision 3). Offsets are normalised ones.
        """
        assert doc.norm is not None, "find_places needs a normalised document"
        text = doc.norm.text
        tokens = doc.tokens()
        words = self._words.values(*doc.word_ids())
        forms = [word.forms for word in words]
        context_forms = [word.context_forms for word in words]
        abroad: list[int] = []  # first tokens of the names of places abroad
        hits = self._scan(tokens, words, forms, context_forms, abroad)
        self._read_context(text, tokens, context_forms, hits)
        self._link_qualifiers(text, context_forms, hits)
        self._decide_support(hits, text)
        hits = [
            hit
            for hit in hits
            if hit.supported and not self._located_abroad(text, tokens, context_forms, hit, abroad)
        ]
        self._absorb_unknown_names(tokens, context_forms, hits)
        self._resolve(hits)
        return [
            Mention(
                "place",
                hit.start,
                hit.end,
                PlaceMention(
                    self.places[hit.chosen],
                    hit.precision,
                    hit.cue.word if hit.cue else "",
                    bool(hit.cue and hit.cue.widens),
                ),
            )
            for hit in hits
            if hit.chosen is not None and not hit.absorbed
        ]

    def _scan(
        self,
        tokens: list[Token],
        words: list[_Word],
        forms: list[tuple[Variant, ...]],
        context_forms: list[tuple[Variant, ...]],
        abroad: list[int],
    ) -> list[_Hit]:
        """Candidate place names, in text order; ``abroad`` gets the first tokens of the names
        of places abroad (not_places.tsv "foreign") that no Syrian name reaches past."""
        hits: list[_Hit] = []
        # A name, a blocked phrase or a misspelt name may start only on these tokens: the scan
        # skips the rest (see ``_fuzzy_at`` for the last two conditions).
        starts = [
            index
            for index, word in enumerate(words)
            if word.may_name
            or word.may_block
            or word.misspelt
            or (word.long and index and words[index - 1].may_end_settlement)
        ]
        position = 0
        for index in starts:
            if index < position:
                continue  # inside the previous mention or blocked phrase
            word = words[index]
            # Most tokens start no phrase of either table: the tables are not searched then.
            blocked = self._blocked.longest_at(forms, index) if word.may_block else None
            named = self._names.longest_at(forms, index) if word.may_name else None
            if named is not None and self._ends_in_a_direction_of_the_next(
                words, context_forms, named
            ):
                named = self._names.longest_at(forms, index, named.last) or named
            fuzzy = False
            if named is None and blocked is None:
                found = self._fuzzy_at(tokens, words, context_forms, index)
                named, fuzzy = (
                    (PhraseHit(index, index, 0, tuple(found)), True) if found else (None, False)
                )
            if blocked is not None and ADJECTIVE in blocked.payloads:
                blocked = (
                    blocked if self._describes_word_before(tokens, context_forms, index) else None
                )
            # A common word or a foreign name that reaches as far as the name overrules it.
            overruling = (
                blocked
                if blocked is not None and (named is None or blocked.last >= named.last)
                else None
            )
            if named is None and overruling is not None and "foreign" in overruling.payloads:
                abroad.append(index)
            if overruling is not None and not set(overruling.payloads) <= SOFT_BLOCKS:
                position = overruling.last + 1
                continue
            if named is None:
                continue
            token = tokens[index]
            # "المدرسة" is not the village "مدرسة": a name written without the article is
            # matched through an article in the text only as a weak reading.
            clitics = token.text[: named.prefix]
            # "فرقة" is not "ف" + "رقة": a name reached through ف or an added article is weak.
            doubtful = clitics.endswith("ال") or clitics.startswith(("ف", "وف"))
            hits.append(
                _Hit(
                    named.first,
                    named.last,
                    token.start + named.prefix,
                    tokens[named.last].end,
                    list(named.payloads),
                    cue_first=index,
                    weak=fuzzy or overruling is not None or doubtful,
                    misspelt=fuzzy,
                    common=overruling is not None,
                    foreign=overruling is not None and "foreign" in overruling.payloads,
                )
            )
            position = named.last + 1
        return hits

    def _located_abroad(
        self,
        text: str,
        tokens: list[Token],
        forms: list[tuple[Variant, ...]],
        hit: _Hit,
        abroad: list[int],
    ) -> bool:
        """ "في قرية دوما قرب نابلس": a place located by a place abroad right after it, with
        only a locating word between ("قرب"، "جنوب"، "في"), is that place's namesake abroad."""
        following = next((index for index in abroad if index > hit.last), None)
        if following is None or following - hit.last - 1 > MAX_QUALIFIER_GAP:
            return False
        if PUNCTUATION.search(text, hit.end, tokens[following].start):
            return False
        if following == hit.last + 1:
            # "دوما بنابلس" locates; "دمشق وإيران" lists two
            return tokens[following].text.startswith(LOCATIVE_CLITIC)
        return all(
            (cue := self._cues.longest_at(forms, index)) is not None
            and any(c.role in LOCATING_ROLES for c in cue.payloads)
            for index in range(hit.last + 1, following)
        )

    def _ends_in_a_direction_of_the_next(
        self, words: list[_Word], context_forms: list[tuple[Variant, ...]], named: PhraseHit[int]
    ) -> bool:
        """ "مدينة الباب شرقي حلب": the direction that ends a longer name ("باب شرقي") frames
        the place named after it; the shorter name is meant."""
        last, after = named.last, named.last + 1
        if last == named.first or after >= len(words) or not words[after].may_name:
            return False
        cue = self._cues.longest_at(context_forms, last, after)
        return cue is not None and any(c.role == "direction" for c in cue.payloads)

    def _fuzzy_at(
        self,
        tokens: list[Token],
        words: list[_Word],
        context_forms: list[tuple[Variant, ...]],
        index: int,
    ) -> tuple[int, ...]:
        """Misspelt names: by skeleton anywhere, by one edit only right after "بلدة"/"مدينة".

        Never a word that is a context word itself. The cheap tests (the word's own
        misspellings, cached) come before the context ones, which few words reach.
        """
        word = words[index]
        if not word.long:
            return ()
        found = word.misspelt
        if not found:
            if not (index and words[index - 1].may_end_settlement):
                return ()
            cue = self._cues.ending_at(context_forms, index - 1)
            if cue is None or not any(c.role == "settlement" for c in cue.payloads):
                return ()
            found = self._one_edit[tokens[index].text]
        if not found or self._cues.longest_at(context_forms, index):
            return ()
        return found

    def _describes_word_before(
        self, tokens: list[Token], context_forms: list[tuple[Variant, ...]], index: int
    ) -> bool:
        """Whether the word at ``index`` follows a definite word that is no place cue, as an
        adjective follows the noun it describes."""
        return (
            index > 0
            and tokens[index - 1].text.startswith(("ال", "وال"))
            and self._cues.ending_at(context_forms, index - 1) is None
        )

    def _read_context(
        self, text: str, tokens: list[Token], forms: list[tuple[Variant, ...]], hits: list[_Hit]
    ) -> None:
        """Cues before each hit, adjectives after it, and the lists hits form.

        ``forms`` keep the article: "المدينة" is not the cue "مدينة".
        """
        previous: _Hit | None = None
        for hit in hits:
            cue_hit = self._cues.ending_at(forms, hit.first - 1) if hit.first else None
            if cue_hit is not None and not _adjacent(
                text, tokens[cue_hit.last].end, tokens[hit.first].start
            ):
                cue_hit = None
            roles = {c.role: c for c in cue_hit.payloads} if cue_hit else {}
            after = (
                self._cues.longest_at(forms, hit.last + 1)
                # "في درعا البلد. وأكدت الأمم المتحدة": a word after a stop is no word after it
                if hit.last + 1 < len(tokens)
                and _adjacent(text, tokens[hit.last].end, tokens[hit.last + 1].start)
                else None
            )
            hit.rejected = bool(
                roles.keys() & NOT_A_PLACE_ROLES and not roles.keys() & PLACE_CUE_ROLES
            ) or (after is not None and any(c.role in NOT_A_PLACE_AFTER for c in after.payloads))
            hit.rejected = hit.rejected or self._in_a_quoted_name(text, hit)
            hit.person_name = any(self._person_cues[tokens[hit.first].text])
            place_cue = next((roles[r] for r in CUE_PRIORITY if r in roles), None)
            if place_cue is not None and cue_hit is not None:
                hit.cue, hit.cue_first = place_cue, cue_hit.first
                hit.start = tokens[cue_hit.first].start + cue_hit.prefix
                hit.conjoined = tokens[cue_hit.first].text[: cue_hit.prefix].startswith("و")
                outer = self._cues.ending_at(forms, cue_hit.first - 1) if cue_hit.first else None
                outer_cue = (
                    next((c for c in outer.payloads if c.role in ("area", "direction")), None)
                    if outer
                    else None
                )
                if (
                    outer is not None
                    and outer_cue is not None
                    and place_cue.role in ("settlement", "zone")
                ):
                    # "بادية مدينة الميادين", "جنوبي مدينة حماة": around the town, not the
                    # governorate.
                    hit.town_named = place_cue.role == "settlement"
                    hit.inner_cue = place_cue
                    hit.cue, hit.cue_first = outer_cue, outer.first
                    hit.start = tokens[outer.first].start + outer.prefix
            hit.own_cue = hit.cue is not None
            if (
                previous is not None
                and not hit.rejected
                and previous.last + 1 == hit.first
                and _adjacent(text, previous.end, hit.start, within_list=True)
                # "بلدة الحراك بدرعا": a name after a preposition's clitic is where the one
                # before lies, no item of a list
                and not text[tokens[hit.first].start : hit.start].startswith(PREPOSITION_CLITICS)
            ):
                # A list: "بلدات أم المياذن، والنعيمة، والطيبة" shares its cue.
                hit.listed_after = previous
                if (
                    hit.cue is None
                    and previous.cue is not None
                    and (previous.cue.role in ("settlement", "admin1") or previous.cue.widens)
                ):
                    hit.cue = previous.cue
            self._extend_over_adjectives(tokens, forms, hit)
            previous = None if hit.rejected else hit
        for earlier, later in pairwise(hits):
            if later.first <= earlier.last:
                later.rejected = True  # an adjective the earlier mention took: "ريف حمص الشرقي"
        # "قريتي الطيانة والشحيل ... داخل القريتين": the definite dual of a dual cue named
        # before points back to the two places, even where it is a town's name (Al-Qaryatayn)
        pairs: set[str] = set()
        for hit in hits:
            if text[hit.start : hit.end] in pairs:
                hit.rejected = True
            if hit.cue is not None and hit.own_cue and hit.cue.word.endswith(DUAL_CONSTRUCT):
                pairs.add(ARTICLE + hit.cue.word + "ن")

    def _in_a_quoted_name(self, text: str, hit: _Hit) -> bool:
        """'قائد النقطة المدعو "حسين العبد الله"': a name inside the quotes that open right
        after a word for a person is (part of) that person's name."""
        opening = max(text.rfind(q, max(0, hit.start - QUOTED_NAME_REACH), hit.start) for q in '"«')
        if opening < 0:
            return False
        inside = text[opening + 1 : hit.start]
        if any(q in inside for q in '"»') or len(inside.split()) >= QUOTED_NAME_WORDS:
            return False
        before = text[max(0, opening - QUOTED_NAME_REACH) : opening].split()
        return bool(before) and any(self._person_cues[before[-1]])

    def _cues_for(self, word: str, role: str) -> list[Cue]:
        hit = self._cues.longest_at([token_variants(word)[:1]], 0)
        return [c for c in hit.payloads if c.role == role] if hit else []

    def _only_connectors(self, forms: list[tuple[Variant, ...]], start: int, stop: int) -> bool:
        """Whether tokens ``start..stop-1`` are a few words like "التابعة" that join a qualifier."""
        if not 0 <= stop - start <= MAX_QUALIFIER_GAP:
            return False
        for index in range(start, stop):
            cue = self._cues.longest_at(forms, index)
            if cue is None or not any(c.role == "connector" for c in cue.payloads):
                return False
        return True

    def _link_qualifiers(
        self, text: str, forms: list[tuple[Variant, ...]], hits: list[_Hit]
    ) -> None:
        """The admin area named right after a place: "الصالحية بريف البوكمال"."""
        for position in range(len(hits) - 2, -1, -1):
            hit, following = hits[position], hits[position + 1]
            if hit.rejected or following.rejected:
                continue
            if (
                following.cue is not None
                and following.own_cue
                and following.cue.widens
                and not following.conjoined
                and self._only_connectors(forms, hit.last + 1, following.cue_first)
                and not PUNCTUATION.search(text, hit.end, following.start)
            ):
                hit.qualifier = following
            elif (
                following.cue is None
                and _glued_in(text, hit.end, following.start)
                and any(
                    self._inside(hit.candidates, self.places[a])
                    for a in self._bare_reading(following)
                )
            ):
                # "تل كروم جبا بالقنيطرة": "ب" glued on the next name says where the place lies
                hit.qualifier = following
            elif following.listed_after is hit:
                # A list member shares the qualifier of the list's last name.
                hit.qualifier = following.qualifier

    def _decide_support(self, hits: list[_Hit], text: str) -> None:
        """Whether each hit is a place: how strong its name is against what supports it."""
        for hit in hits:
            if hit.rejected:
                continue
            strength = self._strength(hit)
            own_cue: str | None = hit.cue.role if hit.cue is not None and hit.own_cue else None
            if hit.common:
                # "بلدة الصور", "قرب قرية الصور", but not "مناطق واسعة" nor "قرى جديدة" (new
                # villages). A name also found abroad needs a Syrian area around it too:
                # "قرية الجفرة شرقي دير الزور", but not "ببلدة الخليل" (Hebron).
                settlement = hit.cue if own_cue == "settlement" else None
                if hit.town_named and hit.own_cue:
                    settlement = hit.inner_cue
                hit.supported = (
                    settlement is not None
                    and not settlement.plural
                    and (not hit.foreign or self._fits_qualifier(hit))
                )
            elif hit.weak:
                hit.supported = own_cue in ("settlement", "zone") or (
                    own_cue is not None and strength == STRONG
                )
            elif strength == STRONG or own_cue is not None:
                hit.supported = True
            elif strength == MEDIUM:
                hit.supported = (
                    self._fits_qualifier(hit)
                    or (hit.cue is not None and hit.listed_after is not None)
                    or self._seat_after_in(hit, text)
                )
            else:
                hit.supported = own_cue in ("settlement", "zone") or self._fits_qualifier(hit)
        for hit in hits:
            if not hit.supported and not hit.rejected and not hit.weak and not hit.common:
                # "ريف حماة الشمالي: قصف صاروخي على اللطامنة": the area a line opens with, before
                # its colon, qualifies the villages the line names
                hit.supported = self._in_dateline_area(hit, hits, text)
        # A village listed with places is one too: "مسرابا وجسرين وكفربطنا ودوما".
        for later, earlier in zip(reversed(hits), list(reversed(hits))[1:], strict=False):
            if (
                later.supported
                and later.listed_after is earlier
                and not earlier.rejected
                and not earlier.weak
            ):
                earlier.supported = earlier.supported or self._strength(earlier) >= MEDIUM
        for hit in hits:
            if (
                hit.listed_after is not None
                and hit.listed_after.supported
                and not hit.weak
                and not hit.rejected
            ):
                hit.supported = hit.supported or self._strength(hit) >= MEDIUM
        # A misspelt name is read as a Syrian place only in a report that names its governorate
        # rightly elsewhere: "مدينة الشرقاط" (Iraq) is not the village "شرقان", "مخيم الدهيشة"
        # (Bethlehem) not "الهيشة".
        named_rightly = {
            self.places[i].admin1_pcode
            for hit in hits
            if hit.supported and not hit.weak
            for i in hit.candidates
        }
        for hit in hits:
            if hit.misspelt and hit.supported:
                hit.supported = any(
                    self.places[i].admin1_pcode in named_rightly for i in hit.candidates
                )

    def _in_dateline_area(self, hit: _Hit, hits: list[_Hit], text: str) -> bool:
        """Whether the line of ``hit`` opens with a supported area, then a colon, that holds it."""
        line_start = text.rfind("\n", 0, hit.start) + 1
        colon = text.find(":", line_start, hit.start)
        if colon == -1:
            return False
        return any(
            area.supported
            and line_start <= area.start
            and area.end <= colon
            and not text[line_start : area.start].strip(" -|")
            and any(self._inside(hit.candidates, self.places[i]) for i in area.candidates)
            for area in hits
            if area is not hit
        )

    def _seat_after_in(self, hit: _Hit, text: str) -> bool:
        """ "قصفت الطائرات في سرمين": the seat of a sub-district, a town, named bare right after
        "في" (or with "ب" glued on) is a place; a mere village so named needs a cue, and so does
        a seat whose name has the article, often a common noun too ("مكثت في القبو")."""
        if text[hit.start : hit.start + 2] == ARTICLE:
            return False
        if not any(self._rank[i] <= SEAT_RANK for i in hit.candidates):
            return False
        glued = (
            hit.start > 0
            and text[hit.start - 1] == IN_CLITIC
            and text[hit.start - 2 : hit.start - 1].isspace()
        )
        return glued or text[max(0, hit.start - 4) : hit.start].split()[-1:] == [IN_WORD]

    def _fits_qualifier(self, hit: _Hit) -> bool:
        """Whether a namesake lies in the area named after it: then the name is a place."""
        if hit.qualifier is None:
            return False
        return any(
            self._inside(hit.candidates, self.places[area]) for area in hit.qualifier.candidates
        )

    def _strength(self, hit: _Hit) -> int:
        """STRONG: a town, admin area or curated feature; MEDIUM: an OCHA village; else WEAK."""
        if any(
            self._rank[i] <= BARE_NAME_RANK
            or self.places[i].population >= BARE_NAME_POPULATION
            or self.places[i].kind not in SETTLEMENT_KINDS
            for i in hit.candidates
        ):
            return STRONG
        communities = [
            i for i in hit.candidates if self.places[i].kind in ("community", "neighbourhood")
        ]
        if communities and hit.last > hit.first and not hit.person_name:
            return STRONG  # "تل أبيض", "خان شيخون": two-word names rarely collide with words
        return MEDIUM if communities else WEAK

    def _absorb_unknown_names(
        self, tokens: list[Token], forms: list[tuple[Variant, ...]], hits: list[_Hit]
    ) -> None:
        """ "قرية X بريف Y" with X unknown: the mention is Y's area, from "قرية" on."""
        for hit in hits:
            if hit.cue is None or not hit.own_cue or hit.cue.role not in AREA_ROLES:
                continue
            for unknown_words in (1, 2):
                settlement_last = hit.cue_first - unknown_words - 1
                if settlement_last < 0:
                    break
                cue = self._cues.ending_at(forms, settlement_last)
                if (
                    cue is not None
                    and any(c.role == "settlement" for c in cue.payloads)
                    and not any(
                        other.first <= settlement_last + unknown_words
                        and other.last > settlement_last
                        for other in hits
                        if other is not hit
                    )
                ):
                    hit.start = tokens[cue.first].start + cue.prefix
                    break

    def _extend_over_adjectives(
        self, tokens: list[Token], forms: list[tuple[Variant, ...]], hit: _Hit
    ) -> None:
        index = hit.last + 1
        while index < len(tokens) and index <= hit.last + 2:
            cue = self._cues.longest_at(forms, index)
            if cue is None or not any(c.role == "adjective" for c in cue.payloads):
                break
            index = cue.last + 1
        if index > hit.last + 1:
            hit.last = index - 1
            hit.end = tokens[hit.last].end

    # ---- resolution ---------------------------------------------------------------------

    def _resolve(self, hits: list[_Hit]) -> None:
        context: Counter[str | None] = Counter()
        for hit in hits:
            # Unambiguous places set the scene: "الرقة" (city or governorate) counts for SY11.
            settlements = [i for i in hit.candidates if self.places[i].kind != "admin1"]
            if len(settlements) == 1:
                place = self.places[settlements[0]]
                context.update([_theatre(place.admin1_pcode), place.admin2_pcode])
            elif not settlements:
                context.update([_theatre(self.places[hit.candidates[0]].admin1_pcode)])
        listed_before = {id(h.listed_after): h for h in hits if h.listed_after is not None}
        for hit in reversed(hits):
            self._choose(hit, context, self._list_governorates(hit, listed_before.get(id(hit))))
            self._set_precision(hit)

    def _names_a_governorate(self, hit: _Hit) -> bool:
        """Whether a name is a governorate's, or its main town's."""
        return any(
            self.places[i].kind == "admin1" or self.places[i].name_en == self.places[i].admin1
            for i in hit.candidates
        )

    def _list_governorates(self, hit: _Hit, following: _Hit | None) -> set[str | None]:
        """The governorates of a list item's neighbours that are certain: the next item as
        chosen, the one before when all its namesakes lie in one governorate."""
        found: set[str | None] = set()
        if following is not None and following.chosen is not None:
            found.add(self.places[following.chosen].admin1_pcode)
        previous = hit.listed_after
        if previous is not None and previous.supported and not previous.rejected:
            provinces = {self.places[i].admin1_pcode for i in previous.candidates}
            if len(provinces) == 1:
                found |= provinces
        return found

    def _choose(self, hit: _Hit, context: Counter[str | None], neighbours: set[str | None]) -> None:
        candidates = hit.candidates
        governorates = [i for i in candidates if self.places[i].kind == "admin1"]
        if hit.cue is not None and hit.cue.widens and governorates and not hit.town_named:
            hit.chosen, hit.widened = governorates[0], True
            return
        candidates = self._bare_reading(hit)  # a bare "حمص" is the city, not the governorate
        # "في حيي الغوطة والمحطة": after a quarter's cue, a quarter so named over a region
        quarters = [i for i in candidates if self.places[i].kind == "neighbourhood"]
        if hit.cue is not None and hit.cue.quarter and quarters:
            candidates = quarters
        # "قرى المتونة ... ودوما وتيما والشبكي": a list item is the namesake in its neighbours'
        # governorate (Sweida's Duma), however prominent another is
        # (not a governorate's own name: "محافظتي درعا والقنيطرة")
        beside = [i for i in candidates if self.places[i].admin1_pcode in neighbours]
        if (
            beside
            and len(beside) < len(candidates)
            and hit.qualifier is None
            and not self._names_a_governorate(hit)
        ):
            candidates = beside
        qualifier = hit.qualifier
        if qualifier is not None and qualifier.chosen is not None:
            area = self.places[qualifier.chosen]
            inside = self._inside(candidates, area) or [
                i
                for i in candidates
                if area.kind == "admin1" and self._by_the_border(self.places[i], area.admin1_pcode)
            ]
            if not inside:
                # Never a far namesake: the area named beside it is all we know.
                hit.chosen, hit.fallback = qualifier.chosen, True
                hit.end, qualifier.absorbed = qualifier.end, True
                return
            candidates = inside

        def support(i: int) -> tuple[bool, int, int]:
            place = self.places[i]
            prominent = self._rank[i] <= PROMINENT_RANK or place.population >= PROMINENT_POPULATION
            return prominent, context[place.admin2_pcode], context[_theatre(place.admin1_pcode)]

        best = max(map(support, candidates))
        hit.chosen = self._by_size(i for i in candidates if support(i) == best)[0]

    def _bare_reading(self, hit: _Hit) -> list[int]:
        """A bare name's candidates as ``_choose`` reads them: "حمص" is the city."""
        return [i for i in hit.candidates if self.places[i].kind != "admin1"] or hit.candidates

    def _inside(self, candidates: list[int], area: Place) -> list[int]:
        """Candidates within the area a qualifier names (its district, or its governorate)."""
        if area.kind == "admin1":
            # Damascus city is a governorate with suburbs in Rural Damascus: near its centre
            # counts, and so does its theatre within a qualifier's reach ("مدينة الكسوة جنوب
            # دمشق" is Rural Damascus's Kisweh, 16 km from the centre)
            return [
                i
                for i in candidates
                if self.places[i].admin1_pcode == area.admin1_pcode
                or place_distance_km(self.places[i], area) <= NEAR_CENTRE_KM
                or (
                    _theatre(area.admin1_pcode) == self.places[i].admin1_pcode
                    and place_distance_km(self.places[i], area) <= QUALIFIER_RADIUS_KM
                )
            ]
        return [
            i
            for i in candidates
            if self.places[i].admin2_pcode == area.admin2_pcode
            or place_distance_km(self.places[i], area) <= QUALIFIER_RADIUS_KM
        ]

    def _by_the_border(self, place: Place, admin1_pcode: str | None) -> bool:
        """Whether a town or village lies within ``BORDER_KM`` of one of the governorate's."""
        if place.kind not in SETTLEMENT_KINDS or admin1_pcode is None:
            return False
        return any(
            place_distance_km(place, other) <= BORDER_KM
            for other in self._settlements_of(admin1_pcode)
        )

    def _settlements_of(self, admin1_pcode: str) -> list[Place]:
        """The towns and villages of a governorate, gathered once."""
        if self._settlements is None:
            self._settlements = defaultdict(list)
            for other in self.places:
                if other.kind in SETTLEMENT_KINDS and other.admin1_pcode:
                    self._settlements[other.admin1_pcode].append(other)
        return self._settlements[admin1_pcode]

    def _set_precision(self, hit: _Hit) -> None:
        if hit.chosen is None:
            return
        own = self._precision[hit.chosen]
        if hit.fallback and hit.qualifier is not None:
            hit.precision, hit.cue = max(hit.qualifier.precision, 2), hit.qualifier.cue
        elif hit.widened or (hit.cue is not None and hit.cue.role == "admin1"):
            hit.precision = 3
        elif hit.cue is not None and hit.cue.role in ("area", "direction"):
            hit.precision = max(own, hit.cue.precision)
        else:
            hit.precision = own


def _theatre(admin1_pcode: str | None) -> str | None:
    """A governorate, or for a city governorate the one around it (``AROUND``): "جوبر" named
    with Zamalka and Ein Tarma is Damascus's Jobar, not the village of Homs."""
    return AROUND.get(admin1_pcode or "", admin1_pcode)


def _forms(token: str) -> tuple[Variant, ...]:
    """A token's forms with clitics off; a one-letter token ("T" of "T4") is its own form."""
    return token_variants(token) or (Variant(token, 0),)


def _without_article(token: str, forms: tuple[Variant, ...]) -> tuple[Variant, ...]:
    """Forms of a token with clitics off but the article kept: for context words."""
    return tuple(v for v in forms if not token[: v.prefix].endswith("ال"))


def _glued_in(text: str, end: int, start: int) -> bool:
    """Whether the name starting at ``start`` has "ب" glued on and follows ``end`` directly."""
    return start - end >= 2 and text[start - 1] == IN_CLITIC and text[end : start - 1].isspace()


def _adjacent(text: str, end: int, start: int, *, within_list: bool = False) -> bool:
    """Whether only spaces and quotes (and, in a list, commas, or the dash of a pair: "طريق
    الكسرة - الرقة") lie between two words."""
    gap = text[end:start]
    if within_list:
        gap = gap.replace(",", "").replace("-", "")
    return not PUNCTUATION.search(gap)


def place_distance_km(a: Place, b: Place) -> float:
    # Equirectangular is within a few metres of haversine at Syria's size.
    from math import cos, radians, sqrt

    x = radians(b.longitude - a.longitude) * cos(radians((a.latitude + b.latitude) / 2))
    y = radians(b.latitude - a.latitude)
    return 6371 * sqrt(x * x + y * y)


def _spellings(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A name and its run-together or split forms: "دير الزور"/"ديرالزور", "بصرالحرير"."""
    spellings = [words]
    if len(words) == 1:
        split = words[0].find("ال", 2)
        if split >= 2 and len(words[0]) - split >= 5:
            spellings.append((words[0][:split], words[0][split:]))
    for position in range(len(words) - 1):
        first, second = words[position], words[position + 1]
        if second.startswith("ال") or len(first) <= 3:
            spellings.append((*words[:position], first + second, *words[position + 2 :]))
    return spellings


def _read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@cache
def _default_gazetteer() -> Gazetteer:
    return Gazetteer()


def find_places(doc: Document) -> list[Mention]:
    """Place mentions of ``doc`` with the packaged gazetteer: see ``Gazetteer.find_places``."""
    return Gazetteer.default().find_places(doc)
