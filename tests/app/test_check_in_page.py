from collections.abc import Callable
from datetime import timedelta

import pytest
from streamlit.testing.v1 import AppTest

from sciatica.diary.check_in import NOT_ANSWERED
from sciatica.diary.models import LegExtent, Side, TriageLevel
from sciatica.diary.triage import content, red_flags
from sciatica.storage.store import Store
from tests import factories
from tests.factories import make_check_in

OpenPage = Callable[[str], AppTest]


@pytest.fixture
def page(open_page: OpenPage) -> AppTest:
    return open_page("pages/check_in.py")


def slider(app: AppTest, label: str):
    return next(s for s in app.slider if s.label == label)


def save_button(app: AppTest):
    return next(b for b in app.button if b.label == "Save check-in")


def stored(database_url: str) -> Store:
    return Store.open(database_url)


def test_a_new_user_sees_an_empty_form_and_no_table(page: AppTest) -> None:
    assert not page.exception
    assert page.title[0].value == "Check-in"
    assert slider(page, "Leg pain").value == 0
    assert any("Your check-ins will appear here" in c.value for c in page.caption)


def test_saving_a_check_in_writes_it_and_says_saved_with_a_comparison(
    page: AppTest, database_url: str
) -> None:
    slider(page, "Leg pain").set_value(6)
    slider(page, "Back pain").set_value(2)
    page.text_area(key=next(t.key for t in page.text_area if t.label == "Notes")).input("Sore")
    save_button(page).click().run()
    assert not page.exception
    assert page.success[0].value.startswith("Saved. Leg pain 6. This is your first check-in.")
    today = factories.today()
    saved = stored(database_url).get_check_in(user_id="local", day=today)
    assert saved is not None
    assert (saved.leg_pain, saved.back_pain, saved.notes) == (6, 2, "Sore")
    assert len(page.table) == 1


def test_saving_the_same_day_again_says_it_updated(page: AppTest, database_url: str) -> None:
    save_button(page).click().run()
    slider(page, "Leg pain").set_value(3)
    save_button(page).click().run()
    assert not page.exception
    assert "updated this day's check-in" in page.success[0].value
    assert stored(database_url).count_check_ins(user_id="local") == 1


def test_the_form_starts_from_the_latest_check_in(open_page: OpenPage, database_url: str) -> None:
    yesterday = factories.today() - timedelta(days=1)
    stored(database_url).save_check_in(
        user_id="local",
        entry=make_check_in(day=yesterday, leg_pain=7, back_pain=4),
        triage_level=TriageLevel.NONE,
    )
    app = open_page("pages/check_in.py")
    assert (slider(app, "Leg pain").value, slider(app, "Back pain").value) == (7, 4)
    assert any("Starting from your last check-in (yesterday)" in c.value for c in app.caption)


def test_a_bladder_sign_shows_the_emergency_message_and_still_saves(
    page: AppTest, database_url: str
) -> None:
    next(
        c for c in page.checkbox if c.help and c.help.startswith("New trouble starting to pee")
    ).check()
    save_button(page).click().run()
    assert not page.exception
    assert "Get help now" in page.error[0].value
    assert "[112](tel:112), [999](tel:999) or [911](tel:911)" in page.error[0].value
    saved = stored(database_url).get_check_in(user_id="local", day=factories.today())
    assert saved is not None
    assert saved.triage_level is TriageLevel.EMERGENCY


def test_severe_night_pain_shows_see_a_doctor_within_two_days(page: AppTest) -> None:
    next(c for c in page.checkbox if c.help and c.help.startswith("Severe pain at night")).check()
    save_button(page).click().run()
    assert "See a doctor within 1 to 2 days" in page.warning[0].value


def test_worsening_leg_weakness_shows_get_help_today(page: AppTest) -> None:
    next(c for c in page.checkbox if c.help and c.help.startswith("Leg weakness that is")).check()
    save_button(page).click().run()
    assert "Get medical help today" in page.warning[0].value
    assert "local urgent care" in page.warning[0].value


