"""The Safety page's content: stop rules, when to get help, pregnancy, FAQ and sources."""

from __future__ import annotations

from functools import cache

from sciatica.content import DATA_DIR, Frozen, Source, check_sources, load_yaml, sources
from sciatica.diary.triage import red_flags


class Section(Frozen):
    """A titled list of plain statements with their sources."""

    title: str
    points: tuple[str, ...]
    sources: tuple[str, ...]


class Question(Frozen):
    """A frequently asked question."""

    question: str
    answer: str
    sources: tuple[str, ...]


class SafetyContent(Frozen):
    """The safety file."""

    disclaimer: str
    stop_rule: str
    sections: tuple[Section, ...]
    faq: tuple[Question, ...]


@cache
def safety_content() -> SafetyContent:
    """The safety page's content, validated, with every source checked."""
    loaded = load_yaml(DATA_DIR / "safety.yaml", SafetyContent)
    for section in loaded.sections:
        check_sources(section.sources, where=f"safety.yaml: {section.title}")
    for question in loaded.faq:
        check_sources(question.sources, where=f"safety.yaml: {question.question}")
    return loaded


def cited_sources() -> list[Source]:
    """Every source the safety content and warning signs cite, in the sources file's order."""
    content = safety_content()
    cited = {sid for section in content.sections for sid in section.sources}
    cited.update(sid for question in content.faq for sid in question.sources)
    cited.update(sid for flag in red_flags() for sid in flag.sources)
    return [source for source in sources().values() if source.id in cited]
