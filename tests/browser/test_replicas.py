"""Two app servers on one PostgreSQL database, as a clinic runs replicas behind a load balancer.

Without logins every visitor writes the one local diary, so two replicas share it: what is
saved through one is read through the other, and two saves of the same day pressed at the same
instant are one check-in and no error. (Whether the two saves also meet inside the database
depends on each server's timing; tests/integration/test_reliability.py makes them meet, with
two processes saving the same day 150 times each.)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from playwright.sync_api import Page, expect

from sciatica import clock
from sciatica.config import LOCAL_USER_ID
from sciatica.storage.store import Store
from sciatica.ui import PAGE_FAILED
from tests.browser.conftest import StreamlitServer
from tests.browser.helpers import (
    expand,
    go_to,
    open_page,
    recent_rows,
    save_check_in,
    set_slider,
    slider,
    wait_idle,
)
from tests.conftest import new_postgres_database

TIMEZONE = "Europe/London"  # the browser context's zone, see conftest
FIRST_VISIT_TIMEOUT_MS = 30_000
PRESS_DELAY_MS = 500  # long enough to reach every page first
_PRESS_AT = """([label, at]) => {
    const button = [...document.querySelectorAll("button")]
        .find((candidate) => candidate.innerText.trim() === label);
    setTimeout(() => button.click(), at - Date.now());
}"""


@pytest.fixture(scope="module")
def replicas(
    tmp_path_factory: pytest.TempPathFactory, postgres_admin_url: str
) -> Iterator[list[StreamlitServer]]:
    """Two servers on the same new PostgreSQL database, started together, for this file."""
    database_url = new_postgres_database(postgres_admin_url)
    servers = []
    for name in ("first", "second"):
        folder = tmp_path_factory.mktemp(f"replica-{name}")
        servers.append(StreamlitServer(data_dir=folder, log_dir=folder, database_url=database_url))
    try:
        with ThreadPoolExecutor(len(servers)) as pool:
            list(pool.map(StreamlitServer.start, servers))
        yield servers
    finally:
        for server in servers:
            server.stop()


@pytest.fixture(autouse=True)
def _empty_diary_afterwards(replicas: list[StreamlitServer]) -> Iterator[None]:
    """Each test leaves the diary empty for the next (the servers keep none of it in memory).

    Emptied after the test, not before: the first test finds the database as new as the
    servers do, and their first visits create its tables.
    """
    yield
    store = Store.open(replicas[0].database_url)
    try:
        store.delete_user_data(user_id=LOCAL_USER_ID)
    finally:
        store.close()


def on_check_in(visitor: Callable[[], Page], *servers: StreamlitServer) -> list[Page]:
    """A visitor on each server's Check-in page; their first visits arrive together."""
    pages = [visitor() for _ in servers]
    for page, server in zip(pages, servers, strict=True):
        page.goto(server.url)
    for page in pages:
        # The servers' very first visits migrate the new database, one waiting for the other.
        wait_idle(page, timeout_ms=FIRST_VISIT_TIMEOUT_MS)
        go_to(page, "Check-in")
    return pages


def fill(page: Page, *, leg: int, notes: str) -> None:
    set_slider(page, "Leg pain", leg)
    box = expand(page, "Activity, medication and notes").get_by_label("Notes")
    box.fill(notes)
    # A text box sends its words when it loses focus, as it does when a person taps Save;
    # press_together clicks by script, which moves no focus, so leave the box first.
    box.blur()
    wait_idle(page)


def press_together(pages: list[Page], label: str) -> None:
    """Press the button in every page at the same instant, by the browser's one clock.

    Pressed one after another, the first save is often done before the second arrives.
    """
    for page in pages:
        expect(page.get_by_role("button", name=label)).to_be_enabled()
    at = pages[0].evaluate("() => Date.now()") + PRESS_DELAY_MS
    for page in pages:
        page.evaluate(_PRESS_AT, [label, at])


def expect_no_error(page: Page) -> None:
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.get_by_text(PAGE_FAILED)).to_have_count(0)


def stored_today(database_url: str) -> list[tuple[int, str]]:
    """Leg pain and notes of every check-in the database holds, from outside the servers."""
    store = Store.open(database_url)
    try:
        return [
            (entry.leg_pain, entry.notes)
            for entry in store.all_check_ins(user_id=LOCAL_USER_ID)
            if entry.day == clock.today(TIMEZONE)
        ]
    finally:
        store.close()


def test_a_check_in_saved_through_one_replica_is_read_through_the_other(
    replicas: list[StreamlitServer], visitors: Callable[[], Page]
) -> None:
    first, second = on_check_in(visitors, *replicas)

    fill(first, leg=6, notes="Saved through the first server.")
    save_check_in(first)

    open_page(second, f"{replicas[1].url}/check-in")
    expect(second.get_by_text("You already checked in for")).to_be_visible()
    expect(slider(second, "Leg pain")).to_have_value("6")
    expect(expand(second, "Activity, medication and notes").get_by_label("Notes")).to_have_value(
        "Saved through the first server."
    )
    assert [row["Leg"] for row in recent_rows(second)] == ["6"]
    for page in (first, second):
        expect_no_error(page)


def test_both_replicas_saving_the_same_day_at_once_keep_one_check_in_and_show_no_error(
    replicas: list[StreamlitServer], visitors: Callable[[], Page]
) -> None:
    first, second = on_check_in(visitors, *replicas)
    fill(first, leg=3, notes="From the first server.")
    fill(second, leg=8, notes="From the second server.")

    press_together([first, second], "Save check-in")
    for page in (first, second):
        expect(page.get_by_text(re.compile(r"^Saved\b"))).to_be_visible()
        wait_idle(page)
        expect_no_error(page)

    (kept,) = stored_today(replicas[0].database_url)
    assert kept in {(3, "From the first server."), (8, "From the second server.")}
    # Each replica now reads the one that was kept.
    for page, server in zip((first, second), replicas, strict=True):
        open_page(page, f"{server.url}/check-in")
        expect(expand(page, "Activity, medication and notes").get_by_label("Notes")).to_have_value(
            kept[1]
        )
        assert [row["Leg"] for row in recent_rows(page)] == [str(kept[0])]
