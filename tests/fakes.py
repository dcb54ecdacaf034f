"""An in-memory diary: the domain's ports (`diary.ports`, `plans.ports`) kept in dictionaries.

The rules of the diary, the plans and progress are tested on it without a database. It keeps
to the same contract as `sciatica.storage.Store`: `tests/integration/test_ports_contract.py`
runs one suite of cases against both (SQLite and PostgreSQL), so the fake cannot drift from the
real thing. Every read hands back a fresh model, as a database would, and every query is scoped
to its person. mypy checks it against the ports (pyproject.toml), so a port that gains a method
fails lint until the fake has it too.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sciatica import clock
from sciatica.diary.models import (
    SBI_FIELDS,
    STORED,
    AboutMe,
    CheckIn,
    CheckInInput,
    FlareEntry,
    FlareInput,
    SignSeen,
    TriageLevel,
)
from sciatica.diary.ports import CheckInChanged, DailyRow, FlareDay, FlareRow, SavedCheckIn
from sciatica.plans.models import (
    Change,
    Decision,
    Routine,
    RoutineInput,
    RoutineItem,
    Session,
    SessionInput,
)
from sciatica.plans.ports import PlanDiary, StaleRoutine

_ALERT_LEVELS = (TriageLevel.URGENT, TriageLevel.EMERGENCY)


@dataclass
class _Person:
    """Everything one person keeps, as the tables would hold it."""

    check_ins: dict[date, CheckIn] = field(default_factory=dict)
    flares: dict[int, FlareEntry] = field(default_factory=dict)
    about_me: AboutMe | None = None
    signs_seen: list[SignSeen] = field(default_factory=list)
    routines: dict[int, Routine] = field(default_factory=dict)
    sessions: dict[int, Session] = field(default_factory=dict)
    decisions: dict[int, Decision] = field(default_factory=dict)


class InMemoryStore:
    """The diary and the plans in memory: what a service needs, without a database."""

    def __init__(self) -> None:
        self._people: defaultdict[str, _Person] = defaultdict(_Person)
        self._ids = itertools.count(1)  # one sequence for every kind: ids are never reused

    def _person(self, user_id: str) -> _Person:
        return self._people[user_id]

    # Check-ins ---------------------------------------------------------------------------

    def save_check_in(
        self, *, user_id: str, entry: CheckInInput, triage_level: TriageLevel
    ) -> SavedCheckIn:
        """Insert or replace the check-in for its day."""
        days = self._person(user_id).check_ins
        earlier = days.get(entry.day)
        now = clock.now()
        days[entry.day] = CheckIn.model_validate(
            {
                **entry.model_dump(),
                "id": earlier.id if earlier else next(self._ids),
                "user_id": user_id,
                "triage_level": triage_level,
                "created_at": earlier.created_at if earlier else now,
                "updated_at": now,
            },
            context=STORED,
        )
        saved = self.get_check_in(user_id=user_id, day=entry.day)
        assert saved is not None
        return SavedCheckIn(check_in=saved, updated=earlier is not None)

    def save_check_in_if_unchanged(
        self,
        *,
        user_id: str,
        entry: CheckInInput,
        triage_level: TriageLevel,
        seen: datetime | None,
    ) -> SavedCheckIn:
        """Save only if the day still holds what the form was opened with, else CheckInChanged."""
        current = self.get_check_in(user_id=user_id, day=entry.day)
        if (current.updated_at if current else None) != seen:
            raise CheckInChanged(current)
        return self.save_check_in(user_id=user_id, entry=entry, triage_level=triage_level)

    def get_check_in(self, *, user_id: str, day: date) -> CheckIn | None:
        """The check-in of a day, if there is one."""
        found = self._person(user_id).check_ins.get(day)
        return found.model_copy() if found else None

    def latest_check_in(self, *, user_id: str, before: date | None = None) -> CheckIn | None:
        """The most recent check-in, or the most recent strictly before a day."""
        earlier = [
            entry for entry in self._check_ins(user_id) if before is None or entry.day < before
        ]
        return earlier[-1] if earlier else None

    def check_ins_between(self, *, user_id: str, start: date, end: date) -> list[CheckIn]:
        """Check-ins from start to end inclusive, oldest first."""
        return [entry for entry in self._check_ins(user_id) if start <= entry.day <= end]

    def first_check_in_day(self, *, user_id: str) -> date | None:
        """The day of the first check-in."""
        return min(self._person(user_id).check_ins, default=None)

    def last_sbi_day(self, *, user_id: str, before: date | None = None) -> date | None:
        """The latest day (before a day, if given) with the bothersomeness questions answered."""
        answered = [
            entry.day
            for entry in self._check_ins(user_id)
            if getattr(entry, SBI_FIELDS[0]) is not None and (before is None or entry.day < before)
        ]
        return max(answered, default=None)

    def daily_rows(self, *, user_id: str, start: date, end: date) -> list[DailyRow]:
        """The numbers of each check-in from start to end inclusive, oldest first."""
        rows = []
        for entry in self.check_ins_between(user_id=user_id, start=start, end=end):
            sbi = [getattr(entry, name) for name in SBI_FIELDS]
            rows.append(
                DailyRow(
                    day=entry.day,
                    leg_pain=entry.leg_pain,
                    back_pain=entry.back_pain,
                    sbi_total=None if None in sbi else sum(sbi),
                    walking_interference=entry.walking_interference,
                    sitting_interference=entry.sitting_interference,
                    sleeping_interference=entry.sleeping_interference,
                    activity_minutes=entry.activity_minutes,
                    triage_level=entry.triage_level.value,
                )
            )
        return rows

    def _check_ins(self, user_id: str) -> list[CheckIn]:
        days = self._person(user_id).check_ins
        return [days[day].model_copy() for day in sorted(days)]

    # Flare-ups ---------------------------------------------------------------------------

    def add_flare(self, *, user_id: str, entry: FlareInput) -> FlareEntry:
        """Add a flare-up."""
        now = clock.now()
        flare_id = next(self._ids)
        self._person(user_id).flares[flare_id] = FlareEntry.model_validate(
            {**entry.model_dump(), "id": flare_id, "created_at": now, "updated_at": now}
        )
        return self._person(user_id).flares[flare_id].model_copy()

    def change_flare(self, *, user_id: str, flare_id: int, entry: FlareInput) -> FlareEntry:
        """Replace one of the person's flare-ups; LookupError if it is not theirs."""
        flares = self._person(user_id).flares
        if flare_id not in flares:
            raise LookupError(f"No flare-up {flare_id} for this user.")
        flares[flare_id] = FlareEntry.model_validate(
            {
                **entry.model_dump(),
                "id": flare_id,
                "created_at": flares[flare_id].created_at,
                "updated_at": clock.now(),
            }
        )
        return flares[flare_id].model_copy()

    def delete_flare(self, *, user_id: str, flare_id: int) -> None:
        """Delete one of the person's flare-ups; LookupError if it is not theirs."""
        if self._person(user_id).flares.pop(flare_id, None) is None:
            raise LookupError(f"No flare-up {flare_id} for this user.")

    def flares_between(self, *, user_id: str, start: date, end: date) -> list[FlareEntry]:
        """Flare-ups from start to end inclusive (by the person's day), oldest first."""
        chosen = [f for f in self._person(user_id).flares.values() if start <= f.day <= end]
        return [flare.model_copy() for flare in sorted(chosen, key=lambda f: (f.at, f.id))]

    def flare_rows(self, *, user_id: str, start: date, end: date) -> list[FlareRow]:
        """Each flare-up's day, leg pain and choices from start to end inclusive, oldest first."""
        chosen = self.flares_between(user_id=user_id, start=start, end=end)
        return [
            FlareRow(flare.day, flare.leg_pain, flare.triggers, flare.helped)
            for flare in sorted(chosen, key=lambda f: (f.day, f.at))
        ]

    def flare_days(self, *, user_id: str, start: date, end: date) -> list[FlareDay]:
        """Each day with flare-ups from start to end inclusive, in numbers, oldest first."""
        by_day: defaultdict[date, list[int]] = defaultdict(list)
        for flare in self.flares_between(user_id=user_id, start=start, end=end):
            by_day[flare.day].append(flare.leg_pain)
        return [
            FlareDay(day, min(pains), max(pains), len(pains))
            for day, pains in sorted(by_day.items())
        ]

    # About me and signs seen about -------------------------------------------------------

    def get_about_me(self, *, user_id: str) -> AboutMe | None:
        """The person's About-me answers, or None if never answered."""
        answers = self._person(user_id).about_me
        return answers.model_copy() if answers else None

    def save_about_me(self, *, user_id: str, answers: AboutMe) -> None:
        """Keep the person's About-me answers, replacing any earlier ones."""
        self._person(user_id).about_me = answers.model_copy()

    def signs_seen(self, *, user_id: str) -> list[SignSeen]:
        """Every 'I have been seen about this', oldest first."""
        seen = self._person(user_id).signs_seen
        order = sorted(range(len(seen)), key=lambda index: (seen[index].seen_on, index))
        return [seen[index].model_copy() for index in order]

    def record_signs_seen(self, *, user_id: str, seen: Sequence[SignSeen]) -> None:
        """Remember that the person has been seen about these signs (each record once)."""
        known = self._person(user_id).signs_seen
        for item in seen:
            if item not in known:
                known.append(item.model_copy())

    def flagged_days(self, *, user_id: str) -> list[tuple[date, frozenset[str]]]:
        """Each day whose check-in carried an urgent or emergency sign, with its signs."""
        return [
            (entry.day, frozenset(entry.red_flags))
            for entry in self._check_ins(user_id)
            if entry.triage_level in _ALERT_LEVELS
        ]

    # Routines ----------------------------------------------------------------------------

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
        routines = self._person(user_id).routines
        earlier = self._owned(user_id, routine_id) if routine_id is not None else None
        if activate:
            self._deactivate_all(user_id)
        now = clock.now()
        new_id = earlier.id if earlier else next(self._ids)
        routines[new_id] = Routine.model_validate(
            {
                **routine.model_dump(),
                "id": new_id,
                "user_id": user_id,
                "active": activate or (earlier.active if earlier else False),
                "current_items": routine.items,
                "created_at": earlier.created_at if earlier else now,
                "updated_at": now,
            },
            context=STORED,
        )
        if earlier is not None and edit is not None:
            self._add_decision(user_id, new_id, edit, key=f"edit:{now.isoformat()}")
        return routines[new_id].model_copy()

    def get_routine(self, *, user_id: str, routine_id: int) -> Routine | None:
        """One of the person's routines."""
        found = self._person(user_id).routines.get(routine_id)
        return found.model_copy() if found else None

    def list_routines(self, *, user_id: str) -> list[Routine]:
        """The person's routines, the active one first, then newest first."""
        routines = list(self._person(user_id).routines.values())
        routines.sort(key=lambda routine: routine.id)
        routines.sort(key=lambda routine: (routine.active, routine.updated_at), reverse=True)
        return [routine.model_copy() for routine in routines]

    def active_routine(self, *, user_id: str) -> Routine | None:
        """The routine the person is following, if any."""
        active = [r for r in self._person(user_id).routines.values() if r.active]
        return active[0].model_copy() if active else None

    def set_active_routine(self, *, user_id: str, routine_id: int) -> None:
        """Make one routine the active one; LookupError if it is not theirs."""
        chosen = self._owned(user_id, routine_id)
        self._deactivate_all(user_id)
        self._person(user_id).routines[routine_id] = chosen.model_copy(update={"active": True})

    def delete_routine(self, *, user_id: str, routine_id: int) -> bool:
        """Delete a routine (its sessions stay, no longer linked); True if it existed."""
        person = self._person(user_id)
        for session in list(person.sessions.values()):
            if session.routine_id == routine_id:
                person.sessions[session.id] = session.model_copy(update={"routine_id": None})
        person.decisions = {
            key: decision
            for key, decision in person.decisions.items()
            if decision.routine_id != routine_id
        }
        return person.routines.pop(routine_id, None) is not None

    def _owned(self, user_id: str, routine_id: int) -> Routine:
        found = self._person(user_id).routines.get(routine_id)
        if found is None:
            raise LookupError(f"No routine {routine_id} for this user.")
        return found

    def _deactivate_all(self, user_id: str) -> None:
        routines = self._person(user_id).routines
        for key, routine in routines.items():
            if routine.active:
                routines[key] = routine.model_copy(update={"active": False})

    # Sessions ----------------------------------------------------------------------------

    def save_session(self, *, user_id: str, session: SessionInput) -> Session:
        """Keep a logged session; LookupError for a routine of someone else."""
        if session.routine_id is not None:
            self._owned(user_id, session.routine_id)
        session_id = next(self._ids)
        self._person(user_id).sessions[session_id] = Session.model_validate(
            {
                **session.model_dump(),
                "id": session_id,
                "user_id": user_id,
                "created_at": clock.now(),
            },
            context=STORED,
        )
        return self._person(user_id).sessions[session_id].model_copy()

    def sessions_between(self, *, user_id: str, start: date, end: date) -> list[Session]:
        """Sessions from start to end inclusive, oldest first."""
        return [s for s in self._sessions(user_id) if start <= s.day <= end]

    def recent_sessions(self, *, user_id: str, limit: int) -> list[Session]:
        """The latest sessions, newest last."""
        return self._sessions(user_id)[-limit:] if limit > 0 else []

    def _sessions(self, user_id: str) -> list[Session]:
        sessions = self._person(user_id).sessions.values()
        return [s.model_copy() for s in sorted(sessions, key=lambda s: (s.day, s.id))]

    # Decisions ---------------------------------------------------------------------------

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
        """Record a decision; with `after`, the doses change from `before` (else StaleRoutine)."""
        routine = self._owned(user_id, routine_id)
        if session_id is not None and session_id not in self._person(user_id).sessions:
            raise LookupError(f"No session {session_id} for this user.")
        if self.find_decision(user_id=user_id, routine_id=routine_id, key=key) is not None:
            return
        if after is not None:
            if routine.current_items != tuple(before):
                raise StaleRoutine("The routine changed since this was suggested.")
            self._person(user_id).routines[routine_id] = routine.model_copy(
                update={"current_items": tuple(after), "updated_at": clock.now()}
            )
        self._add_decision(user_id, routine_id, change, key=key, session_id=session_id)

    def find_decision(self, *, user_id: str, routine_id: int, key: str) -> Decision | None:
        """The decision already made on a suggestion, if any."""
        for decision in self._person(user_id).decisions.values():
            if decision.routine_id == routine_id and decision.key == key:
                return decision.model_copy()
        return None

    def last_change(self, *, user_id: str, routine_id: int) -> Decision | None:
        """The routine's latest decision that changed its doses."""
        history = self.routine_history(user_id=user_id, routine_id=routine_id, limit=1)
        return history[0] if history else None

    def routine_history(
        self, *, user_id: str, routine_id: int, limit: int | None = None
    ) -> list[Decision]:
        """The decisions that changed the routine's doses, newest first."""
        changed = [
            decision
            for decision in self._person(user_id).decisions.values()
            if decision.routine_id == routine_id and decision.changed
        ]
        changed.sort(key=lambda d: (d.day, d.created_at, d.id), reverse=True)
        return [decision.model_copy() for decision in changed[:limit]]

    def _add_decision(
        self,
        user_id: str,
        routine_id: int,
        change: Change,
        *,
        key: str,
        session_id: int | None = None,
    ) -> None:
        decision_id = next(self._ids)
        values: dict[str, Any] = {
            **change.model_dump(),
            "id": decision_id,
            "routine_id": routine_id,
            "session_id": session_id,
            "key": key,
            "created_at": clock.now(),
        }
        self._person(user_id).decisions[decision_id] = Decision.model_validate(
            values, context=STORED
        )


def implements_the_ports(fake: InMemoryStore) -> PlanDiary:
    """The fake is a `PlanDiary` (and so every smaller port): mypy checks this line."""
    return fake
