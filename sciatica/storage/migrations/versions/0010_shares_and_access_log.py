"""Sharing with a clinician: the shares a person makes, and the log of every view.

Two new tables, each keyed to the person whose diary they are about; nothing existing changes.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def _owner() -> sa.Column[str]:
    return sa.Column(
        "owner_id", sa.String(255), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False
    )


def upgrade() -> None:
    op.create_table(
        "shares",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _owner(),
        sa.Column("owner_label", sa.String(320), nullable=False),
        sa.Column("grantee", sa.String(320), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_shares_owner", "shares", ["owner_id"])
    op.create_index("ix_shares_grantee", "shares", ["grantee"])
    op.create_table(
        "share_views",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _owner(),
        sa.Column("viewer", sa.String(320), nullable=False),
        sa.Column("viewer_id", sa.String(255), nullable=False),
        sa.Column("what", sa.String(16), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_share_views_owner_at", "share_views", ["owner_id", "at"])


def downgrade() -> None:
    op.drop_index("ix_share_views_owner_at", table_name="share_views")
    op.drop_table("share_views")
    op.drop_index("ix_shares_grantee", table_name="shares")
    op.drop_index("ix_shares_owner", table_name="shares")
    op.drop_table("shares")
