"""Shared Streamlit wiring: the one store, the current user, the user's today, the alert banner.

Also how a page fails: an unexpected error is logged on the server with its traceback and the
person sees a calm message (`run_page`), since a traceback in the browser shows SQL and file
paths. With `client.showErrorDetails` set to "full" (tests, a developer's own config), the
error is raised to Streamlit as usual instead.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import NoReturn

import streamlit as st
from streamlit.logger import get_logger
from streamlit.navigation.page import StreamlitPage

from sciatica import clock
from sciatica.accounts import identity_user_id
from sciatica.config import Settings
from sciatica.diary.models import TriageLevel
from sciatica.diary.notices import Notice, triage_notice
from sciatica.diary.triage import Triage
from sciatica.storage.backup import BackupFailed, BackupUnavailable, ensure_daily_backup
from sciatica.storage.store import Store

_LOGGER = get_logger(__name__)
_BACKUP_CHECKED = "_sciatica_backup_checked"
_BACKUP_PROBLEM = "_sciatica_backup_problem"
_FULL_DETAILS = ("full", "true", "True", True)  # True is Streamlit's deprecated spelling of full
PAGE_FAILED = (
    "Something went wrong on this page; nothing in your diary was lost. If you were saving "
    "something, please check whether it was saved, and try again."
)
# No Plotly toolbar: on a phone it covers the chart's title, and its zoom and pan buttons have
# nothing to do (the charts neither zoom nor pan, so a finger on one scrolls the page).
PLOTLY_CONFIG = {"displayModeBar": False, "responsive": True}


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
        _daily_backup(database_url=url, backups_dir=config.resolved_backup_dir())
    return opened


def _daily_backup(*, database_url: str, backups_dir: Path) -> None:
    try:
        ensure_daily_backup(database_url=database_url, backups_dir=backups_dir)
    except BackupUnavailable:
        pass  # a database server: its own backups apply (My data says so)
    except BackupFailed as failed:
        _LOGGER.warning("The daily backup failed: %s", failed, exc_info=failed)
        st.session_state[_BACKUP_PROBLEM] = str(failed)
    except Exception:
        # The backup is a side job: whatever breaks it must not break the diary.
        _LOGGER.exception("The daily backup to %s failed unexpectedly", backups_dir)
        st.session_state[_BACKUP_PROBLEM] = "Something unexpected stopped it; the log says what."


def backup_problem() -> str | None:
    """Why today's automatic backup failed when this session started, if it did."""
    problem = st.session_state.get(_BACKUP_PROBLEM)
    return problem if isinstance(problem, str) else None


def run_page(page: StreamlitPage) -> None:
    """Run the page chosen in the navigation; an unexpected error becomes a calm message.

    Streamlit's own stop, rerun and page switch are BaseExceptions and pass through.
    """
    try:
        page.run()
    except Exception:
        _LOGGER.exception("The page %r failed", page.title)
        if st.get_option("client.showErrorDetails") in _FULL_DETAILS:
            raise
        st.warning(PAGE_FAILED, icon=":material/refresh:")


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
    return clock.today(timezone())


def timezone() -> str | None:
    """The user's IANA time zone as the browser reports it (None: the server's is used)."""
    zone = st.context.timezone
    return zone if isinstance(zone, str) else None


def country() -> str | None:
    """The country chosen for the emergency number."""
    return store().get_country(user_id=user_id())


def show_triage(result: Triage, *, key: str = "triage") -> None:
    """Show the advice for an emergency, urgent or routine result; nothing for none."""
    if result.level is not TriageLevel.NONE:
        advice_block(triage_notice(result, country=country()), key=key)


def advice_block(notice: Notice, *, key: str) -> None:
    """A notice's advice in its colour, its points as a list, and the numbers to call."""
    points = "".join(f"\n- {point}" for point in notice.points)
    body = f"**{notice.title}.** {notice.text}{points}"
    if notice.level is TriageLevel.EMERGENCY:
        st.error(body, icon=":material/emergency:")
    elif notice.level is TriageLevel.URGENT:
        st.warning(body, icon=":material/warning:")
    else:
        st.info(body, icon=":material/stethoscope:")
    if notice.calls:  # the number to call, one tap away on a phone
        call_buttons(notice.calls, key=key)


def call_buttons(numbers: tuple[str, ...], *, key: str) -> None:
    """'Call 112', 'Call 999'... as tel: links, side by side where there is room."""
    row = st.container(horizontal=True, key=f"{key}_calls")
    for number in numbers:
        row.link_button(f"Call {number}", f"tel:{number}", type="primary", icon=":material/call:")


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
