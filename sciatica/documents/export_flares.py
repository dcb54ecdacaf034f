"""Flare-ups in the export file (version 4): written one record each, read back all or nothing.

A record holds the person's `day`, the moment `at` (ISO 8601, in UTC), `leg_pain` (0-10),
`back_pain` (0-10 or null), `triggers` and `helped` (keys from data/flare_triggers.yaml) and
`note`. Reading one applies the rules of the quick entry (`diary.flares.parse_flare`) but its
today-or-yesterday window: no time in the future, none off its day or before the earliest day,
values 0-10, only known triggers and reliefs, a short note. Files of versions 1 to 3 have none.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sciatica.diary.flares import FlareRejected, parse_flare
from sciatica.diary.models import FlareInput
from sciatica.i18n import _
from sciatica.storage.store import Store

FLARE_FIELDS = set(FlareInput.model_fields)


def export_flares(store: Store, *, user_id: str) -> list[dict[str, Any]]:
    """The person's flare-ups as JSON-ready records, oldest first."""
    flares = store.flares_between(user_id=user_id, start=date.min, end=date.max)
    return [flare.model_dump(mode="json", include=FLARE_FIELDS) for flare in flares]


def parse_flares(
    records: list[dict[str, Any]], *, now: datetime, problems: list[str]
) -> list[FlareInput]:
    """Validate flare-up records, adding every problem found to `problems`."""
    entries = []
    for number, record in enumerate(records, start=1):
        label = _("Flare-up {number}").format(number=number)
        if isinstance(record.get("day"), str):
            label += f" ({record['day'][:10]})"
        try:
            entry = parse_flare(record, now=now)
        except FlareRejected as rejected:
            problems.extend(f"{label}: {problem}" for problem in rejected.problems)
        else:
            entries.append(entry)
    return entries
