from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import pandas as pd
import pytest

from sciatica.diary.ports import DailyRow
from sciatica.progress.chart_words import exercise_sentence, trend_sentence
from sciatica.progress.summary import (
    NO_SESSIONS,
    Period,
    PeriodChoice,
    PeriodError,
    ProgressSummary,
    SessionPoint,
    daily_frame,
    resolve_period,
    sessions_frame,
    summarise,
)
from sciatica.progress.tables import NOT_RECORDED, as_text, in_parts
from sciatica.progress.text import summary_sentences
from tests import factories
from tests.factories import days_ago


def period_start() -> date:
    """The first day of the test period, 29 days before today by the test clock."""
    return days_ago(29)


def last_30_days() -> Period:
    """The test period: the 30 days up to today."""
    return Period(period_start(), factories.today())


def daily_row(offset: int = 0, **overrides: Any) -> DailyRow:
    """One day's numbers, `offset` days into the test period."""
    values: dict[str, Any] = {
        "day": period_start() + timedelta(days=offset),
        "leg_pain": 5,
        "back_pain": 3,
        "sbi_total": None,
        "walking_interference": 4,
        "sitting_interference": 5,
        "sleeping_interference": 3,
        "activity_minutes": 20,
        "triage_level": "none",
    }
    return DailyRow(**(values | overrides))


def days_frame(*rows: DailyRow) -> pd.DataFrame:
    """The check-ins as the Progress page reads them."""
    return daily_frame(rows=list(rows))


def pain_days(
    baseline: Sequence[int], later: Sequence[int], column: str = "leg_pain"
) -> list[DailyRow]:
    """Baseline values on the first days of the period, later values from day 7 on."""
    first = [daily_row(offset, **{column: value}) for offset, value in enumerate(baseline)]
    rest = [daily_row(7 + offset, **{column: value}) for offset, value in enumerate(later)]
    return first + rest


def make_session(offset: int = 0, **overrides: Any) -> SessionPoint:
    """An exercise session `offset` days into the test period."""
    values: dict[str, Any] = {
        "day": period_start() + timedelta(days=offset),
        "pain_before": 4,
        "worst_during": 5,
        "pain_after": 3,
        "next_morning_leg_pain": 3,
        "exercise_ids": ("clamshell",),
    }
    return SessionPoint(**(values | overrides))


def summary_of(
    rows: Sequence[DailyRow], sessions: Sequence[SessionPoint] = (), period: Period | None = None
) -> ProgressSummary:
    """The summary of some check-ins over the test period (or another)."""
    return summarise(days=days_frame(*rows), sessions=sessions, period=period or last_30_days())


# Periods ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("choice", "days"),
    [(PeriodChoice.LAST_30, 30), (PeriodChoice.LAST_90, 90), (PeriodChoice.LAST_YEAR, 365)],
)
def test_fixed_periods_end_today_and_span_their_days(
    choice: PeriodChoice, days: int, today: date
) -> None:
    period = resolve_period(choice=choice, today=today, first_day=None)
    assert period.end == today
    assert period.days == days


def test_all_starts_at_the_first_check_in_and_today_without_any(today: date) -> None:
    first = days_ago(500)
    assert resolve_period(choice=PeriodChoice.ALL, today=today, first_day=first).start == first
    assert resolve_period(choice=PeriodChoice.ALL, today=today, first_day=None).days == 1


def test_custom_period_keeps_the_chosen_dates(today: date) -> None:
    chosen = (days_ago(30), today)
    period = resolve_period(choice=PeriodChoice.CUSTOM, today=today, first_day=None, custom=chosen)
    assert (period.start, period.end, period.days) == (*chosen, 31)


def test_custom_period_with_from_after_to_is_refused(today: date) -> None:
    backwards = (today, days_ago(30))
    with pytest.raises(PeriodError, match="'From' date is after the 'To' date"):
        resolve_period(choice=PeriodChoice.CUSTOM, today=today, first_day=None, custom=backwards)


def test_periods_longer_than_a_year_are_shown_weekly(today: date) -> None:
    assert not Period(days_ago(365), today).weekly  # 366 days, a leap year
    assert Period(days_ago(366), today).weekly


