"""What the diary needs from storage: its ports, and the light rows that cross them.

Each service of the diary takes the store as an argument, typed by the small Protocol of what it
calls: check-ins (`CheckInRepository`), flare-ups (`FlareRepository`), About me and the signs
seen about (`SafetyRepository`), or all three (`Diary`). `sciatica.storage.Store` implements
them on SQLite and PostgreSQL; the tests' in-memory fake (`tests/fakes.py`) implements them in
a few dictionaries, and one contract suite runs the same cases on both. The rows here are what
storage hands back without building full models. Like the models, this module imports nothing
above them: storage imports it, never the other way round.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple, Protocol

from sciatica.diary.models import (
    AboutMe,
    CheckIn,
    CheckInInput,
    FlareEntry,
    FlareInput,
    SignSeen,
    TriageLevel,
)


class CheckInChanged(ValueError):
    """The day's check-in changed (saved from another device) since the form was opened.

    Nothing was saved; `current` is what the diary holds for the day now (None: deleted).
    """

    def __init__(self, current: CheckIn | None) -> None:
        self.current = current
        super().__init__("This day's check-in changed since the form was opened.")


class DailyRow(NamedTuple):
    """One day's numbers for charts and summaries, read without building full models."""

    day: date
    leg_pain: int
    back_pain: int
    sbi_total: int | None
    walking_interference: int
    sitting_interference: int
    sleeping_interference: int
    activity_minutes: int
    triage_level: str


@dataclass(frozen=True, slots=True)
class SavedCheckIn:
    """A check-in after it was committed, and whether it replaced an earlier one that day."""

    check_in: CheckIn
    updated: bool


class FlareRow(NamedTuple):
    """One flare-up's numbers and choices for Progress, read without building full models."""

    day: date
    leg_pain: int
    triggers: tuple[str, ...]
    helped: tuple[str, ...]


class FlareDay(NamedTuple):
    """One day's flare-ups in numbers: the lowest and highest leg pain noted, and how many."""

    day: date
    lowest: int
    highest: int
    entries: int


class CheckInRepository(Protocol):
    """The person's daily check-ins: at most one a day, each read back as it was saved."""

    def save_check_in(
        self, *, user_id: str, entry: CheckInInput, triage_level: TriageLevel
    ) -> SavedCheckIn:
        """Insert or replace the check-in for its day; committed when this returns."""
        ...

    def save_check_in_if_unchanged(
        self,
        *,
        user_id: str,
        entry: CheckInInput,
        triage_level: TriageLevel,
        seen: datetime | None,
    ) -> SavedCheckIn:
        """Save only if the day still holds what the form was opened with (`seen`: its
        check-in's `updated_at`, None for none); CheckInChanged, saving nothing, otherwise."""
        ...

    def get_check_in(self, *, user_id: str, day: date) -> CheckIn | None:
        """The check-in of a day, if there is one."""
        ...

    def latest_check_in(self, *, user_id: str, before: date | None = None) -> CheckIn | None:
        """The most recent check-in, or the most recent strictly before a day."""
        ...

    def check_ins_between(self, *, user_id: str, start: date, end: date) -> list[CheckIn]:
        """Check-ins from start to end inclusive, oldest first."""
        ...

    def first_check_in_day(self, *, user_id: str) -> date | None:
        """The day of the first check-in."""
        ...

    def last_sbi_day(self, *, user_id: str, before: date | None = None) -> date | None:
        """The latest day (before a day, if given) with the bothersomeness questions answered."""
        ...

    def daily_rows(self, *, user_id: str, start: date, end: date) -> list[DailyRow]:
        """The numbers of each check-in from start to end inclusive, oldest first."""
        ...


class FlareRepository(Protocol):
    """The person's flare-ups: as many a day as they note, each reachable only by its owner."""

    def add_flare(self, *, user_id: str, entry: FlareInput) -> FlareEntry:
        """Add a flare-up; committed when this returns."""
        ...

    def change_flare(self, *, user_id: str, flare_id: int, entry: FlareInput) -> FlareEntry:
        """Replace one of the person's flare-ups; LookupError if it is not theirs."""
        ...

    def delete_flare(self, *, user_id: str, flare_id: int) -> None:
        """Delete one of the person's flare-ups; LookupError if it is not theirs."""
        ...

    def flares_between(self, *, user_id: str, start: date, end: date) -> list[FlareEntry]:
        """Flare-ups from start to end inclusive (by the person's day), oldest first."""
        ...

    def flare_rows(self, *, user_id: str, start: date, end: date) -> list[FlareRow]:
        """Each flare-up's day, leg pain and choices from start to end inclusive, oldest first."""
        ...

    def flare_days(self, *, user_id: str, start: date, end: date) -> list[FlareDay]:
        """Each day with flare-ups from start to end inclusive, in numbers, oldest first."""
        ...


class SafetyRepository(Protocol):
    """About me, the signs the person has been seen about, and the days a sign was ticked."""

    def get_about_me(self, *, user_id: str) -> AboutMe | None:
        """The person's About-me answers, or None if never answered."""
        ...

    def save_about_me(self, *, user_id: str, answers: AboutMe) -> None:
        """Keep the person's About-me answers, replacing any earlier ones."""
        ...

    def signs_seen(self, *, user_id: str) -> list[SignSeen]:
        """Every 'I have been seen about this', oldest first."""
        ...

    def record_signs_seen(self, *, user_id: str, seen: Sequence[SignSeen]) -> None:
        """Remember that the person has been seen about these signs."""
        ...

    def flagged_days(self, *, user_id: str) -> list[tuple[date, frozenset[str]]]:
        """Each day whose check-in carried an urgent or emergency sign, with its signs."""
        ...


class Diary(CheckInRepository, FlareRepository, SafetyRepository, Protocol):
    """The whole diary, for a service that reads across it (Today, the plan's rules)."""
