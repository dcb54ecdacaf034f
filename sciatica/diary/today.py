"""What the Today page shows, gathered from the diary in a few bounded queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean

from sciatica.diary.models import CheckIn
from sciatica.diary.triage import Triage, active_alert, routine_reasons, triage
from sciatica.storage.store import Store

WEEK_DAYS = 7


@dataclass(frozen=True, slots=True)
class TodayOverview:
    """Today's check-in, the last week, and any advice that stands."""

    todays_check_in: CheckIn | None
    week: list[CheckIn]
    week_summary: str
    alert: Triage | None
    routine: Triage | None


def today_overview(store: Store, *, user_id: str, today: date) -> TodayOverview:
    """Gather the Today page's content for one user."""
    latest = store.latest_check_in(user_id=user_id)
    recent = store.check_ins_between(
        user_id=user_id, start=today - timedelta(days=2 * WEEK_DAYS - 1), end=today
    )
    first_day = store.first_check_in_day(user_id=user_id)
    first_week = (
        store.check_ins_between(
            user_id=user_id, start=first_day, end=first_day + timedelta(days=WEEK_DAYS - 1)
        )
        if first_day is not None
        else []
    )
    week = [entry for entry in recent if (today - entry.day).days < WEEK_DAYS]
    alert = active_alert(latest)
    reasons = [] if alert else routine_reasons(first_week=first_week, recent=recent, today=today)
    return TodayOverview(
        todays_check_in=week[-1] if week and week[-1].day == today else None,
        week=week,
        week_summary=week_summary(week),
        alert=alert,
        routine=triage(ticked=(), history_reasons=reasons) if reasons else None,
    )


def week_summary(week: list[CheckIn]) -> str:
    """One sentence on the last seven days of leg pain."""
    if not week:
        return ""
    days = "day" if len(week) == 1 else "days"
    average = fmean(entry.leg_pain for entry in week)
    low = min(entry.leg_pain for entry in week)
    high = max(entry.leg_pain for entry in week)
    spread = f", from {low} to {high}" if low != high else ""
    return f"Average leg pain {average:.1f} over {len(week)} {days} checked in{spread}."
