"""Persistence of routines, sessions and the decisions on suggestions (part of the Store)."""

from __future__ import annotations

import json
from contextlib import AbstractContextManager
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from sciatica import clock
from sciatica.plans.models import Routine, RoutineInput, Session, SessionInput
from sciatica.storage.schema import routine_changes, routines, sessions


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _routine_values(routine: RoutineInput) -> dict[str, Any]:
    return {
        "name": routine.name,
        "items": [item.model_dump(mode="json") for item in routine.items],
        "days": sorted(int(day) for day in routine.days),
        "start_date": routine.start_date,
        "weeks": routine.weeks,
    }


def _routine(row: Any) -> Routine:
    data = dict(row._mapping)
    data["created_at"], data["updated_at"] = _aware(data["created_at"]), _aware(data["updated_at"])
    return Routine.model_validate(data)


def _session(row: Any) -> Session:
    data = dict(row._mapping)
    data["created_at"] = _aware(data["created_at"])
    return Session.model_validate(data)


def _insert_routine(
    connection: Connection, user_id: str, routine: RoutineInput, *, active: bool
) -> int:
    now = clock.now()
    result = connection.execute(
        insert(routines).values(
            user_id=user_id,
            active=active,
            created_at=now,
            updated_at=now,
            **_routine_values(routine),
        )
    )
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def _insert_session(connection: Connection, user_id: str, session: SessionInput) -> int:
    values = session.model_dump(mode="json", exclude={"day"})
    result = connection.execute(
        insert(sessions).values(user_id=user_id, day=session.day, created_at=clock.now(), **values)
    )
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def import_plans(
    connection: Connection,
    user_id: str,
    imported_routines: list[tuple[int, RoutineInput, bool]],
    imported_sessions: list[tuple[SessionInput, int | None]],
) -> None:
    """Add routines and sessions from an import, skipping ones the diary already has.

    Routines arrive with the key they had in the file; sessions point at those keys.
    """
    existing = {
        _routine_identity(_routine(row)): int(row.id)
        for row in connection.execute(select(routines).where(routines.c.user_id == user_id))
    }
    has_active = any(
        connection.execute(
            select(routines.c.id).where(routines.c.user_id == user_id, routines.c.active)
        )
    )
    ids: dict[int, int] = {}
    for key, routine, active in imported_routines:
        identity = _routine_identity(routine)
        if identity not in existing:
            make_active = active and not has_active
            existing[identity] = _insert_routine(connection, user_id, routine, active=make_active)
            has_active = has_active or make_active
        ids[key] = existing[identity]
    known = {
        _session_identity(_session(row))
        for row in connection.execute(select(sessions).where(sessions.c.user_id == user_id))
    }
    for session, routine_key in imported_sessions:
        linked = session.model_copy(
            update={"routine_id": ids.get(routine_key) if routine_key is not None else None}
        )
        if _session_identity(linked) not in known:
            _insert_session(connection, user_id, linked)
            known.add(_session_identity(linked))


def _routine_identity(routine: RoutineInput) -> str:
    """What makes two routines the same plan, whatever their ids."""
    fields = set(RoutineInput.model_fields)
    return json.dumps(routine.model_dump(mode="json", include=fields), sort_keys=True)


def _session_identity(session: SessionInput) -> str:
    """What makes two logged sessions the same, whatever their ids."""
    fields = set(SessionInput.model_fields)
    return json.dumps(session.model_dump(mode="json", include=fields), sort_keys=True)


