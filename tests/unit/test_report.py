"""The clinician PDF: read back as a reader would see it, text and drawing alike."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import pandas as pd
import pytest

from sciatica import i18n
from sciatica.diary.models import TriageLevel
from sciatica.documents.report import clinician_report, progress_report, report_notes
from sciatica.exercises.catalog import load_catalog
from sciatica.plans.models import Change, Step
from sciatica.plans.routine import template
from sciatica.progress.flares import FlareSummary
from sciatica.progress.summary import Period, SessionPoint, daily_frame, summarise
from sciatica.storage.check_ins import DailyRow
from sciatica.storage.store import Store
from tests.factories import make_check_in
from tests.pdf_reader import page_contents, pages, pdf_text


@pytest.fixture
def period(today: date) -> Period:
    """The 30 days up to today by the test clock."""
    return Period(today - timedelta(days=29), today)


def daily_row(period: Period, offset: int, **overrides: Any) -> DailyRow:
    """One day's numbers, `offset` days into the period."""
    values: dict[str, Any] = {
        "day": period.start + timedelta(days=offset),
        "leg_pain": 5,
        "back_pain": 3,
        "sbi_total": None,
        "walking_interference": 4,
        "sitting_interference": 5,
        "sleeping_interference": 3,
        "activity_minutes": 20,
        "triage_level": "none",
    }
    return DailyRow(**(values | overrides))


def session(period: Period, offset: int) -> SessionPoint:
    """An exercise session `offset` days into the period."""
    return SessionPoint(
        day=period.start + timedelta(days=offset),
        pain_before=4,
        worst_during=5,
        pain_after=3,
        next_morning_leg_pain=3,
        exercise_ids=("clamshell",),
    )


def two_weeks(period: Period) -> pd.DataFrame:
    """Leg pain falling from 6 to 3 over 14 days; SBI 12 then 7; one urgent day (day 13)."""
    rows = [
        daily_row(period, i, leg_pain=6 if i < 7 else 3, sbi_total=12 if i == 0 else None)
        for i in range(13)
    ]
    rows.append(daily_row(period, 13, leg_pain=3, sbi_total=7, triage_level="urgent"))
    return daily_frame(rows=rows)


def report(
    period: Period,
    *,
    notes: Sequence[tuple[date, str]] | None = None,
    routine: Sequence[str] = (),
) -> bytes:
    """The report, compressed as the app sends it, of two weeks of falling leg pain."""
    days = two_weeks(period)
    summary = summarise(days=days, sessions=[session(period, 3)], period=period)
    return clinician_report(
        summary=summary,
        days=days,
        generated=period.end,
        routine=routine,
        notes=notes,
    )


# The report ------------------------------------------------------------------------------


def test_report_is_a_one_page_pdf_with_the_period_and_summary_numbers(period: Period) -> None:
    pdf = report(period)
    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")
    assert pages(pdf) == 1
    text = pdf_text(pdf)
    start, end = period.start, period.end
    warning_day = start + timedelta(days=13)
    for expected in (
        f"Period: {start.day} {start:%b %Y} to {end.day} {end:%b %Y} (30 days); "
        "check-ins on 14 days.",
        f"Generated {end:%d %b %Y}.",
        "Leg pain: 6.0 at baseline (7 days), 3.0 afterwards (7 days): change -3.0 points",
        "First 12/24, latest 7/24 (2 weekly answers): change -5, beyond the measurement error",
        "1 session, 0.2 a week",
        f"{warning_day:%d %b %Y}",  # the warning sign's day
        "- No routine yet.",
        "Self-reported in the Sciatica diary app; not a diagnosis.",
    ):
        assert expected in text, expected


def test_report_draws_the_pain_chart_with_lines_and_a_dashed_baseline(period: Period) -> None:
    pdf = report(period)
    assert "Blue: leg pain; orange: back pain (7-day averages)." in pdf_text(pdf)
    drawing = page_contents(pdf)
    assert re.search(rb"\[[\d.]+ [\d.]+\] [\d.]+ d", drawing)  # a dash pattern for the baseline
    assert drawing.count(b" l\n") > 10  # line segments of the averages


