"""Widgets for routines and sessions, shared by the Today, Session and Routine pages.

Each draws what a service in sciatica/plans computed and calls one service per action: today's
plan, the suggestion after the latest session (and deciding on it), and the session log. A
saved routine's card and the routine builder are the Routine page's own, in `ui.routine`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import streamlit as st

from sciatica import i18n, ui
from sciatica.diary.models import NOTES_MAX_CHARS
from sciatica.exercises.models import Catalog, Exercise
from sciatica.i18n import _
from sciatica.plans.classify import Colour
from sciatica.plans.easing import caution_words, left_out_words
from sciatica.plans.guided import PAIN_HELP, colour_reason
from sciatica.plans.log import (
    PAIN_FIELDS,
    PAIN_SCALE,
    SessionRejected,
    session_from_answers,
    stop_advice,
)
from sciatica.plans.models import (
    SESSION_LABELS,
    ExerciseOutcome,
    LegResponse,
    Step,
)
from sciatica.plans.ports import StaleRoutine
from sciatica.plans.sessions import NextStep, SuggestionChanged, colour_words, decide
from sciatica.plans.today import EVERY_DAY, PlanStatus, TodaysPlan
from sciatica.ui import in_view
from sciatica.ui.plain import plain

BADGE = {Colour.GREEN: "green", Colour.AMBER: "orange", Colour.RED: "red"}
LOG_VERSION = "session_log_version"  # a new number gives the log form fresh, empty widgets
SESSION_NOTICE = "session_log_notice"  # the advice or refusal at Save, brought into view


def todays_plan(plan: TodaysPlan, *, start: Callable[[bool], object]) -> None:
    """Today's exercises, a rest day (with what is for every day), or where to build a routine.

    `start(rest_day)` draws the way into the session: on a rest day, one to do all the same.
    """
    if plan.status is PlanStatus.PLANNED:
        if plan.eased:
            st.info(plan.eased, icon=":material/healing:")
        heading = f"**{plan.message_naming(plain)}**"
        st.markdown(heading + "".join(f"\n- {line}" for line in plan.exercises))
        _left_out_and_cautions(plan)
        start(False)
    elif plan.status is PlanStatus.DONE:
        st.success(plan.message_naming(plain), icon=":material/check_circle:")
    elif plan.status is PlanStatus.REST_DAY:
        daily = "".join(f"\n- {line}" for line in plan.daily)
        st.info(
            plan.message_naming(plain) + (f"\n\n{_(EVERY_DAY)}{daily}" if daily else ""),
            icon=":material/bedtime:",
        )
        if plan.offered is not None:
            if plan.eased:
                st.info(plan.eased, icon=":material/healing:")
            _left_out_and_cautions(plan)
            start(True)
    else:
        st.info(plan.message_naming(plain), icon=":material/event_repeat:")
        st.page_link("pages/routine.py", label=_("Build a routine"), icon=":material/event_repeat:")


def _left_out_and_cautions(plan: TodaysPlan) -> None:
    """What an eased session leaves out, and About me's cautions on the day's exercises."""
    if plan.left_out:
        st.caption(left_out_words(plan.left_out))
    for caution in plan.cautions:
        st.warning(caution_words(caution), icon=":material/warning:")


def start_label(plan: TodaysPlan, *, rest_day: bool) -> str:
    """The words of the way into today's session: eased, on a rest day, or as planned."""
    if plan.eased:
        return _("Start the eased session")
    return _("Do a session today") if rest_day else _("Start today's session")


def caution_at_step(
    plan: TodaysPlan, exercise: Exercise, *, swap: Callable[[Exercise], None]
) -> None:
    """An About-me caution on the exercise on screen, and its safer version one tap away."""
    for caution in plan.cautions:
        if caution.exercise_id != exercise.id:
            continue
        st.warning(caution.reason, icon=":material/warning:")
        if caution.safer is not None:
            st.button(
                _("Do the {safer} instead").format(safer=caution.safer.name),
                icon=":material/swap_horiz:",
                key=f"swap_{exercise.id}",
                on_click=swap,
                args=(caution.safer,),
            )


def _decide(catalog: Catalog, key: str, accept: bool, done: str) -> None:
    """A button's callback: decide on the suggestion it was drawn for, named by its key.

    The key comes from the run that drew the button, so a suggestion that changed since (a
    check-in in another tab) is not decided on by mistake: the page says so instead.
    """
    try:
        decide(
            ui.store(),
            user_id=ui.user_id(),
            catalog=catalog,
            today=ui.today(),
            key=key,
            accept=accept,
        )
    except (SuggestionChanged, StaleRoutine, LookupError):
        changed = _("This suggestion changed since you saw it: here is the one that stands now.")
        ui.leave_message(changed, done=False)
    else:
        ui.leave_message(done)


