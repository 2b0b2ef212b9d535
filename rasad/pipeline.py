"""Pipeline: the ordered stages that turn one Document into its events.

    clean → normalise and segment → extract and assemble (triggers, actors, fatalities,
    dates, places, recaps) → events with stable ids

Lexicons and the gazetteer load once, when the Pipeline is made; ``pipe`` streams documents
and turns an unexpected failure on one document into an ``ExtractionError`` for that
document, so one broken article never sinks a batch.

Example:
    >>> pipeline = Pipeline()
    >>> doc = pipeline(Document(id="d", text="قتل عنصران من قوات النظام بهجوم في مدينة الميادين.",
    ...                         published=date(2023, 12, 9)))
    >>> [(e.sub_event_type, e.fatalities, e.admin1) for e in doc.events]
    [('Armed clash', 2, 'Deir-ez-Zor')]
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterable, Iterator
from datetime import date

from rasad.assemble import assemble
from rasad.clean import clean
from rasad.errors import ExtractionError, RasadError
from rasad.extractors.actors import actor_matcher, role_cue_matcher, role_words
from rasad.extractors.country import abroad_matcher
from rasad.extractors.fatalities import complementizers
from rasad.extractors.recaps import cue_matcher, speech_verb_matcher
from rasad.extractors.triggers import trigger_matcher
from rasad.geocode import Gazetteer
from rasad.model import Document, Event
from rasad.normalise import normalise
from rasad.segment import segment

log = logging.getLogger(__name__)

__all__ = ["Pipeline"]


class Pipeline:
    """Runs every stage over a Document; reusable across documents and threads of work."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or Gazetteer.default()
        # Build every matcher now, so the first document is no slower than the rest.
        for build in (
            trigger_matcher,
            actor_matcher,
            role_cue_matcher,
            role_words,
            cue_matcher,
            speech_verb_matcher,
            complementizers,
            abroad_matcher,
        ):
            build()
        # The lexicons and gazetteer live as long as the process: keep the collector off them.
        gc.freeze()

    def __call__(self, doc: Document) -> Document:
        normalised = normalise(doc.text)
        clean(doc, normalised)
        # Most reports carry no furniture: their body is their text, normalised once.
        doc.norm = normalised if doc.body == doc.text else normalise(doc.body)
        segment(doc)
        assemble(doc, self.gazetteer)
        return doc

    def pipe(self, items: Iterable[Document | RasadError]) -> Iterator[Document | RasadError]:
        """Documents with their events, in input order; errors pass through, one per document."""
        for item in items:
            if isinstance(item, RasadError):
                yield item
                continue
            try:
                yield self(item)
            except RasadError as error:
                yield error
            except Exception as error:  # a bug on one text must not lose the rest of the batch
                log.exception("extraction failed on document %s", item.id)
                yield ExtractionError(
                    f"{type(error).__name__}: {error}", doc_id=item.id, origin=item.origin
                )

    def extract(
        self, text: str, *, published: date | None = None, doc_id: str = "text"
    ) -> list[Event]:
        """Events of one text."""
        return self(Document(id=doc_id, text=text, published=published)).events
