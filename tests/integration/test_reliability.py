"""Nothing is lost: a killed writer, two writers at once, and what each save promises."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from datetime import UTC, date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import event

from sciatica import clock
from sciatica.diary.models import CheckInInput, TriageLevel
from sciatica.storage.schema import users
from sciatica.storage.store import Store
from tests.factories import days_ago

# Nothing here depends on the date: the awkward-moment runs leave it out.
pytestmark = pytest.mark.timeless

ROOT = Path(__file__).resolve().parents[2]
FIRST_DAY = "2010-01-01"


def writer(url: str, *, count: int, days: int, user: str = "local") -> subprocess.Popen[str]:
    """Start a writer process (see tests/integration/writer.py)."""
    arguments = [url, FIRST_DAY, str(count), str(days), user]
    return subprocess.Popen(
        [sys.executable, "-m", "tests.integration.writer", *arguments],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def test_every_acknowledged_save_survives_the_writer_being_killed(database_url: str) -> None:
    Store.open(database_url).close()  # migrate first, so the kill lands among saves
    process = writer(database_url, count=100_000, days=3650)
    assert process.stdout is not None
    acknowledged = []
    for line in process.stdout:
        acknowledged.append(line.split())
        if len(acknowledged) == 40:
            break
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)

    store = Store.open(database_url)
    assert store.integrity_problems() == []
    for day, number in acknowledged:
        saved = store.get_check_in(user_id="local", day=date.fromisoformat(day))
        assert saved is not None, f"acknowledged save {number} of {day} was lost"
        assert saved.notes == f"writer local save {number}"
    store.close()


def test_two_writers_saving_the_same_days_at_once_leave_one_consistent_record_per_day(
    database_url: str,
) -> None:
    Store.open(database_url).close()
    # Both save the same day 150 times each, as fast as they can.
    processes = [writer(database_url, count=150, days=1, user="local") for _ in range(2)]
    outputs = [process.communicate(timeout=120) for process in processes]
    for process, (out, err) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, err
        assert len(out.splitlines()) == 150
    store = Store.open(database_url)
    saved = store.all_check_ins(user_id="local")
    assert [entry.day.isoformat() for entry in saved] == [FIRST_DAY]
    for entry in saved:
        number = int(entry.notes.rsplit(" ", 1)[1])
        assert (entry.leg_pain, entry.back_pain) == (number % 11, (number * 7) % 11)
    store.close()


def test_a_user_created_by_another_session_mid_save_does_not_fail_the_save(
    database_url: str,
) -> None:
    store = Store.open(database_url)
    other = sa.create_engine(database_url)
    on_postgres = other.dialect.name == "postgresql"
    # Where the save meets the other session while its new user is still uncommitted. On
    # PostgreSQL: the save has looked for the user, found none, and is about to insert it;
    # the other session commits first, so the insert collides. On SQLite: the save is about
    # to take the write lock, which the other session holds until it commits.
    meeting_point = "INSERT INTO users" if on_postgres else "BEGIN IMMEDIATE"
    both_in_flight = threading.Barrier(2, timeout=30)
    met: list[str] = []
    errors: list[BaseException] = []
    collisions: list[str] = []
    entry = CheckInInput(day=days_ago(3), leg_pain=3, back_pain=2, notes="Saved mid-race")

    @event.listens_for(store.engine, "before_cursor_execute")
    def meet(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if threading.current_thread() is saver and statement.startswith(meeting_point) and not met:
            met.append(statement)
            both_in_flight.wait()  # the other session's user is inserted and not committed
            if on_postgres:
                both_in_flight.wait()  # ...and now it is committed: this insert will collide

    @event.listens_for(store.engine, "handle_error")
    def note(context: Any) -> None:
        collisions.append(type(context.sqlalchemy_exception).__name__)

    def save() -> None:
        try:
            store.save_check_in(user_id="newcomer", entry=entry, triage_level=TriageLevel.NONE)
        except BaseException as error:  # handed to the test thread
            errors.append(error)

    saver = threading.Thread(target=save)
    created_at = clock.now()
    with other.begin() as connection:
        connection.execute(sa.insert(users).values(id="newcomer", created_at=created_at))
        saver.start()
        both_in_flight.wait()
        assert saver.is_alive()  # on SQLite it cannot finish while this transaction is open
    if on_postgres:
        both_in_flight.wait()
    saver.join(timeout=30)
    other.dispose()

    assert not saver.is_alive()
    assert errors == []
    assert len(met) == 1
    # On PostgreSQL the save really collided with the other session's user, and absorbed it.
    assert collisions == (["IntegrityError"] if on_postgres else [])
    saved = store.get_check_in(user_id="newcomer", day=entry.day)
    assert saved is not None
    assert (saved.leg_pain, saved.back_pain, saved.notes) == (3, 2, "Saved mid-race")
    with store.engine.connect() as connection:
        rows = connection.execute(sa.select(users.c.id, users.c.created_at)).all()
    # One user, the one the other session created: the save neither failed nor duplicated it.
    assert [row.id for row in rows] == ["newcomer"]
    stored = rows[0].created_at
    assert (stored.astimezone(UTC) if stored.tzinfo else stored.replace(tzinfo=UTC)) == created_at
    store.close()