# Pain against the baseline week ----------------------------------------------------------


@pytest.mark.parametrize(
    ("baseline", "later", "fall", "percent", "important"),
    [
        # Important needs both: at least 2 points and at least 30% of the baseline.
        ([8] * 7, [6] * 7, 2.0, 25.0, False),  # 2 points, but only 25%
        ([5] * 7, [4, 3] * 3, 1.5, 30.0, False),  # 30%, but only 1.5 points
        ([1] * 7, [1, 1, 0], 1 / 3, 33.3, False),  # a third of a point from 1/10 is not important
        ([6] * 7, [4] * 7, 2.0, 33.3, True),  # 2 points and a third
        ([10] * 7, [7] * 7, 3.0, 30.0, True),  # exactly 30% despite float rounding
        ([5] * 7, [4, 4, 4, 3, 3], 1.4, 28.0, False),  # just under both
        ([3] * 7, [5] * 7, -2.0, -66.7, False),  # a rise is never an important fall
        ([0] * 7, [0] * 7, 0.0, None, False),  # no pain at all: nothing to fall from
    ],
)
def test_leg_pain_change_from_the_baseline_week(
    baseline: list[int], later: list[int], fall: float, percent: float | None, important: bool
) -> None:
    leg = summary_of(pain_days(baseline, later)).leg
    assert leg is not None
    assert leg.fall == pytest.approx(fall)
    assert leg.percent == (pytest.approx(percent, abs=0.05) if percent is not None else None)
    assert leg.important is important


def test_summary_names_an_important_fall_in_points_and_percent() -> None:
    lines = summary_sentences(summary=summary_of(pain_days([6] * 7, [4] * 7)))
    assert (
        "Your leg pain averaged 4.0/10 in your latest week of check-ins, against 6.0 in your "
        "first week: 2 points lower (33%): a clinically important fall." in lines
    )


# (rule from CLINICAL.md 2, first week, latest days, the words the summary ends with)
IMPORTANT_CHANGE_WORDS = [
    (
        "2 points and 30%: important",
        [6] * 7,
        [4] * 7,
        "2 points lower (33%): a clinically important fall.",
    ),
    (
        "2 points but under 30%: a real change, short of the 30%, never 'less than 2 points'",
        [8] * 7,
        [6] * 7,
        "2 points lower (25%): a real change, though short of the 30% usually counted as "
        "important.",
    ),
    (
        "30% but under 2 points: short of the 2 points",
        [5] * 7,
        [4, 3] * 3,
        "1.5 points lower (30%), though short of the 2 points usually counted as important.",
    ),
    (
        "under both",
        [5] * 7,
        [4, 4, 4, 3, 3],
        "1.4 points lower (28%), less than the 2 points and 30% usually counted as important.",
    ),
    ("a rise is never a fall", [3] * 7, [5] * 7, "2 points higher."),
    (
        "one point reads as one point",
        [5] * 7,
        [4] * 7,
        "1 point lower (20%), less than the 2 points and 30% usually counted as important.",
    ),
    ("no change", [4] * 7, [4] * 7, "about the same."),
]


@pytest.mark.parametrize(
    ("rule", "baseline", "later", "ends"),
    IMPORTANT_CHANGE_WORDS,
    ids=[row[0] for row in IMPORTANT_CHANGE_WORDS],
)
def test_the_important_change_is_stated_without_contradiction(
    rule: str, baseline: list[int], later: list[int], ends: str
) -> None:
    lines = summary_sentences(summary=summary_of(pain_days(baseline, later)))
    leg = next(line for line in lines if line.startswith("Your leg pain"))
    assert leg.endswith(ends), rule


# (rule, leg pain by day offset into the period, first-week mean, latest-week mean, days each)
FIRST_AND_LATEST_WEEK = [
    (
        "the latest 7 days, not every day after the first week",
        {
            **dict.fromkeys(range(7), 6),
            **dict.fromkeys(range(7, 21), 6),
            **dict.fromkeys(range(23, 30), 3),
        },
        6.0,
        3.0,
        (7, 7),
    ),
    (
        "the latest week ends at the last check-in, not at the end of the period",
        {**dict.fromkeys(range(7), 8), **dict.fromkeys(range(10, 13), 5), 20: 4},
        8.0,
        4.0,
        (7, 1),
    ),
    (
        "a short diary: the latest week leaves out the first week's days",
        {0: 6, 3: 6, 9: 3, 10: 4},
        6.0,
        3.5,
        (2, 2),
    ),
]


