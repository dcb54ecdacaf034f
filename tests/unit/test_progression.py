"""The next step after the latest session: the rules of CLINICAL.md 4 and 9, row by row.

Each row is a run of sessions (how many days ago, how they went, and next morning's leg pain
from the check-in, or none) with the routine's last change, and the step it must lead to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from sciatica.diary.triage import triage
from sciatica.exercises.catalog import load_catalog
from sciatica.plans.classify import ClassifiedSession, Colour, classify
from sciatica.plans.models import (
    Change,
    Decision,
    ExerciseOutcome,
    ItemChange,
    LegResponse,
    Routine,
    RoutineItem,
    Step,
)
from sciatica.plans.progression import AFTER_SURGERY, Suggestion, suggest_next_step
from sciatica.plans.routine import entry_item
from tests.factories import days_ago, make_routine, make_session, today

CATALOG = load_catalog()
USUAL = 3.0  # the person's usual leg pain in every row
HURT = ExerciseOutcome.HURT


@dataclass(frozen=True)
class Day:
    """One session in a row: when, its pain (before, during, after), and next morning."""

    ago: int
    pains: tuple[int, int, int] = (2, 2, 2)
    morning: int | None = 2  # next morning's leg pain; None: no check-in that morning
    spread: bool = False
    outcomes: dict[str, ExerciseOutcome] = field(default_factory=dict)


def good(ago: int, morning: int | None = 2) -> Day:
    return Day(ago, (2, 2, 2), morning)


def sore(ago: int) -> Day:
    return Day(ago, (3, 4, 3))


def bad(ago: int, **hurt: ExerciseOutcome) -> Day:
    outcomes = {exercise.replace("_", "-"): outcome for exercise, outcome in hurt.items()}
    return Day(ago, (3, 4, 7), 5, spread=True, outcomes=outcomes)


def classified(days: list[Day], *, routine_id: int = 7) -> list[ClassifiedSession]:
    """The sessions, oldest first, classified on today's date with the morning given."""
    result = []
    for spec in sorted(days, key=lambda d: -d.ago):
        day = days_ago(spec.ago)
        session = make_session(
            day=day,
            routine_id=routine_id,
            pain_before=spec.pains[0],
            worst_during=spec.pains[1],
            pain_after=spec.pains[2],
            leg_response=LegResponse.DOWN if spec.spread else LegResponse.SAME,
            outcomes=spec.outcomes,
        )
        # Next morning only counts once it has come.
        morning = spec.morning if day + timedelta(days=1) <= today() else None
        result.append(
            ClassifiedSession(
                session,
                classify(session, next_morning_leg_pain=morning, usual=USUAL, today=today()),
            )
        )
    return result


def change_on(day: date, *, session_id: int | None = None) -> Decision:
    change = Change(day=day, step=Step.PROGRESS, sentence="Up.", accepted=True, changed=True)
    return Decision(
        **change.model_dump(),
        id=1,
        routine_id=7,
        session_id=session_id,
        key="k",
        created_at=make_session().created_at,
    )


def suggest(
    days: list[Day],
    *,
    routine: Routine | None = None,
    changed_ago: int | None = None,
    alert: bool = False,
) -> Suggestion:
    suggestion = suggest_next_step(
        history=classified(days),
        routine=routine or make_routine(),
        catalog=CATALOG,
        alert=triage(ticked=["bowel"]) if alert else None,
        last_change=change_on(days_ago(changed_ago)) if changed_ago is not None else None,
        today=today(),
    )
    assert suggestion is not None
    return suggestion


P, K, B, L, Z, W = (
    Step.PROGRESS,
    Step.KEEP,
    Step.STEP_BACK,
    Step.LEAVE_OUT,
    Step.PAUSE,
    Step.WARNING,
)


