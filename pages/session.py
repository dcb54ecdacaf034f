"""Session: today's exercises one at a time with a timer and counter, then how it went."""

from collections.abc import Callable

import streamlit as st

from sciatica import clock, ui
from sciatica.diary.today import current_alert
from sciatica.exercises.catalog import load_catalog
from sciatica.exercises.figures import exercise_figure_svg
from sciatica.i18n import _
from sciatica.plans import guided
from sciatica.plans.guided import GuidedSession
from sciatica.plans.models import ExerciseOutcome
from sciatica.plans.routine import describe_item
from sciatica.plans.sessions import next_step
from sciatica.plans.timer import format_seconds
from sciatica.plans.today import todays_plan
from sciatica.ui import alerts, cues
from sciatica.ui import plans as widgets

GUIDED = "session_guided"
HOLD_ENDED = "session_hold_ended"  # set when a countdown runs out: cue once on the next run
SOUND = "session_sound"  # the person's choice, kept for the whole visit
FIGURE_PX = 400

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


def apply(transition: Callable[..., GuidedSession], *args: object) -> None:
    """Replace the guided session with what a transition makes of it."""
    st.session_state[GUIDED] = transition(st.session_state[GUIDED], *args)


def tools() -> None:
    """The countdown and the repetition counter; reruns every second while the timer runs."""
    if GUIDED not in st.session_state:
        return  # a last tick after the session ended
    now = clock.ticks()
    current, ran_out = guided.settle(st.session_state[GUIDED], now=now)
    st.session_state[GUIDED] = current
    if (timer := current.timer) is not None:
        left = timer.remaining(now=now)
        if left == 0:  # a clear change, not only a number: the hold is over, rest
            st.success(_(guided.HOLD_DONE), icon=":material/check_circle:")
        else:
            st.metric(_("Time left"), format_seconds(left))
        if st.session_state.pop(HOLD_ENDED, False) and st.session_state.get(SOUND, True):
            cues.hold_done_cue()
        pressed = None
        with st.container(horizontal=True):
            label, go = guided.start_label(timer, now=now), ":material/play_arrow:"
            if st.button(label, icon=go, disabled=timer.running, key="t_go"):
                pressed = guided.start_timer(current, now=now)
            if st.button(_("Pause"), icon=":material/pause:", disabled=not timer.running):
                pressed = guided.pause_timer(current, now=now)
            if st.button(_("Reset"), icon=":material/replay:"):
                pressed = guided.reset_timer(current)
        st.toggle(
            _("Sound at the end of each hold"),
            value=True,
            key=SOUND,
            persist_state="session",
            help=_("A short beep, and a buzz on a phone that allows it."),
        )
        if pressed is not None or ran_out:
            st.session_state[GUIDED] = pressed if pressed is not None else current
            st.session_state[HOLD_ENDED] = ran_out and pressed is None
            st.rerun()  # the whole page, so the fragment ticks only while the timer runs
    if (counter := current.counter) is not None:
        st.markdown(f"**{counter.describe()}**")
        with st.container(horizontal=True):
            for label, icon, off, transition in (
                (_("Count one"), ":material/add:", counter.complete, guided.count),
                (_("Undo"), ":material/remove:", not counter.done, guided.undo),
            ):
                st.button(label, icon=icon, disabled=off, on_click=apply, args=(transition,))


def exercise_step(current: GuidedSession) -> None:
    assert current.current is not None
    item, exercise = current.current
    share, words = current.progress()
    st.progress(share, text=words)
    if current.note:
        st.info(current.note, icon=":material/healing:")
    # On a phone the exercise, its picture, the dose and Start all fit the first screen; how to
    # do it follows the buttons.
    st.header(exercise.name, anchor=False)
    widgets.caution_at_step(plan, exercise, swap=lambda safer: apply(guided.swap, safer))
    st.image(exercise_figure_svg(exercise), width=FIGURE_PX)
    st.markdown(_("**Your dose: {dose}.**").format(dose=describe_item(item)))
    running = current.timer is not None and current.timer.running
    with st.container(border=True, key="session_tools"):
        st.fragment(tools, run_every=1 if running else None)()
    with st.container(horizontal=True):
        st.button(
            _("Done"), type="primary", on_click=apply, args=(guided.record, ExerciseOutcome.DONE)
        )
        st.button(_("Skip"), on_click=apply, args=(guided.record, ExerciseOutcome.SKIPPED))
        st.button(_("This hurt"), on_click=apply, args=(guided.record, ExerciseOutcome.HURT))
    st.markdown("\n".join(f"{n}. {step}" for n, step in enumerate(exercise.steps, start=1)))
    st.caption(_("Stop if: {rules}").format(rules=" ".join(exercise.stop_if)))
    st.button(
        _("Stop here and log the session"),
        type="tertiary",
        on_click=apply,
        args=(guided.stop_early,),
    )


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
    exercise_step(state)
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
