"""A browser whose language is Swedish opens the app in Swedish; a choice made is kept."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from sciatica import clock, i18n
from sciatica.demo import write_demo_data
from sciatica.diary.models import AboutMe
from sciatica.diary.today import current_alert, mark_seen
from sciatica.storage.store import Store
from tests.browser.conftest import StreamlitServer, close_page, new_page, on_sqlite
from tests.browser.helpers import open_page, settled, wait_idle
from tests.pdf_reader import pdf_text


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
    expect(
        swedish.get_by_text("Ring 1177 för sjukvårdsrådgivning", exact=False).first
    ).to_be_visible()
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


SWEDISH_TIME = "Europe/Stockholm"


@pytest.fixture
def diary_server(tmp_path: Path) -> Iterator[StreamlitServer]:
    """The app on 120 days of diary, with About me answered and the demo's signs seen about."""
    app = on_sqlite(tmp_path)
    today = clock.today(SWEDISH_TIME)
    store = Store.open(app.database_url)
    try:
        with i18n.use("sv"):  # the routine's changes as a Swedish person accepted them
            write_demo_data(store, user_id="local", days=120, seed=1, end=today)
        store.save_about_me(user_id="local", answers=AboutMe(answered_on=today))
        if (alert := current_alert(store, user_id="local", today=today)) is not None:
            mark_seen(store, user_id="local", alert=alert, today=today)
    finally:
        store.close()
    with app:
        yield app


def downloaded(page: Page, button: Locator, folder: Path) -> bytes:
    """The file a download button gives, as the browser saves it."""
    settled(button)  # the charts above it may still be drawing
    with page.expect_download() as download:
        button.click()
    saved = folder / download.value.suggested_filename
    download.value.save_as(saved)
    return saved.read_bytes()


def test_in_a_swedish_browser_the_report_and_the_sheet_download_in_swedish_or_english(
    swedish: Page, diary_server: StreamlitServer, tmp_path: Path
) -> None:
    open_page(swedish, f"{diary_server.url}/progress")
    expect(swedish.get_by_role("heading", name="Utveckling", level=1)).to_be_visible()
    report = swedish.get_by_role("button", name="Ladda ner rapport till min fysioterapeut (PDF)")
    text = pdf_text(downloaded(swedish, report, tmp_path))
    assert text.startswith("Ischiasdagboken: rapport över hur det har gått")
    assert "På svenska. Appen kan också göra den på engelska (English)." in text
    assert {"å", "ä", "ö"} <= set(text)
    for english in ("progress report", "Leg pain", "Back pain", "Check-ins", "physiotherapist"):
        assert english not in text, english
    other = swedish.get_by_role("button", name="Ladda ner på engelska")
    assert pdf_text(downloaded(swedish, other, tmp_path)).startswith(
        "Sciatica diary: progress report"
    )

    open_page(swedish, f"{diary_server.url}/routine")
    sheet = swedish.get_by_role("button", name="Utskrift", exact=True).first
    text = pdf_text(downloaded(swedish, sheet, tmp_path))
    assert "Din dos: " in text
    for english in ("Your dose", "routine sheet", "Move slowly", "exercise", "physiotherapist"):
        assert english not in text, english
