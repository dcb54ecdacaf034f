"""The diary has no login of its own: without logins it is served to this computer only."""

from __future__ import annotations

import pytest

from sciatica.accounts import auth_problem, missing_auth_keys
from sciatica.ui.network import open_network_problem

COMPLETE: dict[str, object] = {
    "redirect_uri": "https://diary.example.org/oauth2callback",
    "cookie_secret": "a long random string",
    "client_id": "sciatica",
    "client_secret": "secret",
    "server_metadata_url": "https://id.example.org/.well-known/openid-configuration",
}


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


@pytest.mark.parametrize(
    ("section", "missing"),
    [
        (
            {},
            ["redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url"],
        ),
        (
            None,
            ["redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url"],
        ),
        ({**COMPLETE, "cookie_secret": " "}, ["cookie_secret"]),
        ({**COMPLETE, "client_id": 7}, ["client_id"]),
        (
            {key: value for key, value in COMPLETE.items() if key != "redirect_uri"},
            ["redirect_uri"],
        ),
        (COMPLETE, []),
    ],
)
def test_logins_need_every_key_of_the_auth_section(
    section: dict[str, object] | None, missing: list[str]
) -> None:
    assert missing_auth_keys(section) == missing
    problem = auth_problem(section)
    if missing:
        assert problem is not None
        assert f"lacks {', '.join(missing)}" in problem
    else:
        assert problem is None
