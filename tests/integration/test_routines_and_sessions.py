"""Routines, sessions and decisions in the database: the plan changes only by a decision."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from sciatica import clock
from sciatica.diary.models import TriageLevel
from sciatica.exercises.catalog import load_catalog
from sciatica.plans.models import (
    Change,
    LegResponse,
    RoutineInput,
    SessionInput,
    Step,
)
from sciatica.plans.ports import StaleRoutine
from sciatica.plans.routine import template
from sciatica.plans.sessions import SuggestionChanged, classified_sessions, decide, next_step
from sciatica.storage.store import Store
from tests.factories import days_ago, make_check_in, today

CATALOG = load_catalog()


def starter(start: date | None = None) -> RoutineInput:
    return template("Starter routine", catalog=CATALOG, start=start or days_ago(21))


def log(store: Store, day: date, user: str = "local", **overrides: object) -> int:
    data: dict[str, object] = {"day": day, "pain_before": 2, "worst_during": 2, "pain_after": 2}
    data.update(overrides)
    routine = store.active_routine(user_id=user)
    data.setdefault("routine_id", routine.id if routine else None)
    saved = store.save_session(user_id=user, session=SessionInput.model_validate(data))
    return saved.id


def check_in(store: Store, day: date, leg_pain: int = 2, user: str = "local") -> None:
    entry = make_check_in(day=day, leg_pain=leg_pain)
    store.save_check_in(user_id=user, entry=entry, triage_level=TriageLevel.NONE)


def good_session(store: Store, day: date, *, morning: int | None = 2) -> int:
    """A gentle session, and next morning's check-in if `morning` is a leg pain."""
    session_id = log(store, day)
    if morning is not None:
        check_in(store, day + timedelta(days=1), morning)
    return session_id


def step_now(store: Store, user: str = "local"):  # type: ignore[no-untyped-def]
    found = next_step(store, user_id=user, catalog=CATALOG, today=today())
    assert found is not None
    return found


def test_a_saved_routine_is_followed_at_its_own_doses_and_is_the_active_one(
    store: Store,
) -> None:
    routine = starter()
    saved = store.save_routine(user_id="local", routine=routine)
    assert saved.active
    assert saved.model_dump(include=set(type(routine).model_fields)) == routine.model_dump()
    assert saved.current_items == routine.items
    assert store.active_routine(user_id="local") == saved


def test_only_one_routine_is_active_at_a_time(store: Store) -> None:
    first = store.save_routine(user_id="local", routine=starter())
    gentle = template("Gentle routine", catalog=CATALOG, start=days_ago(21))
    second = store.save_routine(user_id="local", routine=gentle)
    assert store.active_routine(user_id="local") == second
    store.set_active_routine(user_id="local", routine_id=first.id)
    assert [r.active for r in store.list_routines(user_id="local")] == [True, False]


def test_one_user_cannot_touch_or_change_anothers_routine(store: Store) -> None:
    theirs = store.save_routine(user_id="ann", routine=starter())
    their_session = log(store, days_ago(1), user="ann")
    with pytest.raises(LookupError):
        store.set_active_routine(user_id="bob", routine_id=theirs.id)
    assert store.get_routine(user_id="bob", routine_id=theirs.id) is None
    assert store.delete_routine(user_id="bob", routine_id=theirs.id) is False
    change = Change(day=today(), step=Step.PROGRESS, sentence="Up.", accepted=True, changed=True)
    lower = (theirs.items[0].model_copy(update={"hold_seconds": 30}), *theirs.items[1:])
    with pytest.raises(LookupError):
        store.record_decision(
            user_id="bob",
            routine_id=theirs.id,
            session_id=None,
            key="k",
            change=change,
            before=theirs.current_items,
            after=lower,
        )
    mine = store.save_routine(user_id="bob", routine=starter())
    with pytest.raises(LookupError):  # their session cannot back a decision on my routine
        store.record_decision(
            user_id="bob",
            routine_id=mine.id,
            session_id=their_session,
            key="k",
            change=change,
            before=mine.current_items,
        )
    assert store.get_routine(user_id="ann", routine_id=theirs.id) == theirs
    assert store.routine_history(user_id="ann", routine_id=theirs.id) == []


