"""A clinician's Patients page: each patient's card, and one patient's Progress, read only.

Every read of a patient's diary starts with `access.open_patient_diary`, at the moment of
drawing, so a share stopped or expired grants nothing on the next page load. The page is in
the navigation only for a login with at least one active share (`clinician_pages`); opened by
its address without one, it says so and shows nothing else. Which patient is open is kept as
their diary id in the session, and opening it asks for the share again: no address, query
string or session value opens a diary that is not shared.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial

import streamlit as st

from sciatica import clock, i18n, ui
from sciatica.documents.report import progress_report
from sciatica.exercises.catalog import load_catalog
from sciatica.i18n import N_, Language, _, ngettext
from sciatica.plans.sessions import session_points
from sciatica.progress.flares import choices_sentence, choices_table
from sciatica.progress.panels import TITLES, Panel, ProgressPanels
from sciatica.progress.summary import PeriodChoice, daily_frame, resolve_period, summarise
from sciatica.progress.text import summary_sentences
from sciatica.sharing.access import AccessDenied, Login, PatientDiary, open_patient_diary, patients
from sciatica.sharing.models import ViewKind
from sciatica.sharing.overview import patient_overview
from sciatica.storage.store import Store
from sciatica.ui import tables
from sciatica.ui.documents import document_download
from sciatica.ui.pages import PageSpec
from sciatica.ui.sharing import login

PATIENTS_PAGE = PageSpec("pages/patients.py", N_("Patients"), ":material/group:", "patients")
OPEN = "patients_open"  # the diary id of the patient whose Progress is open, if any
PERIOD = "patients_period"
PERIODS = (PeriodChoice.LAST_30, PeriodChoice.LAST_90, PeriodChoice.LAST_YEAR, PeriodChoice.ALL)


def clinician_pages() -> tuple[PageSpec, ...]:
    """The Patients page, for a logged-in person with whom at least one diary is shared now."""
    if not ui.logins_enabled() or not st.user.is_logged_in:
        return ()
    return (PATIENTS_PAGE,) if patients(ui.store(), viewer=login(), now=clock.now()) else ()


def patients_page() -> None:
    """The list of patients, or the one opened; nothing for a login with no share."""
    store, viewer = ui.store(), login()
    st.title(_("Patients"))
    shared = patients(store, viewer=viewer, now=clock.now()) if ui.logins_enabled() else []
    if not shared:
        st.session_state.pop(OPEN, None)
        st.info(_("No one shares their diary with you at the moment."), icon=":material/group:")
        return
    opened = st.session_state.get(OPEN)
    if isinstance(opened, str):
        try:
            diary = open_patient_diary(
                store, viewer=viewer, owner_id=opened, what=ViewKind.PROGRESS, now=clock.now()
            )
        except AccessDenied as denied:
            st.session_state.pop(OPEN, None)
            st.warning(str(denied), icon=":material/block:")
        else:
            patient_progress(store, diary, viewer=viewer)
            return
    st.caption(
        _("Diaries shared with you, read only. Each patient sees when you looked at theirs.")
    )
    catalog, today = load_catalog(), ui.today()
    cards = []
    for share in shared:
        try:
            diary = open_patient_diary(
                store,
                viewer=viewer,
                owner_id=share.owner_id,
                what=ViewKind.PATIENTS,
                now=clock.now(),
            )
        except AccessDenied:
            continue  # stopped between the two reads: nothing of theirs is drawn
        cards.append((diary, patient_overview(store, diary, catalog=catalog, today=today)))
    # Anyone with a warning sign that stands comes first.
    cards.sort(key=lambda card: card[1].warning is None)
    for number, (diary, card) in enumerate(cards):
        with st.container(border=True, key=f"patient_{number}"):
            st.markdown(f"**{ui.plain(card.name)}**")
            if card.warning:
                st.warning(card.warning, icon=":material/warning:")
            st.markdown(
                "\n".join(
                    f"- {line}" for line in (card.last_check_in, card.leg_pain, card.sessions)
                )
            )
            if card.routine is not None:
                st.markdown(
                    _("Routine “{name}”, doses now:").format(name=ui.plain(card.routine))
                    + "".join(f"\n- {dose}" for dose in card.doses)
                )
            st.button(
                _("Open {name}'s diary").format(name=ui.plain(card.name)),
                key=f"open_patient_{number}",
                on_click=_open,
                args=(diary.owner_id,),
                icon=":material/folder_open:",
            )


def _open(owner_id: str) -> None:
    st.session_state[OPEN] = owner_id


def _close() -> None:
    st.session_state.pop(OPEN, None)


def patient_progress(store: Store, diary: PatientDiary, *, viewer: Login) -> None:
    """One patient's Progress, read only: summary, charts, flare-ups and the report."""
    today = ui.today()
    st.button(_("All patients"), on_click=_close, icon=":material/arrow_back:")
    st.subheader(
        _("{name}'s diary, read only").format(name=ui.plain(diary.owner_label)), anchor=False
    )
    st.caption(
        _(
            "Shared with you until the end of {day}. It speaks to {name} as “you”; nothing here "
            "can be changed."
        ).format(
            day=i18n.format_date(clock.shift(clock.day_at(diary.expires_at, ui.timezone()), -1)),
            name=ui.plain(diary.owner_label),
        )
    )
    picked = st.segmented_control(
        _("Period"),
        PERIODS,
        format_func=lambda choice: choice.label,
        default=PeriodChoice.LAST_30,
        required=True,
        key=PERIOD,
    )
    choice = picked if isinstance(picked, PeriodChoice) else PeriodChoice.LAST_30
    owner = diary.owner_id
    first_day = store.first_check_in_day(user_id=owner)
    period = resolve_period(choice=choice, today=today, first_day=first_day)
    rows = store.daily_rows(user_id=owner, start=period.start, end=period.end + timedelta(days=1))
    sessions = session_points(store, user_id=owner, start=period.start, end=period.end, rows=rows)
    days = daily_frame(rows=[row for row in rows if row.day <= period.end])
    flares = store.flare_days(user_id=owner, start=period.start, end=period.end)
    summary = summarise(days=days, sessions=sessions, period=period)
    st.caption(
        ngettext("{period} ({count} day)", "{period} ({count} days)", period.days).format(
            period=period.label, count=period.days
        )
    )
    st.markdown("\n".join(f"- {line}" for line in summary_sentences(summary=summary)))
    if days.empty and not sessions and not flares:
        st.info(_("Nothing in this period of the diary."), icon=":material/info:")
    else:
        names = {exercise.id: exercise.name for exercise in load_catalog().exercises}
        panels = ProgressPanels(
            days=days, sessions=sessions, summary=summary, names=names, flares=flares
        )
        for number, key in enumerate(TITLES):
            if number == 0:
                _show(panels.panel(key))
                continue
            with st.expander(_(TITLES[key]), icon=":material/bar_chart:"):
                _show(panels.panel(key))
        if flares:
            with st.expander(
                _("Flare-ups: what set them off, what helped"), icon=":material/bolt:"
            ):
                noted = store.flare_rows(user_id=owner, start=period.start, end=period.end)
                tables.readable_table(choices_table(rows=noted))
                st.caption(choices_sentence(rows=noted))
    include_notes = st.checkbox(_("Include the diary's notes in the report"))
    # Built only when clicked, in the language it is asked for, the share asked for again.
    document_download(
        st.container(horizontal=True, vertical_alignment="center"),
        _("Download {name}'s report (PDF)").format(name=ui.plain(diary.owner_label)),
        partial(
            report_pdf,
            store,
            viewer=viewer,
            owner_id=owner,
            choice=choice,
            include_notes=include_notes,
            today=today,
        ),
        file_name=f"sciatica-report-{period.start}-to-{period.end}.pdf",
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
        key="patient_report_pdf",
        other_labels={"en": _("Download in English"), "sv": _("Download in Swedish")},
    )


