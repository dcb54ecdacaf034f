"""Check-in: about a minute a day, with the warning-sign screen."""

import pandas as pd
import streamlit as st
from pydantic import ValidationError

from sciatica import ui
from sciatica.diary.check_in import (
    BOTH_LEGS,
    RECENT_TABLE_SIZE,
    form_start,
    recent_table,
    record_check_in,
    with_both_legs,
)
from sciatica.diary.models import (
    FIELD_LABELS,
    NOTES_MAX_CHARS,
    SBI_FIELDS,
    LegExtent,
    Side,
    describe_errors,
    parse_check_in,
)
from sciatica.diary.notices import check_in_notice, triage_notice
from sciatica.diary.triage import content, red_flags, triage
from sciatica.ui import alerts, flares

SBI_SCALE = ["Not at all", "Hardly", "Slightly", "Somewhat", "Moderately", "Very", "Extremely"]
PAIN_HELP = "0 = no pain, 10 = the worst pain you can imagine."

store, user, today = ui.store(), ui.user_id(), ui.today()
st.title("Check-in")
ui.show_flash()
alerts.first_use()
day = st.date_input("Date", value=today, max_value=today, format="DD/MM/YYYY", key="check_in_day")
start = form_start(store, user_id=user, day=day)
if start.existing is not None:
    st.info(f"You already checked in for {day:%A %d %B}. Saving again updates it.")
elif start.carried_from is not None:
    st.caption(
        f"Filled in from your check-in on {start.carried_from:%A %d %B}. Change what differs."
    )

values = start.values
k = f"{day.isoformat()}"  # widget keys per day, so picking another day loads its values
answers: dict[str, object] = {"day": day}
# Where the symptoms are sits outside the form, so that choosing "Both" asks at once whether it
# is new or getting worse: sciatica in both legs is an emergency sign (CLINICAL.md 1).
extent = answers["extent"] = st.select_slider(
    FIELD_LABELS["extent"],
    list(LegExtent),
    value=LegExtent(values["extent"]),
    format_func=lambda extent: extent.label,
    key=f"extent_{k}",
)
sides = [None, *Side]
side = answers["side"] = st.radio(
    FIELD_LABELS["side"],
    sides,
    index=sides.index(values["side"] and Side(values["side"])),
    format_func=lambda side: side.capitalize() if side else "Not sure / no leg symptoms",
    horizontal=True,
    key=f"side_{k}",
)
both_new = False
if side is Side.BOTH and extent is not LegExtent.NONE:
    both = content().both_legs
    with st.container(border=True, key="both_legs_question"):
        said = st.radio(
            both.question,
            [both.confirm, both.deny],
            index=0 if BOTH_LEGS in values["red_flags"] else None,
            key=f"both_{k}",
        )
        both_new = said == both.confirm
        if both_new:
            alerts.advice_here(
                triage_notice(triage(ticked=[BOTH_LEGS]), country=ui.country()),
                key="both_legs_advice",
            )
with st.form("check_in_form", border=False):
    answers["leg_pain"] = st.slider(
        "Leg pain", 0, 10, values["leg_pain"], help=PAIN_HELP, key=f"leg_{k}"
    )
    answers["back_pain"] = st.slider(
        "Back pain", 0, 10, values["back_pain"], help=PAIN_HELP, key=f"back_{k}"
    )
    st.markdown("**How much did pain get in the way today?** 0 = not at all, 10 = completely.")
    for name in ("walking_interference", "sitting_interference", "sleeping_interference"):
        answers[name] = st.slider(FIELD_LABELS[name], 0, 10, values[name], key=f"{name}_{k}")
    answers["activity_minutes"] = st.number_input(
        FIELD_LABELS["activity_minutes"],
        0,
        1440,
        values["activity_minutes"],
        step=5,
        help="Walking, swimming, cycling or similar gentle activity.",
        key=f"minutes_{k}",
    )
    with st.expander("This week: how bothersome were these?", expanded=start.ask_sbi):
        st.caption(
            "Over the past week. 0 = not at all bothersome, 6 = extremely bothersome. "
            "Answer all four, or leave all four empty."
        )
        for name in SBI_FIELDS:
            answers[name] = st.radio(
                FIELD_LABELS[name],
                range(7),
                index=values[name],
                horizontal=True,
                format_func=lambda score: (
                    f"{score} {SBI_SCALE[score]}" if score in (0, 6) else str(score)
                ),
                key=f"{name}_{k}",
            )
    with st.container(border=True):
        st.markdown("**Warning signs.** Tick any that are new or getting worse. Most days: none.")
        ticked = values["red_flags"]
        flags = [
            flag.id
            for flag in red_flags()
            if st.checkbox(flag.question, value=flag.id in ticked, key=f"flag_{flag.id}_{k}")
        ]
    answers["medication"] = st.text_input(
        FIELD_LABELS["medication"], values["medication"], max_chars=200, key=f"med_{k}"
    )
    answers["notes"] = st.text_area(
        "Notes", values["notes"], max_chars=NOTES_MAX_CHARS, key=f"notes_{k}"
    )
    submitted = st.form_submit_button("Save check-in", type="primary")

# What saving did shows here, right under the button, and is scrolled into view.
if submitted:
    answers["red_flags"] = with_both_legs(flags, side=side, new_or_worse=both_new)
    try:
        entry = parse_check_in(answers, today=today)
    except ValidationError as error:
        with st.container(key="check_in_error"):
            st.error("Not saved. " + " ".join(describe_errors(error)), icon=":material/error:")
        alerts.scroll_here("check_in_error")
    else:
        outcome = record_check_in(store, user_id=user, entry=entry, today=today)
        notice = check_in_notice(
            outcome.triage,
            updated=outcome.updated,
            comparison=outcome.comparison,
            country=ui.country(),
        )
        alerts.outcome_here(notice, key="check_in_outcome")

flares.quick_entry(key="check_in")  # pain flaring during the day, beside the one check-in

st.subheader("Your last two weeks")
recent = store.recent_check_ins(user_id=user, limit=RECENT_TABLE_SIZE)
if recent:
    table = pd.DataFrame(recent_table(recent))
    st.dataframe(table, hide_index=True, width="stretch", height=36 * (len(table) + 1) + 3)
else:
    st.caption("Your check-ins will appear here.")
