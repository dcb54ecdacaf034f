"""When something fails on the server, the browser shows a calm sentence, never a traceback."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from playwright.sync_api import Page, expect

from tests.browser.conftest import StreamlitServer
from tests.browser.helpers import open_page


def test_a_page_whose_query_fails_says_nothing_was_lost_and_shows_no_sql(
    page: Page, own_server: StreamlitServer
) -> None:
    open_page(page, own_server.url)  # the first visit creates the diary's tables
    expect(page.get_by_role("heading", name="Today", level=1)).to_be_visible()
    with closing(sqlite3.connect(own_server.data_dir / "test.db")) as diary:
        diary.execute("DROP TABLE check_ins")

    open_page(page, f"{own_server.url}/data")

    expect(
        page.get_by_text("Something went wrong on this page; nothing in your diary")
    ).to_be_visible()
    shown = page.get_by_test_id("stMain").inner_text()
    assert "no such table" not in shown
    assert "Traceback" not in shown
    assert str(own_server.data_dir) not in shown
    assert "no such table: check_ins" in own_server.stderr(last=20_000)


def test_a_daily_backup_that_cannot_be_written_is_a_calm_note_on_my_data(
    page: Page, own_server: StreamlitServer
) -> None:
    (own_server.data_dir / "backups").write_text("a file where the backup folder should be")

    open_page(page, f"{own_server.url}/data")

    expect(page.get_by_role("heading", name="My data", level=1)).to_be_visible()
    expect(page.get_by_text("Today's automatic backup was not made.")).to_be_visible()
    expect(page.get_by_text("Your diary itself is safe")).to_be_visible()
    expect(page.get_by_text("Something went wrong")).to_have_count(0)
