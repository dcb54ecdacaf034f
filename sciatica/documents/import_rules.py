"""What a file must be before anything in it is imported: readable, and meaning what it says.

Two kinds of rule, both shared by every kind of record a file may hold:

- Reading (`read_json`): a bounded size, UTF-8, JSON nested no deeper than an export ever is,
  and no number longer than any value in an export. Python's own JSON reader fails on the
  last two with errors of its own (RecursionError past about a thousand levels, ValueError past
  4,300 digits), which are not the clear refusal a person needs.
- Meaning (`meaning_problems`): a record that has the right shape may still hold a date no diary
  has (a session in year 1, a routine starting in 9999) or an exercise the catalogue lacks.
  Each parsed record is walked field by field, so a new kind of record gets the same checks
  without a rule of its own; only a field that may lie ahead of today needs naming here.

Every problem of one record becomes one message that names the record (`one_message`). The
messages are in the current language: the page's, or English on the command line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any, BinaryIO

from pydantic import BaseModel

from sciatica import i18n
from sciatica.diary.models import EARLIEST_DAY
from sciatica.exercises.models import Catalog
from sciatica.i18n import N_, _, ngettext

# The one size limit of an import, from any door: ten years of daily check-ins with long notes
# is about 10 MB. It is stated in decimal megabytes (20 MB = 20,000,000 bytes), the unit the
# uploader shows; every message names it in MB (`MAX_IMPORT_MB`), and nothing reads past it.
MAX_IMPORT_BYTES = 20_000_000
MAX_IMPORT_MB = MAX_IMPORT_BYTES // 1_000_000
MAX_PROBLEMS_SHOWN = 50
# An export nests eight levels at most (a routine's history: change, item, dose); twice that
# leaves room for any other tool's layout, and stays far below Python's recursion limit.
MAX_DEPTH = 16
# The longest number in an export is a record's key; 18 digits hold any database id.
MAX_DIGITS = 18
MAX_NUMBER_CHARS = 40  # a number with a fraction or an exponent, e.g. 1.2345678901234567e-300

# The same first day as a check-in's or a flare-up's from the form: a file cannot hold what a
# person could not enter.
EARLIEST_DATE = EARLIEST_DAY
# Dates that may lie ahead of the person's today, and by how many days at most: a routine may
# be planned to start within a year, a baby may be due, and a file's UTC stamp may already be
# tomorrow where the person is. Every other date must be today or earlier.
IN_THE_FUTURE = N_("{field} {date} is in the future")
A_YEAR_AHEAD = (366, N_("{field} {date} is more than a year after today"))
MAY_LIE_AHEAD = {
    "start_date": A_YEAR_AHEAD,
    "due_date": A_YEAR_AHEAD,
    "exported_at": (1, IN_THE_FUTURE),
}
NOT_AHEAD = (0, IN_THE_FUTURE)
DATE_WORDS = {
    "day": N_("date"),
    "start_date": N_("start date"),
    "due_date": N_("due date"),
    "answered_on": N_("date About me was answered"),
    "sign_day": N_("day of the warning sign"),
    "seen_on": N_("day seen"),
    "exported_at": N_("export date"),
}
# Where a record holds exercise ids: fields that are one, and mappings keyed by them.
EXERCISE_ID_FIELDS = frozenset({"exercise_id"})
EXERCISE_KEYED_FIELDS = frozenset({"outcomes"})
# How a nested part of a record is named in a message, e.g. "change 2 in its history".
PART_WORDS = {"history": N_("change {n} in its history")}


class ImportRejected(ValueError):
    """The file cannot be imported; `problems` says what is wrong with which record."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        """The first MAX_PROBLEMS_SHOWN problems, then how many more there are, if any."""
        shown = self.problems[:MAX_PROBLEMS_SHOWN]
        more = len(self.problems) - len(shown)
        if more > 0:
            shown.append(
                ngettext("…and {count} more problem.", "…and {count} more problems.", more).format(
                    count=i18n.format_decimal(more)
                )
            )
        return shown


class _TooLong(ValueError):
    """A number in the file is longer than any value in an export."""

    def __init__(self, digits: str) -> None:
        self.digits = digits
        super().__init__(f"a number {len(digits):,} characters long")


def too_large() -> ImportRejected:
    """The refusal of a file over the size limit, in the limit's one unit."""
    return ImportRejected(
        [
            _("The file is larger than {limit} MB, the most an import reads.").format(
                limit=MAX_IMPORT_MB
            )
        ]
    )


def check_size(raw: bytes | str) -> bytes:
    """The file as bytes, if it is within the size limit; ImportRejected if not."""
    data = raw.encode("utf-8") if isinstance(raw, str) else raw
    if len(data) > MAX_IMPORT_BYTES:
        raise too_large()
    return data


def read_limited(source: BinaryIO) -> bytes:
    """Up to the size limit from a file or a pipe; ImportRejected if there is more.

    One byte past the limit is read, never the rest: /dev/zero or an endless pipe is refused
    after 20 MB, and a file's size on disk (which a pipe does not have) is not trusted.
    """
    data = source.read(MAX_IMPORT_BYTES + 1)
    if len(data) > MAX_IMPORT_BYTES:
        raise too_large()
    return data


def decode(raw: bytes | str) -> str:
    """The file's text, without a byte order mark; ImportRejected unless it is UTF-8."""
    data = check_size(raw)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRejected([_("The file is not UTF-8 text.")]) from None


