"""A malformed import file in a Swedish browser is refused entirely in Swedish, nothing changed.

Every hostile file the command line refuses (tests/hostile_files.py), and files that only
Python's readers or pydantic would find fault with, uploaded on My data with the browser set to
Swedish: the refusal is the app's Swedish from its first word to its last, with the file's own
values (quoted ids, dates, JSON names such as `check_ins` or `true`) the only other words.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from sciatica.ui.plain import plain
from tests.app.conftest import ROOT, TIMEOUT_S, checked, run_through_app_py
from tests.hostile_files import HOSTILE_FILES, hostile_file, valid_export

# The check-in dates these files break are tested at the awkward moments elsewhere.
pytestmark = pytest.mark.timeless

REFUSED = "Inget kan importeras från den här filen. Din dagbok är oförändrad."
# Words of the app's English, and of Python's and pydantic's, that Swedish never uses.
ENGLISH = re.compile(
    r"\b(the|your|you|and|if|of|with|this|not|to|is|are|or|should|input|must|field|line|"
    r"column|file|value|valid|invalid|expected|unknown|missing|check-ins?|sessions?|routines?|"
    r"exercises?|warning|signs?|date|day|pattern|string|integer|list|required)\b",
    re.IGNORECASE,
)
# The file's own values, quoted in a message: 'not-an-exercise', 'Made Up!'.
QUOTED = re.compile(r"'[^']*'")


def _changed(path: str, value: object) -> bytes:
    document = valid_export()
    *parents, last = path.split(".")
    holder = document
    for part in parents:
        holder = holder[int(part)] if part.isdigit() else holder[part]
    holder[int(last) if last.isdigit() else last] = value
    return json.dumps(document).encode()


def _csv(text: str) -> bytes:
    return text.encode()


# Files only a reader or pydantic finds fault with, and the Swedish that must refuse them.
READERS: dict[str, tuple[str, Callable[[], bytes], str]] = {
    "JSON cut off": (
        "diary.json",
        lambda: b'{"format": "sciatica-export",',
        "Filen är inte giltig JSON (rad 1, kolumn 30): ett namn inom dubbla citattecken saknas.",
    ),
    "a sign seen about whose id is not an id": (
        "diary.json",
        lambda: _changed("signs_seen.0.flag_id", "Made Up!"),
        "Bedömt varningstecken 1: flag_id: värdet går inte att använda här.",
    ),
    "a warning sign the app never had": (
        "diary.json",
        lambda: _changed("check_ins.0.red_flags", ["made_up"]),
        "Varningstecken: 'made_up' är inget varningstecken som appen känner till.",
    ),
    "CSV with a quote never closed": (
        "diary.csv",
        lambda: _csv('dag;bensmärta;ryggsmärta\n"2026-01-01;4;2\n'),
        "Filen är inte giltig CSV: en cell inom citattecken som börjar på rad 2 avslutas aldrig",
    ),
    "CSV without the leg pain column": (
        "diary.csv",
        lambda: _csv("dag;ryggsmärta\n2026-01-01;2\n"),
        "Rubrikraden saknar kolumnen bensmärta.",
    ),
    "CSV with words for a number": (
        "diary.csv",
        lambda: _csv("day,leg_pain,back_pain\n2026-01-01,seven,2\n"),
        "Smärta i benet: måste vara ett heltal.",
    ),
    "not UTF-8": ("diary.csv", lambda: b"dag;bensm\xe4rta\n", "Filen är inte text i UTF-8."),
}


@pytest.fixture
def my_data_in_swedish(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Callable[[], AppTest]:
    """My data, in a browser whose language is Swedish (no language chosen in the app)."""
    monkeypatch.setenv("SCIATICA_DATABASE_URL", database_url)
    monkeypatch.chdir(ROOT)
    run_through_app_py(monkeypatch)

    def _open() -> AppTest:
        app = checked(AppTest.from_file(str(Path(ROOT) / "app.py"), default_timeout=TIMEOUT_S))
        # No time zone: the diary's days are the test clock's, as the files' "tomorrow" is.
        app.context = {"locale": "sv-SE"}
        app.run()
        app.switch_page("pages/my_data.py").run()
        return app

    return _open


def refusal(app: AppTest, name: str, raw: bytes) -> str:
    """The one refusal shown after uploading the file, with no Import button beside it."""
    app.file_uploader[0].upload(name, raw).run()
    (error,) = app.error
    assert not [button for button in app.button if button.label in ("Import", "Importera")]
    return str(error.value)


def english_in(message: str) -> list[str]:
    return ENGLISH.findall(QUOTED.sub("", message))


@pytest.mark.parametrize("name", HOSTILE_FILES)
def test_a_hostile_file_is_refused_entirely_in_swedish(
    my_data_in_swedish: Callable[[], AppTest], name: str
) -> None:
    app = my_data_in_swedish()
    assert app.title[0].value == "Mina uppgifter"
    raw, _english = hostile_file(name)
    message = refusal(app, "diary.json", raw)
    assert message.startswith(REFUSED)
    assert not english_in(message), message


@pytest.mark.parametrize("name", READERS)
def test_a_file_a_reader_refuses_is_refused_in_the_app_s_swedish(
    my_data_in_swedish: Callable[[], AppTest], name: str
) -> None:
    file_name, raw, swedish = READERS[name]
    message = refusal(my_data_in_swedish(), file_name, raw())
    assert message.startswith(REFUSED)
    assert plain(swedish) in message  # shown as text, its markdown characters escaped
    assert not english_in(message), message
