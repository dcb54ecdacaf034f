"""Routine: build a weekly plan of exercises, keep several, follow one, print or export it."""

from collections.abc import Callable
from functools import partial

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from sciatica import ui
from sciatica.diary.today import current_alert
from sciatica.exercises.catalog import load_catalog
from sciatica.i18n import _
from sciatica.plans.draft import RoutineDraft, save_draft
from sciatica.plans.models import Routine, Weekday
from sciatica.plans.routine import ROUTINE_INTRO, TEMPLATE_NAMES, RoutineRejected, template
from sciatica.plans.sessions import next_step
from sciatica.plans.swaps import picker_choices
from sciatica.ui import alerts, in_view
from sciatica.ui import plans as widgets

DRAFT = "routine_draft"  # a plain key: the draft survives a visit to another page
CONFIRM_DELETE = "routine_confirm_delete"

catalog, store, user, today = load_catalog(), ui.store(), ui.user_id(), ui.today()
about_me = store.get_about_me(user_id=user)


def change(transition: Callable[[RoutineDraft], RoutineDraft]) -> None:
    """Swap the draft for what a transition makes of it (the buttons call this back)."""
    st.session_state[DRAFT] = transition(st.session_state[DRAFT])


def remove(exercise_id: str) -> None:
    draft = st.session_state[DRAFT] = st.session_state[DRAFT].remove(exercise_id)
    st.session_state[f"rt_{draft.version}_pick"] = list(draft.exercise_ids)


def actions(routine: Routine, draft: RoutineDraft, row: DeltaGenerator) -> None:
    """Follow, change or delete a saved routine (asking before it deletes)."""
    if not routine.active and row.button(_("Make active"), key=f"activate_{routine.id}"):
        store.set_active_routine(user_id=user, routine_id=routine.id)
        ui.flash(_("“{name}” is now the routine you follow.").format(name=ui.plain(routine.name)))
    edit = partial(RoutineDraft.load, routine=routine, catalog=catalog, routine_id=routine.id)
    row.button(_("Edit"), key=f"edit_{routine.id}", on_click=change, args=(edit,))
    if row.button(_("Delete"), key=f"delete_{routine.id}"):
        st.session_state[CONFIRM_DELETE] = routine.id


def confirm_delete(routine: Routine, draft: RoutineDraft) -> None:
    st.warning(
        _("Delete “{name}”? The sessions you logged stay in your diary.").format(
            name=ui.plain(routine.name)
        )
    )
    confirm = st.container(horizontal=True)
    if confirm.button(_("Yes, delete it"), key=f"confirm_delete_{routine.id}", type="primary"):
        store.delete_routine(user_id=user, routine_id=routine.id)
        st.session_state.pop(CONFIRM_DELETE)
        if draft.routine_id == routine.id:
            st.session_state[DRAFT] = draft.clear(today=today)
        ui.flash(_("Deleted “{name}”.").format(name=ui.plain(routine.name)))
    if confirm.button(_("Keep it"), key=f"keep_{routine.id}"):
        st.session_state.pop(CONFIRM_DELETE)
        st.rerun()


draft: RoutineDraft = st.session_state.setdefault(DRAFT, RoutineDraft(start_date=today))

st.title(_("Routine"))
ui.show_flash()
if alerts.under_16_notice():
    st.stop()
standing = current_alert(store, user_id=user, today=today)  # the one state every page reads
alert = standing.triage if standing else None
alerts.standing_banner(standing, today=today)
st.caption(_(ROUTINE_INTRO))

st.header(_("Your routines"))
routines = store.list_routines(user_id=user)
if not routines:
    st.caption(_("No routines saved yet. Build your first one below."))
step = next_step(store, user_id=user, catalog=catalog, today=today) if routines else None
for routine in routines:
    with st.container(border=True, key=f"routine_{routine.id}"):
        draw = partial(actions, routine, draft)
        widgets.routine_card(routine, catalog=catalog, step=step, actions=draw)
        if st.session_state.get(CONFIRM_DELETE) == routine.id:
            confirm_delete(routine, draft)

st.header(
    _("Change “{name}”").format(name=ui.plain(draft.name))
    if draft.routine_id
    else _("Build a routine")
)
alerts.disclaimer()
with st.container(horizontal=True):
    for name in TEMPLATE_NAMES:
        try:
            ready_made = template(name, catalog=catalog, start=today, about_me=about_me)
        except RoutineRejected as error:  # nothing in it suits what About me says
            st.caption(_("{template}: {problem}").format(template=_(name), problem=error))
            continue
        use = partial(RoutineDraft.load, routine=ready_made, catalog=catalog)
        label = _("Use the {template}").format(template=_(name).lower())
        st.button(label, key=f"template_{name}", on_click=change, args=(use,))
    scratch = partial(RoutineDraft.clear, today=today)
    st.button(_("Start from scratch"), key="from_scratch", on_click=change, args=(scratch,))

v = draft.version
for key, value in (
    ("name", draft.name),
    ("pick", list(draft.exercise_ids)),
    ("days", list(draft.days)),
    ("start", draft.start_date),
):
    st.session_state.setdefault(f"rt_{v}_{key}", value)
name = st.text_input(_("Routine name"), max_chars=80, key=f"rt_{v}_name")
choices = picker_choices(
    catalog, about_me=about_me, today=today, picked=st.session_state[f"rt_{v}_pick"]
)
picked = widgets.exercise_picker(choices, key=f"rt_{v}_pick")
draft = draft.pick(picked, catalog=catalog)
for index, item in enumerate(draft.items):
    draft = widgets.draft_exercise(draft, index, item, catalog=catalog, move=change, remove=remove)
if not draft.items:
    st.caption(_("Pick exercises above, or start from a template."))
days = st.pills(
    _("Days"),
    list(Weekday),
    selection_mode="multi",
    format_func={d: d.label for d in Weekday}.__getitem__,
    key=f"rt_{v}_days",
)
start = st.date_input(_("Start date"), format="DD/MM/YYYY", key=f"rt_{v}_start")
draft = st.session_state[DRAFT] = draft.with_details(name=name, days=days, start_date=start)
if draft.items:
    st.caption(_("Each exercise starts at the dose set here, and changes only by your decision."))

if st.button(_("Save routine"), type="primary", icon=":material/save:"):
    try:
        saved = save_draft(store, draft, user_id=user, catalog=catalog, today=today)
    except RoutineRejected as error:
        problems = "".join(f"\n- {problem}" for problem in error.problems)
        in_view.result(
            _("**Not saved.**") + problems, key="routine_refused", kind=in_view.Kind.REFUSED
        )
    else:
        # The builder goes on showing what was saved, to change further, rather than emptying.
        st.session_state[DRAFT] = draft.load(saved, catalog=catalog, routine_id=saved.id)
        new = saved.active and draft.routine_id is None
        message = _("Saved “{name}”.").format(name=ui.plain(saved.name))
        if new:
            message += " " + _("It is now the routine you follow.")
        ui.flash(message)
