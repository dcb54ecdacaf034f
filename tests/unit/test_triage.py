from collections.abc import Iterator
from datetime import date

import pytest

from sciatica import i18n
from sciatica.diary.models import CheckInInput, TriageLevel
from sciatica.diary.notices import triage_notice
from sciatica.diary.triage import (
    RedFlag,
    advice,
    content,
    dial_for,
    emergency_dial,
    emergency_number,
    guessed,
    is_important_fall,
    red_flags,
    routine_reasons,
    signs_for,
    triage,
    urgent_dial,
)
from sciatica.i18n import LANGUAGES, Language
from tests.factories import days_ago, make_check_in


@pytest.fixture(params=LANGUAGES)
def language(request: pytest.FixtureRequest) -> Iterator[Language]:
    """Run the test in each language the app speaks: routing never depends on the words."""
    with i18n.use(request.param):
        yield request.param


in_each_language = pytest.mark.usefixtures("language")

# Every routing in CLINICAL.md section 1, sign by sign.
EMERGENCY_SIGNS = [
    "bladder_start",
    "bladder_retention",
    "bladder_control",
    "bowel",
    "saddle",
    "both_legs",
]
URGENT_SIGNS = ["worsening_weakness", "fever_unwell", "injury"]  # the same day
SOON_SIGNS = ["weight_loss", "night_pain"]  # within 1-2 days
RETIRED_SIGNS = ["cancer_weight"]  # no longer asked; older check-ins still carry it

# (rule from CLINICAL.md 1, the signs ticked, the level they lead to)
ROUTING = [
    ("bladder: new difficulty starting to pass urine", ["bladder_start"], TriageLevel.EMERGENCY),
    ("bladder: cannot pass urine at all", ["bladder_retention"], TriageLevel.EMERGENCY),
    ("bladder: loss of bladder control", ["bladder_control"], TriageLevel.EMERGENCY),
    ("bowel: loss of control or not feeling it full", ["bowel"], TriageLevel.EMERGENCY),
    ("saddle numbness", ["saddle"], TriageLevel.EMERGENCY),
    ("both legs: sciatica or weakness getting worse", ["both_legs"], TriageLevel.EMERGENCY),
    (
        "sexual dysfunction with a cauda equina sign",
        ["sexual_function", "saddle"],
        TriageLevel.EMERGENCY,
    ),
    ("sexual dysfunction alone: same day", ["sexual_function"], TriageLevel.URGENT),
    (
        "weakness getting worse or new foot drop: same day",
        ["worsening_weakness"],
        TriageLevel.URGENT,
    ),
    ("fever, very unwell or recent infection: same day", ["fever_unwell"], TriageLevel.URGENT),
    (
        "after a significant fall, or minor one with thin bones: same day",
        ["injury"],
        TriageLevel.URGENT,
    ),
    (
        "unexplained weight loss with new back pain: within 1-2 days",
        ["weight_loss"],
        TriageLevel.SOON,
    ),
    ("severe night pain not eased by rest: within 1-2 days", ["night_pain"], TriageLevel.SOON),
    (
        "a retired cancer-or-weight-loss tick still reads as soon",
        ["cancer_weight"],
        TriageLevel.SOON,
    ),
    (
        "the more urgent of two signs decides: same day over soon",
        ["night_pain", "injury"],
        TriageLevel.URGENT,
    ),
    (
        "the more urgent of two signs decides: emergency over soon",
        ["night_pain", "saddle"],
        TriageLevel.EMERGENCY,
    ),
    (
        "sexual dysfunction with a same-day sign stays same day",
        ["sexual_function", "fever_unwell"],
        TriageLevel.URGENT,
    ),
    ("nothing ticked is nothing", [], TriageLevel.NONE),
]


@in_each_language
@pytest.mark.parametrize(
    ("rule", "ticked", "level"), ROUTING, ids=[rule for rule, _ticked, _level in ROUTING]
)
def test_each_warning_sign_routes_to_its_level(
    rule: str, ticked: list[str], level: TriageLevel
) -> None:
    assert triage(ticked=ticked).level is level, rule


@in_each_language
@pytest.mark.parametrize("sign", RETIRED_SIGNS)
def test_a_retired_sign_is_no_longer_asked(sign: str) -> None:
    assert sign not in {flag.id for flag in red_flags()}


LEVEL_OF = {
    **dict.fromkeys(EMERGENCY_SIGNS, TriageLevel.EMERGENCY),
    **dict.fromkeys(URGENT_SIGNS, TriageLevel.URGENT),
    **dict.fromkeys(SOON_SIGNS, TriageLevel.SOON),
}


