"""Load and check the exercise catalogue, and walk its modification ladders.

Owns reading data/exercises.yaml and data/poses.yaml into a validated `Catalog`, the errors a
broken file raises (`CatalogError`) and each family's easier-to-harder ladder. Filtering lives
in `filters`; the models and filters are importable from here too.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from sciatica import i18n
from sciatica.content import DATA_DIR, ContentError, sources
from sciatica.exercises.models import (
    Catalog,
    Exercise,
)
from sciatica.exercises.poses import Pose
from sciatica.i18n import LANGUAGES, Language

DEFAULT_CATALOG = DATA_DIR / "exercises.yaml"
DEFAULT_POSES = DATA_DIR / "poses.yaml"

ModelT = TypeVar("ModelT", bound=BaseModel)


class CatalogError(ValueError):
    """The catalogue or pose file cannot be read, is malformed, or has a broken link."""


def load_catalog(
    path: Path | None = None, *, poses_path: Path | None = None, language: Language | None = None
) -> Catalog:
    """Load and check a catalogue in a language (the current one unless given).

    The shipped one is read once per language and cached. Every text must be there in every
    language, whichever is loaded.
    """
    language = language or i18n.current()
    if path is None and poses_path is None:
        return _load_default(language)
    catalog_path = path or DEFAULT_CATALOG
    sibling = catalog_path.with_name("poses.yaml")
    poses = poses_path or (sibling if sibling.exists() else DEFAULT_POSES)
    return _load(catalog_path, poses, language)


@lru_cache(maxsize=len(LANGUAGES))
def _load_default(language: Language) -> Catalog:
    return _load(DEFAULT_CATALOG, DEFAULT_POSES, language)


def _load(path: Path, poses_path: Path, language: Language) -> Catalog:
    pose_list = _validate(poses_path, _read(poses_path, "poses")["poses"], Pose, {}, "pose")
    poses = _by_id(poses_path, pose_list)
    raw = _read(path, "exercises")
    try:
        known_sources = sources()
    except ContentError as error:
        raise CatalogError(str(error)) from error
    context = {"poses": poses, "sources": known_sources, "language": language}
    exercises = _validate(path, raw["exercises"], Exercise, context, "entry")
    _check_links(path, exercises)
    cited = {source_id for exercise in exercises for source_id in exercise.sources}
    used = tuple(source for source in known_sources.values() if source.id in cited)
    return Catalog(sources=used, exercises=tuple(exercises))


def _read(path: Path, *keys: str) -> dict[str, list[Any]]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise CatalogError(f"{path}: cannot be read: {error}") from error
    if not isinstance(raw, dict) or set(raw) != set(keys):
        raise CatalogError(f"{path}: needs exactly these top-level keys: {', '.join(keys)}")
    if not all(isinstance(raw[key], list) for key in keys):
        raise CatalogError(f"{path}: each of {', '.join(keys)} must be a list")
    return raw


def _validate(
    path: Path, items: list[Any], model: type[ModelT], context: dict[str, Any], noun: str
) -> list[ModelT]:
    valid, problems = [], []
    for number, item in enumerate(items, start=1):
        name = item.get("id") if isinstance(item, dict) else None
        label = f"{noun} '{name}'" if isinstance(name, str) else f"{noun} #{number}"
        try:
            valid.append(model.model_validate(item, context=context))
        except ValidationError as error:
            for detail in error.errors():
                field = ".".join(str(part) for part in detail["loc"]) or "(whole entry)"
                message = detail["msg"].removeprefix("Value error, ")
                if detail["type"] == "extra_forbidden":
                    message = "unknown field; check its spelling"
                problems.append(f"{path}: {label}, field '{field}': {message}")
    if problems:
        raise CatalogError("\n".join(problems))
    return valid


def _by_id(path: Path, items: Sequence[Pose]) -> dict[str, Any]:
    by_id: dict[str, Any] = {}
    for item in items:
        if item.id in by_id:
            noun = type(item).__name__.lower()
            raise CatalogError(f"{path}: {noun} '{item.id}', field 'id': the same id is used twice")
        by_id[item.id] = item
    return by_id


def _check_links(path: Path, exercises: list[Exercise]) -> None:
    """Ids are unique, parents resolve to a family root, ladder places are unique per family."""
    by_id: dict[str, Exercise] = {}
    problems = []
    for exercise in exercises:
        if exercise.id in by_id:
            problems.append((exercise.id, "id", "the same id is used twice"))
        by_id[exercise.id] = exercise
    ladder_places: dict[tuple[str, int], str] = {}
    for exercise in exercises:
        parent = by_id.get(exercise.parent) if exercise.parent else None
        if exercise.parent == exercise.id:
            problems.append((exercise.id, "parent", "an exercise cannot be its own parent"))
        elif exercise.parent and parent is None:
            problems.append((exercise.id, "parent", f"unknown exercise '{exercise.parent}'"))
        elif parent is not None and parent.parent is not None:
            why = (
                f"'{parent.id}' is itself a modification of '{parent.parent}'; "
                "name the family's main exercise instead"
            )
            problems.append((exercise.id, "parent", why))
        if exercise.comfort_option:
            continue  # a comfort option takes no place on the ladder
        place = (exercise.family_id, exercise.ladder)
        if place in ladder_places:
            why = f"{exercise.ladder} is already used by '{ladder_places[place]}' in this family"
            problems.append((exercise.id, "ladder", why))
        ladder_places.setdefault(place, exercise.id)
    if problems:
        lines = (f"{path}: entry '{name}', field '{field}': {why}" for name, field, why in problems)
        raise CatalogError("\n".join(lines))


def family(catalog: Catalog, *, exercise_id: str) -> list[Exercise]:
    """The exercise's ladder (main exercise and modifications), easier to harder.

    Comfort options (a softer surface, say) are no easier or harder, so they are not on it.
    """
    root = catalog.get(exercise_id).family_id
    members = [
        exercise
        for exercise in catalog.exercises
        if exercise.family_id == root and not exercise.comfort_option
    ]
    return sorted(members, key=lambda exercise: exercise.ladder)


def comfort_options(catalog: Catalog, *, exercise_id: str) -> list[Exercise]:
    """The comfort options of the exercise's family, in file order."""
    root = catalog.get(exercise_id).family_id
    return [
        exercise
        for exercise in catalog.exercises
        if exercise.family_id == root and exercise.comfort_option
    ]


def easier_variant(catalog: Catalog, *, exercise_id: str) -> Exercise | None:
    """The next easier exercise in the same family, if there is one."""
    return _neighbour(catalog, exercise_id, step=-1)


def harder_variant(catalog: Catalog, *, exercise_id: str) -> Exercise | None:
    """The next harder exercise in the same family, if there is one."""
    return _neighbour(catalog, exercise_id, step=1)


def _neighbour(catalog: Catalog, exercise_id: str, *, step: int) -> Exercise | None:
    members = family(catalog, exercise_id=exercise_id)
    ids = [member.id for member in members]
    if exercise_id not in ids:  # a comfort option steps as its main exercise does
        exercise_id = catalog.get(exercise_id).family_id
    index = ids.index(exercise_id) + step
    return members[index] if 0 <= index < len(members) else None