def test_the_date_picker_offers_no_day_after_the_users_today(page: AppTest) -> None:
    picker = page.date_input(key="check_in_day")
    assert picker.value == factories.today()
    assert picker.max == factories.today()


def test_notes_with_control_characters_are_refused_and_nothing_saved(
    page: AppTest, database_url: str
) -> None:
    notes = next(t for t in page.text_area if t.label == "Notes")
    notes.input("bad\x07bell")
    save_button(page).click().run()
    assert "Notes: contains invisible control characters" in page.error[0].value
    assert stored(database_url).count_check_ins(user_id="local") == 0


def test_picking_a_past_date_loads_that_days_check_in(
    open_page: OpenPage, database_url: str
) -> None:
    past = factories.today() - timedelta(days=5)
    stored(database_url).save_check_in(
        user_id="local", entry=make_check_in(day=past, leg_pain=9), triage_level=TriageLevel.NONE
    )
    app = open_page("pages/check_in.py")
    app.date_input(key="check_in_day").set_value(past).run()
    assert slider(app, "Leg pain").value == 9
    assert any("You already checked in" in info.value for info in app.info)


def save_yesterday(database_url: str, **answers: object) -> None:
    store = stored(database_url)
    entry = make_check_in(day=factories.days_ago(1), **answers)
    store.save_check_in(user_id="local", entry=entry, triage_level=TriageLevel.NONE)
    store.close()


def test_a_returning_person_moves_leg_pain_and_saves_keeping_the_rest(
    open_page: OpenPage, database_url: str
) -> None:
    save_yesterday(
        database_url, leg_pain=5, back_pain=3, extent="thigh", side="left", sitting_interference=4
    )
    app = open_page("pages/check_in.py")
    slider(app, "Leg pain").set_value(4)
    save_button(app).click().run()
    assert app.success[0].value.startswith("Saved. Leg pain 4, 1 lower than yesterday.")
    saved = stored(database_url).get_check_in(user_id="local", day=factories.today())
    assert saved is not None
    assert (saved.leg_pain, saved.back_pain, saved.extent, saved.side) == (4, 3, "thigh", "left")
    assert saved.sitting_interference == 4
    assert not saved.red_flags
    assert saved.notes == ""


def test_daily_life_is_folded_for_a_returning_person_with_its_answers_in_view(
    open_page: OpenPage, database_url: str
) -> None:
    save_yesterday(
        database_url, walking_interference=2, sitting_interference=5, sleeping_interference=1
    )
    app = open_page("pages/check_in.py")
    labels = [expander.label for expander in app.expander]
    assert "Pain got in the way of: walking 2, sitting 5, sleeping 1" in labels


def test_the_side_is_asked_only_with_leg_symptoms(open_page: OpenPage) -> None:
    app = open_page("pages/check_in.py")
    assert not [radio for radio in app.radio if radio.label == "Which side"]
    app.select_slider(key=f"extent_{factories.today().isoformat()}").set_value(LegExtent.FOOT).run()
    assert [radio for radio in app.radio if radio.label == "Which side"]


def test_the_weekly_questions_are_not_asked_again_within_the_week(
    open_page: OpenPage, database_url: str
) -> None:
    save_yesterday(database_url, sbi_leg_pain=1, sbi_numbness=1, sbi_weakness=1, sbi_sitting=1)
    app = open_page("pages/check_in.py")
    assert not [e for e in app.expander if e.label.startswith("Weekly questions")]
    assert not [group for group in app.get("button_group") if group.key.startswith("sbi_")]


def test_the_weekly_questions_when_due_are_one_tap_each_and_save_all_four(
    page: AppTest, database_url: str
) -> None:
    day = factories.today().isoformat()
    for name, score in (("leg_pain", 3), ("numbness", 2), ("weakness", 0), ("sitting", 4)):
        page.button_group(key=f"sbi_{name}_{day}").set_value(score).run()
    save_button(page).click().run()
    saved = stored(database_url).get_check_in(user_id="local", day=factories.today())
    assert saved is not None
    assert saved.sbi_total == 9


