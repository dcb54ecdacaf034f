"""Green, amber or red for one session, from everything known about it (CLINICAL.md 4 and 9).

Built on the pain-monitoring model (Silbernagel et al., Am J Sports Med 2007) with nerve-root
rules (McKenzie: symptoms spreading down the leg, peripheralisation, are a sign to back off):

- the pain that counts is the highest of leg pain before, worst during and after: green up to
  3/10, amber at 4-5, red above 5;
- symptoms spreading further down the leg, or new numbness or weakness, make it red whatever
  the numbers;
- next morning's leg pain 2 or more above the person's usual (the median of the 7 days before
  the session; the pain before it when there is no diary) means it did not settle: red.

Until next morning's check-in exists a session is provisional ("waiting"): it can hold the
dose, never justify a progression. Once the day after has passed without a check-in it stays
"not confirmed", never green by default. Days, not hours, mark that point, because a session
logged after the fact or imported carries no time of day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from statistics import median

from sciatica import clock, i18n
from sciatica.i18n import _
from sciatica.plans.models import LegResponse, Session, SessionInput

GREEN_MAX = 3
AMBER_MAX = 5
NOT_SETTLED_RISE = 2  # next-morning leg pain this far above the usual: not settled


class Colour(StrEnum):
    """The traffic light for one session."""

    GREEN = "green"
    AMBER = "amber"
    RED = "red"


class Confirmation(StrEnum):
    """Whether next morning's check-in has said how the session settled."""

    CONFIRMED = "confirmed"
    WAITING = "waiting"  # provisional: next morning has not come (or not been logged) yet
    NOT_CONFIRMED = "not_confirmed"  # the day after passed without a check-in


@dataclass(frozen=True, slots=True)
class Classification:
    """A session's colour, the reasons for it, and what next morning has said so far."""

    colour: Colour
    reasons: tuple[str, ...]
    confirmation: Confirmation

    @property
    def provisional(self) -> bool:
        """Whether next morning may still change it (a red never gets better)."""
        return self.colour is not Colour.RED and self.confirmation is Confirmation.WAITING

    @property
    def confirmed_green(self) -> bool:
        """Green and settled the next morning: the only session that counts towards building up."""
        return self.colour is Colour.GREEN and self.confirmation is Confirmation.CONFIRMED


@dataclass(frozen=True, slots=True)
class ClassifiedSession:
    """A logged session and its traffic light."""

    session: Session
    classification: Classification

    @property
    def colour(self) -> Colour:
        """The session's colour."""
        return self.classification.colour


def usual_leg_pain(leg_pain_before: list[int]) -> float | None:
    """The person's usual leg pain: the median of the check-ins in the 7 days before."""
    return median(leg_pain_before) if leg_pain_before else None


def _highest(session: SessionInput) -> tuple[int, str]:
    """The highest pain of the session and its reason, e.g. 'leg pain reached 7/10 after ...'."""
    moments = (
        (session.pain_after, _("leg pain reached {pain}/10 after the session")),
        (session.worst_during, _("leg pain reached {pain}/10 during the session")),
        (session.pain_before, _("leg pain reached {pain}/10 before the session")),
    )
    pain, words = max(moments, key=lambda moment: moment[0])
    return pain, words.format(pain=pain)


def classify(
    session: SessionInput,
    *,
    next_morning_leg_pain: int | None,
    usual: float | None,
    today: date,
) -> Classification:
    """Green, amber or red for a session, with next morning's check-in where there is one."""
    red, amber = [], []
    pain, reached = _highest(session)
    if pain > AMBER_MAX:
        red.append(reached)
    elif pain > GREEN_MAX:
        amber.append(reached)
    if session.leg_response is LegResponse.DOWN:
        red.append(_("symptoms spread further down your leg"))
    if session.new_numbness_or_weakness:
        red.append(_("you noticed new numbness or weakness"))
    if next_morning_leg_pain is not None:
        confirmation = Confirmation.CONFIRMED
        baseline = usual if usual is not None else session.pain_before
        if next_morning_leg_pain >= baseline + NOT_SETTLED_RISE:
            red.append(
                _("next morning your leg pain was {pain}/10, above your usual {usual}/10").format(
                    pain=next_morning_leg_pain, usual=i18n.format_decimal(baseline)
                )
            )
    elif today > clock.shift(session.day, 1):
        confirmation = Confirmation.NOT_CONFIRMED
    else:
        confirmation = Confirmation.WAITING
    if red:
        return Classification(Colour.RED, tuple(red), confirmation)
    if amber:
        return Classification(Colour.AMBER, tuple(amber), confirmation)
    low = _("leg pain stayed low ({pain}/10 at most)").format(pain=pain)
    if confirmation is Confirmation.CONFIRMED:
        low = _(
            "leg pain stayed low ({pain}/10 at most), and next morning was no worse than usual"
        ).format(pain=pain)
    return Classification(Colour.GREEN, (low,), confirmation)
