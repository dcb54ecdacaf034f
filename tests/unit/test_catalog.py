"""The exercise catalogue: content checks, loud load errors, filters, ladders and today's rule."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from sciatica.content import Source, sources
from sciatica.diary.safety import cited_sources
from sciatica.exercises.catalog import (
    DEFAULT_CATALOG,
    CatalogError,
    comfort_options,
    easier_variant,
    family,
    harder_variant,
    load_catalog,
)
from sciatica.exercises.filters import (
    filter_exercises,
    filter_from_query_params,
    filter_to_query_params,
    suggest_loosening,
    today_adjustment,
)
from sciatica.exercises.models import (
    Catalog,
    Equipment,
    Exercise,
    ExerciseFilter,
    IntRange,
    Kind,
    Level,
    Position,
    TargetArea,
)
from sciatica.exercises.poses import Pose

# Nothing here depends on the date: the awkward-moment runs leave it out.
pytestmark = pytest.mark.timeless

FIXTURES = Path(__file__).parent / "fixtures"
# CLINICAL.md section 6: the sources the guide names, and NICE. Each exercise names one of them.
CLINICAL_SOURCES = {
    "nhs-exercises",
    "nhs-sciatica",
    "harvard-health",
    "ncbi-bookshelf",
    "hss",
    "aafp",
    "mayo-clinic",
    "oahct",
    "nice-ng59",
    "nice-cks",
}
# Further pages of the same publishers (Mayo Clinic, NICE), and pages that describe an exercise
# none of the named ones could be confirmed for; each is verified and says what it describes.
DESCRIBING_SOURCES = {
    "mayo-back-exercises",
    "mayo-bridge",
    "mayo-bird-dog",
    "nice-ng59-public",
    "msd-clamshell",
    "plaza-manzano-2020",
}
# A source the guide named but whose page could not be found: listed, never the evidence.
NAMED_ONLY = "oahct"
# Guidance on exercise and activity in general, not a description of any one exercise.
GENERAL_ONLY = {"nice-ng59"}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def make_filter(**overrides: object) -> ExerciseFilter:
    return ExerciseFilter.model_validate(overrides)


def ids(exercises: Iterable[Exercise]) -> list[str]:
    return [exercise.id for exercise in exercises]


# --- the shipped catalogue ------------------------------------------------------------------


def test_shipped_catalogue_loads_once_and_is_cached() -> None:
    assert load_catalog() is load_catalog()
    assert len(load_catalog().exercises) >= 12


def test_default_path_is_data_exercises_yaml() -> None:
    repo_root = Path(__file__).resolve().parents[2]
    assert repo_root / "data" / "exercises.yaml" == DEFAULT_CATALOG


def test_exercise_ids_are_unique(catalog: Catalog) -> None:
    all_ids = ids(catalog.exercises)
    assert len(all_ids) == len(set(all_ids))


def test_every_parent_source_and_pose_link_resolves(catalog: Catalog) -> None:
    for exercise in catalog.exercises:
        if exercise.parent is not None:
            assert catalog.get(exercise.parent).parent is None, exercise.id
        assert set(exercise.sources) <= set(catalog.sources_by_id), exercise.id
        assert isinstance(exercise.illustration.start, Pose)
        assert isinstance(exercise.illustration.end, Pose)


def test_every_source_is_one_named_in_the_clinical_brief(catalog: Catalog) -> None:
    assert set(catalog.sources_by_id) <= CLINICAL_SOURCES | DESCRIBING_SOURCES
    for source_id in DESCRIBING_SOURCES:
        source = catalog.sources_by_id[source_id]
        assert source.verified, source_id
        assert source.describes, source_id
    for source in catalog.sources:
        assert source.url is None or str(source.url).startswith("https://")
        assert source.title
        assert source.publisher


def test_every_exercise_cites_at_least_one_verified_source(catalog: Catalog) -> None:
    for exercise in catalog.exercises:
        cited = [catalog.sources_by_id[source_id] for source_id in exercise.sources]
        assert any(source.verified for source in cited), exercise.id


def describing(catalog: Catalog, exercise: Exercise) -> list[str]:
    """The verified sources an exercise cites that describe it (its family) or its kind."""
    return [
        source_id
        for source_id in exercise.sources
        if (source := catalog.sources_by_id[source_id]).verified
        and {exercise.family_id, exercise.kind.value} & set(source.describes)
    ]


def test_every_exercise_cites_a_verified_page_that_describes_it_or_its_kind(
    catalog: Catalog,
) -> None:
    undescribed = [e.id for e in catalog.exercises if not describing(catalog, e)]
    assert not undescribed


def test_every_exercise_names_a_source_of_the_clinical_brief(catalog: Catalog) -> None:
    for exercise in catalog.exercises:
        assert set(exercise.sources) & CLINICAL_SOURCES, exercise.id


def test_the_guides_oahct_is_never_the_evidence_for_an_exercise(catalog: Catalog) -> None:
    assert not [e.id for e in catalog.exercises if NAMED_ONLY in e.sources]


def test_oahct_stays_listed_as_a_source_the_guide_named() -> None:
    named = sources()[NAMED_ONLY]
    assert not named.verified
    assert named.supports is not None
    assert "guide" in named.supports
    assert NAMED_ONLY in {source.id for source in cited_sources()}  # on the Safety page


def test_nice_ng59_backs_only_general_claims_never_a_specific_exercise(catalog: Catalog) -> None:
    # An exercise programme and staying active: walking and low-impact aerobic activity.
    for exercise in catalog.exercises:
        if GENERAL_ONLY & set(exercise.sources):
            assert exercise.kind is Kind.AEROBIC, exercise.id


def test_a_source_says_what_it_describes_only_once_verified() -> None:
    with pytest.raises(ValidationError, match="only a verified source can say what it describes"):
        Source(
            id="x",
            title="A page",
            publisher="Someone",
            checked="Not found anywhere.",
            describes=("stretch",),
        )


@pytest.mark.parametrize(
    ("exercise_id", "hold", "reps", "per_side", "minutes"),
    [
        ("knee-to-chest", (20, 30), (3, 5), True, None),
        ("standing-hamstring-stretch", (20, 30), (3, 3), True, None),
        ("lying-piriformis-stretch", (20, 30), (3, 3), True, None),
        ("clamshell", None, (10, 15), True, None),
        ("bird-dog", (3, 5), (10, 10), True, None),  # "holding a few seconds"
        ("low-impact-aerobic", None, None, False, (20, 30)),
    ],
)
def test_guide_exercise_has_the_guide_dose(
    catalog: Catalog,
    exercise_id: str,
    hold: tuple[int, int] | None,
    reps: tuple[int, int] | None,
    per_side: bool,
    minutes: tuple[int, int] | None,
) -> None:
    dose = catalog.get(exercise_id).dose

    def pair(value: IntRange | None) -> tuple[int, int] | None:
        return None if value is None else (value.min, value.max)

    assert (pair(dose.hold_seconds), pair(dose.reps), dose.per_side) == (hold, reps, per_side)
    assert pair(dose.minutes) == minutes


def test_guide_aerobic_activity_is_daily(catalog: Catalog) -> None:
    assert catalog.get("low-impact-aerobic").dose.describe() == "20-30 minutes, daily"


@pytest.mark.parametrize(
    ("exercise_id", "parent"),
    [
        ("seated-hamstring-stretch", "standing-hamstring-stretch"),
        ("band-hamstring-stretch", "standing-hamstring-stretch"),
        ("bird-dog-arm-only", "bird-dog"),
        ("bird-dog-leg-only", "bird-dog"),
        ("bird-dog-soft-mat", "bird-dog"),
        ("bird-dog-reduced-range", "bird-dog"),
        ("knee-to-chest-towel", "knee-to-chest"),
        ("seated-figure-four-stretch", "lying-piriformis-stretch"),
        ("clamshell-small-range", "clamshell"),
        ("clamshell-band", "clamshell"),
        ("short-walks", "low-impact-aerobic"),
        ("pool-walking", "low-impact-aerobic"),
    ],
)
def test_named_modification_exists_with_its_parent(
    catalog: Catalog, exercise_id: str, parent: str
) -> None:
    modification = catalog.get(exercise_id)
    assert modification.parent == parent
    assert modification.choose_if is not None
    assert modification.choose_if.startswith("Choose this if")


@pytest.mark.parametrize(
    "exercise_id",
    ["sciatic-nerve-glide", "pelvic-tilt", "glute-bridge", "cat-cow", "prone-press-up"],
)
def test_further_well_established_exercise_is_present_with_a_source(
    catalog: Catalog, exercise_id: str
) -> None:
    assert catalog.get(exercise_id).sources


def test_every_entry_says_stop_if_pain_increases_or_spreads_down_the_leg(
    catalog: Catalog,
) -> None:
    for exercise in catalog.exercises:
        cues = " ".join(exercise.stop_if).lower()
        assert "increases your pain" in cues, exercise.id
        assert "do not push through pain" in cues, exercise.id
        assert "further down your leg" in cues, exercise.id


def test_exercises_lying_on_the_back_or_front_carry_a_pregnancy_note(catalog: Catalog) -> None:
    lying = {Position.LYING_ON_BACK, Position.LYING_ON_FRONT}
    for exercise in catalog.exercises:
        if exercise.position in lying:
            assert exercise.pregnancy_note is not None, exercise.id
            assert "midwife or doctor" in exercise.pregnancy_note


def test_wording_never_promises_a_cure(catalog: Catalog) -> None:
    for exercise in catalog.exercises:
        text = " ".join((exercise.purpose, *exercise.steps, *exercise.form_cues)).lower()
        for promise in ("cure", "guarantee", "will fix", "permanently"):
            assert promise not in text, (exercise.id, promise)


def test_dose_reads_in_plain_words(catalog: Catalog) -> None:
    assert catalog.get("knee-to-chest").dose.describe() == "Hold 20-30 s, 3-5 times per side"


# --- loud failures on broken files -----------------------------------------------------------


def test_minimal_fixture_is_valid_so_each_broken_one_fails_for_its_own_reason() -> None:
    assert ids(load_catalog(FIXTURES / "valid_minimal.yaml").exercises) == [
        "knee-to-chest",
        "knee-to-chest-towel",
    ]


@pytest.mark.parametrize(
    ("fixture", "entry", "field"),
    [
        ("unknown_field", "knee-to-chest", "dose.hold_secs"),
        ("bad_kind", "knee-to-chest", "kind"),
        ("dangling_parent", "knee-to-chest-towel", "parent"),
        ("dangling_source", "knee-to-chest", "sources"),
        ("min_above_max", "knee-to-chest", "dose.hold_seconds"),
        ("duplicate_id", "knee-to-chest", "id"),
        ("nested_modification", "knee-to-chest-strap", "parent"),
        ("duplicate_ladder", "knee-to-chest-towel", "ladder"),
        ("unknown_pose", "knee-to-chest", "illustration.start"),
        ("stretch_without_hold", "knee-to-chest", "dose"),
        ("modification_without_choice", "knee-to-chest-towel", "choose_if"),
    ],
)
def test_broken_catalogue_fails_naming_file_entry_and_field(
    fixture: str, entry: str, field: str
) -> None:
    with pytest.raises(CatalogError) as raised:
        load_catalog(FIXTURES / f"{fixture}.yaml")
    message = str(raised.value)
    assert f"{fixture}.yaml" in message
    assert f"entry '{entry}', field '{field}'" in message


def test_unreadable_catalogue_fails_with_a_catalog_error(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match=r"missing\.yaml"):
        load_catalog(tmp_path / "missing.yaml")


def test_catalogue_with_wrong_top_level_keys_fails(tmp_path: Path) -> None:
    path = tmp_path / "odd.yaml"
    path.write_text("exercises: []\nextras: []\n", encoding="utf-8")
    with pytest.raises(CatalogError, match="top-level keys"):
        load_catalog(path)


# --- ladders ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("exercise_id", "expected_family"),
    [
        (
            "seated-hamstring-stretch",
            ["band-hamstring-stretch", "seated-hamstring-stretch", "standing-hamstring-stretch"],
        ),
        ("clamshell", ["clamshell-small-range", "clamshell", "clamshell-band"]),
        (
            "bird-dog",
            # The guide's reduced-range version first; a softer surface is no ladder step.
            ["bird-dog-reduced-range", "bird-dog-arm-only", "bird-dog-leg-only", "bird-dog"],
        ),
        ("low-impact-aerobic", ["short-walks", "pool-walking", "low-impact-aerobic"]),
        ("cat-cow", ["cat-cow"]),
    ],
)
def test_family_is_ordered_easier_to_harder(
    catalog: Catalog, exercise_id: str, expected_family: list[str]
) -> None:
    assert ids(family(catalog, exercise_id=exercise_id)) == expected_family


@pytest.mark.parametrize(
    ("exercise_id", "easier", "harder"),
    [
        ("seated-hamstring-stretch", "band-hamstring-stretch", "standing-hamstring-stretch"),
        ("standing-hamstring-stretch", "seated-hamstring-stretch", None),
        ("bird-dog-reduced-range", None, "bird-dog-arm-only"),
        ("bird-dog-arm-only", "bird-dog-reduced-range", "bird-dog-leg-only"),
        ("bird-dog", "bird-dog-leg-only", None),
        ("bird-dog-soft-mat", "bird-dog-leg-only", None),  # steps as the bird dog does
        ("knee-to-chest", "knee-to-chest-towel", None),
        ("lying-piriformis-stretch", "seated-figure-four-stretch", None),
        ("clamshell", "clamshell-small-range", "clamshell-band"),
        ("prone-on-elbows", None, "prone-press-up"),
        ("glute-bridge", None, None),
    ],
)
def test_easier_and_harder_variants_are_ladder_neighbours(
    catalog: Catalog, exercise_id: str, easier: str | None, harder: str | None
) -> None:
    found_easier = easier_variant(catalog, exercise_id=exercise_id)
    found_harder = harder_variant(catalog, exercise_id=exercise_id)
    assert (found_easier and found_easier.id, found_harder and found_harder.id) == (easier, harder)


# --- filtering -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"kinds": {Kind.AEROBIC}}, {"low-impact-aerobic", "short-walks", "pool-walking"}),
        ({"kinds": {Kind.NERVE_MOBILITY}}, {"sciatic-nerve-glide"}),
        (
            {"target_areas": {TargetArea.HAMSTRINGS}},
            {
                "standing-hamstring-stretch",
                "band-hamstring-stretch",
                "seated-hamstring-stretch",
                "sciatic-nerve-glide",
            },
        ),
        ({"positions": {Position.IN_WATER}}, {"pool-walking"}),
        ({"positions": {Position.LYING_ON_FRONT}}, {"prone-press-up", "prone-on-elbows"}),
        ({"equipment": {Equipment.TOWEL}}, {"knee-to-chest-towel", "band-hamstring-stretch"}),
        ({"equipment": {Equipment.ELLIPTICAL}}, {"low-impact-aerobic"}),
        (
            {"kinds": {Kind.STRETCH}, "positions": {Position.SEATED}},
            {"seated-hamstring-stretch", "seated-figure-four-stretch"},
        ),
        (
            {"levels": {Level.MODERATE}, "kinds": {Kind.STRENGTHENING}},
            {"clamshell-band", "bird-dog", "bird-dog-soft-mat", "glute-bridge"},
        ),
        ({"search": "clam"}, {"clamshell", "clamshell-small-range", "clamshell-band"}),
        ({"search": "  PIRIFORMIS  "}, {"lying-piriformis-stretch", "seated-figure-four-stretch"}),
        ({"search": "towel knee"}, {"knee-to-chest-towel", "band-hamstring-stretch"}),
        ({"search": "spinal stenosis"}, set()),  # stop_if text is not searched
    ],
)
def test_filter_keeps_exactly_the_matching_exercises(
    catalog: Catalog, overrides: dict[str, object], expected: set[str]
) -> None:
    assert set(ids(filter_exercises(catalog, make_filter(**overrides)))) == expected


def test_empty_filter_lists_everything_with_main_exercise_before_its_variants(
    catalog: Catalog,
) -> None:
    listed = ids(filter_exercises(catalog, ExerciseFilter()))
    assert sorted(listed) == sorted(ids(catalog.exercises))
    assert listed[:2] == ["knee-to-chest", "knee-to-chest-towel"]
    assert listed.index("clamshell") < listed.index("clamshell-small-range")


def test_easier_first_lists_each_family_from_easiest(catalog: Catalog) -> None:
    listed = ids(filter_exercises(catalog, make_filter(search="clam"), easier_first=True))
    assert listed == ["clamshell-small-range", "clamshell", "clamshell-band"]


def test_gentle_only_keeps_only_gentle_exercises(catalog: Catalog) -> None:
    gentle = filter_exercises(catalog, ExerciseFilter(), gentle_only=True)
    assert all(exercise.level is Level.GENTLE for exercise in gentle)
    assert "bird-dog-arm-only" in ids(gentle)
    assert "bird-dog" not in ids(gentle)


@given(st.text(max_size=300))
def test_search_is_safe_for_any_text(text: str) -> None:
    catalog = load_catalog()
    found = filter_exercises(catalog, make_filter(search=text))
    assert set(ids(found)) <= set(ids(catalog.exercises))


@given(st.sampled_from(load_catalog().exercises), st.sampled_from([str.upper, str.lower]))
def test_search_finds_an_exercise_by_its_name_in_any_case(
    exercise: Exercise, change_case: Callable[[str], str]
) -> None:
    found = filter_exercises(load_catalog(), make_filter(search=f"  {change_case(exercise.name)} "))
    assert exercise.id in ids(found)


@pytest.mark.parametrize(
    ("overrides", "gentle_only", "suggestions"),
    [
        ({"kinds": {Kind.STRETCH}, "positions": {Position.IN_WATER}}, False, ["Type", "Position"]),
        ({"search": "zzz", "kinds": {Kind.STRETCH}}, False, ["Search"]),
        ({"levels": {Level.MODERATE}}, True, ["Level", "Suits me today"]),
        (
            {"search": "zzz", "positions": {Position.IN_WATER}, "kinds": {Kind.STRETCH}},
            False,
            ["Search", "Type", "Position"],
        ),
        ({"kinds": {Kind.STRETCH}}, False, []),
    ],
)
def test_empty_result_suggests_which_filter_to_loosen(
    catalog: Catalog, overrides: dict[str, object], gentle_only: bool, suggestions: list[str]
) -> None:
    flt = make_filter(**overrides)
    assert suggest_loosening(catalog, flt, gentle_only=gentle_only) == suggestions


# --- query parameters ------------------------------------------------------------------------

filters = st.builds(
    ExerciseFilter,
    search=st.text(max_size=250),
    kinds=st.frozensets(st.sampled_from(Kind)),
    target_areas=st.frozensets(st.sampled_from(TargetArea)),
    positions=st.frozensets(st.sampled_from(Position)),
    equipment=st.frozensets(st.sampled_from(Equipment)),
    levels=st.frozensets(st.sampled_from(Level)),
    suits_today=st.booleans(),
)


@given(filters)
def test_filter_survives_a_round_trip_through_query_params(flt: ExerciseFilter) -> None:
    assert filter_from_query_params(filter_to_query_params(flt)) == flt


@given(
    st.dictionaries(
        st.text(max_size=12),
        st.one_of(st.text(), st.lists(st.text()), st.integers(), st.none()),
    )
)
def test_garbage_query_params_never_raise(params: dict[str, object]) -> None:
    assert isinstance(filter_from_query_params(params), ExerciseFilter)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": ["stretch", "yoga"]}, make_filter(kinds={Kind.STRETCH})),
        ({"level": "gentle", "colour": ["blue"]}, make_filter(levels={Level.GENTLE})),
        (
            {"today": ["true"], "q": ["  bird   dog "]},
            make_filter(suits_today=True, search="bird dog"),
        ),
        ({"today": ["no"], "position": [3, None]}, ExerciseFilter()),
    ],
)
def test_query_params_keep_known_values_and_ignore_the_rest(
    params: dict[str, object], expected: ExerciseFilter
) -> None:
    assert filter_from_query_params(params) == expected


def test_empty_filter_has_no_query_params() -> None:
    assert filter_to_query_params(ExerciseFilter()) == {}


# --- "suits me today" ------------------------------------------------------------------------


class LegExtent(StrEnum):
    """Stands in for the check-in's enum, to show enum members work as well as strings."""

    FOOT = "foot"
    THIGH = "thigh"


