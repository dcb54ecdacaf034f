"""Today's session eased, About me's cautions and the routine's swaps (CLINICAL.md 4, 7 and 8).

Each row names the rule it proves.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from sciatica.diary.models import AboutMe
from sciatica.exercises.catalog import load_catalog
from sciatica.plans.doses import anything
from sciatica.plans.easing import about_me_allows, cautions, eased, eased_reason
from sciatica.plans.models import RoutineItem
from sciatica.plans.routine import PlannedSession, entry_item
from sciatica.plans.swaps import about_me_swaps, picker_choices
from sciatica.plans.today import PlanStatus, plan_for_day
from tests.factories import make_routine, today

CATALOG = load_catalog()
PREGNANT = AboutMe(pregnant=True)  # stage unknown: treated as past the first months


def planned(*ids: str, day: date | None = None) -> PlannedSession:
    items = tuple((entry_item(CATALOG.by_id[i]), CATALOG.by_id[i]) for i in ids)
    return PlannedSession(day=day or today(), items=items)


@pytest.mark.parametrize(
    ("ids", "about_me", "expected", "left_out"),
    [
        pytest.param(
            ("seated-hamstring-stretch",),
            None,
            ("band-hamstring-stretch",),
            (),
            id="a slumped stretch eases to knee bent and ankle relaxed",
        ),
        pytest.param(
            ("standing-hamstring-stretch",),
            None,
            ("band-hamstring-stretch",),
            (),
            id="a straight-leg stretch eases to knee bent",
        ),
        pytest.param(
            ("bird-dog",), None, ("bird-dog-reduced-range",), (), id="the easiest bird dog"
        ),
        pytest.param(
            ("clamshell-band",), None, ("clamshell-small-range",), (), id="the easiest clamshell"
        ),
        pytest.param(
            ("sciatic-nerve-glide",),
            None,
            (),
            ("Seated sciatic nerve glide",),
            id="no nerve-friendly version: left out by name",
        ),
        pytest.param(
            ("seated-hamstring-stretch", "clamshell"),
            PREGNANT,
            ("clamshell-small-range",),
            ("Seated hamstring stretch",),
            id="pregnancy: never eased onto the back",
        ),
        pytest.param(
            ("bird-dog", "bird-dog-leg-only"),
            None,
            ("bird-dog-reduced-range",),
            (),
            id="two of one family ease to one",
        ),
    ],
)
def test_a_day_of_high_leg_pain_uses_the_easiest_nerve_friendly_versions(
    ids: tuple[str, ...],
    about_me: AboutMe | None,
    expected: tuple[str, ...],
    left_out: tuple[str, ...],
) -> None:
    session, out = eased(
        planned(*ids), catalog=CATALOG, allowed=about_me_allows(about_me, today=today())
    )
    assert tuple(exercise.id for _item, exercise in session.items) == expected
    assert out == left_out


def test_an_exercise_already_at_its_easiest_keeps_its_own_dose() -> None:
    small = CATALOG.by_id["clamshell-small-range"]
    built = entry_item(small).model_copy(update={"reps": 14})
    session, _out = eased(
        PlannedSession(day=today(), items=((built, small),)), catalog=CATALOG, allowed=anything
    )
    assert session.items == ((built, small),)


@pytest.mark.parametrize(
    ("high_pain", "paused", "quoted"),
    [
        pytest.param(
            "your leg pain is 8/10", None, "Because your leg pain is 8/10 today", id="high pain"
        ),
        pytest.param(
            None,
            "symptoms spread further down your leg",
            "(symptoms spread further down your leg), so building up is paused",
            id="two reds: paused, and why",
        ),
    ],
)
def test_an_eased_day_says_why_and_leaves_the_routine_as_it_is(
    high_pain: str | None, paused: str | None, quoted: str
) -> None:
    routine = make_routine(start=today() - timedelta(days=14), days=frozenset(range(7)))
    plan = plan_for_day(
        routine, catalog=CATALOG, today=today(), logged=False, high_pain=high_pain, paused=paused
    )
    assert plan.status is PlanStatus.PLANNED
    assert quoted in plan.eased
    assert plan.paused is (paused is not None)
    assert plan.session is not None
    assert all(exercise.level.value == "gentle" for _i, exercise in plan.session.items)
    assert routine.current_items == make_routine(start=routine.start_date).current_items
    if paused:
        assert "physiotherapist" in eased_reason(high_pain=None, paused=paused)


def test_an_ordinary_day_is_not_eased() -> None:
    routine = make_routine(start=today() - timedelta(days=14), days=frozenset(range(7)))
    plan = plan_for_day(routine, catalog=CATALOG, today=today(), logged=False)
    assert (plan.eased, plan.left_out, plan.paused) == ("", (), False)


@pytest.mark.parametrize(
    ("ids", "about_me", "expected"),
    [
        pytest.param(
            ("lying-piriformis-stretch",),
            PREGNANT,
            [("lying-piriformis-stretch", "seated-figure-four-stretch")],
            id="pregnancy: lying on the back, safer seated version beside it",
        ),
        pytest.param(
            ("knee-to-chest",),
            PREGNANT,
            [("knee-to-chest", None)],
            id="pregnancy: no safer version in its family, the caution stands",
        ),
        pytest.param(
            ("seated-figure-four-stretch",),
            AboutMe(hip_replacement=True),
            [("seated-figure-four-stretch", None)],
            id="hip replacement: crossing the leg needs the surgeon's go-ahead",
        ),
        pytest.param(("clamshell",), PREGNANT, [], id="side-lying suits pregnancy"),
        pytest.param(("lying-piriformis-stretch",), None, [], id="no answers, no caution"),
    ],
)
def test_the_guided_session_carries_about_mes_caution_and_the_safer_version(
    ids: tuple[str, ...], about_me: AboutMe | None, expected: list[tuple[str, str | None]]
) -> None:
    found = cautions(planned(*ids), catalog=CATALOG, about_me=about_me, today=today())
    assert [(c.exercise_id, c.safer.id if c.safer else None) for c in found] == expected
    assert all(c.reason for c in found)


def items(*ids: str) -> tuple[RoutineItem, ...]:
    return tuple(entry_item(CATALOG.by_id[i]) for i in ids)


@pytest.mark.parametrize(
    ("ids", "weeks_pregnant", "swaps"),
    [
        pytest.param(
            ("seated-figure-four-stretch", "clamshell"),
            20,
            {},
            id="the seated figure-4 suits: nothing to swap",
        ),
        pytest.param(
            ("lying-piriformis-stretch", "clamshell"),
            20,
            {"lying-piriformis-stretch": "seated-figure-four-stretch"},
            id="past 16 weeks: lying on the back swaps for the seated version",
        ),
        pytest.param(
            ("knee-to-chest", "clamshell"),
            20,
            {"knee-to-chest": None},
            id="no safer version: left out",
        ),
        pytest.param(
            ("lying-piriformis-stretch", "clamshell"),
            8,
            {},
            id="in the first months lying on the back is fine",
        ),
    ],
)
def test_about_me_checks_the_active_routine_and_offers_the_swaps(
    ids: tuple[str, ...], weeks_pregnant: int, swaps: dict[str, str | None]
) -> None:
    due = today() + timedelta(weeks=40 - weeks_pregnant)
    answers = AboutMe(pregnant=True, due_date=due)
    routine = make_routine(current=items(*ids))
    suggestion = about_me_swaps(routine, catalog=CATALOG, about_me=answers, today=today())
    if not swaps:
        assert suggestion is None
        return
    assert suggestion is not None
    found = {
        c.before.exercise_id: (c.after.exercise_id if c.after else None)
        for c in suggestion.changes
        if c.before is not None
    }
    assert found == swaps
    assert "About me" in suggestion.sentence
    assert "lying on your back" in suggestion.sentence


def test_a_pregnancy_passing_the_first_months_brings_the_swap_on_that_day() -> None:
    routine = make_routine(current=items("lying-piriformis-stretch", "clamshell"))
    answers = AboutMe(pregnant=True, due_date=today() + timedelta(weeks=27, days=1))
    before = about_me_swaps(routine, catalog=CATALOG, about_me=answers, today=today())
    after = about_me_swaps(
        routine, catalog=CATALOG, about_me=answers, today=today() + timedelta(days=1)
    )
    assert (before is None, after is not None) == (True, True)


def test_the_builders_picker_leaves_out_what_about_me_rules_out_and_says_why() -> None:
    choices = picker_choices(CATALOG, about_me=PREGNANT, today=today())
    assert "knee-to-chest" not in choices.names
    assert "lying-piriformis-stretch" not in choices.names
    assert "seated-figure-four-stretch" in choices.names
    piriformis = next(line for line in choices.left_out if line.startswith("Lying gluteal"))
    assert "lying on your back" in piriformis
    assert "A safer version: Seated figure-4 stretch." in piriformis


def test_a_picked_exercise_about_me_rules_out_stays_with_its_caution() -> None:
    choices = picker_choices(
        CATALOG, about_me=PREGNANT, today=today(), picked=["lying-piriformis-stretch"]
    )
    assert "lying-piriformis-stretch" in choices.names
    (caution,) = choices.picked_cautions
    assert caution.startswith("Lying gluteal (piriformis) stretch:")
