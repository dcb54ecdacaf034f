import multiprocessing
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from sciatica import i18n
from sciatica.diary.models import TriageLevel
from sciatica.storage import backup
from sciatica.storage.backup import (
    KEEP,
    BackupFailed,
    BackupKind,
    BackupUnavailable,
    backup_now,
    ensure_daily_backup,
    list_backups,
)
from sciatica.storage.store import Store
from tests.factories import make_check_in

NOON = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
VISITORS = 4


@pytest.fixture
def diary(sqlite_url: str) -> str:
    store = Store.open(sqlite_url)
    store.save_check_in(
        user_id="local", entry=make_check_in(leg_pain=6), triage_level=TriageLevel.NONE
    )
    store.close()
    return sqlite_url


def kinds(folder: Path) -> list[BackupKind]:
    return [info.kind for info in list_backups(folder)]


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.glob("*partial*"))


def leg_pains(path: Path) -> list[int]:
    copy = Store.open(f"sqlite:///{path}")
    try:
        assert copy.integrity_problems() == []
        return [entry.leg_pain for entry in copy.all_check_ins(user_id="local")]
    finally:
        copy.close()


def test_a_backup_is_a_complete_readable_copy_taken_while_the_diary_is_open(
    diary: str, tmp_path: Path
) -> None:
    live = Store.open(diary)  # the app keeps its connection open while backing up
    path = backup_now(database_url=diary, backups_dir=tmp_path / "backups", now=NOON)
    assert leg_pains(path) == [6]
    live.close()
    assert path.name == "sciatica-manual-2026-11-25T120000.db"


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


