"""The one way into another person's diary, and the person's own say over it.

A share is consent: the person names the clinician's login, sees what will be shared and until
when, and confirms (`share_with`); they can stop it at any moment (`stop_sharing`). A clinician
reads a patient's diary only through `open_patient_diary`, which finds a share active at this
moment and writes the access-log entry before it hands out a `PatientDiary`, the patient's id
wrapped so that nothing else makes one (tests/unit/test_sharing_gate.py walks the code for
reads that bypass it). Each page load asks again, so a share stopped or expired a moment ago
grants nothing on the clinician's next page load.

Who the clinician is: the person types the e-mail address or subject the login provider gives
the clinician. An e-mail address matches whatever its case; a subject matches exactly. An
address the provider says is not verified (`email_verified: false`) matches nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Protocol

from sciatica import clock
from sciatica.i18n import _
from sciatica.sharing.models import (
    LONGEST_SHARE_DAYS,
    MAX_IDENTITY_CHARS,
    PatientShare,
    Share,
    View,
    ViewKind,
)


class SharingRefused(ValueError):
    """A share that cannot be made; the message says why, and nothing was stored."""


class AccessDenied(PermissionError):
    """No active share lets this login read that diary."""


@dataclass(frozen=True, slots=True)
class Login:
    """Who is logged in: their diary id and what the provider says identifies them."""

    user_id: str
    email: str | None = None  # only when the provider does not say it is unverified
    subject: str | None = None

    @property
    def label(self) -> str:
        """How an access log or a patient list names this login."""
        return self.email or self.subject or self.user_id

    def is_named_by(self, identity: str) -> bool:
        """Whether a typed identity names this login (an address in any case, a subject exactly)."""
        typed = identity.strip()
        by_email = self.email is not None and typed.casefold() == self.email.casefold()
        return by_email or (self.subject is not None and typed == self.subject)


@dataclass(frozen=True, slots=True)
class PatientDiary:
    """A patient's diary opened for one view: made only by `open_patient_diary`."""

    owner_id: str
    owner_label: str
    expires_at: datetime
    what: ViewKind


class ShareRecords(Protocol):
    """What sharing needs from storage (sciatica.storage.shares implements it)."""

    def add_share(
        self,
        *,
        owner_id: str,
        owner_label: str,
        grantee: str,
        created_at: datetime,
        expires_at: datetime,
    ) -> Share: ...

    def shares_of(self, *, owner_id: str) -> list[Share]: ...

    def end_share(self, *, owner_id: str, share_id: int, now: datetime) -> bool: ...

    def shares_for(
        self, *, email: str | None, subject: str | None, now: datetime
    ) -> list[PatientShare]: ...

    def log_view(
        self, *, owner_id: str, viewer: str, viewer_id: str, what: ViewKind, at: datetime
    ) -> None: ...

    def views_of(self, *, owner_id: str) -> list[View]: ...


def last_day_limits(*, today: date) -> tuple[date, date]:
    """The first and the last day a share may be set to end on (a year at most)."""
    return clock.shift(today, 1), clock.shift(today, LONGEST_SHARE_DAYS)


def share_ends_at(last_day: date, *, timezone: str | None) -> datetime:
    """The moment a share that runs through `last_day` (the person's day) ends, in UTC."""
    return clock.moment_at(clock.shift(last_day, 1), time(0, 0), timezone)


def check_grantee(identity: str, *, owner: Login) -> str:
    """The clinician's login as typed, trimmed; SharingRefused if it cannot be shared with."""
    typed = identity.strip()
    if not typed:
        raise SharingRefused(_("Type the clinician's login: the e-mail address they log in with."))
    if len(typed) > MAX_IDENTITY_CHARS or any(not char.isprintable() for char in typed):
        raise SharingRefused(
            _("That is not a login: type the e-mail address the clinician logs in with.")
        )
    if owner.is_named_by(typed):
        raise SharingRefused(_("That is your own login: type the clinician's instead."))
    return typed


def share_with(
    store: ShareRecords,
    *,
    owner: Login,
    grantee: str,
    last_day: date,
    today: date,
    timezone: str | None,
    now: datetime,
) -> Share:
    """Share the person's diary with a clinician, read only, through `last_day`."""
    clinician = check_grantee(grantee, owner=owner)
    first, last = last_day_limits(today=today)
    if not first <= last_day <= last:
        raise SharingRefused(
            _("Choose a last day from tomorrow to a year from today; nothing was shared.")
        )
    if any(
        share.active(now=now) and share.grantee.casefold() == clinician.casefold()
        for share in store.shares_of(owner_id=owner.user_id)
    ):
        raise SharingRefused(
            _("You already share with {who}. Stop that share first to change its last day.").format(
                who=clinician
            )
        )
    return store.add_share(
        owner_id=owner.user_id,
        owner_label=owner.label,
        grantee=clinician,
        created_at=now,
        expires_at=share_ends_at(last_day, timezone=timezone),
    )


def stop_sharing(store: ShareRecords, *, owner: Login, share_id: int, now: datetime) -> bool:
    """End one of the person's shares at once; False if it was not theirs or already over."""
    return store.end_share(owner_id=owner.user_id, share_id=share_id, now=now)


def active_shares(store: ShareRecords, *, owner: Login, now: datetime) -> list[Share]:
    """The person's shares that grant access now, the soonest to end first."""
    shares = [share for share in store.shares_of(owner_id=owner.user_id) if share.active(now=now)]
    return sorted(shares, key=lambda share: share.expires_at)


def patients(store: ShareRecords, *, viewer: Login, now: datetime) -> list[PatientShare]:
    """The people whose diaries this login may read now (none for a login with no share)."""
    found: dict[str, PatientShare] = {}
    for share in store.shares_for(email=viewer.email, subject=viewer.subject, now=now):
        if share.owner_id != viewer.user_id:  # one's own diary is read as one's own
            found.setdefault(share.owner_id, share)
    return sorted(found.values(), key=lambda share: share.owner_label.casefold())


def open_patient_diary(
    store: ShareRecords, *, viewer: Login, owner_id: str, what: ViewKind, now: datetime
) -> PatientDiary:
    """The patient's diary for one view, logged; AccessDenied without an active share.

    The only way the app reads another person's diary: the share is checked at this moment,
    and the view is in the patient's access log before anything of theirs is read.
    """
    for share in patients(store, viewer=viewer, now=now):
        if share.owner_id == owner_id:
            store.log_view(
                owner_id=owner_id, viewer=viewer.label, viewer_id=viewer.user_id, what=what, at=now
            )
            return PatientDiary(
                owner_id=owner_id,
                owner_label=share.owner_label,
                expires_at=share.expires_at,
                what=what,
            )
    raise AccessDenied(_("This diary is not shared with you, or its sharing has ended."))


def recent_views(store: ShareRecords, *, owner: Login, limit: int) -> list[View]:
    """The latest views of the person's diary, newest first."""
    return store.views_of(owner_id=owner.user_id)[:limit]
