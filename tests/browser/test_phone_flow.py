"""The flow in the hand, at 375 x 812: the day starts with the check-in, Save is within two
screens, every action's result lands where the eye is, and the library names what matched.

Each test leaves a screenshot in artifacts/phone/ (git-ignored) to look at.
"""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from sciatica import clock
from sciatica.demo import write_demo_data
from sciatica.diary.models import AboutMe
from sciatica.plans.models import RoutineInput, RoutineItem, Weekday
from sciatica.storage.store import Store
from tests.browser.conftest import ARTIFACTS, PHONE_HEIGHT, PHONE_WIDTH, PHONE_ZONE, StreamlitServer
from tests.browser.helpers import (
    choose,
    click_when_still,
    expand,
    go_to,
    open_page,
    settled,
    wait_idle,
)

WIDTH, HEIGHT = PHONE_WIDTH, PHONE_HEIGHT
TWO_SCREENS = 2 * HEIGHT  # 1,624 px
TIMEZONE = PHONE_ZONE
MAIN = "[data-testid='stMain']"


def answered_about_me(server: StreamlitServer) -> Store:
    store = Store.open(server.database_url)
    store.save_about_me(user_id="local", answers=AboutMe(answered_on=clock.today(TIMEZONE)))
    return store


def shot(page: Page, name: str) -> None:
    (ARTIFACTS / "phone").mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / "phone" / f"flow-{name}.png")


def in_view(page: Page, result: Locator, name: str) -> None:
    """The result is shown and, once the page has settled, wholly on the screen."""
    expect(result).to_be_visible()
    wait_idle(page)
    settled(result)
    expect(result).to_be_in_viewport(ratio=1)
    shot(page, name)


def save_bottom(page: Page) -> float:
    """How far down the page the check-in's Save button ends, scrolled to the top."""
    page.evaluate(f'document.querySelector("{MAIN}").scrollTo(0, 0)')
    box = page.get_by_role("button", name="Save check-in").bounding_box()
    assert box is not None
    return box["y"] + box["height"]


def test_a_new_person_starts_with_the_check_in_and_about_me_never_loses_a_tick(
    phone: Page, server: StreamlitServer
) -> None:
    open_page(phone, server.url)
    way_in = phone.get_by_role("link", name="Do today's check-in")
    expect(way_in).to_be_in_viewport(ratio=1)  # on the first screen, above About me
    flare = phone.get_by_role("radiogroup", name="Log a flare-up: leg pain now", exact=True)
    expect(flare).to_have_count(1)  # the accessible name is words, no icon code

    way_in.click()
    expect(phone.get_by_role("heading", name="Check-in", level=1)).to_be_visible()
    wait_idle(phone)
    expect(phone.get_by_role("button", name=re.compile("Save and continue"))).to_have_count(0)
    assert save_bottom(phone) <= TWO_SCREENS
    signs = phone.get_by_test_id("stCheckbox")
    expect(signs.filter(has_text="Trouble starting to pee, or not feeling it flow")).to_be_visible()
    none = phone.get_by_role("checkbox", name="None of these today")
    none.check(force=True)
    wait_idle(phone)
    phone.get_by_role("button", name="Save check-in").click()
    in_view(phone, phone.get_by_text(re.compile(r"^Saved\b")), "first-check-in-saved")
    store = Store.open(server.database_url)
    saved = store.get_check_in(user_id="local", day=clock.today(TIMEZONE))
    store.close()
    assert saved is not None
    assert (saved.no_warning_signs, saved.red_flags) == (True, frozenset())  # an answer, stored

    go_to(phone, "Today")  # About me is its own step there, after the check-in
    save_about_me = phone.get_by_role("button", name="Save and continue")
    click_when_still(save_about_me)
    in_view(phone, phone.get_by_text("Saved. About me is up to date."), "about-me-saved")
    expect(phone.get_by_role("button", name="Save and continue")).to_have_count(0)

    open_page(phone, f"{server.url}/check-in")  # a fresh visit reads the day's answer back
    expect(phone.get_by_role("checkbox", name="None of these today")).to_be_checked()


def test_with_sixty_days_of_diary_save_is_within_two_screens(
    phone: Page, server: StreamlitServer
) -> None:
    store = answered_about_me(server)
    write_demo_data(store, user_id="local", days=60, seed=2, end=clock.today(TIMEZONE))
    store.close()
    open_page(phone, f"{server.url}/check-in")
    assert save_bottom(phone) <= TWO_SCREENS
    shot(phone, "check-in-sixty-days")


