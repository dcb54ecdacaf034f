"""The session log: what saving needs, and the advice a red answer brings at once.

The three pain questions start unanswered, so a form saved untouched is refused by name rather
than stored as a painless, green session. New numbness or weakness, or symptoms spreading down
the leg, make a session red whatever the numbers; the advice for them is shown as soon as the
session is saved (CLINICAL.md 1, 4 and 5: stop, and get checked).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from pydantic import ValidationError

from sciatica import i18n
from sciatica.diary.models import describe_errors
from sciatica.diary.triage import emergency_number
from sciatica.i18n import N_, _
from sciatica.plans.models import SESSION_LABELS, LegResponse, SessionInput

PAIN_FIELDS = ("pain_before", "worst_during", "pain_after")
PAIN_SCALE = tuple(range(11))
RED = N_("**Stop here for today: this is a red result.**")
NUMB = N_(
    "New numbness or weakness after exercise needs checking: contact your GP or "
    "physiotherapist within a day or two. If it is in both legs, or around your genitals or "
    "back passage (anus), or you have new trouble with your bladder or bowels, call {number} now."
)
SPREAD = N_(
    "Symptoms spreading further down your leg can be a sign that the nerve is irritated. Rest "
    "from the exercises, and if it has not settled by tomorrow morning, get checked by your GP "
    "or physiotherapist."
)


class SessionRejected(ValueError):
    """The log cannot be saved; `problems` says why, in plain words."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(" ".join(problems))


def session_from_answers(answers: Mapping[str, object], *, today: date) -> SessionInput:
    """The session the log describes; SessionRejected if a pain answer is missing or wrong."""
    labels = {field: _(label) for field, label in SESSION_LABELS.items()}
    missing = [labels[field] for field in PAIN_FIELDS if answers.get(field) is None]
    if missing:
        listed = missing[-1]
        if len(missing) > 1:
            listed = _("{some} and {last}").format(some=", ".join(missing[:-1]), last=listed)
        raise SessionRejected(
            [_("Please answer the pain questions: {questions}.").format(questions=listed)]
        )
    try:
        return SessionInput.model_validate(dict(answers), context={"today": today})
    except ValidationError as error:
        raise SessionRejected(describe_errors(error, model=SessionInput, labels=labels)) from error


def stop_advice(session: SessionInput, *, country: str | None) -> str | None:
    """What to do now after new numbness or weakness, or symptoms spreading down the leg.

    One message that says first what matters most, then that the session is saved.
    """
    saved = _("Your session of {day} is saved.").format(day=i18n.format_day(session.day))
    if session.new_numbness_or_weakness:
        return f"{_(RED)} {saved} {_(NUMB).format(number=emergency_number(country))}"
    if session.leg_response is LegResponse.DOWN:
        return f"{_(RED)} {saved} {_(SPREAD)}"
    return None
