"""The quick flare-up entry, for Today and the Check-in page: one call draws all of it.

Two taps and the value: picking leg pain now under "Log a flare-up" opens a compact form with
that number chosen; what set it off is one tap there, and "Save flare-up" saves it at once;
what was saved shows right under the button, brought into view. Back pain, what helped, the
time (now by default, today or yesterday) and a note are folded away. The flare-ups of today and
yesterday are listed below, each with Change and Delete (`ui.flare_list`). What the form may
hold is decided by `diary.flares.parse_flare`.

The form's state lives in plain session-state keys named after the page's `key`, so Today and
Check-in keep theirs apart; a new version number gives the form fresh widgets after each save.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import streamlit as st

from sciatica import clock, ui
from sciatica.diary.flares import (
    MAX_FLARES_PER_DAY,
    FlareRejected,
    add_flare,
    change_flare,
    flare_choices,
    parse_flare,
    quick_entry_data,
    recent_flares,
    saved_message,
)
from sciatica.diary.models import FLARE_NOTE_MAX_CHARS, FlareEntry
from sciatica.i18n import N_, _
from sciatica.ui import alerts
from sciatica.ui.flare_list import listed, slot

PAIN_SCALE = tuple(range(11))
PAIN_HELP = N_("0 = no pain, 10 = the worst pain you can imagine.")
START_LABEL = N_("Log a flare-up: leg pain now")  # no icon: its code would be read out
DAYS = (N_("Today"), N_("Yesterday"))  # the Day radio's options, shown translated
NEW = 0  # the form is open for a new flare-up; a positive number changes that one


def _widget(key: str, name: str) -> str:
    version = st.session_state.get(slot(key, "version"), 0)
    return f"flare_{key}_{version}_{name}"


def _open(key: str, flare_id: int) -> None:
    """Open the form, for a new flare-up (NEW) or to change one."""
    st.session_state[slot(key, "form")] = flare_id
    st.session_state[slot(key, "version")] = st.session_state.get(slot(key, "version"), 0) + 1
    for name in ("result", "problems", "confirm", "opened", "preset"):
        st.session_state.pop(slot(key, name), None)


def _start(key: str) -> None:
    """The number picked under "Log a flare-up": the form opens with it chosen."""
    leg_pain = st.session_state.get(_widget(key, "start"))
    if leg_pain is None:
        return
    _open(key, NEW)
    st.session_state[slot(key, "preset")] = leg_pain


def _close(key: str) -> None:
    for name in ("form", "problems", "opened", "preset"):
        st.session_state.pop(slot(key, name), None)


def _save(key: str, flare_id: int) -> None:
    """The Save button's callback: one service call, then the result (or why not) in view."""
    today, timezone = ui.today(), ui.timezone()
    answers: dict[str, Any] = {
        name: st.session_state.get(_widget(key, name))
        for name in ("leg_pain", "back_pain", "triggers", "helped", "note")
    }
    day = today - timedelta(days=DAYS.index(st.session_state.get(_widget(key, "day")) or DAYS[0]))
    now = clock.local(clock.now(), timezone).time().replace(second=0, microsecond=0)
    wall = st.session_state.get(_widget(key, "time")) or now
    if flare_id == NEW and day == today and wall == st.session_state.get(slot(key, "opened")):
        wall = now  # left at "now" when the form opened: now is when it is saved
    data = quick_entry_data(
        day=day,
        wall=wall,
        timezone=timezone,
        leg_pain=answers["leg_pain"],
        back_pain=answers["back_pain"],
        triggers=answers["triggers"] or (),
        helped=answers["helped"] or (),
        note=answers["note"] or "",
    )
    if data["leg_pain"] is None:
        st.session_state[slot(key, "problems")] = [_("Choose your leg pain now (0-10).")]
        return
    store, user = ui.store(), ui.user_id()
    try:
        entry = parse_flare(data, now=clock.now(), today=today)
        if flare_id == NEW:
            add_flare(store, user_id=user, entry=entry)
        else:
            change_flare(store, user_id=user, flare_id=flare_id, entry=entry)
    except FlareRejected as rejected:
        st.session_state[slot(key, "problems")] = rejected.problems
        return
    except LookupError:
        st.session_state[slot(key, "problems")] = [_("This flare-up is no longer in your diary.")]
        return
    message = saved_message(entry, timezone=timezone, today=today, changed=flare_id != NEW)
    _close(key)
    st.session_state[slot(key, "result")] = message
    st.session_state[slot(key, "version")] = st.session_state.get(slot(key, "version"), 0) + 1


