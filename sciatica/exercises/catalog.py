"""Load the exercise catalogue, and pure functions to filter it and walk its ladders."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from sciatica.content import DATA_DIR, ContentError, sources
from sciatica.exercises.models import (
    Catalog,
    Equipment,
    Exercise,
    ExerciseFilter,
    Kind,
    Level,
    Position,
    TargetArea,
    TodayAdjustment,
)
from sciatica.exercises.poses import Pose

DEFAULT_CATALOG = DATA_DIR / "exercises.yaml"
DEFAULT_POSES = DATA_DIR / "poses.yaml"
# High leg pain, or symptoms reaching below the knee, suggest an irritable nerve root: start
# gently and offer easier variants first (CLINICAL.md sections 4-5; NICE CKS sciatica).
GENTLE_FROM_LEG_PAIN = 7
FAR_EXTENTS = {"below_knee": "below the knee", "foot": "into your foot"}

ModelT = TypeVar("ModelT", bound=BaseModel)
# Models re-exported so callers can import everything from sciatica.exercises.catalog.
__all__ = [
    "Catalog",
    "CatalogError",
    "Equipment",
    "Exercise",
    "ExerciseFilter",
    "Kind",
    "Level",
    "Position",
    "TargetArea",
    "TodayAdjustment",
    "easier_variant",
    "family",
    "filter_exercises",
    "filter_from_query_params",
    "filter_to_query_params",
    "harder_variant",
    "load_catalog",
    "suggest_loosening",
    "today_adjustment",
]


class CatalogError(ValueError):
    """The catalogue or pose file cannot be read, is malformed, or has a broken link."""


def load_catalog(path: Path | None = None, *, poses_path: Path | None = None) -> Catalog:
    """Load and check a catalogue; the shipped one is read once and cached."""
    if path is None and poses_path is None:
        return _load_default()
    catalog_path = path or DEFAULT_CATALOG
    sibling = catalog_path.with_name("poses.yaml")
    return _load(catalog_path, poses_path or (sibling if sibling.exists() else DEFAULT_POSES))


@lru_cache(maxsize=1)
def _load_default() -> Catalog:
    return _load(DEFAULT_CATALOG, DEFAULT_POSES)


def _load(path: Path, poses_path: Path) -> Catalog:
    pose_list = _validate(poses_path, _read(poses_path, "poses")["poses"], Pose, {}, "pose")
    poses = _by_id(poses_path, pose_list)
    raw = _read(path, "exercises")
    try:
        known_sources = sources()
    except ContentError as error:
        raise CatalogError(str(error)) from error
    context = {"poses": poses, "sources": known_sources}
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
        place = (exercise.family_id, exercise.ladder)
        if place in ladder_places:
            why = f"{exercise.ladder} is already used by '{ladder_places[place]}' in this family"
            problems.append((exercise.id, "ladder", why))
        ladder_places.setdefault(place, exercise.id)
    if problems:
        lines = (f"{path}: entry '{name}', field '{field}': {why}" for name, field, why in problems)
        raise CatalogError("\n".join(lines))


def family(catalog: Catalog, *, exercise_id: str) -> list[Exercise]:
    """The exercise's family (main exercise and modifications), easier to harder."""
    root = catalog.get(exercise_id).family_id
    members = [exercise for exercise in catalog.exercises if exercise.family_id == root]
    return sorted(members, key=lambda exercise: exercise.ladder)


def easier_variant(catalog: Catalog, *, exercise_id: str) -> Exercise | None:
    """The next easier exercise in the same family, if there is one."""
    return _neighbour(catalog, exercise_id, step=-1)


def harder_variant(catalog: Catalog, *, exercise_id: str) -> Exercise | None:
    """The next harder exercise in the same family, if there is one."""
    return _neighbour(catalog, exercise_id, step=1)


def _neighbour(catalog: Catalog, exercise_id: str, *, step: int) -> Exercise | None:
    members = family(catalog, exercise_id=exercise_id)
    index = [member.id for member in members].index(exercise_id) + step
    return members[index] if 0 <= index < len(members) else None


# Filter fields a user can loosen, with the names the page shows for them.
_DIMENSIONS = {
    "search": "Search",
    "kinds": "Type",  # the Exercises page labels this filter "Type"
    "target_areas": "Target area",
    "positions": "Position",
    "equipment": "Equipment",
    "levels": "Level",
}


