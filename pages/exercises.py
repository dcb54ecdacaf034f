"""Exercises: the catalogue with pictures and doses, filtered to what suits you, in the URL."""

from collections.abc import Sequence
from enum import StrEnum

import streamlit as st

from sciatica import ui
from sciatica.diary.safety import safety_content
from sciatica.diary.today import current_alert
from sciatica.diary.triage import active_alert
from sciatica.exercises.catalog import load_catalog
from sciatica.exercises.filters import filter_from_query_params, filter_to_query_params
from sciatica.exercises.library import (
    left_out_note,
    library_view,
    loosen_hint,
    match_count,
)
from sciatica.exercises.models import (
    Equipment,
    ExerciseFilter,
    Kind,
    Level,
    Position,
    TargetArea,
)
from sciatica.exercises.suitability import suits
from sciatica.ui import alerts
from sciatica.ui.exercises import exercise_card

# Filter field -> the multiselect's label and options (shown by each enum's .label).
CHOICES: dict[str, tuple[str, Sequence[StrEnum]]] = {
    "kinds": ("Type", list(Kind)),
    "target_areas": ("Target area", list(TargetArea)),
    "positions": ("Position", list(Position)),
    "equipment": ("Equipment", list(Equipment)),
    "levels": ("Level", list(Level)),
}
PAGE_SIZE, SHOWN = 8, "ex_shown"  # a few cards at a time keep the page quick to draw
EMPTY: dict[str, object] = {"search": "", **{field: [] for field in CHOICES}}

catalog, store, user = load_catalog(), ui.store(), ui.user_id()
params = {name: st.query_params.get_all(name) for name in st.query_params}
start = filter_from_query_params(params)
chosen = catalog.by_id.get(params.get("exercise", [""])[-1])
# Widgets take their first value from the URL when first drawn; after that they own it.
for field, (_, options) in CHOICES.items():
    st.session_state.setdefault(f"ex_{field}", [o for o in options if o in getattr(start, field)])
st.session_state.setdefault("ex_search", start.search)
st.session_state.setdefault("ex_suits_today", start.suits_today)


def show_one(exercise_id: str) -> None:
    st.query_params["exercise"] = exercise_id


def show_all() -> None:
    del st.query_params["exercise"]


def show_more() -> None:
    st.session_state[SHOWN] += PAGE_SIZE


def clear_filters() -> None:
    for field, empty in EMPTY.items():
        st.session_state[f"ex_{field}"] = empty


st.title("Exercises")
latest = store.latest_check_in(user_id=user)
about_me = store.get_about_me(user_id=user)
standing = current_alert(store, user_id=user)
if (alert := (standing.triage if standing else None) or active_alert(latest)) is not None:
    # An emergency or urgent warning sign pauses every exercise suggestion (CLINICAL.md 4).
    ui.show_triage(alert)
    st.page_link("pages/check_in.py", label="Update your check-in", icon=":material/edit_note:")
    st.stop()

# The source guide's own rule first; the app's softer words follow on each card.
st.markdown(f":material/front_hand: **{safety_content().stop_rule}** Do not push through pain.")
alerts.under_16_notice()
st.page_link(
    "pages/safety.py",
    label="When to stop and when to get help",
    icon=":material/health_and_safety:",
)
if chosen is not None:
    st.button("All exercises", on_click=show_all, type="tertiary", icon=":material/arrow_back:")
    caution = suits(chosen, about_me, today=ui.today()).reason
    exercise_card(chosen, catalog=catalog, caution=caution, on_open=show_one)
else:
    st.text_input("Search", key="ex_search", placeholder="For example: hamstring, chair, walk")
    columns = [*st.columns(3), *st.columns(3, vertical_alignment="bottom")]
    for column, (field, (label, options)) in zip(columns, CHOICES.items(), strict=False):
        column.multiselect(
            label, options, key=f"ex_{field}", format_func=lambda o: o.label, placeholder="Any"
        )
    columns[-1].toggle("Suits me today", key="ex_suits_today")
    flt = ExerciseFilter.model_validate(
        {field: st.session_state[f"ex_{field}"] for field in [*EMPTY, "suits_today"]}
    )
    view = library_view(catalog, flt, latest=latest, today=ui.today(), about_me=about_me)
    if view.today_note:
        st.info(view.today_note, icon=":material/spa:")
    if view.left_out:
        st.caption(f":material/person: {left_out_note(view.left_out)}")
    if view.exercises:
        st.markdown(f"**{match_count(len(view.exercises))}**")
    else:
        st.warning(loosen_hint(view.loosen), icon=":material/filter_alt_off:")
        st.button("Clear filters", on_click=clear_filters, icon=":material/filter_alt_off:")
    shown = st.session_state.setdefault(SHOWN, PAGE_SIZE)
    for exercise in view.exercises[:shown]:
        caution = view.cautions.get(exercise.id, "")
        exercise_card(exercise, catalog=catalog, caution=caution, on_open=show_one)
    if (left := len(view.exercises) - shown) > 0:
        st.button(
            f"Show {min(left, PAGE_SIZE)} more", on_click=show_more, icon=":material/expand_more:"
        )
    wanted = filter_to_query_params(flt)
    if wanted != params:
        st.query_params.from_dict(wanted)
