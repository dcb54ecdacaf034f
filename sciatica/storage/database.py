"""Connecting to the database: SQLite tuned for durability and concurrency, and migrations."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from sciatica.i18n import _

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 10_000
WAL_RETRY_MS = 50  # between tries to switch a new SQLite file to WAL
MIGRATION_LOCK = "sciatica: migrations"  # names PostgreSQL's advisory lock around migrating


def _write_ahead_log(cursor: Any) -> None:
    """Switch the file to WAL. On a new file the switch needs it to itself, and SQLite answers
    "database is locked" at once, without the busy timeout, while another process (a replica
    starting at the same moment) holds it: so wait and try again, up to the busy timeout."""
    for _attempt in range(SQLITE_BUSY_TIMEOUT_MS // WAL_RETRY_MS):
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error):
                raise
            time.sleep(WAL_RETRY_MS / 1000)
    cursor.execute("PRAGMA journal_mode = WAL")  # the last try: its error is the caller's


def _configure_sqlite(engine: Engine) -> None:
    """Durable, concurrent SQLite: WAL, a busy timeout, foreign keys, and explicit BEGINs."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide when transactions begin (SQLAlchemy docs,
        # "Serializable isolation / Savepoints / Transactional DDL").
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        _write_ahead_log(cursor)
        # FULL syncs the WAL on every commit: a saved check-in survives a power cut.
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        # Writers take the write lock up front, so they wait for each other (busy_timeout)
        # instead of failing with "database is locked" when upgrading a read lock.
        immediate = connection.get_execution_options().get("sqlite_immediate", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


class DatabaseUrlRejected(ValueError):
    """The configured database URL cannot hold a diary; the message says why and what to use."""


def check_database_url(url: str) -> URL:
    """The parsed URL, or DatabaseUrlRejected for one that is unreadable or would forget the diary.

    An in-memory SQLite database lives inside one connection: every other connection of the
    pool (each page run may get another) sees a new, empty database without tables, and all of
    it is gone when the server stops.
    """
    try:
        parsed = make_url(url)
    except ArgumentError:
        # The URL may hold a password, so it is not repeated back.
        raise DatabaseUrlRejected(
            "SCIATICA_DATABASE_URL is not a database URL. Use a SQLAlchemy URL such as "
            "sqlite:////home/me/sciatica.db or postgresql+psycopg://user:password@host/db, "
            "or leave it unset for the SQLite file in the data folder."
        ) from None
    database = parsed.database or ""
    in_memory = ":memory:" in database or not database or parsed.query.get("mode") == "memory"
    if parsed.get_backend_name() == "sqlite" and in_memory:
        raise DatabaseUrlRejected(
            f"SCIATICA_DATABASE_URL={url} is an in-memory SQLite database, which forgets the "
            "diary as soon as a connection closes. Name a file instead, such as "
            "sqlite:////home/me/sciatica.db, or leave it unset for the SQLite file in the data "
            "folder."
        )
    return parsed


def create_db_engine(url: str) -> Engine:
    """An engine for the URL, with the SQLite settings applied where it is SQLite."""
    check_database_url(url)
    engine = create_engine(url, pool_pre_ping=not url.startswith("sqlite"))
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    return engine


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A connection in a write transaction, committed when the block ends without error."""
    immediate = engine.connect().execution_options(sqlite_immediate=True)
    with immediate as connection, connection.begin():
        yield connection


def migrate(engine: Engine) -> None:
    """Apply every pending migration in one transaction, one server process at a time."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with write_transaction(engine) as connection:
        if engine.dialect.name == "postgresql":
            # Replicas started together on a new database would each create the tables and
            # all but one fail. This lock (released at commit) makes the others wait, then
            # find the schema up to date. SQLite's write transaction already does the same.
            connection.execute(
                text("SELECT pg_advisory_xact_lock(hashtext(:name))"), {"name": MIGRATION_LOCK}
            )
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def describe_database(url: str) -> str:
    """Where the diary is kept, in words, never showing a password."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _("A SQLite file on this computer: {path}").format(path=parsed.database)
    server = parsed.set(drivername=parsed.get_backend_name())
    return _("A {kind} server: {address}").format(
        kind=parsed.get_backend_name(), address=server.render_as_string(hide_password=True)
    )
