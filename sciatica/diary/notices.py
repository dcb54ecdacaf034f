"""What to tell the person right where they act: after saving, and while a warning sign stands.

Pure wording and numbers, no Streamlit: `sciatica.ui.alerts` draws a `Notice` at the button
that was pressed, with each emergency number as a tel: link.

- `check_in_notice`: the outcome of saving a check-in: advice first when a warning sign was
  ticked, then "Saved" with the comparison.
- `triage_notice`: the advice for any triage result (the session log uses it too).
- `standing_signs` / `standing_alert`: an urgent or emergency sign stays shown, whatever later
  check-ins say, until the person says they have been seen about it (CLINICAL.md 9); a history
  of cancer stands until a doctor has assessed this back pain (CLINICAL.md 1, NICE NG59).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sciatica.diary.about_me import about_me_content
from sciatica.diary.models import AboutMe, SignSeen, TriageLevel
from sciatica.diary.triage import (
    Triage,
    advice,
    dial_for,
    emergency_dial,
    known_red_flag,
    triage,
    urgent_dial,
)
from sciatica.i18n import _


@dataclass(frozen=True, slots=True)
class Notice:
    """Advice to show in view: a level, its words, the numbers to call and what was saved."""

    level: TriageLevel
    title: str = ""
    text: str = ""
    points: tuple[str, ...] = ()
    calls: tuple[str, ...] = ()
    saved: str = ""
    numbers: tuple[str, ...] = ()  # the emergency numbers `text` names, each drawn as a tel: link

    @property
    def urgent(self) -> bool:
        """Emergency or urgent: shown as a dialog as well as at the button."""
        return self.level.rank >= TriageLevel.URGENT.rank


def triage_notice(result: Triage, *, country: str | None, saved: str = "") -> Notice:
    """The advice for a triage result, with the emergency numbers to call where it needs them."""
    if result.level is TriageLevel.NONE:
        return Notice(level=result.level, saved=saved)
    words = advice(result.level, country=country)
    points = tuple(flag.question for flag in result.flags) + result.reasons
    # Urgent advice also says to call if it gets worse quickly, so it offers the number too,
    # after the country's number for urgent advice where there is one (1177 in Sweden).
    calls = dial_for(result.level, country=country)
    numbers = urgent_dial(country) + emergency_dial(country)
    return Notice(result.level, words.title, words.text, points, calls, saved, numbers)


def saved_line(*, updated: bool, comparison: str) -> str:
    """'Saved. Leg pain 5, 2 lower than yesterday.' or that it updated the day's check-in."""
    if updated:
        return _("Saved (updated this day's check-in). {comparison}").format(comparison=comparison)
    return _("Saved. {comparison}").format(comparison=comparison)


def check_in_notice(
    result: Triage, *, updated: bool, comparison: str, country: str | None
) -> Notice:
    """What saving a check-in says, in view: any advice first, then 'Saved' and the comparison."""
    return triage_notice(
        result, country=country, saved=saved_line(updated=updated, comparison=comparison)
    )


def standing_signs(
    flagged_days: Iterable[tuple[date, Iterable[str]]], seen: Sequence[SignSeen]
) -> dict[str, date]:
    """Urgent or emergency signs not yet seen about: each id with the latest day it was ticked.

    A sign is put to rest by saying one has been seen about it after its latest tick; ticking it
    again on a later day makes it stand again.
    """
    latest: dict[str, date] = {}
    for day, flags in flagged_days:
        for flag_id in flags:
            # An id the app never had (written around it, into the database) has no advice to
            # stand for; the check-in keeps it, and keeps the level it was saved with.
            flag = known_red_flag(flag_id)
            if flag is None or flag.level.rank < TriageLevel.URGENT.rank:
                continue
            latest[flag_id] = max(day, latest.get(flag_id, day))
    rested: dict[str, date] = {}
    for item in seen:
        rested[item.flag_id] = max(item.sign_day, rested.get(item.flag_id, item.sign_day))
    return {
        flag_id: day
        for flag_id, day in latest.items()
        if flag_id not in rested or day > rested[flag_id]
    }


@dataclass(frozen=True, slots=True)
class StandingAlert:
    """Warning signs that stand, the days they were ticked, and a history of cancer to assess."""

    triage: Triage
    since: dict[str, date]
    cancer: bool


def standing_alert(
    flagged_days: Iterable[tuple[date, Iterable[str]]],
    *,
    seen: Sequence[SignSeen],
    about_me: AboutMe | None,
) -> StandingAlert | None:
    """The advice that stands today, or None: it pauses every exercise suggestion."""
    since = standing_signs(flagged_days, seen)
    cancer = about_me is not None and about_me.cancer_needs_assessment
    reasons = (about_me_content().cancer_reason,) if cancer else ()
    if not since and not cancer:
        return None
    result = triage(ticked=since)
    if cancer and result.level.rank < TriageLevel.URGENT.rank:
        result = Triage(level=TriageLevel.URGENT, flags=result.flags)
    result = result.model_copy(update={"reasons": reasons})
    return StandingAlert(triage=result, since=since, cancer=cancer)


def seen_records(alert: StandingAlert, *, today: date) -> list[SignSeen]:
    """What to store when the person says they have been seen about the standing signs."""
    return [
        SignSeen(flag_id=flag_id, sign_day=day, seen_on=today)
        for flag_id, day in sorted(alert.since.items())
    ]