@pytest.mark.parametrize(
    ("leg_pain", "extent", "adjusted"),
    [
        (None, None, False),
        (0, "none", False),
        (6, "thigh", False),
        (7, None, True),
        (10, "buttock", True),
        (3, "below_knee", True),
        (2, "foot", True),
        (None, LegExtent.FOOT, True),
        (6, LegExtent.THIGH, False),
    ],
)
def test_today_shows_gentle_exercises_easier_first_when_leg_pain_is_high_or_reaches_far(
    leg_pain: int | None, extent: str | None, adjusted: bool
) -> None:
    adjustment = today_adjustment(leg_pain=leg_pain, extent=extent)
    assert (adjustment.gentle_only, adjustment.easier_first) == (adjusted, adjusted)
    assert (adjustment.reason is not None) == adjusted


def test_today_reason_says_why_in_one_calm_sentence() -> None:
    reason = today_adjustment(leg_pain=8, extent="below_knee").reason
    assert reason == (
        "Because your leg pain is 8/10 and your symptoms reach below the knee today, "
        "only gentle exercises are shown, easier versions first, and none with a straight leg "
        "or a slump, which can strain the nerve."
    )


@pytest.mark.parametrize(
    ("exercise_id", "listed"),
    [
        pytest.param("seated-hamstring-stretch", False, id="a slump is not gentle on such days"),
        pytest.param("standing-hamstring-stretch", False, id="a straight leg is left out"),
        pytest.param("sciatic-nerve-glide", False, id="the nerve glide waits for a calmer day"),
        pytest.param("band-hamstring-stretch", True, id="knee bent, ankle relaxed: listed"),
        pytest.param("clamshell-small-range", True, id="gentle and nerve-friendly: listed"),
    ],
)
def test_suits_me_today_leaves_out_nerve_tension_when_leg_pain_is_high(
    catalog: Catalog, exercise_id: str, listed: bool
) -> None:
    adjustment = today_adjustment(leg_pain=8, extent="foot")
    found = ids(filter_exercises(catalog, make_filter(), gentle_only=adjustment.gentle_only))
    assert (exercise_id in found) is listed


