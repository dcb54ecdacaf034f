"""A flare-up from Today on a phone: two taps and the value, saved in view, on Progress at once."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from playwright.sync_api import Page, expect

from sciatica import clock
from tests.browser.conftest import PHONE_ZONE, REPO_ROOT, StreamlitServer
from tests.browser.helpers import open_page, wait_idle

ZONE = PHONE_ZONE


def two_weeks_of_check_ins(server: StreamlitServer) -> None:
    """Demo check-ins up to today, without flare-ups of their own."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "sciatica",
            "--timezone",
            ZONE,
            "demo-data",
            "--days",
            "14",
            "--flares-per-day",
            "0",
        ],
        cwd=REPO_ROOT,
        env={**os.environ, "SCIATICA_DATABASE_URL": server.database_url},
        check=True,
        capture_output=True,
        timeout=60,
    )


def test_leg_pain_7_after_sitting_in_two_taps_is_saved_in_view_and_on_progress(
    phone: Page, server: StreamlitServer
) -> None:
    page = phone
    two_weeks_of_check_ins(server)
    open_page(page, server.url)
    page.get_by_role("button", name="Save and continue").click()  # About me, on first use
    wait_idle(page)

    start = page.get_by_role("radiogroup", name=re.compile(r"Log a flare-up: leg pain now"))
    start.get_by_role("radio", name="7", exact=True).click()  # the value; it opens the form
    wait_idle(page)
    chosen = page.get_by_role("radiogroup", name="Leg pain now", exact=True)
    expect(chosen.get_by_role("radio", name="7", exact=True)).to_have_attribute(
        "aria-checked", "true"
    )
    page.get_by_role("button", name="Sitting", exact=True).click()  # tap 1
    page.get_by_role("button", name="Save flare-up").click()  # tap 2
    saved = page.get_by_text(re.compile(r"^Saved: leg pain 7 at \d\d:\d\d, after sitting\.$"))
    expect(saved).to_be_visible()
    wait_idle(page)
    expect(saved).to_be_in_viewport()
    expect(page.get_by_text(re.compile(r"^Today: leg pain 7 at "))).to_be_visible()
    # Now by default: the time of the tap, where the person is.
    hours, minutes = map(int, re.findall(r"\d\d", saved.inner_text())[:2])
    # The server saved the moment of the tap by the real clock; the browser reads the same one
    # (the test's own clock is frozen at the start of the run).
    now_hours, now_minutes = page.evaluate(
        f"""() => new Date().toLocaleTimeString("en-GB", {{timeZone: "{ZONE}", hour12: false}})
            .split(":").slice(0, 2).map(Number)"""
    )
    gap = abs((now_hours * 60 + now_minutes) - (hours * 60 + minutes)) % (24 * 60)
    assert min(gap, 24 * 60 - gap) <= 2

    open_page(page, f"{server.url}/progress")  # on a phone the sidebar is folded away
    today = clock.today(ZONE)
    day = f"{today:%a} {today.day} {today:%b}"
    sentence = page.get_by_text(re.compile(rf"With 1 flare-up on {day}, your leg pain that day"))
    expect(sentence).to_be_visible()
    expect(sentence).to_contain_text(re.compile(r"(ranged from \d+ to 7/10|was 7/10)\."))
    chart = page.get_by_test_id("stPlotlyChart").first
    expect(chart.locator(".legendtext", has_text="Day's range, with flare-ups")).to_be_attached()
