"""Who the user is: one local diary by default, or an OpenID Connect identity when logins are on."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping
from datetime import datetime

MAX_USER_ID_CHARS = 255
# What Streamlit's st.login needs in [auth] for its one (default) provider: where to come back
# to, the secret that signs the login cookie, and the provider's client and address. A section
# with fewer is not logins: st.login would fail on every page, so it is refused as a whole.
AUTH_KEYS = ("redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url")


class IdentityMissing(ValueError):
    """The identity provider did not say who logged in."""


def identity_user_id(*, issuer: str | None, subject: str | None) -> str:
    """A stable id from the provider (issuer) and its id for the person (subject)."""
    if not issuer or not subject:
        raise IdentityMissing("The login did not include an issuer and subject.")
    user_id = f"oidc:{issuer}|{subject}"
    if len(user_id) > MAX_USER_ID_CHARS:
        # Still unique and stable, and fits the column on every database.
        user_id = "oidc-sha256:" + hashlib.sha256(user_id.encode("utf-8")).hexdigest()
    return user_id


def missing_auth_keys(section: object) -> list[str]:
    """The keys an [auth] section lacks (or leaves empty) for logins to work, in AUTH_KEYS order."""
    if not isinstance(section, Mapping):
        return list(AUTH_KEYS)
    return [
        key
        for key in AUTH_KEYS
        if not isinstance(section.get(key), str) or not str(section.get(key)).strip()
    ]


def auth_problem(section: object) -> str | None:
    """Why an [auth] section cannot turn logins on, in words for the operator; None if it can."""
    missing = missing_auth_keys(section)
    if not missing:
        return None
    return (
        "Logins are not set up completely: the [auth] section of .streamlit/secrets.toml needs "
        f"{', '.join(AUTH_KEYS)}, and lacks {', '.join(missing)} (README: Logins and shared "
        "deployments). Without them nobody could log in, so the diary stays closed."
    )


def login_ended(*, issued_at: object, logged_out_at: datetime | None) -> bool:
    """Whether a login issued at `issued_at` (the ID token's `iat`, seconds since 1970) was
    ended by the person's logout at `logged_out_at`.

    `iat` has whole seconds: a login issued in the second the person logged out counts as
    after it, so that logging straight back in works (a cookie copied within that one second
    before the logout is the price). One without a readable `iat` is ended by any logout.
    """
    if logged_out_at is None:
        return False
    if isinstance(issued_at, bool) or not isinstance(issued_at, int | float):
        return True
    if not math.isfinite(issued_at):
        return True
    return issued_at < math.floor(logged_out_at.timestamp())
