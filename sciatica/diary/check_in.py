"""The daily check-in: what the form starts with, and what saving one does."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sciatica.clock import relative_day
from sciatica.diary.models import CheckIn, CheckInInput, Side, TriageLevel
from sciatica.diary.triage import Triage, triage
from sciatica.storage.store import Store

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
    ask_sbi: bool


@dataclass(frozen=True, slots=True)
class CheckInOutcome:
    """What saving a check-in did."""

    check_in: CheckIn
    updated: bool
    triage: Triage
    comparison: str


def form_start(store: Store, *, user_id: str, day: date) -> FormStart:
    """Values for the form: that day's check-in if it exists, else carried from the latest."""
    existing = store.get_check_in(user_id=user_id, day=day)
    if existing is not None:
        values = existing.model_dump(include=set(CheckInInput.model_fields))
        return FormStart(values, existing, None, ask_sbi=existing.sbi_total is not None)
    defaults = CheckInInput.model_construct(day=day, leg_pain=0, back_pain=0).model_dump()
    previous = store.latest_check_in(user_id=user_id, before=day + timedelta(days=1))
    if previous is not None:
        defaults.update({name: getattr(previous, name) for name in _CARRIED_OVER})
    last_sbi = store.last_sbi_day(user_id=user_id, before=day)
    ask_sbi = last_sbi is None or (day - last_sbi).days >= SBI_INTERVAL_DAYS
    return FormStart(defaults, None, previous.day if previous else None, ask_sbi)


def with_both_legs(ticked: Iterable[str], *, side: Side | None, new_or_worse: bool) -> list[str]:
    """The ticked signs, with 'both legs' added when the side is both and it is new or worse.

    Sciatica in both legs is an emergency sign (CLINICAL.md 1), so choosing "Both" asks at once.
    """
    signs = list(dict.fromkeys(ticked))
    if side is Side.BOTH and new_or_worse and BOTH_LEGS not in signs:
        signs.append(BOTH_LEGS)
    return signs


def record_check_in(
    store: Store, *, user_id: str, entry: CheckInInput, today: date
) -> CheckInOutcome:
    """Triage and save a check-in; the row is committed before this returns."""
    result = triage(ticked=entry.red_flags)
    saved = store.save_check_in(user_id=user_id, entry=entry, triage_level=result.level)
    previous = store.latest_check_in(user_id=user_id, before=entry.day)
    return CheckInOutcome(
        check_in=saved.check_in,
        updated=saved.updated,
        triage=result,
        comparison=describe_change(saved.check_in, previous, today=today),
    )


def describe_change(current: CheckInInput, previous: CheckInInput | None, *, today: date) -> str:
    """One line comparing leg pain with the previous check-in: 'Leg pain 5, down 2 since Monday.'"""
    if previous is None:
        return f"Leg pain {current.leg_pain}. This is your first check-in."
    when = relative_day(previous.day, today=today)
    change = current.leg_pain - previous.leg_pain
    if change == 0:
        return f"Leg pain {current.leg_pain}, the same as {when}."
    direction = "down" if change < 0 else "up"
    return f"Leg pain {current.leg_pain}, {direction} {abs(change)} since {when}."


def recent_table(check_ins: list[CheckIn]) -> list[dict[str, object]]:
    """Rows for the recent check-ins table, in the order given; the most telling columns first."""
    return [
        {
            "Date": entry.day,
            "Leg pain": entry.leg_pain,
            "Back pain": entry.back_pain,
            "Reaches": entry.extent.label,
            "Warning signs": _LEVEL_WORDS[entry.triage_level],
            "Notes": entry.notes,
            "Side": entry.side.capitalize() if entry.side else "",
            "SBI (0-24)": entry.sbi_total,
            "Activity (min)": entry.activity_minutes,
        }
        for entry in check_ins
    ]


_LEVEL_WORDS = {
    TriageLevel.NONE: "",
    TriageLevel.ROUTINE: "",
    TriageLevel.URGENT: "Urgent",
    TriageLevel.EMERGENCY: "Emergency",
}
