"""Shared fixtures: every test gets its own fresh database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sciatica.store import Store


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    """A URL for a SQLite file that does not exist yet."""
    return f"sqlite:///{tmp_path / 'diary.db'}"


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    """A migrated, empty store on a real SQLite file."""
    opened = Store.open(database_url)
    yield opened
    opened.close()
