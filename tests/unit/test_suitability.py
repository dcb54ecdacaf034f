"""About me: what suits the person, exercise by exercise (CLINICAL.md 7)."""

from datetime import date, timedelta

import pytest
from pydantic import ValidationError

from sciatica.diary.models import AboutMe
from sciatica.exercises.catalog import load_catalog
from sciatica.exercises.library import library_view
from sciatica.exercises.models import ExerciseFilter, Level, Position
from sciatica.exercises.suitability import safe_alternative, suits
from sciatica.plans.routine import TEMPLATE_NAMES, RoutineRejected, template

CATALOG = load_catalog()
LYING = {Position.LYING_ON_BACK, Position.LYING_ON_FRONT}
ON_BACK_OR_FRONT = {e.id for e in CATALOG.exercises if e.position in LYING}
HIP = {
    "knee-to-chest",
    "knee-to-chest-towel",
    "band-hamstring-stretch",
    "lying-piriformis-stretch",
    "seated-figure-four-stretch",
    "knee-rolls",
}
OSTEOPOROSIS = {"knee-to-chest", "knee-to-chest-towel", "cat-cow", "knee-rolls"}
MODERATE = {e.id for e in CATALOG.exercises if e.level is not Level.GENTLE}


def left_out(answers: AboutMe, today: date) -> set[str]:
    return {e.id for e in CATALOG.exercises if not suits(e, answers, today=today).suits}


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        (AboutMe(), set()),
        (AboutMe(pregnant=True), ON_BACK_OR_FRONT),  # stage unknown: the safer guess
        (AboutMe(hip_replacement=True), HIP),
        (AboutMe(osteoporosis=True), OSTEOPOROSIS),
        (AboutMe(back_surgery=True), MODERATE),
        (AboutMe(under_16=True), {e.id for e in CATALOG.exercises}),
        (AboutMe(had_cancer=True), set()),  # handled as a standing warning, not a filter
        (AboutMe(hip_replacement=True, osteoporosis=True), HIP | OSTEOPOROSIS),
    ],
)
def test_each_about_me_answer_leaves_out_exactly_what_does_not_suit(
    answers: AboutMe, expected: set[str], today: date
) -> None:
    assert left_out(answers, today) == expected


@pytest.mark.parametrize(("weeks_pregnant", "hidden"), [(8, False), (12, False), (13, True)])
def test_lying_on_the_back_is_left_out_from_the_end_of_the_first_trimester(
    weeks_pregnant: int, hidden: bool, today: date
) -> None:
    due = today + timedelta(weeks=40 - weeks_pregnant)
    answers = AboutMe(pregnant=True, due_date=due)
    assert (left_out(answers, today) == ON_BACK_OR_FRONT) is hidden
    assert answers.later_pregnancy(today=today) is hidden


def test_a_reason_is_given_for_what_does_not_suit(today: date) -> None:
    fit = suits(CATALOG.get("glute-bridge"), AboutMe(pregnant=True), today=today)
    assert fit.reason == (
        "Left out in pregnancy after about the first three months: it is done lying on your back."
    )


def test_with_a_hip_replacement_the_hamstring_lean_suits_with_a_caution(today: date) -> None:
    fit = suits(
        CATALOG.get("standing-hamstring-stretch"), AboutMe(hip_replacement=True), today=today
    )
    assert fit.suits
    assert "keep the hip bend under 90" in fit.reason


def test_suits_me_today_when_pregnant_lists_no_lying_on_your_back_exercise(today: date) -> None:
    view = library_view(
        CATALOG,
        ExerciseFilter(suits_today=True),
        latest=None,
        today=today,
        about_me=AboutMe(pregnant=True),
    )
    assert view.exercises
    assert not {e.position for e in view.exercises} & LYING
    assert view.left_out == len(ON_BACK_OR_FRONT)


def test_without_suits_me_today_the_library_lists_all_with_the_reason_on_each(today: date) -> None:
    view = library_view(
        CATALOG, ExerciseFilter(), latest=None, today=today, about_me=AboutMe(pregnant=True)
    )
    assert len(view.exercises) == len(CATALOG.exercises)
    assert set(view.cautions) == ON_BACK_OR_FRONT


@pytest.mark.parametrize("name", list(TEMPLATE_NAMES))
def test_when_pregnant_the_templates_offer_no_lying_on_your_back_exercise(
    name: str, today: date
) -> None:
    routine = template(name, catalog=CATALOG, start=today, about_me=AboutMe(pregnant=True))
    positions = {CATALOG.get(item.exercise_id).position for item in routine.items}
    assert not positions & LYING
    assert routine.items


def test_a_template_swaps_in_the_nearest_version_that_suits(today: date) -> None:
    routine = template(
        "Starter routine", catalog=CATALOG, start=today, about_me=AboutMe(pregnant=True)
    )
    ids = [item.exercise_id for item in routine.items]
    assert "seated-figure-four-stretch" in ids  # for the lying piriformis stretch
    assert "knee-to-chest" not in ids


@pytest.mark.parametrize("name", list(TEMPLATE_NAMES))
def test_under_16_no_template_is_offered(name: str, today: date) -> None:
    with pytest.raises(RoutineRejected, match="About me"):
        template(name, catalog=CATALOG, start=today, about_me=AboutMe(under_16=True))


def test_without_about_me_the_templates_are_unchanged(today: date) -> None:
    routine = template("Starter routine", catalog=CATALOG, start=today)
    assert [item.exercise_id for item in routine.items] == list(TEMPLATE_NAMES["Starter routine"])


def test_safe_alternative_is_none_when_no_version_suits(today: date) -> None:
    answers = AboutMe(pregnant=True)
    assert safe_alternative(CATALOG, "glute-bridge", answers, today=today) is None


@pytest.mark.parametrize(
    "answers",
    [{"due_date": "2030-01-01"}, {"cancer_assessed": True}],
)
def test_a_follow_up_answer_needs_its_question(answers: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        AboutMe.model_validate(answers)
