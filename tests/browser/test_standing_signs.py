"""Warning signs on a phone (375 x 812): same-day advice with the UK's 111, and one meaning of
"I have been seen about this" across Today and Exercises (CLINICAL.md 1 and 10)."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from sciatica import clock
from sciatica.diary.models import AboutMe, TriageLevel
from sciatica.storage.store import Store
from tests.browser.conftest import PHONE_ZONE, StreamlitServer
from tests.browser.helpers import click_when_still, open_page, wait_idle
from tests.factories import make_check_in

TIMEZONE = PHONE_ZONE
WEAKNESS = re.compile(r"^Leg getting weaker, foot slapping or toes catching")


def tick_worsening_weakness(page: Page, server: StreamlitServer) -> None:
    """A new user answers About me, then saves a check-in with worsening leg weakness."""
    open_page(page, server.url)
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_text("Saved. About me is up to date.")).to_be_visible()
    wait_idle(page)
    open_page(page, f"{server.url}/check-in")  # on a phone the sidebar would cover the page
    click_when_still(page.get_by_text(WEAKNESS))
    page.get_by_role("button", name="Save check-in").click()
    wait_idle(page)


def test_en_gb_worsening_weakness_is_told_to_get_help_today_and_offered_111(
    phone: Page, server: StreamlitServer
) -> None:
    tick_worsening_weakness(phone, server)
    dialog = phone.get_by_role("dialog")
    expect(dialog.get_by_text("Get medical help today").first).to_be_in_viewport()
    call_111 = dialog.get_by_role("link", name="Call 111")
    expect(call_111).to_have_attribute("href", "tel:111")
    expect(call_111).to_be_in_viewport()
    expect(
        dialog.get_by_text(re.compile(r"Call NHS 111 for urgent medical advice"))
    ).to_be_visible()
    expect(dialog.get_by_role("link", name="Call 999")).to_have_attribute("href", "tel:999")


def test_seen_on_today_lifts_the_pause_on_exercises(phone: Page, server: StreamlitServer) -> None:
    tick_worsening_weakness(phone, server)
    phone.get_by_role("dialog").get_by_role("button", name="I understand").click()
    wait_idle(phone)

    open_page(phone, f"{server.url}/exercises")
    paused = phone.locator(".st-key-standing_alert")
    expect(paused.get_by_text("Pause the exercises until you have been seen")).to_be_visible()

    open_page(phone, server.url)
    seen = phone.get_by_role("button", name="I have been seen about this")
    click_when_still(seen)
    wait_idle(phone)
    noted = phone.get_by_text("Noted: you have been seen about it.")
    expect(noted).to_be_in_viewport()
    expect(phone.locator(".st-key-standing_alert")).to_have_count(0)

    open_page(phone, f"{server.url}/exercises")
    expect(phone.get_by_role("heading", name="Exercises", level=1)).to_be_visible()
    expect(phone.locator(".st-key-standing_alert")).to_have_count(0)
    expect(phone.get_by_text("Pause the exercises until you have been seen")).to_have_count(0)
    expect(phone.get_by_text(re.compile(r"\d+ exercises?"))).not_to_have_count(0)


def test_a_sign_without_news_for_two_weeks_is_asked_about_and_still_there_is_kept(
    phone: Page, server: StreamlitServer
) -> None:
    today = clock.today(TIMEZONE)
    store = Store.open(server.database_url)
    try:
        store.save_about_me(user_id="local", answers=AboutMe(answered_on=today))
        ticked = make_check_in(day=clock.shift(today, -20), red_flags=["injury"])
        store.save_check_in(user_id="local", entry=ticked, triage_level=TriageLevel.URGENT)
    finally:
        store.close()

    open_page(phone, f"{server.url}/exercises")
    question = phone.locator(".st-key-still_the_case")
    expect(question.get_by_text("Is this still the case?")).to_be_visible()
    for label in ("It has gone", "I have been seen", "It is still there"):
        expect(question.get_by_role("button", name=label, exact=True)).to_be_visible()
    click_when_still(question.get_by_role("button", name="It is still there", exact=True))
    wait_idle(phone)
    noted = phone.get_by_text(re.compile(r"^Noted: it is still there\."))
    expect(noted).to_be_in_viewport()
    # Still standing, no longer asked: the exercises stay paused, here and on Today.
    expect(phone.locator(".st-key-still_the_case")).to_have_count(0)
    expect(phone.get_by_role("button", name="I have been seen about this")).to_be_visible()
    open_page(phone, server.url)
    expect(phone.get_by_text("Get medical help today").first).to_be_visible()
