"""The quick entry's list of recent flare-ups: today's and yesterday's, with Change and Delete.

Deleting asks first, in place; the latest few are listed and the rest on request. The state
lives in plain session-state keys named after the page's `key` (`slot`), shared with the
quick entry's form in `ui.flares`.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from datetime import date

import streamlit as st

from sciatica import clock, ui
from sciatica.diary.flares import delete_flare, describe
from sciatica.diary.models import FlareEntry
from sciatica.i18n import _

LISTED = 5  # flare-ups listed before 'Show all'


def slot(key: str, name: str) -> str:
    """The plain session-state key of one piece of the quick entry's state."""
    return f"_flare_{key}_{name}"


def _delete(key: str, flare_id: int) -> None:
    # Already gone (deleted in another tab): the list below no longer shows it either way.
    with suppress(LookupError):
        delete_flare(ui.store(), user_id=ui.user_id(), flare_id=flare_id)
    st.session_state.pop(slot(key, "confirm"), None)
    st.session_state[slot(key, "result")] = _("Deleted the flare-up.")


def _ask(key: str, flare_id: int | None) -> None:
    if flare_id is None:
        st.session_state.pop(slot(key, "confirm"), None)
    else:
        st.session_state[slot(key, "confirm")] = flare_id


def listed(
    key: str,
    flares: list[FlareEntry],
    *,
    today: date,
    timezone: str | None,
    change: Callable[[str, int], None],
) -> None:
    """The flare-ups of today and yesterday, latest first, each with Change and Delete."""
    st.markdown(_("**Flare-ups today and yesterday**"))
    # The latest few, the rest on request: two days can hold 100 (MAX_FLARES_PER_DAY each),
    # and each drawn one costs the page its widgets, on every run.
    shown = list(reversed(flares))
    if not st.session_state.get(slot(key, "all")):
        shown = shown[:LISTED]
    for flare in shown:
        day = clock.relative_day(flare.day, today=today).capitalize()
        with st.container(key=f"flare_{key}_item_{flare.id}"):
            st.markdown(
                _("{day}: {flare}").format(day=day, flare=describe(flare, timezone=timezone))
            )
            if flare.note:
                st.text(flare.note)  # the person's words, shown as they wrote them
            row = st.container(horizontal=True)
            if st.session_state.get(slot(key, "confirm")) == flare.id:
                row.button(
                    _("Yes, delete it"),
                    key=f"flare_{key}_yes_{flare.id}",
                    type="primary",
                    on_click=_delete,
                    args=(key, flare.id),
                )
                row.button(
                    _("Keep it"), key=f"flare_{key}_no_{flare.id}", on_click=_ask, args=(key, None)
                )
                continue
            row.button(
                _("Change"),
                key=f"flare_{key}_change_{flare.id}",
                icon=":material/edit:",
                type="tertiary",
                on_click=change,
                args=(key, flare.id),
            )
            row.button(
                _("Delete"),
                key=f"flare_{key}_delete_{flare.id}",
                icon=":material/delete:",
                type="tertiary",
                on_click=_ask,
                args=(key, flare.id),
            )
    if len(shown) < len(flares):
        st.button(
            _("Show all {count} flare-ups of today and yesterday").format(count=len(flares)),
            key=f"flare_{key}_all",
            type="tertiary",
            icon=":material/expand_more:",
            on_click=_show_all,
            args=(key,),
        )


def _show_all(key: str) -> None:
    st.session_state[slot(key, "all")] = True
