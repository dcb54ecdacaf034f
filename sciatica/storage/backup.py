"""Backups of the local SQLite diary: consistent copies taken while the app runs.

Two kinds, kept apart so that one never pushes out the other: the daily backup, taken by the
first visit of each day (UTC), of which the newest 7 are kept, and manual backups ("Back up
now" on My data), of which the newest 10 are kept.

Safe when several sessions start at once:
- one writer at a time: each holds an exclusive lock on a file in the backup folder (flock, or
  msvcrt.locking on Windows; the system drops it when a killed process dies), and a daily
  backup looks again, under the lock, for one that another session has just taken;
- each copy is written to a temporary file with a unique name, then renamed into place, so a
  backup file is either complete or absent; `.partial` files left by a killed backup are
  removed by the next writer (under the lock, no other writer can still be using one);
- files stamped in the future (taken while the computer's clock was wrong) never count as
  today's backup and are never deleted; only past backups are counted and pruned.

Anything that goes wrong while writing (a full disk, a folder that cannot be created, SQLite
errors) is raised as BackupFailed, with the reason in plain words.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import IO

from sqlalchemy.engine import make_url

from sciatica import clock, i18n
from sciatica.i18n import _

_PREFIX = "sciatica-"
_STAMP = "%Y-%m-%dT%H%M%S"
_PARTIAL = ".partial"
_LOCK_FILE = ".sciatica-backup.lock"
LOCK_TIMEOUT_S = 60.0  # a backup of ten years of diary takes well under a second
_LOCK_POLL_S = 0.05


class BackupKind(StrEnum):
    """Why a backup was taken; each kind keeps its own newest few."""

    DAILY = "daily"
    MANUAL = "manual"


KEEP = {BackupKind.DAILY: 7, BackupKind.MANUAL: 10}


class BackupUnavailable(RuntimeError):
    """This database is not a local SQLite file, so its server's own backups apply."""


class BackupFailed(RuntimeError):
    """A backup could not be written; the message says why. The diary itself is unchanged."""


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup file."""

    path: Path
    kind: BackupKind
    taken_at: datetime
    size_bytes: int


def sqlite_path(database_url: str) -> Path:
    """The file behind a SQLite URL; BackupUnavailable for anything else."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        raise BackupUnavailable(
            _(
                "Backups here cover the local SQLite diary. This server uses {backend}: use its "
                "own backup tools (for example pg_dump)."
            ).format(backend=url.get_backend_name())
        )
    return Path(url.database).expanduser().resolve()


def backup_now(
    *,
    database_url: str,
    backups_dir: Path,
    now: datetime | None = None,
    kind: BackupKind = BackupKind.MANUAL,
) -> Path:
    """Copy the database now, safe while the app is writing; keep the newest of its kind."""
    source = sqlite_path(database_url)
    moment = (now or clock.now()).astimezone(UTC)
    with _one_writer(backups_dir):
        return _take(source, backups_dir, kind=kind, moment=moment)


def ensure_daily_backup(
    *, database_url: str, backups_dir: Path, now: datetime | None = None
) -> Path | None:
    """Take today's daily backup (UTC) unless there is one; None when there already was."""
    source = sqlite_path(database_url)
    moment = (now or clock.now()).astimezone(UTC)
    if _has_daily(backups_dir, moment):
        return None
    with _one_writer(backups_dir):
        if _has_daily(backups_dir, moment):  # taken by another session while this one waited
            return None
        return _take(source, backups_dir, kind=BackupKind.DAILY, moment=moment)


def list_backups(backups_dir: Path) -> list[BackupInfo]:
    """The backups in the folder, newest first."""
    found = []
    for path in backups_dir.glob(f"{_PREFIX}*.db"):
        kind, stamp = _kind_and_stamp(path.stem.removeprefix(_PREFIX))
        try:
            taken = datetime.strptime(stamp, _STAMP).replace(tzinfo=UTC)
            size = path.stat().st_size
        except (ValueError, OSError):  # not one of ours, or pruned by another writer just now
            continue
        found.append(BackupInfo(path=path, kind=kind, taken_at=taken, size_bytes=size))
    return sorted(found, key=lambda info: info.taken_at, reverse=True)


