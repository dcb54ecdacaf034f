"""One step of one exercise, up or back: the only moves a routine's dose makes (CLINICAL.md 4).

Up: one variable of one exercise, the one with the most room left in its safe range (5 s more
hold, 2 more repetitions, 5 more minutes or one more set), or, once every dose is at the top of
its range, the next harder variant at its entry dose (seated -> standing hamstring stretch).
Back: less volume first (one set fewer, else about 40% less, within the guide's 30-50%), then
at the bottom of the range the next easier variant at its entry dose. At its easiest variant
and lowest dose an exercise cannot go lower: the caller says so and suggests leaving it out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sciatica.exercises.catalog import easier_variant, harder_variant
from sciatica.exercises.models import Catalog, Exercise, IntRange
from sciatica.plans.models import RoutineItem
from sciatica.plans.routine import describe_item, entry_item

STEPS = {"hold_seconds": 5, "reps": 2, "minutes": 5, "sets": 1}
LESS = 0.6  # 40% less volume, within the guide's 30-50%
_UP_WORDS = {
    "hold_seconds": "hold the {name} for {new} seconds instead of {old}",
    "reps": "do the {name} {new} times{side} instead of {old}",
    "minutes": "make the {name} {new} minutes instead of {old}",
    "sets": "do {new} sets of the {name} instead of {old}",
}


@dataclass(frozen=True, slots=True)
class Move:
    """One exercise changed: as it was, as it would be (None: left out), and how in words."""

    before: RoutineItem
    after: RoutineItem | None
    words: str  # e.g. "hold the Knee-to-chest stretch for 25 seconds instead of 20"


def _ranges(exercise: Exercise) -> dict[str, IntRange | None]:
    dose = exercise.dose
    return {
        "hold_seconds": dose.hold_seconds,
        "reps": dose.reps,
        "minutes": dose.minutes,
        "sets": dose.sets,
    }


def _lower(words: str) -> str:
    return words[:1].lower() + words[1:]


def step_up(items: Sequence[RoutineItem], *, catalog: Catalog) -> Move | None:
    """One variable of the exercise with the most room up; the harder variant at the top."""
    best: tuple[float, RoutineItem, Exercise, str, int, int] | None = None
    for item in items:
        exercise = catalog.by_id.get(item.exercise_id)
        if exercise is None:
            continue
        for field, allowed in _ranges(exercise).items():
            value = getattr(item, field)
            if value is None or allowed is None or value >= allowed.max:
                continue
            width = allowed.max - allowed.min
            room = (allowed.max - value) / width if width else 1.0
            if best is None or room > best[0]:  # ties: the first in the routine
                best = (room, item, exercise, field, value, allowed.max)
    if best is not None:
        _, item, exercise, field, old, top = best
        new = min(old + STEPS[field], top)
        side = " per side" if item.per_side else ""
        words = _UP_WORDS[field].format(name=exercise.name, new=new, old=old, side=side)
        return Move(item, item.model_copy(update={field: new}), words)
    held = {item.exercise_id for item in items}
    for item in items:
        harder = harder_variant(catalog, exercise_id=item.exercise_id)
        if item.exercise_id in catalog.by_id and harder is not None and harder.id not in held:
            current = catalog.by_id[item.exercise_id]
            words = f"move from the {current.name} to the {harder.name}"
            return Move(item, entry_item(harder), words)
    return None


def lighter(item: RoutineItem, exercise: Exercise) -> RoutineItem:
    """One set fewer, or about 40% less hold, repetitions and minutes, not below the range."""
    if item.sets > 1:
        return item.model_copy(update={"sets": item.sets - 1})
    update = {}
    for field, allowed in _ranges(exercise).items():
        value = getattr(item, field)
        if field != "sets" and value is not None and allowed is not None:
            update[field] = min(value, max(allowed.min, round(value * LESS)))
    return item.model_copy(update=update)


def step_back(item: RoutineItem, *, catalog: Catalog, held: Sequence[str] = ()) -> Move | None:
    """Less of this exercise, else its easier variant; None when it cannot go lower.

    `held` names the routine's other exercises: an easier variant already in it is no step.
    """
    exercise = catalog.by_id.get(item.exercise_id)
    if exercise is None:
        return None
    less = lighter(item, exercise)
    if less != item:
        words = (
            f"do less of the {exercise.name}: {_lower(describe_item(less))} "
            f"instead of {_lower(describe_item(item))}"
        )
        return Move(item, less, words)
    easier = easier_variant(catalog, exercise_id=item.exercise_id)
    if easier is not None and easier.id not in held:
        return Move(
            item, entry_item(easier), f"swap the {exercise.name} for the easier {easier.name}"
        )
    return None
