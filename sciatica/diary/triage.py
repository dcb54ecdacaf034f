"""Warning signs: which were ticked, how urgent that is, and what to do about it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from functools import cache
from statistics import fmean
from typing import Annotated

from pydantic import Field

from sciatica import i18n
from sciatica.content import DATA_DIR, ContentError, Frozen, check_sources, load_yaml
from sciatica.diary.models import CheckInInput, TriageLevel
from sciatica.i18n import Language, Text, _

# A clinically important fall on the 0-10 scale needs both: at least 2 points and at least 30% of
# the baseline (Ostelo 2008 proposes 2 points, and 30% once the baseline is taken into account).
# Either alone misleads at the ends: 0.3 is 30% of 1, and 2 points is a quarter of 8.
IMPORTANT_CHANGE_POINTS = 2.0
IMPORTANT_CHANGE_FRACTION = 0.30
# No improvement after about 4-6 weeks of self-care: book an appointment (CLINICAL.md 1).
NO_IMPROVEMENT_DAYS = 42
DISTURBED_SLEEP_SCORE = 7
DISTURBED_SLEEP_DAYS = 4


# The levels with advice of their own, most urgent first.
ADVICE_LEVELS = (TriageLevel.EMERGENCY, TriageLevel.URGENT, TriageLevel.SOON, TriageLevel.ROUTINE)
# Same-day and 1-2-day advice name the country's advice line beside the emergency numbers.
ADVICE_LINE_LEVELS = (TriageLevel.URGENT, TriageLevel.SOON)


class RedFlag(Frozen):
    """One warning sign asked at every check-in."""

    id: str = Field(pattern=r"^[a-z_]+$")
    level: TriageLevel
    alone_level: TriageLevel | None = None
    asked: bool = Field(True, description="False for a retired sign kept for older check-ins.")
    question: Text = Field(min_length=10, max_length=160)
    short: Text | None = Field(None, max_length=60, description="The check-in's one-line label.")
    sources: tuple[str, ...]


class Advice(Frozen):
    """What to do at one level; `{number}` stands for the emergency number."""

    title: Text
    text: Text


class UrgentAdvice(Frozen):
    """A country's number for urgent medical advice, and the sentence that offers it."""

    number: str = Field(pattern=r"^\d+$", description="The number to dial, e.g. '1177'.")
    text: Text = Field(min_length=10, description="One sentence naming the number.")


class Country(Frozen):
    """The emergency numbers of one country or region, and where to get urgent advice."""

    name: Text
    numbers: tuple[Annotated[str, Field(pattern=r"^\d+$")], ...] = Field(
        min_length=1, description="Each number for an ambulance, in the order to offer them."
    )
    urgent: UrgentAdvice | None = Field(None, description="A number for urgent advice.")
    sources: tuple[str, ...] = Field((), description="Where the numbers were confirmed.")

    @property
    def dial(self) -> tuple[str, ...]:
        """Each number to dial, in order: ('112', '999')."""
        return self.numbers

    @property
    def number(self) -> str:
        """The numbers as written for people, in the current language: '112 or 999'."""
        return i18n.format_list(self.numbers, style="or")


class BothLegs(Frozen):
    """The question asked at once when the side chosen is both legs."""

    question: Text
    confirm: Text
    deny: Text


class Seen(Frozen):
    """How a standing warning sign is put to rest."""

    button: Text
    note: Text


class RedFlagContent(Frozen):
    """The warning-signs file."""

    red_flags: tuple[RedFlag, ...]
    advice: dict[TriageLevel, Advice]
    both_legs: BothLegs
    seen: Seen
    emergency_numbers: dict[str, Country]


class Triage(Frozen):
    """The outcome of the warning-sign screen."""

    level: TriageLevel
    flags: tuple[RedFlag, ...] = ()
    reasons: tuple[str, ...] = ()

    @property
    def stops_exercise(self) -> bool:
        """Emergency, urgent and soon signs pause every exercise suggestion until seen about."""
        return self.level.stands


def content(language: Language | None = None) -> RedFlagContent:
    """The warning signs, advice and emergency numbers, validated, in a language.

    The current language unless given; each language is read once.
    """
    return _content(language or i18n.current())


@cache
def _content(language: Language) -> RedFlagContent:
    loaded = load_yaml(DATA_DIR / "red_flags.yaml", RedFlagContent, language=language)
    ids = [flag.id for flag in loaded.red_flags]
    if len(set(ids)) != len(ids):
        raise ContentError("red_flags.yaml: warning-sign ids must be unique")
    for flag in loaded.red_flags:
        check_sources(flag.sources, where=f"red_flags.yaml: {flag.id}")
    for level in ADVICE_LEVELS:
        if level not in loaded.advice:
            raise ContentError(f"red_flags.yaml: advice for {level} is missing")
    if "default" not in loaded.emergency_numbers:
        raise ContentError("red_flags.yaml: emergency_numbers needs a default")
    for code, country in loaded.emergency_numbers.items():
        if country.sources:
            check_sources(country.sources, where=f"red_flags.yaml: emergency_numbers.{code}")
    return loaded


def red_flags() -> tuple[RedFlag, ...]:
    """The warning signs in the order they are asked."""
    return tuple(flag for flag in content().red_flags if flag.asked)


def red_flag(flag_id: str) -> RedFlag:
    """Any warning sign by id, retired ones too (older check-ins may carry them)."""
    found = known_red_flag(flag_id)
    if found is None:
        raise ValueError(f"unknown warning sign: {flag_id}")
    return found


