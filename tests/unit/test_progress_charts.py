from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import pytest

from sciatica import i18n
from sciatica.diary.ports import DailyRow
from sciatica.progress.chart_words import daily_life_sentence
from sciatica.progress.charts import (
    BAND_NAME,
    adherence_figure,
    daily_life_figure,
    exercise_figure,
    pain_figure,
    response_figure,
    sbi_figure,
)
from sciatica.progress.layout import DAY_MS, date_axis, date_step, legend_rows
from sciatica.progress.panels import NO_CHECK_INS, Panel, ProgressPanels, progress_panels
from sciatica.progress.style import LEG_COLOUR, TRANSPARENT
from sciatica.progress.summary import NO_SESSIONS, Period, SessionPoint, sessions_frame, summarise
from sciatica.progress.tables import (
    adherence_table,
    exercise_table,
    response_table,
    sbi_table,
    trend_table,
)
from tests.factories import days_ago
from tests.unit.test_progress import daily_row, days_frame, make_session


def first_day() -> date:
    """The test period's first day: a Tuesday, so its first Monday-to-Sunday week is cut short.

    It is the first Tuesday on or after 29 days ago, so the 30-day period takes in today.
    """
    month_ago = days_ago(29)
    return month_ago + timedelta(days=(1 - month_ago.weekday()) % 7)


# The exercises these tests log, named as a catalogue would (labels come only from names).
NAMES = {"clamshell": "clamshell", "bird_dog": "bird dog", "knee_to_chest": "knee to chest"}


def first_monday() -> date:
    """The start of the period's first whole week."""
    return first_day() + timedelta(days=6)


def thirty_days() -> Period:
    """The test period: 30 days from a Tuesday."""
    return Period(first_day(), first_day() + timedelta(days=29))


def row(offset: int = 0, **overrides: Any) -> DailyRow:
    """One day's numbers, `offset` days into the test period."""
    return daily_row(day=first_day() + timedelta(days=offset), **overrides)


def session(offset: int = 0, **overrides: Any) -> SessionPoint:
    """An exercise session `offset` days into the test period."""
    return make_session(day=first_day() + timedelta(days=offset), **overrides)


def days_of(values: list[int], column: str = "leg_pain", start: int = 0) -> pd.DataFrame:
    """Check-ins on consecutive days with the given values in one column."""
    return days_frame(*(row(start + i, **{column: value}) for i, value in enumerate(values)))


def timestamps(values: Any) -> list[date]:
    """Plotly x values as dates."""
    return [pd.Timestamp(value).date() for value in values]


def numbers(values: Any) -> list[float | None]:
    """Plotly y values, with missing ones as None."""
    return [None if pd.isna(value) else float(value) for value in values]


def traces_by_name(figure: go.Figure) -> dict[str, Any]:
    """A figure's traces, by legend name."""
    return {trace.name: trace for trace in figure.data}


# Tables ----------------------------------------------------------------------------------


def test_trend_table_averages_7_days_while_four_of_them_have_check_ins() -> None:
    table = trend_table(
        days=days_of([1, 2, 3, 4, 5, 6, 7, 8]), period=thirty_days(), columns=["leg_pain"]
    )
    assert numbers(table["leg_pain_7d"]) == [
        None,
        None,
        None,
        2.5,
        3.0,
        3.5,
        4.0,
        5.0,
        5.5,
        6.0,
        6.5,
    ]
    assert timestamps(table["day"])[0] == first_day()


def test_trend_table_keeps_days_without_check_ins_out_but_bridges_short_gaps() -> None:
    days = days_frame(*(row(offset) for offset in (0, 1, 2, 3, 5, 20)))
    table = trend_table(days=days, period=thirty_days(), columns=["leg_pain"])
    day_4 = table[table["day"] == pd.Timestamp(first_day() + timedelta(days=4))]
    assert numbers(day_4["leg_pain"]) == [None]
    assert numbers(day_4["leg_pain_7d"]) == [5.0]
    assert numbers(
        table[table["day"] == pd.Timestamp(first_day() + timedelta(days=20))]["leg_pain_7d"]
    ) == [None]