def test_a_saved_routine_stays_in_view_and_a_rest_day_session_is_logged_in_view(
    phone: Page, server: StreamlitServer
) -> None:
    answered_about_me(server).close()
    open_page(phone, f"{server.url}/routine")
    click_when_still(phone.get_by_role("button", name="Use the starter routine"))
    wait_idle(phone)
    click_when_still(phone.get_by_role("button", name="Save routine"))
    saved = phone.get_by_text("Saved “Starter routine”. It is now the routine you follow.")
    in_view(phone, saved, "routine-saved")
    expect(phone.get_by_role("textbox", name="Routine name")).to_have_value("Starter routine")

    # Make today a rest day in it: the session is still one tap away.
    store = Store.open(server.database_url)
    routine = store.active_routine(user_id="local")
    assert routine is not None
    rest_today = frozenset(Weekday) - {Weekday(clock.today(TIMEZONE).weekday())}
    store.save_routine(
        user_id="local",
        routine=RoutineInput(
            name="Rest today",
            items=(RoutineItem(exercise_id="knee-to-chest", hold_seconds=20, reps=3),),
            days=rest_today,
            start_date=clock.shift(clock.today(TIMEZONE), -7),
        ),
    )
    store.close()
    go_to(phone, "Session")
    click_when_still(phone.get_by_role("button", name="Do a session today"))
    wait_idle(phone)
    expect(phone.get_by_role("heading", name="Knee-to-chest stretch", level=2)).to_be_visible()
    click_when_still(phone.get_by_role("button", name="Done"))
    wait_idle(phone)
    for label in ("Leg pain before", "Worst leg pain during", "Leg pain after"):
        group = phone.get_by_role("radiogroup", name=label, exact=True)
        click_when_still(group.get_by_role("radio", name="2", exact=True))
    click_when_still(phone.get_by_role("button", name="Save session"))
    in_view(phone, phone.get_by_text(re.compile(r"^Saved your session of ")), "session-logged")


def test_import_refused_import_done_backup_and_delete_each_show_in_view(
    phone: Page, server: StreamlitServer, tmp_path: Path
) -> None:
    store = answered_about_me(server)
    write_demo_data(store, user_id="local", days=14, seed=3, end=clock.today(TIMEZONE))
    store.close()
    open_page(phone, f"{server.url}/data")
    uploader = phone.get_by_test_id("stFileUploaderDropzoneInput")

    broken = tmp_path / "broken.json"
    broken.write_text("{ this is not a diary")
    uploader.set_input_files(str(broken))
    refused = phone.get_by_text("Nothing can be imported from this file; your diary is unchanged.")
    in_view(phone, refused, "import-refused")

    with phone.expect_download() as download:
        phone.get_by_role("button", name="Download everything (JSON)").click()
    copy = tmp_path / "diary.json"
    download.value.save_as(copy)
    uploader.set_input_files(str(copy))
    wait_idle(phone)
    click_when_still(phone.get_by_role("button", name="Import", exact=True))
    # The diary's own export, imported again: nothing changes, and the app says so.
    done = phone.get_by_test_id("stAlert").filter(has_text="Nothing in your diary changed")
    in_view(phone, done.first, "import-done")

    click_when_still(phone.get_by_role("button", name="Back up now"))
    in_view(phone, phone.get_by_text(re.compile(r"^Backed up to ")), "backup-made")

    box = expand(phone, "Delete everything this app stores about me")
    box.get_by_role("textbox", name="Type DELETE to confirm").fill("DELETE")
    click_when_still(box.get_by_role("button", name="Delete all my data"))
    deleted = phone.get_by_text(re.compile(r"^Deleted \d+ check-ins? and everything else"))
    in_view(phone, deleted, "data-deleted")


def test_filters_stay_open_and_seated_shows_the_seated_stretch_by_name_and_picture(
    phone: Page, server: StreamlitServer
) -> None:
    answered_about_me(server).close()
    open_page(phone, f"{server.url}/exercises")
    expand(phone, "Filters")
    choose(phone, "Position", "Seated")
    # Still open after the choice, its label now naming it: the next choice is one tap away.
    expect(phone.locator("summary", has_text="Filters: Seated")).to_be_visible()
    expect(phone.get_by_role("combobox", name="Type", exact=True)).to_be_visible()

    seated = phone.locator("summary", has_text="Seated hamstring stretch")
    expect(seated).to_be_visible()
    expect(phone.locator("summary", has_text="Standing hamstring stretch")).to_have_count(0)
    click_when_still(seated)
    wait_idle(phone)
    card = phone.locator(".st-key-card_seated-hamstring-stretch")
    expect(card.get_by_role("heading", name="Seated hamstring stretch")).to_be_visible()
    expect(card.get_by_role("img").first).to_be_visible()
    shot(phone, "exercises-seated")


def test_a_familys_versions_are_a_ladder_with_you_are_here_and_one_tap_to_switch(
    phone: Page, server: StreamlitServer
) -> None:
    answered_about_me(server).close()
    open_page(phone, f"{server.url}/exercises?q=bird+dog")
    expect(phone.get_by_text("Versions, easiest first")).to_be_visible()
    expect(phone.get_by_text(re.compile(r"^4\. Bird dog, you are here$"))).to_be_visible()
    easiest = phone.get_by_role("button", name=re.compile(r"^1\. Reduced-range bird dog$"))
    click_when_still(easiest)
    wait_idle(phone)
    expect(
        phone.get_by_text(re.compile(r"^1\. Reduced-range bird dog, you are here$"))
    ).to_be_visible()
    expect(phone.get_by_role("button", name=re.compile(r"^4\. Bird dog$"))).to_be_visible()
    shot(phone, "exercises-ladder")
