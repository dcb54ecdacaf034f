"""When each person last logged out, so a login made before it opens nothing (`LoginStore`).

A login cookie is signed, not stored: a copy taken before logging out (another browser, a
stolen cookie) would otherwise go on opening the diary. The moment of the logout is kept with
the person (users.logged_out_at) and compared with when the login was issued
(`accounts.login_ended`).
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy import update as sql_update

from sciatica.storage.base import StoreBase
from sciatica.storage.schema import users


class LoginStore(StoreBase):
    """The moment each person last logged out."""

    def record_logout(self, *, user_id: str, at: datetime) -> None:
        """Remember that the person logged out at `at` (the latest logout wins)."""
        with self._write() as connection:
            self._ensure_user(connection, user_id)
            connection.execute(
                sql_update(users).where(users.c.id == user_id).values(logged_out_at=at)
            )

    def logged_out_at(self, *, user_id: str) -> datetime | None:
        """When the person last logged out, in UTC, or None if never."""
        with self._read() as connection:
            value = connection.execute(
                select(users.c.logged_out_at).where(users.c.id == user_id)
            ).scalar()
        if not isinstance(value, datetime):
            return None
        # SQLite gives back a naive datetime; every stored moment is UTC.
        return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
