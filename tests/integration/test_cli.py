"""The command line. Most tests call `cli.main` in-process, so the test clock holds for them;
one runs `python -m sciatica` for real, as `make demo` does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest

from sciatica import cli, clock
from sciatica.demo.diary import demo_history
from sciatica.diary.models import CheckInInput, TriageLevel
from sciatica.exercises.catalog import load_catalog
from sciatica.plans.models import SessionInput
from sciatica.plans.routine import template
from sciatica.storage.database import describe_database
from sciatica.storage.store import Store
from tests.factories import days_ago, make_check_in

ROOT = Path(__file__).resolve().parents[2]
USER = "local"  # the default SCIATICA_USER_ID


@pytest.fixture(autouse=True)
def _configured_database(database_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line works on the test's database, as SCIATICA_DATABASE_URL tells it to."""
    monkeypatch.setenv("SCIATICA_DATABASE_URL", database_url)


def run_module(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    """`python -m sciatica ...` in a child process (which runs on the machine's own clock)."""
    env = {**os.environ, "SCIATICA_DATABASE_URL": database_url}
    return subprocess.run(
        [sys.executable, "-m", "sciatica", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def save_own_check_in(store: Store, user_id: str = USER) -> None:
    entry = make_check_in(leg_pain=2, back_pain=1, notes="My own entry, not an example.")
    store.save_check_in(user_id=user_id, entry=entry, triage_level=TriageLevel.NONE)


def save_own_routine(store: Store) -> None:
    routine = template("Gentle routine", catalog=load_catalog(), start=days_ago(7))
    store.save_routine(user_id=USER, routine=routine)


def save_own_session(store: Store) -> None:
    session = SessionInput(day=days_ago(1), pain_before=3, worst_during=2, pain_after=2)
    store.save_session(user_id=USER, session=session)


def test_demo_data_export_and_import_work_end_to_end(database_url: str, tmp_path: Path) -> None:
    demo = run_module(database_url, "demo-data", "--days", "60", "--seed", "3")
    assert demo.returncode == 0, demo.stderr
    assert demo.stdout.startswith("Wrote ")
    assert describe_database(database_url) in demo.stdout
    out = tmp_path / "export.json"
    assert run_module(database_url, "export", "--out", str(out)).returncode == 0
    exported = json.loads(out.read_text())
    assert 40 < len(exported["check_ins"]) <= 60

    fresh = f"sqlite:///{tmp_path / 'fresh.db'}"
    imported = run_module(fresh, "import", str(out))
    assert imported.returncode == 0, imported.stderr
    again = json.loads(run_module(fresh, "export").stdout)
    assert again["check_ins"] == exported["check_ins"]
    assert again["flares"] == exported["flares"]


def test_demo_data_can_note_three_flare_ups_a_day_before_today(
    store: Store, today: date, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["demo-data", "--days", "30", "--flares-per-day", "3"]) == 0
    assert "and 87 flare-ups" in capsys.readouterr().out  # 29 days before today, 3 each
    flares = store.flares_between(user_id=USER, start=days_ago(29), end=today)
    assert {flare.day for flare in flares} == {days_ago(n) for n in range(1, 30)}
    assert all(flare.at < clock.now() for flare in flares)
    assert sorted(flares, key=lambda flare: flare.at) == flares
    assert cli.main(["demo-data", "--force", "--flares-per-day", "11"]) == cli.EXIT_REJECTED


def test_demo_data_on_an_empty_diary_ends_today_and_says_where_it_went(
    store: Store, database_url: str, today: date, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["demo-data", "--days", "60", "--seed", "3"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("Wrote ")
    assert f"ending {today:%d %B %Y}." in out
    assert describe_database(database_url) in out
    assert err == ""
    latest = store.latest_check_in(user_id=USER)
    assert latest is not None
    assert latest.day == today
    assert len(store.list_routines(user_id=USER)) == 1


@pytest.mark.parametrize(
    "keep",
    [save_own_check_in, save_own_routine, save_own_session],
    ids=["check-in", "routine", "session"],
)
def test_demo_data_refuses_a_diary_that_holds_anything_and_names_the_way_out(
    keep: Callable[[Store], None],
    store: Store,
    database_url: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    keep(store)
    assert cli.main(["demo-data"]) == cli.EXIT_REJECTED
    out, err = capsys.readouterr()
    assert out == ""
    assert "Nothing was written" in err
    assert "demo-data --force" in err
    assert describe_database(database_url) in err


def test_a_refused_demo_leaves_the_real_check_in_exactly_as_it_was(
    store: Store, today: date, capsys: pytest.CaptureFixture[str]
) -> None:
    save_own_check_in(store)
    before = store.all_check_ins(user_id=USER)
    assert [(entry.day, entry.notes) for entry in before] == [
        (today, "My own entry, not an example.")
    ]
    assert cli.main(["demo-data", "--days", "30"]) == cli.EXIT_REJECTED
    # Every stored value, the timestamps and id included.
    assert store.all_check_ins(user_id=USER) == before
    assert store.list_routines(user_id=USER) == []
    assert store.sessions_between(user_id=USER, start=date.min, end=date.max) == []


def test_demo_data_with_force_writes_over_the_diary(
    store: Store, today: date, capsys: pytest.CaptureFixture[str]
) -> None:
    save_own_check_in(store)
    assert cli.main(["demo-data", "--days", "30", "--seed", "5", "--force"]) == 0
    assert capsys.readouterr().out.startswith("Wrote ")
    example_today = list(demo_history(days=30, seed=5, end=today))[-1]
    stored_today = store.get_check_in(user_id=USER, day=today)
    assert stored_today is not None
    fields = set(CheckInInput.model_fields)
    assert stored_today.model_dump(include=fields) == example_today.model_dump(include=fields)
    assert store.count_check_ins(user_id=USER) > 20


def test_someone_elses_diary_does_not_stop_demo_data(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    save_own_check_in(store, user_id="someone-else")
    assert cli.main(["demo-data", "--days", "30"]) == 0
    assert store.count_check_ins(user_id=USER) > 20
    assert store.count_check_ins(user_id="someone-else") == 1


@pytest.mark.parametrize("days", ["0", "-3", "50000"])
def test_demo_data_refuses_silly_lengths(
    store: Store, days: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["demo-data", "--days", days]) == cli.EXIT_REJECTED
    assert "--days must be between 1 and 40000." in capsys.readouterr().err
    assert store.diary_is_empty(user_id=USER)


def test_a_bad_import_exits_2_says_why_and_writes_nothing(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "format": "sciatica-export",
                "version": 1,
                "exported_at": f"{days_ago(0).isoformat()}T00:00:00Z",
                "check_ins": [
                    {"day": days_ago(3).isoformat(), "leg_pain": 4, "back_pain": 2},
                    {"day": days_ago(2).isoformat(), "leg_pain": 14, "back_pain": 2},
                ],
            }
        )
    )
    assert cli.main(["import", str(bad)]) == cli.EXIT_REJECTED
    err = capsys.readouterr().err
    assert f"Check-in 2 ({days_ago(2)}): Leg pain: must be between 0 and 10." in err
    assert cli.main(["export"]) == 0
    assert json.loads(capsys.readouterr().out)["check_ins"] == []


def test_importing_a_missing_file_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["import", str(tmp_path / "nope.json")]) == cli.EXIT_REJECTED
    assert "Cannot read" in capsys.readouterr().err


def test_demo_history_is_deterministic_for_a_seed(today: date) -> None:
    first = list(demo_history(days=90, seed=7, end=today))
    assert first == list(demo_history(days=90, seed=7, end=today))
    assert first != list(demo_history(days=90, seed=8, end=today))


def test_demo_history_improves_over_weeks_with_missed_days_and_weekly_sbi(today: date) -> None:
    history = list(demo_history(days=120, seed=1, end=today))
    first_month = [e.leg_pain for e in history[:20]]
    last_month = [e.leg_pain for e in history[-20:]]
    assert sum(first_month) / 20 > sum(last_month) / 20 + 2
    assert 90 < len(history) < 120
    assert history[-1].day == today
    sbi_days = [e.day for e in history if e.sbi_total is not None]
    gaps = {(b - a).days for a, b in pairwise(sbi_days)}
    assert min(gaps) >= 7


def test_an_import_says_what_it_added_and_a_second_import_of_the_same_file_changed_nothing(
    store: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["demo-data", "--days", "30", "--seed", "3", "--flares-per-day", "2"]) == 0
    out = tmp_path / "diary.json"
    assert cli.main(["export", "--out", str(out)]) == 0
    exported = json.loads(out.read_text())
    capsys.readouterr()

    monkeypatch.setenv("SCIATICA_DATABASE_URL", f"sqlite:///{tmp_path / 'empty.db'}")
    assert cli.main(["import", str(out)]) == 0
    said = capsys.readouterr().out.strip()
    counts = {
        "check-ins": len(exported["check_ins"]),
        "sessions": len(exported["sessions"]),
        "flare-ups": len(exported["flares"]),
    }
    assert said.startswith(f"{counts['check-ins']} check-ins added; ")
    assert f"1 routine added; {counts['sessions']} sessions added; " in said
    assert f"{counts['flare-ups']} flare-ups added" in said  # a restore names its flare-ups

    assert cli.main(["import", str(out)]) == 0
    again = capsys.readouterr().out.strip()
    records = (
        counts["check-ins"] + 1 + counts["sessions"] + len({f["day"] for f in exported["flares"]})
    )
    assert again == (
        f"Nothing in your diary changed; {records} records were already in your diary as they "
        "are in the file."
    )
    assert "added" not in again


def test_an_import_into_a_diary_keeps_its_language_and_country_unless_told_to_replace_them(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save_own_check_in(store)
    store.set_language(user_id=USER, language="en")
    store.set_country(user_id=USER, country="GB")
    document = {
        "format": "sciatica-export",
        "version": 4,
        "exported_at": f"{days_ago(1)}T12:00:00+00:00",
        "language": "sv",
        "country": "SE",
        "check_ins": [],
    }
    path = tmp_path / "someone-else.json"
    path.write_text(json.dumps(document))

    assert cli.main(["import", str(path)]) == 0
    assert (store.get_language(user_id=USER), store.get_country(user_id=USER)) == ("en", "GB")
    assert "your language and your country stayed yours" in capsys.readouterr().out

    assert cli.main(["import", "--replace-settings", str(path)]) == 0
    assert (store.get_language(user_id=USER), store.get_country(user_id=USER)) == ("sv", "SE")
    assert capsys.readouterr().out == "Your language and your country taken from the file.\n"