def test_deleting_a_routine_keeps_its_sessions(store: Store) -> None:
    routine = store.save_routine(user_id="local", routine=starter())
    log(store, days_ago(1))
    assert store.delete_routine(user_id="local", routine_id=routine.id)
    (session,) = store.recent_sessions(user_id="local", limit=5)
    assert session.routine_id is None


def test_sessions_are_classified_with_the_next_mornings_check_in(store: Store) -> None:
    store.save_routine(user_id="local", routine=starter())
    for offset in range(2, 9):
        check_in(store, days_ago(offset), 3)
    log(store, days_ago(1))
    check_in(store, days_ago(0), 6)
    (only,) = classified_sessions(store, user_id="local", today=today())
    assert only.classification.colour.value == "red"
    assert "next morning your leg pain was 6/10" in only.classification.reasons[0]


def test_the_whole_loop_two_good_sessions_and_mornings_then_accepting_raises_one_dose(
    store: Store,
) -> None:
    routine = store.save_routine(user_id="local", routine=starter())
    good_session(store, days_ago(4))
    good_session(store, days_ago(2), morning=None)
    assert step_now(store).suggestion.step is Step.KEEP  # the second waits for its morning
    check_in(store, days_ago(1), 2)
    offered = step_now(store)
    assert offered.suggestion.step is Step.PROGRESS
    assert offered.undecided

    decide(
        store,
        user_id="local",
        catalog=CATALOG,
        today=today(),
        key=offered.suggestion.key,
        accept=True,
    )
    after = store.get_routine(user_id="local", routine_id=routine.id)
    assert after is not None
    assert after.items == routine.items  # as built
    raised = [(a, b) for a, b in zip(routine.items, after.current_items, strict=True) if a != b]
    assert len(raised) == 1
    (change,) = store.routine_history(user_id="local", routine_id=routine.id)
    assert (change.day, change.step, change.changed) == (today(), Step.PROGRESS, True)
    assert change.sentence == offered.suggestion.sentence
    assert change.changes[0].after == raised[0][1]
    later = step_now(store)
    assert later.suggestion.step is Step.KEEP
    assert "one change a week" in later.suggestion.sentence


def test_a_dismissed_suggestion_changes_nothing_and_is_not_asked_again(store: Store) -> None:
    routine = store.save_routine(user_id="local", routine=starter())
    good_session(store, days_ago(4))
    good_session(store, days_ago(2))
    offered = step_now(store)
    decide(
        store,
        user_id="local",
        catalog=CATALOG,
        today=today(),
        key=offered.suggestion.key,
        accept=False,
    )
    assert store.active_routine(user_id="local").current_items == routine.items  # type: ignore[union-attr]
    assert store.routine_history(user_id="local", routine_id=routine.id) == []
    again = step_now(store)
    assert again.suggestion.key == offered.suggestion.key
    assert not again.undecided
    assert again.decision is not None
    assert not again.decision.accepted


def test_a_pending_suggestion_is_re_evaluated_when_the_next_morning_turns_a_session_red(
    store: Store,
) -> None:
    store.save_routine(user_id="local", routine=starter())
    good_session(store, days_ago(5))
    good_session(store, days_ago(3))
    log(store, days_ago(1))
    offered = step_now(store)
    assert offered.suggestion.step is Step.PROGRESS  # the last session is still provisional
    check_in(store, today(), 7)  # next morning: the leg is much worse
    again = step_now(store)
    assert again.suggestion.step is Step.STEP_BACK
    assert again.undecided  # a new suggestion, not the one offered before
    with pytest.raises(SuggestionChanged):
        decide(
            store,
            user_id="local",
            catalog=CATALOG,
            today=today(),
            key=offered.suggestion.key,
            accept=True,
        )
    decide(
        store,
        user_id="local",
        catalog=CATALOG,
        today=today(),
        key=again.suggestion.key,
        accept=True,
    )
    followed = store.active_routine(user_id="local")
    assert followed is not None
    # Nothing was marked, so the session stepped back as a whole: one exercise, eased.
    eased = [a != b for a, b in zip(followed.current_items, followed.items, strict=True)]
    assert eased.count(True) == 1
    assert step_now(store).suggestion.step is Step.KEEP  # that red is answered


