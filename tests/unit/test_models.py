from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from sciatica import clock
from sciatica.diary.models import (
    NOTES_MAX_CHARS,
    CheckInInput,
    LegExtent,
    describe_errors,
    parse_check_in,
)
from tests import factories
from tests.factories import check_in_data, days_ago, make_check_in


def errors_for(**overrides: object) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        parse_check_in(check_in_data(**overrides), today=factories.today())
    return describe_errors(caught.value)


@given(st.integers(min_value=0, max_value=10), st.integers(min_value=0, max_value=10))
def test_every_pain_score_from_0_to_10_is_accepted(leg: int, back: int) -> None:
    entry = make_check_in(leg_pain=leg, back_pain=back)
    assert (entry.leg_pain, entry.back_pain) == (leg, back)


@given(st.integers().filter(lambda value: not 0 <= value <= 10))
def test_pain_outside_0_to_10_is_refused_naming_the_field(score: int) -> None:
    assert errors_for(leg_pain=score) == ["Leg pain: must be between 0 and 10."]


@given(st.integers().filter(lambda value: not 0 <= value <= 6))
def test_bothersomeness_outside_0_to_6_is_refused(score: int) -> None:
    messages = errors_for(sbi_leg_pain=score, sbi_numbness=1, sbi_weakness=1, sbi_sitting=1)
    assert messages == ["Bothersomeness: leg pain (sciatica): must be between 0 and 6."]


def test_a_future_date_is_refused() -> None:
    assert errors_for(day=days_ago(-1)) == ["Date: cannot be in the future."]


def test_today_in_the_users_time_zone_is_accepted(today: date) -> None:
    assert make_check_in(day=today).day == today


def test_without_a_known_today_dates_ahead_of_every_time_zone_are_refused() -> None:
    # Each new day begins first at Kiritimati (UTC+14): its date is still today somewhere, the
    # next is not. Two days after the person's own date is not enough: late in the evening at
    # UTC-11 it is already today at Kiritimati.
    furthest_ahead = clock.day_at(clock.now(), "Pacific/Kiritimati")
    assert CheckInInput.model_validate(check_in_data(day=furthest_ahead)).day == furthest_ahead
    with pytest.raises(ValidationError):
        CheckInInput.model_validate(check_in_data(day=furthest_ahead + timedelta(days=1)))
    with pytest.raises(ValidationError):
        CheckInInput.model_validate(check_in_data(day=days_ago(-3)))


def test_implausibly_old_dates_are_refused() -> None:
    assert errors_for(day=date(1999, 12, 31)) == ["Date: must be on or after 01 January 2000."]


def test_notes_longer_than_the_limit_are_refused() -> None:
    messages = errors_for(notes="x" * (NOTES_MAX_CHARS + 1))
    assert messages == [f"Notes: string should have at most {NOTES_MAX_CHARS:,} characters."]


def test_notes_with_control_characters_are_refused() -> None:
    assert errors_for(notes="fine\x00") == [
        "Notes: contains invisible control characters; please retype it."
    ]


def test_notes_keep_html_as_plain_text_and_lose_surrounding_space() -> None:
    entry = make_check_in(notes="  <script>alert(1)</script>\r\nline two  ")
    assert entry.notes == "<script>alert(1)</script>\nline two"


@pytest.mark.parametrize(
    ("items", "total"),
    [
        ((0, 0, 0, 0), 0),
        ((6, 6, 6, 6), 24),
        ((4, 2, 1, 5), 12),
        ((None, None, None, None), None),
    ],
)
def test_sbi_total_is_the_sum_of_its_four_items(items: tuple, total: int | None) -> None:
    names = ("sbi_leg_pain", "sbi_numbness", "sbi_weakness", "sbi_sitting")
    entry = make_check_in(**dict(zip(names, items, strict=True)))
    assert entry.sbi_total == total


def test_partly_answered_sbi_is_refused() -> None:
    assert errors_for(sbi_leg_pain=3) == [
        "Answer all four bothersomeness questions, or leave all four empty."
    ]


def test_side_is_dropped_when_there_are_no_leg_symptoms() -> None:
    entry = make_check_in(extent=LegExtent.NONE, side="left")
    assert entry.side is None


def test_unknown_fields_are_refused() -> None:
    assert errors_for(mood="great") == ["Mood: extra inputs are not permitted."]


def test_several_problems_are_all_reported() -> None:
    assert len(errors_for(leg_pain=-1, back_pain=11, activity_minutes=2000)) == 3


@pytest.mark.parametrize(
    ("red_flags", "none_today", "accepted"),
    [
        ([], False, True),  # the screen left unanswered
        ([], True, True),  # "None of these today"
        (["night_pain"], False, True),  # a sign ticked
        (["night_pain"], True, False),  # both at once: which is it?
    ],
)
def test_none_of_these_today_is_an_answer_of_its_own_and_never_beside_a_sign(
    red_flags: list[str], none_today: bool, accepted: bool
) -> None:
    data = check_in_data(red_flags=red_flags, no_warning_signs=none_today)
    if accepted:
        entry = parse_check_in(data, today=factories.today())
        assert (entry.red_flags, entry.no_warning_signs) == (frozenset(red_flags), none_today)
    else:
        assert errors_for(red_flags=red_flags, no_warning_signs=none_today) == [
            "Tick the warning signs that apply, or “None of these today”, not both."
        ]


def test_a_check_in_without_the_answer_reads_as_not_answered_explicitly() -> None:
    assert make_check_in().no_warning_signs is False
