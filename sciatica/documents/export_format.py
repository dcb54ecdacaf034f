"""The export file's shapes: its format and version, how its lists name a record, the envelope
(`ExportDocument`), and everything a valid file holds, ready to write (`ImportPlan`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from sciatica.diary.models import AboutMe, CheckInInput, FlareInput, SignSeen
from sciatica.i18n import N_, Language, _
from sciatica.plans.models import RoutineRecord, SessionInput

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
