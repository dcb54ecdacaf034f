from datetime import date

import pytest

from sciatica.diary.models import TriageLevel
from sciatica.documents.csv_io import CSV_COLUMNS, check_ins_csv, parse_check_in_csv
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
