"""What every part of the Store shares: the engine, connections, the user's row, row helpers.

`Store` (`store`) is put together from `CheckInStore` (`check_ins`) and `PlanStore` (`plans`);
each reads and writes through the connections here and makes sure the user exists first.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Column, Connection, Engine, Row, insert, select
from sqlalchemy.exc import IntegrityError

from sciatica import clock
from sciatica.plans.models import RoutineItem
from sciatica.storage.database import write_transaction
from sciatica.storage.schema import routines, users


class StoreError(RuntimeError):
    """The database could not be opened or written."""


def aware(value: datetime) -> datetime:
    """A stamp read back from the database, in UTC (SQLite keeps no time zone)."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def items_json(items: Sequence[RoutineItem]) -> list[dict[str, Any]]:
    """Routine items as a JSON column holds them."""
    return [item.model_dump(mode="json") for item in items]


def owned_routine(
    connection: Connection, user_id: str, routine_id: int, *columns: Column[Any]
) -> Row[Any]:
    """The routine's row (these columns) if it is the user's; LookupError if not."""
    row = connection.execute(
        select(routines.c.id, *columns).where(
            routines.c.id == routine_id, routines.c.user_id == user_id
        )
    ).first()
    if row is None:
        raise LookupError(f"No routine {routine_id} for this user.")
    return row


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

    def _lock_user(self, connection: Connection, user_id: str) -> None:
        """Make sure the user exists and hold their row until this transaction ends.

        A per-person mutex for writes that read before they write (switching the active
        routine, an import, deleting everything): on PostgreSQL two such transactions for the
        same person wait for each other instead of both acting on what they read. `FOR NO KEY
        UPDATE` leaves the row's key free, so a check-in saved meanwhile (whose foreign key
        only shares the row) neither waits nor deadlocks. SQLite's write transaction already
        holds the whole database, and SQLAlchemy leaves the clause out there.
        """
        self._ensure_user(connection, user_id)
        connection.execute(
            select(users.c.id).where(users.c.id == user_id).with_for_update(key_share=True)
        )
