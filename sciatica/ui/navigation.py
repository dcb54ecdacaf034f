"""The way between pages: Streamlit's sidebar on a wide screen, a worded bar on a phone.

On a screen narrower than Streamlit's own breakpoint (768 px, where it folds the sidebar away
behind an unworded "»" that then stays open over the page chosen) the sidebar and the header
that holds its opener are hidden, and every page is a worded link in a bar at the top of the
page instead: one tap from any page to any other, and nothing drawn over the page afterwards.
The bar wraps onto a third line at 375 px rather than hiding pages behind a "More" (a
second tap, and a menu that could stay open over the page).

With logins on, the sidebar also holds "Log out", so the header and its opener stay.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st
from streamlit.navigation.page import StreamlitPage

NAV_KEY = "app_nav"
PHONE_MAX_PX = 767.98  # Streamlit's isMobile: narrower than its md breakpoint, 768 px
# What the bar replaces on a phone: the folded sidebar with its opener, and the empty header.
_REPLACED = "[data-testid='stSidebar'], [data-testid='stHeader']"


def _css(*, replaced: str | None) -> str:
    bar = f"[data-testid='stMain'] .st-key-{NAV_KEY}"
    hide = f"{replaced} {{display: none}}" if replaced else ""
    return f"""<style>
{bar} {{display: none}}
@media (max-width: {PHONE_MAX_PX}px) {{
  {bar} {{display: flex; gap: 0 0.25rem; margin-bottom: 0.25rem}}
  {bar} [data-testid='stPageLink'] a {{padding: 0.3rem 0.45rem}}
  [data-testid='stMainBlockContainer'] {{padding-top: 0.75rem}}
  {hide}
}}
</style>"""


def phone_bar(pages: Sequence[StreamlitPage], *, keep_sidebar: bool = False) -> None:
    """Every page as a worded link at the top of the page, shown on a phone-sized screen only."""
    st.html(_css(replaced=None if keep_sidebar else _REPLACED))
    with st.container(horizontal=True, key=NAV_KEY, gap=None):
        for page in pages:
            st.page_link(page, label=page.title)
