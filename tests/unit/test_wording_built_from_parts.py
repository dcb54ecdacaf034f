"""Sentences built from parts read as one, in English and in Swedish.

Relative days in each language's idiom ("i torsdags", "i förrgår"), a flare-up at night that
is not "after at night", a sign that counts on its own, and numbers in the report whose words,
signs and percentages agree. The days are fixed dates, so the tables hold on any date.
"""

from __future__ import annotations

import csv
import re
from datetime import date, time, timedelta

import pytest
from pydantic import BaseModel, Field, ValidationError

from sciatica import clock, i18n
from sciatica.diary.check_in import describe_change
from sciatica.diary.flare_mention import flare_mention
from sciatica.diary.flares import describe
from sciatica.diary.models import FlareInput, TriageLevel, describe_errors
from sciatica.diary.triage import signs_for
from sciatica.documents import csv_io
from sciatica.documents import report_words as words
from sciatica.i18n import Language
from sciatica.progress.summary import PainChange, SbiChange
from tests.factories import make_check_in

# Fixed days, not the test clock's: the awkward-moment runs leave this module out.
pytestmark = pytest.mark.timeless

SUNDAY = date(2026, 12, 6)
# A change of nothing with a sign, or a percentage of nothing: "+0.0", "-0,0", "(0%)", "(-0 %)".
NOUGHT = re.compile(r"[+-]0[.,]0\b|\([+-]?0 ?%\)")


@pytest.mark.parametrize(
    ("today", "day", "english", "swedish"),
    [
        (SUNDAY, SUNDAY, "today", "i dag"),
        (SUNDAY, date(2026, 12, 5), "yesterday", "i går"),
        (SUNDAY, date(2026, 12, 4), "the day before yesterday", "i förrgår"),
        (SUNDAY, date(2026, 12, 3), "on Thursday", "i torsdags"),
        (SUNDAY, date(2026, 11, 30), "on Monday", "i måndags"),
        (SUNDAY, date(2026, 11, 29), "on 29 November", "den 29 november"),
        (date(2028, 2, 29), date(2028, 2, 27), "the day before yesterday", "i förrgår"),
        (date(2028, 2, 29), date(2028, 2, 22), "on 22 February", "den 22 februari"),
        (date(2026, 12, 31), date(2026, 12, 27), "on Sunday", "i söndags"),
        (date(2027, 1, 1), date(2026, 12, 31), "yesterday", "i går"),
        (date(2027, 1, 1), date(2026, 12, 20), "on 20 December 2026", "den 20 december 2026"),
    ],
)
def test_a_day_in_a_sentence_is_said_in_each_language_s_idiom(
    today: date, day: date, english: str, swedish: str
) -> None:
    assert clock.day_in_sentence(day, today=today) == english
    with i18n.use("sv"):
        assert clock.day_in_sentence(day, today=today) == swedish


@pytest.mark.parametrize(
    ("before", "days_back", "english", "swedish"),
    [
        (7, 3, "Leg pain 5, 2 lower than on Thursday.", "Bensmärta 5, 2 lägre än i torsdags."),
        (3, 1, "Leg pain 5, 2 higher than yesterday.", "Bensmärta 5, 2 högre än i går."),
        (
            5,
            2,
            "Leg pain 5, the same as the day before yesterday.",
            "Bensmärta 5, samma som i förrgår.",
        ),
        (
            6,
            7,
            "Leg pain 5, 1 lower than on 29 November.",
            "Bensmärta 5, 1 lägre än den 29 november.",
        ),
    ],
)
def test_the_check_in_s_comparison_reads_as_one_sentence_with_one_full_stop(
    before: int, days_back: int, english: str, swedish: str
) -> None:
    previous = make_check_in(day=SUNDAY - timedelta(days=days_back), leg_pain=before)
    current = make_check_in(day=SUNDAY, leg_pain=5)
    assert describe_change(current, previous, today=SUNDAY) == english
    with i18n.use("sv"):
        said = describe_change(current, previous, today=SUNDAY)
    assert said == swedish
    assert ".." not in said


