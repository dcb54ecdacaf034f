"""When does the dose go up? The next step after the latest session (CLINICAL.md 4 and 9).

The routine's current doses are its state; this module only proposes a change, and the person
decides. The rules, in the order they are checked:

1. A warning sign in the latest check-in pauses every exercise suggestion.
2. Red (see `classify`) always leads to a step back: the exercise marked "This hurt" steps
   back one step (`doses.step_back`); with none marked, the session steps back as a whole
   through one exercise, the one changed most recently, or else the most demanding one. One
   that cannot go lower is named and left out, if the person agrees. Two reds in a row pause
   building up and recommend seeing a physiotherapist.
3. An exercise marked "This hurt" in a session that was not red steps back first; it never
   steps up while it was marked in any session since the routine's last change.
4. Amber keeps the dose.
5. Progress, one variable of one exercise (`doses.step_up`), only when all of these hold:
   the last two settled sessions since the last change were green and confirmed by next
   morning's check-in (a provisional session waits, one not confirmed breaks the run); no
   session in the last 7 days was red; the routine has not changed in the last 7 days.
   Otherwise keep the dose, saying which of these is missing. A step up never leads into a
   version the person's About-me answers or today's leg pain rule out (`allowed`).

Every suggestion says why in one sentence. Its `key` names what it rests on, so a decision
answers exactly one suggestion: when next morning's check-in changes the picture, the
suggestion changes and asks again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sciatica import clock, i18n
from sciatica.diary.triage import Triage
from sciatica.exercises.models import Catalog, Exercise, Kind, Level
from sciatica.i18n import N_, _
from sciatica.plans.classify import ClassifiedSession, Colour, Confirmation
from sciatica.plans.doses import Allowed, Move, anything, step_back, step_up
from sciatica.plans.models import Decision, ExerciseOutcome, ItemChange, Routine, RoutineItem, Step

CHANGE_EVERY_DAYS = 7  # at most one change a week
RED_BLOCKS_DAYS = 7  # no building up while a session in the last week was red
COUNT_WORDS = {2: N_("Two"), 3: N_("Three"), 4: N_("Four"), 5: N_("Five")}
# A suggestion's sentence is kept with a decision, in the language it was decided in.
WARNING = N_(
    "Exercise suggestions are paused because of a warning sign in your latest check-in; "
    "please follow the advice shown."
)
PAUSED = N_(
    "Your last two sessions made your symptoms worse, so building up is paused: please see a "
    "physiotherapist before you carry on"
)


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One step, the sentence that says what and why, and the change it would make."""

    step: Step
    sentence: str
    changes: tuple[ItemChange, ...] = ()
    basis: tuple[int, ...] = ()  # the sessions it rests on

    @property
    def key(self) -> str:
        """What this suggestion is: its step, the sessions it rests on and its change."""
        changes = json.dumps([change.model_dump(mode="json") for change in self.changes])
        digest = hashlib.sha256(changes.encode()).hexdigest()[:16]
        return f"{self.step.value}:{'-'.join(str(i) for i in self.basis)}:{digest}"

    @property
    def needs_decision(self) -> bool:
        """A change to accept or dismiss, or advice to acknowledge (a step back, a pause)."""
        return bool(self.changes) or self.step in (Step.STEP_BACK, Step.LEAVE_OUT, Step.PAUSE)

    def apply(self, items: Sequence[RoutineItem]) -> tuple[RoutineItem, ...]:
        """The routine's current items with this suggestion's changes made."""
        replaced = {c.before.exercise_id: c.after for c in self.changes if c.before is not None}
        result = []
        for item in items:
            if item.exercise_id not in replaced:
                result.append(item)
            elif (after := replaced[item.exercise_id]) is not None:
                result.append(after)
        return tuple(result)


AFTER_SURGERY = N_(
    "That went well. After back surgery, follow the programme your surgeon or physiotherapist "
    "gave you: the app suggests no step up of its own, so keep the same dose."
)


