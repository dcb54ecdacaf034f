"""The clinician PDF: read back as a reader would see it, text and drawing alike."""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from sciatica.diary.models import TriageLevel
from sciatica.documents.report import (
    DEJAVU_DIR,
    clinician_report,
    latin1,
    progress_report,
    report_notes,
)
from sciatica.progress.summary import Period, SessionPoint, daily_frame, summarise
from sciatica.storage.store import DailyRow, Store
from tests.factories import make_check_in

CORE_FONT = None  # no font folder: the core Helvetica, text reduced to Latin-1


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
    font_dir: Path | None = CORE_FONT,
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
        font_dir=font_dir,
    )


# Reading a PDF back: just enough of the format for what fpdf2 writes ----------------------

_OBJECT = re.compile(rb"(\d+) 0 obj\s*")
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def pdf_objects(pdf: bytes) -> dict[int, tuple[bytes, bytes | None]]:
    """Each object's dictionary and its stream (inflated), skipping over binary stream data."""
    objects: dict[int, tuple[bytes, bytes | None]] = {}
    position = 0
    while match := _OBJECT.search(pdf, position):
        start = match.end()
        ends = [at for at in (pdf.find(b"stream", start), pdf.find(b"endobj", start)) if at >= 0]
        head_end = min(ends)
        head, data = pdf[start:head_end], None
        position = head_end + 1
        if pdf.startswith(b"stream", head_end):
            length = re.search(rb"/Length (\d+)", head)
            assert length is not None
            begin = pdf.index(b"\n", head_end) + 1
            data = pdf[begin : begin + int(length[1])]
            if b"/FlateDecode" in head:
                data = zlib.decompress(data)
            position = begin + int(length[1])
        objects[int(match[1])] = (head, data)
    return objects


def _unescape(literal: bytes) -> bytes:
    def one(match: re.Match[bytes]) -> bytes:
        if match[1]:
            return bytes([int(match[1], 8) & 0xFF])
        return _ESCAPES.get(match[2], match[2])

    return re.sub(rb"\\(?:([0-7]{1,3})|(.))", one, literal, flags=re.S)


def _to_unicode(cmap: bytes) -> dict[bytes, str]:
    """Glyph code to text, from a ToUnicode CMap's bfchar entries."""
    pairs = re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", cmap.split(b"beginbfchar", 1)[-1])
    return {bytes.fromhex(code.decode()): bytes.fromhex(text.decode()).decode("utf-16-be")
            for code, text in pairs}  # fmt: skip


def page_contents(pdf: bytes) -> bytes:
    """The drawing operators of every page, in page order."""
    objects = pdf_objects(pdf)
    contents = []
    for head, _ in objects.values():
        if re.search(rb"/Type /Page\b(?!s)", head):
            reference = re.search(rb"/Contents (\d+) 0 R", head)
            assert reference is not None
            data = objects[int(reference[1])][1]
            assert data is not None
            contents.append(data)
    return b"\n".join(contents)


def pdf_text(pdf: bytes) -> str:
    """The text a reader sees, one line per text operator, through each font's ToUnicode map."""
    objects = pdf_objects(pdf)
    maps: dict[bytes, dict[bytes, str]] = {}
    for head, _ in objects.values():
        for name, number in re.findall(rb"/(F\d+) (\d+) 0 R", head):
            font = objects[int(number)][0]
            cmap = re.search(rb"/ToUnicode (\d+) 0 R", font)
            if cmap is not None:
                maps[name] = _to_unicode(objects[int(cmap[1])][1] or b"")
    lines, font_map = [], None
    operators = rb"/(F\d+) [\d.]+ Tf|\(((?:\\.|[^\\)])*)\) ?Tj"
    for match in re.finditer(operators, page_contents(pdf), flags=re.S):
        if match[1]:
            font_map = maps.get(match[1])
            continue
        raw = _unescape(match[2])
        if font_map is None:  # a core font: the bytes are Latin-1
            lines.append(raw.decode("latin-1"))
        else:  # an embedded font: two-byte glyph codes
            lines.append("".join(font_map[raw[i : i + 2]] for i in range(0, len(raw), 2)))
    return "\n".join(lines)


def pages(pdf: bytes) -> int:
    """How many pages a PDF has."""
    return len(re.findall(rb"/Type /Page\b(?!s)", pdf))


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


def test_included_notes_stop_so_the_report_stays_within_two_pages(period: Period) -> None:
    notes = [
        (period.start + timedelta(days=i % 30), f"Note number {i} " + "words " * 40)
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


def test_core_font_text_is_reduced_to_latin_1_without_failing(period: Period) -> None:
    typographic = "It\u2019s \u201cfine\u201d \u2013 really\u2026 café \u2713"
    assert latin1(typographic) == 'It\'s "fine" - really... café ?'
    pdf = report(period, notes=[(period.start, "It\u2019s better \U0001f642")])
    assert f"{period.start:%d %b %Y}: It's better ?" in pdf_text(pdf)


@pytest.mark.skipif(not (DEJAVU_DIR / "DejaVuSans.ttf").is_file(), reason="no DejaVu fonts here")
def test_report_with_the_unicode_font_keeps_notes_as_written(period: Period) -> None:
    note = "Ça va mieux \u2013 merci \u2713"
    pdf = report(period, notes=[(period.start, note)], font_dir=DEJAVU_DIR)
    assert pdf.startswith(b"%PDF-")
    assert pages(pdf) == 1
    assert b"/FontFile2" in pdf  # the font is embedded
    assert f"{period.start:%d %b %Y}: {note}" in pdf_text(pdf)


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
