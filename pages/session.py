"""Session: today's exercises one at a time with a timer and counter, then how it went."""

from collections.abc import Callable

import streamlit as st
from pydantic import ValidationError

from sciatica import clock, ui
from sciatica.diary.models import NOTES_MAX_CHARS, describe_errors
from sciatica.diary.triage import active_alert
from sciatica.exercises.catalog import load_catalog
from sciatica.exercises.figures import exercise_figure_svg
from sciatica.plans import guided
from sciatica.plans.guided import PAIN_HELP, GuidedSession
from sciatica.plans.models import ExerciseOutcome, LegResponse, SessionInput
from sciatica.plans.progression import Colour, Step
from sciatica.plans.routine import describe_item
from sciatica.plans.sessions import classified_sessions, colour_words, next_step
from sciatica.plans.timer import format_seconds
from sciatica.plans.today import PlanStatus, todays_plan

GUIDED = "session_guided"
LOG_VERSION = "session_log_version"  # a new number gives the log form fresh, empty widgets
BADGE = {Colour.GREEN: "green", Colour.AMBER: "orange", Colour.RED: "red"}
FIGURE_PX = 400

catalog, store, user, today = load_catalog(), ui.store(), ui.user_id(), ui.today()
alert = active_alert(store.latest_check_in(user_id=user))
plan = todays_plan(store, user_id=user, catalog=catalog, today=today)
routine_id = plan.routine.id if plan.routine else None
state = guided.resume(
    st.session_state.get(GUIDED), routine_id=routine_id, plan=plan.session, alert=alert is not None
)


def begin() -> None:
    if plan.routine is not None and plan.session is not None:
        st.session_state[GUIDED] = guided.begin(routine_id=plan.routine.id, plan=plan.session)


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
        st.metric("Time left", format_seconds(left))
        if left == 0:
            st.caption(guided.TIME_UP)
        pressed = None
        with st.container(horizontal=True):
            label, go = guided.start_label(timer, now=now), ":material/play_arrow:"
            if st.button(label, icon=go, disabled=timer.running, key="t_go"):
                pressed = guided.start_timer(current, now=now)
            if st.button("Pause", icon=":material/pause:", disabled=not timer.running):
                pressed = guided.pause_timer(current, now=now)
            if st.button("Reset", icon=":material/replay:"):
                pressed = guided.reset_timer(current)
        if pressed is not None or ran_out:
            st.session_state[GUIDED] = pressed if pressed is not None else current
            st.rerun()  # the whole page, so the fragment ticks only while the timer runs
    if (counter := current.counter) is not None:
        st.markdown(f"**{counter.describe()}**")
        with st.container(horizontal=True):
            for label, icon, off, transition in (
                ("Count one", ":material/add:", counter.complete, guided.count),
                ("Undo", ":material/remove:", not counter.done, guided.undo),
            ):
                st.button(label, icon=icon, disabled=off, on_click=apply, args=(transition,))


def exercise_step(current: GuidedSession) -> None:
    assert current.current is not None
    item, exercise = current.current
    share, words = current.progress()
    st.progress(share, text=words)
    if current.note:
        st.info(current.note, icon=":material/healing:")
    st.subheader(exercise.name, anchor=False)
    st.image(exercise_figure_svg(exercise), width=FIGURE_PX)
    st.markdown(f"**This week: {describe_item(item)}.**")
    st.markdown("\n".join(f"{n}. {step}" for n, step in enumerate(exercise.steps, start=1)))
    st.caption("Stop if: " + " ".join(exercise.stop_if))
    running = current.timer is not None and current.timer.running
    with st.container(border=True):
        st.fragment(tools, run_every=1 if running else None)()
    with st.container(horizontal=True):
        st.button(
            "Done", type="primary", on_click=apply, args=(guided.record, ExerciseOutcome.DONE)
        )
        st.button("Skip", on_click=apply, args=(guided.record, ExerciseOutcome.SKIPPED))
        st.button("This hurt", on_click=apply, args=(guided.record, ExerciseOutcome.HURT))
    st.button(
        "Stop here and log the session", type="tertiary", on_click=apply, args=(guided.stop_early,)
    )


