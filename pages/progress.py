"""Progress: is it working? A plain summary, charts over a chosen period, a report to share."""

from datetime import timedelta

import streamlit as st

from sciatica import ui
from sciatica.diary.today import current_alert
from sciatica.exercises.catalog import load_catalog
from sciatica.i18n import _, ngettext
from sciatica.plans.sessions import session_points
from sciatica.progress.panels import ProgressPanels
from sciatica.progress.summary import PeriodError, daily_frame, resolve_period, summarise
from sciatica.progress.text import summary_sentences
from sciatica.ui import progress

store, user, today = ui.store(), ui.user_id(), ui.today()

st.title(_("Progress"))
choice, custom = progress.pick_period(today)
try:
    first_day = store.first_check_in_day(user_id=user)
    period = resolve_period(choice=choice, today=today, first_day=first_day, custom=custom)
except PeriodError as error:
    st.warning(str(error), icon=":material/date_range:")
    st.stop()

# One day past the period, so the last session's next morning counts too.
rows = store.daily_rows(user_id=user, start=period.start, end=period.end + timedelta(days=1))
sessions = session_points(store, user_id=user, start=period.start, end=period.end, rows=rows)
days = daily_frame(rows=[row for row in rows if row.day <= period.end])
flares = store.flare_days(user_id=user, start=period.start, end=period.end)
standing = current_alert(store, user_id=user, today=today)  # the one state every page reads
ticked = tuple(standing.since.values()) if standing else ()
summary = summarise(days=days, sessions=sessions, period=period, standing=ticked)
st.caption(
    ngettext("{period} ({count} day)", "{period} ({count} days)", period.days).format(
        period=period.label, count=period.days
    )
)
st.markdown("\n".join(f"- {line}" for line in summary_sentences(summary=summary)))

if days.empty and not sessions and not flares:
    st.info(_("Your charts will appear here after your first check-in in this period."))
    st.page_link("pages/check_in.py", label=_("Do today's check-in"), icon=":material/edit_note:")
    st.stop()
names = {exercise.id: exercise.name for exercise in load_catalog().exercises}
panels = ProgressPanels(days=days, sessions=sessions, summary=summary, names=names, flares=flares)
progress.charts(store, user=user, panels=panels, period=period, flares=flares)
progress.report(store, user=user, summary=summary, days=days, period=period, today=today)
