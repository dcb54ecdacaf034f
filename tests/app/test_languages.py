"""The app in Swedish: a page translated in full shows no English, and the choice is kept."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from streamlit.testing.v1 import AppTest

from sciatica.demo import write_demo_data
from sciatica.storage.store import Store
from tests import factories

OpenPage = Callable[[str], AppTest]

# Pages whose every string is marked and translated. A page joins this list once it is; the
# test then keeps English from creeping back in.
TRANSLATED_PAGES = ["pages/safety.py", "pages/progress.py", "pages/my_data.py"]
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


@pytest.mark.parametrize("page", TRANSLATED_PAGES)
def test_a_translated_page_shows_no_english_in_swedish(
    open_page: OpenPage, database_url: str, page: str
) -> None:
    in_swedish(database_url, with_diary=True)
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
    assert "Sluta med en övning och kämpa inte vidare genom smärta" in headers
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