def join_steps(words: Sequence[str]) -> str:
    """Steps joined as one: 'a and b and c'."""
    joined = words[0]
    for word in words[1:]:
        joined = _("{first} and {second}").format(first=joined, second=word)
    return joined


def _keep(sentence: str, latest: ClassifiedSession) -> Suggestion:
    return Suggestion(Step.KEEP, sentence, basis=(latest.session.id,))


def _changes(moves: Sequence[Move]) -> tuple[ItemChange, ...]:
    return tuple(ItemChange(before=move.before, after=move.after) for move in moves)


def suggest_next_step(
    *,
    history: Sequence[ClassifiedSession],
    routine: Routine | None,
    catalog: Catalog,
    alert: Triage | None,
    last_change: Decision | None,
    today: date,
    after_surgery: bool = False,
    allowed: Allowed = anything,
) -> Suggestion | None:
    """The next step after the latest session (`history` oldest first); None without sessions.

    `last_change` is the routine's latest decision that changed its doses, if any. After back
    surgery in the last 6 months (About me), the app offers no step up of its own: the surgeon's
    or physiotherapist's programme leads; keeping or easing a dose still applies. `allowed`
    says which versions may be offered now (About me, today's leg pain): no step leads into
    another.
    """
    if alert is not None:
        return Suggestion(Step.WARNING, _(WARNING))
    if not history:
        return None
    latest = history[-1]
    if latest.colour is Colour.RED:
        return _after_red(history, routine, catalog, last_change, allowed)
    if routine is not None and not _answered(latest, last_change) and _hurt(latest, routine):
        return _after_hurt(latest, routine, catalog, allowed)
    if latest.colour is Colour.AMBER:
        why = latest.classification.reasons[0]
        sore = _("Your last session was sore but manageable ({why}), so keep the same dose.")
        return _keep(sore.format(why=why), latest)
    if after_surgery:
        return _keep(_(AFTER_SURGERY), latest)
    return _after_good(history, routine, catalog, last_change, today, allowed)


def _answered(latest: ClassifiedSession, last_change: Decision | None) -> bool:
    """Whether the routine's doses changed in answer to (or since) the latest session."""
    return last_change is not None and (
        last_change.session_id == latest.session.id
        # an edit, or a change imported from a file, made since that session
        or (last_change.session_id is None and last_change.day >= latest.session.day)
    )


def _hurt(session: ClassifiedSession, routine: Routine) -> set[str]:
    """The routine's exercises marked "This hurt" in a session."""
    held = {item.exercise_id for item in routine.current_items}
    return {
        exercise_id
        for exercise_id, outcome in session.session.outcomes.items()
        if outcome is ExerciseOutcome.HURT and exercise_id in held
    }


def _after_hurt(
    latest: ClassifiedSession, routine: Routine, catalog: Catalog, allowed: Allowed
) -> Suggestion:
    """A session that was not red, with an exercise marked "This hurt": that one steps back."""
    hurt = _hurt(latest, routine)
    names = [catalog.by_id[i].name for i in sorted(hurt) if i in catalog.by_id] or ["?"]
    moves, stuck = _ease(routine, catalog, hurt, allowed)
    why = _("You marked the {name} “This hurt” in your last session").format(name=join_steps(names))
    words = [move.words for move in moves] + stuck
    eased = any(move.after is not None for move in moves)
    step = Step.STEP_BACK if eased or not moves else Step.LEAVE_OUT
    sentence = _("{why}, so {steps}.").format(why=why, steps=join_steps(words))
    return Suggestion(step, sentence, _changes(moves), (latest.session.id,))


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