def log_form(*, outcomes: dict[str, ExerciseOutcome], routine_id: int | None) -> None:
    n = st.session_state.get(LOG_VERSION, 0)
    with st.form(f"session_log_{n}"):
        day = st.date_input("Date", value=today, max_value=today, format="DD/MM/YYYY")
        answers = {
            "pain_before": st.slider("Leg pain before", 0, 10, 0, help=PAIN_HELP),
            "worst_during": st.slider("Worst leg pain during", 0, 10, 0, help=PAIN_HELP),
            "pain_after": st.slider("Leg pain after", 0, 10, 0, help=PAIN_HELP),
            "leg_response": st.radio(
                "Where did your leg symptoms go?",
                list(LegResponse),
                index=1,
                format_func=lambda response: response.label,
            ),
            "new_numbness_or_weakness": st.checkbox("New numbness or weakness"),
            "notes": st.text_area("Notes", max_chars=NOTES_MAX_CHARS),
        }
        submitted = st.form_submit_button("Save session", type="primary")
    if submitted:
        data = {**answers, "day": day, "routine_id": routine_id, "outcomes": outcomes}
        try:
            entry = SessionInput.model_validate(data, context={"today": today})
        except ValidationError as error:
            st.error("Not saved. " + " ".join(describe_errors(error)), icon=":material/error:")
            return
        store.save_session(user_id=user, session=entry)
        st.session_state.pop(GUIDED, None)
        st.session_state[LOG_VERSION] = n + 1
        ui.flash(f"Saved your session of {entry.day:%A %d %B}.")


def todays_session() -> None:
    if plan.status is PlanStatus.PLANNED:
        st.markdown(f"**{plan.message}**" + "".join(f"\n- {line}" for line in plan.exercises))
        st.button("Start session", type="primary", icon=":material/play_arrow:", on_click=begin)
    elif plan.status is PlanStatus.DONE:
        st.success(plan.message, icon=":material/check_circle:")
    elif plan.status is PlanStatus.REST_DAY:
        st.info(plan.message, icon=":material/bedtime:")
    else:
        st.info(plan.message, icon=":material/event_repeat:")
        st.page_link("pages/routine.py", label="Build a routine", icon=":material/event_repeat:")


def last_session() -> None:
    history = classified_sessions(store, user_id=user)
    if not history:
        return
    latest = history[-1]
    colour = latest.classification.colour
    st.subheader("Your last session", anchor=False)
    st.markdown(f":{BADGE[colour]}-badge[{colour_words(colour)}] {latest.session.day:%A %d %B}")
    st.caption(guided.colour_reason(latest.classification))
    step = next_step(store, user_id=user, catalog=catalog, today=today)
    if step is None or step.suggestion.step is Step.NO_SUGGESTIONS:
        return
    st.info(f"**Next time:** {step.suggestion.sentence}", icon=":material/lightbulb:")
    if not step.undecided:
        st.caption("You have already decided on this suggestion.")
        return
    ui.decision_buttons(step, key="session_step")


if st.query_params.pop("start", None) and state is None and alert is None and plan.session:
    begin()  # "Start today's session" on the Today page opens the first exercise
    state = st.session_state[GUIDED]

st.title("Session")
ui.show_flash()
if alert is not None:
    ui.show_triage(alert)
    st.page_link("pages/check_in.py", label="Update your check-in", icon=":material/edit_note:")

if state is not None and not state.reviewing:
    exercise_step(state)
elif state is not None:
    st.subheader("How did it go?", anchor=False)
    st.markdown("\n".join(f"- {line}" for line in state.review()))
    log_form(outcomes=state.outcome_by_id, routine_id=state.routine_id)
    st.button("Cancel this session", type="tertiary", on_click=st.session_state.pop, args=(GUIDED,))
else:
    st.session_state.pop(GUIDED, None)
    if alert is None:
        todays_session()
        last_session()
    st.subheader("Log a session", anchor=False)
    st.caption("Did your exercises without the guide, or on another day? Log them here.")
    log_form(outcomes={}, routine_id=routine_id)
