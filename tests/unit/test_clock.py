from datetime import UTC, date, datetime

import pytest

from sciatica.dates import local_today, relative_day

# 23:30 in London on 24 November is already 25 November in Auckland and Tokyo.
LATE_EVENING_UTC = datetime(2026, 11, 24, 23, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        ("Europe/London", date(2026, 11, 24)),
        ("Pacific/Auckland", date(2026, 11, 25)),
        ("Asia/Tokyo", date(2026, 11, 25)),
        ("America/Los_Angeles", date(2026, 11, 24)),
    ],
)
def test_today_is_the_date_where_the_user_is(zone: str, expected: date) -> None:
    assert local_today(zone, now=LATE_EVENING_UTC) == expected


@pytest.mark.parametrize("zone", [None, "", "Not/AZone", "../../etc/passwd"])
def test_an_unknown_time_zone_falls_back_to_the_server_date(zone: str | None) -> None:
    assert local_today(zone, now=LATE_EVENING_UTC) == LATE_EVENING_UTC.astimezone().date()


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 11, 25), "today"),
        (date(2026, 11, 24), "yesterday"),
        (date(2026, 11, 23), "Monday"),
        (date(2026, 11, 19), "Thursday"),
        (date(2026, 11, 18), "18 Nov"),
        (date(2025, 11, 18), "18 Nov 2025"),
    ],
)
def test_days_are_named_the_way_people_speak(day: date, expected: str) -> None:
    assert relative_day(day, today=date(2026, 11, 25)) == expected
