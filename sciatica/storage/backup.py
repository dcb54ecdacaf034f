"""Backups of the local SQLite diary: consistent copies taken while the app runs."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from sciatica import clock

KEEP_DAILY = 7
_PREFIX = "sciatica-"
_STAMP = "%Y-%m-%dT%H%M%S"


class BackupUnavailable(RuntimeError):
    """This database is not a local SQLite file, so its server's own backups apply."""


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup file."""

    path: Path
    taken_at: datetime
    size_bytes: int


def sqlite_path(database_url: str) -> Path:
    """The file behind a SQLite URL; BackupUnavailable for anything else."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        raise BackupUnavailable(
            "Backups here cover the local SQLite diary. This server uses "
            f"{url.get_backend_name()}: use its own backup tools (for example pg_dump)."
        )
    return Path(url.database).expanduser().resolve()


def backup_now(*, database_url: str, backups_dir: Path, now: datetime | None = None) -> Path:
    """Copy the database with SQLite's online backup, safe while the app is writing."""
    source_path = sqlite_path(database_url)
    backups_dir.mkdir(parents=True, exist_ok=True)
    moment = (now or clock.now()).astimezone(UTC)
    target = backups_dir / f"{_PREFIX}{moment.strftime(_STAMP)}.db"
    partial = target.with_suffix(".partial")
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
    try:
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    partial.replace(target)  # a backup file is either complete or absent
    return target


def list_backups(backups_dir: Path) -> list[BackupInfo]:
    """The backups in the folder, newest first."""
    found = []
    for path in backups_dir.glob(f"{_PREFIX}*.db"):
        try:
            taken = datetime.strptime(path.stem.removeprefix(_PREFIX), _STAMP).replace(tzinfo=UTC)
        except ValueError:
            continue
        found.append(BackupInfo(path=path, taken_at=taken, size_bytes=path.stat().st_size))
    return sorted(found, key=lambda info: info.taken_at, reverse=True)


def ensure_daily_backup(
    *, database_url: str, backups_dir: Path, now: datetime | None = None, keep: int = KEEP_DAILY
) -> Path | None:
    """Take today's backup if none was taken today (UTC), then keep only the newest `keep`."""
    moment = (now or clock.now()).astimezone(UTC)
    existing = list_backups(backups_dir) if backups_dir.exists() else []
    taken = None
    if not existing or existing[0].taken_at.date() < moment.date():
        taken = backup_now(database_url=database_url, backups_dir=backups_dir, now=moment)
        existing = list_backups(backups_dir)
    for old in existing[keep:]:
        old.path.unlink(missing_ok=True)
    return taken
