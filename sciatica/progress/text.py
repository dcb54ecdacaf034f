"""Progress in plain words: the summary and the sentence under each chart."""

from __future__ import annotations

from datetime import date

import pandas as pd

from sciatica.content import plural
from sciatica.progress.summary import (
    BASELINE_DAYS,
    LIFE,
    MIN_SESSIONS_PER_EXERCISE,
    NO_SESSIONS,
    PAIN,
    RESPONSE,
    ROLLING_MIN_DAYS,
    SBI_NORMAL_VARIATION,
    SESSIONS_TARGET,
    PainChange,
    ProgressSummary,
    SbiChange,
)
from sciatica.progress.tables import SAME_WITHIN, single_value

NOT_PROOF = "this is an association, not proof that the exercise caused it"


def summary_sentences(*, summary: ProgressSummary) -> list[str]:
    """The summary in calm, plain sentences addressed to the person."""
    period = summary.period
    if not summary.check_in_days:
        lines = ["You have no check-ins in this period. Choose a longer period, or check in today."]
    else:
        lines = [
            f"You checked in on {summary.check_in_days} of "
            f"{plural(period.days, 'the {n} day', 'the {n} days')} in this period."
        ]
        if summary.longest_gap_days >= BASELINE_DAYS:
            gap = plural(summary.longest_gap_days, "day", "days")
            lines[0] += f" The longest gap between check-ins was {gap}."
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
            f"{plural(len(flags), 'day', 'days')} in this period ({shown}{more}). If any are still "
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
            f"{plural(change.baseline_days, 'check-in', 'check-ins')}, all in your first week "
            "here; the weeks after it will be compared with that first week."
        )
    basis = (
        f" (based on {plural(change.baseline_days, 'day', 'days')})"
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
            f"{fall:.1f} points{share} lower, less than the 2 points and 30% usually counted "
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
    logged = plural(sessions, "exercise session", "exercise sessions")
    return f"You logged {logged}, about {rate:.1f} a week: {fit}."


def _compare(value: float, *, unit: str = "points") -> str:
    """'0.5 points lower', '1.0 points higher' or 'no different' for a change."""
    if abs(value) < 0.05:
        return "no different"
    return f"{abs(value):.1f} {unit} {'lower' if value < 0 else 'higher'}"


def _day(day: date) -> str:
    return f"{day.day} {day:%b}"


def trend_sentence(*, table: pd.DataFrame) -> str:
    """How leg pain moved over the period, for under the pain chart."""
    weekly = "week" in table
    days = table["leg_pain"].dropna()
    line = days if weekly else table["leg_pain_7d"].dropna()
    if len(days) == 1:
        return f"One check-in in this period so far (leg pain {days.iloc[0]:.0f}/10)."
    level = single_value(table, PAIN)
    if level is not None:
        return f"Your leg and back pain were both {_score(level)}/10 throughout this period."
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
    score = single_value(table, ["sbi_total"])
    if score is not None:
        weeks = plural(len(scores), "week", "weeks")
        return f"Your bothersomeness score was {score:.0f} out of 24 in all {weeks}."
    return (
        f"Across {plural(len(scores), 'week', 'weeks')} your bothersomeness score ranged from "
        f"{scores.min():.0f} to {scores.max():.0f} out of 24; the latest is {scores.iloc[-1]:.0f}."
    )


def adherence_chart_sentence(*, table: pd.DataFrame) -> str:
    """In how many weeks the suggested number of sessions was reached."""
    low = SESSIONS_TARGET[0]
    weeks = len(table)
    count = single_value(table, ["sessions"])
    if count is not None:
        each = plural(weeks, "the one week shown", "each of the {n} weeks shown")
        return f"You did {plural(round(count), 'session', 'sessions')} in {each}."
    reached = int((table["sessions"] >= low).sum())
    return f"You did {low} or more sessions in {reached} of {plural(weeks, 'week', 'weeks')}."


def response_sentence(*, visits: pd.DataFrame) -> str:
    """The average change in leg pain straight after sessions and by the next morning."""
    level = single_value(visits, RESPONSE)
    if level is not None:
        return (
            f"Your leg pain was {_score(level)}/10 before, straight after and the next morning "
            f"of each of {plural(len(visits), 'session', 'sessions')}."
        )
    after, morning = visits["change_after"].dropna(), visits["change_next_morning"].dropna()
    text = (
        f"On average your leg pain was {_compare(float(after.mean()))} straight after a session "
        f"than before it ({plural(len(after), 'session', 'sessions')})"
    )
    if len(morning):
        text += (
            f", and {_compare(float(morning.mean()))} the next morning "
            f"({len(morning)} with a check-in the next morning)"
        )
    return text + "."


def daily_life_sentence(*, days: pd.DataFrame) -> str:
    """Which part of daily life pain got in the way of most; equal ones are named together."""
    if single_value(days, LIFE) == 0:
        return "Pain did not get in the way of walking, sitting or sleeping in this period."
    means = days[list(LIFE)].mean().round(1)
    groups = [
        (value, [_activity(name) for name, mean in means.items() if mean == value])
        for value in sorted(set(means), reverse=True)
    ]
    if len(groups) == 1:
        value, names = groups[0]
        return f"On average pain got in the way of {_and(names)} alike ({value:.1f}/10 each)."
    parts = [
        f"{_and(names)} ({value:.1f}/10{' each' if len(names) > 1 else ''})"
        for value, names in groups
    ]
    return f"On average pain got in the way of {parts[0]} most, then {_and(parts[1:])}."


def _score(value: float) -> str:
    """'3' for a whole number of points, '2.5' otherwise."""
    return f"{round(value, 1):g}"


def _activity(column: object) -> str:
    return str(column).split("_")[0]


def _and(parts: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def exercise_sentence(*, table: pd.DataFrame) -> str:
    """The exercise with the lowest next-morning leg pain, as an association, not a cause.

    Changes the same to one decimal are a tie: they are named together, or, when every
    exercise ties, none stands out.
    """
    if table.empty:
        return (
            f"Each exercise shows here once it is in {MIN_SESSIONS_PER_EXERCISE} sessions "
            "with a check-in the next morning."
        )
    best = table.iloc[0]
    change = _compare(float(best["change"]))
    if len(table) == 1:
        return (
            f"Next-morning leg pain after sessions with {best['exercise']}: {change} than "
            f"before the session, over {plural(int(best['sessions']), 'session', 'sessions')}; "
            f"{NOT_PROOF}."
        )
    tied = table[(table["change"] - best["change"]).abs() < SAME_WITHIN]
    if len(tied) == len(table):
        return (
            f"Next-morning leg pain was {change} than before the session after each of these "
            f"{plural(len(table), 'exercise', 'exercises')} alike, so none of them stands out "
            "from the others."
        )
    if len(tied) > 1:
        return (
            f"Next-morning leg pain was lowest after sessions with "
            f"{_and([str(name) for name in tied['exercise']])} alike: {change} than before the "
            f"session; {NOT_PROOF.replace('the exercise', 'these exercises')}."
        )
    return (
        f"Next-morning leg pain was lowest after sessions with {best['exercise']}: "
        f"{change} than before the session, over "
        f"{plural(int(best['sessions']), 'session', 'sessions')}; {NOT_PROOF}."
    )
