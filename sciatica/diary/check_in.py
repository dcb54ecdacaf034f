"""The daily check-in: what the form starts with, and what saving one does."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sciatica import i18n
from sciatica.clock import day_in_sentence
from sciatica.diary.models import CheckIn, CheckInInput, LegExtent, Side, TriageLevel
from sciatica.diary.ports import CheckInChanged as CheckInChanged
from sciatica.diary.ports import CheckInRepository
from sciatica.diary.triage import Triage, triage
from sciatica.i18n import N_, _, ngettext

# The bothersomeness index asks about the past week, so it is offered weekly (CLINICAL.md 2).
SBI_INTERVAL_DAYS = 7
RECENT_TABLE_SIZE = 14
BOTH_LEGS = "both_legs"  # the warning sign that choosing "Both" asks about

# Fields carried over from the latest check-in: symptoms change slowly, so a returning user
# only moves what changed. Warning signs and notes are asked afresh every day, and so is
# medication: carried over, it would record doses that were not taken.
_CARRIED_OVER = (
    "leg_pain",
    "back_pain",
    "extent",
    "side",
    "walking_interference",
    "sitting_interference",
    "sleeping_interference",
    "activity_minutes",
)


@dataclass(frozen=True, slots=True)
class FormStart:
    """The values a check-in form opens with, and where they came from."""

    values: dict[str, Any]
    existing: CheckIn | None
    carried_from: date | None
    ask_sbi: bool  # the weekly questions are due, or this day's check-in answered them
    returning: bool = False  # the person has checked in before (this day or earlier)


@dataclass(frozen=True, slots=True)
class CheckInOutcome:
    """What saving a check-in did."""

    check_in: CheckIn
    updated: bool
    triage: Triage
    comparison: str


def form_start(store: CheckInRepository, *, user_id: str, day: date) -> FormStart:
    """Values for the form: that day's check-in if it exists, else carried from the latest."""
    existing = store.get_check_in(user_id=user_id, day=day)
    last_sbi = store.last_sbi_day(user_id=user_id, before=day)
    due = last_sbi is None or (day - last_sbi).days >= SBI_INTERVAL_DAYS
    if existing is not None:
        values = existing.model_dump(include=set(CheckInInput.model_fields))
        answered = existing.sbi_total is not None
        return FormStart(values, existing, None, ask_sbi=answered or due, returning=True)
    defaults = CheckInInput.model_construct(day=day, leg_pain=0, back_pain=0).model_dump()
    previous = store.latest_check_in(user_id=user_id, before=day + timedelta(days=1))
    if previous is not None:
        defaults.update({name: getattr(previous, name) for name in _CARRIED_OVER})
    carried = previous.day if previous else None
    return FormStart(defaults, None, carried, ask_sbi=due, returning=previous is not None)


def with_both_legs(ticked: Iterable[str], *, side: Side | None, new_or_worse: bool) -> list[str]:
    """The ticked signs, with 'both legs' added when the side is both and it is new or worse.

    Sciatica in both legs is an emergency sign (CLINICAL.md 1), so choosing "Both" asks at once.
    """
    signs = list(dict.fromkeys(ticked))
    if side is Side.BOTH and new_or_worse and BOTH_LEGS not in signs:
        signs.append(BOTH_LEGS)
    return signs


@dataclass(frozen=True, slots=True)
class OpenedWith:
    """What the day held when its form was opened: its check-in's `updated_at`, or None."""

    updated_at: datetime | None


def record_check_in(
    store: CheckInRepository,
    *,
    user_id: str,
    entry: CheckInInput,
    today: date,
    opened_with: OpenedWith | None = None,
) -> CheckInOutcome:
    """Triage and save a check-in; the row is committed before this returns.

    With `opened_with`, the save happens only if the day still holds what the form was opened
    with: saved from another device since, it raises CheckInChanged and saves nothing, so the
    person can choose which to keep (two devices, one day).
    """
    result = triage(ticked=entry.red_flags)
    if opened_with is None:
        saved = store.save_check_in(user_id=user_id, entry=entry, triage_level=result.level)
    else:
        saved = store.save_check_in_if_unchanged(
            user_id=user_id, entry=entry, triage_level=result.level, seen=opened_with.updated_at
        )
    previous = store.latest_check_in(user_id=user_id, before=entry.day)
    return CheckInOutcome(
        check_in=saved.check_in,
        updated=saved.updated,
        triage=result,
        comparison=describe_change(saved.check_in, previous, today=today),
    )


