"""Reading and checking an export file: the envelope, then every record in it, each problem
named by its record, and nothing kept unless the whole file is sound (`parse_import`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from pydantic import ValidationError

from sciatica import clock
from sciatica.diary.models import (
    AboutMe,
    CheckInInput,
    SignSeen,
    describe_errors,
    parse_check_in,
    problem_words,
)
from sciatica.diary.triage import content, known_red_flag
from sciatica.documents.export_flares import parse_flares
from sciatica.documents.export_format import RECORD_LABELS, ExportDocument, ImportPlan, record_label
from sciatica.documents.export_plans import parse_plans
from sciatica.documents.import_rules import ImportRejected, meaning_problems, one_message, read_json
from sciatica.exercises.catalog import load_catalog
from sciatica.exercises.models import Catalog
from sciatica.i18n import _


def parse_import(raw: bytes | str, *, today: date, now: datetime | None = None) -> ImportPlan:
    """Validate a whole export file; raise ImportRejected with one message per bad record.

    `today` is the person's day (no check-in after it), `now` this moment (no flare-up after it).
    """
    data = read_json(raw)
    try:
        document = ExportDocument.model_validate(data)
    except ValidationError as error:
        raise ImportRejected(_envelope_problems(error)) from None
    catalog = load_catalog()
    problems: list[str] = []
    if file_problem := one_message(
        _("File"), meaning_problems(document, today=today, catalog=catalog)
    ):
        problems.append(file_problem)
    routines, sessions = parse_plans(
        document.routines,
        document.sessions,
        today=today,
        version=document.version,
        problems=problems,
        catalog=catalog,
    )
    about_me, signs_seen = _parse_safety(document, today=today, catalog=catalog, problems=problems)
    flares = parse_flares(document.flares, now=now or clock.now(), problems=problems)
    try:
        plan = validate_records(document.check_ins, today=today, country=document.country)
    except ImportRejected as rejected:
        problems = rejected.problems + problems
    if problems:
        raise ImportRejected(problems)
    return ImportPlan(
        plan.check_ins,
        plan.country,
        routines,
        sessions,
        about_me,
        signs_seen,
        language=document.language,
        flares=flares,
    )


def _envelope_problems(error: ValidationError) -> list[str]:
    """The file's outline refused: by record where a record is at fault, else by field."""
    problems = []
    for item in error.errors():
        location = item["loc"]
        words = problem_words(item)
        words = words[:1].upper() + words[1:]
        if len(location) >= 2 and location[0] in RECORD_LABELS and isinstance(location[1], int):
            label = f"{record_label(str(location[0]))} {location[1] + 1}"
            problems.append(f"{label}: {_where(location[2:])}{words}.")
        else:
            problems.append(f"{_('File')}: {_where(location)}{words}.")
    return problems


def _parse_safety(
    document: ExportDocument, *, today: date, catalog: Catalog, problems: list[str]
) -> tuple[AboutMe | None, list[SignSeen]]:
    about_me = None
    if document.about_me is not None:
        found: list[str] = []
        try:
            about_me = AboutMe.model_validate(document.about_me)
        except ValidationError as error:
            found = describe_errors(error, model=AboutMe, labels={})
        else:
            found = meaning_problems(about_me, today=today, catalog=catalog)
        if message := one_message(record_label("about_me"), found):
            problems.append(message)
    seen = []
    for number, record in enumerate(document.signs_seen, start=1):
        try:
            item = SignSeen.model_validate(record)
        except ValidationError as error:
            found = describe_errors(error, model=SignSeen, labels={})
        else:
            found = unknown_signs([item.flag_id]) or meaning_problems(
                item, today=today, catalog=catalog
            )
            if not found:
                seen.append(item)
        if message := one_message(f"{record_label('signs_seen')} {number}", found):
            problems.append(message)
    return about_me, seen


def unknown_signs(ids: Iterable[str]) -> list[str]:
    """A problem naming the warning-sign ids the app has never had, if any."""
    unknown = sorted(flag for flag in ids if known_red_flag(flag) is None)
    if not unknown:
        return []
    return [
        _("Warning signs: {ids} is not a warning sign the app knows.").format(
            ids=", ".join(repr(flag) for flag in unknown)
        )
    ]


def validate_records(
    records: list[dict[str, Any]], *, today: date, country: str | None
) -> ImportPlan:
    """Validate every check-in record and the country; ImportRejected lists every problem."""
    problems: list[str] = []
    if country is not None and country not in content().emergency_numbers:
        unknown = _("File: country {country} is not one the app knows.")
        problems.append(unknown.format(country=repr(country)))
    entries = _parse_check_ins(records, today=today, problems=problems)
    duplicates = [day for day, count in Counter(e.day for e in entries).items() if count > 1]
    twice = _("Check-in {day}: this date appears more than once.")
    problems.extend(twice.format(day=day) for day in duplicates)
    if problems:
        raise ImportRejected(problems)
    return ImportPlan(check_ins=sorted(entries, key=lambda e: e.day), country=country)


def _parse_check_ins(
    records: list[dict[str, Any]], *, today: date, problems: list[str]
) -> list[CheckInInput]:
    entries = []
    catalog = load_catalog()
    for index, record in enumerate(records, start=1):
        label = f"{record_label('check_ins')} {index}"
        if isinstance(record.get("day"), str):
            label += f" ({record['day'][:10]})"
        try:
            entry = parse_check_in(record, today=today)
        except ValidationError as error:
            found = describe_errors(error)
        else:
            found = unknown_signs(entry.red_flags) or meaning_problems(
                entry, today=today, catalog=catalog
            )
            if not found:
                entries.append(entry)
        if message := one_message(label, found):
            problems.append(message)
    return entries


def _where(location: tuple[int | str, ...]) -> str:
    return f"{'.'.join(str(part) for part in location)}: " if location else ""
