"""Flare-ups on Progress: each day's range beside its check-in, what set them off, what helped.

The check-in stays the day's score: flare-ups never enter the summary or the clinically
important change. They add the day's range (or, over a year, the week's): the lowest and
highest leg pain noted that day, check-in and flare-ups together, drawn as whiskers on the pain
chart; and counts of what the person said set them off or helped, each with the number of
entries it rests on and no claim of cause.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from sciatica.diary.flares import flare_choices, label
from sciatica.i18n import N_
from sciatica.progress.tables import mondays
from sciatica.storage.flares import FlareDay, FlareRow

RANGES = ("range_low", "range_high")
NOT_A_CAUSE = N_("Counts only: this doesn't show what causes your pain.")
SET_OFF, HELPED = "Set it off", "Helped"
TOP_CHOICES = 3  # in the report: the most often noted


def flare_frame(*, flare_days: Sequence[FlareDay]) -> pd.DataFrame:
    """Each day's flare-ups: the lowest and highest leg pain and how many, indexed by day."""
    index = pd.DatetimeIndex([row.day for row in flare_days], name="day")
    return pd.DataFrame(
        {
            "flare_low": [float(row.lowest) for row in flare_days],
            "flare_high": [float(row.highest) for row in flare_days],
            "flares": [row.entries for row in flare_days],
        },
        index=index,
    )


def with_ranges(table: pd.DataFrame, *, days: pd.DataFrame, flares: pd.DataFrame) -> pd.DataFrame:
    """The pain trend table with each day's (or week's) range where flare-ups were noted.

    The range takes in the check-in as well: a flare-up of 8 on a day checked in at 4 spans
    4 to 8. A day with flare-ups and no check-in gets a row of its own.
    """
    if flares.empty:
        return table
    key = "week" if "week" in table else "day"
    leg = days["leg_pain"].to_numpy(dtype="float64")
    index = pd.DatetimeIndex(flares.index)
    # np.fmin and np.fmax leave out a missing check-in rather than spreading it.
    on_day = pd.Series(leg, index=days.index).reindex(index).to_numpy()
    low = np.fmin(flares["flare_low"].to_numpy(), on_day)
    high = np.fmax(flares["flare_high"].to_numpy(), on_day)
    count = flares["flares"].to_numpy()
    if key == "week":
        # A week's range also takes in its check-ins on days without flare-ups.
        weeks = mondays(index)
        by_week = pd.DataFrame({"low": low, "high": high, "flares": count}, index=weeks)
        grouped = by_week.groupby(level=0).agg({"low": "min", "high": "max", "flares": "sum"})
        week_leg = pd.Series(leg, index=mondays(pd.DatetimeIndex(days.index))).groupby(level=0)
        index = pd.DatetimeIndex(grouped.index)
        low = np.fmin(grouped["low"].to_numpy(), week_leg.min().reindex(index).to_numpy())
        high = np.fmax(grouped["high"].to_numpy(), week_leg.max().reindex(index).to_numpy())
        count = grouped["flares"].to_numpy()
    ranges = pd.DataFrame(
        {"range_low": low, "range_high": high, "flares": count}, index=index.rename(key)
    )
    merged = table.set_index(key).join(ranges, how="outer").reset_index()
    merged["flares"] = merged["flares"].fillna(0).astype("int64")
    return merged


def range_sentence(*, table: pd.DataFrame) -> str:
    """The day's (or week's) range with flare-ups, for under the pain chart; '' without any."""
    if "flares" not in table:
        return ""
    counts = table["flares"].to_numpy()
    noted = np.flatnonzero(counts)
    if not len(noted):
        return ""
    weekly = "week" in table
    unit = "week" if weekly else "day"
    lows, highs = table["range_low"].to_numpy()[noted], table["range_high"].to_numpy()[noted]
    widest = int((highs - lows).argmax())  # the first of equally wide ones
    when = table[unit].iloc[noted[widest]]
    low, high = f"{lows[widest]:.0f}", f"{highs[widest]:.0f}"
    total = int(counts.sum())
    entries = "1 flare-up" if total == 1 else f"{total} flare-ups"
    where = f"the week of {_day(when)}" if weekly else _day(when)
    if len(noted) == 1:
        span = f"was {low}/10" if low == high else f"ranged from {low} to {high}/10"
        return f"With {entries} on {where}, your leg pain that {unit} {span}."
    span = f"{low}/10" if low == high else f"from {low} to {high}/10"
    return (
        f"You noted {entries} on {len(noted)} {unit}s; the widest range was on {where}, "
        f"{span}. The whiskers show each {unit}'s range."
    )


def choices_table(*, rows: Sequence[FlareRow]) -> pd.DataFrame:
    """What set flare-ups off and what helped, each with how many entries named it."""
    choices = flare_choices()
    records = []
    for kind, field, labels in (
        (SET_OFF, "triggers", choices.trigger_labels()),
        (HELPED, "helped", choices.helped_labels()),
    ):
        counts = Counter(key for row in rows for key in getattr(row, field))
        order = {key: n for n, key in enumerate(labels)}
        for key, entries in sorted(
            counts.items(), key=lambda item: (-item[1], order.get(item[0], len(order)))
        ):
            records.append({"Noted as": kind, "What": label(key, labels), "Entries": entries})
    return pd.DataFrame(records, columns=["Noted as", "What", "Entries"])


def choices_sentence(*, rows: Sequence[FlareRow]) -> str:
    """How many entries the counts rest on, and that they are not causes."""
    named = sum(1 for row in rows if row.triggers or row.helped)
    entries = "1 flare-up" if len(rows) == 1 else f"{len(rows)} flare-ups"
    return f"From {entries} in this period, {named} naming what set it off or helped. {NOT_A_CAUSE}"


@dataclass(frozen=True, slots=True)
class FlareSummary:
    """Flare-ups over a period for the report: how many, on how many days, the most named."""

    entries: int
    days: int
    lowest: int
    highest: int
    set_off: tuple[tuple[str, int], ...]  # (label, entries), most often first
    helped: tuple[tuple[str, int], ...]


def flare_summary(*, rows: Sequence[FlareRow]) -> FlareSummary | None:
    """The flare-ups of a period in numbers; None without any."""
    if not rows:
        return None
    table = choices_table(rows=rows)

    def top(kind: str) -> tuple[tuple[str, int], ...]:
        chosen = table[table["Noted as"] == kind].head(TOP_CHOICES)
        return tuple(zip(chosen["What"], (int(n) for n in chosen["Entries"]), strict=True))

    pains = [row.leg_pain for row in rows]
    return FlareSummary(
        entries=len(rows),
        days=len({row.day for row in rows}),
        lowest=min(pains),
        highest=max(pains),
        set_off=top(SET_OFF),
        helped=top(HELPED),
    )


def _day(value: pd.Timestamp | date) -> str:
    day = pd.Timestamp(value)
    return f"{day:%a} {day.day} {day:%b}"
