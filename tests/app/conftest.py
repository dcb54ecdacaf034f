"""AppTest fixtures: the real app.py against a fresh database per test."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_S = 30


@pytest.fixture
def open_page(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], AppTest]:
    """Run app.py, then switch to a page file such as 'pages/check_in.py'."""
    monkeypatch.setenv("SCIATICA_DATABASE_URL", database_url)
    monkeypatch.chdir(ROOT)

    def _open(page: str) -> AppTest:
        app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT_S)
        app.run()
        assert not app.exception
        if page != "pages/today.py":
            app.switch_page(page).run()
        return app

    return _open
