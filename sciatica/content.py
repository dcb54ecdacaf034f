"""The app's words: loading of the validated content files in data/ (sources, warning signs,
safety text), and an English plural helper for the command line.

Content speaks every language: each text a person reads is written in YAML as one entry per
language, `{en: ..., sv: ...}`, and declared `Text` in its model. A file is loaded for one
language (the current one unless told), and its models then hold plain strings in that
language, so the code that shows them does not change. Loading any language checks that every
text has all of them: a missing or empty Swedish text fails loudly, naming the field. (`Text`
itself lives in `sciatica.i18n`, so that models need not import this loader.)
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, HttpUrl, ValidationError, model_validator

from sciatica import i18n
from sciatica.i18n import Language, gettext

DATA_DIR = Path(__file__).resolve().parents[1] / "data"

ModelT = TypeVar("ModelT", bound=BaseModel)


class ContentError(ValueError):
    """A content file is missing, malformed or refers to something that does not exist."""


class Frozen(BaseModel):
    """Base for content: immutable, and a typo in a field name fails loudly."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Source(Frozen):
    """A published source that a claim in the app rests on."""

    id: str = Field(pattern=r"^[a-z0-9-]+$", description="Short stable id used in links.")
    title: str = Field(min_length=1, description="Title of the page or paper.")
    publisher: str = Field(min_length=1, description="Who published it.")
    url: HttpUrl | None = Field(None, description="Where to read it; only once confirmed.")
    verified: bool = Field(
        False, description="The link and title were confirmed against the page itself."
    )
    checked: str = Field(min_length=10, description="What confirming it found, or could not.")
    supports: str | None = Field(
        None, min_length=10, description="What in the app it is cited for, where that helps."
    )
    language: Language = Field("en", description="The language the source is written in.")
    describes: tuple[str, ...] = Field(
        (),
        description="Exercise families (ids) or kinds the page itself was seen to describe.",
    )

    @model_validator(mode="after")
    def _link_only_when_confirmed(self) -> Source:
        # An unconfirmed address is left out rather than guessed (data/sources.yaml).
        if self.verified != (self.url is not None):
            raise ValueError("a url is given exactly when the source is verified")
        # What a page describes is known only from reading it.
        if self.describes and not self.verified:
            raise ValueError("only a verified source can say what it describes")
        return self

    def cite(self) -> str:
        """Markdown: the title as a link where confirmed, the publisher, and its language.

        A title is cited as published, in its own language; a source in another language than
        the reader's says so.
        """
        title = f"[{self.title}]({self.url})" if self.url else f"*{self.title}*"
        cited = f"{title}, {self.publisher}"
        if self.language != i18n.current():
            cited += f" ({gettext(_SOURCE_LANGUAGE[self.language])})"
        return cited


_SOURCE_LANGUAGE: dict[Language, str] = {"en": i18n.N_("in English"), "sv": i18n.N_("in Swedish")}


class SourceList(Frozen):
    """The sources file."""

    sources: tuple[Source, ...]


def load_yaml(path: Path, model: type[ModelT], *, language: Language | None = None) -> ModelT:
    """Read a YAML file and validate it in a language (the current one unless given).

    Raises ContentError with the file and field named.
    """
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ContentError(f"{path.name}: cannot be read: {error}") from error
    try:
        return model.model_validate(raw, context={"language": language or i18n.current()})
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in item['loc'])}: {item['msg']}"
            for item in error.errors()
        )
        raise ContentError(f"{path.name}: {problems}") from error


@cache
def sources() -> dict[str, Source]:
    """Every source, by id."""
    loaded = load_yaml(DATA_DIR / "sources.yaml", SourceList).sources
    by_id = {source.id: source for source in loaded}
    if len(by_id) != len(loaded):
        raise ContentError("sources.yaml: source ids must be unique")
    return by_id


def check_sources(ids: tuple[str, ...], *, where: str) -> None:
    """Raise ContentError unless every id names a known source."""
    known = sources()
    missing = [source_id for source_id in ids if source_id not in known]
    if missing:
        raise ContentError(f"{where}: unknown source {', '.join(missing)}")
    if not ids:
        raise ContentError(f"{where}: names no source")


def plural(count: int, one: str, many: str) -> str:
    """The count with the right form: plural(1, "check-in", "check-ins") gives "1 check-in".

    A form with "{n}" in it is a whole phrase and gets the count there instead:
    plural(2, "{n} of these days is", "{n} of these days are") gives "2 of these days are".
    English only: for the command line, which speaks to the operator in English. Everything a
    person reads in the app counts with `i18n.ngettext`, whose plural forms come from each
    language's catalogue.
    """
    form = one if count == 1 else many
    return form.replace("{n}", str(count)) if "{n}" in form else f"{count} {form}"
