"""Today's plan: what the routine asks of today, as one view for the Today and Session pages.

One of four answers, each with its sentence: no routine yet, a rest day (and when the next
session is), today's session already logged, or today's exercises at their current doses.
Walking and other aerobic exercise is for every day (CLINICAL.md 3), so a rest day lists it
too. The pages choose only how to show it and what to offer (a link to start, or the Start
button).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sciatica import i18n
from sciatica.exercises.models import Catalog
from sciatica.i18n import N_, _
from sciatica.plans.models import Routine, RoutineInput, RoutineItem
from sciatica.plans.routine import (
    PlannedSession,
    daily_items,
    describe_item,
    first_session_day,
    next_session_day,
    session_any_day,
    session_for_day,
)
from sciatica.storage.store import Store

NO_ROUTINE = N_("You have no routine to follow yet. Build one to see each day's exercises here.")
DONE = N_("You have done today's session. Well done.")
EVERY_DAY = N_("For every day, rest days too:")


class PlanStatus(StrEnum):
    """Which of the four answers today's plan is."""

    NO_ROUTINE = "no_routine"
    REST_DAY = "rest_day"
    DONE = "done"
    PLANNED = "planned"


@dataclass(frozen=True, slots=True)
class TodaysPlan:
    """Today's answer and its sentence; for a planned day, a heading and one line per exercise."""

    status: PlanStatus
    # The sentence to show (for a planned day, the heading above the exercises), in the
    # language of the run that made it, with {name} where the routine's name goes: a page shows
    # the name as text (`message_naming`).
    wording: str
    exercises: tuple[str, ...] = ()  # "Clamshell: 10 times per side", at its current dose
    routine: Routine | None = None
    session: PlannedSession | None = None  # the planned session, also once it is logged
    daily: tuple[str, ...] = ()  # on a rest day, what is for every day (walking)
    offered: PlannedSession | None = None  # on a rest day, the session to do all the same

    @property
    def to_do(self) -> PlannedSession | None:
        """The session a guided run follows: the day's planned one, or on a rest day the offer."""
        return self.session or self.offered

    @property
    def message(self) -> str:
        """The sentence, with the routine's name as the person typed it."""
        return self.message_naming(str)

    def message_naming(self, name: Callable[[str], str]) -> str:
        """The sentence, with the routine's name as `name` makes it (escaped for markdown, say)."""
        return self.wording.format(name=name(self.routine.name) if self.routine else "")


def todays_plan(store: Store, *, user_id: str, catalog: Catalog, today: date) -> TodaysPlan:
    """Today's plan for one person, from their active routine and the sessions logged today."""
    routine = store.active_routine(user_id=user_id)
    logged = routine is not None and bool(
        store.sessions_between(user_id=user_id, start=today, end=today)
    )
    return plan_for_day(routine, catalog=catalog, today=today, logged=logged)


def plan_for_day(
    routine: Routine | None, *, catalog: Catalog, today: date, logged: bool
) -> TodaysPlan:
    """What a routine asks of a day at its current doses, given whether a session is logged."""
    if routine is None:
        return TodaysPlan(PlanStatus.NO_ROUTINE, _(NO_ROUTINE))
    followed = routine.followed()
    session = session_for_day(followed, catalog=catalog, day=today)
    if session is None:
        daily = tuple(
            _dose_line(exercise.name, item)
            for item, exercise in daily_items(followed, catalog=catalog, day=today)
        )
        extra = session_any_day(followed, catalog=catalog, day=today)
        if logged and extra is not None:  # a session done on a rest day: done, as any other
            return TodaysPlan(PlanStatus.DONE, _(DONE), (), routine, extra, daily)
        note = _rest_day_wording(routine, today=today)
        return TodaysPlan(PlanStatus.REST_DAY, note, (), routine, daily=daily, offered=extra)
    if logged:
        return TodaysPlan(PlanStatus.DONE, _(DONE), (), routine, session)
    return TodaysPlan(
        PlanStatus.PLANNED,
        _("Today: {name}"),
        tuple(_dose_line(exercise.name, item) for item, exercise in session.items),
        routine,
        session,
    )


def _dose_line(name: str, item: RoutineItem) -> str:
    return _("{exercise}: {dose}").format(exercise=name, dose=describe_item(item))


def rest_day_note(routine: RoutineInput, *, today: date) -> str:
    """For a day without a session: when the routine starts, or its next session day."""
    return _rest_day_wording(routine, today=today).format(name=routine.name)


def _rest_day_wording(routine: RoutineInput, *, today: date) -> str:
    """The rest-day note with {name} for the routine's name."""
    if today < routine.start_date:
        first = first_session_day(routine) or routine.start_date
        return _("“{name}” starts on {day}.").format(name="{name}", day=i18n.format_day(first))
    upcoming = next_session_day(routine, after=today)
    if upcoming is None:
        return _("Today is a rest day in “{name}”.")
    wording = _("Today is a rest day in “{name}”. Your next session is on {day}.")
    return wording.format(name="{name}", day=i18n.format_day(upcoming))  # {name} stays
