"""Serve the app: `streamlit run app.py`, checked first, with bookmarked page links working.

Usage: `python -m sciatica.ui.server [streamlit options]`, e.g. `--server.port 8501`. Once the
server answers it prints where to open the app, e.g. "The app is ready at http://localhost:8501".

Before the server starts, with the configuration Streamlit has just loaded from
.streamlit/config.toml, STREAMLIT_* variables and these options, two things are checked; either
failing prints why and what to do, and exits with status 2:

- the database URL (an in-memory SQLite database forgets the diary; storage.database says why);
- the listening address. The diary has no login of its own, so config.toml serves it on
  127.0.0.1, this computer only. Another address (0.0.0.0, a network address, or none, which
  Streamlit takes as every interface) lets anyone who can reach it read and change the diary,
  so it is refused unless logins are configured (a complete [auth] in secrets.toml) or the
  operator says so with SCIATICA_ALLOW_OPEN_NETWORK=1.

Once it runs, every HTTP and WebSocket request must name this server (its Host header) before
any page runs, against DNS rebinding (sciatica/ui/hosts.py).
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from streamlit import config
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.secrets import secrets_singleton
from streamlit.web import bootstrap, cli
from streamlit.web.server import Server

from sciatica.accounts import auth_problem
from sciatica.config import Settings
from sciatica.storage.database import DatabaseUrlRejected, check_database_url
from sciatica.ui import hosts
from sciatica.ui.network import is_loopback, open_network_problem

APP = Path(__file__).resolve().parents[2] / "app.py"
EXIT_REFUSED = 2


def _auth_section() -> object | None:
    """The [auth] section of secrets.toml, or None when there is none."""
    if not secrets_singleton.load_if_toml_exists() or "auth" not in secrets_singleton:
        return None
    section: object = secrets_singleton["auth"]
    return section


def _logins_configured() -> bool:
    """Whether secrets.toml turns on logins: an [auth] section with every key it needs."""
    section = _auth_section()
    return section is not None and auth_problem(section) is None


@functools.cache
def _host_names() -> frozenset[tuple[str, int | None]]:
    """The names the server answers to besides localhost's (read once, when first asked)."""
    names = set(hosts.configured_names(Settings().host_names))
    # A server told to listen on one address of its own (say 192.168.1.20) answers to it too.
    address = (config.get_option("server.address") or "").strip().lower()
    if address and address not in ("0.0.0.0", "::", "[::]"):
        shown = f"[{address.strip('[]')}]" if ":" in address else address
        names.add((shown, int(config.get_option("server.port"))))
    return frozenset(names)


def startup_problem() -> str | None:
    """Why the server must not start with the loaded configuration, or None."""
    try:
        settings = Settings()
        check_database_url(settings.resolved_database_url())
    except ValidationError as invalid:
        return "Not starting: a SCIATICA_* setting is invalid.\n" + "\n".join(
            f"- SCIATICA_{'_'.join(map(str, error['loc'])).upper()}: {error['msg']}"
            for error in invalid.errors()
        )
    except DatabaseUrlRejected as rejected:
        return f"Not starting: {rejected}"
    section = _auth_section()
    if section is not None and (half_set := auth_problem(section)):
        return f"Not starting: {half_set}"
    return open_network_problem(
        address=config.get_option("server.address"),
        logins=_logins_configured(),
        allowed=settings.allow_open_network,
    )


def ready_message(*, address: str | None, port: int) -> str:
    """What the server prints once it answers: the address to open (it opens no browser)."""
    stop = "Press Ctrl+C to stop it."
    host = (address or "").strip().strip("[]")
    shown = f"[{host}]" if ":" in host else host
    if is_loopback(address):
        shown = "localhost" if ":" not in host else shown
        return f"The app is ready at http://{shown}:{port} (on this computer only). {stop}"
    if host and host not in ("0.0.0.0", "::"):
        return f"The app is ready at http://{shown}:{port}. {stop}"
    return (
        f"The app is ready at http://localhost:{port} on this computer, and at this computer's "
        f"network address, port {port}, from other devices. {stop}"
    )


def _announced(on_start: Callable[..., None]) -> Callable[..., None]:
    """Streamlit's own steps once the server is up, then where to open the app."""

    @functools.wraps(on_start)
    def announce(server: Server) -> None:
        on_start(server)
        address, port = config.get_option("server.address"), config.get_option("server.port")
        print(f"\n  {ready_message(address=address, port=port)}\n", flush=True)

    return announce


def _checked(run: Callable[..., None]) -> Callable[..., None]:
    """Streamlit's server start, preceded by the start-up checks."""

    @functools.wraps(run)
    def run_if_safe(*args: Any, **kwargs: Any) -> None:
        if problem := startup_problem():
            print(problem, file=sys.stderr)
            raise SystemExit(EXIT_REFUSED)
        run(*args, **kwargs)

    return run_if_safe


def main(argv: Sequence[str] | None = None) -> None:
    """Start the Streamlit server on app.py with the given options, if the checks pass."""
    # Streamlit 1.67 decides once per process, when the first browser session arrives and
    # before app.py has run, whether a top-level pages/ folder is a legacy multipage app
    # (runtime/pages_manager.py). A first visit to a deep link such as /check-in then shows
    # "Page not found" (streamlit issue 9624). app.py always uses st.navigation, which sets
    # this same flag to False on its first run; setting it before the server starts makes
    # the very first session behave like every later one. The guard keeps this harmless if
    # a later Streamlit drops the flag.
    if getattr(PagesManager, "uses_pages_directory", False) is None:
        PagesManager.uses_pages_directory = False
    # `streamlit run` loads its configuration (files, variables, options) and then calls
    # bootstrap.run to start the server: the checks see exactly what the server would use.
    # A later Streamlit without bootstrap.run fails here rather than starting unchecked.
    bootstrap.run = _checked(bootstrap.run)
    # Answer only requests for this server's own name (DNS rebinding; sciatica/ui/hosts.py).
    hosts.install(port=lambda: int(config.get_option("server.port")), extra=_host_names)
    options = list(sys.argv[1:] if argv is None else argv)
    # Once the server answers, say where to open it: http://localhost:PORT rather than
    # Streamlit's welcome, which names 127.0.0.1 and talks of "your Streamlit app". Streamlit
    # calls bootstrap._on_server_start just after the server starts; without it (a later
    # Streamlit), its own welcome stays.
    if callable(getattr(bootstrap, "_on_server_start", None)):
        bootstrap._on_server_start = _announced(bootstrap._on_server_start)
        options = ["--logger.hideWelcomeMessage", "true", *options]  # options given win
    sys.argv = ["streamlit", "run", str(APP), *options]
    cli.main(prog_name="streamlit")


if __name__ == "__main__":
    main()
