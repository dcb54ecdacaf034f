"""Check-ins in the database: saving one a day, reading them back, deleting them.

Owns the check-in queries of the Store (`CheckInStore`, mixed into `store.Store`): it
implements the diary's `CheckInRepository` port, whose light row of one day's numbers
(`DailyRow`), report of a save (`SavedCheckIn`) and refusal of a day changed elsewhere since its
form was opened (`CheckInChanged`) live beside it in `sciatica.diary.ports`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select
from sqlalchemy import update as sql_update
from sqlalchemy.exc import IntegrityError

from sciatica import clock
from sciatica.diary.models import SBI_FIELDS, STORED, CheckIn, CheckInInput, TriageLevel
from sciatica.diary.ports import CheckInChanged, DailyRow, SavedCheckIn
from sciatica.storage.base import StoreBase, StoreError, aware
from sciatica.storage.schema import check_ins

_INPUT_FIELDS = tuple(CheckInInput.model_fields)


def _row_to_check_in(row: Any) -> CheckIn:
    data = dict(row._mapping)
    data["red_flags"] = frozenset(data["red_flags"] or ())
    data["created_at"], data["updated_at"] = aware(data["created_at"]), aware(data["updated_at"])
    return CheckIn.model_validate(data, context=STORED)


def _values(entry: CheckInInput, triage_level: TriageLevel) -> dict[str, Any]:
    values = {name: getattr(entry, name) for name in _INPUT_FIELDS}
    values["extent"] = entry.extent.value
    values["side"] = entry.side.value if entry.side else None
    values["red_flags"] = sorted(entry.red_flags)
    values["triage_level"] = triage_level.value
    return values


class CheckInStore(StoreBase):
    """The user's daily check-ins: at most one a day, each scoped to one user."""

    def save_check_in_if_unchanged(
        self,
        *,
        user_id: str,
        entry: CheckInInput,
        triage_level: TriageLevel,
        seen: datetime | None,
    ) -> SavedCheckIn:
        """Save the check-in only if its day still holds what the form was opened with.

        `seen` is the `updated_at` of the day's check-in when the form was opened (None: there
        was none). Raises CheckInChanged, writing nothing, when another device saved the day
        since. The check and the write are one transaction, with the person's row held
        (`_lock_user`), so two devices saving at once cannot both pass it.
        """
        query = select(check_ins).where(
            check_ins.c.user_id == user_id, check_ins.c.day == entry.day
        )
        with self._write() as connection:
            self._lock_user(connection, user_id)
            row = connection.execute(query).first()
            current = _row_to_check_in(row) if row else None
            if (current.updated_at if current else None) != seen:
                raise CheckInChanged(current)
            updated = self._upsert(connection, user_id, entry, triage_level)
        saved = self.get_check_in(user_id=user_id, day=entry.day)
        if saved is None:  # pragma: no cover - a committed row is always readable
            raise StoreError("The check-in was not found after saving.")
        return SavedCheckIn(check_in=saved, updated=updated)

    def save_check_in(
        self, *, user_id: str, entry: CheckInInput, triage_level: TriageLevel
    ) -> SavedCheckIn:
        """Insert or replace the user's check-in for its day; committed when this returns."""
        with self._write() as connection:
            self._ensure_user(connection, user_id)
            updated = self._upsert(connection, user_id, entry, triage_level)
        saved = self.get_check_in(user_id=user_id, day=entry.day)
        if saved is None:  # pragma: no cover - a committed row is always readable
            raise StoreError("The check-in was not found after saving.")
        return SavedCheckIn(check_in=saved, updated=updated)

    def _upsert(
        self, connection: Connection, user_id: str, entry: CheckInInput, level: TriageLevel
    ) -> bool:
        values = _values(entry, level)
        now = clock.now()
        where = (check_ins.c.user_id == user_id) & (check_ins.c.day == entry.day)
        changed = connection.execute(
            sql_update(check_ins).where(where).values(updated_at=now, **values)
        )
        if changed.rowcount:
            return True
        try:
            with connection.begin_nested():
                connection.execute(
                    insert(check_ins).values(
                        user_id=user_id, created_at=now, updated_at=now, **values
                    )
                )
        except IntegrityError:
            # Another session saved the same day a moment ago: this save replaces it.
            # Any other integrity problem (a broken constraint) is not ours to hide.
            update = sql_update(check_ins).where(where).values(updated_at=now, **values)
            if not connection.execute(update).rowcount:
                raise
            return True
        return False

    def _check_in_counts(
        self,
        connection: Connection,
        user_id: str,
        entries: list[tuple[CheckInInput, TriageLevel]],
        *,
        replace_existing: bool,
    ) -> tuple[int, int, int, int]:
        """An import's check-ins written: (added, changed, the same already, kept as they were)."""
        days = [entry.day for entry, _ in entries]
        held = {
            row.day: dict(row._mapping)
            for row in connection.execute(
                select(check_ins).where(check_ins.c.user_id == user_id, check_ins.c.day.in_(days))
            )
        }
        added = changed = same = kept = 0
        for entry, level in entries:
            stored = held.get(entry.day)
            values = _values(entry, level)
            if stored is not None and all(stored[name] == value for name, value in values.items()):
                same += 1
            elif stored is not None and not replace_existing:
                kept += 1
            else:
                self._upsert(connection, user_id, entry, level)
                added, changed = (added + 1, changed) if stored is None else (added, changed + 1)
        return added, changed, same, kept

    def _days(self, connection: Connection, user_id: str) -> set[date]:
        query = select(check_ins.c.day).where(check_ins.c.user_id == user_id)
        return set(connection.execute(query).scalars())

    def existing_days(self, *, user_id: str) -> set[date]:
        """Every day the user has a check-in for."""
        with self._read() as connection:
            return self._days(connection, user_id)

    def get_check_in(self, *, user_id: str, day: date) -> CheckIn | None:
        """The user's check-in for a day, if there is one."""
        query = select(check_ins).where(check_ins.c.user_id == user_id, check_ins.c.day == day)
        with self._read() as connection:
            row = connection.execute(query).first()
        return _row_to_check_in(row) if row else None

    def latest_check_in(self, *, user_id: str, before: date | None = None) -> CheckIn | None:
        """The most recent check-in, or the most recent strictly before a day."""
        query = select(check_ins).where(check_ins.c.user_id == user_id)
        if before is not None:
            query = query.where(check_ins.c.day < before)
        with self._read() as connection:
            row = connection.execute(query.order_by(check_ins.c.day.desc()).limit(1)).first()
        return _row_to_check_in(row) if row else None

    def recent_check_ins(self, *, user_id: str, limit: int) -> list[CheckIn]:
        """The latest check-ins, newest first."""
        query = (
            select(check_ins)
            .where(check_ins.c.user_id == user_id)
            .order_by(check_ins.c.day.desc())
            .limit(limit)
        )
        with self._read() as connection:
            return [_row_to_check_in(row) for row in connection.execute(query)]

    def check_ins_between(self, *, user_id: str, start: date, end: date) -> list[CheckIn]:
        """Check-ins from start to end inclusive, oldest first."""
        query = (
            select(check_ins)
            .where(check_ins.c.user_id == user_id, check_ins.c.day.between(start, end))
            .order_by(check_ins.c.day)
        )
        with self._read() as connection:
            return [_row_to_check_in(row) for row in connection.execute(query)]

    def all_check_ins(self, *, user_id: str) -> list[CheckIn]:
        """Every check-in of the user, oldest first."""
        return self.check_ins_between(user_id=user_id, start=date.min, end=date.max)

    def daily_rows(self, *, user_id: str, start: date, end: date) -> list[DailyRow]:
        """The numbers of each check-in from start to end inclusive, oldest first."""
        c = check_ins.c
        # NULL if any item is unanswered, as the index is only defined for all four.
        sbi_total = c.sbi_leg_pain + c.sbi_numbness + c.sbi_weakness + c.sbi_sitting
        query = (
            select(
                c.day,
                c.leg_pain,
                c.back_pain,
                sbi_total.label("sbi_total"),
                c.walking_interference,
                c.sitting_interference,
                c.sleeping_interference,
                c.activity_minutes,
                c.triage_level,
            )
            .where(c.user_id == user_id, c.day.between(start, end))
            .order_by(c.day)
        )
        with self._read() as connection:
            return [DailyRow(*row) for row in connection.execute(query)]

    def first_check_in_day(self, *, user_id: str) -> date | None:
        """The day of the user's first check-in."""
        query = select(func.min(check_ins.c.day)).where(check_ins.c.user_id == user_id)
        with self._read() as connection:
            value: date | None = connection.execute(query).scalar()
        return value

    def last_sbi_day(self, *, user_id: str, before: date | None = None) -> date | None:
        """The latest day on which the weekly bothersomeness questions were answered."""
        query = select(func.max(check_ins.c.day)).where(
            check_ins.c.user_id == user_id, check_ins.c[SBI_FIELDS[0]].is_not(None)
        )
        if before is not None:
            query = query.where(check_ins.c.day < before)
        with self._read() as connection:
            value: date | None = connection.execute(query).scalar()
        return value

    def count_check_ins(self, *, user_id: str) -> int:
        """How many check-ins the user has."""
        query = select(func.count()).select_from(check_ins).where(check_ins.c.user_id == user_id)
        with self._read() as connection:
            return int(connection.execute(query).scalar_one())

    def delete_check_ins(self, *, user_id: str, days: Sequence[date] | None = None) -> int:
        """Delete some (or all) of the user's check-ins; returns how many went."""
        query = delete(check_ins).where(check_ins.c.user_id == user_id)
        if days is not None:
            query = query.where(check_ins.c.day.in_(days))
        with self._write() as connection:
            return int(connection.execute(query).rowcount)
