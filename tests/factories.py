"""Test data builders: one place that knows what a typical check-in looks like."""

from __future__ import annotations

from datetime import date
from typing import Any

from sciatica.models import CheckInInput

TODAY = date(2026, 11, 25)


def check_in_data(**overrides: Any) -> dict[str, Any]:
    """Form data for a plausible check-in, with any field overridden."""
    data: dict[str, Any] = {
        "day": TODAY,
        "leg_pain": 5,
        "back_pain": 3,
        "extent": "thigh",
        "side": "left",
        "walking_interference": 4,
        "sitting_interference": 5,
        "sleeping_interference": 3,
        "activity_minutes": 20,
        "medication": "",
        "notes": "",
        "red_flags": [],
    }
    data.update(overrides)
    return data


def make_check_in(**overrides: Any) -> CheckInInput:
    """A valid check-in, with any field overridden."""
    return CheckInInput.model_validate(check_in_data(**overrides), context={"today": TODAY})
