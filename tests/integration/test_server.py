"""Who can open the diary: `python -m sciatica.ui.server`, as `make run` starts it, for real.

Each server runs from an empty folder with its own HOME, so only the app's .streamlit/config.toml
(beside app.py) and the options given here decide where it listens, as on a fresh machine.
"""

from __future__ import annotations

import base64
import os
import socket
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


COMPLETE_AUTH = (
    "[auth]\n"
    'redirect_uri = "http://localhost/oauth2callback"\n'
    'cookie_secret = "a long random string, the same on every replica"\n'
    'client_id = "sciatica"\n'
    'client_secret = "any"\n'
    'server_metadata_url = "https://id.example.org/.well-known/openid-configuration"\n'
)


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
        secrets.write_text(COMPLETE_AUTH)
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


def secrets_file(tmp_path: Path, text: str) -> None:
    secrets = tmp_path / ".streamlit" / "secrets.toml"
    secrets.parent.mkdir(exist_ok=True)
    secrets.write_text(text)


@pytest.mark.parametrize(
    ("auth", "missing"),
    [
        ("[auth]\n", "redirect_uri, cookie_secret, client_id, client_secret, server_metadata_url"),
        ('[auth]\nredirect_uri = "http://localhost/oauth2callback"\n', "cookie_secret, client_id"),
        (COMPLETE_AUTH.replace('client_secret = "any"', 'client_secret = ""'), "client_secret"),
    ],
)
@pytest.mark.parametrize("address", ["0.0.0.0", "127.0.0.1"])
def test_an_incomplete_auth_section_stops_the_server_and_says_which_keys_it_lacks(
    tmp_path: Path, auth: str, missing: str, address: str
) -> None:
    secrets_file(tmp_path, auth)
    result = refused_start(tmp_path, "--server.address", address)
    assert result.returncode == EXIT_REFUSED
    assert "Not starting: Logins are not set up completely" in result.stderr
    assert f"lacks {missing}" in result.stderr
    assert "Traceback" not in result.stderr


def http_status(port: int, host: str, path: str = "/") -> int:
    """The status of a GET for `path` naming `host` in its Host header, sent as raw bytes."""
    request = f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n"
    return int(raw_exchange(port, request).split()[1])


def websocket_status(port: int, host: str) -> int:
    """The status of a WebSocket handshake for the app's stream, naming `host` and its origin."""
    key = base64.b64encode(os.urandom(16)).decode()
    request = (
        f"GET /_stcore/stream HTTP/1.1\r\nHost: {host}\r\nOrigin: http://{host}\r\n"
        "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
        f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Protocol: streamlit\r\n"
    )
    return int(raw_exchange(port, request).split()[1])


def raw_exchange(port: int, head: str) -> str:
    """Send a request's head (no body) to 127.0.0.1:port; the first line of the answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall((head + "\r\n").encode("latin-1"))
        answer = b""
        while b"\r\n" not in answer:
            chunk = connection.recv(4096)
            if not chunk:
                break
            answer += chunk
    return answer.split(b"\r\n", 1)[0].decode("latin-1")


def test_the_server_answers_only_its_own_name_over_http_and_websocket(tmp_path: Path) -> None:
    with running_server(tmp_path, SCIATICA_HOST_NAMES="diary.example.org") as port:
        for own in (f"127.0.0.1:{port}", f"localhost:{port}", f"LOCALHOST:{port}", f"[::1]:{port}"):
            assert http_status(port, own) == 200, own
            assert http_status(port, own, "/_stcore/health") == 200, own
            assert websocket_status(port, own) == 101, own
        assert http_status(port, "diary.example.org") == 200  # the clinic's configured name
        assert websocket_status(port, "diary.example.org:443") == 101
        for other in (
            f"evil.example:{port}",
            "evil.example",
            f"127.0.0.1:{port + 1}",
            "localhost",
            f"localhost.evil.example:{port}",
            f"127.0.0.1:{port}@evil.example",
            "",
        ):
            assert http_status(port, other) == 400, other
            assert http_status(port, other, "/check-in") == 400, other
            assert websocket_status(port, other) == 403, other
