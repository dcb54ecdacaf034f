"""A browser's time zone is used only when it is a known IANA name of sane length.

Anything else (a name of 300 characters, which ZoneInfo fails on with "File name too long", a
path, the server's own "localtime") leaves days to the configured zone (SCIATICA_TIMEZONE) or
the server's, every page opens, and a quiet note says so.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
import streamlit
from streamlit.runtime.context import ContextProxy
from streamlit.testing.v1 import AppTest

from sciatica import clock
from sciatica.ui.pages import PAGES
from tests.factories import today

NOTE = "Your browser did not give a time zone the app knows, so days here follow {zone}."
ODD_ZONES = ["A" * 300, "Europe/" + "x" * 250, "../../../etc/passwd", "localtime", "Not/AZone"]


def browser_zone(monkeypatch: pytest.MonkeyPatch, zone: str) -> None:
    """The browser reports `zone` as its time zone (AppTest reports none of its own)."""

    class Reported(ContextProxy):
        @property
        def timezone(self) -> str:
            return zone

    monkeypatch.setattr(streamlit, "context", Reported())


@pytest.mark.parametrize("zone", ODD_ZONES)
def test_every_page_opens_with_a_time_zone_the_app_does_not_know(
    open_page: Callable[[str], AppTest], monkeypatch: pytest.MonkeyPatch, zone: str
) -> None:
    browser_zone(monkeypatch, zone)
    monkeypatch.setenv("SCIATICA_TIMEZONE", "Pacific/Kiritimati")
    configured = clock.today("Pacific/Kiritimati")
    app = open_page("pages/check_in.py")
    assert not app.exception
    note = NOTE.format(zone="Pacific/Kiritimati")
    assert note in app.caption.values
    assert app.date_input(key="check_in_day").value == configured
    for page in PAGES:
        app.switch_page(page.file).run()
        assert not app.exception, page.file
        assert note in app.caption.values, page.file


def test_without_a_configured_zone_days_follow_the_server_s(
    open_page: Callable[[str], AppTest], monkeypatch: pytest.MonkeyPatch
) -> None:
    browser_zone(monkeypatch, "A" * 300)
    app = open_page("pages/check_in.py")
    assert not app.exception
    assert any(value.startswith(NOTE.split("{zone}")[0]) for value in app.caption.values)
    assert app.date_input(key="check_in_day").value == today()


def test_a_known_zone_is_used_without_a_note(
    open_page: Callable[[str], AppTest], monkeypatch: pytest.MonkeyPatch
) -> None:
    browser_zone(monkeypatch, "Pacific/Kiritimati")
    app = open_page("pages/check_in.py")
    assert not app.exception
    assert not [value for value in app.caption.values if "time zone" in value]
    assert app.date_input(key="check_in_day").value == clock.today("Pacific/Kiritimati")
