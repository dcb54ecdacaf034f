"""Entry point: page settings and navigation. Everything else lives in pages/ and sciatica/."""

import streamlit as st

from sciatica import ui
from sciatica.i18n import _
from sciatica.ui.pages import PAGES

ui.use_language()  # the person's language for everything this run draws, the tab's title too
st.set_page_config(page_title=_("Sciatica diary"), page_icon="🌿", layout="centered")
ui.require_login()

pages = [
    st.Page(
        page.file,
        title=_(page.title),
        icon=page.icon,
        url_path=page.url_path,
        default=page.default,
    )
    for page in PAGES
]
ui.run_page(st.navigation(pages), pages)  # an unexpected error: logged, and a calm message instead
