"""Two devices, one day: a check-in saved elsewhere since the form was opened is never replaced
without asking; both are shown and the person keeps either."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from streamlit.testing.v1 import AppTest

from sciatica.diary.models import TriageLevel
from sciatica.storage.store import Store
from tests import factories
from tests.factories import make_check_in

OpenPage = Callable[[str], AppTest]
QUESTION = "This day's check-in was saved on another device after you opened this form."


def slider(app: AppTest, label: str):  # type: ignore[no-untyped-def]
    return next(s for s in app.slider if s.label == label)


def button(app: AppTest, label: str):  # type: ignore[no-untyped-def]
    return next(b for b in app.button if b.label == label)


def saved_on_the_phone(database_url: str, *, leg_pain: int, notes: str) -> None:
    """The other device saves today's check-in (the same diary, another session)."""
    store = Store.open(database_url)
    entry = make_check_in(day=factories.today(), leg_pain=leg_pain, notes=notes)
    store.save_check_in(user_id="local", entry=entry, triage_level=TriageLevel.NONE)
    store.close()


def leg_pain_stored(database_url: str) -> int:
    store = Store.open(database_url)
    try:
        saved = store.get_check_in(user_id="local", day=factories.today())
        assert saved is not None
        return saved.leg_pain
    finally:
        store.close()


@pytest.fixture
def asked(open_page: OpenPage, database_url: str) -> AppTest:
    """The laptop opens the check-in; the phone saves today; the laptop saves leg pain 4."""
    app = open_page("pages/check_in.py")
    saved_on_the_phone(database_url, leg_pain=8, notes="Saved on my phone.")
    slider(app, "Leg pain").set_value(4)
    button(app, "Save check-in").click().run()
    assert not app.exception
    return app


def test_saving_over_a_check_in_saved_elsewhere_asks_and_shows_both(
    asked: AppTest, database_url: str
) -> None:
    assert any(warning.value.startswith(QUESTION) for warning in asked.warning)
    assert not asked.success  # not "Saved"
    shown = " ".join(block.value for block in asked.markdown)
    assert "Leg pain 8, back pain" in shown
    assert "Leg pain 4, back pain" in shown
    assert "Saved on my phone." in [text.value for text in asked.text]
    assert leg_pain_stored(database_url) == 8  # nothing replaced yet


def test_save_mine_instead_replaces_it_and_says_saved(asked: AppTest, database_url: str) -> None:
    button(asked, "Save mine instead").click().run()
    assert not asked.exception
    assert leg_pain_stored(database_url) == 4
    assert asked.success
    assert not any(warning.value.startswith(QUESTION) for warning in asked.warning)


def test_keep_this_one_keeps_the_other_device_s_and_shows_it_in_the_form(
    asked: AppTest, database_url: str
) -> None:
    button(asked, "Keep this one").click().run()
    assert not asked.exception
    assert leg_pain_stored(database_url) == 8
    assert slider(asked, "Leg pain").value == 8
    assert "Kept the check-in saved on the other device; yours was not saved." in [
        info.value for info in asked.info
    ]
    # Saving the form now changes the kept check-in without asking again.
    slider(asked, "Leg pain").set_value(7)
    button(asked, "Save check-in").click().run()
    assert leg_pain_stored(database_url) == 7
    assert not any(warning.value.startswith(QUESTION) for warning in asked.warning)


def test_saving_twice_from_one_device_never_asks(open_page: OpenPage, database_url: str) -> None:
    app = open_page("pages/check_in.py")
    for pain in (3, 5):
        slider(app, "Leg pain").set_value(pain)
        button(app, "Save check-in").click().run()
        assert not any(warning.value.startswith(QUESTION) for warning in app.warning)
        assert leg_pain_stored(database_url) == pain


def test_a_form_drawn_afresh_after_leaving_the_page_takes_the_day_as_it_is_now(
    open_page: OpenPage, database_url: str
) -> None:
    app = open_page("pages/check_in.py")
    saved_on_the_phone(database_url, leg_pain=8, notes="Saved on my phone.")
    app.switch_page("pages/today.py").run()
    app.switch_page("pages/check_in.py").run()  # the form now shows the phone's check-in
    assert slider(app, "Leg pain").value == 8
    slider(app, "Leg pain").set_value(6)
    button(app, "Save check-in").click().run()
    assert not any(warning.value.startswith(QUESTION) for warning in app.warning)
    assert leg_pain_stored(database_url) == 6
