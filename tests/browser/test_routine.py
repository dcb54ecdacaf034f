"""Routines and sessions in a real browser: build a routine, follow it, log a session."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.conftest import StreamlitServer
from tests.browser.helpers import IDLE_TIMEOUT_MS, answer_pain, go_to, open_page, wait_idle

THREE = ("Knee-to-chest stretch", "Clamshell", "Bird dog")


def add_exercise(page: Page, name: str) -> None:
    """Type an exercise's name into "Add exercises" and pick it; wait for its dose card."""
    wait_idle(page)
    combobox = page.get_by_role("combobox", name="Add exercises", exact=True)
    combobox.click()
    combobox.press_sequentially(name)
    page.get_by_role("option", name=name, exact=True).click()  # among the few that match
    page.keyboard.press("Escape")
    card = page.get_by_text(re.compile(rf"^\d\. {re.escape(name)}$"))
    expect(card).to_be_visible(timeout=IDLE_TIMEOUT_MS)
    wait_idle(page)


def test_build_a_three_exercise_routine_then_a_session_that_spreads_is_red_with_advice(
    page: Page, server: StreamlitServer
) -> None:
    open_page(page, server.url)
    go_to(page, "Routine")

    page.get_by_role("textbox", name="Routine name").fill("Three a week")
    page.get_by_role("textbox", name="Routine name").press("Tab")
    for name in THREE:
        add_exercise(page, name)
    wait_idle(page)
    days = page.get_by_test_id("stButtonGroup")
    for day in ("Mon", "Wed", "Fri"):  # the default days (a busy machine may still be drawing)
        expect(days.get_by_role("button", name=day)).to_have_attribute(
            "aria-pressed", "true", timeout=IDLE_TIMEOUT_MS
        )
    expect(page.get_by_role("spinbutton", name="Hold (s): Knee-to-chest stretch")).to_have_value(
        "20"
    )
    page.get_by_role("button", name="Save routine").click()

    expect(
        page.get_by_text("Saved “Three a week”. It is now the routine you follow.")
    ).to_be_visible()
    wait_idle(page)
    saved = page.locator("[class*='st-key-routine_']")
    expect(saved).to_have_count(1)
    expect(saved.get_by_text("Three a week")).to_be_visible()
    expect(saved.get_by_text("Active")).to_be_visible()
    for dose in (
        "Knee-to-chest stretch: Hold 20 s, 3 times per side",
        "Clamshell: 10 times per side",
        "Bird dog: Hold 3 s, 10 times per side",
    ):
        expect(saved.get_by_text(dose, exact=True)).to_be_visible()

    go_to(page, "Session")
    expect(page.get_by_role("heading", name="Log a session")).to_be_visible()
    for label, value in (
        ("Leg pain before", 3),
        ("Worst leg pain during", 4),
        ("Leg pain after", 4),
    ):
        answer_pain(page, label, value)
    page.get_by_text("Spread further down the leg", exact=True).click()
    page.get_by_role("button", name="Save session").click()

    # The advice is at the Save button, in view, not at the top of the page.
    stop = page.get_by_test_id("stAlert").filter(has_text="Stop here for today")
    expect(stop).to_be_visible(timeout=IDLE_TIMEOUT_MS)
    wait_idle(page)
    expect(stop).to_be_in_viewport(timeout=IDLE_TIMEOUT_MS)
    expect(stop).to_contain_text("Symptoms spreading further down your leg")
    expect(stop).to_contain_text(re.compile(r"Your session of .* is saved\."))
    wait_idle(page)
    expect(page.get_by_text("Red: made symptoms worse")).to_be_visible()
    expect(page.get_by_text("Because symptoms spread further down your leg.")).to_be_visible()
    # No exercise was marked as hurting: the session steps back as a whole, through one.
    suggestion = page.get_by_test_id("stAlert").filter(has_text="Next time:")
    expect(suggestion).to_contain_text("no exercise was marked “This hurt”, so ease the session")
    expect(page.get_by_role("button", name="Accept")).to_be_visible()
    expect(page.get_by_role("button", name="Dismiss")).to_be_visible()
