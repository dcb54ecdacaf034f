"""Who can open the diary: `python -m sciatica.ui.server`, as `make run` starts it, for real.

Each server runs from an empty folder with its own HOME, so only the app's .streamlit/config.toml
(beside app.py) and the options given here decide where it listens, as on a fresh machine.
"""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from sciatica.ui.harness import ROOT, environment_with, free_port
from sciatica.ui.server import EXIT_REFUSED

# Nothing here depends on the date: the awkward-moment runs leave it out.
pytestmark = pytest.mark.timeless

STARTUP_TIMEOUT_S = 60.0
PROC_NET = (Path("/proc/net/tcp"), Path("/proc/net/tcp6"))
LISTEN = "0A"
needs_proc_net = pytest.mark.skipif(
    not PROC_NET[0].exists(), reason="reads listening sockets from Linux's /proc/net/tcp"
)


def listening_addresses(port: int) -> set[str]:
    """The local addresses with a TCP socket listening on `port`, from /proc/net/tcp{,6}."""
    found = set()
    for table in PROC_NET:
        if not table.exists():
            continue
        for line in table.read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, port_hex = local.split(":")
            if state == LISTEN and int(port_hex, 16) == port:
                found.add(_address(address))
    return found


def _address(hex_address: str) -> str:
    # The kernel prints each 32-bit word of the address in the machine's (little-endian) order.
    words = [bytes.fromhex(hex_address[i : i + 8])[::-1] for i in range(0, len(hex_address), 8)]
    packed = b"".join(words)
    if len(packed) == 4:
        return ".".join(str(byte) for byte in packed)
    return ":".join(packed[i : i + 2].hex() for i in range(0, 16, 2))


def server_command(port: int, *options: str) -> list[str]:
    command = [sys.executable, "-m", "sciatica.ui.server", "--server.port", str(port)]
    return [*command, "--server.headless", "true", "--server.fileWatcherType", "none", *options]


def server_environment(tmp_path: Path, **settings: str) -> dict[str, str]:
    """No SCIATICA_* or STREAMLIT_* of the developer's, and a HOME without a ~/.streamlit."""
    inherited = environment_with({})
    for name in [name for name in inherited if name.startswith("STREAMLIT_")]:
        del inherited[name]
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    return {
        **inherited,
        "HOME": str(home),
        "PYTHONPATH": str(ROOT),
        "SCIATICA_DATA_DIR": str(tmp_path / "data"),
        **settings,
    }


@contextmanager
def running_server(tmp_path: Path, *options: str, **settings: str) -> Iterator[int]:
    """A server started from an empty folder; yields its port once it answers on 127.0.0.1."""
    port = free_port()
    errors = tmp_path / f"server-{port}.err"
    with errors.open("wb") as err:
        process = subprocess.Popen(
            server_command(port, *options),
            cwd=tmp_path,
            env=server_environment(tmp_path, **settings),
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while not _healthy(port):
            assert process.poll() is None, errors.read_text()
            assert time.monotonic() < deadline, f"not healthy in time:\n{errors.read_text()}"
            time.sleep(0.1)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def _healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1) as answer:
            return bool(answer.read().decode().strip() == "ok")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def refused_start(
    tmp_path: Path, *options: str, **settings: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        server_command(free_port(), *options),
        cwd=tmp_path,
        env=server_environment(tmp_path, **settings),
        capture_output=True,
        text=True,
        timeout=STARTUP_TIMEOUT_S,
        check=False,
    )


@needs_proc_net
def test_the_server_listens_on_this_computer_only_by_default(tmp_path: Path) -> None:
    with running_server(tmp_path) as port:
        assert listening_addresses(port) == {"127.0.0.1"}


@needs_proc_net
@pytest.mark.parametrize("opened_by", ["the operator's setting", "logins"])
def test_the_server_listens_on_the_network_when_the_operator_or_logins_allow_it(
    tmp_path: Path, opened_by: str
) -> None:
    settings = {}
    if opened_by == "logins":
        secrets = tmp_path / ".streamlit" / "secrets.toml"
        secrets.parent.mkdir()
        secrets.write_text('[auth]\nredirect_uri = "http://localhost/oauth2callback"\n')
    else:
        settings["SCIATICA_ALLOW_OPEN_NETWORK"] = "1"
    with running_server(tmp_path, "--server.address", "0.0.0.0", **settings) as port:
        assert listening_addresses(port) == {"0.0.0.0"}


@pytest.mark.parametrize("address", ["0.0.0.0", "::", "192.168.1.20"])
def test_the_server_refuses_to_listen_on_the_network_without_logins(
    tmp_path: Path, address: str
) -> None:
    result = refused_start(tmp_path, "--server.address", address)
    assert result.returncode == EXIT_REFUSED
    assert f"Not starting: the server would listen on {address}" in result.stderr
    assert "SCIATICA_ALLOW_OPEN_NETWORK=1" in result.stderr


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:"])
def test_an_in_memory_database_stops_the_server_before_it_starts(tmp_path: Path, url: str) -> None:
    result = refused_start(tmp_path, SCIATICA_DATABASE_URL=url)
    assert result.returncode == EXIT_REFUSED
    assert "is an in-memory SQLite database" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_server_says_where_to_open_the_app_once_it_answers(tmp_path: Path) -> None:
    port = free_port()
    output = tmp_path / "server.out"
    with output.open("wb") as out:
        process = subprocess.Popen(
            server_command(port),
            cwd=tmp_path,
            env=server_environment(tmp_path),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    ready = f"The app is ready at http://localhost:{port} (on this computer only)."
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while ready not in output.read_text():
            assert process.poll() is None, output.read_text()
            assert time.monotonic() < deadline, f"no ready line in time:\n{output.read_text()}"
            time.sleep(0.1)
        assert _healthy(port)
        assert "You can now view your Streamlit app" not in output.read_text()
    finally:
        process.terminate()
        process.wait(timeout=10)
