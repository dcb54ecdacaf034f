"""The warning-sign screen answered "None of these today" (check_ins.no_warning_signs).

Until now that answer was stored as no sign ticked, like a screen left unanswered, so every
earlier check-in reads as not answered explicitly.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ADD COLUMN, never a table copy (see 0004); the default fills the rows already there.
    op.add_column(
        "check_ins",
        sa.Column("no_warning_signs", sa.Boolean, nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    # An older app reads the answer as no sign ticked, as it stored it: nothing else is lost.
    op.drop_column("check_ins", "no_warning_signs")
