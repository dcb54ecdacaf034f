"""Shared Streamlit wiring: the one store, the current user, the user's today, the alert banner."""

from __future__ import annotations

from datetime import date

import streamlit as st

from sciatica.config import Settings
from sciatica.dates import local_today
from sciatica.models import TriageLevel
from sciatica.store import Store
from sciatica.triage import Triage, advice

PLOTLY_CONFIG = {"displaylogo": False, "responsive": True, "modeBarButtonsToRemove": ["lasso2d"]}


@st.cache_resource(show_spinner="Opening your diary…")
def _open_store(url: str) -> Store:
    return Store.open(url)


def settings() -> Settings:
    """The configuration from the environment."""
    return Settings()


def store() -> Store:
    """The database, opened and migrated once per server."""
    return _open_store(settings().resolved_database_url())


def user_id() -> str:
    """Whose diary this session reads and writes."""
    return settings().user_id


def today() -> date:
    """Today in the user's time zone, as the browser reports it."""
    return local_today(st.context.timezone)


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
