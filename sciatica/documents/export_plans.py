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
from sciatica.documents.import_rules import meaning_problems, one_message
from sciatica.exercises.models import Catalog
from sciatica.i18n import _
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


def _routine(
    data: dict[str, Any], *, key: int, active: bool, version: int, today: date, catalog: Catalog
) -> tuple[RoutineRecord, list[str]]:
    """One routine record and what is wrong with its meaning; raises ValidationError."""
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
    problems = meaning_problems(record, today=today, catalog=catalog)
    for items in (routine.items, record.current_items):
        try:
            check_routine(routine.model_copy(update={"items": items}), catalog=catalog)
        except RoutineRejected as error:
            problems.extend(error.problems)
    return record, problems


def parse_plans(
    routines: list[dict[str, Any]],
    sessions: list[dict[str, Any]],
    *,
    today: date,
    version: int,
    problems: list[str],
    catalog: Catalog,
) -> tuple[list[RoutineRecord], list[tuple[SessionInput, int | None]]]:
    """Validate routine and session records, adding one message per bad record to `problems`."""
    parsed_routines: list[RoutineRecord] = []
    keys: set[int] = set()
    keyless = False  # a routine without a usable key: sessions may point at it
    for index, record in enumerate(routines, start=1):
        data = dict(record)
        key, active = data.pop("key", None), data.pop("active", False)
        found: list[str] = []
        # type(), not isinstance: true and false are ints to Python, and no routine's key.
        if type(key) is not int or type(active) is not bool:
            keyless = keyless or type(key) is not int
            found.append(_("needs a whole-number key and active true or false"))
        elif key in keys:
            found.append(_("key {key} is used by another routine in the file").format(key=key))
        else:
            keys.add(key)
            try:
                parsed, found = _routine(
                    data, key=key, active=active, version=version, today=today, catalog=catalog
                )
            except ValidationError as error:
                found = describe_errors(error, model=RoutineInput, labels={})
            else:
                parsed_routines.append(parsed)
        if message := one_message(_("Routine {number}").format(number=index), found):
            problems.append(message)
    parsed_sessions: list[tuple[SessionInput, int | None]] = []
    for index, record in enumerate(sessions, start=1):
        session, routine_key, found = _session(
            record, keys=keys, today=today, catalog=catalog, keyless=keyless
        )
        if message := one_message(_("Session {number}").format(number=index), found):
            problems.append(message)
        elif session is not None:
            parsed_sessions.append((session, routine_key))
    return parsed_routines, parsed_sessions


def _session(
    record: dict[str, Any], *, keys: set[int], today: date, catalog: Catalog, keyless: bool
) -> tuple[SessionInput | None, int | None, list[str]]:
    """One session record, the key of its routine, and what is wrong with it.

    `keyless`: a routine in the file has no usable key, so a key that matches no routine may
    be meant for it; that routine's own message says what to mend.
    """
    data = dict(record)
    routine_key = data.pop("routine_key", None)
    if routine_key is not None and type(routine_key) is not int:
        return None, None, [_("its routine key must be a whole number, or null for no routine")]
    if routine_key is not None and routine_key not in keys and not keyless:
        missing = _("refers to routine {key}, which is not in the file")
        return None, None, [missing.format(key=routine_key)]
    try:
        session = SessionInput.model_validate(data, context={"today": today})
    except ValidationError as error:
        return None, None, describe_errors(error, model=SessionInput, labels=SESSION_LABELS)
    return session, routine_key, meaning_problems(session, today=today, catalog=catalog)
