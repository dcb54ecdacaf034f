"""Test data builders: one place that knows what a typical check-in looks like.

Days default to today by the test clock (tests/conftest.py), so the same data is "today" on
any date the suite runs.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sciatica import clock
from sciatica.diary.models import CheckInInput


def today() -> date:
    """Today for the person, by the test clock."""
    return clock.today(None)


def days_ago(days: int) -> date:
    """The day `days` before today (negative for days ahead)."""
    return today() - timedelta(days=days)


def check_in_data(**overrides: Any) -> dict[str, Any]:
    """Form data for a plausible check-in today, with any field overridden."""
    data: dict[str, Any] = {
        "day": today(),
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
    return CheckInInput.model_validate(check_in_data(**overrides), context={"today": today()})