@pytest.mark.parametrize(
    ("days", "changed_ago", "step"),
    [
        pytest.param([good(4), good(2)], None, P, id="two confirmed greens: progress"),
        pytest.param([good(2)], None, K, id="one green is not enough"),
        pytest.param([good(0, None)], None, K, id="a provisional green justifies nothing"),
        pytest.param([good(2, None), good(0, None)], None, K, id="two unconfirmed: no progress"),
        pytest.param(
            [good(4), good(2, None)], None, K, id="not confirmed by a check-in breaks the run"
        ),
        pytest.param(
            [good(4), good(2), good(0, None)],
            None,
            P,
            id="a provisional green neither counts nor blocks",
        ),
        pytest.param([good(6), good(4), sore(2)], None, K, id="amber keeps the dose"),
        pytest.param([good(6), sore(4), good(2)], None, K, id="greens must be in a row"),
        pytest.param([bad(6), good(4), good(2)], None, K, id="a red in the last 7 days blocks"),
        pytest.param([bad(7), good(4), good(2)], None, P, id="a red 7 days ago no longer blocks"),
        pytest.param([good(5), good(3)], 6, K, id="at most one change a week"),
        pytest.param([good(5), good(3)], 7, P, id="a week after a change, greens since count"),
        pytest.param(
            [good(10), good(9), good(1)], 8, K, id="greens before the last change do not count"
        ),
        pytest.param([good(4), Day(2, morning=6)], None, B, id="a morning not settled is red"),
        pytest.param([good(4), bad(2)], None, B, id="red steps back"),
        pytest.param([bad(4), bad(2)], None, Z, id="two reds in a row pause"),
        pytest.param([bad(6), good(4), bad(2)], None, B, id="two reds apart step back only"),
    ],
)
def test_the_next_step_follows_the_rules(
    days: list[Day], changed_ago: int | None, step: Step
) -> None:
    suggestion = suggest(days, changed_ago=changed_ago)
    assert suggestion.step is step, suggestion.sentence
    assert suggestion.sentence.endswith(".")
    assert bool(suggestion.changes) == (step in (P, B, Z))  # red always leads somewhere


def test_an_active_warning_sign_stops_every_suggestion() -> None:
    suggestion = suggest([good(4), good(2)], alert=True)
    assert suggestion.step is W
    assert suggestion.changes == ()
    assert not suggestion.needs_decision


def test_no_sessions_no_suggestion() -> None:
    assert (
        suggest_next_step(
            history=[],
            routine=make_routine(),
            catalog=CATALOG,
            alert=None,
            last_change=None,
            today=today(),
        )
        is None
    )


def test_a_progression_says_why_and_changes_one_variable_of_one_exercise() -> None:
    start = days_ago(10)
    routine = make_routine(start=start)
    suggestion = suggest([good(4), good(2)], routine=routine)
    (change,) = suggestion.changes
    assert change.before == routine.current_items[0]
    assert change.after == change.before.model_copy(update={"hold_seconds": 25})  # type: ignore[union-attr]
    assert suggestion.sentence == (
        f"Two good sessions since {start.day} {start:%b}, next mornings no worse, so you could "
        "hold the Knee-to-chest stretch for 25 seconds instead of 20."
    )
    after = suggestion.apply(routine.current_items)
    assert [a != b for a, b in zip(after, routine.current_items, strict=True)].count(True) == 1


def test_after_back_surgery_good_sessions_keep_the_dose_and_say_whose_programme_leads() -> None:
    routine = make_routine(start=days_ago(10))
    assert suggest([good(4), good(2)], routine=routine).step is Step.PROGRESS
    held = suggest_next_step(
        history=classified([good(4), good(2)]),
        routine=routine,
        catalog=CATALOG,
        alert=None,
        last_change=None,
        today=today(),
        after_surgery=True,
    )
    assert held is not None
    assert (held.step, held.sentence, held.changes) == (Step.KEEP, AFTER_SURGERY, ())


def test_a_progression_offered_on_a_provisional_session_is_withdrawn_when_it_turns_red() -> None:
    offered = suggest([good(4), good(2), good(0, None)])
    assert offered.step is P
    # Next morning the leg is much worse: the same session, now red, steps back instead.
    history = classified([good(5), good(3), Day(1, morning=7)])
    again = suggest_next_step(
        history=history,
        routine=make_routine(),
        catalog=CATALOG,
        alert=None,
        last_change=None,
        today=today(),
    )
    assert again is not None
    assert again.step is B
    assert again.key != offered.key


