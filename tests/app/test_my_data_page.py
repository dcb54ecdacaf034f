import json
import logging
import sqlite3
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from sciatica.diary.models import TriageLevel
from sciatica.documents.export import MAX_IMPORT_MB
from sciatica.storage.store import Store
from sciatica.ui import PAGE_FAILED
from tests import factories
from tests.app.conftest import ROOT, run_through_app_py, show_error_details
from tests.factories import check_in_data, make_check_in

OpenPage = Callable[[str], AppTest]


@pytest.fixture
def ui_log() -> Iterator[list[logging.LogRecord]]:
    """What sciatica.ui logs on the server during the test."""
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append  # type: ignore[method-assign]
    logger = logging.getLogger("sciatica.ui")
    logger.addHandler(handler)
    yield records
    logger.removeHandler(handler)


def no_such_table(*_args: object, **_kwargs: object) -> int:
    raise sqlite3.OperationalError("no such table: check_ins")


def seed(database_url: str, **overrides: object) -> None:
    store = Store.open(database_url)
    entry = make_check_in(day=factories.today(), **overrides)
    store.save_check_in(user_id="local", entry=entry, triage_level=TriageLevel.NONE)
    store.close()


def count(database_url: str) -> int:
    store = Store.open(database_url)
    try:
        return store.count_check_ins(user_id="local")
    finally:
        store.close()


def export_file(**check_in: object) -> bytes:
    record = json.loads(json.dumps(check_in_data(day=factories.today(), **check_in), default=str))
    return json.dumps(
        {
            "format": "sciatica-export",
            "version": 1,
            "exported_at": factories.exported_at(),
            "check_ins": [record],
        }
    ).encode()


def test_the_page_offers_the_downloads_and_says_where_the_data_is(
    open_page: OpenPage, database_url: str
) -> None:
    seed(database_url)
    app = open_page("pages/my_data.py")
    assert not app.exception
    labels = [button.label for button in app.get("download_button")]
    assert labels == [
        "Download everything (JSON)",
        "Download check-ins (CSV)",
        "Check-ins in Swedish (CSV)",
        "Download flare-ups (CSV)",
        "Flare-ups in Swedish (CSV)",
    ]
    assert any("Your diary holds 1 check-in." in block.value for block in app.markdown)
    assert any("SQLite file on this computer" in block.value for block in app.markdown)


def test_importing_a_file_shows_a_preview_then_writes_it(
    open_page: OpenPage, database_url: str
) -> None:
    app = open_page("pages/my_data.py")
    app.file_uploader[0].upload("diary.json", export_file(leg_pain=8)).run()
    assert not app.exception
    assert "The file holds 1 check-in, " in app.info[0].value
    next(button for button in app.button if button.label == "Import").click().run()
    assert not app.exception
    assert app.success[0].value == "1 check-in added."
    assert count(database_url) == 1


def test_a_day_already_in_the_diary_can_be_kept(open_page: OpenPage, database_url: str) -> None:
    seed(database_url, leg_pain=2)
    app = open_page("pages/my_data.py")
    app.file_uploader[0].upload("diary.json", export_file(leg_pain=8)).run()
    assert any("1 of these days is already in your diary" in w.value for w in app.warning)
    app.radio[0].set_value("Keep what I have").run()
    next(button for button in app.button if button.label == "Import").click().run()
    assert app.info[0].value == (
        "Nothing in your diary changed; 1 day already in your diary stayed as it was."
    )
    store = Store.open(database_url)
    assert store.get_check_in(user_id="local", day=factories.today()).leg_pain == 2  # type: ignore[union-attr]
    store.close()


def test_a_hostile_file_is_refused_with_reasons_and_changes_nothing(
    open_page: OpenPage, database_url: str
) -> None:
    seed(database_url)
    app = open_page("pages/my_data.py")
    app.file_uploader[0].upload("diary.json", b'{"format": "sciatica-export", "vers').run()
    assert not app.exception
    assert "Nothing can be imported from this file" in app.error[0].value
    assert "not valid JSON" in app.error[0].value
    assert not [button for button in app.button if button.label == "Import"]
    assert count(database_url) == 1


def test_deleting_needs_the_confirmation_word(open_page: OpenPage, database_url: str) -> None:
    seed(database_url)
    app = open_page("pages/my_data.py")
    delete = next(b for b in app.button if b.label == "Delete all my data")
    delete.click().run()
    assert "Nothing was deleted" in app.error[0].value
    assert count(database_url) == 1
    next(t for t in app.text_input if t.label.startswith("Type DELETE")).input("DELETE")
    next(b for b in app.button if b.label == "Delete all my data").click().run()
    assert not app.exception
    assert app.success[0].value == (
        "Deleted 1 check-in and everything else this app stored about you."
    )
    assert count(database_url) == 0


def test_back_up_now_writes_a_copy_and_lists_it(
    open_page: OpenPage, database_url: str, tmp_path: Path
) -> None:
    seed(database_url)
    app = open_page("pages/my_data.py")
    next(b for b in app.button if b.label == "Back up now").click().run()
    assert not app.exception
    assert app.success[0].value.startswith("Backed up to ")
    assert list((tmp_path / "data" / "backups").glob("sciatica-*.db"))


