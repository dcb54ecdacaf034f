"""Progress charts: pure Plotly builders, one per chart, from a table to a figure.

Each builder takes the table `tables` makes and returns a figure; the page's panels (`panels`)
decide which to draw. Colours and font come from `style`, the frame they share (title, legend
below, dates as days, sized for a phone) from `layout`, and the traces, bands and column
labels from `traces`.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from sciatica.i18n import N_, _, format_decimal
from sciatica.progress import summary as p
from sciatica.progress import traces as t
from sciatica.progress.layout import WEEK_BAR, date_axis, figure, hover_days
from sciatica.progress.style import (
    BACK_COLOUR,
    BAND_FILL,
    FLAG_COLOUR,
    GREY,
    LEG_COLOUR,
    PURPLE_COLOUR,
    SESSION_COLOUR,
    SKY_COLOUR,
    TARGET_FILL,
)
from sciatica.progress.tables import mondays
from sciatica.progress.traces import label

PAIN_COLOURS = {"leg_pain": LEG_COLOUR, "back_pain": BACK_COLOUR}
LIFE_COLOURS = dict(zip(p.LIFE, (SKY_COLOUR, BACK_COLOUR, PURPLE_COLOUR), strict=True))
# Shapes as well as colours, as the three often share a point.
RESPONSE_STYLE = {
    "pain_before": (GREY, "circle-open", 16),
    "pain_after": (LEG_COLOUR, "circle", 9),
    "next_morning_leg_pain": (SKY_COLOUR, "diamond", 10),
}
SCALE_0_10 = {"range": [-0.5, 10.5], "dtick": 2}
DAILY = N_("Each day")
EXERCISE_LABEL_WIDTH = 18  # characters on a line of an exercise's name
EXERCISE_BASE_HEIGHT, EXERCISE_ROW_HEIGHT = 140, 48  # px: axes and title, then each bar
BAND_NAME = N_("Less than an important fall (2 points and 30%)")
RANGE_NAMES = {False: N_("Day's range, with flare-ups"), True: N_("Week's range, with flare-ups")}


def pain_figure(
    *,
    table: pd.DataFrame,
    leg: p.PainChange | None,
    flag_days: Sequence[date] | pd.DatetimeIndex = (),
    session_days: Sequence[date] | pd.DatetimeIndex = (),
) -> go.Figure:
    """Leg and back pain with 7-day averages (or weekly means), baseline and important band."""
    x, x_title, when, dated = t.x_values(table)
    weekly = "week" in table
    traces = []
    for column, colour in PAIN_COLOURS.items():
        name = label(column)
        hover = t.hover_line(when, "%{y:.1f}/10", name.lower())
        if weekly:
            weekly_name = _("{name}, weekly average").format(name=name)
            traces.append(t.scatter(x, table[column], weekly_name, colour, "lines", hover, dated))
            continue
        daily = _("{name}, daily").format(name=name)
        traces.append(
            t.scatter(x, table[column], daily, colour, "markers", hover, dated, opacity=0.6)
        )
        smooth = table[f"{column}_7d"]
        if smooth.notna().any():  # no line, no legend entry for one
            average = _("{name}, 7-day average").format(name=name)
            traces.append(t.scatter(x, smooth, average, colour, "lines", hover, dated))
    averaged = weekly or table[[f"{c}_7d" for c in PAIN_COLOURS]].notna().any(axis=None)
    ranges = _ranges(table, weekly=weekly) if "range_low" in table else None
    if ranges is not None:
        traces.insert(0, ranges)  # under the check-ins' marks
    sessions = t.as_dates(session_days)
    if weekly:  # one mark per week with sessions keeps years of sessions light
        sessions = mondays(sessions).unique()
    marks = []
    for days, y, name, colour, symbol in (
        (sessions, 0, _("Exercise session"), SESSION_COLOUR, "triangle-up"),
        (t.as_dates(flag_days), 10, _("Warning sign reported"), FLAG_COLOUR, "diamond"),
    ):
        if len(days):
            on, data = hover_days(days)
            hover = t.hover_line(on, name.lower())
            marks.append(days)
            traces.append(
                t.scatter(
                    days,
                    [y] * len(days),
                    name,
                    colour,
                    "markers",
                    hover,
                    data,
                    symbol=symbol,
                    size=12,
                )
            )
    shapes = []
    if leg is not None:
        # From the baseline down to the threshold, a fall is under 2 points or under 30%.
        band = t.band(leg.threshold, leg.baseline, _(BAND_NAME), BAND_FILL)
        across = {"xref": "paper", "x0": 0, "x1": 1, "y0": leg.baseline, "y1": leg.baseline}
        baseline = across | {
            "type": "line",
            "line": {"color": GREY, "dash": "dash", "width": 2},
            "name": _("Baseline: first week's leg pain ({value})").format(
                value=format_decimal(round(leg.baseline, 1), format="0.0")
            ),
            "showlegend": True,
        }
        shapes = [band, baseline]
    return figure(
        traces,
        title=_("Leg and back pain"),
        subtitle=(
            _("Weekly averages")
            if weekly
            else _("Each day, 7-day averages")
            if averaged
            else _(DAILY)
        ),
        x_axis=date_axis(x_title, x, *marks),
        y_axis=t.y_axis(_("Pain (0-10)")) | SCALE_0_10,
        shapes=shapes,
    )


def _ranges(table: pd.DataFrame, *, weekly: bool) -> dict[str, Any] | None:
    """Whiskers from each day's (or week's) lowest to highest leg pain noted, with flare-ups.

    One trace: a vertical line per day with a cap at each end, days apart by gaps; a day whose
    lowest and highest are the same shows as its cap alone. The check-in stays the mark.
    """
    noted = table[table["range_low"].notna()]
    if noted.empty:
        return None
    days = pd.DatetimeIndex(noted["week" if weekly else "day"]).to_numpy(dtype="datetime64[ns]")
    # Low, high and a gap for each day, in typed arrays: Plotly copies object arrays slowly.
    x = np.repeat(days, 3)
    x[2::3] = np.datetime64("NaT")
    y = np.column_stack(
        [noted["range_low"], noted["range_high"], np.full(len(noted), np.nan)]
    ).ravel()
    when, data = hover_days(x, weekly=weekly)
    name = _(RANGE_NAMES[weekly])
    if weekly:
        noted_as = _("{value}/10, the week's lowest or highest noted")
    else:
        noted_as = _("{value}/10, the day's lowest or highest noted")
    hover = t.hover_line(when, noted_as.format(value="%{y:.0f}"))
    trace = t.scatter(x, y, name, LEG_COLOUR, "lines+markers", hover, data)
    return trace | {
        "line": {"color": LEG_COLOUR, "width": 2},
        "marker": {"color": LEG_COLOUR, "size": 10, "symbol": "line-ew-open", "line": {"width": 2}},
        "opacity": 0.7,
    }


def sbi_figure(*, table: pd.DataFrame) -> go.Figure:
    """Weekly bothersomeness total as bars on its 0-24 scale."""
    when, data = hover_days(table["week"], weekly=True)
    hover = t.hover_line(when, "%{y:.0f}/24") + "<extra></extra>"
    name = label("sbi_total")
    bars = t.bar(table["week"], table["sbi_total"], name, PURPLE_COLOUR, hover, **WEEK_BAR, **data)
    return figure(
        [bars],
        title=_("Weekly bothersomeness (SBI)"),
        x_axis=date_axis(label("week"), table["week"], weekly=True),
        y_axis=t.y_axis(_("SBI total (0-24)")) | {"range": [0, 24], "dtick": 6},
    )


def adherence_figure(*, table: pd.DataFrame) -> go.Figure:
    """Sessions each week against the suggested 3-4 a week, shaded."""
    low, high = p.SESSIONS_TARGET
    when, data = hover_days(table["week"], weekly=True)
    hover = t.hover_line(when, _("{count} sessions").format(count="%{y}")) + "<extra></extra>"
    name = label("sessions")
    bars = t.bar(table["week"], table["sessions"], name, SESSION_COLOUR, hover, **WEEK_BAR, **data)
    suggested = _("Suggested {low}-{high} a week").format(low=low, high=high)
    target = t.band(low, high, suggested, TARGET_FILL)
    top = max(float(table["sessions"].max()), high) + 1
    return figure(
        [bars],
        title=_("Exercise sessions per week"),
        x_axis=date_axis(label("week"), table["week"], weekly=True),
        y_axis=t.y_axis(_("Sessions per week")) | {"range": [0, top], "dtick": 1},
        shapes=[target],
    )


def response_figure(*, table: pd.DataFrame) -> go.Figure:
    """Leg pain before and after each session, and the next morning."""
    x, x_title, when, days = t.x_values(table)
    hover = t.hover_line(when, "%{y:.1f}/10")
    traces = [
        t.scatter(
            x,
            table[column],
            label(column),
            colour,
            "markers",
            hover,
            days,
            symbol=shape,
            size=size,
        )
        for column, (colour, shape, size) in RESPONSE_STYLE.items()
    ]
    return figure(
        traces,
        title=_("Leg pain around each session"),
        x_axis=date_axis(x_title, x),
        y_axis=t.y_axis(_("Leg pain (0-10)")) | SCALE_0_10,
    )


def daily_life_figure(*, table: pd.DataFrame) -> go.Figure:
    """How much pain got in the way of walking, sitting and sleeping (7-day or weekly means)."""
    x, x_title, when, days = t.x_values(table)
    weekly = "week" in table
    # Too few check-ins for any 7-day average: draw the days themselves.
    averaged = weekly or table[[f"{c}_7d" for c in LIFE_COLOURS]].notna().any(axis=None)
    traces = [
        t.scatter(
            x,
            table[column if weekly or not averaged else f"{column}_7d"],
            label(column),
            colour,
            "lines" if averaged else "lines+markers",
            t.hover_line(when, "%{y:.1f}/10"),
            days,
        )
        for column, colour in LIFE_COLOURS.items()
    ]
    return figure(
        traces,
        title=_("Pain getting in the way"),
        subtitle=(
            _("Weekly averages") if weekly else _("7-day averages") if averaged else _(DAILY)
        ),
        x_axis=date_axis(x_title, x),
        y_axis=t.y_axis(_("Got in the way (0-10)")) | SCALE_0_10,
    )


def exercise_figure(*, table: pd.DataFrame) -> go.Figure:
    """Average next-morning change in leg pain after sessions with each exercise."""
    rows = table.iloc[::-1]  # Plotly stacks categories bottom-up: keep the lowest change on top
    # Long names on two lines leave the bars room on a phone; the hover shows them whole, with
    # the number of sessions (the data table has both too).
    names = [
        "<br>".join(textwrap.wrap(str(name), EXERCISE_LABEL_WIDTH)) for name in rows["exercise"]
    ]
    hover = _("{exercise}: {change} points ({count} sessions)").format(
        exercise="%{customdata[0]}", change="%{x:+.1f}", count="%{customdata[1]}"
    )
    hover += "<extra></extra>"
    customdata = np.column_stack([rows["exercise"].astype(str), rows["sessions"]])
    style = {"orientation": "h", "customdata": customdata}
    bars = t.bar(rows["change"], names, _("Average change"), LEG_COLOUR, hover, **style)
    x_axis = {
        "title": {"text": _("Change (points)")},
        "zeroline": True,
        "zerolinecolor": GREY,
        "zerolinewidth": 2,
    }
    return figure(
        [bars],
        title=_("Next-morning leg pain"),
        subtitle=_("Average change from before the session"),
        x_axis=x_axis,
        y_axis={},
        height=EXERCISE_BASE_HEIGHT + EXERCISE_ROW_HEIGHT * len(rows),
    )
