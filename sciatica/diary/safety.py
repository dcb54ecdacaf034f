"""The Safety page's content: stop rules, when to get help, pregnancy, FAQ and sources."""

from __future__ import annotations

from functools import cache

from pydantic import Field

from sciatica import i18n
from sciatica.content import DATA_DIR, Frozen, Source, check_sources, load_yaml, sources
from sciatica.diary.triage import content as red_flag_content
from sciatica.diary.triage import red_flags
from sciatica.i18n import Language, Text


class Section(Frozen):
    """A titled list of plain statements with their sources."""

    id: str | None = Field(None, pattern=r"^[a-z_]+$", description="For code that needs it.")
    title: Text
    points: tuple[Text, ...]
    sources: tuple[str, ...]


class Question(Frozen):
    """A frequently asked question."""

    question: Text
    answer: Text
    sources: tuple[str, ...]


class SafetyContent(Frozen):
    """The safety file."""

    disclaimer: Text
    stop_rule: Text
    sections: tuple[Section, ...]
    faq: tuple[Question, ...]


def safety_content(language: Language | None = None) -> SafetyContent:
    """The safety page's content, validated, with every source checked, in a language.

    The current language unless given; each language is read once.
    """
    return _safety_content(language or i18n.current())


@cache
def _safety_content(language: Language) -> SafetyContent:
    loaded = load_yaml(DATA_DIR / "safety.yaml", SafetyContent, language=language)
    for section in loaded.sections:
        check_sources(section.sources, where=f"safety.yaml: {section.title}")
    for question in loaded.faq:
        check_sources(question.sources, where=f"safety.yaml: {question.question}")
    return loaded


def cited_sources() -> list[Source]:
    """Every source the safety content, warning signs and numbers cite, in the file's order."""
    content = safety_content()
    cited = {sid for section in content.sections for sid in section.sources}
    cited.update(sid for question in content.faq for sid in question.sources)
    cited.update(sid for flag in red_flags() for sid in flag.sources)
    numbers = red_flag_content().emergency_numbers.values()
    cited.update(sid for country in numbers for sid in country.sources)
    return [source for source in sources().values() if source.id in cited]
