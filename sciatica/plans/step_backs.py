"""Stepping back: after a red session, or an exercise marked "This hurt" (CLINICAL.md 4 and 9).

Red always leads to a step back. The exercise marked "This hurt" steps back one step
(`doses.step_back`); with none marked (a session found red only next morning, say), the session
steps back as a whole through one exercise: the one changed most recently, or else the most
demanding one done. One that cannot go lower is named and left out, if the person agrees, or,
as the routine's only exercise, rested on a physiotherapist's advice. Two reds in a row pause
building up and recommend seeing a physiotherapist. An exercise marked "This hurt" in a session
that was not red steps back first too. No step back leads into a version the person's About-me
answers rule out (`allowed`).
"""

from __future__ import annotations

from collections.abc import Sequence

from sciatica.exercises.models import Catalog, Exercise, Kind, Level
from sciatica.i18n import N_, _
from sciatica.plans.classify import ClassifiedSession, Colour
from sciatica.plans.doses import Allowed, Move, step_back
from sciatica.plans.models import Decision, ExerciseOutcome, Routine, Step
from sciatica.plans.suggestion import Suggestion, changes_of, join_steps, keep

PAUSED = N_(
    "Your last two sessions made your symptoms worse, so building up is paused: please see a "
    "physiotherapist before you carry on"
)


def answered(latest: ClassifiedSession, last_change: Decision | None) -> bool:
    """Whether the routine's doses changed in answer to (or since) the latest session."""
    return last_change is not None and (
        last_change.session_id == latest.session.id
        # an edit, or a change imported from a file, made since that session
        or (last_change.session_id is None and last_change.day >= latest.session.day)
    )


def marked_hurt(session: ClassifiedSession, routine: Routine) -> set[str]:
    """The routine's exercises marked "This hurt" in a session."""
    held = {item.exercise_id for item in routine.current_items}
    return {
        exercise_id
        for exercise_id, outcome in session.session.outcomes.items()
        if outcome is ExerciseOutcome.HURT and exercise_id in held
    }


def after_hurt(
    latest: ClassifiedSession, routine: Routine, catalog: Catalog, allowed: Allowed
) -> Suggestion:
    """A session that was not red, with an exercise marked "This hurt": that one steps back."""
    hurt = marked_hurt(latest, routine)
    names = [catalog.by_id[i].name for i in sorted(hurt) if i in catalog.by_id] or ["?"]
    moves, stuck = _ease(routine, catalog, hurt, allowed)
    why = _("You marked the {name} “This hurt” in your last session").format(name=join_steps(names))
    words = [move.words for move in moves] + stuck
    eased = any(move.after is not None for move in moves)
    step = Step.STEP_BACK if eased or not moves else Step.LEAVE_OUT
    sentence = _("{why}, so {steps}.").format(why=why, steps=join_steps(words))
    return Suggestion(step, sentence, changes_of(moves), (latest.session.id,))


def _demand(exercise: Exercise) -> tuple[bool, bool, int]:
    """How demanding a version is: moderate before gentle, not walking, higher on its ladder."""
    return exercise.level is Level.MODERATE, exercise.kind is not Kind.AEROBIC, exercise.ladder


def _session_target(
    latest: ClassifiedSession, routine: Routine, catalog: Catalog, last_change: Decision | None
) -> tuple[str, str] | None:
    """With nothing marked, the exercise a red session steps back through, and why that one.

    The exercise changed most recently, or else the most demanding one done in the session
    (CLINICAL.md 4: the session steps back as a whole).
    """
    outcomes = latest.session.outcomes
    done = [
        item.exercise_id
        for item in routine.current_items
        if item.exercise_id in catalog.by_id
        and outcomes.get(item.exercise_id) is not ExerciseOutcome.SKIPPED
    ]
    if not done:
        return None
    changed = [
        change.after.exercise_id
        for change in (last_change.changes if last_change is not None else ())
        if change.after is not None and change.after.exercise_id in done
    ]
    if changed:
        return changed[-1], _("the one changed most recently")
    hardest = max(done, key=lambda exercise_id: _demand(catalog.by_id[exercise_id]))
    return hardest, _("the most demanding one")


def after_red(
    history: Sequence[ClassifiedSession],
    routine: Routine | None,
    catalog: Catalog,
    last_change: Decision | None,
    allowed: Allowed,
) -> Suggestion:
    latest = history[-1]
    twice = len(history) > 1 and history[-2].colour is Colour.RED
    basis = (history[-2].session.id, latest.session.id) if twice else (latest.session.id,)
    was_answered = answered(latest, last_change)
    hurt = marked_hurt(latest, routine) if routine is not None else set()
    whole = None
    if routine is not None and not hurt:
        whole = _session_target(latest, routine, catalog, last_change)
    targets = hurt or ({whole[0]} if whole else set())
    moves: list[Move] = []
    stuck: list[str] = []
    if not was_answered and routine is not None:
        moves, stuck = _ease(routine, catalog, targets, allowed)
    words = [move.words for move in moves] + stuck
    paused = _("{paused}.").format(paused=_(PAUSED))
    if twice and was_answered:  # said once and acted on: it stands, but asks nothing more
        return Suggestion(Step.KEEP, paused, basis=basis)
    if twice:
        if words:
            paused = _("{paused}; until then, {steps}.").format(
                paused=_(PAUSED), steps=join_steps(words)
            )
        return Suggestion(Step.PAUSE, paused, changes_of(moves), basis)
    if was_answered:
        return keep(
            _(
                "You eased your routine after your last session, so keep to it and see how the "
                "next one goes."
            ),
            latest,
        )
    why = _("Your last session made your symptoms worse ({reason})").format(
        reason=latest.classification.reasons[0]
    )
    if not words:
        return Suggestion(
            Step.STEP_BACK,
            _(
                "{why}, so next time do less, and mark any exercise that hurts with “This hurt” "
                "so that just that one can be eased."
            ).format(why=why),
            basis=basis,
        )
    eased = any(move.after is not None for move in moves)
    step = Step.STEP_BACK if eased or not moves else Step.LEAVE_OUT
    if whole is not None:
        sentence = _(
            "{why}, and no exercise was marked “This hurt”, so ease the session through "
            "{which}: {steps}."
        ).format(why=why, which=whole[1], steps=join_steps(words))
    else:
        sentence = _("{why}, so {steps}.").format(why=why, steps=join_steps(words))
    return Suggestion(step, sentence, changes_of(moves), basis)


def _ease(
    routine: Routine, catalog: Catalog, targets: set[str], allowed: Allowed
) -> tuple[list[Move], list[str]]:
    """A step back for each target exercise, or leaving it out; advice where neither fits."""
    items = routine.current_items
    held = [item.exercise_id for item in items]
    moves: list[Move] = []
    stuck: list[str] = []
    for item in items:
        if item.exercise_id not in targets:
            continue  # it went fine, or it was not marked: never change it
        name = catalog.by_id[item.exercise_id].name if item.exercise_id in catalog.by_id else "?"
        move = step_back(item, catalog=catalog, held=held, allowed=allowed)
        if move is not None:
            moves.append(move)
        elif len(items) - sum(m.after is None for m in moves) > 1:
            lowest = _(
                "leave out the {name}, which is already at its easiest and lowest dose"
            ).format(name=name)
            moves.append(Move(item, None, lowest))
        else:
            stuck.append(
                _(
                    "rest the {name}, which is already at its easiest and lowest dose, and ask a "
                    "physiotherapist what to do instead"
                ).format(name=name)
            )
    return moves, stuck
