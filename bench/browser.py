"""The browser figures, on a warm server with the 10-year history and headless Chromium.

Start-up first (startup.py), then each page by opening its URL (a new session) and by clicking
it in the sidebar, then pressing "Save check-in" until "Saved" shows. Every page is opened once
untimed before the timed samples: imports, caches and Streamlit's lazily loaded widget code.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench.histories import History
from bench.reruns import Subject
from bench.samples import load, summary
from bench.startup import measure_startup
from bench.tab import Target, click_link, open_url, save_check_in, sidebar_paths
from sciatica.ui.harness import StreamlitServer, launch_chromium
from sciatica.ui.pages import PageSpec

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext
    from playwright.sync_api import Page as Tab

BROWSER_TIMEOUT_MS = 30_000
STARTUP_TIMEOUT_S = 60.0


def _short_error(error: Exception) -> str:
    return f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"[:300]


def measure_browser(
    pages: Sequence[PageSpec],
    history: History,
    subjects: dict[tuple[str, str | None], Subject],
    *,
    samples: int,
    startups: int,
    log_dir: Path,
) -> dict[str, Any]:
    """Start-up, then each page by URL and by sidebar click, then Save check-in; warm server."""
    from playwright.sync_api import sync_playwright

    server = StreamlitServer(
        data_dir=history.data_dir,
        database_url=history.url,
        log_dir=log_dir,
        startup_timeout_s=STARTUP_TIMEOUT_S,
    )
    result: dict[str, Any] = {"history": history.name, "samples": samples, "errors": []}
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        result["chromium"] = browser.version

        def new_tab() -> tuple[BrowserContext, Tab]:
            context = browser.new_context(viewport={"width": 1200, "height": 1000})
            context.set_default_timeout(BROWSER_TIMEOUT_MS)
            return context, context.new_page()

        def subject_of(page: PageSpec) -> Subject:
            return subjects[(page.title, history.name)]

        try:
            home = next((p for p in pages if p.default), pages[0])
            ok = subject_of(home).error is None
            home_target = Target(
                home.title,
                pages.index(home),
                "/",
                subject_of(home).title if ok else None,
                subject_of(home).charts if ok else 0,
            )
            # Start-up: process start -> health ok -> first page idle and drawn (cold browser).
            result["startup"] = measure_startup(server, new_tab, home_target, startups=startups)

            context, tab = new_tab()
            open_url(tab, server.url, home_target)
            targets = [
                Target(page.title, index, path, subject_of(page).title, subject_of(page).charts)
                for index, (page, path) in enumerate(
                    zip(pages, sidebar_paths(tab, pages), strict=True)
                )
                if subject_of(page).error is None
            ]
            broken: dict[str, str] = {}

            def attempt(target: Target, measure: Callable[[], float], into: list[float]) -> None:
                if target.name in broken:
                    return
                try:
                    into.append(measure())
                except Exception as error:  # a page that never gets drawn: note it, go on
                    broken[target.name] = _short_error(error)
                    print(f"  ERROR browser {target.name}: {broken[target.name]}")

            warm: list[float] = []
            for target in targets:  # every page once, untimed: imports, caches, lazy code
                attempt(target, partial(open_url, tab, server.url, target), warm)

            load_before = load()
            opened: dict[str, list[float]] = {t.name: [] for t in targets}
            for _ in range(samples):
                for target in targets:
                    attempt(target, partial(open_url, tab, server.url, target), opened[target.name])

            # In-app navigation: click through the sidebar in order, round and round, so each
            # page is reached from the one before it (the first from the last).
            clicked: dict[str, list[float]] = {t.name: [] for t in targets}
            cycle = [t for t in targets if t.name not in broken]
            if len(cycle) > 1:
                open_url(tab, server.url, cycle[-1])
                for _ in range(samples):
                    for target in cycle:
                        attempt(target, partial(click_link, tab, target), clicked[target.name])
                        if target.name in broken:  # where the tab is now is unknown
                            open_url(tab, server.url, cycle[-1])
            result["pages"] = {
                t.name: {
                    "path": t.path,
                    "charts": t.charts,
                    "open_url": summary(opened[t.name]) if opened[t.name] else None,
                    "sidebar": summary(clicked[t.name]) if clicked[t.name] else None,
                    **({"error": broken[t.name]} if t.name in broken else {}),
                }
                for t in targets
            }
            result["pages_load"] = [load_before, load()]

            # Save check-in -> "Saved", on a freshly loaded check-in page each time.
            check_in = next(
                (t for t in targets if pages[t.link].file.endswith("check_in.py")), None
            )
            if check_in is not None and check_in.name not in broken:
                saves: list[float] = []
                for _ in range(samples + 1):  # the first save is a warm-up
                    attempt(check_in, partial(save_check_in, tab, server.url, check_in), saves)
                if len(saves) > 1:
                    result["save_check_in"] = summary(saves[1:])
            result["load_after"] = load()
            result["errors"] += [f"browser {name}: {error}" for name, error in broken.items()]
            context.close()
        except Exception as error:
            result["errors"].append(f"browser: {_short_error(error)}")
            print(f"  ERROR browser: {error}")
        finally:
            server.stop()
            browser.close()
    return result
