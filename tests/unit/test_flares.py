"""Flare-ups: what the quick entry and a file may hold, how one reads, and when one is mentioned."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sciatica import clock
from sciatica.content import ContentError
from sciatica.diary.flare_mention import flare_mention
from sciatica.diary.flares import (
    FlareRejected,
    describe,
    flare_choices,
    load_choices,
    parse_flare,
    quick_entry_data,
    saved_message,
)
from sciatica.diary.models import EARLIEST_DAY, FLARE_NOTE_MAX_CHARS
from tests import factories
from tests.factories import days_ago, flare_data, make_flare

ZONES = ["Pacific/Kiritimati", "Europe/London", "America/Los_Angeles", "Pacific/Pago_Pago"]


def problems(data: dict[str, Any], *, quick: bool = True) -> list[str]:
    with pytest.raises(FlareRejected) as caught:
        parse_flare(data, now=clock.now(), today=factories.today() if quick else None)
    return caught.value.problems


def test_the_quick_entry_saves_leg_pain_now_after_sitting() -> None:
    entry = parse_flare(flare_data(), now=clock.now(), today=factories.today())
    assert (entry.leg_pain, entry.triggers, entry.day) == (7, ("sitting",), factories.today())
    assert entry.at.tzinfo is UTC


def test_a_wall_clock_time_is_read_in_the_persons_zone_and_kept_in_utc() -> None:
    data = quick_entry_data(
        day=date(2026, 7, 1), wall=time(14, 5), timezone="Europe/London", leg_pain=7
    )
    assert data["at"] == datetime(2026, 7, 1, 13, 5, tzinfo=UTC)
    assert clock.local(data["at"], "Europe/London").strftime("%H:%M") == "14:05"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"leg_pain": 11}, "Leg pain: must be between 0 and 10."),
        ({"leg_pain": -1}, "Leg pain: must be between 0 and 10."),
        ({"leg_pain": None}, "Leg pain: input should be a valid integer."),
        ({"back_pain": 12}, "Back pain: must be between 0 and 10."),
        ({"triggers": ("sitting", "juggling")}, "What set it off: juggling is not one the app"),
        ({"helped": ("prayer",)}, "What helped: prayer is not one the app knows."),
        ({"triggers": ("Sitting!",)}, "What set it off: string should match pattern"),
        ({"note": "x" * (FLARE_NOTE_MAX_CHARS + 1)}, "Note: string should have at most 200"),
        ({"note": "bad\x07bell"}, "Note: contains invisible control characters"),
        ({"colour": "red"}, "Colour: extra inputs are not permitted."),
    ],
)
def test_out_of_range_values_and_unknown_choices_are_refused_with_the_field_named(
    overrides: dict[str, Any], message: str
) -> None:
    assert any(problem.startswith(message) for problem in problems(flare_data(**overrides)))


def test_a_time_in_the_future_is_refused() -> None:
    later = clock.now() + timedelta(minutes=5)
    found = problems(flare_data(at=later, day=clock.day_at(later, None)))
    assert "Time: cannot be in the future." in found


def test_a_time_that_is_not_on_its_day_is_refused() -> None:
    found = problems(flare_data(day=days_ago(3)), quick=False)
    assert any(problem.startswith("Time: ") and "UTC is not on" in problem for problem in found)


def test_the_quick_entry_takes_today_and_yesterday_but_not_the_day_before() -> None:
    assert parse_flare(flare_data(days_back=1), now=clock.now(), today=factories.today())
    found = problems(flare_data(days_back=2))
    assert found == ["Date: a flare-up can be noted for today or yesterday."]
    # A file may hold any past day: the diary it came from noted it then.
    assert parse_flare(flare_data(days_back=400), now=clock.now()).day == days_ago(400)


def test_a_day_before_the_earliest_day_is_refused() -> None:
    old = EARLIEST_DAY - timedelta(days=1)
    data = flare_data(day=old, at=datetime.combine(old, time(12), tzinfo=UTC))
    assert any("on or after" in problem for problem in problems(data, quick=False))


def test_a_time_without_a_zone_is_refused() -> None:
    naive = datetime.combine(days_ago(1), time(12))
    found = problems(flare_data(days_back=1, at=naive), quick=False)
    assert any(problem.startswith("Time: input should have timezone info") for problem in found)


@given(
    minutes_back=st.integers(0, 60 * 24 * 365 * 20),
    zone=st.sampled_from(ZONES),
    leg=st.integers(0, 10),
    back=st.none() | st.integers(0, 10),
)
def test_any_past_moment_on_the_day_some_zone_shows_is_accepted_from_a_file(
    minutes_back: int, zone: str, leg: int, back: int | None
) -> None:
    now = clock.now()
    moment = now - timedelta(minutes=minutes_back)
    data = flare_data(day=clock.day_at(moment, zone), leg_pain=leg, back_pain=back)
    entry = parse_flare(data | {"at": moment}, now=now)
    assert entry.at == moment
    assert entry.day == clock.day_at(moment, zone)


@given(minutes_ahead=st.integers(1, 60 * 24 * 400), zone=st.sampled_from(ZONES))
def test_any_moment_after_now_is_refused(minutes_ahead: int, zone: str) -> None:
    now = clock.now()
    moment = now + timedelta(minutes=minutes_ahead)
    data = flare_data(day=clock.day_at(moment, zone)) | {"at": moment}
    with pytest.raises(FlareRejected) as caught:
        parse_flare(data, now=now)
    assert "Time: cannot be in the future." in caught.value.problems


@given(days_off=st.integers(2, 5000) | st.integers(-5000, -2))
def test_any_day_two_or_more_days_from_its_moment_is_refused(days_off: int) -> None:
    moment = clock.now() - timedelta(days=6000)
    data = flare_data(day=moment.date() + timedelta(days=days_off)) | {"at": moment}
    with pytest.raises(FlareRejected):
        parse_flare(data, now=clock.now())


@given(leg=st.integers().filter(lambda n: not 0 <= n <= 10))
def test_any_leg_pain_outside_0_to_10_is_refused(leg: int) -> None:
    with pytest.raises(FlareRejected) as caught:
        parse_flare(flare_data(leg_pain=leg), now=clock.now())
    assert caught.value.problems == ["Leg pain: must be between 0 and 10."]


def test_a_choice_given_twice_counts_once() -> None:
    entry = make_flare(triggers=("sitting", "driving", "sitting"))
    assert entry.triggers == ("sitting", "driving")


def test_the_choices_file_has_unique_keys_and_the_common_triggers_and_reliefs() -> None:
    choices = flare_choices()
    assert {"sitting", "driving", "lifting", "walking"} <= set(choices.trigger_labels())
    assert {"walking", "lying_down", "heat", "medication"} <= set(choices.helped_labels())


SITTING = "{en: Sitting, sv: Sittande}"
HEAT = "helped: [{key: heat, label: {en: Heat, sv: Värme}}]\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            f"triggers: [{{key: sitting, label: {SITTING}}}, {{key: sitting, label: {SITTING}}}]\n"
            + HEAT,
            "choices.yaml: triggers: keys must be unique",
        ),
        (
            f"triggers: [{{key: Sitting, label: {SITTING}}}]\n" + HEAT,
            "choices.yaml: triggers.0.key: String should match pattern",
        ),
        (
            f"triggers: [{{key: sitting, label: {SITTING}, colour: red}}]\n" + HEAT,
            "choices.yaml: triggers.0.colour: Extra inputs are not permitted",
        ),
        (
            "triggers: []\n" + HEAT,
            "choices.yaml: triggers: Tuple should have at least 1 item",
        ),
        (
            "triggers: [{key: sitting, label: {en: Sitting}}]\n" + HEAT,
            "choices.yaml: triggers.0.label: Value error, the Svenska (sv) text is missing",
        ),
        (
            "triggers: [{key: sitting, label: Sitting}]\n" + HEAT,
            "choices.yaml: triggers.0.label: Value error, needs the text in each language",
        ),
    ],
    ids=["duplicate-key", "bad-key", "unknown-field", "empty-list", "no-swedish", "one-language"],
)
def test_a_broken_choices_file_fails_loudly_with_the_file_and_field_named(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "choices.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError, match=re.escape(message)):
        load_choices(path)


def test_a_flare_up_reads_as_one_line_in_the_persons_time() -> None:
    day = date(2026, 12, 1)
    entry = make_flare(
        day=day,
        at=datetime(2026, 12, 1, 14, 5, tzinfo=UTC),
        back_pain=4,
        triggers=("sitting", "driving"),
        helped=("walking",),
    )
    words = describe(entry, timezone="Europe/London")
    assert words == "leg pain 7 at 14:05, back pain 4, after sitting and driving; walking helped"
    assert saved_message(entry, timezone="Europe/London", today=day, changed=False) == (
        f"Saved: {words}."
    )
    later = saved_message(entry, timezone="Europe/London", today=day + timedelta(1), changed=True)
    assert later == f"Changed: {words} (yesterday)."


def test_a_flare_up_three_points_above_the_days_check_in_is_mentioned() -> None:
    today = factories.today()
    yesterday = today - timedelta(days=1)
    flares = [
        make_flare(days_back=1, leg_pain=6, triggers=("sitting",)),
        make_flare(days_back=1, wall=time(18), leg_pain=8, triggers=("driving",)),
    ]
    mention = flare_mention(flares, check_in_leg_pain={yesterday: 5}, today=today)
    assert mention is not None
    assert mention.flare.leg_pain == 8
    assert mention.sentence == (
        "A flare-up after driving yesterday: leg pain 8, 3 points above that day's check-in."
    )


@pytest.mark.parametrize(
    ("leg_pain", "check_ins"),
    [(7, {1: 5}), (9, {}), (9, {0: 6})],
    ids=["two-points-above", "no-check-in-that-day", "check-in-of-another-day"],
)
def test_a_flare_up_is_not_mentioned_under_three_points_or_without_its_days_check_in(
    leg_pain: int, check_ins: dict[int, int]
) -> None:
    flares = [make_flare(days_back=1, leg_pain=leg_pain)]
    scores = {days_ago(back): pain for back, pain in check_ins.items()}
    assert flare_mention(flares, check_in_leg_pain=scores, today=factories.today()) is None
