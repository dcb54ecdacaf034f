"""The guided session: one exercise at a time, its tools, its outcomes and when it ends."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date

import pytest

from sciatica.exercises.catalog import load_catalog
from sciatica.plans import guided
from sciatica.plans.classify import Classification, Colour, Confirmation
from sciatica.plans.guided import GuidedSession
from sciatica.plans.models import ExerciseOutcome, RoutineItem
from sciatica.plans.routine import PlannedSession, entry_item
from sciatica.plans.timer import Countdown, RepCounter

CATALOG = load_catalog()
DAY = date(2026, 11, 23)  # any day: nothing here depends on the calendar
ROUTINE_ID = 7
T0 = 1_000_000.0
# A hold with repetitions per side, a timed walk, and repetitions only.
EXERCISES = ("knee-to-chest", "low-impact-aerobic", "clamshell")


def make_plan(*exercise_ids: str) -> PlannedSession:
    items = tuple(
        (entry_item(CATALOG.by_id[exercise_id]), CATALOG.by_id[exercise_id])
        for exercise_id in exercise_ids or EXERCISES
    )
    return PlannedSession(day=DAY, items=items)


def make_session(**overrides: object) -> GuidedSession:
    session = guided.begin(routine_id=ROUTINE_ID, plan=make_plan())
    return dataclasses.replace(session, **overrides)


def at_exercise(index: int) -> GuidedSession:
    session = make_session()
    for _ in range(index):
        session = guided.record(session, ExerciseOutcome.DONE)
    return session


def test_a_new_session_starts_at_the_first_exercise_with_its_tools() -> None:
    session = make_session()
    assert session.current == make_plan().items[0]
    assert (session.index, session.outcomes, session.note) == (0, (), None)
    assert session.timer == Countdown(20)
    assert session.counter == RepCounter(reps=3, sets=1, per_side=True)
    assert not session.reviewing


@pytest.mark.parametrize(
    ("dose", "timer", "counter"),
    [
        ({"hold_seconds": 20, "reps": 3}, Countdown(20), RepCounter(reps=3)),
        ({"hold_seconds": 30}, Countdown(30), None),
        ({"minutes": 10}, Countdown(600), None),
        ({"reps": 8, "sets": 2, "per_side": True}, None, RepCounter(8, sets=2, per_side=True)),
        ({}, None, None),
    ],
    ids=["hold-and-reps", "hold", "minutes", "reps-in-sets-per-side", "nothing-to-count"],
)
def test_each_dose_gets_the_tools_it_needs(
    dose: dict[str, object], timer: Countdown | None, counter: RepCounter | None
) -> None:
    item = RoutineItem.model_validate({"exercise_id": "any", **dose})
    assert guided.tools_for(item) == (timer, counter)


@pytest.mark.parametrize(
    ("outcome", "note"),
    [
        (ExerciseOutcome.DONE, None),
        (ExerciseOutcome.SKIPPED, None),
        (ExerciseOutcome.HURT, guided.HURT_NOTE.format(name="Knee-to-chest stretch")),
    ],
)
def test_an_outcome_is_recorded_and_the_next_exercise_comes_up(
    outcome: ExerciseOutcome, note: str | None
) -> None:
    after = guided.record(make_session(), outcome)
    assert after.outcome_by_id == {"knee-to-chest": outcome}
    assert after.current == make_plan().items[1]
    assert after.note == note


def test_the_hurt_note_says_stopping_was_right_and_when_to_stop_for_the_day() -> None:
    note = guided.record(make_session(), ExerciseOutcome.HURT).note
    assert note is not None
    assert note.startswith("You stopped the Knee-to-chest stretch because it hurt")
    assert "new numbness" in note


def test_the_note_after_a_hurt_exercise_goes_with_the_next_outcome() -> None:
    hurt = guided.record(make_session(), ExerciseOutcome.HURT)
    assert guided.record(hurt, ExerciseOutcome.DONE).note is None


def test_the_next_exercise_gets_fresh_tools_not_the_last_ones() -> None:
    busy = guided.count(guided.start_timer(make_session(), now=T0))
    walk = guided.record(busy, ExerciseOutcome.DONE)
    minutes = CATALOG.by_id["low-impact-aerobic"].dose.minutes
    assert minutes is not None
    assert walk.timer == Countdown(minutes.min * 60)  # the walk's entry dose, stopped and full
    assert walk.counter is None


def test_the_last_outcome_leads_to_the_review_without_tools() -> None:
    session = at_exercise(len(EXERCISES))
    assert session.reviewing
    assert (session.current, session.timer, session.counter) == (None, None, None)


def test_an_outcome_while_reviewing_changes_nothing() -> None:
    reviewing = at_exercise(len(EXERCISES))
    assert guided.record(reviewing, ExerciseOutcome.HURT) == reviewing


def test_stopping_early_leaves_the_rest_unreached_in_the_review() -> None:
    session = guided.record(make_session(), ExerciseOutcome.HURT)
    stopped = guided.stop_early(guided.record(session, ExerciseOutcome.SKIPPED))
    assert stopped.reviewing
    assert stopped.review() == (
        "Knee-to-chest stretch: this hurt",
        f"{CATALOG.by_id['low-impact-aerobic'].name}: skipped",
        "Clamshell: not reached",
    )
    assert stopped.outcome_by_id == {
        "knee-to-chest": ExerciseOutcome.HURT,
        "low-impact-aerobic": ExerciseOutcome.SKIPPED,
    }


@pytest.mark.parametrize(
    ("index", "share", "words"), [(0, 0.0, "Exercise 1 of 3"), (2, 2 / 3, "Exercise 3 of 3")]
)
def test_progress_counts_the_exercises_behind(index: int, share: float, words: str) -> None:
    assert at_exercise(index).progress() == (pytest.approx(share), words)


@pytest.mark.parametrize(
    ("routine_id", "plan", "alert", "stands"),
    [
        (ROUTINE_ID, make_plan(), False, True),
        (ROUTINE_ID, make_plan("clamshell"), False, True),  # it keeps the plan it began with
        (ROUTINE_ID, make_plan(), True, False),  # a warning sign ends it
        (ROUTINE_ID, None, False, False),  # so does a day without a session
        (ROUTINE_ID + 1, make_plan(), False, False),  # and another routine
        (None, make_plan(), False, False),  # or no routine at all
    ],
    ids=["same-day", "plan-changed", "warning-sign", "rest-day", "other-routine", "no-routine"],
)
def test_a_guided_session_stands_until_something_ends_it(
    routine_id: int | None, plan: PlannedSession | None, alert: bool, stands: bool
) -> None:
    session = make_session()
    resumed = guided.resume(session, routine_id=routine_id, plan=plan, alert=alert)
    assert resumed == (session if stands else None)


def test_no_session_resumes_as_none() -> None:
    assert guided.resume(None, routine_id=ROUTINE_ID, plan=make_plan(), alert=False) is None


def test_a_countdown_that_runs_out_counts_one_repetition_once() -> None:
    running = guided.start_timer(make_session(), now=T0)
    assert guided.settle(running, now=T0 + 5) == (running, False)
    settled, ran_out = guided.settle(running, now=T0 + 21)
    assert ran_out
    assert settled.timer is not None
    assert not settled.timer.running
    assert settled.counter is not None
    assert settled.counter.done == 1
    assert guided.settle(settled, now=T0 + 40) == (settled, False)


def test_settling_without_a_countdown_changes_nothing() -> None:
    reps_only = at_exercise(2)
    assert reps_only.timer is None
    assert guided.settle(reps_only, now=T0) == (reps_only, False)


def test_the_timer_starts_pauses_and_resets_within_the_session() -> None:
    started = guided.start_timer(make_session(), now=T0)
    paused = guided.pause_timer(started, now=T0 + 5)
    assert paused.timer is not None
    assert paused.timer.remaining(now=T0 + 100) == 15
    assert guided.reset_timer(paused).timer == Countdown(20)
    assert paused.counter == started.counter == make_session().counter


def test_count_and_undo_move_the_counter_within_its_bounds() -> None:
    session = make_session()
    assert guided.undo(session).counter == session.counter  # not below zero
    counted = guided.count(guided.count(session))
    assert counted.counter is not None
    assert counted.counter.done == 2
    assert guided.undo(counted).counter == guided.count(session).counter


@pytest.mark.parametrize(
    "transition",
    [
        lambda s: guided.start_timer(s, now=T0),
        lambda s: guided.pause_timer(s, now=T0),
        guided.reset_timer,
        guided.count,
        guided.undo,
    ],
    ids=["start", "pause", "reset", "count", "undo"],
)
def test_a_tool_the_exercise_lacks_ignores_its_buttons(
    transition: Callable[[GuidedSession], GuidedSession],
) -> None:
    bare = make_session(timer=None, counter=None)
    assert transition(bare) == bare


def test_transitions_leave_the_state_they_were_given_alone() -> None:
    session = make_session()
    guided.record(guided.count(guided.start_timer(session, now=T0)), ExerciseOutcome.HURT)
    assert session == make_session()
    with pytest.raises(dataclasses.FrozenInstanceError):
        session.index = 2  # type: ignore[misc]


@pytest.mark.parametrize(
    ("timer", "label"),
    [
        (Countdown(20), "Start"),
        (Countdown(20).start(now=T0), "Start"),
        (Countdown(20).start(now=T0).pause(now=T0 + 5), "Resume"),
        (Countdown(20).start(now=T0).pause(now=T0 + 25), "Start"),  # finished: starts again
    ],
    ids=["new", "running", "paused", "finished"],
)
def test_the_start_button_says_resume_only_for_a_paused_countdown(
    timer: Countdown, label: str
) -> None:
    assert guided.start_label(timer, now=T0 + 30) == label


@pytest.mark.parametrize(
    ("colour", "confirmation", "reason"),
    [
        (Colour.GREEN, Confirmation.CONFIRMED, "Because pain was low."),
        (
            Colour.GREEN,
            Confirmation.WAITING,
            "Because pain was low. The next morning's check-in may still change this.",
        ),
        (
            Colour.GREEN,
            Confirmation.NOT_CONFIRMED,
            "Because pain was low. There was no check-in the next morning, so it is not confirmed.",
        ),
        (Colour.RED, Confirmation.WAITING, "Because pain was low."),  # a red never waits
    ],
)
def test_a_sessions_colour_is_explained_and_says_what_next_morning_has_told(
    colour: Colour, confirmation: Confirmation, reason: str
) -> None:
    classification = Classification(colour, ("pain was low",), confirmation)
    assert guided.colour_reason(classification) == reason
