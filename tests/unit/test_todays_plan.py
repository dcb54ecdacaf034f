"""Today's plan, as the Today and Session pages both show it, for every kind of day."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from sciatica.exercises.catalog import load_catalog
from sciatica.plans.models import Routine
from sciatica.plans.routine import session_for_day, template
from sciatica.plans.today import DONE, NO_ROUTINE, PlanStatus, plan_for_day, rest_day_note

CATALOG = load_catalog()
MONDAY = date(2026, 11, 23)  # the routine's first day; Mon, Wed and Fri
TUESDAY, WEDNESDAY = MONDAY + timedelta(days=1), MONDAY + timedelta(days=2)
STAMP = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)


def make_routine(**overrides: Any) -> Routine:
    base = template("Starter routine", catalog=CATALOG, start=MONDAY)
    stored = {"id": 7, "user_id": "local", "active": True, "created_at": STAMP, "updated_at": STAMP}
    stored["current_items"] = base.items
    return Routine.model_validate(base.model_dump() | stored | overrides)


@pytest.mark.parametrize(
    ("has_routine", "day", "logged", "status"),
    [
        (False, MONDAY, False, PlanStatus.NO_ROUTINE),
        (False, MONDAY, True, PlanStatus.NO_ROUTINE),
        (True, MONDAY, False, PlanStatus.PLANNED),
        (True, MONDAY, True, PlanStatus.DONE),
        (True, TUESDAY, False, PlanStatus.REST_DAY),
        (True, TUESDAY, True, PlanStatus.DONE),  # a session done on a rest day, as any other
        (True, MONDAY - timedelta(days=3), False, PlanStatus.REST_DAY),  # before the plan
        (True, MONDAY + timedelta(weeks=30), False, PlanStatus.PLANNED),  # it has no end
    ],
)
def test_each_day_gets_one_of_four_answers(
    has_routine: bool, day: date, logged: bool, status: PlanStatus
) -> None:
    routine = make_routine() if has_routine else None
    assert plan_for_day(routine, catalog=CATALOG, today=day, logged=logged).status is status


def test_without_a_routine_the_plan_invites_building_one() -> None:
    plan = plan_for_day(None, catalog=CATALOG, today=MONDAY, logged=False)
    assert plan.message == NO_ROUTINE
    assert (plan.exercises, plan.routine, plan.session) == ((), None, None)


def test_a_training_day_lists_each_exercise_at_its_current_dose() -> None:
    base = make_routine()
    knee = base.items[0].model_copy(update={"hold_seconds": 25})
    routine = make_routine(current_items=(knee, *base.items[1:]))
    day = WEDNESDAY + timedelta(weeks=1)
    plan = plan_for_day(routine, catalog=CATALOG, today=day, logged=False)
    assert plan.message == "Today: Starter routine"
    assert plan.session == session_for_day(routine.followed(), catalog=CATALOG, day=day)
    assert plan.routine == routine
    assert len(plan.exercises) == len(routine.items)
    assert plan.exercises[0] == "Knee-to-chest stretch: Hold 25 s, 3 times per side"


def test_a_logged_day_says_so_and_keeps_the_session_for_a_guided_one_under_way() -> None:
    routine = make_routine()
    plan = plan_for_day(routine, catalog=CATALOG, today=MONDAY, logged=True)
    assert plan.message == DONE
    assert plan.exercises == ()
    assert plan.session == session_for_day(routine.followed(), catalog=CATALOG, day=MONDAY)


def test_a_rest_day_names_the_next_session_day_and_offers_the_daily_walk() -> None:
    plan = plan_for_day(make_routine(), catalog=CATALOG, today=TUESDAY, logged=False)
    assert plan.message == (
        "Today is a rest day in “Starter routine”. Your next session is on Wednesday 25 November."
    )
    assert plan.session is None
    assert plan.daily == ("Low-impact aerobic activity: 20 minutes",)


@pytest.mark.parametrize(
    ("day", "note"),
    [
        (MONDAY - timedelta(days=3), "“Starter routine” starts on Monday 23 November."),
        (
            TUESDAY,
            "Today is a rest day in “Starter routine”. Your next session is on "
            "Wednesday 25 November.",
        ),
        (
            MONDAY + timedelta(weeks=40, days=5),
            "Today is a rest day in “Starter routine”. Your next session is on Monday 6 September.",
        ),
    ],
    ids=["before-the-routine", "rest-day", "months-on"],
)
def test_the_rest_day_note_says_when_the_next_session_is(day: date, note: str) -> None:
    assert rest_day_note(make_routine(), today=day) == note