def _show(panel: Panel) -> None:
    if panel.figure is None:
        st.info(panel.sentence, icon=":material/info:")
        return
    st.plotly_chart(
        panel.figure,
        width="stretch",
        config=ui.PLOTLY_CONFIG,
        key=f"patient_chart_{panel.key}",
        alt=f"{panel.title}. {panel.sentence}",
    )
    st.caption(panel.sentence)


def report_pdf(
    store: Store,
    language: Language,
    *,
    viewer: Login,
    owner_id: str,
    choice: PeriodChoice,
    include_notes: bool,
    today: date,
) -> bytes:
    """The patient's report, built when the button is pressed: the share is asked for again."""
    diary = open_patient_diary(
        store, viewer=viewer, owner_id=owner_id, what=ViewKind.REPORT, now=clock.now()
    )
    owner = diary.owner_id
    period = resolve_period(
        choice=choice, today=today, first_day=store.first_check_in_day(user_id=owner)
    )
    rows = store.daily_rows(user_id=owner, start=period.start, end=period.end + timedelta(days=1))
    sessions = session_points(store, user_id=owner, start=period.start, end=period.end, rows=rows)
    days = daily_frame(rows=[row for row in rows if row.day <= period.end])
    summary = summarise(days=days, sessions=sessions, period=period)
    return progress_report(
        store,
        user_id=owner,
        summary=summary,
        days=days,
        include_notes=include_notes,
        generated=today,
        language=language,
    )
