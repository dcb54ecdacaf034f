from datetime import date, timedelta

import pytest
from pydantic import ValidationError

from sciatica.exercises.catalog import load_catalog
from sciatica.plans.models import RoutineInput, RoutineItem, Weekday
from sciatica.plans.routine import (
    GENTLE,
    STARTER,
    RoutineRejected,
    check_routine,
    current_plan,
    describe_item,
    dose_for_week,
    entry_item,
    next_session_day,
    plan_builds_further,
    session_for_day,
    template,
    week_number,
)

CATALOG = load_catalog()
MONDAY = date(2026, 11, 23)


def routine(*items: RoutineItem, weeks: int = 4, days: tuple[int, ...] = (0, 2, 4)) -> RoutineInput:
    return RoutineInput(
        name="Mine",
        items=items,
        days=frozenset(Weekday(day) for day in days),
        start_date=MONDAY,
        weeks=weeks,
    )


def item(exercise_id: str, **overrides: object) -> RoutineItem:
    return entry_item(CATALOG.by_id[exercise_id]).model_copy(update=overrides)


def test_the_starter_routine_is_the_guides_six_at_entry_doses_three_days_a_week() -> None:
    starter = template("Starter routine", catalog=CATALOG, start=MONDAY)
    assert [i.exercise_id for i in starter.items] == list(STARTER)
    assert starter.days == {Weekday.MON, Weekday.WED, Weekday.FRI}
    assert starter.weeks == 4
    knee = starter.items[0]
    assert (knee.hold_seconds, knee.reps, knee.per_side) == (20, 3, True)
    check_routine(starter, catalog=CATALOG)


def test_the_gentle_routine_uses_easier_modifications_that_all_exist() -> None:
    gentle = template("Gentle routine", catalog=CATALOG, start=MONDAY)
    assert [i.exercise_id for i in gentle.items] == list(GENTLE)
    assert all(CATALOG.by_id[i.exercise_id].parent for i in gentle.items)
    check_routine(gentle, catalog=CATALOG)


def test_a_routine_needs_at_least_one_exercise_and_one_day() -> None:
    with pytest.raises(ValidationError, match="at least 1 item"):
        RoutineInput(name="x", items=(), days=frozenset({Weekday.MON}), start_date=MONDAY)
    with pytest.raises(ValidationError, match="at least 1 item"):
        RoutineInput(name="x", items=(item("clamshell"),), days=frozenset(), start_date=MONDAY)


def test_an_exercise_cannot_appear_twice() -> None:
    with pytest.raises(ValidationError, match="repeated: clamshell"):
        routine(item("clamshell"), item("clamshell"))


@pytest.mark.parametrize(
    ("exercise_id", "overrides", "problem"),
    [
        ("knee-to-chest", {"hold_seconds": 60}, "hold 60 s is outside the safe range 20-30 s"),
        ("knee-to-chest", {"hold_seconds": 10}, "hold 10 s is outside the safe range 20-30 s"),
        ("clamshell", {"reps": 30}, "repetitions 30 is outside the safe range 10-15"),
        ("low-impact-aerobic", {"minutes": 90}, "minutes 90 min is outside the safe range"),
        ("clamshell", {"hold_seconds": 5}, "hold does not apply"),
        ("knee-to-chest", {"hold_seconds": None}, "choose hold (20-30 s)"),
        ("glute-bridge", {"sets": 4}, "at most 3 sets"),
        ("clamshell", {"sets": 2}, "at most 1 sets"),
    ],
)
def test_doses_outside_the_catalogues_safe_range_are_refused(
    exercise_id: str, overrides: dict[str, object], problem: str
) -> None:
    with pytest.raises(RoutineRejected) as caught:
        check_routine(routine(item(exercise_id, **overrides)), catalog=CATALOG)
    assert any(problem in message for message in caught.value.problems)


def test_an_unknown_exercise_is_refused() -> None:
    with pytest.raises(RoutineRejected, match="Unknown exercise 'moonwalk'"):
        check_routine(routine(RoutineItem(exercise_id="moonwalk", reps=3)), catalog=CATALOG)


@pytest.mark.parametrize(
    ("week", "hold", "reps"),
    [(1, 20, 3), (2, 25, 3), (3, 25, 5), (4, 30, 5), (9, 30, 5)],
)
def test_one_variable_steps_up_each_week_to_the_top_of_the_range(
    week: int, hold: int, reps: int
) -> None:
    knee = CATALOG.by_id["knee-to-chest"]
    dosed = dose_for_week(item("knee-to-chest"), exercise=knee, week=week, weeks=4)
    assert (dosed.hold_seconds, dosed.reps) == (hold, reps)


def test_seen_from_week_three_the_plan_starts_at_that_weeks_dose_for_the_weeks_left() -> None:
    plan = routine(item("knee-to-chest"), weeks=4)
    seen = current_plan(plan, catalog=CATALOG, day=MONDAY + timedelta(days=15))
    assert (seen.start_date, seen.weeks) == (MONDAY + timedelta(days=14), 2)
    assert (seen.items[0].hold_seconds, seen.items[0].reps) == (25, 5)
    assert plan_builds_further(plan, catalog=CATALOG, day=MONDAY + timedelta(days=15))
    assert not plan_builds_further(plan, catalog=CATALOG, day=MONDAY + timedelta(days=22))


def test_after_the_last_week_a_new_plan_starts_from_the_final_doses() -> None:
    plan = routine(item("knee-to-chest"), weeks=2)
    later = MONDAY + timedelta(days=30)
    seen = current_plan(plan, catalog=CATALOG, day=later)
    assert (seen.start_date, seen.weeks, seen.items[0].hold_seconds) == (later, 4, 25)


def test_a_one_week_plan_stays_at_the_starting_dose() -> None:
    knee = CATALOG.by_id["knee-to-chest"]
    assert dose_for_week(item("knee-to-chest"), exercise=knee, week=1, weeks=1).hold_seconds == 20


def test_the_plan_knows_its_weeks_training_days_and_rest_days() -> None:
    plan = routine(item("clamshell"), weeks=2)
    assert week_number(plan, day=MONDAY - timedelta(days=1)) is None
    assert week_number(plan, day=MONDAY + timedelta(days=7)) == 2
    assert week_number(plan, day=MONDAY + timedelta(days=14)) is None
    wednesday = session_for_day(plan, catalog=CATALOG, day=MONDAY + timedelta(days=2))
    assert wednesday is not None
    assert wednesday.week == 1
    assert session_for_day(plan, catalog=CATALOG, day=MONDAY + timedelta(days=1)) is None
    assert next_session_day(plan, after=MONDAY) == MONDAY + timedelta(days=2)
    assert next_session_day(plan, after=MONDAY + timedelta(days=11)) is None
    assert next_session_day(plan, after=MONDAY - timedelta(days=10)) == MONDAY


@pytest.mark.parametrize(
    ("overrides", "words"),
    [
        ({"exercise_id": "knee-to-chest"}, "Hold 20 s, 3 times per side"),
        ({"exercise_id": "glute-bridge", "sets": 2}, "2 sets: 8 times"),
        ({"exercise_id": "low-impact-aerobic"}, "20 minutes"),
    ],
)
def test_doses_read_as_plain_words(overrides: dict[str, object], words: str) -> None:
    exercise_id = str(overrides.pop("exercise_id"))
    assert describe_item(item(exercise_id, **overrides)) == words
