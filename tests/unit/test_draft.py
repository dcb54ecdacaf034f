"""The routine builder's draft: picking, ordering and dosing exercises, then what it saves."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest

from sciatica.exercises.catalog import load_catalog
from sciatica.plans.draft import (
    DoseField,
    RoutineDraft,
    dose_changes,
    dose_limits,
    dose_settings,
)
from sciatica.plans.models import ItemChange, RoutineInput, RoutineItem, Weekday
from sciatica.plans.routine import RoutineRejected, entry_item, template
from tests.factories import make_routine, today

CATALOG = load_catalog()
THREE = ("knee-to-chest", "clamshell", "short-walks")


def make_draft(*exercise_ids: str, **overrides: object) -> RoutineDraft:
    """A draft holding these exercises at entry dose, with any field overridden."""
    draft = RoutineDraft(start_date=today()).pick(exercise_ids, catalog=CATALOG)
    return dataclasses.replace(draft, **overrides)


def item_of(draft: RoutineDraft, exercise_id: str) -> RoutineItem:
    (found,) = [item for item in draft.items if item.exercise_id == exercise_id]
    return found


def test_a_new_draft_is_empty_on_the_default_days_from_today() -> None:
    draft = RoutineDraft(start_date=today())
    assert (draft.name, draft.items, draft.routine_id, draft.version) == ("", (), None, 1)
    assert draft.days == (Weekday.MON, Weekday.WED, Weekday.FRI)


def test_a_draft_is_frozen_so_every_change_makes_a_new_one() -> None:
    draft = make_draft("clamshell")
    with pytest.raises(dataclasses.FrozenInstanceError):
        draft.name = "Changed"  # type: ignore[misc]
    assert draft.remove("clamshell") is not draft
    assert draft.exercise_ids == ("clamshell",)


def test_picking_adds_new_exercises_at_their_entry_dose_in_the_order_picked() -> None:
    draft = make_draft(*THREE)
    assert draft.exercise_ids == THREE
    assert draft.items == tuple(entry_item(CATALOG.by_id[i]) for i in THREE)


def test_picking_again_keeps_the_chosen_order_and_doses_and_drops_the_unpicked() -> None:
    draft = make_draft(*THREE).move(1, -1).set_dose("clamshell", "reps", 12)
    repicked = draft.pick(["short-walks", "clamshell", "bird-dog"], catalog=CATALOG)
    assert repicked.exercise_ids == ("clamshell", "short-walks", "bird-dog")
    assert item_of(repicked, "clamshell").reps == 12


def test_picking_ignores_an_exercise_the_catalogue_does_not_have() -> None:
    assert make_draft("clamshell", "no-such-exercise").exercise_ids == ("clamshell",)


@pytest.mark.parametrize(
    ("index", "step", "order"),
    [
        (1, -1, ("clamshell", "knee-to-chest", "short-walks")),
        (1, 1, ("knee-to-chest", "short-walks", "clamshell")),
        (0, 1, ("clamshell", "knee-to-chest", "short-walks")),
        (2, -1, ("knee-to-chest", "short-walks", "clamshell")),
        (0, -1, THREE),  # the first cannot go further up
        (2, 1, THREE),  # the last cannot go further down
        (5, -1, THREE),  # no such exercise
    ],
)
def test_moving_swaps_with_the_neighbour_and_stops_at_either_end(
    index: int, step: int, order: tuple[str, ...]
) -> None:
    draft = make_draft(*THREE)
    assert draft.can_move(index, step) == (order != THREE)
    assert draft.move(index, step).exercise_ids == order


def test_removing_takes_out_only_that_exercise() -> None:
    draft = make_draft(*THREE).remove("clamshell")
    assert draft.exercise_ids == ("knee-to-chest", "short-walks")
    assert draft.remove("not-in-the-draft") == draft


@pytest.mark.parametrize(
    ("field", "value", "kept"),
    [
        ("hold_seconds", 25, 25),
        ("hold_seconds", 90, 90),  # outside the safe range 20-30 s: kept, refused on saving
        ("hold_seconds", 500, 120),  # beyond what any routine allows: held at the limit
        ("hold_seconds", 0, 1),
        ("reps", 51, 50),
        ("sets", 9, 5),
        ("rest_seconds", 0, 0),
        ("rest_seconds", 301, 300),
    ],
)
def test_a_dose_changes_within_the_limits_a_routine_allows(
    field: DoseField, value: int, kept: int
) -> None:
    draft = make_draft("knee-to-chest", "clamshell").set_dose("knee-to-chest", field, value)
    assert getattr(item_of(draft, "knee-to-chest"), field) == kept
    assert item_of(draft, "clamshell") == entry_item(CATALOG.by_id["clamshell"])


@pytest.mark.parametrize(
    ("field", "limits"),
    [
        ("sets", (1, 5)),
        ("reps", (1, 50)),
        ("hold_seconds", (1, 120)),
        ("minutes", (1, 90)),
        ("rest_seconds", (0, 300)),
    ],
)
def test_dose_limits_are_read_from_the_routine_item(
    field: DoseField, limits: tuple[int, int]
) -> None:
    assert dose_limits(field) == limits


@pytest.mark.parametrize(
    ("exercise_id", "settings"),
    [
        (
            "knee-to-chest",
            [
                ("hold_seconds", "Hold (s): Knee-to-chest stretch", 20, "Safe range: 20-30 s."),
                ("reps", "Times per side: Knee-to-chest stretch", 3, "Safe range: 3-5."),
            ],
        ),
        (
            "low-impact-aerobic",
            [("minutes", "Minutes: Low-impact aerobic activity", 20, "Safe range: 20-30 min.")],
        ),
        (
            "pelvic-tilt",
            [
                ("sets", "Sets: Pelvic tilt", 2, "Safe range: 2-3."),
                ("hold_seconds", "Hold (s): Pelvic tilt", 3, "Safe range: 3-5 s."),
                ("reps", "Times: Pelvic tilt", 8, "Safe range: 8-15."),
                ("rest_seconds", "Rest between sets (s): Pelvic tilt", 30, "Rest between sets."),
            ],
        ),
    ],
)
def test_the_builder_asks_for_each_dose_the_exercise_has_with_its_safe_range(
    exercise_id: str, settings: list[tuple[str, str, int, str]]
) -> None:
    exercise = CATALOG.by_id[exercise_id]
    shown = dose_settings(entry_item(exercise), exercise)
    assert [(s.field, s.label, s.value, s.hint) for s in shown] == settings
    assert all((s.low, s.high) == dose_limits(s.field) for s in shown)


def test_a_dose_without_a_value_yet_starts_at_the_bottom_of_its_safe_range() -> None:
    exercise = CATALOG.by_id["knee-to-chest"]
    bare = RoutineItem(exercise_id=exercise.id, per_side=True)
    hold, reps = dose_settings(bare, exercise)
    assert (hold.value, reps.value) == (20, 3)


def test_loading_a_routine_replaces_the_draft_and_gives_its_widgets_a_new_version() -> None:
    start = today() + timedelta(days=3)
    routine = template("Gentle routine", catalog=CATALOG, start=start)
    draft = make_draft("clamshell").load(routine, catalog=CATALOG, routine_id=7)
    assert (draft.name, draft.start_date, draft.routine_id, draft.version) == (
        "Gentle routine",
        start,
        7,
        2,
    )
    assert draft.items == routine.items


def test_loading_leaves_out_exercises_the_catalogue_no_longer_has() -> None:
    routine = template("Starter routine", catalog=CATALOG, start=today())
    gone = routine.model_copy(
        update={"items": (RoutineItem(exercise_id="retired"), *routine.items)}
    )
    assert "retired" not in make_draft().load(gone, catalog=CATALOG).exercise_ids


def test_clearing_starts_a_new_empty_draft_from_today_with_a_new_version() -> None:
    edited = make_draft("clamshell", name="Mine", routine_id=3, version=4)
    assert edited.clear(today=today()) == RoutineDraft(start_date=today(), version=5)


def test_details_take_the_name_days_and_start_as_set() -> None:
    start = today() + timedelta(days=1)
    draft = make_draft("clamshell").with_details(
        name="Evenings", days=[Weekday.TUE, Weekday.SAT], start_date=start
    )
    assert (draft.name, draft.days, draft.start_date) == (
        "Evenings",
        (Weekday.TUE, Weekday.SAT),
        start,
    )


def test_a_complete_draft_becomes_the_routine_input_to_save() -> None:
    draft = make_draft(*THREE, name=" Morning ", days=(Weekday.TUE,))
    assert draft.to_routine_input(catalog=CATALOG) == RoutineInput(
        name="Morning", items=draft.items, days=frozenset({Weekday.TUE}), start_date=today()
    )


@pytest.mark.parametrize(
    ("overrides", "problems"),
    [
        ({}, ["Add at least one exercise.", "Give the routine a name."]),
        ({"name": "Mine", "days": ()}, ["Choose at least one day.", "Add at least one exercise."]),
        ({"name": "   "}, ["Add at least one exercise.", "Give the routine a name."]),
    ],
)
def test_an_incomplete_draft_is_refused_with_plain_reasons(
    overrides: dict[str, object], problems: list[str]
) -> None:
    with pytest.raises(RoutineRejected) as refused:
        make_draft(**overrides).to_routine_input(catalog=CATALOG)
    assert refused.value.problems == problems


def test_a_dose_outside_the_safe_range_is_refused_by_name() -> None:
    draft = make_draft("knee-to-chest", name="Mine").set_dose("knee-to-chest", "hold_seconds", 90)
    with pytest.raises(RoutineRejected) as refused:
        draft.to_routine_input(catalog=CATALOG)
    assert refused.value.problems == [
        "Knee-to-chest stretch: hold 90 s is outside the safe range 20-30 s."
    ]


def test_a_saved_routine_loads_at_its_current_doses_not_where_it_started() -> None:
    base = make_routine()
    knee = base.items[0].model_copy(update={"hold_seconds": 25})
    saved = make_routine(current=(knee, *base.items[1:]))
    draft = RoutineDraft(start_date=today()).load(saved, catalog=CATALOG, routine_id=saved.id)
    assert draft.items[0] == knee
    assert draft.routine_id == saved.id


def test_dose_changes_list_each_exercise_changed_joined_or_left() -> None:
    knee, clamshell, walks = (entry_item(CATALOG.by_id[i]) for i in THREE)
    higher = knee.model_copy(update={"reps": 5})
    changes = dose_changes((knee, clamshell), (higher, walks))
    assert changes == (
        ItemChange(before=knee, after=higher),
        ItemChange(before=clamshell, after=None),
        ItemChange(after=walks),
    )
    assert dose_changes((knee,), (knee,)) == ()
