"""Shared Streamlit wiring: the one store, the current user, the user's today, the alert banner.

The language of each run too (`use_language`, called by app.py before anything is drawn): the
person's saved choice, else their browser's language, else English. It is set for the run
(`sciatica.i18n`) and kept in the session, where widget callbacks, which run before app.py,
find it.

Also how a page fails: an unexpected error is logged on the server with its traceback and the
person sees a calm message (`run_page`), since a traceback in the browser shows SQL and file
paths. With `client.showErrorDetails` set to "full" (tests, a developer's own config), the
error is raised to Streamlit as usual instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

import streamlit as st
from streamlit.logger import get_logger
from streamlit.navigation.page import StreamlitPage
from streamlit.runtime.scriptrunner import get_script_run_ctx

from sciatica import clock, i18n
from sciatica.accounts import identity_user_id, missing_auth_keys
from sciatica.config import Settings
from sciatica.diary.models import TriageLevel
from sciatica.diary.notices import triage_notice
from sciatica.diary.triage import Triage, content, guessed
from sciatica.i18n import N_, Language, _
from sciatica.storage.backup import BackupFailed, BackupUnavailable, ensure_daily_backup
from sciatica.storage.store import Store
from sciatica.ui.advice import advice_block as advice_block
from sciatica.ui.advice import call_buttons as call_buttons
from sciatica.ui.advice import dial_links as dial_links
from sciatica.ui.flash import flash as flash
from sciatica.ui.flash import leave_message as leave_message
from sciatica.ui.flash import show_flash as show_flash
from sciatica.ui.navigation import phone_bar
from sciatica.ui.network import open_network_problem
from sciatica.ui.plain import plain as plain  # pages escape with ui.plain

_LOGGER = get_logger(__name__)
_BACKUP_CHECKED = "_sciatica_backup_checked"
_BACKUP_PROBLEM = "_sciatica_backup_problem"
_LANGUAGE = "_sciatica_language"
_FULL_DETAILS = ("full", "true", "True", True)  # True is Streamlit's deprecated spelling of full
PAGE_FAILED = N_(
    "Something went wrong on this page; nothing in your diary was lost. If you were saving "
    "something, please check whether it was saved, and try again."
)
OPEN_NETWORK_REFUSED = N_(
    "This diary is not shown here. It has no logins, so it opens only on the computer it runs "
    "on, and this server can be reached from the network. To use it on that computer, start it "
    "with make run. To share it safely, turn on logins. On a network you trust, set "
    "SCIATICA_ALLOW_OPEN_NETWORK=1 and start the app again."
)
_REFUSED_LOGGED: set[str | None] = set()  # each refused address is logged once per server
# No Plotly toolbar: on a phone it covers the chart's title, and its zoom and pan buttons have
# nothing to do (the charts neither zoom nor pan, so a finger on one scrolls the page).
PLOTLY_CONFIG = {"displayModeBar": False, "responsive": True}


# The spinner is drawn by `store`, in the person's language (a decorator's words are fixed at
# import, before any language is known).
_OPENED: set[str] = set()


@st.cache_resource(show_spinner=False)
def _open_store(url: str) -> Store:
    return Store.open(url)


def settings() -> Settings:
    """The configuration from the environment."""
    return Settings()


def store() -> Store:
    """The database, opened and migrated once per server; backed up once a day.

    Every way to the diary goes through here, a page run on its own too (a plain `streamlit
    run` serves pages/ by their file names until app.py has run once), so here the address is
    checked first: on an open one without logins, the person sees why and nothing else.
    """
    refuse_open_network()
    config = settings()
    url = config.resolved_database_url()
    if url in _OPENED:
        opened = _open_store(url)
    else:  # the first time on this server: opening and migrating may take a moment
        with st.spinner(_("Opening your diary…")):
            opened = _open_store(url)
        _OPENED.add(url)
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
        st.session_state[_BACKUP_PROBLEM] = _("Something unexpected stopped it; the log says what.")


def backup_problem() -> str | None:
    """Why today's automatic backup failed when this session started, if it did."""
    problem = st.session_state.get(_BACKUP_PROBLEM)
    return problem if isinstance(problem, str) else None


# Streamlit folds the sidebar away by moving it off screen (on a phone, always at first), where
# its links still take the keyboard's focus, unseen, after "Skip to main content". Hidden while
# folded, they leave the Tab order until the sidebar is opened.
_FOLDED_SIDEBAR = (
    "<style>[data-testid='stSidebar'][data-collapsed='true'] {visibility: hidden}</style>"
)


