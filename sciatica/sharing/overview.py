"""What a clinician's Patients page says of one patient, read through an opened diary.

Each patient in one card: the last check-in, leg pain over the last 7 days against the 7
before, a warning sign that stands (first, since it matters most), the sessions of the last two
weeks against the days the routine plans, and the routine's doses now. Everything is read for a
`PatientDiary`, which only `access.open_patient_diary` makes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean

from sciatica import clock, i18n
from sciatica.diary.models import CheckIn
from sciatica.diary.notices import triage_notice
from sciatica.diary.today import current_alert
from sciatica.exercises.models import Catalog
from sciatica.i18n import _
from sciatica.plans.history import dose_lines
from sciatica.plans.models import Routine
from sciatica.sharing.access import PatientDiary
from sciatica.storage.store import Store

WEEK_DAYS = 7
FORTNIGHT_DAYS = 14


@dataclass(frozen=True, slots=True)
class PatientOverview:
    """One patient's card on the Patients page, in words."""

    name: str
    warning: str | None  # a warning sign that stands, with the advice's title
    last_check_in: str
    leg_pain: str
    sessions: str
    routine: str | None
    doses: tuple[str, ...]


def _average(entries: list[CheckIn]) -> str | None:
    if not entries:
        return None
    return i18n.format_decimal(fmean(entry.leg_pain for entry in entries), format="0.0")


def leg_pain_words(entries: list[CheckIn], *, today: date) -> str:
    """Leg pain over the last 7 days against the 7 before, in one sentence."""
    recent = [entry for entry in entries if (today - entry.day).days < WEEK_DAYS]
    before = [entry for entry in entries if WEEK_DAYS <= (today - entry.day).days < 2 * WEEK_DAYS]
    now, then = _average(recent), _average(before)
    if now is None and then is None:
        return _("Leg pain: no check-ins in the last two weeks.")
    if then is None:
        return _("Leg pain: {now}/10 on average over the last 7 days; none the 7 before.").format(
            now=now
        )
    if now is None:
        return _("Leg pain: no check-ins in the last 7 days; {then}/10 the 7 before.").format(
            then=then
        )
    return _(
        "Leg pain: {now}/10 on average over the last 7 days, against {then}/10 the 7 before."
    ).format(now=now, then=then)


def planned_days(routine: Routine, *, start: date, end: date) -> int:
    """How many training days the routine plans from `start` to `end` (both counted)."""
    first = max(start, routine.start_date)
    span = (end - first).days + 1
    weekdays = {int(day) for day in routine.days}
    return sum(
        1
        for offset in range(max(span, 0))
        if (first + timedelta(days=offset)).weekday() in weekdays
    )


def sessions_words(done: int, planned: int | None) -> str:
    """Sessions of the last two weeks, against the plan where there is one."""
    if planned is None:
        return _("Sessions: {done} in the last two weeks; no routine is followed.").format(
            done=done
        )
    return _("Sessions: {done} in the last two weeks, of {planned} planned.").format(
        done=done, planned=planned
    )


def patient_overview(
    store: Store, diary: PatientDiary, *, catalog: Catalog, today: date
) -> PatientOverview:
    """The card for one patient whose diary was opened for the Patients list."""
    owner = diary.owner_id
    start = clock.shift(today, -(FORTNIGHT_DAYS - 1))
    entries = store.check_ins_between(user_id=owner, start=start, end=today)
    latest = store.latest_check_in(user_id=owner)
    standing = current_alert(store, user_id=owner, today=today)
    warning = None
    if standing is not None:
        notice = triage_notice(standing.triage, country=None)
        signs = "; ".join(flag.question for flag in standing.triage.flags)
        warning = f"{notice.title}. {signs}" if signs else notice.title
    routine = store.active_routine(user_id=owner)
    done = len(store.sessions_between(user_id=owner, start=start, end=today))
    planned = planned_days(routine, start=start, end=today) if routine is not None else None
    last = (
        _("Last check-in: {day}.").format(day=clock.relative_day(latest.day, today=today))
        if latest is not None
        else _("No check-in yet.")
    )
    return PatientOverview(
        name=diary.owner_label,
        warning=warning,
        last_check_in=last,
        leg_pain=leg_pain_words(entries, today=today),
        sessions=sessions_words(done, planned),
        routine=routine.name if routine is not None else None,
        doses=dose_lines(routine, catalog=catalog) if routine is not None else (),
    )
