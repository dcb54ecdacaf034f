import re
from datetime import date, timedelta

import pytest

from sciatica.documents import routine_sheet
from sciatica.documents.routine_sheet import dose_table, routine_sheet_pdf, sheet_week
from sciatica.exercises.catalog import load_catalog
from sciatica.plans.models import RoutineInput
from sciatica.plans.routine import TEMPLATE_NAMES, template
from tests.pdf_reader import pages, pdf_text

CATALOG = load_catalog()
MONDAY = date(2026, 11, 23)


def starter(**overrides: object) -> RoutineInput:
    return template("Starter routine", catalog=CATALOG, start=MONDAY).model_copy(update=overrides)


@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_each_template_prints_as_a_valid_pdf_of_one_to_three_pages(name: str) -> None:
    routine = template(name, catalog=CATALOG, start=MONDAY)
    pdf = routine_sheet_pdf(routine, catalog=CATALOG, today=MONDAY)
    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")
    assert 1 <= pages(pdf) <= 3


def test_the_sheet_names_the_routine_days_each_exercise_its_dose_and_the_stop_rules() -> None:
    pdf = routine_sheet_pdf(starter(name="My evening routine"), catalog=CATALOG, today=MONDAY)
    text = pdf_text(pdf)
    assert "My evening routine" in text
    assert "Days: Mon, Wed, Fri" in text
    for item in starter().items:
        assert CATALOG.by_id[item.exercise_id].name in text
    assert "Week 1: Hold 20 s, 3 times per side" in text
    assert "Lie on your back on a mat or carpet" in text  # a step
    assert "Week by week" in text
    assert "Stop any exercise that increases your pain" in text
    assert "Get help now" in text


def test_the_sheet_prints_this_weeks_dose() -> None:
    text = pdf_text(routine_sheet_pdf(starter(), catalog=CATALOG, today=MONDAY + timedelta(8)))
    assert "Week 2: Hold 25 s, 3 times per side" in text


def test_the_sheet_draws_a_picture_for_each_exercise() -> None:
    pdf = routine_sheet_pdf(starter(), catalog=CATALOG, today=MONDAY)
    pictures = re.findall(rb"/Alt \((.*?)\)\n", pdf)  # each drawn SVG carries the exercise name
    assert len(pictures) == len(starter().items)
    assert b"Knee-to-chest stretch" in pictures


def test_a_picture_that_cannot_be_drawn_is_left_out(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(routine_sheet, "exercise_figure_svg", lambda exercise: "<svg broken")
    pdf = routine_sheet_pdf(starter(), catalog=CATALOG, today=MONDAY)
    assert b"/Alt (" not in pdf
    assert "Knee-to-chest stretch" in pdf_text(pdf)


def test_the_routine_name_prints_as_written_in_the_embedded_font() -> None:
    name = "Stretches å ä ö \u2013 \u2713"
    pdf = routine_sheet_pdf(starter(name=name), catalog=CATALOG, today=MONDAY)
    assert b"/FontFile2" in pdf  # the font is embedded
    assert name in pdf_text(pdf).splitlines()


def test_the_whole_sheet_captions_included_is_in_the_shipped_font_only() -> None:
    pdf = routine_sheet_pdf(starter(), catalog=CATALOG, today=MONDAY)
    assert b"/Subtype /Type1" not in pdf  # no core font, not even for the pictures' captions
    lines = pdf_text(pdf).splitlines()
    assert lines.count("Start") == lines.count("End") == len(starter().items)


def test_a_character_the_font_lacks_is_left_out_without_failing() -> None:
    pdf = routine_sheet_pdf(
        starter(name="Stretches \u2713 \U0001f33f"), catalog=CATALOG, today=MONDAY
    )
    assert "Stretches \u2713 " in pdf_text(pdf).splitlines()


@pytest.mark.parametrize(
    ("today", "week"),
    [
        (MONDAY - timedelta(days=3), 1),
        (MONDAY, 1),
        (MONDAY + timedelta(days=14), 3),
        (date(2027, 6, 1), 4),
    ],
)
def test_sheet_week_is_this_week_or_the_nearest_end_of_the_plan(today: date, week: int) -> None:
    assert sheet_week(starter(), today=today) == week


def test_dose_table_has_a_row_per_exercise_and_a_column_per_week() -> None:
    rows = dose_table(starter().items, weeks=4, catalog=CATALOG)
    assert len(rows) == len(starter().items)
    assert list(rows[0]) == ["Exercise", "Week 1", "Week 2", "Week 3", "Week 4"]
    assert rows[0]["Exercise"] == "Knee-to-chest stretch"
    assert rows[0]["Week 1"] == "Hold 20 s, 3 times per side"
    assert rows[0]["Week 4"] == "Hold 30 s, 5 times per side"
