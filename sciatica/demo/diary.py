"""A demo diary's days: check-ins over episodes that ease, quick flare-ups, sessions done.

Drawn from a seed, so the same seed gives the same diary; each part draws from its own stream,
so the check-ins are the same with or without flare-ups.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

from sciatica import clock
from sciatica.diary.models import CheckInInput, FlareInput, LegExtent, Side
from sciatica.plans.models import LegResponse, SessionInput

MISSED_DAY_CHANCE = 0.12
SESSION_ADHERENCE = 0.75  # most planned sessions happen
FLARE_CHANCE = 0.03
EPISODE_EVERY_DAYS = (240, 420)  # a new episode now and then over a long history
FLARE_DAY_CHANCE = 1 / 6  # by default, quick flare-up entries on about one day in six
FLARE_TRIGGERS = ("sitting", "sitting", "driving", "lifting", "bending", "standing", "night")
FLARE_HELPED = ("walking", "lying_down", "changing_position", "heat", "medication")
FLARE_FROM, FLARE_HOURS = time(8, 5), 13  # entries spread from 08:05 over the day's waking hours
NOTES = (
    "Long drive today, leg worse afterwards.",
    "Slept better with a pillow between my knees.",
    "Walked to the shops and back.",
    "Sat at my desk too long.",
    "Physio appointment: keep going with the stretches.",
    "Felt stiff in the morning, eased by lunchtime.",
)


def _extent(leg_pain: int, rng: random.Random) -> LegExtent:
    if leg_pain >= 7:
        return rng.choice((LegExtent.BELOW_KNEE, LegExtent.FOOT))
    if leg_pain >= 4:
        return rng.choice((LegExtent.THIGH, LegExtent.BELOW_KNEE))
    if leg_pain >= 2:
        return LegExtent.BUTTOCK
    return LegExtent.NONE


def _clamp(value: float, high: int) -> int:
    return max(0, min(high, round(value)))


def demo_history(*, days: int, seed: int, end: date) -> Iterator[CheckInInput]:
    """Yield `days` days of check-ins ending on `end`, the same ones for the same seed."""
    rng = random.Random(seed)
    side = rng.choice((Side.LEFT, Side.RIGHT))
    start = end - timedelta(days=days - 1)
    episode_start, flare_left, last_sbi = start, 0, None
    next_episode = start + timedelta(days=rng.randint(*EPISODE_EVERY_DAYS))
    for offset in range(days):
        day = start + timedelta(days=offset)
        if day >= next_episode:
            episode_start = day
            next_episode = day + timedelta(days=rng.randint(*EPISODE_EVERY_DAYS))
        if flare_left == 0 and rng.random() < FLARE_CHANCE:
            flare_left = rng.randint(2, 5)
        flare = 2.5 if flare_left else 0.0
        flare_left = max(0, flare_left - 1)
        weeks = (day - episode_start).days / 7
        base = 1.5 + 5.5 * math.exp(-weeks / 4)  # from about 7/10 easing towards 1-2/10
        if day != end and rng.random() < MISSED_DAY_CHANCE:
            continue
        leg = _clamp(base + flare + rng.gauss(0, 0.8), 10)
        back = _clamp(base * 0.7 + flare * 0.5 + rng.gauss(0, 0.8), 10)
        extent = _extent(leg, rng)
        weekly = last_sbi is None or (day - last_sbi).days >= 7
        sbi = {}
        if weekly:
            last_sbi = day
            sbi = {
                "sbi_leg_pain": _clamp(leg * 0.6, 6),
                "sbi_numbness": _clamp(leg * 0.4 + rng.gauss(0, 0.5), 6),
                "sbi_weakness": _clamp(leg * 0.25 + rng.gauss(0, 0.5), 6),
                "sbi_sitting": _clamp(leg * 0.55 + rng.gauss(0, 0.5), 6),
            }
        yield CheckInInput(
            day=day,
            leg_pain=leg,
            back_pain=back,
            extent=extent,
            side=side if extent is not LegExtent.NONE else None,
            walking_interference=_clamp(leg * 0.7 + rng.gauss(0, 0.7), 10),
            sitting_interference=_clamp(leg * 0.8 + rng.gauss(0, 0.7), 10),
            sleeping_interference=_clamp(leg * 0.6 + rng.gauss(0, 0.9), 10),
            activity_minutes=5 * _clamp((10 - leg) * 0.8 + rng.gauss(0, 1), 12),
            medication="Ibuprofen 400 mg" if leg >= 6 else "",
            notes=rng.choice(NOTES) if rng.random() < 0.15 else "",
            red_flags=frozenset({"night_pain"}) if offset == 2 and days > 30 else frozenset(),
            **sbi,
        )


def demo_flares(
    history: list[CheckInInput],
    *,
    seed: int,
    end: date,
    per_day: int | None = None,
    timezone: str | None = None,
) -> Iterator[FlareInput]:
    """Quick flare-up entries on the days before `end`, around each day's check-in.

    `per_day` entries on every day (a missed day takes the last check-in's leg pain), or by
    default one to three on about one day in six of those checked in. Today gets none, so no
    entry lies ahead of the clock. The same seed gives the same entries; the check-ins are
    drawn apart, so they are the same with or without flare-ups.
    """
    rng = random.Random(seed + 3)
    leg_pain = {entry.day: entry.leg_pain for entry in history}
    if not history:
        return
    day, last = history[0].day, history[0].leg_pain
    while day < end:
        last = leg_pain.get(day, last)
        if per_day is not None:
            count = per_day
        elif day in leg_pain and rng.random() < FLARE_DAY_CHANCE:
            count = rng.randint(1, 3)
        else:
            count = 0
        for n in range(count):
            minutes = FLARE_HOURS * 60 * n // max(count, 1)
            wall = (datetime.combine(day, FLARE_FROM) + timedelta(minutes=minutes)).time()
            yield FlareInput(
                day=day,
                at=clock.moment_at(day, wall, timezone),
                leg_pain=_clamp(last + rng.choice((-1, 0, 1, 2, 3, 4)), 10),
                triggers=(rng.choice(FLARE_TRIGGERS),) if rng.random() < 0.8 else (),
                helped=(rng.choice(FLARE_HELPED),) if rng.random() < 0.5 else (),
            )
        day += timedelta(days=1)


def demo_sessions(history: list[CheckInInput], *, seed: int) -> Iterator[tuple[SessionInput, bool]]:
    """Sessions on most Mondays, Wednesdays and Fridays, responding to the day's pain.

    Each comes with whether one exercise hurt (its outcomes are filled in by who follows it).
    """
    rng = random.Random(seed + 1)
    for entry in history:
        if entry.day.weekday() not in (0, 2, 4) or rng.random() > SESSION_ADHERENCE:
            continue
        before = entry.leg_pain
        worst = _clamp(before + rng.choice((-1, 0, 0, 0, 1, 1, 2, 3)), 10)
        spread = worst >= 7 and rng.random() < 0.5
        session = SessionInput(
            day=entry.day,
            pain_before=before,
            worst_during=worst,
            pain_after=_clamp(before + rng.choice((-2, -1, -1, 0, 0, 1)), 10),
            leg_response=LegResponse.DOWN
            if spread
            else rng.choice((LegResponse.SAME, LegResponse.SAME, LegResponse.UP)),
        )
        yield session, spread