@pytest.mark.parametrize(
    ("rule", "pain", "first", "latest", "counts"),
    FIRST_AND_LATEST_WEEK,
    ids=[row[0] for row in FIRST_AND_LATEST_WEEK],
)
def test_the_first_week_is_compared_with_the_latest_week(
    rule: str, pain: dict[int, int], first: float, latest: float, counts: tuple[int, int]
) -> None:
    leg = summary_of([daily_row(offset, leg_pain=value) for offset, value in pain.items()]).leg
    assert leg is not None
    assert (leg.baseline, leg.later) == (pytest.approx(first), pytest.approx(latest)), rule
    assert (leg.baseline_days, leg.later_days) == counts, rule


def test_baseline_with_fewer_than_seven_days_says_how_many() -> None:
    rows = [daily_row(0, leg_pain=6), daily_row(3, leg_pain=6), daily_row(5, leg_pain=6)]
    summary = summary_of([*rows, daily_row(9, leg_pain=3)])
    assert summary.leg is not None
    assert (summary.leg.baseline_days, summary.leg.later_days) == (3, 1)
    assert "(based on 3 days)" in summary_sentences(summary=summary)[1]


def test_a_sign_standing_from_before_the_period_is_reported_with_it() -> None:
    summary = summarise(
        days=days_frame(daily_row(3)), sessions=(), period=last_30_days(), standing=[days_ago(120)]
    )
    lines = summary_sentences(summary=summary)
    assert "You reported no urgent or emergency warning signs in this period." in lines
    assert lines[-1].startswith("A warning sign you ticked before this period")
    assert "still stands" in lines[-1]


def test_baseline_week_starts_at_the_first_check_in_of_the_period() -> None:
    summary = summary_of([daily_row(10, leg_pain=8), daily_row(20, leg_pain=2)])
    assert summary.leg is not None
    assert (summary.leg.baseline, summary.leg.later) == (8.0, 2.0)


def test_threshold_is_the_larger_of_two_points_and_thirty_percent_below_baseline() -> None:
    high = summary_of(pain_days([8] * 7, [8])).leg
    low = summary_of(pain_days([5] * 7, [5])).leg
    assert high is not None
    assert low is not None
    assert high.threshold == pytest.approx(5.6)  # 30% of 8 is more than 2 points
    assert low.threshold == pytest.approx(3.0)  # 2 points is more than 30% of 5


def test_no_check_ins_give_an_honest_summary_and_no_numbers() -> None:
    summary = summary_of([])
    assert (summary.check_in_days, summary.leg, summary.back, summary.sbi) == (0, None, None, None)
    lines = summary_sentences(summary=summary)
    assert lines[0].startswith("You have no check-ins in this period.")
    assert NO_SESSIONS in lines


def test_one_check_in_is_summarised_without_a_comparison() -> None:
    summary = summary_of([daily_row(4, leg_pain=6)])
    assert summary.leg is not None
    assert summary.leg.later is None
    lines = summary_sentences(summary=summary)
    assert lines[0] == "You checked in on 1 of the 30 days in this period."
    assert lines[1].startswith(
        "Your leg pain averaged 6.0/10 over 1 check-in, all in your first week"
    )


def test_long_gaps_between_check_ins_are_mentioned() -> None:
    summary = summary_of([daily_row(0), daily_row(15)])
    assert summary.longest_gap_days == 14
    assert "The longest gap between check-ins was 14 days." in summary_sentences(summary=summary)[0]


# Bothersomeness, sessions and warning signs ----------------------------------------------


