"""The one error tree of rasad.

    RasadError
     ├── InputError      a document or file that cannot be read (names file, line, field)
     ├── LexiconError    a data file of linguistic knowledge that is malformed
     ├── ExtractionError a document that made the pipeline fail
     └── StoreError      the event store refused a document or cannot be opened

The library raises; ``rasad.cli`` catches ``RasadError`` and prints one line per failure.
"""

from __future__ import annotations


class RasadError(Exception):
    """Base class of every error rasad raises on purpose."""


class InputError(RasadError):
    """An input that cannot be turned into a Document.

    Carries where the problem is, so that a user can find it: the file, the 1-based line,
    the document id and the field, whichever are known.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        doc_id: str | None = None,
        field: str | None = None,
    ) -> None:
        self.message = message
        self.file = file
        self.line = line
        self.doc_id = doc_id
        self.field = field
        super().__init__(str(self))

    def __str__(self) -> str:
        where = []
        if self.file is not None:
            where.append(self.file if self.line is None else f"{self.file}:{self.line}")
        if self.doc_id is not None:
            where.append(f"document {self.doc_id!r}")
        if self.field is not None:
            where.append(f"field {self.field!r}")
        prefix = ", ".join(where)
        return f"{prefix}: {self.message}" if prefix else self.message


class LexiconError(RasadError):
    """A lexicon file that does not load: names the file and line."""

    def __init__(self, message: str, *, file: str, line: int | None = None) -> None:
        self.file = file
        self.line = line
        where = file if line is None else f"{file}:{line}"
        super().__init__(f"{where}: {message}")


class ExtractionError(RasadError):
    """A document that made the pipeline fail: names the document, so the batch goes on."""

    def __init__(self, message: str, *, doc_id: str, origin: str | None = None) -> None:
        self.doc_id = doc_id
        self.origin = origin
        where = f"{origin}, document {doc_id!r}" if origin else f"document {doc_id!r}"
        super().__init__(f"{where}: {message}")


class StoreError(RasadError):
    """The event store cannot open, or refuses a document (names the document when it can)."""

    def __init__(self, message: str, *, doc_id: str | None = None) -> None:
        self.doc_id = doc_id
        super().__init__(f"document {doc_id!r}: {message}" if doc_id else message)
