"""My data's "Share with a clinician": share, see who has access, stop, and read the log.

With logins on, the person types the clinician's login and the last day, reads in plain words
what the clinician will see, and confirms; each share they made that still runs is listed with
a "Stop sharing" button, and every view of their diary is in the log beneath. Without logins
(one local diary), one sentence says sharing needs a clinic deployment, with the README's
section a click away. pages/my_data.py calls `share_with_clinician()` once.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pandas as pd
import streamlit as st

from sciatica import clock, i18n, ui
from sciatica.i18n import _
from sciatica.sharing.access import (
    Login,
    SharingRefused,
    active_shares,
    check_grantee,
    last_day_limits,
    recent_views,
    share_with,
    stop_sharing,
)
from sciatica.sharing.models import DEFAULT_SHARE_DAYS
from sciatica.storage.store import Store

LOG_ROWS = 50  # the latest views shown; the export holds every one
README = Path(__file__).resolve().parents[2] / "README.md"
README_SECTION = "## Logins and shared deployments (a clinic)"
_PENDING = "_sciatica_share_pending"  # (clinician, last day) waiting for "Share my diary"
_MESSAGE = "_sciatica_share_message"  # what the last action did, shown in the section
_ROUND = "_sciatica_share_round"  # a new round empties the form after a share


def login() -> Login:
    """Who is logged in, as sharing names them (an unverified e-mail address is left out)."""
    email, subject = st.user.get("email"), st.user.get("sub")
    verified = st.user.get("email_verified") is not False
    return Login(
        user_id=ui.user_id(),
        email=email if isinstance(email, str) and email and verified else None,
        subject=subject if isinstance(subject, str) and subject else None,
    )


def moment_words(moment: datetime) -> str:
    """A stored moment as the person's wall clock shows it: '6 Dec 2026, 14:05'."""
    local = clock.local(moment, ui.timezone())
    return f"{i18n.format_date(local.date())}, {local:%H:%M}"


def last_day_of(expires_at: datetime) -> date:
    """The last day a share runs, in the person's time zone (it ends at the next midnight)."""
    return clock.shift(clock.day_at(expires_at, ui.timezone()), -1)


def what_is_shared(who: str, last_day: date) -> str:
    """The plain words read before confirming a share (markdown; `who` already escaped)."""
    return _(
        "**{who}** will be able to read your check-ins, flare-ups, routine, sessions, About me "
        "and warning signs, and download your report, until the end of {day}. It is read only: "
        "they cannot change anything. You can stop sharing at any time, and each time they "
        "look, it is listed here."
    ).format(who=who, day=i18n.format_date(last_day, "long"))


def share_with_clinician(store: Store) -> None:
    """The section on My data: share, who has access, the log; or why it needs logins."""
    st.header(_("Share with a clinician"))
    if not ui.logins_enabled():
        _without_logins()
        return
    me, today, now = login(), ui.today(), clock.now()
    if message := st.session_state.pop(_MESSAGE, None):
        st.success(message, icon=":material/check_circle:")
    _share_form(store, me=me, today=today)
    _who_has_access(store, me=me)
    _access_log(store, me=me, now=now)


def _without_logins() -> None:
    st.caption(
        _(
            "Sharing your diary with a clinician needs a clinic deployment with logins, as the "
            "README's section “Logins and shared deployments (a clinic)” explains."
        )
    )
    # The README is in English, and says so; shown only when asked for.
    if st.toggle(_("Show that section of the README (in English)"), key="sharing_readme"):
        st.markdown(readme_section())


def readme_section() -> str:
    """The README's section on clinic deployments, as the README writes it."""
    text = README.read_text(encoding="utf-8") if README.exists() else ""
    start = text.find(README_SECTION)
    if start < 0:
        return _("The README is not installed with this copy of the app.")
    end = text.find("\n## ", start + len(README_SECTION))
    return text[start + len(README_SECTION) : end if end >= 0 else None].strip()


