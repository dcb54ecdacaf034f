"""The parts of Progress: the period picker, the charts with their data, and the report.

The period and which chart sections are open are remembered in plain session-state keys, which
outlive the widgets' own keys when the page is left.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial

import pandas as pd
import streamlit as st
from streamlit.elements.lib.mutable_expander_container import ExpanderContainer

from sciatica import i18n, ui
from sciatica.diary.models import EARLIEST_DAY
from sciatica.diary.ports import FlareDay
from sciatica.documents.report import progress_report
from sciatica.i18n import _
from sciatica.progress.flares import choices_sentence, choices_table
from sciatica.progress.panels import TITLES, Panel, ProgressPanels
from sciatica.progress.summary import Period, PeriodChoice, ProgressSummary
from sciatica.storage.store import Store
from sciatica.ui import tables
from sciatica.ui.documents import document_download

# Plain session-state keys outlive the widgets' own keys, which go when the page is left.
PERIOD, FROM, TO = "progress_period", "progress_from", "progress_to"
DEFAULT_PERIOD = PeriodChoice.LAST_30


def keep(name: str) -> None:
    """Copy a widget's value into its plain key."""
    st.session_state[name] = st.session_state[f"_{name}"]


def restore(name: str, default: object) -> str:
    """Give a widget its remembered value; returns the widget key."""
    st.session_state.setdefault(name, default)
    st.session_state[f"_{name}"] = st.session_state[name]
    return f"_{name}"


def pick_period(today: date) -> tuple[PeriodChoice, tuple[date, date] | None]:
    """The period control, with From and To when the period is custom."""
    picked = st.segmented_control(
        _("Period"),
        list(PeriodChoice),
        format_func=lambda choice: choice.label,
        required=True,
        key=restore(PERIOD, DEFAULT_PERIOD),
        on_change=keep,
        args=(PERIOD,),
    )
    # The remembered value comes through Session State rather than `default=`, so Streamlit's
    # signature still allows "no choice" (None): the default period stands in for it.
    choice = DEFAULT_PERIOD if picked is None else picked
    custom = None
    if choice is PeriodChoice.CUSTOM:
        left, right = st.columns(2)
        for column, name, label, default in (
            (left, FROM, _("From"), today - timedelta(days=29)),
            (right, TO, _("To"), today),
        ):
            column.date_input(
                label,
                min_value=EARLIEST_DAY,
                max_value=today,
                format="DD/MM/YYYY",
                key=restore(name, default),
                on_change=keep,
                args=(name,),
            )
        custom = (st.session_state[FROM], st.session_state[TO])
    return choice, custom


def show(panel: Panel, period: Period) -> None:
    """A chart with its sentence (or the sentence alone), and its data a click away."""
    if panel.figure is None:
        st.info(panel.sentence, icon=":material/info:")
    else:
        st.plotly_chart(
            panel.figure,
            width="stretch",
            config=ui.PLOTLY_CONFIG,
            key=f"progress_chart_{panel.key}",
            alt=f"{panel.title}. {panel.sentence}",
        )
        st.caption(panel.sentence)
    if not panel.table.empty and st.toggle(_("Show data"), key=f"progress_data_{panel.key}"):
        tables.readable_table(panel.table)
        st.download_button(
            _("Download this chart's data (CSV)"),
            partial(panel.csv, i18n.current()),  # built outside the run: its language given
            file_name=f"sciatica-{panel.key}-{period.start}-to-{period.end}.csv",
            mime="text/csv",
            on_click="ignore",
            icon=":material/download:",
            key=f"progress_csv_{panel.key}",
        )


# The first chart at once; each of the others when its expander is opened, so opening the page
# draws one chart rather than six. Which are open is remembered like the period.
def remembered_expander(key: str, label: str, icon: str) -> ExpanderContainer:
    """An expander that runs its contents only when open, and stays open across pages."""
    name = f"progress_open_{key}"
    return st.expander(label, icon=icon, key=restore(name, False), on_change=keep, args=(name,))


def charts(
    store: Store, *, user: str, panels: ProgressPanels, period: Period, flares: list[FlareDay]
) -> None:
    """The first chart at once, the others and the flare-up choices in remembered expanders."""
    first, *others = TITLES
    top = panels.panel(first)
    if top.figure is None:
        st.markdown(f"**{top.title}**")
    show(top, period)
    for key in others:
        box = remembered_expander(key, _(TITLES[key]), ":material/bar_chart:")
        if box.open:
            with box:
                show(panels.panel(key), period)
    if flares:  # what set flare-ups off and what helped, counted: drawn only when opened
        box = remembered_expander(
            "flares", _("Flare-ups: what set them off, what helped"), ":material/bolt:"
        )
        if box.open:
            with box:
                noted = store.flare_rows(user_id=user, start=period.start, end=period.end)
                tables.readable_table(choices_table(rows=noted))
                st.caption(choices_sentence(rows=noted))


def report(
    store: Store,
    *,
    user: str,
    summary: ProgressSummary,
    days: pd.DataFrame,
    period: Period,
    today: date,
) -> None:
    """The physiotherapist's report: notes or not, and its PDF download."""
    st.header(_("Report for your physiotherapist"))
    st.caption(
        _("One or two pages: the period, your pain chart, the numbers above and warning signs.")
    )
    include_notes = st.checkbox(_("Include my notes"), help=_("Your diary notes from this period."))
    document_download(
        st.container(horizontal=True, vertical_alignment="center"),
        _("Download report for my physiotherapist (PDF)"),
        # Built only when clicked, from this run's values, in the language it is asked for.
        lambda language: progress_report(
            store,
            user_id=user,
            summary=summary,
            days=days,
            include_notes=include_notes,
            generated=today,
            language=language,
        ),
        file_name=f"sciatica-report-{period.start}-to-{period.end}.pdf",
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
        key="report_pdf",
        other_labels={"en": _("Download in English"), "sv": _("Download in Swedish")},
    )
