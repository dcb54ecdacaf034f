from datetime import date

import pytest

from sciatica.diary.triage import triage
from sciatica.exercises.catalog import load_catalog
from sciatica.plans.models import (
    ExerciseOutcome,
    LegResponse,
    RoutineInput,
    SessionInput,
    Weekday,
)
from sciatica.plans.progression import Colour, Step, classify, suggest_next_step
from sciatica.plans.routine import entry_item
from tests.factories import days_ago, today

CATALOG = load_catalog()
G, A, R = Colour.GREEN, Colour.AMBER, Colour.RED


def session(**overrides: object) -> SessionInput:
    data: dict[str, object] = {"day": today(), "pain_before": 3, "worst_during": 2, "pain_after": 2}
    data.update(overrides)
    return SessionInput.model_validate(data, context={"today": today()})


def plan(*exercise_ids: str) -> RoutineInput:
    items = tuple(entry_item(CATALOG.by_id[e]) for e in exercise_ids or ("knee-to-chest",))
    return RoutineInput(name="Mine", items=items, days=frozenset({Weekday.MON}), start_date=today())


@pytest.mark.parametrize(
    ("overrides", "next_morning", "median", "colour", "provisional"),
    [
        ({"worst_during": 3}, 3, 3.0, G, False),
        ({"worst_during": 3}, None, None, G, True),
        ({"worst_during": 4}, 3, 3.0, A, False),
        ({"worst_during": 5}, None, 3.0, A, True),
        ({"worst_during": 6}, 3, 3.0, R, False),
        ({"leg_response": LegResponse.DOWN}, None, None, R, False),
        ({"new_numbness_or_weakness": True}, None, None, R, False),
        ({"worst_during": 2}, 5, 3.0, R, False),  # not settled: 2+ above the 7-day median
        ({"worst_during": 2}, 4, 3.0, G, False),  # 1 above: settled
        ({"worst_during": 2, "pain_before": 3}, 5, None, R, False),  # no median: before pain
        ({"leg_response": LegResponse.UP}, 3, 3.0, G, False),  # centralising is fine
    ],
)
def test_sessions_are_classified_green_amber_or_red(
    overrides: dict[str, object],
    next_morning: int | None,
    median: float | None,
    colour: Colour,
    provisional: bool,
) -> None:
    result = classify(
        session(**overrides), next_morning_leg_pain=next_morning, recent_median=median
    )
    assert (result.colour, result.provisional) == (colour, provisional)


def suggest(
    colours: list[Colour],
    *,
    routine: RoutineInput | None = None,
    last: SessionInput | None = None,
    alert: bool = False,
    last_progress: date | None = None,
):
    return suggest_next_step(
        colours=colours,
        last_session=last or session(),
        routine=routine or plan(),
        catalog=CATALOG,
        alert=triage(ticked=["bowel"]) if alert else None,
        last_progress_day=last_progress,
        today=today(),
    )


@pytest.mark.parametrize(
    ("colours", "step"),
    [
        ([G, G], Step.PROGRESS),
        ([R, G, G], Step.PROGRESS),
        ([G], Step.KEEP),
        ([A, G], Step.KEEP),
        ([G, A], Step.KEEP),
        ([G, R], Step.REGRESS),
        ([R, R], Step.PAUSE),
        ([G, R, R], Step.PAUSE),
    ],
)
def test_the_next_step_follows_the_traffic_lights(colours: list[Colour], step: Step) -> None:
    suggestion = suggest(colours)
    assert suggestion is not None
    assert suggestion.step is step
    assert suggestion.sentence.endswith(".")


def test_an_active_warning_sign_stops_every_suggestion() -> None:
    suggestion = suggest([G, G], alert=True)
    assert suggestion is not None
    assert suggestion.step is Step.NO_SUGGESTIONS
    assert suggestion.routine_after is None


def test_no_sessions_no_suggestion() -> None:
    assert (
        suggest_next_step(
            colours=[],
            last_session=None,
            routine=plan(),
            catalog=CATALOG,
            alert=None,
            last_progress_day=None,
            today=today(),
        )
        is None
    )


def test_progress_is_one_variable_one_step() -> None:
    suggestion = suggest([G, G], routine=plan("knee-to-chest", "clamshell"))
    assert suggestion is not None
    assert suggestion.routine_after is not None
    before, after = plan("knee-to-chest", "clamshell").items, suggestion.routine_after.items
    changed = [(b, a) for b, a in zip(before, after, strict=True) if b != a]
    assert len(changed) == 1
    assert (changed[0][0].hold_seconds, changed[0][1].hold_seconds) == (20, 25)
    assert "25 seconds instead of 20" in suggestion.sentence


@pytest.mark.parametrize(("days", "step"), [(3, Step.KEEP), (6, Step.KEEP), (7, Step.PROGRESS)])
def test_at_most_one_step_up_a_week(days: int, step: Step) -> None:
    suggestion = suggest([G, G], last_progress=days_ago(days))
    assert suggestion is not None
    assert suggestion.step is step


def test_at_the_top_of_every_dose_progress_means_the_harder_variant() -> None:
    top = entry_item(CATALOG.by_id["seated-hamstring-stretch"]).model_copy(
        update={"hold_seconds": 30}
    )
    routine = plan("seated-hamstring-stretch").model_copy(update={"items": (top,)})
    suggestion = suggest([G, G], routine=routine)
    assert suggestion is not None
    assert suggestion.routine_after is not None
    assert suggestion.routine_after.items[0].exercise_id == "standing-hamstring-stretch"


def test_a_red_session_steps_the_exercise_that_hurt_back_to_its_easier_variant() -> None:
    hurt = session(leg_response=LegResponse.DOWN, outcomes={"clamshell": ExerciseOutcome.HURT})
    suggestion = suggest([R], routine=plan("knee-to-chest", "clamshell"), last=hurt)
    assert suggestion is not None
    assert suggestion.routine_after is not None
    assert [i.exercise_id for i in suggestion.routine_after.items] == [
        "knee-to-chest",
        "clamshell-small-range",
    ]
    assert (
        "easier Smaller-range clamshell" in suggestion.sentence or "easier" in suggestion.sentence
    )


def test_red_without_an_easier_variant_means_less_volume() -> None:
    bridge = entry_item(CATALOG.by_id["glute-bridge"]).model_copy(update={"sets": 3})
    routine = plan("glute-bridge").model_copy(update={"items": (bridge,)})
    suggestion = suggest([R], routine=routine)
    assert suggestion is not None
    assert suggestion.routine_after is not None
    assert suggestion.routine_after.items[0].sets == 2
    assert "do less" in suggestion.sentence


def test_less_volume_never_goes_below_the_safe_range() -> None:
    lowest = entry_item(CATALOG.by_id["pelvic-tilt"]).model_copy(update={"sets": 1})
    routine = plan("pelvic-tilt").model_copy(update={"items": (lowest,)})
    suggestion = suggest([R], routine=routine)
    assert suggestion is not None
    assert suggestion.step is Step.REGRESS
    assert suggestion.routine_after is None  # already at its lightest: advice, no change
    assert "stop any exercise that hurts" in suggestion.sentence


def test_while_the_plan_builds_up_two_greens_mean_keep_following_it() -> None:
    suggestion = suggest_next_step(
        colours=[G, G],
        last_session=session(),
        routine=plan(),
        catalog=CATALOG,
        alert=None,
        last_progress_day=None,
        today=today(),
        plan_building=True,
    )
    assert suggestion is not None
    assert suggestion.step is Step.KEEP
    assert suggestion.routine_after is None
    assert "builds up one small step each week" in suggestion.sentence
