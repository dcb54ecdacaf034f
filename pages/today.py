"""Today: is today's check-in done, how the last week went, and any warning that stands."""

import streamlit as st

from sciatica import ui
from sciatica.diary.today import today_overview
from sciatica.exercises.catalog import load_catalog
from sciatica.plans.sessions import next_step
from sciatica.plans.today import todays_plan
from sciatica.progress.week_chart import recent_leg_pain_figure
from sciatica.ui import alerts, flares
from sciatica.ui import plans as widgets

store, user, today = ui.store(), ui.user_id(), ui.today()
overview = today_overview(store, user_id=user, today=today)

st.title("Today")
st.caption(f"{today:%A %d %B %Y}")
ui.show_flash()
plans_suit = alerts.safety_first(overview.standing, today=today)

if overview.todays_check_in is not None:
    done = overview.todays_check_in
    st.success(
        f"You have checked in today: leg pain {done.leg_pain}, back pain {done.back_pain}.",
        icon=":material/check_circle:",
    )
    st.page_link("pages/check_in.py", label="Change today's check-in", icon=":material/edit_note:")
else:
    st.info("You have not checked in today. It takes about a minute.", icon=":material/edit_note:")
    st.page_link("pages/check_in.py", label="Do today's check-in", icon=":material/edit_note:")
flares.quick_entry(key="today")  # pain flaring during the day, beside the one check-in

if overview.routine is not None:
    ui.show_triage(overview.routine)

# Exercises: none while a warning sign stands (the advice above says so).
if overview.alert is None and plans_suit:
    st.header("Exercises", anchor=False)
    catalog = load_catalog()
    plan = todays_plan(store, user_id=user, catalog=catalog, today=today)
    widgets.todays_plan(
        plan,
        start=lambda: st.page_link(
            "pages/session.py",
            label="Start today's session",
            icon=":material/timer:",
            query_params={"start": "1"},
        ),
    )
    step = next_step(store, user_id=user, catalog=catalog, today=today)
    if step is not None and step.undecided:
        widgets.suggestion(step, catalog=catalog, key="today_step", label="After your last session")

if overview.week:
    figure = recent_leg_pain_figure(overview.week, end=today)
    st.plotly_chart(figure, width="stretch", config=ui.PLOTLY_CONFIG)
    st.caption(overview.week_summary)
else:
    st.caption("Your leg pain over the last seven days will show here after your first check-in.")

st.page_link(
    "pages/safety.py",
    label="When to stop and when to get help",
    icon=":material/health_and_safety:",
)
