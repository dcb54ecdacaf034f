"""The diary has no login of its own: without logins it is served to this computer only."""

from __future__ import annotations

import pytest

from sciatica.ui.network import open_network_problem


@pytest.mark.parametrize(
    ("address", "logins", "allowed", "refused"),
    [
        ("127.0.0.1", False, False, False),
        ("127.0.0.2", False, False, False),
        ("localhost", False, False, False),
        ("::1", False, False, False),
        ("[::1]", False, False, False),
        (None, False, False, True),  # Streamlit's own default: every interface
        ("", False, False, True),
        ("0.0.0.0", False, False, True),
        ("10.0.0.4", False, False, True),
        ("diary.example.org", False, False, True),
        ("0.0.0.0", True, False, False),
        ("0.0.0.0", False, True, False),
    ],
)
def test_only_localhost_is_served_without_logins_or_the_operators_say_so(
    address: str | None, logins: bool, allowed: bool, refused: bool
) -> None:
    problem = open_network_problem(address=address, logins=logins, allowed=allowed)
    assert (problem is not None) == refused
