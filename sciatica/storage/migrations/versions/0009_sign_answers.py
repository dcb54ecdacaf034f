"""What the person answered about a warning sign that stands: seen, gone, or still there.

A sign neither ticked again nor confirmed for 14 days is asked about again (CLINICAL.md 10):
"I have been seen" and "It has gone" put it to rest, "It is still there" keeps it standing and
starts the 14 days again. Every earlier record was an "I have been seen about this", so the new
column starts as "seen" for them.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("signs_seen") as batch:
        batch.add_column(sa.Column("answer", sa.String(16), nullable=False, server_default="seen"))


def downgrade() -> None:
    # An older app reads every record as "seen": a sign answered "still there" would be put to
    # rest, so those records go rather than be misread.
    op.execute(sa.text("DELETE FROM signs_seen WHERE answer = 'still_there'"))
    with op.batch_alter_table("signs_seen") as batch:
        batch.drop_column("answer")
