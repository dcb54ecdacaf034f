"""A message for the page's next run: left by an action, shown once at the top, in view."""

from __future__ import annotations

from typing import NoReturn

import streamlit as st

from sciatica.ui import in_view

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
    """Show the message left by `flash`, if any, and bring it into view (ui.in_view)."""
    if left := st.session_state.pop(_FLASH, None):
        message, done = left
        in_view.result(
            message, key="flash", kind=in_view.Kind.DONE if done else in_view.Kind.NOTICE
        )
