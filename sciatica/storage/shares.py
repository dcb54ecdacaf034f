"""Shares and the access log: who may read a person's diary, and who did.

Only queries; the rules (who may be shared with, when a share counts) are sciatica.sharing's.
A clinician's shares are found by the e-mail address in any case or by the subject exactly,
and only while active at the moment asked about: an ended or expired share is never returned.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, func, insert, or_, select, update

from sciatica.sharing.models import PatientShare, Share, View, ViewKind
from sciatica.storage.base import StoreBase, aware
from sciatica.storage.schema import share_views, shares


def _share(row: Any) -> Share:
    return Share(
        id=row.id,
        owner_label=row.owner_label,
        grantee=row.grantee,
        created_at=aware(row.created_at),
        expires_at=aware(row.expires_at),
        ended_at=aware(row.ended_at) if row.ended_at is not None else None,
    )


class ShareStore(StoreBase):
    """The shares a person made and the views of their diary."""

    def add_share(
        self,
        *,
        owner_id: str,
        owner_label: str,
        grantee: str,
        created_at: datetime,
        expires_at: datetime,
    ) -> Share:
        """Store a new share; returns it with its number."""
        values = {
            "owner_id": owner_id,
            "owner_label": owner_label,
            "grantee": grantee,
            "created_at": created_at.astimezone(UTC),
            "expires_at": expires_at.astimezone(UTC),
        }
        with self._write() as connection:
            self._ensure_user(connection, owner_id)
            number = connection.execute(insert(shares).values(**values).returning(shares.c.id))
            row = connection.execute(select(shares).where(shares.c.id == number.scalar_one())).one()
        return _share(row)

    def shares_of(self, *, owner_id: str) -> list[Share]:
        """Every share the person made, ended ones too, newest first."""
        with self._read() as connection:
            rows = connection.execute(
                select(shares)
                .where(shares.c.owner_id == owner_id)
                .order_by(shares.c.created_at.desc(), shares.c.id.desc())
            ).all()
        return [_share(row) for row in rows]

    def end_share(self, *, owner_id: str, share_id: int, now: datetime) -> bool:
        """Stop one of the person's shares now; False if none of theirs was still running."""
        now = now.astimezone(UTC)
        with self._write() as connection:
            ended = connection.execute(
                update(shares)
                .where(
                    shares.c.id == share_id,
                    shares.c.owner_id == owner_id,
                    shares.c.ended_at.is_(None),
                    shares.c.expires_at > now,
                )
                .values(ended_at=now.astimezone(UTC))
            )
        return bool(ended.rowcount)

    def shares_for(
        self, *, email: str | None, subject: str | None, now: datetime
    ) -> list[PatientShare]:
        """The shares naming this login that are active at `now`."""
        now = now.astimezone(UTC)  # SQLite compares the stored UTC stamps as text
        names = []
        if email:
            names.append(func.lower(shares.c.grantee) == email.lower())
        if subject:
            names.append(shares.c.grantee == subject)
        if not names:
            return []
        with self._read() as connection:
            rows = connection.execute(
                select(shares.c.owner_id, shares.c.owner_label, shares.c.expires_at)
                .where(or_(*names), shares.c.ended_at.is_(None), shares.c.expires_at > now)
                .order_by(shares.c.expires_at.desc())
            ).all()
        return [
            PatientShare(
                owner_id=row.owner_id,
                owner_label=row.owner_label,
                expires_at=aware(row.expires_at),
            )
            for row in rows
        ]

    def log_view(
        self, *, owner_id: str, viewer: str, viewer_id: str, what: ViewKind, at: datetime
    ) -> None:
        """Add one view to the person's access log."""
        with self._write() as connection:
            connection.execute(
                insert(share_views).values(
                    owner_id=owner_id,
                    viewer=viewer,
                    viewer_id=viewer_id,
                    what=what.value,
                    at=at.astimezone(UTC),
                )
            )

    def views_of(self, *, owner_id: str) -> list[View]:
        """The person's access log, newest first."""
        with self._read() as connection:
            rows = connection.execute(
                select(share_views.c.viewer, share_views.c.at, share_views.c.what)
                .where(share_views.c.owner_id == owner_id)
                .order_by(share_views.c.at.desc(), share_views.c.id.desc())
            ).all()
        return [View(viewer=row.viewer, at=aware(row.at), what=ViewKind(row.what)) for row in rows]

    def _delete_sharing(self, connection: Connection, owner_id: str) -> None:
        """Every share the person made, and their access log (with the rest of the diary)."""
        connection.execute(delete(share_views).where(share_views.c.owner_id == owner_id))
        connection.execute(delete(shares).where(shares.c.owner_id == owner_id))
