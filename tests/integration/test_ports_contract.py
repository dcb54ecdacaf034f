"""One contract for the domain's ports, kept by the in-memory fake and by the real store.

Every case runs three times: on `tests.fakes.InMemoryStore`, and on `sciatica.storage.Store`
over SQLite and over PostgreSQL. The domain's tests lean on the fake, so whatever the fake
promises here the databases keep too, and the fake cannot drift from the real thing.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, time

import pytest

from sciatica.diary.models import AboutMe, SignSeen, TriageLevel
from sciatica.diary.ports import CheckInChanged, DailyRow, FlareDay, FlareRow
from sciatica.exercises.catalog import load_catalog
from sciatica.plans.models import Change, ItemChange, RoutineInput, Step
from sciatica.plans.ports import PlanDiary, StaleRoutine
from sciatica.plans.routine import template
from sciatica.storage.store import Store
from tests.factories import days_ago, make_check_in, make_flare, make_session_input, today
from tests.fakes import InMemoryStore

ME, SOMEONE_ELSE = "alice", "bob"


@pytest.fixture(params=["in-memory", "sqlite", "postgresql"])
def diary(request: pytest.FixtureRequest) -> Iterator[PlanDiary]:
    """The same ports, in memory and on each database."""
    if request.param == "in-memory":
        yield InMemoryStore()
        return
    fixture = "migrated_sqlite_url" if request.param == "sqlite" else "migrated_postgres_url"
    store = Store.open(request.getfixturevalue(fixture))
    yield store
    store.close()


def routine_input(name: str = "Starter routine") -> RoutineInput:
    return template(name, catalog=load_catalog(), start=days_ago(21))


def change(**overrides: object) -> Change:
    values: dict[str, object] = {
        "day": today(),
        "step": Step.PROGRESS,
        "sentence": "One more repetition of the first exercise.",
        "accepted": True,
        "changed": True,
    }
    return Change.model_validate(values | overrides)


# Check-ins -------------------------------------------------------------------------------


def test_a_check_in_reads_back_as_saved_and_a_second_one_that_day_replaces_it(
    diary: PlanDiary,
) -> None:
    first = diary.save_check_in(
        user_id=ME, entry=make_check_in(leg_pain=6), triage_level=TriageLevel.NONE
    )
    second = diary.save_check_in(
        user_id=ME, entry=make_check_in(leg_pain=3, notes="better"), triage_level=TriageLevel.NONE
    )
    assert (first.updated, second.updated) == (False, True)
    assert second.check_in.id == first.check_in.id
    stored = diary.get_check_in(user_id=ME, day=today())
    assert stored == second.check_in
    assert (stored.leg_pain, stored.notes, stored.user_id) == (3, "better", ME)
    assert stored.created_at == first.check_in.created_at


def test_none_of_these_today_reads_back_apart_from_a_screen_left_unanswered(
    diary: PlanDiary,
) -> None:
    diary.save_check_in(
        user_id=ME, entry=make_check_in(no_warning_signs=True), triage_level=TriageLevel.NONE
    )
    diary.save_check_in(
        user_id=ME, entry=make_check_in(day=days_ago(1)), triage_level=TriageLevel.NONE
    )
    answered = diary.get_check_in(user_id=ME, day=today())
    unanswered = diary.get_check_in(user_id=ME, day=days_ago(1))
    assert answered is not None
    assert unanswered is not None
    assert (answered.no_warning_signs, answered.red_flags) == (True, frozenset())
    assert (unanswered.no_warning_signs, unanswered.red_flags) == (False, frozenset())
    # Saving the day again with a sign ticked replaces the answer.
    diary.save_check_in(
        user_id=ME, entry=make_check_in(red_flags=["night_pain"]), triage_level=TriageLevel.SOON
    )
    changed = diary.get_check_in(user_id=ME, day=today())
    assert changed is not None
    assert (changed.no_warning_signs, changed.red_flags) == (False, frozenset({"night_pain"}))


def test_a_check_in_saved_elsewhere_since_the_form_opened_is_not_replaced_unasked(
    diary: PlanDiary,
) -> None:
    none = TriageLevel.NONE
    first = diary.save_check_in_if_unchanged(
        user_id=ME, entry=make_check_in(leg_pain=6), triage_level=none, seen=None
    )
    # A form opened on an empty day, saved after another device saved that day: refused.
    with pytest.raises(CheckInChanged) as changed:
        diary.save_check_in_if_unchanged(
            user_id=ME, entry=make_check_in(leg_pain=2), triage_level=none, seen=None
        )
    assert changed.value.current == first.check_in
    assert diary.get_check_in(user_id=ME, day=today()) == first.check_in
    # Opened on what the day holds now: saved, replacing it.
    second = diary.save_check_in_if_unchanged(
        user_id=ME,
        entry=make_check_in(leg_pain=2),
        triage_level=none,
        seen=first.check_in.updated_at,
    )
    assert (second.updated, second.check_in.leg_pain) == (True, 2)


def test_check_ins_are_read_by_day_oldest_first_within_the_bounds(diary: PlanDiary) -> None:
    for back in (9, 2, 5):
        diary.save_check_in(
            user_id=ME, entry=make_check_in(day=days_ago(back)), triage_level=TriageLevel.NONE
        )
    between = diary.check_ins_between(user_id=ME, start=days_ago(5), end=days_ago(2))
    assert [entry.day for entry in between] == [days_ago(5), days_ago(2)]
    assert diary.first_check_in_day(user_id=ME) == days_ago(9)
    latest = diary.latest_check_in(user_id=ME)
    assert latest is not None
    assert latest.day == days_ago(2)
    earlier = diary.latest_check_in(user_id=ME, before=days_ago(2))
    assert earlier is not None
    assert earlier.day == days_ago(5)
    assert diary.latest_check_in(user_id=ME, before=days_ago(9)) is None


def test_the_daily_rows_total_the_bothersomeness_index_only_when_all_four_are_answered(
    diary: PlanDiary,
) -> None:
    sbi = {"sbi_leg_pain": 4, "sbi_numbness": 3, "sbi_weakness": 2, "sbi_sitting": 5}
    diary.save_check_in(
        user_id=ME,
        entry=make_check_in(day=days_ago(8), leg_pain=7, back_pain=4, **sbi),
        triage_level=TriageLevel.ROUTINE,
    )
    diary.save_check_in(
        user_id=ME, entry=make_check_in(day=days_ago(1)), triage_level=TriageLevel.NONE
    )
    rows = diary.daily_rows(user_id=ME, start=days_ago(30), end=today())
    assert rows == [
        DailyRow(days_ago(8), 7, 4, 14, 4, 5, 3, 20, TriageLevel.ROUTINE.value),
        DailyRow(days_ago(1), 5, 3, None, 4, 5, 3, 20, TriageLevel.NONE.value),
    ]
    assert diary.last_sbi_day(user_id=ME) == days_ago(8)
    assert diary.last_sbi_day(user_id=ME, before=days_ago(8)) is None


def test_nobody_reads_anothers_check_ins(diary: PlanDiary) -> None:
    diary.save_check_in(user_id=ME, entry=make_check_in(), triage_level=TriageLevel.NONE)
    assert diary.get_check_in(user_id=SOMEONE_ELSE, day=today()) is None
    assert diary.latest_check_in(user_id=SOMEONE_ELSE) is None
    assert diary.first_check_in_day(user_id=SOMEONE_ELSE) is None
    assert diary.daily_rows(user_id=SOMEONE_ELSE, start=days_ago(1), end=today()) == []


# Flare-ups -------------------------------------------------------------------------------


def test_flare_ups_are_added_changed_and_deleted_by_their_owner_only(diary: PlanDiary) -> None:
    added = diary.add_flare(user_id=ME, entry=make_flare(leg_pain=8, note="after the drive"))
    assert (added.leg_pain, added.note, added.at.tzinfo is not None) == (8, "after the drive", True)
    with pytest.raises(LookupError):
        diary.change_flare(user_id=SOMEONE_ELSE, flare_id=added.id, entry=make_flare(leg_pain=1))
    with pytest.raises(LookupError):
        diary.delete_flare(user_id=SOMEONE_ELSE, flare_id=added.id)
    changed = diary.change_flare(user_id=ME, flare_id=added.id, entry=make_flare(leg_pain=5))
    assert (changed.id, changed.leg_pain, changed.created_at) == (added.id, 5, added.created_at)
    diary.delete_flare(user_id=ME, flare_id=added.id)
    assert diary.flares_between(user_id=ME, start=days_ago(1), end=today()) == []
    with pytest.raises(LookupError):
        diary.delete_flare(user_id=ME, flare_id=added.id)


def test_flare_ups_read_back_in_time_order_with_each_days_range(diary: PlanDiary) -> None:
    evening = make_flare(days_back=2, wall=time(20, 0), leg_pain=4, triggers=("driving",))
    morning = make_flare(days_back=2, wall=time(8, 0), leg_pain=9, helped=("walking",))
    yesterday = make_flare(days_back=1, wall=time(12, 0), leg_pain=6)
    for entry in (evening, morning, yesterday):
        diary.add_flare(user_id=ME, entry=entry)
    diary.add_flare(user_id=SOMEONE_ELSE, entry=make_flare(days_back=1, leg_pain=1))

    read = diary.flares_between(user_id=ME, start=days_ago(2), end=days_ago(1))
    assert [(f.leg_pain, f.at) for f in read] == [
        (9, morning.at.astimezone(UTC)),
        (4, evening.at.astimezone(UTC)),
        (6, yesterday.at.astimezone(UTC)),
    ]
    assert diary.flare_rows(user_id=ME, start=days_ago(2), end=days_ago(1)) == [
        FlareRow(days_ago(2), 9, ("sitting",), ("walking",)),
        FlareRow(days_ago(2), 4, ("driving",), ()),
        FlareRow(days_ago(1), 6, ("sitting",), ()),
    ]
    assert diary.flare_days(user_id=ME, start=days_ago(2), end=days_ago(1)) == [
        FlareDay(days_ago(2), 4, 9, 2),
        FlareDay(days_ago(1), 6, 6, 1),
    ]
    assert diary.flare_days(user_id=ME, start=days_ago(1), end=days_ago(1)) == [
        FlareDay(days_ago(1), 6, 6, 1)
    ]


# About me, signs seen about, flagged days ------------------------------------------------


def test_about_me_is_kept_per_person_and_replaced_whole(diary: PlanDiary) -> None:
    assert diary.get_about_me(user_id=ME) is None
    diary.save_about_me(user_id=ME, answers=AboutMe(osteoporosis=True, answered_on=today()))
    diary.save_about_me(user_id=ME, answers=AboutMe(had_cancer=True, answered_on=today()))
    assert diary.get_about_me(user_id=ME) == AboutMe(had_cancer=True, answered_on=today())
    assert diary.get_about_me(user_id=SOMEONE_ELSE) is None


def test_signs_seen_about_are_kept_once_each_oldest_first(diary: PlanDiary) -> None:
    later = SignSeen(flag_id="fever_unwell", sign_day=days_ago(3), seen_on=days_ago(1))
    earlier = SignSeen(flag_id="worsening_weakness", sign_day=days_ago(6), seen_on=days_ago(4))
    diary.record_signs_seen(user_id=ME, seen=[later])
    diary.record_signs_seen(user_id=ME, seen=[earlier, later])
    assert diary.signs_seen(user_id=ME) == [earlier, later]
    assert diary.signs_seen(user_id=SOMEONE_ELSE) == []


def test_only_urgent_and_emergency_check_ins_are_flagged_days(diary: PlanDiary) -> None:
    levels = {5: TriageLevel.EMERGENCY, 3: TriageLevel.ROUTINE, 1: TriageLevel.URGENT}
    flags = {5: ["saddle"], 3: [], 1: ["fever_unwell"]}
    for back, level in levels.items():
        entry = make_check_in(day=days_ago(back), red_flags=flags[back])
        diary.save_check_in(user_id=ME, entry=entry, triage_level=level)
    assert diary.flagged_days(user_id=ME) == [
        (days_ago(5), frozenset({"saddle"})),
        (days_ago(1), frozenset({"fever_unwell"})),
    ]
    assert diary.flagged_days(user_id=SOMEONE_ELSE) == []


# Routines and sessions -------------------------------------------------------------------


def test_one_routine_is_active_and_the_active_one_is_listed_first(diary: PlanDiary) -> None:
    first = diary.save_routine(user_id=ME, routine=routine_input("Starter routine"))
    second = diary.save_routine(user_id=ME, routine=routine_input("Gentle routine"))
    kept_aside = diary.save_routine(
        user_id=ME, routine=routine_input("Starter routine"), activate=False
    )
    assert second.active
    assert not kept_aside.active
    assert second.current_items == second.items
    active = diary.active_routine(user_id=ME)
    assert active is not None
    assert active.id == second.id
    listed = diary.list_routines(user_id=ME)
    assert [r.id for r in listed] == [second.id, kept_aside.id, first.id]
    diary.set_active_routine(user_id=ME, routine_id=first.id)
    assert [r.active for r in diary.list_routines(user_id=ME)] == [True, False, False]
    assert diary.list_routines(user_id=SOMEONE_ELSE) == []
    with pytest.raises(LookupError):
        diary.set_active_routine(user_id=SOMEONE_ELSE, routine_id=first.id)
    assert diary.get_routine(user_id=SOMEONE_ELSE, routine_id=first.id) is None


def test_sessions_read_back_in_order_and_outlive_their_routine(diary: PlanDiary) -> None:
    routine = diary.save_routine(user_id=ME, routine=routine_input())
    for back in (6, 1, 3):
        diary.save_session(
            user_id=ME, session=make_session_input(day=days_ago(back), routine_id=routine.id)
        )
    assert [s.day for s in diary.recent_sessions(user_id=ME, limit=2)] == [
        days_ago(3),
        days_ago(1),
    ]
    between = diary.sessions_between(user_id=ME, start=days_ago(6), end=days_ago(3))
    assert [s.day for s in between] == [days_ago(6), days_ago(3)]
    with pytest.raises(LookupError):
        diary.save_session(user_id=SOMEONE_ELSE, session=make_session_input(routine_id=routine.id))
    assert diary.delete_routine(user_id=ME, routine_id=routine.id)
    assert not diary.delete_routine(user_id=ME, routine_id=routine.id)
    kept = diary.sessions_between(user_id=ME, start=days_ago(6), end=today())
    assert [(s.day, s.routine_id) for s in kept] == [
        (days_ago(6), None),
        (days_ago(3), None),
        (days_ago(1), None),
    ]
    assert diary.recent_sessions(user_id=SOMEONE_ELSE, limit=5) == []


# Decisions -------------------------------------------------------------------------------


def test_an_accepted_change_moves_the_doses_once_and_a_stale_one_is_refused(
    diary: PlanDiary,
) -> None:
    routine = diary.save_routine(user_id=ME, routine=routine_input())
    session = diary.save_session(user_id=ME, session=make_session_input(routine_id=routine.id))
    before = routine.current_items
    after = (before[0].model_copy(update={"sets": 2 if before[0].sets == 1 else 1}), *before[1:])
    step_up = change(changes=(ItemChange(before=before[0], after=after[0]),))
    diary.record_decision(
        user_id=ME,
        routine_id=routine.id,
        session_id=session.id,
        key="progress:1",
        change=step_up,
        before=before,
        after=after,
    )
    # The same suggestion decided again (a second tab) changes nothing.
    diary.record_decision(
        user_id=ME,
        routine_id=routine.id,
        session_id=session.id,
        key="progress:1",
        change=step_up,
        before=after,
        after=before,
    )
    now = diary.get_routine(user_id=ME, routine_id=routine.id)
    assert now is not None
    assert now.current_items == after
    assert now.items == before
    found = diary.find_decision(user_id=ME, routine_id=routine.id, key="progress:1")
    assert found is not None
    assert (found.session_id, found.step, found.changes) == (
        session.id,
        Step.PROGRESS,
        step_up.changes,
    )
    with pytest.raises(StaleRoutine):
        diary.record_decision(
            user_id=ME,
            routine_id=routine.id,
            session_id=None,
            key="progress:2",
            change=step_up,
            before=before,
            after=after,
        )
    assert diary.find_decision(user_id=ME, routine_id=routine.id, key="progress:2") is None


def test_the_history_holds_only_changes_newest_first(diary: PlanDiary) -> None:
    routine = diary.save_routine(user_id=ME, routine=routine_input())
    items = routine.current_items
    dismissed = change(step=Step.KEEP, accepted=False, changed=False, day=days_ago(1))
    for key, decided in (("a", change(day=days_ago(4))), ("b", dismissed)):
        diary.record_decision(
            user_id=ME,
            routine_id=routine.id,
            session_id=None,
            key=key,
            change=decided,
            before=items,
            after=items if decided.changed else None,
        )
    edited = diary.save_routine(
        user_id=ME,
        routine=routine_input(),
        routine_id=routine.id,
        edit=change(step=Step.EDIT, day=days_ago(2)),
    )
    assert edited.id == routine.id
    history = diary.routine_history(user_id=ME, routine_id=routine.id)
    assert [(d.step, d.day) for d in history] == [
        (Step.EDIT, days_ago(2)),
        (Step.PROGRESS, days_ago(4)),
    ]
    last = diary.last_change(user_id=ME, routine_id=routine.id)
    assert last is not None
    assert last.step is Step.EDIT
    assert len(diary.routine_history(user_id=ME, routine_id=routine.id, limit=1)) == 1


def test_nobody_decides_on_anothers_routine_or_session(diary: PlanDiary) -> None:
    mine = diary.save_routine(user_id=ME, routine=routine_input())
    my_session = diary.save_session(user_id=ME, session=make_session_input())
    theirs = diary.save_routine(user_id=SOMEONE_ELSE, routine=routine_input())
    for user_id, session_id in ((ME, None), (SOMEONE_ELSE, my_session.id)):
        with pytest.raises(LookupError):
            diary.record_decision(
                user_id=user_id,
                routine_id=theirs.id,
                session_id=session_id,
                key="x",
                change=change(),
                before=mine.current_items,
            )
    assert diary.last_change(user_id=SOMEONE_ELSE, routine_id=theirs.id) is None
