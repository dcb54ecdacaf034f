"""The rules of a share: who a typed login names, when a share ends, the Patients card's words."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from sciatica.sharing.access import (
    Login,
    SharingRefused,
    check_grantee,
    last_day_limits,
    share_ends_at,
)
from sciatica.sharing.models import Share
from sciatica.sharing.overview import leg_pain_words, planned_days, sessions_words
from tests.factories import days_ago, make_check_in, make_routine, today

ALICE = Login(user_id="oidc:x|alice", email="Alice@Example.org", subject="alice-sub")


@pytest.mark.parametrize(
    ("typed", "names_alice"),
    [
        ("alice@example.org", True),
        ("  ALICE@EXAMPLE.ORG ", True),
        ("alice-sub", True),
        ("ALICE-SUB", False),  # a subject is matched exactly
        ("alice", False),
        ("", False),
    ],
)
def test_a_typed_login_names_a_person_by_address_in_any_case_or_subject_exactly(
    typed: str, names_alice: bool
) -> None:
    assert ALICE.is_named_by(typed) is names_alice


def test_a_login_without_a_verified_address_is_named_by_its_subject_only() -> None:
    login = Login(user_id="u", email=None, subject="s-1")
    assert login.label == "s-1"
    assert login.is_named_by("s-1")
    assert not login.is_named_by("someone@example.org")


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("", "Type the clinician's login"),
        ("\t", "Type the clinician's login"),
        ("alice@example.org", "That is your own login"),
        ("carol\u0000@example.org", "That is not a login"),
        ("x" * 321, "That is not a login"),
    ],
)
def test_a_grantee_that_is_no_one_or_oneself_is_refused(typed: str, problem: str) -> None:
    with pytest.raises(SharingRefused, match=problem):
        check_grantee(typed, owner=ALICE)


def test_a_grantee_is_kept_as_typed_without_the_spaces_around_it() -> None:
    assert check_grantee("  Carol@Example.org ", owner=ALICE) == "Carol@Example.org"


@pytest.mark.parametrize(
    ("last_day", "zone", "ends"),
    [
        # The end of 31 December in Los Angeles is 08:00 UTC on 1 January.
        (date(2027, 12, 31), "America/Los_Angeles", datetime(2028, 1, 1, 8, tzinfo=UTC)),
        # A share through 29 February ends at the start of 1 March.
        (date(2028, 2, 29), "Europe/London", datetime(2028, 3, 1, 0, tzinfo=UTC)),
        # The night the clocks go forward in Stockholm.
        (date(2027, 3, 27), "Europe/Stockholm", datetime(2027, 3, 27, 23, tzinfo=UTC)),
    ],
)
def test_a_share_ends_at_midnight_after_its_last_day_where_the_person_is(
    last_day: date, zone: str, ends: datetime
) -> None:
    assert share_ends_at(last_day, timezone=zone) == ends


def test_a_share_may_end_from_tomorrow_to_a_year_ahead() -> None:
    assert last_day_limits(today=date(2028, 2, 29)) == (date(2028, 3, 1), date(2029, 2, 28))


def test_a_stopped_or_expired_share_is_not_active() -> None:
    start = datetime(2027, 1, 1, tzinfo=UTC)
    share = Share(
        id=1, owner_label="a", grantee="c", created_at=start, expires_at=start + timedelta(days=1)
    )
    assert share.active(now=start)
    assert not share.active(now=start + timedelta(days=1))
    assert not share.model_copy(update={"ended_at": start}).active(now=start)


def test_leg_pain_words_compare_the_last_seven_days_with_the_seven_before() -> None:
    entries = [
        make_check_in(day=days_ago(0), leg_pain=4),
        make_check_in(day=days_ago(6), leg_pain=5),
        make_check_in(day=days_ago(7), leg_pain=7),
        make_check_in(day=days_ago(13), leg_pain=8),
    ]
    assert leg_pain_words(entries, today=today()) == (
        "Leg pain: 4.5/10 on average over the last 7 days, against 7.5/10 the 7 before."
    )
    assert leg_pain_words(entries[2:], today=today()) == (
        "Leg pain: no check-ins in the last 7 days; 7.5/10 the 7 before."
    )
    assert leg_pain_words([], today=today()) == "Leg pain: no check-ins in the last two weeks."


def test_planned_sessions_count_the_routines_days_since_it_started() -> None:
    routine = make_routine(start=days_ago(20))
    start, end = days_ago(13), today()
    weekdays = {int(day) for day in routine.days}
    expected = sum(1 for n in range(14) if (start + timedelta(days=n)).weekday() in weekdays)
    assert planned_days(routine, start=start, end=end) == expected
    later = make_routine(start=end)
    assert planned_days(later, start=start, end=end) == int(end.weekday() in weekdays)
    assert sessions_words(2, 6) == "Sessions: 2 in the last two weeks, of 6 planned."
