"""The check-in form's parts below the pain questions, and the last two weeks under it.

Daily life, the weekly questions, the warning signs and the optional extras, in that order.

Each draws its part with the page's labels and widget keys (`k`, the day the form is for) and
returns the answers it holds; the page gathers them, checks them and saves.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from sciatica.diary.check_in import (
    DAY_COLUMN,
    NOT_ANSWERED,
    RECENT_TABLE_SIZE,
    FormStart,
    recent_notes,
    recent_table,
)
from sciatica.diary.models import (
    MEDICATION_MAX_CHARS,
    NOTES_MAX_CHARS,
    SBI_FIELDS,
    field_label,
)
from sciatica.diary.triage import red_flags
from sciatica.i18n import N_, _
from sciatica.storage.store import Store

LIFE_FIELDS = {
    "walking_interference": N_("walking"),
    "sitting_interference": N_("sitting"),
    "sleeping_interference": N_("sleeping"),
}


def daily_life(values: dict[str, Any], k: str) -> dict[str, object]:
    """How much pain got in the way, folded, its answers in its label."""
    answers: dict[str, object] = {}
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
    return answers


def weekly_questions(start: FormStart, values: dict[str, Any], k: str) -> dict[str, object]:
    """The weekly SBI questions, when they are due."""
    answers: dict[str, object] = {}
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
    return answers


def warning_signs(values: dict[str, Any], k: str, *, both_new: bool) -> tuple[list[str], bool]:
    """Each warning sign on a line, and "None of these today": the signs ticked, and that answer.

    Safety content stays in view every day: each sign is asked explicitly (CLINICAL.md 1), in a
    line each on a phone, its full question one tap away, and "None of these" is an answer too.
    """
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
        # Stored as its own answer, apart from a screen left unanswered. Ticking a sign (or
        # saying both legs are new or worse) clears and greys it: the sign is the answer.
        none_key = f"flag_none_{k}"
        st.session_state.setdefault(none_key, bool(values["no_warning_signs"]))
        if flags or both_new:
            st.session_state[none_key] = False
        none_today = st.checkbox(
            field_label("no_warning_signs"), disabled=bool(flags or both_new), key=none_key
        )
    return flags, none_today


def extras(values: dict[str, Any], k: str) -> dict[str, object]:
    """Activity, medication and notes, folded."""
    answers: dict[str, object] = {}
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
    return answers


def last_two_weeks(store: Store, *, user: str) -> None:
    """The last two weeks' check-ins as a table, and their notes as text."""
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
