"""The shares and the access log in the export file (version 5): a record, never a grant.

`shares` holds one record per share the person made: `clinician` (the login they typed),
`created_at`, `expires_at` and `ended_at` (ISO 8601 in UTC; `ended_at` null unless they stopped
it). `access_log` holds one record per view: `viewer`, `at` and `what` (`patients`, `progress`
or `report`), newest first. Importing a file restores neither: a share is consent given on one
deployment to one login, and a file must not give it again (nor write views into a log).
Files of versions 1 to 4 have neither list.
"""

from __future__ import annotations

from typing import Any

from sciatica.storage.store import Store


def export_sharing(
    store: Store, *, user_id: str
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The person's shares and their access log, as JSON-ready records."""
    shares = [
        {
            "clinician": share.grantee,
            "created_at": share.created_at.isoformat(),
            "expires_at": share.expires_at.isoformat(),
            "ended_at": share.ended_at.isoformat() if share.ended_at else None,
        }
        for share in store.shares_of(owner_id=user_id)
    ]
    views = [
        {"viewer": view.viewer, "at": view.at.isoformat(), "what": view.what.value}
        for view in store.views_of(owner_id=user_id)
    ]
    return shares, views
