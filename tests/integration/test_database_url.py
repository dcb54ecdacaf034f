"""A database URL that cannot keep a diary is refused when storage opens, with what to use."""

from __future__ import annotations

import pytest

from sciatica.storage.database import DatabaseUrlRejected, check_database_url
from sciatica.storage.store import Store


@pytest.mark.parametrize(
    "url",
    [
        "sqlite://",
        "sqlite+pysqlite://",
        "sqlite:///:memory:",
        "sqlite:///file::memory:?uri=true",
        "sqlite:///file:diary?mode=memory&uri=true",
    ],
)
def test_an_in_memory_sqlite_database_is_refused_before_any_page_needs_its_tables(
    url: str,
) -> None:
    with pytest.raises(DatabaseUrlRejected, match="in-memory SQLite database") as caught:
        Store.open(url)
    assert "Name a file instead" in str(caught.value)


def test_a_url_that_is_not_one_is_refused_without_repeating_it() -> None:
    with pytest.raises(DatabaseUrlRejected, match="not a database URL") as caught:
        check_database_url("user:secret-password@host")
    assert "secret-password" not in str(caught.value)


def test_a_sqlite_file_is_accepted_and_opens(sqlite_url: str) -> None:
    store = Store.open(sqlite_url)
    assert store.count_check_ins(user_id="local") == 0
    store.close()


def test_a_database_server_url_passes_the_check() -> None:
    assert check_database_url("postgresql+psycopg://u@h/db").database == "db"
