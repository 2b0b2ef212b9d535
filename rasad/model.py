"""The one model every stage shares: Document in, Events out.

A ``Document`` flows through the pipeline (clean → segment → extract → geocode → assemble).
Each stage fills its own attributes; ``Event`` is what comes out, with the field names of
docs/format.md, which are ACLED's where ACLED has a name for the field.

Offsets: every ``Span`` indexes ``Document.text``, the text as the user gave it (or as
trafilatura extracted it from HTML). Matching happens on ``Document.norm``, a normalised copy
that keeps a map back to those characters.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from typing import Any

from rasad.matching import (
    PhraseMatch,
    PhraseMatcher,
    Token,
    Variant,
    Vocabulary,
    tokenize,
    variants_of,
    vocabulary,
)
from rasad.normalise import NormalisedText


def _rebuilt_from_fields(value: Any) -> tuple[Any, tuple[Any, ...]]:
    """How pickle rebuilds a frozen model object: its class called with its fields.

    Compiled by mypyc, a class is otherwise restored attribute by attribute, which a frozen
    dataclass refuses; Dask sends documents and events between processes by pickle.
    """
    return type(value), tuple(getattr(value, f.name) for f in fields(value))


@dataclass(frozen=True, slots=True)
class Span:
    """Characters ``text[start:end]`` of a document that support ``label`` (a field name)."""

    start: int
    end: int
    text: str
    label: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "label": self.label}

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return _rebuilt_from_fields(self)


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical conflict actor from the actor lexicon."""

    name: str
    inter: int
    valid_from: date | None = None
    valid_until: date | None = None

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return _rebuilt_from_fields(self)


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer record: a populated place, an admin area, or a curated feature."""

    id: str
    name_ar: str
    name_en: str
    kind: str
    latitude: float
    longitude: float
    admin1: str | None = None
    admin1_pcode: str | None = None
    admin2: str | None = None
    admin2_pcode: str | None = None
    admin3: str | None = None
    admin3_pcode: str | None = None
    population: int = 0
    source: str = ""

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return _rebuilt_from_fields(self)


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in a report, resolved to one gazetteer record.

    ``precision`` is the codebook's geo_precision (1 the place itself; 2 its outskirts, its
    countryside or its desert; 3 only a region or governorate); ``cue`` is the context word
    that decided it ("ريف", "بادية", "محيط", "غربي", "محافظة"), empty when there is none;
    ``widens`` says the cue names a wide area around the place ("ريف", "بادية", "غربي"), not
    its outskirts ("محيط", "قرب").
    """

    place: Place
    precision: int
    cue: str = ""
    widens: bool = False

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return _rebuilt_from_fields(self)


@dataclass(frozen=True, slots=True)
class Mention:
    """Something an extractor recognised in ``Document.norm`` (normalised coordinates).

    ``kind`` says which extractor made it (trigger, actor, number, date, place, cue);
    ``value`` is what it means, typed by the extractor that made it.
    """

    kind: str
    start: int
    end: int
    value: Any

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return _rebuilt_from_fields(self)


@dataclass(slots=True)
class Sentence:
    """A sentence or clause of the normalised text: ``Document.norm.text[start:end]``."""

    start: int
    end: int
    paragraph: int
    is_title: bool = False  # a headline or sub-heading: it repeats the body, so it is not coded
    clauses: list[tuple[int, int]] = field(default_factory=list)


@dataclass(slots=True)
class Event:
    """One event: one action, by the same actors, at one place, on one day."""

    doc_id: str
    event_type: str
    sub_event_type: str
    event_id: str = ""
    disorder_type: str = ""
    event_date: str | None = None
    time_precision: int | None = None
    actor1: str | None = None
    assoc_actor_1: str | None = None
    inter1: int | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter2: int | None = None
    interaction: int | None = None
    civilian_targeting: bool = False
    location: str | None = None
    location_mention: str | None = None
    location_en: str | None = None
    admin1: str | None = None
    admin1_pcode: str | None = None
    admin2: str | None = None
    admin2_pcode: str | None = None
    admin3: str | None = None
    admin3_pcode: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    fatalities: int | None = 0
    fatalities_text: str | None = None
    historical: bool = False
    notes: str = ""
    evidence: list[Span] = field(default_factory=list)

    def assign_id(self) -> None:
        """A stable id: the same document and event always give the same ``event_id``."""
        key = "|".join(
            str(part)
            for part in (
                self.doc_id,
                self.event_type,
                self.sub_event_type,
                self.event_date,
                self.location,
                self.location_mention,
                self.actor1,
                self.actor2,
                self.historical,
            )
        )
        self.event_id = f"{self.doc_id}-{hashlib.sha1(key.encode()).hexdigest()[:10]}"

    def to_dict(self) -> dict[str, Any]:
        record = asdict(self)
        record["evidence"] = [span.to_dict() for span in self.evidence]
        return {"event_id": record.pop("event_id"), **record}

    @classmethod
    def from_dict(cls, record: dict[str, Any]) -> Event:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in record.items() if k in known}
        values["evidence"] = [Span(**span) for span in record.get("evidence") or []]
        return cls(**values)


