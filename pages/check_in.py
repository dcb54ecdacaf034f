"""Check-in: about a minute a day, with the warning-sign screen.

Phone first: the daily questions start from the last check-in, so a returning person moves
what changed and saves; daily life, the weekly questions (only when due) and the optional ones
are folded, each warning sign is one short line with its full question one tap away, so Save
is within two phone screens; what saving did appears right under the Save button.
"""

import streamlit as st
from pydantic import ValidationError

from sciatica import i18n, ui
from sciatica.clock import relative_day
from sciatica.diary.check_in import (
    BOTH_LEGS,
    form_start,
    with_both_legs,
)
from sciatica.diary.models import (
    LegExtent,
    Side,
    describe_errors,
    field_label,
    parse_check_in,
)
from sciatica.diary.notices import check_in_notice, triage_notice
from sciatica.diary.triage import content, triage
from sciatica.i18n import N_, _
from sciatica.ui import alerts, check_in_conflict, check_in_form, flares, in_view

PAIN_HELP = N_("0 = no pain, 10 = the worst pain you can imagine.")

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

answers |= check_in_form.daily_life(values, k)
answers |= check_in_form.weekly_questions(start, values, k)
flags, none_today = check_in_form.warning_signs(values, k, both_new=both_new)
answers |= check_in_form.extras(values, k)

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

check_in_form.last_two_weeks(store, user=user)
