"""Phone first, in a real browser at 375 x 812: no page scrolls sideways, and the daily flows fit.

Each test leaves a full-page screenshot in artifacts/phone/ (git-ignored) to look at.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from sciatica import clock
from sciatica.demo import write_demo_data
from sciatica.diary.models import AboutMe, TriageLevel
from sciatica.diary.today import current_alert, mark_seen
from sciatica.plans.models import RoutineInput, RoutineItem, Weekday
from sciatica.storage.store import Store
from sciatica.ui.pages import PAGES
from tests.browser.conftest import (
    ARTIFACTS,
    PHONE_HEIGHT,
    PHONE_WIDTH,
    PHONE_ZONE,
    StreamlitServer,
    close_page,
    new_page,
)
from tests.browser.helpers import (
    IDLE_TIMEOUT_MS,
    choose,
    expand,
    go_to,
    nav_link,
    open_page,
    set_slider,
    wait_idle,
)
from tests.factories import make_check_in

WIDTH, HEIGHT, TIMEZONE = PHONE_WIDTH, PHONE_HEIGHT, PHONE_ZONE
SHOTS = ARTIFACTS / "phone"
MAIN = "[data-testid='stMain']"


def diary(server: StreamlitServer) -> Store:
    """The server's own database, with About me answered (no first-use screen)."""
    store = Store.open(server.database_url)
    store.save_about_me(user_id="local", answers=AboutMe(answered_on=clock.today(TIMEZONE)))
    return store


@pytest.fixture
def demo(server: StreamlitServer) -> StreamlitServer:
    """120 days of example diary, its old warning sign marked as seen about."""
    store = diary(server)
    today = clock.today(TIMEZONE)
    write_demo_data(store, user_id="local", days=120, seed=1, end=today)
    if (alert := current_alert(store, user_id="local", today=today)) is not None:
        mark_seen(store, user_id="local", alert=alert, today=today)
    store.close()
    return server


