"""A routine's training days as an iCalendar (.ics) file: one event that repeats weekly.

The description lists the current doses; it says they change in the app, not on a schedule.
The event's words are in the language asked for (the current one unless given), marked with
it as RFC 5545 allows (LANGUAGE=sv) and saying so in the description; the routine's name is the
person's own.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, time, timedelta

from icalendar import Calendar, Event

from sciatica import i18n
from sciatica.documents.language import language_line
from sciatica.exercises.models import Catalog
from sciatica.i18n import Language, _
from sciatica.plans import routine as routine_schedule
from sciatica.plans.models import Routine
from sciatica.plans.routine import describe_item

# Early evening suits most people; floating time (no zone) keeps it at 18:00 wherever they are.
SESSION_TIME = time(18, 0)
SESSION_MINUTES = 30
ICAL_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
PRODUCT_ID = "-//sciatica//Sciatica diary routine//{language}"  # the language of its text


def event_uid(routine: Routine) -> str:
    """The same id for the same routine every time, so importing it again updates the event."""
    owner = hashlib.sha256(routine.user_id.encode()).hexdigest()[:12]
    return f"routine-{routine.id}-{owner}@sciatica-diary"


def describe_plan(routine: Routine, *, catalog: Catalog) -> str:
    """The event's description: each exercise at its current dose, and how doses change."""
    lines = [_("{name}, at your doses when this file was made:").format(name=routine.name)]
    for item in routine.current_items:
        exercise = catalog.by_id.get(item.exercise_id)
        if exercise is not None:
            lines.append(f"- {exercise.name}: {describe_item(item)}")
    lines.append(
        _(
            "Doses change in the app: they build up only after good sessions and step back when "
            "your leg says so. The app shows today's doses."
        )
    )
    lines.append(_("Stop any exercise that increases your pain; do not push through pain."))
    lines.append(language_line())
    return "\n".join(lines)


def routine_calendar(
    routine: Routine, *, catalog: Catalog, language: Language | None = None
) -> bytes:
    """The routine as .ics bytes: 18:00 on each training day, every week from its first.

    In `language`, the current one unless given; `catalog` should be in it too.
    """
    language = language or i18n.current()
    first = routine_schedule.first_session_day(routine) or routine.start_date
    start = datetime.combine(first, SESSION_TIME)
    event = Event()
    event.add("uid", event_uid(routine))
    event.add("dtstamp", routine.updated_at)
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=SESSION_MINUTES))
    # No end: a routine is followed until the person changes it.
    days = [ICAL_DAYS[day] for day in sorted(routine.days)]
    event.add("rrule", {"freq": "weekly", "byday": days})
    marked: dict[str, str] = {"LANGUAGE": language}
    with i18n.use(language):
        summary = _("Sciatica exercises: {name}").format(name=routine.name)
        event.add("summary", summary, parameters=marked)
        event.add("description", describe_plan(routine, catalog=catalog), parameters=marked)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID.format(language=language.upper()))
    calendar.add("version", "2.0")
    calendar.add_component(event)
    return bytes(calendar.to_ical())
