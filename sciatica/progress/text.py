"""Progress in plain words: the summary and the sentence under each chart."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd

from sciatica.diary.triage import IMPORTANT_CHANGE_FRACTION
from sciatica.i18n import N_, _, format_date, format_decimal, format_list, ngettext
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

NOT_PROOF = N_("this is an association, not proof that the exercise caused it")
NOT_PROOF_MANY = N_("this is an association, not proof that these exercises caused it")
PAIN_NAMES = {"leg_pain": N_("leg pain"), "back_pain": N_("back pain")}
ACTIVITIES = {
    "walking_interference": N_("walking"),
    "sitting_interference": N_("sitting"),
    "sleeping_interference": N_("sleeping"),
}


def summary_sentences(*, summary: ProgressSummary) -> list[str]:
    """The summary in calm, plain sentences addressed to the person."""
    period = summary.period
    if not summary.check_in_days:
        lines = [
            _("You have no check-ins in this period. Choose a longer period, or check in today.")
        ]
    else:
        lines = [
            ngettext(
                "You checked in on {count} of the {days} day in this period.",
                "You checked in on {count} of the {days} days in this period.",
                period.days,
            ).format(count=summary.check_in_days, days=period.days)
        ]
        if summary.longest_gap_days >= BASELINE_DAYS:
            gap = summary.longest_gap_days
            lines[0] += " " + ngettext(
                "The longest gap between check-ins was {count} day.",
                "The longest gap between check-ins was {count} days.",
                gap,
            ).format(count=gap)
    for column, change in zip(PAIN, (summary.leg, summary.back), strict=True):
        if change is not None:
            lines.append(pain_sentence(name=_(PAIN_NAMES[column]), change=change))
    if summary.check_in_days:
        lines.append(sbi_sentence(change=summary.sbi))
    lines.append(adherence_sentence(sessions=summary.sessions, per_week=summary.sessions_per_week))
    flags = summary.red_flag_days
    if flags:
        shown = ", ".join(_day(day) for day in flags[:3])
        if len(flags) > 3:
            shown = _("{days} and {count} more").format(days=shown, count=len(flags) - 3)
        lines.append(
            ngettext(
                "You reported warning signs that need prompt medical advice on {count} day in "
                "this period ({days}). If any are still there, follow the advice on the Safety "
                "page.",
                "You reported warning signs that need prompt medical advice on {count} days in "
                "this period ({days}). If any are still there, follow the advice on the Safety "
                "page.",
                len(flags),
            ).format(count=len(flags), days=shown)
        )
    elif summary.check_in_days:
        lines.append(_("You reported no urgent or emergency warning signs in this period."))
    if before := summary.standing_before:
        lines.append(
            ngettext(
                "A warning sign you ticked before this period ({days}) still stands: follow its "
                "advice until you have been seen about it, and tell the app on Today.",
                "Warning signs you ticked before this period ({days}) still stand: follow their "
                "advice until you have been seen about them, and tell the app on Today.",
                len(before),
            ).format(days=", ".join(_day(day) for day in before))
        )
    return lines


def _num(value: float, places: int = 1) -> str:
    """A number to a fixed number of decimals with the language's decimal sign: '3.1', '3,1'."""
    # round() first, so the digits are those f"{value:.1f}" gives; Babel only writes them.
    return format_decimal(round(value, places), format="0." + "0" * places if places else "0")


def points(value: float) -> str:
    """'2 points', '1.5 points', '1 point': one decimal, left off when it is zero."""
    shown = round(value, 1)
    whole = shown == int(shown)
    number = format_decimal(shown, format="0" if whole else "0.0")
    return ngettext("{value} point", "{value} points", 1 if shown == 1 else 2).format(value=number)


def fall_verdict(change: PainChange) -> str:
    """The change in words, both criteria (2 points and 30%) stated without contradiction.

    'about the same', '1 point higher', or a fall with its percentage: important when it meets
    both, and otherwise which criterion it falls short of (CLINICAL.md 2; Ostelo 2008).
    """
    # Read from the averages as printed (one decimal), so the words, the sign and the numbers
    # beside them agree: 5.04 and 4.96 both read 5.0, which is no change.
    if change.later is not None:
        change = replace(change, baseline=round(change.baseline, 1), later=round(change.later, 1))
    fall, percent = change.fall, change.percent
    if fall is None or abs(fall) < 0.05:
        return _("about the same")
    if fall < 0:
        return _("{points} higher").format(points=points(-fall))
    values = {
        "points": points(fall),
        "percent": _num(percent, 0) if percent is not None else "",
        # "30%" in the language's way ("30 %" in Swedish), kept out of the sentences' own words.
        "share": _("{percent}%").format(percent=_num(100 * IMPORTANT_CHANGE_FRACTION, 0)),
    }
    if change.important:
        return _("{points} lower ({percent}%): a clinically important fall").format(**values)
    if change.enough_points:
        return _(
            "{points} lower ({percent}%): a real change, though short of the {share} usually "
            "counted as important"
        ).format(**values)
    if change.enough_share:
        return _(
            "{points} lower ({percent}%), though short of the 2 points usually counted as important"
        ).format(**values)
    return _(
        "{points} lower ({percent}%), less than the 2 points and {share} usually counted as "
        "important"
    ).format(**values)


