"""The guided session: today's exercises one at a time, as frozen state and pure transitions.

A guided session keeps the planned session it began with, so its exercises and doses stay put
however often the page redraws, even across midnight or a change to the routine's doses. It
moves through three things per exercise: the countdown and repetition counter from `timer`
(made fresh each time an exercise comes up), an outcome (Done, Skip, This hurt) that moves on,
and a note after an exercise that hurt. Stopping early, or the last outcome, leaves it
reviewing: every exercise listed with how it went, ready for the session log.

The page keeps one `GuidedSession` in session state and swaps it for what a transition returns;
nothing here reads the clock (`now` comes from `clock.ticks()`) or knows about Streamlit.
`resume` ends a session that no longer applies: a warning sign, a day without a session, or
another routine. The sentences a session says to the person live here too, not in the page.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sciatica.exercises.models import Exercise
from sciatica.i18n import N_, _
from sciatica.plans.classify import Classification, Confirmation
from sciatica.plans.models import ExerciseOutcome, RoutineItem
from sciatica.plans.routine import PlannedSession, entry_item
from sciatica.plans.timer import Countdown, RepCounter

# Stopping was right, and spreading symptoms or new numbness are the signs to stop for the day
# (CLINICAL.md 4 and 5: do not push through pain; peripheralisation and new numbness are red).
HURT_NOTE = N_(
    "You stopped the {name} because it hurt: that was the right thing to do. "
    "If symptoms spread down your leg or you feel new numbness, stop and log the session."
)
# A held stretch is let go of gently, not dropped (the guide's steps end each hold slowly).
HOLD_DONE = N_("Hold done: ease out of the position slowly, then rest.")
# The 0-10 numeric rating scale's anchors, as the check-in asks them (CLINICAL.md 2).
PAIN_HELP = N_("0 = no pain, 10 = the worst pain you can imagine.")
# A session's colour waits on next morning's leg pain (CLINICAL.md 4: settled by next morning).
PROVISIONAL_NOTE = N_("The next morning's check-in may still change this.")
NOT_CONFIRMED_NOTE = N_("There was no check-in the next morning, so it is not confirmed.")
OUTCOME_WORDS = {
    ExerciseOutcome.DONE: N_("done"),
    ExerciseOutcome.SKIPPED: N_("skipped"),
    ExerciseOutcome.HURT: N_("this hurt"),
}
NOT_REACHED = N_("not reached")


@dataclass(frozen=True, slots=True)
class GuidedSession:
    """One guided session of a routine: where it is, how each exercise went, and its tools."""

    routine_id: int
    plan: PlannedSession
    index: int = 0
    outcomes: tuple[tuple[str, ExerciseOutcome], ...] = ()
    note: str | None = None
    timer: Countdown | None = None
    counter: RepCounter | None = None

    @property
    def reviewing(self) -> bool:
        """Whether every exercise is behind it (or it was stopped early): time to log it."""
        return self.index >= len(self.plan.items)

    @property
    def current(self) -> tuple[RoutineItem, Exercise] | None:
        """The exercise on screen at its dose; None while reviewing."""
        return None if self.reviewing else self.plan.items[self.index]

    @property
    def outcome_by_id(self) -> dict[str, ExerciseOutcome]:
        """How each exercise reached so far went, by exercise id (what the session log stores)."""
        return dict(self.outcomes)

    def progress(self) -> tuple[float, str]:
        """The share of exercises behind it and its words, e.g. (0.5, 'Exercise 3 of 6')."""
        total = len(self.plan.items)
        words = _("Exercise {number} of {total}").format(number=self.index + 1, total=total)
        return self.index / total, words

    def review(self) -> tuple[str, ...]:
        """Each planned exercise and how it went, e.g. 'Clamshell: this hurt'."""
        went = {exercise_id: _(OUTCOME_WORDS[outcome]) for exercise_id, outcome in self.outcomes}
        return tuple(
            _("{exercise}: {went}").format(
                exercise=exercise.name, went=went.get(exercise.id) or _(NOT_REACHED)
            )
            for _item, exercise in self.plan.items
        )


def tools_for(item: RoutineItem) -> tuple[Countdown | None, RepCounter | None]:
    """A countdown for a hold or timed exercise and a counter for repetitions, as the dose asks."""
    seconds = item.hold_seconds or (item.minutes or 0) * 60
    timer = Countdown(seconds) if seconds else None
    if not item.reps:
        return timer, None
    return timer, RepCounter(reps=item.reps, sets=item.sets, per_side=item.per_side)


def _at(state: GuidedSession, index: int) -> GuidedSession:
    """The session moved to an exercise (or past the last), with that exercise's fresh tools."""
    items = state.plan.items
    timer, counter = tools_for(items[index][0]) if index < len(items) else (None, None)
    return replace(state, index=index, timer=timer, counter=counter)


