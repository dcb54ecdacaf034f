"""Progress in plain words under each chart: the trend, SBI, sessions, responses, daily life.

The summary's sentences are in `progress.text`; these read the chart tables themselves.
"""

from __future__ import annotations

import pandas as pd

from sciatica.i18n import N_, _, format_list, ngettext
from sciatica.progress.summary import (
    LIFE,
    MIN_SESSIONS_PER_EXERCISE,
    PAIN,
    RESPONSE,
    ROLLING_MIN_DAYS,
    SESSIONS_TARGET,
)
from sciatica.progress.tables import SAME_WITHIN, single_value
from sciatica.progress.text import decimal

NOT_PROOF = N_("this is an association, not proof that the exercise caused it")
NOT_PROOF_MANY = N_("this is an association, not proof that these exercises caused it")
ACTIVITIES = {
    "walking_interference": N_("walking"),
    "sitting_interference": N_("sitting"),
    "sleeping_interference": N_("sleeping"),
}


def _compare(value: float) -> str:
    """'0.5 points lower', '1.0 points higher' or 'no different' for a change."""
    if abs(value) < 0.05:
        return _("no different")
    if value < 0:
        return _("{value} points lower").format(value=decimal(abs(value)))
    return _("{value} points higher").format(value=decimal(abs(value)))


def trend_sentence(*, table: pd.DataFrame) -> str:
    """How leg pain moved over the period, for under the pain chart."""
    weekly = "week" in table
    days = table["leg_pain"].dropna()
    line = days if weekly else table["leg_pain_7d"].dropna()
    if len(days) == 1:
        return _("One check-in in this period so far (leg pain {value}/10).").format(
            value=decimal(days.iloc[0], 0)
        )
    level = single_value(table, PAIN)
    if level is not None:
        return _("Your leg and back pain were both {value}/10 throughout this period.").format(
            value=_score(level)
        )
    if len(line) < 2:
        return _(
            "Your leg pain ranged from {low} to {high}/10; the 7-day average needs {count} "
            "check-ins within a week."
        ).format(low=decimal(days.min(), 0), high=decimal(days.max(), 0), count=ROLLING_MIN_DAYS)
    if weekly:
        went = _(
            "Your weekly average leg pain went from {start} at the start of this period to "
            "{end}/10 at the end."
        )
    else:
        went = _(
            "Your 7-day average leg pain went from {start} at the start of this period to "
            "{end}/10 at the end."
        )
    return went.format(start=decimal(line.iloc[0]), end=decimal(line.iloc[-1]))


def sbi_chart_sentence(*, table: pd.DataFrame) -> str:
    """The range and latest weekly bothersomeness score."""
    scores = table["sbi_total"]
    if len(scores) == 1:
        return _("One weekly bothersomeness score so far: {score} out of 24.").format(
            score=decimal(scores.iloc[0], 0)
        )
    score = single_value(table, ["sbi_total"])
    if score is not None:
        return ngettext(
            "Your bothersomeness score was {score} out of 24 in all {count} week.",
            "Your bothersomeness score was {score} out of 24 in all {count} weeks.",
            len(scores),
        ).format(score=decimal(score, 0), count=len(scores))
    return ngettext(
        "Across {count} week your bothersomeness score ranged from {low} to {high} out of 24; "
        "the latest is {latest}.",
        "Across {count} weeks your bothersomeness score ranged from {low} to {high} out of 24; "
        "the latest is {latest}.",
        len(scores),
    ).format(
        count=len(scores),
        low=decimal(scores.min(), 0),
        high=decimal(scores.max(), 0),
        latest=decimal(scores.iloc[-1], 0),
    )


def adherence_chart_sentence(*, table: pd.DataFrame) -> str:
    """In how many weeks the suggested number of sessions was reached."""
    low = SESSIONS_TARGET[0]
    weeks = len(table)
    count = single_value(table, ["sessions"])
    if count is not None:
        each = (
            _("the one week shown")
            if weeks == 1
            else ngettext(
                "each of the {count} week shown", "each of the {count} weeks shown", weeks
            ).format(count=weeks)
        )
        return ngettext(
            "You did {count} session in {weeks}.",
            "You did {count} sessions in {weeks}.",
            round(count),
        ).format(count=round(count), weeks=each)
    reached = int((table["sessions"] >= low).sum())
    return ngettext(
        "You did {low} or more sessions in {reached} of {count} week.",
        "You did {low} or more sessions in {reached} of {count} weeks.",
        weeks,
    ).format(low=low, reached=reached, count=weeks)


