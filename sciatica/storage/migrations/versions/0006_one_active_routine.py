"""At most one active routine per person, as a partial unique index.

Before the index is created, a person with several active routines (left by two saves at once
on a database server, before this revision) keeps the newest one active: the one changed last,
and of those the one created last.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

INDEX = "uq_routines_one_active"

routines = sa.table(
    "routines",
    sa.column("id", sa.Integer),
    sa.column("user_id", sa.String),
    sa.column("active", sa.Boolean),
    sa.column("updated_at", sa.DateTime(timezone=True)),
)


def upgrade() -> None:
    bind = op.get_bind()
    newest_first = sa.select(routines.c.id, routines.c.user_id).where(routines.c.active)
    newest_first = newest_first.order_by(routines.c.updated_at.desc(), routines.c.id.desc())
    kept: set[str] = set()
    older: list[int] = []
    for routine_id, user_id in bind.execute(newest_first).all():
        if user_id in kept:
            older.append(routine_id)
        kept.add(user_id)
    if older:
        bind.execute(routines.update().where(routines.c.id.in_(older)).values(active=False))
    op.create_index(
        INDEX,
        "routines",
        ["user_id"],
        unique=True,
        sqlite_where=sa.text("active"),
        postgresql_where=sa.text("active"),
    )


def downgrade() -> None:
    op.drop_index(INDEX, table_name="routines")
