"""Entry point: page settings and navigation. Everything else lives in pages/ and sciatica/."""

import streamlit as st  # noqa: TID251 - the entry point: page settings and navigation

from sciatica import ui
from sciatica.i18n import _
from sciatica.ui import login
from sciatica.ui.pages import PAGES
from sciatica.ui.patients import clinician_pages

ui.use_language()  # the person's language for everything this run draws, the tab's title too
st.set_page_config(page_title=_("Sciatica diary"), page_icon="🌿", layout="centered")
login.require_login()

pages = [
    st.Page(
        page.file,
        title=_(page.title),
        icon=page.icon,
        url_path=page.url_path,
        default=page.default,
    )
    # Patients: only for a login with whom a diary is shared now (sciatica/ui/patients.py).
    for page in PAGES + clinician_pages()
]
ui.run_page(st.navigation(pages), pages)  # an unexpected error: logged, and a calm message instead
