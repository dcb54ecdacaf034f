"""What the My data page says about imports and deleting, with every count in the right form."""

from datetime import date

import pytest

from sciatica.documents.data_words import (
    DELETED_WITH_THE_DIARY,
    days_already_there,
    deleted,
    diary_size,
    file_holds,
    imported,
    what_deleting_removes,
)

pytestmark = pytest.mark.timeless

DAY = date(2026, 3, 1)


def test_one_of_everything_is_said_in_the_singular() -> None:
    assert diary_size(1) == "Your diary holds 1 check-in."
    assert file_holds(check_ins=1, routines=1, sessions=1, first=DAY, last=DAY) == (
        "The file holds 1 check-in, 2026-03-01 to 2026-03-01, 1 routine and 1 session."
    )
    assert days_already_there([DAY]) == "1 of these days is already in your diary: 2026-03-01."
    assert imported(written=1, kept=0) == "Imported 1 check-in."
    assert deleted(1).startswith("Deleted 1 check-in and")


def test_many_days_already_there_name_the_first_ten_and_count_the_rest() -> None:
    days = [date(2026, 3, day) for day in range(1, 13)]
    said = days_already_there(days)
    assert said.startswith("12 of these days are already in your diary: 2026-03-01, ")
    assert said.endswith("2026-03-10 and 2 more.")


def test_keeping_every_day_says_nothing_was_imported_instead_of_imported_zero() -> None:
    said = imported(written=0, kept=2)
    assert (
        said == "No check-ins were imported; the 2 days already in your diary stayed as they were."
    )
    assert "Imported 0" not in said


def test_an_import_with_plans_says_they_came_too() -> None:
    assert imported(written=3, kept=1, routines=1, sessions=4) == (
        "Imported 3 check-ins; the 1 day already in your diary stayed as it was; "
        "also imported 1 routine and 4 sessions."
    )


def test_deleting_lists_check_ins_then_everything_else_stored() -> None:
    listed = what_deleting_removes(0)
    assert listed[0] == "0 check-ins"
    assert listed[1:] == list(DELETED_WITH_THE_DIARY)
    whole = " ".join(listed)
    for thing in (
        "routines",
        "history of changes",
        "sessions",
        "About me",
        "seen about",
        "country",
    ):
        assert thing in whole
