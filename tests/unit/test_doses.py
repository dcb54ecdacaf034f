"""One step up or back for one exercise: the only moves a routine's dose makes."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sciatica.exercises.catalog import load_catalog
from sciatica.plans.doses import lighter, step_back, step_up
from sciatica.plans.models import RoutineInput, RoutineItem, Weekday
from sciatica.plans.routine import check_routine, entry_item

CATALOG = load_catalog()
MONDAY = date(2026, 11, 23)


def item(exercise_id: str, **overrides: object) -> RoutineItem:
    return entry_item(CATALOG.by_id[exercise_id]).model_copy(update=overrides)


@pytest.mark.parametrize(
    ("items", "exercise_id", "field", "new"),
    [
        pytest.param(
            [item("knee-to-chest"), item("clamshell")],
            "knee-to-chest",
            "hold_seconds",
            25,
            id="ties go to the first exercise, the first variable: +5 s hold",
        ),
        pytest.param(
            [item("knee-to-chest", hold_seconds=30), item("clamshell")],
            "knee-to-chest",
            "reps",
            5,
            id="the variable with most room: reps 3 of 3-5 before a full hold",
        ),
        pytest.param(
            [item("knee-to-chest", hold_seconds=25, reps=5), item("clamshell")],
            "clamshell",
            "reps",
            12,
            id="the exercise with most room: clamshell at 10 of 10-15, +2 reps",
        ),
        pytest.param(
            [item("glute-bridge", reps=15)], "glute-bridge", "sets", 3, id="+1 set at full reps"
        ),
        pytest.param(
            [item("low-impact-aerobic")], "low-impact-aerobic", "minutes", 25, id="+5 minutes"
        ),
        pytest.param(
            [item("clamshell", reps=14)], "clamshell", "reps", 15, id="never past the top"
        ),
    ],
)
def test_a_step_up_is_one_variable_of_the_exercise_with_most_room(
    items: list[RoutineItem], exercise_id: str, field: str, new: int
) -> None:
    move = step_up(items, catalog=CATALOG)
    assert move is not None
    assert move.before.exercise_id == exercise_id
    assert move.after is not None
    assert getattr(move.after, field) == new
    changed = {
        name
        for name in RoutineItem.model_fields
        if getattr(move.before, name) != getattr(move.after, name)
    }
    assert changed == {field}


def test_at_the_top_of_every_dose_a_step_up_is_the_harder_variant_at_its_entry_dose() -> None:
    move = step_up([item("seated-hamstring-stretch", hold_seconds=30)], catalog=CATALOG)
    assert move is not None
    assert move.after == item("standing-hamstring-stretch")
    assert move.words == "move from the Seated hamstring stretch to the Standing hamstring stretch"


def test_a_routine_at_its_full_dose_with_nothing_harder_cannot_step_up() -> None:
    assert step_up([item("standing-hamstring-stretch", hold_seconds=30)], catalog=CATALOG) is None


@pytest.mark.parametrize(
    ("before", "after", "why"),
    [
        (item("glute-bridge", sets=3), item("glute-bridge", sets=2), "one set fewer first"),
        (
            item("knee-to-chest", hold_seconds=30, reps=5),
            item("knee-to-chest", hold_seconds=20, reps=3),
            "about 40% less, not below the range",
        ),
        (item("clamshell", reps=15), item("clamshell", reps=10), "15 times becomes 10"),
        (item("clamshell"), item("clamshell"), "at the bottom of the range: no less"),
    ],
)
def test_less_volume_is_one_set_fewer_or_about_40_percent_less(
    before: RoutineItem, after: RoutineItem, why: str
) -> None:
    assert lighter(before, CATALOG.by_id[before.exercise_id]) == after, why


def test_a_step_back_lowers_the_dose_before_it_changes_the_exercise() -> None:
    move = step_back(item("knee-to-chest", hold_seconds=30), catalog=CATALOG)
    assert move is not None
    assert move.after == item("knee-to-chest", hold_seconds=20)
    assert move.words == (
        "do less of the Knee-to-chest stretch: hold 20 s, 3 times per side instead of "
        "hold 30 s, 3 times per side"
    )


def test_at_the_lowest_dose_a_step_back_is_the_easier_variant() -> None:
    move = step_back(item("knee-to-chest"), catalog=CATALOG)
    assert move is not None
    assert move.after == item("knee-to-chest-towel")


def test_an_easier_variant_already_in_the_routine_is_no_step_back() -> None:
    held = ["knee-to-chest", "knee-to-chest-towel"]
    assert step_back(item("knee-to-chest"), catalog=CATALOG, held=held) is None


def test_the_easiest_variant_at_its_lowest_dose_cannot_go_lower() -> None:
    assert step_back(item("clamshell-small-range"), catalog=CATALOG) is None


@st.composite
def dosed_items(draw: st.DrawFn) -> list[RoutineItem]:
    """A few different exercises, each at some dose within its safe range."""
    ids = draw(
        st.lists(st.sampled_from(sorted(CATALOG.by_id)), min_size=1, max_size=4, unique=True)
    )
    items = []
    for exercise_id in ids:
        dose = CATALOG.by_id[exercise_id].dose
        update = {
            field: draw(st.integers(allowed.min, allowed.max))
            for field, allowed in (
                ("hold_seconds", dose.hold_seconds),
                ("reps", dose.reps),
                ("minutes", dose.minutes),
                ("sets", dose.sets),
            )
            if allowed is not None
        }
        items.append(item(exercise_id, **update))
    return items


@given(items=dosed_items())
def test_a_step_up_changes_one_number_or_one_exercise_and_stays_in_the_safe_range(
    items: list[RoutineItem],
) -> None:
    move = step_up(items, catalog=CATALOG)
    if move is None:
        return
    assert move.after is not None
    check_routine(
        RoutineInput(
            name="Mine",
            items=tuple(move.after if i == move.before else i for i in items),
            days=frozenset({Weekday.MON}),
            start_date=MONDAY,
        ),
        catalog=CATALOG,
    )
    if move.after.exercise_id == move.before.exercise_id:
        changed = [
            f for f in RoutineItem.model_fields if getattr(move.before, f) != getattr(move.after, f)
        ]
        assert len(changed) == 1
        assert getattr(move.after, changed[0]) > getattr(move.before, changed[0])


@given(items=dosed_items())
def test_a_step_back_never_raises_a_dose_and_stays_in_the_safe_range(
    items: list[RoutineItem],
) -> None:
    held = [i.exercise_id for i in items]
    for before in items:
        move = step_back(before, catalog=CATALOG, held=held)
        if move is None or move.after is None:
            continue
        check_routine(
            RoutineInput(
                name="Mine", items=(move.after,), days=frozenset({Weekday.MON}), start_date=MONDAY
            ),
            catalog=CATALOG,
        )
        if move.after.exercise_id == before.exercise_id:
            for field in ("sets", "reps", "hold_seconds", "minutes"):
                assert (getattr(move.after, field) or 0) <= (getattr(before, field) or 0)
            assert move.after != before
