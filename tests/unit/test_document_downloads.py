"""Download buttons give each document its language while the page runs.

Streamlit builds a deferred download when the button is pressed, in a thread of its own where
no page run has set the language: a builder that asked for the current language there would
get English. Here the recorded builders are run in such a thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, cast

import pytest
from streamlit.delta_generator import DeltaGenerator

from sciatica import i18n
from sciatica.i18n import Language
from sciatica.ui.documents import document_download, in_language, other_language

# Nothing here depends on the date: the awkward-moment runs leave it out.
pytestmark = pytest.mark.timeless


class _Row:
    """Stands in for a Streamlit container: records each download button it is given."""

    def __init__(self) -> None:
        self.buttons: list[dict[str, Any]] = []

    def download_button(self, label: str, data: Callable[[], object], **options: Any) -> None:
        self.buttons.append({"label": label, "data": data, **options})


def in_streamlit_s_download_thread(build: Callable[[], object]) -> object:
    """What a builder gives when Streamlit runs it: in a fresh thread, no language set."""
    made: list[object] = []
    thread = threading.Thread(target=lambda: made.append(build()))
    thread.start()
    thread.join()
    return made[0]


def offered(language: Language) -> list[dict[str, Any]]:
    row = _Row()
    with i18n.use(language):
        document_download(
            cast(DeltaGenerator, row),
            i18n._("Print sheet"),
            lambda asked: f"a sheet in {asked}, {i18n.current()} spoken while making it",
            file_name="starter-routine.pdf",
            mime="application/pdf",
            icon=":material/print:",
            key="pdf_1",
            other_labels={"en": "Print sheet in English", "sv": "Print sheet in Swedish"},
        )
    return row.buttons


@pytest.mark.parametrize(("language", "other"), [("sv", "en"), ("en", "sv")])
def test_the_document_is_made_in_the_page_s_language_and_the_other_beside_it(
    language: Language, other: Language
) -> None:
    mine, theirs = offered(language)
    assert in_streamlit_s_download_thread(mine["data"]) == (
        f"a sheet in {language}, en spoken while making it"
    )
    assert in_streamlit_s_download_thread(theirs["data"]) == (
        f"a sheet in {other}, en spoken while making it"
    )
    assert mine["file_name"] == "starter-routine.pdf"
    assert theirs["file_name"] == f"starter-routine-{other}.pdf"
    assert theirs["key"] == f"pdf_1_{other}"
    assert theirs["type"] == "tertiary"


def test_in_swedish_the_other_is_offered_in_english_with_swedish_words() -> None:
    mine, theirs = offered("sv")
    assert mine["label"] == "Utskrift"
    assert theirs["label"] == "Print sheet in English"
    assert theirs["help"] == "Samma fil på engelska."


def test_the_other_language_and_its_file_name() -> None:
    assert other_language("sv") == "en"
    assert other_language("en") == "sv"
    assert in_language("report.pdf", "en") == "report-en.pdf"
    assert in_language("routine", "sv") == "routine-sv"
