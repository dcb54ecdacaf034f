"""After a session: was it green, amber or red, and what to do next time (CLINICAL.md 4).

Built on the pain-monitoring model (Silbernagel et al., Am J Sports Med 2007) with nerve-root
rules (symptoms spreading down the leg, new numbness or weakness). Every suggestion says why.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from statistics import median

from sciatica.diary.triage import Triage
from sciatica.exercises.catalog import easier_variant, harder_variant
from sciatica.exercises.models import Catalog, Exercise
from sciatica.plans.models import (
    ExerciseOutcome,
    LegResponse,
    RoutineInput,
    RoutineItem,
    SessionInput,
)
from sciatica.plans.routine import STEPS, entry_item

GREEN_MAX_DURING = 3
AMBER_MAX_DURING = 5
NOT_SETTLED_RISE = 2  # next-morning leg pain this far above the 7-day median: not settled
PROGRESS_EVERY_DAYS = 7  # at most one step up a week
REGRESS_FRACTION = 0.6  # 40% less volume, within the guide's 30-50%


class Colour(StrEnum):
    """The traffic light for one session."""

    GREEN = "green"
    AMBER = "amber"
    RED = "red"


class Step(StrEnum):
    """What the suggestion proposes."""

    PROGRESS = "progress"
    KEEP = "keep"
    REGRESS = "regress"
    PAUSE = "pause"
    NO_SUGGESTIONS = "no_suggestions"


@dataclass(frozen=True, slots=True)
class Classification:
    """A session's colour, the reasons for it, and whether next morning is still to come."""

    colour: Colour
    reasons: tuple[str, ...]
    provisional: bool


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One sentence with its reason, and the routine it would lead to (if it changes it)."""

    step: Step
    sentence: str
    routine_after: RoutineInput | None = None


def seven_day_median(leg_pain_before: list[int]) -> float | None:
    """The median leg pain of the check-ins in the seven days before a session."""
    return median(leg_pain_before) if leg_pain_before else None


def classify(
    session: SessionInput, *, next_morning_leg_pain: int | None, recent_median: float | None
) -> Classification:
    """Green, amber or red for a session, using next morning's check-in where there is one."""
    red, amber = [], []
    if session.worst_during > AMBER_MAX_DURING:
        red.append(f"pain reached {session.worst_during}/10 during the session")
    elif session.worst_during > GREEN_MAX_DURING:
        amber.append(f"pain reached {session.worst_during}/10 during the session")
    if session.leg_response is LegResponse.DOWN:
        red.append("symptoms spread further down your leg")
    if session.new_numbness_or_weakness:
        red.append("you noticed new numbness or weakness")
    settled = None
    if next_morning_leg_pain is not None:
        threshold = recent_median if recent_median is not None else session.pain_before
        settled = next_morning_leg_pain < threshold + NOT_SETTLED_RISE
        if not settled:
            red.append(f"leg pain was still up the next morning ({next_morning_leg_pain}/10)")
    if red:
        return Classification(Colour.RED, tuple(red), provisional=False)
    provisional = settled is None
    if amber:
        return Classification(Colour.AMBER, tuple(amber), provisional)
    return Classification(Colour.GREEN, ("pain stayed low and settled",), provisional)


def suggest_next_step(
    *,
    colours: list[Colour],
    last_session: SessionInput | None,
    routine: RoutineInput | None,
    catalog: Catalog,
    alert: Triage | None,
    last_progress_day: date | None,
    today: date,
    plan_building: bool = False,
) -> Suggestion | None:
    """The next step after the latest session (colours oldest first); None without sessions.

    `routine` is the plan as it stands this week; while `plan_building`, the plan's own weekly
    step is the progression, so good sessions are met with "keep following it".
    """
    if alert is not None:
        return Suggestion(
            Step.NO_SUGGESTIONS,
            "Exercise suggestions are paused because of a warning sign in your latest "
            "check-in; please follow the advice shown.",
        )
    if not colours or last_session is None:
        return None
    if colours[-2:] == [Colour.RED, Colour.RED]:
        return Suggestion(
            Step.PAUSE,
            "Your last two sessions made your symptoms worse, so pause building up and "
            "consider seeing a physiotherapist before you carry on.",
        )
    if colours[-1] is Colour.RED:
        return _regress(last_session, routine, catalog)
    if colours[-1] is Colour.AMBER:
        return Suggestion(
            Step.KEEP,
            "Your last session was manageable but sore, so keep the same dose next time.",
        )
    if colours[-2:] != [Colour.GREEN, Colour.GREEN] or routine is None:
        return Suggestion(Step.KEEP, "That went well: keep the same dose for now.")
    if plan_building:
        return Suggestion(
            Step.KEEP,
            "Your last two sessions went well, so keep following your plan: it builds up one "
            "small step each week.",
        )
    if last_progress_day is not None and today - last_progress_day < timedelta(
        days=PROGRESS_EVERY_DAYS
    ):
        ready = last_progress_day + timedelta(days=PROGRESS_EVERY_DAYS)
        return Suggestion(
            Step.KEEP,
            f"Going well; you built up recently, so keep this dose until {ready:%A %d %B}.",
        )
    return _progress(routine, catalog)