def describe_change(current: CheckInInput, previous: CheckInInput | None, *, today: date) -> str:
    """One line comparing leg pain with the last check-in: 'Leg pain 5, 2 lower than yesterday.'"""
    pain = current.leg_pain
    if previous is None:
        return _("Leg pain {value}. This is your first check-in.").format(value=pain)
    when = day_in_sentence(previous.day, today=today)
    change = pain - previous.leg_pain
    if change == 0:
        return _("Leg pain {value}, the same as {when}.").format(value=pain, when=when)
    if change < 0:
        return _("Leg pain {value}, {change} lower than {when}.").format(
            value=pain, change=-change, when=when
        )
    return _("Leg pain {value}, {change} higher than {when}.").format(
        value=pain, change=change, when=when
    )


NOT_ANSWERED = "\u2013"  # an en dash for a question not answered that day, never "None"
# The recent check-ins table's columns: short, so that six fit a phone.
DAY_COLUMN = N_("Day")
_COLUMNS = (DAY_COLUMN, N_("Leg"), N_("Back"), N_("Reaches"), N_("SBI"), N_("Signs"))


def short_day(day: date) -> str:
    """'Tue 1 Dec' ('tis 1 dec.'): a day in a phone-wide table."""
    return i18n.format_date(day, "EEE d MMM")


def recent_table(check_ins: list[CheckIn]) -> list[dict[str, str]]:
    """Rows for the recent check-ins table, in the order given; six short columns fit a phone.

    The columns are named in the current language, the day first (`DAY_COLUMN`). Notes are
    left out: long free text squeezes a table on a phone (`recent_notes` lists them).
    """
    columns = [_(column) for column in _COLUMNS]
    return [
        dict(
            zip(
                columns,
                (
                    short_day(entry.day),
                    str(entry.leg_pain),
                    str(entry.back_pain),
                    _reaches(entry),
                    NOT_ANSWERED if entry.sbi_total is None else str(entry.sbi_total),
                    _level_words(entry.triage_level),
                ),
                strict=True,
            )
        )
        for entry in check_ins
    ]


def recent_notes(check_ins: list[CheckIn]) -> list[tuple[str, str]]:
    """(day, note) for each of these check-ins with a note, in the order given."""
    return [(short_day(entry.day), entry.notes) for entry in check_ins if entry.notes]


def _reaches(entry: CheckIn) -> str:
    if entry.side and entry.extent is not LegExtent.NONE:
        side = Side(entry.side).label.lower()
        return _("{extent}, {side}").format(extent=entry.extent.label, side=side)
    return entry.extent.label


def _level_words(level: TriageLevel) -> str:
    words = _LEVEL_WORDS[level]
    return _(words) if words else ""


_LEVEL_WORDS = {
    TriageLevel.NONE: "",
    TriageLevel.ROUTINE: "",
    TriageLevel.SOON: N_("See a doctor soon"),
    TriageLevel.URGENT: N_("Urgent"),
    TriageLevel.EMERGENCY: N_("Emergency"),
}


def check_in_summary(entry: CheckInInput) -> str:
    """One check-in in a line, to compare two of the same day: 'Leg pain 6, back pain 3, down
    to the thigh; 1 warning sign ticked; 30 minutes of activity.' (notes are shown apart)."""
    parts = [
        _("Leg pain {leg}, back pain {back}").format(leg=entry.leg_pain, back=entry.back_pain),
    ]
    if entry.extent is not LegExtent.NONE:
        parts[0] += ", " + _("reaching: {extent}").format(extent=entry.extent.label.lower())
    parts.append(
        ngettext(
            "{count} warning sign ticked", "{count} warning signs ticked", len(entry.red_flags)
        ).format(count=len(entry.red_flags))
    )
    if entry.activity_minutes:
        parts.append(
            ngettext(
                "{count} minute of activity", "{count} minutes of activity", entry.activity_minutes
            ).format(count=entry.activity_minutes)
        )
    return "; ".join(parts) + "."
