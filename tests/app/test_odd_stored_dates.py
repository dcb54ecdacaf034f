"""Every page opens over dates no form would store: 1 January of year 1, late December 9999.

The dates are written straight into the database (tests/hostile.py), as an old version, a
hand-edited file or a tool might have left them: the diary around them must still open.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from sciatica.documents.calendar import routine_calendar
from sciatica.documents.routine_sheet import routine_sheet_pdf
from sciatica.exercises.catalog import load_catalog
from sciatica.storage.store import Store
from sciatica.ui.pages import PAGES
from tests import factories
from tests.hostile import FIRST_DAY, LAST_DAY, USER, diary_with_dates_at_the_ends

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
