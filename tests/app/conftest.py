"""AppTest fixtures: the real app.py against a fresh database per test."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_S = 30


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

    def _open(page: str) -> AppTest:
        app = start_app()
        if page != "pages/today.py":
            app.switch_page(page).run()
        return app

    return _open
