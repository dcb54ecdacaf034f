"""My data through a real browser: the downloads hold the diary, an upload comes back."""

from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.browser.conftest import StreamlitServer
from tests.browser.helpers import go_to, open_page, save_check_in, set_slider, wait_idle


def test_the_json_download_holds_the_saved_check_in_and_imports_back(
    page: Page, server: StreamlitServer, tmp_path: Path
) -> None:
    open_page(page, server.url)
    go_to(page, "Check-in")
    set_slider(page, "Leg pain", 6)
    save_check_in(page)

    open_page(page, f"{server.url}/data")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download everything (JSON)").click()
    saved = tmp_path / "diary.json"
    download.value.save_as(saved)
    exported = json.loads(saved.read_text())
    assert [entry["leg_pain"] for entry in exported["check_ins"]] == [6]

    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(saved))
    wait_idle(page)
    expect(page.get_by_text("The file holds 1 check-in, ")).to_be_visible()
    expect(page.get_by_text("1 of these days is already in your diary")).to_be_visible()
