"""Progress through a real browser, on a diary written by `python -m sciatica demo-data`."""

from __future__ import annotations

import os
import subprocess
import sys

from playwright.sync_api import Page, expect

from tests.browser.conftest import REPO_ROOT, StreamlitServer
from tests.browser.helpers import go_to, open_page


def test_after_120_days_of_demo_data_progress_shows_the_summary_and_pain_chart(
    page: Page, server: StreamlitServer
) -> None:
    subprocess.run(
        [sys.executable, "-m", "sciatica", "demo-data", "--days", "120"],
        cwd=REPO_ROOT,
        env={**os.environ, "SCIATICA_DATABASE_URL": server.database_url},
        check=True,
        capture_output=True,
        timeout=60,
    )
    open_page(page, server.url)
    go_to(page, "Progress")
    expect(page.get_by_text("Your leg pain averaged")).to_be_visible()
    chart = page.get_by_test_id("stPlotlyChart").first
    expect(chart.locator(".main-svg").first).to_be_attached()
    expect(chart.get_by_text("Leg and back pain")).to_be_visible()
