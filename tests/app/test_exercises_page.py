"""The Exercises page: filters, 'suits me today', red flags, the URL and one exercise's card."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Multiselect

from sciatica.diary.models import TriageLevel
from sciatica.exercises.catalog import load_catalog
from sciatica.exercises.filters import filter_exercises
from sciatica.exercises.library import NOTHING_TO_GO_ON, families, versions_label
from sciatica.exercises.models import Equipment, ExerciseFilter, Kind, Level, Position, TargetArea
from sciatica.storage.store import Store
from tests import factories
from tests.factories import make_check_in

OpenPage = Callable[[str], AppTest]
# The library's filters, search, links and cards: no date in them, so the awkward-moment runs
# leave these out ("suits me today" and the warning signs, which read the last check-in, stay).
TIMELESS = pytest.mark.timeless
OpenExercises = Callable[..., AppTest]
CATALOG = load_catalog()
EVERYONE = len(CATALOG.exercises)


@pytest.fixture
def open_exercises(open_page: OpenPage) -> OpenExercises:
    """Open the Exercises page as if by a URL with these query parameters."""

    def _open(**params: str | list[str]) -> AppTest:
        app = open_page("pages/today.py")
        app.query_params.update(params)
        app.switch_page("pages/exercises.py").run()
        return app

    return _open


def save(database_url: str, **overrides: object) -> None:
    store = Store.open(database_url)
    entry = make_check_in(day=factories.today() - timedelta(days=1), **overrides)
    level = TriageLevel.EMERGENCY if "bowel" in entry.red_flags else TriageLevel.NONE
    store.save_check_in(user_id="local", entry=entry, triage_level=level)
    store.close()


def folds(app: AppTest) -> list[str]:
    """The family folds' labels, top to bottom."""
    return [e.label for e in app.expander if not e.label.startswith(("Filters", "How to do"))]


STEP = re.compile(r"^(\d+\\?\.|·) \**(.+?)\**(?:, you are here)?$")


def step(label: str) -> tuple[bool, int, str]:
    """A ladder step's place and name: '2. Bird dog, arm only', '· **Name**, you are here'."""
    found = STEP.match(label)
    assert found is not None, label
    number, name = found.groups()
    return number == "·", 0 if number == "·" else int(number.rstrip(".\\")), name


def versions(app: AppTest, family: str) -> list[str]:
    """The versions a family's ladder offers, easiest first (opening its fold)."""
    app.session_state[f"family_{family}"] = True
    app.run()
    members = {exercise.name for exercise in CATALOG.exercises if exercise.family_id == family}
    labels = [b.label for b in app.button if (b.key or "").startswith(f"version_{family}_")]
    labels += [m.value for m in app.markdown if m.value.endswith("you are here")]
    steps = sorted(step(label) for label in labels)
    return [name for *_place, name in steps if name in members] if labels else []


def card_names(app: AppTest) -> set[str]:
    """Every exercise listed: each family opened, its versions (or its one card) read."""
    for root in {exercise.family_id for exercise in CATALOG.exercises}:
        app.session_state[f"family_{root}"] = True
    app.run()
    assert not app.exception
    offered = {step(b.label)[2] for b in app.button if (b.key or "").startswith("version_")}
    return offered | {header.value for header in app.header}


def expected_folds(flt: ExerciseFilter) -> list[str]:
    return [versions_label(f) for f in families(CATALOG, tuple(filter_exercises(CATALOG, flt)))]


@TIMELESS
def test_the_list_is_one_fold_per_family_the_guides_six_first_with_every_exercise(
    open_exercises: OpenExercises,
) -> None:
    app = open_exercises()
    assert folds(app) == expected_folds(ExerciseFilter())
    assert folds(app)[:6] == [
        "Knee-to-chest stretch · 2 versions",
        "Standing hamstring stretch · 3 versions",
        "Lying gluteal (piriformis) stretch · 2 versions",
        "Clamshell · 3 versions",
        "Bird dog · 5 versions",
        "Low-impact aerobic activity · 3 versions",
    ]
    assert not app.get("image"), "a closed family draws nothing"
    assert len(card_names(app)) == EVERYONE


def multiselect(app: AppTest, label: str) -> Multiselect[Any]:
    return next(widget for widget in app.multiselect if widget.label == label)


