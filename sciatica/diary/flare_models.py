"""Flare-ups as a form or a file gives them, and as they are kept.

Quick pain entries during the day, beside the one daily check-in; the service that checks and
saves them is `sciatica.diary.flares`.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Annotated

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from sciatica import i18n
from sciatica.diary.fields import EARLIEST_DAY, CleanText, PainScore, long_date
from sciatica.i18n import N_, _

FLARE_NOTE_MAX_CHARS = 200
FLARE_CHOICES_MAX = 12  # more than either list offers: a file cannot pad an entry with noise
FlareKey = Annotated[str, Field(pattern=r"^[a-z_]{1,32}$")]
# The zones in use on Earth run from UTC-12 to UTC+14: a moment falls on one of the days those
# clocks show, and on no other.
_ZONE_SPREAD = (timedelta(hours=-12), timedelta(hours=14))

FLARE_LABELS: dict[str, str] = {
    "day": N_("Date"),
    "at": N_("Time"),
    "leg_pain": N_("Leg pain"),
    "back_pain": N_("Back pain"),
    "triggers": N_("What set it off"),
    "helped": N_("What helped"),
    "note": N_("Note"),
}


class FlareInput(BaseModel):
    """A flare-up as the quick entry (or a file) gives it: leg pain at a moment of a day.

    Only the shape is checked here; what the person or a file may enter (not in the future,
    today or yesterday from the form, known triggers) is checked in one place,
    `sciatica.diary.flares.parse_flare`, so a stored entry always reads back.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    day: date = Field(description="The person's day it belongs to, in their time zone.")
    at: AwareDatetime = Field(description="When it was, with its time zone; kept in UTC.")
    leg_pain: PainScore = Field(description="Leg pain then, 0 no pain to 10 worst imaginable.")
    back_pain: PainScore | None = Field(default=None, description="Back pain then, optional.")
    triggers: tuple[FlareKey, ...] = Field(
        default=(), max_length=FLARE_CHOICES_MAX, description="What set it off (keys)."
    )
    helped: tuple[FlareKey, ...] = Field(
        default=(), max_length=FLARE_CHOICES_MAX, description="What helped (keys)."
    )
    note: CleanText = Field(
        default="", max_length=FLARE_NOTE_MAX_CHARS, description="A few words, optional."
    )

    @field_validator("day")
    @classmethod
    def _not_too_early(cls, value: date) -> date:
        if value < EARLIEST_DAY:
            raise ValueError(_("must be on or after {day}").format(day=long_date(EARLIEST_DAY)))
        return value

    @field_validator("at")
    @classmethod
    def _on_its_day(cls, value: datetime, info: ValidationInfo) -> datetime:
        outside = _("must be between {first} and today").format(first=long_date(EARLIEST_DAY))
        try:
            value = value.astimezone(UTC)
            earliest, latest = ((value + shift).date() for shift in _ZONE_SPREAD)
        except OverflowError:
            # A moment at the calendar's very ends (year 1 or 9999, with or without an offset)
            # falls on no day people's clocks show: refused like any moment outside the window
            # a check-in's day must be in (the future is refused by diary.flares.parse_flare).
            raise ValueError(outside) from None
        if latest < EARLIEST_DAY:
            raise ValueError(outside)
        day = info.data.get("day")
        if day is not None and not earliest <= day <= latest:
            raise ValueError(
                _("{moment} UTC is not on {day}").format(
                    moment=f"{i18n.format_date(value.date(), 'dd MMM y')} {value:%H:%M}",
                    day=i18n.format_date(day, "dd MMM y"),
                )
            )
        return value

    @field_validator("triggers", "helped")
    @classmethod
    def _once_each(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(value))


class FlareEntry(FlareInput):
    """A flare-up as stored, with its id and timestamps."""

    id: int
    created_at: datetime
    updated_at: datetime
