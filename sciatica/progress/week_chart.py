"""Chart builders: pure functions from diary data to Plotly figures, testable without a UI."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

import plotly.graph_objects as go

from sciatica import i18n
from sciatica.diary.models import CheckInInput
from sciatica.i18n import _
from sciatica.progress.layout import DAY_MS, readable_axis
from sciatica.progress.style import FONT, LEG_COLOUR


def recent_leg_pain_figure(
    check_ins: Sequence[CheckInInput], *, end: date, days: int = 7
) -> go.Figure:
    """Leg pain for the `days` days ending on `end`, with gaps where no check-in was made."""
    window = [end - timedelta(days=offset) for offset in range(days - 1, -1, -1)]
    by_day = {entry.day: entry.leg_pain for entry in check_ins}
    pain = [by_day.get(day) for day in window]
    english = i18n.current() == i18n.DEFAULT_LANGUAGE
    # Plotly writes dates in English in the browser: in another language they are written here.
    when = "%{x|%a %-d %b}" if english else "%{customdata}"
    written = [i18n.format_date(day, "EEE d MMM") for day in window]
    figure = go.Figure(
        go.Scatter(
            x=window,
            y=pain,
            mode="lines+markers",
            name=_("Leg pain"),
            line={"color": LEG_COLOUR, "width": 3},
            marker={"size": 9},
            connectgaps=False,
            customdata=None if english else written,
            hovertemplate=_("{day}: leg pain {value}/10").format(day=when, value="%{y}")
            + "<extra></extra>",
        )
    )
    figure.update_layout(
        title={
            "text": i18n.ngettext(
                "Leg pain, last {count} day", "Leg pain, last {count} days", days
            ).format(count=days)
        },
        height=260,
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        font=FONT,
        separators=None if english else ", ",
        showlegend=False,
        # Weekday names fit a phone where dates would not; the hover gives the date. Half a day
        # either side keeps the first and last marks whole and the ticks on days, not times.
        xaxis=readable_axis(
            {
                "title": {"text": _("Day")},
                "type": "date",
                "range": [f"{window[0] - timedelta(days=1)} 12:00", f"{window[-1]} 12:00"],
                "fixedrange": True,
            }
            | (
                {"tickformat": "%a", "dtick": DAY_MS, "tick0": f"{window[0]:%Y-%m-%d}"}
                if english
                else {
                    "tickmode": "array",
                    "tickvals": [day.isoformat() for day in window],
                    "ticktext": [
                        i18n.weekday_name(day.weekday(), width="abbreviated") for day in window
                    ],
                }
            )
        ),
        yaxis=readable_axis(
            {
                "title": {"text": _("Pain (0-10)")},
                "range": [-0.3, 10.3],
                "dtick": 2,
                "fixedrange": True,
            }
        ),
        dragmode=False,  # a finger on the chart scrolls the page
    )
    return figure
