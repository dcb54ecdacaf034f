"""Who may reach the server: this computer only, unless logins or the operator open it.

The diary has no login of its own, so without logins it is served on a loopback address only.
`python -m sciatica.ui.server` (`make run`) checks this before it listens; `sciatica.ui`
checks it again on every run of the app, so a plain `streamlit run app.py --server.address
0.0.0.0` shows the reason instead of the diary.
"""

from __future__ import annotations

import ipaddress

LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


def is_loopback(address: str | None) -> bool:
    """Whether a server.address reaches this computer only (none means every interface)."""
    if not address or not address.strip():
        return False
    name = address.strip().strip("[]").lower()
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False  # a host name other than localhost: assume others can reach it


def open_network_problem(
    *, address: str | None, logins: bool, allowed: bool, running: bool = False
) -> str | None:
    """Why the server must not listen on `address`, or None when it may.

    `running`: the server already listens (a plain `streamlit run`), so the app shows no diary.
    """
    if is_loopback(address) or logins or allowed:
        return None
    where = f"on {address}" if address and address.strip() else "on every network interface"
    lead = (
        "Showing no diary: the server listens"
        if running
        else "Not starting: the server would listen"
    )
    return (
        f"{lead} {where}, where anyone on the network could open "
        "this diary, and no logins are configured.\n"
        "- To keep it on this computer, remove that server.address setting (the app's "
        ".streamlit/config.toml serves on 127.0.0.1).\n"
        "- To serve several people, turn on logins with an [auth] section in "
        ".streamlit/secrets.toml (README: Logins and shared deployments).\n"
        "- To open it without logins on a network you trust, set SCIATICA_ALLOW_OPEN_NETWORK=1."
    )
