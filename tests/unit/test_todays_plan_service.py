"""Today's plan read from the diary (in memory): the active routine, and today's sessions only."""

from __future__ import annotations

from datetime import timedelta

import pytest

from sciatica.exercises.catalog import load_catalog
from sciatica.plans.models import SessionInput, Weekday
from sciatica.plans.routine import template
from sciatica.plans.today import PlanStatus, todays_plan
from tests.factories import days_ago, today
from tests.fakes import InMemoryStore


@pytest.fixture
def store() -> InMemoryStore:
    """The diary in memory: these rules need no database (storage keeps the same contract)."""
    return InMemoryStore()


CATALOG = load_catalog()


def follow_a_routine_every_day(store: InMemoryStore, user: str = "local") -> None:
    plan = template("Starter routine", catalog=CATALOG, start=days_ago(2))
    every_day = plan.model_copy(update={"days": frozenset(Weekday)})
    store.save_routine(user_id=user, routine=every_day)


def log(store: InMemoryStore, *, days_back: int, user: str = "local") -> None:
    session = SessionInput(day=days_ago(days_back), pain_before=2, worst_during=2, pain_after=2)
    store.save_session(user_id=user, session=session)


def test_a_new_diary_has_no_routine_to_follow(store: InMemoryStore) -> None:
    plan = todays_plan(store, user_id="local", catalog=CATALOG, today=today())
    assert plan.status is PlanStatus.NO_ROUTINE


@pytest.mark.parametrize(
    ("logged", "status"),
    [
        ((), PlanStatus.PLANNED),
        ((1,), PlanStatus.PLANNED),  # yesterday's session does not count for today
        ((0,), PlanStatus.DONE),
        ((1, 0), PlanStatus.DONE),
    ],
)
def test_a_session_logged_for_today_marks_the_day_done(
    store: InMemoryStore, logged: tuple[int, ...], status: PlanStatus
) -> None:
    follow_a_routine_every_day(store)
    for days_back in logged:
        log(store, days_back=days_back)
    plan = todays_plan(store, user_id="local", catalog=CATALOG, today=today())
    assert plan.status is status
    assert plan.routine == store.active_routine(user_id="local")
    assert plan.session is not None
    assert plan.session.day == today()


def test_someone_elses_session_does_not_mark_my_day_done(store: InMemoryStore) -> None:
    follow_a_routine_every_day(store)
    follow_a_routine_every_day(store, user="someone-else")
    log(store, days_back=0, user="someone-else")
    plan = todays_plan(store, user_id="local", catalog=CATALOG, today=today())
    assert plan.status is PlanStatus.PLANNED


def test_tomorrow_is_not_today(store: InMemoryStore) -> None:
    follow_a_routine_every_day(store)
    log(store, days_back=0)
    tomorrow = today() + timedelta(days=1)
    plan = todays_plan(store, user_id="local", catalog=CATALOG, today=tomorrow)
    assert plan.status is PlanStatus.PLANNED


def test_a_rest_day_offers_the_routines_session_and_one_logged_marks_it_done(
    store: InMemoryStore,
) -> None:
    plan = template("Starter routine", catalog=CATALOG, start=days_ago(2))
    rest_today = frozenset(Weekday) - {Weekday(today().weekday())}
    store.save_routine(user_id="local", routine=plan.model_copy(update={"days": rest_today}))
    rest = todays_plan(store, user_id="local", catalog=CATALOG, today=today())
    assert rest.status is PlanStatus.REST_DAY
    assert rest.session is None
    assert rest.offered is not None
    assert rest.to_do == rest.offered
    assert [item.exercise_id for item, _exercise in rest.offered.items] == [
        item.exercise_id for item in plan.items
    ]
    log(store, days_back=0)
    done = todays_plan(store, user_id="local", catalog=CATALOG, today=today())
    assert done.status is PlanStatus.DONE
