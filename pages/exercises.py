"""Exercises: the catalogue's families with pictures and doses, filtered to what suits you.

The filters are in the URL (a link opens the same list) and kept for the visit: leaving the
page and coming back through the sidebar finds them as they were.
"""

import streamlit as st

from sciatica import ui
from sciatica.diary.safety import safety_content
from sciatica.diary.today import current_alert
from sciatica.exercises.catalog import load_catalog
from sciatica.exercises.filters import (
    filter_from_query_params,
    filter_to_query_params,
)
from sciatica.exercises.library import (
    families,
    left_out_note,
    library_view,
    loosen_hint,
    match_count,
)
from sciatica.exercises.suitability import suits
from sciatica.i18n import _
from sciatica.ui import alerts
from sciatica.ui.exercises import CHOICES, clear_filters, exercise_card, family_fold, filters_fold

WRITTEN = "ex_url"  # the filter part of the URL as this page last wrote it

catalog, store, user = load_catalog(), ui.store(), ui.user_id()
params = {name: st.query_params.get_all(name) for name in st.query_params}
chosen = catalog.by_id.get(params.get("exercise", [""])[-1])
in_url = {name: values for name, values in params.items() if name != "exercise"}
# The widgets keep their values for the visit (persist_state). A link that brings filters of
# its own (not the URL this page wrote itself) sets them; coming back without any keeps them.
if (in_url and in_url != st.session_state.get(WRITTEN)) or "ex_search" not in st.session_state:
    start = filter_from_query_params(params)
    for field, (_label, options) in CHOICES.items():
        st.session_state[f"ex_{field}"] = [o for o in options if o in getattr(start, field)]
    st.session_state["ex_search"] = start.search
    st.session_state["ex_suits_today"] = start.suits_today


def show_one(exercise_id: str) -> None:
    st.query_params["exercise"] = exercise_id


def show_all() -> None:
    del st.query_params["exercise"]


st.title(_("Exercises"))
ui.show_flash()
latest = store.latest_check_in(user_id=user)
about_me = store.get_about_me(user_id=user)
standing = current_alert(store, user_id=user, today=ui.today())  # the one state every page reads
if standing is not None:
    # A warning sign that stands pauses every exercise suggestion (CLINICAL.md 4, 10), here as on
    # Today: "I have been seen about this" on either page lifts it on both.
    alerts.standing_banner(standing, today=ui.today())
    st.page_link("pages/check_in.py", label=_("Update your check-in"), icon=":material/edit_note:")
    st.stop()

# The source guide's own rule first; the app's softer words follow on each card.
rule = _("**{stop_rule}** Do not push through pain.").format(stop_rule=safety_content().stop_rule)
st.markdown(f":material/front_hand: {rule}")
alerts.under_16_notice()
st.page_link(
    "pages/safety.py",
    label=_("When to stop and when to get help"),
    icon=":material/health_and_safety:",
)
if chosen is not None:
    st.button(_("All exercises"), on_click=show_all, type="tertiary", icon=":material/arrow_back:")
    caution = suits(chosen, about_me, today=ui.today()).reason
    exercise_card(chosen, catalog=catalog, caution=caution, on_open=show_one)
else:
    flt = filters_fold()
    view = library_view(catalog, flt, latest=latest, today=ui.today(), about_me=about_me)
    if view.today_note:
        st.info(view.today_note, icon=":material/spa:")
    if view.left_out:
        st.caption(f":material/person: {left_out_note(view.left_out)}")
    listed = families(catalog, view.exercises)
    if listed:
        st.markdown(f"**{match_count(len(view.exercises), families=len(listed))}**")
    else:
        st.warning(loosen_hint(view.loosen), icon=":material/filter_alt_off:")
        st.button(_("Clear filters"), on_click=clear_filters, icon=":material/filter_alt_off:")
    for group in listed:
        family_fold(
            group,
            catalog=catalog,
            cautions=view.cautions,
            on_open=show_one,
            expanded=len(listed) == 1,
        )
    wanted = filter_to_query_params(flt)
    st.session_state[WRITTEN] = wanted
    if wanted != params:
        st.query_params.from_dict(wanted)