def test_notes_are_left_out_unless_included(period: Period) -> None:
    assert "Notes from the diary" not in pdf_text(report(period))
    text = pdf_text(report(period, notes=[(period.start, "Walked to the shops.")]))
    assert "Notes from the diary (most recent first)" in text
    assert f"{period.start:%d %b %Y}: Walked to the shops." in text


def test_included_notes_are_listed_most_recent_first(period: Period) -> None:
    notes = [(period.start, "Oldest note"), (period.start + timedelta(days=1), "Newest note")]
    lines = pdf_text(report(period, notes=notes)).splitlines()
    newest = lines.index(f"{notes[1][0]:%d %b %Y}: Newest note")
    oldest = lines.index(f"{notes[0][0]:%d %b %Y}: Oldest note")
    assert newest < oldest


@pytest.mark.parametrize("words", [3, 20, 40, 60])  # 60 words: cut at MAX_NOTE_CHARS
def test_included_notes_stop_so_the_report_stays_within_two_pages(
    period: Period, words: int
) -> None:
    notes = [
        (period.start + timedelta(days=i % 30), f"Note number {i} " + "words " * words)
        for i in range(200)
    ]
    pdf = report(period, notes=notes)
    assert pages(pdf) == 2
    text = pdf_text(pdf)
    assert re.search(r"\d+ earlier notes not shown\.", text)
    assert "Note number 199 " in text  # the most recent is shown, the oldest are not
    assert "Note number 0 " not in text


def test_routine_lines_are_listed(period: Period) -> None:
    text = pdf_text(report(period, routine=["Clamshell: 10 repetitions per side"]))
    assert "- Clamshell: 10 repetitions per side" in text
    assert "No routine yet." not in text


def test_notes_and_routine_lines_show_as_written_in_the_embedded_font(period: Period) -> None:
    note = "Ça va mieux \u2013 merci \u2713 It\u2019s \u201cfine\u201d\u2026 å ä ö"
    pdf = report(period, notes=[(period.start, note)], routine=["Kn\u00e4 \u2192 br\u00f6st"])
    assert pdf.startswith(b"%PDF-")
    assert pages(pdf) == 1
    assert b"/FontFile2" in pdf  # the font is embedded
    assert b"/Subtype /Type1" not in pdf  # and no core font is used
    text = pdf_text(pdf)
    assert f"{period.start:%d %b %Y}: {note}" in text
    assert "- Kn\u00e4 \u2192 br\u00f6st" in text


def test_a_character_the_font_lacks_is_left_out_without_failing(period: Period) -> None:
    pdf = report(period, notes=[(period.start, "It\u2019s better \U0001f642 today")])
    assert f"{period.start:%d %b %Y}: It\u2019s better  today" in pdf_text(pdf)


def test_report_notes_are_the_period_s_non_empty_notes_oldest_first(
    store: Store, period: Period
) -> None:
    for offset, note in ((1, "Second"), (0, "First"), (2, ""), (-1, "Before")):
        entry = make_check_in(day=period.start + timedelta(days=offset), notes=note)
        store.save_check_in(user_id="local", entry=entry, triage_level=TriageLevel.NONE)
    assert report_notes(store, user_id="local", period=period) == [
        (period.start, "First"),
        (period.start + timedelta(days=1), "Second"),
    ]


def test_the_page_s_report_adds_notes_only_when_asked(store: Store, period: Period) -> None:
    for offset, note in ((0, "Walked to the shops."), (-1, "Before the period.")):
        entry = make_check_in(day=period.start + timedelta(days=offset), notes=note)
        store.save_check_in(user_id="local", entry=entry, triage_level=TriageLevel.NONE)
    store.save_check_in(
        user_id="bob",
        entry=make_check_in(day=period.start, notes="Someone else's note."),
        triage_level=TriageLevel.NONE,
    )
    days = daily_frame(rows=[daily_row(period, 0)])
    summary = summarise(days=days, sessions=[], period=period)
    without, with_notes = (
        pdf_text(
            progress_report(
                store,
                user_id="local",
                summary=summary,
                days=days,
                include_notes=asked,
                generated=period.end,
            )
        )
        for asked in (False, True)
    )
    assert "Sciatica diary: progress report" in without
    assert "Notes from the diary" not in without
    assert "Walked to the shops." not in without
    assert "Notes from the diary (most recent first)" in with_notes
    assert f"{period.start:%d %b %Y}: Walked to the shops." in with_notes
    assert "Before the period." not in with_notes
    assert "Someone else's note." not in with_notes


