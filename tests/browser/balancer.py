"""A load balancer in miniature, for replica tests: one address on 127.0.0.1 in front of them.

Each connection is passed whole, as bytes, to the replica chosen when it opens, so a WebSocket
stays with its replica (the sticky sessions the README asks for) and the browser sees one
origin, as behind a real load balancer. `send_to` chooses the replica for new connections and
closes the open ones, as when a replica goes away and the person is sent to another.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine, Iterator
from contextlib import contextmanager, suppress
from typing import Any, TypeVar

T = TypeVar("T")
_CHUNK = 64 * 1024


class Balancer:
    """Listens on a free port of 127.0.0.1; runs its own event loop in a thread."""

    def __init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._server: asyncio.Server | None = None
        self._target: int | None = None
        self._open: set[asyncio.StreamWriter] = set()
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self._thread.start()
        self._server = self._call(asyncio.start_server(self._serve, "127.0.0.1", 0))
        self.port = self._server.sockets[0].getsockname()[1]

    def send_to(self, port: int) -> None:
        """New connections go to the replica on `port`; those open now are closed."""
        self._call(self._switch(port))

    def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            self._call(self._switch(None))
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)

    def _call(self, work: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(work, self._loop).result(timeout=10)

    async def _switch(self, port: int | None) -> None:
        self._target = port
        for writer in list(self._open):
            writer.close()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self._target is None:
            writer.close()
            return
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection(
                "127.0.0.1", self._target
            )
        except OSError:  # the replica is down: the browser sees the connection refused
            writer.close()
            return
        self._open |= {writer, upstream_writer}
        try:
            await asyncio.gather(_pipe(reader, upstream_writer), _pipe(upstream_reader, writer))
        finally:
            self._open -= {writer, upstream_writer}


async def _pipe(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
    """Bytes from one side to the other until either closes."""
    with suppress(ConnectionError, OSError):
        while data := await source.read(_CHUNK):
            sink.write(data)
            await sink.drain()
    sink.close()


@contextmanager
def balancer() -> Iterator[Balancer]:
    front = Balancer()
    front.start()
    try:
        yield front
    finally:
        front.stop()
