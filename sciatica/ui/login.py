"""The login screen, and logging out everywhere, when the server has logins on."""

from __future__ import annotations

import streamlit as st

from sciatica import clock, ui
from sciatica.accounts import login_ended
from sciatica.i18n import _


def require_login() -> None:
    """With logins on, show the login screen and stop until the user has logged in.

    An [auth] section without every key it needs opens nothing: st.login could not work, and
    the diary is not served without a login either (`python -m sciatica.ui.server` refuses to
    start with it; this covers a plain `streamlit run`). Without logins, the diary shows on
    this computer only (`refuse_open_network`).
    """
    ui.refuse_open_network()
    if not ui.logins_enabled():
        return
    if missing := ui.login_setup_missing():
        st.title(_("Sciatica diary"))
        st.error(
            _(
                "Logins on this server are not set up completely, so the diary cannot open. "
                "Please tell the people who run it: the login settings lack {keys}."
            ).format(keys=", ".join(missing)),
            icon=":material/lock:",
        )
        st.stop()
    if not st.user.is_logged_in or _login_ended():
        st.title(_("Sciatica diary"))
        if st.user.is_logged_in:
            # A login from before the person's last logout: a copied or forgotten cookie.
            st.info(_("This login has ended: you logged out. Please log in again."))
        st.write(_("Please log in to see your diary. Each person sees only their own data."))
        st.button(_("Log in"), type="primary", on_click=st.login)
        st.stop()
    with st.sidebar:
        who = st.user.get("email") or st.user.get("name") or _("you")
        st.caption(_("Logged in as {who}").format(who=ui.plain(str(who))))
        st.button(_("Log out"), on_click=_log_out)


def _login_ended() -> bool:
    """Whether this browser's login was issued before the person last logged out, anywhere."""
    ended_at = ui.store().logged_out_at(user_id=ui.user_id())
    return login_ended(issued_at=st.user.get("iat"), logged_out_at=ended_at)


def _log_out() -> None:
    """Log out here, and end every login of this person issued until now, on every device."""
    ui.store().record_logout(user_id=ui.user_id(), at=clock.now())
    st.logout()
