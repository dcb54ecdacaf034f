"""What the Today page shows, gathered from the diary in a few bounded queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean

from sciatica import clock, i18n
from sciatica.diary.models import CheckIn, SignAnswer
from sciatica.diary.notices import StandingAlert, answer_records, seen_records, standing_alert
from sciatica.diary.ports import Diary, SafetyRepository
from sciatica.diary.triage import Triage, routine_reasons, triage
from sciatica.i18n import ngettext

WEEK_DAYS = 7


@dataclass(frozen=True, slots=True)
class TodayOverview:
    """Today's check-in, the last week, and any advice that stands."""

    todays_check_in: CheckIn | None
    week: list[CheckIn]
    week_summary: str
    alert: Triage | None
    routine: Triage | None
    standing: StandingAlert | None = None


def today_overview(store: Diary, *, user_id: str, today: date) -> TodayOverview:
    """Gather the Today page's content for one user."""
    recent = store.check_ins_between(
        user_id=user_id, start=today - timedelta(days=2 * WEEK_DAYS - 1), end=today
    )
    first_day = store.first_check_in_day(user_id=user_id)
    first_week = (
        store.check_ins_between(
            user_id=user_id, start=first_day, end=clock.shift(first_day, WEEK_DAYS - 1)
        )
        if first_day is not None
        else []
    )
    week = [entry for entry in recent if (today - entry.day).days < WEEK_DAYS]
    standing = current_alert(store, user_id=user_id, today=today)
    alert = standing.triage if standing else None
    reasons = [] if alert else routine_reasons(first_week=first_week, recent=recent, today=today)
    return TodayOverview(
        todays_check_in=week[-1] if week and week[-1].day == today else None,
        week=week,
        week_summary=week_summary(week),
        alert=alert,
        routine=triage(ticked=(), history_reasons=reasons) if reasons else None,
        standing=standing,
    )


def current_alert(store: SafetyRepository, *, user_id: str, today: date) -> StandingAlert | None:
    """The advice that stands for the person today, if any: the one state every page reads.

    It pauses every exercise suggestion (CLINICAL.md 4) until they say they have been seen
    about it or that it has gone (CLINICAL.md 10).
    """
    return standing_alert(
        store.flagged_days(user_id=user_id),
        seen=store.signs_seen(user_id=user_id),
        about_me=store.get_about_me(user_id=user_id),
        today=today,
    )


def mark_seen(store: SafetyRepository, *, user_id: str, alert: StandingAlert, today: date) -> None:
    """'I have been seen about this': puts the standing signs to rest, with today's date."""
    store.record_signs_seen(user_id=user_id, seen=seen_records(alert, today=today))


def answer_still_the_case(
    store: SafetyRepository,
    *,
    user_id: str,
    alert: StandingAlert,
    answer: SignAnswer,
    today: date,
) -> None:
    """An answer to "Is this still the case?" about the signs asked again, with today's date."""
    store.record_signs_seen(user_id=user_id, seen=answer_records(alert, answer=answer, today=today))


def mark_cancer_assessed(store: SafetyRepository, *, user_id: str) -> None:
    """'A doctor has assessed this back pain': the history of cancer no longer stands."""
    answers = store.get_about_me(user_id=user_id)
    if answers is not None and answers.had_cancer:
        store.save_about_me(
            user_id=user_id, answers=answers.model_copy(update={"cancer_assessed": True})
        )


def week_summary(week: list[CheckIn]) -> str:
    """One sentence on the last seven days of leg pain."""
    if not week:
        return ""
    average = fmean(entry.leg_pain for entry in week)
    low = min(entry.leg_pain for entry in week)
    high = max(entry.leg_pain for entry in week)
    values = {
        "average": i18n.format_decimal(average, format="0.0"),
        "count": len(week),
        "low": low,
        "high": high,
    }
    if low == high:
        return ngettext(
            "Average leg pain {average} over {count} day checked in.",
            "Average leg pain {average} over {count} days checked in.",
            len(week),
        ).format(**values)
    return ngettext(
        "Average leg pain {average} over {count} day checked in, from {low} to {high}.",
        "Average leg pain {average} over {count} days checked in, from {low} to {high}.",
        len(week),
    ).format(**values)
