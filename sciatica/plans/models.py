"""Validated shapes of routines (weekly exercise plans) and logged exercise sessions."""

from __future__ import annotations

from datetime import date, datetime
from enum import IntEnum, StrEnum

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from sciatica.diary.models import NOTES_MAX_CHARS, CleanText, PainScore, latest_possible_today

SESSION_LABELS = {
    "day": "Date",
    "pain_before": "Leg pain before",
    "worst_during": "Worst leg pain during",
    "pain_after": "Leg pain after",
    "leg_response": "Where did your leg symptoms go?",
    "new_numbness_or_weakness": "New numbness or weakness",
    "outcomes": "How each exercise went",
    "notes": "Notes",
}
MAX_ITEMS = 20
MAX_WEEKS = 26


class Weekday(IntEnum):
    """Days of the week, Monday first (as `date.weekday()`)."""

    MON = 0
    TUE = 1
    WED = 2
    THU = 3
    FRI = 4
    SAT = 5
    SUN = 6

    @property
    def label(self) -> str:
        """The day's short English name."""
        return ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")[self]


class RoutineItem(BaseModel):
    """One exercise in a routine, at its starting dose."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    exercise_id: str = Field(min_length=1, max_length=80, description="Catalogue id.")
    sets: int = Field(default=1, ge=1, le=5, description="Sets per session.")
    reps: int | None = Field(default=None, ge=1, le=50, description="Repetitions per set.")
    hold_seconds: int | None = Field(default=None, ge=1, le=120, description="Seconds per hold.")
    minutes: int | None = Field(default=None, ge=1, le=90, description="Minutes, for aerobic.")
    per_side: bool = Field(default=False, description="Reps and holds are per side.")
    rest_seconds: int = Field(default=30, ge=0, le=300, description="Rest between sets.")


class RoutineInput(BaseModel):
    """What the routine builder submits."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: CleanText = Field(min_length=1, max_length=80, description="The routine's name.")
    items: tuple[RoutineItem, ...] = Field(min_length=1, max_length=MAX_ITEMS)
    days: frozenset[Weekday] = Field(min_length=1, description="Training days of the week.")
    start_date: date = Field(description="The first day of week one.")
    weeks: int = Field(default=4, ge=1, le=MAX_WEEKS, description="Length of the plan.")

    @field_validator("items")
    @classmethod
    def _unique_exercises(cls, items: tuple[RoutineItem, ...]) -> tuple[RoutineItem, ...]:
        ids = [item.exercise_id for item in items]
        repeated = sorted({exercise for exercise in ids if ids.count(exercise) > 1})
        if repeated:
            raise ValueError(f"each exercise can appear once; repeated: {', '.join(repeated)}")
        return items


class Routine(RoutineInput):
    """A stored routine."""

    id: int
    user_id: str
    active: bool
    created_at: datetime
    updated_at: datetime


class LegResponse(StrEnum):
    """Where the leg symptoms went during or after the session (centralisation)."""

    UP = "up"
    SAME = "same"
    DOWN = "down"

    @property
    def label(self) -> str:
        """Plain words for the response."""
        return {
            LegResponse.UP: "Moved up toward the back",
            LegResponse.SAME: "Stayed the same",
            LegResponse.DOWN: "Spread further down the leg",
        }[self]


class ExerciseOutcome(StrEnum):
    """How one exercise in a session went."""

    DONE = "done"
    SKIPPED = "skipped"
    HURT = "hurt"


class SessionInput(BaseModel):
    """What the session log submits."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    day: date = Field(description="The day of the session, in the user's time zone.")
    routine_id: int | None = Field(default=None, description="The routine followed, if any.")
    pain_before: PainScore = Field(description="Leg pain before, 0-10.")
    worst_during: PainScore = Field(description="The worst leg pain during, 0-10.")
    pain_after: PainScore = Field(description="Leg pain after, 0-10.")
    leg_response: LegResponse = Field(default=LegResponse.SAME)
    new_numbness_or_weakness: bool = Field(default=False)
    outcomes: dict[str, ExerciseOutcome] = Field(
        default_factory=dict, description="Exercise id to how it went."
    )
    notes: CleanText = Field(default="", max_length=NOTES_MAX_CHARS)

    @field_validator("day")
    @classmethod
    def _not_in_future(cls, value: date, info: ValidationInfo) -> date:
        context = info.context if isinstance(info.context, dict) else {}
        if value > (context.get("today") or latest_possible_today()):
            raise ValueError("cannot be in the future")
        return value


class Session(SessionInput):
    """A stored session."""

    id: int
    user_id: str
    created_at: datetime
