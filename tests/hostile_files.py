"""Import files no import may take: a valid export with one thing wrong in each.

Each comes with the one message that must refuse it; the command line, My data and the
parsers are all tested against the same files (tests/integration/test_hostile_imports.py,
tests/app/test_my_data_refuses_hostile_files.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from sciatica.diary.models import AboutMe
from sciatica.exercises.catalog import load_catalog
from sciatica.i18n import format_date
from sciatica.plans.models import Change, Step
from sciatica.plans.routine import template
from tests.factories import check_in_data, days_ago


def valid_export() -> dict[str, Any]:
    """A small, valid version 3 export: a check-in, a routine with a history, a session, About
    me and a sign seen about. Each hostile file below is this with one thing wrong."""
    routine = template("Starter routine", catalog=load_catalog(), start=days_ago(21))
    record = routine.model_dump(mode="json")
    record["days"] = sorted(record["days"])
    change = Change(day=days_ago(7), step=Step.KEEP, sentence="Keep this dose.", accepted=True)
    return {
        "format": "sciatica-export",
        "version": 3,
        "exported_at": f"{days_ago(0)}T00:00:00+00:00",
        "country": None,
        "check_ins": [
            json.loads(json.dumps(check_in_data(day=days_ago(1)), default=str)),
        ],
        "routines": [
            {
                "key": 1,
                "active": True,
                **record,
                "current_items": record["items"],
                "history": [change.model_dump(mode="json")],
            }
        ],
        "sessions": [
            {
                "routine_key": 1,
                "day": str(days_ago(2)),
                "pain_before": 2,
                "worst_during": 3,
                "pain_after": 2,
                "leg_response": "same",
                "new_numbness_or_weakness": False,
                "outcomes": {record["items"][0]["exercise_id"]: "done"},
                "notes": "",
            }
        ],
        "about_me": AboutMe(answered_on=days_ago(30)).model_dump(mode="json"),
        "signs_seen": [
            {"flag_id": "bowel", "sign_day": str(days_ago(9)), "seen_on": str(days_ago(8))}
        ],
    }


def _changed(change: Callable[[dict[str, Any]], None]) -> bytes:
    document = valid_export()
    change(document)
    return json.dumps(document, indent=2).encode()


def _deeply_nested() -> bytes:
    text = json.dumps(valid_export())
    levels = 100_000
    return text.replace(
        '"check_ins": [', '"check_ins": [' + "[" * levels + "]" * levels + ", ", 1
    ).encode()


def _long_number() -> bytes:
    document = valid_export()
    document["check_ins"][0]["leg_pain"] = 0
    text = json.dumps(document, indent=2)
    return text.replace('"leg_pain": 0', '"leg_pain": ' + "9" * 5000, 1).encode()


def _set(path: str, value: object) -> Callable[[dict[str, Any]], None]:
    """A change to a valid export: the value at a dotted path ("sessions.0.day") replaced."""

    def change(document: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = document
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[int(last) if last.isdigit() else last] = value

    return change


def _tomorrow() -> str:
    return str(days_ago(-1))


def _two_days_ago() -> str:
    """The day of `_flares_on_one_day`, as a message names it: '04 Dec 2026'."""
    return format_date(days_ago(2), "dd MMM y")


def _flare(day: str, at: str) -> Callable[[dict[str, Any]], None]:
    """A change to a valid export: version 4, holding one flare-up on `day` at the moment `at`."""

    def change(document: dict[str, Any]) -> None:
        document["version"] = 4
        document["flares"] = [{"day": day, "at": at, "leg_pain": 6, "triggers": ["sitting"]}]

    return change


def _flares_on_one_day(count: int) -> Callable[[dict[str, Any]], None]:
    """A change to a valid export: version 4, with `count` flare-ups on the day before yesterday."""
    day = days_ago(2)

    def change(document: dict[str, Any]) -> None:
        document["version"] = 4
        document["flares"] = [
            {"day": str(day), "at": f"{day}T12:00:{n % 60:02d}Z", "leg_pain": n % 11}
            for n in range(count)
        ]

    return change


UNKNOWN = "not-an-exercise"
FIRST = "01 January 2000"
# Each file no import may take, and the one message that must say why. Built when called, by
# the test clock, since some dates are tomorrow.
_HOSTILE: dict[str, Callable[[], tuple[bytes, str]]] = {
    "session in year 1": lambda: (
        _changed(_set("sessions.0.day", "0001-01-01")),
        "Session 1: date 0001-01-01 is before 01 January 2000.",
    ),
    "routine starting at Christmas 9999": lambda: (
        _changed(_set("routines.0.start_date", "9999-12-25")),
        "Routine 1: start date 9999-12-25 is more than a year after today.",
    ),
    "100,000 levels of nesting": lambda: (
        _deeply_nested(),
        "The file nests its values more than 16 levels deep; an export uses 16 at most.",
    ),
    "a 5,000-digit number": lambda: (
        _long_number(),
        "The file holds a number 5,000 characters long (line 9); no value in an export is "
        "longer than 18 digits.",
    ),
    "a list as a routine key": lambda: (
        _changed(_set("sessions.0.routine_key", [1])),
        "Session 1: its routine key must be a whole number, or null for no routine.",
    ),
    "true as a routine's key": lambda: (
        _changed(_set("routines.0.key", True)),
        "Routine 1: needs a whole-number key and active true or false.",
    ),
    "an exercise not in the catalogue": lambda: (
        _changed(_set("routines.0.current_items.0.exercise_id", UNKNOWN)),
        f"Routine 1: unknown exercise '{UNKNOWN}'.",
    ),
    "an outcome for an exercise not in the catalogue": lambda: (
        _changed(_set("sessions.0.outcomes", {UNKNOWN: "done"})),
        f"Session 1: unknown exercise '{UNKNOWN}'.",
    ),
    "a check-in tomorrow": lambda: (
        _changed(_set("check_ins.0.day", _tomorrow())),
        f"Check-in 1 ({_tomorrow()}): Date: cannot be in the future.",
    ),
    "a session tomorrow": lambda: (
        _changed(_set("sessions.0.day", _tomorrow())),
        "Session 1: Date: cannot be in the future.",
    ),
    "a change in a routine's history tomorrow": lambda: (
        _changed(_set("routines.0.history.0.day", _tomorrow())),
        f"Routine 1: change 1 in its history: date {_tomorrow()} is in the future.",
    ),
    "seen about a sign tomorrow": lambda: (
        _changed(_set("signs_seen.0.seen_on", _tomorrow())),
        f"Seen about 1: day seen {_tomorrow()} is in the future.",
    ),
    "About me answered in year 1": lambda: (
        _changed(_set("about_me.answered_on", "0001-01-01")),
        "About me: date About me was answered 0001-01-01 is before 01 January 2000.",
    ),
    "a flare-up at the first moment of year 1": lambda: (
        _changed(_flare("0001-01-01", "0001-01-01T00:00:00Z")),
        f"Flare-up 1 (0001-01-01): Date: must be on or after {FIRST}; Time: must be between "
        f"{FIRST} and today.",
    ),
    "a flare-up at 00:30 on 1 January of year 1 in UTC+14": lambda: (
        _changed(_flare("0001-01-01", "0001-01-01T00:30:00+14:00")),
        f"Flare-up 1 (0001-01-01): Date: must be on or after {FIRST}; Time: must be between "
        f"{FIRST} and today.",
    ),
    "a flare-up at the last moment of 9999": lambda: (
        _changed(_flare("9999-12-31", "9999-12-31T23:59:59Z")),
        f"Flare-up 1 (9999-12-31): Time: must be between {FIRST} and today.",
    ),
    "a flare-up at the last moment of 9999 in UTC-12": lambda: (
        _changed(_flare("9999-12-31", "9999-12-31T23:59:59-12:00")),
        f"Flare-up 1 (9999-12-31): Time: must be between {FIRST} and today.",
    ),
    "a flare-up on 31 December 1999": lambda: (
        _changed(_flare("1999-12-31", "1999-12-31T12:00:00Z")),
        f"Flare-up 1 (1999-12-31): Date: must be on or after {FIRST}.",
    ),
    "a flare-up tomorrow": lambda: (
        _changed(_flare(_tomorrow(), f"{_tomorrow()}T23:59:59Z")),
        f"Flare-up 1 ({_tomorrow()}): Time: cannot be in the future.",
    ),
    "1,000 flare-ups on one day": lambda: (
        _changed(_flares_on_one_day(1000)),
        f"Flare-ups of {_two_days_ago()}: 1,000 in one day; at most 50 a day.",
    ),
    "exported in 9999": lambda: (
        _changed(_set("exported_at", "9999-12-25T00:00:00Z")),
        "File: export date 9999-12-25 is in the future.",
    ),
}
HOSTILE_FILES = tuple(_HOSTILE)


def hostile_file(name: str) -> tuple[bytes, str]:
    """One of HOSTILE_FILES: its bytes and the message that must refuse it."""
    return _HOSTILE[name]()
