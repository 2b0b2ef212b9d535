"""What every request passes before the app sees it, and what every response carries.

``Guard`` is plain ASGI middleware (no per-request task or thread, so it costs nothing under
load). It refuses, with a JSON error and before any handler runs:

- a body larger than ``max_body`` bytes (413), whether or not ``Content-Length`` says so:
  the body is read up to the limit and no further;
- a NUL character in the path or query string (422): SQLite cuts a string at NUL (a
  ``LIKE`` pattern would then match everything) and PostgreSQL refuses it with an error.

``HEAD`` is answered wherever ``GET`` is (FastAPI routes a GET route's HEAD to a 405): the
request goes on as a GET and only the response's status and headers are sent.

It adds security headers to every response: ``X-Content-Type-Options: nosniff``,
``Referrer-Policy: no-referrer``, ``X-Frame-Options: DENY`` and a Content-Security-Policy
that lets the dashboard and the API's docs page (Swagger UI, vendored) load their own
scripts, styles and data and nothing else (plus the tile server's images when one is
configured).
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

__all__ = ["Guard", "content_security_policy"]

_BODY_METHODS = {"POST", "PUT", "PATCH"}


def content_security_policy(tile_url: str | None = None) -> str:
    """The dashboard's CSP: its own origin only, images also from the tile server if any."""
    images = ["'self'", "data:", "blob:"]
    tiles = _origin(tile_url) if tile_url else None
    if tiles:
        images.append(tiles)
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            # Leaflet and the dashboard set element styles from script (CSSOM), which CSP
            # allows; no inline <style> or style="" attribute is needed.
            "style-src 'self'",
            f"img-src {' '.join(images)}",
            "connect-src 'self'",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


def _origin(url: str) -> str | None:
    """The CSP source of a tile URL template; ``{s}.tiles.org`` becomes ``*.tiles.org``."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    labels = parts.netloc.rpartition("@")[2].split(".")
    if labels and "{" in labels[0]:
        labels[0] = "*"
    if any("{" in label for label in labels):
        return f"{parts.scheme}:"  # a template CSP cannot express: the scheme only
    return f"{parts.scheme}://{'.'.join(labels)}"


class Guard:
    """ASGI middleware: body size and NUL refusals, security headers (module docstring)."""

    def __init__(self, app: Any, *, max_body: int, csp: str) -> None:
        self.app = app
        self.max_body = max_body
        self.headers = [
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"no-referrer"),
            (b"x-frame-options", b"DENY"),
            (b"content-security-policy", csp.encode()),
        ]

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *self.headers]}
            await send(message)

        respond: Any = send_with_headers
        if scope["method"] == "HEAD":
            scope = {**scope, "method": "GET"}
            respond = _without_body(send_with_headers)
        if "\x00" in scope["path"] or b"%00" in scope.get("query_string", b""):
            await _refuse(respond, 422, "NUL characters are not allowed in a request")
            return
        if scope["method"] in _BODY_METHODS:
            body = await self._read_body(scope, receive)
            if body is None:
                await _refuse(
                    respond,
                    413,
                    f"request body over {self.max_body:,} bytes: "
                    "post fewer documents at a time, or smaller ones",
                    close=True,  # the rest of the body is not read
                )
                return
            receive = _replay(body, receive)
        await self.app(scope, receive, respond)

    async def _read_body(self, scope: dict[str, Any], receive: Any) -> bytes | None:
        """The whole body, or None as soon as it is known to exceed ``max_body``."""
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    if int(value) > self.max_body:
                        return None
                except ValueError:
                    pass
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break  # the client left: the app will see an empty body
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        return b"".join(chunks)


def _without_body(send: Any) -> Any:
    """A ``send`` that passes the status and headers (Content-Length too) and no body."""

    async def send_headers_only(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.body":
            if message.get("more_body", False):
                return
            message = {"type": "http.response.body", "body": b"", "more_body": False}
        await send(message)

    return send_headers_only


def _replay(body: bytes, receive: Any) -> Any:
    """A ``receive`` that gives ``body`` once, then whatever the client sends (disconnect)."""
    sent = False

    async def replay() -> dict[str, Any]:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _refuse(send: Any, status: int, detail: str, *, close: bool = False) -> None:
    body = json.dumps({"detail": detail}).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
    ]
    if close:
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
