"""The language a person chose for the app (users.language), kept with their settings.

Empty until they choose on the Safety page: the app then follows the browser's language.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ADD COLUMN, never a table copy: with foreign keys on, SQLite would cascade a copy's DROP
    # TABLE users to every diary table (see 0004).
    op.add_column("users", sa.Column("language", sa.String(8), nullable=True))


def downgrade() -> None:
    # SQLite drops a column in place (3.35 and later) when nothing refers to it.
    op.drop_column("users", "language")
