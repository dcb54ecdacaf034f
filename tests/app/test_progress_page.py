import json
from collections.abc import Callable
from datetime import timedelta

import pytest
from streamlit.testing.v1 import AppTest

from sciatica.demo import write_demo_data
from sciatica.diary.models import TriageLevel
from sciatica.progress.panels import TITLES
from sciatica.storage.store import Store
from tests import factories
from tests.factories import make_check_in

OpenPage = Callable[[str], AppTest]
PAGE = "pages/progress.py"
SESSIONS_MESSAGE = "Log exercise sessions to see adherence and response here."


@pytest.fixture
def demo_diary(database_url: str) -> None:
    """400 days of realistic check-ins ending today."""
    store = Store.open(database_url)
    write_demo_data(store, user_id="local", days=400, seed=1, end=factories.today())
    store.close()


def save_days_ago(database_url: str, *days_ago: int) -> None:
    """Check-ins on the given days before today."""
    store = Store.open(database_url)
    for ago in days_ago:
        entry = make_check_in(day=factories.today() - timedelta(days=ago))
        store.save_check_in(user_id="local", entry=entry, triage_level=TriageLevel.NONE)
    store.close()


def charts(app: AppTest) -> dict[str, dict[str, object]]:
    """The page's Plotly figures as JSON, by title."""
    figures = [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]
    return {figure["layout"]["title"]["text"]: figure for figure in figures}


def points(figure: dict[str, object], trace_name: str) -> int:
    """How many x values a named trace has."""
    traces = figure["data"]
    assert isinstance(traces, list)
    (trace,) = [trace for trace in traces if trace["name"] == trace_name]
    return len(trace["x"])


def choose_period(app: AppTest, label: str) -> AppTest:
    """Pick a period and rerun."""
    return app.segmented_control[0].set_value(label).run()


def open_every_panel(app: AppTest) -> AppTest:
    """Open every expander below the first chart, as remembered state, and rerun."""
    for key in ("sbi", "adherence", "response", "life", "exercises"):
        app.session_state[f"progress_open_{key}"] = True
    return app.run()


@pytest.mark.usefixtures("demo_diary")
def test_with_demo_data_the_pain_chart_is_drawn_and_the_others_wait_in_expanders(
    open_page: OpenPage,
) -> None:
    app = open_page(PAGE)
    assert not app.exception
    assert list(charts(app)) == ["Leg and back pain"]
    assert [expander.label for expander in app.expander] == [
        "Weekly bothersomeness (SBI)",
        "Exercise sessions per week",
        "Leg pain around each session",
        "Pain getting in the way",
        "Next-morning leg pain after each exercise",
        "Flare-ups: what set them off, what helped",  # the demo notes some flare-ups
    ]
    assert app.caption[0].value.endswith("(30 days)")
    *_, report, other = [button.proto.label for button in app.get("download_button")]
    assert report == "Download report for my physiotherapist (PDF)"
    assert other == "Download in Swedish"


@pytest.mark.usefixtures("demo_diary")
def test_opened_panels_draw_their_charts_and_stay_open_after_another_page(
    open_page: OpenPage,
) -> None:
    app = open_every_panel(open_page(PAGE))
    assert not app.exception
    assert list(charts(app)) == [
        "Leg and back pain",
        "Weekly bothersomeness (SBI)",
        "Exercise sessions per week",
        "Leg pain around each session",
        "Pain getting in the way",
        # Demo sessions mark some exercises "This hurt", so the exercises differ.
        "Next-morning leg pain",
    ]
    assert SESSIONS_MESSAGE not in [info.value for info in app.info]
    app.switch_page("pages/today.py").run()
    app.switch_page(PAGE).run()
    assert not app.exception
    assert len(charts(app)) == 6


@pytest.mark.usefixtures("demo_diary")
def test_each_chart_carries_its_sentence_as_its_text_alternative(open_page: OpenPage) -> None:
    app = open_every_panel(open_page(PAGE))
    assert not app.exception
    captions = {caption.value for caption in app.caption}
    for chart in app.get("plotly_chart"):
        title, sentence = chart.proto.alt.split(". ", 1)
        # A figure's own title is the short start of its panel's (the rest is a subtitle).
        assert title.startswith(json.loads(chart.proto.spec)["layout"]["title"]["text"])
        assert sentence in captions