def test_a_daily_backup_that_fails_is_a_calm_message_on_my_data_not_a_crash(
    open_page: OpenPage, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(database_url)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the backup folder should be")
    monkeypatch.setenv("SCIATICA_BACKUP_DIR", str(blocker))
    app = open_page("pages/my_data.py")  # opens Today first: the first visit tries the backup
    assert not app.exception
    (warning,) = app.warning
    assert warning.value.startswith("Today's automatic backup was not made.")
    assert "Your diary itself is safe" in warning.value
    assert any("Your diary holds 1 check-in." in block.value for block in app.markdown)


def test_back_up_now_that_fails_says_why_and_the_page_carries_on(
    open_page: OpenPage, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(database_url)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the backup folder should be")
    monkeypatch.setenv("SCIATICA_BACKUP_DIR", str(blocker))
    app = open_page("pages/my_data.py")
    next(b for b in app.button if b.label == "Back up now").click().run()
    assert not app.exception
    assert app.error[0].value.startswith("The backup could not be written (")
    assert app.error[0].value.endswith("Your diary itself is unchanged.")
    assert [b.label for b in app.button if b.label == "Delete all my data"]


def test_back_up_now_clicks_are_listed_apart_from_the_daily_backup(
    open_page: OpenPage, database_url: str
) -> None:
    seed(database_url)
    app = open_page("pages/my_data.py")
    next(b for b in app.button if b.label == "Back up now").click().run()
    kinds = list(app.table[0].value["Kind"])
    assert sorted(kinds) == ["Daily", "Manual"]


def test_an_unexpected_error_on_a_page_is_logged_and_shown_calmly(
    open_page: OpenPage, monkeypatch: pytest.MonkeyPatch, ui_log: list[logging.LogRecord]
) -> None:
    monkeypatch.setattr(Store, "count_check_ins", no_such_table)
    show_error_details("none")  # as config.toml has it for everyone using the app
    app = open_page("pages/my_data.py")
    assert not app.exception
    assert [warning.value for warning in app.warning] == [PAGE_FAILED]
    assert not [block for block in app.markdown if "no such table" in block.value]
    (record,) = [r for r in ui_log if r.getMessage() == "The page 'My data' failed"]
    assert record.exc_info is not None
    assert isinstance(record.exc_info[1], sqlite3.OperationalError)


def test_with_full_error_details_a_page_error_reaches_streamlit_as_usual(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Store, "count_check_ins", no_such_table)
    monkeypatch.setenv("SCIATICA_DATABASE_URL", database_url)
    run_through_app_py(monkeypatch)
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run()
    app.switch_page("pages/my_data.py").run()
    assert "no such table: check_ins" in app.exception[0].message
    assert not app.warning


def test_a_csv_with_a_quote_never_closed_is_refused_on_the_page_and_changes_nothing(
    open_page: OpenPage, database_url: str
) -> None:
    seed(database_url)
    day = factories.today()
    raw = f'day,leg_pain,back_pain,notes\n{day},4,2,"oops\n{day},9,9,swallowed\n'.encode()
    app = open_page("pages/my_data.py")
    app.file_uploader[0].upload("diary.csv", raw).run()
    assert not app.exception
    assert "a quoted cell starting on line 2 is never closed" in app.error[0].value
    assert not [button for button in app.button if button.label == "Import"]
    assert count(database_url) == 1


def test_the_delete_confirmation_lists_everything_that_goes(
    open_page: OpenPage, database_url: str
) -> None:
    seed(database_url)
    app = open_page("pages/my_data.py")
    listed = next(block.value for block in app.markdown if "permanently deletes" in block.value)
    for thing in ("1 check-in", "routines", "sessions", "About me", "warning signs", "country"):
        assert thing in listed


def test_the_upload_limit_is_one_number_in_the_caption_the_uploader_and_the_server(
    open_page: OpenPage,
) -> None:
    limit = MAX_IMPORT_MB
    server = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())["server"]
    assert server["maxUploadSize"] == limit
    app = open_page("pages/my_data.py")
    assert app.file_uploader[0].proto.max_upload_size_mb == limit
    assert any(f"Up to {limit} MB." in caption.value for caption in app.caption)


def test_a_refusal_of_more_than_fifty_problems_lists_fifty_and_counts_the_rest(
    open_page: OpenPage, database_url: str
) -> None:
    seed(database_url)
    records = [
        json.loads(
            json.dumps(check_in_data(day=factories.days_ago(n + 1), leg_pain=99), default=str)
        )
        for n in range(53)
    ]
    raw = json.dumps(
        {
            "format": "sciatica-export",
            "version": 1,
            "exported_at": "2026-01-01T00:00:00Z",
            "check_ins": records,
        }
    ).encode()
    app = open_page("pages/my_data.py")
    app.file_uploader[0].upload("diary.json", raw).run()
    assert not app.exception
    (error,) = app.error
    assert error.value.count("\n- Check-in ") == 50
    assert error.value.endswith("\n- …and 3 more problems.")
    assert count(database_url) == 1