def test_periods_over_a_year_are_aggregated_to_weekly_means() -> None:
    two_years = Period(first_monday(), first_monday() + timedelta(days=727))
    days = days_frame(
        *(row((first_monday() - first_day()).days + i, leg_pain=i % 7) for i in range(728))
    )
    table = trend_table(days=days, period=two_years, columns=["leg_pain", "back_pain"])
    assert len(table) == 104
    assert list(table.columns) == ["week", "leg_pain", "back_pain", "check_ins"]
    assert timestamps(table["week"][:2]) == [first_monday(), first_monday() + timedelta(days=7)]
    assert set(table["leg_pain"]) == {3.0}  # 0..6 in every week
    assert set(table["check_ins"]) == {7}


def test_weekly_means_leave_empty_weeks_empty_so_lines_break() -> None:
    long = Period(first_day(), first_day() + timedelta(days=400))
    days = days_frame(row(6, leg_pain=2), row(7, leg_pain=4), row(30, leg_pain=6))
    table = trend_table(days=days, period=long, columns=["leg_pain"])
    assert numbers(table["leg_pain"]) == [3.0, None, None, 6.0]
    assert table["check_ins"].tolist() == [2, 0, 0, 1]


def test_sbi_table_has_one_bar_per_week_answered() -> None:
    days = days_frame(row(6, sbi_total=12), row(14, sbi_total=9), row(15))
    table = sbi_table(days=days)
    assert timestamps(table["week"]) == [first_monday(), first_monday() + timedelta(days=7)]
    assert table["sbi_total"].tolist() == [12.0, 9.0]


def test_adherence_table_counts_weeks_without_sessions_as_zero() -> None:
    visits = sessions_frame(sessions=[session(6), session(8), session(20)], period=thirty_days())
    table = adherence_table(visits=visits, period=thirty_days(), start=first_day())
    assert table["sessions"].tolist() == [0, 2, 0, 1, 0]


def test_exercise_table_keeps_exercises_with_three_sessions_and_averages_next_morning() -> None:
    sessions = [
        *(
            session(
                i,
                pain_before=5,
                next_morning_leg_pain=4 - i,
                exercise_ids=("clamshell", "bird_dog"),
            )
            for i in range(3)
        ),
        session(3, next_morning_leg_pain=None, exercise_ids=("clamshell",)),
        session(4, pain_before=2, next_morning_leg_pain=6, exercise_ids=("knee_to_chest",)),
    ]
    visits = sessions_frame(sessions=sessions, period=thirty_days())
    table = exercise_table(visits=visits, names={"bird_dog": "Bird dog", "clamshell": "Clamshell"})
    assert table.to_dict("records") == [
        {"exercise": "Bird dog", "change": -2.0, "sessions": 3},
        {"exercise": "Clamshell", "change": -2.0, "sessions": 3},
    ]


def test_an_exercise_the_catalogue_does_not_name_is_left_out_not_labelled_by_its_id() -> None:
    link = '<a href="http://evil">x</a>'
    sessions = [
        session(i, pain_before=5, next_morning_leg_pain=3, exercise_ids=("clamshell", link))
        for i in range(3)
    ]
    visits = sessions_frame(sessions=sessions, period=thirty_days())
    table = exercise_table(visits=visits, names={"clamshell": "Clamshell"})
    assert table["exercise"].tolist() == ["Clamshell"]


# Figures ---------------------------------------------------------------------------------


def test_pain_figure_draws_daily_points_averages_baseline_band_and_marks() -> None:
    days = days_of([6, 6, 6, 6, 6, 6, 6, 3, 3, 3])
    summary = summarise(days=days, sessions=[session(2)], period=thirty_days())
    table = trend_table(days=days, period=thirty_days(), columns=["leg_pain", "back_pain"])
    figure = pain_figure(
        table=table,
        leg=summary.leg,
        flag_days=[first_day() + timedelta(days=1)],
        session_days=[first_day() + timedelta(days=2)],
    )
    traces = traces_by_name(figure)
    assert list(traces) == [
        "Leg pain, daily",
        "Leg pain, 7-day average",
        "Back pain, daily",
        "Back pain, 7-day average",
        "Exercise session",
        "Warning sign reported",
    ]
    assert numbers(traces["Leg pain, daily"].y) == [6] * 7 + [3] * 3 + [None] * 3
    assert numbers(traces["Leg pain, 7-day average"].y)[9] == pytest.approx(33 / 7, abs=0.01)
    assert traces["Leg pain, daily"].marker.color == LEG_COLOUR
    assert timestamps(traces["Warning sign reported"].x) == [first_day() + timedelta(days=1)]
    assert numbers(traces["Warning sign reported"].y) == [10]
    assert numbers(traces["Exercise session"].y) == [0]
    band, baseline = figure.layout.shapes
    assert (band.y0, band.y1) == (pytest.approx(4.0), 6.0)  # 2 points is more than 30% of 6
    assert (baseline.y0, baseline.y1) == (6.0, 6.0)
    assert baseline.name == "Baseline: first week's leg pain (6.0)"


