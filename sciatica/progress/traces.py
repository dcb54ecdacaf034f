"""The pieces the progress charts share: column labels, traces, bands and hover lines.

Pure: each returns the plain dict Plotly reads, so a chart in `charts` is a few of these laid
on the shared frame of `layout`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from sciatica.i18n import N_, _
from sciatica.progress.layout import hover_days

LABELS = {
    "day": N_("Date"),
    "week": N_("Week starting"),
    "check_ins": N_("Check-ins"),
    "leg_pain": N_("Leg pain"),
    "back_pain": N_("Back pain"),
    "walking_interference": N_("Walking"),
    "sitting_interference": N_("Sitting"),
    "sleeping_interference": N_("Sleeping"),
    "sbi_total": N_("Bothersomeness (SBI, 0-24)"),
    "sessions": N_("Sessions"),
    "pain_before": N_("Before session"),
    "worst_during": N_("Worst during"),
    "pain_after": N_("After session"),
    "next_morning_leg_pain": N_("Next morning"),
    "change_after": N_("Change straight after"),
    "change_next_morning": N_("Change by next morning"),
    "exercise": N_("Exercise"),
    "change": N_("Average next-morning change (points)"),
    "range_low": N_("Lowest leg pain noted (with flare-ups)"),
    "range_high": N_("Highest leg pain noted (with flare-ups)"),
    "flares": N_("Flare-ups"),
}


def label(column: str) -> str:
    """A column's name in the person's language."""
    return _(LABELS[column])


def scatter(
    x: Any,
    y: Any,
    name: str,
    colour: str,
    mode: str,
    hover: str,
    data: dict[str, Any] | None = None,
    **marker: Any,
) -> dict[str, Any]:
    """A line or markers, with its hover line and no gaps joined."""
    return (data or {}) | {
        "type": "scatter",
        "x": np.asarray(x),
        "y": np.asarray(y, dtype="float64"),
        "name": name,
        "mode": mode,
        "line": {"color": colour, "width": 3},
        "marker": {"color": colour, "size": 9} | marker,
        "connectgaps": False,
        "cliponaxis": False,  # a mark on the first or last day is drawn whole
        "hovertemplate": f"{hover}<extra></extra>",
    }


def bar(x: Any, y: Any, name: str, colour: str, hover: str, **style: Any) -> dict[str, Any]:
    """Bars in one colour, with their hover line."""
    bar = {"type": "bar", "x": np.asarray(x), "y": np.asarray(y), "name": name}
    return bar | {"marker": {"color": colour}, "hovertemplate": hover} | style


def band(low: float, high: float, name: str, fill: str) -> dict[str, Any]:
    """A shaded band across the chart, named in the legend."""
    rect = {"type": "rect", "xref": "paper", "x0": 0, "x1": 1, "y0": low, "y1": high}
    style = {"fillcolor": fill, "line": {"width": 0}, "layer": "below"}
    return rect | style | {"name": name, "showlegend": True}


def as_dates(days: Sequence[date] | pd.DatetimeIndex) -> pd.DatetimeIndex:
    """Days as the datetimes Plotly places on a date axis."""
    return pd.DatetimeIndex(np.asarray(days, dtype="datetime64[ns]"))


def x_values(table: pd.DataFrame) -> tuple[pd.Series, str, str, dict[str, Any]]:
    """The x values, the axis title, the hover's day and what the trace needs for it."""
    if "week" in table:
        return table["week"], label("week"), *hover_days(table["week"], weekly=True)
    return table["day"], label("day"), *hover_days(table["day"])


def hover_line(when: str, value: str, name: str = "") -> str:
    """A hover's line: 'Tue 1 Dec 2026: leg pain 3.0/10' (Plotly fills in the %{...})."""
    if name:
        return _("{when}: {name} {value}").format(when=when, name=name, value=value)
    return _("{when}: {value}").format(when=when, value=value)


def y_axis(title: str) -> dict[str, Any]:
    """A value axis with its title."""
    return {"title": {"text": title}}