def test_a_suggestion_rests_on_named_sessions_so_its_key_changes_when_they_do() -> None:
    history = classified([good(4), good(2)])
    routine = make_routine()

    def key(sessions: list[ClassifiedSession]) -> str:
        found = suggest_next_step(
            history=sessions,
            routine=routine,
            catalog=CATALOG,
            alert=None,
            last_change=None,
            today=today(),
        )
        assert found is not None
        return found.key

    assert key(history) == key(history)
    assert key(history) != key(classified([good(4), good(2)]))  # other sessions, other key


def test_red_steps_back_the_exercise_that_hurt_and_never_one_that_went_fine() -> None:
    routine = make_routine()  # all at entry doses
    suggestion = suggest([bad(2, clamshell=HURT)], routine=routine)
    (change,) = suggestion.changes
    assert change.before is not None
    assert change.before.exercise_id == "clamshell"
    assert change.after == entry_item(CATALOG.by_id["clamshell-small-range"])
    easier = CATALOG.by_id["clamshell-small-range"].name
    assert f"swap the Clamshell for the easier {easier}" in suggestion.sentence


def test_red_lowers_the_dose_of_the_exercise_that_hurt_when_it_has_been_built_up() -> None:
    knee = entry_item(CATALOG.by_id["knee-to-chest"]).model_copy(update={"hold_seconds": 30})
    routine = make_routine(current=(knee, entry_item(CATALOG.by_id["clamshell"])))
    suggestion = suggest([bad(2, knee_to_chest=HURT)], routine=routine)
    (change,) = suggestion.changes
    assert change.after == knee.model_copy(update={"hold_seconds": 20})


def test_an_exercise_that_hurt_at_its_easiest_and_lowest_is_named_and_left_out() -> None:
    routine = make_routine("Gentle routine")
    suggestion = suggest([bad(2, clamshell_small_range=HURT)], routine=routine)
    assert suggestion.step is L
    (change,) = suggestion.changes
    assert change.after is None
    assert f"leave out the {CATALOG.by_id['clamshell-small-range'].name}" in suggestion.sentence
    assert "already at its easiest and lowest dose" in suggestion.sentence
    assert "clamshell-small-range" not in [i.exercise_id for i in suggestion.apply(routine.items)]


def test_the_only_exercise_is_not_left_out_but_rested_on_advice() -> None:
    only: tuple[RoutineItem, ...] = (entry_item(CATALOG.by_id["clamshell-small-range"]),)
    routine = make_routine("Gentle routine", current=only)
    suggestion = suggest([bad(2, clamshell_small_range=HURT)], routine=routine)
    assert suggestion.changes == ()
    assert suggestion.needs_decision
    assert "ask a physiotherapist" in suggestion.sentence


def test_red_with_no_exercise_marked_steps_back_the_most_demanding_one() -> None:
    ids = ("knee-to-chest", "clamshell", "bird-dog")
    routine = make_routine(current=tuple(entry_item(CATALOG.by_id[i]) for i in ids))
    suggestion = suggest([bad(2)], routine=routine)
    assert suggestion.step is B
    (change,) = suggestion.changes
    assert change.before is not None
    assert change.before.exercise_id == "bird-dog"  # the only moderate one
    assert change.after is not None
    assert change.after.exercise_id == "bird-dog-leg-only"
    assert "no exercise was marked “This hurt”" in suggestion.sentence
    assert "the most demanding one" in suggestion.sentence
    assert "leg pain rose from 3/10 before to 7/10 after the session" in suggestion.sentence


def test_red_with_no_exercise_marked_steps_back_the_one_changed_most_recently() -> None:
    knee = entry_item(CATALOG.by_id["knee-to-chest"])
    built = knee.model_copy(update={"hold_seconds": 25})
    routine = make_routine(
        current=(
            built,
            entry_item(CATALOG.by_id["clamshell"]),
            entry_item(CATALOG.by_id["bird-dog"]),
        )
    )
    change = Change(
        day=days_ago(9),
        step=Step.PROGRESS,
        sentence="Up.",
        accepted=True,
        changed=True,
        changes=(ItemChange(before=knee, after=built),),
    )
    last = Decision(
        **change.model_dump(),
        id=1,
        routine_id=7,
        session_id=None,
        key="k",
        created_at=make_session().created_at,
    )
    suggestion = suggest_next_step(
        history=classified([bad(2)]),
        routine=routine,
        catalog=CATALOG,
        alert=None,
        last_change=last,
        today=today(),
    )
    assert suggestion is not None
    (eased,) = suggestion.changes
    assert eased.before == built
    assert eased.after is not None
    assert eased.after.exercise_id == "knee-to-chest"
    assert eased.after.hold_seconds is not None
    assert eased.after.hold_seconds < 25
    assert "the one changed most recently" in suggestion.sentence


