"""Progress charts: pure Plotly builders, one per chart, from a table to a figure.

Each builder takes the table `tables` makes and returns a figure; the page's panels (`panels`)
decide which to draw. Colours and font come from `style`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from sciatica.progress import summary as p
from sciatica.progress.style import (
    BACK_COLOUR,
    BAND_FILL,
    FLAG_COLOUR,
    FONT,
    GREY,
    LEG_COLOUR,
    PURPLE_COLOUR,
    SESSION_COLOUR,
    SKY_COLOUR,
    TARGET_FILL,
    TRANSPARENT,
)
from sciatica.progress.tables import mondays

PAIN_COLOURS = {"leg_pain": LEG_COLOUR, "back_pain": BACK_COLOUR}
LIFE_COLOURS = dict(zip(p.LIFE, (SKY_COLOUR, BACK_COLOUR, PURPLE_COLOUR), strict=True))
# Shapes as well as colours, as the three often share a point.
RESPONSE_STYLE = {
    "pain_before": (GREY, "circle-open", 16),
    "pain_after": (LEG_COLOUR, "circle", 9),
    "next_morning_leg_pain": (SKY_COLOUR, "diamond", 10),
}
SCALE_0_10 = {"range": [-0.5, 10.5], "dtick": 2}
BAND_NAME = "Less than an important fall (2 points and 30%)"
LABELS = {
    "day": "Date",
    "week": "Week starting",
    "check_ins": "Check-ins",
    "leg_pain": "Leg pain",
    "back_pain": "Back pain",
    "walking_interference": "Walking",
    "sitting_interference": "Sitting",
    "sleeping_interference": "Sleeping",
    "sbi_total": "Bothersomeness (SBI, 0-24)",
    "sessions": "Sessions",
    "pain_before": "Before session",
    "worst_during": "Worst during",
    "pain_after": "After session",
    "next_morning_leg_pain": "Next morning",
    "change_after": "Change straight after",
    "change_next_morning": "Change by next morning",
    "exercise": "Exercise",
    "change": "Average next-morning change (points)",
}


def _figure(
    traces: list[dict[str, Any]], title: str, x_title: str, y_title: str, **extra: Any
) -> Any:
    y_axis = {"title": {"text": y_title}} | extra.pop("y_axis", {})
    legend_rows = _legend_rows(len(traces) + len(extra.get("shapes", ())))
    layout = {
        "height": 400 + 22 * legend_rows,
        "margin": {"l": 10, "r": 10, "t": 45 + 22 * legend_rows, "b": 10},
        "font": dict(FONT),
        "paper_bgcolor": TRANSPARENT,
        "plot_bgcolor": TRANSPARENT,
        # The legend sits between the title and the plot, clear of both axis titles.
        "title": {"text": title, "yref": "container", "y": 1, "yanchor": "top", "pad": {"t": 12}},
        # Two entries a row at any width, so the space kept above the plot always fits.
        "legend": {
            "orientation": "h",
            "yanchor": "bottom",
            "y": 1.02,
            "x": 0,
            "entrywidth": 0.5,
            "entrywidthmode": "fraction",
            "font": {"size": 12},
        },
        "xaxis": {"title": {"text": x_title}},
        "yaxis": y_axis,
    }
    # One constructor call without Plotly's per-property validation: several times faster,
    # which keeps the page quick with years of data. Tests validate every builder's output.
    return go.Figure(data=traces, layout=layout | extra, _validate=False)


def _legend_rows(entries: int) -> int:
    return 0 if entries < 2 else (entries + 1) // 2


def _scatter(
    x: Any, y: Any, name: str, colour: str, mode: str, hover: str, **marker: Any
) -> dict[str, Any]:
    return {
        "type": "scatter",
        "x": np.asarray(x),
        "y": np.asarray(y, dtype="float64"),
        "name": name,
        "mode": mode,
        "line": {"color": colour, "width": 3},
        "marker": {"color": colour, "size": 9} | marker,
        "connectgaps": False,
        "hovertemplate": f"{hover}<extra></extra>",
    }


def _bar(x: Any, y: Any, name: str, colour: str, hover: str, **style: Any) -> dict[str, Any]:
    bar = {"type": "bar", "x": np.asarray(x), "y": np.asarray(y), "name": name}
    return bar | {"marker": {"color": colour}, "hovertemplate": hover} | style


def _band(low: float, high: float, name: str, fill: str) -> dict[str, Any]:
    rect = {"type": "rect", "xref": "paper", "x0": 0, "x1": 1, "y0": low, "y1": high}
    style = {"fillcolor": fill, "line": {"width": 0}, "layer": "below"}
    return rect | style | {"name": name, "showlegend": True}


def _dates(days: Sequence[date] | pd.DatetimeIndex) -> pd.DatetimeIndex:
    return pd.DatetimeIndex(np.asarray(days, dtype="datetime64[ns]"))


def _x(table: pd.DataFrame) -> tuple[pd.Series, str, str]:
    if "week" in table:
        return table["week"], "Week starting", "Week of %{x|%d %b %Y}"
    return table["day"], "Date", "%{x|%a %d %b %Y}"


def pain_figure(
    *,
    table: pd.DataFrame,
    leg: p.PainChange | None,
    flag_days: Sequence[date] | pd.DatetimeIndex = (),
    session_days: Sequence[date] | pd.DatetimeIndex = (),
) -> go.Figure:
    """Leg and back pain with 7-day averages (or weekly means), baseline and important band."""
    x, x_title, when = _x(table)
    weekly = "week" in table
    traces = []
    for column, colour in PAIN_COLOURS.items():
        name, hover = LABELS[column], f"{when}: {LABELS[column].lower()} %{{y:.1f}}/10"
        if weekly:
            traces.append(
                _scatter(x, table[column], f"{name}, weekly average", colour, "lines", hover)
            )
            continue
        traces.append(
            _scatter(x, table[column], f"{name}, daily", colour, "markers", hover, opacity=0.6)
        )
        smooth = table[f"{column}_7d"]
        traces.append(_scatter(x, smooth, f"{name}, 7-day average", colour, "lines", hover))
    sessions = _dates(session_days)
    if weekly:  # one mark per week with sessions keeps years of sessions light
        sessions = mondays(sessions).unique()
    for days, y, name, colour, symbol in (
        (sessions, 0, "Exercise session", SESSION_COLOUR, "triangle-up"),
        (_dates(flag_days), 10, "Warning sign reported", FLAG_COLOUR, "diamond"),
    ):
        if len(days):
            hover = f"%{{x|%d %b %Y}}: {name.lower()}"
            traces.append(
                _scatter(
                    days, [y] * len(days), name, colour, "markers", hover, symbol=symbol, size=12
                )
            )
    shapes = []
    if leg is not None:
        # From the baseline down to the threshold, a fall is under 2 points or under 30%.
        band = _band(leg.threshold, leg.baseline, BAND_NAME, BAND_FILL)
        across = {"xref": "paper", "x0": 0, "x1": 1, "y0": leg.baseline, "y1": leg.baseline}
        baseline = across | {
            "type": "line",
            "line": {"color": GREY, "dash": "dash", "width": 2},
            "name": f"Baseline: first week's leg pain ({leg.baseline:.1f})",
            "showlegend": True,
        }
        shapes = [band, baseline]
    title = "Leg and back pain" + (" (weekly averages)" if weekly else "")
    return _figure(traces, title, x_title, "Pain (0-10)", y_axis=SCALE_0_10, shapes=shapes)


def sbi_figure(*, table: pd.DataFrame) -> go.Figure:
    """Weekly bothersomeness total as bars on its 0-24 scale."""
    hover = "Week of %{x|%d %b %Y}: %{y:.0f}/24<extra></extra>"
    bars = _bar(table["week"], table["sbi_total"], LABELS["sbi_total"], PURPLE_COLOUR, hover)
    title = "Weekly bothersomeness (SBI)"
    axis = {"range": [0, 24], "dtick": 6}
    return _figure([bars], title, "Week starting", "SBI total (0-24)", y_axis=axis)


def adherence_figure(*, table: pd.DataFrame) -> go.Figure:
    """Sessions each week against the suggested 3-4 a week, shaded."""
    low, high = p.SESSIONS_TARGET
    hover = "Week of %{x|%d %b %Y}: %{y} sessions<extra></extra>"
    bars = _bar(table["week"], table["sessions"], "Sessions", SESSION_COLOUR, hover)
    target = _band(low, high, f"Suggested {low}-{high} a week", TARGET_FILL)
    top = max(float(table["sessions"].max()), high) + 1
    title, y_title = "Exercise sessions per week", "Sessions per week"
    return _figure(
        [bars],
        title,
        "Week starting",
        y_title,
        y_axis={"range": [0, top], "dtick": 1},
        shapes=[target],
    )


def response_figure(*, table: pd.DataFrame) -> go.Figure:
    """Leg pain before and after each session, and the next morning."""
    x, x_title, when = _x(table)
    hover = f"{when}: %{{y:.1f}}/10"
    traces = [
        _scatter(
            x, table[column], LABELS[column], colour, "markers", hover, symbol=shape, size=size
        )
        for column, (colour, shape, size) in RESPONSE_STYLE.items()
    ]
    title = "Leg pain around each session"
    return _figure(traces, title, x_title, "Leg pain (0-10)", y_axis=SCALE_0_10)


def daily_life_figure(*, table: pd.DataFrame) -> go.Figure:
    """How much pain got in the way of walking, sitting and sleeping (7-day or weekly means)."""
    x, x_title, when = _x(table)
    traces = []
    for column, colour in LIFE_COLOURS.items():
        smooth = f"{column}_7d"
        # Too few check-ins for any 7-day average: draw the days themselves.
        use = smooth if smooth in table and table[smooth].notna().any() else column
        mode = "lines" if use == smooth or "week" in table else "lines+markers"
        traces.append(
            _scatter(x, table[use], LABELS[column], colour, mode, f"{when}: %{{y:.1f}}/10")
        )
    title = f"Pain getting in the way ({'weekly' if 'week' in table else '7-day'} averages)"
    return _figure(traces, title, x_title, "Got in the way (0-10)", y_axis=SCALE_0_10)


def exercise_figure(*, table: pd.DataFrame) -> go.Figure:
    """Average next-morning change in leg pain after sessions with each exercise."""
    rows = table.iloc[::-1]  # Plotly stacks categories bottom-up: keep the lowest change on top
    counts = [f"{n} sessions" for n in rows["sessions"]]
    hover = "%{y}: %{x:+.1f} points (%{text})<extra></extra>"
    style = {"orientation": "h", "text": counts}
    bars = _bar(rows["change"], rows["exercise"], "Average change", LEG_COLOUR, hover, **style)
    x_title = "Average change from before the session (points)"
    axis = {"title": {"text": x_title}, "zeroline": True, "zerolinecolor": GREY, "zerolinewidth": 2}
    title = "Next-morning leg pain after each exercise"
    return _figure([bars], title, x_title, "", xaxis=axis)