def quick_entry(*, key: str) -> None:
    """'Log a flare-up' (leg pain now), its form when open, what saving did, and the recent ones."""
    today, timezone = ui.today(), ui.timezone()
    recent = recent_flares(ui.store(), user_id=ui.user_id(), today=today)
    with st.container(key=f"flares_{key}"):
        editing = st.session_state.get(slot(key, "form"))
        if editing is None:  # picking the number is the first step: it opens the form
            st.pills(
                _(START_LABEL),
                PAIN_SCALE,
                key=_widget(key, "start"),
                on_change=_start,
                args=(key,),
                help=_(
                    "Pain flaring now? Pick your leg pain to note it; your check-in stays the "
                    "day's score. 0 = no pain, 10 = the worst pain you can imagine."
                ),
            )
        if sum(1 for flare in recent if flare.day == today) >= MAX_FLARES_PER_DAY:
            st.caption(
                _(
                    "Today holds {limit} flare-ups, the most one day can: change or delete one "
                    "to note another."
                ).format(limit=MAX_FLARES_PER_DAY)
            )
        if (result := st.session_state.pop(slot(key, "result"), None)) is not None:
            with st.container(key=f"flare_{key}_result"):
                st.success(result, icon=":material/check_circle:")
            alerts.scroll_here(f"flare_{key}_result", block="center")  # clear of the header
        if editing is not None:
            changing = next((flare for flare in recent if flare.id == editing), None)
            _form(key, editing if changing else NEW, changing, today=today, timezone=timezone)
        if recent:
            listed(key, recent, today=today, timezone=timezone, change=_open)


def _form(
    key: str, flare_id: int, start: FlareEntry | None, *, today: date, timezone: str | None
) -> None:
    choices = flare_choices()
    triggers, helped = choices.trigger_labels(), choices.helped_labels()
    now = clock.local(clock.now(), timezone).time().replace(second=0, microsecond=0)
    when = clock.local(start.at, timezone).time() if start else now
    st.session_state.setdefault(slot(key, "opened"), when)
    with st.form(f"flare_form_{key}", border=True):
        st.markdown(_("**Changing a flare-up**") if start else _("**A flare-up now**"))
        st.pills(
            _("Leg pain now"),
            PAIN_SCALE,
            default=start.leg_pain if start else st.session_state.get(slot(key, "preset")),
            key=_widget(key, "leg_pain"),
            help=_(PAIN_HELP),
        )
        st.pills(
            _("What set it off?"),
            list(triggers),
            selection_mode="multi",
            default=list(start.triggers) if start else None,
            format_func=triggers.__getitem__,
            key=_widget(key, "triggers"),
        )
        with st.expander(_("More: back pain, what helped, the time, a note"), expanded=bool(start)):
            st.pills(
                _("Back pain now (optional)"),
                PAIN_SCALE,
                default=start.back_pain if start else None,
                key=_widget(key, "back_pain"),
                help=_(PAIN_HELP),
            )
            st.pills(
                _("What helped?"),
                list(helped),
                selection_mode="multi",
                default=list(start.helped) if start else None,
                format_func=helped.__getitem__,
                key=_widget(key, "helped"),
            )
            st.radio(
                _("Day"),
                DAYS,
                format_func=_,
                index=(today - start.day).days if start else 0,
                horizontal=True,
                key=_widget(key, "day"),
            )
            st.time_input(
                _("Time"), value=when, step=timedelta(minutes=5), key=_widget(key, "time")
            )
            st.text_input(
                _("Note (optional)"),
                value=start.note if start else "",
                max_chars=FLARE_NOTE_MAX_CHARS,
                key=_widget(key, "note"),
            )
        # Right above the Save button, where the person is looking.
        if problems := st.session_state.get(slot(key, "problems")):
            st.error(
                _("Not saved. {problems}").format(problems=" ".join(problems)),
                icon=":material/error:",
            )
        row = st.container(horizontal=True)
        with row:
            st.form_submit_button(
                _("Save flare-up"), type="primary", on_click=_save, args=(key, flare_id)
            )
            st.form_submit_button(_("Cancel"), type="tertiary", on_click=_close, args=(key,))
