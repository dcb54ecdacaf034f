"""Validated shapes of routines, logged sessions and the decisions that change a routine.

A routine keeps two lists of exercises: `items`, as the person set them in the builder, and
`current_items`, what they do now. Only a decision changes the current doses (`Decision`: a
suggestion accepted, or the person's own edit), and each decision is kept as its history.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import IntEnum, StrEnum

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from sciatica import i18n
from sciatica.diary.models import NOTES_MAX_CHARS, CleanText, PainScore, judging_day
from sciatica.i18n import N_, _

# The session log's questions, marked here and translated where shown (`_(SESSION_LABELS[f])`).
SESSION_LABELS = {
    "day": N_("Date"),
    "pain_before": N_("Leg pain before"),
    "worst_during": N_("Worst leg pain during"),
    "pain_after": N_("Leg pain after"),
    "leg_response": N_("Where did your leg symptoms go?"),
    "new_numbness_or_weakness": N_("New numbness or weakness"),
    "outcomes": N_("How each exercise went"),
    "notes": N_("Notes"),
}
MAX_ITEMS = 20
KEY_MAX_CHARS = 200


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
        """The day's short name in the current language: 'Mon', 'mån'."""
        return i18n.weekday_name(self, width="abbreviated")


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
    start_date: date = Field(description="The first day the routine is followed.")

    @field_validator("items")
    @classmethod
    def _unique_exercises(cls, items: tuple[RoutineItem, ...]) -> tuple[RoutineItem, ...]:
        return _unique(items)

    @field_validator("name")
    @classmethod
    def _named(cls, name: str) -> str:
        # The length is checked before the spaces are trimmed: a name of spaces is no name.
        if not name:
            raise ValueError(_("give the routine a name"))
        return name


def _unique(items: tuple[RoutineItem, ...]) -> tuple[RoutineItem, ...]:
    ids = [item.exercise_id for item in items]
    repeated = sorted({exercise for exercise in ids if ids.count(exercise) > 1})
    if repeated:
        raise ValueError(
            _("each exercise can appear once; repeated: {ids}").format(ids=", ".join(repeated))
        )
    return items


class Routine(RoutineInput):
    """A stored routine, with the doses followed now."""

    id: int
    user_id: str
    active: bool
    current_items: tuple[RoutineItem, ...] = Field(
        min_length=1, max_length=MAX_ITEMS, description="Each exercise at the dose followed now."
    )
    created_at: datetime
    updated_at: datetime

    @field_validator("current_items")
    @classmethod
    def _unique_current(cls, items: tuple[RoutineItem, ...]) -> tuple[RoutineItem, ...]:
        return _unique(items)

    def followed(self) -> RoutineInput:
        """The routine as it is followed now: its current doses in place of the starting ones."""
        fields = set(RoutineInput.model_fields)
        return RoutineInput.model_validate(
            {**self.model_dump(include=fields), "items": self.current_items}
        )


class LegResponse(StrEnum):
    """Where the leg symptoms went during or after the session (centralisation)."""

    UP = "up"
    SAME = "same"
    DOWN = "down"

    @property
    def label(self) -> str:
        """Plain words for the response."""
        return {
            LegResponse.UP: _("Moved up toward the back"),
            LegResponse.SAME: _("Stayed the same"),
            LegResponse.DOWN: _("Spread further down the leg"),
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
        today = judging_day(info)
        if today is not None and value > today:
            raise ValueError(_("cannot be in the future"))
        return value


class Session(SessionInput):
    """A stored session."""

    id: int
    user_id: str
    created_at: datetime


class Step(StrEnum):
    """What a suggestion proposes, or what changed a routine."""

    PROGRESS = "progress"  # one variable of one exercise up
    KEEP = "keep"  # the same dose
    STEP_BACK = "step_back"  # the exercise that hurt down its ladder, or less of it
    LEAVE_OUT = "leave_out"  # the exercise that hurt is at its easiest: leave it out
    PAUSE = "pause"  # two reds in a row: no building up; see a physiotherapist
    WARNING = "warning"  # a warning sign stands: no exercise suggestions at all
    EDIT = "edit"  # the person changed the doses in the routine builder


class ItemChange(BaseModel):
    """One exercise before and after a change; None where it joined or left the routine."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    before: RoutineItem | None = Field(default=None, description="As it was.")
    after: RoutineItem | None = Field(default=None, description="As it is now.")


class Change(BaseModel):
    """One decision in a routine's history: a suggestion accepted or dismissed, or an edit."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    day: date = Field(description="The person's day of the decision, in their time zone.")
    step: Step = Field(description="What was suggested or done.")
    sentence: CleanText = Field(max_length=1000, description="What and why, in one sentence.")
    accepted: bool = Field(description="Accepted (or acknowledged), or dismissed.")
    changed: bool = Field(default=False, description="Whether the current doses changed.")
    changes: tuple[ItemChange, ...] = Field(default=(), description="Each exercise changed.")


class Decision(Change):
    """A stored decision, about one of the person's routines."""

    id: int
    routine_id: int
    session_id: int | None = Field(description="The latest session when it was decided.")
    key: str = Field(max_length=KEY_MAX_CHARS, description="Which suggestion it answered.")
    created_at: datetime


class RoutineRecord(BaseModel):
    """A routine as an export file carries it: its doses now and its history, by file key."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    key: int = Field(description="The routine's key in the file; sessions point at it.")
    routine: RoutineInput
    active: bool = Field(description="Whether it is the routine followed.")
    current_items: tuple[RoutineItem, ...] = Field(min_length=1, max_length=MAX_ITEMS)
    history: tuple[Change, ...] = Field(default=(), description="Its decisions, oldest first.")
