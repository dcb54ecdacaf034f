"""Routines: checking a plan against the catalogue, its weekly progression, and today's session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sciatica.catalog import Catalog, Exercise
from sciatica.catalog_models import IntRange
from sciatica.routine_models import RoutineInput, RoutineItem, Weekday

# The guide's routine: 3-4 sessions a week, starting short and building up (CLINICAL.md 3).
DEFAULT_DAYS = frozenset({Weekday.MON, Weekday.WED, Weekday.FRI})
STARTER = (
    "knee-to-chest",
    "standing-hamstring-stretch",
    "lying-piriformis-stretch",
    "clamshell",
    "bird-dog",
    "low-impact-aerobic",
)
GENTLE = (
    "knee-to-chest-towel",
    "seated-hamstring-stretch",
    "seated-figure-four-stretch",
    "clamshell-small-range",
    "bird-dog-arm-only",
    "short-walks",
)
TEMPLATE_NAMES = {"Starter routine": STARTER, "Gentle routine": GENTLE}


class RoutineRejected(ValueError):
    """The routine asks for something the catalogue does not allow; `problems` says what."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(" ".join(problems))


@dataclass(frozen=True, slots=True)
class PlannedSession:
    """The session a routine plans for one day, at that week's dose."""

    day: date
    week: int
    items: tuple[tuple[RoutineItem, Exercise], ...]


def _check_dimension(
    name: str, value: int | None, allowed: IntRange | None, exercise: Exercise, unit: str
) -> str | None:
    if allowed is None:
        return f"{exercise.name}: {name} does not apply." if value is not None else None
    if value is None:
        return f"{exercise.name}: choose {name} ({allowed.min}-{allowed.max}{unit})."
    if not allowed.min <= value <= allowed.max:
        return (
            f"{exercise.name}: {name} {value}{unit} is outside the safe range "
            f"{allowed.min}-{allowed.max}{unit}."
        )
    return None


def check_routine(routine: RoutineInput, *, catalog: Catalog) -> None:
    """Raise RoutineRejected unless every exercise exists and every dose is in its safe range."""
    problems = []
    for item in routine.items:
        exercise = catalog.by_id.get(item.exercise_id)
        if exercise is None:
            problems.append(f"Unknown exercise {item.exercise_id!r}.")
            continue
        dose = exercise.dose
        max_sets = dose.sets.max if dose.sets else 1
        checks = [
            _check_dimension("hold", item.hold_seconds, dose.hold_seconds, exercise, " s"),
            _check_dimension("repetitions", item.reps, dose.reps, exercise, ""),
            _check_dimension("minutes", item.minutes, dose.minutes, exercise, " min"),
            None if item.sets <= max_sets else f"{exercise.name}: at most {max_sets} sets.",
        ]
        problems.extend(problem for problem in checks if problem)
    if problems:
        raise RoutineRejected(problems)


def entry_item(exercise: Exercise) -> RoutineItem:
    """The exercise at the start of its dose range: where a routine begins."""
    dose = exercise.dose
    return RoutineItem(
        exercise_id=exercise.id,
        sets=dose.sets.min if dose.sets else 1,
        reps=dose.reps.min if dose.reps else None,
        hold_seconds=dose.hold_seconds.min if dose.hold_seconds else None,
        minutes=dose.minutes.min if dose.minutes else None,
        per_side=dose.per_side,
    )


def template(name: str, *, catalog: Catalog, start: date) -> RoutineInput:
    """A ready-made routine ('Starter routine' or 'Gentle routine') at entry doses."""
    items = tuple(entry_item(catalog.by_id[exercise_id]) for exercise_id in TEMPLATE_NAMES[name])
    return RoutineInput(name=name, items=items, days=DEFAULT_DAYS, start_date=start)


def week_number(routine: RoutineInput, *, day: date) -> int | None:
    """Which week of the plan a day falls in (1-based), or None outside the plan."""
    offset = (day - routine.start_date).days
    if offset < 0 or offset >= routine.weeks * 7:
        return None
    return offset // 7 + 1


def _ramp(start: int | None, allowed: IntRange | None, week: int, weeks: int) -> int | None:
    if start is None or allowed is None or weeks <= 1 or start >= allowed.max:
        return start
    # Gradual, even steps from the starting dose to the top of the safe range by the last week.
    return start + round((allowed.max - start) * (week - 1) / (weeks - 1))


def dose_for_week(item: RoutineItem, *, exercise: Exercise, week: int, weeks: int) -> RoutineItem:
    """The item's dose in a given week: holds, repetitions and minutes build up gradually."""
    dose = exercise.dose
    return item.model_copy(
        update={
            "hold_seconds": _ramp(item.hold_seconds, dose.hold_seconds, week, weeks),
            "reps": _ramp(item.reps, dose.reps, week, weeks),
            "minutes": _ramp(item.minutes, dose.minutes, week, weeks),
        }
    )


def session_for_day(routine: RoutineInput, *, catalog: Catalog, day: date) -> PlannedSession | None:
    """The planned session for a day, or None on a rest day or outside the plan."""
    week = week_number(routine, day=day)
    if week is None or Weekday(day.weekday()) not in routine.days:
        return None
    items = []
    for item in routine.items:
        exercise = catalog.by_id.get(item.exercise_id)
        if exercise is not None:
            items.append(
                (dose_for_week(item, exercise=exercise, week=week, weeks=routine.weeks), exercise)
            )
    return PlannedSession(day=day, week=week, items=tuple(items))


def next_session_day(routine: RoutineInput, *, after: date) -> date | None:
    """The next training day after a day, within the plan."""
    for offset in range(1, 8):
        day = after + timedelta(days=offset)
        if week_number(routine, day=day) is None:
            return None
        if Weekday(day.weekday()) in routine.days:
            return day
    return None


def describe_item(item: RoutineItem) -> str:
    """The item's dose in plain words, e.g. '2 sets: hold 20 s, 3 times per side'."""
    parts = []
    if item.minutes is not None:
        parts.append(f"{item.minutes} minutes")
    if item.hold_seconds is not None:
        parts.append(f"hold {item.hold_seconds} s")
    if item.reps is not None:
        side = " per side" if item.per_side else ""
        parts.append(f"{item.reps} {'time' if item.reps == 1 else 'times'}{side}")
    text = ", ".join(parts)
    if item.sets > 1:
        text = f"{item.sets} sets: {text}"
    return text[:1].upper() + text[1:]
