"""At most 50 flare-ups a day: the form says so, and Today and Check-in stay quick at that
maximum (the latest few listed, the rest on request)."""

from __future__ import annotations

import time as timer
from collections.abc import Callable
from datetime import time

import pytest
from streamlit.testing.v1 import AppTest

from sciatica import clock
from sciatica.diary.flares import MAX_FLARES_PER_DAY
from sciatica.diary.models import AboutMe, FlareInput
from sciatica.storage.store import Store
from sciatica.ui.flare_list import LISTED
from tests import factories
from tests.app.test_flares_page import button, log_flare

OpenPage = Callable[[str], AppTest]


@pytest.fixture
def two_full_days(database_url: str) -> None:
    """50 flare-ups yesterday and 50 today, each a minute apart, before this moment."""
    store = Store.open(database_url)
    store.save_about_me(user_id="local", answers=AboutMe(answered_on=factories.today()))
    now = clock.now()
    today = factories.today()
    for day, end in ((factories.days_ago(1), clock.moment_at(today, time(0), None)), (today, now)):
        start = clock.moment_at(day, time(0), None)
        for n in range(MAX_FLARES_PER_DAY):  # spread over the day, up to its end (or now)
            at = start + (end - start) * n / MAX_FLARES_PER_DAY
            store.add_flare(user_id="local", entry=FlareInput(day=day, at=at, leg_pain=n % 11))
    store.close()


def listed(app: AppTest) -> int:
    return len([b for b in app.button if b.label == "Change"])


@pytest.mark.usefixtures("two_full_days")
@pytest.mark.parametrize("page", ["pages/today.py", "pages/check_in.py"])
def test_a_page_with_two_full_days_lists_the_latest_and_runs_quickly(
    open_page: OpenPage, page: str
) -> None:
    app = open_page(page)
    assert not app.exception
    started = timer.perf_counter()
    app.run()
    took = timer.perf_counter() - started
    assert listed(app) == LISTED
    # Generous for a shared machine: the page drew 3,000 flare-ups' buttons in 18 s before.
    assert took < 5, f"{page} took {took:.1f} s a run"
    everything = [b for b in app.button if b.label.startswith("Show all ")]
    (show_all,) = everything
    total = 2 * MAX_FLARES_PER_DAY  # what the two days hold
    assert show_all.label == f"Show all {total} flare-ups of today and yesterday"
    show_all.click().run()
    assert listed(app) == total


@pytest.mark.usefixtures("two_full_days")
def test_the_51st_flare_up_of_a_day_is_refused_with_the_limit_named(
    open_page: OpenPage, database_url: str
) -> None:
    app = open_page("pages/check_in.py")
    assert (
        "Today holds 50 flare-ups, the most one day can: change or delete one to note another."
        in app.caption.values
    )
    log_flare(app, leg_pain=7, triggers=["sitting"])
    assert not app.exception
    said = " ".join(error.value for error in app.error)
    assert "At most 50 flare-ups a day: " in said
    assert "has 50 already." in said
    store = Store.open(database_url)
    try:
        held = store.flares_between(user_id="local", start=factories.today(), end=factories.today())
    finally:
        store.close()
    assert len(held) == MAX_FLARES_PER_DAY
    assert button(app, "Save flare-up")  # the form stays open with the answers
