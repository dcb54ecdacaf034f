"""Shared fixtures: every test gets its own fresh database."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from sciatica.store import Store
from tests.postgres import PostgresUnavailable, postgres_server

_database_numbers = itertools.count()


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the real user's data folder (the diary or its backups)."""
    monkeypatch.setenv("SCIATICA_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SCIATICA_DATABASE_URL", raising=False)
    monkeypatch.delenv("SCIATICA_BACKUP_DIR", raising=False)


@pytest.fixture(scope="session")
def postgres_admin_url() -> Iterator[str]:
    """A private PostgreSQL server for the whole run; skipped where it cannot run, but not in CI."""
    try:
        with postgres_server() as url:
            yield url
    except PostgresUnavailable as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL is required in CI: {error}")
        pytest.skip(f"PostgreSQL tests skipped: {error}")


@pytest.fixture
def postgres_url(postgres_admin_url: str) -> str:
    """A URL to a new, empty PostgreSQL database."""
    name = f"test_{os.getpid()}_{next(_database_numbers)}"
    engine = sa.create_engine(postgres_admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    engine.dispose()
    return postgres_admin_url.rsplit("/", 1)[0] + f"/{name}"


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A URL for a SQLite file that does not exist yet."""
    return f"sqlite:///{tmp_path / 'diary.db'}"


@pytest.fixture
def database_url(sqlite_url: str) -> str:
    """The database tests run against (SQLite; storage tests override it to add PostgreSQL)."""
    return sqlite_url


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    """A migrated, empty store."""
    opened = Store.open(database_url)
    yield opened
    opened.close()
