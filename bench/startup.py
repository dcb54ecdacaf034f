"""Start-up: from starting the server process to health ok, and to the first page drawn.

Each start is timed in a fresh browser context, so the browser fetches Streamlit's front-end
anew, as a first visitor's would.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from bench.samples import median
from bench.tab import Target, open_url
from sciatica.ui.harness import StreamlitServer

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext
    from playwright.sync_api import Page as Tab


def measure_startup(
    server: StreamlitServer,
    new_tab: Callable[[], tuple[BrowserContext, Tab]],
    home: Target,
    *,
    startups: int,
) -> dict[str, Any]:
    """Start the server `startups` times (it is left running); medians and every sample."""
    startup = []
    for start_number in range(startups):
        if start_number:
            server.stop()
        context, tab = new_tab()
        server.start()
        healthy = time.perf_counter()
        open_url(tab, server.url, home)
        served = time.perf_counter()
        startup.append(
            {
                "health_ms": round((healthy - server.launched_at) * 1000, 1),
                "first_page_ms": round((served - server.launched_at) * 1000, 1),
            }
        )
        context.close()
    return {
        "health_ms": median([s["health_ms"] for s in startup]),
        "first_page_ms": median([s["first_page_ms"] for s in startup]),
        "n": len(startup),
        "samples": startup,
    }
