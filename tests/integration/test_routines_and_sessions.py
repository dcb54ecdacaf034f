from datetime import date, timedelta

import pytest

from sciatica.diary.models import TriageLevel
from sciatica.exercises.catalog import load_catalog
from sciatica.plans.models import ExerciseOutcome, LegResponse, RoutineInput, SessionInput
from sciatica.plans.progression import Colour, Step
from sciatica.plans.routine import template
from sciatica.plans.sessions import classified_sessions, decide, next_step
from sciatica.storage.store import Store
from tests.factories import days_ago, make_check_in, today

CATALOG = load_catalog()


def monday() -> date:
    """The Monday two weeks before this week's, so its week three has begun by today."""
    return days_ago(today().weekday() + 14)


def starter() -> RoutineInput:
    return template("Starter routine", catalog=CATALOG, start=monday())


def log(store: Store, day: date, user: str = "local", **overrides: object) -> None:
    data: dict[str, object] = {"day": day, "pain_before": 3, "worst_during": 2, "pain_after": 2}
    data.update(overrides)
    routine = store.active_routine(user_id=user)
    data.setdefault("routine_id", routine.id if routine else None)
    store.save_session(user_id=user, session=SessionInput.model_validate(data))


def test_a_saved_routine_reads_back_and_is_the_active_one(store: Store) -> None:
    routine = template("Starter routine", catalog=CATALOG, start=monday())
    saved = store.save_routine(user_id="local", routine=routine)
    assert saved.active
    assert saved.model_dump(include=set(type(routine).model_fields)) == routine.model_dump()
    assert store.active_routine(user_id="local") == saved


def test_only_one_routine_is_active_at_a_time(store: Store) -> None:
    first = store.save_routine(user_id="local", routine=starter())
    gentle = template("Gentle routine", catalog=CATALOG, start=monday())
    second = store.save_routine(user_id="local", routine=gentle)
    assert store.active_routine(user_id="local") == second
    store.set_active_routine(user_id="local", routine_id=first.id)
    assert [r.active for r in store.list_routines(user_id="local")] == [True, False]
    assert store.list_routines(user_id="local")[0].id == first.id


def test_one_user_cannot_touch_anothers_routine(store: Store) -> None:
    theirs = store.save_routine(user_id="ann", routine=starter())
    with pytest.raises(LookupError):
        store.set_active_routine(user_id="bob", routine_id=theirs.id)
    assert store.get_routine(user_id="bob", routine_id=theirs.id) is None
    assert store.delete_routine(user_id="bob", routine_id=theirs.id) is False
    assert store.list_routines(user_id="bob") == []


def test_deleting_a_routine_keeps_its_sessions(store: Store) -> None:
    routine = store.save_routine(user_id="local", routine=starter())
    log(store, monday())
    assert store.delete_routine(user_id="local", routine_id=routine.id)
    (session,) = store.recent_sessions(user_id="local", limit=5)
    assert session.routine_id is None


def test_sessions_are_classified_with_the_next_mornings_check_in(store: Store) -> None:
    store.save_routine(user_id="local", routine=starter())
    for offset in range(1, 8):
        store.save_check_in(
            user_id="local",
            entry=make_check_in(day=monday() - timedelta(days=offset), leg_pain=3),
            triage_level=TriageLevel.NONE,
        )
    log(store, monday(), worst_during=2)
    store.save_check_in(
        user_id="local",
        entry=make_check_in(day=monday() + timedelta(days=1), leg_pain=6),
        triage_level=TriageLevel.NONE,
    )
    (only,) = classified_sessions(store, user_id="local")
    assert only.classification.colour is Colour.RED
    assert "still up the next morning" in only.classification.reasons[0]


def test_a_session_that_spread_down_the_leg_leads_to_an_easier_variant_once_accepted(
    store: Store,
) -> None:
    store.save_routine(user_id="local", routine=starter())
    log(
        store, monday(), leg_response=LegResponse.DOWN, outcomes={"clamshell": ExerciseOutcome.HURT}
    )
    step = next_step(store, user_id="local", catalog=CATALOG, today=monday())
    assert step is not None
    assert step.suggestion.step is Step.REGRESS
    assert step.undecided
    decide(store, user_id="local", step=step, accept=True)
    routine = store.active_routine(user_id="local")
    assert routine is not None
    assert "clamshell-small-range" in [item.exercise_id for item in routine.items]
    again = next_step(store, user_id="local", catalog=CATALOG, today=monday())
    assert again is not None
    assert not again.undecided


