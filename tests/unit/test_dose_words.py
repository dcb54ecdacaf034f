"""One wording for a dose: the catalogue's safe ranges and a routine's chosen values alike."""

from __future__ import annotations

import pytest

from sciatica.exercises.models import Dose, IntRange, dose_words
from sciatica.plans.models import RoutineItem
from sciatica.plans.routine import describe_item

# Nothing here depends on the date: the awkward-moment runs leave it out.
pytestmark = pytest.mark.timeless


def span(low: int, high: int) -> IntRange:
    return IntRange(min=low, max=high)


@pytest.mark.parametrize(
    ("amounts", "words"),
    [
        ({"hold_seconds": 20, "reps": 3, "per_side": True}, "Hold 20 s, 3 times per side"),
        ({"reps": 1}, "1 time"),
        ({"minutes": 20}, "20 minutes"),
        ({"reps": 8, "sets": 1}, "8 times"),  # one chosen set goes unsaid
        ({"reps": 8, "sets": 2}, "2 sets: 8 times"),  # chosen sets lead
        ({"hold_seconds": span(20, 30), "reps": span(3, 5)}, "Hold 20-30 s, 3-5 times"),
        ({"reps": span(8, 15), "sets": span(2, 3)}, "8-15 times, 2-3 sets"),  # ranges follow
        ({"reps": span(1, 1)}, "1 time"),
        ({"minutes": span(20, 30), "days_per_week": span(7, 7)}, "20-30 minutes, daily"),
        ({"minutes": span(10, 10), "days_per_week": span(3, 5)}, "10 minutes, 3-5 days a week"),
    ],
)
def test_a_dose_reads_in_plain_words(amounts: dict[str, object], words: str) -> None:
    assert dose_words(**amounts) == words  # type: ignore[arg-type]


def test_the_catalogue_and_a_routine_word_the_same_dose_the_same_way() -> None:
    catalogue = Dose(hold_seconds=span(20, 20), reps=span(3, 3), per_side=True)
    chosen = RoutineItem(exercise_id="knee-to-chest", hold_seconds=20, reps=3, per_side=True)
    assert catalogue.describe() == describe_item(chosen) == "Hold 20 s, 3 times per side"
