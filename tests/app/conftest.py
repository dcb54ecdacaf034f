"""AppTest fixtures: the real app.py against a fresh database per test."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from streamlit import config
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest, app_test

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_S = 30


class _NavigationPagesManager(PagesManager):
    """Pages come from app.py's st.navigation only, on every run, as on the real server.

    AppTest resets Streamlit's "legacy pages/ folder" flag before each run, so a rerun on a
    page would execute that page's file alone, skipping app.py (and with it the login check,
    the page config and the navigation). sciatica/ui/server.py sets the same flag for the real
    server.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        PagesManager.uses_pages_directory = False
        super().__init__(*args, **kwargs)


@pytest.fixture(autouse=True)
def _main_module_kept() -> Iterator[None]:
    """Whatever a script run leaves as `__main__`, the test process gets its own back.

    Streamlit runs app.py as a module named `__main__`; left in place, a later test that starts
    processes with multiprocessing's "spawn" would have each child run app.py first, in bare
    mode, and fail there.
    """
    main = sys.modules["__main__"]
    yield
    sys.modules["__main__"] = main


@pytest.fixture(autouse=True)
def _error_details() -> Iterator[None]:
    """Page errors reach the test as exceptions, as in development ("full" details).

    config.toml hides them from users behind a calm message (sciatica.ui.run_page); a test of
    that message sets "none" itself with `show_error_details`.
    """
    before = config.get_option("client.showErrorDetails")
    config.set_option("client.showErrorDetails", "full")
    yield
    config.set_option("client.showErrorDetails", before)


@pytest.fixture(autouse=True)
def _served_on_this_computer() -> Iterator[None]:
    """The app runs as config.toml serves it, on 127.0.0.1, wherever the tests start.

    Without logins the app shows nothing on an open address (sciatica.ui.refuse_open_network);
    a test of that sets another address itself with `serve_on`.
    """
    before = config.get_option("server.address")
    config.set_option("server.address", "127.0.0.1")
    yield
    config.set_option("server.address", before)


def serve_on(address: str | None) -> None:
    """Set server.address for this test (reset by the fixture above)."""
    config.set_option("server.address", address)


def show_error_details(value: str) -> None:
    """Set client.showErrorDetails for this test (reset by the fixture above)."""
    config.set_option("client.showErrorDetails", value)


def run_through_app_py(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every AppTest run, not only the first, go through app.py."""
    monkeypatch.setattr(app_test, "PagesManager", _NavigationPagesManager)
    monkeypatch.setattr(PagesManager, "uses_pages_directory", None)


def checked(app: AppTest) -> AppTest:
    """Make every run of the app (clicks, switch_page, set_value) fail on an uncaught error."""
    run = app._run

    def run_and_check(*args: object, **kwargs: object) -> AppTest:
        result = run(*args, **kwargs)  # type: ignore[arg-type]
        assert not result.exception, [error.message for error in result.exception]
        return result

    app._run = run_and_check  # type: ignore[method-assign]
    return app


def start_app() -> AppTest:
    """app.py, run once, with every later run checked for errors."""
    app = checked(AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT_S))
    app.run()
    return app


@pytest.fixture
def open_page(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], AppTest]:
    """Run app.py, then switch to a page file such as 'pages/check_in.py'."""
    monkeypatch.setenv("SCIATICA_DATABASE_URL", database_url)
    monkeypatch.chdir(ROOT)
    run_through_app_py(monkeypatch)

    def _open(page: str) -> AppTest:
        app = start_app()
        if page != "pages/today.py":
            app.switch_page(page).run()
        return app

    return _open
