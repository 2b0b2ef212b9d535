"""Reading the data files that hold rasad's linguistic knowledge.

Every lexicon is a UTF-8 TSV file in ``rasad/data/lexicons/`` with a header row; lines that
start with ``#`` are comments. Loading checks the columns and reports the file and line of
anything malformed, so a bad edit fails loudly instead of silently matching nothing.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from functools import cache
from importlib import resources
from pathlib import Path

from rasad.errors import LexiconError

DATA_DIR = Path(str(resources.files("rasad") / "data"))
LEXICON_DIR = DATA_DIR / "lexicons"
GAZETTEER_DATA_DIR = DATA_DIR / "gazetteer"


def lexicon_path(name: str) -> Path:
    """Path of the lexicon file ``name`` (e.g. ``"triggers.tsv"``)."""
    return LEXICON_DIR / name


def read_tsv(
    name: str, required: Sequence[str], directory: Path = LEXICON_DIR
) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of data file ``directory/name`` as ``(line_number, row)``; checks ``required`` columns.

    Raises ``LexiconError`` naming the file and line when a row lacks a required value.
    """
    path = directory / name
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as error:
        raise LexiconError(f"cannot open lexicon: {error.strerror}", file=str(path)) from error
    with handle:
        lines = (
            (n, line)
            for n, line in enumerate(handle, start=1)
            if line.strip() and not line.startswith("#")
        )
        numbered = list(lines)
        if not numbered:
            raise LexiconError("empty lexicon", file=str(path))
        reader = csv.DictReader(
            (line for _, line in numbered), delimiter="\t", quoting=csv.QUOTE_NONE
        )
        missing = [column for column in required if column not in (reader.fieldnames or [])]
        if missing:
            raise LexiconError(f"missing columns {missing}", file=str(path), line=numbered[0][0])
        for (line_number, _), row in zip(numbered[1:], reader, strict=True):
            clean = {key: (value or "").strip() for key, value in row.items() if key is not None}
            for column in required:
                if not clean.get(column):
                    raise LexiconError(f"empty {column!r}", file=str(path), line=line_number)
            yield line_number, clean


@cache
def word_set(
    name: str,
    column: str = "word",
    *,
    kind: str | None = None,
    kind_column: str = "kind",
    directory: Path = LEXICON_DIR,
) -> frozenset[str]:
    """The normalised words of a data file's ``column``; with ``kind``, only the rows whose
    ``kind_column`` holds it ("the directions of context.tsv", "the negations of
    negations.tsv")."""
    from rasad.normalise import normalise_key

    required = [column] if kind is None else [column, kind_column]
    return frozenset(
        normalise_key(row[column])
        for _, row in read_tsv(name, required, directory)
        if kind is None or row[kind_column] == kind
    )
