"""What every part of the Store shares: the engine, its connections and the user's row.

`Store` (`store`) is put together from `CheckInStore` (`check_ins`) and `PlanStore` (`plans`);
each reads and writes through the connections here and makes sure the user exists first.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager

from sqlalchemy import Connection, Engine, insert, select
from sqlalchemy.exc import IntegrityError

from sciatica import clock
from sciatica.storage.database import write_transaction
from sciatica.storage.schema import users


class StoreError(RuntimeError):
    """The database could not be opened or written."""


class StoreBase:
    """The engine and its connections, for each part of the Store."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def _write(self) -> AbstractContextManager[Connection]:
        return write_transaction(self.engine)

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self.engine.connect() as connection:
            yield connection

    def _ensure_user(self, connection: Connection, user_id: str) -> None:
        exists = connection.execute(select(users.c.id).where(users.c.id == user_id)).first()
        if exists is not None:
            return
        try:
            with connection.begin_nested():
                connection.execute(insert(users).values(id=user_id, created_at=clock.now()))
        except IntegrityError:
            # Another session created this user a moment ago (PostgreSQL lets two
            # transactions race here; SQLite's write lock does not): the row is there now.
            pass