def flare(days_back: int, *triggers: str) -> FlareInput:
    day = SUNDAY - timedelta(days=days_back)
    return FlareInput(
        day=day,
        at=clock.moment_at(day, time(22, 30), "Europe/Stockholm"),
        leg_pain=8,
        triggers=triggers,
    )


@pytest.mark.parametrize(
    ("entry", "english", "swedish"),
    [
        (
            flare(1, "night"),
            "A flare-up at night in bed yesterday: leg pain 8, 4 points above that day's check-in.",
            "Ett smärtskov på natten i sängen i går: bensmärta 8, 4 poäng högre än "
            "incheckningen den dagen.",
        ),
        (
            flare(3, "sitting", "night"),
            "A flare-up after sitting and at night in bed on Thursday: leg pain 8, 4 points above "
            "that day's check-in.",
            "Ett smärtskov efter sittande och på natten i sängen i torsdags: bensmärta 8, 4 poäng "
            "högre än incheckningen den dagen.",
        ),
        (
            flare(2, "sitting", "driving"),
            "A flare-up after sitting and driving the day before yesterday: leg pain 8, 4 points "
            "above that day's check-in.",
            "Ett smärtskov efter sittande och bilkörning i förrgår: bensmärta 8, 4 poäng högre än "
            "incheckningen den dagen.",
        ),
        (
            flare(1),
            "A flare-up yesterday: leg pain 8, 4 points above that day's check-in.",
            "Ett smärtskov i går: bensmärta 8, 4 poäng högre än incheckningen den dagen.",
        ),
    ],
)
def test_a_flare_up_beside_the_advice_says_what_set_it_off_and_when_as_one_sentence(
    entry: FlareInput, english: str, swedish: str
) -> None:
    check_ins = {entry.day: 4}
    mention = flare_mention([entry], check_in_leg_pain=check_ins, today=SUNDAY)
    assert mention is not None
    assert mention.sentence == english
    with i18n.use("sv"):
        mention = flare_mention([entry], check_in_leg_pain=check_ins, today=SUNDAY)
    assert mention is not None
    assert mention.sentence == swedish


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "leg pain 8 at 22:30, after sitting and at night in bed"),
        ("sv", "bensmärta 8 kl. 22:30, efter sittande och på natten i sängen"),
    ],
)
def test_a_saved_flare_up_at_night_is_never_after_at_night(language: Language, said: str) -> None:
    with i18n.use(language):
        words_said = describe(flare(0, "sitting", "night"), timezone="Europe/Stockholm")
    assert words_said == said
    assert "after at night" not in words_said
    assert "efter natten" not in words_said


def test_a_sign_that_counts_on_its_own_says_so_in_plain_swedish() -> None:
    with i18n.use("sv"):
        urgent = signs_for(TriageLevel.URGENT)
    alone = [sign for sign in urgent if sign.endswith(" (om det är det enda tecknet)")]
    assert alone
    assert not [sign for sign in urgent if ", ensamt" in sign]


# The report's numbers ----------------------------------------------------------------------


def pain(baseline: float, later: float) -> PainChange:
    return PainChange(baseline=baseline, baseline_days=7, later=later, later_days=21)


