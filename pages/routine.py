"""Routine: build a weekly plan of exercises, keep several, follow one, print or export it."""

import re
from collections.abc import Callable
from functools import partial

import streamlit as st

from sciatica import ui
from sciatica.diary.triage import active_alert
from sciatica.documents.calendar import routine_calendar
from sciatica.documents.routine_sheet import dose_table, routine_sheet_pdf
from sciatica.exercises.catalog import load_catalog
from sciatica.plans.draft import RoutineDraft, dose_settings, save_draft
from sciatica.plans.models import MAX_WEEKS, Routine, RoutineItem, Weekday
from sciatica.plans.routine import (
    BUILD_UP_NOTE,
    ROUTINE_INTRO,
    TEMPLATE_NAMES,
    RoutineRejected,
    describe_schedule,
    template,
)

DRAFT = "routine_draft"  # a plain key: the draft survives a visit to another page
CONFIRM_DELETE = "routine_confirm_delete"

catalog, store, user, today = load_catalog(), ui.store(), ui.user_id(), ui.today()
names = {exercise.id: exercise.name for exercise in catalog.exercises}


def change(transition: Callable[[RoutineDraft], RoutineDraft]) -> None:
    """Swap the draft for what a transition makes of it (the buttons call this back)."""
    st.session_state[DRAFT] = transition(st.session_state[DRAFT])


def remove(exercise_id: str) -> None:
    draft = st.session_state[DRAFT] = st.session_state[DRAFT].remove(exercise_id)
    st.session_state[f"rt_{draft.version}_pick"] = list(draft.exercise_ids)


