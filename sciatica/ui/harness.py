"""The app under remote control: a real server process and headless Chromium.

Used by the browser tests (tests/browser) and the benchmark (bench/), never by the app itself.

Why it lives here: it starts `python -m sciatica.ui.server` and knows the server's health
endpoint, so it belongs beside server.py; tests and bench sit above `sciatica` and may both
import it, while bench must not import from tests. It imports nothing from the app and neither
Streamlit nor Playwright at run time (Playwright is a dev dependency and appears here only in
type hints; callers pass in their own Playwright instance), so installing the app does not
need the test tools, and importing this module starts nothing.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright

ROOT = Path(__file__).resolve().parents[2]
STOP_TIMEOUT_S = 10.0
_HEALTH_POLL_S = 0.02  # polling a local process: cheap, and start-up is timed by the benchmark

# Debian's Chromium where it is installed (Playwright cannot download its own there), launched
# with the flags this sandbox needs: no background traffic to hosts it cannot reach.
SYSTEM_CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class ServerFailed(RuntimeError):
    """The server exited or did not answer its health check in time."""


def launch_chromium(playwright: Playwright) -> Browser:
    """Headless Chromium: the system's where there is one, else Playwright's own."""
    executable = str(SYSTEM_CHROMIUM) if SYSTEM_CHROMIUM.exists() else None
    return playwright.chromium.launch(headless=True, executable_path=executable, args=CHROMIUM_ARGS)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def environment_with(settings: Mapping[str, str]) -> dict[str, str]:
    """This process's environment with `settings` in place of any SCIATICA_* of its own.

    For the server and for anything that writes its diary: the developer's own settings
    (their diary's folder or database) never reach them.
    """
    inherited = {k: v for k, v in os.environ.items() if not k.startswith("SCIATICA_")}
    return {**inherited, **settings}


class StreamlitServer:
    """`python -m sciatica.ui.server`, as `make run` starts it, on a free port of 127.0.0.1.

    The diary is a SQLite file in `data_dir` unless `database_url` names another; backups go
    to `data_dir` too. With `secrets_file`, Streamlit reads its secrets (an [auth] section
    turns logins on) from that file alone. `host_names` is SCIATICA_HOST_NAMES: the names it
    answers to besides its own, such as a load balancer's address in front of it. restart()
    brings the server back on the same database.
    """

    def __init__(
        self,
        *,
        data_dir: Path,
        log_dir: Path,
        database_url: str | None = None,
        secrets_file: Path | None = None,
        host_names: str = "",
        startup_timeout_s: float = 30.0,
    ) -> None:
        self.data_dir = data_dir
        self.log_dir = log_dir
        self.database_url = database_url or f"sqlite:///{data_dir / 'sciatica.db'}"
        self.secrets_file = secrets_file
        self.host_names = host_names
        self.startup_timeout_s = startup_timeout_s
        self.port = 0
        self.url = ""
        self.launched_at = 0.0  # time.perf_counter() when the process was last started
        self._process: subprocess.Popen[bytes] | None = None
        self._starts = 0

    def start(self, *, attempts: int = 3) -> None:
        """Start the server on a free port and wait until its health check answers ok.

        A port found free can be taken by another process (a test running beside this one)
        before the server binds it; then the server starts again on another.
        """
        for attempt in range(1, attempts + 1):
            try:
                self._start_once()
                return
            except ServerFailed as error:
                if attempt == attempts or "is not available" not in str(error):
                    raise

    def _start_once(self) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._starts += 1
        command = [sys.executable, "-m", "sciatica.ui.server", "--server.port", str(self.port)]
        command += ["--server.address", "127.0.0.1", "--server.headless", "true"]
        command += ["--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
        if self.secrets_file is not None:
            command += ["--secrets.files", str(self.secrets_file)]
        env = environment_with(
            {
                "SCIATICA_DATA_DIR": str(self.data_dir),
                "SCIATICA_DATABASE_URL": self.database_url,
                "SCIATICA_HOST_NAMES": self.host_names,
            }
        )
        with (
            open(self._log(".out"), "wb") as out,
            open(self._log(".err"), "wb") as err,
        ):
            self.launched_at = time.perf_counter()
            self._process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=err)
        self._wait_healthy(self._process)

    def _log(self, suffix: str) -> Path:
        return self.log_dir / f"streamlit-{self._starts}{suffix}"

    def _wait_healthy(self, process: subprocess.Popen[bytes]) -> None:
        deadline = self.launched_at + self.startup_timeout_s
        while time.perf_counter() < deadline:
            if process.poll() is not None:
                raise ServerFailed(f"streamlit exited with {process.returncode}:\n{self.stderr()}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=1) as answer:
                    if answer.read().decode().strip() == "ok":
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(_HEALTH_POLL_S)
        self.stop()
        raise ServerFailed(
            f"streamlit not healthy after {self.startup_timeout_s:.0f} s:\n{self.stderr()}"
        )

    def stderr(self, *, last: int = 3000) -> str:
        """The last characters the server wrote to stderr since it was last started."""
        return self._log(".err").read_text(errors="replace")[-last:]

    @property
    def running(self) -> bool:
        """Whether the server process was started and has not exited."""
        return self._process is not None and self._process.poll() is None

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

    def __enter__(self) -> StreamlitServer:
        """`with server:` starts it, and stops it on the way out however the block ends."""
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def restart(self) -> None:
        """Stop and start again on the same database (on a new port: update page URLs)."""
        self.stop()
        self.start()
