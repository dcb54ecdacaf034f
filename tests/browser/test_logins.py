"""Logins end to end: a real OpenID Connect provider, Streamlit's st.login, two people.

Each person logs in through the provider's form, saves a check-in, and sees only their own
diary on Check-in, Progress and My data; logging out leaves the login screen, a copy of the
login cookie taken before it opens nothing after it, and logging in again finds the diary
kept. On SQLite and on PostgreSQL. Behind one address, a login made through one replica holds
on the next.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from sciatica.accounts import identity_user_id
from sciatica.config import LOCAL_USER_ID
from sciatica.storage.store import Store
from tests.browser.balancer import balancer
from tests.browser.conftest import StreamlitServer
from tests.browser.helpers import (
    expand,
    go_to,
    open_page,
    recent_notes,
    recent_rows,
    save_check_in,
    set_slider,
)
from tests.browser.identity import (
    LOGIN_SCREEN,
    log_in,
    log_out,
    logged_in_as,
    secrets_for,
)

# The provider runs in this process; its own use of Authlib warns of Authlib's next version.
pytestmark = pytest.mark.filterwarnings("ignore:get_jwt_config:DeprecationWarning")


@pytest.fixture(autouse=True)
def _clock() -> None:
    """The provider, which runs in this process, keeps the machine's own time, as the server
    does and a real provider would: the ID tokens it signs say when each login was made, and
    the app compares that moment with the person's last logout (which the server stamps)."""


PEOPLE = {  # subject at the provider: (leg pain, notes) of the check-in they save
    "alice@example.org": (2, "Alice walked to the park."),
    "bob@example.org": (9, "Bob had a bad night."),
}


def check_in(page: Page, *, leg: int, notes: str) -> None:
    go_to(page, "Check-in")
    set_slider(page, "Leg pain", leg)
    expand(page, "Activity, medication and notes").get_by_label("Notes").fill(notes)
    save_check_in(page)


def expect_only_own_diary(page: Page, subject: str, tmp_path: Path) -> None:
    """Check-in, Progress and My data show this person's check-in and nobody else's."""
    leg, notes = PEOPLE[subject]
    others = [other for other in PEOPLE.values() if other != (leg, notes)]

    go_to(page, "Check-in")
    assert [row["Leg"] for row in recent_rows(page)] == [str(leg)]
    assert recent_notes(page) == [notes]

    go_to(page, "Progress")
    expect(page.get_by_text(f"Your leg pain averaged {leg}.0/10 over 1 check-in")).to_be_visible()
    for other_leg, _ in others:
        expect(page.get_by_text(f"Your leg pain averaged {other_leg}.0/10")).to_have_count(0)

    go_to(page, "My data")
    expect(page.get_by_test_id("stMain")).to_contain_text("Your diary holds 1 check-in.")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download everything (JSON)").click()
    saved = tmp_path / f"{subject}.json"
    download.value.save_as(saved)
    exported = json.loads(saved.read_text())
    assert [(c["leg_pain"], c["notes"]) for c in exported["check_ins"]] == [(leg, notes)]


def test_two_people_logged_in_each_keep_and_see_only_their_own_diary(
    app_with_logins: StreamlitServer,
    visitors: Callable[[], Page],
    issuer: str,
    tmp_path: Path,
) -> None:
    url = app_with_logins.url
    pages = {subject: visitors() for subject in PEOPLE}
    for subject, page in pages.items():
        log_in(page, url, subject)
    for subject, page in pages.items():
        leg, notes = PEOPLE[subject]
        check_in(page, leg=leg, notes=notes)

    for subject, page in pages.items():
        expect_only_own_diary(page, subject, tmp_path)

    # Each diary is stored under the provider's issuer and the person's subject.
    store = Store.open(app_with_logins.database_url)
    try:
        for subject, (leg, _) in PEOPLE.items():
            person = identity_user_id(issuer=issuer, subject=subject)
            assert [entry.leg_pain for entry in store.all_check_ins(user_id=person)] == [leg]
        assert store.count_check_ins(user_id=LOCAL_USER_ID) == 0
    finally:
        store.close()

    alice, bob = pages.values()
    log_out(alice, url)
    expect(alice.get_by_role("slider")).to_have_count(0)
    expect(alice.get_by_test_id("stSidebarNav")).to_have_count(0)
    # Bob, in his own browser, is still logged in.
    go_to(bob, "Today")
    expect(bob.get_by_text(logged_in_as("bob@example.org"))).to_be_visible()

    log_in(alice, url, "alice@example.org")
    go_to(alice, "Check-in")
    assert [row["Leg"] for row in recent_rows(alice)] == [str(PEOPLE["alice@example.org"][0])]


