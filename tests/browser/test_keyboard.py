"""A check-in done with the keyboard alone: Tab and Shift+Tab to move, arrows, Enter or Space.

Widgets are found by where focus lands, never by a count of Tab presses, so the form can gain,
lose or regroup questions and the test still follows it.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.accessibility import is_focused, tab_to
from tests.browser.conftest import StreamlitServer
from tests.browser.helpers import open_page, recent_rows, slider, wait_idle


@pytest.mark.parametrize("press", ["Enter", "Space"])
def test_a_check_in_is_done_and_saved_with_the_keyboard_alone(
    page: Page, server: StreamlitServer, press: str
) -> None:
    open_page(page, f"{server.url}/check-in")
    page.evaluate("() => document.activeElement?.blur()")  # start from the page itself
    assert page.evaluate("() => document.activeElement === document.body")

    leg = slider(page, "Leg pain")
    tab_to(page, leg)
    page.keyboard.press("Home")
    for _ in range(4):
        page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowLeft")  # arrows go both ways
    expect(leg).to_have_value("3")

    save = page.get_by_role("button", name="Save check-in")
    tab_to(page, save)
    tab_to(page, leg, backwards=True)  # back up the form: nothing changed on the way
    expect(leg).to_have_value("3")
    tab_to(page, save)
    assert is_focused(save)
    page.keyboard.press(press)

    expect(page.get_by_text(re.compile(r"^Saved\. Leg pain 3\."))).to_be_visible()
    wait_idle(page)
    assert [row["Leg"] for row in recent_rows(page)] == ["3"]
