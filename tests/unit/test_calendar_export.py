from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from icalendar import Calendar

from sciatica.documents.calendar import routine_calendar
from sciatica.exercises.catalog import load_catalog
from sciatica.plans.models import Routine, Weekday
from sciatica.plans.routine import first_session_day, template
from sciatica.plans.today import rest_day_note

CATALOG = load_catalog()
MONDAY = date(2026, 11, 23)
STAMP = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)


def make_routine(**overrides: Any) -> Routine:
    base = template("Starter routine", catalog=CATALOG, start=MONDAY)
    data = base.model_dump() | {
        "current_items": base.items,
        "id": 7,
        "user_id": "local",
        "active": True,
        "created_at": STAMP,
        "updated_at": STAMP,
    }
    return Routine.model_validate(data | overrides)


def parsed_event(routine: Routine) -> Any:
    calendar = Calendar.from_ical(routine_calendar(routine, catalog=CATALOG))
    (event,) = calendar.walk("VEVENT")
    return event


def test_the_calendar_repeats_weekly_on_the_training_days_with_no_end() -> None:
    event = parsed_event(make_routine())
    rule = event["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"]
    assert rule["BYDAY"] == ["MO", "WE", "FR"]
    assert "UNTIL" not in rule  # followed until the person changes it
    assert "COUNT" not in rule


def test_the_event_starts_at_six_in_the_evening_floating_on_the_first_training_day() -> None:
    event = parsed_event(make_routine(start_date=MONDAY + timedelta(days=1)))  # a Tuesday
    start = event.decoded("DTSTART")
    assert start == datetime(2026, 11, 25, 18, 0)  # the Wednesday after
    assert start.tzinfo is None
    assert event.decoded("DTEND") - start == timedelta(minutes=30)


def test_summary_names_the_routine_and_the_description_lists_each_exercise_at_its_dose_now() -> (
    None
):
    base = make_routine()
    knee = base.items[0].model_copy(update={"hold_seconds": 25})
    routine = make_routine(name="Evening stretches", current_items=(knee, *base.items[1:]))
    event = parsed_event(routine)
    assert str(event["SUMMARY"]) == "Sciatica exercises: Evening stretches"
    description = str(event["DESCRIPTION"])
    for item in base.items:
        assert CATALOG.by_id[item.exercise_id].name in description
    assert "Knee-to-chest stretch: Hold 25 s, 3 times per side" in description
    assert "build up only after good sessions" in description
    assert "week" not in description.lower()  # no schedule of doses any more
    assert "Stop any exercise that increases your pain" in description


def test_the_uid_is_stable_per_routine_and_differs_between_routines() -> None:
    first = parsed_event(make_routine())["UID"]
    assert parsed_event(make_routine(name="Renamed"))["UID"] == first
    assert parsed_event(make_routine(id=8))["UID"] != first
    assert parsed_event(make_routine(user_id="someone-else"))["UID"] != first


def test_the_same_routine_gives_the_same_bytes() -> None:
    routine = make_routine()
    assert routine_calendar(routine, catalog=CATALOG) == routine_calendar(routine, catalog=CATALOG)


def test_a_routine_on_weekends_only_uses_those_days() -> None:
    weekend = frozenset({Weekday.SAT, Weekday.SUN})
    event = parsed_event(make_routine(days=weekend))
    assert event["RRULE"]["BYDAY"] == ["SA", "SU"]
    assert event.decoded("DTSTART") == datetime(2026, 11, 28, 18, 0)
    assert first_session_day(make_routine(days=weekend)) == date(2026, 11, 28)


@pytest.mark.parametrize(
    ("today", "note"),
    [
        (date(2026, 11, 20), "“Starter routine” starts on Monday 23 November."),
        (
            date(2026, 11, 24),
            "Today is a rest day in “Starter routine”. Your next session is on "
            "Wednesday 25 November.",
        ),
        (
            date(2027, 1, 3),
            "Today is a rest day in “Starter routine”. Your next session is on Monday 4 January.",
        ),
    ],
)
def test_rest_day_note_says_when_the_next_session_is(today: date, note: str) -> None:
    assert rest_day_note(make_routine(), today=today) == note
