"""Sharing with a clinician in Chromium, with the real OpenID Connect provider the login tests use.

Alice logs in, saves a check-in and shares her diary with Carol on My data; Carol's navigation
gains Patients, which on a 375x812 phone screen lists Alice (her last check-in, her leg pain)
and opens her Progress read only; Dave, with no share, finds nothing of Alice's on any page or
address. Alice sees Carol's views with their times, stops sharing, and Carol's next page load
shows nothing of hers. On SQLite and on PostgreSQL, and on PostgreSQL through two replicas
behind one address (tests/browser/balancer.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from sciatica.accounts import identity_user_id
from tests.browser.balancer import balancer
from tests.browser.conftest import StreamlitServer
from tests.browser.helpers import expand, go_to, open_page, save_check_in, set_slider, wait_idle
from tests.browser.identity import log_in, secrets_for

pytestmark = pytest.mark.filterwarnings("ignore:get_jwt_config:DeprecationWarning")

ALICE, CAROL, DAVE = "alice@example.org", "carol@example.org", "dave@example.org"
PHONE = {"width": 375, "height": 812}
ALICE_NAME = re.compile(r"alice\u2060?@example\.org")  # an address shown as text, ui.plain
HER_PAIN = "Leg pain: 6.0/10 on average over the last 7 days; none the 7 before."


def main(page: Page) -> Locator:
    """The page's main area (the sidebar apart)."""
    return page.get_by_test_id("stMain")


def alice_checks_in_and_shares(page: Page, url: str) -> None:
    log_in(page, url, ALICE)
    go_to(page, "Check-in")
    set_slider(page, "Leg pain", 6)
    expand(page, "Activity, medication and notes").get_by_label("Notes").fill("Walked to work.")
    save_check_in(page)
    page.set_viewport_size(PHONE)  # the sharing section on a phone
    open_page(page, f"{url}/data")
    page.get_by_label("Clinician's login").fill(CAROL)
    page.get_by_role("button", name="Continue").click()
    wait_idle(page)
    expect(main(page)).to_contain_text("will be able to read your check-ins, flare-ups")
    expect(main(page)).to_contain_text("It is read only: they cannot change anything.")
    page.get_by_role("button", name="Share my diary").click()
    wait_idle(page)
    done = page.get_by_text(re.compile(r"carol\u2060?@example\.org can now read your diary"))
    expect(done).to_be_in_viewport()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def carol_reads_alice_on_a_phone(page: Page, url: str) -> None:
    log_in(page, url, CAROL)
    expect(page.get_by_test_id("stSidebarNav").get_by_role("link", name="Patients")).to_have_count(
        1
    )
    page.set_viewport_size(PHONE)
    open_page(page, f"{url}/patients")
    expect(page.get_by_role("heading", name="Patients", level=1)).to_be_visible()
    card = page.locator(".st-key-patient_0")
    expect(card.get_by_text(ALICE_NAME).first).to_be_in_viewport()
    expect(card.get_by_text(HER_PAIN)).to_be_visible()
    expect(card.get_by_text("Last check-in: today.")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    card.get_by_role("button", name=re.compile("^Open ")).click()
    wait_idle(page)
    heading = page.get_by_role("heading", name=re.compile(r"diary, read only$"))
    expect(heading).to_be_in_viewport()
    expect(heading).to_contain_text(ALICE_NAME)
    expect(main(page)).to_contain_text("Your leg pain averaged 6.0/10 over 1 check-in")
    expect(main(page).get_by_role("textbox")).to_have_count(0)  # nothing to change
    expect(main(page).get_by_role("slider")).to_have_count(0)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def dave_finds_nothing(page: Page, url: str, alice_id: str) -> None:
    log_in(page, url, DAVE)
    expect(page.get_by_test_id("stSidebarNav").get_by_role("link", name="Patients")).to_have_count(
        0
    )
    for path in ("patients", f"patients?patient={alice_id}", f"progress?user={alice_id}", "data"):
        open_page(page, f"{url}/{path}")
        expect(main(page)).not_to_contain_text(ALICE_NAME)
        expect(main(page)).not_to_contain_text("6.0/10")
        expect(main(page)).not_to_contain_text("Walked to work.")


def alice_sees_the_views_and_stops(page: Page, url: str) -> None:
    open_page(page, f"{url}/data")
    log = page.get_by_role("table").last
    expect(log).to_contain_text("Progress: summary, charts and flare-ups")
    expect(log).to_contain_text("Patients list: summary")
    expect(log).to_contain_text(re.compile(r"\d{1,2}:\d{2}"))  # the time of each view
    expect(log).to_contain_text(re.compile(r"carol\u2060?@example\.org"))
    page.get_by_role("button", name="Stop sharing").click()
    wait_idle(page)
    expect(page.get_by_text(re.compile("can no longer read your diary"))).to_be_in_viewport()
    expect(main(page)).to_contain_text("No one: your diary is yours alone.")


def carol_sees_nothing_of_alice(page: Page, url: str) -> None:
    page.reload()
    wait_idle(page)
    expect(main(page)).not_to_contain_text(ALICE_NAME)
    expect(main(page)).not_to_contain_text("6.0/10")
    expect(page.get_by_test_id("stSidebarNav").get_by_role("link", name="Patients")).to_have_count(
        0
    )


def test_alice_shares_with_carol_who_reads_on_a_phone_dave_sees_nothing_and_a_stop_holds(
    app_with_logins: StreamlitServer, visitors: Callable[[], Page], issuer: str
) -> None:
    url = app_with_logins.url
    alice, carol, dave = visitors(), visitors(), visitors()
    alice_checks_in_and_shares(alice, url)
    carol_reads_alice_on_a_phone(carol, url)
    dave_finds_nothing(dave, url, identity_user_id(issuer=issuer, subject=ALICE))
    alice_sees_the_views_and_stops(alice, url)
    carol_sees_nothing_of_alice(carol, url)


def test_sharing_holds_across_two_replicas_behind_one_address_on_postgresql(
    visitors: Callable[[], Page], issuer: str, tmp_path: Path, migrated_postgres_url: str
) -> None:
    """Alice shares through the first replica; Carol reads and Alice stops through the second."""
    with balancer() as front:
        secrets = secrets_for(tmp_path / "replicas", issuer=issuer, app_url=front.url)
        replicas = [
            StreamlitServer(
                data_dir=tmp_path / name,
                log_dir=tmp_path,
                database_url=migrated_postgres_url,
                secrets_file=secrets,
                host_names=f"127.0.0.1:{front.port}",  # the balancer's address, as README says
            )
            for name in ("first", "second")
        ]
        for replica in replicas:
            replica.data_dir.mkdir()
            replica.start()
        try:
            first, second = replicas
            alice, carol = visitors(), visitors()
            front.send_to(first.port)
            alice_checks_in_and_shares(alice, front.url)
            front.send_to(second.port)
            carol_reads_alice_on_a_phone(carol, front.url)
            alice_sees_the_views_and_stops(alice, front.url)
            carol_sees_nothing_of_alice(carol, front.url)
        finally:
            for replica in replicas:
                replica.stop()
