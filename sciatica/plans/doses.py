"""One step of one exercise, up or back: the only moves a routine's dose makes (CLINICAL.md 4).

Up: one variable of one exercise, the one with the most room left in its safe range (5 s more
hold, 2 more repetitions, 5 more minutes or one more set), or, once every dose is at the top of
its range, the next harder variant at its entry dose (seated -> standing hamstring stretch).
Back: less volume first (one set fewer, else about 40% less, within the guide's 30-50%), then
at the bottom of the range the next easier variant at its entry dose. At its easiest variant
and lowest dose an exercise cannot go lower: the caller says so and suggests leaving it out.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from sciatica.exercises.catalog import easier_variant, harder_variant
from sciatica.exercises.models import Catalog, Exercise, IntRange
from sciatica.i18n import N_, _
from sciatica.plans.models import RoutineItem
from sciatica.plans.routine import describe_item, entry_item

STEPS = {"hold_seconds": 5, "reps": 2, "minutes": 5, "sets": 1}
LESS = 0.6  # 40% less volume, within the guide's 30-50%
# Marked here, translated when a step is worded (`_UP_WORDS[field]`); reps per side has its own.
_UP_WORDS = {
    "hold_seconds": N_("hold the {name} for {new} seconds instead of {old}"),
    "reps": N_("do the {name} {new} times instead of {old}"),
    "minutes": N_("make the {name} {new} minutes instead of {old}"),
    "sets": N_("do {new} sets of the {name} instead of {old}"),
}
_UP_REPS_PER_SIDE = N_("do the {name} {new} times per side instead of {old}")

Allowed = Callable[[Exercise], bool]  # whether a version may be offered to this person now


def anything(_exercise: Exercise) -> bool:
    """Every version is allowed (no About-me answers, no high leg pain today)."""
    return True


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


def step_up(
    items: Sequence[RoutineItem],
    *,
    catalog: Catalog,
    allowed: Allowed = anything,
    blocked: Collection[str] = (),
) -> Move | None:
    """One variable of the exercise with the most room up; the harder variant at the top.

    An exercise in `blocked` (marked "This hurt" since its last change) never steps up, and a
    harder variant the person's answers or today's leg pain rule out (`allowed`) is no step.
    """
    best: tuple[float, RoutineItem, Exercise, str, int, int] | None = None
    for item in items:
        exercise = catalog.by_id.get(item.exercise_id)
        if exercise is None or item.exercise_id in blocked:
            continue
        for field, safe in _ranges(exercise).items():
            value = getattr(item, field)
            if value is None or safe is None or value >= safe.max:
                continue
            width = safe.max - safe.min
            room = (safe.max - value) / width if width else 1.0
            if best is None or room > best[0]:  # ties: the first in the routine
                best = (room, item, exercise, field, value, safe.max)
    if best is not None:
        _room, item, exercise, field, old, top = best
        new = min(old + STEPS[field], top)
        wording = _UP_REPS_PER_SIDE if field == "reps" and item.per_side else _UP_WORDS[field]
        words = _(wording).format(name=exercise.name, new=new, old=old)
        return Move(item, item.model_copy(update={field: new}), words)
    held = {item.exercise_id for item in items}
    for item in items:
        if item.exercise_id in blocked:
            continue
        harder = harder_variant(catalog, exercise_id=item.exercise_id)
        if (
            item.exercise_id in catalog.by_id
            and harder is not None
            and harder.id not in held
            and allowed(harder)
        ):
            current = catalog.by_id[item.exercise_id]
            words = _("move from the {easier} to the {harder}").format(
                easier=current.name, harder=harder.name
            )
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


def step_back(
    item: RoutineItem,
    *,
    catalog: Catalog,
    held: Sequence[str] = (),
    allowed: Allowed = anything,
) -> Move | None:
    """Less of this exercise, else its easier variant; None when it cannot go lower.

    `held` names the routine's other exercises: an easier variant already in it is no step,
    nor is one the person's answers rule out (`allowed`).
    """
    exercise = catalog.by_id.get(item.exercise_id)
    if exercise is None:
        return None
    less = lighter(item, exercise)
    if less != item:
        words = _("do less of the {name}: {less} instead of {dose}").format(
            name=exercise.name,
            less=_lower(describe_item(less)),
            dose=_lower(describe_item(item)),
        )
        return Move(item, less, words)
    easier = easier_variant(catalog, exercise_id=item.exercise_id)
    if easier is not None and easier.id not in held and allowed(easier):
        words = _("swap the {name} for the easier {easier}").format(
            name=exercise.name, easier=easier.name
        )
        return Move(item, entry_item(easier), words)
    return None
