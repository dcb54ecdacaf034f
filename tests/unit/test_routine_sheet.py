import re
from datetime import date, timedelta

import pytest

from sciatica.documents import routine_sheet
from sciatica.documents.routine_sheet import routine_sheet_pdf
from sciatica.exercises.catalog import load_catalog
from sciatica.plans.models import Routine
from sciatica.plans.routine import TEMPLATE_NAMES
from tests.factories import make_routine
from tests.pdf_reader import pages, pdf_text

CATALOG = load_catalog()
MONDAY = date(2026, 11, 23)


def starter(**overrides: object) -> Routine:
    return make_routine(start=MONDAY).model_copy(update=overrides)


@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_each_template_prints_as_a_valid_pdf_of_one_to_three_pages(name: str) -> None:
    routine = make_routine(name, start=MONDAY)
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
    assert "Your dose: Hold 20 s, 3 times per side" in text
    assert "Lie on your back on a mat or carpet" in text  # a step
    assert "Week" not in text  # no schedule of doses any more
    assert "Stop any exercise that increases your pain" in text
    assert "Get help now" in text


def test_the_sheet_prints_the_current_doses_and_the_latest_changes() -> None:
    base = starter()
    knee = base.items[0].model_copy(update={"hold_seconds": 25})
    routine = starter(current_items=(knee, *base.items[1:]))
    changes = ["Mon 07 Dec 2026: Two good sessions since 23 Nov, next mornings no worse, so ..."]
    pdf = routine_sheet_pdf(routine, catalog=CATALOG, today=MONDAY + timedelta(14), history=changes)
    text = pdf_text(pdf)
    assert "Your dose: Hold 25 s, 3 times per side" in text
    assert "The doses below are yours on 07 December 2026" in text
    assert "Latest changes" in text
    assert "Mon 07 Dec 2026: Two good sessions since 23 Nov" in text


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


def test_the_sheet_in_swedish_prints_swedish_days_steps_stop_rules_and_numbers() -> None:
    pdf = routine_sheet_pdf(
        starter(),
        catalog=load_catalog(language="sv"),
        today=MONDAY,
        country="SE",
        language="sv",
    )
    assert b"/Subtype /Type1" not in pdf
    text = pdf_text(pdf)
    for expected in (
        "Dagar: mån, ons, fre",
        "Följs sedan måndag 23 november 2026.",
        "Knä mot bröst",
        "1. Ligg på rygg på en matta, med böjda knän och fötterna i",
        "Sluta med en övning och fortsätt inte om det gör ont",
        "Sök hjälp nu om du har något av det här:",
        "Ring 1177 för sjukvårdsrådgivning",
        "Ischiasdagboken, träningsprogram \u2013 sida 1 av",
    ):
        assert expected in text, expected
    assert "if you have any of these" not in text


# Words only English has: the sheet's own sentences, the advice and the steps, none left.
ENGLISH = re.compile(r"\b(the|your|you|and|if|of|with|this|not|to|is|are|or)\b", re.IGNORECASE)


def test_the_sheet_in_swedish_has_no_english_sentence_of_its_own() -> None:
    history = ["Knä mot bröst: håll 25 s i stället för 20 s"]
    pdf = routine_sheet_pdf(
        starter(name="Mitt program"),
        catalog=load_catalog(language="sv"),
        today=MONDAY,
        country="SE",
        history=history,
        language="sv",
    )
    lines = pdf_text(pdf).splitlines()
    assert not [line for line in lines if ENGLISH.search(line)]
    text = " ".join(" ".join(lines).split())  # lines wrapped on the page read as one
    for absent, present in (
        ("Days:", "Dagar: mån, ons, fre"),
        ("The doses below are yours", "Doserna nedan är dina den 23 november 2026"),
        ("Move slowly", "Rör dig långsamt och andas som vanligt."),
        ("Your dose:", "Din dos: "),
        ("Latest changes", "Senaste ändringarna - Knä mot bröst: håll 25 s"),
        ("This sheet supports self-care", "Det här bladet stöttar egenvård."),
        ("routine sheet - page", "Ischiasdagboken, träningsprogram \u2013 sida 1 av"),
    ):
        assert absent not in text, absent
        assert present in text, present
