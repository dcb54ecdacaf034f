"""The app in Swedish: a page translated in full shows no English, and the choice is kept."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from streamlit.testing.v1 import AppTest

from sciatica import i18n
from sciatica.demo import write_demo_data
from sciatica.diary.models import AboutMe, TriageLevel
from sciatica.exercises.catalog import load_catalog
from sciatica.plans.models import ExerciseOutcome, Weekday
from sciatica.plans.routine import template
from sciatica.storage.store import Store
from tests import factories
from tests.factories import days_ago, make_check_in, make_flare, make_session_input, today

# Words, not dates: the pages' date logic runs at the awkward moments in the other page tests,
# and Swedish dates are Babel's formatting of the same days (tests/unit/test_i18n.py).
pytestmark = pytest.mark.timeless


OpenPage = Callable[[str], AppTest]

# Pages whose every string is marked and translated. A page joins this list once it is; the
# test then keeps English from creeping back in.
TRANSLATED_PAGES = [
    "pages/safety.py",
    "pages/check_in.py",
    "pages/today.py",
    "pages/exercises.py",
    "pages/routine.py",
    "pages/session.py",
    "pages/progress.py",
    "pages/my_data.py",
]
# Session-state keys that open a page's folded parts, so their words are on the page too.
OPENED = {
    "pages/progress.py": [
        f"progress_open_{part}"
        for part in ("sbi", "adherence", "response", "life", "exercises", "flares")
    ]
}
# A shorter page shows fewer texts (My data: its buttons and headings).
FEWEST_TEXTS = {"pages/my_data.py": 15}
# A file or folder on the computer ("/tmp/pytest-of-root/..."), which is not words.
PATH = re.compile(r"/\S+")
# Words every English sentence has and no Swedish one does.
ENGLISH = re.compile(r"\b(the|your|you|and|if|of|with|this|not|to|is|are|or)\b", re.IGNORECASE)


def texts(app: AppTest) -> Iterator[str]:
    """Everything the page shows as words: values, labels, options, but not the cited titles."""
    for node in _walk(app._tree):
        for name in ("value", "label", "body", "placeholder", "help"):
            value = getattr(node.proto, name, None) if hasattr(node, "proto") else None
            if isinstance(value, str) and value:
                yield value
        for option in getattr(node, "options", None) or []:
            if isinstance(option, str):
                yield option


def _walk(node: object) -> Iterator[object]:
    yield node
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        for child in children.values():
            yield from _walk(child)


def in_swedish(database_url: str, *, with_diary: bool = False) -> None:
    store = Store.open(database_url)
    if with_diary:  # charts, tables and sentences to read, as a diary in use has
        write_demo_data(store, user_id="local", days=120, seed=1, end=factories.today())
    store.set_language(user_id="local", language="sv")
    store.close()


def with_a_diary(database_url: str) -> None:
    """A diary with something on every part of a page: About me answered, four days of
    check-ins (a note, the weekly questions, an urgent sign yesterday that still stands) and
    flare-ups today and yesterday."""
    store = Store.open(database_url)
    store.save_about_me(
        user_id="local", answers=AboutMe(osteoporosis=True, answered_on=days_ago(9))
    )
    for days, flags in ((3, []), (2, []), (1, ["worsening_weakness"]), (0, [])):
        entry = make_check_in(
            day=days_ago(days),
            leg_pain=4 + days,
            side="both" if days == 2 else "left",
            notes="Ont efter bilresan" if days == 1 else "",
            red_flags=flags,
            **(
                {"sbi_leg_pain": 3, "sbi_numbness": 2, "sbi_weakness": 1, "sbi_sitting": 4}
                if days == 3
                else {}
            ),
        )
        level = TriageLevel.URGENT if flags else TriageLevel.NONE
        store.save_check_in(user_id="local", entry=entry, triage_level=level)
    store.add_flare(user_id="local", entry=make_flare(back_pain=5, helped=("walking", "heat")))
    store.add_flare(user_id="local", entry=make_flare(days_back=1, triggers=("driving", "lifting")))
    store.close()


def with_a_routine(database_url: str) -> None:
    """A routine made in Swedish, yesterday's session that hurt, and this morning's check-in.

    So the Routine and Session pages show a routine's card, a session's colour and reasons, and
    a suggestion to step back with its buttons, not only their empty states.
    """
    store = Store.open(database_url)
    with i18n.use("sv"):
        plan = template("Starter routine", catalog=load_catalog(), start=days_ago(2))
    every_day = plan.model_copy(update={"days": frozenset(Weekday)})
    routine = store.save_routine(user_id="local", routine=every_day)
    hurt = {item.exercise_id: ExerciseOutcome.DONE for item in routine.items}
    hurt[routine.items[0].exercise_id] = ExerciseOutcome.HURT
    session = make_session_input(
        day=days_ago(1), routine_id=routine.id, worst_during=7, outcomes=hurt
    )
    store.save_session(user_id="local", session=session)
    check_in = make_check_in(day=today(), leg_pain=2)
    store.save_check_in(user_id="local", entry=check_in, triage_level=TriageLevel.NONE)
    store.close()


def with_demo_data(database_url: str) -> None:
    """120 days of the demo diary: check-ins, flare-ups, a routine and its sessions."""
    store = Store.open(database_url)
    write_demo_data(store, user_id="local", days=120, seed=1, end=factories.today())
    store.close()


# Each page with the diary that shows most of it: check-ins with a standing sign and flare-ups,
# or a routine with a session that hurt (a standing sign would fold the exercises away).
SETUPS = {"diary": with_a_diary, "routine": with_a_routine}
ROUTINE_PAGES = {"pages/exercises.py", "pages/routine.py", "pages/session.py"}
CASES = [(page, "routine" if page in ROUTINE_PAGES else "diary") for page in TRANSLATED_PAGES] + [
    ("pages/today.py", "routine")
]


@pytest.mark.parametrize(("page", "setup"), CASES)
def test_a_translated_page_shows_no_english_in_swedish(
    open_page: OpenPage, database_url: str, page: str, setup: str
) -> None:
    in_swedish(database_url)
    SETUPS[setup](database_url)
    app = open_page(page)
    if opened := OPENED.get(page):
        for key in opened:
            app.session_state[key] = True
        app.run()
        for key in ("pain", *(key.removeprefix("progress_open_") for key in opened[:-1])):
            app.session_state[f"progress_data_{key}"] = True  # the data tables too
        app.run()
    assert not app.exception
    shown = list(texts(app))
    assert len(shown) > FEWEST_TEXTS.get(page, 20)  # the page's words were found
    english = [text for text in shown if ENGLISH.search(_without_sources(text))]
    assert not english


def _without_sources(text: str) -> str:
    # Sources are cited as published, in their own language, and say so: "(på engelska)".
    lines = [line for line in text.splitlines() if "(på engelska)" not in line]
    return PATH.sub("", "\n".join(lines))


def test_the_safety_page_in_swedish_names_its_parts_in_swedish(
    open_page: OpenPage, database_url: str
) -> None:
    in_swedish(database_url)
    app = open_page("pages/safety.py")
    assert app.title[0].value == "Säkerhet"
    headers = [header.value for header in app.header]
    assert {"Om mig", "Vanliga frågor", "Källor"} <= set(headers)
    assert "Sluta med en övning och fortsätt inte om det gör ont" in headers
    assert "ridbyxeanestesi" in app.error[0].value
    assert app.selectbox[1].label == "Language / Språk"
    assert app.selectbox[1].value == "sv"
    assert any("(på engelska)" in block.value for block in app.markdown)


def test_choosing_swedish_on_the_safety_page_is_remembered_and_shown_at_once(
    open_page: OpenPage, database_url: str
) -> None:
    app = open_page("pages/safety.py")
    assert app.title[0].value == "Safety"
    app.selectbox[1].select("sv").run()
    assert not app.exception
    assert app.title[0].value == "Säkerhet"
    assert app.success[0].value == "Ditt språk är sparat."
    store = Store.open(database_url)
    assert store.get_language(user_id="local") == "sv"
    store.close()


def test_sweden_chosen_in_swedish_offers_112_and_names_1177(
    open_page: OpenPage, database_url: str
) -> None:
    in_swedish(database_url)
    app = open_page("pages/safety.py")
    app.selectbox[0].select("SE").run()
    assert not app.exception
    advice = " ".join(block.value for block in app.markdown)
    assert "Ring [112](tel:112) eller åk till närmaste akutmottagning nu." in advice
    assert "Ring [1177](tel:1177) för sjukvårdsrådgivning" in advice
    calls = {(button.proto.label, button.proto.url) for button in app.get("link_button")}
    assert ("Ring 112", "tel:112") in calls
