"""Sharing with a clinician through the pages: Alice shares, Carol reads, Dave sees nothing.

With [auth] configured (as tests/app/test_logins.py does), each run is one person's: Alice
shares on My data, Carol's navigation gains Patients, which lists Alice and opens her Progress
read only; Dave, with no share, finds nothing of Alice's whatever the page, query string or
session state. Without logins My data says in one sentence that sharing needs them.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from sciatica import clock
from sciatica.accounts import identity_user_id
from sciatica.diary.models import TriageLevel
from sciatica.progress.summary import PeriodChoice
from sciatica.sharing.access import AccessDenied, Login, share_with, stop_sharing
from sciatica.sharing.models import ViewKind
from sciatica.storage.store import Store
from sciatica.ui.patients import report_pdf
from sciatica.ui.plain import plain
from tests.app.conftest import checked, run_through_app_py
from tests.app.test_logins import AUTH, ISSUER
from tests.factories import make_check_in

ROOT = Path(__file__).resolve().parents[2]
ALICE_ID = identity_user_id(issuer=ISSUER, subject="alice")


def person(name: str) -> dict[str, object]:
    return {"is_logged_in": True, "iss": ISSUER, "sub": name, "email": f"{name}@example.org"}


def app_for(name: str, database_url: str, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("SCIATICA_DATABASE_URL", database_url)
    monkeypatch.chdir(ROOT)
    run_through_app_py(monkeypatch)
    app = checked(AppTest.from_file(str(ROOT / "app.py"), default_timeout=30))
    app.secrets["auth"] = AUTH
    app.user = person(name)
    app.run()
    return app


def text_of(app: AppTest) -> str:
    """Everything the run drew in words, to look for a name or a number."""
    parts = [
        element.value
        for kind in (
            "markdown",
            "caption",
            "info",
            "warning",
            "success",
            "error",
            "title",
            "subheader",
            "header",
        )
        for element in getattr(app, kind)
    ]
    parts += [button.label for button in app.button]
    parts += [str(table.value) for table in app.table]
    return "\n".join(str(part) for part in parts)


def alice_checks_in(database_url: str, today: date) -> None:
    store = Store.open(database_url)
    store.save_check_in(
        user_id=ALICE_ID, entry=make_check_in(day=today, leg_pain=7), triage_level=TriageLevel.NONE
    )
    store.close()


def share_on_my_data(app: AppTest, who: str) -> AppTest:
    app.switch_page("pages/my_data.py").run()
    [login] = [box for box in app.text_input if box.label == "Clinician's login"]
    login.input(who)
    [go] = [button for button in app.button if button.label == "Continue"]
    go.click().run()
    return app


def confirm(app: AppTest) -> None:
    [share] = [button for button in app.button if button.label == "Share my diary"]
    share.click().run()


def test_alice_shares_with_carol_who_reads_her_check_in_and_alice_sees_the_view(
    database_url: str, monkeypatch: pytest.MonkeyPatch, today: date
) -> None:
    alice_checks_in(database_url, today)
    alice = share_on_my_data(app_for("alice", database_url, monkeypatch), "carol@example.org")
    words = text_of(alice)
    assert "will be able to read your check-ins, flare-ups, routine, sessions" in words
    assert "It is read only: they cannot change anything." in words
    assert plain("carol@example.org") in words
    confirm(alice)
    assert any("can now read your diary" in s.value for s in alice.success)
    assert "until the end of" in text_of(alice)
    assert "No one has looked at your diary." in text_of(alice)

    carol = app_for("carol", database_url, monkeypatch)
    carol.switch_page("pages/patients.py").run()
    assert carol.title[0].value == "Patients"
    words = text_of(carol)
    assert plain("alice@example.org") in words
    assert "Leg pain: 7.0/10 on average over the last 7 days; none the 7 before." in words
    assert "Last check-in: today." in words
    [opening] = [b for b in carol.button if b.label.startswith("Open ")]
    opening.click().run()
    words = text_of(carol)
    assert f"{plain('alice@example.org')}'s diary, read only" in words
    assert "Your leg pain averaged 7.0/10 over 1 check-in" in words
    assert not carol.text_input  # read only: nothing to type into
    assert not carol.slider

    alice.run()
    log = alice.table[-1].value
    assert list(log["Who"]) == [plain("carol@example.org")] * 2
    assert list(log["What"]) == [
        "Progress: summary, charts and flare-ups",
        "Patients list: summary",
    ]


def test_after_alice_stops_sharing_carols_next_page_shows_nothing_of_hers(
    database_url: str, monkeypatch: pytest.MonkeyPatch, today: date
) -> None:
    alice_checks_in(database_url, today)
    alice = share_on_my_data(app_for("alice", database_url, monkeypatch), "carol@example.org")
    confirm(alice)
    carol = app_for("carol", database_url, monkeypatch)
    carol.switch_page("pages/patients.py").run()
    [opening] = [b for b in carol.button if b.label.startswith("Open ")]
    opening.click().run()
    assert "read only" in text_of(carol)

    [stop] = [button for button in alice.button if button.label == "Stop sharing"]
    stop.click().run()
    assert any("can no longer read your diary" in s.value for s in alice.success)
    assert "No one: your diary is yours alone." in text_of(alice)

    carol.run()  # the next page load
    words = text_of(carol)
    assert "alice" not in words
    assert "7.0/10" not in words


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("", "Type the clinician's login"),
        ("ALICE@example.org", "That is your own login"),
        ("alice", "That is your own login"),
    ],
)
def test_sharing_with_oneself_or_no_one_is_refused_with_a_clear_message(
    database_url: str, monkeypatch: pytest.MonkeyPatch, typed: str, problem: str
) -> None:
    alice = share_on_my_data(app_for("alice", database_url, monkeypatch), typed)
    assert any(problem in error.value for error in alice.error)
    assert not [button for button in alice.button if button.label == "Share my diary"]
    store = Store.open(database_url)
    assert store.shares_of(owner_id=ALICE_ID) == []
    store.close()


def test_dave_finds_nothing_of_alices_on_any_page_query_string_or_session_state(
    database_url: str, monkeypatch: pytest.MonkeyPatch, today: date
) -> None:
    alice_checks_in(database_url, today)
    confirm(share_on_my_data(app_for("alice", database_url, monkeypatch), "carol@example.org"))
    dave = app_for("dave", database_url, monkeypatch)
    pages = [
        "pages/today.py",
        "pages/check_in.py",
        "pages/progress.py",
        "pages/my_data.py",
    ]
    tries = [{}, {"patient": ALICE_ID}, {"user": ALICE_ID, "user_id": ALICE_ID}]
    for query in tries:
        for page in pages:
            for key, value in query.items():
                dave.query_params[key] = value
            dave.session_state["patients_open"] = ALICE_ID
            dave.switch_page(page).run()
            words = text_of(dave)
            assert "alice" not in words, (page, query)
            assert "7.0" not in words, (page, query)
            assert "leg pain 7" not in words.lower(), (page, query)
    # Patients is not in Dave's navigation; its script, run directly, shows nothing of hers.
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        dave.switch_page("pages/patients.py")
    page = AppTest.from_file(str(ROOT / "pages" / "patients.py"), default_timeout=30)
    page.secrets["auth"] = AUTH
    page.user = person("dave")
    page.session_state["patients_open"] = ALICE_ID
    page.query_params["patient"] = ALICE_ID
    page.run()
    assert not page.exception
    assert "No one shares their diary with you at the moment." in text_of(page)
    assert "alice" not in text_of(page)
    store = Store.open(database_url)
    assert store.views_of(owner_id=ALICE_ID) == []  # nothing was read, so nothing logged
    store.close()


def test_without_logins_my_data_says_sharing_needs_a_clinic_deployment(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SCIATICA_DATABASE_URL", database_url)
    monkeypatch.chdir(ROOT)
    run_through_app_py(monkeypatch)
    app = checked(AppTest.from_file(str(ROOT / "app.py"), default_timeout=30))
    app.run()
    app.switch_page("pages/my_data.py").run()
    assert any("needs a clinic deployment with logins" in c.value for c in app.caption)
    assert not [box for box in app.text_input if box.label == "Clinician's login"]
    assert "Who looked at your diary" not in text_of(app)
    app.toggle(key="sharing_readme").set_value(True).run()
    assert any("### Sharing with a clinician" in m.value for m in app.markdown)


def test_the_report_button_asks_for_the_share_again_and_logs_the_download(
    database_url: str, today: date
) -> None:
    alice_checks_in(database_url, today)
    store = Store.open(database_url)
    alice = Login(user_id=ALICE_ID, email="alice@example.org", subject="alice")
    carol = Login(user_id="oidc:carol", email="carol@example.org", subject="carol")
    share = share_with(
        store,
        owner=alice,
        grantee="carol@example.org",
        last_day=clock.shift(today, 90),
        today=today,
        timezone=None,
        now=clock.now(),
    )
    build = partial(
        report_pdf,
        store,
        viewer=carol,
        owner_id=ALICE_ID,
        choice=PeriodChoice.LAST_30,
        include_notes=False,
        today=today,
    )
    assert build("en").startswith(b"%PDF")
    assert [view.what for view in store.views_of(owner_id=ALICE_ID)] == [ViewKind.REPORT]
    stop_sharing(store, owner=alice, share_id=share.id, now=clock.now())
    with pytest.raises(AccessDenied):
        build("en")
    store.close()
