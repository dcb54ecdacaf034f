"""The guided session's screens: one exercise with its timer and counter.

The guided session lives in the plain session-state key `GUIDED`, replaced whole by each pure
transition of `plans.guided`; the timer's fragment reruns every second only while it runs.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from sciatica import clock
from sciatica.exercises.figures import exercise_figure_svg
from sciatica.i18n import _
from sciatica.plans import guided
from sciatica.plans.guided import GuidedSession
from sciatica.plans.models import ExerciseOutcome
from sciatica.plans.routine import describe_item
from sciatica.plans.timer import format_seconds
from sciatica.plans.today import TodaysPlan
from sciatica.ui import cues
from sciatica.ui import plans as widgets

GUIDED = "session_guided"
HOLD_ENDED = "session_hold_ended"  # set when a countdown runs out: cue once on the next run
SOUND = "session_sound"  # the person's choice, kept for the whole visit
FIGURE_PX = 400


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


def exercise_step(current: GuidedSession, plan: TodaysPlan) -> None:
    """One exercise: its picture, dose, timer or counter, and how it went."""
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
