"""Entry point: page settings and navigation. Everything else lives in pages/ and sciatica/."""

import streamlit as st

from sciatica import ui

st.set_page_config(page_title="Sciatica diary", page_icon="🌿", layout="centered")
ui.require_login()

navigation = st.navigation(
    [
        # The default page always lives at the root URL, so it takes no url_path.
        st.Page("pages/today.py", title="Today", icon=":material/home:", default=True),
        st.Page(
            "pages/check_in.py", title="Check-in", icon=":material/edit_note:", url_path="check-in"
        ),
        st.Page(
            "pages/exercises.py",
            title="Exercises",
            icon=":material/self_improvement:",
            url_path="exercises",
        ),
        st.Page(
            "pages/routine.py", title="Routine", icon=":material/event_repeat:", url_path="routine"
        ),
        st.Page("pages/session.py", title="Session", icon=":material/timer:", url_path="session"),
        st.Page(
            "pages/progress.py", title="Progress", icon=":material/monitoring:", url_path="progress"
        ),
        st.Page(
            "pages/my_data.py", title="My data", icon=":material/folder_shared:", url_path="data"
        ),
        st.Page(
            "pages/safety.py",
            title="Safety",
            icon=":material/health_and_safety:",
            url_path="safety",
        ),
    ]
)
navigation.run()
