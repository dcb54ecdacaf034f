"""Export the diary as versioned JSON, and import such a file all or nothing.

Owns writing the file (`export_data`, `export_json`), what an import would do (`preview_import`)
and doing it (`import_file`). The file's shapes are `export_format`'s and reading and checking it
`export_reading`'s, named here too, as are import_rules' size limit and refusal: the pages, the
command line and the CSV import all import a file through this module.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sciatica import clock
from sciatica.diary.models import CheckInInput
from sciatica.diary.triage import triage
from sciatica.documents.export_flares import export_flares
from sciatica.documents.export_format import EXPORT_FORMAT as EXPORT_FORMAT
from sciatica.documents.export_format import EXPORT_VERSION as EXPORT_VERSION
from sciatica.documents.export_format import RECORD_LABELS as RECORD_LABELS
from sciatica.documents.export_format import ExportDocument as ExportDocument
from sciatica.documents.export_format import ImportPlan as ImportPlan
from sciatica.documents.export_format import record_label as record_label
from sciatica.documents.export_plans import export_plans
from sciatica.documents.export_reading import parse_import as parse_import
from sciatica.documents.export_reading import unknown_signs as unknown_signs
from sciatica.documents.export_reading import validate_records as validate_records
from sciatica.documents.export_sharing import export_sharing
from sciatica.documents.import_rules import MAX_IMPORT_BYTES as MAX_IMPORT_BYTES
from sciatica.documents.import_rules import MAX_IMPORT_MB as MAX_IMPORT_MB
from sciatica.documents.import_rules import ImportRejected as ImportRejected
from sciatica.documents.import_rules import read_limited as read_limited
from sciatica.plans.models import RoutineInput
from sciatica.storage.import_report import ImportReport
from sciatica.storage.store import Store


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
