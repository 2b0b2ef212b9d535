"""Faults during `rasad ingest`, each on a real subprocess (issue #8, part 2).

- ``kill -9`` in the middle of an ingest of 1,000 real Arabic articles, then the same command
  again: the store equals a clean run's (on SQLite and on PostgreSQL);
- another process holding SQLite's write lock: the ingest waits, or gives up with one clear
  line, and a re-run completes;
- a full disk (a small tmpfs, or RLIMIT_FSIZE): one clear line naming the cause, no
  corruption, and a re-run completes once space is freed;
- the PostgreSQL server restarted during an ingest: the ingest reconnects and completes;
- Ctrl-C, and a server that cannot be reached: one line each, no traceback.

"Equals a clean run's" compares the documents, the accounts and every event (sources and
evidence spans included), never a timestamp. The articles are the ANT corpus bundled for
the benchmarks (``benchmarks/data/ant-corpus.jsonl.gz``).
"""

from __future__ import annotations

import glob
import gzip
import os
import resource
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select, text

from rasad.store import Store
from rasad.store.schema import documents, sources

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "benchmarks" / "data" / "ant-corpus.jsonl.gz"
PATIENCE = 300  # seconds any one subprocess may take before the test fails


def write_articles(path: Path, count: int) -> Path:
    """The first ``count`` articles of the corpus as a JSONL file."""
    with gzip.open(CORPUS, "rt", encoding="utf-8") as corpus:
        lines = [line for _, line in zip(range(count), corpus, strict=False)]
    assert len(lines) == count
    path.write_text("".join(lines), encoding="utf-8")
    return path


def ingest(inputs: Path, db: str) -> list[str]:
    return [sys.executable, "-m", "rasad.cli", "ingest", str(inputs), "--db", db]


def start(command: list[str], **options: Any) -> subprocess.Popen:
    return subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **options
    )


def finish(process: subprocess.Popen) -> tuple[int, str, str]:
    try:
        out, err = process.communicate(timeout=PATIENCE)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        pytest.fail(f"{process.args} ran over {PATIENCE} s:\n{err}")
    return process.returncode, out, err


def run(command: list[str], **options: Any) -> tuple[int, str, str]:
    return finish(start(command, **options))


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def stored(url: str) -> dict[str, Any]:
    """What a store holds, timestamps left out: documents, accounts and events."""
    with Store(url) as store:
        with store.engine.connect() as conn:
            docs = sorted(
                tuple(row)
                for row in conn.execute(
                    select(
                        documents.c.id,
                        documents.c.content_hash,
                        documents.c.duplicate_of,
                        documents.c.similarity,
                        documents.c.outlet,
                        documents.c.url,
                        documents.c.title,
                        documents.c.published,
                        documents.c.text,
                    )
                )
            )
            accounts = sorted(
                tuple(row)
                for row in conn.execute(
                    select(
                        sources.c.id,
                        sources.c.doc_id,
                        sources.c.event_id,
                        sources.c.role,
                    )
                )
            )
        events = sorted((e.to_dict() for e in store.events()), key=lambda e: e["event_id"])
    assert len({doc[1] for doc in docs}) == len(docs)  # no content stored twice
    return {"documents": docs, "sources": accounts, "events": events}


def assert_same_store(actual: dict[str, Any], expected: dict[str, Any], name: str = "") -> None:
    """``actual == expected``, and when not, which documents, accounts or event fields differ."""
    if actual == expected:
        return
    problems = []
    for key in ("documents", "sources"):
        if actual[key] != expected[key]:
            extra = sorted(set(actual[key]) - set(expected[key]))[:3]
            missing = sorted(set(expected[key]) - set(actual[key]))[:3]
            problems.append(
                f"{key}: {len(actual[key])} vs {len(expected[key])}, "
                f"extra {[row[:4] for row in extra]}, "
                f"missing {[row[:4] for row in missing]}"
            )
    mine = {e["event_id"]: e for e in actual["events"]}
    theirs = {e["event_id"]: e for e in expected["events"]}
    if set(mine) != set(theirs):
        problems.append(
            f"events only here: {sorted(set(mine) - set(theirs))[:5]}, "
            f"only in the clean run: {sorted(set(theirs) - set(mine))[:5]}"
        )
    for event_id in sorted(set(mine) & set(theirs)):
        fields = {
            k: (mine[event_id].get(k), theirs[event_id].get(k))
            for k in mine[event_id].keys() | theirs[event_id].keys()
            if mine[event_id].get(k) != theirs[event_id].get(k)
        }
        if fields:
            problems.append(f"event {event_id}: {str(fields)[:1500]}")
    pytest.fail(f"{name} store differs from the clean run's:\n" + "\n".join(problems[:10]))


