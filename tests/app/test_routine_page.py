"""The Routine page: build from a template or from scratch, refuse unsafe doses, keep several."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from streamlit.testing.v1 import AppTest

from sciatica.exercises.catalog import load_catalog
from sciatica.plans.models import Change, ItemChange, Routine, Step, Weekday
from sciatica.plans.routine import template
from sciatica.storage.store import Store
from tests import factories

OpenPage = Callable[[str], AppTest]
CATALOG = load_catalog()
PAGE = "pages/routine.py"


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    opened = Store.open(database_url)
    yield opened
    opened.close()


def button(app: AppTest, label: str) -> None:
    """Click the one button with this label and run the page."""
    (found,) = [b for b in app.button if b.label == label]
    found.click().run()
    assert not app.exception


def number_input(app: AppTest, label: str) -> object:
    (found,) = [n for n in app.number_input if n.label == label]
    return found


def saved(store: Store) -> list[Routine]:
    return store.list_routines(user_id="local")


def test_a_new_user_sees_an_empty_builder_with_mon_wed_fri(open_page: OpenPage) -> None:
    app = open_page(PAGE)
    assert not app.exception
    assert app.title[0].value == "Routine"
    assert any("No routines saved yet" in caption.value for caption in app.caption)
    assert app.text_input(key="rt_1_name").label == "Routine name"
    assert app.multiselect[0].label == "Add exercises"
    assert app.pills[0].label == "Days"
    assert app.pills[0].value == [Weekday.MON, Weekday.WED, Weekday.FRI]
    assert not [n for n in app.number_input if n.label == "Weeks"]  # no build-up to schedule


def test_saving_the_starter_template_stores_it_as_the_active_routine(
    open_page: OpenPage, store: Store
) -> None:
    app = open_page(PAGE)
    button(app, "Use the starter routine")
    assert app.text_input[0].value == "Starter routine"
    assert number_input(app, "Hold (s): Knee-to-chest stretch").value == 20
    assert not app.table  # no week-by-week build-up
    button(app, "Save routine")
    assert "Saved “Starter routine”. It is now the routine you follow." in app.success[0].value
    (routine,) = saved(store)
    expected = template("Starter routine", catalog=CATALOG, start=factories.today())
    assert routine.active
    assert routine.items == expected.items
    assert routine.days == {Weekday.MON, Weekday.WED, Weekday.FRI}
    # The builder goes on showing the routine saved, to change further, not an empty form.
    assert any(header.value == "Change “Starter routine”" for header in app.header)
    assert app.text_input[0].value == "Starter routine"
    assert any(
        "- Knee-to-chest stretch: Hold 20 s, 3 times per side" in block.value
        for block in app.markdown
    )


def test_a_routine_from_scratch_keeps_the_chosen_order_doses_and_days(
    open_page: OpenPage, store: Store
) -> None:
    app = open_page(PAGE)
    app.text_input[0].input("Morning")
    app.multiselect[0].set_value(["clamshell", "knee-to-chest", "short-walks"]).run()
    app.button(key="up_knee-to-chest").click().run()
    number_input(app, "Minutes: Short walks").set_value(8).run()
    app.pills[0].set_value([Weekday.TUE, Weekday.SAT]).run()
    button(app, "Save routine")
    (routine,) = saved(store)
    assert routine.name == "Morning"
    assert [item.exercise_id for item in routine.items] == [
        "knee-to-chest",
        "clamshell",
        "short-walks",
    ]
    assert routine.items[2].minutes == 8
    assert routine.days == {Weekday.TUE, Weekday.SAT}


def test_remove_takes_an_exercise_out_of_the_draft(open_page: OpenPage) -> None:
    app = open_page(PAGE)
    button(app, "Use the gentle routine")
    app.button(key="remove_seated-hamstring-stretch").click().run()
    assert not app.exception
    assert "seated-hamstring-stretch" not in app.multiselect[0].value
    assert not [n for n in app.number_input if n.label.endswith("Seated hamstring stretch")]
    assert len(app.multiselect[0].value) == 5


def test_a_dose_outside_the_safe_range_is_refused_by_name_and_nothing_is_saved(
    open_page: OpenPage, store: Store
) -> None:
    app = open_page(PAGE)
    button(app, "Use the starter routine")
    number_input(app, "Hold (s): Knee-to-chest stretch").set_value(90).run()
    button(app, "Save routine")
    assert "Not saved." in app.error[0].value
    assert (
        "Knee-to-chest stretch: hold 90 s is outside the safe range 20-30 s." in app.error[0].value
    )
    assert saved(store) == []
    assert number_input(app, "Hold (s): Knee-to-chest stretch").value == 90  # kept to correct


def test_a_routine_without_exercises_or_name_is_refused_with_plain_reasons(
    open_page: OpenPage, store: Store
) -> None:
    app = open_page(PAGE)
    button(app, "Save routine")
    message = app.error[0].value
    assert "Add at least one exercise." in message
    assert "Give the routine a name." in message
    assert saved(store) == []


def test_the_draft_survives_a_visit_to_another_page(open_page: OpenPage) -> None:
    app = open_page(PAGE)
    button(app, "Use the starter routine")
    number_input(app, "Times per side: Clamshell").set_value(12).run()
    app.switch_page("pages/today.py").run()
    app.switch_page(PAGE).run()
    assert not app.exception
    assert app.text_input[0].value == "Starter routine"
    assert number_input(app, "Times per side: Clamshell").value == 12


def test_make_active_switches_the_routine_you_follow(open_page: OpenPage, store: Store) -> None:
    app = open_page(PAGE)
    for name in ("Use the starter routine", "Use the gentle routine"):
        button(app, name)
        button(app, "Save routine")
    gentle, starter = saved(store)  # the active one first
    assert gentle.name == "Gentle routine"
    assert gentle.active
    button(app, "Make active")
    active = store.active_routine(user_id="local")
    assert active is not None
    assert active.id == starter.id
    assert "“Starter routine” is now the routine you follow." in app.success[0].value


def test_delete_asks_first_and_keep_it_changes_nothing(open_page: OpenPage, store: Store) -> None:
    app = open_page(PAGE)
    button(app, "Use the starter routine")
    button(app, "Save routine")
    button(app, "Delete")
    assert "Delete “Starter routine”?" in app.warning[0].value
    button(app, "Keep it")
    assert len(saved(store)) == 1
    button(app, "Delete")
    button(app, "Yes, delete it")
    assert saved(store) == []
    assert "Deleted “Starter routine”." in app.success[0].value


def test_edit_loads_a_saved_routine_and_saving_updates_it(
    open_page: OpenPage, store: Store
) -> None:
    app = open_page(PAGE)
    button(app, "Use the starter routine")
    button(app, "Save routine")
    button(app, "Edit")
    assert app.header[1].value == "Change “Starter routine”"
    app.text_input[0].input("Starter, my way")
    button(app, "Save routine")
    (routine,) = saved(store)
    assert routine.name == "Starter, my way"
    assert routine.active


def test_each_saved_routine_offers_a_calendar_and_a_printable_sheet(
    open_page: OpenPage,
) -> None:
    app = open_page(PAGE)
    button(app, "Use the starter routine")
    button(app, "Save routine")
    labels = [download.label for download in app.download_button]
    assert labels == ["Calendar", "Calendar in Swedish", "Print sheet", "Print sheet in Swedish"]


def test_editing_a_routine_starts_from_its_current_doses_and_records_the_change(
    open_page: OpenPage, store: Store
) -> None:
    routine = store.save_routine(
        user_id="local",
        routine=template("Starter routine", catalog=CATALOG, start=factories.today()),
    )
    higher = (routine.items[0].model_copy(update={"hold_seconds": 25}), *routine.items[1:])
    store.record_decision(
        user_id="local",
        routine_id=routine.id,
        session_id=None,
        key="progress:test",
        change=Change(
            day=factories.today(),
            step=Step.PROGRESS,
            sentence="Two good sessions, so you could hold it longer.",
            accepted=True,
            changed=True,
            changes=(ItemChange(before=routine.items[0], after=higher[0]),),
        ),
        before=routine.items,
        after=higher,
    )
    app = open_page(PAGE)
    card = " ".join(block.value for block in app.markdown)
    assert "Knee-to-chest stretch: Hold 25 s, 3 times per side (started at hold 20 s" in card
    button(app, "Edit")
    assert number_input(app, "Hold (s): Knee-to-chest stretch").value == 25
    number_input(app, "Times per side: Clamshell").set_value(12).run()
    button(app, "Save routine")
    history = store.routine_history(user_id="local", routine_id=routine.id)
    assert [change.step for change in history] == [Step.EDIT, Step.PROGRESS]
    (expander,) = [e for e in app.expander if e.label == "History of changes (2)"]
    lines = " ".join(block.value for block in expander.markdown)
    assert "You changed the doses yourself in the routine builder." in lines
    assert "Clamshell: 10 times per side, now 12 times per side" in lines
