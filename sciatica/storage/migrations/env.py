"""Alembic environment: migrate the connection the app hands over, or the configured URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from sciatica.config import Settings
from sciatica.storage.schema import metadata

config = context.config
connection = config.attributes.get("connection")


def run_with(conn: object) -> None:
    context.configure(
        connection=conn,
        target_metadata=metadata,
        render_as_batch=True,  # SQLite can only alter tables by copying them
    )
    with context.begin_transaction():
        context.run_migrations()


if connection is not None:
    run_with(connection)
else:
    engine = create_engine(Settings().resolved_database_url())
    with engine.begin() as conn:
        run_with(conn)
