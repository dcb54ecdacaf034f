"""The Exercises page in a real browser: filtering, opening a modification, the pictures."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import StreamlitServer
from tests.browser.helpers import choose as pick
from tests.browser.helpers import expand, go_to, open_page, wait_idle


def card(page: Page, exercise_id: str) -> Locator:
    """The bordered card of one exercise (its container is keyed by the exercise id)."""
    return page.locator(f".st-key-card_{exercise_id}")


def choose(page: Page, label: str, option: str) -> None:
    """Pick one option in the multiselect with this label (in the Filters fold), as a user would."""
    expand(page, "Filters")
    pick(page, label, option)


def test_position_seated_shows_the_seated_hamstring_stretch(
    page: Page, server: StreamlitServer
) -> None:
    open_page(page, server.url)
    go_to(page, "Exercises")

    choose(page, "Position", "Seated")

    expect(page.get_by_text("Bird dog", exact=False)).to_have_count(0)
    expand(page, "Seated hamstring stretch")  # the family, named by the version that matched
    wait_idle(page)
    expect(page.get_by_role("heading", name="Seated hamstring stretch")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/exercises\?position=seated$"))


def test_the_bird_dog_family_offers_its_versions_and_one_opens_on_a_page_of_its_own(
    page: Page, server: StreamlitServer
) -> None:
    open_page(page, f"{server.url}/exercises?position=all_fours")
    family = expand(page, "Bird dog")
    wait_idle(page)
    expect(family.get_by_text(re.compile(r"^Choose this if the full bird dog"))).to_be_visible()

    family.get_by_role("button", name="2. Bird dog, arm only", exact=True).click()  # its step
    # The version's card comes in by parts: until the run ends, the last card's button can
    # still stand inside it (stale), and a tap on that opens the other version.
    open_own_page = card(page, "bird-dog-arm-only").get_by_role(
        "button", name="Open on a page of its own"
    )
    expect(open_own_page).to_be_visible()
    wait_idle(page)
    open_own_page.click()
    wait_idle(page)

    expect(page).to_have_url(re.compile(r"exercise=bird-dog-arm-only"))
    # The list has given way to the one card: its way back is there, the families are gone.
    expect(page.get_by_role("button", name="All exercises")).to_be_visible()
    expect(page.locator("summary", has_text="Bird dog")).to_have_count(0)
    wait_idle(page)
    expect(card(page, "bird-dog-arm-only")).to_be_visible()
    expect(page.get_by_role("heading", name="Bird dog, arm only")).to_be_in_viewport()
    expect(card(page, "bird-dog")).to_have_count(0)

    page.get_by_role("button", name="All exercises").click()
    wait_idle(page)
    expect(page.locator("summary", has_text="Bird dog")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/exercises\?position=all_fours$"))


def test_an_exercise_picture_is_visible_with_a_text_alternative(
    page: Page, server: StreamlitServer
) -> None:
    open_page(page, f"{server.url}/exercises?exercise=bird-dog-arm-only")

    picture = page.get_by_test_id("stMain").locator("img").first
    expect(picture).to_be_visible()
    expect(picture).to_have_attribute("alt", re.compile(r"^On all fours, then one arm reaching"))
    picture.scroll_into_view_if_needed()
    assert picture.evaluate("img => img.complete && img.naturalWidth > 0")
