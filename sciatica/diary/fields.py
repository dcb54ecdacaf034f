"""The field types and date rules every diary model shares: clean text, pain, dates.

A submitted date is judged against the person's today (`judging_day`); a stored one is shown as
it is (`STORED`). Imports nothing of the app but the clock and the language helpers.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Annotated

from pydantic import AfterValidator, Field, ValidationInfo

from sciatica import clock, i18n
from sciatica.i18n import _

EARLIEST_DAY = date(2000, 1, 1)
# Control characters other than tab and newline have no place in a diary note.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _clean_text(value: str) -> str:
    value = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    if _CONTROL_CHARS.search(value):
        raise ValueError(_("contains invisible control characters; please retype it"))
    return value


CleanText = Annotated[str, AfterValidator(_clean_text)]
PainScore = Annotated[int, Field(ge=0, le=10)]


def latest_possible_today() -> date:
    """The latest calendar date anywhere on Earth right now (UTC+14)."""
    return (clock.now() + timedelta(hours=14)).date()


# The validation context for rows read back from the database. The date rules below judge what
# a person or a file submits; a stored value is shown as it is, however it got there, since a
# diary that refuses to open over one odd date loses all the rest.
STORED: dict[str, object] = {"stored": True}


def judging_day(info: ValidationInfo) -> date | None:
    """The person's today to judge a submitted date by, or None for a stored row."""
    context = info.context if isinstance(info.context, dict) else {}
    if context.get("stored"):
        return None
    today = context.get("today")
    return today if isinstance(today, date) else latest_possible_today()


def long_date(day: date) -> str:
    """'01 January 2000', in the current language."""
    return i18n.format_date(day, "dd MMMM y")
