"""Check-in: about a minute a day, with the warning-sign screen.

Phone first: the daily questions start from the last check-in, so a returning person moves
what changed and saves; daily life, the weekly questions (only when due) and the optional ones
are folded, each warning sign is one short line with its full question one tap away, so Save
is within two phone screens; what saving did appears right under the Save button.
"""

import pandas as pd
import streamlit as st
from pydantic import ValidationError

from sciatica import i18n, ui
from sciatica.clock import relative_day
from sciatica.diary.check_in import (
    BOTH_LEGS,
    DAY_COLUMN,
    NOT_ANSWERED,
    RECENT_TABLE_SIZE,
    form_start,
    recent_notes,
    recent_table,
    with_both_legs,
)
from sciatica.diary.models import (
    MEDICATION_MAX_CHARS,
    NOTES_MAX_CHARS,
    SBI_FIELDS,
    LegExtent,
    Side,
    describe_errors,
    field_label,
    parse_check_in,
)
from sciatica.diary.notices import check_in_notice, triage_notice
from sciatica.diary.triage import content, red_flags, triage
from sciatica.i18n import N_, _
from sciatica.ui import alerts, check_in_conflict, flares, in_view

PAIN_HELP = N_("0 = no pain, 10 = the worst pain you can imagine.")
LIFE_FIELDS = {
    "walking_interference": N_("walking"),
    "sitting_interference": N_("sitting"),
    "sleeping_interference": N_("sleeping"),
}

store, user, today = ui.store(), ui.user_id(), ui.today()
st.title(_("Check-in"))
ui.show_flash()
day = st.date_input(
    _("Date"), value=today, max_value=today, format="DD/MM/YYYY", key="check_in_day"
)
start = form_start(store, user_id=user, day=day)
# What saving must not silently replace: the day as the form was opened with it.
check_in_conflict.opened(day, start.existing, widget=f"leg_pain_{day.isoformat()}")
if start.existing is not None:
    already = _("You already checked in for {day}. Saving again updates it.")
    st.info(already.format(day=i18n.format_day(day)))
elif start.carried_from is not None:
    carried = _("Starting from your last check-in ({day}).")
    st.caption(carried.format(day=relative_day(start.carried_from, today=today)))

values = start.values
k = f"{day.isoformat()}"  # widget keys per day, so picking another day loads its values
answers: dict[str, object] = {"day": day}
# No form: choosing "Both" asks at once whether it is new or getting worse (sciatica in both
# legs is an emergency sign, CLINICAL.md 1), and the side is asked only with leg symptoms.
for name in ("leg_pain", "back_pain"):
    label = field_label(name)
    answers[name] = st.slider(label, 0, 10, values[name], help=_(PAIN_HELP), key=f"{name}_{k}")
extent = answers["extent"] = st.select_slider(
    field_label("extent"),
    list(LegExtent),
    value=LegExtent(values["extent"]),
    format_func=lambda extent: extent.label,
    key=f"extent_{k}",
)
side = None
if extent is not LegExtent.NONE:
    sides = [None, *Side]
    side = st.radio(
        field_label("side"),
        sides,
        index=sides.index(values["side"] and Side(values["side"])),
        format_func=lambda side: side.label if side else _("Not sure"),
        horizontal=True,
        key=f"side_{k}",
    )
answers["side"] = side
both_new = False
if side is Side.BOTH:
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

# Folded for a returning person, with the answers it holds in its label: open to change them.
life = {name: st.session_state.get(f"{name}_{k}", values[name]) for name in LIFE_FIELDS}
parts = (
    _("{activity} {value}").format(activity=_(word), value=life[name])
    for name, word in LIFE_FIELDS.items()
)
with st.expander(
    _("Pain got in the way of: {summary}").format(summary=", ".join(parts)),
    expanded=False,  # folded for everyone, so that Save is within two phone screens
    key=f"life_{k}",
):
    st.caption(_("How much did pain get in the way today? 0 = not at all, 10 = completely."))
    for name in LIFE_FIELDS:
        answers[name] = st.slider(field_label(name), 0, 10, values[name], key=f"{name}_{k}")