def test_a_red_found_only_the_next_morning_steps_back_too() -> None:
    suggestion = suggest([good(4), Day(2, morning=6)])
    assert suggestion.step is B
    assert suggestion.changes
    assert "next morning your leg pain was 6/10" in suggestion.sentence


def test_red_steps_back_with_nothing_marked_even_when_every_exercise_was_skipped_but_one() -> None:
    skipped = ExerciseOutcome.SKIPPED
    ids = ("knee-to-chest", "clamshell", "bird-dog")
    routine = make_routine(current=tuple(entry_item(CATALOG.by_id[i]) for i in ids))
    suggestion = suggest(
        [bad(2, bird_dog=skipped, knee_to_chest=skipped, clamshell=ExerciseOutcome.DONE)],
        routine=routine,
    )
    (change,) = suggestion.changes
    assert change.before is not None
    assert change.before.exercise_id == "clamshell"  # the only one done


@pytest.mark.parametrize(
    "outcomes_per_session",
    [
        pytest.param([{"clamshell": HURT}] * 4, id="marked in four green sessions"),
        pytest.param([{}, {}, {"clamshell": HURT}], id="marked in the latest green only"),
        pytest.param(
            [{"clamshell": HURT}, {}, {}], id="marked in an earlier green since the change"
        ),
    ],
)
def test_an_exercise_marked_this_hurt_in_green_sessions_never_steps_up(
    outcomes_per_session: list[dict[str, ExerciseOutcome]],
) -> None:
    only = (entry_item(CATALOG.by_id["clamshell"]),)
    routine = make_routine(current=only)
    days = [
        Day(2 * (len(outcomes_per_session) - n), outcomes=outcomes)
        for n, outcomes in enumerate(outcomes_per_session)
    ]
    suggestion = suggest(days, routine=routine)
    assert suggestion.step is not P
    for change in suggestion.changes:  # only ever easier
        assert change.after is None or change.after != only[0].model_copy(update={"reps": 12})
    if outcomes_per_session[-1]:
        assert suggestion.step in (B, L)
        assert "You marked the Clamshell “This hurt”" in suggestion.sentence


def test_this_hurt_blocks_only_that_exercise_and_another_may_step_up() -> None:
    routine = make_routine(start=days_ago(30))
    days = [Day(6, outcomes={"clamshell": HURT}), good(4), good(2)]
    suggestion = suggest(days, routine=routine)
    assert suggestion.step is P
    (change,) = suggestion.changes
    assert change.before is not None
    assert change.before.exercise_id != "clamshell"


def test_after_its_step_back_two_unmarked_greens_let_it_step_up_again() -> None:
    only = (entry_item(CATALOG.by_id["clamshell"]),)
    routine = make_routine(current=only, start=days_ago(30))
    days = [Day(12, outcomes={"clamshell": HURT}), good(4), good(2)]
    suggestion = suggest(days, routine=routine, changed_ago=10)
    assert suggestion.step is P


@pytest.mark.parametrize(
    ("current", "allowed_ids", "expected"),
    [
        pytest.param(
            "seated-figure-four-stretch",
            lambda e: e.position.value not in ("lying_on_back", "lying_on_front"),
            None,
            id="pregnancy: never up onto the back",
        ),
        pytest.param(
            "seated-hamstring-stretch",
            lambda e: "nerve_tension" not in [m.value for m in e.movements],
            None,
            id="high leg pain: never up into a nerve-tension position",
        ),
        pytest.param(
            "seated-figure-four-stretch",
            lambda e: True,
            "lying-piriformis-stretch",
            id="no answers: up the ladder",
        ),
    ],
)
def test_a_step_up_never_leads_into_a_version_ruled_out(
    current: str, allowed_ids: object, expected: str | None
) -> None:
    exercise = CATALOG.by_id[current]
    top = entry_item(exercise).model_copy(
        update={
            "hold_seconds": exercise.dose.hold_seconds.max if exercise.dose.hold_seconds else None,
            "reps": exercise.dose.reps.max if exercise.dose.reps else None,
            "sets": exercise.dose.sets.max if exercise.dose.sets else 1,
        }
    )
    suggestion = suggest_next_step(
        history=classified([good(4), good(2)]),
        routine=make_routine(current=(top,)),
        catalog=CATALOG,
        alert=None,
        last_change=None,
        today=today(),
        allowed=allowed_ids,  # type: ignore[arg-type]
    )
    assert suggestion is not None
    afters = [c.after.exercise_id for c in suggestion.changes if c.after is not None]
    assert afters == ([expected] if expected else [])


