"""Classifying one session from its pain, its leg response and the next morning (CLINICAL 4, 9)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from sciatica.plans.classify import Colour, Confirmation, classify
from sciatica.plans.models import LegResponse
from tests.factories import make_session_input, today

G, A, R = Colour.GREEN, Colour.AMBER, Colour.RED
OK, WAIT, NONE = Confirmation.CONFIRMED, Confirmation.WAITING, Confirmation.NOT_CONFIRMED
DOWN, UP = LegResponse.DOWN, LegResponse.UP


@pytest.mark.parametrize(
    ("pains", "extra", "morning", "usual", "days_ago", "colour", "confirmation"),
    [
        pytest.param((2, 3, 2), {}, 3, 3.0, 1, G, OK, id="green: 3/10 at most, settled"),
        pytest.param((0, 3, 8), {}, 3, 3.0, 1, R, OK, id="the pain after counts: 8 is red"),
        pytest.param((6, 2, 2), {}, 3, 6.0, 1, G, OK, id="pain before alone never decides"),
        pytest.param((6, 5, 4), {}, 6, 6.0, 1, A, OK, id="pain that fell is never red"),
        pytest.param((8, 8, 8), {}, 8, 8.0, 1, A, OK, id="a high-pain day held steady: amber"),
        pytest.param((7, 6, 6), {}, 7, 7.0, 1, A, OK, id="above 5 but below before: amber"),
        pytest.param((6, 7, 6), {}, 6, 6.0, 1, R, OK, id="above 5 and above before: red"),
        pytest.param((3, 7, 7), {}, 3, 3.0, 1, R, OK, id="rose from 3 to 7: red"),
        pytest.param((1, 2, 3), {}, 2, 2.0, 1, R, OK, id="after 2 above before: red"),
        pytest.param((2, 3, 3), {}, 2, 2.0, 1, G, OK, id="after 1 above before: green"),
        pytest.param((4, 5, 5), {}, 4, 4.0, 1, A, OK, id="4-5 during or after: amber"),
        pytest.param((2, 4, 3), {}, 3, 3.0, 1, A, OK, id="amber: 4-5/10 that settles"),
        pytest.param((4, 5, 5), {}, None, 3.0, 0, A, WAIT, id="amber waits for next morning"),
        pytest.param((2, 6, 2), {}, 3, 3.0, 1, R, OK, id="red: above 5/10 during"),
        pytest.param((0, 0, 0), {"leg_response": DOWN}, 2, 3.0, 1, R, OK, id="spreading is red"),
        pytest.param(
            (0, 0, 0), {"new_numbness_or_weakness": True}, 2, 3.0, 1, R, OK, id="numbness is red"
        ),
        pytest.param((2, 2, 2), {"leg_response": UP}, 3, 3.0, 1, G, OK, id="centralising is fine"),
        pytest.param((2, 2, 2), {}, 5, 3.0, 1, R, OK, id="not settled: 2 above the usual"),
        pytest.param((2, 2, 2), {}, 4, 3.0, 1, G, OK, id="1 above the usual is settled"),
        pytest.param((2, 2, 2), {}, 4, None, 1, R, OK, id="no diary: the pain before is usual"),
        pytest.param((2, 4, 2), {}, 6, 3.0, 1, R, OK, id="amber that did not settle is red"),
        pytest.param((2, 2, 2), {}, None, 3.0, 0, G, WAIT, id="provisional on the day"),
        pytest.param((2, 2, 2), {}, None, 3.0, 1, G, WAIT, id="provisional the next day"),
        pytest.param((2, 2, 2), {}, None, 3.0, 2, G, NONE, id="no check-in: not confirmed"),
        pytest.param(
            (2, 2, 2), {"leg_response": DOWN}, None, 3.0, 0, R, WAIT, id="red needs no morning"
        ),
    ],
)
def test_a_session_is_classified_from_everything_known_about_it(
    pains: tuple[int, int, int],
    extra: dict[str, object],
    morning: int | None,
    usual: float | None,
    days_ago: int,
    colour: Colour,
    confirmation: Confirmation,
) -> None:
    before, during, after = pains
    session = make_session_input(
        day=today() - timedelta(days=days_ago),
        pain_before=before,
        worst_during=during,
        pain_after=after,
        **extra,
    )
    result = classify(session, next_morning_leg_pain=morning, usual=usual, today=today())
    assert (result.colour, result.confirmation) == (colour, confirmation)


@pytest.mark.parametrize(
    ("colour_confirmation", "provisional", "confirmed_green"),
    [
        ((G, OK), False, True),
        ((G, WAIT), True, False),
        ((G, NONE), False, False),
        ((A, OK), False, False),
        ((R, WAIT), False, False),
    ],
)
def test_only_a_green_session_settled_next_morning_counts_as_confirmed_green(
    colour_confirmation: tuple[Colour, Confirmation], provisional: bool, confirmed_green: bool
) -> None:
    colour, confirmation = colour_confirmation
    pains = {G: (2, 2, 2), A: (2, 4, 2), R: (2, 7, 2)}[colour]
    days_ago = {OK: 1, WAIT: 0, NONE: 2}[confirmation]
    morning = 2 if confirmation is OK else None
    session = make_session_input(
        day=today() - timedelta(days=days_ago),
        pain_before=pains[0],
        worst_during=pains[1],
        pain_after=pains[2],
    )
    result = classify(session, next_morning_leg_pain=morning, usual=3.0, today=today())
    assert (result.provisional, result.confirmed_green) == (provisional, confirmed_green)


@pytest.mark.parametrize(
    ("pains", "reasons"),
    [
        pytest.param(
            (0, 3, 8),
            ("leg pain rose from 0/10 before to 8/10 after the session",),
            id="red quotes the rise and when",
        ),
        pytest.param(
            (3, 7, 7),
            ("leg pain rose from 3/10 before to 7/10 during the session",),
            id="red during quotes before and during",
        ),
        pytest.param(
            (1, 2, 3),
            ("leg pain was 3/10 after the session, up from 1/10 before",),
            id="red after a rise of 2 quotes both",
        ),
        pytest.param(
            (6, 5, 4),
            (
                "leg pain reached 5/10 during the session",
                "leg pain fell from 6/10 before to 4/10 after",
            ),
            id="amber that eased says the pain fell",
        ),
        pytest.param(
            (8, 8, 8),
            (
                "leg pain was high (8/10) but did not rise above the 8/10 you had before the "
                "session",
            ),
            id="a high day held steady says so",
        ),
        pytest.param(
            (5, 2, 2),
            (
                "leg pain stayed at 2/10 or less during and after the session",
                "leg pain fell from 5/10 before to 2/10 after",
            ),
            id="green that eased says the pain fell",
        ),
    ],
)
def test_the_reasons_quote_the_numbers_that_decided_it(
    pains: tuple[int, int, int], reasons: tuple[str, ...]
) -> None:
    before, during, after = pains
    session = make_session_input(pain_before=before, worst_during=during, pain_after=after)
    result = classify(session, next_morning_leg_pain=None, usual=None, today=today())
    assert result.reasons == reasons


def test_a_morning_that_did_not_settle_says_so_against_the_usual() -> None:
    session = make_session_input(day=today() - timedelta(days=1))
    result = classify(session, next_morning_leg_pain=6, usual=3.0, today=today())
    assert result.reasons == ("next morning your leg pain was 6/10, above your usual 3/10",)
