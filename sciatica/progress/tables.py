"""Progress tables: the data behind each Progress chart, by day or by week, and as text."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date

import numpy as np
import pandas as pd

from sciatica.i18n import format_date, format_decimal
from sciatica.progress.summary import (
    MIN_SESSIONS_PER_EXERCISE,
    ROLLING_DAYS,
    ROLLING_MIN_DAYS,
    Period,
)

SAME_WITHIN = 0.05  # values that read the same to one decimal are the same
NOT_RECORDED = "\u2013"  # an en dash where a day or week has no value: never "None" or "nan"
PHONE_COLUMNS = 4  # a day or week and four numbers fit a 375-pixel screen without scrolling


def single_value(table: pd.DataFrame, columns: Sequence[str]) -> float | None:
    """The one value every cell of these columns holds, or None if they differ or are empty.

    A chart of such data is a flat line or equal bars (all zero: nothing at all), so the page
    says it in a sentence instead.
    """
    values = table[list(columns)].to_numpy(dtype="float64").ravel()
    values = values[~np.isnan(values)]
    if not len(values) or values.max() - values.min() >= SAME_WITHIN:
        return None
    return float(values.mean())


def mondays(index: pd.DatetimeIndex) -> pd.DatetimeIndex:
    """The Monday starting each day's week."""
    return pd.DatetimeIndex(index - pd.to_timedelta(index.day_of_week, unit="D"), name="week")


def _weekly_means(data: pd.DataFrame) -> pd.DataFrame:
    """Mean of each Monday-to-Sunday week, weeks without data in between as missing values."""
    # groupby on week starts: about ten times faster than resample for years of days.
    means = data.groupby(mondays(pd.DatetimeIndex(data.index))).mean().round(2)
    if means.empty:
        return means
    return means.reindex(pd.date_range(means.index[0], means.index[-1], freq="7D", name="week"))


def trend_table(*, days: pd.DataFrame, period: Period, columns: Sequence[str]) -> pd.DataFrame:
    """Daily values with 7-day averages, or weekly means when the period is over a year."""
    values = days[list(columns)].astype("float64")
    if period.weekly:
        table = _weekly_means(values)
        counts = days.groupby(mondays(pd.DatetimeIndex(days.index))).size()
        table["check_ins"] = counts.reindex(table.index, fill_value=0)
        return table.reset_index()
    calendar = values.reindex(pd.date_range(period.start, period.end, freq="D", name="day"))
    averages = calendar.rolling(ROLLING_DAYS, min_periods=ROLLING_MIN_DAYS).mean().round(2)
    return calendar.join(averages.add_suffix("_7d")).dropna(how="all").reset_index()


def sbi_table(*, days: pd.DataFrame) -> pd.DataFrame:
    """The bothersomeness total (0-24) of each week in which it was answered."""
    return _weekly_means(days[["sbi_total"]].dropna()).dropna().reset_index()


def adherence_table(*, visits: pd.DataFrame, period: Period, start: date) -> pd.DataFrame:
    """Sessions in each week from `start` to the period's end; weeks without any count 0."""
    counts = visits.groupby(mondays(pd.DatetimeIndex(visits.index))).size()
    first = pd.Timestamp(start) - pd.Timedelta(days=start.weekday())
    weeks = pd.date_range(first, period.end, freq="7D", name="week")
    return counts.reindex(weeks, fill_value=0).rename("sessions").reset_index()


def response_table(*, visits: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Leg pain before, after and the next morning of each session (weekly means over a year)."""
    numbers = visits.drop(columns="exercise_ids")
    if period.weekly:
        return _weekly_means(numbers).dropna(how="all").reset_index()
    return numbers.reset_index()


def exercise_table(*, visits: pd.DataFrame, names: Mapping[str, str]) -> pd.DataFrame:
    """Average next-morning change per exercise, for exercises in 3 or more such sessions.

    Exercises are named from `names` (the catalogue's), and one it does not name is left out: a
    session's outcomes are keyed by whatever ids it was stored with, and a label shows no id.
    """
    rows = visits[["change_next_morning", "exercise_ids"]].explode("exercise_ids").dropna()
    rows = rows[rows["exercise_ids"].isin(list(names))]
    grouped = rows.groupby("exercise_ids")["change_next_morning"].agg(["mean", "count"])
    kept = grouped[grouped["count"] >= MIN_SESSIONS_PER_EXERCISE].sort_values("mean")
    table = kept.round(2).rename(columns={"mean": "change", "count": "sessions"})
    table = table.rename_axis("exercise").reset_index()
    table["exercise"] = [names[str(i)] for i in table["exercise"]]
    return table


def _cell(value: object) -> str:
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return NOT_RECORDED
    if isinstance(value, date):  # a pandas Timestamp is a date too
        return format_date(value, "d MMM y")
    if isinstance(value, (int, np.integer)):
        return str(value)
    if isinstance(value, (float, np.floating)):
        places = 0 if float(value).is_integer() else 1
        return format_decimal(round(float(value), places), format="0.0" if places else "0")
    return str(value)


def as_text(table: pd.DataFrame) -> pd.DataFrame:
    """Every cell as it reads: whole numbers plain, others to one decimal, '1 Dec 2026', a dash.

    Dates and decimals in the person's language ('1 dec. 2026', '2,5').
    """
    return table.map(_cell)


def in_parts(table: pd.DataFrame, *, columns: int = PHONE_COLUMNS) -> list[pd.DataFrame]:
    """The table as parts of at most `columns` values, each led by the first column (its index).

    Stacked one under the other, the parts fit a phone where the whole table would scroll sideways.
    """
    key, *values = table.columns
    indexed = table.set_index(key)
    return [indexed[values[at : at + columns]] for at in range(0, len(values), columns)] or [
        indexed
    ]
