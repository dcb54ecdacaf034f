"""Progress: the period shown, and the numbers that answer "is it working?" in plain words."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from operator import attrgetter

import pandas as pd

from sciatica.models import TriageLevel
from sciatica.store import DailyRow
from sciatica.triage import IMPORTANT_CHANGE_FRACTION, IMPORTANT_CHANGE_POINTS, is_important_fall

BASELINE_DAYS = 7  # the first week of check-ins in the period is the baseline
WEEKLY_AFTER_DAYS = 366  # longer periods are drawn as weekly means, so years of data stay fast
ROLLING_DAYS, ROLLING_MIN_DAYS = 7, 4  # a 7-day average needs check-ins on most of those days
# SBI measurement error is about 22% of its 0-24 range (Grøvle et al. 2008, CLINICAL.md 2),
# so smaller changes are within normal variation.
SBI_NORMAL_VARIATION = 5
SESSIONS_TARGET = (3, 4)  # sessions a week, as the exercise guide suggests (CLINICAL.md 3)
MIN_SESSIONS_PER_EXERCISE = 3
NO_SESSIONS = "Log exercise sessions to see adherence and response here."
PAIN = ("leg_pain", "back_pain")
LIFE = ("walking_interference", "sitting_interference", "sleeping_interference")
SESSION_NUMBERS = ("pain_before", "worst_during", "pain_after", "next_morning_leg_pain")
URGENT_LEVELS = (TriageLevel.URGENT.value, TriageLevel.EMERGENCY.value)
# Averages of whole numbers: keep an exact 2-point or 30% fall from missing by a rounding error.
_ROUNDING = 1e-9


class PeriodError(ValueError):
    """The chosen dates do not make a period."""


class PeriodChoice(StrEnum):
    """The periods the Progress page offers, named as it shows them."""

    LAST_30 = "Last 30 days"
    LAST_90 = "Last 90 days"
    LAST_YEAR = "Last year"
    ALL = "All"
    CUSTOM = "Custom dates"


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
        return f"{_day(self.start, year=True)} to {_day(self.end, year=True)}"


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
    """Average pain in the baseline week and over the rest of the period."""

    baseline: float
    baseline_days: int
    later: float | None  # None while every check-in falls in the baseline week
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
        """A fall of 2 points or 30% of baseline (Ostelo 2008)."""
        fall = self.fall
        return (
            fall is not None
            and fall > 0
            and is_important_fall(baseline=self.baseline, fall=fall + _ROUNDING)
        )

    @property
    def threshold(self) -> float:
        """The level at or below which the fall is clinically important."""
        # Either criterion is enough (2 points OR 30%), so the smaller of the two falls
        # decides: baseline minus min(2 points, 30% of baseline).
        smaller_fall = min(IMPORTANT_CHANGE_POINTS, IMPORTANT_CHANGE_FRACTION * self.baseline)
        return self.baseline - smaller_fall


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
            raise PeriodError("Choose the first and the last day of the period.")
        start, end = custom
        if start > end:
            raise PeriodError("The 'From' date is after the 'To' date: choose one on or before it.")
        return Period(start, end)
    if choice is PeriodChoice.ALL:
        return Period(min(first_day or today, today), today)
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
    *, days: pd.DataFrame, sessions: Sequence[SessionPoint], period: Period
) -> ProgressSummary:
    """Baseline and later pain, SBI change, sessions a week and warning signs in the period."""
    leg = back = sbi = None
    session_days = sessions_frame(sessions=sessions, period=period).index
    start = min([*days.index[:1], *session_days[:1]], default=pd.Timestamp(period.end))
    if len(days):
        cutoff = days.index[0] + pd.Timedelta(days=BASELINE_DAYS)
        in_baseline = pd.Series(days.index < cutoff, index=days.index)
        leg, back = (_pain_change(days[column], in_baseline) for column in PAIN)
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
    )


def _pain_change(values: pd.Series, in_baseline: pd.Series) -> PainChange:
    baseline, later = values[in_baseline], values[~in_baseline]
    return PainChange(
        baseline=float(baseline.mean()),
        baseline_days=len(baseline),
        later=float(later.mean()) if len(later) else None,
        later_days=len(later),
    )


def summary_sentences(*, summary: ProgressSummary) -> list[str]:
    """The summary in calm, plain sentences addressed to the person."""
    period = summary.period
    if not summary.check_in_days:
        lines = ["You have no check-ins in this period. Choose a longer period, or check in today."]
    else:
        lines = [
            f"You checked in on {summary.check_in_days} of the {period.days} days in this period."
        ]
        if summary.longest_gap_days >= BASELINE_DAYS:
            lines[0] += f" The longest gap between check-ins was {summary.longest_gap_days} days."
    for name, change in (("leg pain", summary.leg), ("back pain", summary.back)):
        if change is not None:
            lines.append(pain_sentence(name=name, change=change))
    if summary.check_in_days:
        lines.append(sbi_sentence(change=summary.sbi))
    lines.append(adherence_sentence(sessions=summary.sessions, per_week=summary.sessions_per_week))
    flags = summary.red_flag_days
    if flags:
        shown = ", ".join(_day(day) for day in flags[:3])
        more = f" and {len(flags) - 3} more" if len(flags) > 3 else ""
        lines.append(
            f"You reported warning signs that need prompt medical advice on "
            f"{_plural(len(flags), 'day')} in this period ({shown}{more}). If any are still "
            "there, follow the advice on the Safety page."
        )
    elif summary.check_in_days:
        lines.append("You reported no urgent or emergency warning signs in this period.")
    return lines


def pain_sentence(*, name: str, change: PainChange) -> str:
    """'Your leg pain averaged 3.1/10 after your first week, against 5.4 in it: ...'."""
    if change.later is None or change.fall is None:
        return (
            f"Your {name} averaged {change.baseline:.1f}/10 over "
            f"{_plural(change.baseline_days, 'check-in')}, all in your first week here; the "
            "weeks after it will be compared with that first week."
        )
    basis = (
        f" (based on {_plural(change.baseline_days, 'day')})"
        if change.baseline_days < BASELINE_DAYS
        else ""
    )
    fall, percent = change.fall, change.percent
    share = f" ({abs(percent):.0f}%)" if percent is not None else ""
    if abs(fall) < 0.05:
        verdict = "about the same"
    elif fall < 0:
        verdict = f"{-fall:.1f} points higher"
    elif change.important:
        verdict = f"{fall:.1f} points{share} lower, a clinically important fall"
    else:
        verdict = (
            f"{fall:.1f} points{share} lower, less than the 2 points or 30% usually counted "
            "as a clinically important change"
        )
    return (
        f"Your {name} averaged {change.later:.1f}/10 after your first week, against "
        f"{change.baseline:.1f} in that first week{basis}: {verdict}."
    )


def sbi_sentence(*, change: SbiChange | None) -> str:
    """The bothersomeness change, with the measurement-error caveat."""
    if change is None:
        return "You did not answer the weekly bothersomeness questions in this period."
    if change.answers == 1:
        return (
            f"You answered the weekly bothersomeness questions once in this period "
            f"({change.first} out of 24); answer them again next week to see a change."
        )
    moved = f"Your bothersomeness score went from {change.first} to {change.latest} out of 24"
    if not change.beyond_variation:
        return (
            f"{moved}: within normal variation, as changes under {SBI_NORMAL_VARIATION} points "
            "can come from measurement error alone."
        )
    direction = "lower" if change.latest < change.first else "higher"
    points = abs(change.latest - change.first)
    return f"{moved}, {points} points {direction}: more than the usual variation of about 5 points."


def adherence_sentence(*, sessions: int, per_week: float) -> str:
    """Sessions a week against the 3-4 the exercise guide suggests."""
    if not sessions:
        return NO_SESSIONS
    low, high = SESSIONS_TARGET
    rate = round(per_week, 1)
    if rate < low:
        fit = f"fewer than the {low}-{high} a week the exercise guide suggests"
    elif rate <= high:
        fit = f"in line with the {low}-{high} a week the exercise guide suggests"
    else:
        fit = f"more than the {low}-{high} a week the exercise guide suggests"
    return f"You logged {_plural(sessions, 'exercise session')}, about {rate:.1f} a week: {fit}."


def _compare(value: float, *, unit: str = "points") -> str:
    """'0.5 points lower', '1.0 points higher' or 'no different' for a change."""
    if abs(value) < 0.05:
        return "no different"
    return f"{abs(value):.1f} {unit} {'lower' if value < 0 else 'higher'}"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _day(day: date, *, year: bool = False) -> str:
    return f"{day.day} {day:%b %Y}" if year else f"{day.day} {day:%b}"


def trend_sentence(*, table: pd.DataFrame) -> str:
    """How leg pain moved over the period, for under the pain chart."""
    weekly = "week" in table
    days = table["leg_pain"].dropna()
    line = days if weekly else table["leg_pain_7d"].dropna()
    if len(days) == 1:
        return f"One check-in in this period so far (leg pain {days.iloc[0]:.0f}/10)."
    if len(line) < 2:
        return (
            f"Your leg pain ranged from {days.min():.0f} to {days.max():.0f}/10; the 7-day "
            f"average needs {ROLLING_MIN_DAYS} check-ins within a week."
        )
    return (
        f"Your {'weekly' if weekly else '7-day'} average leg pain went from {line.iloc[0]:.1f} "
        f"at the start of this period to {line.iloc[-1]:.1f}/10 at the end."
    )


def sbi_chart_sentence(*, table: pd.DataFrame) -> str:
    """The range and latest weekly bothersomeness score."""
    scores = table["sbi_total"]
    if len(scores) == 1:
        return f"One weekly bothersomeness score so far: {scores.iloc[0]:.0f} out of 24."
    return (
        f"Across {len(scores)} weeks your bothersomeness score ranged from {scores.min():.0f} "
        f"to {scores.max():.0f} out of 24; the latest is {scores.iloc[-1]:.0f}."
    )


def adherence_chart_sentence(*, table: pd.DataFrame) -> str:
    """In how many weeks the suggested number of sessions was reached."""
    low = SESSIONS_TARGET[0]
    reached = int((table["sessions"] >= low).sum())
    return f"You did {low} or more sessions in {reached} of {_plural(len(table), 'week')}."


def response_sentence(*, visits: pd.DataFrame) -> str:
    """The average change in leg pain straight after sessions and by the next morning."""
    after, morning = visits["change_after"].dropna(), visits["change_next_morning"].dropna()
    text = (
        f"On average your leg pain was {_compare(float(after.mean()))} straight after a session "
        f"than before it ({_plural(len(after), 'session')})"
    )
    if len(morning):
        text += (
            f", and {_compare(float(morning.mean()))} the next morning "
            f"({len(morning)} with a check-in the next morning)"
        )
    return text + "."


def daily_life_sentence(*, days: pd.DataFrame) -> str:
    """Which part of daily life pain got in the way of most."""
    means = days[list(LIFE)].mean().sort_values(ascending=False)
    parts = [f"{str(name).split('_')[0]} ({value:.1f}/10)" for name, value in means.items()]
    return f"On average pain got in the way of {parts[0]} most, then {parts[1]} and {parts[2]}."


def exercise_sentence(*, table: pd.DataFrame) -> str:
    """The exercise with the lowest next-morning leg pain, as an association, not a cause."""
    if table.empty:
        return (
            f"Each exercise shows here once it is in {MIN_SESSIONS_PER_EXERCISE} sessions "
            "with a check-in the next morning."
        )
    best = table.iloc[0]
    return (
        f"Next-morning leg pain was lowest after sessions with {best['exercise']}: "
        f"{_compare(float(best['change']))} than before the session, over {best['sessions']} "
        "sessions; this is an association, not proof that the exercise caused it."
    )