def full_shot(page: Page, name: str) -> None:
    """A screenshot of the whole page (Streamlit scrolls its main area, not the document)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    tall = page.evaluate(f'document.querySelector("{MAIN}").scrollHeight')
    page.set_viewport_size({"width": WIDTH, "height": min(int(tall), 16_000)})
    try:
        wait_idle(page)
        page.screenshot(path=SHOTS / f"{name}.png")
    finally:
        page.set_viewport_size({"width": WIDTH, "height": HEIGHT})
        wait_idle(page)


def top_of_page(page: Page) -> None:
    page.evaluate(f'document.querySelector("{MAIN}").scrollTo(0, 0)')


def bottom_edge(locator: Locator) -> float:
    """How far down the page the element ends, in pixels, with the page at its top."""
    box = locator.bounding_box()
    assert box is not None
    return box["y"] + box["height"]


def on_first_screen(locator: Locator) -> bool:
    box = locator.bounding_box()
    assert box is not None
    return box["y"] >= 0 and box["y"] + box["height"] <= HEIGHT and box["x"] + box["width"] <= WIDTH


def test_no_page_scrolls_sideways_on_a_phone(phone: Page, demo: StreamlitServer) -> None:
    for spec in PAGES:
        open_page(phone, f"{demo.url}/{spec.url_path or ''}")
        expect(phone.get_by_role("heading", level=1).first).to_be_visible()
        widths = phone.evaluate(
            f"""() => [document.documentElement.scrollWidth,
                       document.querySelector("{MAIN}").scrollWidth]"""
        )
        full_shot(phone, f"page-{spec.url_path or 'today'}")
        assert max(widths) <= WIDTH, f"{spec.title} is {max(widths)} px wide"


def test_a_returning_person_checks_in_in_three_actions_with_save_in_the_first_two_screens(
    phone: Page, server: StreamlitServer
) -> None:
    store = diary(server)
    yesterday = clock.today(TIMEZONE).toordinal() - 1
    entry = make_check_in(day=clock.today(TIMEZONE).fromordinal(yesterday), leg_pain=5)
    store.save_check_in(user_id="local", entry=entry, triage_level=TriageLevel.NONE)
    store.close()

    open_page(phone, f"{server.url}/check-in")  # 1. open
    expect(phone.get_by_text(re.compile(r"^Starting from your last check-in"))).to_be_visible()
    save = phone.get_by_role("button", name="Save check-in")
    full_shot(phone, "check-in-before-save")
    top_of_page(phone)
    assert bottom_edge(save) <= 2 * HEIGHT, "Save lies within two screens of the top"

    set_slider(phone, "Leg pain", 4)  # 2. adjust leg pain
    wait_idle(phone)
    save.click()  # 3. save
    saved = phone.get_by_text(re.compile(r"^Saved\. Leg pain 4, 1 lower than yesterday"))
    expect(saved).to_be_visible()
    wait_idle(phone)
    expect(saved).to_be_in_viewport()  # right under the button, brought into view
    full_shot(phone, "check-in-saved")


def test_a_guided_session_shows_the_exercise_and_start_at_once_and_marks_the_end_of_a_hold(
    phone: Page, server: StreamlitServer
) -> None:
    store = diary(server)
    today = clock.today(TIMEZONE)
    short_hold = RoutineItem(exercise_id="knee-to-chest", hold_seconds=2, reps=3, per_side=True)
    store.save_routine(
        user_id="local",
        routine=RoutineInput(
            name="Quick", items=(short_hold,), days=frozenset(Weekday), start_date=today
        ),
    )
    store.close()

    open_page(phone, f"{server.url}/session")
    phone.get_by_role("button", name="Start session").click()
    wait_idle(phone)
    start = phone.get_by_role("button", name="Start", exact=True)
    expect(start).to_be_visible()
    assert phone.evaluate(f'document.querySelector("{MAIN}").scrollTop') == 0
    for thing in (
        phone.get_by_role("heading", name="Knee-to-chest stretch"),
        phone.get_by_test_id("stMain").get_by_role("img").first,
        phone.get_by_text(re.compile(r"^Your dose: Hold 2 s")),
        start,
    ):
        assert on_first_screen(thing), f"{thing} is not on the first screen"
    full_shot(phone, "session-start")

    start.click()
    done = phone.get_by_text(re.compile(r"^Hold done: ease out of the position slowly"))
    expect(done).to_be_visible(timeout=3 * IDLE_TIMEOUT_MS)
    wait_idle(phone)
    assert done.evaluate("node => getComputedStyle(node).color") != "rgb(31, 42, 44)"
    expect(phone.locator("html")).to_have_attribute("data-hold-cues", "1")
    full_shot(phone, "session-hold-done")


def test_exercises_show_the_bird_dog_at_once_and_keep_filters_across_pages(
    phone: Page, server: StreamlitServer
) -> None:
    diary(server).close()
    open_page(phone, f"{server.url}/exercises")
    bird_dog = phone.locator("summary", has_text="Bird dog")
    expect(bird_dog).to_be_visible()
    assert on_first_screen(bird_dog)
    full_shot(phone, "exercises")

    expand(phone, "Filters")
    choose(phone, "Position", "Seated")
    expect(phone.locator("summary", has_text="Filters: Seated")).to_be_visible()

    go_to(phone, "Today")
    go_to(phone, "Exercises")

    expect(phone.locator("summary", has_text="Filters: Seated")).to_be_visible()
    expect(phone.locator("summary", has_text="Bird dog")).to_have_count(0)
    expect(phone).to_have_url(re.compile(r"/exercises\?position=seated$"))
    full_shot(phone, "exercises-filters-kept")


def test_every_exercise_picked_for_a_routine_stays_in_view_in_the_box(
    phone: Page, server: StreamlitServer
) -> None:
    diary(server).close()
    open_page(phone, f"{server.url}/routine")
    phone.get_by_role("button", name="Use the starter routine").click()
    wait_idle(phone)
    picker = phone.get_by_test_id("stMultiSelect").filter(has_text="Add exercises")
    for typed, name in (("arm only", "Bird dog, arm only"), ("towel", "with a towel")):
        picker.get_by_role("combobox").click()
        phone.keyboard.type(typed)
        phone.get_by_role("option", name=re.compile(re.escape(name))).click()
        phone.keyboard.press("Escape")
        wait_idle(phone)
    chips = picker.get_by_role("button", name=re.compile(r"^Remove "))
    expect(chips).to_have_count(8)  # the starter's six and the two added
    picker.scroll_into_view_if_needed()
    # No chip is clipped by the box: each lies wholly inside what the box shows.
    clipped = picker.evaluate(
        """el => {
            const box = el.querySelector("[class*='react-aria-ComboBox']").getBoundingClientRect();
            return [...el.querySelectorAll("[role='button'], button")]
                .filter(b => (b.getAttribute("aria-label") || "").startsWith("Remove "))
                .filter(b => { const r = b.getBoundingClientRect();
                    return r.top < box.top - 1 || r.bottom > box.bottom + 1; })
                .map(b => b.getAttribute("aria-label"));
        }"""
    )
    assert clipped == []
    full_shot(phone, "routine-picked")


def test_the_keyboard_never_lands_on_the_folded_sidebar(
    phone: Page, server: StreamlitServer
) -> None:
    diary(server).close()
    open_page(phone, f"{server.url}/safety")
    # The phone's layout is in place (its style comes with the page's first run, a moment late
    # on a busy machine), as it is by the time a person reaches for the keyboard.
    expect(phone.get_by_test_id("stSidebar")).to_be_hidden()
    focused = []
    for _ in range(8):
        phone.keyboard.press("Tab")
        focused.append(
            phone.evaluate(
                """() => { const el = document.activeElement, r = el.getBoundingClientRect();
                    return {name: (el.innerText || el.getAttribute("aria-label") || el.tagName)
                        .slice(0, 40), left: r.left, right: r.right}; }"""
            )
        )
    off_screen = [item["name"] for item in focused if item["right"] <= 0 or item["left"] >= WIDTH]
    assert off_screen == []
    # The phone's navigation is there to reach and to tap.
    go_to(phone, "Check-in")


def test_every_page_is_one_worded_tap_away_and_nothing_covers_the_page_chosen(
    phone: Page, server: StreamlitServer
) -> None:
    diary(server).close()
    open_page(phone, server.url)
    bar = phone.locator(".st-key-app_nav")
    expect(bar).to_be_visible()
    for spec in PAGES:  # every page by its name, on the first screen of a fresh page
        assert on_first_screen(nav_link(phone, spec.title)), spec.title
    expect(phone.get_by_test_id("stExpandSidebarButton")).to_be_hidden()
    # The header above the first heading is no taller than the navigation itself.
    nav_box = bar.bounding_box()
    heading_box = phone.get_by_role("heading", level=1).first.bounding_box()
    assert nav_box is not None
    assert heading_box is not None
    assert heading_box["y"] - nav_box["height"] < nav_box["height"]

    nav_link(phone, "Progress").click()  # one tap
    title = phone.get_by_role("heading", name="Progress", level=1)
    expect(title).to_be_in_viewport()
    wait_idle(phone)
    # Nothing is drawn over the heading: the point at its middle is the heading itself.
    on_top = title.evaluate(
        """h => { const r = h.getBoundingClientRect();
            const hit = document.elementFromPoint(r.left + 20, r.top + r.height / 2);
            return h.contains(hit); }"""
    )
    assert on_top
    expect(phone.get_by_test_id("stSidebar")).to_be_hidden()
    full_shot(phone, "navigation")


def test_a_wide_screen_keeps_the_sidebar_and_no_phone_bar(
    browser: Browser, server: StreamlitServer, request: pytest.FixtureRequest
) -> None:
    diary(server).close()
    page = new_page(browser, width=1280, height=900, timezone=TIMEZONE)
    try:
        open_page(page, server.url)
        expect(page.locator(".st-key-app_nav")).to_be_hidden()
        go_to(page, "Progress")
        expect(page.get_by_role("heading", name="Progress", level=1)).to_be_in_viewport()
        expect(page.get_by_test_id("stSidebarNav")).to_be_visible()
    finally:
        close_page(page, request, request.node.name)
