"""The Routine page's pieces: the saved routines' cards and the builder of the draft.

The draft lives in the plain session-state key `DRAFT`, so it survives a visit to another
page; each button swaps it for what a pure transition of `plans.draft` makes of it. A card
shows a routine's doses, a pending suggestion, its history and its calendar and sheet.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import partial

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from sciatica import i18n, ui
from sciatica.documents.calendar import routine_calendar
from sciatica.documents.routine_sheet import routine_sheet_pdf
from sciatica.exercises.catalog import load_catalog
from sciatica.exercises.models import Catalog
from sciatica.i18n import Language, _
from sciatica.plans.draft import RoutineDraft, dose_settings
from sciatica.plans.history import change_line, dose_lines, item_change_words
from sciatica.plans.models import Routine, RoutineItem
from sciatica.plans.routine import describe_schedule
from sciatica.plans.sessions import NextStep, next_step
from sciatica.plans.swaps import PickerChoices
from sciatica.storage.store import Store
from sciatica.ui import plans as widgets
from sciatica.ui.documents import document_download
from sciatica.ui.plain import plain

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
            routine_card(routine, catalog=catalog, step=step, actions=draw)
            if st.session_state.get(CONFIRM_DELETE) == routine.id:
                confirm_delete(store, user=user, today=today, routine=routine, draft=draft)


def file_stem(name: str) -> str:
    """A routine's name as a file name."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "routine"


def routine_card(
    routine: Routine,
    *,
    catalog: Catalog,
    step: NextStep | None,
    actions: Callable[[DeltaGenerator], None],
) -> None:
    """A saved routine: its doses now, a pending suggestion, its history, `actions`, downloads."""
    store, user, today = ui.store(), ui.user_id(), ui.today()
    active = _("Active")
    badge = f" :green-badge[:material/check: {active}]" if routine.active else ""
    st.markdown(f"**{plain(routine.name)}**{badge}")
    st.caption(describe_schedule(routine))
    st.markdown("\n".join(f"- {line}" for line in dose_lines(routine, catalog=catalog)))
    if routine.active and step is not None and step.undecided:
        widgets.suggestion(
            step, catalog=catalog, key=f"routine_step_{routine.id}", label=_("Suggested")
        )
    history = store.routine_history(user_id=user, routine_id=routine.id)
    if history:
        with st.expander(_("History of changes ({count})").format(count=len(history))):
            for change in history:
                words = [item_change_words(item, catalog=catalog) for item in change.changes]
                details = "".join(f"\n    - {w}" for w in words if w)
                st.markdown(f"- {change_line(change, as_text=plain)}{details}")
    country = ui.country()

    def sheet(language: Language) -> bytes:
        with i18n.use(language):
            lines = [change_line(change) for change in history[:5]]
        return routine_sheet_pdf(
            routine,
            catalog=load_catalog(language=language),
            today=today,
            country=country,
            history=lines,
            language=language,
        )

    def calendar(language: Language) -> bytes:
        return routine_calendar(routine, catalog=load_catalog(language=language), language=language)

    row = st.container(horizontal=True)
    actions(row)
    stem = file_stem(routine.name)
    document_download(
        row,
        _("Calendar"),
        calendar,
        file_name=f"{stem}.ics",
        mime="text/calendar",
        icon=":material/calendar_month:",
        key=f"ics_{routine.id}",
        other_labels={"en": _("Calendar in English"), "sv": _("Calendar in Swedish")},
        help=_("Add your training days to your calendar (.ics)."),
    )
    document_download(
        row,
        _("Print sheet"),
        sheet,
        file_name=f"{stem}.pdf",
        mime="application/pdf",
        icon=":material/print:",
        key=f"pdf_{routine.id}",
        other_labels={"en": _("Print sheet in English"), "sv": _("Print sheet in Swedish")},
        help=_("A printable PDF with pictures, steps and your doses now."),
    )


_PICKER = "add_exercises"
# Streamlit caps the box of picked names at a few rows and scrolls inside it, which hides names
# on a phone; inside the picker's container the box grows with what is picked instead.
_PICKER_GROWS = (
    f"<style>.st-key-{_PICKER} [data-testid='stMultiSelect'] div {{max-height: none}}</style>"
)


def exercise_picker(choices: PickerChoices, *, key: str) -> list[str]:
    """'Add exercises': the names to pick from, every picked one in view; About me's cautions.

    What About me rules out is left out of the list and named below it with its reason and a
    safer version; one already in the routine stays, with its caution.
    """
    names = choices.names
    st.html(_PICKER_GROWS)
    with st.container(key=_PICKER):
        picked: list[str] = st.multiselect(
            _("Add exercises"),
            list(names),
            format_func=names.__getitem__,
            key=key,
            placeholder=_("Choose exercises from the catalogue"),
            select_all=False,  # a routine is a few chosen exercises; Enter picks the first match
            wrap=True,
        )
    for caution in choices.picked_cautions:
        st.warning(caution, icon=":material/warning:")
    if choices.left_out:
        with st.expander(_("Left out because of what you said in About me")):
            st.markdown("\n".join(f"- {line}" for line in choices.left_out))
    return picked


def draft_exercise(
    draft: RoutineDraft,
    index: int,
    item: RoutineItem,
    *,
    catalog: Catalog,
    move: Callable[[Callable[[RoutineDraft], RoutineDraft]], None],
    remove: Callable[[str], None],
) -> RoutineDraft:
    """One exercise in the builder: move it, remove it, set its dose; the draft with that dose."""
    exercise = catalog.by_id[item.exercise_id]
    with st.container(border=True):
        title, tools = st.columns([3, 2], vertical_alignment="center")
        title.markdown(f"**{index + 1}. {exercise.name}**")
        with tools.container(horizontal=True, horizontal_alignment="right"):
            moves = (("up", _("Up"), -1, "arrow_upward"), ("down", _("Down"), 1, "arrow_downward"))
            for name, label, step, icon in moves:
                st.button(
                    label,
                    key=f"{name}_{exercise.id}",
                    icon=f":material/{icon}:",
                    type="tertiary",
                    on_click=move,
                    args=(partial(RoutineDraft.move, index=index, step=step),),
                    disabled=not draft.can_move(index, step),
                )
            st.button(
                _("Remove"),
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
