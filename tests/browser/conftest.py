"""Browser tests: a real `streamlit run` server per module, an empty diary per test, Chromium."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from playwright.sync_api import Browser, Page, Playwright, expect, sync_playwright

from sciatica.storage.schema import metadata
from sciatica.ui.harness import ROOT, StreamlitServer, launch_chromium
from tests.browser.helpers import IDLE_TIMEOUT_MS, wait_idle
from tests.browser.identity import identity_provider, secrets_for

# The server and the browser come from sciatica/ui/harness.py, shared with the benchmark;
# tests import StreamlitServer and REPO_ROOT from here.
__all__ = ["REPO_ROOT", "StreamlitServer", "wait_idle"]

REPO_ROOT = ROOT
# Assertions wait as long as actions do: on a busy machine (the suite runs on every core) a
# page's rerun can take longer than Playwright's 5 s default.
expect.set_options(timeout=IDLE_TIMEOUT_MS)
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
_ELSEWHERE = re.compile(r"^https?://(?!(127\.0\.0\.1|localhost|\[::1\])[:/])")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test in this folder as a browser test."""
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> object:
    """Keep each phase's report on the item so fixtures can see whether the test failed."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def empty_diary(database_url: str) -> None:
    """Delete every row the app wrote, keeping the schema, so the next test starts on a new diary.

    Row numbers start again from 1 too (SQLite's AUTOINCREMENT counters), as in a new file.
    """
    engine = sa.create_engine(database_url)
    try:
        with engine.begin() as connection:
            tables = set(sa.inspect(connection).get_table_names())
            for table in reversed(metadata.sorted_tables):  # children before their parents
                if table.name in tables:
                    connection.execute(table.delete())
            if "sqlite_sequence" in tables:
                connection.exec_driver_sql("DELETE FROM sqlite_sequence")
    finally:
        engine.dispose()


def on_sqlite(folder: Path) -> StreamlitServer:
    """The app (not started) with its diary, a SQLite file, its backups and its logs in `folder`."""
    return StreamlitServer(
        data_dir=folder, database_url=f"sqlite:///{folder / 'test.db'}", log_dir=folder
    )


@pytest.fixture(scope="module")
def _module_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StreamlitServer]:
    """One server for a test module: starting one for each test cost seconds a test."""
    with on_sqlite(tmp_path_factory.mktemp("server")) as app:
        yield app


@pytest.fixture
def server(_module_server: StreamlitServer) -> StreamlitServer:
    """The module's app as a new person finds it: an empty diary and no backups.

    Each test has its own browser context, so its own Streamlit session; the diary is emptied
    before it, and a server a test stopped or restarted is running again.
    """
    if not _module_server.running:
        _module_server.start()
    empty_diary(_module_server.database_url)
    shutil.rmtree(_module_server.data_dir / "backups", ignore_errors=True)
    return _module_server


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[StreamlitServer]:
    """A server of this test's own, for a test that breaks it (drops a table, say)."""
    with on_sqlite(tmp_path) as app:
        yield app


@pytest.fixture(scope="module")
def issuer() -> Iterator[str]:
    """The OpenID Connect provider the login tests log in with, one per test module."""
    with identity_provider() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def app_with_logins(
    request: pytest.FixtureRequest, tmp_path: Path, issuer: str
) -> Iterator[StreamlitServer]:
    """The app with [auth] pointing at the provider, on a new database of each kind."""
    if request.param == "sqlite":
        database_url = f"sqlite:///{tmp_path / 'shared.db'}"
    else:
        database_url = request.getfixturevalue("migrated_postgres_url")
    server = StreamlitServer(
        data_dir=tmp_path,
        log_dir=tmp_path,
        database_url=database_url,
        secrets_file=secrets_for(tmp_path, issuer=issuer),
    )
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright) -> Iterator[Browser]:
    browser = launch_chromium(playwright_instance)
    yield browser
    browser.close()


def new_page(
    browser: Browser,
    *,
    width: int = 1200,
    height: int = 1000,
    phone: bool = False,
    timezone: str = "Europe/London",
    locale: str = "en-GB",
) -> Page:
    """A page in a browser context of its own: its own cookies, as another person's browser.

    `phone`: a mobile viewport with touch, as a phone's browser has.
    """
    context = browser.new_context(
        viewport={"width": width, "height": height},
        is_mobile=phone,
        has_touch=phone,
        timezone_id=timezone,
        locale=locale,
    )
    context.set_default_timeout(IDLE_TIMEOUT_MS)
    return context.new_page()


def close_page(page: Page, request: pytest.FixtureRequest, name: str) -> None:
    """Close the page's context, with a screenshot in artifacts/ when the test failed."""
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        try:
            page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)
        except Exception as error:  # a screenshot must never hide the real failure
            print(f"screenshot failed: {error}")
    page.context.close()


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A new browser context per test; a screenshot lands in artifacts/ when the test fails."""
    page = new_page(browser)
    yield page
    close_page(page, request, request.node.name)


PHONE_WIDTH, PHONE_HEIGHT = 375, 812  # a small phone's screen, in CSS pixels
PHONE_ZONE = "Europe/London"


@pytest.fixture
def phone(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A phone's browser: 375 x 812, touch, en-GB, in London."""
    page = new_page(
        browser, width=PHONE_WIDTH, height=PHONE_HEIGHT, phone=True, timezone=PHONE_ZONE
    )
    yield page
    close_page(page, request, request.node.name)


@pytest.fixture
def visitors(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Callable[[], Page]]:
    """Make a page for each person in a test, each in its own browser context.

    Requests to any host but this computer are refused at once: a page served here (an
    identity provider's) may name a stylesheet elsewhere, and this machine reaches no network.
    """
    pages: list[Page] = []

    def visitor() -> Page:
        page = new_page(browser)
        page.context.route(_ELSEWHERE, lambda route: route.abort())
        pages.append(page)
        return page

    yield visitor
    for number, page in enumerate(pages, start=1):
        close_page(page, request, f"{request.node.name}-{number}")
