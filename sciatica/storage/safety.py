"""About me and the warning signs a person has been seen about, in the database.

Owns the Store's safety queries (`SafetyStore`, mixed into `store.Store`): the one About-me row
per person, the "I have been seen about this" records, and the days on which an urgent or
emergency sign was ticked (read from the check-ins by their stored triage level, which any such
sign raises to at least urgent).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import Connection, delete, insert, select

from sciatica import clock
from sciatica.diary.models import STORED, AboutMe, SignSeen, TriageLevel
from sciatica.storage.base import StoreBase
from sciatica.storage.schema import about_me, check_ins, signs_seen

_ABOUT_FIELDS = tuple(AboutMe.model_fields)
_ALERT_LEVELS = tuple(level.value for level in TriageLevel if level.stands)


class SafetyStore(StoreBase):
    """About me, signs seen about, and the days a warning sign was ticked; one user at a time."""

    def get_about_me(self, *, user_id: str) -> AboutMe | None:
        """The person's About-me answers, or None if never answered."""
        with self._read() as connection:
            return self._about_me_row(connection, user_id)

    def _about_me_row(self, connection: Connection, user_id: str) -> AboutMe | None:
        query = select(*(about_me.c[name] for name in _ABOUT_FIELDS)).where(
            about_me.c.user_id == user_id
        )
        row = connection.execute(query).first()
        return AboutMe.model_validate(dict(row._mapping), context=STORED) if row else None

    def save_about_me(self, *, user_id: str, answers: AboutMe) -> None:
        """Store the person's About-me answers, replacing any earlier ones."""
        with self._write() as connection:
            self._ensure_user(connection, user_id)
            self._put_about_me(connection, user_id, answers)

    def _put_about_me(self, connection: Connection, user_id: str, answers: AboutMe) -> None:
        connection.execute(delete(about_me).where(about_me.c.user_id == user_id))
        connection.execute(
            insert(about_me).values(user_id=user_id, updated_at=clock.now(), **answers.model_dump())
        )

    def signs_seen(self, *, user_id: str) -> list[SignSeen]:
        """Every answer about a standing sign ('I have been seen about this'...), oldest first."""
        c = signs_seen.c
        query = (
            select(c.flag_id, c.sign_day, c.seen_on, c.answer)
            .where(c.user_id == user_id)
            .order_by(c.seen_on, c.id)
        )
        with self._read() as connection:
            return [
                SignSeen.model_validate(dict(row._mapping), context=STORED)
                for row in connection.execute(query)
            ]

    def record_signs_seen(self, *, user_id: str, seen: Sequence[SignSeen]) -> None:
        """Remember what the person said about these standing signs."""
        with self._write() as connection:
            self._ensure_user(connection, user_id)
            self._add_signs_seen(connection, user_id, seen)

    def _add_signs_seen(
        self, connection: Connection, user_id: str, seen: Sequence[SignSeen]
    ) -> None:
        c = signs_seen.c
        query = select(c.flag_id, c.sign_day, c.seen_on, c.answer).where(c.user_id == user_id)
        known = {SignSeen.model_validate(dict(row._mapping)) for row in connection.execute(query)}
        now = clock.now()
        for item in seen:
            if item in known:
                continue  # the same record again (an import of the same file): kept once
            known.add(item)
            connection.execute(
                insert(signs_seen).values(user_id=user_id, created_at=now, **item.model_dump())
            )

    def flagged_days(self, *, user_id: str) -> list[tuple[date, frozenset[str]]]:
        """Each day whose check-in carried an urgent or emergency sign, with its signs."""
        c = check_ins.c
        query = (
            select(c.day, c.red_flags)
            .where(c.user_id == user_id, c.triage_level.in_(_ALERT_LEVELS))
            .order_by(c.day)
        )
        with self._read() as connection:
            return [(day, frozenset(flags or ())) for day, flags in connection.execute(query)]

    def _delete_safety(self, connection: Connection, user_id: str) -> None:
        for table in (signs_seen, about_me):
            connection.execute(delete(table).where(table.c.user_id == user_id))
