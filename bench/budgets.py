"""The budgets: what the benchmark calls fast enough, each reported PASS or FAIL.

From the issue "Performance: a benchmark against Streamlit's own floor". A missed budget does
not fail `make bench`; an error does.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

MAX_RATIO_TO_FLOOR = 2.0  # a page's median rerun at 10 years, over the floor's
MAX_GROWTH_10Y_1Y = 1.3  # a page's median rerun at 10 years, over the same at 1 year
MAX_SAVE_MS = 300.0  # pressing "Save check-in" until "Saved" shows
MAX_NAVIGATION_MS = 1000.0  # navigation until the page is idle with its charts drawn


def verdict(ok: bool) -> str:
    """PASS or FAIL."""
    return "PASS" if ok else "FAIL"


def ratio_budget(page: str) -> str:
    """The name of a page's budget against the floor."""
    return f"{page}: rerun at 10y <= {MAX_RATIO_TO_FLOOR:g}x floor"


def growth_budget(page: str) -> str:
    """The name of a page's budget for growing from 1 to 10 years."""
    return f"{page}: 10y/1y <= {MAX_GROWTH_10Y_1Y:g}"


def _budget(name: str, value: float, limit: float) -> dict[str, Any]:
    return {"budget": name, "value": value, "limit": limit, "pass": value <= limit}


def rerun_budgets(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each page's rerun at 10 years against the floor and against the same at 1 year."""
    budgets = []
    for row in rows:
        if "ratio_to_floor" in row:
            ratio = row["ratio_to_floor"]
            budgets.append(_budget(ratio_budget(row["page"]), ratio, MAX_RATIO_TO_FLOOR))
        if "growth_10y_1y" in row:
            growth = row["growth_10y_1y"]
            budgets.append(_budget(growth_budget(row["page"]), growth, MAX_GROWTH_10Y_1Y))
    return budgets


def browser_budgets(browser: dict[str, Any] | None) -> list[dict[str, Any]]:
    """Each page by URL and by sidebar click, then Save check-in, where they were measured."""
    budgets = []
    for name, page in (browser or {}).get("pages", {}).items():
        for key, what in (("open_url", "open URL"), ("sidebar", "sidebar click")):
            if page[key]:
                budgets.append(
                    _budget(
                        f"{name}: {what} -> drawn <= {MAX_NAVIGATION_MS:g} ms",
                        page[key]["median_ms"],
                        MAX_NAVIGATION_MS,
                    )
                )
    if browser and "save_check_in" in browser:
        budgets.append(
            _budget(
                f"Save check-in -> Saved <= {MAX_SAVE_MS:g} ms",
                browser["save_check_in"]["median_ms"],
                MAX_SAVE_MS,
            )
        )
    return budgets
