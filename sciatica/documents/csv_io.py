"""Check-ins as CSV: one row a day, with a documented header, for spreadsheets."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date
from typing import Any

from sciatica.diary.models import SBI_FIELDS, CheckInInput
from sciatica.documents.export import MAX_IMPORT_BYTES, ImportPlan, ImportRejected, validate_records

# The header of a check-in CSV. Only `day`, `leg_pain` and `back_pain` are required; empty
# cells take the form's defaults, `red_flags` lists warning-sign ids separated by spaces, and
# the four `sbi_*` columns are either all filled (0-6) or all empty.
CSV_COLUMNS = tuple(CheckInInput.model_fields)
REQUIRED_COLUMNS = ("day", "leg_pain", "back_pain")


def check_ins_csv(check_ins: Sequence[CheckInInput]) -> str:
    """The check-ins as CSV text with the documented header."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for entry in check_ins:
        row = entry.model_dump(mode="json", include=set(CSV_COLUMNS))
        row["red_flags"] = " ".join(sorted(entry.red_flags))
        writer.writerow({key: "" if value is None else value for key, value in row.items()})
    return out.getvalue()


def parse_check_in_csv(raw: bytes, *, today: date) -> ImportPlan:
    """Validate a check-in CSV (comma or semicolon separated, with or without a BOM)."""
    if len(raw) > MAX_IMPORT_BYTES:
        limit = MAX_IMPORT_BYTES // (1024 * 1024)
        raise ImportRejected(
            [f"The file is too large ({len(raw):,} bytes); the limit is {limit} MB."]
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRejected(["The file is not UTF-8 text."]) from None
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [name.strip() for name in reader.fieldnames or []]
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    unknown = [name for name in header if name and name not in CSV_COLUMNS]
    problems = []
    if missing:
        problems.append(f"Header: missing column {', '.join(missing)}.")
    if unknown:
        problems.append(f"Header: unknown column {', '.join(unknown)}.")
    if problems:
        raise ImportRejected(problems)
    try:
        records = [_record(row) for row in reader]
    except csv.Error as error:
        raise ImportRejected([f"The file is not valid CSV: {error}."]) from None
    return validate_records(records, today=today, country=None)


def _record(row: dict[str | Any, str | Any]) -> dict[str, Any]:
    if None in row:  # more cells than header columns
        raise csv.Error(f"a row has more cells than the header: {row[None]!r}")
    record: dict[str, Any] = {}
    for key, value in row.items():
        name, cell = str(key).strip(), (value or "").strip()
        if name == "red_flags":
            record[name] = cell.split()
        elif cell or name in SBI_FIELDS or name in REQUIRED_COLUMNS:
            record[name] = cell or None
    return record
