from datetime import date

from sciatica.progress.layout import DAY_MS
from sciatica.progress.style import LEG_COLOUR
from sciatica.progress.week_chart import recent_leg_pain_figure
from tests.factories import days_ago, make_check_in


def test_recent_leg_pain_has_one_point_per_day_with_gaps_for_missed_days(today: date) -> None:
    entries = [
        make_check_in(day=days_ago(6), leg_pain=7),
        make_check_in(day=days_ago(2), leg_pain=5),
        make_check_in(day=today, leg_pain=4),
    ]
    figure = recent_leg_pain_figure(entries, end=today)
    (trace,) = figure.data
    days = [date.fromisoformat(str(x)[:10]) for x in trace.x]
    assert days == [days_ago(n) for n in range(6, -1, -1)]
    assert list(trace.y) == [7, None, None, None, 5, None, 4]
    assert trace.connectgaps is False
    assert trace.line.color == LEG_COLOUR


def test_recent_leg_pain_axes_are_labelled_with_units_and_fixed_to_the_scale(today: date) -> None:
    figure = recent_leg_pain_figure([make_check_in()], end=today)
    assert figure.layout.yaxis.title.text == "Pain (0-10)"
    assert tuple(figure.layout.yaxis.range) == (-0.3, 10.3)
    assert figure.layout.title.text == "Leg pain, last 7 days"


def test_recent_leg_pain_labels_weekdays_and_neither_zooms_nor_pans(today: date) -> None:
    figure = recent_leg_pain_figure([make_check_in()], end=today)
    axis = figure.layout.xaxis
    assert (axis.tickformat, axis.dtick) == ("%a", DAY_MS)
    assert tuple(axis.range) == (f"{days_ago(7)} 12:00", f"{today} 12:00")
    assert figure.layout.dragmode is False
    assert (axis.fixedrange, figure.layout.yaxis.fixedrange) == (True, True)
