"""The daily check-in through a real browser: fill by labels, save, find it again."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from sciatica import clock
from sciatica.diary.check_in import short_day
from tests.browser.conftest import StreamlitServer
from tests.browser.helpers import (
    expand,
    go_to,
    open_page,
    recent_notes,
    recent_rows,
    save_check_in,
    set_slider,
    slider,
    wait_idle,
)

TIMEZONE = "Europe/London"  # the browser context's zone, see conftest.page
HOSTILE_NOTES = "<script>window.__xss=1</script><b>bold</b>"


def users_today() -> str:
    """Today where the browser is, as the recent table prints it."""
    return short_day(clock.today(TIMEZONE))


@pytest.fixture
def check_in(page: Page, server: StreamlitServer) -> Page:
    """The check-in page, reached from the home page through the sidebar.

    Entering from the root keeps these tests independent of the first-visit deep-link bug,
    which test_deep_link.py covers on its own.
    """
    open_page(page, server.url)
    go_to(page, "Check-in")
    return page


def fill_and_save(page: Page, *, leg: int, back: int, notes: str) -> None:
    set_slider(page, "Leg pain", leg)
    set_slider(page, "Back pain", back)
    expand(page, "Activity, medication and notes").get_by_label("Notes").fill(notes)
    save_check_in(page)


def expect_form_shows(page: Page, *, leg: int, back: int, notes: str) -> None:
    expect(slider(page, "Leg pain")).to_have_value(str(leg))
    expect(slider(page, "Back pain")).to_have_value(str(back))
    optional = expand(page, "Activity, medication and notes")
    expect(optional.get_by_label("Notes")).to_have_value(notes)


def test_check_in_filled_by_labels_is_saved_and_shown_again_after_reload(check_in: Page) -> None:
    fill_and_save(check_in, leg=6, back=3, notes="Walked to the shop.")
    expect(check_in.get_by_text("Saved. Leg pain 6. This is your first check-in.")).to_be_visible()

    check_in.reload()
    wait_idle(check_in)

    expect(check_in.get_by_text("You already checked in for")).to_be_visible()
    expect_form_shows(check_in, leg=6, back=3, notes="Walked to the shop.")
    rows = recent_rows(check_in)
    assert len(rows) == 1
    assert rows[0]["Day"] == users_today()
    assert (rows[0]["Leg"], rows[0]["Back"]) == ("6", "3")
    assert recent_notes(check_in) == ["Walked to the shop."]


def test_saved_check_in_is_found_again_after_a_server_restart(
    check_in: Page, server: StreamlitServer
) -> None:
    fill_and_save(check_in, leg=7, back=2, notes="Bad night.")

    server.restart()
    open_page(check_in, server.url)
    go_to(check_in, "Check-in")

    expect_form_shows(check_in, leg=7, back=2, notes="Bad night.")
    assert [row["Leg"] for row in recent_rows(check_in)] == ["7"]


def test_ticking_a_bladder_sign_shows_get_help_now_and_still_saves(check_in: Page) -> None:
    check_in.get_by_text(re.compile(r"^Trouble starting to pee")).click()
    expect(
        check_in.get_by_role("checkbox", name=re.compile(r"^Trouble starting to pee"))
    ).to_be_checked()

    save_check_in(check_in)

    # The advice opens as a dialog over the page, and also stays under the button.
    dialog = check_in.get_by_role("dialog")
    emergency = dialog.get_by_test_id("stAlertContentError").filter(has_text="Get help now")
    expect(emergency).to_be_visible()
    expect(emergency).to_contain_text(re.compile(r"\b(999|112|911)\b"))
    expect(dialog.get_by_role("link", name="Call 999")).to_have_attribute("href", "tel:999")
    expect(check_in.get_by_text(re.compile(r"^Saved\b"))).to_be_visible()
    dialog.get_by_role("button", name="I understand").click()
    wait_idle(check_in)
    assert recent_rows(check_in)[0]["Signs"] == "Emergency"


def test_hostile_notes_are_saved_and_shown_as_literal_text(check_in: Page) -> None:
    fill_and_save(check_in, leg=1, back=1, notes=HOSTILE_NOTES)

    check_in.reload()
    wait_idle(check_in)

    optional = expand(check_in, "Activity, medication and notes")
    expect(optional.get_by_label("Notes")).to_have_value(HOSTILE_NOTES)
    assert recent_notes(check_in) == [HOSTILE_NOTES]
    assert check_in.evaluate("window.__xss") is None
    expect(check_in.get_by_test_id("stApp").locator("b", has_text="bold")).to_have_count(0)


def test_today_page_after_a_check_in_says_done_and_draws_the_week_chart(check_in: Page) -> None:
    fill_and_save(check_in, leg=4, back=2, notes="")

    go_to(check_in, "Today")

    expect(
        check_in.get_by_text("You have checked in today: leg pain 4, back pain 2.")
    ).to_be_visible()
    expect(check_in.get_by_test_id("stPlotlyChart").locator(".js-plotly-plot")).to_be_visible()
