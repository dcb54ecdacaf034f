"""About me: the personal cautions asked once on first use, their wording and what they add.

The answers live in `models.AboutMe`; the wording, each caution and its sources in
data/about_me.yaml. What each answer leaves out of the exercise library and the templates is
decided in `sciatica.exercises.suitability`.
"""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import Field

from sciatica import i18n
from sciatica.content import DATA_DIR, ContentError, Frozen, check_sources, load_yaml
from sciatica.diary.models import AboutMe
from sciatica.i18n import Language, Text, _

Answer = Literal[
    "pregnant", "back_surgery", "hip_replacement", "osteoporosis", "under_16", "had_cancer"
]
ANSWERS: tuple[Answer, ...] = (
    "pregnant",
    "back_surgery",
    "hip_replacement",
    "osteoporosis",
    "under_16",
    "had_cancer",
)


class Question(Frozen):
    """One About-me statement to tick, and the caution it adds."""

    label: Text = Field(min_length=5, max_length=80)
    caution: Text = Field(min_length=20)
    sources: tuple[str, ...]


class FollowUps(Frozen):
    """Questions asked only with a ticked statement."""

    due_date: Text
    cancer_assessed: Text


class AboutMeContent(Frozen):
    """The About-me file."""

    intro: Text
    questions: dict[Answer, Question]
    follow_ups: FollowUps
    cancer_reason: Text
    cancer_resolve: Text


def about_me_content(language: Language | None = None) -> AboutMeContent:
    """The About-me wording, validated, every question present and every source known.

    In the current language unless given; each language is read once.
    """
    return _about_me_content(language or i18n.current())


@cache
def _about_me_content(language: Language) -> AboutMeContent:
    loaded = load_yaml(DATA_DIR / "about_me.yaml", AboutMeContent, language=language)
    missing = [answer for answer in ANSWERS if answer not in loaded.questions]
    if missing:
        raise ContentError(f"about_me.yaml: questions missing: {', '.join(missing)}")
    for answer, question in loaded.questions.items():
        check_sources(question.sources, where=f"about_me.yaml: {answer}")
    return loaded


def ticked(about: AboutMe) -> list[Answer]:
    """The statements the person ticked, in the order they are asked."""
    return [answer for answer in ANSWERS if getattr(about, answer)]


def cautions(about: AboutMe | None) -> list[Question]:
    """The cautions that apply to the person, in the order the statements are asked."""
    if about is None:
        return []
    questions = about_me_content().questions
    return [questions[answer] for answer in ticked(about)]


def summary(about: AboutMe | None) -> str:
    """One line for the export preview and the Safety page: what the person told the app."""
    if about is None or about.answered_on is None:
        return _("Not answered yet.")
    labels = [about_me_content().questions[answer].label for answer in ticked(about)]
    return "; ".join(labels) + "." if labels else _("None of these apply.")
