"""The one clock: every "now" and "today" in the app is read here, and nowhere else.

Services take `today=` or `now=` as arguments; only the edges (pages through `sciatica.ui`, the
command line, the store's timestamps) ask this module. Tests move it with time-machine
(tests/conftest.py), which is why nothing may read `datetime.now()` or `date.today()` directly
(tests/unit/test_one_clock.py) or compute a date when a module is imported.

"Today" is the day where the person is, not where the server is: a check-in at 23:30 in
Los Angeles on 31 December belongs to that year, although the server's UTC clock says January.
"""

from __future__ import annotations

import functools
import time
from datetime import UTC, date, datetime, timedelta, tzinfo
from datetime import time as time_of_day
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from sciatica import i18n
from sciatica.i18n import _


def now() -> datetime:
    """This moment, in UTC (every stored timestamp is UTC)."""
    return datetime.now(UTC)


def today(timezone: str | None) -> date:
    """Today's date in the named IANA time zone; the server's local date if unknown."""
    return day_at(now(), timezone)


def day_at(moment: datetime, timezone: str | None) -> date:
    """The calendar day a moment falls on in the named time zone (the server's if unknown)."""
    return local(moment, timezone).date()


def local(moment: datetime, timezone: str | None) -> datetime:
    """The moment as the wall clock shows it in the named time zone (the server's if unknown)."""
    zone = _zone(timezone)
    return moment.astimezone(zone) if zone is not None else moment.astimezone()


def moment_at(day: date, wall: time_of_day, timezone: str | None) -> datetime:
    """The moment (in UTC) a wall-clock time on a day names in the zone (the server's if unknown).

    A time skipped or repeated by a clock change is read as the clocks showed it before the change
    (`fold=0`), as zoneinfo does.
    """
    naive = datetime.combine(day, wall.replace(tzinfo=None))
    zone = _zone(timezone)
    placed = naive.replace(tzinfo=zone) if zone is not None else naive.astimezone()
    return placed.astimezone(UTC)


# The longest IANA name is 32 characters (America/Argentina/ComodRivadavia); a browser or a
# setting may send anything, and ZoneInfo fails on a long one with an OSError of its own.
MAX_ZONE_NAME_CHARS = 64


def known_zone(name: object) -> str | None:
    """`name` if it is an IANA time zone this computer knows ('Europe/Stockholm'), else None."""
    if not isinstance(name, str) or not 0 < len(name) <= MAX_ZONE_NAME_CHARS:
        return None
    return name if name in _available_zones() else None


# Files in the zone folder that are no place's zone: the server's own setting and tzdata's
# placeholders.
_NOT_PLACES = frozenset({"localtime", "posixrules", "Factory"})


@functools.cache
def _available_zones() -> frozenset[str]:
    return frozenset(available_timezones()) - _NOT_PLACES


def _zone(timezone: str | None) -> tzinfo | None:
    if known_zone(timezone):
        try:
            return ZoneInfo(str(timezone))
        except (ZoneInfoNotFoundError, ValueError, OSError):
            pass
    return None


def ticks() -> float:
    """Seconds on a clock that never jumps (for countdowns); only differences mean anything."""
    return time.monotonic()


def relative_day(day: date, *, today: date) -> str:
    """'today', 'yesterday', a weekday within the last week, else '3 Nov' (with year if needed).

    In the current language: 'i dag', 'i går', 'måndag', '3 nov.'.
    """
    delta = (today - day).days
    if delta == 0:
        return _("today")
    if delta == 1:
        return _("yesterday")
    if 1 < delta < 7:
        return i18n.weekday_name(day.weekday())
    if day.year == today.year:
        return i18n.format_date(day, "d MMM")
    return i18n.format_date(day, "d MMM y")


def day_in_sentence(day: date, *, today: date) -> str:
    """When something happened, as a sentence says it: 'yesterday', 'on Thursday', 'on 26 November'.

    In Swedish idiom: 'i går', 'i förrgår', 'i torsdags', 'den 26 november'. The month is
    written out, so a sentence that ends with the day never ends in two full stops ("nov..").
    """
    delta = (today - day).days
    if delta == 0:
        return _("today")
    if delta == 1:
        return _("yesterday")
    if delta == 2:
        return _("the day before yesterday")
    if 2 < delta < 7:
        return _("on {weekday}").format(weekday=i18n.weekday_name(day.weekday()))
    written = i18n.format_date(day, "d MMMM" if day.year == today.year else "d MMMM y")
    return _("on {date}").format(date=written)


def shift(day: date, days: int) -> date:
    """The day `days` later (earlier when negative), held at the calendar's first or last day.

    Dates read back from a diary can be anything Python holds, 1 January of year 1 included;
    arithmetic on them must not fail on the page, and no real diary reaches either end.
    """
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min
