"""Routines, logged sessions, and the suggestions decided after them.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _user_column() -> sa.Column[str]:
    return sa.Column(
        "user_id", sa.String(255), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False
    )


def upgrade() -> None:
    op.create_table(
        "routines",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _user_column(),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("items", sa.JSON, nullable=False),
        sa.Column("days", sa.JSON, nullable=False),
        sa.Column("start_date", sa.Date, nullable=False),
        sa.Column("weeks", sa.SmallInteger, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_routines_user", "routines", ["user_id"])
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _user_column(),
        sa.Column(
            "routine_id",
            sa.Integer,
            sa.ForeignKey("routines.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("pain_before", sa.SmallInteger, nullable=False),
        sa.Column("worst_during", sa.SmallInteger, nullable=False),
        sa.Column("pain_after", sa.SmallInteger, nullable=False),
        sa.Column("leg_response", sa.String(8), nullable=False),
        sa.Column("new_numbness_or_weakness", sa.Boolean, nullable=False),
        sa.Column("outcomes", sa.JSON, nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_sessions_user_day", "sessions", ["user_id", "day"])
    op.create_table(
        "routine_changes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _user_column(),
        sa.Column(
            "routine_id",
            sa.Integer,
            sa.ForeignKey("routines.id", ondelete="CASCADE"),
            nullable=True,
        ),
        sa.Column(
            "session_id",
            sa.Integer,
            sa.ForeignKey("sessions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("step", sa.String(16), nullable=False),
        sa.Column("sentence", sa.Text, nullable=False),
        sa.Column("accepted", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("session_id", name="uq_routine_changes_session"),
    )


def downgrade() -> None:
    op.drop_table("routine_changes")
    op.drop_index("ix_sessions_user_day", table_name="sessions")
    op.drop_table("sessions")
    op.drop_index("ix_routines_user", table_name="routines")
    op.drop_table("routines")
