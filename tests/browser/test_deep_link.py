"""Deep links on a freshly started server: the first visitor lands on the page they asked for."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.conftest import StreamlitServer
from tests.browser.helpers import open_page, slider


def expect_no_page_not_found(page: Page) -> None:
    # The dialog arrives from the server during the first run, so it is there once idle.
    expect(page.get_by_text("Page not found")).not_to_be_visible()


def expect_check_in_page(page: Page) -> None:
    expect(page.get_by_role("heading", name="Check-in", level=1)).to_be_visible()
    expect(slider(page, "Leg pain")).to_be_visible()


def test_first_visit_straight_to_check_in_opens_it_without_page_not_found(
    page: Page, server: StreamlitServer
) -> None:
    open_page(page, f"{server.url}/check-in")

    expect_no_page_not_found(page)
    expect_check_in_page(page)
    expect(page).to_have_url(re.compile(r"/check-in$"))


def test_first_visit_to_safety_then_check_in_opens_both_without_page_not_found(
    page: Page, server: StreamlitServer
) -> None:
    open_page(page, f"{server.url}/safety")

    expect_no_page_not_found(page)
    expect(page.get_by_role("heading", name="Safety", level=1)).to_be_visible()

    open_page(page, f"{server.url}/check-in")

    expect_no_page_not_found(page)
    expect_check_in_page(page)
