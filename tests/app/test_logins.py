"""With [auth] configured, the app asks for a login and keeps each person's diary apart."""

from datetime import date, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from sciatica import clock
from sciatica.accounts import identity_user_id
from sciatica.config import Settings
from sciatica.diary.models import TriageLevel
from sciatica.exercises.catalog import load_catalog
from sciatica.plans.models import SessionInput
from sciatica.plans.routine import template
from sciatica.storage.store import Store
from sciatica.ui.plain import plain
from tests.app.conftest import checked, run_through_app_py
from tests.factories import make_check_in

ROOT = Path(__file__).resolve().parents[2]
AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "x" * 32,
    "client_id": "id",
    "client_secret": "secret",
    "server_metadata_url": "https://login.example/.well-known/openid-configuration",
}
ISSUER = "https://login.example"


def app_as(user: dict[str, object], database_url: str, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("SCIATICA_DATABASE_URL", database_url)
    monkeypatch.chdir(ROOT)
    run_through_app_py(monkeypatch)
    app = checked(AppTest.from_file(str(ROOT / "app.py"), default_timeout=30))
    app.secrets["auth"] = AUTH
    app.user = user
    return app


def test_a_logged_out_visitor_sees_only_the_login_screen(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = app_as({"is_logged_in": False}, database_url, monkeypatch)
    app.run()
    assert not app.exception
    assert [button.label for button in app.button] == ["Log in"]
    assert not app.slider


def test_two_people_never_see_each_others_check_ins(
    database_url: str, monkeypatch: pytest.MonkeyPatch, today: date
) -> None:
    store = Store.open(database_url)
    for subject, pain in (("ann", 2), ("bob", 9)):
        store.save_check_in(
            user_id=identity_user_id(issuer=ISSUER, subject=subject),
            entry=make_check_in(day=today, leg_pain=pain),
            triage_level=TriageLevel.NONE,
        )
    store.close()
    for subject, pain in (("ann", 2), ("bob", 9)):
        user = {"is_logged_in": True, "iss": ISSUER, "sub": subject, "email": f"{subject}@x"}
        app = app_as(user, database_url, monkeypatch)
        app.run()
        assert not app.exception
        assert f"leg pain {pain}," in app.success[0].value
        app.switch_page("pages/check_in.py").run()
        table = app.table[0].value
        assert list(table["Leg"]) == [str(pain)]


def test_a_logged_in_person_can_log_out(
    database_url: str, monkeypatch: pytest.MonkeyPatch, today: date
) -> None:
    store = Store.open(database_url)
    store.save_check_in(
        user_id=identity_user_id(issuer=ISSUER, subject="ann"),
        entry=make_check_in(day=today, leg_pain=4),
        triage_level=TriageLevel.NONE,
    )
    store.close()
    user = {"is_logged_in": True, "iss": ISSUER, "sub": "ann", "email": "ann@x"}
    app = app_as(user, database_url, monkeypatch)
    app.run()
    assert not app.exception
    # The address is shown as text (ui.plain): an e-mail address would otherwise be a link.
    assert any(f"Logged in as {plain('ann@x')}" in c.value for c in app.sidebar.caption)
    assert "leg pain 4," in app.success[0].value

    log_out = app.sidebar.button[0]
    assert log_out.label == "Log out"
    log_out.click().run()

    assert not app.exception
    # st.logout cleared the identity for this and every later run of the session...
    assert app.user == {"is_logged_in": False}
    # ...so the same run already shows only the login screen, none of Ann's diary.
    assert [button.label for button in app.button] == ["Log in"]
    assert not app.sidebar.button
    assert not app.sidebar.caption
    assert not app.success
    app.run()
    assert [button.label for button in app.button] == ["Log in"]


def test_two_people_never_see_each_others_routines_or_sessions(
    database_url: str, monkeypatch: pytest.MonkeyPatch, today: date
) -> None:
    store = Store.open(database_url)
    day = today
    for subject, name in (("ann", "Ann's plan"), ("bob", "Bob's plan")):
        user_id = identity_user_id(issuer=ISSUER, subject=subject)
        routine = template("Starter routine", catalog=load_catalog(), start=day)
        saved = store.save_routine(
            user_id=user_id, routine=routine.model_copy(update={"name": name})
        )
        store.save_session(
            user_id=user_id,
            session=SessionInput(
                day=day,
                routine_id=saved.id,
                pain_before=1,
                worst_during=1,
                pain_after=1,
                notes=f"{subject}'s session",
            ),
        )
    store.close()
    for subject, mine, theirs in (
        ("ann", "Ann's plan", "Bob's plan"),
        ("bob", "Bob's plan", "Ann's plan"),
    ):
        user = {"is_logged_in": True, "iss": ISSUER, "sub": subject, "email": f"{subject}@x"}
        app = app_as(user, database_url, monkeypatch)
        app.run()
        app.switch_page("pages/routine.py").run()
        assert not app.exception
        shown = " ".join(block.value for block in app.markdown)
        assert mine in shown
        assert theirs not in shown
        app.switch_page("pages/my_data.py").run()
        assert not app.exception


def test_with_logins_my_data_keeps_the_servers_database_and_folders_to_itself(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = {"is_logged_in": True, "iss": ISSUER, "sub": "ann", "email": "ann@x"}
    app = app_as(user, database_url, monkeypatch)
    app.run()
    app.switch_page("pages/my_data.py").run()
    assert not app.exception
    shown = " ".join([*(block.value for block in app.markdown), *app.caption.values])
    assert "It is kept on this service's server." in shown
    assert "SQLite" not in shown
    assert database_url.removeprefix("sqlite:///") not in shown
    assert str(Settings().resolved_backup_dir()) not in shown
    assert "the people who run it keep its backups" in shown
    assert not [button for button in app.button if button.label == "Back up now"]


def test_logging_out_ends_every_login_issued_before_it_on_any_device(
    database_url: str, monkeypatch: pytest.MonkeyPatch, today: date
) -> None:
    """A login cookie copied before the logout (another browser) opens nothing after it."""
    ann = identity_user_id(issuer=ISSUER, subject="ann")
    store = Store.open(database_url)
    store.save_check_in(
        user_id=ann, entry=make_check_in(day=today, leg_pain=4), triage_level=TriageLevel.NONE
    )
    store.close()
    issued = int(clock.now().timestamp()) - 60  # both devices logged in a minute ago
    user = {"is_logged_in": True, "iss": ISSUER, "sub": "ann", "email": "ann@x", "iat": issued}
    other_device = app_as(dict(user), database_url, monkeypatch)
    other_device.run()
    assert "leg pain 4," in other_device.success[0].value

    here = app_as(dict(user), database_url, monkeypatch)
    here.run()
    here.sidebar.button[0].click().run()  # Log out
    assert not here.exception
    store = Store.open(database_url)
    logged_out = store.logged_out_at(user_id=ann)
    assert logged_out is not None
    assert issued < logged_out.timestamp() <= clock.now().timestamp()
    store.close()

    other_device.run()  # the other browser's next run, with its old cookie
    assert not other_device.exception
    assert [button.label for button in other_device.button] == ["Log in"]
    assert "This login has ended: you logged out." in other_device.info[0].value
    assert not other_device.success
    assert not other_device.sidebar.caption
    for page in ("pages/check_in.py", "pages/my_data.py"):
        other_device.switch_page(page).run()
        assert [button.label for button in other_device.button] == ["Log in"]
        assert not other_device.table


def test_a_login_issued_after_the_logout_opens_the_diary(
    database_url: str, monkeypatch: pytest.MonkeyPatch, today: date
) -> None:
    ann = identity_user_id(issuer=ISSUER, subject="ann")
    store = Store.open(database_url)
    store.save_check_in(
        user_id=ann, entry=make_check_in(day=today, leg_pain=4), triage_level=TriageLevel.NONE
    )
    store.record_logout(user_id=ann, at=clock.now() - timedelta(minutes=5))
    store.close()
    fresh = int(clock.now().timestamp())
    user = {"is_logged_in": True, "iss": ISSUER, "sub": "ann", "email": "ann@x", "iat": fresh}
    app = app_as(user, database_url, monkeypatch)
    app.run()
    assert not app.exception
    assert "leg pain 4," in app.success[0].value
    assert not [info for info in app.info if "This login has ended" in info.value]


@pytest.mark.parametrize("auth", [{}, {"redirect_uri": AUTH["redirect_uri"]}])
def test_an_incomplete_auth_section_opens_no_diary_and_says_why(
    database_url: str, monkeypatch: pytest.MonkeyPatch, auth: dict[str, str]
) -> None:
    app = app_as({"is_logged_in": False}, database_url, monkeypatch)
    app.secrets["auth"] = auth
    app.run()
    assert not app.exception
    (error,) = app.error
    assert "Logins on this server are not set up completely" in error.value
    assert "cookie_secret, client_id, client_secret, server_metadata_url" in error.value
    assert not app.button
    assert not app.slider
