"""Green, amber or red for one session, from everything known about it (CLINICAL.md 4 and 9).

Built on the pain-monitoring model (Silbernagel et al., Am J Sports Med 2007) with nerve-root
rules (McKenzie: symptoms spreading down the leg, peripheralisation, are a sign to back off):

- the pain that counts is the worst during and the pain after, read against the pain before
  (section 9): green up to 3/10, amber at 4-5; above 5 is red only when it rose above the pain
  before, and amber when it did not (a high-pain day held steady); pain after 2 or more above
  the pain before is red at any level. A session whose pain did not rise is never red on its
  numbers, and one whose pain fell says so;
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

from collections.abc import Mapping
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
AFTER_RISE = 2  # pain after this far above the pain before: red at any level


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


USUAL_DAYS = 7


def classify_in_diary(
    session: Session, *, leg_pain: Mapping[date, int], today: date
) -> ClassifiedSession:
    """A stored session read against the diary's daily leg pain: its usual (the median of the
    7 days before) and next morning's, once that morning has come."""
    before = [
        pain
        for offset in range(1, USUAL_DAYS + 1)
        if (pain := leg_pain.get(clock.shift(session.day, -offset))) is not None
    ]
    morning = clock.shift(session.day, 1)
    classification = classify(
        session,
        next_morning_leg_pain=leg_pain.get(morning) if morning <= today else None,
        usual=usual_leg_pain(before),
        today=today,
    )
    return ClassifiedSession(session, classification)


def _peak(session: SessionInput) -> tuple[int, str]:
    """The session's worst pain, during or after, and when: (7, 'during')."""
    if session.pain_after > session.worst_during:
        return session.pain_after, "after"
    return session.worst_during, "during"


def _pain_reasons(session: SessionInput) -> tuple[list[str], list[str], list[str]]:
    """Red, amber and green reasons from the pain before, the worst during and the pain after.

    CLINICAL.md 9: the thresholds apply to the worst during and the pain after, read against
    the pain before. Above 5 is red only when it rose above the pain before; a high-pain day
    held steady is amber. Pain after 2 or more above the pain before is red at any level.
    """
    before, after = session.pain_before, session.pain_after
    peak, when = _peak(session)
    red: list[str] = []
    amber: list[str] = []
    if peak > AMBER_MAX and peak > before:
        words = (
            _("leg pain rose from {before}/10 before to {peak}/10 during the session")
            if when == "during"
            else _("leg pain rose from {before}/10 before to {peak}/10 after the session")
        )
        red.append(words.format(before=before, peak=peak))
    elif after >= before + AFTER_RISE:
        red.append(
            _("leg pain was {after}/10 after the session, up from {before}/10 before").format(
                after=after, before=before
            )
        )
    elif peak > AMBER_MAX:
        amber.append(
            _(
                "leg pain was high ({peak}/10) but did not rise above the {before}/10 you had "
                "before the session"
            ).format(peak=peak, before=before)
        )
    elif peak > GREEN_MAX:
        words = (
            _("leg pain reached {peak}/10 during the session")
            if when == "during"
            else _("leg pain reached {peak}/10 after the session")
        )
        amber.append(words.format(peak=peak))
    eased = []
    if after < before and peak <= before:
        eased.append(
            _("leg pain fell from {before}/10 before to {after}/10 after").format(
                before=before, after=after
            )
        )
    return red, amber, eased


def classify(
    session: SessionInput,
    *,
    next_morning_leg_pain: int | None,
    usual: float | None,
    today: date,
) -> Classification:
    """Green, amber or red for a session, with next morning's check-in where there is one.

    The reasons quote the numbers that decided it; a session whose pain fell says so too.
    """
    red, amber, eased = _pain_reasons(session)
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
        return Classification(Colour.AMBER, (*amber, *eased), confirmation)
    peak, _when = _peak(session)
    low = _("leg pain stayed at {pain}/10 or less during and after the session").format(pain=peak)
    if confirmation is Confirmation.CONFIRMED:
        low = _(
            "leg pain stayed at {pain}/10 or less during and after the session, and next morning "
            "was no worse than usual"
        ).format(pain=peak)
    return Classification(Colour.GREEN, (low, *eased), confirmation)
