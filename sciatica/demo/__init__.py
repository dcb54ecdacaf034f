"""Realistic example diaries: episodes that ease over weeks, with flare-ups and missed days.

The days are drawn in `demo.diary`, the routine followed in `demo.routine`; this writes them.

Flare-ups are also noted as quick entries between check-ins (`demo_flares`): by default on
about one day in six, or a set number every day (the benchmark's ten years take three a day).
"""

from __future__ import annotations

from datetime import date, timedelta

from sciatica.demo.diary import demo_flares, demo_history, demo_sessions
from sciatica.demo.routine import follow_routine
from sciatica.diary.models import TriageLevel
from sciatica.diary.triage import triage
from sciatica.exercises.catalog import load_catalog
from sciatica.plans.routine import template
from sciatica.storage.store import Store

ROUTINE_WEEKS = 8  # how long the demo routine has been followed


def write_demo_data(
    store: Store,
    *,
    user_id: str,
    days: int,
    seed: int,
    end: date,
    flares_per_day: int | None = None,
    timezone: str | None = None,
) -> int:
    """Write a demo history, a routine, its sessions and flare-ups at once; returns the days.

    One transaction. Flare-ups follow `demo_flares` (`flares_per_day`, times in `timezone`).

    The routine began on a Monday about eight weeks ago (or with the history, if shorter) and
    has been followed by the app's rules since; sessions before it were done without one.
    Check-ins already on those days are replaced: callers ask `Store.diary_is_empty` first.
    """
    history = list(demo_history(days=days, seed=seed, end=end))
    entries = [
        (entry, triage(ticked=entry.red_flags).level if entry.red_flags else TriageLevel.NONE)
        for entry in history
    ]
    start = max(history[0].day, end - timedelta(days=end.weekday() + 7 * ROUTINE_WEEKS))
    routine = template("Starter routine", catalog=load_catalog(), start=start)
    sessions, record = follow_routine(
        routine, list(demo_sessions(history, seed=seed)), history=history, seed=seed
    )
    return store.save_many(
        user_id=user_id,
        entries=entries,
        routine_records=[record],
        session_records=[(s, 1 if s.routine_id else None) for s in sessions],
        flares=list(
            demo_flares(history, seed=seed, end=end, per_day=flares_per_day, timezone=timezone)
        ),
    )