def test_pain_figure_over_years_draws_weekly_averages_and_one_session_mark_a_week() -> None:
    years = Period(first_monday(), first_monday() + timedelta(days=727))
    days = days_frame(*(row((first_monday() - first_day()).days + i) for i in range(728)))
    table = trend_table(days=days, period=years, columns=["leg_pain", "back_pain"])
    sessions = [
        first_monday(),
        first_monday() + timedelta(days=2),
        first_monday() + timedelta(days=9),
    ]
    figure = pain_figure(table=table, leg=None, session_days=sessions)
    traces = traces_by_name(figure)
    assert list(traces) == [
        "Leg pain, weekly average",
        "Back pain, weekly average",
        "Exercise session",
    ]
    assert len(traces["Leg pain, weekly average"].x) == 104
    assert timestamps(traces["Exercise session"].x) == [
        first_monday(),
        first_monday() + timedelta(days=7),
    ]
    assert figure.layout.title.text == "Leg and back pain"
    assert figure.layout.title.subtitle.text == "Weekly averages"
    assert figure.layout.xaxis.title.text == "Week starting"


def test_sbi_figure_has_weekly_bars_on_the_0_to_24_scale() -> None:
    table = sbi_table(days=days_frame(row(6, sbi_total=12), row(14, sbi_total=9)))
    figure = sbi_figure(table=table)
    (bars,) = figure.data
    assert numbers(bars.y) == [12, 9]
    assert timestamps(bars.x) == [first_monday(), first_monday() + timedelta(days=7)]
    assert tuple(figure.layout.yaxis.range) == (0, 24)
    assert figure.layout.yaxis.title.text == "SBI total (0-24)"


def test_adherence_figure_shades_three_to_four_sessions_a_week() -> None:
    visits = sessions_frame(sessions=[session(6), session(8)], period=thirty_days())
    figure = adherence_figure(
        table=adherence_table(visits=visits, period=thirty_days(), start=first_day())
    )
    (bars,) = figure.data
    assert numbers(bars.y) == [0, 2, 0, 0, 0]
    (band,) = figure.layout.shapes
    assert (band.y0, band.y1, band.name) == (3, 4, "Suggested 3-4 a week")


def test_response_figure_shows_before_after_and_next_morning() -> None:
    sessions = [session(1, pain_before=5, pain_after=3, next_morning_leg_pain=None)]
    figure = response_figure(
        table=response_table(
            visits=sessions_frame(sessions=sessions, period=thirty_days()), period=thirty_days()
        )
    )
    traces = traces_by_name(figure)
    assert list(traces) == ["Before session", "After session", "Next morning"]
    assert [numbers(trace.y) for trace in traces.values()] == [[5], [3], [None]]
    assert traces["Before session"].marker.symbol != traces["After session"].marker.symbol


def test_daily_life_figure_draws_the_days_when_too_few_for_an_average() -> None:
    days = days_of([2, 4], column="walking_interference")
    figure = daily_life_figure(
        table=trend_table(
            days=days,
            period=thirty_days(),
            columns=["walking_interference", "sitting_interference", "sleeping_interference"],
        )
    )
    traces = traces_by_name(figure)
    assert list(traces) == ["Walking", "Sitting", "Sleeping"]
    assert numbers(traces["Walking"].y) == [2, 4]
    assert traces["Walking"].mode == "lines+markers"


def test_exercise_figure_lists_the_lowest_change_at_the_top() -> None:
    table = pd.DataFrame(
        {"exercise": ["clamshell", "bird dog"], "change": [-1.0, 0.5], "sessions": [4, 3]}
    )
    (bars,) = exercise_figure(table=table).data
    assert list(bars.y) == ["bird dog", "clamshell"]  # Plotly draws the first category lowest
    assert numbers(bars.x) == [0.5, -1.0]
    assert [list(row) for row in bars.customdata] == [["bird dog", 3], ["clamshell", 4]]


def test_exercise_names_wrap_onto_short_lines_for_a_phone() -> None:
    table = pd.DataFrame(
        {
            "exercise": ["Lying gluteal (piriformis) stretch", "Bird dog"],
            "change": [-1.0, 0.5],
            "sessions": [4, 3],
        }
    )
    (bars,) = exercise_figure(table=table).data
    assert list(bars.y) == ["Bird dog", "Lying gluteal<br>(piriformis)<br>stretch"]


