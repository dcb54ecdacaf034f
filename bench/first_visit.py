"""The first page in a fresh browser, at a phone's size and a desktop's.

Each sample opens the app's root URL in a new browser context: it shares no HTTP cache, cookie
or session with any other, so the browser fetches Streamlit's front-end (its JavaScript, CSS
and fonts) anew, as someone opening the app for the first time does. The server is warm
(started once, the page opened once untimed), so the figure is what the person waits for, not
the server's start-up (startup.py times that). Timed in the page's own clock, from navigation
start until Today is idle and drawn (tab.wait_ready): its title, its chart, and on a phone the
worded navigation above it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench.histories import History
from bench.samples import load, summary
from bench.tab import Target, open_url
from sciatica.ui.harness import StreamlitServer, launch_chromium

SIZES: dict[str, dict[str, Any]] = {
    "375x812": {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True},
    "1280x900": {"viewport": {"width": 1280, "height": 900}},
}
TIMEOUT_MS = 30_000
# Today, at the root URL: its English title, and the week's leg-pain chart a history draws.
HOME = Target(name="Today", link=0, path="/", title="Today", charts=1)


def measure_first_visit(history: History, *, samples: int, log_dir: Path) -> dict[str, Any]:
    """Median time to the first page drawn in a fresh browser context, at each size."""
    from playwright.sync_api import sync_playwright

    server = StreamlitServer(data_dir=history.data_dir, database_url=history.url, log_dir=log_dir)
    result: dict[str, Any] = {"history": history.name, "samples": samples, "sizes": {}}
    server.start()
    try:
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            result["chromium"] = browser.version
            try:
                warm = browser.new_context(**SIZES["1280x900"])
                open_url(warm.new_page(), server.url, HOME)  # the server's first run, untimed
                warm.close()
                result["load_before"] = load()
                for size, options in SIZES.items():
                    timed = []
                    for _ in range(samples):
                        context = browser.new_context(locale="en-GB", **options)
                        context.set_default_timeout(TIMEOUT_MS)
                        timed.append(open_url(context.new_page(), server.url, HOME))
                        context.close()
                    result["sizes"][size] = summary(timed)
                result["load_after"] = load()
            finally:
                browser.close()
    finally:
        server.stop()
    return result
