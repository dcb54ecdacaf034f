"""My data refuses each hostile file with its message, changes nothing, and every page still opens.

The files and their messages are those the command line refuses (tests/hostile_files.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from sciatica.documents.export import apply_import, export_data, parse_import
from sciatica.storage.store import Store
from sciatica.ui.pages import PAGES
from sciatica.ui.plain import plain
from tests import factories
from tests.hostile import USER
from tests.hostile_files import HOSTILE_FILES, hostile_file, valid_export

# The date rules these files break ("a check-in tomorrow", "session in year 1") are tested at the
# awkward moments in tests/integration/test_hostile_imports.py; this module checks the page.
pytestmark = pytest.mark.timeless


OpenPage = Callable[[str], AppTest]


def whole_diary(database_url: str) -> dict[str, Any]:
    """Everything the diary holds, as an export, without the moment it was taken."""
    store = Store.open(database_url)
    data = export_data(store, user_id=USER)
    store.close()
    data.pop("exported_at")
    return data


@pytest.mark.parametrize("name", HOSTILE_FILES)
def test_my_data_refuses_a_hostile_file_and_every_page_opens_after(
    open_page: OpenPage, database_url: str, name: str
) -> None:
    store = Store.open(database_url)
    plan = parse_import(json.dumps(valid_export()), today=factories.today())
    apply_import(store, user_id=USER, plan=plan)
    store.close()
    before = whole_diary(database_url)
    raw, message = hostile_file(name)

    app = open_page("pages/my_data.py")
    app.file_uploader[0].upload("diary.json", raw).run()
    assert not app.exception
    (error,) = app.error
    assert error.value.startswith(
        "Nothing can be imported from this file; your diary is unchanged."
    )
    assert error.value.endswith(f"\n- {plain(message)}")
    assert not [button for button in app.button if button.label == "Import"]
    assert whole_diary(database_url) == before

    for page in PAGES:
        app.switch_page(page.file).run()
        assert not app.exception
        assert app.title[0].value == page.title
