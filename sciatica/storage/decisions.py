"""Decisions on suggestions and a routine's history of changes in the database (part of the Store).

A decision answers one suggestion, named by its key; accepting one that changes the routine
writes the routine's new current doses in the same transaction. Every query is scoped to the
user, and a decision is refused for a routine or session that is not theirs.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.exc import IntegrityError

from sciatica import clock
from sciatica.diary.models import STORED
from sciatica.plans.models import Change, Decision, RoutineItem
from sciatica.plans.ports import StaleRoutine
from sciatica.storage.base import StoreBase, aware, items_json, owned_routine
from sciatica.storage.schema import routine_decisions, routines, sessions


def insert_decision(
    connection: Connection,
    user_id: str,
    routine_id: int,
    change: Change,
    *,
    key: str,
    session_id: int | None = None,
    created_at: datetime | None = None,
) -> None:
    """Add one decision to a routine's history."""
    values = change.model_dump(mode="json")  # its changes as the JSON column holds them
    values["day"] = change.day
    connection.execute(
        insert(routine_decisions).values(
            user_id=user_id,
            routine_id=routine_id,
            session_id=session_id,
            key=key,
            created_at=created_at or clock.now(),
            **values,
        )
    )


def _decision(row: Any) -> Decision:
    data = dict(row._mapping)
    data["created_at"] = aware(data["created_at"])
    data.pop("user_id")
    return Decision.model_validate(data, context=STORED)


class DecisionStore(StoreBase):
    """Decisions on suggestions and the changes they made, each scoped to one user."""

    def record_decision(
        self,
        *,
        user_id: str,
        routine_id: int,
        session_id: int | None,
        key: str,
        change: Change,
        before: Sequence[RoutineItem],
        after: Sequence[RoutineItem] | None = None,
    ) -> None:
        """Record a decision; with `after`, the routine's current doses change from `before`.

        LookupError for a routine or session of someone else; StaleRoutine when the doses are
        no longer `before`. A second decision on the same suggestion changes nothing.
        """
        try:
            with self._write() as connection:
                owned = owned_routine(connection, user_id, routine_id, routines.c.current_items)
                if (
                    session_id is not None
                    and not connection.execute(
                        select(sessions.c.id).where(
                            sessions.c.id == session_id, sessions.c.user_id == user_id
                        )
                    ).first()
                ):
                    raise LookupError(f"No session {session_id} for this user.")
                if self._find(connection, user_id, routine_id, key) is not None:
                    return
                if after is not None:
                    stored = tuple(RoutineItem.model_validate(i) for i in owned.current_items)
                    if stored != tuple(before):
                        raise StaleRoutine("The routine changed since this was suggested.")
                    connection.execute(
                        update(routines)
                        .where(routines.c.id == routine_id, routines.c.user_id == user_id)
                        .values(current_items=items_json(after), updated_at=clock.now())
                    )
                insert_decision(
                    connection, user_id, routine_id, change, key=key, session_id=session_id
                )
        except IntegrityError:
            # The same suggestion decided at the same moment elsewhere (PostgreSQL lets two
            # transactions race to the insert): that decision stands, and this one rolled back.
            if self.find_decision(user_id=user_id, routine_id=routine_id, key=key) is None:
                raise

    def _find(
        self, connection: Connection, user_id: str, routine_id: int, key: str
    ) -> Decision | None:
        row = connection.execute(
            select(routine_decisions).where(
                routine_decisions.c.user_id == user_id,
                routine_decisions.c.routine_id == routine_id,
                routine_decisions.c.key == key,
            )
        ).first()
        return _decision(row) if row else None

    def find_decision(self, *, user_id: str, routine_id: int, key: str) -> Decision | None:
        """The decision already made on a suggestion, if any."""
        with self._read() as connection:
            return self._find(connection, user_id, routine_id, key)

    def last_change(self, *, user_id: str, routine_id: int) -> Decision | None:
        """The routine's latest decision that changed its doses."""
        history = self.routine_history(user_id=user_id, routine_id=routine_id, limit=1)
        return history[0] if history else None

    def routine_history(
        self, *, user_id: str, routine_id: int, limit: int | None = None
    ) -> list[Decision]:
        """The decisions that changed the routine's doses, newest first."""
        query = (
            select(routine_decisions)
            .where(
                routine_decisions.c.user_id == user_id,
                routine_decisions.c.routine_id == routine_id,
                routine_decisions.c.changed,
            )
            .order_by(
                routine_decisions.c.day.desc(),
                routine_decisions.c.created_at.desc(),
                routine_decisions.c.id.desc(),
            )
            .limit(limit)
        )
        with self._read() as connection:
            return [_decision(row) for row in connection.execute(query)]

    def decisions(self, *, user_id: str, routine_id: int) -> list[Decision]:
        """Every decision about the routine, oldest first (for the export)."""
        query = (
            select(routine_decisions)
            .where(
                routine_decisions.c.user_id == user_id,
                routine_decisions.c.routine_id == routine_id,
            )
            .order_by(
                routine_decisions.c.day, routine_decisions.c.created_at, routine_decisions.c.id
            )
        )
        with self._read() as connection:
            return [_decision(row) for row in connection.execute(query)]
