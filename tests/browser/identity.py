"""A real OpenID Connect provider on this computer for login tests, and the app's side of it.

The provider is oidc-provider-mock (a dev dependency): a WSGI app whose login form takes any
subject ("sub") and sends the browser back to the app, which then fetches the tokens from it
as it would from a real provider. `secrets_for` writes the `[auth]` section the README
describes, pointing the app at it; `log_in` and `log_out` go through Streamlit's own
st.login and st.logout, in the browser.
"""

from __future__ import annotations

import re
import secrets
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import werkzeug.serving
from authlib.deprecate import AuthlibDeprecationWarning
from playwright.sync_api import Page, expect

from tests.browser.helpers import open_page, wait_idle

with warnings.catch_warnings():
    # oidc-provider-mock 0.3.4 imports parts of Authlib that Authlib says will go in 2.0.
    warnings.simplefilter("ignore", AuthlibDeprecationWarning)
    import oidc_provider_mock

CLIENT_ID = "sciatica-tests"
LOGIN_SCREEN = "Please log in to see your diary."


@contextmanager
def identity_provider() -> Iterator[str]:
    """The provider on a free port of 127.0.0.1, in a thread; yields its issuer URL."""
    server = werkzeug.serving.make_server("127.0.0.1", 0, oidc_provider_mock.app(), threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1})
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def secrets_for(folder: Path, *, issuer: str, app_url: str = "http://127.0.0.1:{port}") -> Path:
    """A secrets.toml turning logins on with the provider at `issuer`, for the app at `app_url`
    (by default any server's own port, which Streamlit puts in place of {port})."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "secrets.toml"
    path.write_text(
        "[auth]\n"
        f'redirect_uri = "{app_url}/oauth2callback"\n'
        f'cookie_secret = "{secrets.token_hex(32)}"\n'
        f'client_id = "{CLIENT_ID}"\n'
        'client_secret = "any secret: the provider accepts every one"\n'
        f'server_metadata_url = "{issuer}/.well-known/openid-configuration"\n'
    )
    return path


def log_in(page: Page, app_url: str, subject: str) -> None:
    """Open the app, press Log in, give the provider's form a subject, and be back, logged in."""
    open_page(page, app_url)
    expect(page.get_by_text(LOGIN_SCREEN)).to_be_visible()
    page.get_by_role("button", name="Log in").click()
    page.get_by_placeholder("sub").fill(subject)
    page.get_by_role("button", name="Authorize", exact=True).click()
    page.wait_for_url(f"{app_url}/")
    wait_idle(page)
    expect(page.get_by_text(logged_in_as(subject))).to_be_visible()


def logged_in_as(subject: str) -> re.Pattern[str]:
    """The sidebar's "Logged in as ..." line. An address shown as text carries an invisible
    word joiner (U+2060, ui.plain) so that the browser cannot turn it into a link."""
    joined = "\u2060?@".join(re.escape(part) for part in subject.split("@"))
    return re.compile(rf"^Logged in as {joined}$")


def log_out(page: Page, app_url: str) -> None:
    """Press Log out, end the session at the provider, and be back at the login screen."""
    page.get_by_role("button", name="Log out").click()
    page.get_by_role("button", name="End session").click()
    page.wait_for_url(re.compile(rf"^{re.escape(app_url)}/?$"))
    wait_idle(page)
    expect(page.get_by_text(LOGIN_SCREEN)).to_be_visible()
