"""The exercise library's rules: red flags pause it, 'suits me today', empty results, pictures."""

from __future__ import annotations

from datetime import date

import pytest

from sciatica.diary.models import TriageLevel
from sciatica.diary.triage import triage
from sciatica.exercises.catalog import load_catalog
from sciatica.exercises.figures import exercise_figure_svg
from sciatica.exercises.filters import filter_summary
from sciatica.exercises.library import (
    NO_CHANGE_TODAY,
    NOTHING_TO_GO_ON,
    exercise_figure,
    families,
    library_view,
    loosen_hint,
    match_count,
    versions_label,
)
from sciatica.exercises.models import ExerciseFilter, Kind, Level, Position
from tests.factories import days_ago, make_check_in

CATALOG = load_catalog()
EVERYONE = len(CATALOG.exercises)
SUITS_TODAY = ExerciseFilter(suits_today=True)


@pytest.mark.parametrize(
    ("flags", "level"),
    [
        (["bowel"], TriageLevel.EMERGENCY),
        (["injury"], TriageLevel.URGENT),
        (["night_pain"], TriageLevel.SOON),
    ],
)
@pytest.mark.parametrize("flt", [ExerciseFilter(), SUITS_TODAY])
def test_a_standing_warning_sign_pauses_every_exercise(
    flags: list[str], level: TriageLevel, flt: ExerciseFilter
) -> None:
    latest = make_check_in(red_flags=flags)
    view = library_view(CATALOG, flt, latest=latest, standing=triage(ticked=flags))
    assert view.alert is not None
    assert view.alert.level is level
    assert view.exercises == ()


def test_a_sign_seen_about_no_longer_pauses_exercise_whatever_the_latest_check_in() -> None:
    # The latest check-in still carries the sign, but it no longer stands (CLINICAL.md 10).
    view = library_view(CATALOG, ExerciseFilter(), latest=make_check_in(red_flags=["injury"]))
    assert view.alert is None
    assert len(view.exercises) == EVERYONE


def test_a_sign_that_alone_is_not_urgent_does_not_pause_exercise() -> None:
    view = library_view(CATALOG, ExerciseFilter(), latest=make_check_in(red_flags=[]))
    assert view.alert is None
    assert len(view.exercises) == EVERYONE


def test_suits_me_today_before_any_check_in_says_so_and_shows_everything() -> None:
    view = library_view(CATALOG, SUITS_TODAY, latest=None)
    assert view.today_note == NOTHING_TO_GO_ON
    assert len(view.exercises) == EVERYONE


@pytest.mark.parametrize(
    "overrides", [{"leg_pain": 7}, {"leg_pain": 2, "extent": "below_knee"}, {"extent": "foot"}]
)
def test_high_leg_pain_or_far_symptoms_show_gentle_exercises_easier_first(
    overrides: dict[str, object],
) -> None:
    view = library_view(CATALOG, SUITS_TODAY, latest=make_check_in(**overrides))
    assert view.today_note is not None
    assert view.today_note.startswith("Because your")
    assert view.exercises
    assert all(exercise.level is Level.GENTLE for exercise in view.exercises)
    ids = [exercise.id for exercise in view.exercises]
    assert ids.index("knee-to-chest-towel") < ids.index("knee-to-chest")


def test_without_the_toggle_a_bad_day_changes_nothing() -> None:
    view = library_view(CATALOG, ExerciseFilter(), latest=make_check_in(leg_pain=9))
    assert view.today_note is None
    assert len(view.exercises) == EVERYONE
    assert view.exercises[0].id == "knee-to-chest"  # the main exercise leads its family


def test_a_calm_day_says_nothing_needs_changing() -> None:
    view = library_view(CATALOG, SUITS_TODAY, latest=make_check_in(leg_pain=3, extent="thigh"))
    assert view.today_note == NO_CHANGE_TODAY
    assert len(view.exercises) == EVERYONE


def test_an_empty_result_says_which_filters_to_loosen() -> None:
    flt = ExerciseFilter(kinds=frozenset({Kind.STRETCH}), positions=frozenset({Position.IN_WATER}))
    view = library_view(CATALOG, flt, latest=None)
    assert view.exercises == ()
    assert view.loosen == ("Type", "Position")