@in_each_language
@pytest.mark.parametrize(
    ("first", "second"),
    [(a, b) for a in LEVEL_OF for b in [*URGENT_SIGNS, *SOON_SIGNS] if a != b],
)
def test_any_two_signs_are_as_urgent_as_the_more_urgent_one(first: str, second: str) -> None:
    expected = max(LEVEL_OF[first], LEVEL_OF[second], key=lambda level: level.rank)
    assert triage(ticked=[first, second]).level is expected


@in_each_language
@pytest.mark.parametrize("sign", list(LEVEL_OF))
def test_every_sign_that_needs_a_doctor_pauses_the_exercises(sign: str) -> None:
    assert triage(ticked=[sign]).stops_exercise


def test_cannot_pee_at_all_is_asked() -> None:
    questions = {flag.id: flag.question for flag in red_flags()}
    assert questions["bladder_retention"] == "You can't pee at all, even though you need to"


def test_the_saddle_sign_names_the_back_passage_and_saddle_not_the_bottom() -> None:
    question = {flag.id: flag.question for flag in red_flags()}["saddle"]
    assert "back passage (anus)" in question
    assert "where you would sit on a saddle" in question
    assert "bottom" not in question


def test_a_history_of_cancer_is_no_longer_a_sign_to_untick_each_day() -> None:
    questions = " ".join(flag.question for flag in red_flags())
    assert "had cancer" not in questions
    assert "losing weight without trying" in questions


@in_each_language
@pytest.mark.parametrize("other", EMERGENCY_SIGNS)
def test_new_sexual_problems_with_an_emergency_sign_are_an_emergency(other: str) -> None:
    assert triage(ticked=["sexual_function", other]).level is TriageLevel.EMERGENCY


@in_each_language
def test_no_signs_and_no_diary_concerns_is_none() -> None:
    result = triage(ticked=[])
    assert (result.level, result.flags, result.stops_exercise) == (TriageLevel.NONE, (), False)


@in_each_language
def test_diary_concerns_alone_suggest_a_routine_appointment() -> None:
    result = triage(ticked=[], history_reasons=["Pain has been getting worse."])
    assert result.level is TriageLevel.ROUTINE
    assert not result.stops_exercise


@in_each_language
def test_an_unknown_sign_is_an_error_not_silence() -> None:
    with pytest.raises(ValueError, match="unknown warning sign: made_up"):
        triage(ticked=["made_up"])


@in_each_language
def test_every_sign_in_the_content_file_is_covered_by_this_table() -> None:
    covered = {*EMERGENCY_SIGNS, *URGENT_SIGNS, *SOON_SIGNS, "sexual_function"}
    assert {flag.id for flag in red_flags()} == covered
    assert {flag.id for flag in content().red_flags} == covered | set(RETIRED_SIGNS)


@in_each_language
def test_every_sign_names_at_least_one_source() -> None:
    assert all(flag.sources for flag in red_flags())


@in_each_language
@pytest.mark.parametrize(
    ("country", "number"),
    [
        ("GB", "999"),
        ("US", "911"),
        ("AU", "000"),
        ("NZ", "111"),
        ("EU", "112"),
        ("SE", "112"),
        (None, "112"),
    ],
)
def test_emergency_advice_names_the_number_for_the_country(country: str, number: str) -> None:
    assert number in emergency_number(country)
    assert number in advice(TriageLevel.EMERGENCY, country=country).text


@in_each_language
@pytest.mark.parametrize(
    ("country", "dial"),
    [
        ("GB", ("999",)),
        ("IE", ("112", "999")),
        ("US", ("911",)),
        ("AU", ("000",)),
        ("NZ", ("111",)),
        ("EU", ("112",)),
        ("SE", ("112",)),
        (None, ("112", "999", "911")),
    ],
)
def test_each_emergency_number_can_be_dialled(country: str | None, dial: tuple[str, ...]) -> None:
    assert emergency_dial(country) == dial


@pytest.mark.parametrize(
    ("code", "dial", "urgent"),
    [
        ("SE", ("112", "999", "911"), ("1177",)),
        ("US", ("911", "112", "999"), ()),
        ("GB", ("999", "112", "911"), ("111",)),
        ("AU", ("000", "112", "999", "911"), ()),
    ],
)
def test_a_country_guessed_from_the_browser_comes_first_but_keeps_the_common_numbers(
    code: str, dial: tuple[str, ...], urgent: tuple[str, ...]
) -> None:
    # A locale tells the language someone reads, not where they are: never fewer numbers.
    assert emergency_dial(guessed(code)) == dial
    assert urgent_dial(guessed(code)) == urgent


