"""Flare-ups in the database: quick pain entries during a day, each the person's own.

Owns the Store's flare-up queries (`FlareStore`, mixed into `store.Store`), the diary's
`FlareRepository` port: add, change and delete one (a change or delete names the person too, so
nobody reaches another's entry), read them by day, the light rows Progress counts (`FlareRow`)
and each day's range (`FlareDay`), both defined in `sciatica.diary.ports`, and writing an
import's entries.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select
from sqlalchemy import update as sql_update

from sciatica import clock
from sciatica.diary.models import FlareEntry, FlareInput
from sciatica.diary.ports import FlareDay, FlareRow
from sciatica.storage.base import StoreBase, aware
from sciatica.storage.schema import flare_entries

_INPUT_FIELDS = tuple(FlareInput.model_fields)


def _values(entry: FlareInput) -> dict[str, Any]:
    values = {name: getattr(entry, name) for name in _INPUT_FIELDS}
    values["triggers"], values["helped"] = list(entry.triggers), list(entry.helped)
    return values


def _sameness(flare: FlareInput) -> tuple[object, ...]:
    """What makes two flare-ups of a day the same, whatever their ids and timestamps."""
    return (flare.at, flare.leg_pain, flare.back_pain, flare.triggers, flare.helped, flare.note)


def _row_to_flare(row: Any) -> FlareEntry:
    data = dict(row._mapping)
    data.pop("user_id", None)
    for name in ("at", "created_at", "updated_at"):
        data[name] = aware(data[name])
    data["triggers"], data["helped"] = tuple(data["triggers"]), tuple(data["helped"])
    return FlareEntry.model_validate(data)


class FlareStore(StoreBase):
    """The person's flare-ups: as many a day as they note, each scoped to its owner."""

    def add_flare(self, *, user_id: str, entry: FlareInput) -> FlareEntry:
        """Insert a flare-up; committed when this returns."""
        now = clock.now()
        values = {"user_id": user_id, "created_at": now, "updated_at": now, **_values(entry)}
        with self._write() as connection:
            self._ensure_user(connection, user_id)
            new_id: int = connection.execute(
                insert(flare_entries).values(values).returning(flare_entries.c.id)
            ).scalar_one()
        return self._flare(user_id, new_id)

    def change_flare(self, *, user_id: str, flare_id: int, entry: FlareInput) -> FlareEntry:
        """Replace one of the person's flare-ups; LookupError if it is not theirs."""
        with self._write() as connection:
            changed = connection.execute(
                sql_update(flare_entries)
                .where(flare_entries.c.id == flare_id, flare_entries.c.user_id == user_id)
                .values(updated_at=clock.now(), **_values(entry))
            )
            if not changed.rowcount:
                raise LookupError(f"No flare-up {flare_id} for this user.")
        return self._flare(user_id, flare_id)

    def delete_flare(self, *, user_id: str, flare_id: int) -> None:
        """Delete one of the person's flare-ups; LookupError if it is not theirs."""
        with self._write() as connection:
            removed = connection.execute(
                delete(flare_entries).where(
                    flare_entries.c.id == flare_id, flare_entries.c.user_id == user_id
                )
            )
            if not removed.rowcount:
                raise LookupError(f"No flare-up {flare_id} for this user.")

    def _flare(self, user_id: str, flare_id: int) -> FlareEntry:
        query = select(flare_entries).where(
            flare_entries.c.id == flare_id, flare_entries.c.user_id == user_id
        )
        with self._read() as connection:
            row = connection.execute(query).first()
        if row is None:  # pragma: no cover - a committed row is always readable
            raise LookupError(f"No flare-up {flare_id} for this user.")
        return _row_to_flare(row)

    def flares_between(self, *, user_id: str, start: date, end: date) -> list[FlareEntry]:
        """Flare-ups from start to end inclusive (by the person's day), oldest first."""
        c = flare_entries.c
        query = (
            select(flare_entries)
            .where(c.user_id == user_id, c.day.between(start, end))
            .order_by(c.at, c.id)
        )
        with self._read() as connection:
            return [_row_to_flare(row) for row in connection.execute(query)]

    def flare_rows(self, *, user_id: str, start: date, end: date) -> list[FlareRow]:
        """Each flare-up's day, leg pain and choices from start to end inclusive, oldest first."""
        c = flare_entries.c
        query = (
            select(c.day, c.leg_pain, c.triggers, c.helped)
            .where(c.user_id == user_id, c.day.between(start, end))
            .order_by(c.day, c.at)
        )
        with self._read() as connection:
            return [
                FlareRow(day, leg, tuple(triggers or ()), tuple(helped or ()))
                for day, leg, triggers, helped in connection.execute(query)
            ]

    def flare_days(self, *, user_id: str, start: date, end: date) -> list[FlareDay]:
        """Each day with flare-ups from start to end inclusive, in numbers, oldest first."""
        c = flare_entries.c
        query = (
            select(c.day, func.min(c.leg_pain), func.max(c.leg_pain), func.count())
            .where(c.user_id == user_id, c.day.between(start, end))
            .group_by(c.day)
            .order_by(c.day)
        )
        with self._read() as connection:
            return [FlareDay(*row) for row in connection.execute(query)]

    def count_flares(self, *, user_id: str) -> int:
        """How many flare-ups the person has noted."""
        query = select(func.count()).select_from(flare_entries)
        with self._read() as connection:
            return int(
                connection.execute(query.where(flare_entries.c.user_id == user_id)).scalar_one()
            )

    def _put_flares(
        self,
        connection: Connection,
        user_id: str,
        flares: Sequence[FlareInput],
        *,
        replace_existing: bool,
    ) -> tuple[int, int, int, int]:
        """An import's flare-ups, by day: a day the diary has is replaced, or kept as it is.

        Returns (flare-ups added on days that had none, days replaced, days that already held
        exactly the file's, days kept as they were).
        """
        if not flares:
            return 0, 0, 0, 0
        days = sorted({flare.day for flare in flares})
        c = flare_entries.c
        held: dict[date, list[tuple[object, ...]]] = {}
        for row in connection.execute(
            select(flare_entries).where(c.user_id == user_id, c.day.in_(days))
        ):
            held.setdefault(row.day, []).append(_sameness(_row_to_flare(row)))
        offered: dict[date, list[FlareInput]] = {}
        for flare in flares:
            offered.setdefault(flare.day, []).append(flare)
        added = replaced = same = kept = 0
        written: list[FlareInput] = []
        for day, entries in offered.items():
            if day not in held:
                written.extend(entries)
                added += len(entries)
            elif sorted(map(_sameness, entries), key=repr) == sorted(held[day], key=repr):
                same += 1
            elif replace_existing:
                connection.execute(delete(flare_entries).where(c.user_id == user_id, c.day == day))
                written.extend(entries)
                replaced += 1
            else:
                kept += 1
        now = clock.now()
        rows = [
            {"user_id": user_id, "created_at": now, "updated_at": now, **_values(flare)}
            for flare in written
        ]
        if rows:
            connection.execute(insert(flare_entries), rows)
        return added, replaced, same, kept

    def _delete_flares(self, connection: Connection, user_id: str) -> None:
        connection.execute(delete(flare_entries).where(flare_entries.c.user_id == user_id))