def test_the_page_s_report_shows_the_routine_followed_at_its_doses_now_and_its_changes(
    store: Store, period: Period
) -> None:
    days = daily_frame(rows=[daily_row(period, 0)])
    summary = summarise(days=days, sessions=[], period=period)

    def text() -> str:
        pdf = progress_report(
            store,
            user_id="local",
            summary=summary,
            days=days,
            include_notes=False,
            generated=period.end,
        )
        return pdf_text(pdf)

    assert "- No routine yet." in text()
    start = template("Starter routine", catalog=load_catalog(), start=period.start)
    routine = store.save_routine(user_id="local", routine=start)
    assert "None yet: the routine is at the doses it started with." in text()
    higher = (routine.items[0].model_copy(update={"hold_seconds": 25}), *routine.items[1:])
    store.record_decision(
        user_id="local",
        routine_id=routine.id,
        session_id=None,
        key="k",
        change=Change(
            day=period.end,
            step=Step.PROGRESS,
            sentence="Two good sessions, next mornings no worse, so you could hold it longer.",
            accepted=True,
            changed=True,
        ),
        before=routine.items,
        after=higher,
    )
    found = text()
    assert "Current routine: Starter routine, doses now" in found
    assert "- Knee-to-chest stretch: Hold 25 s, 3 times per side (started at hold 20 s, 3" in found
    assert "Latest changes to the routine" in found
    assert f"{period.end:%a %d %b %Y}: accepted “Two good sessions, next mornings" in found
    assert "No routine yet." not in found


# In Swedish ------------------------------------------------------------------------------


def test_the_report_in_swedish_prints_its_headings_with_a_ring_a_dots_and_o_dots(
    period: Period,
) -> None:
    days = two_weeks(period)
    summary = summarise(days=days, sessions=[session(period, 3)], period=period)
    pdf = clinician_report(summary=summary, days=days, generated=period.end, language="sv")
    assert b"/FontFile2" in pdf  # the shipped font, embedded
    assert b"/Subtype /Type1" not in pdf  # and no core font, which has no å, ä or ö
    text = pdf_text(pdf)
    generated = i18n.format_date(period.end, "dd MMM y", language="sv")
    for expected in (
        "Ischiasdagboken: rapport över hur det har gått",
        "(30 dagar); incheckningar under 14 dagar. Skapad " + generated + ".",
        "Smärta i ben och rygg (0\u201310)",
        "Smärta: utgångsläge (första veckan) och resten av perioden",
        "Träningspass",
        "Nuvarande träningsprogram",
        "Egenrapporterat i appen Ischiasdagboken; ingen diagnos.",
    ):
        assert expected in text, expected
    assert {"å", "ä", "ö"} <= set(text)
    assert "progress report" not in text
    assert i18n.current() == "en"  # the app's own language is left as it was


# Words only English has, and the report's own English sentences, none of which may be left.
ENGLISH = re.compile(
    r"\b(the|your|you|and|if|of|with|this|not|to|is|are|or|at|on|in|no|none|pain|week|days?|"
    r"check-ins?|flare-ups?|sessions?|routine|notes?|page|baseline|averages?|change)\b",
    re.IGNORECASE,
)


