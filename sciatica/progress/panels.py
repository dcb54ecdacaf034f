"""The Progress page's panels: which chart each shows, its sentence, its data, or why it is empty.

Owns the six panels in page order (`progress_panels`), each built from the tables (`tables`),
drawn by a pure builder (`charts`) and put in words (`text`), with its data as readable CSV.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from sciatica.progress import summary as p
from sciatica.progress.charts import (
    LABELS,
    adherence_figure,
    daily_life_figure,
    exercise_figure,
    pain_figure,
    response_figure,
    sbi_figure,
)
from sciatica.progress.tables import (
    adherence_table,
    exercise_table,
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
