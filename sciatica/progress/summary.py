"""Progress: the period shown, and the numbers that answer "is it working?"."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from operator import attrgetter

import pandas as pd

from sciatica.diary.models import EARLIEST_DAY, TriageLevel
from sciatica.diary.ports import DailyRow
from sciatica.diary.triage import (
    IMPORTANT_CHANGE_FRACTION,
    IMPORTANT_CHANGE_POINTS,
    is_important_fall,
)
from sciatica.i18n import N_, _, format_date

# The first week of check-ins in the period is the baseline, compared with the latest week of
# check-ins (CLINICAL.md 2): recent days, not an average of everything after the first week.
BASELINE_DAYS = 7
LATEST_DAYS = 7
WEEKLY_AFTER_DAYS = 366  # longer periods are drawn as weekly means, so years of data stay fast
ROLLING_DAYS, ROLLING_MIN_DAYS = 7, 4  # a 7-day average needs check-ins on most of those days
# SBI measurement error is about 22% of its 0-24 range (Grøvle et al. 2008, CLINICAL.md 2),
# so smaller changes are within normal variation.
SBI_NORMAL_VARIATION = 5
SESSIONS_TARGET = (3, 4)  # sessions a week, as the exercise guide suggests (CLINICAL.md 3)
MIN_SESSIONS_PER_EXERCISE = 3
NO_SESSIONS = N_("Log exercise sessions to see adherence and response here.")
PAIN = ("leg_pain", "back_pain")
LIFE = ("walking_interference", "sitting_interference", "sleeping_interference")
SESSION_NUMBERS = ("pain_before", "worst_during", "pain_after", "next_morning_leg_pain")
RESPONSE = ("pain_before", "pain_after", "next_morning_leg_pain")  # drawn around each session
URGENT_LEVELS = tuple(level.value for level in TriageLevel if level.stands)
# Averages of whole numbers: keep an exact 2-point or 30% fall from missing by a rounding error.
_ROUNDING = 1e-9


class PeriodError(ValueError):
    """The chosen dates do not make a period."""


class PeriodChoice(StrEnum):
    """The periods the Progress page offers, named in English (`label` in the person's words)."""

    LAST_30 = N_("Last 30 days")
    LAST_90 = N_("Last 90 days")
    LAST_YEAR = N_("Last year")
    ALL = N_("All")
    CUSTOM = N_("Custom dates")

    @property
    def label(self) -> str:
        """The choice as the page shows it, in the person's language."""
        return _(self.value)


_LENGTHS = {PeriodChoice.LAST_30: 30, PeriodChoice.LAST_90: 90, PeriodChoice.LAST_YEAR: 365}


@dataclass(frozen=True, slots=True)
class Period:
    """The days from start to end inclusive."""

    start: date
    end: date

    @property
    def days(self) -> int:
        """How many calendar days the period spans."""
        return (self.end - self.start).days + 1

    @property
    def weekly(self) -> bool:
        """Longer than about a year: charts show weekly means."""
        return self.days > WEEKLY_AFTER_DAYS

    @property
    def label(self) -> str:
        """'3 Mar 2026 to 1 Apr 2026'."""
        return _("{start} to {end}").format(
            start=format_date(self.start, "d MMM y"), end=format_date(self.end, "d MMM y")
        )


@dataclass(frozen=True, slots=True)
class SessionPoint:
    """One logged exercise session, with leg pain around it (0-10)."""

    day: date
    pain_before: int
    worst_during: int
    pain_after: int
    next_morning_leg_pain: int | None
    exercise_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PainChange:
    """Average pain in the baseline week and in the latest week of check-ins in the period.

    The latest week is the seven days up to the last check-in, leaving out any in the baseline.
    """

    baseline: float
    baseline_days: int
    later: float | None  # the latest week; None while every check-in falls in the baseline week
    later_days: int

    @property
    def fall(self) -> float | None:
        """Points lower than baseline (negative: higher)."""
        return None if self.later is None else self.baseline - self.later

    @property
    def percent(self) -> float | None:
        """The fall as a percentage of the baseline."""
        fall = self.fall
        return None if fall is None or self.baseline == 0 else 100 * fall / self.baseline

    @property
    def important(self) -> bool:
        """A fall of at least 2 points and at least 30% of baseline (Ostelo 2008)."""
        fall = self.fall
        return (
            fall is not None
            and fall > 0
            and is_important_fall(baseline=self.baseline, fall=fall + _ROUNDING)
        )

    @property
    def enough_points(self) -> bool:
        """The fall reaches 2 points (one of the two criteria)."""
        fall = self.fall
        return fall is not None and fall + _ROUNDING >= IMPORTANT_CHANGE_POINTS

    @property
    def enough_share(self) -> bool:
        """The fall reaches 30% of the baseline (the other criterion)."""
        fall = self.fall
        return (
            fall is not None
            and self.baseline > 0
            and fall + _ROUNDING >= IMPORTANT_CHANGE_FRACTION * self.baseline
        )

    @property
    def threshold(self) -> float:
        """The level at or below which the fall is clinically important."""
        # Both criteria must hold (2 points AND 30%), so the larger of the two falls
        # decides: baseline minus max(2 points, 30% of baseline).
        larger_fall = max(IMPORTANT_CHANGE_POINTS, IMPORTANT_CHANGE_FRACTION * self.baseline)
        return self.baseline - larger_fall


@dataclass(frozen=True, slots=True)
class SbiChange:
    """The first and latest bothersomeness totals (0-24) answered in the period."""

    first: int
    latest: int
    answers: int

    @property
    def beyond_variation(self) -> bool:
        """A change of 5 points or more, larger than the measurement error."""
        return abs(self.latest - self.first) >= SBI_NORMAL_VARIATION


@dataclass(frozen=True, slots=True)
class ProgressSummary:
    """The numbers behind the plain-language summary of one period."""

    period: Period
    first_day: date | None  # the first check-in or session in the period
    check_in_days: int
    longest_gap_days: int
    leg: PainChange | None
    back: PainChange | None
    sbi: SbiChange | None
    sessions: int
    sessions_per_week: float
    red_flag_days: tuple[date, ...]
    # Days before the period on which a sign that still stands was ticked (CLINICAL.md 10): the
    # summary never says "no warning signs" while one pauses the exercises.
    standing_before: tuple[date, ...] = ()


def resolve_period(
    *,
    choice: PeriodChoice,
    today: date,
    first_day: date | None,
    custom: tuple[date, date] | None = None,
) -> Period:
    """The period for a choice; 'all' starts at the first check-in."""
    if choice is PeriodChoice.CUSTOM:
        if custom is None:
            raise PeriodError(_("Choose the first and the last day of the period."))
        start, end = custom
        if start > end:
            raise PeriodError(
                _("The 'From' date is after the 'To' date: choose one on or before it.")
            )
        return Period(start, end)
    if choice is PeriodChoice.ALL:
        # From the earliest day a check-in may have, whatever older date a diary holds.
        first = max(min(first_day or today, today), EARLIEST_DAY)
        return Period(first, today)
    return Period(today - timedelta(days=_LENGTHS[choice] - 1), today)


def daily_frame(*, rows: Sequence[DailyRow]) -> pd.DataFrame:
    """Check-ins as a table indexed by day (a DatetimeIndex), oldest first."""
    frame = pd.DataFrame.from_records(rows, columns=list(DailyRow._fields))
    frame["day"] = pd.to_datetime(frame["day"])
    frame["sbi_total"] = pd.to_numeric(frame["sbi_total"]).astype("float64")
    return frame.set_index("day")


def sessions_frame(*, sessions: Sequence[SessionPoint], period: Period) -> pd.DataFrame:
    """Sessions in the period as a table indexed by day, with leg-pain changes from before."""
    kept = sorted(
        (s for s in sessions if period.start <= s.day <= period.end), key=attrgetter("day")
    )
    index = pd.DatetimeIndex([session.day for session in kept], name="day")
    frame = pd.DataFrame(
        {column: [getattr(session, column) for session in kept] for column in SESSION_NUMBERS},
        index=index,
        dtype="float64",
    )
    frame["change_after"] = frame["pain_after"] - frame["pain_before"]
    frame["change_next_morning"] = frame["next_morning_leg_pain"] - frame["pain_before"]
    frame["exercise_ids"] = pd.Series([s.exercise_ids for s in kept], index=index, dtype=object)
    return frame


def summarise(
    *,
    days: pd.DataFrame,
    sessions: Sequence[SessionPoint],
    period: Period,
    standing: Sequence[date] = (),
) -> ProgressSummary:
    """Baseline and later pain, SBI change, sessions a week and warning signs in the period.

    `standing` holds the days on which the signs that still stand were ticked; those before the
    period are reported with it.
    """
    leg = back = sbi = None
    session_days = sessions_frame(sessions=sessions, period=period).index
    start = min([*days.index[:1], *session_days[:1]], default=pd.Timestamp(period.end))
    if len(days):
        cutoff = days.index[0] + pd.Timedelta(days=BASELINE_DAYS)
        latest_from = days.index[-1] - pd.Timedelta(days=LATEST_DAYS - 1)
        in_baseline = pd.Series(days.index < cutoff, index=days.index)
        in_latest = pd.Series(
            (days.index >= latest_from) & ~in_baseline.to_numpy(), index=days.index
        )
        leg, back = (_pain_change(days[column], in_baseline, in_latest) for column in PAIN)
        answered = days["sbi_total"].dropna()
        if len(answered):
            sbi = SbiChange(int(answered.iloc[0]), int(answered.iloc[-1]), len(answered))
    gaps = days.index.to_series().diff().dt.days.fillna(0)
    weeks = max(((pd.Timestamp(period.end) - start).days + 1) / 7, 1.0)
    flagged = days.index[days["triage_level"].isin(URGENT_LEVELS)]
    return ProgressSummary(
        period=period,
        first_day=start.date() if len(days) or len(session_days) else None,
        check_in_days=len(days),
        longest_gap_days=max(int(gaps.max()) - 1, 0) if len(days) > 1 else 0,
        leg=leg,
        back=back,
        sbi=sbi,
        sessions=len(session_days),
        sessions_per_week=len(session_days) / weeks,
        red_flag_days=tuple(day.date() for day in flagged),
        standing_before=tuple(sorted({day for day in standing if day < period.start})),
    )


def _pain_change(values: pd.Series, in_baseline: pd.Series, in_latest: pd.Series) -> PainChange:
    baseline, later = values[in_baseline], values[in_latest]
    return PainChange(
        baseline=float(baseline.mean()),
        baseline_days=len(baseline),
        later=float(later.mean()) if len(later) else None,
        later_days=len(later),
    )
