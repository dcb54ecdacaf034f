from collections.abc import Callable
from datetime import timedelta

from streamlit.testing.v1 import AppTest

from sciatica.diary.models import AboutMe
from sciatica.diary.triage import triage
from sciatica.exercises.catalog import load_catalog
from sciatica.plans.models import SessionInput
from sciatica.plans.routine import entry_item, template
from sciatica.storage.store import Store
from tests import factories
from tests.factories import make_check_in

OpenPage = Callable[[str], AppTest]


def decisions(app: AppTest) -> list[str]:
    """The buttons that decide on a suggestion (Today has others, such as a flare-up's)."""
    return [b.label for b in app.button if b.key and b.key.startswith("today_step")]


def save(database_url: str, days_ago: int = 0, **overrides: object) -> None:
    store = Store.open(database_url)
    entry = make_check_in(day=factories.today() - timedelta(days=days_ago), **overrides)
    level = triage(ticked=entry.red_flags).level
    store.save_check_in(user_id="local", entry=entry, triage_level=level)
    store.close()


def test_today_for_a_new_user_invites_the_first_check_in(open_page: OpenPage) -> None:
    app = open_page("pages/today.py")
    assert not app.exception
    assert app.title[0].value == "Today"
    assert "You have not checked in today" in app.info[0].value
    assert any("after your first check-in" in caption.value for caption in app.caption)


def test_today_after_a_check_in_says_done_and_draws_the_week(
    open_page: OpenPage, database_url: str
) -> None:
    save(database_url, days_ago=2, leg_pain=6)
    save(database_url, leg_pain=4)
    app = open_page("pages/today.py")
    assert not app.exception
    assert "You have checked in today: leg pain 4, back pain 3." in app.success[0].value
    chart = app.get("plotly_chart")[0]
    assert '"Leg pain, last 7 days"' in chart.proto.spec
    assert any("Average leg pain 5.0 over 2 days" in c.value for c in app.caption)


def test_today_shows_the_emergency_banner_while_the_latest_check_in_carries_it(
    open_page: OpenPage, database_url: str
) -> None:
    save(database_url, days_ago=1, red_flags=["bowel"])
    app = open_page("pages/today.py")
    assert not app.exception
    assert "Get help now" in app.error[0].value


def test_a_newer_check_in_without_signs_keeps_the_banner_until_seen_about(
    open_page: OpenPage, database_url: str
) -> None:
    save(database_url, days_ago=1, red_flags=["bowel"])
    save(database_url)
    app = open_page("pages/today.py")
    assert "Get help now" in app.error[0].value
    app.button(key="standing_seen").click().run()
    assert app.success[0].value == "Noted: you have been seen about it."
    assert not app.error
    store = Store.open(database_url)
    (seen,) = store.signs_seen(user_id="local")
    store.close()
    assert (seen.flag_id, seen.sign_day, seen.seen_on) == (
        "bowel",
        factories.today() - timedelta(days=1),
        factories.today(),
    )


def test_safety_lists_warning_signs_stop_rules_faq_and_sources(open_page: OpenPage) -> None:
    app = open_page("pages/safety.py")
    assert not app.exception
    assert "does not diagnose" in app.info[0].value
    assert "New trouble starting to pee" in app.error[0].value
    assert "Get medical help today" in app.warning[0].value
    assert "Leg weakness that is getting worse, or a new foot drop" in app.warning[0].value
    assert "See a doctor within 1 to 2 days" in app.warning[1].value
    assert "Severe pain at night" in app.warning[1].value
    headers = [header.value for header in app.header]
    assert "Stop an exercise and do not push through pain" in headers
    assert "Sources" in headers
    assert any("nice.org.uk" in block.value for block in app.markdown)
    assert app.expander[0].label == "How often should I do the exercises?"


def test_choosing_a_country_changes_the_emergency_number_and_is_remembered(
    open_page: OpenPage, database_url: str
) -> None:
    app = open_page("pages/safety.py")
    app.selectbox[0].select("AU").run()
    assert not app.exception
    assert any("Call [000](tel:000)" in block.value for block in app.markdown)  # one tap
    store = Store.open(database_url)
    assert store.get_country(user_id="local") == "AU"
    store.close()


def test_advice_that_changes_nothing_is_acknowledged_not_accepted(
    open_page: OpenPage, database_url: str
) -> None:
    today = factories.today()
    store = Store.open(database_url)
    start = today - timedelta(days=today.weekday())
    catalog = load_catalog()
    easiest = entry_item(catalog.by_id["clamshell-small-range"])
    plan = template("Gentle routine", catalog=catalog, start=start)
    store.save_routine(user_id="local", routine=plan.model_copy(update={"items": (easiest,)}))
    # Red, and the only exercise, already at its easiest and lowest, hurt: nothing to change,
    # advice to acknowledge.
    store.save_session(
        user_id="local",
        session=SessionInput(
            day=today,
            pain_before=2,
            worst_during=7,
            pain_after=4,
            outcomes={"clamshell-small-range": "hurt"},
        ),
    )
    store.save_about_me(user_id="local", answers=AboutMe(answered_on=today))  # a returning user
    store.close()
    app = open_page("pages/today.py")
    assert not app.exception
    assert "ask a physiotherapist what to do instead" in app.info[-1].value
    assert decisions(app) == ["Got it"]
    app.button(key="today_step_noted").click().run()
    assert app.success[0].value == "Noted."
    assert not decisions(app)


def test_keeping_the_dose_asks_nothing_on_today(open_page: OpenPage, database_url: str) -> None:
    today = factories.today()
    store = Store.open(database_url)
    store.save_routine(
        user_id="local",
        routine=template("Starter routine", catalog=load_catalog(), start=today - timedelta(7)),
    )
    store.save_session(
        user_id="local",
        session=SessionInput(day=today, pain_before=2, worst_during=2, pain_after=2),
    )
    store.save_about_me(user_id="local", answers=AboutMe(answered_on=today))  # a returning user
    store.close()
    app = open_page("pages/today.py")
    assert not [i for i in app.info if "After your last session" in i.value]
    assert not decisions(app)
