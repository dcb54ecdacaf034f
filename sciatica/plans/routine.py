"""Routines: checking a plan against the catalogue, its weekly progression, and today's session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sciatica.diary.models import AboutMe
from sciatica.exercises.models import Catalog, Exercise, IntRange, dose_words
from sciatica.exercises.suitability import safe_alternative
from sciatica.plans.models import RoutineInput, RoutineItem, Weekday

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
ROUTINE_INTRO = "A plan of exercises for set days of the week, building up gently week by week."
# How each dose dimension's number is written after it, in safe ranges and refusals.
UNITS = {"sets": "", "hold_seconds": " s", "reps": "", "minutes": " min"}


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
            _check_dimension(
                "hold", item.hold_seconds, dose.hold_seconds, exercise, UNITS["hold_seconds"]
            ),
            _check_dimension("repetitions", item.reps, dose.reps, exercise, UNITS["reps"]),
            _check_dimension("minutes", item.minutes, dose.minutes, exercise, UNITS["minutes"]),
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


def template(
    name: str, *, catalog: Catalog, start: date, about_me: AboutMe | None = None
) -> RoutineInput:
    """A ready-made routine ('Starter routine' or 'Gentle routine') at entry doses.

    With About-me answers, an exercise that does not suit the person becomes the nearest
    version of it that does, or is left out (sciatica.exercises.suitability).
    """
    chosen = (
        safe_alternative(catalog, exercise_id, about_me, today=start)
        for exercise_id in TEMPLATE_NAMES[name]
    )
    picked = list(dict.fromkeys(exercise.id for exercise in chosen if exercise is not None))
    if not picked:
        raise RoutineRejected(["None of this routine's exercises suit what you said in About me."])
    items = tuple(entry_item(catalog.by_id[exercise_id]) for exercise_id in picked)
    return RoutineInput(name=name, items=items, days=DEFAULT_DAYS, start_date=start)


def describe_schedule(routine: RoutineInput, *, today: date) -> str:
    """When the routine runs, e.g. 'Mon, Wed, Fri · week 2 of 4, from Mon 23 Nov 2026'."""
    days = ", ".join(day.label for day in sorted(routine.days))
    week = week_number(routine, day=today)
    when = f"week {week} of {routine.weeks}" if week else f"{routine.weeks} weeks"
    return f"{days} · {when}, from {routine.start_date:%a %d %b %Y}"


def week_number(routine: RoutineInput, *, day: date) -> int | None:
    """Which week of the plan a day falls in (1-based), or None outside the plan."""
    offset = (day - routine.start_date).days
    if offset < 0 or offset >= routine.weeks * 7:
        return None
    return offset // 7 + 1


# One build-up step a week, one variable at a time (CLINICAL.md 4: progress one variable,
# at most one step a week): 5 s more hold, 2 more repetitions or 5 more minutes.
STEPS = {"hold_seconds": 5, "reps": 2, "minutes": 5}
BUILD_UP_NOTE = "Holds, repetitions and minutes build up gently towards the top of each safe range."


def dose_for_week(item: RoutineItem, *, exercise: Exercise, week: int, weeks: int) -> RoutineItem:
    """The item's dose in a given week: from week 2, one variable steps up each week."""
    dose = exercise.dose
    ranges = {"hold_seconds": dose.hold_seconds, "reps": dose.reps, "minutes": dose.minutes}
    values: dict[str, int] = {}
    tops: dict[str, int] = {}
    for name, allowed in ranges.items():
        value = getattr(item, name)
        if value is not None and allowed is not None:
            values[name], tops[name] = value, allowed.max
    for turn in range(min(week, weeks) - 1):
        growing = [name for name in values if values[name] < tops[name]]
        if not growing:
            break
        name = growing[turn % len(growing)]
        values[name] = min(values[name] + STEPS[name], tops[name])
    return item.model_copy(update=values)


def current_plan(routine: RoutineInput, *, catalog: Catalog, day: date) -> RoutineInput:
    """The routine seen from a day: this week's doses as the start, for the weeks that remain.

    After the plan's last week, a new four-week plan starting that day from the final doses.
    """
    week = week_number(routine, day=day)
    if week is None and day < routine.start_date:
        return routine
    at = week or routine.weeks
    items = tuple(
        dose_for_week(item, exercise=catalog.by_id[item.exercise_id], week=at, weeks=routine.weeks)
        if item.exercise_id in catalog.by_id
        else item
        for item in routine.items
    )
    if week is None:
        return routine.model_copy(update={"items": items, "start_date": day, "weeks": 4})
    start = routine.start_date + timedelta(days=7 * (week - 1))
    remaining = routine.weeks - week + 1
    return routine.model_copy(update={"items": items, "start_date": start, "weeks": remaining})


def plan_builds_further(routine: RoutineInput, *, catalog: Catalog, day: date) -> bool:
    """Whether the plan still steps up a dose after this week."""
    week = week_number(routine, day=day)
    if week is None or week >= routine.weeks:
        return False
    for item in routine.items:
        exercise = catalog.by_id.get(item.exercise_id)
        if exercise is None:
            continue
        now = dose_for_week(item, exercise=exercise, week=week, weeks=routine.weeks)
        later = dose_for_week(item, exercise=exercise, week=routine.weeks, weeks=routine.weeks)
        if now != later:
            return True
    return False


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
    first = max(after + timedelta(days=1), routine.start_date)
    for offset in range(7):
        day = first + timedelta(days=offset)
        if week_number(routine, day=day) is None:
            return None
        if Weekday(day.weekday()) in routine.days:
            return day
    return None


def first_session_day(routine: RoutineInput) -> date:
    """The first training day on or after the routine's start date."""
    start = routine.start_date
    if Weekday(start.weekday()) in routine.days:
        return start
    found = next_session_day(routine, after=start)
    return found if found is not None else start


def last_plan_day(routine: RoutineInput) -> date:
    """The last day of the plan's final week."""
    return routine.start_date + timedelta(days=7 * routine.weeks - 1)


def describe_item(item: RoutineItem) -> str:
    """The item's dose in plain words, e.g. '2 sets: hold 20 s, 3 times per side'."""
    return dose_words(
        minutes=item.minutes,
        hold_seconds=item.hold_seconds,
        reps=item.reps,
        per_side=item.per_side,
        sets=item.sets,
    )
