"""Routines keep their current doses; decisions on suggestions become their history.

- routines.current_items: the doses followed now, starting as the stored items. The weekly
  build-up is gone, and with it routines.weeks.
- routine_decisions replaces routine_changes, which allowed one decision per session: a
  suggestion re-evaluated after the next morning's check-in is a new decision, named by its
  key, and each decision keeps the person's day (`day`), not the server's UTC date.
  Existing decisions are carried over; the accepted progressions and step-backs become history.

Both columns are changed with ALTER TABLE, never by copying the table: with foreign keys on
(sciatica/storage/database.py), SQLite would cascade the copy's DROP TABLE to sessions.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

from datetime import UTC

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

STEPS_TO_NEW = {"regress": "step_back", "no_suggestions": "warning"}
STEPS_TO_OLD = {"step_back": "regress", "leave_out": "regress", "warning": "no_suggestions"}

routines = sa.table(
    "routines",
    sa.column("id", sa.Integer),
    sa.column("items", sa.JSON),
    sa.column("current_items", sa.JSON),
)
old_changes = sa.table(
    "routine_changes",
    sa.column("id", sa.Integer),
    sa.column("user_id", sa.String),
    sa.column("routine_id", sa.Integer),
    sa.column("session_id", sa.Integer),
    sa.column("step", sa.String),
    sa.column("sentence", sa.Text),
    sa.column("accepted", sa.Boolean),
    sa.column("created_at", sa.DateTime(timezone=True)),
)
decisions = sa.table(
    "routine_decisions",
    sa.column("user_id", sa.String),
    sa.column("routine_id", sa.Integer),
    sa.column("session_id", sa.Integer),
    sa.column("day", sa.Date),
    sa.column("step", sa.String),
    sa.column("key", sa.String),
    sa.column("sentence", sa.Text),
    sa.column("accepted", sa.Boolean),
    sa.column("changed", sa.Boolean),
    sa.column("changes", sa.JSON),
    sa.column("created_at", sa.DateTime(timezone=True)),
)


def _user_column() -> sa.Column[str]:
    return sa.Column(
        "user_id", sa.String(255), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False
    )


def upgrade() -> None:
    bind = op.get_bind()
    # NOT NULL needs a default for the rows already there; SQLite cannot drop it afterwards
    # without copying the table, so there it stays, unused: the app always writes the column.
    op.add_column(
        "routines",
        sa.Column("current_items", sa.JSON, nullable=False, server_default=sa.text("'[]'")),
    )
    for routine_id, items in bind.execute(sa.select(routines.c.id, routines.c["items"])).all():
        bind.execute(
            routines.update().where(routines.c.id == routine_id).values(current_items=items)
        )
    if bind.dialect.name != "sqlite":
        op.alter_column("routines", "current_items", server_default=None)
    op.drop_column("routines", "weeks")

    op.create_table(
        "routine_decisions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _user_column(),
        sa.Column(
            "routine_id",
            sa.Integer,
            sa.ForeignKey("routines.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "session_id",
            sa.Integer,
            sa.ForeignKey("sessions.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("step", sa.String(16), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("sentence", sa.Text, nullable=False),
        sa.Column("accepted", sa.Boolean, nullable=False),
        sa.Column("changed", sa.Boolean, nullable=False),
        sa.Column("changes", sa.JSON, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("routine_id", "key", name="uq_routine_decisions_routine_key"),
    )
    # A decision without a routine changed nothing and answered a suggestion that is gone.
    query = sa.select(old_changes).where(old_changes.c.routine_id.is_not(None))
    for row in bind.execute(query.order_by(old_changes.c.id)).all():
        # SQLite gives the stored UTC stamp without a zone, PostgreSQL in the session's zone.
        stamp = row.created_at if row.created_at.tzinfo else row.created_at.replace(tzinfo=UTC)
        bind.execute(
            decisions.insert().values(
                user_id=row.user_id,
                routine_id=row.routine_id,
                session_id=row.session_id,
                # The old rows kept only a UTC stamp: its UTC date is the best day there is.
                day=stamp.astimezone(UTC).date(),
                step=STEPS_TO_NEW.get(row.step, row.step),
                key=f"legacy:{row.id}",
                sentence=row.sentence,
                accepted=row.accepted,
                # An accepted progression or step back was applied to the routine's items.
                changed=bool(row.accepted) and row.step in ("progress", "regress"),
                changes=[],
                created_at=stamp,
            )
        )
    op.drop_table("routine_changes")


def downgrade() -> None:
    bind = op.get_bind()
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
    full = sa.table(
        "routine_decisions",
        *(sa.column(c.name, c.type) for c in decisions.columns),
        sa.column("id", sa.Integer),
    )
    query = sa.select(full).where(full.c.session_id.is_not(None)).order_by(full.c.id)
    seen: set[int] = set()
    for row in bind.execute(query).all():
        if row.session_id in seen:
            continue  # the old table holds one decision per session: the first
        seen.add(row.session_id)
        bind.execute(
            old_changes.insert().values(
                user_id=row.user_id,
                routine_id=row.routine_id,
                session_id=row.session_id,
                step=STEPS_TO_OLD.get(row.step, row.step),
                sentence=row.sentence,
                accepted=row.accepted,
                created_at=row.created_at,
            )
        )
    op.drop_table("routine_decisions")
    op.add_column(
        "routines",
        sa.Column("weeks", sa.SmallInteger, nullable=False, server_default=sa.text("4")),
    )
    # The older app follows `items`: give it the doses reached.
    for routine_id, current in bind.execute(
        sa.select(routines.c.id, routines.c.current_items)
    ).all():
        bind.execute(
            routines.update().where(routines.c.id == routine_id).values({"items": current})
        )
    op.drop_column("routines", "current_items")
