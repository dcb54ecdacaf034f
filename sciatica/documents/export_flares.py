"""Flare-ups in the export file (version 4): written one record each, read back all or nothing.

A record holds the person's `day`, the moment `at` (ISO 8601, in UTC), `leg_pain` (0-10),
`back_pain` (0-10 or null), `triggers` and `helped` (keys from data/flare_triggers.yaml) and
`note`. Reading one applies the rules of the quick entry (`diary.flares.parse_flare`) but its
today-or-yesterday window: no time in the future, none off its day or before the earliest day,
values 0-10, only known triggers and reliefs, a short note, and at most 50 on one day
(`MAX_FLARES_PER_DAY`). Files of versions 1 to 3 have none.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime
from typing import Any

from sciatica import i18n
from sciatica.diary.flares import MAX_FLARES_PER_DAY, FlareRejected, parse_flare
from sciatica.diary.models import FlareInput
from sciatica.documents.import_rules import one_message
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
            if message := one_message(label, rejected.problems):
                problems.append(message)
        else:
            entries.append(entry)
    for day, count in sorted(Counter(entry.day for entry in entries).items()):
        if count > MAX_FLARES_PER_DAY:
            too_many = _("Flare-ups of {day}: {count} in one day; at most {limit} a day.")
            problems.append(
                too_many.format(
                    day=i18n.format_date(day, "dd MMM y"),
                    count=i18n.format_decimal(count),
                    limit=MAX_FLARES_PER_DAY,
                )
            )
    return entries
