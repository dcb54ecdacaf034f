"""Advice in view after a save, and warning signs that stand until seen about (CLINICAL.md 10)."""

from datetime import date

import pytest

from sciatica.diary.check_in import with_both_legs
from sciatica.diary.models import AboutMe, Side, SignAnswer, SignSeen, TriageLevel
from sciatica.diary.notices import (
    answer_records,
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
SOON = [flag.id for flag in red_flags() if flag.level is TriageLevel.SOON]


@pytest.mark.parametrize("sign", EMERGENCY)
def test_an_emergency_sign_saved_says_get_help_now_with_numbers_to_call_then_saved(
    sign: str,
) -> None:
    result = triage(ticked=[sign])
    notice = check_in_notice(result, updated=False, comparison="Leg pain 3.", country="GB")
    alone = sign == "sexual_function"  # an emergency only with another cauda equina sign
    assert notice.level is (TriageLevel.URGENT if alone else TriageLevel.EMERGENCY)
    assert notice.calls == (("111", "999") if alone else ("999",))
    assert notice.urgent
    assert notice.saved == "Saved. Leg pain 3."


@pytest.mark.parametrize(
    ("sign", "title"),
    [(sign, "Get medical help today") for sign in URGENT]
    + [(sign, "See a doctor within 1 to 2 days") for sign in SOON],
)
def test_an_urgent_sign_saved_says_see_a_doctor_and_offers_the_number_if_it_worsens(
    sign: str, title: str
) -> None:
    notice = triage_notice(triage(ticked=[sign]), country=None)
    assert notice.title == title
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
    assert triage(ticked=signs).level is (TriageLevel.EMERGENCY if added else TriageLevel.SOON)


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
    alert = standing_alert(
        [(days_ago(1), {"bladder_control"})], seen=[], about_me=None, today=today
    )
    assert alert is not None
    assert alert.triage.level is TriageLevel.EMERGENCY
    assert alert.triage.stops_exercise
    records = seen_records(alert, today=today)
    assert records == [seen("bladder_control", days_ago(1), today)]
    assert (
        standing_alert(
            [(days_ago(1), {"bladder_control"})], seen=records, about_me=None, today=today
        )
        is None
    )


@pytest.mark.parametrize(
    ("answers", "urgent"),
    [
        (AboutMe(had_cancer=True), True),
        (AboutMe(had_cancer=True, cancer_assessed=True), False),
        (AboutMe(), False),
        (None, False),
    ],
)
def test_a_history_of_cancer_stands_as_soon_until_a_doctor_has_assessed_the_pain(
    answers: AboutMe | None, urgent: bool, today: date
) -> None:
    alert = standing_alert([], seen=[], about_me=answers, today=today)
    assert (alert is not None) is urgent
    if alert is not None:
        assert alert.triage.level is TriageLevel.SOON
        assert alert.cancer
        assert "had cancer" in alert.triage.reasons[0]


def test_cancer_history_with_an_emergency_sign_keeps_the_emergency(today: date) -> None:
    alert = standing_alert(
        [(days_ago(0), {"saddle"})], seen=[], about_me=AboutMe(had_cancer=True), today=today
    )
    assert alert is not None
    assert alert.triage.level is TriageLevel.EMERGENCY


def answer(flag_id: str, sign_ago: int, on_ago: int, said: SignAnswer) -> SignSeen:
    return SignSeen(
        flag_id=flag_id, sign_day=days_ago(sign_ago), seen_on=days_ago(on_ago), answer=said
    )


# (rule from CLINICAL.md 10, days ago each sign was ticked, answers (sign, its tick day ago,
# answered days ago, answer), the signs that stand, the signs asked about again)
STILL_THE_CASE = [
    ("ticked 13 days ago: stands, not yet asked", [(13, {"injury"})], [], {"injury"}, ()),
    ("ticked 14 days ago, no news: asked again", [(14, {"injury"})], [], {"injury"}, ("injury",)),
    (
        "ticked four months ago, no news: stands and is asked, never silently gone",
        [(120, {"night_pain"})],
        [],
        {"night_pain"},
        ("night_pain",),
    ),
    (
        "ticked again 3 days ago: the 14 days start again",
        [(30, {"injury"}), (3, {"injury"})],
        [],
        {"injury"},
        (),
    ),
    (
        "still there, said 5 days ago: stands, not asked",
        [(30, {"injury"})],
        [("injury", 30, 5, SignAnswer.STILL_THERE)],
        {"injury"},
        (),
    ),
    (
        "still there, said 14 days ago: asked again",
        [(40, {"injury"})],
        [("injury", 40, 14, SignAnswer.STILL_THERE)],
        {"injury"},
        ("injury",),
    ),
    (
        "it has gone: put to rest",
        [(20, {"injury"})],
        [("injury", 20, 0, SignAnswer.GONE)],
        set(),
        (),
    ),
    (
        "I have been seen: put to rest",
        [(20, {"injury"})],
        [("injury", 20, 0, SignAnswer.SEEN)],
        set(),
        (),
    ),
    (
        "gone, then ticked again: stands again",
        [(20, {"injury"}), (1, {"injury"})],
        [("injury", 20, 10, SignAnswer.GONE)],
        {"injury"},
        (),
    ),
    (
        "still there about an older tick does not count for a newer one",
        [(40, {"injury"}), (20, {"injury"})],
        [("injury", 40, 30, SignAnswer.STILL_THERE)],
        {"injury"},
        ("injury",),
    ),
    (
        "only the stale sign of two is asked about",
        [(20, {"injury"}), (2, {"fever_unwell"})],
        [],
        {"injury", "fever_unwell"},
        ("injury",),
    ),
]


@pytest.mark.parametrize(
    ("rule", "flagged", "answers", "stands", "asking"),
    STILL_THE_CASE,
    ids=[row[0] for row in STILL_THE_CASE],
)
def test_a_sign_without_news_for_14_days_is_asked_about_again(
    rule: str,
    flagged: list[tuple[int, set[str]]],
    answers: list[tuple[str, int, int, SignAnswer]],
    stands: set[str],
    asking: tuple[str, ...],
    today: date,
) -> None:
    days = [(days_ago(ago), flags) for ago, flags in flagged]
    records = [answer(*row) for row in answers]
    alert = standing_alert(days, seen=records, about_me=None, today=today)
    assert (set(alert.since) if alert else set()) == stands, rule
    assert (alert.asking if alert else ()) == asking, rule
    if alert is not None:
        assert alert.triage.stops_exercise, rule  # asked about, it still pauses the exercises


@pytest.mark.parametrize(
    ("said", "stands_after", "asked_after"),
    [
        (SignAnswer.GONE, False, ()),
        (SignAnswer.SEEN, False, ()),
        (SignAnswer.STILL_THERE, True, ()),
    ],
)
def test_each_answer_to_is_this_still_the_case_is_stored_and_read_back(
    said: SignAnswer, stands_after: bool, asked_after: tuple[str, ...], today: date
) -> None:
    days = [(days_ago(20), {"injury"}), (days_ago(2), {"fever_unwell"})]
    alert = standing_alert(days, seen=[], about_me=None, today=today)
    assert alert is not None
    records = answer_records(alert, answer=said, today=today)
    assert records == [
        SignSeen(flag_id="injury", sign_day=days_ago(20), seen_on=today, answer=said)
    ]
    after = standing_alert(days, seen=records, about_me=None, today=today)
    assert after is not None  # the newer sign, not asked about, still stands
    assert ("injury" in after.since) is stands_after
    assert after.asking == asked_after


def test_standing_signs_ticked_before_a_period_are_named_for_it(today: date) -> None:
    days = [(days_ago(120), {"night_pain"}), (days_ago(3), {"injury"})]
    alert = standing_alert(days, seen=[], about_me=None, today=today)
    assert alert is not None
    assert alert.ticked_before(days_ago(29)) == {"night_pain": days_ago(120)}
