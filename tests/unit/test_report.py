import re
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

import pytest

from sciatica.models import TriageLevel
from sciatica.progress import summarise
from sciatica.report import DEJAVU_DIR, clinician_report, latin1, progress_report, report_notes
from sciatica.store import Store
from tests.factories import make_check_in
from tests.unit.test_progress import PERIOD, START, daily_row, days_frame, make_session

CORE_FONT = None  # no font folder: the core Helvetica, whose text stays readable in the bytes


def report(
    *,
    notes: Sequence[tuple[date, str]] | None = None,
    routine: Sequence[str] = (),
    font_dir: Path | None = CORE_FONT,
) -> bytes:
    """An uncompressed report of two weeks of falling leg pain, one warning sign and a session."""
    rows = [
        daily_row(i, leg_pain=6 if i < 7 else 3, sbi_total=12 if i == 0 else None)
        for i in range(14)
    ]
    days = days_frame(*rows[:-1], daily_row(13, leg_pain=3, sbi_total=7, triage_level="urgent"))
    summary = summarise(days=days, sessions=[make_session(3)], period=PERIOD)
    return clinician_report(
        summary=summary,
        days=days,
        generated=START + timedelta(days=29),
        routine=routine,
        notes=notes,
        font_dir=font_dir,
        compress=False,
    )


def shown(text: str) -> bytes:
    """Text as a core-font PDF string holds it, with brackets and backslashes escaped."""
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return escaped.encode("latin-1")


def pages(pdf: bytes) -> int:
    """How many pages a PDF has."""
    return len(re.findall(rb"/Type /Page\b(?!s)", pdf))


def test_report_is_a_one_page_pdf_with_the_period_and_summary_numbers() -> None:
    pdf = report()
    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")
    assert pages(pdf) == 1
    for text in (
        "Period: 27 Oct 2026 to 25 Nov 2026 (30 days); check-ins on 14 days.",
        "Leg pain: 6.0 at baseline (7 days), 3.0 afterwards (7 days): change -3.0 points",
        "First 12/24, latest 7/24 (2 weekly answers): change -5, beyond the measurement error",
        "1 session, 0.2 a week",
        "09 Nov 2026",  # the warning sign's day
        "- No routine yet.",
    ):
        assert shown(text) in pdf, text


def test_report_draws_the_pain_chart_with_lines_and_a_dashed_baseline() -> None:
    pdf = report()
    assert shown("Blue: leg pain; orange: back pain (7-day averages).") in pdf
    assert re.search(rb"\[[\d.]+ [\d.]+\] [\d.]+ d", pdf)  # a dash pattern for the baseline
    assert pdf.count(b" l\n") > 10  # line segments of the averages


def test_notes_are_left_out_unless_included() -> None:
    assert b"Notes from the diary" not in report()
    pdf = report(notes=[(START, "Walked to the shops.")])
    assert shown("Notes from the diary (most recent first)") in pdf
    assert b"27 Oct 2026: Walked to the shops." in pdf


def test_included_notes_stop_so_the_report_stays_within_two_pages() -> None:
    notes = [
        (START + timedelta(days=i % 30), f"Note number {i} " + "words " * 40) for i in range(200)
    ]
    pdf = report(notes=notes)
    assert pages(pdf) == 2
    assert re.search(rb"\d+ earlier notes not shown\.", pdf)


def test_routine_lines_are_listed() -> None:
    pdf = report(routine=["Clamshell: 10 repetitions per side"])
    assert b"- Clamshell: 10 repetitions per side" in pdf


def test_core_font_text_is_reduced_to_latin_1_without_failing() -> None:
    typographic = "It\u2019s \u201cfine\u201d \u2013 really\u2026 café \u2713"
    assert latin1(typographic) == 'It\'s "fine" - really... café ?'
    pdf = report(notes=[(START, "It\u2019s better \U0001f642")])
    assert b"It's better ?" in pdf


@pytest.mark.skipif(not (DEJAVU_DIR / "DejaVuSans.ttf").is_file(), reason="no DejaVu fonts here")
def test_report_with_the_unicode_font_keeps_notes_as_written() -> None:
    pdf = report(notes=[(START, "Ça va mieux \u2013 merci")], font_dir=DEJAVU_DIR)
    assert pdf.startswith(b"%PDF-")
    assert pages(pdf) == 1
    assert b"/FontFile2" in pdf  # the font is embedded


def test_report_notes_are_the_period_s_non_empty_notes_oldest_first(store: Store) -> None:
    for offset, note in ((1, "Second"), (0, "First"), (2, ""), (-1, "Before")):
        entry = make_check_in(day=START + timedelta(days=offset), notes=note)
        store.save_check_in(user_id="local", entry=entry, triage_level=TriageLevel.NONE)
    assert report_notes(store, user_id="local", period=PERIOD) == [
        (START, "First"),
        (START + timedelta(days=1), "Second"),
    ]


def test_the_page_s_report_adds_notes_only_when_asked(store: Store) -> None:
    entry = make_check_in(day=START, notes="Walked to the shops.")
    store.save_check_in(user_id="local", entry=entry, triage_level=TriageLevel.NONE)
    days = days_frame(daily_row(0))
    summary = summarise(days=days, sessions=[], period=PERIOD)
    without, with_notes = (
        progress_report(
            store, user_id="local", summary=summary, days=days, include_notes=asked, generated=START
        )
        for asked in (False, True)
    )
    assert without.startswith(b"%PDF-")
    assert len(with_notes) > len(without)
