"""Validated shapes of what the user enters and what the app stores."""

from __future__ import annotations

import re
from contextlib import suppress
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from functools import cache
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import ErrorDetails

from sciatica import clock, i18n
from sciatica.i18n import N_, _

NOTES_MAX_CHARS = 2000
MEDICATION_MAX_CHARS = 200
EARLIEST_DAY = date(2000, 1, 1)
# Control characters other than tab and newline have no place in a diary note.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


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
    URGENT = "urgent"
    EMERGENCY = "emergency"

    @property
    def rank(self) -> int:
        """Order of urgency, for comparing levels."""
        return list(TriageLevel).index(self)


def _clean_text(value: str) -> str:
    value = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    if _CONTROL_CHARS.search(value):
        raise ValueError(_("contains invisible control characters; please retype it"))
    return value


CleanText = Annotated[str, AfterValidator(_clean_text)]
PainScore = Annotated[int, Field(ge=0, le=10)]
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
}


def field_label(name: str) -> str:
    """A check-in field's label in the current language: 'Leg pain'."""
    words = FIELD_LABELS[name]
    return _(words)


SBI_FIELDS = ("sbi_leg_pain", "sbi_numbness", "sbi_weakness", "sbi_sitting")


def latest_possible_today() -> date:
    """The latest calendar date anywhere on Earth right now (UTC+14)."""
    return (clock.now() + timedelta(hours=14)).date()


# The validation context for rows read back from the database. The date rules below judge what
# a person or a file submits; a stored value is shown as it is, however it got there, since a
# diary that refuses to open over one odd date loses all the rest.
STORED: dict[str, object] = {"stored": True}


def judging_day(info: ValidationInfo) -> date | None:
    """The person's today to judge a submitted date by, or None for a stored row."""
    context = info.context if isinstance(info.context, dict) else {}
    if context.get("stored"):
        return None
    today = context.get("today")
    return today if isinstance(today, date) else latest_possible_today()


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

    @field_validator("day")
    @classmethod
    def _not_in_future(cls, value: date, info: ValidationInfo) -> date:
        today = judging_day(info)
        if today is None:
            return value
        if value > today:
            raise ValueError(_("cannot be in the future"))
        if value < EARLIEST_DAY:
            raise ValueError(_("must be on or after {day}").format(day=_long_date(EARLIEST_DAY)))
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


# Pydantic's own messages, as the app words them in each language (its English, lower case,
# with the same placeholders from the error's context); any other kind of problem is shown as
# pydantic words it, in English.
_PYDANTIC_MESSAGES = {
    "missing": N_("field required"),
    "extra_forbidden": N_("extra inputs are not permitted"),
    "int_type": N_("input should be a valid integer"),
    "int_parsing": N_("input should be a valid integer"),
    "int_parsing_size": N_("the number is too long to read"),
    "int_from_float": N_("input should be a valid integer, without a fractional part"),
    "float_type": N_("input should be a valid number"),
    "float_parsing": N_("input should be a valid number"),
    "finite_number": N_("input should be a finite number"),
    "bool_type": N_("input should be true or false"),
    "bool_parsing": N_("input should be true or false"),
    "string_type": N_("input should be a valid string"),
    "string_too_short": N_("string should have at least {min_length} characters"),
    "string_too_long": N_("string should have at most {max_length} characters"),
    "date_type": N_("input should be a valid date"),
    "date_parsing": N_("input should be a valid date in the format YYYY-MM-DD"),
    "date_from_datetime_parsing": N_("input should be a valid date in the format YYYY-MM-DD"),
    "date_from_datetime_inexact": N_("input should be a date, without a time of day"),
    "datetime_type": N_("input should be a valid date and time"),
    "datetime_parsing": N_("input should be a valid date and time"),
    "datetime_from_date_parsing": N_("input should be a valid date and time"),
    "time_type": N_("input should be a valid time"),
    "time_parsing": N_("input should be a valid time"),
    "timezone_aware": N_("input should have timezone info"),
    "dict_type": N_("input should be a valid dictionary"),
    "model_type": N_("input should be a valid dictionary"),
    "model_attributes_type": N_("input should be a valid dictionary"),
    "list_type": N_("input should be a valid list"),
    "tuple_type": N_("input should be a valid list"),
    "set_type": N_("input should be a valid list"),
    "frozen_set_type": N_("input should be a valid list"),
    "too_short": N_("should have at least {min_length} items"),
    "too_long": N_("should have at most {max_length} items"),
    "literal_error": N_("input should be {expected}"),
    "enum": N_("input should be {expected}"),
    "greater_than": N_("input should be greater than {gt}"),
    "greater_than_equal": N_("input should be greater than or equal to {ge}"),
    "less_than": N_("input should be less than {lt}"),
    "less_than_equal": N_("input should be less than or equal to {le}"),
}


def problem_words(problem: ErrorDetails) -> str:
    """What is wrong, lower case, in the current language (pydantic's English if unknown)."""
    message = _PYDANTIC_MESSAGES.get(problem["type"])
    if message is not None:
        context = {name: _context_value(value) for name, value in problem.get("ctx", {}).items()}
        with suppress(KeyError, IndexError):
            return _(message).format(**context)
    text = problem["msg"].removeprefix("Value error, ")
    return text[:1].lower() + text[1:]


