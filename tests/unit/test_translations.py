"""Every message the code marks has its Swedish translation, and every content text its Swedish.

The messages are extracted from the code here, in-process, as `make extract` does (babel.cfg),
so a string marked in a page but not yet translated fails `make test` with its name.
"""

from __future__ import annotations

import ast
import string
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
import yaml
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from sciatica import i18n
from sciatica.diary.about_me import about_me_content
from sciatica.diary.safety import safety_content
from sciatica.diary.triage import content
from sciatica.exercises.catalog import load_catalog
from sciatica.i18n import LANGUAGES, Language

# Nothing here depends on the date: the awkward-moment runs leave it out.
pytestmark = pytest.mark.timeless

ROOT = Path(__file__).resolve().parents[2]
TRANSLATED: tuple[Language, ...] = tuple(lang for lang in LANGUAGES if lang != "en")
# The functions that mark a message, and which of their arguments are the message's words.
MARKERS = {"_": (0,), "gettext": (0,), "N_": (0,), "ngettext": (0, 1), "pgettext": (0, 1)}

MessageKey = tuple[str | None, str | tuple[str, ...]]  # (context, msgid or (singular, plural))


@cache
def marked_in_code() -> dict[MessageKey, str]:
    """Each marked message in the code, with the first file that marks it."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)
    found: dict[MessageKey, str] = {}
    for filename, _line, message, _comments, context in extract_from_dir(
        str(ROOT), method_map, options_map
    ):
        key = (context, tuple(message) if isinstance(message, tuple | list) else message)
        found.setdefault(key, filename)
    return found


@cache
def catalogue(language: Language) -> Catalog:
    with i18n.catalogue_path(language).open("rb") as file:
        return read_po(file, locale=language)


def _key(message: Message) -> MessageKey:
    ids = message.id
    return (message.context, tuple(ids) if isinstance(ids, tuple | list) else ids)


def _forms(text: str | tuple[str, ...] | list[str] | None) -> list[str]:
    if text is None:
        return []
    return list(text) if isinstance(text, tuple | list) else [text]


def _fields(text: str) -> set[str]:
    return {name for _literal, name, _spec, _conv in string.Formatter().parse(text) if name}


def test_the_code_marks_messages_for_translation() -> None:
    assert len(marked_in_code()) > 40  # the extraction itself works (babel.cfg, keywords)


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_marked_message_is_translated(language: Language) -> None:
    entries = {_key(message): message for message in catalogue(language) if message.id}
    plurals = catalogue(language).num_plurals
    problems = []
    for key, filename in sorted(marked_in_code().items(), key=lambda item: item[1]):
        message = entries.get(key)
        forms = _forms(message.string) if message else []
        if message is None:
            problems.append(f"{filename}: {key[1]!r} is not in the catalogue (make update)")
        elif message.fuzzy:
            problems.append(f"{filename}: {key[1]!r} is marked fuzzy: check its translation")
        elif not all(form.strip() for form in forms) or not forms:
            problems.append(f"{filename}: {key[1]!r} has no translation")
        elif message.pluralizable and len(forms) != plurals:
            problems.append(f"{filename}: {key[1]!r} needs {plurals} plural forms")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_catalogue_holds_no_message_the_code_no_longer_uses(language: Language) -> None:
    marked = marked_in_code()
    stale = [key[1] for key in map(_key, catalogue(language)) if key[1] and key not in marked]
    assert not stale, f"run make update: {stale}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_each_translation_fills_in_the_same_values_as_its_message(language: Language) -> None:
    problems = []
    for message in catalogue(language):
        if not message.id:
            continue
        wanted = set().union(*(_fields(form) for form in _forms(message.id)))
        for form in _forms(message.string):
            if _fields(form) != wanted:
                problems.append(f"{message.id!r}: {form!r} fills {_fields(form)}, not {wanted}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_catalogue_compiles_without_errors(language: Language) -> None:
    errors = [(message.id, problems) for message, problems in catalogue(language).check()]
    assert not errors
    assert i18n.translations(language).gettext("Safety") != "Safety"


def _marked_calls() -> Iterator[tuple[Path, ast.Call, int]]:
    """Each call of a marking function in the app's code, with the argument that holds words."""
    files = [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]
    files += sorted((ROOT / "sciatica").rglob("*.py"))
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            for index in MARKERS.get(name or "", ()):
                yield path, node, index