EVENT_FIELDS: tuple[str, ...] = tuple(
    ["event_id"] + [f.name for f in fields(Event) if f.name != "event_id"]
)


@dataclass(slots=True)
class Document:
    """A news report and everything the pipeline learns about it."""

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    origin: str | None = None  # "file:line" it was read from, for error messages
    body: str = ""  # ``text`` with page furniture blanked out, same length and offsets
    norm: NormalisedText | None = None
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    _tokens: list[Token] | None = field(default=None, repr=False, compare=False)
    _vocabulary: Vocabulary | None = field(default=None, repr=False, compare=False)
    _word_ids: list[int] = field(default_factory=list, repr=False, compare=False)
    _token_starts: list[int] = field(default_factory=list, repr=False, compare=False)
    # per matcher, the indexes of the tokens that may start one of its entries
    _match_starts: dict[PhraseMatcher, list[int]] = field(
        default_factory=dict, repr=False, compare=False
    )
    _forms: dict[bool, list[tuple[Variant, ...]]] = field(
        default_factory=dict, repr=False, compare=False
    )

    @classmethod
    def from_text(cls, text: str, **metadata: Any) -> Document:
        """A normalised Document of ``text`` with no furniture to remove (for examples, tests)."""
        from rasad.normalise import normalise

        return cls(
            id=metadata.pop("id", "text"), text=text, body=text, norm=normalise(text), **metadata
        )

    def span(self, start: int, end: int, label: str = "") -> Span:
        """The ``Span`` of the original text behind normalised ``norm.text[start:end]``."""
        assert self.norm is not None, "span() needs a normalised document"
        original_start, original_end = self.norm.original_span(start, end)
        return Span(original_start, original_end, self.text[original_start:original_end], label)

    def tokens(self) -> list[Token]:
        """The tokens of ``norm.text``, made once."""
        if self._tokens is None:
            assert self.norm is not None, "tokens() needs a normalised document"
            self._tokens = tokenize(self.norm.text)
            self._token_starts = [t.start for t in self._tokens]
        return self._tokens

    def word_ids(self) -> tuple[Vocabulary, list[int]]:
        """The Vocabulary that numbers this document's words and the number of each token:
        what per-word ``WordTable`` values are looked up by."""
        if self._vocabulary is None:
            self._vocabulary = vocabulary()
            self._word_ids = self._vocabulary.ids_of([t.text for t in self.tokens()])
        return self._vocabulary, self._word_ids

    def tokens_between(self, start: int, end: int | None = None) -> tuple[int, int]:
        """Indexes ``[first, last)`` of the tokens lying inside normalised ``[start, end)``
        (``end`` None: to the end of the text)."""
        tokens = self.tokens()
        first = bisect_left(self._token_starts, start)
        if end is None:
            return first, len(tokens)
        last = bisect_left(self._token_starts, end)
        while last > first and tokens[last - 1].end > end:
            last -= 1
        return first, last

    def find(
        self, matcher: PhraseMatcher, start: int = 0, end: int | None = None
    ) -> Iterator[PhraseMatch]:
        """Matches of a lexicon in normalised ``[start, end)``; tokens and forms are shared."""
        tokens = self.tokens()
        words, ids = self.word_ids()
        forms = self._forms.get(matcher.suffixes)
        if forms is None:
            forms = variants_of(words, ids, suffixes=matcher.suffixes)
            self._forms[matcher.suffixes] = forms
        starts = self._match_starts.get(matcher)
        if starts is None:
            starts = matcher.start_indexes(words, ids, forms)
            self._match_starts[matcher] = starts
        first, last = self.tokens_between(start, end)
        return matcher.find_at(tokens, forms, first, last, starts)


class MentionIndex:
    """Mentions of one document by kind and position, for fast lookups clause by clause."""

    def __init__(self, mentions: list[Mention]) -> None:
        self._by_kind: dict[str, list[Mention]] = {}
        for mention in sorted(mentions, key=lambda m: m.start):
            self._by_kind.setdefault(mention.kind, []).append(mention)
        self._starts = {kind: [m.start for m in found] for kind, found in self._by_kind.items()}

    def within(self, kind: str, start: int, end: int) -> list[Mention]:
        """Mentions of ``kind`` lying inside normalised ``[start, end)``, in text order."""
        return [m for m in self.starting(kind, start, end) if m.end <= end]

    def starting(self, kind: str, start: int, end: int) -> list[Mention]:
        """Mentions of ``kind`` that start inside normalised ``[start, end)``, in text order."""
        found = self._by_kind.get(kind)
        if found is None:
            return []
        starts = self._starts[kind]
        return found[bisect_left(starts, start) : bisect_left(starts, end)]
