"""About me and the warning signs a person has been seen about, as the app keeps them.

The service that asks and applies them is `sciatica.diary.about_me`; the notices that stand
until a sign is seen about are `sciatica.diary.notices`.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator

from sciatica.i18n import _

# After about the first trimester, lying flat on the back (and on the front) is best avoided in
# pregnancy (CLINICAL.md 5 and 7; ACOG "Exercise during pregnancy"). A due date tells the weeks;
# without one the app assumes the later months, the safer guess.
FIRST_TRIMESTER_WEEKS = 13
PREGNANCY_WEEKS = 40


class AboutMe(BaseModel):
    """The person's answers to About me: personal cautions that shape what the app suggests."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    pregnant: bool = Field(False, description="I am pregnant.")
    due_date: date | None = Field(None, description="When the baby is due, if given.")
    back_surgery: bool = Field(False, description="I had back surgery in the last 6 months.")
    hip_replacement: bool = Field(False, description="I have a hip replacement.")
    osteoporosis: bool = Field(False, description="I have osteoporosis (thin bones).")
    under_16: bool = Field(False, description="I am under 16.")
    had_cancer: bool = Field(False, description="I have had cancer.")
    cancer_assessed: bool = Field(
        False, description="A doctor has assessed this back pain (asked with had_cancer)."
    )
    answered_on: date | None = Field(None, description="When About me was first answered.")

    @model_validator(mode="after")
    def _follow_ups_need_their_question(self) -> AboutMe:
        if self.due_date is not None and not self.pregnant:
            raise ValueError(_("a due date is only asked with 'I am pregnant'"))
        if self.cancer_assessed and not self.had_cancer:
            raise ValueError(_("'a doctor has assessed this back pain' needs 'I have had cancer'"))
        return self

    def later_pregnancy(self, *, today: date) -> bool:
        """Pregnant and past about the first trimester (or the stage is not known)."""
        if not self.pregnant:
            return False
        if self.due_date is None:
            return True
        weeks_left = (self.due_date - today).days / 7
        return PREGNANCY_WEEKS - weeks_left >= FIRST_TRIMESTER_WEEKS

    @property
    def cancer_needs_assessment(self) -> bool:
        """A history of cancer with back pain no doctor has assessed yet: urgent (NICE NG59)."""
        return self.had_cancer and not self.cancer_assessed


class SignAnswer(StrEnum):
    """What the person said about a warning sign that stands (CLINICAL.md 10)."""

    SEEN = "seen"  # "I have been seen about this": put to rest
    GONE = "gone"  # "It has gone": put to rest
    STILL_THERE = "still_there"  # "It is still there": stands, asked again 14 days later

    @property
    def rests(self) -> bool:
        """The answer puts the sign to rest until it is ticked again."""
        return self is not SignAnswer.STILL_THERE


class SignSeen(BaseModel):
    """What the person said about a warning sign that stood: seen, gone or still there."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    flag_id: str = Field(pattern=r"^[a-z_]+$", description="The warning sign's id.")
    sign_day: date = Field(description="The latest day it was ticked when they said so.")
    seen_on: date = Field(description="The day they said it.")
    answer: SignAnswer = Field(SignAnswer.SEEN, description="What they said about it.")
