"""Progress charts: pure Plotly builders and the page's panels, testable without a UI."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from sciatica.progress import summary as p
from sciatica.progress.tables import (
    adherence_table,
    exercise_table,
    mondays,
    response_table,
    sbi_table,
    trend_table,
)
from sciatica.progress.text import (
    adherence_chart_sentence,
    daily_life_sentence,
    exercise_sentence,
    response_sentence,
    sbi_chart_sentence,
    trend_sentence,
)
from sciatica.progress.week_chart import BACK_COLOUR, FONT, LEG_COLOUR

# Okabe-Ito colours (Okabe & Ito 2008): safe with colour-blindness, mid-tones that read on
# light and dark themes; backgrounds stay transparent so the app's theme shows through.
SESSION_COLOUR, FLAG_COLOUR, SKY_COLOUR, PURPLE_COLOUR = "#009E73", "#D55E00", "#56B4E9", "#CC79A7"
GREY = "#999999"
BAND_FILL, TARGET_FILL = "rgba(153, 153, 153, 0.25)", "rgba(0, 158, 115, 0.2)"
TRANSPARENT = "rgba(0,0,0,0)"
PAIN_COLOURS = {"leg_pain": LEG_COLOUR, "back_pain": BACK_COLOUR}
LIFE_COLOURS = dict(zip(p.LIFE, (SKY_COLOUR, BACK_COLOUR, PURPLE_COLOUR), strict=True))
# Shapes as well as colours, as the three often share a point.
RESPONSE_STYLE = {
    "pain_before": (GREY, "circle-open", 16),
    "pain_after": (LEG_COLOUR, "circle", 9),
    "next_morning_leg_pain": (SKY_COLOUR, "diamond", 10),
}
SCALE_0_10 = {"range": [-0.5, 10.5], "dtick": 2}
BAND_NAME = "Less than an important fall (2 points/30%)"
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
TITLES = {
    "pain": "Leg and back pain",
    "sbi": "Weekly bothersomeness (SBI)",
    "adherence": "Exercise sessions per week",
    "response": "Leg pain around each session",
    "life": "Pain getting in the way",
    "exercises": "Next-morning leg pain after each exercise",
}
NO_CHECK_INS = "This chart fills in after your first check-in in this period."
NO_SBI = "Answer the weekly bothersomeness questions at check-in to see them here."


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
        # From the baseline down to the threshold, a fall is under 2 points and under 30%.
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


@dataclass(frozen=True, slots=True)
class Panel:
    """One chart of the Progress page: figure (None when there is nothing to draw) and data."""

    key: str
    title: str
    figure: go.Figure | None
    sentence: str  # under the chart, or in its place when there is nothing to draw
    table: pd.DataFrame  # the chart's data with readable column names

    def csv(self) -> str:
        """The chart's data as CSV."""
        return str(self.table.to_csv(index=False))


def progress_panels(
    *,
    days: pd.DataFrame,
    sessions: Sequence[p.SessionPoint],
    summary: p.ProgressSummary,
    names: Mapping[str, str] | None = None,
) -> list[Panel]:
    """The six Progress charts in page order, each with its sentence and data."""
    period = summary.period
    visits = p.sessions_frame(sessions=sessions, period=period)
    start = summary.first_day or period.end
    no_days = NO_CHECK_INS if days.empty else ""
    no_sbi = "" if days["sbi_total"].notna().any() else NO_SBI
    no_sessions = p.NO_SESSIONS if visits.empty else ""
    return [
        _panel("pain", no_days, lambda: _pain_chart(days, visits, summary)),
        _panel("sbi", no_sbi, lambda: _chart(sbi_table(days=days), sbi_figure, sbi_chart_sentence)),
        _panel("adherence", no_sessions, lambda: _adherence_chart(visits, period, start)),
        _panel("response", no_sessions, lambda: _response_chart(visits, period)),
        _panel("life", no_days, lambda: _life_chart(days, period)),
        _panel("exercises", no_sessions, lambda: _exercise_chart(visits, names)),
    ]


Chart = tuple[pd.DataFrame, Any, str]  # the data, its figure (or None) and its sentence


def _chart(table: pd.DataFrame, figure: Callable[..., Any], sentence: Callable[..., str]) -> Chart:
    return table, figure(table=table), sentence(table=table)


def _pain_chart(days: pd.DataFrame, visits: pd.DataFrame, summary: p.ProgressSummary) -> Chart:
    table = trend_table(days=days, period=summary.period, columns=p.PAIN)
    figure = pain_figure(
        table=table,
        leg=summary.leg,
        flag_days=summary.red_flag_days,
        session_days=pd.DatetimeIndex(visits.index),
    )
    return table, figure, trend_sentence(table=table)


def _adherence_chart(visits: pd.DataFrame, period: p.Period, start: date) -> Chart:
    table = adherence_table(visits=visits, period=period, start=start)
    return _chart(table, adherence_figure, adherence_chart_sentence)


def _response_chart(visits: pd.DataFrame, period: p.Period) -> Chart:
    table = response_table(visits=visits, period=period)
    return table, response_figure(table=table), response_sentence(visits=visits)


def _life_chart(days: pd.DataFrame, period: p.Period) -> Chart:
    table = trend_table(days=days, period=period, columns=p.LIFE)
    return table, daily_life_figure(table=table), daily_life_sentence(days=days)


def _exercise_chart(visits: pd.DataFrame, names: Mapping[str, str] | None) -> Chart:
    table = exercise_table(visits=visits, names=names)
    figure = None if table.empty else exercise_figure(table=table)
    return table, figure, exercise_sentence(table=table)


def _panel(key: str, empty: str, build: Callable[[], Chart]) -> Panel:
    if empty:
        return Panel(key=key, title=TITLES[key], figure=None, sentence=empty, table=pd.DataFrame())
    table, figure, sentence = build()
    readable = table.rename(columns=_label)
    for column in ("Date", "Week starting"):
        if column in readable:
            readable[column] = readable[column].dt.date
    return Panel(key=key, title=TITLES[key], figure=figure, sentence=sentence, table=readable)


def _label(column: str) -> str:
    if column.endswith("_7d"):
        return f"{LABELS[column.removesuffix('_7d')]}, 7-day average"
    return LABELS.get(column, column)
