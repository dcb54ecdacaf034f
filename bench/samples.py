"""Figures from timed samples: median, spread, and how busy the machine was."""

from __future__ import annotations

import os
import statistics
from collections.abc import Sequence
from typing import Any


def summary(samples_ms: Sequence[float]) -> dict[str, Any]:
    """Median, minimum, 90th percentile and maximum of samples in ms, with the samples."""
    ordered = sorted(samples_ms)
    return {
        "median_ms": round(statistics.median(ordered), 1),
        "min_ms": round(ordered[0], 1),
        "p90_ms": round(ordered[int(0.9 * (len(ordered) - 1))], 1),
        "max_ms": round(ordered[-1], 1),
        "n": len(ordered),
        "samples_ms": [round(s, 1) for s in samples_ms],
    }


def median(values: Sequence[float]) -> float:
    """The median, to 0.1."""
    return round(statistics.median(values), 1)


def load() -> list[float]:
    """The load average over 1, 5 and 15 minutes."""
    return [round(x, 2) for x in os.getloadavg()]
