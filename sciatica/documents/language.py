"""How a document says which language it is in, so a reader of the other can ask for it."""

from __future__ import annotations

from sciatica import i18n
from sciatica.i18n import LANGUAGES, _


def language_line() -> str:
    """'In English; the app also makes it in Swedish (Svenska).', in the current language.

    The other language is named in itself too, so a clinician who reads only that one finds it.
    """
    language = i18n.current()
    other = next(code for code in LANGUAGES if code != language)
    return _("In {language}; the app also makes it in {other} ({other_in_itself}).").format(
        language=i18n.language_name(language),
        other=i18n.language_name(other),
        other_in_itself=i18n.NAMES[other],
    )
