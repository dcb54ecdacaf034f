"""Safety where the eyes are: after Save the outcome is on screen, on a phone and a desktop."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from tests.browser.conftest import ARTIFACTS, StreamlitServer, close_page, new_page
from tests.browser.helpers import open_page, slider, wait_idle

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1200, "height": 1000}
SHOTS = ARTIFACTS / "safety"


@pytest.fixture(params=["phone", "desktop"])
def screen(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    """A page the size of a phone (375 x 812) or of a desktop window."""
    viewport = PHONE if request.param == "phone" else DESKTOP
    page = new_page(browser, **viewport, phone=request.param == "phone")
    yield page
    close_page(page, request, request.node.name)


def in_view(page: Page, locator: Locator, *, within_ms: int = 3000) -> bool:
    """Whether the element comes to lie wholly inside the visible part of the page.

    The page brings it into view after drawing; on a busy machine that can take a moment.
    """
    deadline = within_ms
    while not _wholly_visible(page, locator) and deadline > 0:
        page.wait_for_timeout(100)
        deadline -= 100
    return _wholly_visible(page, locator)


def _wholly_visible(page: Page, locator: Locator) -> bool:
    box = locator.bounding_box()
    size = page.viewport_size
    assert box is not None
    assert size is not None
    # Layout is in fractions of a pixel: scrolled flush with the bottom edge ("nearest"), an
    # element can end 0.4 px past it and still be wholly seen.
    slack = 1
    return (
        box["y"] >= -slack
        and box["y"] + box["height"] <= size["height"] + slack
        and box["x"] >= -slack
        and box["x"] + box["width"] <= size["width"] + slack
    )


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=Path(SHOTS) / f"{name}.png")


def start(page: Page, server: StreamlitServer) -> None:
    """A new user: answer About me on first use (nothing applies), then open Check-in."""
    open_page(page, server.url)
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_text("Saved. About me is up to date.")).to_be_visible()
    wait_idle(page)
    open_page(page, f"{server.url}/check-in")  # on a phone the sidebar would cover the page


def press_save(page: Page) -> None:
    page.get_by_role("button", name="Save check-in").click()
    wait_idle(page)  # the outcome is scrolled into view just after: `in_view` waits for it


def test_after_a_normal_save_saved_is_on_screen(
    screen: Page, server: StreamlitServer, request: pytest.FixtureRequest
) -> None:
    start(screen, server)
    press_save(screen)
    saved = screen.get_by_text(re.compile(r"^Saved\. Leg pain 0\."))
    expect(saved).to_be_visible()
    assert in_view(screen, saved)
    shot(screen, f"saved-{request.node.callspec.id}")


def test_after_saving_a_bladder_sign_the_advice_and_a_tel_link_are_on_screen(
    screen: Page, server: StreamlitServer, request: pytest.FixtureRequest
) -> None:
    start(screen, server)
    screen.get_by_text(re.compile(r"^Leaking pee you can")).click()
    press_save(screen)
    dialog = screen.get_by_role("dialog")
    advice = dialog.get_by_text("Get help now", exact=False).first
    call = dialog.get_by_role("link", name=re.compile(r"^Call (999|112|911)"))
    expect(call.first).to_have_attribute("href", re.compile(r"^tel:\d+$"))
    assert in_view(screen, advice)
    assert in_view(screen, call.first)
    shot(screen, f"emergency-{request.node.callspec.id}")
    # Closed, the same advice stays under the button, and is on screen there too.
    dialog.get_by_role("button", name="I understand").click()
    expect(dialog).to_have_count(0)  # the page has run again without the save's button press
    wait_idle(screen)
    here = screen.locator(".st-key-check_in_outcome")
    expect(here.get_by_text("Get help now", exact=False)).to_be_visible()
    expect(here.get_by_role("link", name="Call 999")).to_have_attribute("href", "tel:999")


def test_choosing_both_legs_and_saying_it_is_new_shows_the_emergency_advice_at_once(
    screen: Page, server: StreamlitServer, request: pytest.FixtureRequest
) -> None:
    start(screen, server)
    thumb = slider(screen, "How far down the leg")
    thumb.focus()
    thumb.press("Home")
    thumb.press("ArrowRight")
    thumb.press("ArrowRight")  # none -> buttock -> thigh
    wait_idle(screen)
    screen.get_by_role("radio", name="Both").check(force=True)
    wait_idle(screen)
    screen.get_by_text("Yes, it is new or getting worse").click()
    wait_idle(screen)
    advice = screen.locator(".st-key-both_legs_advice")
    expect(advice.get_by_text("Get help now", exact=False)).to_be_visible()
    expect(advice.get_by_role("link", name="Call 999")).to_have_attribute("href", "tel:999")
    assert in_view(screen, advice.get_by_role("link", name="Call 999"))
    shot(screen, f"both-legs-{request.node.callspec.id}")
