"""The Routine page's saved routines and the draft they are changed through.

The draft lives in the plain session-state key `DRAFT`, so it survives a visit to another
page; each button swaps it for what a pure transition of `plans.draft` makes of it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from sciatica import ui
from sciatica.exercises.models import Catalog
from sciatica.i18n import _
from sciatica.plans.draft import RoutineDraft
from sciatica.plans.models import Routine
from sciatica.plans.sessions import next_step
from sciatica.storage.store import Store
from sciatica.ui import plans as widgets

DRAFT = "routine_draft"  # a plain key: the draft survives a visit to another page
CONFIRM_DELETE = "routine_confirm_delete"


def change(transition: Callable[[RoutineDraft], RoutineDraft]) -> None:
    """Swap the draft for what a transition makes of it (the buttons call this back)."""
    st.session_state[DRAFT] = transition(st.session_state[DRAFT])


def remove(exercise_id: str) -> None:
    draft = st.session_state[DRAFT] = st.session_state[DRAFT].remove(exercise_id)
    st.session_state[f"rt_{draft.version}_pick"] = list(draft.exercise_ids)


def actions(
    row: DeltaGenerator, *, store: Store, user: str, catalog: Catalog, routine: Routine
) -> None:
    """Follow, change or delete a saved routine (asking before it deletes)."""
    if not routine.active and row.button(_("Make active"), key=f"activate_{routine.id}"):
        store.set_active_routine(user_id=user, routine_id=routine.id)
        ui.flash(_("“{name}” is now the routine you follow.").format(name=ui.plain(routine.name)))
    edit = partial(RoutineDraft.load, routine=routine, catalog=catalog, routine_id=routine.id)
    row.button(_("Edit"), key=f"edit_{routine.id}", on_click=change, args=(edit,))
    if row.button(_("Delete"), key=f"delete_{routine.id}"):
        st.session_state[CONFIRM_DELETE] = routine.id


def confirm_delete(
    store: Store, *, user: str, today: date, routine: Routine, draft: RoutineDraft
) -> None:
    """Ask before deleting a saved routine; the draft of it is cleared too."""
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


def your_routines(
    store: Store, *, user: str, catalog: Catalog, today: date, draft: RoutineDraft
) -> None:
    """The saved routines, each a card with Make active, Edit and Delete."""
    st.header(_("Your routines"))
    routines = store.list_routines(user_id=user)
    if not routines:
        st.caption(_("No routines saved yet. Build your first one below."))
    step = next_step(store, user_id=user, catalog=catalog, today=today) if routines else None
    for routine in routines:
        with st.container(border=True, key=f"routine_{routine.id}"):
            draw = partial(actions, store=store, user=user, catalog=catalog, routine=routine)
            widgets.routine_card(routine, catalog=catalog, step=step, actions=draw)
            if st.session_state.get(CONFIRM_DELETE) == routine.id:
                confirm_delete(store, user=user, today=today, routine=routine, draft=draft)
