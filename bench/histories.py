"""The histories measured: 1 and 10 years of demo data, each in its own temporary folder.

Written by `python -m sciatica demo-data` with SCIATICA_DATA_DIR and SCIATICA_DATABASE_URL
pointing into that folder and no other SCIATICA_* setting, so the real diary is never touched.
Each day before today also holds three flare-ups (quick pain entries beside the check-in), so
ten years carry about 11,000 of them.
"""

from __future__ import annotations

import contextlib
import sqlite3  # noqa: TID251 - the benchmark writes its histories straight to SQLite
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench import ROOT
from sciatica.ui.harness import environment_with

HISTORIES = {"1y": 365, "10y": 3650}  # name -> days
SEED = 1
FLARES_PER_DAY = 3


@dataclass(frozen=True, slots=True)
class History:
    """A demo history in its own temporary data folder."""

    name: str
    days: int
    data_dir: Path

    @property
    def url(self) -> str:
        """Its SQLite database."""
        return f"sqlite:///{self.data_dir / 'sciatica.db'}"

    def env(self) -> dict[str, str]:
        """The settings that point the app at this history."""
        return {"SCIATICA_DATABASE_URL": self.url, "SCIATICA_DATA_DIR": str(self.data_dir)}


def build_histories(root: Path, names: Sequence[str]) -> dict[str, History]:
    """Write each history under `root` with `python -m sciatica demo-data`, in parallel."""
    histories = {name: History(name, HISTORIES[name], root / name) for name in names}
    running = []
    for history in histories.values():
        history.data_dir.mkdir(parents=True)
        command = [sys.executable, "-m", "sciatica", "demo-data"]
        command += ["--days", str(history.days), "--seed", str(SEED)]
        command += ["--flares-per-day", str(FLARES_PER_DAY)]
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=environment_with(history.env()),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        running.append((history, process))
    for history, process in running:
        out, err = process.communicate(timeout=300)
        if process.returncode != 0:
            raise RuntimeError(f"demo-data --days {history.days} failed:\n{out}{err}")
        print(f"  {history.name}: {out.strip()}")
    return histories


def count_check_ins(history: History) -> int:
    """How many check-ins demo-data wrote."""
    return _count(history, "check_ins")


def count_flares(history: History) -> int:
    """How many flare-ups demo-data wrote."""
    return _count(history, "flare_entries")


def _count(history: History, table: str) -> int:
    with contextlib.closing(sqlite3.connect(history.data_dir / "sciatica.db")) as db:
        return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