def test_two_reds_in_a_row_pause_and_recommend_a_physiotherapist_easing_what_hurt() -> None:
    suggestion = suggest([bad(4), bad(2, clamshell=HURT)])
    assert suggestion.step is Z
    assert "see a physiotherapist" in suggestion.sentence
    (change,) = suggestion.changes
    assert change.before is not None
    assert change.before.exercise_id == "clamshell"


def test_a_red_already_answered_by_a_change_keeps_the_eased_dose() -> None:
    history = classified([bad(2, clamshell=HURT)])
    suggestion = suggest_next_step(
        history=history,
        routine=make_routine(),
        catalog=CATALOG,
        alert=None,
        last_change=change_on(days_ago(2), session_id=history[-1].session.id),
        today=today(),
    )
    assert suggestion is not None
    assert (suggestion.step, suggestion.changes) == (K, ())


def test_a_pause_already_acted_on_still_says_so_but_asks_nothing_more() -> None:
    history = classified([bad(4), bad(2, clamshell=HURT)])
    suggestion = suggest_next_step(
        history=history,
        routine=make_routine(),
        catalog=CATALOG,
        alert=None,
        last_change=change_on(days_ago(2), session_id=history[-1].session.id),
        today=today(),
    )
    assert suggestion is not None
    assert (suggestion.step, suggestion.changes) == (K, ())
    assert "see a physiotherapist" in suggestion.sentence
    assert not suggestion.needs_decision


def test_at_the_full_dose_with_nothing_harder_good_sessions_keep_it_up() -> None:
    top = (
        entry_item(CATALOG.by_id["standing-hamstring-stretch"]).model_copy(
            update={"hold_seconds": 30}
        ),
    )
    suggestion = suggest([good(4), good(2)], routine=make_routine(current=top))
    assert suggestion.step is K
    assert "full dose" in suggestion.sentence


# Hypothesis: whatever else happened, a red session in the last 7 days never leads to a
# progression, nor does a warning sign.

days_strategy = st.builds(
    Day,
    ago=st.integers(0, 20),
    pains=st.tuples(st.integers(0, 10), st.integers(0, 10), st.integers(0, 10)),
    morning=st.none() | st.integers(0, 10),
    spread=st.booleans(),
    outcomes=st.dictionaries(
        st.sampled_from(["knee-to-chest", "clamshell", "bird-dog"]),
        st.sampled_from(list(ExerciseOutcome)),
        max_size=3,
    ),
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    days=st.lists(days_strategy, min_size=1, max_size=8),
    changed_ago=st.none() | st.integers(0, 30),
    level=st.integers(0, 10),
)
def test_no_sequence_with_a_red_in_the_last_7_days_ever_progresses(
    days: list[Day], changed_ago: int | None, level: int
) -> None:
    history = classified(days)
    assume(any(s.colour is Colour.RED and s.session.day > days_ago(7) for s in history))
    knee = entry_item(CATALOG.by_id["knee-to-chest"]).model_copy(
        update={"hold_seconds": 20 + level % 11}
    )
    suggestion = suggest_next_step(
        history=history,
        routine=make_routine(current=(knee, entry_item(CATALOG.by_id["clamshell"]))),
        catalog=CATALOG,
        alert=None,
        last_change=change_on(days_ago(changed_ago)) if changed_ago is not None else None,
        today=today(),
    )
    assert suggestion is not None
    assert suggestion.step is not Step.PROGRESS
    assert all(
        change.after is None or change.before is None or change.after != change.before
        for change in suggestion.changes
    )
