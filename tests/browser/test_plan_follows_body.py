"""The plan follows the body, in a real browser: today's export files imported, then followed.

The files are version 2 (today's format), each with a routine begun three weeks ago: one of red
sessions only (pain 7 after, symptoms spreading down the leg), one of green sessions each
followed by a good next-morning check-in.
"""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.browser.conftest import StreamlitServer
from tests.browser.helpers import answer_pain, go_to, open_page, wait_idle
from tests.factories import version_two_export

STARTING_DOSES = (  # the Gentle routine at its entry doses
    "Single knee-to-chest with a towel: Hold 20 s, 3 times per side",
    "Seated hamstring stretch: Hold 20 s, 3 times per side",
)


def import_file(page: Page, server: StreamlitServer, tmp_path: Path, *, red: bool) -> None:
    """Upload a version 2 export on My data and import it."""
    path = tmp_path / "diary.json"
    path.write_text(version_two_export(red=red))
    open_page(page, f"{server.url}/data")
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(path))
    wait_idle(page)
    expect(page.get_by_text(re.compile(r"1 routine and \d+ sessions"))).to_be_visible()
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.get_by_text(re.compile(r"^\d+ check-ins? added; "))).to_be_visible()
    wait_idle(page)


def main_text(page: Page) -> str:
    return page.get_by_test_id("stMain").inner_text()


def test_a_version_2_file_of_red_sessions_keeps_the_starting_doses_and_offers_no_progress(
    page: Page, server: StreamlitServer, tmp_path: Path
) -> None:
    import_file(page, server, tmp_path, red=True)
    for title in ("Session", "Routine", "Today"):
        go_to(page, title)
        text = main_text(page)
        assert "could" not in text, title  # a progression says "you could ..."
        assert "Two good sessions" not in text, title
    go_to(page, "Routine")
    card = page.locator("[class*='st-key-routine_']")
    for line in STARTING_DOSES:
        expect(card.get_by_text(line, exact=True)).to_be_visible()
    expect(card.get_by_text("started at")).to_have_count(0)
    go_to(page, "Session")
    expect(page.get_by_text("Red: made symptoms worse")).to_be_visible()
    expect(page.get_by_text(re.compile("building up is paused")).first).to_be_visible()


def test_a_version_2_file_of_good_sessions_offers_one_step_and_shows_it_once_accepted(
    page: Page, server: StreamlitServer, tmp_path: Path
) -> None:
    import_file(page, server, tmp_path, red=False)
    go_to(page, "Session")
    offer = page.get_by_test_id("stAlert").filter(has_text="Next time:")
    expect(offer).to_contain_text(re.compile(r"good sessions since .*, so you could"))
    page.get_by_role("button", name="Accept").click()
    expect(page.get_by_text("Accepted. Your routine is updated.")).to_be_visible()
    wait_idle(page)
    go_to(page, "Routine")
    card = page.locator("[class*='st-key-routine_']")
    expect(card.get_by_text(re.compile(r"\(started at "))).to_have_count(1)
    card.get_by_text(re.compile(r"^History of changes \(1\)")).click()
    expect(card.get_by_text(re.compile("good sessions since"))).to_be_visible()


def test_a_session_saved_without_the_pain_answers_is_refused_at_the_button(
    page: Page, server: StreamlitServer
) -> None:
    open_page(page, f"{server.url}/session")
    expect(page.get_by_role("radiogroup", name="Leg pain after", exact=True)).to_be_visible()
    wait_idle(page)
    page.get_by_role("button", name="Save session").click()
    wait_idle(page)
    refused = page.get_by_test_id("stAlert").filter(has_text="Not saved.")
    expect(refused).to_contain_text(
        "Please answer the pain questions: Leg pain before, Worst leg pain during and Leg pain "
        "after."
    )
    expect(refused).to_be_in_viewport()
    answer_pain(page, "Leg pain before", 1)
    answer_pain(page, "Worst leg pain during", 2)
    answer_pain(page, "Leg pain after", 1)
    page.get_by_role("button", name="Save session").click()
    expect(page.get_by_text(re.compile(r"^Saved your session of "))).to_be_visible()


def test_on_a_phone_the_advice_after_new_numbness_is_in_view_at_the_save_button(
    page: Page, server: StreamlitServer
) -> None:
    page.set_viewport_size({"width": 375, "height": 812})
    open_page(page, f"{server.url}/session")
    for label, value in (
        ("Leg pain before", 2),
        ("Worst leg pain during", 3),
        ("Leg pain after", 2),
    ):
        answer_pain(page, label, value)
    page.get_by_text("New numbness or weakness", exact=True).click()
    page.get_by_role("button", name="Save session").click()
    wait_idle(page)
    stop = page.get_by_test_id("stAlert").filter(has_text="Stop here for today")
    expect(stop).to_be_in_viewport()
    expect(stop).to_contain_text("New numbness or weakness after exercise needs checking")
    expect(stop).to_contain_text(re.compile(r"Your session of .* is saved\."))