@TIMELESS
def test_page_lists_every_exercise_under_the_stop_rule(open_exercises: OpenExercises) -> None:
    app = open_exercises()
    assert not app.exception
    assert app.title[0].value == "Exercises"
    rule = "Stop the exercise if your pain increases, and talk to a health professional."
    assert rule in app.markdown[0].value  # the source guide's own words
    assert f"**{EVERYONE} exercises in 12 families**" in [block.value for block in app.markdown]
    assert len(card_names(app)) == EVERYONE
    (safety,) = [
        link
        for link in app.get("page_link")
        if link.proto.label == "When to stop and when to get help"
    ]
    assert safety.proto.page == "safety"


@TIMELESS
@pytest.mark.parametrize(
    ("label", "field", "choice"),
    [
        ("Type", "kinds", Kind.AEROBIC),
        ("Target area", "target_areas", TargetArea.HAMSTRINGS),
        ("Position", "positions", Position.SEATED),
        ("Equipment", "equipment", Equipment.RESISTANCE_BAND),
        ("Level", "levels", Level.MODERATE),
    ],
)
def test_each_filter_narrows_the_cards_to_its_matches(
    open_exercises: OpenExercises, label: str, field: str, choice: object
) -> None:
    app = open_exercises()
    multiselect(app, label).select(choice).run()
    assert not app.exception
    flt = ExerciseFilter.model_validate({field: {choice}})
    assert folds(app) == expected_folds(flt)
    expected = filter_exercises(CATALOG, flt)
    assert card_names(app) == {exercise.name for exercise in expected}
    assert 0 < len(expected) < EVERYONE


@TIMELESS
def test_search_narrows_the_cards_to_matching_words(open_exercises: OpenExercises) -> None:
    app = open_exercises()
    app.text_input(key="ex_search").input("hamstring").run()
    assert not app.exception
    names = card_names(app)
    assert "Seated hamstring stretch" in names
    assert "Bird dog" not in names
    assert app.text_input[0].label == "Search"


def test_suits_me_today_with_leg_pain_8_shows_only_gentle_exercises_easier_first(
    open_exercises: OpenExercises, database_url: str
) -> None:
    save(database_url, leg_pain=8)
    app = open_exercises()
    app.toggle(key="ex_suits_today").set_value(True).run()
    assert not app.exception
    assert "your leg pain is 8/10" in app.info[0].value
    knee = versions(app, "knee-to-chest")
    assert knee.index("Single knee-to-chest with a towel") < knee.index("Knee-to-chest stretch")
    bird_dog = versions(app, "bird-dog")
    assert bird_dog.index("Bird dog, arm only") < bird_dog.index("Bird dog, leg only")
    names = card_names(app)
    by_name = {exercise.name: exercise for exercise in CATALOG.exercises}
    assert names
    assert all(by_name[name].level is Level.GENTLE for name in names)


def test_suits_me_today_before_any_check_in_says_so_and_shows_everything(
    open_exercises: OpenExercises,
) -> None:
    app = open_exercises(today="1")
    assert not app.exception
    assert app.toggle(key="ex_suits_today").value is True
    assert app.info[0].value == NOTHING_TO_GO_ON
    assert len(card_names(app)) == EVERYONE


@pytest.mark.parametrize("params", [{}, {"today": "1"}, {"exercise": "bird-dog"}])
def test_an_emergency_sign_shows_the_advice_and_no_exercises_at_all(
    open_exercises: OpenExercises, database_url: str, params: dict[str, str]
) -> None:
    save(database_url, leg_pain=3, red_flags=["bowel"])
    app = open_exercises(**params)
    assert not app.exception
    assert "Get help now" in app.error[0].value
    assert card_names(app) == set()
    assert not folds(app)
    assert not app.multiselect
    assert not app.get("image")


def test_an_empty_result_names_the_filter_to_loosen_and_clearing_brings_all_back(
    open_exercises: OpenExercises,
) -> None:
    app = open_exercises(kind="stretch", position="in_water")
    assert not app.exception
    assert card_names(app) == set()
    assert app.warning[0].value == "No exercises match. Try loosening Type or Position."
    next(button for button in app.button if button.label == "Clear filters").click().run()
    assert not app.exception
    assert len(card_names(app)) == EVERYONE
    assert app.query_params == {}