_STEP_WORDS = {
    "hold_seconds": "hold the {exercise} for {new} seconds instead of {old}",
    "reps": "do the {exercise} {new} times instead of {old}",
    "minutes": "make the {exercise} {new} minutes instead of {old}",
}


def _replace(routine: RoutineInput, index: int, item: RoutineItem) -> RoutineInput:
    items = list(routine.items)
    items[index] = item
    return routine.model_copy(update={"items": tuple(items)})


def _progress(routine: RoutineInput, catalog: Catalog) -> Suggestion:
    reason = "Your last two sessions went well"
    for index, item in enumerate(routine.items):
        exercise = catalog.by_id.get(item.exercise_id)
        if exercise is None:
            continue
        dose = exercise.dose
        ranges = {"hold_seconds": dose.hold_seconds, "reps": dose.reps, "minutes": dose.minutes}
        for name, allowed in ranges.items():
            old = getattr(item, name)
            if old is None or allowed is None or old >= allowed.max:
                continue
            new = min(old + STEPS[name], allowed.max)
            change = _STEP_WORDS[name].format(exercise=exercise.name, new=new, old=old)
            return Suggestion(
                Step.PROGRESS,
                f"{reason}, so you could {change}.",
                _replace(routine, index, item.model_copy(update={name: new})),
            )
        if dose.sets and item.sets < dose.sets.max:
            return Suggestion(
                Step.PROGRESS,
                f"{reason}, so you could add a set of the {exercise.name}.",
                _replace(routine, index, item.model_copy(update={"sets": item.sets + 1})),
            )
    for index, item in enumerate(routine.items):
        harder = harder_variant(catalog, exercise_id=item.exercise_id)
        if harder is not None and harder.id not in {i.exercise_id for i in routine.items}:
            current = catalog.by_id[item.exercise_id]
            return Suggestion(
                Step.PROGRESS,
                f"{reason} at the top of every dose, so you could move from the {current.name} "
                f"to the {harder.name}.",
                _replace(routine, index, entry_item(harder)),
            )
    return Suggestion(Step.KEEP, f"{reason}; your routine is at its full dose, so keep it up.")


def _regress(session: SessionInput, routine: RoutineInput | None, catalog: Catalog) -> Suggestion:
    generic = (
        "Your last session made your symptoms worse, so next time do less: fewer repetitions "
        "or shorter holds, and stop any exercise that hurts."
    )
    if routine is None:
        return Suggestion(Step.REGRESS, generic)
    hurt = [eid for eid, outcome in session.outcomes.items() if outcome is ExerciseOutcome.HURT]
    order = sorted(
        range(len(routine.items)),
        key=lambda i: routine.items[i].exercise_id not in hurt,  # exercises that hurt first
    )
    for index in order:
        item = routine.items[index]
        exercise = catalog.by_id.get(item.exercise_id)
        if exercise is None:
            continue
        easier = easier_variant(catalog, exercise_id=item.exercise_id)
        if easier is not None and easier.id not in {i.exercise_id for i in routine.items}:
            return Suggestion(
                Step.REGRESS,
                f"Your last session made your symptoms worse, so try the easier {easier.name} "
                f"instead of the {exercise.name}.",
                _replace(routine, index, entry_item(easier)),
            )
        lighter = _lighter(item, exercise)
        if lighter != item:
            return Suggestion(
                Step.REGRESS,
                f"Your last session made your symptoms worse, so do less of the "
                f"{exercise.name} next time.",
                _replace(routine, index, lighter),
            )
    return Suggestion(Step.REGRESS, generic)


def _lighter(item: RoutineItem, exercise: Exercise) -> RoutineItem:
    """One set fewer, or 40% less hold, repetitions and minutes, not below the safe range."""
    if item.sets > 1:
        return item.model_copy(update={"sets": item.sets - 1})
    dose = exercise.dose
    ranges = {"hold_seconds": dose.hold_seconds, "reps": dose.reps, "minutes": dose.minutes}
    update = {}
    for name, allowed in ranges.items():
        value = getattr(item, name)
        if value is not None and allowed is not None:
            update[name] = max(allowed.min, round(value * REGRESS_FRACTION))
    return item.model_copy(update=update)
