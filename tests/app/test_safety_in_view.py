"""Safety where the person is: the outcome at the button, both legs, About me, standing signs."""

from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from sciatica.diary.models import AboutMe, LegExtent, Side, TriageLevel
from sciatica.exercises.catalog import load_catalog
from sciatica.storage.store import Store
from tests import factories
from tests.factories import make_check_in

OpenPage = Callable[[str], AppTest]


def walk(node: Any) -> Iterator[Any]:
    """Every element of the page in drawing order, blocks before what they hold."""
    yield node
    for child in getattr(node, "children", {}).values():
        yield from walk(child)


def drawn(app: AppTest) -> list[Any]:
    return list(walk(app.main))


def position(app: AppTest, test: Callable[[Any], bool]) -> int:
    return next(index for index, node in enumerate(drawn(app)) if test(node))


def save_button(app: AppTest) -> Any:
    return next(b for b in app.button if b.label == "Save check-in")


def is_save(node: Any) -> bool:
    return getattr(node, "type", "") == "button" and node.label == "Save check-in"


def answered(database_url: str, **answers: object) -> None:
    store = Store.open(database_url)
    store.save_about_me(user_id="local", answers=AboutMe(answered_on=factories.today(), **answers))
    store.close()


def choose_both_legs(app: AppTest) -> None:
    day = factories.today().isoformat()
    app.select_slider(key=f"extent_{day}").set_value(LegExtent.THIGH).run()
    app.radio(key=f"side_{day}").set_value(Side.BOTH).run()


@pytest.fixture
def check_in(open_page: OpenPage, database_url: str) -> AppTest:
    answered(database_url)
    return open_page("pages/check_in.py")


def test_saved_and_the_comparison_appear_right_after_the_save_button(check_in: AppTest) -> None:
    save_button(check_in).click().run()
    assert not check_in.exception
    saved = position(check_in, lambda n: getattr(n, "type", "") == "success")
    assert saved > position(check_in, is_save)
    assert check_in.success[0].value.startswith("Saved. Leg pain 0. This is your first check-in.")
    assert any("scrollIntoView" in html.proto.body for html in check_in.get("html"))


def test_a_bladder_sign_shows_get_help_now_at_the_button_with_call_links(
    check_in: AppTest,
) -> None:
    next(c for c in check_in.checkbox if c.help and c.help.startswith("New leaking of pee")).check()
    save_button(check_in).click().run()
    assert not check_in.exception
    emergency = position(check_in, lambda n: getattr(n, "type", "") == "error")
    assert emergency > position(check_in, is_save)
    links = {link.proto.url for link in check_in.get("link_button")}
    assert {"tel:112", "tel:999", "tel:911"} <= links
    labels = {link.proto.label for link in check_in.get("link_button")}
    assert "Call 999" in labels


def test_choosing_both_legs_asks_at_once_and_a_yes_shows_the_emergency_advice(
    check_in: AppTest, database_url: str
) -> None:
    choose_both_legs(check_in)
    question = next(r for r in check_in.radio if r.label.startswith("You chose both legs"))
    assert not check_in.error
    question.set_value(question.options[0]).run()
    assert "Get help now" in check_in.error[0].value
    save_button(check_in).click().run()
    store = Store.open(database_url)
    saved = store.get_check_in(user_id="local", day=factories.today())
    store.close()
    assert saved is not None
    assert "both_legs" in saved.red_flags
    assert saved.triage_level is TriageLevel.EMERGENCY


def test_both_legs_without_a_yes_saves_no_emergency(check_in: AppTest, database_url: str) -> None:
    choose_both_legs(check_in)
    question = next(r for r in check_in.radio if r.label.startswith("You chose both legs"))
    question.set_value(question.options[1]).run()
    save_button(check_in).click().run()
    assert not check_in.error
    store = Store.open(database_url)
    saved = store.get_check_in(user_id="local", day=factories.today())
    store.close()
    assert saved is not None
    assert saved.triage_level is TriageLevel.NONE


def test_first_use_asks_about_me_with_the_disclaimer_once(
    open_page: OpenPage, database_url: str
) -> None:
    app = open_page("pages/today.py")
    assert any("does not diagnose" in block.value for block in app.markdown)
    app.checkbox(key="first_use_pregnant").check().run()
    app.button(key="first_use_save").click().run()
    assert not app.exception
    assert app.success[0].value == "Saved. About me is up to date."
    assert not any(b.key == "first_use_save" for b in app.button)
    store = Store.open(database_url)
    answers = store.get_about_me(user_id="local")
    store.close()
    assert answers is not None
    assert answers.pregnant
    assert answers.answered_on == factories.today()


