"""Browser tests: a real `streamlit run` server per test, a fresh SQLite file, and Chromium."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

from tests.browser.helpers import IDLE_TIMEOUT_MS, launch_chromium, wait_idle

__all__ = ["StreamlitServer", "wait_idle"]  # wait_idle lives in helpers.py, importable by tests

REPO_ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
STARTUP_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 10.0


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


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class StreamlitServer:
    """One `streamlit run app.py` process; restart() brings it back on the same database."""

    def __init__(self, *, database_url: str, log_dir: Path) -> None:
        self.database_url = database_url
        self.log_dir = log_dir
        self.port = 0
        self.url = ""
        self._process: subprocess.Popen[bytes] | None = None
        self._stderr_path = log_dir / "streamlit-0.err"
        self._starts = 0

    def start(self) -> None:
        """Start the server on a free port and wait until its health check answers ok."""
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._starts += 1
        env = {**os.environ, "SCIATICA_DATABASE_URL": self.database_url}
        self._stderr_path = self.log_dir / f"streamlit-{self._starts}.err"
        with (
            open(self.log_dir / f"streamlit-{self._starts}.out", "wb") as out,
            open(self._stderr_path, "wb") as err,
        ):
            self._process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "sciatica.ui.server",  # `streamlit run app.py`, as `make run` starts it
                    "--server.port",
                    str(self.port),
                    "--server.address",
                    "127.0.0.1",
                    "--server.headless",
                    "true",
                    "--browser.gatherUsageStats",
                    "false",
                    "--server.fileWatcherType",
                    "none",
                ],
                cwd=REPO_ROOT,
                env=env,
                stdout=out,
                stderr=err,
            )
        self._wait_healthy()

    def _wait_healthy(self) -> None:
        assert self._process is not None
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                pytest.fail(f"streamlit exited with {self._process.returncode}:\n{self.stderr()}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=1) as response:
                    if response.read().decode().strip() == "ok":
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.1)  # polling a process, not the page
        self.stop()
        pytest.fail(f"streamlit not healthy after {STARTUP_TIMEOUT_S:.0f} s:\n{self.stderr()}")

    def stderr(self) -> str:
        """What the server wrote to stderr so far."""
        return self._stderr_path.read_text(errors="replace")

    def stop(self) -> None:
        """Terminate the server, killing it if it does not exit in time."""
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=STOP_TIMEOUT_S)

    def restart(self) -> None:
        """Stop and start again on the same database (on a new port: update page URLs)."""
        self.stop()
        self.start()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[StreamlitServer]:
    """A freshly started app with its own empty SQLite database."""
    app = StreamlitServer(database_url=f"sqlite:///{tmp_path / 'test.db'}", log_dir=tmp_path)
    app.start()
    try:
        yield app
    finally:
        app.stop()


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright) -> Iterator[Browser]:
    browser = launch_chromium(playwright_instance)
    yield browser
    browser.close()


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A new browser context per test; a screenshot lands in artifacts/ when the test fails."""
    context = browser.new_context(
        viewport={"width": 1200, "height": 1000}, timezone_id="Europe/London", locale="en-GB"
    )
    context.set_default_timeout(IDLE_TIMEOUT_MS)
    page = context.new_page()
    yield page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        try:
            page.screenshot(path=ARTIFACTS / f"{request.node.name}.png", full_page=True)
        except Exception as error:  # a screenshot must never hide the real failure
            print(f"screenshot failed: {error}")
    context.close()
