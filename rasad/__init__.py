"""rasad: Arabic conflict news in, ACLED-style events out.

    >>> import rasad
    >>> events = rasad.extract("قتل عنصران من قوات النظام بهجوم في مدينة الميادين.", published="2023-12-09")
    >>> events[0].sub_event_type, events[0].fatalities
    ('Armed clash', 2)

``rasad.extract`` builds one default ``Pipeline`` (lexicons and gazetteer load once) and runs
it, as ``httpx.request`` uses a ``Client``. Heavy modules load on first use, not on import.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import TYPE_CHECKING, Any

from rasad.errors import ExtractionError, InputError, LexiconError, RasadError
from rasad.model import Document, Event, Place, Span

if TYPE_CHECKING:
    from rasad.pipeline import Pipeline

__all__ = [
    "Document",
    "Event",
    "ExtractionError",
    "InputError",
    "LexiconError",
    "Pipeline",
    "Place",
    "RasadError",
    "Span",
    "extract",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())

_default_pipeline: Pipeline | None = None


def extract(text: str, *, published: str | date | None = None, doc_id: str = "text") -> list[Event]:
    """The events of one Arabic report; ``published`` (ISO date) resolves relative dates."""
    global _default_pipeline
    if _default_pipeline is None:
        from rasad.pipeline import Pipeline

        _default_pipeline = Pipeline()
    when = date.fromisoformat(published) if isinstance(published, str) else published
    return _default_pipeline.extract(text, published=when, doc_id=doc_id)


def __getattr__(name: str) -> Any:
    if name == "Pipeline":
        from rasad.pipeline import Pipeline

        return Pipeline
    raise AttributeError(f"module 'rasad' has no attribute {name!r}")