class PlanStore:
    """Routines and sessions; mixed into Store, which supplies the connections."""

    def _write(self) -> AbstractContextManager[Connection]:
        raise NotImplementedError

    def _read(self) -> AbstractContextManager[Connection]:
        raise NotImplementedError

    def _ensure_user(self, connection: Connection, user_id: str) -> None:
        raise NotImplementedError

    # Routines ----------------------------------------------------------------------------

    def save_routine(
        self,
        *,
        user_id: str,
        routine: RoutineInput,
        routine_id: int | None = None,
        activate: bool = True,
    ) -> Routine:
        """Create (or replace) a routine; the active one is the only active one."""
        now = clock.now()
        values = _routine_values(routine)
        with self._write() as connection:
            self._ensure_user(connection, user_id)
            if activate:
                connection.execute(
                    update(routines).where(routines.c.user_id == user_id).values(active=False)
                )
            if routine_id is None:
                routine_id = _insert_routine(connection, user_id, routine, active=activate)
            else:
                changed = connection.execute(
                    update(routines)
                    .where(routines.c.id == routine_id, routines.c.user_id == user_id)
                    .values(updated_at=now, **({"active": True} if activate else {}), **values)
                )
                if not changed.rowcount:
                    raise LookupError(f"No routine {routine_id} for this user.")
        saved = self.get_routine(user_id=user_id, routine_id=routine_id)
        assert saved is not None  # committed above
        return saved

    def get_routine(self, *, user_id: str, routine_id: int) -> Routine | None:
        """One of the user's routines."""
        query = select(routines).where(routines.c.id == routine_id, routines.c.user_id == user_id)
        with self._read() as connection:
            row = connection.execute(query).first()
        return _routine(row) if row else None

    def list_routines(self, *, user_id: str) -> list[Routine]:
        """The user's routines, the active one first, then newest first."""
        query = (
            select(routines)
            .where(routines.c.user_id == user_id)
            .order_by(routines.c.active.desc(), routines.c.updated_at.desc(), routines.c.id)
        )
        with self._read() as connection:
            return [_routine(row) for row in connection.execute(query)]

    def active_routine(self, *, user_id: str) -> Routine | None:
        """The routine the user is following, if any."""
        query = select(routines).where(routines.c.user_id == user_id, routines.c.active)
        with self._read() as connection:
            row = connection.execute(query.limit(1)).first()
        return _routine(row) if row else None

    def set_active_routine(self, *, user_id: str, routine_id: int) -> None:
        """Make one routine the active one."""
        with self._write() as connection:
            owned = connection.execute(
                select(routines.c.id).where(
                    routines.c.id == routine_id, routines.c.user_id == user_id
                )
            ).first()
            if owned is None:
                raise LookupError(f"No routine {routine_id} for this user.")
            connection.execute(
                update(routines)
                .where(routines.c.user_id == user_id)
                .values(active=routines.c.id == routine_id)
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
                owned = connection.execute(
                    select(routines.c.id).where(
                        routines.c.id == session.routine_id, routines.c.user_id == user_id
                    )
                ).first()
                if owned is None:
                    raise LookupError(f"No routine {session.routine_id} for this user.")
            session_id = _insert_session(connection, user_id, session)
        query = select(sessions).where(sessions.c.id == session_id)
        with self._read() as connection:
            return _session(connection.execute(query).one())

    def sessions_between(self, *, user_id: str, start: date, end: date) -> list[Session]:
        """Sessions from start to end inclusive, oldest first."""
        query = (
            select(sessions)
            .where(sessions.c.user_id == user_id, sessions.c.day.between(start, end))
            .order_by(sessions.c.day, sessions.c.id)
        )
        with self._read() as connection:
            return [_session(row) for row in connection.execute(query)]

    def recent_sessions(self, *, user_id: str, limit: int) -> list[Session]:
        """The latest sessions, newest last."""
        query = (
            select(sessions)
            .where(sessions.c.user_id == user_id)
            .order_by(sessions.c.day.desc(), sessions.c.id.desc())
            .limit(limit)
        )
        with self._read() as connection:
            return [_session(row) for row in connection.execute(query)][::-1]

    # Decisions on suggestions ------------------------------------------------------------

    def record_decision(
        self,
        *,
        user_id: str,
        session_id: int,
        step: str,
        sentence: str,
        accepted: bool,
        routine_id: int | None = None,
        routine_after: RoutineInput | None = None,
    ) -> None:
        """Record that a suggestion was accepted or dismissed, changing the routine if accepted."""
        now = clock.now()
        with self._write() as connection:
            if accepted and routine_after is not None and routine_id is not None:
                changed = connection.execute(
                    update(routines)
                    .where(routines.c.id == routine_id, routines.c.user_id == user_id)
                    .values(updated_at=now, **_routine_values(routine_after))
                )
                if not changed.rowcount:
                    raise LookupError(f"No routine {routine_id} for this user.")
            connection.execute(
                insert(routine_changes).values(
                    user_id=user_id,
                    routine_id=routine_id,
                    session_id=session_id,
                    step=step,
                    sentence=sentence,
                    accepted=accepted,
                    created_at=now,
                )
            )

    def decided_session_ids(self, *, user_id: str, session_ids: list[int]) -> set[int]:
        """Which of these sessions already had their suggestion accepted or dismissed."""
        query = select(routine_changes.c.session_id).where(
            routine_changes.c.user_id == user_id, routine_changes.c.session_id.in_(session_ids)
        )
        with self._read() as connection:
            return set(connection.execute(query).scalars())

    def last_progress_day(self, *, user_id: str, routine_id: int) -> date | None:
        """When the routine last stepped up (an accepted progression)."""
        query = select(routine_changes.c.created_at).where(
            routine_changes.c.user_id == user_id,
            routine_changes.c.routine_id == routine_id,
            routine_changes.c.step == "progress",
            routine_changes.c.accepted,
        )
        with self._read() as connection:
            stamps = list(connection.execute(query.order_by(routine_changes.c.created_at.desc())))
        return _aware(stamps[0][0]).date() if stamps else None