def begin(*, routine_id: int, plan: PlannedSession) -> GuidedSession:
    """A guided session at the first exercise of the day's plan."""
    return _at(GuidedSession(routine_id=routine_id, plan=plan), 0)


def resume(
    state: GuidedSession | None, *, routine_id: int | None, plan: PlannedSession | None, alert: bool
) -> GuidedSession | None:
    """The session, unless a warning sign, a day without a session or another routine ends it."""
    if state is None or alert or plan is None or routine_id != state.routine_id:
        return None
    return state


def record(state: GuidedSession, outcome: ExerciseOutcome) -> GuidedSession:
    """How the current exercise went, then on to the next (with a note if it hurt)."""
    if state.current is None:
        return state
    exercise = state.current[1]
    note = _(HURT_NOTE).format(name=exercise.name) if outcome is ExerciseOutcome.HURT else None
    moved = replace(state, outcomes=(*state.outcomes, (exercise.id, outcome)), note=note)
    return _at(moved, state.index + 1)


def swap(state: GuidedSession, exercise: Exercise) -> GuidedSession:
    """The exercise on screen swapped for a safer version at its entry dose (About me).

    Only today's session changes; the routine stays as it is unless the person accepts the
    swap it offers.
    """
    if state.current is None:
        return state
    items = list(state.plan.items)
    items[state.index] = (entry_item(exercise), exercise)
    plan = replace(state.plan, items=tuple(items))
    return _at(replace(state, plan=plan, note=None), state.index)


def stop_early(state: GuidedSession) -> GuidedSession:
    """Leave the remaining exercises unreached and go to the review."""
    return _at(state, len(state.plan.items))


def settle(state: GuidedSession, *, now: float) -> tuple[GuidedSession, bool]:
    """Stop a countdown that has just run out and count the repetition it timed; True then."""
    if state.timer is None:
        return state, False
    timer, ran_out = state.timer.settle(now=now)
    counter = state.counter.count() if ran_out and state.counter is not None else state.counter
    return replace(state, timer=timer, counter=counter), ran_out


def start_timer(state: GuidedSession, *, now: float) -> GuidedSession:
    """Start or resume the countdown."""
    if state.timer is None:
        return state
    return replace(state, timer=state.timer.start(now=now))


def pause_timer(state: GuidedSession, *, now: float) -> GuidedSession:
    """Pause the countdown, keeping the time counted."""
    if state.timer is None:
        return state
    return replace(state, timer=state.timer.pause(now=now))


def reset_timer(state: GuidedSession) -> GuidedSession:
    """The countdown back to its full time, stopped."""
    if state.timer is None:
        return state
    return replace(state, timer=state.timer.reset())


def count(state: GuidedSession) -> GuidedSession:
    """One more repetition done."""
    if state.counter is None:
        return state
    return replace(state, counter=state.counter.count())


def undo(state: GuidedSession) -> GuidedSession:
    """One repetition fewer."""
    if state.counter is None:
        return state
    return replace(state, counter=state.counter.undo())


def start_label(timer: Countdown, *, now: float) -> str:
    """'Resume' for a paused countdown with time left, else 'Start'."""
    paused = not timer.running and timer.elapsed and timer.remaining(now=now)
    return _("Resume") if paused else _("Start")


def colour_reason(classification: Classification) -> str:
    """Why a session got its colour, and what next morning has (or has not) said about it."""
    why = _("Because {reasons}.").format(reasons="; ".join(classification.reasons))
    if classification.provisional:
        return f"{why} {_(PROVISIONAL_NOTE)}"
    if classification.confirmation is Confirmation.NOT_CONFIRMED:
        return f"{why} {_(NOT_CONFIRMED_NOTE)}"
    return why