def test_the_safety_page_changes_about_me_and_shows_its_caution(
    open_page: OpenPage, database_url: str
) -> None:
    answered(database_url)
    app = open_page("pages/safety.py")
    app.checkbox(key="safety_hip_replacement").check().run()
    app.button(key="safety_save").click().run()
    assert not app.exception
    assert any("need your surgeon's go-ahead" in c.value for c in app.caption)


def test_under_16_the_app_says_it_is_not_meant_for_them(
    open_page: OpenPage, database_url: str
) -> None:
    answered(database_url, under_16=True)
    app = open_page("pages/today.py")
    assert "not meant for people under 16" in app.warning[0].value


def test_when_pregnant_suits_me_today_lists_no_lying_on_your_back_exercise(
    open_page: OpenPage, database_url: str
) -> None:
    answered(database_url, pregnant=True)
    app = open_page("pages/exercises.py")
    app.toggle(key="ex_suits_today").set_value(True).run()
    for root in {exercise.family_id for exercise in load_catalog().exercises}:
        app.session_state[f"family_{root}"] = True  # every family open, its card drawn
    app.run()
    assert not app.exception
    assert app.get("image"), "the cards are drawn"
    positions = " ".join(caption.value for caption in app.caption)
    assert "Lying on back" not in positions
    assert "Lying on front" not in positions
    assert any("left out because of what you said in About me" in c.value for c in app.caption)


def test_an_urgent_sign_yesterday_still_pauses_exercises_today(
    open_page: OpenPage, database_url: str
) -> None:
    answered(database_url)
    store = Store.open(database_url)
    yesterday = factories.today() - timedelta(days=1)
    store.save_check_in(
        user_id="local",
        entry=make_check_in(day=yesterday, red_flags=["night_pain"]),
        triage_level=TriageLevel.URGENT,
    )
    store.save_check_in(user_id="local", entry=make_check_in(), triage_level=TriageLevel.NONE)
    store.close()
    app = open_page("pages/exercises.py")
    assert "See a doctor within 1 to 2 days" in app.warning[0].value
    assert not app.get("image")


def test_a_history_of_cancer_stands_on_today_until_a_doctor_assessed_it(
    open_page: OpenPage, database_url: str
) -> None:
    answered(database_url, had_cancer=True)
    app = open_page("pages/today.py")
    assert "a doctor has not yet assessed this back pain" in app.warning[0].value
    app.button(key="standing_cancer_assessed").click().run()
    assert not app.warning
    assert app.success[0].value == "Noted: a doctor has assessed this back pain."


@pytest.mark.parametrize("page", ["pages/session.py", "pages/routine.py"])
def test_under_16_the_session_and_routine_pages_offer_no_plan(
    open_page: OpenPage, database_url: str, page: str
) -> None:
    answered(database_url, under_16=True)
    app = open_page(page)
    assert "not meant for" in app.warning[0].value
    labels = [button.label for button in app.button]
    assert "Start session" not in labels
    assert not [label for label in labels if label.startswith("Use the")]


def test_under_16_today_shows_the_notice_and_no_exercises(
    open_page: OpenPage, database_url: str
) -> None:
    answered(database_url, under_16=True)
    app = open_page("pages/today.py")
    assert "not meant for" in app.warning[0].value
    assert "Exercises" not in [header.value for header in app.header]


def test_a_sign_ticked_yesterday_still_pauses_sessions_with_a_number_to_call(
    open_page: OpenPage, database_url: str
) -> None:
    answered(database_url)
    store = Store.open(database_url)
    yesterday = factories.days_ago(1)
    store.save_check_in(
        user_id="local",
        entry=make_check_in(day=yesterday, red_flags=["bladder_control"]),
        triage_level=TriageLevel.EMERGENCY,
    )
    store.save_check_in(
        user_id="local", entry=make_check_in(day=factories.today()), triage_level=TriageLevel.NONE
    )
    store.close()
    app = open_page("pages/session.py")
    assert app.error, "the emergency advice stands on Session"
    calls = [link for link in app.get("link_button") if link.proto.url.startswith("tel:")]
    assert calls, "the emergency number is a tel: link"
    assert "Start session" not in [button.label for button in app.button]
