"""Download buttons for documents: in the person's language, with the other language beside it.

A report, a sheet, a calendar file or a CSV is written in the language the app speaks to the
person, and the same document in the other language is one tap away ("Download in English"),
for a physiotherapist or a relative who reads that one.

Streamlit builds a deferred download in a thread of its own when the button is pressed, where
no page run has set the language and no session can be asked for it: each button's builder is
therefore given its language here, while the page runs, and never reads the current one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial

from streamlit.delta_generator import DeltaGenerator

from sciatica import i18n
from sciatica.i18n import LANGUAGES, Language, _

Builder = Callable[[Language], bytes | str]


def other_language(language: Language) -> Language:
    """The language a document can also be had in: English for Swedish, Swedish for English."""
    return next(other for other in LANGUAGES if other != language)


def in_language(file_name: str, language: Language) -> str:
    """A file name marked with its language: 'report.pdf' -> 'report-en.pdf'."""
    stem, dot, suffix = file_name.rpartition(".")
    return f"{stem}-{language}.{suffix}" if dot else f"{file_name}-{language}"


def document_download(
    where: DeltaGenerator,
    label: str,
    build: Builder,
    *,
    file_name: str,
    mime: str,
    icon: str,
    key: str,
    other_labels: Mapping[Language, str],
    help: str | None = None,
) -> None:
    """The document in the person's language, and the other language as a quieter button.

    `build` makes the document in the language it is given; `other_labels` names the button for
    each language the document can also be had in ("Download in English").
    """
    language = i18n.current()
    other = other_language(language)
    where.download_button(
        label,
        partial(build, language),
        file_name=file_name,
        mime=mime,
        on_click="ignore",
        icon=icon,
        key=key,
        help=help,
    )
    where.download_button(
        other_labels[other],
        partial(build, other),
        file_name=in_language(file_name, other),
        mime=mime,
        on_click="ignore",
        icon=":material/translate:",
        type="tertiary",
        key=f"{key}_{other}",
        help=_("The same file in {language}.").format(language=i18n.language_name(other)),
    )
