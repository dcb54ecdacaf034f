"""Session: today's exercises one at a time with a timer and counter, then how it went."""

import streamlit as st
from pydantic import ValidationError

from sciatica import clock, ui
from sciatica.diary.models import NOTES_MAX_CHARS, describe_errors
from sciatica.diary.triage import active_alert
from sciatica.documents.calendar import rest_day_note
from sciatica.exercises.catalog import Exercise, load_catalog
from sciatica.exercises.figures import exercise_figure_svg
from sciatica.plans.models import ExerciseOutcome, LegResponse, RoutineItem, SessionInput
from sciatica.plans.progression import Colour, Step
from sciatica.plans.routine import describe_item, session_for_day
from sciatica.plans.sessions import classified_sessions, colour_words, next_step
from sciatica.plans.timer import Countdown, RepCounter, format_seconds

GUIDED, TIMER, COUNTER = "session_guided", "session_timer", "session_counter"
LOG_VERSION = "session_log_version"  # a new number gives the log form fresh, empty widgets
BADGE = {Colour.GREEN: "green", Colour.AMBER: "orange", Colour.RED: "red"}
OUTCOME_WORDS = {
    ExerciseOutcome.DONE: "done",
    ExerciseOutcome.SKIPPED: "skipped",
    ExerciseOutcome.HURT: "this hurt",
}
PAIN_HELP = "0 = no pain, 10 = the worst pain you can imagine."
FIGURE_PX = 400

catalog, store, user, today = load_catalog(), ui.store(), ui.user_id(), ui.today()
alert = active_alert(store.latest_check_in(user_id=user))
routine = store.active_routine(user_id=user)
planned = session_for_day(routine, catalog=catalog, day=today) if routine else None
guided = st.session_state.get(GUIDED)
if alert is not None or planned is None or (routine and guided and guided["routine"] != routine.id):
    guided = None  # a warning sign, a rest day or another routine ends a guided session


def begin() -> None:
    assert routine is not None
    st.session_state[GUIDED] = {"routine": routine.id, "index": 0, "outcomes": {}, "note": None}
    forget_tools()


def forget_tools() -> None:
    st.session_state.pop(TIMER, None)
    st.session_state.pop(COUNTER, None)


def advance(exercise: Exercise, outcome: ExerciseOutcome) -> None:
    state = st.session_state[GUIDED]
    state["outcomes"][exercise.id] = outcome
    state["index"] += 1
    state["note"] = (
        f"You stopped the {exercise.name} because it hurt: that was the right thing to do. "
        "If symptoms spread down your leg or you feel new numbness, stop and log the session."
        if outcome is ExerciseOutcome.HURT
        else None
    )
    forget_tools()


def stop_early() -> None:
    st.session_state[GUIDED]["index"] = len(planned.items) if planned else 0


def recount(step: int) -> None:
    counter: RepCounter = st.session_state[COUNTER]
    st.session_state[COUNTER] = counter.count() if step > 0 else counter.undo()


def tools(item: RoutineItem) -> None:
    """The countdown and the repetition counter; reruns every second while the timer runs."""
    now = clock.ticks()
    timer: Countdown | None = st.session_state.get(TIMER)
    counter: RepCounter | None = st.session_state.get(COUNTER)
    if timer is not None:
        timer, ran_out = timer.settle(now=now)
        if ran_out and counter is not None:
            counter = st.session_state[COUNTER] = counter.count()
        st.session_state[TIMER] = timer
        left = timer.remaining(now=now)
        st.metric("Time left", format_seconds(left))
        if left == 0:
            st.caption("Time is up: ease out of the position slowly.")
        label = "Resume" if not timer.running and timer.elapsed and left else "Start"
        pressed = None
        with st.container(horizontal=True):
            if st.button(label, icon=":material/play_arrow:", disabled=timer.running, key="t_go"):
                pressed = timer.start(now=now)
            if st.button("Pause", icon=":material/pause:", disabled=not timer.running):
                pressed = timer.pause(now=now)
            if st.button("Reset", icon=":material/replay:"):
                pressed = timer.reset()
        if pressed is not None or ran_out:
            st.session_state[TIMER] = pressed or timer
            st.rerun()  # the whole page, so the fragment ticks only while the timer runs
    if counter is not None:
        st.markdown(f"**{counter.describe()}**")
        with st.container(horizontal=True):
            st.button(
                "Count one",
                icon=":material/add:",
                disabled=counter.complete,
                on_click=recount,
                args=(1,),
            )
            st.button(
                "Undo",
                icon=":material/remove:",
                disabled=counter.done == 0,
                on_click=recount,
                args=(-1,),
            )