def test_the_report_in_swedish_has_no_english_sentence_left(period: Period) -> None:
    days = two_weeks(period)
    summary = summarise(days=days, sessions=[session(period, 3)], period=period)
    flares = FlareSummary(
        entries=3, days=2, lowest=5, highest=9, set_off=(("Sitta", 2),), helped=(("Gå", 1),)
    )
    notes = [
        (period.start + timedelta(days=i), f"Anteckning {i}: gick till affären.") for i in (0, 1)
    ]
    pdf = clinician_report(
        summary=summary,
        days=days,
        generated=period.end,
        routine=["Knä mot bröst: håll 25 s, 3 gånger per sida"],
        routine_name="Mitt program",
        notes=notes,
        flares=flares,
        language="sv",
    )
    text = " ".join(pdf_text(pdf).split())  # lines wrapped on the page read as one
    english = [line for line in pdf_text(pdf).splitlines() if ENGLISH.search(line)]
    assert not english
    first = i18n.format_date(period.start, "d MMM y", language="sv")
    for absent, present in (
        ("2026 to ", f"Period: {first} \u2013 "),
        ("at baseline (7 days)", "Smärta i benet: 6,0 i utgångsläget (7 dagar), 3,0 därefter"),
        ("a clinically important fall", "förändring -3,0 poäng (-50 %); en kliniskt betydelsefull"),
        ("Clinically important:", "Kliniskt betydelsefullt: en minskning med minst 2 poäng"),
        ("weekly answers", "Första 12/24, senaste 7/24 (2 veckosvar): förändring -5, större"),
        ("3 flare-ups on 2 days", "3 smärtskov under 2 dagar (smärta i benet 5\u20139/10)"),
        ("Most often noted", "Oftast antecknat som det som satte i gång dem: sitta (2)."),
        ("Counts only", "Bara antal: det här visar inte vad som orsakar din smärta."),
        ("1 session, 0.2 a week", "1 träningspass, 0,2 i veckan"),
        ("Blue: leg pain", "Blått: smärta i benet; orange: smärta i ryggen (medelvärden"),
        ("Red triangles", "Röda trianglar: rapporterade varningstecken."),
        ("None yet", "Inga än: programmet har samma doser som när det började."),
        ("Page 1 of", "Sida 1 av"),
    ):
        assert absent not in text, absent
        assert present in text, present
    assert f"{i18n.format_date(period.start, 'dd MMM y', language='sv')}: Anteckning 0" in text


def test_an_empty_period_in_swedish_says_so_in_swedish(period: Period) -> None:
    days = daily_frame(rows=[])
    summary = summarise(days=days, sessions=[], period=period)
    pdf = clinician_report(
        summary=summary, days=days, generated=period.end, notes=[], language="sv"
    )
    text = " ".join(pdf_text(pdf).split())
    assert not [line for line in pdf_text(pdf).splitlines() if ENGLISH.search(line)]
    for expected in (
        "Smärta i benet: inga incheckningar.",
        "Inte besvarat under perioden.",
        "Inga antecknade under perioden.",
        "Inga träningspass antecknade under perioden.",
        "Inga under perioden.",
        "- Inget träningsprogram än.",
        "Inga anteckningar under perioden.",
    ):
        assert expected in text, expected


def test_notes_left_out_are_counted_in_swedish(period: Period) -> None:
    notes = [(period.start + timedelta(days=i % 30), "Ont " * 60) for i in range(200)]
    days = two_weeks(period)
    summary = summarise(days=days, sessions=[], period=period)
    pdf = clinician_report(
        summary=summary, days=days, generated=period.end, notes=notes, language="sv"
    )
    assert re.search(r"\d+ tidigare anteckningar visas inte\.", pdf_text(pdf))


def test_the_page_s_report_speaks_the_current_language_unless_told(
    store: Store, period: Period
) -> None:
    days = daily_frame(rows=[daily_row(period, 0)])
    summary = summarise(days=days, sessions=[], period=period)

    def title(**language: str) -> str:
        pdf = progress_report(
            store,
            user_id="local",
            summary=summary,
            days=days,
            include_notes=False,
            generated=period.end,
            **language,  # type: ignore[arg-type]
        )
        return pdf_text(pdf).splitlines()[0]

    assert title() == "Sciatica diary: progress report"
    assert title(language="sv") == "Ischiasdagboken: rapport över hur det har gått"
    with i18n.use("sv"):
        assert title() == "Ischiasdagboken: rapport över hur det har gått"