def test_a_change_is_refused_when_the_doses_moved_on_since_it_was_suggested(
    store: Store,
) -> None:
    routine = store.save_routine(user_id="local", routine=starter())
    change = Change(day=today(), step=Step.PROGRESS, sentence="Up.", accepted=True, changed=True)
    older = (routine.items[0].model_copy(update={"hold_seconds": 25}), *routine.items[1:])
    with pytest.raises(StaleRoutine):
        store.record_decision(
            user_id="local",
            routine_id=routine.id,
            session_id=None,
            key="k",
            change=change,
            before=older,
            after=routine.items,
        )


def test_a_change_keeps_the_persons_day_not_the_servers(store: Store) -> None:
    # 23:30 on 31 December in Los Angeles is already 1 January on the server's UTC clock.
    late = datetime(2027, 12, 31, 23, 30, tzinfo=ZoneInfo("America/Los_Angeles"))
    with time_machine.travel(late, tick=False):
        their_day = clock.today("America/Los_Angeles")
        routine = store.save_routine(user_id="local", routine=starter(their_day - timedelta(21)))
        for offset in (4, 2):
            log(store, their_day - timedelta(days=offset))
            check_in(store, their_day - timedelta(days=offset - 1), 2)
        offered = next_step(store, user_id="local", catalog=CATALOG, today=their_day)
        assert offered is not None
        decide(
            store,
            user_id="local",
            catalog=CATALOG,
            today=their_day,
            key=offered.suggestion.key,
            accept=True,
        )
    last = store.last_change(user_id="local", routine_id=routine.id)
    assert last is not None
    assert last.day == date(2027, 12, 31)
    assert last.created_at.astimezone(UTC).date() == date(2028, 1, 1)  # the server's UTC day


def test_an_edit_in_the_builder_is_the_persons_own_change_in_the_history(store: Store) -> None:
    from sciatica.plans.draft import RoutineDraft, save_draft

    routine = store.save_routine(user_id="local", routine=starter())
    draft = RoutineDraft(start_date=today()).load(routine, catalog=CATALOG, routine_id=routine.id)
    draft = draft.set_dose("clamshell", "reps", 12)
    saved = save_draft(store, draft, user_id="local", catalog=CATALOG, today=today())
    clamshell = next(i for i in saved.current_items if i.exercise_id == "clamshell")
    assert clamshell.reps == 12
    (edit,) = store.routine_history(user_id="local", routine_id=routine.id)
    assert (edit.step, edit.day, len(edit.changes)) == (Step.EDIT, today(), 1)
    renamed = save_draft(
        store,
        draft.with_details(name="Renamed", days=draft.days, start_date=draft.start_date),
        user_id="local",
        catalog=CATALOG,
        today=today(),
    )
    assert renamed.name == "Renamed"
    assert len(store.routine_history(user_id="local", routine_id=routine.id)) == 1  # no dose change


def test_an_emergency_sign_in_the_latest_check_in_pauses_suggestions(store: Store) -> None:
    store.save_routine(user_id="local", routine=starter())
    log(store, days_ago(1), leg_response=LegResponse.DOWN)
    store.save_check_in(
        user_id="local",
        entry=make_check_in(red_flags=["saddle"]),
        triage_level=TriageLevel.EMERGENCY,
    )
    step = step_now(store)
    assert step.suggestion.step is Step.WARNING
    assert not step.undecided


def test_a_session_cannot_point_at_someone_elses_routine(store: Store) -> None:
    theirs = store.save_routine(user_id="ann", routine=starter())
    with pytest.raises(LookupError):
        log(store, days_ago(1), user="bob", routine_id=theirs.id)


def test_deleting_all_my_data_removes_routines_sessions_and_decisions(store: Store) -> None:
    routine = store.save_routine(user_id="local", routine=starter())
    good_session(store, days_ago(4))
    good_session(store, days_ago(2))
    offered = step_now(store)
    decide(
        store,
        user_id="local",
        catalog=CATALOG,
        today=today(),
        key=offered.suggestion.key,
        accept=True,
    )
    store.delete_user_data(user_id="local")
    assert store.list_routines(user_id="local") == []
    assert store.recent_sessions(user_id="local", limit=5) == []
    assert store.decisions(user_id="local", routine_id=routine.id) == []


def test_each_user_reads_only_their_own_sessions(store: Store) -> None:
    log(store, days_ago(1), user="ann", notes="ann's")
    log(store, days_ago(1), user="bob", notes="bob's")
    for user in ("ann", "bob"):
        found = store.sessions_between(user_id=user, start=days_ago(1), end=days_ago(1))
        assert [session.notes for session in found] == [f"{user}'s"]
