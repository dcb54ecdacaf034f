"""A browser whose language is Swedish opens the app in Swedish; a choice made is kept."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import StreamlitServer, close_page, new_page
from tests.browser.helpers import open_page, wait_idle


@pytest.fixture
def swedish(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A browser set to Swedish, in Sweden."""
    page = new_page(browser, timezone="Europe/Stockholm", locale="sv-SE")
    yield page
    close_page(page, request, request.node.name)


def test_a_swedish_browser_checks_in_in_swedish_and_gets_112_for_a_bladder_sign(
    swedish: Page, server: StreamlitServer
) -> None:
    open_page(swedish, server.url)
    expect(swedish.get_by_role("heading", name="I dag", level=1)).to_be_visible()
    swedish.get_by_role("button", name="Spara och fortsätt").click()
    expect(swedish.get_by_text("Sparat. Om mig är uppdaterat.")).to_be_visible()
    wait_idle(swedish)
    open_page(swedish, f"{server.url}/check-in")
    expect(swedish.get_by_role("heading", name="Incheckning", level=1)).to_be_visible()
    expect(swedish.get_by_text("Smärta i benet", exact=True)).to_be_visible()
    swedish.get_by_text(re.compile(r"^Läcker kiss")).click()  # the sign's short line
    swedish.get_by_role("button", name="Spara", exact=True).click()
    wait_idle(swedish)
    dialog = swedish.get_by_role("dialog")
    expect(dialog.get_by_text("Sök hjälp nu", exact=False).first).to_be_visible()
    call = dialog.get_by_role("link", name="Ring 112", exact=True)
    expect(call).to_have_attribute("href", "tel:112")
    # What saving did, in Swedish, under the button behind the dialog.
    saved = swedish.locator(".st-key-check_in_outcome")
    expect(
        saved.get_by_text("Sparat. Bensmärta 0. Det här är din första incheckning.")
    ).to_be_attached()


def test_the_safety_page_speaks_swedish_and_names_1177_for_urgent_advice(
    swedish: Page, server: StreamlitServer
) -> None:
    open_page(swedish, f"{server.url}/safety")
    expect(swedish.get_by_role("heading", name="Säkerhet", level=1)).to_be_visible()
    # Sweden comes from the browser until a country is chosen: 112, and 1177 when urgent.
    expect(swedish.get_by_text("Ring 1177 för sjukvårdsrådgivning", exact=False)).to_be_visible()
    expect(swedish.get_by_role("link", name="Ring 112", exact=True)).to_have_attribute(
        "href", "tel:112"
    )


def test_a_language_chosen_on_the_safety_page_outlasts_the_browsers(
    page: Page, server: StreamlitServer
) -> None:
    open_page(page, f"{server.url}/safety")
    expect(page.get_by_role("heading", name="Safety", level=1)).to_be_visible()
    page.get_by_label("Language / Språk").click()
    page.get_by_role("option", name="Svenska").click()
    expect(page.get_by_text("Ditt språk är sparat.")).to_be_visible()
    wait_idle(page)
    open_page(page, f"{server.url}/safety")  # a new session, the same English browser
    expect(page.get_by_role("heading", name="Säkerhet", level=1)).to_be_visible()
