import pytest

from sciatica.plans.timer import Countdown, RepCounter, format_seconds

# Nothing here depends on the date: the awkward-moment runs leave it out.
pytestmark = pytest.mark.timeless

T0 = 1_000_000.0


def test_a_new_countdown_shows_the_full_time_and_is_stopped() -> None:
    timer = Countdown(20)
    assert timer.remaining(now=T0) == 20
    assert not timer.running
    assert not timer.finished(now=T0)


def test_a_running_countdown_counts_down_from_its_start_timestamp() -> None:
    timer = Countdown(20).start(now=T0)
    assert timer.remaining(now=T0 + 0.2) == 20  # rounds up: shows 20 until a full second passes
    assert timer.remaining(now=T0 + 5) == 15
    assert timer.remaining(now=T0 + 19.5) == 1
    assert timer.remaining(now=T0 + 60) == 0


def test_pause_keeps_the_time_counted_and_resume_carries_on_from_there() -> None:
    paused = Countdown(30).start(now=T0).pause(now=T0 + 10)
    assert not paused.running
    assert paused.remaining(now=T0 + 500) == 20  # time stands still while paused
    resumed = paused.start(now=T0 + 500)
    assert resumed.remaining(now=T0 + 505) == 15


def test_starting_a_running_countdown_changes_nothing() -> None:
    timer = Countdown(30).start(now=T0)
    assert timer.start(now=T0 + 5) == timer


def test_reset_goes_back_to_the_full_time_stopped() -> None:
    timer = Countdown(30).start(now=T0).reset()
    assert timer == Countdown(30)


def test_settle_stops_a_countdown_that_ran_out_and_reports_it_once() -> None:
    timer = Countdown(5).start(now=T0)
    assert timer.settle(now=T0 + 3) == (timer, False)
    stopped, ran_out = timer.settle(now=T0 + 6)
    assert ran_out
    assert not stopped.running
    assert stopped.remaining(now=T0 + 100) == 0
    assert stopped.settle(now=T0 + 100) == (stopped, False)


def test_starting_a_finished_countdown_starts_again_from_the_full_time() -> None:
    finished, _ = Countdown(5).start(now=T0).settle(now=T0 + 6)
    again = finished.start(now=T0 + 10)
    assert again.remaining(now=T0 + 11) == 4


@pytest.mark.parametrize(
    ("seconds", "text"), [(0, "0 s"), (25, "25 s"), (59, "59 s"), (60, "1:00"), (245, "4:05")]
)
def test_format_seconds_reads_naturally(seconds: int, text: str) -> None:
    assert format_seconds(seconds) == text


def test_a_per_side_counter_does_one_side_then_the_other() -> None:
    counter = RepCounter(reps=3, per_side=True)
    assert counter.total == 6
    assert counter.describe() == "First side · 0 of 3 done"
    for _ in range(3):
        counter = counter.count()
    assert counter.describe() == "Other side · 0 of 3 done"


def test_a_counter_with_sets_names_the_set() -> None:
    counter = RepCounter(reps=10, sets=2, done=12)
    assert counter.describe() == "Set 2 of 2 · 2 of 10 done"


def test_a_counter_stops_at_the_total_and_undo_stops_at_zero() -> None:
    counter = RepCounter(reps=2)
    assert counter.undo().done == 0
    counter = counter.count().count().count()
    assert counter.done == 2
    assert counter.complete
    assert counter.describe() == "All 2 done."
    assert counter.undo().done == 1