# (rule from CLINICAL.md 1, the country code, the level, words the advice must say, the numbers
# it offers to call, in order)
ADVICE_BY_COUNTRY = [
    ("UK same day: NHS 111 beside 999", "GB", TriageLevel.URGENT, "Call NHS 111", ("111", "999")),
    ("UK within 1-2 days: NHS 111 too", "GB", TriageLevel.SOON, "Call NHS 111", ("111", "999")),
    (
        "UK guessed from en-GB: 111, then every common number",
        guessed("GB"),
        TriageLevel.URGENT,
        "Call NHS 111",
        ("111", "999", "112", "911"),
    ),
    ("Sweden same day: 1177 beside 112", "SE", TriageLevel.URGENT, "Call 1177", ("1177", "112")),
    ("Sweden within 1-2 days: 1177 too", "SE", TriageLevel.SOON, "Call 1177", ("1177", "112")),
    (
        "elsewhere same day: doctor or local urgent care",
        "US",
        TriageLevel.URGENT,
        "your doctor or local urgent care",
        ("911",),
    ),
    (
        "elsewhere within 1-2 days: doctor or local urgent care",
        "AU",
        TriageLevel.SOON,
        "your doctor or local urgent care",
        ("000",),
    ),
    (
        "not set: doctor or local urgent care, 112/999/911",
        None,
        TriageLevel.URGENT,
        "your doctor or local urgent care",
        ("112", "999", "911"),
    ),
    (
        "emergency in the UK: 999 only, no advice line",
        "GB",
        TriageLevel.EMERGENCY,
        "emergency department now",
        ("999",),
    ),
]


@pytest.mark.parametrize(
    ("rule", "country", "level", "says", "calls"),
    ADVICE_BY_COUNTRY,
    ids=[row[0] for row in ADVICE_BY_COUNTRY],
)
def test_advice_names_the_countrys_advice_line_beside_the_emergency_numbers(
    rule: str, country: str | None, level: TriageLevel, says: str, calls: tuple[str, ...]
) -> None:
    notice = triage_notice(triage(ticked=[LEVEL_SIGN[level]]), country=country)
    assert says in notice.text, rule
    assert notice.calls == calls, rule
    assert set(calls) <= set(notice.numbers), rule  # each one a tel: link in the text too


LEVEL_SIGN = {
    TriageLevel.EMERGENCY: "saddle",
    TriageLevel.URGENT: "worsening_weakness",
    TriageLevel.SOON: "night_pain",
}


@pytest.mark.parametrize(
    ("level", "title"),
    [
        (TriageLevel.URGENT, "Get medical help today"),
        (TriageLevel.SOON, "See a doctor within 1 to 2 days"),
    ],
)
def test_urgent_advice_is_for_the_same_day_and_soon_advice_for_one_to_two_days(
    level: TriageLevel, title: str
) -> None:
    assert advice(level, country="GB").title == title


def test_emergency_advice_says_now_and_no_exercise() -> None:
    text = advice(TriageLevel.EMERGENCY, country="GB").text
    assert "emergency department now" in text
    assert "do not do exercises" in text


def test_signs_that_count_only_with_others_say_so() -> None:
    assert any(
        sign.endswith("together with any sign above") for sign in signs_for(TriageLevel.EMERGENCY)
    )
    assert any(sign.endswith("on its own") for sign in signs_for(TriageLevel.URGENT))


@pytest.mark.parametrize(
    ("baseline", "fall", "important"),
    [
        (6.0, 2.0, True),  # exactly 2 points, and a third
        (8.0, 2.0, False),  # 2 points, but only 25%
        (8.0, 2.4, True),  # exactly 30%, and more than 2 points
        (5.0, 1.5, False),  # exactly 30%, but under 2 points
        (3.0, 1.0, False),  # 33%, but under 2 points
        (1.0, 0.3, False),  # 30% of 1/10 is not a clinically important fall
        (8.0, -1.0, False),
        (0.0, 0.0, False),  # no pain to begin with: nothing can fall
    ],
)
def test_important_fall_needs_both_2_points_and_30_percent(
    baseline: float, fall: float, important: bool
) -> None:
    assert is_important_fall(baseline=baseline, fall=fall) is important


def check_in_days_ago(days: int, **overrides: object) -> CheckInInput:
    return make_check_in(day=days_ago(days), **overrides)


def test_most_nights_disturbed_this_week_suggests_an_appointment(today: date) -> None:
    recent = [check_in_days_ago(n, sleeping_interference=8) for n in range(4)]
    assert routine_reasons(first_week=recent, recent=recent, today=today) == [
        "Pain has badly disturbed your sleep on most days this week."
    ]


def test_no_clear_improvement_after_six_weeks_suggests_an_appointment(today: date) -> None:
    first_week = [check_in_days_ago(50 - n, leg_pain=6) for n in range(7)]
    recent = [check_in_days_ago(n, leg_pain=5) for n in range(7)]
    reasons = routine_reasons(first_week=first_week, recent=recent, today=today)
    assert reasons == ["Your leg pain has not clearly improved after six weeks of self-care."]


