"""The frame every chart shares, made for a 375 px phone first and fine on a desk.

- The title alone at the top: the page hides Plotly's toolbar (`sciatica.ui.PLOTLY_CONFIG`),
  so nothing covers it.
- The legend below the plot, its entries wrapping onto as many rows as the width needs. The
  height grows by the rows a phone needs, so the plot itself keeps its size there.
- Dates as days: a range padded around the data, ticks on whole days (Mondays, firsts of the
  month) labelled "3 Nov", "Nov 2026" or "2026" as the axis lengthens, at most about five of
  them; never a time of day, even for one check-in. Plotly writes dates in English in the
  browser, so in another language the ticks and the hover's days are written here instead
  (`tickvals`/`ticktext`, `customdata`), on the same days, and numbers take its decimal sign.
- No zooming or dragging: a finger on a chart scrolls the page; a tap still shows the values.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from math import ceil
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from sciatica import i18n
from sciatica.i18n import _
from sciatica.progress.style import AXIS_TEXT, FONT, TRANSPARENT

DAY_MS = 86_400_000
PLOT_HEIGHT = 380  # the chart's height without a legend
# Titles are short enough for a phone (about 30 letters); what qualifies them is a subtitle.
TITLE_HEIGHT, SUBTITLE_HEIGHT = 48, 20  # px
# The legend is as wide as the plot: on a 375 px screen, the page's padding and the y axis
# leave it about 280 px.
PHONE_PLOT_WIDTH = 280
LEGEND_FONT = 12
LEGEND_ROW = 21  # px per row
LEGEND_SYMBOL, LEGEND_GAP, LEGEND_CHAR = 40, 5, 6.6  # px: the symbol, between entries, a letter
# Ticks are chosen here rather than by Plotly, which puts a few days' ticks 12 hours apart
# (labelled as times) and weekly ticks on Sundays. Each step is the first that leaves at most
# five labels, which fit side by side in a phone's expander: (longest span in days, step, label).
DATE_STEPS: tuple[tuple[float, int | str, str], ...] = (
    (5, DAY_MS, "%-d %b"),
    (10, 2 * DAY_MS, "%-d %b"),
    (35, 7 * DAY_MS, "%-d %b"),
    (70, 14 * DAY_MS, "%-d %b"),
    (150, "M1", "%b %Y"),
    (300, "M2", "%b %Y"),
    (450, "M3", "%b %Y"),
    (900, "M6", "%b %Y"),
)
MAX_YEAR_TICKS = 6
DAYS_A_YEAR = 365.25
# Counted from a Monday that is also the first of a month and of a year: weekly ticks fall on
# Mondays (weeks start on Monday here), monthly and yearly ones on the first.
TICK0 = "2024-01-01"
# The same labels written by Babel in a language Plotly's browser side does not speak.
BABEL_LABELS = {"%-d %b": "d MMM", "%b %Y": "MMM y", "%Y": "y"}
# Plotly's decimal sign and thousands separator ("." and "," unless set).
SEPARATORS = {"sv": ", "}


def figure(
    traces: list[dict[str, Any]],
    *,
    title: str,
    subtitle: str = "",
    x_axis: dict[str, Any],
    y_axis: dict[str, Any],
    shapes: Sequence[dict[str, Any]] = (),
    height: int = PLOT_HEIGHT,
) -> Any:
    """A figure in the shared frame: title on top, legend below, axes that neither zoom nor pan."""
    entries = [t["name"] for t in traces if t.get("showlegend", True)]
    entries += [s["name"] for s in shapes if s.get("showlegend")]
    rows = legend_rows(entries) if len(entries) > 1 else 0  # one series needs no legend
    layout = {
        "height": height + LEGEND_ROW * rows,
        "margin": {
            "l": 10,
            "r": 10,
            "t": TITLE_HEIGHT + (SUBTITLE_HEIGHT if subtitle else 0),
            "b": 10,
        },
        "font": dict(FONT),
        "paper_bgcolor": TRANSPARENT,
        "plot_bgcolor": TRANSPARENT,
        "title": {
            "text": title,
            "x": 0,
            "xref": "container",
            "xanchor": "left",
            "y": 1,
            "yref": "container",
            "yanchor": "top",
            "pad": {"t": 12, "l": 10},
            "subtitle": {"text": subtitle, "font": {"size": LEGEND_FONT + 1, "color": AXIS_TEXT}},
        },
        "showlegend": rows > 0,
        # Measured from the chart's bottom edge: the plot and its axis title make room above it.
        "legend": {
            "orientation": "h",
            "xref": "container",
            "yref": "container",
            "x": 0,
            "y": 0,
            "xanchor": "left",
            "yanchor": "bottom",
            "font": {"size": LEGEND_FONT},
        },
        "dragmode": False,
        "xaxis": readable_axis(x_axis) | {"fixedrange": True, "automargin": True},
        "yaxis": readable_axis(y_axis) | {"fixedrange": True, "automargin": True},
        "shapes": list(shapes),
    }
    if separators := SEPARATORS.get(i18n.current()):
        layout["separators"] = separators
    # One constructor call without Plotly's per-property validation: several times faster,
    # which keeps the page quick with years of data. Tests validate every builder's output.
    return go.Figure(data=traces, layout=layout, _validate=False)


def readable_axis(axis: dict[str, Any]) -> dict[str, Any]:
    """The axis with its labels and title in `AXIS_TEXT`, dark enough to read (4.5:1)."""
    title = axis.get("title", {})
    title = {"text": title} if isinstance(title, str) else title
    return axis | {
        "tickfont": {"color": AXIS_TEXT} | axis.get("tickfont", {}),
        "title": title | {"font": {"color": AXIS_TEXT} | title.get("font", {})},
    }


def legend_rows(entries: Sequence[str], width: int = PHONE_PLOT_WIDTH) -> int:
    """Rows a horizontal legend of these entries takes on a phone (an estimate).

    As Plotly lays it out: one row when every entry fits side by side, otherwise a grid whose
    columns are as wide as the widest entry.
    """
    widths = [LEGEND_SYMBOL + LEGEND_CHAR * len(name) for name in entries]
    if sum(widths) + LEGEND_GAP * (len(widths) - 1) < width:
        return 1
    columns = max(int(width // max(widths)), 1)
    return ceil(len(widths) / columns)


def date_axis(title: str, *xs: Any, weekly: bool = False) -> dict[str, Any]:
    """A date axis over the days in `xs`, padded, labelled as days, never as times of day.

    Weekly values sit at their Monday and their bars span the week (`WEEK_BAR`), so a weekly
    axis reaches to the end of the last week.
    """
    days = pd.DatetimeIndex(np.concatenate([np.asarray(x, dtype="datetime64[ns]") for x in xs]))
    axis: dict[str, Any] = {"type": "date", "title": {"text": title}}
    if days.dropna().empty:
        return axis
    first, last = days.min().normalize(), days.max().normalize()
    # Half a day either side of the days; a week's bar from Monday noon to Sunday noon.
    start = first - pd.Timedelta(days=0.25 if weekly else 0.5)
    end = last + pd.Timedelta(days=6.75 if weekly else 0.5)
    step, label = date_step((end - start) / pd.Timedelta(days=1))
    if weekly and isinstance(step, int):
        step = max(step, 7 * DAY_MS)  # a tick a week at least, on its Monday
    axis |= {"range": [f"{start:%Y-%m-%d %H:%M}", f"{end:%Y-%m-%d %H:%M}"]}
    if i18n.current() == i18n.DEFAULT_LANGUAGE:
        return axis | {"tickmode": "linear", "tick0": TICK0, "dtick": step, "tickformat": label}
    ticks = tick_days(start, end, step)
    return axis | {
        "tickmode": "array",
        "tickvals": [day.isoformat() for day in ticks],
        "ticktext": [i18n.format_date(day, BABEL_LABELS[label]) for day in ticks],
    }


def tick_days(start: pd.Timestamp, end: pd.Timestamp, step: int | str) -> list[date]:
    """The days from `start` to `end` that Plotly's linear ticks from `TICK0` by `step` hit."""
    tick0 = pd.Timestamp(TICK0)
    if isinstance(step, int):
        every = pd.Timedelta(milliseconds=step)
        first = tick0 + every * ceil((start - tick0) / every)
        return [day.date() for day in pd.date_range(first, end, freq=every)]
    months = int(step.removeprefix("M"))
    first = start.normalize() + pd.offsets.MonthBegin(0)  # the first of a month on or after it
    return [
        day.date()
        for day in pd.date_range(first, end, freq="MS")
        if ((day.year - tick0.year) * 12 + day.month - tick0.month) % months == 0
    ]


