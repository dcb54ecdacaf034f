from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from sciatica.diary.models import TriageLevel
from sciatica.storage.backup import (
    BackupUnavailable,
    backup_now,
    ensure_daily_backup,
    list_backups,
)
from sciatica.storage.store import Store
from tests.factories import make_check_in

NOON = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


@pytest.fixture
def diary(sqlite_url: str) -> str:
    store = Store.open(sqlite_url)
    store.save_check_in(
        user_id="local", entry=make_check_in(leg_pain=6), triage_level=TriageLevel.NONE
    )
    store.close()
    return sqlite_url


def test_a_backup_is_a_complete_readable_copy_taken_while_the_diary_is_open(
    diary: str, tmp_path: Path
) -> None:
    live = Store.open(diary)  # the app keeps its connection open while backing up
    path = backup_now(database_url=diary, backups_dir=tmp_path / "backups", now=NOON)
    copy = Store.open(f"sqlite:///{path}")
    assert [entry.leg_pain for entry in copy.all_check_ins(user_id="local")] == [6]
    assert copy.integrity_problems() == []
    copy.close()
    live.close()
    assert path.name == "sciatica-2026-11-25T120000.db"


def test_the_daily_backup_is_taken_once_a_day_and_keeps_the_last_seven(
    diary: str, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    for day in range(10):
        moment = NOON + timedelta(days=day)
        assert ensure_daily_backup(database_url=diary, backups_dir=folder, now=moment)
        assert ensure_daily_backup(database_url=diary, backups_dir=folder, now=moment) is None
    kept = list_backups(folder)
    assert len(kept) == 7
    assert kept[0].taken_at == NOON + timedelta(days=9)


def test_backups_are_refused_for_a_database_server(tmp_path: Path) -> None:
    with pytest.raises(BackupUnavailable, match="pg_dump"):
        backup_now(database_url="postgresql+psycopg://u@h/db", backups_dir=tmp_path)


def test_unrelated_files_in_the_backup_folder_are_left_alone(diary: str, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    (folder / "sciatica-not-a-date.db").write_text("mine")
    ensure_daily_backup(database_url=diary, backups_dir=folder, now=NOON, keep=1)
    assert (folder / "notes.txt").exists()
    assert (folder / "sciatica-not-a-date.db").exists()


def test_the_backup_copy_has_the_same_schema_version(diary: str, tmp_path: Path) -> None:
    path = backup_now(database_url=diary, backups_dir=tmp_path, now=NOON)
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        assert connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
    engine.dispose()
