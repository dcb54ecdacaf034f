"""In one browser tab: when a page counts as drawn, and the actions the benchmark times.

Every time is read from the page's own clock (`performance.now()`), so Playwright's round
trips are not part of it.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sciatica.ui.pages import PageSpec

if TYPE_CHECKING:
    from playwright.sync_api import Page as Tab

# Idle as tests/browser/helpers.py defines it, plus: no skeleton left (Streamlit loads each kind
# of widget's code on first use and shows a grey skeleton until then), on the expected path,
# showing the expected title, and every Plotly chart drawn (.main-svg). Records when it first
# held, in the page's own clock (ms since navigation start).
_READY_JS = """([path, title, charts]) => {
    const app = document.querySelector("[data-testid='stApp']");
    const ready = app !== null
        && app.dataset.testScriptState === "notRunning"
        && document.querySelector("[data-stale='true']") === null
        && document.querySelector("[data-testid='stStatusWidgetRunningIcon']") === null
        && document.querySelector("[data-testid='stSkeleton']") === null
        && location.pathname === path
        && (title === null || (document.querySelector("h1")?.textContent ?? "").trim() === title)
        && [...document.querySelectorAll("[data-testid='stPlotlyChart']")].filter(
            (chart) => chart.querySelector(".main-svg") !== null).length >= charts;
    if (ready && window.__benchReady === undefined) window.__benchReady = performance.now();
    return ready;
}"""
_SAVED_JS = """() => {
    const saved = [...document.querySelectorAll("[data-testid='stAlert']")].some((alert) =>
        alert.closest("[data-stale='true']") === null
        && /^Saved\\b/.test(
            (alert.querySelector("[data-testid='stMarkdownContainer']")?.textContent ?? "")
                .trim()));
    if (saved && window.__benchReady === undefined) window.__benchReady = performance.now();
    return saved;
}"""
# Stamps the moment of the next click in the page's clock, before Streamlit sees it.
_ARM_JS = """() => {
    window.__benchReady = undefined;
    window.__benchClick = undefined;
    document.addEventListener("click", () => { window.__benchClick ??= performance.now(); },
        {capture: true, once: true});
}"""


@dataclass(frozen=True, slots=True)
class Target:
    """A page as the browser sees it."""

    name: str
    link: int  # its index among the sidebar's links
    path: str  # location.pathname once there
    title: str | None  # its st.title, from AppTest
    charts: int  # Plotly charts it draws, from AppTest with the same history


def wait_ready(tab: Tab, target: Target) -> float:
    """Wait until the page is idle and drawn; returns when that first held (page clock, ms)."""
    tab.wait_for_function(_READY_JS, arg=[target.path, target.title, target.charts], polling="raf")
    return float(tab.evaluate("window.__benchReady"))


def open_url(tab: Tab, base: str, target: Target) -> float:
    """A fresh session on the page's URL: ms from navigation start to ready."""
    tab.goto(base + target.path)
    return wait_ready(tab, target)


def click_link(tab: Tab, target: Target) -> float:
    """Click the page's sidebar link: ms from the click to ready."""
    tab.evaluate(_ARM_JS)
    tab.locator("[data-testid='stSidebarNav'] a").nth(target.link).click()
    ready = wait_ready(tab, target)
    return ready - float(tab.evaluate("window.__benchClick"))


def save_check_in(tab: Tab, base: str, target: Target) -> float:
    """On a freshly loaded check-in page, ms from pressing Save to "Saved" showing."""
    open_url(tab, base, target)
    tab.evaluate(_ARM_JS)
    tab.get_by_role("button", name="Save check-in").click()
    tab.wait_for_function(_SAVED_JS, polling="raf")
    took = float(tab.evaluate("window.__benchReady - window.__benchClick"))
    tab.evaluate(_ARM_JS)
    wait_ready(tab, target)  # let the run finish before the next sample
    return took


def sidebar_paths(tab: Tab, pages: Sequence[PageSpec]) -> list[str]:
    """The sidebar's paths, one per page, in order."""
    links = tab.locator("[data-testid='stSidebarNav'] a")
    links.first.wait_for()
    hrefs = [str(h) for h in links.evaluate_all("links => links.map(a => a.href)")]
    if len(hrefs) != len(pages):
        raise RuntimeError(f"sidebar has {len(hrefs)} links for {len(pages)} pages: {hrefs}")
    return [urllib.parse.urlsplit(href).path or "/" for href in hrefs]