def hover_days(x: Any, *, weekly: bool = False) -> tuple[str, dict[str, Any]]:
    """How a trace's hover names each point's day ("Tue 1 Dec 2026", "Week of 30 Nov 2026").

    The hovertemplate's start, and what the trace needs for it: nothing in English, where
    Plotly writes the date; the days written here as `customdata` in another language.
    """
    if i18n.current() == i18n.DEFAULT_LANGUAGE:
        day = "%{x|%-d %b %Y}" if weekly else "%{x|%a %-d %b %Y}"
    else:
        days = pd.DatetimeIndex(np.asarray(x, dtype="datetime64[ns]"))
        pattern = "d MMM y" if weekly else "EEE d MMM y"
        written: dict[pd.Timestamp, str] = {}
        for value in days.dropna().unique():
            written[value] = i18n.format_date(value.date(), pattern)
        text = np.asarray([written.get(value, "") for value in days], dtype=object)
        day, extra = "%{customdata}", {"customdata": text}
        return (_("Week of {day}").format(day=day) if weekly else day), extra
    return (_("Week of {day}").format(day=day) if weekly else day), {}


def date_step(span_days: float) -> tuple[int | str, str]:
    """The tick step for a date axis this many days long, and its label format."""
    for longest, step, label in DATE_STEPS:
        if span_days <= longest:
            return step, label
    years = ceil(span_days / DAYS_A_YEAR / MAX_YEAR_TICKS)
    return f"M{12 * years}", "%Y"


# Weekly bars from Monday noon to Sunday noon, so each bar covers its week.
WEEK_BAR = {"width": 6 * DAY_MS, "offset": DAY_MS // 2}
