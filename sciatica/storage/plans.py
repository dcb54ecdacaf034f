"""Routines and sessions in the database (part of the Store).

Owns their queries (`PlanStore`, mixed into `store.Store`) and the conversions between their
models and rows, which merging an import (`plan_import`) uses too. Decisions on suggestions,
which change a routine's current doses, are in `decisions`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, insert, select, update

from sciatica import clock
from sciatica.diary.models import STORED
from sciatica.plans.models import (
    Change,
    Routine,
    RoutineInput,
    RoutineItem,
    Session,
    SessionInput,
)
from sciatica.storage.base import StoreBase, aware, items_json, owned_routine
from sciatica.storage.decisions import insert_decision
from sciatica.storage.schema import routines, sessions


def routine_values(routine: RoutineInput) -> dict[str, Any]:
    """The routine's columns as the builder sets them: its current doses start as its items."""
    return {
        "name": routine.name,
        "items": items_json(routine.items),
        "days": sorted(int(day) for day in routine.days),
        "start_date": routine.start_date,
        "current_items": items_json(routine.items),
    }


def routine_from_row(row: Any) -> Routine:
    """A routines row as a model, its stamps in UTC."""
    data = dict(row._mapping)
    data["created_at"], data["updated_at"] = aware(data["created_at"]), aware(data["updated_at"])
    return Routine.model_validate(data, context=STORED)


def session_from_row(row: Any) -> Session:
    """A sessions row as a model, its stamp in UTC."""
    data = dict(row._mapping)
    data["created_at"] = aware(data["created_at"])
    return Session.model_validate(data, context=STORED)


def insert_routine(
    connection: Connection,
    user_id: str,
    routine: RoutineInput,
    *,
    active: bool,
    current_items: Sequence[RoutineItem] | None = None,
) -> int:
    """Add a routine, active or not, at its own doses unless `current_items` says otherwise."""
    now = clock.now()
    values = routine_values(routine)
    if current_items is not None:
        values["current_items"] = items_json(current_items)
    result = connection.execute(
        insert(routines).values(
            user_id=user_id, active=active, created_at=now, updated_at=now, **values
        )
    )
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def insert_session(connection: Connection, user_id: str, session: SessionInput) -> int:
    """Add a logged session; returns its id."""
    values = session.model_dump(mode="json", exclude={"day"})
    result = connection.execute(
        insert(sessions).values(user_id=user_id, day=session.day, created_at=clock.now(), **values)
    )
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def _deactivate_all(connection: Connection, user_id: str) -> None:
    """No routine of the user's is active: the first half of switching the active one.

    A separate statement from activating the new one, since the database checks the one-active
    index row by row (PostgreSQL and SQLite alike): one UPDATE that turns one routine on and
    another off can meet the index with both on. The caller holds the user's row
    (`_lock_user`), so no other switch runs between the two statements.
    """
    connection.execute(
        update(routines)
        .where(routines.c.user_id == user_id, routines.c.active)
        .values(active=False)
    )


class PlanStore(StoreBase):
    """Routines and sessions, each scoped to one user."""

    # Routines ----------------------------------------------------------------------------

    def save_routine(
        self,
        *,
        user_id: str,
        routine: RoutineInput,
        routine_id: int | None = None,
        activate: bool = True,
        edit: Change | None = None,
    ) -> Routine:
        """Create (or replace) a routine, followed at its own doses; the active one is the only one.

        Replacing a routine sets its current doses to the new items too; `edit` records in its
        history how they changed.
        """
        now = clock.now()
        values = routine_values(routine)
        with self._write() as connection:
            self._lock_user(connection, user_id)
            if routine_id is not None:
                owned_routine(connection, user_id, routine_id)
            if activate:
                _deactivate_all(connection, user_id)
            if routine_id is None:
                routine_id = insert_routine(connection, user_id, routine, active=activate)
            else:
                connection.execute(
                    update(routines)
                    .where(routines.c.id == routine_id, routines.c.user_id == user_id)
                    .values(updated_at=now, **({"active": True} if activate else {}), **values)
                )
                if edit is not None:
                    insert_decision(
                        connection, user_id, routine_id, edit, key=f"edit:{now.isoformat()}"
                    )
        saved = self.get_routine(user_id=user_id, routine_id=routine_id)
        assert saved is not None  # committed above
        return saved

    def get_routine(self, *, user_id: str, routine_id: int) -> Routine | None:
        """One of the user's routines."""
        query = select(routines).where(routines.c.id == routine_id, routines.c.user_id == user_id)
        with self._read() as connection:
            row = connection.execute(query).first()
        return routine_from_row(row) if row else None

    def list_routines(self, *, user_id: str) -> list[Routine]:
        """The user's routines, the active one first, then newest first."""
        query = (
            select(routines)
            .where(routines.c.user_id == user_id)
            .order_by(routines.c.active.desc(), routines.c.updated_at.desc(), routines.c.id)
        )
        with self._read() as connection:
            return [routine_from_row(row) for row in connection.execute(query)]

    def active_routine(self, *, user_id: str) -> Routine | None:
        """The routine the user is following, if any."""
        query = select(routines).where(routines.c.user_id == user_id, routines.c.active)
        with self._read() as connection:
            row = connection.execute(query.limit(1)).first()
        return routine_from_row(row) if row else None

    def set_active_routine(self, *, user_id: str, routine_id: int) -> None:
        """Make one routine the active one, whatever other sessions do at the same moment."""
        with self._write() as connection:
            self._lock_user(connection, user_id)
            owned_routine(connection, user_id, routine_id)
            _deactivate_all(connection, user_id)
            connection.execute(
                update(routines)
                .where(routines.c.id == routine_id, routines.c.user_id == user_id)
                .values(active=True)
            )

    def delete_routine(self, *, user_id: str, routine_id: int) -> bool:
        """Delete a routine (its sessions stay, no longer linked); True if it existed."""
        with self._write() as connection:
            connection.execute(
                update(sessions)
                .where(sessions.c.routine_id == routine_id, sessions.c.user_id == user_id)
                .values(routine_id=None)
            )
            result = connection.execute(
                routines.delete().where(routines.c.id == routine_id, routines.c.user_id == user_id)
            )
        return bool(result.rowcount)

    # Sessions ----------------------------------------------------------------------------

    def save_session(self, *, user_id: str, session: SessionInput) -> Session:
        """Store a logged session; committed when this returns."""
        with self._write() as connection:
            self._ensure_user(connection, user_id)
            if session.routine_id is not None:
                owned_routine(connection, user_id, session.routine_id)
            session_id = insert_session(connection, user_id, session)
        query = select(sessions).where(sessions.c.id == session_id)
        with self._read() as connection:
            return session_from_row(connection.execute(query).one())

    def sessions_between(self, *, user_id: str, start: date, end: date) -> list[Session]:
        """Sessions from start to end inclusive, oldest first."""
        query = (
            select(sessions)
            .where(sessions.c.user_id == user_id, sessions.c.day.between(start, end))
            .order_by(sessions.c.day, sessions.c.id)
        )
        with self._read() as connection:
            return [session_from_row(row) for row in connection.execute(query)]

    def recent_sessions(self, *, user_id: str, limit: int) -> list[Session]:
        """The latest sessions, newest last."""
        query = (
            select(sessions)
            .where(sessions.c.user_id == user_id)
            .order_by(sessions.c.day.desc(), sessions.c.id.desc())
            .limit(limit)
        )
        with self._read() as connection:
            return [session_from_row(row) for row in connection.execute(query)][::-1]
