"""Every page opens over values no form would store: dates at the calendar's ends, ids the app
does not know.

They are written straight into the database (tests/hostile.py), as an old version, a
hand-edited file or a tool might have left them: the diary around them must still open.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from sciatica.diary.models import TriageLevel
from sciatica.documents.calendar import routine_calendar
from sciatica.documents.routine_sheet import routine_sheet_pdf
from sciatica.exercises.catalog import load_catalog
from sciatica.plans.models import ExerciseOutcome
from sciatica.storage.store import Store
from sciatica.ui.pages import PAGES
from tests import factories
from tests.factories import days_ago, make_check_in, make_session_input
from tests.hostile import (
    FIRST_DAY,
    LAST_DAY,
    UNKNOWN_LINK,
    USER,
    diary_with_dates_at_the_ends,
    diary_with_unknown_ids,
)

# The dates here are the calendar's own ends (year 1, year 9999), as far from any today as a
# date can be: the awkward-moment runs add nothing and leave it out.
pytestmark = pytest.mark.timeless

OpenPage = Callable[[str], AppTest]
EXTREMES = pytest.mark.parametrize(
    "extreme", [FIRST_DAY, LAST_DAY, date.max], ids=["year-1", "christmas-9999", "last-day"]
)


@EXTREMES
@pytest.mark.parametrize("page", [page.file for page in PAGES])
def test_every_page_opens_over_dates_at_the_ends_of_the_calendar(
    open_page: OpenPage, database_url: str, extreme: date, page: str
) -> None:
    diary_with_dates_at_the_ends(database_url, extreme)
    app = open_page(page)
    assert not app.exception
    assert app.title, "the page drew its title"


@EXTREMES
def test_progress_over_all_time_draws_every_panel(
    open_page: OpenPage, database_url: str, extreme: date
) -> None:
    diary_with_dates_at_the_ends(database_url, extreme)
    app = open_page("pages/progress.py")
    app.segmented_control[0].set_value("All").run()
    for key in ("sbi", "adherence", "response", "life", "exercises"):
        app.session_state[f"progress_open_{key}"] = True
    app.run()
    assert not app.exception
    assert app.get("plotly_chart"), "the charts of the days that can be charted"


@EXTREMES
def test_routines_starting_at_the_ends_can_be_edited_and_downloaded(
    open_page: OpenPage, database_url: str, extreme: date
) -> None:
    diary_with_dates_at_the_ends(database_url, extreme)
    app = open_page("pages/routine.py")
    for index in range(2):
        [button for button in app.button if button.label == "Edit"][index].click().run()
        assert not app.exception
        assert app.date_input[0].value == extreme
    store = Store.open(database_url)
    catalog = load_catalog()
    for routine in store.list_routines(user_id=USER):
        assert routine_calendar(routine, catalog=catalog).startswith(b"BEGIN:VCALENDAR")
        sheet = routine_sheet_pdf(
            routine, catalog=catalog, today=factories.today(), country=None, history=[]
        )
        assert sheet.startswith(b"%PDF")
    store.close()


@pytest.mark.parametrize("page", [page.file for page in PAGES])
def test_every_page_opens_over_a_warning_sign_and_exercises_the_app_does_not_know(
    open_page: OpenPage, database_url: str, page: str
) -> None:
    diary_with_unknown_ids(database_url)
    app = open_page(page)
    assert not app.exception
    assert app.title, "the page drew its title"


def test_progress_labels_no_exercise_by_a_stored_id(open_page: OpenPage, database_url: str) -> None:
    diary_with_unknown_ids(database_url)
    # Three sessions with an exercise the catalogue knows, settled by the next morning.
    store = Store.open(database_url)
    for ago in (6, 5, 4):
        store.save_session(
            user_id=USER,
            session=make_session_input(
                day=days_ago(ago), pain_before=5, outcomes={"clamshell": ExerciseOutcome.DONE}
            ),
        )
        entry = make_check_in(day=days_ago(ago - 1), leg_pain=3)
        store.save_check_in(user_id=USER, entry=entry, triage_level=TriageLevel.NONE)
    store.close()
    app = open_page("pages/progress.py")
    app.session_state["progress_open_exercises"] = True
    app.run()
    assert not app.exception
    (expander,) = [e for e in app.expander if e.label.startswith("Next-morning leg pain")]
    shown = [str(element.value) for kind in ("info", "caption") for element in expander.get(kind)]
    shown += [chart.proto.spec for chart in app.get("plotly_chart")]
    shown += [frame.value.to_csv() for frame in expander.dataframe]
    assert shown, "the panel says something"
    assert not [text for text in shown if "gone" in text or UNKNOWN_LINK in text]
    assert any("Clamshell" in text or "clamshell" in text for text in shown)
