"""Advice on screen: a notice in its colour, its emergency numbers as links and Call buttons."""

from __future__ import annotations

import re
from collections.abc import Sequence

import streamlit as st

from sciatica.diary.models import TriageLevel
from sciatica.diary.notices import Notice
from sciatica.i18n import _


def advice_block(notice: Notice, *, key: str) -> None:
    """A notice's advice in its colour, its points as a list, and the numbers to call."""
    points = "".join(f"\n- {point}" for point in notice.points)
    body = f"**{notice.title}.** {dial_links(notice.text, notice.numbers)}{points}"
    if notice.level is TriageLevel.EMERGENCY:
        st.error(body, icon=":material/emergency:")
    elif notice.level in (TriageLevel.URGENT, TriageLevel.SOON):
        st.warning(body, icon=":material/warning:")
    else:
        st.info(body, icon=":material/stethoscope:")
    if notice.calls:  # the number to call, one tap away on a phone
        call_buttons(notice.calls, key=key)


def dial_links(text: str, numbers: Sequence[str]) -> str:
    """Markdown: each of these emergency numbers in the text as a tel: link, one tap to call.

    For the app's own advice wording only (it is markdown); a number inside a longer one
    (999 in 9999) is left alone.
    """
    if not numbers:
        return text
    pattern = "|".join(re.escape(number) for number in sorted(set(numbers), key=len, reverse=True))
    return re.sub(rf"(?<![\w\[:])({pattern})(?![\w\]])", r"[\1](tel:\1)", text)


def call_buttons(numbers: tuple[str, ...], *, key: str) -> None:
    """'Call 112', 'Call 999'... as tel: links, side by side where there is room."""
    row = st.container(horizontal=True, key=f"{key}_calls")
    for number in numbers:
        label = _("Call {number}").format(number=number)
        row.link_button(label, f"tel:{number}", type="primary", icon=":material/call:")
