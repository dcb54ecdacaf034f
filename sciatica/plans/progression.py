"""When does the dose go up? The next step after the latest session (CLINICAL.md 4 and 9).

The routine's current doses are its state; this module only proposes a change, and the person
decides. The rules, in the order they are checked:

1. A warning sign in the latest check-in pauses every exercise suggestion.
2. Red (see `classify`): the exercise that hurt steps back one step (`doses.step_back`); one
   that cannot go lower is named and left out, if the person agrees. An exercise that went
   fine is never changed; with no exercise marked as hurting, the advice is to do less. Two
   reds in a row pause building up and recommend seeing a physiotherapist.
3. Amber keeps the dose.
4. Progress, one variable of one exercise (`doses.step_up`), only when all of these hold:
   the last two settled sessions since the last change were green and confirmed by next
   morning's check-in (a provisional session waits, one not confirmed breaks the run); no
   session in the last 7 days was red; the routine has not changed in the last 7 days.
   Otherwise keep the dose, saying which of these is missing.

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
from sciatica.exercises.models import Catalog
from sciatica.i18n import N_, _
from sciatica.plans.classify import ClassifiedSession, Colour, Confirmation
from sciatica.plans.doses import Move, step_back, step_up
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


def _and(words: Sequence[str]) -> str:
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
) -> Suggestion | None:
    """The next step after the latest session (`history` oldest first); None without sessions.

    `last_change` is the routine's latest decision that changed its doses, if any. After back
    surgery in the last 6 months (About me), the app offers no step up of its own: the surgeon's
    or physiotherapist's programme leads; keeping or easing a dose still applies.
    """
    if alert is not None:
        return Suggestion(Step.WARNING, _(WARNING))
    if not history:
        return None
    latest = history[-1]
    if latest.colour is Colour.RED:
        return _after_red(history, routine, catalog, last_change)
    if latest.colour is Colour.AMBER:
        why = latest.classification.reasons[0]
        sore = _("Your last session was sore but manageable ({why}), so keep the same dose.")
        return _keep(sore.format(why=why), latest)
    if after_surgery:
        return _keep(_(AFTER_SURGERY), latest)
    return _after_good(history, routine, catalog, last_change, today)


def _after_red(
    history: Sequence[ClassifiedSession],
    routine: Routine | None,
    catalog: Catalog,
    last_change: Decision | None,
) -> Suggestion:
    latest = history[-1]
    twice = len(history) > 1 and history[-2].colour is Colour.RED
    basis = (history[-2].session.id, latest.session.id) if twice else (latest.session.id,)
    answered = last_change is not None and (
        last_change.session_id == latest.session.id
        # an edit, or a change imported from a file, made since that session
        or (last_change.session_id is None and last_change.day >= latest.session.day)
    )
    moves, stuck = ([], []) if answered or routine is None else _ease(latest, routine, catalog)
    words = [move.words for move in moves] + stuck
    paused = _("{paused}.").format(paused=_(PAUSED))
    if twice and answered:  # said once and acted on: it stands, but asks nothing more
        return Suggestion(Step.KEEP, paused, basis=basis)
    if twice:
        if words:
            paused = _("{paused}; until then, {steps}.").format(paused=_(PAUSED), steps=_and(words))
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
    sentence = _("{why}, so {steps}.").format(why=why, steps=_and(words))
    return Suggestion(step, sentence, _changes(moves), basis)


def _ease(
    latest: ClassifiedSession, routine: Routine, catalog: Catalog
) -> tuple[list[Move], list[str]]:
    """A step back for each exercise that hurt, or leaving it out; advice where neither fits."""
    hurt = {e for e, outcome in latest.session.outcomes.items() if outcome is ExerciseOutcome.HURT}
    items = routine.current_items
    held = [item.exercise_id for item in items]
    moves: list[Move] = []
    stuck: list[str] = []
    for item in items:
        if item.exercise_id not in hurt:
            continue  # it went fine, or it was not marked: never change it
        name = catalog.by_id[item.exercise_id].name if item.exercise_id in catalog.by_id else "?"
        move = step_back(item, catalog=catalog, held=held)
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
    move = step_up(routine.current_items, catalog=catalog)
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