def file_stem(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "routine"


def routine_card(routine: Routine, draft: RoutineDraft) -> None:
    """A saved routine: what it holds; follow, change or delete it; calendar and print."""
    with st.container(border=True, key=f"routine_{routine.id}"):
        badge = " :green-badge[:material/check: Active]" if routine.active else ""
        st.markdown(f"**{routine.name}**{badge}")
        st.caption(describe_schedule(routine, today=today))
        st.write(", ".join(names.get(item.exercise_id, "?") for item in routine.items))
        row = st.container(horizontal=True)
        if not routine.active and row.button("Make active", key=f"activate_{routine.id}"):
            store.set_active_routine(user_id=user, routine_id=routine.id)
            ui.flash(f"“{routine.name}” is now the routine you follow.")
        edit = partial(RoutineDraft.load, routine=routine, catalog=catalog, routine_id=routine.id)
        row.button("Edit", key=f"edit_{routine.id}", on_click=change, args=(edit,))
        if row.button("Delete", key=f"delete_{routine.id}"):
            st.session_state[CONFIRM_DELETE] = routine.id
        stem, country = file_stem(routine.name), ui.country()
        row.download_button(
            "Calendar",
            routine_calendar(routine, catalog=catalog),
            file_name=f"{stem}.ics",
            mime="text/calendar",
            icon=":material/calendar_month:",
            on_click="ignore",
            key=f"ics_{routine.id}",
            help="Add your training days to your calendar (.ics).",
        )
        row.download_button(
            "Print sheet",
            partial(routine_sheet_pdf, routine, catalog=catalog, today=today, country=country),
            file_name=f"{stem}.pdf",
            mime="application/pdf",
            icon=":material/print:",
            on_click="ignore",
            key=f"pdf_{routine.id}",
            help="A printable PDF with pictures, steps and this week's doses.",
        )
        if st.session_state.get(CONFIRM_DELETE) == routine.id:
            st.warning(f"Delete “{routine.name}”? The sessions you logged stay in your diary.")
            confirm = st.container(horizontal=True)
            if confirm.button("Yes, delete it", key=f"confirm_delete_{routine.id}", type="primary"):
                store.delete_routine(user_id=user, routine_id=routine.id)
                st.session_state.pop(CONFIRM_DELETE)
                if draft.routine_id == routine.id:
                    st.session_state[DRAFT] = draft.clear(today=today)
                ui.flash(f"Deleted “{routine.name}”.")
            if confirm.button("Keep it", key=f"keep_{routine.id}"):
                st.session_state.pop(CONFIRM_DELETE)
                st.rerun()


def exercise_card(draft: RoutineDraft, index: int, item: RoutineItem) -> RoutineDraft:
    """One exercise: move it, remove it, set its dose; returns the draft with that dose."""
    exercise = catalog.by_id[item.exercise_id]
    with st.container(border=True):
        title, tools = st.columns([3, 2], vertical_alignment="center")
        title.markdown(f"**{index + 1}. {exercise.name}**")
        with tools.container(horizontal=True, horizontal_alignment="right"):
            for label, step, icon in (("Up", -1, "arrow_upward"), ("Down", 1, "arrow_downward")):
                st.button(
                    label,
                    key=f"{label.lower()}_{exercise.id}",
                    icon=f":material/{icon}:",
                    type="tertiary",
                    on_click=change,
                    args=(partial(RoutineDraft.move, index=index, step=step),),
                    disabled=not draft.can_move(index, step),
                )
            st.button(
                "Remove",
                key=f"remove_{exercise.id}",
                icon=":material/close:",
                type="tertiary",
                on_click=remove,
                args=(exercise.id,),
            )
        settings = dose_settings(item, exercise)
        columns = st.columns(max(2, len(settings)), vertical_alignment="bottom")
        for column, setting in zip(columns, settings, strict=False):
            key = f"rt_{draft.version}_{setting.field}_{exercise.id}"
            st.session_state.setdefault(key, setting.value)
            number = column.number_input(
                setting.label, setting.low, setting.high, step=1, key=key, help=setting.hint
            )
            draft = draft.set_dose(exercise.id, setting.field, number)
    return draft


draft: RoutineDraft = st.session_state.setdefault(DRAFT, RoutineDraft(start_date=today))

st.title("Routine")
ui.show_flash()
alert = active_alert(store.latest_check_in(user_id=user))
if alert is not None:
    ui.show_triage(alert)
st.caption(ROUTINE_INTRO)

st.subheader("Your routines")
routines = store.list_routines(user_id=user)
if not routines:
    st.caption("No routines saved yet. Build your first one below.")
for routine in routines:
    routine_card(routine, draft)

st.subheader(f"Change “{draft.name}”" if draft.routine_id else "Build a routine")
with st.container(horizontal=True):
    for name in TEMPLATE_NAMES:
        ready_made = template(name, catalog=catalog, start=today)
        use = partial(RoutineDraft.load, routine=ready_made, catalog=catalog)
        st.button(f"Use the {name.lower()}", key=f"template_{name}", on_click=change, args=(use,))
    scratch = partial(RoutineDraft.clear, today=today)
    st.button("Start from scratch", key="from_scratch", on_click=change, args=(scratch,))

v = draft.version
for key, value in (
    ("name", draft.name),
    ("pick", list(draft.exercise_ids)),
    ("days", list(draft.days)),
    ("start", draft.start_date),
    ("weeks", draft.weeks),
):
    st.session_state.setdefault(f"rt_{v}_{key}", value)
name = st.text_input("Routine name", max_chars=80, key=f"rt_{v}_name")
picked = st.multiselect(
    "Add exercises",
    list(names),
    format_func=names.__getitem__,
    key=f"rt_{v}_pick",
    placeholder="Choose exercises from the catalogue",
)
draft = draft.pick(picked, catalog=catalog)
for index, item in enumerate(draft.items):
    draft = exercise_card(draft, index, item)
if not draft.items:
    st.caption("Pick exercises above, or start from a template.")
days = st.pills(
    "Days", list(Weekday), selection_mode="multi", format_func=lambda d: d.label, key=f"rt_{v}_days"
)
left, right = st.columns(2)
start = left.date_input("Start date", format="DD/MM/YYYY", key=f"rt_{v}_start")
weeks = right.number_input("Weeks", 1, MAX_WEEKS, step=1, key=f"rt_{v}_weeks")
draft = st.session_state[DRAFT] = draft.with_details(
    name=name, days=days, start_date=start, weeks=weeks
)

if draft.items:
    st.markdown("**Week by week**")
    st.caption(BUILD_UP_NOTE)
    table = dose_table(draft.items, weeks=draft.weeks, catalog=catalog)
    if draft.weeks <= 6:
        st.table(table, border="horizontal")
    else:  # too many weeks to fit: a scrolling grid instead
        st.dataframe(table, hide_index=True)

if st.button("Save routine", type="primary", icon=":material/save:"):
    try:
        saved = save_draft(store, draft, user_id=user, catalog=catalog)
    except RoutineRejected as error:
        problems = "".join(f"\n- {problem}" for problem in error.problems)
        st.error(f"**Not saved.**{problems}", icon=":material/error:")
    else:
        st.session_state[DRAFT] = draft.clear(today=today)
        new = saved.active and draft.routine_id is None
        ui.flash(f"Saved “{saved.name}”." + (" It is now the routine you follow." if new else ""))