@TIMELESS
def test_query_parameters_fill_in_the_filters(open_exercises: OpenExercises) -> None:
    app = open_exercises(position="seated", level="gentle", q="stretch")
    assert not app.exception
    assert multiselect(app, "Position").value == [Position.SEATED]
    assert multiselect(app, "Level").value == [Level.GENTLE]
    assert app.text_input(key="ex_search").value == "stretch"
    assert "Seated hamstring stretch" in card_names(app)
    by_name = {exercise.name: exercise for exercise in CATALOG.exercises}
    assert all(by_name[name].position is Position.SEATED for name in card_names(app))


@TIMELESS
def test_changing_a_filter_writes_it_to_the_url(open_exercises: OpenExercises) -> None:
    app = open_exercises(position="seated")
    multiselect(app, "Equipment").select(Equipment.CHAIR).run()
    app.toggle(key="ex_suits_today").set_value(True).run()
    assert not app.exception
    assert app.query_params == {"position": "seated", "equipment": "chair", "today": "1"}
    multiselect(app, "Position").unselect(Position.SEATED).run()
    assert app.query_params == {"equipment": "chair", "today": "1"}


@TIMELESS
def test_one_exercise_by_url_shows_only_its_card_with_a_way_back(
    open_exercises: OpenExercises,
) -> None:
    app = open_exercises(exercise="bird-dog-arm-only", position="all_fours")
    assert not app.exception
    assert card_names(app) == {"Bird dog, arm only"}
    assert len(app.get("image")) == 1
    back = next(button for button in app.button if button.label == "All exercises")
    back.click().run()
    assert not app.exception
    assert app.query_params == {"position": "all_fours"}
    assert multiselect(app, "Position").value == [Position.ALL_FOURS]
    assert "Bird dog" in card_names(app)


@TIMELESS
def test_a_family_offers_its_versions_with_when_to_choose_each_and_opens_one_on_its_own(
    open_exercises: OpenExercises,
) -> None:
    app = open_exercises(q="bird dog")
    assert not app.exception
    assert folds(app) == ["Bird dog · 5 versions"]  # the one family found: open at once
    here = "4\\. **Bird dog**, you are here"  # the main exercise is the ladder's hardest step
    assert any(m.value.endswith(here) for m in app.markdown)
    assert any(
        caption.value.startswith("Choose this if the full bird dog makes you wobble")
        for caption in app.caption
    )
    app.button(key="version_bird-dog_bird-dog-leg-only").click().run()
    assert app.header[0].value == "Bird dog, leg only"
    app.button(key="own_page_bird-dog-leg-only").click().run()
    assert not app.exception
    assert card_names(app) == {"Bird dog, leg only"}
    assert app.query_params == {"q": "bird dog", "exercise": "bird-dog-leg-only"}


def test_filters_are_kept_after_visiting_another_page(open_exercises: OpenExercises) -> None:
    app = open_exercises()
    multiselect(app, "Position").select(Position.SEATED).run()
    app.switch_page("pages/today.py").run()
    app.query_params.clear()
    app.switch_page("pages/exercises.py").run()
    assert not app.exception
    assert multiselect(app, "Position").value == [Position.SEATED]
    assert folds(app) == expected_folds(ExerciseFilter(positions=frozenset({Position.SEATED})))
    assert app.expander[0].label == "Filters: Seated"


@TIMELESS
def test_a_card_has_dose_purpose_steps_cues_and_linked_sources(
    open_exercises: OpenExercises,
) -> None:
    app = open_exercises(exercise="knee-to-chest")
    assert not app.exception
    markdown = "\n".join(block.value for block in app.markdown)
    assert "**Hold 20-30 s, 3-5 times per side.**" in markdown
    assert "1. Lie on your back" in markdown
    assert "**Stop if**" in markdown
    assert "Gently stretches your lower back" in markdown
    captions = "\n".join(caption.value for caption in app.caption)
    assert "If you are pregnant" in captions
    assert "](https://health.harvard.edu" in captions  # a verified source, linked
    assert "*Exercises for sciatica problems*, NHS" in captions  # unverified: no link
    assert app.expander[0].label == "How to do it, and when to stop"


def test_under_seated_the_hamstring_family_shows_the_seated_stretch_by_name_and_picture(
    open_exercises: OpenExercises,
) -> None:
    app = open_exercises()
    multiselect(app, "Position").select(Position.SEATED).run()
    assert "Seated hamstring stretch" in folds(app)
    app.session_state["family_standing-hamstring-stretch"] = True
    app.run()
    assert not app.exception
    assert "Seated hamstring stretch" in [header.value for header in app.header]
    assert app.get("image")