def _matches(exercise: Exercise, flt: ExerciseFilter, *, gentle_only: bool) -> bool:
    text = " ".join((exercise.name, exercise.purpose, *exercise.steps)).casefold()
    return (
        all(word in text for word in flt.search.casefold().split())
        and (not flt.kinds or exercise.kind in flt.kinds)
        and (not flt.target_areas or not flt.target_areas.isdisjoint(exercise.target_areas))
        and (not flt.positions or exercise.position in flt.positions)
        and (not flt.equipment or not flt.equipment.isdisjoint(exercise.equipment))
        and (not flt.levels or exercise.level in flt.levels)
        and (not gentle_only or exercise.level is Level.GENTLE)
    )


def filter_exercises(
    catalog: Catalog, flt: ExerciseFilter, *, gentle_only: bool = False, easier_first: bool = False
) -> list[Exercise]:
    """Exercises matching the filter, grouped by family; main exercise first unless easier_first."""
    roots = [exercise.id for exercise in catalog.exercises if exercise.parent is None]

    def order(exercise: Exercise) -> tuple[int, int]:
        main_first = 0 if exercise.parent is None and not easier_first else exercise.ladder
        return roots.index(exercise.family_id), main_first

    found = [ex for ex in catalog.exercises if _matches(ex, flt, gentle_only=gentle_only)]
    return sorted(found, key=order)


def suggest_loosening(
    catalog: Catalog, flt: ExerciseFilter, *, gentle_only: bool = False
) -> list[str]:
    """Names of the filters to loosen when nothing matches; empty if something matches."""
    if filter_exercises(catalog, flt, gentle_only=gentle_only):
        return []
    active = [field for field in _DIMENSIONS if getattr(flt, field)]
    helpful = [
        _DIMENSIONS[field]
        for field in active
        if filter_exercises(catalog, _without(flt, field), gentle_only=gentle_only)
    ]
    if gentle_only and filter_exercises(catalog, flt):
        helpful.append("Suits me today")
    return helpful or [_DIMENSIONS[field] for field in active]


def _without(flt: ExerciseFilter, field: str) -> ExerciseFilter:
    return flt.model_copy(update={field: ExerciseFilter.model_fields[field].default})


# Query-string keys and the filter fields they carry.
_PARAMS: dict[str, tuple[str, type[StrEnum]]] = {
    "kind": ("kinds", Kind),
    "area": ("target_areas", TargetArea),
    "position": ("positions", Position),
    "equipment": ("equipment", Equipment),
    "level": ("levels", Level),
}
_TRUE = {"1", "true", "yes", "on"}


def filter_to_query_params(flt: ExerciseFilter) -> dict[str, list[str]]:
    """The filter as URL query parameters, leaving out anything unset."""
    params = {"q": [flt.search]} if flt.search else {}
    for key, (field, _) in _PARAMS.items():
        values: frozenset[StrEnum] = getattr(flt, field)
        if values:
            params[key] = sorted(value.value for value in values)
    if flt.suits_today:
        params["today"] = ["1"]
    return params


def filter_from_query_params(params: Mapping[str, Any]) -> ExerciseFilter:
    """A filter from URL query parameters, ignoring unknown keys and values."""

    def strings(key: str) -> list[str]:
        value = params.get(key)
        items = [value] if isinstance(value, str) else value
        return [item for item in items if isinstance(item, str)] if isinstance(items, list) else []

    chosen: dict[str, Any] = {"search": next(iter(strings("q")), "")}
    for key, (field, enum) in _PARAMS.items():
        known = {member.value for member in enum}
        chosen[field] = frozenset(enum(value) for value in strings(key) if value in known)
    chosen["suits_today"] = any(value.strip().casefold() in _TRUE for value in strings("today"))
    return ExerciseFilter.model_validate(chosen)


def today_adjustment(*, leg_pain: int | None, extent: str | None) -> TodayAdjustment:
    """Gentle exercises and easier variants first when leg pain is high or reaches far down."""
    reasons = []
    if leg_pain is not None and leg_pain >= GENTLE_FROM_LEG_PAIN:
        reasons.append(f"your leg pain is {leg_pain}/10")
    far = FAR_EXTENTS.get(str(extent))  # str() so a StrEnum such as LegExtent works too
    if far is not None:
        reasons.append(f"your symptoms reach {far}")
    if not reasons:
        return TodayAdjustment(gentle_only=False, easier_first=False)
    why = " and ".join(reasons)
    reason = f"Because {why} today, only gentle exercises are shown, easier versions first."
    return TodayAdjustment(gentle_only=True, easier_first=True, reason=reason)