def every_figure() -> list[go.Figure]:
    days = days_frame(*(row(i, sbi_total=12 - i) for i in range(9)))
    sessions = [
        session(
            i, next_morning_leg_pain=2 + i % 2, exercise_ids=("clamshell", "bird_dog")[: i % 2 + 1]
        )
        for i in range(6)
    ]
    summary = summarise(days=days, sessions=sessions, period=thirty_days())
    return [
        panel.figure
        for panel in progress_panels(days=days, sessions=sessions, summary=summary, names=NAMES)
    ]


def test_every_figure_is_valid_plotly_with_titles_and_a_transparent_background() -> None:
    figures = every_figure()
    assert len(figures) == 6
    for figure in figures:
        go.Figure(figure.to_dict())  # the builders skip validation for speed; check it here
        assert figure.layout.title.text
        assert figure.layout.xaxis.title.text
        assert figure.layout.paper_bgcolor == figure.layout.plot_bgcolor == TRANSPARENT


# Panels ----------------------------------------------------------------------------------


def test_without_check_ins_or_sessions_every_panel_explains_instead_of_drawing() -> None:
    days = days_frame()
    panels = progress_panels(
        days=days,
        sessions=[],
        summary=summarise(days=days, sessions=[], period=thirty_days()),
        names=NAMES,
    )
    assert [panel.figure for panel in panels] == [None] * 6
    assert [panel.sentence for panel in panels if panel.key in {"pain", "life"}] == [
        NO_CHECK_INS
    ] * 2
    sessions_panels = [
        panel for panel in panels if panel.key in {"adherence", "response", "exercises"}
    ]
    assert {panel.sentence for panel in sessions_panels} == {NO_SESSIONS}


def test_one_check_in_draws_a_point_not_an_empty_axis() -> None:
    days = days_of([6])
    (pain, *_) = progress_panels(
        days=days,
        sessions=[],
        summary=summarise(days=days, sessions=[], period=thirty_days()),
        names=NAMES,
    )
    assert numbers(traces_by_name(pain.figure)["Leg pain, daily"].y) == [6]
    assert pain.sentence == "One check-in in this period so far (leg pain 6/10)."


def test_panel_data_has_readable_columns_and_downloads_as_csv() -> None:
    days = days_of([6, 5])
    (pain, *_) = progress_panels(
        days=days,
        sessions=[],
        summary=summarise(days=days, sessions=[], period=thirty_days()),
        names=NAMES,
    )
    assert list(pain.table.columns) == [
        "Date",
        "Leg pain",
        "Back pain",
        "Leg pain, 7-day average",
        "Back pain, 7-day average",
    ]
    assert pain.csv().splitlines()[1] == f"{first_day()},6.0,3.0,,"
    # In Swedish, as a Swedish spreadsheet reads numbers: decimal commas, semicolons between.
    assert pain.csv("sv").splitlines()[1] == f"{first_day()};6,0;3,0;;"


def test_panel_data_in_swedish_has_swedish_column_names() -> None:
    days = days_of([6, 5])
    with i18n.use("sv"):
        (pain, *_) = progress_panels(
            days=days,
            sessions=[],
            summary=summarise(days=days, sessions=[], period=thirty_days()),
            names=NAMES,
        )
        header = pain.csv().splitlines()[0]
    assert header.startswith("Datum;Smärta i benet;Smärta i ryggen")


def test_exercises_with_too_few_sessions_explain_the_three_session_minimum() -> None:
    days = days_of([5])
    sessions: list[SessionPoint] = [session(0)]
    summary = summarise(days=days, sessions=sessions, period=thirty_days())
    exercises = progress_panels(days=days, sessions=sessions, summary=summary, names=NAMES)[-1]
    assert exercises.figure is None
    assert "once it is in 3 sessions" in exercises.sentence


# Small screens ---------------------------------------------------------------------------

TIME_OF_DAY = ("%H", "%I", "%M", "%S", "%L", "%p")


def test_one_check_in_gets_a_day_wide_axis_with_one_whole_day_tick() -> None:
    days = days_of([6])
    table = trend_table(days=days, period=thirty_days(), columns=["leg_pain", "back_pain"])
    axis = pain_figure(table=table, leg=None).layout.xaxis
    day_before = first_day() - timedelta(days=1)
    assert tuple(axis.range) == (f"{day_before} 12:00", f"{first_day()} 12:00")
    assert (axis.tickmode, axis.dtick) == ("linear", DAY_MS)
    assert not any(code in axis.tickformat for code in TIME_OF_DAY)


