"""Routines and sessions in the export file: written with keys, read back all or nothing."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import ValidationError

from sciatica.diary.models import describe_errors
from sciatica.exercises.catalog import load_catalog
from sciatica.plans.models import SESSION_LABELS, RoutineInput, SessionInput
from sciatica.plans.routine import RoutineRejected, check_routine
from sciatica.storage.store import Store

ROUTINE_FIELDS = set(RoutineInput.model_fields)
SESSION_FIELDS = set(SessionInput.model_fields) - {"routine_id"}


def export_plans(
    store: Store, *, user_id: str
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The user's routines (each with a key) and sessions (pointing at those keys)."""
    routines = []
    for routine in store.list_routines(user_id=user_id):
        record = routine.model_dump(mode="json", include=ROUTINE_FIELDS)
        record["days"] = sorted(record["days"])
        routines.append({"key": routine.id, "active": routine.active, **record})
    sessions = [
        {
            "routine_key": session.routine_id,
            **session.model_dump(mode="json", include=SESSION_FIELDS),
        }
        for session in store.sessions_between(user_id=user_id, start=date.min, end=date.max)
    ]
    return routines, sessions


def parse_plans(
    routines: list[dict[str, Any]],
    sessions: list[dict[str, Any]],
    *,
    today: date,
    problems: list[str],
) -> tuple[list[tuple[int, RoutineInput, bool]], list[tuple[SessionInput, int | None]]]:
    """Validate routine and session records, adding every problem found to `problems`."""
    parsed_routines: list[tuple[int, RoutineInput, bool]] = []
    for index, record in enumerate(routines, start=1):
        label = f"Routine {index}"
        data = dict(record)
        key, active = data.pop("key", None), data.pop("active", False)
        if not isinstance(key, int) or not isinstance(active, bool):
            problems.append(f"{label}: needs a whole-number key and active true or false.")
            continue
        try:
            routine = RoutineInput.model_validate(data)
            check_routine(routine, catalog=load_catalog())
        except ValidationError as error:
            messages = describe_errors(error, model=RoutineInput, labels={})
            problems.extend(f"{label}: {message}" for message in messages)
        except RoutineRejected as error:
            problems.extend(f"{label}: {problem}" for problem in error.problems)
        else:
            parsed_routines.append((key, routine, active))
    keys = {key for key, _routine, _active in parsed_routines}
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
