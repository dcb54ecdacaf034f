"""The clinician report's sentences: its numbers in words, in the current language.

Pain, bothersomeness, flare-ups and sessions as the report prints them, each number in the
language's own decimal sign and each count through `ngettext`; `report` lays them out.
"""

from __future__ import annotations

from datetime import date

from sciatica import i18n
from sciatica.i18n import _, ngettext
from sciatica.progress import summary as p
from sciatica.progress.flares import FlareSummary
from sciatica.progress.text import fall_verdict


def period_label(period: p.Period) -> str:
    """'3 Mar 2026 to 1 Apr 2026', in the language (years always in four digits)."""
    return _("{start} to {end}").format(
        start=i18n.format_date(period.start, "d MMM y"),
        end=i18n.format_date(period.end, "d MMM y"),
    )


def day(value: date) -> str:
    """A day as the report names it: '03 Mar 2026'."""
    return i18n.format_date(value, "dd MMM y")


def one_place(value: float) -> str:
    """A number to one decimal place: '2.5' or '2,5'."""
    return i18n.format_decimal(value, format="0.0")


def signed(value: float, *, places: bool = True) -> str:
    """A change with its sign: '+1.5', '-3.0' (or '-5' without places).

    A value that rounds to nothing has no change to sign: callers word it as no change (see
    `is_no_change`), so a report never reads "+0.0 points".
    """
    digits = "0.0" if places else "0"
    rounded = round(value, 1 if places else 0) + 0.0  # + 0.0: no '-0.0' for a tiny fall
    return i18n.format_decimal(rounded, format=f"+{digits};-{digits}")


def is_no_change(value: float, *, places: bool = True) -> bool:
    """Whether a change rounds to zero at the places it is printed with."""
    return round(value, 1 if places else 0) == 0


def sessions_line(summary: p.ProgressSummary) -> str:
    if not summary.sessions:
        return _("No exercise sessions logged in this period.")
    low, high = p.SESSIONS_TARGET
    return ngettext(
        "{count} session, {per_week} a week (the exercise guide suggests {low}-{high} a week).",
        "{count} sessions, {per_week} a week (the exercise guide suggests {low}-{high} a week).",
        summary.sessions,
    ).format(
        count=summary.sessions,
        per_week=one_place(summary.sessions_per_week),
        low=low,
        high=high,
    )


def pain_numbers(change: p.PainChange | None) -> str:
    if change is None:
        return _("no check-ins.")
    basis = ngettext(
        "{value} at baseline ({count} day)",
        "{value} at baseline ({count} days)",
        change.baseline_days,
    ).format(value=one_place(change.baseline), count=change.baseline_days)
    if change.later is None or change.fall is None:
        return _("{baseline}; no check-ins after the first week yet.").format(baseline=basis)
    later = ngettext(
        "{value} in the latest week ({count} day)",
        "{value} in the latest week ({count} days)",
        change.later_days,
    ).format(value=one_place(change.later), count=change.later_days)
    # The same words as the Progress summary: both criteria, stated without contradiction.
    verdict = fall_verdict(change)
    return _("{baseline}, {later}: {verdict}.").format(baseline=basis, later=later, verdict=verdict)


def flare_numbers(flares: FlareSummary | None) -> str:
    if flares is None:
        return _("None noted in this period.")
    days = ngettext("{count} day", "{count} days", flares.days).format(count=flares.days)
    entries = ngettext("{count} flare-up", "{count} flare-ups", flares.entries).format(
        count=flares.entries
    )
    pain = (
        _("leg pain {value}/10").format(value=flares.lowest)
        if flares.lowest == flares.highest
        else _("leg pain {low}-{high}/10").format(low=flares.lowest, high=flares.highest)
    )
    text = _("{flare_ups} on {days} ({pain}); the check-ins above remain the day's scores.")
    text = text.format(flare_ups=entries, days=days, pain=pain)
    for words, counted in (
        (_("Most often noted as what set them off: {listed}."), flares.set_off),
        (_("Most often noted as what helped: {listed}."), flares.helped),
    ):
        if counted:
            listed = ", ".join(f"{name.lower()} ({count})" for name, count in counted)
            text += " " + words.format(listed=listed)
    return text


def sbi_numbers(change: p.SbiChange | None) -> str:
    if change is None:
        return _("Not answered in this period.")
    if change.answers == 1:
        return _("Answered once: {score}/24.").format(score=change.first)
    answers = ngettext("{count} weekly answer", "{count} weekly answers", change.answers).format(
        count=change.answers
    )
    if change.latest == change.first:
        return _("First {first}/24, latest {latest}/24 ({answers}): no change.").format(
            first=change.first, latest=change.latest, answers=answers
        )
    words = (
        _(
            "First {first}/24, latest {latest}/24 ({answers}): change {change}, beyond the "
            "measurement error of about {points} points."
        )
        if change.beyond_variation
        else _(
            "First {first}/24, latest {latest}/24 ({answers}): change {change}, within the "
            "measurement error of about {points} points."
        )
    )
    return words.format(
        first=change.first,
        latest=change.latest,
        answers=answers,
        change=signed(change.latest - change.first, places=False),
        points=p.SBI_NORMAL_VARIATION,
    )
