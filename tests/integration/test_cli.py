import json
import os
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest

from sciatica.demo import demo_history
from tests.factories import TODAY

ROOT = Path(__file__).resolve().parents[2]


def run(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
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


def test_demo_data_export_and_import_work_end_to_end(database_url: str, tmp_path: Path) -> None:
    demo = run(database_url, "demo-data", "--days", "60", "--seed", "3")
    assert demo.returncode == 0, demo.stderr
    assert demo.stdout.startswith("Wrote ")
    out = tmp_path / "export.json"
    assert run(database_url, "export", "--out", str(out)).returncode == 0
    exported = json.loads(out.read_text())
    assert 40 < len(exported["check_ins"]) <= 60

    fresh = f"sqlite:///{tmp_path / 'fresh.db'}"
    imported = run(fresh, "import", str(out))
    assert imported.returncode == 0, imported.stderr
    again = json.loads(run(fresh, "export").stdout)
    assert again["check_ins"] == exported["check_ins"]


def test_a_bad_import_exits_2_says_why_and_writes_nothing(
    database_url: str, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "format": "sciatica-export",
                "version": 1,
                "exported_at": "2026-11-25T00:00:00Z",
                "check_ins": [
                    {"day": "2026-11-01", "leg_pain": 4, "back_pain": 2},
                    {"day": "2026-11-02", "leg_pain": 14, "back_pain": 2},
                ],
            }
        )
    )
    result = run(database_url, "import", str(bad))
    assert result.returncode == 2
    assert "Check-in 2 (2026-11-02): Leg pain: must be between 0 and 10." in result.stderr
    assert json.loads(run(database_url, "export").stdout)["check_ins"] == []


def test_importing_a_missing_file_exits_2(database_url: str, tmp_path: Path) -> None:
    result = run(database_url, "import", str(tmp_path / "nope.json"))
    assert result.returncode == 2
    assert "Cannot read" in result.stderr


@pytest.mark.parametrize("days", ["0", "-3", "50000"])
def test_demo_data_refuses_silly_lengths(database_url: str, days: str) -> None:
    assert run(database_url, "demo-data", "--days", days).returncode == 2


def test_demo_history_is_deterministic_for_a_seed() -> None:
    first = list(demo_history(days=90, seed=7, end=TODAY))
    assert first == list(demo_history(days=90, seed=7, end=TODAY))
    assert first != list(demo_history(days=90, seed=8, end=TODAY))


def test_demo_history_improves_over_weeks_with_missed_days_and_weekly_sbi() -> None:
    history = list(demo_history(days=120, seed=1, end=TODAY))
    first_month = [e.leg_pain for e in history[:20]]
    last_month = [e.leg_pain for e in history[-20:]]
    assert sum(first_month) / 20 > sum(last_month) / 20 + 2
    assert 90 < len(history) < 120
    assert history[-1].day == TODAY
    sbi_days = [e.day for e in history if e.sbi_total is not None]
    gaps = {(b - a).days for a, b in pairwise(sbi_days)}
    assert min(gaps) >= 7