def document_count(url: str) -> int:
    """How many documents a store holds now (0 while it is being created)."""
    if url.startswith("sqlite:///"):
        try:
            with sqlite3.connect(url.removeprefix("sqlite:///"), timeout=5) as conn:
                return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        except sqlite3.OperationalError:  # no file or no table yet
            return 0
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(documents)).scalar())
    except Exception:  # no table yet
        return 0
    finally:
        engine.dispose()


def wait_for_documents(url: str, at_least: int, process: subprocess.Popen) -> int:
    """Polls until the running ingest has stored ``at_least`` documents; how many it has."""
    deadline = time.monotonic() + PATIENCE
    while (count := document_count(url)) < at_least:
        if process.poll() is not None:
            pytest.fail(f"the ingest ended before {at_least} documents: {process.stderr.read()}")
        if time.monotonic() > deadline:
            pytest.fail(f"only {count} documents after {PATIENCE} s")
        time.sleep(0.1)
    return count


def integrity(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


class CleanRun:
    """An uninterrupted ingest into a fresh SQLite store, run in the background from the
    start so that it overlaps the faulty runs it is compared with."""

    def __init__(self, inputs: Path, db: Path) -> None:
        self.url = sqlite_url(db)
        self.process = start(ingest(inputs, self.url))
        self._stored: dict[str, Any] | None = None

    def stored(self) -> dict[str, Any]:
        if self._stored is None:
            code, _, err = finish(self.process)
            assert code == 0, err
            self._stored = stored(self.url)
        return self._stored

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.communicate()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Callable[[int], Path]:
    """``corpus(n)``: the file of the first n articles, written once. A clean run reads it in
    the background while other tests ask for it: written again, it would be read truncated."""
    folder = tmp_path_factory.mktemp("corpus")
    written: dict[int, Path] = {}

    def get(count: int) -> Path:
        if count not in written:
            written[count] = write_articles(folder / f"articles-{count}.jsonl", count)
        return written[count]

    return get


@pytest.fixture(scope="module")
def clean(
    corpus: Callable[[int], Path], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Callable[[int], CleanRun]]:
    """``clean(n)``: the clean run over the first n articles, started on first request."""
    runs: dict[int, CleanRun] = {}
    folder = tmp_path_factory.mktemp("clean")

    def get(count: int) -> CleanRun:
        if count not in runs:
            runs[count] = CleanRun(corpus(count), folder / f"clean-{count}.db")
        return runs[count]

    yield get
    for clean_run in runs.values():
        clean_run.stop()


# --- PostgreSQL: a server of the test's own, which it may stop and restart --------------


class Postgres:
    def __init__(self) -> None:
        binaries = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        if not binaries:
            pytest.fail(
                "PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin/"
                "initdb): install Debian's package: apt-get install -y postgresql"
            )
        self.bin = Path(binaries[-1]).parent
        # Not under pytest's temporary folder: that is private to root.
        self.root = Path(tempfile.mkdtemp(prefix="rasad-faults-postgres-"))
        self.data, sockets = self.root / "data", self.root / "sockets"
        sockets.mkdir()
        self.as_user: list[str] = []
        if os.geteuid() == 0:
            self.as_user = ["runuser", "-u", "postgres", "--"]
            shutil.chown(self.root, "postgres")
            shutil.chown(sockets, "postgres")
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.options = f"-p {self.port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.ctl(
            "initdb", "-D", str(self.data), "-U", "rasad", "--auth=trust", "-E", "UTF8", "--no-sync"
        )
        self.start()

    def ctl(self, program: str, *arguments: str) -> None:
        done = subprocess.run(
            [*self.as_user, str(self.bin / program), *arguments],
            capture_output=True,
            text=True,
            cwd=self.root,
        )
        if done.returncode:
            pytest.fail(f"{program} {' '.join(arguments)} failed:\n{done.stdout}{done.stderr}")

    def start(self) -> None:
        self.ctl(
            "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.root / "server.log"),
            "-w",
            "-o",
            self.options,
            "start",
        )

    def stop(self, mode: str = "fast") -> None:
        self.ctl("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def database(self) -> str:
        """A new empty database: its URL."""
        name = f"rasad_{uuid.uuid4().hex[:12]}"
        engine = create_engine(
            f"postgresql+psycopg://rasad@127.0.0.1:{self.port}/postgres",
            isolation_level="AUTOCOMMIT",
        )
        with engine.connect() as conn:
            conn.execute(text(f"CREATE DATABASE {name}"))
        engine.dispose()
        return f"postgresql+psycopg://rasad@127.0.0.1:{self.port}/{name}"

    def remove(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="module")
def postgres() -> Iterator[Postgres]:
    server = Postgres()
    try:
        yield server
    finally:
        server.remove()


# --- kill -9 ----------------------------------------------------------------------------


def killed_then_rerun(inputs: Path, url: str, kill_at: int) -> int:
    """Ingests ``inputs`` into ``url``, SIGKILLs the run once ``kill_at`` documents are
    stored, then runs the same command to the end; how many were stored when killed."""
    command = ingest(inputs, url)
    process = start(command)
    try:
        wait_for_documents(url, kill_at, process)
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == -signal.SIGKILL
    killed_at = document_count(url)
    code, out, err = run(command)
    assert code == 0, err
    assert out.startswith("documents: ") and ", 0 failed;" in out
    return killed_at


def test_kill_9_during_ingest_of_1000_articles_then_rerun_equals_a_clean_run(
    corpus, clean, postgres, tmp_path
):
    """On SQLite and on PostgreSQL at once, alongside the clean run (a clean SQLite store:
    the two backends store the same), so the three ingests share the machine's cores."""
    articles = corpus(1000)
    reference = clean(1000)
    db = tmp_path / "killed.db"
    stores = {"sqlite": sqlite_url(db), "postgresql": postgres.database()}
    with ThreadPoolExecutor(len(stores)) as pool:
        runs = {
            name: pool.submit(killed_then_rerun, articles, url, 300) for name, url in stores.items()
        }
        killed_at = {name: future.result() for name, future in runs.items()}
    assert integrity(db) == "ok"
    for name, url in stores.items():
        resumed = stored(url)
        assert 300 <= killed_at[name] < len(resumed["documents"]), name  # killed midway
        assert_same_store(resumed, reference.stored(), name)


def test_ctrl_c_during_ingest_is_one_line_and_a_rerun_equals_a_clean_run(corpus, clean, tmp_path):
    reference = clean(200)
    db = tmp_path / "interrupted.db"
    # As from a terminal: SIGINT is not ignored, even when the tests run in the background.
    process = start(
        ingest(corpus(200), str(db)),
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        wait_for_documents(sqlite_url(db), 20, process)
        process.send_signal(signal.SIGINT)
    except BaseException:
        process.kill()
        raise
    code, out, err = finish(process)
    assert code == 1
    [line] = err.splitlines()
    assert line.startswith("rasad: interrupted; stopped after storing ")
    assert line.endswith(" document(s): run the same command again to resume")
    assert out.startswith("documents: ")  # what was done, as after a whole run
    assert integrity(db) == "ok"
    code, out, err = run(ingest(corpus(200), str(db)))
    assert code == 0, err
    assert_same_store(stored(sqlite_url(db)), reference.stored())


# --- a locked database --------------------------------------------------------------------

# Holds SQLite's write lock, with a write of its own, until told to let go: then commits.
LOCKER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
conn.execute("CREATE TABLE lock_probe (x)")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("DROP TABLE lock_probe")
conn.execute("COMMIT")
"""


@pytest.fixture
def locked_store(corpus, tmp_path) -> Iterator[tuple[Path, subprocess.Popen]]:
    """A store holding the first 5 articles, whose write lock another process holds."""
    db = tmp_path / "locked.db"
    code, _, err = run(ingest(corpus(5), str(db)))
    assert code == 0, err
    locker = subprocess.Popen(
        [sys.executable, "-c", LOCKER, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert locker.stdout.readline() == "locked\n"
        yield db, locker
    finally:
        if locker.poll() is None:
            locker.kill()
        locker.communicate()


def release(locker: subprocess.Popen) -> None:
    locker.stdin.write("go\n")
    locker.stdin.flush()
    assert locker.wait(timeout=30) == 0


def test_ingest_waits_for_another_writers_lock_then_completes(locked_store, corpus, clean):
    db, locker = locked_store
    reference = clean(30)
    process = start(ingest(corpus(30), str(db)))
    time.sleep(3)
    assert process.poll() is None  # waiting for the lock, not failed
    assert document_count(sqlite_url(db)) == 5
    release(locker)
    code, out, err = finish(process)
    assert code == 0, err
    assert "documents: 25 new, 5 duplicate" in out
    assert integrity(db) == "ok"
    assert_same_store(stored(sqlite_url(db)), reference.stored())


def test_lock_held_past_the_busy_timeout_fails_in_one_line_and_a_rerun_completes(
    locked_store, corpus, clean
):
    db, locker = locked_store
    reference = clean(30)
    began = time.monotonic()
    code, out, err = run(ingest(corpus(30), f"{sqlite_url(db)}?timeout=1"))
    assert code == 1
    assert time.monotonic() - began < 60
    [line] = err.splitlines()
    assert line.startswith(
        f"rasad: the store at {sqlite_url(db)}?timeout=1 failed: "
        "database is locked; another process held its write lock"
    )
    assert line.endswith("run the same command again to resume")
    assert "documents: 0 new, 5 duplicate" in out
    release(locker)
    assert integrity(db) == "ok" and document_count(sqlite_url(db)) == 5
    code, out, err = run(ingest(corpus(30), str(db)))
    assert code == 0, err
    assert_same_store(stored(sqlite_url(db)), reference.stored())


# --- a full disk -------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path) -> Iterator[Path]:
    """A 32 MB tmpfs (skipped where mounting is not permitted)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", str(disk)],
        capture_output=True,
        text=True,
    )
    if done.returncode:
        pytest.skip(
            f"cannot mount a tmpfs here ({done.stderr.strip() or done.returncode}); "
            "the RLIMIT_FSIZE test covers a full disk"
        )
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def fill(disk: Path, leave: int) -> Path:
    """A ballast file that leaves ``leave`` bytes free on ``disk``."""
    status = os.statvfs(disk)
    ballast = disk / "ballast"
    with open(ballast, "wb") as handle:
        remaining = status.f_bavail * status.f_frsize - leave
        while remaining > 0:
            remaining -= handle.write(b"\0" * min(remaining, 1 << 20))
    return ballast


def assert_clean_failure(code: int, err: str, db: Path, cause: str) -> None:
    assert code == 1
    [line] = err.splitlines()
    assert line.startswith(f"rasad: the store at {sqlite_url(db)} failed: {cause}"), line
    assert line.endswith("run the same command again to resume")
    assert integrity(db) == "ok"


def test_full_disk_fails_in_one_line_without_corruption_and_a_rerun_completes(
    small_disk, corpus, clean
):
    reference = clean(200)
    db = small_disk / "rasad.db"
    code, _, err = run(ingest(corpus(50), str(db)))
    assert code == 0, err
    before = stored(sqlite_url(db))
    ballast = fill(small_disk, leave=256 * 1024)
    code, _out, err = run(ingest(corpus(200), str(db)))
    assert_clean_failure(code, err, db, "database or disk is full; no space left on the disk")
    after = stored(sqlite_url(db))
    assert set(before["documents"]) <= set(after["documents"])  # what was committed stays
    assert len(after["documents"]) < len(reference.stored()["documents"])
    ballast.unlink()
    code, _out, err = run(ingest(corpus(200), str(db)))
    assert code == 0, err
    assert integrity(db) == "ok"
    assert_same_store(stored(sqlite_url(db)), reference.stored())


def _file_size_limit(limit: int) -> Callable[[], None]:
    def limit_files() -> None:
        # Past the limit a write fails with EFBIG instead of killing the process (SIGXFSZ).
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))

    return limit_files