@pytest.mark.parametrize("span", [0.5, 1, 2, 4, 7, 10, 13, 31, 60, 91, 366, 400, 800, 1500, 3700])
def test_date_ticks_are_whole_days_labelled_without_a_time_and_at_most_six(span: float) -> None:
    step, label = date_step(span)
    if isinstance(step, int):
        assert step % DAY_MS == 0
        assert span / (step / DAY_MS) <= 6
    else:
        assert step.startswith("M")
        assert span / (int(step[1:]) * 30.4) <= 6.2
    assert not any(code in label for code in TIME_OF_DAY)


def test_weekly_bars_span_their_week_with_ticks_on_mondays() -> None:
    table = sbi_table(days=days_frame(row(6, sbi_total=12)))
    figure = sbi_figure(table=table)
    axis, (bars,) = figure.layout.xaxis, figure.data
    assert pd.Timestamp(axis.tick0).day_name() == "Monday"
    assert axis.dtick % (7 * DAY_MS) == 0
    # One week: the axis runs from that Monday to its Sunday, and the bar fills it.
    start, end = (pd.Timestamp(value) for value in axis.range)
    assert (start.date(), end.date()) == (
        first_monday() - timedelta(days=1),
        first_monday() + timedelta(days=6),
    )
    assert (bars.width, bars.offset) == (6 * DAY_MS, DAY_MS // 2)


def test_every_figure_has_its_legend_below_and_neither_zooms_nor_pans() -> None:
    for figure in every_figure():
        layout = figure.layout
        assert (layout.legend.yref, layout.legend.y, layout.legend.yanchor) == (
            "container",
            0,
            "bottom",
        )
        assert layout.legend.orientation == "h"
        assert layout.dragmode is False
        assert (layout.xaxis.fixedrange, layout.yaxis.fixedrange) == (True, True)
        assert layout.title.x == 0


def test_legend_height_allows_one_entry_a_row_when_an_entry_is_wide() -> None:
    assert legend_rows(["Walking", "Sitting", "Sleeping"]) == 1
    assert legend_rows(["Before session", "After session", "Next morning"]) == 2
    assert legend_rows(["Leg pain, daily", BAND_NAME, "Sessions"]) == 3


def test_pain_figure_keeps_lines_without_values_out_of_the_legend() -> None:
    table = trend_table(
        days=days_of([6, 5]), period=thirty_days(), columns=["leg_pain", "back_pain"]
    )
    figure = pain_figure(table=table, leg=None)
    assert list(traces_by_name(figure)) == ["Leg pain, daily", "Back pain, daily"]
    assert figure.layout.title.subtitle.text == "Each day"


# Flat and tied data ----------------------------------------------------------------------


def exercise_panel(changes: dict[str, list[int]]) -> Panel:
    """The exercises panel for sessions with leg pain 4 before and these next-morning values."""
    sessions = [
        session(
            offset * 3 + i, pain_before=4, next_morning_leg_pain=4 + change, exercise_ids=(name,)
        )
        for offset, (name, values) in enumerate(changes.items())
        for i, change in enumerate(values)
    ]
    days = days_of([5])
    summary = summarise(days=days, sessions=sessions, period=thirty_days())
    return ProgressPanels(days=days, sessions=sessions, summary=summary, names=NAMES).panel(
        "exercises"
    )


def test_exercises_that_all_changed_by_zero_are_a_sentence_not_empty_bars() -> None:
    panel = exercise_panel({"clamshell": [0, 0, 0], "bird_dog": [0, 0, 0]})
    assert panel.figure is None
    assert panel.sentence == (
        "Next-morning leg pain was no different than before the session after each of these 2 "
        "exercises alike, so none of them stands out from the others."
    )
    assert len(panel.table) == 2  # the data is still a click away


def test_a_tie_for_the_lowest_change_names_both_exercises_and_no_winner() -> None:
    panel = exercise_panel(
        {"clamshell": [-1, -1, -1], "bird_dog": [-1, -1, -1], "knee_to_chest": [1, 1, 1]}
    )
    assert panel.figure is not None
    assert panel.sentence.startswith(
        "Next-morning leg pain was lowest after sessions with bird dog and clamshell alike: "
        "1.0 points lower than before the session;"
    )


def test_one_clear_lowest_change_is_named_as_an_association() -> None:
    panel = exercise_panel({"clamshell": [-2, -2, -1], "bird_dog": [0, 0, 0]})
    assert panel.sentence.startswith(
        "Next-morning leg pain was lowest after sessions with clamshell: 1.7 points lower"
    )
    assert "association, not proof" in panel.sentence


NO_INTERFERENCE = {"walking_interference": 0, "sitting_interference": 0, "sleeping_interference": 0}


# Days as offsets into the test period: rows are built inside the test, by the test clock.
@pytest.mark.parametrize(
    ("key", "offsets", "values", "sentence"),
    [
        (
            "sbi",
            [6, 13],
            {"sbi_total": 8},
            "Your bothersomeness score was 8 out of 24 in all 2 weeks.",
        ),
        (
            "life",
            range(5),
            NO_INTERFERENCE,
            "Pain did not get in the way of walking, sitting or sleeping in this period.",
        ),
        (
            "pain",
            range(5),
            {"leg_pain": 0, "back_pain": 0},
            "Your leg and back pain were both 0/10 throughout this period.",
        ),
    ],
)
def test_a_chart_whose_values_are_all_the_same_becomes_a_sentence(
    key: str, offsets: Sequence[int], values: dict[str, int], sentence: str
) -> None:
    days = days_frame(*(row(offset, **values) for offset in offsets))
    summary = summarise(days=days, sessions=[], period=thirty_days())
    panel = ProgressPanels(days=days, sessions=[], summary=summary, names=NAMES).panel(key)
    assert panel.figure is None
    assert panel.sentence == sentence


def test_equal_interference_is_named_together_rather_than_ranked() -> None:
    days = days_frame(
        row(0, walking_interference=4, sitting_interference=4, sleeping_interference=2)
    )
    assert daily_life_sentence(days=days) == (
        "On average pain got in the way of walking and sitting (4.0/10 each) most, "
        "then sleeping (2.0/10)."
    )


def test_a_panel_is_built_only_when_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    def unwanted(**_: Any) -> go.Figure:
        raise AssertionError("a closed panel was drawn")

    for name in ("sbi_figure", "adherence_figure", "response_figure", "daily_life_figure"):
        monkeypatch.setattr(f"sciatica.progress.panels.{name}", unwanted)
    days = days_of([6, 5, 4])
    summary = summarise(days=days, sessions=[session(1)], period=thirty_days())
    panels = ProgressPanels(days=days, sessions=[session(1)], summary=summary, names=NAMES)
    assert panels.panel("pain").figure is not None


# In Swedish -------------------------------------------------------------------------------


@pytest.mark.parametrize("span", [1, 10, 31, 91, 400, 1500])
def test_in_swedish_date_ticks_fall_on_the_same_whole_days_written_in_swedish(span: int) -> None:
    end = pd.Timestamp(first_day())
    start = end - pd.Timedelta(days=span - 1)
    english = date_axis("Date", [start, end])
    with i18n.use("sv"):
        swedish = date_axis("Datum", [start, end])
    assert swedish["range"] == english["range"]
    assert swedish["tickmode"] == "array"
    ticks = [pd.Timestamp(value) for value in swedish["tickvals"]]
    assert 1 <= len(ticks) <= 7
    assert all(tick == tick.normalize() for tick in ticks)  # days, never times
    assert all(start - pd.Timedelta(days=1) <= tick <= end + pd.Timedelta(days=7) for tick in ticks)
    step = english["dtick"]
    if isinstance(step, int):  # the ticks English would draw, from the same first tick
        assert all(
            (tick - pd.Timestamp(english["tick0"])).days % (step // DAY_MS) == 0 for tick in ticks
        )
    else:
        assert all(tick.day == 1 for tick in ticks)
    assert len(swedish["ticktext"]) == len(ticks)


def test_in_swedish_hovers_and_titles_name_days_in_swedish() -> None:
    table = trend_table(
        days=days_of([5, 6]), period=thirty_days(), columns=["leg_pain", "back_pain"]
    )
    with i18n.use("sv"):
        figure = pain_figure(table=table, leg=None)
    daily = figure.data[0]
    assert daily.hovertemplate.startswith("%{customdata}: smärta i benet")
    day = first_day()
    assert i18n.format_date(day, "EEE d MMM y", language="sv") in list(daily.customdata)
    assert figure.layout.title.text == "Smärta i ben och rygg"
    assert figure.layout.separators == ", "
