"""The server answers only its own name: a Host check in front of every HTTP and WebSocket request.

A web page elsewhere can make its own name point at 127.0.0.1 (DNS rebinding). The browser then
treats this app as that page's own origin, and the page could read and change the diary of
anyone who visits it while the app runs: Streamlit's cross-origin checks pass, since the origin
is the same. What gives such a request away is its Host header, which names the other site.

So a request is answered only when its Host is localhost, 127.0.0.1 or [::1] on the server's
own port, or one of the names a clinic's deployment configures in SCIATICA_HOST_NAMES (a comma
separated list, e.g. "diary.example.org" or "diary.example.org:8443"; a name without a port
matches any port, since the proxy or load balancer in front chooses it). Anything else is
refused before any page runs: HTTP with 400, a WebSocket closed before it is accepted, which
the server answers with 403.

`install` adds the check to Streamlit's own middleware; `sciatica.ui.server` calls it before
the server starts. It is pure ASGI, importing nothing of Starlette's.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "[::1]"})
REFUSED_BODY = b"This server answers only to its own address.\n"
_DEFAULT_PORT = 80  # a Host without a port names the scheme's default (HTTP: 80)
# A WebSocket refused before its handshake: the server answers the upgrade with HTTP 403.
_POLICY_VIOLATION = 1008


def split_host(value: str) -> tuple[str, int | None]:
    """A Host header as (name, port): 'LocalHost:8501' -> ('localhost', 8501); port None if absent.

    A port that is not a number gives the name '' (matches nothing).
    """
    value = value.strip().lower()
    name, colon, port = value.rpartition(":")
    if not colon or (name.startswith("[") and not name.endswith("]")) or value.endswith("]"):
        return value, None  # no port: 'localhost', '[::1]'
    if not port.isdigit() or len(port) > 5:
        return "", None
    return name, int(port)


def configured_names(setting: str) -> frozenset[tuple[str, int | None]]:
    """SCIATICA_HOST_NAMES as (name, port or None for any port) pairs."""
    names = (split_host(part) for part in setting.split(",") if part.strip())
    return frozenset(pair for pair in names if pair[0])


def host_allowed(
    host: str | None, *, port: int, extra: Iterable[tuple[str, int | None]] = ()
) -> bool:
    """Whether a request for `host` is for this server, listening on `port`."""
    if not host:
        return False
    name, asked_port = split_host(host)
    if not name:
        return False
    if name in LOOPBACK_HOSTS and (asked_port or _DEFAULT_PORT) == port:
        return True
    return any(name == allowed and wanted in (None, asked_port) for allowed, wanted in extra)


class AllowedHosts:
    """ASGI middleware: refuse HTTP and WebSocket requests whose Host is not this server's."""

    def __init__(
        self,
        app: App,
        *,
        port: Callable[[], int],
        extra: Callable[[], Iterable[tuple[str, int | None]]],
    ) -> None:
        self.app = app
        self.port = port
        self.extra = extra

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = scope.get("type")
        if kind not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        host = _header(scope, b"host")
        if host_allowed(host, port=self.port(), extra=self.extra()):
            await self.app(scope, receive, send)
        elif kind == "http":
            await send(
                {
                    "type": "http.response.start",
                    "status": 400,
                    "headers": [
                        (b"content-type", b"text/plain; charset=utf-8"),
                        (b"content-length", str(len(REFUSED_BODY)).encode()),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": REFUSED_BODY})
        else:
            await send({"type": "websocket.close", "code": _POLICY_VIOLATION})


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key.lower() == name:
            return bytes(value).decode("latin-1")
    return None


def install(
    *, port: Callable[[], int], extra: Callable[[], Iterable[tuple[str, int | None]]]
) -> None:
    """Put the Host check first in Streamlit's middleware, for every app it builds from now on.

    Streamlit 1.67 builds its Starlette app with `starlette_app.create_streamlit_middleware`;
    a later Streamlit without it fails here rather than serving every Host.
    """
    from starlette.middleware import Middleware
    from streamlit.web.server.starlette import starlette_app

    built = starlette_app.create_streamlit_middleware
    if getattr(built, "_checks_host", False):
        return

    @functools.wraps(built)
    def with_host_check() -> list[Middleware]:
        return [Middleware(AllowedHosts, port=port, extra=extra), *built()]

    with_host_check._checks_host = True  # type: ignore[attr-defined]
    starlette_app.create_streamlit_middleware = with_host_check