def _kind_and_stamp(name: str) -> tuple[BackupKind, str]:
    for kind in BackupKind:
        if name.startswith(f"{kind.value}-"):
            return kind, name.removeprefix(f"{kind.value}-")
    return BackupKind.DAILY, name  # sciatica-<stamp>.db, from before backups had kinds


def _has_daily(backups_dir: Path, moment: datetime) -> bool:
    return any(
        info.kind is BackupKind.DAILY and info.taken_at.date() == moment.date()
        for info in _past_backups(backups_dir, moment)
    )


def _past_backups(backups_dir: Path, moment: datetime) -> list[BackupInfo]:
    """Backups taken up to `moment`, newest first; future-stamped ones are left out."""
    return [info for info in list_backups(backups_dir) if info.taken_at <= moment]


@contextmanager
def _one_writer(backups_dir: Path) -> Iterator[None]:
    """Hold the backup folder's lock, clear stale partial files, and report failures plainly."""
    try:
        backups_dir.mkdir(parents=True, exist_ok=True)
        with _folder_lock(backups_dir):
            for stale in backups_dir.glob(f"{_PREFIX}*{_PARTIAL}*"):
                stale.unlink(missing_ok=True)
            yield
    except OSError as error:
        # The system's reason is in English: said as it is in English, in general otherwise.
        reason = i18n.foreign_words(
            str(error.strerror or error), instead=_("the folder could not be written to")
        )
        where = f": {error.filename}" if error.filename else ""
        failed = _("The backup could not be written ({reason}{where}).")
        raise BackupFailed(failed.format(reason=reason, where=where)) from error
    except sqlite3.Error as error:
        reason = i18n.foreign_words(str(error), instead=_("the diary could not be read"))
        failed = _("The backup could not be written: SQLite could not copy the diary ({reason}).")
        raise BackupFailed(failed.format(reason=reason)) from error


def _take(source: Path, backups_dir: Path, *, kind: BackupKind, moment: datetime) -> Path:
    """Copy `source` into a new backup file, then prune the oldest of its kind."""
    target = backups_dir / f"{_PREFIX}{kind.value}-{moment.strftime(_STAMP)}.db"
    handle, name = tempfile.mkstemp(dir=backups_dir, prefix=f"{target.stem}.", suffix=_PARTIAL)
    os.close(handle)
    partial = Path(name)
    try:
        # Read-only, through a URI so that any character in the path is safe.
        with (
            closing(sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)) as original,
            closing(sqlite3.connect(partial)) as copy,
        ):
            original.backup(copy)  # SQLite's online backup: consistent while others write
        partial.replace(target)  # atomic: the backup file is either complete or absent
    finally:
        partial.unlink(missing_ok=True)
    same_kind = [info for info in _past_backups(backups_dir, moment) if info.kind is kind]
    for old in same_kind[KEEP[kind] :]:
        old.path.unlink(missing_ok=True)
    return target


@contextmanager
def _folder_lock(backups_dir: Path) -> Iterator[None]:
    """One backup writer at a time, across threads and processes; BackupFailed after a wait."""
    deadline = clock.ticks() + LOCK_TIMEOUT_S
    with open(backups_dir / _LOCK_FILE, "a+b") as lock:
        while not _try_lock(lock):
            if clock.ticks() > deadline:
                busy = _("The backup could not be written: another backup is still being written.")
                raise BackupFailed(busy)
            time.sleep(_LOCK_POLL_S)
        try:
            yield
        finally:
            _unlock(lock)


# Locks on separate opens of the lock file exclude each other, between threads as between
# processes, and the system releases them when a process dies (a killed backup leaves no lock).
if sys.platform == "win32":
    import msvcrt

    def _try_lock(lock: IO[bytes]) -> bool:
        lock.seek(0)
        try:
            msvcrt.locking(lock.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(lock: IO[bytes]) -> None:
        lock.seek(0)
        msvcrt.locking(lock.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(lock: IO[bytes]) -> bool:
        try:
            fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(lock: IO[bytes]) -> None:
        fcntl.flock(lock.fileno(), fcntl.LOCK_UN)
