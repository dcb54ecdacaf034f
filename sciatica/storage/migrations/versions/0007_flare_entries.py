"""Flare-ups: quick pain entries during the day, beside the one daily check-in.

A new table, scoped to its person like every other; nothing existing changes. The check
constraints are named through the naming convention (`ck_flare_entries_leg_pain_range`), as
sciatica/storage/schema.py declares them.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "flare_entries",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "user_id",
            sa.String(255),
            sa.ForeignKey("users.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("leg_pain", sa.SmallInteger, nullable=False),
        sa.Column("back_pain", sa.SmallInteger, nullable=True),
        sa.Column("triggers", sa.JSON, nullable=False),
        sa.Column("helped", sa.JSON, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("leg_pain BETWEEN 0 AND 10", name="leg_pain_range"),
        sa.CheckConstraint("back_pain BETWEEN 0 AND 10", name="back_pain_range"),
    )
    op.create_index("ix_flare_entries_user_day", "flare_entries", ["user_id", "day"])


def downgrade() -> None:
    op.drop_index("ix_flare_entries_user_day", table_name="flare_entries")
    op.drop_table("flare_entries")
