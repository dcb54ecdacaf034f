"""What the My data page says about imports and deleting, with every count in the right form."""

from datetime import date

import pytest

from sciatica.documents.data_words import (
    DELETED_WITH_THE_DIARY,
    days_already_there,
    deleted,
    diary_size,
    file_holds,
    import_report,
    what_deleting_removes,
)
from sciatica.storage.import_report import ImportReport

pytestmark = pytest.mark.timeless

DAY = date(2026, 3, 1)


def test_one_of_everything_is_said_in_the_singular() -> None:
    assert diary_size(1) == "Your diary holds 1 check-in."
    assert file_holds(check_ins=1, routines=1, sessions=1, first=DAY, last=DAY) == (
        "The file holds 1 check-in, 2026-03-01 to 2026-03-01, 1 routine and 1 session."
    )
    assert days_already_there([DAY]) == "1 of these days is already in your diary: 2026-03-01."
    assert import_report(ImportReport(check_ins_added=1)) == "1 check-in added."
    assert deleted(1).startswith("Deleted 1 check-in and")


def test_many_days_already_there_name_the_first_ten_and_count_the_rest() -> None:
    days = [date(2026, 3, day) for day in range(1, 13)]
    said = days_already_there(days)
    assert said.startswith("12 of these days are already in your diary: 2026-03-01, ")
    assert said.endswith("2026-03-10 and 2 more.")


def test_keeping_every_day_says_nothing_changed_and_what_stayed() -> None:
    said = import_report(ImportReport(check_ins_kept=2))
    assert said == (
        "Nothing in your diary changed; 2 days already in your diary stayed as they were."
    )


def test_re_importing_the_same_file_says_nothing_changed_not_also_imported() -> None:
    said = import_report(
        ImportReport(check_ins_same=30, routines_same=1, sessions_same=31, flares_same_days=12)
    )
    assert said == (
        "Nothing in your diary changed; 74 records were already in your diary as they are in "
        "the file."
    )
    assert "imported" not in said


def test_an_import_says_what_it_added_changed_and_left_alone_flare_ups_included() -> None:
    report = ImportReport(
        check_ins_added=3,
        check_ins_changed=1,
        check_ins_kept=1,
        routines_added=1,
        sessions_added=4,
        flares_added=54,
        flares_replaced_days=2,
        settings_kept=("language", "country"),
    )
    assert import_report(report) == (
        "3 check-ins added; 1 check-in changed; 1 routine added; 4 sessions added; 54 flare-ups "
        "added; the flare-ups of 2 days replaced with the file's; 1 day already in your diary "
        "stayed as it was; your language and your country stayed yours (the file's differ)."
    )


def test_settings_taken_from_a_file_are_said() -> None:
    report = ImportReport(check_ins_added=1, settings_taken=("language", "about_me"))
    assert (
        import_report(report) == "1 check-in added; your language and About me taken from the file."
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
