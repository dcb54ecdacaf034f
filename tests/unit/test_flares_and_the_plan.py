"""Flare-ups never change the plan's decisions; one well above its day's check-in is mentioned."""

from __future__ import annotations

from datetime import date, time

import pytest

from sciatica.diary.flares import add_flare
from sciatica.diary.models import TriageLevel
from sciatica.exercises.catalog import load_catalog
from sciatica.plans.models import SessionInput, Step
from sciatica.plans.routine import template
from sciatica.plans.sessions import NextStep, classified_sessions, next_step
from tests.factories import days_ago, make_check_in, make_flare, today
from tests.fakes import InMemoryStore


@pytest.fixture
def store() -> InMemoryStore:
    """The diary in memory: these rules need no database (storage keeps the same contract)."""
    return InMemoryStore()


CATALOG = load_catalog()
USER = "local"


def check_in(store: InMemoryStore, day: date, leg_pain: int) -> None:
    entry = make_check_in(day=day, leg_pain=leg_pain)
    store.save_check_in(user_id=USER, entry=entry, triage_level=TriageLevel.NONE)


def session(store: InMemoryStore, day: date, worst: int = 2) -> None:
    routine = store.active_routine(user_id=USER)
    data = {"day": day, "pain_before": 2, "worst_during": worst, "pain_after": 2}
    entry = SessionInput.model_validate(data | {"routine_id": routine.id if routine else None})
    store.save_session(user_id=USER, session=entry)


def step(store: InMemoryStore) -> NextStep:
    found = next_step(store, user_id=USER, catalog=CATALOG, today=today())
    assert found is not None
    return found


def two_good_sessions(store: InMemoryStore) -> None:
    """Two green sessions, each settled by next morning: the rules offer a step up."""
    store.save_routine(
        user_id=USER, routine=template("Starter routine", catalog=CATALOG, start=days_ago(21))
    )
    for back in range(10, 4, -1):
        check_in(store, days_ago(back), 2)
    for back in (4, 2):
        session(store, days_ago(back))
        check_in(store, days_ago(back - 1), 2)


def test_flare_ups_change_no_colour_and_no_suggestion_but_one_well_above_is_mentioned(
    store: InMemoryStore,
) -> None:
    two_good_sessions(store)
    before, colours = step(store), classified_sessions(store, user_id=USER, today=today())
    assert before.suggestion.step is Step.PROGRESS
    assert before.flare_note == ""

    for wall, leg, trigger in ((time(9), 5, "sitting"), (time(17), 8, "driving")):
        entry = make_flare(days_back=1, wall=wall, leg_pain=leg, triggers=(trigger,))
        add_flare(store, user_id=USER, entry=entry)

    after = step(store)
    assert after.suggestion == before.suggestion  # the same step, change, sentence and key
    assert after.decision == before.decision
    assert classified_sessions(store, user_id=USER, today=today()) == colours
    assert after.flare_note == (
        "A flare-up after driving yesterday: leg pain 8, 6 points above that day's check-in. "
        "The suggestion rests on your daily check-ins and sessions; you decide whether to take "
        "the step now."
    )


def test_a_flare_up_after_a_sore_session_reads_keep_the_dose(store: InMemoryStore) -> None:
    store.save_routine(
        user_id=USER, routine=template("Starter routine", catalog=CATALOG, start=days_ago(21))
    )
    for back in range(8, 0, -1):
        check_in(store, days_ago(back), 3)
    session(store, days_ago(1), worst=4)  # amber: keep the dose
    add_flare(store, user_id=USER, entry=make_flare(days_back=1, wall=time(20), leg_pain=6))
    found = step(store)
    assert found.suggestion.step is Step.KEEP
    assert found.flare_note == (
        "A flare-up after sitting yesterday: leg pain 6, 3 points above that day's check-in. "
        "Keep the dose."
    )


def test_flare_ups_before_the_last_session_or_only_a_little_above_are_not_mentioned(
    store: InMemoryStore,
) -> None:
    two_good_sessions(store)
    # The day before the last session: the session since has said how the leg is.
    add_flare(store, user_id=USER, entry=make_flare(days_back=3, wall=time(12), leg_pain=9))
    # Two points above yesterday's check-in.
    add_flare(store, user_id=USER, entry=make_flare(days_back=1, wall=time(12), leg_pain=4))
    assert step(store).flare_note == ""