def test_searching_reduced_finds_the_reduced_range_bird_dog(catalog: Catalog) -> None:
    found = ids(filter_exercises(catalog, make_filter(search="reduced")))
    assert "bird-dog-reduced-range" in found
    assert catalog.get("bird-dog-reduced-range").name == "Reduced-range bird dog"


def test_a_softer_surface_is_a_comfort_option_not_a_ladder_step(catalog: Catalog) -> None:
    soft = catalog.get("bird-dog-soft-mat")
    assert soft.comfort_option
    assert soft not in family(catalog, exercise_id="bird-dog")
    assert comfort_options(catalog, exercise_id="bird-dog") == [soft]
    assert any("softer" in cue or "thick mat" in cue for cue in catalog.get("bird-dog").form_cues)


def test_the_easiest_hamstring_version_keeps_the_knee_bent_and_the_ankle_relaxed(
    catalog: Catalog,
) -> None:
    easiest = family(catalog, exercise_id="standing-hamstring-stretch")[0]
    steps = " ".join(easiest.steps)
    assert "knee bent" in steps
    assert "ankle relaxed" in steps


@pytest.mark.parametrize(
    "exercise_id",
    ["band-hamstring-stretch", "seated-hamstring-stretch", "standing-hamstring-stretch"],
)
def test_no_hamstring_version_pulls_the_toes_up_and_each_names_the_nerve(
    catalog: Catalog, exercise_id: str
) -> None:
    exercise = catalog.get(exercise_id)
    assert "toes pointing up" not in " ".join(exercise.steps)
    assert any("that is the nerve, not the muscle" in cue for cue in exercise.form_cues)


def test_when_leg_pain_is_high_the_first_hamstring_listed_keeps_the_knee_bent(
    catalog: Catalog,
) -> None:
    listed = filter_exercises(
        catalog, make_filter(search="thigh"), gentle_only=True, easier_first=True
    )
    hamstrings = [e for e in listed if e.family_id == "standing-hamstring-stretch"]
    assert hamstrings[0].id == "band-hamstring-stretch"
    assert "knee bent" in hamstrings[0].name


def test_every_exercise_has_a_pregnancy_note(catalog: Catalog) -> None:
    assert all(exercise.pregnancy_note for exercise in catalog.exercises)


def test_every_stop_list_leads_with_the_guides_own_rule(catalog: Catalog) -> None:
    rule = "Stop the exercise if your pain increases, and talk to a health professional"
    assert all(rule in exercise.stop_if[0] for exercise in catalog.exercises)
