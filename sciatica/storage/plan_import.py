"""Merging routines and sessions from an imported file into a diary, without duplicates.

Owns `import_plans`, which runs inside the Store's import transaction (`Store.save_many`), and
what makes two routines or two sessions the same whatever their ids.
"""

from __future__ import annotations

import json

from sqlalchemy import Connection, select

from sciatica.plans.models import RoutineInput, RoutineRecord, SessionInput
from sciatica.storage.decisions import insert_decision
from sciatica.storage.plans import (
    insert_routine,
    insert_session,
    routine_from_row,
    session_from_row,
)
from sciatica.storage.schema import routines, sessions


def import_plans(
    connection: Connection,
    user_id: str,
    imported_routines: list[RoutineRecord],
    imported_sessions: list[tuple[SessionInput, int | None]],
) -> tuple[int, int, int, int]:
    """Add routines (with their current doses and history) and sessions the diary lacks.

    Routines arrive with the key they had in the file; sessions point at those keys. A routine
    the diary already has keeps its own doses and history. Returns (routines added, routines
    already there, sessions added, sessions already there).
    """
    existing = {
        _routine_identity(routine_from_row(row)): int(row.id)
        for row in connection.execute(select(routines).where(routines.c.user_id == user_id))
    }
    has_active = any(
        connection.execute(
            select(routines.c.id).where(routines.c.user_id == user_id, routines.c.active)
        )
    )
    ids: dict[int, int] = {}
    routines_added = sessions_added = 0
    for record in imported_routines:
        identity = _routine_identity(record.routine)
        if identity not in existing:
            routines_added += 1
            make_active = record.active and not has_active
            routine_id = insert_routine(
                connection,
                user_id,
                record.routine,
                active=make_active,
                current_items=record.current_items,
            )
            for number, change in enumerate(record.history, start=1):
                insert_decision(connection, user_id, routine_id, change, key=f"imported:{number}")
            existing[identity] = routine_id
            has_active = has_active or make_active
        ids[record.key] = existing[identity]
    known = {
        _session_identity(session_from_row(row))
        for row in connection.execute(select(sessions).where(sessions.c.user_id == user_id))
    }
    for session, routine_key in imported_sessions:
        linked = session.model_copy(
            update={"routine_id": ids.get(routine_key) if routine_key is not None else None}
        )
        if _session_identity(linked) not in known:
            insert_session(connection, user_id, linked)
            known.add(_session_identity(linked))
            sessions_added += 1
    return (
        routines_added,
        len(imported_routines) - routines_added,
        sessions_added,
        len(imported_sessions) - sessions_added,
    )


def _routine_identity(routine: RoutineInput) -> str:
    """What makes two routines the same plan, whatever their ids."""
    fields = set(RoutineInput.model_fields)
    return json.dumps(routine.model_dump(mode="json", include=fields), sort_keys=True)


def _session_identity(session: SessionInput) -> str:
    """What makes two logged sessions the same, whatever their ids."""
    fields = set(SessionInput.model_fields)
    return json.dumps(session.model_dump(mode="json", include=fields), sort_keys=True)
