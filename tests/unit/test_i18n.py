"""The app's languages: which one a run speaks, its words, plurals, dates and numbers."""

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError

from sciatica import i18n
from sciatica.content import ContentError, load_yaml
from sciatica.diary.triage import RedFlagContent
from sciatica.exercises.library import left_out_note, match_count
from sciatica.i18n import Text, _, ngettext

# Nothing here depends on the date: the awkward-moment runs leave it out.
pytestmark = pytest.mark.timeless

TUESDAY = date(2026, 12, 1)  # a fixed date to format, not "today"


@pytest.fixture
def no_fallback() -> Iterator[None]:
    """No session to fall back on, as outside Streamlit; restored afterwards."""
    before = i18n._fallback
    i18n.set_fallback(None)
    yield
    i18n.set_fallback(before)


@pytest.mark.parametrize(
    ("tag", "language"),
    [
        ("sv-SE", "sv"),
        ("sv", "sv"),
        ("sv_FI", "sv"),
        ("SV-se", "sv"),
        ("en-GB", "en"),
        ("en-US", "en"),
        ("fi-FI", None),
        ("", None),
        (None, None),
    ],
)
def test_a_browser_locale_names_its_language_if_the_app_speaks_it(
    tag: str | None, language: str | None
) -> None:
    assert i18n.from_locale(tag) == language


@pytest.mark.usefixtures("no_fallback")
def test_english_is_spoken_until_a_run_sets_a_language() -> None:
    assert i18n.current() == "en"
    with i18n.use("sv"):
        assert i18n.current() == "sv"
        assert _("Safety") == "Säkerhet"
    assert i18n.current() == "en"
    assert _("Safety") == "Safety"


@pytest.mark.usefixtures("no_fallback")
def test_a_callback_without_a_set_language_speaks_the_sessions() -> None:
    i18n.set_fallback(lambda: "sv")
    assert i18n.current() == "sv"
    with i18n.use("en"):  # a language set in the run wins
        assert i18n.current() == "en"


@pytest.mark.parametrize(
    ("count", "groups", "english", "swedish"),
    [
        (0, 0, "0 exercises in 0 families", "0 övningar i 0 familjer"),
        (1, 1, "1 exercise in 1 family", "1 övning i 1 familj"),
        (2, 1, "2 exercises in 1 family", "2 övningar i 1 familj"),
        (21, 12, "21 exercises in 12 families", "21 övningar i 12 familjer"),
    ],
)
def test_plural_forms_come_from_the_catalogue(
    count: int, groups: int, english: str, swedish: str
) -> None:
    assert match_count(count, families=groups) == english
    with i18n.use("sv"):
        assert match_count(count, families=groups) == swedish


def test_a_whole_sentence_is_one_message_with_its_plural() -> None:
    with i18n.use("sv"):
        assert left_out_note(1).startswith("1 övning visas inte")
        assert left_out_note(3).startswith("3 övningar visas inte")


def test_a_message_missing_from_the_catalogue_shows_in_english() -> None:
    with i18n.use("sv"):
        assert _("A message nobody marked") == "A message nobody marked"
        assert ngettext("{n} thing", "{n} things", 2) == "{n} things"


def test_a_marked_constant_is_translated_where_it_is_used() -> None:
    constant = i18n.N_("Safety")
    assert constant == "Safety"
    with i18n.use("sv"):
        assert _(constant) == "Säkerhet"


@pytest.mark.parametrize(
    ("language", "day", "full", "decimal", "numbers"),
    [
        ("en", "Tuesday 1 December", "Tuesday 1 December 2026", "2.5", "112, 999 or 911"),
        ("sv", "tisdag 1 december", "tisdag 1 december 2026", "2,5", "112, 999 eller 911"),
    ],
)
def test_dates_weekdays_numbers_and_lists_follow_the_language(
    language: i18n.Language, day: str, full: str, decimal: str, numbers: str
) -> None:
    with i18n.use(language):
        assert i18n.format_day(TUESDAY) == day
        assert i18n.format_day(TUESDAY, year=True) == full
        assert i18n.weekday_name(TUESDAY.weekday()) == day.split()[0]
        assert i18n.format_decimal(2.5) == decimal
        assert i18n.format_list(["112", "999", "911"], style="or") == numbers


SHORT_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@pytest.mark.parametrize("month", range(1, 13))
def test_english_shortens_every_month_to_three_letters_as_the_charts_do(month: int) -> None:
    day = date(2027, month, 14)
    assert i18n.format_date(day, "d MMM y") == f"14 {SHORT_MONTHS[month - 1]} 2027"
    assert i18n.format_date(day, "EEE dd MMM y").split()[2] == SHORT_MONTHS[month - 1]
    assert i18n.format_date(day, "d MMMM") == f"14 {MONTHS[month - 1]}"
    assert i18n.format_date(day, "medium") == f"14 {SHORT_MONTHS[month - 1]} 2027"


def test_swedish_short_months_are_babels_own() -> None:
    assert i18n.format_date(date(2027, 9, 14), "d MMM y", language="sv") == "14 sep. 2027"
    assert i18n.format_date(date(2027, 9, 14), "d MMMM", language="sv") == "14 september"


def test_a_language_can_be_given_without_changing_the_current_one() -> None:
    assert i18n.format_day(TUESDAY, language="sv") == "tisdag 1 december"
    assert i18n.weekday_name(0, width="abbreviated", language="sv") == "mån"
    assert i18n.current() == "en"


def test_a_missing_catalogue_fails_loudly_rather_than_showing_english(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.translations.cache_clear()
    try:
        with pytest.raises(i18n.CatalogueMissing, match="Svenska catalogue"):
            i18n.translations("sv")
    finally:
        monkeypatch.undo()
        i18n.translations.cache_clear()


class _Card(BaseModel):
    title: Text


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ({"en": "Stop"}, "the Svenska (sv) text is missing or empty"),
        ({"en": "Stop", "sv": "  "}, "the Svenska (sv) text is missing or empty"),
        ({"sv": "Sluta"}, "the English (en) text is missing or empty"),
        ("Stop", "needs the text in each language (en, sv)"),
        ({"en": "Stop", "sv": "Sluta", "de": "Halt"}, "unknown language de"),
    ],
)
def test_content_text_without_every_language_fails_loudly(value: object, problem: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(problem)):
        _Card.model_validate({"title": value}, context={"language": "en"})


def test_content_text_resolves_to_the_language_loaded() -> None:
    both = {"title": {"en": "Stop", "sv": "Sluta"}}
    assert _Card.model_validate(both, context={"language": "sv"}).title == "Sluta"
    assert _Card.model_validate(both, context={"language": "en"}).title == "Stop"
    assert _Card(title="Built in code").title == "Built in code"  # already one language


def test_a_content_file_missing_a_swedish_text_names_the_file_and_field(tmp_path: Path) -> None:
    shipped = (Path(i18n.__file__).parents[1] / "data" / "red_flags.yaml").read_text("utf-8")
    broken = tmp_path / "red_flags.yaml"
    swedish = "      sv: Du kan inte kissa alls, fast du är kissnödig\n"
    assert swedish in shipped
    broken.write_text(shipped.replace(swedish, ""), encoding="utf-8")
    for language in i18n.LANGUAGES:  # loading either language checks both
        with pytest.raises(ContentError, match=r"red_flags\.yaml: red_flags\.1\.question: .*sv"):
            load_yaml(broken, RedFlagContent, language=language)