@pytest.mark.usefixtures("demo_diary")
def test_every_chart_shows_its_sentence_and_has_its_numbers_one_click_away(
    open_page: OpenPage,
) -> None:
    app = open_every_panel(open_page(PAGE))
    assert not app.exception
    drawn = [chart.proto.alt.split(". ", 1) for chart in app.get("plotly_chart")]
    assert len(drawn) == 6
    captions = [caption.value for caption in app.caption]
    toggles = {toggle.key: toggle for toggle in app.toggle}
    for title, sentence in drawn:
        assert sentence in captions  # shown beside the chart, not only read out
        (key,) = [key for key, name in TITLES.items() if name == title]
        assert toggles[f"progress_data_{key}"].label == "Show data"
        toggles[f"progress_data_{key}"].set_value(True)
    app.run()
    assert not app.exception
    # Wide tables come in stacked parts that fit a phone: at least one part per chart.
    assert len(app.table) >= 6
    assert all(not table.value.empty for table in app.table)


@pytest.mark.usefixtures("demo_diary")
def test_changing_the_period_changes_the_summary_and_the_points_drawn(
    open_page: OpenPage,
) -> None:
    app = open_page(PAGE)
    assert not app.exception
    summary_30 = app.markdown[0].value
    points_30 = points(charts(app)["Leg and back pain"], "Leg pain, daily")
    choose_period(app, "Last 90 days")
    assert not app.exception
    assert app.caption[0].value.endswith("(90 days)")
    assert app.markdown[0].value != summary_30
    assert points(charts(app)["Leg and back pain"], "Leg pain, daily") > points_30


@pytest.mark.usefixtures("demo_diary")
def test_all_of_a_long_diary_is_drawn_as_weekly_averages(open_page: OpenPage) -> None:
    app = choose_period(open_page(PAGE), "All")
    assert not app.exception
    pain = charts(app)["Leg and back pain"]
    assert pain["layout"]["title"]["subtitle"]["text"] == "Weekly averages"
    assert 55 <= points(pain, "Leg pain, weekly average") <= 60  # 400 days
    assert "warning signs that need prompt medical advice on 1 day" in app.markdown[0].value


def test_a_new_diary_gets_one_helpful_message_instead_of_empty_charts(open_page: OpenPage) -> None:
    app = open_page(PAGE)
    assert not app.exception
    assert not app.get("plotly_chart")
    assert "You have no check-ins in this period." in app.markdown[0].value
    assert [info.value for info in app.info] == [
        "Your charts will appear here after your first check-in in this period."
    ]
    assert not app.get("download_button")


def test_one_check_in_draws_its_point(open_page: OpenPage, database_url: str) -> None:
    save_days_ago(database_url, 0)
    app = open_page(PAGE)
    assert not app.exception
    assert points(charts(app)["Leg and back pain"], "Leg pain, daily") == 1
    assert "One check-in in this period so far (leg pain 5/10)." in [c.value for c in app.caption]


def test_the_period_is_remembered_after_visiting_another_page(
    open_page: OpenPage, database_url: str
) -> None:
    save_days_ago(database_url, 0, 60)
    app = choose_period(open_page(PAGE), "Last 90 days")
    assert not app.exception
    app.switch_page("pages/today.py").run()
    app.switch_page(PAGE).run()
    assert not app.exception
    assert app.segmented_control[0].value == "Last 90 days"
    assert app.caption[0].value.endswith("(90 days)")


def test_custom_dates_appear_only_for_custom_and_set_the_period(
    open_page: OpenPage, database_url: str
) -> None:
    save_days_ago(database_url, 0, 10)
    app = open_page(PAGE)
    assert not app.exception
    assert not app.date_input
    choose_period(app, "Custom dates")
    assert [field.label for field in app.date_input] == ["From", "To"]
    today = factories.today()
    app.date_input[0].set_value(today - timedelta(days=9)).run()
    assert not app.exception
    assert app.caption[0].value.endswith("(10 days)")
    assert "You checked in on 1 of the 10 days" in app.markdown[0].value


def test_a_from_date_after_the_to_date_asks_for_a_valid_range(
    open_page: OpenPage, database_url: str
) -> None:
    save_days_ago(database_url, 0)
    app = choose_period(open_page(PAGE), "Custom dates")
    app.date_input[1].set_value(factories.today() - timedelta(days=40)).run()
    assert not app.exception
    assert "'From' date is after the 'To' date" in app.warning[0].value
    assert not app.get("plotly_chart")


@pytest.mark.usefixtures("demo_diary")
def test_show_data_reveals_the_chart_table_and_its_csv_download(open_page: OpenPage) -> None:
    app = open_page(PAGE)
    assert not app.exception
    assert not app.table
    app.toggle(key="progress_data_pain").set_value(True).run()
    assert not app.exception
    table = app.table[0]  # the day and at most four numbers: parts that fit a phone
    assert table.value.index.name == "Date"
    assert list(table.value.columns)[:2] == ["Leg pain", "Back pain"]
    assert not table.value.isin(["None", "nan", "NaN"]).any().any()
    labels = [button.proto.label for button in app.get("download_button")]
    assert "Download this chart's data (CSV)" in labels
