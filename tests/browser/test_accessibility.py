"""Every page passes axe-core on a phone and a desk, and every emergency number dials.

The pages are checked with a diary in them (120 days of demo check-ins and sessions, About me
answered, its warning signs seen about), so charts, tables and plans are drawn, in a window as
tall as the page. A full-page screenshot of each lands in artifacts/pages/ for a person to look.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from sciatica import clock
from sciatica.demo import write_demo_data
from sciatica.diary.models import AboutMe
from sciatica.diary.today import current_alert, mark_seen
from sciatica.storage.store import Store
from sciatica.ui.pages import PAGES, PageSpec
from tests.browser.accessibility import (
    axe_violations,
    chart_text_below,
    describe,
    failing,
    fit_window_to_page,
    screenshot,
    wait_drawn,
)
from tests.browser.conftest import (
    ARTIFACTS,
    REPO_ROOT,
    StreamlitServer,
    close_page,
    new_page,
    on_sqlite,
)
from tests.browser.helpers import click_when_still, open_page, wait_idle
from tests.contrast import AA_NORMAL_TEXT

TIMEZONE = "Europe/London"  # the browser context's zone
USER = "local"  # the server's user without logins
SIZES = {"375x812": {"width": 375, "height": 812}, "1280x900": {"width": 1280, "height": 900}}
SHOTS = ARTIFACTS / "pages"
THEME = tomllib.loads((REPO_ROOT / ".streamlit" / "config.toml").read_text())["theme"]
PAGE_BACKGROUND = THEME["backgroundColor"]  # charts are transparent: the page shows through
DEFAULT_NUMBERS = ("112", "999", "911")  # no country chosen: the common emergency numbers

# Text nodes that show an emergency number, outside the country picker (a form control, where
# a link cannot be: its choices name each country's number so the person picks the right one).
# For each: the text, and the tel: link around it, if any.
_NUMBERS_SHOWN = """(numbers) => {
    const pattern = new RegExp(`(?<![\\\\w])(${numbers.join("|")})(?![\\\\w])`, "g");
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const shown = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const where = node.parentElement;
        const found = [...node.textContent.matchAll(pattern)].map((match) => match[1]);
        if (!found.length || where.closest("script, style, [data-testid='stSelectbox']")
                || !where.checkVisibility()) continue;
        const link = where.closest("a[href^='tel:']");
        shown.push({text: node.textContent.trim(), numbers: found,
                    href: link === null ? null : link.getAttribute("href")});
    }
    return shown;
}"""


def _url(server: StreamlitServer, spec: PageSpec) -> str:
    return f"{server.url}/{spec.url_path or ''}"


@pytest.fixture(scope="module")
def diary(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StreamlitServer]:
    """One server for the module, on a diary with something on every page."""
    folder = tmp_path_factory.mktemp("diary")
    app = on_sqlite(folder)
    today = clock.today(TIMEZONE)
    store = Store.open(app.database_url)
    try:
        write_demo_data(store, user_id=USER, days=120, seed=1, end=today)
        store.save_about_me(user_id=USER, answers=AboutMe(answered_on=today))
        # The demo's warning signs would pause exercises on every page: seen about, they don't.
        if (alert := current_alert(store, user_id=USER, today=today)) is not None:
            mark_seen(store, user_id=USER, alert=alert, today=today)
    finally:
        store.close()
    with app:
        yield app


@pytest.fixture(params=list(SIZES))
def window(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    """A page at a phone's size (touch, mobile viewport) or a desk's."""
    size = SIZES[request.param]
    page = new_page(browser, **size, phone=request.param == "375x812", timezone=TIMEZONE)
    yield page
    close_page(page, request, request.node.name)


def open_every_chart_and_table(page: Page) -> None:
    """Progress: open each chart's expander, then each chart's data, as a person would.

    A click starts a run a moment later, so each waits for what it opens, then for the run.
    """
    expanders = page.get_by_test_id("stExpander")
    for index in range(expanders.count()):
        click_when_still(expanders.nth(index).locator("summary"))
        expect(expanders.nth(index).locator("details")).to_have_attribute("open", "")
        body = expanders.nth(index).get_by_test_id("stExpanderDetails")
        shown = ".main-svg, [data-testid='stAlert'], [data-testid='stTable']"
        expect(body.locator(shown).first).to_be_visible()
        wait_idle(page)
    toggles = page.get_by_role("switch", name="Show data")
    tables = page.get_by_test_id("stTable")
    for index in range(toggles.count()):
        before = tables.count()
        page.get_by_text("Show data", exact=True).nth(index).click()
        expect(tables.nth(before)).to_be_visible()  # a wide table may come in several parts
        wait_idle(page)


@pytest.mark.parametrize("spec", PAGES, ids=[spec.title for spec in PAGES])
def test_every_page_has_no_serious_accessibility_problem_and_headings_in_order(
    window: Page, diary: StreamlitServer, spec: PageSpec, request: pytest.FixtureRequest
) -> None:
    page = window
    open_page(page, _url(diary, spec))
    expect(page.get_by_role("heading", name=spec.title, level=1)).to_be_visible()
    if spec.file == "pages/progress.py":
        open_every_chart_and_table(page)
    wait_drawn(page)
    fit_window_to_page(page)
    size = request.node.callspec.id.split("-")[0]
    screenshot(page, SHOTS / f"{size}-{spec.url_path or 'today'}.png")

    problems = failing(axe_violations(page))

    assert problems == [], describe(problems)
    assert chart_text_below(page, PAGE_BACKGROUND, AA_NORMAL_TEXT) == []


def numbers_shown(page: Page, numbers: tuple[str, ...]) -> list[dict[str, Any]]:
    """Each piece of text on the page that shows one of these numbers, with its tel: link."""
    shown: list[dict[str, Any]] = page.evaluate(_NUMBERS_SHOWN, list(numbers))
    return shown


def assert_every_number_dials(page: Page, numbers: tuple[str, ...]) -> None:
    """Each number is shown, and wherever it is shown it is a link that dials it."""
    shown = numbers_shown(page, numbers)
    assert {number for text in shown for number in text["numbers"]} == set(numbers)
    for text in shown:
        assert text["href"] in {f"tel:{number}" for number in text["numbers"]}, text


def test_every_emergency_number_on_the_safety_page_is_a_tel_link(
    page: Page, diary: StreamlitServer
) -> None:
    open_page(page, f"{diary.url}/safety")
    expect(page.get_by_role("heading", name="Safety", level=1)).to_be_visible()
    assert_every_number_dials(page, DEFAULT_NUMBERS)


@pytest.mark.parametrize(
    "sign", ["Leaking pee you can", "Severe night pain"], ids=["emergency", "urgent"]
)
def test_every_emergency_number_in_a_check_in_warning_is_a_tel_link_and_passes_axe(
    page: Page, server: StreamlitServer, sign: str
) -> None:
    open_page(page, f"{server.url}/check-in")
    page.get_by_text(re.compile(rf"^{sign}")).click()
    page.get_by_role("button", name="Save check-in").click()
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_role("link", name="Call 999")).to_have_attribute("href", "tel:999")
    wait_idle(page)
    # The same advice under the button, behind the dialog.
    here = page.locator(".st-key-check_in_outcome")
    expect(here.get_by_role("link", name="999", exact=True)).to_have_attribute("href", "tel:999")
    assert_every_number_dials(page, DEFAULT_NUMBERS)  # in the dialog and under the button

    problems = failing(axe_violations(page))

    assert problems == [], describe(problems)
