"""Progress through a real browser, on a diary written by `python -m sciatica demo-data`."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import REPO_ROOT, StreamlitServer, close_page, new_page
from tests.browser.helpers import click_when_still, go_to, open_page, wait_idle

PHONE = {"width": 375, "height": 812}
DESK = {"width": 1280, "height": 900}
TIME_OF_DAY = re.compile(r"\d\d:\d\d")

# Every visible Plotly toolbar (there should be none) and every chart title, as boxes.
_MODEBARS_AND_TITLES = """() => {
    const box = (el) => { const r = el.getBoundingClientRect();
        return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; };
    const shown = (el) => { const r = el.getBoundingClientRect(), s = getComputedStyle(el);
        return r.width > 0 && r.height > 0 && s.visibility !== "hidden" && s.display !== "none"
            && Number(s.opacity) > 0; };
    return {
        modebars: [...document.querySelectorAll(".modebar")].filter(shown).map(box),
        titles: [...document.querySelectorAll(".gtitle")].map(box),
    };
}"""
# Text of a chart that reaches past the chart's own edges, where it would be cut off (Plotly
# keeps tick labels outside the range as empty boxes: those are not shown).
_CUT_OFF_TEXT = """() => [...document.querySelectorAll("[data-testid='stPlotlyChart']")]
    .flatMap((chart) => {
        const svg = chart.querySelector(".main-svg").getBoundingClientRect();
        return [...chart.querySelectorAll(
                ".gtitle, .gtitle-subtitle, .xtitle, .ytitle, .legendtext, .xtick text")]
            .filter((text) => { const r = text.getBoundingClientRect();
                return r.width > 0 && (r.left < svg.left - 1 || r.right > svg.right + 1); })
            .map((text) => text.textContent);
    })"""


def write_demo_data(server: StreamlitServer, days: int = 120) -> None:
    """Demo check-ins and sessions up to today in the server's database."""
    subprocess.run(
        [sys.executable, "-m", "sciatica", "demo-data", "--days", str(days)],
        cwd=REPO_ROOT,
        env={**os.environ, "SCIATICA_DATABASE_URL": server.database_url},
        check=True,
        capture_output=True,
        timeout=60,
    )


def chart_count(page: Page) -> int:
    """How many Plotly charts are drawn."""
    charts = page.get_by_test_id("stPlotlyChart")
    return len([c for c in charts.all() if c.locator(".main-svg").count()])


def open_every_chart(page: Page) -> None:
    """Open each expander below the first chart, one by one, as a person would."""
    expanders = page.get_by_test_id("stExpander")
    for index in range(expanders.count()):
        click_when_still(expanders.nth(index).locator("summary"))
        expect(expanders.nth(index).locator("details")).to_have_attribute("open", "")
        wait_idle(page)
        # An expander holds a chart, the sentence that replaces a flat one, or (flare-ups) a
        # table of counts.
        body = expanders.nth(index).get_by_test_id("stExpanderDetails")
        shown = ".main-svg, [data-testid='stAlert'], [data-testid='stTable']"
        expect(body.locator(shown).first).to_be_visible()


@pytest.fixture(params=[PHONE, DESK], ids=["375x812", "1280x900"])
def sized_page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A page at a phone's size (touch, mobile viewport) or a desk's."""
    page = new_page(browser, **request.param, phone=request.param is PHONE)
    yield page
    close_page(page, request, request.node.name)


def test_after_120_days_of_demo_data_progress_shows_the_summary_and_pain_chart(
    page: Page, server: StreamlitServer
) -> None:
    write_demo_data(server)
    open_page(page, server.url)
    go_to(page, "Progress")
    expect(page.get_by_text("Your leg pain averaged")).to_be_visible()
    chart = page.get_by_test_id("stPlotlyChart").first
    expect(chart.locator(".main-svg").first).to_be_attached()
    expect(chart.get_by_text("Leg and back pain")).to_be_visible()
    # The others wait, closed, until asked for: opening Progress draws one chart.
    assert chart_count(page) == 1
    expect(page.get_by_test_id("stExpander")).to_have_count(6)  # the demo has flare-ups too


def test_charts_fit_the_screen_with_nothing_over_their_titles_and_days_not_times(
    sized_page: Page, server: StreamlitServer
) -> None:
    page = sized_page
    write_demo_data(server)
    open_page(page, f"{server.url}/progress")
    expect(page.get_by_role("heading", name="Progress", level=1)).to_be_visible()
    expect(page.get_by_test_id("stPlotlyChart").locator(".main-svg").first).to_be_attached()
    open_every_chart(page)
    assert chart_count(page) >= 5  # the exercises tie in demo data: a sentence instead

    assert_charts_fit(page)


@pytest.mark.parametrize("sized_page", [PHONE], ids=["375x812"], indirect=True)
def test_one_check_in_is_drawn_on_its_day_without_a_time(
    sized_page: Page, server: StreamlitServer
) -> None:
    page = sized_page
    write_demo_data(server, days=1)
    open_page(page, f"{server.url}/progress")
    expect(page.get_by_test_id("stPlotlyChart").locator(".main-svg").first).to_be_attached()
    open_every_chart(page)
    assert_charts_fit(page)


def assert_charts_fit(page: Page) -> None:
    """(a) no toolbar over a title, (b) no time of day, (c) nothing wider than the screen."""
    boxes = page.evaluate(_MODEBARS_AND_TITLES)
    assert len(boxes["titles"]) == chart_count(page)
    assert boxes["modebars"] == []  # so none can cover a title (a) ...
    for bar in boxes["modebars"]:  # ... and, if one ever shows, none may
        for title in boxes["titles"]:
            apart = (
                bar["right"] <= title["left"]
                or title["right"] <= bar["left"]
                or bar["bottom"] <= title["top"]
                or title["bottom"] <= bar["top"]
            )
            assert apart, (bar, title)

    ticks = page.locator(".xtick text, .ytick text").all_text_contents()
    assert ticks
    assert [tick for tick in ticks if TIME_OF_DAY.search(tick)] == []  # (b)

    assert page.evaluate(_CUT_OFF_TEXT) == []  # titles, legends and axis titles whole
    width = page.viewport_size["width"] if page.viewport_size else 0
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # (c)