def test_file_size_limit_fails_in_one_line_without_corruption_and_a_rerun_completes(
    tmp_path, corpus, clean
):
    reference = clean(200)
    db = tmp_path / "rasad.db"
    code, _, err = run(ingest(corpus(50), str(db)))
    assert code == 0, err
    before = stored(sqlite_url(db))
    limit = db.stat().st_size + 256 * 1024
    code, _out, err = run(ingest(corpus(200), str(db)), preexec_fn=_file_size_limit(limit))
    assert_clean_failure(code, err, db, "disk I/O error; the file system refused a write")
    after = stored(sqlite_url(db))
    assert set(before["documents"]) <= set(after["documents"])
    assert len(after["documents"]) < len(reference.stored()["documents"])
    code, _out, err = run(ingest(corpus(200), str(db)))
    assert code == 0, err
    assert integrity(db) == "ok"
    assert_same_store(stored(sqlite_url(db)), reference.stored())


# --- PostgreSQL restarted -------------------------------------------------------------------


def test_postgresql_restarted_during_ingest_reconnects_and_equals_a_clean_run(
    corpus, clean, postgres
):
    reference = clean(200)
    url = postgres.database()
    process = start(ingest(corpus(200), url))
    try:
        wait_for_documents(url, 50, process)
        postgres.stop()  # fast: every session is cut off in the middle of what it does
        time.sleep(2)  # the ingest finds no server for a while
        postgres.start()
    except BaseException:
        process.kill()
        raise
    code, out, err = finish(process)
    assert code == 0, err
    assert "Traceback" not in err
    assert "retrying" in err  # it did lose the server, and came back
    assert out.startswith("documents: ") and ", 0 failed;" in out
    assert_same_store(stored(url), reference.stored())


def test_unreachable_server_is_one_line_and_no_traceback(tmp_path, corpus):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # nothing listens there once the probe is closed
    code, _, err = run(ingest(corpus(5), f"postgresql+psycopg://rasad:s3cret@127.0.0.1:{port}/x"))
    assert code == 1
    [line] = err.splitlines()
    assert line.startswith(
        f"rasad: cannot open the store at postgresql+psycopg://rasad:***@127.0.0.1:{port}/x: "
    )
    assert "Connection refused" in line and "s3cret" not in line
