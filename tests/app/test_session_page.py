"""Sessions: the guided session, logging after the fact, the suggestion, and Today's section."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from streamlit.testing.v1 import AppTest

from sciatica import clock
from sciatica.diary.models import TriageLevel
from sciatica.diary.triage import emergency_number
from sciatica.exercises.catalog import load_catalog
from sciatica.plans.guided import HOLD_DONE
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


def fill_log(
    app: AppTest, *, before: int, during: int, after: int, response: LegResponse = LegResponse.SAME
) -> None:
    answers = {pills.label: pills for pills in app.pills}
    answers["Leg pain before"].set_value(before)
    answers["Worst leg pain during"].set_value(during)
    answers["Leg pain after"].set_value(after)
    (radio,) = [r for r in app.radio if r.label == "Where did your leg symptoms go?"]
    radio.set_value(response)


def in_order(app: AppTest) -> list[str]:
    """Each alert and button on the page, top to bottom, as 'kind: text'."""
    found: list[str] = []

    def walk(node: object) -> None:
        kind = getattr(node, "type", "")
        if kind in ("error", "success", "warning", "info"):
            found.append(f"{kind}: {node.value}")  # type: ignore[attr-defined]
        elif kind in ("button", "form_submit_button"):
            found.append(f"button: {node.label}")  # type: ignore[attr-defined]
        children = getattr(node, "children", {})
        for index in sorted(children):
            walk(children[index])

    walk(app.main)
    return found


def save_log(app: AppTest) -> None:
    (submit,) = [b for b in app.button if b.label == "Save session"]
    submit.click().run()
    assert not app.exception


def test_without_a_routine_the_session_page_points_to_the_builder(open_page: OpenPage) -> None:
    app = open_page(PAGE)
    assert not app.exception
    assert "You have no routine to follow yet." in app.info[0].value
    assert [b.label for b in app.button] == ["Save session"]  # logging still works


def test_logging_a_session_after_the_fact_shows_its_colour_and_advice_at_the_button(
    open_page: OpenPage, store: Store
) -> None:
    routine = save_routine(store)
    app = open_page(PAGE)
    yesterday = factories.today() - timedelta(days=1)
    app.date_input[0].set_value(yesterday)
    fill_log(app, before=3, during=6, after=5, response=LegResponse.DOWN)
    save_log(app)
    (session,) = store.recent_sessions(user_id="local", limit=5)
    assert (session.day, session.worst_during, session.leg_response) == (
        yesterday,
        6,
        LegResponse.DOWN,
    )
    assert session.routine_id == routine.id
    # Right at the Save button: what to do now, and that it is saved.
    order = in_order(app)
    advice = order[order.index("button: Save session") - 1]
    assert advice.startswith("error: **Stop here for today: this is a red result.**")
    assert f"Your session of {yesterday:%A} {yesterday.day} {yesterday:%B} is saved." in advice
    assert "Symptoms spreading further down your leg" in advice
    page_text = " ".join(block.value for block in app.markdown)
    assert "Red: made symptoms worse" in page_text
    assert any("symptoms spread further down your leg" in c.value for c in app.caption)
    # No exercise was marked as hurting, so the session steps back as a whole, through one.
    advice = next(i.value for i in app.info if "Next time:" in i.value)
    assert "no exercise was marked “This hurt”, so ease the session through" in advice
    assert [b.label for b in app.button if b.label in ("Accept", "Dismiss")] == [
        "Accept",
        "Dismiss",
    ]


def test_new_numbness_brings_the_advice_to_get_checked_right_at_the_save_button(
    open_page: OpenPage, store: Store
) -> None:
    save_routine(store)
    app = open_page(PAGE)
    fill_log(app, before=1, during=1, after=1)
    (box,) = [c for c in app.checkbox if c.label == "New numbness or weakness"]
    box.check()
    save_log(app)
    order = in_order(app)
    advice = order[order.index("button: Save session") - 1]
    assert advice.startswith("error: **Stop here for today: this is a red result.**")
    assert "is saved." in advice
    assert "New numbness or weakness after exercise needs checking" in advice
    assert f"call {emergency_number(None)} now" in advice
    assert len(store.recent_sessions(user_id="local", limit=5)) == 1


def test_a_session_saved_without_the_pain_answers_is_refused_with_a_clear_message(
    open_page: OpenPage, store: Store
) -> None:
    save_routine(store)
    app = open_page(PAGE)
    assert all(pills.value is None for pills in app.pills)  # nothing answered to begin with
    save_log(app)
    assert app.error[0].value == (
        "Not saved. Please answer the pain questions: Leg pain before, Worst leg pain during "
        "and Leg pain after."
    )
    assert store.recent_sessions(user_id="local", limit=5) == []
    order = in_order(app)
    assert order[order.index("button: Save session") - 1].startswith("error: Not saved.")
    app.pills[0].set_value(2)
    save_log(app)
    assert "Worst leg pain during and Leg pain after." in app.error[0].value
    assert store.recent_sessions(user_id="local", limit=5) == []


def hurt_first_exercise_and_log_red(app: AppTest) -> None:
    """A guided session whose first exercise hurt, stopped there, logged as red."""
    button(app, "Start session")
    button(app, "This hurt")
    button(app, "Stop here and log the session")
    fill_log(app, before=3, during=7, after=6)
    save_log(app)


def test_accepting_a_step_back_eases_just_the_exercise_that_hurt(
    open_page: OpenPage, store: Store
) -> None:
    before = save_routine(store)
    app = open_page(PAGE)
    hurt_first_exercise_and_log_red(app)
    advice = next(i.value for i in app.info if "Next time:" in i.value)
    assert "swap the Knee-to-chest stretch for the easier" in advice
    button(app, "Accept")
    assert "Accepted. Your routine is updated." in app.success[0].value
    routine = store.active_routine(user_id="local")
    assert routine is not None
    assert routine.current_items[0].exercise_id == "knee-to-chest-towel"
    assert routine.current_items[1:] == before.current_items[1:]  # what went fine is as it was
    assert routine.items == before.items  # where it started
    assert not [b for b in app.button if b.label == "Accept"]


def test_dismissing_the_step_back_keeps_the_routine(open_page: OpenPage, store: Store) -> None:
    before = save_routine(store)
    app = open_page(PAGE)
    hurt_first_exercise_and_log_red(app)
    button(app, "Dismiss")
    after = store.active_routine(user_id="local")
    assert after is not None
    assert after.current_items == before.current_items
    assert not [b for b in app.button if b.label in ("Accept", "Dismiss")]
    assert any("already decided" in caption.value for caption in app.caption)


def test_a_session_cannot_be_logged_for_a_future_day(open_page: OpenPage, store: Store) -> None:
    app = open_page(PAGE)
    date_input = app.date_input[0]
    assert (date_input.label, date_input.value) == ("Date", factories.today())
    assert date_input.proto.max == factories.today().isoformat()
    date_input.set_value(factories.today() + timedelta(days=2))
    fill_log(app, before=2, during=2, after=2)
    save_log(app)  # the picker keeps the date within its range
    assert [s.day for s in store.recent_sessions(user_id="local", limit=5)] == [factories.today()]


def test_the_guided_session_goes_one_exercise_at_a_time_and_logs_the_outcomes(
    open_page: OpenPage, store: Store
) -> None:
    save_routine(store)
    app = open_page(PAGE)
    button(app, "Start session")
    assert app.header[0].value == "Knee-to-chest stretch"
    assert app.metric[0].value == "20 s"
    assert any("First side · 0 of 3 done" in block.value for block in app.markdown)
    button(app, "Count one")
    assert any("First side · 1 of 3 done" in block.value for block in app.markdown)
    button(app, "Done")
    assert app.header[0].value == "Standing hamstring stretch"
    button(app, "This hurt")
    assert "You stopped the Standing hamstring stretch because it hurt" in app.info[0].value
    button(app, "Skip")
    button(app, "Stop here and log the session")
    assert app.header[0].value == "How did it go?"
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
    assert any("Today: Starter routine" in block.value for block in app.markdown)
    assert any(
        "Knee-to-chest stretch: Hold 20 s, 3 times per side" in b.value for b in app.markdown
    )
    assert any(link.label == "Start today's session" for link in app.get("page_link"))


def test_today_on_a_rest_day_names_the_next_session_day(open_page: OpenPage, store: Store) -> None:
    save_routine(store, days=frozenset(Weekday) - {Weekday(factories.today().weekday())})
    app = open_page("pages/today.py")
    tomorrow = factories.today() + timedelta(days=1)
    expected = (
        f"Today is a rest day in “Starter routine”. Your next session is on "
        f"{tomorrow:%A} {tomorrow.day} {tomorrow:%B}."
    )
    assert any(expected in info.value for info in app.info)


def test_today_offers_the_undecided_step_back(open_page: OpenPage, store: Store) -> None:
    save_routine(store)
    store.save_session(
        user_id="local",
        session=SessionInput(
            day=factories.today(),
            pain_before=3,
            worst_during=8,
            pain_after=6,
            outcomes={"clamshell": ExerciseOutcome.HURT},
        ),
    )
    app = open_page("pages/today.py")
    assert "You have done today's session." in app.success[0].value
    offered = next(i.value for i in app.info if "After your last session:" in i.value)
    assert "Clamshell" in offered
    button(app, "Dismiss")
    assert "Dismissed." in app.success[0].value
    assert not [b for b in app.button if b.label == "Accept"]


def test_a_rest_day_offers_the_daily_walk(open_page: OpenPage, store: Store) -> None:
    save_routine(store, days=frozenset(Weekday) - {Weekday(factories.today().weekday())})
    for page in ("pages/today.py", PAGE):
        app = open_page(page)
        rest = next(i.value for i in app.info if "rest day" in i.value)
        assert "For every day, rest days too:" in rest
        assert "Low-impact aerobic activity: 20 minutes" in rest


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
    assert app.header[0].value == "Knee-to-chest stretch"
    assert "start" not in app.query_params


@pytest.fixture
def ticks(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The countdown's clock, moved by the test: set ticks[0]."""
    moment = [1000.0]
    monkeypatch.setattr(clock, "ticks", lambda: moment[0])
    return moment


