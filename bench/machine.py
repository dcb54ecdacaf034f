"""What the figures were measured on: processor, versions, commit and load."""

from __future__ import annotations

import contextlib
import os
import platform
import subprocess
from importlib.metadata import version
from pathlib import Path
from typing import Any

from bench import ROOT
from bench.samples import load
from sciatica import clock


def machine() -> dict[str, Any]:
    """The processor, cores, Python and library versions, date, git commit and load."""
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 0
    commit = _git("rev-parse", "--short", "HEAD")
    dirty = bool(_git("status", "--porcelain", "--untracked-files=no"))
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "usable_cores": usable,
        "python": platform.python_version(),
        "streamlit": version("streamlit"),
        "plotly": version("plotly"),
        "platform": platform.platform(),
        "date": clock.now().isoformat(timespec="seconds"),
        "git": f"{commit}{' + local changes' if dirty else ''}",
        "load_at_start": load(),
    }


def _git(*args: str) -> str:
    try:
        done = subprocess.run(
            ["git", *args], cwd=ROOT, timeout=10, check=True, capture_output=True, text=True
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip()
