"""Judgement that agrees with the person, on a phone: verdicts, step-backs, easing and cautions.

Each test writes the diary the way the app would have (check-ins, sessions, About me) straight
into the server's database, then uses the pages as a person would at 375 x 812.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect

from sciatica import clock
from sciatica.diary.models import AboutMe, CheckInInput, TriageLevel
from sciatica.exercises.catalog import load_catalog
from sciatica.plans.models import Routine, SessionInput, Weekday
from sciatica.plans.routine import entry_item, template
from sciatica.storage.store import Store
from tests.browser.conftest import PHONE_ZONE, StreamlitServer
from tests.browser.helpers import answer_pain, expand, open_page, wait_idle
from tests.factories import check_in_data

ZONE = PHONE_ZONE
CATALOG = load_catalog()


@pytest.fixture
def diary(server: StreamlitServer) -> Iterator[Store]:
    store = Store.open(server.database_url)
    yield store
    store.close()


def today() -> date:
    return clock.today(ZONE)


def check_in(store: Store, days_ago: int, leg_pain: int, **answers: object) -> None:
    day = today() - timedelta(days=days_ago)
    entry = CheckInInput.model_validate(
        check_in_data(day=day, leg_pain=leg_pain, **answers), context={"today": today()}
    )
    store.save_check_in(user_id="local", entry=entry, triage_level=TriageLevel.NONE)


def every_day_routine(store: Store, *ids: str) -> Routine:
    plan = template("Starter routine", catalog=CATALOG, start=today() - timedelta(days=21))
    update: dict[str, object] = {"days": frozenset(Weekday)}
    if ids:
        update["items"] = tuple(entry_item(CATALOG.by_id[i]) for i in ids)
    return store.save_routine(user_id="local", routine=plan.model_copy(update=update))


def answered_about_me(store: Store, **answers: object) -> None:
    store.save_about_me(
        user_id="local", answers=AboutMe.model_validate({"answered_on": today(), **answers})
    )


def test_a_session_that_lowered_the_pain_reads_amber_at_the_button(
    phone: Page, server: StreamlitServer, diary: Store
) -> None:
    every_day_routine(diary)
    answered_about_me(diary)
    for days_ago in range(1, 8):
        check_in(diary, days_ago, 6)  # usual leg pain 6
    open_page(phone, f"{server.url}/session")
    for label, value in (
        ("Leg pain before", 6),
        ("Worst leg pain during", 5),
        ("Leg pain after", 4),
    ):
        answer_pain(phone, label, value)
    phone.get_by_role("button", name="Save session").click()
    wait_idle(phone)
    expect(phone.get_by_text(re.compile(r"^Saved your session of "))).to_be_visible()
    expect(phone.get_by_text("Amber: sore but manageable so far")).to_be_visible()
    expect(
        phone.get_by_text(re.compile("leg pain fell from 6/10 before to 4/10 after"))
    ).to_be_visible()
    expect(phone.get_by_text(re.compile(r"^Red: "))).to_have_count(0)


def test_after_a_red_session_with_nothing_marked_a_step_back_is_accepted_in_view(
    phone: Page, server: StreamlitServer, diary: Store
) -> None:
    routine = every_day_routine(diary, "knee-to-chest", "clamshell", "bird-dog")
    answered_about_me(diary)
    for days_ago in range(2, 9):
        check_in(diary, days_ago, 3)
    diary.save_session(
        user_id="local",
        session=SessionInput(
            day=today() - timedelta(days=1),
            routine_id=routine.id,
            pain_before=3,
            worst_during=7,
            pain_after=7,
        ),
    )
    open_page(phone, f"{server.url}/session")
    offer = phone.get_by_test_id("stAlert").filter(has_text="Next time:")
    expect(offer).to_contain_text("no exercise was marked “This hurt”")
    expect(offer).to_contain_text("the most demanding one")
    phone.get_by_role("button", name="Accept").click()
    wait_idle(phone)
    expect(phone.get_by_text("Accepted. Your routine is updated.")).to_be_in_viewport()
    followed = diary.active_routine(user_id="local")
    assert followed is not None
    assert [item.exercise_id for item in followed.current_items] == [
        "knee-to-chest",
        "clamshell",
        "bird-dog-leg-only",
    ]


def test_high_leg_pain_today_eases_the_session_that_starts_from_today(
    phone: Page, server: StreamlitServer, diary: Store
) -> None:
    every_day_routine(diary, "standing-hamstring-stretch", "clamshell")
    answered_about_me(diary)
    check_in(diary, 0, 8, extent="foot")
    open_page(phone, server.url)
    eased = phone.get_by_test_id("stAlert").filter(has_text="today's session uses the easiest")
    expect(eased).to_contain_text("Because your leg pain is 8/10 and your symptoms reach into")
    expect(phone.get_by_text(re.compile("Hamstring stretch lying down, knee bent"))).to_be_visible()
    phone.get_by_role("link", name="Start the eased session").click()
    heading = phone.get_by_role("heading", name="Hamstring stretch lying down, knee bent")
    expect(heading).to_be_visible()
    wait_idle(phone)
    routine = diary.active_routine(user_id="local")
    assert routine is not None
    assert routine.current_items == routine.items  # the routine itself is not changed


def test_a_pregnant_person_sees_the_caution_and_the_safer_version_one_tap_away(
    phone: Page, server: StreamlitServer, diary: Store
) -> None:
    # The routine was built before she told the app: it holds a stretch lying on the back.
    every_day_routine(diary, "lying-piriformis-stretch", "clamshell")
    answered_about_me(diary, pregnant=True, due_date=today() + timedelta(weeks=12))
    open_page(phone, server.url)
    swap = phone.get_by_test_id("stAlert").filter(has_text="rules out part of your routine")
    expect(swap).to_contain_text("swap the Lying gluteal (piriformis) stretch for the Seated")
    phone.get_by_role("link", name="Start today's session").click()
    expect(phone.get_by_role("heading", name="Lying gluteal (piriformis) stretch")).to_be_visible()
    wait_idle(phone)
    caution = phone.get_by_test_id("stAlert").filter(has_text="lying on your back")
    expect(caution).to_be_in_viewport()
    phone.get_by_role("button", name="Do the Seated figure-4 stretch instead").click()
    expect(phone.get_by_role("heading", name="Seated figure-4 stretch")).to_be_in_viewport()
    wait_idle(phone)


def test_after_two_reds_today_pauses_building_up_and_offers_the_eased_session(
    phone: Page, server: StreamlitServer, diary: Store
) -> None:
    routine = every_day_routine(diary, "bird-dog", "clamshell")
    answered_about_me(diary)
    for days_ago in (3, 1):
        diary.save_session(
            user_id="local",
            session=SessionInput(
                day=today() - timedelta(days=days_ago),
                routine_id=routine.id,
                pain_before=3,
                worst_during=7,
                pain_after=7,
            ),
        )
    open_page(phone, server.url)
    paused = phone.get_by_test_id("stAlert").filter(has_text="building up is paused and today")
    expect(paused).to_contain_text("Your last two sessions made your symptoms worse")
    expect(paused).to_contain_text("physiotherapist")
    expect(phone.get_by_role("link", name="Start today's session")).to_have_count(0)
    phone.get_by_role("link", name="Start the eased session").click()
    expect(phone.get_by_role("heading", name="Reduced-range bird dog")).to_be_visible()
    wait_idle(phone)


def test_suits_me_today_leaves_out_the_slumped_hamstring_stretch_on_a_high_pain_day(
    phone: Page, server: StreamlitServer, diary: Store
) -> None:
    answered_about_me(diary)
    check_in(diary, 0, 8, extent="below_knee")
    open_page(phone, f"{server.url}/exercises?today=1")
    note = phone.get_by_text(re.compile("none with a straight leg or a slump"))
    expect(note).to_be_visible()
    card = expand(phone, "hamstring")  # the hamstring family, by what its card is called
    expect(card).to_contain_text("Hamstring stretch lying down, knee bent")
    expect(card).not_to_contain_text("Seated hamstring stretch")
