"""Routine: build a weekly plan of exercises, keep several, follow one, print or export it."""

from functools import partial

import streamlit as st

from sciatica import ui
from sciatica.diary.today import current_alert
from sciatica.exercises.catalog import load_catalog
from sciatica.i18n import _
from sciatica.plans.draft import RoutineDraft, save_draft
from sciatica.plans.models import Weekday
from sciatica.plans.routine import ROUTINE_INTRO, TEMPLATE_NAMES, RoutineRejected, template
from sciatica.plans.swaps import picker_choices
from sciatica.ui import alerts, in_view, routine
from sciatica.ui.routine import DRAFT, change, remove

catalog, store, user, today = load_catalog(), ui.store(), ui.user_id(), ui.today()
about_me = store.get_about_me(user_id=user)

draft: RoutineDraft = st.session_state.setdefault(DRAFT, RoutineDraft(start_date=today))

st.title(_("Routine"))
ui.show_flash()
if alerts.under_16_notice():
    st.stop()
standing = current_alert(store, user_id=user, today=today)  # the one state every page reads
alert = standing.triage if standing else None
alerts.standing_banner(standing, today=today)
st.caption(_(ROUTINE_INTRO))

routine.your_routines(store, user=user, catalog=catalog, today=today, draft=draft)

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
picked = routine.exercise_picker(choices, key=f"rt_{v}_pick")
draft = draft.pick(picked, catalog=catalog)
for index, item in enumerate(draft.items):
    draft = routine.draft_exercise(draft, index, item, catalog=catalog, move=change, remove=remove)
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
