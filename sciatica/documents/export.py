"""Export the diary as versioned JSON, and import such a file all or nothing."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from sciatica import clock
from sciatica.diary.models import (
    AboutMe,
    CheckInInput,
    FlareInput,
    SignSeen,
    describe_errors,
    parse_check_in,
    problem_words,
)
from sciatica.diary.triage import content, known_red_flag, triage
from sciatica.documents.export_flares import export_flares, parse_flares
from sciatica.documents.export_plans import export_plans, parse_plans
from sciatica.documents.export_sharing import export_sharing

# The size limit and the refusal are import_rules', named here too for the pages, the command
# line and the CSV import, which all import a file through this module.
from sciatica.documents.import_rules import MAX_IMPORT_BYTES as MAX_IMPORT_BYTES
from sciatica.documents.import_rules import MAX_IMPORT_MB as MAX_IMPORT_MB
from sciatica.documents.import_rules import ImportRejected as ImportRejected
from sciatica.documents.import_rules import meaning_problems, one_message, read_json
from sciatica.documents.import_rules import read_limited as read_limited
from sciatica.exercises.catalog import load_catalog
from sciatica.exercises.models import Catalog
from sciatica.i18n import N_, Language, _
from sciatica.plans.models import RoutineInput, RoutineRecord, SessionInput
from sciatica.storage.import_report import ImportReport
from sciatica.storage.store import Store

EXPORT_FORMAT = "sciatica-export"
# 2 added routines and sessions; 3 each routine's current doses and history of changes,
# About me and the warning signs seen about; 4 the flare-ups (`export_flares`). Versions 1 to 3
# still import; 5 the shares with a clinician and the access log (`export_sharing`), which an
# import does not restore. The language chosen for the app is an optional field: a file without
# it leaves the person's choice as it is.
EXPORT_VERSION = 5
# How the file's lists name one of their records in a message; a new kind of record adds its own.
RECORD_LABELS = {
    "check_ins": N_("Check-in"),
    "routines": N_("Routine"),
    "sessions": N_("Session"),
    "signs_seen": N_("Seen about"),
    "about_me": N_("About me"),
    "flares": N_("Flare-up"),
}


def record_label(kind: str) -> str:
    """How a message names one record of a list in the file ('Check-in'), in the language."""
    label = RECORD_LABELS[kind]
    return _(label)


class ExportDocument(BaseModel):
    """The envelope of an export file; check-ins are validated one by one."""

    model_config = ConfigDict(extra="forbid")

    format: Literal["sciatica-export"] = Field(description="Marks a sciatica export file.")
    version: Literal[1, 2, 3, 4, 5] = Field(description="Version of this file format.")
    exported_at: datetime = Field(description="When the file was written.")
    country: str | None = Field(default=None, description="Country for the emergency number.")
    language: Language | None = Field(default=None, description="The language chosen, if any.")
    check_ins: list[dict[str, Any]] = Field(description="One object per check-in day.")
    routines: list[dict[str, Any]] = Field(default_factory=list, description="Weekly plans.")
    sessions: list[dict[str, Any]] = Field(default_factory=list, description="Logged sessions.")
    about_me: dict[str, Any] | None = Field(default=None, description="About-me answers.")
    signs_seen: list[dict[str, Any]] = Field(
        default_factory=list, description="Warning signs the person has been seen about."
    )
    flares: list[dict[str, Any]] = Field(
        default_factory=list, description="Flare-ups: quick pain entries during the day."
    )
    shares: list[dict[str, Any]] = Field(
        default_factory=list, description="Shares with a clinician: a record, not restored."
    )
    access_log: list[dict[str, Any]] = Field(
        default_factory=list, description="Views of the diary by clinicians: not restored."
    )


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """Everything in a valid import file, ready to write."""

    check_ins: list[CheckInInput]
    country: str | None
    routines: list[RoutineRecord] = field(default_factory=list)
    sessions: list[tuple[SessionInput, int | None]] = field(default_factory=list)
    about_me: AboutMe | None = None
    signs_seen: list[SignSeen] = field(default_factory=list)
    language: Language | None = None
    flares: list[FlareInput] = field(default_factory=list)


def export_data(store: Store, *, user_id: str, now: datetime | None = None) -> dict[str, Any]:
    """All of the user's data as a JSON-ready dictionary."""
    entries = store.all_check_ins(user_id=user_id)
    fields = set(CheckInInput.model_fields)
    check_ins = []
    for entry in entries:
        record = entry.model_dump(mode="json", include=fields)
        record["red_flags"] = sorted(entry.red_flags)
        check_ins.append(record)
    routines, sessions = export_plans(store, user_id=user_id)
    about_me = store.get_about_me(user_id=user_id)
    shares, access_log = export_sharing(store, user_id=user_id)
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": (now or clock.now()).isoformat(),
        "country": store.get_country(user_id=user_id),
        "language": store.get_language(user_id=user_id),
        "check_ins": check_ins,
        "routines": routines,
        "sessions": sessions,
        "about_me": about_me.model_dump(mode="json") if about_me else None,
        "signs_seen": [seen.model_dump(mode="json") for seen in store.signs_seen(user_id=user_id)],
        "flares": export_flares(store, user_id=user_id),
        "shares": shares,
        "access_log": access_log,
    }


