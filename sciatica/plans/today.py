"""Today's plan: what the routine asks of today, as one view for the Today and Session pages.

One of four answers, each with its sentence: no routine yet, a rest day (and when the next
session is), today's session already logged, or today's exercises at their current doses.
Walking and other aerobic exercise is for every day (CLINICAL.md 3), so a rest day lists it
too. The pages choose only how to show it and what to offer (a link to start, or the Start
button).

A planned day is eased (`easing`) when today's check-in has high or far-reaching leg pain, or
the last two sessions were red: the easiest gentle version of each exercise, with the sentence
that says why. The About-me cautions on the day's exercises travel with it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sciatica import i18n
from sciatica.diary.models import AboutMe
from sciatica.exercises.filters import high_pain_why
from sciatica.exercises.models import Catalog
from sciatica.i18n import N_, _
from sciatica.plans.classify import Colour
from sciatica.plans.easing import Caution, about_me_allows, cautions, eased, eased_reason
from sciatica.plans.models import Routine, RoutineInput, RoutineItem
from sciatica.plans.ports import PlanDiary
from sciatica.plans.routine import (
    PlannedSession,
    daily_items,
    describe_item,
    first_session_day,
    next_session_day,
    session_any_day,
    session_for_day,
)
from sciatica.plans.sessions import classified_sessions

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
    eased: str = ""  # why today's session is eased (high leg pain, two reds), if it is
    left_out: tuple[str, ...] = ()  # exercises with no gentle version, left out when eased
    cautions: tuple[Caution, ...] = ()  # About-me cautions on today's exercises
    paused: bool = False  # the last two sessions were red: building up is paused
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


def todays_plan(store: PlanDiary, *, user_id: str, catalog: Catalog, today: date) -> TodaysPlan:
    """Today's plan for one person, from their active routine and the sessions logged today.

    Eased for today's leg pain or after two reds in a row; About me's cautions attached.
    """
    routine = store.active_routine(user_id=user_id)
    if routine is None:
        return plan_for_day(None, catalog=catalog, today=today, logged=False)
    logged = bool(store.sessions_between(user_id=user_id, start=today, end=today))
    checked = store.check_ins_between(user_id=user_id, start=today, end=today)
    history = classified_sessions(store, user_id=user_id, today=today, limit=2)
    reds = history[-2:] if len(history) > 1 else []
    return plan_for_day(
        routine,
        catalog=catalog,
        today=today,
        logged=logged,
        about_me=store.get_about_me(user_id=user_id),
        high_pain=(
            high_pain_why(leg_pain=checked[-1].leg_pain, extent=checked[-1].extent)
            if checked
            else None
        ),
        paused=(
            reds[-1].classification.reasons[0]
            if reds and all(s.colour is Colour.RED for s in reds)
            else None
        ),
    )


def plan_for_day(
    routine: Routine | None,
    *,
    catalog: Catalog,
    today: date,
    logged: bool,
    about_me: AboutMe | None = None,
    high_pain: str | None = None,
    paused: str | None = None,
) -> TodaysPlan:
    """What a routine asks of a day at its current doses, given whether a session is logged.

    `high_pain` quotes what in today's check-in calls for an eased session, `paused` the reason
    the last of two red sessions in a row was red; either eases the day's session.
    """
    if routine is None:
        return TodaysPlan(PlanStatus.NO_ROUTINE, _(NO_ROUTINE))
    followed = routine.followed()
    session = session_for_day(followed, catalog=catalog, day=today)
    why = ""
    left_out: tuple[str, ...] = ()

    def shaped(planned: PlannedSession) -> PlannedSession:
        """The session eased for today's leg pain or two reds, if either calls for it."""
        nonlocal why, left_out
        if high_pain is None and paused is None:
            return planned
        why = eased_reason(high_pain=high_pain, paused=paused)
        allowed = about_me_allows(about_me, today=today)
        planned, left_out = eased(planned, catalog=catalog, allowed=allowed)
        return planned

    if session is None:
        daily = tuple(
            _dose_line(exercise.name, item)
            for item, exercise in daily_items(followed, catalog=catalog, day=today)
        )
        extra = session_any_day(followed, catalog=catalog, day=today)
        if logged and extra is not None:  # a session done on a rest day: done, as any other
            return TodaysPlan(PlanStatus.DONE, _(DONE), (), routine, extra, daily)
        note = _rest_day_wording(routine, today=today)
        offered = shaped(extra) if extra is not None else None
        return TodaysPlan(
            PlanStatus.REST_DAY,
            note,
            (),
            routine,
            daily=daily,
            offered=offered,
            eased=why,
            left_out=left_out,
            cautions=_cautions(offered, catalog=catalog, about_me=about_me, today=today),
            paused=paused is not None,
        )
    if logged:
        return TodaysPlan(PlanStatus.DONE, _(DONE), (), routine, session)
    session = shaped(session)
    return TodaysPlan(
        PlanStatus.PLANNED,
        _("Today: {name}"),
        tuple(_dose_line(exercise.name, item) for item, exercise in session.items),
        routine,
        session,
        eased=why,
        left_out=left_out,
        cautions=_cautions(session, catalog=catalog, about_me=about_me, today=today),
        paused=paused is not None,
    )


def _cautions(
    session: PlannedSession | None, *, catalog: Catalog, about_me: AboutMe | None, today: date
) -> tuple[Caution, ...]:
    if session is None:
        return ()
    return cautions(session, catalog=catalog, about_me=about_me, today=today)


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
