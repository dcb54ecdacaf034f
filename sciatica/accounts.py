"""Who the user is: one local diary by default, or an OpenID Connect identity when logins are on."""

from __future__ import annotations

import hashlib

MAX_USER_ID_CHARS = 255


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