@pytest.mark.parametrize(
    ("count", "groups", "text"),
    [
        (1, 1, "1 exercise in 1 family"),
        (3, 1, "3 exercises in 1 family"),
        (25, 12, "25 exercises in 12 families"),
    ],
)
def test_match_count_reads_naturally(count: int, groups: int, text: str) -> None:
    assert match_count(count, families=groups) == text


def test_the_whole_library_is_twelve_families_the_guides_six_first() -> None:
    listed = families(CATALOG, library_view(CATALOG, ExerciseFilter(), latest=None).exercises)
    assert [family.root.id for family in listed[:6]] == [
        "knee-to-chest",
        "standing-hamstring-stretch",
        "lying-piriformis-stretch",
        "clamshell",
        "bird-dog",
        "low-impact-aerobic",
    ]
    assert sum(len(family.versions) for family in listed) == len(CATALOG.exercises)
    bird_dog = listed[4]
    assert bird_dog.versions[0].id == "bird-dog"  # the main version first
    assert versions_label(bird_dog) == "Bird dog · 5 versions"


def test_a_filter_keeps_a_family_with_only_its_matching_versions() -> None:
    flt = ExerciseFilter(positions=frozenset({Position.SEATED}))
    listed = families(CATALOG, library_view(CATALOG, flt, latest=None).exercises)
    hamstring = next(f for f in listed if f.root.id == "standing-hamstring-stretch")
    assert [version.id for version in hamstring.versions] == ["seated-hamstring-stretch"]
    assert versions_label(hamstring) == "Seated hamstring stretch"  # named by what matched


@pytest.mark.parametrize(
    ("names", "text"),
    [
        ((), "No exercises match."),
        (("Position",), "No exercises match. Try loosening Position."),
        (("Type", "Position"), "No exercises match. Try loosening Type or Position."),
        (("Search", "Type", "Level"), "No exercises match. Try loosening Search, Type or Level."),
    ],
)
def test_loosen_hint_names_the_filters(names: tuple[str, ...], text: str) -> None:
    assert loosen_hint(names) == text


def test_an_exercise_picture_is_drawn_once_and_matches_the_renderer() -> None:
    exercise = CATALOG.get("bird-dog")
    first = exercise_figure("bird-dog")
    assert first == exercise_figure_svg(exercise)
    assert exercise_figure("bird-dog") is first


def test_an_older_check_in_says_which_day_it_goes_by(today: date) -> None:
    latest = make_check_in(day=days_ago(1), leg_pain=8)
    view = library_view(CATALOG, ExerciseFilter(suits_today=True), latest=latest, today=today)
    assert view.today_note is not None
    assert view.today_note.endswith(
        "This goes by your check-in from yesterday; check in today for a closer fit."
    )
    same_day = library_view(
        CATALOG,
        ExerciseFilter(suits_today=True),
        latest=make_check_in(leg_pain=8),
        today=today,
    )
    assert same_day.today_note is not None
    assert "goes by your check-in" not in same_day.today_note


def test_the_filters_fold_names_what_is_on_but_never_quotes_the_search() -> None:
    assert filter_summary(ExerciseFilter()) == "Filters"
    flt = ExerciseFilter(
        search="**bold** [link](x)", positions=frozenset({Position.SEATED}), suits_today=True
    )
    assert filter_summary(flt) == "Filters: search, Seated, suits me today"


@pytest.mark.parametrize(
    ("leg_pain", "extent", "cautioned"),
    [
        pytest.param(8, "thigh", True, id="leg pain 8: nerve-tension versions carry a caution"),
        pytest.param(3, "foot", True, id="symptoms in the foot: the same"),
        pytest.param(3, "thigh", False, id="a calmer day: no caution"),
    ],
)
def test_a_nerve_tension_version_is_not_gentle_on_a_day_of_high_leg_pain(
    leg_pain: int, extent: str, cautioned: bool
) -> None:
    view = library_view(
        CATALOG, ExerciseFilter(), latest=make_check_in(leg_pain=leg_pain, extent=extent)
    )
    for exercise_id in ("seated-hamstring-stretch", "standing-hamstring-stretch"):
        assert ("Not for today" in view.cautions.get(exercise_id, "")) is cautioned
    assert "band-hamstring-stretch" not in view.cautions
