"""A plain `streamlit run app.py --server.address 0.0.0.0` shows no diary without logins.

`python -m sciatica.ui.server` refuses to start on such an address (tests/integration/
test_server.py); plain `streamlit run` starts anyway, so opening the diary (`sciatica.ui.store`,
which app.py and every page ask for first) refuses on every run instead. Plain `streamlit run`
also serves each file of pages/ on its own until app.py has run once: those refuse too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from sciatica.i18n import _
from sciatica.ui import OPEN_NETWORK_REFUSED
from sciatica.ui.plain import plain
from tests.app.conftest import checked, run_through_app_py, serve_on

ROOT = Path(__file__).resolve().parents[2]
AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "x" * 32,
    "client_id": "id",
    "client_secret": "secret",
    "server_metadata_url": "https://login.example/.well-known/openid-configuration",
}

# Nothing here depends on the date: the awkward-moment runs leave it out.
pytestmark = pytest.mark.timeless


@pytest.fixture
def diary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where the diary would be: a SQLite file that opening the app would create."""
    path = tmp_path / "diary.db"
    monkeypatch.setenv("SCIATICA_DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.delenv("SCIATICA_ALLOW_OPEN_NETWORK", raising=False)
    monkeypatch.chdir(ROOT)
    run_through_app_py(monkeypatch)
    return path


def app() -> AppTest:
    return checked(AppTest.from_file(str(ROOT / "app.py"), default_timeout=30))


@pytest.mark.parametrize("address", ["0.0.0.0", "192.168.1.20", None])
def test_an_open_address_without_logins_shows_why_and_nothing_of_the_diary(
    diary_file: Path, address: str | None
) -> None:
    serve_on(address)
    at = app().run()
    assert not at.exception
    assert [error.value for error in at.error] == [plain(_(OPEN_NETWORK_REFUSED))]
    assert "SCIATICA_ALLOW_OPEN_NETWORK=1" in at.error[0].value.replace("\\", "")
    assert not at.button  # no check-in, no flare-up entry, no login: nothing to press
    assert not diary_file.exists(), "the diary was not even opened"
    at.run()  # every run, not only the first
    assert len(at.error) == 1


def test_the_operators_setting_opens_the_diary_on_the_network(
    diary_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SCIATICA_ALLOW_OPEN_NETWORK", "1")
    serve_on("0.0.0.0")
    at = app().run()
    assert not at.exception
    assert not at.error
    assert [title.value for title in at.title] == ["Today"]
    assert diary_file.exists()


def test_with_logins_an_open_address_asks_for_a_login(diary_file: Path) -> None:
    serve_on("0.0.0.0")
    at = app()
    at.secrets["auth"] = AUTH
    at.user = {"is_logged_in": False}
    at.run()
    assert not at.exception
    assert not at.error
    assert [button.label for button in at.button] == ["Log in"]
    assert not diary_file.exists()


@pytest.mark.parametrize("page", ["pages/my_data.py", "pages/check_in.py", "pages/progress.py"])
def test_a_page_run_on_its_own_on_an_open_address_refuses_too(diary_file: Path, page: str) -> None:
    serve_on("0.0.0.0")
    at = checked(AppTest.from_file(str(ROOT / page), default_timeout=30)).run()
    assert not at.exception
    assert [error.value for error in at.error] == [plain(_(OPEN_NETWORK_REFUSED))]
    assert not at.button
    assert not diary_file.exists()
