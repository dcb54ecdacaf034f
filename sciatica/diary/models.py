"""Validated shapes of what the user enters and what the app stores: the check-in.

The check-in's models live here; About me and the signs seen about (`about_me_models`) and the
flare-ups (`flare_models`) beside their services, on the field types they share (`fields`).
All their names are importable from here too, as they always were.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from sciatica.diary import validation
from sciatica.diary.about_me_models import FIRST_TRIMESTER_WEEKS as FIRST_TRIMESTER_WEEKS
from sciatica.diary.about_me_models import PREGNANCY_WEEKS as PREGNANCY_WEEKS
from sciatica.diary.about_me_models import AboutMe as AboutMe
from sciatica.diary.about_me_models import SignAnswer as SignAnswer
from sciatica.diary.about_me_models import SignSeen as SignSeen
from sciatica.diary.fields import EARLIEST_DAY as EARLIEST_DAY
from sciatica.diary.fields import STORED as STORED
from sciatica.diary.fields import CleanText as CleanText
from sciatica.diary.fields import PainScore as PainScore
from sciatica.diary.fields import judging_day as judging_day
from sciatica.diary.fields import latest_possible_today as latest_possible_today
from sciatica.diary.fields import long_date
from sciatica.diary.flare_models import FLARE_CHOICES_MAX as FLARE_CHOICES_MAX
from sciatica.diary.flare_models import FLARE_LABELS as FLARE_LABELS
from sciatica.diary.flare_models import FLARE_NOTE_MAX_CHARS as FLARE_NOTE_MAX_CHARS
from sciatica.diary.flare_models import FlareEntry as FlareEntry
from sciatica.diary.flare_models import FlareInput as FlareInput
from sciatica.diary.flare_models import FlareKey as FlareKey
from sciatica.diary.validation import problem_words as problem_words  # for the export
from sciatica.i18n import N_, _

NOTES_MAX_CHARS = 2000
MEDICATION_MAX_CHARS = 200


class LegExtent(StrEnum):
    """How far down the leg the symptoms reach today."""

    NONE = "none"
    BUTTOCK = "buttock"
    THIGH = "thigh"
    BELOW_KNEE = "below_knee"
    FOOT = "foot"

    @property
    def label(self) -> str:
        """Plain words for the extent, in the current language."""
        return _(_EXTENT_LABELS[self])


_EXTENT_LABELS = {
    LegExtent.NONE: N_("No leg symptoms"),
    LegExtent.BUTTOCK: N_("Buttock"),
    LegExtent.THIGH: N_("Thigh"),
    LegExtent.BELOW_KNEE: N_("Below the knee"),
    LegExtent.FOOT: N_("Foot"),
}


class Side(StrEnum):
    """Which leg is affected."""

    LEFT = "left"
    RIGHT = "right"
    BOTH = "both"

    @property
    def label(self) -> str:
        """The side in plain words, in the current language: 'Left'."""
        return _(_SIDE_LABELS[self])


_SIDE_LABELS = {Side.LEFT: N_("Left"), Side.RIGHT: N_("Right"), Side.BOTH: N_("Both")}


class TriageLevel(StrEnum):
    """How soon to seek help, most urgent last."""

    NONE = "none"
    ROUTINE = "routine"
    SOON = "soon"  # see a doctor within 1-2 days (CLINICAL.md 1)
    URGENT = "urgent"  # get medical help the same day
    EMERGENCY = "emergency"

    @property
    def rank(self) -> int:
        """Order of urgency, for comparing levels."""
        return list(TriageLevel).index(self)

    @property
    def stands(self) -> bool:
        """Soon, urgent or emergency: it pauses exercise and stays shown until seen about."""
        return self.rank >= TriageLevel.SOON.rank


SbiScore = Annotated[int, Field(ge=0, le=6)]

FIELD_LABELS: dict[str, str] = {
    "day": N_("Date"),
    "leg_pain": N_("Leg pain"),
    "back_pain": N_("Back pain"),
    # The four Sciatica Bothersomeness Index items in full (Patrick et al. 1995; CLINICAL.md 2).
    "sbi_leg_pain": N_("Bothersomeness: leg pain (sciatica)"),
    "sbi_numbness": N_("Bothersomeness: numbness or tingling in the leg, foot or groin"),
    "sbi_weakness": N_("Bothersomeness: weakness in the leg or foot"),
    "sbi_sitting": N_("Bothersomeness: back or leg pain while sitting"),
    "extent": N_("How far down the leg"),
    "side": N_("Which side"),
    "walking_interference": N_("Pain got in the way of walking"),
    "sitting_interference": N_("Pain got in the way of sitting"),
    "sleeping_interference": N_("Pain got in the way of sleeping"),
    "activity_minutes": N_("Minutes of low-impact activity"),
    "medication": N_("Medication"),
    "notes": N_("Notes"),
    "red_flags": N_("Warning signs"),
    "no_warning_signs": N_("None of these today"),
}


def field_label(name: str) -> str:
    """A check-in field's label in the current language: 'Leg pain'."""
    words = FIELD_LABELS[name]
    return _(words)


