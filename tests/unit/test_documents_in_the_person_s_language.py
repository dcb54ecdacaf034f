"""Documents in the person's language: a diary in use, read back from each file as text.

The physiotherapist report, the routine sheet, the calendar file and the CSV files are made
from 120 days of demo diary (a routine followed with its sessions and changes, flare-ups and
notes), in Swedish and in English; each says which language it is in.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date, timedelta

import pytest
from icalendar import Calendar

from sciatica import i18n
from sciatica.demo import write_demo_data
from sciatica.diary.models import CheckInInput
from sciatica.documents.calendar import routine_calendar
from sciatica.documents.csv_io import check_ins_csv, parse_check_in_csv
from sciatica.documents.flares_csv import flares_csv
from sciatica.documents.import_rules import ImportRejected
from sciatica.documents.report import progress_report
from sciatica.documents.routine_sheet import routine_sheet_pdf
from sciatica.exercises.catalog import load_catalog
from sciatica.i18n import Language
from sciatica.plans.history import change_line
from sciatica.plans.models import Routine
from sciatica.plans.sessions import session_points
from sciatica.progress.summary import Period, daily_frame, summarise
from sciatica.storage.store import Store
from tests.pdf_reader import pdf_text

USER = "local"
# The app's own English words for what it records: none may be left in a Swedish document.
APP_TERMS = (
    "progress report",
    "leg pain",
    "back pain",
    "check-in",
    "check-ins",
    "routine",
    "exercise",
    "exercises",
    "physiotherapist",
    "flare-up",
    "flare-ups",
    "session",
    "sessions",
    "baseline",
    "bothersomeness",
    "warning sign",
    "warning signs",
    "dose",
    "doses",
    "notes",
    "page",
    "weekly",
    "average",
    "averages",
    "generated",
    "days",
    "week",
    "sciatica diary",
    "stop",
    "pain",
    "the",
    "your",
    "and",
    "with",
)
ENGLISH = re.compile(r"\b(" + "|".join(re.escape(term) for term in APP_TERMS) + r")\b", re.I)
# The Sciatica Bothersomeness Index is the measure's own name, cited as published.
CITED = re.compile(r"Sciatica Bothersomeness Index")


def english_left(text: str) -> list[str]:
    """The lines of a document that still hold one of the app's English terms."""
    return [line for line in text.splitlines() if ENGLISH.search(CITED.sub("", line))]


@pytest.fixture
def diary(store: Store, today: date) -> Store:
    """120 days of diary up to today: check-ins, a routine with sessions, flare-ups, notes.

    Written as a Swedish person's diary: the suggestions accepted are stored as the app worded
    them in Swedish, and the routine has a Swedish name (the person's own words stay theirs).
    """
    with i18n.use("sv"):
        write_demo_data(store, user_id=USER, days=120, seed=1, end=today)
    return store


def report(store: Store, today: date, language: Language) -> str:
    """The physiotherapist report of the last 30 days, as text (the notes are the person's)."""
    period = Period(today - timedelta(days=29), today)
    rows = store.daily_rows(user_id=USER, start=period.start, end=period.end + timedelta(days=1))
    sessions = session_points(store, user_id=USER, start=period.start, end=period.end, rows=rows)
    days = daily_frame(rows=[row for row in rows if row.day <= period.end])
    pdf = progress_report(
        store,
        user_id=USER,
        summary=summarise(days=days, sessions=sessions, period=period),
        days=days,
        include_notes=False,
        generated=today,
        language=language,
    )
    return pdf_text(pdf)


def followed(store: Store) -> Routine:
    routine = store.active_routine(user_id=USER)
    assert routine is not None
    return routine


def sheet(store: Store, today: date, language: Language) -> str:
    """The routine sheet of the routine followed, with its latest changes, as text."""
    routine = followed(store)
    history = store.routine_history(user_id=USER, routine_id=routine.id)
    with i18n.use(language):
        lines = [change_line(change) for change in history[:5]]
    pdf = routine_sheet_pdf(
        routine,
        catalog=load_catalog(language=language),
        today=today,
        country="SE",
        history=lines,
        language=language,
    )
    return pdf_text(pdf)


def calendar(store: Store, language: Language) -> Calendar:
    routine = followed(store)
    ics = routine_calendar(routine, catalog=load_catalog(language=language), language=language)
    return Calendar.from_ical(ics)


def calendar_text(event_calendar: Calendar) -> str:
    (event,) = event_calendar.walk("VEVENT")
    return f"{event['SUMMARY']}\n{event['DESCRIPTION']}"


# Swedish, all through ------------------------------------------------------------------------


def test_the_report_of_a_diary_in_use_reads_in_swedish_with_a_ring_a_dots_and_o_dots(
    diary: Store, today: date
) -> None:
    text = report(diary, today, "sv")
    assert text.startswith("Ischiasdagboken: rapport över hur det har gått")
    assert not english_left(text)
    assert {"å", "ä", "ö"} <= set(text)
    for expected in ("Smärta i benet: ", "Smärta i ryggen: ", "Träningspass", "Sida 1 av"):
        assert expected in text, expected