def exercise_step(index: int) -> None:
    assert planned is not None
    item, exercise = planned.items[index]
    st.progress(index / len(planned.items), text=f"Exercise {index + 1} of {len(planned.items)}")
    if note := guided and guided["note"]:
        st.info(note, icon=":material/healing:")
    st.subheader(exercise.name, anchor=False)
    st.image(exercise_figure_svg(exercise), width=FIGURE_PX)
    st.markdown(f"**This week: {describe_item(item)}.**")
    st.markdown("\n".join(f"{n}. {step}" for n, step in enumerate(exercise.steps, start=1)))
    st.caption("Stop if: " + " ".join(exercise.stop_if))
    seconds = item.hold_seconds or (item.minutes or 0) * 60
    if seconds:
        st.session_state.setdefault(TIMER, Countdown(seconds))
    if item.reps:
        counter = RepCounter(reps=item.reps, sets=item.sets, per_side=item.per_side)
        st.session_state.setdefault(COUNTER, counter)
    running = bool(st.session_state.get(TIMER) and st.session_state[TIMER].running)
    with st.container(border=True):
        st.fragment(tools, run_every=1 if running else None)(item)
    with st.container(horizontal=True):
        st.button("Done", type="primary", on_click=advance, args=(exercise, ExerciseOutcome.DONE))
        st.button("Skip", on_click=advance, args=(exercise, ExerciseOutcome.SKIPPED))
        st.button("This hurt", on_click=advance, args=(exercise, ExerciseOutcome.HURT))
    st.button("Stop here and log the session", type="tertiary", on_click=stop_early)


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
        forget_tools()
        ui.flash(f"Saved your session of {entry.day:%A %d %B}.")


def todays_plan() -> None:
    if routine is None:
        st.info("You have no routine to follow yet.", icon=":material/event_repeat:")
        st.page_link("pages/routine.py", label="Build a routine", icon=":material/event_repeat:")
    elif planned is None:
        st.info(rest_day_note(routine, today=today), icon=":material/bedtime:")
    elif store.sessions_between(user_id=user, start=today, end=today):
        st.success("You have logged a session today. Well done.", icon=":material/check_circle:")
    else:
        st.markdown(f"**Today: {routine.name}, week {planned.week}**")
        st.markdown("\n".join(f"- {ex.name}: {describe_item(it)}" for it, ex in planned.items))
        st.button("Start session", type="primary", icon=":material/play_arrow:", on_click=begin)


def last_session() -> None:
    history = classified_sessions(store, user_id=user)
    if not history:
        return
    latest = history[-1]
    colour = latest.classification.colour
    st.subheader("Your last session", anchor=False)
    st.markdown(f":{BADGE[colour]}-badge[{colour_words(colour)}] {latest.session.day:%A %d %B}")
    later = " Tomorrow's check-in may change this." if latest.classification.provisional else ""
    st.caption(f"Because {'; '.join(latest.classification.reasons)}.{later}")
    step = next_step(store, user_id=user, catalog=catalog, today=today)
    if step is None or step.suggestion.step is Step.NO_SUGGESTIONS:
        return
    st.info(f"**Next time:** {step.suggestion.sentence}", icon=":material/lightbulb:")
    if not step.undecided:
        st.caption("You have already decided on this suggestion.")
        return
    ui.decision_buttons(step, key="session_step")


if st.query_params.pop("start", None) and guided is None and alert is None and planned:
    begin()  # "Start today's session" on the Today page opens the first exercise
    guided = st.session_state[GUIDED]

st.title("Session")
ui.show_flash()
if alert is not None:
    ui.show_triage(alert)
    st.page_link("pages/check_in.py", label="Update your check-in", icon=":material/edit_note:")

if guided is not None and planned is not None and guided["index"] < len(planned.items):
    exercise_step(guided["index"])
elif guided is not None and planned is not None:
    st.subheader("How did it go?", anchor=False)
    outcomes = guided["outcomes"]
    st.markdown(
        "\n".join(
            f"- {exercise.name}: {OUTCOME_WORDS.get(outcomes.get(exercise.id), 'not reached')}"
            for _, exercise in planned.items
        )
    )
    log_form(outcomes=guided["outcomes"], routine_id=guided["routine"])
    st.button("Cancel this session", type="tertiary", on_click=st.session_state.pop, args=(GUIDED,))
else:
    st.session_state.pop(GUIDED, None)
    if alert is None:
        todays_plan()
        last_session()
    st.subheader("Log a session", anchor=False)
    st.caption("Did your exercises without the guide, or on another day? Log them here.")
    log_form(outcomes={}, routine_id=routine.id if routine else None)