def test_every_marked_message_is_words_that_extraction_can_read() -> None:
    """A literal, or a constant marked with N_ where it is defined; never built in place.

    `_(f"Saved {day}")`, `_("Saved " + day)` and `_("Saved {}".format(day))` would look up words
    no catalogue holds, and show English.
    """
    built = (ast.JoinedStr, ast.BinOp, ast.Call)
    problems = []
    for path, call, index in _marked_calls():
        argument = call.args[index] if index < len(call.args) else None
        literal = isinstance(argument, ast.Constant) and isinstance(argument.value, str)
        if (
            argument is None
            or isinstance(argument, built)
            or (isinstance(argument, ast.Constant) and not literal)
        ):
            where = path.relative_to(ROOT)
            problems.append(f"{where}:{call.lineno}: mark the words as written, then .format(...)")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_content_file_loads_in_each_language(language: Language) -> None:
    signs = content(language)
    assert len({flag.question for flag in signs.red_flags}) == len(signs.red_flags)
    assert safety_content(language).disclaimer
    assert about_me_content(language).intro
    catalog = load_catalog(language=language)
    assert all(exercise.name and exercise.steps for exercise in catalog.exercises)


def test_swedish_content_is_written_in_swedish_not_copied_from_english() -> None:
    english, swedish = load_catalog(language="en"), load_catalog(language="sv")
    copied = [
        exercise.id
        for exercise, svensk in zip(english.exercises, swedish.exercises, strict=True)
        if exercise.purpose == svensk.purpose or exercise.steps == svensk.steps
    ]
    assert not copied
    flags = zip(content("en").red_flags, content("sv").red_flags, strict=True)
    assert not [en.id for en, sv in flags if en.question == sv.question]


# Words Swedish writes as English does: a translation may equal its message only in these (and
# in placeholders, numbers and punctuation, which are not words).
SAME_IN_SWEDISH = frozenset({"Period", "SBI", "Start", "Stretch", "Version", "version", "s"})
_NOT_WORDS = str.maketrans("", "", "{}()[]*:;,./-0123456789%")


def _words_of(text: str) -> set[str]:
    """The words of a message, placeholders left out."""
    literal = "".join(part for part, _name, _spec, _conv in string.Formatter().parse(text))
    return set(literal.translate(_NOT_WORDS).split())


@pytest.mark.parametrize("language", TRANSLATED)
def test_no_translation_is_the_english_message_copied(language: Language) -> None:
    """A message "translated" by copying its English would show English in another language."""
    copied = []
    for message in catalogue(language):
        if not message.id:
            continue
        for english, translated in zip(_forms(message.id), _forms(message.string), strict=False):
            if translated == english and not _words_of(english) <= SAME_IN_SWEDISH:
                copied.append(english)
    assert not copied, copied


def _texts(value: object) -> Iterator[dict[str, str]]:
    """Every `{en: ..., sv: ...}` text in a content file's data."""
    if isinstance(value, dict):
        if set(value) == set(LANGUAGES):
            yield value
            return
        for inner in value.values():
            yield from _texts(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _texts(inner)


@pytest.mark.parametrize("path", sorted((ROOT / "data").glob("*.yaml")), ids=lambda p: p.name)
def test_no_content_text_is_its_english_copied(path: Path) -> None:
    texts = list(_texts(yaml.safe_load(path.read_text(encoding="utf-8"))))
    copied = [
        text["en"]
        for text in texts
        if text["en"] == text["sv"] and not _words_of(text["en"]) <= SAME_IN_SWEDISH
    ]
    assert not copied