def run_page(page: StreamlitPage, pages: Sequence[StreamlitPage] = ()) -> None:
    """Run the page chosen in the navigation; an unexpected error becomes a calm message.

    `pages`: every page, for the worded bar a phone shows above the page (ui.navigation).
    Streamlit's own stop, rerun and page switch are BaseExceptions and pass through.
    """
    st.html(_FOLDED_SIDEBAR)
    if pages:
        phone_bar(pages, keep_sidebar=logins_enabled())
    if note := zone_note():
        st.caption(note)
    try:
        page.run()
    except Exception:
        _LOGGER.exception("The page %r failed", page.title)
        if st.get_option("client.showErrorDetails") in _FULL_DETAILS:
            raise
        st.warning(_(PAGE_FAILED), icon=":material/refresh:")


def logins_enabled() -> bool:
    """Whether an [auth] section in secrets.toml turns on logins."""
    try:
        return "auth" in st.secrets
    except FileNotFoundError:
        return False


def refuse_open_network() -> None:
    """Without logins, the diary shows on this computer only: elsewhere, say why and stop.

    `python -m sciatica.ui.server` (`make run`) refuses to start on an open address, but a plain
    `streamlit run app.py --server.address 0.0.0.0` starts all the same. So opening the diary
    (`store`, the first thing app.py and every page ask for) checks the address the server
    listens on; the reason goes to the server's log once, and the person sees a plain refusal.
    """
    address = st.get_option("server.address")
    problem = open_network_problem(
        address=address,
        logins=logins_enabled() and not login_setup_missing(),  # half a setup is no logins
        allowed=settings().allow_open_network,
        running=True,
    )
    if problem is None:
        return
    if address not in _REFUSED_LOGGED:
        _REFUSED_LOGGED.add(address)
        _LOGGER.error(problem)
    # The diary is not opened, so its saved language is not known: the browser's, else English.
    i18n.set_language(i18n.from_locale(st.context.locale) or i18n.DEFAULT_LANGUAGE)
    st.title(_("Sciatica diary"))
    st.error(plain(_(OPEN_NETWORK_REFUSED)), icon=":material/lock:")
    st.stop()


def login_setup_missing() -> list[str]:
    """The keys an [auth] section lacks for logins to work (empty when complete or absent)."""
    return missing_auth_keys(st.secrets.get("auth")) if logins_enabled() else []


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
    """The user's IANA time zone as the browser reports it, if it is one the app knows.

    Otherwise (a browser that sends none, or a name no zone has) the configured zone,
    SCIATICA_TIMEZONE, or None: the server's own zone (TZ, else UTC).
    """
    return clock.known_zone(st.context.timezone) or clock.known_zone(settings().timezone)


def zone_note() -> str | None:
    """A quiet note when the browser sent a time zone the app does not know, else None."""
    sent = st.context.timezone
    if not sent or clock.known_zone(sent):
        return None
    zone = timezone() or clock.local(clock.now(), None).tzname() or "UTC"
    return _(
        "Your browser did not give a time zone the app knows, so days here follow {zone}."
    ).format(zone=zone)


def country() -> str | None:
    """The country for the emergency number: as chosen, else a guess from the browser's locale."""
    return chosen_country() or browser_country()


def chosen_country() -> str | None:
    """The country the person chose on the Safety page ('default' for "Not set"), if any."""
    return store().get_country(user_id=user_id())


def browser_country() -> str | None:
    """A guess from the browser's locale ('sv-SE' -> '~SE') when the app has that country.

    The guess adds the country's numbers first and keeps the common ones (see triage.guessed).
    """
    tag = (st.context.locale or "").replace("_", "-").split("-")
    code = tag[1].upper() if len(tag) > 1 else None
    return guessed(code) if code in content().emergency_numbers else None


def use_language() -> Language:
    """Speak the person's language in this run: as saved, else the browser's, else English."""
    chosen = None
    if not logins_enabled() or (not login_setup_missing() and st.user.is_logged_in):
        chosen = store().get_language(user_id=user_id())
    language = chosen or i18n.from_locale(st.context.locale) or i18n.DEFAULT_LANGUAGE
    i18n.set_language(language)
    st.session_state[_LANGUAGE] = language
    return language


def _session_language() -> Language | None:
    """The language the session's last run spoke, for a widget callback run before app.py."""
    if get_script_run_ctx(suppress_warning=True) is None:
        return None
    return i18n.as_language(st.session_state.get(_LANGUAGE))


i18n.set_fallback(_session_language)


def show_triage(result: Triage, *, key: str = "triage") -> None:
    """Show the advice for an emergency, urgent or routine result; nothing for none."""
    if result.level is not TriageLevel.NONE:
        advice_block(triage_notice(result, country=country()), key=key)