def pain_sentence(*, name: str, change: PainChange) -> str:
    """'Your leg pain averaged 3.1/10 in your latest week, against 5.4 in your first: ...'."""
    if change.later is None or change.fall is None:
        return ngettext(
            "Your {name} averaged {value}/10 over {count} check-in, all in your first week "
            "here; the weeks after it will be compared with that first week.",
            "Your {name} averaged {value}/10 over {count} check-ins, all in your first week "
            "here; the weeks after it will be compared with that first week.",
            change.baseline_days,
        ).format(name=name, value=_num(change.baseline), count=change.baseline_days)
    basis = (
        ngettext(
            " (based on {count} day)", " (based on {count} days)", change.baseline_days
        ).format(count=change.baseline_days)
        if change.baseline_days < BASELINE_DAYS
        else ""
    )
    return _(
        "Your {name} averaged {later}/10 in your latest week of check-ins, against {baseline} "
        "in your first week{basis}: {verdict}."
    ).format(
        name=name,
        later=_num(change.later),
        baseline=_num(change.baseline),
        basis=basis,
        verdict=fall_verdict(change),
    )


def sbi_sentence(*, change: SbiChange | None) -> str:
    """The bothersomeness change, with the measurement-error caveat."""
    if change is None:
        return _("You did not answer the weekly bothersomeness questions in this period.")
    if change.answers == 1:
        return _(
            "You answered the weekly bothersomeness questions once in this period "
            "({score} out of 24); answer them again next week to see a change."
        ).format(score=change.first)
    if not change.beyond_variation:
        return _(
            "Your bothersomeness score went from {first} to {latest} out of 24: within normal "
            "variation, as changes under {points} points can come from measurement error alone."
        ).format(first=change.first, latest=change.latest, points=SBI_NORMAL_VARIATION)
    points = abs(change.latest - change.first)
    if change.latest < change.first:
        moved = _(
            "Your bothersomeness score went from {first} to {latest} out of 24, {points} points "
            "lower: more than the usual variation of about 5 points."
        )
    else:
        moved = _(
            "Your bothersomeness score went from {first} to {latest} out of 24, {points} points "
            "higher: more than the usual variation of about 5 points."
        )
    return moved.format(first=change.first, latest=change.latest, points=points)


def adherence_sentence(*, sessions: int, per_week: float) -> str:
    """Sessions a week against the 3-4 the exercise guide suggests."""
    if not sessions:
        return _(NO_SESSIONS)
    low, high = SESSIONS_TARGET
    rate = round(per_week, 1)
    if rate < low:
        fit = _("fewer than the {low}-{high} a week the exercise guide suggests")
    elif rate <= high:
        fit = _("in line with the {low}-{high} a week the exercise guide suggests")
    else:
        fit = _("more than the {low}-{high} a week the exercise guide suggests")
    return ngettext(
        "You logged {count} exercise session, about {rate} a week: {fit}.",
        "You logged {count} exercise sessions, about {rate} a week: {fit}.",
        sessions,
    ).format(count=sessions, rate=_num(rate), fit=fit.format(low=low, high=high))


def _compare(value: float) -> str:
    """'0.5 points lower', '1.0 points higher' or 'no different' for a change."""
    if abs(value) < 0.05:
        return _("no different")
    if value < 0:
        return _("{value} points lower").format(value=_num(abs(value)))
    return _("{value} points higher").format(value=_num(abs(value)))


def _day(day: date) -> str:
    return format_date(day, "d MMM")


def trend_sentence(*, table: pd.DataFrame) -> str:
    """How leg pain moved over the period, for under the pain chart."""
    weekly = "week" in table
    days = table["leg_pain"].dropna()
    line = days if weekly else table["leg_pain_7d"].dropna()
    if len(days) == 1:
        return _("One check-in in this period so far (leg pain {value}/10).").format(
            value=_num(days.iloc[0], 0)
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
        ).format(low=_num(days.min(), 0), high=_num(days.max(), 0), count=ROLLING_MIN_DAYS)
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
    return went.format(start=_num(line.iloc[0]), end=_num(line.iloc[-1]))


def sbi_chart_sentence(*, table: pd.DataFrame) -> str:
    """The range and latest weekly bothersomeness score."""
    scores = table["sbi_total"]
    if len(scores) == 1:
        return _("One weekly bothersomeness score so far: {score} out of 24.").format(
            score=_num(scores.iloc[0], 0)
        )
    score = single_value(table, ["sbi_total"])
    if score is not None:
        return ngettext(
            "Your bothersomeness score was {score} out of 24 in all {count} week.",
            "Your bothersomeness score was {score} out of 24 in all {count} weeks.",
            len(scores),
        ).format(score=_num(score, 0), count=len(scores))
    return ngettext(
        "Across {count} week your bothersomeness score ranged from {low} to {high} out of 24; "
        "the latest is {latest}.",
        "Across {count} weeks your bothersomeness score ranged from {low} to {high} out of 24; "
        "the latest is {latest}.",
        len(scores),
    ).format(
        count=len(scores),
        low=_num(scores.min(), 0),
        high=_num(scores.max(), 0),
        latest=_num(scores.iloc[-1], 0),
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
            activities=format_list(names), value=_num(value)
        )
    parts = [
        (
            _("{activities} ({value}/10 each)")
            if len(names) > 1
            else _("{activities} ({value}/10)")
        ).format(activities=format_list(names), value=_num(value))
        for value, names in groups
    ]
    return _("On average pain got in the way of {first} most, then {rest}.").format(
        first=parts[0], rest=format_list(parts[1:])
    )


def _score(value: float) -> str:
    """'3' for a whole number of points, '2.5' otherwise."""
    rounded = round(value, 1)
    return _num(rounded, 0) if float(rounded).is_integer() else _num(rounded)


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
