"""The app's languages: which exist, which one this run speaks, its words, dates and numbers.

English and Swedish. English is the language of the code: a message is written in English and
marked, and the Swedish catalogue (sciatica/locale/sv/LC_MESSAGES/messages.po, kept with
Babel: `make extract`, `make update`, `make compile`) gives its translation.

- Mark a message with `_("Saved.")`; a number that decides the words with
  `ngettext("{count} check-in", "{count} check-ins", count).format(count=count)`; a short word
  whose meaning depends on where it stands with `pgettext("button", "Save")`. The message is
  always a plain string literal (never an f-string), so that extraction can find it; fill in
  values afterwards with `.format(...)`, naming each one.
- A user-facing constant at module level is marked with `N_("...")`, which only marks it, and
  translated where it is used: `_(CONSTANT)`. Nothing is translated at import time, since the
  language is only known once a page runs.
- The language of this run is a context variable: the ui layer sets it once at the start of
  each page run (`set_language`), so services need no language parameter; documents take one
  explicitly and translate under `use(language)`. A widget callback runs before the page sets
  the language, in a thread of its own: the ui layer registers where the session keeps its
  language (`set_fallback`), so callbacks speak it too.
- Dates and numbers follow the language through Babel: `format_day(day)` gives "Tuesday 1
  December" or "tisdag 1 december", `format_decimal(2.5)` "2.5" or "2,5".

The catalogue is read from its .po file, in memory, once per process (no compiled .mo file to
forget to build or to go stale); a missing or unreadable catalogue raises `CatalogueMissing`
rather than quietly showing English. This module reads no clock and imports no other part of
the app.
"""

from __future__ import annotations

import gettext as _gettext
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from decimal import Decimal
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import Annotated, Any, Literal, get_args

from babel import Locale
from babel import dates as _dates
from babel import lists as _lists
from babel import numbers as _numbers
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from pydantic import BeforeValidator, ValidationInfo

Language = Literal["en", "sv"]
LANGUAGES: tuple[Language, ...] = get_args(Language)
DEFAULT_LANGUAGE: Language = "en"
# Each language named in itself, as a language picker shows it.
NAMES: dict[Language, str] = {"en": "English", "sv": "Svenska"}
# British English: the app's words are British (GP, physiotherapist), so are its dates.
_LOCALES: dict[Language, str] = {"en": "en_GB", "sv": "sv_SE"}

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"

_CURRENT: ContextVar[Language | None] = ContextVar("sciatica_language", default=None)
_fallback: Callable[[], Language | None] | None = None


def _in_language(value: Any, info: ValidationInfo) -> Any:
    """A text given in every language, resolved to the one being loaded.

    Without a language in the validation context the model is being built in code from text
    already in one language, and the value passes as it is.
    """
    language = (info.context or {}).get("language")
    if language is None:
        return value
    if not isinstance(value, dict):
        raise ValueError(f"needs the text in each language ({', '.join(LANGUAGES)})")
    unknown = sorted(str(key) for key in value if key not in LANGUAGES)
    if unknown:
        raise ValueError(f"unknown language {', '.join(unknown)}")
    for code in LANGUAGES:
        text = value.get(code)
        if not isinstance(text, str) or not text.strip():
            raise ValueError(f"the {NAMES[code]} ({code}) text is missing or empty")
    return value[language]


Text = Annotated[str, BeforeValidator(_in_language)]
"""A text shown to people: `{en: ..., sv: ...}` in a content file, one string once loaded."""


class CatalogueMissing(RuntimeError):
    """A language's translation catalogue is missing or cannot be read."""


def as_language(value: object) -> Language | None:
    """The value as a supported language code ('en', 'sv'), or None if it is not one."""
    for language in LANGUAGES:
        if value == language:
            return language
    return None


def from_locale(tag: str | None) -> Language | None:
    """The language of a browser locale such as 'sv-SE', 'sv' or 'en_GB'; None if unsupported."""
    if not tag:
        return None
    return as_language(tag.replace("_", "-").split("-")[0].strip().lower())


def current() -> Language:
    """The language of this run: as set, else the session's (callbacks), else English."""
    language = _CURRENT.get()
    if language is None and _fallback is not None:
        language = _fallback()
    return language or DEFAULT_LANGUAGE


def set_language(language: Language) -> None:
    """Speak this language for the rest of this run (the ui layer calls it once per run)."""
    _CURRENT.set(language)