def _after_red(
    history: Sequence[ClassifiedSession],
    routine: Routine | None,
    catalog: Catalog,
    last_change: Decision | None,
    allowed: Allowed,
) -> Suggestion:
    latest = history[-1]
    twice = len(history) > 1 and history[-2].colour is Colour.RED
    basis = (history[-2].session.id, latest.session.id) if twice else (latest.session.id,)
    answered = _answered(latest, last_change)
    hurt = _hurt(latest, routine) if routine is not None else set()
    whole = None
    if routine is not None and not hurt:
        whole = _session_target(latest, routine, catalog, last_change)
    targets = hurt or ({whole[0]} if whole else set())
    moves: list[Move] = []
    stuck: list[str] = []
    if not answered and routine is not None:
        moves, stuck = _ease(routine, catalog, targets, allowed)
    words = [move.words for move in moves] + stuck
    paused = _("{paused}.").format(paused=_(PAUSED))
    if twice and answered:  # said once and acted on: it stands, but asks nothing more
        return Suggestion(Step.KEEP, paused, basis=basis)
    if twice:
        if words:
            paused = _("{paused}; until then, {steps}.").format(
                paused=_(PAUSED), steps=join_steps(words)
            )
        return Suggestion(Step.PAUSE, paused, _changes(moves), basis)
    if answered:
        return _keep(
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
    return Suggestion(step, sentence, _changes(moves), basis)


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


def _after_good(
    history: Sequence[ClassifiedSession],
    routine: Routine | None,
    catalog: Catalog,
    last_change: Decision | None,
    today: date,
    allowed: Allowed,
) -> Suggestion:
    latest = history[-1]
    if routine is None:
        return _keep(_("That went well: keep going at the same dose."), latest)
    reds = [
        s
        for s in history
        if s.colour is Colour.RED and today - s.session.day < timedelta(days=RED_BLOCKS_DAYS)
    ]
    if reds:
        worse = i18n.format_day(reds[-1].session.day)
        return _keep(
            _(
                "That went well, but your session on {day} made your symptoms worse, so keep "
                "this dose for a week after it."
            ).format(day=worse),
            latest,
        )
    if last_change is not None and today - last_change.day < timedelta(days=CHANGE_EVERY_DAYS):
        ready = clock.shift(last_change.day, CHANGE_EVERY_DAYS)
        return _keep(
            _(
                "Going well; your routine changed on {changed}, so keep this dose until "
                "{ready}: one change a week at most."
            ).format(changed=i18n.format_day(last_change.day), ready=i18n.format_day(ready)),
            latest,
        )
    # Sessions on the day of a change count as before it: the change usually answers them.
    since = last_change.day if last_change is not None else clock.shift(routine.start_date, -1)
    settled = [
        s
        for s in history
        if s.session.routine_id == routine.id
        and s.session.day > since
        and not s.classification.provisional
    ]
    run: list[ClassifiedSession] = []
    for session in reversed(settled):
        if not session.classification.confirmed_green:
            break
        run.insert(0, session)
    if len(run) < 2:
        return _keep(_not_yet(latest, len(run)), latest)
    blocked = {e for s in history if s.session.day > since for e in _hurt(s, routine)}
    move = step_up(routine.current_items, catalog=catalog, allowed=allowed, blocked=blocked)
    if move is None:
        full = _("Going well, and your routine is at its full dose, so keep it up.")
        return _keep(full, latest)
    count = _(COUNT_WORDS[len(run)]) if len(run) in COUNT_WORDS else str(len(run))
    start = clock.shift(since, 1) if last_change is None else since
    return Suggestion(
        Step.PROGRESS,
        _("{count} good sessions since {day}, next mornings no worse, so you could {step}.").format(
            count=count, day=i18n.format_date(start, "d MMM"), step=move.words
        ),
        _changes([move]),
        tuple(s.session.id for s in run[-2:]),
    )


def _not_yet(latest: ClassifiedSession, greens: int) -> str:
    """Why a good session does not build up yet."""
    if latest.classification.confirmation is Confirmation.WAITING:
        return _("That went well so far; tomorrow's check-in will confirm it, so keep this dose.")
    if latest.classification.confirmation is Confirmation.NOT_CONFIRMED:
        return _(
            "There was no check-in the morning after your last session, so it is not confirmed: "
            "keep this dose."
        )
    if greens == 1:
        return _(
            "That went well: keep this dose, and after one more good session you can build up."
        )
    return _(
        "Keep this dose: two good sessions in a row, each settled by next morning, come first."
    )
