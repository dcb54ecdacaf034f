"""The Progress page's panels: which chart each shows, its sentence, its data, or why it is empty.

Owns the six panels in page order (`TITLES`), each built on request (`ProgressPanels.panel`)
from the tables (`tables`), drawn by a pure builder (`charts`) and put in words (`text`), with
its data as readable CSV. Where there is nothing to draw, or every value is the same (a flat
line, equal bars, bars of nothing), the panel has no figure and its sentence says it instead.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from sciatica import i18n
from sciatica.diary.ports import FlareDay
from sciatica.i18n import N_, Language, _
from sciatica.progress import summary as p
from sciatica.progress.chart_words import (
    adherence_chart_sentence,
    daily_life_sentence,
    exercise_sentence,
    response_sentence,
    sbi_chart_sentence,
    trend_sentence,
)
from sciatica.progress.charts import (
    adherence_figure,
    daily_life_figure,
    exercise_figure,
    pain_figure,
    response_figure,
    sbi_figure,
)
from sciatica.progress.flares import RANGES, flare_frame, range_sentence, with_ranges
from sciatica.progress.tables import (
    adherence_table,
    exercise_table,
    response_table,
    sbi_table,
    single_value,
    trend_table,
)
from sciatica.progress.traces import LABELS, label

TITLES = {
    "pain": N_("Leg and back pain"),
    "sbi": N_("Weekly bothersomeness (SBI)"),
    "adherence": N_("Exercise sessions per week"),
    "response": N_("Leg pain around each session"),
    "life": N_("Pain getting in the way"),
    "exercises": N_("Next-morning leg pain after each exercise"),
}
NO_CHECK_INS = N_("This chart fills in after your first check-in in this period.")
NO_SBI = N_("Answer the weekly bothersomeness questions at check-in to see them here.")


@dataclass(frozen=True, slots=True)
class Panel:
    """One chart of the Progress page: figure (None when there is nothing to draw) and data."""

    key: str
    title: str  # in the person's language
    figure: go.Figure | None  # None: nothing to draw, or every value the same
    sentence: str  # under the chart, or in its place when there is nothing to draw
    table: pd.DataFrame  # the chart's data with readable column names

    def csv(self, language: Language | None = None) -> str:
        """The chart's data as CSV, numbers as the language (the current one unless given)
        writes them: '2,5' between semicolons in Swedish, '2.5' between commas in English."""
        return str(
            self.table.to_csv(
                index=False,
                sep=i18n.csv_separator(language=language),
                decimal=i18n.decimal_sign(language=language),
            )
        )


class ProgressPanels:
    """The six panels of one period, each built only when asked for (`panel`).

    The page draws the first at once and the others when they are opened, so a closed panel
    costs neither the server nor the browser anything.
    """

    def __init__(
        self,
        *,
        days: pd.DataFrame,
        sessions: Sequence[p.SessionPoint],
        summary: p.ProgressSummary,
        names: Mapping[str, str],
        flares: Sequence[FlareDay] = (),
    ) -> None:
        self.days, self.summary, self.names = days, summary, names
        self.period = summary.period
        self.visits = p.sessions_frame(sessions=sessions, period=self.period)
        self.flares = flares

    def panel(self, key: str) -> Panel:
        """One panel by its key (see `TITLES`)."""
        if empty := self._nothing_to_draw(key):
            table = pd.DataFrame()
            return Panel(key=key, title=_(TITLES[key]), figure=None, sentence=empty, table=table)
        build = {
            "pain": self._pain,
            "sbi": self._sbi,
            "adherence": self._adherence,
            "response": self._response,
            "life": self._life,
            "exercises": self._exercises,
        }[key]
        return _panel(key, *build())

    def _nothing_to_draw(self, key: str) -> str:
        if key == "pain" and self.days.empty and not self.flares:
            return _(NO_CHECK_INS)
        if key == "life" and self.days.empty:
            return _(NO_CHECK_INS)
        if key == "sbi" and not self.days["sbi_total"].notna().any():
            return _(NO_SBI)
        if key in ("adherence", "response", "exercises") and self.visits.empty:
            return _(p.NO_SESSIONS)
        return ""

    def _pain(self) -> Chart:
        table = trend_table(days=self.days, period=self.period, columns=p.PAIN)
        table = with_ranges(table, days=self.days, flares=flare_frame(flare_days=self.flares))
        drawn = [*p.PAIN, *RANGES] if "range_low" in table else list(p.PAIN)
        figure = _unless_flat(
            table,
            drawn,
            lambda: pain_figure(
                table=table,
                leg=self.summary.leg,
                flag_days=self.summary.red_flag_days,
                session_days=pd.DatetimeIndex(self.visits.index),
            ),
        )
        trend = trend_sentence(table=table) if not self.days.empty else ""
        return (
            table,
            figure,
            " ".join(part for part in (trend, range_sentence(table=table)) if part),
        )

    def _sbi(self) -> Chart:
        table = sbi_table(days=self.days)
        figure = _unless_flat(table, ["sbi_total"], lambda: sbi_figure(table=table))
        return table, figure, sbi_chart_sentence(table=table)

    def _adherence(self) -> Chart:
        start = self.summary.first_day or self.period.end
        table = adherence_table(visits=self.visits, period=self.period, start=start)
        figure = _unless_flat(table, ["sessions"], lambda: adherence_figure(table=table))
        return table, figure, adherence_chart_sentence(table=table)

    def _response(self) -> Chart:
        table = response_table(visits=self.visits, period=self.period)
        figure = _unless_flat(table, p.RESPONSE, lambda: response_figure(table=table))
        return table, figure, response_sentence(visits=self.visits)

    def _life(self) -> Chart:
        table = trend_table(days=self.days, period=self.period, columns=p.LIFE)
        figure = _unless_flat(table, p.LIFE, lambda: daily_life_figure(table=table))
        return table, figure, daily_life_sentence(days=self.days)

    def _exercises(self) -> Chart:
        table = exercise_table(visits=self.visits, names=self.names)
        # One exercise, or every one the same: bars of one length compare nothing.
        figure = _unless_flat(table, ["change"], lambda: exercise_figure(table=table))
        return table, figure, exercise_sentence(table=table)


def progress_panels(
    *,
    days: pd.DataFrame,
    sessions: Sequence[p.SessionPoint],
    summary: p.ProgressSummary,
    names: Mapping[str, str],
    flares: Sequence[FlareDay] = (),
) -> list[Panel]:
    """All six Progress panels in page order, each with its sentence and data."""
    panels = ProgressPanels(
        days=days, sessions=sessions, summary=summary, names=names, flares=flares
    )
    return [panels.panel(key) for key in TITLES]


Chart = tuple[pd.DataFrame, Any, str]  # the data, its figure (or None) and its sentence


def _unless_flat(table: pd.DataFrame, drawn: Sequence[str], figure: Callable[[], Any]) -> Any:
    """The figure, or None when it would draw nothing, or only one value: the sentence says it."""
    if table[list(drawn)].isna().to_numpy().all() or single_value(table, drawn) is not None:
        return None
    return figure()


def _panel(key: str, table: pd.DataFrame, figure: Any, sentence: str) -> Panel:
    for column in ("day", "week"):
        if column in table:
            table = table.assign(**{column: table[column].dt.date})
    readable = table.rename(columns=_label)
    return Panel(key=key, title=_(TITLES[key]), figure=figure, sentence=sentence, table=readable)


def _label(column: str) -> str:
    if column.endswith("_7d"):
        return _("{name}, 7-day average").format(name=label(column.removesuffix("_7d")))
    return label(column) if column in LABELS else column
