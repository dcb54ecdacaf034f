"""Sessions: the guided session, logging after the fact, the suggestion, and Today's section."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from streamlit.testing.v1 import AppTest

from sciatica.diary.models import TriageLevel
from sciatica.exercises.catalog import load_catalog
from sciatica.plans.models import ExerciseOutcome, LegResponse, Routine, SessionInput, Weekday
from sciatica.plans.routine import template
from sciatica.storage.store import Store
from tests import factories
from tests.factories import make_check_in

OpenPage = Callable[[str], AppTest]
CATALOG = load_catalog()
PAGE = "pages/session.py"
EVERY_DAY = frozenset(Weekday)


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    opened = Store.open(database_url)
    yield opened
    opened.close()


def save_routine(store: Store, *, days: frozenset[Weekday] = EVERY_DAY) -> Routine:
    plan = template("Starter routine", catalog=CATALOG, start=factories.today() - timedelta(days=2))
    return store.save_routine(user_id="local", routine=plan.model_copy(update={"days": days}))


def button(app: AppTest, label: str) -> None:
    (found,) = [b for b in app.button if b.label == label]
    found.click().run()
    assert not app.exception


def fill_log(app: AppTest, *, before: int, during: int, after: int, response: LegResponse) -> None:
    sliders = {slider.label: slider for slider in app.slider}
    sliders["Leg pain before"].set_value(before)
    sliders["Worst leg pain during"].set_value(during)
    sliders["Leg pain after"].set_value(after)
    (radio,) = [r for r in app.radio if r.label == "Where did your leg symptoms go?"]
    radio.set_value(response)


def save_log(app: AppTest) -> None:
    (submit,) = [b for b in app.button if b.label == "Save session"]
    submit.click().run()
    assert not app.exception


def test_without_a_routine_the_session_page_points_to_the_builder(open_page: OpenPage) -> None:
    app = open_page(PAGE)
    assert not app.exception
    assert "You have no routine to follow yet." in app.info[0].value
    assert [b.label for b in app.button] == ["Save session"]  # logging still works


def test_logging_a_session_after_the_fact_shows_its_colour_and_a_regression(
    open_page: OpenPage, store: Store
) -> None:
    routine = save_routine(store)
    app = open_page(PAGE)
    yesterday = factories.today() - timedelta(days=1)
    app.date_input[0].set_value(yesterday)
    fill_log(app, before=3, during=6, after=5, response=LegResponse.DOWN)
    save_log(app)
    assert f"Saved your session of {yesterday:%A %d %B}." in app.success[0].value
    (session,) = store.recent_sessions(user_id="local", limit=5)
    assert (session.day, session.worst_during, session.leg_response) == (
        yesterday,
        6,
        LegResponse.DOWN,
    )
    assert session.routine_id == routine.id
    page_text = " ".join(block.value for block in app.markdown)
    assert "Red: made symptoms worse" in page_text
    assert any("symptoms spread further down your leg" in c.value for c in app.caption)
    assert "try the easier Single knee-to-chest with a towel" in app.info[-1].value


def test_accepting_the_suggestion_changes_the_routine(open_page: OpenPage, store: Store) -> None:
    save_routine(store)
    app = open_page(PAGE)
    fill_log(app, before=3, during=7, after=6, response=LegResponse.SAME)
    save_log(app)
    button(app, "Accept")
    assert "Accepted. Your routine is updated." in app.success[0].value
    routine = store.active_routine(user_id="local")
    assert routine is not None
    assert routine.items[0].exercise_id == "knee-to-chest-towel"
    assert any("already decided" in caption.value for caption in app.caption)


def test_dismissing_the_suggestion_keeps_the_routine(open_page: OpenPage, store: Store) -> None:
    before = save_routine(store)
    app = open_page(PAGE)
    fill_log(app, before=3, during=7, after=6, response=LegResponse.SAME)
    save_log(app)
    button(app, "Dismiss")
    after = store.active_routine(user_id="local")
    assert after is not None
    assert after.items == before.items
    assert not [b for b in app.button if b.label in ("Accept", "Dismiss")]


def test_a_session_cannot_be_logged_for_a_future_day(open_page: OpenPage, store: Store) -> None:
    app = open_page(PAGE)
    date_input = app.date_input[0]
    assert (date_input.label, date_input.value) == ("Date", factories.today())
    assert date_input.proto.max == factories.today().isoformat()
    date_input.set_value(factories.today() + timedelta(days=2))
    save_log(app)  # the picker keeps the date within its range
    assert [s.day for s in store.recent_sessions(user_id="local", limit=5)] == [factories.today()]


def test_the_guided_session_goes_one_exercise_at_a_time_and_logs_the_outcomes(
    open_page: OpenPage, store: Store
) -> None:
    save_routine(store)
    app = open_page(PAGE)
    button(app, "Start session")
    assert app.subheader[0].value == "Knee-to-chest stretch"
    assert app.metric[0].value == "20 s"
    assert any("First side · 0 of 3 done" in block.value for block in app.markdown)
    button(app, "Count one")
    assert any("First side · 1 of 3 done" in block.value for block in app.markdown)
    button(app, "Done")
    assert app.subheader[0].value == "Standing hamstring stretch"
    button(app, "This hurt")
    assert "You stopped the Standing hamstring stretch because it hurt" in app.info[0].value
    button(app, "Skip")
    button(app, "Stop here and log the session")
    assert app.subheader[0].value == "How did it go?"
    fill_log(app, before=2, during=3, after=2, response=LegResponse.UP)
    save_log(app)
    (session,) = store.recent_sessions(user_id="local", limit=5)
    assert session.outcomes == {
        "knee-to-chest": ExerciseOutcome.DONE,
        "standing-hamstring-stretch": ExerciseOutcome.HURT,
        "lying-piriformis-stretch": ExerciseOutcome.SKIPPED,
    }
    assert "You have done today's session. Well done." in app.success[-1].value


def test_the_timer_starts_pauses_and_resets(open_page: OpenPage, store: Store) -> None:
    save_routine(store)
    app = open_page(PAGE)
    button(app, "Start session")
    button(app, "Start")
    assert not next(b for b in app.button if b.label == "Pause").disabled
    button(app, "Pause")
    assert [b for b in app.button if b.label == "Resume"]
    button(app, "Reset")
    assert app.metric[0].value == "20 s"
    assert [b for b in app.button if b.label == "Start"]


def test_a_warning_sign_hides_the_start_button_and_suggestions(
    open_page: OpenPage, store: Store
) -> None:
    save_routine(store)
    store.save_session(
        user_id="local",
        session=SessionInput(day=factories.today(), pain_before=3, worst_during=8, pain_after=6),
    )
    store.save_check_in(
        user_id="local",
        entry=make_check_in(day=factories.today(), red_flags=["bowel"]),
        triage_level=TriageLevel.EMERGENCY,
    )
    app = open_page(PAGE)
    assert "Get help now" in app.error[0].value
    labels = [b.label for b in app.button]
    assert "Start session" not in labels
    assert "Accept" not in labels
    assert not app.info


def test_today_shows_todays_session_with_a_link_to_start_it(
    open_page: OpenPage, store: Store
) -> None:
    save_routine(store)
    app = open_page("pages/today.py")
    assert not app.exception
    assert any("Today: Starter routine, week 1" in block.value for block in app.markdown)
    assert any(
        "Knee-to-chest stretch: Hold 20 s, 3 times per side" in b.value for b in app.markdown
    )
    assert any(link.label == "Start today's session" for link in app.get("page_link"))


def test_today_on_a_rest_day_names_the_next_session_day(open_page: OpenPage, store: Store) -> None:
    save_routine(store, days=frozenset(Weekday) - {Weekday(factories.today().weekday())})
    app = open_page("pages/today.py")
    tomorrow = factories.today() + timedelta(days=1)
    expected = (
        f"Today is a rest day in “Starter routine”. Your next session is on {tomorrow:%A %d %B}."
    )
    assert any(expected in info.value for info in app.info)


def test_today_offers_the_undecided_suggestion(open_page: OpenPage, store: Store) -> None:
    save_routine(store)
    store.save_session(
        user_id="local",
        session=SessionInput(day=factories.today(), pain_before=3, worst_during=8, pain_after=6),
    )
    app = open_page("pages/today.py")
    assert "You have done today's session." in app.success[0].value
    assert "After your last session:" in app.info[-1].value
    button(app, "Dismiss")
    assert "Dismissed." in app.success[0].value
    assert not [b for b in app.button if b.label == "Accept"]


def test_the_start_link_from_today_opens_the_first_exercise(
    open_page: OpenPage, store: Store
) -> None:
    save_routine(store)
    app = open_page("pages/today.py")
    (link,) = [link for link in app.get("page_link") if link.label == "Start today's session"]
    assert link.proto.query_string == "start=1"
    app.query_params["start"] = "1"
    app.switch_page(PAGE).run()
    assert not app.exception
    assert app.subheader[0].value == "Knee-to-chest stretch"
    assert "start" not in app.query_params
