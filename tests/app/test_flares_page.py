"""The quick flare-up entry on Today and Check-in: log one, see it saved, change it, delete it."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from datetime import time
from typing import Any

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from sciatica.diary.models import AboutMe, FlareEntry, TriageLevel
from sciatica.storage.store import Store
from sciatica.ui.flares import START_LABEL
from tests import factories
from tests.factories import make_check_in

OpenPage = Callable[[str], AppTest]
START = START_LABEL  # leg pain now, under "Log a flare-up"


@pytest.fixture
def answered(database_url: str) -> None:
    """About me answered, so Today opens without the first-use questions."""
    store = Store.open(database_url)
    store.save_about_me(user_id="local", answers=AboutMe(answered_on=factories.today()))
    store.close()


def flares(database_url: str) -> list[FlareEntry]:
    store = Store.open(database_url)
    try:
        return store.flares_between(
            user_id="local", start=factories.days_ago(7), end=factories.today()
        )
    finally:
        store.close()


def pills(app: AppTest, label: str) -> Any:
    (found,) = [widget for widget in app.pills if widget.label == label]
    return found


def button(app: AppTest, label: str) -> Any:
    return next(widget for widget in app.button if widget.label == label)


def decoded(values: Any) -> list[float]:
    """Plotly's JSON numbers: a list, or a typed array in base64."""
    if isinstance(values, dict):
        raw = base64.b64decode(values["bdata"])
        return [float(v) for v in np.frombuffer(raw, dtype=values["dtype"])]
    return [float(v) for v in values]


def log_flare(app: AppTest, *, leg_pain: int, triggers: list[str]) -> AppTest:
    """Pick leg pain now under "Log a flare-up" (it opens the form), what set it off, Save."""
    pills(app, START).set_value(leg_pain).run()
    assert pills(app, "Leg pain now").value == leg_pain  # chosen already in the form
    pills(app, "What set it off?").set_value(triggers)
    result: AppTest = button(app, "Save flare-up").click().run()
    return result


@pytest.mark.usefixtures("answered")
def test_leg_pain_7_after_sitting_is_saved_from_today_and_shown_in_view(
    open_page: OpenPage, database_url: str
) -> None:
    app = open_page("pages/today.py")
    assert not app.exception
    log_flare(app, leg_pain=7, triggers=["sitting"])
    assert not app.exception
    (saved,) = flares(database_url)
    assert (saved.leg_pain, saved.triggers, saved.day) == (7, ("sitting",), factories.today())
    assert [s.value for s in app.success] == [
        f"Saved: leg pain 7 at {saved.at.astimezone():%H:%M}, after sitting."
    ]
    assert any(m.value.startswith("Today: leg pain 7 at") for m in app.markdown)
    # The form is closed again; the numbers are there, unpicked, for the next one.
    assert not [w for w in app.pills if w.label == "Leg pain now"]
    assert pills(app, START).value is None


@pytest.mark.usefixtures("answered")
def test_a_flare_up_without_leg_pain_is_not_saved_and_says_why(
    open_page: OpenPage, database_url: str
) -> None:
    app = open_page("pages/today.py")
    pills(app, START).set_value(7).run()
    pills(app, "Leg pain now").set_value(None)  # picked, then unpicked in the form
    button(app, "Save flare-up").click().run()
    assert not app.exception
    assert app.error[0].value == "Not saved. Choose your leg pain now (0-10)."
    assert flares(database_url) == []


@pytest.mark.usefixtures("answered")
def test_a_flare_up_can_be_changed_then_deleted(open_page: OpenPage, database_url: str) -> None:
    app = open_page("pages/today.py")
    log_flare(app, leg_pain=7, triggers=["sitting"])
    (saved,) = flares(database_url)

    app.button(key=f"flare_today_change_{saved.id}").click().run()
    assert pills(app, "Leg pain now").value == 7
    assert pills(app, "What set it off?").value == ["sitting"]
    pills(app, "Leg pain now").set_value(5)
    pills(app, "What helped?").set_value(["walking"])
    app.radio(key=f"flare_today_{app.session_state['_flare_today_version']}_day").set_value(
        "Yesterday"
    )
    app.time_input[0].set_value(time(8, 30))
    button(app, "Save flare-up").click().run()
    assert not app.exception
    (changed,) = flares(database_url)
    assert (changed.id, changed.leg_pain, changed.helped) == (saved.id, 5, ("walking",))
    assert changed.day == factories.days_ago(1)
    assert app.success[0].value == (
        "Changed: leg pain 5 at 08:30, after sitting; walking helped (yesterday)."
    )

    app.button(key=f"flare_today_delete_{saved.id}").click().run()
    assert flares(database_url), "nothing goes before the person confirms"
    app.button(key=f"flare_today_yes_{saved.id}").click().run()
    assert not app.exception
    assert flares(database_url) == []
    assert app.success[0].value == "Deleted the flare-up."


@pytest.mark.usefixtures("answered")
def test_the_check_in_page_has_the_same_quick_entry(open_page: OpenPage, database_url: str) -> None:
    app = open_page("pages/check_in.py")
    assert not app.exception
    pills(app, START).set_value(8).run()
    button(app, "Save flare-up").click().run()
    assert not app.exception
    assert [flare.leg_pain for flare in flares(database_url)] == [8]
    assert app.success[-1].value.startswith("Saved: leg pain 8 at ")


@pytest.mark.usefixtures("answered")
def test_a_flare_up_logged_on_today_shows_on_progress_as_part_of_the_days_range(
    open_page: OpenPage, database_url: str
) -> None:
    store = Store.open(database_url)
    for back, leg in ((2, 5), (1, 3), (0, 4)):
        entry = make_check_in(day=factories.days_ago(back), leg_pain=leg, back_pain=2)
        store.save_check_in(user_id="local", entry=entry, triage_level=TriageLevel.NONE)
    store.close()
    app = open_page("pages/today.py")
    log_flare(app, leg_pain=7, triggers=["sitting"])

    app.switch_page("pages/progress.py").run()
    assert not app.exception
    (chart,) = [json.loads(c.proto.spec) for c in app.get("plotly_chart")]
    (whiskers,) = [t for t in chart["data"] if t["name"] == "Day's range, with flare-ups"]
    today = factories.today().isoformat()
    assert [x[:10] for x in whiskers["x"][:2]] == [today, today]
    assert decoded(whiskers["y"])[:2] == [4, 7]
    day = factories.today()
    assert any(
        f"With 1 flare-up on {day:%a} {day.day} {day:%b}, your leg pain that day ranged from "
        "4 to 7/10." in caption.value
        for caption in app.caption
    )
    app.session_state["progress_open_flares"] = True
    app.run()
    (counts,) = [table.value for table in app.table]  # plain text cells that fit a phone
    assert counts.reset_index().to_dict("records") == [
        {"Noted as": "Set it off", "What": "Sitting", "Entries": "1"}
    ]
    assert any("doesn't show what causes your pain" in c.value for c in app.caption)