@pytest.mark.parametrize(
    ("first", "latest", "expected"),
    [
        (12, 8, "went from 12 to 8 out of 24: within normal variation"),
        (12, 7, "went from 12 to 7 out of 24, 5 points lower: more than the usual variation"),
        (7, 12, "went from 7 to 12 out of 24, 5 points higher: more than the usual variation"),
    ],
)
def test_sbi_changes_under_five_points_are_within_normal_variation(
    first: int, latest: int, expected: str
) -> None:
    rows = [daily_row(0, sbi_total=first), daily_row(3), daily_row(7, sbi_total=latest)]
    assert any(expected in line for line in summary_sentences(summary=summary_of(rows)))


def test_a_single_sbi_answer_asks_for_another_next_week() -> None:
    lines = summary_sentences(summary=summary_of([daily_row(0, sbi_total=10)]))
    assert any("once in this period (10 out of 24)" in line for line in lines)


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (2, "about 1.0 a week: fewer than the 3-4 a week"),
        (7, "about 3.5 a week: in line with the 3-4 a week"),
        (10, "about 5.0 a week: more than the 3-4 a week"),
    ],
)
def test_sessions_per_week_are_compared_with_three_to_four(count: int, expected: str) -> None:
    two_weeks = Period(period_start(), period_start() + timedelta(days=13))
    sessions = [make_session(offset) for offset in range(count)]
    summary = summary_of([daily_row(0)], sessions, period=two_weeks)
    assert any(expected in line for line in summary_sentences(summary=summary))


def test_sessions_outside_the_period_are_left_out() -> None:
    visits = sessions_frame(
        sessions=[make_session(-1), make_session(2), make_session(40)], period=last_30_days()
    )
    assert list(visits.index.date) == [period_start() + timedelta(days=2)]
    assert visits["change_after"].tolist() == [-1.0]
    assert visits["change_next_morning"].tolist() == [-1.0]


def test_only_urgent_and_emergency_days_count_as_red_flags() -> None:
    levels = ["none", "routine", "urgent", "emergency"]
    summary = summary_of(
        [daily_row(offset, triage_level=level) for offset, level in enumerate(levels)]
    )
    assert summary.red_flag_days == (
        period_start() + timedelta(days=2),
        period_start() + timedelta(days=3),
    )
    assert any("on 2 days in this period" in line for line in summary_sentences(summary=summary))


def test_a_period_without_warning_signs_says_so_calmly() -> None:
    lines = summary_sentences(summary=summary_of([daily_row(0)]))
    assert lines[-1] == "You reported no urgent or emergency warning signs in this period."


# Chart sentences -------------------------------------------------------------------------


def test_pain_chart_sentence_for_a_single_check_in_says_so() -> None:
    table = pd.DataFrame(
        {"day": [pd.Timestamp(period_start())], "leg_pain": [6.0], "leg_pain_7d": [None]}
    )
    assert trend_sentence(table=table) == "One check-in in this period so far (leg pain 6/10)."


def test_exercise_sentence_is_worded_as_an_association() -> None:
    table = pd.DataFrame({"exercise": ["clamshell"], "change": [-0.8], "sessions": [4]})
    sentence = exercise_sentence(table=table)
    assert "clamshell: 0.8 points lower than before the session, over 4 sessions" in sentence
    assert "association, not proof" in sentence


def test_a_table_as_text_shows_a_dash_for_a_gap_and_numbers_as_they_read() -> None:
    table = pd.DataFrame(
        {
            "Date": [date(2026, 3, 1), date(2026, 3, 2)],
            "Leg pain": [4.0, float("nan")],
            "Leg pain, 7-day average": [3.25, None],
            "Sessions": [2, 0],
        }
    )
    shown = as_text(table)
    assert shown.to_dict("list") == {
        "Date": ["1 Mar 2026", "2 Mar 2026"],
        "Leg pain": ["4", NOT_RECORDED],
        "Leg pain, 7-day average": ["3.2", NOT_RECORDED],
        "Sessions": ["2", "0"],
    }


def test_a_wide_table_comes_in_parts_each_led_by_its_day() -> None:
    table = pd.DataFrame({"Date": ["a"], **{f"v{n}": [n] for n in range(7)}})
    parts = in_parts(table)
    assert [list(part.columns) for part in parts] == [["v0", "v1", "v2", "v3"], ["v4", "v5", "v6"]]
    assert all(part.index.name == "Date" for part in parts)
