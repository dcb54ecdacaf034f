"""Chart builders: pure functions from diary data to Plotly figures, testable without a UI."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

import plotly.graph_objects as go

from sciatica.diary.models import CheckInInput
from sciatica.progress.layout import DAY_MS, readable_axis
from sciatica.progress.style import FONT, LEG_COLOUR


def recent_leg_pain_figure(
    check_ins: Sequence[CheckInInput], *, end: date, days: int = 7
) -> go.Figure:
    """Leg pain for the `days` days ending on `end`, with gaps where no check-in was made."""
    window = [end - timedelta(days=offset) for offset in range(days - 1, -1, -1)]
    by_day = {entry.day: entry.leg_pain for entry in check_ins}
    pain = [by_day.get(day) for day in window]
    figure = go.Figure(
        go.Scatter(
            x=window,
            y=pain,
            mode="lines+markers",
            name="Leg pain",
            line={"color": LEG_COLOUR, "width": 3},
            marker={"size": 9},
            connectgaps=False,
            hovertemplate="%{x|%a %-d %b}: leg pain %{y}/10<extra></extra>",
        )
    )
    figure.update_layout(
        title={"text": f"Leg pain, last {days} days"},
        height=260,
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        font=FONT,
        showlegend=False,
        # Weekday names fit a phone where dates would not; the hover gives the date. Half a day
        # either side keeps the first and last marks whole and the ticks on days, not times.
        xaxis=readable_axis(
            {
                "title": {"text": "Day"},
                "type": "date",
                "range": [f"{window[0] - timedelta(days=1)} 12:00", f"{window[-1]} 12:00"],
                "tickformat": "%a",
                "dtick": DAY_MS,
                "tick0": f"{window[0]:%Y-%m-%d}",
                "fixedrange": True,
            }
        ),
        yaxis=readable_axis(
            {
                "title": {"text": "Pain (0-10)"},
                "range": [-0.3, 10.3],
                "dtick": 2,
                "fixedrange": True,
            }
        ),
        dragmode=False,  # a finger on the chart scrolls the page
    )
    return figure