def test_a_dismissed_suggestion_changes_nothing_but_is_remembered(store: Store) -> None:
    before = store.save_routine(user_id="local", routine=starter().model_copy(update={"weeks": 1}))
    log(store, monday())
    log(store, monday() + timedelta(days=2))
    step = next_step(store, user_id="local", catalog=CATALOG, today=monday() + timedelta(days=2))
    assert step is not None
    assert step.suggestion.step is Step.PROGRESS
    decide(store, user_id="local", step=step, accept=False)
    assert store.active_routine(user_id="local").items == before.items  # type: ignore[union-attr]
    assert store.last_progress_day(user_id="local", routine_id=before.id) is None


def test_an_accepted_progression_blocks_the_next_for_a_week(store: Store) -> None:
    routine = store.save_routine(user_id="local", routine=starter().model_copy(update={"weeks": 1}))
    log(store, monday())
    log(store, monday() + timedelta(days=2))
    step = next_step(store, user_id="local", catalog=CATALOG, today=monday() + timedelta(days=2))
    assert step is not None
    decide(store, user_id="local", step=step, accept=True)
    assert store.last_progress_day(user_id="local", routine_id=routine.id) is not None
    log(store, monday() + timedelta(days=4))
    later = next_step(store, user_id="local", catalog=CATALOG, today=today())
    assert later is not None
    assert later.suggestion.step is Step.KEEP


def test_an_emergency_sign_in_the_latest_check_in_pauses_suggestions(store: Store) -> None:
    store.save_routine(user_id="local", routine=starter())
    log(store, monday())
    store.save_check_in(
        user_id="local",
        entry=make_check_in(day=monday(), red_flags=["saddle"]),
        triage_level=TriageLevel.EMERGENCY,
    )
    step = next_step(store, user_id="local", catalog=CATALOG, today=monday())
    assert step is not None
    assert step.suggestion.step is Step.NO_SUGGESTIONS


def test_a_session_cannot_point_at_someone_elses_routine(store: Store) -> None:
    theirs = store.save_routine(user_id="ann", routine=starter())
    with pytest.raises(LookupError):
        log(store, monday(), user="bob", routine_id=theirs.id)


def test_deleting_all_my_data_removes_routines_and_sessions(store: Store) -> None:
    store.save_routine(user_id="local", routine=starter())
    log(store, monday())
    store.delete_user_data(user_id="local")
    assert store.list_routines(user_id="local") == []
    assert store.recent_sessions(user_id="local", limit=5) == []


def test_while_the_plan_still_builds_up_good_sessions_mean_keep_following_it(
    store: Store,
) -> None:
    store.save_routine(user_id="local", routine=starter())
    log(store, monday())
    log(store, monday() + timedelta(days=2))
    step = next_step(store, user_id="local", catalog=CATALOG, today=monday() + timedelta(days=2))
    assert step is not None
    assert step.suggestion.step is Step.KEEP
    assert "keep following your plan" in step.suggestion.sentence


def test_stepping_back_in_week_three_restarts_the_plan_from_that_weeks_dose(
    store: Store,
) -> None:
    store.save_routine(user_id="local", routine=starter())
    week_three = monday() + timedelta(days=14)
    log(
        store,
        week_three,
        leg_response=LegResponse.DOWN,
        outcomes={"clamshell": ExerciseOutcome.HURT},
    )
    step = next_step(store, user_id="local", catalog=CATALOG, today=week_three)
    assert step is not None
    decide(store, user_id="local", step=step, accept=True)
    routine = store.active_routine(user_id="local")
    assert routine is not None
    assert (routine.start_date, routine.weeks) == (week_three, 2)
    knee = next(item for item in routine.items if item.exercise_id == "knee-to-chest")
    assert (knee.hold_seconds, knee.reps) == (25, 5)


def test_each_user_reads_only_their_own_sessions(store: Store) -> None:
    log(store, monday(), user="ann", notes="ann's")
    log(store, monday(), user="bob", notes="bob's")
    for user in ("ann", "bob"):
        found = store.sessions_between(user_id=user, start=monday(), end=monday())
        assert [session.notes for session in found] == [f"{user}'s"]
        assert [s.notes for s in store.recent_sessions(user_id=user, limit=5)] == [f"{user}'s"]
