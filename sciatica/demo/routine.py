"""The demo's routine, followed by the app's own rules as a person accepting every change."""

from __future__ import annotations

import random
from datetime import UTC, datetime, time

from sciatica.diary.models import CheckInInput
from sciatica.exercises.catalog import load_catalog
from sciatica.plans.classify import ClassifiedSession, classify_in_diary
from sciatica.plans.models import (
    Change,
    Decision,
    ExerciseOutcome,
    Routine,
    RoutineInput,
    RoutineRecord,
    Session,
    SessionInput,
)
from sciatica.plans.progression import suggest_next_step
from sciatica.plans.routine import STARTER


def _outcomes(ids: list[str], *, hurt: bool, rng: random.Random) -> dict[str, ExerciseOutcome]:
    outcomes = dict.fromkeys(ids, ExerciseOutcome.DONE)
    if hurt:
        outcomes[rng.choice(ids)] = ExerciseOutcome.HURT
    return outcomes


def follow_routine(
    routine: RoutineInput,
    sessions: list[tuple[SessionInput, bool]],
    *,
    history: list[CheckInInput],
    seed: int,
) -> tuple[list[SessionInput], RoutineRecord]:
    """Follow a routine through the sessions from its start, as a person accepting every change.

    On each session day the app's own rules (`progression`) are asked first; their change is
    accepted, and the session is done at the doses that result. Returns the sessions with
    their outcomes, and the routine with its doses now and its history.
    """
    rng = random.Random(seed + 2)
    catalog = load_catalog()
    leg_pain = {entry.day: entry.leg_pain for entry in history}
    stamp = datetime.combine(routine.start_date, time(18), tzinfo=UTC)
    current, changes = routine.items, list[Change]()
    done: list[SessionInput] = []
    seen: list[ClassifiedSession] = []
    last: Decision | None = None
    for session, hurt in sessions:
        if session.day < routine.start_date:
            done.append(
                session.model_copy(
                    update={"outcomes": _outcomes(list(STARTER), hurt=hurt, rng=rng)}
                )
            )
            continue
        today = session.day
        followed = Routine(
            **routine.model_dump(),
            id=1,
            user_id="demo",
            active=True,
            current_items=current,
            created_at=stamp,
            updated_at=stamp,
        )
        judged = [classify_in_diary(s.session, leg_pain=leg_pain, today=today) for s in seen]
        step = suggest_next_step(
            history=judged,
            routine=followed,
            catalog=catalog,
            alert=None,
            last_change=last,
            today=today,
        )
        if step is not None and step.changes:
            change = Change(
                day=today,
                step=step.step,
                sentence=step.sentence,
                accepted=True,
                changed=True,
                changes=step.changes,
            )
            current = step.apply(current)
            changes.append(change)
            last = Decision(
                **change.model_dump(),
                id=len(changes),
                routine_id=1,
                session_id=judged[-1].session.id,
                key=step.key,
                created_at=stamp,
            )
        ids = [item.exercise_id for item in current]
        logged = session.model_copy(
            update={"routine_id": 1, "outcomes": _outcomes(ids, hurt=hurt, rng=rng)}
        )
        done.append(logged)
        stored = Session(**logged.model_dump(), id=len(done), user_id="demo", created_at=stamp)
        seen.append(classify_in_diary(stored, leg_pain=leg_pain, today=today))
    record = RoutineRecord(
        key=1, routine=routine, active=True, current_items=current, history=tuple(changes)
    )
    return done, record
