"""A routine's doses now and its changes, in the words the Routine page and the PDFs use."""

from __future__ import annotations

import pytest

from sciatica.exercises.catalog import load_catalog
from sciatica.plans.history import change_line, dose_lines, item_change_words, routine_summary
from sciatica.plans.models import Change, ItemChange, RoutineItem, Step
from sciatica.plans.routine import entry_item
from tests.factories import days_ago, make_routine

CATALOG = load_catalog()


def item(exercise_id: str, **overrides: object) -> RoutineItem:
    return entry_item(CATALOG.by_id[exercise_id]).model_copy(update=overrides)


def test_each_exercise_shows_its_dose_now_and_where_it_started_when_that_differs() -> None:
    start = make_routine()
    knee = start.items[0].model_copy(update={"hold_seconds": 25})
    walks = item("short-walks")
    current = (knee, *start.items[1:5], walks)  # the aerobic activity swapped for short walks
    lines = dose_lines(make_routine(current=current), catalog=CATALOG)
    assert lines[0] == (
        "Knee-to-chest stretch: Hold 25 s, 3 times per side "
        "(started at hold 20 s, 3 times per side)"
    )
    assert lines[1] == "Standing hamstring stretch: Hold 20 s, 3 times per side"
    assert lines[-1] == "Short walks: 5 minutes (in place of the Low-impact aerobic activity)"


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (
            ItemChange(before=item("clamshell"), after=item("clamshell", reps=12)),
            "Clamshell: 10 times per side, now 12 times per side",
        ),
        (
            ItemChange(before=item("clamshell"), after=item("clamshell-small-range")),
            f"Clamshell swapped for {CATALOG.by_id['clamshell-small-range'].name}: "
            "10 times per side",
        ),
        (ItemChange(before=item("clamshell")), "Clamshell left out"),
        (ItemChange(after=item("bird-dog")), "Bird dog added: hold 3 s, 10 times per side"),
    ],
)
def test_each_change_to_an_exercise_reads_as_plain_words(change: ItemChange, words: str) -> None:
    assert item_change_words(change, catalog=CATALOG) == words


def test_the_summary_lists_the_latest_changes_by_day_newest_first() -> None:
    changes = [
        Change(
            day=days_ago(n),
            step=Step.PROGRESS,
            sentence=f"Change {n}.",
            accepted=True,
            changed=True,
        )
        for n in range(8)
    ]
    summary = routine_summary(make_routine(), changes, catalog=CATALOG)
    assert summary.name == "Starter routine"
    assert len(summary.doses) == 6
    assert summary.changes == tuple(change_line(c) for c in changes[:5])
    assert summary.changes[0] == f"{days_ago(0):%a %d %b %Y}: accepted “Change 0.”"


def test_an_edit_reads_as_the_persons_own_change() -> None:
    edit = Change(
        day=days_ago(1), step=Step.EDIT, sentence="You changed it.", accepted=True, changed=True
    )
    assert change_line(edit) == f"{days_ago(1):%a %d %b %Y}: You changed it."
