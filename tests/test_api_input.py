"""What POST /api/documents refuses at the door: a body not sent as JSON, an id with a NUL."""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from rasad.api import create_app
from rasad.store import Store

with warnings.catch_warnings():
    # Starlette asks for httpx2 in its TestClient; httpx is what is installed and works.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

SAMPLES = Path(__file__).parent / "fixtures" / "articles.jsonl"
WRITE = "write-token-for-tests"
AUTH = {"Authorization": f"Bearer {WRITE}"}


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(str(tmp_path / "api.db")) as opened:
        yield opened


@pytest.fixture()
def client(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(store, write_token=WRITE, read_token="")) as test_client:
        yield test_client


def record() -> dict:
    return json.loads(SAMPLES.read_text(encoding="utf-8").splitlines()[0])


@pytest.mark.parametrize(
    "content_type",
    [None, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"],
)
def test_a_body_not_sent_as_json_is_415(client, store, content_type):
    headers = dict(AUTH) | ({"Content-Type": content_type} if content_type else {})
    response = client.post("/api/documents", content=json.dumps(record()), headers=headers)
    assert response.status_code == 415
    assert "application/json" in response.json()["detail"]
    assert store.counts()["documents"] == 0


@pytest.mark.parametrize(
    "content_type", ["application/json", "application/json; charset=utf-8", "application/ld+json"]
)
def test_json_in_any_json_media_type_is_taken(client, content_type):
    headers = AUTH | {"Content-Type": content_type}
    response = client.post("/api/documents", content=json.dumps(record()), headers=headers)
    assert response.status_code == 200
    assert response.json()["results"][0]["status"] == "new"


def test_an_id_with_a_nul_is_refused_and_nothing_is_stored(client, store):
    bad = record() | {"id": "sy24\u0000shula"}
    body = client.post("/api/documents", json=[bad, record()], headers=AUTH).json()
    assert [r["status"] for r in body["results"]] == ["failed", "new"]
    assert "NUL character" in body["results"][0]["error"]
    assert store.counts()["documents"] == 1
    # Every document stored can be read back through the API.
    [stored] = [r["id"] for r in body["results"] if r["status"] == "new"]
    assert client.get(f"/api/documents/{stored}").status_code == 200