def export_json(store: Store, *, user_id: str, now: datetime | None = None) -> str:
    """All of the user's data as a JSON document."""
    return json.dumps(export_data(store, user_id=user_id, now=now), indent=2, ensure_ascii=False)


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


@dataclass(frozen=True, slots=True)
class ImportPreview:
    """What an import would do, shown before the user confirms."""

    check_ins: int
    routines: int
    sessions: int
    existing_days: list[date]
    first_day: date | None
    last_day: date | None
    flares: int = 0
    diary_empty: bool = True
    differing_days: list[date] = field(default_factory=list)  # held, with other answers
    other_routines: list[str] = field(default_factory=list)  # the file's the diary lacks
    settings_differ: tuple[str, ...] = ()  # "language", "country", "about_me"

    @property
    def looks_like_another_diary(self) -> bool:
        """Whether the file seems to come from someone else's diary, not an earlier copy."""
        return not self.diary_empty and bool(
            self.differing_days or self.other_routines or self.settings_differ
        )


def preview_import(store: Store, *, user_id: str, plan: ImportPlan) -> ImportPreview:
    """How many records the plan holds, which of its days the diary already has, and how the
    file differs from the diary (days with other answers, routines and settings not its own)."""
    existing = store.existing_days(user_id=user_id)
    days = [entry.day for entry in plan.check_ins]
    empty = store.diary_is_empty(user_id=user_id)
    held = {entry.day: entry for entry in store.all_check_ins(user_id=user_id)} if existing else {}
    fields = set(CheckInInput.model_fields)
    differing = [
        entry.day
        for entry in plan.check_ins
        if entry.day in held and held[entry.day].model_dump(include=fields) != entry.model_dump()
    ]
    own = [
        routine.model_dump(include=set(RoutineInput.model_fields))
        for routine in store.list_routines(user_id=user_id)
    ]
    other = [
        record.routine.name
        for record in plan.routines
        if own and record.routine.model_dump() not in own
    ]
    settings = {
        "language": plan.language is not None
        and plan.language != store.get_language(user_id=user_id),
        "country": plan.country is not None and plan.country != store.get_country(user_id=user_id),
        "about_me": plan.about_me is not None
        and plan.about_me != store.get_about_me(user_id=user_id),
    }
    return ImportPreview(
        check_ins=len(days),
        routines=len(plan.routines),
        sessions=len(plan.sessions),
        existing_days=[day for day in days if day in existing],
        first_day=days[0] if days else None,
        last_day=days[-1] if days else None,
        flares=len(plan.flares),
        diary_empty=empty,
        differing_days=differing,
        other_routines=list(dict.fromkeys(other)),
        settings_differ=()
        if empty
        else tuple(name for name, differs in settings.items() if differs),
    )


def apply_import(
    store: Store, *, user_id: str, plan: ImportPlan, replace_existing: bool = True
) -> int:
    """`import_file`, returning how many check-ins were written (added or changed)."""
    return import_file(store, user_id=user_id, plan=plan, replace_existing=replace_existing).written


def import_file(
    store: Store,
    *,
    user_id: str,
    plan: ImportPlan,
    replace_existing: bool = True,
    replace_settings: bool = False,
) -> ImportReport:
    """Write a validated import in one transaction; say what it added, changed and left alone.

    Days that exist are replaced or kept (`replace_existing`); so are days that already hold
    flare-ups: the file's flare-ups of such a day replace the diary's, or are left out, so
    importing the same file twice changes nothing. The file's language, country and About me
    are taken only into an empty diary or with `replace_settings` (the person chose
    "Replace"): importing someone else's file never changes who you are.
    """
    entries = [(entry, triage(ticked=entry.red_flags).level) for entry in plan.check_ins]
    return store.import_diary(
        user_id=user_id,
        entries=entries,
        country=plan.country,
        language=plan.language,
        replace_existing=replace_existing,
        replace_settings=replace_settings,
        routine_records=plan.routines,
        session_records=plan.sessions,
        about_me=plan.about_me,
        signs_seen=plan.signs_seen,
        flares=plan.flares,
    )
