"""Two devices, one day: a check-in saved elsewhere since the form was opened is never replaced
without asking.

The page remembers what the day held when its form was opened (`opened`), saves through `save`,
which refuses when the day changed since (storage checks it in the saving transaction), and
calls `question` where the save's result shows: it puts both check-ins side by side and keeps
the one the person chooses.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from sciatica import clock, ui
from sciatica.diary.check_in import (
    CheckInChanged,
    CheckInOutcome,
    OpenedWith,
    check_in_summary,
    record_check_in,
)
from sciatica.diary.models import CheckIn, CheckInInput
from sciatica.diary.notices import check_in_notice
from sciatica.i18n import _
from sciatica.storage.store import Store
from sciatica.ui import alerts

_OPENED = "_check_in_opened_with"  # day (ISO) -> OpenedWith
_PENDING = "_check_in_pending"  # (the person's entry, the day's check-in now)
_KEPT = "_check_in_kept_theirs"
_SAVED = "_check_in_saved_mine"


def opened(day: date, existing: CheckIn | None, *, widget: str) -> None:
    """Remember what the day held when its form was opened: when `widget` (one of the form's,
    for that day) has no state yet, the form is being drawn afresh from what the diary holds."""
    seen: dict[str, OpenedWith] = st.session_state.setdefault(_OPENED, {})
    if widget not in st.session_state or day.isoformat() not in seen:
        seen[day.isoformat()] = OpenedWith(existing.updated_at if existing else None)


def save(store: Store, *, user_id: str, entry: CheckInInput, today: date) -> CheckInOutcome | None:
    """Save the check-in, or hold it and return None when the day changed elsewhere since."""
    seen: dict[str, OpenedWith] = st.session_state.setdefault(_OPENED, {})
    opened_with = seen.get(entry.day.isoformat(), OpenedWith(None))
    try:
        outcome = record_check_in(
            store, user_id=user_id, entry=entry, today=today, opened_with=opened_with
        )
    except CheckInChanged as changed:
        st.session_state[_PENDING] = (entry, changed.current)
        return None
    seen[entry.day.isoformat()] = OpenedWith(outcome.check_in.updated_at)
    st.session_state.pop(_PENDING, None)
    return outcome


def question(*, user_id: str, today: date, key: str) -> None:
    """Where a save's result shows: what the answer did, or which check-in to keep."""
    if notice := st.session_state.pop(_SAVED, None):
        alerts.outcome_here(notice, key=key)
    if kept := st.session_state.pop(_KEPT, None):
        with st.container(key=f"{key}_kept"):
            st.info(kept, icon=":material/devices:")
        alerts.scroll_here(f"{key}_kept")
    pending = st.session_state.get(_PENDING)
    if pending is None:
        return
    mine, theirs = pending
    with st.container(border=True, key=f"{key}_conflict"):
        st.warning(
            _(
                "This day's check-in was saved on another device after you opened this form. "
                "Yours is not saved yet: which one do you want to keep?"
            ),
            icon=":material/devices:",
        )
        left, right = st.columns(2)
        with left:
            if theirs is None:
                st.markdown(_("**Deleted elsewhere**"))
                st.write(_("The day has no check-in now."))
            else:
                when = clock.local(theirs.updated_at, ui.timezone()).strftime("%H:%M")
                st.markdown(_("**Saved elsewhere at {time}**").format(time=when))
                st.write(check_in_summary(theirs))
                if theirs.notes:
                    st.text(theirs.notes)  # the person's own words, as text
            st.button(_("Keep this one"), key=f"{key}_keep_theirs", on_click=_keep_theirs)
        with right:
            st.markdown(_("**Yours, from this form**"))
            st.write(check_in_summary(mine))
            if mine.notes:
                st.text(mine.notes)
            st.button(
                _("Save mine instead"),
                type="primary",
                key=f"{key}_keep_mine",
                on_click=_save_mine,
                kwargs={"user_id": user_id, "today": today},
            )
    alerts.scroll_here(f"{key}_conflict")


def _keep_theirs() -> None:
    """Drop this form's answers and show the day as the other device left it."""
    pending = st.session_state.pop(_PENDING, None)
    if pending is None:
        return
    mine, theirs = pending
    day = mine.day.isoformat()
    st.session_state.setdefault(_OPENED, {})[day] = OpenedWith(
        theirs.updated_at if theirs else None
    )
    for name in [name for name in st.session_state if str(name).endswith(f"_{day}")]:
        del st.session_state[name]  # the form's widgets for that day load the kept values
    st.session_state[_KEPT] = _("Kept the check-in saved on the other device; yours was not saved.")


def _save_mine(*, user_id: str, today: date) -> None:
    """Replace the other device's check-in with this one (asking again if it changed again)."""
    pending = st.session_state.get(_PENDING)
    if pending is None:
        return
    mine, theirs = pending
    st.session_state.setdefault(_OPENED, {})[mine.day.isoformat()] = OpenedWith(
        theirs.updated_at if theirs else None
    )
    outcome = save(ui.store(), user_id=user_id, entry=mine, today=today)
    if outcome is not None:
        st.session_state[_SAVED] = check_in_notice(
            outcome.triage,
            updated=outcome.updated,
            comparison=outcome.comparison,
            country=ui.country(),
        )
