"""What to tell the person right where they act: after saving, and while a warning sign stands.

Pure wording and numbers, no Streamlit: `sciatica.ui.alerts` draws a `Notice` at the button
that was pressed, with each emergency number as a tel: link.

- `check_in_notice`: the outcome of saving a check-in: advice first when a warning sign was
  ticked, then "Saved" with the comparison.
- `triage_notice`: the advice for any triage result (the session log uses it too).
- `standing_signs` / `standing_alert`: a sign that needs a doctor (soon, the same day or now)
  stays shown, whatever later check-ins say, until the person says they have been seen about
  it or that it has gone; one neither ticked again nor confirmed for 14 days is asked about
  again (CLINICAL.md 10). A history of cancer stands until a doctor has assessed this back pain
  (CLINICAL.md 1, NICE NG59). Every page reads this one state.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sciatica.diary.about_me import about_me_content
from sciatica.diary.models import AboutMe, SignAnswer, SignSeen, TriageLevel
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
        """Emergency, urgent or soon: shown as a dialog as well as at the button."""
        return self.level.stands


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


# A sign neither ticked again nor confirmed for this long is asked about again (CLINICAL.md 10).
ASK_AGAIN_DAYS = 14


def standing_signs(
    flagged_days: Iterable[tuple[date, Iterable[str]]], seen: Sequence[SignSeen]
) -> dict[str, date]:
    """Signs that stand, not yet seen about or gone: each id with the latest day it was ticked.

    A sign is put to rest by saying one has been seen about it (or that it has gone) after its
    latest tick; ticking it again on a later day makes it stand again. "It is still there"
    keeps it standing.
    """
    latest: dict[str, date] = {}
    for day, flags in flagged_days:
        for flag_id in flags:
            # An id the app never had (written around it, into the database) has no advice to
            # stand for; the check-in keeps it, and keeps the level it was saved with.
            flag = known_red_flag(flag_id)
            if flag is None or not flag.level.stands:
                continue
            latest[flag_id] = max(day, latest.get(flag_id, day))
    rested: dict[str, date] = {}
    for item in seen:
        if item.answer.rests:
            rested[item.flag_id] = max(item.sign_day, rested.get(item.flag_id, item.sign_day))
    return {
        flag_id: day
        for flag_id, day in latest.items()
        if flag_id not in rested or day > rested[flag_id]
    }


def confirmed_days(since: dict[str, date], seen: Sequence[SignSeen]) -> dict[str, date]:
    """Each standing sign with the latest day it was ticked or said to be still there."""
    confirmed = dict(since)
    for item in seen:
        ticked = since.get(item.flag_id)
        if item.answer is SignAnswer.STILL_THERE and ticked is not None and item.sign_day >= ticked:
            confirmed[item.flag_id] = max(confirmed[item.flag_id], item.seen_on)
    return confirmed


@dataclass(frozen=True, slots=True)
class StandingAlert:
    """Warning signs that stand, the days they were ticked, and a history of cancer to assess.

    `asking` holds the signs neither ticked again nor confirmed for 14 days: the person is asked
    whether they are still the case.
    """

    triage: Triage
    since: dict[str, date]
    cancer: bool
    asking: tuple[str, ...] = ()

    def ticked_before(self, day: date) -> dict[str, date]:
        """The standing signs last ticked before a day (before a period shown, say)."""
        return {flag_id: ticked for flag_id, ticked in self.since.items() if ticked < day}


def standing_alert(
    flagged_days: Iterable[tuple[date, Iterable[str]]],
    *,
    seen: Sequence[SignSeen],
    about_me: AboutMe | None,
    today: date,
) -> StandingAlert | None:
    """The advice that stands today, or None: it pauses every exercise suggestion."""
    since = standing_signs(flagged_days, seen)
    cancer = about_me is not None and about_me.cancer_needs_assessment
    reasons = (about_me_content().cancer_reason,) if cancer else ()
    if not since and not cancer:
        return None
    result = triage(ticked=since)
    # A history of cancer not yet assessed with this back pain: see a doctor soon (CLINICAL.md 1).
    if cancer and result.level.rank < TriageLevel.SOON.rank:
        result = Triage(level=TriageLevel.SOON, flags=result.flags)
    result = result.model_copy(update={"reasons": reasons})
    confirmed = confirmed_days(since, seen)
    asking = tuple(
        sorted(
            flag_id for flag_id, day in confirmed.items() if (today - day).days >= ASK_AGAIN_DAYS
        )
    )
    return StandingAlert(triage=result, since=since, cancer=cancer, asking=asking)


def seen_records(alert: StandingAlert, *, today: date) -> list[SignSeen]:
    """What to store when the person says they have been seen about the standing signs."""
    return answer_records(alert, answer=SignAnswer.SEEN, today=today, signs=alert.since)


def answer_records(
    alert: StandingAlert, *, answer: SignAnswer, today: date, signs: Iterable[str] | None = None
) -> list[SignSeen]:
    """What to store for an answer to "Is this still the case?" (the signs asked, by default)."""
    chosen = set(alert.asking if signs is None else signs)
    return [
        SignSeen(flag_id=flag_id, sign_day=day, seen_on=today, answer=answer)
        for flag_id, day in sorted(alert.since.items())
        if flag_id in chosen
    ]
