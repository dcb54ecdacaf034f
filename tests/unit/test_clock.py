"""The one clock: "today" is the day where the person is, not where the server is."""

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine

from sciatica import clock, i18n
from tests.factories import days_ago

# 23:30 in London on 24 November is already 25 November in Auckland and Tokyo.
LATE_EVENING_UTC = datetime(2026, 11, 24, 23, 30, tzinfo=UTC)
ZONES = [
    ("Europe/London", date(2026, 11, 24)),
    ("Pacific/Auckland", date(2026, 11, 25)),
    ("Asia/Tokyo", date(2026, 11, 25)),
    ("America/Los_Angeles", date(2026, 11, 24)),
]
UNKNOWN_ZONES = [
    None,
    "",
    "Not/AZone",
    "../../etc/passwd",
    "A" * 300,  # ZoneInfo itself fails on it: "File name too long"
    "Europe/" + "x" * 250,
    "localtime",  # the server's own setting, not a place
]


@pytest.mark.parametrize(("zone", "expected"), ZONES)
def test_today_is_the_date_where_the_user_is(zone: str, expected: date) -> None:
    with time_machine.travel(LATE_EVENING_UTC, tick=False):
        assert clock.today(zone) == expected


@pytest.mark.parametrize(("zone", "expected"), ZONES)
def test_a_moment_falls_on_the_date_where_the_user_is(zone: str, expected: date) -> None:
    assert clock.day_at(LATE_EVENING_UTC, zone) == expected


@pytest.mark.parametrize("zone", UNKNOWN_ZONES)
def test_an_unknown_time_zone_falls_back_to_the_server_date(zone: str | None) -> None:
    assert clock.day_at(LATE_EVENING_UTC, zone) == LATE_EVENING_UTC.astimezone().date()
    with time_machine.travel(LATE_EVENING_UTC, tick=False):
        assert clock.today(zone) == LATE_EVENING_UTC.astimezone().date()


def test_new_years_eve_in_los_angeles_is_still_the_old_year_while_utc_is_in_the_new() -> None:
    with time_machine.travel(datetime(2028, 1, 1, 7, 30, tzinfo=UTC), tick=False):
        assert clock.now().date() == date(2028, 1, 1)
        assert clock.today("America/Los_Angeles") == date(2027, 12, 31)


def test_now_is_in_utc_and_today_is_the_day_it_falls_on_for_the_person(today: date) -> None:
    moment = clock.now()
    assert moment.utcoffset() == timedelta(0)
    assert clock.day_at(moment, None) == today


@pytest.mark.parametrize(
    ("said_on", "day", "expected"),
    [
        (date(2026, 11, 25), date(2026, 11, 25), "today"),
        (date(2026, 11, 25), date(2026, 11, 24), "yesterday"),
        (date(2026, 11, 25), date(2026, 11, 23), "Monday"),
        (date(2026, 11, 25), date(2026, 11, 19), "Thursday"),
        (date(2026, 11, 25), date(2026, 11, 18), "18 Nov"),
        (date(2026, 11, 25), date(2025, 11, 18), "18 Nov 2025"),
        # Across a year end and a leap day, the way the awkward clocks of the suite fall.
        (date(2028, 1, 1), date(2027, 12, 31), "yesterday"),
        (date(2028, 1, 1), date(2027, 12, 26), "Sunday"),
        (date(2028, 1, 1), date(2027, 12, 25), "25 Dec 2027"),
        (date(2028, 3, 1), date(2028, 2, 29), "yesterday"),
        (date(2028, 2, 29), date(2028, 2, 23), "Wednesday"),
        (date(2028, 2, 29), date(2028, 2, 22), "22 Feb"),
    ],
)
def test_days_are_named_the_way_people_speak(said_on: date, day: date, expected: str) -> None:
    assert clock.relative_day(day, today=said_on) == expected


def test_days_are_named_relative_to_the_persons_today_on_any_date(today: date) -> None:
    assert clock.relative_day(today, today=today) == "today"
    assert clock.relative_day(days_ago(1), today=today) == "yesterday"
    for days in range(2, 7):
        day = days_ago(days)
        assert clock.relative_day(day, today=today) == f"{day:%A}"
    week_ago = days_ago(7)
    year = "" if week_ago.year == today.year else f" {week_ago.year}"
    # British English abbreviates September "Sept", as Babel (CLDR) writes it.
    month = i18n.format_date(week_ago, "MMM", language="en")
    assert clock.relative_day(week_ago, today=today) == f"{week_ago.day} {month}{year}"


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 11, 25), "i dag"),
        (date(2026, 11, 24), "i går"),
        (date(2026, 11, 23), "måndag"),
        (date(2026, 11, 18), "18 nov."),
        (date(2025, 11, 18), "18 nov. 2025"),
    ],
)
def test_days_are_named_in_swedish_the_way_people_speak_it(day: date, expected: str) -> None:
    with i18n.use("sv"):
        assert clock.relative_day(day, today=date(2026, 11, 25)) == expected


@pytest.mark.parametrize(
    ("day", "days", "expected"),
    [
        (date(2028, 2, 28), 1, date(2028, 2, 29)),
        (date(2027, 12, 31), 1, date(2028, 1, 1)),
        (date(2027, 1, 1), -7, date(2026, 12, 25)),
        (date.max, 1, date.max),
        (date(9999, 12, 25), 7, date.max),
        (date.min, -1, date.min),
        (date(1, 1, 3), -7, date.min),
    ],
)
def test_a_day_shift_holds_at_the_ends_of_the_calendar(
    day: date, days: int, expected: date
) -> None:
    assert clock.shift(day, days) == expected
