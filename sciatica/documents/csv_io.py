"""Check-ins as CSV: one row a day, with a documented header, for spreadsheets.

Spreadsheets run a cell that starts with =, +, - or @ as a formula (and some also after a tab or
a carriage return), so a note such as `=HYPERLINK(...)` could act when the file is opened. Such
cells are written with a leading apostrophe, which spreadsheets show as text (OWASP, "CSV
Injection"); the import takes exactly one apostrophe off again, so a file read back gives the
same values. A cell that already starts with apostrophes before such a character gets one more,
so `'=x` also comes back as itself.

The header is in the person's language and a file with either language's header imports
(`csv_header`).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from sciatica import i18n
from sciatica.diary.models import SBI_FIELDS, CheckInInput
from sciatica.documents.csv_header import column_of, header
from sciatica.documents.export import ImportPlan, validate_records
from sciatica.documents.import_rules import ImportRejected, decode
from sciatica.i18n import N_, Language, _

# The columns of a check-in CSV (`csv_header` names them in each language). Only `day`,
# `leg_pain` and `back_pain` are required; empty cells take the form's defaults, `red_flags`
# lists warning-sign ids separated by spaces, `no_warning_signs` is `true` when the day answered
# "None of these today" (`false` or empty otherwise), and the four `sbi_*` columns are either
# all filled (0-6) or all empty.
CSV_COLUMNS = tuple(CheckInInput.model_fields)
REQUIRED_COLUMNS = ("day", "leg_pain", "back_pain")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ESCAPE = "'"


def neutralise_formula(cell: str) -> str:
    """The cell with an apostrophe in front when a spreadsheet would read it as a formula."""
    return _ESCAPE + cell if cell.lstrip(_ESCAPE).startswith(FORMULA_STARTS) else cell


def restore_formula(cell: str) -> str:
    """The cell as it was before `neutralise_formula`."""
    if cell.startswith(_ESCAPE) and cell.lstrip(_ESCAPE).startswith(FORMULA_STARTS):
        return cell[len(_ESCAPE) :]
    return cell


def check_ins_csv(check_ins: Sequence[CheckInInput], *, language: Language | None = None) -> str:
    """The check-ins as CSV text, the header in `language` (the current one unless given)."""
    language = language or i18n.current()
    out = io.StringIO()
    writer = csv.writer(out, delimiter=i18n.csv_separator(language=language), lineterminator="\n")
    writer.writerow(header(CSV_COLUMNS, language=language))
    for entry in check_ins:
        row = entry.model_dump(mode="json", include=set(CSV_COLUMNS))
        row["red_flags"] = " ".join(sorted(entry.red_flags))
        row["no_warning_signs"] = "true" if entry.no_warning_signs else "false"
        writer.writerow(
            "" if row[column] is None else neutralise_formula(str(row[column]))
            for column in CSV_COLUMNS
        )
    return out.getvalue()


def required_columns() -> str:
    """The required columns as the current language names them: 'day, leg_pain and back_pain'."""
    return i18n.format_list(header(REQUIRED_COLUMNS))


def parse_check_in_csv(raw: bytes, *, today: date) -> ImportPlan:
    """Validate a check-in CSV (comma or semicolon separated, with or without a BOM)."""
    text = decode(raw)
    header_line = text.split("\n", 1)[0]
    delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
    # strict: a quote that is never closed is an error, not one cell swallowing all rows after it
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    start = 1  # the line the row being read starts on
    try:
        # Each header cell as the column it names, in either language; an unknown one as written.
        names = [name.strip() for name in reader.fieldnames or []]
        reader.fieldnames = [column_of(name) or name for name in names]
        _check_header(list(reader.fieldnames))
        records = []
        start = reader.line_num + 1
        for row in reader:
            records.append(_record(row, line=start))
            start = reader.line_num + 1
    except csv.Error as error:
        raise ImportRejected([_not_csv(error, line=start)]) from None
    return validate_records(records, today=today, country=None)


def _check_header(columns: list[str]) -> None:
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    unknown = [name for name in columns if name and name not in CSV_COLUMNS]
    problems = []
    if missing:
        named = ", ".join(header(missing))
        problems.append(_("Header: missing column {columns}.").format(columns=named))
    if unknown:
        problems.append(_("Header: unknown column {columns}.").format(columns=", ".join(unknown)))
    if problems:
        raise ImportRejected(problems)


# What Python's CSV reader says is wrong, in the app's words (any other message is shown as the
# reader gives it in English, and as a general sentence in other languages).
_CSV_ERRORS = (
    (
        re.compile(r"^'.' expected after '\"'$"),
        N_("a closing quote must be followed by the separator, or the end of the line"),
    ),
    (
        re.compile(r"^field larger than field limit \((?P<limit>\d+)\)$"),
        N_("a cell is longer than {limit} characters"),
    ),
    (re.compile(r"^line contains NUL$"), N_("a line holds a NUL character")),
)


def _not_csv(error: csv.Error, *, line: int) -> str:
    if "unexpected end of data" in str(error):
        return _(
            "The file is not valid CSV: a quoted cell starting on line {line} is never closed, "
            "so the rows after it cannot be read."
        ).format(line=line)
    reason = i18n.foreign_words(str(error), instead=_("this line cannot be read"))
    for pattern, message in _CSV_ERRORS:
        if found := pattern.match(str(error)):
            reason = _(message).format(**found.groupdict())
            break
    return _("The file is not valid CSV: line {line}: {error}.").format(line=line, error=reason)


def _record(row: dict[str | Any, str | Any], *, line: int) -> dict[str, Any]:
    if None in row:  # more cells than header columns
        too_many = _("The file is not valid CSV: line {line} has more cells than the header.")
        raise ImportRejected([too_many.format(line=line)])
    record: dict[str, Any] = {}
    for key, value in row.items():
        name, cell = str(key).strip(), restore_formula((value or "").strip())
        if name == "red_flags":
            record[name] = cell.split()
        elif cell or name in SBI_FIELDS or name in REQUIRED_COLUMNS:
            record[name] = cell or None
    return record
