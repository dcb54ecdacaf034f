from collections.abc import Callable
from datetime import timedelta

import pytest
from streamlit.testing.v1 import AppTest

from sciatica.diary.models import TriageLevel
from sciatica.storage.store import Store
from tests import factories
from tests.factories import make_check_in

OpenPage = Callable[[str], AppTest]


@pytest.fixture
def page(open_page: OpenPage) -> AppTest:
    return open_page("pages/check_in.py")


def slider(app: AppTest, label: str):
    return next(s for s in app.slider if s.label == label)


def save_button(app: AppTest):
    return next(b for b in app.button if b.label == "Save check-in")


def stored(database_url: str) -> Store:
    return Store.open(database_url)


def test_a_new_user_sees_an_empty_form_and_no_table(page: AppTest) -> None:
    assert not page.exception
    assert page.title[0].value == "Check-in"
    assert slider(page, "Leg pain").value == 0
    assert any("Your check-ins will appear here" in c.value for c in page.caption)


def test_saving_a_check_in_writes_it_and_says_saved_with_a_comparison(
    page: AppTest, database_url: str
) -> None:
    slider(page, "Leg pain").set_value(6)
    slider(page, "Back pain").set_value(2)
    page.text_area(key=next(t.key for t in page.text_area if t.label == "Notes")).input("Sore")
    save_button(page).click().run()
    assert not page.exception
    assert page.success[0].value.startswith("Saved. Leg pain 6. This is your first check-in.")
    today = factories.today()
    saved = stored(database_url).get_check_in(user_id="local", day=today)
    assert saved is not None
    assert (saved.leg_pain, saved.back_pain, saved.notes) == (6, 2, "Sore")
    assert len(page.dataframe) == 1


def test_saving_the_same_day_again_says_it_updated(page: AppTest, database_url: str) -> None:
    save_button(page).click().run()
    slider(page, "Leg pain").set_value(3)
    save_button(page).click().run()
    assert not page.exception
    assert "updated this day's check-in" in page.success[0].value
    assert stored(database_url).count_check_ins(user_id="local") == 1


def test_the_form_starts_from_the_latest_check_in(open_page: OpenPage, database_url: str) -> None:
    yesterday = factories.today() - timedelta(days=1)
    stored(database_url).save_check_in(
        user_id="local",
        entry=make_check_in(day=yesterday, leg_pain=7, back_pain=4),
        triage_level=TriageLevel.NONE,
    )
    app = open_page("pages/check_in.py")
    assert (slider(app, "Leg pain").value, slider(app, "Back pain").value) == (7, 4)
    assert any("Filled in from your check-in" in c.value for c in app.caption)


def test_a_bladder_sign_shows_the_emergency_message_and_still_saves(
    page: AppTest, database_url: str
) -> None:
    next(c for c in page.checkbox if c.label.startswith("New trouble starting to pee")).check()
    save_button(page).click().run()
    assert not page.exception
    assert "Get help now" in page.error[0].value
    assert "[112](tel:112), [999](tel:999) or [911](tel:911)" in page.error[0].value
    saved = stored(database_url).get_check_in(user_id="local", day=factories.today())
    assert saved is not None
    assert saved.triage_level is TriageLevel.EMERGENCY


def test_an_urgent_sign_shows_see_a_doctor_within_two_days(page: AppTest) -> None:
    next(c for c in page.checkbox if c.label.startswith("Severe pain at night")).check()
    save_button(page).click().run()
    assert "See a doctor within 24 to 48 hours" in page.warning[0].value


def test_the_date_picker_offers_no_day_after_the_users_today(page: AppTest) -> None:
    picker = page.date_input(key="check_in_day")
    assert picker.value == factories.today()
    assert picker.max == factories.today()


def test_notes_with_control_characters_are_refused_and_nothing_saved(
    page: AppTest, database_url: str
) -> None:
    notes = next(t for t in page.text_area if t.label == "Notes")
    notes.input("bad\x07bell")
    save_button(page).click().run()
    assert "Notes: contains invisible control characters" in page.error[0].value
    assert stored(database_url).count_check_ins(user_id="local") == 0


def test_picking_a_past_date_loads_that_days_check_in(
    open_page: OpenPage, database_url: str
) -> None:
    past = factories.today() - timedelta(days=5)
    stored(database_url).save_check_in(
        user_id="local", entry=make_check_in(day=past, leg_pain=9), triage_level=TriageLevel.NONE
    )
    app = open_page("pages/check_in.py")
    app.date_input(key="check_in_day").set_value(past).run()
    assert slider(app, "Leg pain").value == 9
    assert any("You already checked in" in info.value for info in app.info)
