from datetime import date, timedelta

import pytest

from sciatica.diary.check_in import describe_change, form_start, record_check_in
from sciatica.diary.models import TriageLevel
from tests.factories import days_ago, make_check_in
from tests.fakes import InMemoryStore


@pytest.fixture
def store() -> InMemoryStore:
    """The diary in memory: these rules need no database (storage keeps the same contract)."""
    return InMemoryStore()


SBI = {"sbi_leg_pain": 2, "sbi_numbness": 2, "sbi_weakness": 1, "sbi_sitting": 3}


def test_recording_a_check_in_commits_it_and_compares_with_the_previous(
    store: InMemoryStore, today: date
) -> None:
    record_check_in(
        store,
        user_id="local",
        entry=make_check_in(day=days_ago(2), leg_pain=7),
        today=today,
    )
    outcome = record_check_in(store, user_id="local", entry=make_check_in(leg_pain=5), today=today)
    assert outcome.updated is False
    assert outcome.comparison == "Leg pain 5, 2 lower than the day before yesterday."
    assert store.get_check_in(user_id="local", day=today) == outcome.check_in


def test_recording_the_same_day_again_reports_an_update(store: InMemoryStore, today: date) -> None:
    record_check_in(store, user_id="local", entry=make_check_in(), today=today)
    outcome = record_check_in(store, user_id="local", entry=make_check_in(leg_pain=2), today=today)
    assert outcome.updated is True


def test_an_emergency_sign_is_saved_with_the_check_in(store: InMemoryStore, today: date) -> None:
    entry = make_check_in(red_flags=["saddle"])
    outcome = record_check_in(store, user_id="local", entry=entry, today=today)
    assert outcome.triage.level is TriageLevel.EMERGENCY
    stored = store.get_check_in(user_id="local", day=today)
    assert stored is not None
    assert stored.triage_level is TriageLevel.EMERGENCY
    assert stored.red_flags == {"saddle"}


def test_describe_change_wording(today: date) -> None:
    previous = make_check_in(day=days_ago(1), leg_pain=4)
    assert describe_change(make_check_in(leg_pain=6), previous, today=today) == (
        "Leg pain 6, 2 higher than yesterday."
    )
    assert describe_change(make_check_in(leg_pain=4), previous, today=today) == (
        "Leg pain 4, the same as yesterday."
    )
    assert describe_change(make_check_in(leg_pain=4), None, today=today) == (
        "Leg pain 4. This is your first check-in."
    )


def test_a_new_day_starts_from_the_latest_check_in_but_asks_signs_and_medication_afresh(
    store: InMemoryStore, today: date
) -> None:
    yesterday = make_check_in(
        day=days_ago(1),
        leg_pain=6,
        extent="foot",
        medication="Paracetamol",
        notes="yesterday only",
        red_flags=["night_pain"],
    )
    record_check_in(store, user_id="local", entry=yesterday, today=today)
    start = form_start(store, user_id="local", day=today)
    assert start.existing is None
    assert start.carried_from == days_ago(1)
    assert start.values["leg_pain"] == 6
    assert start.values["extent"] == "foot"
    assert start.values["medication"] == ""  # carried over, it would record doses not taken
    assert start.values["notes"] == ""
    assert start.values["red_flags"] == frozenset()


def test_a_day_already_checked_in_opens_with_its_own_values(
    store: InMemoryStore, today: date
) -> None:
    record_check_in(
        store, user_id="local", entry=make_check_in(leg_pain=3, notes="mine"), today=today
    )
    start = form_start(store, user_id="local", day=today)
    assert start.existing is not None
    assert (start.values["leg_pain"], start.values["notes"]) == (3, "mine")


def test_the_weekly_questions_are_offered_when_a_week_has_passed(
    store: InMemoryStore, today: date
) -> None:
    assert form_start(store, user_id="local", day=today).ask_sbi is True
    sbi_day = days_ago(10)
    record_check_in(store, user_id="local", entry=make_check_in(day=sbi_day, **SBI), today=today)
    assert form_start(store, user_id="local", day=sbi_day + timedelta(days=6)).ask_sbi is False
    assert form_start(store, user_id="local", day=sbi_day + timedelta(days=7)).ask_sbi is True


def test_only_someone_who_checked_in_before_counts_as_returning(
    store: InMemoryStore, today: date
) -> None:
    assert form_start(store, user_id="local", day=today).returning is False
    record_check_in(store, user_id="local", entry=make_check_in(day=days_ago(3)), today=today)
    assert form_start(store, user_id="local", day=today).returning is True


def test_changing_a_days_check_in_still_offers_the_weekly_questions_when_due(
    store: InMemoryStore, today: date
) -> None:
    record_check_in(store, user_id="local", entry=make_check_in(), today=today)
    start = form_start(store, user_id="local", day=today)
    assert start.existing is not None
    assert start.ask_sbi is True