def _share_form(store: Store, *, me: Login, today: date) -> None:
    pending = st.session_state.get(_PENDING)
    if pending is not None:
        who, last_day = pending
        st.info(what_is_shared(ui.plain(who), last_day), icon=":material/visibility:")
        row = st.container(horizontal=True)
        if row.button(_("Share my diary"), type="primary", icon=":material/share:"):
            st.session_state.pop(_PENDING, None)
            try:
                share_with(
                    store,
                    owner=me,
                    grantee=who,
                    last_day=last_day,
                    today=today,
                    timezone=ui.timezone(),
                    now=clock.now(),
                )
            except SharingRefused as refused:
                st.error(str(refused), icon=":material/block:")
            else:
                st.session_state[_ROUND] = st.session_state.get(_ROUND, 0) + 1
                st.session_state[_MESSAGE] = _("{who} can now read your diary.").format(
                    who=ui.plain(who)
                )
                st.rerun()
        if row.button(_("Cancel"), icon=":material/close:"):
            st.session_state.pop(_PENDING, None)
            st.rerun()
        return
    first, last = last_day_limits(today=today)
    form_round = st.session_state.get(_ROUND, 0)
    with st.form(f"share_form_{form_round}", border=False):
        typed = st.text_input(
            _("Clinician's login"),
            max_chars=320,
            placeholder=_("The e-mail address they log in with"),
        )
        last_day = st.date_input(
            _("Share until"),
            value=clock.shift(today, DEFAULT_SHARE_DAYS),
            min_value=first,
            max_value=last,
            format="DD/MM/YYYY",
            help=_("90 days from today unless you change it; a year at most."),
        )
        if st.form_submit_button(_("Continue"), icon=":material/arrow_forward:"):
            try:
                who = check_grantee(typed, owner=me)
            except SharingRefused as refused:
                st.error(str(refused), icon=":material/block:")
            else:
                if not isinstance(last_day, date):  # the field was emptied
                    st.error(_("Choose the last day of sharing."), icon=":material/date_range:")
                    return
                st.session_state[_PENDING] = (who, last_day)
                st.rerun()


def _who_has_access(store: Store, *, me: Login) -> None:
    st.subheader(_("Who can read your diary"), anchor=False)
    shares = active_shares(store, owner=me, now=clock.now())
    if not shares:
        st.caption(_("No one: your diary is yours alone."))
        return
    for share in shares:
        with st.container(border=True, key=f"share_{share.id}"):
            st.markdown(
                _("**{who}**, until the end of {day}").format(
                    who=ui.plain(share.grantee),
                    day=i18n.format_date(last_day_of(share.expires_at), "long"),
                )
            )
            if st.button(_("Stop sharing"), key=f"stop_share_{share.id}", icon=":material/block:"):
                stop_sharing(store, owner=me, share_id=share.id, now=clock.now())
                st.session_state[_MESSAGE] = _(
                    "{who} can no longer read your diary, from their next page on."
                ).format(who=ui.plain(share.grantee))
                st.rerun()


def _access_log(store: Store, *, me: Login, now: datetime) -> None:
    st.subheader(_("Who looked at your diary"), anchor=False)
    views = recent_views(store, owner=me, limit=LOG_ROWS + 1)
    if not views:
        st.caption(_("No one has looked at your diary."))
        return
    when, who, what = _("When"), _("Who"), _("What")
    rows = [
        # st.table reads its cells as markdown: the login is shown as text
        {when: moment_words(view.at), who: ui.plain(view.viewer), what: view.what.label}
        for view in views[:LOG_ROWS]
    ]
    st.table(pd.DataFrame(rows).set_index(when))
    if len(views) > LOG_ROWS:
        st.caption(
            _("The latest {count} views; the download (JSON) above holds every one.").format(
                count=LOG_ROWS
            )
        )