# What Python's JSON reader says is wrong, in the app's words (any other message is shown as
# the reader gives it in English, and as a general sentence in other languages).
_JSON_ERRORS = {
    "Expecting value": N_("a value was expected"),
    "Expecting property name enclosed in double quotes": N_("a name in double quotes was expected"),
    "Expecting ',' delimiter": N_("a comma was expected"),
    "Expecting ':' delimiter": N_("a colon was expected"),
    "Unterminated string starting at": N_("a text in quotes is never closed"),
    "Invalid control character at": N_("a text holds a control character"),
    "Invalid \\escape": N_("a text holds an invalid escape (\\)"),
    "Invalid \\uXXXX escape": N_("a text holds an invalid escape (\\u)"),
    "Extra data": N_("more follows the end of the data"),
    "Illegal trailing comma before end of object": N_("a comma comes before the end"),
    "Illegal trailing comma before end of array": N_("a comma comes before the end"),
}


def read_json(raw: bytes | str) -> Any:
    """The file's JSON value, refused with one clear message unless it is safe to read."""
    text = decode(raw)
    too_deep = _(
        "The file nests its values more than {depth} levels deep; an export uses {depth} at most."
    ).format(depth=MAX_DEPTH)
    try:
        value = json.loads(text, parse_int=_whole_number, parse_float=_number)
    except _TooLong as error:
        line = text.count("\n", 0, max(text.find(error.digits), 0)) + 1
        too_long = _(
            "The file holds a number {length} characters long (line {line}); no value in an "
            "export is longer than {digits} digits."
        )
        length = i18n.format_decimal(len(error.digits))
        raise ImportRejected(
            [too_long.format(length=length, line=line, digits=MAX_DIGITS)]
        ) from None
    except json.JSONDecodeError as error:
        not_json = _("The file is not valid JSON (line {line}, column {column}): {error}.")
        reason = (
            _(_JSON_ERRORS[error.msg])
            if error.msg in _JSON_ERRORS
            else i18n.foreign_words(error.msg, instead=_("this part cannot be read"))
        )
        raise ImportRejected(
            [not_json.format(line=error.lineno, column=error.colno, error=reason)]
        ) from None
    except RecursionError:  # Python's reader stops at its recursion limit, about 1,000 levels
        raise ImportRejected([too_deep]) from None
    except ValueError as error:  # none known past the checks above; still no traceback
        unreadable = i18n.foreign_words(
            _("The file cannot be read as JSON: {error}.").format(error=error),
            instead=_("The file cannot be read as JSON."),
        )
        raise ImportRejected([unreadable]) from None
    if nesting_depth(value) > MAX_DEPTH:
        raise ImportRejected([too_deep])
    return value


def nesting_depth(value: Any) -> int:
    """How deeply a JSON value nests arrays and objects (a number or string is 0), measured
    without recursion, and no further than one level past MAX_DEPTH."""
    deepest = 0
    stack = [(value, 1)] if isinstance(value, list | dict) else []
    while stack and deepest <= MAX_DEPTH:
        current, depth = stack.pop()
        deepest = max(deepest, depth)
        inner = current.values() if isinstance(current, dict) else current
        stack.extend((item, depth + 1) for item in inner if isinstance(item, list | dict))
    return deepest


def _whole_number(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_DIGITS:
        raise _TooLong(digits)
    return int(digits)


def _number(text: str) -> float:
    if len(text) > MAX_NUMBER_CHARS:
        raise _TooLong(text)
    return float(text)


def meaning_problems(record: BaseModel, *, today: date, catalog: Catalog) -> list[str]:
    """Each date outside its plausible range and each exercise the catalogue lacks, in words."""
    problems: list[str] = []
    unknown: list[str] = []
    for part, name, value in _fields(record, part=""):
        if isinstance(value, date) and (problem := date_problem(name, value, today=today)):
            problems.append(f"{part}{problem}")
        elif name in EXERCISE_ID_FIELDS:
            unknown.extend(_unknown([value], catalog))
        elif name in EXERCISE_KEYED_FIELDS and isinstance(value, dict):
            unknown.extend(_unknown(value, catalog))
    problems.extend(
        _("unknown exercise {exercise}").format(exercise=repr(exercise_id))
        for exercise_id in dict.fromkeys(unknown)
    )
    return problems


def date_problem(name: str, value: date, *, today: date) -> str | None:
    """What is wrong with a date in a file, or None when it is plausible."""
    day = value.date() if isinstance(value, datetime) else value
    words = _(DATE_WORDS[name]) if name in DATE_WORDS else name.replace("_", " ")
    if day < EARLIEST_DATE:
        return _("{field} {date} is before {earliest}").format(
            field=words,
            date=day.isoformat(),
            earliest=i18n.format_date(EARLIEST_DATE, "dd MMMM y"),
        )
    ahead, too_far = MAY_LIE_AHEAD.get(name, NOT_AHEAD)
    if (day - today).days > ahead:
        return _(too_far).format(field=words, date=day.isoformat())
    return None


def _unknown(ids: Any, catalog: Catalog) -> Iterator[str]:
    return (str(i) for i in ids if str(i) not in catalog.by_id)


def _fields(model: BaseModel, *, part: str) -> Iterator[tuple[str, str, Any]]:
    """Every field of a model and of the models inside it: (where, field name, value)."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        yield part, name, value
        values = value if isinstance(value, tuple | list | frozenset) else (value,)
        for number, inner in enumerate(values, start=1):
            if isinstance(inner, BaseModel):
                where = PART_WORDS.get(name)
                inner_part = part + (_(where).format(n=number) + ": " if where else "")
                yield from _fields(inner, part=inner_part)


def one_message(label: str, problems: list[str]) -> str | None:
    """A record's problems as one message that names it, or None when it has none."""
    seen: set[str] = set()
    unique = []
    for problem in problems:
        text = problem.rstrip(".")
        if text.lower() not in seen:  # the same problem found by two rules is said once
            seen.add(text.lower())
            unique.append(text)
    return f"{label}: {'; '.join(unique)}." if unique else None
