"""In a real browser, a routine named with a markdown image loads nothing and links nowhere.

Every free-text field of the diary holds `![t](http://127.0.0.1:PORT/track.png)`, where PORT
is a small server of the test's own that counts what reaches it. Every page is opened (and the
routine's history too): no request may go to that URL, no <img> or <a> of the payload may be
in the page, and the routine's name must be there as the text it was typed as.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from playwright.sync_api import Page, Request, expect

from sciatica.ui.pages import PAGES
from sciatica.ui.plain import WORD_JOINER
from tests.browser.conftest import StreamlitServer
from tests.browser.helpers import go_to, open_page, wait_idle
from tests.hostile import ALL_PAYLOADS, NAME_PAYLOADS, TRACKER, diary_with_text


def shown(text: str) -> str:
    """Text as a person reads it: the invisible word joiners `ui.plain` adds taken out."""
    return text.replace(WORD_JOINER, "")


class _Tracker(BaseHTTPRequestHandler):
    """Counts every request; answers each with a 1x1 GIF, as a real tracking pixel would."""

    hits: list[str]

    def do_GET(self) -> None:
        self.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/gif")
        self.end_headers()
        self.wfile.write(b"GIF89a\x01\x00\x01\x00\x00\x00\x00;")

    def log_message(self, *_args: Any) -> None:
        pass  # the test reads `hits`, not the log


@pytest.fixture
def tracker() -> Iterator[tuple[str, list[str]]]:
    """A tracking pixel's URL on 127.0.0.1, and the paths requested from it."""
    hits: list[str] = []
    handler = type("Tracker", (_Tracker,), {"hits": hits})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/track.png", hits
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def test_no_page_loads_or_links_the_url_in_a_routine_name(
    page: Page, server: StreamlitServer, tracker: tuple[str, list[str]]
) -> None:
    url, hits = tracker
    tracker_at = url.removesuffix("/track.png")  # its host and port
    name = f"![t]({url})"
    diary_with_text(server.database_url, name)
    requested: list[str] = []

    def seen(request: Request) -> None:
        requested.append(request.url)

    page.on("request", seen)
    open_page(page, server.url)
    for spec in PAGES:
        go_to(page, spec.title)
        if spec.title == "Routine":
            page.get_by_text("History of changes (1)").click()
            wait_idle(page)
            card = page.locator("[class*='st-key-routine_']").first
            expect(card).to_be_visible()
            assert name in shown(card.inner_text())
        if spec.title == "Today":
            assert f"Today: {name}" in shown(page.get_by_test_id("stMain").inner_text())
        payload = f"img[src*='{tracker_at}'], a[href*='{tracker_at}']"
        assert page.locator(payload).count() == 0, spec.title
    assert not [address for address in requested if "track.png" in address], requested
    assert hits == []


def test_every_kind_of_markup_shows_as_typed_and_draws_nothing(
    page: Page, server: StreamlitServer, tracker: tuple[str, list[str]]
) -> None:
    url, hits = tracker
    everything = ALL_PAYLOADS.replace(TRACKER, url)
    diary_with_text(server.database_url, everything, name=NAME_PAYLOADS)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    open_page(page, server.url)
    for spec in PAGES:
        go_to(page, spec.title)
        if spec.title == "Routine":
            page.get_by_text("History of changes (1)").click()
            wait_idle(page)
            card = shown(page.locator("[class*='st-key-routine_']").first.inner_text())
            assert NAME_PAYLOADS in card
            assert everything in card  # the history's sentence
        main = page.get_by_test_id("stMain")
        drawn = {
            "image": main.locator("img[src='x'], img[src*='track.png']"),
            "link": main.locator("a[href*='evil'], a[href*='track.png']"),
            "LaTeX": main.locator(".katex"),
            "bold": main.locator("strong", has_text=re.compile(r"^bold$")),
            "colour": main.locator("span", has_text=re.compile(r"^x$")),
        }
        assert {what: found.count() for what, found in drawn.items()} == dict.fromkeys(drawn, 0), (
            spec.title
        )
    assert not [address for address in requested if "track.png" in address], requested
    assert hits == []