def response_sentence(*, visits: pd.DataFrame) -> str:
    """The average change in leg pain straight after sessions and by the next morning."""
    level = single_value(visits, RESPONSE)
    if level is not None:
        return ngettext(
            "Your leg pain was {value}/10 before, straight after and the next morning of each "
            "of {count} session.",
            "Your leg pain was {value}/10 before, straight after and the next morning of each "
            "of {count} sessions.",
            len(visits),
        ).format(value=_score(level), count=len(visits))
    after, morning = visits["change_after"].dropna(), visits["change_next_morning"].dropna()
    if len(morning):
        text = ngettext(
            "On average your leg pain was {after} straight after a session than before it "
            "({count} session), and {morning} the next morning ({mornings} with a check-in the "
            "next morning).",
            "On average your leg pain was {after} straight after a session than before it "
            "({count} sessions), and {morning} the next morning ({mornings} with a check-in the "
            "next morning).",
            len(after),
        )
    else:
        text = ngettext(
            "On average your leg pain was {after} straight after a session than before it "
            "({count} session).",
            "On average your leg pain was {after} straight after a session than before it "
            "({count} sessions).",
            len(after),
        )
    return text.format(
        after=_compare(float(after.mean())),
        count=len(after),
        morning=_compare(float(morning.mean())) if len(morning) else "",
        mornings=len(morning),
    )


def daily_life_sentence(*, days: pd.DataFrame) -> str:
    """Which part of daily life pain got in the way of most; equal ones are named together."""
    if single_value(days, LIFE) == 0:
        return _("Pain did not get in the way of walking, sitting or sleeping in this period.")
    means = days[list(LIFE)].mean().round(1)
    groups = [
        (value, [_(ACTIVITIES[str(name)]) for name, mean in means.items() if mean == value])
        for value in sorted(set(means), reverse=True)
    ]
    if len(groups) == 1:
        value, names = groups[0]
        return _("On average pain got in the way of {activities} alike ({value}/10 each).").format(
            activities=format_list(names), value=decimal(value)
        )
    parts = [
        (
            _("{activities} ({value}/10 each)")
            if len(names) > 1
            else _("{activities} ({value}/10)")
        ).format(activities=format_list(names), value=decimal(value))
        for value, names in groups
    ]
    return _("On average pain got in the way of {first} most, then {rest}.").format(
        first=parts[0], rest=format_list(parts[1:])
    )


def _score(value: float) -> str:
    """'3' for a whole number of points, '2.5' otherwise."""
    rounded = round(value, 1)
    return decimal(rounded, 0) if float(rounded).is_integer() else decimal(rounded)


def exercise_sentence(*, table: pd.DataFrame) -> str:
    """The exercise with the lowest next-morning leg pain, as an association, not a cause.

    Changes the same to one decimal are a tie: they are named together, or, when every
    exercise ties, none stands out.
    """
    if table.empty:
        return _(
            "Each exercise shows here once it is in {count} sessions with a check-in the next "
            "morning."
        ).format(count=MIN_SESSIONS_PER_EXERCISE)
    best = table.iloc[0]
    change = _compare(float(best["change"]))
    sessions = int(best["sessions"])
    if len(table) == 1:
        return ngettext(
            "Next-morning leg pain after sessions with {exercise}: {change} than before the "
            "session, over {count} session; {caveat}.",
            "Next-morning leg pain after sessions with {exercise}: {change} than before the "
            "session, over {count} sessions; {caveat}.",
            sessions,
        ).format(exercise=best["exercise"], change=change, count=sessions, caveat=_(NOT_PROOF))
    tied = table[(table["change"] - best["change"]).abs() < SAME_WITHIN]
    if len(tied) == len(table):
        return ngettext(
            "Next-morning leg pain was {change} than before the session after each of these "
            "{count} exercise alike, so none of them stands out from the others.",
            "Next-morning leg pain was {change} than before the session after each of these "
            "{count} exercises alike, so none of them stands out from the others.",
            len(table),
        ).format(change=change, count=len(table))
    if len(tied) > 1:
        return _(
            "Next-morning leg pain was lowest after sessions with {exercises} alike: {change} "
            "than before the session; {caveat}."
        ).format(
            exercises=format_list([str(name) for name in tied["exercise"]]),
            change=change,
            caveat=_(NOT_PROOF_MANY),
        )
    return ngettext(
        "Next-morning leg pain was lowest after sessions with {exercise}: {change} than before "
        "the session, over {count} session; {caveat}.",
        "Next-morning leg pain was lowest after sessions with {exercise}: {change} than before "
        "the session, over {count} sessions; {caveat}.",
        sessions,
    ).format(exercise=best["exercise"], change=change, count=sessions, caveat=_(NOT_PROOF))
