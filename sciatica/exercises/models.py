"""Validated shapes of the exercise catalogue in data/exercises.yaml."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from sciatica.content import Source
from sciatica.exercises.poses import Illustration
from sciatica.exercises.vocabulary import Equipment as Equipment
from sciatica.exercises.vocabulary import Kind as Kind
from sciatica.exercises.vocabulary import Level as Level
from sciatica.exercises.vocabulary import Movement as Movement
from sciatica.exercises.vocabulary import Position as Position
from sciatica.exercises.vocabulary import TargetArea as TargetArea
from sciatica.i18n import Text, _, ngettext

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SEARCH_MAX_CHARS = 200


class Frozen(BaseModel):
    """Base for catalogue content: immutable, and an unknown field fails loudly."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class IntRange(Frozen):
    """An inclusive whole-number range; YAML may give `3` or `[20, 30]` as shorthand."""

    min: int = Field(ge=1, description="Lower end.")
    max: int = Field(ge=1, description="Upper end.")

    @model_validator(mode="before")
    @classmethod
    def _from_shorthand(cls, value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            return {"min": value, "max": value}
        if isinstance(value, list) and len(value) == 2:
            return {"min": value[0], "max": value[1]}
        return value

    @model_validator(mode="after")
    def _min_not_above_max(self) -> IntRange:
        if self.min > self.max:
            raise ValueError(f"min ({self.min}) is more than max ({self.max})")
        return self

    def __str__(self) -> str:
        return str(self.min) if self.min == self.max else f"{self.min}-{self.max}"


class Dose(Frozen):
    """How long, how many and how often."""

    hold_seconds: IntRange | None = Field(None, description="Seconds to hold each repetition.")
    reps: IntRange | None = Field(None, description="Repetitions (times) per set.")
    sets: IntRange | None = Field(None, description="Sets; unset means one set.")
    per_side: bool = Field(False, description="Reps and holds count for each side.")
    minutes: IntRange | None = Field(None, description="Minutes, for aerobic activity.")
    days_per_week: IntRange | None = Field(None, description="Unset: follow the routine.")
    note: Text | None = Field(None, min_length=3, description="A plain-words addition.")

    def describe(self) -> str:
        """The dose in plain words, e.g. 'Hold 20-30 s, 3 times per side'."""
        return dose_words(
            minutes=self.minutes,
            hold_seconds=self.hold_seconds,
            reps=self.reps,
            per_side=self.per_side,
            sets=self.sets,
            days_per_week=self.days_per_week,
        )


Amount = int | IntRange
"""How much of one dose dimension: a routine's chosen value, or the catalogue's safe range."""


def dose_words(
    *,
    minutes: Amount | None = None,
    hold_seconds: Amount | None = None,
    reps: Amount | None = None,
    per_side: bool = False,
    sets: Amount | None = None,
    days_per_week: IntRange | None = None,
) -> str:
    """A dose in plain words, the one wording for a catalogue's ranges and a routine's values.

    A chosen number of sets leads ('2 sets: hold 20 s, 3 times per side', one set goes
    unsaid); a range of sets follows the rest, as the catalogue reads ('8-15 times, 2-3 sets').
    """
    parts = []
    if minutes is not None:
        parts.append(
            ngettext("{count} minute", "{count} minutes", minutes).format(count=minutes)
            if isinstance(minutes, int)
            else _("{range} minutes").format(range=minutes)  # a range such as 20-30
        )
    if hold_seconds is not None:
        parts.append(_("hold {seconds} s").format(seconds=hold_seconds))
    if reps is not None:
        most = reps.max if isinstance(reps, IntRange) else reps
        times = (
            ngettext("{reps} time per side", "{reps} times per side", most)
            if per_side
            else ngettext("{reps} time", "{reps} times", most)
        )
        parts.append(times.format(reps=reps))
    if isinstance(sets, IntRange):
        parts.append(_("{sets} sets").format(sets=sets))
    if days_per_week is not None:
        parts.append(
            _("daily")
            if days_per_week.min == 7
            else _("{days} days a week").format(days=days_per_week)
        )
    text = ", ".join(parts)
    if isinstance(sets, int) and sets > 1:
        text = _("{sets} sets: {dose}").format(sets=sets, dose=text)
    return text[:1].upper() + text[1:]


class Exercise(Frozen):
    """One exercise or modification in the catalogue."""

    id: str = Field(pattern=SLUG, description="Stable slug.")
    name: Text = Field(min_length=3, max_length=80, description="Short name.")
    kind: Kind = Field(description="Stretch, strengthening, aerobic or nerve mobility.")
    target_areas: tuple[TargetArea, ...] = Field(min_length=1, description="Body areas worked.")
    position: Position = Field(description="Starting position.")
    equipment: tuple[Equipment, ...] = Field(min_length=1, description="What you need.")
    level: Level = Field(description="Gentle or moderate.")
    dose: Dose = Field(description="How long, how many, how often.")
    steps: tuple[Text, ...] = Field(min_length=2, description="Numbered steps, in order.")
    purpose: Text = Field(min_length=20, description="What it does and why it may help.")
    form_cues: tuple[Text, ...] = Field(min_length=1, description="How to do it well.")
    stop_if: tuple[Text, ...] = Field(min_length=1, description="When to stop.")
    pregnancy_note: Text | None = Field(None, min_length=10, description="Advice in pregnancy.")
    sources: tuple[str, ...] = Field(min_length=1, description="Ids in data/sources.yaml.")
    illustration: Illustration = Field(description="Picture of start and end positions.")
    movements: tuple[Movement, ...] = Field(
        (), description="Movements some people are advised to avoid (About me)."
    )
    parent: str | None = Field(None, pattern=SLUG, description="Exercise this modifies.")
    comfort_option: bool = Field(
        False, description="A comfort option of its family's main exercise, not a ladder step."
    )
    ladder: int = Field(1, ge=1, description="Place in its family, 1 = easiest.")
    choose_if: Text | None = Field(
        None, min_length=10, validate_default=True, description="When to pick this variant."
    )

    @field_validator("dose")
    @classmethod
    def _dose_fits_kind(cls, dose: Dose, info: ValidationInfo) -> Dose:
        kind = info.data.get("kind")
        counted = dose.reps is not None or dose.hold_seconds is not None
        if kind is Kind.AEROBIC and (dose.minutes is None or counted):
            raise ValueError("aerobic activity needs minutes, and no reps or hold_seconds")
        if kind is not None and kind is not Kind.AEROBIC and dose.reps is None:
            raise ValueError(f"a {kind.label.lower()} exercise needs reps")
        if kind is Kind.STRETCH and dose.hold_seconds is None:
            raise ValueError("a stretch needs hold_seconds")
        return dose

    @field_validator("sources")
    @classmethod
    def _sources_known(cls, ids: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        known = (info.context or {}).get("sources")
        unknown = [source for source in ids if known is not None and source not in known]
        if unknown:
            raise ValueError(f"unknown source {', '.join(repr(s) for s in unknown)}")
        return ids

    @field_validator("choose_if")
    @classmethod
    def _modification_explains_choice(cls, text: str | None, info: ValidationInfo) -> str | None:
        if info.data.get("parent") is not None and text is None:
            raise ValueError("a modification (with a parent) needs choose_if text")
        if info.data.get("comfort_option") and info.data.get("parent") is None:
            raise ValueError("a comfort option needs the parent it is a comfort option of")
        return text

    @property
    def family_id(self) -> str:
        """Id of the family root: the parent for a modification, else itself."""
        return self.parent or self.id


class Catalog(Frozen):
    """Every exercise and the sources they cite, in file order."""

    sources: tuple[Source, ...]
    exercises: tuple[Exercise, ...]

    @cached_property
    def by_id(self) -> dict[str, Exercise]:
        """Exercises by id."""
        return {exercise.id: exercise for exercise in self.exercises}

    @cached_property
    def sources_by_id(self) -> dict[str, Source]:
        """Sources by id."""
        return {source.id: source for source in self.sources}

    def get(self, exercise_id: str) -> Exercise:
        """The exercise with this id; KeyError if there is none."""
        return self.by_id[exercise_id]


class ExerciseFilter(Frozen):
    """What the user chose to narrow the catalogue; empty sets mean 'any'."""

    search: str = Field("", description="Words to find in name, purpose or steps.")
    kinds: frozenset[Kind] = Field(frozenset(), description="Kinds of exercise.")
    target_areas: frozenset[TargetArea] = Field(frozenset(), description="Any of these areas.")
    positions: frozenset[Position] = Field(frozenset(), description="Starting positions.")
    equipment: frozenset[Equipment] = Field(frozenset(), description="Uses any of these.")
    levels: frozenset[Level] = Field(frozenset(), description="Gentle or moderate.")
    suits_today: bool = Field(False, description="Apply today_adjustment from the check-in.")

    @field_validator("search", mode="before")
    @classmethod
    def _tidy_search(cls, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        return " ".join(value.split())[:SEARCH_MAX_CHARS].rstrip()


class TodayAdjustment(Frozen):
    """How today's symptoms change what the exercise list shows."""

    gentle_only: bool = Field(description="Show only gentle exercises.")
    easier_first: bool = Field(description="List easier variants before harder ones.")
    reason: str | None = Field(None, description="One calm sentence saying why.")