def suggestion(step: NextStep, *, catalog: Catalog, key: str, label: str) -> None:
    """The suggestion and why; Accept or Dismiss a change, Got it for advice, once."""
    # The flare-up note is built from the app's own words and numbers, never a person's text.
    flare = f"\n\n{step.flare_note}" if step.flare_note else ""
    said = _("**{label}:** {sentence}").format(label=label, sentence=step.suggestion.sentence)
    st.info(f"{said}{flare}", icon=":material/lightbulb:")
    if not step.undecided:
        if step.decision is not None:
            st.caption(_("You have already decided on this suggestion."))
        return
    what = step.suggestion.key
    if not step.suggestion.changes:
        noted = _("Noted.")
        st.button(
            _("Got it"), key=f"{key}_noted", on_click=_decide, args=(catalog, what, True, noted)
        )
        return
    accepted = _("Accepted. Your routine is updated.")
    dismissed = _("Dismissed. Your routine stays.")
    row = st.container(horizontal=True)
    row.button(
        _("Accept"),
        type="primary",
        key=f"{key}_accept",
        on_click=_decide,
        args=(catalog, what, True, accepted),
    )
    row.button(
        _("Dismiss"), key=f"{key}_dismiss", on_click=_decide, args=(catalog, what, False, dismissed)
    )


def last_session(step: NextStep | None, *, catalog: Catalog) -> None:
    """The latest session's colour and why, then the suggestion for next time."""
    if step is None or step.latest is None:
        return
    classification = step.latest.classification
    colour = classification.colour
    st.header(_("Your last session"), anchor=False)
    words = colour_words(colour, provisional=classification.provisional)
    st.markdown(f":{BADGE[colour]}-badge[{words}] {i18n.format_day(step.latest.session.day)}")
    st.caption(colour_reason(classification))
    if step.suggestion.step is not Step.WARNING:
        suggestion(step, catalog=catalog, key="session_step", label=_("Next time"))


def session_log(
    *,
    today: date,
    routine_id: int | None,
    outcomes: dict[str, ExerciseOutcome],
    on_saved: Callable[[], object] = lambda: None,
) -> None:
    """The session log; `on_saved` runs once it saved a session.

    Advice to stop (new numbness or weakness, symptoms spreading down the leg) shows right at
    the Save button, as does a refusal; otherwise the page starts again with "Saved" at its top.
    """
    n = st.session_state.get(LOG_VERSION, 0)
    labels = {field: _(label) for field, label in SESSION_LABELS.items()}
    with st.form(f"session_log_{n}"):
        day = st.date_input(_("Date"), value=today, max_value=today, format="DD/MM/YYYY")
        answers: dict[str, object] = {
            field: st.pills(labels[field], PAIN_SCALE, key=f"log_{n}_{field}", help=_(PAIN_HELP))
            for field in PAIN_FIELDS
        }
        answers["leg_response"] = st.radio(
            labels["leg_response"],
            list(LegResponse),
            index=1,
            # Worded now, in this run's language: a format_func may run outside the page run.
            format_func={response: response.label for response in LegResponse}.__getitem__,
        )
        answers["new_numbness_or_weakness"] = st.checkbox(labels["new_numbness_or_weakness"])
        answers["notes"] = st.text_area(_("Notes"), max_chars=NOTES_MAX_CHARS)
        # Right above the Save button, where the person is looking, and scrolled into view:
        # the plan drawn above the form after a save can push the form down the page.
        notice = st.container(key=SESSION_NOTICE)
        submitted = st.form_submit_button(_("Save session"), type="primary")
    if not submitted:
        return
    data = {**answers, "day": day, "routine_id": routine_id, "outcomes": outcomes}
    try:
        entry = session_from_answers(data, today=today)
    except SessionRejected as error:
        problems = " ".join(error.problems)
        notice.error(_("Not saved. {problems}").format(problems=problems), icon=":material/error:")
        in_view.scroll_here(SESSION_NOTICE, block="center")
        return
    ui.store().save_session(user_id=ui.user_id(), session=entry)
    st.session_state[LOG_VERSION] = n + 1
    on_saved()
    advice = stop_advice(entry, country=ui.country())
    if advice is None:
        ui.flash(_("Saved your session of {day}.").format(day=i18n.format_day(entry.day)))
    notice.error(advice, icon=":material/front_hand:")
    in_view.scroll_here(SESSION_NOTICE, block="center")
