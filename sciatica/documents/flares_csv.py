"""Flare-ups as CSV, one row each, for spreadsheets (a download; the JSON file imports them).

Columns: `day` (the person's day), `time` (its wall-clock time where the person is), `at_utc`
(the moment, ISO 8601 in UTC), `leg_pain`, `back_pain` (empty when not given), `triggers` and
`helped` (keys, separated by spaces) and `note`. A cell a spreadsheet would run as a formula
starts with an apostrophe, as in the check-ins CSV (`csv_io.neutralise_formula`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from sciatica import clock
from sciatica.diary.models import FlareInput
from sciatica.documents.csv_io import neutralise_formula

FLARE_CSV_COLUMNS = (
    "day",
    "time",
    "at_utc",
    "leg_pain",
    "back_pain",
    "triggers",
    "helped",
    "note",
)


def flares_csv(flares: Sequence[FlareInput], *, timezone: str | None) -> str:
    """The flare-ups as CSV text with the documented header, times read in the person's zone."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FLARE_CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for flare in flares:
        row = {
            "day": flare.day.isoformat(),
            "time": f"{clock.local(flare.at, timezone):%H:%M}",
            "at_utc": flare.at.isoformat().replace("+00:00", "Z"),
            "leg_pain": str(flare.leg_pain),
            "back_pain": "" if flare.back_pain is None else str(flare.back_pain),
            "triggers": " ".join(flare.triggers),
            "helped": " ".join(flare.helped),
            "note": flare.note,
        }
        writer.writerow({key: neutralise_formula(value) for key, value in row.items()})
    return out.getvalue()
