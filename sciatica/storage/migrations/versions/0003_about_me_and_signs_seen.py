"""About me (personal cautions) and the warning signs a person has been seen about.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _user_column(*, primary_key: bool = False) -> sa.Column[str]:
    return sa.Column(
        "user_id",
        sa.String(255),
        sa.ForeignKey("users.id", ondelete="CASCADE"),
        nullable=False,
        primary_key=primary_key,
    )


def upgrade() -> None:
    op.create_table(
        "about_me",
        _user_column(primary_key=True),
        sa.Column("pregnant", sa.Boolean, nullable=False),
        sa.Column("due_date", sa.Date, nullable=True),
        sa.Column("back_surgery", sa.Boolean, nullable=False),
        sa.Column("hip_replacement", sa.Boolean, nullable=False),
        sa.Column("osteoporosis", sa.Boolean, nullable=False),
        sa.Column("under_16", sa.Boolean, nullable=False),
        sa.Column("had_cancer", sa.Boolean, nullable=False),
        sa.Column("cancer_assessed", sa.Boolean, nullable=False),
        sa.Column("answered_on", sa.Date, nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "signs_seen",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _user_column(),
        sa.Column("flag_id", sa.String(32), nullable=False),
        sa.Column("sign_day", sa.Date, nullable=False),
        sa.Column("seen_on", sa.Date, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_signs_seen_user", "signs_seen", ["user_id"])


def downgrade() -> None:
    op.drop_index("ix_signs_seen_user", table_name="signs_seen")
    op.drop_table("signs_seen")
    op.drop_table("about_me")
