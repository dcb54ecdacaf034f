"""When each person last logged out (users.logged_out_at): a login issued before it opens nothing.

Empty until a person logs out with logins on.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ADD COLUMN, never a table copy: with foreign keys on, SQLite would cascade a copy's DROP
    # TABLE users to every diary table (see 0004).
    op.add_column("users", sa.Column("logged_out_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    # SQLite drops a column in place (3.35 and later) when nothing refers to it.
    op.drop_column("users", "logged_out_at")
