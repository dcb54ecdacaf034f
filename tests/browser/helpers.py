"""Playwright helpers for Streamlit: wait for a finished run, find widgets by their labels."""

from __future__ import annotations

import re
from contextlib import suppress
from typing import Any

from playwright.sync_api import Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

IDLE_TIMEOUT_MS = 10_000
_IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
# A script run is finished when the app says notRunning, no element is stale from the previous
# run and the running-man icon is gone; checked together so a flicker between runs cannot pass.
_IDLE_JS = """() => {
    const app = document.querySelector("[data-testid='stApp']");
    return app !== null
        && app.dataset.testScriptState === "notRunning"
        && document.querySelector("[data-stale='true']") === null
        && document.querySelector("[data-testid='stStatusWidgetRunningIcon']") === null;
}"""


def wait_idle(page: Page, timeout_ms: int = IDLE_TIMEOUT_MS) -> None:
    """Wait until Streamlit has connected and no script run is in progress."""
    page.wait_for_selector(_IDLE, state="attached", timeout=timeout_ms)
    page.wait_for_function(_IDLE_JS, timeout=timeout_ms)


def open_page(page: Page, url: str) -> None:
    """Load a URL in a new session and wait for its first script run to finish."""
    page.goto(url)
    wait_idle(page)


NAVIGATION = "[data-testid='stSidebarNav'], .st-key-app_nav"  # the sidebar, or a phone's bar


def nav_link(page: Page, title: str) -> Locator:
    """The navigation's link to a page: the sidebar's, or on a phone the bar's above the page."""
    links = page.locator(NAVIGATION).get_by_role("link", name=title, exact=True)
    return links.locator("visible=true").first  # one page, one tap, wherever it shows


def go_to(page: Page, title: str) -> None:
    """Switch page with the navigation, as a user would: one tap, on a phone too."""
    nav_link(page, title).click()
    expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()
    wait_idle(page)


def slider(page: Page, label: str) -> Locator:
    """The slider thumb labelled exactly `label` (its accessible name repeats the label)."""
    return page.get_by_role("slider", name=re.compile(rf"^{re.escape(label)}( |$)"))


def set_slider(page: Page, label: str, value: int) -> None:
    """Move a 0-based integer slider to `value` with the keyboard: Home, then ArrowRight."""
    thumb = slider(page, label)
    thumb.focus()
    thumb.press("Home")
    for _ in range(value):
        thumb.press("ArrowRight")
    expect(thumb).to_have_value(str(value))


def answer_pain(page: Page, label: str, value: int) -> None:
    """Pick a 0-10 answer in the session log (one choice of a radio group) and see it chosen."""
    group = page.get_by_role("radiogroup", name=label, exact=True)
    choice = group.get_by_role("radio", name=str(value), exact=True)
    choice.click()
    expect(choice).to_have_attribute("aria-checked", "true")


def save_check_in(page: Page) -> None:
    """Press Save and wait for the confirmation and the end of the run."""
    page.get_by_role("button", name="Save check-in").click()
    # The app's own message: a note the person wrote may begin with "Saved" too.
    saved = page.get_by_test_id("stAlert").get_by_text(re.compile(r"^Saved\b"))
    expect(saved.first).to_be_visible()
    wait_idle(page)


def expand(page: Page, label: str) -> Locator:
    """Open the expander whose label holds `label` (if closed) and return it."""
    box = page.locator("details").filter(has=page.locator("summary", has_text=label))
    # A result above scrolls back into view for a moment after a save: a click that lands
    # while the page moves is missed, so it is tried again once the page holds still.
    for _attempt in range(3):
        if box.get_attribute("open") is not None:
            break
        click_when_still(box.locator("summary"))
        with suppress(AssertionError):
            expect(box).to_have_attribute("open", "", timeout=2_000)
    expect(box).to_have_attribute("open", "")
    settled(box)
    return box


def choose(page: Page, label: str, option: str) -> None:
    """Pick `option` in the multiselect labelled `label`, and see it chosen.

    A rerun that ends while the menu is open redraws the box and closes the menu, and the
    click on the option is lost: it is tried again until the choice shows in the box.
    """
    combobox = page.get_by_role("combobox", name=label, exact=True)
    chosen = page.get_by_test_id("stMultiSelect").filter(has=combobox).get_by_text(option)
    for _attempt in range(3):
        wait_idle(page)
        with suppress(AssertionError, PlaywrightTimeoutError):
            combobox.click()
            page.get_by_role("option", name=option, exact=True).click(timeout=3_000)
            page.keyboard.press("Escape")
            expect(chosen).to_be_visible(timeout=2_000)
            break
    expect(chosen).to_be_visible()
    wait_idle(page)


def click_when_still(target: Locator) -> None:
    """Click once the target has stopped moving (a chart or expander above it may still grow)."""
    settled(target)
    target.click()


def settled(box: Locator) -> None:
    """Wait until the element's place and height hold still for a few frames.

    An expander slides open and a chart above an element can grow as it draws: a click while
    things still move can land on what moves under the pointer (a dropdown opened then is drawn
    where its field was a moment before; a summary clicked then is missed).
    """
    box.evaluate(
        """el => new Promise(resolve => {
            let last = "", still = 0;
            const tick = () => {
                const r = el.getBoundingClientRect(), now = `${r.top} ${r.height}`;
                if (now === last) { if (++still >= 3) { resolve(); return; } }
                else { still = 0; last = now; }
                requestAnimationFrame(tick);
            };
            requestAnimationFrame(tick);
        })"""
    )


def recent_rows(page: Page) -> list[dict[str, Any]]:
    """The rows of the "last two weeks" table (the day first, as its index column)."""
    table = page.get_by_test_id("stTable").locator("table").first
    table.wait_for(state="attached")
    rows: list[dict[str, Any]] = table.evaluate(
        """table => {
            const heads = [...table.querySelectorAll("thead th")].map(th => th.textContent);
            heads[0] = "Day";
            return [...table.querySelectorAll("tbody tr")].map(tr => Object.fromEntries(
                [...tr.querySelectorAll("th, td")].map((cell, i) => [heads[i], cell.textContent])));
        }"""
    )
    return rows


def recent_notes(page: Page) -> list[str]:
    """The notes listed under the "last two weeks" table, as the person wrote them."""
    box = expand(page, "Notes from these days")
    return box.get_by_test_id("stText").all_text_contents()
