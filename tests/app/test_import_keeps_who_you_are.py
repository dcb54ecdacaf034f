"""Importing someone else's file never changes who you are.

Language, country and About me come from a file only into an empty diary, or when the person
chooses "Replace with the file's"; the preview says when a file looks like another diary and
what "Keep what I have" would merge. Through My data, as a person imports.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from streamlit.testing.v1 import AppTest

from sciatica.diary.models import AboutMe, TriageLevel
from sciatica.exercises.catalog import load_catalog
from sciatica.plans.routine import template
from sciatica.storage.store import Store
from tests.factories import days_ago, make_check_in
from tests.hostile_files import valid_export

OpenPage = Callable[[str], AppTest]
USER = "local"


def someone_elses_file() -> bytes:
    """Another person's export: Swedish, Sweden, pregnant, their own routine and sessions, and
    a check-in on the day this diary holds too (with other answers)."""
    document: dict[str, Any] = valid_export()
    document["language"], document["country"] = "sv", "SE"
    document["about_me"]["pregnant"] = True
    document["about_me"]["due_date"] = str(days_ago(-100))
    document["check_ins"][0]["leg_pain"] = 9
    return json.dumps(document).encode()


def my_own_diary(database_url: str) -> None:
    """English, the UK, About me answered with nothing to note, a routine, yesterday's check-in."""
    store = Store.open(database_url)
    store.set_language(user_id=USER, language="en")
    store.set_country(user_id=USER, country="GB")
    store.save_about_me(user_id=USER, answers=AboutMe(answered_on=days_ago(40)))
    store.save_routine(
        user_id=USER,
        routine=template("Starter routine", catalog=load_catalog(), start=days_ago(60)).model_copy(
            update={"name": "My own plan"}
        ),
    )
    store.save_check_in(
        user_id=USER,
        entry=make_check_in(day=days_ago(1), leg_pain=3),
        triage_level=TriageLevel.NONE,
    )
    store.close()


def who_i_am(database_url: str) -> tuple[object, ...]:
    store = Store.open(database_url)
    try:
        about = store.get_about_me(user_id=USER)
        return (
            store.get_language(user_id=USER),
            store.get_country(user_id=USER),
            about.pregnant if about else None,
            store.get_check_in(user_id=USER, day=days_ago(1)).leg_pain,  # type: ignore[union-attr]
        )
    finally:
        store.close()


def preview(open_page: OpenPage) -> AppTest:
    app = open_page("pages/my_data.py")
    app.file_uploader[0].upload("someone-else.json", someone_elses_file()).run()
    assert not app.exception
    return app


def import_button(app: AppTest) -> Any:
    return next(button for button in app.button if button.label == "Import")


def test_the_preview_says_the_file_looks_like_another_diary_and_what_would_be_merged(
    open_page: OpenPage, database_url: str
) -> None:
    my_own_diary(database_url)
    app = preview(open_page)
    said = app.warning[0].value
    assert said.startswith("This file looks like it comes from another diary: ")
    assert "1 of its days has other answers than yours" in said
    assert "its routines (Starter routine) are not yours" in said
    assert "its language, country and About me differ from yours" in said
    assert "1 routine and 1 session from the file would be added beside yours" in said
    assert app.radio[0].value == "Keep what I have"


def test_keep_what_i_have_changes_neither_language_country_about_me_nor_days(
    open_page: OpenPage, database_url: str
) -> None:
    my_own_diary(database_url)
    app = preview(open_page)
    import_button(app).click().run()
    assert not app.exception
    assert who_i_am(database_url) == ("en", "GB", False, 3)
    done = app.success[0].value
    assert "1 routine added; 1 session added" in done
    assert "your language, your country and About me stayed yours (the file's differ)" in done
    assert app.title[0].value == "My data"  # still in English


def test_replace_takes_the_file_s_settings_and_days(open_page: OpenPage, database_url: str) -> None:
    my_own_diary(database_url)
    app = preview(open_page)
    app.radio[0].set_value("Replace with the file's").run()
    import_button(app).click().run()
    assert not app.exception
    assert who_i_am(database_url) == ("sv", "SE", True, 9)


def test_into_an_empty_diary_the_file_brings_its_settings(
    open_page: OpenPage, database_url: str
) -> None:
    app = preview(open_page)
    assert not [w for w in app.warning if "another diary" in w.value]
    assert not app.radio
    import_button(app).click().run()
    assert not app.exception
    assert who_i_am(database_url) == ("sv", "SE", True, 9)
    # Said in the language the import was made in; the page then speaks the file's Swedish.
    assert "your language, your country and About me taken from the file" in app.success[0].value
    assert app.title[0].value == "Mina uppgifter"


def a_backup_with_flare_ups() -> bytes:
    """A version 4 export: one check-in, a routine, a session, About me and three flare-ups."""
    document: dict[str, Any] = valid_export()
    document["version"] = 4
    day = days_ago(3)
    document["flares"] = [
        {"day": str(day), "at": f"{day}T{hour:02d}:00:00Z", "leg_pain": 5 + hour % 3}
        for hour in (9, 12, 15)
    ]
    return json.dumps(document).encode()


def test_a_restore_into_an_empty_diary_names_its_flare_ups_and_a_second_changes_nothing(
    open_page: OpenPage,
) -> None:
    app = open_page("pages/my_data.py")
    app.file_uploader[0].upload("backup.json", a_backup_with_flare_ups()).run()
    import_button(app).click().run()
    assert not app.exception
    assert app.success[0].value.startswith(
        "1 check-in added; 1 routine added; 1 session added; 3 flare-ups added; "
    )

    app.file_uploader[0].upload("backup.json", a_backup_with_flare_ups()).run()
    import_button(app).click().run()
    assert not app.exception
    assert not app.success
    assert app.info[0].value == (
        "Nothing in your diary changed; 4 records were already in your diary as they are in "
        "the file."
    )