def test_the_recent_table_shows_a_dash_not_none_and_notes_as_plain_text(
    open_page: OpenPage, database_url: str
) -> None:
    save_yesterday(database_url, notes="**not bold** <b>nor this</b>")
    app = open_page("pages/check_in.py")
    table = app.table[0].value
    assert list(table.columns) == ["Leg", "Back", "Reaches", "SBI", "Signs"]
    assert table["SBI"].tolist() == [NOT_ANSWERED]
    assert "None" not in table.to_string()
    assert [text.value for text in app.text] == ["**not bold** <b>nor this</b>"]


def test_each_warning_sign_is_one_short_line_with_its_full_question_one_tap_away(
    page: AppTest,
) -> None:
    asked = {c.label: c.help for c in page.checkbox if c.key.startswith("flag_")}
    for flag in red_flags():
        assert flag.short is not None
        assert asked[flag.short] == flag.question
    assert "None of these today" in asked


def test_none_of_these_today_is_the_days_answer_and_a_sign_ticked_clears_it(
    page: AppTest, database_url: str
) -> None:
    none = next(c for c in page.checkbox if c.label == "None of these today")
    none.check().run()
    save_button(page).click().run()
    saved = stored(database_url).get_check_in(user_id="local", day=factories.today())
    assert saved is not None
    assert (saved.red_flags, saved.no_warning_signs) == (frozenset(), True)
    page.run()  # the day's check-in loads with its answer: none of these
    none = next(c for c in page.checkbox if c.label == "None of these today")
    assert none.value
    next(c for c in page.checkbox if c.label.startswith("Severe night pain")).check().run()
    none = next(c for c in page.checkbox if c.label == "None of these today")
    assert not none.value
    assert none.disabled


def test_none_of_these_today_is_stored_and_ticked_again_when_the_day_is_opened_again(
    open_page: OpenPage, database_url: str
) -> None:
    first = open_page("pages/check_in.py")
    next(c for c in first.checkbox if c.label == "None of these today").check().run()
    save_button(first).click().run()
    assert not first.exception
    saved = stored(database_url).get_check_in(user_id="local", day=factories.today())
    assert saved is not None
    assert saved.no_warning_signs

    again = open_page("pages/check_in.py")  # a fresh visit: read back from the diary
    assert next(c for c in again.checkbox if c.label == "None of these today").value
    # Saved again with a sign ticked, the sign is the day's answer.
    next(c for c in again.checkbox if c.label.startswith("Severe night pain")).check().run()
    save_button(again).click().run()
    changed = stored(database_url).get_check_in(user_id="local", day=factories.today())
    assert changed is not None
    assert (changed.no_warning_signs, changed.red_flags) == (False, frozenset({"night_pain"}))


def test_a_day_saved_without_answering_the_screen_opens_with_nothing_ticked(
    open_page: OpenPage, database_url: str
) -> None:
    first = open_page("pages/check_in.py")
    save_button(first).click().run()
    saved = stored(database_url).get_check_in(user_id="local", day=factories.today())
    assert saved is not None
    assert (saved.no_warning_signs, saved.red_flags) == (False, frozenset())

    again = open_page("pages/check_in.py")
    assert not next(c for c in again.checkbox if c.label == "None of these today").value


def test_both_legs_new_or_worse_is_the_answer_and_clears_none_of_these_today(
    page: AppTest, database_url: str
) -> None:
    next(c for c in page.checkbox if c.label == "None of these today").check().run()
    page.select_slider(key=f"extent_{factories.today().isoformat()}").set_value(LegExtent.THIGH)
    page.run()
    next(r for r in page.radio if r.label == "Which side").set_value(Side.BOTH).run()
    both = content().both_legs
    next(r for r in page.radio if r.label == both.question).set_value(both.confirm).run()
    none = next(c for c in page.checkbox if c.label == "None of these today")
    assert (none.value, none.disabled) == (False, True)
    save_button(page).click().run()
    assert not page.exception
    saved = stored(database_url).get_check_in(user_id="local", day=factories.today())
    assert saved is not None
    assert (saved.no_warning_signs, saved.red_flags) == (False, frozenset({"both_legs"}))
