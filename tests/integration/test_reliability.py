"""Nothing is lost: a killed writer, two writers at once, and what each save promises."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from datetime import UTC, date, datetime
from pathlib import Path

import sqlalchemy as sa

from sciatica.models import CheckInInput, TriageLevel
from sciatica.schema import users
from sciatica.store import Store

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
    errors: list[BaseException] = []

    def save() -> None:
        try:
            entry = CheckInInput(day=date(2026, 11, 1), leg_pain=3, back_pain=2)
            store.save_check_in(user_id="newcomer", entry=entry, triage_level=TriageLevel.NONE)
        except BaseException as error:  # handed to the test thread
            errors.append(error)

    with other.begin() as connection:
        # Another session creates the user and holds its transaction open while we save.
        connection.execute(sa.insert(users).values(id="newcomer", created_at=datetime.now(UTC)))
        saver = threading.Thread(target=save)
        saver.start()
        saver.join(timeout=1)  # the save now waits for the other session's transaction
    saver.join(timeout=30)
    other.dispose()
    assert not saver.is_alive()
    assert errors == []
    assert store.count_check_ins(user_id="newcomer") == 1
    store.close()
