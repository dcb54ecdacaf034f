"""Users and daily check-ins.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.String(255), primary_key=True),
        sa.Column("country", sa.String(8), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "check_ins",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "user_id",
            sa.String(255),
            sa.ForeignKey("users.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("leg_pain", sa.SmallInteger, nullable=False),
        sa.Column("back_pain", sa.SmallInteger, nullable=False),
        sa.Column("sbi_leg_pain", sa.SmallInteger, nullable=True),
        sa.Column("sbi_numbness", sa.SmallInteger, nullable=True),
        sa.Column("sbi_weakness", sa.SmallInteger, nullable=True),
        sa.Column("sbi_sitting", sa.SmallInteger, nullable=True),
        sa.Column("extent", sa.String(16), nullable=False),
        sa.Column("side", sa.String(8), nullable=True),
        sa.Column("walking_interference", sa.SmallInteger, nullable=False),
        sa.Column("sitting_interference", sa.SmallInteger, nullable=False),
        sa.Column("sleeping_interference", sa.SmallInteger, nullable=False),
        sa.Column("activity_minutes", sa.Integer, nullable=False),
        sa.Column("medication", sa.Text, nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("red_flags", sa.JSON, nullable=False),
        sa.Column("triage_level", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("user_id", "day", name="uq_check_ins_user_day"),
        sa.CheckConstraint("leg_pain BETWEEN 0 AND 10", name="ck_check_ins_leg_pain_range"),
        sa.CheckConstraint("back_pain BETWEEN 0 AND 10", name="ck_check_ins_back_pain_range"),
    )


def downgrade() -> None:
    op.drop_table("check_ins")
    op.drop_table("users")