@contextmanager
def use(language: Language) -> Iterator[None]:
    """Speak a language inside the block, as a document in a chosen language does."""
    token = _CURRENT.set(language)
    try:
        yield
    finally:
        _CURRENT.reset(token)


def set_fallback(provider: Callable[[], Language | None] | None) -> None:
    """Where to find the language when none was set in this context (a widget callback)."""
    global _fallback
    _fallback = provider


def catalogue_path(language: Language) -> Path:
    """The .po file that holds a language's translations."""
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(language: Language) -> _gettext.NullTranslations:
    """A language's translations, read once from its catalogue; English needs none."""
    if language == DEFAULT_LANGUAGE:
        return _gettext.NullTranslations()
    path = catalogue_path(language)
    try:
        with path.open("rb") as file:
            catalogue = read_po(file, locale=_LOCALES[language], domain=DOMAIN)
    except (OSError, ValueError) as error:
        raise CatalogueMissing(f"{path}: the {NAMES[language]} catalogue: {error}") from error
    compiled = BytesIO()
    write_mo(compiled, catalogue)  # fuzzy entries are left out, as `pybabel compile` does
    compiled.seek(0)
    return _gettext.GNUTranslations(compiled)


def gettext(message: str) -> str:
    """The message in the current language."""
    return translations(current()).gettext(message)


_ = gettext


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of the message for this count, by the current language's plural rule."""
    return translations(current()).ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """The message in the current language, told apart from the same words elsewhere."""
    return translations(current()).pgettext(context, message)


def foreign_words(english: str, *, instead: str) -> str:
    """Words a library wrote, in English: shown as they are in English, else `instead`.

    Python's JSON and CSV readers and pydantic speak only English; in another language the app
    says its own general sentence instead, never their English inside it.
    """
    return english if current() == DEFAULT_LANGUAGE else instead


def N_(message: str) -> str:
    """Mark a constant for translation without translating it; translate it where it is used."""
    return message


def locale(language: Language | None = None) -> Locale:
    """Babel's locale for a language (the current one unless given)."""
    return Locale.parse(_LOCALES[language or current()])


def language_name(language: Language, *, language_of_name: Language | None = None) -> str:
    """A language's name in the current language (or the one given): 'Swedish', 'engelska'."""
    return str(locale(language_of_name).languages[language])


def format_date(day: date, format: str = "medium", *, language: Language | None = None) -> str:
    """A date in a Babel format ('short', 'medium', 'long', 'full') or pattern ('d MMM').

    British English shortens every month to three letters, as the charts' own ticks do: CLDR
    alone writes September as "Sept".
    """
    written = _dates.format_date(day, format=format, locale=locale(language))
    if (language or current()) == "en":
        written = _SEPT.sub("Sep", written)
    return written


_SEPT = re.compile(r"\bSept\b")


def format_day(day: date, *, year: bool = False, language: Language | None = None) -> str:
    """The weekday and date: 'Tuesday 1 December' or 'tisdag 1 december' (and the year)."""
    return format_date(day, "EEEE d MMMM y" if year else "EEEE d MMMM", language=language)


def weekday_name(
    weekday: int,
    *,
    width: Literal["wide", "abbreviated", "narrow"] = "wide",
    language: Language | None = None,
) -> str:
    """A weekday's name, Monday being 0 as in `date.weekday()`: 'Tuesday' or 'tisdag'."""
    return str(_dates.get_day_names(width, locale=locale(language))[weekday])


def format_decimal(
    number: float | Decimal | int, *, format: str | None = None, language: Language | None = None
) -> str:
    """A number with the language's decimal sign: 2.5 or 2,5 ('#,##0.0' to fix the places)."""
    return _numbers.format_decimal(number, format=format, locale=locale(language))


def decimal_sign(*, language: Language | None = None) -> str:
    """The language's decimal sign: '.' in English, ',' in Swedish."""
    return str(_numbers.get_decimal_symbol(locale(language)))


def csv_separator(*, language: Language | None = None) -> str:
    """The cell separator a spreadsheet in the language expects: ';' where ',' is decimal."""
    return ";" if decimal_sign(language=language) == "," else ","


def format_list(
    items: Sequence[str],
    *,
    style: Literal["standard", "or"] = "standard",
    language: Language | None = None,
) -> str:
    """Items joined as the language writes a list: '112, 999 or 911', '112, 999 eller 911'."""
    return _lists.format_list(list(items), style=style, locale=locale(language))