@pytest.mark.parametrize(
    ("change", "english", "swedish"),
    [
        (
            pain(5.0, 5.0),
            "5.0 at baseline (7 days), 5.0 in the latest week (21 days): about the same.",
            "5,0 i utgångsläget (7 dagar), 5,0 den senaste veckan (21 dagar): ungefär lika.",
        ),
        (
            pain(5.04, 4.96),
            "5.0 at baseline (7 days), 5.0 in the latest week (21 days): about the same.",
            "5,0 i utgångsläget (7 dagar), 5,0 den senaste veckan (21 dagar): ungefär lika.",
        ),
        (
            pain(1.57, 1.52),
            "1.6 at baseline (7 days), 1.5 in the latest week (21 days): 0.1 points lower (6%), "
            "less than the 2 points and 30% usually counted as important.",
            "1,6 i utgångsläget (7 dagar), 1,5 den senaste veckan (21 dagar): 0,1 poäng lägre "
            "(6 %), mindre än de 2 poäng och 30 % som brukar räknas som kliniskt betydelsefullt.",
        ),
        (
            pain(6.0, 3.0),
            "6.0 at baseline (7 days), 3.0 in the latest week (21 days): 3 points lower (50%): a "
            "clinically important fall.",
            "6,0 i utgångsläget (7 dagar), 3,0 den senaste veckan (21 dagar): 3 poäng lägre "
            "(50 %): en kliniskt betydelsefull minskning.",
        ),
        (
            pain(3.0, 4.0),
            "3.0 at baseline (7 days), 4.0 in the latest week (21 days): 1 point higher.",
            "3,0 i utgångsläget (7 dagar), 4,0 den senaste veckan (21 dagar): 1 poäng högre.",
        ),
        (
            pain(9.96, 9.92),
            "10.0 at baseline (7 days), 9.9 in the latest week (21 days): 0.1 points lower (1%), "
            "less than the 2 points and 30% usually counted as important.",
            "10,0 i utgångsläget (7 dagar), 9,9 den senaste veckan (21 dagar): 0,1 poäng lägre "
            "(1 %), mindre än de 2 poäng och 30 % som brukar räknas som kliniskt betydelsefullt.",
        ),
    ],
    ids=["equal", "equal-once-rounded", "a-tenth", "important", "higher", "under-one-percent"],
)
def test_the_report_s_pain_numbers_never_say_plus_nought_and_signs_agree_with_words(
    change: PainChange, english: str, swedish: str
) -> None:
    assert words.pain_numbers(change) == english
    with i18n.use("sv"):
        assert words.pain_numbers(change) == swedish
    for said in (english, swedish):
        assert not NOUGHT.search(said), said


@pytest.mark.parametrize(
    ("first", "latest", "english"),
    [
        (9, 9, "First 9/24, latest 9/24 (3 weekly answers): no change."),
        (
            12,
            7,
            "First 12/24, latest 7/24 (3 weekly answers): change -5, beyond the measurement "
            "error of about 5 points.",
        ),
    ],
)
def test_the_report_s_bothersomeness_says_no_change_rather_than_plus_nought(
    first: int, latest: int, english: str
) -> None:
    assert words.sbi_numbers(SbiChange(first=first, latest=latest, answers=3)) == english


@pytest.mark.parametrize("language", ["en", "sv"])
def test_the_report_writes_every_day_with_a_four_digit_year(language: Language) -> None:
    with i18n.use(language):
        written = words.day(date(2027, 1, 3))
    assert written.endswith("2027")


# No library English inside Swedish ---------------------------------------------------------


class _Coded(BaseModel):
    code: str = Field(pattern=r"^[a-z]+$")


def test_a_problem_pydantic_alone_has_words_for_is_said_in_general_swedish() -> None:
    with pytest.raises(ValidationError) as error:
        _Coded.model_validate({"code": "NOT valid!"})
    with i18n.use("sv"):
        swedish = describe_errors(error.value, model=_Coded, labels={})
    assert swedish == ["code: värdet går inte att använda här."]
    english = describe_errors(error.value, model=_Coded, labels={})
    assert english == ["Code: string should match pattern '^[a-z]+$'."]


def test_a_csv_reader_message_the_app_has_no_words_for_is_said_in_general_swedish() -> None:
    error = csv.Error("new-line character seen in unquoted field")
    with i18n.use("sv"):
        swedish = csv_io._not_csv(error, line=3)
    assert swedish == "Filen är inte giltig CSV: rad 3: raden går inte att läsa."
    english = csv_io._not_csv(error, line=3)
    assert (
        english == "The file is not valid CSV: line 3: new-line character seen in unquoted field."
    )
