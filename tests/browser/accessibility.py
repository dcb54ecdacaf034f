"""Accessibility checks for browser tests: axe-core on the whole page, and keyboard focus.

axe-core comes from the `axe-playwright-python` package (requirements-dev.txt), which ships
axe.min.js; it is injected into the page and run with its own `axe.run`, so the options go in
as JSON rather than through the package's string formatting.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import Locator, Page

from tests.browser.helpers import wait_idle
from tests.contrast import contrast, rgb

# What a test fails on: anything axe rates serious or critical, and headings out of order
# (rated moderate by axe, but a screen reader user moves through a page by its headings).
FAILING_IMPACTS = frozenset({"serious", "critical"})
ALWAYS_FAILING = frozenset({"heading-order"})

# Streamlit scrolls its main area inside <main data-testid="stMain">, not the document, so the
# document's own scrollHeight is the window's. The tallest of the two is the page's height.
_CONTENT_HEIGHT = """() => Math.max(
    document.documentElement.scrollHeight,
    ...[...document.querySelectorAll("[data-testid='stMain'], [data-testid='stSidebar']")]
        .map((area) => area.scrollHeight))"""
_CHARTS_DRAWN = """() => [...document.querySelectorAll("[data-testid='stPlotlyChart']")]
    .every((chart) => chart.querySelector(".main-svg") !== null)"""
# Every piece of text drawn inside a chart (an SVG, which axe-core does not check for contrast)
# with its fill colour: axis labels and titles, chart titles, subtitles, legends.
_CHART_TEXT = """() => [...document.querySelectorAll("[data-testid='stPlotlyChart'] svg text")]
    .filter((text) => text.textContent.trim() && text.getBoundingClientRect().width > 0
        && Number(getComputedStyle(text).fillOpacity) > 0)
    .map((text) => [text.textContent.trim(), getComputedStyle(text).fill])"""
_IS_FOCUSED = "el => el === document.activeElement || el.contains(document.activeElement)"


def wait_drawn(page: Page) -> None:
    """Wait for the script run to end and for every Plotly chart to have drawn."""
    wait_idle(page)
    page.wait_for_function(_CHARTS_DRAWN)


def fit_window_to_page(page: Page, *, tries: int = 5) -> int:
    """Make the window as tall as the page, so nothing is off screen; returns the height.

    axe checks colour contrast only on what is in view, and a full-page screenshot of a page
    that scrolls inside <main> shows only the window. A taller window can lay the page out
    again (charts resize), so the height is measured until it stays the same.
    """
    size = page.viewport_size
    assert size is not None
    height = size["height"]
    for _ in range(tries):
        wanted = int(page.evaluate(_CONTENT_HEIGHT))
        if wanted <= height:
            return height
        height = wanted
        page.set_viewport_size({"width": size["width"], "height": height})
        wait_drawn(page)
    return height


def axe_violations(page: Page, *, exclude: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """axe-core's violations for the whole page, leaving out the elements `exclude` selects.

    Each excluded selector must say in a comment at its definition why it is left out.
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT)
    context = {"include": [["html"]], "exclude": [[selector] for selector in exclude]}
    results: dict[str, Any] = page.evaluate(
        "([context, options]) => axe.run(context, options)",
        [context, {"resultTypes": ["violations"]}],
    )
    violations: list[dict[str, Any]] = results["violations"]
    return violations


def chart_text_below(page: Page, background: str, ratio: float) -> list[tuple[str, str, float]]:
    """Text in the page's charts whose contrast on `background` is under `ratio`."""
    drawn: list[list[str]] = page.evaluate(_CHART_TEXT)
    found = [(text, fill, contrast(rgb(fill), rgb(background))) for text, fill in drawn]
    return [(text, fill, round(value, 2)) for text, fill, value in found if value < ratio]


def failing(violations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The violations a test fails on: serious or critical, or headings out of order."""
    return [
        violation
        for violation in violations
        if violation["impact"] in FAILING_IMPACTS or violation["id"] in ALWAYS_FAILING
    ]


def describe(violations: list[dict[str, Any]]) -> str:
    """A readable list: each rule, its impact and help, and the elements that break it."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            lines.append(f"  {', '.join(map(str, node['target']))}")
            lines.append(f"    {node['html'][:200]}")
            summary = (node.get("failureSummary") or "").splitlines()
            lines.append("    " + " ".join(line.strip() for line in summary))
    return "\n".join(lines)


def screenshot(page: Page, path: Path) -> None:
    """A screenshot of the whole page (fit the window to the page first)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=path, full_page=True)


def is_focused(locator: Locator) -> bool:
    """Whether keyboard focus is on this element or inside it."""
    return bool(locator.evaluate(_IS_FOCUSED))


def tab_to(page: Page, target: Locator, *, backwards: bool = False, limit: int = 200) -> int:
    """Press Tab (Shift+Tab backwards) until `target` has focus; returns how many presses.

    Finds the element by where focus is, not by a count of presses, so a form that gains or
    loses a field on the way still passes.
    """
    key = "Shift+Tab" if backwards else "Tab"
    for presses in range(1, limit + 1):
        page.keyboard.press(key)
        if is_focused(target):
            return presses
    focused = page.evaluate("() => document.activeElement?.outerHTML.slice(0, 200)")
    raise AssertionError(f"{limit} presses of {key} never reached {target}; focus is on {focused}")
