"""One standing-alert state on every page: answered on one, it holds on all (CLINICAL.md 10)."""

from collections.abc import Callable
from datetime import timedelta

from streamlit.testing.v1 import AppTest

from sciatica.diary.models import AboutMe
from sciatica.diary.triage import triage
from sciatica.storage.store import Store
from tests import factories
from tests.factories import make_check_in

OpenPage = Callable[[str], AppTest]
PAUSED = "Get medical help today"  # the same-day advice that pauses the exercises


def diary(database_url: str, *ticked: tuple[int, list[str]]) -> None:
    """About me answered, and a check-in per (days ago, signs ticked)."""
    store = Store.open(database_url)
    store.save_about_me(user_id="local", answers=AboutMe(answered_on=factories.today()))
    for ago, flags in ticked:
        entry = make_check_in(day=factories.today() - timedelta(days=ago), red_flags=flags)
        store.save_check_in(user_id="local", entry=entry, triage_level=triage(ticked=flags).level)
    store.close()


def keys(app: AppTest) -> set[str]:
    return {button.key for button in app.button if button.key}


def paused(app: AppTest) -> bool:
    return any(PAUSED in warning.value for warning in app.warning)


def test_seen_on_today_also_lifts_the_pause_on_exercises_session_and_routine(
    open_page: OpenPage, database_url: str
) -> None:
    diary(database_url, (0, ["worsening_weakness"]))  # today's check-in still carries it
    exercises = open_page("pages/exercises.py")
    assert paused(exercises)
    assert "standing_seen" in keys(exercises)

    today = open_page("pages/today.py")
    assert paused(today)
    today.button(key="standing_seen").click().run()
    assert today.success[0].value == "Noted: you have been seen about it."
    assert not paused(today)

    for page in ("pages/exercises.py", "pages/session.py", "pages/routine.py"):
        app = open_page(page)
        assert not app.exception
        assert not paused(app), page
        assert "standing_seen" not in keys(app), page
    exercises = open_page("pages/exercises.py")
    assert any("exercises" in markdown.value for markdown in exercises.markdown)


def test_seen_on_exercises_lifts_the_pause_on_today(open_page: OpenPage, database_url: str) -> None:
    diary(database_url, (1, ["fever_unwell"]))
    exercises = open_page("pages/exercises.py")
    exercises.button(key="standing_seen").click().run()
    assert exercises.success[0].value == "Noted: you have been seen about it."
    assert not paused(exercises)
    assert not paused(open_page("pages/today.py"))


def test_a_sign_without_news_for_two_weeks_is_asked_about_on_every_page(
    open_page: OpenPage, database_url: str
) -> None:
    diary(database_url, (20, ["injury"]), (3, []))
    for page in ("pages/today.py", "pages/exercises.py", "pages/session.py", "pages/routine.py"):
        app = open_page(page)
        assert paused(app), page  # never silently gone
        assert any("Is this still the case?" in md.value for md in app.markdown), page
        labels = [b.label for b in app.button if (b.key or "").startswith("still_the_case")]
        assert labels == ["It has gone", "I have been seen", "It is still there"], page


def test_still_there_keeps_the_pause_and_stops_asking_for_two_weeks(
    open_page: OpenPage, database_url: str
) -> None:
    diary(database_url, (20, ["injury"]))
    today = open_page("pages/today.py")
    today.button(key="still_the_case_still_there").click().run()
    assert today.success[0].value.startswith("Noted: it is still there.")
    assert paused(today)
    assert "still_the_case_still_there" not in keys(today)
    assert "standing_seen" in keys(today)
    assert paused(open_page("pages/exercises.py"))


def test_it_has_gone_on_today_lifts_the_pause_on_exercises(
    open_page: OpenPage, database_url: str
) -> None:
    diary(database_url, (20, ["injury"]))
    today = open_page("pages/today.py")
    today.button(key="still_the_case_gone").click().run()
    assert today.success[0].value.startswith("Noted: it has gone.")
    assert not paused(today)
    assert not paused(open_page("pages/exercises.py"))
    store = Store.open(database_url)
    (answer,) = store.signs_seen(user_id="local")
    store.close()
    assert (answer.flag_id, answer.answer.value) == ("injury", "gone")


def test_progress_reports_a_sign_that_stands_from_before_the_period(
    open_page: OpenPage, database_url: str
) -> None:
    diary(database_url, (120, ["night_pain"]), (2, []))
    progress = open_page("pages/progress.py")
    summary = " ".join(markdown.value for markdown in progress.markdown)
    assert "A warning sign you ticked before this period" in summary
    assert "still stands" in summary