def test_a_login_cookie_copied_before_logout_opens_nothing_after_it(
    app_with_logins: StreamlitServer, visitors: Callable[[], Page]
) -> None:
    url = app_with_logins.url
    alice = visitors()
    log_in(alice, url, "alice@example.org")
    copied = alice.context.cookies()
    assert copied, "the login left no cookie to copy"

    # Before the logout the copy opens Alice's diary in another browser: the cookie is the login.
    before = visitors()
    before.context.add_cookies(copied)
    open_page(before, url)
    expect(before.get_by_text(logged_in_as("alice@example.org"))).to_be_visible()
    before.context.close()

    log_out(alice, url)

    after = visitors()
    after.context.add_cookies(copied)
    open_page(after, url)
    expect(after.get_by_text("This login has ended: you logged out.")).to_be_visible()
    expect(after.get_by_text(LOGIN_SCREEN)).to_be_visible()
    expect(after.get_by_text(logged_in_as("alice@example.org"))).to_have_count(0)
    expect(after.get_by_test_id("stSidebarNav")).to_have_count(0)
    open_page(after, f"{url}/check-in")  # a deep link opens nothing either
    expect(after.get_by_text(LOGIN_SCREEN)).to_be_visible()
    expect(after.get_by_role("slider")).to_have_count(0)

    # Logging in again, with a new login, opens the diary.
    log_in(alice, url, "alice@example.org")


def test_a_login_is_kept_when_the_load_balancer_moves_the_person_to_another_replica(
    visitors: Callable[[], Page], issuer: str, tmp_path: Path
) -> None:
    """Replicas behind one address share secrets.toml, as the README says: when the replica a
    person logged in through goes away, the next one takes their login and shows their diary.
    A replica with another cookie_secret does not take it."""
    with balancer() as front:
        shared = secrets_for(tmp_path / "replicas", issuer=issuer, app_url=front.url)
        other = secrets_for(tmp_path / "misconfigured", issuer=issuer, app_url=front.url)
        database_url = f"sqlite:///{tmp_path / 'shared.db'}"
        replicas = [
            StreamlitServer(
                data_dir=tmp_path,
                log_dir=tmp_path,
                database_url=database_url,
                secrets_file=secrets,
                host_names=f"127.0.0.1:{front.port}",  # the balancer's address, as README says
            )
            for secrets in (shared, shared, other)
        ]
        for replica in replicas:
            replica.start()
        try:
            first, second, misconfigured = replicas
            front.send_to(first.port)
            page = visitors()
            log_in(page, front.url, "alice@example.org")
            check_in(page, leg=3, notes="Saved through the first replica.")

            first.stop()  # the first replica goes away; the balancer sends Alice on
            front.send_to(second.port)
            open_page(page, f"{front.url}/check-in")
            expect(page.get_by_text(logged_in_as("alice@example.org"))).to_be_visible()
            assert [row["Leg"] for row in recent_rows(page)] == ["3"]
            assert recent_notes(page) == ["Saved through the first replica."]

            front.send_to(misconfigured.port)
            open_page(page, front.url)
            expect(page.get_by_text(LOGIN_SCREEN)).to_be_visible()
            expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)
        finally:
            for replica in replicas:
                replica.stop()