# Weekly, and only when due (CLINICAL.md 2): folded, so that it never crowds the daily form.
if start.ask_sbi:
    answered = start.existing is not None and start.existing.sbi_total is not None
    with st.expander(
        _("Weekly questions (optional)"),
        expanded=answered,
        icon=":material/event_available:",
    ):
        st.caption(
            _(
                "How bothersome was each over the past week? 0 = not at all, 6 = extremely. "
                "Answer all four, or leave all four empty."
            )
        )
        for name in SBI_FIELDS:
            answers[name] = st.segmented_control(
                field_label(name), range(7), default=values[name], key=f"{name}_{k}"
            )

# Safety content stays in view every day: each sign is asked explicitly (CLINICAL.md 1), in
# a line each on a phone, its full question one tap away, and "None of these" is an answer too.
with st.container(border=True, key="warning_signs", gap="xxsmall"):
    st.markdown(_("**Warning signs, new or worse:** tick what applies."))
    ticked = values["red_flags"]
    flags = [
        flag.id
        for flag in red_flags()
        if st.checkbox(
            flag.short or flag.question,
            value=flag.id in ticked,
            help=flag.question if flag.short else None,
            key=f"flag_{flag.id}_{k}",
        )
    ]
    # Stored as its own answer, apart from a screen left unanswered. Ticking a sign (or saying
    # both legs are new or worse) clears and greys it: the sign is the answer.
    none_key = f"flag_none_{k}"
    st.session_state.setdefault(none_key, bool(values["no_warning_signs"]))
    if flags or both_new:
        st.session_state[none_key] = False
    none_today = st.checkbox(
        field_label("no_warning_signs"), disabled=bool(flags or both_new), key=none_key
    )

with st.expander(_("Activity, medication and notes (optional)")):
    answers["activity_minutes"] = st.number_input(
        field_label("activity_minutes"),
        0,
        1440,
        values["activity_minutes"],
        step=5,
        help=_("Walking, swimming, cycling or similar gentle activity."),
        key=f"minutes_{k}",
    )
    answers["medication"] = st.text_input(
        field_label("medication"),
        values["medication"],
        max_chars=MEDICATION_MAX_CHARS,
        key=f"med_{k}",
    )
    answers["notes"] = st.text_area(
        field_label("notes"), values["notes"], max_chars=NOTES_MAX_CHARS, key=f"notes_{k}"
    )

# What saving did shows here, right under the button, and is scrolled into view.
if st.button(_("Save check-in"), type="primary", key="check_in_save"):
    answers["red_flags"] = with_both_legs(flags, side=side, new_or_worse=both_new)
    answers["no_warning_signs"] = none_today
    refused: str | None = None
    try:
        entry = parse_check_in(answers, today=today)
    except ValidationError as error:
        refused = _("Not saved. {problems}").format(problems=" ".join(describe_errors(error)))
    if refused is not None:
        in_view.result(refused, key="check_in_error", kind=in_view.Kind.REFUSED)
    else:
        outcome = check_in_conflict.save(store, user_id=user, entry=entry, today=today)
        if outcome is not None:  # None: saved on another device since; asked just below
            notice = check_in_notice(
                outcome.triage,
                updated=outcome.updated,
                comparison=outcome.comparison,
                country=ui.country(),
            )
            alerts.outcome_here(notice, key="check_in_outcome")
else:
    alerts.outcome_kept(key="check_in_outcome")
check_in_conflict.question(user_id=user, today=today, key="check_in_outcome")

flares.quick_entry(key="check_in")  # pain flaring during the day, beside the one check-in

st.header(_("Your last two weeks"))
recent = store.recent_check_ins(user_id=user, limit=RECENT_TABLE_SIZE)
if recent:
    st.table(pd.DataFrame(recent_table(recent)).set_index(_(DAY_COLUMN)))
    key_to_table = _(
        "Leg and back pain 0-10 · SBI: weekly bothersomeness, 0-24 · {dash} not answered."
    )
    st.caption(key_to_table.format(dash=NOT_ANSWERED))
    if notes := recent_notes(recent):
        with st.expander(_("Notes from these days ({count})").format(count=len(notes))):
            for when, note in notes:
                st.markdown(f"**{when}**")
                st.text(note)  # the person's own words: shown as text, never as markdown
else:
    st.caption(_("Your check-ins will appear here."))
