"""The Store: all reads and writes of a diary, the one storage object the app imports.

Owns opening the database (`Store.open`), what spans the whole diary (saving an import in one
transaction, whether it is empty, deleting it, the integrity check) and the preferences. The
check-ins (`check_ins`), the routines and sessions (`plans`), the decisions that change a
routine (`decisions`), About me and signs seen about (`safety`), the flare-ups (`flares`) and
the shares with their access log (`shares`) and logouts (`logins`) are its parts; its names are
importable from here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, delete, or_, select
from sqlalchemy import update as sql_update

from sciatica.diary.models import AboutMe, CheckInInput, FlareInput, SignSeen, TriageLevel
from sciatica.i18n import Language, as_language
from sciatica.plans.models import RoutineRecord, SessionInput
from sciatica.storage.base import StoreError
from sciatica.storage.check_ins import CheckInStore
from sciatica.storage.database import create_db_engine, migrate
from sciatica.storage.decisions import DecisionStore
from sciatica.storage.flares import FlareStore
from sciatica.storage.import_report import ImportReport
from sciatica.storage.logins import LoginStore
from sciatica.storage.plan_import import import_plans
from sciatica.storage.plans import PlanStore
from sciatica.storage.safety import SafetyStore
from sciatica.storage.schema import (
    check_ins,
    flare_entries,
    routine_decisions,
    routines,
    sessions,
    users,
)
from sciatica.storage.shares import ShareStore


class Store(
    CheckInStore, PlanStore, DecisionStore, SafetyStore, FlareStore, ShareStore, LoginStore
):
    """All reads and writes of the diary, each scoped to one user."""

    @classmethod
    def open(cls, url: str) -> Store:
        """Connect to the database at the URL and bring its schema up to date."""
        engine = create_db_engine(url)
        try:
            migrate(engine)
        except Exception as error:
            engine.dispose()
            raise StoreError(f"Could not open the database: {error}") from error
        return cls(engine)

    def close(self) -> None:
        """Release every connection."""
        self.engine.dispose()

    def save_many(
        self,
        *,
        user_id: str,
        entries: Iterable[tuple[CheckInInput, TriageLevel]],
        replace_existing: bool = True,
        **records: Any,
    ) -> int:
        """`import_diary`, returning how many check-ins were written (added or changed)."""
        return self.import_diary(
            user_id=user_id, entries=entries, replace_existing=replace_existing, **records
        ).written

    def import_diary(
        self,
        *,
        user_id: str,
        entries: Iterable[tuple[CheckInInput, TriageLevel]],
        country: str | None = None,
        language: Language | None = None,
        replace_existing: bool = True,
        replace_settings: bool = False,
        routine_records: Sequence[RoutineRecord] = (),
        session_records: Sequence[tuple[SessionInput, int | None]] = (),
        about_me: AboutMe | None = None,
        signs_seen: Sequence[SignSeen] = (),
        flares: Sequence[FlareInput] = (),
    ) -> ImportReport:
        """Write an import (check-ins, routines, sessions, flare-ups, settings); say what it did.

        All in one transaction: days that already have a check-in are replaced, or kept when
        `replace_existing` is false; so are days that already have flare-ups. The person's
        language, country and About me come from the file only into an empty diary or with
        `replace_settings`: a file from another diary never changes who the person is.
        """
        with self._write() as connection:
            # One import at a time per person: each one reads what the diary holds (days to
            # keep, routines and sessions it has) before writing, so two at once would both
            # add what neither saw. Held until the import commits.
            self._lock_user(connection, user_id)
            take = replace_settings or self._holds_nothing(connection, user_id)
            taken, kept = self._import_settings(
                connection,
                user_id,
                take=take,
                country=country,
                language=language,
                about_me=about_me,
            )
            days = self._check_in_counts(
                connection, user_id, list(entries), replace_existing=replace_existing
            )
            plans = (0, 0, 0, 0)
            if routine_records or session_records:
                plans = import_plans(
                    connection, user_id, list(routine_records), list(session_records)
                )
            self._add_signs_seen(connection, user_id, signs_seen)
            flare_counts = self._put_flares(
                connection, user_id, flares, replace_existing=replace_existing
            )
        return ImportReport(*days, *plans, *flare_counts, settings_taken=taken, settings_kept=kept)

    def _holds_nothing(self, connection: Connection, user_id: str) -> bool:
        held = [
            select(table.c.id).where(table.c.user_id == user_id).exists()
            for table in (check_ins, routines, sessions, flare_entries)
        ]
        return not connection.execute(select(or_(*held))).scalar_one()

    def _import_settings(
        self,
        connection: Connection,
        user_id: str,
        *,
        take: bool,
        country: str | None,
        language: Language | None,
        about_me: AboutMe | None,
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The file's language, country and About me where they differ: (taken, kept)."""
        row = connection.execute(
            select(users.c.country, users.c.language).where(users.c.id == user_id)
        ).first()
        differ = {
            "language": language is not None and (row is None or row.language != language),
            "country": country is not None and (row is None or row.country != country),
            "about_me": about_me is not None
            and self._about_me_row(connection, user_id) != about_me,
        }
        changed = tuple(name for name, differs in differ.items() if differs)
        if not take:
            return (), changed
        for name, value in (("country", country), ("language", language)):
            if name in changed:
                connection.execute(
                    sql_update(users).where(users.c.id == user_id).values({name: value})
                )
        if "about_me" in changed and about_me is not None:
            self._put_about_me(connection, user_id, about_me)
        return changed, ()

    def diary_is_empty(self, *, user_id: str) -> bool:
        """Whether the user has no check-in, routine, session or flare-up yet."""
        held = [
            select(table.c.id).where(table.c.user_id == user_id).exists()
            for table in (check_ins, routines, sessions, flare_entries)
        ]
        with self._read() as connection:
            return not connection.execute(select(or_(*held))).scalar_one()

    def delete_user_data(self, *, user_id: str) -> int:
        """Delete everything stored for the user; returns how many check-ins went."""
        with self._write() as connection:
            self._lock_user(connection, user_id)  # not while an import or a switch is writing
            for table in (routine_decisions, sessions, routines):
                connection.execute(delete(table).where(table.c.user_id == user_id))
            self._delete_safety(connection, user_id)
            self._delete_flares(connection, user_id)
            self._delete_sharing(connection, user_id)  # every share ends; the access log goes
            removed = connection.execute(delete(check_ins).where(check_ins.c.user_id == user_id))
            connection.execute(delete(users).where(users.c.id == user_id))
        return int(removed.rowcount)

    def integrity_problems(self) -> list[str]:
        """SQLite's own integrity check (empty when sound); other databases check themselves."""
        if self.engine.dialect.name != "sqlite":
            return []
        with self._read() as connection:
            result = [str(row[0]) for row in connection.exec_driver_sql("PRAGMA integrity_check")]
        return [] if result == ["ok"] else result

    # Preferences -------------------------------------------------------------------------

    def get_country(self, *, user_id: str) -> str | None:
        """The country chosen for the emergency number, if any."""
        with self._read() as connection:
            value: str | None = connection.execute(
                select(users.c.country).where(users.c.id == user_id)
            ).scalar()
        return value

    def set_country(self, *, user_id: str, country: str | None) -> None:
        """Remember the country whose emergency number the app shows."""
        with self._write() as connection:
            self._ensure_user(connection, user_id)
            connection.execute(
                sql_update(users).where(users.c.id == user_id).values(country=country)
            )

    def get_language(self, *, user_id: str) -> Language | None:
        """The language the person chose for the app ('en', 'sv'), if they chose one."""
        with self._read() as connection:
            value = connection.execute(
                select(users.c.language).where(users.c.id == user_id)
            ).scalar()
        return as_language(value)  # a language since dropped reads as no choice

    def set_language(self, *, user_id: str, language: Language | None) -> None:
        """Remember the person's language, or forget it (None: follow the browser again)."""
        with self._write() as connection:
            self._ensure_user(connection, user_id)
            connection.execute(
                sql_update(users).where(users.c.id == user_id).values(language=language)
            )
