"""The column names of the CSV files, as each language writes them, and reading them back.

A CSV is written with the header in the person's language ("dag;bensmärta;ryggsmärta" in
Swedish, "day,leg_pain,back_pain" in English), and a file with either header imports, so a
file downloaded in one language is never refused in the other. Swedish spreadsheets use the
comma as the decimal sign and expect a semicolon between cells, so Swedish files use that.
The cells themselves (days as 2026-01-02, keys such as `left` or `sitting`) are the same in
every language.
"""

from __future__ import annotations

from collections.abc import Iterable

from sciatica import i18n
from sciatica.i18n import LANGUAGES, Language, pgettext


def _words() -> dict[str, str]:
    # One call each, with the column as a literal, so that extraction finds every one.
    return {
        "day": pgettext("CSV column", "day"),
        "leg_pain": pgettext("CSV column", "leg_pain"),
        "back_pain": pgettext("CSV column", "back_pain"),
        "sbi_leg_pain": pgettext("CSV column", "sbi_leg_pain"),
        "sbi_numbness": pgettext("CSV column", "sbi_numbness"),
        "sbi_weakness": pgettext("CSV column", "sbi_weakness"),
        "sbi_sitting": pgettext("CSV column", "sbi_sitting"),
        "extent": pgettext("CSV column", "extent"),
        "side": pgettext("CSV column", "side"),
        "walking_interference": pgettext("CSV column", "walking_interference"),
        "sitting_interference": pgettext("CSV column", "sitting_interference"),
        "sleeping_interference": pgettext("CSV column", "sleeping_interference"),
        "activity_minutes": pgettext("CSV column", "activity_minutes"),
        "medication": pgettext("CSV column", "medication"),
        "notes": pgettext("CSV column", "notes"),
        "red_flags": pgettext("CSV column", "red_flags"),
        "no_warning_signs": pgettext("CSV column", "no_warning_signs"),
        "time": pgettext("CSV column", "time"),
        "at_utc": pgettext("CSV column", "at_utc"),
        "triggers": pgettext("CSV column", "triggers"),
        "helped": pgettext("CSV column", "helped"),
        "note": pgettext("CSV column", "note"),
    }


def header(columns: Iterable[str], *, language: Language | None = None) -> list[str]:
    """The columns' names as the language (the current one unless given) writes them."""
    with i18n.use(language or i18n.current()):
        words = _words()
    return [words[column] for column in columns]


def column_of(name: str) -> str | None:
    """The column a header cell names, in any language ('bensmärta' -> 'leg_pain'), if any."""
    wanted = name.strip().casefold()
    for language in LANGUAGES:
        with i18n.use(language):
            words = _words()
        for column, word in words.items():
            if word.casefold() == wanted:
                return column
    return None
