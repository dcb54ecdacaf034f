"""Shared Streamlit wiring: the one store, the current user, the user's today, the alert banner."""

from __future__ import annotations

from contextlib import suppress
from datetime import date
from typing import NoReturn

import streamlit as st

from sciatica import clock
from sciatica.accounts import identity_user_id
from sciatica.config import Settings
from sciatica.diary.models import TriageLevel
from sciatica.diary.triage import Triage, advice
from sciatica.storage.backup import BackupUnavailable, ensure_daily_backup
from sciatica.storage.store import Store

_BACKUP_CHECKED = "_sciatica_backup_checked"
PLOTLY_CONFIG = {"displaylogo": False, "responsive": True, "modeBarButtonsToRemove": ["lasso2d"]}


@st.cache_resource(show_spinner="Opening your diary…")
def _open_store(url: str) -> Store:
    return Store.open(url)


def settings() -> Settings:
    """The configuration from the environment."""
    return Settings()


def store() -> Store:
    """The database, opened and migrated once per server; backed up once a day."""
    config = settings()
    url = config.resolved_database_url()
    opened = _open_store(url)
    if not st.session_state.get(_BACKUP_CHECKED):
        st.session_state[_BACKUP_CHECKED] = True
        with suppress(BackupUnavailable, OSError):
            ensure_daily_backup(database_url=url, backups_dir=config.resolved_backup_dir())
    return opened


def logins_enabled() -> bool:
    """Whether an [auth] section in secrets.toml turns on logins."""
    try:
        return "auth" in st.secrets
    except FileNotFoundError:
        return False


def require_login() -> None:
    """With logins on, show the login screen and stop until the user has logged in."""
    if not logins_enabled():
        return
    if not st.user.is_logged_in:
        st.title("Sciatica diary")
        st.write("Please log in to see your diary. Each person sees only their own data.")
        st.button("Log in", type="primary", on_click=st.login)
        st.stop()
    with st.sidebar:
        st.caption(f"Logged in as {st.user.get('email') or st.user.get('name') or 'you'}")
        st.button("Log out", on_click=st.logout)


def user_id() -> str:
    """Whose diary this session reads and writes: the login's identity, or the local user."""
    if not logins_enabled():
        return settings().user_id
    issuer, subject = st.user.get("iss"), st.user.get("sub")
    return identity_user_id(
        issuer=issuer if isinstance(issuer, str) else None,
        subject=subject if isinstance(subject, str) else None,
    )


def today() -> date:
    """Today in the user's time zone, as the browser reports it."""
    return clock.today(st.context.timezone)


def country() -> str | None:
    """The country chosen for the emergency number."""
    return store().get_country(user_id=user_id())


def show_triage(result: Triage) -> None:
    """Show the advice for an emergency, urgent or routine result; nothing for none."""
    if result.level is TriageLevel.NONE:
        return
    text = advice(result.level, country=country())
    signs = "".join(f"\n- {flag.question}" for flag in result.flags)
    reasons = "".join(f"\n- {reason}" for reason in result.reasons)
    body = f"**{text.title}.** {text.text}{signs}{reasons}"
    if result.level is TriageLevel.EMERGENCY:
        st.error(body, icon=":material/emergency:")
    elif result.level is TriageLevel.URGENT:
        st.warning(body, icon=":material/warning:")
    else:
        st.info(body, icon=":material/stethoscope:")


_FLASH = "_sciatica_flash"


def leave_message(message: str, *, done: bool = True) -> None:
    """Show a message at the top of the page's next run: success, or else a notice.

    For a button's callback, after which the page runs again anyway.
    """
    st.session_state[_FLASH] = (message, done)


def flash(message: str, *, done: bool = True) -> NoReturn:
    """Rerun the page and show a message at the top of it once: success, or else a notice."""
    leave_message(message, done=done)
    st.rerun()


def show_flash() -> None:
    """Show the message left by `flash`, if any."""
    if left := st.session_state.pop(_FLASH, None):
        message, done = left
        if done:
            st.success(message, icon=":material/check_circle:")
        else:
            st.info(message, icon=":material/update:")
