"""Flare-ups as CSV, one row each, for spreadsheets (a download; the JSON file imports them).

Columns: `day` (the person's day), `time` (its wall-clock time where the person is), `at_utc`
(the moment, ISO 8601 in UTC), `leg_pain`, `back_pain` (empty when not given), `triggers` and
`helped` (keys, separated by spaces) and `note`. A cell a spreadsheet would run as a formula
starts with an apostrophe, as in the check-ins CSV (`csv_io.neutralise_formula`). The header is
in the person's language, as `csv_header` names the columns.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from sciatica import clock, i18n
from sciatica.diary.models import FlareInput
from sciatica.documents.csv_header import header
from sciatica.documents.csv_io import neutralise_formula
from sciatica.i18n import Language

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


def flares_csv(
    flares: Sequence[FlareInput], *, timezone: str | None, language: Language | None = None
) -> str:
    """The flare-ups as CSV text, times read in the person's zone, the header in `language`."""
    language = language or i18n.current()
    out = io.StringIO()
    writer = csv.writer(out, delimiter=i18n.csv_separator(language=language), lineterminator="\n")
    writer.writerow(header(FLARE_CSV_COLUMNS, language=language))
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
        writer.writerow(neutralise_formula(row[column]) for column in FLARE_CSV_COLUMNS)
    return out.getvalue()
