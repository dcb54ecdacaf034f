"""Shares and views as stored: who shared with whom, until when, and each view of a diary."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from sciatica.i18n import N_, _

# A share lasts 90 days unless the person picks another last day, at most a year ahead.
DEFAULT_SHARE_DAYS = 90
LONGEST_SHARE_DAYS = 365
MAX_IDENTITY_CHARS = 320  # the longest e-mail address RFC 3696 allows


class ViewKind(StrEnum):
    """What a clinician looked at, as the access log names it."""

    PATIENTS = "patients"  # the line about the patient on the Patients list
    PROGRESS = "progress"  # the patient's Progress: summary, charts and flare-ups
    REPORT = "report"  # the patient's report, downloaded as a PDF

    @property
    def label(self) -> str:
        """The kind of view in words, in the current language."""
        return _(VIEW_LABELS[self])


VIEW_LABELS = {
    ViewKind.PATIENTS: N_("Patients list: summary"),
    ViewKind.PROGRESS: N_("Progress: summary, charts and flare-ups"),
    ViewKind.REPORT: N_("Report (PDF)"),
}


class Share(BaseModel):
    """One person's consent for a clinician to read their diary, as stored."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: int = Field(description="The share's number.")
    owner_label: str = Field(description="Whose diary: the person's e-mail or name at sharing.")
    grantee: str = Field(description="The clinician's login: e-mail address or subject.")
    created_at: datetime = Field(description="When the person shared, in UTC.")
    expires_at: datetime = Field(description="When the share ends by itself, in UTC.")
    ended_at: datetime | None = Field(default=None, description="When the person stopped it.")

    def active(self, *, now: datetime) -> bool:
        """Whether the share grants anything at this moment."""
        return self.ended_at is None and now < self.expires_at


class PatientShare(BaseModel):
    """A share as the clinician's side reads it: whose diary it opens."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    owner_id: str = Field(description="The patient's diary id.")
    owner_label: str = Field(description="The patient's e-mail or name at sharing.")
    expires_at: datetime = Field(description="When the share ends by itself, in UTC.")


class View(BaseModel):
    """One entry of a person's access log: who looked, when, at what."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    viewer: str = Field(description="The clinician's login as the provider gave it.")
    at: datetime = Field(description="When, in UTC.")
    what: ViewKind = Field(description="What they looked at.")
