"""Today: is today's check-in done, how the last week went, and any warning that stands."""

import streamlit as st

from sciatica import i18n, ui
from sciatica.diary.today import today_overview
from sciatica.exercises.catalog import load_catalog
from sciatica.i18n import _
from sciatica.plans.sessions import next_step
from sciatica.plans.today import todays_plan
from sciatica.progress.week_chart import recent_leg_pain_figure
from sciatica.ui import alerts, flares
from sciatica.ui import plans as widgets

store, user, today = ui.store(), ui.user_id(), ui.today()
overview = today_overview(store, user_id=user, today=today)

st.title(_("Today"))
st.caption(i18n.format_day(today, year=True))
ui.show_flash()
plans_suit = alerts.safety_first(overview.standing, today=today)

if overview.todays_check_in is not None:
    done = overview.todays_check_in
    done_words = _("You have checked in today: leg pain {leg}, back pain {back}.")
    st.success(
        done_words.format(leg=done.leg_pain, back=done.back_pain), icon=":material/check_circle:"
    )
    st.page_link(
        "pages/check_in.py", label=_("Change today's check-in"), icon=":material/edit_note:"
    )
else:
    st.info(
        _("You have not checked in today. It takes about a minute."), icon=":material/edit_note:"
    )
    st.page_link("pages/check_in.py", label=_("Do today's check-in"), icon=":material/edit_note:")
alerts.first_use()  # About me, once: a step of its own, after the way to the check-in
flares.quick_entry(key="today")  # pain flaring during the day, beside the one check-in

if overview.routine is not None:
    ui.show_triage(overview.routine)

# Exercises: none while a warning sign stands (the advice above says so).
if overview.alert is None and plans_suit:
    st.header(_("Exercises"), anchor=False)
    catalog = load_catalog()
    plan = todays_plan(store, user_id=user, catalog=catalog, today=today)
    widgets.todays_plan(
        plan,
        start=lambda rest_day: st.page_link(
            "pages/session.py",
            label=widgets.start_label(plan, rest_day=rest_day),
            icon=":material/timer:",
            query_params={"start": "1"},
        ),
    )
    step = next_step(store, user_id=user, catalog=catalog, today=today)
    if step is not None and step.undecided:
        widgets.suggestion(
            step, catalog=catalog, key="today_step", label=_("After your last session")
        )

if overview.week:
    figure = recent_leg_pain_figure(overview.week, end=today)
    st.plotly_chart(figure, width="stretch", config=ui.PLOTLY_CONFIG)
    st.caption(overview.week_summary)
else:
    st.caption(
        _("Your leg pain over the last seven days will show here after your first check-in.")
    )

st.page_link(
    "pages/safety.py",
    label=_("When to stop and when to get help"),
    icon=":material/health_and_safety:",
)
