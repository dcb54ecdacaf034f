"""Test data builders: one place that knows what a typical check-in looks like.

Days default to today by the test clock (tests/conftest.py), so the same data is "today" on
any date the suite runs.
"""

from __future__ import annotations

import itertools
import json
from datetime import UTC, date, time, timedelta
from typing import Any

from sciatica import clock
from sciatica.diary.models import CheckInInput, FlareInput
from sciatica.exercises.catalog import load_catalog
from sciatica.plans.models import Routine, RoutineItem, Session, SessionInput
from sciatica.plans.routine import template


def today() -> date:
    """Today for the person, by the test clock."""
    return clock.today(None)


def exported_at() -> str:
    """When a test's export file says it was written: now, by the test clock, in UTC."""
    return clock.now().astimezone(UTC).isoformat()


def days_ago(days: int) -> date:
    """The day `days` before today (negative for days ahead)."""
    return today() - timedelta(days=days)


def check_in_data(**overrides: Any) -> dict[str, Any]:
    """Form data for a plausible check-in today, with any field overridden."""
    data: dict[str, Any] = {
        "day": today(),
        "leg_pain": 5,
        "back_pain": 3,
        "extent": "thigh",
        "side": "left",
        "walking_interference": 4,
        "sitting_interference": 5,
        "sleeping_interference": 3,
        "activity_minutes": 20,
        "medication": "",
        "notes": "",
        "red_flags": [],
    }
    data.update(overrides)
    return data


def make_check_in(**overrides: Any) -> CheckInInput:
    """A valid check-in, with any field overridden."""
    return CheckInInput.model_validate(check_in_data(**overrides), context={"today": today()})


def flare_data(*, days_back: int = 0, wall: time | None = None, **overrides: Any) -> dict[str, Any]:
    """A flare-up `days_back` days ago (leg pain 7 after sitting), now or at a wall-clock time.

    The time is read in the server's zone, the person's zone in tests; "now" is never ahead.
    An `at` among the overrides replaces both.
    """
    day = days_ago(days_back)
    moment = clock.now() if wall is None and days_back == 0 else None
    when = moment or clock.moment_at(day, wall or time(12, 0), None)
    data: dict[str, Any] = {
        "day": day,
        "at": when,
        "leg_pain": 7,
        "back_pain": None,
        "triggers": ("sitting",),
        "helped": (),
        "note": "",
    }
    data.update(overrides)
    return data


def make_flare(**overrides: Any) -> FlareInput:
    """A valid flare-up (see `flare_data`), with any field overridden."""
    return FlareInput.model_validate(flare_data(**overrides))


_ids = itertools.count(1)


def session_data(**overrides: Any) -> dict[str, Any]:
    """Form data for a gentle session today (leg pain 2 before, during and after)."""
    data: dict[str, Any] = {"day": today(), "pain_before": 2, "worst_during": 2, "pain_after": 2}
    data.update(overrides)
    return data


def make_session_input(**overrides: Any) -> SessionInput:
    """A valid session as the log submits it, with any field overridden."""
    return SessionInput.model_validate(session_data(**overrides), context={"today": today()})


def make_session(**overrides: Any) -> Session:
    """A stored session with an id of its own, with any field overridden."""
    stored = {"id": next(_ids), "user_id": "local", "created_at": clock.now()}
    data = session_data(**overrides)
    return Session.model_validate(stored | data, context={"today": today()})


def make_routine(
    name: str = "Starter routine",
    *,
    start: date | None = None,
    current: tuple[RoutineItem, ...] | None = None,
    **overrides: Any,
) -> Routine:
    """A stored routine from a template, at its entry doses unless `current` says otherwise."""
    base = template(name, catalog=load_catalog(), start=start or days_ago(21))
    stamp = clock.now()
    data = base.model_dump() | {
        "id": 7,
        "user_id": "local",
        "active": True,
        "current_items": current if current is not None else base.items,
        "created_at": stamp,
        "updated_at": stamp,
    }
    return Routine.model_validate(data | overrides)


def version_two_export(*, red: bool, name: str = "Gentle routine") -> str:
    """A version 2 file: a routine begun three weeks ago, followed Mon/Wed/Fri since.

    Every session is red (pain 7 after, spreading down the leg) or green with a good next
    morning, and every day has a check-in.
    """
    start = days_ago(21)
    routine = template(name, catalog=load_catalog(), start=start).model_dump(mode="json")
    routine["days"] = sorted(routine["days"])
    record = {"key": 1, "active": True, **routine, "weeks": 4}
    sessions, check_ins = [], []
    for offset in range(21, -1, -1):
        day = days_ago(offset)
        check_ins.append(check_in_data(day=day, leg_pain=2))
        if day.weekday() in (0, 2, 4) and offset >= 1:
            pains = (3, 5, 7) if red else (2, 2, 2)
            sessions.append(
                {
                    "routine_key": 1,
                    "day": str(day),
                    "pain_before": pains[0],
                    "worst_during": pains[1],
                    "pain_after": pains[2],
                    "leg_response": "down" if red else "same",
                    "new_numbness_or_weakness": False,
                    "outcomes": {},
                    "notes": "",
                }
            )
    return json.dumps(
        {
            "format": "sciatica-export",
            "version": 2,
            "exported_at": exported_at(),
            "check_ins": json.loads(json.dumps(check_ins, default=str)),
            "routines": [record],
            "sessions": sessions,
        }
    )
