"""The results: rows per page, the table printed at the end, and the JSON files written.

Every run writes bench/results/<UTC time>.json and bench/results/latest.json; README.md's
Performance section quotes a run's figures.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.budgets import (
    MAX_GROWTH_10Y_1Y,
    MAX_NAVIGATION_MS,
    MAX_RATIO_TO_FLOOR,
    MAX_SAVE_MS,
    browser_budgets,
    growth_budget,
    ratio_budget,
    rerun_budgets,
    verdict,
)
from bench.histories import HISTORIES, History
from sciatica import clock
from sciatica.ui.pages import PageSpec

RESULTS = Path(__file__).resolve().parent / "results"


def report(
    pages: Sequence[PageSpec],
    histories: dict[str, History],
    reruns: dict[str, Any],
    browser: dict[str, Any] | None,
) -> dict[str, Any]:
    """The table's rows and every budget's verdict."""
    subjects = {(s.name, s.history): s for s in reruns["subjects"]}
    floor = reruns["floor"]["median_ms"]
    rows = []
    for page in pages:
        row: dict[str, Any] = {"page": page.title, "path": page.file}
        for history in histories:
            row[history] = subjects[(page.title, history)].summary()
        ten = row.get("10y", {}).get("median_ms")
        one = row.get("1y", {}).get("median_ms")
        if ten is not None:
            row["ratio_to_floor"] = round(ten / floor, 2)
        if ten is not None and one is not None:
            row["growth_10y_1y"] = round(ten / one, 2)
        rows.append(row)
    errors = [
        f"{s.name} ({s.history}): {s.error}" for s in reruns["subjects"] if s.error is not None
    ]
    return {
        "rows": rows,
        "floor": {**reruns["floor"], "what": "one Plotly line chart of 3,650 points"},
        "budgets": rerun_budgets(rows) + browser_budgets(browser),
        "errors": errors + list((browser or {}).get("errors", [])),
    }


def print_report(result: dict[str, Any]) -> None:
    """The machine, the floor, a row per page, the browser figures and the budgets."""
    m = result["machine"]
    print()
    print(
        f"Machine: {m['cpu']}, {m['cores']} cores, Python {m['python']}, Streamlit "
        f"{m['streamlit']}, {m['date']}, git {m['git']}"
    )
    r = result["reruns"]
    print(
        f"AppTest reruns: median of {r['reruns']} after {r['warmups']} warm-ups, round-robin; "
        f"load average {r['load_before'][0]} -> {r['load_after'][0]}"
    )
    floor = result["floor"]
    print(f"Floor (one Plotly line chart, 3,650 points): {floor['median_ms']:.1f} ms")
    budgets = {b["budget"]: b for b in result["budgets"]}
    print()
    header = f"{'page':<12} {'ms 1y':>8} {'ms 10y':>8} {'10y/floor':>10} {'10y/1y':>7}  budgets"
    print(header)
    print("-" * len(header))
    for row in result["rows"]:
        name = row["page"]
        marks = [
            (f"<={MAX_RATIO_TO_FLOOR:g}x floor", ratio_budget(name)),
            (f"10y/1y<={MAX_GROWTH_10Y_1Y:g}", growth_budget(name)),
        ]
        verdicts = "  ".join(
            f"{short} {verdict(budgets[key]['pass'])}" for short, key in marks if key in budgets
        )
        failed = [row[h]["error"] for h in HISTORIES if "error" in row.get(h, {})]
        if failed:
            verdicts = f"ERROR {failed[0][:60]}"
        print(
            f"{name:<12} {_fmt(row.get('1y', {}).get('median_ms')):>8} "
            f"{_fmt(row.get('10y', {}).get('median_ms')):>8} "
            f"{_fmt(row.get('ratio_to_floor'), 'x'):>10} {_fmt(row.get('growth_10y_1y')):>7}  "
            f"{verdicts}"
        )
    browser = result.get("browser")
    if browser and "pages" in browser:
        print()
        print(
            f"Browser, warm server, {browser['history']} history, median of {browser['samples']} "
            f"(Chromium {browser['chromium']}; load {browser['pages_load'][0][0]} -> "
            f"{browser['load_after'][0]}):"
        )
        print(f"{'page':<12} {'open URL ms':>12} {'sidebar ms':>11}  budget <= 1 s")
        for name, page in browser["pages"].items():
            times = [
                page[key]["median_ms"] if page[key] else None for key in ("open_url", "sidebar")
            ]
            known = [t for t in times if t is not None]
            mark = verdict(all(t <= MAX_NAVIGATION_MS for t in known)) if known else ""
            if "error" in page:
                mark = f"ERROR {page['error'][:60]}"
            print(f"{name:<12} {_fmt(times[0], '', 0):>12} {_fmt(times[1], '', 0):>11}  {mark}")
        if "save_check_in" in browser:
            save = browser["save_check_in"]["median_ms"]
            print(
                f"Save check-in -> 'Saved': {save:.0f} ms  "
                f"{verdict(save <= MAX_SAVE_MS)} (<= {MAX_SAVE_MS:g} ms)"
            )
    if browser and "startup" in browser:
        s = browser["startup"]
        print(
            f"Start-up, {browser['history']} history (process start -> health ok / first page "
            f"idle and drawn, median of {s['n']}): {s['health_ms']:.0f} ms / "
            f"{s['first_page_ms']:.0f} ms"
        )
    if browser and "first_visit" in browser:
        print_first_visit(browser["first_visit"])
    failed = [b for b in result["budgets"] if not b["pass"]]
    print()
    print(f"Budgets: {len(result['budgets']) - len(failed)} PASS, {len(failed)} FAIL")
    for b in failed:
        print(f"  FAIL {b['budget']}: {b['value']}")
    for error in result["errors"]:
        print(f"  ERROR {error}")


def print_first_visit(visit: dict[str, Any]) -> None:
    """The first page in a fresh browser (no cache), median at each size."""
    figures = ", ".join(
        f"{size} {figure['median_ms']:.0f} ms (p90 {figure['p90_ms']:.0f})"
        for size, figure in visit["sizes"].items()
    )
    print(
        f"First page in a fresh browser, {visit['history']} history, median of "
        f"{visit['samples']} (load {visit['load_before'][0]} -> {visit['load_after'][0]}): "
        f"{figures}"
    )


def _fmt(value: float | None, suffix: str = "", digits: int = 1) -> str:
    return "-" if value is None else f"{value:.{digits}f}{suffix}"


def write_results(result: dict[str, Any]) -> Path:
    """Write the result as <UTC time>.json and latest.json in bench/results; returns latest."""
    RESULTS.mkdir(exist_ok=True)
    text = json.dumps(result, indent=2, default=_json_default) + "\n"
    stamp = clock.now().strftime("%Y%m%dT%H%M%SZ")
    (RESULTS / f"{stamp}.json").write_text(text, encoding="utf-8")
    latest = RESULTS / "latest.json"
    latest.write_text(text, encoding="utf-8")
    return latest


def _json_default(value: object) -> object:
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"not JSON: {type(value).__name__}")
