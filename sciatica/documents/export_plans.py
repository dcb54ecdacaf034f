"""Routines and sessions in the export file: written with keys, read back all or nothing.

Version 3 carries each routine's current doses (`current_items`) and its decisions
(`history`). Versions 1 and 2 still import: a version 2 routine's doses are its items, and its
`weeks` (the length of the old weekly build-up) is read and left behind.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import ValidationError

from sciatica.diary.models import describe_errors
from sciatica.exercises.catalog import load_catalog
from sciatica.plans.models import (
    SESSION_LABELS,
    Change,
    RoutineInput,
    RoutineRecord,
    SessionInput,
)
from sciatica.plans.routine import RoutineRejected, check_routine
from sciatica.storage.store import Store

ROUTINE_FIELDS = set(RoutineInput.model_fields)
SESSION_FIELDS = set(SessionInput.model_fields) - {"routine_id"}
CHANGE_FIELDS = set(Change.model_fields)


def export_plans(
    store: Store, *, user_id: str
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The user's routines (each with a key, doses and history) and sessions (by routine key)."""
    routines = []
    for routine in store.list_routines(user_id=user_id):
        record = routine.model_dump(mode="json", include=ROUTINE_FIELDS)
        record["days"] = sorted(record["days"])
        history = [
            decision.model_dump(mode="json", include=CHANGE_FIELDS)
            for decision in store.decisions(user_id=user_id, routine_id=routine.id)
        ]
        current = [item.model_dump(mode="json") for item in routine.current_items]
        routines.append(
            {
                "key": routine.id,
                "active": routine.active,
                **record,
                "current_items": current,
                "history": history,
            }
        )
    sessions = [
        {
            "routine_key": session.routine_id,
            **session.model_dump(mode="json", include=SESSION_FIELDS),
        }
        for session in store.sessions_between(user_id=user_id, start=date.min, end=date.max)
    ]
    return routines, sessions


def _routine(data: dict[str, Any], *, key: int, active: bool, version: int) -> RoutineRecord:
    """One routine record; raises ValidationError or RoutineRejected."""
    if version < 3:
        data.pop("weeks", None)
        current, history = data.get("items"), []
    else:
        current, history = data.pop("current_items", None), data.pop("history", [])
    routine = RoutineInput.model_validate(data)
    record = RoutineRecord.model_validate(
        {
            "key": key,
            "routine": routine,
            "active": active,
            "current_items": current,
            "history": history,
        }
    )
    catalog = load_catalog()
    check_routine(routine, catalog=catalog)
    check_routine(routine.model_copy(update={"items": record.current_items}), catalog=catalog)
    return record


def parse_plans(
    routines: list[dict[str, Any]],
    sessions: list[dict[str, Any]],
    *,
    today: date,
    version: int,
    problems: list[str],
) -> tuple[list[RoutineRecord], list[tuple[SessionInput, int | None]]]:
    """Validate routine and session records, adding every problem found to `problems`."""
    parsed_routines: list[RoutineRecord] = []
    for index, record in enumerate(routines, start=1):
        label = f"Routine {index}"
        data = dict(record)
        key, active = data.pop("key", None), data.pop("active", False)
        if not isinstance(key, int) or not isinstance(active, bool):
            problems.append(f"{label}: needs a whole-number key and active true or false.")
            continue
        try:
            parsed_routines.append(_routine(data, key=key, active=active, version=version))
        except ValidationError as error:
            messages = describe_errors(error, model=RoutineInput, labels={})
            problems.extend(f"{label}: {message}" for message in messages)
        except RoutineRejected as error:
            problems.extend(f"{label}: {problem}" for problem in error.problems)
    keys = {record.key for record in parsed_routines}
    parsed_sessions: list[tuple[SessionInput, int | None]] = []
    for index, record in enumerate(sessions, start=1):
        label = f"Session {index}"
        data = dict(record)
        routine_key = data.pop("routine_key", None)
        if routine_key is not None and routine_key not in keys:
            problems.append(
                f"{label}: refers to routine {routine_key!r}, which is not in the file."
            )
            continue
        try:
            session = SessionInput.model_validate(data, context={"today": today})
        except ValidationError as error:
            messages = describe_errors(error, model=SessionInput, labels=SESSION_LABELS)
            problems.extend(f"{label}: {message}" for message in messages)
        else:
            parsed_sessions.append((session, routine_key))
    return parsed_routines, parsed_sessions
