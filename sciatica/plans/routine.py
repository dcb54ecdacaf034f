"""Routines: checking a plan against the catalogue, its training days and a day's session.

A routine has no schedule of doses: it is followed at its current doses every training day,
and only a decision changes them (`progression` says which, `sessions` records it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sciatica import clock, i18n
from sciatica.diary.models import AboutMe
from sciatica.exercises.models import Catalog, Exercise, IntRange, Kind, dose_words
from sciatica.exercises.suitability import safe_alternative
from sciatica.i18n import N_, _
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
# A template is named in English here and in the person's language where shown (`_(name)`).
TEMPLATE_NAMES = {N_("Starter routine"): STARTER, N_("Gentle routine"): GENTLE}
ROUTINE_INTRO = N_(
    "A plan of exercises for set days of the week. It builds up only after good sessions, "
    "and steps back when your leg says so."
)
# How each dose dimension's number is written after it, in safe ranges and refusals.
UNITS = {"sets": "", "hold_seconds": " s", "reps": "", "minutes": " min"}
# Each dimension's name in a refusal ("Clamshell: choose repetitions (8-15).").
DIMENSIONS = {"hold": N_("hold"), "repetitions": N_("repetitions"), "minutes": N_("minutes")}


class RoutineRejected(ValueError):
    """The routine asks for something the catalogue does not allow; `problems` says what."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(" ".join(problems))


@dataclass(frozen=True, slots=True)
class PlannedSession:
    """The session a routine plans for one day, at its current doses."""

    day: date
    items: tuple[tuple[RoutineItem, Exercise], ...]


def _check_dimension(
    name: str, value: int | None, allowed: IntRange | None, exercise: Exercise, unit: str
) -> str | None:
    what = _(DIMENSIONS[name])
    if allowed is None:
        if value is None:
            return None
        return _("{exercise}: {what} does not apply.").format(exercise=exercise.name, what=what)
    safe = f"{allowed.min}-{allowed.max}{unit}"
    if value is None:
        return _("{exercise}: choose {what} ({safe}).").format(
            exercise=exercise.name, what=what, safe=safe
        )
    if not allowed.min <= value <= allowed.max:
        return _("{exercise}: {what} {value} is outside the safe range {safe}.").format(
            exercise=exercise.name, what=what, value=f"{value}{unit}", safe=safe
        )
    return None


def check_routine(routine: RoutineInput, *, catalog: Catalog) -> None:
    """Raise RoutineRejected unless every exercise exists and every dose is in its safe range."""
    problems = []
    for item in routine.items:
        exercise = catalog.by_id.get(item.exercise_id)
        if exercise is None:
            problems.append(_("Unknown exercise {id}.").format(id=repr(item.exercise_id)))
            continue
        dose = exercise.dose
        max_sets = dose.sets.max if dose.sets else 1
        checks = [
            _check_dimension(
                "hold", item.hold_seconds, dose.hold_seconds, exercise, UNITS["hold_seconds"]
            ),
            _check_dimension("repetitions", item.reps, dose.reps, exercise, UNITS["reps"]),
            _check_dimension("minutes", item.minutes, dose.minutes, exercise, UNITS["minutes"]),
            None
            if item.sets <= max_sets
            else _("{exercise}: at most {sets} sets.").format(
                exercise=exercise.name, sets=max_sets
            ),
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
        raise RoutineRejected(
            [_("None of this routine's exercises suit what you said in About me.")]
        )
    items = tuple(entry_item(catalog.by_id[exercise_id]) for exercise_id in picked)
    return RoutineInput(name=_(name), items=items, days=DEFAULT_DAYS, start_date=start)


def describe_schedule(routine: RoutineInput) -> str:
    """When the routine runs, e.g. 'Mon, Wed, Fri · from Mon 23 Nov 2026'."""
    days = ", ".join(day.label for day in sorted(routine.days))
    start = i18n.format_date(routine.start_date, "EEE dd MMM y")
    return _("{days} · from {start}").format(days=days, start=start)


def is_daily(exercise: Exercise) -> bool:
    """Whether the guide asks for it every day (walking and other aerobic activity)."""
    # CLINICAL.md 3: low-impact aerobic activity 20-30 min daily, not only on routine days.
    per_week = exercise.dose.days_per_week
    return exercise.kind is Kind.AEROBIC or (per_week is not None and per_week.max >= 7)


def session_for_day(routine: RoutineInput, *, catalog: Catalog, day: date) -> PlannedSession | None:
    """The planned session for a day at the routine's doses; None on a rest day or before it."""
    if day < routine.start_date or Weekday(day.weekday()) not in routine.days:
        return None
    items = tuple(
        (item, catalog.by_id[item.exercise_id])
        for item in routine.items
        if item.exercise_id in catalog.by_id
    )
    return PlannedSession(day=day, items=items)


def session_any_day(routine: RoutineInput, *, catalog: Catalog, day: date) -> PlannedSession | None:
    """The routine's session on a day it does not plan one (a rest day): done all the same.

    None before the routine starts. Logged like any other, so the same rules judge it.
    """
    if day < routine.start_date:
        return None
    items = tuple(
        (item, catalog.by_id[item.exercise_id])
        for item in routine.items
        if item.exercise_id in catalog.by_id
    )
    return PlannedSession(day=day, items=items)


def daily_items(
    routine: RoutineInput, *, catalog: Catalog, day: date
) -> tuple[tuple[RoutineItem, Exercise], ...]:
    """What the routine offers every day, rest days too: its walking and other aerobic items."""
    if day < routine.start_date:
        return ()
    found = ((item, catalog.by_id.get(item.exercise_id)) for item in routine.items)
    return tuple((item, exercise) for item, exercise in found if exercise and is_daily(exercise))


def next_session_day(routine: RoutineInput, *, after: date) -> date | None:
    """The next training day after a day (the first one, for a day before the routine).

    None only where the calendar ends first (a stored date in the last week of year 9999).
    """
    first = max(clock.shift(after, 1), routine.start_date)
    for offset in range(7):
        day = clock.shift(first, offset)
        if Weekday(day.weekday()) in routine.days:
            return day
    return None


def first_session_day(routine: RoutineInput) -> date | None:
    """The first training day on or after the routine's start date (None past the calendar)."""
    start = routine.start_date
    if Weekday(start.weekday()) in routine.days:
        return start
    return next_session_day(routine, after=start)


def describe_item(item: RoutineItem) -> str:
    """The item's dose in plain words, e.g. '2 sets: hold 20 s, 3 times per side'."""
    return dose_words(
        minutes=item.minutes,
        hold_seconds=item.hold_seconds,
        reps=item.reps,
        per_side=item.per_side,
        sets=item.sets,
    )