def cues(app: AppTest) -> list[str]:
    return [html.proto.body for html in app.get("html") if "holdCues" in html.proto.body]


def test_the_end_of_a_hold_turns_green_and_cues_once(
    open_page: OpenPage, store: Store, ticks: list[float]
) -> None:
    save_routine(store)
    app = open_page(PAGE)
    button(app, "Start session")
    button(app, "Start")
    assert not cues(app)
    ticks[0] += 60
    app.run()
    assert any(alert.value == HOLD_DONE for alert in app.success)
    assert len(cues(app)) == 1
    app.run()
    assert not cues(app), "the cue sounds once, when the hold ends"
    assert any(alert.value == HOLD_DONE for alert in app.success)


def test_with_the_sound_off_the_hold_ends_quietly_but_still_visibly(
    open_page: OpenPage, store: Store, ticks: list[float]
) -> None:
    save_routine(store)
    app = open_page(PAGE)
    button(app, "Start session")
    app.toggle(key="session_sound").set_value(False).run()
    button(app, "Start")
    ticks[0] += 60
    app.run()
    assert any(alert.value == HOLD_DONE for alert in app.success)
    assert not cues(app)


def test_a_rest_day_offers_a_session_all_the_same_logged_like_any_other(
    open_page: OpenPage, store: Store
) -> None:
    save_routine(store, days=frozenset(Weekday) - {Weekday(factories.today().weekday())})
    today_page = open_page("pages/today.py")
    (link,) = [x for x in today_page.get("page_link") if x.label == "Do a session today"]
    assert link.proto.query_string == "start=1"

    app = open_page(PAGE)
    button(app, "Do a session today")
    assert app.header[0].value == "Knee-to-chest stretch"
    button(app, "Done")
    button(app, "Stop here and log the session")
    fill_log(app, before=2, during=2, after=2)
    save_log(app)
    (session,) = store.recent_sessions(user_id="local", limit=5)
    assert session.day == factories.today()
    assert session.outcomes == {"knee-to-chest": ExerciseOutcome.DONE}
    assert "You have done today's session. Well done." in app.success[-1].value
    assert not [b for b in app.button if b.label == "Do a session today"]
