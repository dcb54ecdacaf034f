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
    daily_items,
    describe_item,
    describe_schedule,
    entry_item,
    first_session_day,
    next_session_day,
    session_for_day,
    template,
)
from tests.factories import make_routine

CATALOG = load_catalog()
MONDAY = date(2026, 11, 23)


def routine(*items: RoutineItem, days: tuple[int, ...] = (0, 2, 4)) -> RoutineInput:
    return RoutineInput(
        name="Mine", items=items, days=frozenset(Weekday(day) for day in days), start_date=MONDAY
    )


def item(exercise_id: str, **overrides: object) -> RoutineItem:
    return entry_item(CATALOG.by_id[exercise_id]).model_copy(update=overrides)


def test_the_starter_routine_is_the_guides_six_at_entry_doses_three_days_a_week() -> None:
    starter = template("Starter routine", catalog=CATALOG, start=MONDAY)
    assert [i.exercise_id for i in starter.items] == list(STARTER)
    assert starter.days == {Weekday.MON, Weekday.WED, Weekday.FRI}
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


def test_every_training_day_has_the_same_session_at_the_routines_doses() -> None:
    plan = routine(item("clamshell", reps=12))
    first, weeks_later = MONDAY, MONDAY + timedelta(weeks=9)
    for day in (first, weeks_later):
        session = session_for_day(plan, catalog=CATALOG, day=day)
        assert session is not None
        assert [dosed for dosed, _ in session.items] == [item("clamshell", reps=12)]


def test_the_routine_knows_its_training_days_and_rest_days() -> None:
    plan = routine(item("clamshell"))
    assert session_for_day(plan, catalog=CATALOG, day=MONDAY - timedelta(days=7)) is None
    assert session_for_day(plan, catalog=CATALOG, day=MONDAY + timedelta(days=1)) is None
    assert next_session_day(plan, after=MONDAY) == MONDAY + timedelta(days=2)
    assert next_session_day(plan, after=MONDAY + timedelta(days=4)) == MONDAY + timedelta(days=7)
    assert next_session_day(plan, after=MONDAY - timedelta(days=10)) == MONDAY
    assert describe_schedule(plan) == "Mon, Wed, Fri · from Mon 23 Nov 2026"


@pytest.mark.parametrize(
    ("exercise_id", "daily"),
    [
        ("short-walks", True),
        ("low-impact-aerobic", True),
        ("pool-walking", True),
        ("clamshell", False),
        ("knee-to-chest", False),
    ],
)
def test_walking_and_other_aerobic_exercise_is_offered_every_day(
    exercise_id: str, daily: bool
) -> None:
    plan = routine(item("clamshell"), *([item(exercise_id)] if exercise_id != "clamshell" else []))
    tuesday = MONDAY + timedelta(days=1)  # a rest day
    found = [dosed.exercise_id for dosed, _ in daily_items(plan, catalog=CATALOG, day=tuesday)]
    assert found == ([exercise_id] if daily else [])
    assert daily_items(plan, catalog=CATALOG, day=MONDAY - timedelta(days=1)) == ()


def test_a_stored_routine_is_followed_at_its_current_doses() -> None:
    current = (item("knee-to-chest", hold_seconds=25), item("clamshell"))
    stored = make_routine(current=current)
    assert stored.followed().items == current
    assert stored.followed().name == stored.name


@pytest.mark.parametrize(
    ("overrides", "words"),
    [
        ({"exercise_id": "knee-to-chest"}, "Hold 20 s, 3 times per side"),
        ({"exercise_id": "glute-bridge", "sets": 2}, "2 sets: 8 times"),
        ({"exercise_id": "low-impact-aerobic"}, "20 minutes"),
    ],
)
def test_doses_read_as_plain_words(overrides: dict[str, object], words: str) -> None:
    rest = {name: value for name, value in overrides.items() if name != "exercise_id"}
    assert describe_item(item(str(overrides["exercise_id"]), **rest)) == words


def test_a_routine_starting_in_the_calendars_last_days_has_no_next_session_past_its_end() -> None:
    # 31 December 9999 is a Friday: a Monday-only routine starting then has no session left.
    plan = routine(item("clamshell")).model_copy(
        update={"start_date": date.max, "days": frozenset({Weekday.MON})}
    )
    assert first_session_day(plan) is None
    assert next_session_day(plan, after=date.max) is None
    assert next_session_day(plan, after=date(9999, 12, 20)) is None
