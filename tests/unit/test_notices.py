"""Advice in view after a save, and warning signs that stand until seen about (CLINICAL.md 1, 9)."""

from datetime import date

import pytest

from sciatica.diary.check_in import with_both_legs
from sciatica.diary.models import AboutMe, Side, SignSeen, TriageLevel
from sciatica.diary.notices import (
    check_in_notice,
    seen_records,
    standing_alert,
    standing_signs,
    triage_notice,
)
from sciatica.diary.triage import red_flags, triage
from tests.factories import days_ago

EMERGENCY = [flag.id for flag in red_flags() if flag.level is TriageLevel.EMERGENCY]
URGENT = [flag.id for flag in red_flags() if flag.level is TriageLevel.URGENT]


@pytest.mark.parametrize("sign", EMERGENCY)
def test_an_emergency_sign_saved_says_get_help_now_with_numbers_to_call_then_saved(
    sign: str,
) -> None:
    result = triage(ticked=[sign])
    notice = check_in_notice(result, updated=False, comparison="Leg pain 3.", country="GB")
    expected_level = TriageLevel.URGENT if sign == "sexual_function" else TriageLevel.EMERGENCY
    assert notice.level is expected_level
    assert notice.calls == ("999",)
    assert notice.urgent
    assert notice.saved == "Saved. Leg pain 3."


@pytest.mark.parametrize("sign", URGENT)
def test_an_urgent_sign_saved_says_see_a_doctor_and_offers_the_number_if_it_worsens(
    sign: str,
) -> None:
    notice = triage_notice(triage(ticked=[sign]), country=None)
    assert notice.title == "See a doctor within 24 to 48 hours"
    assert notice.calls == ("112", "999", "911")
    assert notice.points == tuple(flag.question for flag in triage(ticked=[sign]).flags)


def test_a_save_without_signs_says_saved_and_offers_no_numbers() -> None:
    notice = check_in_notice(
        triage(ticked=[]), updated=True, comparison="Leg pain 4.", country=None
    )
    assert (notice.level, notice.calls, notice.urgent) == (TriageLevel.NONE, (), False)
    assert notice.saved == "Saved (updated this day's check-in). Leg pain 4."


@pytest.mark.parametrize(
    ("side", "new_or_worse", "added"),
    [
        (Side.BOTH, True, True),
        (Side.BOTH, False, False),
        (Side.LEFT, True, False),
        (Side.RIGHT, True, False),
        (None, True, False),
    ],
)
def test_choosing_both_legs_and_saying_it_is_new_adds_the_emergency_sign(
    side: Side | None, new_or_worse: bool, added: bool
) -> None:
    signs = with_both_legs(["night_pain"], side=side, new_or_worse=new_or_worse)
    assert ("both_legs" in signs) is added
    assert triage(ticked=signs).level is (TriageLevel.EMERGENCY if added else TriageLevel.URGENT)


def test_both_legs_is_not_added_twice() -> None:
    assert with_both_legs(["both_legs"], side=Side.BOTH, new_or_worse=True) == ["both_legs"]


def seen(flag_id: str, sign_day: date, seen_on: date | None = None) -> SignSeen:
    return SignSeen(flag_id=flag_id, sign_day=sign_day, seen_on=seen_on or sign_day)


@pytest.mark.parametrize(
    ("flagged", "seen_about", "stands"),
    [
        ([(1, {"night_pain"})], [], {"night_pain": 1}),  # ticked yesterday, not ticked today
        ([(1, {"night_pain"})], [("night_pain", 1)], {}),  # seen about since
        ([(5, {"night_pain"}), (1, {"night_pain"})], [("night_pain", 5)], {"night_pain": 1}),
        ([(3, {"bowel", "fever_unwell"})], [("fever_unwell", 3)], {"bowel": 3}),
        ([(2, {"sexual_function"})], [], {"sexual_function": 2}),  # urgent on its own
        ([(9, {"cancer_weight"})], [], {"cancer_weight": 9}),  # a retired sign still stands
        ([], [], {}),
    ],
)
def test_a_warning_sign_stands_from_its_latest_tick_until_seen_about(
    flagged: list[tuple[int, set[str]]],
    seen_about: list[tuple[str, int]],
    stands: dict[str, int],
) -> None:
    days = [(days_ago(ago), flags) for ago, flags in flagged]
    records = [seen(flag_id, days_ago(ago)) for flag_id, ago in seen_about]
    assert standing_signs(days, records) == {k: days_ago(v) for k, v in stands.items()}


def test_an_emergency_ticked_yesterday_is_still_the_advice_today(today: date) -> None:
    alert = standing_alert([(days_ago(1), {"bladder_control"})], seen=[], about_me=None)
    assert alert is not None
    assert alert.triage.level is TriageLevel.EMERGENCY
    assert alert.triage.stops_exercise
    records = seen_records(alert, today=today)
    assert records == [seen("bladder_control", days_ago(1), today)]
    assert standing_alert([(days_ago(1), {"bladder_control"})], seen=records, about_me=None) is None


@pytest.mark.parametrize(
    ("answers", "urgent"),
    [
        (AboutMe(had_cancer=True), True),
        (AboutMe(had_cancer=True, cancer_assessed=True), False),
        (AboutMe(), False),
        (None, False),
    ],
)
def test_a_history_of_cancer_stands_as_urgent_until_a_doctor_has_assessed_the_pain(
    answers: AboutMe | None, urgent: bool
) -> None:
    alert = standing_alert([], seen=[], about_me=answers)
    assert (alert is not None) is urgent
    if alert is not None:
        assert alert.triage.level is TriageLevel.URGENT
        assert alert.cancer
        assert "had cancer" in alert.triage.reasons[0]


def test_cancer_history_with_an_emergency_sign_keeps_the_emergency() -> None:
    alert = standing_alert([(days_ago(0), {"saddle"})], seen=[], about_me=AboutMe(had_cancer=True))
    assert alert is not None
    assert alert.triage.level is TriageLevel.EMERGENCY
