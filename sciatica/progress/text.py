"""Progress in plain words: the summary's sentences, and the numbers and verdicts they share.

The sentence under each chart is in `progress.chart_words`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sciatica.diary.triage import IMPORTANT_CHANGE_FRACTION
from sciatica.i18n import N_, _, format_date, format_decimal, ngettext
from sciatica.progress.summary import (
    BASELINE_DAYS,
    NO_SESSIONS,
    PAIN,
    SBI_NORMAL_VARIATION,
    SESSIONS_TARGET,
    PainChange,
    ProgressSummary,
    SbiChange,
)

PAIN_NAMES = {"leg_pain": N_("leg pain"), "back_pain": N_("back pain")}


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
        shown = ", ".join(short_day(day) for day in flags[:3])
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
            ).format(days=", ".join(short_day(day) for day in before))
        )
    return lines


def decimal(value: float, places: int = 1) -> str:
    """A number to a fixed number of decimals with the language's decimal sign: '3.1', '3,1'."""
    # round() first, so the digits are those f"{value:.1f}" gives; Babel only writes them.
    return format_decimal(round(value, places), format="0." + "0" * places if places else "0")


def short_day(day: date) -> str:
    """A day as '3 Dec', in the language's words."""
    return format_date(day, "d MMM")


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
        "percent": decimal(percent, 0) if percent is not None else "",
        # "30%" in the language's way ("30 %" in Swedish), kept out of the sentences' own words.
        "share": _("{percent}%").format(percent=decimal(100 * IMPORTANT_CHANGE_FRACTION, 0)),
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
        ).format(name=name, value=decimal(change.baseline), count=change.baseline_days)
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
        later=decimal(change.later),
        baseline=decimal(change.baseline),
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
    ).format(count=sessions, rate=decimal(rate), fit=fit.format(low=low, high=high))
