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
from sciatica.diary.ports import FlareDay, FlareRow
from sciatica.i18n import N_, _, format_date, ngettext
from sciatica.progress.tables import mondays

RANGES = ("range_low", "range_high")
NOT_A_CAUSE = N_("Counts only: this doesn't show what causes your pain.")
SET_OFF, HELPED = N_("Set it off"), N_("Helped")
COLUMNS = (N_("Noted as"), N_("What"), N_("Entries"))
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
    entries = ngettext("{count} flare-up", "{count} flare-ups", total).format(count=total)
    where = _("the week of {day}").format(day=_day(when)) if weekly else _day(when)
    if len(noted) == 1:
        if weekly:
            sentence = (
                _("With {entries} on {when}, your leg pain that week was {low}/10.")
                if low == high
                else _(
                    "With {entries} on {when}, your leg pain that week ranged from {low} to "
                    "{high}/10."
                )
            )
        else:
            sentence = (
                _("With {entries} on {when}, your leg pain that day was {low}/10.")
                if low == high
                else _(
                    "With {entries} on {when}, your leg pain that day ranged from {low} to "
                    "{high}/10."
                )
            )
        return sentence.format(entries=entries, when=where, low=low, high=high)
    span = f"{low}/10" if low == high else _("from {low} to {high}/10").format(low=low, high=high)
    if weekly:
        sentence = ngettext(
            "You noted {entries} on {count} week; the widest range was on {when}, {span}. The "
            "whiskers show each week's range.",
            "You noted {entries} on {count} weeks; the widest range was on {when}, {span}. The "
            "whiskers show each week's range.",
            len(noted),
        )
    else:
        sentence = ngettext(
            "You noted {entries} on {count} day; the widest range was on {when}, {span}. The "
            "whiskers show each day's range.",
            "You noted {entries} on {count} days; the widest range was on {when}, {span}. The "
            "whiskers show each day's range.",
            len(noted),
        )
    return sentence.format(entries=entries, count=len(noted), when=where, span=span)


def _counts(rows: Sequence[FlareRow]) -> list[tuple[str, str, int]]:
    """(SET_OFF or HELPED, what, entries naming it), most often first within each."""
    choices = flare_choices()
    counted = []
    for kind, field, labels in (
        (SET_OFF, "triggers", choices.trigger_labels()),
        (HELPED, "helped", choices.helped_labels()),
    ):
        counts = Counter(key for row in rows for key in getattr(row, field))
        order = {key: n for n, key in enumerate(labels)}
        for key, entries in sorted(
            counts.items(), key=lambda item: (-item[1], order.get(item[0], len(order)))
        ):
            counted.append((kind, label(key, labels), entries))
    return counted


def choices_table(*, rows: Sequence[FlareRow]) -> pd.DataFrame:
    """What set flare-ups off and what helped, each with how many entries named it."""
    columns = [_(column) for column in COLUMNS]
    records = [(_(kind), what, entries) for kind, what, entries in _counts(rows)]
    return pd.DataFrame(records, columns=columns)


def choices_sentence(*, rows: Sequence[FlareRow]) -> str:
    """How many entries the counts rest on, and that they are not causes."""
    named = sum(1 for row in rows if row.triggers or row.helped)
    counted = ngettext(
        "From {count} flare-up in this period, {named} naming what set it off or helped.",
        "From {count} flare-ups in this period, {named} naming what set it off or helped.",
        len(rows),
    ).format(count=len(rows), named=named)
    return f"{counted} {_(NOT_A_CAUSE)}"


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
    counted = _counts(rows)

    def top(kind: str) -> tuple[tuple[str, int], ...]:
        chosen = [(what, entries) for noted, what, entries in counted if noted == kind]
        return tuple(chosen[:TOP_CHOICES])

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
    return format_date(pd.Timestamp(value).date(), "EEE d MMM")
