"""Tables that fit a phone: short text in every cell, and wide tables stacked in parts."""

from __future__ import annotations

from typing import Literal

import pandas as pd
import streamlit as st

from sciatica.progress.tables import as_text, in_parts

SCROLL_FROM_ROWS = 15  # a longer table scrolls inside its own box, down (never sideways)
BOX_PX = 480


def readable_table(table: pd.DataFrame) -> None:
    """The table as text (a dash for a gap), stacked in parts that fit a 375-pixel screen."""
    height: int | Literal["content"] = BOX_PX if len(table) > SCROLL_FROM_ROWS else "content"
    for part in in_parts(as_text(table)):
        st.table(part, height=height)
