"""The server answers only its own name: the Host rule, case by case (tests/integration/
test_server.py sends the same requests to a real server)."""

from __future__ import annotations

import pytest

from sciatica.ui.hosts import configured_names, host_allowed, split_host

PORT = 8501
CLINIC = configured_names(" diary.example.org , Other.Example:8443,, bad:port ")


@pytest.mark.parametrize(
    ("host", "allowed"),
    [
        ("localhost:8501", True),
        ("127.0.0.1:8501", True),
        ("[::1]:8501", True),
        ("LocalHost:8501", True),
        ("localhost", False),  # port 80, not this server's
        ("localhost:8502", False),
        ("127.0.0.2:8501", False),
        ("evil.example:8501", False),
        ("evil.example", False),
        ("localhost.evil.example:8501", False),
        ("127.0.0.1:8501@evil.example", False),
        ("::1:8501", False),
        ("[::1", False),
        ("localhost:85010", False),
        ("localhost:", False),
        ("", False),
        (None, False),
        ("diary.example.org", True),  # configured without a port: any port
        ("diary.example.org:443", True),
        ("DIARY.example.org:8501", True),
        ("other.example:8443", True),
        ("other.example", False),  # configured with a port: that port only
        ("other.example:8501", False),
        ("bad", False),
    ],
)
def test_only_this_server_s_own_names_are_answered(host: str | None, allowed: bool) -> None:
    assert host_allowed(host, port=PORT, extra=CLINIC) is allowed


def test_a_host_splits_into_its_name_and_port() -> None:
    assert split_host("[::1]:8501") == ("[::1]", 8501)
    assert split_host("[::1]") == ("[::1]", None)
    assert split_host("Example.org") == ("example.org", None)
    assert split_host("example.org:http") == ("", None)


def test_the_setting_lists_names_with_or_without_a_port() -> None:
    assert {("diary.example.org", None), ("other.example", 8443)} == CLINIC
