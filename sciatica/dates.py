"""The user's calendar: "today" is the day where the user is, not where the server is."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def local_today(timezone: str | None, *, now: datetime | None = None) -> date:
    """Today's date in the named IANA time zone; the server's local date if unknown."""
    moment = now or datetime.now(UTC)
    if timezone:
        try:
            return moment.astimezone(ZoneInfo(timezone)).date()
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return moment.astimezone().date()


def relative_day(day: date, *, today: date) -> str:
    """'today', 'yesterday', a weekday within the last week, else '3 Nov' (with year if needed)."""
    delta = (today - day).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "yesterday"
    if 1 < delta < 7:
        return f"{day:%A}"
    if day.year == today.year:
        return f"{day.day} {day:%b}"
    return f"{day.day} {day:%b} {day.year}"