def _context_value(value: object) -> str:
    """A value from an error's context as the message shows it ("'a' or 'b'": 'a' eller 'b')."""
    if isinstance(value, str) and " or " in value:
        return i18n.format_list([part.strip() for part in value.split(" or ")], style="or")
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return i18n.format_decimal(value)
    return str(value)


def describe_errors(
    error: ValidationError,
    *,
    model: type[BaseModel] | None = None,
    labels: dict[str, str] | None = None,
) -> list[str]:
    """Plain-language messages naming the field, one per problem (check-in fields by default).

    In the current language; labels may be marked with N_ (they are translated here).
    """
    model = model or CheckInInput
    labels = FIELD_LABELS if labels is None else labels
    messages = []
    for problem in error.errors():
        location = [str(part) for part in problem["loc"]]
        field = location[0] if location else ""
        text = problem_words(problem)
        if problem["type"] in {"greater_than_equal", "less_than_equal"}:
            text = _range_message(model, field)
        if not field:
            messages.append(_("{problem}.").format(problem=text[:1].upper() + text[1:]))
            continue
        label = _(labels[field]) if field in labels else field.replace("_", " ").capitalize()
        messages.append(_("{field}: {problem}.").format(field=label, problem=text))
    return messages


@cache
def _ranges(model: type[BaseModel]) -> dict[str, tuple[object, object]]:
    """Each numeric field's (minimum, maximum), read from the model's own constraints."""
    ranges = {}
    for name, schema in model.model_json_schema()["properties"].items():
        for option in [schema, *schema.get("anyOf", [])]:
            if "minimum" in option and "maximum" in option:
                ranges[name] = (option["minimum"], option["maximum"])
    return ranges


def _range_message(model: type[BaseModel], field: str) -> str:
    low, high = _ranges(model).get(field, ("?", "?"))
    return _("must be between {low} and {high}").format(low=low, high=high)


def _long_date(day: date) -> str:
    """'01 January 2000', in the current language."""
    return i18n.format_date(day, "dd MMMM y")


# After about the first trimester, lying flat on the back (and on the front) is best avoided in
# pregnancy (CLINICAL.md 5 and 7; ACOG "Exercise during pregnancy"). A due date tells the weeks;
# without one the app assumes the later months, the safer guess.
FIRST_TRIMESTER_WEEKS = 13
PREGNANCY_WEEKS = 40


class AboutMe(BaseModel):
    """The person's answers to About me: personal cautions that shape what the app suggests."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    pregnant: bool = Field(False, description="I am pregnant.")
    due_date: date | None = Field(None, description="When the baby is due, if given.")
    back_surgery: bool = Field(False, description="I had back surgery in the last 6 months.")
    hip_replacement: bool = Field(False, description="I have a hip replacement.")
    osteoporosis: bool = Field(False, description="I have osteoporosis (thin bones).")
    under_16: bool = Field(False, description="I am under 16.")
    had_cancer: bool = Field(False, description="I have had cancer.")
    cancer_assessed: bool = Field(
        False, description="A doctor has assessed this back pain (asked with had_cancer)."
    )
    answered_on: date | None = Field(None, description="When About me was first answered.")

    @model_validator(mode="after")
    def _follow_ups_need_their_question(self) -> AboutMe:
        if self.due_date is not None and not self.pregnant:
            raise ValueError(_("a due date is only asked with 'I am pregnant'"))
        if self.cancer_assessed and not self.had_cancer:
            raise ValueError(_("'a doctor has assessed this back pain' needs 'I have had cancer'"))
        return self

    def later_pregnancy(self, *, today: date) -> bool:
        """Pregnant and past about the first trimester (or the stage is not known)."""
        if not self.pregnant:
            return False
        if self.due_date is None:
            return True
        weeks_left = (self.due_date - today).days / 7
        return PREGNANCY_WEEKS - weeks_left >= FIRST_TRIMESTER_WEEKS

    @property
    def cancer_needs_assessment(self) -> bool:
        """A history of cancer with back pain no doctor has assessed yet: urgent (NICE NG59)."""
        return self.had_cancer and not self.cancer_assessed


class SignSeen(BaseModel):
    """The person said they have been seen about a warning sign."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    flag_id: str = Field(pattern=r"^[a-z_]+$", description="The warning sign's id.")
    sign_day: date = Field(description="The latest day it was ticked when they said so.")
    seen_on: date = Field(description="The day they said they had been seen.")


# Flare-ups: quick pain entries during the day, beside the one daily check-in.
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
            raise ValueError(_("must be on or after {day}").format(day=_long_date(EARLIEST_DAY)))
        return value

    @field_validator("at")
    @classmethod
    def _on_its_day(cls, value: datetime, info: ValidationInfo) -> datetime:
        outside = _("must be between {first} and today").format(first=_long_date(EARLIEST_DAY))
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