def test_the_routine_sheet_of_a_diary_in_use_reads_in_swedish(diary: Store, today: date) -> None:
    text = sheet(diary, today, "sv")
    assert not english_left(text)
    assert {"å", "ä", "ö"} <= set(text)
    assert "Din dos: " in text


def test_the_calendar_file_s_texts_are_in_swedish_and_marked_as_swedish(diary: Store) -> None:
    swedish = calendar(diary, "sv")
    (event,) = swedish.walk("VEVENT")
    assert event["SUMMARY"].params["LANGUAGE"] == "sv"
    assert event["DESCRIPTION"].params["LANGUAGE"] == "sv"
    assert str(swedish["PRODID"]).endswith("//SV")
    text = calendar_text(swedish)
    assert text.startswith("Ischiasövningar: ")
    assert not english_left(text)
    english = calendar(diary, "en")
    assert calendar_text(english).startswith("Sciatica exercises: ")
    assert str(english["PRODID"]).endswith("//EN")


# Each says which language it is in ----------------------------------------------------------


SAYS_SWEDISH = "På svenska. Appen kan också göra den på engelska (English)."
SAYS_ENGLISH = "In English; the app also makes it in Swedish (Svenska)."


@pytest.mark.parametrize(("language", "says"), [("sv", SAYS_SWEDISH), ("en", SAYS_ENGLISH)])
def test_each_document_states_its_language_and_names_the_other_in_itself(
    diary: Store, today: date, language: Language, says: str
) -> None:
    assert says in " ".join(report(diary, today, language).split())
    assert says in " ".join(sheet(diary, today, language).split())
    assert says in calendar_text(calendar(diary, language))


def test_a_pdf_names_its_language_for_a_reader_s_own_tools(diary: Store, today: date) -> None:
    routine = followed(diary)
    catalog = load_catalog(language="sv")
    pdf = routine_sheet_pdf(routine, catalog=catalog, today=today, language="sv")
    assert b"/Lang (sv)" in pdf


def test_a_document_asked_for_in_english_is_english_whatever_the_app_speaks(
    diary: Store, today: date
) -> None:
    with i18n.use("sv"):
        text = report(diary, today, "en")
    assert text.startswith("Sciatica diary: progress report")
    assert "Leg pain: " in text


# The CSV files ------------------------------------------------------------------------------


def test_the_check_ins_csv_in_swedish_has_a_swedish_header_and_semicolons(diary: Store) -> None:
    text = check_ins_csv(diary.all_check_ins(user_id=USER), language="sv")
    header = text.splitlines()[0]
    assert header.startswith("dag;bensmärta;ryggsmärta;sbi_bensmärta;")
    assert header.endswith(";anteckningar;varningstecken;inga_varningstecken")
    assert not ENGLISH.search(header.replace("_", " "))


@pytest.mark.parametrize("written_in", ["sv", "en"])
@pytest.mark.parametrize("read_in", ["sv", "en"])
def test_a_check_ins_csv_in_either_language_imports_in_either_as_the_same_check_ins(
    diary: Store, today: date, written_in: Language, read_in: Language
) -> None:
    entries = diary.all_check_ins(user_id=USER)
    text = check_ins_csv(entries, language=written_in)
    with i18n.use(read_in):
        plan = parse_check_in_csv(text.encode(), today=today)
    expected = [entry.model_dump(include=set(CheckInInput.model_fields)) for entry in entries]
    assert [entry.model_dump() for entry in plan.check_ins] == expected


def test_the_flare_ups_csv_in_swedish_has_a_swedish_header(diary: Store) -> None:
    flares = diary.flares_between(user_id=USER, start=date.min, end=date.max)
    assert flares
    text = flares_csv(flares, timezone="Europe/Stockholm", language="sv")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0] == [
        "dag",
        "klockslag",
        "tidpunkt_utc",
        "bensmärta",
        "ryggsmärta",
        "utlöst_av",
        "hjälpte",
        "anteckning",
    ]
    assert len(rows) == len(flares) + 1
    english = flares_csv(flares, timezone="Europe/Stockholm", language="en")
    assert english.splitlines()[0] == "day,time,at_utc,leg_pain,back_pain,triggers,helped,note"


def test_a_missing_column_is_named_in_the_page_s_language() -> None:
    raw = "dag;ryggsmärta;foo\n2026-01-01;3;1\n".encode()
    with i18n.use("sv"), pytest.raises(ImportRejected) as refused:
        parse_check_in_csv(raw, today=date(2026, 1, 2))
    assert refused.value.problems == [
        "Rubrikraden saknar kolumnen bensmärta.",
        "Rubrikraden har en okänd kolumn: foo.",
    ]
