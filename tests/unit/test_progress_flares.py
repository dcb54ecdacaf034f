"""Flare-ups on Progress: each day's range as whiskers, counts of what set them off or helped."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import plotly.graph_objects as go

from sciatica.diary.ports import FlareDay, FlareRow
from sciatica.documents.report import clinician_report
from sciatica.progress.charts import pain_figure
from sciatica.progress.flares import (
    NOT_A_CAUSE,
    choices_sentence,
    choices_table,
    flare_frame,
    flare_summary,
    range_sentence,
    with_ranges,
)
from sciatica.progress.panels import ProgressPanels
from sciatica.progress.summary import Period, summarise
from sciatica.progress.tables import trend_table
from tests.pdf_reader import pdf_text
from tests.unit.test_progress import days_frame
from tests.unit.test_progress_charts import (
    days_of,
    first_day,
    first_monday,
    numbers,
    row,
    thirty_days,
    traces_by_name,
)

RANGE = "Day's range, with flare-ups"


def flare(offset: int, leg_pain: int, *triggers: str, helped: tuple[str, ...] = ()) -> FlareRow:
    """A flare-up `offset` days into the test period."""
    return FlareRow(first_day() + timedelta(days=offset), leg_pain, triggers, helped)


def by_day(rows: list[FlareRow]) -> list[FlareDay]:
    """The flare-ups in numbers by day, as the store gives them to Progress."""
    days = sorted({row.day for row in rows})
    pains = {day: [row.leg_pain for row in rows if row.day == day] for day in days}
    return [FlareDay(day, min(pains[day]), max(pains[day]), len(pains[day])) for day in days]


def pain_table(days_values: list[int], flares: list[FlareRow]) -> pd.DataFrame:
    days = days_of(days_values)
    table = trend_table(days=days, period=thirty_days(), columns=["leg_pain", "back_pain"])
    return with_ranges(table, days=days, flares=flare_frame(flare_days=by_day(flares)))


def test_each_days_range_takes_in_its_check_in_and_its_flare_ups() -> None:
    table = pain_table([4, 4, 5], [flare(0, 7), flare(0, 8), flare(2, 3), flare(5, 6)])
    noted = table[table["flares"] > 0]
    assert [day.date() for day in noted["day"]] == [
        first_day(),
        first_day() + timedelta(days=2),
        first_day() + timedelta(days=5),
    ]
    assert numbers(noted["range_low"]) == [4, 3, 6]
    assert numbers(noted["range_high"]) == [8, 5, 6]
    assert noted["flares"].tolist() == [2, 1, 1]
    # A day with flare-ups and no check-in has a row of its own, its check-in missing.
    assert numbers(noted["leg_pain"]) == [4, 5, None]


def test_the_pain_chart_draws_each_range_as_whiskers_on_whole_days_under_the_check_ins() -> None:
    table = pain_table([4, 4, 5], [flare(0, 7), flare(0, 8), flare(2, 3)])
    figure = pain_figure(table=table, leg=None)
    go.Figure(figure.to_dict())  # valid Plotly
    traces = traces_by_name(figure)
    assert next(iter(traces)) == RANGE  # drawn first, so the check-in marks sit on top
    whiskers = traces[RANGE]
    day0, day2 = first_day(), first_day() + timedelta(days=2)
    assert [None if pd.isna(x) else pd.Timestamp(x) for x in whiskers.x] == [
        pd.Timestamp(day0),  # midnight: a day, never a time of day
        pd.Timestamp(day0),
        None,
        pd.Timestamp(day2),
        pd.Timestamp(day2),
        None,
    ]
    assert numbers(whiskers.y) == [4, 8, None, 3, 5, None]
    assert numbers(traces["Leg pain, daily"].y)[:3] == [4, 4, 5]  # the check-ins stay the marks


def test_over_a_year_each_weeks_range_is_drawn_at_its_monday() -> None:
    long = Period(first_monday(), first_monday() + timedelta(days=400))
    start = (first_monday() - first_day()).days
    days = days_frame(*(row(start + i, leg_pain=3 + i % 2) for i in range(14)))
    table = trend_table(days=days, period=long, columns=["leg_pain", "back_pain"])
    flares = [flare(start + 1, 9), flare(start + 3, 6)]
    ranged = with_ranges(table, days=days, flares=flare_frame(flare_days=by_day(flares)))
    noted = ranged[ranged["flares"] > 0]
    assert [week.date() for week in noted["week"]] == [first_monday()]
    assert (noted["range_low"].iloc[0], noted["range_high"].iloc[0]) == (3, 9)
    figure = pain_figure(table=ranged, leg=None)
    assert "Week's range, with flare-ups" in traces_by_name(figure)
    assert range_sentence(table=ranged) == (
        f"With 2 flare-ups on the week of {first_monday():%a} {first_monday().day} "
        f"{first_monday():%b}, your leg pain that week ranged from 3 to 9/10."
    )


def test_the_sentence_names_the_widest_day_and_how_many_flare_ups() -> None:
    one = pain_table([4], [flare(0, 7)])
    day = first_day()
    assert range_sentence(table=one) == (
        f"With 1 flare-up on {day:%a} {day.day} {day:%b}, your leg pain that day ranged from "
        "4 to 7/10."
    )
    many = pain_table([4, 4], [flare(0, 5), flare(1, 9), flare(1, 8)])
    widest = day + timedelta(days=1)
    assert range_sentence(table=many) == (
        f"You noted 3 flare-ups on 2 days; the widest range was on {widest:%a} {widest.day} "
        f"{widest:%b}, from 4 to 9/10. The whiskers show each day's range."
    )
    assert range_sentence(table=pain_table([4], [])) == ""


def test_a_month_of_equal_check_ins_is_still_drawn_when_the_flare_ups_differ() -> None:
    days = days_frame(*(row(offset, leg_pain=4, back_pain=4) for offset in range(10)))
    summary = summarise(days=days, sessions=[], period=thirty_days())
    flat = ProgressPanels(days=days, sessions=[], summary=summary, names={}).panel("pain")
    assert flat.figure is None
    drawn = ProgressPanels(
        days=days, sessions=[], summary=summary, names={}, flares=by_day([flare(3, 8)])
    )
    panel = drawn.panel("pain")
    assert panel.figure is not None
    assert "Flare-ups" in panel.table.columns  # the data behind the chart, readable
    assert "ranged from 4 to 8/10" in panel.sentence


def test_flare_ups_without_any_check_in_still_show_their_day() -> None:
    empty = days_of([])
    summary = summarise(days=empty, sessions=[], period=thirty_days())
    panels = ProgressPanels(
        days=empty, sessions=[], summary=summary, names={}, flares=by_day([flare(0, 7)])
    )
    panel = panels.panel("pain")
    day = first_day()
    assert panel.sentence == (
        f"With 1 flare-up on {day:%a} {day.day} {day:%b}, your leg pain that day was 7/10."
    )


def test_what_set_flare_ups_off_and_what_helped_is_counted_with_its_basis_and_no_cause() -> None:
    rows = [
        flare(0, 7, "sitting"),
        flare(0, 8, "driving", "sitting", helped=("walking",)),
        flare(1, 6, "sitting", helped=("heat", "walking")),
        flare(2, 5),
    ]
    table = choices_table(rows=rows)
    assert table.to_dict("records") == [
        {"Noted as": "Set it off", "What": "Sitting", "Entries": 3},
        {"Noted as": "Set it off", "What": "Driving", "Entries": 1},
        {"Noted as": "Helped", "What": "Walking", "Entries": 2},
        {"Noted as": "Helped", "What": "Heat", "Entries": 1},
    ]
    assert choices_sentence(rows=rows) == (
        f"From 4 flare-ups in this period, 3 naming what set it off or helped. {NOT_A_CAUSE}"
    )
    assert NOT_A_CAUSE == "Counts only: this doesn't show what causes your pain."


def test_the_physio_report_gives_the_flare_count_and_the_most_common_triggers() -> None:
    rows = [flare(0, 7, "sitting"), flare(1, 9, "sitting", "driving"), flare(1, 5)]
    summary = flare_summary(rows=rows)
    assert summary is not None
    assert (summary.entries, summary.days, summary.lowest, summary.highest) == (3, 2, 5, 9)
    assert summary.set_off == (("Sitting", 2), ("Driving", 1))
    days = days_of([4, 5])
    progress = summarise(days=days, sessions=[], period=thirty_days())
    pdf = clinician_report(summary=progress, days=days, generated=date(2026, 12, 2), flares=summary)
    text = " ".join(pdf_text(pdf).split())  # lines wrapped on the page read as one
    assert "Flare-ups noted between check-ins" in text
    assert "3 flare-ups on 2 days (leg pain 5-9/10)" in text
    assert "Most often noted as what set them off: sitting (2), driving (1)." in text
    assert NOT_A_CAUSE in text
    quiet = pdf_text(clinician_report(summary=progress, days=days, generated=date(2026, 12, 2)))
    assert "None noted in this period." in quiet


def test_no_flare_ups_make_no_summary_and_no_counts() -> None:
    assert flare_summary(rows=[]) is None
    assert choices_table(rows=[]).empty