def test_clear_improvement_after_six_weeks_raises_nothing(today: date) -> None:
    first_week = [check_in_days_ago(50 - n, leg_pain=6) for n in range(7)]
    recent = [check_in_days_ago(n, leg_pain=4) for n in range(7)]
    assert routine_reasons(first_week=first_week, recent=recent, today=today) == []


def test_under_six_weeks_of_diary_no_improvement_is_not_yet_a_concern(today: date) -> None:
    first_week = [check_in_days_ago(40 - n, leg_pain=6) for n in range(7)]
    recent = [check_in_days_ago(n, leg_pain=6) for n in range(7)]
    assert routine_reasons(first_week=first_week, recent=recent, today=today) == []


def test_pain_rising_by_two_points_over_a_fortnight_suggests_an_appointment(today: date) -> None:
    recent = [check_in_days_ago(n, leg_pain=6) for n in range(4)]
    recent += [check_in_days_ago(n, leg_pain=3) for n in range(7, 11)]
    assert routine_reasons(first_week=recent, recent=recent, today=today) == [
        "Your leg pain has been getting worse over the past two weeks."
    ]


def test_the_warning_signs_route_the_same_in_every_language() -> None:
    def routing(language: Language) -> list[tuple[object, ...]]:
        return [
            (flag.id, flag.level, flag.alone_level, flag.asked, flag.sources)
            for flag in content(language).red_flags
        ]

    english = routing("en")
    assert all(routing(language) == english for language in LANGUAGES)
    numbers = {code: country.dial for code, country in content("en").emergency_numbers.items()}
    assert {code: c.dial for code, c in content("sv").emergency_numbers.items()} == numbers


@in_each_language
@pytest.mark.parametrize(
    ("level", "dial"),
    [
        (TriageLevel.EMERGENCY, ("112",)),
        (TriageLevel.URGENT, ("1177", "112")),  # healthcare advice first, 112 if it gets worse
        (TriageLevel.SOON, ("1177", "112")),
        (TriageLevel.ROUTINE, ()),
    ],
)
def test_sweden_offers_112_in_an_emergency_and_1177_first_when_urgent(
    level: TriageLevel, dial: tuple[str, ...]
) -> None:
    assert dial_for(level, country="SE") == dial
    assert urgent_dial("SE") == ("1177",)
    assert urgent_dial("GB") == ("111",)
    assert urgent_dial("US") == ()


def test_urgent_advice_in_sweden_names_1177_in_both_languages() -> None:
    with i18n.use("sv"):
        urgent = advice(TriageLevel.URGENT, country="SE")
        emergency = advice(TriageLevel.EMERGENCY, country="SE")
    assert "Ring 1177 för sjukvårdsrådgivning" in urgent.text
    assert "ring 112" in urgent.text
    assert emergency.text.startswith("Ring 112 eller åk till närmaste akutmottagning nu.")
    assert "Call 1177 for healthcare advice" in advice(TriageLevel.URGENT, country="SE").text


def test_the_urgent_notice_in_sweden_offers_1177_then_112() -> None:
    notice = triage_notice(triage(ticked=["night_pain"]), country="SE")
    assert notice.calls == ("1177", "112")


def test_the_saddle_sign_in_swedish_explains_ridbyxeanestesi_in_everyday_words() -> None:
    question = {flag.id: flag.question for flag in red_flags_in("sv")}["saddle"]
    assert "underlivet" in question
    assert "ändtarmsöppningen" in question
    assert "insidan av låren" in question
    assert "där du sitter på en cykelsadel" in question
    # The term comes after the words that explain it, never alone.
    assert question.index("(ridbyxeanestesi)") > question.index("cykelsadel")


def test_the_swedish_signs_name_bladder_and_bowel_in_plain_words() -> None:
    questions = {flag.id: flag.question for flag in red_flags_in("sv")}
    assert "kissa" in questions["bladder_start"]
    assert "kissa alls" in questions["bladder_retention"]
    assert "bajs" in questions["bowel"]
    assert "båda benen" in questions["both_legs"]


def test_several_numbers_read_as_a_list_in_the_language() -> None:
    assert emergency_number(None) == "112, 999 or 911"
    with i18n.use("sv"):
        assert emergency_number(None) == "112, 999 eller 911"
        assert emergency_number("IE") == "112 eller 999"


def red_flags_in(language: Language) -> list[RedFlag]:
    with i18n.use(language):
        return list(red_flags())


@in_each_language
def test_each_asked_sign_has_a_short_line_for_a_phone_and_keeps_its_full_question() -> None:
    for flag in red_flags():
        assert flag.short is not None, flag.id
        assert len(flag.short) <= 60, flag.short
        assert len(flag.short) < len(flag.question), flag.id
        assert flag.short != flag.question
