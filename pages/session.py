"""Session: today's exercises one at a time with a timer and counter, then how it went."""

import streamlit as st

from sciatica import ui
from sciatica.diary.today import current_alert
from sciatica.exercises.catalog import load_catalog
from sciatica.i18n import _
from sciatica.plans import guided
from sciatica.plans.sessions import next_step
from sciatica.plans.today import todays_plan
from sciatica.ui import alerts, session
from sciatica.ui import plans as widgets
from sciatica.ui.session import GUIDED

catalog, store, user, today = load_catalog(), ui.store(), ui.user_id(), ui.today()
standing = current_alert(store, user_id=user, today=today)  # the one state every page reads
alert = standing.triage if standing else None
plan = todays_plan(store, user_id=user, catalog=catalog, today=today)
routine_id = plan.routine.id if plan.routine else None
state = guided.resume(
    st.session_state.get(GUIDED), routine_id=routine_id, plan=plan.to_do, alert=alert is not None
)


def begin() -> None:
    if plan.routine is not None and plan.to_do is not None:  # on a rest day too, if asked
        st.session_state[GUIDED] = guided.begin(routine_id=plan.routine.id, plan=plan.to_do)


def start_button(rest_day: bool) -> None:
    alerts.disclaimer()
    label = _("Do a session today") if rest_day else _("Start session")
    st.button(label, type="primary", icon=":material/play_arrow:", on_click=begin)


if st.query_params.pop("start", None) and state is None and alert is None and plan.to_do:
    begin()  # "Start today's session" on the Today page opens the first exercise
    state = st.session_state[GUIDED]

st.title(_("Session"))
ui.show_flash()
if alerts.under_16_notice():
    st.stop()
alerts.standing_banner(standing, today=today)
if alert is not None:
    st.page_link("pages/check_in.py", label=_("Update your check-in"), icon=":material/edit_note:")

if state is not None and not state.reviewing:
    session.exercise_step(state, plan)
elif state is not None:
    st.header(_("How did it go?"), anchor=False)
    st.markdown("\n".join(f"- {line}" for line in state.review()))
    widgets.session_log(
        today=today,
        routine_id=state.routine_id,
        outcomes=state.outcome_by_id,
        on_saved=lambda: st.session_state.pop(GUIDED, None),
    )
    if GUIDED in st.session_state:  # not once it is saved
        st.button(
            _("Cancel this session"), type="tertiary", on_click=st.session_state.pop, args=(GUIDED,)
        )
else:
    st.session_state.pop(GUIDED, None)
    above = st.container()  # drawn after the log, so a session saved just now shows in it
    st.header(_("Log a session"), anchor=False)
    st.caption(_("Did your exercises without the guide, or on another day? Log them here."))
    widgets.session_log(today=today, routine_id=routine_id, outcomes={})
    if alert is None:
        with above:
            plan = todays_plan(store, user_id=user, catalog=catalog, today=today)
            widgets.todays_plan(plan, start=start_button)
            step = next_step(store, user_id=user, catalog=catalog, today=today)
            widgets.last_session(step, catalog=catalog)
