"""Sessions in context: their colour from the diary, and the suggestion for next time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sciatica.diary.triage import active_alert
from sciatica.exercises.models import Catalog
from sciatica.plans.models import ExerciseOutcome, Routine, Session
from sciatica.plans.progression import (
    Classification,
    Colour,
    Step,
    Suggestion,
    classify,
    seven_day_median,
    suggest_next_step,
)
from sciatica.plans.routine import current_plan, plan_builds_further
from sciatica.progress.summary import SessionPoint
from sciatica.storage.check_ins import DailyRow
from sciatica.storage.store import Store

HISTORY_SESSIONS = 10


@dataclass(frozen=True, slots=True)
class ClassifiedSession:
    """A logged session and its traffic light."""

    session: Session
    classification: Classification


@dataclass(frozen=True, slots=True)
class NextStep:
    """The suggestion for the latest session, and whether it still awaits a decision."""

    suggestion: Suggestion
    session: Session | None
    routine: Routine | None
    undecided: bool


def classified_sessions(
    store: Store, *, user_id: str, limit: int = HISTORY_SESSIONS
) -> list[ClassifiedSession]:
    """The latest sessions (oldest first), each classified with the check-ins around it."""
    recent = store.recent_sessions(user_id=user_id, limit=limit)
    if not recent:
        return []
    rows = store.daily_rows(
        user_id=user_id,
        start=recent[0].day - timedelta(days=7),
        end=recent[-1].day + timedelta(days=1),
    )
    leg_pain = {row.day: row.leg_pain for row in rows}
    result = []
    for session in recent:
        before = [
            pain
            for offset in range(1, 8)
            if (pain := leg_pain.get(session.day - timedelta(days=offset))) is not None
        ]
        classification = classify(
            session,
            next_morning_leg_pain=leg_pain.get(session.day + timedelta(days=1)),
            recent_median=seven_day_median(before),
        )
        result.append(ClassifiedSession(session, classification))
    return result


def next_step(store: Store, *, user_id: str, catalog: Catalog, today: date) -> NextStep | None:
    """What to do next time, from the latest sessions, the routine and any warning sign."""
    history = classified_sessions(store, user_id=user_id)
    latest = history[-1].session if history else None
    routine = None
    if latest is not None and latest.routine_id is not None:
        routine = store.get_routine(user_id=user_id, routine_id=latest.routine_id)
    routine = routine or store.active_routine(user_id=user_id)
    alert = active_alert(store.latest_check_in(user_id=user_id))
    last_progress = (
        store.last_progress_day(user_id=user_id, routine_id=routine.id) if routine else None
    )
    suggestion = suggest_next_step(
        colours=[item.classification.colour for item in history],
        last_session=latest,
        # Suggestions start from this week's doses; accepting one restarts the plan from there.
        routine=current_plan(routine, catalog=catalog, day=today) if routine else None,
        catalog=catalog,
        alert=alert,
        last_progress_day=last_progress,
        today=today,
        plan_building=routine is not None
        and plan_builds_further(routine, catalog=catalog, day=today),
    )
    if suggestion is None:
        return None
    decided = latest is not None and latest.id in store.decided_session_ids(
        user_id=user_id, session_ids=[latest.id]
    )
    actionable = suggestion.step is not Step.NO_SUGGESTIONS and latest is not None
    return NextStep(suggestion, latest, routine, undecided=actionable and not decided)


def decide(store: Store, *, user_id: str, step: NextStep, accept: bool) -> None:
    """Accept (changing the routine where the suggestion does) or dismiss a suggestion."""
    if step.session is None:
        raise ValueError("There is no session to decide on.")
    store.record_decision(
        user_id=user_id,
        session_id=step.session.id,
        step=step.suggestion.step.value,
        sentence=step.suggestion.sentence,
        accepted=accept,
        routine_id=step.routine.id if step.routine else None,
        routine_after=step.suggestion.routine_after if accept else None,
    )


def colour_words(colour: Colour) -> str:
    """How a colour reads to a person."""
    return {
        Colour.GREEN: "Green: went well",
        Colour.AMBER: "Amber: sore but manageable",
        Colour.RED: "Red: made symptoms worse",
    }[colour]


def session_points(
    store: Store, *, user_id: str, start: date, end: date, rows: list[DailyRow]
) -> list[SessionPoint]:
    """Sessions in a period for the progress charts, with next morning's leg pain from `rows`."""
    leg_pain = {row.day: row.leg_pain for row in rows}
    return [
        SessionPoint(
            day=session.day,
            pain_before=session.pain_before,
            worst_during=session.worst_during,
            pain_after=session.pain_after,
            next_morning_leg_pain=leg_pain.get(session.day + timedelta(days=1)),
            exercise_ids=tuple(
                exercise_id
                for exercise_id, outcome in session.outcomes.items()
                if outcome is not ExerciseOutcome.SKIPPED
            ),
        )
        for session in store.sessions_between(user_id=user_id, start=start, end=end)
    ]