def known_red_flag(flag_id: str) -> RedFlag | None:
    """The warning sign with this id, or None for an id the app has never had."""
    return next((flag for flag in content().red_flags if flag.id == flag_id), None)


def signs_for(level: TriageLevel) -> list[str]:
    """The questions that lead to a level, saying when a sign counts only with others."""
    signs = []
    for flag in red_flags():
        if flag.level is level:
            together = _("{sign}, together with any sign above")
            signs.append(together.format(sign=flag.question) if flag.alone_level else flag.question)
        elif flag.alone_level is level:
            signs.append(_("{sign}, on its own").format(sign=flag.question))
    return signs


def emergency_number(country: str | None) -> str:
    """The emergency number to show for a country code, or the common ones."""
    return _country(country).number


def emergency_dial(country: str | None) -> tuple[str, ...]:
    """The numbers to dial for a country code, or the common ones: ('112', '999', '911')."""
    return _country(country).dial


# A country code read from the browser's locale, not chosen by the person, is written "~SE".
# A locale says which language someone reads, not where they are, so a guess puts that country's
# numbers first and adds its urgent-advice line but never drops the common emergency numbers.
GUESSED = "~"


def guessed(code: str) -> str:
    """The code for a country guessed from the browser's locale: 'SE' -> '~SE'."""
    return f"{GUESSED}{code}"


def _country(code: str | None) -> Country:
    numbers = content().emergency_numbers
    fallback = numbers["default"]
    if code and code.startswith(GUESSED):
        guess = numbers.get(code.removeprefix(GUESSED), fallback)
        extra = tuple(number for number in fallback.numbers if number not in guess.numbers)
        return guess.model_copy(update={"numbers": guess.numbers + extra})
    return numbers.get(code or "default", fallback)


def urgent_dial(country: str | None) -> tuple[str, ...]:
    """The country's number for urgent medical advice, if it has one: ('1177',)."""
    urgent = _country(country).urgent
    return (urgent.number,) if urgent else ()


def dial_for(level: TriageLevel, *, country: str | None) -> tuple[str, ...]:
    """The numbers advice at a level offers to call: urgent advice first where it leads."""
    if level is TriageLevel.EMERGENCY:
        return emergency_dial(country)
    if level in ADVICE_LINE_LEVELS:
        return urgent_dial(country) + emergency_dial(country)
    return ()


def advice(level: TriageLevel, *, country: str | None) -> Advice:
    """The advice for a level, with the emergency number (and urgent advice) filled in."""
    template = content().advice[level]
    place = _country(country)
    text = template.text.format(number=place.number)
    if level in ADVICE_LINE_LEVELS and place.urgent is not None:
        text = f"{place.urgent.text} {text}"
    return Advice(title=template.title, text=text)


def triage(*, ticked: Iterable[str], history_reasons: Sequence[str] = ()) -> Triage:
    """Map ticked warning signs (and reasons from the diary) to the most urgent level."""
    ticked_ids = set(ticked)
    flags = tuple(flag for flag in content().red_flags if flag.id in ticked_ids)
    unknown = ticked_ids - {flag.id for flag in flags}
    if unknown:
        raise ValueError(f"unknown warning sign: {', '.join(sorted(unknown))}")
    level = TriageLevel.NONE
    for flag in flags:
        flag_level = flag.level
        if flag.alone_level is not None:
            others = [other for other in flags if other is not flag and other.level == flag.level]
            flag_level = flag.level if others else flag.alone_level
        level = max(level, flag_level, key=lambda item: item.rank)
    if history_reasons and level is TriageLevel.NONE:
        level = TriageLevel.ROUTINE
    return Triage(level=level, flags=flags, reasons=tuple(history_reasons))


def routine_reasons(
    *, first_week: Sequence[CheckInInput], recent: Sequence[CheckInInput], today: date
) -> list[str]:
    """Reasons from the diary to book a routine appointment.

    `first_week` holds the check-ins of the diary's first seven days (the baseline) and
    `recent` those of the last fourteen days.
    """
    reasons = []
    week = [entry for entry in recent if 0 <= (today - entry.day).days < 7]
    previous_week = [entry for entry in recent if 7 <= (today - entry.day).days < 14]
    bad_nights = sum(entry.sleeping_interference >= DISTURBED_SLEEP_SCORE for entry in week)
    if bad_nights >= DISTURBED_SLEEP_DAYS:
        reasons.append(_("Pain has badly disturbed your sleep on most days this week."))
    if first_week and week and (today - first_week[0].day).days >= NO_IMPROVEMENT_DAYS:
        baseline = fmean(entry.leg_pain for entry in first_week)
        fall = baseline - fmean(entry.leg_pain for entry in week)
        if baseline > 0 and not is_important_fall(baseline=baseline, fall=fall):
            reasons.append(
                _("Your leg pain has not clearly improved after six weeks of self-care.")
            )
    if len(week) >= 3 and len(previous_week) >= 3:
        rise = fmean(e.leg_pain for e in week) - fmean(e.leg_pain for e in previous_week)
        if rise >= IMPORTANT_CHANGE_POINTS:
            reasons.append(_("Your leg pain has been getting worse over the past two weeks."))
    return reasons


def is_important_fall(*, baseline: float, fall: float) -> bool:
    """A fall of at least 2 points and at least 30% of the baseline (Ostelo 2008)."""
    if fall <= 0:
        return False
    return fall >= IMPORTANT_CHANGE_POINTS and fall >= IMPORTANT_CHANGE_FRACTION * baseline
