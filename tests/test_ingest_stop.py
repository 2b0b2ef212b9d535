"""`rasad ingest` stopped by a signal at any moment, and the summary's counts against the store.

The command runs as a real subprocess on articles of the ANT corpus (``tests/test_faults.py``
has the helpers). Ctrl-C and SIGTERM, whether they come while the store and the pipeline
load or while documents are stored, end it with one line and the summary, never a
traceback; what was stored stays and a re-run completes it.
"""

from __future__ import annotations

import re
import signal
import time
from pathlib import Path

import pytest

from rasad.store import Store
from tests.test_faults import (
    finish,
    ingest,
    integrity,
    run,
    sqlite_url,
    start,
    wait_for_documents,
    write_articles,
)

SUMMARY = re.compile(
    r"documents: (\d+) new, (\d+) duplicate \((\d+) near-duplicate\), (\d+) failed; "
    r"events: (\d+) new, (\d+) merged, (\d+) updated, (\d+) absorbed into others"
    r"(?:; (\d+) in the store)?"
)


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_articles(tmp_path_factory.mktemp("corpus") / "articles.jsonl", 120)


def as_from_a_terminal() -> None:
    # SIGINT is not ignored, even when the tests run in the background.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize("signal_number", [signal.SIGINT, signal.SIGTERM])
@pytest.mark.parametrize("moment", ["loading", "storing"])
def test_a_signal_stops_ingest_in_one_line_with_the_summary(
    articles, tmp_path, signal_number, moment
):
    db = tmp_path / "rasad.db"
    process = start(ingest(articles, str(db)), preexec_fn=as_from_a_terminal)
    try:
        if moment == "loading":
            waited = time.monotonic()
            while not db.exists() and time.monotonic() - waited < 30:
                time.sleep(0.005)  # the store is being made; the pipeline loads next
        else:
            wait_for_documents(sqlite_url(db), 10, process)
        process.send_signal(signal_number)
    except BaseException:
        process.kill()
        raise
    code, out, err = finish(process)
    assert code == 1, err
    [line] = err.splitlines()
    why = "interrupted" if signal_number == signal.SIGINT else "stopped by SIGTERM"
    assert re.fullmatch(
        rf"rasad: {why}; stopped after storing \d+ document\(s\): run the same command "
        r"again to resume",
        line,
    ), line
    assert SUMMARY.fullmatch(out.strip()), out
    assert integrity(db) == "ok"
    code, out, err = run(ingest(articles, str(db)))
    assert code == 0, err


def summary_counts(out: str) -> dict[str, int]:
    found = SUMMARY.fullmatch(out.strip())
    assert found, out
    names = ["documents", "duplicates", "near", "failed", "new", "merged", "updated", "removed"]
    counts = dict(zip(names, map(int, found.groups()[:8]), strict=True))
    counts["held"] = int(found.group(9))
    return counts


def test_the_summary_adds_up_to_what_the_store_holds(articles, tmp_path):
    """The store gains new - absorbed events a run, in one run or in two."""
    db = tmp_path / "rasad.db"
    lines = articles.read_text(encoding="utf-8").splitlines(keepends=True)
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text("".join(lines[:60]), encoding="utf-8")
    second.write_text("".join(lines[60:]), encoding="utf-8")
    held = 0
    for part in (first, second):
        code, out, err = run(ingest(part, str(db)))
        assert code == 0, err
        counts = summary_counts(out)
        with Store(str(db)) as store:
            events = store.counts()["events"]
        assert counts["held"] == events
        assert held + counts["new"] - counts["removed"] == events
        held = events
    assert counts["merged"] > 0  # the second half joined events of the first
