"""Text from a person or a file is shown as text on every page, never as markup.

Each hostile payload (tests/hostile.py) goes into every free-text field the diary has; every
page is then opened. No element may hold the payload as markdown would read it, and where the
page shows a routine's name or a history sentence, it holds it escaped (`ui.plain`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from streamlit.testing.v1 import AppTest

from sciatica.ui.pages import PAGES
from sciatica.ui.plain import plain
from tests.hostile import PAYLOADS, diary_with_text

# What is checked here is escaping, which no date changes; the pages at awkward moments are the
# other page tests' subject (`make test` leaves this module out of them).
pytestmark = pytest.mark.timeless

OpenPage = Callable[[str], AppTest]
# The pages that name the routine followed (today's plan, or its card and history).
NAMES_THE_ROUTINE = {"pages/today.py", "pages/session.py", "pages/routine.py"}
MARKDOWN_ELEMENTS = ("markdown", "caption", "info", "warning", "error", "success", "toast")
HEADINGS = ("title", "header", "subheader")


def bodies(app: AppTest) -> Iterator[str]:
    """Every string the page hands to Streamlit's markdown: bodies, headings and labels."""
    for kind in (*MARKDOWN_ELEMENTS, *HEADINGS):
        for element in app.get(kind):
            yield str(element.value)
    for expander in app.expander:
        yield str(expander.label)
    for button in app.button:
        yield str(button.label)


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("page", [page.file for page in PAGES])
def test_every_page_shows_hostile_text_as_text(
    open_page: OpenPage, database_url: str, payload: str, page: str
) -> None:
    diary_with_text(database_url, payload)
    app = open_page(page)
    if page == "pages/routine.py":
        (expander,) = [e for e in app.expander if e.label.startswith("History of changes")]
        assert expander.markdown, "the history is drawn"
    assert not app.exception
    shown = list(bodies(app))
    assert not [body for body in shown if payload in body], "a payload reached markdown as it is"
    if page in NAMES_THE_ROUTINE:
        assert any(plain(payload) in body for body in shown), shown


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_routine_named_with_markup_is_escaped_on_its_card_and_in_its_history(
    open_page: OpenPage, database_url: str, payload: str
) -> None:
    diary_with_text(database_url, payload)
    app = open_page("pages/routine.py")
    cards = [block.value for block in app.markdown if block.value.startswith("**")]
    assert f"**{plain(payload)}** :green-badge[:material/check: Active]" in cards
    (expander,) = [e for e in app.expander if e.label.startswith("History of changes")]
    assert plain(payload) in expander.markdown[0].value


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("![t](http://127.0.0.1:9/t.png)", "!\\[t\\](http\u2060\\://127.0.0.1\\:9/t.png)"),
        ("<img src=x onerror=alert(1)>", r"\<img src=x onerror=alert(1)\>"),
        (":red[x]", r"\:red\[x\]"),
        ("$$x^2$$", r"\$\$x^2\$\$"),
        ("[link](http://evil)", "\\[link\\](http\u2060\\://evil)"),
        ('<a href="http://evil">x</a>', '\\<a href="http\u2060\\://evil"\\>x\\</a\\>'),
        ("**bold** _it_ `code` ~~gone~~", r"\*\*bold\*\* \_it\_ \`code\` \~\~gone\~\~"),
        ("www.evil.example a@b.example", "www\u2060.evil.example a\u2060\\@b.example"),
        ("HTTPS://x.example", "HTTPS\u2060\\://x.example"),
        (
            "# heading\n- item\n12. item\n> quote",
            "\\# heading  \n\\- item  \n12\\. item  \n\\> quote",
        ),
        (r"a \*b* c", r"a \\\*b\* c"),
        ("Mon, Wed. Fine (really)", "Mon, Wed. Fine (really)"),
    ],
)
def test_plain_escapes_what_starts_markup_and_leaves_the_rest(text: str, escaped: str) -> None:
    assert plain(text) == escaped