SBI_FIELDS = ("sbi_leg_pain", "sbi_numbness", "sbi_weakness", "sbi_sitting")


class CheckInInput(BaseModel):
    """What the daily check-in form submits."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    day: date = Field(description="The day this check-in describes, in the user's time zone.")
    leg_pain: PainScore = Field(description="Leg pain, 0 no pain to 10 worst imaginable.")
    back_pain: PainScore = Field(description="Back pain, 0 no pain to 10 worst imaginable.")
    sbi_leg_pain: SbiScore | None = Field(default=None, description="SBI item 1, past week.")
    sbi_numbness: SbiScore | None = Field(default=None, description="SBI item 2, past week.")
    sbi_weakness: SbiScore | None = Field(default=None, description="SBI item 3, past week.")
    sbi_sitting: SbiScore | None = Field(default=None, description="SBI item 4, past week.")
    extent: LegExtent = Field(default=LegExtent.NONE, description="How far down the leg.")
    side: Side | None = Field(default=None, description="Affected leg; empty without symptoms.")
    walking_interference: PainScore = Field(default=0, description="Pain stopped walking, 0-10.")
    sitting_interference: PainScore = Field(default=0, description="Pain stopped sitting, 0-10.")
    sleeping_interference: PainScore = Field(default=0, description="Pain stopped sleep, 0-10.")
    activity_minutes: int = Field(
        default=0, ge=0, le=1440, description="Minutes of walking, swimming or similar."
    )
    medication: CleanText = Field(
        default="", max_length=MEDICATION_MAX_CHARS, description="Medication taken, optional."
    )
    notes: CleanText = Field(
        default="", max_length=NOTES_MAX_CHARS, description="Anything else, optional."
    )
    red_flags: frozenset[str] = Field(
        default=frozenset(), description="Ids of the warning signs ticked today."
    )
    no_warning_signs: bool = Field(
        default=False,
        description="Answered the warning-sign screen with 'None of these today'.",
    )

    @field_validator("day")
    @classmethod
    def _not_in_future(cls, value: date, info: ValidationInfo) -> date:
        today = judging_day(info)
        if today is None:
            return value
        if value > today:
            raise ValueError(_("cannot be in the future"))
        if value < EARLIEST_DAY:
            raise ValueError(_("must be on or after {day}").format(day=long_date(EARLIEST_DAY)))
        return value

    @field_validator("side")
    @classmethod
    def _no_side_without_symptoms(cls, value: Side | None, info: ValidationInfo) -> Side | None:
        return None if info.data.get("extent") is LegExtent.NONE else value

    @model_validator(mode="after")
    def _consistent(self) -> CheckInInput:
        answered = [getattr(self, name) is not None for name in SBI_FIELDS]
        if any(answered) and not all(answered):
            raise ValueError(_("answer all four bothersomeness questions, or leave all four empty"))
        if self.no_warning_signs and self.red_flags:
            raise ValueError(
                _("tick the warning signs that apply, or “None of these today”, not both")
            )
        return self

    @property
    def sbi_total(self) -> int | None:
        """Sciatica Bothersomeness Index, 0-24, when all four items were answered."""
        items: list[int | None] = [getattr(self, name) for name in SBI_FIELDS]
        scores = [item for item in items if item is not None]
        return sum(scores) if len(scores) == len(SBI_FIELDS) else None


class CheckIn(CheckInInput):
    """A check-in as stored, with its owner, triage result and timestamps."""

    id: int
    user_id: str
    triage_level: TriageLevel
    created_at: datetime
    updated_at: datetime


def parse_check_in(data: dict[str, Any], *, today: date) -> CheckInInput:
    """Validate form or file data into a check-in, judging dates against the user's today."""
    return CheckInInput.model_validate(data, context={"today": today})


def describe_errors(
    error: ValidationError,
    *,
    model: type[BaseModel] | None = None,
    labels: dict[str, str] | None = None,
) -> list[str]:
    """Plain-language messages naming the field, one per problem (check-in fields by default).

    The wording lives in `sciatica.diary.validation`; labels may be marked with N_.
    """
    return validation.describe_errors(
        error, model=model or CheckInInput, labels=FIELD_LABELS if labels is None else labels
    )
