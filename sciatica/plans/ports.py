"""What routines and sessions need from storage: their ports, and the error a decision raises.

Each service here takes the store as an argument, typed by the small Protocol of what it calls:
routines (`RoutineRepository`), logged sessions (`SessionRepository`), decisions on
suggestions and the changes they made (`DecisionRepository`), all three (`Plans`), or the plans
with the diary they answer to (`PlanDiary`), for the rules that read sessions against the
check-ins. `sciatica.storage.Store` implements them; the tests' in-memory fake
(`tests/fakes.py`) does too, held to the same contract suite. Imports only models and the
diary's ports: storage imports this module, never the other way round.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Protocol

from sciatica.diary.ports import Diary
from sciatica.plans.models import (
    Change,
    Decision,
    Routine,
    RoutineInput,
    RoutineItem,
    Session,
    SessionInput,
)


class StaleRoutine(ValueError):
    """The routine's doses changed since the suggestion was made from them."""


class RoutineRepository(Protocol):
    """The person's routines, at most one of them active, each followed at its current doses."""

    def save_routine(
        self,
        *,
        user_id: str,
        routine: RoutineInput,
        routine_id: int | None = None,
        activate: bool = True,
        edit: Change | None = None,
    ) -> Routine:
        """Create (or replace) a routine at its own doses; `edit` records how they changed."""
        ...

    def get_routine(self, *, user_id: str, routine_id: int) -> Routine | None:
        """One of the person's routines."""
        ...

    def list_routines(self, *, user_id: str) -> list[Routine]:
        """The person's routines, the active one first, then newest first."""
        ...

    def active_routine(self, *, user_id: str) -> Routine | None:
        """The routine the person is following, if any."""
        ...

    def set_active_routine(self, *, user_id: str, routine_id: int) -> None:
        """Make one routine the active one; LookupError if it is not theirs."""
        ...

    def delete_routine(self, *, user_id: str, routine_id: int) -> bool:
        """Delete a routine (its sessions stay, no longer linked); True if it existed."""
        ...


class SessionRepository(Protocol):
    """The sessions the person logged, at most one a day."""

    def save_session(self, *, user_id: str, session: SessionInput) -> Session:
        """Keep a logged session; committed when this returns."""
        ...

    def sessions_between(self, *, user_id: str, start: date, end: date) -> list[Session]:
        """Sessions from start to end inclusive, oldest first."""
        ...

    def recent_sessions(self, *, user_id: str, limit: int) -> list[Session]:
        """The latest sessions, newest last."""
        ...


class DecisionRepository(Protocol):
    """Decisions on suggestions, and the changes to a routine's doses they made."""

    def record_decision(
        self,
        *,
        user_id: str,
        routine_id: int,
        session_id: int | None,
        key: str,
        change: Change,
        before: Sequence[RoutineItem],
        after: Sequence[RoutineItem] | None = None,
    ) -> None:
        """Record a decision; with `after`, the doses change from `before` (else StaleRoutine).

        LookupError for a routine or session of someone else. A second decision on the same
        suggestion changes nothing.
        """
        ...

    def find_decision(self, *, user_id: str, routine_id: int, key: str) -> Decision | None:
        """The decision already made on a suggestion, if any."""
        ...

    def last_change(self, *, user_id: str, routine_id: int) -> Decision | None:
        """The routine's latest decision that changed its doses."""
        ...

    def routine_history(
        self, *, user_id: str, routine_id: int, limit: int | None = None
    ) -> list[Decision]:
        """The decisions that changed the routine's doses, newest first."""
        ...


class Plans(RoutineRepository, SessionRepository, DecisionRepository, Protocol):
    """Routines, sessions and decisions together."""


class PlanDiary(Plans, Diary, Protocol):
    """The plans and the diary they answer to: the rules read sessions against the check-ins."""