def test_many_back_up_now_clicks_keep_the_week_of_daily_backups(diary: str, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    for day in range(7):
        ensure_daily_backup(database_url=diary, backups_dir=folder, now=NOON + timedelta(days=day))
    last_daily = NOON + timedelta(days=6)
    for click in range(15):
        backup_now(
            database_url=diary, backups_dir=folder, now=last_daily + timedelta(minutes=click)
        )
    found = kinds(folder)
    assert found.count(BackupKind.DAILY) == KEEP[BackupKind.DAILY] == 7
    assert found.count(BackupKind.MANUAL) == KEEP[BackupKind.MANUAL] == 10
    newest_manual = next(info for info in list_backups(folder) if info.kind is BackupKind.MANUAL)
    assert newest_manual.taken_at == last_daily + timedelta(minutes=14)


def test_a_backup_stamped_in_the_future_neither_stops_nor_counts_as_the_daily_backup(
    diary: str, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    future = folder / "sciatica-daily-2027-06-01T090000.db"  # the clock was wrong that day
    future.write_bytes(b"")
    for day in range(10):
        moment = NOON + timedelta(days=day)
        assert ensure_daily_backup(database_url=diary, backups_dir=folder, now=moment)
    assert future.exists()
    past = [info for info in list_backups(folder) if info.path != future]
    assert [info.taken_at for info in past] == [NOON + timedelta(days=d) for d in range(9, 2, -1)]


def test_a_backup_named_before_backups_had_kinds_counts_as_a_daily_one(
    diary: str, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "sciatica-2026-11-25T080000.db").write_bytes(b"")
    assert kinds(folder) == [BackupKind.DAILY]
    assert ensure_daily_backup(database_url=diary, backups_dir=folder, now=NOON) is None


def test_partial_files_left_by_a_killed_backup_are_removed_by_the_next_one(
    diary: str, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    killed = "sciatica-daily-2026-11-24T120000.q1w2e3.partial"
    for name in (killed, f"{killed}-journal", "x.partial-journal"):
        (folder / name).write_bytes(b"half a copy")
    backup_now(database_url=diary, backups_dir=folder, now=NOON)
    assert leftovers(folder) == ["x.partial-journal"]  # not one of ours: left alone


def test_unrelated_files_in_the_backup_folder_are_left_alone(diary: str, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    (folder / "sciatica-not-a-date.db").write_text("mine")
    for day in range(9):
        ensure_daily_backup(database_url=diary, backups_dir=folder, now=NOON + timedelta(days=day))
    assert len(list_backups(folder)) == 7
    assert (folder / "notes.txt").read_text() == "mine"
    assert (folder / "sciatica-not-a-date.db").read_text() == "mine"


def test_the_backup_copy_has_the_same_schema_version(diary: str, tmp_path: Path) -> None:
    path = backup_now(database_url=diary, backups_dir=tmp_path, now=NOON)
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        assert connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
    engine.dispose()


def test_backups_are_refused_for_a_database_server(tmp_path: Path) -> None:
    with pytest.raises(BackupUnavailable, match="pg_dump"):
        backup_now(database_url="postgresql+psycopg://u@h/db", backups_dir=tmp_path)


def test_a_backup_folder_that_cannot_be_made_is_a_backup_failure_with_the_reason(
    diary: str, tmp_path: Path
) -> None:
    blocker = tmp_path / "backups"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(BackupFailed, match="backups"):
        ensure_daily_backup(database_url=diary, backups_dir=blocker, now=NOON)


def test_a_backup_failure_in_swedish_is_said_in_swedish_with_the_folder_named(
    diary: str, tmp_path: Path
) -> None:
    blocker = tmp_path / "backups"
    blocker.write_text("a file where the folder should be")
    with i18n.use("sv"), pytest.raises(BackupFailed) as failed:
        ensure_daily_backup(database_url=diary, backups_dir=blocker, now=NOON)
    assert str(failed.value) == (
        f"Säkerhetskopian kunde inte sparas (det gick inte att skriva i mappen: {blocker})."
    )
    with i18n.use("sv"), pytest.raises(BackupUnavailable) as unavailable:
        backup_now(database_url="postgresql+psycopg://u@h/db", backups_dir=tmp_path)
    assert str(unavailable.value).startswith(
        "Säkerhetskopiorna här gäller dagboken i en SQLite-fil"
    )


def test_a_diary_sqlite_cannot_read_is_a_backup_failure_and_leaves_no_partial_file(
    tmp_path: Path,
) -> None:
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"this is not a SQLite database" * 100)
    folder = tmp_path / "backups"
    with pytest.raises(BackupFailed, match="SQLite could not copy the diary"):
        ensure_daily_backup(database_url=f"sqlite:///{broken}", backups_dir=folder, now=NOON)
    assert list(folder.iterdir()) == [folder / ".sciatica-backup.lock"]


def test_a_writer_that_cannot_get_the_lock_in_time_fails_calmly(
    diary: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    monkeypatch.setattr(backup, "LOCK_TIMEOUT_S", 0.2)
    with (
        backup._folder_lock(folder),  # another writer, mid-backup
        pytest.raises(BackupFailed, match="another backup is still being written"),
    ):
        backup_now(database_url=diary, backups_dir=folder, now=NOON)
    assert list_backups(folder) == []


def at_once(work: Callable[[], Path | None], *, visitors: int = VISITORS) -> list[object]:
    """Run `work` in `visitors` threads released together; what each returned or raised."""
    start = threading.Barrier(visitors)
    results: list[object] = []

    def visit() -> None:
        start.wait()
        try:
            results.append(work())
        except Exception as error:  # collected, so the test can show every one
            results.append(error)

    threads = [threading.Thread(target=visit) for _ in range(visitors)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


@pytest.mark.parametrize("round_number", range(10))
def test_four_first_visits_at_once_make_one_daily_backup_without_an_error(
    diary: str, tmp_path: Path, round_number: int
) -> None:
    folder = tmp_path / f"backups-{round_number}"  # empty, as on the first day
    results = at_once(lambda: ensure_daily_backup(database_url=diary, backups_dir=folder))
    errors = [result for result in results if isinstance(result, BaseException)]
    assert errors == []
    (taken,) = [result for result in results if isinstance(result, Path)]
    assert [info.path for info in list_backups(folder)] == [taken]
    assert leg_pains(taken) == [6]
    assert leftovers(folder) == []


def test_back_up_now_pressed_in_four_sessions_at_once_writes_complete_copies(
    diary: str, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    results = at_once(lambda: backup_now(database_url=diary, backups_dir=folder))
    assert not [result for result in results if isinstance(result, BaseException)]
    assert all(leg_pains(info.path) == [6] for info in list_backups(folder))
    assert leftovers(folder) == []


def _first_visit_in_a_process(diary: str, folder: str, start: object) -> None:
    start.wait()  # type: ignore[attr-defined]
    ensure_daily_backup(database_url=diary, backups_dir=Path(folder), now=NOON)


def test_four_server_processes_starting_at_once_make_one_daily_backup(
    diary: str, tmp_path: Path
) -> None:
    spawn = multiprocessing.get_context("spawn")
    start = spawn.Barrier(VISITORS)
    folder = tmp_path / "backups"
    processes = [
        spawn.Process(target=_first_visit_in_a_process, args=(diary, str(folder), start))
        for _ in range(VISITORS)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=120)
    assert [process.exitcode for process in processes] == [0] * VISITORS
    (only,) = list_backups(folder)
    assert only.taken_at == NOON
    assert leg_pains(only.path) == [6]
    assert leftovers(folder) == []
