"""The check-ins' check constraints get the names the code gives them.

0001 passed full names (`ck_check_ins_leg_pain_range`) through the naming convention, which
added its prefix a second time: databases hold `ck_check_ins_ck_check_ins_leg_pain_range`
where sciatica/storage/schema.py says `ck_check_ins_leg_pain_range`. Each is dropped and made
again under its right name, with the same rule; no row changes. `op.f` marks a name as final,
so the convention leaves it as written. PostgreSQL alters the table in place; SQLite, which
cannot alter a constraint, copies the table (batch mode, env.py), its rows and indexes with it.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# (name the code declares, name 0001 gave it, the rule)
CHECKS = (
    ("ck_check_ins_leg_pain_range", "ck_check_ins_ck_check_ins_leg_pain_range", "leg_pain"),
    ("ck_check_ins_back_pain_range", "ck_check_ins_ck_check_ins_back_pain_range", "back_pain"),
)


def _rename(*, to_declared: bool) -> None:
    with op.batch_alter_table("check_ins") as batch:
        for declared, doubled, column in CHECKS:
            old, new = (doubled, declared) if to_declared else (declared, doubled)
            batch.drop_constraint(op.f(old), type_="check")
            batch.create_check_constraint(op.f(new), f"{column} BETWEEN 0 AND 10")


def upgrade() -> None:
    _rename(to_declared=True)


def downgrade() -> None:
    _rename(to_declared=False)
